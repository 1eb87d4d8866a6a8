#!/bin/bash
# root_counts.sh: eval/root_counts.py counts root-level keys per root as `newsevents eval`
# does (docs/EVAL.md): a key is (source country, target country, root) once per article, so
# a second prediction of the same key and the code below the root do not count twice; a
# prediction of the right countries under another root is a confusion, not a hit.
set -eu
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/gold.jsonl" <<'G'
{"id": "a", "events": [{"source": {"country": "IRN"}, "target": {"country": "PAK"}, "code": "190"}, {"source": {"country": "PAK"}, "target": {"country": "IRN"}, "code": "111"}]}
{"id": "b", "events": [{"source": {"country": "USA"}, "target": null, "code": "010"}, {"source": {"country": "USA"}, "target": {"country": "CHN"}, "code": "100"}]}
G
cat > "$tmp/new.jsonl" <<'P'
{"id": "a", "events": [{"source": {"country": "IRN"}, "target": {"country": "PAK"}, "code": "195", "root": "19"}, {"source": {"country": "IRN"}, "target": {"country": "PAK"}, "code": "190", "root": "19"}, {"source": {"country": "PAK"}, "target": {"country": "IRN"}, "code": "130", "root": "13"}]}
{"id": "b", "events": [{"source": {"country": "USA"}, "target": null, "code": "012", "root": "01"}, {"source": {"country": "USA"}, "target": {"country": "CHN"}, "code": "112", "root": "11"}]}
P
cat > "$tmp/base.jsonl" <<'P'
{"id": "a", "events": []}
{"id": "b", "events": [{"source": {"country": "USA"}, "target": {"country": "RUS"}, "code": "010", "root": "01"}]}
P
out=$(python3 "$NE_SRC/eval/root_counts.py" "$tmp/gold.jsonl" "$tmp/new.jsonl" "$tmp/base.jsonl" --confusions)
expect() { echo "$out" | grep -qE -- "$1" || { echo "FAIL: no /$1/ in:"; echo "$out"; exit 1; }; }
expect '^19 +1 +1/1 +0/0 *$'
expect '^01 +1 +1/1 +1/0 *$'
expect '^13 +0 +1/0 +0/0 *$'
expect '^total\(1\) gold 4 pred 4 hit 2  P 0.500 R 0.500 F1 0.500$'
expect '^total\(2\) gold 4 pred 1 hit 0  P 0.000 R 0.000 F1 0.000$'
expect 'root in their article: 2; with the same country pair predicted under another root: 2$'
expect '(11->13 1, 10->11 1|10->11 1, 11->13 1)$'
set +e
python3 "$NE_SRC/eval/root_counts.py" "$tmp/gold.jsonl" 2>/dev/null
rc=$?
set -e
[ "$rc" = 2 ] || { echo "FAIL: one file: exit $rc, expected 2"; exit 1; }
echo "root_counts: ok"
