/*
 * compat.c — the TABARI/PETRARCH-compatible coder (see compat.h and
 * docs/COMPAT.md): matcher tables and the word-sequence coding of one
 * sentence.
 */
#include "compat.h"
#include "hset.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "text.h"

typedef struct plist {
    void **v;
    int n, cap;
} plist;

typedef struct cp_acode {
    const char *code;
    int kind;
    long d1, d2;
} cp_acode;

typedef struct cp_actor {
    cp_acode *codes;
    int ncodes, cap;
    const char *where;
} cp_actor;

typedef struct cp_name {
    cp_phrase ph;
    int actor;              /* actor entry, or -1 for an agent */
    const char *agent_code; /* agents: the code without its ~ */
    int prefix;             /* agents: IGO~ (prefix) rather than ~GOV (suffix) */
    const char *where;
} cp_name;

typedef struct cp_vent {
    cp_phrase ph;
    int verb;               /* index of the inflected word in ph */
    const char *code;       /* NULL = the block's */
    const char *code2;      /* reverse event of [A:B], with code */
    int block;
} cp_vent;

typedef struct cp_pat {
    cp_elem *el;
    int nel, vpos;
    const char *code, *code2, *text, *where;
    int weight;
    size_t order;
    unsigned *reqhash;      /* hash of the first word of each literal element: the
                               pattern cannot match a sentence without all of them */
    int nreq;
} cp_pat;

typedef struct cp_block {
    const char *name, *code, *code2;
    plist pats;             /* cp_pat*, heaviest first after finish */
} cp_block;

struct cp_dict {
    dyad_arena a;
    cp_actor *actors;
    int nactors, capactors;
    dyad_strmap name_exact, name_stem;  /* first word → plist* of cp_name */
    dyad_strmap name_pair;              /* "W1\001W2" → names whose first two words are
                                           exact (so "THE" does not list them all) */
    dyad_strmap verb_exact, verb_stem;  /* form → plist* of cp_vent */
    cp_block *blocks;
    int nblocks, capblocks;
    plist discards;                     /* cp_name* (actor = story flag) */
    dyad_strmap discard_first;          /* exact first word -> plist* of discards */
    plist discard_other;                /* discards whose first word is not exact */
    dyad_strmap notverb;
    size_t counts[5];
    size_t npat_order;
    int maxstem;                        /* longest stem key, bytes */
    int style;                          /* CP_STYLE_* */
};

/* ------------------------------------------------------------ building */

/* FNV-1a hashes of words (the sentence's word set, src/compat.c below). */
#define FNV_INIT 2166136261u
static unsigned fnv_step(unsigned h, unsigned char ch) { return (h ^ ch) * 16777619u; }
static unsigned fnv_n(unsigned h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = fnv_step(h, (unsigned char)s[i]);
    return h;
}
static unsigned hash_word(const char *s) { return fnv_n(FNV_INIT, s, strlen(s)) | 1u; }


static int plist_push(dyad_arena *a, plist *l, void *p) {
    if (l->n == l->cap) {
        int nc = l->cap ? l->cap * 2 : 4;
        void **nv = dyad_arena_grow(a, l->v, (size_t)l->n, (size_t)nc, sizeof *nv);
        if (!nv) return -1;
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = p;
    return 0;
}

static int map_push(cp_dict *d, dyad_strmap *m, const char *key, void *p) {
    void **slot = dyad_strmap_slot(m, key);
    if (!slot) return -1;
    if (!*slot) {
        *slot = dyad_arena_calloc(&d->a, 1, sizeof(plist));
        if (!*slot) return -1;
    }
    return plist_push(&d->a, *slot, p);
}

cp_dict *cp_dict_new(void) {
    cp_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    dyad_arena_init(&d->a);
    dyad_strmap_init(&d->name_exact);
    dyad_strmap_init(&d->name_stem);
    dyad_strmap_init(&d->name_pair);
    dyad_strmap_init(&d->verb_exact);
    dyad_strmap_init(&d->verb_stem);
    dyad_strmap_init(&d->notverb);
    dyad_strmap_init(&d->discard_first);
    return d;
}

void cp_dict_free(cp_dict *d) {
    if (!d) return;
    dyad_strmap_free(&d->name_exact);
    dyad_strmap_free(&d->name_stem);
    dyad_strmap_free(&d->name_pair);
    dyad_strmap_free(&d->verb_exact);
    dyad_strmap_free(&d->verb_stem);
    dyad_strmap_free(&d->notverb);
    dyad_strmap_free(&d->discard_first);
    free(d->actors);
    free(d->blocks);
    dyad_arena_free(&d->a);
    free(d);
}

dyad_arena *cp_dict_arena(cp_dict *d) { return &d->a; }

void cp_dict_set_style(cp_dict *d, int style) { d->style = style; }
int cp_dict_style(const cp_dict *d) { return d ? d->style : CP_STYLE_PETRARCH; }

size_t cp_dict_count(const cp_dict *d, int what) {
    return d && what >= 0 && what < 5 ? d->counts[what] : 0;
}

int cp_actor_new(cp_dict *d, const char *where) {
    if (d->nactors == d->capactors) {
        int nc = d->capactors ? d->capactors * 2 : 256;
        cp_actor *na = realloc(d->actors, (size_t)nc * sizeof *na);
        if (!na) return -1;
        d->actors = na;
        d->capactors = nc;
    }
    cp_actor *a = &d->actors[d->nactors];
    memset(a, 0, sizeof *a);
    a->where = where;
    d->counts[0]++;
    return d->nactors++;
}

int cp_actor_code(cp_dict *d, int entry, const char *code, int kind, long d1, long d2) {
    cp_actor *a = &d->actors[entry];
    if (a->ncodes == a->cap) {
        int nc = a->cap ? a->cap * 2 : 2;
        cp_acode *n = dyad_arena_grow(&d->a, a->codes, (size_t)a->ncodes, (size_t)nc, sizeof *n);
        if (!n) return -1;
        a->codes = n;
        a->cap = nc;
    }
    a->codes[a->ncodes++] = (cp_acode){code, kind, d1, d2};
    return 0;
}

static void note_stem(cp_dict *d, const cp_word *w) {
    int len = (int)strlen(w->w);
    if (w->stem == CP_STEM && len > d->maxstem) d->maxstem = len;
}

#define PAIR_KEY_MAX 256

/* "A\001B" into key[PAIR_KEY_MAX]; -1 when it does not fit (such names stay
 * in the one-word index, so lookups agree). */
static int pair_key(char *key, const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la + lb + 2 > PAIR_KEY_MAX) return -1;
    memcpy(key, a, la);
    key[la] = '\001';
    memcpy(key + la + 1, b, lb + 1);
    return 0;
}

static int add_name(cp_dict *d, cp_name *nm) {
    if (nm->ph.n <= 0) return 0;
    const cp_word *w0 = &nm->ph.w[0];
    note_stem(d, w0);
    char key[PAIR_KEY_MAX];
    if (nm->ph.n >= 2 && w0->stem == CP_EXACT && !w0->gap && nm->ph.w[1].stem == CP_EXACT &&
        pair_key(key, w0->w, nm->ph.w[1].w) == 0) {
        const char *k = dyad_arena_strdup(&d->a, key);
        return k ? map_push(d, &d->name_pair, k, nm) : -1;
    }
    return map_push(d, w0->stem == CP_STEM ? &d->name_stem : &d->name_exact, w0->w, nm);
}

int cp_actor_phrase(cp_dict *d, int entry, cp_phrase ph) {
    cp_name *nm = dyad_arena_calloc(&d->a, 1, sizeof *nm);
    if (!nm) return -1;
    nm->ph = ph;
    nm->actor = entry;
    nm->where = d->actors[entry].where;
    return add_name(d, nm);
}

