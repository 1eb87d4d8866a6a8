#!/usr/bin/env bash
# Feed following against a local fixture server: RSS and Atom, conditional
# GET, broken XML, a 500, a 404 page, a Latin-1 page with its charset only in
# the HTTP header, a slow page and a page over the size limit.  Nothing crashes,
# good items are stored with their main text, boilerplate is left out, and a
# second run stores nothing twice.
set -euo pipefail
command -v python3 >/dev/null || { echo "skip: python3 needed for the fixture server"; exit 77; }
tmp=$(mktemp -d)
python3 "$NE_SRC/tests/lib/fixture_server.py" "$tmp/port" "$NE_SRC/tests/fixtures/feeds" &
srv=$!
trap 'kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT
# the fixture server's start (up to 30 s: python3 starts slowly on a loaded machine)
for _ in $(seq 300); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { echo "the fixture server did not start in 30 s"; exit 1; }
port=$(cat "$tmp/port")
base="http://127.0.0.1:$port"
printf '%s\n' "# fixture feeds" "$base/rss.xml 60" "$base/atom.xml" "$base/broken.xml" "$base/error.xml" "$base/nofeed.xml" \
    "$base/hostile.xml" >"$tmp/feeds.txt"
db=$tmp/f.db
# a bad line of the feed list is named with its line and reason, before any polling
printf '%s\n' "# list" "$base/rss.xml 60s" >"$tmp/badlist.txt"
set +e
"$NE_BIN" follow --db "$db" --once "$tmp/badlist.txt" 2>"$tmp/badlist.err"
rc=$?
set -e
[ $rc = 3 ] || { echo "follow with a bad interval exited $rc"; exit 1; }
grep -qF "badlist.txt:2: '60s' is not a poll interval in seconds" "$tmp/badlist.err" || { echo "bad interval not named"; cat "$tmp/badlist.err"; exit 1; }
set +e
"$NE_BIN" serve --db "$db" "$tmp/feeds.txt" 2>"$tmp/serve.err"
rc=$?
set -e
[ $rc = 2 ] && grep -qF "serve: unexpected argument" "$tmp/serve.err" || { echo "serve took a stray argument (exit $rc)"; exit 1; }
set +e
"$NE_BIN" follow --db "$db" --once "$tmp/feeds.txt" 2>"$tmp/log1"
rc=$?
set -e
cat "$tmp/log1"
[ $rc = 0 ] || { echo "follow --once exited $rc"; exit 1; }
q() { sqlite3 "$db" "$1"; }
# a1 (RSS), latin1 (RSS), missing (404: the feed summary is kept), huge (over the limit: summary),
# slow (no summary: its page text), a3 (Atom), and the first item of the broken feed
n=$(q "select count(*) from articles")
[ "$n" -ge 6 ] || { echo "expected at least 6 articles, got $n"; q "select ext_id from articles"; exit 1; }
a1=$(q "select text from articles where ext_id = '$base/a1.html'")
echo "$a1" | grep -q "Torkham crossing" || { echo "a1: main text missing"; exit 1; }
echo "$a1" | grep -q "self-defence" || { echo "a1: last paragraph missing"; exit 1; }
if echo "$a1" | grep -qi -e "sign in" -e "copyright" -e "tracking" -e "holiday deals"; then
    echo "a1: boilerplate kept: $a1"; exit 1
