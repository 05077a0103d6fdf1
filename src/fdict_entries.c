/*
 * fdict_entries.c — the actor, agent, discard and issue files of PETRARCH2
 * and TABARI (fdict.h), on the line reader of fdict.c.
 *
 * Actors: a base line (phrase, then optional `[CODE date]` groups), `+`
 * synonym lines and `[CODE date]` lines make one entry, closed by the next base
 * line or the end of the file (PETRARCH2 drops the last entry; this reader does
 * not). Agents: `!NAME! = a, b` sets, `PHRASE {PLURALS} [~CODE]` lines. Discards:
 * one phrase a line, `+` for the story level. Issues: `<ISSUE CATEGORY=...>`
 * sections of `phrase [CODE]` lines with `n:`, `v:` and `+`, and `~`/`~~`
 * exclusions.
 */
#include "fdict_int.h"

#include "xprintf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- actors */

typedef struct actor_acc {
    int open;
    fd_vec names, codes;
    long line;
    const char *first; /* base line, for reports */
} actor_acc;

/* Parse the `[...]` groups in s into a->codes. 0 or -1 (OOM). */
static int parse_code_groups(fd_ctx *c, const char *s, fd_vec *codes) {
    const char *p = s;
    for (;;) {
        p = fd_skip_space(p);
        if (!*p) return 0;
        if (*p != '[') {
            fd_warn(c, FD_SEV_NOTE, "text after the codes ignored: '%.*s'", fd_qlen(p), p);
            return 0;
        }
        const char *q = strchr(p, ']');
        if (!q) {
            fd_warn(c, FD_SEV_MALFORMED, "missing ']' in '%.*s' (want [CODE ...])", fd_qlen(p),
                    p);
            return 0;
        }
        fd_code code;
        const char *why = NULL;
        int loose = 0;
        int r = fd_parse_actor_code(c, p + 1, (size_t)(q - p - 1), &code, &why, &loose);
        if (r < 0) return -1;
        if (r > 0) {
            fd_warn(c, FD_SEV_MALFORMED, "bad code '%.*s': %s", (int)(q - p + 1), p, why);
        } else {
            if (loose)
                fd_warn(c, FD_SEV_NOTE, "day past the end of its month in '%.*s' (kept: it "
                        "compares as the month's end)", (int)(q - p + 1), p);
            if (code.date_kind == FD_DATE_RANGE && code.d2 < code.d1)
                fd_warn(c, FD_SEV_NOTE, "date range '%.*s' ends before it starts",
                        (int)(q - p + 1), p);
            if (code.flags & FC_DISCARD && !c->quiet) c->fd->counts.discard_codes++;
            if (fd_push(codes, &code, sizeof code) != 0) return -1;
        }
        p = q + 1;
    }
}

/* Strip stray double quotes around a phrase ("[USAELI]; ..." lines). */
static size_t unquote(fd_ctx *c, const char **s, size_t n) {
    int q = 0;
    while (n && (**s == '"' || isspace((unsigned char)**s))) {
        q |= **s == '"';
        (*s)++;
        n--;
    }
    while (n && ((*s)[n - 1] == '"' || isspace((unsigned char)(*s)[n - 1]))) {
        q |= (*s)[n - 1] == '"';
        n--;
    }
    if (q) fd_warn(c, FD_SEV_NOTE, "stray '\"' ignored");
    return n;
}

static int close_actor(fd_ctx *c, actor_acc *a) {
    if (!a->open) return 0;
    a->open = 0;
    if (!a->codes.n) {
        fd_warn_at(c, a->line, FD_SEV_MALFORMED,
                   "no code for '%.*s' (want [CODE] on its line or on the lines after it)",
                   fd_qlen(a->first), a->first);
        return 0;
    }
    fd_actor act;
    memset(&act, 0, sizeof act);
    act.line = a->line;
    act.names = fd_vdup(&c->fd->arena, &a->names, sizeof(fd_phrase), &c->oom);
    act.nnames = (int)a->names.n;
    act.codes = fd_vdup(&c->fd->arena, &a->codes, sizeof(fd_code), &c->oom);
    act.ncodes = (int)a->codes.n;
    for (int i = 0; i < act.ncodes; i++) {
        if (act.codes[i].flags & FC_DISCARD) act.flags |= FA_DISCARD;
        if (act.codes[i].date_kind != FD_DATE_NONE) c->fd->counts.dated++;
    }
    c->fd->counts.names += (size_t)act.nnames;
    c->fd->counts.codes += (size_t)act.ncodes;
    if (c->oom || fd_push(&c->actors, &act, sizeof act) != 0) return -1;
    return 0;
}

