/*
 * code.c — from a parsed sentence to events (DESIGN §2).
 *
 * For each verb group: sources come from its subject (pronouns and
 * agent nouns resolved through the article's reference table, appositives
 * bound to the name they follow), or from the "by" phrase of a passive;
 * the verb patterns whose head is the verb's lemma are tried and the
 * longest match wins; its TGT slot or else the direct object gives the
 * target. Nouns with [noun] patterns ("meeting of SRC") are tried the same
 * way. Then: modality (hypothetical → dropped, "will" → intent 03x/13x),
 * symmetric acts → every ordered pair, quotations → a statement by the
 * quoted speaker, a plain 010 dropped when the same source has a more
 * specific event, and duplicates removed.
 */
#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "engine.h"
#include "hset.h"
#include "mode.h"

#define MAX_GAP 5     /* words allowed between two pattern elements */
#define MAX_SIDE 16   /* actors on one side of an event */

typedef struct side {
    const char *code[MAX_SIDE];
    int mention[MAX_SIDE]; /* mention index for spans, -1 when unknown */
    int n;
    int dropped;           /* actors left out because the side was full */
} side;

typedef struct binding {
    const dict_pattern *p;
    side src, tgt;
    int has_tgt, has_src;
    int end;           /* token after the last matched element */
    int gaps;          /* words skipped between the pattern's words */
    int clause;        /* a clause stood for an omitted "that": the object is its subject */
} binding;

static int tag(const sent_state *ss, int i) {
    return (i >= 0 && i < (int)ss->s->ntok) ? ss->s->toks[i].tag : TAG_NONE;
}

/* Is w (possibly NULL) one of the words of a NULL-terminated list? */
static int listed(const char *const *list, const char *w) {
    for (int i = 0; w && list[i]; i++)
        if (strcmp(list[i], w) == 0) return 1;
    return 0;
}

static void side_add(side *s, const char *code, int mi) {
    if (!code || !code[0]) return;
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->code[i], code) == 0) return;
    if (s->n >= MAX_SIDE) {
        s->dropped++;
        return;
    }
    s->code[s->n] = code;
    s->mention[s->n] = mi;
    s->n++;
}

static void side_from_mentions(const sent_state *ss, side *s, const int *idx, int n) {
    for (int i = 0; i < n; i++) {
        const mention *m = &ss->m[idx[i]];
        if (m->media || m->agent_only) continue;
        side_add(s, m->code, idx[i]);
    }
}

/* Adds the country of `state` (its first three letters) + role to s for
 * mention mi. Returns 1, or 0 when out of memory (as->oom set). */
static int add_composed(article_state *as, side *s, const char *state, const char *role, int mi) {
    const char *code = dyad_arena_printf(as->arena, "%.3s%s", state, role);
    if (!code) {
        as->oom = 1;
        return 0;
    }
    side_add(s, code, mi);
    return 1;
}

/* An agent noun whose country follows in a phrase: "a court in Guyana",
 * "officials from Egypt" -> country + role. `end` is the token after the
 * noun phrase holding the agent. Adds to s and returns 1 when it applies. */
static int agent_of_country(article_state *as, const sent_state *ss, const int *idx, int n,
                            int end, side *s) {
    int k = end, nt = (int)ss->s->ntok;
    if (k >= nt) return 0;
    const char *w = ss->s->toks[k].lower;
    if (strcmp(w, "in") && strcmp(w, "from") && strcmp(w, "of")) return 0;
    k++;
    /* "from two American aid groups": a determiner, number or adjective first */
    while (k < nt && k < end + 5 && ss->tok_mention[k] < 0 &&
           (ss->s->toks[k].tag == TAG_DT || ss->s->toks[k].tag == TAG_CD ||
            TAG_IS_ADJ(ss->s->toks[k].tag)))
        k++;
    if (k >= nt || ss->tok_mention[k] < 0) return 0;
    const mention *c = &ss->m[ss->tok_mention[k]];
    /* a country, or a region of one ("the West Bank city of Nablus": PSE) */
    if (c->kind != AK_COUNTRY || strlen(c->code) < 3) return 0;
    if (strlen(c->code) > 3 && !dyad_dict_country_prefix(&as->model->dict, c->code)) return 0;
    for (int i = 0; i < n; i++) {
        const mention *m = &ss->m[idx[i]];
        if (!m->agent_only || !m->role[0] || !strcmp(m->role, "MED")) continue;
        return add_composed(as, s, c->code, m->role, idx[i]);
    }
    return 0;
}

/* A mention that stands for a state or a region of it: a country
 * ("Egypt"), its government ("Tehran" = IRNGOV, "the Iraqi government") or a
 * region ("the Golan" = ISRGOL), not another part of the state ("the
 * Egyptian army") nor a group in it ("Iraqi Kurds"). */
static int whole_state(const mention *m) {
    size_t n = strlen(m->code);
    if (m->kind != AK_COUNTRY || m->media || dyad_identity_code(m->code)) return 0;
    return n == 3 || (n == 6 && (strcmp(m->code + 3, "GOV") == 0 ||
                                 (!dyad_role_code(m->code + 3) &&
                                  !dyad_identity_code(m->code + 3))));
}

/* An agent noun heading a phrase whose "of" phrase names only states:
 * "officials of Egypt" -> EGYGOV, "workers of the bus company of Tehran" ->
 * IRNLAB. idx[0..n) are the phrase's mentions in order. Adds to s and
 * returns 1 when it applies; other actors in the "of" phrase ("envoys of
 * Egypt and Hamas") leave the phrase to side_from_mentions. */
static int agent_of_countries(article_state *as, const sent_state *ss, const int *idx, int n,
                              side *s) {
    if (n < 2) return 0;
    const mention *head = &ss->m[idx[0]];
    if (!head->agent_only || !head->role[0] || !strcmp(head->role, "MED")) return 0;
    if (head->end >= (int)ss->s->ntok || !tok_is(ss, head->end, "of")) return 0;
    int countries = 0;
    for (int i = 1; i < n; i++) {
        const mention *m = &ss->m[idx[i]];
        if (m->agent_only) continue;
        if (!whole_state(m)) return 0;
        countries++;
    }
    if (!countries) return 0;
    for (int i = 1; i < n; i++) {
        const mention *m = &ss->m[idx[i]];
        if (m->agent_only) continue;
        if (!add_composed(as, s, m->code, head->role, idx[i])) return 0;
    }
    return 1;
}

/* When a phrase names no coded actor, its agent nouns stand as bare roles
 * ("Police arrested protesters" -> COP -> OPP, as GDELT codes them). News
 * media are left out: they report, they are not actors (DESIGN rule 10). */
static void side_from_roles(const sent_state *ss, side *s, const int *idx, int n) {
    for (int i = 0; i < n && !s->n; i++) {
        const mention *m = &ss->m[idx[i]];
        if (m->agent_only && m->role[0] && strcmp(m->role, "MED") != 0)
            side_add(s, m->role, idx[i]);
    }
}

static int word_in(const dyad_token *t, const dict_elem *e) {
    /* a plural noun the tagger took for a verb or a name ("inspectors"/VBZ,
     * "Peacekeepers"/NNP) keeps its -s through the lemmatizer */
    size_t n = t->tag == TAG_VBZ || t->tag == TAG_NNP || t->tag == TAG_NNPS ? strlen(t->lower) : 0;
    int plural = n > 3 && t->lower[n - 1] == 's';
    for (int a = 0; a < e->nalts; a++) {
        const char *w = e->alts[a];
        /* the first letter decides most comparisons */
        if ((t->lower[0] == w[0] && strcmp(t->lower, w) == 0) ||
            (t->lemma && t->lemma[0] == w[0] && strcmp(t->lemma, w) == 0))
            return 1;
        if (plural && strlen(w) == n - 1 && strncmp(t->lower, w, n - 1) == 0)
            return 1;
    }
    return 0;
}

/* A token that may stand between a pattern word and the actor of a slot. */
static int slot_filler(const sent_state *ss, int i) {
    int t = tag(ss, i);
    return t == TAG_DT || TAG_IS_ADJ(t) || t == TAG_CD || t == TAG_PRPS || TAG_IS_ADV(t) ||
           t == TAG_PDT;
}

/* Actors of a slot starting at token pos. SRC in a noun pattern takes the
 * whole prepositional chain ("of intelligence chiefs from the U.S., Israel,
 * and Egypt"); otherwise the noun phrase right there (with coordination). */
