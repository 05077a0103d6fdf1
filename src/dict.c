/*
 * dict.c — loader for dyad's own dictionary format (docs/DICTIONARIES.md).
 *
 * Each line is `LHS = alt | alt | ...  {options}` under a `[section]`.
 * Actors and agents go into one index keyed by the first (lower-cased)
 * word of each name, longest names first; verb and noun patterns go into an
 * index keyed by their head word. Everything is allocated with malloc and
 * owned by the dyad_dict; after loading the dictionary is read-only.
 */
#include "dict.h"

#include "fileio.h"
#include "xprintf.h"
#include "reader.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void dyad_dict_init(dyad_dict *d) {
    memset(d, 0, sizeof *d);
    dyad_strmap_init(&d->names);
    dyad_strmap_init(&d->refers);
    dyad_strmap_init(&d->heads);
    dyad_strmap_init(&d->countries);
    for (int k = 0; k < 3; k++) dyad_strmap_init(&d->moods[k]);
}

static void free_list_map(dyad_strmap *m, int patterns) {
    for (size_t i = dyad_strmap_next(m, 0); i < m->cap; i = dyad_strmap_next(m, i + 1)) {
        if (!m->vals[i]) continue; /* its list failed to allocate (out of memory) */
        if (patterns) {
            dict_pattern_list *l = m->vals[i];
            free(l->items);
            free(l);
        } else {
            dict_name_list *l = m->vals[i];
            free(l->items);
            free(l);
        }
    }
    dyad_strmap_free(m);
}

static void free_strv(char **v, int n) {
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
}

static void free_pattern(dict_pattern *p) {
    if (!p) return;
    for (int e = 0; e < p->nel; e++) free_strv(p->el[e].alts, p->el[e].nalts);
    free(p->el);
    free(p->code);
    free(p->where);
    free(p->text);
    free(p->req);
    free(p);
}

void dyad_dict_free(dyad_dict *d) {
    free_list_map(&d->names, 0);
    free_list_map(&d->refers, 0);
    free_list_map(&d->heads, 1);
    dyad_strmap_free(&d->countries);
    for (int k = 0; k < 3; k++) dyad_strmap_free(&d->moods[k]); /* values are numbers */
    for (size_t i = 0; i < d->nactors; i++) {
        dict_actor *a = d->actors[i];
        free(a->code);
        free_strv(a->refer, a->nrefer);
        free(a->where);
        free(a);
    }
    free(d->actors);
    for (size_t i = 0; i < d->nnames; i++) {
        free_strv(d->allnames[i]->words, d->allnames[i]->nwords);
        free(d->allnames[i]->wflags);
        free(d->allnames[i]);
    }
    free(d->allnames);
    for (size_t i = 0; i < d->npatterns; i++) free_pattern(d->patterns[i]);
    free(d->patterns);
    memset(d, 0, sizeof *d);
}

/* Append ptr to a growable pointer array; -1 on OOM. */
static int push(void ***arr, size_t *n, size_t *cap, void *ptr) {
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void **na = realloc(*arr, nc * sizeof *na);
        if (!na) return -1;
        *arr = na;
        *cap = nc;
    }
    (*arr)[(*n)++] = ptr;
    return 0;
}

