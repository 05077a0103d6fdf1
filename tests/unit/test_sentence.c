/* test_sentence.c — sentence splitting: the seed article (acceptance),
 * focused boundary rules, quote_cont, skip regions, pathological input. */
#include <stdlib.h>
#include <time.h>

#include "clean.h"
#include "harness.h"
#include "sentence.h"

typedef struct split {
    dyad_arena a;
    dyad_sentence *s;
    size_t n;
} split;

static void do_split(split *sp, const char *text, size_t len, const dyad_region *skip, size_t nskip) {
    dyad_arena_init(&sp->a);
    CHECK_INT(dyad_split_sentences(&sp->a, text, len, skip, nskip, &sp->s, &sp->n), 0);
}

/* Sentences of text joined with " || ". */
static void expect(const char *text, const char *want) {
    split sp;
    do_split(&sp, text, strlen(text), NULL, 0);
    size_t need = 1;
    for (size_t k = 0; k < sp.n; k++) need += sp.s[k].len + 4;
    char *got = malloc(need);
    if (!got) return;
    got[0] = '\0';
    for (size_t k = 0; k < sp.n; k++) {
        if (k) strcat(got, " || ");
        strncat(got, text + sp.s[k].start, sp.s[k].len);
    }
    CHECK_STR(got, want);
    free(got);
    dyad_arena_free(&sp.a);
}

static void test_basic_boundaries(void) {
    expect("", "");
    expect("   \n\n  ", "");
    expect("Hamas said no. Israel said yes.", "Hamas said no. || Israel said yes.");
    expect("Is it over? Yes! It is.", "Is it over? || Yes! || It is.");
    expect("Really?! Yes.", "Really?! || Yes.");
    expect("No end punctuation here", "No end punctuation here");
    expect("One. Two without end", "One. || Two without end");
    expect("He paid 3.5 million. It rose.", "He paid 3.5 million. || It rose.");
    expect("The vote was 5-4. 2024 was a hard year.", "The vote was 5-4. || 2024 was a hard year.");
    expect("approx. five people came.", "approx. five people came.");
    expect("It fell. then rose", "It fell. then rose");
    expect("They met (in Doha.) Talks resumed.", "They met (in Doha.) || Talks resumed.");
}

static void test_abbreviations(void) {
    expect("U.S. State Department spokesperson Matthew Miller spoke. He left.",
           "U.S. State Department spokesperson Matthew Miller spoke. || He left.");
    expect("Chiefs from the U.S., Israel, and Egypt met.", "Chiefs from the U.S., Israel, and Egypt met.");
    expect("The meeting ended in the U.S. It was brief.", "The meeting ended in the U.S. || It was brief.");
    expect("They flew to the U.S. The talks resumed.", "They flew to the U.S. || The talks resumed.");
    expect("He went to the U.S.\nThe talks resumed.", "He went to the U.S. || The talks resumed.");
    expect("He met the U.N. Security Council.", "He met the U.N. Security Council.");
    expect("Mr. Smith met Dr. J. R. Jones.", "Mr. Smith met Dr. J. R. Jones.");
    expect("Gen. The end.", "Gen. The end.");
    expect("They met at 5 p.m. The talks ended.", "They met at 5 p.m. || The talks ended.");
    expect("Talks began Jan. 5 in St. Petersburg.", "Talks began Jan. 5 in St. Petersburg.");
    expect("He works for Acme Inc. He said so.", "He works for Acme Inc. || He said so.");
    expect("He visited the U.S. \xE2\x80\x9CIt was good,\xE2\x80\x9D he said.",
           "He visited the U.S. || \xE2\x80\x9CIt was good,\xE2\x80\x9D he said.");
}

static void test_ellipsis(void) {
    expect("He paused... Then he spoke.", "He paused... || Then he spoke.");
    expect("He paused... and then spoke.", "He paused... and then spoke.");
    expect("He paused\xE2\x80\xA6 Then he spoke.", "He paused\xE2\x80\xA6 || Then he spoke.");
}

