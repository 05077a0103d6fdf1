/*
 * main.c — the dyad command-line tool. Uses only the public API (dyad.h).
 *
 *   dyad code [options] PATH...    code articles, write events
 *   dyad help [code]  |  dyad --help  |  dyad --version
 *
 * Exit status: 0 every article coded; 1 some failed; 2 usage error, model
 * not loaded or output not written; 3 no article could be coded; 130/143
 * interrupted by SIGINT/SIGTERM.
 *
 * Every input record is either coded or failed: read = coded + failed, and
 * --failed FILE lists the failed ones. Output files (-o, --failed) are
 * written to a temporary file in the same directory and renamed over FILE at
 * the end, so FILE is either the complete new output or left as it was.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dict_cmd.h"
#include "validate.h"
#include "dyad.h"

/* --threads: at most this many; each codes its share of a batch of
 * BATCH_PER_THREAD articles per thread, reported in input order */
#define MAX_THREADS 64
#define BATCH_PER_THREAD 32

enum { EXIT_ALL_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2, EXIT_NONE_CODED = 3 };

#define MAX_DEPTH 64 /* directory recursion limit */

static const char GENERAL_HELP[] =
    "dyad %s - code dated English news articles into CAMEO political events\n"
    "\n"
    "Usage:\n"
    "  dyad code [options] PATH...   code articles and write their events\n"
    "  dyad dict check|stats         check or count the dictionaries\n"
    "  dyad validate FILE            run a PETRARCH or TABARI validation suite\n"
    "  dyad help code|dict|validate  the options of a command\n"
    "  dyad --help                   this text\n"
    "  dyad --version                print the version\n"
    "\n"
    "Exit status:\n"
    "  0  every article was coded\n"
    "  1  some articles failed (the others were coded)\n"
    "  2  usage error, the model could not be loaded, or the output could not\n"
    "     be written\n"
    "  3  no article could be coded (all failed, or nothing was read)\n"
    "  130, 143  interrupted by SIGINT or SIGTERM (128 + the signal number)\n";

static const char CODE_HELP[] =
    "Usage: dyad code [options] PATH...\n"
    "\n"
    "Code each article found in PATH and write its events to standard output,\n"
    "one per line. PATH is a file, a directory (its .txt, .jsonl and .xml files,\n"
    "recursively, in byte-wise name order), or - for standard input.\n"
    "\n"
    "Input formats (chosen by extension unless --input-format is given):\n"
    "  .jsonl       one article per line: a JSON object with \"id\", \"date\"\n"
    "               (YYYY-MM-DD or YYYYMMDD), \"text\", and optionally \"outlet\"\n"
    "               and \"url\"\n"
    "  .xml         PETRARCH XML: each <Sentence> is an article (its id and date\n"
    "               attributes, <Text>, and its Treebank <Parse>, which dyad codes\n"
    "               from unless --ignore-parse is given)\n"
    "  other files  one article per file (text); the date comes from a leading\n"
    "               \"date YYYY-MM-DD\" token; the id is the file name without\n"
    "               its extension (\"stdin\" for -)\n"
    "\n"
    "Options:\n"
    "  --input-format text|jsonl|petrarch-xml|tabari\n"
    "                             read every PATH in this format; tabari: TABARI\n"
    "                             text records (a \"YYMMDD ID\" line, then the text\n"
    "                             up to a blank line)\n"
    "  --ignore-parse             code PETRARCH XML from <Text> with dyad's own\n"
    "                             parser, not from the <Parse> tree\n"
    "  --dict KIND=FILE           code with a PETRARCH2 or TABARI dictionary\n"
    "                             instead of dyad's (KIND: verbs, actors, agents,\n"
    "                             discards, issues; repeatable; docs/COMPAT.md)\n"
    "  --dict-dir DIR             the dictionaries named by DIR/PETR_config.ini or\n"
    "                             by the TABARI .project file in DIR (--dict\n"
    "                             replaces one kind of them, or adds actors);\n"
    "                             PETR_config.ini's require_dyad applies\n"
    "  --date YYYY-MM-DD          use this date for every article (overrides the\n"
    "                             date token or field)\n"
    "  --format jsonl|tsv|petrarch  output format (default jsonl); petrarch is\n"
    "                             PETRARCH2's event lines; see docs/OUTPUT.md\n"
    "  --statements on|off        code statements (CAMEO 01x) by speakers\n"
    "                             (default on)\n"
    "  --require-dyad             keep only events with both a source and a target\n"
    "  --explain                  before each article's events, print how it was\n"
    "                             coded, every line starting with \"# \"\n"
    "  --data DIR                 model data directory (default: $DYAD_DATA, else\n"
    "                             the compiled-in data directory)\n"
    "  -o FILE                    write events to FILE instead of standard output;\n"
    "                             FILE is replaced only when the run ends (see\n"
    "                             below)\n"
    "  --failed FILE              list every article that was not coded in FILE:\n"
    "                             a header row, then path<TAB>line<TAB>id<TAB>reason\n"
    "                             (line 0 and id \"\" when not known)\n"
    "  --strict-dict              refuse to start (status 2) if a dictionary line\n"
    "                             is malformed, instead of skipping it with a\n"
    "                             warning\n"
    "  --threads N                code with N threads sharing one model (default:\n"
    "                             the number of cores); the output is the same as\n"
    "                             with one thread, in input order\n"
    "  --max-sentence-tokens N    do not code sentences longer than N tokens\n"
    "                             (default 400; 0 = no limit); each one skipped\n"
    "                             is reported as \"FILE: sentence K: ...\"\n"
    "  --max-article-bytes N      articles longer than N bytes fail (default\n"
    "                             8388608; 0 = no limit)\n"
    "  --max-parse-depth N        a Treebank parse nested deeper than N levels\n"
    "                             fails its article (default 500; 0 = no limit)\n"
    "  --max-dict-line N          dictionary lines longer than N bytes are\n"
    "                             malformed entries (default 65536)\n"
    "  -q, --quiet                no progress line and no summary\n"
    "  -h, --help                 this text\n"
    "\n"
    "Every article that cannot be read or coded is reported on standard error as\n"
    "\"dyad: FILE[:LINE]: reason\" and the others go on. At the end a summary\n"
    "line is printed on standard error, where read = coded + failed:\n"
    "  dyad: N articles read, N coded, N failed; N sentences, N events\n"
    "A file or directory that cannot be read counts as one failed article.\n"
    "\n"
    "-o FILE and --failed FILE are written to a temporary file .FILE.XXXXXX in\n"
    "the same directory, renamed to FILE when the run ends with status 0, 1 or 3.\n"
    "On status 2 or an interruption the temporary file is removed and an\n"
    "existing FILE is left as it was. (A FILE that is not a regular file, such\n"
    "as /dev/null, is written directly.)\n"
    "\n"
    "Exit status: 0 every article was coded; 1 some articles failed (the others\n"
    "were coded); 2 usage error, the model could not be loaded, or the output\n"
    "could not be written; 3 no article could be coded (all failed, or nothing\n"
    "was read); 130 or 143 interrupted by SIGINT or SIGTERM (checked between\n"
    "articles; 128 + the signal number).\n";

