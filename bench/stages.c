/*
 * stages.c — where the time of coding goes, stage by stage (library internals).
 *
 *   stages [--data DIR | --dict-dir DIR] [-r RUNS] CORPUS.jsonl
 *
 * Loads the model (timed: the dictionary load time; with --dict-dir, the
 * PETRARCH config or TABARI .project in DIR names the peers' dictionaries),
 * reads the JSON Lines corpus into memory, then:
 *
 *  1. codes every article once with dyad_code_article (the reference, and a
 *     warm-up), keeping per article the event count, sentence count and a
 *     hash over every field of every event;
 *  2. RUNS times (default 1), runs the same pipeline as src/doc.c's
 *     dyad_code_article and prepare() itself, from the internal headers, and
 *     times each stage with CLOCK_MONOTONIC:
 *        check   date and UTF-8 validation
 *        split   non-news regions (dyad_find_non_news) + sentence split and
 *                tokenization (dyad_split_sentences, which tokenizes)
 *        tag     dyad_tagger_tag (and the reset of its scratch arena)
 *        lemma   dyad_lemma_tokens
 *        match   actor mentions, dyad_find_mentions (+ its token table)
 *        parse   verb groups, dyad_find_verb_groups
 *        code    dyad_code_sentence (or dyad_compat_sentence for a peer's
 *                dictionaries, whose actor matching happens inside it; then
 *                match and parse stay at 0) — minus the time of sentences it
 *                prepares ahead (a speaker named after a quotation), which
 *                goes to their own stages
 *        write   every event as JSON Lines (the writer behind
 *                dyad_write_events) to /dev/null
 *        free    the article's arenas
 *     and checks that every article gives exactly the events of step 1
 *     (count and hash). A difference means this file no longer mirrors
 *     src/doc.c: it says so and exits with status 1.
 *
 * Reported ("key: value" lines, which bench/run.sh reads): model load time and
 * RSS, per stage seconds / share / sentences per second (of the fastest run),
 * end to end for both passes (sentences/s, MB/s of article text, events/s),
 * peak RSS (getrusage). No timing is asserted.
 */
#include <dyad.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "arena.h"
#include "clean.h"
#include "emit.h"
#include "engine.h"
#include "lemma.h"
#include "reader.h"
#include "sentence.h"
#include "tagger.h"
#include "utf8.h"

enum { ST_CHECK, ST_SPLIT, ST_TAG, ST_LEMMA, ST_MATCH, ST_PARSE, ST_CODE, ST_WRITE, ST_FREE, NST };
static const char *const stage_name[NST] = {"check", "split", "tag",   "lemma", "match",
                                            "parse", "code",  "write", "free"};
static const char *const stage_what[NST] = {
    "date + UTF-8 validation",
    "non-news regions + sentence split + tokenize",
    "part-of-speech tagger",
    "lemmatizer",
    "actor matching (mentions)",
    "shallow parse (verb groups)",
    "event coding (patterns, events)",
    "JSON Lines writer to /dev/null",
    "arena free"};

static double acc[NST];  /* seconds per stage in the current run */
static double prep_total; /* seconds spent in stage_prepare, for nesting */
static size_t skipped_long; /* sentences over the token cap (not coded) */

typedef struct {
    char *id, *date, *outlet, *url, *text;
    size_t text_len;
} art;

typedef struct {
    art *v;
    size_t n, cap, rejected;
    int oom;
} corpus;

typedef struct {
    uint64_t hash;
    uint32_t events, sentences;
    int status;
} result;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return ru.ru_maxrss;
}

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static int on_article(void *ctx, const dyad_article *a)
{
    corpus *c = ctx;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        art *v = realloc(c->v, cap * sizeof *v);
        if (!v) {
            c->oom = 1;
            return 1;
        }
        c->v = v;
        c->cap = cap;
    }
    art *d = &c->v[c->n];
    d->id = dup_or_null(a->id ? a->id : "");
    d->date = dup_or_null(a->date ? a->date : "");
    d->outlet = dup_or_null(a->outlet);
    d->url = dup_or_null(a->url);
    d->text = malloc(a->text_len + 1);
    if (!d->id || !d->date || !d->text || (a->outlet && !d->outlet) || (a->url && !d->url)) {
        c->oom = 1;
        return 1;
    }
    memcpy(d->text, a->text, a->text_len);
    d->text[a->text_len] = '\0';
    d->text_len = a->text_len;
    c->n++;
    return 0;
}

