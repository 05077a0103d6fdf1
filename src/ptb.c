/*
 * ptb.c — Penn Treebank bracketed-parse reader (see ptb.h).
 *
 * Two passes over the bytes: the first counts '(' (the most nodes there can
 * be), so the node and leaf arrays are allocated once; the second builds the
 * tree with the current node and its parent links as the only stack. The
 * wrappers removed at the end are always the first nodes in pre-order, so
 * they are dropped by moving the array start and renumbering.
 */
#include "ptb.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many bytes of a word an error message quotes. */
#define QUOTE_MAX 40

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int upper_ascii(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static int eq_nocase(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    if (n != len)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (upper_ascii((unsigned char)s[i]) != lit[i])
            return 0;
    return 1;
}

static void seterr(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static const struct {
    const char *escaped, *plain;
} bracket_words[] = {
    {"-LRB-", "("}, {"-RRB-", ")"}, {"-LCB-", "{"},
    {"-RCB-", "}"}, {"-LSB-", "["}, {"-RSB-", "]"},
};
#define N_BRACKET_WORDS (sizeof bracket_words / sizeof bracket_words[0])

/* The plain form of a bracket word, or NULL. */
static const char *unescape_word(const char *s, size_t len)
{
    for (size_t i = 0; i < N_BRACKET_WORDS; i++)
        if (eq_nocase(s, len, bracket_words[i].escaped))
            return bracket_words[i].plain;
    return NULL;
}

/* The escaped form of a one-character bracket word, or the word itself. */
static const char *escape_word(const char *w)
{
    if (w[0] && !w[1])
        for (size_t i = 0; i < N_BRACKET_WORDS; i++)
            if (w[0] == bracket_words[i].plain[0])
                return bracket_words[i].escaped;
    return w;
}

static int quote_len(size_t n)
{
    return (int)(n < QUOTE_MAX ? n : QUOTE_MAX);
}

/* Drop the wrappers before node r: nodes r..n-1 are r's whole subtree. */
static void drop_prefix(dyad_ptb_tree *t, int r)
{
    if (r == 0)
        return;
    t->nodes += r;
    t->nnodes -= r;
    for (int i = 0; i < t->nnodes; i++) {
        dyad_ptb_node *nd = &t->nodes[i];
        nd->parent = i == 0 ? -1 : nd->parent - r;
        if (nd->first_child >= 0)
            nd->first_child -= r;
        if (nd->next_sibling >= 0)
            nd->next_sibling -= r;
    }
    t->nodes[0].next_sibling = -1;
    for (int i = 0; i < t->nleaves; i++)
        t->leaves[i] -= r;
}

int dyad_ptb_parse(dyad_arena *a, const char *s, size_t len, int max_depth, dyad_ptb_tree *out,
                   char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->root = -1;
    if (err && errlen)
        err[0] = '\0';

    /* pass 1: count the nodes */
    size_t opens = 0, first_text = len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\0') {
            seterr(err, errlen, "NUL byte in the parse at byte %zu", i);
            return -1;
        }
        if (c == '(')
            opens++;
        else if (first_text == len && !is_space(c))
            first_text = i;
    }
    if (opens == 0) {
        if (first_text == len)
            seterr(err, errlen, "empty parse");
        else if (s[first_text] == ')')
            seterr(err, errlen, "unbalanced parse: extra ')' at byte %zu", first_text);
        else
            seterr(err, errlen, "parse has no '(': text outside the brackets at byte %zu",
                   first_text);
        return -1;
    }
    if (opens >= (size_t)INT_MAX) {
        seterr(err, errlen, "parse has too many nodes (%zu)", opens);
        return -1;
    }

    dyad_ptb_node *nodes = dyad_arena_calloc(a, opens, sizeof *nodes);
    int *leaves = dyad_arena_calloc(a, opens, sizeof *leaves);
    int *last = malloc(opens * sizeof *last); /* last child of each node so far */
    if (!nodes || !leaves || !last) {
        free(last);
        seterr(err, errlen, "out of memory");
        return -1;
    }

    /* pass 2: build */
    int n = 0, nleaves = 0, cur = -1, depth = 0, need_label = 0, done = 0;
    size_t i = 0, closed_at = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c)) {
            i++;
            continue;
        }
        if (c == '(') {
            if (done) {
                seterr(err, errlen,
                       "unbalanced parse: the tree closes at byte %zu but '(' follows at byte %zu",
                       closed_at, i);
                goto fail;
            }
            if (cur >= 0 && need_label) {
                /* "( (": the current node has no label */
                if (nodes[cur].parent >= 0) {
                    seterr(err, errlen, "node without a label at byte %zu",
                           nodes[cur].offset);
                    goto fail;
                }
                nodes[cur].label = "";
                need_label = 0;
            }
            if (cur >= 0 && nodes[cur].word) {
                seterr(err, errlen, "'(' at byte %zu after the word of (%s %.*s)", i,
                       nodes[cur].label, quote_len(strlen(nodes[cur].word)), nodes[cur].word);
                goto fail;
            }
            depth++;
            if (max_depth > 0 && depth > max_depth) {
                seterr(err, errlen, "parse tree deeper than %d levels (limit) at byte %zu",
                       max_depth, i);
                goto fail;
            }
            int k = n++;
            dyad_ptb_node *nd = &nodes[k];
            nd->label = NULL;
            nd->word = NULL;
            nd->parent = cur;
            nd->first_child = -1;
            nd->next_sibling = -1;
            nd->leaf = -1;
            nd->offset = i;
            last[k] = -1;
            if (cur >= 0) {
                if (last[cur] < 0)
                    nodes[cur].first_child = k;
                else
                    nodes[last[cur]].next_sibling = k;
                last[cur] = k;
            }
            cur = k;
            need_label = 1;
            i++;
            continue;
        }
        if (c == ')') {
            if (cur < 0) {
                seterr(err, errlen, "unbalanced parse: extra ')' at byte %zu", i);
                goto fail;
            }
            if (need_label) {
                seterr(err, errlen, "empty brackets \"()\" at byte %zu", nodes[cur].offset);
                goto fail;
            }
            if (!nodes[cur].word && nodes[cur].first_child < 0) {
                seterr(err, errlen, "node (%s) at byte %zu has no word and no children",
                       nodes[cur].label, nodes[cur].offset);
                goto fail;
            }
            cur = nodes[cur].parent;
            depth--;
            if (cur < 0) {
                done = 1;
                closed_at = i;
            }
            i++;
            continue;
        }
        /* an atom: a label or a word */
        size_t start = i;
        while (i < len && !is_space((unsigned char)s[i]) && s[i] != '(' && s[i] != ')')
            i++;
        size_t wlen = i - start;
        const char *w = s + start;
        if (cur < 0 && done) {
            seterr(err, errlen,
                   "unbalanced parse: the tree closes at byte %zu but \"%.*s\" follows at byte %zu",
                   closed_at, quote_len(wlen), w, start);
            goto fail;
        }
        if (cur < 0) {
            seterr(err, errlen, "text \"%.*s\" outside the brackets at byte %zu",
                   quote_len(wlen), w, start);
            goto fail;
        }
        dyad_ptb_node *nd = &nodes[cur];
        if (need_label) {
            nd->label = dyad_arena_strndup(a, w, wlen);
            if (!nd->label) {
                seterr(err, errlen, "out of memory");
                goto fail;
            }
            need_label = 0;
            continue;
        }
        if (nd->label[0] == '\0') {
            seterr(err, errlen, "word \"%.*s\" at byte %zu has no tag", quote_len(wlen), w,
                   start);
            goto fail;
        }
        if (nd->first_child >= 0) {
            seterr(err, errlen, "word \"%.*s\" at byte %zu beside the child nodes of (%s ...)",
                   quote_len(wlen), w, start, nd->label);
            goto fail;
        }
        if (nd->word) {
            seterr(err, errlen, "second word \"%.*s\" at byte %zu in (%s %.*s ...)",
                   quote_len(wlen), w, start, nd->label, quote_len(strlen(nd->word)), nd->word);
            goto fail;
        }
        const char *plain = unescape_word(w, wlen);
        nd->word = plain ? plain : dyad_arena_strndup(a, w, wlen);
        if (!nd->word) {
            seterr(err, errlen, "out of memory");
            goto fail;
        }
        nd->leaf = nleaves;
        leaves[nleaves++] = cur;
    }
    if (cur >= 0) {
        seterr(err, errlen, "unbalanced parse: ')' missing at end (depth %d, byte %zu)", depth,
               len);
        goto fail;
    }
    free(last);
    last = NULL;

    /* remove (ROOT x) and ( x ) wrappers around a single tree */
    int r = 0;
    while (!nodes[r].word && nodes[r].first_child >= 0 &&
           nodes[nodes[r].first_child].next_sibling < 0 &&
           (nodes[r].label[0] == '\0' ||
            eq_nocase(nodes[r].label, strlen(nodes[r].label), "ROOT")))
        r = nodes[r].first_child;
    if (nodes[r].label[0] == '\0') {
        int kids = 0;
        for (int k = nodes[r].first_child; k >= 0; k = nodes[k].next_sibling)
            kids++;
        seterr(err, errlen, "unlabelled outer brackets at byte %zu hold %d trees",
               nodes[r].offset, kids);
        return -1;
    }
    out->nodes = nodes;
    out->nnodes = n;
    out->root = 0;
    out->leaves = leaves;
    out->nleaves = nleaves;
    drop_prefix(out, r);
    return 0;

