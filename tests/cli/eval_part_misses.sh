#!/bin/bash
# eval_part_misses.sh: `newsevents eval-part --misses FILE [--hits] timex DIR`
# lists the misses, wrong values and extras of a TimeML corpus (here a
# made-up one: one right value, one wrong, one missed, one extra).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/a.tml" <<'T'
<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-01-17" temporalFunction="false" functionInDocument="CREATION_TIME">2024-01-17</TIMEX3></DCT>
<TEXT>
The council met on <TIMEX3 tid="t1" type="DATE" value="2024-01-16">Tuesday</TIMEX3>. It will vote in <TIMEX3 tid="t2" type="DATE" value="2025-03">March</TIMEX3> after <TIMEX3 tid="t3" type="DURATION" value="P2W">a fortnight of talks</TIMEX3> ended, mayors said. A new hall opened in 2019 too.
</TEXT>
</TimeML>
T
out=$("$NE_BIN" eval-part --misses "$tmp/m.tsv" timex "$tmp")
echo "$out" | grep -q "gold 3" || { echo "FAIL: figures: $out"; exit 1; }
expect() {
    grep -qP -- "$1" "$tmp/m.tsv" || { echo "FAIL: no /$1/ in:"; cat "$tmp/m.tsv"; exit 1; }
}
expect '^value\t2024-01-17\tMarch\t2025-03\tMarch\t2024-03\ta\.tml\t.*vote in \[\[March\]\] after'
expect '^extra\t2024-01-17\t\t\t2019\t2019\ta\.tml\t'
if grep -q '^ok' "$tmp/m.tsv"; then echo "FAIL: ok lines without --hits"; exit 1; fi
"$NE_BIN" eval-part --misses "$tmp/m.tsv" --hits timex "$tmp" >/dev/null
expect '^ok\t2024-01-17\tTuesday\t2024-01-16\tTuesday\t2024-01-16\ta\.tml\t'
if "$NE_BIN" eval-part --bogus timex "$tmp" 2>/dev/null; then echo "FAIL: unknown option accepted"; exit 1; fi
# --data names the knowledge directory of the engine the part opens
if "$NE_BIN" eval-part --data "$tmp/none" timex "$tmp" >/dev/null 2>"$tmp/err"; then echo "FAIL: --data of a missing directory accepted"; exit 1; fi
grep -qF "cannot load data from $tmp/none" "$tmp/err" || { echo "FAIL: --data not used:"; cat "$tmp/err"; exit 1; }
echo "eval-part --misses: ok"
