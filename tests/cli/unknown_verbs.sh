#!/bin/bash
# unknown_verbs.sh: tools/unknown_verbs.py lists the verbs of verb patterns that neither
# WordNet nor lexicon.txt knows (docs/DICTIONARIES.md "lexicon.txt"), on a made-up pattern
# folder: a made-up verb is listed with its pattern line, a WordNet verb ("attacked" by its
# suffix rule) and a lexicon.txt verb ("gheraoed") are not; without lexicon.txt gherao is
# listed (WordNet lacks it); a WordNet noun ("students protest") only with --nouns.
set -eu
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
[ -f /usr/share/wordnet/index.verb ] || { echo "SKIP: no WordNet in /usr/share/wordnet"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/patterns"
printf '# made up\n190   v  frobnicate +\n141   v  gheraoed +\n190   v  attacked +\n141   v  students protest\n' > "$tmp/patterns/90.txt"
printf '# lemmas\ngherao v n\n' > "$tmp/lexicon.txt"
out=$(python3 "$NE_SRC/tools/unknown_verbs.py" "$tmp" --nouns)
[ "$out" = "$(printf 'frobnicate 90.txt:2\nstudents 90.txt:5')" ] || { echo "FAIL: with lexicon.txt, --nouns:"; echo "$out"; exit 1; }
out=$(python3 "$NE_SRC/tools/unknown_verbs.py" "$tmp")
[ "$out" = "frobnicate 90.txt:2" ] || { echo "FAIL: with lexicon.txt:"; echo "$out"; exit 1; }
rm "$tmp/lexicon.txt"
out=$(python3 "$NE_SRC/tools/unknown_verbs.py" "$tmp")
[ "$out" = "$(printf 'frobnicate 90.txt:2\ngheraoed 90.txt:3')" ] || { echo "FAIL: without lexicon.txt:"; echo "$out"; exit 1; }
echo "ok"
