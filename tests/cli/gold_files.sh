#!/bin/bash
# gold_files.sh: the committed gold sets (eval/gold/*.jsonl, format in
# docs/ANNOTATION.md) parse, and every record resolves to its text in the
# shared data directory with its spans inside that text.  The articles set
# must hold at least 40 articles of at least 1,000 bytes, a cut lead at
# least 1,500, each with a note; the devintl set (international PolNeAR
# articles, sessions 13 and 14) the same of at least 31, with ids di-pn-N,
# and the devintl2 set (its second tier, session 17) of at least 38, ids di2-pn-N.
# Skips (77) without ../shared/data.
. "$(dirname "$0")/lib.sh"
need_shared_data "the gold texts are read from ../shared/data"
for gold in "$NE_SRC"/eval/gold/*.jsonl; do
    name=$(basename "$gold" .jsonl)
    "$NE_BIN" eval --texts "$gold" --shared "$data" > "$TMP/$name.texts" 2> "$TMP/$name.err" ||
        fail "$name: eval --texts failed: $(head -5 "$TMP/$name.err")"
    python3 - "$gold" "$TMP/$name.texts" "$name" <<'PY' || fail "$name: gold file check failed"
import json, re, sys
gold_path, texts_path, name = sys.argv[1:4]
bad = []
def err(rid, msg):
    bad.append(f"{rid}: {msg}")
texts = {}
for line in open(texts_path, encoding="utf-8"):
    r = json.loads(line)
    texts[r["id"]] = r["text"].encode("utf-8")
gold, seen = [], set()
for no, line in enumerate(open(gold_path, encoding="utf-8"), 1):
    if not line.strip():
        continue
    r = json.loads(line)
    rid = r.get("id") or f"line {no}"
    if rid in seen:
        err(rid, "duplicate id")
    seen.add(rid)
    gold.append(r)
    if not isinstance(r.get("doc"), dict) or not r["doc"].get("file"):
        err(rid, "no doc.file")
    if "date" in r and not re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]):
        err(rid, f"bad date {r['date']}")
    text = texts.get(rid)
    if not text:
        err(rid, "no text")
        continue
    if not isinstance(r.get("events"), list):
        err(rid, "no events list")
    for ev in r.get("events", []):
        code = ev.get("code", "")
        if not re.fullmatch(r"\d{3,4}", code) or not "01" <= code[:2] <= "20":
            err(rid, f"bad CAMEO code {code!r}")
        if "root" in ev and ev["root"] != code[:2]:
            err(rid, f"root {ev['root']} does not match code {code}")
        if "date" in ev and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", ev["date"]):
            err(rid, f"bad event date {ev['date']}")
        if ev.get("source") is None and ev.get("target") is None:
            err(rid, f"event {code} without source and target")
        for role in ("source", "target"):
            a = ev.get(role)
            if a is None:
                continue
            c = a.get("country", "")
            if not re.fullmatch(r"[A-Z]{3}", c):
                err(rid, f"{role} country {c!r}")
            if "code" in a and not (re.fullmatch(r"[A-Z]{3,15}", a["code"]) and a["code"].startswith(c)):
                err(rid, f"{role} code {a['code']!r} does not extend {c}")
    for kind in ("actors", "quotes", "timexes"):
        for x in r.get(kind, []):
            s, e = x.get("span", [-1, -1])
            if not (0 <= s < e <= len(text)):
                err(rid, f"{kind} span {s, e} outside the text ({len(text)} bytes)")
            elif kind == "quotes" and not x.get("speaker"):
                err(rid, "quote without a speaker")
            elif kind == "timexes" and not re.fullmatch(r"\d{4}(-(\d\d|W\d\d)(-\d\d)?)?", x.get("value", "")):
                err(rid, f"timex value {x.get('value')!r}")
    if name == "devintl" and not re.fullmatch(r"di-pn-\d+", rid):
        err(rid, "a devintl id is di-pn-N")
    if name == "devintl2" and not re.fullmatch(r"di2-pn-\d+", rid):
        err(rid, "a devintl2 id is di2-pn-N")
    if name in ("articles", "devintl", "devintl2"):
        d = r["doc"]
        if not r.get("note"):
            err(rid, "no note")
        if len(text) < 1000:
            err(rid, f"only {len(text)} bytes: not a whole article")
        if "end" in d and d["end"] - d.get("start", 0) < 1500:
            err(rid, "a cut lead shorter than 1,500 bytes")
if len(texts) != len(gold):
    bad.append(f"{len(gold)} records but {len(texts)} texts")
if name == "articles" and len(gold) < 40:
    bad.append(f"only {len(gold)} articles (the set promises at least 40)")
if name == "devintl" and len(gold) < 31:
    bad.append(f"only {len(gold)} articles (the set promises at least 31)")
if name == "devintl2" and len(gold) < 38:
    bad.append(f"only {len(gold)} articles (the set promises at least 38)")
for b in bad:
    print(f"{name}: {b}")
print(f"{name}: {len(gold)} records, {sum(len(r.get('events', [])) for r in gold)} events checked")
sys.exit(1 if bad else 0)
PY
    CHECKS=$((CHECKS + 1))
done
for set in articles devintl devintl2; do
    [ -f "$NE_SRC/eval/gold/$set.jsonl" ] || fail "eval/gold/$set.jsonl missing"
done
ok
