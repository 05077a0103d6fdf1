/*
 * fuzz_code.c — libFuzzer target for the whole coding pipeline: the input is
 * an article's text (date fixed), coded with the default model (loaded once
 * from DYAD_DATA or the build's data/). Checks the promises of every event:
 * a CAMEO code whose root prefixes it, a quad class 1-4, spans inside the
 * text, a source different from the target.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(int cond, const char *what) {
    if (!cond) {
        fprintf(stderr, "fuzz_code: broken promise: %s\n", what);
        abort();
    }
}

static void span_ok(dyad_span s, size_t len) {
    must(s.start == -1 || (s.start >= 0 && s.len >= 0 && (size_t)(s.start + s.len) <= len),
         "span inside the text");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static dyad_model *model;
    if (!model) {
        dyad_error err;
        model = dyad_model_load(NULL, &err);
        if (!model) {
            fprintf(stderr, "fuzz_code: %s\n", err.message);
            abort();
        }
    }
    dyad_article a = {"fuzz", "2024-02-02", NULL, NULL, (const char *)data, size, NULL, 0};
    dyad_options o = dyad_options_default();
    o.flags |= DYAD_OPT_EXPLAIN;
    dyad_doc *d = NULL;
    dyad_error err;
    dyad_status st = dyad_code_article(model, &o, &a, &d, &err);
    if (st != DYAD_OK) {
        must(d == NULL && err.message[0], "a failure has a message");
        return 0;
    }
    for (size_t i = 0; i < dyad_doc_event_count(d); i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        must(e->quad >= 1 && e->quad <= 4, "quad class 1-4");
        must(strncmp(e->code, e->root, 2) == 0, "root prefixes the code");
        must(strcmp(e->source, e->target) != 0, "source differs from target");
        span_ok(e->source_span, size);
        span_ok(e->target_span, size);
        span_ok(e->verb_span, size);
    }
    must(dyad_doc_explain(d) != NULL, "explanation present");
    dyad_doc_free(d);
    return 0;
}
