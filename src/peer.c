/*
 * peer.c — models made from the peers' dictionaries (PETRARCH2 and TABARI):
 * the list of files (dyad_dictset: given one by one, or named by a
 * PETR_config.ini or a TABARI .project), and the loading of those files
 * (src/fdict.c reads them) into the compatible coder's tables (compat.h).
 *
 * How an entry becomes a table row (docs/COMPAT.md):
 *   words      upper-case; a TABARI word written without a trailing `_` (or
 *              `=`) is a stem (prefix match); a PETRARCH2 pattern word, and a
 *              TABARI word with `_`, also matches its regular endings and any
 *              token whose lemma it is; PETRARCH2 actor and agent names are
 *              exact words;
 *   actors     every name and synonym → the entry's dated codes;
 *   agents     the phrase and its plurals (listed, or the regular plural of
 *              the last word when none is listed) → ~CODE (suffix) or CODE~
 *              (prefix);
 *   verbs      each verb of a block, with its listed forms or its regular
 *              forms (irregular forms come from the token's lemma);
 *   patterns   words before and after `*` in order (`_` = adjacent), `$`
 *              source, `+` target, `%` compound, `^` skip, synsets and `{ A |
 *              B }` as alternatives (nested synsets expanded), PETRARCH2's
 *              {noun phrase} and (prep phrase) as their words in order;
 *   discards   phrases (story discards with `+`); TABARI <NOUN>/<ADJECTIVE>
 *              entries are words that are never verbs.
 * The fdict sets stay alive inside the model: the tables point into them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "compat.h"
#include "engine.h"
#include "fdict.h"
#include "fileio.h"
#include "reader.h"
#include "tabari_text.h"
#include "xprintf.h"

/* ------------------------------------------------------------- dictset */

typedef struct ds_file {
    char *kind, *path;
    int from_dir; /* named by a configuration (replaced by an explicit file) */
} ds_file;

struct dyad_dictset {
    ds_file *f;
    size_t n, cap;
    size_t max_line;
    int require_dyad;
    char *options;
};

dyad_dictset *dyad_dictset_new(void) {
    dyad_dictset *s = calloc(1, sizeof *s);
    if (s) s->require_dyad = -1;
    return s;
}

void dyad_dictset_free(dyad_dictset *s) {
    if (!s) return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->f[i].kind);
        free(s->f[i].path);
    }
    free(s->f);
    free(s->options);
    free(s);
}

size_t dyad_dictset_count(const dyad_dictset *s) { return s ? s->n : 0; }
const char *dyad_dictset_kind(const dyad_dictset *s, size_t i) {
    return s && i < s->n ? s->f[i].kind : NULL;
}
const char *dyad_dictset_path(const dyad_dictset *s, size_t i) {
    return s && i < s->n ? s->f[i].path : NULL;
}
int dyad_dictset_require_dyad(const dyad_dictset *s) { return s ? s->require_dyad : -1; }
void dyad_dictset_set_max_line(dyad_dictset *s, size_t max_line) {
    if (s) s->max_line = max_line;
}
const char *dyad_dictset_options_file(const dyad_dictset *s) { return s ? s->options : NULL; }

static dyad_status ds_push(dyad_dictset *s, const char *kind, const char *path, int from_dir,
                           dyad_error *err) {
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 8;
        ds_file *nf = realloc(s->f, nc * sizeof *nf);
        if (!nf) goto oom;
        s->f = nf;
        s->cap = nc;
    }
    ds_file *f = &s->f[s->n];
    f->kind = dyad_asprintf("%s", kind);
    f->path = dyad_asprintf("%s", path);
    f->from_dir = from_dir;
    if (!f->kind || !f->path) {
        free(f->kind);
        free(f->path);
        goto oom;
    }
    s->n++;
    return DYAD_OK;
oom:
    dyad_error_setf(err, DYAD_ERR_NOMEM, path, 0, -1, "out of memory");
    return DYAD_ERR_NOMEM;
}

dyad_status dyad_dictset_add(dyad_dictset *s, const char *kind, const char *path,
                             dyad_error *err) {
    if (!s || !kind || !path || !*path) {
        dyad_error_setf(err, DYAD_ERR_INVALID_ARG, NULL, 0, -1, "a dictionary kind and file are needed");
        return DYAD_ERR_INVALID_ARG;
    }
    if (!dyad_fdict_kind_from_name(kind)) {
        dyad_error_setf(err, DYAD_ERR_INVALID_ARG, path, 0, -1,
                        "unknown dictionary kind '%s' (want verbs, actors, agents, discards or "
                        "issues)",
                        kind);
        return DYAD_ERR_INVALID_ARG;
    }
    if (strcmp(kind, "actors") != 0) { /* replaces the configuration's file of that kind */
        size_t k = 0;
        for (size_t i = 0; i < s->n; i++) {
            if (s->f[i].from_dir && !strcmp(s->f[i].kind, kind)) {
                free(s->f[i].kind);
                free(s->f[i].path);
            } else {
                s->f[k++] = s->f[i];
            }
        }
        s->n = k;
    }
    return ds_push(s, kind, path, 0, err);
}

