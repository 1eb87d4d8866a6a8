#!/bin/bash
# engine_open_errors.sh: a bad dictionary or pattern line makes engine open
# fail with its FILE:LINE: reason, and a file it cannot read with FILE: cannot
# read: REASON.  The dictionaries load in a thread of
# their own while the other tables load (pipeline.c): when both a dictionary
# and a pattern file are bad, the dictionary's error is the one reported, as
# in the serial order.
. "$(dirname "$0")/lib.sh"
: "${NEWSEVENTS_DATA:?NEWSEVENTS_DATA must name the built data directory}"

# data DIR: a data directory of links to the built one, with actors/ and
# patterns/ as real directories (of links) so that files can be added.
data() {
    local d=$TMP/$1 x sub
    mkdir -p "$d"
    for x in "$NEWSEVENTS_DATA"/*; do ln -s "$x" "$d/"; done
    for sub in actors patterns; do
        rm "$d/$sub"
        mkdir "$d/$sub"
        for x in "$NEWSEVENTS_DATA/$sub"/*; do ln -s "$x" "$d/$sub/"; done
    done
}
bad_dict() { printf 'Atlantis Council = ATL ; type=org\nno code here\n' >"$TMP/$1/actors/zz_bad.txt"; }
bad_pattern() { printf '190 v attack +\n999 v shoot +\n' >"$TMP/$1/patterns/99.txt"; }
echo '{"id": "a", "text": "Iran attacked Pakistan."}' >"$TMP/in.jsonl"

data good
run code --data "$TMP/good" "$TMP/in.jsonl"; expect_rc 0; expect_lines 1

data dict; bad_dict dict
run code --data "$TMP/dict" "$TMP/in.jsonl"
[ "$RC" != 0 ] || fail "a bad dictionary line was accepted"
expect_err "zz_bad.txt:2: expected NAME = CODE"

# a file that cannot be read is named with the reason (errno's text), not a bare "cannot read"
data isdir; mkdir "$TMP/isdir/actors/zz_dir.txt"
run code --data "$TMP/isdir" "$TMP/in.jsonl"
expect_rc 3
expect_err "actors/zz_dir.txt: cannot read: Is a directory"
data gone; ln -s "$TMP/nowhere.txt" "$TMP/gone/actors/zz_gone.txt"
run code --data "$TMP/gone" "$TMP/in.jsonl"
expect_rc 3
expect_err "actors/zz_gone.txt: cannot read: No such file or directory"
data tdir; rm "$TMP/tdir/time.txt"; mkdir "$TMP/tdir/time.txt"
run code --data "$TMP/tdir" "$TMP/in.jsonl"
expect_rc 3
expect_err "time.txt: cannot read: Is a directory"

data pat; bad_pattern pat
run code --data "$TMP/pat" "$TMP/in.jsonl"
[ "$RC" != 0 ] || fail "a bad pattern line was accepted"
expect_err "patterns/99.txt:2: unknown CAMEO code '999'"

# dual.txt (docs/TIME.md, "Phrase table files"): a kind that is none, and dict check says so
data dual; rm "$TMP/dual/dual.txt"; printf 'det - the two\nhead XYZ sides\n' >"$TMP/dual/dual.txt"
run code --data "$TMP/dual" "$TMP/in.jsonl"
[ "$RC" != 0 ] || fail "a bad dual.txt line was accepted"
expect_err 'dual.txt: "sides": kind "XYZ" is not PER, CTY, BUS or ANY'
run dict check "$TMP/dual"
[ "$RC" = 1 ] || fail "dict check accepted a bad dual.txt line (rc $RC)"
expect_err 'kind "XYZ" is not PER'

# the other phrase tables: dict check loads each as engine open does, and a bad
# one is one problem, named; three bad tables are three problems
data phr; for f in time cues stopwords; do rm "$TMP/phr/$f.txt"; done
printf 'month 1 january\nholiday 13-40 festivus\n' >"$TMP/phr/time.txt"
printf 'cue - said\nshout - yelled\n' >"$TMP/phr/cues.txt"
printf 'stop - the\nstop - the\n' >"$TMP/phr/stopwords.txt"
run dict check "$TMP/phr"
[ "$RC" = 1 ] || fail "dict check accepted bad phrase tables (rc $RC)"
expect_err 'holiday "festivus": value "13-40" is not MM-DD'
expect_err 'cues.txt:2: unknown class "shout"'
expect_err 'stopwords.txt:2: duplicate entry'
expect_err '3 problems'
run code --data "$TMP/phr" "$TMP/in.jsonl"
[ "$RC" != 0 ] || fail "bad phrase tables were accepted by engine open"
# the shipped tables pass
run dict check "$NEWSEVENTS_DATA"
expect_rc 0
expect_err ', 0 problems'

data both; bad_dict both; bad_pattern both
for i in 1 2 3; do # the threads race; the report must not
    run code --data "$TMP/both" "$TMP/in.jsonl"
    [ "$RC" != 0 ] || fail "bad dictionary and pattern lines were accepted"
    expect_err "zz_bad.txt:2: expected NAME = CODE"
    CHECKS=$((CHECKS + 1))
    if grep -qF "99.txt" "$TMP/err"; then fail "the pattern error was reported instead of the dictionary's"; fi
done
ok
