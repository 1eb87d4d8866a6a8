#!/usr/bin/env bash
# leaders_shipped.sh: golden tests of the SHIPPED person dictionaries
# (dictionaries/actors/leaders/*.txt): a listed person in a dated text gets the code of
# that date (tests/golden/leaders-shipped.txt, the format of tests/golden/actors-*.txt).
# Unlike actors.sh (seed dictionaries, the engine's rules), this checks the content.
set -eu
: "${NE_BIN:?}" "${NE_SRC:?}" "${NEWSEVENTS_DATA:?}"
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
exec node "$NE_SRC/tests/golden/actors_check.js" "$NE_BIN" "$NEWSEVENTS_DATA" "$NE_SRC/tests/golden/leaders-shipped.txt"
