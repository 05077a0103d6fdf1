/*
 * test_tagger.c — the POS tagger against the Penn Treebank trees of the
 * PETRARCH sample files in ../shared (agreement per file and overall), a
 * few targeted sentences, and the strict YAML reader's error reporting.
 *
 * The data directory comes from $DYAD_LINGUA_DIR, default
 * /usr/share/perl5/Lingua/EN/Tagger. Set DYAD_TAGGER_VERBOSE=1 to print
 * every disagreement (word, tree tag, our tag) and a confusion summary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "tagger.h"
#include "text.h"

/* Measured overall agreement is 96.45% (docs/TAGGER.md); fail a point below. */
#define MIN_OVERALL_AGREEMENT 95.4

static const char *lingua_dir(void) {
    const char *d = getenv("DYAD_LINGUA_DIR");
    return d && *d ? d : DYAD_LINGUA_DEFAULT_DIR;
}

static int verbose(void) {
    const char *v = getenv("DYAD_TAGGER_VERBOSE");
    return v && *v && strcmp(v, "0") != 0;
}

static dyad_tagger *shared_tagger;

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (cap - len < 2) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        if (got == 0) break;
        len += got;
    }
    fclose(f);
    if (buf) buf[len] = '\0';
    return buf;
}

/* ------------------------------------------------------------ tokens */

static unsigned char shape_of(const char *s) {
    int upper = 0, lower = 0, digit = 0, alpha = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') upper++, alpha++;
        else if (*p >= 'a' && *p <= 'z') lower++, alpha++;
        else if (*p >= '0' && *p <= '9') digit++;
        else if ((unsigned char)*p >= 0x80) alpha++;
    }
    if (digit) return SHAPE_DIGIT;
    if (!alpha) return SHAPE_PUNCT;
    if (upper >= 2 && lower == 0) return SHAPE_ALLCAP;
    for (const char *p = s; *p; p++)
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
            return (*p >= 'A' && *p <= 'Z') || upper ? SHAPE_CAP : SHAPE_LOWER;
    return SHAPE_OTHER;
}

