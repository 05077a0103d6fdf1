/*
 * fdict.h — reader for foreign dictionaries: PETRARCH2 and TABARI actors,
 * agents, verbs, discards and issues, and PETRARCH2's PETR_config.ini (formats:
 * ../shared/docs/FORMATS.md (b)). Each file loads into a neutral in-memory
 * form that keeps what a matcher needs, already parsed (words with their `_`
 * marks, dated codes, typed pattern tokens, synsets); every malformed entry is
 * reported as file:line with a reason and skipped, and loading goes on. Nothing
 * here matches text: the coder that consumes it decides the semantics, helped
 * by the notes on each field. dyad_fdict_write_dyad() converts what dyad's own
 * format (docs/DICTIONARIES.md) can express.
 *
 * Deliberate differences from PETRARCH2's reader (FORMATS.md (b)):
 *  - the last entry of an actor file is loaded (PETRARCH2 drops it);
 *  - a `<!` line in a verb file does not switch off the patterns after it;
 *  - `#` comments are removed from synset lines too, and `#` inside `[...]`
 *    is not a comment (`[###]`);
 *  - the phrase/code split of an actor line is at the first `[`, never on a
 *    tab or a space (so `JOHN SMITH` with codes on the next lines is one
 *    phrase), and spaces inside a date are allowed on the base line too;
 *  - `_` splits words everywhere (PETRARCH2 keeps `A_` as one word in
 *    discards) and every word keeps what was written after it (FW_*);
 *  - `&NAME` finds a set defined as `&NAME_` (PETRARCH2: undefined).
 * Text: invalid UTF-8 bytes are read as Latin-1 (so all text here, and every
 * warning, is valid UTF-8), control characters (NUL, ^Z, ...) are dropped,
 * CRLF and lone CR end lines; each repair is a note on that line.
 */
#ifndef DYAD_FDICT_H
#define DYAD_FDICT_H
#include <stddef.h>
#include <stdio.h>

#include "arena.h"

/* kinds and dialects */
enum { FD_VERBS = 1, FD_ACTORS, FD_AGENTS, FD_DISCARDS, FD_ISSUES };
enum { FD_AUTO = 0, FD_PETRARCH, FD_TABARI };

/* severity of a report: MALFORMED = the entry (or the code, name or pattern
 * named) was skipped; NOTE = kept, possibly repaired */
enum { FD_SEV_MALFORMED = 1, FD_SEV_NOTE = 2 };
typedef void (*fd_warn_fn)(void *ctx, const char *file, long line, int severity,
                           const char *msg);

/* ------------------------------------------------------------------ words */
/* What was written after (or in front of) a word; the text never holds the marks. */
#define FW_US      0x001u /* '_' right after it. TABARI: a whole word (0.8 also allows
                             the regular endings, Validate NOUNEND/VERBEND tests);
                             without it the word is a stem (prefix match). PETRARCH2
                             ignores it. */
#define FW_CONNECT 0x002u /* '_' joins it to the next element: adjacent in the text
                             (a space allows words in between in TABARI) */
#define FW_EQ      0x004u /* trailing '=' (TABARI `MOUSE=`, `BAN=`): exactly this word */
#define FW_TILDE   0x008u /* `NEAT~_`: a stem although '_' (connect) follows */
#define FW_NOUN    0x010u /* issues: `n:` prefix (singular and plural) */
#define FW_VFORMS  0x020u /* issues: `v:` prefix (regular verb forms) */
#define FW_PLUS    0x040u /* issues: '+' joins it to the next word (space or hyphen) */
#define FW_VERB    0x080u /* verb entries: the word that inflects */

typedef struct fd_word {
    const char *text; /* as written (upper-case in most files), marks removed */
    unsigned flags;   /* FW_* */
} fd_word;

typedef struct fd_phrase {
    fd_word *w;
    int n;     /* >= 1 */
    long line; /* line it was written on */
} fd_phrase;

/* ------------------------------------------------------------------ codes */
enum { FD_DATE_NONE = 0, FD_DATE_BEFORE, FD_DATE_FROM, FD_DATE_RANGE };
#define FC_NULL    0x1u /* "---": codes nothing */
#define FC_DISCARD 0x2u /* "###": TABARI discard */
#define FC_COMPLEX 0x4u /* "+++": TABARI complex */

typedef struct fd_code {
    const char *code; /* as written: "AFGGOV", "---", "###", "ELR/GAL" */
    int date_kind;    /* FD_DATE_*: BEFORE d1 (`<D`, PETRARCH2: date < D), FROM d1
                         (`>D`: date >= D), RANGE d1..d2 (`D1-D2`, PETRARCH2:
                         D1 <= date < D2) */
    long d1, d2;      /* YYYYMMDD (6-digit yymmdd: 00-30 -> 20yy, else 19yy) */
    unsigned flags;   /* FC_* */
    long line;
} fd_code;

