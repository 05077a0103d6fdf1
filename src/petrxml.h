/*
 * petrxml.h — streaming reader of PETRARCH XML input files (the batch input
 * of ../shared/docs/FORMATS.md (a) and its unit-test variant), on libxml2's
 * xmlTextReader.
 *
 * dyad_petrxml_next() yields, in document order:
 *   ENVIRONMENT  each <Environment> block (dictionary file names, Include,
 *                its <Config> children, any other child as name/value);
 *   CONFIG       each <Config option=... value=.../> outside <Environment>
 *                (also one inside a <Sentence>: it comes before that record);
 *   RECORD       each <Sentence> element at any depth, when it closes;
 *   ERROR        malformed XML or an unreadable file: "line N: message"
 *                (libxml2's message; nothing follows). Every record that
 *                ends on a line before the error's was delivered before it;
 *                for a truncated file, every record that ends before the
 *                cut;
 *   END          the end of the input (and every call after END or ERROR).
 *
 * XML handling: options XML_PARSE_NONET | XML_PARSE_NOERROR |
 * XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES, never XML_PARSE_NOENT or
 * XML_PARSE_DTDLOAD: no external DTD or entity is ever loaded and declared
 * entities are not expanded (a reference "&e;" to a declared entity is kept
 * in the text and attributes as "&e;"; an undeclared one is an XML error,
 * or kept as "&e;" when the document names an external DTD, which is not
 * read). The predefined entities (&amp; ...) and character references are
 * decoded; an entity "bomb" stops with libxml2's "Detected an entity
 * reference loop". libxml2 never prints: its messages are caught per reader
 * (and libxml2's thread-local handlers are swapped around each call) and
 * become the ERROR item. Files are read through stdio (no gzip, no URL, no
 * "-" = stdin magic). Threads: each reader belongs to one thread at a time;
 * the first open calls xmlInitParser(), which libxml2 2.9 wants done once
 * before threads start (open one reader, or call it, on the main thread).
 *
 * Memory: the reader owns every string of an item; they stay valid until the
 * next call of dyad_petrxml_next() or dyad_petrxml_close(). Copy what must
 * live longer. <Text> and <Parse> are capped at max_field bytes each: past
 * the cap the record is still delivered, with that field NULL and `problem`
 * saying why. Element and attribute names are case-sensitive, as written in
 * PETRARCH's files.
 */
#ifndef DYAD_PETRXML_H
#define DYAD_PETRXML_H
#include <stddef.h>

/* Default cap on one <Text> or <Parse> (bytes). */
#define DYAD_PX_MAX_FIELD ((size_t)8 * 1024 * 1024)
/* More <EventCoding>, <Config> or <Environment> children than this in one
 * record or block are dropped, with `problem` set. */
#define DYAD_PX_MAX_LIST 10000

typedef enum {
    DYAD_PX_END = 0,
    DYAD_PX_ENVIRONMENT,
    DYAD_PX_CONFIG,
    DYAD_PX_RECORD,
    DYAD_PX_ERROR
} dyad_px_kind;

typedef enum {
    DYAD_PX_PARSE_NONE = 0, /* no <Parse>, or only whitespace in it */
    DYAD_PX_PARSE_PTB,      /* first non-space byte is '(' */
    DYAD_PX_PARSE_CONLLU,   /* first line that is neither blank nor '#': "ID<TAB>..." with >= 6 fields */
    DYAD_PX_PARSE_OTHER     /* something else */
} dyad_px_parse_kind;

typedef struct dyad_px_config {
    const char *option, *value; /* attributes as written; NULL when absent */
    long line;
} dyad_px_config;

/* Any other child of <Environment> (Errorfile, Pause, PICOfile, ...). */
typedef struct dyad_px_field {
    const char *name, *value; /* value: the element's text, trimmed */
    long line;
} dyad_px_field;

typedef struct dyad_px_environment {
    long line;
    /* each child's text, trimmed; NULL when absent (the last one wins) */
    const char *verbfile, *agentfile, *discardfile, *issuefile, *include;
    const char **actorfiles; /* every <Actorfile>, in order, text as written
                              * (a comma-separated list stays one string) */
    int nactorfiles;
    dyad_px_config *configs;
    int nconfigs;
    dyad_px_field *others;
    int nothers;
    const char *problem; /* NULL, or what was dropped */
} dyad_px_environment;

typedef struct dyad_px_coding {
    /* attributes exactly as written: NULL when absent; quotes kept, so
     * sourcecode='"INJURY TOLL"' gives the 13 bytes "INJURY TOLL" with quotes */
    const char *sourcecode, *targetcode, *eventcode;
    const char *noevents_attr; /* raw noevents="..." or NULL */
    int noevents;              /* 1 when noevents is "true" in any case */
    const char *error;         /* error="..." or NULL */
    long line;
} dyad_px_coding;

typedef struct dyad_px_record {
    long line; /* 1-based line of the <Sentence> start tag (libxml2's node line:
                * where the tag ends, if it spans lines) */
    /* attributes as written, NULL when absent (a record without id or date
     * is still delivered; the caller reports it) */
    const char *id, *date, *source, *category;
    const char *sentence_attr; /* raw sentence="..." */
    int sentence;              /* 1 "true" in any case, 0 any other value, -1 absent */
    /* <Text>: whitespace runs made one space, trimmed; NULL when absent */
    const char *text;
    size_t text_len;
    /* <Parse>: raw content; NULL when absent (or over the cap) */
    const char *parse;
    size_t parse_len;
    long parse_line;           /* line of the <Parse> start tag, 0 when absent */
    dyad_px_parse_kind parse_kind;
    dyad_px_coding *codings;   /* the <EventCoding> children, in order */
    int ncodings;
    const char *problem;       /* NULL, or why the record is incomplete */
} dyad_px_record;

typedef struct dyad_px_item {
    dyad_px_kind kind;
    long line;                 /* where the item starts (ERROR: the error's line) */
    dyad_px_environment env;   /* DYAD_PX_ENVIRONMENT */
    dyad_px_config config;     /* DYAD_PX_CONFIG */
    dyad_px_record rec;        /* DYAD_PX_RECORD */
    const char *error;         /* DYAD_PX_ERROR: "line N: message" */
} dyad_px_item;

typedef struct dyad_petrxml dyad_petrxml;

/**
 * Open a reader on a file or on memory (buf must outlive the reader).
 * max_field caps <Text> and <Parse> (0 = DYAD_PX_MAX_FIELD). Returns NULL
 * only when out of memory; an unreadable file gives an ERROR item
 * ("cannot open PATH: reason") from the first dyad_petrxml_next().
 */
dyad_petrxml *dyad_petrxml_open_file(const char *path, size_t max_field);
dyad_petrxml *dyad_petrxml_open_memory(const char *buf, size_t len, size_t max_field);

/** The next item into *it (see above); returns it->kind. */
dyad_px_kind dyad_petrxml_next(dyad_petrxml *r, dyad_px_item *it);

/** Free the reader and every string it handed out. NULL is fine. */
void dyad_petrxml_close(dyad_petrxml *r);

/** The parse kind of a <Parse> content (as in dyad_px_record). */
dyad_px_parse_kind dyad_px_parse_kind_of(const char *s, size_t len);
#endif
