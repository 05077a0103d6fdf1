/*
 * dyad.h — public API of libdyad, a political event coder.
 *
 * dyad reads dated English news articles and codes them into CAMEO events:
 * who (source actor) did what (CAMEO event code) to whom (target actor).
 *
 * Lifetimes (see docs/INTERNALS.md):
 *   dyad_model  — dictionaries, tagger tables, CAMEO table. Loaded once,
 *                 read-only afterwards, safe to share between threads.
 *   dyad_doc    — the result of coding one article. Owns one arena; every
 *                 pointer reached from it lives until dyad_doc_free().
 * A model may be used by any number of threads at once, each coding its own
 * documents. Nothing in the library prints, exits or aborts on bad input.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

#define DYAD_VERSION_MAJOR 0
#define DYAD_VERSION_MINOR 1
#define DYAD_VERSION_PATCH 0

/** Version string "MAJOR.MINOR.PATCH"; static, never freed. */
DYAD_API const char *dyad_version_string(void);

/** Status codes. DYAD_OK is zero; every failure is a distinct code. */
typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_ERR_NOMEM,        /**< allocation failed */
    DYAD_ERR_INVALID_ARG,  /**< NULL or inconsistent argument */
    DYAD_ERR_BAD_UTF8,     /**< input is not valid UTF-8 */
    DYAD_ERR_BAD_DATE,     /**< date missing or not a real YYYY-MM-DD date */
    DYAD_ERR_EMPTY,        /**< article has no news text */
    DYAD_ERR_BINARY,       /**< input looks like binary data (NUL or control bytes) */
    DYAD_ERR_LIMIT,        /**< input exceeds a configured limit */
    DYAD_ERR_IO,           /**< file could not be opened or read */
    DYAD_ERR_FORMAT,       /**< malformed input record or dictionary entry */
    DYAD_ERR_MODEL         /**< model files missing or malformed */
} dyad_status;

/** Text of a status code; static, never freed. */
DYAD_API const char *dyad_strerror(dyad_status st);

/**
 * Error detail filled by calls that take a dyad_error *. `message` is a
 * human-readable reason owned by the struct (always NUL-terminated, possibly
 * truncated to fit with a trailing "..."), `file`/`line` name the input file
 * and 1-based line when known (line 0 = unknown), `offset` the byte offset.
 */
typedef struct dyad_error {
    dyad_status code;
    char file[512];
    long line;
    long offset;
    char message[512];
} dyad_error;

/* ---------------------------------------------------------------- model */

typedef struct dyad_model dyad_model;

/**
 * Load a model from a data directory (dictionaries, CAMEO table) — pass NULL
 * for the default (the DYAD_DATA environment variable, else the compiled-in
 * data directory). Tagger and lemmatizer resources come from the paths in the
 * data directory's configuration. Returns NULL on failure with *err filled.
 * The caller frees the model with dyad_model_free().
 */
DYAD_API dyad_model *dyad_model_load(const char *data_dir, dyad_error *err);
/** dyad_model_load with a cap on dictionary line length: longer lines are
 *  warnings ("line of N bytes, over the limit of M") and skipped; 0 = the
 *  default, 65,536 bytes. */
DYAD_API dyad_model *dyad_model_load_capped(const char *data_dir, size_t max_line,
                                            dyad_error *err);
DYAD_API void dyad_model_free(dyad_model *m);

/** Number of malformed dictionary entries skipped while loading. */
DYAD_API size_t dyad_model_warnings(const dyad_model *m);
/** The i-th warning (i < dyad_model_warnings), "file:line:column: reason"; owned by
 *  the model; NULL when i is out of range. */
DYAD_API const char *dyad_model_warning(const dyad_model *m, size_t i);
/** Number of entries loaded: kind 0 actors, 1 agents, 2 verb patterns,
 *  3 noun patterns. */
DYAD_API size_t dyad_model_count(const dyad_model *m, int kind);

/* -------------------------------------------------------------- options */

/** Statement events (CAMEO 01x) for speakers. */
#define DYAD_OPT_STATEMENTS   (1u << 0)
/** Keep only events with both a source and a target. */
#define DYAD_OPT_REQUIRE_DYAD (1u << 1)
/** Record the explanation trace (tags, chunks, actors, patterns tried). */
#define DYAD_OPT_EXPLAIN      (1u << 2)
/** Code from the article text even when it carries a Treebank parse. */
#define DYAD_OPT_IGNORE_PARSE (1u << 3)

