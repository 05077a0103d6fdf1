/*
 * utf8.c — strict UTF-8 decoding (see utf8.h).
 */
#include "utf8.h"

/* Decode without side effects on failure: returns sequence length, 0 if
 * invalid. */
static size_t decode_at(const unsigned char *s, size_t len, size_t i, uint32_t *cp) {
    if (i >= len) return 0;
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0; /* continuation byte, C0/C1 (always overlong), F5..FF */
    }
    if (len - i < n) return 0;
    for (size_t k = 1; k < n; k++) {
        unsigned d = s[i + k];
        if ((d & 0xC0) != 0x80) return 0;
        v = (v << 6) | (d & 0x3F);
    }
    if (v < min) return 0;                   /* overlong */
    if (v >= 0xD800 && v <= 0xDFFF) return 0; /* surrogate */
    if (v > 0x10FFFF) return 0;
    *cp = v;
    return n;
}

int dyad_utf8_decode(const char *s, size_t len, size_t *i, uint32_t *cp) {
    uint32_t v = 0;
    size_t n = decode_at((const unsigned char *)s, len, *i, &v);
    if (n == 0) {
        *cp = 0xFFFD;
        if (*i < len) (*i)++;
        return -1;
    }
    *cp = v;
    *i += n;
    return 0;
}

size_t dyad_utf8_seqlen(const char *s, size_t len, size_t i) {
    uint32_t v;
    return decode_at((const unsigned char *)s, len, i, &v);
}

long dyad_utf8_validate(const char *s, size_t len) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t v;
        size_t n = decode_at(u, len, i, &v);
        if (n == 0) return (long)i;
        i += n;
    }
    return -1;
}
