/*
 * dict_cmd.c — `dyad dict check|stats [--data DIR]`: check dyad's own
 * dictionaries or print their coverage (dyad_dict_check and dyad_dict_stats
 * in the library; docs/CLI.md, "dyad dict"); with --dict/--dict-dir the
 * same for the peers' dictionaries, and `dyad dict convert` from their
 * formats to dyad's (docs/COMPAT.md).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_cmd.h"
#include "dyad.h"

#ifndef DYAD_DATA_DIR
#define DYAD_DATA_DIR "data"
#endif

const char DICT_HELP[] =
    "Usage: dyad dict check [--data DIR] [--strict]\n"
    "       dyad dict stats [--data DIR] [--json]\n"
    "       dyad dict check|stats --dict KIND=FILE... | --dict-dir DIR\n"
    "       dyad dict convert --dict KIND=FILE... [-o OUT]\n"
    "\n"
    "check  load dyad's dictionaries (DIR/actors.txt or DIR/actors/*.txt,\n"
    "       DIR/agents.txt, DIR/verbs.txt) and list every finding on standard\n"
    "       output, sorted by file and line, as\n"
    "         FILE:LINE[:COLUMN]: error: reason\n"
    "         FILE:LINE: warning: reason\n"
    "       then a last line \"dyad dict check: N errors, M warnings in DIR\".\n"
    "       Errors: a malformed line (skipped when loading), a pattern code\n"
    "       not in CAMEO, the same name or pattern for two codes (names: with\n"
    "       overlapping date ranges), an actor code whose first three letters\n"
    "       are no ISO 3166-1 alpha-3 code and no CAMEO code (IGO, NGO, IMG,\n"
    "       NGM, MNC, INT, UIS, a region, ethnic or religious code, a former\n"
    "       state), a role code that is no CAMEO role.\n"
    "       Warnings: the same name or pattern twice for one code, a code that\n"
    "       does not fit its section ([igo] without IGO/NGO/..., [media]\n"
    "       without MED, a bare country code under [group] or [person], a\n"
    "       length that is not a multiple of three).\n"
    "stats  print coverage: actors per section (lines, codes, names,\n"
    "       date-bounded lines), organisations, non-state groups, date-bounded\n"
    "       office holders, ISO 3166-1 alpha-3 codes covered and missing,\n"
    "       agents per role, patterns per CAMEO root and code, codes with no\n"
    "       pattern\n"
    "\n"
    "With --dict KIND=FILE (KIND: verbs, actors, agents, discards, issues;\n"
    "repeatable) or --dict-dir DIR (PETR_config.ini or a TABARI .project in\n"
    "DIR), check and stats load PETRARCH2 or TABARI dictionaries instead:\n"
    "check lists every malformed entry (FILE:LINE: reason; each is skipped\n"
    "when coding), stats prints per file its kind, dialect, entries, malformed\n"
    "entries, notes and load time, then the table sizes.\n"
    "convert  writes each --dict file in dyad's own format (docs/DICTIONARIES.md)\n"
    "       to standard output or OUT; what dyad's format cannot express becomes a\n"
    "       comment \"# not converted (reason): ...\"; a summary per file goes to\n"
    "       standard error.\n"
    "\n"
    "Options:\n"
    "  --data DIR   the data directory; default: the DYAD_DATA environment\n"
    "               variable, else the one compiled into dyad\n"
    "  --strict     (check) exit 1 on warnings too\n"
    "  --json       (stats) one JSON object instead of the text table\n"
    "  -h, --help   this text\n"
    "\n"
    "The ISO 3166-1 list is read from Debian's iso-codes\n"
    "(/usr/share/iso-codes/json/iso_3166-1.json, or $DYAD_ISO3166); without\n"
    "it country codes are not checked and their coverage is not counted.\n"
    "\n"
    "Exit status: 0 no errors (check --strict: no findings at all), or the\n"
    "figures were printed (stats); 1 check found errors (with --strict: any\n"
    "finding); 2 usage error, the dictionaries could not be loaded, or the\n"
    "output could not be written.\n";

static int usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: dict: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("; try 'dyad dict --help'\n", stderr);
    return 2;
}

/* --dict / --dict-dir: the peers' dictionaries */
static int peer_check_stats(dyad_dictset *set, int check, int strict) {
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_model *m = dyad_model_load_dictset(set, &err);
    if (!m) {
        fprintf(stderr, "dyad: %s: %s\n", err.file[0] ? err.file : "dict",
                err.message[0] ? err.message : dyad_strerror(err.code));
        return 2;
    }
    size_t nw = dyad_model_warnings(m);
    if (check) {
        for (size_t i = 0; i < nw; i++) printf("%s\n", dyad_model_warning(m, i));
        printf("dyad dict check: %zu malformed entr%s in %zu files\n", nw, nw == 1 ? "y" : "ies",
               dyad_model_file_count(m));
    } else {
        for (size_t i = 0; i < dyad_model_file_count(m); i++)
            printf("%s\n", dyad_model_file_summary(m, i));
        printf("tables: %zu actors, %zu agents, %zu verbs, %zu patterns\n", dyad_model_count(m, 0),
               dyad_model_count(m, 1), dyad_model_count(m, 3), dyad_model_count(m, 2));
    }
    dyad_model_free(m);
    return check && strict && nw ? 1 : 0;
}