int cp_agent(cp_dict *d, cp_phrase ph, const char *code, int prefix, const char *where) {
    cp_name *nm = dyad_arena_calloc(&d->a, 1, sizeof *nm);
    if (!nm) return -1;
    nm->ph = ph;
    nm->actor = -1;
    nm->agent_code = code;
    nm->prefix = prefix;
    nm->where = where;
    d->counts[1]++;
    return add_name(d, nm);
}

int cp_block_new(cp_dict *d, const char *name, const char *code, const char *code2) {
    if (d->nblocks == d->capblocks) {
        int nc = d->capblocks ? d->capblocks * 2 : 256;
        cp_block *nb = realloc(d->blocks, (size_t)nc * sizeof *nb);
        if (!nb) return -1;
        d->blocks = nb;
        d->capblocks = nc;
    }
    cp_block *b = &d->blocks[d->nblocks];
    memset(b, 0, sizeof *b);
    b->name = name;
    b->code = code;
    b->code2 = code2;
    return d->nblocks++;
}

int cp_verb(cp_dict *d, int block, cp_phrase ph, int verb, const char *const *forms, int nforms,
            const char *code, const char *code2) {
    if (verb < 0 || verb >= ph.n) return 0;
    cp_vent *v = dyad_arena_calloc(&d->a, 1, sizeof *v);
    if (!v) return -1;
    v->ph = ph;
    v->verb = verb;
    v->code = code;
    v->code2 = code2;
    v->block = block;
    d->counts[2]++;
    const cp_word *w = &ph.w[verb];
    note_stem(d, w);
    if (map_push(d, w->stem == CP_STEM ? &d->verb_stem : &d->verb_exact, w->w, v) != 0) return -1;
    for (int i = 0; i < nforms; i++)
        if (forms[i] && forms[i][0] && strcmp(forms[i], w->w) != 0 &&
            map_push(d, &d->verb_exact, forms[i], v) != 0)
            return -1;
    return 0;
}

int cp_pattern(cp_dict *d, int block, const cp_elem *el, int nel, const char *code,
               const char *code2, const char *text, const char *where) {
    int vpos = -1;
    for (int i = 0; i < nel; i++)
        if (el[i].kind == CE_VERB) vpos = i;
    if (vpos < 0 || block < 0 || block >= d->nblocks) return 0;
    cp_pat *p = dyad_arena_calloc(&d->a, 1, sizeof *p);
    cp_elem *copy = dyad_arena_calloc(&d->a, (size_t)nel, sizeof *copy);
    if (!p || !copy) return -1;
    memcpy(copy, el, (size_t)nel * sizeof *copy);
    p->el = copy;
    p->nel = nel;
    p->vpos = vpos;
    p->code = code;
    p->code2 = code2;
    p->text = text;
    p->where = where;
    p->order = d->npat_order++;
    for (int i = 0; i < nel; i++) {
        if (el[i].kind == CE_ALT) {
            /* words count twice; a literal word beats a set of alternatives
             * whose shortest member is as long */
            int shortest = el[i].nalts ? el[i].alts[0].n : 0;
            for (int k = 1; k < el[i].nalts; k++)
                if (el[i].alts[k].n < shortest) shortest = el[i].alts[k].n;
            p->weight += 2 * shortest + (el[i].nalts == 1);
        } else if (el[i].kind != CE_VERB) {
            p->weight += 1;
        }
    }
    int nreq = 0;
    for (int i = 0; i < nel; i++) nreq += el[i].kind == CE_ALT && el[i].nalts == 1 && el[i].alts[0].n > 0;
    p->reqhash = dyad_arena_calloc(&d->a, (size_t)nreq + 1, sizeof *p->reqhash);
    if (!p->reqhash) return -1;
    for (int i = 0; i < nel; i++)
        if (el[i].kind == CE_ALT && el[i].nalts == 1 && el[i].alts[0].n > 0)
            p->reqhash[p->nreq++] = hash_word(el[i].alts[0].w[0].w);
    d->counts[3]++;
    return plist_push(&d->a, &d->blocks[block].pats, p);
}

int cp_discard(cp_dict *d, cp_phrase ph, int story) {
    if (ph.n <= 0) return 0;
    cp_name *nm = dyad_arena_calloc(&d->a, 1, sizeof *nm);
    if (!nm) return -1;
    nm->ph = ph;
    nm->actor = story;
    d->counts[4]++;
    if (plist_push(&d->a, &d->discards, nm) != 0) return -1;
    if (ph.w[0].stem == CP_EXACT) return map_push(d, &d->discard_first, ph.w[0].w, nm);
    return plist_push(&d->a, &d->discard_other, nm);
}

int cp_not_verb(cp_dict *d, const char *word) {
    void **slot = dyad_strmap_slot(&d->notverb, word);
    if (!slot) return -1;
    *slot = d;
    return 0;
}

static int pat_cmp(const void *x, const void *y) {
    const cp_pat *a = *(const cp_pat *const *)x, *b = *(const cp_pat *const *)y;
    if (a->weight != b->weight) return a->weight > b->weight ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

int cp_dict_finish(cp_dict *d) {
    for (int i = 0; i < d->nblocks; i++)
        if (d->blocks[i].pats.n > 1)
            qsort(d->blocks[i].pats.v, (size_t)d->blocks[i].pats.n, sizeof(void *), pat_cmp);
    return 0;
}

/* ------------------------------------------------------------- coding */

#define MAX_STEPS 20000  /* backtracking budget per pattern */

typedef struct group {
    int start, end;         /* tokens [start, end) */
    const char *code;       /* the first of codes */
    const char **codes;     /* one or more actor codes ("lawmakers in A and B") */
    int ncodes, cap;
    int comp;               /* compound id (index of its first group) */
    int pron;               /* a pronoun standing for an actor (TABARI) */
} group;

typedef struct ctx {
    const cp_dict *d;
    const cp_token *t;
    int n;
    long date;
    dyad_arena *a;
    group *g;
    int ng;
    int *gat;               /* group starting at token, -1 */
    int *gend;              /* group ending at token (exclusive end), -1 */
    int *gin;               /* group covering token, -1 */
    long steps;
    int slot[64];           /* group index captured by element k */
    const cp_settings *set;
    int complex;            /* an actor coded "+++" */
    unsigned *hset;         /* word hashes of the sentence (build_wset), NULL until needed */
    unsigned wmask;
} ctx;

/* tok = w + a regular ending (w upper-case, n = strlen(w)) */
static int regular_ending(const char *w, size_t n, const char *tok) {
    static const char *const ends[] = {"S", "ES", "ED", "D", "ING", "'S"};
    if (strncmp(w, tok, n) == 0) {
        for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++)
            if (!strcmp(tok + n, ends[k])) return 1;
        /* doubled final consonant: PLAN -> PLANNED, PLANNING */
        if (n && tok[n] == w[n - 1] && (!strcmp(tok + n + 1, "ED") || !strcmp(tok + n + 1, "ING")))
            return 1;
    }
    if (n > 1 && w[n - 1] == 'E' && strncmp(w, tok, n - 1) == 0 && !strcmp(tok + n - 1, "ING"))
        return 1; /* ACCUSE -> ACCUSING */
    if (n > 1 && w[n - 1] == 'Y' && strncmp(w, tok, n - 1) == 0 &&
        (!strcmp(tok + n - 1, "IES") || !strcmp(tok + n - 1, "IED")))
        return 1; /* RALLY -> RALLIES, RALLIED */
    return 0;
}

static int word_ok(const cp_word *w, const cp_token *t) {
    const char *tok = t->word;
    if (w->w[0] != tok[0] && (w->stem != CP_INFLECT || !t->lemma || w->w[0] != t->lemma[0]))
        return 0; /* cheap test first: most candidates differ in the first letter */
    switch (w->stem) {
    case CP_STEM: return strncmp(w->w, tok, strlen(w->w)) == 0;
    case CP_INFLECT:
        if (!strcmp(w->w, tok) || (t->lemma && !strcmp(w->w, t->lemma))) return 1;
        return regular_ending(w->w, strlen(w->w), tok);
    default: return strcmp(w->w, tok) == 0;
    }
}

