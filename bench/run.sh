#!/bin/sh
# bench/run.sh — `make bench` / `make bench-smoke`. Run from the repository root.
#
#   1. generates the corpora into build/bench/ with bench/make_corpus.py (seeded, so
#      reproducible; never committed): the main corpus (>= 200,000 sentences in articles of
#      6-14; smoke: ~2,000), the real texts of ../shared alone, and a stress corpus;
#   2. default dictionaries: the in-process driver build/release/bench/bench (model load
#      timed alone; median of RUNS passes after a warm-up, 1 thread, then JOBS threads on one
#      shared model with an event-by-event equality check), the stage-by-stage driver
#      build/release/bench/stages (per-stage seconds and shares; checks that it gives exactly
#      the events of dyad_code_article), and the CLI end to end (`dyad code -q --threads 1`)
#      and on an empty input (start-up + model load);
#   3. the stress corpus (stages driver + CLI: speed, and no article may fail);
#   4. the real texts alone (bench driver);
#   5. when `dyad code --help` mentions --dict-dir: the same on a slice of the corpus with the
#      full Phoenix dictionaries (../shared/petrarch, PETR_config.ini) and TABARI's realistic
#      ones (a .project written into build/bench/tabari/ naming ../shared/tabari's files);
#   6. prints a summary (also build/bench/summary.md).
#
# Environment: DYAD_BENCH_SMOKE=1 (small and quick, for CI), DYAD_BENCH_SENTENCES,
# DYAD_BENCH_RUNS, DYAD_BENCH_JOBS, DYAD_BENCH_SEED, DYAD_BENCH_PEER_ARTICLES,
# DYAD_BENCH_STRESS, DYAD_SHARED (default ../shared).
# Nothing here asserts a timing; the failures are a build/IO problem, a CLI error, an article
# of the stress corpus that fails, the multi-thread run disagreeing with the single-thread run,
# or the stage-by-stage run disagreeing with dyad_code_article.
set -eu

cd "$(dirname "$0")/.."
OUT=build/bench
BENCH=build/release/bench/bench
STAGES=build/release/bench/stages
DYAD=build/dyad
SHARED=${DYAD_SHARED:-../shared}
SEED=${DYAD_BENCH_SEED:-20241126}

if [ "${DYAD_BENCH_SMOKE:-0}" = 1 ]; then
    MODE=smoke
    SENTENCES=${DYAD_BENCH_SENTENCES:-2000}
    RUNS=${DYAD_BENCH_RUNS:-1}
    STAGE_RUNS=1
    STRESS=${DYAD_BENCH_STRESS:-100}
    PEER_ARTICLES=${DYAD_BENCH_PEER_ARTICLES:-50}
    SFX=-smoke
else
    MODE=full
    SENTENCES=${DYAD_BENCH_SENTENCES:-210000}
    RUNS=${DYAD_BENCH_RUNS:-3}
    STAGE_RUNS=2
    STRESS=${DYAD_BENCH_STRESS:-3000}
    PEER_ARTICLES=${DYAD_BENCH_PEER_ARTICLES:-5000}
    SFX=
fi
CORPUS=$OUT/corpus$SFX.jsonl
REAL=$OUT/real$SFX.jsonl
STRESSC=$OUT/stress$SFX.jsonl
NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
JOBS=${DYAD_BENCH_JOBS:-$NCPU}
[ "$JOBS" -gt 8 ] && JOBS=8

for f in "$BENCH" "$STAGES" "$DYAD"; do
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
echo "== dyad bench ($MODE): corpora (seed $SEED)"
if [ -d "$SHARED" ]; then
    echo "bench: reading reference texts from $SHARED (not copied into the repository)"
else
    echo "bench: $SHARED not found: the corpus is generated only (no real texts), so numbers" \
         "are not comparable with bench/RESULTS.md"
fi
python3 bench/make_corpus.py --out "$CORPUS" --sentences "$SENTENCES" --seed "$SEED" \
    --shared "$SHARED" --real-out "$REAL" --stress-out "$STRESSC" \
    --stress-sentences "$STRESS" 2> "$OUT/corpus$SFX.log"