static int match_slot(article_state *as, const sent_state *ss, int pos, int chain, side *out) {
    int n = (int)ss->s->ntok, j = pos;
    while (j < n && j < pos + 3 && ss->tok_mention[j] < 0 && slot_filler(ss, j)) j++;
    if (chain) {
        int idx[MAX_SIDE], k = 0, last = -1, e = pos;
        const char *role = NULL; /* "of intelligence chiefs from the U.S., Israel" */
        for (; e < n; e++) {
            int t = tag(ss, e);
            int m = ss->tok_mention[e];
            if (m >= 0) {
                const mention *mm = &ss->m[m];
                if (m == last) continue;
                last = m;
                if (!k && !role && !out->n && mm->agent_only && mm->role[0] &&
                    strcmp(mm->role, "MED") != 0) {
                    role = mm->role;
                    continue;
                }
                if (role && mm->kind == AK_COUNTRY && strlen(mm->code) == 3 && !mm->media) {
                    const char *c = dyad_arena_printf(as->arena, "%s%s", mm->code, role);
                    if (!c) {
                        as->oom = 1;
                        return -1;
                    }
                    side_add(out, c, m);
                    continue;
                }
                if (k < MAX_SIDE) idx[k++] = m;
                continue;
            }
            if (TAG_IS_NOUN(t) || TAG_IS_ADJ(t) || t == TAG_DT || t == TAG_CD || t == TAG_COMMA ||
                t == TAG_CC || t == TAG_POS)
                continue;
            if (t == TAG_IN) {
                const char *w = ss->s->toks[e].lower;
                if (!strcmp(w, "of") || !strcmp(w, "from") || !strcmp(w, "between") ||
                    !strcmp(w, "among") || !strcmp(w, "with"))
                    continue;
            }
            break;
        }
        side_from_mentions(ss, out, idx, k);
        return out->n ? e : -1;
    }
    if (j >= n || ss->tok_mention[j] < 0) return -1;
    int end = dyad_np_end(ss, j);
    int idx[MAX_SIDE];
    int k = dyad_mentions_in(ss, j, end, 1, idx, MAX_SIDE);
    side_from_mentions(ss, out, idx, k);
    return out->n ? end : -1;
}

/* Are elements [e, nel) of a noun pattern only a source phrase ("by SRC",
 * "of SRC")? A possessive before the noun ("Egypt's mediation") stands in
 * for them. */
static int rest_is_source(const dict_pattern *p, int e) {
    int src = 0;
    for (; e < p->nel; e++) {
        const dict_elem *el = &p->el[e];
        if (el->kind == EL_SRC) src = 1;
        else if (el->kind != EL_WORD || el->nalts != 1 ||
                 (strcmp(el->alts[0], "by") && strcmp(el->alts[0], "of") &&
                  strcmp(el->alts[0], "from")))
            return 0;
    }
    return src;
}

/* Does a finite clause start at token i, so that it can stand for an
 * omitted "that" ("agreed today there was a need", "said Israel would")?
 * A time word may come first; then "there", a subject pronoun, or a short
 * noun phrase, and a finite verb or modal. */
static int zero_that(const sent_state *ss, int i) {
    static const char *const when[] = {"today", "yesterday", "tonight", "monday", "tuesday",
                                       "wednesday", "thursday", "friday", "saturday", "sunday",
                                       NULL};
    int n = (int)ss->s->ntok;
    if (i < n && listed(when, ss->s->toks[i].lower)) i++;
    if (i >= n) return 0;
    static const char *const subj[] = {"he", "she", "it", "they", "we", "i", "there", NULL};
    int k = i;
    if (tag(ss, k) == TAG_EX || (tag(ss, k) == TAG_PRP && listed(subj, ss->s->toks[k].lower))) {
        k++;
    } else {
        while (k < n && k < i + 6 &&
               (ss->tok_mention[k] >= 0 || TAG_IS_NOUN(tag(ss, k)) || TAG_IS_ADJ(tag(ss, k)) ||
                tag(ss, k) == TAG_DT || tag(ss, k) == TAG_CD || tag(ss, k) == TAG_PRPS ||
                tag(ss, k) == TAG_POS))
            k++;
        if (k == i) return 0;
    }
    int t = k < n ? tag(ss, k) : -1;
    return t == TAG_MD || t == TAG_VBD || t == TAG_VBZ || t == TAG_VBP;
}

/* Try pattern p with its head at token head. poss: mention index of a
 * possessive before a noun head, or -1. */
static int match_pattern(article_state *as, const sent_state *ss, const dict_pattern *p, int head,
                         int neg, int poss,
                         binding *b) {
    int pos = head + 1, n = (int)ss->s->ntok, has_not = 0;
    memset(b, 0, sizeof *b);
    b->p = p;
    if (p->head > 0) has_not = 1; /* only "not" elements stand before the head */
    for (int e = p->head + 1; e < p->nel; e++) {
        const dict_elem *el = &p->el[e];
        int ok = 1;
        if (el->kind == EL_NOT) {
            if (!neg) return 0;
            has_not = 1;
            continue;
        }
        if (el->kind == EL_WORD) {
            int j = pos, found = -1;
            for (; j < n && j <= pos + MAX_GAP; j++) {
                if (tag(ss, j) == TAG_PERIOD) break;
                if (word_in(&ss->s->toks[j], el)) {
                    found = j;
                    break;
                }
                /* a skipped "not" would flip the act ("urged Hamas not to
                 * release"); "and" + verb starts another clause */
                if (tok_is(ss, j, "not") || tok_is(ss, j, "never") ||
                    (tag(ss, j) == TAG_CC && TAG_IS_VERB(tag(ss, j + 1))))
                    break;
            }
            if (found >= 0) {
                b->gaps += found - pos;
                pos = found + 1;
            } else if (el->nalts == 1 && !strcmp(el->alts[0], "that") && zero_that(ss, pos)) {
                b->clause = 1; /* an omitted "that": the clause takes its place */
            } else {
                ok = 0;
            }
        } else {
            side *s = el->kind == EL_TGT ? &b->tgt : &b->src;
            int end = match_slot(as, ss, pos, el->kind == EL_SRC && p->noun, s);
            if (end >= 0) {
                if (el->kind == EL_TGT) b->has_tgt = 1;
                else b->has_src = 1;
                pos = end;
            } else ok = 0;
        }
        if (!ok && p->noun && poss >= 0 && !b->has_src && el->kind == EL_WORD && e + 1 < p->nel &&
            p->el[e + 1].kind == EL_SRC && e + 2 < p->nel && !rest_is_source(p, e)) {
            /* "the Israeli attack on Gaza" for "attack by SRC on TGT": the
             * modifier is the source, the rest still has to match */
            side_from_mentions(ss, &b->src, &poss, 1);
            b->has_src = 1;
            e++;
            continue;
        }
        if (!ok) {
            if (!(p->noun && poss >= 0 && rest_is_source(p, e))) return 0;
            side_from_mentions(ss, &b->src, &poss, 1);
            b->has_src = 1;
            break;
        }
    }
    if (neg != has_not) return 0;
    b->end = pos;
    return 1;
}

/* More words matched wins, a filled slot counts half a word, and skipping
 * words in between costs half a word: "halted economic aid to Serbia" is
 * "halt economic aid" (1621), not "halt aid to TGT" (162). On a tie, more
 * words, fewer skipped words, the more specific code, the earlier line. */
static int better(const binding *a, const binding *b) {
    if (!b->p) return 1;
    int sa = a->p->nwords * 2 + a->has_tgt + a->has_src - (a->gaps > 0);
    int sb = b->p->nwords * 2 + b->has_tgt + b->has_src - (b->gaps > 0);
    if (sa != sb) return sa > sb;
    if (a->p->nwords != b->p->nwords) return a->p->nwords > b->p->nwords;
    if (a->gaps != b->gaps) return a->gaps < b->gaps;
    size_t la = strlen(a->p->code), lb = strlen(b->p->code);
    if (la != lb) return la > lb;
    return a->p->order < b->p->order;
}

/* ------------------------------------------------- words of the sentence */

static void wset_put(sent_state *ss, unsigned h) {
    if (!ss->wset) return;
    if (++ss->wcount * 2 > ss->wmask) { /* too full to stay fast: try every pattern */
        ss->wset = NULL;
        return;
    }
    dyad_hset_put(ss->wset, ss->wmask, h);
}

/* The set of every form word_in() can match in the sentence: each token's
 * form, its lemma, and a plural's singular where the lemmatizer kept the -s. */
static int build_wset(article_state *as, sent_state *ss) {
    unsigned cap = 64;
    while (cap < ss->s->ntok * 8 && cap < (1u << 28)) cap *= 2;
    ss->wset = dyad_arena_calloc(as->arena, cap, sizeof *ss->wset);
    if (!ss->wset) return -1;
    ss->wmask = cap - 1;
    ss->wcount = 0;
    char buf[64];
    for (size_t i = 0; i < ss->s->ntok; i++) {
        const dyad_token *t = &ss->s->toks[i];
        wset_put(ss, dyad_word_hash(t->lower));
        if (t->lemma) wset_put(ss, dyad_word_hash(t->lemma));
        size_t n = strlen(t->lower);
        if (n > 3 && n < sizeof buf && t->lower[n - 1] == 's') {
            memcpy(buf, t->lower, n - 1);
            buf[n - 1] = '\0';
            wset_put(ss, dyad_word_hash(buf));
        }
    }
    return 0;
}

/* Can p match at all: are its required words in the sentence? */
static int pattern_possible(const sent_state *ss, const dict_pattern *p) {
    if (!ss->wset) return 1;
    for (int k = 0; k < p->nreq; k++)
        if (!dyad_hset_has(ss->wset, ss->wmask, p->req[k])) return 0;
    return 1;
}

