#!/bin/sh
# run.sh: `make bench`: build the benchmark and run it over Reuters-21578 from
# the shared data (docs/EVAL.md).  Usage: bench/run.sh [BUILD_DIR]
# Env: NE_SHARED_DATA (default ../shared/data), BENCH_BIG_MB (default 100).
set -eu
build=${1:-build}
shared=${NE_SHARED_DATA:-../shared/data}
if [ ! -d "$shared/reuters21578" ]; then
    echo "bench: $shared/reuters21578 absent; skipped (the benchmark needs the shared data)"
    exit 0
fi
cmake --build "$build" --target newsevents ne-bench
exec "$build/ne-bench" --bin "$build/newsevents" --data "$build/share/newsevents" \
    --shared "$shared" --work "$build/bench-work" --out bench/results.json --big-mb "${BENCH_BIG_MB:-100}"
