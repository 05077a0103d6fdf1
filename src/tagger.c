/*
 * tagger.c — bigram HMM / Viterbi POS tagger over Lingua::EN::Tagger data.
 *
 * Model. For a sentence w1..wn the tagger picks the tag sequence that
 * maximises  prod_i P(t_i | t_{i-1}) * P(w_i | t_i), with t_0 = "." (the
 * state Lingua::EN::Tagger resets to between sentences). Transition
 * probabilities come straight from tags.yml. Emissions are computed as
 * P(t | w) / P(t) (Bayes, dropping P(w), which is constant across the tags
 * of one position): P(t | w) from the counts in words.yml (lightly smoothed
 * towards the word's unknown-word class), P(t) from the column totals of
 * words.yml. Words not in words.yml get the distribution of their class in
 * unknown.yml (-cap-, -ing-, -s-, ...) or the lexicon's own *NUM*, *ORD*,
 * *LRB*, *RRB* entries, plus a small floor over the open classes so the
 * context can overrule the class.
 *
 * Case. Sentence-initial words (and words right after an opening quote or
 * bracket) pool the counts of their surface and lower-case forms. Mid-
 * sentence capitalised words that the lexicon knows only in lower case are
 * a mixture of "proper noun" and the lower-case word's tags. ALL-CAPS words
 * are tried as is, in Title case and in lower case.
 *
 * Patches. A few right-context facts a bigram cannot see ("about to",
 * "crowds burned", "has celebrated", "police arrested students") become
 * constraints on the emissions and the sentence is decoded again (patch()).
 *
 * Data files are parsed by a strict reader for the one-line-per-entry YAML
 * subset these files use:   KEY: { tag: number, tag: number }   where KEY
 * is either "quoted" (no escapes) or bare. Anything else (other than blank
 * lines, "---" document markers and # comments) is rejected with
 * file:line: reason.
 */
#include "tagger.h"
#include "fileio.h"
#include "smap.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NT TAG_COUNT
#define NEG_INF (-1e30)
#define MAX_PAIRS 64   /* entries on one YAML line */
#define MAX_FORM 128   /* longest word we build case variants for */
/* Model constants (chosen on the Treebank sample, see docs/TAGGER.md). */
#define SUFFIX_WEIGHT 0.7   /* suffix model vs unknown.yml class for unknown words */
#define KNOWN_LAMBDA 0.5    /* add-lambda smoothing of known words towards their class */
#define OPEN_FLOOR 0.03     /* probability mass an unknown word keeps for open classes */
#define CAP_SHARPEN 0.8     /* extra NNP mass for unknown mid-sentence capitalised words */

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


/* ------------------------------------------------------------ Lingua tags */

static const struct {
    const char *name;
    uint8_t tag;
} lingua_tags[] = {
    {"cc", TAG_CC},     {"cd", TAG_CD},        {"det", TAG_DT},      {"ex", TAG_EX},
    {"fw", TAG_FW},     {"in", TAG_IN},        {"jj", TAG_JJ},       {"jjr", TAG_JJR},
    {"jjs", TAG_JJS},   {"lrb", TAG_LRB},      {"ls", TAG_LS},       {"md", TAG_MD},
    {"nn", TAG_NN},     {"nnp", TAG_NNP},      {"nnps", TAG_NNPS},   {"nns", TAG_NNS},
    {"pdt", TAG_PDT},   {"pos", TAG_POS},      {"pp", TAG_PERIOD},   {"ppc", TAG_COMMA},
    {"ppd", TAG_DOLLAR}, {"ppl", TAG_LQUOTE},  {"ppr", TAG_RQUOTE},  {"pps", TAG_COLON},
    {"prp", TAG_PRP},   {"prps", TAG_PRPS},    {"rb", TAG_RB},       {"rbr", TAG_RBR},
    {"rbs", TAG_RBS},   {"rp", TAG_RP},        {"rrb", TAG_RRB},     {"sym", TAG_SYM},
    {"to", TAG_TO},     {"uh", TAG_UH},        {"vb", TAG_VB},       {"vbd", TAG_VBD},
    {"vbg", TAG_VBG},   {"vbn", TAG_VBN},      {"vbp", TAG_VBP},     {"vbz", TAG_VBZ},
    {"wdt", TAG_WDT},   {"wp", TAG_WP},        {"wps", TAG_WPS},     {"wrb", TAG_WRB},
};

static int lingua_tag(const char *name, size_t len) {
    if (len < 2 || len > 4) return -1;
    for (size_t i = 0; i < sizeof lingua_tags / sizeof lingua_tags[0]; i++) {
        const char *t = lingua_tags[i].name;
        if (t[0] == name[0] && t[1] == name[1] && strlen(t) == len && memcmp(t, name, len) == 0)
            return lingua_tags[i].tag;
    }
    return -1;
}

/* ------------------------------------------------------------ YAML subset */

typedef struct {
    uint8_t tag;
    double val;
} ypair;

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Parse a non-negative decimal number (digits[.digits][e[+-]digits]). */
static const char *parse_number(const char *p, const char *end, double *out) {
    double v = 0;
    int digits = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        v = v * 10 + (*p++ - '0');
        digits++;
    }
    if (p < end && *p == '.') {
        p++;
        double scale = 0.1;
        while (p < end && *p >= '0' && *p <= '9') {
            v += (*p++ - '0') * scale;
            scale /= 10;
            digits++;
        }
    }
    if (!digits) return NULL;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        int neg = 0, e = 0, ed = 0;
        if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
        while (p < end && *p >= '0' && *p <= '9') {
            if (e < 1000) e = e * 10 + (*p - '0');
            p++;
            ed++;
        }
        if (!ed) return NULL;
        v *= pow(10.0, neg ? -e : e);
    }
    if (!isfinite(v)) return NULL;
    *out = v;
    return p;
}

