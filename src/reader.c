/*
 * reader.c — article readers: plain text (one article per file, date from a
 * leading "date YYYY-MM-DD" token), JSON Lines (one article per line),
 * PETRARCH XML (one article per <Sentence>, read by src/petrxml.c) and
 * TABARI text records (one article per record, read by src/tabari_text.c).
 *
 * Every problem with a record is reported through the reject callback with
 * the file, 1-based line and byte offset (-1 for XML and TABARI records,
 * whose text is not the file's bytes) and a reason in plain words; the
 * reader then goes on with the next record (malformed XML ends the file:
 * libxml2 cannot go on). Nothing here prints or exits.
 */
#include "reader.h"

#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "petrxml.h"
#include "tabari_text.h"
#include "utf8.h"

/* ------------------------------------------------------------ small helpers */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int lower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int dyad_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!is_space((unsigned char)s[i]))
            return 0;
    return 1;
}

long dyad_line_of(const char *s, size_t len, size_t off)
{
    long line = 1;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n')
            line++;
    return line;
}

/* Copy src into dst[size] with NUL; if it does not fit, end with "..." cut
 * at a UTF-8 character boundary. */
static void copy_trunc(char *dst, size_t size, const char *src, size_t n)
{
    if (size == 0)
        return;
    if (n < size) {
        memcpy(dst, src, n);
        dst[n] = '\0';
        return;
    }
    size_t keep = size >= 4 ? size - 4 : 0;
    /* do not cut a multi-byte character: back up over continuation bytes */
    while (keep > 0 && ((unsigned char)src[keep] & 0xC0) == 0x80)
        keep--;
    memcpy(dst, src, keep);
    if (size >= 4)
        memcpy(dst + keep, "...", 4);
    else
        dst[keep] = '\0';
}

void dyad_error_vsetf(dyad_error *e, dyad_status code, const char *file, long line,
                      long offset, const char *fmt, va_list ap)
{
    if (!e)
        return;
    e->code = code;
    if (!file)
        file = "";
    copy_trunc(e->file, sizeof e->file, file, strlen(file));
    e->line = line;
    e->offset = offset;
    char tmp[sizeof e->message + 8];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (n < 0) {
        copy_trunc(e->message, sizeof e->message, "(message could not be formatted)",
                   strlen("(message could not be formatted)"));
        return;
    }
    /* n may exceed what tmp holds; copy_trunc only reads below sizeof e->message then */
    copy_trunc(e->message, sizeof e->message, tmp, (size_t)n);
}

void dyad_error_setf(dyad_error *e, dyad_status code, const char *file, long line, long offset,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dyad_error_vsetf(e, code, file, line, offset, fmt, ap);
    va_end(ap);
}

/* A short printable rendering of user bytes for messages: at most 40 bytes,
 * non-printable bytes as \xNN, '"' and '\\' escaped. out must hold 200. */
static void snippet(char out[200], const char *s, size_t len)
{
    size_t o = 0;
    size_t lim = len > 40 ? 40 : len;
    for (size_t i = 0; i < lim; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c < 0x20 || c >= 0x7F) {
            snprintf(out + o, 5, "\\x%02X", c);
            o += 4;
        } else {
            out[o++] = (char)c;
        }
    }
    if (len > lim) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
}

/* ------------------------------------------------------------------- dates */

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

long dyad_date_ymd(const char *s)
{
    char norm[11];
    if (!s || strlen(s) != 10 || s[4] != '-' || dyad_date_parse(s, 10, norm) != DYAD_DATE_OK)
        return 0;
    return atol(norm) * 10000 + atol(norm + 5) * 100 + atol(norm + 8);
}

int dyad_date_parse(const char *s, size_t len, char out[11])
{
    const char *y, *m, *d;
    if (!s)
        return DYAD_DATE_SYNTAX;
    if (len == 10) {
        if (s[4] != '-' || s[7] != '-')
            return DYAD_DATE_SYNTAX;
        for (size_t i = 0; i < 10; i++)
            if (i != 4 && i != 7 && !is_digit((unsigned char)s[i]))
                return DYAD_DATE_SYNTAX;
        y = s, m = s + 5, d = s + 8;
    } else if (len == 8) {
        for (size_t i = 0; i < 8; i++)
            if (!is_digit((unsigned char)s[i]))
                return DYAD_DATE_SYNTAX;
        y = s, m = s + 4, d = s + 6;
    } else {
        return DYAD_DATE_SYNTAX;
    }
    int yy = num(y, 4), mm = num(m, 2), dd = num(d, 2);
    if (yy < 1 || mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm))
        return DYAD_DATE_INVALID;
    memcpy(out, y, 4);
    out[4] = '-';
    memcpy(out + 5, m, 2);
    out[7] = '-';
    memcpy(out + 8, d, 2);
    out[10] = '\0';
    return DYAD_DATE_OK;
}

