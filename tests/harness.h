/*
 * harness.h — a tiny unit-test harness. Each test file defines test
 * functions, lists them in main with RUN(fn), and ends with DONE(): it
 * prints "RESULT <file> passed=N failed=M skipped=K" (read by tests/run.sh)
 * and exits nonzero if anything failed.
 */
#ifndef DYAD_HARNESS_H
#define DYAD_HARNESS_H
#include <stdio.h>
#include <string.h>

static int h_pass, h_fail, h_skip;
static const char *h_test = "";

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            h_pass++;                                                          \
        } else {                                                               \
            h_fail++;                                                          \
            fprintf(stderr, "FAIL %s:%d in %s: %s\n", __FILE__, __LINE__,      \
                    h_test, #cond);                                            \
        }                                                                      \
    } while (0)

#define CHECK_INT(a, b)                                                        \
    do {                                                                       \
        long long h_a = (long long)(a), h_b = (long long)(b);                  \
        if (h_a == h_b) {                                                      \
            h_pass++;                                                          \
        } else {                                                               \
            h_fail++;                                                          \
            fprintf(stderr, "FAIL %s:%d in %s: %s == %lld, expected %lld\n",   \
                    __FILE__, __LINE__, h_test, #a, h_a, h_b);                 \
        }                                                                      \
    } while (0)

#define CHECK_STR(a, b)                                                        \
    do {                                                                       \
        const char *h_a = (a), *h_b = (b);                                     \
        if (h_a && h_b && strcmp(h_a, h_b) == 0) {                             \
            h_pass++;                                                          \
        } else {                                                               \
            h_fail++;                                                          \
            fprintf(stderr, "FAIL %s:%d in %s: %s == \"%s\", expected \"%s\"\n", \
                    __FILE__, __LINE__, h_test, #a, h_a ? h_a : "(null)",      \
                    h_b ? h_b : "(null)");                                     \
        }                                                                      \
    } while (0)

/* Skip the rest of a test with a reason (e.g. ../shared absent). */
#define SKIP(why)                                                              \
    do {                                                                       \
        h_skip++;                                                              \
        fprintf(stderr, "SKIP %s: %s\n", h_test, why);                         \
        return;                                                                \
    } while (0)

#define RUN(fn)                                                                \
    do {                                                                       \
        h_test = #fn;                                                          \
        fn();                                                                  \
    } while (0)

#define DONE()                                                                 \
    do {                                                                       \
        printf("RESULT %s passed=%d failed=%d skipped=%d\n", __FILE__, h_pass, \
               h_fail, h_skip);                                                \
        return h_fail ? 1 : 0;                                                 \
    } while (0)

#endif
