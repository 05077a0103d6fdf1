/*
 * mention.c — actor mentions in a sentence, and the article's reference
 * table.
 *
 * 1. Dictionary matching: at each token, the longest actor or agent name
 *    starting there (names indexed by first word; the last word may match
 *    through its lemma, so plurals match singular entries; capitalised
 *    entry words need capitalised tokens, so "us" is not "US").
 * 2. Composition: adjacent matches form one actor (DESIGN §2.8): "U.S." +
 *    "State Department" + "spokesperson" + "Matthew Miller" → USAGOV;
 *    a bare country + an agent noun → country+role ("Qatari official" →
 *    QATGOV). Capitalised unknown words right after a match extend it
 *    (a person's name) and give a surname for later reference.
 * 3. Reference: later surnames ("Miller") and refer nouns ("the Islamist
 *    movement") resolve to the most recent matching entry of the article.
 */
#include <ctype.h>
#include <string.h>

#include "engine.h"

static int sentence_all_caps(const dyad_sentence *s) {
    int letters = 0, upper = 0;
    for (size_t i = 0; i < s->ntok; i++)
        for (const char *p = s->toks[i].norm; *p; p++)
            if (isalpha((unsigned char)*p)) {
                letters++;
                if (isupper((unsigned char)*p)) upper++;
            }
    return letters > 8 && upper * 10 >= letters * 9;
}

static int word_all_caps(const char *w) {
    int letters = 0;
    for (; *w; w++)
        if (isalpha((unsigned char)*w)) {
            if (!isupper((unsigned char)*w)) return 0;
            letters++;
        }
    return letters > 0;
}

/* Equal when periods are ignored: "u.n." and "un". */
static int same_without_periods(const char *a, const char *b) {
    for (;;) {
        while (*a == '.') a++;
        while (*b == '.') b++;
        if (*a != *b) return 0;
        if (!*a) return 1;
        a++;
        b++;
    }
}

/* Does token t match word w of name nm? */
static int word_matches(const dyad_token *t, const dict_name *nm, int w, int caps_ok) {
    const char *word = nm->words[w];
    int last = w == nm->nwords - 1;
    int ok = strcmp(t->lower, word) == 0;
    /* through the lemma not for past forms of verbs: "forces" matches
     * "force" (even when mistagged VBZ), the verb "forced" does not */
    if (!ok && last && t->lemma && t->tag != TAG_VBD && t->tag != TAG_VBN && t->tag != TAG_VBG &&
        strcmp(t->lemma, word) == 0)
        ok = 1;
    if (!ok && last && (t->tag == TAG_NNS || t->tag == TAG_NNPS || t->tag == TAG_NNP)) {
        /* plural of a name not in WordNet: "Israelis" → "israeli"; also a
         * capitalised plural the tagger calls NNP ("Serbs", "Hackers") */
        size_t n = strlen(t->lower);
        if (n > 1 && t->lower[n - 1] == 's' && strlen(word) == n - 1 &&
            strncmp(t->lower, word, n - 1) == 0)
            ok = 1;
    }
    if (!ok && (nm->wflags[w] & DW_ALLCAP)) ok = same_without_periods(t->lower, word);
    if (!ok) return 0;
    if (caps_ok) return 1;
    if (nm->wflags[w] & DW_ALLCAP) return word_all_caps(t->norm);
    if (nm->wflags[w] & DW_CAP) return isupper((unsigned char)t->norm[0]) != 0;
    return 1;
}

static int in_date_range(const dict_actor *a, long date) {
    if (a->from && date < a->from) return 0;
    if (a->to && date > a->to) return 0;
    return 1;
}

/* How far date lies outside a's range (0 inside). */
static long date_distance(const dict_actor *a, long date) {
    if (a->from && date < a->from) return a->from - date;
    if (a->to && date > a->to) return date - a->to;
    return 0;
}

/* Longest name of `index` matching at token i; returns its length (0 if none).
 * A person's full name (two words or more) outside all of its periods,
 * longer than any name valid at the date, is returned with *off_term set,
 * the one whose period is nearest: the caller codes it as a former or future
 * office holder. off_term may be NULL (no such fallback). */
