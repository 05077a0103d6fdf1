/*
 * validate.c — the peers' validation suites (dyad validate; docs/COMPAT.md,
 * "Validation"): PETRARCH's unit-test records (XML with an <Environment>
 * naming the dictionaries and <EventCoding> expectations) and TABARI's
 * Validate.text (records with { SRC / TGT / CODE } expectations in comments,
 * dictionaries named by the .project file beside it).
 *
 * Only the suite's own dictionaries are loaded. A record passes when the
 * set of (source, target, code) dyad produces equals the expected set;
 * {+++} complex, {---} no-event, {###} discard and noevents="True" records
 * expect no event. The report: each failing record with expected and
 * produced sets, a table per category, and "passed N of M" last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compat.h"
#include "engine.h"
#include "fileio.h"
#include "petrxml.h"
#include "reader.h"
#include "tabari_text.h"
#include "xprintf.h"

/* ------------------------------------------------------------ triples */

typedef struct triple {
    char *s, *t, *c;
} triple;

typedef struct tset {
    triple *v;
    size_t n, cap;
} tset;

static void tset_clear(tset *ts) {
    for (size_t i = 0; i < ts->n; i++) {
        free(ts->v[i].s);
        free(ts->v[i].t);
        free(ts->v[i].c);
    }
    ts->n = 0;
}

static void tset_free(tset *ts) {
    tset_clear(ts);
    free(ts->v);
    ts->v = NULL;
    ts->cap = 0;
}

static char *trim_dup(const char *s) {
    if (!s) s = "";
    while (*s == ' ' || *s == '\t' || *s == '"' || *s == '\'') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '"' || s[n - 1] == '\''))
        n--;
    return dyad_asprintf("%.*s", (int)n, s);
}

static int tset_has(const tset *ts, const triple *x) {
    for (size_t i = 0; i < ts->n; i++)
        if (!strcmp(ts->v[i].s, x->s) && !strcmp(ts->v[i].t, x->t) && !strcmp(ts->v[i].c, x->c))
            return 1;
    return 0;
}

/* Add (s, t, c) unless present; -1 on OOM. */
static int tset_add(tset *ts, const char *s, const char *t, const char *c) {
    triple x = {trim_dup(s), trim_dup(t), trim_dup(c)};
    if (!x.s || !x.t || !x.c) goto oom;
    if (tset_has(ts, &x)) {
        free(x.s), free(x.t), free(x.c);
        return 0;
    }
    if (ts->n == ts->cap) {
        size_t nc = ts->cap ? ts->cap * 2 : 8;
        triple *nv = realloc(ts->v, nc * sizeof *nv);
        if (!nv) goto oom;
        ts->v = nv;
        ts->cap = nc;
    }
    ts->v[ts->n++] = x;
    return 0;
oom:
    free(x.s), free(x.t), free(x.c);
    return -1;
}

static int tset_equal(const tset *a, const tset *b) {
    if (a->n != b->n) return 0;
    for (size_t i = 0; i < a->n; i++)
        if (!tset_has(b, &a->v[i])) return 0;
    return 1;
}

static void tset_print(FILE *out, const tset *ts) {
    if (!ts->n) fputs(" (none)", out);
    for (size_t i = 0; i < ts->n; i++)
        fprintf(out, " {%s %s %s}", ts->v[i].s[0] ? ts->v[i].s : "-",
                ts->v[i].t[0] ? ts->v[i].t : "-", ts->v[i].c);
}

/* --------------------------------------------------------- categories */

typedef struct cat {
    char *name;
    size_t passed, total;
} cat;

typedef struct vrun {
    const dyad_model *m;
    dyad_options opt;
    FILE *out;
    const char *file;
    cat *cats;
    size_t ncats, capcats;
    size_t passed, total, failed_to_code;
    size_t passed_ev, total_ev; /* records that expect some event */
    tset want, got;
    int verbose;
    const cp_settings *cps;   /* TABARI's options, or NULL */
    char first_src[16];       /* the first event's source, its first three letters */
    int first_src_pron;       /* ... named by a pronoun */
} vrun;

