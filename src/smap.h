/*
 * smap.h — a fixed-capacity hash map from byte strings (pointer + length,
 * not owned: they point into a loaded file or pool) to an integer or
 * pointer value. Open addressing, linear probing, FNV-1a; the capacity is a
 * power of two at least twice the expected number of keys, chosen at init,
 * so bulk-loaded tables (tagger lexicon, WordNet) never rehash. For a
 * growable map that owns its keys, see strmap.h.
 */
#ifndef DYAD_SMAP_H
#define DYAD_SMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *key; /* NULL: empty slot */
    uint32_t len;
    uint32_t hash;
    uintptr_t val;
} smap_slot;

typedef struct {
    smap_slot *slots;
    size_t cap; /* power of two */
    size_t n;
} smap;

/** Room for `expected` keys; 0 or -1 on OOM. */
int smap_init(smap *m, size_t expected);
void smap_free(smap *m);
/** The slot of key, or NULL. */
const smap_slot *smap_get(const smap *m, const char *key, size_t len);
/** The slot of key, inserted (val 0) if absent, *found says which; NULL
 *  when the map is full (more keys than `expected` * 2) or len is too big. */
smap_slot *smap_put(smap *m, const char *key, size_t len, int *found);
#endif
