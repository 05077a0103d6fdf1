/* test_token.c — tokenizer: the examples in docs/TOKENIZATION.md (executed
 * as a spec) plus spans, flags, shapes and pathological inputs. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "harness.h"
#include "token.h"

typedef struct tk_result {
    dyad_arena a;
    dyad_token *t;
    size_t n, cap;
    int rc;
} tk_result;

static void tok(tk_result *r, const char *s) {
    dyad_arena_init(&r->a);
    r->t = NULL;
    r->n = r->cap = 0;
    r->rc = dyad_tokenize(&r->a, s, 0, strlen(s), &r->t, &r->n, &r->cap);
}

/* "a | b | c" of the norms */
static char *joined(const tk_result *r) {
    size_t need = 1;
    for (size_t k = 0; k < r->n; k++) need += strlen(r->t[k].norm) + 3;
    char *out = malloc(need);
    if (!out) return NULL;
    out[0] = '\0';
    for (size_t k = 0; k < r->n; k++) {
        if (k) strcat(out, " | ");
        strcat(out, r->t[k].norm);
    }
    return out;
}

static void expect(const char *input, const char *want) {
    tk_result r;
    tok(&r, input);
    CHECK_INT(r.rc, 0);
    char *got = joined(&r);
    CHECK_STR(got, want);
    if (got && strcmp(got, want)) fprintf(stderr, "  input: %s\n", input);
    free(got);
    dyad_arena_free(&r.a);
}

/* Every "    input → tok | tok" line of docs/TOKENIZATION.md. */
static void test_doc_examples(void) {
    FILE *f = fopen("docs/TOKENIZATION.md", "r");
    if (!f) SKIP("docs/TOKENIZATION.md not found (run from the repo root)");
    char *line = NULL;
    size_t cap = 0;
    int examples = 0;
    while (getline(&line, &cap, f) != -1) {
        if (strncmp(line, "    ", 4) != 0) continue;
        char *arrow = strstr(line, " \xE2\x86\x92 "); /* " → " */
        if (!arrow) continue;
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\n' || line[l - 1] == '\r')) line[--l] = '\0';
        *arrow = '\0';
        expect(line + 4, arrow + 5);
        examples++;
    }
    free(line);
    fclose(f);
    CHECK(examples >= 40);
}

static void test_rules(void) {
    expect("", "");
    expect("   \n\t ", "");
    expect("Qatar, serving as a mediator.", "Qatar | , | serving | as | a | mediator | .");
    expect("the U.S.A. and the U.K.", "the | U.S.A. | and | the | U.K.");
    expect("Dr. Smith, Sen. Jones and Lt. Col. Doe", "Dr. | Smith | , | Sen. | Jones | and | Lt. | Col. | Doe");
    expect("Acme Inc. said", "Acme | Inc. | said");
    expect("Jan. 5, 2024", "Jan. | 5 | , | 2024");
    expect("co. said", "co | . | said");
    expect("It was 3.5.", "It | was | 3.5 | .");
    expect("1,000,000 and 12,34", "1,000,000 | and | 12 | , | 34");
    expect("Hamas's and HAMAS'S", "Hamas | 's | and | HAMAS | 'S");
    expect("WON'T", "WO | N'T");
    expect("n't", "n't");
    expect("‘We are ready,’ he said", "` | We | are | ready | , | ' | he | said");
    expect("“Deep “nested “quotes”””", "`` | Deep | `` | nested | `` | quotes | '' | '' | ''");
    expect("«Non» ‹oui›", "`` | Non | '' | ` | oui | '");
    expect("``Yes,'' he said", "`` | Yes | , | '' | he | said");
    expect("x\xC2\xA0y", "x | y"); /* NBSP */
    expect("a\xE2\x80\x89" "b", "a | b"); /* thin space */
    expect("Élysée Palace", "Élysée | Palace");
    expect("حماس قالت", "حماس | قالت");
    expect("50°C £5 €10", "50 | ° | C | £ | 5 | € | 10");
    expect("hi!!", "hi | ! | !");
    expect("U.S.'s role", "U.S. | 's | role");
    expect("O’Brien’s", "O'Brien | 's");
    expect("10-year-old", "10-year-old");
    expect("F-16s", "F-16s");
}

static void test_spans_and_norms(void) {
    tk_result r;
    const char *s = "“We’re here” — Hamas’ al‑Nono said…";
    tok(&r, s);
    CHECK_INT(r.rc, 0);
    CHECK_INT(r.n, 11);
    const char *want[] = {"``", "We", "'re", "here", "''", "--", "Hamas", "'", "al-Nono", "said", "..."};
    for (size_t k = 0; k < 11 && k < r.n; k++) CHECK_STR(r.t[k].norm, want[k]);
    /* every span lies inside the text, in order, and covers the surface */
    size_t prev_end = 0;
    for (size_t k = 0; k < r.n; k++) {
        CHECK(r.t[k].start >= prev_end);
        CHECK(r.t[k].len > 0);
        prev_end = r.t[k].start + r.t[k].len;
    }
    CHECK(prev_end <= strlen(s));
    CHECK_INT(r.t[0].len, 3);              /* “ is 3 bytes */
    CHECK_INT(r.t[2].len, 5);              /* ’re */
    CHECK_INT(r.t[5].len, 3);              /* — */
    CHECK(memcmp(s + r.t[8].start, "al\xE2\x80\x91Nono", r.t[8].len) == 0);
    dyad_arena_free(&r.a);
    expect("said\xE2\x80\xA6", "said | ...");
}

