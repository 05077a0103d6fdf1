/*
 * fuzz_ptb.c — libFuzzer target for dyad_ptb_parse() (src/ptb.c).
 *
 * The input is one bracketed parse. It is read twice, without a depth limit
 * and with a limit of 8, and the reader's promises are checked: the limited
 * read succeeds only if the unlimited one does, and then gives the same
 * tree; a tree is well linked (parents, children, siblings, leaves, every
 * node reachable once from the root); an error has a message; writing a tree
 * out and reading it back gives the same text.
 *
 * Build with clang: see fuzz/README.md. With gcc: fuzz/replay_main.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ptb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(int cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "fuzz_ptb: broken promise: %s\n", what);
        abort();
    }
}

static void check_tree(const dyad_ptb_tree *t)
{
    must(t->nnodes > 0 && t->root == 0, "root is node 0");
    must(t->nleaves >= 0 && t->nleaves <= t->nnodes, "leaf count");
    must(t->nodes[0].parent == -1 && t->nodes[0].next_sibling == -1, "root has no parent");
    for (int i = 0; i < t->nnodes; i++) {
        const dyad_ptb_node *n = &t->nodes[i];
        must(n->label && n->label[0], "label set");
        volatile size_t sink = strlen(n->label);
        if (n->word) {
            sink += strlen(n->word);
            must(n->word[0] != '\0', "word not empty");
            must(n->first_child == -1, "preterminal has no children");
            must(n->leaf >= 0 && n->leaf < t->nleaves && t->leaves[n->leaf] == i,
                 "leaf index");
        } else {
            must(n->leaf == -1, "phrase has no leaf index");
            must(n->first_child > i && n->first_child < t->nnodes, "phrase has children");
        }
        (void)sink;
        for (int c = n->first_child; c >= 0; c = t->nodes[c].next_sibling) {
            must(c > i && c < t->nnodes, "child index");
            must(t->nodes[c].parent == i, "child's parent");
        }
        if (i > 0)
            must(n->parent >= 0 && n->parent < i, "parent before child");
    }
    /* pre-order walk from the root visits 0, 1, 2, ... in turn */
    int next = 0, i = 0;
    for (;;) {
        must(i == next, "pre-order numbering");
        next++;
        if (t->nodes[i].first_child >= 0) {
            i = t->nodes[i].first_child;
            continue;
        }
        while (i != 0 && t->nodes[i].next_sibling < 0)
            i = t->nodes[i].parent;
        if (i == 0)
            break;
        i = t->nodes[i].next_sibling;
    }
    must(next == t->nnodes, "every node reachable once");
    int last = -1;
    for (int k = 0; k < t->nleaves; k++) {
        must(t->leaves[k] > last, "leaves in order");
        last = t->leaves[k];
    }
}

static int same_tree(const dyad_ptb_tree *a, const dyad_ptb_tree *b)
{
    if (a->nnodes != b->nnodes || a->nleaves != b->nleaves)
        return 0;
    for (int i = 0; i < a->nnodes; i++) {
        const dyad_ptb_node *x = &a->nodes[i], *y = &b->nodes[i];
        if (strcmp(x->label, y->label) != 0 || (!x->word) != (!y->word) ||
            (x->word && strcmp(x->word, y->word) != 0) || x->parent != y->parent ||
            x->first_child != y->first_child || x->next_sibling != y->next_sibling ||
            x->leaf != y->leaf)
            return 0;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a private copy of exactly size bytes, so reads past it are caught */
    char *buf = malloc(size ? size : 1);
    if (!buf)
        return 0;
    if (size)
        memcpy(buf, data, size);
    dyad_arena a;
    dyad_arena_init(&a);
    dyad_ptb_tree t, t8, back;
    char err[200], err8[200], err2[200];
    int rc = dyad_ptb_parse(&a, buf, size, 0, &t, err, sizeof err);
    int rc8 = dyad_ptb_parse(&a, buf, size, 8, &t8, err8, sizeof err8);
    must(rc == 0 || rc == -1, "status");
    must(rc8 == 0 || rc8 == -1, "status (limited)");
    if (rc != 0) {
        must(err[0] != '\0', "error has a message");
        must(t.nodes == NULL && t.nnodes == 0 && t.root == -1, "error empties the tree");
        must(rc8 != 0, "a depth limit cannot make a bad parse good");
    } else {
        check_tree(&t);
        if (rc8 == 0)
            must(same_tree(&t, &t8), "depth limit gives the same tree");
        else
            must(strstr(err8, "deeper than 8 levels") != NULL, "limit is the only difference");
        char *text = dyad_ptb_format(&a, &t);
        must(text != NULL, "format");
        must(dyad_ptb_parse(&a, text, strlen(text), 0, &back, err2, sizeof err2) == 0,
             "formatted tree parses");
        must(same_tree(&t, &back), "formatted tree reads back the same");
        char *text2 = dyad_ptb_format(&a, &back);
        must(text2 && strcmp(text, text2) == 0, "format is stable");
        char *words = dyad_ptb_leaf_text(&a, &t);
        must(words != NULL, "leaf text");
    }
    dyad_arena_free(&a);
    free(buf);
    return 0;
}