static int count_cat(vrun *v, const char *name, int pass) {
    for (size_t i = 0; i < v->ncats; i++)
        if (!strcmp(v->cats[i].name, name)) {
            v->cats[i].total++;
            v->cats[i].passed += (size_t)pass;
            return 0;
        }
    if (v->ncats == v->capcats) {
        size_t nc = v->capcats ? v->capcats * 2 : 16;
        cat *n = realloc(v->cats, nc * sizeof *n);
        if (!n) return -1;
        v->cats = n;
        v->capcats = nc;
    }
    char *nm = dyad_asprintf("%s", name);
    if (!nm) return -1;
    v->cats[v->ncats++] = (cat){nm, (size_t)pass, 1};
    return 0;
}

/* Code one record's text and compare with v->want; prints a failure. */
static int check_record(vrun *v, const char *id, long line, const char *category,
                        const dyad_article *a) {
    dyad_doc *doc = NULL;
    dyad_error err;
    memset(&err, 0, sizeof err);
    tset_clear(&v->got);
    dyad_status st = dyad_code_article_cp(v->m, &v->opt, v->cps, a, &doc, &err);
    if (st == DYAD_ERR_NOMEM) return -1;
    v->first_src[0] = 0;
    if (doc && dyad_doc_event_count(doc) > 0) {
        const dyad_event *e0 = dyad_doc_event(doc, 0);
        static const char *const pron[] = {"he", "she", "it", "they"};
        snprintf(v->first_src, sizeof v->first_src, "%.3s", e0->source);
        v->first_src_pron = 0;
        for (size_t k = 0; k < sizeof pron / sizeof *pron; k++)
            v->first_src_pron |= e0->source_text && !strcasecmp(e0->source_text, pron[k]);
    }
    for (size_t i = 0; doc && i < dyad_doc_event_count(doc); i++) {
        const dyad_event *e = dyad_doc_event(doc, i);
        if (tset_add(&v->got, e->source, e->target, e->code) != 0) {
            dyad_doc_free(doc);
            return -1;
        }
    }
    dyad_doc_free(doc);
    /* an article that could not be coded produced no event: it passes when
     * none was expected (the suites' ERROR records), and the reason is shown */
    int pass = tset_equal(&v->want, &v->got);
    if (st != DYAD_OK) v->failed_to_code++;
    v->total++;
    v->passed += (size_t)pass;
    if (v->want.n) {
        v->total_ev++;
        v->passed_ev += (size_t)pass;
    }
    if (!pass || v->verbose || st != DYAD_OK) {
        fprintf(v->out, "%s %s (%s:%ld)\n", pass ? "PASS" : "FAIL", id, v->file, line);
        if (st != DYAD_OK && pass) fputs("  (not coded; no event was expected)\n", v->out);
        fprintf(v->out, "  text:     %.*s\n", a->text_len > 300 ? 300 : (int)a->text_len, a->text);
        fputs("  expected:", v->out);
        tset_print(v->out, &v->want);
        fputs("\n  produced:", v->out);
        if (st != DYAD_OK)
            fprintf(v->out, " not coded: %s", err.message[0] ? err.message : dyad_strerror(st));
        else
            tset_print(v->out, &v->got);
        fputc('\n', v->out);
    }
    return count_cat(v, category, pass);
}

static void print_table(vrun *v) {
    fprintf(v->out, "\n%-24s %8s %8s\n", "category", "passed", "records");
    for (size_t i = 0; i < v->ncats; i++)
        fprintf(v->out, "%-24s %8zu %8zu\n", v->cats[i].name, v->cats[i].passed,
                v->cats[i].total);
    if (v->failed_to_code)
        fprintf(v->out, "(%zu record%s could not be coded at all: no events)\n",
                v->failed_to_code, v->failed_to_code == 1 ? "" : "s");
    fprintf(v->out, "records that expect events: passed %zu of %zu\n", v->passed_ev, v->total_ev);
    fprintf(v->out, "passed %zu of %zu\n", v->passed, v->total);
}

static void vrun_free(vrun *v) {
    for (size_t i = 0; i < v->ncats; i++) free(v->cats[i].name);
    free(v->cats);
    tset_free(&v->want);
    tset_free(&v->got);
}

/* ------------------------------------------------------------ helpers */

