#!/bin/sh
# tests/hostile/run.sh — hostile input for `dyad code`: invalid UTF-8, NUL
# bytes, a 50 MB line, 100,000 nested parentheses and quotes, binary junk,
# empty files, unreadable files, a JSON Lines file of alternating good and
# bad records, a truncated PETRARCH XML file, and more. Every input is
# generated at run time into build/hostile/in/ (about 110 MB, made again when
# this script changes; nothing is committed); each binary's outputs go to
# build/hostile/<binary>/out/.
#
# For every case dyad must
#   - not crash: exit status 0, 1 or 3 (the expected one), never >= 128;
#   - print no sanitizer report (AddressSanitizer, UBSan, LeakSanitizer);
#   - name each failure on stderr with its file (and line, or article id, for
#     JSON Lines);
#   - print a summary whose counts add up (read = coded + failed) and, where
#     the case knows them, are exactly the expected numbers.
# One check per case. A case listed in KNOWN (a reported bug not fixed yet)
# that fails is counted as skipped and printed as KNOWN; set HOSTILE_STRICT=1
# to count it as a failure instead.
#
# Usage (from anywhere): sh tests/hostile/run.sh [CASE...]
#   DYAD_BIN=path   the binary (default build/dyad)
# Prints one line per case that did not pass and
# "RESULT hostile passed=N failed=M skipped=K" last; exits nonzero on failure.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
STRICT=${HOSTILE_STRICT:-0}
# Reported bugs not fixed yet, by case name (each case below says what it expects).
KNOWN=${HOSTILE_KNOWN-""}
passed=0 failed=0 skipped=0

if [ ! -x "$BIN" ]; then
    echo "FAIL hostile: no binary at $BIN (build it, or set DYAD_BIN)"
    echo "RESULT hostile passed=0 failed=1 skipped=0"
    exit 1
fi
# ASan+UBSan must abort on the first error and print to stderr
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

# inputs in build/hostile/in (made again when this script changes), outputs
# per binary in build/hostile/<binary>/
tag=$(printf '%s\n' "${BIN#"$ROOT"/}" | tr '/' '_')
W=$ROOT/build/hostile/$tag
IN=$ROOT/build/hostile/in
rm -rf "$W"
mkdir -p "$W/out" || exit 2

# ------------------------------------------------------------- generators
date_line() { printf 'date 2024-02-02\n'; }
good_text() { printf 'Israel met Egypt in Cairo on Monday.\n'; }