/* Fill a token from a word the way the tokenizer would. */
static void make_token(dyad_arena *a, dyad_token *t, const char *word, int first) {
    memset(t, 0, sizeof *t);
    char *norm = dyad_arena_strdup(a, word);
    char *low = dyad_arena_strdup(a, word);
    for (char *p = low; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
    t->norm = norm;
    t->lower = low;
    t->len = (uint32_t)strlen(word);
    t->shape = shape_of(word);
    t->flags = first ? TOKF_SENT_START : 0;
}

/* Tag a space-separated sentence; returns the tag names joined by ' '. */
static const char *tag_line(dyad_arena *a, const char *sentence) {
    dyad_token toks[64];
    char buf[512];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", sentence);
    for (char *w = strtok(buf, " "); w && n < 64; w = strtok(NULL, " ")) {
        make_token(a, &toks[n], w, n == 0);
        n++;
    }
    if (dyad_tagger_tag(shared_tagger, a, toks, n) != 0) return "(oom)";
    char out[512] = "";
    for (size_t i = 0; i < n; i++) {
        if (i) strcat(out, " ");
        strcat(out, dyad_tag_name((dyad_tag)toks[i].tag));
    }
    return dyad_arena_strdup(a, out);
}

/* ------------------------------------------------------------ tree leaves */

/* Decode the XML entities a <Parse> element may hold, in place. */
static void xml_unescape(char *s) {
    static const struct {
        const char *ent, *rep;
    } ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    char *w = s;
    for (const char *r = s; *r;) {
        int done = 0;
        for (size_t i = 0; i < sizeof ents / sizeof ents[0] && *r == '&'; i++) {
            size_t k = strlen(ents[i].ent);
            if (strncmp(r, ents[i].ent, k) == 0) {
                *w++ = ents[i].rep[0];
                r += k;
                done = 1;
                break;
            }
        }
        if (!done) *w++ = *r++;
    }
    *w = '\0';
}

/* PETRARCH's preprocessed parses mark auxiliaries AUXB/AUXD/...; they are
   verbs with the Penn tag in the last letter. */
static dyad_tag gold_tag(const char *name) {
    if (strncmp(name, "AUX", 3) == 0 && strlen(name) == 4) {
        switch (name[3]) {
        case 'B': return TAG_VB;
        case 'D': return TAG_VBD;
        case 'G': return TAG_VBG;
        case 'N': return TAG_VBN;
        case 'P': return TAG_VBP;
        case 'Z': return TAG_VBZ;
        default: return TAG_NONE;
        }
    }
    return dyad_tag_from_name(name);
}

typedef struct {
    long agree, total, skipped;
    long confusion[TAG_COUNT][TAG_COUNT]; /* [gold][ours] */
} score;

/* Read the (TAG word) leaves of one s-expression [p, end) into words/tags. */
static size_t leaves(char *p, char *end, char **words, char **tags, size_t max) {
    size_t n = 0;
    while (p < end && n < max) {
        if (*p != '(') {
            p++;
            continue;
        }
        /* "(" atom ws atom ws* ")" with no nested parenthesis = a leaf. */
        char *q = p + 1;
        while (q < end && (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r')) q++;
        char *tag = q;
        while (q < end && !strchr(" \n\t\r()", *q)) q++;
        char *tag_end = q;
        while (q < end && (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r')) q++;
        char *word = q;
        while (q < end && !strchr(" \n\t\r()", *q)) q++;
        char *word_end = q;
        while (q < end && (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r')) q++;
        if (tag_end > tag && word_end > word && q < end && *q == ')') {
            *tag_end = '\0';
            *word_end = '\0';
            xml_unescape(word);
            tags[n] = tag;
            words[n] = word;
            n++;
            p = q + 1;
        } else {
            p++;
        }
    }
    return n;
}

static int score_file(const char *path, score *sc) {
    char *buf = slurp(path);
    if (!buf) return -1;
    dyad_arena a;
    dyad_arena_init(&a);
    char *p = buf;
    for (;;) {
        char *s = strstr(p, "<Parse>");
        if (!s) break;
        s += 7;
        char *e = strstr(s, "</Parse>");
        if (!e) break;
        char *words[512], *tags[512];
        size_t n = leaves(s, e, words, tags, 512);
        dyad_token *toks = dyad_arena_calloc(&a, n ? n : 1, sizeof *toks);
        CHECK(toks != NULL);
        if (!toks) break;
        for (size_t i = 0; i < n; i++) make_token(&a, &toks[i], words[i], i == 0);
        CHECK_INT(dyad_tagger_tag(shared_tagger, &a, toks, n), 0);
        for (size_t i = 0; i < n; i++) {
            dyad_tag g = gold_tag(tags[i]);
            if (g == TAG_NONE) {
                sc->skipped++;
                continue;
            }
            sc->total++;
            sc->agree += toks[i].tag == g;
            sc->confusion[g][toks[i].tag]++;
            if (verbose() && toks[i].tag != g) {
                fprintf(stderr, "  %-20s tree=%-5s ours=%-5s |", words[i], dyad_tag_name(g),
                        dyad_tag_name((dyad_tag)toks[i].tag));
                for (size_t j = i >= 3 ? i - 3 : 0; j < n && j <= i + 3; j++)
                    fprintf(stderr, " %s", words[j]);
                fprintf(stderr, "\n");
            }
        }
        dyad_arena_reset(&a);
        p = e + 8;
    }
    dyad_arena_free(&a);
    free(buf);
    return 0;
}

static void print_confusion(const score *sc) {
    /* The 15 largest confusions, largest first. */
    static char printed[TAG_COUNT][TAG_COUNT];
    memset(printed, 0, sizeof printed);
    for (int k = 0; k < 15; k++) {
        long best = 0;
        int bg = 0, bo = 0;
        for (int g = 0; g < TAG_COUNT; g++)
            for (int o = 0; o < TAG_COUNT; o++)
                if (g != o && !printed[g][o] && sc->confusion[g][o] > best) {
                    best = sc->confusion[g][o];
                    bg = g;
                    bo = o;
                }
        if (!best) break;
        printed[bg][bo] = 1;
        fprintf(stderr, "  tree %-5s -> ours %-5s %ld\n", dyad_tag_name((dyad_tag)bg),
                dyad_tag_name((dyad_tag)bo), best);
    }
}

static void test_treebank_agreement(void) {
    if (!shared_tagger) SKIP("Lingua::EN::Tagger data not loaded");
    static const char *files[] = {
        "../shared/petrarch/text/PETR.UnitTest.records.xml",
        "../shared/petrarch/text/GigaWord.sample.PETR.xml",
    };
    static score all, per[2];
    int found = 0;
    for (int f = 0; f < 2; f++) {
        if (access(files[f], R_OK) != 0) {
            fprintf(stderr, "SKIP-FILE %s: absent (../shared not available)\n", files[f]);
            continue;
        }
        found++;
        CHECK_INT(score_file(files[f], &per[f]), 0);
        printf("tagger agreement %-50s %5ld/%5ld = %.2f%% (%ld leaves with non-Penn tags skipped)\n",
               files[f], per[f].agree, per[f].total,
               per[f].total ? 100.0 * (double)per[f].agree / (double)per[f].total : 0.0,
               per[f].skipped);
        if (verbose()) print_confusion(&per[f]);
        all.agree += per[f].agree;
        all.total += per[f].total;
    }
    if (!found) SKIP("../shared/petrarch/text Treebank files absent");
    double pct = all.total ? 100.0 * (double)all.agree / (double)all.total : 0.0;
    printf("tagger agreement overall %5ld/%5ld = %.2f%%\n", all.agree, all.total, pct);
    CHECK(all.total > 1000 || found < 2);
    if (found == 2) CHECK(pct >= MIN_OVERALL_AGREEMENT);
}

static void test_targeted(void) {
    if (!shared_tagger) SKIP("Lingua::EN::Tagger data not loaded");
    dyad_arena a;
    dyad_arena_init(&a);
    CHECK_STR(tag_line(&a, "Qatar has hinted at positive progress ."), "NNP VBZ VBN IN JJ NN .");
    CHECK_STR(tag_line(&a, "Miller said"), "NNP VBD");
    CHECK_STR(tag_line(&a, "the U.S. State Department spokesperson"), "DT NNP NNP NNP NN");
    CHECK_STR(tag_line(&a, "Hamas 's leaders did n't agree ."), "NNP POS NNS VBD RB VB .");
    CHECK_STR(tag_line(&a, "On 2024-02-02 , 1,000 people met in Doha ."),
              "IN CD , CD NNS VBD IN NNP .");
    CHECK_STR(tag_line(&a, "Talks -LRB- in Cairo -RRB- ended ( again ) ."),
              "NNS -LRB- IN NNP -RRB- VBD -LRB- RB -RRB- .");
    CHECK_STR(tag_line(&a, "`` We hope , '' he said -- quietly ."), "`` PRP VBP , '' PRP VBD : RB .");
    CHECK_STR(tag_line(&a, "Officials said Sheikh al-Nono arrived ."), "NNS VBD NNP NNP VBD .");
    CHECK_STR(tag_line(&a, "The mediators are negotiating a ceasefire ."),
              "DT NNS VBP VBG DT NN .");
    /* an unknown word of a prefix and a known verb is tagged like the verb */
    CHECK_STR(tag_line(&a, "Israel reimposed blockades ."), "NNP VBD NNS .");
    CHECK_STR(tag_line(&a, "The army redeployed troops ."), "DT NN VBD NNS .");
    /* Empty input and a lone token. */
    CHECK_INT(dyad_tagger_tag(shared_tagger, &a, NULL, 0), 0);
    CHECK_STR(tag_line(&a, "."), ".");
    /* A token with no lower form set is still tagged. */
    dyad_token tk;
    memset(&tk, 0, sizeof tk);
    tk.norm = "Egypt";
    tk.flags = TOKF_SENT_START;
    CHECK_INT(dyad_tagger_tag(shared_tagger, &a, &tk, 1), 0);
    CHECK_INT(tk.tag, TAG_NNP);
    dyad_arena_free(&a);
}

/* Write a file into dir. */
static void write_file(const char *dir, const char *name, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void test_bad_data(void) {
    char dir[] = "/tmp/dyad_tagger_XXXXXX";
    if (!mkdtemp(dir)) SKIP("cannot create a temporary directory");
    char err[512];

    /* Missing directory. */
    dyad_tagger *t = dyad_tagger_load("/nonexistent/dyad", err, sizeof err);
    CHECK(t == NULL);
    CHECK(strstr(err, "words.yml") != NULL);

    /* A minimal good model loads and tags. */
    write_file(dir, "words.yml",
               "--- #YAML:1.0\n\"the\": { det: 10 }\ndog: { nn: 5, vb: 1 }\nbarks: { vbz: 3, nns: 1 } \n"
               "\".\": { pp: 9 }\n");
    write_file(dir, "tags.yml",
               "--- #YAML:1.0\npp: { det: 0.5, nn: 0.2, nnp: 0.3 }\ndet: { nn: 0.9, jj: 0.1 }\n"
               "nn: { vbz: 0.5, pp: 0.5 }\nvbz: { pp: 1 }\n");
    write_file(dir, "unknown.yml", "--- #YAML:1.0\n\"-unknown-\": { nn: 8, jj: 2 }\n");
    t = dyad_tagger_load(dir, err, sizeof err);
    CHECK(t != NULL);
    if (t) {
        dyad_arena a;
        dyad_arena_init(&a);
        dyad_tagger *keep = shared_tagger;
        shared_tagger = t;
        CHECK_STR(tag_line(&a, "The dog barks ."), "DT NN VBZ .");
        shared_tagger = keep;
        dyad_arena_free(&a);
        dyad_tagger_free(t);
    }

    /* Malformed lines are reported with file:line and a reason. */
    static const struct {
        const char *line, *why;
    } bad[] = {
        {"dog { nn: 5 }\n", "bad character in bare key"},
        {"dog nn 5\n", "expected ': {'"},
        {"dog: nn: 5\n", "expected '{'"},
        {"dog: { nn 5 }\n", "expected ':' after tag name"},
        {"dog: { nn: x }\n", "number"},
        {"dog: { nn: -1 }\n", "number"},
        {"dog: { xx: 1 }\n", "unknown tag"},
        {"dog: { nn: 1\n", "expected ',' or '}'"},
        {"dog: { nn: 1 } junk\n", "trailing"},
        {"\"dog: { nn: 1 }\n", "unterminated"},
        {"  dog: { nn: 1 }\n", "indentation"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "--- #YAML:1.0\n\"the\": { det: 10 }\n%s", bad[i].line);
        write_file(dir, "words.yml", text);
        err[0] = '\0';
        t = dyad_tagger_load(dir, err, sizeof err);
        CHECK(t == NULL);
        dyad_tagger_free(t);
        CHECK(strstr(err, "words.yml:3:") != NULL);
        if (!strstr(err, bad[i].why)) fprintf(stderr, "  message was: %s\n", err);
        CHECK(strstr(err, bad[i].why) != NULL);
    }
    /* Bad line in tags.yml. */
    write_file(dir, "words.yml", "\"the\": { det: 10 }\n");
    write_file(dir, "tags.yml", "pp: { det: 0.5 }\n\nfoo: { det: 1 }\n");
    t = dyad_tagger_load(dir, err, sizeof err);
    CHECK(t == NULL);
    CHECK(strstr(err, "tags.yml:3:") != NULL);
    /* Tiny error buffer: truncated, not overflowed. */
    char tiny[8];
    t = dyad_tagger_load(dir, tiny, sizeof tiny);
    CHECK(t == NULL);
    CHECK(strlen(tiny) < sizeof tiny);

    static const char *names[] = {"words.yml", "tags.yml", "unknown.yml"};
    for (int i = 0; i < 3; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    rmdir(dir);
}

static void test_load_time(void) {
    struct timespec t0, t1;
    char err[512];
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dyad_tagger *t = dyad_tagger_load(lingua_dir(), err, sizeof err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!t) SKIP("Lingua::EN::Tagger data not loaded");
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    printf("tagger load time %.1f ms\n", ms);
    dyad_tagger_free(t);
}

int main(void) {
    char err[512];
    shared_tagger = dyad_tagger_load(lingua_dir(), err, sizeof err);
    if (!shared_tagger)
        fprintf(stderr, "tagger data unavailable (%s); install liblingua-en-tagger-perl or set "
                        "DYAD_LINGUA_DIR\n", err);
    RUN(test_targeted);
    RUN(test_treebank_agreement);
    RUN(test_bad_data);
    RUN(test_load_time);
    dyad_tagger_free(shared_tagger);
    DONE();
}