/* --------------------------------------------------------------- signals */

/* The signal that asked us to stop (SIGINT, SIGTERM), or 0. The handler only
 * sets it; the run checks it between articles. */
static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

/* SIGINT and SIGTERM set stop_signal, unless they were ignored when dyad
 * started (nohup, a background job of a non-interactive shell). No
 * SA_RESTART: a blocking read of standard input returns (EINTR) so the run
 * can stop. */
static void install_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
}

static const char *signal_name(int sig)
{
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "a signal";
}

/* ---------------------------------------------------------- output files */

/* An output file written atomically: events go to `tmp` (in the directory
 * of `final`), renamed over `final` by outfile_commit. A path that exists
 * and is not a regular file (/dev/null, a FIFO), or is the file standard
 * output or standard error already write to (/dev/stdout), is written
 * directly. */
typedef struct outfile {
    const char *path;  /* as given, for messages */
    char *final;       /* what is replaced: path, or the target of a symlink */
    char *tmp;         /* the temporary file, NULL when writing directly */
    FILE *f;
    int borrowed;      /* f is stdout or stderr: flushed, never closed */
} outfile;

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* Is st the file that descriptor fd is open on? */
static int same_file_as_fd(const struct stat *st, int fd)
{
    struct stat fst;
    return fstat(fd, &fst) == 0 && fst.st_dev == st->st_dev && fst.st_ino == st->st_ino;
}

/* Open o for path. Returns 0, or -1 after printing why. */
static int outfile_open(outfile *o, const char *path)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    struct stat st, lst;
    int exists = stat(path, &st) == 0;
    if (exists && same_file_as_fd(&st, STDOUT_FILENO)) {
        o->f = stdout; /* share the stream, so nothing is written over */
        o->borrowed = 1;
        return 0;
    }
    if (exists && same_file_as_fd(&st, STDERR_FILENO)) {
        o->f = stderr;
        o->borrowed = 1;
        return 0;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        o->f = fopen(path, "w");
        if (!o->f) {
            fprintf(stderr, "dyad: %s: %s\n", path, strerror(errno));
            return -1;
        }
        return 0;
    }
    if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
        o->final = realpath(path, NULL); /* replace the file the link points to */
    else
        o->final = xstrdup(path);
    if (!o->final) {
        fprintf(stderr, "dyad: %s: %s\n", path, strerror(errno));
        return -1;
    }
    const char *slash = strrchr(o->final, '/');
    size_t dirlen = slash ? (size_t)(slash - o->final) + 1 : 0;
    const char *base = o->final + dirlen;
    size_t n = dirlen + 1 + strlen(base) + sizeof ".XXXXXX";
    o->tmp = malloc(n);
    if (!o->tmp) {
        fprintf(stderr, "dyad: %s: out of memory\n", path);
        free(o->final);
        o->final = NULL;
        return -1;
    }
    snprintf(o->tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, o->final, base);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        fprintf(stderr, "dyad: %s: cannot create a temporary file %s: %s\n", path, o->tmp,
                strerror(e));
        free(o->tmp);
        free(o->final);
        o->tmp = o->final = NULL;
        return -1;
    }
    /* mkstemp makes the file 0600: give it the mode an existing FILE has, else
     * the one a new file would get (0666 less the umask) */
    mode_t mode;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "w"))) {
        int e = errno;
        fprintf(stderr, "dyad: %s: %s\n", o->tmp, strerror(e));
        close(fd);
        unlink(o->tmp);
        free(o->tmp);
        free(o->final);
        o->tmp = o->final = NULL;
        return -1;
    }
    return 0;
}

/* Flush, sync and close o's stream. Returns 0, or an errno value. */
static int outfile_close(outfile *o)
{
    if (!o->f)
        return 0;
    int e = 0;
    if (fflush(o->f) != 0 || ferror(o->f))
        e = errno ? errno : EIO;
    else if (o->tmp && fsync(fileno(o->f)) != 0)
        e = errno;
    if (!o->borrowed && fclose(o->f) != 0 && !e)
        e = errno ? errno : EIO;
    o->f = NULL;
    return e;
}

/* Put the finished output in place. Returns 0, or an errno value. */
static int outfile_commit(outfile *o)
{
    int e = 0;
    if (o->tmp && rename(o->tmp, o->final) != 0) {
        e = errno;
        unlink(o->tmp);
    }
    free(o->tmp);
    free(o->final);
    o->tmp = o->final = NULL;
    return e;
}

/* Drop the output: close, remove the temporary file, leave FILE alone. */
static void outfile_discard(outfile *o)
{
    if (o->f && !o->borrowed)
        fclose(o->f);
    o->f = NULL;
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->final);
    o->tmp = o->final = NULL;
}

/* ----------------------------------------------------------------- state */

typedef struct run {
    const dyad_model *model;
    dyad_options opt;
    dyad_input_format in_fmt;
    dyad_format out_fmt;
    const char *date;
    int explain, quiet;
    FILE *out;
    FILE *failed_out;       /* --failed FILE, or NULL */
    const char *cur_file;   /* file being read, for messages */
    const char *cur_path;   /* the same as given ("-" for stdin), for --failed */
    int cur_jsonl;          /* it is read as JSON Lines */
    int cur_multi;          /* it holds many records (JSON Lines, PETRARCH XML, TABARI):
                               messages name the article */
    /* JSON Lines: where the next record is looked for, to give the line of an
     * article that fails to code (the reader reports one record per
     * non-blank line, in order) */
    const char *cur_buf;
    size_t cur_len, rec_pos;
    long rec_line;          /* line number of the line starting at rec_pos */
    long line_base;         /* lines of the input before cur_buf (JSON Lines are read
                               in chunks of whole lines) */
    int write_failed, write_errno;
    int failed_write_failed, failed_write_errno; /* writing --failed FILE failed */
    /* counts */
    unsigned long read, coded, failed, path_errors;
    unsigned long long sentences, events;
    /* --threads N: articles are copied into a batch, coded by N threads, then
     * reported in input order exactly as with one thread */
    int threads;
    struct job *jobs;
    size_t njobs, capjobs;
    /* progress line */
    int progress;           /* stderr is a terminal and not quiet */
    int progress_shown;
    struct timespec last;
} run;

