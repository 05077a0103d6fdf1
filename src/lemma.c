/*
 * lemma.c — WordNet morphy-style lemmatizer (see lemma.h).
 *
 * Load: the eight WordNet files are read, their keys (the lemma column of
 * index.*, the inflected form and chosen base of *.exc) are copied into one
 * string pool, and two kinds of open-addressing FNV-1a hash maps are built
 * over the pool: lemma -> bit set of parts of speech (from index.*), and
 * one inflected form -> base map per part of speech (from *.exc; when an
 * exception lists several bases, the first one that is itself an index
 * lemma of that part of speech is kept).
 *
 * Lookup for an inflected tag (NNS, VBD, VBG, VBN, VBZ, JJR, JJS): the
 * exception list, then WordNet's detachment rules in WordNet's order, the
 * first candidate that is an index lemma winning, then two extra rules
 * WordNet leaves to its exception lists (-ied -> -y, doubled final
 * consonant: "planned" -> "plan"), then the word itself if it is a lemma;
 * a plural noun WordNet does not know loses its -s/-es/-ies by rule. For a
 * base tag (NN, VB, VBP, JJ) the word itself wins if it is a lemma, then
 * the exception list ("are" -> "be"), then the rules.
 */
#include "lemma.h"
#include "fileio.h"
#include "smap.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { POS_NOUN, POS_VERB, POS_ADJ, POS_ADV, POS_COUNT };
static const char *const pos_names[POS_COUNT] = {"noun", "verb", "adj", "adv"};

#define MAX_WORD 96 /* longer words are returned unchanged */

/* ------------------------------------------------------------ errors */

