/*
 * xprintf.c — printf into a new malloc'd string (see xprintf.h).
 */
#include "xprintf.h"

#include <stdio.h>
#include <stdlib.h>

char *dyad_vasprintf(const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *out = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (out) vsnprintf(out, (size_t)n + 1, fmt, ap);
    return out;
}

char *dyad_asprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *out = dyad_vasprintf(fmt, ap);
    va_end(ap);
    return out;
}