dyad_status dyad_dictset_add_spec(dyad_dictset *s, const char *spec, dyad_error *err) {
    const char *eq = spec ? strchr(spec, '=') : NULL;
    if (!s || !eq || eq == spec || !eq[1]) {
        dyad_error_setf(err, DYAD_ERR_INVALID_ARG, NULL, 0, -1,
                        "want KIND=FILE (KIND: verbs, actors, agents, discards or issues), not "
                        "'%s'",
                        spec ? spec : "");
        return DYAD_ERR_INVALID_ARG;
    }
    char *kind = dyad_asprintf("%.*s", (int)(eq - spec), spec);
    if (!kind) {
        dyad_error_setf(err, DYAD_ERR_NOMEM, NULL, 0, -1, "out of memory");
        return DYAD_ERR_NOMEM;
    }
    dyad_status st = dyad_dictset_add(s, kind, eq + 1, err);
    free(kind);
    return st;
}

static int is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

static void ignore_warn(void *ctx, const char *file, long line, int sev, const char *msg) {
    (void)ctx, (void)file, (void)line, (void)sev, (void)msg;
}

static dyad_status add_petr_config(dyad_dictset *s, const char *ini, dyad_error *err) {
    dyad_fdict_config cfg;
    char msg[512];
    if (dyad_fdict_config_load(&cfg, ini, ignore_warn, NULL, msg, sizeof msg) != 0) {
        dyad_fdict_config_free(&cfg);
        dyad_error_setf(err, DYAD_ERR_IO, ini, 0, -1, "%s", msg);
        return DYAD_ERR_IO;
    }
    dyad_status st = DYAD_OK;
    if (!cfg.verbfile || !cfg.nactorfiles) {
        dyad_error_setf(err, DYAD_ERR_FORMAT, ini, 0, -1,
                        "the configuration names no %s (want verbfile and actorfile_list in "
                        "[Dictionaries])",
                        cfg.verbfile ? "actor files" : "verb file");
        st = DYAD_ERR_FORMAT;
    }
    const char *one[4][2] = {{"verbs", cfg.verbfile},
                             {"agents", cfg.agentfile},
                             {"discards", cfg.discardfile},
                             {"issues", cfg.issuefile}};
    for (int k = 0; k < 4 && st == DYAD_OK; k++)
        if (one[k][1]) st = ds_push(s, one[k][0], one[k][1], 1, err);
    for (int k = 0; k < cfg.nactorfiles && st == DYAD_OK; k++)
        st = ds_push(s, "actors", cfg.actorfiles[k], 1, err);
    if (st == DYAD_OK && cfg.require_dyad >= 0) s->require_dyad = cfg.require_dyad;
    dyad_fdict_config_free(&cfg);
    return st;
}

static dyad_status add_project(dyad_dictset *s, const char *path, dyad_error *err) {
    size_t len = 0;
    char msg[512];
    char *buf = dyad_read_file(path, &len, msg, sizeof msg);
    if (!buf) {
        dyad_error_setf(err, DYAD_ERR_IO, path, 0, -1, "%s", msg);
        return DYAD_ERR_IO;
    }
    dyad_tabari_project *p = dyad_tabari_project_parse(buf, len, path);
    free(buf);
    if (!p) {
        dyad_error_setf(err, DYAD_ERR_NOMEM, path, 0, -1, "out of memory");
        return DYAD_ERR_NOMEM;
    }
    dyad_status st = DYAD_OK;
    if (!p->n_verbs || !p->n_actors) {
        dyad_error_setf(err, DYAD_ERR_FORMAT, path, 0, -1,
                        "the project names no %s file (want <%s> lines)",
                        p->n_verbs ? "actors" : "verbs", p->n_verbs ? "actorsfile" : "verbsfile");
        st = DYAD_ERR_FORMAT;
    }
    for (size_t i = 0; i < p->n_verbs && st == DYAD_OK; i++)
        st = ds_push(s, "verbs", p->verbs[i], 1, err);
    for (size_t i = 0; i < p->n_actors && st == DYAD_OK; i++)
        st = ds_push(s, "actors", p->actors[i], 1, err);
    for (size_t i = 0; i < p->n_agents && st == DYAD_OK; i++)
        st = ds_push(s, "agents", p->agents[i], 1, err);
    if (st == DYAD_OK && p->options) {
        free(s->options);
        s->options = dyad_asprintf("%s", p->options);
    }
    dyad_tabari_project_free(p);
    return st;
}

static int project_file(const struct dirent *e) {
    return e->d_name[0] != '.' && ends_with(e->d_name, ".project");
}