static void progress_clear(run *r)
{
    if (r->progress_shown) {
        fputs("\r                                                            \r", stderr);
        r->progress_shown = 0;
    }
}

static void progress_update(run *r, int force)
{
    if (!r->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double dt = (double)(now.tv_sec - r->last.tv_sec) +
                (double)(now.tv_nsec - r->last.tv_nsec) / 1e9;
    if (!force && dt < 0.1)
        return;
    r->last = now;
    fprintf(stderr, "\rdyad: %lu articles done, %llu events", r->read, r->events);
    r->progress_shown = 1;
}

/* "dyad: " + message on stderr, after clearing the progress line. */
static void say(run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(run *r, const char *fmt, ...)
{
    if (r)
        progress_clear(r);
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* ------------------------------------------------------------ accounting */

/* A field of the --failed list: tab, newline and carriage return become
 * spaces (as in the TSV output). */
static void put_field(FILE *f, const char *s)
{
    for (; s && *s; s++)
        putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

/* The id a text file's article gets (the reader's rule): the base name
 * without its last extension, "stdin" for -. Malloc'd; NULL on OOM. */
static char *text_id(const char *path)
{
    if (strcmp(path, "-") == 0)
        return xstrdup("stdin");
    const char *b = path;
    for (const char *p = path; *p; p++)
        if (*p == '/' || *p == '\\')
            b = p + 1;
    size_t n = strlen(b);
    const char *dot = strrchr(b, '.');
    if (dot && dot != b)
        n = (size_t)(dot - b);
    if (n == 0)
        return xstrdup("article");
    char *id = malloc(n + 1);
    if (id) {
        memcpy(id, b, n);
        id[n] = '\0';
    }
    return id;
}

/* Count one input record that was not coded and list it in --failed FILE.
 * id NULL: the article id of a text file, else unknown (""). */
static void record_failure(run *r, const char *path, long line, const char *id,
                           const char *reason, int text_file)
{
    r->read++;
    r->failed++;
    if (!r->failed_out)
        return;
    char *own = NULL;
    if (!id && text_file)
        id = own = text_id(path);
    FILE *f = r->failed_out;
    put_field(f, path);
    fprintf(f, "\t%ld\t", line > 0 ? line : 0L);
    put_field(f, id ? id : "");
    putc('\t', f);
    put_field(f, reason);
    putc('\n', f);
    free(own);
    if (ferror(f) && !r->failed_write_failed) {
        r->failed_write_failed = 1;
        r->failed_write_errno = errno;
    }
}

/* JSON Lines: move the record cursor past line `line`. */
static void skip_to_after_line(run *r, long line)
{
    while (r->rec_pos < r->cur_len && r->rec_line <= line) {
        const char *nl = memchr(r->cur_buf + r->rec_pos, '\n', r->cur_len - r->rec_pos);
        r->rec_pos = nl ? (size_t)(nl - r->cur_buf) + 1 : r->cur_len;
        r->rec_line++;
    }
}

/* JSON Lines: the line of the next record (the next non-blank line after
 * the cursor), moving the cursor past it; 0 when not found. */
static long next_record_line(run *r)
{
    static const char bom[] = "\xEF\xBB\xBF";
    while (r->rec_pos < r->cur_len) {
        const char *s = r->cur_buf + r->rec_pos;
        const char *nl = memchr(s, '\n', r->cur_len - r->rec_pos);
        size_t n = nl ? (size_t)(nl - s) : r->cur_len - r->rec_pos;
        long line = r->rec_line;
        r->rec_pos += n + (nl ? 1 : 0);
        r->rec_line++;
        size_t i = 0;
        if (line == 1 && n >= 3 && memcmp(s, bom, 3) == 0)
            i = 3;
        for (; i < n; i++)
            if (!strchr(" \t\r\f\v", s[i]))
                return line;
    }
    return 0;
}

/* ------------------------------------------------------------- callbacks */

static int flush_jobs(run *r);

static void on_reject(void *ctx, const dyad_error *e)
{
    run *r = ctx;
    flush_jobs(r); /* earlier articles are reported first, as with one thread */
    const char *file = r->cur_file; /* e->file is the same path ("-" for stdin) */
    long line = e->line > 0 ? e->line + r->line_base : e->line;
    if (line > 0)
        say(r, "%s:%ld: %s", file, line, e->message);
    else
        say(r, "%s: %s", file, e->message);
    if (r->cur_jsonl && line > 0)
        skip_to_after_line(r, line);
    record_failure(r, r->cur_path, line, NULL, e->message, !r->cur_multi);
    progress_update(r, 0);
}

static void print_explain(FILE *out, const char *text)
{
    while (text && *text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        /* lines the library already marks as comments are kept as they are */
        if (n == 0 || text[0] != '#')
            fputs(n ? "# " : "#", out);
        fwrite(text, 1, n, out);
        fputc('\n', out);
        text += n + (nl ? 1 : 0);
    }
}

/* Report one coded (or failed) article: messages, counts, output. Frees doc.
 * Returns nonzero to stop reading (broken output or a signal). */
static int finish_article(run *r, const dyad_article *a, long line, dyad_doc *doc,
                          dyad_status st, const dyad_error *err)
{
    if (st != DYAD_OK || !doc) {
        const char *why = err->message[0] ? err->message : dyad_strerror(st);
        if (r->cur_multi && line > 0)
            say(r, "%s:%ld: article \"%s\": %s", r->cur_file, line, a->id, why);
        else if (r->cur_multi)
            say(r, "%s: article \"%s\": %s", r->cur_file, a->id, why);
        else
            say(r, "%s: %s", r->cur_file, why);
        record_failure(r, r->cur_path, line, a->id, why, 0);
        dyad_doc_free(doc);
        progress_update(r, 0);
        return r->failed_write_failed || stop_signal;
    }
    r->read++;
    r->coded++;
    r->sentences += dyad_doc_sentence_count(doc);
    r->events += dyad_doc_event_count(doc);
    /* parts of the article that were not coded (a sentence over the limit) */
    for (size_t i = 0; i < dyad_doc_note_count(doc); i++) {
        if (r->cur_multi && line > 0)
            say(r, "%s:%ld: article \"%s\": %s", r->cur_file, line, a->id, dyad_doc_note(doc, i));
        else if (r->cur_multi)
            say(r, "%s: article \"%s\": %s", r->cur_file, a->id, dyad_doc_note(doc, i));
        else
            say(r, "%s: %s", r->cur_file, dyad_doc_note(doc, i));
    }
    if (r->explain)
        print_explain(r->out, dyad_doc_explain(doc));
    errno = 0;
    if (dyad_write_events(r->out, r->out_fmt, a, doc) != 0 || ferror(r->out)) {
        r->write_failed = 1;
        r->write_errno = errno;
    }
    dyad_doc_free(doc);
    progress_update(r, 0);
    /* stop reading when output is broken or a signal came */
    return r->write_failed || r->failed_write_failed || stop_signal;
}

/* An article waiting in the batch: owned copies of its strings, its record
 * line, and what coding it gave. */
typedef struct job {
    dyad_article a;
    char *mem;
    long line;
    dyad_doc *doc;
    dyad_status st;
    dyad_error err;
} job;

typedef struct pool {
    run *r;
    job *jobs;
    size_t n;
    size_t next; /* guarded by lock */
    pthread_mutex_t lock;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            return NULL;
        job *j = &p->jobs[i];
        memset(&j->err, 0, sizeof j->err);
        j->st = dyad_code_article(p->r->model, &p->r->opt, &j->a, &j->doc, &j->err);
    }
}

/* Code the batch with r->threads threads, then report it in input order.
 * Returns nonzero to stop reading. */
static int flush_jobs(run *r)
{
    if (r->njobs == 0)
        return 0;
    pool p = {r, r->jobs, r->njobs, 0, PTHREAD_MUTEX_INITIALIZER};
    size_t nt = (size_t)r->threads < r->njobs ? (size_t)r->threads : r->njobs;
    pthread_t tid[MAX_THREADS];
    size_t started = 0;
    for (size_t t = 1; t < nt; t++) /* the calling thread is one of the workers */
        if (pthread_create(&tid[started], NULL, worker, &p) == 0)
            started++;
    worker(&p);
    for (size_t t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    int stop = 0;
    for (size_t i = 0; i < r->njobs; i++) {
        job *j = &r->jobs[i];
        if (!stop && stop_signal)
            stop = 1; /* interrupted: the rest of the batch is not reported */
        if (stop)
            dyad_doc_free(j->doc);
        else
            stop = finish_article(r, &j->a, j->line, j->doc, j->st, &j->err);
        free(j->mem);
    }
    r->njobs = 0;
    return stop;
}

/* Copy a into a new job at the end of the batch; -1 on OOM. */
static int push_job(run *r, const dyad_article *a, long line)
{
    if (r->njobs == r->capjobs) {
        size_t nc = r->capjobs ? r->capjobs * 2 : 64;
        job *nj = realloc(r->jobs, nc * sizeof *nj);
        if (!nj)
            return -1;
        r->jobs = nj;
        r->capjobs = nc;
    }
    const char *parts[4] = {a->id, a->date, a->outlet, a->url};
    size_t need = a->text_len + 1 + (a->parse ? a->parse_len + 1 : 0);
    for (int k = 0; k < 4; k++)
        need += parts[k] ? strlen(parts[k]) + 1 : 0;
    char *mem = malloc(need), *w = mem;
    if (!mem)
        return -1;
    job *j = &r->jobs[r->njobs];
    memset(j, 0, sizeof *j);
    const char *copies[4] = {NULL, NULL, NULL, NULL};
    for (int k = 0; k < 4; k++) {
        if (!parts[k])
            continue;
        size_t n = strlen(parts[k]) + 1;
        memcpy(w, parts[k], n);
        copies[k] = w;
        w += n;
    }
    if (a->text_len)
        memcpy(w, a->text, a->text_len);
    w[a->text_len] = '\0';
    char *parse = NULL;
    if (a->parse) {
        parse = w + a->text_len + 1;
        if (a->parse_len)
            memcpy(parse, a->parse, a->parse_len);
        parse[a->parse_len] = '\0';
    }
    j->a = (dyad_article){copies[0], copies[1], copies[2], copies[3], w, a->text_len,
                          parse, a->parse ? a->parse_len : 0};
    j->mem = mem;
    j->line = line;
    r->njobs++;
    return 0;
}

static int on_article(void *ctx, const dyad_article *a)
{
    run *r = ctx;
    if (stop_signal)
        return 1; /* interrupted: this article is not read */
    long line = r->cur_jsonl ? next_record_line(r) : 0;
    if (r->threads > 1) {
        if (push_job(r, a, line) == 0) {
            if (r->njobs < (size_t)r->threads * BATCH_PER_THREAD)
                return 0;
            return flush_jobs(r);
        }
        /* no memory for a copy: code this one here, after the batch */
        if (flush_jobs(r))
            return 1;
    }
    dyad_doc *doc = NULL;
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = dyad_code_article(r->model, &r->opt, a, &doc, &err);
    return finish_article(r, a, line, doc, st, &err);
}

/* ----------------------------------------------------------------- input */

/* Read all of f into a malloc'd buffer; NULL with errno set on failure. */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            if (cap > ((size_t)-1) / 2) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                errno = e;
                return NULL;
            }
            break;
        }
    }
    *len = n;
    return buf;
}

