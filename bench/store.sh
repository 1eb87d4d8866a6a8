#!/usr/bin/env bash
# store.sh BUILD_DIR [TARGET_EVENTS]: the store benchmark on SQLite and on a
# throwaway PostgreSQL cluster (`make bench-store`).  Input: Reuters-21578 as
# JSON Lines, made by the main benchmark (bench/run.sh) in BUILD/bench-work.
set -euo pipefail
build=${1:-build}
target=${2:-1000000}
here=$(cd "$(dirname "$0")/.." && pwd)
input=$build/bench-work/reuters.jsonl
if [ ! -f "$input" ]; then
    echo "bench-store: $input absent: run make bench first (it needs ../shared/data)"; exit 0
fi
cmake --build "$build" --target ne-store-bench >/dev/null
export NEWSEVENTS_DATA=$build/share/newsevents
out=$here/bench/results-store.json
rm -f "$build/bench-store.db" "$build/bench-store.db-wal" "$build/bench-store.db-shm"
echo "bench-store: SQLite, growing to $target events"
"$build/ne-store-bench" "$build/bench-store.db" "$input" "$target" | tee "$out"
. "$here/tests/lib/pg.sh"
if pg_start; then
    echo "bench-store: PostgreSQL, growing to $target events"
    "$build/ne-store-bench" "$NE_PG_URI" "$input" "$target" | tee -a "$out"
fi
echo "bench-store: results in $out"
