#!/usr/bin/env bash
# The dashboard in a real headless Chromium (tests/browser/dashboard.mjs).
set -euo pipefail
[ -x /usr/bin/chromium ] || { echo "skip: /usr/bin/chromium not installed (make deps installs it)"; exit 77; }
[ -d "$NE_SRC/web/node_modules/playwright-core" ] || { echo "skip: playwright-core not installed (make deps runs npm ci in web/)"; exit 77; }
command -v node >/dev/null || { echo "skip: node not found"; exit 77; }
tmp=$(mktemp -d)
port=$((21000 + RANDOM % 20000))
export NEWSEVENTS_TOKEN=browser-token
# a store with history so that the chart has days to draw
printf '%s\n' '{"id":"h1","date":"2024-01-16","text":"Iran launched airstrikes on militant camps in Pakistan on Tuesday."}' \
    '{"id":"h2","date":"2024-01-17","text":"Pakistan expelled the Iranian ambassador on Wednesday and recalled its own envoy from Tehran."}' \
    '{"id":"h3","date":"2024-01-19","text":"Pakistan launched retaliatory strikes on militant hideouts inside Iran on Thursday."}' >"$tmp/h.jsonl"
"$NE_BIN" ingest --db "$tmp/b.db" -q "$tmp/h.jsonl"
"$NE_BIN" serve --db "$tmp/b.db" --port "$port" -q 2>"$tmp/server.log" &
srv=$!
trap 'kill $srv 2>/dev/null; wait $srv 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
cd "$NE_SRC/web"
# the 2 s live-feed budget is for the server as built; under valgrind (make test-valgrind) it
# runs 20-50 times slower, so the budget there is 30 s
FEED_MS=$([ -n "${NE_VALGRIND:-}" ] && echo 30000 || echo 2000) \
    SCREENSHOT="${SCREENSHOT:-$tmp/shot.png}" node "$NE_SRC/tests/browser/dashboard.mjs" "http://127.0.0.1:$port" "$NEWSEVENTS_TOKEN"