cat "$OUT/corpus$SFX.log"

# value of KEY in section SECTION of LOG ("" = before any section)
get() {
    awk -v sec="$2" -v key="$3:" '
        /^\[/ { cur = substr($0, 2, length($0) - 2); next }
        cur == sec && $1 == key { print $2; exit }' "$1"
}

# run_or_fail LOG CMD...: run CMD with stdout to LOG; on failure show it and stop
run_or_fail() {
    log=$1
    shift
    if ! "$@" > "$log"; then
        cat "$log"
        echo "bench: FAILED: $*" >&2
        exit 1
    fi
}

# ------------------------------------------------------------ CLI timing helpers
now_ns() { date +%s%N; }
HAVE_TIME=0
if [ -x /usr/bin/time ] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
    HAVE_TIME=1
fi

# time_cli EXPECTED_STATUS ARGS...: one run of `dyad code -q --threads 1 ARGS`; sets
# CLI_S (wall seconds) and CLI_RSS (peak KB, or n/a)
time_cli() {
    want=$1
    shift
    t0=$(now_ns)
    set +e
    if [ "$HAVE_TIME" = 1 ]; then
        /usr/bin/time -f '%M' -o "$OUT/rss.txt" "$DYAD" code -q --threads 1 "$@" \
            > /dev/null 2> "$OUT/cli.err"
    else
        "$DYAD" code -q --threads 1 "$@" > /dev/null 2> "$OUT/cli.err"
    fi
    st=$?
    set -e
    t1=$(now_ns)
    if [ "$st" != "$want" ]; then
        head -20 "$OUT/cli.err" >&2
        echo "bench: '$DYAD code -q --threads 1 $*' exited with $st, expected $want" >&2
        return 1
    fi
    CLI_S=$(echo "$t0 $t1" | awk '{ printf "%.3f", ($2 - $1) / 1e9 }')
    CLI_RSS=n/a
    [ "$HAVE_TIME" = 1 ] && CLI_RSS=$(tail -1 "$OUT/rss.txt")
    return 0
}

# rate N SECONDS [DECIMALS [DIVISOR]]: N / DIVISOR / SECONDS
rate() { awk -v n="$1" -v s="$2" -v d="${3:-0}" -v k="${4:-1}" 'BEGIN { if (s > 0) printf "%.*f", d, n / k / s; else print "n/a" }'; }

EMPTY=$OUT/empty.jsonl
: > "$EMPTY"

# ------------------------------------------------------------ default dictionaries
echo "== default dictionaries, in process: $BENCH -r $RUNS -j $JOBS $CORPUS"
LOG=$OUT/bench$SFX.log
run_or_fail "$LOG" "$BENCH" -r "$RUNS" -j "$JOBS" "$CORPUS"
cat "$LOG"
echo "== default dictionaries, stage by stage: $STAGES -r $STAGE_RUNS $CORPUS"
SLOG=$OUT/stages$SFX.log
run_or_fail "$SLOG" "$STAGES" -r "$STAGE_RUNS" "$CORPUS"
cat "$SLOG"

echo "== CLI: $DYAD code -q --threads 1 $CORPUS > /dev/null"
time_cli 0 "$CORPUS" || exit 1
CLI_FULL_S=$CLI_S
CLI_FULL_RSS=$CLI_RSS
echo "== CLI: $DYAD code -q --threads 1 $EMPTY   (start-up + model load; status 3 expected)"
time_cli 3 "$EMPTY" || exit 1
CLI_EMPTY_S=$CLI_S
CLI_EMPTY_RSS=$CLI_RSS

# ------------------------------------------------------------ stress corpus
echo "== stress corpus, stage by stage: $STAGES $STRESSC"
XLOG=$OUT/stress$SFX.log
run_or_fail "$XLOG" "$STAGES" "$STRESSC"
cat "$XLOG"
if [ "$(get "$XLOG" reference failed)" != 0 ]; then
    echo "bench: FAILED: articles of the stress corpus could not be coded" >&2
    exit 1
fi
echo "== CLI: $DYAD code -q --threads 1 $STRESSC > /dev/null"
time_cli 0 "$STRESSC" || exit 1
CLI_STRESS_S=$CLI_S
CLI_STRESS_RSS=$CLI_RSS
STRESS_NOTES=$(grep -c 'over the limit' "$OUT/cli.err" || true)

# ------------------------------------------------------------ real texts alone
RLOG=$OUT/real$SFX.log
if [ -s "$REAL" ]; then
    echo "== real texts alone: $BENCH -r 3 $REAL"
    run_or_fail "$RLOG" "$BENCH" -r 3 "$REAL"
else
    : > "$RLOG"
fi

# ------------------------------------------------------------ peers' dictionaries
SLICE=$OUT/slice$SFX.jsonl
head -n "$PEER_ARTICLES" "$CORPUS" > "$SLICE"
PEER_NOTE=
PEERS=
if ! "$DYAD" code --help 2>&1 | grep -q -- '--dict-dir'; then
    PEER_NOTE="Phoenix/TABARI rows: not available (dyad code has no --dict-dir yet)"
elif [ ! -d "$SHARED" ]; then
    PEER_NOTE="Phoenix/TABARI rows: not available ($SHARED not found)"
else
    mkdir -p "$OUT/tabari"
    {
        echo "dyad bench: TABARI's realistic dictionaries (written by bench/run.sh)"
        echo "<verbsfile> $(realpath --relative-to="$OUT/tabari" "$SHARED/tabari/CAMEO.091003.master.verbs")"
        echo "<actorsfile> $(realpath --relative-to="$OUT/tabari" "$SHARED/tabari/CountryInfo.120116.actors")"
        echo "<actorsfile> $(realpath --relative-to="$OUT/tabari" "$SHARED/tabari/Internatnl.120521.actors")"
        echo "<agentsfile> $(realpath --relative-to="$OUT/tabari" "$SHARED/tabari/PSU.120522.agents")"
    } > "$OUT/tabari/bench.project"
    PEERS="phoenix tabari"
fi

if [ -n "$PEERS" ]; then
    echo "== default dictionaries on the same slice: $STAGES $SLICE"
    run_or_fail "$OUT/slice-default$SFX.log" "$STAGES" "$SLICE"
fi
for p in $PEERS; do
    case $p in
        phoenix) dir=$SHARED/petrarch ;;
        tabari) dir=$OUT/tabari ;;
    esac
    PLOG=$OUT/$p$SFX.log
    echo "== $p dictionaries ($dir), stage by stage: $STAGES --dict-dir $dir $SLICE"
    set +e
    "$STAGES" --dict-dir "$dir" "$SLICE" > "$PLOG" 2> "$OUT/$p.err"
    st=$?
    set -e
    cat "$PLOG"
    if [ "$st" = 2 ]; then
        why=$(head -1 "$OUT/$p.err")
        echo "bench: $p dictionaries could not be loaded: $why"
        echo "unavailable: $why" >> "$PLOG"
        continue
    elif [ "$st" != 0 ]; then
        cat "$OUT/$p.err" >&2
        echo "bench: FAILED: $STAGES --dict-dir $dir $SLICE (status $st)" >&2
        exit 1
    fi
    if [ "$MODE" = full ]; then
        echo "== $p: CLI end to end and on an empty input"
        time_cli 0 --dict-dir "$dir" "$SLICE" || exit 1
        echo "[cli]" >> "$PLOG"
        echo "cli_s: $CLI_S" >> "$PLOG"
        echo "cli_rss_kb: $CLI_RSS" >> "$PLOG"
        time_cli 3 --dict-dir "$dir" "$EMPTY" || exit 1
        echo "cli_empty_s: $CLI_S" >> "$PLOG"
        echo "cli_empty_rss_kb: $CLI_RSS" >> "$PLOG"
    fi
