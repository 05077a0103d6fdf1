/*
 * fdict_write.c — a loaded foreign dictionary in dyad's own format
 * (docs/DICTIONARIES.md), as far as that format can say it.
 *
 * Actors: one `CODE = Name | Name {from ...; to ...}` line per code and date
 * range. PETRARCH2 and TABARI take the first code of an entry whose date
 * holds, so each code gets the dates that no earlier code covers (an undated
 * default last becomes the complement of the dated ones; a code that earlier
 * codes cover entirely is "shadowed"); `<D` is `to D-1`, `>D` is `from D`,
 * `D1-D2` is `from D1; to D2-1`. Names: words that are all letters become
 * Title-case ("NEW ZEALAND" -> "New Zealand"), function words lower-case ("of",
 * "al-" in "al-Qaeda"), since a lower-case dyad entry word matches any case and
 * a capitalised one needs a capitalised token; words with digits, periods or
 * non-ASCII letters are kept as written ("U.S."). The section is guessed from
 * the codes (fd_write_opts.actor_section overrides it): a dated code ->
 * [person], IGO... -> [igo], 3 letters -> [country], XXXGOV/MIL/COP/JUD/LEG/SPY
 * -> [country], else [group].
 * Agents: `[role]` `ROL = noun | plural`, lower-case, for `~ROL` codes of 3
 * letters. Verbs: `[verb]` `CODE = verb words`, one line per verb and per
 * pattern; a pattern's words after `*` in order, `+` -> TGT, `$` -> SRC, {...}
 * and (...) groups flattened, a synset or TABARI alternative of single words
 * -> `a/b/c`, else the pattern once per member (up to max_expand). A single `$`
 * before `*` is dropped (the subject is the source anyway).
 * Everything else becomes `# not converted (reason): text`.
 * TABARI stems (no trailing `_`) are written as whole words (counted in stems).
 */
#include "fdict_int.h"

#include "cameo.h"
#include "strmap.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *dyad_fdict_nc_name(int reason) {
    static const char *const names[FD_NC_COUNT] = {
        "pre-verb words", "compound actor %", "skip ^ or @", "paired code",
        "null code", "discard code", "complex code", "code dyad does not know",
        "synset", "reserved character or word", "role code", "prefix agent",
        "shadowed by earlier codes", "no dyad counterpart", "transformation"};
    return reason >= 0 && reason < FD_NC_COUNT ? names[reason] : "unknown";
}

/* ---------------------------------------------------------------- helpers */

typedef struct sbuf {
    char *p;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->n + n + 1) nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

typedef struct wctx {
    const dyad_fdict *fd;
    FILE *out;
    fd_write_counts *wc;
    int max_expand;
    int oom;
    long budget;    /* flat_tok calls left for this pattern */
    dyad_arena tmp; /* per block */
} wctx;

static void not_converted(wctx *w, int reason, const char *prefix, const char *text) {
    w->wc->reason[reason]++;
    w->wc->not_converted++;
    fprintf(w->out, "# not converted (%s): %s%s\n", dyad_fdict_nc_name(reason), prefix, text);
}

static int has_reserved(const char *s) {
    for (; *s; s++)
        if (strchr("|#={}[]/", *s) || isspace((unsigned char)*s)) return 1;
    return 0;
}

/* A phrase roughly as it was written: WORD_WORD WORD_ */
static void phrase_raw(sbuf *b, const fd_phrase *p) {
    for (int i = 0; i < p->n; i++) {
        sb_str(b, p->w[i].text);
        if (p->w[i].flags & FW_TILDE) sb_str(b, "~");
        if (p->w[i].flags & (FW_US | FW_TILDE)) sb_str(b, "_");
        if (p->w[i].flags & FW_EQ) sb_str(b, "=");
        if (i + 1 < p->n && !(p->w[i].flags & FW_CONNECT)) sb_str(b, " ");
    }
}

/* ---------------------------------------------------------------- dates */

static long days_from_civil(long y, long m, long d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static long ymd_days(long ymd) { return days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100); }

