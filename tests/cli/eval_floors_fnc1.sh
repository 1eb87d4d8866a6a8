#!/bin/bash
# eval_floors_fnc1.sh: the accuracy gate for FNC-1 headline relatedness (see
# eval_floors.sh).  Skips (77) without the shared data.
set -u
data=${NE_SHARED_DATA:-$NE_SHARED/data}
if [ ! -d "$data" ]; then
    echo "SKIP: $data absent (the accuracy gate needs ../shared/data)"
    exit 77
fi
cd "$NE_SRC"
"$NE_BIN" eval --set fnc1 --shared "$data" --floors eval/floors.json
