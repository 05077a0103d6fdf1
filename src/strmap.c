/*
 * strmap.c — string → pointer hash map (see strmap.h).
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

uint64_t dyad_hash(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

void dyad_strmap_init(dyad_strmap *m) { memset(m, 0, sizeof *m); }

void dyad_strmap_free(dyad_strmap *m) {
    for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    dyad_strmap_init(m);
}

static size_t find(const dyad_strmap *m, const char *key) {
    size_t mask = m->cap - 1, i = (size_t)dyad_hash(key) & mask;
    while (m->keys[i] && strcmp(m->keys[i], key) != 0) i = (i + 1) & mask;
    return i;
}

void *dyad_strmap_get(const dyad_strmap *m, const char *key) {
    if (!m->cap) return NULL;
    size_t i = find(m, key);
    return m->keys[i] ? m->vals[i] : NULL;
}

static int grow(dyad_strmap *m) {
    size_t ncap = m->cap ? m->cap * 2 : 64;
    char **nk = calloc(ncap, sizeof *nk);
    void **nv = calloc(ncap, sizeof *nv);
    if (!nk || !nv) {
        free(nk);
        free(nv);
        return -1;
    }
    dyad_strmap old = *m;
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.keys[i]) continue;
        size_t j = find(m, old.keys[i]);
        m->keys[j] = old.keys[i];
        m->vals[j] = old.vals[i];
    }
    free(old.keys);
    free(old.vals);
    return 0;
}

void **dyad_strmap_slot(dyad_strmap *m, const char *key) {
    if ((m->len + 1) * 2 > m->cap && grow(m) != 0) return NULL;
    size_t i = find(m, key);
    if (!m->keys[i]) {
        size_t n = strlen(key);
        char *k = malloc(n + 1);
        if (!k) return NULL;
        memcpy(k, key, n + 1);
        m->keys[i] = k;
        m->vals[i] = NULL;
        m->len++;
    }
    return &m->vals[i];
}

size_t dyad_strmap_next(const dyad_strmap *m, size_t i) {
    while (i < m->cap && !m->keys[i]) i++;
    return i;
}
