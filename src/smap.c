/*
 * smap.c — fixed-capacity byte-string hash map (see smap.h).
 */
#include "smap.h"

#include <stdlib.h>
#include <string.h>

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

int smap_init(smap *m, size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2 + 1) {
        if (cap > SIZE_MAX / 4 / sizeof(smap_slot)) return -1;
        cap *= 2;
    }
    m->slots = calloc(cap, sizeof(smap_slot));
    if (!m->slots) return -1;
    m->cap = cap;
    m->n = 0;
    return 0;
}

void smap_free(smap *m) {
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}

const smap_slot *smap_get(const smap *m, const char *key, size_t len) {
    if (!m->slots) return NULL;
    uint32_t h = fnv1a(key, len);
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const smap_slot *s = &m->slots[i];
        if (!s->key) return NULL;
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) return s;
    }
}

/* Find or insert; *found tells which. NULL if the map is full. */
smap_slot *smap_put(smap *m, const char *key, size_t len, int *found) {
    if (len > UINT32_MAX) return NULL;
    uint32_t h = fnv1a(key, len);
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        smap_slot *s = &m->slots[i];
        if (!s->key) {
            if ((m->n + 1) * 2 > m->cap) return NULL; /* keep load <= 1/2 */
            s->key = key;
            s->len = (uint32_t)len;
            s->hash = h;
            s->val = 0;
            m->n++;
            *found = 0;
            return s;
        }
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
            *found = 1;
            return s;
        }
    }
}