static void days_ymd(long z, char *out, size_t n) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    snprintf(out, n, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

typedef struct span {
    long lo, hi; /* days, [lo, hi); LONG_MIN / LONG_MAX = open */
} span;

static span code_span(const fd_code *c) {
    span s = {LONG_MIN, LONG_MAX};
    if (c->date_kind == FD_DATE_BEFORE) s.hi = ymd_days(c->d1);
    else if (c->date_kind == FD_DATE_FROM) s.lo = ymd_days(c->d1);
    else if (c->date_kind == FD_DATE_RANGE) {
        s.lo = ymd_days(c->d1);
        s.hi = ymd_days(c->d2);
    }
    return s;
}

/* ---------------------------------------------------------------- names */

static int is_function_word(const char *w, size_t n) {
    static const char *const fw[] = {"of", "the", "and", "for", "de", "del", "della", "des",
                                     "du", "da", "das", "do", "dos", "di", "la", "le", "les",
                                     "al", "el", "bin", "ibn", "van", "von", "der", "den",
                                     "y", "e", "et", "in", "on", "at", "to", "a", "an", "by"};
    for (size_t i = 0; i < sizeof fw / sizeof fw[0]; i++)
        if (strlen(fw[i]) == n && !strncasecmp(fw[i], w, n)) return 1;
    return 0;
}

/* One actor name word in dyad's style (see the file comment). */
static void style_word(sbuf *b, const char *w) {
    size_t n = strlen(w);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch >= 0x80 || isdigit(ch) || ch == '.') {
            sb_add(b, w, n);
            return;
        }
    }
    size_t start = b->n;
    sb_add(b, w, n);
    if (b->oom) return;
    char *s = b->p + start;
    for (size_t i = 0; i < n; i++) s[i] = (char)tolower((unsigned char)s[i]);
    if (is_function_word(s, n)) return;
    /* parts between '-': "al-Qaeda", "Mazar-I-Sharif" */
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '-') j++;
        if (!(i == 0 && j < n && is_function_word(s, j))) {
            s[i] = (char)toupper((unsigned char)s[i]);
            /* O'Brien, D'Alema */
            if (j - i > 2 && s[i + 1] == '\'') s[i + 2] = (char)toupper((unsigned char)s[i + 2]);
        }
        i = j + 1;
    }
}

