/*
 * sentence.c — sentence splitter over tokens (see sentence.h). Linear:
 * each token is examined a bounded number of times.
 */
#include "sentence.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"

/* Capitalised words that begin a new sentence after an abbreviation
 * ("... from the U.S. The talks ..."). After "U.S." any other capitalised
 * word is taken as part of the same sentence ("U.S. State Department"). */
static const char *const k_starters[] = {
    "The", "A", "An", "This", "That", "These", "Those", "There", "Their", "Its", "It", "He",
    "She", "They", "We", "I", "You", "His", "Her", "Our", "My", "But", "And", "Yet", "So",
    "However", "Meanwhile", "Also", "In", "On", "At", "After", "Before", "While", "When",
    "Since", "Although", "Though", "If", "As", "Still", "Some", "Many", "Both", "Earlier",
    "Later", "According", "Such", "No", "Neither", "What", "Why", "How", "Where", "Who",
    "Instead", "Despite", "Separately", "Officials", "Asked", "For", "Last", "Next", "Now",
    "Then", "Today", "Yesterday", NULL};

/* Reporting verbs: “Stop!” Miller said. stays one sentence. */
static const char *const k_report[] = {
    "said", "says", "say", "added", "adds", "asked", "asks", "told", "tells", "replied",
    "wrote", "writes", "insisted", "continued", "explained", "shouted", "declared", "warned",
    "stated", "noted", "stressed", NULL};

static int in_list(const char *const *list, const char *s) {
    for (size_t k = 0; list[k]; k++)
        if (!strcmp(list[k], s)) return 1;
    return 0;
}

static int cmp_region(const void *x, const void *y) {
    const dyad_region *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start ? 1 : 0;
}

/* Is there a line break in text[a, b)? */
static int has_newline(const char *t, size_t a, size_t b) {
    for (size_t p = a; p < b; p++) {
        unsigned char c = (unsigned char)t[p];
        if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) return 1;
        /* U+2028 / U+2029: E2 80 A8 / A9; U+0085: C2 85 */
        if (c == 0xE2 && p + 2 < b && (unsigned char)t[p + 1] == 0x80 &&
            ((unsigned char)t[p + 2] == 0xA8 || (unsigned char)t[p + 2] == 0xA9))
            return 1;
        if (c == 0xC2 && p + 1 < b && (unsigned char)t[p + 1] == 0x85) return 1;
    }
    return 0;
}

static int is_final(const dyad_token *t) {
    const char *n = t->norm;
    return !strcmp(n, ".") || !strcmp(n, "!") || !strcmp(n, "?") || !strcmp(n, "...");
}

static int is_closer(const dyad_token *t) {
    return (t->flags & TOKF_QUOTE_CLOSE) || !strcmp(t->norm, ")") || !strcmp(t->norm, "]") ||
           !strcmp(t->norm, "}");
}

static int is_capitalised(const dyad_token *t) {
    return t->shape == SHAPE_CAP || t->shape == SHAPE_ALLCAP;
}

typedef struct splitter {
    const char *text;
    dyad_token *toks;
    size_t ntok;
    const uint8_t *brk; /* brk[k]: a paragraph or stretch break precedes token k */
} splitter;

static int break_after(const splitter *s, size_t k) { return k + 1 >= s->ntok || s->brk[k + 1]; }

/* Sentence end at or after token k? Returns the index of the last token
 * of the sentence, or SIZE_MAX when token k ends no sentence. */
static size_t sentence_end_at(const splitter *s, size_t k) {
    const dyad_token *t = &s->toks[k];
    if (break_after(s, k)) return k;
    int abbr = dyad_abbrev_class(t->norm);
    if (!is_final(t) && !abbr) return SIZE_MAX;
    if (abbr == 1) return SIZE_MAX; /* Mr. Dr. Gen.: a name follows */
    size_t m = k;
    /* a run of final punctuation: "?!", ". . ." */
    while (!break_after(s, m) && is_final(&s->toks[m + 1])) m++;
    int closed = 0;
    while (!break_after(s, m) && is_closer(&s->toks[m + 1])) {
        m++;
        closed = 1;
    }
    if (break_after(s, m)) return m;
    const dyad_token *nx = &s->toks[m + 1];
    const dyad_token *nx2 = m + 2 < s->ntok && !s->brk[m + 2] ? &s->toks[m + 2] : NULL;
    int nx_open = (nx->flags & TOKF_QUOTE_OPEN) != 0;
    if (abbr == 2 && !is_final(&s->toks[m])) {
        /* U.S. / J. / Inc. — the period may also end the sentence */
        if (nx_open || in_list(k_starters, nx->norm)) return m;
        if (closed && is_capitalised(nx)) return m;
        return SIZE_MAX;
    }
    if (!strcmp(t->norm, "...")) {
        /* an ellipsis ends a sentence only before a capitalised word */
        const dyad_token *w = nx_open && nx2 ? nx2 : nx;
        return is_capitalised(w) ? m : SIZE_MAX;
    }
    /* . ! ? — not before a lower-case word or mid-sentence punctuation */
    if (nx->shape == SHAPE_LOWER) return SIZE_MAX;
    if (!strcmp(nx->norm, ",") || !strcmp(nx->norm, ";") || !strcmp(nx->norm, ":")) return SIZE_MAX;
    /* “Stop!” Miller said. */
    if (closed && is_capitalised(nx) && nx2 && in_list(k_report, nx2->lower)) return SIZE_MAX;
    return m;
}

