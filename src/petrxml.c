/*
 * petrxml.c — streaming reader of PETRARCH XML files (see petrxml.h).
 *
 * One xmlTextReader per reader, fed through our own read callback (stdio
 * or a memory buffer), so libxml2 never opens a path or a URL itself. A small
 * state machine over the reader's nodes: at the top level it looks for
 * <Environment>, <Config> and <Sentence>; inside a <Sentence> for its
 * <Text>, <Parse>, <EventCoding> and <Config>; inside <Environment> every
 * child is a field. Text is gathered into one growable buffer, capped at
 * max_field. Attribute values are built from the attribute's own node list
 * (text and entity references), never through xmlNodeListGetString, which
 * would expand declared entities.
 *
 * Two arenas: `item` for CONFIG and ERROR items (reset at every call) and
 * `rec` for the record or environment being built (reset at the call after
 * one was delivered), so a <Config> inside a <Sentence> can be delivered
 * while the record is still being read.
 */
#include "petrxml.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "arena.h"

enum { MODE_TOP, MODE_ENV, MODE_SENT };
enum { COLLECT_NONE, COLLECT_TEXT, COLLECT_PARSE, COLLECT_ENV };

typedef struct dbuf {
    char *p;
    size_t len, cap;
} dbuf;

struct dyad_petrxml {
    xmlTextReaderPtr xr;
    FILE *f;                 /* open_file; NULL for memory */
    const char *mem;         /* open_memory */
    size_t mem_len, mem_at;
    int io_errno;            /* a read error of f */
    char *io_buf;            /* open_file: IO_BUF bytes read ahead */
    size_t io_len, io_at;
    int io_eof;
    int io_ended;            /* io_read has reported the end of the input */
    size_t max_field;

    dyad_arena item, rec;
    int reset_rec;           /* the last item used `rec`: reset it next call */
    int finished;            /* END or ERROR delivered */
    int oom;

    char *err_msg;           /* malloc'd: the first libxml2 error */
    long err_line;
    int err_fatal, err_code;
    int open;                /* elements open after the last node read */
    int seen_element;
    char *open_err;          /* malloc'd: could not open the file */

    int mode, mode_depth;
    int collect, collect_depth, overflow;
    dbuf buf;

    dyad_px_record r;        /* the record being read */
    int cap_codings;
    int text_seen, parse_seen;
    dyad_px_environment env; /* the environment being read */
    int cap_actor, cap_config, cap_other;
    const char *child_name;  /* the <Environment> child being read */
    long child_line;
};

/* ------------------------------------------------------------ small helpers */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int eq_nocase(const char *s, const char *lit)
{
    for (; *s && *lit; s++, lit++) {
        int c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z')
            c = c - 'A' + 'a';
        if (c != *lit)
            return 0;
    }
    return *s == '\0' && *lit == '\0';
}

