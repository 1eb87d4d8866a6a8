#!/bin/bash
# actor_misses.sh: eval/actor_misses.py lists the sides of root-matched events whose actor
# differs (docs/EVAL.md), on predictions the engine makes of texts written for this test:
# a party's officer ("BJP president ...") is the party (actor.c own_officer), so the gold's
# INDPTY source is no miss, nor are a town's mayor (actor.c town_title: USAGOV by the main
# country) and a person with a middle initial ("Harry M. Reid": Harry Reid, USALEG), while the
# made-up gold's wrong target code and missing target are.
# (The appeal with no target leads its text: down an article such an appeal is not coded.)
set -eu
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/in.jsonl" <<'T'
{"id": "a", "date": "2003-05-20", "text": "BJP president Venkaiah Naidu criticised Pakistan on Monday."}
{"id": "b", "date": "2016-05-20", "text": "Iran called for talks. Boeing spokesman Dan Doerr criticized the Pentagon on Monday."}
{"id": "c", "date": "2016-01-10", "text": "Obama visited Ohio and Texas. Flint Mayor Karen Weaver criticized Harry M. Reid on Monday."}
T
cat > "$tmp/gold.jsonl" <<'G'
{"id": "a", "events": [{"source": {"country": "IND", "code": "INDPTY"}, "target": {"country": "PAK", "code": "PAK"}, "code": "111"}]}
{"id": "b", "events": [{"source": {"country": "USA", "code": "USABUS"}, "target": {"country": "USA", "code": "USAGOV"}, "code": "111"}, {"source": {"country": "IRN"}, "target": {"country": "USA"}, "code": "020"}]}
{"id": "c", "events": [{"source": {"country": "USA", "code": "USAGOV"}, "target": {"country": "USA", "code": "USALEG"}, "code": "111"}]}
G
"$NE_BIN" code -q --explain "$tmp/in.jsonl" > "$tmp/pred.jsonl"
out=$(python3 "$NE_SRC/eval/actor_misses.py" "$tmp/gold.jsonl" "$tmp/pred.jsonl" -v)
expect() { echo "$out" | grep -qE -- "$1" || { echo "FAIL: no /$1/ in:"; echo "$out"; exit 1; }; }
expect '^b +tar +code +gold USABUS->USAGOV 111 \| pred USABUS->USAMIL 111'
expect '^b +tar +missing +gold IRN->USA 020'
expect '^target/code +1$'
expect '^target/missing +1$'
if echo "$out" | grep -qE '^(a |c |source/)'; then echo "FAIL: the party's officer, the mayor or Reid is a miss:"; echo "$out"; exit 1; fi
echo "$out" | grep -qE '^gold-without-root-pred +0$' || { echo "FAIL: an event of c has no prediction:"; echo "$out"; exit 1; }
echo "actor_misses: ok"