int fd_load_actors(fd_ctx *c) {
    actor_acc a;
    memset(&a, 0, sizeof a);
    char *l;
    int rc = 0;
    while (rc == 0 && fd_next_line(c, &l)) {
        if (fd_section_tag(c, l)) continue;
        if (c->section == SEC_TIME || c->section == SEC_OTHER || c->section == SEC_SYNSETS) {
            c->fd->counts.other_skipped++;
            continue;
        }
        if (c->section == SEC_NOUN || c->section == SEC_ADJ) {
            rc = fd_section_word(c, l);
            continue;
        }
        if (*l == '[') {
            if (!a.open) {
                fd_warn(c, FD_SEV_MALFORMED, "code line '%.*s' before any actor", fd_qlen(l), l);
                continue;
            }
            rc = parse_code_groups(c, l, &a.codes);
            continue;
        }
        const char *ph = l;
        int syn = *l == '+';
        if (syn) {
            ph++;
            if (!a.open) {
                fd_warn(c, FD_SEV_MALFORMED, "synonym '%.*s' before any actor", fd_qlen(l), l);
                continue;
            }
        } else {
            if (close_actor(c, &a) != 0) {
                rc = -1;
                break;
            }
            a.names.n = a.codes.n = 0;
        }
        const char *br = strchr(ph, '[');
        const char *pe = br ? br : ph + strlen(ph);
        size_t n = unquote(c, &ph, (size_t)(pe - ph));
        fd_phrase phrase;
        int r = fd_split_phrase(c, ph, n, 0, &phrase);
        if (r < 0) {
            rc = -1;
            break;
        }
        if (r > 0) {
            fd_warn(c, FD_SEV_MALFORMED, "no name in '%.*s' (want NAME [CODE])", fd_qlen(l), l);
            if (syn) continue;
            /* codes without a name: skip them, and the lines that follow until a name */
            continue;
        }
        if (!syn) {
            a.open = 1;
            a.line = c->lineno;
            a.first = fd_strndup(c, ph, n);
            if (!a.first) {
                rc = -1;
                break;
            }
        } else if (br) {
            fd_warn(c, FD_SEV_NOTE, "codes on a synonym line apply to the whole entry");
        }
        if (fd_push(&a.names, &phrase, sizeof phrase) != 0) {
            rc = -1;
            break;
        }
        if (br && parse_code_groups(c, br, &a.codes) != 0) rc = -1;
    }
    if (rc == 0 && close_actor(c, &a) != 0) rc = -1;
    fd_vfree(&a.names);
    fd_vfree(&a.codes);
    return rc;
}

/* ---------------------------------------------------------------- agents */

/* Upper bound on the phrases one agent line expands to through !SETS!. */
#define FD_MAX_SUBST 4096

static const fd_subst *find_subst(fd_ctx *c, const char *name, size_t n) {
    const fd_subst *s = c->substs.p;
    for (size_t i = c->substs.n; i-- > 0;)
        if (strlen(s[i].name) == n && !strncmp(s[i].name, name, n)) return &s[i];
    return NULL;
}

static int load_subst(fd_ctx *c, const char *l) {
    const char *e = strchr(l + 1, '!');
    const char *eq = strchr(l, '=');
    if (!e || e > eq || e == l + 1) {
        fd_warn(c, FD_SEV_MALFORMED, "bad substitution set '%.*s' (want !NAME! = a, b, c)",
                fd_qlen(l), l);
        return 0;
    }
    fd_subst s;
    memset(&s, 0, sizeof s);
    s.line = c->lineno;
    s.name = fd_strndup(c, l + 1, (size_t)(e - l - 1));
    fd_vec items = {0};
    const char *p = eq + 1;
    while (*p) {
        const char *q = strchr(p, ',');
        if (!q) q = p + strlen(p);
        const char *b = fd_skip_space(p);
        size_t n = b < q ? fd_rtrim_len(b, (size_t)(q - b)) : 0;
        if (n) {
            const char *it = fd_strndup(c, b, n);
            if (!it || fd_push(&items, &it, sizeof it) != 0) {
                fd_vfree(&items);
                return -1;
            }
        }
        p = *q ? q + 1 : q;
    }
    if (!items.n) {
        fd_warn(c, FD_SEV_MALFORMED, "substitution set '!%s!' has no items (want !NAME! = a, b)",
                s.name ? s.name : "");
        fd_vfree(&items);
        return 0;
    }
    if (find_subst(c, s.name, strlen(s.name)))
        fd_warn(c, FD_SEV_NOTE, "substitution set '!%s!' defined again (the last one is used)",
                s.name);
    s.items = fd_vdup(&c->fd->arena, &items, sizeof(char *), &c->oom);
    s.nitems = (int)items.n;
    fd_vfree(&items);
    if (c->oom || fd_push(&c->substs, &s, sizeof s) != 0) return -1;
    return 0;
}

