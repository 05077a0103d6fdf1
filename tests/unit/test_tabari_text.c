/*
 * test_tabari_text.c — TABARI input text, validation records, .options and
 * .project files (src/tabari_text.c), on small invented inputs, then the
 * counts of TABARI's own files in ../shared/tabari (skipped when absent;
 * DYAD_SHARED names another shared directory).
 */
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "harness.h"
#include "tabari_text.h"

/* ---------------------------------------------------------------- helpers */

typedef struct rd {
    dyad_tabari_reader *r;
    const dyad_tabari_record *rec;
} rd;

/* Open a reader over s[0, n) and read the first record (rec NULL if none). */
static rd open_n(const char *s, size_t n)
{
    rd x;
    x.r = dyad_tabari_reader_new(s, n);
    x.rec = NULL;
    if (x.r && dyad_tabari_next(x.r, &x.rec) != 1)
        x.rec = NULL;
    return x;
}

#define OPEN(s) open_n(s, sizeof(s) - 1)

static int next(rd *x)
{
    return dyad_tabari_next(x->r, &x->rec);
}

static int count_records(const char *s, size_t n)
{
    dyad_tabari_reader *r = dyad_tabari_reader_new(s, n);
    const dyad_tabari_record *rec;
    int k = 0;
    while (dyad_tabari_next(r, &rec) == 1)
        k++;
    dyad_tabari_reader_free(r);
    return k;
}

/* Index of the first problem of kind k, or -1. */
static long find_problem(const dyad_tabari_problem *p, size_t n, dyad_tabari_problem_kind k)
{
    for (size_t i = 0; i < n; i++)
        if (p[i].kind == k)
            return (long)i;
    return -1;
}

static long rec_problem(const dyad_tabari_record *rec, dyad_tabari_problem_kind k)
{
    return find_problem(rec->problems, rec->n_problems, k);
}

/* ---------------------------------------------------------- text records */

static void test_good_record(void)
{
    static const char s[] = "# a comment line\n"
                            "\n"
                            "240315  FRE-01\n"
                            "Freedonia recalled its envoy   \n"
                            "  from Sylvania on Friday.\n"
                            "/*\\n------------\n"
                            "\\n[a plain recall]\n"
                            "\\n{ FRE / SYL / 161 } 240315 */\n";
    rd x = OPEN(s);
    CHECK(x.rec != NULL);
    if (!x.rec)
        return;
    const dyad_tabari_record *r = x.rec;
    CHECK_INT(r->stray, 0);
    CHECK_INT(r->line, 3);
    CHECK_INT(r->last_line, 8);
    CHECK_STR(r->header, "240315  FRE-01");
    CHECK_STR(r->date_raw, "240315");
    CHECK_STR(r->date, "2024-03-15");
    CHECK_STR(r->date_tabari, "2024-03-15");
    CHECK_STR(r->id, "FRE-01");
    CHECK_STR(r->id_word, "FRE-01");
    CHECK_STR(r->text, "Freedonia recalled its envoy from Sylvania on Friday.");
    CHECK_INT(r->text_len, strlen(r->text));
    CHECK_INT(r->has_comment, 1);
    CHECK(strstr(r->comment, "[a plain recall]") != NULL);
    CHECK_INT(r->n_items, 1);
    CHECK_INT(r->has_expectation, 1);
    CHECK_INT(r->n_events, 1);
    if (r->n_events == 1) {
        CHECK_STR(r->events[0]->source, "FRE");
        CHECK_STR(r->events[0]->target, "SYL");
        CHECK_STR(r->events[0]->code, "161");
        CHECK(r->events[0]->attrib == NULL);
        CHECK_STR(r->events[0]->date, "240315");
        CHECK_INT(r->events[0]->line, 8);
        CHECK_INT(r->events[0]->closed, 1);
    }
    CHECK_INT(r->complex + r->no_events + r->discard + r->disabled + r->stop, 0);
    CHECK_INT(r->n_options, 0);
    CHECK_INT(r->n_problems, 0);
    CHECK_INT(r->converted, 0);
    CHECK_INT(next(&x), 0);
    CHECK_INT(next(&x), 0); /* stays at the end */
    dyad_tabari_reader_free(x.r);
}