static void on_reject(void *ctx, const dyad_error *e)
{
    corpus *c = ctx;
    c->rejected++;
    if (c->rejected <= 5)
        fprintf(stderr, "stages: rejected %s:%ld: %s\n", e->file, e->line, e->message);
}

/* ---------------------------------------------------------------- hashing */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
    if (s)
        h = fnv(h, s, strlen(s));
    return fnv(h, "\x1f", 1);
}

static uint64_t event_hash(uint64_t h, const dyad_event *e)
{
    long nums[6] = {e->source_span.start, e->source_span.len, e->verb_span.start,
                    e->verb_span.len, e->target_span.start, e->target_span.len};
    long g = (long)(e->goldstein * 1000.0);
    h = fnv(h, &e->sentence, sizeof e->sentence);
    h = fnv(h, &e->quad, sizeof e->quad);
    h = fnv(h, &g, sizeof g);
    h = fnv(h, nums, sizeof nums);
    const char *strs[] = {e->source, e->target, e->source_country, e->source_role,
                          e->target_country, e->target_role, e->code, e->root,
                          e->source_text, e->verb_text, e->target_text, e->pattern};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        h = fnv_str(h, strs[i]);
    return h;
}

/* ------------------------------------------------ the pipeline, stage by stage */

/* src/doc.c's prepare(), with each step timed. Also the callback that
 * dyad_code_sentence calls to prepare a later sentence ahead. */
static int stage_prepare(article_state *as, sent_state *ss)
{
    if (ss->prepared)
        return 0;
    double t0 = now(), t;
    ss->prepared = 1;
    dyad_sentence *s = ss->s;
    ss->speaker = -1;
    int rc = 0;
    ss->tok_mention = dyad_arena_calloc(as->arena, s->ntok + 1, sizeof(int));
    if (!ss->tok_mention)
        return -1;
    for (size_t i = 0; i < s->ntok; i++)
        ss->tok_mention[i] = -1;
    t = now();
    acc[ST_MATCH] += t - t0;
    size_t cap = as->opt->max_sentence_tokens;
    if (cap && s->ntok > cap) { /* not coded (doc.c adds a note) */
        skipped_long++;
        goto out;
    }
    if (!s->tagged) {
        double a = now();
        rc = dyad_tagger_tag(as->model->tagger, &as->scratch, s->toks, s->ntok);
        dyad_arena_reset(&as->scratch);
        acc[ST_TAG] += now() - a;
        if (rc != 0)
            goto out;
    }
    {
        double a = now();
        rc = dyad_lemma_tokens(as->model->lemma, as->arena, s->toks, s->ntok);
        acc[ST_LEMMA] += now() - a;
        if (rc != 0 || as->model->compat)
            goto out;
    }
    {
        double a = now();
        rc = dyad_find_mentions(as, ss);
        double b = now();
        acc[ST_MATCH] += b - a;
        if (rc != 0)
            goto out;
        rc = dyad_find_verb_groups(as, ss);
        acc[ST_PARSE] += now() - b;
    }
out:
    prep_total += now() - t0;
    return rc;
}

typedef struct {
    size_t sentences, events, failed;
    double seconds, cpu_seconds;
} pass;

/* One article through the stages; fills *res. Returns 0, or -1 when it could
 * not be coded (status in res). */
