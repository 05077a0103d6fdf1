/*
 * fuzz_cli.c — libFuzzer target for the option-dependent paths the CLI takes
 * through the public API: dyad_code_article() with fuzzed option flags,
 * max_pairs and article limit, and dyad_write_events() in both output
 * formats into memory (open_memstream), with fuzzed id, date, outlet and url
 * (quotes, tabs, newlines, control and invalid UTF-8 bytes in them exercise
 * the writers' escaping).
 *
 * Input layout (missing bytes read as 0):
 *   byte 0   bits 0-2: DYAD_OPT_STATEMENTS, _REQUIRE_DYAD, _EXPLAIN
 *            bit 3:    pass NULL options (the library's defaults)
 *            bits 4-5: article limit: default, 0 (none), text length,
 *                      text length - 1 (must fail with DYAD_ERR_LIMIT)
 *            bit 6:    outlet and url present
 *            bit 7:    a fuzzed date instead of a valid one
 *   byte 1   max_pairs (0 = no cap)
 *   byte 2   length L of a metadata block (at most 64 bytes) that follows;
 *            it is split at 0xFF bytes into id, outlet, url and date
 *   rest     the article text
 *
 * Checks: a failure has a message and no document; a limit below the length
 * fails with DYAD_ERR_LIMIT; with REQUIRE_DYAD every event has both actors;
 * with max_pairs every sentence has at most max_pairs dyadic events; every
 * JSON Lines record is one valid JSON object (jansson) with the article id;
 * every TSV row has as many fields as the header.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(int cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "fuzz_cli: broken promise: %s\n", what);
        abort();
    }
}

/* Write every event of d in format fmt into memory; returns the malloc'd
 * text (NUL-terminated) and its length in *len. */
static char *write_all(dyad_format fmt, const dyad_article *a, const dyad_doc *d, size_t *len)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, len);
    if (!f)
        return NULL;
    if (fmt == DYAD_FORMAT_TSV)
        dyad_write_tsv_header(f);
    must(dyad_write_events(f, fmt, a, d) == 0, "writing to memory succeeds");
    fclose(f);
    return out;
}

static size_t count_char(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

static void check_jsonl(const char *out, size_t len, const dyad_article *a, size_t nevents)
{
    must(len == 0 || out[len - 1] == '\n', "JSON Lines output ends with a newline");
    must(count_char(out, len, '\n') == nevents, "one JSON Lines record per event");
    must(memchr(out, '\0', len) == NULL, "no NUL byte in JSON Lines output");
    const char *p = out, *end = out + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        json_error_t je;
        json_t *j = json_loadb(p, (size_t)(nl - p), 0, &je);
        if (!j)
            fprintf(stderr, "fuzz_cli: bad JSON (%s): %.*s\n", je.text, (int)(nl - p), p);
        must(j && json_is_object(j), "each record is a JSON object");
        must(json_is_string(json_object_get(j, "article")), "record has an article id");
        must(json_is_integer(json_object_get(j, "sentence")), "record has a sentence number");
        must(json_is_string(json_object_get(j, "code")), "record has a code");
        must((json_object_get(j, "outlet") != NULL) == (a->outlet != NULL),
             "outlet written exactly when given");
        json_decref(j);
        p = nl + 1;
    }
}