static int longest_match(const dyad_strmap *index, const dyad_sentence *s, size_t i, long date,
                         int caps_ok, const dict_name **best, const dyad_dict *d,
                         int *off_term) {
    const dyad_token *t = &s->toks[i];
    /* keys: the form, the lemma, and for acronyms written with periods the
     * form without them ("U.N." finds entries written "UN"); acronyms are
     * short, so a token too long for the buffer simply has no such key */
    char bare[32];
    const char *keys[5] = {t->lower, t->lemma, NULL, NULL, NULL};
    size_t tl = strlen(t->lower);
    if (strchr(t->lower, '.') && tl < sizeof bare) {
        size_t b = 0;
        for (size_t q = 0; q < tl; q++)
            if (t->lower[q] != '.') bare[b++] = t->lower[q];
        bare[b] = '\0';
        if (b) keys[t->lemma ? 2 : 1] = bare;
    }
    /* a one-word name in the plural the lemmatizer left alone: a capitalised
     * "Peacekeepers" (NNP) or "Israelis" finds "peacekeeper", "israeli" */
    char sing[64];
    if ((t->tag == TAG_NNP || t->tag == TAG_NNPS || t->tag == TAG_NNS) && tl > 3 &&
        tl < sizeof sing && t->lower[tl - 1] == 's' && t->lower[tl - 2] != 's' &&
        (!t->lemma || strcmp(t->lemma, t->lower) == 0)) {
        memcpy(sing, t->lower, tl - 1);
        sing[tl - 1] = '\0';
        int k = 0;
        while (k < 3 && keys[k]) k++;
        keys[k] = sing;
    }
    int bestn = 0, offn = 0;
    long offd = 0;
    const dict_name *off = NULL;
    *best = NULL;
    if (off_term) *off_term = 0;
    for (int k = 0; k < 4 && keys[k]; k++) {
        if (k == 1 && strcmp(keys[1], keys[0]) == 0) continue;
        const dict_name_list *l = dyad_strmap_get(index, keys[k]);
        if (!l) continue;
        for (size_t j = 0; j < l->n; j++) {
            const dict_name *nm = l->items[j];
            if (nm->nwords <= bestn) break; /* sorted longest first */
            if (i + (size_t)nm->nwords > s->ntok) continue;
            int valid = in_date_range(nm->actor, date);
            if (!valid && !(off_term && nm->actor->kind == AK_PERSON && nm->nwords >= 2 &&
                            nm->nwords >= offn))
                continue;
            int w = 0;
            while (w < nm->nwords && word_matches(&s->toks[i + (size_t)w], nm, w, caps_ok)) w++;
            if (w < nm->nwords) continue;
            if (!valid && !dyad_dict_country_prefix(d, nm->actor->code)) continue;
            if (valid) {
                bestn = nm->nwords;
                *best = nm;
                break;
            }
            long dd = date_distance(nm->actor, date);
            if (nm->nwords > offn || dd < offd) {
                off = nm;
                offn = nm->nwords;
                offd = dd;
            }
        }
    }
    if (off && offn > bestn) { /* "Petro Poroshenko" after his term, not "Petro" */
        *best = off;
        *off_term = 1;
        return offn;
    }
    return bestn;
}

static const char *PLACE_NOUNS[] = {"ministry", "department", "government", "office", "army",
                                    "military", "force", "police", "court", "parliament",
                                    "council", "agency", "administration", "authority",
                                    "cabinet", "embassy", "party", "university", "company",
                                    "intelligence", "legislature", "senate", "congress",
                                    "union", "committee", "commission", "organization",
                                    "organisation", "movement", "association", "federation",
                                    "coalition", "alliance", "bank", "institute", "service",
                                    "forum", "group", "network", "front", NULL};

static int agent_is_person(const char *noun) {
    const char *last = strrchr(noun, ' ');
    last = last ? last + 1 : noun;
    for (int i = 0; PLACE_NOUNS[i]; i++)
        if (strcmp(last, PLACE_NOUNS[i]) == 0) return 0;
    return 1;
}

