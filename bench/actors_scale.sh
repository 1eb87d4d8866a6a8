#!/usr/bin/env bash
# actors_scale.sh: throughput of `newsevents code` (actors, places and everything
# else on) over Reuters-21578, converted on the fly from the shared SGML files
# (nothing is written into the project), with the shipped dictionaries and with
# 10x as many synthetic extra actor entries; prints MB/s, peak RSS, load time and
# an output hash per configuration.  Matching cost should not depend on
# dictionary size: the two MB/s figures should be within 15%.
# Usage: bench/actors_scale.sh [BUILD_DIR]   (env: NE_SHARED_DATA, RUNS=3, SCALE=10)
set -eu
build=${1:-build}
shared=${NE_SHARED_DATA:-../shared/data}
runs=${RUNS:-3}
scale=${SCALE:-10}
src=$(cd "$(dirname "$0")/.." && pwd)
bin="$build/newsevents"
data="$build/share/newsevents"
[ -d "$shared/reuters21578" ] || { echo "actors_scale: $shared/reuters21578 absent; skipped"; exit 0; }
[ -x "$bin" ] || { echo "actors_scale: build first (make build)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Reuters-21578 SGML -> JSON Lines (id, date, title, text), in memory of this run only.
node - "$shared/reuters21578" > "$work/reuters.jsonl" <<'JS'
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
const ent = (s) => s.replace(/&#(\d+);/g, (_, n) => (+n < 32 ? ' ' : String.fromCharCode(+n)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const months = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };
for (const f of fs.readdirSync(dir).filter((f) => /^reut2-\d+\.sgm$/.test(f)).sort()) {
  const s = fs.readFileSync(path.join(dir, f), 'latin1');
  for (const m of s.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
    const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(m[2]);
    if (!body) continue;
    const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(m[2]);
    const d = /<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})/.exec(m[2]);
    const rec = { id: 'reuters-' + m[1], text: ent(body[1]).replace(/\s*Reuter\s*$/, '') };
    if (title) rec.title = ent(title[1]);
    if (d) rec.date = `${d[3]}-${months[d[2]]}-${d[1].padStart(2, '0')}`;
    process.stdout.write(JSON.stringify(rec) + '\n');
  }
}
JS
bytes=$(node -e 'let n=0;for(const l of require("fs").readFileSync(process.argv[1],"utf8").split("\n")) if(l){const r=JSON.parse(l);n+=Buffer.byteLength(r.text)+Buffer.byteLength(r.title||"")} console.log(n)' "$work/reuters.jsonl")
docs=$(wc -l < "$work/reuters.jsonl")

# The synthetic configuration: the shipped data plus SCALE x its hand-written
# actor, role and place entries as made-up names that never occur in news.
cp -r "$data" "$work/data10"
entries=$("$bin" dict check "$src/dictionaries" 2>&1 | sed -n 's/.*: \([0-9]*\) entries.*/\1/p')
extra=$((entries * scale))
node - "$extra" > "$work/data10/actors/zz-synthetic.txt" <<'JS'
const n = +process.argv[2];
const syl = ['ka', 'lo', 'mir', 'zan', 'tu', 'vek', 'sha', 'ron', 'pel', 'dor', 'qui', 'nax', 'bel', 'gru', 'fen', 'hol'];
let seed = 12345;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const word = () => { let w = ''; const k = 2 + Math.floor(rnd() * 3); for (let i = 0; i < k; i++) w += syl[Math.floor(rnd() * syl.length)]; return w[0].toUpperCase() + w.slice(1) + 'x'; };
const codes = ['PAKGOV', 'IRNMIL', 'USAGOV', 'IGOUNO', 'RUSOPP', 'NGAINS'];
console.log('# synthetic entries for bench/actors_scale.sh (made-up names)');
for (let i = 0; i < n; i++) {
  const toks = 1 + Math.floor(rnd() * 3);
  const name = Array.from({ length: toks }, word).join(' ');
  console.log(`${name} | ${name} ${word()} = ${codes[i % codes.length]} ; type=${i % 3 ? 'person' : 'org'}`);
}
JS

calc() { node -e "console.log(($1).toFixed(4))"; }
now() { node -e 'console.log(Number(process.hrtime.bigint()) / 1e9)'; }

measure() { # DATA LABEL
  local best=999999 rss=n/a t0 t1 dt
  for _ in $(seq "$runs"); do
    t0=$(now)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%M' -o "$work/rss" "$bin" code --data "$1" "$work/reuters.jsonl" > "$work/out.$2" 2> /dev/null
      rss=$(cat "$work/rss")
    else
      "$bin" code --data "$1" "$work/reuters.jsonl" > "$work/out.$2" 2> /dev/null
    fi
    t1=$(now)
    dt=$(calc "$t1 - $t0")
    best=$(calc "Math.min($dt, $best)")
  done
  t0=$(now); "$bin" code --data "$1" /dev/null > /dev/null; t1=$(now)
  local load mbs all
  load=$(calc "$t1 - $t0")
  mbs=$(calc "$bytes / 1e6 / ($best - $load)")
  all=$(calc "$bytes / 1e6 / $best")
  printf '%-8s %7.2f MB/s coding (%6.2f MB/s incl. load)  load %5.2f s  peak RSS %s KB  output %s\n' \
    "$2" "$mbs" "$all" "$load" "$rss" "$(sha256sum < "$work/out.$2" | cut -c1-16)"
  echo "$mbs" > "$work/mbs.$2"
}
echo "Reuters-21578: $docs articles, $bytes bytes of text; best of $runs runs; $(nproc) cores"
echo "dictionaries: $entries hand-written entries (+ gazetteer); synthetic: +$extra entries"
measure "$data" shipped
measure "$work/data10" "x$scale"
ratio=$(calc "$(cat "$work/mbs.x$scale") / $(cat "$work/mbs.shipped")")
printf 'throughput ratio x%s/shipped: %.3f (target >= 0.85)\n' "$scale" "$ratio"
cmp -s "$work/out.shipped" "$work/out.x$scale" && echo "outputs identical" || echo "outputs DIFFER"