/* Does phrase ph match the tokens from i on? Returns the end or -1. */
#define MAX_GAP 3 /* words that may stand inside a TABARI phrase written with spaces */

/* Word k of ph from token p on: returns its token or -1 (after a word
 * with gap set, up to MAX_GAP other tokens, not commas, may come first). */
static int next_word(const ctx *c, const cp_phrase *ph, int k, int p) {
    int lim = k > 0 && ph->w[k - 1].gap ? p + MAX_GAP : p;
    for (int q = p; q < c->n && q <= lim; q++) {
        if (word_ok(&ph->w[k], &c->t[q])) return q;
        if (!strcmp(c->t[q].word, ",")) break;
    }
    return -1;
}

static int phrase_at(const ctx *c, const cp_phrase *ph, int i) {
    if (i < 0 || i >= c->n) return -1;
    int p = i;
    for (int k = 0; k < ph->n; k++) {
        int q = k ? next_word(c, ph, k, p) : (word_ok(&ph->w[0], &c->t[p]) ? p : -1);
        if (q < 0) return -1;
        p = q + 1;
    }
    return p;
}

/* Does phrase ph match tokens ending at end (exclusive)? Returns its first
 * token or -1; words with gap set may have up to MAX_GAP tokens after them. */
static int phrase_back(const ctx *c, const cp_phrase *ph, int end) {
    int p = end - 1;
    if (ph->n <= 0 || p < 0 || p >= c->n || !word_ok(&ph->w[ph->n - 1], &c->t[p])) return -1;
    for (int k = ph->n - 2; k >= 0; k--) {
        int lim = ph->w[k].gap ? p - 1 - MAX_GAP : p - 1, q;
        for (q = p - 1; q >= 0 && q >= lim; q--) {
            if (word_ok(&ph->w[k], &c->t[q])) break;
            if (!strcmp(c->t[q].word, ",")) q = -1;
        }
        if (q < 0 || q < lim) return -1;
        p = q;
    }
    return p;
}

/* Candidate lists for a token: exact key and every prefix in the stem map. */
typedef void (*cand_fn)(const ctx *c, const cp_name *nm, int i, void *st);

static void each_name(const ctx *c, int i, cand_fn fn, void *st) {
    const char *w = c->t[i].word;
    const plist *l = dyad_strmap_get(&c->d->name_exact, w);
    for (int k = 0; l && k < l->n; k++) fn(c, l->v[k], i, st);
    char pk[PAIR_KEY_MAX];
    if (i + 1 < c->n && c->d->name_pair.len && pair_key(pk, w, c->t[i + 1].word) == 0) {
        l = dyad_strmap_get(&c->d->name_pair, pk);
        for (int k = 0; l && k < l->n; k++) fn(c, l->v[k], i, st);
    }
    const char *lem = c->t[i].lemma;
    if (lem && strcmp(lem, w) != 0) {
        l = dyad_strmap_get(&c->d->name_exact, lem);
        for (int k = 0; l && k < l->n; k++) fn(c, l->v[k], i, st);
    }
    /* the word without a regular ending, for names that allow endings */
    static const char *const ends[] = {"S", "ES", "ED", "D", "ING", "IES"};
    size_t wl = strlen(w);
    char key[128];
    for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
        size_t el = strlen(ends[e]);
        if (wl <= el + 1 || wl - el + 2 > sizeof key || strcmp(w + wl - el, ends[e]) != 0)
            continue;
        memcpy(key, w, wl - el);
        key[wl - el] = 0;
        if (e == 5) strcat(key, "Y");
        if (lem && !strcmp(key, lem)) continue;
        l = dyad_strmap_get(&c->d->name_exact, key);
        for (int k = 0; l && k < l->n; k++)
            if (((const cp_name *)l->v[k])->ph.w[0].stem == CP_INFLECT) fn(c, l->v[k], i, st);
    }
    if (!c->d->name_stem.len) return;
    size_t len = strlen(w);
    size_t maxk = len < (size_t)c->d->maxstem ? len : (size_t)c->d->maxstem;
    char buf[128];
    if (maxk >= sizeof buf) maxk = sizeof buf - 1; /* stems are short words */
    for (size_t k = 1; k <= maxk; k++) {
        memcpy(buf, w, k);
        buf[k] = 0;
        l = dyad_strmap_get(&c->d->name_stem, buf);
        for (int j = 0; l && j < l->n; j++) fn(c, l->v[j], i, st);
    }
}

typedef struct best {
    const cp_name *nm;
    int end;
    size_t chars;
} best;

static size_t phrase_chars(const cp_phrase *ph) {
    size_t s = 0;
    for (int k = 0; k < ph->n; k++) s += strlen(ph->w[k].w) + (ph->w[k].stem == CP_STEM ? 0 : 1);
    return s;
}

static void best_name(const ctx *c, const cp_name *nm, int i, void *st) {
    best *b = st;
    int e = phrase_at(c, &nm->ph, i);
    if (e < 0) return;
    size_t ch = phrase_chars(&nm->ph);
    if (!b->nm || e > b->end || (e == b->end && ch > b->chars) ||
        (e == b->end && ch == b->chars && b->nm->actor < 0 && nm->actor >= 0)) {
        b->nm = nm;
        b->end = e;
        b->chars = ch;
    }
}

/* The code of an actor entry on the date, or NULL. */
static const char *actor_code(const cp_dict *d, int entry, long date) {
    const cp_actor *a = &d->actors[entry];
    const char *dflt = NULL;
    for (int k = 0; k < a->ncodes; k++) {
        const cp_acode *ac = &a->codes[k];
        switch (ac->kind) {
        case CD_ANY:
            if (!dflt) dflt = ac->code;
            break;
        case CD_BEFORE:
            if (date < ac->d1) return ac->code;
            break;
        case CD_FROM:
            if (date >= ac->d1) return ac->code;
            break;
        case CD_RANGE:
            if (date >= ac->d1 && date <= ac->d2) return ac->code;
            break;
        default: break;
        }
    }
    return dflt;
}

static int is_word(const ctx *c, int i, const char *w) {
    return i >= 0 && i < c->n && strcmp(c->t[i].word, w) == 0;
}

/* Tokens that may stand between an actor and its agent in one noun phrase. */
static int np_filler(const ctx *c, int i) {
    const char *w = c->t[i].word;
    if (!strcmp(w, "'S") || !strcmp(w, "'")) return 1;
    int tg = c->t[i].tag;
    if (tg == TAG_NONE) return w[0] >= 'A' && w[0] <= 'Z';
    return TAG_IS_ADJ(tg) || TAG_IS_NOUN(tg) || tg == TAG_POS || tg == TAG_CD;
}

static int is_conj(const ctx *c, int i) {
    return is_word(c, i, "AND") || is_word(c, i, ",") || is_word(c, i, "NOR") ||
           is_word(c, i, "OR");
}

static int is_det(const ctx *c, int i) {
    return is_word(c, i, "THE") || is_word(c, i, "A") || is_word(c, i, "AN") ||
           is_word(c, i, "NEITHER") || is_word(c, i, "BOTH") || is_word(c, i, "EITHER");
}

static int is_adj(const ctx *c, int i) {
    int tg = c->t[i].tag;
    return tg != TAG_NONE && TAG_IS_ADJ(tg);
}

static char *join_code(dyad_arena *a, const char *actor, const cp_name *ag) {
    if (ag->prefix && !strncmp(actor, ag->agent_code, strlen(ag->agent_code)))
        return dyad_arena_strdup(a, actor); /* NGM~ + an NGM actor */
    if (ag->prefix) return dyad_arena_printf(a, "%s%s", ag->agent_code, actor);
    if (strstr(actor, ag->agent_code)) return dyad_arena_strdup(a, actor);
    return dyad_arena_printf(a, "%s%s", actor, ag->agent_code);
}

