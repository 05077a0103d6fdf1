/*
 * tabari_text.c — TABARI input text and validation records, .options and
 * .project files (see tabari_text.h for the formats and the memory rules).
 *
 * Every reader works in one pass over the caller's buffer, line by line
 * (LF, CRLF or CR), and copies what it keeps into an arena: nothing is cut
 * to a fixed size, and every oddity becomes a problem with its line.
 */
#include "tabari_text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "reader.h"
#include "utf8.h"

/* A record keeps at most this many {...} items and problems; past that one
 * more problem says how many were left out. Bounds the memory a hostile
 * comment ("{{{{...") can cost to a small multiple of the input. */
#define MAX_ITEMS 4096
#define MAX_PROBLEMS 256

/* ------------------------------------------------------------ small helpers */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\0';
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Trim [*s, *s + *n) of spaces (and NULs, which read as spaces). */
static void trim(const char **s, size_t *n)
{
    while (*n > 0 && is_space((unsigned char)(*s)[0])) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && is_space((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* A blank line: only spaces, tabs, CR, FF, VT (a NUL is not blank: it is
 * reported where it stands). */
static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\0' || !is_space((unsigned char)s[i]))
            return 0;
    return 1;
}

/* Case-insensitive: does hay[0, n) hold the NUL-terminated needle? */
static int contains_ci(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0)
        return 1;
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && lower((unsigned char)hay[i + k]) == lower((unsigned char)needle[k]))
            k++;
        if (k == m)
            return 1;
    }
    return 0;
}

/* Next line of buf from *pos: [*s, *s + *n) without its end (LF, CRLF or a
 * lone CR). Returns 0 at the end of the buffer. */
static int next_line(const char *buf, size_t len, size_t *pos, const char **s, size_t *n)
{
    size_t i = *pos;
    if (i >= len)
        return 0;
    size_t st = i;
    while (i < len && buf[i] != '\n' && buf[i] != '\r')
        i++;
    *s = buf + st;
    *n = i - st;
    if (i < len)
        i += buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n' ? 2 : 1;
    *pos = i;
    return 1;
}

/* Number of line ends in buf[from, to), counted as next_line splits. */
static long lines_between(const char *buf, size_t from, size_t to)
{
    long k = 0;
    for (size_t i = from; i < to; i++) {
        if (buf[i] == '\n')
            k++;
        else if (buf[i] == '\r' && !(i + 1 < to && buf[i + 1] == '\n'))
            k++;
    }
    return k;
}

/* Windows-1252 0x80..0x9F; the other bytes >= 0xA0 are Latin-1. */
static const uint16_t cp1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

/* ---------------------------------------------------------- growable bytes */

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static int sb_reserve(sbuf *b, size_t extra)
{
    if (extra <= b->cap - b->n)
        return 0;
    if (extra > SIZE_MAX / 2 - b->n)
        return -1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->n < extra)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

static int sb_putc(sbuf *b, char c)
{
    if (sb_reserve(b, 1))
        return -1;
    b->p[b->n++] = c;
    return 0;
}

/* Append s[0, n): NUL as a space; with conv, bytes >= 0x80 as Windows-1252
 * converted to UTF-8. */
static int sb_put(sbuf *b, const char *s, size_t n, int conv)
{
    if ((conv && n > SIZE_MAX / 3) || sb_reserve(b, conv ? n * 3 : n))
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0) {
            b->p[b->n++] = ' ';
        } else if (conv && c >= 0x80) {
            unsigned cp = c < 0xA0 ? cp1252[c - 0x80] : c;
            if (cp < 0x800) {
                b->p[b->n++] = (char)(0xC0 | (cp >> 6));
                b->p[b->n++] = (char)(0x80 | (cp & 0x3F));
            } else {
                b->p[b->n++] = (char)(0xE0 | (cp >> 12));
                b->p[b->n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                b->p[b->n++] = (char)(0x80 | (cp & 0x3F));
            }
        } else {
            b->p[b->n++] = (char)c;
        }
    }
    return 0;
}

/* Append s[0, n) trimmed, after one space when b is not empty. */
static int sb_piece(sbuf *b, const char *s, size_t n, int conv)
{
    trim(&s, &n);
    if (n == 0)
        return 0;
    if (b->n && sb_putc(b, ' '))
        return -1;
    return sb_put(b, s, n, conv);
}

/* A NUL-terminated arena copy of s[0, n), converted like sb_put. */
static char *adup(dyad_arena *a, sbuf *tmp, const char *s, size_t n, int conv)
{
    tmp->n = 0;
    if (sb_put(tmp, s, n, conv))
        return NULL;
    return dyad_arena_strndup(a, tmp->p ? tmp->p : "", tmp->n);
}

/* Grow an arena array of *cap elements to hold one more. */
static void *grow(dyad_arena *a, void *arr, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return arr;
    size_t nc = *cap ? *cap * 2 : 8;
    void *p = dyad_arena_grow(a, arr, n, nc, size);
    if (p)
        *cap = nc;
    return p;
}

/* ----------------------------------------------------------------- dates */

int dyad_tabari_date(const char *s, size_t len, char out[11])
{
    char d8[8];
    if (!s)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (!is_digit((unsigned char)s[i]))
            return -1;
    if (len == 6) {
        int yy = (s[0] - '0') * 10 + (s[1] - '0');
        const char *cent = yy <= DYAD_TABARI_YY_PIVOT ? "20" : "19";
        memcpy(d8, cent, 2);
        memcpy(d8 + 2, s, 6);
    } else if (len == 8) {
        memcpy(d8, s, 8);
    } else {
        return -1;
    }
    return dyad_date_parse(d8, 8, out) == DYAD_DATE_OK ? 0 : -1;
}

