#!/bin/bash
# serve_exec.sh: `newsevents serve|follow` replace themselves with newsevents-serve
# (cli/serve_exec.c, docs/newsevents.1 FILES): the arguments pass unchanged, the data
# directory goes in NEWSEVENTS_DATA unless it is set, and without newsevents-serve the
# command fails with exit status 3 and says what it could not run.
. "$(dirname "$0")/lib.sh"

exe=$(dirname "$NE_BIN")/newsevents
[ -x "$exe" ] || { echo "SKIP: no $exe (NE_BIN is not the build tree's newsevents)"; exit 77; }
mkdir -p "$TMP/bin"
cp "$exe" "$TMP/bin/newsevents"
# a stand-in newsevents-serve beside the copy, found first: it prints what it was given
cat >"$TMP/bin/newsevents-serve" <<'SH'
#!/bin/sh
printf 'arg:%s\n' "$@"
printf 'data:%s\n' "$NEWSEVENTS_DATA"
SH
chmod +x "$TMP/bin/newsevents-serve"

serve() { # serve ARGS...: run the copy; stdout, stderr and RC as run() gives them
    set +e
    "$TMP/bin/newsevents" "$@" >"$TMP/out" 2>"$TMP/err"
    RC=$?
    set -e
}

NEWSEVENTS_DATA="$TMP/my data" serve serve --db "$TMP/a b.db" --port 1
expect_rc 0
printf 'arg:serve\narg:--db\narg:%s\narg:--port\narg:1\ndata:%s\n' "$TMP/a b.db" "$TMP/my data" >"$TMP/want"
CHECKS=$((CHECKS + 1))
diff "$TMP/want" "$TMP/out" >/dev/null || fail "newsevents-serve got: $(cat "$TMP/out")"

# NEWSEVENTS_DATA unset: the data directory this newsevents would use (here its
# installed one, as no share/newsevents is beside the copy) is passed on, never empty
env -u NEWSEVENTS_DATA "$TMP/bin/newsevents" follow --once feeds.txt >"$TMP/out" 2>"$TMP/err" && RC=0 || RC=$?
expect_rc 0
expect_out "arg:follow"
expect_out "arg:feeds.txt"
CHECKS=$((CHECKS + 1))
grep -qE '^data:/.+/share/newsevents$' "$TMP/out" || fail "NEWSEVENTS_DATA passed on: $(grep data: "$TMP/out")"

# newsevents-serve missing: exit status 3, naming what it tried to run
rm "$TMP/bin/newsevents-serve"
serve serve --help
if [ "$RC" = 0 ] && grep -q "Usage: newsevents serve" "$TMP/out"; then
    echo "SKIP (last part): an installed newsevents-serve answered"
    ok
    exit 0
fi
expect_rc 3
expect_err "serve: cannot run "
expect_err "newsevents-serve: No such file or directory"
ok