static void test_lower_and_shape(void) {
    tk_result r;
    tok(&r, "Qatar NATO U.S. al-Nono the 2024 10th , \xC3\x89 \xC3\x89lan \xC3\x89TAT "
            "\xD8\xAD\xD9\x85\xD8\xA7\xD8\xB3 iPhone");
    CHECK_INT(r.rc, 0);
    /* lower-casing is ASCII only: in "ÉTAT" the É stays, TAT → tat */
    struct { const char *lower; int shape; } w[] = {
        {"qatar", SHAPE_CAP},          {"nato", SHAPE_ALLCAP},
        {"u.s.", SHAPE_ALLCAP},        {"al-nono", SHAPE_CAP},
        {"the", SHAPE_LOWER},          {"2024", SHAPE_DIGIT},
        {"10th", SHAPE_DIGIT},         {",", SHAPE_PUNCT},
        {"\xC3\x89", SHAPE_CAP},       {"\xC3\x89lan", SHAPE_CAP},
        {"\xC3\x89tat", SHAPE_ALLCAP}, {"\xD8\xAD\xD9\x85\xD8\xA7\xD8\xB3", SHAPE_OTHER},
        {"iphone", SHAPE_CAP},
    };
    size_t nw = sizeof w / sizeof w[0];
    CHECK_INT(r.n, nw);
    for (size_t k = 0; k < nw && k < r.n; k++) {
        CHECK_STR(r.t[k].lower, w[k].lower);
        CHECK_INT(r.t[k].shape, w[k].shape);
    }
    /* norm keeps case; lower shares storage when there is nothing to lower */
    CHECK_STR(r.t[0].norm, "Qatar");
    CHECK(r.t[4].lower == r.t[4].norm);
    dyad_arena_free(&r.a);
}

static void test_flags(void) {
    tk_result r;
    tok(&r, "“We are ready,” he said. \"No\"");
    CHECK_INT(r.rc, 0);
    CHECK_INT(r.n, 12);
    /* `` We are ready , '' he said . `` No '' */
    unsigned inq[] = {1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1};
    for (size_t k = 0; k < 12 && k < r.n; k++)
        CHECK_INT((r.t[k].flags & TOKF_IN_QUOTE) != 0, inq[k]);
    CHECK(r.t[0].flags & TOKF_QUOTE_OPEN);
    CHECK(r.t[5].flags & TOKF_QUOTE_CLOSE);
    CHECK(!(r.t[5].flags & TOKF_QUOTE_OPEN));
    CHECK(r.t[9].flags & TOKF_QUOTE_OPEN);
    CHECK(r.t[11].flags & TOKF_QUOTE_CLOSE);
    /* space before */
    CHECK(!(r.t[0].flags & TOKF_SPACE_BEFORE));
    CHECK(!(r.t[1].flags & TOKF_SPACE_BEFORE));
    CHECK(r.t[2].flags & TOKF_SPACE_BEFORE);
    CHECK(!(r.t[4].flags & TOKF_SPACE_BEFORE));
    CHECK(r.t[6].flags & TOKF_SPACE_BEFORE);
    CHECK(!(r.t[8].flags & TOKF_SPACE_BEFORE));
    CHECK(r.t[9].flags & TOKF_SPACE_BEFORE);
    for (size_t k = 0; k < r.n; k++) CHECK(!(r.t[k].flags & TOKF_SENT_START));
    dyad_arena_free(&r.a);

    /* possessive apostrophe is not a quote; quote state resets at a newline */
    tok(&r, "Hamas' offer “unclosed\nnext");
    CHECK_INT(r.n, 6);
    CHECK_INT(r.t[1].flags & (TOKF_QUOTE_OPEN | TOKF_QUOTE_CLOSE | TOKF_IN_QUOTE), 0);
    CHECK(r.t[4].flags & TOKF_IN_QUOTE);
    CHECK(!(r.t[5].flags & TOKF_IN_QUOTE));
    dyad_arena_free(&r.a);

    /* a closing mark with nothing open is not IN_QUOTE */
    tok(&r, "stray” end");
    CHECK_INT(r.n, 3);
    CHECK(r.t[1].flags & TOKF_QUOTE_CLOSE);
    CHECK(!(r.t[1].flags & TOKF_IN_QUOTE));
    dyad_arena_free(&r.a);
}