/* Parse one line [p, end). Returns 1 for a line to skip, 0 for an entry
   (key in [*key, *key + *keylen), pairs filled), -1 on error (*why set). */
static int yml_line(const char *p, const char *end, const char **key, size_t *keylen,
                    ypair *pairs, size_t *npairs, const char **why) {
    const char *q = p;
    while (q < end && is_blank(*q)) q++;
    if (q == end) return 1;                                   /* blank */
    if (q == p && end - p >= 3 && memcmp(p, "---", 3) == 0) return 1; /* document marker */
    if (*q == '#') return 1;                                  /* comment */
    if (q != p) {
        *why = "unexpected indentation";
        return -1;
    }
    if (*p == '"') {
        const char *k = ++p;
        while (p < end && *p != '"') p++;
        if (p == end) {
            *why = "unterminated quoted key";
            return -1;
        }
        *key = k;
        *keylen = (size_t)(p - k);
        p++;
        if (p == end || *p != ':') {
            *why = "expected ':' after quoted key";
            return -1;
        }
    } else {
        const char *k = p;
        while (p < end && !(*p == ':' && p + 1 < end && p[1] == ' ')) {
            if (*p == '"' || *p == '{' || *p == '}') {
                *why = "bad character in bare key";
                return -1;
            }
            p++;
        }
        if (p == end) {
            *why = "expected ': {'";
            return -1;
        }
        *key = k;
        *keylen = (size_t)(p - k);
    }
    if (*keylen == 0) {
        *why = "empty key";
        return -1;
    }
    p++; /* ':' */
    while (p < end && is_blank(*p)) p++;
    if (p == end || *p != '{') {
        *why = "expected '{' after key";
        return -1;
    }
    p++;
    *npairs = 0;
    for (;;) {
        while (p < end && is_blank(*p)) p++;
        if (p < end && *p == '}' && *npairs == 0) {
            p++;
            break;
        }
        const char *n = p;
        while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) p++;
        if (p == n) {
            *why = "expected a tag name";
            return -1;
        }
        int tag = lingua_tag(n, (size_t)(p - n));
        if (tag < 0) {
            *why = "unknown tag name";
            return -1;
        }
        if (p == end || *p != ':') {
            *why = "expected ':' after tag name";
            return -1;
        }
        p++;
        while (p < end && is_blank(*p)) p++;
        double v;
        const char *e = parse_number(p, end, &v);
        if (!e) {
            *why = "expected a non-negative number";
            return -1;
        }
        p = e;
        if (*npairs == MAX_PAIRS) {
            *why = "too many entries on one line";
            return -1;
        }
        pairs[*npairs].tag = (uint8_t)tag;
        pairs[*npairs].val = v;
        (*npairs)++;
        while (p < end && is_blank(*p)) p++;
        if (p < end && *p == ',') {
            p++;
            continue;
        }
        if (p < end && *p == '}') {
            p++;
            break;
        }
        *why = "expected ',' or '}'";
        return -1;
    }
    while (p < end && is_blank(*p)) p++;
    if (p != end) {
        *why = "trailing characters after '}'";
        return -1;
    }
    return 0;
}

/* Callback for each entry; returns 0 or an error message. */
typedef const char *(*yml_fn)(void *ctx, const char *key, size_t keylen, const ypair *pairs,
                              size_t npairs);

/* Called once with the file's line count before any entry; 0 or -1 (OOM). */
typedef int (*yml_prep_fn)(void *ctx, size_t nlines);

/* Read dir/name, call fn for each entry. Returns the file buffer (caller
   frees; keys point into it) or NULL with errbuf set. */
static char *yml_read(const char *dir, const char *name, yml_prep_fn prep, yml_fn fn, void *ctx,
                      char *errbuf, size_t errlen) {
    char path[4096];
    int pn = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (pn < 0 || (size_t)pn >= sizeof path) {
        set_err(errbuf, errlen, "%s/%s: path too long", dir, name);
        return NULL;
    }
    size_t len;
    char *buf = dyad_read_file(path, &len, errbuf, errlen);
    if (!buf) return NULL;
    if (memchr(buf, '\0', len)) {
        set_err(errbuf, errlen, "%s: binary data (NUL byte)", path);
        free(buf);
        return NULL;
    }
    size_t lines = 0;
    for (size_t i = 0; i < len; i++) lines += buf[i] == '\n';
    if (prep && prep(ctx, lines + 1) < 0) {
        set_err(errbuf, errlen, "%s: out of memory", path);
        free(buf);
        return NULL;
    }
    const char *p = buf, *end = buf + len;
    size_t lineno = 0;
    ypair pairs[MAX_PAIRS];
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lineno++;
        const char *key = NULL, *why = NULL;
        size_t keylen = 0, np = 0;
        int r = yml_line(p, le, &key, &keylen, pairs, &np, &why);
        if (r < 0) {
            set_err(errbuf, errlen, "%s:%zu: %s", path, lineno, why);
            free(buf);
            return NULL;
        }
        if (r == 0) {
            why = fn(ctx, key, keylen, pairs, np);
            if (why) {
                set_err(errbuf, errlen, "%s:%zu: %s", path, lineno, why);
                free(buf);
                return NULL;
            }
        }
        p = nl ? nl + 1 : end;
    }
    return buf;
}

/* ------------------------------------------------------------ model */

