#!/usr/bin/env bash
# The HTTP API against a real server on loopback: auth (401), posting (202),
# bad lines (reported by line), body limit (413), filters, timelines, article
# view with spans, health, metrics, the event stream, and SQL injection through
# every query parameter.
set -euo pipefail
command -v curl >/dev/null || { echo "skip: curl needed"; exit 77; }
tmp=$(mktemp -d)
port=$((21000 + RANDOM % 20000))
export NEWSEVENTS_TOKEN=test-token-123
"$NE_BIN" serve --db "$tmp/s.db" --port "$port" -q 2>"$tmp/server.log" &
srv=$!
trap 'kill $srv 2>/dev/null; wait $srv 2>/dev/null; rm -rf "$tmp"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 300); do curl -sf "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
code() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }
expect() { local want=$1; shift; local got; got=$(code "$@"); [ "$got" = "$want" ] || { echo "expected $want, got $got for $*"; cat "$tmp/body"; exit 1; }; }
json() { python3 -c "import json,sys; d=json.load(open('$tmp/body')); $1"; }

expect 200 "$base/healthz"
json 'assert d["status"] == "ok"'
# the stream, listening before anything is posted
curl -sN "$base/api/stream" >"$tmp/stream" 2>/dev/null &
sp=$!
sleep 0.3
# auth
expect 401 -X POST --data-binary '{"id":"x","text":"y"}' "$base/api/articles"
expect 401 -X POST -H 'Authorization: Bearer wrong' --data-binary '{"id":"x","text":"y"}' "$base/api/articles"
# posting: JSON Lines with one bad line
printf '%s\n' '{"id":"t1","title":"Strike","date":"2024-01-17","text":"Iran launched airstrikes on militant camps in Pakistan on Tuesday. Pakistan expelled the Iranian ambassador on Wednesday."}' \
    'not json' \
    '{"id":"t2","date":"2024-01-18","text":"China and Pakistan signed a trade agreement in Beijing on Thursday."}' >"$tmp/post.jsonl"
expect 202 -X POST -H "Authorization: Bearer $NEWSEVENTS_TOKEN" --data-binary @"$tmp/post.jsonl" "$base/api/articles"
json 'assert d["accepted"] == 2 and d["rejected"][0]["line"] == 2, d'
# the events reach the stream (waiting up to 30 s: this checks that they
# arrive, not how fast; the latency is measured by `make bench-serve`)
for _ in $(seq 600); do grep -q '^data: ' "$tmp/stream" && break; sleep 0.05; done
grep -q '^data: ' "$tmp/stream" || { echo "no event on the stream after 30 s"; exit 1; }
grep '^data: ' "$tmp/stream" | head -1 | sed 's/^data: //' | python3 -c 'import json,sys; e=json.load(sys.stdin); assert e["code"] and e["article"] in ("t1","t2"), e'
kill $sp 2>/dev/null || true
# body over the limit
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$tmp/big"
expect 413 -X POST -H "Authorization: Bearer $NEWSEVENTS_TOKEN" --data-binary @"$tmp/big" "$base/api/articles"
# reads
for _ in $(seq 300); do curl -s "$base/healthz" | grep -q '"articles":2' && break; sleep 0.1; done
expect 200 "$base/api/events"
json 'assert d["count"] >= 1, d'
expect 200 "$base/api/events?country=PAK&limit=5"
expect 200 "$base/api/events?dyad=IRN,PAK&since=2024-01-01&until=2024-12-31"
expect 200 "$base/api/events?q=ambassador"
expect 400 "$base/api/events?quad=9"
expect 200 "$base/api/dyads/IRN/PAK/timeline?by=week"
json 'assert d["dyad"] == ["IRN", "PAK"] and isinstance(d["points"], list)'
expect 400 "$base/api/dyads/IRN/PAK/timeline?by=year"
expect 200 "$base/api/top"
expect 200 "$base/api/articles/t1"
json 'assert d["article"]["id"] == "t1" and "Iran launched" in d["text"]; assert all(0 <= a["span"][0] < a["span"][1] <= len(d["text"].encode()) for a in d["article"]["actors"] if not a.get("in_title"))'
expect 404 "$base/api/articles/nope"
expect 404 "$base/api/nothing"
expect 405 -X DELETE "$base/api/events"
expect 200 "$base/"
grep -q '<title>newsevents' "$tmp/body"
expect 200 "$base/metrics"
grep -q '^newsevents_articles_stored_total 2$' "$tmp/body" || { echo "metrics: stored count"; cat "$tmp/body"; exit 1; }
# injection through every query parameter: never a 500, nothing dropped
evil="x%27%20OR%20%271%27%3D%271"
for p in country code root since until q dyad; do
    c=$(code "$base/api/events?$p=$evil")
    case $c in 200|400) ;; *) echo "injection via $p gave $c"; cat "$tmp/body"; exit 1 ;; esac
    if [ "$c" = 200 ]; then json 'assert d["count"] == 0, d'; fi
done
expect 404 "$base/api/articles/$evil"
c=$(code "$base/api/dyads/$evil/PAK/timeline"); [ "$c" = 400 ] || { echo "dyad injection gave $c"; exit 1; }
expect 200 "$base/healthz"
json 'assert d["articles"] == 2, d'
echo "serve api: ok"