static char *join_lower(dyad_arena *a, const dyad_sentence *s, int start, int end, int lemma) {
    size_t len = 0;
    for (int i = start; i < end; i++) len += strlen(lemma ? s->toks[i].lemma : s->toks[i].lower) + 1;
    char *out = dyad_arena_alloc(a, len + 1);
    if (!out) return NULL;
    char *p = out;
    for (int i = start; i < end; i++) {
        const char *w = lemma ? s->toks[i].lemma : s->toks[i].lower;
        if (i > start) *p++ = ' ';
        size_t n = strlen(w);
        memcpy(p, w, n);
        p += n;
    }
    *p = '\0';
    return out;
}

static char *join_words(dyad_arena *a, const dict_name *nm) {
    size_t len = 0;
    for (int i = 0; i < nm->nwords; i++) len += strlen(nm->words[i]) + 1;
    char *out = dyad_arena_alloc(a, len + 1);
    if (!out) return NULL;
    for (int i = 0; i < nm->nwords; i++) {
        if (i) strcat(out, " ");
        strcat(out, nm->words[i]);
    }
    return out;
}

int dyad_add_mention(article_state *as, sent_state *ss, const mention *m) {
    if (ss->nm == ss->capm) {
        size_t nc = ss->capm ? ss->capm * 2 : 8;
        mention *nmv = dyad_arena_grow(as->arena, ss->m, ss->nm, nc, sizeof *nmv);
        if (!nmv) return -1;
        ss->m = nmv;
        ss->capm = nc;
    }
    ss->m[ss->nm] = *m;
    for (int i = m->start; i < m->end; i++) ss->tok_mention[i] = (int)ss->nm;
    ss->nm++;
    return 0;
}

/* A raw dictionary match before composition. */
typedef struct raw_match {
    int start, end;
    const dict_name *name;
    const char *code; /* the code to use instead of the entry's, or NULL */
} raw_match;

static int is_name_token(const dyad_token *t) {
    return (t->tag == TAG_NNP || t->tag == TAG_NNPS) && isupper((unsigned char)t->norm[0]);
}

/* Build one composed mention from raw matches r[a..b) (adjacent). */
static int is_date_word(const char *w) {
    static const char *const words[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
        "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", NULL};
    for (int i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0) return 1;
    return 0;
}

/* "Filipino peacekeepers": a country's contingent of a peacekeeping force
 * is that country's military (IGOPKO after a country). */
static int national_contingent(const dict_actor *prev, const dict_actor *act) {
    return prev && prev->kind == AK_COUNTRY && strlen(prev->code) == 3 &&
           strcmp(act->code, "IGOPKO") == 0;
}

/* A state itself: a three-letter [country] code that is not an ethnic or
 * religious group's ("EGY", not "KUR" or "EGYGOV"). */
static int plain_state(int kind, const char *code) {
    return kind == AK_COUNTRY && strlen(code) == 3 && !dyad_identity_code(code);
}

/* "Iraqi Sunnis", "Turkish Kurds": a state followed by an ethnic or
 * religious group of it (codebook ch. 10: IRQMOSSUN, TURKUR). */
static int identity_of(const dict_actor *state, const dict_actor *group) {
    return state && plain_state(state->kind, state->code) && group->kind == AK_COUNTRY &&
           dyad_identity_code(group->code);
}

/* limit: the first token of the next dictionary match (a name may not
 * extend into it). */