/* Message text for a bad date; `what` says where it came from
 * (" in field \"date\"", or "" for the date override). */
static void bad_date(dyad_error *e, const char *file, long line, long off, const char *what,
                     const char *s, size_t len, int why)
{
    char sn[200];
    snippet(sn, s, len);
    if (why == DYAD_DATE_INVALID)
        dyad_error_setf(e, DYAD_ERR_BAD_DATE, file, line, off,
                        "bad date \"%s\"%s: no such day in the calendar", sn, what);
    else
        dyad_error_setf(e, DYAD_ERR_BAD_DATE, file, line, off,
                        "bad date \"%s\"%s: expected YYYY-MM-DD or YYYYMMDD", sn, what);
}

int dyad_find_date_token(const char *text, size_t len, size_t *tok_start, size_t *tok_end,
                         size_t *val_start, size_t *val_end)
{
    size_t i = 0;
    for (;;) {
        if (i < len && is_space((unsigned char)text[i])) {
            i++;
        } else if (i + 3 <= len && (unsigned char)text[i] == 0xEF &&
                   (unsigned char)text[i + 1] == 0xBB && (unsigned char)text[i + 2] == 0xBF) {
            i += 3; /* byte-order mark */
        } else {
            break;
        }
    }
    size_t ts = i;
    static const char kw[] = "date";
    for (size_t k = 0; k < 4; k++, i++)
        if (i >= len || lower_ascii((unsigned char)text[i]) != kw[k])
            return 0;
    if (i < len && text[i] == ':')
        i++;
    if (i >= len || !is_space((unsigned char)text[i]))
        return 0;
    while (i < len && is_space((unsigned char)text[i]))
        i++;
    size_t vs = i;
    while (i < len && (is_digit((unsigned char)text[i]) || text[i] == '-'))
        i++;
    if (i == vs || (i < len && !is_space((unsigned char)text[i])))
        return 0;
    if (tok_start)
        *tok_start = ts;
    if (tok_end)
        *tok_end = i;
    if (val_start)
        *val_start = vs;
    if (val_end)
        *val_end = i;
    return 1;
}

/* -------------------------------------------------------- UTF-8 and binary */

int dyad_looks_binary(const char *str, size_t len, size_t *at, int *nul)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t ctrl = 0, first = (size_t)-1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c == 0) {
            if (at)
                *at = i;
            if (nul)
                *nul = 1;
            return 1;
        }
        if ((c < 0x20 && !is_space(c) && c != 0x1B) || c == 0x7F) {
            if (first == (size_t)-1)
                first = i;
            ctrl++;
        }
    }
    if (ctrl >= 4 && ctrl >= len / 50) {
        if (at)
            *at = first;
        if (nul)
            *nul = 0;
        return 1;
    }
    return 0;
}

/* ----------------------------------------------------------- names and ids */

static const char *base_name(const char *name)
{
    const char *b = name;
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == '\\')
            b = p + 1;
    return b;
}

char *dyad_id_from_name(const char *name)
{
    const char *src;
    size_t n;
    if (!name || strcmp(name, "-") == 0) {
        src = "stdin";
        n = 5;
    } else {
        src = base_name(name);
        n = strlen(src);
        const char *dot = strrchr(src, '.');
        if (dot && dot != src)
            n = (size_t)(dot - src);
        if (n == 0) {
            src = "article";
            n = 7;
        }
    }
    char *id = malloc(n + 1);
    if (!id)
        return NULL;
    memcpy(id, src, n);
    id[n] = '\0';
    return id;
}

/* Is the extension at `dot` exactly `ext` (lower case), in any case? */
static int ext_is(const char *dot, const char *ext)
{
    size_t i = 0;
    for (; ext[i] && dot[i]; i++)
        if (lower_ascii((unsigned char)dot[i]) != ext[i])
            return 0;
    return ext[i] == '\0' && dot[i] == '\0';
}

dyad_input_format dyad_input_format_for(const char *name)
{
    if (!name)
        return DYAD_INPUT_TEXT;
    const char *b = base_name(name);
    const char *dot = strrchr(b, '.');
    if (!dot || dot == b)
        return DYAD_INPUT_TEXT;
    if (ext_is(dot, ".jsonl"))
        return DYAD_INPUT_JSONL;
    if (ext_is(dot, ".xml"))
        return DYAD_INPUT_PETRARCH_XML;
    return DYAD_INPUT_TEXT;
}

