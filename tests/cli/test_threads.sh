#!/bin/sh
# tests/cli/test_threads.sh — `dyad code --threads N` must give exactly what
# one thread gives: the same events in the same order, the same messages on
# stderr in the same order, the same --failed list and exit status. Inputs
# mix good and bad records so the order of reports matters.
# Env: DYAD_BIN (default build/dyad). Prints RESULT cli-threads passed=N failed=M.
cd "$(dirname "$0")/../.." || exit 2
BIN=${DYAD_BIN:-build/dyad}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-threads.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# 300 records: good articles, bad JSON, bad dates, empty texts, in turn
i=0
while [ $i -lt 300 ]; do
    case $((i % 5)) in
    0|1) printf '{"id":"a%d","date":"2024-02-02","text":"Egypt urged Israel to release the prisoners. Qatar met with Egypt and Israel."}\n' $i ;;
    2) printf '{"id":"b%d","date":"2024-02-02","text":"Hamas said it would release the hostages."\n' $i ;;
    3) printf '{"id":"c%d","date":"2024-02-31","text":"Egypt praised Qatar."}\n' $i ;;
    4) printf '{"id":"d%d","date":"2024-02-02","text":"   "}\n' $i ;;
    esac
    i=$((i + 1))
done > "$tmp/mixed.jsonl"

check() { # name, args...
    name=$1; shift
    "$BIN" code --threads 1 --failed "$tmp/f1" "$@" > "$tmp/o1" 2> "$tmp/e1"; s1=$?
    "$BIN" code --threads 3 --failed "$tmp/f3" "$@" > "$tmp/o3" 2> "$tmp/e3"; s3=$?
    if [ "$s1" = "$s3" ] && cmp -s "$tmp/o1" "$tmp/o3" && cmp -s "$tmp/e1" "$tmp/e3" &&
       cmp -s "$tmp/f1" "$tmp/f3" && [ -s "$tmp/o1" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL cli-threads $name: --threads 3 differs from --threads 1 (status $s1 vs $s3)"
        diff "$tmp/e1" "$tmp/e3" | head -5
    fi
}

check seed examples/2024-02-02-gaza-hostage-talks.txt
check mixed-jsonl "$tmp/mixed.jsonl"
check directory tests/golden/cli/directory/in
check several-files "$tmp/mixed.jsonl" examples/2024-02-02-gaza-hostage-talks.txt tests/golden/cli/jsonl-bad-line/batch.jsonl
check tsv-explain --format tsv --explain "$tmp/mixed.jsonl"

# bad values are usage errors
for bad in 0 65 x; do
    "$BIN" code --threads "$bad" examples/2024-02-02-gaza-hostage-talks.txt > /dev/null 2> "$tmp/e"
    if [ $? -eq 2 ] && grep -q -- "--threads" "$tmp/e"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL cli-threads: --threads $bad is not a usage error"; fi
done
echo "RESULT cli-threads passed=$pass failed=$fail"
[ "$fail" -eq 0 ]
