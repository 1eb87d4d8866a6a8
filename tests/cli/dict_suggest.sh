#!/usr/bin/env bash
# dict_suggest.sh: `newsevents dict suggest` lists unmatched capitalized names with
# counts and an example sentence, most frequent first; matched names are absent.
set -eu
: "${NE_BIN:?}" "${NEWSEVENTS_DATA:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Zorbek Talgatov met officials in Pakistan. Talgatov flew home.\n\nZorbek Talgatov spoke again.\n' > "$tmp/a.txt"
printf 'Zorbek Talgatov and Marisol Quintero met. Marisol Quintero, a lawyer, left.\n' > "$tmp/b.txt"
"$NE_BIN" dict suggest --min 1 "$tmp/a.txt" "$tmp/b.txt" > "$tmp/out"
cat "$tmp/out"
head -1 "$tmp/out" | grep -q "^4	Zorbek Talgatov	" || { echo "FAIL: expected Zorbek Talgatov 4 times (3 full, 1 surname) first"; exit 1; }
grep -q "^2	Marisol Quintero	Zorbek Talgatov and Marisol Quintero met." "$tmp/out" || { echo "FAIL: Marisol Quintero"; exit 1; }
if grep -q "	Pakistan	" "$tmp/out"; then echo "FAIL: a dictionary name was suggested"; exit 1; fi
if grep -q "	Talgatov	" "$tmp/out"; then echo "FAIL: a resolved surname was suggested"; exit 1; fi
echo ok