/* ------------------------------------------------------------- the readers */

typedef struct reader {
    const char *name;      /* file name as given, for messages */
    const char *override;  /* normalised date override or NULL */
    dyad_article_fn on_article;
    dyad_reject_fn on_reject;
    void *ctx;
} reader;

static void reject(const reader *r, dyad_status code, long line, long offset, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));

static void reject(const reader *r, dyad_status code, long line, long offset, const char *fmt,
                   ...)
{
    if (!r->on_reject)
        return;
    dyad_error e;
    memset(&e, 0, sizeof e);
    va_list ap;
    va_start(ap, fmt);
    dyad_error_vsetf(&e, code, r->name, line, offset, fmt, ap);
    va_end(ap);
    r->on_reject(r->ctx, &e);
}

/* Checks shared by both formats on an article's text. `base` is the byte
 * offset of text in the file and `line0` the line it starts on (JSONL: the
 * record's line; text in a JSON string has its own lines, so every
 * position in it is reported on the record's line). `src`/`src_len` is
 * the raw buffer that line numbers are counted in (text format), or NULL.
 * Returns 1 when the text is fine. */
static int check_text(const reader *r, const char *text, size_t len, long base, long line0,
                      const char *src, size_t src_len, const char *where)
{
    size_t at;
    int nul;
    if (dyad_looks_binary(text, len, &at, &nul)) {
        long line = src ? dyad_line_of(src, src_len, at) : line0;
        if (nul)
            reject(r, DYAD_ERR_BINARY, line, base + (long)at,
                   "%s contains a NUL byte at byte %ld (line %ld): looks like binary data, "
                   "not text",
                   where, base + (long)at, line);
        else
            reject(r, DYAD_ERR_BINARY, line, base + (long)at,
                   "%s has many control characters (first at byte %ld, line %ld): looks like "
                   "binary data, not text",
                   where, base + (long)at, line);
        return 0;
    }
    long bad = dyad_utf8_validate(text, len);
    if (bad >= 0) {
        at = (size_t)bad;
        long line = src ? dyad_line_of(src, src_len, at) : line0;
        reject(r, DYAD_ERR_BAD_UTF8, line, base + (long)at,
               "%s is not valid UTF-8 at byte %ld (line %ld): byte 0x%02X; save the file as "
               "UTF-8",
               where, base + (long)at, line, (unsigned)(unsigned char)text[at]);
        return 0;
    }
    return 1;
}

/* Is there news text besides whitespace and a leading date token? */
static int has_news_text(const char *text, size_t len)
{
    size_t ts, te, vs, ve;
    if (dyad_find_date_token(text, len, &ts, &te, &vs, &ve))
        return !dyad_is_blank(text + te, len - te);
    /* a lone byte-order mark counts as blank too */
    size_t i = 0;
    while (i < len && is_space((unsigned char)text[i]))
        i++;
    if (i + 3 <= len && memcmp(text + i, "\xEF\xBB\xBF", 3) == 0)
        i += 3;
    return !dyad_is_blank(text + i, len - i);
}

static dyad_status read_text(const reader *r, const char *buf, size_t len, int *stop)
{
    if (!check_text(r, buf, len, 0, 1, buf, len, "the file"))
        return DYAD_OK;
    if (!has_news_text(buf, len)) {
        reject(r, DYAD_ERR_EMPTY, 0, -1,
               len == 0 ? "the file is empty: no article text"
                        : "no article text (the file holds only whitespace or a date token)");
        return DYAD_OK;
    }
    char date[11];
    if (r->override) {
        memcpy(date, r->override, sizeof date);
    } else {
        size_t ts, te, vs, ve;
        if (!dyad_find_date_token(buf, len, &ts, &te, &vs, &ve)) {
            reject(r, DYAD_ERR_BAD_DATE, 0, -1,
                   "no date: the text does not start with \"date YYYY-MM-DD\" and no date "
                   "was given for it");
            return DYAD_OK;
        }
        int why = dyad_date_parse(buf + vs, ve - vs, date);
        if (why != DYAD_DATE_OK) {
            dyad_error e;
            memset(&e, 0, sizeof e);
            bad_date(&e, r->name, dyad_line_of(buf, len, vs), (long)vs,
                     " in the leading date token", buf + vs, ve - vs, why);
            if (r->on_reject)
                r->on_reject(r->ctx, &e);
            return DYAD_OK;
        }
    }
    char *id = dyad_id_from_name(r->name);
    if (!id)
        return DYAD_ERR_NOMEM;
    dyad_article a = {id, date, NULL, NULL, buf, len, NULL, 0};
    if (r->on_article && r->on_article(r->ctx, &a))
        *stop = 1;
    free(id);
    return DYAD_OK;
}