int dyad_split_sentences(dyad_arena *a, const char *text, size_t len,
                         const dyad_region *skip, size_t nskip,
                         dyad_sentence **out, size_t *n) {
    *out = NULL;
    *n = 0;
    if (len > UINT32_MAX) return -1;
    /* regions: sorted copy */
    dyad_region *rg = NULL;
    if (nskip) {
        rg = dyad_arena_calloc(a, nskip, sizeof *rg);
        if (!rg) return -1;
        memcpy(rg, skip, nskip * sizeof *rg);
        qsort(rg, nskip, sizeof *rg, cmp_region);
    }
    /* tokenize each news stretch; remember where stretches begin */
    dyad_token *toks = NULL;
    size_t ntok = 0, cap = 0;
    size_t *stretch_first = dyad_arena_calloc(a, nskip + 1, sizeof *stretch_first);
    if (!stretch_first) return -1;
    size_t nstretch = 0, cur = 0;
    for (size_t r = 0; r <= nskip; r++) {
        size_t stop = len;
        size_t next = len;
        if (r < nskip) {
            stop = rg[r].start < len ? rg[r].start : len;
            size_t e = (size_t)rg[r].start + rg[r].len;
            next = e < len ? e : len;
        }
        if (stop > cur) {
            size_t before = ntok;
            if (dyad_tokenize(a, text, cur, stop, &toks, &ntok, &cap)) return -1;
            if (ntok > before) stretch_first[nstretch++] = before;
        }
        if (next > cur) cur = next;
    }
    if (ntok == 0) return 0;
    /* breaks: stretch starts and line breaks between tokens */
    uint8_t *brk = dyad_arena_alloc(a, ntok);
    if (!brk) return -1;
    for (size_t k = 0; k < nstretch; k++) brk[stretch_first[k]] = 1;
    for (size_t k = 1; k < ntok; k++)
        if (!brk[k] && has_newline(text, (size_t)toks[k - 1].start + toks[k - 1].len, toks[k].start))
            brk[k] = 1;
    brk[0] = 1;

    splitter s = {text, toks, ntok, brk};
    dyad_sentence *sv = NULL;
    size_t ns = 0, scap = 0;
    size_t first = 0;
    int depth = 0; /* open quotations, reset at paragraph breaks */
    for (size_t k = 0; k < ntok; k++) {
        if (brk[k]) depth = 0;
        if (toks[k].flags & TOKF_QUOTE_OPEN) depth++;
        if ((toks[k].flags & TOKF_QUOTE_CLOSE) && depth > 0) depth--;
        size_t end = sentence_end_at(&s, k);
        if (end == SIZE_MAX) continue;
        for (size_t j = k + 1; j <= end; j++) { /* closers swallowed into this sentence */
            if (toks[j].flags & TOKF_QUOTE_OPEN) depth++;
            if ((toks[j].flags & TOKF_QUOTE_CLOSE) && depth > 0) depth--;
        }
        if (ns == scap) {
            size_t nc = scap ? scap * 2 : 16;
            dyad_sentence *nv = dyad_arena_grow(a, sv, ns, nc, sizeof *nv);
            if (!nv) return -1;
            sv = nv;
            scap = nc;
        }
        dyad_sentence *se = &sv[ns++];
        se->start = toks[first].start;
        se->len = toks[end].start + toks[end].len - toks[first].start;
        se->toks = toks + first;
        se->ntok = end - first + 1;
        se->index = (int)ns;
        se->quote_cont = depth > 0 && end + 1 < ntok;
        toks[first].flags |= TOKF_SENT_START;
        first = end + 1;
        k = end;
    }
    *out = sv;
    *n = ns;
    return 0;
}
