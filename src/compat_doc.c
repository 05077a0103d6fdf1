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
    cp_token *t = dyad_arena_calloc(&as->scratch, s->ntok, sizeof *t);
    if (!t) return -1;
    for (size_t i = 0; i < s->ntok; i++) {
        t[i].word = upper(&as->scratch, s->toks[i].norm);
        t[i].lemma = upper(&as->scratch, s->toks[i].lemma);
        t[i].tag = s->toks[i].tag;
        if (!t[i].word) return -1;
    }
    cp_settings set = {(as->opt->flags & DYAD_OPT_REQUIRE_DYAD) != 0};
    cp_result r;
    if (cp_code_sentence(as->model->compat, &set, t, (int)s->ntok, as->date, &as->scratch, &r) != 0)
        return -1;
    if (r.discard) {
        dyad_explain(as, "# sentence %d discarded (%s): %s\n", s->index,
                     r.discard == 2 ? "story discard" : "sentence discard", r.why ? r.why : "");
        if (r.discard == 2) as->story_discard = 1;
    }
    for (int k = 0; k < r.nev; k++) {
        const cp_event *e = &r.ev[k];
        const char *pattern =
            e->where ? dyad_arena_printf(as->arena, "%s: %s", e->where, e->pattern ? e->pattern : "")
                     : NULL;
        if (e->where && !pattern) return -1;
        if (dyad_add_event(as, ss, e->code, e->source, e->src_start, e->src_end, e->target,
                           e->tgt_start, e->tgt_end, ss, e->verb, e->verb + 1, pattern) != 0)
            return -1;
    }
    dyad_arena_reset(&as->scratch);
    return 0;
}
