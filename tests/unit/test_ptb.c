/*
 * test_ptb.c — the Penn Treebank bracketed-parse reader (src/ptb.c).
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "harness.h"
#include "ptb.h"

static dyad_arena A;
static char err[256];

static int parse(const char *s, int max_depth, dyad_ptb_tree *t)
{
    return dyad_ptb_parse(&A, s, strlen(s), max_depth, t, err, sizeof err);
}

static const char *fmt(const char *s)
{
    dyad_ptb_tree t;
    if (parse(s, 0, &t) != 0)
        return err;
    return dyad_ptb_format(&A, &t);
}

static void test_simple(void)
{
    dyad_ptb_tree t;
    CHECK_INT(parse("(S (NP (NNP Mirkwood)) (VP (VBD thanked) (NP (NNP Rohan))) (. .))", 0, &t), 0);
    CHECK_INT(t.root, 0);
    CHECK_INT(t.nnodes, 8);
    CHECK_INT(t.nleaves, 4);
    CHECK_STR(t.nodes[0].label, "S");
    CHECK(t.nodes[0].word == NULL);
    CHECK_INT(t.nodes[0].parent, -1);
    CHECK_INT(t.nodes[0].next_sibling, -1);
    CHECK_INT(t.nodes[0].leaf, -1);
    CHECK_INT(t.nodes[0].first_child, 1);
    CHECK_STR(t.nodes[1].label, "NP");
    CHECK_INT(t.nodes[1].next_sibling, 3);
    CHECK_STR(t.nodes[2].label, "NNP");
    CHECK_STR(t.nodes[2].word, "Mirkwood");
    CHECK_INT(t.nodes[2].parent, 1);
    CHECK_INT(t.nodes[2].first_child, -1);
    CHECK_INT(t.nodes[2].leaf, 0);
    CHECK_INT(t.nodes[2].offset, 7);
    CHECK_STR(t.nodes[3].label, "VP");
    CHECK_INT(t.nodes[3].next_sibling, 7);
    CHECK_STR(t.nodes[4].word, "thanked");
    CHECK_INT(t.nodes[4].leaf, 1);
    CHECK_STR(t.nodes[6].word, "Rohan");
    CHECK_INT(t.nodes[6].parent, 5);
    CHECK_STR(t.nodes[7].label, ".");
    CHECK_STR(t.nodes[7].word, ".");
    CHECK_INT(t.nodes[7].parent, 0);
    CHECK_INT(t.leaves[0], 2);
    CHECK_INT(t.leaves[1], 4);
    CHECK_INT(t.leaves[2], 6);
    CHECK_INT(t.leaves[3], 7);
    CHECK_STR(dyad_ptb_leaf_text(&A, &t), "Mirkwood thanked Rohan .");
    CHECK_STR(dyad_ptb_format(&A, &t),
              "(S (NP (NNP Mirkwood)) (VP (VBD thanked) (NP (NNP Rohan))) (. .))");

    /* whitespace does not matter, nor do missing spaces around brackets */
    CHECK_STR(fmt("\n  (S(NP  (NN  cat\n)\n)(VP(VBZ sleeps)))\t\n"),
              "(S (NP (NN cat)) (VP (VBZ sleeps)))");
    /* a lone preterminal is a tree */
    CHECK_STR(fmt("(UH hello)"), "(UH hello)");
    /* labels and words are kept as written (no case change) */
    CHECK_STR(fmt("(s (np-SBJ (nn Dog)) (vp (vbz barks)))"), "(s (np-SBJ (nn Dog)) (vp (vbz barks)))");
    /* the input need not be NUL-terminated: only len bytes are read */
    const char buf[] = "(NN a)(NN b)";
    CHECK_INT(dyad_ptb_parse(&A, buf, 6, 0, &t, err, sizeof err), 0);
    CHECK_STR(t.nodes[0].word, "a");
}

static void test_wrappers(void)
{
    dyad_ptb_tree t;
    CHECK_STR(fmt("(ROOT (S (NP (NNP Gondor)) (VP (VBD wept))))"),
              "(S (NP (NNP Gondor)) (VP (VBD wept)))");
    CHECK_STR(fmt("( (S (NP (NNP Gondor)) (VP (VBD wept))) )"),
              "(S (NP (NNP Gondor)) (VP (VBD wept)))");
    CHECK_STR(fmt("(root (ROOT (S (NN x))))"), "(S (NN x))");
    CHECK_STR(fmt("( (ROOT (S (NN x))))"), "(S (NN x))");
    /* wrapper indices are renumbered: the tree starts at node 0 */
    CHECK_INT(parse("(ROOT (S (NP (NNP Gondor)) (VP (VBD wept))))", 0, &t), 0);
    CHECK_INT(t.nnodes, 5);
    CHECK_INT(t.root, 0);
    CHECK_INT(t.nodes[0].parent, -1);
    CHECK_INT(t.nodes[0].next_sibling, -1);
    CHECK_INT(t.nodes[1].parent, 0);
    CHECK_INT(t.nodes[2].parent, 1);
    CHECK_INT(t.leaves[0], 2);
    CHECK_INT(t.leaves[1], 4);
    CHECK_INT(t.nodes[4].leaf, 1);
    CHECK_INT(t.nodes[0].offset, 6);
    /* ROOT with two trees is kept */
    CHECK_STR(fmt("(ROOT (S (NN a)) (S (NN b)))"), "(ROOT (S (NN a)) (S (NN b)))");
    /* an unlabelled wrapper around two trees is an error */
    CHECK_INT(parse("( (S (NN a)) (S (NN b)) )", 0, &t), -1);
    CHECK(strstr(err, "unlabelled outer brackets at byte 0 hold 2 trees") != NULL);
    /* unlabelled brackets inside a tree are an error */
    CHECK_INT(parse("(S ( (NN a)))", 0, &t), -1);
    CHECK(strstr(err, "node without a label at byte 3") != NULL);
    CHECK_INT(parse("(ROOT ( (S (NN a))))", 0, &t), -1);
    CHECK(strstr(err, "node without a label") != NULL);
}

