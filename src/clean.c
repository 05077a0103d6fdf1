/*
 * clean.c — non-news regions of an article (see clean.h).
 */
#include "clean.h"

#include <stdint.h>
#include <string.h>

#define CREDIT_MAX_BYTES 250   /* a credit line longer than this is news */
#define CREDIT_MAX_WORDS 25
#define SLASH_MAX_WORDS 12
#define BYLINE_MAX_BYTES 160
#define BOILER_MAX_BYTES 400
#define CAPTION_PAREN_MAX 120

typedef struct regs {
    dyad_arena *a;
    dyad_region *v;
    size_t n, cap;
} regs;

static int add_region(regs *r, size_t s, size_t e, const char *why) {
    if (e <= s) return 0;
    if (r->n == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 8;
        dyad_region *nv = dyad_arena_grow(r->a, r->v, r->n, nc, sizeof *nv);
        if (!nv) return -1;
        r->v = nv;
        r->cap = nc;
    }
    r->v[r->n].start = (uint32_t)s;
    r->v[r->n].len = (uint32_t)(e - s);
    r->v[r->n].why = why;
    r->n++;
    return 0;
}

/* ------------------------------------------------------------ helpers */

static int is_hspace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Length of a horizontal space at t[p] (ASCII blanks, NBSP, BOM), 0 if none. */
static size_t hspace_len(const char *t, size_t p, size_t e) {
    unsigned char c = (unsigned char)t[p];
    if (is_hspace(c)) return 1;
    if (c == 0xC2 && p + 1 < e && (unsigned char)t[p + 1] == 0xA0) return 2;
    if (c == 0xEF && p + 2 < e && (unsigned char)t[p + 1] == 0xBB && (unsigned char)t[p + 2] == 0xBF)
        return 3;
    return 0;
}

static size_t skip_hspace(const char *t, size_t p, size_t e) {
    size_t l;
    while (p < e && (l = hspace_len(t, p, e)) > 0) p += l;
    return p;
}

/* Dash at t[p]: — – (UTF-8), "--" or a lone "-"; returns its length. */
static size_t dash_len(const char *t, size_t p, size_t e) {
    if (p + 2 < e && (unsigned char)t[p] == 0xE2 && (unsigned char)t[p + 1] == 0x80 &&
        ((unsigned char)t[p + 2] == 0x93 || (unsigned char)t[p + 2] == 0x94))
        return 3;
    if (p < e && t[p] == '-') return (p + 1 < e && t[p + 1] == '-') ? 2 : 1;
    return 0;
}

static int ci_eq(const char *a, const char *b, size_t n) {
    for (size_t k = 0; k < n; k++) {
        unsigned char x = (unsigned char)a[k], y = (unsigned char)b[k];
        if (is_upper(x)) x = (unsigned char)(x - 'A' + 'a');
        if (is_upper(y)) y = (unsigned char)(y - 'A' + 'a');
        if (x != y) return 0;
    }
    return 1;
}

static int starts_with(const char *t, size_t b, size_t e, const char *pre, int ci) {
    size_t n = strlen(pre);
    if (e - b < n) return 0;
    return ci ? ci_eq(t + b, pre, n) : memcmp(t + b, pre, n) == 0;
}

/* Find needle in t[b, e); returns offset or SIZE_MAX. Lines searched here
 * are bounded, so the naive search is fine. */
static size_t find(const char *t, size_t b, size_t e, const char *needle, int ci) {
    size_t n = strlen(needle);
    if (e - b < n) return SIZE_MAX;
    for (size_t p = b; p + n <= e; p++)
        if (ci ? ci_eq(t + p, needle, n) : memcmp(t + p, needle, n) == 0) return p;
    return SIZE_MAX;
}

