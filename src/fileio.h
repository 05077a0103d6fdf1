/*
 * fileio.h — reading a whole file into memory, for the model loaders
 * (dictionaries, tagger statistics, WordNet files).
 */
#ifndef DYAD_FILEIO_H
#define DYAD_FILEIO_H
#include <stddef.h>

/**
 * Read the file at path into a NUL-terminated malloc'd buffer (the caller
 * frees it); *len gets its size. On failure returns NULL and writes
 * "PATH: reason" (the system's reason) into errbuf.
 */
char *dyad_read_file(const char *path, size_t *len, char *errbuf, size_t errlen);
#endif