static int stage_article(const dyad_model *m, const dyad_options *opt, const art *s, FILE *sink,
                         result *res)
{
    dyad_article a = {.id = s->id, .date = s->date, .outlet = s->outlet, .url = s->url,
                      .text = s->text, .text_len = s->text_len};
    double t0 = now();
    long date = dyad_date_ymd(a.date);
    int bad = !date || (opt->max_article_bytes && a.text_len > opt->max_article_bytes) ||
              a.text_len > UINT32_MAX || dyad_utf8_validate(a.text, a.text_len) >= 0;
    double t1 = now();
    acc[ST_CHECK] += t1 - t0;
    memset(res, 0, sizeof *res);
    if (bad) {
        res->status = 1;
        return -1;
    }
    dyad_arena arena;
    dyad_arena_init(&arena);
    article_state as;
    memset(&as, 0, sizeof as);
    as.model = m;
    as.opt = opt;
    as.arena = &arena;
    dyad_arena_init(&as.scratch);
    as.date = date;
    as.text = a.text;
    dyad_region *regions = NULL;
    size_t nreg = 0, nsent = 0;
    dyad_sentence *sents = NULL;
    sent_state *ss = NULL;
    int rc = dyad_find_non_news(&arena, a.text, a.text_len, &regions, &nreg);
    if (rc == 0)
        rc = dyad_split_sentences(&arena, a.text, a.text_len, regions, nreg, &sents, &nsent);
    if (rc == 0 && nsent > 0 && !(ss = dyad_arena_calloc(&arena, nsent, sizeof *ss)))
        rc = -1;
    double t2 = now();
    acc[ST_SPLIT] += t2 - t1;
    for (size_t i = 0; rc == 0 && i < nsent; i++)
        ss[i].s = &sents[i];
    for (size_t i = 0; rc == 0 && i < nsent; i++) {
        rc = stage_prepare(&as, &ss[i]);
        if (rc != 0)
            break;
        double p0 = prep_total, c0 = now();
        rc = m->compat ? dyad_compat_sentence(&as, &ss[i])
                       : dyad_code_sentence(&as, &ss[i], ss, nsent, i, stage_prepare);
        acc[ST_CODE] += (now() - c0) - (prep_total - p0);
    }
    if (rc == 0 && as.story_discard)
        as.nevents = 0;
    double t3 = now();
    if (rc == 0 && !as.oom && nsent > 0)
        for (size_t k = 0; k < as.nevents; k++)
            if (dyad_emit_event(sink, DYAD_FORMAT_JSONL, &a, &as.events[k]) != 0)
                rc = -1;
    double t4 = now();
    acc[ST_WRITE] += t4 - t3;
    if (rc != 0 || as.oom || nsent == 0) {
        res->status = nsent == 0 ? 2 : 3;
    } else {
        uint64_t h = 14695981039346656037ull;
        for (size_t k = 0; k < as.nevents; k++)
            h = event_hash(h, &as.events[k]);
        res->hash = h;
        res->events = (uint32_t)as.nevents;
        res->sentences = (uint32_t)nsent;
    }
    double t5 = now();
    dyad_arena_free(&as.scratch);
    dyad_arena_free(&arena);
    acc[ST_FREE] += now() - t5;
    return res->status ? -1 : 0;
}

static void stage_pass(const dyad_model *m, const dyad_options *opt, const corpus *c, FILE *sink,
                       result *res, pass *p)
{
    memset(acc, 0, sizeof acc);
    prep_total = 0;
    skipped_long = 0;
    memset(p, 0, sizeof *p);
    double c0 = cpu_now(), t0 = now();
    for (size_t i = 0; i < c->n; i++) {
        if (stage_article(m, opt, &c->v[i], sink, &res[i]) != 0) {
            p->failed++;
            continue;
        }
        p->sentences += res[i].sentences;
        p->events += res[i].events;
    }
    p->seconds = now() - t0;
    p->cpu_seconds = cpu_now() - c0;
}

