/*
 * text.h — the shared internal sentence structure: tokens with spans,
 * Penn Treebank tags and lemmas, grouped into sentences. Every stage after
 * the tokenizer reads and annotates these structures; a PETRARCH Treebank
 * parse fills the same structures (see docs/INTERNALS.md).
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Penn Treebank tags. Punctuation tags follow the Treebank's own symbols. */
typedef enum dyad_tag {
    TAG_NONE = 0,
    TAG_CC, TAG_CD, TAG_DT, TAG_EX, TAG_FW, TAG_IN, TAG_JJ, TAG_JJR, TAG_JJS,
    TAG_LS, TAG_MD, TAG_NN, TAG_NNS, TAG_NNP, TAG_NNPS, TAG_PDT, TAG_POS,
    TAG_PRP, TAG_PRPS /* PRP$ */, TAG_RB, TAG_RBR, TAG_RBS, TAG_RP, TAG_SYM,
    TAG_TO, TAG_UH, TAG_VB, TAG_VBD, TAG_VBG, TAG_VBN, TAG_VBP, TAG_VBZ,
    TAG_WDT, TAG_WP, TAG_WPS /* WP$ */, TAG_WRB,
    TAG_COMMA /* , */, TAG_PERIOD /* . */, TAG_COLON /* : */,
    TAG_LQUOTE /* `` */, TAG_RQUOTE /* '' */, TAG_LRB /* -LRB- */,
    TAG_RRB /* -RRB- */, TAG_HASH /* # */, TAG_DOLLAR /* $ */,
    TAG_COUNT
} dyad_tag;

/** Penn name of a tag ("NN", "PRP$", ",", "-LRB-"); "" for TAG_NONE. */
const char *dyad_tag_name(dyad_tag t);
/** Tag from its Penn name; TAG_NONE if unknown. */
dyad_tag dyad_tag_from_name(const char *name);

#define TAG_IS_NOUN(t) ((t) == TAG_NN || (t) == TAG_NNS || (t) == TAG_NNP || (t) == TAG_NNPS)
#define TAG_IS_VERB(t) ((t) >= TAG_VB && (t) <= TAG_VBZ)
#define TAG_IS_ADJ(t) ((t) == TAG_JJ || (t) == TAG_JJR || (t) == TAG_JJS)
#define TAG_IS_ADV(t) ((t) == TAG_RB || (t) == TAG_RBR || (t) == TAG_RBS)

/* Token shape (from the surface form). */
enum {
    SHAPE_LOWER = 0, /* all lower case letters (may contain - ' .) */
    SHAPE_CAP,       /* first letter upper, rest not all upper: "Qatar", "al-Nono" */
    SHAPE_ALLCAP,    /* two or more letters, all upper: "US", "U.S.", "NATO" */
    SHAPE_DIGIT,     /* contains a digit: "2024", "1.5", "10th" */
    SHAPE_PUNCT,     /* punctuation or symbol */
    SHAPE_OTHER
};

/* Token flags. */
#define TOKF_SENT_START  (1u << 0)  /* first token of its sentence */
#define TOKF_IN_QUOTE    (1u << 1)  /* inside a quotation */
#define TOKF_SPACE_BEFORE (1u << 2) /* whitespace precedes the token */
#define TOKF_UNKNOWN     (1u << 3)  /* the tagger's lexicon has no form of it */

/* The k-th word-forming prefix the tagger and the lemmatizer look through
 * ("reimposed" = re + imposed), NULL after the last. */
static inline const char *dyad_word_prefix(int k) {
    static const char *const prefixes[] = {"re",   "co",    "pre",     "mis", "out",
                                           "over", "under", "counter", NULL};
    return prefixes[k];
}

typedef struct dyad_token {
    uint32_t start, len;  /* byte span in the article text */
    const char *norm;     /* normalised surface: curly quotes/dashes → ASCII
                             (“ → ``, ” → '', ’ → ', – — → --); NUL-terminated */
    const char *lower;    /* lower-cased norm */
    const char *lemma;    /* lower-case lemma, set by the lemmatizer */
    uint8_t shape;        /* SHAPE_* */
    uint8_t tag;          /* dyad_tag, set by the tagger */
    uint16_t flags;       /* TOKF_* */
} dyad_token;

typedef struct dyad_sentence {
    uint32_t start, len;  /* byte span of the sentence in the article text */
    dyad_token *toks;     /* arena-owned */
    size_t ntok;
    int index;            /* 1-based among the article's news sentences */
    int quote_cont;       /* sentence ends inside a quotation that is still open
                             (the quotation continues into the next sentence) */
    int tagged;           /* tags came with the input (a Treebank parse) */
} dyad_sentence;

/* A region of the article text that is not news (credit, dateline, byline). */
typedef struct dyad_region {
    uint32_t start, len;
    const char *why;      /* "photo credit", "dateline", "byline", "date token" */
} dyad_region;

#endif