static void test_brackets(void)
{
    dyad_ptb_tree t;
    CHECK_INT(parse("(S (NP (-LRB- -LRB-) (NNP Gondor) (-RRB- -RRB-)) (-LCB- -lcb-) (-RCB- -RCB-)"
                    " (-LSB- -LSB-) (-RSB- -RSB-))",
                    0, &t),
              0);
    CHECK_INT(t.nleaves, 7);
    CHECK_STR(t.nodes[t.leaves[0]].word, "(");
    CHECK_STR(t.nodes[t.leaves[0]].label, "-LRB-");
    CHECK_STR(t.nodes[t.leaves[2]].word, ")");
    CHECK_STR(t.nodes[t.leaves[3]].word, "{");
    CHECK_STR(t.nodes[t.leaves[4]].word, "}");
    CHECK_STR(t.nodes[t.leaves[5]].word, "[");
    CHECK_STR(t.nodes[t.leaves[6]].word, "]");
    CHECK_STR(dyad_ptb_leaf_text(&A, &t), "( Gondor ) { } [ ]");
    /* written back escaped, so the output parses to the same tree */
    const char *back = dyad_ptb_format(&A, &t);
    CHECK_STR(back, "(S (NP (-LRB- -LRB-) (NNP Gondor) (-RRB- -RRB-)) (-LCB- -LCB-) (-RCB- -RCB-)"
                    " (-LSB- -LSB-) (-RSB- -RSB-))");
    CHECK_STR(fmt(back), back);
    /* a word like -LRB-x is not a bracket */
    CHECK_STR(fmt("(NN -LRB-x)"), "(NN -LRB-x)");
    /* quotes and other punctuation are ordinary words */
    CHECK_STR(fmt("(NP (NNP Arnor) (POS ') (`` ``) ('' ''))"), "(NP (NNP Arnor) (POS ') (`` ``) ('' ''))");
}

static void test_errors(void)
{
    dyad_ptb_tree t;
    CHECK_INT(parse("", 0, &t), -1);
    CHECK_STR(err, "empty parse");
    CHECK(t.nodes == NULL && t.nnodes == 0 && t.root == -1);
    CHECK_INT(parse(" \n\t ", 0, &t), -1);
    CHECK_STR(err, "empty parse");
    CHECK_INT(parse("just words", 0, &t), -1);
    CHECK(strstr(err, "text outside the brackets at byte 0") != NULL);
    CHECK_INT(parse("()", 0, &t), -1);
    CHECK(strstr(err, "empty brackets") != NULL);
    CHECK_INT(parse("(S (NP) (VP (VB go)))", 0, &t), -1);
    CHECK(strstr(err, "node (NP) at byte 3 has no word and no children") != NULL);
    CHECK_INT(parse("(NN dog cat)", 0, &t), -1);
    CHECK(strstr(err, "second word \"cat\" at byte 8") != NULL);
    CHECK_INT(parse("(NP (DT the) dog)", 0, &t), -1);
    CHECK(strstr(err, "word \"dog\" at byte 13 beside the child nodes of (NP ...)") != NULL);
    CHECK_INT(parse("(NN dog (X y))", 0, &t), -1);
    CHECK(strstr(err, "'(' at byte 8 after the word of (NN dog)") != NULL);
    CHECK_INT(parse("( word )", 0, &t), -1); /* "word" is read as the label */
    CHECK(strstr(err, "has no word and no children") != NULL);
    CHECK_INT(parse("x (NN a)", 0, &t), -1);
    CHECK(strstr(err, "outside the brackets at byte 0") != NULL);

    /* unbalanced: ')' missing */
    CHECK_INT(parse("(ROOT (S (NP (NNP Arnor)) (VP (VBD left))", 0, &t), -1);
    CHECK_STR(err, "unbalanced parse: ')' missing at end (depth 2, byte 41)");
    CHECK(t.nodes == NULL && t.root == -1);
    /* unbalanced: ')' extra at the end */
    CHECK_INT(parse("(S (NN a)))", 0, &t), -1);
    CHECK_STR(err, "unbalanced parse: extra ')' at byte 10");
    CHECK_INT(parse(")", 0, &t), -1);
    CHECK_STR(err, "unbalanced parse: extra ')' at byte 0");
    /* unbalanced: the tree closes early and more follows */
    CHECK_INT(parse("(S (NN a)) (VP (VB b)))", 0, &t), -1);
    CHECK_STR(err, "unbalanced parse: the tree closes at byte 9 but '(' follows at byte 11");
    CHECK_INT(parse("(S (NN a)) b", 0, &t), -1);
    CHECK(strstr(err, "the tree closes at byte 9 but \"b\" follows at byte 11") != NULL);

    /* a NUL byte is an error (labels and words are C strings) */
    CHECK_INT(dyad_ptb_parse(&A, "(NN a\0b)", 8, 0, &t, err, sizeof err), -1);
    CHECK_STR(err, "NUL byte in the parse at byte 5");

    /* err may be NULL or short */
    CHECK_INT(dyad_ptb_parse(&A, "(", 1, 0, &t, NULL, 0), -1);
    char small[8];
    CHECK_INT(dyad_ptb_parse(&A, "(", 1, 0, &t, small, sizeof small), -1);
    CHECK_STR(small, "unbalan");
    /* a long word is quoted only in part */
    char longw[300];
    memcpy(longw, "(NN a ", 6);
    memset(longw + 6, 'w', 200);
    memcpy(longw + 206, ")", 2);
    CHECK_INT(parse(longw, 0, &t), -1);
    CHECK(strlen(err) < 120);
}

