/*
 * fdict.c — foreign dictionaries (fdict.h): the line reader (UTF-8 repair,
 * comments), words, codes and dates, sections, the dialect guess and the
 * load entry points. Actors, agents, discards and issues are read in
 * fdict_entries.c, verbs in fdict_verbs.c, PETR_config.ini in fdict_config.c;
 * the conversion to dyad's format is fdict_write.c.
 *
 * Every result lives in the fdict's arena except the top-level arrays, which
 * grow as fd_vec while a file loads and are handed over at the end.
 */
#include "fdict_int.h"

#include "fileio.h"
#include "utf8.h"
#include "xprintf.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- vectors */

int fd_push(fd_vec *v, const void *elem, size_t size) {
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 8;
        if (nc > SIZE_MAX / size) return -1;
        void *np = realloc(v->p, nc * size);
        if (!np) return -1;
        v->p = np;
        v->cap = nc;
    }
    memcpy((char *)v->p + v->n * size, elem, size);
    v->n++;
    return 0;
}

void *fd_vdup(dyad_arena *a, const fd_vec *v, size_t size, int *oom) {
    if (!v->n) return NULL;
    void *p = dyad_arena_calloc(a, v->n, size);
    if (!p) {
        *oom = 1;
        return NULL;
    }
    memcpy(p, v->p, v->n * size);
    return p;
}

void fd_vfree(fd_vec *v) {
    free(v->p);
    memset(v, 0, sizeof *v);
}

/* ---------------------------------------------------------------- reports */

int fd_qlen(const char *s) {
    size_t n = strlen(s);
    if (n <= 80) return (int)n;
    n = 80;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return (int)n;
}

static void vwarn(fd_ctx *c, long line, int sev, const char *fmt, va_list ap) {
    if (c->quiet) return;
    if (sev == FD_SEV_MALFORMED) c->fd->counts.malformed++;
    else c->fd->counts.notes++;
    if (!c->warn) return;
    char *msg = dyad_vasprintf(fmt, ap);
    c->warn(c->wctx, c->file, line, sev, msg ? msg : "malformed entry (out of memory)");
    free(msg);
}

void fd_warn(fd_ctx *c, int sev, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vwarn(c, c->lineno, sev, fmt, ap);
    va_end(ap);
}

