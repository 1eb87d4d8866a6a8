#!/usr/bin/env python3
"""root_counts.py: per-root counts of a gold set against one or more predictions (docs/EVAL.md).

Usage:
  python3 eval/root_counts.py GOLD.jsonl PRED.jsonl [BASE.jsonl ...] [--confusions]

Events are keyed per article at the root level, (source country, target country, root), as
`newsevents eval` scores them. For each root it prints the gold key count and, for each
prediction file, predicted/hit key counts; then per file the totals with P / R / F1 (equal
to eval's event_root figures). Give the predictions of two builds to see which roots moved.
With --confusions (first prediction file) it also counts, for gold keys whose root has no
prediction in their article, whether the article has a prediction of the same country pair
under another root, and the most frequent (gold root, predicted root) pairs.
Everything printed is an aggregate count: it may be run on a held-out set.
"""
import json
import sys
from collections import Counter


def country(a):
    return a["country"] if a and a.get("country") else "-"


def root(e):
    return e.get("root") or e["code"][:2]


def keys(path):
    """{article id: set of (source country, target country, root)}"""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                out[a["id"]] = {(country(e.get("source")), country(e.get("target")), root(e)) for e in a["events"]}
    return out


def tally(gold, pred):
    g, p, h = Counter(), Counter(), Counter()
    for art, ks in gold.items():
        pk = pred.get(art, set())
        g.update(k[2] for k in ks)
        p.update(k[2] for k in pk)
        h.update(k[2] for k in ks & pk)
    return g, p, h


def prf(g, p, h):
    ng, np_, nh = sum(g.values()), sum(p.values()), sum(h.values())
    pr = nh / np_ if np_ else 0.0
    rc = nh / ng if ng else 0.0
    return ng, np_, nh, pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def confusions(gold, pred):
    missed, paired, conf = 0, 0, Counter()
    for art, ks in gold.items():
        pk = pred.get(art, set())
        roots = {k[2] for k in pk}
        for s, t, r in ks:
            if r in roots:
                continue
            missed += 1
            other = {k[2] for k in pk if k[:2] == (s, t)}
            paired += bool(other)
            conf.update((r, x) for x in other)
    print(f"gold keys with no prediction of their root in their article: {missed}; "
          f"with the same country pair predicted under another root: {paired}")
    print("most frequent (gold root, predicted root):",
          ", ".join(f"{g}->{p} {n}" for (g, p), n in conf.most_common(12)) or "none")


def main(argv):
    conf = "--confusions" in argv
    args = [a for a in argv if a != "--confusions"]
    if len(args) < 2 or any(a.startswith("-") for a in args):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    gold = keys(args[0])
    runs = [keys(p) for p in args[1:]]
    res = [tally(gold, p) for p in runs]
    g = res[0][0]
    print("root gold " + " ".join(f"pred/hit({i + 1})" for i in range(len(runs))))
    for r in sorted(set(g).union(*(x[1] for x in res))):
        print(f"{r:4} {g[r]:4} " + " ".join(f"{x[1][r]:>5}/{x[2][r]:<5}" for x in res))
    for i, x in enumerate(res):
        print("total(%d) gold %d pred %d hit %d  P %.3f R %.3f F1 %.3f" % ((i + 1,) + prf(g, x[1], x[2])))
    if conf:
        confusions(gold, runs[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
