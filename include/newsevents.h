/*
** newsevents.h: the one public header of the newsevents library.
** Turns news articles into CAMEO-coded political events with their actors,
** places, dates, quotations and evidence.  Everything not declared here is
** private to the library.
**
** Typical use:
**     ne_engine *e; ne_doc *d;
**     if (ne_engine_open(&e, NULL) != NE_OK) { ...ne_engine_errmsg(e)...; }
**     d = ne_doc_new();
**     ne_article a = {0}; a.id = "1"; a.id_len = 1; a.text = txt; a.text_len = n;
**     if (ne_code(e, d, &a) == NE_OK) { const char *js; size_t len;
**         ne_doc_write(d, NE_FORMAT_JSON, &js, &len); fwrite(js, 1, len, stdout); }
**     ne_doc_free(d); ne_engine_close(e);
**
** Threads: an ne_engine is read-only after ne_engine_open() and may be shared
** by any number of threads; an ne_doc belongs to one thread at a time.
*/
#ifndef NEWSEVENTS_H
#define NEWSEVENTS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NE_VERSION "0.1.0"

/* Result codes.  These values are part of the ABI and are never renumbered. */
#define NE_OK 0        /* success */
#define NE_ERROR 1     /* generic error; see the message */
#define NE_NOMEM 2     /* an allocation failed; nothing was leaked */
#define NE_INVALID 3   /* bad argument or malformed input record */
#define NE_IO 4        /* a file could not be read or written */
#define NE_TOOBIG 5    /* input over a documented limit */
#define NE_DATA 6      /* a dictionary or table file is malformed */
#define NE_NOTFOUND 7  /* a requested item does not exist */

/* Output formats for ne_doc_write(). */
#define NE_FORMAT_JSON 0 /* one JSON object (the output contract), newline-terminated */
#define NE_FORMAT_TSV 1  /* one line per event, tab-separated (docs/FORMATS.md) */

/* Documented limits (docs/ROBUSTNESS.md). */
#define NE_MAX_ARTICLE_BYTES ((size_t)64 * 1024 * 1024) /* larger text or title: NE_TOOBIG */

/* ------------------------------------------------------------------------ */
/* Version                                                                  */

/* The library version string, e.g. "0.1.0".  Static storage. */
const char *ne_version(void);

/* The English text for a result code.  Static storage; never NULL. */
const char *ne_errstr(int rc);

/* ------------------------------------------------------------------------ */
/* Engine: dictionaries, patterns and tables, loaded once                   */

typedef struct ne_engine ne_engine;

typedef struct ne_options {
    /* Directory holding the knowledge files (dictionaries/, patterns, tables).
    ** NULL: the environment variable NEWSEVENTS_DATA, then the directory
    ** compiled in at build time. */
    const char *data_dir;
    /* Directory holding WordNet's dict files (index.verb, verb.exc, ...).
    ** NULL: /usr/share/wordnet. Missing files degrade lemmas to suffix rules. */
    const char *wordnet_dir;
    /* Extra actor dictionary files to load after the shipped ones (may be NULL). */
    const char *const *extra_dicts;
    size_t n_extra_dicts;
    /* Nonzero: keep per-event explanation (pattern and rule) in the output. */
    int explain;
} ne_options;

/* Load all knowledge files and build the matchers.
** *out is always set: to a new engine on NE_OK, and on failure to an engine
** that only carries the error message (read it with ne_engine_errmsg, then
** ne_engine_close it), or to NULL when even that could not be allocated
** (NE_NOMEM).  opts may be NULL for defaults. */
int ne_engine_open(ne_engine **out, const ne_options *opts);

/* Free an engine.  Accepts NULL. */
void ne_engine_close(ne_engine *e);

/* The message of the last failure on this engine, "FILE:LINE: reason" for data
** errors.  Owned by the engine, valid until the next call on it.  Never NULL. */
const char *ne_engine_errmsg(const ne_engine *e);

/* Validate the dictionaries under dir (actor_codes.txt, actors/, roles.txt,
** nominals.txt, places/; docs/DICTIONARIES.md): syntax, duplicate names and
** keys, overlapping date ranges, unknown country/international codes and
** role groups; and, when dir has a patterns/ folder, every line of its pattern
** files (docs/PATTERNS.md) against cameo/codes.tsv.  Each problem is passed to report (may be NULL) as one
** "FILE:LINE: reason" string, valid during the call.  Returns NE_OK when
** clean, NE_DATA when problems were reported, NE_NOMEM or NE_IO otherwise;
** *nerrors gets the number of problems and *nentries the entries read. */
int ne_dict_check(const char *dir, void (*report)(void *ctx, const char *msg), void *ctx,
                  size_t *nerrors, size_t *nentries);