fail:
    free(last);
    memset(out, 0, sizeof *out);
    out->root = -1;
    return -1;
}

/* One walk for both the size (buf NULL) and the writing of the tree. */
static size_t put(char *buf, size_t at, const char *s)
{
    size_t n = strlen(s);
    if (buf)
        memcpy(buf + at, s, n);
    return at + n;
}

static size_t format_walk(const dyad_ptb_tree *t, char *buf)
{
    const dyad_ptb_node *nd = t->nodes;
    size_t at = 0;
    int i = t->root;
    for (;;) {
        /* open node i */
        if (i != t->root)
            at = put(buf, at, " ");
        at = put(buf, at, "(");
        at = put(buf, at, nd[i].label);
        if (nd[i].word) {
            at = put(buf, at, " ");
            at = put(buf, at, escape_word(nd[i].word));
            at = put(buf, at, ")");
        } else if (nd[i].first_child >= 0) {
            i = nd[i].first_child;
            continue;
        } else {
            at = put(buf, at, ")");
        }
        /* node i is closed: go to its next sibling, closing ancestors */
        for (;;) {
            if (i == t->root)
                return at;
            if (nd[i].next_sibling >= 0) {
                i = nd[i].next_sibling;
                break;
            }
            i = nd[i].parent;
            at = put(buf, at, ")");
        }
    }
}

char *dyad_ptb_format(dyad_arena *a, const dyad_ptb_tree *t)
{
    if (!t || t->nnodes <= 0 || t->root < 0)
        return NULL;
    size_t n = format_walk(t, NULL);
    char *buf = dyad_arena_alloc(a, n + 1);
    if (!buf)
        return NULL;
    format_walk(t, buf);
    buf[n] = '\0';
    return buf;
}

char *dyad_ptb_leaf_text(dyad_arena *a, const dyad_ptb_tree *t)
{
    size_t n = 0;
    for (int i = 0; i < t->nleaves; i++)
        n += strlen(t->nodes[t->leaves[i]].word) + 1;
    char *buf = dyad_arena_alloc(a, n + 1);
    if (!buf)
        return NULL;
    size_t at = 0;
    for (int i = 0; i < t->nleaves; i++) {
        if (i)
            buf[at++] = ' ';
        at = put(buf, at, t->nodes[t->leaves[i]].word);
    }
    buf[at] = '\0';
    return buf;
}
