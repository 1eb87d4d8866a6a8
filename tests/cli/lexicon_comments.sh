#!/bin/bash
# lexicon_comments.sh: a '#' comment after a lexicon.txt entry is a comment (docs/DICTIONARIES.md
# "lexicon.txt"), not more irregular forms of the entry's verb: with "frobnicate v frobnicated
# # not arrested", "arrested" stays a form of "arrest" and "Police arrested ..." is still coded;
# nor is a CR before the line's end (a CRLF file: dict check accepts it, so the loader reads it).
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
# a CRLF line is read as dict check reads it: "gherao v" with its CR is a verb
rm -f "$tmp/data/lexicon.txt"
printf 'gherao v\r\n' > "$tmp/data/lexicon.txt"
out=$(printf '{"id":"g","text":"Workers gheraoed the manager in Kolkata."}\n' | "$NE_BIN" code --data "$tmp/data")
echo "$out" | grep -q '"code":"141"' || { echo "FAIL: a CRLF lexicon line is not read: $out"; exit 1; }
echo "ok: a comment after a lexicon.txt entry and a CR before its line end are ignored"
