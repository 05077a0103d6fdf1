/*
 * fdict_config.c — PETRARCH2's PETR_config.ini (fdict.h): `[Section]`
 * headers, `key = value` lines (keys compared without case, as Python's
 * ConfigParser does), `#` and `;` comment lines. The dictionary names of
 * [Dictionaries] are resolved against the ini's folder, the [Options] that a
 * coder needs are typed.
 */
#include "fdict_int.h"

#include "fileio.h"
#include "xprintf.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int cfg_warn(fd_warn_fn warn, void *ctx, const char *file, long line, int sev,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static int cfg_warn(fd_warn_fn warn, void *ctx, const char *file, long line, int sev,
                    const char *fmt, ...) {
    if (!warn) return 0;
    va_list ap;
    va_start(ap, fmt);
    char *msg = dyad_vasprintf(fmt, ap);
    va_end(ap);
    warn(ctx, file, line, sev, msg ? msg : "malformed line (out of memory)");
    free(msg);
    return 0;
}

static const fd_ini_kv *find_kv(const dyad_fdict_config *cfg, const char *section,
                               const char *key) {
    for (size_t i = cfg->nkv; i-- > 0;)
        if (!strcmp(cfg->kv[i].section, section) && !strcasecmp(cfg->kv[i].key, key))
            return &cfg->kv[i];
    return NULL;
}

const char *dyad_fdict_config_get(const dyad_fdict_config *cfg, const char *section,
                                  const char *key) {
    const fd_ini_kv *kv = find_kv(cfg, section, key);
    return kv ? kv->value : NULL;
}

/* DIR/dictionaries/NAME when it exists, else DIR/NAME (arena). */
static const char *resolve(dyad_fdict_config *cfg, const char *name, size_t n) {
    char *p = dyad_asprintf("%s/dictionaries/%.*s", cfg->dir, (int)n, name);
    if (!p) return NULL;
    if (access(p, F_OK) != 0) {
        free(p);
        p = dyad_asprintf("%s/%.*s", cfg->dir, (int)n, name);
        if (!p) return NULL;
    }
    const char *r = dyad_arena_strdup(&cfg->arena, p);
    free(p);
    return r;
}

static int parse_bool(const char *v) {
    if (!strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on") ||
        !strcmp(v, "1"))
        return 1;
    if (!strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcasecmp(v, "off") ||
        !strcmp(v, "0"))
        return 0;
    return -1;
}