static char *xstrndup(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void lower_ascii(char *s) {
    for (; *s; s++) *s = (char)tolower((unsigned char)*s);
}

static char *trim(char *s) {
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
    return s;
}

/* Split s on whitespace into a malloc'd vector of malloc'd words. */
static char **split_words(const char *s, int *count) {
    char **v = NULL;
    size_t n = 0, cap = 0;
    while (*s) {
        while (isspace((unsigned char)*s)) s++;
        if (!*s) break;
        const char *b = s;
        while (*s && !isspace((unsigned char)*s)) s++;
        char *w = xstrndup(b, (size_t)(s - b));
        if (!w || push((void ***)&v, &n, &cap, w) != 0) {
            free(w);
            free_strv(v, (int)n);
            *count = -1;
            return NULL;
        }
    }
    *count = (int)n;
    return v;
}

/* A dictionary line longer than this is reported and skipped: no real
 * entry is that long, and a corrupt file should not become one huge entry. */
#define DICT_MAX_LINE 65536

typedef struct load_ctx {
    dyad_dict *d;
    const char *file;   /* base name */
    long line;
    const char *lstart; /* first byte of the line being read, for columns */
    dict_warn_fn warn;
    void *wctx;
    size_t order;
} load_ctx;

/* "file:line" of the line being read; malloc'd. */
static char *place(const load_ctx *c) { return dyad_asprintf("%s:%ld", c->file, c->line); }

/* 1-based column of `at` (a pointer into the line being read), counted in
 * characters: UTF-8 continuation bytes do not count. The loader writes NULs
 * into the line (comments, '=', '|', ';', braces, trimmed spaces), always
 * over ASCII bytes, so counting bytes still gives the original column. */
static long column_of(const load_ctx *c, const char *at) {
    if (!at || !c->lstart || at < c->lstart) return 0;
    long col = 1;
    for (const char *q = c->lstart; q < at; q++)
        if (((unsigned char)*q & 0xC0) != 0x80) col++;
    return col;
}

/* Report a malformed line; `at` points at the offending element in the line
 * (NULL when no position is known). */
static void warnf(load_ctx *c, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warnf(load_ctx *c, const char *at, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = dyad_vasprintf(fmt, ap);
    va_end(ap);
    /* on OOM the warning still counts, with a fixed text */
    if (c->warn)
        c->warn(c->wctx, c->file, c->line, column_of(c, at),
                msg ? msg : "malformed line (out of memory)");
    free(msg);
}

/* The i-th (0-based) whitespace-separated word of s, as split_words cuts it. */
static const char *nth_word(const char *s, int i) {
    for (;;) {
        while (isspace((unsigned char)*s)) s++;
        if (!*s || i == 0) return s;
        while (*s && !isspace((unsigned char)*s)) s++;
        i--;
    }
}

/* Just past the last non-space character of s (s itself when blank). */
static const char *end_of_text(const char *s) {
    const char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) e--;
    return e;
}

static int valid_code(const char *s, size_t minlen, size_t maxlen, int digits_only) {
    size_t n = strlen(s);
    if (n < minlen || n > maxlen) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (digits_only ? !isdigit(ch) : !(isupper(ch) || isdigit(ch))) return 0;
    }
    return 1;
}

static dict_name_list *name_list(dyad_strmap *m, const char *key) {
    void **slot = dyad_strmap_slot(m, key);
    if (!slot) return NULL;
    if (!*slot) *slot = calloc(1, sizeof(dict_name_list));
    return *slot;
}

/* Insert name keeping the list sorted by word count, longest first (stable). */
static int list_insert_name(dict_name_list *l, dict_name *nm) {
    if (push((void ***)&l->items, &l->n, &l->cap, nm) != 0) return -1;
    size_t i = l->n - 1;
    while (i > 0 && l->items[i - 1]->nwords < nm->nwords) {
        l->items[i] = l->items[i - 1];
        i--;
    }
    l->items[i] = nm;
    return 0;
}