/* Unknown-word classes. The first group are unknown.yml keys; the second
   are lexicon entries of words.yml; the last are dyad's own. */
enum {
    UC_ABR, UC_CAP, UC_ED, UC_HYP, UC_HYPADJ, UC_ING, UC_LY, UC_S, UC_SYM, UC_TION,
    UC_UNKNOWN,
    UC_NUM, UC_ORD, UC_LRB, UC_RRB,
    UC_COUNT
};
static const char *const uc_names[UC_COUNT] = {
    "-abr-", "-cap-", "-ed-", "-hyp-", "-hyp-adj-", "-ing-", "-ly-", "-s-", "-sym-", "-tion-",
    "-unknown-", "*NUM*", "*ORD*", "*LRB*", "*RRB*",
};

typedef struct {
    uint32_t first, n; /* slice of pairs */
} lexent;

typedef struct {
    uint8_t tag;
    float count;
} lexpair;

/* Open-class tags the suffix model predicts. */
static const uint8_t sfx_tags[] = {TAG_NN,  TAG_NNS, TAG_NNP, TAG_NNPS, TAG_JJ,  TAG_JJR,
                                   TAG_JJS, TAG_RB,  TAG_VB,  TAG_VBD,  TAG_VBG, TAG_VBN,
                                   TAG_VBP, TAG_VBZ, TAG_CD,  TAG_FW};
#define NSFX_TAGS (sizeof sfx_tags / sizeof sfx_tags[0])
#define SFX_MAX 5        /* longest suffix */
#define SFX_RARE 10      /* words seen at most this often model unknown words */

typedef struct {
    float count[NSFX_TAGS];
    float total;
} sfxstat;

struct dyad_tagger {
    char *wbuf;             /* words.yml contents; lexicon keys point here */
    smap words;             /* word -> index into lex */
    lexent *lex;
    size_t nlex, lexcap;
    lexpair *pairs;
    size_t npairs, paircap;
    double tagcount[NT];    /* column totals of words.yml */
    double lprior[NT];      /* log P(t) */
    double trans[NT][NT];   /* log P(cur | prev) */
    double cls[UC_COUNT][NT]; /* P(t | class), normalised */
    smap suffixes;          /* suffix of a rare lower-case word -> index into sfx */
    sfxstat *sfx;
    size_t nsfx;
};

static int words_prep(void *ctx, size_t nlines) {
    dyad_tagger *t = ctx;
    return smap_init(&t->words, nlines);
}

static const char *words_cb(void *ctx, const char *key, size_t keylen, const ypair *pairs,
                            size_t np) {
    dyad_tagger *t = ctx;
    int found;
    smap_slot *s = smap_put(&t->words, key, keylen, &found);
    if (!s) return "word table full";
    if (found) {
        /* Repeated key: later counts for the same tag replace earlier ones
           (what Lingua::EN::Tagger's loader does); new tags are appended. */
        lexent *e = &t->lex[s->val];
        for (size_t i = 0; i < np; i++) {
            int done = 0;
            for (uint32_t j = 0; j < e->n; j++) {
                if (t->pairs[e->first + j].tag == pairs[i].tag) {
                    t->tagcount[pairs[i].tag] -= (double)t->pairs[e->first + j].count;
                    t->pairs[e->first + j].count = (float)pairs[i].val;
                    t->tagcount[pairs[i].tag] += pairs[i].val;
                    done = 1;
                }
            }
            if (!done) return "repeated key with new tags";
        }
        return NULL;
    }
    if (t->nlex == t->lexcap) {
        size_t nc = t->lexcap ? t->lexcap * 2 : 4096;
        lexent *nl = realloc(t->lex, nc * sizeof *nl);
        if (!nl) return "out of memory";
        t->lex = nl;
        t->lexcap = nc;
    }
    if (t->npairs + np > t->paircap) {
        size_t nc = t->paircap ? t->paircap * 2 : 8192;
        while (nc < t->npairs + np) nc *= 2;
        lexpair *npp = realloc(t->pairs, nc * sizeof *npp);
        if (!npp) return "out of memory";
        t->pairs = npp;
        t->paircap = nc;
    }
    if (t->npairs + np > UINT32_MAX || t->nlex >= UINT32_MAX) return "lexicon too large";
    lexent *e = &t->lex[t->nlex];
    e->first = (uint32_t)t->npairs;
    e->n = 0;
    for (size_t i = 0; i < np; i++) {
        int dup = 0;
        for (uint32_t j = 0; j < e->n; j++) {
            if (t->pairs[e->first + j].tag == pairs[i].tag) {
                t->tagcount[pairs[i].tag] -= (double)t->pairs[e->first + j].count;
                t->pairs[e->first + j].count = (float)pairs[i].val;
                dup = 1;
            }
        }
        if (!dup) {
            t->pairs[t->npairs].tag = pairs[i].tag;
            t->pairs[t->npairs].count = (float)pairs[i].val;
            t->npairs++;
            e->n++;
        }
        t->tagcount[pairs[i].tag] += pairs[i].val;
    }
    s->val = (uint32_t)t->nlex++;
    return NULL;
}

static const char *tags_cb(void *ctx, const char *key, size_t keylen, const ypair *pairs,
                           size_t np) {
    double (*p)[NT] = ctx; /* raw probabilities, prev x cur */
    int prev = lingua_tag(key, keylen);
    if (prev < 0) return "unknown tag name as key";
    for (size_t i = 0; i < np; i++) p[prev][pairs[i].tag] = pairs[i].val;
    return NULL;
}