/* Expand the !NAME! markers of text at or after `from` into out (a vector of
 * malloc'd strings); the pasted items are not expanded again (`!A! = !A!`).
 * 0, 1 (undefined set or too many, reported), -1 OOM. */
static int expand_subst(fd_ctx *c, const char *text, size_t from, int depth, fd_vec *out,
                        const char **set) {
    const char *a = strchr(text + from, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b) {
        char *d = strdup(text);
        if (!d || fd_push(out, &d, sizeof d) != 0) {
            free(d);
            return -1;
        }
        return 0;
    }
    const fd_subst *s = find_subst(c, a + 1, (size_t)(b - a - 1));
    if (!s) {
        fd_warn(c, FD_SEV_MALFORMED, "undefined substitution set '%.*s' (define it above: "
                "!NAME! = a, b)", (int)(b - a + 1), a);
        return 1;
    }
    if (!*set) *set = s->name;
    for (int i = 0; i < s->nitems; i++) {
        if (out->n >= FD_MAX_SUBST || depth > 16) {
            fd_warn(c, FD_SEV_MALFORMED, "substitutions expand to more than %d phrases",
                    FD_MAX_SUBST);
            return 1;
        }
        if ((out->n + 1) * strlen(text) > ((size_t)1 << 24)) {
            fd_warn(c, FD_SEV_MALFORMED, "substitutions expand to more than 16 MB");
            return 1;
        }
        char *t = dyad_asprintf("%.*s%s%s", (int)(a - text), text, s->items[i], b + 1);
        if (!t) return -1;
        int r = expand_subst(c, t, (size_t)(a - text) + strlen(s->items[i]), depth + 1, out, set);
        free(t);
        if (r) return r;
    }
    return 0;
}