typedef struct unit {
    int start, end;
    const cp_name *nm;
    const char *code;   /* actors: dated code (NULL if none holds) */
    int used;
} unit;

static int is_actor(const unit *u) {
    return u->nm->actor >= 0 && u->code && strcmp(u->code, CP_NULL_CODE) != 0 &&
           strcmp(u->code, CP_DISCARD_CODE) != 0 && strcmp(u->code, CP_COMPLEX_CODE) != 0;
}
static int is_agent(const unit *u) { return u->nm->actor < 0; }

/* Add code (split at '/': "FRO/BIL/SAM" is three actors) to group g. */
static int group_add(ctx *c, group *g, const char *code) {
    if (!code) return -1;
    const char *p = code;
    for (;;) {
        const char *sl = strchr(p, '/');
        size_t n = sl ? (size_t)(sl - p) : strlen(p);
        if (n) {
            if (g->ncodes == g->cap) {
                int nc = g->cap ? g->cap * 2 : 4;
                const char **nv =
                    dyad_arena_grow(c->a, g->codes, (size_t)g->ncodes, (size_t)nc, sizeof *nv);
                if (!nv) return -1;
                g->codes = nv;
                g->cap = nc;
            }
            const char *one = sl ? dyad_arena_strndup(c->a, p, n) : p;
            if (!one) return -1;
            g->codes[g->ncodes++] = one;
        }
        if (!sl) break;
        p = sl + 1;
    }
    if (!g->code && g->ncodes) g->code = g->codes[0];
    return 0;
}

/* Do only separators (",", "and", "nor", "or", determiners, adjectives,
 * with at least one conjunction) stand in tokens [from, to)? */
static int list_gap(const ctx *c, int from, int to) {
    int conj = 0;
    if (to - from > 6) return 0;
    for (int x = from; x < to; x++) {
        if (is_conj(c, x)) conj = 1;
        else if (!is_det(c, x) && !is_adj(c, x)) return 0;
    }
    return conj;
}

/* Actor units from k on that form a list ("A, B and the C"): returns the
 * index after the last one; 0 items when u[k] is no actor. */
static int actor_list(const ctx *c, const unit *u, int nu, int k) {
    if (k >= nu || !is_actor(&u[k])) return k;
    int j = k + 1;
    while (j < nu && is_actor(&u[j]) && !u[j].used && list_gap(c, u[j - 1].end, u[j].start)) j++;
    return j;
}

/* Agents of the noun phrase: "the ambassadors of A, B and C", "soldiers
 * from A", "lawmakers and officials in A and B": agents k..ka, a
 * preposition, then actors. Returns 1 and fills g when it applies. */
static int agent_of(ctx *c, unit *u, int nu, int k, group *g) {
    int ka = k + 1; /* agents k .. ka-1 */
    while (ka < nu && is_agent(&u[ka]) && list_gap(c, u[ka - 1].end, u[ka].start)) ka++;
    int j = u[ka - 1].end;
    if (!(is_word(c, j, "OF") || is_word(c, j, "FROM") || is_word(c, j, "IN"))) return 0;
    j++;
    while (is_det(c, j) || is_adj(c, j)) j++;
    if (ka >= nu || u[ka].start != j || !is_actor(&u[ka])) return 0;
    int ke = actor_list(c, u, nu, ka);
    if (c->d->style == CP_STYLE_TABARI) ke = ka + 1; /* TABARI: the first actor only */
    memset(g, 0, sizeof *g);
    g->start = u[k].start;
    g->end = u[ke - 1].end;
    for (int x = ka; x < ke; x++)
        for (int y = k; y < ka; y++)
            if (group_add(c, g, join_code(c->a, u[x].code, u[y].nm)) != 0) return -1;
    for (int x = k; x < ke; x++) u[x].used = 1;
    return 1;
}

static int push_group(ctx *c, const group *g) {
    c->g[c->ng++] = *g;
    return 0;
}

/* An actor unit k with its agents: "Foreign Minister X", "X's awful and
 * evil minister", "Danish media and government". */
static int actor_group(ctx *c, unit *u, int nu, int k, group *g) {
    memset(g, 0, sizeof *g);
    g->start = u[k].start;
    g->end = u[k].end;
    const cp_name *pre = NULL;
    if (k > 0 && !u[k - 1].used && is_agent(&u[k - 1]) && u[k - 1].end == u[k].start) {
        pre = u[k - 1].nm;
        g->start = u[k - 1].start;
        u[k - 1].used = 1;
    }
    /* agents after it in the same noun phrase */
    const cp_name *ags[8];
    int nag = 0, j = k + 1, sep = 0;
    while (j < nu && is_agent(&u[j]) && nag < 8) {
        int gap = 0, ok = 1, conj = 0;
        for (int x = (j == k + 1 ? u[k].end : u[j - 1].end); x < u[j].start; x++, gap++) {
            if (is_word(c, x, ",")) ok = 0;
            else if (is_conj(c, x)) conj = 1;
            else if (!np_filler(c, x) && !is_det(c, x)) ok = 0;
        }
        if (!ok || gap > 4) break;
        if (conj && nag) sep = 1; /* "media and government": two groups of codes */
        ags[nag++] = u[j].nm;
        u[j].used = 1;
        g->end = u[j].end;
        j++;
    }
    const char *base = u[k].code;
    if (pre) base = join_code(c->a, base, pre);
    if (!base) return -1;
    if (!nag) return group_add(c, g, base);
    if (sep) {
        for (int x = 0; x < nag; x++)
            if (group_add(c, g, join_code(c->a, base, ags[x])) != 0) return -1;
        return 0;
    }
    const char *code = base;
    for (int x = 0; x < nag && code; x++) code = join_code(c->a, code, ags[x]);
    return group_add(c, g, code);
}

