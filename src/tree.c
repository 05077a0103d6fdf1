/*
 * tree.c — a Penn Treebank parse as one dyad sentence (see tree.h).
 */
#include "tree.h"

#include <stdio.h>
#include <string.h>

#include "ptb.h"
#include "token.h"

/* The Treebank's spellings of characters that differ from the text. */
static const char *text_form(const char *w) {
    if (!strcmp(w, "``") || !strcmp(w, "''")) return "\"";
    return w;
}

/* Find word w in text from *pos on (within a short window, so that a leaf the
 * text spells differently does not jump far ahead). Sets the span; when not
 * found the span is empty at *pos. */
static void locate(const char *text, size_t tlen, size_t *pos, const char *w, uint32_t *start,
                   uint32_t *len) {
    size_t n = strlen(w);
    size_t p = *pos;
    while (p < tlen && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r'))
        p++;
    size_t limit = p + 64 < tlen ? p + 64 : tlen;
    for (size_t q = p; n && q + n <= tlen && q <= limit; q++) {
        if (memcmp(text + q, w, n) == 0) {
            *start = (uint32_t)q;
            *len = (uint32_t)n;
            *pos = q + n;
            return;
        }
    }
    *start = (uint32_t)p;
    *len = 0;
}

int dyad_tree_sentence(dyad_arena *a, const char *text, size_t tlen, const char *parse,
                       size_t plen, unsigned max_depth, dyad_sentence *out, char *why,
                       size_t whylen) {
    memset(out, 0, sizeof *out);
    dyad_ptb_tree t;
    int rc = dyad_ptb_parse(a, parse, plen, max_depth ? (int)max_depth : 0, &t, why, whylen);
    if (rc != 0) return 1;
    if (t.nleaves <= 0) {
        snprintf(why, whylen, "the parse has no words");
        return 1;
    }
    dyad_token *toks = dyad_arena_calloc(a, (size_t)t.nleaves, sizeof *toks);
    if (!toks) return -1;
    size_t pos = 0;
    for (int i = 0; i < t.nleaves; i++) {
        const dyad_ptb_node *nd = &t.nodes[t.leaves[i]];
        dyad_token *k = &toks[i];
        const char *w = nd->word ? nd->word : "";
        uint32_t st, ln;
        locate(text, tlen, &pos, text_form(w), &st, &ln);
        k->start = st;
        k->len = ln;
        k->norm = w;
        size_t n = strlen(w);
        char *lower = dyad_arena_alloc(a, n + 1);
        if (!lower) return -1;
        for (size_t j = 0; j < n; j++)
            lower[j] = (w[j] >= 'A' && w[j] <= 'Z') ? (char)(w[j] + 32) : w[j];
        lower[n] = 0;
        k->lower = lower;
        k->shape = dyad_token_shape(w, n);
        k->tag = (uint8_t)dyad_tag_from_name(nd->label ? nd->label : "");
        k->flags = (uint16_t)((i == 0 ? TOKF_SENT_START : 0) | TOKF_SPACE_BEFORE);
    }
    out->toks = toks;
    out->ntok = (size_t)t.nleaves;
    out->start = 0;
    out->len = (uint32_t)tlen;
    out->index = 1;
    out->tagged = 1;
    return 0;
}