static const char *unknown_cb(void *ctx, const char *key, size_t keylen, const ypair *pairs,
                              size_t np) {
    dyad_tagger *t = ctx;
    for (int c = 0; c <= UC_UNKNOWN; c++) {
        if (strlen(uc_names[c]) == keylen && memcmp(uc_names[c], key, keylen) == 0) {
            for (size_t i = 0; i < np; i++) t->cls[c][pairs[i].tag] += pairs[i].val;
            return NULL;
        }
    }
    return NULL; /* a class we do not use: ignore */
}

static const lexent *lex_get(const dyad_tagger *t, const char *w, size_t len) {
    const smap_slot *s = smap_get(&t->words, w, len);
    return s ? &t->lex[s->val] : NULL;
}

static int normalise(double *d, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += d[i];
    if (s <= 0) return -1;
    for (size_t i = 0; i < n; i++) d[i] /= s;
    return 0;
}

static int all_lower_alpha(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] == '-' && i > 0))) return 0;
    return 1;
}

/* Suffix statistics (TnT-style) from the rare lower-case words of the
   lexicon: they stand in for the words the lexicon lacks. */
static int build_suffixes(dyad_tagger *t) {
    size_t est = 0;
    for (size_t i = 0; i < t->words.cap; i++) {
        const smap_slot *sl = &t->words.slots[i];
        if (sl->key && sl->len >= 4 && all_lower_alpha(sl->key, sl->len)) est += SFX_MAX;
    }
    if (smap_init(&t->suffixes, est) < 0) return -1;
    t->sfx = calloc(est ? est : 1, sizeof *t->sfx);
    if (!t->sfx) return -1;
    int slot_of[NT];
    for (int i = 0; i < NT; i++) slot_of[i] = -1;
    for (size_t k = 0; k < NSFX_TAGS; k++) slot_of[sfx_tags[k]] = (int)k;
    for (size_t i = 0; i < t->words.cap; i++) {
        const smap_slot *sl = &t->words.slots[i];
        if (!sl->key || sl->len < 4 || !all_lower_alpha(sl->key, sl->len)) continue;
        const lexent *e = &t->lex[sl->val];
        double tot = 0;
        for (uint32_t j = 0; j < e->n; j++) tot += (double)t->pairs[e->first + j].count;
        if (tot > SFX_RARE) continue;
        for (size_t k = 1; k <= SFX_MAX && k + 2 <= sl->len; k++) {
            int found;
            smap_slot *ss = smap_put(&t->suffixes, sl->key + sl->len - k, k, &found);
            if (!ss) return -1;
            if (!found) ss->val = (uint32_t)t->nsfx++;
            sfxstat *st = &t->sfx[ss->val];
            /* Each word counts once, spread over its tags. */
            for (uint32_t j = 0; j < e->n; j++) {
                int sk = slot_of[t->pairs[e->first + j].tag];
                if (sk < 0) continue;
                st->count[sk] += (float)((double)t->pairs[e->first + j].count / tot);
                st->total += (float)((double)t->pairs[e->first + j].count / tot);
            }
        }
    }
    return 0;
}

/* P(t | suffix) for a lower-case word: longest suffix seen in at least
   `min` rare words. Returns 0 if none. */
static int suffix_dist(const dyad_tagger *t, const char *s, size_t n, double *P) {
    if (!all_lower_alpha(s, n)) return 0;
    for (size_t k = SFX_MAX; k >= 1; k--) {
        if (k + 2 > n) continue;
        const smap_slot *ss = smap_get(&t->suffixes, s + n - k, k);
        if (!ss) continue;
        const sfxstat *st = &t->sfx[ss->val];
        if (st->total < 8) continue;
        for (int i = 0; i < NT; i++) P[i] = 0;
        for (size_t j = 0; j < NSFX_TAGS; j++) P[sfx_tags[j]] = st->count[j] / st->total;
        return 1;
    }
    return 0;
}

void dyad_tagger_free(dyad_tagger *t) {
    if (!t) return;
    smap_free(&t->words);
    smap_free(&t->suffixes);
    free(t->sfx);
    free(t->lex);
    free(t->pairs);
    free(t->wbuf);
    free(t);
}

