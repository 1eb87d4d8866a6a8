#!/bin/bash
# lexicon_comments.sh: a '#' comment after a lexicon.txt entry is a comment (docs/DICTIONARIES.md
# "lexicon.txt"), not more irregular forms of the entry's verb: with "frobnicate v frobnicated
# # not arrested", "arrested" stays a form of "arrest" and "Police arrested ..." is still coded.
set -eu
: "${NE_BIN:?}" "${NEWSEVENTS_DATA:?}"
[ -f "$NEWSEVENTS_DATA/lexicon.txt" ] || { echo "SKIP: no built data directory"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -rs "$(cd "$NEWSEVENTS_DATA" && pwd)" "$tmp/data"
rm -f "$tmp/data/lexicon.txt" "$tmp/data/lemmas.snap" "$tmp/data/patterns.snap" # the snapshots name the file as a source
printf '# lemmas\nfrobnicate v frobnicated # not arrested\n' > "$tmp/data/lexicon.txt"
out=$(printf '{"id":"l","text":"Police arrested the protesters in Lahore."}\n' | "$NE_BIN" code --data "$tmp/data")
echo "$out" | grep -q '"code":"173"' || { echo "FAIL: the arrest is not coded: $out"; exit 1; }
echo "ok: a comment after a lexicon.txt entry is ignored"
