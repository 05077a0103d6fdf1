/* test_utf8.c — strict UTF-8 decoding and validation. */
#include <stdint.h>

#include "harness.h"
#include "utf8.h"

static void test_decode_valid(void) {
    const char *s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80"; /* a é “ 😀 */
    size_t len = strlen(s), i = 0;
    uint32_t cp;
    CHECK_INT(dyad_utf8_decode(s, len, &i, &cp), 0);
    CHECK_INT(cp, 'a');
    CHECK_INT(i, 1);
    CHECK_INT(dyad_utf8_decode(s, len, &i, &cp), 0);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(i, 3);
    CHECK_INT(dyad_utf8_decode(s, len, &i, &cp), 0);
    CHECK_INT(cp, 0x201C);
    CHECK_INT(i, 6);
    CHECK_INT(dyad_utf8_decode(s, len, &i, &cp), 0);
    CHECK_INT(cp, 0x1F600);
    CHECK_INT(i, 10);
}

static void test_decode_boundaries(void) {
    struct { const char *s; size_t len; uint32_t cp; } ok[] = {
        {"\x7F", 1, 0x7F},         {"\xC2\x80", 2, 0x80},         {"\xDF\xBF", 2, 0x7FF},
        {"\xE0\xA0\x80", 3, 0x800}, {"\xED\x9F\xBF", 3, 0xD7FF},   {"\xEE\x80\x80", 3, 0xE000},
        {"\xEF\xBF\xBF", 3, 0xFFFF}, {"\xF0\x90\x80\x80", 4, 0x10000},
        {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF},
    };
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
        size_t i = 0;
        uint32_t cp = 0;
        CHECK_INT(dyad_utf8_decode(ok[k].s, ok[k].len, &i, &cp), 0);
        CHECK_INT(cp, ok[k].cp);
        CHECK_INT(i, ok[k].len);
        CHECK_INT(dyad_utf8_validate(ok[k].s, ok[k].len), -1);
    }
}

static void test_decode_invalid(void) {
    const char *bad[] = {
        "\x80",             /* lone continuation */
        "\xC0\xAF",         /* overlong / */
        "\xC1\xBF",         /* overlong */
        "\xE0\x80\xAF",     /* overlong 3-byte */
        "\xF0\x80\x80\xAF", /* overlong 4-byte */
        "\xED\xA0\x80",     /* surrogate D800 */
        "\xED\xBF\xBF",     /* surrogate DFFF */
        "\xF4\x90\x80\x80", /* > 10FFFF */
        "\xF5\x80\x80\x80", /* F5 lead */
        "\xFF",             "\xFE",
        "\xC3",             /* truncated */
        "\xE2\x80",         /* truncated */
        "\xE2\x28\xA1",     /* bad continuation */
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        size_t len = strlen(bad[k]), i = 0;
        uint32_t cp = 0;
        CHECK_INT(dyad_utf8_decode(bad[k], len, &i, &cp), -1);
        CHECK_INT(i, 1); /* always advances one byte */
        CHECK_INT(cp, 0xFFFD);
        CHECK_INT(dyad_utf8_validate(bad[k], len), 0);
    }
}

static void test_no_read_past_len(void) {
    /* the length cuts a valid sequence: must not look at the bytes after */
    const char s[] = "ab\xE2\x80\x9C";
    size_t i = 2;
    uint32_t cp;
    CHECK_INT(dyad_utf8_decode(s, 4, &i, &cp), -1);
    CHECK_INT(i, 3);
    CHECK_INT(dyad_utf8_validate(s, 4), 2);
    CHECK_INT(dyad_utf8_validate(s, 5), -1);
    CHECK_INT(dyad_utf8_seqlen(s, 5, 2), 3);
    CHECK_INT(dyad_utf8_seqlen(s, 4, 2), 0);
    CHECK_INT(dyad_utf8_seqlen(s, 5, 5), 0);
}

static void test_validate_offsets(void) {
    CHECK_INT(dyad_utf8_validate("", 0), -1);
    CHECK_INT(dyad_utf8_validate("plain ascii", 11), -1);
    CHECK_INT(dyad_utf8_validate("caf\xC3\xA9 ok", 8), -1);
    CHECK_INT(dyad_utf8_validate("caf\xC3\xA9 \xC0\x80", 9), 6);
    CHECK_INT(dyad_utf8_validate("abc\xED\xA0\x80z", 7), 3);
    /* embedded NUL is valid */
    CHECK_INT(dyad_utf8_validate("a\0b", 3), -1);
}

int main(void) {
    RUN(test_decode_valid);
    RUN(test_decode_boundaries);
    RUN(test_decode_invalid);
    RUN(test_no_read_past_len);
    RUN(test_validate_offsets);
    DONE();
}
