#!/bin/sh
# pgo_train.sh SRC PGO SHARE CMAKE GENERATOR CC BUILD_TYPE FLAGS TYPE_FLAGS: the training step
# of the profile-guided build (NE_PGO in CMakeLists.txt, docs/ARCHITECTURE.md "Build"), run by
# the build in PGO (BUILD/pgo). It builds newsevents-pgo-gen, instrumented, in the tree
# PGO/gen: the source tree SRC configured with NE_PGO_GENERATE and the same compiler, build
# type and flags (FLAGS and TYPE_FLAGS are CMAKE_C_FLAGS=... and CMAKE_C_FLAGS_<TYPE>=...).
# That program compiles the snapshots of a copy of SHARE, the build tree's knowledge files
# (those counts are thrown away: a run reads the snapshots, it does not build them), then
# codes the training text that tools/pgo_corpus.awk makes from the golden tests' sentences,
# the bundled example and tools/pgo_text.txt (all written for this project: no corpus, no
# benchmark text). Its profile is PGO/data.
# Writes PGO/use.flags: the options that compile with that profile, or nothing when a step
# fails, so that the build goes on without a profile after a warning. Exits 0 unless PGO
# cannot be written.
set -u
src=$1 pgo=$2 share=$3 cmake=$4 generator=$5 cc=$6 type=$7 cflags=$8 typeflags=$9
flags=$pgo/use.flags
fail() {
    echo "newsevents: warning: the profile-guided build's training step failed ($1);" \
         "building without a profile (log: $pgo/train.log)" >&2
    rm -rf "$pgo/data"
    : > "$flags"
    exit 0
}
mkdir -p "$pgo" && : > "$pgo/train.log" && : > "$flags" || exit 1
"$cmake" -S "$src" -B "$pgo/gen" -G "$generator" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE="$type" \
    -D"$cflags" -D"$typeflags" -DNE_PGO=OFF -DNE_PGO_GENERATE="$pgo/data" >> "$pgo/train.log" 2>&1 \
    || fail "configuring $pgo/gen"
"$cmake" --build "$pgo/gen" --target newsevents-pgo-gen >> "$pgo/train.log" 2>&1 \
    || fail "building newsevents-pgo-gen"
gen=$pgo/gen/newsevents-pgo-gen
rm -rf "$pgo/share" && mkdir -p "$pgo/share" && cp -R "$share/." "$pgo/share/" || fail "copying $share"
rm -f "$pgo/share/"*.snap
rm -rf "$pgo/data"
"$gen" dict compile "$pgo/share" >> "$pgo/train.log" 2>&1 || fail "dict compile"
rm -rf "$pgo/data"
LC_ALL=C awk -f "$src/tools/pgo_corpus.awk" "$src"/tests/golden/*.txt "$src"/tests/golden/*.tsv \
    "$src"/examples/*.txt "$src/tools/pgo_text.txt" > "$pgo/train.jsonl" || fail "no training text"
"$gen" code -q --data "$pgo/share" "$pgo/train.jsonl" > /dev/null 2>> "$pgo/train.log" \
    || fail "code exited $?"
[ -f "$pgo/data/CMakeFiles#ne_objects.dir#src#event.c.gcda" ] || fail "no profile of src/event.c in $pgo/data"
# a function whose profile does not match its code (never, with the same sources and flags)
# is compiled without one, after a warning, rather than failing the build
echo "-fprofile-use=$pgo/data -fprofile-partial-training -Wno-missing-profile -Wno-error=coverage-mismatch" > "$flags"
