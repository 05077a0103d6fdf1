/*
 * test_lemma.c — the WordNet lemmatizer: exception lists, detachment rules
 * checked against the index, proper nouns, contractions, bad data.
 * The WordNet directory comes from $DYAD_WORDNET_DIR, default
 * /usr/share/wordnet (Debian package wordnet-base).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "lemma.h"
#include "text.h"

static dyad_lemmatizer *L;
static dyad_arena A;

static const char *wordnet_dir(void) {
    const char *d = getenv("DYAD_WORDNET_DIR");
    return d && *d ? d : DYAD_WORDNET_DEFAULT_DIR;
}

static const char *lem(const char *w, dyad_tag tag) { return dyad_lemma(L, &A, w, (int)tag); }

static void test_required(void) {
    if (!L) SKIP("WordNet data not loaded");
    CHECK_STR(lem("hopes", TAG_NNS), "hope");
    CHECK_STR(lem("hopes", TAG_VBZ), "hope");
    CHECK_STR(lem("agreed", TAG_VBD), "agree");
    CHECK_STR(lem("agreed", TAG_VBN), "agree");
    CHECK_STR(lem("met", TAG_VBD), "meet");
    CHECK_STR(lem("said", TAG_VBD), "say");
    CHECK_STR(lem("clarified", TAG_VBD), "clarify");
    CHECK_STR(lem("ministries", TAG_NNS), "ministry");
    CHECK_STR(lem("officials", TAG_NNS), "official");
    /* hyphenated verbs inflect their last part */
    CHECK_STR(lem("test-fired", TAG_VBD), "test-fire");
    CHECK_STR(lem("re-opened", TAG_VBN), "re-open");
    CHECK_STR(lem("test-fire", TAG_VB), "test-fire");

    CHECK_STR(lem("chiefs", TAG_NNS), "chief");
    CHECK_STR(lem("negotiations", TAG_NNS), "negotiation");
    CHECK_STR(lem("is", TAG_VBZ), "be");
    CHECK_STR(lem("was", TAG_VBD), "be");
    CHECK_STR(lem("been", TAG_VBN), "be");
    CHECK_STR(lem("are", TAG_VBP), "be");
    CHECK_STR(lem("has", TAG_VBZ), "have");
    CHECK_STR(lem("had", TAG_VBD), "have");
    CHECK_STR(lem("had", TAG_VBN), "have");
}

static void test_rules(void) {
    if (!L) SKIP("WordNet data not loaded");
    /* Nouns. */
    CHECK_STR(lem("talks", TAG_NNS), "talk");
    CHECK_STR(lem("hostages", TAG_NNS), "hostage");
    CHECK_STR(lem("ceasefires", TAG_NNS), "ceasefire"); /* not in WordNet: rule only */
    CHECK_STR(lem("boxes", TAG_NNS), "box");
    CHECK_STR(lem("churches", TAG_NNS), "church");
    CHECK_STR(lem("buses", TAG_NNS), "bus");
    CHECK_STR(lem("women", TAG_NNS), "woman");
    CHECK_STR(lem("countries", TAG_NNS), "country");
    CHECK_STR(lem("children", TAG_NNS), "child");
    CHECK_STR(lem("news", TAG_NN), "news");
    CHECK_STR(lem("embassy", TAG_NN), "embassy");
    /* Verbs. */
    CHECK_STR(lem("mediating", TAG_VBG), "mediate");
    CHECK_STR(lem("meeting", TAG_VBG), "meet");
    CHECK_STR(lem("released", TAG_VBN), "release");
    CHECK_STR(lem("wanted", TAG_VBD), "want");
    CHECK_STR(lem("pushes", TAG_VBZ), "push");
    CHECK_STR(lem("goes", TAG_VBZ), "go");
    CHECK_STR(lem("planned", TAG_VBD), "plan");
    CHECK_STR(lem("stopping", TAG_VBG), "stop");
    CHECK_STR(lem("took", TAG_VBD), "take");
    CHECK_STR(lem("lay", TAG_VBD), "lie");
    CHECK_STR(lem("lay", TAG_VB), "lay");
    CHECK_STR(lem("urge", TAG_VBP), "urge");
    /* a prefix on a verb WordNet has: "reoccupy" is not in WordNet */
    CHECK_STR(lem("reoccupied", TAG_VBD), "reoccupy");
    CHECK_STR(lem("outflanked", TAG_VBN), "outflank");
    CHECK_STR(lem("covered", TAG_VBD), "cover"); /* WordNet's own, not co- + ver */
    /* Adjectives and adverbs. */
    CHECK_STR(lem("larger", TAG_JJR), "large");
    CHECK_STR(lem("higher", TAG_JJR), "high");
    CHECK_STR(lem("better", TAG_JJR), "good");
    CHECK_STR(lem("biggest", TAG_JJS), "big");
    CHECK_STR(lem("diplomatic", TAG_JJ), "diplomatic");
    CHECK_STR(lem("better", TAG_RBR), "well");
    CHECK_STR(lem("quickly", TAG_RB), "quickly");
}

