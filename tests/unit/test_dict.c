/* test_dict.c — dyad's own dictionary format: good entries load into the
 * indexes, each malformed line is reported with file:line:column and what
 * was expected, and skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"
#include "mode.h"
#include "harness.h"

static char warnings[16384];
static int nwarn, overflow;

static void on_warn(void *ctx, const char *file, long line, long column, const char *msg) {
    (void)ctx;
    size_t used = strlen(warnings);
    int n = snprintf(warnings + used, sizeof warnings - used, "%s:%ld:%ld: %s\n", file, line,
                     column, msg);
    if (n < 0 || (size_t)n >= sizeof warnings - used) overflow = 1;
    nwarn++;
}

static void reset_warnings(void) {
    warnings[0] = '\0';
    nwarn = 0;
    overflow = 0;
}

/* Write content (len bytes; -1 = up to the NUL) to a temporary file. */
static const char *write_tmp_n(const char *name, const char *content, long len) {
    static char path[256];
    snprintf(path, sizeof path, "/tmp/dyad_test_%d_%s", (int)getpid(), name);
    FILE *f = fopen(path, "wb");
    if (!f) return path;
    fwrite(content, 1, len < 0 ? strlen(content) : (size_t)len, f);
    fclose(f);
    return path;
}

static const char *write_tmp(const char *name, const char *content) {
    return write_tmp_n(name, content, -1);
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
    reset_warnings();
    CHECK_INT(dyad_dict_load_file(&d, p, "actors", on_warn, NULL, err, sizeof err), 0);
    CHECK_INT(nwarn, 6);
    CHECK(strstr(warnings, ":18:29: bad date '2024-02-30' (want YYYY-MM-DD") != NULL);
    CHECK(strstr(warnings, ":16:39: unknown option 'bogus' (want ") != NULL);
    /* the skipped line left nothing behind */
    CHECK(dyad_strmap_get(&d.refers, "outfit") == NULL);
    CHECK(strstr(warnings, ":9:1: bad actor code 'bad' (want 3-15 capital letters") != NULL);
    /* a missing '=' is reported at the end of the line */
    CHECK(strstr(warnings, ":10:18: missing '=' (want CODE = name | name)") != NULL);
    CHECK(strstr(warnings, ":11:2: unknown section [nonsense] (want [country], [igo]") != NULL);
    CHECK(strstr(warnings, ":14:25: bad date '2023-13-01'") != NULL);
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

static void test_moods(void) {
    const char *p = write_tmp("verbs.txt",
                              "[mood]\n"
                              "appeal = urge | call\n"
                              "intent adjective = ready\n"
                              "demand noun = ultimatum\n"
                              "wish = hope\n"
                              "appeal verb = ask\n"
                              "reject = refuse | turn down | Decline\n"
                              "intent = urge\n"
                              "threaten = threaten {sym}\n");
    dyad_dict d;
    dyad_dict_init(&d);
    char err[256];
    reset_warnings();
    CHECK_INT(dyad_dict_load_file(&d, p, "verbs", on_warn, NULL, err, sizeof err), 0);
    CHECK_INT(dyad_dict_mood(&d, DICT_MOOD_VERB, "urge"), DYAD_MODE_APPEAL);
    CHECK_INT(dyad_dict_mood(&d, DICT_MOOD_VERB, "call"), DYAD_MODE_APPEAL);
    CHECK_INT(dyad_dict_mood(&d, DICT_MOOD_ADJECTIVE, "ready"), DYAD_MODE_INTENT);
    CHECK_INT(dyad_dict_mood(&d, DICT_MOOD_NOUN, "ultimatum"), DYAD_MODE_DEMAND);
    CHECK_INT(dyad_dict_mood(&d, DICT_MOOD_VERB, "refuse"), DYAD_MODE_REJECT);
    CHECK_INT(dyad_dict_mood(&d, DICT_MOOD_VERB, "ready"), -1);
    CHECK_INT(dyad_dict_mood(&d, DICT_MOOD_VERB, "hope"), -1);
    CHECK(strstr(warnings, ":5:1: bad mood 'wish' (want appeal, intent") != NULL);
    CHECK(strstr(warnings, ":6:1: bad mood 'appeal verb'") != NULL);
    CHECK(strstr(warnings, ":7:19: bad mood word 'turn down' (want one lower-case word") != NULL);
    CHECK(strstr(warnings, ":7:31: bad mood word 'Decline'") != NULL);
    CHECK(strstr(warnings, ":8:10: 'urge' is already in the appeal mood") != NULL);
    CHECK(strstr(warnings, "a [mood] line takes no options") != NULL);
    CHECK_INT(nwarn, 6);
    CHECK_INT(d.nmoods, 5);
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
    reset_warnings();
    CHECK_INT(dyad_dict_load_file(&d, p, "verbs", on_warn, NULL, err, sizeof err), 0);
    CHECK(strstr(warnings, ":6:6: pattern 'TGT first' must start with a head word, not TGT") !=
          NULL);
    CHECK(strstr(warnings, ":7:16: unknown option 'frobnicate' (want sym, speech or notarget)") !=
          NULL);
    CHECK(strstr(warnings, ":8:1: bad event code 'ABC' (want ") != NULL);
    /* the column of the bad element, not of the pattern */
    CHECK(strstr(warnings, ":11:15: bad pattern element '//' in 'meeting // bad'") != NULL);
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
        CHECK_INT(pt->code_col, 1);
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

/* Columns of every other kind of malformed line, counted in characters
 * (a UTF-8 letter is one column, a tab is one), and messages that say what
 * was expected. */
static void test_columns(void) {
    const char *p = write_tmp("actors.txt",
                              "GRP = before any section\n"                         /* 1 */
                              "[country\n"                                         /* 2 */
                              "[country] extra\n"                                  /* 3 */
                              "[country]\n"                                        /* 4 */
                              "\tCIV = Côte d'Ivoire | Ivorian {refer: x} {y}\n"   /* 5 */
                              "CIV = Côte d'Ivoire {from 2020-01-01\n"              /* 6 */
                              "CIV = Côte d'Ivoire |  | Ivorian\n"                  /* 7 */
                              "CIV =\n"                                            /* 8 */
                              "  QAT = Qatar {to 2024-01-0100000000000000000000}\n" /* 9 */
                              "QAT = Qatar {until 2024-01-01}\n"                   /* 10 */
                              "QAT = Qatar {from 2024-01-01 till 2025-01-01}\n");  /* 11 */
    dyad_dict d;
    dyad_dict_init(&d);
    char err[256];
    reset_warnings();
    CHECK_INT(dyad_dict_load_file(&d, p, "actors", on_warn, NULL, err, sizeof err), 0);
    CHECK(strstr(warnings, ":1:1: entry before any [section] header (want a header first: "
                           "[country], [igo], [group], [person] or [media])") != NULL);
    CHECK(strstr(warnings, ":2:9: bad section header '[country' (want ']' at the end") != NULL);
    CHECK(strstr(warnings, ":3:11: bad section header '[country] extra' (want nothing after "
                           "']')") != NULL);
    /* a tab is one column, "ô" is one column */
    CHECK(strstr(warnings, ":5:43: options must be one {...} group at the end of the line "
                           "(want nothing after '}')") != NULL);
    CHECK(strstr(warnings, ":6:37: options must be one {...} group at the end of the line "
                           "(want a closing '}')") != NULL);
    CHECK(strstr(warnings, ":7:24: empty name between '|' (want a name)") != NULL);
    CHECK(strstr(warnings, ":8:6: no names for CIV (want CODE = name | name)") != NULL);
    /* a long date is shown whole, not cut */
    CHECK(strstr(warnings, ":9:19: bad date '2024-01-0100000000000000000000' (want YYYY-MM-DD") !=
          NULL);
    CHECK(strstr(warnings, ":10:14: unknown option 'until 2024-01-01' (want 'from YYYY-MM-DD'") !=
          NULL);
    CHECK(strstr(warnings, ":11:30: bad date bound 'from 2024-01-01 till 2025-01-01'") != NULL);
    CHECK_INT(nwarn, 10);
    CHECK_INT(overflow, 0);
    dyad_dict_free(&d);
    unlink(p);

    p = write_tmp("agents.txt", "[role]\nGOV = official {refer: the government}\n"
                                "[roles]\nMIL = army\n");
    dyad_dict_init(&d);
    reset_warnings();
    CHECK_INT(dyad_dict_load_file(&d, p, "agents", on_warn, NULL, err, sizeof err), 0);
    CHECK(strstr(warnings, ":2:17: 'refer' is for actors, ignored on an agent") != NULL);
    CHECK(strstr(warnings, ":3:2: unknown section [roles] (want [role] in agents.txt)") != NULL);
    CHECK_INT(nwarn, 2);
    dyad_dict_free(&d);
    unlink(p);

    static const char verbs[] = "[verb]\n"
                                "010 = say | add\n"
                                "042 = visit TGT | not SRC go\n"     /* 3: SRC where the head is */
                                "042 = not not\n"                    /* 4: only 'not' */
                                "042 = go to/ TGT\n"                 /* 5 */
                                "042 = travel to\n"
                                "042 = trav\0el\n"                   /* 7: a NUL byte */
                                "042 = visit\n";
    p = write_tmp_n("verbs.txt", verbs, (long)sizeof verbs - 1);
    dyad_dict_init(&d);
    reset_warnings();
    CHECK_INT(dyad_dict_load_file(&d, p, "verbs", on_warn, NULL, err, sizeof err), 0);
    CHECK(strstr(warnings, ":3:23: pattern 'not SRC go' must start with a head word, not SRC") !=
          NULL);
    CHECK(strstr(warnings, ":4:7: pattern 'not not' must start with a head word, not only 'not'") !=
          NULL);
    CHECK(strstr(warnings, ":5:10: bad pattern element 'to/' in 'go to/ TGT' (want a word") !=
          NULL);
    CHECK(strstr(warnings, ":7:11: NUL byte in line") != NULL);
    CHECK_INT(nwarn, 4);
    const dict_pattern_list *l = dyad_dict_patterns(&d, "visit");
    CHECK(l && l->n == 2);
    dyad_dict_free(&d);
    unlink(p);
}

static void test_long_line(void) {
    size_t n = 70000;
    char *big = malloc(n + 64);
    strcpy(big, "[country]\nAAA = ");
    size_t used = strlen(big);
    memset(big + used, 'x', n);
    strcpy(big + used + n, "\nBBB = Bee\n");
    const char *p = write_tmp("long.txt", big);
    free(big);
    dyad_dict d;
    dyad_dict_init(&d);
    char err[256];
    warnings[0] = '\0';
    nwarn = 0;
    CHECK_INT(dyad_dict_load_file(&d, p, "actors", on_warn, NULL, err, sizeof err), 0);
    CHECK_INT(nwarn, 1);
    CHECK(strstr(warnings, ":2:") && strstr(warnings, "over the limit of 65536"));
    CHECK(dyad_strmap_get(&d.names, "bee") != NULL);
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
    RUN(test_moods);
    RUN(test_columns);
    RUN(test_missing_file);
    RUN(test_long_line);
    DONE();
}
