#!/bin/sh
# fuzz/make_corpus.sh DIR — seed corpora for the fuzz targets, made from the
# project's own inputs (sample article, golden-test inputs, dictionaries) plus
# a few small hostile inputs. Each target gets DIR/<name>/; the first bytes of
# reader, dict and cli inputs select the format, dictionary kind or options
# (see the targets). The committed seed corpus fuzz/corpus/ was made with
#   sh fuzz/make_corpus.sh fuzz/corpus
# and then grew by the inputs libFuzzer found (fuzz/README.md).
set -eu
out=$1
rm -rf "$out"
mkdir -p "$out/reader" "$out/dict" "$out/code" "$out/cli"
i=0
for f in examples/*.txt tests/golden/cli/*/*.txt tests/golden/cli/*/stdin tests/golden/cli/*/in/*.txt; do
    [ -f "$f" ] || continue
    i=$((i + 1))
    (printf '\000'; cat "$f") > "$out/reader/txt-$i"
    cat "$f" > "$out/code/txt-$i"
done
for f in tests/golden/cli/*/*.jsonl tests/golden/cli/*/in/*.jsonl; do
    [ -f "$f" ] || continue
    i=$((i + 1))
    (printf '\001'; cat "$f") > "$out/reader/jsonl-$i"
done
k=0
for kind in actors agents verbs; do
    # split each dictionary into ~40-line pieces: small inputs fuzz better
    split -l 40 "data/$kind.txt" "$out/dict/$kind-piece-"
    for p in "$out/dict/$kind-piece-"*; do
        (printf "\\$(printf '%03o' $k)"; cat "$p") > "$p.in" && rm "$p"
    done
    k=$((k + 1))
done

# cli: byte 0 options, byte 1 max_pairs, byte 2 metadata length, metadata
# (id 0xFF outlet 0xFF url 0xFF date), then the text of the sample article.
ex=examples/2024-02-02-gaza-hostage-talks.txt
meta='id"\t1\377AP \\ "News"\377http://x/\n?a=1\377'
(printf '\007\014\000'; cat "$ex") > "$out/cli/explain-all"
(printf '\002\001\000'; cat "$ex") > "$out/cli/require-dyad-pairs-1"
(printf '\010\000\000'; cat "$ex") > "$out/cli/null-options"
mlen=$( (printf "$meta"; printf '2024-02-02') | wc -c)
(printf '\101\000'; printf "\\$(printf '%03o' "$mlen")"; printf "$meta"; printf '2024-02-02'
 cat "$ex") > "$out/cli/meta-escapes"
(printf '\200\014\012\377\377\3772024-02-30'; cat "$ex") > "$out/cli/bad-date"
(printf '\061\003\000'; cat "$ex") > "$out/cli/limit-none"
(printf '\060\003\000'; cat "$ex") > "$out/cli/limit-short"
(printf '\041\000\000'; head -c 600 "$ex") > "$out/cli/limit-exact"

# small hostile texts for the whole pipeline
h=$out/code/hostile
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "("; printf "Israel met Egypt"; for (i = 0; i < 2000; i++) printf ")"; print "" }' > "$h-parens"
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "\"Hamas said "; print "yes." }' > "$h-quotes"
awk 'BEGIN { for (i = 0; i < 500; i++) printf "\342\200\234Qatar said "; print "no." }' > "$h-curly-quotes"
printf 'Egypt met \300\257 Israel.\nIran \355\240\200 said \377.\n' > "$h-bad-utf8"
printf 'Israel\000met Egypt.\n' > "$h-nul"
printf 'AP Photo/Someone\nSomeone via AP\n' > "$h-credits"
awk 'BEGIN { for (i = 0; i < 300; i++) printf "Israel, Egypt, Qatar, Iran and the United States met Hamas. "; print "" }' > "$h-many-actors"