/* Optional string field: NULL if absent, null or ""; -1 on a wrong type. */
static int opt_string(json_t *obj, const char *key, const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    if (json_string_length(v) > 0)
        *out = json_string_value(v);
    return 0;
}

static const char *json_type_word(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "a value";
}

/* One JSONL record. Returns DYAD_ERR_NOMEM only on allocation failure. */
static dyad_status read_record(const reader *r, const char *line, size_t len, long lineno,
                               long base, int *stop)
{
    size_t at;
    int nul;
    if (dyad_looks_binary(line, len, &at, &nul)) {
        reject(r, DYAD_ERR_BINARY, lineno, base + (long)at,
               "%s at byte %ld (line %ld): this record looks like binary data",
               nul ? "NUL byte" : "control characters, the first", base + (long)at, lineno);
        return DYAD_OK;
    }
    long bad = dyad_utf8_validate(line, len);
    if (bad >= 0) {
        reject(r, DYAD_ERR_BAD_UTF8, lineno, base + bad,
               "not valid UTF-8 at byte %ld (line %ld): byte 0x%02X; save the file as UTF-8",
               base + bad, lineno, (unsigned)(unsigned char)line[bad]);
        return DYAD_OK;
    }
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!obj) {
        reject(r, DYAD_ERR_FORMAT, lineno, base + (jerr.position > 0 ? jerr.position - 1 : 0),
               "bad JSON at column %d: %s", jerr.column, jerr.text);
        return DYAD_OK;
    }
    char idbuf[64];
    const char *id = NULL, *outlet = NULL, *url = NULL;
    char date[11];
    if (!json_is_object(obj)) {
        reject(r, DYAD_ERR_FORMAT, lineno, base, "expected a JSON object, found %s",
               json_type_word(obj));
        goto done;
    }
    /* id */
    json_t *v = json_object_get(obj, "id");
    if (!v || json_is_null(v)) {
        reject(r, DYAD_ERR_FORMAT, lineno, base, "missing field \"id\"");
        goto done;
    } else if (json_is_string(v)) {
        if (dyad_is_blank(json_string_value(v), json_string_length(v))) {
            reject(r, DYAD_ERR_FORMAT, lineno, base, "empty field \"id\"");
            goto done;
        }
        if (strlen(json_string_value(v)) != json_string_length(v)) {
            reject(r, DYAD_ERR_FORMAT, lineno, base, "field \"id\" contains a NUL character");
            goto done;
        }
        id = json_string_value(v);
    } else if (json_is_integer(v)) {
        snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        id = idbuf;
    } else if (json_is_real(v) && json_real_value(v) == (double)(long long)json_real_value(v) &&
               json_real_value(v) > -9e15 && json_real_value(v) < 9e15) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_real_value(v));
        id = idbuf;
    } else {
        reject(r, DYAD_ERR_FORMAT, lineno, base,
               "field \"id\" must be a string or an integer, found %s", json_type_word(v));
        goto done;
    }
    /* date */
    if (r->override) {
        memcpy(date, r->override, sizeof date);
    } else {
        v = json_object_get(obj, "date");
        if (!v || json_is_null(v)) {
            reject(r, DYAD_ERR_BAD_DATE, lineno, base, "missing field \"date\"");
            goto done;
        }
        if (!json_is_string(v)) {
            reject(r, DYAD_ERR_BAD_DATE, lineno, base,
                   "field \"date\" must be a string \"YYYY-MM-DD\", found %s",
                   json_type_word(v));
            goto done;
        }
        if (json_string_length(v) == 0) {
            reject(r, DYAD_ERR_BAD_DATE, lineno, base, "empty field \"date\"");
            goto done;
        }
        int why = dyad_date_parse(json_string_value(v), json_string_length(v), date);
        if (why != DYAD_DATE_OK) {
            dyad_error e;
            memset(&e, 0, sizeof e);
            bad_date(&e, r->name, lineno, base, " in field \"date\"", json_string_value(v),
                     json_string_length(v), why);
            if (r->on_reject)
                r->on_reject(r->ctx, &e);
            goto done;
        }
    }
    /* outlet, url */
    if (opt_string(obj, "outlet", &outlet) < 0 || opt_string(obj, "url", &url) < 0) {
        reject(r, DYAD_ERR_FORMAT, lineno, base, "fields \"outlet\" and \"url\" must be strings");
        goto done;
    }
    /* text */
    v = json_object_get(obj, "text");
    if (!v || json_is_null(v)) {
        reject(r, DYAD_ERR_FORMAT, lineno, base, "missing field \"text\"");
        goto done;
    }
    if (!json_is_string(v)) {
        reject(r, DYAD_ERR_FORMAT, lineno, base, "field \"text\" must be a string, found %s",
               json_type_word(v));
        goto done;
    }
    const char *text = json_string_value(v);
    size_t tlen = json_string_length(v);
    if (!check_text(r, text, tlen, base, lineno, NULL, 0, "field \"text\""))
        goto done;
    if (!has_news_text(text, tlen)) {
        reject(r, DYAD_ERR_EMPTY, lineno, base,
               tlen == 0 ? "empty field \"text\""
                         : "field \"text\" holds only whitespace or a date token");
        goto done;
    }
    dyad_article a = {id, date, outlet, url, text, tlen, NULL, 0};
    if (r->on_article && r->on_article(r->ctx, &a))
        *stop = 1;