static int load_agent_line(fd_ctx *c, char *l) {
    if (*l == '!' && strchr(l, '=')) return load_subst(c, l);
    char *br = strchr(l, '[');
    if (!br) {
        fd_warn(c, FD_SEV_MALFORMED, "no code in '%.*s' (want PHRASE [~CODE])", fd_qlen(l), l);
        return 0;
    }
    char *rb = strchr(br, ']');
    if (!rb) {
        fd_warn(c, FD_SEV_MALFORMED, "missing ']' in '%.*s' (want PHRASE [~CODE])", fd_qlen(l),
                l);
        return 0;
    }
    const char *after = fd_skip_space(rb + 1);
    if (*after)
        fd_warn(c, FD_SEV_NOTE, "text after the code ignored: '%.*s'", fd_qlen(after), after);
    /* the code */
    const char *cs = fd_skip_space(br + 1);
    size_t cn = fd_rtrim_len(cs, (size_t)(rb - cs));
    if (!cn) {
        fd_warn(c, FD_SEV_MALFORMED, "empty code in '%.*s' (want [~CODE] or [CODE~])",
                fd_qlen(l), l);
        return 0;
    }
    fd_agent ag;
    memset(&ag, 0, sizeof ag);
    ag.line = c->lineno;
    ag.raw = fd_strndup(c, l, strlen(l));
    ag.raw_code = fd_strndup(c, cs, cn);
    if (cs[0] == '~') {
        ag.affix = FD_AGENT_SUFFIX;
        ag.code = fd_strndup(c, cs + 1, cn - 1);
    } else if (cs[cn - 1] == '~') {
        ag.affix = FD_AGENT_PREFIX;
        ag.code = fd_strndup(c, cs, cn - 1);
    } else {
        ag.affix = FD_AGENT_PLAIN;
        ag.code = ag.raw_code;
        fd_warn(c, FD_SEV_NOTE, "agent code '%.*s' has no '~' (read as an actor code)", (int)cn,
                cs);
    }
    if (c->oom) return -1;
    if (!*ag.code || strchr(ag.code, '~')) {
        fd_warn(c, FD_SEV_MALFORMED, "bad agent code '%.*s' (want [~CODE] or [CODE~])", (int)cn,
                cs);
        return 0;
    }
    /* plurals */
    *br = '\0';
    char *cb = strchr(l, '{');
    if (cb) {
        char *ce = strchr(cb, '}');
        if (!ce) {
            fd_warn(c, FD_SEV_MALFORMED, "missing '}' in the plurals (want {PLURAL ...} or {})");
            return 0;
        }
        const char *tail = fd_skip_space(ce + 1);
        if (*tail)
            fd_warn(c, FD_SEV_NOTE, "text between the plurals and the code ignored: '%.*s'",
                    fd_qlen(tail), tail);
        fd_vec pl = {0};
        const char *p = cb + 1;
        while (p < ce) {
            while (p < ce && isspace((unsigned char)*p)) p++;
            const char *q = p;
            while (q < ce && !isspace((unsigned char)*q)) q++;
            if (q > p) {
                fd_phrase ph;
                int r = fd_split_phrase(c, p, (size_t)(q - p), 0, &ph);
                if (r < 0 || (r == 0 && fd_push(&pl, &ph, sizeof ph) != 0)) {
                    fd_vfree(&pl);
                    return -1;
                }
            }
            p = q;
        }
        ag.plural_kind = pl.n ? FD_PLURAL_LIST : FD_PLURAL_NONE;
        ag.plurals = fd_vdup(&c->fd->arena, &pl, sizeof(fd_phrase), &c->oom);
        ag.nplurals = (int)pl.n;
        fd_vfree(&pl);
        *cb = '\0';
    }
    /* the phrase, once per substitution item */
    fd_vec texts = {0};
    int r = expand_subst(c, l, 0, 0, &texts, &ag.subst);
    int rc = r < 0 ? -1 : 0;
    for (size_t i = 0; r == 0 && i < texts.n; i++) {
        const char *t = ((char **)texts.p)[i];
        fd_agent one = ag;
        int s = fd_split_phrase(c, t, strlen(t), 0, &one.phrase);
        if (s < 0) {
            rc = -1;
            break;
        }
        if (s > 0) {
            fd_warn(c, FD_SEV_MALFORMED, "no phrase before the code (want PHRASE [~CODE])");
            break;
        }
        if (fd_push(&c->agents, &one, sizeof one) != 0) {
            rc = -1;
            break;
        }
    }
    for (size_t i = 0; i < texts.n; i++) free(((char **)texts.p)[i]);
    fd_vfree(&texts);
    return c->oom ? -1 : rc;
}

int fd_load_agents(fd_ctx *c) {
    char *l;
    while (fd_next_line(c, &l)) {
        if (fd_section_tag(c, l)) continue;
        if (c->section != SEC_NONE && c->section != SEC_NOUN && c->section != SEC_ADJ) {
            c->fd->counts.other_skipped++;
            continue;
        }
        int r = c->section == SEC_NONE ? load_agent_line(c, l) : fd_section_word(c, l);
        if (r < 0) return -1;
    }
    c->fd->counts.substs = c->substs.n;
    return 0;
}

/* ---------------------------------------------------------------- discards */