/* The reference: dyad_code_article on every article. */
static void reference_pass(const dyad_model *m, const dyad_options *opt, const corpus *c,
                           result *res, pass *p)
{
    memset(p, 0, sizeof *p);
    double c0 = cpu_now(), t0 = now();
    for (size_t i = 0; i < c->n; i++) {
        const art *s = &c->v[i];
        dyad_article a = {.id = s->id, .date = s->date, .outlet = s->outlet, .url = s->url,
                      .text = s->text, .text_len = s->text_len};
        dyad_doc *d = NULL;
        dyad_error err;
        memset(&res[i], 0, sizeof res[i]);
        if (dyad_code_article(m, opt, &a, &d, &err) != DYAD_OK) {
            res[i].status = (int)err.code;
            p->failed++;
            continue;
        }
        size_t ne = dyad_doc_event_count(d), ns = dyad_doc_sentence_count(d);
        uint64_t h = 14695981039346656037ull;
        for (size_t k = 0; k < ne; k++)
            h = event_hash(h, dyad_doc_event(d, k));
        res[i].hash = h;
        res[i].events = (uint32_t)ne;
        res[i].sentences = (uint32_t)ns;
        p->sentences += ns;
        p->events += ne;
        dyad_doc_free(d);
    }
    p->seconds = now() - t0;
    p->cpu_seconds = cpu_now() - c0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "stages: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb)
            free(buf);
        buf = nb;
    }
    int err = ferror(f);
    fclose(f);
    if (!buf || err) {
        fprintf(stderr, "stages: %s: %s\n", path, buf ? "read error" : "out of memory");
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static dyad_model *load_model(const char *data, const char *dict_dir, dyad_error *err)
{
    if (!dict_dir)
        return dyad_model_load(data, err);
    dyad_dictset *set = dyad_dictset_new();
    if (!set) {
        err->code = DYAD_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    dyad_model *m = NULL;
    if (dyad_dictset_add_dir(set, dict_dir, err) == DYAD_OK)
        m = dyad_model_load_dictset(set, err);
    dyad_dictset_free(set);
    return m;
}

static int usage(void)
{
    fprintf(stderr, "usage: stages [--data DIR | --dict-dir DIR] [-r RUNS] CORPUS.jsonl\n");
    return 2;
}

static void report_pass(const char *label, const pass *p, size_t bytes)
{
    printf("[%s]\n", label);
    printf("sentences: %zu\n", p->sentences);
    printf("events: %zu\n", p->events);
    printf("failed: %zu\n", p->failed);
    printf("seconds: %.4f\n", p->seconds);
    printf("cpu_seconds: %.4f\n", p->cpu_seconds);
    printf("sentences_per_s: %.0f\n", (double)p->sentences / p->seconds);
    printf("mb_per_s: %.2f\n", (double)bytes / 1e6 / p->seconds);
    printf("events_per_s: %.0f\n", (double)p->events / p->seconds);
}

int main(int argc, char **argv)
{
    const char *data = NULL, *dict_dir = NULL, *path = NULL;
    int runs = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--dict-dir") == 0 && i + 1 < argc)
            dict_dir = argv[++i];
        else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (argv[i][0] == '-' && argv[i][1])
            return usage();
        else if (!path)
            path = argv[i];
        else
            return usage();
    }
    if (!path || runs < 1 || runs > 100)
        return usage();

    size_t len = 0;
    char *buf = slurp(path, &len);
    if (!buf)
        return 2;

    dyad_error err;
    memset(&err, 0, sizeof err);
    double t0 = now();
    dyad_model *m = load_model(data, dict_dir, &err);
    double t_model = now() - t0;
    if (!m) {
        fprintf(stderr, "stages: model: %s%s%s\n", err.file[0] ? err.file : "",
                err.file[0] ? ": " : "", err.message);
        free(buf);
        return 2;
    }
    long rss_model = peak_rss_kb();

    corpus c;
    memset(&c, 0, sizeof c);
    t0 = now();
    dyad_status st = dyad_read_articles(path, buf, len, DYAD_INPUT_JSONL, NULL, on_article,
                                        on_reject, &c);
    double t_read = now() - t0;
    if (c.oom || st != DYAD_OK || c.n == 0) {
        fprintf(stderr, "stages: %s: no articles read (%s)\n", path,
                c.oom ? "out of memory" : dyad_strerror(st));
        return 2;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < c.n; i++)
        bytes += c.v[i].text_len;

    printf("dyad stages %s\n", dyad_version_string());
    printf("corpus: %s (%zu bytes of JSON Lines, %zu articles, %zu rejected, %zu bytes of text)\n",
           path, len, c.n, c.rejected, bytes);
    printf("articles: %zu\n", c.n);
    printf("text_bytes: %zu\n", bytes);
    printf("dictionaries: %s\n", dict_dir ? dict_dir : (data ? data : "default"));
    for (size_t i = 0; i < dyad_model_file_count(m); i++)
        printf("dictionary_file: %s\n", dyad_model_file_summary(m, i));
    printf("model_load_s: %.4f\n", t_model);
    printf("model_rss_kb: %ld\n", rss_model);
    printf("model_warnings: %zu\n", dyad_model_warnings(m));
    printf("read_s: %.4f\n", t_read);
    fflush(stdout);

    dyad_options opt = dyad_options_default();
    result *ref = calloc(c.n, sizeof *ref), *got = calloc(c.n, sizeof *got);
    FILE *sink = fopen("/dev/null", "w");
    if (!ref || !got || !sink) {
        fprintf(stderr, "stages: out of memory or no /dev/null\n");
        return 2;
    }
    static char sinkbuf[1 << 16];
    setvbuf(sink, sinkbuf, _IOFBF, sizeof sinkbuf);

    pass pr;
    reference_pass(m, &opt, &c, ref, &pr);

    double best[NST];
    pass ps, best_pass;
    memset(&best_pass, 0, sizeof best_pass);
    size_t long_sent = 0;
    for (int r = 0; r < runs; r++) {
        stage_pass(m, &opt, &c, sink, got, &ps);
        if (r == 0 || ps.seconds < best_pass.seconds) {
            best_pass = ps;
            memcpy(best, acc, sizeof best);
            long_sent = skipped_long;
        }
        size_t bad = 0;
        for (size_t i = 0; i < c.n; i++) {
            if (got[i].status != 0 && ref[i].status != 0)
                continue;
            if (got[i].hash != ref[i].hash || got[i].events != ref[i].events ||
                got[i].sentences != ref[i].sentences || !got[i].status != !ref[i].status) {
                if (bad < 5)
                    fprintf(stderr,
                            "stages: FAIL: article %s: dyad_code_article gave %u events / %u "
                            "sentences (status %d), the stage-by-stage run %u / %u (status %d)\n",
                            c.v[i].id, ref[i].events, ref[i].sentences, ref[i].status,
                            got[i].events, got[i].sentences, got[i].status);
                bad++;
            }
        }
        if (bad) {
            fprintf(stderr,
                    "stages: FAIL: %zu of %zu articles differ: bench/stages.c no longer mirrors "
                    "src/doc.c (dyad_code_article, prepare); update it\n", bad, c.n);
            printf("stage_check: FAIL\n");
            return 1;
        }
    }
    fclose(sink);

    double sum = 0;
    for (int s = 0; s < NST; s++)
        sum += best[s];
    report_pass("reference", &pr, bytes);
    report_pass("stages", &best_pass, bytes);
    printf("runs: %d (stage figures from the fastest)\n", runs);
    printf("sentences_over_token_cap: %zu\n", long_sent);
    printf("stage_check: ok (%zu articles: the stage-by-stage run gives exactly the events of "
           "dyad_code_article)\n", c.n);
    for (int s = 0; s < NST; s++)
        printf("stage_%s_s: %.4f\n", stage_name[s], best[s]);
    printf("peak_rss_kb: %ld\n", peak_rss_kb());
    printf("[per-stage]\n");
    printf("%-6s %10s %7s %14s  %s\n", "stage", "seconds", "share", "sentences/s", "what");
    for (int s = 0; s < NST; s++)
        printf("%-6s %10.4f %6.1f%% %14.0f  %s\n", stage_name[s], best[s],
               100.0 * best[s] / best_pass.seconds,
               best[s] > 0 ? (double)best_pass.sentences / best[s] : 0.0, stage_what[s]);
    printf("%-6s %10.4f %6.1f%% %14s  %s\n", "other", best_pass.seconds - sum,
           100.0 * (best_pass.seconds - sum) / best_pass.seconds, "-",
           "loop, timers, hashing the events for the check");

    free(ref);
    free(got);
    for (size_t i = 0; i < c.n; i++) {
        free(c.v[i].id);
        free(c.v[i].date);
        free(c.v[i].outlet);
        free(c.v[i].url);
        free(c.v[i].text);
    }
    free(c.v);
    free(buf);
    dyad_model_free(m);
    return 0;
}