/* Does path end in ext (lower-case, with its dot), in any case? */
static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), k = strlen(ext);
    if (n <= k || path[n - k - 1] == '/')
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = path[n - k + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != ext[i])
            return 0;
    }
    return 1;
}

/* Same rule as the reader's automatic choice: the name ends in ".jsonl"
 * (any case). */
static int has_jsonl_ext(const char *path)
{
    return has_ext(path, ".jsonl");
}

/* Code the JSON Lines in buf[0, len) (whole lines), the lines after
 * r->line_base of the input. Returns 0, or -1 when the reader gave up. */
static int code_lines(run *r, const char *path, const char *shown, const char *buf, size_t len)
{
    r->cur_buf = buf;
    r->cur_len = len;
    r->rec_pos = 0;
    r->rec_line = r->line_base + 1;
    unsigned long before = r->read;
    dyad_status st = dyad_read_articles(path, buf, len, DYAD_INPUT_JSONL, r->date, on_article,
                                        on_reject, r);
    flush_jobs(r);
    r->cur_buf = NULL;
    if (st != DYAD_OK && st != DYAD_ERR_BAD_DATE) {
        const char *why = dyad_strerror(st);
        say(r, "%s: %s; %s", shown, why,
            r->read > before ? "the rest of the file was not read" : "the file was not read");
        record_failure(r, path, 0, NULL, why, 0);
        return -1;
    }
    return 0;
}