static const char *guess_section(const fd_actor *a) {
    for (int i = 0; i < a->ncodes; i++)
        if (a->codes[i].date_kind != FD_DATE_NONE) return "person";
    const char *code = NULL;
    for (int i = 0; i < a->ncodes && !code; i++)
        if (!a->codes[i].flags) code = a->codes[i].code;
    if (!code) return "group";
    size_t n = strlen(code);
    if (!strncmp(code, "IGO", 3)) return "igo";
    if (n == 3) return "country";
    static const char *const roles[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"};
    for (size_t i = 0; n >= 6 && i < sizeof roles / sizeof roles[0]; i++)
        if (!strncmp(code + 3, roles[i], 3)) return "country";
    return "group";
}

static int valid_actor_code(const char *s) {
    size_t n = strlen(s);
    if (n < 3 || n > 15) return 0;
    for (; *s; s++)
        if (!isupper((unsigned char)*s) && !isdigit((unsigned char)*s)) return 0;
    return 1;
}

static void code_raw(sbuf *b, const fd_code *c) {
    char d[40];
    sb_str(b, "[");
    sb_str(b, c->code);
    if (c->date_kind == FD_DATE_BEFORE) snprintf(d, sizeof d, " <%ld", c->d1);
    else if (c->date_kind == FD_DATE_FROM) snprintf(d, sizeof d, " >%ld", c->d1);
    else if (c->date_kind == FD_DATE_RANGE) snprintf(d, sizeof d, " %ld-%ld", c->d1, c->d2);
    else d[0] = '\0';
    sb_str(b, d);
    sb_str(b, "]");
}

static void write_actor(wctx *w, const fd_actor *a, const char *forced, const char **section) {
    sbuf names = {0}, raw = {0};
    dyad_strmap seen;
    dyad_strmap_init(&seen);
    phrase_raw(&raw, &a->names[0]);
    int nnames = 0;
    for (int i = 0; i < a->nnames; i++) {
        sbuf one = {0};
        for (int k = 0; k < a->names[i].n; k++) {
            if (k) sb_str(&one, " ");
            style_word(&one, a->names[i].w[k].text);
            if (w->fd->dialect == FD_TABARI && k + 1 == a->names[i].n &&
                !(a->names[i].w[k].flags & (FW_US | FW_EQ)))
                w->wc->stems++;
        }
        if (one.oom || !one.p) {
            w->oom |= one.oom;
            free(one.p);
            continue;
        }
        if (strpbrk(one.p, "|#={}[]")) {
            sbuf r = {0};
            phrase_raw(&r, &a->names[i]);
            if (r.p) not_converted(w, FD_NC_CHAR, "", r.p);
            free(r.p);
            free(one.p);
            continue;
        }
        /* the same name twice ("AFGHAN" and "AFGHAN_") once */
        void **slot = dyad_strmap_slot(&seen, one.p);
        if (!slot) w->oom = 1;
        if (slot && !*slot) {
            *slot = &seen;
            if (nnames++) sb_str(&names, " | ");
            sb_str(&names, one.p);
        }
        free(one.p);
    }
    dyad_strmap_free(&seen);
    if (!nnames) {
        free(names.p);
        free(raw.p);
        return;
    }
    const char *sec = forced ? forced : guess_section(a);
    span cover[64];
    int ncover = 0, wrote = 0;
    for (int i = 0; i < a->ncodes; i++) {
        const fd_code *c = &a->codes[i];
        span s = code_span(c);
        /* the parts of s that no earlier code covers */
        span parts[66];
        int np = 0;
        long start = s.lo;
        for (int k = 0; k < ncover && start < s.hi; k++) {
            if (cover[k].hi <= start) continue;
            if (cover[k].lo >= s.hi) break;
            if (cover[k].lo > start) parts[np++] = (span){start, cover[k].lo};
            if (cover[k].hi > start) start = cover[k].hi;
        }
        if (start < s.hi) parts[np++] = (span){start, s.hi};
        /* add s to the cover (sorted, merged) */
        if (s.lo < s.hi && ncover < 63) {
            int k = ncover;
            while (k > 0 && cover[k - 1].lo > s.lo) {
                cover[k] = cover[k - 1];
                k--;
            }
            cover[k] = s;
            ncover++;
            int m = 0;
            for (int j = 1; j < ncover; j++) {
                if (cover[j].lo <= cover[m].hi) {
                    if (cover[j].hi > cover[m].hi) cover[m].hi = cover[j].hi;
                } else cover[++m] = cover[j];
            }
            ncover = m + 1;
        }
        int reason = -1;
        if (i >= 63) reason = FD_NC_SHADOWED; /* more codes than dates can be tracked */
        else if (c->flags & FC_NULL) reason = FD_NC_NULL;
        else if (c->flags & FC_DISCARD) reason = FD_NC_DISCARD;
        else if (c->flags & FC_COMPLEX) reason = FD_NC_COMPLEX;
        else if (!valid_actor_code(c->code)) reason = FD_NC_BADCODE;
        else if (!np) reason = FD_NC_SHADOWED;
        if (reason >= 0) {
            sbuf t = {0};
            sb_str(&t, raw.p ? raw.p : "");
            sb_str(&t, " ");
            code_raw(&t, c);
            if (t.p) not_converted(w, reason, "", t.p);
            free(t.p);
            continue;
        }
        if (!*section || strcmp(*section, sec)) {
            fprintf(w->out, "[%s]\n", sec);
            *section = sec;
        }
        for (int k = 0; k < np; k++) {
            fprintf(w->out, "%s = %s", c->code, names.p);
            char from[64], to[64];
            if (parts[k].lo != LONG_MIN) days_ymd(parts[k].lo, from, sizeof from);
            if (parts[k].hi != LONG_MAX) days_ymd(parts[k].hi - 1, to, sizeof to);
            if (parts[k].lo != LONG_MIN && parts[k].hi != LONG_MAX)
                fprintf(w->out, "  {from %s; to %s}", from, to);
            else if (parts[k].lo != LONG_MIN) fprintf(w->out, "  {from %s}", from);
            else if (parts[k].hi != LONG_MAX) fprintf(w->out, "  {to %s}", to);
            fputc('\n', w->out);
            w->wc->lines++;
        }
        wrote = 1;
    }
    if (wrote) w->wc->converted++;
    w->oom |= names.oom | raw.oom;
    free(names.p);
    free(raw.p);
}

/* ---------------------------------------------------------------- agents */

static void lower_words(sbuf *b, const fd_phrase *p) {
    for (int k = 0; k < p->n; k++) {
        if (k) sb_str(b, " ");
        size_t start = b->n;
        sb_str(b, p->w[k].text);
        if (b->oom) return;
        for (size_t i = start; i < b->n; i++)
            b->p[i] = (char)tolower((unsigned char)b->p[i]);
    }
}

static void write_agent(wctx *w, const fd_agent *a) {
    const char *raw = a->raw ? a->raw : "";
    if (a->affix == FD_AGENT_PREFIX) {
        not_converted(w, FD_NC_PREFIX, "", raw);
        return;
    }
    const char *c = a->code;
    if (a->affix != FD_AGENT_SUFFIX || strlen(c) != 3 || !isupper((unsigned char)c[0]) ||
        !isupper((unsigned char)c[1]) || !isupper((unsigned char)c[2])) {
        not_converted(w, FD_NC_ROLE, "", raw);
        return;
    }
    sbuf b = {0};
    lower_words(&b, &a->phrase);
    for (int i = 0; i < a->nplurals; i++) {
        sb_str(&b, " | ");
        lower_words(&b, &a->plurals[i]);
    }
    if (w->fd->dialect == FD_TABARI &&
        !(a->phrase.w[a->phrase.n - 1].flags & (FW_US | FW_EQ)))
        w->wc->stems++;
    if (b.oom || !b.p) {
        w->oom = 1;
    } else if (strpbrk(b.p, "#={}[]/")) {
        not_converted(w, FD_NC_CHAR, "", raw);
    } else {
        fprintf(w->out, "%s = %s\n", c, b.p);
        w->wc->lines++;
        w->wc->converted++;
    }
    free(b.p);
}

/* ---------------------------------------------------------------- verbs */

typedef struct elist { /* one expansion: elements in order */
    const char **e;
    int n;
} elist;

typedef struct xlist { /* the expansions of a sequence */
    elist *x;
    int n;
    int capped;
} xlist;

#define REASON_OOM (-2)

static const char *lower_dup(wctx *w, const char *s) {
    char *p = dyad_arena_strdup(&w->tmp, s);
    if (!p) return NULL;
    for (char *q = p; *q; q++) *q = (char)tolower((unsigned char)*q);
    return p;
}

/* A word fit for a dyad pattern element: 0, or a reason. */
static int word_reason(const char *s) {
    if (!*s || has_reserved(s)) return FD_NC_CHAR;
    if (!strcasecmp(s, "not") || !strcmp(s, "TGT") || !strcmp(s, "SRC")) return FD_NC_CHAR;
    return -1;
}

static int single(wctx *w, const char *elem, xlist *out) {
    out->x = dyad_arena_alloc(&w->tmp, sizeof(elist));
    const char **e = dyad_arena_alloc(&w->tmp, sizeof(char *));
    if (!out->x || !e) return REASON_OOM;
    e[0] = elem;
    out->x[0] = (elist){e, 1};
    out->n = 1;
    return -1;
}

/* a x b, at most max_expand. */
static int cross(wctx *w, xlist *a, const xlist *b) {
    long total = (long)a->n * b->n;
    int cap = w->max_expand;
    int n = total > cap ? cap : (int)total;
    elist *x = dyad_arena_calloc(&w->tmp, (size_t)(n ? n : 1), sizeof(elist));
    if (!x) return REASON_OOM;
    int k = 0;
    for (int i = 0; i < a->n && k < n; i++)
        for (int j = 0; j < b->n && k < n; j++) {
            int len = a->x[i].n + b->x[j].n;
            const char **e = dyad_arena_calloc(&w->tmp, (size_t)(len ? len : 1), sizeof(char *));
            if (!e) return REASON_OOM;
            if (a->x[i].n) memcpy(e, a->x[i].e, (size_t)a->x[i].n * sizeof(char *));
            if (b->x[j].n) memcpy(e + a->x[i].n, b->x[j].e, (size_t)b->x[j].n * sizeof(char *));
            x[k++] = (elist){e, len};
        }
    a->capped |= b->capped | (total > cap);
    a->x = x;
    a->n = k;
    return -1;
}

static int flat_seq(wctx *w, const fd_tokseq *q, int depth, xlist *out);

/* The options of a synset or an alternative: `a/b` when all are single words,
 * else every expansion of every option. */
static int flat_options(wctx *w, const fd_tokseq *opts, int nopts, int depth, xlist *out) {
    if (depth > 8) return FD_NC_SYNSET;
    xlist all = {NULL, 0, 0};
    int singles = 1;
    xlist *each = dyad_arena_calloc(&w->tmp, (size_t)(nopts ? nopts : 1), sizeof(xlist));
    if (!each) return REASON_OOM;
    for (int i = 0; i < nopts; i++) {
        int r = flat_seq(w, &opts[i], depth + 1, &each[i]);
        if (r == FD_NC_CHAR) { /* leave out a member like F/A-18 */
            w->wc->dropped++;
            each[i].n = 0;
            continue;
        }
        if (r != -1) return r;
        for (int k = 0; k < each[i].n; k++)
            if (each[i].x[k].n != 1 || strchr(each[i].x[k].e[0], '/') ||
                !strcmp(each[i].x[k].e[0], "TGT") || !strcmp(each[i].x[k].e[0], "SRC"))
                singles = 0;
        all.capped |= each[i].capped;
    }
    if (singles) {
        sbuf b = {0};
        dyad_strmap seen;
        dyad_strmap_init(&seen);
        for (int i = 0; i < nopts; i++)
            for (int k = 0; k < each[i].n; k++) {
                const char *e = each[i].x[k].e[0];
                void **slot = dyad_strmap_slot(&seen, e);
                if (!slot) b.oom = 1;
                if (!slot || *slot) continue; /* a repeat */
                *slot = &seen;
                if (b.n) sb_str(&b, "/");
                sb_str(&b, e);
            }
        dyad_strmap_free(&seen);
        if (!b.p && !b.oom) return FD_NC_CHAR; /* every member left out */
        const char *elem = b.p ? dyad_arena_strdup(&w->tmp, b.p) : NULL;
        int oom = b.oom || !elem;
        free(b.p);
        if (oom) return REASON_OOM;
        return single(w, elem, out);
    }
    int total = 0;
    for (int i = 0; i < nopts; i++) total += each[i].n;
    if (!total) return FD_NC_CHAR;
    int n = total > w->max_expand ? w->max_expand : total;
    all.x = dyad_arena_calloc(&w->tmp, (size_t)(n ? n : 1), sizeof(elist));
    if (!all.x) return REASON_OOM;
    for (int i = 0; i < nopts; i++)
        for (int k = 0; k < each[i].n && all.n < n; k++) all.x[all.n++] = each[i].x[k];
    all.capped |= total > n;
    *out = all;
    return -1;
}

static int flat_tok(wctx *w, const fd_token *t, int depth, xlist *out) {
    if (--w->budget < 0) return FD_NC_SYNSET; /* synsets nested too wide */
    switch (t->kind) {
    case FT_WORD: {
        int r = word_reason(t->text);
        if (r >= 0) return r;
        const char *e = lower_dup(w, t->text);
        if (!e) return REASON_OOM;
        if (w->fd->dialect == FD_TABARI && !(t->flags & (FW_US | FW_EQ))) w->wc->stems++;
        return single(w, e, out);
    }
    case FT_TARGET: return single(w, "TGT", out);
    case FT_SOURCE: return single(w, "SRC", out);
    case FT_COMPOUND: return FD_NC_COMPOUND;
    case FT_SKIP:
    case FT_ATTRIB: return FD_NC_SKIP;
    case FT_NOUNPHRASE:
    case FT_PREP: return flat_seq(w, &t->sub, depth, out);
    case FT_SYNSET: {
        if (t->synset < 0 || (size_t)t->synset >= w->fd->nsynsets) return FD_NC_SYNSET;
        const fd_synset *s = &w->fd->synsets[t->synset];
        if (!s->nmembers) return FD_NC_SYNSET;
        return flat_options(w, s->members, s->nmembers, depth, out);
    }
    case FT_ALT: return flat_options(w, t->alts, t->nalts, depth, out);
    default: return FD_NC_PREVERB;
    }
}

static int flat_seq(wctx *w, const fd_tokseq *q, int depth, xlist *out) {
    out->x = dyad_arena_calloc(&w->tmp, 1, sizeof(elist));
    if (!out->x) return REASON_OOM;
    out->n = 1;
    out->capped = 0;
    for (int i = 0; i < q->n; i++) {
        xlist t = {NULL, 0, 0};
        int r = flat_tok(w, &q->t[i], depth, &t);
        if (r != -1) return r;
        r = cross(w, out, &t);
        if (r != -1) return r;
    }
    return -1;
}

static int event_code_reason(const char *code, const char *code2, unsigned cf) {
    if (code2) return FD_NC_PAIRED;
    if (cf & FC_NULL) return FD_NC_NULL;
    if (cf & FC_DISCARD) return FD_NC_DISCARD;
    if (cf & FC_COMPLEX) return FD_NC_COMPLEX;
    size_t n = strlen(code);
    if (n < 2 || n > 4) return FD_NC_BADCODE;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)code[i])) return FD_NC_BADCODE;
    return dyad_cameo_lookup(code) ? -1 : FD_NC_BADCODE;
}