done:
    json_decref(obj);
    return DYAD_OK;
}

/* The offset of the first byte after a UTF-8 byte-order mark and blanks. */
static size_t first_content(const char *buf, size_t len)
{
    size_t first = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        first = 3;
    while (first < len && is_space((unsigned char)buf[first]))
        first++;
    return first;
}

/* A binary file would give one error per record: say it once. A file that
 * starts as its format does (`starts_ok`) and has a binary byte in some
 * record loses only that record. Returns 1 when the file was rejected. */
static int reject_binary_file(const reader *r, const char *buf, size_t len, int starts_ok,
                              const char *format)
{
    size_t at;
    int nul;
    if (starts_ok || !dyad_looks_binary(buf, len, &at, &nul))
        return 0;
    long line = dyad_line_of(buf, len, at);
    reject(r, DYAD_ERR_BINARY, line, (long)at,
           "%s at byte %ld (line %ld): looks like binary data, not %s",
           nul ? "NUL byte" : "many control characters, the first", (long)at, line, format);
    return 1;
}

static dyad_status read_jsonl(const reader *r, const char *buf, size_t len, int *stop)
{
    /* A JSON Lines file starts with "{" (after blanks or a byte-order mark) */
    size_t first = first_content(buf, len);
    if (reject_binary_file(r, buf, len, first < len && buf[first] == '{', "JSON Lines"))
        return DYAD_OK;
    size_t pos = 0;
    long lineno = 0;
    int any = 0;
    while (pos < len && !*stop) {
        lineno++;
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) : len;
        size_t n = end - pos;
        if (n > 0 && buf[pos + n - 1] == '\r')
            n--;
        /* skip a byte-order mark on the first line */
        size_t skip = 0;
        if (lineno == 1 && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
            skip = 3;
        if (!dyad_is_blank(buf + pos + skip, n - skip)) {
            any = 1;
            dyad_status st =
                read_record(r, buf + pos + skip, n - skip, lineno, (long)(pos + skip), stop);
            if (st != DYAD_OK)
                return st;
        }
        pos = nl ? end + 1 : len;
    }
    if (!any)
        reject(r, DYAD_ERR_EMPTY, 0, -1,
               len == 0 ? "the file is empty: no articles"
                        : "no articles: the file holds only blank lines");
    return DYAD_OK;
}

/* ------------------------------------------------ records of the peers' formats */

/* An input that holds nothing but blanks (and a byte-order mark). */
static void reject_blank_file(const reader *r, size_t len)
{
    reject(r, DYAD_ERR_EMPTY, 0, -1,
           len == 0 ? "the file is empty: no articles"
                    : "no articles: the file holds only whitespace");
}

/* Checks on one field of a record whose bytes are not the file's own (XML
 * decoded by libxml2, TABARI lines joined), so no file offset is given:
 * binary data and UTF-8. `who` names the record. Returns 1 when fine. */
static int field_ok(const reader *r, long line, const char *who, const char *what,
                    const char *s, size_t len)
{
    size_t at;
    int nul;
    if (dyad_looks_binary(s, len, &at, &nul)) {
        reject(r, DYAD_ERR_BINARY, line, -1,
               "%s: %s %s (at its byte %zu): looks like binary data, not text", who, what,
               nul ? "contains a NUL byte" : "has many control characters, the first", at);
        return 0;
    }
    long bad = dyad_utf8_validate(s, len);
    if (bad >= 0) {
        reject(r, DYAD_ERR_BAD_UTF8, line, -1,
               "%s: %s is not valid UTF-8 at its byte %ld (byte 0x%02X); save the file as "
               "UTF-8",
               who, what, bad, (unsigned)(unsigned char)s[bad]);
        return 0;
    }
    return 1;
}

