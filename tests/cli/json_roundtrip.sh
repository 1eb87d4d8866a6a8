#!/bin/bash
# json_roundtrip.sh: every output line parses and round-trips through python3's
# json, whatever the input holds: control characters, quotes, backslashes,
# NUL, non-BMP characters, escaped surrogate pairs, U+2028/U+2029, RTL text;
# the title and id come back exactly.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/in.jsonl" "$TMP/want.jsonl" <<'PY'
import json, sys
cases = [
    "plain ASCII title",
    "quotes \" and backslashes \\ and / slashes",
    "control \x01\x02\x1f characters, tab\tand newline\nand CR\r",
    "NUL \x00 inside",
    "curly \u201cquotes\u201d and \u2018single\u2019, dashes \u2013 \u2014",
    "emoji \U0001F600 and math \U0001D400",
    "line sep \u2028 para sep \u2029 end",
    "\u0627\u0644\u0633\u0644\u0627\u0645 Arabic and \u05e9\u05dc\u05d5\u05dd Hebrew",
    "\u6211\u4eec\u8981\u548c\u5e73\u3002 Chinese",
    "combining e\u0301 and precomposed \u00e9",
    "DEL \x7f and C1 \x85 controls",
    "BOM inside \ufeff the title",
    "",
]
with open(sys.argv[1], "w", encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as w:
    for i, t in enumerate(cases):
        rec = {"id": "id-%d-\u00e9\"\\" % i, "title": t, "text": t + ". Another sentence follows here."}
        f.write(json.dumps(rec, ensure_ascii=(i % 2 == 0)) + "\n")  # escaped and raw forms
        w.write(json.dumps({"id": rec["id"], "title": t}) + "\n")
    # surrogate pair written as escapes in the input
    f.write('{"id": "sur", "title": "\\ud83d\\ude00 pair", "text": "\\ud83d\\ude00 x."}\n')
    w.write(json.dumps({"id": "sur", "title": "\U0001F600 pair"}) + "\n")
PY
run code "$TMP/in.jsonl"; expect_rc 0; expect_lines 14; json_ok
python3 - "$TMP/out" "$TMP/want.jsonl" <<'PY' || fail "id or title did not round-trip"
import json, sys
got = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
want = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(got) == len(want)
for g, w in zip(got, want):
    assert g["id"] == w["id"], (g["id"], w["id"])
    assert g["title"] == w["title"], (g["title"], w["title"])
PY
# sentence spans stay inside the text and on character boundaries (TSV and JSON agree on ids)
run code --format tsv "$TMP/in.jsonl"; expect_rc 0
ok
