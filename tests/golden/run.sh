#!/bin/sh
# tests/golden/run.sh — golden tests of the dyad command line.
#
# Each case is a directory tests/golden/cli/NAME/ holding:
#   cmd     the arguments, one line, split like a shell would split them; it may
#           use $ROOT (the repository root), e.g.
#             code --statements off $ROOT/examples/2024-02-02-gaza-hostage-talks.txt
#   stdin   (optional) fed to standard input; else standard input is empty
#   stdout  expected standard output (byte for byte)
#   stderr  (optional) expected standard error; compared only when present
#   status  expected exit status
# Before comparing, the repository root in the output is written back as
# $ROOT, so expected files do not depend on where the repository lives.
#
# Usage (from anywhere): sh tests/golden/run.sh [NAME...]
#   DYAD_BIN=path   the binary to test (default build/dyad, relative to the root)
#   DYAD_GOLDEN_UPDATE=1  write the expected files instead of comparing
#                   (tests/golden/update.sh does this; stderr is written only
#                   for cases that already have a stderr file)
# Prints one line per failing case (with a diff) and "RESULT golden passed=N
# failed=M" last; exits nonzero if any case failed.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
export ROOT
UPDATE=${DYAD_GOLDEN_UPDATE:-0}
passed=0
failed=0

require_bin golden

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# Replace the repository root with the literal $ROOT (sed-escaped pattern).
ROOT_RE=$(printf '%s\n' "$ROOT" | sed 's/[][\\.*^$|]/\\&/g')
unroot() {
    sed "s|$ROOT_RE|\$ROOT|g" "$1" > "$1.unroot" && mv "$1.unroot" "$1"
}

# compare EXPECTED ACTUAL WHAT CASE: 0 when equal, else prints a diff.
compare() {
    if cmp -s "$1" "$2"; then
        return 0
    fi
    echo "FAIL golden $4: $3 differs (- expected, + actual)"
    diff -u "$1" "$2" | sed -e '1,2d' -e 's/^/    /' | head -n 60
    return 1
}

run_case() { # $1 = case directory
    dir=$1
    name=$(basename "$dir")
    if [ ! -f "$dir/cmd" ]; then
        echo "FAIL golden $name: no cmd file"
        failed=$((failed + 1))
        return
    fi
    args=$(sed -n 1p "$dir/cmd")
    in=/dev/null
    [ -f "$dir/stdin" ] && in="$dir/stdin"
    # $args is trusted test data: let the shell split it and expand $ROOT
    eval "set -- $args"
    "$BIN" "$@" < "$in" > "$tmp/stdout" 2> "$tmp/stderr"
    echo $? > "$tmp/status"
    unroot "$tmp/stdout"
    unroot "$tmp/stderr"

    if [ "$UPDATE" = 1 ]; then
        cp "$tmp/stdout" "$dir/stdout"
        cp "$tmp/status" "$dir/status"
        [ -f "$dir/stderr" ] && cp "$tmp/stderr" "$dir/stderr"
        echo "updated $name (status $(cat "$tmp/status"))"
        passed=$((passed + 1))
        return
    fi

    ok=1
    if [ ! -f "$dir/status" ] || [ ! -f "$dir/stdout" ]; then
        echo "FAIL golden $name: no expected stdout or status (run tests/golden/update.sh and review)"
        ok=0
    else
        compare "$dir/status" "$tmp/status" "exit status" "$name" || ok=0
        compare "$dir/stdout" "$tmp/stdout" "stdout" "$name" || ok=0
    fi
    if [ -f "$dir/stderr" ]; then
        compare "$dir/stderr" "$tmp/stderr" "stderr" "$name" || ok=0
    fi
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
}

if [ $# -gt 0 ]; then
    for n in "$@"; do
        run_case "tests/golden/cli/$n"
    done
else
    for d in tests/golden/cli/*/; do
        [ -d "$d" ] || continue
        run_case "${d%/}"
    done
fi

echo "RESULT golden passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
