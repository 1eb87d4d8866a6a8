#!/usr/bin/env bash
# CLI black-box tests of the SQLite store: ingest is idempotent, bad records
# are reported and skipped, query/timeline/top/export run and keep their
# column contracts, and usage errors exit 2.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/t.db
cat >"$tmp/a.jsonl" <<'J'
{"id":"s1","text":"Iran launched missile strikes on militant bases inside Pakistan on Tuesday.","date":"2024-01-17","source":"AP"}
not json
{"id":"s2","text":"Pakistan expelled the Iranian ambassador on Wednesday.","date":"2024-01-17","source":"Reuters"}
J
set +e
"$NE_BIN" ingest --db "$db" -q "$tmp/a.jsonl" 2>"$tmp/err"
rc=$?
set -e
[ $rc = 1 ] || { echo "ingest with a bad line: expected exit 1, got $rc"; exit 1; }
grep -q "a.jsonl:2: " "$tmp/err" || { echo "no FILE:LINE error for the bad line"; cat "$tmp/err"; exit 1; }
"$NE_BIN" ingest --db "$db" -q "$tmp/a.jsonl" 2>/dev/null || true
[ "$(sqlite3 "$db" 'select count(*) from articles')" = 2 ] || { echo "articles stored twice"; exit 1; }
[ "$(sqlite3 "$db" 'pragma integrity_check')" = ok ]
"$NE_BIN" query --db "$db" --format table >/dev/null
"$NE_BIN" query --db "$db" --country PAK --format json | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]'
"$NE_BIN" timeline --db "$db" --dyad IRN,PAK --by week | head -1 | grep -q '^period	events	goldstein$'
"$NE_BIN" top --db "$db" | grep -q '^# dyads$'
# exports of a store with known events (built by the store unit test)
syn=$tmp/syn.db
NE_KEEP_DB=$syn "$(dirname "$NE_BIN")/tests/test_store" >/dev/null
"$NE_BIN" export --db "$syn" --format gdelt >"$tmp/g.tsv"
[ "$(wc -l <"$tmp/g.tsv")" = 3 ] || { echo "gdelt: expected 3 events"; exit 1; }
awk -F'\t' 'NF != 61 { print "gdelt line " NR ": " NF " columns"; bad = 1 } END { exit bad }' "$tmp/g.tsv"
awk -F'\t' '$27 == "195" && $32 == 3 && $33 == 3 && $34 == 2 { ok = 1 } END { exit !ok }' "$tmp/g.tsv" ||
    { echo "gdelt: merged 195 event must have 3 mentions, 3 sources, 2 articles"; exit 1; }
"$NE_BIN" export --db "$syn" --format gdelt-mentions >"$tmp/m.tsv"
[ "$(wc -l <"$tmp/m.tsv")" = 5 ] || { echo "gdelt-mentions: expected 5 mentions"; exit 1; }
awk -F'\t' 'NF != 16 { bad = 1 } END { exit bad }' "$tmp/m.tsv"
"$NE_BIN" export --db "$syn" --format phoenix >"$tmp/p.csv"
head -1 "$tmp/p.csv" | grep -q '^EventID,Date,Year,Month,Day,SourceActorFull'
[ "$(wc -l <"$tmp/p.csv")" = 4 ]
"$NE_BIN" query --db "$syn" --dyad IRN,PAK --format json | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert len(rows) == 2, rows
assert {r["code"] for r in rows} == {"195", "161"}
m = [r for r in rows if r["code"] == "195"][0]
assert (m["num_mentions"], m["num_sources"], m["num_articles"]) == (3, 3, 2), m
assert sorted(m["articles"]) == ["a1", "a2", "a3"], m'
"$NE_BIN" timeline --db "$syn" --dyad PAK,IRN --by day | grep -q '^2024-01-16	1	-10.0$'
set +e
"$NE_BIN" query 2>/dev/null; [ $? = 2 ] || { echo "query without --db must exit 2"; exit 1; }
"$NE_BIN" export --db "$db" --format nope 2>/dev/null; [ $? = 2 ] || { echo "bad format must exit 2"; exit 1; }
"$NE_BIN" timeline --db "$db" --dyad IRN 2>/dev/null; [ $? = 2 ] || { echo "bad dyad must exit 2"; exit 1; }
set -e
echo "sqlite store cli: ok"