dyad_tagger *dyad_tagger_load(const char *dir, char *errbuf, size_t errlen) {
    if (errbuf && errlen) errbuf[0] = '\0';
    if (!dir) dir = DYAD_LINGUA_DEFAULT_DIR;
    dyad_tagger *t = calloc(1, sizeof *t);
    double(*raw)[NT] = calloc(NT, sizeof *raw);
    char *buf = NULL;
    if (!t || !raw) {
        set_err(errbuf, errlen, "tagger: out of memory");
        goto fail;
    }

    /* words.yml: the table is sized from the line count, then filled. */
    t->wbuf = yml_read(dir, "words.yml", words_prep, words_cb, t, errbuf, errlen);
    if (!t->wbuf) goto fail;
    if (t->nlex == 0) {
        set_err(errbuf, errlen, "%s/words.yml: no entries", dir);
        goto fail;
    }

    /* tags.yml */
    buf = yml_read(dir, "tags.yml", NULL, tags_cb, raw, errbuf, errlen);
    if (!buf) goto fail;
    free(buf);
    buf = NULL;
    /* '#' has no Lingua tag: let it behave like '$'. */
    for (int i = 0; i < NT; i++) raw[i][TAG_HASH] = raw[i][TAG_DOLLAR];
    memcpy(raw[TAG_HASH], raw[TAG_DOLLAR], sizeof raw[0]);
    if (normalise(raw[TAG_PERIOD], NT) < 0) {
        set_err(errbuf, errlen, "%s/tags.yml: no transitions from 'pp' (sentence start)", dir);
        goto fail;
    }
    for (int p = 0; p < NT; p++) {
        int any = normalise(raw[p], NT) == 0;
        for (int c = 0; c < NT; c++) {
            double v = any ? raw[p][c] : 0;
            /* Floor unseen transitions: rare, not impossible. */
            t->trans[p][c] = log(v > 1e-6 ? v : 1e-6);
        }
    }

    /* unknown.yml */
    buf = yml_read(dir, "unknown.yml", NULL, unknown_cb, t, errbuf, errlen);
    if (!buf) goto fail;
    free(buf);
    buf = NULL;
    if (normalise(t->cls[UC_UNKNOWN], NT) < 0) {
        set_err(errbuf, errlen, "%s/unknown.yml: no '-unknown-' entry", dir);
        goto fail;
    }
    for (int c = 0; c < UC_UNKNOWN; c++)
        if (normalise(t->cls[c], NT) < 0) memcpy(t->cls[c], t->cls[UC_UNKNOWN], sizeof t->cls[c]);

    /* Classes taken from lexicon entries, with fall-backs. */
    static const uint8_t uc_default[UC_COUNT] = {
        [UC_NUM] = TAG_CD, [UC_ORD] = TAG_JJ, [UC_LRB] = TAG_LRB, [UC_RRB] = TAG_RRB};
    for (int c = UC_NUM; c < UC_COUNT; c++) {
        const lexent *e = lex_get(t, uc_names[c], strlen(uc_names[c]));
        for (uint32_t j = 0; e && j < e->n; j++)
            t->cls[c][t->pairs[e->first + j].tag] += (double)t->pairs[e->first + j].count;
        if (normalise(t->cls[c], NT) < 0) t->cls[c][uc_default[c]] = 1;
    }

    /* Tag priors from the lexicon's column totals (add-one). */
    double total = 0;
    for (int i = 1; i < NT; i++) total += t->tagcount[i] + 1;
    for (int i = 0; i < NT; i++) t->lprior[i] = log((t->tagcount[i] + 1) / total);

    if (build_suffixes(t) < 0) {
        set_err(errbuf, errlen, "%s/words.yml: out of memory (suffix table)", dir);
        goto fail;
    }

    free(raw);
    return t;
fail:
    free(buf);
    free(raw);
    dyad_tagger_free(t);
    return NULL;
}

/* ------------------------------------------------------------ word classes */

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return is_upper(c) || is_lower(c); }
static int is_word(char c) { return is_alpha(c) || is_digit(c) || c == '_' || (unsigned char)c >= 0x80; }

static int ends_with(const char *s, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* Numbers: 12, -3.5, .5, 1,000, 2024-02-02, 10:30, 1/2, 3.5%? (no). */
static int is_number(const char *s, size_t n) {
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) i++;
    if (i == n) return 0;
    int digits = 0;
    for (; i < n; i++) {
        if (is_digit(s[i])) digits++;
        else if (!(s[i] == ',' || s[i] == '.' || s[i] == ':' || s[i] == '/' || s[i] == '-'))
            return 0;
    }
    return digits > 0 && is_digit(s[n - 1]) ? 1 : (digits > 0 && s[n - 1] == '.' && n > 1);
}

/* Class of a word the lexicon does not know. */
static int classify(const dyad_tagger *t, const char *s, size_t n, int sent_start) {
    if (n == 0) return UC_SYM;
    if (is_number(s, n)) return UC_NUM;
    int has_alpha = 0, has_digit = 0, has_upper = 0, has_lower = 0, hyphen = 0;
    for (size_t i = 0; i < n; i++) {
        has_alpha |= is_alpha(s[i]);
        has_digit |= is_digit(s[i]);
        has_upper |= is_upper(s[i]);
        has_lower |= is_lower(s[i]);
        if (s[i] == '-' && i > 0 && i + 1 < n && is_word(s[i - 1]) && is_word(s[i + 1])) hyphen = 1;
    }
    if (has_digit) {
        /* "12-year", "50-member": number-noun compounds are adjectives. */
        if (hyphen && is_digit(s[0])) return UC_HYPADJ;
        if (is_digit(s[0]) || s[0] == '-') return UC_ORD; /* 10th, 1990s, 3D */
        if (has_upper && !has_lower) return UC_ABR;         /* F16, G7 */
    }
    if (!has_alpha && !has_digit) {
        int w = 0;
        for (size_t i = 0; i < n; i++) w |= is_word(s[i]);
        if (!w) return UC_SYM;
    }
    /* Abbreviation: capital followed by capitals, dots, hyphens. */
    if (is_upper(s[0])) {
        int abr = 1;
        for (size_t i = 1; i < n; i++)
            if (!(is_upper(s[i]) || s[i] == '.' || s[i] == '-')) abr = 0;
        if (abr) return UC_ABR;
    }
    if (hyphen) {
        /* Capitalised parts ("al-Nono", "Al-Qaeda", "Saudi-led" is not):
           proper noun unless the last part is a known lower-case word. */
        const char *last = s + n;
        while (last > s && last[-1] != '-') last--;
        size_t ll = (size_t)(s + n - last);
        if (has_upper && is_upper(*last)) return UC_CAP;
        if (has_upper && is_upper(s[0]) && !sent_start && !lex_get(t, last, ll)) return UC_CAP;
        const lexent *e = lex_get(t, last, ll);
        for (uint32_t j = 0; e && j < e->n; j++)
            if (t->pairs[e->first + j].tag == TAG_JJ) return UC_HYPADJ;
        if (ends_with(s, n, "ed") || ends_with(s, n, "ing")) return UC_HYPADJ;
        return UC_HYP;
    }
    if (is_upper(s[0])) return UC_CAP;
    if (has_upper) return UC_CAP; /* "al-Nono"-like, "iPhone" */
    if (ends_with(s, n, "ing")) return UC_ING;
    if (ends_with(s, n, "s") && !ends_with(s, n, "ss") && !ends_with(s, n, "ous") &&
        !ends_with(s, n, "is") && !ends_with(s, n, "us"))
        return UC_S;
    if (ends_with(s, n, "tion") || ends_with(s, n, "sion") || ends_with(s, n, "ment") ||
        ends_with(s, n, "ness") || ends_with(s, n, "ity") || ends_with(s, n, "ship") ||
        ends_with(s, n, "ism"))
        return UC_TION;
    if (ends_with(s, n, "ly")) return UC_LY;
    if (ends_with(s, n, "ed")) return UC_ED;
    return UC_UNKNOWN;
}

