/*
 * xprintf.h — printf into a new malloc'd string of the right size (no
 * fixed buffer, nothing truncated). For arena memory see
 * dyad_arena_printf in arena.h.
 */
#ifndef DYAD_XPRINTF_H
#define DYAD_XPRINTF_H
#include <stdarg.h>

/** The formatted string (caller frees), or NULL on OOM or a format error. */
char *dyad_vasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *dyad_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
