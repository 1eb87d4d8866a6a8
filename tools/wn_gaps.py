#!/usr/bin/env python3
"""wn_gaps.py: WordNet synonyms of our simple verb patterns that no pattern anchors.

Usage:
  python3 tools/wn_gaps.py [DICT_DIR] [--wordnet DIR] [--shared DIR] [--senses N]
                           [--related] [--any-slot] [--min N] [--spellings]
                           [--held-out FILE]
  python3 tools/wn_gaps.py --help

A story that says "decried" where our patterns say "condemn" codes nothing: the anchor
index is keyed by lemma (docs/PATTERNS.md "Matching"). This lists the candidates for new
patterns, for a person to review; nothing here changes what the engine codes, and the
engine never expands synonyms at run time (WordNet synsets are too loose: "strike" is
"hit" is "affect").

Seeds: every verb pattern of DICT_DIR/patterns/*.txt that is its anchor and a simple
object slot, nothing else ("111 v condemn +", "173 v arrest +!"); with --any-slot every
verb pattern that opens with its anchor and has a slot anywhere ("020 v appeal to +"). For each seed verb the
words of its first N WordNet senses (index.verb order, the most frequent first; --senses,
default 2) are read from data.verb, and with --related the words of those synsets' direct
hypernyms (@) and hyponyms (~) too. Listed: the candidates that are the anchor of no
pattern of any kind (a phrasal candidate such as gun_down: no verb pattern anchored on
its first word holds its second word), ranked by how often the candidate occurs in the
development texts under --shared (default ../shared/data next to the repository):
ConfliBERT sentences, PLOVER-GSR examples, IndiaPoliceEvents sentences, MEANTIME
tokens and PolNeAR train and dev texts. Reserved texts (Reuters, FNC-1 bodies, PolNeAR
test) are never read, nor the documents of the held-out gold set: those named by the
`doc` field of --held-out (default eval/gold/articles.jsonl next to this script; only
that field is read) are skipped, whole files (PolNeAR, MEANTIME) and IndiaPoliceEvents
sentences of a held-out doc_id alike. Candidates under --min occurrences
(default 1) are left out.

Each line: the count, the candidate, its sense of the shared synset ("2/5": the
candidate's second of five senses: a rare sense of the candidate reads badly as the
seed's), the relation (syn, hyper, hypo), and the seed codes and verbs, e.g.
  57  decry  1/1  syn  111:condemn,denounce
Counting is a crude lemmatizer (verb.exc, then morphy's verb suffix rules against
index.verb), noun uses included: a ranking for review, not a measurement. With
--spellings it prints instead lexicon.txt lines for the British -ise/-yse verbs WordNet
lists beside a pattern word's -ize/-yze verb ("recognize v recognised recognises
recognising"). Exit 0; 2 on a bad option or a missing WordNet or
dictionary folder.
"""
import csv
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

from unknown_verbs import VERB_RULES  # lemma.c's suffix rules, kept in one place (tools/ is on sys.path)
SEED = re.compile(r"^(\S+)\s+v\s+([a-z][a-z'-]*)\s+\+!?\s*(?:#.*)?$")
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def option(argv, name, default):
    if name in argv:
        i = argv.index(name)
        if i + 1 < len(argv):
            return argv[i + 1]
    return default


