/*
 * test_emit.c — the JSON Lines and TSV event writers, on hand-built events.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "emit.h"
#include "harness.h"

/* Run the emitter into a string (static buffer, NUL-terminated). */
static const char *emit(dyad_format fmt, const dyad_article *a, const dyad_event *e, int *rc)
{
    static char out[8192];
    FILE *f = tmpfile();
    if (!f) {
        *rc = -2;
        return "";
    }
    *rc = dyad_emit_event(f, fmt, a, e);
    rewind(f);
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    fclose(f);
    return out;
}

static dyad_event sample_event(void)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.sentence = 3;
    e.source = "USAGOV";
    e.target = "PSEREB";
    e.source_country = "USA";
    e.source_role = "GOV";
    e.target_country = "PSE";
    e.target_role = "REB";
    e.code = "0253";
    e.root = "02";
    e.quad = 1;
    e.goldstein = 2.5;
    e.source_text = "the State Department";
    e.verb_text = "urged";
    e.target_text = "Hamas";
    e.source_span = (dyad_span){10, 20};
    e.verb_span = (dyad_span){31, 5};
    e.target_span = (dyad_span){-1, 0};
    e.pattern = "verbs.txt:120";
    return e;
}

static void test_jsonl_exact(void)
{
    dyad_article a = {"art1", "2024-02-02", NULL, NULL, "", 0, NULL, 0};
    dyad_event e = sample_event();
    int rc;
    const char *s = emit(DYAD_FORMAT_JSONL, &a, &e, &rc);
    CHECK_INT(rc, 0);
    CHECK_STR(s,
              "{\"article\":\"art1\",\"sentence\":3,\"date\":\"2024-02-02\",\"source\":\"USAGOV\","
              "\"target\":\"PSEREB\",\"source_country\":\"USA\",\"source_role\":\"GOV\","
              "\"target_country\":\"PSE\",\"target_role\":\"REB\",\"code\":\"0253\",\"root\":"
              "\"02\",\"quad\":1,\"goldstein\":2.5,\"source_text\":\"the State Department\","
              "\"verb_text\":\"urged\",\"target_text\":\"Hamas\",\"source_start\":10,"
              "\"source_end\":30,\"verb_start\":31,\"verb_end\":36,\"target_start\":-1,"
              "\"target_end\":-1,\"pattern\":\"verbs.txt:120\"}\n");
}

static void test_jsonl_keys_and_escapes(void)
{
    dyad_article a = {"id \"q\"\\", "2024-02-02", "The Wire", "http://x/a?b=1", "", 0, NULL, 0};
    dyad_event e = sample_event();
    e.source = NULL; /* written as "" */
    e.goldstein = -0.1;
    e.verb_text = "tab\there\nnl \x01 caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \x7F";
    e.target_text = "bad \xFF byte";
    int rc;
    const char *s = emit(DYAD_FORMAT_JSONL, &a, &e, &rc);
    CHECK_INT(rc, 0);
    CHECK(strchr(s, '\n') == s + strlen(s) - 1); /* one line */
    CHECK(strstr(s, "\"goldstein\":-0.1,") != NULL);
    CHECK(strstr(s, "\"article\":\"id \\\"q\\\"\\\\\"") != NULL);
    CHECK(strstr(s, "\"verb_text\":\"tab\\u0009here\\u000Anl \\u0001 caf\xC3\xA9 "
                    "\xE2\x80\x9Cq\xE2\x80\x9D \\u007F\"") != NULL);
    CHECK(strstr(s, "\"target_text\":\"bad \xEF\xBF\xBD byte\"") != NULL);
    CHECK(strstr(s, "\"source\":\"\",") != NULL);
    /* parses, and keys come in the documented order */
    json_error_t jerr;
    json_t *j = json_loads(s, 0, &jerr);
    CHECK(j != NULL);
    if (!j) {
        fprintf(stderr, "JSON error: %s\n", jerr.text);
        return;
    }
    CHECK_INT(json_object_size(j), DYAD_EMIT_NCOLS);
    size_t i = 0;
    int order_ok = 1;
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v) {
        if (i >= DYAD_EMIT_NCOLS || strcmp(key, dyad_emit_columns[i]) != 0)
            order_ok = 0;
        i++;
    }
    CHECK(order_ok);
    CHECK_STR(json_string_value(json_object_get(j, "outlet")), "The Wire");
    CHECK_STR(json_string_value(json_object_get(j, "url")), "http://x/a?b=1");
    CHECK_STR(json_string_value(json_object_get(j, "article")), "id \"q\"\\");
    CHECK(json_is_integer(json_object_get(j, "quad")));
    CHECK(json_is_real(json_object_get(j, "goldstein")));
    json_decref(j);

    /* only url present: outlet key absent */
    a.outlet = NULL;
    s = emit(DYAD_FORMAT_JSONL, &a, &e, &rc);
    CHECK(strstr(s, "\"outlet\"") == NULL);
    CHECK(strstr(s, ",\"url\":\"http://x/a?b=1\"}\n") != NULL);
}