static int compose(article_state *as, sent_state *ss, const raw_match *r, int a, int b,
                   int limit) {
    const dyad_sentence *s = ss->s;
    mention m;
    memset(&m, 0, sizeof m);
    m.start = r[a].start;
    m.end = r[b - 1].end;
    m.code = "";
    m.country = "";
    m.role = "";
    const dict_actor *base = NULL, *state = NULL;
    const char *basecode = "", *role = NULL, *identity = NULL;
    for (int k = a; k < b; k++) {
        const dict_actor *act = r[k].name->actor;
        if (!identity && identity_of(state, act)) {
            identity = act->code;
            continue;
        }
        if (plain_state(act->kind, act->code)) state = act;
        if (k > a && national_contingent(r[k - 1].name->actor, act)) {
            if (!role) {
                role = "MIL";
                m.role_noun = join_lower(as->arena, s, r[k].start, r[k].end, 1);
                if (!m.role_noun) return -1;
                m.person = 1;
            }
            continue;
        }
        if (act->kind == AK_AGENT) {
            if (!role) {
                role = act->code;
                m.role_noun = join_lower(as->arena, s, r[k].start, r[k].end, 1);
                if (!m.role_noun) return -1;
                if (agent_is_person(m.role_noun)) m.person = 1;
            }
            continue;
        }
        if (act->kind == AK_PERSON) {
            m.person = 1;
            m.surname = s->toks[r[k].end - 1].lower;
        }
        if (act->kind == AK_MEDIA) m.media = 1;
        const char *c = r[k].code ? r[k].code : act->code;
        if (!base || strlen(c) > strlen(basecode)) {
            base = act;
            basecode = c;
        }
    }
    /* A person's name right after the actor: "spokesperson Matthew Miller"
     * (not into the next actor, nor a day or month: "Israeli official Tuesday") */
    int e = m.end;
    while (e < (int)s->ntok && e < limit && is_name_token(&s->toks[e]) &&
           ss->tok_mention[e] < 0 && !is_date_word(s->toks[e].lower))
        e++;
    if (e > m.end && e - m.end <= 4) {
        m.end = e;
        m.person = 1;
        m.surname = s->toks[e - 1].lower;
    }
    m.plural = s->toks[m.end - 1].tag == TAG_NNS || s->toks[m.end - 1].tag == TAG_NNPS;
    if (identity && base == state) {
        /* the group within the state; an agent noun adds nothing more
         * ("Iraqi Kurdish rebels" is IRQKUR) */
        char *c = dyad_arena_printf(as->arena, "%s%s", state->code, identity);
        if (!c) return -1;
        basecode = c;
        role = NULL;
    }
    if (base) {
        m.kind = base->kind;
        m.refer = (const char *const *)base->refer;
        m.nrefer = base->nrefer;
        /* "Qatari police" -> QATCOP; a capital stands for its government
         * (EGYGOV) until an agent noun names another part of the state:
         * "Baghdad police" -> IRQCOP, "Cairo University students" -> EGYEDU */
        size_t bl = strlen(basecode);
        if (role && base->kind == AK_COUNTRY &&
            (bl == 3 || (bl == 6 && strcmp(basecode + 3, "GOV") == 0))) {
            char *c = dyad_arena_printf(as->arena, "%.3s%s", basecode, role);
            if (!c) return -1;
            m.code = c;
        } else {
            m.code = basecode;
        }
    } else {
        m.kind = AK_AGENT;
        m.agent_only = 1;
        m.role = role ? role : "";
    }
    if (dyad_add_mention(as, ss, &m) != 0) return -1;
    return dyad_ref_register(as, &ss->m[ss->nm - 1], s->index);
}

int dyad_mention_from_ref(article_state *as, sent_state *ss, int start, int end,
                          const ref_entry *r) {
    mention m;
    memset(&m, 0, sizeof m);
    m.start = start;
    m.end = end;
    m.code = r->code;
    m.country = r->country;
    m.role = r->role;
    m.kind = r->kind;
    m.person = r->person;
    m.plural = r->plural;
    m.media = r->media;
    m.surname = r->surname;
    m.role_noun = r->role_noun;
    m.refer = r->refer;
    m.nrefer = r->nrefer;
    m.coref = 1;
    return dyad_add_mention(as, ss, &m);
}

/* Reference reaches back at most this many table entries: enough for any
 * news article, and it keeps coding linear in the article's length. */
#define REF_WINDOW 256

static size_t ref_lo(const article_state *as) {
    return as->nrefs > REF_WINDOW ? as->nrefs - REF_WINDOW : 0;
}

/* Was entry r seen before token tok of sentence `sentence`? (A quotation's
 * later sentences may be prepared early; they must not be referred to.) */
static int before(const ref_entry *r, int sentence, int tok) {
    return r->sentence < sentence || (r->sentence == sentence && r->tok < tok);
}