fi
[ "$(q "select date from articles where ext_id = '$base/a1.html'")" = 2024-01-16 ]
[ "$(q "select title from articles where ext_id = '$base/a1.html'")" = "Troops clash on northern border" ]
q "select text from articles where ext_id = '$base/latin1.html'" | grep -q "Zürich" || { echo "latin1 page not decoded"; exit 1; }
q "select text from articles where ext_id = '$base/latin1.html'" | grep -q "Café Élysée" || { echo "latin1 accents lost"; exit 1; }
q "select text from articles where ext_id = '$base/missing.html'" | grep -q "recalled its ambassador" || { echo "404 item lost"; exit 1; }
q "select text from articles where ext_id = '$base/huge.html'" | grep -q "too large" || { echo "huge item lost"; exit 1; }
q "select text from articles where ext_id = '$base/a3.html'" | grep -q "railway" || { echo "atom item lost"; exit 1; }
[ "$(q "select date from articles where ext_id = '$base/a3.html'")" = 2024-01-18 ]
# libxml2 never prints: every message names its feed or page (docs/SERVICE.md "Reports"),
# and a feed with bytes outside its charset (hostile.xml) and a page whose bytes are
# not in the charset its server declares (badbytes.html) are reported, not printed raw
if grep -v -e '^newsevents: http://127.0.0.1:'"$port"'/' -e '^follow: ' "$tmp/log1"; then
    echo "follow printed lines that name no feed or page (above)"; exit 1
fi
grep -qF "newsevents: $base/hostile.xml: warning: input conversion failed" "$tmp/log1" || { echo "hostile feed not reported"; exit 1; }
grep -qF "newsevents: $base/badbytes.html: warning: " "$tmp/log1" || { echo "bad page not reported"; exit 1; }
grep -qF "newsevents: $base/error.xml: HTTP 500" "$tmp/log1" || { echo "failing feed not reported"; exit 1; }
grep -qF "newsevents: $base/nofeed.xml: HTTP 404" "$tmp/log1" || { echo "missing feed not reported"; exit 1; }
q "select text from articles where ext_id = '$base/badbytes.html'" | grep -q "delegations met" || { echo "bad page lost"; exit 1; }
[ "$(q 'pragma integrity_check')" = ok ]
# a second run finds nothing new
"$NE_BIN" follow --db "$db" --once "$tmp/feeds.txt" 2>"$tmp/log2"
[ "$(q "select count(*) from articles")" = "$n" ] || { echo "second run stored duplicates"; exit 1; }
grep -q "0 stored" "$tmp/log2" || { echo "second run: expected 0 stored"; cat "$tmp/log2"; exit 1; }
# a page that fails for a while (503) on an item without a summary is not lost: the
# follower fetches it again at the feed's next poll (docs/SERVICE.md "Following feeds");
# a missing page (404) without a summary is skipped once, with its reason
printf '%s\n' "$base/flaky.xml 1" >"$tmp/flaky.txt"
"$NE_BIN" follow --db "$tmp/flaky.db" "$tmp/flaky.txt" 2>"$tmp/log3" &
fol=$!
trap 'kill $srv $fol 2>/dev/null; rm -rf "$tmp"' EXIT
got=""
for _ in $(seq 600); do # up to 60 s on a loaded machine
    got=$(sqlite3 "$tmp/flaky.db" "select count(*) from articles where ext_id = '$base/flaky.html'" 2>/dev/null || true)
    [ "$got" = 1 ] && break
    sleep 0.1
done
kill -TERM $fol
set +e
wait $fol
rc=$?
set -e
cat "$tmp/log3"
[ "$got" = 1 ] || { echo "the item whose page failed once was lost"; exit 1; }
[ $rc = 0 ] || { echo "follow exited $rc"; exit 1; }
grep -qF "newsevents: $base/flaky.html: HTTP 503 (tried again at the next poll)" "$tmp/log3" || { echo "the retry was not said"; exit 1; }
sqlite3 "$tmp/flaky.db" "select text from articles where ext_id = '$base/flaky.html'" | grep -q "Kenya and Uganda" || { echo "flaky page text missing"; exit 1; }
# a page that is not there (404) is not tried again: it is skipped once, said and counted
grep -qF "newsevents: $base/nopage.html: HTTP 404 (item skipped)" "$tmp/log3" || { echo "the 404 item not reported"; exit 1; }
grep -q "1 items skipped" "$tmp/log3" || { echo "expected 1 item skipped"; exit 1; }
echo "feeds: ok ($n articles)"
