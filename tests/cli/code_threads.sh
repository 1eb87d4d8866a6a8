#!/bin/bash
# code_threads.sh: --threads N gives byte-identical output to one thread, in
# input order, with the same messages, over more records than one batch.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/in.jsonl" <<'PY'
import json, sys
words = ["Pakistan", "recalled", "its", "ambassador", "after", "the", "strike", "on", "Tuesday",
         "Iran", "said", "talks", "would", "resume", "in", "Geneva", "U.S.", "officials", "\u201cno\u201d"]
with open(sys.argv[1], "w") as f:
    for i in range(300):  # more than one batch of 256
        n = 5 + (i * 37) % 400  # uneven lengths so threads finish out of order
        text = " ".join(words[(i + k * 7) % len(words)] for k in range(n)) + "."
        if i % 97 == 13:
            f.write('{"id": "bad%d"}\n' % i)  # a failing record among them
        else:
            f.write(json.dumps({"id": "r%04d" % i, "text": text}) + "\n")
PY
run code --threads 1 "$TMP/in.jsonl"; expect_rc 1
cp "$TMP/out" "$TMP/one.out"; cp "$TMP/err" "$TMP/one.err"
expect_lines 297 "$TMP/one.out"
for t in 2 4; do
    run code --threads "$t" "$TMP/in.jsonl"; expect_rc 1
    cmp -s "$TMP/out" "$TMP/one.out" || fail "--threads $t output differs from --threads 1"
    cmp -s "$TMP/err" "$TMP/one.err" || fail "--threads $t messages differ"
done
run code -j 2 <"$TMP/in.jsonl"; expect_rc 1; expect_lines 297
# input order: ids ascend
python3 - "$TMP/one.out" <<'PY' || fail "output is not in input order"
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
assert ids == sorted(ids), "order"
PY
ok