typedef struct dyad_options {
    unsigned flags;            /**< DYAD_OPT_* bits */
    size_t max_article_bytes;  /**< larger articles fail with DYAD_ERR_LIMIT */
    size_t max_sentence_tokens;/**< longer sentences are not coded (a note says so); 0 = no cap */
    unsigned max_pairs;        /**< most events with both actors per sentence (compound
                                    actors expand to pairs); 0 = no cap */
    unsigned max_parse_depth;  /**< a Treebank parse nested deeper fails the article
                                    (DYAD_ERR_LIMIT); 0 = no cap */
} dyad_options;

/** Defaults: statements on, no dyad requirement, 8 MiB per article, 400
 *  tokens per sentence, 12 events with both actors per sentence, parse
 *  trees 500 levels deep. */
DYAD_API dyad_options dyad_options_default(void);

/* -------------------------------------------------------------- article */

/** One article to code. Strings are borrowed for the duration of the call;
 *  `text` need not be NUL-terminated. `date` is "YYYY-MM-DD". */
typedef struct dyad_article {
    const char *id;
    const char *date;
    const char *outlet;  /**< may be NULL */
    const char *url;     /**< may be NULL */
    const char *text;
    size_t text_len;
    /** Penn Treebank parse of the text, which is then one sentence (PETRARCH
     *  XML input); NULL when there is none. */
    const char *parse;
    size_t parse_len;
} dyad_article;

/* --------------------------------------------------------------- events */

/** A byte span into the article text; start == -1 when absent. */
typedef struct dyad_span {
    long start;
    long len;
} dyad_span;

/** One coded event. All strings are owned by the dyad_doc. */
typedef struct dyad_event {
    int sentence;              /**< 1-based index among the news sentences */
    const char *source;        /**< actor code, "" if none */
    const char *target;        /**< actor code, "" if none */
    const char *source_country, *source_role;
    const char *target_country, *target_role;
    const char *code;          /**< CAMEO event code, e.g. "0253" */
    const char *root;          /**< two-digit root, e.g. "02" */
    int quad;                  /**< quad class 1..4 */
    double goldstein;          /**< Goldstein scale value */
    const char *source_text, *verb_text, *target_text;
    dyad_span source_span, verb_span, target_span;
    const char *pattern;       /**< dictionary "file:line" that fired */
} dyad_event;

typedef struct dyad_doc dyad_doc;

/**
 * Code one article. On success returns DYAD_OK and *out holds a new document
 * (free with dyad_doc_free). On failure *out is NULL and *err says why.
 * Thread-safe for distinct documents on a shared model.
 */
DYAD_API dyad_status dyad_code_article(const dyad_model *m, const dyad_options *opt,
                                       const dyad_article *a, dyad_doc **out,
                                       dyad_error *err);
DYAD_API void dyad_doc_free(dyad_doc *d);

DYAD_API size_t dyad_doc_event_count(const dyad_doc *d);
DYAD_API const dyad_event *dyad_doc_event(const dyad_doc *d, size_t i);
/** Number of news sentences found in the article. */
DYAD_API size_t dyad_doc_sentence_count(const dyad_doc *d);
/** Notes on parts of the article that were not coded (a sentence over the
 *  token limit, …): "sentence N: reason". Owned by the document. */
DYAD_API size_t dyad_doc_note_count(const dyad_doc *d);
DYAD_API const char *dyad_doc_note(const dyad_doc *d, size_t i);
/** The explanation text (NUL-terminated) when DYAD_OPT_EXPLAIN was set, else "". */
DYAD_API const char *dyad_doc_explain(const dyad_doc *d);

/* -------------------------------------------------------------- writers */

/** Output formats of dyad_write_events. */
typedef enum dyad_format {
    DYAD_FORMAT_JSONL = 0,
    DYAD_FORMAT_TSV,
    DYAD_FORMAT_PETRARCH  /**< PETRARCH2's event lines (docs/OUTPUT.md) */
} dyad_format;

/** Write the TSV header row (column names) to f. */
DYAD_API void dyad_write_tsv_header(FILE *f);
/** Write every event of d (from article a) to f in the given format. */
DYAD_API int dyad_write_events(FILE *f, dyad_format fmt, const dyad_article *a,
                               const dyad_doc *d);

/* -------------------------------------------------------------- readers */

/** Input formats understood by the article reader (docs/CLI.md, "Inputs"). */
typedef enum dyad_input_format {
    DYAD_INPUT_AUTO = 0, /**< by the name: ".jsonl" JSONL, ".xml" PETRARCH XML, else text */
    DYAD_INPUT_TEXT,     /**< one article per file */
    DYAD_INPUT_JSONL,    /**< one article per line */
    /** PETRARCH XML: one article per <Sentence> (id, date, source, <Text>,
     *  and <Parse> when it is a Penn Treebank parse) */
    DYAD_INPUT_PETRARCH_XML,
    /** TABARI text records: a "YYMMDD ID" line, then the text up to a blank
     *  line; never chosen by AUTO */
    DYAD_INPUT_TABARI
} dyad_input_format;