static void test_goldstein_format(void)
{
    dyad_article a = {"a", "2024-01-01", NULL, NULL, "", 0, NULL, 0};
    dyad_event e = sample_event();
    static const struct { double v; const char *want; } cases[] = {
        {3.0, "\"goldstein\":3.0,"}, {-10.0, "\"goldstein\":-10.0,"},
        {0.0, "\"goldstein\":0.0,"}, {-0.0, "\"goldstein\":0.0,"},
        {-0.01, "\"goldstein\":0.0,"}, {7.4, "\"goldstein\":7.4,"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        e.goldstein = cases[i].v;
        int rc;
        const char *s = emit(DYAD_FORMAT_JSONL, &a, &e, &rc);
        CHECK(strstr(s, cases[i].want) != NULL);
    }
}

static void test_tsv(void)
{
    FILE *f = tmpfile();
    CHECK(f != NULL);
    if (!f)
        return;
    dyad_write_tsv_header(f);
    rewind(f);
    char hdr[1024];
    CHECK(fgets(hdr, sizeof hdr, f) != NULL);
    fclose(f);
    CHECK_STR(hdr, "article\tsentence\tdate\tsource\ttarget\tsource_country\tsource_role\t"
                   "target_country\ttarget_role\tcode\troot\tquad\tgoldstein\tsource_text\t"
                   "verb_text\ttarget_text\tsource_start\tsource_end\tverb_start\tverb_end\t"
                   "target_start\ttarget_end\tpattern\toutlet\turl\n");

    dyad_article a = {"art1", "2024-02-02", NULL, NULL, "", 0, NULL, 0};
    dyad_event e = sample_event();
    e.verb_text = "a\tb\nc\r\nd \"q\"";
    int rc;
    const char *s = emit(DYAD_FORMAT_TSV, &a, &e, &rc);
    CHECK_INT(rc, 0);
    CHECK_STR(s, "art1\t3\t2024-02-02\tUSAGOV\tPSEREB\tUSA\tGOV\tPSE\tREB\t0253\t02\t1\t2.5\t"
                 "the State Department\ta b c  d \"q\"\tHamas\t10\t30\t31\t36\t-1\t-1\t"
                 "verbs.txt:120\t\t\n");
    a.outlet = "Wire";
    a.url = "u";
    s = emit(DYAD_FORMAT_TSV, &a, &e, &rc);
    CHECK(strstr(s, "\tverbs.txt:120\tWire\tu\n") != NULL);
    /* column count matches the header */
    int tabs = 0;
    for (const char *p = s; *p; p++)
        tabs += *p == '\t';
    CHECK_INT(tabs, DYAD_EMIT_NCOLS - 1);
}

static void test_bad_args(void)
{
    dyad_article a = {"a", "2024-01-01", NULL, NULL, "", 0, NULL, 0};
    dyad_event e = sample_event();
    CHECK_INT(dyad_emit_event(NULL, DYAD_FORMAT_JSONL, &a, &e), -1);
    CHECK_INT(dyad_emit_event(stdout, DYAD_FORMAT_JSONL, NULL, &e), -1);
    CHECK_INT(dyad_emit_event(stdout, DYAD_FORMAT_JSONL, &a, NULL), -1);
    CHECK_INT(dyad_write_events(NULL, DYAD_FORMAT_JSONL, &a, NULL), -1);
}

int main(void)
{
    RUN(test_jsonl_exact);
    RUN(test_jsonl_keys_and_escapes);
    RUN(test_goldstein_format);
    RUN(test_tsv);
    RUN(test_bad_args);
    DONE();
}