/* ----------------------------------------------------------------- actors */
#define FA_DISCARD 0x1u /* some code is "###" */

typedef struct fd_actor {
    fd_phrase *names; /* names[0]: the base line; then the '+' synonyms */
    int nnames;
    fd_code *codes;   /* base-line codes first, then own-line codes, in file order;
                         PETRARCH2/TABARI take the first whose date holds */
    int ncodes;       /* >= 1 */
    unsigned flags;   /* FA_* */
    long line;
} fd_actor;

/* ----------------------------------------------------------------- agents */
enum { FD_PLURAL_AUTO = 0, FD_PLURAL_NONE, FD_PLURAL_LIST };
enum { FD_AGENT_SUFFIX = 1, FD_AGENT_PREFIX, FD_AGENT_PLAIN };

typedef struct fd_agent {
    fd_phrase phrase;   /* with the substitution item pasted in */
    int plural_kind;    /* AUTO: none given (reader generates regular plurals);
                           NONE: `{}`; LIST: `{...}` forms in plurals */
    fd_phrase *plurals;
    int nplurals;
    const char *code;     /* "GOV" (without '~') */
    const char *raw_code; /* as written, trimmed: "~GOV", "NGO~" */
    int affix;            /* FD_AGENT_SUFFIX `~GOV` (append to the actor code),
                             PREFIX `IGO~`, PLAIN (no '~') */
    const char *subst;    /* "PERSON" when expanded from !PERSON! (PETRARCH2 then
                             generates no plural), else NULL */
    const char *raw;      /* the line as written, comment removed */
    long line;
} fd_agent;

typedef struct fd_subst { /* !NAME! = a, b, c */
    const char *name;     /* "PERSON" */
    const char **items;
    int nitems;
    long line;
} fd_subst;

/* ------------------------------------------------------------------ verbs */
enum {
    FT_WORD = 1,   /* text, flags FW_* */
    FT_VERB,       /* '*' (flags FW_CONNECT when '_' joins it to the next) */
    FT_SOURCE,     /* '$' (TABARI source; a literal word to PETRARCH2) */
    FT_TARGET,     /* '+' (TABARI target; a literal word to PETRARCH2) */
    FT_COMPOUND,   /* '%' */
    FT_SKIP,       /* '^' (PETRARCH2: any noun phrase) */
    FT_ATTRIB,     /* '@' */
    FT_SYNSET,     /* &NAME: text = NAME, synset = index or -1 (undefined) */
    FT_NOUNPHRASE, /* {M1 M2 HEAD} (PETRARCH2): sub, last word = head */
    FT_PREP,       /* (PREP ...) (PETRARCH2): sub, first word = preposition */
    FT_ALT         /* { A | B C } (TABARI): alts */
};

typedef struct fd_token fd_token;
typedef struct fd_tokseq {
    fd_token *t;
    int n;
} fd_tokseq;

struct fd_token {
    int kind;
    unsigned flags;    /* FW_* */
    const char *text;  /* FT_WORD, FT_SYNSET; the marker for the others */
    int synset;        /* FT_SYNSET */
    fd_tokseq sub;     /* FT_NOUNPHRASE, FT_PREP */
    fd_tokseq *alts;   /* FT_ALT */
    int nalts;
};

typedef struct fd_synset {
    const char *name; /* without '&' and without a trailing '_' */
    int noplural;     /* the name was written with a trailing '_' (PETRARCH2: no
                         plurals for its members) */
    fd_tokseq *members; /* a member ending in '_' has FW_US on its last word */
    int nmembers;
    long line;
} fd_synset;

typedef struct fd_block {
    const char *name;  /* PETRARCH2: the header's NAME ("meaning"); TABARI: the verb
                          line's first word */
    const char *code;  /* default code ("---" codes nothing) */
    const char *code2; /* of [AAA:BBB], else NULL */
    unsigned cflags;   /* FC_* of code */
    int first_verb, nverbs;       /* verbs[first_verb ..] */
    int first_pattern, npatterns; /* patterns[first_pattern ..] */
    long line;
} fd_block;

typedef struct fd_verb {
    fd_phrase words;    /* the one with FW_VERB inflects: `+CORDON_OFF`, `WIRE_+TAP`;
                           TABARI: the first word */
    int verb_index;     /* index of that word */
    int has_forms;      /* `{...}` given (then nothing is generated) */
    fd_phrase *forms;   /* the listed forms (none for `{}`) */
    int nforms;
    const char *code;   /* own code, or NULL: the block's */
    const char *code2;
    unsigned cflags;
    int block;
    const char *raw;
    long line;
} fd_verb;

