/*
 * engine.h — internal structures of one coding run: the model, the
 * per-article state (reference table, events), and the per-sentence
 * analysis (actor mentions, verb groups) that parse.c, mention.c and
 * code.c share. Nothing here is public.
 */
#ifndef DYAD_ENGINE_H
#define DYAD_ENGINE_H
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "dict.h"
#include "dyad.h"
#include "lemma.h"
#include "tagger.h"
#include "text.h"

struct dyad_model {
    dyad_tagger *tagger;
    dyad_lemmatizer *lemma;
    dyad_dict dict;
    struct cp_dict *compat;   /* the peers' dictionaries (compat.h), or NULL: then dict */
    struct peer_files *peer;  /* peer.c: the loaded files and their summaries, or NULL */
    char **warnings;          /* "file:line: message" for each malformed entry */
    size_t nwarn, capwarn;
    size_t lost_warnings;     /* counted, but no room to keep their text (OOM) */
};

/* An actor mention: a token range of one sentence that names an actor. */
typedef struct mention {
    int start, end;           /* tokens [start, end) */
    const char *code;         /* full actor code ("" for an agent alone) */
    const char *country;      /* "QAT" or "" */
    const char *role;         /* "GOV" or "" */
    int kind;                 /* AK_* of the entry that gave the code */
    int person;               /* names or describes a person (he/she) */
    int media;                /* a news organisation */
    int agent_only;           /* agent noun with no country ("the spokesperson") */
    const char *role_noun;    /* the agent noun's lemma, for "the spokesperson" */
    const char *surname;      /* lower-case surname of a named person, or NULL */
    const char *const *refer; /* refer nouns of the dictionary entry */
    int nrefer;
    int coref;                /* resolved through the article's reference table */
    int plural;               /* ends in a plural noun ("rebels"): "they", not "he" */
} mention;

/* Modality of a verb group. */
/* MOD_OBLIG: "must", "has to"; MOD_ADVISE: "should", "ought to" — both
 * hypothetical unless a reporting verb governs them ("said Iran must"),
 * when they are a demand or an appeal by the reporter. */
enum { MOD_NONE = 0, MOD_INTENT, MOD_HYPO, MOD_OBLIG, MOD_ADVISE };
/* Kind of verb group. */
enum { VG_FINITE = 0, VG_PARTICIPLE, VG_GERUND, VG_INFINITIVE, VG_REDUCED };

typedef struct vgroup {
    int start, end;           /* tokens [start, end) */
    int head;                 /* main verb token */
    int kind;                 /* VG_* */
    int neg, passive, modal;
    int would;                /* the modal is "would"/"'d" (future in the past) */
    int subj_start, subj_end; /* subject noun phrase, -1 when none */
    int ins_start, ins_end;   /* comma insertion (appositive) after the subject, -1 if none */
    int obj_start, obj_end;   /* direct object noun phrase, -1 when none */
    int by_start, by_end;     /* "by" agent phrase of a passive, -1 when none */
    int speech;               /* head is a reporting verb (has a {speech} pattern) */
    int coded_end;            /* token after the pattern coded on it (code.c), 0 if none */
} vgroup;

/* An entry of the article's reference table. */
typedef struct ref_entry {
    const char *code, *country, *role;
    int kind, person, media, plural;
    const char *surname;      /* lower-case */
    const char *role_noun;    /* "spokesperson" */
    const char *const *refer;
    int nrefer;
    int sentence;             /* 1-based sentence index where it was seen */
    int tok;                  /* first token of that mention */
    int subject;              /* seen as the subject (source) of a clause */
    unsigned group;           /* subjects of one clause share it ("Egypt and Qatar"), 0 none */
} ref_entry;

typedef struct article_state {
    const dyad_model *model;
    const dyad_options *opt;
    const struct cp_settings *cps; /* the peers' run settings (validation), or NULL */
    dyad_arena *arena;        /* the document's: lives as long as its events */
    dyad_arena scratch;       /* per sentence: the tagger's tables, reset after each */
    long date;                /* YYYYMMDD */
    const char *text;
    ref_entry *refs;
    size_t nrefs, caprefs;
    unsigned subject_groups;  /* clause subjects registered so far (ref_entry.group) */
    dyad_event *events;
    size_t nevents, capevents;
    unsigned dyads;           /* events with both actors in the current sentence */
    const char **notes;       /* parts not coded, "sentence N: reason" */
    size_t nnotes, capnotes;
    /* explanation buffer (DYAD_OPT_EXPLAIN) */
    char *explain;
    size_t explen, expcap;
    int oom;
    int story_discard;        /* a peer's story discard phrase was seen */
} article_state;