static void set_err(char *errbuf, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_err(char *errbuf, size_t errlen, const char *fmt, ...) {
    if (!errbuf || errlen == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errbuf, errlen, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------ model */

struct dyad_lemmatizer {
    char *pool;               /* all keys and bases, NUL-terminated */
    smap index;               /* lemma -> bit set of POS_* */
    smap exc[POS_COUNT];      /* inflected form -> const char *base (in pool) */
};

/* One line's fields: for index.* just the lemma; for *.exc the form and
   the rest of the line (bases separated by blanks). */
typedef struct {
    const char *key, *rest;
    uint32_t klen, rlen;
    uint8_t pos, exc;
} rec;

typedef struct {
    rec *v;
    size_t n, cap;
} recs;

static int is_sp(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Split buf into records. Returns 0 or -1 with errbuf set. */
static int parse_file(const char *path, const char *buf, size_t len, int pos, int exc, recs *r,
                      size_t *bytes, char *errbuf, size_t errlen) {
    const char *p = buf, *end = buf + len;
    size_t lineno = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lineno++;
        const char *q = p;
        p = nl ? nl + 1 : end;
        if (q == le || (le - q == 1 && *q == '\r')) continue; /* blank */
        if (!exc && *q == ' ') continue;                          /* license header */
        const char *k = q;
        while (q < le && !is_sp(*q)) q++;
        size_t klen = (size_t)(q - k);
        while (q < le && is_sp(*q)) q++;
        const char *rest = q;
        const char *rend = le;
        while (rend > rest && is_sp(rend[-1])) rend--;
        if (klen == 0 || rend == rest) {
            set_err(errbuf, errlen, "%s:%zu: expected at least two fields", path, lineno);
            return -1;
        }
        if (klen > UINT32_MAX || (size_t)(rend - rest) > UINT32_MAX) {
            set_err(errbuf, errlen, "%s:%zu: line too long", path, lineno);
            return -1;
        }
        if (r->n == r->cap) {
            size_t nc = r->cap ? r->cap * 2 : 65536;
            rec *nv = realloc(r->v, nc * sizeof *nv);
            if (!nv) {
                set_err(errbuf, errlen, "%s: out of memory", path);
                return -1;
            }
            r->v = nv;
            r->cap = nc;
        }
        rec *e = &r->v[r->n++];
        e->key = k;
        e->klen = (uint32_t)klen;
        e->rest = rest;
        e->rlen = exc ? (uint32_t)(rend - rest) : 0;
        e->pos = (uint8_t)pos;
        e->exc = (uint8_t)exc;
        *bytes += klen + 1 + (exc ? (size_t)(rend - rest) + 1 : 0);
    }
    return 0;
}

void dyad_lemma_free(dyad_lemmatizer *l) {
    if (!l) return;
    free(l->index.slots);
    for (int p = 0; p < POS_COUNT; p++) free(l->exc[p].slots);
    free(l->pool);
    free(l);
}

static int in_index(const dyad_lemmatizer *l, const char *w, size_t n, int pos) {
    const smap_slot *s = smap_get(&l->index, w, n);
    return s && (s->val & (1u << pos));
}

dyad_lemmatizer *dyad_lemma_load(const char *dir, char *errbuf, size_t errlen) {
    if (errbuf && errlen) errbuf[0] = '\0';
    if (!dir) dir = DYAD_WORDNET_DEFAULT_DIR;
    dyad_lemmatizer *l = calloc(1, sizeof *l);
    char *bufs[2 * POS_COUNT] = {0};
    recs r = {0};
    size_t bytes = 0;
    if (!l) {
        set_err(errbuf, errlen, "lemmatizer: out of memory");
        return NULL;
    }
    for (int f = 0; f < 2 * POS_COUNT; f++) {
        int pos = f % POS_COUNT, exc = f >= POS_COUNT;
        char path[4096];
        int pn = exc ? snprintf(path, sizeof path, "%s/%s.exc", dir, pos_names[pos])
                     : snprintf(path, sizeof path, "%s/index.%s", dir, pos_names[pos]);
        if (pn < 0 || (size_t)pn >= sizeof path) {
            set_err(errbuf, errlen, "%s: path too long", dir);
            goto fail;
        }
        size_t len;
        bufs[f] = dyad_read_file(path, &len, errbuf, errlen);
        if (!bufs[f]) goto fail;
        if (parse_file(path, bufs[f], len, pos, exc, &r, &bytes, errbuf, errlen) < 0) goto fail;
    }

    /* Copy keys into the pool; build the index map first so exceptions
       can pick a base that is a lemma. */
    l->pool = malloc(bytes ? bytes : 1);
    size_t nidx = 0, nexc[POS_COUNT] = {0};
    for (size_t i = 0; i < r.n; i++) {
        if (r.v[i].exc) nexc[r.v[i].pos]++;
        else nidx++;
    }
    if (!l->pool || smap_init(&l->index, nidx) < 0) goto oom;
    for (int p = 0; p < POS_COUNT; p++)
        if (smap_init(&l->exc[p], nexc[p]) < 0) goto oom;
    char *w = l->pool;
    for (size_t i = 0; i < r.n; i++) {
        rec *e = &r.v[i];
        memcpy(w, e->key, e->klen);
        w[e->klen] = '\0';
        e->key = w; /* now points into the pool */
        w += e->klen + 1;
        if (e->exc) continue;
        int found;
        smap_slot *s = smap_put(&l->index, e->key, e->klen, &found);
        if (!s) goto oom;
        s->val |= 1u << e->pos;
    }
    for (size_t i = 0; i < r.n; i++) {
        rec *e = &r.v[i];
        if (!e->exc) continue;
        /* Choose the base: the first listed that is a lemma of this POS. */
        const char *best = NULL;
        size_t bestn = 0;
        const char *p = e->rest, *end = e->rest + e->rlen;
        while (p < end) {
            const char *b = p;
            while (p < end && !is_sp(*p)) p++;
            size_t bn = (size_t)(p - b);
            if (bn && !best) {
                best = b;
                bestn = bn;
            }
            if (bn && in_index(l, b, bn, e->pos)) {
                best = b;
                bestn = bn;
                break;
            }
            while (p < end && is_sp(*p)) p++;
        }
        memcpy(w, best, bestn);
        w[bestn] = '\0';
        int found;
        smap_slot *s = smap_put(&l->exc[e->pos], e->key, e->klen, &found);
        if (!s) goto oom;
        if (!found) s->val = (uintptr_t)w; /* first entry for a form wins */
        w += bestn + 1;
    }
    for (int f = 0; f < 2 * POS_COUNT; f++) free(bufs[f]);
    free(r.v);
    return l;
oom:
    set_err(errbuf, errlen, "%s: out of memory", dir);
fail:
    for (int f = 0; f < 2 * POS_COUNT; f++) free(bufs[f]);
    free(r.v);
    dyad_lemma_free(l);
    return NULL;
}

/* ------------------------------------------------------------ lookup */

static const char *exc_get(const dyad_lemmatizer *l, const char *w, size_t n, int pos) {
    const smap_slot *s = smap_get(&l->exc[pos], w, n);
    return s ? (const char *)s->val : NULL;
}

/* The index's own copy of a lemma (NUL-terminated, in the pool). */
static const char *index_key(const dyad_lemmatizer *l, const char *w, size_t n, int pos) {
    const smap_slot *s = smap_get(&l->index, w, n);
    return s && (s->val & (1u << pos)) ? s->key : NULL;
}

/* WordNet's detachment rules (morphy), in WordNet's order. */
static const struct {
    uint8_t pos;
    const char *suf, *rep;
} rules[] = {
    {POS_NOUN, "s", ""},    {POS_NOUN, "ses", "s"}, {POS_NOUN, "xes", "x"},
    {POS_NOUN, "zes", "z"}, {POS_NOUN, "ches", "ch"}, {POS_NOUN, "shes", "sh"},
    {POS_NOUN, "men", "man"}, {POS_NOUN, "ies", "y"},
    {POS_VERB, "s", ""},    {POS_VERB, "ies", "y"}, {POS_VERB, "es", "e"},
    {POS_VERB, "es", ""},   {POS_VERB, "ed", "e"},  {POS_VERB, "ed", ""},
    {POS_VERB, "ing", "e"}, {POS_VERB, "ing", ""},
    {POS_ADJ, "er", ""},    {POS_ADJ, "est", ""},   {POS_ADJ, "er", "e"},
    {POS_ADJ, "est", "e"},
    /* Not in WordNet's table (its exception lists cover the common words). */
    {POS_VERB, "ied", "y"},
};

static int ends_with(const char *w, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n > k && memcmp(w + n - k, suf, k) == 0;
}

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static const char *apply_rules(const dyad_lemmatizer *l, const char *w, size_t n, int pos) {
    char buf[MAX_WORD + 8];
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        if (rules[i].pos != pos || !ends_with(w, n, rules[i].suf)) continue;
        size_t k = strlen(rules[i].suf), rl = strlen(rules[i].rep);
        size_t stem = n - k;
        memcpy(buf, w, stem);
        memcpy(buf + stem, rules[i].rep, rl);
        const char *hit = index_key(l, buf, stem + rl, pos);
        if (hit) return hit;
    }
    /* Doubled final consonant before -ed/-ing/-er/-est: planned, bigger. */
    static const char *const dbl[] = {"ed", "ing", "er", "est"};
    for (size_t i = 0; i < sizeof dbl / sizeof dbl[0]; i++) {
        if (!ends_with(w, n, dbl[i])) continue;
        if (pos == POS_VERB && i >= 2) continue;
        if (pos == POS_ADJ && i < 2) continue;
        size_t stem = n - strlen(dbl[i]);
        if (stem >= 3 && w[stem - 1] == w[stem - 2] && !is_vowel(w[stem - 1])) {
            const char *hit = index_key(l, w, stem - 1, pos);
            if (hit) return hit;
        }
    }
    return NULL;
}

/* Plural of a noun WordNet does not know: detach by rule alone. */
static const char *guess_singular(dyad_arena *a, const char *w, size_t n, int *oom) {
    size_t cut = 0;
    const char *add = "";
    if (n > 4 && ends_with(w, n, "ies")) {
        cut = 3;
        add = "y";
    } else if (n > 4 && (ends_with(w, n, "ches") || ends_with(w, n, "shes") ||
                         ends_with(w, n, "sses") || ends_with(w, n, "xes") || ends_with(w, n, "zes"))) {
        cut = 2;
    } else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i' &&
               w[n - 2] != '\'') {
        cut = 1;
    } else {
        return NULL;
    }
    char *s = dyad_arena_printf(a, "%.*s%s", (int)(n - cut), w, add);
    if (!s) *oom = 1;
    return s;
}

static const char *morphy(const dyad_lemmatizer *l, const char *w, size_t n, int pos, int inflected) {
    const char *e;
    if (!inflected) {
        const char *self = index_key(l, w, n, pos);
        if (self) return self;
        if ((e = exc_get(l, w, n, pos))) return e;
        return apply_rules(l, w, n, pos);
    }
    if ((e = exc_get(l, w, n, pos))) return e;
    if ((e = apply_rules(l, w, n, pos))) return e;
    return index_key(l, w, n, pos);
}

const char *dyad_lemma(const dyad_lemmatizer *l, dyad_arena *a, const char *lower, int tag) {
    if (!lower) return "";
    size_t n = strlen(lower);
    if (!l || n == 0 || n > MAX_WORD) return lower;
    const char *r = NULL;
    int oom = 0;

    /* Contractions the tokenizer splits off (Treebank style). */
    if (lower[0] == '\'' || strcmp(lower, "n't") == 0 || strcmp(lower, "wo") == 0 ||
        strcmp(lower, "ca") == 0) {
        static const struct {
            const char *w;
            int tag; /* TAG_NONE: any */
            const char *lemma;
        } con[] = {
            {"n't", TAG_NONE, "not"}, {"'ll", TAG_MD, "will"}, {"wo", TAG_MD, "will"},
            {"ca", TAG_MD, "can"},    {"'d", TAG_MD, "would"}, {"'d", TAG_VBD, "have"},
            {"'s", TAG_VBZ, "be"},    {"'re", TAG_VBP, "be"},  {"'m", TAG_VBP, "be"},
            {"'ve", TAG_VBP, "have"}, {"'ve", TAG_VB, "have"},
        };
        for (size_t i = 0; i < sizeof con / sizeof con[0]; i++)
            if (strcmp(lower, con[i].w) == 0 && (con[i].tag == TAG_NONE || con[i].tag == tag))
                return con[i].lemma;
    }

    switch (tag) {
    case TAG_NN: r = morphy(l, lower, n, POS_NOUN, 0); break;
    case TAG_NNS:
        r = morphy(l, lower, n, POS_NOUN, 1);
        if (!r) r = guess_singular(a, lower, n, &oom);
        break;
    case TAG_NNPS:
        if (!in_index(l, lower, n, POS_NOUN)) r = apply_rules(l, lower, n, POS_NOUN);
        break;
    case TAG_VB:
    case TAG_VBP: r = morphy(l, lower, n, POS_VERB, 0); break;
    case TAG_VBD:
    case TAG_VBG:
    case TAG_VBN:
    case TAG_VBZ: r = morphy(l, lower, n, POS_VERB, 1); break;
    case TAG_JJ: r = morphy(l, lower, n, POS_ADJ, 0); break;
    case TAG_JJR:
    case TAG_JJS: r = morphy(l, lower, n, POS_ADJ, 1); break;
    case TAG_RBR:
    case TAG_RBS: r = exc_get(l, lower, n, POS_ADV); break;
    default: break;
    }
    /* hyphenated verbs inflect their last part: "test-fired" -> "test-fire" */
    const char *dash = strrchr(lower, '-');
    if (!r && dash && dash > lower && dash[1] && TAG_IS_VERB(tag) && tag != TAG_VB &&
        tag != TAG_VBP) {
        const char *last = dyad_lemma(l, a, dash + 1, tag);
        if (!last) return NULL;
        if (strcmp(last, dash + 1) != 0) {
            r = dyad_arena_printf(a, "%.*s%s", (int)(dash + 1 - lower), lower, last);
            if (!r) return NULL;
        }
    }
    /* an inflected verb WordNet lacks, made of a prefix and a verb it has:
     * "reoccupied" -> "reoccupy" */
    if (!r && !dash && TAG_IS_VERB(tag) && tag != TAG_VB && tag != TAG_VBP) {
        const char *pre;
        for (int k = 0; (pre = dyad_word_prefix(k)) != NULL && !r; k++) {
            size_t pl = strlen(pre);
            if (n < pl + 4 || memcmp(lower, pre, pl) != 0) continue;
            const char *stem = dyad_lemma(l, a, lower + pl, tag);
            if (!stem) return NULL;
            if (strcmp(stem, lower + pl) != 0) {
                r = dyad_arena_printf(a, "%s%s", pre, stem);
                if (!r) return NULL;
            }
        }
    }
    if (oom) return NULL;
    return r ? r : lower;
}

int dyad_lemma_tokens(const dyad_lemmatizer *l, dyad_arena *a, dyad_token *toks, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const char *low = toks[i].lower ? toks[i].lower : toks[i].norm;
        const char *lem = dyad_lemma(l, a, low, toks[i].tag);
        if (!lem) return -1;
        toks[i].lemma = lem;
    }
    return 0;
}
