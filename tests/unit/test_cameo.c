/*
 * test_cameo.c — the generated CAMEO table against the reference JSON in
 * ../shared/cameo (skipped with a message when absent), plus spot checks.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "harness.h"

static const char *shared_dir(void)
{
    const char *s = getenv("DYAD_SHARED");
    return s && *s ? s : "../shared";
}

static json_t *load_shared(const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/cameo/%s", shared_dir(), file);
    json_error_t jerr;
    return json_load_file(path, 0, &jerr);
}

static void test_sorted_and_lookup_all(void)
{
    size_t n = dyad_cameo_count();
    CHECK_INT(n, 316);
    CHECK(dyad_cameo_at(n) == NULL);
    for (size_t i = 0; i < n; i++) {
        const dyad_cameo *c = dyad_cameo_at(i);
        if (i > 0 && strcmp(dyad_cameo_at(i - 1)->code, c->code) >= 0) {
            CHECK(!"table not strictly sorted");
            return;
        }
        if (dyad_cameo_lookup(c->code) != c) {
            fprintf(stderr, "lookup of %s failed\n", c->code);
            CHECK(!"lookup finds every code");
            return;
        }
        if (strncmp(c->root, c->code, 2) != 0 || strlen(c->root) != 2 ||
            c->quad < 1 || c->quad > 4 || c->goldstein < -10 || c->goldstein > 10 ||
            !c->name[0]) {
            fprintf(stderr, "bad entry %s\n", c->code);
            CHECK(!"entry well formed");
            return;
        }
    }
    CHECK(1);
}

static void test_unknown(void)
{
    CHECK(dyad_cameo_lookup(NULL) == NULL);
    CHECK(dyad_cameo_lookup("") == NULL);
    CHECK(dyad_cameo_lookup("0") == NULL);
    CHECK(dyad_cameo_lookup("00") == NULL);
    CHECK(dyad_cameo_lookup("21") == NULL);
    CHECK(dyad_cameo_lookup("0259") == NULL);
    CHECK(dyad_cameo_lookup("1883") == NULL);
    CHECK(dyad_cameo_lookup("02530") == NULL);
    CHECK(dyad_cameo_lookup("999") == NULL);
}

static void test_spot_checks(void)
{
    const dyad_cameo *c = dyad_cameo_lookup("0253");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->name, "Appeal for release of persons or property");
        CHECK_STR(c->root, "02");
        CHECK_STR(c->parent, "025");
        CHECK_INT(c->quad, 1);
        CHECK(fabs(c->goldstein - 2.5) < 1e-9);
    }
    c = dyad_cameo_lookup("045");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->name, "Mediate");
        CHECK_STR(c->root, "04");
        CHECK_INT(c->quad, 1);
        CHECK(fabs(c->goldstein - 4.0) < 1e-9);
    }
    c = dyad_cameo_lookup("013");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->name, "Make optimistic comment");
        CHECK_STR(c->root, "01");
        CHECK_INT(c->quad, 1);
        CHECK(fabs(c->goldstein - 0.4) < 1e-9);
    }
    c = dyad_cameo_lookup("190");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->root, "19");
        CHECK_STR(c->parent, "19");
        CHECK_INT(c->quad, 4);
        CHECK(fabs(c->goldstein - -8.0) < 1e-9);
    }
    c = dyad_cameo_lookup("183");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->parent, "18");
        CHECK_INT(c->quad, 4);
    }
    c = dyad_cameo_lookup("1831");
    CHECK(c != NULL && strcmp(c->parent, "183") == 0);
    c = dyad_cameo_lookup("01");
    CHECK(c != NULL && c->parent[0] == '\0' && strcmp(c->root, "01") == 0);
    c = dyad_cameo_lookup("20");
    CHECK(c != NULL && c->quad == 4);
}

static void test_against_shared_json(void)
{
    json_t *codes = load_shared("cameo_codes.json");
    json_t *gold = load_shared("cameo_goldstein.json");
    if (!codes || !gold) {
        json_decref(codes);
        json_decref(gold);
        SKIP("../shared/cameo/cameo_codes.json or cameo_goldstein.json absent "
             "(set DYAD_SHARED to the shared directory)");
    }
    CHECK_INT(json_object_size(codes), dyad_cameo_count());
    const char *key;
    json_t *val;
    int bad = 0;
    json_object_foreach(codes, key, val) {
        const dyad_cameo *c = dyad_cameo_lookup(key);
        if (!c) {
            fprintf(stderr, "code %s missing from table\n", key);
            bad++;
            continue;
        }
        json_int_t quad = json_integer_value(json_object_get(val, "quad_class"));
        if (c->quad != (int)quad) {
            fprintf(stderr, "code %s: quad %d, JSON says %d\n", key, c->quad, (int)quad);
            bad++;
        }
        const char *name = json_string_value(json_object_get(val, "name"));
        if (!name || strcmp(name, c->name) != 0) {
            fprintf(stderr, "code %s: name differs\n", key);
            bad++;
        }
        const char *parent = json_string_value(json_object_get(val, "parent"));
        if (strcmp(parent ? parent : "", c->parent) != 0) {
            fprintf(stderr, "code %s: parent differs\n", key);
            bad++;
        }
        json_t *g = json_object_get(json_object_get(gold, key), "value");
        if (!json_is_number(g) || fabs(json_number_value(g) - c->goldstein) > 1e-9) {
            fprintf(stderr, "code %s: Goldstein %.1f differs from JSON\n", key, c->goldstein);
            bad++;
        }
    }
    CHECK_INT(bad, 0);
    json_decref(codes);
    json_decref(gold);
}

int main(void)
{
    RUN(test_sorted_and_lookup_all);
    RUN(test_unknown);
    RUN(test_spot_checks);
    RUN(test_against_shared_json);
    DONE();
}
