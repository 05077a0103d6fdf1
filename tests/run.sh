#!/bin/sh
# tests/run.sh — runs every unit test binary (release and ASan+UBSan builds)
# and every golden CLI test, then prints "N passed, N failed" as its last line.
# Unit binaries report their check counts; a crash counts as one failure.
# DYAD_TEST_ONLY=unit|golden limits the run.
cd "$(dirname "$0")/.." || exit 2
passed=0 failed=0 skipped=0
log=build/test.log
: > "$log"

run_unit() { # $1 = binary
    out=$("$1" 2>>"$log"); rc=$?
    line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1)
    if [ -z "$line" ]; then
        echo "FAIL $1: exited $rc without a RESULT line" | tee -a "$log"
        failed=$((failed + 1)); return
    fi
    p=$(echo "$line" | sed 's/.*passed=\([0-9]*\).*/\1/')
    f=$(echo "$line" | sed 's/.*failed=\([0-9]*\).*/\1/')
    s=$(echo "$line" | sed 's/.*skipped=\([0-9]*\).*/\1/')
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "FAIL $1: exit status $rc" | tee -a "$log"; failed=$((failed + 1))
    fi
    printf '%-45s %4s passed %3s failed %3s skipped\n' "$1" "$p" "$f" "$s"
}

if [ "${DYAD_TEST_ONLY:-unit}" = unit ] || [ -z "$DYAD_TEST_ONLY" ]; then
    for t in build/release/tests/test_* build/asan/tests/test_*; do
        [ -x "$t" ] || continue
        run_unit "$t"
    done
fi

if [ -z "$DYAD_TEST_ONLY" ]; then
    # fuzz targets (ASan+UBSan, gcc) replaying the seed corpus: one check each
    for t in build/asan/fuzz/replay_*; do
        [ -x "$t" ] || continue
        n=${t##*/replay_}
        if "$t" build/fuzz/corpus/"$n"/* >>"$log" 2>&1; then
            passed=$((passed + 1)); printf '%-45s    1 passed\n' "fuzz replay ($n)"
        else
            failed=$((failed + 1)); echo "FAIL fuzz replay ($n): see $log" | tee -a "$log"
        fi
    done
fi

if [ "${DYAD_TEST_ONLY:-golden}" = golden ] || [ -z "$DYAD_TEST_ONLY" ]; then
    for bin in build/dyad build/asan/dyad; do
        [ -x "$bin" ] || continue
        out=$(DYAD_BIN="$bin" sh tests/golden/run.sh 2>>"$log")
        line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1)
        printf '%s\n' "$out" | grep -v '^RESULT ' 
        p=$(echo "$line" | sed 's/.*passed=\([0-9]*\).*/\1/')
        f=$(echo "$line" | sed 's/.*failed=\([0-9]*\).*/\1/')
        [ -n "$p" ] || { p=0; f=1; echo "FAIL golden runner for $bin printed no RESULT"; }
        passed=$((passed + p)); failed=$((failed + f))
        printf '%-45s %4s passed %3s failed\n' "golden ($bin)" "$p" "$f"
    done
fi

if [ "$failed" -ne 0 ]; then echo "details: $log"; grep '^FAIL' "$log" | head -40; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