/* JSON Lines are read and coded a chunk of whole lines at a time, so memory
 * stays flat on an unbounded input (only one line must fit). */
static void code_jsonl_stream(run *r, FILE *f, const char *path, const char *shown)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    r->cur_file = shown;
    r->cur_path = path;
    r->cur_jsonl = 1;
    r->cur_multi = 1;
    r->line_base = 0;
    int eof = 0, coded_any = 0;
    while (buf && !eof && !stop_signal && !r->write_failed) {
        if (n == cap) {
            char *nb = cap <= ((size_t)-1) / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                if (e == EINTR && stop_signal)
                    break;
                say(r, "%s: cannot read: %s", shown, strerror(e));
                record_failure(r, path, r->line_base + 1, NULL, strerror(e), 0);
                break;
            }
            eof = 1;
        }
        /* code the whole lines read so far; keep the partial last one */
        size_t upto = n;
        if (!eof) {
            size_t last = n;
            while (last > 0 && buf[last - 1] != '\n')
                last--;
            if (last == 0 || (n < cap && last < cap / 2))
                continue; /* read more first: whole lines, in big chunks */
            upto = last;
        }
        /* blank chunks are only counted: the reader's "only blank lines"
         * verdict is for the whole input (given at the end if it holds) */
        int blank = 1;
        for (size_t i = 0; i < upto && blank; i++)
            blank = strchr(" \t\r\n\f\v", buf[i]) != NULL;
        if (upto && (!blank || (eof && !coded_any))) {
            coded_any = 1;
            if (code_lines(r, path, shown, buf, upto) != 0)
                break;
        }
        for (size_t i = 0; i < upto; i++)
            r->line_base += buf[i] == '\n';
        memmove(buf, buf + upto, n - upto);
        n -= upto;
    }
    if (buf && eof && !coded_any && !stop_signal)
        code_lines(r, path, shown, buf, 0); /* an empty input: the reader says so */
    if (!buf) {
        say(r, "%s: out of memory", shown);
        record_failure(r, path, 0, NULL, "out of memory", 0);
    }
    r->line_base = 0;
    free(buf);
}

static void code_file(run *r, const char *path)
{
    FILE *f;
    int is_stdin = strcmp(path, "-") == 0;
    int jsonl = r->in_fmt == DYAD_INPUT_JSONL ||
                (r->in_fmt == DYAD_INPUT_AUTO && has_jsonl_ext(path));
    errno = 0;
    const char *shown = is_stdin ? "<stdin>" : path;
    f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        const char *why = strerror(errno);
        say(r, "%s: %s", path, why);
        record_failure(r, path, 0, NULL, why, !jsonl);
        return;
    }
    if (jsonl) {
        code_jsonl_stream(r, f, path, shown);
        if (!is_stdin)
            fclose(f);
        return;
    }
    size_t len = 0;
    errno = 0;
    char *buf = slurp(f, &len);
    int e = errno;
    if (!is_stdin)
        fclose(f);
    if (!buf) {
        if (e == EINTR && stop_signal)
            return; /* interrupted while reading: nothing was read */
        char *why = NULL;
        size_t n = strlen(strerror(e)) + sizeof "cannot read: ";
        if ((why = malloc(n)) != NULL)
            snprintf(why, n, "cannot read: %s", strerror(e));
        say(r, "%s: %s", shown, why ? why : strerror(e));
        record_failure(r, path, 0, NULL, why ? why : strerror(e), !jsonl);
        free(why);
        return;
    }
    r->cur_file = shown;
    r->cur_path = path;
    r->cur_jsonl = jsonl;
    r->cur_multi = r->in_fmt == DYAD_INPUT_PETRARCH_XML || r->in_fmt == DYAD_INPUT_TABARI ||
                   (r->in_fmt == DYAD_INPUT_AUTO && has_ext(path, ".xml"));
    r->cur_buf = buf;
    r->cur_len = len;
    r->rec_pos = 0;
    r->rec_line = 1;
    unsigned long before = r->read;
    dyad_status st = dyad_read_articles(path, buf, len, r->in_fmt, r->date, on_article,
                                        on_reject, r);
    flush_jobs(r);
    if (st != DYAD_OK && st != DYAD_ERR_BAD_DATE) {
        /* the reader gave up (out of memory): what it did not read is lost,
         * so it counts as one more failed record */
        const char *why = dyad_strerror(st);
        say(r, "%s: %s; %s", shown, why,
            r->read > before ? "the rest of the file was not read" : "the file was not read");
        record_failure(r, path, 0, NULL, why, 0);
    }
    r->cur_buf = NULL;
    free(buf);
}

/* Known extensions for files found in directories. */
static int known_ext(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return 0;
    return strcmp(dot, ".txt") == 0 || strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".xml") == 0;
}

typedef struct pathlist {
    char **v;
    size_t n, cap;
} pathlist;