/* Best pattern of the given section (noun or verb) for the head token. */
static int best_pattern(article_state *as, const sent_state *ss, int head, int noun, int neg,
                        int poss, binding *best) {
    const dyad_token *t = &ss->s->toks[head];
    const char *keys[3] = {t->lemma, t->lower, NULL};
    /* a verb the tagger's lexicon lacks, with no pattern of its own, made of
     * "re" and a verb that has some: "reimposed a blockade" is coded as
     * "imposed a blockade" (a stem of five letters or more, so not
     * "refines" as "fine") */
    const char *lm = t->lemma;
    const dyad_dict *d = &as->model->dict;
    if (!noun && lm && (t->flags & TOKF_UNKNOWN) && TAG_IS_VERB(t->tag) &&
        !strncmp(lm, "re", 2) && !dyad_dict_patterns(d, lm) && !dyad_dict_patterns(d, t->lower)) {
        const char *stem = lm[2] == '-' ? lm + 3 : lm + 2;
        if (strlen(stem) >= 5) keys[2] = stem;
    }
    int explaining = (as->opt->flags & DYAD_OPT_EXPLAIN) != 0;
    memset(best, 0, sizeof *best);
    for (int k = 0; k < 3; k++) {
        if (!keys[k] || (k == 1 && keys[0] && strcmp(keys[0], keys[1]) == 0)) continue;
        const dict_pattern_list *l = dyad_dict_patterns(d, keys[k]);
        if (!l || (noun ? l->nnoun == 0 : l->nnoun == l->n)) continue;
        for (size_t i = 0; i < l->n; i++) {
            if (l->items[i]->noun != noun) continue;
            /* (all patterns are tried when explaining, so --explain lists them) */
            if (!explaining && !pattern_possible(ss, l->items[i])) continue;
            binding b;
            int ok = match_pattern(as, ss, l->items[i], head, neg, poss, &b);
            dyad_explain(as, "#     try %s = %s (%s): %s\n", l->items[i]->code,
                         l->items[i]->text, l->items[i]->where, ok ? "match" : "no");
            if (ok && better(&b, best)) *best = b;
        }
    }
    return best->p != NULL;
}

/* ------------------------------------------------------------------ events */

static void span_of(const sent_state *ss, int a, int b, dyad_span *sp) {
    if (a < 0 || b <= a) {
        sp->start = -1;
        sp->len = 0;
        return;
    }
    const dyad_token *s = &ss->s->toks[a], *e = &ss->s->toks[b - 1];
    sp->start = s->start;
    sp->len = (long)(e->start + e->len) - (long)s->start;
}

static const char *span_text(article_state *as, const dyad_span *sp) {
    if (sp->start < 0) return "";
    const char *t = dyad_arena_strndup(as->arena, as->text + sp->start, (size_t)sp->len);
    if (!t) as->oom = 1;
    return t ? t : "";
}

static void split_code(article_state *as, const char *code, const char **country,
                       const char **role) {
    size_t n = strlen(code);
    *country = "";
    *role = "";
    if (n < 3) return;
    char c3[4] = {code[0], code[1], code[2], 0};
    /* a peer's codes: CAMEO's convention, a country code unless the first
     * three letters are a transnational type or "---" (no country) */
    static const char *const transnational[] = {"IGO", "NGO", "IMG", "NGM", "MNC", "INT",
                                                "UIS", "---", "~"};
    int peer_country = as->model->compat != NULL;
    for (size_t k = 0; peer_country && k < sizeof transnational / sizeof *transnational; k++)
        if (!strncmp(code, transnational[k], strlen(transnational[k]))) peer_country = 0;
    if (!strcmp(c3, "---")) {
        *role = n > 3 ? dyad_arena_strdup(as->arena, code + 3) : "";
    } else if (peer_country || dyad_strmap_get(&as->model->dict.countries, c3)) {
        *country = dyad_arena_strndup(as->arena, code, 3);
        if (n >= 6) *role = dyad_arena_strndup(as->arena, code + 3, 3);
    } else {
        *role = dyad_arena_strndup(as->arena, code, 3);
    }
    if (!*country || !*role) as->oom = 1;
    if (!*country) *country = "";
    if (!*role) *role = "";
}

/* Modality (DESIGN rule 5). "will", and "would" inside reported speech
 * ("Hamas said it would release…"), turn material acts into the matching
 * intent (03x) or threats (13x); other modals ("could", "might", "should",
 * and a "would" under "hope") are hypothetical: the act is dropped. Verbal
 * acts (01, 02, 10-14) stand whatever the modal; intent (03) stands under
 * "will" or a reported "would" and is dropped when hypothetical. Returns the
 * code, or NULL. `reported_would`: the modal is "would" in a clause governed
 * by a reporting verb. */
static const char *apply_modality(int modal, int reported_would, const char *code) {
    if (modal == MOD_NONE) return code;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (modal == MOD_HYPO && reported_would) modal = MOD_INTENT;
    if (root <= 2 || (root >= 10 && root <= 13)) return code;
    if (root == 14 && modal != MOD_INTENT) return code; /* "will strike" is a threat, below */
    if (root == 3) return modal == MOD_INTENT ? code : NULL;
    if (modal != MOD_INTENT) return NULL;
    /* the intent code that names the same act (mode.c), else a threat */
    const char *c = dyad_mode_code(DYAD_MODE_INTENT, code);
    return c ? c : dyad_mode_code(DYAD_MODE_THREATEN, code);
}

typedef struct ev_ctx {
    int verb_a, verb_b;       /* verb span tokens */
    const sent_state *verb_ss;/* sentence of the verb (quotations: the attribution) */
    const char *pattern;
} ev_ctx;

int dyad_add_event(article_state *as, const sent_state *ss, const char *code, const char *src,
                   int sa, int sb, const char *tgt, int ta, int tb, const sent_state *verb_ss,
                   int va, int vb, const char *pattern) {
    if (as->nevents == as->capevents) {
        size_t nc = as->capevents ? as->capevents * 2 : 16;
        dyad_event *ne = dyad_arena_grow(as->arena, as->events, as->nevents, nc, sizeof *ne);
        if (!ne) return -1;
        as->events = ne;
        as->capevents = nc;
    }
    dyad_event *e = &as->events[as->nevents++];
    memset(e, 0, sizeof *e);
    e->sentence = ss->s->index;
    e->source = src ? src : "";
    e->target = tgt ? tgt : "";
    split_code(as, e->source, &e->source_country, &e->source_role);
    split_code(as, e->target, &e->target_country, &e->target_role);
    const dyad_cameo *cam = dyad_cameo_lookup(code);
    if (cam) {
        e->code = cam->code;
        e->root = cam->root;
        e->quad = cam->quad;
        e->goldstein = cam->goldstein;
    } else { /* a code outside CAMEO, from a peer's dictionary: kept as written */
        e->code = dyad_arena_strdup(as->arena, code);
        e->root = dyad_arena_strndup(as->arena, code, strlen(code) < 2 ? strlen(code) : 2);
        if (!e->code || !e->root) return -1;
    }
    span_of(ss, sa, sb, &e->source_span);
    span_of(ss, ta, tb, &e->target_span);
    span_of(verb_ss, va, vb, &e->verb_span);
    e->source_text = span_text(as, &e->source_span);
    e->target_text = span_text(as, &e->target_span);
    e->verb_text = span_text(as, &e->verb_span);
    e->pattern = pattern;
    dyad_explain(as, "#   event %s -> %s %s (%s)\n", e->source, e->target[0] ? e->target : "-",
                 e->code, pattern ? pattern : "");
    return 0;
}

static int push_event(article_state *as, const sent_state *ss, const ev_ctx *c,
                      const char *code, const char *src, int srcm, const char *tgt, int tgtm) {
    if (!dyad_cameo_lookup(code)) return 0;
    if (tgt && src && strcmp(src, tgt) == 0) return 0;
    if ((as->opt->flags & DYAD_OPT_REQUIRE_DYAD) && (!tgt || !tgt[0])) return 0;
    if (!(as->opt->flags & DYAD_OPT_STATEMENTS) && strncmp(code, "01", 2) == 0) return 0;
    return dyad_add_event(as, ss, code, src, srcm >= 0 ? ss->m[srcm].start : -1,
                          srcm >= 0 ? ss->m[srcm].end : -1, tgt,
                          tgtm >= 0 ? ss->m[tgtm].start : -1, tgtm >= 0 ? ss->m[tgtm].end : -1,
                          c->verb_ss, c->verb_a, c->verb_b, c->pattern);
}

/* Events for one matched pattern with the given source and target sides. */
/* Order of pairs for the cap: pair (i, j) of an n×m grid is taken by
 * rounds, so that when the cap bites every actor still appears (not all of
 * the first source's pairs and none of the last's). */
typedef struct pair {
    int i, j, round;
} pair;

static int pair_by_round(const void *a, const void *b) {
    const pair *x = a, *y = b;
    if (x->round != y->round) return x->round - y->round;
    if (x->i != y->i) return x->i - y->i;
    return x->j - y->j;
}

static int pair_by_source(const void *a, const void *b) {
    const pair *x = a, *y = b;
    return x->i != y->i ? x->i - y->i : x->j - y->j;
}

