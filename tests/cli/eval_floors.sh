#!/bin/bash
# eval_floors.sh: CI's accuracy gate: `newsevents eval --all` over the shared
# data must keep every figure at or above eval/floors.json.  FNC-1, the
# slowest set, has its own test (eval_floors_fnc1.sh) so that ctest -j runs
# the two side by side.  Skips (77) without the shared data.
. "$(dirname "$0")/lib.sh"
need_shared_data "the accuracy gate needs ../shared/data"
cd "$NE_SRC"
"$NE_BIN" eval --all --skip fnc1 --shared "$data" --floors eval/floors.json --dev eval/gold/dev.jsonl --articles eval/gold/articles.jsonl
