/*
 * compat_doc.c — coding a prepared sentence with the peers' dictionaries:
 * the sentence's tokens (from dyad's tokenizer and tagger, or from a
 * Treebank parse) are handed to the compatible coder (compat.c) and its
 * events become the document's events.
 */
#include <string.h>

#include "compat.h"
#include "engine.h"

static char *upper(dyad_arena *a, const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    char *u = dyad_arena_alloc(a, n + 1);
    if (!u) return NULL;
    for (size_t i = 0; i < n; i++) u[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    u[n] = 0;
    return u;
}

int dyad_compat_sentence(article_state *as, sent_state *ss) {
    const dyad_sentence *s = ss->s;
    size_t cap = as->opt->max_sentence_tokens;
    if (!s->ntok || (cap && s->ntok > cap)) return 0;
    /* one cp_token per word; a token written with '_' ("Dol_Amroth") is the
     * words it joins, as TABARI reads it (TABARI also splits "Al-Gore" and
     * skips quotation marks); orig[] maps back to dyad's tokens */
    int tabari = cp_dict_style(as->model->compat) == CP_STYLE_TABARI;
    const char *seps = tabari ? "_-" : "_";
    size_t n = 0;
    for (size_t i = 0; i < s->ntok; i++) {
        n++;
        for (const char *p = s->toks[i].norm; p && *p; p++)
            n += strchr(seps, *p) && p[1] && p != s->toks[i].norm;
    }
    cp_token *t = dyad_arena_calloc(&as->scratch, n + 1, sizeof *t);
    int *orig = dyad_arena_calloc(&as->scratch, n + 1, sizeof *orig);
    if (!t || !orig) return -1;
    size_t k = 0;
    for (size_t i = 0; i < s->ntok; i++) {
        const char *sw = s->toks[i].norm ? s->toks[i].norm : "";
        if (*sw && strspn(sw, "_") == strlen(sw))
            continue; /* "Dol_Amroth" may come as Dol, _, Amroth */
        if (tabari && (!strcmp(sw, "``") || !strcmp(sw, "''") || !strcmp(sw, "\"") ||
                       !strcmp(sw, "`") || !strcmp(sw, "'")))
            continue;
        char *w = upper(&as->scratch, sw);
        if (!w) return -1;
        int upper1 = sw[0] >= 'A' && sw[0] <= 'Z' && strpbrk(sw, "abcdefghijklmnopqrstuvwxyz");
        char *part = w;
        for (char *p = w + 1; *p; p++) {
            if (!strchr(seps, *p) || !p[1]) continue;
            *p = 0;
            t[k] = (cp_token){part, NULL, s->toks[i].tag, upper1};
            orig[k++] = (int)i;
            part = p + 1;
        }
        t[k] = (cp_token){part, part == w ? upper(&as->scratch, s->toks[i].lemma) : NULL,
                          s->toks[i].tag, upper1};
        orig[k++] = (int)i;
    }
    orig[k] = (int)s->ntok;
    cp_settings set;
    if (as->cps) set = *as->cps;
    else memset(&set, 0, sizeof set);
    set.require_dyad = (as->opt->flags & DYAD_OPT_REQUIRE_DYAD) != 0;
    cp_result r;
    if (cp_code_sentence(as->model->compat, &set, t, (int)k, as->date, &as->scratch, &r) != 0)
        return -1;
    if (r.discard) {
        dyad_explain(as, "# sentence %d discarded (%s): %s\n", s->index,
                     r.discard == 2   ? "story discard"
                     : r.discard == 3 ? "complex"
                                      : "sentence discard", r.why ? r.why : "");
        if (r.discard == 2) as->story_discard = 1;
    }
    for (int j = 0; j < r.nev; j++) {
        const cp_event *e = &r.ev[j];
        const char *pattern =
            e->where ? dyad_arena_printf(as->arena, "%s: %s", e->where, e->pattern ? e->pattern : "")
                     : NULL;
        if (e->where && !pattern) return -1;
        /* a default actor (DEFAULT: SOURCE [X]) has no span */
        int sa = e->src_end > e->src_start ? orig[e->src_start] : -1;
        int sb = e->src_end > e->src_start ? orig[e->src_end - 1] + 1 : -1;
        int ta = e->tgt_end > e->tgt_start ? orig[e->tgt_start] : -1;
        int tb = e->tgt_end > e->tgt_start ? orig[e->tgt_end - 1] + 1 : -1;
        /* the coder's strings live in the scratch arena, reset below */
        const char *code = dyad_arena_strdup(as->arena, e->code);
        const char *src = dyad_arena_strdup(as->arena, e->source);
        const char *tgt = dyad_arena_strdup(as->arena, e->target);
        if (!code || !src || !tgt) return -1;
        if (dyad_add_event(as, ss, code, src, sa, sb, tgt, ta, tb, ss, orig[e->verb],
                           orig[e->verb] + 1, pattern) != 0)
            return -1;
    }
    dyad_arena_reset(&as->scratch);
    return 0;
}
