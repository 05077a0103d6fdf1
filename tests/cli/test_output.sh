#!/bin/sh
# tests/cli/test_output.sh — how `dyad code` writes its output files:
# -o FILE and --failed FILE go to a temporary file in the same directory and
# are renamed over FILE only when the run ends with status 0, 1 or 3; a model
# error (status 2), a write error or SIGTERM leave an existing FILE as it was
# and no temporary file behind. Also: the --failed list and the summary add up.
#
# Usage (from anywhere): sh tests/cli/test_output.sh
#   DYAD_BIN=path   the binary to test (default build/dyad, relative to the root)
# Prints one line per failed check and "RESULT cli-output passed=N failed=M"
# last; exits nonzero if any check failed.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
EXAMPLE="$ROOT/examples/2024-02-02-gaza-hostage-talks.txt"
passed=0
failed=0

require_bin cli-output

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-output.XXXXXX") || exit 2
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM

ok() { passed=$((passed + 1)); }
bad() { echo "FAIL cli-output: $*"; failed=$((failed + 1)); }
# check WHAT COMMAND...: the command must succeed
check() {
    what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}
# no temporary files (.NAME.XXXXXX) left in directory $1
no_temp() {
    [ -z "$(find "$1" -name '.*.??????' -print)" ]
}

# (a) -o to a new file: the same bytes as standard output, nothing else left
d=$tmp/a
mkdir -p "$d"
"$BIN" code -q "$EXAMPLE" > "$d/stdout" 2>/dev/null
"$BIN" code -q -o "$d/new.jsonl" "$EXAMPLE" 2>"$d/stderr"
st=$?
check "(a) -o new file: status $st, want 0" [ "$st" -eq 0 ]
check "(a) -o new file: differs from standard output" cmp -s "$d/stdout" "$d/new.jsonl"
check "(a) -o new file: temporary file left" no_temp "$d"
check "(a) -o new file: stdout output is empty" test -s "$d/stdout"
# ... and over an existing file, keeping its mode
printf 'old\n' > "$d/old.jsonl"
chmod 640 "$d/old.jsonl"
"$BIN" code -q -o "$d/old.jsonl" "$EXAMPLE" 2>/dev/null
st=$?
check "(a) -o existing file: status $st, want 0" [ "$st" -eq 0 ]
check "(a) -o existing file: not replaced" cmp -s "$d/stdout" "$d/old.jsonl"
check "(a) -o existing file: mode not kept" [ "$(ls -l "$d/old.jsonl" | cut -c1-10)" = "-rw-r-----" ]
# ... through a symbolic link: the file it points to is replaced, the link stays
printf 'old\n' > "$d/target.jsonl"
ln -s target.jsonl "$d/link.jsonl"
"$BIN" code -q -o "$d/link.jsonl" "$EXAMPLE" 2>/dev/null
check "(a) -o symlink: the link was replaced" test -L "$d/link.jsonl"
check "(a) -o symlink: its target was not written" cmp -s "$d/stdout" "$d/target.jsonl"
# ... to a file that is not a regular file
"$BIN" code -q -o /dev/null "$EXAMPLE" 2>"$d/stderr"
st=$?
check "(a) -o /dev/null: status $st, want 0" [ "$st" -eq 0 ]
# status 1 and 3 still put the output in place
printf 'no date here\n' > "$d/undated.txt"
printf 'old\n' > "$d/out3.jsonl"
"$BIN" code -q -o "$d/out3.jsonl" "$d/undated.txt" 2>/dev/null
st=$?
check "(a) status $st, want 3" [ "$st" -eq 3 ]
check "(a) status 3: FILE not replaced by the (empty) output" [ ! -s "$d/out3.jsonl" ]
"$BIN" code -q -o "$d/out1.jsonl" "$EXAMPLE" "$d/undated.txt" 2>/dev/null
st=$?
check "(a) status $st, want 1" [ "$st" -eq 1 ]
check "(a) status 1: FILE not written" cmp -s "$d/stdout" "$d/out1.jsonl"
check "(a) temporary file left" no_temp "$d"
# a write error is status 2
if [ -w /dev/full ]; then
    "$BIN" code -q -o /dev/full "$EXAMPLE" 2>"$d/stderr"
    st=$?
    check "(a) -o /dev/full: status $st, want 2" [ "$st" -eq 2 ]
    check "(a) -o /dev/full: no 'write error' message" grep -q '/dev/full: write error' "$d/stderr"
fi

# (b) the model cannot be loaded: status 2, FILE untouched, no temporary file
d=$tmp/b
mkdir -p "$d"
printf 'precious\n' > "$d/out.jsonl"
printf 'precious\n' > "$d/failed.tsv"
"$BIN" code -q --data /nonexistent -o "$d/out.jsonl" --failed "$d/failed.tsv" "$EXAMPLE" \
    2>"$d/stderr"
