/*
 * parse.c — shallow parse of one tagged sentence: verb groups (tense,
 * negation, modality, passive, infinitive/participle/gerund), and for each
 * its subject noun phrase, comma insertion (appositive or participle
 * phrase), direct object, and the "by" phrase of a passive.
 *
 * The parse is deliberately shallow (DESIGN §1): noun phrases are runs of
 * nominal tokens; a noun phrase right after a preposition is inside a
 * prepositional phrase, so the subject is the head phrase before it
 * ("The focal point of the discussions revolves" → "The focal point").
 * Participle clauses take the subject of the clause they hang on; see
 * resolve_nonfinite().
 */
#include <string.h>

#include "engine.h"

static const dyad_token *tok(const sent_state *ss, int i) { return &ss->s->toks[i]; }
static int tag(const sent_state *ss, int i) {
    return (i >= 0 && i < (int)ss->s->ntok) ? ss->s->toks[i].tag : TAG_NONE;
}
static int lemma_is(const sent_state *ss, int i, const char *w) {
    return i >= 0 && i < (int)ss->s->ntok && ss->s->toks[i].lemma &&
           strcmp(ss->s->toks[i].lemma, w) == 0;
}

static const char *SUBORDINATORS[] = {"that", "while", "because", "although", "though",
                                      "if", "whether", "when", "after", "before", "since",
                                      "unless", "until", "as", "despite", NULL};

static int is_subordinator(const sent_state *ss, int i) {
    for (int k = 0; SUBORDINATORS[k]; k++)
        if (tok_is(ss, i, SUBORDINATORS[k])) return 1;
    return 0;
}

/* A token that can be part of a noun phrase. */
static int np_tok(const sent_state *ss, int i) {
    if (i < 0 || i >= (int)ss->s->ntok) return 0;
    if (ss->tok_mention[i] >= 0) return 1;
    int t = tag(ss, i);
    if (TAG_IS_NOUN(t) || TAG_IS_ADJ(t) || t == TAG_DT || t == TAG_PRPS || t == TAG_CD ||
        t == TAG_POS || t == TAG_PRP || t == TAG_PDT)
        return !tok_is(ss, i, "that") || t != TAG_DT ? 1 : 0;
    /* adjectival participle inside a noun phrase: "the involved parties" */
    if ((t == TAG_VBN || t == TAG_VBG) && TAG_IS_NOUN(tag(ss, i + 1)) &&
        (tag(ss, i - 1) == TAG_DT || TAG_IS_ADJ(tag(ss, i - 1)) || tag(ss, i - 1) == TAG_PRPS))
        return 1;
    /* a slash inside a name: "SPLM/A" */
    if (t == TAG_SYM && tok_is(ss, i, "/") && i > 0 && i + 1 < (int)ss->s->ntok &&
        !(tok(ss, i)->flags & TOKF_SPACE_BEFORE) && !(tok(ss, i + 1)->flags & TOKF_SPACE_BEFORE) &&
        TAG_IS_NOUN(tag(ss, i - 1)) && TAG_IS_NOUN(tag(ss, i + 1)))
        return 1;
    /* "'" after a name is a possessive: "Hamas' agreement" */
    if (strcmp(tok(ss, i)->norm, "'") == 0 && i > 0 && ss->tok_mention[i - 1] >= 0) return 1;
    return 0;
}

/* A noun-ish token that can end a noun phrase. */
static int np_head_tok(const sent_state *ss, int i) {
    if (i < 0 || i >= (int)ss->s->ntok) return 0;
    if (ss->tok_mention[i] >= 0) return 1;
    int t = tag(ss, i);
    return TAG_IS_NOUN(t) || t == TAG_PRP || t == TAG_CD;
}

/* Start of the noun phrase ending at token e (inclusive), with
 * coordination of actor mentions ("the U.S., Israel, and Egypt"): the last
 * link must be "and"/"or" (", and" too); earlier links may be commas. */
