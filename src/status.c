/*
 * status.c — status texts, the version string and default options.
 */
#include "dyad.h"

#define DYAD_STR2(x) #x
#define DYAD_STR(x) DYAD_STR2(x)

const char *dyad_version_string(void)
{
    return DYAD_STR(DYAD_VERSION_MAJOR) "." DYAD_STR(DYAD_VERSION_MINOR) "." DYAD_STR(
        DYAD_VERSION_PATCH);
}

const char *dyad_strerror(dyad_status st)
{
    switch (st) {
    case DYAD_OK: return "success";
    case DYAD_ERR_NOMEM: return "out of memory";
    case DYAD_ERR_INVALID_ARG: return "invalid argument";
    case DYAD_ERR_BAD_UTF8: return "input is not valid UTF-8";
    case DYAD_ERR_BAD_DATE: return "date missing or not a real YYYY-MM-DD date";
    case DYAD_ERR_EMPTY: return "article has no news text";
    case DYAD_ERR_BINARY: return "input looks like binary data";
    case DYAD_ERR_LIMIT: return "input exceeds a configured limit";
    case DYAD_ERR_IO: return "file could not be opened or read";
    case DYAD_ERR_FORMAT: return "malformed input record or dictionary entry";
    case DYAD_ERR_MODEL: return "model files missing or malformed";
    }
    return "unknown status";
}

dyad_options dyad_options_default(void)
{
    dyad_options o;
    o.flags = DYAD_OPT_STATEMENTS;
    o.max_article_bytes = (size_t)8 << 20;
    o.max_pairs = 12;
    o.max_parse_depth = 500;
    o.max_sentence_tokens = 400;
    return o;
}