dyad_status dyad_dictset_add_dir(dyad_dictset *s, const char *dir, dyad_error *err) {
    if (!s || !dir) {
        dyad_error_setf(err, DYAD_ERR_INVALID_ARG, NULL, 0, -1, "no directory given");
        return DYAD_ERR_INVALID_ARG;
    }
    if (is_file(dir))
        return ends_with(dir, ".project") ? add_project(s, dir, err) : add_petr_config(s, dir, err);
    char *ini = dyad_asprintf("%s/PETR_config.ini", dir);
    if (!ini) {
        dyad_error_setf(err, DYAD_ERR_NOMEM, dir, 0, -1, "out of memory");
        return DYAD_ERR_NOMEM;
    }
    if (is_file(ini)) {
        dyad_status st = add_petr_config(s, ini, err);
        free(ini);
        return st;
    }
    free(ini);
    struct dirent **list = NULL;
    int n = scandir(dir, &list, project_file, alphasort);
    if (n < 0) {
        dyad_error_setf(err, DYAD_ERR_IO, dir, 0, -1, "cannot read the directory: %s",
                        strerror(errno));
        return DYAD_ERR_IO;
    }
    dyad_status st = DYAD_OK;
    if (n == 0) {
        dyad_error_setf(err, DYAD_ERR_IO, dir, 0, -1,
                        "no PETR_config.ini and no TABARI .project file here");
        st = DYAD_ERR_IO;
    } else if (n > 1) {
        dyad_error_setf(err, DYAD_ERR_IO, dir, 0, -1,
                        "%d .project files (%s, %s ...): name the one to use", n,
                        list[0]->d_name, list[1]->d_name);
        st = DYAD_ERR_IO;
    } else {
        char *path = dyad_asprintf("%s/%s", dir, list[0]->d_name);
        st = path ? add_project(s, path, err) : DYAD_ERR_NOMEM;
        free(path);
    }
    for (int i = 0; i < n; i++) free(list[i]);
    free(list);
    return st;
}

/* ------------------------------------------------------ loading tables */

typedef struct peer_files {
    dyad_fdict *fd;
    size_t n;
    char **summary;
} peer_files;

void dyad_peer_free(dyad_model *m) {
    peer_files *p = m->peer;
    if (!p) return;
    for (size_t i = 0; i < p->n; i++) {
        dyad_fdict_free(&p->fd[i]);
        free(p->summary[i]);
    }
    free(p->fd);
    free(p->summary);
    free(p);
    m->peer = NULL;
}

size_t dyad_model_file_count(const dyad_model *m) { return m && m->peer ? m->peer->n : 0; }
const char *dyad_model_file_summary(const dyad_model *m, size_t i) {
    return i < dyad_model_file_count(m) ? m->peer->summary[i] : NULL;
}
int dyad_model_is_peer(const dyad_model *m) { return m && m->compat; }

/* One file being converted. */
typedef struct conv {
    dyad_model *m;
    cp_dict *cp;
    dyad_arena *a;
    const dyad_fdict *fd;
    const char *base; /* base name of the file, for "file:line" */
    size_t skipped;   /* entries the tables cannot hold */
} conv;

#define MAX_ALTS 512 /* alternatives of one pattern element after synset expansion */
#define MAX_SYNSET_DEPTH 8