/* One sentence under analysis. */
typedef struct sent_state {
    dyad_sentence *s;
    mention *m;
    size_t nm, capm;
    int *tok_mention;         /* token → mention index, -1 */
    vgroup *vg;
    size_t nvg;
    int in_quote;             /* the sentence is (part of) a quotation */
    int speaker;              /* mention index of the quotation's speaker, -1 */
    const char *speaker_code; /* resolved speaker code for quotations */
    int speaker_tok;          /* verb token of the attribution, for spans */
    int speaker_sent;         /* index into the sentence array */
    const char *speaker_pattern; /* dictionary place of the attribution verb */
    int prepared;             /* tagged, mentions and verb groups found */
    unsigned *wset;           /* hashes of the words' forms and lemmas (code.c), */
    unsigned wmask;           /* open addressing, size wmask + 1; NULL until built */
    unsigned wcount;          /* hashes put (at half full the set is dropped) */
    int wtried;               /* build_wset ran (wset may still be NULL) */
} sent_state;

/* Is token i of the sentence (in range) the lower-case word w? */
static inline int tok_is(const sent_state *ss, int i, const char *w) {
    return i >= 0 && i < (int)ss->s->ntok && strcmp(ss->s->toks[i].lower, w) == 0;
}

/* mention.c */
int dyad_find_mentions(article_state *as, sent_state *ss);
int dyad_add_mention(article_state *as, sent_state *ss, const mention *m);
int dyad_ref_register(article_state *as, const mention *m, int sentence);
/* Record that mention m, resolved to `code`, was the subject of a clause
 * (pronouns prefer subjects). */
int dyad_ref_subject(article_state *as, const mention *m, const char *code, int sentence);
/* Most recent compatible entry seen before (sentence, tok) for a pronoun
 * (he, she, it, they...), or NULL. */
const ref_entry *dyad_ref_pronoun(const article_state *as, const char *pron, int sentence,
                                  int tok);
/* Most recent entry before (sentence, tok) with that agent noun
 * ("spokesperson"), or NULL. */
const ref_entry *dyad_ref_role(const article_state *as, const char *role_noun, int sentence,
                               int tok);
/* The entry whose country an unnamed agent takes ("the ministry said"): the
 * most recent subject with a country before (sentence, tok), else the most
 * recent actor with one; NULL if none. */
const ref_entry *dyad_ref_country(const article_state *as, int sentence, int tok);
int dyad_mention_from_ref(article_state *as, sent_state *ss, int start, int end,
                          const ref_entry *r);

/* parse.c */
int dyad_find_verb_groups(article_state *as, sent_state *ss);
/* Mentions within tokens [a, b) (skipping ones inside prepositional phrases
 * when top_only): writes up to max indexes into out, returns count. */
int dyad_mentions_in(const sent_state *ss, int a, int b, int top_only, int *out, int max);
int dyad_np_end(const sent_state *ss, int i);
/* Write the sentence's chunks ([NP …] [VG …] [PP …]) to the explanation. */
void dyad_explain_chunks(article_state *as, const sent_state *ss);

/* code.c */
/* Append an event of sentence ss: actors on tokens [sa, sb) and [ta, tb) of
 * ss (-1 = no span), the verb on [va, vb) of verb_ss. A code outside the
 * CAMEO table (a peer's dictionary) is kept as written, quad 0, Goldstein 0. */
int dyad_add_event(article_state *as, const sent_state *ss, const char *code, const char *src,
                   int sa, int sb, const char *tgt, int ta, int tb, const sent_state *verb_ss,
                   int va, int vb, const char *pattern);
/* Code sentence all[idx] (already prepared). `prepare` readies later
 * sentences on demand (a quotation's speaker may be named after it). */
int dyad_code_sentence(article_state *as, sent_state *ss, sent_state *all, size_t nall,
                       size_t idx, int (*prepare)(article_state *, sent_state *));

/* model.c: take ownership of a warning text (NULL = out of memory) */
void dyad_model_push_warning(dyad_model *m, char *text);
/* model.c: load the tagger and the lemmatizer into m; -1 with err */
int dyad_model_load_nlp(dyad_model *m, dyad_error *err);
/* peer.c: free what dyad_model_load_dictset kept */
void dyad_peer_free(dyad_model *m);

/* doc.c: dyad_code_article with settings for the compatible coder (NULL:
 * from opt); used by the validation suites */
dyad_status dyad_code_article_cp(const dyad_model *m, const dyad_options *opt,
                                 const struct cp_settings *cps, const dyad_article *a,
                                 dyad_doc **out, dyad_error *err);

/* compat_doc.c: code a prepared sentence with the peers' dictionaries */
int dyad_compat_sentence(article_state *as, sent_state *ss);

/* doc.c: explanation output */
void dyad_explain(article_state *as, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dyad_is_speech_lemma(const dyad_model *m, const char *lemma);
#endif
