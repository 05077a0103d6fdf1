/*
 * doc.c — coding one article: the pipeline and the dyad_doc API.
 *
 *   text → UTF-8 check → non-news regions (clean.c) → sentences and tokens
 *   (sentence.c, token.c) → per sentence: tags (tagger.c), lemmas (lemma.c),
 *   actor mentions (mention.c), verb groups (parse.c), events (code.c).
 *
 * Everything for one article lives in the document's arena; the model is
 * only read, so threads may code different articles on one model at once.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "engine.h"
#include "tree.h"
#include "reader.h"
#include "sentence.h"
#include "utf8.h"

struct dyad_doc {
    dyad_arena arena;
    dyad_event *events;
    size_t nevents;
    const char **notes;
    size_t nnotes;
    size_t nsent;
    const char *explain;
};

static void set_err(dyad_error *err, dyad_status code, const dyad_article *a, long offset,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void set_err(dyad_error *err, dyad_status code, const dyad_article *a, long offset,
                    const char *fmt, ...) {
    long line = (a && a->text && offset >= 0) ? dyad_line_of(a->text, a->text_len, (size_t)offset)
                                              : 0;
    va_list ap;
    va_start(ap, fmt);
    dyad_error_vsetf(err, code, a ? a->id : NULL, line, offset, fmt, ap);
    va_end(ap);
}

void dyad_explain(article_state *as, const char *fmt, ...) {
    if (as->oom || !(as->opt->flags & DYAD_OPT_EXPLAIN)) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (as->explen + (size_t)n + 1 > as->expcap) {
        size_t nc = as->expcap ? as->expcap : 4096;
        while (nc < as->explen + (size_t)n + 1) nc *= 2;
        char *nb = dyad_arena_grow(as->arena, as->explain, as->explen, nc, 1);
        if (!nb) {
            as->oom = 1;
            return;
        }
        as->explain = nb;
        as->expcap = nc;
    }
    va_start(ap, fmt);
    vsnprintf(as->explain + as->explen, (size_t)n + 1, fmt, ap);
    va_end(ap);
    as->explen += (size_t)n;
}

static void explain_sentence(article_state *as, const sent_state *ss) {
    const dyad_sentence *s = ss->s;
    dyad_explain(as, "# sentence %d: %.*s\n", s->index, (int)s->len, as->text + s->start);
    dyad_explain(as, "#   tags:");
    for (size_t i = 0; i < s->ntok; i++)
        dyad_explain(as, " %s/%s", s->toks[i].norm, dyad_tag_name((dyad_tag)s->toks[i].tag));
    dyad_explain(as, "\n");
    dyad_explain_chunks(as, ss);
    for (size_t i = 0; i < ss->nm; i++) {
        const mention *m = &ss->m[i];
        dyad_explain(as, "#   actor [%d,%d) '%.*s' = %s%s%s%s\n", m->start, m->end,
                     (int)(s->toks[m->end - 1].start + s->toks[m->end - 1].len - s->toks[m->start].start),
                     as->text + s->toks[m->start].start,
                     m->code[0] ? m->code : "(agent)", m->role[0] && !m->code[0] ? m->role : "",
                     m->coref ? " (reference)" : "", m->media ? " (media)" : "");
    }
    static const char *const kinds[] = {"finite", "participle", "gerund", "infinitive", "reduced"};
    for (size_t v = 0; v < ss->nvg; v++) {
        const vgroup *g = &ss->vg[v];
        dyad_explain(as, "#   verb group [%d,%d) head '%s' %s", g->start, g->end,
                     s->toks[g->head].norm, kinds[g->kind]);
        if (g->subj_start >= 0) dyad_explain(as, " subject [%d,%d)", g->subj_start, g->subj_end);
        if (g->obj_start >= 0) dyad_explain(as, " object [%d,%d)", g->obj_start, g->obj_end);
        if (g->by_start >= 0) dyad_explain(as, " by [%d,%d)", g->by_start, g->by_end);
        dyad_explain(as, "%s%s%s%s\n", g->neg ? " negated" : "", g->passive ? " passive" : "",
                     g->modal == MOD_INTENT   ? " intent"
                     : g->modal == MOD_HYPO   ? " hypothetical"
                     : g->modal == MOD_OBLIG  ? " obligation"
                     : g->modal == MOD_ADVISE ? " advice"
                                              : "",
                     g->speech ? " reporting" : "");
    }
}

/* Record a note about a part of the article that was not coded; also in
 * the explanation. */