static void test_multiple_expectations(void)
{
    static const char s[] = "990102 MULTI-7 extra field\n"
                            "Ruritania and Grand Fenwick signed a fishing pact./*\n"
                            "\\n{ RUR / FEN / 057 } 990102\n"
                            "\\n{FEN/RUR/057}\n"
                            "\\n{ RUR / FEN / 057 / ATT }\n"
                            "\\n{+++}  \\n{ --- }\\n{###}\n"
                            "\\n[prose {} and { just words }]\n"
                            "\\n-{ RUR / XXX / 999 }\n"
                            "\\n{ FEN / XXX / 999 } */\n";
    rd x = OPEN(s);
    const dyad_tabari_record *r = x.rec;
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_STR(r->id, "MULTI-7 extra field");
    CHECK_STR(r->id_word, "MULTI-7");
    CHECK_STR(r->text, "Ruritania and Grand Fenwick signed a fishing pact.");
    CHECK_INT(r->n_items, 10);
    if (r->n_items == 10) {
        CHECK_INT(r->items[0].kind, DYAD_TABARI_EVENT);
        CHECK_STR(r->items[0].date, "990102");
        CHECK_INT(r->items[1].kind, DYAD_TABARI_EVENT);
        CHECK_STR(r->items[1].source, "FEN");
        CHECK(r->items[1].date == NULL);
        CHECK_STR(r->items[2].attrib, "ATT");
        CHECK_INT(r->items[3].kind, DYAD_TABARI_COMPLEX);
        CHECK_INT(r->items[4].kind, DYAD_TABARI_NO_EVENT);
        CHECK_INT(r->items[5].kind, DYAD_TABARI_DISCARD);
        CHECK_INT(r->items[6].kind, DYAD_TABARI_EMPTY);
        CHECK_INT(r->items[7].kind, DYAD_TABARI_OTHER);
        CHECK_STR(r->items[7].raw, "just words");
        CHECK_INT(r->items[8].disabled, 1);
        CHECK_INT(r->items[8].kind, DYAD_TABARI_EVENT);
        CHECK_INT(r->items[9].disabled, 0);
    }
    /* TABARI stops checking at the first disabled item */
    CHECK_INT(r->n_events, 3);
    CHECK_INT(r->disabled, 1);
    CHECK_INT(r->complex, 1);
    CHECK_INT(r->no_events, 1);
    CHECK_INT(r->discard, 1);
    CHECK_INT(r->has_expectation, 1);
    CHECK_INT(r->n_problems, 0);
    dyad_tabari_reader_free(x.r);
}

static void test_options_record(void)
{
    static const char s[] = "950101  OPT-Set\n"
                            "Switching a setting for the next records.\n"
                            "/*\\n{ OPTION: SET: CODE ALL }\n"
                            "\\n{ OPTION:  COMPLEX: VERBS[2]  CONJ[3] } */\n"
                            "\n"
                            "950101  OPT-Broken\n"
                            "Unclosed option brace.\n"
                            "/*\\n{ OPTION: SET: MINIMUM WORDS = 4  */\n";
    rd x = OPEN(s);
    const dyad_tabari_record *r = x.rec;
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_INT(r->n_options, 2);
    if (r->n_options == 2) {
        CHECK_STR(r->options[0], "SET: CODE ALL");
        CHECK_STR(r->options[1], "COMPLEX: VERBS[2]  CONJ[3]");
    }
    CHECK_INT(r->has_expectation, 1);
    CHECK_INT(r->n_events, 0);
    CHECK_INT(r->n_problems, 0);
    CHECK_INT(next(&x), 1);
    r = x.rec;
    CHECK_STR(r->id, "OPT-Broken");
    CHECK_INT(r->n_options, 1);
    if (r->n_options == 1)
        CHECK_STR(r->options[0], "SET: MINIMUM WORDS = 4");
    CHECK_INT(r->n_items, 1);
    if (r->n_items == 1)
        CHECK_INT(r->items[0].closed, 0);
    long k = rec_problem(r, DYAD_TABARI_P_BRACE);
    CHECK(k >= 0);
    if (k >= 0)
        CHECK_INT(r->problems[k].line, 8);
    dyad_tabari_reader_free(x.r);
}

static void test_unterminated_comment(void)
{
    static const char s[] = "950104  OPEN-1\n"
                            "Osterlich welcomed the talks.\n"
                            "/*\\n[note]\n"
                            "\\n{ OST / TAL / 041 } /*\n"
                            "\n"
                            "950105  NEXT-1\n"
                            "The next record reads normally. /* { A / B / 010 } */\n";
    rd x = OPEN(s);
    const dyad_tabari_record *r = x.rec;
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_STR(r->text, "Osterlich welcomed the talks.");
    CHECK_INT(r->n_events, 1); /* still read, as TABARI does */
    long k = rec_problem(r, DYAD_TABARI_P_COMMENT);
    CHECK(k >= 0);
    if (k >= 0) {
        CHECK_INT(r->problems[k].line, 3);
        CHECK(strstr(r->problems[k].message, "line 4") != NULL);
    }
    CHECK_INT(next(&x), 1);
    CHECK_STR(x.rec->id, "NEXT-1");
    CHECK_STR(x.rec->text, "The next record reads normally.");
    CHECK_INT(x.rec->n_events, 1);
    CHECK_INT(x.rec->n_problems, 0);
    dyad_tabari_reader_free(x.r);
}

