/*
 * fdict_verbs.c — verb dictionaries (fdict.h): PETRARCH2's CAMEO.2.0.txt
 * (`--- NAME [CODE] ---` blocks of verb lines and `- pattern [CODE]` lines,
 * synsets, `~` transformations) and TABARI's .verbs (`VERB [CODE] ;comment`
 * lines each opening a block, `{ forms }` lines, `- pattern [CODE]` lines,
 * <SYNSETS>, <TIME>, <NOUN>, <ADJECTIVE> sections).
 *
 * Two passes over the file: the first (quiet) only collects the synset names,
 * so that a pattern token like `&FIGHT_OF_WORDS` or `NEW_&TIETYPES_RELATIONS`
 * can be split at the right `_` whatever the order of the file; the second
 * reads everything in order.
 */
#include "fdict_int.h"

#include "strmap.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Deepest nesting of {...} and (...) in a pattern. */
#define FD_MAX_DEPTH 16

typedef struct member_acc { /* a synset member, grouped into its set at the end */
    int set;
    fd_tokseq q;
} member_acc;

typedef struct vctx {
    fd_ctx *c;
    dyad_strmap names; /* synset name -> index + 1 */
    fd_vec members;    /* member_acc */
    int block;         /* current block, -1 before any */
    int synset;        /* set taking '+' members, -1 when none */
    int last_verb;     /* for TABARI `{ forms }` lines */
    fd_vec forms;      /* forms of TABARI `{ ... }` lines for forms_verb */
    int forms_verb;
} vctx;

/* ---------------------------------------------------------------- tokens */

typedef struct tk {
    fd_ctx *c;
    const dyad_strmap *names;
    const char *s;
    size_t i, n;
    const char *err; /* reason of a malformed pattern (static text) */
} tk;

typedef struct piece {
    size_t s, e;
    int us;
} piece;

static int synset_lookup(const dyad_strmap *names, const char *s, size_t n) {
    char buf[128];
    if (n >= sizeof buf) return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    void *v = dyad_strmap_get(names, buf);
    return v ? (int)((uintptr_t)v - 1) : -1;
}

static int tok_push(tk *t, fd_vec *out, const fd_token *tok) {
    if (fd_push(out, tok, sizeof *tok) != 0) {
        t->c->oom = 1;
        return -1;
    }
    return 0;
}

/* One run of text without white space or brackets, s[t->i, ce): split on '_'. */
static int parse_chunk(tk *t, size_t ce, fd_vec *out) {
    const char *s = t->s;
    fd_vec pcs = {0};
    size_t j = t->i;
    while (j < ce) {
        piece p = {j, j, 0};
        while (j < ce && s[j] != '_') j++;
        p.e = j;
        p.us = j < ce;
        if (p.us) j++;
        if (p.e > p.s) {
            if (fd_push(&pcs, &p, sizeof p) != 0) goto oom;
        } else if (p.us && out->n && pcs.n == 0) {
            /* "X _Y": a '_' at the start of a run joins it to the token before */
            ((fd_token *)out->p)[out->n - 1].flags |= FW_US | FW_CONNECT;
        }
    }
    /* a run ending in '_' right before a bracket is joined to it: DEMAND_{ ... } */
    int join_next = ce < t->n && (s[ce] == '{' || s[ce] == '(') && ce > t->i && s[ce - 1] == '_';
    piece *pc = pcs.p;
    for (size_t k = 0; k < pcs.n; k++) {
        fd_token tok;
        memset(&tok, 0, sizeof tok);
        const char *ws = s + pc[k].s;
        size_t wl = pc[k].e - pc[k].s;
        size_t last = k;
        if (ws[0] == '&' && wl > 1) {
            tok.kind = FT_SYNSET;
            tok.synset = -1;
            /* the longest run of pieces that names a set: &FIGHT_OF_WORDS */
            size_t top = k; /* names are shorter than 128 bytes */
            while (top + 1 < pcs.n && pc[top + 1].e - pc[k].s < 128) top++;
            for (size_t m = top + 1; m-- > k;) {
                int idx = synset_lookup(t->names, ws + 1, pc[m].e - pc[k].s - 1);
                if (idx >= 0) {
                    tok.synset = idx;
                    last = m;
                    break;
                }
            }
            wl = pc[last].e - pc[k].s;
            tok.text = fd_strndup(t->c, ws + 1, wl - 1);
        } else {
            if (wl > 1 && ws[wl - 1] == '=') {
                tok.flags |= FW_EQ;
                wl--;
            }
            if (wl > 1 && ws[wl - 1] == '~' && pc[k].us) {
                tok.flags |= FW_TILDE;
                wl--;
            }
            if (wl == 1 && strchr("*$+%^@", ws[0])) {
                static const int kinds[] = {FT_VERB, FT_SOURCE, FT_TARGET,
                                            FT_COMPOUND, FT_SKIP, FT_ATTRIB};
                tok.kind = kinds[strchr("*$+%^@", ws[0]) - "*$+%^@"];
            } else {
                tok.kind = FT_WORD;
            }
            tok.text = fd_strndup(t->c, ws, wl);
        }
        if (pc[last].us) {
            if (!(tok.flags & FW_TILDE)) tok.flags |= FW_US;
            if (last + 1 < pcs.n || join_next) tok.flags |= FW_CONNECT;
        }
        k = last;
        if (!tok.text || tok_push(t, out, &tok) != 0) goto oom;
    }
    fd_vfree(&pcs);
    t->i = ce;
    return 0;
oom:
    fd_vfree(&pcs);
    t->c->oom = 1;
    return -1;
}