static int add_note(article_state *as, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int add_note(article_state *as, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const char *note = dyad_arena_vprintf(as->arena, fmt, ap);
    va_end(ap);
    if (!note) return -1;
    if (as->nnotes == as->capnotes) {
        size_t nc = as->capnotes ? as->capnotes * 2 : 4;
        const char **nn = dyad_arena_grow(as->arena, as->notes, as->nnotes, nc, sizeof *nn);
        if (!nn) return -1;
        as->notes = nn;
        as->capnotes = nc;
    }
    as->notes[as->nnotes++] = note;
    dyad_explain(as, "# note: %s\n", note);
    return 0;
}

static int prepare(article_state *as, sent_state *ss) {
    if (ss->prepared) return 0;
    ss->prepared = 1;
    dyad_sentence *s = ss->s;
    ss->speaker = -1;
    ss->tok_mention = dyad_arena_calloc(as->arena, s->ntok + 1, sizeof(int));
    if (!ss->tok_mention) return -1;
    for (size_t i = 0; i < s->ntok; i++) ss->tok_mention[i] = -1;
    size_t cap = as->opt->max_sentence_tokens;
    if (cap && s->ntok > cap) /* not coded: no tags, mentions or verb groups */
        return add_note(as, "sentence %d: %zu tokens, over the limit of %zu: not coded", s->index,
                        s->ntok, cap);
    if (!s->tagged) { /* a Treebank parse brings its own tags */
        int rc = dyad_tagger_tag(as->model->tagger, &as->scratch, s->toks, s->ntok);
        dyad_arena_reset(&as->scratch);
        if (rc != 0) return -1;
    }
    if (dyad_lemma_tokens(as->model->lemma, as->arena, s->toks, s->ntok) != 0) return -1;
    if (as->model->compat) return 0; /* the compatible coder finds its own actors */
    if (dyad_find_mentions(as, ss) != 0) return -1;
    return dyad_find_verb_groups(as, ss);
}


dyad_status dyad_code_article(const dyad_model *m, const dyad_options *opt, const dyad_article *a,
                              dyad_doc **out, dyad_error *err) {
    return dyad_code_article_cp(m, opt, NULL, a, out, err);
}

dyad_status dyad_code_article_cp(const dyad_model *m, const dyad_options *opt,
                                 const struct cp_settings *cps, const dyad_article *a,
                                 dyad_doc **out, dyad_error *err) {
    if (out) *out = NULL;
    if (!m || !a || !out || (!a->text && a->text_len)) {
        set_err(err, DYAD_ERR_INVALID_ARG, a, -1, "missing model, article or output");
        return DYAD_ERR_INVALID_ARG;
    }
    dyad_options defaults = dyad_options_default();
    if (!opt) opt = &defaults;
    long date = dyad_date_ymd(a->date);
    if (!date) {
        set_err(err, DYAD_ERR_BAD_DATE, a, -1, "bad or missing date '%s' (want YYYY-MM-DD)",
                a->date ? a->date : "");
        return DYAD_ERR_BAD_DATE;
    }
    if (opt->max_article_bytes && a->text_len > opt->max_article_bytes) {
        set_err(err, DYAD_ERR_LIMIT, a, -1, "article is %zu bytes, over the limit of %zu",
                a->text_len, opt->max_article_bytes);
        return DYAD_ERR_LIMIT;
    }
    if (a->text_len > UINT32_MAX) { /* token spans are 32-bit */
        set_err(err, DYAD_ERR_LIMIT, a, -1, "article is %zu bytes, over the 4 GiB limit",
                a->text_len);
        return DYAD_ERR_LIMIT;
    }
    long bad = dyad_utf8_validate(a->text, a->text_len);
    if (bad >= 0) {
        set_err(err, DYAD_ERR_BAD_UTF8, a, bad, "not valid UTF-8 at byte %ld", bad);
        return DYAD_ERR_BAD_UTF8;
    }
    dyad_doc *d = calloc(1, sizeof *d);
    if (!d) {
        set_err(err, DYAD_ERR_NOMEM, a, -1, "out of memory");
        return DYAD_ERR_NOMEM;
    }
    dyad_arena_init(&d->arena);
    d->explain = "";
    article_state as;
    memset(&as, 0, sizeof as);
    as.model = m;
    as.opt = opt;
    as.cps = cps;
    as.arena = &d->arena;
    dyad_arena_init(&as.scratch);
    as.date = date;
    as.text = a->text;
    dyad_region *regions = NULL;
    size_t nreg = 0;
    dyad_sentence *sents = NULL;
    size_t nsent = 0;
    sent_state *ss = NULL;
    int rc = 0;
    if (a->parse && !(opt->flags & DYAD_OPT_IGNORE_PARSE)) {
        /* PETRARCH XML: the text is one sentence, parsed already */
        char why[256] = "";
        sents = dyad_arena_calloc(&d->arena, 1, sizeof *sents);
        rc = sents ? dyad_tree_sentence(&d->arena, a->text, a->text_len, a->parse, a->parse_len,
                                        opt->max_parse_depth, sents, why, sizeof why)
                   : -1;
        if (rc == 1) {
            dyad_doc_free(d);
            set_err(err, strstr(why, "deeper") ? DYAD_ERR_LIMIT : DYAD_ERR_FORMAT, a, -1,
                    "bad Treebank parse: %s", why);
            return strstr(why, "deeper") ? DYAD_ERR_LIMIT : DYAD_ERR_FORMAT;
        }
        nsent = rc == 0 ? 1 : 0;
    } else {
        rc = dyad_find_non_news(&d->arena, a->text, a->text_len, &regions, &nreg);
        if (rc == 0)
            rc = dyad_split_sentences(&d->arena, a->text, a->text_len, regions, nreg, &sents,
                                      &nsent);
    }
    if (rc == 0 && nsent == 0) {
        dyad_doc_free(d);
        set_err(err, DYAD_ERR_EMPTY, a, -1, "no news text (empty, or only credit lines)");
        return DYAD_ERR_EMPTY;
    }
    if (rc == 0 && !(ss = dyad_arena_calloc(&d->arena, nsent, sizeof *ss))) rc = -1;
    if (rc == 0 && (opt->flags & DYAD_OPT_EXPLAIN))
        for (size_t r = 0; r < nreg; r++)
            dyad_explain(&as, "# not news (%s): %.*s\n", regions[r].why, (int)regions[r].len,
                         a->text + regions[r].start);
    for (size_t i = 0; rc == 0 && i < nsent; i++) ss[i].s = &sents[i];
    for (size_t i = 0; rc == 0 && i < nsent; i++) {
        rc = prepare(&as, &ss[i]);
        if (rc == 0 && (opt->flags & DYAD_OPT_EXPLAIN)) explain_sentence(&as, &ss[i]);
        if (rc == 0)
            rc = m->compat ? dyad_compat_sentence(&as, &ss[i])
                           : dyad_code_sentence(&as, &ss[i], ss, nsent, i, prepare);
    }
    if (rc == 0 && as.story_discard) {
        as.nevents = 0; /* a story discard drops every event of the article */
        rc = add_note(&as, "article discarded by a story discard phrase of the dictionaries");
    }
    dyad_arena_free(&as.scratch);
    if (rc != 0 || as.oom) {
        dyad_doc_free(d);
        set_err(err, DYAD_ERR_NOMEM, a, -1, "out of memory");
        return DYAD_ERR_NOMEM;
    }
    d->events = as.events;
    d->nevents = as.nevents;
    d->notes = as.notes;
    d->nnotes = as.nnotes;
    d->nsent = nsent;
    if (as.explain) d->explain = as.explain;
    *out = d;
    return DYAD_OK;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    dyad_arena_free(&d->arena);
    free(d);
}

size_t dyad_doc_event_count(const dyad_doc *d) { return d ? d->nevents : 0; }

const dyad_event *dyad_doc_event(const dyad_doc *d, size_t i) {
    return (d && i < d->nevents) ? &d->events[i] : NULL;
}

size_t dyad_doc_sentence_count(const dyad_doc *d) { return d ? d->nsent : 0; }

const char *dyad_doc_explain(const dyad_doc *d) { return d ? d->explain : ""; }

size_t dyad_doc_note_count(const dyad_doc *d) { return d ? d->nnotes : 0; }

const char *dyad_doc_note(const dyad_doc *d, size_t i) {
    return (d && i < d->nnotes) ? d->notes[i] : NULL;
}