const char *dyad_tabari_problem_name(dyad_tabari_problem_kind k)
{
    switch (k) {
    case DYAD_TABARI_P_DATE: return "date";
    case DYAD_TABARI_P_COMMENT: return "comment";
    case DYAD_TABARI_P_BRACE: return "brace";
    case DYAD_TABARI_P_EMPTY: return "empty";
    case DYAD_TABARI_P_NUL: return "nul";
    case DYAD_TABARI_P_ENCODING: return "encoding";
    case DYAD_TABARI_P_STRAY: return "stray";
    case DYAD_TABARI_P_SYNTAX: return "syntax";
    case DYAD_TABARI_P_MISSING: return "missing";
    case DYAD_TABARI_P_LIMIT: return "limit";
    case DYAD_TABARI_P_OUTSIDE: return "outside";
    }
    return "unknown";
}

/* A printable rendering of at most 40 bytes for messages ("\xNN" for the
 * others), into the arena. */
static char *snip(dyad_arena *a, const char *s, size_t n)
{
    size_t lim = n > 40 ? 40 : n;
    char *out = dyad_arena_alloc(a, lim * 4 + 4);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < lim; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
            static const char hex[] = "0123456789ABCDEF";
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        } else {
            out[o++] = (char)c;
        }
    }
    if (n > lim) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

/* =============================================================== records */

struct dyad_tabari_reader {
    const char *buf;
    size_t len, pos;
    long line; /* number of the line that starts at pos */
    int failed;
    dyad_arena arena;
    dyad_tabari_record rec;
    sbuf text, comment, brace, tmp;
    /* per record, in the arena */
    dyad_tabari_item *items;
    size_t n_items, cap_items, lost_items;
    dyad_tabari_problem *probs;
    size_t n_probs, cap_probs, lost_probs;
    int conv; /* the record is read as Windows-1252 */
};

