/*
 * reader.h — internal helpers of the article readers (src/reader.c: text,
 * JSON Lines, PETRARCH XML, TABARI records): date parsing, the leading
 * "date YYYY-MM-DD" token, UTF-8 and binary checks, and dyad_error
 * filling. The public entry point is dyad_read_articles() in dyad.h.
 */
#ifndef DYAD_READER_H
#define DYAD_READER_H
#include <stdarg.h>
#include <stddef.h>

#include "dyad.h"

/* Result of dyad_date_parse. */
enum {
    DYAD_DATE_OK = 0,
    DYAD_DATE_SYNTAX,   /* not YYYY-MM-DD or YYYYMMDD */
    DYAD_DATE_INVALID   /* right shape, but no such day (2024-02-30, month 13) */
};

/**
 * Parse a date given as "YYYY-MM-DD" or "YYYYMMDD" (exactly len bytes, no
 * surrounding space) and check that the day exists in the proleptic
 * Gregorian calendar (years 0001-9999). On DYAD_DATE_OK writes the
 * normalised "YYYY-MM-DD" plus NUL into out[11].
 */
int dyad_date_parse(const char *s, size_t len, char out[11]);

/** A date written exactly YYYY-MM-DD that is a real calendar day, as the
 *  number YYYYMMDD; 0 otherwise (or for NULL). */
long dyad_date_ymd(const char *s);

/**
 * Find the leading date token of an article text: optional whitespace (and
 * a UTF-8 byte-order mark), the word "date" (any case, optionally followed
 * by ':'), whitespace, then a
 * word made of digits and '-' that ends at whitespace or the end of the
 * text. Returns 1 and sets [*tok_start, *tok_end) to the whole token
 * ("date 2024-02-02") and [*val_start, *val_end) to the date word; 0 if the
 * text has no such token. The date word is not validated here.
 */
int dyad_find_date_token(const char *text, size_t len, size_t *tok_start, size_t *tok_end,
                         size_t *val_start, size_t *val_end);

/**
 * Does s[0..len) look like binary data? True when it holds a NUL byte, or
 * when control bytes other than tab, newline, carriage return, form feed,
 * vertical tab and escape make up at least 1 in 50 bytes (and there are at
 * least 4). On true, *at is the offset of the first NUL or control byte and
 * *nul says whether a NUL was seen.
 */
int dyad_looks_binary(const char *s, size_t len, size_t *at, int *nul);

/** 1 if s[0..len) holds only ASCII whitespace (or is empty). */
int dyad_is_blank(const char *s, size_t len);

/** 1-based line number of byte offset `off` in s (counts '\n' before it). */
long dyad_line_of(const char *s, size_t len, size_t off);

/**
 * Fill *e: code, file (truncated with "..." if too long; NULL → ""), line,
 * offset and a printf-formatted message (truncated with "..." at a UTF-8
 * character boundary if too long). e may be NULL.
 */
void dyad_error_setf(dyad_error *e, dyad_status code, const char *file, long line, long offset,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void dyad_error_vsetf(dyad_error *e, dyad_status code, const char *file, long line,
                      long offset, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

/** The article id for a file name: base name without its last extension;
 *  "-" gives "stdin", an empty base name gives "article". Returns a new
 *  malloc'd string (NULL on OOM). */
char *dyad_id_from_name(const char *name);

/** Input format for a file name with DYAD_INPUT_AUTO: ".jsonl" (any case)
 *  is JSONL, ".xml" (any case) PETRARCH XML; everything else, including
 *  "-", is text. TABARI input is never chosen by name. */
dyad_input_format dyad_input_format_for(const char *name);

#endif