/* "record \"ID\"" (the id shortened and escaped), or "the record". */
static void record_name(char out[220], const char *id)
{
    char sid[200];
    if (!id || !id[0]) {
        snprintf(out, 220, "the record");
        return;
    }
    snippet(sid, id, strlen(id));
    snprintf(out, 220, "record \"%s\"", sid);
}

/* ------------------------------------------------------------ PETRARCH XML */

/* A PETRARCH date attribute: YYYYMMDD, YYYY-MM-DD or YYMMDD (00-30 is 20YY,
 * the rest 19YY, as PETRARCH and TABARI read it), blanks around it allowed.
 * Returns DYAD_DATE_* as dyad_date_parse does. */
static int xml_date(const char *s, char out[11])
{
    size_t n = strlen(s);
    while (n > 0 && is_space((unsigned char)*s))
        s++, n--;
    while (n > 0 && is_space((unsigned char)s[n - 1]))
        n--;
    if (n != 6)
        return dyad_date_parse(s, n, out);
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]))
            return DYAD_DATE_SYNTAX;
    return dyad_tabari_date(s, n, out) == 0 ? DYAD_DATE_OK : DYAD_DATE_INVALID;
}

/* The date of a <Sentence> (or the override) into date[11]; 0 after a reject. */
static int xml_record_date(const reader *r, const dyad_px_record *rec, const char *who,
                           char date[11])
{
    if (r->override) {
        memcpy(date, r->override, 11);
        return 1;
    }
    if (!rec->date) {
        reject(r, DYAD_ERR_BAD_DATE, rec->line, -1, "%s has no \"date\" attribute", who);
        return 0;
    }
    int why = xml_date(rec->date, date);
    if (why == DYAD_DATE_OK)
        return 1;
    char sn[200];
    snippet(sn, rec->date, strlen(rec->date));
    reject(r, DYAD_ERR_BAD_DATE, rec->line, -1, "%s: bad date \"%s\" in attribute \"date\": %s",
           who, sn,
           why == DYAD_DATE_INVALID ? "no such day in the calendar"
                                    : "expected YYYYMMDD, YYYY-MM-DD or YYMMDD");
    return 0;
}

/* The article's text, and its parse when the <Parse> is a Penn Treebank
 * one (a CoNLL-U or other parse is not used). 0 after a reject. */
static int xml_record_text(const reader *r, const dyad_px_record *rec, const char *who,
                           dyad_article *a)
{
    if (!rec->text) {
        reject(r, DYAD_ERR_FORMAT, rec->line, -1, "%s has no <Text>", who);
        return 0;
    }
    if (!field_ok(r, rec->line, who, "<Text>", rec->text, rec->text_len))
        return 0;
    if (!has_news_text(rec->text, rec->text_len)) {
        /* PETRARCH codes from the <Parse> alone; dyad needs the text too */
        reject(r, DYAD_ERR_EMPTY, rec->line, -1, "%s: %s%s", who,
               rec->text_len == 0 ? "empty <Text>" : "<Text> holds only a date token",
               rec->parse ? " (a <Parse> alone is not enough: dyad needs the sentence text)"
                          : "");
        return 0;
    }
    a->text = rec->text;
    a->text_len = rec->text_len;
    if (rec->parse && rec->parse_kind == DYAD_PX_PARSE_PTB) {
        long line = rec->parse_line > 0 ? rec->parse_line : rec->line;
        if (!field_ok(r, line, who, "<Parse>", rec->parse, rec->parse_len))
            return 0;
        a->parse = rec->parse;
        a->parse_len = rec->parse_len;
    }
    return 1;
}

/* One <Sentence>: an article, or one reject. */
static void xml_record(const reader *r, const dyad_px_record *rec, int *stop)
{
    char who[220];
    if (!rec->id || dyad_is_blank(rec->id, strlen(rec->id))) {
        reject(r, DYAD_ERR_FORMAT, rec->line, -1, "<Sentence> %s: the record was not read",
               rec->id ? "with an empty \"id\" attribute" : "without an \"id\" attribute");
        return;
    }
    record_name(who, rec->id);
    if (rec->problem) {
        reject(r, DYAD_ERR_FORMAT, rec->line, -1, "%s was not read: %s", who, rec->problem);
        return;
    }
    char date[11];
    dyad_article a = {rec->id, date, NULL, NULL, NULL, 0, NULL, 0};
    if (!xml_record_date(r, rec, who, date) || !xml_record_text(r, rec, who, &a))
        return;
    if (rec->source && rec->source[0])
        a.outlet = rec->source;
    if (r->on_article && r->on_article(r->ctx, &a))
        *stop = 1;
}

