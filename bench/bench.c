/*
 * bench.c — in-process throughput benchmark for libdyad (public API only).
 *
 *   bench [-r RUNS] [-j THREADS] [--data DIR] CORPUS.jsonl
 *
 * Loads the model once (timed separately), reads the JSON Lines corpus with
 * dyad_read_articles into memory (timed separately), then codes every article
 * RUNS times after one warm-up pass and reports the median run: articles,
 * sentences, events, text bytes, seconds, sentences/s, MB/s (10^6 bytes of
 * article text), articles/s, and peak RSS.
 *
 * With -j N (N > 1) it also codes the corpus with N threads sharing the one
 * model, each thread taking articles from a shared counter, and checks that
 * every article gives exactly the events of the single-thread run (count and
 * a hash over every event field). A mismatch is a thread-safety bug: the
 * program says so and exits with status 1.
 *
 * Output: human-readable "key: value" lines (bench/run.sh parses them).
 * No timing is ever asserted; only the thread check can fail.
 */
#include <dyad.h>

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct {
    char *id, *date, *outlet, *url, *text;
    size_t text_len;
} art;

typedef struct {
    art *v;
    size_t n, cap;
    size_t rejected;
    int oom;
} corpus;

/* Per-article result of one pass. */
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

/* CPU time of the whole process (all threads): unlike wall time, barely
 * affected by other processes competing for the cores. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
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
        fprintf(stderr, "bench: rejected %s:%ld: %s\n", e->file, e->line, e->message);
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

/* ---------------------------------------------------------------- coding */

typedef struct {
    const dyad_model *m;
    const dyad_options *opt;
    const corpus *c;
    result *res;          /* per article, or NULL */
    atomic_size_t *next;  /* shared work counter (threaded mode) */
    /* totals of this worker */
    size_t sentences, events, failed;
    dyad_error first_err;
} worker;

static void code_one(worker *w, size_t i)
{
    const art *s = &w->c->v[i];
    dyad_article a = {.id = s->id, .date = s->date, .outlet = s->outlet, .url = s->url,
                      .text = s->text, .text_len = s->text_len};
    dyad_doc *d = NULL;
    dyad_error err;
    dyad_status st = dyad_code_article(w->m, w->opt, &a, &d, &err);
    if (st != DYAD_OK) {
        if (!w->failed)
            w->first_err = err;
        w->failed++;
        if (w->res) {
            w->res[i].status = (int)st;
            w->res[i].events = 0;
            w->res[i].sentences = 0;
            w->res[i].hash = 0;
        }
        return;
    }
    size_t ns = dyad_doc_sentence_count(d), ne = dyad_doc_event_count(d);
    w->sentences += ns;
    w->events += ne;
    if (w->res) {
        uint64_t h = 14695981039346656037ull;
        for (size_t k = 0; k < ne; k++)
            h = event_hash(h, dyad_doc_event(d, k));
        w->res[i].status = 0;
        w->res[i].events = (uint32_t)ne;
        w->res[i].sentences = (uint32_t)ns;
        w->res[i].hash = h;
    }
    dyad_doc_free(d);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    const size_t chunk = 16;
    for (;;) {
        size_t start = atomic_fetch_add(w->next, chunk);
        if (start >= w->c->n)
            break;
        size_t end = start + chunk < w->c->n ? start + chunk : w->c->n;
        for (size_t i = start; i < end; i++)
            code_one(w, i);
    }
    return NULL;
}

typedef struct {
    double seconds, cpu_seconds;
    size_t sentences, events, failed;
} pass;

