#!/bin/bash
# code_errors.sh: bad records are reported as FILE:LINE: reason on stderr and
# skipped; the good ones around them are still coded; exit status 1.
. "$(dirname "$0")/lib.sh"

# empty input (no bytes, blank lines only): nothing to do, status 0
run code </dev/null; expect_rc 0; expect_lines 0; expect_no_err
printf '\n   \n\t\n' >"$TMP/blank.jsonl"
run code "$TMP/blank.jsonl"; expect_rc 0; expect_lines 0; expect_no_err
: >"$TMP/empty.jsonl"
run code "$TMP/empty.jsonl"; expect_rc 0; expect_lines 0

# a mix of good and bad lines
f="$TMP/mixed.jsonl"
cat >"$f" <<'J'
{"id": "good1", "text": "The first article."}
{"id": "noText"}
{"text": "no id here"}
{"id": "", "text": "empty id"}
{"id": "t1", "text": 12}
{"id": "t2", "text": ["a"]}
{"id": ["x"], "text": "array id"}
{"id": "t3", "text": "ok", "title": {"a": 1}}
{"id": "t4", "text": null}
{"id": "t5", "text": "ok", "date": 20240117}
not json at all
{"id": "trunc", "text": "cut off
[1, 2, 3]
"a string"
{"id": "dup", "id": "dup2", "text": "duplicate keys"}
{"id": "good2", "text": "The second article."}
J
run code "$f"; expect_rc 1
expect_lines 2; json_ok
expect_field 1 id '"good1"'; expect_field 2 id '"good2"'
expect_err "$f:2: missing required field \"text\""
expect_err "$f:3: missing required field \"id\""
expect_err "$f:4: missing required field \"id\""
expect_err "$f:5: field \"text\" must be a string, not a number"
expect_err "$f:6: field \"text\" must be a string, not an array"
expect_err "$f:7: field \"id\" must be a string, not an array"
expect_err "$f:8: field \"title\" must be a string, not an object"
expect_err "$f:9: field \"text\" must be a string, not null"
expect_err "$f:10: field \"date\" must be a string, not a number"
expect_err "$f:11: invalid JSON"
expect_err "$f:12: invalid JSON"
expect_err "$f:13: record is not a JSON object"
expect_err "$f:14: invalid JSON"
expect_err "$f:15: invalid JSON"
# every stderr line is FILE:LINE: reason
n=$(grep -cE "^$f:[0-9]+: " "$TMP/err")
[ "$n" -eq 14 ] || fail "expected 14 FILE:LINE messages, got $n"

# line numbers count blank lines too; stdin is named <stdin>
printf '{"id": "a", "text": "A."}\n\n{"id": "b"}\n' >"$TMP/gap.jsonl"
run code <"$TMP/gap.jsonl"; expect_rc 1; expect_lines 1
expect_err "<stdin>:3: missing required field \"text\""

# a date that is not a date is a warning, not a failure
echo '{"id": "d", "text": "A.", "date": "yesterday"}' >"$TMP/date.jsonl"
run code "$TMP/date.jsonl"; expect_rc 0; expect_lines 1; expect_field 1 date 'null'
expect_err "$TMP/date.jsonl:1: warning: field \"date\""

# a missing file is reported and the other inputs are still coded
run code "$TMP/nope.jsonl" "$TMP/gap.jsonl"; expect_rc 1; expect_lines 1
expect_err "$TMP/nope.jsonl: cannot open"

# an unwritable -o is an error (status 1) before any input is read
run code -o "$TMP/no/such/dir/out.jsonl" "$TMP/gap.jsonl"; expect_rc 1
expect_err "cannot open for writing"
ok