/* Find actors and agents, compose them into groups, join compounds. */
static int find_groups(ctx *c) {
    unit *u = dyad_arena_calloc(c->a, (size_t)c->n + 1, sizeof *u);
    int nu = 0;
    if (!u) return -1;
    for (int i = 0; i < c->n;) {
        best b = {0};
        each_name(c, i, best_name, &b);
        if (!b.nm) {
            i++;
            continue;
        }
        u[nu].start = i;
        u[nu].end = b.end;
        u[nu].nm = b.nm;
        u[nu].code = b.nm->actor >= 0 ? actor_code(c->d, b.nm->actor, c->date) : NULL;
        if (u[nu].code && !strcmp(u[nu].code, CP_COMPLEX_CODE)) c->complex = 1;
        nu++;
        i = b.end;
    }
    c->g = dyad_arena_calloc(c->a, (size_t)nu + 1, sizeof *c->g);
    if (!c->g) return -1;
    c->ng = 0;
    for (int k = 0; k < nu; k++) {
        if (u[k].used) continue;
        group g;
        if (is_actor(&u[k])) {
            if (actor_group(c, u, nu, k, &g) != 0) return -1;
        } else if (is_agent(&u[k])) {
            int r = agent_of(c, u, nu, k, &g);
            if (r < 0) return -1;
            if (!r && c->d->style == CP_STYLE_TABARI && !(c->set && c->set->convert_agent))
                continue; /* TABARI: an agent alone is no actor */
            if (!r) {
                memset(&g, 0, sizeof g);
                g.start = u[k].start;
                g.end = u[k].end;
                const char *none = c->set && c->set->convert_agent ? "~" : "---";
                const char *code = u[k].nm->prefix
                                       ? dyad_arena_printf(c->a, "%s%s", u[k].nm->agent_code, none)
                                       : dyad_arena_printf(c->a, "%s%s", none, u[k].nm->agent_code);
                if (group_add(c, &g, code) != 0) return -1;
            }
        } else {
            continue; /* an actor with no code on this date, or a null actor */
        }
        u[k].used = 1;
        if (g.ncodes) push_group(c, &g);
    }
    /* TABARI: a subject pronoun stands for the sentence's first actor; before
     * any actor, for the actor forwarded from the story (FORWARD) */
    const char *fwd = c->set ? c->set->forward : NULL;
    if (c->d->style == CP_STYLE_TABARI && (c->ng > 0 || fwd)) {
        static const char *const pron[] = {"IT", "HE", "SHE", "THEY"};
        group *ng = dyad_arena_grow(c->a, c->g, (size_t)c->ng + 1, (size_t)(c->ng + c->n + 1),
                                    sizeof *ng);
        if (!ng) return -1;
        c->g = ng;
        for (int i = 0; i < c->n; i++) {
            int isp = 0;
            for (size_t k = 0; k < sizeof pron / sizeof pron[0]; k++) isp |= is_word(c, i, pron[k]);
            /* in subject position: a verb (or a modal, an adverb and a verb) follows */
            int nx = i + 1;
            while (nx < c->n && c->t[nx].tag != TAG_NONE && TAG_IS_ADV(c->t[nx].tag)) nx++;
            int subj = nx < c->n && c->t[nx].tag != TAG_NONE &&
                       (TAG_IS_VERB(c->t[nx].tag) || c->t[nx].tag == TAG_MD);
            if (!isp || !subj) continue;
            int at = c->ng; /* keep groups in text order */
            while (at > 0 && c->g[at - 1].start > i) at--;
            if (at > 0 && c->g[at - 1].end > i) continue;
            group g;
            if (at > 0) {
                g = c->g[0]; /* the sentence's first actor, its subject */
            } else if (fwd) {
                memset(&g, 0, sizeof g);
                if (group_add(c, &g, fwd) != 0) return -1;
            } else {
                continue;
            }
            g.start = i;
            g.end = i + 1;
            g.pron = 1;
            memmove(&c->g[at + 1], &c->g[at], (size_t)(c->ng - at) * sizeof *c->g);
            c->g[at] = g;
            c->ng++;
        }
    }
    /* compounds: groups separated by "and", commas, determiners, adjectives */
    for (int k = 0; k < c->ng; k++) {
        c->g[k].comp = k;
        if (k > 0 && list_gap(c, c->g[k - 1].end, c->g[k].start)) c->g[k].comp = c->g[k - 1].comp;
    }
    c->gat = dyad_arena_calloc(c->a, (size_t)c->n + 1, sizeof(int));
    c->gend = dyad_arena_calloc(c->a, (size_t)c->n + 1, sizeof(int));
    c->gin = dyad_arena_calloc(c->a, (size_t)c->n + 1, sizeof(int));
    if (!c->gat || !c->gend || !c->gin) return -1;
    for (int i = 0; i <= c->n; i++) c->gat[i] = c->gend[i] = c->gin[i] = -1;
    for (int k = 0; k < c->ng; k++) {
        c->gat[c->g[k].start] = k;
        c->gend[c->g[k].end] = k;
        for (int x = c->g[k].start; x < c->g[k].end; x++) c->gin[x] = k;
    }
    return 0;
}

/* Last group of the compound that group k belongs to. */
static int comp_last(const ctx *c, int k) {
    while (k + 1 < c->ng && c->g[k + 1].comp == c->g[k].comp) k++;
    return k;
}

static int comp_size(const ctx *c, int k) {
    int n = 0;
    for (int j = 0; j < c->ng; j++) n += c->g[j].comp == c->g[k].comp;
    return n;
}

/* Element e starting at token i: returns its end, or -1. */
static int elem_fwd(ctx *c, const cp_elem *e, int i) {
    if (i >= c->n) return -1;
    switch (e->kind) {
    case CE_ALT:
        for (int k = 0; k < e->nalts; k++) {
            int r = phrase_at(c, &e->alts[k], i);
            if (r >= 0) return r;
        }
        return -1;
    case CE_SRC:
    case CE_TGT:
        return c->gat[i] >= 0 ? c->g[comp_last(c, c->gat[i])].end : -1;
    case CE_COMP:
        return c->gat[i] >= 0 && comp_size(c, c->gat[i]) > 1 ? c->g[comp_last(c, c->gat[i])].end
                                                              : -1;
    case CE_SKIP: { /* a noun phrase: determiners and adjectives, then an actor or a word */
        int j = i;
        while (j < c->n && c->gat[j] < 0 && (is_det(c, j) || is_adj(c, j))) j++;
        if (j < c->n && c->gat[j] >= 0) return c->g[comp_last(c, c->gat[j])].end;
        return i + 1;
    }
    default: return -1;
    }
}

/* Element e ending at token end (exclusive): returns its start, or -1. */
static int elem_bwd(ctx *c, const cp_elem *e, int end) {
    if (end <= 0) return -1;
    switch (e->kind) {
    case CE_ALT:
        for (int k = 0; k < e->nalts; k++) {
            int s = phrase_back(c, &e->alts[k], end);
            if (s >= 0) return s;
        }
        return -1;
    case CE_SRC:
    case CE_TGT:
    case CE_COMP:
    case CE_SKIP: {
        int k = c->gend[end];
        if (k < 0) return e->kind == CE_SKIP ? end - 1 : -1;
        int first = k;
        while (first > 0 && c->g[first - 1].comp == c->g[k].comp) first--;
        if (e->kind == CE_COMP && first == k) return -1;
        return c->g[first].start;
    }
    default: return -1;
    }
}

static int group_of(const ctx *c, int tok) { return tok >= 0 && tok < c->n ? c->gat[tok] : -1; }

static int match_fwd(ctx *c, const cp_pat *p, int k, int pos, int adj) {
    if (k == p->nel) return 1;
    const cp_elem *e = &p->el[k];
    for (int q = pos; q < c->n; q++) {
        if (++c->steps > MAX_STEPS) return 0;
        int end = elem_fwd(c, e, q);
        if (end >= 0) {
            if (k < 64) c->slot[k] = group_of(c, q);
            if (match_fwd(c, p, k + 1, end, e->adj)) return 1;
        }
        if (adj) break;
    }
    return 0;
}

static int match_bwd(ctx *c, const cp_pat *p, int k, int end, int adj) {
    if (k < 0) return 1;
    const cp_elem *e = &p->el[k];
    for (int q = end; q > 0; q--) {
        if (++c->steps > MAX_STEPS) return 0;
        int start = elem_bwd(c, e, q);
        if (start >= 0) {
            if (k < 64) c->slot[k] = group_of(c, start);
            if (match_bwd(c, p, k - 1, start, k > 0 && p->el[k - 1].adj)) return 1;
        }
        if (adj) break;
    }
    return 0;
}

/* Does the verb entry v match at token i? Sets the verb phrase span. */
static int verb_at(const ctx *c, const cp_vent *v, int i, int *vs, int *ve) {
    int s = i - v->verb;
    if (s < 0) return 0;
    for (int k = 0; k < v->verb; k++) /* words before the verb: adjacent */
        if (!word_ok(&v->ph.w[k], &c->t[s + k])) return 0;
    int p = i + 1;
    for (int k = v->verb + 1; k < v->ph.n; k++) {
        int q = next_word(c, &v->ph, k, p);
        if (q < 0) return 0;
        p = q + 1;
    }
    *vs = s;
    *ve = p;
    return 1;
}