static int add_name(load_ctx *c, dyad_strmap *index, const char *text, const dict_actor *a) {
    int nw;
    char **words = split_words(text, &nw);
    if (nw < 0) return -1;
    if (nw == 0) {
        warnf(c, text, "empty name (want one or more words)");
        free(words);
        return 0;
    }
    dict_name *nm = calloc(1, sizeof *nm);
    unsigned char *wf = calloc((size_t)nw, 1);
    if (!nm || !wf) {
        free(nm);
        free(wf);
        free_strv(words, nw);
        return -1;
    }
    for (int i = 0; i < nw; i++) {
        const char *w = words[i];
        int letters = 0, upper = 0;
        for (const char *p = w; *p; p++)
            if (isalpha((unsigned char)*p)) {
                letters++;
                if (isupper((unsigned char)*p)) upper++;
            }
        if (letters >= 2 && upper == letters) wf[i] = DW_ALLCAP;
        else if (isupper((unsigned char)w[0])) wf[i] = DW_CAP;
        lower_ascii(words[i]);
    }
    nm->words = words;
    nm->wflags = wf;
    nm->nwords = nw;
    nm->actor = a;
    dyad_dict *d = c->d;
    if (push((void ***)&d->allnames, &d->nnames, &d->cap_names, nm) != 0) {
        free_strv(words, nw);
        free(wf);
        free(nm);
        return -1;
    }
    dict_name_list *l = name_list(index, words[0]);
    if (!l || list_insert_name(l, nm) != 0) return -1;
    /* acronyms match with or without periods ("U.N." and "UN"): index the
     * name under its first word without periods too */
    if ((wf[0] & DW_ALLCAP) && strchr(words[0], '.')) {
        char *bare = xstrndup(words[0], strlen(words[0]));
        if (!bare) return -1;
        char *w = bare;
        for (const char *r = words[0]; *r; r++)
            if (*r != '.') *w++ = *r;
        *w = '\0';
        int rc = 0;
        if (bare[0]) {
            l = name_list(index, bare);
            rc = (!l || list_insert_name(l, nm) != 0) ? -1 : 0;
        }
        free(bare);
        if (rc) return -1;
    }
    return 0;
}

/* Parse "{a; b: x | y}" options into the actor; returns -1 on OOM, 0 ok, 1 bad.
 * *refer_at is set to the first "refer:" option, if any. */
static int actor_options(load_ctx *c, dict_actor *a, char *opts, const char **refer_at) {
    char *save = NULL;
    for (char *o = strtok_r(opts, ";", &save); o; o = strtok_r(NULL, ";", &save)) {
        o = trim(o);
        if (!*o) continue;
        if (strncmp(o, "from ", 5) == 0 || strncmp(o, "to ", 3) == 0) {
            /* "from D", "to D", or "from D to D" */
            char *p = o;
            while (*p) {
                int is_from = strncmp(p, "from ", 5) == 0;
                if (!is_from && strncmp(p, "to ", 3) != 0) {
                    warnf(c, p, "bad date bound '%s' (want 'from YYYY-MM-DD' and/or 'to YYYY-MM-DD')",
                          o);
                    return 1;
                }
                p += is_from ? 5 : 3;
                while (*p == ' ') p++;
                char *date = p;
                while (*p && *p != ' ') p++;
                char saved = *p;
                *p = '\0'; /* the date alone, whatever its length */
                long v = dyad_date_ymd(date);
                if (!v) {
                    warnf(c, date, "bad date '%s' (want YYYY-MM-DD, a real calendar day)", date);
                    return 1;
                }
                *p = saved;
                if (is_from) a->from = v;
                else a->to = v;
                while (*p == ' ') p++;
            }
        } else if (strncmp(o, "refer:", 6) == 0) {
            if (!*refer_at) *refer_at = o;
            char *save2 = NULL;
            for (char *r = strtok_r(o + 6, "|", &save2); r; r = strtok_r(NULL, "|", &save2)) {
                r = trim(r);
                if (!*r) continue;
                int nw;
                char **w = split_words(r, &nw);
                if (nw < 0) return -1;
                size_t len = 0;
                for (int i = 0; i < nw; i++) len += strlen(w[i]) + 1;
                char *joined = malloc(len + 1);
                if (!joined) {
                    free_strv(w, nw);
                    return -1;
                }
                joined[0] = '\0';
                for (int i = 0; i < nw; i++) {
                    if (i) strcat(joined, " ");
                    strcat(joined, w[i]);
                }
                free_strv(w, nw);
                lower_ascii(joined);
                char **nr = realloc(a->refer, (size_t)(a->nrefer + 1) * sizeof *nr);
                if (!nr) {
                    free(joined);
                    return -1;
                }
                a->refer = nr;
                a->refer[a->nrefer++] = joined;
            }
        } else {
            warnf(c, o, "unknown option '%s' (want 'from YYYY-MM-DD', 'to YYYY-MM-DD' or "
                        "'refer: noun | noun')", o);
            return 1;
        }
    }
    return 0;
}