static int add_problem(dyad_tabari_reader *r, dyad_tabari_problem_kind k, long line,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int add_problem(dyad_tabari_reader *r, dyad_tabari_problem_kind k, long line,
                       const char *fmt, ...)
{
    if (r->n_probs >= MAX_PROBLEMS) {
        r->lost_probs++;
        return 0;
    }
    dyad_tabari_problem *p = grow(&r->arena, r->probs, r->n_probs, &r->cap_probs, sizeof *p);
    if (!p)
        return -1;
    r->probs = p;
    va_list ap;
    va_start(ap, fmt);
    char *msg = dyad_arena_vprintf(&r->arena, fmt, ap);
    va_end(ap);
    if (!msg)
        return -1;
    p[r->n_probs].kind = k;
    p[r->n_probs].line = line;
    p[r->n_probs].message = msg;
    r->n_probs++;
    return 0;
}

dyad_tabari_reader *dyad_tabari_reader_new(const char *buf, size_t len)
{
    dyad_tabari_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->buf = buf ? buf : "";
    r->len = buf ? len : 0;
    r->line = 1;
    dyad_arena_init(&r->arena);
    /* a UTF-8 byte-order mark before the first line */
    if (r->len >= 3 && (unsigned char)r->buf[0] == 0xEF && (unsigned char)r->buf[1] == 0xBB &&
        (unsigned char)r->buf[2] == 0xBF)
        r->pos = 3;
    return r;
}

void dyad_tabari_reader_free(dyad_tabari_reader *r)
{
    if (!r)
        return;
    dyad_arena_free(&r->arena);
    free(r->text.p);
    free(r->comment.p);
    free(r->brace.p);
    free(r->tmp.p);
    free(r);
}

/* Classify a finished brace's content and store the item. */
static int finish_item(dyad_tabari_reader *r, long line, int disabled, int closed,
                       const char *date, size_t date_len)
{
    if (r->n_items >= MAX_ITEMS) {
        r->lost_items++;
        return 0;
    }
    dyad_tabari_item *items = grow(&r->arena, r->items, r->n_items, &r->cap_items, sizeof *items);
    if (!items)
        return -1;
    r->items = items;
    dyad_tabari_item *it = &items[r->n_items];
    memset(it, 0, sizeof *it);
    const char *s = r->brace.p ? r->brace.p : "";
    size_t n = r->brace.n;
    trim(&s, &n);
    /* brace already holds converted bytes: copy as they are */
    char *raw = dyad_arena_strndup(&r->arena, s, n);
    if (!raw)
        return -1;
    it->raw = raw;
    it->line = line;
    it->disabled = disabled;
    it->closed = closed;
    if (n == 0) {
        it->kind = DYAD_TABARI_EMPTY;
    } else if (strcmp(raw, "+++") == 0) {
        it->kind = DYAD_TABARI_COMPLEX;
    } else if (strcmp(raw, "---") == 0) {
        it->kind = DYAD_TABARI_NO_EVENT;
    } else if (strcmp(raw, "###") == 0) {
        it->kind = DYAD_TABARI_DISCARD;
    } else if (strncmp(raw, "OPTION:", 7) == 0) {
        const char *o = raw + 7;
        size_t on = n - 7;
        trim(&o, &on);
        it->kind = DYAD_TABARI_OPTION;
        it->option = dyad_arena_strndup(&r->arena, o, on);
        if (!it->option)
            return -1;
    } else {
        /* SRC / TGT / CODE [/ ATTRIB]: every field non-empty */
        const char *f[5];
        size_t fl[5];
        size_t nf = 0, st = 0;
        int ok = 1;
        for (size_t i = 0; i <= n && ok; i++) {
            if (i == n || raw[i] == '/') {
                if (nf == 4) {
                    ok = 0;
                    break;
                }
                f[nf] = raw + st;
                fl[nf] = i - st;
                trim(&f[nf], &fl[nf]);
                if (fl[nf] == 0)
                    ok = 0;
                nf++;
                st = i + 1;
            }
        }
        if (ok && (nf == 3 || nf == 4)) {
            it->kind = DYAD_TABARI_EVENT;
            char *fs[4] = {NULL, NULL, NULL, NULL};
            for (size_t k = 0; k < nf; k++)
                if (!(fs[k] = dyad_arena_strndup(&r->arena, f[k], fl[k])))
                    return -1;
            it->source = fs[0];
            it->target = fs[1];
            it->code = fs[2];
            it->attrib = fs[3];
            if (date && date_len) {
                it->date = dyad_arena_strndup(&r->arena, date, date_len);
                if (!it->date)
                    return -1;
            }
        } else {
            it->kind = DYAD_TABARI_OTHER;
        }
    }
    r->n_items++;
    return 0;
}

/* Parse state of one record's lines. */
typedef struct pstate {
    int in_comment, in_brace;
    int brace_outside; /* the open brace is not inside a comment */
    long comment_line, brace_line;
    int brace_disabled;
} pstate;

static int start_brace(dyad_tabari_reader *r, pstate *ps, const char *s, size_t i, long line)
{
    ps->in_brace = 1;
    ps->brace_outside = !ps->in_comment;
    ps->brace_line = line;
    ps->brace_disabled = i > 0 && s[i - 1] == '-';
    r->brace.n = 0;
    if (ps->brace_outside)
        return add_problem(r, DYAD_TABARI_P_OUTSIDE, line,
                           "'{' after the comment closed: read as an expectation, as TABARI "
                           "does (it looks for '{' anywhere after the first comment)");
    return 0;
}

/*
 * One text line of a record. Outside comments: text, with a literal "\n"
 * read as a space and a stray star-slash dropped; once the record has had a
 * comment, a '{' starts an expectation there too (TABARI's checker reads
 * every '{' after the first comment opens). Inside comments: the raw
 * comment and the braces.
 */
static int parse_line(dyad_tabari_reader *r, pstate *ps, const char *s, size_t n, long line)
{
    size_t seg = 0, i = 0;
    int conv = r->conv;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int two = i + 1 < n;
        if (ps->in_brace) {
            if (ps->in_comment && c == '*' && two && s[i + 1] == '/') {
                if (add_problem(r, DYAD_TABARI_P_BRACE, ps->brace_line,
                                "'{' is not closed before its comment ends (line %ld)", line) ||
                    finish_item(r, ps->brace_line, ps->brace_disabled, 0, NULL, 0))
                    return -1;
                ps->in_brace = 0;
                continue; /* the comment end is handled below */
            }
            if (c == '}') {
                /* digits after the '}' on this line: the event's date */
                size_t j = i + 1;
                while (j < n && (s[j] == ' ' || s[j] == '\t'))
                    j++;
                size_t k = j;
                while (k < n && is_digit((unsigned char)s[k]))
                    k++;
                int has_date = k > j && (k == n || !is_alnum((unsigned char)s[k]));
                if (finish_item(r, ps->brace_line, ps->brace_disabled, 1, s + j,
                                has_date ? k - j : 0))
                    return -1;
                ps->in_brace = 0;
                i++;
                if (!ps->in_comment)
                    seg = i = has_date ? k : i;
                continue;
            }
            if (c == '{') {
                if (add_problem(r, DYAD_TABARI_P_BRACE, ps->brace_line,
                                "'{' is not closed before the next '{' (line %ld)", line) ||
                    finish_item(r, ps->brace_line, ps->brace_disabled, 0, NULL, 0) ||
                    start_brace(r, ps, s, i, line))
                    return -1;
            } else if (c == '\\' && two && s[i + 1] == 'n') {
                if (sb_putc(&r->brace, ' '))
                    return -1;
                i++;
            } else if (sb_put(&r->brace, s + i, 1, conv)) {
                return -1;
            }
            i++;
            continue;
        }
        if (ps->in_comment) {
            if (c == '*' && two && s[i + 1] == '/') {
                if (sb_piece(&r->comment, s + seg, i - seg, conv))
                    return -1;
                ps->in_comment = 0;
                i += 2;
                seg = i;
                continue;
            }
            if (c == '{' && start_brace(r, ps, s, i, line))
                return -1;
            i++;
            continue;
        }
        /* text */
        int open = c == '/' && two && s[i + 1] == '*';
        int close = c == '*' && two && s[i + 1] == '/';
        int nl = c == '\\' && two && s[i + 1] == 'n';
        int brace = c == '{' && r->rec.has_comment;
        if (!open && !close && !nl && !brace) {
            i++;
            continue;
        }
        if (sb_piece(&r->text, s + seg, i - seg, conv))
            return -1;
        if (open) {
            ps->in_comment = 1;
            ps->comment_line = line;
            r->rec.has_comment = 1;
        } else if (close) {
            if (add_problem(r, DYAD_TABARI_P_OUTSIDE, line,
                            "comment end without an open comment; dropped from the text"))
                return -1;
        } else if (brace) {
            if (start_brace(r, ps, s, i, line))
                return -1;
            i++;
            continue;
        }
        i += 2;
        seg = i;
    }
    if (ps->in_brace) {
        if (ps->in_comment && sb_piece(&r->comment, s + seg, n - seg, conv))
            return -1;
        return sb_putc(&r->brace, ' ');
    }
    if (ps->in_comment)
        return sb_piece(&r->comment, s + seg, n - seg, conv);
    return sb_piece(&r->text, s + seg, n - seg, conv);
}

