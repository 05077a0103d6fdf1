/*
 * arena.h — bump allocator with chained blocks, one per document.
 * First block 64 KiB, each next block doubles up to 1 MiB; allocations are aligned to
 * max_align_t. dyad_arena_reset() keeps the first block. With
 * -DDYAD_ARENA_DEBUG every allocation is a separate malloc so ASan and
 * valgrind see overflows the arena would otherwise hide.
 */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H
#include <stdarg.h>
#include <stddef.h>

typedef struct dyad_arena_block dyad_arena_block;
typedef struct dyad_arena {
    dyad_arena_block *head;   /* current block (newest) */
    size_t next_size;         /* size of the next block to allocate */
    size_t used_bytes;        /* bytes handed out, for accounting */
} dyad_arena;

void dyad_arena_init(dyad_arena *a);
/** Aligned allocation; NULL on overflow or OOM. Memory is zeroed. */
void *dyad_arena_alloc(dyad_arena *a, size_t size);
/** n * size with overflow check; zeroed. */
void *dyad_arena_calloc(dyad_arena *a, size_t n, size_t size);
/** Copy len bytes and NUL-terminate. */
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t len);
char *dyad_arena_strdup(dyad_arena *a, const char *s);
/** printf into the arena. */
char *dyad_arena_printf(dyad_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *dyad_arena_vprintf(dyad_arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/** Grow an array held in the arena: returns new pointer with room for
 *  new_n elements, copying old_n elements. */
void *dyad_arena_grow(dyad_arena *a, void *old, size_t old_n, size_t new_n, size_t size);
void dyad_arena_reset(dyad_arena *a);
void dyad_arena_free(dyad_arena *a);
#endif
