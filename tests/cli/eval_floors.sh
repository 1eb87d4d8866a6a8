#!/bin/bash
# eval_floors.sh: CI's accuracy gate: `newsevents eval --all` over the shared
# data must keep every figure at or above eval/floors.json.  FNC-1, the
# slowest set, has its own test (eval_floors_fnc1.sh) so that ctest -j runs
# the two side by side.  Skips (77) without the shared data.
set -u
data=${NE_SHARED_DATA:-$NE_SHARED/data}
if [ ! -d "$data" ]; then
    echo "SKIP: $data absent (the accuracy gate needs ../shared/data)"
    exit 77
fi
cd "$NE_SRC"
"$NE_BIN" eval --all --skip fnc1 --shared "$data" --floors eval/floors.json --dev eval/gold/dev.jsonl --articles eval/gold/articles.jsonl
