#!/usr/bin/env bash
# run.sh BUILD_DIR SECONDS [TARGET...]: run each libFuzzer target for SECONDS
# (or, with FUZZ_RUNS=N, for N inputs from a fixed seed: the reproducible smoke CI runs)
# on a copy of its seed corpus (new inputs land in fuzz/corpus-TARGET/, which
# git ignores).  A crash leaves crash-* in the current directory and fails;
# copy it into fuzz/regressions/TARGET/ with a name saying what it found.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1
secs=${2:-60}
shift 2 || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json code dict feed http snap)
export NEWSEVENTS_DATA=${NEWSEVENTS_DATA:-$build/share/newsevents}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
status=0
for t in "${targets[@]}"; do
    work="$here/corpus-$t"
    mkdir -p "$work"
    cp -n "$here/corpus/$t"/* "$work/" 2>/dev/null || true
    if [ -n "${FUZZ_RUNS:-}" ]; then echo "fuzz: $t for $FUZZ_RUNS inputs"; else echo "fuzz: $t for ${secs}s"; fi
    if [ -n "${FUZZ_RUNS:-}" ]; then budget=(-runs="$FUZZ_RUNS" -seed=1); else budget=(-max_total_time="$secs"); fi
    if ! "$build/fuzz/fuzz_$t" "${budget[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "$work" "$here/regressions/$t" 2>"$build/fuzz-$t.log"; then
        echo "fuzz: $t FAILED; see $build/fuzz-$t.log"
        tail -30 "$build/fuzz-$t.log"
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$t.log" | sed "s/^/fuzz: $t: /"
    fi
done
exit $status