/* The ERROR item: one reject, which also stands for the rest of the input.
 * DYAD_ERR_NOMEM when the XML reader ran out of memory, else DYAD_OK. */
static dyad_status xml_error(const reader *r, const dyad_px_item *it)
{
    const char *msg = it->error ? it->error : "malformed XML";
    if (it->line <= 0 && strstr(msg, "out of memory"))
        return DYAD_ERR_NOMEM;
    /* "line N: message": the line goes into the reject, not its text */
    const char *colon = strstr(msg, ": ");
    if (it->line > 0 && strncmp(msg, "line ", 5) == 0 && colon)
        msg = colon + 2;
    reject(r, DYAD_ERR_FORMAT, it->line, -1, "bad XML: %s; the rest of the file was not read",
           msg);
    return DYAD_OK;
}

static dyad_status xml_items(const reader *r, dyad_petrxml *px, int *stop)
{
    dyad_px_item it;
    int any = 0;
    for (;;) {
        dyad_px_kind k = dyad_petrxml_next(px, &it);
        if (k == DYAD_PX_END)
            break;
        if (k == DYAD_PX_ERROR)
            return xml_error(r, &it);
        if (k != DYAD_PX_RECORD)
            continue; /* <Environment> and <Config> are not articles */
        any = 1;
        xml_record(r, &it.rec, stop);
        if (*stop)
            return DYAD_OK;
    }
    if (!any)
        reject(r, DYAD_ERR_EMPTY, 0, -1, "no articles: the file holds no <Sentence> records");
    return DYAD_OK;
}

/* Could the input be XML: '<' first (after a byte-order mark and blanks),
 * or UTF-16, which libxml2 reads too (a byte-order mark, or "\0<")? */
static int starts_like_xml(const char *buf, size_t len)
{
    if (len >= 2 && (memcmp(buf, "\xFF\xFE", 2) == 0 || memcmp(buf, "\xFE\xFF", 2) == 0 ||
                     memcmp(buf, "\0<", 2) == 0))
        return 1;
    size_t first = first_content(buf, len);
    return first < len && buf[first] == '<';
}

/* PETRARCH XML. libxml2 is set up (xmlInitParser) by the first reader
 * opened: petrxml.h wants that on the main thread before others start. */
static dyad_status read_xml(const reader *r, const char *buf, size_t len, int *stop)
{
    if (first_content(buf, len) == len) {
        reject_blank_file(r, len);
        return DYAD_OK;
    }
    if (reject_binary_file(r, buf, len, starts_like_xml(buf, len), "XML"))
        return DYAD_OK;
    dyad_petrxml *px = dyad_petrxml_open_memory(buf, len, 0);
    if (!px)
        return DYAD_ERR_NOMEM;
    dyad_status st = xml_items(r, px, stop);
    dyad_petrxml_close(px);
    return st;
}

/* ------------------------------------------------------------------ TABARI */

/* The problems of a TABARI record that change or lose its text are a
 * reject (those of its validation expectations do not matter here).
 * Returns 1 when the record was rejected. */
static int tabari_problem(const reader *r, const dyad_tabari_record *rec, const char *who)
{
    for (size_t i = 0; i < rec->n_problems; i++) {
        const dyad_tabari_problem *p = &rec->problems[i];
        if (p->kind == DYAD_TABARI_P_NUL) {
            reject(r, DYAD_ERR_BINARY, p->line, -1,
                   "%s contains a NUL byte (line %ld): looks like binary data, not text", who,
                   p->line);
            return 1;
        }
        if (p->kind == DYAD_TABARI_P_ENCODING) {
            reject(r, DYAD_ERR_BAD_UTF8, p->line, -1,
                   "%s is not valid UTF-8 (line %ld); save the file as UTF-8", who, p->line);
            return 1;
        }
        if (p->kind == DYAD_TABARI_P_COMMENT) {
            reject(r, DYAD_ERR_FORMAT, p->line, -1,
                   "%s: %s, so its text may be cut short: the record was not read", who,
                   p->message);
            return 1;
        }
    }
    return 0;
}

/* The date of a TABARI header (or the override) into date[11]; 0 after a
 * reject. */
static int tabari_record_date(const reader *r, const dyad_tabari_record *rec, const char *who,
                              char date[11])
{
    const char *d = r->override ? r->override : rec->date;
    if (d && strlen(d) == 10) {
        memcpy(date, d, 11);
        return 1;
    }
    const char *raw = rec->date_raw ? rec->date_raw : "";
    size_t n = strlen(raw);
    char sn[200];
    snippet(sn, raw, n);
    reject(r, DYAD_ERR_BAD_DATE, rec->line, -1, "%s: bad date \"%s\" in the header: %s", who, sn,
           n == 6 || n == 8 ? "no such day in the calendar" : "expected YYMMDD or YYYYMMDD");
    return 0;
}