static int section_kind(const char *kind, const char *sec) {
    if (strcmp(kind, "actors") == 0) {
        if (!strcmp(sec, "country")) return AK_COUNTRY;
        if (!strcmp(sec, "igo")) return AK_IGO;
        if (!strcmp(sec, "group")) return AK_GROUP;
        if (!strcmp(sec, "person")) return AK_PERSON;
        if (!strcmp(sec, "media")) return AK_MEDIA;
    } else if (strcmp(kind, "agents") == 0) {
        if (!strcmp(sec, "role")) return AK_AGENT;
    } else if (strcmp(kind, "verbs") == 0) {
        if (!strcmp(sec, "verb")) return 1;
        if (!strcmp(sec, "noun")) return 2;
        if (!strcmp(sec, "mood")) return 3;
    }
    return 0;
}

/* The sections a file of this kind may have, for messages. */
static const char *section_names(const char *kind) {
    if (strcmp(kind, "actors") == 0) return "[country], [igo], [group], [person] or [media]";
    if (strcmp(kind, "agents") == 0) return "[role]";
    if (strcmp(kind, "verbs") == 0) return "[verb], [noun] or [mood]";
    return "none known";
}

/* A [mood] line: "appeal = urge | call | ask", "intent adjective = ready",
 * "demand noun = ultimatum": one-word lemmas that put the act of their
 * "to"-infinitive (or that-clause) in the mood (mode.h). */
