#!/bin/sh
# tests/cli/test_dict.sh — `dyad dict check` and `dyad dict stats`:
# stats on data/ prints every coverage line (text and JSON); check on a
# scratch data directory with a deliberate duplicate, conflicts and bad codes
# reports each as FILE:LINE with its severity and exits 1 (0 with only
# warnings, 1 with --strict); check on data/ runs and its findings are shown
# (data/ grows while others work on it, so they are printed, not required
# to be zero); usage errors exit 2.
#
# Usage (from anywhere): sh tests/cli/test_dict.sh
#   DYAD_BIN=path   the binary to test (default build/dyad, relative to the root)
# Prints one line per failed check and "RESULT cli-dict passed=N failed=M"
# last; exits nonzero if any check failed.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
passed=0
failed=0

require_bin cli-dict

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-dict.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

ok() { passed=$((passed + 1)); }
bad() { echo "FAIL cli-dict: $*"; failed=$((failed + 1)); }
# has FILE TEXT: FILE holds the line TEXT (fixed string, whole line)
has() {
    if grep -qxF -- "$2" "$1"; then ok; else bad "$1 lacks the line: $2"; fi
}
# has_prefix FILE TEXT: FILE holds a line starting with TEXT
has_prefix() {
    if grep -F -- "$2" "$1" | grep -q "^$(printf '%s' "$2" | sed 's/[][\.*^$/]/\\&/g')"; then
        ok
    else
        bad "$1 lacks a line starting with: $2"
    fi
}
status() { # status WHAT GOT WANT
    if [ "$2" -eq "$3" ]; then ok; else bad "$1: status $2, want $3"; fi
}

# (a) stats on data/: every coverage figure is printed
"$BIN" dict stats --data "$ROOT/data" > "$tmp/stats" 2> "$tmp/stats.err"
status "(a) dict stats" $? 0
for p in "actors        lines  codes  names  date-bounded" "  country " "  igo " "  group " \
         "  person " "  media " "  total " "organisations ([igo] codes): " \
         "non-state groups ([group] codes): " \
         "date-bounded office holders ([person] lines with from/to): " \
         "country codes (3-letter [country] codes): " "ISO 3166-1 alpha-3 codes covered: " \
         "agents: " "  GOV " "patterns: " "CAMEO event codes with a pattern: " \
         "  01 " "  20 " "minimum patterns per root: " "codes with no pattern (" \
         "patterns per code:" "  0253 " "  2042 "; do
    has_prefix "$tmp/stats" "$p"
done
if [ -s "$tmp/stats.err" ]; then bad "(a) dict stats wrote to stderr: $(head -n 3 "$tmp/stats.err")"; else ok; fi
echo "# dyad dict stats (data/), the figures of the issue:"
grep -E '^(organisations|non-state|date-bounded|ISO 3166|CAMEO event|minimum|codes with no)' \
    "$tmp/stats" | cut -c1-160 | sed 's/^/#   /'

"$BIN" dict stats --data "$ROOT/data" --json > "$tmp/stats.json"
status "(a) dict stats --json" $? 0
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["patterns"]["roots"]["01"]["total"] >= 0 and "organisations" in d and "iso_covered" in d["countries"]' "$tmp/stats.json" 2>/dev/null; then
    ok
else
    bad "(a) dict stats --json is not the expected JSON object"
fi

# (b) check on a scratch data directory with known findings
d=$tmp/data
mkdir -p "$d/actors"
cat > "$d/actors/10-countries.txt" <<'EOF'
[country]
USA = United States | America
JOR = Jordan
USA = America
EOF
cat > "$d/actors/30-groups.txt" <<'EOF'
[group]
ISRGOV = Jordan
XYZREB = Some Rebels
EOF
printf '[role]\nGOV = government\nQQQ = thing\n' > "$d/agents.txt"
printf '[verb]\n040 = meet with TGT\n042 = meet with TGT\n0X0 = greet\n[noun]\n' > "$d/verbs.txt"
"$BIN" dict check --data "$d" > "$tmp/check" 2> "$tmp/check.err"
status "(b) dict check with errors" $? 1
has_prefix "$tmp/check" "10-countries.txt:4: warning: duplicate name 'America' for USA (also at 10-countries.txt:2)"
has_prefix "$tmp/check" "30-groups.txt:2: error: conflicting name 'Jordan': ISRGOV [group] here, JOR [country] at 10-countries.txt:3"
has_prefix "$tmp/check" "30-groups.txt:3: error: unknown code 'XYZREB'"
has_prefix "$tmp/check" "agents.txt:3: error: unknown role code 'QQQ'"
has_prefix "$tmp/check" "verbs.txt:3: error: conflicting verb pattern 'meet with TGT': 042 here, 040 at verbs.txt:2"
has_prefix "$tmp/check" "verbs.txt:4:1: error: bad event code '0X0'"
has "$tmp/check" "dyad dict check: 5 errors, 1 warning in $d"
if [ -s "$tmp/check.err" ]; then bad "(b) dict check wrote to stderr"; else ok; fi