static void test_bad_dates(void)
{
    static const char s[] = "9501201  SEVEN\nSeven digits.\n\n"
                            "950231 NODAY\nNo such day.\n\n"
                            "186010029 NINE\nNine digits.\n\n"
                            "12 TWO\nTwo digits.\n\n"
                            "19991231 EIGHT\nEight digits.\n\n"
                            "300101 PIVOT-A\nPivot.\n\n"
                            "310101 PIVOT-B\nPivot.\n";
    rd x = OPEN(s);
    const dyad_tabari_record *r = x.rec;
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK(r->date == NULL);
    CHECK_STR(r->date_raw, "9501201");
    CHECK_STR(r->date_tabari, "1995-01-20");
    CHECK_STR(r->id, "SEVEN");
    CHECK_STR(r->text, "Seven digits.");
    long k = rec_problem(r, DYAD_TABARI_P_DATE);
    CHECK(k >= 0);
    if (k >= 0) {
        CHECK_INT(r->problems[k].line, 1);
        CHECK(strstr(r->problems[k].message, "7 digits") != NULL);
    }
    CHECK_INT(next(&x), 1);
    CHECK(x.rec->date == NULL && x.rec->date_tabari == NULL);
    CHECK_INT(x.rec->line, 4);
    CHECK(rec_problem(x.rec, DYAD_TABARI_P_DATE) >= 0);
    CHECK_INT(next(&x), 1);
    CHECK(x.rec->date == NULL);
    CHECK_STR(x.rec->date_tabari, "1860-10-02");
    CHECK_INT(next(&x), 1);
    CHECK(x.rec->date == NULL && x.rec->date_tabari == NULL);
    CHECK_STR(x.rec->date_raw, "12");
    CHECK(rec_problem(x.rec, DYAD_TABARI_P_DATE) >= 0);
    CHECK_INT(next(&x), 1);
    CHECK_STR(x.rec->date, "1999-12-31");
    CHECK_INT(x.rec->n_problems, 0);
    CHECK_INT(next(&x), 1);
    CHECK_STR(x.rec->date, "2030-01-01");
    CHECK_INT(next(&x), 1);
    CHECK_STR(x.rec->date, "1931-01-01");
    CHECK_INT(next(&x), 0);
    dyad_tabari_reader_free(x.r);

    CHECK_STR(dyad_tabari_problem_name(DYAD_TABARI_P_DATE), "date");
    CHECK_STR(dyad_tabari_problem_name(DYAD_TABARI_P_OUTSIDE), "outside");
    CHECK_STR(dyad_tabari_problem_name(DYAD_TABARI_P_LIMIT), "limit");
    CHECK_STR(dyad_tabari_problem_name((dyad_tabari_problem_kind)99), "unknown");

    char out[11];
    CHECK_INT(dyad_tabari_date("000229", 6, out), 0);
    CHECK_STR(out, "2000-02-29");
    CHECK_INT(dyad_tabari_date("990229", 6, out), -1);
    CHECK_INT(dyad_tabari_date("99022", 5, out), -1);
    CHECK_INT(dyad_tabari_date("9902x1", 6, out), -1);
    CHECK_INT(dyad_tabari_date(NULL, 6, out), -1);
}

static void test_crlf(void)
{
    static const char lf[] = "010203 CR-1\nGrand Fenwick praised\nRuritania.\n/* { FEN / RUR / 051 }\n*/\n\n"
                             "010204 CR-2\nSecond.\n";
    static const char crlf[] = "010203 CR-1\r\nGrand Fenwick praised\r\nRuritania.\r\n/* { FEN / RUR / 051 }\r\n*/\r\n\r\n"
                               "010204 CR-2\r\nSecond.\r\n";
    static const char cr[] = "010203 CR-1\rGrand Fenwick praised\rRuritania.\r/* { FEN / RUR / 051 }\r*/\r\r"
                             "010204 CR-2\rSecond.\r";
    const char *in[3] = {lf, crlf, cr};
    size_t len[3] = {sizeof lf - 1, sizeof crlf - 1, sizeof cr - 1};
    for (int i = 0; i < 3; i++) {
        rd x = open_n(in[i], len[i]);
        CHECK(x.rec != NULL);
        if (!x.rec)
            continue;
        CHECK_STR(x.rec->date, "2001-02-03");
        CHECK_STR(x.rec->id, "CR-1");
        CHECK_STR(x.rec->text, "Grand Fenwick praised Ruritania.");
        CHECK_INT(x.rec->n_events, 1);
        CHECK_INT(x.rec->last_line, 5);
        CHECK_INT(x.rec->n_problems, 0);
        CHECK_INT(next(&x), 1);
        CHECK_STR(x.rec->id, "CR-2");
        CHECK_INT(x.rec->line, 7);
        CHECK_INT(next(&x), 0);
        dyad_tabari_reader_free(x.r);
    }
}