gen() {
    # invalid UTF-8, several kinds, one file each (all in bad-utf8/)
    mkdir -p bad-utf8
    for k in overlong:'\300\257' overlong3:'\340\200\257' surrogate:'\355\240\200' \
             continuation:'\200' byte-ff:'\377\376' too-large:'\364\220\200\200' \
             five-byte:'\370\210\200\200\200' truncated:'\342\202'; do
        name=${k%%:*} bytes=${k#*:}
        { date_line; printf 'Israel met '; printf "$bytes"; printf ' Egypt.\n'; } > "bad-utf8/$name.txt"
    done
    { date_line; good_text; printf 'Truncated at the end \342\202'; } > bad-utf8/truncated-at-eof.txt
    # JSON Lines: bad UTF-8 (raw), a lone surrogate escape, \u0000, between good lines
    {
        printf '{"id":"u1","date":"2024-02-02","text":"Israel met Egypt."}\n'
        printf '{"id":"u2","date":"2024-02-02","text":"Israel met \300\257 Egypt."}\n'
        printf '{"id":"u3","date":"2024-02-02","text":"Israel met Egypt."}\n'
        printf '{"id":"u4","date":"2024-02-02","text":"Israel \\ud800 met Egypt."}\n'
        printf '{"id":"u5","date":"2024-02-02","text":"Israel met Egypt."}\n'
        printf '{"id":"u6","date":"2024-02-02","text":"Israel \\u0000 met Egypt."}\n'
        printf '{"id":"u7","date":"2024-02-02","text":"Israel met Egypt."}\n'
    } > bad-utf8.jsonl

    # NUL bytes
    printf '\000\000date 2024-02-02\nIsrael met Egypt.\n' > nul-first.txt
    { date_line; printf 'Israel met Egypt.\000 Qatar said so.\n'; } > nul-middle.txt
    { date_line; good_text; printf '\000'; } > nul-last.txt
    G='{"id":"g%d","date":"2024-02-02","text":"Israel met Egypt."}\n'
    { printf "$G" 1; printf '{"id":"n2","date":"2024-02-02","text":"Israel \000 met"}\n'; printf "$G" 3; } \
        > one-nul-record.jsonl
    { printf "$G" 1; printf '\001\002\003\004\005\006\007\016\017\020\021\022\023\024\025\026\n'; printf "$G" 3; } \
        > one-control-record.jsonl

    # a 50 MB single line (no newline at all) over the 8 MiB article limit,
    # as text and as one JSON Lines record followed by a good one
    awk 'BEGIN { printf "date 2024-02-02 "; s = "Israel met Egypt in Cairo on Monday and the talks went on. ";
                 for (i = 0; i < 900000; i++) printf "%s", s }' > big-line.txt
    { printf '{"id":"big","date":"2024-02-02","text":"'
      awk 'BEGIN { s = "Israel met Egypt in Cairo on Monday and the talks went on. ";
                   for (i = 0; i < 900000; i++) printf "%s", s }'
      printf '"}\n'; printf "$G" 2; } > big-line.jsonl

    # 100,000 nested parentheses and quotes (ASCII and curly), balanced and not
    N=100000
    { date_line; awk -v n=$N 'BEGIN { printf "Israel met Egypt "; for (i = 0; i < n; i++) printf "(";
        printf "in Cairo"; for (i = 0; i < n; i++) printf ")"; print ". Qatar said it would help." }'; } > parens.txt
    { date_line; awk -v n=$N 'BEGIN { printf "Israel met Egypt "; for (i = 0; i < n; i++) printf "(";
        print "in Cairo. Qatar said it would help." }'; } > parens-open.txt
    { date_line; awk -v n=$N 'BEGIN { for (i = 0; i < n; i++) printf "\"Hamas said ";
        printf "yes"; for (i = 0; i < n; i++) printf "\""; print ". Qatar said it would help." }'; } > quotes.txt
    { date_line; awk -v n=$N 'BEGIN { for (i = 0; i < n; i++) printf "\342\200\234Egypt said ";
        printf "yes"; for (i = 0; i < n; i++) printf "\342\200\235"; print ". Qatar said it would help." }'; } > curly-quotes.txt
    { date_line; awk -v n=$N 'BEGIN { for (i = 0; i < n; i++) printf "\342\200\234";
        print "Qatar said it would help." }'; } > quotes-open.txt
    # JSON nested 10,000 deep (jansson stops at 2048)
    { awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]"; print "" }'
      printf "$G" 2; } > deep.jsonl

    # other long shapes: a 1 MB word, a 1 MB sentence, 20,000 sentences
    { date_line; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "Israelisrae"; print " met Egypt." }'; } > long-word.txt
    { date_line; awk 'BEGIN { for (i = 0; i < 50000; i++) printf "Israel met Egypt and "; print "Qatar." }'; } > long-sentence.txt
    { date_line; awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Israel met Egypt. "; print "" }'; } > many-sentences.txt

    # binary junk (fixed pseudo-random bytes), and unterminated records
    awk 'BEGIN { srand(7); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' > junk.txt
    cp junk.txt junk.jsonl
    awk 'BEGIN { srand(11); for (i = 0; i < 4096; i++) { c = int(rand() * 95) + 32; printf "%c", c } }' > junk-printable.jsonl
    printf '{"id":"x","date":"2024-02-02","text":"Israel met' > unterminated.jsonl
    { printf "$G" 1; printf '{"id":"x","date":"2024-02-02","text":"Israel met'; } > unterminated-last.jsonl
    { date_line; printf 'Israel met Egypt \342\200\234and said'; } > unterminated.txt
    # PETRARCH XML (chosen by the .xml name) cut off inside its third record
    { printf '<Sentences>\n'
      printf '<Sentence date="20240202" id="x_%d" source="T" sentence="True">\n<Text>Israel met Egypt in Cairo.</Text>\n</Sentence>\n' 1 2
      printf '<Sentence date="20240202" id="x_3" sentence="True">\n<Text>Israel met'; } > unterminated.xml
    # a Treebank parse nested 100,000 deep after a good record, then another good one
    { printf '<Sentences>\n'
      printf '<Sentence date="20240202" id="d_1" sentence="True">\n<Text>Israel met Egypt.</Text>\n<Parse>(ROOT (S (NP (NNP Israel)) (VP (VBD met) (NP (NNP Egypt))) (. .)))</Parse>\n</Sentence>\n'
      printf '<Sentence date="20240202" id="d_2" sentence="True">\n<Text>Israel met Egypt.</Text>\n<Parse>'
      awk 'BEGIN { for (i = 0; i < 100000; i++) printf "(X "; printf "y"; for (i = 0; i < 100000; i++) printf ")" }'
      printf '</Parse>\n</Sentence>\n'
      printf '<Sentence date="20240202" id="d_3" sentence="True">\n<Text>Egypt met Israel.</Text>\n</Sentence>\n</Sentences>\n'; } > deep-parse.xml

    # empty and nearly empty files
    mkdir -p empty
    : > empty/empty.txt
    : > empty/empty.jsonl
    printf '  \n\n\t\n' > empty/blank.txt
    printf '\n\n\r\n' > empty/blank-lines.jsonl
    date_line > empty/date-only.txt

    # a directory with a good file and files that cannot be read. CI runs as
    # root, for whom chmod 000 changes nothing, so the unreadable file is a
    # symbolic link to /proc/self/mem (opens, then read() fails with EIO);
    # a dangling symbolic link and a FIFO also end in .txt; chmod 000 is
    # added when not running as root.
    mkdir -p dir/sub
    { date_line; good_text; } > dir/good.txt
    { date_line; printf 'Iran met Iraq in Baghdad.\n'; } > dir/sub/good2.txt
    if [ -r /proc/self/mem ]; then ln -s /proc/self/mem dir/unreadable.txt; fi
    ln -s "$IN/no/such/file" dir/dangling.txt
    mkfifo dir/fifo.txt 2>/dev/null || :
    if [ "$(id -u)" -ne 0 ]; then
        { date_line; good_text; } > dir/noperm.txt
        chmod 000 dir/noperm.txt
    fi

    # alternating good and bad JSON Lines records: 500 pairs, bad kinds rotate
    awk 'BEGIN {
        for (i = 1; i <= 500; i++) {
            g = 2 * i - 1; b = 2 * i;
            printf "{\"id\":\"good-%d\",\"date\":\"2024-02-02\",\"text\":\"Israel met Egypt in Cairo.\"}\n", g;
            k = i % 10;
            if (k == 0) printf "{\"id\":\"bad-%d\",\"date\":\"2024-02-02\",\"text\":\"Israel met\n", b;
            else if (k == 1) printf "{\"date\":\"2024-02-02\",\"text\":\"Israel met Egypt.\"}\n";
            else if (k == 2) printf "{\"id\":\"bad-%d\",\"date\":\"2024-02-30\",\"text\":\"Israel met Egypt.\"}\n", b;
            else if (k == 3) printf "{\"id\":\"bad-%d\",\"date\":\"2024-02-02\"}\n", b;
            else if (k == 4) printf "{\"id\":\"bad-%d\",\"date\":\"2024-02-02\",\"text\":\"  \"}\n", b;
            else if (k == 5) printf "{\"id\":\"bad-%d\",\"date\":\"2024-02-02\",\"text\":\"AP Photo/John Doe\"}\n", b;
            else if (k == 6) printf "{\"id\":\"bad-%d\",\"date\":\"2024-02-02\",\"text\":\"Israel \300 met\"}\n", b;
            else if (k == 7) printf "[\"bad-%d\",\"2024-02-02\",\"Israel met Egypt.\"]\n", b;
            else if (k == 8) printf "{\"id\":{\"n\":%d},\"date\":\"2024-02-02\",\"text\":\"Israel met Egypt.\"}\n", b;
            else printf "{\"id\":\"bad-%d\",\"date\":\"yesterday\",\"text\":\"Israel met Egypt.\"}\n", b;
        } }' > alternating.jsonl

    # no date token; only credit lines; BOM and CRLF (fine)
    good_text > no-date.txt
    { date_line; printf 'AP Photo/John Doe\nJane Roe via AP\n'; } > credits-only.txt
    { printf '\357\273\277date 2024-02-02\r\nIsrael met Egypt in Cairo.\r\n'; } > bom-crlf.txt
}