typedef struct fd_pattern {
    fd_tokseq pre;       /* tokens before '*', in text order */
    fd_tokseq post;      /* tokens after '*' */
    unsigned verb_flags; /* FW_CONNECT: '*_X' (the previous token's FW_CONNECT says 'X_*') */
    const char *code;    /* "070"; "" in `[:173]`; "---" null, "###" discard */
    const char *code2;   /* BBB of [AAA:BBB], else NULL */
    unsigned cflags;     /* FC_* of code */
    int block;
    const char *raw;     /* the line after '-', comment removed */
    long line;
} fd_pattern;

/* -------------------------------------------------------- discards, issues */
typedef struct fd_discard {
    fd_phrase phrase; /* as written; matched case-insensitively */
    int story;        /* 1: '+' (story level), 0: sentence level */
} fd_discard;

typedef struct fd_issue {
    fd_phrase phrase; /* as written (lower-case); FW_NOUN/FW_VFORMS/FW_PLUS */
    const char *code; /* "TEACHERS"; NULL for exclusions */
    int exclude;      /* 0; 1: `~` (sentence); 2: `~~` (story) */
    int category;     /* index into issue_cats, -1 outside <ISSUE ...> */
} fd_issue;

typedef struct fd_issue_cat {
    const char *name, *type; /* CATEGORY="..." TYPE="..." */
    long line;
} fd_issue_cat;

/* ----------------------------------------------------------------- counts */
typedef struct fd_counts {
    size_t lines;       /* lines in the file */
    size_t entries;     /* actors / agents (after expansion) / verbs / discards / issues */
    size_t names;       /* actor names incl. synonyms */
    size_t codes;       /* actor codes */
    size_t dated;       /* actor codes with a date */
    size_t discard_codes; /* "###" codes (actors, verbs, patterns) */
    size_t patterns, synsets, blocks, substs;
    size_t nouns, adjectives; /* TABARI <NOUN>, <ADJECTIVE> entries */
    size_t time_skipped;      /* lines of TABARI <TIME> sections, skipped */
    size_t transforms;        /* PETRARCH2 `~` lines, stored raw */
    size_t other_skipped;     /* lines of unknown <SECTION>s and after ~~FINISH */
    size_t malformed, notes;
    size_t repaired_lines;    /* lines with Latin-1 or control bytes repaired */
} fd_counts;

/* --------------------------------------------------------------- the set */
typedef struct dyad_fdict {
    int kind, dialect;    /* dialect as detected when FD_AUTO was asked */
    const char *path;
    dyad_arena arena;     /* every string and small array */
    fd_actor *actors;      size_t nactors;
    fd_agent *agents;      size_t nagents;
    fd_subst *substs;      size_t nsubsts;
    fd_synset *synsets;    size_t nsynsets;
    fd_block *blocks;      size_t nblocks;
    fd_verb *verbs;        size_t nverbs;
    fd_pattern *patterns;  size_t npatterns;
    const char **transforms; size_t ntransforms; /* raw `~` lines (PETRARCH2) */
    long *transform_lines;
    fd_phrase *nouns;      size_t nnouns;      /* TABARI <NOUN>: not verbs */
    fd_phrase *adjectives; size_t nadjectives; /* TABARI <ADJECTIVE> */
    fd_discard *discards;  size_t ndiscards;
    fd_issue *issues;      size_t nissues;
    fd_issue_cat *issue_cats; size_t nissue_cats;
    fd_counts counts;
} dyad_fdict;

/**
 * Load one file of `kind` (FD_VERBS ...) in `dialect` (FD_AUTO: verbs with
 * `--- NAME [CODE] ---` blocks are PETRARCH2; otherwise `#` comments after
 * content and `<!--` say PETRARCH2, `;` comments, `~~FINISH` and TABARI
 * sections say TABARI, and a tie goes by the name: *.txt is PETRARCH2;
 * discards and issues are always PETRARCH2). Initialises *fd (free it with
 * dyad_fdict_free whatever the result). Returns 0, or -1 when the file cannot
 * be read or memory runs out, with a message in err. Each malformed entry and
 * note goes to warn (may be NULL) and to fd->counts.
 */
int dyad_fdict_load(dyad_fdict *fd, const char *path, int kind, int dialect,
                    fd_warn_fn warn, void *ctx, char *err, size_t errlen);
/** Lines longer than this are reported (MALFORMED) and skipped by default. */
#define DYAD_FD_MAX_LINE ((size_t)65536)
/** dyad_fdict_load with another line cap (0 = none). */
int dyad_fdict_load_capped(dyad_fdict *fd, const char *path, int kind, int dialect,
                           size_t max_line, fd_warn_fn warn, void *ctx, char *err,
                           size_t errlen);