static int np_start(const sent_state *ss, int e) {
    int b = e;
    while (b - 1 >= 0 && np_tok(ss, b - 1) && tag(ss, b - 1) != TAG_PRP) b--;
    int first = 1;
    for (;;) {
        int h = b; /* "the United States": the mention after the determiners */
        while (h < e && tag(ss, h) == TAG_DT) h++;
        if (ss->tok_mention[h] < 0) break;
        int k = b - 1, conj = 0;
        if (tok_is(ss, k, "and") || tok_is(ss, k, "or")) {
            conj = 1;
            k--;
        }
        if (tag(ss, k) == TAG_COMMA) k--;
        if ((first && !conj) || (!first && conj) || k == b - 1 || k < 0 || ss->tok_mention[k] < 0)
            break;
        int nb = ss->m[ss->tok_mention[k]].start;
        while (nb - 1 >= 0 && (tag(ss, nb - 1) == TAG_DT)) nb--;
        b = nb;
        first = 0;
    }
    return b;
}

int dyad_np_end(const sent_state *ss, int i) {
    int e = i;
    while (e < (int)ss->s->ntok && np_tok(ss, e) && !(tag(ss, e) == TAG_PRP && e > i)) e++;
    /* coordination of mentions after the first phrase; accepted only when
     * the chain ends with "and"/"or" before its last member */
    int end = e;
    while (end > i && ss->tok_mention[end - 1] >= 0) {
        int k = end, conj = 0;
        if (tag(ss, k) == TAG_COMMA) k++;
        if (tok_is(ss, k, "and") || tok_is(ss, k, "or")) {
            conj = 1;
            k++;
        }
        while (tag(ss, k) == TAG_DT) k++;
        if (k == end || k >= (int)ss->s->ntok || ss->tok_mention[k] < 0) break;
        end = ss->m[ss->tok_mention[k]].end;
        if (conj) e = end;
    }
    return e;
}

int dyad_mentions_in(const sent_state *ss, int a, int b, int top_only, int *out, int max) {
    int n = 0, last = -1;
    for (int i = a; i < b && i < (int)ss->s->ntok; i++) {
        int m = ss->tok_mention[i];
        if (top_only && tag(ss, i) == TAG_IN && !tok_is(ss, i, "of")) break;
        if (m < 0 || m == last) continue;
        last = m;
        if (n < max) out[n++] = m;
    }
    return n;
}

static int is_aux_lemma(const sent_state *ss, int i) {
    return lemma_is(ss, i, "be") || lemma_is(ss, i, "have") || lemma_is(ss, i, "do") ||
           lemma_is(ss, i, "get");
}

/* Is "to" at i an infinitive marker: "to release", "to urgently reconsider"? */
static int to_verb(const sent_state *ss, int i) {
    return TAG_IS_VERB(tag(ss, i + 1)) ||
           (TAG_IS_ADV(tag(ss, i + 1)) && !tok_is(ss, i + 1, "not") &&
            TAG_IS_VERB(tag(ss, i + 2)) &&
            (tag(ss, i + 2) == TAG_VB || tag(ss, i + 2) == TAG_VBP));
}