static int dbuf_add(dbuf *b, const char *s, size_t n)
{
    if (n > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->len < n) {
            if (cap > SIZE_MAX / 2)
                return -1;
            cap *= 2;
        }
        char *p = realloc(b->p, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* --------------------------------------------------------------- libxml2 I/O */

/*
 * xmlTextReader gives up the nodes the parser built from the same pushed
 * chunk as a fatal error, and it pushes the bytes left at the end of the
 * input together with the end-of-input signal. So the callback hands out at
 * most one line per call (the reader then pushes about a line at a time),
 * and the input's last byte in a call of its own (so every byte is pushed
 * before the end is signalled): the records before an error, or before the
 * end of a truncated file, are all delivered.
 */
#define IO_BUF ((size_t)64 * 1024)

/* The unread bytes: *p, *n; *more says whether bytes may follow them. */
static int io_avail(dyad_petrxml *r, const char **p, size_t *n, int *more)
{
    if (!r->f) {
        *p = r->mem + r->mem_at;
        *n = r->mem_len - r->mem_at;
        *more = 0;
        return 0;
    }
    if (r->io_len - r->io_at < 2 && !r->io_eof) {
        size_t keep = r->io_len - r->io_at;
        if (keep)
            memmove(r->io_buf, r->io_buf + r->io_at, keep);
        r->io_at = 0;
        r->io_len = keep;
        while (r->io_len < 2 && !r->io_eof) {
            size_t got = fread(r->io_buf + r->io_len, 1, IO_BUF - r->io_len, r->f);
            if (got == 0) {
                if (ferror(r->f)) {
                    r->io_errno = errno ? errno : EIO;
                    return -1;
                }
                r->io_eof = 1;
            }
            r->io_len += got;
        }
    }
    *p = r->io_buf + r->io_at;
    *n = r->io_len - r->io_at;
    *more = !r->io_eof;
    return 0;
}

static int io_read(void *ctx, char *buf, int len)
{
    dyad_petrxml *r = ctx;
    const char *p;
    size_t n;
    int more;
    if (len <= 0)
        return 0;
    if (io_avail(r, &p, &n, &more) < 0)
        return -1;
    if (n == 0) {
        r->io_ended = 1;
        return 0;
    }
    size_t give = n;
    if (!more && n > 1)
        give = n - 1; /* the last byte goes alone */
    if (give > (size_t)len)
        give = (size_t)len;
    const char *nl = memchr(p, '\n', give);
    if (nl)
        give = (size_t)(nl - p) + 1;
    memcpy(buf, p, give);
    if (r->f)
        r->io_at += give;
    else
        r->mem_at += give;
    return (int)give;
}

static int io_close(void *ctx)
{
    (void)ctx; /* the FILE is closed by dyad_petrxml_close */
    return 0;
}

/* ------------------------------------------------------------ error capture */

/* Keep the first fatal error (else the first error); drop warnings. */
static void on_error(void *ctx, xmlErrorPtr e)
{
    dyad_petrxml *r = ctx;
    if (!r || !e || e->level < XML_ERR_ERROR)
        return;
    int fatal = e->level == XML_ERR_FATAL;
    if (r->err_msg && (r->err_fatal || !fatal))
        return;
    const char *m = e->message ? e->message : "malformed XML";
    size_t n = strlen(m);
    while (n && is_space((unsigned char)m[n - 1]))
        n--;
    char *p = malloc(n + 1);
    if (!p) {
        r->oom = 1;
        return;
    }
    /* one line: some messages go on with "\nBytes: 0xE9 ..." */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)m[i];
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        if (c == ' ' && (k == 0 || p[k - 1] == ' '))
            continue;
        p[k++] = (char)c;
    }
    p[k] = '\0';
    free(r->err_msg);
    r->err_msg = p;
    r->err_line = e->line;
    r->err_fatal = fatal;
    r->err_code = e->code;
}

static void silent_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* libxml2's thread-local handlers, set to ours around every call into it:
 * errors raised where no per-reader handler applies (creating the reader)
 * are caught too, and nothing reaches stderr. */
typedef struct saved_handlers {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} saved_handlers;

static void quiet_begin(dyad_petrxml *r, saved_handlers *sv)
{
    sv->generic = xmlGenericError;
    sv->generic_ctx = xmlGenericErrorContext;
    sv->structured = xmlStructuredError;
    sv->structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(r, silent_generic);
    xmlSetStructuredErrorFunc(r, on_error);
}

static void quiet_end(const saved_handlers *sv)
{
    xmlSetGenericErrorFunc(sv->generic_ctx, sv->generic);
    xmlSetStructuredErrorFunc(sv->structured_ctx, sv->structured);
}

/* ---------------------------------------------------------------- open/close */

static dyad_petrxml *reader_new(size_t max_field)
{
    dyad_petrxml *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->max_field = max_field ? max_field : DYAD_PX_MAX_FIELD;
    dyad_arena_init(&r->item);
    dyad_arena_init(&r->rec);
    return r;
}

static dyad_petrxml *reader_start(dyad_petrxml *r, const char *url)
{
    xmlInitParser();
    saved_handlers sv;
    quiet_begin(r, &sv);
    r->xr = xmlReaderForIO(io_read, io_close, r, url, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_BIG_LINES);
    if (r->xr)
        xmlTextReaderSetStructuredErrorHandler(r->xr, on_error, r);
    quiet_end(&sv);
    if (!r->xr && !r->err_msg && !r->open_err) {
        r->open_err = xstrdup("cannot start the XML reader (out of memory)");
        if (!r->open_err) {
            dyad_petrxml_close(r);
            return NULL;
        }
    }
    return r;
}

