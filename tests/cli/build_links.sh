#!/bin/bash
# build_links.sh: what the build links and exports (docs/ARCHITECTURE.md "Startup", "Build"):
# newsevents loads none of the service's or PostgreSQL's libraries, newsevents-serve beside
# it runs `serve`, and the shared library exports exactly the functions of newsevents.h.
. "$(dirname "$0")/lib.sh"

dir=$(dirname "$NE_BIN")
exe=$dir/newsevents
[ -x "$exe" ] || exe=$NE_BIN
command -v readelf >/dev/null && command -v nm >/dev/null || { echo "SKIP: no readelf/nm (binutils)"; exit 77; }

# newsevents: none of these in its DT_NEEDED (each would map its dependencies at every start)
readelf -d "$exe" | grep NEEDED >"$TMP/needed" || fail "readelf -d $exe lists no libraries"
for lib in libpq libcurl libmicrohttpd libxml2; do
    CHECKS=$((CHECKS + 1))
    ! grep -q "\[$lib\." "$TMP/needed" || fail "newsevents links $lib"
done
CHECKS=$((CHECKS + 1))
grep -q "\[libjansson\." "$TMP/needed" || fail "readelf output not understood: $(head -3 "$TMP/needed")"

# serve and follow run newsevents-serve: its usage comes back through the exec
[ -x "$dir/newsevents-serve" ] || fail "no $dir/newsevents-serve"
run serve --help
expect_rc 0
expect_out "Usage: newsevents serve"
run follow --help
expect_rc 0
expect_out "Usage: newsevents follow"

# the shared library's exports are the header's functions, no more and no fewer
so=$dir/libnewsevents.so
[ -f "$so" ] || fail "no $so"
grep -oE '(^|[ *])ne_[a-z0-9_]+\(' "$NE_SRC/include/newsevents.h" | grep -oE 'ne_[a-z0-9_]+' | sort -u >"$TMP/api"
nm -D --defined-only "$so" | awk '$2 ~ /^[TtWiDdBbRr]$/ {print $3}' | sed 's/@.*//' | sort -u >"$TMP/exports"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$TMP/api")" -ge 40 ] || fail "too few functions found in newsevents.h: $(wc -l <"$TMP/api")"
CHECKS=$((CHECKS + 1))
diff "$TMP/api" "$TMP/exports" >"$TMP/diff" || fail "exports differ from newsevents.h (< header only, > exported only): $(head -20 "$TMP/diff")"
ok
