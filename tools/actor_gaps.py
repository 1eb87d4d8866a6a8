#!/usr/bin/env python3
"""actor_gaps.py: the verbs that stand between two actors and code nothing, by frequency.

Usage:
  python3 tools/actor_gaps.py INPUT PRED [INPUT PRED ...] [--dict DIR] [--wordnet DIR]
                              [--min N] [--all]
  python3 tools/actor_gaps.py --help

INPUT is what `newsevents code` read (a JSON Lines file, or a folder of .txt files: the id
is the path, a first line followed by a blank line is the title) and PRED its output. For
each pair of neighbouring actor mentions of one sentence (actors and places with a
country, not in the title) that no event's span reaches into, with at most ten words and
no quotation mark, bracket or sentence punctuation between them ("Netanyahu embraced him",
"Trump quickly disavowed the KKK"), the first word after auxiliaries, adverbs and time
words is read: when it is a lower-case verb (WordNet: verb.exc, then morphy's suffix rules
against index.verb) followed by at most four particles, prepositions or determiners, its
lemma (and particle: "lash out") is counted. Listed, most frequent first: the lemmas that
anchor no pattern of DIR/patterns (--all: every lemma, anchored ones marked `*`: an
anchor whose patterns miss this frame), each with its count, how many of the pairs join
two countries, and two gaps as examples:
  12  3  embrace  | embraced || has embraced
A ranking for a person to review against the CAMEO codebook, not a measurement: most
lemmas carry no event ("want", "think", "trail" in the polls). Run it on development texts
only (docs/DICTIONARIES.md); never on Reuters, FNC-1 bodies, PolNeAR test or the held-out
gold set. Exit 0; 2 on a bad option or a missing file or folder.
"""
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

from unknown_verbs import index_words  # tools/ is on sys.path
from wn_gaps import anchors_and_seeds, option, read_verb_exc, verb_lemma

SKIP = set("has have had will would shall should can could may might must also not never just already again "
           "now then reportedly formally officially publicly strongly sharply further on this last yesterday "
           "today earlier later once recently been was were is are be being d ll s ve re n t monday tuesday "
           "wednesday thursday friday saturday sunday week month year night morning".split())
STOP = set("be do say tell add the a an and or but of to in on at for with by from as that this these those it "
           "its his her their who which what when where while if than so there into about after before over "
           "under between against during including include like even only still both each other according well very "
           "more most".split())
PARTS = set("out at on off up down back away over in to with for against into from about by of".split())
FUNC = set("the a an its his her their our this that these those own new former top senior".split())
GAP_STOP = re.compile(r"[.;:?!\"“”()\n]")


def wordnet_verbs(wn):
    """index.verb lemmas and verb.exc {form: lemma}."""
    return index_words(os.path.join(wn, "index.verb")), read_verb_exc(wn)


MEMO = {}  # verb_lemma's, for the one WordNet a run reads


def lemma(word, index, exc):
    """The verb lemma of a lower-case word, or None: "disavowed" -> "disavow"
    (wn_gaps.verb_lemma, then a doubled final consonant: "planned" -> "plan")."""
    lem = verb_lemma(word, index, exc, MEMO)
    if lem:
        return lem
    m = re.fullmatch(r"(.*([bdgklmnprt]))\2(?:ed|ing)", word)
    return m.group(1) if m and m.group(1) in index else None


def read_texts(path):
    """{id: text as UTF-8 bytes} of a JSON Lines file or a folder of .txt files."""
    texts = {}
    if os.path.isdir(path):
        for p in sorted(glob.glob(os.path.join(path, "**", "*.txt"), recursive=True)):
            with open(p, encoding="utf-8", errors="replace") as f:
                t = f.read()
            head, sep, rest = t.partition("\n")
            if sep and re.match(r"[ \t\r]*\n", rest):
                t = rest.split("\n", 1)[1] if "\n" in rest else ""
            texts[p] = t.encode("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    a = json.loads(line)
                    texts[str(a["id"])] = a["text"].encode("utf-8")
    return texts


def gap_key(gap, index, exc):
    """The counted lemma of the words between two mentions, or None:
    " quickly disavowed the " -> "disavow"; " lashed out at " -> "lash out"."""
    ws = re.findall(r"[A-Za-z][A-Za-z'\-]*", gap)
    i = 0
    while i < len(ws) and (ws[i].lower() in SKIP or ws[i].lower().endswith("ly")):
        i += 1
    if i >= len(ws) or not ws[i][0].islower() or ws[i] in STOP:
        return None
    lem = lemma(ws[i], index, exc)
    rest = [w.lower() for w in ws[i + 1:]]
    if lem is None or lem in STOP or len(rest) > 4:
        return None
    if any(w not in PARTS and w not in FUNC and lemma(w, index, exc) for w in rest):
        return None
    return lem + (" " + rest[0] if rest and rest[0] in PARTS else "")


def count(pairs, index, exc):
    """Counter of gap keys, Counter of those between two countries, examples."""
    counts, cross, examples = Counter(), Counter(), defaultdict(list)
    for inp, pred in pairs:
        texts = read_texts(inp)
        with open(pred, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                t = texts.get(a["id"])
                if t is None:
                    continue
                ments = sorted((m["sentence"], m["span"][0], m["span"][1], m["country"])
                               for m in a.get("actors", []) + a.get("places", [])
                               if m.get("country") and not m.get("in_title"))
                evs = [e["span"] for e in a.get("events", []) if not e.get("in_title")]
                for (s1, _, e1, c1), (s2, b2, _, c2) in zip(ments, ments[1:]):
                    if s1 != s2 or b2 <= e1 or any(b < b2 and e > e1 for b, e in evs):
                        continue
                    gap = t[e1:b2].decode("utf-8", "replace")
                    if len(gap) > 80 or GAP_STOP.search(gap):
                        continue
                    key = gap_key(gap, index, exc)
                    if key:
                        counts[key] += 1
                        cross[key] += c1 != c2
                        if len(examples[key]) < 2:
                            examples[key].append(gap.strip())
    return counts, cross, examples


def main(argv):
    if "--help" in argv or "-h" in argv:
        print(__doc__)
        return 0
    ddir = option(argv, "--dict", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dictionaries"))
    wn = option(argv, "--wordnet", "/usr/share/wordnet")
    minimum = option(argv, "--min", "2")
    files, i = [], 0
    while i < len(argv):
        if argv[i] in ("--dict", "--wordnet", "--min"):
            i += 2
            continue
        if argv[i] != "--all":
            if argv[i].startswith("--"):
                print(f"actor_gaps.py: unknown option {argv[i]}", file=sys.stderr)
                return 2
            files.append(argv[i])
        i += 1
    if not files or len(files) % 2 or not minimum.isdigit() or not all(os.path.exists(p) for p in files) \
            or not os.path.isdir(os.path.join(ddir, "patterns")) or not os.path.exists(os.path.join(wn, "index.verb")):
        print("usage: actor_gaps.py INPUT PRED [INPUT PRED ...] [--dict DIR] [--wordnet DIR] [--min N] [--all]",
              file=sys.stderr)
        return 2
    anchors = anchors_and_seeds(ddir, False)[0]
    index, exc = wordnet_verbs(wn)
    counts, cross, examples = count(list(zip(files[::2], files[1::2])), index, exc)
    for key, n in counts.most_common():
        anchored = key.split()[0] in anchors
        if n < int(minimum) or (anchored and "--all" not in argv):
            continue
        print(f"{n}\t{cross[key]}\t{'*' if anchored else ''}{key}\t| {' || '.join(examples[key])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