static int pl_push(pathlist *pl, char *s)
{
    if (pl->n == pl->cap) {
        size_t nc = pl->cap ? pl->cap * 2 : 64;
        char **nv = realloc(pl->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        pl->v = nv;
        pl->cap = nc;
    }
    pl->v[pl->n++] = s;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *p = malloc(dl + (size_t)slash + nl + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (slash)
        p[dl] = '/';
    memcpy(p + dl + (size_t)slash, name, nl + 1);
    return p;
}

/* Collect the known files below dir (skipping names that start with '.';
 * symbolic links to directories are not followed). Returns -1 on OOM. */
static int collect(run *r, const char *dir, int depth, pathlist *pl)
{
    if (depth > MAX_DEPTH) {
        static const char why[] = "directories nested too deeply; skipped";
        say(r, "%s: %s", dir, why);
        record_failure(r, dir, 0, NULL, why, 0);
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        /* the articles in it cannot be counted: the directory counts as one */
        const char *why = strerror(errno);
        say(r, "%s: %s", dir, why);
        record_failure(r, dir, 0, NULL, why, 0);
        return 0;
    }
    struct dirent *de;
    int rc = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char *p = join_path(dir, de->d_name);
        if (!p) {
            rc = -1;
            break;
        }
        struct stat st;
        if (lstat(p, &st) != 0) {
            const char *why = strerror(errno);
            say(r, "%s: %s", p, why);
            if (known_ext(de->d_name))
                record_failure(r, p, 0, NULL, why, !has_jsonl_ext(p));
            else
                r->path_errors++;
            free(p);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            rc = collect(r, p, depth + 1, pl);
            free(p);
            if (rc)
                break;
            continue;
        }
        if (S_ISLNK(st.st_mode)) {
            if (stat(p, &st) != 0) {
                /* a dangling link with an article's name: report it, count it */
                const char *why = strerror(errno);
                if (known_ext(de->d_name)) {
                    say(r, "%s: %s", p, why);
                    record_failure(r, p, 0, NULL, why, !has_jsonl_ext(p));
                }
                free(p);
                continue;
            }
            if (S_ISDIR(st.st_mode)) { /* links to directories are not followed */
                free(p);
                continue;
            }
        }
        if (known_ext(de->d_name) && !S_ISREG(st.st_mode)) {
            /* a FIFO, socket or device named like an article: never read it */
            static const char why[] = "not a regular file; skipped";
            say(r, "%s: %s", p, why);
            record_failure(r, p, 0, NULL, why, !has_jsonl_ext(p));
            free(p);
            continue;
        }
        if (known_ext(de->d_name) && S_ISREG(st.st_mode)) {
            if (pl_push(pl, p)) {
                free(p);
                rc = -1;
                break;
            }
        } else {
            free(p);
        }
    }
    closedir(d);
    return rc;
}

static void code_path(run *r, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        pathlist pl = {NULL, 0, 0};
        unsigned long failed_before = r->failed;
        if (collect(r, path, 0, &pl) != 0) {
            for (size_t i = 0; i < pl.n; i++)
                free(pl.v[i]);
            free(pl.v);
            say(r, "%s: out of memory listing the directory; skipped", path);
            record_failure(r, path, 0, NULL, "out of memory listing the directory", 0);
            return;
        }
        if (pl.n == 0 && r->failed == failed_before) {
            say(r, "%s: no .txt, .jsonl or .xml files in this directory", path);
            r->path_errors++;
        }
        if (pl.n > 1)
            qsort(pl.v, pl.n, sizeof *pl.v, cmp_str);
        for (size_t i = 0; i < pl.n && !r->write_failed && !r->failed_write_failed &&
                           !stop_signal;
             i++)
            code_file(r, pl.v[i]);
        for (size_t i = 0; i < pl.n; i++)
            free(pl.v[i]);
        free(pl.v);
        return;
    }
    code_file(r, path);
}

/* ----------------------------------------------------------------- options */

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(" (see 'dyad help code')\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

/* Capture the reader's message about a bad --date. */
static void date_reject(void *ctx, const dyad_error *e)
{
    snprintf(ctx, 512, "%s", e->message);
}

/* Match "--name" (value in the next argument) or "--name=value". Returns 1
 * and sets *val (NULL when missing) on a match. */
/* A limit given on the command line: a whole number, 0 = no limit. On a
 * bad value says why (as a usage error) and returns -1. */
static int parse_count(const char *name, const char *v, size_t *out)
{
    char *endp = NULL;
    errno = 0;
    unsigned long long n = (v && *v >= '0' && *v <= '9') ? strtoull(v, &endp, 10) : 0;
    if (!v || !endp || *endp || errno || n > SIZE_MAX) {
        usage_error("%s wants a whole number (0 = no limit)%s%s%s", name, v ? ", not '" : "",
                    v ? v : "", v ? "'" : "");
        return -1;
    }
    *out = (size_t)n;
    return 0;
}

static int opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    *val = *i + 1 < argc ? argv[++*i] : NULL;
    return 1;
}

