/* test_clean.c — non-news regions: date token, credits, captions,
 * datelines, bylines, boilerplate; and news lines that must stay news. */
#include <stdlib.h>

#include "clean.h"
#include "harness.h"

typedef struct got {
    dyad_arena a;
    dyad_region *r;
    size_t n;
} got;

static void find_in(got *g, const char *s) {
    dyad_arena_init(&g->a);
    CHECK_INT(dyad_find_non_news(&g->a, s, strlen(s), &g->r, &g->n), 0);
}

/* The text contains exactly one region, equal to `span` with reason why. */
static void one(const char *s, const char *span, const char *why) {
    got g;
    find_in(&g, s);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        const char *p = strstr(s, span);
        CHECK(p != NULL);
        if (p) {
            CHECK_INT(g.r[0].start, p - s);
            CHECK_INT(g.r[0].len, strlen(span));
        }
        CHECK_STR(g.r[0].why, why);
    } else {
        fprintf(stderr, "  text: %s\n", s);
    }
    dyad_arena_free(&g.a);
}

static void none(const char *s) {
    got g;
    find_in(&g, s);
    CHECK_INT(g.n, 0);
    if (g.n) fprintf(stderr, "  flagged: %.*s (%s)\n", (int)g.r[0].len, s + g.r[0].start, g.r[0].why);
    dyad_arena_free(&g.a);
}

static void test_date_token(void) {
    one("date 2024-02-02 Hamas said.", "date 2024-02-02", "date token");
    one("  \n date 2024-02-02\nHamas said.", "date 2024-02-02", "date token");
    one("Date: 2023-11-30 Talks resumed.", "Date: 2023-11-30", "date token");
    none("date 2024-2-2 Hamas said.");
    none("The date 2024-02-02 was set.");
    none("date 2024-02-021 x");
    /* a dateline right after the date token */
    got g;
    find_in(&g, "date 2024-02-02 WASHINGTON (AP) — The talks began.");
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        CHECK_STR(g.r[0].why, "date token");
        CHECK_STR(g.r[1].why, "dateline");
        CHECK_INT(g.r[1].start, 16);
    }
    dyad_arena_free(&g.a);
}

static void test_credits(void) {
    one("Talks went on.\n\nAP Photo/Fatima Shbair\n\nMore talks.", "AP Photo/Fatima Shbair",
        "photo credit");
    one("Talks.\nDalati Nohra/Lebanese Official Government via AP\nMore.",
        "Dalati Nohra/Lebanese Official Government via AP", "photo credit");
    one("Talks.\n(Reuters photo)\n", "(Reuters photo)", "photo credit");
    one("Talks.\nGetty Images\n", "Getty Images", "photo credit");
    one("Talks.\nPhoto: John Smith for The Times\n", "Photo: John Smith for The Times", "photo credit");
    one("Talks.\nPhoto by Jane Doe\n", "Photo by Jane Doe", "photo credit");
    one("Talks.\nPhotograph: Mohammed Salem/Reuters\n", "Photograph: Mohammed Salem/Reuters", "photo credit");
    one("Talks.\nFatima Shbair/AP\n", "Fatima Shbair/AP", "photo credit");
    one("Talks.\nREUTERS/Mohammed Salem\n", "REUTERS/Mohammed Salem", "photo credit");
    one("Talks.\nMahmud Hams/AFP via Getty Images\n", "Mahmud Hams/AFP via Getty Images", "photo credit");
    one("Talks.\n  AP Photo/Fatima Shbair  \r\nMore.", "AP Photo/Fatima Shbair", "photo credit");
    one("Palestinians inspect a destroyed house in Rafah, Feb. 1, 2024. (AP Photo/Fatima Shbair)\n"
        "Hamas said it was studying the offer.",
        "Palestinians inspect a destroyed house in Rafah, Feb. 1, 2024. (AP Photo/Fatima Shbair)",
        "photo caption");
}

static void test_news_is_not_credit(void) {
    none("Getty Images said on Monday it would stop selling the pictures.");
    none("Smith met Jones in Cairo on Tuesday to discuss the 24/7 aid corridor.");
    none("The agency distributed an AP Photo of the meeting, officials said.");
    none("Israel/Hamas talks resumed in Doha on Monday after a pause.");
    none("Hamas (the Islamist movement) said it would respond.");
    none("Qatar, serving as a mediator alongside Egypt, has hinted at progress.");
    none("U.S. State Department spokesperson Matthew Miller expressed the hope.");
    none("The United States and Qatar/Egypt");  /* has a lower-case word */
    none("He said the deal was near, via the Qatari mediators.");
}