static void test_quotes(void) {
    expect("\xE2\x80\x9CWe pursued X. We made Y,\xE2\x80\x9D Miller said.",
           "\xE2\x80\x9CWe pursued X. || We made Y,\xE2\x80\x9D Miller said.");
    expect("\xE2\x80\x9CIt ended intensively.\xE2\x80\x9D Next came Hamas.",
           "\xE2\x80\x9CIt ended intensively.\xE2\x80\x9D || Next came Hamas.");
    expect("\xE2\x80\x9CStop!\xE2\x80\x9D Miller said.", "\xE2\x80\x9CStop!\xE2\x80\x9D Miller said.");
    expect("\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. She left.",
           "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. || She left.");
    expect("\"Go home.\" They went.", "\"Go home.\" || They went.");
    expect("He said: \"No. Never.\" Then left.", "He said: \"No. || Never.\" || Then left.");

    split sp;
    const char *t = "\xE2\x80\x9CWe pursued X. We made Y. We will go on,\xE2\x80\x9D Miller said. Done.";
    do_split(&sp, t, strlen(t), NULL, 0);
    CHECK_INT(sp.n, 4);
    if (sp.n == 4) {
        CHECK_INT(sp.s[0].quote_cont, 1);
        CHECK_INT(sp.s[1].quote_cont, 1);
        CHECK_INT(sp.s[2].quote_cont, 0);
        CHECK_INT(sp.s[3].quote_cont, 0);
    }
    dyad_arena_free(&sp.a);

    /* a paragraph ending inside a quotation (wire style): quote_cont = 1 */
    t = "\xE2\x80\x9CWe will not stop.\n\xE2\x80\x9CWe will go on,\xE2\x80\x9D he said.";
    do_split(&sp, t, strlen(t), NULL, 0);
    CHECK_INT(sp.n, 2);
    if (sp.n == 2) {
        CHECK_INT(sp.s[0].quote_cont, 1);
        CHECK_INT(sp.s[1].quote_cont, 0);
    }
    dyad_arena_free(&sp.a);

    /* the last sentence never continues; an unclosed quote does not leak */
    t = "\xE2\x80\x9CUnclosed quote. Still inside";
    do_split(&sp, t, strlen(t), NULL, 0);
    CHECK_INT(sp.n, 2);
    if (sp.n == 2) {
        CHECK_INT(sp.s[0].quote_cont, 1);
        CHECK_INT(sp.s[1].quote_cont, 0);
    }
    dyad_arena_free(&sp.a);
}

static void test_paragraphs(void) {
    expect("Headline without period\nBody starts here. More.",
           "Headline without period || Body starts here. || More.");
    expect("Line one\r\nLine two", "Line one || Line two");
    expect("Para one.\n\n\nPara two.", "Para one. || Para two.");
    expect("Split\xE2\x80\xA8line", "Split || line");
}

static void test_fields(void) {
    const char *t = "  Hamas said no.  Israel said yes. ";
    split sp;
    do_split(&sp, t, strlen(t), NULL, 0);
    CHECK_INT(sp.n, 2);
    if (sp.n == 2) {
        CHECK_INT(sp.s[0].start, 2);
        CHECK_INT(sp.s[0].len, strlen("Hamas said no."));
        CHECK_INT(sp.s[1].start, 18);
        CHECK_INT(sp.s[1].index, 2);
        CHECK_INT(sp.s[0].index, 1);
        CHECK_INT(sp.s[0].ntok, 4);
        CHECK_INT(sp.s[1].ntok, 4);
        CHECK(sp.s[1].toks == sp.s[0].toks + 4); /* one shared array */
        CHECK(sp.s[0].toks[0].flags & TOKF_SENT_START);
        CHECK(sp.s[1].toks[0].flags & TOKF_SENT_START);
        CHECK(!(sp.s[0].toks[1].flags & TOKF_SENT_START));
        CHECK_STR(sp.s[1].toks[3].norm, ".");
    }
    dyad_arena_free(&sp.a);
}

static void test_skip_regions(void) {
    const char *t = "WASHINGTON (AP) \xE2\x80\x94 The talks began. More\nAP Photo/X Y\nEnd of it.";
    dyad_arena a;
    dyad_arena_init(&a);
    dyad_region *r;
    size_t nr;
    CHECK_INT(dyad_find_non_news(&a, t, strlen(t), &r, &nr), 0);
    CHECK_INT(nr, 2);
    dyad_sentence *s;
    size_t n;
    CHECK_INT(dyad_split_sentences(&a, t, strlen(t), r, nr, &s, &n), 0);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK(memcmp(t + s[0].start, "The talks began.", s[0].len) == 0);
        CHECK(memcmp(t + s[1].start, "More", s[1].len) == 0);
        CHECK(memcmp(t + s[2].start, "End of it.", s[2].len) == 0);
    }
    dyad_arena_free(&a);

    /* unsorted, overlapping and out-of-range regions are tolerated; a region
     * in the middle of a line also ends the sentence */
    const char *u = "aaa bbb. ccc ddd eee";
    dyad_region rr[] = {{13, 3, "x"}, {4, 3, "y"}, {5, 4, "z"}, {18, 100, "w"}};
    split sp;
    do_split(&sp, u, strlen(u), rr, 4);
    CHECK_INT(sp.n, 3); /* "aaa" | "ccc" | "e" */
    if (sp.n == 3) {
        CHECK_INT(sp.s[0].start, 0);
        CHECK_INT(sp.s[0].len, 3);  /* aaa */
        CHECK_INT(sp.s[1].start, 9);
        CHECK_INT(sp.s[1].len, 3);  /* ccc */
        CHECK_INT(sp.s[2].start, 17);
        CHECK_INT(sp.s[2].len, 1);  /* e (18.. skipped) */
    }
    dyad_arena_free(&sp.a);
    /* everything skipped */
    dyad_region all = {0, 20, "x"};
    do_split(&sp, u, strlen(u), &all, 1);
    CHECK_INT(sp.n, 0);
    CHECK(sp.s == NULL);
    dyad_arena_free(&sp.a);
}