int dyad_fdict_config_load(dyad_fdict_config *cfg, const char *path, fd_warn_fn warn,
                           void *ctx, char *err, size_t errlen) {
    memset(cfg, 0, sizeof *cfg);
    dyad_arena_init(&cfg->arena);
    cfg->require_dyad = -1;
    cfg->new_actor_length = -1;
    size_t len = 0;
    char *buf = dyad_read_file(path, &len, err, errlen);
    if (!buf) return -1;
    const char *slash = strrchr(path, '/');
    const char *file = slash ? slash + 1 : path;
    cfg->dir = slash ? dyad_arena_strndup(&cfg->arena, path, (size_t)(slash - path))
                     : dyad_arena_strdup(&cfg->arena, ".");
    if (slash == path) cfg->dir = "/";
    fd_vec kv = {0};
    const char *section = "";
    long lineno = 0;
    int oom = !cfg->dir;
    size_t i = 0;
    while (!oom && i < len) {
        size_t b = i;
        while (i < len && buf[i] != '\n' && buf[i] != '\r') i++;
        size_t e = i;
        if (i < len) i += (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n') ? 2 : 1;
        lineno++;
        while (b < e && isspace((unsigned char)buf[b])) b++;
        e = b + fd_rtrim_len(buf + b, e - b);
        if (b == e || buf[b] == '#' || buf[b] == ';') continue;
        const char *s = buf + b;
        size_t n = e - b;
        if (*s == '[') {
            const char *rb = memchr(s, ']', n);
            if (!rb) {
                cfg_warn(warn, ctx, file, lineno, FD_SEV_MALFORMED,
                         "bad section header (want [Name])");
                continue;
            }
            section = dyad_arena_strndup(&cfg->arena, s + 1, (size_t)(rb - s - 1));
            oom = !section;
            continue;
        }
        const char *eq = memchr(s, '=', n);
        const char *co = memchr(s, ':', n);
        if (!eq || (co && co < eq)) eq = co;
        if (!eq || eq == s) {
            cfg_warn(warn, ctx, file, lineno, FD_SEV_MALFORMED,
                     "line without '=' (want key = value)");
            continue;
        }
        fd_ini_kv item;
        item.section = section;
        item.line = lineno;
        size_t kn = fd_rtrim_len(s, (size_t)(eq - s));
        char *key = dyad_arena_strndup(&cfg->arena, s, kn);
        const char *vs = eq + 1;
        while (vs < buf + e && isspace((unsigned char)*vs)) vs++;
        item.value = dyad_arena_strndup(&cfg->arena, vs, (size_t)(buf + e - vs));
        if (!key || !item.value) {
            oom = 1;
            break;
        }
        for (char *k = key; *k; k++) *k = (char)tolower((unsigned char)*k);
        item.key = key;
        if (fd_push(&kv, &item, sizeof item) != 0) oom = 1;
    }
    free(buf);
    cfg->kv = fd_vdup(&cfg->arena, &kv, sizeof(fd_ini_kv), &oom);
    cfg->nkv = kv.n;
    fd_vfree(&kv);
    /* [Dictionaries] */
    const char *v;
    if (!oom && (v = dyad_fdict_config_get(cfg, "Dictionaries", "verbfile_name")))
        oom = !(cfg->verbfile = resolve(cfg, v, strlen(v)));
    if (!oom && (v = dyad_fdict_config_get(cfg, "Dictionaries", "agentfile_name")))
        oom = !(cfg->agentfile = resolve(cfg, v, strlen(v)));
    if (!oom && (v = dyad_fdict_config_get(cfg, "Dictionaries", "discardfile_name")))
        oom = !(cfg->discardfile = resolve(cfg, v, strlen(v)));
    if (!oom && (v = dyad_fdict_config_get(cfg, "Dictionaries", "issuefile_name")))
        oom = !(cfg->issuefile = resolve(cfg, v, strlen(v)));
    if (!oom && (v = dyad_fdict_config_get(cfg, "Dictionaries", "actorfile_list"))) {
        fd_vec files = {0};
        const char *p = v;
        while (!oom && *p) {
            const char *q = strchr(p, ',');
            if (!q) q = p + strlen(p);
            const char *a = fd_skip_space(p);
            size_t an = a < q ? fd_rtrim_len(a, (size_t)(q - a)) : 0;
            if (an) {
                const char *r = resolve(cfg, a, an);
                if (!r || fd_push(&files, &r, sizeof r) != 0) oom = 1;
            }
            p = *q ? q + 1 : q;
        }
        cfg->actorfiles = fd_vdup(&cfg->arena, &files, sizeof(char *), &oom);
        cfg->nactorfiles = (int)files.n;
        fd_vfree(&files);
    }
    /* [Options] */
    const fd_ini_kv *o;
    if (!oom && (o = find_kv(cfg, "Options", "require_dyad"))) {
        cfg->require_dyad = parse_bool(o->value);
        if (cfg->require_dyad < 0)
            cfg_warn(warn, ctx, file, o->line, FD_SEV_MALFORMED,
                     "require_dyad is not a boolean (want True or False)");
    }
    if (!oom && (o = find_kv(cfg, "Options", "new_actor_length"))) {
        char *end;
        long n = strtol(o->value, &end, 10);
        if (end == o->value || *end || n < 0)
            cfg_warn(warn, ctx, file, o->line, FD_SEV_MALFORMED,
                     "new_actor_length is not a whole number >= 0");
        else cfg->new_actor_length = n;
    }
    if (oom) {
        if (err && errlen) snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    return 0;
}

void dyad_fdict_config_free(dyad_fdict_config *cfg) {
    dyad_arena_free(&cfg->arena);
    memset(cfg, 0, sizeof *cfg);
}