/* Compile the dictionaries under dir (as ne_dict_check reads them) into the
** binary snapshot engine open reads instead of the text when it is current
** (docs/DICTIONARIES.md, "Compiled snapshot"): written to out, or to
** dir/dictionaries.snap when out is NULL (then also the WordNet lemmas, to
** dir/lemmas.snap, and the parsed pattern files, to dir/patterns.snap:
** docs/PATTERNS.md, "Compiled snapshot"), each through a temporary file
** renamed over it.  Returns NE_OK, NE_DATA (a bad dictionary line), NE_IO or
** NE_NOMEM, with the reason in errmsg (errcap bytes, may be NULL). */
int ne_dict_compile(const char *dir, const char *out, char *errmsg, size_t errcap);

/* ------------------------------------------------------------------------ */
/* Articles in, documents out                                               */

/* One input article.  Strings are (pointer, length) and need not be
** NUL-terminated; NULL pointers mean "absent".  The caller keeps ownership;
** ne_code() copies what it needs. */
typedef struct ne_article {
    const char *id;     size_t id_len;     /* required */
    const char *text;   size_t text_len;   /* required; UTF-8 (repaired if not) */
    const char *title;  size_t title_len;
    const char *date;   size_t date_len;   /* YYYY-MM-DD publication date */
    const char *url;    size_t url_len;
    const char *source; size_t source_len;
} ne_article;

/* Is s[0..n) a YYYY-MM-DD date that exists ("2024-02-29" yes, "2023-02-29",
** "2024-4-1" no): the test ne_code() applies to an article's date, which it
** ignores with a warning when the test fails.  Returns 1 or 0. */
int ne_date_valid(const char *s, size_t n);

/* Parse one JSON Lines record (the input contract) into *a.  The strings in
** *a point into *scratch, which the caller frees with ne_free() after use
** (also on failure, where it may be NULL).  On failure returns NE_INVALID and
** writes a one-line reason (no file/line prefix) into errbuf. */
int ne_article_from_json(const char *line, size_t len, ne_article *a,
                         void **scratch, char *errbuf, size_t errlen);

/* Length of the valid UTF-8 sequence that starts s (n bytes readable): 1 to
** 4, or 0 when s starts none (a stray "\xfc", an overlong "\xc0\xaf", a
** surrogate, a code point past U+10FFFF) or n is 0.  The test the text stage
** repairs input with (each byte that starts no sequence becomes U+FFFD). */
size_t ne_utf8_len(const char *s, size_t n);

/* s[0..n) as a JSON string literal with its quotes (RFC 8259 escaping),
** malloc'd (free with ne_free), or NULL when out of memory. */
char *ne_json_quote(const char *s, size_t n);

/* Free memory handed out by the library (ne_article_from_json scratch). */
void ne_free(void *p);

typedef struct ne_doc ne_doc;

/* A new, empty document workspace.  NULL when out of memory.  One ne_doc may
** be reused for any number of articles; its memory is recycled. */
ne_doc *ne_doc_new(void);

/* Free a document.  Accepts NULL. */
void ne_doc_free(ne_doc *d);

/* Code one article into d, replacing what d held.  Returns NE_OK (the
** document may still carry warnings), NE_INVALID for a record that cannot be
** coded (missing id or text), NE_TOOBIG, or NE_NOMEM.  On failure the message
** is in ne_doc_errmsg(d).  Never prints, exits or aborts. */
int ne_code(const ne_engine *e, ne_doc *d, const ne_article *a);

/* The message of the last failure on d; "" when none.  Owned by d. */
const char *ne_doc_errmsg(const ne_doc *d);

