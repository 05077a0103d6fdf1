/*
 * fuzz_fdict.c — libFuzzer target for the foreign-dictionary reader
 * (src/fdict*.c) and its conversion to dyad's format. The first byte picks
 * the kind (b % 5: verbs, actors, agents, discards, issues), the dialect
 * (b / 5 % 3: auto, PETRARCH2, TABARI) and the name (b / 15 % 2: "x.txt" or
 * "x.dict", which the dialect guess reads); the rest is the file. Promises
 * checked: no crash; every report has a line and a non-empty UTF-8 message;
 * every kept string is valid UTF-8 and non-empty where a word is; indexes
 * (synsets, blocks, verbs, patterns) are in range; the conversion writes
 * only valid UTF-8 lines that are comments, [section] headers or `X = y`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdict.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_warn(void *ctx, const char *file, long line, int sev, const char *msg) {
    (void)file;
    if (line <= 0 || !msg || !msg[0] || (sev != FD_SEV_MALFORMED && sev != FD_SEV_NOTE))
        abort();
    if (dyad_utf8_validate(msg, strlen(msg)) != -1) abort();
    (*(size_t *)ctx)++;
}

static void check_text(const char *s, int nonempty) {
    if (!s) abort();
    if (nonempty && !s[0]) abort();
    if (dyad_utf8_validate(s, strlen(s)) != -1) abort();
}

static void check_phrase(const fd_phrase *p) {
    if (p->n < 1 || !p->w) abort();
    for (int i = 0; i < p->n; i++) check_text(p->w[i].text, 1);
}

static void check_seq(const dyad_fdict *fd, const fd_tokseq *q, int depth) {
    if (depth > 64 || q->n < 0 || (q->n && !q->t)) abort();
    for (int i = 0; i < q->n; i++) {
        const fd_token *t = &q->t[i];
        if (t->kind < FT_WORD || t->kind > FT_ALT) abort();
        if (t->kind == FT_WORD || t->kind == FT_SYNSET) check_text(t->text, 1);
        if (t->kind == FT_SYNSET && (t->synset < -1 || t->synset >= (int)fd->nsynsets)) abort();
        if (t->kind == FT_VERB) abort(); /* '*' never left inside a part */
        check_seq(fd, &t->sub, depth + 1);
        if (t->kind == FT_ALT && t->nalts < 2) abort();
        for (int a = 0; a < t->nalts; a++) check_seq(fd, &t->alts[a], depth + 1);
    }
}

static void check(const dyad_fdict *fd) {
    for (size_t i = 0; i < fd->nactors; i++) {
        const fd_actor *a = &fd->actors[i];
        if (a->nnames < 1 || a->ncodes < 1) abort();
        for (int k = 0; k < a->nnames; k++) check_phrase(&a->names[k]);
        for (int k = 0; k < a->ncodes; k++) {
            check_text(a->codes[k].code, 1);
            long d = a->codes[k].d1;
            if (a->codes[k].date_kind != FD_DATE_NONE &&
                (d < 0 || d > 99991231 || d / 100 % 100 < 1 || d / 100 % 100 > 12 ||
                 d % 100 < 1 || d % 100 > 31))
                abort();
        }
    }
    for (size_t i = 0; i < fd->nagents; i++) {
        check_phrase(&fd->agents[i].phrase);
        check_text(fd->agents[i].code, 1);
        for (int k = 0; k < fd->agents[i].nplurals; k++) check_phrase(&fd->agents[i].plurals[k]);
    }
    for (size_t i = 0; i < fd->nsynsets; i++) {
        check_text(fd->synsets[i].name, 1);
        for (int k = 0; k < fd->synsets[i].nmembers; k++)
            check_seq(fd, &fd->synsets[i].members[k], 0);
    }
    for (size_t i = 0; i < fd->nblocks; i++) {
        const fd_block *b = &fd->blocks[i];
        check_text(b->name, 1);
        if (b->nverbs && (b->first_verb < 0 || (size_t)(b->first_verb + b->nverbs) > fd->nverbs))
            abort();
        if (b->npatterns &&
            (b->first_pattern < 0 || (size_t)(b->first_pattern + b->npatterns) > fd->npatterns))
            abort();
    }
    for (size_t i = 0; i < fd->nverbs; i++) {
        const fd_verb *v = &fd->verbs[i];
        check_phrase(&v->words);
        if (v->verb_index < 0 || v->verb_index >= v->words.n) abort();
        if (!(v->words.w[v->verb_index].flags & FW_VERB)) abort();
        if (v->block < 0 || (size_t)v->block >= fd->nblocks) abort();
    }
    for (size_t i = 0; i < fd->npatterns; i++) {
        const fd_pattern *p = &fd->patterns[i];
        check_text(p->code, 0);
        check_text(p->raw, 1);
        check_seq(fd, &p->pre, 0);
        check_seq(fd, &p->post, 0);
        if (p->block < 0 || (size_t)p->block >= fd->nblocks) abort();
    }
    for (size_t i = 0; i < fd->ndiscards; i++) check_phrase(&fd->discards[i].phrase);
    for (size_t i = 0; i < fd->nissues; i++) {
        check_phrase(&fd->issues[i].phrase);
        if (fd->issues[i].category >= (int)fd->nissue_cats) abort();
    }
    for (size_t i = 0; i < fd->nnouns; i++) check_phrase(&fd->nouns[i]);
    for (size_t i = 0; i < fd->ntransforms; i++) check_text(fd->transforms[i], 1);
}

static void check_output(const char *out, size_t n) {
    if (dyad_utf8_validate(out, n) != -1) abort();
    const char *p = out, *end = out + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) abort(); /* every line ends */
        if (*p != '#' && *p != '[') {
            const char *eq = memchr(p, '=', (size_t)(nl - p));
            if (!eq || eq == p || eq[-1] != ' ') abort();
        }
        p = nl + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    int kind = FD_VERBS + data[0] % 5;
    int dialect = data[0] / 5 % 3;
    const char *name = data[0] / 15 % 2 ? "x.dict" : "x.txt";
    dyad_fdict fd;
    size_t warnings = 0;
    char err[256];
    if (dyad_fdict_load_mem(&fd, name, (const char *)data + 1, size - 1, kind, dialect, on_warn,
                            &warnings, err, sizeof err) == 0) {
        if (warnings != fd.counts.malformed + fd.counts.notes) abort();
        check(&fd);
        char *out = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&out, &n);
        if (f) {
            fd_write_opts o = {1 + data[0] % 7, NULL};
            fd_write_counts wc;
            int rc = dyad_fdict_write_dyad(&fd, f, &o, &wc, err, sizeof err);
            fclose(f);
            if (rc == 0) check_output(out, n);
            size_t sum = 0;
            for (int r = 0; r < FD_NC_COUNT; r++) sum += wc.reason[r];
            if (rc == 0 && sum != wc.not_converted) abort();
            free(out);
        }
    }
    dyad_fdict_free(&fd);
    return 0;
}