static fd_tokseq seq_dup(tk *t, fd_vec *v) {
    fd_tokseq q = {fd_vdup(&t->c->fd->arena, v, sizeof(fd_token), &t->c->oom), (int)v->n};
    fd_vfree(v);
    return q;
}

/* Tokens up to one of `terms` (its char in *ended) or the end (0). 0, 1
 * (malformed: t->err), -1 (OOM). */
static int parse_seq(tk *t, const char *terms, fd_vec *out, char *ended, int depth) {
    const char *s = t->s;
    for (;;) {
        while (t->i < t->n && isspace((unsigned char)s[t->i])) t->i++;
        if (t->i >= t->n) {
            if (*terms) {
                t->err = *terms == ')' ? "missing ')'" : "missing '}'";
                return 1;
            }
            *ended = 0;
            return 0;
        }
        char ch = s[t->i];
        if (strchr(terms, ch)) {
            t->i++;
            *ended = ch;
            return 0;
        }
        if (ch == '{' || ch == '(') {
            if (depth >= FD_MAX_DEPTH) {
                t->err = "brackets nested too deep";
                return 1;
            }
            t->i++;
            fd_token tok;
            memset(&tok, 0, sizeof tok);
            tok.text = ch == '{' ? "{" : "(";
            fd_vec sub = {0};
            char e = 0;
            int r;
            if (ch == '(') {
                r = parse_seq(t, ")", &sub, &e, depth + 1);
                tok.kind = FT_PREP;
                if (r == 0 && !sub.n) {
                    t->err = "empty ( )";
                    r = 1;
                }
                tok.sub = seq_dup(t, &sub);
            } else {
                fd_vec alts = {0};
                do {
                    r = parse_seq(t, "}|", &sub, &e, depth + 1);
                    if (r == 0 && !sub.n) {
                        t->err = "empty { } or alternative";
                        r = 1;
                    }
                    fd_tokseq q = seq_dup(t, &sub);
                    if (r == 0 && fd_push(&alts, &q, sizeof q) != 0) r = -1;
                } while (r == 0 && e == '|');
                if (r == 0 && alts.n == 1) {
                    tok.kind = FT_NOUNPHRASE;
                    tok.sub = ((fd_tokseq *)alts.p)[0];
                } else if (r == 0) {
                    tok.kind = FT_ALT;
                    tok.alts = fd_vdup(&t->c->fd->arena, &alts, sizeof(fd_tokseq), &t->c->oom);
                    tok.nalts = (int)alts.n;
                }
                fd_vfree(&alts);
            }
            fd_vfree(&sub);
            if (r != 0 || t->c->oom) return t->c->oom ? -1 : r;
            if (t->i < t->n && s[t->i] == '_') { /* "}_CONVENTIONS" */
                tok.flags |= FW_US | FW_CONNECT;
                t->i++;
            }
            if (tok_push(t, out, &tok) != 0) return -1;
            continue;
        }
        if (strchr(")}|", ch)) {
            t->err = ch == ')' ? "unexpected ')'" : ch == '}' ? "unexpected '}'" : "'|' outside { }";
            return 1;
        }
        size_t j = t->i;
        while (j < t->n && !isspace((unsigned char)s[j]) && !strchr("{}()|", s[j])) j++;
        if (parse_chunk(t, j, out) != 0) return -1;
    }
}