/* "(X (X ... (NN w) ... ))" with n brackets in all */
static char *nested(int n, int close)
{
    size_t len = (size_t)n * 4 + 16;
    char *s = malloc(len);
    size_t k = 0;
    for (int i = 0; i < n - 1; i++) {
        memcpy(s + k, "(X ", 3);
        k += 3;
    }
    memcpy(s + k, "(NN w)", 6);
    k += 6;
    for (int i = 0; i < n - 1 && close; i++)
        s[k++] = ')';
    s[k] = '\0';
    return s;
}

static int tree_depth(const dyad_ptb_tree *t)
{
    int d = 0;
    for (int i = t->leaves[0]; i >= 0; i = t->nodes[i].parent)
        d++;
    return d;
}

static void test_depth(void)
{
    dyad_ptb_tree t;
    char *s = nested(400, 1);
    CHECK_INT(parse(s, 400, &t), 0);
    CHECK_INT(tree_depth(&t), 400);
    free(s);
    s = nested(401, 1);
    CHECK_INT(parse(s, 400, &t), -1);
    CHECK_STR(err, "parse tree deeper than 400 levels (limit) at byte 1200");
    CHECK_INT(parse(s, 0, &t), 0);
    CHECK_INT(parse(s, -1, &t), 0);
    free(s);
    /* the ROOT wrapper counts towards the limit */
    CHECK_INT(parse("(ROOT (S (NN a)))", 2, &t), -1);
    CHECK_INT(parse("(ROOT (S (NN a)))", 3, &t), 0);
}

static void test_deep(void)
{
    dyad_ptb_tree t;
    dyad_arena_reset(&A);
    /* 100,000 nested brackets: no recursion, so no stack overflow */
    char *s = nested(100000, 1);
    CHECK_INT(parse(s, 0, &t), 0);
    CHECK_INT(t.nnodes, 100000);
    CHECK_INT(t.nleaves, 1);
    CHECK_INT(tree_depth(&t), 100000);
    const char *back = dyad_ptb_format(&A, &t);
    CHECK(back && strcmp(back, s) == 0);
    CHECK_INT(parse(s, 500, &t), -1);
    CHECK(strstr(err, "deeper than 500 levels") != NULL);
    free(s);
    /* 100,000 opening brackets never closed */
    s = nested(100000, 0);
    CHECK_INT(parse(s, 0, &t), -1);
    CHECK_STR(err, "unbalanced parse: ')' missing at end (depth 99999, byte 300003)");
    free(s);
    /* 100,000 closing brackets */
    s = malloc(100001);
    memset(s, ')', 100000);
    s[100000] = '\0';
    CHECK_INT(parse(s, 0, &t), -1);
    CHECK_STR(err, "unbalanced parse: extra ')' at byte 0");
    /* and 100,000 bare opening brackets */
    memset(s, '(', 100000);
    CHECK_INT(parse(s, 0, &t), -1);
    CHECK(strstr(err, "node without a label at byte 1") != NULL);
    free(s);
    dyad_arena_reset(&A);
}

int main(void)
{
    dyad_arena_init(&A);
    RUN(test_simple);
    RUN(test_wrappers);
    RUN(test_brackets);
    RUN(test_errors);
    RUN(test_depth);
    RUN(test_deep);
    dyad_arena_free(&A);
    DONE();
}
