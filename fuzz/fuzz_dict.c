/*
 * fuzz_dict.c — libFuzzer target for the dictionary reader (src/dict.c).
 * The first byte picks the kind (actors, agents, verbs); the rest is the
 * file content, written to a temporary file and loaded. The loader must
 * never crash and must report (not keep) malformed lines; every pattern it
 * keeps has a word head.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count_warning(void *ctx, const char *file, long line, long column, const char *msg) {
    (void)file;
    if (line <= 0 || column < 0 || !msg || !msg[0]) abort();
    (*(size_t *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const kinds[] = {"actors", "agents", "verbs"};
    if (size < 1) return 0;
    const char *kind = kinds[data[0] % 3];
    char path[64];
    snprintf(path, sizeof path, "/tmp/dyad_fuzz_dict_%d.txt", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    dyad_dict d;
    dyad_dict_init(&d);
    size_t warnings = 0;
    char err[256];
    if (dyad_dict_load_file(&d, path, kind, count_warning, &warnings, err, sizeof err) == 0) {
        for (size_t i = 0; i < d.npatterns; i++) {
            const dict_pattern *p = d.patterns[i];
            if (p->head >= p->nel || p->el[p->head].kind != EL_WORD) abort();
        }
    }
    dyad_dict_free(&d);
    unlink(path);
    return 0;
}