static void test_seed_article(void) {
    FILE *f = fopen("examples/2024-02-02-gaza-hostage-talks.txt", "rb");
    if (!f) SKIP("examples/2024-02-02-gaza-hostage-talks.txt not found");
    static char buf[1 << 16];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    dyad_arena a;
    dyad_arena_init(&a);
    dyad_region *r;
    size_t nr;
    CHECK_INT(dyad_find_non_news(&a, buf, len, &r, &nr), 0);
    CHECK_INT(nr, 3);
    dyad_sentence *s;
    size_t n;
    CHECK_INT(dyad_split_sentences(&a, buf, len, r, nr, &s, &n), 0);
    CHECK_INT(n, 14);
    static const char *const first[] = {
        "The United States is cautiously optimistic",
        "Qatar, serving",
        "U.S. State Department spokesperson",
        "Speaking to reporters",
        "Miller added",
        "\xE2\x80\x9CWe have pursued this pause intensively.",
        "We have made clear",
        "However, Hamas",
        "Taher al-Nono",
        "The focal point",
        "Qatari Foreign Ministry",
        "Al-Ansari highlighted",
        "He acknowledged",
        "While optimism",
    };
    for (size_t k = 0; k < 14 && k < n; k++) {
        size_t fl = strlen(first[k]);
        CHECK(s[k].len >= fl && memcmp(buf + s[k].start, first[k], fl) == 0);
        CHECK_INT(s[k].index, (int)k + 1);
        CHECK_INT(s[k].quote_cont, k == 5);
        CHECK(s[k].toks[0].flags & TOKF_SENT_START);
        CHECK(s[k].ntok > 0);
        /* no sentence overlaps a non-news region */
        for (size_t j = 0; j < nr; j++)
            CHECK(s[k].start + s[k].len <= r[j].start || s[k].start >= r[j].start + r[j].len);
    }
    if (n == 14) {
        CHECK(memcmp(buf + s[5].start + s[5].len - 12, "intensively.", 12) == 0);
        CHECK(memcmp(buf + s[6].start + s[6].len - 12, "Miller said.", 12) == 0);
        CHECK(memcmp(buf + s[13].start + s[13].len - 11, "positively.", 11) == 0);
        /* quote flags inside sentence 7: tokens before ” are in the quotation */
        size_t q = 0;
        for (size_t k = 0; k < s[6].ntok; k++)
            if (s[6].toks[k].flags & TOKF_IN_QUOTE) q++;
        CHECK_INT(q, s[6].ntok - 3); /* Miller said . are outside */
    }
    dyad_arena_free(&a);
}

static void big(const char *unit, size_t reps, size_t min_sent, size_t max_sent) {
    size_t ul = strlen(unit), len = ul * reps;
    char *t = malloc(len + 1);
    if (!t) SKIP("malloc");
    for (size_t k = 0; k < reps; k++) memcpy(t + k * ul, unit, ul);
    t[len] = '\0';
    clock_t c0 = clock();
    split sp;
    do_split(&sp, t, len, NULL, 0);
    double el = (double)(clock() - c0) / CLOCKS_PER_SEC;
    CHECK(sp.n >= min_sent && sp.n <= max_sent);
    if (el > 5.0) fprintf(stderr, "slow: %.10s… x %zu: %.2fs\n", unit, reps, el);
    CHECK(el < 5.0);
    int inside = 1;
    for (size_t k = 0; k < sp.n; k++)
        if (sp.s[k].start + sp.s[k].len > len) inside = 0;
    CHECK(inside);
    dyad_arena_free(&sp.a);
    free(t);
}

static void test_pathological(void) {
    big("a", 1 << 20, 1, 1);                     /* 1 MB, no spaces */
    big("word ", 100000, 1, 1);                  /* 100k tokens, no end */
    big("\xE2\x80\x9C", 100000, 1, 1);           /* deep quotes */
    big("Yes. ", 50000, 50000, 50000);
    big("U.S. ", 50000, 1, 1);
    big("\xFF\xFE ", 50000, 1, 1);               /* invalid bytes */
    big("\n", 1 << 20, 0, 0);
    big("x\n", 100000, 100000, 100000);
    big("... ", 100000, 1, 1);
}

int main(void) {
    RUN(test_basic_boundaries);
    RUN(test_abbreviations);
    RUN(test_ellipsis);
    RUN(test_quotes);
    RUN(test_paragraphs);
    RUN(test_fields);
    RUN(test_skip_regions);
    RUN(test_seed_article);
    RUN(test_pathological);
    DONE();
}