static int load_mood_line(load_ctx *c, char *lhs, char *rhs, char *opts) {
    static const char *const moods[] = {"appeal", "intent", "demand", "reject", "threaten"};
    static const char *const kinds[] = {"", "adjective", "noun"};
    char *kw = lhs;
    while (*kw && !isspace((unsigned char)*kw)) kw++;
    char *rest = *kw ? trim(kw + 1) : kw;
    *kw = '\0';
    int mood = -1, kind = -1;
    for (int i = 0; i < 5; i++)
        if (!strcmp(lhs, moods[i])) mood = i;
    for (int i = 0; i < 3; i++)
        if (!strcmp(rest, kinds[i])) kind = i;
    if (mood < 0 || kind < 0) {
        warnf(c, lhs,
              "bad mood '%s%s%s' (want appeal, intent, demand, reject or threaten, optionally "
              "followed by 'adjective' or 'noun')",
              lhs, *rest ? " " : "", rest);
        return 0;
    }
    if (opts) {
        warnf(c, opts, "a [mood] line takes no options (want MOOD = word | word)");
        return 0;
    }
    char *save = NULL;
    for (char *w = strtok_r(rhs, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
        w = trim(w);
        int ok = *w != '\0';
        for (char *q = w; *q && ok; q++)
            if (!(islower((unsigned char)*q) || *q == '-')) ok = 0;
        if (!ok) {
            warnf(c, w, "bad mood word '%s' (want one lower-case word, a lemma)", w);
            continue;
        }
        void **slot = dyad_strmap_slot(&c->d->moods[kind], w);
        if (!slot) return -1;
        void *val = (void *)(uintptr_t)(mood + 1);
        if (*slot && *slot != val) {
            warnf(c, w, "'%s' is already in the %s mood (want each word in one mood)", w,
                  moods[(int)(uintptr_t)*slot - 1]);
            continue;
        }
        if (!*slot) c->d->nmoods++;
        *slot = val;
    }
    return 0;
}

int dyad_dict_country_prefix(const dyad_dict *d, const char *code) {
    if (!d || !code || strlen(code) < 3) return 0;
    char cc[4] = {code[0], code[1], code[2], '\0'};
    return dyad_strmap_get(&d->countries, cc) != NULL;
}

int dyad_dict_mood(const dyad_dict *d, int kind, const char *word) {
    if (!d || !word || kind < 0 || kind > 2) return -1;
    void *v = dyad_strmap_get(&d->moods[kind], word);
    return v ? (int)(uintptr_t)v - 1 : -1;
}

static int load_actor_line(load_ctx *c, int kind, char *lhs, char *rhs, char *opts) {
    int is_agent = kind == AK_AGENT;
    if (is_agent ? !valid_code(lhs, 3, 3, 0) : !valid_code(lhs, 3, 15, 0)) {
        warnf(c, lhs, "bad %s code '%s' (want %s)", is_agent ? "role" : "actor", lhs,
              is_agent ? "3 capital letters" : "3-15 capital letters or digits");
        return 0;
    }
    dict_actor *a = calloc(1, sizeof *a);
    if (!a) return -1;
    a->code = xstrndup(lhs, strlen(lhs));
    a->kind = kind;
    a->where = place(c);
    dyad_dict *d = c->d;
    if (!a->code || !a->where || push((void ***)&d->actors, &d->nactors, &d->cap_actors, a) != 0) {
        free(a->code);
        free(a->where);
        free(a);
        return -1;
    }
    /* options first: a line with a bad option is skipped whole */
    const char *refer_at = NULL;
    if (opts) {
        int r = actor_options(c, a, opts, &refer_at);
        if (r) return r < 0 ? -1 : 0;
    }
    for (int i = 0; i < a->nrefer; i++)
        if (add_name(c, &d->refers, a->refer[i], a) != 0) return -1;
    if (kind == AK_COUNTRY && strlen(a->code) == 3) {
        void **slot = dyad_strmap_slot(&d->countries, a->code);
        if (!slot) return -1;
        if (!*slot) *slot = a;
    }
    if (is_agent && a->nrefer)
        warnf(c, refer_at, "'refer' is for actors, ignored on an agent (want it only in actors.txt)");
    int added = 0;
    char *save = NULL;
    for (char *alt = strtok_r(rhs, "|", &save); alt; alt = strtok_r(NULL, "|", &save)) {
        alt = trim(alt);
        if (!*alt) {
            warnf(c, alt, "empty name between '|' (want a name)");
            continue;
        }
        if (add_name(c, &d->names, alt, a) != 0) return -1;
        added++;
    }
    if (!added) warnf(c, end_of_text(rhs), "no names for %s (want CODE = name | name)", lhs);
    d->counts[is_agent ? 1 : 0]++;
    return 0;
}

static int parse_elem(dict_elem *e, const char *tok) {
    if (strcmp(tok, "TGT") == 0) {
        e->kind = EL_TGT;
        return 0;
    }
    if (strcmp(tok, "SRC") == 0) {
        e->kind = EL_SRC;
        return 0;
    }
    e->kind = EL_WORD;
    const char *s = tok;
    size_t n = 0, cap = 0;
    while (1) {
        const char *slash = strchr(s, '/');
        size_t len = slash ? (size_t)(slash - s) : strlen(s);
        if (len == 0) return 1;
        char *w = xstrndup(s, len);
        if (!w) return -1;
        lower_ascii(w);
        if (push((void ***)&e->alts, &n, &cap, w) != 0) {
            free(w);
            return -1;
        }
        e->nalts = (int)n;
        if (!slash) break;
        s = slash + 1;
    }
    if (e->nalts == 1 && strcmp(e->alts[0], "not") == 0) e->kind = EL_NOT;
    return 0;
}


/* Must element e of p be in the sentence for p to match? One-word elements
 * besides the head; in a noun pattern not a word before SRC, nor anything
 * from the first "by"/"of"/"from" on, which a possessive or modifier can
 * stand in for ("Egypt's mediation", "the Israeli attack on Gaza"). Must
 * agree with match_pattern() in code.c. */
static int required_word(const dict_pattern *p, int e) {
    const dict_elem *el = &p->el[e];
    if (e == p->head || el->kind != EL_WORD || el->nalts != 1) return 0;
    /* "agreed there was a need": the coder lets a clause stand for "that" */
    if (!strcmp(el->alts[0], "that")) return 0;
    if (!p->noun) return 1;
    if (e + 1 < p->nel && p->el[e + 1].kind == EL_SRC) return 0;
    for (int k = p->head + 1; k <= e; k++)
        if (p->el[k].kind == EL_WORD && p->el[k].nalts == 1 &&
            (!strcmp(p->el[k].alts[0], "by") || !strcmp(p->el[k].alts[0], "of") ||
             !strcmp(p->el[k].alts[0], "from")))
            return 0;
    return 1;
}

static int add_pattern(load_ctx *c, int noun, const char *code, const char *text, unsigned flags) {
    int nw;
    char **words = split_words(text, &nw);
    if (nw < 0) return -1;
    if (nw == 0) {
        warnf(c, text, "empty pattern (want one or more elements)");
        free(words);
        return 0;
    }
    dict_pattern *p = calloc(1, sizeof *p);
    if (!p || !(p->el = calloc((size_t)nw, sizeof *p->el))) {
        free(p);
        free_strv(words, nw);
        return -1;
    }
    p->nel = nw;
    p->noun = noun;
    p->flags = flags;
    p->order = c->order++;
    p->code = xstrndup(code, strlen(code));
    p->text = xstrndup(text, strlen(text));
    p->where = place(c);
    p->code_col = column_of(c, code);
    int bad = !p->code || !p->text || !p->where ? -1 : 0;
    for (int i = 0; i < nw && !bad; i++) {
        int r = parse_elem(&p->el[i], words[i]);
        if (r < 0) bad = -1;
        else if (r > 0) {
            warnf(c, nth_word(text, i),
                  "bad pattern element '%s' in '%s' (want a word, word/word with no empty "
                  "alternative, TGT, SRC or not)",
                  words[i], text);
            bad = 1;
        } else if (p->el[i].kind == EL_WORD) p->nwords++;
    }
    free_strv(words, nw);
    while (!bad && p->head < p->nel && p->el[p->head].kind == EL_NOT) p->head++;
    if (!bad && (p->head == p->nel || p->el[p->head].kind != EL_WORD)) {
        int k = p->head < p->nel ? p->el[p->head].kind : EL_NOT;
        warnf(c, nth_word(text, p->head < p->nel ? p->head : 0),
              "pattern '%s' must start with a head word, not %s (want a verb or noun, "
              "optionally after 'not')",
              text, k == EL_TGT ? "TGT" : k == EL_SRC ? "SRC" : "only 'not'");
        bad = 1;
    }
    if (bad) {
        free_pattern(p);
        return bad < 0 ? -1 : 0;
    }
    /* the words every match needs, for the per-sentence pre-check */
    for (int e = 0; e < p->nel; e++)
        if (required_word(p, e)) p->nreq++;
    if (p->nreq) {
        p->req = malloc((size_t)p->nreq * sizeof *p->req);
        if (!p->req) {
            free_pattern(p);
            return -1;
        }
        p->nreq = 0;
        for (int e = 0; e < p->nel; e++)
            if (required_word(p, e))
                p->req[p->nreq++] = dyad_word_hash(p->el[e].alts[0]);
    }
    dyad_dict *d = c->d;
    if (push((void ***)&d->patterns, &d->npatterns, &d->cap_patterns, p) != 0) {
        free_pattern(p);
        return -1;
    }
    const dict_elem *h = &p->el[p->head];
    for (int a = 0; a < h->nalts; a++) {
        void **slot = dyad_strmap_slot(&d->heads, h->alts[a]);
        if (!slot) return -1;
        if (!*slot && !(*slot = calloc(1, sizeof(dict_pattern_list)))) return -1;
        dict_pattern_list *l = *slot;
        if (push((void ***)&l->items, &l->n, &l->cap, p) != 0) return -1;
        if (noun) l->nnoun++;
    }
    d->counts[noun ? 3 : 2]++;
    return 0;
}

static int load_verb_line(load_ctx *c, int noun, char *lhs, char *rhs, char *opts) {
    if (!valid_code(lhs, 2, 4, 1)) {
        warnf(c, lhs, "bad event code '%s' (want a CAMEO event code of 2-4 digits)", lhs);
        return 0;
    }
    unsigned flags = 0;
    if (opts) {
        char *save = NULL;
        for (char *o = strtok_r(opts, ";,", &save); o; o = strtok_r(NULL, ";,", &save)) {
            o = trim(o);
            if (!strcmp(o, "sym")) flags |= PF_SYM;
            else if (!strcmp(o, "speech")) flags |= PF_SPEECH;
            else if (!strcmp(o, "notarget")) flags |= PF_NOTARGET;
            else if (*o) {
                warnf(c, o, "unknown option '%s' (want sym, speech or notarget)", o);
                return 0;
            }
        }
    }
    char *save = NULL;
    for (char *alt = strtok_r(rhs, "|", &save); alt; alt = strtok_r(NULL, "|", &save)) {
        alt = trim(alt);
        if (!*alt) {
            warnf(c, alt, "empty pattern between '|' (want a pattern)");
            continue;
        }
        if (add_pattern(c, noun, lhs, alt, flags) != 0) return -1;
    }
    return 0;
}

int dyad_dict_load_file(dyad_dict *d, const char *path, const char *kind, dict_warn_fn warn,
                        void *wctx, char *errbuf, size_t errlen) {
    size_t len;
    char *buf = dyad_read_file(path, &len, errbuf, errlen);
    if (!buf) return -1;
    const char *base = strrchr(path, '/');
    load_ctx c = {d, base ? base + 1 : path, 0, NULL, warn, wctx, d->npatterns};
    int section = 0, rc = 0;
    char *p = buf, *end = buf + len;
    while (p < end && rc == 0) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *lend = nl ? nl : end;
        *lend = '\0';
        c.line++;
        char *line = p;
        c.lstart = line;
        p = lend + 1;
        size_t cap = d->max_line ? d->max_line : DICT_MAX_LINE;
        if ((size_t)(lend - line) > cap) {
            warnf(&c, line + cap, "line of %zu bytes, over the limit of %zu (want one "
                  "entry per line)", (size_t)(lend - line), cap);
            continue;
        }
        char *nul = memchr(line, '\0', (size_t)(lend - line));
        if (nul) {
            warnf(&c, nul, "NUL byte in line (want text)");
            continue;
        }
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        line = trim(line);
        if (!*line) continue;
        if (line[0] == '[') {
            char *close = strchr(line, ']');
            if (!close || close[1]) {
                const char *after = close ? close + 1 : end_of_text(line);
                while (isspace((unsigned char)*after)) after++;
                warnf(&c, after, "bad section header '%s' (want %s)", line,
                      close ? "nothing after ']'" : "']' at the end: [name]");
                section = -1;
                continue;
            }
            *close = '\0';
            section = section_kind(kind, line + 1);
            if (!section) {
                warnf(&c, line + 1, "unknown section [%s] (want %s in %s.txt)", line + 1,
                      section_names(kind), kind);
                section = -1;
            }
            continue;
        }
        if (section == 0) {
            warnf(&c, line, "entry before any [section] header (want a header first: %s)",
                  section_names(kind));
            section = -1;
            continue;
        }
        if (section < 0) continue; /* lines of a bad section: already reported */
        char *opts = NULL, *brace = strchr(line, '{');
        if (brace) {
            char *close = strchr(brace, '}');
            char *after = close ? trim(close + 1) : NULL;
            if (!close || *after) {
                warnf(&c, close ? after : end_of_text(line),
                      "options must be one {...} group at the end of the line (want %s)",
                      close ? "nothing after '}'" : "a closing '}'");
                continue;
            }
            *close = '\0';
            *brace = '\0';
            opts = brace + 1;
        }
        char *eq = strchr(line, '=');
        if (!eq) {
            warnf(&c, end_of_text(line), "missing '=' (want CODE = %s)",
                  strcmp(kind, "verbs") == 0 ? "pattern | pattern" : "name | name");
            continue;
        }
        *eq = '\0';
        char *lhs = trim(line), *rhs = trim(eq + 1);
        if (strcmp(kind, "verbs") == 0 && section == 3) rc = load_mood_line(&c, lhs, rhs, opts);
        else if (strcmp(kind, "verbs") == 0) rc = load_verb_line(&c, section == 2, lhs, rhs, opts);
        else rc = load_actor_line(&c, section, lhs, rhs, opts);
    }
    free(buf);
    if (rc) snprintf(errbuf, errlen, "%s: out of memory", path);
    return rc;
}

const dict_pattern_list *dyad_dict_patterns(const dyad_dict *d, const char *word) {
    return dyad_strmap_get(&d->heads, word);
}