int fd_load_discards(fd_ctx *c) {
    char *l;
    while (fd_next_line(c, &l)) {
        fd_discard d;
        memset(&d, 0, sizeof d);
        const char *p = l;
        if (*p == '+') {
            d.story = 1;
            p++;
        }
        int r = fd_split_phrase(c, p, strlen(p), 0, &d.phrase);
        if (r < 0) return -1;
        if (r > 0) {
            fd_warn(c, FD_SEV_MALFORMED, "no phrase after '+' (want +PHRASE for a story discard)");
            continue;
        }
        if (strchr(p, '['))
            fd_warn(c, FD_SEV_NOTE, "'[' in a discard phrase is read as part of a word");
        if (fd_push(&c->discards, &d, sizeof d) != 0) return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- issues */

/* The value of ATTR="..." in an <ISSUE ...> tag, or NULL. */
static const char *tag_attr(fd_ctx *c, const char *tag, const char *attr) {
    const char *p = strstr(tag, attr);
    if (!p) return NULL;
    p = fd_skip_space(p + strlen(attr));
    if (*p != '=') return NULL;
    p = fd_skip_space(p + 1);
    if (*p != '"') return NULL;
    const char *q = strchr(p + 1, '"');
    if (!q) return NULL;
    return fd_strndup(c, p + 1, (size_t)(q - p - 1));
}

/* Split an issue phrase: words on white space, then on '+' (FW_PLUS), with
 * `n:` and `v:` prefixes. 0, 1 (empty), -1. */
static int split_issue(fd_ctx *c, const char *s, size_t n, fd_phrase *out) {
    fd_vec v = {0};
    memset(out, 0, sizeof *out);
    out->line = c->lineno;
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)s[i])) i++;
        size_t ws = i;
        while (i < n && !isspace((unsigned char)s[i])) i++;
        size_t j = ws;
        while (j < i) {
            size_t ps = j;
            while (j < i && s[j] != '+') j++;
            size_t pe = j;
            int plus = j < i;
            if (plus) j++;
            unsigned fl = plus && fd_more_text(s, j, i) ? FW_PLUS : 0;
            if (pe - ps > 2 && s[ps + 1] == ':' && (s[ps] == 'n' || s[ps] == 'N')) {
                fl |= FW_NOUN;
                ps += 2;
            } else if (pe - ps > 2 && s[ps + 1] == ':' && (s[ps] == 'v' || s[ps] == 'V')) {
                fl |= FW_VFORMS;
                ps += 2;
            }
            if (pe == ps) continue;
            fd_word w = {fd_strndup(c, s + ps, pe - ps), fl};
            if (!w.text || fd_push(&v, &w, sizeof w) != 0) {
                fd_vfree(&v);
                return -1;
            }
        }
    }
    if (!v.n) return 1;
    out->w = fd_vdup(&c->fd->arena, &v, sizeof(fd_word), &c->oom);
    out->n = (int)v.n;
    fd_vfree(&v);
    return out->w ? 0 : -1;
}

int fd_load_issues(fd_ctx *c) {
    char *l;
    int cat = -1;
    while (fd_next_line(c, &l)) {
        if (!strncmp(l, "<ISSUE", 6)) {
            fd_issue_cat ic = {tag_attr(c, l, "CATEGORY"), tag_attr(c, l, "TYPE"), c->lineno};
            if (c->oom) return -1;
            if (!ic.name) fd_warn(c, FD_SEV_NOTE, "<ISSUE> without CATEGORY=\"...\"");
            if (fd_push(&c->cats, &ic, sizeof ic) != 0) return -1;
            cat = (int)c->cats.n - 1;
            continue;
        }
        if (!strncmp(l, "</ISSUE", 7)) {
            if (cat < 0) fd_warn(c, FD_SEV_NOTE, "</ISSUE> closes no <ISSUE>");
            cat = -1;
            continue;
        }
        fd_issue is;
        memset(&is, 0, sizeof is);
        is.category = cat;
        const char *p = l;
        size_t n;
        if (*p == '~') {
            is.exclude = p[1] == '~' ? 2 : 1;
            p += is.exclude;
            n = strlen(p);
        } else {
            const char *br = strchr(p, '[');
            const char *rb = br ? strchr(br, ']') : NULL;
            if (!rb) {
                fd_warn(c, FD_SEV_MALFORMED, "no [CODE] in '%.*s' (want phrase [CODE] or ~phrase)",
                        fd_qlen(l), l);
                continue;
            }
            const char *cs = fd_skip_space(br + 1);
            size_t cn = fd_rtrim_len(cs, (size_t)(rb - cs));
            if (!cn) {
                fd_warn(c, FD_SEV_MALFORMED, "empty [] in '%.*s' (want phrase [CODE])", fd_qlen(l),
                        l);
                continue;
            }
            if (*fd_skip_space(rb + 1))
                fd_warn(c, FD_SEV_NOTE, "text after the code ignored");
            is.code = fd_strndup(c, cs, cn);
            n = (size_t)(br - p);
        }
        int r = split_issue(c, p, n, &is.phrase);
        if (r < 0) return -1;
        if (r > 0) {
            fd_warn(c, FD_SEV_MALFORMED, "no phrase in '%.*s'", fd_qlen(l), l);
            continue;
        }
        if (fd_push(&c->issues, &is, sizeof is) != 0) return -1;
    }
    if (cat >= 0) fd_warn(c, FD_SEV_NOTE, "<ISSUE> not closed at the end of the file");
    return 0;
}
