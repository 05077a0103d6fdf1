/*
 * token.c — Penn-Treebank-style tokenizer (see token.h and
 * docs/TOKENIZATION.md). One left-to-right pass; every look-ahead is
 * bounded, so the cost is linear in the input.
 */
#include "token.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define CP_INVALID 0xFFFFFFFFu
#define MAX_QUOTE_DEPTH 1000000

/* ------------------------------------------------------------ code points */

/* Decode the code point at i (i < end); invalid bytes give CP_INVALID with
 * length 1. */
static uint32_t cp_at(const char *t, size_t end, size_t i, size_t *clen) {
    size_t j = i;
    uint32_t cp;
    if (dyad_utf8_decode(t, end, &j, &cp) != 0) {
        *clen = 1;
        return CP_INVALID;
    }
    *clen = j - i;
    return cp;
}

static int is_newline_cp(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

static int is_space_cp(uint32_t c) {
    if (c < 0x20 || c == ' ' || c == 0x7F) return 1; /* controls count as space */
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x2060 ||
           c == 0x3000 || c == 0xFEFF;
}

static int is_ascii_alnum(uint32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit_cp(uint32_t c) { return c >= '0' && c <= '9'; }

/* Non-ASCII punctuation and symbols (everything else above U+007F that is
 * not a space counts as a letter: scripts, combining marks). */
static int is_nonascii_punct(uint32_t c) {
    if (c >= 0xA1 && c <= 0xBF) return c != 0xAA && c != 0xB5 && c != 0xBA;
    if (c == 0xD7 || c == 0xF7) return 1;
    if (c == 0x37E || c == 0x387) return 1;
    if (c == 0x55A || (c >= 0x55C && c <= 0x55F) || c == 0x589) return 1;
    if (c == 0x5BE || c == 0x5C0 || c == 0x5C3 || c == 0x5F3 || c == 0x5F4) return 1;
    if (c == 0x60C || c == 0x60D || c == 0x61B || c == 0x61F || (c >= 0x66A && c <= 0x66D) ||
        c == 0x6D4)
        return 1;
    if (c == 0x964 || c == 0x965) return 1;
    if (c >= 0x2010 && c <= 0x205E) return 1; /* general punctuation */
    if (c >= 0x20A0 && c <= 0x20CF) return 1; /* currency */
    if (c >= 0x2100 && c <= 0x2BFF) return 1; /* letterlike, arrows, math, shapes */
    if (c >= 0x2E00 && c <= 0x2E7F) return 1;
    if (c >= 0x3001 && c <= 0x303F) return 1;
    if (c >= 0xFE10 && c <= 0xFE6F) return 1;
    if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
        (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65))
        return 1;
    if (c == 0xFFFD || c == 0xFFFC) return 1;
    if (c >= 0x1F000 && c <= 0x1FAFF) return 1; /* emoji, pictographs */
    return 0;
}

static int is_word_cp(uint32_t c) {
    if (c == CP_INVALID) return 0;
    if (c < 0x80) return is_ascii_alnum(c);
    if (is_space_cp(c)) return 0;
    if (c == 0x2019 || c == 0x2010 || c == 0x2011) return 0; /* handled as joiners */
    return !is_nonascii_punct(c);
}

/* 1 upper-case letter, -1 lower-case letter, 0 otherwise (or caseless). */
static int cp_case(uint32_t c) {
    if (c >= 'A' && c <= 'Z') return 1;
    if (c >= 'a' && c <= 'z') return -1;
    if (c < 0xC0) return 0;
    if (c <= 0xDE) return c == 0xD7 ? 0 : 1;
    if (c <= 0xFF) return c == 0xF7 ? 0 : -1;
    if (c <= 0x137) return (c & 1) ? -1 : 1;
    if (c == 0x138) return -1;
    if (c <= 0x148) return (c & 1) ? 1 : -1;
    if (c == 0x149) return -1;
    if (c <= 0x177) return (c & 1) ? -1 : 1;
    if (c == 0x178) return 1;
    if (c <= 0x17E) return (c & 1) ? 1 : -1;
    if (c >= 0x391 && c <= 0x3A9) return 1;
    if (c >= 0x3AC && c <= 0x3CE) return -1;
    if (c >= 0x400 && c <= 0x42F) return 1;
    if (c >= 0x430 && c <= 0x45F) return -1;
    return 0;
}

static int is_apostrophe_cp(uint32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static int is_hyphen_cp(uint32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
static int is_dash_cp(uint32_t c) { return c >= 0x2012 && c <= 0x2015; }

/* ------------------------------------------------------------ abbreviations */

/* Titles: precede a name, never end a sentence. */
static const char *const k_titles[] = {
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Gens", "Lt", "Col",
    "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Sen", "Sens",
    "Rep", "Reps", "Gov", "Pres", "Amb", "Rev", "Fr", "Hon", "Msgr", "Supt", "Insp", "Det",
    "Lt.-Gen", "Maj.-Gen", NULL};

/* Other abbreviations that keep their period. Case-sensitive. */
static const char *const k_abbrevs[] = {
    "St", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "Cos", "Dept", "Univ",
    "Assn", "Ave", "Blvd", "Rd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "vs", "etc", "approx", "est", "Fig", "Vol", "pp", "Calif", "Fla",
    "Mass", "Mich", "Conn", "Ariz", "Colo", "Tenn", "Penn", "Okla", "Minn", "Wis", "Ky", "Md",
    NULL};

static int in_list(const char *const *list, const char *s, size_t len) {
    for (size_t k = 0; list[k]; k++)
        if (strlen(list[k]) == len && memcmp(list[k], s, len) == 0) return 1;
    return 0;
}

int dyad_abbrev_class(const char *norm) {
    size_t len = norm ? strlen(norm) : 0;
    if (len < 2 || norm[len - 1] != '.') return 0;
    if (norm[len - 2] == '.') return 0; /* "...", ".." */
    size_t w = len - 1;
    if (in_list(k_titles, norm, w)) return 1;
    /* any other token whose norm ends with an attached period was made one
     * by the tokenizer's abbreviation rules */
    for (size_t k = 0; k < w; k++)
        if (!(norm[k] == '.' || norm[k] == '-' || norm[k] == '&' || (unsigned char)norm[k] >= 0x80 ||
              is_ascii_alnum((unsigned char)norm[k])))
            return 0;
    return 2;
}

/* ------------------------------------------------------------ token output */

typedef struct tk {
    dyad_arena *a;
    const char *t;
    size_t start, end;
    dyad_token **toks;
    size_t *n, *cap;
    int ddepth, sdepth;   /* open double / single quotations */
    int space;            /* whitespace seen since the last token */
    int ntok_here;        /* tokens emitted by this call */
} tk;

static int space_ends_at(const char *t, size_t pos) {
    if (pos == 0) return 0;
    unsigned char b = (unsigned char)t[pos - 1];
    if (b < 0x80) return b <= 0x20 || b == 0x7F;
    /* multi-byte spaces: NBSP C2 A0, U+2000.. E2 80 xx, U+3000 E3 80 80 */
    if (pos >= 2 && b == 0xA0 && (unsigned char)t[pos - 2] == 0xC2) return 1;
    if (pos >= 3) {
        size_t i = pos - 3, l;
        uint32_t c = cp_at(t, pos, i, &l);
        if (l == 3 && is_space_cp(c)) return 1;
    }
    return 0;
}

static int has_upper_ascii(const char *s) {
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z') return 1;
    return 0;
}

/* Normalised copy of t[s, e): curly apostrophes → ', Unicode hyphens → -. */
static char *norm_copy(dyad_arena *a, const char *t, size_t s, size_t e) {
    char *out = dyad_arena_alloc(a, e - s + 1);
    if (!out) return NULL;
    size_t o = 0, i = s;
    while (i < e) {
        size_t l;
        uint32_t c = cp_at(t, e, i, &l);
        if (c == 0x2019 || c == 0x02BC || c == 0x2018) {
            out[o++] = '\'';
        } else if (c == 0x2010 || c == 0x2011) {
            out[o++] = '-';
        } else if (c == CP_INVALID) {
            out[o++] = '?'; /* never: word tokens hold only valid sequences */
        } else {
            memcpy(out + o, t + i, l);
            o += l;
        }
        i += l;
    }
    out[o] = '\0';
    return out;
}

static uint8_t shape_of(const char *t, size_t s, size_t e) {
    int up = 0, lo = 0, digit = 0, letters = 0, invalid = 0;
    size_t i = s;
    while (i < e) {
        size_t l;
        uint32_t c = cp_at(t, e, i, &l);
        i += l;
        if (c == CP_INVALID) {
            invalid = 1;
            continue;
        }
        if (is_digit_cp(c)) digit = 1;
        int k = cp_case(c);
        if (k > 0) up++;
        else if (k < 0) lo++;
        else if (is_word_cp(c) && !is_digit_cp(c)) letters++;
    }
    if (invalid) return SHAPE_OTHER;
    if (digit) return SHAPE_DIGIT;
    if (up + lo == 0) return letters ? SHAPE_OTHER : SHAPE_PUNCT;
    if (up >= 2 && lo == 0) return SHAPE_ALLCAP;
    if (up > 0) return SHAPE_CAP;
    return SHAPE_LOWER;
}

uint8_t dyad_token_shape(const char *s, size_t len) { return shape_of(s, 0, len); }

/* Append a token for t[s, e). norm NULL: computed from the span. */
static int emit(tk *k, size_t s, size_t e, const char *norm, uint8_t shape, unsigned flags) {
    if (*k->n == *k->cap) {
        size_t nc = *k->cap ? *k->cap * 2 : 64;
        if (nc < *k->cap) return -1;
        dyad_token *nt = dyad_arena_grow(k->a, *k->toks, *k->n, nc, sizeof(dyad_token));
        if (!nt) return -1;
        *k->toks = nt;
        *k->cap = nc;
    }
    const char *nm = norm;
    if (!nm) {
        nm = norm_copy(k->a, k->t, s, e);
        if (!nm) return -1;
    }
    const char *lw = nm;
    if (has_upper_ascii(nm)) {
        char *l = dyad_arena_strdup(k->a, nm);
        if (!l) return -1;
        for (char *p = l; *p; p++)
            if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
        lw = l;
    }
    dyad_token *tok = &(*k->toks)[(*k->n)++];
    memset(tok, 0, sizeof *tok);
    tok->start = (uint32_t)s;
    tok->len = (uint32_t)(e - s);
    tok->norm = nm;
    tok->lower = lw;
    tok->shape = shape;
    tok->flags = (uint16_t)flags;
    if (k->space || (k->ntok_here == 0 && space_ends_at(k->t, s))) tok->flags |= TOKF_SPACE_BEFORE;
    if (k->ddepth + k->sdepth > 0) tok->flags |= TOKF_IN_QUOTE;
    k->space = 0;
    k->ntok_here++;
    return 0;
}

static dyad_token *last_tok(tk *k) { return k->ntok_here ? &(*k->toks)[*k->n - 1] : NULL; }

/* ------------------------------------------------------------ words */

/* After an apostrophe ending at p: the length of a contraction suffix
 * ('s 're 've 'll 'd 'm: 1 or 2 letters followed by a non-word), -1 when the
 * letters are "t" alone (the n't case), 0 otherwise. */
static int contraction_at(const char *t, size_t end, size_t p) {
    char r[4];
    size_t rl = 0, q = p, l;
    while (q < end && rl < 3 && ((t[q] >= 'a' && t[q] <= 'z') || (t[q] >= 'A' && t[q] <= 'Z'))) {
        r[rl++] = (char)(t[q] | 0x20);
        q++;
    }
    if (rl == 0 || (q < end && is_word_cp(cp_at(t, end, q, &l)))) return 0;
    r[rl] = '\0';
    if (!strcmp(r, "s") || !strcmp(r, "re") || !strcmp(r, "ve") || !strcmp(r, "ll") ||
        !strcmp(r, "d") || !strcmp(r, "m"))
        return (int)rl;
    if (!strcmp(r, "t")) return -1;
    return 0;
}

/* Scan a word starting at i. Returns its end; *suf_end > end when a
 * contraction suffix ('s, n't, 're ...) follows and must be its own token. */
static size_t scan_word(const tk *k, size_t i, size_t *suf_end) {
    const char *t = k->t;
    size_t end = k->end, j = i;
    uint32_t last = 0;
    size_t seg_len = 0;   /* code points in the current segment */
    int dotted = 0;       /* joined an initial-style period ("U.S") */
    int seg_alpha = 1;    /* current segment has no digit */
    int joined = 0;       /* consumed any joiner (- . , : / & ') */
    *suf_end = 0;
    for (;;) {
        while (j < end) {
            size_t l;
            uint32_t c = cp_at(t, end, j, &l);
            if (!is_word_cp(c)) break;
            last = c;
            seg_len++;
            if (is_digit_cp(c)) seg_alpha = 0;
            j += l;
        }
        if (j >= end) break;
        size_t l;
        uint32_t c = cp_at(t, end, j, &l);
        size_t nx = j + l, l2 = 0;
        uint32_t c2 = nx < end ? cp_at(t, end, nx, &l2) : 0;
        if (is_hyphen_cp(c) && is_word_cp(c2)) {
            j = nx;
            joined = 1;
            seg_len = 0;
            seg_alpha = 1;
            continue;
        }
        if (c == '.' && nx < end) {
            if (is_digit_cp(last) && is_digit_cp(c2)) {
                j = nx;
                joined = 1;
                seg_len = 0;
                seg_alpha = 0;
                continue;
            }
            if (seg_len == 1 && seg_alpha && cp_case(last) != 0 && cp_case(c2) != 0) {
                j = nx;
                joined = 1;
                seg_len = 0;
                dotted = 1;
                continue;
            }
        }
        if (c == ',' && is_digit_cp(last) && end - nx >= 3 && is_digit_cp((unsigned char)t[nx]) &&
            is_digit_cp((unsigned char)t[nx + 1]) && is_digit_cp((unsigned char)t[nx + 2]) &&
            (nx + 3 >= end || !is_digit_cp((unsigned char)t[nx + 3]))) {
            j = nx;
            joined = 1;
            seg_len = 0;
            continue;
        }
        if (c == ':' && is_digit_cp(last) && !seg_alpha && seg_len <= 2 && end - nx >= 2 &&
            is_digit_cp((unsigned char)t[nx]) && is_digit_cp((unsigned char)t[nx + 1]) &&
            (nx + 2 >= end || !is_word_cp((unsigned char)t[nx + 2]))) {
            j = nx;
            joined = 1;
            seg_len = 0;
            continue;
        }
        if (c == '/' && is_digit_cp(last) && is_digit_cp(c2)) {
            j = nx;
            joined = 1;
            seg_len = 0;
            continue;
        }
        if (c == '&' && last >= 'A' && last <= 'Z' && c2 >= 'A' && c2 <= 'Z') {
            j = nx;
            joined = 1;
            seg_len = 0;
            continue;
        }
        if (is_apostrophe_cp(c)) {
            int kind = contraction_at(t, end, nx);
            if (kind > 0) {
                *suf_end = nx + (size_t)kind;
                return j;
            }
            if (kind < 0 && (last == 'n' || last == 'N') && j - i > 1) {
                *suf_end = nx + 1;
                return j - 1;
            }
            if (is_word_cp(c2)) { /* O'Brien, Ma'ale */
                j = nx;
                joined = 1;
                seg_len = 0;
                seg_alpha = 1;
                continue;
            }
            break;
        }
        if (c == '.' && (nx >= end || c2 != '.')) {
            /* attached abbreviation period? */
            int attach = 0;
            size_t wl = j - i;
            if (dotted && seg_len == 1 && seg_alpha && cp_case(last) != 0) {
                attach = 1; /* U.S. e.g. a.m. */
            } else if (!joined && seg_len == 1 && cp_case(last) > 0) {
                attach = 1; /* initial: J. */
            } else if (wl <= 8 && (in_list(k_titles, t + i, wl) || in_list(k_abbrevs, t + i, wl))) {
                attach = 1;
            } else if (wl == 2 && (memcmp(t + i, "No", 2) == 0 || memcmp(t + i, "no", 2) == 0)) {
                size_t p = nx;
                while (p < end && t[p] == ' ') p++;
                attach = p < end && p > nx && is_digit_cp((unsigned char)t[p]);
            }
            if (attach) {
                j = nx;
                /* "U.S.-led": a hyphen may continue the word */
                if (j < end) {
                    uint32_t c3 = cp_at(t, end, j, &l);
                    size_t l4;
                    if (is_hyphen_cp(c3) && j + l < end && is_word_cp(cp_at(t, end, j + l, &l4))) {
                        j += l;
                        joined = 1;
                        seg_len = 0;
                        seg_alpha = 1;
                        dotted = 0;
                        continue;
                    }
                }
            }
        }
        break;
    }
    return j;
}

/* ------------------------------------------------------------ quotes */

static int prev_is_opener(tk *k) {
    if (k->space || k->ntok_here == 0) return 1;
    const dyad_token *p = last_tok(k);
    if (p->flags & TOKF_QUOTE_OPEN) return 1;
    const char *n = p->norm;
    return !strcmp(n, "(") || !strcmp(n, "[") || !strcmp(n, "{") || !strcmp(n, "<") ||
           !strcmp(n, "--") || !strcmp(n, "-") || !strcmp(n, "/") || !strcmp(n, ":");
}

static int open_quote(tk *k, size_t s, size_t e, int dbl) {
    if (dbl) {
        if (k->ddepth < MAX_QUOTE_DEPTH) k->ddepth++;
    } else if (k->sdepth < MAX_QUOTE_DEPTH) {
        k->sdepth++;
    }
    return emit(k, s, e, dbl ? "``" : "`", SHAPE_PUNCT, TOKF_QUOTE_OPEN);
}

static int close_quote(tk *k, size_t s, size_t e, int dbl) {
    int r = emit(k, s, e, dbl ? "''" : "'", SHAPE_PUNCT, TOKF_QUOTE_CLOSE);
    if (dbl) {
        if (k->ddepth > 0) k->ddepth--;
    } else if (k->sdepth > 0) {
        k->sdepth--;
    }
    return r;
}

/* 'NN or 'NNs (a year: '90s) starting at i (the apostrophe, length al)? */
static size_t year_abbrev(const tk *k, size_t i, size_t al) {
    const char *t = k->t;
    size_t p = i + al;
    if (k->end - p < 2 || !is_digit_cp((unsigned char)t[p]) || !is_digit_cp((unsigned char)t[p + 1]))
        return 0;
    p += 2;
    if (p < k->end && t[p] == 's') p++;
    size_t l;
    if (p < k->end && is_word_cp(cp_at(t, k->end, p, &l))) return 0;
    return p;
}

/* ------------------------------------------------------------ main loop */

int dyad_tokenize(dyad_arena *a, const char *text, size_t start, size_t end,
                  dyad_token **toks, size_t *n, size_t *cap) {
    if (end > UINT32_MAX) return -1;
    if (start >= end) return 0;
    tk k = {a, text, start, end, toks, n, cap, 0, 0, 0, 0};
    size_t i = start;
    while (i < end) {
        size_t l;
        uint32_t c = cp_at(text, end, i, &l);
        if (c == CP_INVALID) {
            if (emit(&k, i, i + 1, "\xEF\xBF\xBD", SHAPE_OTHER, 0)) return -1;
            i++;
            continue;
        }
        if (is_space_cp(c)) {
            if (is_newline_cp(c)) k.ddepth = k.sdepth = 0;
            k.space = 1;
            i += l;
            continue;
        }
        if (is_word_cp(c)) {
            size_t suf;
            size_t we = scan_word(&k, i, &suf);
            if (emit(&k, i, we, NULL, shape_of(text, i, we), 0)) return -1;
            if (suf > we) {
                if (emit(&k, we, suf, NULL, shape_of(text, we, suf), 0)) return -1;
                i = suf;
            } else {
                i = we;
            }
            continue;
        }
        size_t nx = i + l, l2 = 0;
        uint32_t c2 = nx < end ? cp_at(text, end, nx, &l2) : 0;
        int rc = 0;
        if (c == '.') {
            size_t j = i;
            while (j < end && text[j] == '.') j++;
            rc = emit(&k, i, j, j - i >= 2 ? "..." : ".", SHAPE_PUNCT, 0);
            i = j;
        } else if (c == 0x2026) {
            rc = emit(&k, i, nx, "...", SHAPE_PUNCT, 0);
            i = nx;
        } else if (c == '-' && c2 == '-') {
            size_t j = i;
            while (j < end && text[j] == '-') j++;
            rc = emit(&k, i, j, "--", SHAPE_PUNCT, 0);
            i = j;
        } else if (c == '-' && is_digit_cp(c2) && prev_is_opener(&k)) {
            size_t suf;
            size_t we = scan_word(&k, nx, &suf); /* negative number: -5, -3.5 */
            rc = emit(&k, i, we, NULL, SHAPE_DIGIT, 0);
            i = we;
        } else if (c == '-' || is_dash_cp(c)) {
            size_t j = nx;
            if (c != '-') /* a run of Unicode dashes is one token */
                while (j < end) {
                    size_t l3;
                    if (!is_dash_cp(cp_at(text, end, j, &l3))) break;
                    j += l3;
                }
            int spaced = k.space && (j >= end || is_space_cp(cp_at(text, end, j, &l2)));
            rc = emit(&k, i, j, (c == '-' && !spaced) ? "-" : "--", SHAPE_PUNCT, 0);
            i = j;
        } else if (c == 0x201C || c == 0x201E || c == 0x201F || c == 0xAB) {
            rc = open_quote(&k, i, nx, 1);
            i = nx;
        } else if (c == 0x201D || c == 0xBB) {
            rc = close_quote(&k, i, nx, 1);
            i = nx;
        } else if (c == '`' && c2 == '`') {
            rc = open_quote(&k, i, nx + 1, 1);
            i = nx + 1;
        } else if (c == '\'' && c2 == '\'') {
            rc = close_quote(&k, i, nx + 1, 1);
            i = nx + 1;
        } else if (c == '"') {
            int isolated = k.space && (nx >= end || is_space_cp(c2));
            int opening = isolated ? k.ddepth == 0 : prev_is_opener(&k);
            rc = opening ? open_quote(&k, i, nx, 1) : close_quote(&k, i, nx, 1);
            i = nx;
        } else if (c == '`' || c == 0x2018 || c == 0x201A || c == 0x2039) {
            size_t ye = c == 0x2018 ? year_abbrev(&k, i, l) : 0;
            if (ye) {
                rc = emit(&k, i, ye, NULL, SHAPE_DIGIT, 0);
                i = ye;
            } else {
                rc = open_quote(&k, i, nx, 0);
                i = nx;
            }
        } else if (c == 0x203A) {
            rc = close_quote(&k, i, nx, 0);
            i = nx;
        } else if (is_apostrophe_cp(c)) {
            const dyad_token *p = last_tok(&k);
            size_t ye = year_abbrev(&k, i, l);
            int after_word = p && p->shape != SHAPE_PUNCT && p->shape != SHAPE_OTHER;
            int ck = (!k.space && after_word) ? contraction_at(text, end, nx) : 0;
            if (ck > 0) { /* U.S.'s */
                size_t se = nx + (size_t)ck;
                rc = emit(&k, i, se, NULL, shape_of(text, i, se), 0);
                i = se;
            } else if (!k.space && p) {
                /* attached to what precedes: closing quote or apostrophe */
                if (k.sdepth > 0 || !after_word)
                    rc = close_quote(&k, i, nx, 0);
                else
                    rc = emit(&k, i, nx, "'", SHAPE_PUNCT, 0); /* Hamas' */
                i = nx;
            } else if (ye) {
                rc = emit(&k, i, ye, NULL, SHAPE_DIGIT, 0);
                i = ye;
            } else if (nx < end && (is_word_cp(c2) || c2 == 0x201C || c2 == '"')) {
                rc = open_quote(&k, i, nx, 0);
                i = nx;
            } else if (k.sdepth > 0) {
                rc = close_quote(&k, i, nx, 0);
                i = nx;
            } else {
                rc = emit(&k, i, nx, "'", SHAPE_PUNCT, 0);
                i = nx;
            }
        } else {
            rc = emit(&k, i, nx, NULL, SHAPE_PUNCT, 0);
            i = nx;
        }
        if (rc) return -1;
    }
    return 0;
}
