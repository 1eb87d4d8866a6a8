// app.js: the newsevents dashboard. Vanilla JS, no framework; the chart is
// uPlot (vendored from npm at build time). Talks only to this server.
'use strict';

const $ = (id) => document.getElementById(id);
const ROOTS = ['01 statement', '02 appeal', '03 intent to cooperate', '04 consult', '05 diplomatic cooperation',
  '06 material cooperation', '07 provide aid', '08 yield', '09 investigate', '10 demand', '11 disapprove',
  '12 reject', '13 threaten', '14 protest', '15 force posture', '16 reduce relations', '17 coerce',
  '18 assault', '19 fight', '20 mass violence'];
const state = { filter: {}, dyad: null, chart: null, seen: 0 };

function text(el, s) { el.textContent = s == null ? '' : String(s); return el; }
function make(tag, cls, s) { const e = document.createElement(tag); if (cls) e.className = cls; if (s != null) text(e, s); return e; }
function actorName(a) { return a ? (a.code || a.name || a.country || '?') : '-'; }

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
  return r.json();
}

function matchesFilter(ev) {
  const f = state.filter;
  const cs = [ev.source && ev.source.country, ev.target && ev.target.country];
  if (f.country && !cs.includes(f.country)) return false;
  if (f.root && ev.root !== f.root) return false;
  if (f.dyad) {
    const [a, b] = f.dyad;
    const s = (ev.source && ev.source.code) || '', t = (ev.target && ev.target.code) || '';
    if (!((s.startsWith(a) && t.startsWith(b)) || (s.startsWith(b) && t.startsWith(a)))) return false;
  }
  return true;
}

function eventItem(ev, isNew) {
  const li = make('li', 'q' + ev.quad_class + (isNew ? ' new' : ''));
  const head = make('div');
  head.append(make('span', 'who', actorName(ev.source)), make('span', 'code', ev.code),
    make('span', 'who', actorName(ev.target)));
  const g = make('span', ev.goldstein < 0 ? 'g-neg' : 'g-pos', ' ' + (ev.goldstein > 0 ? '+' : '') + ev.goldstein);
  head.append(g);
  const meta = make('div', 'meta', [ev.date || 'undated', ev.plover, (ev.articles && ev.articles.length) ?
    ev.articles.length + ' article(s)' : (ev.article ? 'article ' + ev.article : '')].filter(Boolean).join(' · '));
  li.append(head, meta, make('div', 'evidence', ev.evidence || ''));
  const id = ev.article || (ev.articles && ev.articles[0]);
  if (id) li.addEventListener('click', () => showArticle(id));
  const s = ev.source && ev.source.code, t = ev.target && ev.target.code;
  if (s && t) li.addEventListener('dblclick', () => selectDyad(s.slice(0, 3), t.slice(0, 3)));
  return li;
}

function addToFeed(ev, isNew) {
  if (!matchesFilter(ev)) return;
  const feed = $('feed');
  const li = eventItem(ev, isNew);
  if (isNew) feed.prepend(li); else feed.append(li);
  while (feed.children.length > 300) feed.lastChild.remove();
  text($('feed-count'), feed.children.length + ' shown');
}

async function loadEvents() {
  const p = new URLSearchParams({ limit: '100' });
  const f = state.filter;
  if (f.country) p.set('country', f.country);
  if (f.dyad) p.set('dyad', f.dyad.join(','));
  if (f.root) p.set('root', f.root);
  if (f.q) p.set('q', f.q);
  $('feed').replaceChildren();
  try {
    const r = await getJSON('/api/events?' + p);
    r.events.forEach((ev) => addToFeed(ev, false));
    text($('feed-count'), r.events.length + ' shown');
  } catch (e) { console.warn(e.message); }
}

function connectStream() {
  const es = new EventSource('/api/stream');
  es.onopen = () => { text($('status'), 'live'); $('status').className = 'status on'; };
  es.onerror = () => { text($('status'), 'reconnecting'); $('status').className = 'status off'; };
  es.onmessage = (m) => {
    let ev; try { ev = JSON.parse(m.data); } catch (e) { return; }
    addToFeed(ev, true);
    state.seen++;
    if (state.dyad) scheduleTimeline();
    scheduleTop();
  };
}

let timelineTimer = null, topTimer = null;
function scheduleTimeline() { clearTimeout(timelineTimer); timelineTimer = setTimeout(loadTimeline, 500); }
function scheduleTop() { clearTimeout(topTimer); topTimer = setTimeout(loadTop, 1000); }

function dayNumber(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 1000; }

