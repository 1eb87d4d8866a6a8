#!/bin/bash
# code_basic.sh: `newsevents code` on good input: stdin, "-", files, -o,
# unknown fields, --help and --version, one output object per article.
. "$(dirname "$0")/lib.sh"

# --help and --version go to stdout with status 0
run --help; expect_rc 0; expect_out "Usage: newsevents COMMAND"
run --version; expect_rc 0
grep -qE '^newsevents [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out" || fail "--version: $(cat "$TMP/out")"
run code --help; expect_rc 0; expect_out "--threads N"; expect_out "Exit status"

# three records from stdin, one with unknown fields of every type (ignored)
cat >"$TMP/in.jsonl" <<'J'
{"id": "a1", "text": "Pakistan recalled its ambassador. Iran said nothing.", "date": "2024-01-17"}
{"id": "a2", "text": "Talks resumed.", "extra": {"nested": [1, 2, {"x": null}]}, "score": 0.5, "flag": true, "tags": []}
{"id": "a3", "title": "Border Talks", "text": "The two sides met.", "url": "https://example.org/a3", "source": "Example Wire"}
J
run code <"$TMP/in.jsonl"; expect_rc 0; expect_no_err; expect_lines 3; json_ok
expect_field 1 id '"a1"'; expect_field 2 id '"a2"'; expect_field 3 id '"a3"'
expect_field 1 date '"2024-01-17"'
expect_field 2 extra '"<absent>"'     # unknown fields are not echoed
expect_field 3 title '"Border Talks"'
expect_field 3 url '"https://example.org/a3"'
expect_field 3 source '"Example Wire"'
expect_field 2 title 'null'
for key in headline events actors places quotes timexes; do
    [ "$(field 1 "$key")" != '"<absent>"' ] || fail "output lacks $key"
done

# "-" reads stdin, a file argument reads the file: same output
cp "$TMP/out" "$TMP/stdin.out"
run code - <"$TMP/in.jsonl"; expect_rc 0
cmp -s "$TMP/out" "$TMP/stdin.out" || fail "'-' differs from plain stdin"
run code "$TMP/in.jsonl"; expect_rc 0
cmp -s "$TMP/out" "$TMP/stdin.out" || fail "file argument differs from stdin"

# -o OUT writes the file and nothing to stdout
run code -o "$TMP/o.jsonl" "$TMP/in.jsonl"; expect_rc 0; expect_lines 0
cmp -s "$TMP/o.jsonl" "$TMP/stdin.out" || fail "-o output differs"
run code --output "$TMP/o2.jsonl" "$TMP/in.jsonl"; expect_rc 0
cmp -s "$TMP/o2.jsonl" "$TMP/stdin.out" || fail "--output differs"

# --date fills records without a date, not those with one
run code --date 2023-05-06 "$TMP/in.jsonl"; expect_rc 0
expect_field 1 date '"2024-01-17"'; expect_field 2 date '"2023-05-06"'

# an integer id is accepted and written as a string
echo '{"id": 42, "text": "Hello."}' >"$TMP/int.jsonl"
run code "$TMP/int.jsonl"; expect_rc 0; expect_field 1 id '"42"'

# --format tsv writes no JSON (zero or more event lines), still exit 0
run code --format tsv "$TMP/in.jsonl"; expect_rc 0
if grep -q '^{' "$TMP/out"; then fail "tsv output contains JSON"; fi
ok
