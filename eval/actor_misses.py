#!/usr/bin/env python3
"""actor_misses.py: gold events whose root was predicted with the wrong or a missing actor (docs/EVAL.md).

Usage:
  newsevents eval --texts GOLD.jsonl > /tmp/in.jsonl
  newsevents code --explain /tmp/in.jsonl > /tmp/pred.jsonl
  python3 eval/actor_misses.py GOLD.jsonl /tmp/pred.jsonl [-v]

Per article, gold and predicted events are paired: first the pairs with the same root-level
key (source country, target country, root), then each remaining gold event with the remaining
prediction of its root that agrees with it on the most sides. Every side of such a pair that
differs is one row, in one category:
  missing       the gold side has an actor, the prediction none
  extra         the prediction has an actor, the gold side none
  country       both have actors of different countries
  code          same country, another actor code (USA vs USAGOV), the codes reduced as
                `newsevents eval` reduces them for actor-code F1 (docs/EVAL.md)
The summary counts the categories per side and the most frequent (gold, predicted) codes.
With -v each row shows the article, the predicted actor's text, the evidence and the pattern.
Unpaired gold events (no prediction of their root) and unpaired predictions are only counted:
eval/miss_events.py lists them.
"""
import json
import sys
from collections import Counter


def country(a):
    return a["country"] if a and a.get("country") else "-"


INTL = ("IGO", "IMG", "NGO", "NGM", "MNC", "INT", "UIS")
ROLES = ("COP GOV INS JUD MIL OPP REB SEP SPY UAF PTY AGR BUS CRM CVL DEV EDU ENV HLH HRI LAB LEG MED "
         "REF MOD RAD").split()


def code(a):
    """The actor code at the level the guidelines define, as `newsevents eval` reduces it."""
    c = (a.get("code") or a.get("country") or "-") if a else "-"
    if len(c) < 3 or c[:3] in INTL:
        return c[:3]
    groups = [c[i:i + 3] for i in range(3, len(c) - 2, 3)]
    role = "PTY" if "PTY" in groups else next((g for g in groups if g in ROLES), "")
    return c[:3] + role


def root(e):
    return e.get("root") or e["code"][:2]


def key(e):
    return (country(e.get("source")), country(e.get("target")), root(e))


def pair(gold, pred):
    """Pairs of (gold, pred) indexes: equal keys first, then the best same-root prediction."""
    free = set(range(len(pred)))
    pairs, left = [], []
    for gi, ge in enumerate(gold):
        hit = next((pi for pi in sorted(free) if key(pred[pi]) == key(ge)), None)
        if hit is None:
            left.append(gi)
        else:
            free.discard(hit)
            pairs.append((gi, hit))
    unpaired = 0
    for gi in left:
        ge = gold[gi]
        cands = [pi for pi in sorted(free) if root(pred[pi]) == root(ge)]
        if not cands:
            unpaired += 1
            continue
        best = max(cands, key=lambda pi: (country(pred[pi]["source"]) == country(ge["source"])) +
                   (country(pred[pi]["target"]) == country(ge["target"])))
        free.discard(best)
        pairs.append((gi, best))
    return pairs, unpaired, len(free)


def side_diff(g, p):
    if code(g) == code(p):
        return None
    if g is None or country(g) == "-":
        return "extra"
    if p is None or country(p) == "-":
        return "missing"
    return "country" if country(g) != country(p) else "code"


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    gold = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    pred = {r["id"]: r for r in map(json.loads, open(args[1], encoding="utf-8"))}
    cats, codes = Counter(), Counter()
    no_root = no_gold = 0
    for g in gold:
        events = pred.get(g["id"], {}).get("events", [])
        pairs, unpaired, free = pair(g["events"], events)
        no_root += unpaired
        no_gold += free
        for gi, pi in pairs:
            ge, pe = g["events"][gi], events[pi]
            for side in ("source", "target"):
                cat = side_diff(ge.get(side), pe.get(side))
                if cat is None:
                    continue
                cats[side + "/" + cat] += 1
                codes["%s %s: gold %s pred %s" % (side, cat, code(ge.get(side)), code(pe.get(side)))] += 1
                if verbose:
                    a = pe.get(side) or {}
                    print("%-16s %-6s %-8s gold %s->%s %s | pred %s->%s %s | %s=%r [%s] %s" % (
                        g["id"][:16], side[:3], cat, code(ge.get("source")), code(ge.get("target")),
                        ge["code"], code(pe.get("source")), code(pe.get("target")), pe["code"], side[:3],
                        a.get("text"), pe.get("evidence", ""), pe.get("pattern", "")))
    for k, v in sorted(cats.items()):
        print("%-24s %d" % (k, v))
    print("%-24s %d" % ("gold-without-root-pred", no_root))
    print("%-24s %d" % ("pred-unpaired", no_gold))
    print("most frequent:")
    for k, v in codes.most_common(25):
        print("  %3d %s" % (v, k))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