/* Extend a verb group starting at i; fills start/end/head/neg/modal/passive. */
static int scan_group(const sent_state *ss, int i, vgroup *g) {
    int n = (int)ss->s->ntok, j = i, last_verb = -1, be_aux = 0;
    g->start = i;
    while (j < n) {
        int t = tag(ss, j);
        if (t == TAG_MD) {
            const char *w = tok(ss, j)->lower;
            g->modal = (!strcmp(w, "will") || !strcmp(w, "'ll") || !strcmp(w, "shall"))
                           ? MOD_INTENT
                       : !strcmp(w, "must")                          ? MOD_OBLIG
                       : (!strcmp(w, "should") || !strcmp(w, "ought")) ? MOD_ADVISE
                                                                    : MOD_HYPO;
            g->would = !strcmp(w, "would") || !strcmp(w, "'d");
            j++;
            continue;
        }
        if (TAG_IS_VERB(t)) {
            if (last_verb >= 0 && !is_aux_lemma(ss, last_verb) && tag(ss, last_verb) != TAG_MD &&
                !(t == TAG_VB && tag(ss, j - 1) == TAG_TO))
                break;
            if (last_verb >= 0 && (lemma_is(ss, last_verb, "be") || lemma_is(ss, last_verb, "get")))
                be_aux = 1;
            last_verb = j++;
            /* continue only through auxiliaries */
            if (!is_aux_lemma(ss, last_verb)) {
                if (tag(ss, j) == TAG_RP) j++;
                break;
            }
            continue;
        }
        /* before the first verb only "to" or, after a modal, an adverb or
         * negation ("will not withdraw", "would never agree") */
        if (last_verb < 0 && t != TAG_TO &&
            !(j > i && (tag(ss, j - 1) == TAG_MD || tag(ss, j - 1) == TAG_TO) &&
              (TAG_IS_ADV(t) || tok_is(ss, j, "not") || tok_is(ss, j, "n't"))))
            break;
        /* adverbs and negation inside the group: "has not provided", "has yet to" */
        if (TAG_IS_ADV(t) || tok_is(ss, j, "not") || tok_is(ss, j, "n't")) {
            int k = j;
            while (k < n &&
                   (TAG_IS_ADV(tag(ss, k)) || tok_is(ss, k, "not") || tok_is(ss, k, "n't")))
                k++;
            int follows = TAG_IS_VERB(tag(ss, k)) || tag(ss, k) == TAG_MD ||
                          (tag(ss, k) == TAG_TO && TAG_IS_VERB(tag(ss, k + 1)));
            if (!follows) break;
            for (int q = j; q < k; q++)
                if (tok_is(ss, q, "not") || tok_is(ss, q, "n't") || tok_is(ss, q, "never"))
                    g->neg = 1;
            if (tag(ss, k) == TAG_TO && tok_is(ss, k - 1, "yet")) g->neg = 1; /* "has yet to" */
            if (tag(ss, k) == TAG_TO && !(last_verb >= 0 && lemma_is(ss, last_verb, "have")))
                break;
            j = k;
            continue;
        }
        if (t == TAG_TO && to_verb(ss, j)) {
            /* "has to", "going to": the infinitive is the main verb */
            if (last_verb >= 0 &&
                (lemma_is(ss, last_verb, "have") || tok_is(ss, last_verb, "going"))) {
                /* "has to" (not "has yet to"; "had to withdraw" did withdraw) */
                if (lemma_is(ss, last_verb, "have") && !tok_is(ss, last_verb, "had") &&
                    g->modal == MOD_NONE && !g->neg)
                    g->modal = MOD_OBLIG;
                j++;
                continue;
            }
            if (last_verb < 0) {
                j++;
                continue;
            }
            break;
        }
        break;
    }
    if (last_verb < 0) return 0;
    g->end = j;
    g->head = last_verb;
    /* "were engaged in ethnic cleansing", "is involved in", "is committed
     * to opening": a state of the subject, not a passive act done to it */
    if (be_aux && tag(ss, last_verb) == TAG_VBN &&
        !((lemma_is(ss, last_verb, "engage") || lemma_is(ss, last_verb, "involve")) &&
          tok_is(ss, j, "in")) &&
        !((lemma_is(ss, last_verb, "commit") || lemma_is(ss, last_verb, "dedicate") ||
           lemma_is(ss, last_verb, "determine")) &&
          tok_is(ss, j, "to")))
        g->passive = 1;
    return 1;
}

static int prev_finite(const sent_state *ss, int k) {
    for (int v = k - 1; v >= 0; v--)
        if (ss->vg[v].kind == VG_FINITE) return v;
    return -1;
}

/* The token before a parenthesis that closes at k ("the Union of Teachers
 * (NUT)"), or k when there is none. */
static int before_parenthesis(const sent_state *ss, int k) {
    if (tag(ss, k) != TAG_RRB) return k;
    for (int q = k - 1; q >= 0 && q >= k - 12; q--) {
        if (tag(ss, q) == TAG_LRB) return q - 1;
        if (TAG_IS_VERB(tag(ss, q)) || tag(ss, q) == TAG_RRB) break;
    }
    return k;
}

/* A head noun that takes its actor from an "of" phrase: a number, a part
 * or member, a leader ("hundreds of", "members of", "the head of"). */
static int partitive(const sent_state *ss, int i) {
    static const char *const heads[] = {
        "hundred", "thousand", "dozen",  "score",   "million",  "ten",      "member", "some",
        "many",    "most",     "all",    "none",    "one",      "group",    "number", "part",
        "majority", "minority", "contingent", "unit", "wing",   "faction",  "delegation",
        "team",    "leader",   "head",   "chief",   "commander", "fighter", "militant",
        "supporter", "official", "spokesman", "spokeswoman", "spokesperson", "representative",
        "batch", "wave", "detachment", "squad", "convoy", "column", "handful", "couple", "few",
        "several", "half", "rest", "remainder", "bulk", NULL};
    if (tag(ss, i) == TAG_CD) return 1;
    const char *l = tok(ss, i)->lemma ? tok(ss, i)->lemma : tok(ss, i)->lower;
    for (int k = 0; heads[k]; k++)
        if (!strcmp(l, heads[k])) return 1;
    return 0;
}

