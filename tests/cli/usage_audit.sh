#!/bin/bash
# usage_audit.sh: every command answers the same way (docs/newsevents.1 EXIT
# STATUS): an unknown option prints its usage on stderr and exits 2, nothing on
# stdout; -h and --help print it on stdout and exit 0, nothing on stderr.
. "$(dirname "$0")/lib.sh"
commands=(code ingest query timeline top export serve follow eval eval-part "dict check" "dict suggest"
          "dict compile" dict)
for c in "${commands[@]}"; do
    read -ra cmd <<<"$c"
    run "${cmd[@]}" --bogus </dev/null
    expect_rc 2
    expect_lines 0
    grep -q "^Usage: newsevents ${cmd[0]}" "$TMP/err" || fail "$c --bogus: no usage on stderr"
    for h in -h --help; do
        run "${cmd[@]}" "$h" </dev/null
        expect_rc 0
        expect_no_err
        grep -q "^Usage: newsevents ${cmd[0]}" "$TMP/out" || fail "$c $h: no usage on stdout"
    done
done
# a leftover argument is a usage error too, where only --gold takes one
run eval --all extra.jsonl </dev/null
expect_rc 2
expect_err "eval: unexpected argument 'extra.jsonl'"
ok
