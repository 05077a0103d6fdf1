/*
 * dict.h — dyad's own dictionaries (docs/DICTIONARIES.md): actors, agents
 * and verb/noun patterns, loaded from text into read-only indexes.
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H
#include <stddef.h>

#include "strmap.h"

enum { AK_COUNTRY = 1, AK_IGO, AK_GROUP, AK_PERSON, AK_MEDIA, AK_AGENT };

typedef struct dict_actor {
    char *code;       /* actor code, or role code (GOV) for agents */
    int kind;         /* AK_* */
    long from, to;    /* YYYYMMDD bounds, 0 = open */
    char **refer;     /* refer nouns, each lower-case words joined by one space */
    int nrefer;
    char *where;      /* "actors.txt:12" */
} dict_actor;

/* Word-matching flags of one name word. */
#define DW_CAP    1  /* entry word is capitalised: the token must be too */
#define DW_ALLCAP 2  /* entry word is all capitals: the token must be too */

typedef struct dict_name {
    char **words;     /* lower-case words */
    unsigned char *wflags;
    int nwords;
    const dict_actor *actor;
} dict_name;

typedef struct dict_name_list {
    dict_name **items;   /* longest first */
    size_t n, cap;
} dict_name_list;

enum { EL_WORD = 0, EL_TGT, EL_SRC, EL_NOT };

typedef struct dict_elem {
    int kind;
    char **alts;      /* EL_WORD: alternatives, lower-case */
    int nalts;
} dict_elem;

#define PF_SYM      1u
#define PF_SPEECH   2u
#define PF_NOTARGET 4u

typedef struct dict_pattern {
    char *code;
    int noun;         /* 1 = [noun] pattern */
    unsigned flags;   /* PF_* */
    dict_elem *el;
    int nel;          /* elements including the head */
    int head;         /* index of the head element (the first word; a "not"
                         may stand before it: "not provide response") */
    int nwords;       /* number of word elements (for "longest") */
    char *where;      /* "verbs.txt:40" */
    char *text;       /* the pattern as written */
    size_t order;     /* position in the file, for ties */
    long code_col;    /* 1-based column of the event code in its line */
    unsigned *req;    /* word hashes (dyad_word_hash) the sentence must hold for
                         the pattern to match: its one-word elements */
    int nreq;
} dict_pattern;

/* FNV-1a hash of a word, for the per-sentence pre-check of patterns. */
static inline unsigned dyad_word_hash(const char *w) {
    unsigned h = 2166136261u;
    for (; *w; w++) h = (h ^ (unsigned char)*w) * 16777619u;
    return h ? h : 1u;
}

typedef struct dict_pattern_list {
    dict_pattern **items;
    size_t n, cap;
    size_t nnoun;         /* how many of them are [noun] patterns */
} dict_pattern_list;

typedef struct dyad_dict {
    size_t max_line;      /* longer lines are reported and skipped; 0 = DICT_MAX_LINE */
    dyad_strmap names;    /* first word → dict_name_list* (actors and agents) */
    dyad_strmap refers;   /* first word of a refer noun → dict_name_list* */
    dyad_strmap heads;    /* head word → dict_pattern_list* (verb and noun) */
    dyad_strmap countries;/* 3-letter country codes → the first dict_actor */
    dyad_strmap moods[3]; /* [mood] words: verb, adjective, noun → mood + 1 (mode.h) */
    size_t nmoods;        /* words in them */
    /* ownership lists, freed at the end */
    dict_actor **actors;
    size_t nactors, cap_actors;
    dict_pattern **patterns;
    size_t npatterns, cap_patterns;
    dict_name **allnames;
    size_t nnames, cap_names;
    size_t counts[4];     /* actors, agents, verb patterns, noun patterns */
} dyad_dict;

/* Called for each malformed line: file (base name), 1-based line, 1-based
 * column of the offending element (in characters, UTF-8; 0 = not known) and
 * a message that says what is wrong and what was expected. */
typedef void (*dict_warn_fn)(void *ctx, const char *file, long line, long column,
                             const char *msg);

void dyad_dict_init(dyad_dict *d);
void dyad_dict_free(dyad_dict *d);
/**
 * Load one dictionary file of the given kind ("actors", "agents", "verbs")
 * into d. Returns 0, or -1 when the file cannot be read (message in errbuf)
 * or on OOM. Malformed lines are reported through warn and skipped.
 */
int dyad_dict_load_file(dyad_dict *d, const char *path, const char *kind, dict_warn_fn warn,
                        void *ctx, char *errbuf, size_t errlen);
/** The mood (DYAD_MODE_*, mode.h) a [mood] word of the given kind
 *  (DICT_MOOD_VERB, _ADJECTIVE, _NOUN) sets, or -1. */
enum { DICT_MOOD_VERB = 0, DICT_MOOD_ADJECTIVE, DICT_MOOD_NOUN };
int dyad_dict_mood(const dyad_dict *d, int kind, const char *word);
/** Patterns whose head is word (lower-case lemma), or NULL. */
const dict_pattern_list *dyad_dict_patterns(const dyad_dict *d, const char *word);
/** Do the first three letters of code name a state of the [country]
 *  section ("EGY" of EGYGOV, "PSE" of PSEWSB; not "IGO" of IGOUNO)? */
int dyad_dict_country_prefix(const dyad_dict *d, const char *code);
/** Does code start with an ethnic or religious identity code of the CAMEO
 *  codebook (ch. 10: KUR, TAM, MOSSUN, CHR ...)? (dictinfo.c) */
int dyad_identity_code(const char *code);
/** Does code start with a CAMEO role code (GOV, MIL, REL ...)? (dictinfo.c) */
int dyad_role_code(const char *code);
#endif