/**
 * Callback for each article read. `a` is valid only during the call. Return
 * nonzero to stop reading.
 */
typedef int (*dyad_article_fn)(void *ctx, const dyad_article *a);
/** Callback for each record that could not be read; `e` says where and why. */
typedef void (*dyad_reject_fn)(void *ctx, const dyad_error *e);

/**
 * Read articles from a buffer holding the content of `name` (a file path or
 * "-" for stdin) in format `fmt` (AUTO: by extension; unknown → text).
 * `date_override` (may be NULL) replaces every article's date. Text input:
 * a leading "date YYYY-MM-DD" token gives the date; the id is the base name
 * without extension. JSONL, PETRARCH XML and TABARI input: the id and date
 * of each record (PETRARCH XML and TABARI dates YYYYMMDD or YYMMDD, 00-30
 * being 20YY; XML also YYYY-MM-DD); ids are kept as written, repeated or
 * not. Malformed XML is one reject with libxml2's message and line, after
 * every record before it; the rest of that input is not read. The first
 * XML read initialises libxml2 (xmlInitParser), which libxml2 2.9 wants
 * done on the main thread before other threads read XML. Calls
 * `on_article` for each good article (returning nonzero from it stops
 * reading early, still DYAD_OK) and `on_reject` for each bad one (file,
 * line, reason). Returns DYAD_OK, DYAD_ERR_INVALID_ARG
 * (NULL buffer with a length, or an unknown format), DYAD_ERR_BAD_DATE (a
 * bad `date_override`, also reported through on_reject) or DYAD_ERR_NOMEM.
 */
DYAD_API dyad_status dyad_read_articles(const char *name, const char *buf, size_t len,
                                        dyad_input_format fmt, const char *date_override,
                                        dyad_article_fn on_article, dyad_reject_fn on_reject,
                                        void *ctx);

/* --- dictionary check and statistics (dyad dict) --------------------------- */

/**
 * Check the dictionaries of a model loaded with dyad_model_load (dyad's own
 * format; docs/DICTIONARIES.md, "Checking a dictionary"). Writes one line
 * per finding to out, sorted by file and line:
 *   "FILE:LINE[:COLUMN]: error: reason" or "FILE:LINE: warning: reason"
 * (FILE is the file's base name). Errors: every malformed line the loader
 * skipped and every pattern code not in CAMEO (the model's warnings), the
 * same name or pattern for two different codes (with overlapping date
 * ranges), an actor code whose first three letters are no known country or
 * CAMEO code, a role code that is no CAMEO role. Warnings: the same name or
 * pattern twice for one code, a code that does not fit its section. Sets
 * *errors (may be NULL) to the number of errors; returns the number of
 * findings, or -1 (nothing written) for a NULL argument, a model of a
 * peer's dictionaries, or out of memory.
 */
DYAD_API int dyad_dict_check(const dyad_model *m, FILE *out, int *errors);
/**
 * Write coverage figures of the model's dictionaries to out: actors per
 * section (lines, codes, names, date-bounded lines), ISO 3166-1 alpha-3
 * coverage (read from Debian's iso-codes at run time, or $DYAD_ISO3166),
 * agents per role, patterns per CAMEO code and root, codes with no pattern.
 * A text table, or one JSON object when json is nonzero. Returns 0, or -1
 * as dyad_dict_check does.
 */
DYAD_API int dyad_dict_stats(const dyad_model *m, FILE *out, int json);

/* --- end of dictionary check and statistics -------------------------------- */

/* --- the peers' dictionaries (PETRARCH2, TABARI; docs/COMPAT.md) ----------- */

/** A list of the peers' dictionary files to load into one model. */
typedef struct dyad_dictset dyad_dictset;

DYAD_API dyad_dictset *dyad_dictset_new(void);
DYAD_API void dyad_dictset_free(dyad_dictset *s);
/**
 * Add FILE as a dictionary of KIND: "verbs", "actors", "agents", "discards"
 * or "issues" (several actors files may be given). A file added this way
 * replaces the files of its kind that dyad_dictset_add_dir() found (except
 * actors, which add up). The file is read by dyad_model_load_dictset().
 * Returns DYAD_OK, or DYAD_ERR_INVALID_ARG (unknown kind) with err set.
 */
