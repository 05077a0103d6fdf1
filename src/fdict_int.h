/*
 * fdict_int.h — what the foreign-dictionary reader's files share
 * (src/fdict.c, fdict_verbs.c, fdict_config.c, fdict_write.c): growable
 * vectors, the load context with its line reader, and the word, code and
 * date parsers.
 */
#ifndef DYAD_FDICT_INT_H
#define DYAD_FDICT_INT_H
#include <stddef.h>

#include "fdict.h"

/* A growable array of fixed-size elements (malloc'd). */
typedef struct fd_vec {
    void *p;
    size_t n, cap;
} fd_vec;

/** Append one element of `size` bytes; -1 on out of memory. */
int fd_push(fd_vec *v, const void *elem, size_t size);
/** Copy v's elements into the arena (NULL when v is empty); sets *oom on failure. */
void *fd_vdup(dyad_arena *a, const fd_vec *v, size_t size, int *oom);
void fd_vfree(fd_vec *v);

/* Section of a TABARI file (<NOUN> ...). */
enum { SEC_NONE = 0, SEC_SYNSETS, SEC_TIME, SEC_NOUN, SEC_ADJ, SEC_OTHER };

typedef struct fd_ctx {
    dyad_fdict *fd;
    const char *file;   /* base name for reports */
    fd_warn_fn warn;
    void *wctx;
    int dialect;
    int quiet;          /* pre-pass: no reports, no counts */
    int oom;
    /* the line reader */
    const char *buf;
    size_t len, pos;
    long lineno;        /* line being read (1-based) */
    int in_comment;     /* inside <!-- ... --> */
    int finished;       /* ~~FINISH seen */
    size_t max_line;    /* longer lines are reported and skipped; 0 = no cap */
    fd_vec lb;          /* the cleaned current line */
    /* results, moved into fd at the end */
    fd_vec actors, agents, substs, synsets, blocks, verbs, patterns, transforms, tlines,
        nouns, adjs, discards, issues, cats;
    int section;        /* SEC_* */
    char secname[32];   /* of SEC_OTHER */
} fd_ctx;

/** Next line with content: cleaned to UTF-8, comments removed, trimmed.
 *  1 and *line (writable, valid until the next call), or 0 at the end. */
int fd_next_line(fd_ctx *c, char **line);
void fd_reader_rewind(fd_ctx *c);

/** Report on the current line (c->lineno). */
void fd_warn(fd_ctx *c, int sev, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void fd_warn_at(fd_ctx *c, long line, int sev, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

char *fd_strndup(fd_ctx *c, const char *s, size_t n);
const char *fd_skip_space(const char *s);
char *fd_skip_space_w(char *s);
/** Length of s[0, n) without trailing white space. */
size_t fd_rtrim_len(const char *s, size_t n);
/** Bytes of s to quote in a report: at most 80, cut on a character boundary. */
int fd_qlen(const char *s);

/** Split s[0, n) into words on white space and '_' (with FW_US, FW_CONNECT,
 *  FW_EQ, FW_TILDE); a '+' in front of a word marks it FW_VERB when plus_verb.
 *  0, 1 when there is no word, -1 on out of memory. */
int fd_split_phrase(fd_ctx *c, const char *s, size_t n, int plus_verb, fd_phrase *out);

/** Parse the inside of an actor code group "CODE", "CODE <D", "CODE >D",
 *  "CODE D1-D2" (spaces in the date ignored). 0, or 1 with a reason in why
 *  (static text), -1 on out of memory. */
int fd_parse_actor_code(fd_ctx *c, const char *s, size_t n, fd_code *out, const char **why,
                        int *loose);
/** FC_* for a code string. */
unsigned fd_code_flags(const char *code);
/** Parse "AAA" or "AAA:BBB" (inside [...]) into arena strings. 0, 1 (empty), -1 OOM. */
int fd_parse_event_code(fd_ctx *c, const char *s, size_t n, const char **code,
                        const char **code2);
/** yymmdd or yyyymmdd -> YYYYMMDD; -1 if not a date. A day past the end of
 *  its month (0431, 0230: end-of-month dates in CountryInfo) is kept as
 *  written, with *loose set; the value still compares right as YYYYMMDD. */
long fd_parse_date(const char *s, size_t n, int *loose);

/** Handle a TABARI section tag line (<NOUN>, </TIME> ...): 1 if it was one. */
int fd_section_tag(fd_ctx *c, const char *line);
/** A line inside <NOUN> or <ADJECTIVE>: store it. 0 or -1 (OOM). */
int fd_section_word(fd_ctx *c, char *line);

/** Does s[j, e) hold anything but '_'? */
int fd_more_text(const char *s, size_t j, size_t e);

int fd_load_verbs(fd_ctx *c);
int fd_load_actors(fd_ctx *c);
int fd_load_agents(fd_ctx *c);
int fd_load_discards(fd_ctx *c);
int fd_load_issues(fd_ctx *c);

#endif
