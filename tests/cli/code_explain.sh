#!/bin/bash
# code_explain.sh: `newsevents code --explain` names the reading that replaced a
# pattern's code (docs/PATTERNS.md, "--explain"): an intention (03x) is "intent", a
# refusal (12x) "refusal", a threat (13x) "threat"; an act coded as its pattern says
# carries none of them.
. "$(dirname "$0")/lib.sh"

# explain_of ID CODE: the rule of the event coded CODE in the record ID of the last stdout
explain_of() {
    python3 - "$TMP/out" "$1" "$2" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    if o["id"] != sys.argv[2]:
        continue
    for e in o["events"]:
        if e["code"] == sys.argv[3]:
            print(e["rule"])
PY
}

# expect_rule ID CODE END: record ID has an event coded CODE whose rule ends in END
# (END "-" = no recoding label at all: the rule ends in the date part)
expect_rule() {
    CHECKS=$((CHECKS + 1))
    local r
    r=$(explain_of "$1" "$2")
    [ -n "$r" ] || fail "$1: no event coded $2 ($(cat "$TMP/out"))"
    if [ "$3" = "-" ]; then
        case "$r" in *"; intent"* | *"; refusal"* | *"; threat"* | *"; visit"*) fail "$1: '$r' names a recoding" ;; esac
    else
        case "$r" in *"$3") ;; *) fail "$1: rule '$r' does not end in '$3'" ;; esac
    fi
}

# Our own sentences: a future cooperative act (intent, via cameo/intent.tsv), a negated
# future one (refusal, via refusal.tsv), a conflict act under "vowed to" (threat, via
# threat.tsv), and a plain past act (the pattern's own code).
cat >"$TMP/in.jsonl" <<'J'
{"id": "i1", "text": "France will ease the sanctions on Iran.", "date": "2024-03-04"}
{"id": "r1", "text": "Germany will not lift the sanctions on Russia.", "date": "2024-03-04"}
{"id": "t1", "text": "The army vowed to impose a curfew on the Kurds.", "date": "2024-03-04"}
{"id": "p1", "text": "France eased the sanctions on Iran.", "date": "2024-03-04"}
J
run code --explain "$TMP/in.jsonl"; expect_rc 0; expect_no_err; json_ok
expect_rule i1 0354 "; intent"
expect_rule r1 1244 "; refusal"
expect_rule t1 1323 "; threat"
expect_rule p1 085 "-"
ok
