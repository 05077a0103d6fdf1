/*
 * fuzz_petrxml.c — libFuzzer target for the PETRARCH XML reader
 * (src/petrxml.c) and, through it, the PTB reader (src/ptb.c).
 *
 * The input is an XML file, read from memory twice: with the default field
 * cap and with a cap of 16 bytes. Every item is checked (kinds, strings
 * terminated and of the stated length, every byte touched so ASan sees
 * reads outside), every PTB parse goes through dyad_ptb_parse() with a depth
 * limit of 500, and both reads must give the same sequence of item kinds (the
 * cap only empties fields and sets `problem`).
 *
 * Build with clang: see fuzz/README.md. With gcc: fuzz/replay_main.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "petrxml.h"
#include "ptb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ITEMS 4096

static void must(int cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "fuzz_petrxml: broken promise: %s\n", what);
        abort();
    }
}

static volatile size_t sink;

static void touch(const char *s)
{
    if (s)
        sink += strlen(s);
}

static void touch_n(const char *s, size_t n)
{
    if (!s)
        return;
    must(strlen(s) == n, "length matches");
    for (size_t i = 0; i < n; i++)
        sink += (unsigned char)s[i];
}

/* Read everything; kinds[] gets the kind of each item (up to MAX_ITEMS). */
static int read_all(const char *buf, size_t len, size_t cap, dyad_arena *a, unsigned char *kinds)
{
    dyad_petrxml *r = dyad_petrxml_open_memory(buf, len, cap);
    if (!r)
        return -1;
    dyad_px_item it;
    int n = 0;
    for (;;) {
        dyad_px_kind k = dyad_petrxml_next(r, &it);
        must(k == it.kind, "returned kind is the item's");
        if (n < MAX_ITEMS)
            kinds[n] = (unsigned char)k;
        n++;
        if (k == DYAD_PX_END)
            break;
        if (k == DYAD_PX_ERROR) {
            must(it.error && it.error[0], "error has a message");
            touch(it.error);
            must(dyad_petrxml_next(r, &it) == DYAD_PX_END, "END after ERROR");
            break;
        }
        if (k == DYAD_PX_CONFIG) {
            touch(it.config.option);
            touch(it.config.value);
        } else if (k == DYAD_PX_ENVIRONMENT) {
            const dyad_px_environment *e = &it.env;
            touch(e->verbfile);
            touch(e->agentfile);
            touch(e->discardfile);
            touch(e->issuefile);
            touch(e->include);
            touch(e->problem);
            for (int i = 0; i < e->nactorfiles; i++)
                touch(e->actorfiles[i]);
            for (int i = 0; i < e->nconfigs; i++) {
                touch(e->configs[i].option);
                touch(e->configs[i].value);
            }
            for (int i = 0; i < e->nothers; i++) {
                must(e->others[i].name && e->others[i].value, "other field set");
                touch(e->others[i].name);
                touch(e->others[i].value);
            }
        } else {
            must(k == DYAD_PX_RECORD, "known kind");
            const dyad_px_record *rec = &it.rec;
            touch(rec->id);
            touch(rec->date);
            touch(rec->source);
            touch(rec->category);
            touch(rec->problem);
            must(rec->sentence == (rec->sentence_attr ? rec->sentence : -1), "tri-state");
            must(rec->sentence >= -1 && rec->sentence <= 1, "tri-state range");
            touch_n(rec->text, rec->text_len);
            touch_n(rec->parse, rec->parse_len);
            if (rec->text) {
                must(rec->text_len == 0 || (rec->text[0] != ' ' &&
                                            rec->text[rec->text_len - 1] != ' '),
                     "text trimmed");
                must(strstr(rec->text, "  ") == NULL, "text squeezed");
                must(strchr(rec->text, '\n') == NULL, "no newline in text");
            }
            must(rec->parse_kind == dyad_px_parse_kind_of(rec->parse, rec->parse_len),
                 "parse kind");
            for (int i = 0; i < rec->ncodings; i++) {
                const dyad_px_coding *c = &rec->codings[i];
                touch(c->sourcecode);
                touch(c->targetcode);
                touch(c->eventcode);
                touch(c->noevents_attr);
                touch(c->error);
                must(!c->noevents || c->noevents_attr, "noevents from the attribute");
            }
            if (rec->parse_kind == DYAD_PX_PARSE_PTB) {
                dyad_ptb_tree t;
                char err[200];
                if (dyad_ptb_parse(a, rec->parse, rec->parse_len, 500, &t, err, sizeof err) == 0) {
                    must(t.nnodes > 0, "tree has nodes");
                    touch(dyad_ptb_format(a, &t));
                } else {
                    must(err[0] != '\0', "ptb error has a message");
                }
                dyad_arena_reset(a);
            }
        }
    }
    dyad_petrxml_close(r);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a private copy of exactly size bytes, so reads past it are caught */
    char *buf = malloc(size ? size : 1);
    unsigned char *k1 = malloc(MAX_ITEMS), *k2 = malloc(MAX_ITEMS);
    if (!buf || !k1 || !k2) {
        free(buf);
        free(k1);
        free(k2);
        return 0;
    }
    if (size)
        memcpy(buf, data, size);
    dyad_arena a;
    dyad_arena_init(&a);
    int n1 = read_all(buf, size, 0, &a, k1);
    int n2 = read_all(buf, size, 16, &a, k2);
    must(n1 == n2, "the cap does not change the number of items");
    if (n1 > 0)
        must(memcmp(k1, k2, (size_t)(n1 < MAX_ITEMS ? n1 : MAX_ITEMS)) == 0,
             "the cap does not change the kinds of items");
    dyad_arena_free(&a);
    free(buf);
    free(k1);
    free(k2);
    return 0;
}