# (c) only warnings: status 0, and 1 with --strict
printf '[country]\nUSA = America\nUSA = America\n' > "$d/actors/10-countries.txt"
printf '[group]\nISRGOVLKD = Likud\n' > "$d/actors/30-groups.txt"
printf '[role]\nGOV = government\n' > "$d/agents.txt"
printf '[verb]\n040 = meet with TGT\n' > "$d/verbs.txt"
"$BIN" dict check --data "$d" > "$tmp/check"
status "(c) dict check, warnings only" $? 0
has "$tmp/check" "10-countries.txt:3: warning: duplicate name 'America' for USA (also at 10-countries.txt:2)"
has "$tmp/check" "dyad dict check: 0 errors, 1 warning in $d"
"$BIN" dict check --strict --data "$d" > /dev/null
status "(c) dict check --strict, warnings only" $? 1
printf '[country]\nUSA = America\n' > "$d/actors/10-countries.txt"
"$BIN" dict check --strict --data "$d" > "$tmp/check"
status "(c) dict check --strict, clean" $? 0
has "$tmp/check" "dyad dict check: 0 errors, 0 warnings in $d"

# (d) check on data/ itself: runs (status 0 or 1), ends with the summary;
# its findings are shown, not required to be zero
"$BIN" dict check --data "$ROOT/data" > "$tmp/check" 2> "$tmp/check.err"
st=$?
if [ "$st" -eq 0 ] || [ "$st" -eq 1 ]; then ok; else bad "(d) dict check on data/: status $st"; fi
has_prefix "$tmp/check" "dyad dict check: "
if [ -s "$tmp/check.err" ]; then bad "(d) dict check wrote to stderr: $(head -n 3 "$tmp/check.err")"; else ok; fi
n=$(wc -l < "$tmp/check")
echo "# dyad dict check (data/), status $st, $((n - 1)) findings:"
head -n 40 "$tmp/check" | cut -c1-200 | sed 's/^/#   /'
[ "$n" -gt 40 ] && echo "#   ... ($((n - 40)) more lines)"

# (e) usage errors and help
"$BIN" dict > /dev/null 2>&1
status "(e) dict with no command" $? 2
"$BIN" dict bogus > /dev/null 2>&1
status "(e) dict bogus" $? 2
"$BIN" dict stats --strict > /dev/null 2>&1
status "(e) dict stats --strict" $? 2
"$BIN" dict check --data "$tmp/nonexistent" > /dev/null 2>&1
status "(e) dict check on a missing directory" $? 2
"$BIN" dict --help > "$tmp/help"
status "(e) dict --help" $? 0
has_prefix "$tmp/help" "Usage: dyad dict check [--data DIR] [--strict]"

# (f) the peers' dictionaries: a TABARI verbs file and a PETRARCH2 actors file
# written here (invented names), checked, counted, converted and coded with
mkdir -p "$tmp/peer"
printf '%s\n' '; TABARI verbs' 'ATTACK  [190]' '- * PLAN_ [---]' 'MEET [031:031]' \
    'GREET_ [no code here' '~~FINISH' > "$tmp/peer/t.verbs"
printf '%s\n' 'ARNOR [ARN]' '+ARNORIAN' 'ROHAN [ROH]' 'TELEMAR [BRE]' \
    '    [BREGOV 19950101-19951231]' 'GONDOR' > "$tmp/peer/p.actors.txt"
"$BIN" dict check --dict verbs="$tmp/peer/t.verbs" --dict actors="$tmp/peer/p.actors.txt" \
    > "$tmp/pcheck" 2>&1
