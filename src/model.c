/*
 * model.c — loading the read-only model: dyad's dictionaries from the data
 * directory, the tagger statistics (Lingua::EN::Tagger, Debian package
 * liblingua-en-tagger-perl) and WordNet's exception lists (wordnet-base).
 * Paths: the data directory argument, else $DYAD_DATA, else the compiled-in
 * DYAD_DATA_DIR; $DYAD_LINGUA_DIR and $DYAD_WORDNET_DIR override the Debian
 * locations of the tagger and WordNet data.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cameo.h"
#include "compat.h"
#include "engine.h"
#include "reader.h"
#include "xprintf.h"

#ifndef DYAD_DATA_DIR
#define DYAD_DATA_DIR "data"
#endif
#define LINGUA_DIR "/usr/share/perl5/Lingua/EN/Tagger"
#define WORDNET_DIR "/usr/share/wordnet"

static void set_err(dyad_error *err, dyad_status code, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void set_err(dyad_error *err, dyad_status code, const char *file, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    dyad_error_vsetf(err, code, file, 0, -1, fmt, ap);
    va_end(ap);
}

/* Record a warning "file:line: reason". The count is kept even when
 * memory for the text runs out (then the text is a fixed one). */
void dyad_model_push_warning(dyad_model *m, char *text) {
    static const char oom_text[] = "(warning text lost: out of memory)";
    if (m->nwarn == m->capwarn) {
        size_t nc = m->capwarn ? m->capwarn * 2 : 16;
        char **nw = realloc(m->warnings, nc * sizeof *nw);
        if (!nw) {
            free(text);
            m->lost_warnings++;
            return;
        }
        m->warnings = nw;
        m->capwarn = nc;
    }
    if (!text) {
        size_t n = sizeof oom_text;
        text = malloc(n);
        if (!text) {
            m->lost_warnings++;
            return;
        }
        memcpy(text, oom_text, n);
    }
    m->warnings[m->nwarn++] = text;
}

/* Record a dictionary warning "file:line:column: reason" ("file:line: reason"
 * when the column is not known). */
static void add_warning(void *ctx, const char *file, long line, long column, const char *msg) {
    if (column > 0)
        dyad_model_push_warning(ctx, dyad_asprintf("%s:%ld:%ld: %s", file, line, column, msg));
    else
        dyad_model_push_warning(ctx, dyad_asprintf("%s:%ld: %s", file, line, msg));
}

static const char *env_or(const char *name, const char *dflt) {
    const char *v = getenv(name);
    return v && *v ? v : dflt;
}

/* Is path a directory? */
static int is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int txt_file(const struct dirent *e) {
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0;
}

/* Load one dictionary kind: the file DIR/KIND.txt, or else every *.txt file
 * of the directory DIR/KIND/ in name order (docs/DICTIONARIES.md). */
static int load_kind(dyad_model *m, const char *data_dir, const char *kind, dyad_error *err) {
    char msg[1024];
    char *file = dyad_asprintf("%s/%s.txt", data_dir, kind);
    char *dir = dyad_asprintf("%s/%s", data_dir, kind);
    int rc = -1;
    if (!file || !dir) {
        set_err(err, DYAD_ERR_NOMEM, NULL, "out of memory loading the model");
    } else if (!is_dir(dir) || access(file, F_OK) == 0) {
        rc = dyad_dict_load_file(&m->dict, file, kind, add_warning, m, msg, sizeof msg);
        if (rc != 0) set_err(err, DYAD_ERR_MODEL, file, "cannot load dictionary: %s", msg);
    } else {
        struct dirent **list = NULL;
        int n = scandir(dir, &list, txt_file, alphasort);
        if (n < 0) {
            set_err(err, DYAD_ERR_MODEL, dir, "cannot read dictionary directory: %s", strerror(errno));
        } else if (n == 0) {
            set_err(err, DYAD_ERR_MODEL, dir, "dictionary directory holds no .txt file");
        } else {
            rc = 0;
            for (int i = 0; i < n; i++) {
                char *path = rc == 0 ? dyad_asprintf("%s/%s", dir, list[i]->d_name) : NULL;
                if (rc == 0 && !path) {
                    set_err(err, DYAD_ERR_NOMEM, NULL, "out of memory loading the model");
                    rc = -1;
                } else if (rc == 0 &&
                           dyad_dict_load_file(&m->dict, path, kind, add_warning, m, msg,
                                               sizeof msg) != 0) {
                    set_err(err, DYAD_ERR_MODEL, path, "cannot load dictionary: %s", msg);
                    rc = -1;
                }
                free(path);
                free(list[i]);
            }
        }
        free(list);
    }
    free(file);
    free(dir);
    return rc;
}

