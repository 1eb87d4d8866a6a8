#!/bin/bash
# founding_timex_quotes.sh: the founding example's dates, quotations and
# headline: every quotation has its speaker (Haqqani, Arain, Quraishi, or
# Pakistan), the Gaza headline is unrelated to the body.  The "he added" of
# the fourth paragraph is left to coreference: null with unresolved "he" when
# it finds no antecedent (src/quote.c neQuote_settle).  Skips (77) without ../shared.
set -u
ex="$NE_SHARED/examples/iran-pakistan-2024-01-17.txt"
if [ ! -f "$ex" ]; then
    echo "SKIP: $ex absent (the founding example lives in ../shared)"
    exit 77
fi
out=$("$NE_BIN" code --date 2024-01-17 "$ex" 2>/dev/null) || { echo "FAIL: code exited $?"; exit 1; }
fail=0
want() { # want DESCRIPTION FIXED-STRING [MIN-COUNT]
    local n
    n=$(grep -oF -- "$2" <<<"$1" | wc -l)
    if [ "$n" -lt "${4:-1}" ]; then echo "FAIL: $3: expected ${4:-1}+ of $2, got $n"; fail=1; fi
}
quotes=$(sed -e 's/.*"quotes":\[//' -e 's/\],"timexes".*//' <<<"$out")
timexes=$(sed -e 's/.*"timexes":\[//' -e 's/\],"warnings".*//' <<<"$out")
want "$quotes" '"speaker":{"name":"Husain Haqqani"' "Haqqani's two quotations" 2
want "$quotes" '"speaker":{"name":"Muhammad Ashfaque Arain"' "Arain's two quotations" 2
want "$quotes" '"speaker":{"name":"Ahmed Quraishi"' "Quraishi's three quotations" 3
want "$quotes" '"text":"a weakness in Pakistan","speaker":{"name":"Ahmed Quraishi"' "the partial quotation"
want "$timexes" '"text":"Tuesday","value":"2024-01-16"' "Tuesday is the day before"
want "$timexes" '"text":"Wednesday","value":"2024-01-17"' "Wednesday is the document date"
want "$timexes" '"text":"December 15","value":"2023-12-15"' "December 15 of the year before"
want "$timexes" '"text":"Feb. 8","value":"2024-02-08"' "the scheduled elections"
want "$timexes" '"text":"next month","value":"2024-02"' "next month"
want "$timexes" '"text":"October","value":"2023-10"' "October in a January article"
want "$timexes" '"text":"2017","value":"2017"' "the year 2017"
want "$out" '"headline":{"related":false' "the Gaza headline is unrelated"
nq=$(grep -oF '{"text":' <<<"$quotes" | wc -l)
if [ "$nq" -ne 9 ]; then echo "FAIL: expected 9 quotations, got $nq"; fail=1; fi
nospeaker=$(grep -oF '"speaker":null' <<<"$quotes" | wc -l)
if [ "$nospeaker" -gt 1 ]; then echo "FAIL: only the \"he added\" quotation may lack a speaker, got $nospeaker"; fail=1; fi
if [ "$nospeaker" -eq 1 ]; then
    want "$quotes" '"speaker":null,"unresolved":"he","cue":"added"' "a speakerless quotation is the he added"
    want "$out" 'with no antecedent' "the warning for the dangling he"
fi
[ $fail -eq 0 ] && echo "ok: founding example dates, quotations and headline"
exit $fail