/* Most recent entry with this surname. */
static const ref_entry *ref_surname(const article_state *as, const char *lower, int sentence,
                                    int tok) {
    for (size_t i = as->nrefs; i-- > ref_lo(as);) {
        const ref_entry *r = &as->refs[i];
        if (r->surname && r->code[0] && before(r, sentence, tok) && strcmp(r->surname, lower) == 0)
            return r;
    }
    return NULL;
}

/* Most recent entry with this refer noun ("islamist movement"). */
static const ref_entry *ref_refer(const article_state *as, const char *phrase, int sentence,
                                  int tok) {
    for (size_t i = as->nrefs; i-- > ref_lo(as);) {
        const ref_entry *r = &as->refs[i];
        if (!before(r, sentence, tok)) continue;
        for (int k = 0; k < r->nrefer; k++)
            if (strcmp(r->refer[k], phrase) == 0) return r;
    }
    return NULL;
}

/* Only one or two lower-case modifiers (adjectives, singular nouns) between
 * an actor and the agent noun after it: "Irish nationalist guerrillas",
 * "Saudi oil minister". */
static int adjectives_between(const dyad_sentence *s, const raw_match *x, const raw_match *y) {
    if (y->name->actor->kind != AK_AGENT || x->name->actor->kind == AK_AGENT) return 0;
    /* a possessive first: "Egypt's foreign minister", "Iraq's army" */
    int k0 = x->end;
    int poss = k0 < y->start && (s->toks[k0].tag == TAG_POS || strcmp(s->toks[k0].norm, "'") == 0);
    if (poss) k0++;
    int gap = y->start - k0;
    if (gap < (poss ? 0 : 1) || gap > 2) return 0;
    for (int k = k0; k < y->start; k++)
        if (!(TAG_IS_ADJ(s->toks[k].tag) || s->toks[k].tag == TAG_NN) ||
            !islower((unsigned char)s->toks[k].norm[0]))
            return 0;
    return 1;
}

/* Does a word look like a demonym ("British", "Israeli", "Chinese", "French")
 * rather than a country's name ("Egypt", "Jordan")? By its ending. */
static int demonym_form(const char *w) {
    static const char *const ends[] = {"ian", "ean", "ese", "ish", "ic", "ch", "ss", "i",
                                       "can", "rman", "eek", NULL};
    size_t n = strlen(w);
    for (int i = 0; ends[i]; i++) {
        size_t e = strlen(ends[i]);
        if (n > e + 2 && strcmp(w + n - e, ends[i]) == 0) return 1;
    }
    return 0;
}

/* "US and British activists", "the U.S., British and French governments":
 * countries coordinated before a country + plural agent noun share its role. */
static int share_role(article_state *as, sent_state *ss) {
    const dyad_sentence *s = ss->s;
    for (size_t j = 1; j < ss->nm; j++) {
        const mention *b = &ss->m[j];
        if (b->kind != AK_COUNTRY || !b->role_noun || !b->plural || strlen(b->code) != 6 ||
            dyad_identity_code(b->code))
            continue;
        for (size_t k = j; k-- > 0;) {
            mention *a = &ss->m[k];
            const mention *next = &ss->m[k + 1];
            int gap = next->start - a->end;
            /* a demonym or an abbreviation used as one ("US"), not a name
             * ("Egypt and Israeli troops" is Egypt and the troops) */
            const dyad_token *last = &s->toks[a->end - 1];
            if (!plain_state(a->kind, a->code) || a->role_noun || gap < 1 || gap > 2 ||
                !(demonym_form(last->lower) || last->shape == SHAPE_ALLCAP))
                break;
            int ok = 1;
            for (int t = a->end; t < next->start; t++) {
                const char *w = s->toks[t].lower;
                if (strcmp(w, "and") && strcmp(w, "or") && strcmp(w, ",")) ok = 0;
            }
            if (!ok) break;
            const char *old = a->code;
            char *c = dyad_arena_printf(as->arena, "%s%s", old, b->code + 3);
            if (!c) return -1;
            a->code = c;
            a->role_noun = b->role_noun;
            a->plural = 1;
            for (size_t r = as->nrefs; r-- > 0;) { /* its reference entry */
                ref_entry *e = &as->refs[r];
                if (e->sentence != s->index) break;
                if (e->tok == a->start && e->code == old) {
                    e->code = c;
                    e->role_noun = b->role_noun;
                    e->plural = 1;
                }
            }
        }
    }
    return 0;
}

