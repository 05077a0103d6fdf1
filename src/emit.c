/*
 * emit.c — JSON Lines and TSV event writers (formats: docs/OUTPUT.md).
 */
#include "emit.h"

#include <string.h>

#include "utf8.h"

const char *const dyad_emit_columns[DYAD_EMIT_NCOLS] = {
    "article",        "sentence",    "date",         "source",       "target",
    "source_country", "source_role", "target_country", "target_role", "code",
    "root",           "quad",        "goldstein",    "source_text",  "verb_text",
    "target_text",    "source_start", "source_end",  "verb_start",   "verb_end",
    "target_start",   "target_end",  "pattern",      "outlet",       "url",
};

/* Index of the first optional column (outlet); JSON writes outlet and url
 * only when the article has them. */
#define COL_OUTLET 23

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Write s (NULL = "") as a JSON string with quotes. */
static void put_json_string(FILE *f, const char *s)
{
    putc('"', f);
    if (s) {
        size_t len = strlen(s), i = 0;
        while (i < len) {
            long bad = dyad_utf8_validate(s + i, len - i);
            size_t good = bad < 0 ? len - i : (size_t)bad;
            size_t run = 0;
            for (size_t k = i; k < i + good; k++) {
                unsigned char c = (unsigned char)s[k];
                if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) {
                    run++;
                    continue;
                }
                if (run)
                    fwrite(s + k - run, 1, run, f);
                run = 0;
                if (c == '"' || c == '\\') {
                    putc('\\', f);
                    putc(c, f);
                } else {
                    fprintf(f, "\\u%04X", (unsigned)c);
                }
            }
            if (run)
                fwrite(s + i + good - run, 1, run, f);
            i += good;
            if (i < len) { /* one invalid byte */
                fputs(REPLACEMENT, f);
                i++;
            }
        }
    }
    putc('"', f);
}

/* Write s (NULL = "") as a TSV field: tab, newline and carriage return
 * become spaces; invalid UTF-8 bytes become U+FFFD. */
static void put_tsv_string(FILE *f, const char *s)
{
    if (!s)
        return;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        long bad = dyad_utf8_validate(s + i, len - i);
        size_t good = bad < 0 ? len - i : (size_t)bad;
        for (size_t k = i; k < i + good; k++) {
            char c = s[k];
            putc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, f);
        }
        i += good;
        if (i < len) {
            fputs(REPLACEMENT, f);
            i++;
        }
    }
}

static void span_ends(dyad_span sp, long *start, long *end)
{
    if (sp.start < 0) {
        *start = -1;
        *end = -1;
    } else {
        *start = sp.start;
        *end = sp.start + (sp.len > 0 ? sp.len : 0);
    }
}

int dyad_emit_event(FILE *f, dyad_format fmt, const dyad_article *a, const dyad_event *e)
{
    if (!f || !a || !e)
        return -1;
    long se[6];
    span_ends(e->source_span, &se[0], &se[1]);
    span_ends(e->verb_span, &se[2], &se[3]);
    span_ends(e->target_span, &se[4], &se[5]);
    double g = e->goldstein;
    if (!(g >= -1e6 && g <= 1e6))
        g = 0.0; /* NaN or absurd: never write invalid JSON */
    char gbuf[32];
    snprintf(gbuf, sizeof gbuf, "%.1f", g);
    if (strcmp(gbuf, "-0.0") == 0)
        strcpy(gbuf, "0.0");

    /* string columns in order; numbers are written in between */
    const char *s1[] = {e->source,         e->target,      e->source_country, e->source_role,
                        e->target_country, e->target_role, e->code,           e->root};
    const char *s2[] = {e->source_text, e->verb_text, e->target_text};
    const char *const *col = dyad_emit_columns;

    if (fmt == DYAD_FORMAT_TSV) {
        put_tsv_string(f, a->id);
        fprintf(f, "\t%d\t", e->sentence);
        put_tsv_string(f, a->date);
        for (size_t i = 0; i < 8; i++) {
            putc('\t', f);
            put_tsv_string(f, s1[i]);
        }
        fprintf(f, "\t%d\t%s", e->quad, gbuf);
        for (size_t i = 0; i < 3; i++) {
            putc('\t', f);
            put_tsv_string(f, s2[i]);
        }
        for (size_t i = 0; i < 6; i++)
            fprintf(f, "\t%ld", se[i]);
        putc('\t', f);
        put_tsv_string(f, e->pattern);
        putc('\t', f);
        put_tsv_string(f, a->outlet);
        putc('\t', f);
        put_tsv_string(f, a->url);
        putc('\n', f);
    } else {
        size_t c = 0;
        fprintf(f, "{\"%s\":", col[c++]);
        put_json_string(f, a->id);
        fprintf(f, ",\"%s\":%d,\"%s\":", col[c], e->sentence, col[c + 1]);
        c += 2;
        put_json_string(f, a->date);
        for (size_t i = 0; i < 8; i++) {
            fprintf(f, ",\"%s\":", col[c++]);
            put_json_string(f, s1[i]);
        }
        fprintf(f, ",\"%s\":%d,\"%s\":%s", col[c], e->quad, col[c + 1], gbuf);
        c += 2;
        for (size_t i = 0; i < 3; i++) {
            fprintf(f, ",\"%s\":", col[c++]);
            put_json_string(f, s2[i]);
        }
        for (size_t i = 0; i < 6; i++)
            fprintf(f, ",\"%s\":%ld", col[c++], se[i]);
        fprintf(f, ",\"%s\":", col[c++]);
        put_json_string(f, e->pattern);
        if (a->outlet) {
            fprintf(f, ",\"%s\":", col[COL_OUTLET]);
            put_json_string(f, a->outlet);
        }
        if (a->url) {
            fprintf(f, ",\"%s\":", col[COL_OUTLET + 1]);
            put_json_string(f, a->url);
        }
        fputs("}\n", f);
    }
    return ferror(f) ? -1 : 0;
}