static int cmd_code(int argc, char **argv)
{
    run r;
    memset(&r, 0, sizeof r);
    r.opt = dyad_options_default();
    r.in_fmt = DYAD_INPUT_AUTO;
    r.out_fmt = DYAD_FORMAT_JSONL;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    r.threads = ncpu < 1 ? 1 : ncpu > MAX_THREADS ? MAX_THREADS : (int)ncpu;
    const char *data = NULL, *outpath = NULL, *failedpath = NULL;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t npaths = 0;

    int only_paths = 0, strict_dict = 0, rc = EXIT_USAGE;
    size_t max_dict_line = 0;
    dyad_model *model = NULL;
    dyad_dictset *dset = NULL;
    outfile out_file, failed_file;
    memset(&out_file, 0, sizeof out_file);
    memset(&failed_file, 0, sizeof failed_file);
    if (!paths) {
        fputs("dyad: out of memory\n", stderr);
        return EXIT_USAGE;
    }

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
            paths[npaths++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_paths = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(CODE_HELP, stdout);
            rc = EXIT_ALL_OK;
            goto out;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            r.quiet = 1;
        } else if (strcmp(a, "--strict-dict") == 0) {
            strict_dict = 1;
        } else if (strcmp(a, "--ignore-parse") == 0) {
            r.opt.flags |= DYAD_OPT_IGNORE_PARSE;
        } else if (strcmp(a, "--require-dyad") == 0) {
            r.opt.flags |= DYAD_OPT_REQUIRE_DYAD;
        } else if (strcmp(a, "--explain") == 0) {
            r.opt.flags |= DYAD_OPT_EXPLAIN;
            r.explain = 1;
        } else if (opt_value(argc, argv, &i, "--input-format", &v)) {
            if (v && strcmp(v, "text") == 0)
                r.in_fmt = DYAD_INPUT_TEXT;
            else if (v && strcmp(v, "jsonl") == 0)
                r.in_fmt = DYAD_INPUT_JSONL;
            else if (v && strcmp(v, "petrarch-xml") == 0)
                r.in_fmt = DYAD_INPUT_PETRARCH_XML;
            else if (v && strcmp(v, "tabari") == 0)
                r.in_fmt = DYAD_INPUT_TABARI;
            else {
                rc = usage_error("--input-format wants text, jsonl, petrarch-xml or tabari%s%s%s",
                                 v ? ", not '" : "", v ? v : "", v ? "'" : "");
                goto out;
            }
        } else if (opt_value(argc, argv, &i, "--format", &v)) {
            if (v && strcmp(v, "jsonl") == 0)
                r.out_fmt = DYAD_FORMAT_JSONL;
            else if (v && strcmp(v, "tsv") == 0)
                r.out_fmt = DYAD_FORMAT_TSV;
            else if (v && strcmp(v, "petrarch") == 0)
                r.out_fmt = DYAD_FORMAT_PETRARCH;
            else {
                rc = usage_error("--format wants jsonl, tsv or petrarch%s%s%s", v ? ", not '" : "",
                                 v ? v : "", v ? "'" : "");
                goto out;
            }
        } else if (opt_value(argc, argv, &i, "--statements", &v)) {
            if (v && strcmp(v, "on") == 0)
                r.opt.flags |= DYAD_OPT_STATEMENTS;
            else if (v && strcmp(v, "off") == 0)
                r.opt.flags &= ~(unsigned)DYAD_OPT_STATEMENTS;
            else {
                rc = usage_error("--statements wants on or off%s%s%s", v ? ", not '" : "",
                                 v ? v : "", v ? "'" : "");
                goto out;
            }
        } else if (opt_value(argc, argv, &i, "--threads", &v)) {
            size_t n = 0;
            if (parse_count("--threads", v, &n) != 0) {
                rc = EXIT_USAGE;
                goto out;
            }
            if (n == 0 || n > MAX_THREADS) {
                rc = usage_error("--threads wants 1 to %d, not '%s'", MAX_THREADS, v);
                goto out;
            }
            r.threads = (int)n;
        } else if (opt_value(argc, argv, &i, "--max-sentence-tokens", &v)) {
            if (parse_count("--max-sentence-tokens", v, &r.opt.max_sentence_tokens) != 0) {
                rc = EXIT_USAGE;
                goto out;
            }
        } else if (opt_value(argc, argv, &i, "--max-article-bytes", &v)) {
            if (parse_count("--max-article-bytes", v, &r.opt.max_article_bytes) != 0) {
                rc = EXIT_USAGE;
                goto out;
            }
        } else if (opt_value(argc, argv, &i, "--max-dict-line", &v)) {
            if (parse_count("--max-dict-line", v, &max_dict_line) != 0 || !max_dict_line) {
                if (!max_dict_line && v && !strcmp(v, "0"))
                    usage_error("--max-dict-line wants at least 1 byte");
                rc = EXIT_USAGE;
                goto out;
            }
        } else if (opt_value(argc, argv, &i, "--max-parse-depth", &v)) {
            size_t depth = 0;
            if (parse_count("--max-parse-depth", v, &depth) != 0) {
                rc = EXIT_USAGE;
                goto out;
            }
            if (depth > 100000000) {
                rc = usage_error("--max-parse-depth wants at most 100000000, not '%s'", v);
                goto out;
            }
            r.opt.max_parse_depth = (unsigned)depth;
        } else if (opt_value(argc, argv, &i, "--date", &v)) {
            if (!v || !*v) {
                rc = usage_error("--date wants a date YYYY-MM-DD");
                goto out;
            }
            char why[512] = "";
            if (dyad_read_articles("--date", "x", 1, DYAD_INPUT_TEXT, v, NULL, date_reject,
                                   why) != DYAD_OK) {
                rc = usage_error("--date: %s", why[0] ? why : "bad date");
                goto out;
            }
            r.date = v;
        } else if (opt_value(argc, argv, &i, "--dict", &v) ||
                   opt_value(argc, argv, &i, "--dict-dir", &v)) {
            int is_dir = strncmp(a, "--dict-dir", 10) == 0;
            if (!v || !*v) {
                rc = usage_error(is_dir ? "--dict-dir wants a directory (with PETR_config.ini or "
                                          "a TABARI .project file)"
                                        : "--dict wants KIND=FILE (KIND: verbs, actors, agents, "
                                          "discards or issues)");
                goto out;
            }
            if (!dset && !(dset = dyad_dictset_new())) {
                fputs("dyad: out of memory\n", stderr);
                goto out;
            }
            dyad_error derr;
            memset(&derr, 0, sizeof derr);
            if ((is_dir ? dyad_dictset_add_dir(dset, v, &derr)
                        : dyad_dictset_add_spec(dset, v, &derr)) != DYAD_OK) {
                rc = usage_error("%s %s: %s", is_dir ? "--dict-dir" : "--dict",
                                 derr.file[0] ? derr.file : v, derr.message);
                goto out;
            }
        } else if (opt_value(argc, argv, &i, "--data", &v)) {
            if (!v || !*v) {
                rc = usage_error("--data wants a directory");
                goto out;
            }
            data = v;
        } else if (opt_value(argc, argv, &i, "-o", &v) ||
                   opt_value(argc, argv, &i, "--output", &v)) {
            if (!v || !*v) {
                rc = usage_error("-o wants a file name");
                goto out;
            }
            outpath = v;
        } else if (opt_value(argc, argv, &i, "--failed", &v)) {
            if (!v || !*v || strcmp(v, "-") == 0) {
                rc = usage_error("--failed wants a file name");
                goto out;
            }
            failedpath = v;
        } else {
            rc = usage_error("unknown option '%s'", a);
            goto out;
        }
    }
    if (npaths == 0) {
        rc = usage_error("code: no input given; name files, directories, or - for "
                         "standard input");
        goto out;
    }
    if (outpath && failedpath) {
        struct stat a, b;
        if (strcmp(outpath, failedpath) == 0 ||
            (stat(outpath, &a) == 0 && stat(failedpath, &b) == 0 && a.st_dev == b.st_dev &&
             a.st_ino == b.st_ino && S_ISREG(a.st_mode))) {
            rc = usage_error("-o and --failed name the same file '%s'", failedpath);
            goto out;
        }
    }
    install_signals();

    dyad_error err;
    memset(&err, 0, sizeof err);
    if (dset && data) {
        rc = usage_error("--data and --dict/--dict-dir exclude each other");
        goto out;
    }
    if (dset && dyad_dictset_require_dyad(dset) == 1) r.opt.flags |= DYAD_OPT_REQUIRE_DYAD;
    if (dset) dyad_dictset_set_max_line(dset, max_dict_line);
    model = dset ? dyad_model_load_dictset(dset, &err)
                 : dyad_model_load_capped(data, max_dict_line, &err);
    if (!model) {
        const char *why = err.message[0] ? err.message : dyad_strerror(err.code);
        if (err.file[0] && strstr(why, err.file)) /* the message names the file */
            fprintf(stderr, "dyad: cannot load the model: %s\n", why);
        else if (err.file[0] && err.line > 0)
            fprintf(stderr, "dyad: %s:%ld: %s\n", err.file, err.line, why);
        else if (err.file[0])
            fprintf(stderr, "dyad: %s: %s\n", err.file, why);
        else
            fprintf(stderr, "dyad: cannot load the model: %s\n", why);
        rc = EXIT_USAGE;
        goto out;
    }
    r.model = model;
    size_t nwarn = dyad_model_warnings(model);
    if (strict_dict && nwarn > 0) {
        for (size_t i = 0; i < nwarn; i++)
            fprintf(stderr, "dyad: %s\n", dyad_model_warning(model, i));
        fprintf(stderr, "dyad: --strict-dict: %zu malformed dictionary line%s; not starting\n",
                nwarn, nwarn == 1 ? "" : "s");
        rc = EXIT_USAGE;
        goto out;
    }
    /* malformed dictionary lines were skipped: say which, whatever -q says */
    for (size_t i = 0; i < nwarn; i++)
        fprintf(stderr, "dyad: warning: %s (%s skipped)\n", dyad_model_warning(model, i),
                dyad_model_is_peer(model) ? "entry" : "line");
    if (!r.quiet)
        for (size_t i = 0; i < dyad_model_file_count(model); i++)
            fprintf(stderr, "dyad: loaded %s\n", dyad_model_file_summary(model, i));
    if (stop_signal)
        goto interrupted;

    r.out = stdout;
    if (outpath && strcmp(outpath, "-") != 0) {
        if (outfile_open(&out_file, outpath) != 0) {
            rc = EXIT_USAGE;
            goto out;
        }
        r.out = out_file.f;
    }
    if (failedpath) {
        if (outfile_open(&failed_file, failedpath) != 0) {
            rc = EXIT_USAGE;
            goto out;
        }
        r.failed_out = failed_file.f;
        fputs("path\tline\tid\treason\n", r.failed_out);
    }
    r.progress = !r.quiet && isatty(STDERR_FILENO);
    if (r.progress)
        clock_gettime(CLOCK_MONOTONIC, &r.last);
    if (r.out_fmt == DYAD_FORMAT_TSV)
        dyad_write_tsv_header(r.out);

    for (size_t i = 0; i < npaths && !r.write_failed && !r.failed_write_failed && !stop_signal;
         i++)
        code_path(&r, paths[i]);

    /* close both outputs; only complete ones are put in place */
    int out_err = 0, failed_err = 0;
    if (r.out == stdout) {
        errno = 0;
        if (fflush(stdout) != 0 || ferror(stdout))
            out_err = errno ? errno : EIO;
    } else {
        out_err = outfile_close(&out_file);
    }
    failed_err = outfile_close(&failed_file);
    r.out = r.failed_out = NULL;
    progress_clear(&r);
    if (stop_signal)
        goto interrupted;
    if (r.write_failed || out_err)
        fprintf(stderr, "dyad: %s: write error: %s\n", outpath ? outpath : "standard output",
                strerror(r.write_errno ? r.write_errno : out_err ? out_err : EIO));
    if (r.failed_write_failed || failed_err)
        fprintf(stderr, "dyad: %s: write error: %s\n", failedpath,
                strerror(r.failed_write_errno ? r.failed_write_errno
                                              : failed_err ? failed_err : EIO));
    int broken = r.write_failed || out_err || r.failed_write_failed || failed_err;
    if (!broken) {
        int e = outfile_commit(&out_file);
        if (e)
            fprintf(stderr, "dyad: %s: cannot put the output in place: %s\n", outpath,
                    strerror(e));
        int e2 = outfile_commit(&failed_file);
        if (e2)
            fprintf(stderr, "dyad: %s: cannot put the list in place: %s\n", failedpath,
                    strerror(e2));
        broken = e || e2;
    }
    if (!r.quiet)
        fprintf(stderr, "dyad: %lu articles read, %lu coded, %lu failed; %llu sentences, "
                        "%llu events\n",
                r.read, r.coded, r.failed, r.sentences, r.events);
    if (broken)
        rc = EXIT_USAGE;
    else if (r.coded == 0)
        rc = EXIT_NONE_CODED;
    else if (r.failed > 0 || r.path_errors > 0)
        rc = EXIT_SOME_FAILED;
    else
        rc = EXIT_ALL_OK;
    goto out;

