#!/usr/bin/env bash
# dict_snapshot.sh: `newsevents dict compile` writes the binary snapshots of the
# dictionaries, the lemmas and the patterns; engine open reads them while every source file keeps its size and
# time (shown by a same-size edit it does not see), parses the text when a
# source changed, and falls back to the text, never crashing, when a snapshot
# is truncated, damaged or of another format.  Output is the same either way.
. "$(dirname "$0")/lib.sh"
: "${NEWSEVENTS_DATA:?}"
[ -f "$NEWSEVENTS_DATA/dictionaries.snap" ] || fail "the build did not compile $NEWSEVENTS_DATA/dictionaries.snap"

# A small data directory: the shipped files (linked), the hand-written places
# only (fast under the sanitizers), a copy of actors/ with one test entry and a
# copy of patterns/.
d=$TMP/data
mkdir -p "$d/places"
for f in "$NEWSEVENTS_DATA"/*; do
    case ${f##*/} in dictionaries.snap | places | actors | patterns) ;; *) ln -s "$f" "$d/${f##*/}" ;; esac
done
cp -r "$NEWSEVENTS_DATA/patterns" "$d/patterns"
ln -s "$NEWSEVENTS_DATA/places/regions.txt" "$d/places/regions.txt"
cp -r "$NEWSEVENTS_DATA/actors" "$d/actors"
printf 'Zorblania = FRA ; type=country\n' > "$d/actors/zz_test.txt"
touch -d '2024-01-02 03:04:05' "$d/actors/zz_test.txt"
text='{"id":"s1","text":"Zorblania condemned Pakistan on Tuesday after an attack in Peshawar."}'

code() { printf '%s\n' "$text" | NEWSEVENTS_DATA=$d "$NE_BIN" code - > "$TMP/$1" 2> "$TMP/err" || fail "code ($1) failed"; }
code text.jsonl
grep -q '"FRA"' "$TMP/text.jsonl" || fail "the test entry is not coded from the text: $(cat "$TMP/text.jsonl")"

run dict compile "$d"
expect_rc 0
[ -s "$d/dictionaries.snap" ] || fail "dict compile wrote no $d/dictionaries.snap"
code snap.jsonl
cmp -s "$TMP/text.jsonl" "$TMP/snap.jsonl" || fail "the snapshot codes differently from the text"

# The same size and time with other content: the snapshot is current, so its
# FRA shows (proof that it is read); a size change makes it stale (DEUGOV).
printf 'Zorblania = DEU ; type=country\n' > "$d/actors/zz_test.txt"
touch -d '2024-01-02 03:04:05' "$d/actors/zz_test.txt"
code same.jsonl
CHECKS=$((CHECKS + 1))
grep -q '"FRA"' "$TMP/same.jsonl" || fail "engine open did not read the current snapshot"
printf 'Zorblania = DEUGOV ; type=country\n' > "$d/actors/zz_test.txt"
touch -d '2024-01-02 03:04:05' "$d/actors/zz_test.txt"
code stale.jsonl
CHECKS=$((CHECKS + 1))
grep -q '"DEUGOV"' "$TMP/stale.jsonl" || fail "a stale snapshot was used: $(cat "$TMP/stale.jsonl")"
# a new dictionary file makes it stale too
run dict compile "$d"
expect_rc 0
printf 'Zorblania = ITA ; type=country\n' > "$d/actors/zz_more.txt"
code added.jsonl
CHECKS=$((CHECKS + 1))
grep -q '"ITA"' "$TMP/added.jsonl" || fail "a snapshot missing a new file was used"
rm "$d/actors/zz_more.txt"

# Damaged snapshots: truncated, a flipped byte in the tables, garbage, empty.
run dict compile "$d"
expect_rc 0
code good.jsonl
grep -q '"DEUGOV"' "$TMP/good.jsonl" || fail "the recompiled snapshot lacks the edit"
snap=$d/dictionaries.snap
cp "$snap" "$TMP/snap.orig"
size=$(stat -c %s "$snap")
damage() {
    case $1 in
    truncate) head -c $((size / 2)) "$TMP/snap.orig" > "$snap" ;;
    flip) cp "$TMP/snap.orig" "$snap"
          printf '\x5a' | dd of="$snap" bs=1 seek=$((size - 100)) conv=notrunc status=none ;;
    header) cp "$TMP/snap.orig" "$snap"
            printf 'XXXX' | dd of="$snap" bs=1 seek=8 conv=notrunc status=none ;;
    garbage) head -c 5000 /dev/urandom > "$snap" ;;
    empty) : > "$snap" ;;
    esac
}
for how in truncate flip header garbage empty; do
    damage $how
    code "damaged_$how.jsonl"
    CHECKS=$((CHECKS + 1))
    cmp -s "$TMP/good.jsonl" "$TMP/damaged_$how.jsonl" || fail "a $how snapshot changed the output"
