#!/bin/bash
# code_usage.sh: command-line mistakes exit with status 2 and a message.
. "$(dirname "$0")/lib.sh"

usage_error() { # ARGS...: expect status 2, nothing on stdout, a message on stderr
    run "$@" </dev/null
    expect_rc 2
    expect_lines 0
    [ -s "$TMP/err" ] || fail "no message for: $*"
}
usage_error
usage_error nosuchcommand
usage_error code --bogus
usage_error code -Z
usage_error code --threads
usage_error code --threads 0
usage_error code --threads 65
usage_error code --threads two
usage_error code --threads 2x
usage_error code --format xml
usage_error code --format
usage_error code --date 2024-13-01
usage_error code --date 2024-01-32
usage_error code --date 17/01/2024
usage_error code --date 2024-1-7
usage_error code --date 2023-02-29   # no such day: not a warning per record
usage_error code --date 2024-04-31
usage_error code --date +024-01-01
usage_error code --date " 2024-1-01"
usage_error code -o
expect_err "Usage: newsevents code"
run code --date 2024-02-29 </dev/null; expect_rc 0   # a leap day is a date
run nosuchcommand; expect_err "unknown command"
ok
