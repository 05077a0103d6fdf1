/*
 * dictinfo.c — `dyad dict check` and `dyad dict stats` on a loaded model of
 * dyad's own dictionaries (docs/DICTIONARIES.md, "Checking a dictionary").
 *
 * check: every loader warning of the model, then what only the whole set
 * shows: the same name twice (duplicate) or for two codes (conflict) with
 * overlapping date ranges, the same verb/noun pattern twice or for two
 * codes, actor codes whose first three letters are no known CAMEO code,
 * role codes that are no CAMEO role, and codes in the wrong section. Each
 * finding is one line "FILE:LINE[:COL]: error|warning: reason", sorted by
 * file and line.
 * stats: patterns per CAMEO code and root, actors per section, coverage of
 * the ISO 3166-1 alpha-3 codes (Debian's iso-codes, read at run time with
 * jansson), date-bounded person lines, agents per role.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "dict.h"
#include "engine.h"
#include "xprintf.h"

#define ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

/* ------------------------------------------------------------ CAMEO facts */

/* Facts from the CAMEO actor codebook (../shared/cameo/codebook), as lists
 * of three-letter codes that may begin an actor code besides an ISO 3166-1
 * alpha-3 country code. */

/* International and transnational generic codes (ch. 3, table 3.2). */
static const char *const INTL_CODES[] = {"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", NULL};
/* International regions (ch. 3, table 3.3). */
static const char *const REGION_CODES[] = {
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST", NULL};
/* Ethnic groups (ch. 10, table 10.1; SLA for Slav as in ch. 7). */
static const char *const ETHNIC_CODES[] = {
    "ABN", "ARB", "BED", "CKM", "CRO", "GYP", "HAU", "HUT", "IBO", "IJW", "KRH", "KUR", "MAN",
    "OGO", "PAL", "SER", "SLA", "SLV", "SNL", "TAM", "TRG", "TRK", "TUT", "UIG", "YRB", NULL};
/* Religions (ch. 10, table 10.2: the three-letter heads). */
static const char *const RELIGION_CODES[] = {"ATH", "BAH", "BUD", "CHR", "CON", "HIN", "JAN",
                                             "JEW", "MOS", "PAG", "REL", "SIK", "TAO", "ZRO",
                                             NULL};
/* States and places of the KEDS lists (ch. 7) that are not ISO 3166-1
 * alpha-3 codes: former states and old codes (ANT Netherlands Antilles, CZA
 * Czechoslovakia, FRY, GME, GMW, MTN, ROM, SCG, TMP, USR, YMN, YMS, YUG),
 * IMY Isle of Man, KAS Kashmir, TER Terai; KSV Kosovo (independent since
 * 2008, no ISO code); and CMN (communist party). */
static const char *const OLD_COUNTRY_CODES[] = {"ANT", "CMN", "CZA", "FRY", "GME", "GMW",
                                                "IMY", "KAS", "KSV", "MTN", "ROM", "SCG", "TER",
                                                "TMP", "USR", "YMN", "YMS", "YUG", NULL};
/* Role codes (ch. 3, table 3.1: primary, secondary, tertiary; PTY of 3.1.4;
 * REL, ch. 10: a religious actor whose religion is not named, "priest"). */
static const char *const ROLE_CODES[] = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", /* primary */
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",
    "REF",                                                                  /* secondary */
    "MOD", "RAD",                                                           /* tertiary */
    "PTY", "REL", NULL};

static int in_list(const char *const *list, const char *code3) {
    for (size_t i = 0; list[i]; i++)
        if (strncmp(list[i], code3, 3) == 0) return 1;
    return 0;
}

/* ------------------------------------------------------- ISO 3166-1 list */

typedef struct iso_list {
    char (*codes)[4]; /* sorted alpha-3 codes */
    char (*names)[64];/* their names, same order (truncated) */
    size_t n;
    const char *path;
    int loaded;       /* 1 when the file was read */
} iso_list;

static int cmp_code4(const void *a, const void *b) { return strcmp(a, b); }

typedef struct iso_pair {
    char code[4];
    char name[64];
} iso_pair;

static int cmp_pair(const void *a, const void *b) {
    return strcmp(((const iso_pair *)a)->code, ((const iso_pair *)b)->code);
}

/* Read the ISO list ($DYAD_ISO3166 or Debian's iso-codes); a missing or
 * unreadable file leaves it empty (loaded = 0). -1 only on OOM. */
static int iso_load(iso_list *iso) {
    memset(iso, 0, sizeof *iso);
    const char *env = getenv("DYAD_ISO3166");
    iso->path = env && *env ? env : ISO_3166_JSON;
    json_error_t jerr;
    json_t *root = json_load_file(iso->path, 0, &jerr);
    if (!root) return 0;
    json_t *arr = json_object_get(root, "3166-1");
    size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
    iso_pair *pairs = n ? calloc(n, sizeof *pairs) : NULL;
    if (n && !pairs) {
        json_decref(root);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(arr, i);
        const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
        const char *name = json_string_value(json_object_get(e, "name"));
        if (!a3 || strlen(a3) != 3) continue;
        memcpy(pairs[k].code, a3, 4);
        snprintf(pairs[k].name, sizeof pairs[k].name, "%s", name ? name : "");
        k++;
    }
    json_decref(root);
    if (k) {
        qsort(pairs, k, sizeof *pairs, cmp_pair);
        iso->codes = calloc(k, sizeof *iso->codes);
        iso->names = calloc(k, sizeof *iso->names);
        if (!iso->codes || !iso->names) {
            free(pairs);
            free(iso->codes);
            free(iso->names);
            iso->codes = NULL;
            iso->names = NULL;
            return -1;
        }
        for (size_t i = 0; i < k; i++) {
            memcpy(iso->codes[i], pairs[i].code, 4);
            memcpy(iso->names[i], pairs[i].name, sizeof iso->names[i]);
        }
        iso->n = k;
        iso->loaded = 1;
    }
    free(pairs);
    return 0;
}