/* ------------------------------------------------------------ tagging */

static void add_counts(const dyad_tagger *t, const lexent *e, double *d, double w) {
    for (uint32_t j = 0; e && j < e->n; j++) d[t->pairs[e->first + j].tag] += w * (double)t->pairs[e->first + j].count;
}

static double lex_total(const dyad_tagger *t, const lexent *e) {
    double s = 0;
    for (uint32_t j = 0; e && j < e->n; j++) s += (double)t->pairs[e->first + j].count;
    return s;
}

static const uint8_t open_tags[] = {TAG_NN,  TAG_NNS, TAG_NNP, TAG_JJ,  TAG_VB, TAG_VBD,
                                    TAG_VBG, TAG_VBN, TAG_VBP, TAG_VBZ, TAG_RB};

static int token_is(const char *s, const char *lit) { return s && strcmp(s, lit) == 0; }

/* Fill P[] with P(tag | token), a normalised distribution. Returns 0 when
 * the lexicon has no form of the word (it was tagged from its shape,
 * suffix or prefix), else 1. */
static int token_dist(const dyad_tagger *t, const dyad_token *tok, int start_like, int quotes_before,
                       double *P) {
    for (int i = 0; i < NT; i++) P[i] = 0;
    const char *s = tok->norm ? tok->norm : "";
    size_t n = strlen(s);

    /* Fixed spellings the lexicon lacks or spells differently. */
    if (token_is(s, "-LRB-") || token_is(s, "(") || token_is(s, "[") || token_is(s, "{") ||
        token_is(s, "-LSB-") || token_is(s, "-LCB-")) {
        P[TAG_LRB] = 1;
        return 1;
    }
    if (token_is(s, "-RRB-") || token_is(s, ")") || token_is(s, "]") || token_is(s, "}") ||
        token_is(s, "-RSB-") || token_is(s, "-RCB-")) {
        P[TAG_RRB] = 1;
        return 1;
    }
    if (token_is(s, "\"")) {
        P[quotes_before % 2 ? TAG_RQUOTE : TAG_LQUOTE] = 1;
        return 1;
    }
    if (token_is(s, "#")) {
        P[TAG_HASH] = 1;
        return 1;
    }

    char lowbuf[MAX_FORM], titlebuf[MAX_FORM];
    const char *low = tok->lower;
    size_t lown = low ? strlen(low) : 0;
    if (!low && n < MAX_FORM) {
        for (size_t i = 0; i <= n; i++) lowbuf[i] = is_upper(s[i]) ? (char)(s[i] + 32) : s[i];
        low = lowbuf;
        lown = n;
    }
    int cap = n > 0 && is_upper(s[0]);
    int allcap = 0;
    if (cap) {
        int letters = 0, lowers = 0;
        for (size_t i = 0; i < n; i++) {
            letters += is_alpha(s[i]);
            lowers += is_lower(s[i]);
        }
        allcap = letters >= 2 && lowers == 0;
    }

    const lexent *ex = lex_get(t, s, n);
    const lexent *lo = (low && (lown != n || memcmp(low, s, n) != 0)) ? lex_get(t, low, lown) : NULL;
    const lexent *ti = NULL;
    if (allcap && n < MAX_FORM && low && lown == n) {
        memcpy(titlebuf, low, n);
        titlebuf[0] = s[0];
        ti = lex_get(t, titlebuf, n);
    }

    double cnt[NT] = {0};
    double total = 0;
    int cls = -1;
    double cls_w = 0; /* weight of the class distribution in a mixture */

    if (ex && (!cap || !start_like) && !(allcap && lex_total(t, ex) < 3 && (ti || lo))) {
        add_counts(t, ex, cnt, 1);
    } else if (start_like && (ex || lo || ti)) {
        /* Sentence-initial: pool the surface and lower-case forms. */
        add_counts(t, ex, cnt, 1);
        add_counts(t, ti, cnt, 1);
        add_counts(t, lo, cnt, 1);
    } else if (allcap && (ex || ti || lo)) {
        /* "CITY", "CEBU": Title case first, then lower case, mixed with
           the abbreviation class (mostly proper nouns). */
        add_counts(t, ex, cnt, 1);
        add_counts(t, ti ? ti : lo, cnt, 1);
        cls = UC_ABR;
        cls_w = ti ? 0.2 : 0.5;
    } else if (cap && lo) {
        /* Capitalised mid-sentence, known only in lower case: probably a
           name ("Ministry of Magic"), possibly headline case. */
        add_counts(t, lo, cnt, 1);
        cls = UC_CAP;
        cls_w = 0.8;
    } else if (!ex && lo) {
        add_counts(t, lo, cnt, 1);
    } else if (!ex && !lo && !ti && low && !cap) {
        /* an unknown word made of a prefix and a known word is tagged like
         * the word: "reimposed" like "imposed", "co-sponsored" like
         * "sponsored" (not as a -ed adjective) */
        const char *pre;
        for (int k = 0; (pre = dyad_word_prefix(k)) != NULL; k++) {
            size_t pl = strlen(pre);
            if (lown <= pl || memcmp(low, pre, pl) != 0) continue;
            if (low[pl] == '-') pl++;
            if (lown - pl < 4) continue;
            const lexent *stem = lex_get(t, low + pl, lown - pl);
            if (stem && lex_total(t, stem) >= 2) {
                add_counts(t, stem, cnt, 1);
                break;
            }
        }
    }
    total = 0;
    for (int i = 0; i < NT; i++) total += cnt[i];

    int wcls = classify(t, s, n, start_like);
    double base[NT];
    memcpy(base, t->cls[wcls], sizeof base);
    if (wcls == UC_UNKNOWN || wcls == UC_ING || wcls == UC_S || wcls == UC_TION ||
        wcls == UC_LY || wcls == UC_ED) {
        double sd[NT];
        if (low && suffix_dist(t, low, lown, sd))
            for (int i = 0; i < NT; i++) base[i] = SUFFIX_WEIGHT * sd[i] + (1 - SUFFIX_WEIGHT) * base[i];
    }
    if (total > 0) {
        /* Known word: light smoothing towards its class for rare words. */
        const double lambda = KNOWN_LAMBDA;
        if (cls < 0) {
            for (int i = 0; i < NT; i++) P[i] = (cnt[i] + lambda * base[i]) / (total + lambda);
        } else {
            for (int i = 0; i < NT; i++)
                P[i] = (1 - cls_w) * cnt[i] / total + cls_w * t->cls[cls][i];
        }
        return ex || lo || ti; /* 0: counted as its stem after a prefix */
    }
    /* Unknown word: class distribution plus a small floor over the open
       classes (nominal ones only for capitalised words) so that the
       context can overrule the class. */
    const double floor_w = OPEN_FLOOR;
    if (wcls == UC_CAP && !start_like) {
        /* Mid-sentence capitalised words the lexicon lacks are names far
           more often than -cap- (which also counts sentence-initial words)
           says. */
        double sh = CAP_SHARPEN;
        for (int i = 0; i < NT; i++) base[i] *= 1 - sh;
        base[TAG_NNP] += sh;
    }
    for (int i = 0; i < NT; i++) P[i] = (1 - floor_w) * base[i];
    if (wcls == UC_SYM) {
        P[TAG_SYM] += floor_w;
    } else if (wcls == UC_LRB || wcls == UC_RRB) {
        P[wcls == UC_LRB ? TAG_LRB : TAG_RRB] += floor_w;
    } else if (wcls == UC_CAP || wcls == UC_ABR) {
        static const uint8_t nominal[] = {TAG_NNP, TAG_NNPS, TAG_NN, TAG_NNS, TAG_JJ};
        for (size_t k = 0; k < sizeof nominal; k++) P[nominal[k]] += floor_w / (double)sizeof nominal;
    } else {
        for (size_t k = 0; k < sizeof open_tags; k++)
            P[open_tags[k]] += floor_w / (double)sizeof open_tags;
    }
    return 0;
}