/* The head groups of a block: the single-word verbs as one `a/b` head, and
 * each multi-word verb (verb first) on its own. */
typedef struct head {
    const char *head; /* "accelerate/expedite" */
    const char *tail; /* "off" or "" */
} head;

static void verb_head(wctx *w, const fd_verb *v, sbuf *hb, sbuf *tb) {
    for (int k = 0; k < v->words.n; k++) {
        sbuf *b = k == 0 ? hb : tb;
        if (k > 1) sb_str(b, " ");
        size_t start = b->n;
        sb_str(b, v->words.w[k].text);
        for (size_t i = start; !b->oom && i < b->n; i++)
            b->p[i] = (char)tolower((unsigned char)b->p[i]);
    }
    if (w->fd->dialect == FD_TABARI && !(v->words.w[0].flags & (FW_US | FW_EQ))) w->wc->stems++;
}

static void write_block(wctx *w, const fd_block *b) {
    const dyad_fdict *fd = w->fd;
    head heads[64];
    int nheads = 0;
    sbuf singles = {0};
    dyad_strmap seen;
    dyad_strmap_init(&seen);
    /* the verbs themselves */
    for (int i = 0; i < b->nverbs; i++) {
        const fd_verb *v = &fd->verbs[b->first_verb + i];
        if (v->verb_index > 0) {
            not_converted(w, FD_NC_PREVERB, "", v->raw);
            continue;
        }
        sbuf hb = {0}, tb = {0};
        verb_head(w, v, &hb, &tb);
        int bad = hb.oom || tb.oom || !hb.p;
        if (!bad && (has_reserved(hb.p) || (tb.p && strpbrk(tb.p, "|#={}[]/")))) {
            not_converted(w, FD_NC_CHAR, "", v->raw);
            bad = 1;
        }
        if (!bad) {
            const char *code = v->code ? v->code : b->code;
            const char *code2 = v->code ? v->code2 : b->code2;
            unsigned cf = v->code ? v->cflags : b->cflags;
            int r = event_code_reason(code, code2, cf);
            if (r >= 0) {
                not_converted(w, r, "", v->raw);
            } else {
                fprintf(w->out, "%s = %s%s%s\n", code, hb.p, tb.p ? " " : "", tb.p ? tb.p : "");
                w->wc->lines++;
                w->wc->converted++;
            }
            if (v->words.n == 1) {
                /* joined into the one head of the block's patterns */
                void **slot = dyad_strmap_slot(&seen, hb.p);
                if (!slot) w->oom = 1;
                if (slot && !*slot) {
                    *slot = &seen;
                    if (singles.n) sb_str(&singles, "/");
                    sb_str(&singles, hb.p);
                }
            } else if (nheads < 63) {
                heads[nheads].head = dyad_arena_strdup(&w->tmp, hb.p);
                heads[nheads].tail = dyad_arena_strdup(&w->tmp, tb.p ? tb.p : "");
                if (!heads[nheads].head || !heads[nheads].tail) w->oom = 1;
                else nheads++;
            }
        }
        w->oom |= hb.oom | tb.oom;
        free(hb.p);
        free(tb.p);
    }
    if (singles.p && nheads < 64) {
        for (int k = nheads; k > 0; k--) heads[k] = heads[k - 1];
        heads[0].head = singles.p;
        heads[0].tail = "";
        nheads++;
    }
    /* the patterns */
    for (int i = 0; i < b->npatterns && !w->oom; i++) {
        const fd_pattern *p = &fd->patterns[b->first_pattern + i];
        int r = event_code_reason(p->code, p->code2, p->cflags);
        if (r < 0 && p->pre.n && !(p->pre.n == 1 && p->pre.t[0].kind == FT_SOURCE))
            r = FD_NC_PREVERB;
        if (r < 0 && !nheads) r = FD_NC_PREVERB;
        xlist x = {NULL, 0, 0};
        w->budget = 100000;
        if (r < 0) r = flat_seq(w, &p->post, 0, &x);
        if (r == REASON_OOM) {
            w->oom = 1;
            break;
        }
        if (r >= 0) {
            not_converted(w, r, "- ", p->raw);
        } else {
            for (int h = 0; h < nheads; h++)
                for (int k = 0; k < x.n; k++) {
                    fprintf(w->out, "%s = %s%s%s", p->code, heads[h].head,
                            *heads[h].tail ? " " : "", heads[h].tail);
                    for (int e = 0; e < x.x[k].n; e++) fprintf(w->out, " %s", x.x[k].e[e]);
                    fputc('\n', w->out);
                    w->wc->lines++;
                }
            w->wc->converted++;
            if (x.capped) w->wc->capped++;
        }
        /* keep the heads (allocated in tmp before the patterns) */
    }
    w->oom |= singles.oom;
    free(singles.p);
    dyad_strmap_free(&seen);
}

