/*
 * emit.h — internal event writers behind dyad_write_events() and
 * dyad_write_tsv_header(). The formats are documented in docs/OUTPUT.md.
 */
#ifndef DYAD_EMIT_H
#define DYAD_EMIT_H
#include <stdio.h>

#include "dyad.h"

/** Number of TSV columns (outlet and url included). */
#define DYAD_EMIT_NCOLS 25

/** Column names in output order; JSON keys are the same names. */
extern const char *const dyad_emit_columns[DYAD_EMIT_NCOLS];

/**
 * Write one event of article a to f as one line (JSON object or TSV row,
 * ending in '\n'). NULL strings are written as "". Invalid UTF-8 in a string
 * is written as U+FFFD so the output is always valid UTF-8 (and valid JSON).
 * Returns 0, or -1 if a write to f failed (or f, a or e is NULL).
 */
int dyad_emit_event(FILE *f, dyad_format fmt, const dyad_article *a, const dyad_event *e);

#endif
