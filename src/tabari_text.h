/*
 * tabari_text.h — readers for TABARI's files: input text and validation
 * records (Validate.text, TABARI.Demo.text), the .project file and the
 * .options file. Nothing here reads files, prints or exits: callers pass
 * the content of a file (dyad_read_file) and get structures back.
 *
 * Input text, as TABARI 0.8 reads it (process.cp, readRecord):
 *   - outside a record, a line that starts with a digit is a header
 *     "DATE ID [more fields]" (DATE = YYMMDD, or YYYYMMDD); a line that
 *     starts with '#' is a comment, a blank line is skipped; any other
 *     line is text outside a record (TABARI skips it; here it is reported);
 *   - the record's text runs from the next line up to a blank line (a line
 *     of only spaces, tabs and CR counts as blank here; TABARI wants it
 *     empty) or the end of the input;
 *   - C comments (slash-star ... star-slash, on any line, across lines)
 *     hold the validation expectations, each in braces:
 *       { SRC / TGT / CODE } [DATE]   an event (a 4th field: attribution)
 *       {+++}                         the sentence is "complex" (no events)
 *       {---}                         no event
 *       {###}                         the sentence is discarded
 *       { OPTION: COMMAND: ARGS }     the record only changes options
 *       -{ ... }                      TABARI stops checking at this item
 *     A literal backslash-n is a display line break and reads as a space.
 *     Once a record has opened a comment, TABARI's checker reads every '{'
 *     after it, so a '{...}' written after the comment closed is an
 *     expectation too (with a DYAD_TABARI_P_OUTSIDE problem), not text.
 * Line ends may be LF, CRLF or CR. Bytes are passed through as they are,
 * except that a record (or options/project line) that is not valid UTF-8 is
 * read as Windows-1252 and converted, and a NUL byte reads as a space; both
 * are reported as problems, so nothing is dropped silently.
 *
 * Memory: a record and every string reachable from it live in the reader's
 * per-record arena until the next dyad_tabari_next() or
 * dyad_tabari_reader_free(). Options and projects own one arena each,
 * freed by their _free function.
 */
#ifndef DYAD_TABARI_TEXT_H
#define DYAD_TABARI_TEXT_H
#include <stddef.h>

/* Two-digit years up to this value are 20YY, the others 19YY. */
#define DYAD_TABARI_YY_PIVOT 30

/* Validate.text ends its standard records with a record that says this and
 * has no expectation: TABARI stops there ("No verification record"). */
#define DYAD_TABARI_STOP_PHRASE "end of the standard validation records"

/* ------------------------------------------------------------- problems */

typedef enum dyad_tabari_problem_kind {
    DYAD_TABARI_P_DATE = 1,  /* header date is not a real YYMMDD / YYYYMMDD day */
    DYAD_TABARI_P_COMMENT,   /* a comment is still open when the record ends */
    DYAD_TABARI_P_BRACE,     /* a '{' not closed before its comment, the next '{'
                                or the record ends (the item is kept, closed = 0) */
    DYAD_TABARI_P_OUTSIDE,   /* a '{...}' or comment end after the comment closed
                                (the '{...}' is read as an expectation, as TABARI does) */
    DYAD_TABARI_P_EMPTY,     /* the record has no text outside its comments */
    DYAD_TABARI_P_NUL,       /* NUL byte(s), read as spaces */
    DYAD_TABARI_P_ENCODING,  /* not UTF-8: read as Windows-1252 */
    DYAD_TABARI_P_STRAY,     /* text outside any record (no header before it) */
    DYAD_TABARI_P_SYNTAX,    /* options / project line not understood (skipped) */
    DYAD_TABARI_P_MISSING,   /* project names no actors, verbs or text file */
    DYAD_TABARI_P_LIMIT      /* a record has over 4096 {...} items or 256 problems:
                                the rest are counted in this one problem */
} dyad_tabari_problem_kind;

typedef struct dyad_tabari_problem {
    dyad_tabari_problem_kind kind;
    long line;           /* 1-based line in the file; 0 for the whole file */
    const char *message; /* plain words, no file or line prefix */
} dyad_tabari_problem;

/* Short name of a kind ("date", "comment", ...); static. */
const char *dyad_tabari_problem_name(dyad_tabari_problem_kind k);

/**
 * Normalise a TABARI date of exactly len digits into "YYYY-MM-DD": 6 digits
 * YYMMDD (YY <= DYAD_TABARI_YY_PIVOT → 20YY, else 19YY) or 8 digits
 * YYYYMMDD; the day must exist. Returns 0 and fills out[11], else -1.
 */
