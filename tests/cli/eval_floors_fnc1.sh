#!/bin/bash
# eval_floors_fnc1.sh: the accuracy gate for FNC-1 headline relatedness (see
# eval_floors.sh).  Skips (77) without the shared data.
. "$(dirname "$0")/lib.sh"
need_shared_data "the accuracy gate needs ../shared/data"
cd "$NE_SRC"
"$NE_BIN" eval --set fnc1 --shared "$data" --floors eval/floors.json
