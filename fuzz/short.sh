#!/bin/sh
# fuzz/short.sh [NAME...] — the short libFuzzer pass of `make test` and
# `make fuzz-short`: runs each target build/fuzz/fuzz_NAME (default: every
# fuzz/fuzz_*.c) for FUZZ_SHORT_SECONDS (default 30), starting from the
# committed seed corpus fuzz/corpus/NAME/, FUZZ_JOBS (default 2) targets at a
# time. New inputs go to build/fuzz/short/NAME/ (the committed corpus is only
# read), crash, leak, timeout and out-of-memory inputs to build/fuzz/crash/NAME/,
# the fuzzer's output to build/fuzz/short/NAME.log.
#
# One check per target: it passes when the fuzzer exits 0 and leaves no
# artifact. A target that is not built (no clang or no libFuzzer runtime)
# fails and says so. Prints one line per target and
# "RESULT fuzz-short passed=N failed=M" last; exits nonzero on any failure.
cd "$(dirname "$0")/.." || exit 2
secs=${FUZZ_SHORT_SECONDS:-30}
jobs=${FUZZ_JOBS:-2}
FUZZ_CC=${FUZZ_CC:-clang}
if [ $# -eq 0 ]; then
    for f in fuzz/fuzz_*.c; do
        n=${f#fuzz/fuzz_}
        set -- "$@" "${n%.c}"
    done
fi
passed=0 failed=0
mkdir -p build/fuzz/short build/fuzz/crash

run_one() { # $1 = name; runs in the background, leaves NAME.rc
    n=$1
    rm -rf "build/fuzz/short/$n" "build/fuzz/crash/$n"
    mkdir -p "build/fuzz/short/$n" "build/fuzz/crash/$n"
    "build/fuzz/fuzz_$n" -max_total_time="$secs" -max_len=65536 -timeout=25 \
        -print_final_stats=1 -artifact_prefix="build/fuzz/crash/$n/" \
        "build/fuzz/short/$n" "fuzz/corpus/$n" > "build/fuzz/short/$n.log" 2>&1
    echo $? > "build/fuzz/short/$n.rc"
}

# start the built targets, $jobs at a time
running=0
for n in "$@"; do
    rm -f "build/fuzz/short/$n.rc"
    [ -x "build/fuzz/fuzz_$n" ] || continue
    run_one "$n" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait

for n in "$@"; do
    if [ ! -x "build/fuzz/fuzz_$n" ]; then
        if command -v "$FUZZ_CC" >/dev/null 2>&1; then
            why="$FUZZ_CC could not build it (libFuzzer runtime missing? Debian package libclang-rt-14-dev)"
        else
            why="$FUZZ_CC not found (Debian packages clang libclang-rt-14-dev; sh scripts/install-deps.sh)"
        fi
        echo "FAIL fuzz-short ($n): build/fuzz/fuzz_$n not built: $why"
        failed=$((failed + 1))
        continue
    fi
    rc=$(cat "build/fuzz/short/$n.rc" 2>/dev/null || echo none)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build/fuzz/short/$n.log" | tail -n 1)
    found=$(ls "build/fuzz/crash/$n" 2>/dev/null | head -n 1)
    if [ "$rc" = 0 ] && [ -z "$found" ]; then
        passed=$((passed + 1))
        printf '%-45s    1 passed  (%ss, %s runs)\n' "fuzz-short ($n)" "$secs" "${execs:-?}"
    else
        failed=$((failed + 1))
        echo "FAIL fuzz-short ($n): exit $rc${found:+, found build/fuzz/crash/$n/$found}; see build/fuzz/short/$n.log"
        grep -E 'ERROR|SUMMARY|broken promise|runtime error' "build/fuzz/short/$n.log" | head -n 5 | sed 's/^/    /'
    fi
done
echo "RESULT fuzz-short passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