# --------------------------------------------------------------- checking
is_known() {
    for k in $KNOWN; do [ "$k" = "$1" ] && return 0; done
    return 1
}

# run_case NAME STATUS READ CODED FAILED [dyad code ARGS...]
#   STATUS is the expected exit status (or "any": 0, 1 or 3); READ, CODED,
#   FAILED are the expected counts, or "-" when not known exactly; standard
#   input is $case_stdin (reset after each case) or /dev/null. Leaves stdout
#   and stderr in $W/out/NAME.{out,err}; expect_err and expect_articles check
#   more.
cur=""
bad=""
case_stdin=""
# a hang is a failure too (a case takes at most a few seconds, even under ASan)
TIMEOUT=""
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout ${HOSTILE_TIMEOUT:-300}"
run_case() {
    finish
    cur=$1 want=$2 wr=$3 wc=$4 wf=$5
    shift 5
    bad=""
    o=$W/out/$cur
    $TIMEOUT "$BIN" code "$@" > "$o.out" 2> "$o.err" < "${case_stdin:-/dev/null}"
    rc=$?
    case_stdin=""
    if [ -n "$TIMEOUT" ] && [ "$rc" -eq 124 ]; then
        bad="$bad; still running after ${TIMEOUT#timeout } seconds: killed"
    elif [ "$rc" -ge 128 ]; then
        bad="$bad; crashed (exit $rc, signal $((rc - 128)))"
    elif [ "$want" = any ]; then
        case $rc in 0 | 1 | 3) ;; *) bad="$bad; exit status $rc, want 0, 1 or 3" ;; esac
    elif [ "$rc" -ne "$want" ]; then
        bad="$bad; exit status $rc, want $want"
    fi
    if grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e 'LeakSanitizer' \
        -e 'ERROR: .*Sanitizer' "$o.err"; then
        bad="$bad; sanitizer report: $(grep -m1 -e 'Sanitizer' -e 'runtime error:' "$o.err")"
    fi
    sum=$(grep '^dyad: [0-9]* articles read, [0-9]* coded, [0-9]* failed;' "$o.err" | tail -n 1)
    if [ -z "$sum" ]; then
        bad="$bad; no summary line"
        return
    fi
    set -- $(printf '%s\n' "$sum" | sed 's/^dyad: \([0-9]*\) articles read, \([0-9]*\) coded, \([0-9]*\) failed;.*/\1 \2 \3/')
    gr=$1 gc=$2 gf=$3
    [ "$gr" -eq $((gc + gf)) ] || bad="$bad; counts do not add up: $sum"
    [ "$wr" = - ] || [ "$gr" -eq "$wr" ] || bad="$bad; $gr read, want $wr"
    [ "$wc" = - ] || [ "$gc" -eq "$wc" ] || bad="$bad; $gc coded, want $wc"
    [ "$wf" = - ] || [ "$gf" -eq "$wf" ] || bad="$bad; $gf failed, want $wf"
    # every failure has its own "dyad: FILE..." message
    nmsg=$(grep -v '^dyad: [0-9]* articles read' "$o.err" | grep -c '^dyad: ')
    [ "$nmsg" -ge "$gf" ] || bad="$bad; $gf failed but only $nmsg messages on stderr"
}