/* Events for one matched pattern with the given source and target sides.
 * Events with both actors count against the per-sentence cap (max_pairs;
 * 0 = no cap); within the cap they are emitted source by source. */
static int emit_all(article_state *as, const sent_state *ss, const ev_ctx *c, const char *code,
                    unsigned flags, const side *src, const side *tgt) {
    side all;
    const side *from = src, *to = tgt;
    int sym = (flags & PF_SYM) != 0;
    if (sym) {
        all = *src;
        for (int i = 0; i < tgt->n; i++) side_add(&all, tgt->code[i], tgt->mention[i]);
        from = to = &all;
    }
    if (src->dropped || tgt->dropped)
        dyad_explain(as, "#   more than %d actors on one side: the rest are left out\n", MAX_SIDE);
    if (to->n == 0 || (sym && all.n == 1)) {
        for (int i = 0; i < from->n; i++)
            if (push_event(as, ss, c, code, from->code[i], from->mention[i], "", -1) != 0)
                return -1;
        return 0;
    }
    pair pairs[MAX_SIDE * MAX_SIDE];
    int np = 0;
    for (int i = 0; i < from->n; i++)
        for (int j = 0; j < to->n; j++) {
            if (sym && i == j) continue;
            /* round: for symmetric acts the offset j - i (mod n); else the
             * target, so every source acts on the first target first */
            int round = sym ? (j - i + from->n) % from->n : j;
            pairs[np++] = (pair){i, j, round};
        }
    int room = np;
    unsigned cap = as->opt->max_pairs;
    if (cap) {
        unsigned left = cap > as->dyads ? cap - as->dyads : 0;
        if ((unsigned)np > left) {
            room = (int)left;
            qsort(pairs, (size_t)np, sizeof *pairs, pair_by_round);
            dyad_explain(as, "#   %d of %d actor pairs kept (at most %u per sentence)\n", room, np,
                         cap);
        }
    }
    qsort(pairs, (size_t)room, sizeof *pairs, pair_by_source);
    for (int k = 0; k < room; k++) {
        const pair *q = &pairs[k];
        size_t before = as->nevents;
        if (push_event(as, ss, c, code, from->code[q->i], from->mention[q->i], to->code[q->j],
                       to->mention[q->j]) != 0)
            return -1;
        if (as->nevents > before) as->dyads++;
    }
    return 0;
}

/* ------------------------------------------------------------ subjects */

/* Roles of a state's own people: an unnamed "the ministry said" is taken to
 * belong to the article's country; reporters, civilians etc. are not. */