static void test_latin1(void)
{
    /* "Zoë" and a Windows-1252 right quote, in a record that is not UTF-8 */
    static const char s[] = "950101 LAT-1\nZo\xEB said \x93yes\x94.\n/* { ZOE / X / 010 } */\n\n"
                            "950101 UTF-1\nZo\xC3\xAB said yes.\n";
    rd x = OPEN(s);
    CHECK(x.rec != NULL);
    if (!x.rec)
        return;
    CHECK_INT(x.rec->converted, 1);
    CHECK_STR(x.rec->text, "Zo\xC3\xAB said \xE2\x80\x9Cyes\xE2\x80\x9D.");
    long k = rec_problem(x.rec, DYAD_TABARI_P_ENCODING);
    CHECK(k >= 0);
    if (k >= 0)
        CHECK_INT(x.rec->problems[k].line, 2);
    CHECK_INT(next(&x), 1);
    CHECK_INT(x.rec->converted, 0);
    CHECK_STR(x.rec->text, "Zo\xC3\xAB said yes.");
    CHECK_INT(x.rec->n_problems, 0);
    dyad_tabari_reader_free(x.r);
}

static void test_nul(void)
{
    static const char s[] = "950101 NUL-1\nBefore\0after the NUL.\n\n950102 NUL-2\nNext.\n";
    rd x = OPEN(s);
    CHECK(x.rec != NULL);
    if (!x.rec)
        return;
    CHECK_STR(x.rec->text, "Before after the NUL."); /* not cut at the NUL */
    CHECK_INT(x.rec->text_len, strlen("Before after the NUL."));
    long k = rec_problem(x.rec, DYAD_TABARI_P_NUL);
    CHECK(k >= 0);
    if (k >= 0)
        CHECK_INT(x.rec->problems[k].line, 2);
    CHECK_INT(next(&x), 1);
    CHECK_STR(x.rec->id, "NUL-2");
    dyad_tabari_reader_free(x.r);

    /* a line of NULs between records is not a blank line: it is reported */
    static const char t[] = "950101 A\nText.\n\n\0\0\n950102 B\nText.\n";
    rd y = OPEN(t);
    CHECK_INT(next(&y), 1);
    CHECK(y.rec && y.rec->stray);
    if (y.rec && y.rec->stray) {
        CHECK(rec_problem(y.rec, DYAD_TABARI_P_NUL) >= 0);
        CHECK(rec_problem(y.rec, DYAD_TABARI_P_STRAY) >= 0);
    }
    CHECK_INT(next(&y), 1);
    CHECK_STR(y.rec->id, "B");
    dyad_tabari_reader_free(y.r);
}

static void test_empty_inputs(void)
{
    static const char blanks[] = "\n\n  \n\t\r\n\r\r\n";
    static const char hashes[] = "# only\n#comments\n";
    CHECK_INT(count_records("", 0), 0);
    CHECK_INT(count_records(NULL, 0), 0);
    CHECK_INT(count_records(NULL, 5), 0);
    CHECK_INT(count_records(blanks, sizeof blanks - 1), 0);
    CHECK_INT(count_records(hashes, sizeof hashes - 1), 0);
    CHECK_INT(count_records("\xEF\xBB\xBF", 3), 0);
    rd x = OPEN("\xEF\xBB\xBF" "950101 BOM\nText.");
    CHECK(x.rec != NULL);
    if (x.rec) {
        CHECK_STR(x.rec->id, "BOM");
        CHECK_STR(x.rec->text, "Text.");
    }
    dyad_tabari_reader_free(x.r);
}

static void test_no_text(void)
{
    static const char s[] = "950101 EMPTY-1\n\n950101 EMPTY-2\n/* {---} */\n\n950101 EMPTY-3";
    rd x = OPEN(s);
    CHECK(x.rec != NULL);
    if (!x.rec)
        return;
    CHECK_STR(x.rec->text, "");
    CHECK_INT(x.rec->text_len, 0);
    CHECK(rec_problem(x.rec, DYAD_TABARI_P_EMPTY) >= 0);
    CHECK_INT(x.rec->has_expectation, 0);
    CHECK_INT(next(&x), 1);
    CHECK_INT(x.rec->no_events, 1);
    CHECK(rec_problem(x.rec, DYAD_TABARI_P_EMPTY) >= 0);
    CHECK_INT(next(&x), 1);
    CHECK_STR(x.rec->id, "EMPTY-3");
    CHECK_INT(x.rec->line, 6);
    CHECK(rec_problem(x.rec, DYAD_TABARI_P_EMPTY) >= 0);
    CHECK_INT(next(&x), 0);
    dyad_tabari_reader_free(x.r);
}

