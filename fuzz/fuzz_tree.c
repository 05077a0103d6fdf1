/*
 * fuzz_tree.c — libFuzzer target for coding from a Penn Treebank parse
 * (src/tree.c) and for the compatible coder (src/compat.c, src/peer.c): the
 * input is "TEXT\xffPARSE" (no 0xFF: text alone). Byte 0, bit 0: code with a
 * small PETRARCH2-style dictionary set written to a temporary folder at start
 * (invented names) instead of dyad's own model; bit 1: its TABARI-style
 * twin. Checks: a failure has a message and no document; every event's spans
 * lie inside the text; source and target differ; a code is never empty.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(int cond, const char *what) {
    if (!cond) {
        fprintf(stderr, "fuzz_tree: broken promise: %s\n", what);
        abort();
    }
}

static void write_file(const char *dir, const char *name, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    must(f != NULL, "temporary dictionary written");
    fputs(text, f);
    fclose(f);
}

static dyad_model *peer_model(const char *dir, int tabari) {
    dyad_dictset *s = dyad_dictset_new();
    dyad_error err;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, tabari ? "t.verbs" : "p.verbs.txt");
    must(dyad_dictset_add(s, "verbs", path, &err) == DYAD_OK, "verbs added");
    snprintf(path, sizeof path, "%s/%s", dir, tabari ? "t.actors" : "p.actors.txt");
    must(dyad_dictset_add(s, "actors", path, &err) == DYAD_OK, "actors added");
    snprintf(path, sizeof path, "%s/%s", dir, "p.agents.txt");
    must(dyad_dictset_add(s, "agents", path, &err) == DYAD_OK, "agents added");
    dyad_model *m = dyad_model_load_dictset(s, &err);
    dyad_dictset_free(s);
    if (!m) fprintf(stderr, "fuzz_tree: %s\n", err.message);
    must(m != NULL, "peer model loads");
    return m;
}

static dyad_model *models[3];

static void load_models(void) {
    dyad_error err;
    models[0] = dyad_model_load(NULL, &err);
    if (!models[0]) fprintf(stderr, "fuzz_tree: %s\n", err.message);
    must(models[0] != NULL, "default model loads");
    char dir[] = "/tmp/dyad-fuzz-tree.XXXXXX";
    must(mkdtemp(dir) != NULL, "temporary folder");
    write_file(dir, "p.verbs.txt",
               "&PLACE\n+CITY\n+TOWN\n\n--- ATTACK [190] ---\nATTACK\nSTRIKE {STRIKES STRUCK}\n"
               "- * &PLACE [183]\n- + * FROM $ [:190]\n\n--- MEET [040:040] ---\nMEET\n- * WITH + "
               "[043]\n");
    write_file(dir, "p.actors.txt",
               "ARNOR [ARN]\n+ARNORIAN\nGONDOR [GON]\nTHE SHIRE [FRO/BIL]\nTELEMAR [BRE]\n"
               "    [BREGOV 19950101-19951231]\n");
    write_file(dir, "p.agents.txt", "SOLDIER [~MIL] {SOLDIERS}\nMINISTER [~GOV]\n");
    write_file(dir, "t.verbs", "ATTACK [190]\n- * CITY [183]\n- + WAS * BY $ [191]\nMEET_ "
                               "[040:040]\n- % * [043]\n~~FINISH\n");
    write_file(dir, "t.actors", "ARNOR_ [ARN]\nGONDOR [GON]\nISILDUR [+++]\nPRINCE DOL_AMROTH "
                                "[DOL]\n");
    models[1] = peer_model(dir, 0);
    models[2] = peer_model(dir, 1);
    const char *names[] = {"p.verbs.txt", "p.actors.txt", "p.agents.txt", "t.verbs", "t.actors"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!models[0]) load_models();
    if (size < 1) return 0;
    int which = data[0] & 1 ? 1 : data[0] & 2 ? 2 : 0;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    const char *sep = memchr(text, 0xff, len);
    size_t tlen = sep ? (size_t)(sep - text) : len;
    dyad_article a = {"fuzz", "1995-06-01", NULL, NULL, text, tlen,
                      sep ? sep + 1 : NULL, sep ? len - tlen - 1 : 0};
    dyad_options o = dyad_options_default();
    o.flags |= DYAD_OPT_EXPLAIN;
    dyad_doc *d = NULL;
    dyad_error err;
    dyad_status st = dyad_code_article(models[which], &o, &a, &d, &err);
    if (st != DYAD_OK) {
        must(d == NULL && err.message[0], "a failure has a message");
        return 0;
    }
    for (size_t i = 0; i < dyad_doc_event_count(d); i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        must(e->code && e->code[0], "a code");
        must(strcmp(e->source, e->target) != 0, "source differs from target");
        dyad_span sp[3] = {e->source_span, e->target_span, e->verb_span};
        for (int k = 0; k < 3; k++)
            must(sp[k].start == -1 ||
                     (sp[k].start >= 0 && sp[k].len >= 0 && (size_t)(sp[k].start + sp[k].len) <= tlen),
                 "span inside the text");
    }
    dyad_doc_free(d);
    return 0;
}