DYAD_API dyad_status dyad_dictset_add(dyad_dictset *s, const char *kind, const char *path,
                                      dyad_error *err);
/** dyad_dictset_add from a "KIND=FILE" string (the CLI's --dict); a string
 *  without a kind or a file is DYAD_ERR_INVALID_ARG with err set. */
DYAD_API dyad_status dyad_dictset_add_spec(dyad_dictset *s, const char *spec, dyad_error *err);
/**
 * Add the files named by a PETRARCH2 configuration (DIR/PETR_config.ini, or
 * DIR itself when it is that file) or by a TABARI project (the one *.project
 * file of DIR, or DIR itself). PETR_config.ini's require_dyad option and the
 * project's .options file are kept. DYAD_ERR_IO when DIR names none of these
 * (or several projects), DYAD_ERR_FORMAT when the configuration names no
 * verbs or actors.
 */
DYAD_API dyad_status dyad_dictset_add_dir(dyad_dictset *s, const char *dir, dyad_error *err);
/** Number of files; the i-th kind and path (NULL past the end). */
DYAD_API size_t dyad_dictset_count(const dyad_dictset *s);
DYAD_API const char *dyad_dictset_kind(const dyad_dictset *s, size_t i);
DYAD_API const char *dyad_dictset_path(const dyad_dictset *s, size_t i);
/** Cap the length of a dictionary line (bytes; longer lines are malformed
 *  entries, reported and skipped); 0 = the default, 65,536. */
DYAD_API void dyad_dictset_set_max_line(dyad_dictset *s, size_t max_line);
/** PETR_config.ini's require_dyad (1/0), or -1 when not given. */
DYAD_API int dyad_dictset_require_dyad(const dyad_dictset *s);
/** The TABARI .options file named by the project, or NULL. */
DYAD_API const char *dyad_dictset_options_file(const dyad_dictset *s);

/**
 * Load a model that codes with the peers' dictionaries in s (and dyad's own
 * tokenizer, tagger and lemmatizer), as docs/COMPAT.md describes. Each
 * malformed entry becomes a warning "file:line: reason" and is skipped; a
 * file that cannot be read fails the load (NULL, *err says which). The
 * model is read-only and thread-safe like any other.
 */
DYAD_API dyad_model *dyad_model_load_dictset(const dyad_dictset *s, dyad_error *err);
/** Files a dictset model was loaded from: one summary line each, "PATH:
 *  KIND (DIALECT): N entries, M malformed, K notes, T ms"; 0 / NULL for a
 *  model of dyad's own dictionaries. */
DYAD_API size_t dyad_model_file_count(const dyad_model *m);
DYAD_API const char *dyad_model_file_summary(const dyad_model *m, size_t i);
/** Non-zero when m codes with the peers' dictionaries. */
DYAD_API int dyad_model_is_peer(const dyad_model *m);

/* --- the peers' validation suites (dyad validate) -------------------------- */

/** dyad_validate flag: print passing records too (failing ones always are). */
#define DYAD_VALIDATE_VERBOSE (1u << 16)

/**
 * Run a peer's validation suite and write the report to out: each failing
 * record with its expected and produced (source, target, code) sets, a table
 * per category, and a last line "passed N of M". path is PETRARCH's unit-test
 * XML (.xml: its <Environment> names the dictionaries, looked up in dict_dir,
 * default FILE's folder/../dictionaries, also DIR/dictionaries/NAME;
 * require_dyad applies; records with sentence="false" are not counted) or
 * TABARI's Validate.text (dict_dir: a folder with the .project file, default
 * the file's folder; records that only set options are not counted; it
 * stops at the end of the standard records). flags: DYAD_OPT_IGNORE_PARSE,
 * DYAD_VALIDATE_VERBOSE. Sets *passed and *total (may be NULL). Returns
 * DYAD_OK when the suite ran (whatever the counts), else an error in err.
 */
DYAD_API dyad_status dyad_validate(const char *path, const char *dict_dir, unsigned flags,
                                   FILE *out, size_t *passed, size_t *total, dyad_error *err);

/**
 * Convert one PETRARCH2 or TABARI dictionary file of KIND into dyad's own
 * format (docs/DICTIONARIES.md), written to out; what dyad's format cannot
 * express becomes a comment line "# not converted (reason): entry". A
 * one-line summary (entries, malformed, converted, not converted by reason)
 * goes to report (may be NULL). DYAD_ERR_IO when the file cannot be read or
 * out cannot be written.
 */
DYAD_API dyad_status dyad_dict_convert(const char *kind, const char *path, FILE *out,
                                       FILE *report, dyad_error *err);

/* --- end of the peers' dictionaries ---------------------------------------- */

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