static int state_role(const char *role) {
    static const char *const roles[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", NULL};
    return listed(roles, role);
}

/* Resolve the actors of a noun phrase [a, b) into side s; pronouns and agent
 * nouns go through the reference table, appositives [ia, ib) bind to it. */
static int phrase_actors(article_state *as, sent_state *ss, int a, int b, int ia, int ib,
                         int statement, side *s) {
    if (a < 0) return 0;
    int idx[MAX_SIDE];
    int k = dyad_mentions_in(ss, a, b, 1, idx, MAX_SIDE);
    if (agent_of_countries(as, ss, idx, k, s)) return 0;
    side_from_mentions(ss, s, idx, k);
    if (s->n) return 0;
    /* a pronoun subject, also after a date word the subject finder took in
     * ("said on Tuesday it had halted") */
    if (b - a > 1 && ss->s->toks[b - 1].tag == TAG_PRP) a = b - 1;
    const dyad_token *t = &ss->s->toks[a];
    if (b - a == 1 && (t->tag == TAG_PRP)) {
        const char *p = t->lower;
        if ((!strcmp(p, "we") || !strcmp(p, "i")) && ss->speaker_code) {
            mention m;
            memset(&m, 0, sizeof m);
            m.start = a;
            m.end = b;
            m.code = ss->speaker_code;
            m.country = m.role = "";
            m.coref = 1;
            if (dyad_add_mention(as, ss, &m) != 0) return -1;
            side_add(s, ss->speaker_code, (int)ss->nm - 1);
            return 0;
        }
        const ref_entry *r = dyad_ref_pronoun(as, p, ss->s->index, a);
        if (r) {
            if (dyad_mention_from_ref(as, ss, a, b, r) != 0) return -1;
            /* "Egypt and Qatar said they would": every subject of that clause,
             * in their order */
            side all = {0};
            for (size_t i = 0; !strcmp(p, "they") && r->group && r->subject && i < as->nrefs; i++) {
                const ref_entry *o = &as->refs[i];
                if (o->group == r->group && o->subject && o->code[0])
                    side_add(&all, o->code, (int)ss->nm - 1);
            }
            if (all.n > 1) {
                for (int i = 0; i < all.n; i++) side_add(s, all.code[i], all.mention[i]);
            } else {
                side_add(s, r->code, (int)ss->nm - 1);
            }
        }
        return 0;
    }
    /* an agent noun alone: "the spokesperson", "a Qatari official" is composed */
    for (int i = 0; i < k; i++) {
        const mention *m = &ss->m[idx[i]];
        if (!m->agent_only) continue;
        const ref_entry *r =
            m->role_noun ? dyad_ref_role(as, m->role_noun, ss->s->index, a) : NULL;
        if (r) {
            side_add(s, r->code, idx[i]);
            return 0;
        }
        if (statement && state_role(m->role)) {
            const ref_entry *c = dyad_ref_country(as, ss->s->index, a);
            if (c) {
                const char *code = dyad_arena_printf(as->arena, "%s%s", c->country, m->role);
                if (!code) return -1;
                side_add(s, code, idx[i]);
                return 0;
            }
        }
    }
    /* appositive: "Taher al-Nono, the head of … the Islamist movement," */
    if (ia >= 0) {
        int j = ia;
        while (j < ib && (ss->s->toks[j].tag == TAG_DT)) j++;
        if (j < ib && (TAG_IS_NOUN(ss->s->toks[j].tag) || TAG_IS_ADJ(ss->s->toks[j].tag))) {
            int ii[MAX_SIDE];
            int kk = dyad_mentions_in(ss, ia, ib, 0, ii, MAX_SIDE);
            side tmp = {0};
            side_from_mentions(ss, &tmp, ii, kk);
            if (tmp.n) {
                side_add(s, tmp.code[0], tmp.mention[0]);
                /* the name before the appositive now refers to that actor */
                mention m = ss->m[tmp.mention[0]];
                m.start = a;
                m.end = b;
                m.person = 1;
                m.surname = ss->s->toks[b - 1].lower;
                if (dyad_add_mention(as, ss, &m) != 0) return -1;
                s->mention[s->n - 1] = (int)ss->nm - 1;
                if (dyad_ref_register(as, &m, ss->s->index) != 0) return -1;
            }
        }
    }
    if (!s->n) agent_of_country(as, ss, idx, k, b, s);
    side_from_roles(ss, s, idx, k);
    return 0;
}

/* Co-actors of a clause: "serving as a mediator alongside Egypt". */
static void co_actors(const sent_state *ss, int from, int to, side *s) {
    for (int j = from; j < to && j < (int)ss->s->ntok; j++) {
        const char *w = ss->s->toks[j].lower;
        int k = -1;
        if (!strcmp(w, "alongside")) k = j + 1;
        else if ((!strcmp(w, "along") || !strcmp(w, "together")) && j + 2 < (int)ss->s->ntok &&
                 !strcmp(ss->s->toks[j + 1].lower, "with"))
            k = j + 2;
        if (k < 0) continue;
        while (k < (int)ss->s->ntok && ss->s->toks[k].tag == TAG_DT) k++;
        if (k < (int)ss->s->ntok && ss->tok_mention[k] >= 0) {
            const mention *m = &ss->m[ss->tok_mention[k]];
            if (!m->media && !m->agent_only) side_add(s, m->code, ss->tok_mention[k]);
        }
    }
}

/* A target in a directional phrase right after the match that the pattern
 * does not name: "imposed sanctions on Iran", "fired rockets at Gaza".
 * Only these prepositions, never across a comma or another verb, and "at"
 * not for meetings ("met at the White House" names a place). */
static void pp_target(article_state *as, const sent_state *ss, const char *code, int from,
                      side *tgt) {
    static const char *const preps[] = {"against", "on", "upon", "toward", "towards", "at", "to",
                                        NULL};
    int n = (int)ss->s->ntok;
    /* "to" only names a receiver of cooperation, aid (given, promised or
     * halted) or what is returned ("sent arms to Pakistan"), not a place one
     * travels to */
    int to_ok = !strncmp(code, "06", 2) || !strncmp(code, "07", 2) || !strncmp(code, "084", 3) ||
                !strncmp(code, "031", 3) || !strncmp(code, "033", 3) ||
                !strncmp(code, "0353", 4) || !strncmp(code, "162", 3);
    for (int j = from; j < n && j < from + 4; j++) {
        int t = tag(ss, j);
        if (t == TAG_COMMA || t == TAG_PERIOD || t == TAG_MD || TAG_IS_VERB(t)) return;
        if (t != TAG_IN && t != TAG_TO) continue;
        const char *w = ss->s->toks[j].lower;
        if (!listed(preps, w) || (!strcmp(w, "at") && !strncmp(code, "04", 2))) return;
        if (!strcmp(w, "to") && !to_ok) return;
        side s = {0};
        if (match_slot(as, ss, j + 1, 0, &s) >= 0) {
            *tgt = s;
        } else if (j == from) {
            /* a bare role right after the match: "threw stones at police"
             * (not "condemned the attack on the embassy") */
            int a = j + 1;
            while (a < n && a < j + 4 && ss->tok_mention[a] < 0 && slot_filler(ss, a)) a++;
            if (a < n && ss->tok_mention[a] >= 0) {
                int idx[MAX_SIDE];
                int m = dyad_mentions_in(ss, a, dyad_np_end(ss, a), 1, idx, MAX_SIDE);
                side_from_roles(ss, &s, idx, m);
                if (s.n) *tgt = s;
            }
        }
        return;
    }
}

/* Is the verb group inside a conditional clause ("if Israel halted its
 * offensive")? Such acts have not happened: they are not coded. */
static int in_condition(const sent_state *ss, const vgroup *g) {
    for (int k = g->start - 1; k >= 0 && k >= g->start - 12; k--) {
        const char *w = ss->s->toks[k].lower;
        if (!strcmp(w, "if") || !strcmp(w, "unless")) return 1;
        int t = ss->s->toks[k].tag;
        if (t == TAG_COMMA || t == TAG_COLON || TAG_IS_VERB(t) || t == TAG_MD) return 0;
    }
    return 0;
}

/* The finite verb group whose object is the document that participle g
 * hangs on ("issued a statement condemning"), or -1. */
static int document_author(const sent_state *ss, const vgroup *g) {
    static const char *const docs[] = {"statement", "declaration", "letter", "communique",
                                       "communiqué", "report", "resolution", "message",
                                       "note", "appeal", "petition", "ultimatum", "decree",
                                       "memorandum", "notice", "plan", "proposal", NULL};
    if (!listed(docs, ss->s->toks[g->subj_end - 1].lemma)) return -1;
    /* verbs that put a document out: not "rejected a report criticizing" */
    static const char *const issue[] = {"issue", "publish", "release", "send", "adopt",
                                        "pass",  "sign",    "circulate", "deliver", "submit",
                                        "present", "draft", "write",  "unveil", "announce",
                                        "file",  "lodge",   "make",   "put",    "read",
                                        "distribute", NULL};
    for (size_t v = 0; v < ss->nvg; v++) {
        const vgroup *q = &ss->vg[v];
        if (q->kind == VG_FINITE && !q->passive && !q->neg && q->subj_start >= 0 &&
            q->obj_start >= 0 && q->obj_start <= g->subj_end - 1 && g->subj_end - 1 < q->obj_end) {
            return listed(issue, ss->s->toks[q->head].lemma) ? (int)v : -1;
        }
    }
    return -1;
}

/* Verbs that deny what their that-clause says. */
static int denial(const char *lemma) {
    static const char *const verbs[] = {"deny", "reject", "dismiss", "doubt", "question",
                                        "dispute", "refute", NULL};
    return listed(verbs, lemma);
}

/* Acts that can be threatened: reduced relations, coercion, force (15-20). */
static int hostile(const char *code) {
    return code[0] == '2' || (code[0] == '1' && code[1] >= '5');
}

/* An "if"/"unless" clause with its own subject after the verb group, in
 * the same clause ("may halt mediation if cooperation founders"; not "if
 * necessary", not past ", but it is unclear if"). */
static int condition_after(const sent_state *ss, const vgroup *g) {
    for (int k = g->end; k + 1 < (int)ss->s->ntok; k++) {
        const char *w = ss->s->toks[k].lower;
        int t = tag(ss, k);
        if (t == TAG_COLON || t == TAG_PERIOD || (t == TAG_COMMA && tag(ss, k + 1) == TAG_CC))
            return 0;
        if (strcmp(w, "if") && strcmp(w, "unless")) continue;
        int n = tag(ss, k + 1);
        return n == TAG_DT || n == TAG_PRP || n == TAG_PRPS || TAG_IS_NOUN(n);
    }
    return 0;
}

/* "may have bombed": a guess about the past, not a threat */
static int perfect(const sent_state *ss, const vgroup *g) {
    for (int k = g->start; k < g->head; k++)
        if (!strcmp(ss->s->toks[k].lower, "have")) return 1;
    return 0;
}

/* Does a verb group start at token i? */
static int starts_clause(const sent_state *ss, int i) {
    for (size_t v = 0; v < ss->nvg; v++)
        if (ss->vg[v].start == i && ss->vg[v].kind == VG_FINITE) return 1;
    return 0;
}

/* The clause verb that governs verb group v: the nearest finite verb or
 * participle before it, not across a coordination of clauses (", and",
 * ", but", ";"). Returns its index or -1. */
static int governing_clause(const sent_state *ss, int v) {
    for (int q = v - 1; q >= 0; q--)
        if (ss->vg[q].kind == VG_FINITE || ss->vg[q].kind == VG_PARTICIPLE) {
            for (int k = ss->vg[q].end; k + 1 < ss->vg[v].start; k++)
                if (tag(ss, k) == TAG_COLON ||
                    (tag(ss, k) == TAG_COMMA && tag(ss, k + 1) == TAG_CC))
                    return -1;
            return q;
        }
    return -1;
}

/* Is verb group v governed by a reporting verb ("said it would")? */
static int reported_clause(const sent_state *ss, int v) {
    int q = governing_clause(ss, v);
    return q >= 0 && ss->vg[q].speech;
}

/* How an infinitive is governed (mode.c): "urged Hamas to release",
 * "agreed to release", "refused to release", "is ready to release". */
typedef struct governor {
    int vg;             /* the governing verb group */
    int mode;           /* DYAD_MODE_*, or -1 for "decided to" (the act is done) */
    int addr_a, addr_b; /* the addressee of an appeal or demand, [a, b), or -1 */
    int by_source;      /* "was urged to": the by-phrase asks, the subject is asked */
} governor;

/* Verbs of aspect: their infinitive or gerund is done, by their subject
 * ("continued to send arms", "began shelling"). */
static int aspect_verb(const char *lemma) {
    return !strcmp(lemma, "begin") || !strcmp(lemma, "start") || !strcmp(lemma, "continue") ||
           !strcmp(lemma, "resume");
}

/* The token after a time phrase at i ("on Monday", "today", "yesterday",
 * "on Friday night"), or i: "agreed on Monday to release" is adjacent. */
static int after_time(const sent_state *ss, int i) {
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", "today", "yesterday", "tonight",
                                       NULL};
    int n = (int)ss->s->ntok, k = i;
    if (k < n && tok_is(ss, k, "on")) k++;
    if (k >= n || !listed(days, ss->s->toks[k].lower)) return i;
    k++;
    if (k < n && (tok_is(ss, k, "night") || tok_is(ss, k, "morning") ||
                  tok_is(ss, k, "evening") || tok_is(ss, k, "afternoon")))
        k++;
    return k;
}

/* Do tokens [a, b) between a governing verb and its infinitive stay in one
 * clause: no verb, modal, relative pronoun, colon or "not" ("urged Syria not
 * to") among them; for an appeal or demand also no ".", "that" or "never";
 * for a sending no comma. */
static int same_clause(const sent_state *ss, int a, int b, int sending) {
    static const char *const appeal_breaks[] = {"that", "never", NULL};
    for (int k = a; k < b; k++) {
        int t = tag(ss, k);
        const char *w = ss->s->toks[k].lower;
        if (TAG_IS_VERB(t) || t == TAG_MD || t == TAG_WDT || t == TAG_WP || t == TAG_COLON ||
            !strcmp(w, "not"))
            return 0;
        if (sending ? t == TAG_COMMA : (t == TAG_PERIOD || listed(appeal_breaks, w))) return 0;
    }
    return 1;
}

