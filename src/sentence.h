/*
 * sentence.h — split the news part of an article into sentences.
 * Rules: docs/TOKENIZATION.md ("Sentence boundaries").
 */
#ifndef DYAD_SENTENCE_H
#define DYAD_SENTENCE_H
#include <stddef.h>

#include "arena.h"
#include "text.h"

/** Split text[0, len) outside the skip regions (any order; overlaps and
 *  spans past len are tolerated) into sentences. Each news stretch
 *  between regions is tokenized with dyad_tokenize; all tokens live in
 *  one arena array that the sentences point into (toks/ntok). Sentences
 *  get start/len (first token start to last token end), index (1-based),
 *  quote_cont, and TOKF_SENT_START on their first token. *out is NULL
 *  when *n == 0. Returns 0, or -1 on OOM or when len exceeds UINT32_MAX. */
int dyad_split_sentences(dyad_arena *a, const char *text, size_t len,
                         const dyad_region *skip, size_t nskip,
                         dyad_sentence **out, size_t *n);

#endif
