/*
 * tree.h — a PETRARCH article's Penn Treebank parse as dyad's sentence
 * structure (text.h): the parse's leaves become the tokens (with spans found
 * in the article text), its preterminal labels their tags. dyad's lemmatizer,
 * actor matcher and shallow parser then work on it as on tagged raw text.
 */
#ifndef DYAD_TREE_H
#define DYAD_TREE_H
#include <stddef.h>

#include "arena.h"
#include "text.h"

/* Build one sentence from parse[0, plen) over text[0, tlen). Returns 0; -1 on
 * out of memory; 1 when the parse is malformed or deeper than max_depth
 * (0 = no cap), with the reason in why[0, whylen). */
int dyad_tree_sentence(dyad_arena *a, const char *text, size_t tlen, const char *parse,
                       size_t plen, unsigned max_depth, dyad_sentence *out, char *why,
                       size_t whylen);
#endif