static int count_kind(const fd_tokseq *q, int kind) {
    int k = 0;
    for (int i = 0; i < q->n; i++) {
        const fd_token *t = &q->t[i];
        if (t->kind == kind) k++;
        k += count_kind(&t->sub, kind);
        for (int a = 0; a < t->nalts; a++) k += count_kind(&t->alts[a], kind);
    }
    return k;
}

/* Report the undefined synsets of q (notes: the token stays a literal word). */
static void note_undefined(fd_ctx *c, const fd_tokseq *q) {
    for (int i = 0; i < q->n; i++) {
        const fd_token *t = &q->t[i];
        if (t->kind == FT_SYNSET && t->synset < 0)
            fd_warn(c, FD_SEV_NOTE, "undefined synset '&%s' (kept as a literal word, so this "
                    "cannot match)", t->text);
        note_undefined(c, &t->sub);
        for (int a = 0; a < t->nalts; a++) note_undefined(c, &t->alts[a]);
    }
}

/* Tokenize s[0, n). 0 with *q, 1 malformed (reported with `what`), -1 OOM. */
static int tokenize(vctx *v, const char *s, size_t n, fd_tokseq *q, const char *what,
                    const char *raw) {
    tk t = {v->c, &v->names, s, 0, n, NULL};
    fd_vec out = {0};
    char e = 0;
    int r = parse_seq(&t, "", &out, &e, 0);
    if (r != 0) {
        fd_vfree(&out);
        if (r > 0)
            fd_warn(v->c, FD_SEV_MALFORMED, "%s '%.*s': %s", what, fd_qlen(raw), raw, t.err);
        return r;
    }
    *q = seq_dup(&t, &out);
    return v->c->oom ? -1 : 0;
}

/* ---------------------------------------------------------------- lines */

static fd_block *cur_block(vctx *v) {
    return v->block >= 0 ? &((fd_block *)v->c->blocks.p)[v->block] : NULL;
}

static int open_block(vctx *v, const char *name, const char *code, const char *code2) {
    fd_ctx *c = v->c;
    fd_block b;
    memset(&b, 0, sizeof b);
    b.name = name;
    b.code = code ? code : "---";
    b.code2 = code2;
    b.cflags = fd_code_flags(b.code);
    b.line = c->lineno;
    b.first_verb = (int)c->verbs.n;
    b.first_pattern = (int)c->patterns.n;
    if (fd_push(&c->blocks, &b, sizeof b) != 0) return -1;
    v->block = (int)c->blocks.n - 1;
    c->fd->counts.blocks++;
    return 0;
}

/* `--- NAME [CODE] ---` */
static int block_header(vctx *v, const char *l) {
    fd_ctx *c = v->c;
    const char *p = l;
    while (*p == '-') p++;
    p = fd_skip_space(p);
    const char *ne = p;
    while (*ne && !isspace((unsigned char)*ne) && *ne != '[') ne++;
    if (ne == p || *p == '-') {
        fd_warn(c, FD_SEV_MALFORMED, "block header '%.*s' has no name (want --- NAME [CODE] ---)",
                fd_qlen(l), l);
        v->block = -1;
        return 0;
    }
    const char *code = NULL, *code2 = NULL;
    const char *br = strchr(ne, '[');
    const char *rb = br ? strchr(br, ']') : NULL;
    if (br && !rb) {
        fd_warn(c, FD_SEV_MALFORMED, "missing ']' in block header '%.*s'", fd_qlen(l), l);
        v->block = -1;
        return 0;
    }
    if (br && fd_parse_event_code(c, br + 1, (size_t)(rb - br - 1), &code, &code2) < 0) return -1;
    if (!br || !code)
        fd_warn(c, FD_SEV_NOTE, "block header without a code: [---] assumed");
    const char *name = fd_strndup(c, p, (size_t)(ne - p));
    if (!name) return -1;
    if (code && fd_code_flags(code) & FC_DISCARD) c->fd->counts.discard_codes++;
    return open_block(v, name, code, code2);
}