static int verb_tag_ok(const ctx *c, int i) {
    if (c->d->style == CP_STYLE_TABARI) {
        /* TABARI's dictionaries expect no tagger: any word can be a verb, but not
         * a capitalised one inside the sentence, nor one after a determiner */
        if (i > 0 && c->t[i].cap == 1) return 0;
        return !(i > 0 && (is_word(c, i - 1, "THE") || is_word(c, i - 1, "A") ||
                           is_word(c, i - 1, "AN")));
    }
    int tg = c->t[i].tag;
    if (tg == TAG_NONE) return 1;
    return TAG_IS_VERB(tg);
}

typedef struct vhit {
    const cp_vent *v;
    int vs, ve;
} vhit;

static void collect_verbs(const ctx *c, const plist *l, int i, int via_lemma, vhit *h, int *nh,
                          int cap) {
    for (int k = 0; l && k < l->n && *nh < cap; k++) {
        const cp_vent *v = l->v[k];
        if (via_lemma && v->ph.w[v->verb].stem == CP_VERBATIM) continue;
        int seen = 0;
        for (int j = 0; j < *nh; j++) seen |= h[j].v == v;
        int vs, ve;
        if (seen || !verb_at(c, v, i, &vs, &ve)) continue;
        h[(*nh)++] = (vhit){v, vs, ve};
    }
}

/* Stems that begin form: every prefix of it in the stem map. */
static void collect_stems(const ctx *c, const char *form, int i, vhit *h, int *nh, int cap) {
    size_t len = strlen(form);
    size_t maxk = len < (size_t)c->d->maxstem ? len : (size_t)c->d->maxstem;
    char buf[128];
    if (maxk >= sizeof buf) maxk = sizeof buf - 1;
    for (size_t k = 1; k <= maxk; k++) {
        memcpy(buf, form, k);
        buf[k] = 0;
        collect_verbs(c, dyad_strmap_get(&c->d->verb_stem, buf), i, 0, h, nh, cap);
    }
}

static int verbs_at(const ctx *c, int i, vhit *h, int cap) {
    int nh = 0;
    const char *w = c->t[i].word;
    if (dyad_strmap_get(&c->d->notverb, w)) return 0;
    const char *lem = c->t[i].lemma && strcmp(c->t[i].lemma, w) != 0 ? c->t[i].lemma : NULL;
    collect_verbs(c, dyad_strmap_get(&c->d->verb_exact, w), i, 0, h, &nh, cap);
    if (lem) collect_verbs(c, dyad_strmap_get(&c->d->verb_exact, lem), i, 1, h, &nh, cap);
    if (c->d->verb_stem.len) {
        collect_stems(c, w, i, h, &nh, cap);
        if (lem) collect_stems(c, lem, i, h, &nh, cap); /* MET: lemma MEET, stem MEET */
    }
    /* longest verb phrase first */
    for (int a = 1; a < nh; a++)
        for (int b = a; b > 0 && h[b].v->ph.n > h[b - 1].v->ph.n; b--) {
            vhit t = h[b];
            h[b] = h[b - 1];
            h[b - 1] = t;
        }
    return nh;
}

static int is_be(const char *w) {
    static const char *const be[] = {"IS", "WAS", "WERE", "ARE", "BE", "BEEN", "BEING", "'S", "'RE"};
    for (size_t k = 0; k < sizeof be / sizeof be[0]; k++)
        if (!strcmp(w, be[k])) return 1;
    return 0;
}

static int push_event(ctx *c, cp_result *r, int *cap, int gs, const char *src, int gt,
                      const char *tgt, const char *code, int verb, const cp_pat *p,
                      const char *where) {
    for (int k = 0; k < r->nev; k++)
        if (!strcmp(r->ev[k].source, src) && !strcmp(r->ev[k].target, tgt) &&
            !strcmp(r->ev[k].code, code))
            return 0;
    if (r->nev == *cap) {
        int nc = *cap ? *cap * 2 : 8;
        cp_event *ne = dyad_arena_grow(c->a, r->ev, (size_t)r->nev, (size_t)nc, sizeof *ne);
        if (!ne) return -1;
        r->ev = ne;
        *cap = nc;
    }
    r->ev[r->nev++] = (cp_event){src,           tgt,          code,          verb,
                                 c->g[gs].start, c->g[gs].end, c->g[gt].start, c->g[gt].end,
                                 p ? p->text : NULL, where};
    return 0;
}

/* Events between every actor of the compound of group s and every actor of
 * the compound of group t (not within one group, not an actor with itself). */
static int pair_events(ctx *c, cp_result *r, int *cap, int s, int t, const char *code,
                       const char *code2, int verb, const cp_pat *p, const char *where) {
    for (int i = 0; i < c->ng; i++) {
        if (c->g[i].comp != c->g[s].comp) continue;
        for (int j = 0; j < c->ng; j++) {
            if (c->g[j].comp != c->g[t].comp || i == j) continue;
            for (int a = 0; a < c->g[i].ncodes; a++)
                for (int b = 0; b < c->g[j].ncodes; b++) {
                    const char *x = c->g[i].codes[a], *y = c->g[j].codes[b];
                    if (!strcmp(x, y)) continue;
                    if (code && push_event(c, r, cap, i, x, j, y, code, verb, p, where) != 0)
                        return -1;
                    if (code2 && push_event(c, r, cap, j, y, i, x, code2, verb, p, where) != 0)
                        return -1;
                }
        }
    }
    return 0;
}

static int discarded(const ctx *c, cp_result *r) {
    for (int i = 0; i < c->n; i++)
        for (int pass = 0; pass < 2; pass++) {
            const plist *l = pass ? &c->d->discard_other
                                  : dyad_strmap_get(&c->d->discard_first, c->t[i].word);
            for (int k = 0; l && k < l->n; k++) {
                const cp_name *nm = l->v[k];
                if (phrase_at(c, &nm->ph, i) >= 0) {
                    r->discard = nm->actor ? 2 : 1;
                    r->why = nm->ph.w[0].w;
                    return 1;
                }
            }
        }
    return 0;
}

/* ---- the words of a sentence, for the patterns' required words: a set of
 * FNV-1a hashes (false positives only let a pattern be tried) of every token,
 * its lemma, the token without a regular ending, and every prefix of it (for
 * stems). No allocation beyond the table. */


static void hset_put(ctx *c, unsigned h) {
    dyad_hset_put(c->hset, c->wmask, h | 1u); /* 0 marks an empty slot */
}

static int build_wset(ctx *c) {
    static const char *const ends[] = {"S", "ES", "ED", "D", "ING", "'S", "EN"};
    size_t want = 0;
    for (int i = 0; i < c->n; i++) want += strlen(c->t[i].word) + 24;
    unsigned cap = 64;
    while (cap < want * 2 && cap < (1u << 30)) cap *= 2;
    c->hset = dyad_arena_calloc(c->a, cap, sizeof *c->hset);
    if (!c->hset) return -1;
    c->wmask = cap - 1;
    for (int i = 0; i < c->n; i++) {
        const char *w = c->t[i].word;
        size_t n = strlen(w);
        unsigned h = FNV_INIT;
        for (size_t k = 0; k < n; k++) { /* every prefix, the word itself last */
            h = fnv_step(h, (unsigned char)w[k]);
            hset_put(c, h);
        }
        if (c->t[i].lemma) hset_put(c, hash_word(c->t[i].lemma));
        for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
            size_t el = strlen(ends[e]);
            if (n <= el || strcmp(w + n - el, ends[e]) != 0) continue;
            unsigned hb = fnv_n(FNV_INIT, w, n - el); /* ACCUSED -> ACCUS(E) */
            hset_put(c, fnv_step(hb, 'E'));
            if (n - el > 1 && w[n - el - 1] == w[n - el - 2]) /* PLANNED -> PLAN */
                hset_put(c, fnv_n(FNV_INIT, w, n - el - 1));
        }
        if (n > 3 && (!strcmp(w + n - 3, "IES") || !strcmp(w + n - 3, "IED")))
            hset_put(c, fnv_step(fnv_n(FNV_INIT, w, n - 3), 'Y'));
    }
    return 0;
}

