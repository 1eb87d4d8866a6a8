#!/bin/bash
# docs_manpage.sh: the manual page renders without warnings and documents every
# option `newsevents code --help` lists, and every command `newsevents --help` lists.
. "$(dirname "$0")/lib.sh"
man="$NE_SRC/docs/newsevents.1"
[ -f "$man" ] || fail "no $man"
if command -v groff >/dev/null; then
    groff -man -ww -z "$man" 2>"$TMP/groff.err" || fail "groff failed"
    [ ! -s "$TMP/groff.err" ] || fail "groff warnings: $(cat "$TMP/groff.err")"
    CHECKS=$((CHECKS + 1))
fi
run code --help; expect_rc 0
opts=$(grep -oE -- '--[a-z][a-z-]+' "$TMP/out" | sort -u)
[ -n "$opts" ] || fail "no options in code --help"
for o in $opts; do
    CHECKS=$((CHECKS + 1))
    grep -qF -- "\\-\\-${o#--}" "$man" || fail "man page lacks $o"
done
run --help; expect_rc 0
cmds=$(sed -n '/^Commands:/,/^$/p' "$TMP/out" | awk 'NF > 1 && $1 != "Commands:" { print $1 }')
for c in $cmds; do
    CHECKS=$((CHECKS + 1))
    grep -qE "^\.B[R]? .*${c//-/\\\\-}" "$man" || fail "man page lacks the command $c"
done
for f in NEWSEVENTS_DATA "EXIT STATUS" FILES; do
    CHECKS=$((CHECKS + 1))
    grep -qF "$f" "$man" || fail "man page lacks $f"
done
ok