dyad_petrxml *dyad_petrxml_open_file(const char *path, size_t max_field)
{
    dyad_petrxml *r = reader_new(max_field);
    if (!r)
        return NULL;
    r->io_buf = malloc(IO_BUF);
    if (!r->io_buf) {
        dyad_petrxml_close(r);
        return NULL;
    }
    r->f = fopen(path, "rb");
    if (!r->f) {
        const char *why = strerror(errno);
        size_t n = strlen(path) + strlen(why) + 32;
        r->open_err = malloc(n);
        if (!r->open_err) {
            dyad_petrxml_close(r);
            return NULL;
        }
        snprintf(r->open_err, n, "cannot open %s: %s", path, why);
        return r;
    }
    return reader_start(r, path);
}

dyad_petrxml *dyad_petrxml_open_memory(const char *buf, size_t len, size_t max_field)
{
    dyad_petrxml *r = reader_new(max_field);
    if (!r)
        return NULL;
    r->mem = buf;
    r->mem_len = buf ? len : 0;
    return reader_start(r, NULL);
}

void dyad_petrxml_close(dyad_petrxml *r)
{
    if (!r)
        return;
    if (r->xr) {
        saved_handlers sv;
        quiet_begin(r, &sv);
        xmlFreeTextReader(r->xr);
        quiet_end(&sv);
    }
    if (r->f)
        fclose(r->f);
    free(r->io_buf);
    free(r->buf.p);
    free(r->err_msg);
    free(r->open_err);
    dyad_arena_free(&r->item);
    dyad_arena_free(&r->rec);
    free(r);
}

/* -------------------------------------------------------------- node helpers */

static long node_line(dyad_petrxml *r)
{
    xmlNodePtr nd = xmlTextReaderCurrentNode(r->xr);
    long line = nd ? xmlGetLineNo(nd) : -1;
    if (line <= 0)
        line = xmlTextReaderGetParserLineNumber(r->xr);
    return line;
}

/* The value of attribute `name` of the current element, as written (text
 * and "&name;" for entity references, which are not expanded), in arena a;
 * NULL when absent. */
static const char *attr(dyad_petrxml *r, dyad_arena *a, const char *name)
{
    xmlNodePtr nd = xmlTextReaderCurrentNode(r->xr);
    if (!nd || nd->type != XML_ELEMENT_NODE)
        return NULL;
    for (xmlAttrPtr at = nd->properties; at; at = at->next) {
        if (!at->name || strcmp((const char *)at->name, name) != 0)
            continue;
        size_t n = 0;
        for (xmlNodePtr c = at->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && c->content)
                n += strlen((const char *)c->content);
            else if (c->type == XML_ENTITY_REF_NODE && c->name)
                n += strlen((const char *)c->name) + 2;
        }
        char *v = dyad_arena_alloc(a, n + 1);
        if (!v) {
            r->oom = 1;
            return NULL;
        }
        size_t k = 0;
        for (xmlNodePtr c = at->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && c->content) {
                size_t m = strlen((const char *)c->content);
                memcpy(v + k, c->content, m);
                k += m;
            } else if (c->type == XML_ENTITY_REF_NODE && c->name) {
                size_t m = strlen((const char *)c->name);
                v[k++] = '&';
                memcpy(v + k, c->name, m);
                k += m;
                v[k++] = ';';
            }
        }
        v[k] = '\0';
        return v;
    }
    return NULL;
}

