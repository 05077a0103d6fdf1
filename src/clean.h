/*
 * clean.h — find the parts of an article text that are not news: a
 * leading date token, photo credit lines and captions, datelines, bylines
 * and boilerplate. The rules are in docs/TOKENIZATION.md ("Non-news
 * regions"); every rule reads one line (a line is a paragraph) and is
 * bounded, so the cost is linear in the text.
 */
#ifndef DYAD_CLEAN_H
#define DYAD_CLEAN_H
#include <stddef.h>

#include "arena.h"
#include "text.h"

/** Non-news regions of text[0, len) as byte spans: sorted, non-overlapping,
 *  arena-owned (*out NULL when *n == 0). why is one of "date token",
 *  "photo credit", "photo caption", "dateline", "byline", "boilerplate"
 *  (static strings). Returns 0, or -1 on OOM or when len exceeds
 *  UINT32_MAX. */
int dyad_find_non_news(dyad_arena *a, const char *text, size_t len, dyad_region **out,
                       size_t *n);

#endif