/* One pass over the corpus with `threads` workers (1 = this thread). */
static int run_pass(const dyad_model *m, const dyad_options *opt, const corpus *c,
                    int threads, result *res, pass *out)
{
    worker ws[256];
    pthread_t tid[256];
    atomic_size_t next;
    atomic_init(&next, 0);
    for (int t = 0; t < threads; t++) {
        memset(&ws[t], 0, sizeof ws[t]);
        ws[t].m = m;
        ws[t].opt = opt;
        ws[t].c = c;
        ws[t].res = res;
        ws[t].next = &next;
    }
    double c0 = cpu_now();
    double t0 = now();
    if (threads == 1) {
        for (size_t i = 0; i < c->n; i++)
            code_one(&ws[0], i);
    } else {
        int started = 0;
        for (int t = 0; t < threads; t++) {
            int rc = pthread_create(&tid[t], NULL, worker_main, &ws[t]);
            if (rc != 0) {
                fprintf(stderr, "bench: pthread_create: %s\n", strerror(rc));
                break;
            }
            started++;
        }
        for (int t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
        if (started != threads)
            return -1;
    }
    out->seconds = now() - t0;
    out->cpu_seconds = cpu_now() - c0;
    out->sentences = out->events = out->failed = 0;
    for (int t = 0; t < threads; t++) {
        out->sentences += ws[t].sentences;
        out->events += ws[t].events;
        out->failed += ws[t].failed;
        if (ws[t].failed && out->failed == ws[t].failed)
            fprintf(stderr, "bench: an article failed to code: %s\n", ws[t].first_err.message);
    }
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return ru.ru_maxrss; /* kilobytes on Linux */
}

/* Warm-up + `runs` timed passes; prints the report; fills *median_pass. */
static int measure(const char *label, const dyad_model *m, const dyad_options *opt,
                   const corpus *c, size_t text_bytes, int threads, int runs, result *res,
                   pass *median_pass)
{
    pass p;
    double secs[1000], cpus[1000];
    if (run_pass(m, opt, c, threads, res, &p) != 0) /* warm-up; fills res */
        return -1;
    *median_pass = p;
    for (int r = 0; r < runs; r++) {
        pass q;
        if (run_pass(m, opt, c, threads, NULL, &q) != 0)
            return -1;
        if (q.events != p.events || q.sentences != p.sentences || q.failed != p.failed) {
            fprintf(stderr,
                    "bench: FAIL: %s run %d gave %zu sentences / %zu events / %zu failed, "
                    "the warm-up gave %zu / %zu / %zu\n",
                    label, r + 1, q.sentences, q.events, q.failed, p.sentences, p.events,
                    p.failed);
            return 1;
        }
        secs[r] = q.seconds;
        cpus[r] = q.cpu_seconds;
    }
    qsort(secs, (size_t)runs, sizeof secs[0], cmp_double);
    qsort(cpus, (size_t)runs, sizeof cpus[0], cmp_double);
    double med = runs % 2 ? secs[runs / 2] : (secs[runs / 2 - 1] + secs[runs / 2]) / 2.0;
    double cmed = runs % 2 ? cpus[runs / 2] : (cpus[runs / 2 - 1] + cpus[runs / 2]) / 2.0;
    median_pass->seconds = med;
    printf("[%s]\n", label);
    printf("threads: %d\n", threads);
    printf("runs: %d (after 1 warm-up), min %.4f s, median %.4f s, max %.4f s\n", runs,
           secs[0], med, secs[runs - 1]);
    printf("articles: %zu\n", c->n);
    printf("failed: %zu\n", p.failed);
    printf("sentences: %zu\n", p.sentences);
    printf("events: %zu\n", p.events);
    printf("bytes: %zu\n", text_bytes);
    printf("seconds: %.4f\n", med);
    printf("sentences_per_s: %.0f\n", (double)p.sentences / med);
    printf("mb_per_s: %.2f\n", (double)text_bytes / 1e6 / med);
    printf("articles_per_s: %.0f\n", (double)c->n / med);
    printf("events_per_s: %.0f\n", (double)p.events / med);
    /* CPU seconds of the process over the pass (all threads); for 1 thread,
     * cpu_seconds well below seconds means other processes took the core. */
    printf("cpu_seconds: %.4f\n", cmed);
    printf("sentences_per_cpu_s: %.0f\n", (double)p.sentences / cmed);
    printf("peak_rss_kb: %ld\n", peak_rss_kb());
    fflush(stdout);
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: bench [-r RUNS] [-j THREADS] [--data DIR] CORPUS.jsonl\n");
    return 2;
}

int main(int argc, char **argv)
{
    int runs = 5, threads = 1;
    const char *data = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
            runs = atoi(argv[++i]);
        } else if (strcmp(argv[i], "-j") == 0 && i + 1 < argc) {
            threads = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
            data = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return usage();
        } else if (!path) {
            path = argv[i];
        } else {
            return usage();
        }
    }
    if (!path || runs < 1 || runs > 1000 || threads < 1 || threads > 256)
        return usage();

    /* ---- corpus file into memory */
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
        return 2;
    }
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fprintf(stderr, "bench: out of memory\n");
            return 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb)
            free(buf);
        buf = nb;
    }
    if (ferror(f)) {
        fprintf(stderr, "bench: %s: read error\n", path);
        return 2;
    }
    fclose(f);

    /* ---- model */
    dyad_error err;
    double t0 = now();
    dyad_model *m = dyad_model_load(data, &err);
    double t_model = now() - t0;
    if (!m) {
        fprintf(stderr, "bench: model: %s\n", err.message);
        return 2;
    }
    long rss_model = peak_rss_kb();

    /* ---- read (JSON parse) once, into owned copies */
    corpus c = {0};
    t0 = now();
    dyad_status st = dyad_read_articles(path, buf, len, DYAD_INPUT_JSONL, NULL, on_article,
                                        on_reject, &c);
    double t_read = now() - t0;
    if (c.oom) {
        fprintf(stderr, "bench: out of memory reading the corpus\n");
        return 2;
    }
    if (st != DYAD_OK || c.n == 0) {
        fprintf(stderr, "bench: %s: no articles read (%s)\n", path, dyad_strerror(st));
        return 2;
    }
    size_t text_bytes = 0;
    for (size_t i = 0; i < c.n; i++)
        text_bytes += c.v[i].text_len;

    printf("dyad bench %s\n", dyad_version_string());
    printf("corpus: %s (%zu bytes of JSON Lines, %zu articles, %zu rejected)\n", path, len,
           c.n, c.rejected);
    printf("model_load_s: %.4f\n", t_model);
    printf("model_rss_kb: %ld\n", rss_model);
    printf("read_s: %.4f (dyad_read_articles, JSON parse + copy, once)\n", t_read);
    fflush(stdout);

    dyad_options opt = dyad_options_default();
    result *res1 = calloc(c.n, sizeof *res1);
    if (!res1) {
        fprintf(stderr, "bench: out of memory\n");
        return 2;
    }
    pass p1;
    int rc = measure("single-thread", m, &opt, &c, text_bytes, 1, runs, res1, &p1);
    if (rc != 0)
        return rc < 0 ? 2 : 1;

    if (threads > 1) {
        result *resn = calloc(c.n, sizeof *resn);
        if (!resn) {
            fprintf(stderr, "bench: out of memory\n");
            return 2;
        }
        char label[32];
        snprintf(label, sizeof label, "threads-%d", threads);
        pass pn;
        rc = measure(label, m, &opt, &c, text_bytes, threads, runs, resn, &pn);
        if (rc != 0)
            return rc < 0 ? 2 : 1;
        size_t bad = 0;
        for (size_t i = 0; i < c.n; i++) {
            if (res1[i].hash != resn[i].hash || res1[i].events != resn[i].events ||
                res1[i].sentences != resn[i].sentences || res1[i].status != resn[i].status) {
                if (bad < 5)
                    fprintf(stderr,
                            "bench: FAIL: article %zu (%s): 1 thread gave %u events (hash "
                            "%016llx), %d threads gave %u events (hash %016llx)\n",
                            i + 1, c.v[i].id, res1[i].events,
                            (unsigned long long)res1[i].hash, threads, resn[i].events,
                            (unsigned long long)resn[i].hash);
                bad++;
            }
        }
        if (bad || pn.events != p1.events || pn.sentences != p1.sentences) {
            fprintf(stderr,
                    "bench: FAIL: %d threads on one shared model disagree with 1 thread: "
                    "%zu/%zu articles differ; events %zu vs %zu, sentences %zu vs %zu\n",
                    threads, bad, c.n, pn.events, p1.events, pn.sentences, p1.sentences);
            printf("thread_check: FAIL\n");
            return 1;
        }
        printf("thread_check: ok (%zu articles, every event identical to the 1-thread run)\n",
               c.n);
        printf("speedup: %.2f\n", p1.seconds / pn.seconds);
        free(resn);
    }

    free(res1);
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
