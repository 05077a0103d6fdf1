/*
 * arena.c — bump allocator over chained blocks (see arena.h).
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_FIRST_BLOCK ((size_t)64 * 1024)
/* Blocks double up to this size, then stay there (a larger request gets a
 * block of its own size): the waste at the end of a block stays bounded
 * however large the document grows. */
#define ARENA_MAX_BLOCK ((size_t)1024 * 1024)
#define ALIGN (sizeof(max_align_t))

struct dyad_arena_block {
    dyad_arena_block *prev;
    size_t cap;
    size_t used;
    max_align_t data[]; /* aligned payload */
};

void dyad_arena_init(dyad_arena *a) {
    a->head = NULL;
    a->next_size = ARENA_FIRST_BLOCK;
    a->used_bytes = 0;
}

#ifdef DYAD_ARENA_DEBUG
/* Each allocation is its own block so sanitizers see exact bounds. */
void *dyad_arena_alloc(dyad_arena *a, size_t size) {
    if (size > SIZE_MAX - sizeof(dyad_arena_block)) return NULL;
    dyad_arena_block *b = calloc(1, sizeof(dyad_arena_block) + (size ? size : 1));
    if (!b) return NULL;
    b->prev = a->head;
    b->cap = size;
    b->used = size;
    a->head = b;
    a->used_bytes += size;
    return b->data;
}
#else
void *dyad_arena_alloc(dyad_arena *a, size_t size) {
    if (size > SIZE_MAX - ALIGN) return NULL;
    size_t need = (size + ALIGN - 1) / ALIGN * ALIGN;
    if (need == 0) need = ALIGN;
    dyad_arena_block *b = a->head;
    if (!b || b->cap - b->used < need) {
        size_t cap = a->next_size;
        while (cap < need) {
            if (cap > SIZE_MAX / 2) return NULL;
            cap *= 2;
        }
        if (cap > SIZE_MAX - sizeof(dyad_arena_block)) return NULL;
        b = malloc(sizeof(dyad_arena_block) + cap);
        if (!b) return NULL;
        b->prev = a->head;
        b->cap = cap;
        b->used = 0;
        a->head = b;
        if (a->next_size < ARENA_MAX_BLOCK) a->next_size *= 2;
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    a->used_bytes += need;
    memset(p, 0, size);
    return p;
}
#endif

void *dyad_arena_calloc(dyad_arena *a, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) return NULL;
    return dyad_arena_alloc(a, n * size);
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t len) {
    if (len == SIZE_MAX) return NULL;
    char *p = dyad_arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *dyad_arena_strdup(dyad_arena *a, const char *s) {
    return dyad_arena_strndup(a, s, strlen(s));
}

char *dyad_arena_vprintf(dyad_arena *a, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) return NULL;
    char *p = dyad_arena_alloc(a, (size_t)n + 1);
    if (p) vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *dyad_arena_printf(dyad_arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *p = dyad_arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void *dyad_arena_grow(dyad_arena *a, void *old, size_t old_n, size_t new_n, size_t size) {
    void *p = dyad_arena_calloc(a, new_n, size);
    if (p && old && old_n) memcpy(p, old, (old_n < new_n ? old_n : new_n) * size);
    return p;
}

void dyad_arena_reset(dyad_arena *a) {
    dyad_arena_block *b = a->head;
    if (!b) return;
    while (b->prev) {
        dyad_arena_block *prev = b->prev;
        free(b);
        b = prev;
    }
#ifdef DYAD_ARENA_DEBUG
    free(b);
    a->head = NULL;
#else
    b->used = 0;
    a->head = b;
#endif
    a->next_size = ARENA_FIRST_BLOCK * 2;
    a->used_bytes = 0;
}

void dyad_arena_free(dyad_arena *a) {
    dyad_arena_block *b = a->head;
    while (b) {
        dyad_arena_block *prev = b->prev;
        free(b);
        b = prev;
    }
    dyad_arena_init(a);
}
