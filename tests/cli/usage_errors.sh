#!/bin/bash
# usage_errors.sh: the store commands (query, export, timeline, top), dict and
# eval-part answer a bad command line with exit 2 and a message that names the
# option or argument and the reason (docs/newsevents.1 EXIT STATUS): a bad
# filter value, an argument left without its option, an unknown dict command;
# a missing corpus or dictionaries directory is named on stderr (not printed
# with the figures, not checked as "0 entries, 0 problems"), and a record that
# dict suggest skips is named with its reason.
. "$(dirname "$0")/lib.sh"
db=$TMP/s.db
run query --db "$db" --since 2024-99-99
expect_rc 2
expect_err "since: '2024-99-99' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
run export --db "$db" --until 20x
expect_rc 2
expect_err "until: '20x' is not a date"
run query --db "$db" IRN
expect_rc 2
expect_err "query: unexpected argument 'IRN'"
run export --db "$db" --format gdelt extra
expect_rc 2
expect_err "export: unexpected argument 'extra'"
run timeline --db "$db" --dyad IRN,PAK week
expect_rc 2
expect_err "timeline: unexpected argument 'week'"
run top --db "$db" 5
expect_rc 2
expect_err "top: unexpected argument '5'"
# good command lines still work on an empty store
run query --db "$db" --since 2024-01 --until 2024
expect_rc 0
run export --db "$db"
expect_rc 0
run dict bogus
expect_rc 2
expect_err "unknown dict command 'bogus' (check, suggest or compile)"
run dict check "$TMP/none"
expect_rc 3
expect_err "dict check: $TMP/none: No such file or directory"
mkdir "$TMP/empty"
run dict check "$TMP/empty"
expect_rc 1
expect_err "no dictionary entries found"
printf '%s\n' '{"id": "a", "text": "Iran and Iraq signed a deal."}' '{bad' '{"id": "c"}' >"$TMP/mix.jsonl"
run dict suggest "$TMP/mix.jsonl"
expect_rc 1
expect_err "mix.jsonl:2: invalid JSON at column 4"
expect_err 'mix.jsonl:3: missing required field "text"; skipped'
run dict suggest --min x "$TMP/mix.jsonl"
expect_rc 2
expect_err "dict suggest: --min: 'x' is not a number"
run ingest --db "$db" --date 2024-02-30 "$TMP/mix.jsonl"
expect_rc 2
expect_err "--date: '2024-02-30' is not a YYYY-MM-DD date"
run dict suggest --date 17/01/2024 "$TMP/mix.jsonl"
expect_rc 2
expect_err "--date: '17/01/2024' is not a YYYY-MM-DD date"
run eval-part timex "$TMP/none"
expect_rc 1
expect_err "eval-part timex: $TMP/none: No such file or directory"
[ ! -s "$TMP/out" ] || fail "eval-part printed its error on stdout"
run eval-part quotes "$db"
expect_rc 1
expect_err "not a directory"
run eval-part bogus "$TMP"
expect_rc 2
expect_err "eval-part: unknown part 'bogus'"
ok