static void test_stray_and_hash(void)
{
    static const char s[] = "Some words before any header\nand a second line\n"
                            "950101 H-1\nHeader right after stray text.\n# not a comment here\n\n"
                            "  950101 indented header is stray\n";
    rd x = OPEN(s);
    CHECK(x.rec != NULL);
    if (!x.rec)
        return;
    CHECK_INT(x.rec->stray, 1);
    CHECK_INT(x.rec->line, 1);
    CHECK_INT(x.rec->last_line, 2);
    CHECK_STR(x.rec->text, "Some words before any header and a second line");
    CHECK(x.rec->header == NULL && x.rec->id == NULL && x.rec->date == NULL);
    CHECK(rec_problem(x.rec, DYAD_TABARI_P_STRAY) >= 0);
    CHECK_INT(next(&x), 1);
    CHECK_INT(x.rec->stray, 0);
    CHECK_STR(x.rec->id, "H-1");
    CHECK_STR(x.rec->text, "Header right after stray text. # not a comment here");
    CHECK_INT(next(&x), 1);
    CHECK_INT(x.rec->stray, 1);
    CHECK_INT(x.rec->line, 7);
    CHECK_INT(next(&x), 0);
    dyad_tabari_reader_free(x.r);
}

static void test_after_comment(void)
{
    /* text continues after a comment; "\n" outside comments reads as a space;
     * braces after the comment closed are expectations (TABARI's checker) */
    static const char s[] = "950101 AFTER-1\n"
                            "Start of text /* {+++} */ middle\n"
                            "\\n end of text.\n"
                            "\n"
                            "950101 AFTER-2\n"
                            "Borduria praised Syldavia.\n"
                            "/* \\n{ BOR / SYL / 051 } */\n"
                            "\\n{ BOR / SYD / 051 } 950101 */\n"
                            "\n"
                            "950101 AFTER-3\n"
                            "No comment here {so braces are text}.\n";
    rd x = OPEN(s);
    CHECK(x.rec != NULL);
    if (!x.rec)
        return;
    CHECK_STR(x.rec->text, "Start of text middle end of text.");
    CHECK_INT(x.rec->complex, 1);
    CHECK_INT(x.rec->n_problems, 0);
    CHECK_INT(next(&x), 1);
    CHECK_STR(x.rec->text, "Borduria praised Syldavia.");
    CHECK_INT(x.rec->n_events, 2);
    if (x.rec->n_events == 2) {
        CHECK_STR(x.rec->events[1]->target, "SYD");
        CHECK_STR(x.rec->events[1]->date, "950101");
    }
    long k = rec_problem(x.rec, DYAD_TABARI_P_OUTSIDE);
    CHECK(k >= 0);
    if (k >= 0)
        CHECK_INT(x.rec->problems[k].line, 8);
    CHECK_INT(next(&x), 1);
    CHECK_STR(x.rec->text, "No comment here {so braces are text}.");
    CHECK_INT(x.rec->n_items, 0);
    dyad_tabari_reader_free(x.r);
}

static void test_stop_record(void)
{
    static const char s[] = "000101 INTRO\nRuns until the \"end of the standard validation "
                            "records\".\n/* {+++} */\n\n"
                            "990101 LAST\nThis is the END OF THE STANDARD VALIDATION RECORDS.\n";
    rd x = OPEN(s);
    CHECK(x.rec != NULL);
    if (!x.rec)
        return;
    CHECK_INT(x.rec->stop, 0); /* it has an expectation */
    CHECK_INT(next(&x), 1);
    CHECK_INT(x.rec->stop, 1);
    CHECK_INT(x.rec->has_expectation, 0);
    dyad_tabari_reader_free(x.r);
}