static void check_tsv(const char *out, size_t len, size_t nevents)
{
    must(len > 0 && out[len - 1] == '\n', "TSV output ends with a newline");
    must(count_char(out, len, '\n') == nevents + 1, "one TSV row per event after the header");
    const char *nl = memchr(out, '\n', len);
    size_t tabs = count_char(out, (size_t)(nl - out), '\t');
    const char *p = nl + 1, *end = out + len;
    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        must(count_char(p, (size_t)(nl - p), '\t') == tabs, "TSV row has the header's columns");
        must(memchr(p, '\r', (size_t)(nl - p)) == NULL, "no carriage return in a TSV row");
        p = nl + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_model *model;
    if (!model) {
        dyad_error err;
        model = dyad_model_load(NULL, &err);
        if (!model) {
            fprintf(stderr, "fuzz_cli: %s\n", err.message);
            abort();
        }
    }
    uint8_t hdr[3] = {0, 0, 0};
    size_t h = size < 3 ? size : 3;
    memcpy(hdr, data, h);
    data += h;
    size -= h;

    /* metadata: id, outlet, url, date separated by 0xFF; NUL bytes dropped */
    size_t mlen = hdr[2] % 65u;
    if (mlen > size)
        mlen = size;
    char meta[4][65];
    memset(meta, 0, sizeof meta);
    size_t field = 0, at = 0;
    for (size_t i = 0; i < mlen; i++) {
        if (data[i] == 0xFF) {
            if (++field == 4)
                break;
            at = 0;
        } else if (data[i] != 0 && at < 64) {
            meta[field][at++] = (char)data[i];
        }
    }
    data += mlen;
    size -= mlen;

    /* a private copy of exactly size bytes, so reads past it are caught */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);

    unsigned mode = hdr[0];
    dyad_options o = dyad_options_default();
    o.flags = mode & 7u;
    o.max_pairs = hdr[1];
    switch ((mode >> 4) & 3u) {
    case 0: break;
    case 1: o.max_article_bytes = 0; break;
    case 2: o.max_article_bytes = size; break;
    default: o.max_article_bytes = size ? size - 1 : 0; break;
    }
    int null_opts = (mode & 8u) != 0;
    dyad_article a = {meta[0][0] ? meta[0] : "fuzz", (mode & 128u) ? meta[3] : "2024-02-02",
                      (mode & 64u) ? meta[1] : NULL, (mode & 64u) ? meta[2] : NULL, text, size,
                      NULL, 0};

    dyad_doc *d = NULL;
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = dyad_code_article(model, null_opts ? NULL : &o, &a, &d, &err);
    if (st != DYAD_OK) {
        must(d == NULL, "no document on failure");
        must(err.message[0] != '\0', "a failure has a message");
        must(memchr(err.message, '\0', sizeof err.message) != NULL, "message is terminated");
        free(text);
        return 0;
    }
    must(d != NULL, "a document on success");
    /* (for a 1-byte text the limit size - 1 is 0, which means no limit) */
    must(null_opts || ((mode >> 4) & 3u) != 3 || size <= 1, "limit below the length fails");

    size_t n = dyad_doc_event_count(d);
    unsigned flags = null_opts ? dyad_options_default().flags : o.flags;
    unsigned pairs_cap = null_opts ? dyad_options_default().max_pairs : o.max_pairs;
    int last_sentence = 0;
    unsigned pairs = 0;
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        must(e != NULL && e->code && e->source && e->target, "event fields set");
        int dyadic = e->source[0] && e->target[0];
        if (flags & DYAD_OPT_REQUIRE_DYAD)
            must(dyadic, "require-dyad keeps only events with both actors");
        if (e->sentence != last_sentence) {
            last_sentence = e->sentence;
            pairs = 0;
        }
        pairs += (unsigned)dyadic;
        must(pairs_cap == 0 || pairs <= pairs_cap, "at most max_pairs dyadic events per sentence");
    }
    const char *ex = dyad_doc_explain(d);
    must(ex != NULL, "explanation is a string");
    /* dyad.h: "" unless EXPLAIN (regression input for a past break:
     * fuzz/corpus/cli/regress-explain-without-flag) */
    if (!(flags & DYAD_OPT_EXPLAIN)) must(ex[0] == '\0', "no explanation without EXPLAIN");

    size_t len = 0;
    char *out = write_all(DYAD_FORMAT_JSONL, &a, d, &len);
    if (out) {
        check_jsonl(out, len, &a, n);
        free(out);
    }
    out = write_all(DYAD_FORMAT_TSV, &a, d, &len);
    if (out) {
        check_tsv(out, len, n);
        free(out);
    }
    dyad_doc_free(d);
    free(text);
    return 0;
}
