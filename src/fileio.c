/*
 * fileio.c — read a whole file into memory (see fileio.h).
 */
#include "fileio.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *dyad_read_file(const char *path, size_t *len, char *errbuf, size_t errlen) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errbuf && errlen) snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    const char *why = NULL;
    while (buf) {
        if (cap - n < 4096 + 1) {
            char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) break;
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) why = strerror(errno ? errno : EIO);
            fclose(f);
            if (why) {
                free(buf);
                if (errbuf && errlen) snprintf(errbuf, errlen, "%s: read error: %s", path, why);
                return NULL;
            }
            buf[n] = '\0';
            *len = n;
            return buf;
        }
    }
    free(buf);
    fclose(f);
    if (errbuf && errlen) snprintf(errbuf, errlen, "%s: out of memory", path);
    return NULL;
}