/* Subject of a finite verb group. */
static void find_subject(const sent_state *ss, vgroup *g) {
    int k = g->start - 1;
    g->subj_start = g->subj_end = g->ins_start = g->ins_end = -1;
    while (k >= 0 && TAG_IS_ADV(tag(ss, k))) k--;
    k = before_parenthesis(ss, k);
    if (k >= 0 && (tag(ss, k) == TAG_WDT || tag(ss, k) == TAG_WP)) { /* relative: antecedent */
        k--;
        if (tag(ss, k) == TAG_COMMA) k--;
    }
    if (k >= 0 && tag(ss, k) == TAG_COMMA) {
        /* ", insertion ," between subject and verb */
        int c0 = -1;
        for (int q = k - 1; q >= 0 && q >= k - 30; q--) {
            if (tag(ss, q) == TAG_COMMA) {
                c0 = q;
                break;
            }
        }
        if (c0 > 0 && np_head_tok(ss, before_parenthesis(ss, c0 - 1))) {
            g->ins_start = c0 + 1;
            g->ins_end = k;
            k = before_parenthesis(ss, c0 - 1);
        } else {
            return;
        }
    }
    if (!np_head_tok(ss, k)) {
        /* quotation attribution "…,” Miller said" handled by the caller; inverted
         * "said Miller" takes the phrase after the verb */
        return;
    }
    int e = k + 1, b = np_start(ss, k);
    /* "Hizbollah (Party of God) group": the name before the parenthesis */
    if (b - 1 >= 0 && tag(ss, b - 1) == TAG_RRB) {
        int q = before_parenthesis(ss, b - 1);
        if (q != b - 1 && q >= 0 && np_head_tok(ss, q)) b = np_start(ss, q);
    }
    for (;;) {
        /* the agent of a reduced relative: "the prisoners released by Syria
         * criticized ..." has "the prisoners" as its subject */
        if (b - 3 >= 0 && tok_is(ss, b - 1, "by") && tag(ss, b - 2) == TAG_VBN &&
            np_head_tok(ss, b - 3)) {
            e = b - 2;
            b = np_start(ss, b - 3);
            continue;
        }
        /* inside a prepositional phrase: move to the head phrase before it;
         * an "of" phrase after a number or a part stays in ("Hundreds of
         * Serbs", "members of Hamas"), not after others ("opponents of Hamas",
         * "the government of Israel": the agent's country, code.c) */
        if (b - 2 >= 0 && tag(ss, b - 1) == TAG_IN && !is_subordinator(ss, b - 1) &&
            np_head_tok(ss, b - 2)) {
            if (!tok_is(ss, b - 1, "of") || !partitive(ss, b - 2)) e = b - 1;
            b = np_start(ss, b - 2);
            continue;
        }
        break;
    }
    g->subj_start = b;
    g->subj_end = e;
}

static void find_object(const sent_state *ss, vgroup *g) {
    int j = g->end, n = (int)ss->s->ntok;
    g->obj_start = g->obj_end = -1;
    while (j < n && TAG_IS_ADV(tag(ss, j))) j++;
    /* not an adjective ("seemed ready"), unless it names an actor
     * ("criticized Israeli soldiers") */
    if (j < n && np_tok(ss, j) && (!TAG_IS_ADJ(tag(ss, j)) || ss->tok_mention[j] >= 0)) {
        g->obj_start = j;
        g->obj_end = dyad_np_end(ss, j);
        /* a partitive head keeps its "of" phrase: "shelled a part of Syria's
         * second city", "killed hundreds of Syrians" */
        int e = g->obj_end;
        if (e + 1 < n && tok_is(ss, e, "of") && partitive(ss, e - 1) && np_tok(ss, e + 1))
            g->obj_end = dyad_np_end(ss, e + 1);
    }
}

