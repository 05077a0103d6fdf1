/*
 * compat.h — the TABARI/PETRARCH-compatible coder: matcher tables built from
 * the peers' dictionaries (src/fdict.c reads the files, src/compat_load.c
 * fills these tables) and the shallow, word-sequence coding those
 * dictionaries were written for (docs/COMPAT.md):
 *
 *   actors and agents by longest match (a word written without a trailing
 *   `_` in a TABARI dictionary is a stem: ARGENTIN matches ARGENTINA),
 *   agents composed with the actor of their noun phrase, compounds joined by
 *   "and" and commas, the first dictionary verb of the sentence with its
 *   patterns tried longest first (words before and after the verb in order,
 *   `_` = adjacent, `$` source, `+` target, `%` compound, `^` skip), the
 *   first actor before the verb as source and the first after it as target.
 *
 * The tables are read-only after loading, so one cp_dict serves any number
 * of threads.
 */
#ifndef DYAD_COMPAT_H
#define DYAD_COMPAT_H
#include <stddef.h>

#include "arena.h"

typedef struct cp_dict cp_dict;

/* How a word of a phrase matches a token (upper-case both): */
enum {
    CP_EXACT = 0,  /* the same word */
    CP_STEM = 1,   /* any word that begins with it (TABARI stems) */
    CP_INFLECT = 2, /* the word, the word with a regular ending (-S, -ES, -IES, -ED,
                       -D, -IED, -ING, 'S), or a token whose lemma it is */
    CP_VERBATIM = 3 /* a verb written `BAN=` (TABARI): this word only, not through
                       the token's lemma */
};
typedef struct cp_word {
    const char *w;
    unsigned char stem; /* CP_* */
    unsigned char gap;  /* names and verb phrases: up to 3 other words may stand
                           between this word and the next (TABARI's space, as
                           opposed to '_') */
} cp_word;

typedef struct cp_phrase {
    cp_word *w;
    int n;
} cp_phrase;

/* Pattern elements. */
enum { CE_VERB = 0, CE_ALT, CE_SRC, CE_TGT, CE_COMP, CE_SKIP };

typedef struct cp_elem {
    int kind;
    int adj;          /* the next element must follow directly (`_`) */
    cp_phrase *alts;  /* CE_ALT: one of these phrases */
    int nalts;
} cp_elem;

/* Date restrictions of an actor code. */
enum { CD_ANY = 0, CD_BEFORE, CD_FROM, CD_RANGE };

/* Special codes: `---` (the verb or pattern codes nothing), `###` (discard). */
#define CP_NULL_CODE "---"
#define CP_DISCARD_CODE "###"
/* `+++` (TABARI: the sentence is too complex to code: no events). */
#define CP_COMPLEX_CODE "+++"

cp_dict *cp_dict_new(void);
void cp_dict_free(cp_dict *d);
/* The dictionary's arena, for strings and phrases handed to the builders
 * (they keep pointers, they do not copy). */
dyad_arena *cp_dict_arena(cp_dict *d);

/* Builders; each returns 0, or -1 on out of memory. */
int cp_actor_new(cp_dict *d, const char *where);                 /* returns entry id >= 0 */
int cp_actor_phrase(cp_dict *d, int entry, cp_phrase ph);
int cp_actor_code(cp_dict *d, int entry, const char *code, int kind, long d1, long d2);
int cp_agent(cp_dict *d, cp_phrase ph, const char *code, int prefix, const char *where);
/* A verb block with its default code (and code2 of [A:B]); returns its id >= 0. */
int cp_block_new(cp_dict *d, const char *name, const char *code, const char *code2);
/* A verb of a block: phrase with the inflected word at index verb; forms
 * (may be NULL) are other spellings of that word; code NULL = the block's. */
int cp_verb(cp_dict *d, int block, cp_phrase ph, int verb, const char *const *forms, int nforms,
            const char *code, const char *code2);
/* A pattern: elements with exactly one CE_VERB; code2 NULL unless [A:B]. */
int cp_pattern(cp_dict *d, int block, const cp_elem *el, int nel, const char *code,
               const char *code2, const char *text, const char *where);