/* Check [start, end) for NUL bytes and invalid UTF-8; set r->conv. */
static int check_bytes(dyad_tabari_reader *r, size_t start, size_t end, long line0)
{
    const char *nul = memchr(r->buf + start, '\0', end - start);
    if (nul) {
        size_t off = (size_t)(nul - r->buf);
        if (add_problem(r, DYAD_TABARI_P_NUL, line0 + lines_between(r->buf, start, off),
                        "NUL byte read as a space"))
            return -1;
    }
    long bad = dyad_utf8_validate(r->buf + start, end - start);
    r->conv = bad >= 0;
    if (bad >= 0) {
        size_t off = start + (size_t)bad;
        if (add_problem(r, DYAD_TABARI_P_ENCODING, line0 + lines_between(r->buf, start, off),
                        "not UTF-8 (byte 0x%02X); the record is read as Windows-1252",
                        (unsigned char)r->buf[off]))
            return -1;
    }
    return 0;
}

/* Copy the per-record vectors and buffers into r->rec. */
static int finish_record(dyad_tabari_reader *r)
{
    dyad_tabari_record *rec = &r->rec;
    if (r->lost_items &&
        add_problem(r, DYAD_TABARI_P_LIMIT, rec->last_line,
                    "%zu more {...} items not read (a record keeps at most %d)", r->lost_items,
                    MAX_ITEMS))
        return -1;
    char *text = dyad_arena_strndup(&r->arena, r->text.p ? r->text.p : "", r->text.n);
    char *comment = dyad_arena_strndup(&r->arena, r->comment.p ? r->comment.p : "", r->comment.n);
    if (!text || !comment)
        return -1;
    rec->text = text;
    rec->text_len = r->text.n;
    rec->comment = comment;
    rec->items = r->items;
    rec->n_items = r->n_items;
    rec->converted = r->conv;
    if (!rec->stray) {
        size_t first_off = r->n_items;
        for (size_t i = 0; i < r->n_items; i++) {
            if (r->items[i].disabled) {
                rec->disabled = 1;
                if (first_off == r->n_items)
                    first_off = i;
            }
        }
        size_t nev = 0, nopt = 0;
        for (size_t i = 0; i < r->n_items; i++) {
            dyad_tabari_item_kind k = r->items[i].kind;
            if (k != DYAD_TABARI_EMPTY && k != DYAD_TABARI_OTHER)
                rec->has_expectation = 1;
            if (k == DYAD_TABARI_OPTION)
                nopt++;
            if (i >= first_off)
                continue;
            if (k == DYAD_TABARI_EVENT)
                nev++;
            else if (k == DYAD_TABARI_COMPLEX)
                rec->complex = 1;
            else if (k == DYAD_TABARI_NO_EVENT)
                rec->no_events = 1;
            else if (k == DYAD_TABARI_DISCARD)
                rec->discard = 1;
        }
        if (nev) {
            const dyad_tabari_item **ev = dyad_arena_calloc(&r->arena, nev, sizeof *ev);
            if (!ev)
                return -1;
            size_t j = 0;
            for (size_t i = 0; i < first_off; i++)
                if (r->items[i].kind == DYAD_TABARI_EVENT)
                    ev[j++] = &r->items[i];
            rec->events = ev;
            rec->n_events = nev;
        }
        if (nopt) {
            const char **op = dyad_arena_calloc(&r->arena, nopt, sizeof *op);
            if (!op)
                return -1;
            size_t j = 0;
            for (size_t i = 0; i < r->n_items; i++)
                if (r->items[i].kind == DYAD_TABARI_OPTION)
                    op[j++] = r->items[i].option;
            rec->options = op;
            rec->n_options = nopt;
        }
        rec->stop = !rec->has_expectation &&
                    contains_ci(rec->text, rec->text_len, DYAD_TABARI_STOP_PHRASE);
        if (rec->text_len == 0 &&
            add_problem(r, DYAD_TABARI_P_EMPTY, rec->line,
                        "the record has no text outside its comments"))
            return -1;
    }
    if (r->lost_probs) {
        /* the cap leaves room for this one */
        size_t lost = r->lost_probs;
        r->lost_probs = 0;
        r->n_probs = r->n_probs > MAX_PROBLEMS - 1 ? MAX_PROBLEMS - 1 : r->n_probs;
        if (add_problem(r, DYAD_TABARI_P_LIMIT, rec->last_line,
                        "%zu more problems of this record not listed", lost + 1))
            return -1;
    }
    rec->problems = r->probs;
    rec->n_problems = r->n_probs;
    return 0;
}