static void set_problem(dyad_petrxml *r, const char **slot, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_problem(dyad_petrxml *r, const char **slot, const char *fmt, ...)
{
    if (*slot)
        return;
    va_list ap;
    va_start(ap, fmt);
    *slot = dyad_arena_vprintf(&r->rec, fmt, ap);
    va_end(ap);
    if (!*slot)
        r->oom = 1;
}

/* Grow an arena array held in *arr with *cap slots for one more at index n. */
static int grow(dyad_petrxml *r, void **arr, int n, int *cap, size_t size)
{
    if (n < *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = dyad_arena_grow(&r->rec, *arr, (size_t)n, (size_t)ncap, size);
    if (!p) {
        r->oom = 1;
        return -1;
    }
    *arr = p;
    *cap = ncap;
    return 0;
}

/* --------------------------------------------------------------- parse kind */

dyad_px_parse_kind dyad_px_parse_kind_of(const char *s, size_t len)
{
    if (!s)
        return DYAD_PX_PARSE_NONE;
    size_t i = 0;
    while (i < len && is_space((unsigned char)s[i]))
        i++;
    if (i == len)
        return DYAD_PX_PARSE_NONE;
    if (s[i] == '(')
        return DYAD_PX_PARSE_PTB;
    /* the first line that is neither blank nor a '#' comment */
    size_t at = 0;
    while (at < len) {
        size_t end = at;
        while (end < len && s[end] != '\n')
            end++;
        size_t b = at;
        while (b < end && (s[b] == ' ' || s[b] == '\r'))
            b++;
        if (b < end && s[b] != '#') {
            size_t k = b;
            while (k < end && s[k] >= '0' && s[k] <= '9')
                k++;
            if (k == b)
                return DYAD_PX_PARSE_OTHER;
            if (k < end && (s[k] == '-' || s[k] == '.')) {
                size_t k0 = ++k;
                while (k < end && s[k] >= '0' && s[k] <= '9')
                    k++;
                if (k == k0)
                    return DYAD_PX_PARSE_OTHER;
            }
            if (k >= end || s[k] != '\t')
                return DYAD_PX_PARSE_OTHER;
            int tabs = 0;
            for (size_t j = b; j < end; j++)
                tabs += s[j] == '\t';
            return tabs >= 5 ? DYAD_PX_PARSE_CONLLU : DYAD_PX_PARSE_OTHER;
        }
        at = end + 1;
    }
    return DYAD_PX_PARSE_NONE;
}

/* ----------------------------------------------------------------- building */

static void collect_start(dyad_petrxml *r, int what, int depth)
{
    r->collect = what;
    r->collect_depth = depth;
    r->overflow = 0;
    r->buf.len = 0;
}

static void collect_add(dyad_petrxml *r, const char *s, size_t n)
{
    if (r->collect == COLLECT_NONE || r->overflow)
        return;
    if (n > r->max_field || r->buf.len > r->max_field - n) {
        r->overflow = 1;
        return;
    }
    if (dbuf_add(&r->buf, s, n) < 0)
        r->oom = 1;
}

/* Whitespace runs to one space, trimmed; in place; returns the new length. */
static size_t squeeze(char *p, size_t n)
{
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_space((unsigned char)p[i])) {
            space = 1;
            continue;
        }
        if (space && k)
            p[k++] = ' ';
        space = 0;
        p[k++] = p[i];
    }
    return k;
}

