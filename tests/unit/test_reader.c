/*
 * test_reader.c — the article readers: text, JSON Lines, PETRARCH XML and
 * TABARI records. The check on PETRARCH's own XML files reads ../shared (or
 * $DYAD_SHARED) and is skipped when it is absent.
 */
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "fileio.h"
#include "harness.h"
#include "reader.h"
#include "utf8.h"

#define MAXREC 16

typedef struct got {
    int n_art, n_rej;
    char id[MAXREC][64], date[MAXREC][16], outlet[MAXREC][64], url[MAXREC][64];
    size_t text_len[MAXREC];
    const char *text[MAXREC];
    char textc[MAXREC][96];    /* a copy of the text (XML, TABARI: not in the buffer) */
    char parse[MAXREC][24];    /* the start of the parse, "(null)" when none */
    size_t parse_len[MAXREC];
    dyad_error rej[MAXREC];
    char seq[64];              /* 'a' per article, 'r' per reject, in call order */
    int stop_after; /* stop reading after this many articles (0 = never) */
} got;

static void add_seq(got *g, char c)
{
    size_t n = strlen(g->seq);
    if (n + 1 < sizeof g->seq)
        g->seq[n] = c;
}

static int on_art(void *ctx, const dyad_article *a)
{
    got *g = ctx;
    if (g->n_art < MAXREC) {
        snprintf(g->id[g->n_art], 64, "%s", a->id);
        snprintf(g->date[g->n_art], 16, "%s", a->date);
        snprintf(g->outlet[g->n_art], 64, "%s", a->outlet ? a->outlet : "(null)");
        snprintf(g->url[g->n_art], 64, "%s", a->url ? a->url : "(null)");
        g->text_len[g->n_art] = a->text_len;
        g->text[g->n_art] = a->text;
        snprintf(g->textc[g->n_art], 96, "%.*s", (int)(a->text_len < 95 ? a->text_len : 95),
                 a->text);
        snprintf(g->parse[g->n_art], 24, "%.*s",
                 a->parse ? (int)(a->parse_len < 23 ? a->parse_len : 23) : 6,
                 a->parse ? a->parse : "(null)");
        g->parse_len[g->n_art] = a->parse_len;
    }
    add_seq(g, 'a');
    g->n_art++;
    return g->stop_after && g->n_art >= g->stop_after;
}

static void on_rej(void *ctx, const dyad_error *e)
{
    got *g = ctx;
    if (g->n_rej < MAXREC)
        g->rej[g->n_rej] = *e;
    add_seq(g, 'r');
    g->n_rej++;
}

static dyad_status rd(got *g, const char *name, const char *buf, size_t len,
                      dyad_input_format fmt, const char *date)
{
    memset(g, 0, sizeof *g);
    return dyad_read_articles(name, buf, len, fmt, date, on_art, on_rej, g);
}

#define RD(g, name, s, fmt, date) rd(g, name, s, sizeof(s) - 1, fmt, date)

