/*
 * fuzz_tabari_text.c — libFuzzer target for the TABARI readers
 * (src/tabari_text.c): input text and validation records, .options and
 * .project files.
 *
 * The first input byte picks the reader, the rest is the file content:
 * bits 0-1 = 0 or 3 → records (dyad_tabari_next), 1 → options file,
 * 2 → project file (bit 2 chooses the project path: "p/x.project" or none).
 * Every result is checked for the readers' promises: strings set and
 * NUL-terminated, valid UTF-8 (non-UTF-8 input is converted), text_len =
 * strlen(text), lines increasing, dates YYYY-MM-DD, expectations consistent
 * with the items, each problem with a message.
 *
 * Build with clang: see fuzz/README.md; with gcc, fuzz/replay_main.c replays
 * files (make fuzz-replay).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tabari_text.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(int cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "fuzz_tabari_text: broken promise: %s\n", what);
        abort();
    }
}

/* A set string: valid UTF-8 (which strlen walks to its NUL). */
static void str_ok(const char *s, const char *what)
{
    must(s != NULL, what);
    must(dyad_utf8_validate(s, strlen(s)) < 0, what);
}

static void date_ok(const char *d)
{
    if (!d)
        return;
    must(strlen(d) == 10 && d[4] == '-' && d[7] == '-', "date is YYYY-MM-DD");
}

static void problems_ok(const dyad_tabari_problem *p, size_t n, long last)
{
    must(n == 0 || p != NULL, "problems array");
    for (size_t i = 0; i < n; i++) {
        must(p[i].kind >= DYAD_TABARI_P_DATE && p[i].kind <= DYAD_TABARI_P_LIMIT,
             "problem kind in range");
        str_ok(p[i].message, "problem message is UTF-8");
        must(p[i].message[0] != '\0', "problem has a message");
        must(strcmp(dyad_tabari_problem_name(p[i].kind), "unknown") != 0, "problem has a name");
        must(p[i].line >= 0 && (last < 0 || p[i].line <= last), "problem line in range");
    }
}

static void check_record(const dyad_tabari_record *r, long prev_last)
{
    must(r->line > prev_last, "records come in line order");
    must(r->line <= r->last_line, "line <= last_line");
    str_ok(r->text, "text is UTF-8");
    must(strlen(r->text) == r->text_len, "text_len is strlen(text)");
    must(r->text_len == 0 || (r->text[0] != ' ' && r->text[r->text_len - 1] != ' '),
         "text is trimmed");
    str_ok(r->comment, "comment is UTF-8");
    problems_ok(r->problems, r->n_problems, r->last_line);
    if (r->stray) {
        must(r->header == NULL && r->id == NULL && r->date == NULL, "stray has no header");
        must(r->n_items == 0 && r->n_events == 0, "stray has no items");
        return;
    }
    str_ok(r->header, "header");
    str_ok(r->id, "id");
    str_ok(r->id_word, "id_word");
    str_ok(r->date_raw, "date_raw");
    for (const char *d = r->date_raw; *d; d++)
        must(*d >= '0' && *d <= '9', "date_raw is digits");
    must(r->date_raw[0] != '\0', "a header starts with a digit");
    date_ok(r->date);
    date_ok(r->date_tabari);
    must(!r->date || (r->date_tabari && strcmp(r->date, r->date_tabari) == 0),
         "date_tabari = date when date is set");
    size_t nev = 0, nopt = 0, first_off = r->n_items;
    int known = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const dyad_tabari_item *it = &r->items[i];
        must(it->kind >= DYAD_TABARI_EVENT && it->kind <= DYAD_TABARI_OTHER, "item kind");
        str_ok(it->raw, "item raw");
        must(it->line >= r->line && it->line <= r->last_line, "item line in record");
        if (it->disabled && first_off == r->n_items)
            first_off = i;
        if (it->kind == DYAD_TABARI_EVENT) {
            str_ok(it->source, "source");
            str_ok(it->target, "target");
            str_ok(it->code, "code");
            must(it->source[0] && it->target[0] && it->code[0], "event fields not empty");
            if (it->attrib)
                str_ok(it->attrib, "attrib");
            if (it->date)
                for (const char *d = it->date; *d; d++)
                    must(*d >= '0' && *d <= '9', "event date is digits");
            if (i < first_off)
                nev++;
        } else {
            must(it->source == NULL && it->date == NULL, "only events have fields");
        }
        if (it->kind == DYAD_TABARI_OPTION) {
            str_ok(it->option, "option");
            nopt++;
        }
        if (it->kind != DYAD_TABARI_EMPTY && it->kind != DYAD_TABARI_OTHER)
            known = 1;
    }
    must(nev == r->n_events, "events are the enabled EVENT items");
    for (size_t i = 0; i < r->n_events; i++)
        must(r->events[i] >= r->items && r->events[i] < r->items + r->n_items,
             "events point into items");
    must(nopt == r->n_options, "options are the OPTION items");
    for (size_t i = 0; i < r->n_options; i++)
        str_ok(r->options[i], "options[i]");
    must(known == r->has_expectation, "has_expectation");
    must(!r->stop || !r->has_expectation, "a stop record has no expectation");
    must(r->disabled == (first_off < r->n_items), "disabled flag");
}

