#!/bin/bash
# eval_texts.sh: `newsevents eval --texts` reads a gold set's texts by
# reference (whole file, byte range, TSV line, CSV key) from a shared data
# directory, as docs/ANNOTATION.md documents; here a made-up one.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/shared/set"
printf 'Title line\n\nFirst paragraph here.\nSecond one.\n' > "$tmp/shared/set/a.txt"
printf 'one "quoted" sentence\t0\nsecond sentence\t4\n' > "$tmp/shared/set/s.tsv"
printf ',doc_id,full_text\n0,7,"multi\nline, with ""quotes"""\n1,8,plain\n' > "$tmp/shared/set/m.csv"
cat > "$tmp/gold.jsonl" <<'G'
{"id": "whole", "doc": {"file": "set/a.txt"}, "date": "2020-01-02"}
{"id": "cut", "doc": {"file": "set/a.txt", "start": 12, "end": 34}}
{"id": "tsv", "doc": {"file": "set/s.tsv", "line": 1, "field": 0}}
{"id": "csv", "doc": {"file": "set/m.csv", "key_field": "doc_id", "key": "7", "field": "full_text"}}
G
out=$("$NE_BIN" eval --texts "$tmp/gold.jsonl" --shared "$tmp/shared")
expect() {
    echo "$out" | grep -qF -- "$1" || { echo "FAIL: no $1 in:"; echo "$out"; exit 1; }
}
expect '{"id":"whole","text":"Title line\n\nFirst paragraph here.\nSecond one.\n","date":"2020-01-02"}'
expect '{"id":"cut","text":"First paragraph here.\n"}'
expect '{"id":"tsv","text":"one \"quoted\" sentence"}'
expect '{"id":"csv","text":"multi\nline, with \"quotes\""}'
# a reference outside the text is an error
echo '{"id": "bad", "doc": {"file": "set/a.txt", "start": 10, "end": 999}}' > "$tmp/bad.jsonl"
if "$NE_BIN" eval --texts "$tmp/bad.jsonl" --shared "$tmp/shared" >/dev/null 2>&1; then echo "FAIL: bad offsets accepted"; exit 1; fi
echo "eval --texts: ok"