def anchors_and_seeds(ddir, any_slot):
    """Anchors of every pattern (the first plain word), the words of each verb anchor's
    patterns, and the seeds {verb: {code}} of the "CODE v VERB +" lines (any_slot: of
    every verb pattern that opens with its anchor and has a slot, "020 v appeal to +")."""
    anchors, words, seeds = set(), defaultdict(set), defaultdict(set)
    for path in sorted(glob.glob(os.path.join(ddir, "patterns", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                text = line.split("#", 1)[0].strip()
                fields = text.split()
                if len(fields) < 3 or fields[1] not in ("v", "n"):
                    continue
                elems = fields[2:]
                anchor = next((e for e in elems if re.fullmatch(r"[a-z][a-z'-]*", e)), None)
                if anchor is None:
                    continue
                anchors.add(anchor)
                if fields[1] == "v":
                    words[anchor].update(re.findall(r"[a-z][a-z'-]*", " ".join(elems)))
                m = SEED.match(text)
                if m and fields[0] != "-":
                    seeds[m.group(2)].add(m.group(1))
                elif any_slot and fields[0] != "-" and fields[1] == "v" and elems[0] == anchor \
                        and any(e.startswith("+") for e in elems):
                    seeds[anchor].add(fields[0])
    return anchors, words, seeds


def read_wordnet(wn):
    """index.verb {lemma: [offsets]}, data.verb {offset: (words, hypernyms, hyponyms)},
    verb.exc {form: lemma}."""
    index = {}
    with open(os.path.join(wn, "index.verb"), encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            nptr = int(p[3])
            nsyn = int(p[2])
            index[p[0]] = p[4 + nptr + 2:4 + nptr + 2 + nsyn]
    data = {}
    with open(os.path.join(wn, "data.verb"), encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split(" | ", 1)[0].split()
            nw = int(p[3], 16)
            ws = [p[4 + 2 * i].lower() for i in range(nw)]
            at = 4 + 2 * nw
            nptr = int(p[at])
            hyper, hypo = [], []
            for k in range(nptr):
                sym, off, pos = p[at + 1 + 4 * k:at + 4 + 4 * k]
                if pos == "v" and sym == "@":
                    hyper.append(off)
                elif pos == "v" and sym == "~":
                    hypo.append(off)
            data[p[0]] = (ws, hyper, hypo)
    return index, data, read_verb_exc(wn)


def read_verb_exc(wn):
    """verb.exc {form: lemma}, the first lemma of a form listed twice."""
    exc = {}
    with open(os.path.join(wn, "verb.exc"), encoding="utf-8", errors="replace") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2:
                exc.setdefault(p[0], p[1])
    return exc


def held_out_docs(path):
    """The held-out gold set's documents as (file, key) pairs from each record's `doc`
    field ("polnear/data/train/text/x.txt", None; "indiapoliceevents/metadata.csv", "72"),
    so that dev_texts can skip them; the empty set when the file is absent."""
    out = set()
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line).get("doc") or {}
                if doc.get("file"):
                    out.add((doc["file"], str(doc["key"]) if "key" in doc else None))
    return out


def dev_texts(shared, held=frozenset()):
    """Yields the development texts, one string at a time (see the docstring), less the
    documents in held (held_out_docs)."""
    for name in ("train.tsv", "test.tsv"):
        path = os.path.join(shared, "conflibert-cameo", "cameo_class", name)
        if os.path.exists(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    yield line.split("\t", 1)[0]
    path = os.path.join(shared, "plover-gsr", "gold_standard_records", "PLOVER_GSR_CAMEO.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            for rec in json.load(f):
                yield rec.get("text", "")
    path = os.path.join(shared, "indiapoliceevents", "sents.csv")
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            for row in csv.DictReader(f):
                if ("indiapoliceevents/metadata.csv", row.get("doc_id")) not in held:
                    yield row.get("sent_text", "")
    for path in sorted(glob.glob(os.path.join(shared, "meantime-en", "intra-doc_annotation", "*", "*.xml"))):
        if (os.path.relpath(path, shared), None) in held:
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            yield " ".join(re.findall(r"<token [^>]*>([^<]*)</token>", f.read()))
    for part in ("train", "dev"):
        for path in sorted(glob.glob(os.path.join(shared, "polnear", "data", part, "text", "*.txt"))):
            if (os.path.relpath(path, shared), None) in held:
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                yield f.read()


def verb_lemma(word, index, exc, memo):
    if word in memo:
        return memo[word]
    lem = exc.get(word)
    if lem is None and word in index:
        lem = word
    if lem is None:
        for suf, rep in VERB_RULES:
            if word.endswith(suf) and word[: len(word) - len(suf)] + rep in index:
                lem = word[: len(word) - len(suf)] + rep
                break
    memo[word] = lem
    return lem


def count_lemmas(shared, index, exc, held=frozenset()):
    """Counts of verb lemmas and of lemma pairs (a lemma, then a word within two tokens)
    in the development texts less the held-out documents."""
    ones, pairs, memo = Counter(), Counter(), {}
    for text in dev_texts(shared, held):
        toks = WORD.findall(text.lower())
        lems = [verb_lemma(t, index, exc, memo) for t in toks]
        for i, lem in enumerate(lems):
            if lem is None:
                continue
            ones[lem] += 1
            for j in (i + 1, i + 2):
                if j < len(toks):
                    pairs[(lem, toks[j])] += 1
    return ones, pairs


def candidates(seeds, index, data, senses, related):
    """{candidate: [(seed, relation, synset)]} from the seeds' first senses."""
    out = defaultdict(list)
    for seed in sorted(seeds):
        for off in index.get(seed, [])[:senses]:
            ws, hyper, hypo = data[off]
            sets = [("syn", off, ws)]
            if related:
                sets += [("hyper", h, data[h][0]) for h in hyper] + [("hypo", h, data[h][0]) for h in hypo]
            for rel, o, words in sets:
                for w in words:
                    w = re.sub(r"\(.*\)$", "", w)
                    if w != seed:
                        out[w].append((seed, rel, o))
    return out


def spellings(index, words, memo, exc):
    """lexicon.txt lines "recognize v recognised recognises recognising": the inflections
    of each British -ise/-yse verb WordNet lists as its own lemma, in a synset with the
    -ize/-yze verb a pattern writes (any word of a pattern), mapped to that verb. Not the
    base form: a base form whose lemma differs from it reads as an inflected one
    (clause.c, actor.c compare a token with its lemma)."""
    used = {verb_lemma(w, index, exc, memo) for ws in words.values() for w in ws}
    for brit in sorted(index):
        for b_end, a_end in (("ise", "ize"), ("yse", "yze")):
            amer = brit[: -len(b_end)] + a_end
            if brit.endswith(b_end) and amer in used and set(index[brit]) & set(index.get(amer, [])):
                stem = brit[:-1]
                yield f"{amer} v {stem}ed {brit}s {stem}ing"


def covered(cand, anchors, words):
    parts = cand.split("_")
    if len(parts) == 1:
        return cand in anchors
    return parts[0] in anchors and all(p in words[parts[0]] for p in parts[1:])


VALUED = ("--wordnet", "--shared", "--senses", "--min", "--held-out")
FLAGS = ("--related", "--any-slot", "--spellings")


def usage_error(argv):
    """The first option wn_gaps does not know, or a valued option without a value or with
    a bad number ("--senses two"), as a message; None when argv is well formed."""
    for i, a in enumerate(argv):
        if a in VALUED:
            if i + 1 >= len(argv):
                return f"{a} needs a value"
            if a in ("--senses", "--min") and not argv[i + 1].isdigit():
                return f"{a} takes a whole number, not '{argv[i + 1]}'"
        elif a.startswith("-") and a not in FLAGS and (i == 0 or argv[i - 1] not in VALUED):
            return f"unknown option '{a}'"
    return None


def main(argv):
    if "-h" in argv or "--help" in argv:
        print(__doc__.strip())
        return 0
    err = usage_error(argv)
    if err:
        print(f"wn_gaps: {err} (see --help)", file=sys.stderr)
        return 2
    args = [a for i, a in enumerate(argv)
            if not a.startswith("--") and (i == 0 or argv[i - 1] not in VALUED)]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    ddir = args[0] if args else os.path.join(root, "dictionaries")
    wn = option(argv, "--wordnet", "/usr/share/wordnet")
    shared = option(argv, "--shared", os.path.join(root, "..", "shared", "data"))
    senses = int(option(argv, "--senses", "2"))
    least = int(option(argv, "--min", "1"))
    if not os.path.isfile(os.path.join(wn, "data.verb")) or not os.path.isdir(os.path.join(ddir, "patterns")):
        print(f"wn_gaps: no WordNet data.verb in {wn} or no {ddir}/patterns", file=sys.stderr)
        return 2
    anchors, words, seeds = anchors_and_seeds(ddir, "--any-slot" in argv)
    index, data, exc = read_wordnet(wn)
    memo = {}
    anchors |= {verb_lemma(a, index, exc, memo) for a in anchors} - {None}  # "wounded" is wound
    if "--spellings" in argv:
        for line in spellings(index, words, memo, exc):
            print(line)
        return 0
    held = held_out_docs(option(argv, "--held-out", os.path.join(root, "eval", "gold", "articles.jsonl")))
    ones, pairs = count_lemmas(shared, index, exc, held)
    rows = []
    for cand, srcs in candidates(seeds, index, data, senses, "--related" in argv).items():
        if covered(cand, anchors, words):
            continue
        parts = cand.split("_")
        n = ones[parts[0]] if len(parts) == 1 else pairs[(parts[0], parts[-1])]
        if n < least:
            continue
        rel = min((s[1] for s in srcs), key=["syn", "hyper", "hypo"].index)
        offs = index.get(cand, [])
        mine = [s[2] for s in srcs if s[1] == rel]
        rank = min((offs.index(o) + 1 for o in mine if o in offs), default=0)
        seedtxt = defaultdict(set)
        for seed, r, _ in srcs:
            if r == rel:
                for code in seeds[seed]:
                    seedtxt[code].add(seed)
        desc = " ".join(f"{c}:{','.join(sorted(v))}" for c, v in sorted(seedtxt.items()))
        rows.append((n, cand, f"{rank}/{len(offs)}", rel, desc))
    rows.sort(key=lambda r: (-r[0], r[1]))
    for n, cand, sense, rel, desc in rows:
        print(f"{n:6d}  {cand}  {sense}  {rel}  {desc}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
