/*
 * mode.h — the code of an act that is asked for, promised, demanded, refused
 * or threatened (mode.c).
 */
#ifndef DYAD_MODE_H
#define DYAD_MODE_H

enum {
    DYAD_MODE_APPEAL = 0, /* 02: "urged X to release" */
    DYAD_MODE_INTENT,     /* 03: "agreed to release", "will release" */
    DYAD_MODE_DEMAND,     /* 10: "demanded that X release", "said X must release" */
    DYAD_MODE_REJECT,     /* 12: "refused to release", "will not release" */
    DYAD_MODE_THREATEN,   /* 13: "threatened to attack" */
    DYAD_NMODES
};

/* The code of act `act` (a CAMEO code) in mode `mode`, or NULL when the
 * mode has no code for it (an appeal to attack, a threat to cooperate). */
const char *dyad_mode_code(int mode, const char *act);

struct dyad_dict;
/* The mode a verb lemma gives its "to"-infinitive ("urge", "refuse"), or -1:
 * the [mood] section of the dictionaries. */
int dyad_mode_of_verb(const struct dyad_dict *d, const char *lemma);

/* The mode a noun gives a "to"-infinitive after it ("an appeal to X to"), or -1. */
int dyad_mode_of_noun(const struct dyad_dict *d, const char *lemma);

/* The mode of an adjective before "to" ("ready to", "unwilling to"), or -1. */
int dyad_mode_of_adjective(const struct dyad_dict *d, const char *word);

#endif