/* The header line: the leading digits (the date), then the id. */
static int read_header(dyad_tabari_reader *r, const char *s, size_t n)
{
    dyad_tabari_record *rec = &r->rec;
    const char *h = s;
    size_t hn = n;
    trim(&h, &hn);
    size_t d = 0;
    while (d < n && is_digit((unsigned char)s[d]))
        d++;
    const char *rest = s + d;
    size_t rn = n - d;
    trim(&rest, &rn);
    size_t idn = 0;
    while (idn < rn && !is_space((unsigned char)rest[idn]))
        idn++;
    char *header = adup(&r->arena, &r->tmp, h, hn, r->conv);
    char *draw = dyad_arena_strndup(&r->arena, s, d);
    char *id = adup(&r->arena, &r->tmp, rest, rn, r->conv);
    char *word = adup(&r->arena, &r->tmp, rest, idn, r->conv);
    if (!header || !draw || !id || !word)
        return -1;
    rec->header = header;
    rec->date_raw = draw;
    rec->id = id;
    rec->id_word = word;
    char iso[11];
    if (dyad_tabari_date(s, d, iso) == 0) {
        if (!(rec->date = dyad_arena_strdup(&r->arena, iso)))
            return -1;
        rec->date_tabari = rec->date;
        return 0;
    }
    if ((d == 7 && dyad_tabari_date(s, 6, iso) == 0) ||
        (d >= 9 && dyad_tabari_date(s, 8, iso) == 0)) {
        if (!(rec->date_tabari = dyad_arena_strdup(&r->arena, iso)))
            return -1;
    }
    const char *sn = snip(&r->arena, s, d ? d : n);
    if (!sn)
        return -1;
    if (d == 6 || d == 8)
        return add_problem(r, DYAD_TABARI_P_DATE, rec->line,
                           "date \"%s\" is not a day of the calendar", sn);
    if (rec->date_tabari)
        return add_problem(r, DYAD_TABARI_P_DATE, rec->line,
                           "date \"%s\" has %zu digits, expected 6 (YYMMDD) or 8 (YYYYMMDD); "
                           "TABARI would read its first %d (%s)",
                           sn, d, d == 7 ? 6 : 8, rec->date_tabari);
    return add_problem(r, DYAD_TABARI_P_DATE, rec->line,
                       "date \"%s\" has %zu digits, expected 6 (YYMMDD) or 8 (YYYYMMDD)", sn, d);
}

static void reset_record(dyad_tabari_reader *r)
{
    dyad_arena_reset(&r->arena);
    memset(&r->rec, 0, sizeof r->rec);
    r->text.n = r->comment.n = r->brace.n = 0;
    r->items = NULL;
    r->n_items = r->cap_items = r->lost_items = 0;
    r->probs = NULL;
    r->n_probs = r->cap_probs = r->lost_probs = 0;
    r->conv = 0;
}

static int is_header(const char *s, size_t n)
{
    return n > 0 && is_digit((unsigned char)s[0]);
}

static int is_hash_comment(const char *s, size_t n)
{
    return n > 0 && s[0] == '#';
}

/* The extent of the block starting at r->pos: up to a blank line, or for a
 * stray block also up to a header or '#' line. Returns the byte end of its
 * last line and sets *last to that line's number and *after to the
 * position after it. */
static size_t block_end(const dyad_tabari_reader *r, int stray, long *last, size_t *after)
{
    size_t pos = r->pos, end = r->pos;
    long line = r->line;
    const char *s;
    size_t n;
    int first = 1;
    while (next_line(r->buf, r->len, &pos, &s, &n)) {
        if (blank(s, n))
            break;
        if (stray && !first && (is_header(s, n) || is_hash_comment(s, n)))
            break;
        end = (size_t)(s - r->buf) + n;
        *last = line;
        *after = pos;
        line++;
        first = 0;
    }
    return end;
}

static int read_block(dyad_tabari_reader *r, int stray)
{
    dyad_tabari_record *rec = &r->rec;
    size_t start = r->pos, after = r->pos;
    long last = r->line;
    size_t end = block_end(r, stray, &last, &after);
    rec->stray = stray;
    rec->line = r->line;
    rec->last_line = last;
    if (check_bytes(r, start, end, r->line))
        return -1;
    pstate ps;
    memset(&ps, 0, sizeof ps);
    const char *s;
    size_t n;
    long line = r->line;
    size_t pos = start;
    while (pos < after && next_line(r->buf, r->len, &pos, &s, &n)) {
        if (stray) {
            if (sb_piece(&r->text, s, n, r->conv))
                return -1;
        } else if (line == rec->line) {
            if (read_header(r, s, n))
                return -1;
        } else if (parse_line(r, &ps, s, n, line)) {
            return -1;
        }
        line++;
    }
    r->pos = after;
    r->line = last + 1;
    if (stray)
        return add_problem(r, DYAD_TABARI_P_STRAY, rec->line,
                           "text outside a record (no \"YYMMDD ID\" header line before it); "
                           "TABARI skips it");
    if (ps.in_brace) {
        if (add_problem(r, DYAD_TABARI_P_BRACE, ps.brace_line,
                        "'{' is not closed before the record ends") ||
            finish_item(r, ps.brace_line, ps.brace_disabled, 0, NULL, 0))
            return -1;
    }
    if (ps.in_comment &&
        add_problem(r, DYAD_TABARI_P_COMMENT, ps.comment_line,
                    "comment opened here is not closed before the record ends (line %ld)",
                    last))
        return -1;
    return 0;
}

int dyad_tabari_next(dyad_tabari_reader *r, const dyad_tabari_record **out)
{
    if (out)
        *out = NULL;
    if (!r || r->failed)
        return r ? -1 : 0;
    for (;;) {
        size_t pos = r->pos;
        const char *s;
        size_t n;
        if (!next_line(r->buf, r->len, &pos, &s, &n))
            return 0;
        if (blank(s, n) || is_hash_comment(s, n)) {
            r->pos = pos;
            r->line++;
            continue;
        }
        reset_record(r);
        if (read_block(r, !is_header(s, n)) || finish_record(r)) {
            r->failed = 1;
            r->pos = r->len;
            return -1;
        }
        if (out)
            *out = &r->rec;
        return 1;
    }
}

