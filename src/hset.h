/*
 * hset.h — a set of nonzero 32-bit word hashes in a caller's table of
 * mask + 1 slots (a power of two; 0 marks an empty slot), open addressing.
 * Both coders keep one per sentence so a pattern is tried only when its
 * required words are there (code.c, compat.c). The caller keeps the table
 * less than full.
 */
#ifndef DYAD_HSET_H
#define DYAD_HSET_H

static inline void dyad_hset_put(unsigned *set, unsigned mask, unsigned h) {
    unsigned i = h & mask;
    while (set[i] && set[i] != h) i = (i + 1) & mask;
    set[i] = h;
}

static inline int dyad_hset_has(const unsigned *set, unsigned mask, unsigned h) {
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        if (!set[i]) return 0;
        if (set[i] == h) return 1;
    }
}
#endif