static void collect_finish(dyad_petrxml *r)
{
    int what = r->collect;
    r->collect = COLLECT_NONE;
    if (what == COLLECT_TEXT) {
        if (r->overflow) {
            set_problem(r, &r->r.problem, "<Text> is over the limit of %zu bytes", r->max_field);
            return;
        }
        size_t n = squeeze(r->buf.p, r->buf.len);
        r->r.text = dyad_arena_strndup(&r->rec, n ? r->buf.p : "", n);
        r->r.text_len = n;
        if (!r->r.text)
            r->oom = 1;
    } else if (what == COLLECT_PARSE) {
        if (r->overflow) {
            set_problem(r, &r->r.problem, "<Parse> is over the limit of %zu bytes", r->max_field);
            return;
        }
        r->r.parse = dyad_arena_strndup(&r->rec, r->buf.len ? r->buf.p : "", r->buf.len);
        r->r.parse_len = r->buf.len;
        r->r.parse_kind = dyad_px_parse_kind_of(r->r.parse, r->r.parse_len);
        if (!r->r.parse)
            r->oom = 1;
    } else if (what == COLLECT_ENV) {
        dyad_px_environment *e = &r->env;
        if (r->overflow) {
            set_problem(r, &e->problem, "<%s> at line %ld is over the limit of %zu bytes",
                        r->child_name, r->child_line, r->max_field);
            return;
        }
        size_t b = 0, n = r->buf.len;
        while (b < n && is_space((unsigned char)r->buf.p[b]))
            b++;
        while (n > b && is_space((unsigned char)r->buf.p[n - 1]))
            n--;
        const char *v = dyad_arena_strndup(&r->rec, n > b ? r->buf.p + b : "", n - b);
        if (!v) {
            r->oom = 1;
            return;
        }
        const char *name = r->child_name;
        if (strcmp(name, "Verbfile") == 0) {
            e->verbfile = v;
        } else if (strcmp(name, "Agentfile") == 0) {
            e->agentfile = v;
        } else if (strcmp(name, "Discardfile") == 0) {
            e->discardfile = v;
        } else if (strcmp(name, "Issuefile") == 0) {
            e->issuefile = v;
        } else if (strcmp(name, "Include") == 0) {
            e->include = v;
        } else if (strcmp(name, "Actorfile") == 0) {
            if (e->nactorfiles >= DYAD_PX_MAX_LIST) {
                set_problem(r, &e->problem, "more than %d <Actorfile>", DYAD_PX_MAX_LIST);
                return;
            }
            void *arr = e->actorfiles;
            if (grow(r, &arr, e->nactorfiles, &r->cap_actor, sizeof *e->actorfiles) < 0)
                return;
            e->actorfiles = arr;
            e->actorfiles[e->nactorfiles++] = v;
        } else {
            if (e->nothers >= DYAD_PX_MAX_LIST) {
                set_problem(r, &e->problem, "more than %d other <Environment> children",
                            DYAD_PX_MAX_LIST);
                return;
            }
            void *arr = e->others;
            if (grow(r, &arr, e->nothers, &r->cap_other, sizeof *e->others) < 0)
                return;
            e->others = arr;
            dyad_px_field *fl = &e->others[e->nothers++];
            fl->name = name;
            fl->value = v;
            fl->line = r->child_line;
        }
    }
}

static void read_config(dyad_petrxml *r, dyad_arena *a, dyad_px_config *c)
{
    c->option = attr(r, a, "option");
    c->value = attr(r, a, "value");
    c->line = node_line(r);
}

static void add_coding(dyad_petrxml *r)
{
    dyad_px_record *rec = &r->r;
    if (rec->ncodings >= DYAD_PX_MAX_LIST) {
        set_problem(r, &rec->problem, "more than %d <EventCoding>", DYAD_PX_MAX_LIST);
        return;
    }
    void *arr = rec->codings;
    if (grow(r, &arr, rec->ncodings, &r->cap_codings, sizeof *rec->codings) < 0)
        return;
    rec->codings = arr;
    dyad_px_coding *c = &rec->codings[rec->ncodings++];
    c->sourcecode = attr(r, &r->rec, "sourcecode");
    c->targetcode = attr(r, &r->rec, "targetcode");
    c->eventcode = attr(r, &r->rec, "eventcode");
    c->noevents_attr = attr(r, &r->rec, "noevents");
    c->noevents = c->noevents_attr && eq_nocase(c->noevents_attr, "true");
    c->error = attr(r, &r->rec, "error");
    c->line = node_line(r);
}

static void env_config(dyad_petrxml *r)
{
    dyad_px_environment *e = &r->env;
    if (e->nconfigs >= DYAD_PX_MAX_LIST) {
        set_problem(r, &e->problem, "more than %d <Config> in <Environment>", DYAD_PX_MAX_LIST);
        return;
    }
    void *arr = e->configs;
    if (grow(r, &arr, e->nconfigs, &r->cap_config, sizeof *e->configs) < 0)
        return;
    e->configs = arr;
    read_config(r, &r->rec, &e->configs[e->nconfigs++]);
}

static void start_record(dyad_petrxml *r, int depth)
{
    dyad_px_record *rec = &r->r;
    memset(rec, 0, sizeof *rec);
    r->cap_codings = 0;
    r->text_seen = r->parse_seen = 0;
    r->mode = MODE_SENT;
    r->mode_depth = depth;
    rec->line = node_line(r);
    rec->id = attr(r, &r->rec, "id");
    rec->date = attr(r, &r->rec, "date");
    rec->source = attr(r, &r->rec, "source");
    rec->category = attr(r, &r->rec, "category");
    rec->sentence_attr = attr(r, &r->rec, "sentence");
    rec->sentence = !rec->sentence_attr ? -1 : eq_nocase(rec->sentence_attr, "true");
}

