/*
 * cameo.h — the CAMEO event code table (CAMEO 1.1b3, 316 codes) with names,
 * parents, quad classes and Goldstein values. The table itself is generated
 * into src/gen/cameo_table.c by tools/gen_cameo.py; see that file's header
 * for the source of the values.
 */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H
#include <stddef.h>

typedef struct dyad_cameo {
    const char *code;    /* "0253" */
    const char *name;    /* "Appeal for release of persons or property" */
    const char *parent;  /* "025"; "" for the 20 two-digit root codes */
    const char *root;    /* first two digits: "02" */
    int quad;            /* 1 verbal coop, 2 material coop, 3 verbal conflict,
                            4 material conflict */
    double goldstein;    /* Goldstein scale value, -10..+10 */
} dyad_cameo;

/** The entry for `code` ("0253"), or NULL if unknown or code is NULL.
 *  Binary search; static data, safe from any thread. */
const dyad_cameo *dyad_cameo_lookup(const char *code);
/** Number of codes in the table. */
size_t dyad_cameo_count(void);
/** The i-th entry in code order; NULL if i >= dyad_cameo_count(). */
const dyad_cameo *dyad_cameo_at(size_t i);

/* Generated table (src/gen/cameo_table.c), sorted by strcmp on code. */
extern const dyad_cameo dyad_cameo_table[];
extern const size_t dyad_cameo_table_len;

#endif
