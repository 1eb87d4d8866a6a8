#!/usr/bin/env bash
# serve.sh BUILD_DIR: the service benchmarks (`make bench-serve`): sustained
# ingest at 100 articles/s with 1,000 stream clients (ingest-to-stream
# latency, memory over time), then API latency.  Loopback only.
# Env: LOAD_SECONDS (default 600), LOAD_CLIENTS (1000), LOAD_RATE (100),
# API_DB (a store to serve for the API timing, default the load test's).
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
cmake --build "$build" --target newsevents ne-serve-load >/dev/null
export NEWSEVENTS_DATA=$build/share/newsevents NEWSEVENTS_TOKEN=bench-token
ulimit -n 8192 2>/dev/null || true
db=$build/bench-serve.db
rm -f "$db" "$db-wal" "$db-shm"
port=$((30000 + RANDOM % 20000))
"$build/newsevents" serve --db "$db" --port "$port" -q &
srv=$!
trap 'kill $srv 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
out=$here/bench/results-serve.json
"$build/ne-serve-load" --port "$port" --token bench-token --pid "$srv" --clients "${LOAD_CLIENTS:-1000}" \
    --rate "${LOAD_RATE:-100}" --seconds "${LOAD_SECONDS:-600}" | tee "$out"
kill $srv; wait $srv 2>/dev/null || true
api_db=${API_DB:-$db}
"$build/newsevents" serve --db "$api_db" --port "$port" -q &
srv=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
"$build/ne-serve-load" --port "$port" --api 2000 | tee -a "$out"
echo "bench-serve: results in $out (API timed on $api_db)"