static void start_env(dyad_petrxml *r, int depth)
{
    memset(&r->env, 0, sizeof r->env);
    r->cap_actor = r->cap_config = r->cap_other = 0;
    r->mode = MODE_ENV;
    r->mode_depth = depth;
    r->env.line = node_line(r);
}

/* The current node is an element; returns the kind of a finished item or
 * DYAD_PX_END for none. */
static dyad_px_kind on_element(dyad_petrxml *r, dyad_px_item *it)
{
    const char *name = (const char *)xmlTextReaderConstName(r->xr);
    int depth = xmlTextReaderDepth(r->xr);
    int empty = xmlTextReaderIsEmptyElement(r->xr) == 1;
    if (!name)
        return DYAD_PX_END;
    if (r->mode == MODE_TOP) {
        if (strcmp(name, "Sentence") == 0) {
            start_record(r, depth);
            if (empty) {
                r->mode = MODE_TOP;
                return DYAD_PX_RECORD;
            }
        } else if (strcmp(name, "Environment") == 0) {
            start_env(r, depth);
            if (empty) {
                r->mode = MODE_TOP;
                return DYAD_PX_ENVIRONMENT;
            }
        } else if (strcmp(name, "Config") == 0) {
            read_config(r, &r->item, &it->config);
            return DYAD_PX_CONFIG;
        }
        return DYAD_PX_END;
    }
    if (r->mode == MODE_SENT) {
        if (strcmp(name, "Config") == 0) {
            read_config(r, &r->item, &it->config);
            return DYAD_PX_CONFIG;
        }
        if (strcmp(name, "Sentence") == 0) {
            set_problem(r, &r->r.problem, "<Sentence> inside <Sentence> at line %ld ignored",
                        node_line(r));
            return DYAD_PX_END;
        }
        if (depth != r->mode_depth + 1 || r->collect != COLLECT_NONE)
            return DYAD_PX_END;
        if (strcmp(name, "EventCoding") == 0) {
            add_coding(r);
        } else if (strcmp(name, "Text") == 0 && !r->text_seen) {
            r->text_seen = 1;
            collect_start(r, COLLECT_TEXT, depth);
            if (empty)
                collect_finish(r);
        } else if (strcmp(name, "Parse") == 0 && !r->parse_seen) {
            r->parse_seen = 1;
            r->r.parse_line = node_line(r);
            collect_start(r, COLLECT_PARSE, depth);
            if (empty)
                collect_finish(r);
        }
        return DYAD_PX_END;
    }
    /* MODE_ENV */
    if (depth != r->mode_depth + 1)
        return DYAD_PX_END;
    if (strcmp(name, "Config") == 0) {
        env_config(r);
        return DYAD_PX_END;
    }
    r->child_name = dyad_arena_strdup(&r->rec, name);
    if (!r->child_name) {
        r->oom = 1;
        return DYAD_PX_END;
    }
    r->child_line = node_line(r);
    collect_start(r, COLLECT_ENV, depth);
    if (empty)
        collect_finish(r);
    return DYAD_PX_END;
}

static dyad_px_kind on_end_element(dyad_petrxml *r)
{
    int depth = xmlTextReaderDepth(r->xr);
    if (r->collect != COLLECT_NONE && depth == r->collect_depth)
        collect_finish(r);
    if (r->mode != MODE_TOP && depth == r->mode_depth) {
        int mode = r->mode;
        r->mode = MODE_TOP;
        return mode == MODE_SENT ? DYAD_PX_RECORD : DYAD_PX_ENVIRONMENT;
    }
    return DYAD_PX_END;
}

static void on_text(dyad_petrxml *r, int type)
{
    if (r->collect == COLLECT_NONE)
        return;
    if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
        const char *name = (const char *)xmlTextReaderConstName(r->xr);
        if (name) {
            collect_add(r, "&", 1);
            collect_add(r, name, strlen(name));
            collect_add(r, ";", 1);
        }
        return;
    }
    const char *v = (const char *)xmlTextReaderConstValue(r->xr);
    if (v)
        collect_add(r, v, strlen(v));
}