static int find_governor(const dyad_dict *d, const sent_state *ss, int v, governor *gv) {
    memset(gv, 0, sizeof *gv);
    gv->addr_a = gv->addr_b = -1;
    if (v == 0) return 0;
    const vgroup *g = &ss->vg[v], *h = &ss->vg[v - 1];
    const char *hl = ss->s->toks[h->head].lemma;
    if (!hl || (h->kind != VG_FINITE && h->kind != VG_PARTICIPLE) || h->end > g->start)
        return 0;
    gv->vg = v - 1;
    int m = dyad_mode_of_verb(d, hl);
    int adjacent = after_time(ss, h->end) == g->start ||
                   (h->passive && h->by_start >= 0 && h->by_end == g->start); /* "urged by X to" */
    if (adjacent) {
        /* "decided to", "continued to send arms", "began to withdraw": done */
        if (!strcmp(hl, "decide") || aspect_verb(hl)) {
            gv->mode = -1;
            return 1;
        }
        if (m < 0) return 0;
        gv->mode = m;
        if (h->passive && (m == DYAD_MODE_APPEAL || m == DYAD_MODE_DEMAND) && h->subj_start >= 0) {
            gv->addr_a = h->subj_start;
            gv->addr_b = h->subj_end;
            gv->by_source = 1;
        }
        return 1;
    }
    int a = h->end, gap = g->start - h->end;
    /* purpose: "sent 21 personnel to Yugoslavia to investigate", "dispatched
     * envoys to negotiate": the sender does it, through those it sent */
    static const char *const senders[] = {"send", "dispatch", "deploy", NULL};
    if (listed(senders, hl) && gap <= 12 && h->obj_start >= 0 &&
        same_clause(ss, a, g->start, 1)) {
        gv->mode = -1;
        return 1;
    }
    if (gap == 1 && (!strcmp(hl, "be") || !strcmp(hl, "seem") || !strcmp(hl, "appear") ||
                     !strcmp(hl, "remain"))) {
        gv->mode = dyad_mode_of_adjective(d, ss->s->toks[a].lower);
        return gv->mode >= 0;
    }
    /* a noun of the mood as the object: "renewed an appeal to Belgium to
     * extradite", "made an offer to mediate" */
    static const char *const light[] = {"make",   "issue",   "renew",   "repeat", "reiterate",
                                        "extend", "send",    "launch",  "voice",  "express",
                                        "deliver", "submit", "present", "announce", "give",
                                        "put",    "lodge",   "file",    NULL};
    int noun = 0, k0 = listed(light, hl) ? a : g->start;
    while (k0 < g->start && (tag(ss, k0) == TAG_DT || tag(ss, k0) == TAG_PRPS ||
                             TAG_IS_ADJ(tag(ss, k0))))
        k0++;
    if (k0 < g->start && (tag(ss, k0) == TAG_NN || tag(ss, k0) == TAG_NNS)) {
        int nm = dyad_mode_of_noun(d, ss->s->toks[k0].lemma);
        if (nm >= 0) {
            m = nm;
            noun = 1;
            a = k0 + 1;
            if (a == g->start) {
                gv->mode = m;
                return 1;
            }
        }
    }
    if ((m != DYAD_MODE_APPEAL && m != DYAD_MODE_DEMAND) || gap > 12) return 0;
    if (tag(ss, a) == TAG_IN || tag(ss, a) == TAG_RP || tag(ss, a) == TAG_TO) {
        static const char *const preps[] = {"on", "upon", "for", "with", "to", NULL};
        if (!listed(preps, ss->s->toks[a].lower)) return 0;
        a++;
    } else if (!strcmp(hl, "call") && !noun) {
        return 0; /* "called X to" is not an appeal; "called on X to" is */
    }
    /* "urged Syria not to": the appeal stands as it is */
    if (a >= g->start || !same_clause(ss, a, g->start, 0)) return 0;
    gv->mode = m;
    gv->addr_a = a;
    gv->addr_b = g->start;
    return 1;
}

/* Actors of the addressee [a, b) of an appeal or demand into s. */
static int addressee_actors(article_state *as, sent_state *ss, int a, int b, side *s) {
    if (phrase_actors(as, ss, a, b, -1, -1, 0, s) != 0) return -1;
    if (!s->n) {
        int idx[MAX_SIDE];
        int k = dyad_mentions_in(ss, a, b, 0, idx, MAX_SIDE);
        side_from_mentions(ss, s, idx, k);
    }
    return 0;
}

/* How a verb group is coded: its mood and who is asked. */
typedef struct mood {
    int mode;           /* DYAD_MODE_* the act is coded in, -1 as done */
    int addr_a, addr_b; /* the addressee of an appeal or demand, [a, b), or -1 */
    int reporter;       /* "said Iran must": the reporting verb group, or -1 */
} mood;

/* The mood of verb group v (mode.c): an infinitive or gerund borrows the
 * subject and modality of its governing verb, a "must"/"should" clause
 * takes its reporter, "will not" refuses. Returns 0 when v is not coded on
 * its own (an infinitive or gerund with no governing verb). */
static int find_mood(const dyad_dict *d, sent_state *ss, int v, mood *md) {
    vgroup *g = &ss->vg[v];
    md->mode = -1;
    md->addr_a = md->addr_b = md->reporter = -1;
    int ing = tag(ss, g->head) == TAG_VBG;
    if (g->kind == VG_GERUND || (ing && g->subj_start < 0 && v > 0 &&
                                 (g->kind == VG_PARTICIPLE || g->kind == VG_INFINITIVE) &&
                                 ss->vg[v - 1].end == g->start)) {
        /* a gerund only as the complement of an aspect verb ("began
         * shelling", "resorted to throwing stones": done) or of "committed
         * to" (intended); it takes that verb's subject */
        if (v == 0 || g->subj_start >= 0) return 0;
        const vgroup *h = &ss->vg[v - 1];
        const char *hl = ss->s->toks[h->head].lemma;
        if (!hl || (h->kind != VG_FINITE && h->kind != VG_PARTICIPLE)) return 0;
        int to = (h->end + 1 == g->start && tok_is(ss, h->end, "to")) ||
                 (h->end == g->start && tok_is(ss, g->start, "to"));
        if (g->kind == VG_INFINITIVE) g->kind = VG_GERUND; /* "to throwing" */
        /* "initiated the process of returning", "began the process of
         * withdrawing" */
        static const char *const starters[] = {"initiate", "launch", "complete", "finish", NULL};
        int process = h->end + 3 == g->start && tag(ss, h->end) == TAG_DT &&
                      tok_is(ss, h->end + 1, "process") && tok_is(ss, h->end + 2, "of") &&
                      (aspect_verb(hl) || listed(starters, hl));
        int done = (h->end == g->start && (aspect_verb(hl) || !strcmp(hl, "keep"))) ||
                   (to && !strcmp(hl, "resort")) || process;
        int intent = to && (!strcmp(hl, "commit") || !strcmp(hl, "dedicate"));
        if (!done && !intent) return 0;
        if (intent && h->neg) return 0;
        g->subj_start = h->subj_start;
        g->subj_end = h->subj_end;
        g->ins_start = h->ins_start;
        g->ins_end = h->ins_end;
        g->neg = h->neg;
        g->modal = h->modal;
        if (intent) {
            md->mode = DYAD_MODE_INTENT;
            g->modal = MOD_NONE;
        }
    }
    if (g->kind == VG_INFINITIVE) {
        /* only governed by a verb of intent, appeal, demand, refusal or
         * threat: it takes that verb's subject */
        governor gv;
        if (!find_governor(d, ss, v, &gv) || g->subj_start >= 0) return 0;
        const vgroup *h = &ss->vg[gv.vg];
        if (gv.by_source) {
            g->subj_start = h->by_start;
            g->subj_end = h->by_end;
            g->ins_start = g->ins_end = -1;
        } else {
            g->subj_start = h->subj_start;
            g->subj_end = h->subj_end;
            g->ins_start = h->ins_start;
            g->ins_end = h->ins_end;
        }
        if (gv.mode < 0) { /* "decided to": done, in the governing verb's mood */
            g->neg = h->neg;
            g->modal = h->modal;
        } else {
            if (h->neg || g->neg) return 0; /* "did not urge", "urged X not to" */
            md->mode = gv.mode;
            md->addr_a = gv.addr_a;
            md->addr_b = gv.addr_b;
            g->modal = MOD_NONE;
        }
    } else if (g->modal == MOD_OBLIG || g->modal == MOD_ADVISE) {
        /* "Russia said Sudan must return the helicopter": a demand (an appeal
         * for "should") by the reporter on the clause's subject */
        int q = governing_clause(ss, v);
        int m = q >= 0 ? dyad_mode_of_verb(d, ss->s->toks[ss->vg[q].head].lemma) : -1;
        /* "issued a reminder to Iraq that it must", "concluded that X must";
         * not "denied that", nor a question ("asked whether X must") */
        int that = 0, question = 0;
        for (int k = g->subj_start - 1; q >= 0 && k >= ss->vg[q].end && k >= g->subj_start - 2;
             k--) {
            if (!strcmp(ss->s->toks[k].lower, "that")) that = 1;
            if (!strcmp(ss->s->toks[k].lower, "whether") || !strcmp(ss->s->toks[k].lower, "if"))
                question = 1;
        }
        if (question || (q >= 0 && denial(ss->s->toks[ss->vg[q].head].lemma))) q = -1;
        if (q >= 0 && ss->vg[q].subj_start >= 0 && !g->neg && g->subj_start >= 0 &&
            (ss->vg[q].speech || that || m == DYAD_MODE_APPEAL || m == DYAD_MODE_DEMAND)) {
            md->reporter = q;
            /* "insisted that Iran should": the governing verb's mood */
            md->mode = m == DYAD_MODE_APPEAL || m == DYAD_MODE_DEMAND ? m
                   : g->modal == MOD_OBLIG                      ? DYAD_MODE_DEMAND
                                                                : DYAD_MODE_APPEAL;
        }
    } else if (g->modal == MOD_NONE && g->kind == VG_FINITE && g->subj_start >= 0) {
        /* "demanded that Israel withdraw", "urged that talks resume" */
        int q = governing_clause(ss, v);
        if (q >= 0 && ss->vg[q].subj_start >= 0 && ss->vg[q].end <= g->subj_start) {
            int m = dyad_mode_of_verb(d, ss->s->toks[ss->vg[q].head].lemma);
            if (m == DYAD_MODE_APPEAL || m == DYAD_MODE_DEMAND) {
                md->reporter = q;
                md->mode = m;
            }
        }
    } else if (g->neg && (g->modal == MOD_INTENT || (g->modal == MOD_HYPO && g->would &&
                                                      reported_clause(ss, v)))) {
        /* "will not release", "said it would not release": refuses to */
        md->mode = DYAD_MODE_REJECT;
        g->modal = MOD_INTENT;
    }
    return 1;
}