/* =============================================================== options */

struct dyad_tabari_options_mem {
    dyad_arena arena;
    size_t cap_cmds, cap_probs;
    sbuf tmp;
};

static int opt_problem(dyad_tabari_options *o, dyad_tabari_problem_kind k, long line,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int opt_problem(dyad_tabari_options *o, dyad_tabari_problem_kind k, long line,
                       const char *fmt, ...)
{
    dyad_tabari_problem *p =
        grow(&o->mem->arena, o->problems, o->n_problems, &o->mem->cap_probs, sizeof *p);
    if (!p)
        return -1;
    o->problems = p;
    va_list ap;
    va_start(ap, fmt);
    char *msg = dyad_arena_vprintf(&o->mem->arena, fmt, ap);
    va_end(ap);
    if (!msg)
        return -1;
    p[o->n_problems].kind = k;
    p[o->n_problems].line = line;
    p[o->n_problems].message = msg;
    o->n_problems++;
    return 0;
}

dyad_tabari_options *dyad_tabari_options_new(void)
{
    dyad_tabari_options *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->mem = calloc(1, sizeof *o->mem);
    if (!o->mem) {
        free(o);
        return NULL;
    }
    dyad_arena_init(&o->mem->arena);
    return o;
}

void dyad_tabari_options_free(dyad_tabari_options *o)
{
    if (!o)
        return;
    if (o->mem) {
        dyad_arena_free(&o->mem->arena);
        free(o->mem->tmp.p);
        free(o->mem);
    }
    free(o);
}

/* A copy of s[0, n) with every run of spaces as one space. */
static char *collapse(dyad_arena *a, const char *s, size_t n)
{
    char *out = dyad_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_space((unsigned char)s[i])) {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
        } else {
            out[o++] = s[i];
        }
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}

/* s[0, n) is one line, already converted to UTF-8 and free of NULs. */
static int opt_line(dyad_tabari_options *o, const char *s, size_t n, long line)
{
    dyad_arena *a = &o->mem->arena;
    trim(&s, &n);
    const char *colon = n ? memchr(s, ':', n) : NULL;
    size_t cn = colon ? (size_t)(colon - s) : 0;
    const char *cmd = s;
    trim(&cmd, &cn);
    if (!colon || cn == 0) {
        const char *sn = snip(a, s, n);
        if (!sn || opt_problem(o, DYAD_TABARI_P_SYNTAX, line,
                               "\"%s\" is not a command (\"COMMAND: arguments\"); line skipped",
                               sn))
            return -1;
        return 1;
    }
    const char *arg = colon + 1;
    size_t an = n - (size_t)(arg - s);
    trim(&arg, &an);
    dyad_tabari_option *c = grow(a, o->cmds, o->n_cmds, &o->mem->cap_cmds, sizeof *c);
    if (!c)
        return -1;
    o->cmds = c;
    c = &c[o->n_cmds];
    memset(c, 0, sizeof *c);
    c->line = line;
    if (!(c->command = dyad_arena_strndup(a, cmd, cn)) || !(c->arg = dyad_arena_strndup(a, arg, an)))
        return -1;
    if (cn == 3 && lower(cmd[0]) == 's' && lower(cmd[1]) == 'e' && lower(cmd[2]) == 't') {
        const char *eq = an ? memchr(arg, '=', an) : NULL;
        size_t nn = eq ? (size_t)(eq - arg) : an;
        const char *val = eq ? eq + 1 : arg + an;
        size_t vn = eq ? an - nn - 1 : 0;
        trim(&val, &vn);
        if (!(c->name = collapse(a, arg, nn)) || !(c->value = dyad_arena_strndup(a, val, vn)))
            return -1;
        if (!c->name[0]) {
            if (opt_problem(o, DYAD_TABARI_P_SYNTAX, line, "SET: without a name; line skipped"))
                return -1;
            return 1;
        }
    }
    o->n_cmds++;
    return 0;
}

/* Convert one line for the options and project parsers into tmp (NUL as a
 * space, Windows-1252 when not UTF-8). *nul says whether it held a NUL,
 * *bad is the offset of the first byte that is not UTF-8, or -1. */
static int conv_line(sbuf *tmp, const char *s, size_t n, int *nul, long *bad)
{
    *nul = memchr(s, '\0', n) != NULL;
    *bad = dyad_utf8_validate(s, n);
    tmp->n = 0;
    return sb_put(tmp, s, n, *bad >= 0);
}

int dyad_tabari_options_add(dyad_tabari_options *o, const char *s, size_t len, long line)
{
    if (!o || (!s && len))
        return -1;
    int nul;
    long bad;
    if (!s)
        s = "";
    if (conv_line(&o->mem->tmp, s, len, &nul, &bad))
        return -1;
    if (nul && opt_problem(o, DYAD_TABARI_P_NUL, line, "NUL byte read as a space"))
        return -1;
    if (bad >= 0 && opt_problem(o, DYAD_TABARI_P_ENCODING, line,
                                "not UTF-8 (byte 0x%02X); line read as Windows-1252",
                                (unsigned char)s[bad]))
        return -1;
    /* opt_line copies out of tmp before anything else writes to it */
    return opt_line(o, o->mem->tmp.p ? o->mem->tmp.p : "", o->mem->tmp.n, line);
}

