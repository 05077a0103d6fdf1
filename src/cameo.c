/*
 * cameo.c — lookups in the generated CAMEO table.
 */
#include "cameo.h"

#include <string.h>

const dyad_cameo *dyad_cameo_lookup(const char *code)
{
    if (!code)
        return NULL;
    size_t lo = 0, hi = dyad_cameo_table_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(code, dyad_cameo_table[mid].code);
        if (c == 0)
            return &dyad_cameo_table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

size_t dyad_cameo_count(void)
{
    return dyad_cameo_table_len;
}

const dyad_cameo *dyad_cameo_at(size_t i)
{
    return i < dyad_cameo_table_len ? &dyad_cameo_table[i] : NULL;
}
