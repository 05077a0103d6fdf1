/*
 * utf8.h — strict UTF-8 decoding and validation (RFC 3629): no overlong
 * forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no
 * truncated sequences. Never reads past len.
 */
#ifndef DYAD_UTF8_H
#define DYAD_UTF8_H
#include <stddef.h>
#include <stdint.h>

/** Decode one code point at s[*i] (requires *i < len). On success stores it
 *  in *cp, advances *i past the sequence and returns 0. On an invalid or
 *  truncated sequence stores U+FFFD in *cp, advances *i by exactly one byte
 *  and returns -1, so a caller loop always makes progress. */
int dyad_utf8_decode(const char *s, size_t len, size_t *i, uint32_t *cp);

/** -1 if s[0, len) is valid UTF-8, else the byte offset of the first
 *  invalid sequence. */
long dyad_utf8_validate(const char *s, size_t len);

/** Length in bytes (1..4) of the valid sequence starting at s[i], or 0 if
 *  the bytes at s[i] are not a valid sequence (or i >= len). */
size_t dyad_utf8_seqlen(const char *s, size_t len, size_t i);

#endif