void fd_warn_at(fd_ctx *c, long line, int sev, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vwarn(c, line, sev, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------------- strings */

char *fd_strndup(fd_ctx *c, const char *s, size_t n) {
    char *p = dyad_arena_strndup(&c->fd->arena, s, n);
    if (!p) c->oom = 1;
    return p;
}

const char *fd_skip_space(const char *s) {
    while (*s && isspace((unsigned char)*s)) s++;
    return s;
}

char *fd_skip_space_w(char *s) {
    while (*s && isspace((unsigned char)*s)) s++;
    return s;
}

size_t fd_rtrim_len(const char *s, size_t n) {
    while (n && isspace((unsigned char)s[n - 1])) n--;
    return n;
}

/* ---------------------------------------------------------------- lines */

void fd_reader_rewind(fd_ctx *c) {
    c->pos = 0;
    c->lineno = 0;
    c->in_comment = 0;
    c->finished = 0;
    c->section = SEC_NONE;
}

/* The next raw line [*s, *s + *n); CRLF, LF and a lone CR end a line. */
static int raw_line(fd_ctx *c, const char **s, size_t *n) {
    if (c->pos >= c->len) return 0;
    const char *b = c->buf + c->pos;
    size_t rem = c->len - c->pos, i = 0;
    while (i < rem && b[i] != '\n' && b[i] != '\r') i++;
    *s = b;
    *n = i;
    size_t adv = i;
    if (i < rem) adv += (b[i] == '\r' && i + 1 < rem && b[i + 1] == '\n') ? 2 : 1;
    c->pos += adv;
    c->lineno++;
    return 1;
}

static int lb_reserve(fd_ctx *c, size_t need) {
    if (c->lb.cap >= need) return 0;
    char *np = realloc(c->lb.p, need);
    if (!np) return -1;
    c->lb.p = np;
    c->lb.cap = need;
    return 0;
}

/* Copy the raw line into c->lb as valid UTF-8: bytes that are not UTF-8 are
 * read as Latin-1, control characters other than tab are dropped. */
static int clean_line(fd_ctx *c, const char *s, size_t n) {
    if (n > (SIZE_MAX - 1) / 2 || lb_reserve(c, 2 * n + 1) != 0) return -1;
    unsigned char *o = c->lb.p;
    size_t w = 0, i = 0, ctrl = 0, lat = 0;
    int fffd = 0;
    if (c->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            if ((b < 0x20 && b != '\t') || b == 0x7F) ctrl++;
            else o[w++] = b;
            i++;
            continue;
        }
        size_t k = dyad_utf8_seqlen(s, n, i);
        if (k) {
            if (k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0) fffd = 1;
            memcpy(o + w, s + i, k);
            w += k;
            i += k;
        } else {
            o[w++] = (unsigned char)(0xC0 | (b >> 6));
            o[w++] = (unsigned char)(0x80 | (b & 0x3F));
            lat++;
            i++;
        }
    }
    o[w] = '\0';
    if (ctrl || lat) {
        if (!c->quiet) c->fd->counts.repaired_lines++;
        if (ctrl)
            fd_warn(c, FD_SEV_NOTE, "%zu control character%s (NUL, ^Z ...) dropped", ctrl,
                    ctrl == 1 ? "" : "s");
        if (lat)
            fd_warn(c, FD_SEV_NOTE, "%zu byte%s that %s not UTF-8 read as Latin-1", lat,
                    lat == 1 ? "" : "s", lat == 1 ? "is" : "are");
    }
    if (fffd)
        fd_warn(c, FD_SEV_NOTE,
                "holds U+FFFD, a character lost before this file was written: '%.*s'",
                fd_qlen((char *)o), (char *)o);
    return 0;
}

/* Remove comments in place: <!-- ... --> (across lines) in every dialect;
 * PETRARCH2: `#` to the end of the line (not inside [...]), lines starting
 * with `<!`; TABARI: `;` to the end of the line, lines starting with `#`. */
static void strip_comments(fd_ctx *c, char *l) {
    char cmt = c->dialect == FD_TABARI ? ';' : '#';
    const char *lead = fd_skip_space(l);
    if (!c->in_comment) {
        if (c->dialect == FD_TABARI && *lead == '#') {
            *l = '\0';
            return;
        }
        if (c->dialect != FD_TABARI && lead[0] == '<' && lead[1] == '!' &&
            strncmp(lead, "<!--", 4) != 0) {
            *l = '\0';
            return;
        }
    }
    char *o = l;
    const char *r = l;
    int depth = 0;
    while (*r) {
        if (c->in_comment) {
            const char *e = strstr(r, "-->");
            if (!e) break;
            r = e + 3;
            c->in_comment = 0;
            continue;
        }
        if (strncmp(r, "<!--", 4) == 0) {
            c->in_comment = 1;
            r += 4;
            continue;
        }
        if (*r == '[') depth++;
        else if (*r == ']' && depth > 0) depth--;
        else if (*r == cmt && depth == 0) break;
        *o++ = *r++;
    }
    *o = '\0';
}

int fd_next_line(fd_ctx *c, char **line) {
    const char *s;
    size_t n;
    while (!c->finished && raw_line(c, &s, &n)) {
        if (!c->quiet) c->fd->counts.lines++;
        if (c->max_line && n > c->max_line) {
            if (!c->quiet)
                fd_warn(c, FD_SEV_MALFORMED,
                        "line of %zu bytes, over the limit of %zu (want one entry per line)", n,
                        c->max_line);
            continue;
        }
        if (clean_line(c, s, n) != 0) {
            c->oom = 1;
            return 0;
        }
        char *l = c->lb.p;
        const char *lead = fd_skip_space(l);
        if (!c->in_comment && strncmp(lead, "~~FINISH", 8) == 0) {
            /* TABARI's end-of-dictionary mark: the rest of the file is not read */
            c->finished = 1;
            size_t rest = 0;
            while (raw_line(c, &s, &n)) rest++;
            if (!c->quiet) {
                c->fd->counts.lines += rest;
                c->fd->counts.other_skipped += rest;
            }
            return 0;
        }
        strip_comments(c, l);
        char *b = fd_skip_space_w(l);
        size_t len = fd_rtrim_len(b, strlen(b));
        b[len] = '\0';
        if (len) {
            *line = b;
            return 1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- words */

int fd_more_text(const char *s, size_t j, size_t e) {
    for (; j < e; j++)
        if (s[j] != '_') return 1;
    return 0;
}

int fd_split_phrase(fd_ctx *c, const char *s, size_t n, int plus_verb, fd_phrase *out) {
    fd_vec v = {0};
    size_t i = 0;
    memset(out, 0, sizeof *out);
    out->line = c->lineno;
    while (i < n) {
        while (i < n && isspace((unsigned char)s[i])) i++;
        if (i >= n) break;
        size_t cs = i;
        while (i < n && !isspace((unsigned char)s[i])) i++;
        size_t ce = i, j = cs;
        while (j < ce) {
            size_t ps = j;
            while (j < ce && s[j] != '_') j++;
            size_t pe = j;
            int us = j < ce;
            if (us) j++;
            if (pe == ps) { /* "__" or a leading '_': marks the word before */
                if (us && v.n) {
                    fd_word *last = (fd_word *)v.p + v.n - 1;
                    if (!(last->flags & FW_TILDE)) last->flags |= FW_US;
                }
                continue;
            }
            unsigned fl = 0;
            const char *ws = s + ps;
            size_t wl = pe - ps;
            if (plus_verb && wl > 1 && ws[0] == '+') {
                fl |= FW_VERB;
                ws++;
                wl--;
            }
            if (wl > 1 && ws[wl - 1] == '=') {
                fl |= FW_EQ;
                wl--;
            }
            if (wl > 1 && ws[wl - 1] == '~' && us) {
                fl |= FW_TILDE;
                wl--;
            }
            if (us) {
                if (!(fl & FW_TILDE)) fl |= FW_US;
                if (fd_more_text(s, j, ce)) fl |= FW_CONNECT;
            }
            fd_word w = {fd_strndup(c, ws, wl), fl};
            if (!w.text || fd_push(&v, &w, sizeof w) != 0) {
                fd_vfree(&v);
                c->oom = 1;
                return -1;
            }
        }
    }
    if (!v.n) {
        fd_vfree(&v);
        return 1;
    }
    out->w = fd_vdup(&c->fd->arena, &v, sizeof(fd_word), &c->oom);
    out->n = (int)v.n;
    fd_vfree(&v);
    return out->w ? 0 : -1;
}

/* ---------------------------------------------------------------- dates */

static int days_in_month(long y, long m) {
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dim[m - 1];
}

long fd_parse_date(const char *s, size_t n, int *loose) {
    if (n != 6 && n != 8) return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    long y = v / 10000, m = v / 100 % 100, d = v % 100;
    if (n == 6) y += y <= 30 ? 2000 : 1900;
    if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
    if (d > days_in_month(y, m)) *loose = 1;
    return y * 10000 + m * 100 + d;
}

unsigned fd_code_flags(const char *code) {
    if (!strcmp(code, "---")) return FC_NULL;
    if (!strcmp(code, "###")) return FC_DISCARD;
    if (!strcmp(code, "+++")) return FC_COMPLEX;
    return 0;
}

int fd_parse_actor_code(fd_ctx *c, const char *s, size_t n, fd_code *out, const char **why,
                        int *loose) {
    memset(out, 0, sizeof *out);
    out->line = c->lineno;
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    n = fd_rtrim_len(s, n);
    size_t cs = i;
    while (i < n && !isspace((unsigned char)s[i]) && s[i] != '<' && s[i] != '>') i++;
    size_t ce = i;
    char date[64];
    size_t dn = 0;
    for (; i < n; i++) {
        if (isspace((unsigned char)s[i])) continue;
        if (dn + 1 >= sizeof date) {
            *why = "date part too long (want <D, >D or D1-D2)";
            return 1;
        }
        date[dn++] = s[i];
    }
    date[dn] = '\0';
    if (ce == cs) {
        *why = dn ? "a date with no code (want [CODE date])" : "empty [] (want [CODE])";
        return 1;
    }
    int run = 0;
    for (size_t k = cs; k < ce; k++) {
        run = isdigit((unsigned char)s[k]) ? run + 1 : 0;
        if (run >= 6) {
            *why = "a date joined to the code (want a space: [CODE yymmdd-yymmdd])";
            return 1;
        }
    }
    if (dn) {
        if (date[0] == '<' || date[0] == '>') {
            out->date_kind = date[0] == '<' ? FD_DATE_BEFORE : FD_DATE_FROM;
            out->d1 = fd_parse_date(date + 1, dn - 1, loose);
            if (out->d1 < 0) {
                *why = "bad date (want yymmdd or yyyymmdd)";
                return 1;
            }
        } else {
            const char *dash = strchr(date, '-');
            if (!dash) {
                *why = "a date without '<', '>' or '-' (want <D, >D or D1-D2)";
                return 1;
            }
            out->date_kind = FD_DATE_RANGE;
            out->d1 = fd_parse_date(date, (size_t)(dash - date), loose);
            out->d2 = fd_parse_date(dash + 1, strlen(dash + 1), loose);
            if (out->d1 < 0 || out->d2 < 0) {
                *why = "bad date (want yymmdd or yyyymmdd)";
                return 1;
            }
        }
    }
    out->code = fd_strndup(c, s + cs, ce - cs);
    if (!out->code) return -1;
    out->flags = fd_code_flags(out->code);
    return 0;
}

int fd_parse_event_code(fd_ctx *c, const char *s, size_t n, const char **code,
                        const char **code2) {
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    n = fd_rtrim_len(s, n);
    *code = *code2 = NULL;
    if (!n) return 1;
    const char *colon = memchr(s, ':', n);
    size_t a = colon ? (size_t)(colon - s) : n;
    *code = fd_strndup(c, s, fd_rtrim_len(s, a));
    if (colon) {
        const char *b = colon + 1;
        size_t bn = n - a - 1;
        while (bn && isspace((unsigned char)*b)) {
            b++;
            bn--;
        }
        *code2 = fd_strndup(c, b, bn);
    }
    return c->oom ? -1 : 0;
}

/* ---------------------------------------------------------------- sections */

int fd_section_tag(fd_ctx *c, const char *l) {
    size_t n = strlen(l);
    if (n < 3 || l[0] != '<' || l[n - 1] != '>') return 0;
    int close = l[1] == '/';
    const char *name = l + 1 + close;
    size_t nl = n - 2 - (size_t)close;
    for (size_t i = 0; i < nl; i++)
        if (!isalpha((unsigned char)name[i])) return 0;
    static const struct {
        const char *name;
        int sec;
    } secs[] = {{"SYNSETS", SEC_SYNSETS}, {"TIME", SEC_TIME}, {"NOUN", SEC_NOUN},
                {"NOUNS", SEC_NOUN}, {"ADJECTIVE", SEC_ADJ}, {"ADJECTIVES", SEC_ADJ}};
    int sec = SEC_OTHER;
    for (size_t k = 0; k < sizeof secs / sizeof secs[0]; k++)
        if (strlen(secs[k].name) == nl && !strncmp(secs[k].name, name, nl)) sec = secs[k].sec;
    if (close) {
        if (sec != c->section ||
            (sec == SEC_OTHER && (strlen(c->secname) != nl || strncmp(c->secname, name, nl))))
            fd_warn(c, FD_SEV_NOTE, "'%s' closes no open section", l);
        c->section = SEC_NONE;
        return 1;
    }
    if (c->section != SEC_NONE)
        fd_warn(c, FD_SEV_NOTE, "'%s' opens a section inside another (the first ends here)", l);
    c->section = sec;
    if (sec == SEC_OTHER) {
        snprintf(c->secname, sizeof c->secname, "%.*s", (int)(nl < 31 ? nl : 31), name);
        fd_warn(c, FD_SEV_NOTE, "unknown section '%s': its lines are skipped", l);
    }
    return 1;
}

int fd_section_word(fd_ctx *c, char *line) {
    char *br = strchr(line, '[');
    if (br) {
        fd_warn(c, FD_SEV_NOTE, "code '%.*s' ignored in a <%s> list", fd_qlen(br), br,
                c->section == SEC_NOUN ? "NOUN" : "ADJECTIVE");
        *br = '\0';
    }
    fd_phrase ph;
    int r = fd_split_phrase(c, line, strlen(line), 0, &ph);
    if (r < 0) return -1;
    if (r > 0) {
        fd_warn(c, FD_SEV_MALFORMED, "no word in a <%s> list line",
                c->section == SEC_NOUN ? "NOUN" : "ADJECTIVE");
        return 0;
    }
    fd_vec *v = c->section == SEC_NOUN ? &c->nouns : &c->adjs;
    if (fd_push(v, &ph, sizeof ph) != 0) return -1;
    if (!c->quiet) {
        if (c->section == SEC_NOUN) c->fd->counts.nouns++;
        else c->fd->counts.adjectives++;
    }
    return 0;
}

/* ---------------------------------------------------------------- dialect */

static int ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static int detect_dialect(const char *buf, size_t len, int kind, const char *name) {
    if (kind == FD_DISCARDS || kind == FD_ISSUES) return FD_PETRARCH;
    long pet = 0, tab = 0;
    size_t i = 0;
    while (i < len) {
        size_t b = i;
        while (i < len && buf[i] != '\n' && buf[i] != '\r') i++;
        size_t e = i;
        if (i < len) i++;
        while (b < e && (buf[b] == ' ' || buf[b] == '\t')) b++;
        if (b == e) continue;
        const char *s = buf + b;
        size_t n = e - b;
        if (kind == FD_VERBS && n > 4 && !strncmp(s, "---", 3) && s[3] != '-' &&
            memchr(s, '[', n))
            return FD_PETRARCH;
        if (n >= 4 && !strncmp(s, "<!--", 4)) pet += 2;
        if ((n >= 8 && !strncmp(s, "~~FINISH", 8)) || (n >= 9 && !strncmp(s, "<SYNSETS>", 9)) ||
            (n >= 6 && !strncmp(s, "<TIME>", 6)) || (n >= 6 && !strncmp(s, "<NOUN>", 6)))
            tab += 5;
        if (s[0] == '#') continue;
        int depth = 0;
        for (size_t k = 1; k < n; k++) {
            if (s[k] == '[') depth++;
            else if (s[k] == ']' && depth) depth--;
            else if (depth == 0 && (s[k] == '#' || s[k] == ';')) {
                if (s[k] == '#') pet++;
                else tab++;
                break;
            }
        }
    }
    if (pet != tab) return pet > tab ? FD_PETRARCH : FD_TABARI;
    return ends_with(name, ".txt") ? FD_PETRARCH : FD_TABARI;
}

/* ---------------------------------------------------------------- load */

const char *dyad_fdict_kind_name(int kind) {
    switch (kind) {
    case FD_VERBS: return "verbs";
    case FD_ACTORS: return "actors";
    case FD_AGENTS: return "agents";
    case FD_DISCARDS: return "discards";
    case FD_ISSUES: return "issues";
    default: return "unknown";
    }
}

int dyad_fdict_kind_from_name(const char *s) {
    for (int k = FD_VERBS; k <= FD_ISSUES; k++)
        if (s && !strcmp(s, dyad_fdict_kind_name(k))) return k;
    return 0;
}

const char *dyad_fdict_dialect_name(int dialect) {
    return dialect == FD_PETRARCH ? "PETRARCH2" : dialect == FD_TABARI ? "TABARI" : "auto";
}

const fd_counts *dyad_fdict_counts(const dyad_fdict *fd) { return &fd->counts; }

#define TAKE(field, nfield, vec)                                                               \
    do {                                                                                   \
        fd->field = (vec).p;                                                               \
        fd->nfield = (vec).n;                                                              \
        memset(&(vec), 0, sizeof(vec));                                                    \
    } while (0)

static int load_mem_cap(dyad_fdict *fd, const char *name, const char *buf, size_t len, int kind,
                        int dialect, size_t max_line, fd_warn_fn warn, void *ctx, char *err,
                        size_t errlen);

int dyad_fdict_load_mem(dyad_fdict *fd, const char *name, const char *buf, size_t len,
                        int kind, int dialect, fd_warn_fn warn, void *ctx, char *err,
                        size_t errlen) {
    return load_mem_cap(fd, name, buf, len, kind, dialect, DYAD_FD_MAX_LINE, warn, ctx, err,
                        errlen);
}

static int load_mem_cap(dyad_fdict *fd, const char *name, const char *buf, size_t len, int kind,
                        int dialect, size_t max_line, fd_warn_fn warn, void *ctx, char *err,
                        size_t errlen) {
    memset(fd, 0, sizeof *fd);
    dyad_arena_init(&fd->arena);
    if (kind < FD_VERBS || kind > FD_ISSUES || dialect < FD_AUTO || dialect > FD_TABARI) {
        if (err && errlen) snprintf(err, errlen, "%s: unknown dictionary kind or dialect", name);
        return -1;
    }
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    fd->kind = kind;
    fd->dialect = dialect == FD_AUTO ? detect_dialect(buf, len, kind, base) : dialect;
    fd->path = dyad_arena_strdup(&fd->arena, name);
    fd_ctx c;
    memset(&c, 0, sizeof c);
    c.fd = fd;
    c.file = base;
    c.warn = warn;
    c.wctx = ctx;
    c.dialect = fd->dialect;
    c.buf = buf;
    c.len = len;
    c.max_line = max_line;
    int rc = fd->path ? 0 : -1;
    if (rc == 0) {
        switch (kind) {
        case FD_VERBS: rc = fd_load_verbs(&c); break;
        case FD_ACTORS: rc = fd_load_actors(&c); break;
        case FD_AGENTS: rc = fd_load_agents(&c); break;
        case FD_DISCARDS: rc = fd_load_discards(&c); break;
        default: rc = fd_load_issues(&c); break;
        }
    }
    if (c.oom) rc = -1;
    TAKE(actors, nactors, c.actors);
    TAKE(agents, nagents, c.agents);
    TAKE(substs, nsubsts, c.substs);
    TAKE(synsets, nsynsets, c.synsets);
    TAKE(blocks, nblocks, c.blocks);
    TAKE(verbs, nverbs, c.verbs);
    TAKE(patterns, npatterns, c.patterns);
    TAKE(nouns, nnouns, c.nouns);
    TAKE(adjectives, nadjectives, c.adjs);
    TAKE(discards, ndiscards, c.discards);
    TAKE(issues, nissues, c.issues);
    TAKE(issue_cats, nissue_cats, c.cats);
    fd->transforms = c.transforms.p;
    fd->ntransforms = c.transforms.n;
    fd->transform_lines = c.tlines.p;
    memset(&c.transforms, 0, sizeof c.transforms);
    memset(&c.tlines, 0, sizeof c.tlines);
    fd_vfree(&c.lb);
    switch (kind) {
    case FD_VERBS: fd->counts.entries = fd->nverbs; break;
    case FD_ACTORS: fd->counts.entries = fd->nactors; break;
    case FD_AGENTS: fd->counts.entries = fd->nagents; break;
    case FD_DISCARDS: fd->counts.entries = fd->ndiscards; break;
    default: fd->counts.entries = fd->nissues; break;
    }
    if (rc != 0 && err && errlen) snprintf(err, errlen, "%s: out of memory", name);
    return rc;
}

int dyad_fdict_load(dyad_fdict *fd, const char *path, int kind, int dialect, fd_warn_fn warn,
                    void *ctx, char *err, size_t errlen) {
    return dyad_fdict_load_capped(fd, path, kind, dialect, DYAD_FD_MAX_LINE, warn, ctx, err,
                                  errlen);
}

int dyad_fdict_load_capped(dyad_fdict *fd, const char *path, int kind, int dialect,
                           size_t max_line, fd_warn_fn warn, void *ctx, char *err,
                           size_t errlen) {
    size_t len = 0;
    char *buf = dyad_read_file(path, &len, err, errlen);
    if (!buf) {
        memset(fd, 0, sizeof *fd);
        dyad_arena_init(&fd->arena);
        return -1;
    }
    int rc = load_mem_cap(fd, path, buf, len, kind, dialect, max_line, warn, ctx, err, errlen);
    free(buf);
    return rc;
}

void dyad_fdict_free(dyad_fdict *fd) {
    free(fd->actors);
    free(fd->agents);
    free(fd->substs);
    free(fd->synsets);
    free(fd->blocks);
    free(fd->verbs);
    free(fd->patterns);
    free(fd->transforms);
    free(fd->transform_lines);
    free(fd->nouns);
    free(fd->adjectives);
    free(fd->discards);
    free(fd->issues);
    free(fd->issue_cats);
    dyad_arena_free(&fd->arena);
    memset(fd, 0, sizeof *fd);
}
