#!/bin/sh
# bench/run.sh — `make bench` / `make bench-smoke`. Run from the repository root.
#
#   1. builds the corpus build/bench/corpus.jsonl (~5 MB; smoke: ~100 KB) with
#      bench/make_corpus.py from the project's texts and, when ../shared exists,
#      PETRARCH's and TABARI's sample texts;
#   2. runs the in-process driver build/release/bench/bench (model load timed
#      separately, median of RUNS passes after one warm-up, 1 thread, then
#      JOBS threads on one shared model with an event-by-event equality check);
#   3. times the CLI end to end (`build/dyad code -q corpus.jsonl > /dev/null`)
#      and on an empty input (start-up + model load), median of CLI_RUNS each;
#   4. prints a summary table, also written to build/bench/summary.md.
#
# Environment: DYAD_BENCH_SMOKE=1 (small and quick, for CI), DYAD_BENCH_BYTES,
# DYAD_BENCH_RUNS, DYAD_BENCH_JOBS, DYAD_SHARED (default ../shared).
# Nothing here asserts a timing; the only failures are a build/IO problem, a
# CLI error, or the multi-thread run disagreeing with the single-thread run.
set -eu

cd "$(dirname "$0")/.."
OUT=build/bench
BENCH=build/release/bench/bench
DYAD=build/dyad
SHARED=${DYAD_SHARED:-../shared}

if [ "${DYAD_BENCH_SMOKE:-0}" = 1 ]; then
    MODE=smoke
    BYTES=${DYAD_BENCH_BYTES:-100000}
    RUNS=${DYAD_BENCH_RUNS:-5}
    CLI_RUNS=1
    CORPUS=$OUT/corpus-smoke.jsonl
else
    MODE=full
    BYTES=${DYAD_BENCH_BYTES:-5000000}
    RUNS=${DYAD_BENCH_RUNS:-7}
    CLI_RUNS=3
    CORPUS=$OUT/corpus.jsonl
fi
NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
JOBS=${DYAD_BENCH_JOBS:-$NCPU}
[ "$JOBS" -gt 8 ] && JOBS=8

for f in "$BENCH" "$DYAD"; do
    if [ ! -x "$f" ]; then
        echo "bench: $f is missing; run 'make bench' (or 'make all $f')" >&2
        exit 2
    fi
done
if ! command -v python3 >/dev/null 2>&1; then
    echo "bench: python3 not found; it is needed to build the corpus (bench/make_corpus.py)" >&2
    exit 2
fi

mkdir -p "$OUT"
echo "== dyad bench ($MODE): corpus"
if [ -d "$SHARED" ]; then
    echo "bench: reading reference texts from $SHARED (not copied into the repository)"
else
    echo "bench: $SHARED not found: skipping the PETRARCH/TABARI texts; the corpus is built from" \
         "the project's own texts only (example article + golden CLI inputs), so numbers are not" \
         "comparable with bench/RESULTS.md"
fi
python3 bench/make_corpus.py "$CORPUS" "$BYTES" "$SHARED"

# ------------------------------------------------------------ in-process
echo "== in-process: $BENCH -r $RUNS -j $JOBS $CORPUS"
LOG=$OUT/bench-$MODE.log
if ! "$BENCH" -r "$RUNS" -j "$JOBS" "$CORPUS" > "$LOG"; then
    cat "$LOG"
    echo "bench: FAILED (see above)" >&2
    exit 1
fi
cat "$LOG"