static int code_verb_group(article_state *as, sent_state *ss, int v) {
    vgroup *g = &ss->vg[v];
    /* a verb an earlier pattern took in is part of that event ("agreed to
     * release" is one pattern; "demanded that its partners refuse to
     * recognize": refusing was not done); find_mood relies on this */
    for (int q = 0; q < v; q++)
        if (ss->vg[q].coded_end > g->head) return 0;
    mood md;
    if (!find_mood(&as->model->dict, ss, v, &md)) return 0;
    int mode = md.mode, addr_a = md.addr_a, addr_b = md.addr_b, reporter = md.reporter;
    binding b;
    dyad_explain(as, "#   verb '%s' (lemma %s)%s%s%s\n", ss->s->toks[g->head].norm,
                 ss->s->toks[g->head].lemma, g->neg ? " negated" : "", g->passive ? " passive" : "",
                 g->modal == MOD_HYPO     ? " hypothetical"
                 : g->modal == MOD_INTENT ? " intent"
                 : g->modal == MOD_OBLIG  ? " obligation"
                 : g->modal == MOD_ADVISE ? " advice"
                                          : "");
    if (!best_pattern(as, ss, g->head, 0, g->neg, -1, &b)) {
        /* "will not release": no pattern of its own for the negated verb, so
         * the act refused */
        if (!(mode == DYAD_MODE_REJECT && g->modal == MOD_INTENT) ||
            !best_pattern(as, ss, g->head, 0, 0, -1, &b))
            return 0;
    } else if (mode == DYAD_MODE_REJECT && g->modal == MOD_INTENT) {
        mode = -1; /* "will not comment" has a pattern */
    }
    const dict_pattern *p = b.p;
    g->coded_end = b.end;
    const char *moded = NULL;
    if (mode >= 0) {
        moded = dyad_mode_code(mode, p->code);
        /* intended verbal acts stand, intended force is a threat */
        if (!moded && mode == DYAD_MODE_INTENT) moded = apply_modality(MOD_INTENT, 0, p->code);
        if (!moded && reporter >= 0) {
            reporter = -1; /* "said Iran must explain": coded as before, by its modal */
            mode = -1;
        } else if (!moded) {
            dyad_explain(as, "#   %s has no code in this mood: not coded here\n", p->code);
            return 0;
        }
    }
    if (moded) {
        dyad_explain(as, "#   %s %s -> %s\n",
                     mode == DYAD_MODE_APPEAL     ? "asked for:"
                     : mode == DYAD_MODE_INTENT   ? "intended:"
                     : mode == DYAD_MODE_DEMAND   ? "demanded:"
                     : mode == DYAD_MODE_REJECT   ? "refused:"
                                                  : "threatened:",
                     p->code, moded);
    }
    side src = {0}, tgt = {0};
    int statement = (p->flags & PF_SPEECH) != 0;
    if (g->passive) {
        if (g->by_start >= 0 &&
            phrase_actors(as, ss, g->by_start, g->by_end, -1, -1, statement, &src) != 0)
            return -1;
        if (!b.has_tgt &&
            phrase_actors(as, ss, g->subj_start, g->subj_end, -1, -1, 0, &tgt) != 0)
            return -1;
    } else if (phrase_actors(as, ss, g->subj_start, g->subj_end, g->ins_start, g->ins_end,
                             statement, &src) != 0) {
        return -1;
    }
    if (!src.n && g->kind == VG_PARTICIPLE && g->subj_start >= 0) {
        /* "published a declaration demanding ...", "issued a statement
         * condemning ...": the document speaks for its author */
        int q = document_author(ss, g);
        if (q >= 0 && phrase_actors(as, ss, ss->vg[q].subj_start, ss->vg[q].subj_end,
                                    ss->vg[q].ins_start, ss->vg[q].ins_end, statement, &src) != 0)
            return -1;
    }
    if (!src.n && statement && g->obj_start >= 0 && g->subj_start < 0) {
        /* inverted attribution: "…,” said Miller */
        if (phrase_actors(as, ss, g->obj_start, g->obj_end, -1, -1, 1, &src) != 0) return -1;
    } else if (!b.has_tgt && !b.clause && !(p->flags & PF_NOTARGET) && !g->passive &&
               g->obj_start >= 0 &&
               !(statement && starts_clause(ss, g->obj_end))) {
        /* ("said Israel attacked Syria": Israel is the reported clause's subject) */
        int idx[MAX_SIDE];
        int k = dyad_mentions_in(ss, g->obj_start, g->obj_end, 1, idx, MAX_SIDE);
        if (!agent_of_countries(as, ss, idx, k, &tgt)) side_from_mentions(ss, &tgt, idx, k);
        if (!tgt.n) agent_of_country(as, ss, idx, k, g->obj_end, &tgt);
        if (!statement) {
            /* a bare role only as the head of the object: "arrested
             * protesters", not "offered military support" */
            int heads[MAX_SIDE], nh = 0;
            for (int i = 0; i < k; i++)
                if (ss->m[idx[i]].end == g->obj_end) heads[nh++] = idx[i];
            side_from_roles(ss, &tgt, heads, nh);
        }
    }
    if (!tgt.n && !statement && !(p->flags & PF_NOTARGET) && !b.has_tgt) {
        /* "threatened to attack Israel" as one pattern: the infinitive's object */
        for (size_t w = (size_t)v + 1; w < ss->nvg && !tgt.n; w++) {
            const vgroup *f = &ss->vg[w];
            if (f->start >= b.end || f->head >= b.end) break;
            if (f->kind != VG_INFINITIVE || f->obj_start < 0) continue;
            int idx[MAX_SIDE];
            int k = dyad_mentions_in(ss, f->obj_start, f->obj_end, 1, idx, MAX_SIDE);
            side_from_mentions(ss, &tgt, idx, k);
        }
    }
    if (!tgt.n && !statement && !(p->flags & PF_NOTARGET)) pp_target(as, ss, p->code, b.end, &tgt);
    if (b.has_src && !b.has_tgt && !g->passive) {
        /* "received weapons from SRC": the pattern names the source, so the
         * subject is the one acted on */
        tgt = src;
        src = (side){0};
    }
    int asked = reporter >= 0 || mode == DYAD_MODE_APPEAL || mode == DYAD_MODE_DEMAND;
    if (reporter >= 0) {
        /* the clause's subject is asked; the reporter asks */
        const vgroup *r = &ss->vg[reporter];
        tgt = src;
        src = (side){0};
        if (phrase_actors(as, ss, r->subj_start, r->subj_end, r->ins_start, r->ins_end, 1, &src) !=
            0)
            return -1;
        /* "Egypt said it must withdraw": no one else is asked */
        for (int i = 0; i < src.n; i++)
            for (int j = 0; j < tgt.n; j++)
                if (!strcmp(src.code[i], tgt.code[j])) {
                    dyad_explain(as, "#   %s asks itself: not a demand\n", src.code[i]);
                    return 0;
                }
    } else if (asked) {
        /* the addressee is the target, not the act's own ("urged Israel to
         * withdraw from Gaza": Israel) */
        tgt = (side){0};
        if (addr_a >= 0 && addressee_actors(as, ss, addr_a, addr_b, &tgt) != 0) return -1;
    }
    as->subject_groups++; /* the subjects of this clause, for "they" */
    for (int i = 0; i < src.n; i++)
        if (src.mention[i] >= 0 &&
            dyad_ref_subject(as, &ss->m[src.mention[i]], src.code[i], ss->s->index) != 0)
            return -1;
    for (int i = 0; i < b.src.n; i++) side_add(&src, b.src.code[i], b.src.mention[i]);
    for (int i = 0; i < b.tgt.n && !asked; i++) side_add(&tgt, b.tgt.code[i], b.tgt.mention[i]);
    if (!statement && mode < 0) co_actors(ss, g->head, b.end + 3, &src);
    /* governed by a reporting verb: the nearest clause verb before it reports */
    int reported = reported_clause(ss, v);
    int cond = in_condition(ss, g);
    const char *code = cond    ? NULL
                       : moded ? moded
                               : apply_modality(g->modal, reported && g->would, p->code);
    /* the subject's own conditional threat, not one an analyst reports
     * ("Analysts said Israel could attack Iran if talks fail") */
    int own = !reported || (g->subj_start >= 0 && g->subj_end - g->subj_start == 1 &&
                            tag(ss, g->subj_start) == TAG_PRP);
    if (!code && g->modal == MOD_HYPO && own && !perfect(ss, g) && !cond &&
        hostile(p->code) && condition_after(ss, g)) {
        /* "may halt mediation if ...", "could attack unless ...": a threat */
        code = dyad_mode_code(DYAD_MODE_THREATEN, p->code);
        if (code) dyad_explain(as, "#   conditional: %s -> threat %s\n", p->code, code);
    }
    if (!code) {
        dyad_explain(as, "#   dropped: hypothetical (%s)\n", p->code);
        return 0;
    }
    ev_ctx c = {g->start, g->end, ss, p->where};
    if (!src.n)
        dyad_explain(as, "#   no source actor for %s\n", p->where);
    /* a meeting both sides plan is symmetric; one asked for or refused is not */
    unsigned flags = mode >= 0 && mode != DYAD_MODE_INTENT ? p->flags & ~PF_SYM : p->flags;
    return emit_all(as, ss, &c, code, flags, &src, &tgt);
}