static void find_by_phrase(const sent_state *ss, vgroup *g) {
    g->by_start = g->by_end = -1;
    int n = (int)ss->s->ntok;
    for (int j = g->end; j < n && j < g->end + 10; j++) {
        if (tag(ss, j) == TAG_COMMA || TAG_IS_VERB(tag(ss, j))) break;
        if (tok_is(ss, j, "by") && j + 1 < n && np_tok(ss, j + 1)) {
            g->by_start = j + 1;
            g->by_end = dyad_np_end(ss, j + 1);
            return;
        }
    }
}

/* Is [b, e) a noun phrase at the start of its clause (sentence start, or
 * after an introductory adverb/clause and comma)? */
static int np_opens_clause(const sent_state *ss, int b) {
    int k = b - 1;
    while (k >= 0 && tag(ss, k) == TAG_DT) k--;
    return k < 0 || tag(ss, k) == TAG_COMMA || tag(ss, k) == TAG_LQUOTE || is_subordinator(ss, k);
}

/* Subjects of participles: borrowed from the clause they hang on. */
static void resolve_nonfinite(sent_state *ss, int v) {
    vgroup *g = &ss->vg[v];
    int k = g->start - 1;
    if (g->kind == VG_REDUCED) {
        /* "one approved by Israel": the modified noun phrase is the target */
        if (np_head_tok(ss, k)) {
            g->subj_start = np_start(ss, k);
            g->subj_end = k + 1;
        }
        return;
    }
    if (g->kind != VG_PARTICIPLE) return;
    if (k < 0 || tag(ss, k) == TAG_LQUOTE) {
        /* "Speaking to reporters, Miller emphasized…": the next finite subject */
        for (size_t w = (size_t)v + 1; w < ss->nvg; w++)
            if (ss->vg[w].kind == VG_FINITE) {
                g->subj_start = ss->vg[w].subj_start;
                g->subj_end = ss->vg[w].subj_end;
                return;
            }
        return;
    }
    if (tag(ss, k) == TAG_COMMA) {
        int b = np_head_tok(ss, k - 1) ? np_start(ss, k - 1) : -1;
        if (b >= 0 && np_opens_clause(ss, b)) { /* "Qatar, serving as…" */
            g->subj_start = b;
            g->subj_end = k;
            return;
        }
        int p = prev_finite(ss, v); /* "…, stating that" */
        if (p >= 0) {
            g->subj_start = ss->vg[p].subj_start;
            g->subj_end = ss->vg[p].subj_end;
        }
        return;
    }
    if (np_head_tok(ss, k)) { /* "despite Hamas viewing the proposal" */
        g->subj_start = np_start(ss, k);
        g->subj_end = k + 1;
    }
}