static void test_limits(void)
{
    /* 5000 braces in one comment: 4096 items kept, the rest counted */
    size_t n = 5000;
    size_t len = 32 + n * 2 + 8;
    char *s = malloc(len);
    if (!s)
        return;
    size_t o = (size_t)snprintf(s, len, "950101 MANY\nText.\n/*");
    for (size_t i = 0; i < n; i++) {
        s[o++] = '{';
        s[o++] = '}';
    }
    memcpy(s + o, "*/\n", 3);
    o += 3;
    rd x = open_n(s, o);
    CHECK(x.rec != NULL);
    if (x.rec) {
        CHECK_INT(x.rec->n_items, 4096);
        long k = rec_problem(x.rec, DYAD_TABARI_P_LIMIT);
        CHECK(k >= 0);
        if (k >= 0)
            CHECK(strstr(x.rec->problems[k].message, "904 more") != NULL);
    }
    dyad_tabari_reader_free(x.r);
    /* 300 unclosed braces: 256 problems, the last one counts the rest */
    o = (size_t)snprintf(s, len, "950101 PROBS\nText.\n/*");
    for (size_t i = 0; i < 300; i++)
        s[o++] = '{';
    memcpy(s + o, "*/\n", 3);
    o += 3;
    x = open_n(s, o);
    CHECK(x.rec != NULL);
    if (x.rec) {
        CHECK_INT(x.rec->n_problems, 256);
        CHECK_INT(x.rec->problems[255].kind, DYAD_TABARI_P_LIMIT);
        CHECK(strstr(x.rec->problems[255].message, "45 more") != NULL);
    }
    dyad_tabari_reader_free(x.r);
    free(s);
}

/* --------------------------------------------------------------- options */

static void test_options(void)
{
    static const char s[] = "// a comment\n"
                            "COMPLEX: VERBS[3] EXPLAIN\r\n"
                            "   SET:  Skip   Records = false  \n"
                            "SET: CHECK DOMINANT=TRUE\n"
                            "SET: CODE BY CLAUSE\n"
                            "not a command line\n"
                            "SET: = 4\n"
                            "LABEL: 010=Caf\xE9 talk\n"
                            "set: skip records = TRUE\n"
                            "~~~~~\n"
                            "SET: AFTER END = TRUE\n";
    dyad_tabari_options *o = dyad_tabari_options_parse(s, sizeof s - 1);
    CHECK(o != NULL);
    if (!o)
        return;
    CHECK_INT(o->n_cmds, 6);
    CHECK_INT(o->end_line, 10);
    if (o->n_cmds == 6) {
        CHECK_STR(o->cmds[0].command, "COMPLEX");
        CHECK_STR(o->cmds[0].arg, "VERBS[3] EXPLAIN");
        CHECK(o->cmds[0].name == NULL);
        CHECK_INT(o->cmds[0].line, 2);
        CHECK_STR(o->cmds[1].name, "Skip Records");
        CHECK_STR(o->cmds[1].value, "false");
        CHECK_STR(o->cmds[3].name, "CODE BY CLAUSE");
        CHECK_STR(o->cmds[3].value, "");
        CHECK_STR(o->cmds[4].arg, "010=Caf\xC3\xA9 talk");
    }
    CHECK_STR(dyad_tabari_options_get(o, "skip records"), "TRUE"); /* the last one wins */
    CHECK_STR(dyad_tabari_options_get(o, "  CHECK   dominant "), "TRUE");
    CHECK_STR(dyad_tabari_options_get(o, "code by clause"), "");
    CHECK(dyad_tabari_options_get(o, "after end") == NULL);
    CHECK(dyad_tabari_options_get(o, "skip") == NULL);
    CHECK_INT(dyad_tabari_options_bool(o, "skip records", -1), 1);
    CHECK_INT(dyad_tabari_options_bool(o, "code by clause", -1), -1);
    CHECK_INT(dyad_tabari_options_bool(o, "absent", 0), 0);
    CHECK_STR(dyad_tabari_options_command(o, "complex"), "VERBS[3] EXPLAIN");
    CHECK(dyad_tabari_options_command(o, "OUTPUT") == NULL);
    CHECK_INT(o->n_problems, 3);
    long k = find_problem(o->problems, o->n_problems, DYAD_TABARI_P_SYNTAX);
    CHECK(k >= 0);
    if (k >= 0)
        CHECK_INT(o->problems[k].line, 6);
    k = find_problem(o->problems, o->n_problems, DYAD_TABARI_P_ENCODING);
    CHECK(k >= 0);
    if (k >= 0)
        CHECK_INT(o->problems[k].line, 8);

    /* a record's OPTION command applied on top */
    CHECK_INT(dyad_tabari_options_add(o, "SET: SKIP RECORDS = FALSE", 25, 4001), 0);
    CHECK_INT(dyad_tabari_options_bool(o, "Skip Records", -1), 0);
    CHECK_INT(dyad_tabari_options_add(o, "no colon", 8, 4002), 1);
    CHECK_INT(dyad_tabari_options_add(o, "SET: A\0B = 1", 12, 4003), 0);
    CHECK_STR(dyad_tabari_options_get(o, "a b"), "1");
    dyad_tabari_options_free(o);

    dyad_tabari_options *e = dyad_tabari_options_new();
    CHECK(e != NULL);
    CHECK(dyad_tabari_options_get(e, "x") == NULL);
    CHECK_INT(dyad_tabari_options_add(e, "OUTPUT: ID", 10, 1), 0);
    CHECK_STR(dyad_tabari_options_command(e, "output"), "ID");
    dyad_tabari_options_free(e);
    dyad_tabari_options *z = dyad_tabari_options_parse(NULL, 0);
    CHECK(z != NULL && z->n_cmds == 0 && z->n_problems == 0);
    dyad_tabari_options_free(z);
}