static void test_substring_and_append(void) {
    /* tokenize two ranges into one array; spans stay relative to the text */
    const char *s = "skip THIS Alpha beta. | Gamma";
    dyad_arena a;
    dyad_arena_init(&a);
    dyad_token *t = NULL;
    size_t n = 0, cap = 0;
    CHECK_INT(dyad_tokenize(&a, s, 10, 21, &t, &n, &cap), 0);
    CHECK_INT(n, 3);
    CHECK_INT(dyad_tokenize(&a, s, 24, strlen(s), &t, &n, &cap), 0);
    CHECK_INT(n, 4);
    CHECK_STR(t[0].norm, "Alpha");
    CHECK_INT(t[0].start, 10);
    CHECK(t[0].flags & TOKF_SPACE_BEFORE); /* the byte before the range is a space */
    CHECK_STR(t[3].norm, "Gamma");
    CHECK_INT(t[3].start, 24);
    /* start >= end: nothing */
    CHECK_INT(dyad_tokenize(&a, s, 5, 5, &t, &n, &cap), 0);
    CHECK_INT(n, 4);
    /* a range that ends inside a multi-byte character: never reads past end */
    const char *u = "ab \xE2\x80\x9C";
    CHECK_INT(dyad_tokenize(&a, u, 0, 4, &t, &n, &cap), 0);
    CHECK_INT(n, 6);
    CHECK_INT(t[5].shape, SHAPE_OTHER);
    CHECK_INT(t[5].len, 1);
    dyad_arena_free(&a);
}

static void test_invalid_bytes(void) {
    tk_result r;
    tok(&r, "ok\xFF\xC0\x80x \xED\xA0\x80 end");
    CHECK_INT(r.rc, 0);
    /* ok, FF, C0, 80, x, ED, A0, 80, end */
    CHECK_INT(r.n, 9);
    CHECK_STR(r.t[1].norm, "\xEF\xBF\xBD");
    CHECK_INT(r.t[1].shape, SHAPE_OTHER);
    CHECK_INT(r.t[1].len, 1);
    CHECK_STR(r.t[4].norm, "x");
    CHECK_STR(r.t[8].norm, "end");
    dyad_arena_free(&r.a);
    /* controls and NUL are whitespace */
    const char s[] = "a\0b\x01" "c";
    dyad_arena a;
    dyad_arena_init(&a);
    dyad_token *t = NULL;
    size_t n = 0, cap = 0;
    CHECK_INT(dyad_tokenize(&a, s, 0, sizeof s - 1, &t, &n, &cap), 0);
    CHECK_INT(n, 3);
    dyad_arena_free(&a);
}

static double secs(clock_t c0) { return (double)(clock() - c0) / CLOCKS_PER_SEC; }

static void run_big(const char *unit, size_t reps, size_t expect_min, size_t expect_max) {
    size_t ul = strlen(unit), len = ul * reps;
    char *s = malloc(len + 1);
    if (!s) SKIP("malloc");
    for (size_t k = 0; k < reps; k++) memcpy(s + k * ul, unit, ul);
    s[len] = '\0';
    dyad_arena a;
    dyad_arena_init(&a);
    dyad_token *t = NULL;
    size_t n = 0, cap = 0;
    clock_t c0 = clock();
    CHECK_INT(dyad_tokenize(&a, s, 0, len, &t, &n, &cap), 0);
    double el = secs(c0);
    CHECK(n >= expect_min && n <= expect_max);
    if (el > 5.0) fprintf(stderr, "slow: %s x %zu took %.2fs\n", unit, reps, el);
    CHECK(el < 5.0);
    size_t end = 0;
    for (size_t k = 0; k < n; k++) end = t[k].start + t[k].len;
    CHECK(end <= len);
    dyad_arena_free(&a);
    free(s);
}

static void test_pathological(void) {
    run_big("a", 1 << 20, 1, 1);              /* 1 MB word */
    run_big("a.", 1 << 19, 1, 2);             /* a.a.a.… */
    run_big("a-", 1 << 19, 1, 2);
    run_big("1,000", 1 << 18, 1, 1 << 19);
    run_big(".", 1 << 20, 1, 1);
    run_big("-", 1 << 20, 1, 1);
    run_big("\xE2\x80\x94", 1 << 18, 1, 1);   /* em dashes */
    run_big("\xE2\x80\x9C", 1 << 18, 1 << 18, 1 << 18); /* deep quotes */
    run_big("\"", 1 << 18, 1 << 18, 1 << 18);
    run_big("'", 1 << 18, 1, 1 << 18);
    run_big("\xFF", 1 << 18, 1 << 18, 1 << 18);
    run_big("a'", 1 << 18, 1, 1 << 18);
    run_big("x ", 100000, 100000, 100000);
    run_big("don't ", 50000, 100000, 100000);
}

int main(void) {
    RUN(test_doc_examples);
    RUN(test_rules);
    RUN(test_spans_and_norms);
    RUN(test_lower_and_shape);
    RUN(test_flags);
    RUN(test_substring_and_append);
    RUN(test_invalid_bytes);
    RUN(test_pathological);
    DONE();
}