/* The last `[...]` of l, when the line ends with it: sets *code(2), cuts l. */
static int trailing_code(fd_ctx *c, char *l, const char **code, const char **code2, int *has) {
    size_t n = strlen(l);
    *has = 0;
    *code = *code2 = NULL;
    if (!n || l[n - 1] != ']') return 0;
    char *br = strrchr(l, '[');
    if (!br) return 0;
    *has = 1;
    int r = fd_parse_event_code(c, br + 1, (size_t)(l + n - 1 - br - 1), code, code2);
    if (r < 0) return -1;
    *br = '\0';
    return 0;
}

/* Append the `{ A B_C }` forms in s[0, n) to acc. 0 or -1. */
static int parse_forms(vctx *v, fd_vec *acc, const char *s, size_t n) {
    fd_ctx *c = v->c;
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)s[i])) i++;
        size_t b = i;
        while (i < n && !isspace((unsigned char)s[i])) i++;
        if (i == b) break;
        fd_phrase ph;
        int r = fd_split_phrase(c, s + b, i - b, c->dialect != FD_TABARI, &ph);
        if (r < 0 || (r == 0 && fd_push(acc, &ph, sizeof ph) != 0)) return -1;
    }
    return 0;
}

/* Hand the forms gathered from TABARI `{ ... }` lines to their verb. */
static int flush_forms(vctx *v) {
    fd_ctx *c = v->c;
    if (v->forms_verb >= 0 && (size_t)v->forms_verb < c->verbs.n) {
        fd_verb *vb = &((fd_verb *)c->verbs.p)[v->forms_verb];
        vb->has_forms = 1;
        vb->forms = fd_vdup(&c->fd->arena, &v->forms, sizeof(fd_phrase), &c->oom);
        vb->nforms = (int)v->forms.n;
    }
    v->forms.n = 0;
    v->forms_verb = -1;
    return c->oom ? -1 : 0;
}

static int verb_line(vctx *v, char *l) {
    fd_ctx *c = v->c;
    int tabari = c->dialect == FD_TABARI;
    fd_verb vb;
    memset(&vb, 0, sizeof vb);
    vb.line = c->lineno;
    vb.raw = fd_strndup(c, l, strlen(l));
    int has = 0;
    if (!vb.raw || trailing_code(c, l, &vb.code, &vb.code2, &has) < 0) return -1;
    if (has && !vb.code) {
        fd_warn(c, FD_SEV_MALFORMED, "empty [] in verb line '%.*s'", fd_qlen(vb.raw), vb.raw);
        return 0;
    }
    if (tabari && !vb.code) {
        fd_warn(c, FD_SEV_MALFORMED, "verb line '%.*s' has no [CODE] (want VERB [CODE])",
                fd_qlen(vb.raw), vb.raw);
        v->block = -1;
        return 0;
    }
    if (!tabari && !cur_block(v)) {
        fd_warn(c, FD_SEV_MALFORMED, "verb '%.*s' before any --- NAME [CODE] --- header",
                fd_qlen(vb.raw), vb.raw);
        return 0;
    }
    char *cb = strchr(l, '{');
    size_t wn = strlen(l);
    if (cb) {
        char *ce = strchr(cb, '}');
        if (!ce) {
            fd_warn(c, FD_SEV_MALFORMED, "missing '}' in verb line '%.*s'", fd_qlen(vb.raw),
                    vb.raw);
            return 0;
        }
        if (*fd_skip_space(ce + 1))
            fd_warn(c, FD_SEV_NOTE, "text after the forms ignored: '%s'", fd_skip_space(ce + 1));
        fd_vec acc = {0};
        int r = parse_forms(v, &acc, cb + 1, (size_t)(ce - cb - 1));
        vb.has_forms = 1;
        vb.forms = fd_vdup(&c->fd->arena, &acc, sizeof(fd_phrase), &c->oom);
        vb.nforms = (int)acc.n;
        fd_vfree(&acc);
        if (r != 0 || c->oom) return -1;
        wn = (size_t)(cb - l);
    }
    int r = fd_split_phrase(c, l, wn, !tabari, &vb.words);
    if (r < 0) return -1;
    if (r > 0) {
        fd_warn(c, FD_SEV_MALFORMED, "verb line '%.*s' has no verb", fd_qlen(vb.raw), vb.raw);
        return 0;
    }
    int marked = 0;
    for (int i = 0; i < vb.words.n; i++)
        if (vb.words.w[i].flags & FW_VERB) {
            if (!marked) vb.verb_index = i;
            marked++;
        }
    if (marked > 1) {
        fd_warn(c, FD_SEV_MALFORMED, "verb '%.*s' has %d '+' marks (want one, on the word that "
                "inflects)", fd_qlen(vb.raw), vb.raw, marked);
        return 0;
    }
    if (!marked) {
        if (!tabari && vb.words.n > 1) {
            fd_warn(c, FD_SEV_MALFORMED, "multi-word verb '%.*s' without '+' (want +VERB_PARTICLE "
                    "or WORD_+VERB)", fd_qlen(vb.raw), vb.raw);
            return 0;
        }
        vb.verb_index = 0;
        vb.words.w[0].flags |= FW_VERB;
    }
    if (vb.code) {
        vb.cflags = fd_code_flags(vb.code);
        if (vb.cflags & FC_DISCARD) c->fd->counts.discard_codes++;
    }
    if (tabari) {
        if (open_block(v, vb.words.w[0].text, vb.code, vb.code2) != 0) return -1;
    }
    vb.block = v->block;
    fd_block *b = cur_block(v);
    if (!b->nverbs) b->first_verb = (int)c->verbs.n;
    b->nverbs++;
    if (fd_push(&c->verbs, &vb, sizeof vb) != 0) return -1;
    v->last_verb = (int)c->verbs.n - 1;
    return 0;
}

