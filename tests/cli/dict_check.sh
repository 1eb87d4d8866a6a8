#!/usr/bin/env bash
# dict_check.sh: `newsevents dict check` passes on the shipped dictionaries (so
# content errors fail CI) and reports FILE:LINE errors with exit 1 on bad files,
# pattern files included (every bad line, not only the first).
set -eu
: "${NE_BIN:?}" "${NE_SRC:?}"
"$NE_BIN" dict check "$NE_SRC/dictionaries" || { echo "FAIL: the shipped dictionaries do not pass dict check"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# expect_problems DIR WANT...: dict check DIR exits 1 and reports every WANT
expect_problems() {
    local dir=$1 rc=0 want
    shift
    "$NE_BIN" dict check "$dir" 2> "$tmp/err" || rc=$?
    cat "$tmp/err"
    [ "$rc" = 1 ] || { echo "FAIL: dict check $dir: exit $rc, expected 1"; exit 1; }
    for want in "$@"; do
        grep -qF "$want" "$tmp/err" || { echo "FAIL: missing: $want"; exit 1; }
    done
}
mkdir -p "$tmp/actors"
cp "$NE_SRC/dictionaries/actor_codes.txt" "$tmp/"
cat > "$tmp/actors/bad.txt" <<'TXT'
# one problem per line but the last (type= may follow the keys it governs)
Pakistan = PAK ; type=country
Pakistan = PAK ; type=country
Atlantis = XYZGOV
Sharif = PAKGOV 2020-01-01..2021-01-01, PAKOPP 2020-06-01..
Lower = pakgov
Twice = PAK ; type=country ; type=person
No code here
Bad date = PAK 2020-13-01..
Late type = GOV ; admin1=Sindh ; type=role
Role first = LEG ; in=IND:PTY ; type=role
TXT
printf 'officials = GVX ; plural=1\ncongress = LEG ; in=IND-PTY\nassembly = LEG ; in=IND:PXY\n' > "$tmp/roles.txt"
expect_problems "$tmp" "bad.txt:3: duplicate name 'Pakistan'" "bad.txt:4: unknown country or international code 'XYZ'" \
    "bad.txt:5: date ranges of 'PAKGOV' and 'PAKOPP' overlap" "bad.txt:6: bad code 'pakgov'" \
    "bad.txt:7: duplicate key 'type'" "bad.txt:8: expected NAME = CODE" "bad.txt:9: bad date '2020-13-01'" \
    "bad.txt:10: lat/lon/admin1 only apply to places" \
    "roles.txt:1: unknown role group 'GVX'" "roles.txt:2: in= must be COUNTRY:ROLE" \
    "roles.txt:3: unknown role group 'PXY' in in=" "11 problems"
# major_cities.txt: NAME [| NAME]... = ISO3, the country one of the dictionaries' countries
rm -f "$tmp/roles.txt"
printf 'Pakistan = PAK ; type=country\n' > "$tmp/actors/bad.txt"
printf '# a comment\nKarachi | Karāchi = PAK\nAtlantis City = XYZ\nLahore = PAK ; kind=city\nQuetta\n | = PAK\n' > "$tmp/major_cities.txt"
expect_problems "$tmp" "major_cities.txt:3: unknown country 'XYZ'" "major_cities.txt:4: expected NAME [| NAME]... = ISO3" \
    "major_cities.txt:5: expected NAME [| NAME]... = ISO3" "major_cities.txt:6: empty name" "4 problems"
rm -f "$tmp/major_cities.txt"
# lexicon.txt: LEMMA POS... [FORM...], POS v/n/a, forms for verbs only, '#' comments
printf '# lemmas\ngherao v n\nunban v unbanned # a comment\nbad1 v\nfoo x\nbar\nbaz n bazes\n' > "$tmp/lexicon.txt"
expect_problems "$tmp" "lexicon.txt:4: the lemma must be one word" "lexicon.txt:5: a part of speech is v, n or a" \
    "lexicon.txt:6: no part of speech" "lexicon.txt:7: irregular forms are given for verbs only" "4 problems"
rm -f "$tmp/lexicon.txt"
# pattern files: each bad line is reported and the check goes on
rm -rf "$tmp/actors" "$tmp/roles.txt"
mkdir -p "$tmp/patterns" "$tmp/cameo"
cp "$NE_SRC/dictionaries/cameo/"*.tsv "$tmp/cameo/"
cat > "$tmp/patterns/bad.txt" <<'TXT'
# one problem per line but the good ones
010 v make statement
999 v make statement
010 x make statement
010 v
010 v {issue|release statement
173 v arrest +
040 v have (a) meeting with +
040 n meeting with +
041 v will meet +
195 v airstrike +
012 v not {approve|accept} +
TXT
# and a verb pattern whose anchor the matcher never tries as a verb (an
# auxiliary, a modal, a function word, a word WordNet has no verb for)
expect_problems "$tmp" "patterns/bad.txt:3: unknown CAMEO code '999'" "patterns/bad.txt:4: kind must be 'v' or 'n'" \
    "patterns/bad.txt:5: empty pattern" "patterns/bad.txt:6: unbalanced '{'" \
    "patterns/bad.txt:8: can never match: its anchor 'have' is an auxiliary" \
    "patterns/bad.txt:10: can never match: its anchor 'will' is a modal" \
    "patterns/bad.txt:11: can never match: its anchor 'airstrike' is no verb in WordNet" \
    "patterns/bad.txt:12: can never match: its anchor 'not' is a function word" "8 problems"
# cameo/event_nouns.tsv: NOUN<TAB>PREFIX..., prefixes of listed codes; the first bad line is the one problem
printf '# nouns\nattack\t18 19 20\nattack\t17\n' > "$tmp/cameo/event_nouns.tsv"
expect_problems "$tmp" "cameo/event_nouns.tsv:3: noun 'attack' listed twice" "1 problem"
printf 'Attack\t18\n' > "$tmp/cameo/event_nouns.tsv"
expect_problems "$tmp" "cameo/event_nouns.tsv:1: expected a lower-case noun, a tab and code prefixes"
printf 'raid\t17 999\n' > "$tmp/cameo/event_nouns.tsv"
expect_problems "$tmp" "cameo/event_nouns.tsv:1: '999': expected up to 20 code prefixes of 2-4 digits"
printf 'raid\t\n' > "$tmp/cameo/event_nouns.tsv"
expect_problems "$tmp" "cameo/event_nouns.tsv:1: no code prefix"
echo "ok"
