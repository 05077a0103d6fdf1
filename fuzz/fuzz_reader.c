/*
 * fuzz_reader.c — libFuzzer target for dyad_read_articles().
 *
 * The first input byte picks the format and options, the rest is the file
 * content: bit 0 → JSON Lines (else text), bit 1 → pass a date override,
 * bit 2 → AUTO format with a ".jsonl"/".txt" (".xml", ".tabari") name
 * instead of a forced format, bits 3-4 → 1: PETRARCH XML, 2: TABARI records
 * (0 and 3: bit 0 decides). Every article handed to the callback is checked
 * for the reader's promises (valid date shape, id and text set, a parse
 * only from PETRARCH XML and only a bracketed one).
 *
 * Build with clang:  see fuzz/README.md.
 * Build with gcc (no libFuzzer): link fuzz/replay_main.c, which runs each
 * file named on the command line through the target once (make fuzz-replay).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(int cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "fuzz_reader: broken promise: %s\n", what);
        abort();
    }
}

typedef struct fuzz_ctx {
    size_t n;
    int xml; /* reading PETRARCH XML: a parse may come */
} fuzz_ctx;

/* A parse is a Penn Treebank one: its first non-blank byte is '('. */
static void check_parse(const fuzz_ctx *c, const dyad_article *a)
{
    if (!a->parse) {
        must(a->parse_len == 0, "no parse has no length");
        return;
    }
    must(c->xml, "only PETRARCH XML has a parse");
    size_t i = 0;
    while (i < a->parse_len && a->parse[i] != '\0' && strchr(" \t\n\r\f\v", a->parse[i]))
        i++;
    must(i < a->parse_len && a->parse[i] == '(', "the parse is a bracketed one");
    volatile unsigned sum = 0;
    for (i = 0; i < a->parse_len; i++)
        sum += (unsigned char)a->parse[i];
    (void)sum;
}

static int on_article(void *ctx, const dyad_article *a)
{
    fuzz_ctx *c = ctx;
    must(a->id && a->id[0], "article has an id");
    must(a->date && strlen(a->date) == 10 && a->date[4] == '-' && a->date[7] == '-',
         "date is YYYY-MM-DD");
    must(a->text != NULL && a->text_len > 0, "text is not empty");
    /* touch every byte so ASan sees out-of-bounds text */
    volatile unsigned sum = 0;
    for (size_t i = 0; i < a->text_len; i++)
        sum += (unsigned char)a->text[i];
    if (a->outlet)
        sum += (unsigned)strlen(a->outlet);
    if (a->url)
        sum += (unsigned)strlen(a->url);
    (void)sum;
    check_parse(c, a);
    c->n++;
    return 0;
}

static void on_reject(void *ctx, const dyad_error *e)
{
    (void)ctx;
    must(e->code != DYAD_OK, "reject has a status");
    must(memchr(e->message, '\0', sizeof e->message) != NULL, "message is terminated");
    must(memchr(e->file, '\0', sizeof e->file) != NULL, "file is terminated");
    must(e->message[0] != '\0', "reject has a message");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned mode = data[0];
    /* a private copy of exactly size-1 bytes, so reads past it are caught */
    size_t len = size - 1;
    char *buf = malloc(len ? len : 1);
    if (!buf)
        return 0;
    memcpy(buf, data + 1, len);
    int jsonl = mode & 1;
    dyad_input_format fmt = jsonl ? DYAD_INPUT_JSONL : DYAD_INPUT_TEXT;
    const char *name = jsonl ? "fuzz/input.jsonl" : "fuzz/input.txt";
    unsigned peer = (mode >> 3) & 3;
    if (peer == 1) {
        fmt = DYAD_INPUT_PETRARCH_XML;
        name = "fuzz/input.xml";
    } else if (peer == 2) {
        fmt = DYAD_INPUT_TABARI;
        name = "fuzz/input.tabari"; /* with AUTO: read as text */
    }
    if (mode & 4)
        fmt = DYAD_INPUT_AUTO;
    const char *date = (mode & 2) ? "20240229" : NULL;
    fuzz_ctx c = {0, fmt == DYAD_INPUT_PETRARCH_XML || (fmt == DYAD_INPUT_AUTO && peer == 1)};
    dyad_read_articles(name, buf, len, fmt, date, on_article, on_reject, &c);
    free(buf);
    return 0;
}