int dyad_tabari_date(const char *s, size_t len, char out[11]);

/* ---------------------------------------------------------- text records */

typedef enum dyad_tabari_item_kind {
    DYAD_TABARI_EVENT = 0, /* { SRC / TGT / CODE } or with a 4th field */
    DYAD_TABARI_COMPLEX,   /* {+++} */
    DYAD_TABARI_NO_EVENT,  /* {---} */
    DYAD_TABARI_DISCARD,   /* {###} */
    DYAD_TABARI_OPTION,    /* { OPTION: ... } */
    DYAD_TABARI_EMPTY,     /* {} */
    DYAD_TABARI_OTHER      /* anything else between braces (prose) */
} dyad_tabari_item_kind;

/* One {...} of a record's comments, in file order. */
typedef struct dyad_tabari_item {
    dyad_tabari_item_kind kind;
    int disabled;        /* written "-{": TABARI checks nothing from here on */
    int closed;          /* 0 when the comment ended before the '}' */
    long line;           /* line of the '{' */
    const char *raw;     /* between the braces, trimmed, "\n" read as space */
    /* EVENT: the fields, trimmed (attrib NULL unless 4 fields) */
    const char *source, *target, *code, *attrib;
    /* EVENT: the digits written after the '}' on its line (TABARI's
     * time-shift check), or NULL; normalise with dyad_tabari_date */
    const char *date;
    /* OPTION: the command after "OPTION:", trimmed ("SET: X = Y") */
    const char *option;
} dyad_tabari_item;

typedef struct dyad_tabari_record {
    int stray;              /* 1: not a record but lines outside any record
                               (text holds them; one DYAD_TABARI_P_STRAY problem) */
    long line;              /* 1-based line of the header (first stray line) */
    long last_line;         /* last line of the record */
    const char *header;     /* the header line, trimmed (NULL when stray) */
    const char *date_raw;   /* the header's leading digits (NULL when stray) */
    const char *date;       /* YYYY-MM-DD, NULL when date_raw is not a valid
                               6- or 8-digit date (then a DYAD_TABARI_P_DATE problem) */
    const char *date_tabari; /* the date TABARI reads by position: = date for
                               6/8 digits; for 7 digits its first 6, for 9+ its
                               first 8 (TABARI's YY / YYYY modes) when those are
                               a real day; else NULL */
    const char *id;         /* the rest of the header after the date, trimmed
                               ("" if none): TABARI's record ID, which may hold
                               more fields ("FBIS-001-001  CEP2002...") */
    const char *id_word;    /* the first whitespace-separated field of id */
    const char *text;       /* text outside comments and expectations: lines
                               trimmed and joined with single spaces (a comment
                               and a literal backslash-n read as a space) */
    size_t text_len;
    const char *comment;    /* every comment's content, lines joined by spaces */
    int has_comment;        /* a comment was opened */

    dyad_tabari_item *items; /* every {...} in the comments */
    size_t n_items;
    /* The expectations TABARI checks, derived from items: */
    int has_expectation;    /* some item of a known kind (not EMPTY/OTHER) */
    const dyad_tabari_item **events; /* EVENT items before the first disabled item */
    size_t n_events;
    int disabled;           /* some item is disabled ("-{") */
    int complex;            /* {+++} before the first disabled item */
    int no_events;          /* {---} before the first disabled item */
    int discard;            /* {###} before the first disabled item (the one
                               discard kind TABARI's checker knows) */
    const char **options;   /* the OPTION commands; when there is one TABARI
                               applies them all and checks nothing else */
    size_t n_options;
    int stop;               /* text holds DYAD_TABARI_STOP_PHRASE and the record
                               has no expectation: the end of the standard records */
    int converted;          /* the record was read as Windows-1252 */

    dyad_tabari_problem *problems;
    size_t n_problems;
} dyad_tabari_record;

typedef struct dyad_tabari_reader dyad_tabari_reader;

/** A reader over buf[0, len) (need not be NUL-terminated; must outlive the
 *  reader). NULL on out of memory. */
dyad_tabari_reader *dyad_tabari_reader_new(const char *buf, size_t len);

/** The next record (or stray block): 1 and *rec set; 0 at the end; -1 out
 *  of memory (the reader then stays at its end). *rec is valid until the
 *  next call or dyad_tabari_reader_free. */