int dyad_model_load_nlp(dyad_model *m, dyad_error *err) {
    char msg[1024];
    const char *lingua = env_or("DYAD_LINGUA_DIR", LINGUA_DIR);
    m->tagger = dyad_tagger_load(lingua, msg, sizeof msg);
    if (!m->tagger) {
        set_err(err, DYAD_ERR_MODEL, lingua,
                "cannot load the POS tagger statistics (Debian package liblingua-en-tagger-perl): %s",
                msg);
        return -1;
    }
    const char *wn = env_or("DYAD_WORDNET_DIR", WORDNET_DIR);
    m->lemma = dyad_lemma_load(wn, msg, sizeof msg);
    if (!m->lemma) {
        set_err(err, DYAD_ERR_MODEL, wn, "cannot load WordNet (Debian package wordnet-base): %s",
                msg);
        return -1;
    }
    return 0;
}

dyad_model *dyad_model_load(const char *data_dir, dyad_error *err) {
    return dyad_model_load_capped(data_dir, 0, err);
}

dyad_model *dyad_model_load_capped(const char *data_dir, size_t max_line, dyad_error *err) {
    if (!data_dir) data_dir = env_or("DYAD_DATA", DYAD_DATA_DIR);
    dyad_model *m = calloc(1, sizeof *m);
    if (!m) {
        set_err(err, DYAD_ERR_NOMEM, NULL, "out of memory loading the model");
        return NULL;
    }
    dyad_dict_init(&m->dict);
    m->dict.max_line = max_line;
    static const char *const kinds[] = {"actors", "agents", "verbs"};
    for (int k = 0; k < 3; k++) {
        if (load_kind(m, data_dir, kinds[k], err) != 0) {
            dyad_model_free(m);
            return NULL;
        }
    }
    /* every pattern's code must be a CAMEO code */
    for (size_t i = 0; i < m->dict.npatterns; i++) {
        const dict_pattern *p = m->dict.patterns[i];
        if (!dyad_cameo_lookup(p->code)) {
            dyad_model_push_warning(m, dyad_asprintf("%s:%ld: '%s' is not a CAMEO event code (pattern '%s' never "
                                   "fires; want a code of the CAMEO table)",
                                   p->where, p->code_col, p->code, p->text));
        }
    }
    if (dyad_model_load_nlp(m, err) != 0) {
        dyad_model_free(m);
        return NULL;
    }
    return m;
}

void dyad_model_free(dyad_model *m) {
    if (!m) return;
    dyad_dict_free(&m->dict);
    cp_dict_free(m->compat);
    dyad_peer_free(m);
    if (m->tagger) dyad_tagger_free(m->tagger);
    if (m->lemma) dyad_lemma_free(m->lemma);
    for (size_t i = 0; i < m->nwarn; i++) free(m->warnings[i]);
    free(m->warnings);
    free(m);
}

size_t dyad_model_warnings(const dyad_model *m) { return m ? m->nwarn + m->lost_warnings : 0; }

const char *dyad_model_warning(const dyad_model *m, size_t i) {
    if (!m || i >= dyad_model_warnings(m)) return NULL;
    return i < m->nwarn ? m->warnings[i] : "(warning text lost: out of memory)";
}

size_t dyad_model_count(const dyad_model *m, int kind) {
    if (m && m->compat) return kind >= 0 && kind < 4 ? cp_dict_count(m->compat, kind == 3 ? 2 : kind == 2 ? 3 : kind) : 0;
    return (m && kind >= 0 && kind < 4) ? m->dict.counts[kind] : 0;
}

int dyad_is_speech_lemma(const dyad_model *m, const char *lemma) {
    if (!lemma) return 0;
    const dict_pattern_list *l = dyad_dict_patterns(&m->dict, lemma);
    for (size_t i = 0; l && i < l->n; i++)
        if (!l->items[i]->noun && (l->items[i]->flags & PF_SPEECH) && l->items[i]->nel == 1)
            return 1; /* a reporting verb on its own ("say"), not "express hope" */
    return 0;
}