/* Can pattern p match this sentence at all (its required words present)? */
static int pattern_possible(const ctx *c, const cp_pat *p) {
    for (int k = 0; k < p->nreq; k++)
        if (!dyad_hset_has(c->hset, c->wmask, p->reqhash[k])) return 0;
    return 1;
}

/* A conjunction that starts a new clause sharing the subject ("... and
 * promised aid"): "and"/"but" in [from, to) with no group after it.
 * Returns the token after it, or -1. */
static int conjoined(const ctx *c, int from, int to) {
    for (int x = to - 1; x >= from; x--) {
        if (c->gin[x] >= 0 && !c->g[c->gin[x]].pron) return -1;
        if (is_word(c, x, "AND") || is_word(c, x, "BUT")) return x + 1;
    }
    return -1;
}

/* CODE BY CLAUSE: a conjunction ("and", "or", "but") in [from, to) starts a
 * new clause; returns the token after the last one, or -1. */
static int clause_start(const ctx *c, int from, int to) {
    for (int x = to - 1; x >= from; x--)
        if (is_word(c, x, "AND") || is_word(c, x, "BUT") || is_word(c, x, "OR")) return x + 1;
    return -1;
}

/* The pattern that matches verb hit h, or NULL; the roles it captured. */
static const cp_pat *match_block(ctx *c, const cp_block *b, const vhit *h, int *src, int *tgt,
                                 int *comp) {
    *src = *tgt = *comp = -1;
    if (!c->hset && b->pats.n && build_wset(c) != 0) return NULL;
    for (int pi = 0; pi < b->pats.n; pi++) {
        const cp_pat *p = b->pats.v[pi];
        if (!pattern_possible(c, p)) continue;
        for (int x = 0; x < 64; x++) c->slot[x] = -1;
        c->steps = 0;
        if (match_fwd(c, p, p->vpos + 1, h->ve, p->el[p->vpos].adj) &&
            match_bwd(c, p, p->vpos - 1, h->vs, p->vpos > 0 && p->el[p->vpos - 1].adj)) {
            for (int x = 0; x < p->nel && x < 64; x++) {
                if (p->el[x].kind == CE_SRC && *src < 0) *src = c->slot[x];
                if (p->el[x].kind == CE_TGT && *tgt < 0) *tgt = c->slot[x];
                if (p->el[x].kind == CE_COMP && *comp < 0) *comp = c->slot[x];
            }
            return p;
        }
    }
    return NULL;
}

/* Source and target a pattern left open: a passive's "by" phrase, the
 * first group before the verb (or, after a conjunction, the clause's
 * subject), else the first after it; the target is the first group after
 * the verb outside the source's compound. */
static void fill_roles(ctx *c, const vhit *h, int i, int carry, int clause, int *src, int *tgt) {
    const cp_token *t = c->t;
    int prior = c->set && c->set->prior, after = c->set && c->set->after;
    if (*src < 0 && *tgt < 0 && t[i].tag == TAG_VBN) {
        int passive = 0;
        for (int x = h->vs - 1; x >= 0 && x >= h->vs - 3; x--)
            if (is_be(t[x].word)) passive = 1;
        int by = -1;
        for (int x = h->ve; passive && x + 1 < c->n && by < 0; x++)
            if (is_word(c, x, "BY") && c->gat[x + 1] >= 0) by = c->gat[x + 1];
        if (by >= 0) {
            *src = by;
            for (int g = 0; g < c->ng && *tgt < 0; g++)
                if (c->g[g].end <= h->vs) *tgt = g;
        }
    }
    if (*src < 0 && carry >= 0) {
        for (int g = 0; g < c->ng && *src < 0; g++)
            if (c->g[g].start >= clause && c->g[g].end <= h->vs && g != *tgt) *src = g;
        if (*src < 0) *src = carry;
    }
    for (int g = 0; g < c->ng && *src < 0; g++)
        if (c->g[g].end <= h->vs && g != *tgt &&
            (*tgt < 0 || c->g[g].comp != c->g[*tgt].comp))
            *src = g;
    if (*src < 0 && !prior && c->set && c->set->default_src) /* DEFAULT without PRIOR */
        for (int g = 0; g < c->ng && *src < 0; g++)
            if (c->g[g].start >= h->ve && g != *tgt) *src = g;
    if (*tgt < 0)
        for (int g = 0; g < c->ng && *tgt < 0; g++)
            if (c->g[g].start >= h->ve && g != *src && !c->g[g].pron &&
                (*src < 0 || c->g[g].comp != c->g[*src].comp))
                *tgt = g;
    for (int g = 0; g < c->ng && *src < 0 && !prior; g++) /* a target before the verb: source after it */
        if (g != *tgt && (*tgt < 0 || c->g[g].comp != c->g[*tgt].comp)) *src = g;
    (void)after;
}

/* A group for a default actor (DEFAULT: SOURCE [X] / TARGET [Y]). */
static int default_group(ctx *c, const char *code, int at) {
    group g;
    memset(&g, 0, sizeof g);
    g.start = g.end = at;
    g.comp = c->ng;
    if (group_add(c, &g, code) != 0) return -1;
    c->g[c->ng] = g;
    return c->ng++;
}

/* TABARI's complexity tests: too many verbs or conjunctions. */
static int too_complex(ctx *c) {
    const cp_settings *s = c->set;
    if (!s || (!s->complex_verbs && !s->complex_conj)) return 0;
    int verbs = 0, conj = 0;
    vhit h[4];
    for (int i = 0; i < c->n; i++) {
        if (is_word(c, i, "AND") || is_word(c, i, "BUT") || is_word(c, i, "OR")) conj++;
        else if (c->gin[i] < 0 && verb_tag_ok(c, i) && verbs_at(c, i, h, 4) > 0) verbs++;
    }
    return (s->complex_verbs && verbs > s->complex_verbs) ||
           (s->complex_conj && conj > s->complex_conj);
}

