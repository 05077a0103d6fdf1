/*
 * main.c — the dyad command-line tool. Uses only the public API (dyad.h).
 *
 *   dyad code [options] PATH...    code articles, write events
 *   dyad help [code]  |  dyad --help  |  dyad --version
 *
 * Exit status: 0 every article coded; 1 some failed; 2 usage error, model
 * not loaded or output not written; 3 no article could be coded.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dyad.h"

enum { EXIT_ALL_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2, EXIT_NONE_CODED = 3 };

#define MAX_DEPTH 64 /* directory recursion limit */

static const char GENERAL_HELP[] =
    "dyad %s - code dated English news articles into CAMEO political events\n"
    "\n"
    "Usage:\n"
    "  dyad code [options] PATH...   code articles and write their events\n"
    "  dyad help code                the options of 'dyad code'\n"
    "  dyad --help                   this text\n"
    "  dyad --version                print the version\n"
    "\n"
    "Exit status:\n"
    "  0  every article was coded\n"
    "  1  some articles failed (the others were coded)\n"
    "  2  usage error, the model could not be loaded, or the output could not\n"
    "     be written\n"
    "  3  no article could be coded (all failed, or nothing was read)\n";

static const char CODE_HELP[] =
    "Usage: dyad code [options] PATH...\n"
    "\n"
    "Code each article found in PATH and write its events to standard output,\n"
    "one per line. PATH is a file, a directory (its .txt and .jsonl files,\n"
    "recursively, in byte-wise name order), or - for standard input.\n"
    "\n"
    "Input formats (chosen by extension unless --input-format is given):\n"
    "  .jsonl       one article per line: a JSON object with \"id\", \"date\"\n"
    "               (YYYY-MM-DD or YYYYMMDD), \"text\", and optionally \"outlet\"\n"
    "               and \"url\"\n"
    "  other files  one article per file (text); the date comes from a leading\n"
    "               \"date YYYY-MM-DD\" token; the id is the file name without\n"
    "               its extension (\"stdin\" for -)\n"
    "\n"
    "Options:\n"
    "  --input-format text|jsonl  read every PATH in this format\n"
    "  --date YYYY-MM-DD          use this date for every article (overrides the\n"
    "                             date token or field)\n"
    "  --format jsonl|tsv         output format (default jsonl); see docs/OUTPUT.md\n"
    "  --statements on|off        code statements (CAMEO 01x) by speakers\n"
    "                             (default on)\n"
    "  --require-dyad             keep only events with both a source and a target\n"
    "  --explain                  before each article's events, print how it was\n"
    "                             coded, every line starting with \"# \"\n"
    "  --data DIR                 model data directory (default: $DYAD_DATA, else\n"
    "                             the compiled-in data directory)\n"
    "  -o FILE                    write events to FILE instead of standard output\n"
    "  -q, --quiet                no progress line and no summary\n"
    "  -h, --help                 this text\n"
    "\n"
    "Every article that cannot be read or coded is reported on standard error as\n"
    "\"dyad: FILE[:LINE]: reason\" and the others go on. At the end a summary\n"
    "line is printed on standard error:\n"
    "  dyad: N articles read, N coded, N failed; N sentences, N events\n"
    "\n"
    "Exit status: 0 every article was coded; 1 some articles failed (the others\n"
    "were coded); 2 usage error, the model could not be loaded, or the output\n"
    "could not be written; 3 no article could be coded (all failed, or nothing\n"
    "was read).\n";

/* ----------------------------------------------------------------- state */

