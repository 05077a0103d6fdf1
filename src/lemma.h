/*
 * lemma.h — WordNet-based lemmatizer (morphy-style).
 *
 * Reads, at run time, the exception lists {noun,verb,adj,adv}.exc and the
 * lemma column of index.{noun,verb,adj,adv} of the Debian package
 * wordnet-base (/usr/share/wordnet). An inflected word is looked up in the
 * exception list of its part of speech, then WordNet's detachment rules
 * (-s, -ies/-y, -es, -ed, -ing, -er, -est, ...) are tried and a candidate is
 * accepted only if it is a lemma in the WordNet index for that part of
 * speech. See docs/TAGGER.md.
 */
#ifndef DYAD_LEMMA_H
#define DYAD_LEMMA_H
#include <stddef.h>

#include "arena.h"
#include "text.h"

/* Where Debian installs WordNet's database files. */
#define DYAD_WORDNET_DEFAULT_DIR "/usr/share/wordnet"

typedef struct dyad_lemmatizer dyad_lemmatizer; /* read-only, thread-safe */

/* wordnet_dir: directory holding {noun,verb,adj,adv}.exc and
   index.{noun,verb,adj,adv} (NULL: DYAD_WORDNET_DEFAULT_DIR). On failure
   returns NULL with "file:line: reason" (or "file: reason") in errbuf. */
dyad_lemmatizer *dyad_lemma_load(const char *wordnet_dir, char *errbuf, size_t errlen);
void dyad_lemma_free(dyad_lemmatizer *l);

/* Lemma of a lower-case word given its Penn tag (a dyad_tag): nouns by noun
   rules, verbs by verb rules, adjectives by adjective rules; NNP keeps the
   word; NNPS loses a plural ending only when the singular is a WordNet
   noun; RBR/RBS use WordNet's adverb exceptions (better -> well); the
   contractions n't 'll 'd wo ca 's 're 'm 've map to not will would will
   can be be be have; any other tag -> the word itself. The result is a
   pointer into the model, `lower` itself, or a string allocated in `a`;
   never NULL unless out of memory. */
const char *dyad_lemma(const dyad_lemmatizer *l, dyad_arena *a, const char *lower, int tag);

/* Set toks[i].lemma for all tokens (uses .lower and .tag). Returns 0, or -1
   on out of memory. */
int dyad_lemma_tokens(const dyad_lemmatizer *l, dyad_arena *a, dyad_token *toks, size_t n);

#endif