static void iso_free(iso_list *iso) {
    free(iso->codes);
    free(iso->names);
    memset(iso, 0, sizeof *iso);
}

/* Is the first three letters of code an ISO alpha-3 code? */
static int iso_has(const iso_list *iso, const char *code) {
    if (!iso->n || strlen(code) < 3) return 0;
    char key[4] = {code[0], code[1], code[2], '\0'};
    return bsearch(key, iso->codes, iso->n, sizeof *iso->codes, cmp_code4) != NULL;
}

/* ------------------------------------------------------- the dictionary */

static const char *const SECTION_NAMES[] = {"", "country", "igo", "group", "person", "media",
                                            "role"};

static const char *section_name(int kind) {
    return kind >= AK_COUNTRY && kind <= AK_AGENT ? SECTION_NAMES[kind] : "?";
}

/* A name of the names index (actors and agents, not refer nouns), with its
 * position in load order. */
typedef struct name_rec {
    const dict_name *nm;
    char *key;   /* "a:" (actor) or "g:" (agent) + lower-case words joined by one space */
    size_t seq;
} name_rec;

static int cmp_ptr(const void *a, const void *b) {
    const void *x = *(const void *const *)a, *y = *(const void *const *)b;
    return x < y ? -1 : x > y;
}

/* The names of the names index in load order; *n their count. NULL with *n
 * = 0 when there are none; NULL with *n = (size_t)-1 on OOM. */
static name_rec *collect_names(const dyad_dict *d, size_t *n) {
    *n = 0;
    size_t total = 0;
    for (size_t i = dyad_strmap_next(&d->names, 0); i < d->names.cap;
         i = dyad_strmap_next(&d->names, i + 1))
        total += ((const dict_name_list *)d->names.vals[i])->n;
    if (!total) return NULL;
    const dict_name **ptrs = malloc(total * sizeof *ptrs);
    name_rec *recs = calloc(d->nnames ? d->nnames : 1, sizeof *recs);
    if (!ptrs || !recs) {
        free(ptrs);
        free(recs);
        *n = (size_t)-1;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = dyad_strmap_next(&d->names, 0); i < d->names.cap;
         i = dyad_strmap_next(&d->names, i + 1)) {
        const dict_name_list *l = d->names.vals[i];
        for (size_t j = 0; j < l->n; j++) ptrs[k++] = l->items[j];
    }
    qsort(ptrs, k, sizeof *ptrs, cmp_ptr);
    size_t m = 0;
    for (size_t i = 0; i < d->nnames; i++) {
        const dict_name *nm = d->allnames[i];
        if (!bsearch(&nm, ptrs, k, sizeof *ptrs, cmp_ptr)) continue; /* a refer noun */
        /* actors and agents are compared among themselves: an actor's name
         * that is also an agent noun ("State Department" and "state
         * department") is a design choice, not a conflict */
        size_t len = 3;
        for (int w = 0; w < nm->nwords; w++) len += strlen(nm->words[w]) + 1;
        char *key = malloc(len);
        if (!key) {
            for (size_t r = 0; r < m; r++) free(recs[r].key);
            free(recs);
            free(ptrs);
            *n = (size_t)-1;
            return NULL;
        }
        strcpy(key, nm->actor->kind == AK_AGENT ? "g:" : "a:");
        for (int w = 0; w < nm->nwords; w++) {
            if (w) strcat(key, " ");
            strcat(key, nm->words[w]);
        }
        recs[m].nm = nm;
        recs[m].key = key;
        recs[m].seq = m;
        m++;
    }
    free(ptrs);
    *n = m;
    return recs;
}

static void free_names(name_rec *recs, size_t n) {
    if (n == (size_t)-1) return;
    for (size_t i = 0; i < n; i++) free(recs[i].key);
    free(recs);
}

