#!/usr/bin/env python3
"""unknown_verbs.py: pattern verbs that neither WordNet nor dictionaries/lexicon.txt knows.

Usage:
  python3 tools/unknown_verbs.py [DICT_DIR] [--wordnet DIR] [--nouns]

The first word of a verb pattern (kind v, docs/PATTERNS.md) is usually its verb. A word
that src/lemma.c cannot lemmatize as a verb (no index.verb or verb.exc entry for it or for
the stem morphy's suffix rules give, and no `v` entry in DICT_DIR/lexicon.txt) is never
taken as a verb, so its patterns never fire ("gheraoed" before lexicon.txt had gherao).
Listed: such words that WordNet has in no part of speech at all, one a line with the
pattern lines using them; with --nouns also those WordNet has only as nouns or adjectives
(most of those are the subject nouns of patterns like "students protest", not verbs).
Add a real verb to lexicon.txt (docs/DICTIONARIES.md "lexicon.txt"). Exit 0; 2 on a
missing WordNet or dictionary folder.
"""
import glob
import os
import re
import sys

VERB_RULES = [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]
NOUN_RULES = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
              ("ies", "y")]


def index_words(path):
    words = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.startswith(" "):
                    words.add(line.split(" ", 1)[0])
    return words


def exc_words(path):
    words = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                words.update(line.split()[:1])
    return words


def known(word, lemmas, rules):
    return word in lemmas or any(word.endswith(suf) and word[: len(word) - len(suf)] + rep in lemmas
                                 for suf, rep in rules)


def lexicon(path):
    verbs, others = set(), set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.split("#", 1)[0].split()  # "unban v unbanned # since 2024"
                if not fields:
                    continue
                pos = [x for x in fields[1:] if len(x) == 1]
                (verbs if "v" in pos else others).add(fields[0])
                if "v" in pos:
                    verbs.update(x for x in fields[1:] if len(x) > 1)
    return verbs, others


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    nouns = "--nouns" in argv
    wn = "/usr/share/wordnet"
    if "--wordnet" in argv:
        i = argv.index("--wordnet")
        wn = argv[i + 1] if i + 1 < len(argv) else wn
        args = [a for a in args if a != wn]
    ddir = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dictionaries")
    if not os.path.isdir(wn) or not os.path.isdir(os.path.join(ddir, "patterns")):
        print(f"unknown_verbs: no WordNet folder {wn} or no {ddir}/patterns", file=sys.stderr)
        return 2
    vlemmas = index_words(os.path.join(wn, "index.verb")) | exc_words(os.path.join(wn, "verb.exc"))
    other = set()
    for name in ("index.noun", "index.adj", "index.adv"):
        other |= index_words(os.path.join(wn, name))
    other |= exc_words(os.path.join(wn, "noun.exc"))
    lverbs, lothers = lexicon(os.path.join(ddir, "lexicon.txt"))
    vlemmas |= lverbs
    other |= lothers
    found = {}
    for path in sorted(glob.glob(os.path.join(ddir, "patterns", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                fields = line.split("#", 1)[0].split(None, 2)
                if len(fields) < 3 or fields[1] != "v":
                    continue
                first = fields[2].split()[0]
                for word in re.findall(r"[a-z]+", first if not first.startswith("(") else ""):
                    if known(word, vlemmas, VERB_RULES):
                        continue
                    if known(word, other, VERB_RULES + NOUN_RULES) and not nouns:
                        continue
                    found.setdefault(word, []).append(f"{os.path.basename(path)}:{n}")
    for word in sorted(found):
        print(word, " ".join(found[word][:5]) + (" ..." if len(found[word]) > 5 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
