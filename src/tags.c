/*
 * tags.c — Penn Treebank tag names for the dyad_tag enum (see text.h).
 */
#include <string.h>

#include "text.h"

static const char *const tag_names[TAG_COUNT] = {
    [TAG_NONE] = "",
    [TAG_CC] = "CC",     [TAG_CD] = "CD",     [TAG_DT] = "DT",     [TAG_EX] = "EX",
    [TAG_FW] = "FW",     [TAG_IN] = "IN",     [TAG_JJ] = "JJ",     [TAG_JJR] = "JJR",
    [TAG_JJS] = "JJS",   [TAG_LS] = "LS",     [TAG_MD] = "MD",     [TAG_NN] = "NN",
    [TAG_NNS] = "NNS",   [TAG_NNP] = "NNP",   [TAG_NNPS] = "NNPS", [TAG_PDT] = "PDT",
    [TAG_POS] = "POS",   [TAG_PRP] = "PRP",   [TAG_PRPS] = "PRP$", [TAG_RB] = "RB",
    [TAG_RBR] = "RBR",   [TAG_RBS] = "RBS",   [TAG_RP] = "RP",     [TAG_SYM] = "SYM",
    [TAG_TO] = "TO",     [TAG_UH] = "UH",     [TAG_VB] = "VB",     [TAG_VBD] = "VBD",
    [TAG_VBG] = "VBG",   [TAG_VBN] = "VBN",   [TAG_VBP] = "VBP",   [TAG_VBZ] = "VBZ",
    [TAG_WDT] = "WDT",   [TAG_WP] = "WP",     [TAG_WPS] = "WP$",   [TAG_WRB] = "WRB",
    [TAG_COMMA] = ",",   [TAG_PERIOD] = ".",  [TAG_COLON] = ":",   [TAG_LQUOTE] = "``",
    [TAG_RQUOTE] = "''", [TAG_LRB] = "-LRB-", [TAG_RRB] = "-RRB-", [TAG_HASH] = "#",
    [TAG_DOLLAR] = "$",
};

const char *dyad_tag_name(dyad_tag t) {
    if ((int)t < 0 || t >= TAG_COUNT || !tag_names[t]) return "";
    return tag_names[t];
}

dyad_tag dyad_tag_from_name(const char *name) {
    if (!name || !*name) return TAG_NONE;
    for (int t = 1; t < TAG_COUNT; t++)
        if (strcmp(tag_names[t], name) == 0) return (dyad_tag)t;
    /* Bracket spellings some Treebank writers use. */
    if (strcmp(name, "(") == 0 || strcmp(name, "-LCB-") == 0) return TAG_LRB;
    if (strcmp(name, ")") == 0 || strcmp(name, "-RCB-") == 0) return TAG_RRB;
    return TAG_NONE;
}
