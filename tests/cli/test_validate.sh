#!/bin/sh
# tests/cli/test_validate.sh — `dyad validate` on the peers' own suites in
# ../shared (PETRARCH's PETR.UnitTest.records.xml with its dictionaries,
# TABARI's Validate.text with its .project): the report ends in "passed N of
# M", has a category table and one FAIL block per failing record, --strict
# exits 1 when N < M, and N (and TABARI's records with event codes) is not
# below the floors in tests/cli/validate.floor. Also: a missing suite file
# and a suite whose dictionaries are missing exit 2 with a message naming the
# file. Skips the suites (with a message) when ../shared is absent.
#
# Usage (from anywhere): sh tests/cli/test_validate.sh
#   DYAD_BIN=path   the binary to test (default build/dyad)
#   DYAD_SHARED=dir the shared data (default ../shared beside the repository)
# Prints one line per failed check and "RESULT cli-validate passed=N
# failed=M skipped=K" last; exits nonzero if any check failed.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
passed=0
failed=0
skipped=0

require_bin cli-validate

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-validate.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

ok() { passed=$((passed + 1)); }
bad() { echo "FAIL cli-validate: $*"; failed=$((failed + 1)); }
floor() { awk -v s="$1" -v w="$2" '$1 == s && $2 == w { print $3 }' tests/cli/validate.floor; }

# usage errors and unreadable suites
"$BIN" validate > "$tmp/out" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q "no suite file given" "$tmp/err" && ok || bad "no file: want status 2 and a message"
"$BIN" validate "$tmp/missing.xml" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q "missing.xml" "$tmp/err" && ok || bad "missing suite: want status 2 naming the file"
cat > "$tmp/suite.xml" <<'XML'
<Sentences><Environment><Verbfile>nothere.verbs</Verbfile><Actorfile>nothere.actors</Actorfile></Environment>
<Sentence date="20150101" id="X-1" category="X" sentence="true"><Text>Gondor met Arnor.</Text></Sentence></Sentences>
XML
"$BIN" validate "$tmp/suite.xml" --dict-dir "$tmp" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q "nothere" "$tmp/err" && ok || bad "missing dictionaries: want status 2 naming the file"

shared=${DYAD_SHARED:-../shared}
# run_suite NAME FILE: checks the report of one suite against its floors
run_suite() {
    name=$1 file=$2
    if [ ! -f "$file" ]; then
        echo "SKIP cli-validate $name: $file absent (set DYAD_SHARED)"
        skipped=$((skipped + 1))
        return
    fi
    "$BIN" validate "$file" > "$tmp/$name.out" 2> "$tmp/$name.err"
    st=$?
    [ $st -eq 0 ] && ok || bad "$name: status $st, want 0 ($(head -c 300 "$tmp/$name.err"))"
    last=$(tail -n 1 "$tmp/$name.out")
    n=$(echo "$last" | sed -n 's/^passed \([0-9]*\) of \([0-9]*\)$/\1/p')
    m=$(echo "$last" | sed -n 's/^passed \([0-9]*\) of \([0-9]*\)$/\2/p')
    if [ -z "$n" ]; then
        bad "$name: last line is '$last', want 'passed N of M'"
        return
    fi
    ok
    echo "cli-validate $name: $last"
    f=$(floor "$name" passed)
    [ "$n" -ge "$f" ] && ok || bad "$name: passed $n, below the floor $f (tests/cli/validate.floor)"
    fails=$(grep -c '^FAIL ' "$tmp/$name.out")
    [ "$fails" -eq $((m - n)) ] && ok || bad "$name: $fails FAIL blocks for $((m - n)) failing records"
    grep -q '^category  *passed  *records$' "$tmp/$name.out" && ok || bad "$name: no category table"
    f=$(floor "$name" events)
    if [ -n "$f" ]; then
        e=$(sed -n 's/^records that expect events: passed \([0-9]*\) of [0-9]*$/\1/p' "$tmp/$name.out")
        [ -n "$e" ] && [ "$e" -ge "$f" ] && ok || bad "$name: records with events passed '$e', below the floor $f"
    fi
    if [ "$n" -lt "$m" ]; then
        "$BIN" validate --strict "$file" > /dev/null 2>&1
        st=$?
        [ $st -eq 1 ] && ok || bad "$name: --strict status $st, want 1"
    fi
}
run_suite petrarch "$shared/petrarch/text/PETR.UnitTest.records.xml"
run_suite tabari "$shared/tabari/Validate.text"

echo "RESULT cli-validate passed=$passed failed=$failed skipped=$skipped"
[ "$failed" -eq 0 ]
