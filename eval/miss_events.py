#!/usr/bin/env python3
"""miss_events.py: why each gold event of a gold set was missed (docs/EVAL.md).

Usage:
  newsevents eval --texts eval/gold/dev.jsonl > /tmp/in.jsonl
  newsevents code --explain /tmp/in.jsonl > /tmp/pred.jsonl
  python3 eval/miss_events.py eval/gold/dev.jsonl /tmp/pred.jsonl [--texts /tmp/in.jsonl] [-v]

Each gold event is matched at the root level (source country, target country, root), as
`newsevents eval` scores it, and put in one category:
  hit                     the same source and target actor codes and the same full code
  hit-root/wrong-code     the root-level key was predicted, with another full code
  hit-root/wrong-actor    the full code too, with other actor codes (ISR vs ISRMIL)
  miss/no-event-of-root   no predicted event of that root in the article (no pattern anchor,
                          or one dropped by modality or for lack of actors)
  miss/no-source, miss/no-target, miss/wrong-source, miss/wrong-target
                          an event of that root was predicted with that side missing or wrong
Predicted events whose root-level key is in no gold event are counted as false positives.
With -v every article is listed with its misses, the evidence, pattern and rule (from
--explain) of the nearest prediction, and its false positives.
"""
import json
import sys
from collections import Counter


def country(a):
    return a["country"] if a and a.get("country") else "-"


def code(a):
    return (a.get("code") or a.get("country") or "-") if a else "-"


def key(e):
    return (country(e.get("source")), country(e.get("target")), e.get("root") or e["code"][:2])


def classify(ge, events):
    k = key(ge)
    for pe in events:
        if key(pe) == k:
            if pe["code"] != ge["code"]:
                return "hit-root/wrong-code", pe
            if (code(pe["source"]), code(pe["target"])) != (code(ge["source"]), code(ge["target"])):
                return "hit-root/wrong-actor", pe
            return "hit", pe
    same = [e for e in events if e["root"] == k[2]]
    if not same:
        return "miss/no-event-of-root", None
    pe = same[0]
    if not pe["source"] and k[0] != "-":
        return "miss/no-source", pe
    if not pe["target"] and k[1] != "-":
        return "miss/no-target", pe
    return ("miss/wrong-source" if country(pe["source"]) != k[0] else "miss/wrong-target"), pe


def show(e):
    return "%s->%s %s [%s] %s %s" % (code(e["source"]), code(e["target"]), e["code"], e.get("evidence", ""),
                                     e.get("pattern", ""), e.get("rule", ""))


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    texts = {}
    if "--texts" in args:
        i = args.index("--texts")
        texts = {r["id"]: r.get("text", "") for r in map(json.loads, open(args[i + 1], encoding="utf-8"))}
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    gold = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    pred = {r["id"]: r for r in map(json.loads, open(args[1], encoding="utf-8"))}
    cats = Counter()
    for g in gold:
        events = pred.get(g["id"], {}).get("events", [])
        rows = []
        for ge in g["events"]:
            cat, pe = classify(ge, events)
            cats[cat] += 1
            rows.append((cat, ge, pe))
        gkeys = {key(e) for e in g["events"]}
        fps = [e for e in events if key(e) not in gkeys]
        cats["false-positive"] += len(fps)
        if verbose:
            print("=" * 78)
            print(g["id"], "|", g.get("note", ""))
            if g["id"] in texts:
                print("TEXT:", texts[g["id"]][:1500].replace("\n", " "))
            for cat, ge, pe in rows:
                print("  %-22s gold %s->%s %s%s" % (cat, code(ge["source"]), code(ge["target"]), ge["code"],
                                                  " | pred " + show(pe) if pe and cat != "hit" else ""))
            for e in fps:
                print("  %-22s pred %s" % ("false-positive", show(e)))
    for k, v in sorted(cats.items()):
        print("%-24s %d" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
