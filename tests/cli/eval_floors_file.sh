#!/bin/bash
# eval_floors_file.sh: a floors file that cannot be used is reported as such,
# naming the file, the place (line:column or the floor's key) and the reason,
# and not as "figure(s) below the floors"; an unknown --set or --skip is a
# usage error, not a run of nothing that exits 0.
. "$(dirname "$0")/lib.sh"
printf '%s\n' '{"id": "a", "events": [{"source": {"country": "IRN"}, "target": {"country": "PAK"}, "code": "190"}]}' >"$TMP/gold.jsonl"
printf '%s\n' '{"id": "a", "events": [{"source": {"country": "IRN"}, "target": {"country": "PAK"}, "code": "190", "root": "19"}]}' >"$TMP/pred.jsonl"
floors() { run eval --gold "$TMP/gold.jsonl" "$TMP/pred.jsonl" --floors "$1"; }

floors /dev/null
expect_rc 1
expect_err "newsevents: /dev/null: the floors file is empty; expected a JSON object of floors"
expect_err "1 error(s) in the floors file /dev/null"
grep -q "below the floors" "$TMP/err" && fail "an unusable floors file reported as figures below floors"

floors "$TMP/missing.json"
expect_rc 1
expect_err "missing.json: cannot open the floors file: No such file or directory"

printf '{"gold.event_root_f1": 0.5,\n "gold.event_code_f1": }\n' >"$TMP/bad.json"
floors "$TMP/bad.json"
expect_rc 1
expect_err "bad.json:2:"
expect_err "invalid JSON in the floors file"

printf '[0.5]\n' >"$TMP/array.json"
floors "$TMP/array.json"
expect_rc 1
expect_err "array.json: the floors file holds a JSON array"

printf '{"_comment": "ok", "gold.event_root_f1": "0.5", "golf.event_root_f1": 0.5, "event_root_f1": 0.5}\n' >"$TMP/keys.json"
floors "$TMP/keys.json"
expect_rc 1
expect_err 'keys.json: floor "gold.event_root_f1": the value is not a number'
expect_err 'keys.json: floor "golf.event_root_f1": no such set'
expect_err 'keys.json: floor "event_root_f1": the key is not SET.METRIC'
expect_err "3 error(s) in the floors file"
grep -q "_comment" "$TMP/err" && fail "a _comment key reported"

# a good file: met floors exit 0, a figure below its floor exits 1 and says so
printf '{"gold.event_root_f1": 0.99}\n' >"$TMP/met.json"
floors "$TMP/met.json"
expect_rc 0
printf '{"gold.event_root_f1": 1.5}\n' >"$TMP/high.json"
floors "$TMP/high.json"
expect_rc 1
expect_err "1 figure(s) below the floors of"

run eval --set bogus
expect_rc 2
expect_err "eval: --set bogus: no such set (sets: conflibert, plover"
run eval --all --skip fnc2
expect_rc 2
expect_err "eval: --skip fnc2: no such set"
echo "eval_floors_file: ok ($CHECKS checks)"
