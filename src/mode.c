/*
 * mode.c — what an act becomes when it is asked for, promised, demanded,
 * refused or threatened.
 *
 * CAMEO codes the same acts several times over: "release hostages" is 0841,
 * "urged Hamas to release hostages" 0253, "said it will release" 0353,
 * "demanded that Hamas release" 1053, "refused to release" 1243. The parser
 * finds the act (a verb pattern on the complement's verb) and the mode (the
 * governing verb or the modal); this table gives the code of the pair. The
 * correspondences follow the parallel sub-code structure of the CAMEO 1.1b3
 * codebook, chapters 02, 03, 10, 12 and 13.
 */
#include <string.h>

#include "dict.h"
#include "mode.h"

typedef struct mode_row {
    const char *act;                 /* code prefix of the act */
    const char *code[DYAD_NMODES];   /* appeal, intent, demand, reject, threaten */
} mode_row;

/* Most specific prefix first; NULL = the mode has no code for the act. */
static const mode_row rows[] = {
    /* 03 intents name the act too: asking for, demanding or refusing it */
    {"0311", {"0211", "0311", "1011", "1211", NULL}},
    {"0312", {"0212", "0312", "1012", "1212", NULL}},
    {"0313", {"0213", "0313", "1013", "121", NULL}},
    {"0314", {"0214", "0314", "1014", "121", NULL}},
    {"031", {"021", "031", "101", "121", NULL}},
    {"032", {"022", "032", "102", "120", NULL}},
    {"0331", {"0231", "0331", "1031", "1221", NULL}},
    {"0332", {"0232", "0332", "1032", "1222", NULL}},
    {"0333", {"0233", "0333", "1033", "1223", NULL}},
    {"0334", {"0234", "0334", "1034", "1224", NULL}},
    {"033", {"023", "033", "103", "122", NULL}},
    {"0341", {"0241", "0341", "1041", "1231", NULL}},
    {"0342", {"0242", "0342", "1042", "1232", NULL}},
    {"0343", {"0243", "0343", "1043", "1233", NULL}},
    {"0344", {"0244", "0344", "1044", "1234", NULL}},
    {"034", {"024", "034", "104", "123", NULL}},
    {"0351", {"0251", "0351", "1051", "1241", NULL}},
    {"0352", {"0252", "0352", "1052", "1242", NULL}},
    {"0353", {"0253", "0353", "1053", "1243", NULL}},
    {"0354", {"0254", "0354", "1054", "1244", NULL}},
    {"0355", {"0255", "0355", "1055", "1245", NULL}},
    {"0356", {"0256", "0356", "1056", "1246", NULL}},
    {"035", {"025", "035", "105", "124", NULL}},
    {"036", {"026", "036", "106", "125", NULL}},
    {"037", {"027", "037", "107", "127", NULL}},
    {"038", {"028", "038", "108", "126", NULL}},
    {"039", {"028", "039", "108", "126", NULL}},
    {"030", {"020", "030", "100", "120", NULL}},
    /* 04 consult: to meet or negotiate; 045 mediate */
    {"045", {"028", "039", "108", "126", NULL}},
    {"04", {"026", "036", "106", "125", NULL}},
    /* 05 diplomatic cooperation; 057 sign an agreement = settle */
    {"057", {"027", "037", "107", "127", NULL}},
    {"05", {"022", "032", "102", "120", NULL}},
    /* 06 material cooperation */
    {"061", {"0211", "0311", "1011", "1211", NULL}},
    {"062", {"0212", "0312", "1012", "1212", NULL}},
    {"063", {"0213", "0313", "1013", "121", NULL}},
    {"064", {"0214", "0314", "1014", "121", NULL}},
    {"06", {"021", "031", "101", "121", NULL}},
    /* 07 aid */
    {"071", {"0231", "0331", "1031", "1221", NULL}},
    {"072", {"0232", "0332", "1032", "1222", NULL}},
    {"073", {"0233", "0333", "1033", "1223", NULL}},
    {"074", {"0234", "0334", "1034", "1224", NULL}},
    {"07", {"023", "033", "103", "122", NULL}},
    /* 08 yield: 083x political reform, the rest yielding */
    {"0831", {"0241", "0341", "1041", "1231", NULL}},
    {"0832", {"0242", "0342", "1042", "1232", NULL}},
    {"0833", {"0243", "0343", "1043", "1233", NULL}},
    {"0834", {"0244", "0344", "1044", "1234", NULL}},
    {"083", {"024", "034", "104", "123", NULL}},
    {"081", {"0251", "0351", "1051", "1241", NULL}},
    {"082", {"0252", "0352", "1052", "1242", NULL}},
    {"084", {"0253", "0353", "1053", "1243", NULL}},
    {"085", {"0254", "0354", "1054", "1244", NULL}},
    {"086", {"0255", "0355", "1055", "1245", NULL}},
    {"087", {"0256", "0356", "1056", "1246", NULL}},
    {"08", {"025", "035", "105", "124", NULL}},
    /* 09 investigate: cooperation in general */
    {"09", {"020", "030", "100", "120", NULL}},
    /* hostile acts can only be threatened */
    {"14", {NULL, NULL, NULL, NULL, "133"}},
    {"15", {NULL, NULL, NULL, NULL, "138"}},
    {"161", {NULL, NULL, NULL, NULL, "1313"}},
    {"162", {NULL, NULL, NULL, NULL, "1311"}},
    {"163", {NULL, NULL, NULL, NULL, "1312"}},
    {"164", {NULL, NULL, NULL, NULL, "134"}},
    {"165", {NULL, NULL, NULL, NULL, "135"}},
    {"166", {NULL, NULL, NULL, NULL, "136"}},
    {"16", {NULL, NULL, NULL, NULL, "131"}},
    {"1721", {NULL, NULL, NULL, NULL, "1321"}},
    {"1722", {NULL, NULL, NULL, NULL, "1322"}},
    {"1723", {NULL, NULL, NULL, NULL, "1323"}},
    {"1724", {NULL, NULL, NULL, NULL, "1324"}},
    {"172", {NULL, NULL, NULL, NULL, "132"}},
    {"173", {NULL, NULL, NULL, NULL, "137"}},
    {"175", {NULL, NULL, NULL, NULL, "137"}},
    {"17", {NULL, NULL, NULL, NULL, "130"}},
    {"191", {NULL, NULL, NULL, NULL, "1381"}},
    {"192", {NULL, NULL, NULL, NULL, "1382"}},
    {"19", {NULL, NULL, NULL, NULL, "1384"}},
    {"18", {NULL, NULL, NULL, NULL, "1383"}},
    {"204", {NULL, NULL, NULL, NULL, "1385"}},
    {"20", {NULL, NULL, NULL, NULL, "1383"}},
};

const char *dyad_mode_code(int mode, const char *act) {
    if (mode < 0 || mode >= DYAD_NMODES || !act) return NULL;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (strncmp(act, rows[i].act, strlen(rows[i].act)) == 0) return rows[i].code[mode];
    return NULL;
}

/* The mood words are data: the [mood] section of verbs.txt (dict.c). */
int dyad_mode_of_verb(const dyad_dict *d, const char *lemma) {
    return dyad_dict_mood(d, DICT_MOOD_VERB, lemma);
}

int dyad_mode_of_adjective(const dyad_dict *d, const char *word) {
    return dyad_dict_mood(d, DICT_MOOD_ADJECTIVE, word);
}

int dyad_mode_of_noun(const dyad_dict *d, const char *lemma) {
    return dyad_dict_mood(d, DICT_MOOD_NOUN, lemma);
}