status "(f) dict check --dict" $? 0
grep -q "t.verbs:5: " "$tmp/pcheck" && ok || bad "(f) the malformed verb line is not reported as t.verbs:5"
grep -q "p.actors.txt:6: " "$tmp/pcheck" && ok || bad "(f) the actor without a code is not reported as p.actors.txt:6"
has "$tmp/pcheck" "dyad dict check: 2 malformed entries in 2 files"
"$BIN" dict check --strict --dict verbs="$tmp/peer/t.verbs" > /dev/null 2>&1
status "(f) dict check --strict with a malformed entry" $? 1
"$BIN" dict stats --dict verbs="$tmp/peer/t.verbs" --dict actors="$tmp/peer/p.actors.txt" \
    > "$tmp/pstats" 2>&1
status "(f) dict stats --dict" $? 0
grep -q "t.verbs: verbs (TABARI): 2 entries and 1 patterns, 1 malformed" "$tmp/pstats" && ok ||
    bad "(f) stats line for t.verbs: $(grep t.verbs "$tmp/pstats")"
grep -q "p.actors.txt: actors (PETRARCH2): 3 entries, 1 malformed" "$tmp/pstats" && ok ||
    bad "(f) stats line for p.actors.txt: $(grep p.actors "$tmp/pstats")"
"$BIN" dict convert --dict actors="$tmp/peer/p.actors.txt" -o "$tmp/pconv" 2> "$tmp/pconv.err"
status "(f) dict convert" $? 0
grep -q "^ARN = " "$tmp/pconv" && ok || bad "(f) converted actors lack 'ARN = ...': $(head -c 300 "$tmp/pconv")"
grep -q "3 entries, 1 malformed" "$tmp/pconv.err" && ok || bad "(f) convert summary: $(cat "$tmp/pconv.err")"
"$BIN" dict convert > /dev/null 2>&1
status "(f) dict convert without --dict" $? 2
printf 'date 1995-06-01\nArnorian troops attacked Rohan. Telemar met Rohan.\n' > "$tmp/peer/a.txt"
"$BIN" code -q --threads 1 --format tsv --dict verbs="$tmp/peer/t.verbs" \
    --dict actors="$tmp/peer/p.actors.txt" "$tmp/peer/a.txt" > "$tmp/pcode" 2> /dev/null
status "(f) code --dict" $? 0
cut -f4,5,10 "$tmp/pcode" | tail -n +2 | tr '\t' ' ' > "$tmp/pev"
has "$tmp/pev" "ARN ROH 190"
has "$tmp/pev" "BREGOV ROH 031"
has "$tmp/pev" "ROH BREGOV 031"

# (g) --max-dict-line: a longer line is a malformed entry, for dyad's files and the peers'
printf 'ATTACK [190]\n- * %s [183]\n' "$(printf '%0200d' 0 | tr 0 X)" > "$tmp/peer/long.verbs"
printf 'date 1995-06-01\nArnorian troops attacked Rohan.\n' > "$tmp/peer/b.txt"
"$BIN" code -q --max-dict-line 100 --dict verbs="$tmp/peer/long.verbs" \
    --dict actors="$tmp/peer/p.actors.txt" "$tmp/peer/b.txt" > /dev/null 2> "$tmp/plong"
status "(g) code --max-dict-line with a peer's file" $? 0
grep -q "long.verbs:2: line of 210 bytes, over the limit of 100" "$tmp/plong" && ok ||
    bad "(g) the long line is not reported: $(head -c 300 "$tmp/plong")"
mkdir -p "$tmp/longdata" && cp -r data/* "$tmp/longdata/"
printf '[verb]\n%s = attack %s\n' 190 "$(printf '%0300d' 0 | tr 0 x)" >> "$tmp/longdata/verbs.txt"
n=$(wc -l < "$tmp/longdata/verbs.txt")
"$BIN" code -q --data "$tmp/longdata" --max-dict-line 400 "$tmp/peer/b.txt" > /dev/null 2> "$tmp/olong"
grep -q "verbs.txt:$n" "$tmp/olong" && bad "(g) a 313-byte line is refused under a 400-byte cap" || ok
"$BIN" code -q --data "$tmp/longdata" --max-dict-line 300 "$tmp/peer/b.txt" > /dev/null 2> "$tmp/olong"
grep -q "verbs.txt:$n:301: line of 313 bytes, over the limit of 300" "$tmp/olong" && ok ||
    bad "(g) the long line of dyad's verbs.txt is not reported: $(grep "verbs.txt:$n" "$tmp/olong" | head -c 300)"
"$BIN" code --max-dict-line 0 "$tmp/peer/b.txt" > /dev/null 2>&1
status "(g) --max-dict-line 0" $? 2

echo "RESULT cli-dict passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
