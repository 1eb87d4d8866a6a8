# lib.sh: helpers shared by the CLI black-box tests (sourced, not run by ctest:
# ctest runs tests/cli/*.sh, and this file only defines functions).
# Environment from tests/CMakeLists.txt: NE_BIN, NE_SRC, NEWSEVENTS_DATA.
set -eu
[ -n "${BASH_SOURCE[1]:-}" ] || { echo "lib.sh: helpers for tests/cli/*.sh; source it" >&2; exit 2; }
: "${NE_BIN:?NE_BIN must name the newsevents binary}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CHECKS=0

fail() { # reports the line of the test script, however deep the helper calls go
    local top=$((${#BASH_SOURCE[@]} - 1))
    echo "FAIL (${BASH_SOURCE[$top]##*/}:${BASH_LINENO[$((top - 1))]}): $*" >&2
    [ -f "$TMP/err" ] && { echo "--- stderr of the last run:" >&2; head -c 2000 "$TMP/err" >&2; }
    exit 1
}

# run ARGS...: run newsevents; stdout in $TMP/out, stderr in $TMP/err, status in RC.
# Standard input comes from the caller (redirect the call) or /dev/null.
run() {
    set +e
    "$NE_BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    RC=$?
    set -e
}

# need_shared_data WHY: set $data to the shared data directory ($NE_SHARED_DATA,
# else $NE_SHARED/data), or skip the test (exit 77, ctest's SKIP) saying WHY.
need_shared_data() {
    data=${NE_SHARED_DATA:-$NE_SHARED/data}
    [ -d "$data" ] || { echo "SKIP: $data absent ($1)"; exit 77; }
}

expect_rc() { CHECKS=$((CHECKS + 1)); [ "$RC" = "$1" ] || fail "exit status $RC, expected $1"; }

# expect_lines N [FILE]: FILE (default the last stdout) has N lines.
expect_lines() {
    CHECKS=$((CHECKS + 1))
    local n
    n=$(wc -l <"${2:-$TMP/out}")
    [ "$n" -eq "$1" ] || fail "${2:-stdout} has $n lines, expected $1"
}

# expect_err TEXT: the last stderr contains TEXT (fixed string).
expect_err() { CHECKS=$((CHECKS + 1)); grep -qF -- "$1" "$TMP/err" || fail "stderr lacks: $1"; }
expect_no_err() { CHECKS=$((CHECKS + 1)); [ ! -s "$TMP/err" ] || fail "stderr not empty"; }
# expect_out TEXT: the last stdout contains TEXT (fixed string).
expect_out() { CHECKS=$((CHECKS + 1)); grep -qF -- "$1" "$TMP/out" || fail "stdout lacks: $1"; }

# json_ok [FILE]: every line is a JSON object that survives a round trip
# through python3's json (parse, serialize, parse again: equal).
json_ok() {
    CHECKS=$((CHECKS + 1))
    python3 - "${1:-$TMP/out}" <<'PY' || fail "output is not valid JSON Lines"
import json, sys
with open(sys.argv[1], "rb") as f:
    for n, raw in enumerate(f, 1):
        line = raw.decode("utf-8")  # strict: the writer must emit valid UTF-8
        assert line.endswith("\n"), "line %d: no newline" % n
        obj = json.loads(line)
        assert isinstance(obj, dict), "line %d: not an object" % n
        again = json.loads(json.dumps(obj, ensure_ascii=False))
        assert again == obj, "line %d: round trip differs" % n
PY
}

# field N KEY [FILE]: the JSON value of KEY in line N (1-based) of FILE, as JSON.
field() {
    python3 - "$1" "$2" "${3:-$TMP/out}" <<'PY'
import json, sys
n, key, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
lines = open(path, encoding="utf-8").read().splitlines()
print(json.dumps(json.loads(lines[n - 1]).get(key, "<absent>"), ensure_ascii=False))
PY
}

# expect_field N KEY JSON: line N of the last stdout has KEY equal to JSON.
expect_field() {
    CHECKS=$((CHECKS + 1))
    local got
    got=$(field "$1" "$2")
    [ "$got" = "$3" ] || fail "line $1: $2 is $got, expected $3"
}

# ok: print the closing line (ctest shows it with --output-on-failure).
ok() { echo "ok: ${BASH_SOURCE[1]##*/}: $CHECKS checks passed"; }
