#!/usr/bin/env bash
# actors_founding.sh: on the founding example (read from the shared folder at run
# time), the actors and places of issue 3 come out of the shipped dictionaries and
# general rules: Iran, Pakistan, Iraq, Israel, Afghanistan, India; Haqqani, Arain,
# Quraishi and Imran Khan Pakistani; Jaish al-Adl an Iranian armed group; the
# Pakistan Air Force PAKMIL; Balochistan, Islamabad and Tehran places.
# The seed dictionaries of the golden tests fill in only what the shipped ones lack
# (loaded after them, so shipped entries win).
set -eu
: "${NE_BIN:?}" "${NE_SRC:?}" "${NEWSEVENTS_DATA:?}" "${NE_SHARED:?}"
ex="$NE_SHARED/examples/iran-pakistan-2024-01-17.txt"
[ -f "$ex" ] || { echo "SKIP: $ex not found"; exit 77; }
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$NEWSEVENTS_DATA"/. "$tmp"/
mkdir -p "$tmp/actors/leaders" "$tmp/places"
cp "$NE_SRC/tests/golden/seed/actors/seed.txt" "$tmp/actors/zz-seed.txt"
cp "$NE_SRC/tests/golden/seed/actors/leaders/seed.txt" "$tmp/actors/leaders/zz-seed.txt"
cp "$NE_SRC/tests/golden/seed/places/seed.txt" "$tmp/places/zz-seed.txt"
[ -f "$tmp/roles.txt" ] || cp "$NE_SRC/tests/golden/seed/roles.txt" "$tmp/roles.txt"
"$NE_BIN" code --data "$tmp" --date 2024-01-17 "$ex" > "$tmp/out.json"
# not exec: the EXIT trap must remove $tmp (a copy of the data, ~40 MB)
node - "$tmp/out.json" <<'JS'
const o = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
let bad = 0;
function check(what, ok) { if (!ok) { bad++; console.log('FAIL: ' + what); } else console.log('ok: ' + what); }
const A = o.actors, P = o.places;
for (const [name, cc] of [['Iran', 'IRN'], ['Pakistan', 'PAK'], ['Iraq', 'IRQ'], ['Israel', 'ISR'], ['Afghanistan', 'AFG'], ['India', 'IND']])
  check(`${name} is an actor of ${cc}`, A.some((a) => a.text === name && a.country === cc));
for (const who of ['Haqqani', 'Arain', 'Quraishi', 'Imran Khan']) {
  const ms = A.filter((a) => a.text.includes(who));
  check(`${who} is Pakistani (${ms.length} mentions)`, ms.length > 0 && ms.every((a) => a.country === 'PAK'));
}
const jaa = A.filter((a) => a.text === 'Jaish al-Adl');
check('Jaish al-Adl is an Iranian armed group', jaa.length > 0 &&
      jaa.every((a) => a.country === 'IRN' && ['INS', 'REB', 'SEP', 'UAF'].includes(a.role)));
const paf = A.filter((a) => /Pakistan Air Force$/.test(a.text));
check('the Pakistan Air Force is PAKMIL', paf.length > 0 && paf.every((a) => a.code === 'PAKMIL'));
for (const [name, cc] of [['Balochistan', 'PAK'], ['Islamabad', 'PAK'], ['Tehran', 'IRN']])
  check(`${name} is a place in ${cc}`, P.some((p) => p.text === name && p.country === cc));
if (bad) {
  for (const a of A) console.log(`  ${a.sentence} ${JSON.stringify(a.text)} ${a.code} ${a.kind} ${a.ref}`);
}
process.exit(bad ? 1 : 0);
JS