static int cmp_name_rec(const void *a, const void *b) {
    const name_rec *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The name as written, from its lower-case words and case flags: "U.S.",
 * "Jordan". malloc'd. */
static char *display_name(const dict_name *nm) {
    size_t len = 1;
    for (int w = 0; w < nm->nwords; w++) len += strlen(nm->words[w]) + 1;
    char *s = malloc(len);
    if (!s) return NULL;
    char *p = s;
    for (int w = 0; w < nm->nwords; w++) {
        if (w) *p++ = ' ';
        const char *q = nm->words[w];
        for (size_t i = 0; q[i]; i++) {
            char c = q[i];
            if ((nm->wflags[w] & DW_ALLCAP) || (i == 0 && (nm->wflags[w] & DW_CAP)))
                c = (char)toupper((unsigned char)c);
            *p++ = c;
        }
    }
    *p = '\0';
    return s;
}

static int dates_overlap(const dict_actor *a, const dict_actor *b) {
    if (a->from && b->to && a->from > b->to) return 0;
    if (b->from && a->to && b->from > a->to) return 0;
    return 1;
}

/* Which actors have at least one name: flags[i] for d->actors[i]. */
typedef struct actor_idx {
    const dict_actor *a;
    size_t i;
} actor_idx;

static int cmp_actor_idx(const void *a, const void *b) {
    const dict_actor *x = ((const actor_idx *)a)->a, *y = ((const actor_idx *)b)->a;
    return (const void *)x < (const void *)y ? -1 : (const void *)x > (const void *)y;
}

/* names per actor (index of d->actors); NULL on OOM or no actors */
static size_t *names_per_actor(const dyad_dict *d, const name_rec *recs, size_t nrecs) {
    size_t *cnt = calloc(d->nactors ? d->nactors : 1, sizeof *cnt);
    actor_idx *idx = calloc(d->nactors ? d->nactors : 1, sizeof *idx);
    if (!cnt || !idx) {
        free(cnt);
        free(idx);
        return NULL;
    }
    for (size_t i = 0; i < d->nactors; i++) {
        idx[i].a = d->actors[i];
        idx[i].i = i;
    }
    qsort(idx, d->nactors, sizeof *idx, cmp_actor_idx);
    for (size_t r = 0; r < nrecs; r++) {
        actor_idx key = {recs[r].nm->actor, 0};
        const actor_idx *hit = bsearch(&key, idx, d->nactors, sizeof *idx, cmp_actor_idx);
        if (hit) cnt[hit->i]++;
    }
    free(idx);
    return cnt;
}

/* --------------------------------------------------------------- findings */

typedef struct finding {
    char *file;  /* "" when not known */
    long line, col;
    int error;
    char *msg;
    size_t seq;
} finding;

typedef struct findings {
    finding *v;
    size_t n, cap;
    int oom;
} findings;

/* Add a finding at `where` ("file:line") and column col (0 = none). */
static void add_finding(findings *f, const char *where, long col, int error, const char *fmt,
                        ...) __attribute__((format(printf, 5, 6)));
static void add_finding(findings *f, const char *where, long col, int error, const char *fmt,
                        ...) {
    if (f->oom) return;
    if (f->n == f->cap) {
        size_t nc = f->cap ? f->cap * 2 : 64;
        finding *nv = realloc(f->v, nc * sizeof *nv);
        if (!nv) {
            f->oom = 1;
            return;
        }
        f->v = nv;
        f->cap = nc;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = dyad_vasprintf(fmt, ap);
    va_end(ap);
    const char *colon = where ? strrchr(where, ':') : NULL;
    char *file = colon ? dyad_asprintf("%.*s", (int)(colon - where), where)
                       : dyad_asprintf("%s", where ? where : "");
    if (!msg || !file) {
        free(msg);
        free(file);
        f->oom = 1;
        return;
    }
    finding *x = &f->v[f->n];
    x->file = file;
    x->line = colon ? strtol(colon + 1, NULL, 10) : 0;
    x->col = col;
    x->error = error;
    x->msg = msg;
    x->seq = f->n;
    f->n++;
}

/* A loader warning "file:line[:col]: reason" as a finding (an error: the
 * line, or part of it, was skipped, or its pattern never fires). */
static void add_warning_text(findings *f, const char *w) {
    const char *p = w;
    for (; (p = strchr(p, ':')) != NULL; p++) {
        if (!isdigit((unsigned char)p[1])) continue;
        char *end;
        long line = strtol(p + 1, &end, 10);
        long col = 0;
        if (end[0] == ':' && isdigit((unsigned char)end[1])) col = strtol(end + 1, &end, 10);
        if (end[0] != ':' || end[1] != ' ') continue;
        char *where = dyad_asprintf("%.*s:%ld", (int)(p - w), w, line);
        if (!where) {
            f->oom = 1;
            return;
        }
        add_finding(f, where, col, 1, "%s", end + 2);
        free(where);
        return;
    }
    add_finding(f, NULL, 0, 1, "%s", w);
}

static int cmp_finding(const void *a, const void *b) {
    const finding *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c) return c;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void free_findings(findings *f) {
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].file);
        free(f->v[i].msg);
    }
    free(f->v);
}

/* ------------------------------------------------------------- the checks */

static void check_names(findings *f, name_rec *recs, size_t n) {
    qsort(recs, n, sizeof *recs, cmp_name_rec);
    for (size_t g = 0; g < n;) {
        size_t e = g + 1;
        while (e < n && strcmp(recs[e].key, recs[g].key) == 0) e++;
        for (size_t j = g + 1; j < e; j++) {
            const dict_actor *b = recs[j].nm->actor;
            const dict_actor *a = NULL;
            for (size_t i = g; i < j && !a; i++)
                if (dates_overlap(recs[i].nm->actor, b)) a = recs[i].nm->actor;
            if (!a) continue;
            char *shown = display_name(recs[j].nm);
            if (!shown) {
                f->oom = 1;
                return;
            }
            int same_code = strcmp(a->code, b->code) == 0;
            const char *dated = a->from || a->to || b->from || b->to ? ", for overlapping dates"
                                                                     : "";
            if (same_code && a == b)
                add_finding(f, b->where, 0, 0, "duplicate name '%s' for %s (twice on this line)",
                            shown, b->code);
            else if (same_code)
                add_finding(f, b->where, 0, 0, "duplicate name '%s' for %s (also at %s%s)",
                            shown, b->code, a->where, dated);
            else
                add_finding(f, b->where, 0, 1,
                            "conflicting name '%s': %s [%s] here, %s [%s] at %s%s (the entry "
                            "loaded first wins; want one code, or disjoint {from/to} ranges)",
                            shown, b->code, section_name(b->kind), a->code, section_name(a->kind),
                            a->where, dated);
            free(shown);
        }
        g = e;
    }
}