done

# damaged SNAPSHOT WHAT: the snapshot truncated to a third, a byte of it
# changed, or garbage: engine open falls back to the text, with the output of
# the good one ($TMP/good.jsonl); then the good one is put back.
damaged() {
    local f=$1 size how
    cp "$f" "$TMP/orig.snap"
    size=$(stat -c %s "$f")
    for how in truncate flip garbage; do
        case $how in
        truncate) head -c $((size / 3)) "$TMP/orig.snap" > "$f" ;;
        flip) cp "$TMP/orig.snap" "$f"
              printf '\x5a' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc status=none ;;
        garbage) head -c 3000 /dev/urandom > "$f" ;;
        esac
        code "$2_$how.jsonl"
        CHECKS=$((CHECKS + 1))
        cmp -s "$TMP/good.jsonl" "$TMP/$2_$how.jsonl" || fail "a $how $2 snapshot changed the output"
    done
    cp "$TMP/orig.snap" "$f"
}

# The same for the lemma snapshot that dict compile writes beside it.
lsnap=$d/lemmas.snap
[ -f "$lsnap" ] && [ ! -L "$lsnap" ] || fail "dict compile wrote no $lsnap"
cp "$TMP/snap.orig" "$snap"
damaged "$lsnap" lemma

# The same for the pattern snapshot: read while every pattern file keeps its
# size and time (a same-size edit is not seen), stale after a size change.
psnap=$d/patterns.snap
[ -f "$psnap" ] && [ ! -L "$psnap" ] || fail "dict compile wrote no $psnap"
grep -q '"code":"111"' "$TMP/good.jsonl" || fail "no 111 event to test the pattern snapshot on: $(cat "$TMP/good.jsonl")"
pf=$d/patterns/11.txt
cp -p "$pf" "$TMP/pf.orig"
sed -i 's/^111   v  condemn +$/112   v  condemn +/' "$pf"
touch -r "$TMP/pf.orig" "$pf"
code psame.jsonl
CHECKS=$((CHECKS + 1))
grep -q '"code":"111"' "$TMP/psame.jsonl" || fail "engine open did not read the current pattern snapshot"
printf '# one more line\n' >> "$pf"
touch -r "$TMP/pf.orig" "$pf"
code pstale.jsonl
CHECKS=$((CHECKS + 1))
grep -q '"code":"112"' "$TMP/pstale.jsonl" || fail "a stale pattern snapshot was used: $(cat "$TMP/pstale.jsonl")"
cp -p "$TMP/pf.orig" "$pf"
damaged "$psnap" pattern

# --dict extra dictionaries are not in the snapshot: with them the text is parsed.
printf 'Quxlandia = ITA ; type=country\n' > "$TMP/extra.txt"
printf '%s\n' '{"id":"s2","text":"Quxlandia condemned Pakistan on Tuesday."}' |
    NEWSEVENTS_DATA=$d "$NE_BIN" code --dict "$TMP/extra.txt" - > "$TMP/extra.jsonl" 2> "$TMP/err" || fail "code --dict failed"
CHECKS=$((CHECKS + 1))
grep -q '"ITA"' "$TMP/extra.jsonl" || fail "an extra dictionary was not loaded beside the snapshot"

# -o writes elsewhere; a bad dictionary line fails with FILE:LINE and exit 1.
run dict compile "$d" -o "$TMP/other.snap"
expect_rc 0
[ -s "$TMP/other.snap" ] || fail "dict compile -o wrote nothing"
printf 'No code here\n' > "$d/actors/zz_bad.txt"
run dict compile "$d"
expect_rc 1
expect_err "zz_bad.txt:1: expected NAME = CODE"
# without DIR: the data directory ($NEWSEVENTS_DATA here)
rm "$d/actors/zz_bad.txt" "$snap"
NEWSEVENTS_DATA=$d run dict compile
expect_rc 0
[ -s "$snap" ] || fail "dict compile without DIR did not write the data directory's snapshot"
ok