static int pattern_line(vctx *v, char *l) {
    fd_ctx *c = v->c;
    fd_block *b = cur_block(v);
    if (!b) {
        fd_warn(c, FD_SEV_MALFORMED, "pattern '%.*s' before any verb", fd_qlen(l), l);
        return 0;
    }
    fd_pattern p;
    memset(&p, 0, sizeof p);
    p.line = c->lineno;
    p.block = v->block;
    char *body = fd_skip_space_w(l + 1);
    p.raw = fd_strndup(c, body, strlen(body));
    int has = 0;
    if (!p.raw || trailing_code(c, body, &p.code, &p.code2, &has) < 0) return -1;
    if (!has) {
        fd_warn(c, FD_SEV_MALFORMED, "pattern '%.*s' does not end with [CODE]", fd_qlen(p.raw),
                p.raw);
        return 0;
    }
    if (!p.code) {
        fd_warn(c, FD_SEV_MALFORMED, "pattern '%.*s' has an empty []", fd_qlen(p.raw), p.raw);
        return 0;
    }
    fd_tokseq q;
    int r = tokenize(v, body, fd_rtrim_len(body, strlen(body)), &q, "pattern", p.raw);
    if (r) return r < 0 ? -1 : 0;
    int top = 0, at = -1;
    for (int i = 0; i < q.n; i++)
        if (q.t[i].kind == FT_VERB) {
            top++;
            at = i;
        }
    int all = count_kind(&q, FT_VERB);
    if (top != 1 || all != 1) {
        fd_warn(c, FD_SEV_MALFORMED, "pattern '%.*s' has %s (want one '*' for the verb, outside "
                "brackets)", fd_qlen(p.raw), p.raw,
                all == 0 ? "no '*'" : all > top ? "'*' inside brackets" : "more than one '*'");
        return 0;
    }
    note_undefined(c, &q);
    p.pre.t = at ? q.t : NULL;
    p.pre.n = at;
    p.post.t = at + 1 < q.n ? q.t + at + 1 : NULL;
    p.post.n = q.n - at - 1;
    p.verb_flags = q.t[at].flags;
    p.cflags = fd_code_flags(p.code);
    if (p.cflags & FC_DISCARD) c->fd->counts.discard_codes++;
    b = cur_block(v);
    if (!b->npatterns) b->first_pattern = (int)c->patterns.n;
    b->npatterns++;
    if (fd_push(&c->patterns, &p, sizeof p) != 0) return -1;
    c->fd->counts.patterns++;
    return 0;
}

