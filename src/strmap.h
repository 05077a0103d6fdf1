/*
 * strmap.h — open-addressing hash map from NUL-terminated strings to
 * pointers (FNV-1a, linear probing, power-of-two capacity). Keys are
 * copied into the map. Used by the model (read-only after load, so lookups
 * are thread-safe) and per document.
 */
#ifndef DYAD_STRMAP_H
#define DYAD_STRMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct dyad_strmap {
    char **keys;
    void **vals;
    size_t cap, len;
} dyad_strmap;

void dyad_strmap_init(dyad_strmap *m);
void dyad_strmap_free(dyad_strmap *m);
/** Value for key, or NULL. */
void *dyad_strmap_get(const dyad_strmap *m, const char *key);
/** Address of the value slot for key, inserting NULL if absent; NULL on OOM.
 *  The slot address is valid until the next insertion. */
void **dyad_strmap_slot(dyad_strmap *m, const char *key);
/** Iterate: returns next index >= i with a key, or m->cap when done. */
size_t dyad_strmap_next(const dyad_strmap *m, size_t i);
uint64_t dyad_hash(const char *s);
#endif