# value of KEY in section SECTION of the log ("" for the header lines)
get() {
    awk -v sec="$1" -v key="$2:" '
        /^\[/ { cur = substr($0, 2, length($0) - 2); next }
        cur == sec && $1 == key { print $2; exit }' "$LOG"
}

# ------------------------------------------------------------ CLI end to end
now_ns() { date +%s%N; }
# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time_cli FILE EXPECTED_STATUS: prints the median wall seconds of CLI_RUNS runs
time_cli() {
    i=0
    : > "$OUT/times.txt"
    while [ "$i" -lt "$CLI_RUNS" ]; do
        t0=$(now_ns)
        set +e
        "$DYAD" code -q "$1" > /dev/null 2> "$OUT/cli.err"
        st=$?
        set -e
        t1=$(now_ns)
        if [ "$st" != "$2" ]; then
            cat "$OUT/cli.err" >&2
            echo "bench: '$DYAD code -q $1' exited with $st, expected $2" >&2
            exit 1
        fi
        echo "$t0 $t1" | awk '{ printf "%.4f\n", ($2 - $1) / 1e9 }' >> "$OUT/times.txt"
        i=$((i + 1))
    done
    median < "$OUT/times.txt"
}

# max_rss FILE: peak RSS (KB) of one run, from GNU time when available
max_rss() {
    if [ -x /usr/bin/time ] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
        /usr/bin/time -f '%M' -o "$OUT/rss.txt" "$DYAD" code -q "$1" > /dev/null 2>&1 || true
        tail -1 "$OUT/rss.txt"
    else
        echo "n/a"
    fi
}

EMPTY=$OUT/empty.jsonl
: > "$EMPTY"
echo "== CLI: $DYAD code -q $CORPUS > /dev/null   (median of $CLI_RUNS)"
CLI_S=$(time_cli "$CORPUS" 0)
CLI_RSS=$(max_rss "$CORPUS")
# an empty input: nothing can be coded, so the CLI exits with status 3 by design
echo "== CLI: $DYAD code -q $EMPTY > /dev/null   (start-up + model load; exit status 3 expected)"
EMPTY_S=$(time_cli "$EMPTY" 3)
EMPTY_RSS=$(max_rss "$EMPTY")

# ------------------------------------------------------------ summary
ART=$(get single-thread articles)
SENT=$(get single-thread sentences)
EV=$(get single-thread events)
TB=$(get single-thread bytes)
FILEB=$(wc -c < "$CORPUS" | tr -d ' ')
ST_S=$(get single-thread seconds)
ST_SPS=$(get single-thread sentences_per_s)
ST_MBS=$(get single-thread mb_per_s)
ST_APS=$(get single-thread articles_per_s)
ST_RSS=$(get single-thread peak_rss_kb)
ST_CPU=$(get single-thread cpu_seconds)
ST_CSPS=$(get single-thread sentences_per_cpu_s)
MT_CPU=$(get "threads-$JOBS" cpu_seconds)
MT_S=$(get "threads-$JOBS" seconds)
MT_SPS=$(get "threads-$JOBS" sentences_per_s)
MT_MBS=$(get "threads-$JOBS" mb_per_s)
MT_APS=$(get "threads-$JOBS" articles_per_s)
MODEL_S=$(awk '$1 == "model_load_s:" { print $2; exit }' "$LOG")
MODEL_RSS=$(awk '$1 == "model_rss_kb:" { print $2; exit }' "$LOG")
READ_S=$(awk '$1 == "read_s:" { print $2; exit }' "$LOG")
CHECK=$(awk '$1 == "thread_check:" { print $2; exit }' "$LOG")

SUM=$OUT/summary.md
{
    echo "| stage | wall s | CPU s | sentences/s | MB/s | articles/s | peak RSS |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    echo "| model load (in-process, once) | $MODEL_S | | | | | $MODEL_RSS KB |"
    echo "| JSON Lines read (dyad_read_articles, once) | $READ_S | | | | | |"
    echo "| code, 1 thread (median of $RUNS) | $ST_S | $ST_CPU | **$ST_SPS** ($ST_CSPS per CPU s) | **$ST_MBS** | $ST_APS | $ST_RSS KB |"
    if [ -n "$MT_S" ]; then
        echo "| code, $JOBS threads, one model (median of $RUNS; check: $CHECK) | $MT_S | $MT_CPU | $MT_SPS | $MT_MBS | $MT_APS | |"
    fi
    awk -v s="$CLI_S" -v e="$EMPTY_S" -v n="$SENT" -v b="$TB" -v a="$ART" -v rss="$CLI_RSS" -v rss0="$EMPTY_RSS" 'BEGIN {
        printf "| CLI end to end, `dyad code -q` (median of %s) | %.3f | | %.0f | %.2f | %.0f | %s KB |\n", "'"$CLI_RUNS"'", s, n / s, b / 1e6 / s, a / s, rss
        printf "| CLI on an empty input (start-up + model load) | %.3f | | | | | %s KB |\n", e, rss0
        d = s - e
        if (d > 0.01 * s && d > 0.005)
            printf "| CLI minus start-up | %.3f | | %.0f | %.2f | %.0f | |\n", d, n / d, b / 1e6 / d, a / d
        else
            printf "| CLI minus start-up | n/a: start-up dominates this small corpus | | | | | |\n"
    }'
    echo
    echo "Corpus: $CORPUS — $ART articles, $SENT sentences, $EV events, $TB bytes of article text ($FILEB bytes of JSON Lines). MB = 10^6 bytes of article text."
} > "$SUM"

# ------------------------------------------------------------ per source (full mode)
# The same driver on each source's records alone (1 thread, median of 3), so a
# slow kind of text shows up; tabari-* is TABARI's own validation text (the
# nearest thing to a like-for-like input; see bench/RESULTS.md).
if [ "$MODE" = full ]; then
    {
        echo
        echo "| source (1 thread, median of 3) | articles | sentences | events | sentences/s | MB/s |"
        echo "|---|---:|---:|---:|---:|---:|"
    } >> "$SUM"
    for src in example golden gigaword petr2gsr tabari; do
        grep -F "\"id\": \"$src-" "$CORPUS" > "$OUT/src-$src.jsonl" || true
        [ -s "$OUT/src-$src.jsonl" ] || continue
        if ! "$BENCH" -r 3 "$OUT/src-$src.jsonl" > "$OUT/src-$src.log"; then
            cat "$OUT/src-$src.log"
            echo "bench: FAILED on $OUT/src-$src.jsonl" >&2
            exit 1
        fi
        awk -v src="$src" '
            $1 == "articles:" { a = $2 } $1 == "sentences:" { s = $2 } $1 == "events:" { e = $2 }
            $1 == "sentences_per_s:" { sps = $2 } $1 == "mb_per_s:" { mbs = $2 }
            END { printf "| %s | %s | %s | %s | %s | %s |\n", src, a, s, e, sps, mbs }' \
            "$OUT/src-$src.log" >> "$SUM"
    done
fi

echo
echo "== summary ($MODE)"
cat "$SUM"