/* --------------------------------------------------------------- project */

static void test_project(void)
{
    static const char s[] = "My coding project\r\n"
                            "<actorsfile>\tone.actors\r\n"
                            "<actorsfile> /abs/two.actors\r\n"
                            "<verbsfile>  main.verbs\r\n"
                            "<agentsfile> my.agents\r\n"
                            "<optionsfile> run.options\r\n"
                            "<textfile>\t\tinput.text <xml tag>\r\n"
                            "<eventfile> out.evt\r\n"
                            "<errorfile> run.err\r\n"
                            "<coder> ME\r\n"
                            "<system> rm -rf nothing\r\n"
                            "<bogus> x\r\n"
                            "<verbsfile>\r\n"
                            "<textfile no close\r\n"
                            "a loose line\r\n"
                            "<session 1> <coder X> <date Mon> <records 3>\r\n"
                            "<session 2> <coder X> <date Tue> <records 4>\r\n";
    dyad_tabari_project *p = dyad_tabari_project_parse(s, sizeof s - 1, "dir/sub/my.project");
    CHECK(p != NULL);
    if (!p)
        return;
    CHECK_STR(p->dir, "dir/sub");
    CHECK_STR(p->title, "My coding project");
    CHECK_INT(p->n_actors, 2);
    if (p->n_actors == 2) {
        CHECK_STR(p->actors[0], "dir/sub/one.actors");
        CHECK_STR(p->actors[1], "/abs/two.actors");
    }
    CHECK_INT(p->n_verbs, 1);
    if (p->n_verbs)
        CHECK_STR(p->verbs[0], "dir/sub/main.verbs");
    CHECK_INT(p->n_agents, 1);
    CHECK_INT(p->n_texts, 1);
    if (p->n_texts)
        CHECK_STR(p->texts[0], "dir/sub/input.text");
    CHECK_STR(p->options, "dir/sub/run.options");
    CHECK_STR(p->events, "dir/sub/out.evt");
    CHECK_STR(p->errors, "dir/sub/run.err");
    CHECK_STR(p->coder, "ME");
    CHECK(p->output == NULL && p->problem == NULL);
    CHECK_INT(p->n_sessions, 2);
    CHECK_INT(p->n_tags, 12);
    if (p->n_tags >= 2) {
        CHECK_STR(p->tags[0].name, "actorsfile");
        CHECK_STR(p->tags[0].value, "one.actors");
        CHECK_INT(p->tags[0].line, 2);
    }
    /* unknown tag, empty verbsfile, no '>', a loose line */
    CHECK_INT(p->n_problems, 4);
    CHECK(find_problem(p->problems, p->n_problems, DYAD_TABARI_P_MISSING) < 0);
    dyad_tabari_project_free(p);

    dyad_tabari_project *q = dyad_tabari_project_parse("<actorsfile> a\n", 15, "top.project");
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->dir, "");
        CHECK_STR(q->actors[0], "a");
        CHECK(q->title == NULL);
        CHECK_INT(q->n_problems, 2); /* no verbs, no text */
        CHECK_INT(q->problems[0].kind, DYAD_TABARI_P_MISSING);
    }
    dyad_tabari_project_free(q);
    q = dyad_tabari_project_parse("<verbsfile> v\n", 14, "/root.project");
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->verbs[0], "/v");
        CHECK_INT(q->n_problems, 2);
    }
    dyad_tabari_project_free(q);
    q = dyad_tabari_project_parse(NULL, 0, NULL);
    CHECK(q != NULL && q->n_problems == 3);
    dyad_tabari_project_free(q);
}

/* ------------------------------------------------------- ../shared/tabari */

static const char *shared_dir(void)
{
    const char *s = getenv("DYAD_SHARED");
    return s && *s ? s : "../shared";
}

static char *read_shared(const char *name, size_t *len, char *path, size_t pathlen)
{
    char err[512];
    snprintf(path, pathlen, "%s/tabari/%s", shared_dir(), name);
    return dyad_read_file(path, len, err, sizeof err);
}