/* Words (tokens that are not punctuation) in t[from, to). */
static int count_words(const cp_token *t, int from, int to) {
    int w = 0;
    for (int i = from; i < to; i++) {
        unsigned char ch = (unsigned char)t[i].word[0];
        w += (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
    }
    return w;
}

static int tok_is(const cp_token *t, int n, int i, const char *w) {
    return i >= 0 && i < n && !strcmp(t[i].word, w);
}

/* TABARI's comma-delimited clauses: marks in keep[] the tokens to code. A
 * clause between commas (or from the last comma to the final period, or
 * from the start to the first comma) of more than MIN and at most MAX words
 * is left out, unless it is part of a list (it holds "and"/"or", or one
 * follows it) or leaving it out would leave no verb. */
static void comma_clauses(const ctx *vc, const cp_settings *s, char *keep) {
    const cp_token *t = vc->t;
    int n = vc->n;
    int mn = 2, mx = 10, emn = 2, emx = 10, bmn = 255, bmx = 0;
    if (s && s->comma_set) {
        mn = s->comma_min, mx = s->comma_max, emn = s->comma_emin, emx = s->comma_emax;
        bmn = s->comma_bmin, bmx = s->comma_bmax;
    }
    for (int i = 0; i < n; i++) keep[i] = 1;
    if (s && s->comma_off) return;
    int period = n > 0 && (tok_is(t, n, n - 1, ".") || tok_is(t, n, n - 1, "!") ||
                           tok_is(t, n, n - 1, "?"));
    int end = period ? n - 1 : n;
    int prev = -1;
    for (int i = 0; i <= end; i++) {
        if (i < end && strcmp(t[i].word, ",") != 0) continue;
        int from = prev + 1, w = count_words(t, from, i);
        int initial = prev < 0, terminal = i == end;
        int lo = initial ? bmn : terminal ? emn : mn, hi = initial ? bmx : terminal ? emx : mx;
        int list = tok_is(t, n, i + 1, "AND") || tok_is(t, n, i + 1, "OR");
        for (int k = from; k < i; k++) list |= tok_is(t, n, k, "AND") || tok_is(t, n, k, "OR");
        if (!(initial && terminal) && !(terminal && !period) && !list && w > lo && w <= hi) {
            int has_verb = 0; /* keep the clause if nothing else would have a verb */
            vhit h[1];
            for (int k = 0; k < n && !has_verb; k++)
                if (keep[k] && !(k >= (initial ? 0 : prev) && k < i))
                    has_verb = verb_tag_ok(vc, k) && verbs_at(vc, k, h, 1) > 0;
            if (has_verb)
                for (int k = initial ? 0 : prev; k < i; k++) keep[k] = 0;
        }
        prev = i;
    }
}

static int code_tokens(const cp_dict *d, const cp_settings *s, const cp_token *t, int n, long date,
                       dyad_arena *a, cp_result *out);

int cp_code_sentence(const cp_dict *d, const cp_settings *s, const cp_token *t, int n, long date,
                     dyad_arena *a, cp_result *out) {
    if (d->style != CP_STYLE_TABARI || n <= 0) return code_tokens(d, s, t, n, date, a, out);
    char *keep = dyad_arena_alloc(a, (size_t)n);
    int *map = dyad_arena_calloc(a, (size_t)n + 1, sizeof *map);
    cp_token *kt = dyad_arena_calloc(a, (size_t)n, sizeof *kt);
    if (!keep || !map || !kt) return -1;
    ctx vc = {.d = d, .t = t, .n = n, .a = a, .set = s};
    comma_clauses(&vc, s, keep);
    int m = 0;
    for (int i = 0; i < n; i++)
        if (keep[i]) {
            map[m] = i;
            kt[m++] = t[i];
        }
    map[m] = n;
    if (code_tokens(d, s, kt, m, date, a, out) != 0) return -1;
    for (int k = 0; k < out->nev; k++) { /* back to the caller's token indices */
        cp_event *e = &out->ev[k];
        e->verb = map[e->verb];
        if (e->src_end > e->src_start) {
            e->src_end = map[e->src_end - 1] + 1;
            e->src_start = map[e->src_start];
        } else {
            e->src_start = e->src_end = map[e->src_start];
        }
        if (e->tgt_end > e->tgt_start) {
            e->tgt_end = map[e->tgt_end - 1] + 1;
            e->tgt_start = map[e->tgt_start];
        } else {
            e->tgt_start = e->tgt_end = map[e->tgt_start];
        }
    }
    return 0;
}

static int code_tokens(const cp_dict *d, const cp_settings *s, const cp_token *t, int n, long date,
                       dyad_arena *a, cp_result *out) {
    memset(out, 0, sizeof *out);
    ctx c = {.d = d, .t = t, .n = n, .date = date, .a = a, .set = s};
    if (n <= 0) return 0;
    if (s && s->min_words) {
        int words = 0;
        for (int i = 0; i < n; i++) words += (t[i].word[0] >= 'A' && t[i].word[0] <= 'Z');
        if (words < s->min_words) return 0;
    }
    if (discarded(&c, out)) return 0;
    if (find_groups(&c) != 0) return -1;
    /* room for the default actors */
    group *ng = dyad_arena_grow(a, c.g, (size_t)c.ng, (size_t)c.ng + 2, sizeof *ng);
    if (!ng) return -1;
    c.g = ng;
    if (c.complex || too_complex(&c)) {
        out->discard = 3;
        out->why = "complex";
        return 0;
    }
    int cap = 0, coded = 0, carry = -1, last_end = 0, tentative = -1, dsrc = -1, dtgt = -1;
    int last_tgt = -1;
    vhit h[16];
    for (int i = 0; i < n; i++) {
        if (c.gin[i] >= 0 || !verb_tag_ok(&c, i)) continue;
        int clause = 0;
        int mode = s ? s->code_all : 0;
        if (coded && mode == 0 && (clause = conjoined(&c, last_end, i)) < 0) continue;
        if (coded && mode == 1 && (clause = clause_start(&c, last_end, i)) < 0) continue;
        if (coded && mode == 2) {
            /* every verb: its subject is a group right before it ("but Dagolath
             * promised"), else, after "and"/"or"/"but", the sentence's source */
            int x = i - 1;
            while (x > last_end && c.gin[x] < 0 && t[x].tag != TAG_NONE && TAG_IS_ADV(t[x].tag)) x--;
            clause = x >= last_end && c.gin[x] >= 0 ? c.g[c.gin[x]].start : i;
        }
        int nh = verbs_at(&c, i, h, 16);
        for (int k = 0; k < nh; k++) {
            const cp_vent *v = h[k].v;
            const cp_block *b = &d->blocks[v->block];
            int src, tgt, comp;
            const cp_pat *hit = match_block(&c, b, &h[k], &src, &tgt, &comp);
            const char *code = hit ? hit->code : v->code ? v->code : b->code;
            const char *code2 = hit ? hit->code2 : v->code ? v->code2 : b->code2;
            int reverse_only = code && !code[0] && code2 && code2[0]; /* [:173] */
            if (reverse_only) code = code2;
            if (!code || !strcmp(code, CP_NULL_CODE)) {
                if (hit) break; /* a null pattern: this verb codes nothing */
                continue;
            }
            if (!strcmp(code, CP_DISCARD_CODE) || !strcmp(code, CP_COMPLEX_CODE)) {
                out->discard = !strcmp(code, CP_DISCARD_CODE) ? 1 : 3;
                out->why = v->ph.w[v->verb].w;
                out->nev = 0;
                return 0;
            }
            if (!coded && s && s->noactprior && (c.ng == 0 || c.g[0].start >= h[k].vs) &&
                src < 0 && comp < 0) {
                out->discard = 3; /* no actor before the verb */
                out->why = "no actor before the verb";
                out->nev = 0;
                return 0;
            }
            /* "023?": only when no other verb of the sentence codes */
            size_t cl = strlen(code);
            int tent = cl > 1 && code[cl - 1] == '?';
            if (tent && !(code = dyad_arena_strndup(a, code, cl - 1))) return -1;
            if (tentative >= 0) out->nev = tentative; /* a later verb replaces it */
            tentative = tent ? out->nev : -1;
            const char *where = hit ? hit->where : NULL;
            if (comp >= 0) {
                if (pair_events(&c, out, &cap, comp, comp, code, code2, i, hit, where) != 0)
                    return -1;
            } else {
                int from = !coded ? -1 : s && s->code_all == 2 && c.ng ? 0 : carry;
                fill_roles(&c, &h[k], i, from, clause, &src, &tgt);
                if (tgt < 0 && coded && s && s->code_all == 2 && last_tgt >= 0 && last_tgt != src)
                    tgt = last_tgt; /* "urged Bree to assist it": the clause's object */
                if (src < 0 && s && s->default_src) {
                    if (dsrc < 0 && (dsrc = default_group(&c, s->default_src, h[k].vs)) < 0)
                        return -1;
                    src = dsrc;
                }
                if (tgt < 0 && s && s->default_tgt) {
                    if (dtgt < 0 && (dtgt = default_group(&c, s->default_tgt, h[k].ve)) < 0)
                        return -1;
                    tgt = dtgt;
                }
                if (src < 0 || tgt < 0) {
                    if (tent) tentative = -1;
                    break; /* only events with both actors are made */
                }
                if (pair_events(&c, out, &cap, src, tgt, reverse_only ? NULL : code,
                                reverse_only ? code : code2, i, hit, where) != 0)
                    return -1;
                if (!tent) {
                    carry = src;
                    last_tgt = tgt;
                }
            }
            if (!tent) {
                coded = 1;
                last_end = h[k].ve;
            }
            i = h[k].ve - 1;
            break;
        }
    }
    return 0;
}
