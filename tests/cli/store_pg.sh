#!/usr/bin/env bash
# The store tests against a real PostgreSQL: the same scenario as SQLite
# (tests/unit/test_store.c) plus ingest/export through the CLI.
set -euo pipefail
. "$NE_SRC/tests/lib/pg.sh"
pg_start || exit $?
NE_TEST_PG=$(pg_new_db unit) "$(dirname "$NE_BIN")/tests/test_store"
uri=$(pg_new_db cli)
tmp=$(mktemp -d)
printf '%s\n' '{"id":"p1","text":"Pakistan expelled the Iranian ambassador on Wednesday.","date":"2024-01-17"}' >"$tmp/a.jsonl"
"$NE_BIN" ingest --db "$uri" -q "$tmp/a.jsonl"
"$NE_BIN" ingest --db "$uri" -q "$tmp/a.jsonl"
n=$("$NE_BIN" export --db "$uri" --format jsonl | wc -l)
a=$("${NE_PG_RUN[@]}" "$NE_PG_BIN/psql" "$uri" -Atc "select count(*) from articles")
rm -rf "$tmp"
[ "$a" = 1 ] || { echo "expected 1 article after ingesting twice, got $a"; exit 1; }
echo "postgresql store: ok ($n events exported)"
