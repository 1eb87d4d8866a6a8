#!/usr/bin/env bash
# Crash safety: `ingest` is killed with SIGKILL at random moments, many
# times, over a long input.  After each kill the database opens, passes its
# integrity check and holds only whole articles (every stored article has all
# its events and actors); a final run stores the rest with no duplicates.
set -euo pipefail
command -v sqlite3 >/dev/null || { echo "skip: sqlite3 needed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=1200
python3 - "$tmp/in.jsonl" "$n" <<'PY'
import json, random, sys
random.seed(11)
actors = ["Iran", "Pakistan", "India", "China", "Russia", "Ukraine", "Israel", "Turkey", "Afghanistan", "Iraq"]
verbs = ["attacked", "expelled the ambassador of", "accused", "praised", "held talks with", "imposed sanctions on",
         "warned", "condemned", "signed an agreement with", "shelled positions in"]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        s = " ".join("%s %s %s on day %d of the crisis, officials said in report %d." %
                     (random.choice(actors), random.choice(verbs), random.choice(actors), random.randint(1, 28), i * 10 + k)
                     for k in range(8))
        f.write(json.dumps({"id": "art%05d" % i, "date": "2024-01-%02d" % (1 + i % 28), "text": s}) + "\n")
PY
db=$tmp/c.db
check_whole() {
    [ "$(sqlite3 "$db" 'pragma integrity_check')" = ok ] || { echo "integrity check failed after kill $1"; exit 1; }
    # killed before the schema's first migration committed: an empty database
    [ "$(sqlite3 "$db" "select count(*) from sqlite_master where name = 'articles'")" = 1 ] || return 0
    local bad
    bad=$(sqlite3 "$db" "select count(*) from articles a where
        (select count(*) from event_mentions m where m.article_id = a.id) != json_array_length(a.coded_json, '\$.events')
     or (select count(*) from actors x where x.article_id = a.id) != json_array_length(a.coded_json, '\$.actors')")
    [ "$bad" = 0 ] || { echo "after kill $1: $bad partial articles"; exit 1; }
}
kills=0
for k in $(seq 10); do
    "$NE_BIN" ingest --db "$db" -q "$tmp/in.jsonl" 2>/dev/null &
    pid=$!
    sleep "0.$((RANDOM % 9 + 1))$((RANDOM % 10))"
    if kill -9 $pid 2>/dev/null; then kills=$((kills + 1)); fi
    wait $pid 2>/dev/null || true
    [ -f "$db" ] && check_whole "$k"
done
before=$(sqlite3 "$db" 'select count(*) from articles' 2>/dev/null || echo 0)
"$NE_BIN" ingest --db "$db" -q "$tmp/in.jsonl"
check_whole final
total=$(sqlite3 "$db" 'select count(*) from articles')
distinct=$(sqlite3 "$db" 'select count(distinct ext_id) from articles')
[ "$total" = "$n" ] && [ "$distinct" = "$n" ] || { echo "expected $n articles once each, got $total ($distinct distinct)"; exit 1; }
echo "crash safety: ok ($kills kills, $before articles stored before the final run, $total after)"
