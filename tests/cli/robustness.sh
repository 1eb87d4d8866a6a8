#!/usr/bin/env bash
# The bad-input catalogue of docs/ROBUSTNESS.md: for each case, a clear error
# naming the record (or a warning), the good records around it still coded,
# the documented exit status, no crash, no hang (timeout is only a guard
# against a hang, not a speed test).
set -uo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
good1='{"id":"good1","text":"Pakistan expelled the Iranian ambassador on Wednesday."}'
good2='{"id":"good2","text":"China urged restraint."}'
# run NAME EXPECTED_RC FILE...: code the files; stdout in $tmp/NAME.out, stderr in $tmp/NAME.err
# (without -q, which leaves the warnings out of stderr; stderr is no terminal: no progress line)
run() {
    local name=$1 want=$2
    shift 2
    timeout 300 "$NE_BIN" code "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    local rc=$?
    [ $rc = "$want" ] || fail "$name: exit $rc, expected $want ($(head -c 300 "$tmp/$name.err"))"
}
ids() { python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' "$1"; }
expect_ids() { local got; got=$(ids "$tmp/$1.out"); [ "$got" = "$2" ] || fail "$1: coded [$got], expected [$2]"; }
expect_err() { grep -q -- "$2" "$tmp/$1.err" || fail "$1: stderr lacks '$2': $(head -c 300 "$tmp/$1.err")"; }

# invalid UTF-8 (a .txt file): replaced by U+FFFD, a warning, coded
printf 'Title\n\nIran \xff\xfe attacked \xc3 Pakistan.\n' >"$tmp/bad.txt"
run utf8 0 "$tmp/bad.txt"
expect_err utf8 "bad.txt: warning: invalid UTF-8"
python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); assert d["warnings"], d' "$tmp/utf8.out" || fail "utf8: no warnings field"

# NUL bytes: raw inside a line (invalid JSON: that record fails), escaped (coded)
{ echo "$good1"; printf '{"id":"raw","text":"a\0b"}\n'; echo '{"id":"esc","text":"Iran\u0000 attacked Pakistan."}'; echo "$good2"; } >"$tmp/nul.jsonl"
run nul 1 "$tmp/nul.jsonl"
expect_ids nul "good1 esc good2"
expect_err nul "nul.jsonl:2: "

# an article over the size limit (100 MB): an error naming it; the next is coded
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("{\"id\":\"huge\",\"text\":\"" + "Iran attacked Pakistan. " * (100 * 1024 * 1024 // 24) + "\"}\n")
    f.write(sys.argv[2] + "\n")' "$tmp/huge.jsonl" "$good2"
run huge 1 "$tmp/huge.jsonl"
expect_ids huge "good2"
expect_err huge "huge.jsonl:1: article of .* bytes is over the 64 MB limit"
rm -f "$tmp/huge.jsonl"

# a 10 MB sentence without punctuation: coded, in bounded time and memory
python3 -c '
import random, sys
random.seed(7)
w = ["Iran", "Pakistan", "troops", "attacked", "the", "border", "officials", "said", "and", "Khan", "accused"]
n = 150000 if sys.argv[2] else 1500000  # 1 MB under valgrind, else 10 MB
open(sys.argv[1], "w").write("Long\n\n" + " ".join(random.choice(w) for _ in range(n)))' "$tmp/long.txt" "${NE_VALGRIND:-}"
run long 0 "$tmp/long.txt"
[ "$(wc -l <"$tmp/long.out")" = 1 ] || fail "long: no output"

# JSON nested 100,000 deep, duplicate keys, non-object lines: errors, neighbours coded
python3 -c 'import sys; open(sys.argv[1], "w").write(sys.argv[2] + "\n" + "[" * 100000 + "]" * 100000 + "\n" + "{\"id\":\"d\",\"text\":\"a\",\"text\":\"b\"}\n[1,2]\n42\n\"str\"\nnull\n" + sys.argv[3] + "\n")' "$tmp/json.jsonl" "$good1" "$good2"
run json 1 "$tmp/json.jsonl"
expect_ids json "good1 good2"
for l in 2 3 4 5 6 7; do expect_err json "json.jsonl:$l: "; done
expect_err json "duplicate"

# a binary file given as JSON Lines: errors per line, no crash
cp "$NE_BIN" "$tmp/binary.jsonl"
run binary 1 "$tmp/binary.jsonl"
[ ! -s "$tmp/binary.out" ] || fail "binary: produced output"

# an empty file: nothing out, success
: >"$tmp/empty.jsonl"
run empty 0 "$tmp/empty.jsonl"
[ ! -s "$tmp/empty.out" ] || fail "empty: produced output"

# CRLF line ends and a byte-order mark
printf '\xef\xbb\xbf%s\r\n%s\r\n' "$good1" "$good2" >"$tmp/crlf.jsonl"
run crlf 0 "$tmp/crlf.jsonl"
expect_ids crlf "good1 good2"

# an impossible date: a warning, the article coded without a date
echo '{"id":"feb30","date":"2024-02-30","text":"Iran attacked Pakistan on Tuesday."}' >"$tmp/date.jsonl"
run date 0 "$tmp/date.jsonl"
expect_err date "not a valid"
python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); assert d["date"] is None, d' "$tmp/date.out" || fail "date: kept an impossible date"

# an unreadable file among good ones (a missing file; root can read any mode)
echo "$good1" >"$tmp/a.jsonl"
echo "$good2" >"$tmp/c.jsonl"
run unreadable 1 "$tmp/a.jsonl" "$tmp/missing.jsonl" "$tmp/c.jsonl"
expect_ids unreadable "good1 good2"
expect_err unreadable "missing.jsonl: cannot open"

# a full disk on output
if [ -w /dev/full ]; then
    timeout 60 "$NE_BIN" code -q -o /dev/full "$tmp/a.jsonl" 2>"$tmp/full.err"
    rc=$?
    [ $rc = 1 ] || fail "full disk: exit $rc, expected 1"
    grep -q "No space left on device" "$tmp/full.err" || fail "full disk: no message ($(cat "$tmp/full.err"))"
fi

# SIGPIPE: piped into head, stops quietly
for i in $(seq 3000); do echo "{\"id\":\"p$i\",\"text\":\"Iran attacked Pakistan on day $i.\"}"; done >"$tmp/many.jsonl"
set +o pipefail
first=$(timeout 60 "$NE_BIN" code -q "$tmp/many.jsonl" 2>"$tmp/pipe.err" | head -n 1)
set -o pipefail
[ -n "$first" ] || fail "sigpipe: no first line"
[ ! -s "$tmp/pipe.err" ] || fail "sigpipe: wrote to stderr: $(head -c 200 "$tmp/pipe.err")"

[ $fails = 0 ] || { echo "$fails robustness case(s) failed"; exit 1; }
echo "robustness: all cases ok"