static const char *base_name(const char *p) {
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static const char *where(conv *c, long line) {
    return dyad_arena_printf(c->a, "%s:%ld", c->base, line);
}

static void skip(conv *c, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void skip(conv *c, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = dyad_vasprintf(fmt, ap);
    va_end(ap);
    c->skipped++;
    dyad_model_push_warning(c->m, msg ? dyad_asprintf("%s:%ld: %s", c->fd->path, line, msg) : NULL);
    free(msg);
}

static const char *upper(conv *c, const char *s) {
    size_t n = strlen(s);
    int lower = 0;
    for (size_t i = 0; i < n; i++) lower |= s[i] >= 'a' && s[i] <= 'z';
    if (!lower) return s;
    char *u = dyad_arena_strndup(c->a, s, n);
    if (!u) return NULL;
    for (size_t i = 0; i < n; i++)
        if (u[i] >= 'a' && u[i] <= 'z') u[i] = (char)(u[i] - 32);
    return u;
}

/* How a dictionary word matches: exact names, TABARI stems, or (patterns)
 * the word with its regular endings. */
enum { WM_NAME, WM_PATTERN };

static unsigned char word_mode(const conv *c, unsigned flags, int mode) {
    if (c->fd->dialect == FD_TABARI) {
        if (!(flags & (FW_US | FW_EQ))) return CP_STEM;
        return (flags & FW_EQ) || mode == WM_PATTERN ? CP_EXACT : CP_INFLECT;
    }
    return mode == WM_PATTERN ? CP_INFLECT : CP_EXACT;
}

/* Append word u to w[*n], split as dyad's tokenizer splits text: "DIDN'T"
 * -> "DID" "N'T", "ESTONIA'S" -> "ESTONIA" "'S", "ANTI-" -> "ANTI" "-". */
static int put_word(conv *c, cp_word *w, int *n, const char *u, unsigned char mode) {
    /* TABARI reads "Barad-dur" as two words (compat_doc.c splits the text
     * the same way): the parts before an inner hyphen are whole words */
    const char *h;
    while (c->fd->dialect == FD_TABARI && (h = strchr(u + 1, '-')) != NULL && h[1]) {
        const char *head = dyad_arena_strndup(c->a, u, (size_t)(h - u));
        if (!head) return -1;
        w[(*n)++] = (cp_word){head, CP_EXACT, 0};
        u = h + 1;
    }
    size_t len = strlen(u);
    size_t cut = 0;
    if (len > 3 && !strcmp(u + len - 3, "N'T")) cut = len - 3;
    else if (len > 2 && !strcmp(u + len - 2, "'S")) cut = len - 2;
    else if (len > 1 && u[len - 1] == '-') cut = len - 1; /* "ANTI-" -> "ANTI" "-" */
    if (!cut) {
        w[(*n)++] = (cp_word){u, mode, 0};
        return 0;
    }
    const char *head = dyad_arena_strndup(c->a, u, cut);
    if (!head) return -1;
    w[(*n)++] = (cp_word){head, CP_EXACT, 0};
    w[(*n)++] = (cp_word){u + cut, CP_EXACT, 0};
    return 0;
}

static int phrase_from(conv *c, const fd_phrase *p, int mode, cp_phrase *out) {
    out->n = 0;
    size_t room = 0;
    for (int i = 0; i < p->n; i++) {
        room += 2;
        for (const char *q = p->w[i].text; *q; q++) room += *q == '-';
    }
    out->w = dyad_arena_calloc(c->a, room, sizeof *out->w);
    if (!out->w) return -1;
    for (int i = 0; i < p->n; i++) {
        if (!p->w[i].text[0]) continue;
        const char *u = upper(c, p->w[i].text);
        if (!u || put_word(c, out->w, &out->n, u, word_mode(c, p->w[i].flags, mode)) != 0)
            return -1;
        /* TABARI: words written with a space between them need not be adjacent */
        out->w[out->n - 1].gap = c->fd->dialect == FD_TABARI && !(p->w[i].flags & FW_CONNECT);
    }
    if (out->n) out->w[out->n - 1].gap = 0;
    return 0;
}

static int load_actors(conv *c) {
    static const int kinds[] = {[FD_DATE_NONE] = CD_ANY, [FD_DATE_BEFORE] = CD_BEFORE,
                                [FD_DATE_FROM] = CD_FROM, [FD_DATE_RANGE] = CD_RANGE};
    for (size_t i = 0; i < c->fd->nactors; i++) {
        const fd_actor *a = &c->fd->actors[i];
        const char *w = where(c, a->line);
        int e = w ? cp_actor_new(c->cp, w) : -1;
        if (e < 0) return -1;
        for (int k = 0; k < a->ncodes; k++) {
            const fd_code *fc = &a->codes[k];
            if (cp_actor_code(c->cp, e, fc->code, kinds[fc->date_kind & 3], fc->d1, fc->d2) != 0)
                return -1;
        }
        for (int k = 0; k < a->nnames; k++) {
            cp_phrase ph;
            if (phrase_from(c, &a->names[k], WM_NAME, &ph) != 0) return -1;
            if (ph.n && cp_actor_phrase(c->cp, e, ph) != 0) return -1;
        }
    }
    return 0;
}

/* Regular plural of the last word: the phrase with -S, -ES or -IES. */
static int plural_of(conv *c, const cp_phrase *ph, cp_phrase *out) {
    *out = *ph;
    if (!ph->n) return 0;
    out->w = dyad_arena_calloc(c->a, (size_t)ph->n, sizeof *out->w);
    if (!out->w) return -1;
    memcpy(out->w, ph->w, (size_t)ph->n * sizeof *out->w);
    const char *w = ph->w[ph->n - 1].w;
    size_t n = strlen(w);
    const char *p;
    if (n > 1 && w[n - 1] == 'Y' && !strchr("AEIOU", w[n - 2]))
        p = dyad_arena_printf(c->a, "%.*sIES", (int)(n - 1), w);
    else if (n && (strchr("SXZ", w[n - 1]) || ends_with(w, "CH") || ends_with(w, "SH")))
        p = dyad_arena_printf(c->a, "%sES", w);
    else
        p = dyad_arena_printf(c->a, "%sS", w);
    if (!p) return -1;
    out->w[ph->n - 1].w = p;
    return 0;
}

static int load_agents(conv *c) {
    for (size_t i = 0; i < c->fd->nagents; i++) {
        const fd_agent *ag = &c->fd->agents[i];
        const char *w = where(c, ag->line);
        const char *code = w ? upper(c, ag->code) : NULL;
        if (!code) return -1;
        int prefix = ag->affix == FD_AGENT_PREFIX;
        cp_phrase ph;
        if (phrase_from(c, &ag->phrase, WM_NAME, &ph) != 0) return -1;
        if (!ph.n) continue;
        if (cp_agent(c->cp, ph, code, prefix, w) != 0) return -1;
        if (ag->plural_kind == FD_PLURAL_AUTO && !ag->subst && !ph.w[ph.n - 1].stem) {
            cp_phrase pl;
            if (plural_of(c, &ph, &pl) != 0 || cp_agent(c->cp, pl, code, prefix, w) != 0) return -1;
        }
        for (int k = 0; k < ag->nplurals; k++) {
            cp_phrase pl;
            if (phrase_from(c, &ag->plurals[k], WM_NAME, &pl) != 0) return -1;
            if (pl.n && cp_agent(c->cp, pl, code, prefix, w) != 0) return -1;
        }
    }
    return 0;
}

/* ---- patterns */

typedef struct altlist {
    cp_phrase *p;
    int n, cap;
    int capped;
} altlist;

static int alt_push(conv *c, altlist *l, cp_phrase ph) {
    if (l->n >= MAX_ALTS) {
        l->capped = 1;
        return 0;
    }
    if (l->n == l->cap) {
        int nc = l->cap ? l->cap * 2 : 4;
        cp_phrase *np = dyad_arena_grow(c->a, l->p, (size_t)l->n, (size_t)nc, sizeof *np);
        if (!np) return -1;
        l->p = np;
        l->cap = nc;
    }
    l->p[l->n++] = ph;
    return 0;
}

static cp_phrase phrase_cat(conv *c, cp_phrase a, cp_phrase b) {
    cp_phrase r = {NULL, 0};
    r.w = dyad_arena_calloc(c->a, (size_t)(a.n + b.n) + 1, sizeof *r.w);
    if (!r.w) return r;
    if (a.n) memcpy(r.w, a.w, (size_t)a.n * sizeof *r.w);
    if (b.n) memcpy(r.w + a.n, b.w, (size_t)b.n * sizeof *r.w);
    r.n = a.n + b.n;
    return r;
}

static int seq_phrases(conv *c, const fd_tokseq *seq, int depth, altlist *out);

/* The phrases one token stands for (a word, a synset's members, an
 * alternative's sequences); markers stand for nothing here. */
static int tok_phrases(conv *c, const fd_token *t, int depth, altlist *out) {
    if (t->kind == FT_WORD) {
        size_t room = 2;
        for (const char *q = t->text; *q; q++) room += *q == '-';
        cp_word *w = dyad_arena_calloc(c->a, room, sizeof *w);
        const char *u = w ? upper(c, t->text) : NULL;
        int n = 0;
        if (!u || put_word(c, w, &n, u, word_mode(c, t->flags, WM_PATTERN)) != 0) return -1;
        /* TABARI: words of a phrase written with spaces need not be adjacent */
        w[n - 1].gap = c->fd->dialect == FD_TABARI && !(t->flags & FW_CONNECT);
        return alt_push(c, out, (cp_phrase){w, n});
    }
    if (t->kind == FT_SYNSET) {
        if (t->synset < 0 || (size_t)t->synset >= c->fd->nsynsets || depth >= MAX_SYNSET_DEPTH)
            return 0;
        const fd_synset *ss = &c->fd->synsets[t->synset];
        for (int k = 0; k < ss->nmembers; k++)
            if (seq_phrases(c, &ss->members[k], depth + 1, out) != 0) return -1;
        return 0;
    }
    if (t->kind == FT_ALT) {
        for (int k = 0; k < t->nalts; k++)
            if (seq_phrases(c, &t->alts[k], depth + 1, out) != 0) return -1;
        return 0;
    }
    if (t->kind == FT_NOUNPHRASE || t->kind == FT_PREP) return seq_phrases(c, &t->sub, depth + 1, out);
    return 0;
}

/* Every phrase a token sequence spells (the product of its tokens'). */
static int seq_phrases(conv *c, const fd_tokseq *seq, int depth, altlist *out) {
    altlist acc = {0};
    if (alt_push(c, &acc, (cp_phrase){NULL, 0}) != 0) return -1;
    for (int i = 0; i < seq->n; i++) {
        altlist one = {0};
        if (tok_phrases(c, &seq->t[i], depth, &one) != 0) return -1;
        if (!one.n) continue;
        altlist next = {0};
        for (int a = 0; a < acc.n; a++)
            for (int b = 0; b < one.n; b++) {
                cp_phrase ph = phrase_cat(c, acc.p[a], one.p[b]);
                if (!ph.w || alt_push(c, &next, ph) != 0) return -1;
            }
        out->capped |= one.capped | next.capped;
        acc = next;
    }
    for (int a = 0; a < acc.n; a++)
        if (acc.p[a].n && alt_push(c, out, acc.p[a]) != 0) return -1;
    return 0;
}

typedef struct elist {
    cp_elem *e;
    int n, cap;
} elist;

static int el_push(conv *c, elist *l, cp_elem e) {
    if (l->n == l->cap) {
        int nc = l->cap ? l->cap * 2 : 8;
        cp_elem *ne = dyad_arena_grow(c->a, l->e, (size_t)l->n, (size_t)nc, sizeof *ne);
        if (!ne) return -1;
        l->e = ne;
        l->cap = nc;
    }
    l->e[l->n++] = e;
    return 0;
}

/* Append the elements of tokens; returns -1 OOM, 1 when an element came
 * out empty (an undefined synset). */
static int add_tokens(conv *c, const fd_tokseq *seq, elist *l) {
    for (int i = 0; i < seq->n; i++) {
        const fd_token *t = &seq->t[i];
        int adj = (t->flags & FW_CONNECT) != 0;
        switch (t->kind) {
        case FT_SOURCE: if (el_push(c, l, (cp_elem){CE_SRC, adj, NULL, 0}) != 0) return -1; break;
        case FT_TARGET: if (el_push(c, l, (cp_elem){CE_TGT, adj, NULL, 0}) != 0) return -1; break;
        case FT_COMPOUND: if (el_push(c, l, (cp_elem){CE_COMP, adj, NULL, 0}) != 0) return -1; break;
        case FT_SKIP: if (el_push(c, l, (cp_elem){CE_SKIP, adj, NULL, 0}) != 0) return -1; break;
        case FT_ATTRIB: break;
        case FT_NOUNPHRASE:
        case FT_PREP: {
            int r = add_tokens(c, &t->sub, l);
            if (r) return r;
            break;
        }
        default: {
            altlist al = {0};
            if (tok_phrases(c, t, 0, &al) != 0) return -1;
            if (!al.n) return 1;
            if (el_push(c, l, (cp_elem){CE_ALT, adj, al.p, al.n}) != 0) return -1;
        }
        }
    }
    return 0;
}

static int load_pattern(conv *c, const fd_pattern *p, int block) {
    if ((!p->code || !p->code[0]) && (!p->code2 || !p->code2[0])) {
        skip(c, p->line, "pattern '%s' has no event code", p->raw);
        return 0;
    }
    elist l = {0};
    int r = add_tokens(c, &p->pre, &l);
    if (r == 0) r = el_push(c, &l, (cp_elem){CE_VERB, (p->verb_flags & FW_CONNECT) != 0, NULL, 0});
    if (r == 0) r = add_tokens(c, &p->post, &l);
    if (r < 0) return -1;
    if (r > 0) {
        skip(c, p->line, "pattern '%s' uses an undefined synset", p->raw);
        return 0;
    }
    const char *w = where(c, p->line);
    if (!w) return -1;
    return cp_pattern(c->cp, block, l.e, l.n, p->code, p->code2, p->raw, w);
}

/* Regular forms of a verb: -S/-ES/-IES, -ED/-D/-IED, -ING. */
static int verb_forms(conv *c, const char *v, const char **forms, int *n) {
    size_t len = strlen(v);
    int cy = len > 1 && v[len - 1] == 'Y' && !strchr("AEIOU", v[len - 2]);
    int e = len > 1 && v[len - 1] == 'E';
    int sib = len && (strchr("SXZO", v[len - 1]) || ends_with(v, "CH") || ends_with(v, "SH"));
    forms[0] = cy ? dyad_arena_printf(c->a, "%.*sIES", (int)(len - 1), v)
                  : dyad_arena_printf(c->a, "%s%s", v, sib ? "ES" : "S");
    forms[1] = cy ? dyad_arena_printf(c->a, "%.*sIED", (int)(len - 1), v)
                  : dyad_arena_printf(c->a, "%s%s", v, e ? "D" : "ED");
    forms[2] = e && !ends_with(v, "EE") ? dyad_arena_printf(c->a, "%.*sING", (int)(len - 1), v)
                                        : dyad_arena_printf(c->a, "%sING", v);
    *n = 3;
    return forms[0] && forms[1] && forms[2] ? 0 : -1;
}

static int load_verb(conv *c, const fd_verb *v, int block) {
    cp_phrase ph;
    if (phrase_from(c, &v->words, WM_PATTERN, &ph) != 0) return -1;
    if (ph.n != v->words.n || v->verb_index < 0 || v->verb_index >= ph.n) {
        skip(c, v->line, "verb '%s' has an empty word", v->raw);
        return 0;
    }
    /* the verb word itself: TABARI stems as written, else regular forms */
    const char **forms = dyad_arena_calloc(c->a, (size_t)v->nforms + 6, sizeof *forms);
    if (!forms) return -1;
    int nf = 0;
    if (v->has_forms) {
        for (int k = 0; k < v->nforms; k++) {
            const fd_phrase *f = &v->forms[k];
            int vi = 0;
            for (int j = 0; j < f->n; j++)
                if (f->w[j].flags & FW_VERB) vi = j;
            if (f->n == ph.n) vi = v->verb_index;
            const char *u = f->n ? upper(c, f->w[vi].text) : NULL;
            if (f->n && !u) return -1;
            if (u) forms[nf++] = u;
        }
    } else if (v->words.w[v->verb_index].flags & FW_EQ) {
        ph.w[v->verb_index].stem = CP_VERBATIM; /* TABARI `BAN=`: exactly this word */
    } else if (ph.w[v->verb_index].stem != CP_STEM) {
        if (verb_forms(c, ph.w[v->verb_index].w, forms, &nf) != 0) return -1;
        if (c->fd->dialect == FD_TABARI) { /* TABARI 0.8's endings of a `WORD_` verb */
            const char *w = ph.w[v->verb_index].w;
            forms[nf++] = dyad_arena_printf(c->a, "%sES", w);
            forms[nf++] = dyad_arena_printf(c->a, "%sEN", w);
            if (!forms[nf - 1] || !forms[nf - 2]) return -1;
        }
    }
    if (ph.w[v->verb_index].stem == CP_INFLECT) ph.w[v->verb_index].stem = CP_EXACT;
    return cp_verb(c->cp, block, ph, v->verb_index, forms, nf, v->code, v->code ? v->code2 : NULL);
}

static int load_verbs(conv *c) {
    for (size_t b = 0; b < c->fd->nblocks; b++) {
        const fd_block *fb = &c->fd->blocks[b];
        const char *name = upper(c, fb->name ? fb->name : "");
        int blk = name ? cp_block_new(c->cp, name, fb->code, fb->code2) : -1;
        if (blk < 0) return -1;
        for (int k = 0; k < fb->nverbs; k++)
            if (load_verb(c, &c->fd->verbs[fb->first_verb + k], blk) != 0) return -1;
        for (int k = 0; k < fb->npatterns; k++)
            if (load_pattern(c, &c->fd->patterns[fb->first_pattern + k], blk) != 0) return -1;
    }
    for (size_t i = 0; i < c->fd->nnouns + c->fd->nadjectives; i++) {
        const fd_phrase *p =
            i < c->fd->nnouns ? &c->fd->nouns[i] : &c->fd->adjectives[i - c->fd->nnouns];
        for (int k = 0; k < p->n; k++) {
            const char *u = upper(c, p->w[k].text);
            if (!u || cp_not_verb(c->cp, u) != 0) return -1;
        }
    }
    return 0;
}

static int load_discards(conv *c) {
    for (size_t i = 0; i < c->fd->ndiscards; i++) {
        const fd_discard *d = &c->fd->discards[i];
        cp_phrase ph;
        if (phrase_from(c, &d->phrase, WM_NAME, &ph) != 0) return -1;
        for (int k = 0; k < ph.n; k++) ph.w[k].stem = CP_EXACT;
        if (ph.n && cp_discard(c->cp, ph, d->story) != 0) return -1;
    }
    return 0;
}

/* fdict warnings: malformed entries become model warnings */
static void on_fd_warn(void *ctx, const char *file, long line, int sev, const char *msg) {
    if (sev != FD_SEV_MALFORMED) return;
    dyad_model_push_warning(ctx, dyad_asprintf("%s:%ld: %s", file, line, msg));
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int load_one(dyad_model *m, const char *kind_name, const char *path, size_t max_line,
                    dyad_error *err) {
    peer_files *p = m->peer;
    int kind = dyad_fdict_kind_from_name(kind_name);
    dyad_fdict *fd = &p->fd[p->n];
    char msg[512];
    double t0 = now_ms();
    int rc = dyad_fdict_load_capped(fd, path, kind, FD_AUTO, max_line ? max_line : DYAD_FD_MAX_LINE,
                                    on_fd_warn, m, msg, sizeof msg);
    p->summary[p->n] = NULL;
    p->n++;
    if (rc != 0) {
        dyad_error_setf(err, DYAD_ERR_MODEL, path, 0, -1, "cannot load the %s dictionary: %s",
                        kind_name, msg);
        return -1;
    }
    conv c = {m, m->compat, cp_dict_arena(m->compat), fd, base_name(path), 0};
    switch (kind) {
    case FD_ACTORS: rc = load_actors(&c); break;
    case FD_AGENTS: rc = load_agents(&c); break;
    case FD_VERBS:
        if (fd->dialect == FD_TABARI) cp_dict_set_style(m->compat, CP_STYLE_TABARI);
        rc = load_verbs(&c);
        break;
    case FD_DISCARDS: rc = load_discards(&c); break;
    default: rc = 0; break; /* issues: read and checked, not used for events */
    }
    if (rc != 0) {
        dyad_error_setf(err, DYAD_ERR_NOMEM, path, 0, -1, "out of memory loading the dictionary");
        return -1;
    }
    const fd_counts *fc = dyad_fdict_counts(fd);
    char extra[64] = "";
    if (kind == FD_VERBS) snprintf(extra, sizeof extra, " and %zu patterns", fc->patterns);
    p->summary[p->n - 1] =
        dyad_asprintf("%s: %s (%s): %zu entries%s, %zu malformed, %zu notes, %.0f ms", path,
                      kind_name, dyad_fdict_dialect_name(fd->dialect), fc->entries, extra,
                      fc->malformed + c.skipped, fc->notes, now_ms() - t0);
    return 0;
}

dyad_model *dyad_model_load_dictset(const dyad_dictset *s, dyad_error *err) {
    if (!s || !s->n) {
        dyad_error_setf(err, DYAD_ERR_INVALID_ARG, NULL, 0, -1, "no dictionary files given");
        return NULL;
    }
    dyad_model *m = calloc(1, sizeof *m);
    if (!m) goto oom;
    dyad_dict_init(&m->dict);
    m->compat = cp_dict_new();
    m->peer = calloc(1, sizeof *m->peer);
    if (!m->compat || !m->peer) goto oom;
    m->peer->fd = calloc(s->n, sizeof *m->peer->fd);
    m->peer->summary = calloc(s->n, sizeof *m->peer->summary);
    if (!m->peer->fd || !m->peer->summary) goto oom;
    /* verbs first: their blocks are numbered before any pattern refers to them */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < s->n; i++) {
            if ((pass == 0) != (strcmp(s->f[i].kind, "verbs") == 0)) continue;
            if (load_one(m, s->f[i].kind, s->f[i].path, s->max_line, err) != 0) {
                dyad_model_free(m);
                return NULL;
            }
        }
    if (cp_dict_finish(m->compat) != 0) goto oom;
    if (dyad_model_load_nlp(m, err) != 0) {
        dyad_model_free(m);
        return NULL;
    }
    return m;
oom:
    dyad_model_free(m);
    dyad_error_setf(err, DYAD_ERR_NOMEM, NULL, 0, -1, "out of memory loading the dictionaries");
    return NULL;
}

/* ---------------------------------------------------------- conversion */

dyad_status dyad_dict_convert(const char *kind, const char *path, FILE *out, FILE *report,
                              dyad_error *err) {
    int k = kind ? dyad_fdict_kind_from_name(kind) : 0;
    if (!k || !path || !out) {
        dyad_error_setf(err, DYAD_ERR_INVALID_ARG, path, 0, -1,
                        "want a kind (verbs, actors, agents, discards, issues), a file and an "
                        "output");
        return DYAD_ERR_INVALID_ARG;
    }
    dyad_fdict fd;
    char msg[512];
    if (dyad_fdict_load(&fd, path, k, FD_AUTO, NULL, NULL, msg, sizeof msg) != 0) {
        dyad_fdict_free(&fd);
        dyad_error_setf(err, DYAD_ERR_IO, path, 0, -1, "%s", msg);
        return DYAD_ERR_IO;
    }
    fd_write_counts wc;
    memset(&wc, 0, sizeof wc);
    fd_write_opts opts = {0, NULL};
    fprintf(out, "# converted by dyad dict convert from %s (%s, %s)\n", base_name(path), kind,
            dyad_fdict_dialect_name(fd.dialect));
    int rc = dyad_fdict_write_dyad(&fd, out, &opts, &wc, msg, sizeof msg);
    if (rc != 0) {
        dyad_error_setf(err, DYAD_ERR_IO, path, 0, -1, "%s", msg);
    } else if (report) {
        const fd_counts *fc = dyad_fdict_counts(&fd);
        fprintf(report,
                "%s: %s (%s): %zu entries, %zu malformed; %zu converted into %zu lines, %zu "
                "not converted",
                path, kind, dyad_fdict_dialect_name(fd.dialect), fc->entries, fc->malformed,
                wc.converted, wc.lines, wc.not_converted);
        const char *sep = " (";
        for (int r = 0; r < FD_NC_COUNT; r++)
            if (wc.reason[r]) {
                fprintf(report, "%s%s %zu", sep, dyad_fdict_nc_name(r), wc.reason[r]);
                sep = ", ";
            }
        fprintf(report, "%s; %zu TABARI stems written as whole words\n", *sep == ',' ? ")" : "",
                wc.stems);
    }
    dyad_fdict_free(&fd);
    return rc == 0 ? DYAD_OK : DYAD_ERR_IO;
}