/* ------------------------------------------------------------------- next */

static dyad_px_kind give_error(dyad_petrxml *r, dyad_px_item *it, long line, const char *msg)
{
    r->finished = 1;
    it->kind = DYAD_PX_ERROR;
    it->line = line;
    if (line > 0)
        it->error = dyad_arena_printf(&r->item, "line %ld: %s", line, msg);
    else
        it->error = dyad_arena_strdup(&r->item, msg);
    if (!it->error)
        it->error = "out of memory";
    return DYAD_PX_ERROR;
}

dyad_px_kind dyad_petrxml_next(dyad_petrxml *r, dyad_px_item *it)
{
    memset(it, 0, sizeof *it);
    it->kind = DYAD_PX_END;
    if (!r || r->finished)
        return DYAD_PX_END;
    dyad_arena_reset(&r->item);
    if (r->reset_rec) {
        dyad_arena_reset(&r->rec);
        r->reset_rec = 0;
    }
    if (r->open_err)
        return give_error(r, it, 0, r->open_err);
    if (!r->xr)
        return give_error(r, it, r->err_line, r->err_msg ? r->err_msg : "cannot read the XML");

    saved_handlers sv;
    quiet_begin(r, &sv);
    dyad_px_kind got = DYAD_PX_END;
    int rc;
    while ((rc = xmlTextReaderRead(r->xr)) == 1) {
        int type = xmlTextReaderNodeType(r->xr);
        switch (type) {
        case XML_READER_TYPE_ELEMENT:
            r->open = xmlTextReaderDepth(r->xr) + (xmlTextReaderIsEmptyElement(r->xr) != 1);
            r->seen_element = 1;
            got = on_element(r, it);
            break;
        case XML_READER_TYPE_END_ELEMENT:
            r->open = xmlTextReaderDepth(r->xr);
            got = on_end_element(r);
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        case XML_READER_TYPE_ENTITY_REFERENCE:
            on_text(r, type);
            break;
        default:
            break;
        }
        if (r->oom || got != DYAD_PX_END)
            break;
    }
    long parser_line = xmlTextReaderGetParserLineNumber(r->xr);
    quiet_end(&sv);

    if (r->oom)
        return give_error(r, it, 0, "out of memory");
    if (got != DYAD_PX_END) {
        it->kind = got;
        if (got == DYAD_PX_RECORD) {
            it->rec = r->r;
            it->line = r->r.line;
            r->reset_rec = 1;
        } else if (got == DYAD_PX_ENVIRONMENT) {
            it->env = r->env;
            it->line = r->env.line;
            r->reset_rec = 1;
        } else {
            it->line = it->config.line;
        }
        return got;
    }
    if (r->io_errno) {
        char msg[160];
        snprintf(msg, sizeof msg, "read error: %s", strerror(r->io_errno));
        return give_error(r, it, parser_line, msg);
    }
    if (rc < 0 || r->err_fatal) {
        /* the error's own line can be one inside an entity's text */
        long line = r->err_msg && r->err_line > parser_line ? r->err_line : parser_line;
        const char *msg = r->err_msg ? r->err_msg : "malformed XML";
        /* libxml2's streaming parser says "Extra content at the end of the
         * document" for extra content after the root element, but also when
         * the input ends before any element or inside one */
        int at_end = r->err_code == XML_ERR_DOCUMENT_END && r->io_ended;
        if (at_end && !r->seen_element) {
            msg = "Document is empty";
        } else if (at_end && r->open > 0) {
            const char *m2;
            if (r->mode == MODE_SENT)
                m2 = dyad_arena_printf(&r->item,
                                       "unexpected end of input inside the <Sentence> of "
                                       "line %ld (truncated?)",
                                       r->r.line);
            else
                m2 = dyad_arena_strdup(&r->item,
                                       "unexpected end of input inside an open element "
                                       "(truncated?)");
            if (m2)
                msg = m2;
        }
        return give_error(r, it, line, msg);
    }
    r->finished = 1;
    return DYAD_PX_END;
}