int cp_discard(cp_dict *d, cp_phrase ph, int story);
/* Words that are never verbs (TABARI's <NOUN> and <ADJECTIVE> lists). */
int cp_not_verb(cp_dict *d, const char *word);
/* How verbs are found: PETRARCH (default; a verb must be tagged as one) or
 * TABARI (any word of the verb dictionary that is not in the <NOUN> or
 * <ADJECTIVE> lists, as TABARI does without a tagger). */
enum { CP_STYLE_PETRARCH = 0, CP_STYLE_TABARI };
void cp_dict_set_style(cp_dict *d, int style);
int cp_dict_style(const cp_dict *d);
/* Sort patterns and build indexes; call once after loading. */
int cp_dict_finish(cp_dict *d);

size_t cp_dict_count(const cp_dict *d, int what); /* 0 actors 1 agents 2 verbs 3 patterns 4 discards */

/* Settings of a run (TABARI's .options commands where they apply). */
typedef struct cp_settings {
    int require_dyad;        /* only events with a source and a target */
    const char *default_src; /* DEFAULT: SOURCE [X]: the source when none is found */
    const char *default_tgt; /* DEFAULT: TARGET [Y] */
    int prior;               /* DEFAULT: ... PRIOR: the source must come before the verb */
    int after;               /* DEFAULT: ... AFTER: the target must come after the verb */
    int convert_agent;       /* SET: CONVERT AGENT: an agent alone is "~MIL", not "---MIL" */
    int complex_verbs;       /* COMPLEX: VERBS[n]: more verbs make the sentence complex (0: no cap) */
    int complex_conj;        /* COMPLEX: CONJ[n]: more conjunctions do (0: no cap) */
    int noactprior;          /* COMPLEX: NOACTPRIOR: no actor before the verb: complex */
    int code_all;            /* 0 (SET: CODE BY SENTENCE): the first verb that codes and
                                those joined to it by "and"/"but"; 1 (CODE BY CLAUSE): also
                                each clause after "and"/"or"/"but", with its own subject;
                                2 (CODE ALL): every verb */
    int min_words;           /* SET: MINIMUM WORDS: shorter sentences are not coded */
    /* COMMA: a comma-delimited clause of more than MIN and at most MAX words is
     * left out before coding (TABARI style only): internal MIN/MAX, terminal
     * EMIN/EMAX, initial BMIN/BMAX. comma_set 0: TABARI's defaults (2, 10, 2,
     * 10, 255, 0: initial clauses kept); comma_off: none is left out. */
    int comma_set, comma_off;
    const char *forward;     /* FORWARD: the actor a leading subject pronoun stands for
                                (the story's previous subject), or NULL */
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
} cp_settings;

/* One token of a sentence, as the coder sees it. */
typedef struct cp_token {
    const char *word;     /* upper-case surface */
    const char *lemma;    /* upper-case lemma or NULL */
    int tag;              /* dyad_tag; TAG_NONE when not known */
    int cap;              /* 1: written with a capital first letter and some lower-case
                             letter ("Restore", not "RESTORE") */
} cp_token;

typedef struct cp_event {
    const char *source, *target, *code;
    int verb;             /* token of the verb */
    int src_start, src_end, tgt_start, tgt_end; /* token spans of the actors */
    const char *pattern;  /* the pattern's text, or NULL for the verb's own code */
    const char *where;    /* file:line of the pattern or verb */
} cp_event;

/* Result of coding one sentence. */
typedef struct cp_result {
    cp_event *ev;
    int nev;
    int discard;          /* 1 sentence discard, 2 story discard, 3 complex (+++) */
    const char *why;      /* discard phrase or NULL */
} cp_result;

/* Code one sentence dated `date` (YYYYMMDD). Memory from arena a. Returns 0,
 * -1 on out of memory. */
int cp_code_sentence(const cp_dict *d, const cp_settings *s, const cp_token *t, int n, long date,
                     dyad_arena *a, cp_result *out);
#endif