async function loadTimeline() {
  if (!state.dyad) return;
  const [a, b] = state.dyad;
  text($('dyad-name'), a + ' \u2194 ' + b);
  let r;
  try { r = await getJSON('/api/dyads/' + encodeURIComponent(a) + '/' + encodeURIComponent(b) + '/timeline?by=day'); }
  catch (e) { console.warn(e.message); return; }
  const xs = r.points.map((p) => dayNumber(p.key));
  const data = [xs, r.points.map((p) => p.goldstein), r.points.map((p) => p.events)];
  const box = $('chart');
  if (typeof uPlot === 'undefined') { text(box, r.points.length + ' days (chart library missing)'); return; }
  const opts = {
    width: Math.max(300, box.clientWidth), height: 220,
    series: [{}, { label: 'Goldstein', stroke: '#e5534b', width: 2, points: { show: true } },
      { label: 'events', stroke: '#5aa9e6', width: 1, scale: 'n', points: { show: true } }],
    axes: [{ stroke: '#8b97a6', grid: { stroke: '#2a3440' } }, { stroke: '#8b97a6', grid: { stroke: '#2a3440' } },
      { side: 1, scale: 'n', stroke: '#5aa9e6', grid: { show: false } }],
    scales: { x: { time: true } },
  };
  if (state.chart) { state.chart.destroy(); }
  box.replaceChildren();
  state.chart = new uPlot(opts, data, box);
  box.dataset.points = String(xs.length); // how many days are drawn (read by the browser test)
}

function selectDyad(a, b) { state.dyad = [a, b]; loadTimeline(); }

async function loadTop() {
  let r;
  try { r = await getJSON('/api/top?limit=12'); } catch (e) { console.warn(e.message); return; }
  const body = $('top').tBodies[0];
  body.replaceChildren();
  r.dyads.forEach((d) => {
    const tr = make('tr');
    tr.append(make('td', 'code', d.key.replace(',', ' \u2192 ')), make('td', null, d.events),
      make('td', d.goldstein < 0 ? 'g-neg' : 'g-pos', d.goldstein.toFixed(1)));
    const [s, t] = d.key.split(',');
    tr.addEventListener('click', () => selectDyad(s.slice(0, 3), t.slice(0, 3)));
    body.append(tr);
  });
  if (!state.dyad && r.dyads.length) { const [s, t] = r.dyads[0].key.split(','); selectDyad(s.slice(0, 3), t.slice(0, 3)); }
}

// Mark spans [start, end) of the text with their kinds; spans are UTF-8 byte
// offsets, so the text is handled as bytes and decoded piece by piece.
function highlight(textStr, spans) {
  const bytes = new TextEncoder().encode(textStr);
  const dec = new TextDecoder();
  const marks = spans.filter((s) => s.span && s.span[1] > s.span[0] && s.span[1] <= bytes.length)
    .sort((x, y) => x.span[0] - y.span[0] || y.span[1] - x.span[1]);
  const out = document.createDocumentFragment();
  let pos = 0;
  for (const m of marks) {
    if (m.span[0] < pos) continue; // nested or overlapping: the outer one wins
    out.append(dec.decode(bytes.slice(pos, m.span[0])));
    const mk = make('mark', m.kind, dec.decode(bytes.slice(m.span[0], m.span[1])));
    if (m.title) mk.title = m.title;
    out.append(mk);
    pos = m.span[1];
  }
  out.append(dec.decode(bytes.slice(pos)));
  return out;
}

async function showArticle(id) {
  let r;
  try { r = await getJSON('/api/articles/' + encodeURIComponent(id)); } catch (e) { console.warn(e.message); return; }
  const a = r.article;
  text($('article-title'), a.title || a.id);
  const spans = [];
  (a.events || []).filter((e) => !e.in_title).forEach((e) => spans.push({ span: e.span, kind: 'ev', title: e.code + ' ' + (e.plover || '') }));
  (a.quotes || []).forEach((q) => spans.push({ span: q.span, kind: 'quote', title: q.speaker ? q.speaker.name : 'speaker unknown' }));
  (a.actors || []).filter((x) => !x.in_title).forEach((x) => spans.push({ span: x.span, kind: 'actor', title: x.code || x.kind }));
  (a.places || []).filter((x) => !x.in_title).forEach((x) => spans.push({ span: x.span, kind: 'place', title: x.country || '' }));
  (a.timexes || []).filter((x) => !x.in_title).forEach((x) => spans.push({ span: x.span, kind: 'time', title: x.value || '' }));
  $('article-text').replaceChildren(highlight(r.text || '', spans));
  const list = make('ol');
  (a.events || []).forEach((e) => list.append(make('li', null, actorName(e.source) + ' ' + e.code + ' ' + actorName(e.target) + ' (' + (e.date || 'undated') + '): ' + (e.evidence || ''))));
  $('article-events').replaceChildren(list);
  $('article-box').hidden = false;
  $('article-box').scrollIntoView({ behavior: 'smooth' });
}

function readFilter() {
  const c = $('f-country').value.trim().toUpperCase(), d = $('f-dyad').value.trim().toUpperCase();
  const parts = d.split(',').map((s) => s.trim()).filter(Boolean);
  state.filter = { country: c || null, dyad: parts.length === 2 ? parts : null, root: $('f-root').value || null, q: $('f-q').value.trim() || null };
  if (state.filter.dyad) selectDyad(parts[0], parts[1]);
}

function init() {
  const sel = $('f-root');
  ROOTS.forEach((r) => { const o = make('option', null, r); o.value = r.slice(0, 2); sel.append(o); });
  $('filter').addEventListener('submit', (e) => { e.preventDefault(); readFilter(); loadEvents(); });
  $('close-article').addEventListener('click', () => { $('article-box').hidden = true; });
  window.addEventListener('resize', () => { if (state.chart) state.chart.setSize({ width: $('chart').clientWidth, height: 220 }); });
  loadEvents();
  loadTop();
  connectStream();
}

document.addEventListener('DOMContentLoaded', init);