/* One TABARI record: an article, a reject, or nothing (a record of option
 * commands, or one of comments only). Returns 0 for nothing, else 1. */
static int tabari_record(const reader *r, const dyad_tabari_record *rec, int *stop)
{
    if (rec->stray) {
        reject(r, DYAD_ERR_FORMAT, rec->line, -1,
               "text outside a record (lines %ld-%ld, no \"YYMMDD ID\" header line before "
               "it): not read",
               rec->line, rec->last_line);
        return 1;
    }
    if (rec->n_options > 0)
        return 0;
    char who[220];
    record_name(who, rec->id_word);
    if (tabari_problem(r, rec, who))
        return 1;
    if (dyad_is_blank(rec->text, rec->text_len)) {
        if (rec->has_comment)
            return 0;
        reject(r, DYAD_ERR_EMPTY, rec->line, -1,
               "%s has no text (the header line must be followed by the text, up to a blank "
               "line)",
               who);
        return 1;
    }
    if (!rec->id_word || !rec->id_word[0]) {
        reject(r, DYAD_ERR_FORMAT, rec->line, -1,
               "the header has no record id after the date (\"YYMMDD ID\"): the record was "
               "not read");
        return 1;
    }
    char date[11];
    if (!tabari_record_date(r, rec, who, date) ||
        !field_ok(r, rec->line, who, "the text", rec->text, rec->text_len))
        return 1;
    dyad_article a = {rec->id_word, date, NULL, NULL, rec->text, rec->text_len, NULL, 0};
    if (r->on_article && r->on_article(r->ctx, &a))
        *stop = 1;
    return 1;
}

/* TABARI text records (src/tabari_text.h). */
static dyad_status read_tabari(const reader *r, const char *buf, size_t len, int *stop)
{
    size_t first = first_content(buf, len);
    if (first == len) {
        reject_blank_file(r, len);
        return DYAD_OK;
    }
    /* a TABARI file starts with a header ("YYMMDD ID") or a '#' comment */
    int starts_ok = is_digit((unsigned char)buf[first]) || buf[first] == '#';
    if (reject_binary_file(r, buf, len, starts_ok, "TABARI text"))
        return DYAD_OK;
    dyad_tabari_reader *tr = dyad_tabari_reader_new(buf, len);
    if (!tr)
        return DYAD_ERR_NOMEM;
    const dyad_tabari_record *rec;
    int rc = 0, any = 0;
    while (!*stop && (rc = dyad_tabari_next(tr, &rec)) == 1)
        any |= tabari_record(r, rec, stop);
    dyad_tabari_reader_free(tr);
    if (rc < 0)
        return DYAD_ERR_NOMEM;
    if (!any)
        reject(r, DYAD_ERR_EMPTY, 0, -1,
               "no articles: the file holds no TABARI record with text (only comments or "
               "option records)");
    return DYAD_OK;
}

dyad_status dyad_read_articles(const char *name, const char *buf, size_t len,
                               dyad_input_format fmt, const char *date_override,
                               dyad_article_fn on_article, dyad_reject_fn on_reject, void *ctx)
{
    if (!buf && len > 0)
        return DYAD_ERR_INVALID_ARG;
    if (!buf)
        buf = "";
    if (!name)
        name = "-";
    reader r = {name, NULL, on_article, on_reject, ctx};
    char override[11];
    if (date_override) {
        int why = dyad_date_parse(date_override, strlen(date_override), override);
        if (why != DYAD_DATE_OK) {
            if (on_reject) {
                dyad_error e;
                memset(&e, 0, sizeof e);
                bad_date(&e, name, 0, -1, "", date_override,
                         strlen(date_override), why);
                on_reject(ctx, &e);
            }
            return DYAD_ERR_BAD_DATE;
        }
        r.override = override;
    }
    if (fmt == DYAD_INPUT_AUTO)
        fmt = dyad_input_format_for(name);
    int stop = 0;
    switch (fmt) {
    case DYAD_INPUT_TEXT:
        return read_text(&r, buf, len, &stop);
    case DYAD_INPUT_JSONL:
        return read_jsonl(&r, buf, len, &stop);
    case DYAD_INPUT_PETRARCH_XML:
        return read_xml(&r, buf, len, &stop);
    case DYAD_INPUT_TABARI:
        return read_tabari(&r, buf, len, &stop);
    case DYAD_INPUT_AUTO:
        break;
    }
    return DYAD_ERR_INVALID_ARG;
}