dyad_tabari_options *dyad_tabari_options_parse(const char *buf, size_t len)
{
    dyad_tabari_options *o = dyad_tabari_options_new();
    if (!o)
        return NULL;
    if (!buf)
        len = 0;
    size_t pos = 0;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        pos = 3;
    const char *s;
    size_t n;
    for (long line = 1; next_line(buf, len, &pos, &s, &n); line++) {
        const char *t = s;
        size_t tn = n;
        trim(&t, &tn);
        if (tn == 0 || (tn >= 2 && t[0] == '/' && t[1] == '/'))
            continue;
        if (tn >= 2 && t[0] == '~' && t[1] == '~') {
            o->end_line = line;
            break;
        }
        if (dyad_tabari_options_add(o, s, n, line) < 0) {
            dyad_tabari_options_free(o);
            return NULL;
        }
    }
    return o;
}

/* Names equal without case, runs of spaces as one, ends trimmed. */
static int name_eq(const char *a, const char *b)
{
    size_t an = strlen(a), bn = strlen(b);
    trim(&a, &an);
    trim(&b, &bn);
    size_t i = 0, j = 0;
    while (i < an && j < bn) {
        int sa = is_space((unsigned char)a[i]), sb = is_space((unsigned char)b[j]);
        if (sa && sb) {
            while (i < an && is_space((unsigned char)a[i]))
                i++;
            while (j < bn && is_space((unsigned char)b[j]))
                j++;
            continue;
        }
        if (sa || sb || lower((unsigned char)a[i]) != lower((unsigned char)b[j]))
            return 0;
        i++;
        j++;
    }
    return i == an && j == bn;
}

const char *dyad_tabari_options_get(const dyad_tabari_options *o, const char *name)
{
    if (!o || !name)
        return NULL;
    for (size_t i = o->n_cmds; i-- > 0;)
        if (o->cmds[i].name && name_eq(o->cmds[i].name, name))
            return o->cmds[i].value;
    return NULL;
}

int dyad_tabari_options_bool(const dyad_tabari_options *o, const char *name, int dflt)
{
    const char *v = dyad_tabari_options_get(o, name);
    if (!v)
        return dflt;
    static const char *const yes[] = {"TRUE", "YES", "ON", "1"};
    static const char *const no[] = {"FALSE", "NO", "OFF", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (name_eq(v, yes[i]))
            return 1;
        if (name_eq(v, no[i]))
            return 0;
    }
    return dflt;
}

const char *dyad_tabari_options_command(const dyad_tabari_options *o, const char *cmd)
{
    if (!o || !cmd)
        return NULL;
    for (size_t i = o->n_cmds; i-- > 0;)
        if (name_eq(o->cmds[i].command, cmd))
            return o->cmds[i].arg;
    return NULL;
}

/* =============================================================== project */

typedef struct dyad_tabari_project_mem {
    dyad_arena arena;
    size_t cap_tags, cap_probs, cap_actors, cap_agents, cap_verbs, cap_texts;
    sbuf tmp;
} dyad_tabari_project_mem;