/** The same from memory; `name` is used in reports and for the dialect guess. */
int dyad_fdict_load_mem(dyad_fdict *fd, const char *name, const char *buf, size_t len,
                        int kind, int dialect, fd_warn_fn warn, void *ctx, char *err,
                        size_t errlen);
void dyad_fdict_free(dyad_fdict *fd);
const fd_counts *dyad_fdict_counts(const dyad_fdict *fd);
const char *dyad_fdict_kind_name(int kind);       /* "verbs" ... */
const char *dyad_fdict_dialect_name(int dialect); /* "PETRARCH2", "TABARI", "auto" */
/** Kind from a name: "verbs", "actors", "agents", "discards", "issues"; 0 if none. */
int dyad_fdict_kind_from_name(const char *s);

/* ------------------------------------------------------------- PETR_config */
typedef struct fd_ini_kv {
    const char *section, *key, *value; /* key lower-cased, as ConfigParser does */
    long line;
} fd_ini_kv;

typedef struct dyad_fdict_config {
    const char *dir;          /* folder of the ini ("." when none) */
    /* [Dictionaries], each resolved against the ini's folder: DIR/dictionaries/NAME
       when that file exists (PETRARCH2's layout), else DIR/NAME; NULL if not given */
    const char *verbfile, *agentfile, *discardfile, *issuefile;
    const char **actorfiles;  /* actorfile_list, split on ',' */
    int nactorfiles;
    /* [Options] */
    int require_dyad;         /* 1/0, -1 when not given */
    long new_actor_length;    /* -1 when not given */
    fd_ini_kv *kv;            /* every key = value in file order */
    size_t nkv;
    dyad_arena arena;
} dyad_fdict_config;

/** Read PETR_config.ini; 0 or -1 (unreadable, out of memory) with err. */
int dyad_fdict_config_load(dyad_fdict_config *cfg, const char *path, fd_warn_fn warn,
                           void *ctx, char *err, size_t errlen);
/** Last value of key (case-insensitive) in section, or NULL. */
const char *dyad_fdict_config_get(const dyad_fdict_config *cfg, const char *section,
                                  const char *key);
void dyad_fdict_config_free(dyad_fdict_config *cfg);

/* ------------------------------------------------------ conversion to dyad */
enum {
    FD_NC_PREVERB = 0, /* words (or '+', '%' ...) before the verb */
    FD_NC_COMPOUND,    /* '%' */
    FD_NC_SKIP,        /* '^' or '@' */
    FD_NC_PAIRED,      /* [AAA:BBB] */
    FD_NC_NULL,        /* "---" code */
    FD_NC_DISCARD,     /* "###" code */
    FD_NC_COMPLEX,     /* "+++" code */
    FD_NC_BADCODE,     /* not a CAMEO event code / not a dyad actor code */
    FD_NC_SYNSET,      /* undefined synset, or nested too deep */
    FD_NC_CHAR,        /* a character dyad's format reserves, or the words not, TGT, SRC */
    FD_NC_ROLE,        /* agent code that is not `~` + 3 capital letters */
    FD_NC_PREFIX,      /* prefix agent `IGO~` */
    FD_NC_SHADOWED,    /* dated code never used: earlier codes cover its dates */
    FD_NC_KIND,        /* discards, issues: no dyad counterpart */
    FD_NC_TRANSFORM,   /* PETRARCH2 `~` transformation */
    FD_NC_COUNT
};

typedef struct fd_write_opts {
    int max_expand;            /* patterns written per source pattern when synsets or
                                  alternatives of several words expand; 0 = 16 */
    const char *actor_section; /* "country" ...; NULL: guessed per entry */
} fd_write_opts;

typedef struct fd_write_counts {
    size_t converted;          /* actors, agents, verbs and patterns written */
    size_t lines;              /* dyad entry lines written */
    size_t not_converted;      /* sum of reason[] */
    size_t reason[FD_NC_COUNT];
    size_t stems;              /* TABARI stem words written as whole words */
    size_t capped;             /* patterns whose expansion stopped at max_expand */
    size_t dropped;            /* synset members / alternatives left out of a pattern
                                  (a reserved character, e.g. F/A-18) */
} fd_write_counts;

/**
 * Write fd in dyad's format (docs/DICTIONARIES.md) to out: actors.txt lines
 * `CODE = Name | Name {from ...; to ...}`, agents.txt `[role]` lines, verbs.txt
 * `[verb]` `CODE = pattern` lines; what cannot be expressed becomes a line
 * `# not converted (reason): text`. Returns 0, or -1 on a write error (err).
 */
int dyad_fdict_write_dyad(const dyad_fdict *fd, FILE *out, const fd_write_opts *opts,
                          fd_write_counts *wc, char *err, size_t errlen);
const char *dyad_fdict_nc_name(int reason);

#endif
