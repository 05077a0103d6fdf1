#!/bin/sh
# fuzz/make_corpus.sh DIR — seed corpora for the fuzz targets, made from the
# project's own inputs (sample article, golden-test inputs, dictionaries).
# Each target gets DIR/<name>/; the first byte of reader and dict inputs
# selects the format or dictionary kind (see the targets).
set -eu
out=$1
rm -rf "$out"
mkdir -p "$out/reader" "$out/dict" "$out/code"
i=0
for f in examples/*.txt tests/golden/cli/*/*.txt tests/golden/cli/*/stdin tests/golden/cli/*/in/*.txt; do
    [ -f "$f" ] || continue
    i=$((i + 1))
    (printf '\000'; cat "$f") > "$out/reader/txt-$i"
    cp "$f" "$out/code/txt-$i"
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
