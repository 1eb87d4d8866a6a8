#!/bin/bash
# code_inputs.sh: the input forms: CRLF, byte-order marks, .txt files and their
# title rule, invalid UTF-8 (U+FFFD and a warning), directories.
. "$(dirname "$0")/lib.sh"

# CRLF line endings and a BOM on the first line of a JSON Lines file
printf '\xef\xbb\xbf{"id": "bom", "text": "First."}\r\n{"id": "crlf", "text": "Second."}\r\n\r\n' >"$TMP/crlf.jsonl"
run code "$TMP/crlf.jsonl"; expect_rc 0; expect_no_err; expect_lines 2; json_ok
expect_field 1 id '"bom"'; expect_field 2 id '"crlf"'
# the same through stdin
run code <"$TMP/crlf.jsonl"; expect_rc 0; expect_lines 2

# .txt: a first line followed by a blank line is the title; the id is the path
printf 'Border Talks Collapse\n\nThe talks ended. Both sides left.\n' >"$TMP/titled.txt"
run code --date 2024-02-03 "$TMP/titled.txt"; expect_rc 0; expect_lines 1; json_ok
expect_field 1 title '"Border Talks Collapse"'
expect_field 1 id "\"$TMP/titled.txt\""
expect_field 1 date '"2024-02-03"'
# no blank line after the first line: no title, all of it is text
printf 'The talks ended.\nBoth sides left.\n' >"$TMP/untitled.txt"
run code "$TMP/untitled.txt"; expect_rc 0; expect_field 1 title 'null'
# CRLF and a BOM in a .txt file, and a blank line holding spaces
printf '\xef\xbb\xbfA Title\r\n  \r\nBody text.\r\n' >"$TMP/crlf.txt"
run code "$TMP/crlf.txt"; expect_rc 0; expect_field 1 title '"A Title"'
# an empty .txt file is an article with empty text
: >"$TMP/empty.txt"
run code "$TMP/empty.txt"; expect_rc 0; expect_lines 1; expect_field 1 title 'null'

# invalid UTF-8 in a .txt file: U+FFFD in the output, a warning, still coded (0)
printf 'Bad \xfe title\n\nbad \xff\xc3 bytes here.\n' >"$TMP/bad.txt"
run code "$TMP/bad.txt"; expect_rc 0; expect_lines 1; json_ok
expect_field 1 title "$(printf '"Bad \xef\xbf\xbd title"')"
expect_err "$TMP/bad.txt: warning: invalid UTF-8 in text: 2 byte(s) replaced by U+FFFD"
expect_err "$TMP/bad.txt: warning: invalid UTF-8 in title"
w=$(field 1 warnings)
case "$w" in *"invalid UTF-8 in text"*) ;; *) fail "warnings field: $w" ;; esac
# -q (--quiet): no warning lines on stderr, on one thread or several; the record keeps
# its warnings in the output, and a record that fails is still reported
printf '{"id": "ok", "text": "Fine."}\n{"id": 1.5}\n' >"$TMP/qmix.jsonl"
for j in 1 2; do
    run code -q -j $j "$TMP/bad.txt" "$TMP/qmix.jsonl"; expect_rc 1; expect_lines 2
    if grep -q "warning" "$TMP/err"; then fail "-q -j $j printed a warning"; fi
    expect_err "$TMP/qmix.jsonl:2: "
    w=$(field 1 warnings)
    case "$w" in *"invalid UTF-8 in text"*) ;; *) fail "-q: warnings field: $w" ;; esac
done

# directories: recursed in name order, .jsonl/.json/.ndjson/.txt only, dot files skipped
mkdir -p "$TMP/dir/b_sub" "$TMP/dir/.hidden"
echo '{"id": "in-sub", "text": "Sub."}' >"$TMP/dir/b_sub/x.jsonl"
echo '{"id": "first", "text": "A."}' >"$TMP/dir/a.jsonl"
printf 'T\n\nText file.\n' >"$TMP/dir/c.txt"
echo '{"id": "hidden", "text": "H."}' >"$TMP/dir/.hidden/h.jsonl"
echo '{"id": "dotfile", "text": "H."}' >"$TMP/dir/.dot.jsonl"
echo 'id,text' >"$TMP/dir/d.csv"
run code "$TMP/dir"; expect_rc 0; expect_lines 3; json_ok
expect_field 1 id '"first"'; expect_field 2 id '"in-sub"'
expect_field 3 id "\"$TMP/dir/c.txt\""
# a directory and a file together keep argument order
run code "$TMP/crlf.jsonl" "$TMP/dir"; expect_rc 0; expect_lines 5
expect_field 1 id '"bom"'; expect_field 3 id '"first"'
ok
