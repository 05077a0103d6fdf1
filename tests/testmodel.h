/*
 * testmodel.h — a small model written by the test itself (actors, agents,
 * verbs in dyad's format) so engine tests do not depend on the default data
 * set, plus a helper that codes a text and returns its explanation.
 */
#ifndef DYAD_TESTMODEL_H
#define DYAD_TESTMODEL_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad.h"

static char tm_dir[256];

static inline void tm_write(const char *name, const char *content) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tm_dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(content, f);
    fclose(f);
}

/* Write the three dictionaries into a fresh directory and load them. */
static inline dyad_model *tm_load(const char *actors, const char *agents, const char *verbs) {
    snprintf(tm_dir, sizeof tm_dir, "/tmp/dyad_testmodel_%d", (int)getpid());
    mkdir(tm_dir, 0700);
    tm_write("actors.txt", actors);
    tm_write("agents.txt", agents);
    tm_write("verbs.txt", verbs);
    dyad_error err;
    dyad_model *m = dyad_model_load(tm_dir, &err);
    if (!m) fprintf(stderr, "model: %s: %s\n", err.file, err.message);
    return m;
}

static inline void tm_cleanup(dyad_model *m) {
    dyad_model_free(m);
    const char *f[] = {"actors.txt", "agents.txt", "verbs.txt"};
    for (int i = 0; i < 3; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", tm_dir, f[i]);
        unlink(path);
    }
    rmdir(tm_dir);
}

/* Code text with --explain; returns a malloc'd copy of the explanation
 * (or of the error message). */
static inline char *tm_explain(dyad_model *m, const char *text) {
    dyad_article a = {"t", "2020-06-01", NULL, NULL, text, strlen(text), NULL, 0};
    dyad_options o = dyad_options_default();
    o.flags |= DYAD_OPT_EXPLAIN;
    dyad_doc *d = NULL;
    dyad_error err;
    if (dyad_code_article(m, &o, &a, &d, &err) != DYAD_OK) return strdup(err.message);
    char *out = strdup(dyad_doc_explain(d));
    dyad_doc_free(d);
    return out;
}
#endif