static void test_other_tags(void) {
    if (!L) SKIP("WordNet data not loaded");
    CHECK_STR(lem("qatar", TAG_NNP), "qatar");
    CHECK_STR(lem("states", TAG_NNP), "states");
    CHECK_STR(lem("americans", TAG_NNPS), "american");
    CHECK_STR(lem("houthis", TAG_NNPS), "houthis"); /* singular not a WordNet noun */
    CHECK_STR(lem("the", TAG_DT), "the");
    CHECK_STR(lem("as", TAG_IN), "as");
    CHECK_STR(lem("his", TAG_PRPS), "his");
    CHECK_STR(lem(",", TAG_COMMA), ",");
    CHECK_STR(lem("n't", TAG_RB), "not");
    CHECK_STR(lem("'s", TAG_VBZ), "be");
    CHECK_STR(lem("'s", TAG_POS), "'s");
    CHECK_STR(lem("'ll", TAG_MD), "will");
    CHECK_STR(lem("wo", TAG_MD), "will");
    CHECK_STR(lem("'re", TAG_VBP), "be");
    CHECK_STR(lem("would", TAG_MD), "would");
    /* Unknown words and odd input come back unchanged. */
    CHECK_STR(lem("xyzzied", TAG_VBD), "xyzzied");
    CHECK_STR(lem("", TAG_NN), "");
    CHECK_STR(dyad_lemma(L, &A, NULL, TAG_NN), "");
    char long_word[300];
    memset(long_word, 'a', sizeof long_word - 2);
    long_word[sizeof long_word - 2] = 's';
    long_word[sizeof long_word - 1] = '\0';
    CHECK_STR(lem(long_word, TAG_NNS), long_word);
    CHECK_STR(lem("hopes", TAG_NONE), "hopes");
    CHECK_STR(lem("hopes", 999), "hopes");
}

static void test_tokens(void) {
    if (!L) SKIP("WordNet data not loaded");
    static const struct {
        const char *lower;
        dyad_tag tag;
        const char *lemma;
    } s[] = {
        {"officials", TAG_NNS, "official"}, {"said", TAG_VBD, "say"},   {"qatar", TAG_NNP, "qatar"},
        {"has", TAG_VBZ, "have"},           {"hinted", TAG_VBN, "hint"}, {"at", TAG_IN, "at"},
        {"progress", TAG_NN, "progress"},   {".", TAG_PERIOD, "."},
    };
    dyad_token toks[8];
    memset(toks, 0, sizeof toks);
    for (size_t i = 0; i < 8; i++) {
        toks[i].lower = s[i].lower;
        toks[i].norm = s[i].lower;
        toks[i].tag = (uint8_t)s[i].tag;
    }
    CHECK_INT(dyad_lemma_tokens(L, &A, toks, 8), 0);
    for (size_t i = 0; i < 8; i++) CHECK_STR(toks[i].lemma, s[i].lemma);
    CHECK_INT(dyad_lemma_tokens(L, &A, toks, 0), 0);
}

static void write_file(const char *dir, const char *name, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void test_bad_data(void) {
    char err[512];
    dyad_lemmatizer *l = dyad_lemma_load("/nonexistent/wordnet", err, sizeof err);
    CHECK(l == NULL);
    CHECK(strstr(err, "/nonexistent/wordnet/index.noun") != NULL);

    char dir[] = "/tmp/dyad_lemma_XXXXXX";
    if (!mkdtemp(dir)) SKIP("cannot create a temporary directory");
    static const char *names[] = {"index.noun", "index.verb", "index.adj", "index.adv",
                                  "noun.exc",   "verb.exc",   "adj.exc",   "adv.exc"};
    write_file(dir, "index.noun", "  1 license header\ntalk n 1 0\nmouse n 1 0\n");
    write_file(dir, "index.verb", "talk v 1 0\nrun v 1 0\n");
    write_file(dir, "index.adj", "big a 1 0\n");
    write_file(dir, "index.adv", "well r 1 0\n");
    write_file(dir, "noun.exc", "mice mouse\n");
    write_file(dir, "verb.exc", "ran run\n");
    write_file(dir, "adj.exc", "bigger big\n");
    write_file(dir, "adv.exc", "better well\n");
    l = dyad_lemma_load(dir, err, sizeof err);
    CHECK(l != NULL);
    if (l) {
        CHECK_STR(dyad_lemma(l, &A, "talks", TAG_NNS), "talk");
        CHECK_STR(dyad_lemma(l, &A, "mice", TAG_NNS), "mouse");
        CHECK_STR(dyad_lemma(l, &A, "ran", TAG_VBD), "run");
        CHECK_STR(dyad_lemma(l, &A, "talked", TAG_VBD), "talk");
        dyad_lemma_free(l);
    }
    write_file(dir, "verb.exc", "ran run\nwalked\n");
    l = dyad_lemma_load(dir, err, sizeof err);
    CHECK(l == NULL);
    CHECK(strstr(err, "verb.exc:2:") != NULL);
    write_file(dir, "verb.exc", "ran run\n");
    write_file(dir, "index.adj", "big a 1 0\n\nsmall\n");
    l = dyad_lemma_load(dir, err, sizeof err);
    CHECK(l == NULL);
    CHECK(strstr(err, "index.adj:3:") != NULL);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    rmdir(dir);
}

static void test_load_time(void) {
    struct timespec t0, t1;
    char err[512];
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dyad_lemmatizer *l = dyad_lemma_load(wordnet_dir(), err, sizeof err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!l) SKIP("WordNet data not loaded");
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    printf("lemmatizer load time %.1f ms\n", ms);
    dyad_lemma_free(l);
}

int main(void) {
    char err[512];
    dyad_arena_init(&A);
    L = dyad_lemma_load(wordnet_dir(), err, sizeof err);
    if (!L)
        fprintf(stderr, "WordNet data unavailable (%s); install wordnet-base or set "
                        "DYAD_WORDNET_DIR\n", err);
    RUN(test_required);
    RUN(test_rules);
    RUN(test_other_tags);
    RUN(test_tokens);
    RUN(test_bad_data);
    RUN(test_load_time);
    dyad_lemma_free(L);
    dyad_arena_free(&A);
    DONE();
}
