#!/bin/bash
# wn_gaps.sh: tools/wn_gaps.py lists the WordNet synonyms of a simple verb pattern that no
# pattern anchors, counted in the development texts (docs/DICTIONARIES.md "tools/wn_gaps.py"),
# on a made-up pattern folder and a made-up ConfliBERT file: condemn's first sense holds
# decry (anchored: not listed) and excoriate (listed, counted twice, with its seeds);
# a held-out document (--held-out names a made-up PolNeAR file) is not counted;
# --spellings prints the lexicon.txt line of recognize's British inflections; --help
# prints the usage and exits 0; an unknown option or a bad number exits 2 naming it.
set -eu
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
[ -f /usr/share/wordnet/data.verb ] || { echo "SKIP: no WordNet in /usr/share/wordnet"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/patterns" "$tmp/shared/conflibert-cameo/cameo_class"
printf '# made up\n111   v  condemn +\n111   v  decry +\n054   v  recognize +\n' > "$tmp/patterns/11.txt"
printf 'They excoriated it and decried it; they excoriate it.\t3\nHe condemned it.\t3\n' \
  > "$tmp/shared/conflibert-cameo/cameo_class/train.tsv"
out=$(python3 "$NE_SRC/tools/wn_gaps.py" "$tmp" --shared "$tmp/shared")
[ "$out" = "     2  excoriate  1/2  syn  111:condemn,decry" ] || { echo "FAIL: gaps:"; echo "$out"; exit 1; }
mkdir -p "$tmp/shared/polnear/data/dev/text"
printf 'They excoriated the plan.\n' > "$tmp/shared/polnear/data/dev/text/held.txt"
printf 'They excoriated the deal.\n' > "$tmp/shared/polnear/data/dev/text/open.txt"
printf '{"id": "h", "doc": {"file": "polnear/data/dev/text/held.txt"}, "events": []}\n' > "$tmp/held.jsonl"
out=$(python3 "$NE_SRC/tools/wn_gaps.py" "$tmp" --shared "$tmp/shared" --held-out "$tmp/held.jsonl")
[ "$out" = "     3  excoriate  1/2  syn  111:condemn,decry" ] || { echo "FAIL: held-out skip:"; echo "$out"; exit 1; }
out=$(python3 "$NE_SRC/tools/wn_gaps.py" "$tmp" --shared "$tmp/shared" --spellings)
[ "$out" = "recognize v recognised recognises recognising" ] || { echo "FAIL: --spellings:"; echo "$out"; exit 1; }
out=$(python3 "$NE_SRC/tools/wn_gaps.py" --help)
[[ "$out" == *$'\nUsage:\n'* ]] || { echo "FAIL: --help:"; echo "$out"; exit 1; }
for bad in "--bogus" "--senses two" "--min"; do
  rc=0; err=$(python3 "$NE_SRC/tools/wn_gaps.py" "$tmp" $bad 2>&1 >/dev/null) || rc=$?
  [ "$rc" = 2 ] && [ -n "$err" ] && [[ "$err" == *"${bad%% *}"* ]] || { echo "FAIL: '$bad' gave $rc: $err"; exit 1; }
done
echo "ok"
