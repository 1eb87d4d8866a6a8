#!/bin/bash
# actor_gaps.sh: tools/actor_gaps.py counts the verb between two neighbouring actor mentions
# of a sentence that no event covers (docs/DICTIONARIES.md "Verbs between two actors"), on a
# made-up pattern folder and a made-up prediction: "disavow" (no pattern) is listed with its
# count, its cross-country count and its gaps; "condemn" (an anchor) only with --all, marked
# `*`; a pair an event's span reaches into and a gap opening with "said" are not counted;
# a bad option exits 2.
set -eu
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
[ -f /usr/share/wordnet/index.verb ] || { echo "SKIP: no WordNet in /usr/share/wordnet"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/patterns"
printf '# made up\n111   v  condemn +\n' > "$tmp/patterns/11.txt"
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
sents = ["Iran sharply disavowed Iraq.", "Iran condemned Iraq.", "Iran disavowed Iran.",
         "Iran disavowed Iraq.", "Iran said it disavowed Iraq."]
text = " ".join(sents)
actors, events, at = [], [], 0
for i, s in enumerate(sents):
    start = text.index(s, at); at = start + len(s)
    a = start + s.index("Ir"); b = start + s.rindex("Ir")
    code = {"Iran": "IRN", "Iraq": "IRQ"}
    actors += [{"sentence": i, "span": [a, a + 4], "country": code[text[a:a + 4]]},
               {"sentence": i, "span": [b, b + 4], "country": code[text[b:b + 4]]}]
    if i == 3:
        events.append({"sentence": i, "span": [a, b + 4]})
json.dump({"id": "t", "text": text}, open(tmp + "/in.jsonl", "w")); open(tmp + "/in.jsonl", "a").write("\n")
json.dump({"id": "t", "actors": actors, "places": [], "events": events}, open(tmp + "/pred.jsonl", "w"))
PY
tool="$NE_SRC/tools/actor_gaps.py"
out=$(python3 "$tool" "$tmp/in.jsonl" "$tmp/pred.jsonl" --dict "$tmp" --min 1)
want=$(printf '2\t1\tdisavow\t| sharply disavowed || disavowed')
[ "$out" = "$want" ] || { echo "FAIL: default:"; echo "$out"; exit 1; }
out=$(python3 "$tool" "$tmp/in.jsonl" "$tmp/pred.jsonl" --dict "$tmp" --min 1 --all)
want=$(printf '2\t1\tdisavow\t| sharply disavowed || disavowed\n1\t1\t*condemn\t| condemned')
[ "$out" = "$want" ] || { echo "FAIL: --all:"; echo "$out"; exit 1; }
rc=0; python3 "$tool" "$tmp/in.jsonl" "$tmp/pred.jsonl" --bogus 2>/dev/null || rc=$?
[ "$rc" = 2 ] || { echo "FAIL: a bad option exits $rc, not 2"; exit 1; }
echo "ok"
