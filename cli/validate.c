/*
 * validate.c — `dyad validate FILE [--dict-dir DIR] [--strict]`: run a
 * peer's validation suite (dyad_validate in the library; docs/COMPAT.md).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dyad.h"
#include "validate.h"

const char VALIDATE_HELP[] =
    "Usage: dyad validate FILE [--dict-dir DIR] [--ignore-parse] [--verbose] [--strict]\n"
    "\n"
    "Run a peer's validation suite with that suite's own dictionaries and\n"
    "settings, and report how many of its records dyad codes as expected.\n"
    "\n"
    "FILE is PETRARCH's unit-test records (.xml; its <Environment> names the\n"
    "dictionaries, looked up in DIR, default FILE's folder/../dictionaries;\n"
    "require_dyad applies; records with sentence=\"false\" are not counted), or\n"
    "TABARI's Validate.text (DIR holds the .project file naming the\n"
    "dictionaries, default FILE's folder; records that only set options are\n"
    "not counted; it stops at the end of the standard records).\n"
    "\n"
    "A record passes when the set of (source, target, code) dyad produces\n"
    "equals the expected set ({+++}, {---}, {###} and noevents=\"True\" expect\n"
    "none). Codes outside CAMEO compare as strings. Printed on standard\n"
    "output: each failing record (FAIL ID (FILE:LINE), its text, expected and\n"
    "produced sets), a table per category, and the last line\n"
    "  passed N of M\n"
    "\n"
    "Options:\n"
    "  --dict-dir DIR   where the suite's dictionaries are (see above)\n"
    "  --ignore-parse   code PETRARCH records from <Text> with dyad's own parser,\n"
    "                   not from their Treebank <Parse>\n"
    "  --verbose        print passing records too\n"
    "  --strict         exit 1 when N < M\n"
    "  -h, --help       this text\n"
    "\n"
    "Exit status: 0 the suite ran (with --strict: and every record passed);\n"
    "1 --strict and some record failed; 2 usage error, or the suite or its\n"
    "dictionaries could not be read.\n";

static int usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: validate: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("; try 'dyad validate --help'\n", stderr);
    return 2;
}

int dyad_cmd_validate(int argc, char **argv) {
    const char *file = NULL, *dir = NULL;
    int strict = 0;
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(VALIDATE_HELP, stdout);
            return 0;
        } else if (!strcmp(a, "--strict")) {
            strict = 1;
        } else if (!strcmp(a, "--verbose")) {
            flags |= DYAD_VALIDATE_VERBOSE;
        } else if (!strcmp(a, "--ignore-parse")) {
            flags |= DYAD_OPT_IGNORE_PARSE;
        } else if (!strcmp(a, "--dict-dir") || !strncmp(a, "--dict-dir=", 11)) {
            dir = a[10] == '=' ? a + 11 : (i + 1 < argc ? argv[++i] : NULL);
            if (!dir || !*dir) return usage("--dict-dir wants a directory");
        } else if (a[0] == '-' && a[1]) {
            return usage("unknown option '%s'", a);
        } else if (file) {
            return usage("one suite file only ('%s' given after '%s')", a, file);
        } else {
            file = a;
        }
    }
    if (!file) return usage("no suite file given");
    dyad_error err;
    memset(&err, 0, sizeof err);
    size_t passed = 0, total = 0;
    dyad_status st = dyad_validate(file, dir, flags, stdout, &passed, &total, &err);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("dyad: standard output");
        return 2;
    }
    if (st != DYAD_OK) {
        const char *why = err.message[0] ? err.message : dyad_strerror(st);
        if (err.file[0] && err.line > 0)
            fprintf(stderr, "dyad: %s:%ld: %s\n", err.file, err.line, why);
        else
            fprintf(stderr, "dyad: %s: %s\n", err.file[0] ? err.file : file, why);
        return 2;
    }
    return strict && passed < total ? 1 : 0;
}