# expect_err FIXED-STRING [WHY]: stderr of the current case contains the string
expect_err() {
    grep -q -F -e "$1" "$W/out/$cur.err" || bad="$bad; stderr lacks '$1'${2:+ ($2)}"
}
expect_err_re() { # EXTENDED-REGEX [WHY]: stderr of the current case matches it
    grep -q -E -e "$1" "$W/out/$cur.err" || bad="$bad; stderr does not match '$1'${2:+ ($2)}"
}
expect_articles() { # N PREFIX: stdout has events of exactly N articles whose id starts with PREFIX
    n=$(grep -o "\"article\":\"$2[^\"]*\"" "$W/out/$cur.out" | sort -u | wc -l)
    [ "$n" -eq "$1" ] || bad="$bad; events of $n articles with id $2*, want $1"
}

finish() { # score the previous case
    [ -n "$cur" ] || return 0
    if [ -z "$bad" ]; then
        passed=$((passed + 1))
        is_known "$cur" && echo "NOTE hostile $cur: passes now; take it off KNOWN in tests/hostile/run.sh"
    elif is_known "$cur" && [ "$STRICT" != 1 ]; then
        skipped=$((skipped + 1))
        echo "KNOWN hostile $cur (reported bug, counted as skipped):${bad#;}"
    else
        failed=$((failed + 1))
        echo "FAIL hostile $cur ($BIN):${bad#;}"
        sed -n '1,6s/^/    stderr: /p' "$W/out/$cur.err"
    fi
    cur=""
}

