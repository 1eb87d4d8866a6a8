#!/bin/bash
# quote_title_marks.sh: quote.c reads a quote mark's bytes in its own segment. A title's
# curly quotes, guillemets and ``...'' were read at their title offsets in the body text
# (past the end of a short body: ASan reports it now that the arena poisons what it has not
# handed out). Title marks open no quotation; the body's quotation keeps its speaker.
. "$(dirname "$0")/lib.sh"
printf '%s\n' "{\"id\":\"q\",\"title\":\"“We will not back down,” says minister; \`\`no deal'' and «never»\",\"text\":\"“Yes,” Ali said.\"}" >"$TMP/in.jsonl"
run code -q "$TMP/in.jsonl"
expect_rc 0
expect_lines 1
CHECKS=$((CHECKS + 1))
python3 - "$TMP/out" <<'PY' || fail "quotes not as expected: $(cat "$TMP/out")"
import json, sys
q = json.loads(open(sys.argv[1]).readline())["quotes"]
assert [(x["text"], x["speaker"]["name"]) for x in q] == [("Yes", "Ali")], q
PY
echo "ok: $CHECKS checks"
