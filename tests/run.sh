#!/bin/sh
# tests/run.sh — runs every unit test binary (release and ASan+UBSan builds),
# the fuzz corpus replay, every golden CLI test and the hostile-input corpus
# (tests/hostile/run.sh) against both binaries, the golden CLI tests again
# under valgrind (leakcheck) and a short libFuzzer pass (fuzz/short.sh,
# FUZZ_SHORT_SECONDS per target), then prints "N passed, N failed" as its last
# line. Unit binaries report their check counts; a crash counts as one failure.
# DYAD_TEST_ONLY=unit|golden|hostile|leakcheck|fuzz-short limits the run.
cd "$(dirname "$0")/.." || exit 2
passed=0 failed=0 skipped=0
log=build/test.log
: > "$log"
only=${DYAD_TEST_ONLY:-}
want() { [ -z "$only" ] || [ "$only" = "$1" ]; }

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

# run_script LABEL COMMAND...: runs a runner that prints its own FAIL/KNOWN
# lines and "RESULT name passed=N failed=M [skipped=K]" last, shows the
# former and adds the counts (no RESULT line counts as one failure)
run_script() {
    label=$1
    shift
    out=$("$@" 2>>"$log")
    printf '%s\n' "$out" | grep -v '^RESULT ' | grep -v '^$' | tee -a "$log"
    line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1)
    if [ -z "$line" ]; then
        echo "FAIL $label: the runner printed no RESULT line" | tee -a "$log"
        failed=$((failed + 1))
        return
    fi
    p=$(echo "$line" | sed 's/.*passed=\([0-9]*\).*/\1/')
    f=$(echo "$line" | sed 's/.*failed=\([0-9]*\).*/\1/')
    s=0
    case $line in *skipped=*) s=$(echo "$line" | sed 's/.*skipped=\([0-9]*\).*/\1/') ;; esac
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    printf '%-45s %4s passed %3s failed %3s skipped\n' "$label" "$p" "$f" "$s"
}

if want unit; then
    for t in build/release/tests/test_* build/asan/tests/test_*; do
        [ -x "$t" ] || continue
        run_unit "$t"
    done
fi

if [ -z "$only" ]; then
    # fuzz targets (ASan+UBSan, gcc) replaying the committed seed corpus: one check each
    for t in build/asan/fuzz/replay_*; do
        [ -x "$t" ] || continue
        n=${t##*/replay_}
        if "$t" fuzz/corpus/"$n"/* >>"$log" 2>&1; then
            passed=$((passed + 1)); printf '%-45s    1 passed\n' "fuzz replay ($n)"
        else
            failed=$((failed + 1)); echo "FAIL fuzz replay ($n): see $log" | tee -a "$log"
        fi
    done
fi

if want golden; then
    for bin in build/dyad build/asan/dyad; do
        [ -x "$bin" ] || continue
        run_script "golden ($bin)" env DYAD_BIN="$bin" sh tests/golden/run.sh
    done
fi

if want golden; then
    # -o / --failed atomic output, signals, accounting (tests/cli/test_output.sh)
    for bin in build/dyad build/asan/dyad; do
        [ -x "$bin" ] || continue
        run_script "cli output ($bin)" env DYAD_BIN="$bin" sh tests/cli/test_output.sh
        run_script "cli threads ($bin)" env DYAD_BIN="$bin" sh tests/cli/test_threads.sh
        run_script "cli dict ($bin)" env DYAD_BIN="$bin" sh tests/cli/test_dict.sh
        run_script "cli validate ($bin)" env DYAD_BIN="$bin" sh tests/cli/test_validate.sh
    done
fi

if want hostile; then
    # the hostile-input corpus, generated at run time into build/hostile/
    for bin in build/dyad build/asan/dyad; do
        run_script "hostile ($bin)" env DYAD_BIN="$bin" sh tests/hostile/run.sh
    done
fi

if want leakcheck; then
    # the golden CLI cases under valgrind: a leak or an invalid access makes
    # dyad exit 99 (so the case fails) and leaves a non-empty valgrind log;
    # valgrind writes to that log, never to dyad's stderr (golden compares it)
    vg=build/leakcheck
    rm -rf "$vg"
    mkdir -p "$vg"
    if ! command -v valgrind >/dev/null 2>&1; then
        echo "FAIL leakcheck: valgrind not found (Debian package valgrind; sh scripts/install-deps.sh)" | tee -a "$log"
        failed=$((failed + 1))
    elif [ ! -x build/dyad ]; then
        echo "FAIL leakcheck: build/dyad not built" | tee -a "$log"
        failed=$((failed + 1))
    else
        root=$(pwd)
        {
            echo '#!/bin/sh'
            echo "exec valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \\"
            echo "  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \\"
            echo "  --log-file='$root/$vg/valgrind.%p.log' '$root/build/dyad' \"\$@\""
        } > "$vg/dyad"
        chmod +x "$vg/dyad"
        run_script "leakcheck (valgrind build/dyad)" env DYAD_BIN="$vg/dyad" sh tests/golden/run.sh
        dirty=$(find "$vg" -name 'valgrind.*.log' -size +0 | head -n 5)
        if [ -n "$dirty" ]; then
            failed=$((failed + 1))
            echo "FAIL leakcheck: valgrind reported errors in $dirty" | tee -a "$log"
            for f in $dirty; do sed -n '1,20s/^/    /p' "$f"; done | tee -a "$log"
        elif [ -z "$(find "$vg" -name 'valgrind.*.log')" ]; then
            failed=$((failed + 1))
            echo "FAIL leakcheck: valgrind wrote no log; did it run?" | tee -a "$log"
        else
            passed=$((passed + 1))
        fi
    fi
fi

if want fuzz-short; then
    # every libFuzzer target for FUZZ_SHORT_SECONDS from the committed corpus
    # (fuzz/short.sh); a target that could not be built (no clang) fails
    run_script "fuzz-short (libFuzzer)" sh fuzz/short.sh
fi

if [ "$failed" -ne 0 ]; then echo "details: $log"; grep '^FAIL' "$log" | head -40; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
