/*
 * ptb.h — reader of one Penn Treebank bracketed parse, as PETRARCH's XML
 * files carry it in <Parse>: "(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))".
 *
 * Whitespace and line breaks do not matter. An outer "(ROOT ...)" wrapper
 * or an unlabelled outer "( (S ...) )" wrapper around a single tree is
 * removed (repeatedly). A preterminal is "(TAG word)"; the leaf words -LRB-
 * -RRB- -LCB- -RCB- -LSB- -RSB- (any case) become ( ) { } [ ], the tag is
 * kept. Labels and other words are kept exactly as written. Malformed input
 * (unbalanced brackets either way, a node with neither word nor children, a
 * word beside child nodes, two words in one node, an unlabelled inner node,
 * text outside the brackets, more than one tree) is an error with the byte
 * offset, never a crash. The reader is iterative: 100,000 nested brackets
 * cost memory, not C stack.
 */
#ifndef DYAD_PTB_H
#define DYAD_PTB_H
#include <stddef.h>

#include "arena.h"

typedef struct dyad_ptb_node {
    const char *label;  /* "NP", "VBD", ... as written (never NULL, never empty) */
    const char *word;   /* the leaf word of a preterminal; NULL for phrase nodes */
    int parent;         /* -1 for the root */
    int first_child;    /* -1 for a preterminal */
    int next_sibling;   /* -1 for the last child */
    int leaf;           /* 0-based token index of a preterminal, -1 otherwise */
    size_t offset;      /* byte offset of the node's '(' in the input */
} dyad_ptb_node;

typedef struct dyad_ptb_tree {
    dyad_ptb_node *nodes; /* in order of their '(' (pre-order); wrappers removed */
    int nnodes;
    int root;             /* always 0 after a successful parse */
    int *leaves;          /* node index of each preterminal, in text order */
    int nleaves;
} dyad_ptb_tree;

/**
 * Parse s[0, len) (need not be NUL-terminated) into *out. Every node, label,
 * word and array lives in the arena a. max_depth > 0 caps the bracket
 * nesting (the wrappers count); 0 or less means no cap. Returns 0, or -1
 * with *out emptied and a message in err[0, errlen) such as
 * "unbalanced parse: ')' missing at end (depth 3, byte 812)",
 * "unbalanced parse: extra ')' at byte 40",
 * "parse tree deeper than 400 levels (limit) at byte 1203",
 * "empty parse" or "out of memory". err may be NULL.
 */
int dyad_ptb_parse(dyad_arena *a, const char *s, size_t len, int max_depth, dyad_ptb_tree *out,
                   char *err, size_t errlen);

/**
 * The tree on one line, "(S (NP (NNP Arnor)) (VP (VBD left)))", with the
 * bracket words written back as -LRB- etc., so that parsing the result gives
 * the same tree. In the arena; NULL on out of memory or an empty tree.
 */
char *dyad_ptb_format(dyad_arena *a, const dyad_ptb_tree *t);

/** The leaf words joined by single spaces (brackets as ( ) etc.); in the
 *  arena; NULL on out of memory. */
char *dyad_ptb_leaf_text(dyad_arena *a, const dyad_ptb_tree *t);
#endif