static void run_records(const char *buf, size_t len)
{
    dyad_tabari_reader *r = dyad_tabari_reader_new(buf, len);
    if (!r)
        return;
    const dyad_tabari_record *rec;
    long prev_last = 0;
    int st;
    while ((st = dyad_tabari_next(r, &rec)) == 1) {
        check_record(rec, prev_last);
        prev_last = rec->last_line;
    }
    must(st == 0, "the reader ends (no out of memory at fuzz sizes)");
    must(dyad_tabari_next(r, &rec) == 0 && rec == NULL, "the reader stays at its end");
    dyad_tabari_reader_free(r);
}

static void run_options(const char *buf, size_t len)
{
    dyad_tabari_options *o = dyad_tabari_options_parse(buf, len);
    if (!o)
        return;
    problems_ok(o->problems, o->n_problems, -1);
    for (size_t i = 0; i < o->n_cmds; i++) {
        const dyad_tabari_option *c = &o->cmds[i];
        str_ok(c->command, "command");
        str_ok(c->arg, "arg");
        must(c->command[0] != '\0', "command not empty");
        if (c->name) {
            str_ok(c->name, "name");
            str_ok(c->value, "value");
            must(dyad_tabari_options_get(o, c->name) != NULL, "a SET name is found");
            (void)dyad_tabari_options_bool(o, c->name, -1);
        }
        must(dyad_tabari_options_command(o, c->command) != NULL, "a command is found");
    }
    /* each line again through _add, as a record's OPTION command would be */
    size_t st = 0;
    for (size_t i = 0; i <= len && i - st < 256; i++) {
        if (i == len || buf[i] == '\n') {
            must(dyad_tabari_options_add(o, buf + st, i - st, 1) >= 0, "add");
            st = i + 1;
        }
    }
    problems_ok(o->problems, o->n_problems, -1);
    dyad_tabari_options_free(o);
}

static void run_project(const char *buf, size_t len, const char *path)
{
    dyad_tabari_project *p = dyad_tabari_project_parse(buf, len, path);
    if (!p)
        return;
    str_ok(p->dir, "dir");
    if (p->title)
        str_ok(p->title, "title");
    const char **lists[4] = {p->actors, p->agents, p->verbs, p->texts};
    size_t ns[4] = {p->n_actors, p->n_agents, p->n_verbs, p->n_texts};
    for (int k = 0; k < 4; k++)
        for (size_t i = 0; i < ns[k]; i++)
            str_ok(lists[k][i], "project file name");
    const char *one[8] = {p->options, p->events, p->output, p->errors,
                          p->problem, p->issues, p->freqs,  p->coder};
    for (int k = 0; k < 8; k++)
        if (one[k])
            str_ok(one[k], "project entry");
    for (size_t i = 0; i < p->n_tags; i++) {
        str_ok(p->tags[i].name, "tag name");
        str_ok(p->tags[i].value, "tag value");
    }
    problems_ok(p->problems, p->n_problems, -1);
    must(p->n_actors || p->n_problems, "a missing actors file is reported");
    dyad_tabari_project_free(p);
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
    switch (mode & 3) {
    case 1: run_options(buf, len); break;
    case 2: run_project(buf, len, (mode & 4) ? "p/x.project" : NULL); break;
    default: run_records(buf, len); break;
    }
    free(buf);
    return 0;
}