/* ---------------------------------------------------------------- entry */

int dyad_fdict_write_dyad(const dyad_fdict *fd, FILE *out, const fd_write_opts *opts,
                          fd_write_counts *wc, char *err, size_t errlen) {
    fd_write_counts dummy;
    if (!wc) wc = &dummy;
    memset(wc, 0, sizeof *wc);
    wctx w;
    memset(&w, 0, sizeof w);
    w.fd = fd;
    w.out = out;
    w.wc = wc;
    w.max_expand = opts && opts->max_expand > 0 ? opts->max_expand : 16;
    dyad_arena_init(&w.tmp);
    const char *base = fd->path ? strrchr(fd->path, '/') : NULL;
    base = base ? base + 1 : fd->path ? fd->path : "?";
    fprintf(out, "# %s: converted by dyad from %s (%s %s)\n",
            fd->kind == FD_ACTORS ? "actors" : fd->kind == FD_AGENTS ? "agents" : "verbs", base,
            dyad_fdict_dialect_name(fd->dialect), dyad_fdict_kind_name(fd->kind));
    switch (fd->kind) {
    case FD_ACTORS: {
        const char *section = "";
        for (size_t i = 0; i < fd->nactors; i++)
            write_actor(&w, &fd->actors[i], opts ? opts->actor_section : NULL, &section);
        break;
    }
    case FD_AGENTS:
        fprintf(out, "[role]\n");
        for (size_t i = 0; i < fd->nagents; i++) write_agent(&w, &fd->agents[i]);
        break;
    case FD_VERBS:
        fprintf(out, "[verb]\n");
        for (size_t i = 0; i < fd->nblocks && !w.oom; i++) {
            write_block(&w, &fd->blocks[i]);
            dyad_arena_reset(&w.tmp);
        }
        for (size_t i = 0; i < fd->ntransforms; i++)
            not_converted(&w, FD_NC_TRANSFORM, "", fd->transforms[i]);
        break;
    default:
        fprintf(out, "# %s have no dyad counterpart: %zu entries not converted\n",
                dyad_fdict_kind_name(fd->kind), fd->counts.entries);
        wc->reason[FD_NC_KIND] += fd->counts.entries;
        wc->not_converted += fd->counts.entries;
        break;
    }
    dyad_arena_free(&w.tmp);
    if (w.oom) {
        if (err && errlen) snprintf(err, errlen, "out of memory while converting %s", base);
        return -1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        if (err && errlen) snprintf(err, errlen, "write error while converting %s", base);
        return -1;
    }
    return 0;
}
