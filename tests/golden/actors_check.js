// actors_check.js: runs the golden actor/place cases (tests/golden/actors*.txt)
// through `newsevents code` and checks each expectation against the output.
// Usage: node actors_check.js NE_BIN DATA_DIR CASE_FILE...
// Case format (docs/DICTIONARIES.md, "Golden tests"):
//   @ 2024-01-17          document date for the following documents (@ - : none)
//   > text                a line of the document (several lines: one document)
//   = "TEXT" CODE [KIND]  an actor mention TEXT with code CODE (- for none)
//   ~ "TEXT" "ANTE"       a mention TEXT refers (ref) to a mention ANTE (- : ref null)
//   ! "TEXT"              no actor mention is exactly TEXT
//   p "TEXT" CTY          a place mention TEXT in country CTY
//   !p "TEXT"             no place mention is exactly TEXT
//   a blank line ends the document.
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');

const [bin, data, ...files] = process.argv.slice(2);
const docs = [];
let sentences = 0, checks = 0;

function parseQuoted(s) {
  const out = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m;
  while ((m = re.exec(s))) out.push(m[1] !== undefined ? m[1] : m[2]);
  return out;
}

for (const f of files) {
  const lines = fs.readFileSync(f, 'utf8').split('\n');
  let date = null, cur = null;
  const close = () => { if (cur) docs.push(cur); cur = null; };
  lines.forEach((line, i) => {
    const where = `${f.replace(/.*\//, '')}:${i + 1}`;
    if (line.startsWith('#')) return;
    if (!line.trim()) { close(); return; }
    if (line.startsWith('@ ')) { date = line.slice(2).trim(); if (date === '-') date = null; return; }
    if (line.startsWith('> ')) {
      if (!cur) cur = { where, date, text: [], exp: [] };
      cur.text.push(line.slice(2));
      sentences++;
      return;
    }
    const m = /^(=|~|!p|!|p) (.*)$/.exec(line);
    if (!m || !cur) throw new Error(`${where}: cannot parse: ${line}`);
    cur.exp.push({ where, op: m[1], args: parseQuoted(m[2]) });
    checks++;
  });
  close();
}

const input = docs.map((d, i) => JSON.stringify({ id: String(i), text: d.text.join(' '), date: d.date || undefined })).join('\n') + '\n';
const out = execFileSync(bin, ['code', '--data', data], { input, maxBuffer: 1 << 28 }).toString();
const results = out.trim().split('\n').map((l) => JSON.parse(l));

function show(o) {
  return o.actors.map((a, i) => `${i}:${JSON.stringify(a.text)}=${a.code}/${a.kind}${a.ref !== null ? '->' + a.ref : ''}`).join(' ') +
    ' | places: ' + o.places.map((p) => `${JSON.stringify(p.text)}=${p.country}`).join(' ');
}

let failed = 0;
docs.forEach((d, i) => {
  const o = results[i];
  for (const e of d.exp) {
    const [t, v, k] = e.args;
    const acts = o.actors.filter((a) => a.text === t);
    let ok;
    switch (e.op) {
      case '=': ok = acts.some((a) => (a.code || '-') === v && (!k || a.kind === k)); break;
      case '~': ok = acts.some((a) => (v === '-' ? a.ref === null : a.ref !== null && o.actors[a.ref].text === v)); break;
      case '!': ok = acts.length === 0; break;
      case 'p': ok = o.places.some((p) => p.text === t && (p.country || '-') === v); break;
      case '!p': ok = !o.places.some((p) => p.text === t); break;
    }
    if (!ok) {
      failed++;
      console.log(`${e.where}: FAIL ${e.op} ${e.args.join(' ')}\n    text: ${d.text.join(' ')}\n    got: ${show(o)}`);
    }
  }
});
console.log(`actors golden: ${docs.length} documents, ${sentences} text lines, ${checks} checks, ${failed} failed`);
process.exit(failed ? 1 : 0);
