#!/usr/bin/env bash
# snap_seeds.sh BUILD_DIR: write the seeds of fuzz/corpus/snap again with the
# snapshot writers of BUILD_DIR (after a change of the snapshot format or of a
# hash its tables are keyed by): small.snap (dictionaries: the shipped actor
# codes, abbreviations and sentence starters, a few Pakistani actors, roles and
# places), truncated.snap (its first 200 bytes), patterns-small.snap (five
# patterns, the system's WordNet) and lemmas-small.snap (a five-file WordNet).
# tests/unit/test_snap.c reads them; the texts below are what they hold.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=$(cd "$1" && pwd)
out="$here/corpus/snap"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

d="$tmp/dict"
mkdir -p "$d/actors" "$d/places"
cp "$src/dictionaries/actor_codes.txt" "$src/dictionaries/abbreviations.txt" \
   "$src/dictionaries/sentence-starters.txt" "$d/"
cat > "$d/actors/a.txt" <<'EOF'
Pakistan | Islamic Republic of Pakistan = PAK ; type=country
Pakistani = PAK ; type=demonym
Nawaz Sharif = PAKGOV 2013-06-05..2017-07-28, PAKOPP 2018-08-18..2022-04-10 ; type=person ; gender=m
LeT | Lashkar-e-Taiba = PAKREB ; type=group
EOF
printf '%s\n' 'prime minister = GOV ; person=1' 'officials = GOV ; plural=1' > "$d/roles.txt"
cat > "$d/places/p.txt" <<'EOF'
Khyber Pakhtunkhwa = PAK ; type=place ; lat=34.9526 ; lon=72.3311 ; kind=region
Peshawar = PAK ; type=place ; lat=34.008 ; lon=71.578 ; kind=city
EOF
printf '%s\n' 'Karachi = PAK' > "$d/major_cities.txt"
"$build/newsevents" dict compile "$d" -o "$out/small.snap"
head -c 200 "$out/small.snap" > "$out/truncated.snap"

p="$tmp/pat"
cp -r "$d" "$p"
cp -r "$src/dictionaries/cameo" "$p/"
mkdir -p "$p/patterns"
cat > "$p/patterns/01.txt" <<'EOF'
111   v  condemn +
111   v  condemn + {strongly|vehemently|harshly}
-     n  prime minister
042   v  visit +
040   v  $ met (with) +
EOF
"$build/newsevents" dict compile "$p"
cp "$p/patterns.snap" "$out/patterns-small.snap"

w="$tmp/wn"
mkdir -p "$w"
printf '%s\n' 'attack v 1 1 @ 1 0 01123456' 'meet v 1 1 @ 1 0 01234567' 'visit v 1 1 @ 1 0 02345678' > "$w/index.verb"
printf '%s\n' 'leader n 1 1 @ 1 0 09623038' 'minister n 1 1 @ 1 0 10320863' 'monday n 1 1 @ 1 0 15164463' > "$w/index.noun"
printf '%s\n' 'met meet' 'said say' > "$w/verb.exc"
printf '%s\n' 'men man' 'leaders leader' > "$w/noun.exc"
printf '%s\n' 'islamic a 1 0 1 0 02921325' > "$w/index.adj"
cat > "$tmp/lemseed.c" <<'EOF'
/* The lemma snapshot of WordNet directory argv[2] (data directory argv[1]) to argv[3]. */
#include "neInt.h"
#include <stdio.h>
#include <string.h>
static char *dup(const char *s) {
    char *p = neM_malloc(strlen(s) + 1);
    if (p) memcpy(p, s, strlen(s) + 1);
    return p;
}
int main(int argc, char **argv) {
    struct ne_engine *e = argc == 4 ? neM_calloc(1, sizeof *e) : NULL;
    if (!e || !(e->data_dir = dup(argv[1])) || !(e->wordnet_dir = dup(argv[2]))) return 2;
    int rc = neLemma_compile(e, argv[3]);
    if (rc) fprintf(stderr, "lemseed: %s\n", e->errmsg);
    return rc ? 1 : 0;
}
EOF
cc -I"$src/src" -I"$src/include" -I"$build" "$tmp/lemseed.c" "$build/libnewsevents.a" -o "$tmp/lemseed" \
   $(pkg-config --libs libutf8proc libxxhash) -lm -lpthread -ldl
"$tmp/lemseed" "$d" "$w" "$out/lemmas-small.snap"
ls -l "$out"