/* `&NAME`: the index of the set (created on first sight), or -1. */
static int synset_line(vctx *v, const char *l, int create) {
    fd_ctx *c = v->c;
    const char *p = l + 1;
    const char *e = p;
    while (*e && !isspace((unsigned char)*e)) e++;
    size_t n = (size_t)(e - p);
    int noplural = n && p[n - 1] == '_';
    while (n && p[n - 1] == '_') n--;
    if (!n) {
        fd_warn(c, FD_SEV_MALFORMED, "synset line '%.*s' has no name (want &NAME)", fd_qlen(l), l);
        return -2;
    }
    char *name = fd_strndup(c, p, n);
    if (!name) return -1;
    void **slot = dyad_strmap_slot(&v->names, name);
    if (!slot) return -1;
    if (!create) {
        if (!*slot) *slot = (void *)(uintptr_t)(v->names.len);
        return 0;
    }
    if (*fd_skip_space(e)) fd_warn(c, FD_SEV_NOTE, "text after the synset name ignored");
    size_t idx = *slot ? (size_t)(uintptr_t)*slot - 1 : v->names.len - 1;
    if (!*slot) *slot = (void *)(uintptr_t)(idx + 1);
    if (idx < c->synsets.n) {
        fd_warn(c, FD_SEV_NOTE, "synset '&%s' defined again (its members are added)", name);
        return (int)idx;
    }
    while (c->synsets.n <= idx) {
        fd_synset s;
        memset(&s, 0, sizeof s);
        s.name = name;
        s.noplural = noplural;
        s.line = c->lineno;
        if (fd_push(&c->synsets, &s, sizeof s) != 0) return -1;
    }
    c->fd->counts.synsets++;
    return (int)idx;
}

static int member_line(vctx *v, const char *l) {
    fd_ctx *c = v->c;
    const char *s = fd_skip_space(l + 1);
    member_acc m = {v->synset, {NULL, 0}};
    int r = tokenize(v, s, strlen(s), &m.q, "synset member", s);
    if (r) return r < 0 ? -1 : 0;
    if (!m.q.n) {
        fd_warn(c, FD_SEV_MALFORMED, "empty synset member");
        return 0;
    }
    if (count_kind(&m.q, FT_VERB)) {
        fd_warn(c, FD_SEV_MALFORMED, "synset member '%.*s' holds '*'", fd_qlen(s), s);
        return 0;
    }
    note_undefined(c, &m.q);
    return fd_push(&v->members, &m, sizeof m);
}

/* Group the members into their sets. */
static int finish_synsets(vctx *v) {
    fd_ctx *c = v->c;
    /* every name seen in the first pass has its set, so token indexes are in range */
    while (c->synsets.n < v->names.len) {
        fd_synset s;
        memset(&s, 0, sizeof s);
        s.name = "";
        for (size_t i = dyad_strmap_next(&v->names, 0); i < v->names.cap;
             i = dyad_strmap_next(&v->names, i + 1))
            if ((size_t)(uintptr_t)v->names.vals[i] == c->synsets.n + 1) s.name = v->names.keys[i];
        s.name = fd_strndup(c, s.name, strlen(s.name));
        if (!s.name || fd_push(&c->synsets, &s, sizeof s) != 0) return -1;
    }
    fd_synset *ss = c->synsets.p;
    member_acc *m = v->members.p;
    for (size_t i = 0; i < v->members.n; i++) ss[m[i].set].nmembers++;
    for (size_t s = 0; s < c->synsets.n; s++) {
        if (!ss[s].nmembers) {
            fd_warn_at(c, ss[s].line, FD_SEV_NOTE, "synset '&%s' has no members", ss[s].name);
            continue;
        }
        ss[s].members = dyad_arena_calloc(&c->fd->arena, (size_t)ss[s].nmembers,
                                          sizeof(fd_tokseq));
        if (!ss[s].members) return -1;
        ss[s].nmembers = 0;
    }
    for (size_t i = 0; i < v->members.n; i++) {
        fd_synset *s = &ss[m[i].set];
        s->members[s->nmembers++] = m[i].q;
    }
    return 0;
}

