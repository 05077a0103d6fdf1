/* test_dictinfo.c — dyad_dict_check and dyad_dict_stats (src/dictinfo.c) on
 * tiny dictionaries written by the test: each kind of finding with its
 * file:line, duplicates vs conflicts by date range, the counts of stats in
 * text and JSON, and a missing ISO 3166-1 list. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "harness.h"
#include "testmodel.h"

/* Run check (or stats) into a malloc'd string. */
static char *run_check(const dyad_model *m, int *n, int *errors) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    *n = dyad_dict_check(m, f, errors);
    fclose(f);
    return buf;
}

static char *run_stats(const dyad_model *m, int json, int *rc) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    *rc = dyad_dict_stats(m, f, json);
    fclose(f);
    return buf;
}

static int has(const char *text, const char *needle) {
    return text && strstr(text, needle) != NULL;
}

static void test_clean_dictionary(void) {
    dyad_model *m = tm_load("[country]\n"
                            "EGY = Egypt | Egyptian\n"
                            "ISR = Israel\n"
                            "[igo]\n"
                            "IGOUNO = United Nations | UN\n"
                            "[group]\n"
                            "PSEREBHMS = Hamas  {to 2006-03-28}\n"
                            "PSEGOVHMS = Hamas  {from 2006-03-29}\n"
                            "[person]\n"
                            "EGYGOV = Ahmed Example  {from 2020-01-01 to 2020-12-31}\n"
                            "EGYELI = Ahmed Example  {from 2021-01-01}\n"
                            "[media]\n"
                            "EGYMED = Daily Nile\n",
                            "[role]\nGOV = government | minister\nMIL = army\n",
                            "[verb]\n040 = meet with TGT\n042 = visit\n[noun]\n043 = talks with TGT\n");
    CHECK(m != NULL);
    if (!m) return;
    int n = -2, errors = -2;
    char *out = run_check(m, &n, &errors);
    CHECK_INT(n, 0);
    CHECK_INT(errors, 0);
    CHECK(out && (out[0] == '\0' || has(out, "note:"))); /* only the note without iso-codes */
    free(out);
    tm_cleanup(m);
}