int dyad_find_mentions(article_state *as, sent_state *ss) {
    const dyad_sentence *s = ss->s;
    const dyad_dict *d = &as->model->dict;
    int caps_ok = sentence_all_caps(s);
    raw_match *raw = dyad_arena_calloc(as->arena, s->ntok + 1, sizeof *raw);
    if (!raw && s->ntok) return -1;
    int nraw = 0;
    for (size_t i = 0; i < s->ntok;) {
        const dict_name *best;
        int off_term = 0;
        int n = longest_match(&d->names, s, i, as->date, caps_ok, &best, d, &off_term);
        const char *code = NULL;
        if (n && off_term) {
            /* a known office holder outside the office's dates: the country's
             * elite ("Jack Straw" in 2016 -> GBRELI), from the nearest of the
             * name's periods with a state's code (an organisation's code,
             * IGOUNO, gives no nationality) */
            code = dyad_arena_printf(as->arena, "%.3sELI", best->actor->code);
            if (!code) return -1;
        }
        if (n) {
            raw[nraw].start = (int)i;
            raw[nraw].end = (int)i + n;
            raw[nraw].name = best;
            raw[nraw].code = code;
            nraw++;
            i += (size_t)n;
        } else {
            i++;
        }
    }
    /* Group adjacent raw matches and compose each group: an agent noun joins
     * any neighbour, two actors only when they belong to the same country
     * ("U.S." + "State Department"), so "Hamas Hezbollah" stays two. */
    for (int a = 0; a < nraw;) {
        int b = a + 1;
        const dict_actor *last = raw[a].name->actor->kind == AK_AGENT ? NULL : raw[a].name->actor;
        while (b < nraw && (raw[b].start == raw[b - 1].end ||
                            adjectives_between(s, &raw[b - 1], &raw[b]))) {
            const dict_actor *act = raw[b].name->actor;
            if (national_contingent(last, act)) {
                b++;
                continue;
            }
            if (act->kind != AK_AGENT) {
                if (last && strncmp(last->code, act->code, 3) != 0 && !identity_of(last, act))
                    break;
                last = act;
            }
            b++;
        }
        int limit = b < nraw ? raw[b].start : (int)s->ntok;
        if (compose(as, ss, raw, a, b, limit) != 0) return -1;
        a = b;
    }
    if (share_role(as, ss) != 0) return -1;
    /* Reference: surnames and "the <refer noun>" for tokens not yet covered. */
    for (size_t i = 0; i < s->ntok; i++) {
        if (ss->tok_mention[i] >= 0) continue;
        const dyad_token *t = &s->toks[i];
        if (is_name_token(t)) {
            const ref_entry *r = ref_surname(as, t->lower, s->index, (int)i);
            if (r) {
                if (dyad_mention_from_ref(as, ss, (int)i, (int)i + 1, r) != 0) return -1;
                continue;
            }
        }
        if ((strcmp(t->lower, "the") == 0 || strcmp(t->lower, "this") == 0) && i + 1 < s->ntok) {
            const dict_name *best;
            int n = longest_match(&d->refers, s, i + 1, as->date, 1, &best, NULL, NULL);
            for (int q = 1; q <= n; q++)
                if (ss->tok_mention[i + (size_t)q] >= 0) n = 0; /* overlaps a mention */
            if (n) {
                char *phrase = join_words(as->arena, best);
                if (!phrase) return -1;
                const ref_entry *r = ref_refer(as, phrase, s->index, (int)i);
                if (r) {
                    if (dyad_mention_from_ref(as, ss, (int)i + 1, (int)i + 1 + n, r) != 0)
                        return -1;
                    i += (size_t)n;
                }
            }
        }
    }
    return 0;
}