typedef struct run {
    const dyad_model *model;
    dyad_options opt;
    dyad_input_format in_fmt;
    dyad_format out_fmt;
    const char *date;
    int explain, quiet;
    FILE *out;
    const char *cur_file;   /* file being read, for messages */
    int cur_jsonl;          /* it is read as JSON Lines */
    int write_failed;
    /* counts */
    unsigned long read, coded, failed, path_errors;
    unsigned long long sentences, events;
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

/* ------------------------------------------------------------- callbacks */

static void on_reject(void *ctx, const dyad_error *e)
{
    run *r = ctx;
    const char *file = r->cur_file; /* e->file is the same path ("-" for stdin) */
    if (e->line > 0)
        say(r, "%s:%ld: %s", file, e->line, e->message);
    else
        say(r, "%s: %s", file, e->message);
    r->read++;
    r->failed++;
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

static int on_article(void *ctx, const dyad_article *a)
{
    run *r = ctx;
    dyad_doc *doc = NULL;
    dyad_error err;
    memset(&err, 0, sizeof err);
    r->read++;
    dyad_status st = dyad_code_article(r->model, &r->opt, a, &doc, &err);
    if (st != DYAD_OK || !doc) {
        const char *why = err.message[0] ? err.message : dyad_strerror(st);
        if (r->cur_jsonl)
            say(r, "%s: article \"%s\": %s", r->cur_file, a->id, why);
        else
            say(r, "%s: %s", r->cur_file, why);
        r->failed++;
        dyad_doc_free(doc);
        progress_update(r, 0);
        return 0;
    }
    r->coded++;
    r->sentences += dyad_doc_sentence_count(doc);
    r->events += dyad_doc_event_count(doc);
    if (r->explain)
        print_explain(r->out, dyad_doc_explain(doc));
    if (dyad_write_events(r->out, r->out_fmt, a, doc) != 0 || ferror(r->out))
        r->write_failed = 1;
    dyad_doc_free(doc);
    progress_update(r, 0);
    return r->write_failed; /* stop reading when output is broken */
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

/* Same rule as the reader's automatic choice: the name ends in ".jsonl"
 * (any case). */
static int has_jsonl_ext(const char *path)
{
    static const char ext[] = ".jsonl";
    size_t n = strlen(path), k = sizeof ext - 1;
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

static void code_file(run *r, const char *path)
{
    FILE *f;
    int is_stdin = strcmp(path, "-") == 0;
    errno = 0;
    const char *shown = is_stdin ? "<stdin>" : path;
    f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        say(r, "%s: %s", path, strerror(errno));
        r->read++;
        r->failed++;
        return;
    }
    size_t len = 0;
    errno = 0;
    char *buf = slurp(f, &len);
    int e = errno;
    if (!is_stdin)
        fclose(f);
    if (!buf) {
        say(r, "%s: cannot read: %s", shown, strerror(e));
        r->read++;
        r->failed++;
        return;
    }
    r->cur_file = shown;
    r->cur_jsonl = r->in_fmt == DYAD_INPUT_JSONL ||
                   (r->in_fmt == DYAD_INPUT_AUTO && has_jsonl_ext(path));
    dyad_status st = dyad_read_articles(path, buf, len, r->in_fmt, r->date, on_article,
                                        on_reject, r);
    if (st != DYAD_OK && st != DYAD_ERR_BAD_DATE && !r->write_failed)
        say(r, "%s: %s", shown, dyad_strerror(st));
    free(buf);
}

/* Known extensions for files found in directories. */
static int known_ext(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return 0;
    return strcmp(dot, ".txt") == 0 || strcmp(dot, ".jsonl") == 0;
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
        say(r, "%s: directories nested too deeply; skipped", dir);
        r->path_errors++;
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        say(r, "%s: %s", dir, strerror(errno));
        r->path_errors++;
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
            say(r, "%s: %s", p, strerror(errno));
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
        if (S_ISLNK(st.st_mode) && (stat(p, &st) != 0 || S_ISDIR(st.st_mode))) {
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

static int code_path(run *r, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        pathlist pl = {NULL, 0, 0};
        if (collect(r, path, 0, &pl) != 0) {
            for (size_t i = 0; i < pl.n; i++)
                free(pl.v[i]);
            free(pl.v);
            say(r, "out of memory");
            return -1;
        }
        if (pl.n == 0) {
            say(r, "%s: no .txt or .jsonl files in this directory", path);
            r->path_errors++;
        }
        if (pl.n > 1)
            qsort(pl.v, pl.n, sizeof *pl.v, cmp_str);
        for (size_t i = 0; i < pl.n && !r->write_failed; i++)
            code_file(r, pl.v[i]);
        for (size_t i = 0; i < pl.n; i++)
            free(pl.v[i]);
        free(pl.v);
        return 0;
    }
    code_file(r, path);
    return 0;
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
    const char *data = NULL, *outpath = NULL;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t npaths = 0;
    int only_paths = 0, rc = EXIT_USAGE;
    dyad_model *model = NULL;
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
            else {
                rc = usage_error("--input-format wants text or jsonl%s%s%s", v ? ", not '" : "",
                                 v ? v : "", v ? "'" : "");
                goto out;
            }
        } else if (opt_value(argc, argv, &i, "--format", &v)) {
            if (v && strcmp(v, "jsonl") == 0)
                r.out_fmt = DYAD_FORMAT_JSONL;
            else if (v && strcmp(v, "tsv") == 0)
                r.out_fmt = DYAD_FORMAT_TSV;
            else {
                rc = usage_error("--format wants jsonl or tsv%s%s%s", v ? ", not '" : "",
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

    dyad_error err;
    memset(&err, 0, sizeof err);
    model = dyad_model_load(data, &err);
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
    /* malformed dictionary lines were skipped: say which, whatever -q says */
    for (size_t i = 0; i < dyad_model_warnings(model); i++)
        fprintf(stderr, "dyad: warning: %s (line skipped)\n", dyad_model_warning(model, i));

    r.out = stdout;
    if (outpath && strcmp(outpath, "-") != 0) {
        r.out = fopen(outpath, "w");
        if (!r.out) {
            fprintf(stderr, "dyad: %s: %s\n", outpath, strerror(errno));
            rc = EXIT_USAGE;
            goto out;
        }
    }
    r.progress = !r.quiet && isatty(STDERR_FILENO);
    if (r.progress)
        clock_gettime(CLOCK_MONOTONIC, &r.last);
    if (r.out_fmt == DYAD_FORMAT_TSV)
        dyad_write_tsv_header(r.out);

    for (size_t i = 0; i < npaths && !r.write_failed; i++)
        if (code_path(&r, paths[i]) != 0)
            break;

    if (fflush(r.out) != 0 || ferror(r.out))
        r.write_failed = 1;
    if (r.out != stdout && fclose(r.out) != 0)
        r.write_failed = 1;
    r.out = NULL;
    progress_clear(&r);
    if (r.write_failed)
        fprintf(stderr, "dyad: %s: write error: %s\n", outpath ? outpath : "standard output",
                strerror(errno ? errno : EIO));
    if (!r.quiet)
        fprintf(stderr, "dyad: %lu articles read, %lu coded, %lu failed; %llu sentences, "
                        "%llu events\n",
                r.read, r.coded, r.failed, r.sentences, r.events);
    if (r.write_failed)
        rc = EXIT_USAGE;
    else if (r.coded == 0)
        rc = EXIT_NONE_CODED;
    else if (r.failed > 0 || r.path_errors > 0)
        rc = EXIT_SOME_FAILED;
    else
        rc = EXIT_ALL_OK;
out:
    dyad_model_free(model);
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
        if (strcmp(argv[2], "validate") == 0 || strcmp(argv[2], "dict") == 0) {
            fprintf(stderr, "dyad: '%s' is not implemented yet in this version\n", argv[2]);
            return EXIT_USAGE;
        }
        fprintf(stderr, "dyad: no help for '%s'; try 'dyad --help'\n", argv[2]);
        return EXIT_USAGE;
    }
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "validate") == 0 || strcmp(cmd, "dict") == 0) {
        fprintf(stderr, "dyad: '%s' is not implemented yet in this version\n", cmd);
        return EXIT_USAGE;
    }
    if (cmd[0] == '-')
        fprintf(stderr, "dyad: unknown option '%s'; try 'dyad --help'\n", cmd);
    else
        fprintf(stderr, "dyad: unknown command '%s'; try 'dyad --help'\n", cmd);
    return EXIT_USAGE;
}