static void test_datelines(void) {
    one("WASHINGTON (AP) — The State Department said Monday it was working with Qatar.",
        "WASHINGTON (AP) —", "dateline");
    one("GAZA CITY, Feb 2 (Reuters) - Hamas said it had received the proposal.",
        "GAZA CITY, Feb 2 (Reuters) -", "dateline");
    one("BEIRUT, Lebanon — Israeli jets struck a village, officials said.", "BEIRUT, Lebanon —",
        "dateline");
    one("Talks.\n\nDOHA, Qatar (AFP) -- Qatar said talks would resume.", "DOHA, Qatar (AFP) --",
        "dateline");
    one("TEL AVIV, Israel (AP) Israel said it would respond.", "TEL AVIV, Israel (AP)", "dateline");
    one("JERUSALEM (Reuters) – \xE2\x80\x9CWe are ready,\xE2\x80\x9D he said.", "JERUSALEM (Reuters) –",
        "dateline");
    none("NATO — the alliance — said nothing.");
    none("NATO (North Atlantic Treaty Organization) said it would meet.");
    none("Hamas — which runs Gaza — said it would respond.");
    none("US officials said the talks were going well.");
    none("UN — The body met.");      /* too few capitals for a dateline */
    none("WASHINGTON said it would respond.");
}

static void test_bylines_and_boilerplate(void) {
    one("By Jane Doe, Associated Press\nHamas said.", "By Jane Doe, Associated Press", "byline");
    one("BY JANE DOE AND JOHN ROE\nHamas said.", "BY JANE DOE AND JOHN ROE", "byline");
    one("Hamas said.\nReporting by Jane Doe; Editing by John Roe", "Reporting by Jane Doe; Editing by John Roe",
        "byline");
    none("By Tuesday, Israel had withdrawn its troops.");
    none("By contrast, Qatar said the talks were going well.");
    one("Hamas said.\nCopyright 2024 The Associated Press. All rights reserved.",
        "Copyright 2024 The Associated Press. All rights reserved.", "boilerplate");
    one("Hamas said.\n\xC2\xA9 2024 Reuters", "\xC2\xA9 2024 Reuters", "boilerplate");
    one("Hamas said.\nAll rights reserved.", "All rights reserved.", "boilerplate");
    one("Hamas said.\nThis material may not be published, broadcast, rewritten or redistributed.",
        "This material may not be published, broadcast, rewritten or redistributed.", "boilerplate");
    none("Copyright law in Egypt was changed last year, officials said.");
}

static void test_sorted_nonoverlapping(void) {
    const char *s = "date 2024-02-02 CAIRO (AP) — Egypt said.\n"
                    "By Jane Doe\n"
                    "AP Photo/X Y\n"
                    "Egypt said more.\n"
                    "All rights reserved";
    got g;
    find_in(&g, s);
    CHECK_INT(g.n, 5);
    for (size_t k = 1; k < g.n; k++) CHECK(g.r[k].start >= g.r[k - 1].start + g.r[k - 1].len);
    for (size_t k = 0; k < g.n; k++) CHECK(g.r[k].start + g.r[k].len <= strlen(s));
    dyad_arena_free(&g.a);
    none("");
    none("\n\n\n");
}

static void test_seed_article(void) {
    FILE *f = fopen("examples/2024-02-02-gaza-hostage-talks.txt", "rb");
    if (!f) SKIP("examples/2024-02-02-gaza-hostage-talks.txt not found");
    static char buf[1 << 16];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    got g;
    dyad_arena_init(&g.a);
    CHECK_INT(dyad_find_non_news(&g.a, buf, len, &g.r, &g.n), 0);
    CHECK_INT(g.n, 3);
    const char *want[] = {"date 2024-02-02", "AP Photo/Fatima Shbair",
                          "Dalati Nohra/Lebanese Official Government via AP"};
    const char *why[] = {"date token", "photo credit", "photo credit"};
    for (size_t k = 0; k < 3 && k < g.n; k++) {
        CHECK_INT(g.r[k].len, strlen(want[k]));
        CHECK(memcmp(buf + g.r[k].start, want[k], strlen(want[k])) == 0);
        CHECK_STR(g.r[k].why, why[k]);
    }
    dyad_arena_free(&g.a);
}

static void test_pathological(void) {
    size_t len = 1 << 20;
    char *s = malloc(len + 1);
    if (!s) SKIP("malloc");
    const char *units[] = {"A", "A/", "(", "\n", "By ", "AP Photo/", "-", "via "};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t ul = strlen(units[u]);
        for (size_t k = 0; k < len; k++) s[k] = units[u][k % ul];
        s[len] = '\0';
        got g;
        find_in(&g, s);
        for (size_t k = 0; k < g.n; k++) CHECK(g.r[k].start + g.r[k].len <= len);
        dyad_arena_free(&g.a);
    }
    free(s);
}

int main(void) {
    RUN(test_date_token);
    RUN(test_credits);
    RUN(test_news_is_not_credit);
    RUN(test_datelines);
    RUN(test_bylines_and_boilerplate);
    RUN(test_sorted_nonoverlapping);
    RUN(test_seed_article);
    RUN(test_pathological);
    DONE();
}