static const char *country_of(const char *code, dyad_arena *a) {
    if (strlen(code) < 3) return "";
    if (strncmp(code, "IGO", 3) == 0) return "";
    return dyad_arena_strndup(a, code, 3);
}

int dyad_ref_register(article_state *as, const mention *m, int sentence) {
    if (!m->code[0] && !m->agent_only) return 0;
    if (as->nrefs == as->caprefs) {
        size_t nc = as->caprefs ? as->caprefs * 2 : 16;
        ref_entry *nr = dyad_arena_grow(as->arena, as->refs, as->nrefs, nc, sizeof *nr);
        if (!nr) return -1;
        as->refs = nr;
        as->caprefs = nc;
    }
    const char *country = m->code[0] ? country_of(m->code, as->arena) : "";
    if (!country) return -1;
    ref_entry *r = &as->refs[as->nrefs];
    memset(r, 0, sizeof *r);
    r->code = m->code;
    r->country = country;
    r->role = m->role;
    r->kind = m->kind;
    r->person = m->person;
    r->plural = m->plural;
    r->media = m->media;
    r->surname = m->surname;
    r->role_noun = m->role_noun;
    r->refer = m->refer;
    r->nrefer = m->nrefer;
    r->sentence = sentence;
    r->tok = m->start;
    as->nrefs++;
    return 0;
}

int dyad_ref_subject(article_state *as, const mention *m, const char *code, int sentence) {
    /* the entry the mention itself made, if it carries this code */
    for (size_t i = as->nrefs; i-- > ref_lo(as);) {
        ref_entry *r = &as->refs[i];
        if (r->sentence != sentence || r->tok != m->start) continue;
        if (strcmp(r->code, code) == 0) {
            r->subject = 1;
            r->group = as->subject_groups;
            return 0;
        }
    }
    /* an agent noun resolved to a code ("the spokesperson" -> EGYGOV) */
    mention copy = *m;
    copy.code = code;
    copy.agent_only = 0;
    if (dyad_ref_register(as, &copy, sentence) != 0) return -1;
    as->refs[as->nrefs - 1].subject = 1;
    as->refs[as->nrefs - 1].group = as->subject_groups;
    return 0;
}

const ref_entry *dyad_ref_pronoun(const article_state *as, const char *pron, int sentence,
                                  int tok) {
    int want_person, they = !strcmp(pron, "they");
    if (!strcmp(pron, "he") || !strcmp(pron, "she")) want_person = 1;
    else if (!strcmp(pron, "it") || !strcmp(pron, "they")) want_person = 0;
    else return NULL;
    /* prefer the most recent subject; else the most recent mention */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = as->nrefs; i-- > ref_lo(as);) {
            const ref_entry *r = &as->refs[i];
            if (!r->code[0] || r->media || !before(r, sentence, tok)) continue;
            if (pass == 0 && !r->subject) continue;
            /* "they" may be a group ("the Fijian rebels said they") */
            /* "it" may be an institution composed with its country ("the
             * Nigerian Union of Teachers ... it"), not a bare role */
            int thing = !r->person && (r->kind != AK_AGENT || r->country[0]);
            if (want_person ? r->person && !r->plural : they ? (r->plural || thing) : thing)
                return r;
        }
    return NULL;
}

const ref_entry *dyad_ref_role(const article_state *as, const char *role_noun, int sentence,
                               int tok) {
    for (size_t i = as->nrefs; i-- > ref_lo(as);) {
        const ref_entry *r = &as->refs[i];
        if (r->code[0] && r->role_noun && before(r, sentence, tok) &&
            strcmp(r->role_noun, role_noun) == 0)
            return r;
    }
    return NULL;
}

const ref_entry *dyad_ref_country(const article_state *as, int sentence, int tok) {
    /* the country of the most recent subject, else of the most recent actor */
    const dyad_strmap *countries = &as->model->dict.countries;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = as->nrefs; i-- > ref_lo(as);) {
            const ref_entry *r = &as->refs[i];
            if ((pass == 0 && !r->subject) || r->media || !r->country[0] ||
                !before(r, sentence, tok))
                continue;
            if (dyad_strmap_get(countries, r->country)) return r;
        }
    return NULL;
}