/* Serialize the coded document.  *out points into memory owned by d, valid
** until the next ne_code() or ne_doc_free() on d.  NE_FORMAT_JSON gives one
** line ending in '\n'; NE_FORMAT_TSV gives zero or more lines. */
int ne_doc_write(ne_doc *d, int format, const char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Reading results                                                          */
/* All pointers below are owned by the ne_doc and valid until the next      */
/* ne_code() or ne_doc_free() on it.  Strings are NUL-terminated and UTF-8; */
/* NULL means absent (JSON null).  Spans are [start, end) byte offsets into */
/* the article text (or the title when in_title is set).                    */

typedef struct ne_span { uint32_t start, end; } ne_span;

/* Kinds of actor mention. */
#define NE_ACTOR_NAMED 0    /* matched a dictionary entry by name */
#define NE_ACTOR_COMPOSED 1 /* country + role words: "Iranian officials" */
#define NE_ACTOR_PRONOUN 2  /* he/she/they/it, resolved through `ref` */
#define NE_ACTOR_NOMINAL 3  /* "the group", "the ministry": resolved through `ref` */
#define NE_ACTOR_UNKNOWN 4  /* capitalized name that matched nothing */

typedef struct ne_actor {
    const char *text;     /* as written */
    const char *name;     /* canonical name, or NULL */
    const char *code;     /* CAMEO-style code, e.g. "IRNMIL", or NULL */
    const char *country;  /* ISO 3166-1 alpha-3, IGO/IMG/NGO/MNC..., or NULL */
    const char *role;     /* GOV, MIL, COP, REB, OPP, ... or NULL */
    ne_span span;
    int sentence;         /* index of the sentence holding the mention */
    int in_title;
    int kind;             /* NE_ACTOR_* */
    int ref;              /* index in ne_doc_actors() of what it refers to, or -1 */
} ne_actor;

typedef struct ne_place {
    const char *text, *name;
    const char *country;  /* ISO alpha-3 or NULL */
    const char *admin1;   /* first-level region name or NULL */
    double lat, lon;
    int has_coords;
    ne_span span;
    int sentence, in_title;
} ne_place;

typedef struct ne_timex {
    const char *text;
    const char *value;    /* TIMEX3 value: 2024-01-16, 2024-W02, P1M, PAST_REF ... */
    const char *type;     /* DATE, TIME, DURATION, SET */
    ne_span span;
    int sentence, in_title;
} ne_timex;

typedef struct ne_quote {
    const char *text;     /* the quoted words, without the quote marks */
    ne_span span;         /* of the quoted words */
    int speaker;          /* index in ne_doc_actors(), or -1 */
    const char *unresolved; /* e.g. "he" when the speaker could not be resolved */
    const char *cue;      /* the cue verb ("said", "according to"), or NULL */
    int sentence;
} ne_quote;

typedef struct ne_event {
    ne_actor source, target;  /* resolved actors; has_* says whether present */
    int has_source, has_target;
    char code[8];             /* CAMEO code, e.g. "195" */
    char root[4];             /* "19" */
    int quad_class;           /* 1..4 */
    double goldstein;         /* -10..10 */
    const char *plover;       /* PLOVER category, e.g. "ASSAULT" */
    const char *date;         /* YYYY-MM-DD / YYYY-MM / YYYY or NULL */
    int date_from_doc;        /* 1 when the date is the document date by default */
    int location;             /* index in ne_doc_places(), or -1 */
    int sentence, in_title;
    ne_span span;             /* of the evidence: the clause or sentence */
    const char *evidence;     /* the text of span */
    double confidence;        /* 0..1 */
    int mentions;             /* times this (source, target, code, date) was seen */
    const char *reported_by;  /* who reported it ("Iran said ..."), or NULL */
    const char *pattern;      /* with explain: the pattern that matched */
    const char *rule;         /* with explain: the rule that assigned the actors */
} ne_event;

typedef struct ne_headline {
    int present;   /* 0 when the article has no title */
    int related;   /* 1 when the title is about the body */
    double score;  /* 0..1 */
} ne_headline;

const ne_event *ne_doc_events(const ne_doc *d, size_t *n);
const ne_actor *ne_doc_actors(const ne_doc *d, size_t *n);
const ne_place *ne_doc_places(const ne_doc *d, size_t *n);
const ne_timex *ne_doc_timexes(const ne_doc *d, size_t *n);
const ne_quote *ne_doc_quotes(const ne_doc *d, size_t *n);
const ne_headline *ne_doc_headline(const ne_doc *d);
/* Warnings on the record (e.g. "invalid UTF-8 replaced at byte 12"). */
const char *const *ne_doc_warnings(const ne_doc *d, size_t *n);
/* The article as coded: id, date (may be NULL), and text/title after UTF-8
** repair (the bytes that spans refer to). */
const char *ne_doc_id(const ne_doc *d);
const char *ne_doc_date(const ne_doc *d);
const char *ne_doc_text(const ne_doc *d, size_t *len);
const char *ne_doc_title(const ne_doc *d, size_t *len);
/* Sentences, as spans into the text (title sentences are not included). */
const ne_span *ne_doc_sentences(const ne_doc *d, size_t *n);

/* Near-duplicate fingerprint of the coded article: SimHash-64 over word
** 3-shingles of the body (docs/STORE.md).  0 for an empty text. */
uint64_t ne_doc_simhash(const ne_doc *d);
/* Hamming distance between two fingerprints (0..64). */
int ne_simhash_distance(uint64_t a, uint64_t b);

/* ------------------------------------------------------------------------ */
/* Store: SQLite by default, PostgreSQL for a shared server (docs/STORE.md)  */

typedef struct ne_store ne_store;

/* Open (creating or migrating the schema) the store at uri: a file path for
** SQLite, or "postgresql://..." / "postgres://..." for PostgreSQL.
** *out is set as for ne_engine_open: on failure it may hold a store that only
** carries the message (read it, then ne_store_close it). */
int ne_store_open(ne_store **out, const char *uri);
/* Close a store.  Accepts NULL.  Rolls back an open transaction. */
void ne_store_close(ne_store *s);
/* Message of the last failure on s.  Owned by s; never NULL. */
const char *ne_store_errmsg(const ne_store *s);

/* Transactions: ne_store_add() calls between begin and commit are stored
** all together or not at all. */
int ne_store_begin(ne_store *s);
int ne_store_commit(ne_store *s);
int ne_store_rollback(ne_store *s);

/* Store one coded document: the article, its events (merged with the same
** event from other articles), actors, places, quotes and time expressions.
** *added is 1 when stored, 0 when the article was already there (same id, or
** the same text under another id).  NE_OK either way. */
int ne_store_add(ne_store *s, ne_doc *d, int *added);

/* Event filters; NULL/0 fields do not filter. */
typedef struct ne_query {
    const char *country;          /* ISO alpha-3 of source or target */
    const char *dyad_a, *dyad_b;  /* source and target country or code prefix, either direction */
    const char *code;             /* exact CAMEO code */
    const char *root;             /* CAMEO root "19" */
    int quad;                     /* 1..4 */
    const char *since, *until;    /* YYYY-MM-DD, inclusive */
    const char *text;             /* words to find in the articles (full text) */
    long limit;                   /* 0: 1000 */
    long offset;
} ne_query;

/* One stored (merged) event. Strings may be NULL. */
typedef struct ne_event_row {
    long long id;
    const char *source_code, *source_name, *source_country, *source_role;
    const char *target_code, *target_name, *target_country, *target_role;
    const char *code, *root;
    int quad_class;
    double goldstein;
    const char *plover, *date;
    const char *location_name, *location_country;
    double lat, lon;
    int has_coords;
    long num_mentions, num_sources, num_articles;
    const char *evidence;     /* first mention's evidence */
    const char *article_ids;  /* ids of the articles that report it, separated by byte 0x1F */
    const char *first_url;    /* URL of the first article, or NULL */
    const char *added;        /* when first stored, YYYY-MM-DD HH:MM:SS UTC */
} ne_event_row;

/* Rows are valid only during the callback; a nonzero return stops the scan. */
typedef int (*ne_event_cb)(void *ctx, const ne_event_row *row);
int ne_store_events(ne_store *s, const ne_query *q, ne_event_cb cb, void *ctx);

/* The row as one JSON object (no newline): a malloc'd string to free with
** ne_free(), or NULL when out of memory. */
char *ne_event_row_json(const ne_event_row *r);

/* Aggregates: period (day YYYY-MM-DD, week YYYY-Www, month YYYY-MM) or key
** (actor code or "A,B" dyad), with event count and Goldstein sum. */
typedef struct ne_agg_row {
    const char *key;
    long events;
    double goldstein;
} ne_agg_row;
typedef int (*ne_agg_cb)(void *ctx, const ne_agg_row *row);
/* Events between a and b (countries or code prefixes, both directions) per period.
** by: "day", "week" or "month". */
int ne_store_timeline(ne_store *s, const char *a, const char *b, const char *by, ne_agg_cb cb, void *ctx);
/* The most active actors (what = "actors") or dyads ("dyads"), by event count. */
int ne_store_top(ne_store *s, const char *what, long limit, ne_agg_cb cb, void *ctx);

/* Mentions of one event (for the GDELT mentions table), in article order. */
typedef struct ne_mention_row {
    long long event_id;
    const char *article_id, *url, *source, *article_date;
    int sentence;
    uint32_t start, end;
    double confidence;
    int in_title;
} ne_mention_row;
typedef int (*ne_mention_cb)(void *ctx, const ne_mention_row *row);
int ne_store_mentions(ne_store *s, const ne_query *q, ne_mention_cb cb, void *ctx);

/* The coded JSON (output contract) and text of a stored article, by id.
** *json and *text are malloc'd; free with ne_free().  NE_NOTFOUND if absent. */
int ne_store_article(ne_store *s, const char *id, char **json, char **text);

/* Counts: articles, events, mentions stored. */
int ne_store_counts(ne_store *s, long long *articles, long long *events, long long *mentions);

#ifdef __cplusplus
}
#endif
#endif /* NEWSEVENTS_H */