/* Viterbi over emission scores E (n x NT, NEG_INF = impossible), pruned to
 * the tags a token can have: each step looks only at the previous token's
 * possible tags (cand, n x NT tag lists; ncand per token), a few for most
 * words instead of all NT. */
static void viterbi(const dyad_tagger *t, const double *E, double *V, uint8_t *B, uint8_t *cand,
                    uint8_t *ncand, dyad_token *toks, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const double *em = E + i * NT;
        uint8_t *ci = cand + i * NT, k = 0;
        for (int c = 0; c < NT; c++)
            if (em[c] > NEG_INF) ci[k++] = (uint8_t)c;
        ncand[i] = k;
    }
    for (size_t i = 0; i < n; i++) {
        const double *em = E + i * NT;
        double *v = V + i * NT;
        uint8_t *b = B + i * NT;
        const uint8_t *ci = cand + i * NT;
        for (int k = 0; k < ncand[i]; k++) {
            int c = ci[k];
            if (i == 0) {
                v[c] = t->trans[TAG_PERIOD][c] + em[c];
                b[c] = TAG_PERIOD;
                continue;
            }
            const double *pv = V + (i - 1) * NT;
            const uint8_t *cp = cand + (i - 1) * NT;
            double best = NEG_INF;
            int arg = 0;
            for (int j = 0; j < ncand[i - 1]; j++) {
                int p = cp[j];
                double sc = pv[p] + t->trans[p][c];
                if (sc > best) {
                    best = sc;
                    arg = p;
                }
            }
            v[c] = best + em[c];
            b[c] = (uint8_t)arg;
        }
    }
    const double *last = V + (n - 1) * NT;
    const uint8_t *cl = cand + (n - 1) * NT;
    int cur = TAG_NN;
    double best = NEG_INF * 2;
    for (int k = 0; k < ncand[n - 1]; k++)
        if (last[cl[k]] > best) {
            best = last[cl[k]];
            cur = cl[k];
        }
    for (size_t i = n; i-- > 0;) {
        toks[i].tag = (uint8_t)cur;
        if (i > 0) cur = B[i * NT + (size_t)cur];
    }
}

