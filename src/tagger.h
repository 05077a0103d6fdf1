/*
 * tagger.h — bigram HMM (Viterbi) part-of-speech tagger.
 *
 * The statistics are read at run time from the data files of the Debian
 * package liblingua-en-tagger-perl (words.yml: per-word tag counts,
 * tags.yml: tag-transition probabilities, unknown.yml: tag distributions
 * of unknown-word classes); dyad ships none of that data. Tags are mapped
 * onto the Penn Treebank enum dyad_tag (text.h). See docs/TAGGER.md.
 */
#ifndef DYAD_TAGGER_H
#define DYAD_TAGGER_H
#include <stddef.h>

#include "arena.h"
#include "text.h"

/* Where Debian installs the Lingua::EN::Tagger data. */
#define DYAD_LINGUA_DEFAULT_DIR "/usr/share/perl5/Lingua/EN/Tagger"

typedef struct dyad_tagger dyad_tagger; /* read-only after load, thread-safe to share */

/* dir: directory holding words.yml tags.yml unknown.yml. On failure returns
   NULL and writes a message naming file and line (and reason) into errbuf
   (size errlen). */
dyad_tagger *dyad_tagger_load(const char *dir, char *errbuf, size_t errlen);
void dyad_tagger_free(dyad_tagger *t);

/* Tag n tokens of ONE sentence in place (sets toks[i].tag). Uses
   toks[i].norm (surface form, with curly quotes already normalised to
   `` '' ' and dashes to --), toks[i].lower, toks[i].shape and
   toks[i].flags & TOKF_SENT_START. Scratch memory comes from `scratch` (a
   per-document arena). Returns 0, or -1 on allocation failure. Never
   allocates in the shared model. */
int dyad_tagger_tag(const dyad_tagger *t, dyad_arena *scratch, dyad_token *toks, size_t n);

#endif
