/*
 * dict_cmd.c — `dyad dict check|stats [--data DIR]`: check dyad's own
 * dictionaries or print their coverage (dyad_dict_check and dyad_dict_stats
 * in the library; docs/CLI.md, "dyad dict").
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

int dyad_cmd_dict(int argc, char **argv) {
    const char *sub = NULL, *data = NULL;
    int strict = 0, json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(DICT_HELP, stdout);
            return 0;
        } else if (strcmp(a, "--strict") == 0) {
            strict = 1;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--data") == 0 || strncmp(a, "--data=", 7) == 0) {
            data = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!data || !*data) return usage("--data wants a directory");
        } else if (a[0] == '-' && a[1]) {
            return usage("unknown option '%s'", a);
        } else if (sub) {
            return usage("one command only ('%s' given after it)", a);
        } else {
            sub = a;
        }
    }
    if (!sub) return usage("no command given (check or stats)");
    int check = strcmp(sub, "check") == 0;
    if (!check && strcmp(sub, "stats") != 0) {
        if (strcmp(sub, "convert") == 0) {
            fputs("dyad: 'dict convert' is not implemented yet in this version\n", stderr);
            return 2;
        }
        return usage("unknown command '%s' (want check or stats)", sub);
    }
    if (check && json) return usage("--json is an option of 'stats'");
    if (!check && strict) return usage("--strict is an option of 'check'");
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
    int rc = 0;
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
