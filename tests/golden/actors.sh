#!/usr/bin/env bash
# actors.sh: golden tests of actor, place and coreference recognition
# (tests/golden/actors-*.txt) on the seed dictionaries of tests/golden/seed,
# isolated from the shipped content so that they test the engine's rules.
set -eu
: "${NE_BIN:?}" "${NE_SRC:?}" "${NEWSEVENTS_DATA:?}"
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$NEWSEVENTS_DATA"/. "$tmp"/
rm -rf "$tmp/actors" "$tmp/places" "$tmp/roles.txt"
cp -r "$NE_SRC/tests/golden/seed"/. "$tmp"/
# not exec: the EXIT trap must remove $tmp (a copy of the data, ~40 MB)
node "$NE_SRC/tests/golden/actors_check.js" "$NE_BIN" "$tmp" "$NE_SRC"/tests/golden/actors-*.txt