static void test_shared_validate(void)
{
    char path[1024];
    size_t len;
    char *buf = read_shared("Validate.text", &len, path, sizeof path);
    if (!buf)
        SKIP("../shared/tabari/Validate.text absent (set DYAD_SHARED)");
    dyad_tabari_reader *r = dyad_tabari_reader_new(buf, len);
    const dyad_tabari_record *rec;
    int n = 0, stray = 0, before = 1, std = 0, opt = 0, expect = 0, events = 0, anyevent = 0;
    int complex = 0, noev = 0, discard = 0, probs = 0;
    long stop_line = 0;
    while (dyad_tabari_next(r, &rec) == 1) {
        if (rec->stray) {
            stray++;
            continue;
        }
        n++;
        if (before && rec->stop) {
            before = 0;
            stop_line = rec->line;
            CHECK_STR(rec->id, "FINAL-01");
        }
        if (!before)
            continue;
        std++;
        probs += rec->n_problems > 0;
        if (rec->n_options) {
            opt++;
            continue;
        }
        expect += rec->has_expectation;
        events += rec->n_events > 0;
        int any = 0;
        for (size_t i = 0; i < rec->n_items; i++)
            any |= rec->items[i].kind == DYAD_TABARI_EVENT;
        anyevent += any;
        complex += rec->complex;
        noev += rec->no_events;
        discard += rec->discard;
    }
    dyad_tabari_reader_free(r);
    free(buf);
    CHECK_INT(n, 481);
    CHECK_INT(stray, 0);
    CHECK_INT(stop_line, 3993);
    CHECK_INT(std, 472);
    CHECK_INT(opt, 23);
    CHECK_INT(expect, 449);
    CHECK_INT(anyevent, 406);
    CHECK_INT(events, 401);
    CHECK_INT(complex, 21);
    CHECK_INT(noev, 16);
    CHECK_INT(discard, 7);
    CHECK_INT(probs, 9);
}

static void test_shared_demo_and_files(void)
{
    char path[1024];
    size_t len;
    char *buf = read_shared("TABARI.Demo.text", &len, path, sizeof path);
    if (!buf)
        SKIP("../shared/tabari absent (set DYAD_SHARED)");
    CHECK_INT(count_records(buf, len), 46);
    free(buf);

    buf = read_shared("Validate.project", &len, path, sizeof path);
    CHECK(buf != NULL);
    if (buf) {
        dyad_tabari_project *p = dyad_tabari_project_parse(buf, len, path);
        CHECK(p != NULL);
        if (p) {
            CHECK_INT(p->n_actors, 1);
            CHECK_INT(p->n_verbs, 1);
            CHECK_INT(p->n_agents, 1);
            CHECK_INT(p->n_texts, 1);
            CHECK(p->n_texts && strstr(p->texts[0], "/Validate.text") != NULL);
            CHECK(p->options && strstr(p->options, "/Validate.options") != NULL);
            CHECK_INT(p->n_problems, 0);
            CHECK(p->n_sessions > 100);
        }
        dyad_tabari_project_free(p);
        free(buf);
    }
    static const struct {
        const char *file;
        size_t cmds;
        size_t problems;
    } opts[] = {{"Validate.options", 96, 0}, {"TABARI.Demo.options", 93, 0},
                {"CAMEO.09b5.options", 296, 1}};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
        buf = read_shared(opts[i].file, &len, path, sizeof path);
        CHECK(buf != NULL);
        if (!buf)
            continue;
        dyad_tabari_options *o = dyad_tabari_options_parse(buf, len);
        CHECK(o != NULL);
        if (o) {
            CHECK_INT(o->n_cmds, opts[i].cmds);
            CHECK_INT(o->n_problems, opts[i].problems);
            CHECK(o->end_line > 0);
            CHECK(dyad_tabari_options_command(o, "COMPLEX") != NULL);
        }
        if (o && i == 0) {
            CHECK_INT(dyad_tabari_options_bool(o, "skip records", -1), 0);
            CHECK_INT(dyad_tabari_options_bool(o, "label", -1), 1);
        }
        dyad_tabari_options_free(o);
        free(buf);
    }
}

int main(void)
{
    RUN(test_good_record);
    RUN(test_multiple_expectations);
    RUN(test_options_record);
    RUN(test_unterminated_comment);
    RUN(test_bad_dates);
    RUN(test_crlf);
    RUN(test_latin1);
    RUN(test_nul);
    RUN(test_empty_inputs);
    RUN(test_no_text);
    RUN(test_stray_and_hash);
    RUN(test_after_comment);
    RUN(test_stop_record);
    RUN(test_limits);
    RUN(test_options);
    RUN(test_project);
    RUN(test_shared_validate);
    RUN(test_shared_demo_and_files);
    DONE();
}