void dyad_write_tsv_header(FILE *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < DYAD_EMIT_NCOLS; i++) {
        if (i)
            putc('\t', f);
        fputs(dyad_emit_columns[i], f);
    }
    putc('\n', f);
}

/* A PETRARCH text column: tabs and newlines become spaces; empty is "---". */
static void put_petr_text(FILE *f, const char *s)
{
    if (!s || !*s) {
        fputs("---", f);
        return;
    }
    for (; *s; s++)
        putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

/* Does id end in "_digits" (PETRARCH's STORY_SENT)? */
static int has_sent_suffix(const char *id)
{
    const char *u = id ? strrchr(id, '_') : NULL;
    if (!u || !u[1])
        return 0;
    for (u++; *u; u++)
        if (*u < '0' || *u > '9')
            return 0;
    return 1;
}

/* PETRARCH2's event lines: one per distinct (source, target, code) of the
 * article, tab-separated: date YYYYMMDD, source, target, code, issues (empty),
 * sentence id, outlet, source text, target text, event text. */
static int write_petrarch(FILE *f, const dyad_article *a, const dyad_doc *d)
{
    size_t n = dyad_doc_event_count(d);
    char date[9] = "";
    for (size_t i = 0, k = 0; a->date && a->date[i] && k < 8; i++)
        if (a->date[i] != '-')
            date[k++] = a->date[i];
    int one = dyad_doc_sentence_count(d) == 1 && has_sent_suffix(a->id);
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++) {
            const dyad_event *p = dyad_doc_event(d, j);
            dup = !strcmp(p->source, e->source) && !strcmp(p->target, e->target) &&
                  !strcmp(p->code, e->code);
        }
        if (dup)
            continue;
        fprintf(f, "%s\t", date);
        put_petr_text(f, e->source);
        putc('\t', f);
        put_petr_text(f, e->target);
        fprintf(f, "\t%s\t\t", e->code);
        put_petr_text(f, a->id);
        if (!one)
            fprintf(f, "_%d", e->sentence);
        putc('\t', f);
        put_petr_text(f, a->outlet);
        putc('\t', f);
        put_petr_text(f, e->source_text);
        putc('\t', f);
        put_petr_text(f, e->target_text);
        putc('\t', f);
        put_petr_text(f, e->verb_text);
        putc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}

int dyad_write_events(FILE *f, dyad_format fmt, const dyad_article *a, const dyad_doc *d)
{
    if (!f || !a || !d)
        return -1;
    if (fmt == DYAD_FORMAT_PETRARCH)
        return write_petrarch(f, a, d);
    size_t n = dyad_doc_event_count(d);
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        if (e && dyad_emit_event(f, fmt, a, e) != 0)
            return -1;
    }
    return 0;
}