int dyad_tabari_next(dyad_tabari_reader *r, const dyad_tabari_record **rec);

void dyad_tabari_reader_free(dyad_tabari_reader *r);

/* --------------------------------------------------------------- options */

/* One command line: "COMMAND: ARG". */
typedef struct dyad_tabari_option {
    const char *command; /* before the ':', trimmed, as written ("SET") */
    const char *arg;     /* after the ':', trimmed */
    const char *name;    /* SET only: before '=', trimmed, spaces collapsed */
    const char *value;   /* SET only: after '=', trimmed; "" when no '=' */
    long line;           /* line in the options file, or as given to _add */
} dyad_tabari_option;

typedef struct dyad_tabari_options {
    dyad_tabari_option *cmds;
    size_t n_cmds;
    long end_line;       /* line of the "~~" end marker (0: none); later lines are ignored */
    dyad_tabari_problem *problems;
    size_t n_problems;
    struct dyad_tabari_options_mem *mem; /* private */
} dyad_tabari_options;

/** Parse an options file: commands, "//" comments, blank lines, an end
 *  marker line starting "~~". NULL on out of memory. */
dyad_tabari_options *dyad_tabari_options_parse(const char *buf, size_t len);
/** An empty set, for records' OPTION commands alone. NULL on OOM. */
dyad_tabari_options *dyad_tabari_options_new(void);
/** Add one command line (e.g. a record's OPTION command) as the options
 *  file would read it. Returns 0, 1 when the line was not a command (a
 *  DYAD_TABARI_P_SYNTAX problem added), -1 out of memory. */
int dyad_tabari_options_add(dyad_tabari_options *o, const char *s, size_t len, long line);
/** The value of the last "SET: name [= value]" (name compared without case,
 *  runs of spaces as one); "" when set without '='; NULL when never set. */
const char *dyad_tabari_options_get(const dyad_tabari_options *o, const char *name);
/** That value as a truth value: TRUE/YES/ON/1 → 1, FALSE/NO/OFF/0 → 0,
 *  anything else or unset → dflt. */
int dyad_tabari_options_bool(const dyad_tabari_options *o, const char *name, int dflt);
/** The argument of the last command named cmd (any case), or NULL. */
const char *dyad_tabari_options_command(const dyad_tabari_options *o, const char *cmd);
void dyad_tabari_options_free(dyad_tabari_options *o);

/* --------------------------------------------------------------- project */

typedef struct dyad_tabari_tag {
    const char *name;  /* the tag word, as written ("actorsfile") */
    const char *value; /* after '>' up to the next '<', trimmed */
    long line;
} dyad_tabari_tag;

typedef struct dyad_tabari_project {
    const char *dir;        /* folder of the project file ("" when none) */
    const char *title;      /* the first line that is not a tag, or NULL */
    /* File names joined to dir (unless absolute), in file order. */
    const char **actors;  size_t n_actors;
    const char **agents;  size_t n_agents;
    const char **verbs;   size_t n_verbs;
    const char **texts;   size_t n_texts;
    const char *options;    /* <optionsfile>, NULL if none (last one wins) */
    const char *events;     /* <eventfile> */
    const char *output;     /* <outputfile> */
    const char *errors;     /* <errorfile> */
    const char *problem;    /* <problemfile> */
    const char *issues;     /* <issuesfile> */
    const char *freqs;      /* <freqfile> */
    const char *coder;      /* <coder>, as written */
    dyad_tabari_tag *tags;  /* every tag but <session ...>, in order, raw */
    size_t n_tags;
    size_t n_sessions;      /* <session ...> lines (ignored) */
    dyad_tabari_problem *problems;
    size_t n_problems;
    struct dyad_tabari_project_mem *mem; /* private */
} dyad_tabari_project;

/**
 * Parse a .project file. path is the project file's path (may be NULL): its
 * folder is joined to the file names. Tags are told apart as TABARI does, by
 * their first letters (<a c…> actors, <a…> agents, <v> verbs, <o p…>/<o…>
 * options, <o u…> output, <t> text, <e v…> events, <e…> errors, <p> problem,
 * <c> coder, <i> issues, <f> freqs, <d…> doc, <r> run, <s e…> session,
 * <s…> system — recorded, never run). NULL on out of memory.
 */
dyad_tabari_project *dyad_tabari_project_parse(const char *buf, size_t len, const char *path);
void dyad_tabari_project_free(dyad_tabari_project *p);

#endif