static int prj_problem(dyad_tabari_project *p, dyad_tabari_problem_kind k, long line,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int prj_problem(dyad_tabari_project *p, dyad_tabari_problem_kind k, long line,
                       const char *fmt, ...)
{
    dyad_tabari_problem *q =
        grow(&p->mem->arena, p->problems, p->n_problems, &p->mem->cap_probs, sizeof *q);
    if (!q)
        return -1;
    p->problems = q;
    va_list ap;
    va_start(ap, fmt);
    char *msg = dyad_arena_vprintf(&p->mem->arena, fmt, ap);
    va_end(ap);
    if (!msg)
        return -1;
    q[p->n_problems].kind = k;
    q[p->n_problems].line = line;
    q[p->n_problems].message = msg;
    p->n_problems++;
    return 0;
}

void dyad_tabari_project_free(dyad_tabari_project *p)
{
    if (!p)
        return;
    if (p->mem) {
        dyad_arena_free(&p->mem->arena);
        free(p->mem->tmp.p);
        free(p->mem);
    }
    free(p);
}

static int push_path(dyad_arena *a, const char ***arr, size_t *n, size_t *cap, const char *v)
{
    const char **q = grow(a, (void *)*arr, *n, cap, sizeof *q);
    if (!q)
        return -1;
    q[(*n)++] = v;
    *arr = q;
    return 0;
}

/* One tag line (trimmed, converted, starting with '<'). */
static int prj_tag(dyad_tabari_project *p, const char *s, size_t n, long line)
{
    dyad_arena *a = &p->mem->arena;
    const char *gt = memchr(s, '>', n);
    if (!gt) {
        const char *sn = snip(a, s, n);
        return !sn || prj_problem(p, DYAD_TABARI_P_SYNTAX, line,
                                  "tag \"%s\" has no closing '>'; line skipped", sn)
                   ? -1
                   : 0;
    }
    char c1 = n > 1 ? (char)lower((unsigned char)s[1]) : '\0';
    char c2 = n > 2 ? (char)lower((unsigned char)s[2]) : '\0';
    if (c1 == 's' && c2 == 'e') {
        p->n_sessions++;
        return 0;
    }
    size_t nl = 1;
    while (s + nl < gt && !is_space((unsigned char)s[nl]))
        nl++;
    const char *v = gt + 1;
    const char *lt = memchr(v, '<', n - (size_t)(v - s));
    size_t vn = lt ? (size_t)(lt - v) : n - (size_t)(v - s);
    trim(&v, &vn);
    char *name = dyad_arena_strndup(a, s + 1, nl - 1);
    char *value = dyad_arena_strndup(a, v, vn);
    if (!name || !value)
        return -1;
    dyad_tabari_tag *t = grow(a, p->tags, p->n_tags, &p->mem->cap_tags, sizeof *t);
    if (!t)
        return -1;
    p->tags = t;
    t[p->n_tags].name = name;
    t[p->n_tags].value = value;
    t[p->n_tags].line = line;
    p->n_tags++;
    if (vn == 0 && c1 != 'r') {
        const char *sn = snip(a, s, n);
        return !sn || prj_problem(p, DYAD_TABARI_P_SYNTAX, line,
                                  "nothing follows the tag \"%s\"; line skipped", sn)
                   ? -1
                   : 0;
    }
    /* the file name joined to the project's folder */
    const char *path = value;
    if (p->dir[0] && value[0] != '/') {
        size_t dn = strlen(p->dir);
        path = dyad_arena_printf(a, "%s%s%s", p->dir, p->dir[dn - 1] == '/' ? "" : "/", value);
        if (!path)
            return -1;
    }
    dyad_tabari_project_mem *m = p->mem;
    switch (c1) {
    case 'a':
        if (c2 == 'c')
            return push_path(a, &p->actors, &p->n_actors, &m->cap_actors, path);
        return push_path(a, &p->agents, &p->n_agents, &m->cap_agents, path);
    case 'v': return push_path(a, &p->verbs, &p->n_verbs, &m->cap_verbs, path);
    case 't': return push_path(a, &p->texts, &p->n_texts, &m->cap_texts, path);
    case 'o':
        if (c2 == 'u')
            p->output = path;
        else
            p->options = path;
        return 0;
    case 'e':
        if (c2 == 'v')
            p->events = path;
        else
            p->errors = path;
        return 0;
    case 'p': p->problem = path; return 0;
    case 'i': p->issues = path; return 0;
    case 'f': p->freqs = path; return 0;
    case 'c': p->coder = value; return 0;
    case 'd': case 'r': case 's': return 0; /* doc lines, run, system: kept as tags only */
    default: break;
    }
    const char *sn = snip(a, s, n);
    return !sn || prj_problem(p, DYAD_TABARI_P_SYNTAX, line, "unknown tag \"%s\"; line skipped", sn)
               ? -1
               : 0;
}

static int prj_parse(dyad_tabari_project *p, const char *buf, size_t len, const char *path)
{
    dyad_arena *a = &p->mem->arena;
    /* the folder: up to the last '/', "/" for a file at the root, "" for none */
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!slash)
        p->dir = dyad_arena_strdup(a, "");
    else if (slash == path)
        p->dir = dyad_arena_strdup(a, "/");
    else
        p->dir = dyad_arena_strndup(a, path, (size_t)(slash - path));
    if (!p->dir)
        return -1;
    size_t pos = 0;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        pos = 3;
    const char *s;
    size_t n;
    for (long line = 1; next_line(buf, len, &pos, &s, &n); line++) {
        int nul;
        long bad;
        if (conv_line(&p->mem->tmp, s, n, &nul, &bad))
            return -1;
        if (nul && prj_problem(p, DYAD_TABARI_P_NUL, line, "NUL byte read as a space"))
            return -1;
        if (bad >= 0 && prj_problem(p, DYAD_TABARI_P_ENCODING, line,
                                    "not UTF-8 (byte 0x%02X); line read as Windows-1252",
                                    (unsigned char)s[bad]))
            return -1;
        /* work on an arena copy: tmp is reused */
        const char *t = dyad_arena_strndup(a, p->mem->tmp.p ? p->mem->tmp.p : "", p->mem->tmp.n);
        if (!t)
            return -1;
        size_t tn = p->mem->tmp.n;
        trim(&t, &tn);
        if (tn == 0)
            continue;
        if (t[0] == '<') {
            if (prj_tag(p, t, tn, line))
                return -1;
        } else if (!p->title && p->n_tags == 0 && p->n_sessions == 0) {
            if (!(p->title = dyad_arena_strndup(a, t, tn)))
                return -1;
        } else {
            const char *sn = snip(a, t, tn);
            if (!sn || prj_problem(p, DYAD_TABARI_P_SYNTAX, line,
                                   "\"%s\" is not a <tag> line; TABARI ignores it", sn))
                return -1;
        }
    }
    if ((!p->n_actors && prj_problem(p, DYAD_TABARI_P_MISSING, 0,
                                     "the project names no <actorsfile>")) ||
        (!p->n_verbs && prj_problem(p, DYAD_TABARI_P_MISSING, 0,
                                    "the project names no <verbsfile>")) ||
        (!p->n_texts && prj_problem(p, DYAD_TABARI_P_MISSING, 0,
                                    "the project names no <textfile>")))
        return -1;
    return 0;
}

dyad_tabari_project *dyad_tabari_project_parse(const char *buf, size_t len, const char *path)
{
    dyad_tabari_project *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->mem = calloc(1, sizeof *p->mem);
    if (!p->mem) {
        free(p);
        return NULL;
    }
    dyad_arena_init(&p->mem->arena);
    if (prj_parse(p, buf ? buf : "", buf ? len : 0, path)) {
        dyad_tabari_project_free(p);
        return NULL;
    }
    return p;
}
