/* test_dict.c — dyad's own dictionary format: good entries load into the
 * indexes, each malformed line is reported with file:line and skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"
#include "harness.h"

static char warnings[4096];
static int nwarn;

static void on_warn(void *ctx, const char *file, long line, const char *msg) {
    (void)ctx;
    size_t used = strlen(warnings);
    snprintf(warnings + used, sizeof warnings - used, "%s:%ld: %s\n", file, line, msg);
    nwarn++;
}

static const char *write_tmp(const char *name, const char *content) {
    static char path[256];
    snprintf(path, sizeof path, "/tmp/dyad_test_%d_%s", (int)getpid(), name);
    FILE *f = fopen(path, "w");
    fputs(content, f);
    fclose(f);
    return path;
}

static void test_actors(void) {
    const char *p = write_tmp("actors.txt",
                              "# comment\n"
                              "[country]\n"
                              "USA = United States | U.S. | America  # trailing comment\n"
                              "QAT = Qatar | Qatari\n"
                              "[group]\n"
                              "PSEREBHMS = Hamas {refer: movement | Islamist movement}\n"
                              "[person]\n"
                              "USAGOV = Matthew Miller {from 2023-01-01 to 2025-01-20}\n"
                              "bad = lower case code\n"
                              "USA United States\n"
                              "[nonsense]\n"
                              "XXX = skipped because the section is bad\n"
                              "[person]\n"
                              "ABCGOV = Somebody {from 2023-13-01}\n"
                              "[group]\n"
                              "XYZREB = Outfit Front {refer: outfit; bogus}\n"
                              "[person]\n"
                              "DEFGOV = Someone Else {from 2024-02-30}\n");
    dyad_dict d;
    dyad_dict_init(&d);
    char err[256];
    warnings[0] = '\0';
    nwarn = 0;
    CHECK_INT(dyad_dict_load_file(&d, p, "actors", on_warn, NULL, err, sizeof err), 0);
    CHECK_INT(nwarn, 6);
    CHECK(strstr(warnings, ":18: bad date '2024-02-30'") != NULL);
    CHECK(strstr(warnings, ":16: unknown option 'bogus'") != NULL);
    /* the skipped line left nothing behind */
    CHECK(dyad_strmap_get(&d.refers, "outfit") == NULL);
    CHECK(strstr(warnings, ":9: bad actor code 'bad'") != NULL);
    CHECK(strstr(warnings, ":10: missing '='") != NULL);
    CHECK(strstr(warnings, ":11: unknown section [nonsense]") != NULL);
    CHECK(strstr(warnings, ":14: bad date '2023-13-01'") != NULL);
    const dict_name_list *l = dyad_strmap_get(&d.names, "united");
    CHECK(l && l->n == 1 && l->items[0]->nwords == 2);
    l = dyad_strmap_get(&d.names, "u.s.");
    CHECK(l && l->n == 1 && strcmp(l->items[0]->actor->code, "USA") == 0);
    CHECK(l && (l->items[0]->wflags[0] & DW_ALLCAP));
    l = dyad_strmap_get(&d.names, "matthew");
    CHECK(l && l->items[0]->actor->from == 20230101 && l->items[0]->actor->to == 20250120);
    l = dyad_strmap_get(&d.refers, "islamist");
    CHECK(l && strcmp(l->items[0]->actor->code, "PSEREBHMS") == 0);
    CHECK(dyad_strmap_get(&d.countries, "QAT") != NULL);
    CHECK(dyad_strmap_get(&d.countries, "PSE") == NULL);
    CHECK_INT(d.counts[0], 4); /* the line with a bad date is skipped */
    dyad_dict_free(&d);
    unlink(p);
}

static void test_verbs(void) {
    const char *p = write_tmp("verbs.txt",
                              "[verb]\n"
                              "0253 = call on TGT to release | urge TGT to release\n"
                              "040 = meet with TGT {sym}\n"
                              "010 = say | add {speech}\n"
                              "011 = not provide response\n"
                              "12 = TGT first\n"
                              "045 = mediate {frobnicate}\n"
                              "ABC = say\n"
                              "[noun]\n"
                              "043 = meeting of SRC {sym}\n"
                              "040 = meeting // bad\n");
    dyad_dict d;
    dyad_dict_init(&d);
    char err[256];
    warnings[0] = '\0';
    nwarn = 0;
    CHECK_INT(dyad_dict_load_file(&d, p, "verbs", on_warn, NULL, err, sizeof err), 0);
    CHECK(strstr(warnings, ":6: pattern 'TGT first' must start with a head word") != NULL);
    CHECK(strstr(warnings, ":7: unknown option 'frobnicate'") != NULL);
    CHECK(strstr(warnings, ":8: bad event code 'ABC'") != NULL);
    CHECK(strstr(warnings, ":11: bad pattern element") != NULL);
    CHECK_INT(nwarn, 4);
    const dict_pattern_list *l = dyad_dict_patterns(&d, "call");
    CHECK(l && l->n == 1);
    if (l && l->n) {
        const dict_pattern *pt = l->items[0];
        CHECK_STR(pt->code, "0253");
        CHECK_INT(pt->nel, 5);
        CHECK_INT(pt->el[2].kind, EL_TGT);
        CHECK_INT(pt->nwords, 4);
        CHECK_STR(pt->where + strlen(pt->where) - 2, ":2");
    }
    l = dyad_dict_patterns(&d, "say");
    CHECK(l && l->n == 1 && (l->items[0]->flags & PF_SPEECH));
    l = dyad_dict_patterns(&d, "provide");
    CHECK(l && l->n == 1 && l->items[0]->head == 1 && l->items[0]->el[0].kind == EL_NOT);
    CHECK(dyad_dict_patterns(&d, "not") == NULL);
    l = dyad_dict_patterns(&d, "meeting");
    CHECK(l && l->n == 1 && l->items[0]->noun && (l->items[0]->flags & PF_SYM));
    dyad_dict_free(&d);
    unlink(p);
}

static void test_missing_file(void) {
    dyad_dict d;
    dyad_dict_init(&d);
    char err[256] = "";
    CHECK_INT(dyad_dict_load_file(&d, "/nonexistent/actors.txt", "actors", on_warn, NULL, err,
                                  sizeof err),
              -1);
    CHECK(strstr(err, "/nonexistent/actors.txt") != NULL);
    dyad_dict_free(&d);
}

int main(void) {
    RUN(test_actors);
    RUN(test_verbs);
    RUN(test_missing_file);
    DONE();
}