typedef struct pat_rec {
    const dict_pattern *p;
    char *key; /* "v:" or "n:" + lower-case text, single spaces */
    size_t seq;
} pat_rec;

static int cmp_pat_rec(const void *a, const void *b) {
    const pat_rec *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void check_patterns(findings *f, const dyad_dict *d) {
    if (!d->npatterns) return;
    pat_rec *recs = calloc(d->npatterns, sizeof *recs);
    if (!recs) {
        f->oom = 1;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < d->npatterns; i++) {
        const dict_pattern *p = d->patterns[i];
        char *key = malloc(strlen(p->text) + 3);
        if (!key) {
            f->oom = 1;
            break;
        }
        char *k = key;
        *k++ = p->noun ? 'n' : 'v';
        *k++ = ':';
        int space = 0;
        for (const char *s = p->text; *s; s++) {
            if (isspace((unsigned char)*s)) {
                space = 1;
                continue;
            }
            if (space && k > key + 2) *k++ = ' ';
            space = 0;
            *k++ = (char)tolower((unsigned char)*s);
        }
        *k = '\0';
        recs[n].p = p;
        recs[n].key = key;
        recs[n].seq = i;
        n++;
    }
    if (!f->oom) {
        qsort(recs, n, sizeof *recs, cmp_pat_rec);
        for (size_t g = 0; g < n;) {
            size_t e = g + 1;
            while (e < n && strcmp(recs[e].key, recs[g].key) == 0) e++;
            const dict_pattern *a = recs[g].p;
            for (size_t j = g + 1; j < e; j++) {
                const dict_pattern *b = recs[j].p;
                const char *kind = b->noun ? "noun" : "verb";
                if (strcmp(a->code, b->code) == 0) {
                    if (strcmp(a->where, b->where) == 0)
                        add_finding(f, b->where, 0, 0,
                                    "duplicate %s pattern '%s' for %s (twice on this line)", kind,
                                    b->text, b->code);
                    else
                        add_finding(f, b->where, 0, 0,
                                    "duplicate %s pattern '%s' for %s (also at %s)", kind,
                                    b->text, b->code, a->where);
                } else {
                    add_finding(f, b->where, 0, 1,
                                "conflicting %s pattern '%s': %s here, %s at %s (the first in "
                                "load order wins, this one never fires; want one code)",
                                kind, b->text, b->code, a->code, a->where);
                }
            }
            g = e;
        }
    }
    for (size_t i = 0; i < n; i++) free(recs[i].key);
    free(recs);
}

int dyad_role_code(const char *code) {
    return strlen(code) >= 3 && in_list(ROLE_CODES, code);
}

int dyad_identity_code(const char *code) {
    return strlen(code) >= 3 && (in_list(ETHNIC_CODES, code) || in_list(RELIGION_CODES, code));
}

/* Is the three-letter prefix known, given the ISO list and the 3-letter
 * codes of the [country] section? */
static int known_prefix(const dyad_dict *d, const iso_list *iso, const char *code) {
    if (strlen(code) < 3) return 0;
    if (!iso->loaded) /* country codes cannot be told from unknown ones */
        return isupper((unsigned char)code[0]) && isupper((unsigned char)code[1]) &&
               isupper((unsigned char)code[2]);
    if (iso_has(iso, code) || in_list(INTL_CODES, code) || in_list(REGION_CODES, code) ||
        in_list(ETHNIC_CODES, code) || in_list(RELIGION_CODES, code) ||
        in_list(OLD_COUNTRY_CODES, code))
        return 1;
    /* a code of the [country] section (reported there when unknown) */
    return dyad_dict_country_prefix(d, code);
}

/* A 3-letter group of code at position pos (0, 3, 6, ...) equals g. */
static int has_group(const char *code, const char *g) {
    size_t n = strlen(code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (strncmp(code + i, g, 3) == 0) return 1;
    return 0;
}

static void check_codes(findings *f, const dyad_dict *d, const iso_list *iso,
                        const size_t *nnames) {
    for (size_t i = 0; i < d->nactors; i++) {
        const dict_actor *a = d->actors[i];
        if (nnames && !nnames[i]) continue; /* skipped by the loader: reported there */
        const char *c = a->code;
        size_t len = strlen(c);
        if (a->kind == AK_AGENT) {
            if (!in_list(ROLE_CODES, c))
                add_finding(f, a->where, 0, 1,
                            "unknown role code '%s' (want a CAMEO role code: GOV, MIL, COP, "
                            "JUD, LEG, OPP, REB, SEP, INS, UAF, SPY, BUS, MED, CVL, ...)",
                            c);
            continue;
        }
        int digits = 0;
        for (size_t k = 0; k < len; k++)
            if (isdigit((unsigned char)c[k])) digits = 1;
        int country_code = iso->loaded ? (iso_has(iso, c) || in_list(OLD_COUNTRY_CODES, c))
                                       : len >= 3;
        int identity = in_list(REGION_CODES, c) || in_list(ETHNIC_CODES, c) ||
                       in_list(RELIGION_CODES, c);
        int intl = in_list(INTL_CODES, c);
        if (a->kind == AK_COUNTRY) {
            if (!country_code && !identity && !intl) {
                if (len == 3)
                    add_finding(f, a->where, 0, 1,
                                "unknown country code '%s' (want an ISO 3166-1 alpha-3 code, a "
                                "former state's CAMEO code, or a CAMEO region, ethnic or "
                                "religious code)",
                                c);
                else
                    add_finding(f, a->where, 0, 1,
                                "unknown country code '%.3s' in '%s' (want an ISO 3166-1 "
                                "alpha-3 code, a former state's CAMEO code, or a CAMEO region, "
                                "ethnic or religious code first)",
                                c, c);
                continue;
            }
            if (intl)
                add_finding(f, a->where, 0, 0,
                            "'%s' starts with the international code %.3s, not a state's "
                            "(want it under [igo] or [group])",
                            c, c);
        } else if (!known_prefix(d, iso, c)) {
            add_finding(f, a->where, 0, 1,
                        "unknown code '%s': '%.3s' is neither a country code nor a CAMEO "
                        "prefix (want an ISO 3166-1 alpha-3 code, IGO, NGO, IMG, NGM, MNC, INT, "
                        "UIS, or a CAMEO region, ethnic or religious code first)",
                        c, c);
            continue;
        }
        if (digits)
            add_finding(f, a->where, 0, 0, "actor code '%s' has digits (want capital letters)",
                        c);
        else if (len % 3)
            add_finding(f, a->where, 0, 0,
                        "actor code '%s' has %zu letters (want groups of three: 3, 6, 9, 12 or "
                        "15)",
                        c, len);
        switch (a->kind) {
        case AK_IGO:
            if (!intl)
                add_finding(f, a->where, 0, 0,
                            "[igo] code '%s' does not start with an international code (want "
                            "IGO, NGO, NGM, IMG, MNC or INT first, e.g. IGOUNO)",
                            c);
            break;
        case AK_GROUP:
        case AK_PERSON:
            if (len == 3 && iso_has(iso, c))
                add_finding(f, a->where, 0, 0,
                            "[%s] code '%s' is a bare country code (want the country with a "
                            "role, e.g. %sGOV, %sREB)",
                            section_name(a->kind), c, c, c);
            break;
        case AK_MEDIA:
            if (!has_group(c, "MED"))
                add_finding(f, a->where, 0, 0,
                            "[media] code '%s' has no MED group (want the outlet's country + "
                            "MED, e.g. GBRMED)",
                            c);
            break;
        default:
            break;
        }
    }
}

int dyad_dict_check(const dyad_model *m, FILE *out, int *errors) {
    if (errors) *errors = 0;
    if (!m || !out || m->compat) return -1;
    const dyad_dict *d = &m->dict;
    iso_list iso;
    if (iso_load(&iso) != 0) return -1;
    findings f;
    memset(&f, 0, sizeof f);
    for (size_t i = 0; i < dyad_model_warnings(m); i++)
        add_warning_text(&f, dyad_model_warning(m, i));
    size_t nrecs;
    name_rec *recs = collect_names(d, &nrecs);
    size_t *nnames = NULL;
    if (nrecs == (size_t)-1) {
        f.oom = 1;
    } else {
        nnames = names_per_actor(d, recs, nrecs);
        if (!nnames) f.oom = 1;
        else {
            check_codes(&f, d, &iso, nnames);
            check_names(&f, recs, nrecs);
        }
    }
    check_patterns(&f, d);
    free(nnames);
    free_names(recs, nrecs);
    int rc = -1;
    if (!f.oom) {
        if (f.n) qsort(f.v, f.n, sizeof *f.v, cmp_finding);
        int nerr = 0;
        for (size_t i = 0; i < f.n; i++) {
            const finding *x = &f.v[i];
            const char *sev = x->error ? "error" : "warning";
            if (!x->file[0])
                fprintf(out, "%s: %s\n", sev, x->msg);
            else if (x->col > 0)
                fprintf(out, "%s:%ld:%ld: %s: %s\n", x->file, x->line, x->col, sev, x->msg);
            else
                fprintf(out, "%s:%ld: %s: %s\n", x->file, x->line, sev, x->msg);
            nerr += x->error;
        }
        if (!iso.loaded)
            fprintf(out, "note: %s not found or not readable (Debian package iso-codes): "
                         "three-letter country codes were not checked\n",
                    iso.path);
        if (errors) *errors = nerr;
        rc = f.n > (size_t)0x7fffffff ? 0x7fffffff : (int)f.n;
    }
    free_findings(&f);
    iso_free(&iso);
    return rc;
}

/* ------------------------------------------------------------- statistics */

enum { NSEC = AK_AGENT + 1 };

typedef struct sec_stats {
    size_t lines, codes, names, dated;
} sec_stats;

typedef struct role_stats {
    const char *code;
    size_t lines, names;
} role_stats;

typedef struct stats {
    sec_stats sec[NSEC];
    size_t *verb, *noun;      /* per CAMEO table index */
    size_t not_cameo;         /* patterns with a code outside the table */
    size_t moods[3];          /* [mood] words: verbs, adjectives, nouns */
    size_t npat[2];           /* verb, noun */
    size_t root_pat[21][2];   /* root 1..20: verb, noun */
    size_t root_codes[21], root_covered[21];
    size_t event_codes, covered;
    int min_root;
    size_t min_root_n;
    /* countries */
    char (*ccodes)[4];        /* distinct 3-letter [country] codes, sorted */
    size_t nccodes;
    role_stats *roles;
    size_t nroles;
} stats;

static int cmp_str_ptr(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct codes of one section. */
static size_t distinct_codes(const dyad_dict *d, int kind, const size_t *nnames) {
    const char **v = malloc((d->nactors ? d->nactors : 1) * sizeof *v);
    if (!v) return 0;
    size_t n = 0;
    for (size_t i = 0; i < d->nactors; i++)
        if (d->actors[i]->kind == kind && nnames[i]) v[n++] = d->actors[i]->code;
    qsort(v, n, sizeof *v, cmp_str_ptr);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(v[i], v[i - 1]) != 0) k++;
    free(v);
    return k;
}

static int root_of(const char *code) {
    if (!isdigit((unsigned char)code[0]) || !isdigit((unsigned char)code[1])) return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

static int compute_stats(const dyad_dict *d, stats *s) {
    memset(s, 0, sizeof *s);
    for (int k = 0; k < 3; k++) s->moods[k] = d->moods[k].len;
    size_t ncodes = dyad_cameo_count();
    s->verb = calloc(ncodes, sizeof *s->verb);
    s->noun = calloc(ncodes, sizeof *s->noun);
    if (!s->verb || !s->noun) return -1;
    size_t nrecs;
    name_rec *recs = collect_names(d, &nrecs);
    if (nrecs == (size_t)-1) return -1;
    size_t *nnames = names_per_actor(d, recs, nrecs);
    free_names(recs, nrecs);
    if (!nnames) return -1;
    s->ccodes = calloc(d->nactors ? d->nactors : 1, sizeof *s->ccodes);
    s->roles = calloc(d->nactors ? d->nactors : 1, sizeof *s->roles);
    if (!s->ccodes || !s->roles) {
        free(nnames);
        return -1;
    }
    for (size_t i = 0; i < d->nactors; i++) {
        const dict_actor *a = d->actors[i];
        if (!nnames[i] || a->kind < AK_COUNTRY || a->kind > AK_AGENT) continue;
        sec_stats *ss = &s->sec[a->kind];
        ss->lines++;
        ss->names += nnames[i];
        if (a->from || a->to) ss->dated++;
        if (a->kind == AK_COUNTRY && strlen(a->code) == 3) memcpy(s->ccodes[s->nccodes++], a->code, 4);
        if (a->kind == AK_AGENT) {
            size_t r = 0;
            while (r < s->nroles && strcmp(s->roles[r].code, a->code) != 0) r++;
            if (r == s->nroles) s->roles[s->nroles++].code = a->code;
            s->roles[r].lines++;
            s->roles[r].names += nnames[i];
        }
    }
    for (int k = AK_COUNTRY; k <= AK_AGENT; k++) s->sec[k].codes = distinct_codes(d, k, nnames);
    free(nnames);
    qsort(s->ccodes, s->nccodes, sizeof *s->ccodes, cmp_code4);
    size_t k = 0;
    for (size_t i = 0; i < s->nccodes; i++)
        if (i == 0 || strcmp(s->ccodes[i], s->ccodes[k - 1]) != 0) memcpy(s->ccodes[k++], s->ccodes[i], 4);
    s->nccodes = k;

    for (size_t i = 0; i < d->npatterns; i++) {
        const dict_pattern *p = d->patterns[i];
        s->npat[p->noun ? 1 : 0]++;
        const dyad_cameo *c = dyad_cameo_lookup(p->code);
        if (!c) {
            s->not_cameo++;
            continue;
        }
        size_t idx = (size_t)(c - dyad_cameo_table);
        if (p->noun) s->noun[idx]++;
        else s->verb[idx]++;
        int r = root_of(c->code);
        if (r) s->root_pat[r][p->noun ? 1 : 0]++;
    }
    for (size_t i = 0; i < ncodes; i++) {
        const dyad_cameo *c = dyad_cameo_at(i);
        int r = root_of(c->code);
        if (strlen(c->code) == 2) continue; /* a root heading, not an event code */
        s->event_codes++;
        if (r) s->root_codes[r]++;
        if (s->verb[i] + s->noun[i]) {
            s->covered++;
            if (r) s->root_covered[r]++;
        }
    }
    s->min_root = 1;
    for (int r = 1; r <= 20; r++) {
        size_t t = s->root_pat[r][0] + s->root_pat[r][1];
        if (r == 1 || t < s->min_root_n) {
            s->min_root = r;
            s->min_root_n = t;
        }
    }
    return 0;
}

static void free_stats(stats *s) {
    free(s->verb);
    free(s->noun);
    free(s->ccodes);
    free(s->roles);
}

static int has_ccode(const stats *s, const char *code) {
    return bsearch(code, s->ccodes, s->nccodes, sizeof *s->ccodes, cmp_code4) != NULL;
}

static const char *root_name(int r) {
    char code[3] = {(char)('0' + r / 10), (char)('0' + r % 10), '\0'};
    const dyad_cameo *c = dyad_cameo_lookup(code);
    return c ? c->name : "";
}

static void stats_text(FILE *out, const stats *s, const iso_list *iso) {
    fprintf(out, "actors        lines  codes  names  date-bounded\n");
    size_t tl = 0, tc = 0, tn = 0, td = 0;
    for (int k = AK_COUNTRY; k <= AK_MEDIA; k++) {
        const sec_stats *x = &s->sec[k];
        fprintf(out, "  %-10s %6zu %6zu %6zu %6zu\n", section_name(k), x->lines, x->codes,
                x->names, x->dated);
        tl += x->lines;
        tc += x->codes;
        tn += x->names;
        td += x->dated;
    }
    fprintf(out, "  %-10s %6zu %6zu %6zu %6zu\n", "total", tl, tc, tn, td);
    fprintf(out, "organisations ([igo] codes): %zu\n", s->sec[AK_IGO].codes);
    fprintf(out, "non-state groups ([group] codes): %zu\n", s->sec[AK_GROUP].codes);
    fprintf(out, "date-bounded office holders ([person] lines with from/to): %zu of %zu\n",
            s->sec[AK_PERSON].dated, s->sec[AK_PERSON].lines);
    fprintf(out, "country codes (3-letter [country] codes): %zu\n", s->nccodes);
    if (iso->loaded) {
        size_t cov = 0;
        for (size_t i = 0; i < iso->n; i++) cov += has_ccode(s, iso->codes[i]) ? 1u : 0u;
        fprintf(out, "ISO 3166-1 alpha-3 codes covered: %zu of %zu\n", cov, iso->n);
        fprintf(out, "  missing (%zu):", iso->n - cov);
        for (size_t i = 0; i < iso->n; i++)
            if (!has_ccode(s, iso->codes[i])) fprintf(out, " %s (%s)", iso->codes[i], iso->names[i]);
        fprintf(out, "%s\n", cov == iso->n ? " none" : "");
        size_t extra = 0;
        for (size_t i = 0; i < s->nccodes; i++) extra += iso_has(iso, s->ccodes[i]) ? 0u : 1u;
        fprintf(out, "  not ISO 3166-1 (%zu):", extra);
        for (size_t i = 0; i < s->nccodes; i++)
            if (!iso_has(iso, s->ccodes[i])) fprintf(out, " %s", s->ccodes[i]);
        fprintf(out, "%s\n", extra ? "" : " none");
    } else {
        fprintf(out, "ISO 3166-1 alpha-3 codes covered: unknown (%s not found or not readable; "
                     "Debian package iso-codes)\n",
                iso->path);
    }
    fprintf(out, "agents: %zu lines, %zu nouns\n", s->sec[AK_AGENT].lines, s->sec[AK_AGENT].names);
    fprintf(out, "  role  lines  nouns\n");
    for (size_t r = 0; r < s->nroles; r++)
        fprintf(out, "  %-4s %6zu %6zu\n", s->roles[r].code, s->roles[r].lines, s->roles[r].names);
    fprintf(out, "patterns: %zu verb, %zu noun; %zu with a code not in CAMEO\n", s->npat[0],
            s->npat[1], s->not_cameo);
    fprintf(out, "mood words ([mood]): %zu verbs, %zu adjectives, %zu nouns\n", s->moods[0],
            s->moods[1], s->moods[2]);
    fprintf(out, "CAMEO event codes with a pattern: %zu of %zu\n", s->covered, s->event_codes);
    fprintf(out, "  root   verb  noun  total  codes with a pattern  name\n");
    for (int r = 1; r <= 20; r++) {
        char cov[48];
        snprintf(cov, sizeof cov, "%zu of %zu", s->root_covered[r], s->root_codes[r]);
        fprintf(out, "  %02d   %5zu %5zu %6zu  %-20s  %s\n", r, s->root_pat[r][0],
                s->root_pat[r][1], s->root_pat[r][0] + s->root_pat[r][1], cov, root_name(r));
    }
    fprintf(out, "minimum patterns per root: %zu (root %02d)\n", s->min_root_n, s->min_root);
    size_t ncodes = dyad_cameo_count();
    fprintf(out, "codes with no pattern (%zu):", s->event_codes - s->covered);
    for (size_t i = 0; i < ncodes; i++) {
        const dyad_cameo *c = dyad_cameo_at(i);
        if (strlen(c->code) > 2 && !s->verb[i] && !s->noun[i]) fprintf(out, " %s", c->code);
    }
    fprintf(out, "%s\n", s->covered == s->event_codes ? " none" : "");
    fprintf(out, "patterns per code:\n  code  verb  noun  name\n");
    for (size_t i = 0; i < ncodes; i++) {
        const dyad_cameo *c = dyad_cameo_at(i);
        fprintf(out, "  %-4s %5zu %5zu  %s\n", c->code, s->verb[i], s->noun[i], c->name);
    }
}

/* json_object_set_new that remembers a failure */
static void jset(json_t *o, const char *k, json_t *v, int *bad) {
    if (!o || !v || json_object_set_new(o, k, v) != 0) *bad = 1;
}

static void jpush(json_t *a, json_t *v, int *bad) {
    if (!a || !v || json_array_append_new(a, v) != 0) *bad = 1;
}

static json_t *jsize(size_t n) { return json_integer((json_int_t)n); }

static int stats_json(FILE *out, const stats *s, const iso_list *iso) {
    int bad = 0;
    json_t *root = json_object();
    json_t *actors = json_object();
    for (int k = AK_COUNTRY; k <= AK_MEDIA; k++) {
        json_t *x = json_object();
        jset(x, "lines", jsize(s->sec[k].lines), &bad);
        jset(x, "codes", jsize(s->sec[k].codes), &bad);
        jset(x, "names", jsize(s->sec[k].names), &bad);
        jset(x, "date_bounded", jsize(s->sec[k].dated), &bad);
        jset(actors, section_name(k), x, &bad);
    }
    jset(root, "actors", actors, &bad);
    jset(root, "organisations", jsize(s->sec[AK_IGO].codes), &bad);
    jset(root, "groups", jsize(s->sec[AK_GROUP].codes), &bad);
    jset(root, "date_bounded_persons", jsize(s->sec[AK_PERSON].dated), &bad);
    json_t *c = json_object();
    jset(c, "codes", jsize(s->nccodes), &bad);
    if (iso->loaded) {
        json_t *missing = json_array(), *extra = json_array();
        size_t cov = 0;
        for (size_t i = 0; i < iso->n; i++) {
            if (has_ccode(s, iso->codes[i])) cov++;
            else jpush(missing, json_string(iso->codes[i]), &bad);
        }
        for (size_t i = 0; i < s->nccodes; i++)
            if (!iso_has(iso, s->ccodes[i])) jpush(extra, json_string(s->ccodes[i]), &bad);
        jset(c, "iso_total", jsize(iso->n), &bad);
        jset(c, "iso_covered", jsize(cov), &bad);
        jset(c, "iso_missing", missing, &bad);
        jset(c, "not_iso", extra, &bad);
    } else {
        jset(c, "iso_total", json_null(), &bad);
        jset(c, "iso_covered", json_null(), &bad);
        jset(c, "iso_list", json_string("absent"), &bad);
    }
    jset(root, "countries", c, &bad);
    json_t *agents = json_object();
    for (size_t r = 0; r < s->nroles; r++) {
        json_t *x = json_object();
        jset(x, "lines", jsize(s->roles[r].lines), &bad);
        jset(x, "nouns", jsize(s->roles[r].names), &bad);
        jset(agents, s->roles[r].code, x, &bad);
    }
    jset(root, "agents", agents, &bad);
    json_t *pat = json_object();
    jset(pat, "verb", jsize(s->npat[0]), &bad);
    jset(pat, "noun", jsize(s->npat[1]), &bad);
    jset(pat, "not_cameo", jsize(s->not_cameo), &bad);
    jset(pat, "mood_verbs", jsize(s->moods[0]), &bad);
    jset(pat, "mood_adjectives", jsize(s->moods[1]), &bad);
    jset(pat, "mood_nouns", jsize(s->moods[2]), &bad);
    jset(pat, "event_codes", jsize(s->event_codes), &bad);
    jset(pat, "event_codes_with_pattern", jsize(s->covered), &bad);
    json_t *roots = json_object();
    for (int r = 1; r <= 20; r++) {
        char key[3] = {(char)('0' + r / 10), (char)('0' + r % 10), '\0'};
        json_t *x = json_object();
        jset(x, "verb", jsize(s->root_pat[r][0]), &bad);
        jset(x, "noun", jsize(s->root_pat[r][1]), &bad);
        jset(x, "total", jsize(s->root_pat[r][0] + s->root_pat[r][1]), &bad);
        jset(x, "codes", jsize(s->root_codes[r]), &bad);
        jset(x, "codes_with_pattern", jsize(s->root_covered[r]), &bad);
        jset(roots, key, x, &bad);
    }
    jset(pat, "roots", roots, &bad);
    json_t *minr = json_object();
    char mk[3] = {(char)('0' + s->min_root / 10), (char)('0' + s->min_root % 10), '\0'};
    jset(minr, "root", json_string(mk), &bad);
    jset(minr, "patterns", jsize(s->min_root_n), &bad);
    jset(pat, "min_root", minr, &bad);
    json_t *codes = json_object(), *none = json_array();
    size_t ncodes = dyad_cameo_count();
    for (size_t i = 0; i < ncodes; i++) {
        const dyad_cameo *cc = dyad_cameo_at(i);
        json_t *x = json_object();
        jset(x, "verb", jsize(s->verb[i]), &bad);
        jset(x, "noun", jsize(s->noun[i]), &bad);
        jset(codes, cc->code, x, &bad);
        if (strlen(cc->code) > 2 && !s->verb[i] && !s->noun[i])
            jpush(none, json_string(cc->code), &bad);
    }
    jset(pat, "codes", codes, &bad);
    jset(pat, "no_pattern", none, &bad);
    jset(root, "patterns", pat, &bad);
    int rc = -1;
    if (!bad && root && json_dumpf(root, out, JSON_INDENT(1) | JSON_SORT_KEYS) == 0) {
        fputc('\n', out);
        rc = 0;
    }
    json_decref(root);
    return rc;
}

int dyad_dict_stats(const dyad_model *m, FILE *out, int json) {
    if (!m || !out || m->compat) return -1;
    iso_list iso;
    if (iso_load(&iso) != 0) return -1;
    stats s;
    int rc = compute_stats(&m->dict, &s);
    if (rc == 0) {
        if (json) rc = stats_json(out, &s, &iso);
        else stats_text(out, &s, &iso);
    }
    free_stats(&s);
    iso_free(&iso);
    return rc;
}
