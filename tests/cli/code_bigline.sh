#!/bin/bash
# code_bigline.sh: a 50 MB single JSON line is coded, not truncated or
# rejected, and the records after it still are.
. "$(dirname "$0")/lib.sh"

# The text is mostly spaces (cheap for every stage, even under ASan) with
# sentences at both ends; the title comes after the text in the line, so a
# title in the output shows that the whole line was read.
python3 - "$TMP/big.jsonl" <<'PY'
import sys
head = "Officials said the talks in Geneva would resume next week."
tail = "Pakistan recalled its ambassador on Tuesday."
with open(sys.argv[1], "w") as f:
    f.write('{"id": "big", "text": "' + head + " " * (50 * 1000 * 1000) + tail + '", "title": "A very long article"}\n')
    f.write('{"id": "after", "text": "Short."}\n')
PY
size=$(head -n 1 "$TMP/big.jsonl" | wc -c)
[ "$size" -ge 50000000 ] || fail "generated line has only $size bytes"
run code "$TMP/big.jsonl"; expect_rc 0; expect_lines 2
expect_field 1 id '"big"'; expect_field 1 title '"A very long article"'; expect_field 2 id '"after"'
json_ok
# anything found in the last sentence has its span past the 50 MB of spaces
python3 - "$TMP/out" <<'PY' || fail "a span in the last sentence is not past the padding"
import json, sys
doc = json.loads(open(sys.argv[1]).readline())
for key in ("timexes", "actors", "places"):
    for m in doc[key]:
        if "Pakistan" in m["text"] or "Tuesday" in m["text"]:
            assert m["span"][0] > 50 * 1000 * 1000, m
PY
ok
