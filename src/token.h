/*
 * token.h — Penn-Treebank-style tokenizer over UTF-8 article text.
 * Rules and examples: docs/TOKENIZATION.md (executed by tests/unit/test_token.c).
 */
#ifndef DYAD_TOKEN_H
#define DYAD_TOKEN_H
#include <stddef.h>

#include "arena.h"
#include "text.h"

/* Extra token flags set by the tokenizer, kept out of the TOKF_* range that
 * text.h uses (bits 0..2). They record what the tokenizer decided about a
 * quote mark, which the norm alone cannot tell ("'" is both the closing
 * single quote and the possessive apostrophe). */
#define TOKF_QUOTE_OPEN  (1u << 12) /* token opens a quotation: `` ` */
#define TOKF_QUOTE_CLOSE (1u << 13) /* token closes a quotation: '' ' */

/** Tokenize text[start, end), appending tokens to the arena array *toks
 *  (*n used, *cap allocated; *toks may be NULL with *n == *cap == 0; the
 *  array is replaced by a larger arena copy when it fills, so do not keep
 *  pointers into it across calls). Spans are byte offsets into the
 *  original text; norm and lower are arena strings. Quote state starts
 *  closed at start and is reset at every line break. TOKF_IN_QUOTE is set
 *  on the opening quote mark, every token inside the quotation and the
 *  closing quote mark. Returns 0, or -1 on OOM or when end exceeds
 *  UINT32_MAX (spans are 32-bit). */
int dyad_tokenize(dyad_arena *a, const char *text, size_t start, size_t end,
                  dyad_token **toks, size_t *n, size_t *cap);

/** SHAPE_* of the word s[0, len). */
uint8_t dyad_token_shape(const char *s, size_t len);

/** Abbreviation class of a token norm that ends in an attached period:
 *  0 not an abbreviation token ("." , "...", "Israel"), 1 a title that
 *  precedes a name and never ends a sentence ("Mr.", "Dr.", "Gen."),
 *  2 any other abbreviation, initial or dotted acronym ("U.S.", "J.",
 *  "Inc.", "Jan.", "etc."). */
int dyad_abbrev_class(const char *norm);

#endif