static char *dir_of(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? dyad_asprintf("%.*s", (int)(s - path), path) : dyad_asprintf(".");
}

static int file_exists(const char *p) {
    FILE *f = fopen(p, "rb");
    if (f) fclose(f);
    return f != NULL;
}

/* DIR/NAME, or DIR/dictionaries/NAME when only that exists. */
static char *dict_path(const char *dir, const char *name) {
    char *p = dyad_asprintf("%s/%s", dir, name);
    if (p && !file_exists(p)) {
        char *q = dyad_asprintf("%s/dictionaries/%s", dir, name);
        if (q && file_exists(q)) {
            free(p);
            return q;
        }
        free(q);
    }
    return p;
}

static dyad_status add_named(dyad_dictset *s, const char *kind, const char *dir, const char *name,
                             dyad_error *err) {
    /* an <Actorfile> may hold a comma-separated list */
    const char *p = name;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char *one = dyad_asprintf("%.*s", (int)n, p);
        char *t = one ? trim_dup(one) : NULL;
        char *path = t && *t ? dict_path(dir, t) : NULL;
        dyad_status st = (t && !*t) ? DYAD_OK
                         : path     ? dyad_dictset_add(s, kind, path, err)
                                    : DYAD_ERR_NOMEM;
        free(one), free(t), free(path);
        if (st != DYAD_OK) return st;
        p = comma ? comma + 1 : NULL;
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------ PETRARCH */

static int petr_date(const char *s, char out[11]) {
    return s ? dyad_tabari_date(s, strlen(s), out) : -1;
}

static dyad_status petr_model(const dyad_px_environment *env, const char *dict_dir,
                              dyad_model **m, dyad_error *err) {
    dyad_dictset *s = dyad_dictset_new();
    if (!s) return DYAD_ERR_NOMEM;
    dyad_status st = DYAD_OK;
    const char *one[4][2] = {{"verbs", env->verbfile},
                             {"agents", env->agentfile},
                             {"discards", env->discardfile},
                             {"issues", env->issuefile}};
    for (int k = 0; k < 4 && st == DYAD_OK; k++)
        if (one[k][1]) st = add_named(s, one[k][0], dict_dir, one[k][1], err);
    for (int k = 0; k < env->nactorfiles && st == DYAD_OK; k++)
        st = add_named(s, "actors", dict_dir, env->actorfiles[k], err);
    if (st == DYAD_OK) {
        *m = dyad_model_load_dictset(s, err);
        if (!*m) st = err->code ? err->code : DYAD_ERR_MODEL;
    }
    dyad_dictset_free(s);
    return st;
}

static dyad_status validate_petrarch(vrun *v, const char *path, const char *dict_dir,
                                     dyad_error *err) {
    dyad_petrxml *r = dyad_petrxml_open_file(path, 0);
    if (!r) return DYAD_ERR_NOMEM;
    char *dflt = NULL;
    dyad_model *m = NULL;
    dyad_status st = DYAD_OK;
    dyad_px_item it;
    size_t skipped = 0;
    for (;;) {
        dyad_px_kind k = dyad_petrxml_next(r, &it);
        if (k == DYAD_PX_END) break;
        if (k == DYAD_PX_ERROR) {
            dyad_error_setf(err, DYAD_ERR_FORMAT, path, it.line, -1, "%s", it.error);
            st = DYAD_ERR_FORMAT;
            break;
        }
        if (k == DYAD_PX_ENVIRONMENT && !m) {
            if (!dict_dir) {
                char *d = dir_of(path);
                dflt = d ? dyad_asprintf("%s/../dictionaries", d) : NULL;
                free(d);
                if (!dflt) {
                    st = DYAD_ERR_NOMEM;
                    break;
                }
            }
            st = petr_model(&it.env, dict_dir ? dict_dir : dflt, &m, err);
            if (st != DYAD_OK) break;
            v->m = m;
            continue;
        }
        if (k != DYAD_PX_RECORD) continue;
        const dyad_px_record *rec = &it.rec;
        if (rec->sentence == 0) {
            skipped++;
            continue;
        }
        if (!m) {
            dyad_error_setf(err, DYAD_ERR_FORMAT, path, rec->line, -1,
                            "a record comes before any <Environment> naming the dictionaries");
            st = DYAD_ERR_FORMAT;
            break;
        }
        tset_clear(&v->want);
        int noevents = 0;
        for (int i = 0; i < rec->ncodings; i++) {
            const dyad_px_coding *c = &rec->codings[i];
            if (c->noevents) noevents = 1;
            else if (c->eventcode &&
                     tset_add(&v->want, c->sourcecode, c->targetcode, c->eventcode) != 0)
                st = DYAD_ERR_NOMEM;
        }
        if (noevents) tset_clear(&v->want);
        char date[11];
        const char *id = rec->id ? rec->id : "(no id)";
        int use_parse = rec->parse_kind == DYAD_PX_PARSE_PTB &&
                        !(v->opt.flags & DYAD_OPT_IGNORE_PARSE);
        dyad_article a = {id, petr_date(rec->date, date) == 0 ? date : "",
                          rec->source, NULL, rec->text ? rec->text : "", rec->text_len,
                          use_parse ? rec->parse : NULL, use_parse ? rec->parse_len : 0};
        const char *catname = rec->category ? rec->category : "(none)";
        if (st == DYAD_OK && check_record(v, id, rec->line, catname, &a) != 0)
            st = DYAD_ERR_NOMEM;
        if (st != DYAD_OK) break;
    }
    if (st == DYAD_OK && !m) {
        dyad_error_setf(err, DYAD_ERR_FORMAT, path, 0, -1,
                        "no <Environment> block names the dictionaries");
        st = DYAD_ERR_FORMAT;
    }
    if (st == DYAD_OK && skipped)
        fprintf(v->out, "(%zu record%s with sentence=\"false\" not counted)\n", skipped,
                skipped == 1 ? "" : "s");
    dyad_petrxml_close(r);
    dyad_model_free(m);
    v->m = NULL;
    free(dflt);
    return st;
}

/* ------------------------------------------------------------- TABARI */

static char *tabari_category(const char *id) {
    const char *dash = strrchr(id, '-');
    return dash && dash != id ? dyad_asprintf("%.*s", (int)(dash - id), id) : dyad_asprintf("%s", id);
}

static dyad_status tabari_model(const char *path, const char *dict_dir, dyad_model **m,
                                dyad_tabari_options **opts, dyad_error *err) {
    dyad_dictset *s = dyad_dictset_new();
    if (!s) return DYAD_ERR_NOMEM;
    char *d = dict_dir ? NULL : dir_of(path);
    dyad_status st = dyad_dictset_add_dir(s, dict_dir ? dict_dir : d, err);
    if (st == DYAD_OK) {
        *m = dyad_model_load_dictset(s, err);
        if (!*m) st = err->code ? err->code : DYAD_ERR_MODEL;
    }
    const char *of = dyad_dictset_options_file(s);
    if (st == DYAD_OK && of) {
        size_t len = 0;
        char msg[512];
        char *buf = dyad_read_file(of, &len, msg, sizeof msg);
        if (!buf) {
            dyad_error_setf(err, DYAD_ERR_IO, of, 0, -1, "%s", msg);
            st = DYAD_ERR_IO;
        } else {
            *opts = dyad_tabari_options_parse(buf, len);
            free(buf);
        }
    }
    if (st == DYAD_OK && !*opts) *opts = dyad_tabari_options_new();
    if (st == DYAD_OK && !*opts) st = DYAD_ERR_NOMEM;
    free(d);
    dyad_dictset_free(s);
    return st;
}

/* TABARI's options that change coding, as cp_settings; strings in *hold
 * (freed by the caller). */
static void tabari_settings(const dyad_tabari_options *o, cp_settings *cs, char **hold) {
    memset(cs, 0, sizeof *cs);
    free(hold[0]), free(hold[1]);
    hold[0] = hold[1] = NULL;
    const char *def = dyad_tabari_options_command(o, "DEFAULT");
    if (def && strncmp(def, "OFF", 3) != 0) {
        const char *sp = strstr(def, "SOURCE"), *tp = strstr(def, "TARGET");
        for (int k = 0; k < 2; k++) {
            const char *p = k ? tp : sp;
            const char *lb = p ? strchr(p, '[') : NULL, *rb = lb ? strchr(lb, ']') : NULL;
            if (rb) hold[k] = dyad_asprintf("%.*s", (int)(rb - lb - 1), lb + 1);
        }
        cs->default_src = hold[0];
        cs->default_tgt = hold[1];
        cs->prior = strstr(def, "PRIOR") != NULL;
        cs->after = strstr(def, "AFTER") != NULL;
    }
    const char *cx = dyad_tabari_options_command(o, "COMPLEX");
    if (cx) {
        const char *vp = strstr(cx, "VERBS["), *cp = strstr(cx, "CONJ[");
        cs->complex_verbs = vp ? atoi(vp + 6) : 0;
        cs->complex_conj = cp ? atoi(cp + 5) : 0;
        cs->noactprior = strstr(cx, "NOACTPRIOR") != NULL;
    }
    cs->convert_agent = dyad_tabari_options_bool(o, "CONVERT AGENT", 0);
    const char *cm = dyad_tabari_options_command(o, "COMMA");
    if (cm && !strncmp(cm, "OFF", 3)) {
        cs->comma_off = 1;
    } else if (cm) {
        static const char *const keys[] = {"EMIN", "EMAX", "BMIN", "BMAX", "MIN", "MAX"};
        int *vals[] = {&cs->comma_emin, &cs->comma_emax, &cs->comma_bmin, &cs->comma_bmax,
                       &cs->comma_min, &cs->comma_max};
        int defaults[] = {2, 10, 255, 0, 2, 10};
        cs->comma_set = 1;
        for (int k = 0; k < 6; k++) {
            *vals[k] = defaults[k];
            for (const char *p = strstr(cm, keys[k]); p; p = strstr(p + 1, keys[k])) {
                if (p > cm && (p[-1] == 'E' || p[-1] == 'B')) continue; /* MIN inside EMIN */
                const char *eq = strchr(p, '=');
                if (eq) *vals[k] = atoi(eq + 1);
                break;
            }
        }
    }
    const char *mw = dyad_tabari_options_get(o, "MINIMUM WORDS");
    cs->min_words = mw ? atoi(mw) : 0;
    for (size_t i = 0; i < o->n_cmds; i++) {
        const dyad_tabari_option *c = &o->cmds[i];
        if (strcmp(c->command, "SET") != 0 || !c->name) continue;
        if (!strcmp(c->name, "CODE ALL")) cs->code_all = 2;
        else if (!strcmp(c->name, "CODE BY CLAUSE")) cs->code_all = 1;
        else if (!strcmp(c->name, "CODE BY SENTENCE")) cs->code_all = 0;
    }
}

static dyad_status validate_tabari(vrun *v, const char *path, const char *dict_dir,
                                   dyad_error *err) {
    size_t len = 0;
    char msg[512];
    char *buf = dyad_read_file(path, &len, msg, sizeof msg);
    if (!buf) {
        dyad_error_setf(err, DYAD_ERR_IO, path, 0, -1, "%s", msg);
        return DYAD_ERR_IO;
    }
    dyad_model *m = NULL;
    dyad_tabari_options *opts = NULL;
    char *hold[2] = {NULL, NULL};
    cp_settings cs;
    dyad_status st = tabari_model(path, dict_dir, &m, &opts, err);
    if (st == DYAD_OK) tabari_settings(opts, &cs, hold);
    v->cps = &cs;
    dyad_tabari_reader *r = st == DYAD_OK ? dyad_tabari_reader_new(buf, len) : NULL;
    if (st == DYAD_OK && !r) st = DYAD_ERR_NOMEM;
    v->m = m;
    size_t options = 0, unchecked = 0;
    char *cur_story = NULL, story_first[16] = "", prev_subj[16] = ""; /* codes: 3 letters */
    const dyad_tabari_record *rec;
    int rc;
    while (st == DYAD_OK && (rc = dyad_tabari_next(r, &rec)) != 0) {
        if (rc < 0) {
            st = DYAD_ERR_NOMEM;
            break;
        }
        if (rec->stray) continue;
        if (rec->stop) {
            fprintf(v->out, "(stopped at %s, line %ld: the end of the standard records)\n",
                    rec->id_word, rec->line);
            break;
        }
        if (rec->n_options) {
            options++;
            for (size_t i = 0; i < rec->n_options; i++)
                if (dyad_tabari_options_add(opts, rec->options[i], strlen(rec->options[i]),
                                            rec->line) < 0)
                    st = DYAD_ERR_NOMEM;
            tabari_settings(opts, &cs, hold);
            continue;
        }
        if (!rec->n_events && !rec->complex && !rec->no_events && !rec->discard) {
            unchecked += rec->has_expectation ? 1u : 0u;
            continue;
        }
        tset_clear(&v->want);
        for (size_t i = 0; i < rec->n_events; i++)
            if (tset_add(&v->want, rec->events[i]->source, rec->events[i]->target,
                         rec->events[i]->code) != 0)
                st = DYAD_ERR_NOMEM;
        /* FORWARD: a leading pronoun stands for the story's previous subject,
         * or its first one when the previous subject was a pronoun too */
        const char *fw = dyad_tabari_options_command(opts, "FORWARD");
        int forward = fw && !strstr(fw, "OFF");
        char *story = forward ? tabari_category(rec->id_word) : NULL;
        if (forward && story && (!cur_story || strcmp(story, cur_story) != 0)) {
            free(cur_story);
            cur_story = story; /* a new story */
            story = NULL;
            story_first[0] = prev_subj[0] = 0;
        }
        free(story);
        cs.forward = !forward ? NULL : prev_subj[0] ? prev_subj : story_first[0] ? story_first : NULL;
        const char *date = rec->date ? rec->date : rec->date_tabari;
        dyad_article a = {rec->id_word, date ? date : "", NULL, NULL,
                          rec->text ? rec->text : "", rec->text_len, NULL, 0};
        char *catname = tabari_category(rec->id_word);
        if (!catname || st != DYAD_OK || check_record(v, rec->id_word, rec->line, catname, &a) != 0)
            st = DYAD_ERR_NOMEM;
        free(catname);
        if (v->first_src[0] && !v->first_src_pron) {
            snprintf(prev_subj, sizeof prev_subj, "%s", v->first_src);
            if (!story_first[0]) snprintf(story_first, sizeof story_first, "%s", v->first_src);
        } else {
            prev_subj[0] = 0;
        }
    }
    if (st == DYAD_OK)
        fprintf(v->out, "(%zu option record%s applied, %zu record%s with only disabled expectations)\n",
                options, options == 1 ? "" : "s", unchecked, unchecked == 1 ? "" : "s");
    dyad_tabari_reader_free(r);
    free(cur_story);
    dyad_tabari_options_free(opts);
    free(hold[0]), free(hold[1]);
    dyad_model_free(m);
    v->m = NULL;
    v->cps = NULL;
    free(buf);
    return st;
}

/* ------------------------------------------------------------- public */

dyad_status dyad_validate(const char *path, const char *dict_dir, unsigned flags, FILE *out,
                          size_t *passed, size_t *total, dyad_error *err) {
    if (!path || !out) {
        dyad_error_setf(err, DYAD_ERR_INVALID_ARG, NULL, 0, -1, "no suite file given");
        return DYAD_ERR_INVALID_ARG;
    }
    vrun v;
    memset(&v, 0, sizeof v);
    v.opt = dyad_options_default();
    v.opt.flags &= ~(unsigned)DYAD_OPT_STATEMENTS;
    v.opt.flags |= flags & DYAD_OPT_IGNORE_PARSE;
    v.verbose = (flags & DYAD_VALIDATE_VERBOSE) != 0;
    v.out = out;
    v.file = path;
    size_t n = strlen(path);
    int xml = n > 4 && !strcmp(path + n - 4, ".xml");
    if (xml) v.opt.flags |= DYAD_OPT_REQUIRE_DYAD; /* PETRARCH's require_dyad */
    dyad_status st = xml ? validate_petrarch(&v, path, dict_dir, err)
                         : validate_tabari(&v, path, dict_dir, err);
    if (st == DYAD_OK) print_table(&v);
    if (passed) *passed = v.passed;
    if (total) *total = v.total;
    vrun_free(&v);
    return st;
}