static void test_findings(void) {
    dyad_model *m = tm_load("[country]\n"
                            "USA = United States | America\n" /* 2 */
                            "USA = America\n"                 /* 3: duplicate */
                            "JOR = Jordan\n"                  /* 4 */
                            "[group]\n"
                            "XYZREB = Some Rebels\n"          /* 6: unknown prefix */
                            "ISRGOV = Jordan\n"               /* 7: conflict with 4 */
                            "PSEREBHMS = Hamas {to 2006-03-28}\n"   /* 8 */
                            "PSEGOVHMS = Hamas {from 2006-03-01}\n" /* 9: overlaps 8 */
                            "[igo]\n"
                            "UNO = Unitedish Nations\n"       /* 11: unknown prefix */
                            "IGOABCD = Quadruple Org\n"       /* 12: 7 letters */
                            "[media]\n"
                            "GBRBBC = Beeb\n"                 /* 14: no MED */
                            "[person]\n"
                            "EGY = Joe Nobody\n"              /* 16: bare country */
                            "EGYGOV = Joe Somebody | Joe Somebody\n", /* 17: same line */
                            "[role]\n"
                            "GOV = government\n"              /* 2 */
                            "XXX = thing\n"                   /* 3: unknown role */
                            "GOV = government\n",             /* 4: duplicate */
                            "[verb]\n"
                            "040 = meet with TGT\n"           /* 2 */
                            "040 = meet with TGT\n"           /* 3: duplicate */
                            "042 = Meet  with TGT\n"          /* 4: conflict with 2 */
                            "9999 = foo\n"                    /* 5: not CAMEO (loader) */
                            "010 = say\n"                     /* 6 */
                            "[bogus]\n");                     /* 7: loader warning */
    CHECK(m != NULL);
    if (!m) return;
    int n = -2, errors = -2;
    char *out = run_check(m, &n, &errors);
    CHECK(out != NULL);
    if (out) fprintf(stderr, "--- findings:\n%s---\n", out);
    CHECK(has(out, "actors.txt:3: warning: duplicate name 'America' for USA (also at actors.txt:2)"));
    CHECK(has(out, "actors.txt:6: error: unknown code 'XYZREB'"));
    CHECK(has(out, "actors.txt:7: error: conflicting name 'Jordan': ISRGOV [group] here, JOR "
                   "[country] at actors.txt:4"));
    CHECK(has(out, "actors.txt:9: error: conflicting name 'Hamas': PSEGOVHMS [group] here, "
                   "PSEREBHMS [group] at actors.txt:8, for overlapping dates"));
    CHECK(has(out, "actors.txt:11: error: unknown code 'UNO'"));
    CHECK(has(out, "actors.txt:12: warning: actor code 'IGOABCD' has 7 letters"));
    CHECK(has(out, "actors.txt:14: warning: [media] code 'GBRBBC' has no MED group"));
    CHECK(has(out, "actors.txt:17: warning: duplicate name 'Joe Somebody' for EGYGOV (twice on "
                   "this line)"));
    CHECK(has(out, "agents.txt:3: error: unknown role code 'XXX'"));
    CHECK(has(out, "agents.txt:4: warning: duplicate name 'government' for GOV (also at "
                   "agents.txt:2)"));
    CHECK(has(out, "verbs.txt:3: warning: duplicate verb pattern 'meet with TGT' for 040 (also "
                   "at verbs.txt:2)"));
    CHECK(has(out, "verbs.txt:4: error: conflicting verb pattern 'Meet  with TGT': 042 here, 040 "
                   "at verbs.txt:2"));
    CHECK(has(out, "verbs.txt:5:1: error: '9999' is not a CAMEO event code"));
    CHECK(has(out, "verbs.txt:7:2: error: unknown section [bogus]"));
    /* sorted by file, then line */
    CHECK(out && strstr(out, "actors.txt:3:") < strstr(out, "actors.txt:6:"));
    CHECK(out && strstr(out, "agents.txt:4:") < strstr(out, "verbs.txt:3:"));
    /* the disjoint Hamas pair of the other test is not reported; the
     * person's bare country code only when the ISO list is there */
    const char *iso = getenv("DYAD_ISO3166");
    FILE *probe = fopen(iso && *iso ? iso : "/usr/share/iso-codes/json/iso_3166-1.json", "r");
    if (probe) {
        fclose(probe);
        CHECK(has(out, "actors.txt:16: warning: [person] code 'EGY' is a bare country code"));
    }
    /* count the lines: n findings, errors of them */
    int lines = 0, elines = 0;
    for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : "") {
        if (strncmp(p, "note:", 5) == 0) continue;
        lines++;
        const char *nl = strchr(p, '\n');
        const char *e = strstr(p, ": error: ");
        if (e && (!nl || e < nl)) elines++;
    }
    CHECK_INT(n, lines);
    CHECK_INT(errors, elines);
    CHECK_INT(errors, 8);
    free(out);
    tm_cleanup(m);
}