# ------------------------------------------------------------------ cases
stamp=$(cksum < tests/hostile/run.sh)
if [ "$(cat "$IN/.stamp" 2>/dev/null)" != "$stamp" ]; then
    chmod -R u+rwx "$IN" 2>/dev/null
    rm -rf "$IN"
    mkdir -p "$IN" || exit 2
    if ! (cd "$IN" && gen) 2> "$W/gen.err"; then
        echo "FAIL hostile: generating the inputs failed: $(head -n 3 "$W/gen.err")"
        echo "RESULT hostile passed=0 failed=1 skipped=0"
        exit 1
    fi
    echo "$stamp" > "$IN/.stamp"
fi
cd "$IN" || exit 2 # so file names on stderr are short and predictable

want_case() { # the cases named on the command line, or all
    [ -z "$ONLY" ] && return 0
    for c in $ONLY; do [ "$c" = "$1" ] && return 0; done
    return 1
}
ONLY="$*"

if want_case bad-utf8; then
    run_case bad-utf8 3 9 0 9 bad-utf8
    for f in bad-utf8/*.txt; do expect_err "dyad: $f:" "named with its line"; done
    expect_err "not valid UTF-8"
fi
if want_case bad-utf8-jsonl; then
    run_case bad-utf8-jsonl 1 7 4 3 bad-utf8.jsonl
    expect_err "bad-utf8.jsonl:2: "
    expect_err "bad-utf8.jsonl:4: "
    expect_err "bad-utf8.jsonl:6: "
fi
if want_case nul; then
    run_case nul 3 3 0 3 nul-first.txt nul-middle.txt nul-last.txt
    for f in nul-first.txt nul-middle.txt nul-last.txt; do expect_err "dyad: $f:"; done
    expect_err "NUL byte"
fi
if want_case jsonl-one-nul-record; then
    # one record with a raw NUL must not take the good records with it
    run_case jsonl-one-nul-record 1 3 2 1 one-nul-record.jsonl
    expect_err "one-nul-record.jsonl:2: "
fi
if want_case jsonl-one-control-record; then
    run_case jsonl-one-control-record 1 3 2 1 one-control-record.jsonl
    expect_err "one-control-record.jsonl:2: "
fi
if want_case big-line; then
    run_case big-line 3 1 0 1 big-line.txt
    expect_err "dyad: big-line.txt: "
    expect_err "over the limit"
fi
if want_case big-line-jsonl; then
    run_case big-line-jsonl 1 2 1 1 big-line.jsonl
    expect_err_re '^dyad: big-line\.jsonl:1: article "big": '
    expect_err "over the limit"
    expect_articles 1 g2
fi
for c in parens parens-open quotes curly-quotes quotes-open long-word long-sentence \
         many-sentences bom-crlf; do
    want_case "$c" || continue
    run_case "$c" 0 1 1 0 "$c.txt"
done
if want_case deep-json; then
    run_case deep-json 1 2 1 1 deep.jsonl
    expect_err "deep.jsonl:1: "
fi
if want_case junk; then
    run_case junk 3 1 0 1 junk.txt
    expect_err "dyad: junk.txt:"
fi
if want_case junk-jsonl; then
    run_case junk-jsonl 3 - 0 - junk.jsonl
    expect_err "dyad: junk.jsonl:"
fi
if want_case junk-printable-jsonl; then
    run_case junk-printable-jsonl 3 - 0 - junk-printable.jsonl
    expect_err "dyad: junk-printable.jsonl:1: "
fi
if want_case junk-stdin; then
    case_stdin=junk.txt
    run_case junk-stdin 3 1 0 1 -
    expect_err "dyad: <stdin>:"
fi
if want_case unterminated; then
    run_case unterminated 1 4 2 2 unterminated.jsonl unterminated-last.jsonl unterminated.txt
    expect_err "unterminated.jsonl:1: "
    expect_err "unterminated-last.jsonl:2: "
fi
if want_case unterminated-xml; then
    # the records before the cut are coded; the cut is one failure naming its line
    run_case unterminated-xml 1 3 2 1 unterminated.xml
    expect_err "dyad: unterminated.xml:9: bad XML: "
    expect_err "the rest of the file was not read"
    expect_articles 2 x_
fi
if want_case deep-parse-xml; then
    # the deep tree fails its article at the depth limit; the others are coded
    run_case deep-parse-xml 1 3 2 1 deep-parse.xml
    expect_err "article \"d_2\""
    expect_err "deeper than"
    expect_articles 2 d_
fi
if want_case deep-parse-xml-nolimit; then
    # --max-parse-depth 0: no limit; the reader does not recurse, so all three are coded
    run_case deep-parse-xml-nolimit 0 3 3 0 --max-parse-depth 0 deep-parse.xml
fi
if want_case empty; then
    run_case empty 3 5 0 5 empty
    for f in empty.txt empty.jsonl blank.txt blank-lines.jsonl date-only.txt; do
        expect_err "dyad: empty/$f: "
    done
fi
if want_case dir; then
    # the readable files are coded, the unreadable ones are named
    run_case dir 1 - 2 - dir
    [ -e dir/unreadable.txt ] && expect_err "dyad: dir/unreadable.txt: "
    [ -e dir/noperm.txt ] && expect_err "dyad: dir/noperm.txt: "
    expect_articles 2 good
fi
if want_case dir-dangling-symlink; then
    # a .txt name in the directory that cannot be opened is a lost article
    run_case dir-dangling-symlink 1 - 2 - dir
    expect_err "dir/dangling.txt"
fi
if want_case dir-fifo && [ -p dir/fifo.txt ]; then
    run_case dir-fifo 1 - 2 - dir
    expect_err "dir/fifo.txt"
fi
if want_case unreadable-paths; then
    # the same files given as paths
    set -- dir/dangling.txt
    [ -e dir/unreadable.txt ] && set -- "$@" dir/unreadable.txt
    [ -e dir/noperm.txt ] && set -- "$@" dir/noperm.txt
    run_case unreadable-paths 3 $# 0 $# "$@"
    expect_err "dyad: dir/dangling.txt: "
fi
if want_case alternating; then
    run_case alternating 1 1000 500 500 alternating.jsonl
    # every bad line is named, by line or by article id; no good one is
    missing=$(awk '
        /^dyad: alternating.jsonl:[0-9]+: / { split($2, p, ":"); named[p[2]] = 1 }
        match($0, /article "bad-[0-9]+"/) { named[substr($0, RSTART + 13, RLENGTH - 14)] = 1 }
        /good-/ { print "good reported: " $0; exit }
        END { for (l = 2; l <= 1000; l += 2) if (!(l in named)) { print "line " l " not named"; exit } }
    ' "$W/out/$cur.err")
    [ -z "$missing" ] || bad="$bad; $missing"
    expect_articles 500 good-
fi
if want_case no-date; then
    run_case no-date 3 1 0 1 no-date.txt
    expect_err "dyad: no-date.txt: no date"
fi
if want_case credits-only; then
    run_case credits-only 3 1 0 1 credits-only.txt
    expect_err "dyad: credits-only.txt: "
fi
if want_case everything; then
    # all of it in one run: the counts still add up, nothing crashes
    run_case everything 1 - - - .
fi
finish

echo "RESULT hostile passed=$passed failed=$failed skipped=$skipped"
[ "$failed" -eq 0 ]