static void test_txt_good(void)
{
    got g;
    static const char s[] = "  date 2024-02-02 Qatar hosted the talks.\n";
    CHECK_INT(RD(&g, "dir/sub/2024-talks.txt", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_INT(g.n_rej, 0);
    CHECK_STR(g.id[0], "2024-talks");
    CHECK_STR(g.date[0], "2024-02-02");
    CHECK_STR(g.outlet[0], "(null)");
    CHECK_STR(g.url[0], "(null)");
    /* the text is the whole buffer, date token included */
    CHECK_INT(g.text_len[0], sizeof s - 1);
    CHECK(g.text[0] == s);

    /* YYYYMMDD, upper-case keyword, stdin name, BOM */
    static const char s2[] = "\xEF\xBB\xBF" "DATE 20240229\nText here.";
    CHECK_INT(RD(&g, "-", s2, DYAD_INPUT_TEXT, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_STR(g.id[0], "stdin");
    CHECK_STR(g.date[0], "2024-02-29");

    /* unknown extension → text */
    static const char s3[] = "date 1999-12-31 Words.";
    CHECK_INT(RD(&g, "notes.v2.md", s3, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_STR(g.id[0], "notes.v2");
    CHECK_STR(g.date[0], "1999-12-31");
}

static void test_txt_override(void)
{
    got g;
    static const char s[] = "date 2024-02-02 Egypt welcomed the offer.";
    CHECK_INT(RD(&g, "a.txt", s, DYAD_INPUT_AUTO, "2023-01-05"), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_STR(g.date[0], "2023-01-05");
    static const char s2[] = "No date token here, Egypt welcomed the offer.";
    CHECK_INT(RD(&g, "b.txt", s2, DYAD_INPUT_AUTO, "20230105"), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_STR(g.date[0], "2023-01-05");
    /* override wins even over a bad token */
    static const char s3[] = "date 2024-02-30 Words.";
    CHECK_INT(RD(&g, "c.txt", s3, DYAD_INPUT_AUTO, "2024-03-01"), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_STR(g.date[0], "2024-03-01");
    /* a bad override aborts with BAD_DATE and one reject */
    CHECK_INT(RD(&g, "c.txt", s3, DYAD_INPUT_AUTO, "2024-13-01"), DYAD_ERR_BAD_DATE);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BAD_DATE);
}

static void test_txt_missing_date(void)
{
    got g;
    static const char s[] = "Qatar hosted the talks on Friday.";
    CHECK_INT(RD(&g, "x/missing.txt", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BAD_DATE);
    CHECK_STR(g.rej[0].file, "x/missing.txt");
    CHECK(strstr(g.rej[0].message, "no date") != NULL);
    /* "date" followed by a word is not a token */
    static const char s2[] = "Date palms grew along the river.";
    CHECK_INT(RD(&g, "palms.txt", s2, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BAD_DATE);
}

static void test_txt_bad_date(void)
{
    got g;
    static const char s[] = "\n\ndate 2024-02-30 Words follow.";
    CHECK_INT(RD(&g, "bad.txt", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BAD_DATE);
    CHECK_INT(g.rej[0].line, 3);
    CHECK(strstr(g.rej[0].message, "2024-02-30") != NULL);
    CHECK(strstr(g.rej[0].message, "no such day") != NULL);
    static const char s2[] = "date 2024-2-3 Words follow.";
    CHECK_INT(RD(&g, "bad.txt", s2, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK(strstr(g.rej[0].message, "expected YYYY-MM-DD") != NULL);
}

static void test_dates(void)
{
    char out[11];
    CHECK_INT(dyad_date_parse("2024-02-29", 10, out), DYAD_DATE_OK);
    CHECK_STR(out, "2024-02-29");
    CHECK_INT(dyad_date_parse("20000229", 8, out), DYAD_DATE_OK);
    CHECK_STR(out, "2000-02-29");
    CHECK_INT(dyad_date_parse("1900-02-29", 10, out), DYAD_DATE_INVALID);
    CHECK_INT(dyad_date_parse("2023-02-29", 10, out), DYAD_DATE_INVALID);
    CHECK_INT(dyad_date_parse("2024-04-31", 10, out), DYAD_DATE_INVALID);
    CHECK_INT(dyad_date_parse("2024-00-10", 10, out), DYAD_DATE_INVALID);
    CHECK_INT(dyad_date_parse("2024-12-00", 10, out), DYAD_DATE_INVALID);
    CHECK_INT(dyad_date_parse("0000-01-01", 10, out), DYAD_DATE_INVALID);
    CHECK_INT(dyad_date_parse("2024-12-31", 10, out), DYAD_DATE_OK);
    CHECK_INT(dyad_date_parse("2024/12/31", 10, out), DYAD_DATE_SYNTAX);
    CHECK_INT(dyad_date_parse("2024-1-031", 10, out), DYAD_DATE_SYNTAX);
    CHECK_INT(dyad_date_parse("202412311", 9, out), DYAD_DATE_SYNTAX);
    CHECK_INT(dyad_date_parse("", 0, out), DYAD_DATE_SYNTAX);
    CHECK_INT(dyad_date_parse(NULL, 0, out), DYAD_DATE_SYNTAX);
}

static void test_date_token(void)
{
    size_t ts, te, vs, ve;
    static const char s[] = " date 2024-02-02 The";
    CHECK_INT(dyad_find_date_token(s, sizeof s - 1, &ts, &te, &vs, &ve), 1);
    CHECK_INT(ts, 1);
    CHECK_INT(te, 16);
    CHECK_INT(vs, 6);
    CHECK_INT(ve, 16);
    CHECK_INT(dyad_find_date_token("date 2024-02-02", 15, &ts, &te, &vs, &ve), 1);
    CHECK_INT(te, 15);
    CHECK_INT(dyad_find_date_token("date2024-02-02 x", 16, &ts, &te, &vs, &ve), 0);
    CHECK_INT(dyad_find_date_token("date 2024-02-02x", 16, &ts, &te, &vs, &ve), 0);
    CHECK_INT(dyad_find_date_token("update 2024-02-02", 17, &ts, &te, &vs, &ve), 0);
    CHECK_INT(dyad_find_date_token("Date: 20240202\n", 15, &ts, &te, &vs, &ve), 1);
    CHECK_INT(vs, 6);
    CHECK_INT(ve, 14);
    CHECK_INT(dyad_find_date_token("date:2024-02-02 x", 17, &ts, &te, &vs, &ve), 0);
    CHECK_INT(dyad_find_date_token("dat", 3, &ts, &te, &vs, &ve), 0);
    CHECK_INT(dyad_find_date_token("", 0, &ts, &te, &vs, &ve), 0);
}

static void test_ids_and_formats(void)
{
    char *id = dyad_id_from_name("/a/b.c/file.name.txt");
    CHECK_STR(id, "file.name");
    free(id);
    id = dyad_id_from_name(".hidden");
    CHECK_STR(id, ".hidden");
    free(id);
    id = dyad_id_from_name("dir/");
    CHECK_STR(id, "article");
    free(id);
    id = dyad_id_from_name("-");
    CHECK_STR(id, "stdin");
    free(id);
    CHECK_INT(dyad_input_format_for("x/a.jsonl"), DYAD_INPUT_JSONL);
    CHECK_INT(dyad_input_format_for("A.JSONL"), DYAD_INPUT_JSONL);
    CHECK_INT(dyad_input_format_for("a.jsonl.txt"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("a.json"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("a.jsonlx"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("jsonl.d/a"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("-"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("in/PETR.UnitTest.records.xml"), DYAD_INPUT_PETRARCH_XML);
    CHECK_INT(dyad_input_format_for("A.XmL"), DYAD_INPUT_PETRARCH_XML);
    CHECK_INT(dyad_input_format_for("a.xml.txt"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("a.xmlx"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("dir/.xml"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("xml.d/a"), DYAD_INPUT_TEXT);
    /* TABARI input is only ever chosen explicitly */
    CHECK_INT(dyad_input_format_for("Validate.text"), DYAD_INPUT_TEXT);
    CHECK_INT(dyad_input_format_for("a.tabari"), DYAD_INPUT_TEXT);
}

static void test_jsonl(void)
{
    got g;
    static const char s[] =
        "{\"id\": \"a1\", \"date\": \"2024-02-02\", \"text\": \"Qatar hosted talks.\"}\n"  /* 1 ok */
        "\n"                                                                          /* 2 blank */
        "{\"id\": 7, \"date\": \"20240203\", \"text\": \"Egypt spoke.\", \"outlet\": \"Wire\", "
        "\"url\": \"http://x/y\"}\r\n"                                                 /* 3 ok */
        "{\"id\": \"b\", \"date\": \"2024-02-02\", \"text\": \"x\",}\n"               /* 4 bad JSON */
        "{\"id\": \"c\", \"text\": \"No date.\"}\n"                                   /* 5 no date */
        "{\"id\": \"d\", \"date\": \"2023-02-29\", \"text\": \"Bad day.\"}\n"         /* 6 bad date */
        "{\"id\": \"\", \"date\": \"2024-02-02\", \"text\": \"Empty id.\"}\n"         /* 7 empty id */
        "{\"id\": \"e\", \"date\": \"2024-02-02\", \"text\": \"  \\n \"}\n"           /* 8 empty */
        "   \t \n"                                                                    /* 9 blank */
        "[1, 2]\n"                                                                    /* 10 not obj */
        "{\"id\": \"f\", \"date\": \"2024-02-02\", \"text\": \"caf\xC3\xA9 ok\", \"outlet\": null}\n" /* 11 ok */
        "{\"id\": \"g\", \"date\": \"2024-02-02\", \"text\": \"bad \xC3( utf\"}\n"   /* 12 utf8 */
        "{\"id\": \"h\", \"date\": \"2024-02-02\"}\n"                                 /* 13 no text */
        "{\"id\": \"i\", \"date\": \"2024-02-02\", \"text\": \"date 2024-02-02 \"}\n" /* 14 empty */
        "{\"id\": [1], \"date\": \"2024-02-02\", \"text\": \"t\"}\n"                  /* 15 bad id */
        "{\"id\": \"j\", \"date\": \"2024-02-02\", \"text\": \"last, no newline\"}"; /* 16 ok */
    CHECK_INT(RD(&g, "in/batch.jsonl", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 4);
    CHECK_INT(g.n_rej, 10);
    CHECK_STR(g.id[0], "a1");
    CHECK_STR(g.date[0], "2024-02-02");
    CHECK_INT(g.text_len[0], strlen("Qatar hosted talks."));
    CHECK_STR(g.id[1], "7");
    CHECK_STR(g.date[1], "2024-02-03");
    CHECK_STR(g.outlet[1], "Wire");
    CHECK_STR(g.url[1], "http://x/y");
    CHECK_STR(g.id[2], "f");
    CHECK_STR(g.outlet[2], "(null)");
    CHECK_INT(g.text_len[2], 8);
    CHECK_STR(g.id[3], "j");
    static const long want_lines[] = {4, 5, 6, 7, 8, 10, 12, 13, 14, 15};
    static const dyad_status want_codes[] = {
        DYAD_ERR_FORMAT, DYAD_ERR_BAD_DATE, DYAD_ERR_BAD_DATE, DYAD_ERR_FORMAT, DYAD_ERR_EMPTY,
        DYAD_ERR_FORMAT, DYAD_ERR_BAD_UTF8, DYAD_ERR_FORMAT,   DYAD_ERR_EMPTY, DYAD_ERR_FORMAT};
    for (int i = 0; i < 10 && i < g.n_rej; i++) {
        CHECK_INT(g.rej[i].line, want_lines[i]);
        CHECK_INT(g.rej[i].code, want_codes[i]);
        CHECK_STR(g.rej[i].file, "in/batch.jsonl");
    }
    CHECK(strstr(g.rej[0].message, "bad JSON at column") != NULL);
    CHECK(strstr(g.rej[1].message, "missing field \"date\"") != NULL);
    CHECK(strstr(g.rej[3].message, "empty field \"id\"") != NULL);
    CHECK(strstr(g.rej[5].message, "JSON object") != NULL);
    CHECK(strstr(g.rej[6].message, "not valid UTF-8 at byte") != NULL);
    CHECK(strstr(g.rej[6].message, "(line 12)") != NULL);
    CHECK(strstr(g.rej[7].message, "missing field \"text\"") != NULL);

    /* with an override the missing and bad dates are fine */
    CHECK_INT(RD(&g, "in/batch.jsonl", s, DYAD_INPUT_AUTO, "2020-01-01"), DYAD_OK);
    CHECK_INT(g.n_art, 6);
    CHECK_INT(g.n_rej, 8);
    CHECK_STR(g.date[0], "2020-01-01");

    /* stopping from the callback */
    memset(&g, 0, sizeof g);
    g.stop_after = 1;
    CHECK_INT(dyad_read_articles("b.jsonl", s, sizeof s - 1, DYAD_INPUT_AUTO, NULL, on_art,
                                 on_rej, &g),
              DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_INT(g.n_rej, 0);

    /* forced JSONL on a .txt name; empty JSONL */
    static const char one[] = "{\"id\":\"z\",\"date\":\"2024-01-01\",\"text\":\"Hi there.\"}\n";
    CHECK_INT(RD(&g, "a.txt", one, DYAD_INPUT_JSONL, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_INT(RD(&g, "a.jsonl", "\n\n  \n", DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    /* a NUL escape inside a JSON string is rejected, not truncated */
    static const char nul[] = "{\"id\":\"z\",\"date\":\"2024-01-01\",\"text\":\"a\\u0000b\"}\n";
    CHECK_INT(RD(&g, "n.jsonl", nul, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
}

static void test_utf8(void)
{
    got g;
    static const char s[] = "date 2024-02-02\nline two\nbad \xE2\x82 here";
    CHECK_INT(RD(&g, "u.txt", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BAD_UTF8);
    CHECK_INT(g.rej[0].offset, 29);
    CHECK_INT(g.rej[0].line, 3);
    CHECK(strstr(g.rej[0].message, "not valid UTF-8 at byte 29 (line 3)") != NULL);

    /* overlong, surrogate, too large, truncated: each rejected at its byte */
    static const char ov[] = "date 2024-02-02 ok \xE0\x80\xAF";
    CHECK_INT(RD(&g, "u.txt", ov, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].offset, 19);
    static const char sur[] = "date 2024-02-02 ok \xED\xA0\x80";
    CHECK_INT(RD(&g, "u.txt", sur, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    static const char big[] = "date 2024-02-02 ok \xF4\x90\x80\x80";
    CHECK_INT(RD(&g, "u.txt", big, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    static const char tr[] = "date 2024-02-02 ok \xF0\x9F\x98";
    CHECK_INT(RD(&g, "u.txt", tr, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    static const char good[] = "date 2024-02-02 caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80";
    CHECK_INT(RD(&g, "u.txt", good, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_INT(g.n_rej, 0);
}

static void test_binary(void)
{
    got g;
    static const char s[] = "date 2024-02-02 text\0more";
    CHECK_INT(RD(&g, "b.txt", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BINARY);
    CHECK_INT(g.rej[0].offset, 20);
    static const char c[] = "date 2024-02-02 \x01\x02\x03\x04\x05\x06 junk";
    CHECK_INT(RD(&g, "c.txt", c, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BINARY);
    /* one stray control byte in a long text is not binary */
    static const char ok[] = "date 2024-02-02 Some text \x07 with a bell in it, and more.";
    CHECK_INT(RD(&g, "ok.txt", ok, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    /* binary JSONL: one reject for the file, not one per line */
    static const char bj[] = "\x7F" "ELF\x02\x01\x01\0\0\0\n\x01\x02\n\x03\n";
    CHECK_INT(RD(&g, "x.jsonl", bj, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BINARY);
}

static void test_empty(void)
{
    got g;
    CHECK_INT(rd(&g, "e.txt", "", 0, DYAD_INPUT_AUTO, "2024-01-01"), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    CHECK_INT(rd(&g, "e.txt", NULL, 0, DYAD_INPUT_AUTO, "2024-01-01"), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(RD(&g, "e.txt", " \n\t\r\n ", DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    CHECK_INT(RD(&g, "e.txt", "date 2024-02-02 \n\n", DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    CHECK_INT(RD(&g, "e.txt", "\xEF\xBB\xBF  ", DYAD_INPUT_AUTO, "2024-01-01"), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    CHECK_INT(dyad_read_articles("x", NULL, 5, DYAD_INPUT_AUTO, NULL, NULL, NULL, NULL),
              DYAD_ERR_INVALID_ARG);
    /* NULL callbacks are allowed */
    CHECK_INT(dyad_read_articles("x", "date 2024-01-01 a", 17, DYAD_INPUT_AUTO, NULL, NULL,
                                 NULL, NULL),
              DYAD_OK);
}

/* ------------------------------------------------------------ PETRARCH XML */

static void test_xml_records(void)
{
    got g;
    static const char s[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                            /* 1 */
        "<Sentences>\n"                                                           /* 2 */
        "<Sentence date=\"20150813\" id=\"A_1\" source=\"AFP\" sentence=\"True\">\n" /* 3 */
        "<Text>Israel met Egypt &amp; Jordan in Caf&#233;.</Text>\n"
        "<Parse>\n(ROOT (S (NP (NNP Israel)) (VP (VBD met) (NP (NNP Egypt))) (. .)))\n"
        "</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"150814\" id=\"A_2\" sentence=\"false\">\n"             /* 8 */
        "<Text>\n  Qatar   hosted\n the talks.\n</Text>\n"
        "<Parse>\n"
        "1\tQatar\tQatar\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\thosted\thost\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\" 2015-08-15 \" id=\"A_3\" source=\"\">"
        "<Text>Iran spoke.</Text><Parse>  </Parse></Sentence>\n"
        "</Sentences>\n";
    CHECK_INT(RD(&g, "x/batch.xml", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 3);
    CHECK_INT(g.n_rej, 0);
    CHECK_STR(g.id[0], "A_1");
    CHECK_STR(g.date[0], "2015-08-13");
    CHECK_STR(g.outlet[0], "AFP");
    CHECK_STR(g.url[0], "(null)");
    CHECK_STR(g.textc[0], "Israel met Egypt & Jordan in Caf\xC3\xA9.");
    CHECK_STR(g.parse[0], "\n(ROOT (S (NP (NNP Isra"); /* raw <Parse> content */
    CHECK(g.parse_len[0] > 60);
    /* sentence="false" is still an article; a CoNLL-U parse is not passed on */
    CHECK_STR(g.id[1], "A_2");
    CHECK_STR(g.date[1], "2015-08-14");
    CHECK_STR(g.outlet[1], "(null)");
    CHECK_STR(g.textc[1], "Qatar hosted the talks.");
    CHECK_STR(g.parse[1], "(null)");
    CHECK_INT(g.parse_len[1], 0);
    CHECK_STR(g.id[2], "A_3");
    CHECK_STR(g.date[2], "2015-08-15");
    CHECK_STR(g.outlet[2], "(null)");
    CHECK_STR(g.parse[2], "(null)");

    /* forced format on any name; the override wins */
    CHECK_INT(RD(&g, "-", s, DYAD_INPUT_PETRARCH_XML, "2001-02-03"), DYAD_OK);
    CHECK_INT(g.n_art, 3);
    CHECK_STR(g.date[0], "2001-02-03");
    CHECK_STR(g.date[2], "2001-02-03");
    /* stopping from the callback */
    memset(&g, 0, sizeof g);
    g.stop_after = 2;
    CHECK_INT(dyad_read_articles("b.xml", s, sizeof s - 1, DYAD_INPUT_AUTO, NULL, on_art,
                                 on_rej, &g),
              DYAD_OK);
    CHECK_INT(g.n_art, 2);
    CHECK_INT(g.n_rej, 0);
}

static void test_xml_unittest_variant(void)
{
    got g;
    /* <Environment>, <Config> and <EventCoding> are not articles */
    static const char s[] =
        "<Validation>\n"
        "<!-- comments <Sentence id=\"no\"> are not records -->\n"
        "<Environment>\n<Verbfile>CAMEO.2.0.txt</Verbfile>\n"
        "<Config option=\"new_actor_length\" value=\"0\"/>\n</Environment>\n"
        "<Sentences>\n"
        "<Config option=\"require_dyad\" value=\"false\"/>\n"
        "<Sentence date = \"20080801\" id =\"DEMO-01\" category=\"DEMO\" sentence=\"true\">\n"
        "<!-- a test -->\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"/>\n"
        "<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>\n"
        "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBZ is))))</Parse>\n"
        "</Sentence>\n"
        "</Sentences>\n"
        "</Validation>\n";
    CHECK_INT(RD(&g, "u.xml", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_INT(g.n_rej, 0);
    CHECK_STR(g.id[0], "DEMO-01");
    CHECK_STR(g.date[0], "2008-08-01");
    CHECK_STR(g.parse[0], "(ROOT (S (NP (NNP Arnor");
}

static void test_xml_rejects(void)
{
    got g;
    static const char s[] =
        "<Sentences>\n"                                                              /* 1 */
        "<Sentence date=\"20150813\" source=\"AFP\">\n<Text>No id.</Text></Sentence>\n" /* 2 */
        "<Sentence date=\"20150231\" id=\"B_2\">\n<Text>Bad day.</Text></Sentence>\n" /* 4 */
        "<Sentence date=\"13/08/2015\" id=\"B_3\"><Text>Bad shape.</Text></Sentence>\n" /* 6 */
        "<Sentence id=\"B_4\"><Text>No date.</Text></Sentence>\n"                    /* 7 */
        "<Sentence date=\"20150813\" id=\"B_5\"><Parse>(ROOT (S))</Parse></Sentence>\n" /* 8 */
        "<Sentence date=\"20150813\" id=\"B_6\"><Text> \n </Text></Sentence>\n"      /* 9 */
        "<Sentence date=\"991231\" id=\"B_7\"><Text>Good one.</Text></Sentence>\n"   /* 11 */
        "<Sentence date=\"300101\" id=\"B_8\"><Text>Good two.</Text></Sentence>\n"   /* 12 */
        "<Sentence date=\"000230\" id=\"B_9\"><Text>Bad.</Text></Sentence>\n"        /* 13 */
        "<Sentence date=\"20150813\" id=\"  \"><Text>Blank id.</Text></Sentence>\n"  /* 14 */
        "<Sentence date=\"20150813\" id=\"B_11\"><Text>Outer.</Text>\n"              /* 15 */
        "<Sentence date=\"20150813\" id=\"B_12\"><Text>Inner.</Text></Sentence>\n"   /* 16 */
        "</Sentence>\n"
        "</Sentences>\n";
    CHECK_INT(RD(&g, "r.xml", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 2);
    CHECK_INT(g.n_rej, 9);
    CHECK_STR(g.id[0], "B_7");
    CHECK_STR(g.date[0], "1999-12-31");
    CHECK_STR(g.id[1], "B_8");
    CHECK_STR(g.date[1], "2030-01-01");
    static const long want_lines[] = {2, 4, 6, 7, 8, 9, 13, 14, 15};
    static const dyad_status want_codes[] = {
        DYAD_ERR_FORMAT, DYAD_ERR_BAD_DATE, DYAD_ERR_BAD_DATE, DYAD_ERR_BAD_DATE, DYAD_ERR_FORMAT,
        DYAD_ERR_EMPTY,  DYAD_ERR_BAD_DATE, DYAD_ERR_FORMAT,   DYAD_ERR_FORMAT};
    for (int i = 0; i < 9 && i < g.n_rej; i++) {
        CHECK_INT(g.rej[i].line, want_lines[i]);
        CHECK_INT(g.rej[i].code, want_codes[i]);
        CHECK_STR(g.rej[i].file, "r.xml");
    }
    CHECK(strstr(g.rej[0].message, "without an \"id\"") != NULL);
    CHECK(strstr(g.rej[1].message, "record \"B_2\"") != NULL);
    CHECK(strstr(g.rej[1].message, "no such day") != NULL);
    CHECK(strstr(g.rej[2].message, "expected YYYYMMDD, YYYY-MM-DD or YYMMDD") != NULL);
    CHECK(strstr(g.rej[3].message, "no \"date\" attribute") != NULL);
    CHECK(strstr(g.rej[4].message, "has no <Text>") != NULL);
    CHECK(strstr(g.rej[5].message, "empty <Text>") != NULL);
    CHECK(strstr(g.rej[6].message, "\"000230\"") != NULL);
    CHECK(strstr(g.rej[7].message, "empty \"id\"") != NULL);
    /* the reader's problem (here a nested <Sentence>) is named */
    CHECK(strstr(g.rej[8].message, "record \"B_11\" was not read") != NULL);
    CHECK(strstr(g.rej[8].message, "inside <Sentence>") != NULL);

    /* with an override, the date problems go away */
    CHECK_INT(RD(&g, "r.xml", s, DYAD_INPUT_AUTO, "2020-01-01"), DYAD_OK);
    CHECK_INT(g.n_art, 6);
    CHECK_INT(g.n_rej, 5);
}

static void test_xml_truncated(void)
{
    got g;
    static const char s[] =
        "<Sentences>\n"
        "<Sentence date=\"20150813\" id=\"C_1\"><Text>One.</Text></Sentence>\n"
        "<Sentence date=\"20150813\" id=\"C_2\"><Text>Two.</Text></Sentence>\n"
        "<Sentence date=\"20150813\" id=\"C_3\">\n<Text>Thr";
    CHECK_INT(RD(&g, "t.xml", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 2);
    CHECK_INT(g.n_rej, 1);
    CHECK_STR(g.seq, "aar");
    CHECK_STR(g.id[1], "C_2");
    CHECK_INT(g.rej[0].code, DYAD_ERR_FORMAT);
    CHECK_INT(g.rej[0].line, 5);
    CHECK(strstr(g.rej[0].message, "the rest of the file was not read") != NULL);
    CHECK(strstr(g.rej[0].message, "<Sentence> of line 4") != NULL);
    /* the line is in the reject, not repeated in its message */
    CHECK(strncmp(g.rej[0].message, "bad XML: line", 13) != 0);

    /* mismatched tags in the middle: the record before is delivered */
    static const char m[] =
        "<Sentences>\n"
        "<Sentence date=\"20150813\" id=\"M_1\"><Text>One.</Text></Sentence>\n"
        "<Sentence date=\"20150813\" id=\"M_2\"><Text>Two.</Txt></Sentence>\n"
        "<Sentence date=\"20150813\" id=\"M_3\"><Text>Three.</Text></Sentence>\n"
        "</Sentences>\n";
    CHECK_INT(RD(&g, "m.xml", m, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_STR(g.seq, "ar");
    CHECK_INT(g.rej[0].line, 3);

    /* not XML at all, and an XML file without records */
    CHECK_INT(RD(&g, "n.xml", "Israel met Egypt.\n", DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_FORMAT);
    CHECK(strstr(g.rej[0].message, "bad XML") != NULL);
    CHECK_INT(RD(&g, "n.xml", "<Sentences>\n</Sentences>\n", DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    CHECK(strstr(g.rej[0].message, "no <Sentence> records") != NULL);
    CHECK_INT(rd(&g, "e.xml", "", 0, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    CHECK_INT(RD(&g, "e.xml", "\xEF\xBB\xBF \n", DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    /* binary data: one reject for the file */
    static const char bin[] = "\x7F" "ELF\x02\x01\x01\0\0\0\n\x01\x02\n<\x03\n";
    CHECK_INT(RD(&g, "b.xml", bin, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BINARY);
    CHECK(strstr(g.rej[0].message, "not XML") != NULL);
}

static void test_xml_entities(void)
{
    got g;
    /* an undeclared entity is an XML error: the record before it is read */
    static const char s[] =
        "<Sentences>\n"
        "<Sentence date=\"20150813\" id=\"E_1\"><Text>Fish &amp; chips &lt;3 &#x41;.</Text>"
        "</Sentence>\n"
        "<Sentence date=\"20150813\" id=\"E_2\"><Text>A &bogus; B</Text></Sentence>\n"
        "<Sentence date=\"20150813\" id=\"E_3\"><Text>Never read.</Text></Sentence>\n"
        "</Sentences>\n";
    CHECK_INT(RD(&g, "ent.xml", s, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_STR(g.seq, "ar");
    CHECK_STR(g.textc[0], "Fish & chips <3 A.");
    CHECK_INT(g.rej[0].code, DYAD_ERR_FORMAT);
    CHECK_INT(g.rej[0].line, 3);
    CHECK(strstr(g.rej[0].message, "bogus") != NULL);
    /* a declared entity is not expanded (no entity expansion at all) */
    static const char d[] =
        "<!DOCTYPE Sentences [<!ENTITY who \"Israel\">]>\n"
        "<Sentences><Sentence date=\"20150813\" id=\"E_4\"><Text>&who; met Egypt.</Text>"
        "</Sentence></Sentences>\n";
    CHECK_INT(RD(&g, "ent.xml", d, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 1);
    CHECK_STR(g.textc[0], "&who; met Egypt.");
}

static void test_xml_over_limit(void)
{
    got g;
    /* a <Text> over the reader's 8 MiB cap: that record is rejected, the
     * next one is read */
    static const char head[] = "<Sentences>\n<Sentence date=\"20150813\" id=\"L_1\"><Text>";
    static const char tail[] = "</Text></Sentence>\n"
                               "<Sentence date=\"20150813\" id=\"L_2\"><Text>Small.</Text>"
                               "</Sentence>\n</Sentences>\n";
    size_t big = (size_t)8 * 1024 * 1024 + 10;
    size_t len = sizeof head - 1 + big + sizeof tail - 1;
    char *buf = malloc(len);
    if (!buf)
        SKIP("no memory for a 8 MiB test input");
    memcpy(buf, head, sizeof head - 1);
    memset(buf + sizeof head - 1, 'a', big);
    memcpy(buf + sizeof head - 1 + big, tail, sizeof tail - 1);
    CHECK_INT(rd(&g, "big.xml", buf, len, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    free(buf);
    CHECK_STR(g.seq, "ra");
    CHECK_INT(g.rej[0].code, DYAD_ERR_FORMAT);
    CHECK(strstr(g.rej[0].message, "over the limit") != NULL);
    CHECK_STR(g.id[0], "L_2");
}

/* ../shared: every <Sentence of PETRARCH's own files is an article or a reject */

static const char *shared_dir(void)
{
    const char *s = getenv("DYAD_SHARED");
    return s && *s ? s : "../shared";
}

/* "<Sentence" followed by a blank, '>' or '/' (so not "<Sentences"). */
static int count_sentence_tags(const char *buf, size_t len)
{
    int n = 0;
    for (const char *p = buf; (p = strstr(p, "<Sentence")) != NULL; p += 9) {
        char c = p[9];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/')
            n++;
    }
    (void)len;
    return n;
}

/* -1 when the file is absent; else checks it and returns the article count. */
static int check_shared_xml(const char *file, got *g)
{
    char path[1024], err[256];
    snprintf(path, sizeof path, "%s/petrarch/text/%s", shared_dir(), file);
    size_t len = 0;
    char *buf = dyad_read_file(path, &len, err, sizeof err);
    if (!buf)
        return -1;
    int want = count_sentence_tags(buf, len);
    CHECK_INT(rd(g, path, buf, len, DYAD_INPUT_AUTO, NULL), DYAD_OK);
    CHECK_INT(g->n_art + g->n_rej, want);
    CHECK(want > 0);
    free(buf);
    return g->n_art;
}

static void test_xml_shared(void)
{
    got g;
    int n = check_shared_xml("PETR.UnitTest.records.xml", &g);
    if (n < 0)
        SKIP("../shared/petrarch/text/PETR.UnitTest.records.xml absent (set DYAD_SHARED)");
    CHECK_INT(n, 284);
    CHECK_INT(g.n_rej, 0);
    /* the other two files, when there: records with an empty <Text> are rejected */
    if (check_shared_xml("GigaWord.sample.PETR.xml", &g) >= 0)
        CHECK(g.n_rej > 0 && g.rej[0].code == DYAD_ERR_EMPTY);
    check_shared_xml("PETR2_GSR_validation.ud.xml", &g);
}

/* ------------------------------------------------------------------ TABARI */

static void test_tabari(void)
{
    got g;
    static const char s[] =
        "# a comment line\n"                            /* 1 */
        "081015 REUTERS-01\n"                           /* 2 */
        "Israel met Egypt\n"
        "  in Cairo.\n"
        "\n"
        "991231  AFP-02 more header fields\n"           /* 6 */
        "Qatar hosted the talks.\n"
        "/* { QAT / ISR / 040 } */\n"
        "\n"
        "950101  OPT-01\n"                              /* 10 */
        "Changing the options.\n"
        "/*\\n{ OPTION: SET: TIME SHIFT = FALSE } */\n"
        "\n"
        "950101 COMMENT-ONLY\n"                         /* 14 */
        "/* {---} */\n"
        "\n"
        "stray text here\n"                             /* 17 */
        "\n"
        "990230 BAD-DATE\n"                             /* 19 */
        "Bad day text.\n"
        "\n"
        "081015\n"                                      /* 22 */
        "No id text.\n"
        "\n"
        "300101 EMPTY-01\n";                            /* 25 */
    CHECK_INT(RD(&g, "in/t.text", s, DYAD_INPUT_TABARI, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 2);
    CHECK_INT(g.n_rej, 4);
    CHECK_STR(g.seq, "aarrrr");
    CHECK_STR(g.id[0], "REUTERS-01");
    CHECK_STR(g.date[0], "2008-10-15");
    CHECK_STR(g.textc[0], "Israel met Egypt in Cairo.");
    CHECK_STR(g.outlet[0], "(null)");
    CHECK_STR(g.parse[0], "(null)");
    CHECK_STR(g.id[1], "AFP-02");
    CHECK_STR(g.date[1], "1999-12-31");
    CHECK_STR(g.textc[1], "Qatar hosted the talks.");
    static const long want_lines[] = {17, 19, 22, 25};
    static const dyad_status want_codes[] = {DYAD_ERR_FORMAT, DYAD_ERR_BAD_DATE,
                                             DYAD_ERR_FORMAT, DYAD_ERR_EMPTY};
    for (int i = 0; i < 4 && i < g.n_rej; i++) {
        CHECK_INT(g.rej[i].line, want_lines[i]);
        CHECK_INT(g.rej[i].code, want_codes[i]);
        CHECK_STR(g.rej[i].file, "in/t.text");
    }
    CHECK(strstr(g.rej[0].message, "outside a record") != NULL);
    CHECK(strstr(g.rej[1].message, "record \"BAD-DATE\": bad date \"990230\"") != NULL);
    CHECK(strstr(g.rej[2].message, "no record id") != NULL);
    CHECK(strstr(g.rej[3].message, "record \"EMPTY-01\" has no text") != NULL);

    /* the override; stopping; AUTO never picks TABARI */
    CHECK_INT(RD(&g, "in/t.text", s, DYAD_INPUT_TABARI, "2024-02-02"), DYAD_OK);
    CHECK_INT(g.n_art, 3);
    CHECK_STR(g.date[2], "2024-02-02");
    CHECK_STR(g.id[2], "BAD-DATE");
    memset(&g, 0, sizeof g);
    g.stop_after = 1;
    CHECK_INT(dyad_read_articles("t", s, sizeof s - 1, DYAD_INPUT_TABARI, NULL, on_art, on_rej,
                                 &g),
              DYAD_OK);
    CHECK_STR(g.seq, "a");
    static const char one[] = "081015 X-1\nText.\n";
    CHECK_INT(RD(&g, "t.text", one, DYAD_INPUT_AUTO, "2024-01-01"), DYAD_OK);
    CHECK_STR(g.id[0], "t");
    /* a repeated id is kept as written */
    static const char rep[] = "081015 R-1\nOne.\n\n081016 R-1\nTwo.\n";
    CHECK_INT(RD(&g, "t", rep, DYAD_INPUT_TABARI, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 2);
    CHECK_STR(g.id[1], "R-1");
    CHECK_STR(g.date[1], "2008-10-16");
}

static void test_tabari_bad_bytes(void)
{
    got g;
    static const char s[] =
        "081015 N-1\nIsrael met\0Egypt.\n\n"            /* 1: NUL */
        "081015 W-1\nCaf\xE9 talks.\n\n"                /* 4: Windows-1252 */
        "081015 C-1\nText /* a comment\nnot closed\n\n" /* 7: open comment */
        "081015 G-1\nGood \xC3\xA9 text.\n\n"           /* 11 */
        "081015 B-1\nx \x01\x02\x03\x04\x05 y\n";       /* 14: control bytes */
    CHECK_INT(RD(&g, "b.text", s, DYAD_INPUT_TABARI, NULL), DYAD_OK);
    CHECK_STR(g.seq, "rrrar");
    CHECK_STR(g.id[0], "G-1");
    CHECK_STR(g.textc[0], "Good \xC3\xA9 text.");
    CHECK_INT(g.rej[0].code, DYAD_ERR_BINARY);
    CHECK_INT(g.rej[0].line, 2);
    CHECK_INT(g.rej[1].code, DYAD_ERR_BAD_UTF8);
    CHECK_INT(g.rej[1].line, 5);
    CHECK_INT(g.rej[2].code, DYAD_ERR_FORMAT);
    CHECK_INT(g.rej[2].line, 8);
    CHECK(strstr(g.rej[2].message, "not closed") != NULL);
    CHECK_INT(g.rej[3].code, DYAD_ERR_BINARY);
    CHECK_INT(g.rej[3].line, 14);

    /* binary data: one reject for the file */
    static const char bin[] = "\x7F" "ELF\x02\x01\x01\0\0\0\n\x01\x02\n\n9\x03\n";
    CHECK_INT(RD(&g, "b.text", bin, DYAD_INPUT_TABARI, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_BINARY);
    CHECK(strstr(g.rej[0].message, "not TABARI text") != NULL);
    /* empty, and nothing but comments and options */
    CHECK_INT(rd(&g, "e.text", "", 0, DYAD_INPUT_TABARI, NULL), DYAD_OK);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    static const char none[] = "# only\n# comments\n\n950101 O\n/* { OPTION: DEFAULT: OFF } */\n";
    CHECK_INT(RD(&g, "e.text", none, DYAD_INPUT_TABARI, NULL), DYAD_OK);
    CHECK_INT(g.n_art, 0);
    CHECK_INT(g.n_rej, 1);
    CHECK_INT(g.rej[0].code, DYAD_ERR_EMPTY);
    CHECK(strstr(g.rej[0].message, "no TABARI record with text") != NULL);
    /* an unknown format value */
    CHECK_INT(RD(&g, "e.text", none, (dyad_input_format)99, NULL), DYAD_ERR_INVALID_ARG);
}

static void test_error_truncation(void)
{
    dyad_error e;
    char longname[2000];
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    dyad_error_setf(&e, DYAD_ERR_IO, longname, 3, 4, "%s and \xC3\xA9", longname);
    CHECK_INT(strlen(e.file), sizeof e.file - 1);
    CHECK(strcmp(e.file + sizeof e.file - 4, "...") == 0);
    CHECK(strlen(e.message) < sizeof e.message);
    CHECK(strcmp(e.message + strlen(e.message) - 3, "...") == 0);
    CHECK_INT(e.line, 3);
    /* truncation never splits a UTF-8 character */
    char msg[600];
    memset(msg, 'a', sizeof msg);
    for (size_t i = 500; i + 2 < sizeof msg; i += 2)
        msg[i] = '\xC3', msg[i + 1] = '\xA9';
    msg[sizeof msg - 1] = '\0';
    dyad_error_setf(&e, DYAD_ERR_IO, "f", 0, 0, "%s", msg);
    CHECK_INT(dyad_utf8_validate(e.message, strlen(e.message)), -1);
}

static void test_status(void)
{
    CHECK_STR(dyad_version_string(), "0.1.0");
    CHECK_STR(dyad_strerror(DYAD_OK), "success");
    CHECK_STR(dyad_strerror(DYAD_ERR_BAD_UTF8), "input is not valid UTF-8");
    CHECK_STR(dyad_strerror((dyad_status)999), "unknown status");
    dyad_options o = dyad_options_default();
    CHECK_INT(o.flags, DYAD_OPT_STATEMENTS);
    CHECK_INT(o.max_article_bytes, 8u << 20);
    CHECK_INT(o.max_pairs, 12);
}

int main(void)
{
    RUN(test_txt_good);
    RUN(test_txt_override);
    RUN(test_txt_missing_date);
    RUN(test_txt_bad_date);
    RUN(test_dates);
    RUN(test_date_token);
    RUN(test_ids_and_formats);
    RUN(test_jsonl);
    RUN(test_utf8);
    RUN(test_binary);
    RUN(test_empty);
    RUN(test_xml_records);
    RUN(test_xml_unittest_variant);
    RUN(test_xml_rejects);
    RUN(test_xml_truncated);
    RUN(test_xml_entities);
    RUN(test_xml_over_limit);
    RUN(test_xml_shared);
    RUN(test_tabari);
    RUN(test_tabari_bad_bytes);
    RUN(test_error_truncation);
    RUN(test_status);
    DONE();
}
