/* test_mode.c — the mood table of mode.c: every code it gives is a CAMEO
 * code of the right root, and spot checks of the parallel sub-codes. */
#include <string.h>

#include "cameo.h"
#include "harness.h"
#include "dict.h"
#include "mode.h"

static void test_spot_checks(void) {
    CHECK_STR(dyad_mode_code(DYAD_MODE_APPEAL, "0841"), "0253");
    CHECK_STR(dyad_mode_code(DYAD_MODE_INTENT, "0841"), "0353");
    CHECK_STR(dyad_mode_code(DYAD_MODE_DEMAND, "0841"), "1053");
    CHECK_STR(dyad_mode_code(DYAD_MODE_REJECT, "0841"), "1243");
    CHECK_STR(dyad_mode_code(DYAD_MODE_APPEAL, "0356"), "0256");
    CHECK_STR(dyad_mode_code(DYAD_MODE_DEMAND, "0832"), "1042");
    CHECK_STR(dyad_mode_code(DYAD_MODE_APPEAL, "046"), "026");
    CHECK_STR(dyad_mode_code(DYAD_MODE_APPEAL, "045"), "028");
    CHECK_STR(dyad_mode_code(DYAD_MODE_THREATEN, "163"), "1312");
    CHECK_STR(dyad_mode_code(DYAD_MODE_THREATEN, "190"), "1384");
    CHECK(dyad_mode_code(DYAD_MODE_APPEAL, "190") == NULL);
    CHECK(dyad_mode_code(DYAD_MODE_THREATEN, "0841") == NULL);
    CHECK(dyad_mode_code(DYAD_MODE_APPEAL, "010") == NULL);
    CHECK(dyad_mode_code(DYAD_NMODES, "0841") == NULL);
    CHECK(dyad_mode_code(DYAD_MODE_APPEAL, NULL) == NULL);
}

/* every (mode, code) pair over the whole CAMEO table gives a known code of
 * the mode's root */
static void test_all_codes(void) {
    static const char *const roots[DYAD_NMODES] = {"02", "03", "10", "12", "13"};
    size_t n = dyad_cameo_count();
    int given = 0;
    for (size_t i = 0; i < n; i++) {
        const char *act = dyad_cameo_at(i)->code;
        for (int m = 0; m < DYAD_NMODES; m++) {
            const char *c = dyad_mode_code(m, act);
            if (!c) continue;
            given++;
            if (!dyad_cameo_lookup(c) || strncmp(c, roots[m], 2) != 0) {
                h_fail++;
                fprintf(stderr, "FAIL mode %d of %s gives %s\n", m, act, c);
            } else {
                h_pass++;
            }
        }
    }
    CHECK(given > 300);
}

/* The mood words of the default dictionaries (data/verbs.txt, [mood]). */
static void test_default_words(void) {
    dyad_dict d;
    dyad_dict_init(&d);
    char err[256];
    if (dyad_dict_load_file(&d, DYAD_DATA_DIR "/verbs.txt", "verbs", NULL, NULL, err,
                            sizeof err) != 0) {
        dyad_dict_free(&d);
        SKIP("data/verbs.txt not readable");
    }
    CHECK_INT(dyad_mode_of_verb(&d, "urge"), DYAD_MODE_APPEAL);
    CHECK_INT(dyad_mode_of_verb(&d, "demand"), DYAD_MODE_DEMAND);
    CHECK_INT(dyad_mode_of_verb(&d, "refuse"), DYAD_MODE_REJECT);
    CHECK_INT(dyad_mode_of_verb(&d, "threaten"), DYAD_MODE_THREATEN);
    CHECK_INT(dyad_mode_of_verb(&d, "agree"), DYAD_MODE_INTENT);
    CHECK_INT(dyad_mode_of_verb(&d, "attack"), -1);
    CHECK_INT(dyad_mode_of_verb(&d, "expect"), -1); /* a guess, not an intent */
    CHECK_INT(dyad_mode_of_verb(&d, NULL), -1);
    CHECK_INT(dyad_mode_of_adjective(&d, "ready"), DYAD_MODE_INTENT);
    CHECK_INT(dyad_mode_of_adjective(&d, "unwilling"), DYAD_MODE_REJECT);
    CHECK_INT(dyad_mode_of_adjective(&d, "happy"), -1);
    CHECK_INT(dyad_mode_of_noun(&d, "appeal"), DYAD_MODE_APPEAL);
    CHECK_INT(dyad_mode_of_noun(&d, "threat"), DYAD_MODE_THREATEN);
    CHECK(d.nmoods >= 60);
    dyad_dict_free(&d);
}

int main(void) {
    RUN(test_spot_checks);
    RUN(test_all_codes);
    RUN(test_default_words);
    DONE();
}