static void test_stats(void) {
    dyad_model *m = tm_load("[country]\n"
                            "EGY = Egypt | Egyptian\n"
                            "ISR = Israel\n"
                            "ISRGOV = Jerusalem\n"
                            "[igo]\n"
                            "IGOUNO = United Nations | UN\n"
                            "IGOEUREEC = European Union\n"
                            "[group]\n"
                            "PSEREBHMS = Hamas  {to 2006-03-28}\n"
                            "PSEGOVHMS = Hamas  {from 2006-03-29}\n"
                            "[person]\n"
                            "EGYGOV = Ahmed Example  {from 2020-01-01 to 2020-12-31}\n"
                            "EGYGOV = Omar Example\n"
                            "[media]\n"
                            "EGYMED = Daily Nile\n",
                            "[role]\nGOV = government | minister\nMIL = army\n",
                            "[verb]\n040 = meet with TGT | meet\n042 = visit\n"
                            "[noun]\n043 = talks with TGT\n");
    CHECK(m != NULL);
    if (!m) return;
    int rc = -2;
    char *out = run_stats(m, 0, &rc);
    CHECK_INT(rc, 0);
    if (out) fprintf(stderr, "--- stats:\n%.1500s---\n", out);
    CHECK(has(out, "  country         3      3      4      0\n"));
    CHECK(has(out, "  person          2      1      2      1\n"));
    CHECK(has(out, "organisations ([igo] codes): 2\n"));
    CHECK(has(out, "non-state groups ([group] codes): 2\n"));
    CHECK(has(out, "date-bounded office holders ([person] lines with from/to): 1 of 2\n"));
    CHECK(has(out, "country codes (3-letter [country] codes): 2\n"));
    CHECK(has(out, "agents: 2 lines, 3 nouns\n"));
    CHECK(has(out, "  GOV       1      2\n"));
    CHECK(has(out, "patterns: 3 verb, 1 noun; 0 with a code not in CAMEO\n"));
    CHECK(has(out, "CAMEO event codes with a pattern: 3 of "));
    CHECK(has(out, "minimum patterns per root: 0 (root 01)\n"));
    CHECK(has(out, "  04       3     1      4  3 of "));
    CHECK(has(out, "  040      2     0  "));
    CHECK(has(out, "  043      0     1  "));
    CHECK(has(out, "codes with no pattern ("));
    free(out);

    out = run_stats(m, 1, &rc);
    CHECK_INT(rc, 0);
    json_error_t jerr;
    json_t *j = out ? json_loads(out, 0, &jerr) : NULL;
    CHECK(j != NULL);
    if (j) {
        CHECK_INT(json_integer_value(json_object_get(j, "organisations")), 2);
        CHECK_INT(json_integer_value(json_object_get(j, "date_bounded_persons")), 1);
        json_t *pat = json_object_get(j, "patterns");
        CHECK_INT(json_integer_value(json_object_get(pat, "verb")), 3);
        CHECK_INT(json_integer_value(json_object_get(pat, "event_codes_with_pattern")), 3);
        json_t *c040 = json_object_get(json_object_get(pat, "codes"), "040");
        CHECK_INT(json_integer_value(json_object_get(c040, "verb")), 2);
        json_t *r04 = json_object_get(json_object_get(pat, "roots"), "04");
        CHECK_INT(json_integer_value(json_object_get(r04, "total")), 4);
        CHECK_STR(json_string_value(json_object_get(json_object_get(pat, "min_root"), "root")),
                  "01");
        json_t *agents = json_object_get(j, "agents");
        CHECK_INT(json_integer_value(json_object_get(json_object_get(agents, "GOV"), "nouns")),
                  2);
        json_t *countries = json_object_get(j, "countries");
        CHECK_INT(json_integer_value(json_object_get(countries, "codes")), 2);
        if (json_integer_value(json_object_get(countries, "iso_total")) > 0)
            CHECK_INT(json_integer_value(json_object_get(countries, "iso_covered")), 2);
        json_decref(j);
    }
    free(out);
    tm_cleanup(m);
}

/* Without the ISO list: check says so, stats says unknown, country codes
 * are not reported. */
static void test_no_iso_list(void) {
    const char *old = getenv("DYAD_ISO3166");
    char *saved = old ? strdup(old) : NULL;
    setenv("DYAD_ISO3166", "/nonexistent/iso_3166-1.json", 1);
    dyad_model *m = tm_load("[country]\nQQQ = Freedonia\n[group]\nQQQREB = Rebels\n",
                            "[role]\nGOV = government\n", "[verb]\n040 = meet\n");
    CHECK(m != NULL);
    if (m) {
        int n = -2, errors = -2;
        char *out = run_check(m, &n, &errors);
        CHECK_INT(n, 0);
        CHECK_INT(errors, 0);
        CHECK(has(out, "note: /nonexistent/iso_3166-1.json not found"));
        free(out);
        int rc = -2;
        out = run_stats(m, 0, &rc);
        CHECK_INT(rc, 0);
        CHECK(has(out, "ISO 3166-1 alpha-3 codes covered: unknown"));
        free(out);
        tm_cleanup(m);
    }
    if (saved) setenv("DYAD_ISO3166", saved, 1);
    else unsetenv("DYAD_ISO3166");
    free(saved);
}

static void test_bad_arguments(void) {
    int errors = 7;
    CHECK_INT(dyad_dict_check(NULL, stdout, &errors), -1);
    CHECK_INT(errors, 0);
    CHECK_INT(dyad_dict_stats(NULL, stdout, 0), -1);
}

int main(void) {
    RUN(test_clean_dictionary);
    RUN(test_findings);
    RUN(test_stats);
    RUN(test_no_iso_list);
    RUN(test_bad_arguments);
    DONE();
}