interrupted:
    outfile_discard(&out_file);
    outfile_discard(&failed_file);
    {
        int named = outpath && strcmp(outpath, "-") != 0;
        fprintf(stderr, "dyad: interrupted by %s%s%s%s%s\n", signal_name(stop_signal),
                named || failedpath ? "; not written: " : "", named ? outpath : "",
                named && failedpath ? ", " : "", failedpath ? failedpath : "");
    }
    if (!r.quiet)
        fprintf(stderr, "dyad: %lu articles read, %lu coded, %lu failed; %llu sentences, "
                        "%llu events\n",
                r.read, r.coded, r.failed, r.sentences, r.events);
    rc = 128 + stop_signal;
out:
    outfile_discard(&out_file);
    outfile_discard(&failed_file);
    free(r.jobs);
    dyad_model_free(model);
    dyad_dictset_free(dset);
    free(paths);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, GENERAL_HELP, dyad_version_string());
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        (strcmp(cmd, "help") == 0 && argc == 2)) {
        printf(GENERAL_HELP, dyad_version_string());
        return EXIT_ALL_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("dyad %s\n", dyad_version_string());
        return EXIT_ALL_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        if (strcmp(argv[2], "code") == 0) {
            fputs(CODE_HELP, stdout);
            return EXIT_ALL_OK;
        }
        if (strcmp(argv[2], "dict") == 0) {
            fputs(DICT_HELP, stdout);
            return EXIT_ALL_OK;
        }
        if (strcmp(argv[2], "validate") == 0) {
            fputs(VALIDATE_HELP, stdout);
            return EXIT_ALL_OK;
        }
        fprintf(stderr, "dyad: no help for '%s'; try 'dyad --help'\n", argv[2]);
        return EXIT_USAGE;
    }
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "dict") == 0)
        return dyad_cmd_dict(argc - 1, argv + 1);
    if (strcmp(cmd, "validate") == 0)
        return dyad_cmd_validate(argc - 1, argv + 1);
    if (cmd[0] == '-')
        fprintf(stderr, "dyad: unknown option '%s'; try 'dyad --help'\n", cmd);
    else
        fprintf(stderr, "dyad: unknown command '%s'; try 'dyad --help'\n", cmd);
    return EXIT_USAGE;
}