static int vline(vctx *v, char *l) {
    fd_ctx *c = v->c;
    if (fd_section_tag(c, l)) {
        v->synset = -1;
        return 0;
    }
    if (c->section == SEC_TIME) {
        c->fd->counts.time_skipped++;
        return 0;
    }
    if (c->section == SEC_OTHER) {
        c->fd->counts.other_skipped++;
        return 0;
    }
    if (c->section == SEC_NOUN || c->section == SEC_ADJ) return fd_section_word(c, l);
    if (*l == '&') {
        int r = synset_line(v, l, 1);
        if (r == -1) return -1;
        v->synset = r;
        return 0;
    }
    if (*l == '+' && v->synset >= 0) return member_line(v, l);
    if (*l == '+' && (c->section == SEC_SYNSETS || c->dialect == FD_TABARI)) {
        fd_warn(c, FD_SEV_MALFORMED, "member '%.*s' outside a synset (want &NAME first)",
                fd_qlen(l), l);
        return 0;
    }
    v->synset = -1;
    if (c->section == SEC_SYNSETS) {
        fd_warn(c, FD_SEV_MALFORMED, "'%.*s' in <SYNSETS> (want &NAME or +MEMBER)", fd_qlen(l), l);
        return 0;
    }
    if (*l == '~') {
        if (c->dialect == FD_TABARI) {
            fd_warn(c, FD_SEV_NOTE, "'~' line ignored: '%.*s'", fd_qlen(l), l);
            return 0;
        }
        const char *t = fd_strndup(c, l, strlen(l));
        long line = c->lineno;
        if (!t || fd_push(&c->transforms, &t, sizeof t) != 0 ||
            fd_push(&c->tlines, &line, sizeof line) != 0)
            return -1;
        c->fd->counts.transforms++;
        return 0;
    }
    if (!strncmp(l, "---", 3) && c->dialect != FD_TABARI) return block_header(v, l);
    if (*l == '-') return pattern_line(v, l);
    if (*l == '{' && c->dialect == FD_TABARI) {
        char *ce = strchr(l, '}');
        if (v->last_verb < 0 || !cur_block(v)) {
            fd_warn(c, FD_SEV_MALFORMED, "forms '%.*s' before any verb", fd_qlen(l), l);
            return 0;
        }
        if (!ce) {
            fd_warn(c, FD_SEV_MALFORMED, "missing '}' in forms '%.*s'", fd_qlen(l), l);
            return 0;
        }
        if (v->forms_verb != v->last_verb) {
            /* forms given inline are kept, then these added */
            const fd_verb *vb = &((fd_verb *)c->verbs.p)[v->last_verb];
            if (flush_forms(v) != 0) return -1;
            for (int k = 0; k < vb->nforms; k++)
                if (fd_push(&v->forms, &vb->forms[k], sizeof(fd_phrase)) != 0) return -1;
            v->forms_verb = v->last_verb;
        }
        return parse_forms(v, &v->forms, l + 1, (size_t)(ce - l - 1));
    }
    return verb_line(v, l);
}

int fd_load_verbs(fd_ctx *c) {
    vctx v;
    memset(&v, 0, sizeof v);
    v.c = c;
    v.block = v.synset = v.last_verb = v.forms_verb = -1;
    dyad_strmap_init(&v.names);
    char *l;
    int rc = 0;
    /* pass 1: synset names */
    c->quiet = 1;
    while (rc == 0 && fd_next_line(c, &l)) {
        if (fd_section_tag(c, l)) continue;
        if (*l == '&' && (c->section == SEC_NONE || c->section == SEC_SYNSETS) &&
            synset_line(&v, l, 0) == -1)
            rc = -1;
    }
    c->quiet = 0;
    fd_reader_rewind(c);
    /* pass 2 */
    while (rc == 0 && fd_next_line(c, &l)) rc = vline(&v, l);
    if (rc == 0 && c->section != SEC_NONE)
        fd_warn(c, FD_SEV_NOTE, "a <section> is not closed at the end of the file");
    if (rc == 0) rc = flush_forms(&v);
    if (rc == 0) rc = finish_synsets(&v);
    fd_vfree(&v.members);
    fd_vfree(&v.forms);
    dyad_strmap_free(&v.names);
    return c->oom ? -1 : rc;
}