int dyad_find_verb_groups(article_state *as, sent_state *ss) {
    int n = (int)ss->s->ntok;
    vgroup *v = dyad_arena_calloc(as->arena, (size_t)n + 1, sizeof *v);
    if (!v && n) return -1;
    ss->vg = v;
    ss->nvg = 0;
    for (int i = 0; i < n;) {
        int t = tag(ss, i);
        int starts = t == TAG_MD || TAG_IS_VERB(t) || (t == TAG_TO && to_verb(ss, i));
        /* prenominal participle ("the involved parties") is not a verb */
        if ((t == TAG_VBN || t == TAG_VBG) && np_tok(ss, i)) starts = 0;
        if (!starts) {
            i++;
            continue;
        }
        vgroup g;
        memset(&g, 0, sizeof g);
        if (!scan_group(ss, i, &g)) {
            i++;
            continue;
        }
        int first = tag(ss, g.start);
        if (first == TAG_TO) g.kind = VG_INFINITIVE;
        else if (first == TAG_VBG)
            g.kind = (tag(ss, g.start - 1) == TAG_IN) ? VG_GERUND : VG_PARTICIPLE;
        else if (first == TAG_VBN) {
            /* bare past participle: after a noun it modifies it ("one approved
             * by Israel"), unless an object or a that-clause follows, or no
             * finite verb came before it: then it is a mistagged past tense
             * ("Taher al-Nono, the head of …, clarified that …") */
            int before = g.start - 1; /* "Greece bluntly demanded that" */
            while (before > 0 && TAG_IS_ADV(tag(ss, before)) && !tok_is(ss, before, "not"))
                before--;
            int after_noun = np_head_tok(ss, before);
            int obj_follows = tag(ss, g.end) == TAG_DT || tag(ss, g.end) == TAG_PRPS ||
                              tok_is(ss, g.end, "that");
            int finite_before = prev_finite(ss, (int)ss->nvg) >= 0;
            int after_insertion = !finite_before && tag(ss, g.start - 1) == TAG_COMMA;
            /* "The US commander, General Petraeus, held talks with ..." */
            if ((obj_follows && (after_noun || after_insertion)) ||
                (after_insertion && np_tok(ss, g.end) && !TAG_IS_ADJ(tag(ss, g.end)))) {
                g.kind = VG_FINITE;
            } else if (after_noun) {
                g.kind = VG_REDUCED;
                g.passive = 1;
            } else {
                g.kind = VG_PARTICIPLE;
                g.passive = 1;
            }
        } else g.kind = VG_FINITE;
        g.subj_start = g.subj_end = g.ins_start = g.ins_end = -1;
        if (g.kind == VG_FINITE) find_subject(ss, &g);
        find_object(ss, &g);
        if (g.passive) find_by_phrase(ss, &g);
        else g.by_start = g.by_end = -1;
        g.speech = dyad_is_speech_lemma(as->model, tok(ss, g.head)->lemma);
        ss->vg[ss->nvg++] = g;
        i = g.end > i ? g.end : i + 1;
    }
    /* "Oxfam Canada today called on ...": a participle read as a reduced
     * relative on the clause's first noun phrase, with no finite verb after
     * it that takes that phrase as its subject, is the main verb */
    for (size_t k = 0; k < ss->nvg; k++) {
        vgroup *g = &ss->vg[k];
        if (g->kind != VG_REDUCED || tag(ss, g->head) != TAG_VBN || g->by_start >= 0) continue;
        if (prev_finite(ss, (int)k) >= 0) continue; /* "Israel released the mayor, ... jailed" */
        vgroup probe = *g; /* the subject it would have: "Doctors from two aid groups" */
        find_subject(ss, &probe);
        if (probe.subj_start < 0 || !np_opens_clause(ss, probe.subj_start)) continue;
        int main_after = 0; /* "The civilians imprisoned ... were released" */
        for (size_t w = k + 1; w < ss->nvg; w++) {
            const vgroup *f = &ss->vg[w];
            if (f->kind != VG_FINITE || f->subj_start < 0) continue;
            /* not a subordinate clause's verb ("unless the Kremlin withdrew") */
            int q = f->subj_start - 1;
            if (q >= 0 &&
                (is_subordinator(ss, q) || tag(ss, q) == TAG_WDT || tok_is(ss, q, "that")))
                continue;
            main_after = 1;
        }
        if (main_after) continue;
        g->kind = VG_FINITE;
        g->passive = 0;
        g->by_start = g->by_end = -1;
        find_subject(ss, g);
    }
    for (size_t k = 0; k < ss->nvg; k++)
        if (ss->vg[k].kind != VG_FINITE) resolve_nonfinite(ss, (int)k);
    return 0;
}

void dyad_explain_chunks(article_state *as, const sent_state *ss) {
    int n = (int)ss->s->ntok;
    dyad_explain(as, "#   chunks:");
    for (int i = 0; i < n;) {
        int vg = -1;
        for (size_t v = 0; v < ss->nvg; v++)
            if (ss->vg[v].start == i) vg = (int)v;
        int e = i + 1;
        const char *label = NULL;
        if (vg >= 0) {
            label = "VG";
            e = ss->vg[vg].end > i ? ss->vg[vg].end : i + 1;
        } else if ((tag(ss, i) == TAG_IN || tag(ss, i) == TAG_TO) && !is_subordinator(ss, i) &&
                   np_tok(ss, i + 1)) {
            label = "PP";
            e = dyad_np_end(ss, i + 1);
        } else if (np_tok(ss, i)) {
            e = dyad_np_end(ss, i);
            if (e <= i) e = i + 1;
            label = "ADJP";
            for (int k = i; k < e; k++)
                if (!TAG_IS_ADJ(tag(ss, k))) label = "NP";
        }
        if (label) dyad_explain(as, " [%s", label);
        for (int k = i; k < e; k++) dyad_explain(as, " %s", ss->s->toks[k].norm);
        if (label) dyad_explain(as, "]");
        i = e;
    }
    dyad_explain(as, "\n");
}