done

# ------------------------------------------------------------ summary
ART=$(get "$LOG" single-thread articles)
SENT=$(get "$LOG" single-thread sentences)
EV=$(get "$LOG" single-thread events)
TB=$(get "$LOG" single-thread bytes)
FILEB=$(wc -c < "$CORPUS" | tr -d ' ')
MODEL_S=$(get "$LOG" "" model_load_s)
MODEL_RSS=$(get "$LOG" "" model_rss_kb)
READ_S=$(get "$LOG" "" read_s)
CHECK=$(get "$LOG" "threads-$JOBS" thread_check)
SUM=$OUT/summary$SFX.md

# row LABEL LOG SECTION: a table row from a bench/stages log section
row() {
    awk -v label="$1" -v sec="$3" '
        /^\[/ { cur = substr($0, 2, length($0) - 2); next }
        cur != sec { next }
        $1 == "seconds:" { s = $2 } $1 == "cpu_seconds:" { c = $2 }
        $1 == "sentences_per_s:" { sps = $2 } $1 == "mb_per_s:" { mbs = $2 }
        $1 == "events_per_s:" { eps = $2 } $1 == "peak_rss_kb:" { rss = $2 " KB" }
        END { printf "| %s | %s | %s | %s | %s | %s | %s |\n", label, s, c, sps, mbs, eps, rss }' "$2"
}

{
    echo "### Default dictionaries (data/), $MODE corpus"
    echo
    echo "| measure | wall s | CPU s | sentences/s | MB/s | events/s | peak RSS |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    echo "| dictionary + model load (in process, once) | $MODEL_S | | | | | $MODEL_RSS KB |"
    echo "| JSON Lines read (dyad_read_articles, once) | $READ_S | | | | | |"
    row "**code, 1 thread** (median of $RUNS)" "$LOG" single-thread
    row "code, $JOBS threads, one model (median of $RUNS; check: ${CHECK:-n/a})" "$LOG" "threads-$JOBS"
    row "code stage by stage, 1 thread (incl. JSON writing; check: $(get "$SLOG" stages stage_check))" "$SLOG" stages
    printf '| CLI end to end, `dyad code -q --threads 1` | %s | | %s | %s | %s | %s KB |\n' \
        "$CLI_FULL_S" "$(rate "$SENT" "$CLI_FULL_S")" "$(rate "$TB" "$CLI_FULL_S" 2 1e6)" \
        "$(rate "$EV" "$CLI_FULL_S")" "$CLI_FULL_RSS"
    echo "| CLI on an empty input (start-up + dictionary load) | $CLI_EMPTY_S | | | | | $CLI_EMPTY_RSS KB |"
    D=$(awk -v a="$CLI_FULL_S" -v b="$CLI_EMPTY_S" 'BEGIN { printf "%.3f", a - b }')
    printf '| CLI minus start-up | %s | | %s | %s | %s | |\n' "$D" "$(rate "$SENT" "$D")" \
        "$(rate "$TB" "$D" 2 1e6)" "$(rate "$EV" "$D")"
    echo
    echo "Corpus: $CORPUS — $ART articles, $SENT sentences (dyad's count), $EV events," \
         "$TB bytes of article text ($FILEB bytes of JSON Lines). MB = 10^6 bytes of article text."
    echo "Generated by: \`$(sed -n 's/^make_corpus: //p' "$OUT/corpus$SFX.log" | head -1)\`"
    echo
    echo "Where the time goes (stage by stage, fastest of $STAGE_RUNS pass(es); share of the pass):"
    echo
    hdr="| stage | default: s | share | sentences/s |"
    sep="|---|---:|---:|---:|"
    for p in $PEERS; do
        if grep -q '^stage_check: ok' "$OUT/$p$SFX.log" 2>/dev/null; then
            hdr="$hdr $p: s | share |"
            sep="$sep---:|---:|"
        fi
    done
    echo "$hdr"
    echo "$sep"
    for st in check split tag lemma match parse code write free other; do
        line=$(awk -v st="$st" '$1 == st && NF >= 3 && $3 ~ /%$/ { printf "| %s | %s | %s | %s |", $1, $2, $3, ($4 ~ /^[0-9]/ ? $4 : "") }' "$SLOG")
        for p in $PEERS; do
            if grep -q '^stage_check: ok' "$OUT/$p$SFX.log" 2>/dev/null; then
                line="$line$(awk -v st="$st" '$1 == st && NF >= 3 && $3 ~ /%$/ { printf " %s | %s |", $2, $3 }' "$OUT/$p$SFX.log")"
            fi
        done
        echo "$line"
    done
    echo
    echo "### Stress corpus"
    echo
    echo "| measure | wall s | CPU s | sentences/s | MB/s | events/s | peak RSS |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    row "stress, 1 thread (dyad_code_article)" "$XLOG" reference
    XS=$(get "$XLOG" reference sentences)
    XB=$(get "$XLOG" "" text_bytes)
    XE=$(get "$XLOG" reference events)
    printf '| stress, CLI end to end (`--threads 1`, start-up included) | %s | | %s | %s | %s | %s KB |\n' \
        "$CLI_STRESS_S" "$(rate "$XS" "$CLI_STRESS_S")" "$(rate "$XB" "$CLI_STRESS_S" 2 1e6)" \
        "$(rate "$XE" "$CLI_STRESS_S")" "$CLI_STRESS_RSS"
    echo
    echo "Stress corpus: $STRESSC — $(get "$XLOG" "" articles) articles, $XB bytes of text;" \
         "$XS sentences, $XE events, failed: $(get "$XLOG" reference failed);" \
         "$(get "$XLOG" stages sentences_over_token_cap) sentences over the 400-token cap (not coded," \
         "reported: $STRESS_NOTES CLI notes). Stage shares:" \
         "$(awk '$3 ~ /%$/ && $1 != "stage" { printf "%s %s, ", $1, $3 }' "$XLOG" | sed 's/, $//')."
    if [ -s "$RLOG" ]; then
        echo
        echo "### The real texts of $SHARED alone (each once)"
        echo
        echo "| measure | wall s | CPU s | sentences/s | MB/s | events/s | peak RSS |"
        echo "|---|---:|---:|---:|---:|---:|---:|"
        row "real texts, 1 thread (median of 3; $(get "$RLOG" single-thread sentences) sentences)" "$RLOG" single-thread
    fi
    echo
    echo "### Phoenix and TABARI dictionaries"
    echo
    if [ -n "$PEER_NOTE" ]; then
        echo "$PEER_NOTE"
    else
        echo "On the first $PEER_ARTICLES articles of the corpus ($SLICE)."
        echo
        echo "| dictionaries | load s | load RSS | sentences | events | sentences/s | MB/s | events/s | peak RSS | CLI s | CLI sentences/s | CLI RSS | CLI empty (start-up + load) s |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        for p in $PEERS; do
            PL=$OUT/$p$SFX.log
            if grep -q '^unavailable:' "$PL"; then
                echo "| $p | not available: $(sed -n 's/^unavailable: //p' "$PL") | | | | | | | | | | | |"
                continue
            fi
            ps=$(get "$PL" reference sentences)
            cs=$(get "$PL" cli cli_s)
            echo "| $p | $(get "$PL" "" model_load_s) | $(get "$PL" "" model_rss_kb) KB | $ps | $(get "$PL" reference events) | $(get "$PL" reference sentences_per_s) | $(get "$PL" reference mb_per_s) | $(get "$PL" reference events_per_s) | $(get "$PL" stages peak_rss_kb) KB | ${cs:-} | $( [ -n "$cs" ] && rate "$ps" "$cs") | $(get "$PL" cli cli_rss_kb) KB | $(get "$PL" cli cli_empty_s) |"
        done
        sl_sent=$(get "$OUT/slice-default$SFX.log" reference sentences 2>/dev/null || true)
        [ -n "$sl_sent" ] && echo "| default (same slice) | | | $sl_sent | $(get "$OUT/slice-default$SFX.log" reference events) | $(get "$OUT/slice-default$SFX.log" reference sentences_per_s) | $(get "$OUT/slice-default$SFX.log" reference mb_per_s) | $(get "$OUT/slice-default$SFX.log" reference events_per_s) | | | | | |"
    fi
} > "$SUM"

echo
echo "== summary ($MODE)"
cat "$SUM"