static size_t count_words(const char *t, size_t b, size_t e) {
    size_t n = 0;
    int in = 0;
    for (size_t p = b; p < e; p++) {
        int sp = is_hspace((unsigned char)t[p]);
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

/* Does the line end like a sentence: . ! ? optionally followed by closing
 * quotes or brackets? */
static int ends_sentence(const char *t, size_t b, size_t e) {
    size_t p = e;
    while (p > b) {
        unsigned char c = (unsigned char)t[p - 1];
        if (c == '"' || c == '\'' || c == ')') {
            p--;
        } else if (p - b >= 3 && (unsigned char)t[p - 3] == 0xE2 && (unsigned char)t[p - 2] == 0x80 &&
                   ((unsigned char)t[p - 1] == 0x9D || (unsigned char)t[p - 1] == 0x99)) {
            p -= 3; /* ” ’ */
        } else {
            break;
        }
    }
    return p > b && (t[p - 1] == '.' || t[p - 1] == '!' || t[p - 1] == '?');
}

/* ------------------------------------------------------------ date token */

/* "date YYYY-MM-DD" at p (also "date: YYYY-MM-DD"); returns its end or 0. */
static size_t match_date_token(const char *t, size_t p, size_t e) {
    if (!starts_with(t, p, e, "date", 1)) return 0;
    size_t q = p + 4;
    if (q < e && t[q] == ':') q++;
    size_t r = skip_hspace(t, q, e);
    if (r == q) return 0;
    q = r;
    static const char pat[] = "dddd-dd-dd";
    if (e - q < 10) return 0;
    for (size_t k = 0; k < 10; k++) {
        unsigned char c = (unsigned char)t[q + k];
        if (pat[k] == 'd' ? !is_digit(c) : c != '-') return 0;
    }
    q += 10;
    if (q < e && !hspace_len(t, q, e) && t[q] != '\n') return 0;
    return q;
}

/* ------------------------------------------------------------ credits */

static const char *const k_agencies[] = {
    "AP", "Reuters", "AFP", "Getty", "EPA", "UPI", "Xinhua", "ZUMA", "Anadolu", "SANA", "WAFA",
    "IRNA", "Sipa", "Shutterstock", "Flickr", "Twitter", "Telegram", "Facebook", "Instagram",
    "YouTube", "Bloomberg", "the AP", NULL};

/* "via <agency>" ending the segment (then optional words "Images"/"Photo"/")"). */
static int via_agency_at_end(const char *t, size_t b, size_t e) {
    size_t p = find(t, b, e, "via ", 0);
    while (p != SIZE_MAX) {
        if (p == b || is_hspace((unsigned char)t[p - 1]) || t[p - 1] == '(') {
            size_t q = p + 4;
            for (size_t k = 0; k_agencies[k]; k++) {
                size_t n = strlen(k_agencies[k]);
                if (e - q >= n && memcmp(t + q, k_agencies[k], n) == 0) {
                    size_t r = q + n;
                    if (r == e || is_hspace((unsigned char)t[r]) || t[r] == ')' || t[r] == '.')
                        return 1;
                }
            }
        }
        p = find(t, p + 1, e, "via ", 0);
    }
    return 0;
}

static int strong_credit_cue(const char *t, size_t b, size_t e) {
    static const char *const cues[] = {
        "AP Photo", "AP PHOTO", "AP photo", "Getty Images", "Shutterstock", "Reuters photo",
        "Reuters Photo", "REUTERS/", "Reuters/", "/Reuters", "AFP photo", "AFP Photo", "AFP/",
        "/AFP", "EPA photo", "EPA/", "/EPA", "EPA-EFE", "/AP", "/Getty", "/Anadolu", "/Sipa",
        "/ZUMA", "Handout photo", "handout photo", NULL};
    for (size_t k = 0; cues[k]; k++) {
        size_t p = find(t, b, e, cues[k], 0);
        if (p == SIZE_MAX) continue;
        /* "/AP" must end a word: "/APTN" or "/Apple" do not count */
        size_t r = p + strlen(cues[k]);
        if (cues[k][0] == '/' && r < e && (is_upper((unsigned char)t[r]) || is_lower((unsigned char)t[r])) &&
            strcmp(cues[k], "/Getty") != 0)
            continue;
        return 1;
    }
    return via_agency_at_end(t, b, e);
}

/* Lines that open like a credit: "Photo: ...", "Photo by ...". */
static int credit_prefix(const char *t, size_t b, size_t e) {
    static const char *const pre[] = {"photo:", "photos:", "photo by ", "photograph:",
                                      "photograph by ", "photographs:", "image:", "images:",
                                      "picture:", "pictures:", "credit:", "photo credit",
                                      "file photo", "(photo", "caption:", NULL};
    for (size_t k = 0; pre[k]; k++)
        if (starts_with(t, b, e, pre[k], 1)) return 1;
    return 0;
}

/* Lower-case words allowed in a slash credit: name particles and "via". */
static int is_credit_particle(const char *w, size_t n) {
    static const char *const c[] = {"of", "via", "de", "la", "le", "el", "al", "bin", "van",
                                    "von", "da", "du", "y", NULL};
    for (size_t k = 0; c[k]; k++)
        if (strlen(c[k]) == n && memcmp(c[k], w, n) == 0) return 1;
    return 0;
}

static int is_connector(const char *w, size_t n) {
    static const char *const c[] = {"of", "via", "the", "and", "de", "la", "le", "el", "al", "bin",
                                    "van", "von", "da", "du", "for", "in", "at", "y", "&", "|",
                                    "/", "-", NULL};
    for (size_t k = 0; c[k]; k++)
        if (strlen(c[k]) == n && memcmp(c[k], w, n) == 0) return 1;
    return 0;
}

/* Short Title-Case line with a slash joining two words:
 * "Dalati Nohra/Lebanese Official Government via AP", "Fatima Shbair/AP". */
static int slash_credit(const char *t, size_t b, size_t e) {
    if (count_words(t, b, e) > SLASH_MAX_WORDS) return 0;
    int slash = 0;
    for (size_t p = b + 1; p + 1 < e; p++)
        if (t[p] == '/' && !is_hspace((unsigned char)t[p - 1]) && !is_hspace((unsigned char)t[p + 1]))
            slash = 1;
    if (!slash) return 0;
    /* every word (and every slash-separated part) is capitalised or a connector */
    size_t p = b;
    while (p < e) {
        while (p < e && (is_hspace((unsigned char)t[p]) || t[p] == '/' || t[p] == '(' || t[p] == ')'))
            p++;
        if (p >= e) break;
        size_t q = p;
        while (q < e && !is_hspace((unsigned char)t[q]) && t[q] != '/' && t[q] != '(' && t[q] != ')') q++;
        unsigned char c = (unsigned char)t[p];
        size_t wl = q - p;
        while (wl > 0 && (t[p + wl - 1] == ',' || t[p + wl - 1] == ';')) wl--;
        if (!(is_upper(c) || is_digit(c) || c >= 0x80 || is_credit_particle(t + p, wl) ||
              ((starts_with(t, p, q, "al-", 0) || starts_with(t, p, q, "el-", 0)) && wl > 3)))
            return 0;
        p = q;
    }
    return 1;
}

static int is_credit(const char *t, size_t b, size_t e) {
    if (e - b > CREDIT_MAX_BYTES) return 0;
    if (credit_prefix(t, b, e)) return 1;
    if (ends_sentence(t, b, e)) return 0;
    if (count_words(t, b, e) > CREDIT_MAX_WORDS) return 0;
    return strong_credit_cue(t, b, e) || slash_credit(t, b, e);
}

/* A caption: a line ending in a parenthesised credit, "... (AP Photo/X)". */
static int is_caption(const char *t, size_t b, size_t e) {
    size_t p = e;
    if (p > b && t[p - 1] == '.') p--;
    if (p == b || t[p - 1] != ')') return 0;
    size_t close = p - 1, open = close;
    while (open > b && t[open] != '(' && close - open < CAPTION_PAREN_MAX) open--;
    if (t[open] != '(' || open == b) return 0;
    size_t ib = open + 1, ie = close;
    if (ie <= ib) return 0;
    if (credit_prefix(t, ib, ie)) return 1;
    return count_words(t, ib, ie) <= SLASH_MAX_WORDS &&
           (strong_credit_cue(t, ib, ie) || slash_credit(t, ib, ie) ||
            find(t, ib, ie, " photo", 1) != SIZE_MAX);
}

/* ------------------------------------------------------------ bylines */

static int is_byline(const char *t, size_t b, size_t e) {
    static const char *const pre[] = {"Reporting by ", "(Reporting by ", "Additional reporting by ",
                                      "Writing by ", "Editing by ", "Compiled by ", NULL};
    for (size_t k = 0; pre[k]; k++)
        if (starts_with(t, b, e, pre[k], 0) && e - b <= BOILER_MAX_BYTES) return 1;
    if (!(starts_with(t, b, e, "By ", 0) || starts_with(t, b, e, "BY ", 0))) return 0;
    if (e - b > BYLINE_MAX_BYTES) return 0;
    if (ends_sentence(t, b, e)) {
        /* allow a final initial ("By John Q.") but not a sentence */
        if (!(e - b >= 3 && t[e - 1] == '.' && is_upper((unsigned char)t[e - 2]) &&
              is_hspace((unsigned char)t[e - 3])))
            return 0;
    }
    size_t p = b + 3, words = 0;
    while (p < e) {
        while (p < e && (is_hspace((unsigned char)t[p]) || t[p] == ',')) p++;
        if (p >= e) break;
        size_t q = p;
        while (q < e && !is_hspace((unsigned char)t[q])) q++;
        size_t wl = q - p;
        while (wl > 0 && (t[p + wl - 1] == ',' || t[p + wl - 1] == ';')) wl--;
        unsigned char c = (unsigned char)t[p];
        if (!(is_upper(c) || c >= 0x80 || is_connector(t + p, wl) || t[p] == '|' ||
              dash_len(t, p, q) == wl || (starts_with(t, p, q, "al-", 0) && wl > 3)))
            return 0;
        words++;
        p = q;
    }
    return words >= 1 && words <= 14;
}

/* ------------------------------------------------------------ boilerplate */

static int is_boilerplate(const char *t, size_t b, size_t e) {
    if (e - b > BOILER_MAX_BYTES) return 0;
    if (starts_with(t, b, e, "Copyright ", 1)) {
        size_t p = b + 10;
        if (p < e && (is_digit((unsigned char)t[p]) || t[p] == '(' ||
                      ((unsigned char)t[p] == 0xC2 && p + 1 < e && (unsigned char)t[p + 1] == 0xA9)))
            return 1;
    }
    if (starts_with(t, b, e, "\xC2\xA9", 0)) return 1; /* © */
    if (starts_with(t, b, e, "(c) ", 1) && b + 4 < e && is_digit((unsigned char)t[b + 4])) return 1;
    if (find(t, b, e, "all rights reserved", 1) != SIZE_MAX) return 1;
    if (starts_with(t, b, e, "This material may not be published", 1)) return 1;
    if (starts_with(t, b, e, "Our Standards:", 0)) return 1;
    return 0;
}

/* ------------------------------------------------------------ datelines */

static int is_agency(const char *t, size_t b, size_t e) {
    static const char *const ag[] = {
        "AP", "Reuters", "AFP", "UPI", "CNN", "Xinhua", "dpa", "DPA", "ANSA", "IANS", "PTI",
        "Bloomberg", "Al Jazeera", "BBC", "TASS", "RIA", "Anadolu", "Kyodo", "Yonhap", "WAFA",
        "IRNA", "SANA", "KUNA", "WAM", "SPA", "MENA", "QNA", "JTA", "Sputnik", "EFE", "AA",
        "The Associated Press", "Associated Press", "CNS", "RNS", "NNA", NULL};
    size_t n = e - b;
    for (size_t k = 0; ag[k]; k++)
        if (strlen(ag[k]) == n && memcmp(ag[k], t + b, n) == 0) return 1;
    return 0;
}

/* Dateline at the start of a paragraph: "WASHINGTON (AP) — ",
 * "GAZA CITY, Feb 2 (Reuters) - ", "BEIRUT, Lebanon — ". Returns the end of
 * the prefix (after the dash and the following spaces) or 0. */
static size_t match_dateline(const char *t, size_t b, size_t e) {
    size_t p = b, caps = 0, lim = e - b > 200 ? b + 200 : e;
    if (p >= lim || !is_upper((unsigned char)t[p])) return 0;
    /* the place: upper-case words */
    while (p < lim) {
        unsigned char c = (unsigned char)t[p];
        if (is_upper(c)) {
            caps++;
            p++;
        } else if (is_lower(c)) {
            return 0;
        } else if (c == '.' || c == '\'') {
            p++;
        } else if (c == ' ') {
            if (p + 1 < lim && dash_len(t, p + 1, lim)) break;
            p++;
        } else if (c == '-') {
            if (p + 1 < lim && is_upper((unsigned char)t[p + 1])) p++;
            else break;
        } else if (c >= 0x80) {
            if (dash_len(t, p, lim)) break;
            p++;
        } else {
            break;
        }
    }
    if (caps < 3) return 0;
    /* ", Gaza Strip", ", Feb 2", ", 2024" — capitalised or numeric words */
    while (p < lim && t[p] == ',') {
        size_t q = skip_hspace(t, p + 1, lim), words = 0;
        int ok = 1;
        while (q < lim && t[q] != ',' && t[q] != '(' && !dash_len(t, q, lim)) {
            unsigned char c = (unsigned char)t[q];
            if (!(is_upper(c) || is_digit(c) || c >= 0x80)) {
                ok = 0;
                break;
            }
            while (q < lim && !is_hspace((unsigned char)t[q]) && t[q] != ',' && t[q] != '(') q++;
            words++;
            q = skip_hspace(t, q, lim);
        }
        if (!ok || words == 0 || words > 5) break;
        p = q;
    }
    p = skip_hspace(t, p, lim);
    int agency = 0, dash = 0;
    if (p < lim && t[p] == '(') {
        size_t q = p + 1;
        while (q < lim && q - p < 32 && t[q] != ')') q++;
        if (q < lim && t[q] == ')' && is_agency(t, p + 1, q)) {
            agency = 1;
            p = skip_hspace(t, q + 1, lim);
        }
    }
    size_t dl = p < lim ? dash_len(t, p, lim) : 0;
    if (dl) {
        dash = 1;
        p = skip_hspace(t, p + dl, e);
    }
    if (!agency && !dash) return 0;
    if (p >= e) return 0; /* a line that is only a dateline is not a dateline paragraph */
    if (!agency) {
        /* without an agency the news must start like a sentence */
        unsigned char c = (unsigned char)t[p];
        if (!(is_upper(c) || c == '"' || c >= 0x80)) return 0;
    }
    return p;
}

/* ------------------------------------------------------------ driver */

static int classify(regs *r, const char *t, size_t b, size_t e) {
    if (is_boilerplate(t, b, e)) return add_region(r, b, e, "boilerplate");
    if (is_byline(t, b, e)) return add_region(r, b, e, "byline");
    if (is_caption(t, b, e)) return add_region(r, b, e, "photo caption");
    if (is_credit(t, b, e)) return add_region(r, b, e, "photo credit");
    size_t d = match_dateline(t, b, e);
    if (d) {
        /* keep the region off the news: end it at the last non-space */
        size_t q = d;
        while (q > b && hspace_len(t, q - 1, e) == 1) q--;
        return add_region(r, b, q, "dateline");
    }
    return 0;
}

int dyad_find_non_news(dyad_arena *a, const char *text, size_t len, dyad_region **out, size_t *n) {
    *out = NULL;
    *n = 0;
    if (len > UINT32_MAX) return -1;
    regs r = {a, NULL, 0, 0};
    /* leading date token, possibly after whitespace (blank lines too) */
    size_t p = 0, date_end = 0;
    for (;;) {
        size_t q = skip_hspace(text, p, len);
        while (q < len && text[q] == '\n') q++;
        if (q == p) break;
        p = q;
    }
    size_t de = match_date_token(text, p, len);
    if (de) {
        if (add_region(&r, p, de, "date token")) return -1;
        date_end = de;
    }
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t le = nl ? (size_t)(nl - text) : len;
        size_t b = pos;
        if (date_end > pos && date_end <= le) b = date_end;
        if (date_end > le) b = le; /* whole line belongs to the date token */
        b = skip_hspace(text, b, le);
        size_t e = le;
        while (e > b && hspace_len(text, e - 1, le) == 1) e--;
        /* trailing NBSP */
        while (e >= b + 2 && (unsigned char)text[e - 2] == 0xC2 && (unsigned char)text[e - 1] == 0xA0) e -= 2;
        if (b < e && classify(&r, text, b, e)) return -1;
        pos = le + 1;
    }
    *out = r.v;
    *n = r.n;
    return 0;
}