static int lower_is(const dyad_token *tk, const char *w) {
    return tk->lower ? strcmp(tk->lower, w) == 0 : (tk->norm && strcmp(tk->norm, w) == 0);
}

static int lower_in(const dyad_token *tk, const char *const *set) {
    for (; *set; set++)
        if (lower_is(tk, *set)) return 1;
    return 0;
}

static int is_finite(int tag) {
    return tag == TAG_VBD || tag == TAG_VBZ || tag == TAG_VBP || tag == TAG_MD;
}

/* Only the tag c stays possible at token i. */
static void force(double *E, size_t i, int c) {
    for (int k = 0; k < NT; k++)
        if (k != c) E[i * NT + (size_t)k] = NEG_INF;
}

/* Contextual patches a bigram model cannot see (they need the right-hand
   word or the clause). Each turns into a constraint on the emissions and
   the sentence is decoded again. Returns the number of constraints. */
static int patch(const double *P, double *E, const dyad_token *toks, size_t n) {
    static const char *const vbz_aux[] = {"is",      "has",   "'s",    "gets",  "becomes",
                                          "remains", "seems", "appears", "does", NULL};
    static const char *const have[] = {"has", "have", "had", "having", "'ve", NULL};
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        const double *p = P + i * NT;
        int tg = toks[i].tag;
        int next = i + 1 < n ? toks[i + 1].tag : TAG_NONE;
        /* "about to" + verb: Treebank tags about IN. */
        if (tg == TAG_RB && lower_is(&toks[i], "about") && i + 1 < n && lower_is(&toks[i + 1], "to")) {
            force(E, i, TAG_IN);
            changed++;
        }
        /* Plural noun read as a verb before a participle: "crowds burned". */
        if (tg == TAG_VBZ && next == TAG_VBN && !lower_in(&toks[i], vbz_aux) && p[TAG_NNS] > 0.05) {
            E[i * NT + TAG_VBZ] = NEG_INF;
            changed++;
        }
        /* Perfect: have (+ adverbs) + participle. */
        if (lower_in(&toks[i], have) && (TAG_IS_VERB(tg))) {
            size_t j = i + 1;
            while (j < n && (toks[j].tag == TAG_RB || toks[j].tag == TAG_RBR)) j++;
            if (j < n && (toks[j].tag == TAG_JJ || toks[j].tag == TAG_VBD) && P[j * NT + TAG_VBN] > 0.01) {
                force(E, j, TAG_VBN);
                changed++;
            }
        }
        /* A participle with a subject and an object but no finite verb in
           its clause is a past tense: "police arrested students". */
        if (tg == TAG_VBN && i > 0 && P[i * NT + TAG_VBD] > 0.001) {
            int prev = toks[i - 1].tag;
            int subj = TAG_IS_NOUN(prev) || prev == TAG_PRP;
            int obj = next == TAG_DT || next == TAG_PRPS || next == TAG_PRP || next == TAG_NNP ||
                      next == TAG_NNPS || next == TAG_CD || next == TAG_JJ || next == TAG_NNS ||
                      next == TAG_NN || next == TAG_RP;
            int finite = 0;
            for (size_t j = i; j-- > 0;) {
                int tj = toks[j].tag;
                if (is_finite(tj)) finite = 1;
                if (finite || tj == TAG_IN || tj == TAG_WDT || tj == TAG_WP || tj == TAG_WRB ||
                    tj == TAG_CC || tj == TAG_COMMA || tj == TAG_COLON)
                    break;
            }
            if (subj && obj && !finite) {
                force(E, i, TAG_VBD);
                changed++;
            }
        }
    }
    return changed;
}

int dyad_tagger_tag(const dyad_tagger *t, dyad_arena *scratch, dyad_token *toks, size_t n) {
    if (!t || n == 0) return 0;
    if (n > SIZE_MAX / NT / sizeof(double)) return -1;
    double *V = dyad_arena_calloc(scratch, n * NT, sizeof(double));
    double *E = dyad_arena_calloc(scratch, n * NT, sizeof(double));
    double *P = dyad_arena_calloc(scratch, n * NT, sizeof(double));
    uint8_t *B = dyad_arena_calloc(scratch, n * NT, 1);
    uint8_t *C = dyad_arena_calloc(scratch, n * NT, 1);
    uint8_t *nc = dyad_arena_calloc(scratch, n, 1);
    if (!V || !E || !P || !B || !C || !nc) return -1;

    int quotes = 0;
    for (size_t i = 0; i < n; i++) {
        int start_like = i == 0 || (toks[i].flags & TOKF_SENT_START);
        if (!start_like) {
            const char *pv = toks[i - 1].norm;
            start_like = token_is(pv, "``") || token_is(pv, "\"") || token_is(pv, "-LRB-") ||
                         token_is(pv, "(") || token_is(pv, "--") || token_is(pv, ":") ||
                         (token_is(pv, "'") && i == 1);
        }
        double *p = P + i * NT, *em = E + i * NT;
        if (!token_dist(t, &toks[i], start_like, quotes, p)) toks[i].flags |= TOKF_UNKNOWN;
        if (token_is(toks[i].norm, "\"")) quotes++;
        int any = 0;
        for (int c = 0; c < NT; c++) {
            em[c] = p[c] > 0 ? log(p[c]) - t->lprior[c] : NEG_INF;
            any |= p[c] > 0;
        }
        if (!any) em[TAG_NN] = 0;
    }
    viterbi(t, E, V, B, C, nc, toks, n);
    for (int round = 0; round < 2 && patch(P, E, toks, n) > 0; round++)
        viterbi(t, E, V, B, C, nc, toks, n);
    return 0;
}