st=$?
check "(b) --data /nonexistent: status $st, want 2" [ "$st" -eq 2 ]
check "(b) --data /nonexistent: FILE changed" [ "$(cat "$d/out.jsonl")" = precious ]
check "(b) --data /nonexistent: --failed FILE changed" [ "$(cat "$d/failed.tsv")" = precious ]
check "(b) --data /nonexistent: temporary file left" no_temp "$d"
check "(b) --data /nonexistent: message does not name the dictionary" \
    grep -q '/nonexistent/actors.txt' "$d/stderr"
# ... nor with --strict-dict and a malformed dictionary line
mkdir -p "$d/data"
cp "$ROOT"/data/*.txt "$d/data/"
printf '[country]\nXX = too short\n' >> "$d/data/actors.txt"
"$BIN" code -q --strict-dict --data "$d/data" -o "$d/out.jsonl" "$EXAMPLE" 2>"$d/stderr"
st=$?
check "(b) --strict-dict: status $st, want 2" [ "$st" -eq 2 ]
check "(b) --strict-dict: FILE changed" [ "$(cat "$d/out.jsonl")" = precious ]
check "(b) --strict-dict: the malformed line is not listed" \
    grep -q "^dyad: actors.txt:[0-9]*:1: bad actor code 'XX'" "$d/stderr"
check "(b) --strict-dict: temporary file left" no_temp "$d"
# ... without --strict-dict the line is skipped with a warning and the run goes on
"$BIN" code -q --data "$d/data" -o "$d/out.jsonl" "$EXAMPLE" 2>"$d/stderr"
st=$?
check "(b) malformed line, no --strict-dict: status $st, want 0" [ "$st" -eq 0 ]
check "(b) malformed line, no --strict-dict: no warning" \
    grep -q "^dyad: warning: actors.txt:[0-9]*:1: bad actor code 'XX'.*(line skipped)$" \
    "$d/stderr"

# (c) SIGTERM during a long run: status 143, FILE untouched, no temporary file
d=$tmp/c
mkdir -p "$d"
awk 'BEGIN {
    t = "The United States urged Hamas to release the hostages, Qatar said on Monday."
    s = t
    for (k = 0; k < 9; k++) s = s " " t
    for (i = 0; i < 20000; i++)
        printf "{\"id\":\"n%d\",\"date\":\"2024-02-02\",\"text\":\"%s\"}\n", i, s
}' > "$d/many.jsonl"
printf 'precious\n' > "$d/out.jsonl"
"$BIN" code -q -o "$d/out.jsonl" --failed "$d/new-failed.tsv" "$d/many.jsonl" 2>"$d/stderr" &
pid=$!
# wait (at most 60 s) until the output's temporary file exists: coding has begun
n=0
while [ -z "$(find "$d" -name '.out.jsonl.*' -print)" ] && [ $n -lt 600 ]; do
    sleep 0.1 2>/dev/null || sleep 1
    n=$((n + 1))
done
kill -TERM "$pid" 2>/dev/null
wait "$pid"
st=$?
pid=
check "(c) SIGTERM: status $st, want 143" [ "$st" -eq 143 ]
check "(c) SIGTERM: FILE changed" [ "$(cat "$d/out.jsonl")" = precious ]
check "(c) SIGTERM: --failed FILE was created" [ ! -e "$d/new-failed.tsv" ]
check "(c) SIGTERM: temporary file left" no_temp "$d"
check "(c) SIGTERM: no message" grep -q 'interrupted by SIGTERM' "$d/stderr"
# ... and while standard input is still being read
mkfifo "$d/fifo"
"$BIN" code -q -o "$d/stdin.jsonl" - < "$d/fifo" 2>"$d/stderr" &
pid=$!
exec 3>"$d/fifo"
n=0
while [ -z "$(find "$d" -name '.stdin.jsonl.*' -print)" ] && [ $n -lt 600 ]; do
    sleep 0.1 2>/dev/null || sleep 1
    n=$((n + 1))
done
kill -TERM "$pid" 2>/dev/null
wait "$pid"
st=$?
pid=
exec 3>&-
check "(c) SIGTERM reading stdin: status $st, want 143" [ "$st" -eq 143 ]
check "(c) SIGTERM reading stdin: FILE was created" [ ! -e "$d/stdin.jsonl" ]
check "(c) SIGTERM reading stdin: temporary file left" no_temp "$d"

# (d) --failed: one line per article not coded; read = coded + failed
d=$tmp/d
mkdir -p "$d/in"
cp "$EXAMPLE" "$d/in/good.txt"
printf 'no date here\n' > "$d/in/undated.txt"
printf '{"id":"j1","date":"2024-02-02","text":"Egypt met Israel."}\n\n[1, 2]\n{"id":"j3","date":"2024-02-30","text":"x"}\n' \
    > "$d/in/batch.jsonl"
# an article over the 8 MiB limit fails when coded: its line is still known
awk 'BEGIN {
    s = "Egypt met Israel. "
    while (length(s) < 9000000) s = s s
    print ""
    printf "{\"id\":\"huge\",\"date\":\"2024-02-02\",\"text\":\"%s\"}\n", substr(s, 1, 9000000)
    print "{\"id\":\"small\",\"date\":\"2024-02-02\",\"text\":\"Egypt met Israel.\"}"
}' > "$d/in/big.jsonl"
"$BIN" code -o "$d/out.jsonl" --failed "$d/failed.tsv" "$d/in" "$d/missing.txt" \
    2>"$d/stderr"
st=$?
check "(d) --failed: status $st, want 1" [ "$st" -eq 1 ]
printf 'path\tline\tid\treason\n' > "$d/want"
printf '%s\t3\t\texpected a JSON object, found an array\n' "$d/in/batch.jsonl" >> "$d/want"
printf '%s\t4\t\tbad date "2024-02-30" in field "date": %s\n' "$d/in/batch.jsonl" \
    "no such day in the calendar" >> "$d/want"
printf '%s\t2\thuge\tarticle is 9000000 bytes, over the limit of 8388608\n' "$d/in/big.jsonl" \
    >> "$d/want"
printf '%s\t0\tundated\tno date: %s\n' "$d/in/undated.txt" \
    'the text does not start with "date YYYY-MM-DD" and no date was given for it' >> "$d/want"
printf '%s\t0\tmissing\tNo such file or directory\n' "$d/missing.txt" >> "$d/want"
if cmp -s "$d/want" "$d/failed.tsv"; then ok; else
    bad "(d) --failed list differs (- expected, + actual)"
    diff -u "$d/want" "$d/failed.tsv" | sed -e '1,2d' -e 's/^/    /'
fi
summary=$(grep 'articles read' "$d/stderr")
case $summary in
"dyad: 8 articles read, 3 coded, 5 failed; "*) ok ;;
*) bad "(d) summary '$summary', want 8 read, 3 coded, 5 failed" ;;
esac
# nothing failed: the list is the header alone
"$BIN" code -q --failed "$d/none.tsv" "$EXAMPLE" > /dev/null 2>&1
check "(d) --failed with nothing failed: not just the header" \
    [ "$(cat "$d/none.tsv")" = "$(printf 'path\tline\tid\treason')" ]
check "(d) temporary file left" no_temp "$d"

# an unreadable directory and file count as failed (not testable as root)
if [ "$(id -u)" -ne 0 ]; then
    d=$tmp/e
    mkdir -p "$d/in/locked" "$d/in/sub"
    cp "$EXAMPLE" "$d/in/sub/good.txt"
    cp "$EXAMPLE" "$d/in/sub/unreadable.txt"
    cp "$EXAMPLE" "$d/in/locked/hidden.txt"
    chmod 000 "$d/in/locked" "$d/in/sub/unreadable.txt"
    "$BIN" code -o "$d/out.jsonl" --failed "$d/failed.tsv" "$d/in" 2>"$d/stderr"
    st=$?
    chmod 755 "$d/in/locked"
    chmod 644 "$d/in/sub/unreadable.txt"
    check "(e) unreadable: status $st, want 1" [ "$st" -eq 1 ]
    check "(e) unreadable: summary does not add up" \
        grep -q '^dyad: 3 articles read, 1 coded, 2 failed;' "$d/stderr"
    check "(e) unreadable: the directory is not listed" \
        grep -q "^$d/in/locked	0		Permission denied\$" "$d/failed.tsv"
    check "(e) unreadable: the file is not listed" \
        grep -q "^$d/in/sub/unreadable.txt	0	unreadable	Permission denied\$" "$d/failed.tsv"
    # an output directory we cannot write to: status 2, nothing written
    mkdir -p "$d/ro"
    chmod 555 "$d/ro"
    "$BIN" code -q -o "$d/ro/out.jsonl" "$EXAMPLE" 2>"$d/stderr"
    st=$?
    chmod 755 "$d/ro"
    check "(e) read-only directory: status $st, want 2" [ "$st" -eq 2 ]
    check "(e) read-only directory: no message naming FILE" grep -q "$d/ro/out.jsonl" "$d/stderr"
fi

echo "RESULT cli-output passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