static int convert(dyad_dictset *set, const char *outpath) {
    FILE *out = stdout;
    if (outpath && !(out = fopen(outpath, "w"))) {
        perror(outpath);
        return 2;
    }
    int rc = 0;
    for (size_t i = 0; i < dyad_dictset_count(set) && !rc; i++) {
        dyad_error err;
        memset(&err, 0, sizeof err);
        if (dyad_dict_convert(dyad_dictset_kind(set, i), dyad_dictset_path(set, i), out, stderr,
                              &err) != DYAD_OK) {
            fprintf(stderr, "dyad: %s: %s\n", err.file[0] ? err.file : "dict", err.message);
            rc = 2;
        }
    }
    if (fflush(out) != 0 || ferror(out)) {
        perror(outpath ? outpath : "dyad: standard output");
        rc = 2;
    }
    if (outpath && fclose(out) != 0 && !rc) {
        perror(outpath);
        rc = 2;
    }
    return rc;
}

/* --dict KIND=FILE or --dict-dir DIR into *set; returns 0 or a usage status */
static int add_dict(dyad_dictset **set, int dir, const char *v) {
    if (!v || !*v) return usage(dir ? "--dict-dir wants a directory" : "--dict wants KIND=FILE");
    if (!*set && !(*set = dyad_dictset_new())) {
        fputs("dyad: out of memory\n", stderr);
        return 2;
    }
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = dir ? dyad_dictset_add_dir(*set, v, &err) : dyad_dictset_add_spec(*set, v, &err);
    if (st != DYAD_OK) return usage("%s: %s", err.file[0] ? err.file : v, err.message);
    return 0;
}

int dyad_cmd_dict(int argc, char **argv) {
    const char *sub = NULL, *data = NULL, *outpath = NULL;
    int strict = 0, json = 0, rc = 0;
    dyad_dictset *set = NULL;
    for (int i = 1; i < argc && !rc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(DICT_HELP, stdout);
            dyad_dictset_free(set);
            return 0;
        } else if (strcmp(a, "--strict") == 0) {
            strict = 1;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--data") == 0 || strncmp(a, "--data=", 7) == 0) {
            data = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!data || !*data) rc = usage("--data wants a directory");
        } else if (strcmp(a, "--dict") == 0 || strncmp(a, "--dict=", 7) == 0) {
            rc = add_dict(&set, 0, a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL));
        } else if (strcmp(a, "--dict-dir") == 0 || strncmp(a, "--dict-dir=", 11) == 0) {
            rc = add_dict(&set, 1, a[10] == '=' ? a + 11 : (i + 1 < argc ? argv[++i] : NULL));
        } else if (strcmp(a, "-o") == 0) {
            outpath = i + 1 < argc ? argv[++i] : NULL;
            if (!outpath || !*outpath) rc = usage("-o wants a file name");
        } else if (a[0] == '-' && a[1]) {
            rc = usage("unknown option '%s'", a);
        } else if (sub) {
            rc = usage("one command only ('%s' given after it)", a);
        } else {
            sub = a;
        }
    }
    if (!rc && !sub) rc = usage("no command given (check, stats or convert)");
    int check = sub && strcmp(sub, "check") == 0;
    int conv = sub && strcmp(sub, "convert") == 0;
    if (!rc && !check && !conv && strcmp(sub, "stats") != 0)
        rc = usage("unknown command '%s' (want check, stats or convert)", sub);
    if (!rc && check && json) rc = usage("--json is an option of 'stats'");
    if (!rc && !check && strict) rc = usage("--strict is an option of 'check'");
    if (!rc && set && data) rc = usage("--data and --dict/--dict-dir exclude each other");
    if (!rc && conv && !set) rc = usage("convert wants --dict KIND=FILE (or --dict-dir DIR)");
    if (!rc && outpath && !conv) rc = usage("-o is an option of 'convert'");
    if (!rc && set && json) rc = usage("--json is for dyad's own dictionaries");
    if (rc || conv || set) {
        if (!rc) rc = conv ? convert(set, outpath) : peer_check_stats(set, check, strict);
        dyad_dictset_free(set);
        if (!rc && (fflush(stdout) != 0 || ferror(stdout))) {
            perror("dyad: standard output");
            rc = 2;
        }
        return rc;
    }
    const char *dir = data;
    if (!dir) dir = getenv("DYAD_DATA");
    if (!dir || !*dir) dir = DYAD_DATA_DIR;
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_model *m = dyad_model_load(dir, &err);
    if (!m) {
        const char *why = err.message[0] ? err.message : dyad_strerror(err.code);
        fprintf(stderr, "dyad: %s: %s\n", err.file[0] ? err.file : dir, why);
        return 2;
    }
    rc = 0;
    if (check) {
        int errors = 0;
        int n = dyad_dict_check(m, stdout, &errors);
        if (n < 0) {
            fputs("dyad: dict check: out of memory\n", stderr);
            rc = 2;
        } else {
            printf("dyad dict check: %d error%s, %d warning%s in %s\n", errors,
                   errors == 1 ? "" : "s", n - errors, n - errors == 1 ? "" : "s", dir);
            rc = errors > 0 || (strict && n > 0) ? 1 : 0;
        }
    } else if (dyad_dict_stats(m, stdout, json) != 0) {
        fputs("dyad: dict stats: out of memory\n", stderr);
        rc = 2;
    }
    dyad_model_free(m);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("dyad: standard output");
        return 2;
    }
    return rc;
}