/* The verb group whose direct object holds noun i and whose verb performs
 * what the noun names ("announced a suspension", "launched an offensive"),
 * unless the verb's own pattern already took the noun in. Returns -1 if none. */
static int performing_verb(const sent_state *ss, int i) {
    static const char *const verbs[] = {"announce", "launch", "carry", "conduct", "stage",
                                        "hold",     "order",  "impose", "declare", "mount",
                                        "begin",    "start",  "make",   "issue",   "step",
                                        "resume",   "continue", "intensify", "wage", "unleash",
                                        "sign",     "organize", "organise", "call", "host",
                                        "attend",   "join",   "convene", "open",  NULL};
    for (size_t v = 0; v < ss->nvg; v++) {
        const vgroup *g = &ss->vg[v];
        if (g->kind != VG_FINITE || g->passive || g->obj_start < 0 || g->subj_start < 0) continue;
        if (i < g->obj_start || i >= g->obj_end || g->coded_end > i) continue;
        /* not "did not announce", "may announce", "if Italy announces" */
        if (g->neg || g->modal != MOD_NONE || in_condition(ss, g)) return -1;
        if (listed(verbs, ss->s->toks[g->head].lemma)) return (int)v;
    }
    return -1;
}

static int code_nouns(article_state *as, sent_state *ss) {
    for (size_t i = 0; i < ss->s->ntok; i++) {
        int t = ss->s->toks[i].tag;
        if (t != TAG_NN && t != TAG_NNS) continue;
        /* the actor before the noun: a possessive ("Egypt's mediation",
         * "Hamas' agreement") or a modifier ("Israeli tank shelling", "a US
         * airstrike") */
        int k = (int)i - 1, poss = -1;
        while (k >= 0 && TAG_IS_ADJ(ss->s->toks[k].tag) && ss->tok_mention[k] < 0) k--;
        int owner = -1;
        if (k >= 1 && (ss->s->toks[k].tag == TAG_POS || !strcmp(ss->s->toks[k].norm, "'")))
            owner = ss->tok_mention[k - 1];
        else if (k >= 0)
            owner = ss->tok_mention[k];
        if (owner >= 0 && !ss->m[owner].media && !ss->m[owner].agent_only) poss = owner;
        binding b;
        if (!best_pattern(as, ss, (int)i, 1, 0, poss, &b)) continue;
        if (!b.src.n) {
            /* the object of a verb that performs it: "Italy announced a
             * suspension of air links", "Israel launched an offensive",
             * "Egypt hosted talks with Hamas" */
            int v = performing_verb(ss, (int)i);
            if (v < 0 && (b.p->flags & PF_SYM) && b.tgt.n > 1) v = -2; /* "talks between A and B" */
            if (v == -2) goto emit;
            if (v < 0) continue;
            const vgroup *g = &ss->vg[v];
            if (phrase_actors(as, ss, g->subj_start, g->subj_end, g->ins_start, g->ins_end, 0,
                              &b.src) != 0)
                return -1;
            if (!b.src.n) continue;
        }
    emit:;
        ev_ctx c = {(int)i, (int)i + 1, ss, b.p->where};
        if (emit_all(as, ss, &c, b.p->code, b.p->flags, &b.src, &b.tgt) != 0) return -1;
    }
    return 0;
}

/* ------------------------------------------------------------ quotations */

static int sentence_in_quote(const sent_state *ss) {
    size_t q = 0;
    for (size_t i = 0; i < ss->s->ntok; i++)
        if (ss->s->toks[i].flags & TOKF_IN_QUOTE) q++;
    return ss->s->ntok && q * 2 > ss->s->ntok;
}

/* Find the speaker of the quotation that sentence idx belongs to: the
 * speech verb after the closing quote mark ("…,” Miller said."). */
static int find_speaker(article_state *as, sent_state *all, size_t nall, size_t idx,
                        int (*prepare)(article_state *, sent_state *)) {
    sent_state *ss = &all[idx];
    for (size_t t = idx; t < nall && t <= idx + 4; t++) {
        sent_state *q = &all[t];
        if (prepare(as, q) != 0) return -1;
        for (size_t i = 0; i < q->s->ntok; i++) {
            if (q->s->toks[i].tag != TAG_RQUOTE) continue;
            for (size_t v = 0; v < q->nvg; v++) {
                vgroup *g = &q->vg[v];
                if (!g->speech || g->start < (int)i || g->start > (int)i + 6) continue;
                side src = {0};
                int a = g->subj_start, b = g->subj_end;
                if (a < 0 || a < (int)i) { a = g->obj_start; b = g->obj_end; }
                if (a >= 0 && phrase_actors(as, q, a, b, -1, -1, 1, &src) != 0) return -1;
                if (src.n) {
                    binding pb;
                    ss->speaker_pattern =
                        best_pattern(as, q, g->head, 0, g->neg, -1, &pb) ? pb.p->where : "quotation";
                    ss->speaker_code = src.code[0];
                    ss->speaker_tok = g->head;
                    ss->speaker_sent = (int)t;
                }
                return 0;
            }
        }
        if (!q->s->quote_cont && t > idx) break;
        if (!q->s->quote_cont && !sentence_in_quote(q)) break;
    }
    return 0;
}

/* ------------------------------------------------------------ clean-up */

static int same(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* A root's "not specified" code: 020, 030, 100, 120, 130 ... */
static int generic_code(const char *c) { return strlen(c) == 3 && c[2] == '0'; }

/* Drop plain 010 statements by a source that has a more specific event in
 * the same sentence; drop a root's generic code (020 "urged Hamas") when the
 * same source has a more specific code of that root for the same target or
 * the generic one has none (0253 "urged Hamas to release"); an event with no
 * target when the same source has the same code with one; and duplicate
 * (source, target, code) triples. */
static void tidy(article_state *as, size_t first) {
    size_t w = first;
    for (size_t i = first; i < as->nevents; i++) {
        dyad_event *e = &as->events[i];
        int drop = 0;
        for (size_t j = first; j < w && !drop; j++) {
            dyad_event *f = &as->events[j];
            if (same(f->source, e->source) && same(f->target, e->target) && same(f->code, e->code))
                drop = 1;
        }
        if (!drop && same(e->code, "010")) {
            for (size_t j = first; j < as->nevents && !drop; j++)
                if (j != i && same(as->events[j].source, e->source) &&
                    !same(as->events[j].code, "010"))
                    drop = 1;
        }
        if (!drop && !e->target[0]) {
            /* the same act by the same source with a target says more */
            for (size_t j = first; j < as->nevents && !drop; j++)
                if (j != i && as->events[j].target[0] && same(as->events[j].source, e->source) &&
                    same(as->events[j].code, e->code))
                    drop = 1;
        }
        if (!drop && generic_code(e->code) && !same(e->code, "010")) {
            for (size_t j = first; j < as->nevents && !drop; j++) {
                const dyad_event *f = &as->events[j];
                if (j != i && same(f->source, e->source) && !strncmp(f->code, e->code, 2) &&
                    !same(f->code, e->code) && (same(f->target, e->target) || !e->target[0]))
                    drop = 1;
            }
        }
        if (!drop) as->events[w++] = *e;
    }
    as->nevents = w;
}

int dyad_code_sentence(article_state *as, sent_state *ss, sent_state *all, size_t nall,
                       size_t idx, int (*prepare)(article_state *, sent_state *)) {
    size_t first = as->nevents;
    as->dyads = 0;
    if (!ss->wset && !ss->wtried) {
        ss->wtried = 1;
        if (build_wset(as, ss) != 0) return -1;
    }
    ss->in_quote = sentence_in_quote(ss) || (idx > 0 && all[idx - 1].s->quote_cont);
    if (ss->in_quote && !ss->speaker_code && find_speaker(as, all, nall, idx, prepare) != 0)
        return -1;
    for (size_t v = 0; v < ss->nvg; v++)
        if (code_verb_group(as, ss, (int)v) != 0) return -1;
    if (code_nouns(as, ss) != 0) return -1;
    if (ss->in_quote && ss->speaker_code) {
        int has = 0;
        for (size_t i = first; i < as->nevents; i++)
            if (same(as->events[i].source, ss->speaker_code)) has = 1;
        if (!has) {
            const sent_state *vs = &all[ss->speaker_sent];
            ev_ctx c = {ss->speaker_tok, ss->speaker_tok + 1, vs, ss->speaker_pattern};
            if (push_event(as, ss, &c, "010", ss->speaker_code, -1, "", -1) != 0) return -1;
        }
    }
    tidy(as, first);
    return 0;
}
