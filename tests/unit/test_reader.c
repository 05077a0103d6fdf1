/*
 * test_reader.c — the text and JSON Lines article readers.
 */
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "harness.h"
#include "reader.h"
#include "utf8.h"

#define MAXREC 16

typedef struct got {
    int n_art, n_rej;
    char id[MAXREC][64], date[MAXREC][16], outlet[MAXREC][64], url[MAXREC][64];
    size_t text_len[MAXREC];
    const char *text[MAXREC];
    dyad_error rej[MAXREC];
    int stop_after; /* stop reading after this many articles (0 = never) */
} got;

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
    }
    g->n_art++;
    return g->stop_after && g->n_art >= g->stop_after;
}

static void on_rej(void *ctx, const dyad_error *e)
{
    got *g = ctx;
    if (g->n_rej < MAXREC)
        g->rej[g->n_rej] = *e;
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
    RUN(test_error_truncation);
    RUN(test_status);
    DONE();
}
