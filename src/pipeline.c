/* pipeline.c: the public API. Opens the engine (each stage loads its
** knowledge), runs the stages over one article in order, and hands out the
** results.  Data flows one way: text -> sentences/tokens -> lemmas ->
** mentions (actors, places, times, quotes) -> coreference -> events ->
** headline -> output. */
#include "neInt.h"
#include "dict.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef NE_DATA_DIR
#define NE_DATA_DIR "/usr/local/share/newsevents"
#endif

const char *ne_version(void) { return NE_VERSION; }

const char *ne_errstr(int rc) {
    switch (rc) {
    case NE_OK: return "ok";
    case NE_ERROR: return "error";
    case NE_NOMEM: return "out of memory";
    case NE_INVALID: return "invalid input";
    case NE_IO: return "input/output error";
    case NE_TOOBIG: return "input over the size limit";
    case NE_DATA: return "malformed data file";
    case NE_NOTFOUND: return "not found";
    default: return "unknown error";
    }
}

int ne_engine_fail(struct ne_engine *e, int rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->errmsg, sizeof e->errmsg, fmt, ap);
    va_end(ap);
    return rc;
}

static char *dup_str(const char *s) {
    size_t n = strlen(s);
    char *p = neM_malloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
}

/* The dictionaries (the largest part of engine open) load in a thread of
** their own while the other stages load: they need only the abbreviations
** (the tokenizer's), and they load into a copy of the engine, so that an
** error message of either side cannot overwrite the other's. */
typedef struct dict_job {
    ne_engine copy;
    int rc;
} dict_job;

static void *dict_load(void *arg) {
    dict_job *job = arg;
    job->rc = neDict_load(&job->copy);
    return NULL;
}

/* Stage loaders in dependency order (patterns need lemmas and CAMEO codes;
** the dictionaries, in parallel, the abbreviations).  The error reported is
** the first in the serial order sentences, lemmas, CAMEO, dictionaries,
** patterns, time words, cues, headlines, dual phrases. */
static int engine_load(ne_engine *e) {
    int rc = neSent_load(e);
    if (rc != NE_OK) return rc;
    dict_job *job = neM_malloc(sizeof *job);
    if (!job) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    job->copy = *e;
    pthread_t th;
    int threaded = pthread_create(&th, NULL, dict_load, job) == 0;
    if (!threaded) dict_load(job);
    rc = neLemma_load(e);
    if (rc == NE_OK) rc = neCameo_load(e);
    int later = NE_OK; /* reported only when the dictionaries loaded */
    if (rc == NE_OK) later = nePattern_load(e);
    if (rc == NE_OK && later == NE_OK) later = neTimex_load(e);
    if (rc == NE_OK && later == NE_OK) later = neQuote_load(e);
    if (rc == NE_OK && later == NE_OK) later = neHeadline_load(e);
    if (rc == NE_OK && later == NE_OK) later = neCoref_load(e);
    if (threaded) pthread_join(th, NULL);
    e->dict = job->copy.dict;
    if (rc == NE_OK && job->rc != NE_OK) {
        memcpy(e->errmsg, job->copy.errmsg, sizeof e->errmsg);
        rc = job->rc;
    }
    neM_free(job);
    return rc != NE_OK ? rc : later;
}

int ne_engine_open(ne_engine **out, const ne_options *opts) {
    ne_engine *e = neM_calloc(1, sizeof *e);
    *out = e;
    if (!e) return NE_NOMEM;
    const char *dir = opts && opts->data_dir ? opts->data_dir : getenv("NEWSEVENTS_DATA");
    if (!dir || !*dir) dir = NE_DATA_DIR;
    const char *wn = opts && opts->wordnet_dir ? opts->wordnet_dir : NE_WORDNET_DIR;
    e->data_dir = dup_str(dir);
    e->wordnet_dir = dup_str(wn);
    e->explain = opts ? opts->explain : 0;
    if (!e->data_dir || !e->wordnet_dir) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    e->extra_dicts = opts ? opts->extra_dicts : NULL;
    e->n_extra_dicts = opts && opts->extra_dicts ? opts->n_extra_dicts : 0;
    int rc = engine_load(e);
    e->extra_dicts = NULL;
    e->n_extra_dicts = 0;
    return rc;
}

void ne_engine_close(ne_engine *e) {
    if (!e) return;
    neSent_free(e->abbrevs);
    neLemma_free(e->lexicon);
    neCameo_free(e->cameo);
    neDict_free(e->dict);
    nePattern_free(e->patterns);
    neW_free(e->timewords);
    neW_free(e->cues);
    neW_free(e->stopwords);
    neW_free(e->duals);
    neM_free(e->dual_words);
    neM_free(e->data_dir);
    neM_free(e->wordnet_dir);
    neM_free(e);
}

const char *ne_engine_errmsg(const ne_engine *e) { return e ? e->errmsg : "out of memory"; }

/* ---- documents ---- */

int ne_doc_fail(struct ne_doc *d, int rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->errmsg, sizeof d->errmsg, fmt, ap);
    va_end(ap);
    neU_utf8_cut(d->errmsg);
    return rc;
}

int ne_doc_warn(struct ne_doc *d, const char *fmt, ...) {
    char msg[256];
    /* bounded: past NE_MAX_WARNINGS one last line counts what was left out */
    if (d->warnings.n > NE_MAX_WARNINGS) {
        d->warnings_dropped += d->warnings_dropped ? 1 : 2; /* this one and the one it replaces */
        const char **last = NE_VEC_AT(d->warnings, const char *, d->warnings.n - 1);
        *last = neA_printf(&d->arena, "%zu more warnings not shown", d->warnings_dropped);
        return *last ? NE_OK : NE_NOMEM;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    neU_utf8_cut(msg); /* a message cut at the buffer's end must stay valid UTF-8 */
    const char **slot = neV_push(&d->arena, &d->warnings);
    if (!slot) return NE_NOMEM;
    *slot = neA_strndup(&d->arena, msg, strlen(msg));
    return *slot ? NE_OK : NE_NOMEM;
}

/* Forget the previous article: every field of struct ne_doc goes back to its
** state in a new document, by construction (a field added later is reset
** too; the field-by-field reset this replaces had missed main_cc), except
** the three kept for reuse: the arena's blocks, the output buffer's memory and
** the lemma cache (lcache, lemmas of words already seen: valid across articles). */
static void doc_reset(ne_doc *d) {
    neA_reset(&d->arena);
    neB_reset(&d->out);
    *d = (ne_doc){.arena = d->arena, .out = d->out, .lcache = d->lcache, .seg = {"", ""}};
    neV_init(&d->warnings, sizeof(const char *));
    neV_init(&d->sentences, sizeof(ne_sentence));
    neV_init(&d->tokens, sizeof(ne_token));
    neV_init(&d->actors, sizeof(ne_actor));
    neV_init(&d->actor_info, sizeof(ne_actor_info));
    neV_init(&d->places, sizeof(ne_place));
    neV_init(&d->timexes, sizeof(ne_timex));
    neV_init(&d->quotes, sizeof(ne_quote));
    neV_init(&d->events, sizeof(ne_event));
    neV_init(&d->body_sents, sizeof(ne_span));
}

ne_doc *ne_doc_new(void) {
    ne_doc *d = neM_calloc(1, sizeof *d);
    if (!d) return NULL;
    neA_init(&d->arena);
    neB_init(&d->out, (size_t)1 << 30);
    doc_reset(d);
    return d;
}

void ne_doc_free(ne_doc *d) {
    if (!d) return;
    neA_free(&d->arena);
    neB_free(&d->out);
    neLemma_cache_free(d->lcache);
    neM_free(d);
}

const char *ne_doc_errmsg(const ne_doc *d) { return d ? d->errmsg : "out of memory"; }

/* The message for a failed stage when it set none. */
static int finish(ne_doc *d, int rc) {
    if (rc == NE_NOMEM && !d->errmsg[0]) ne_doc_fail(d, rc, "out of memory");
    else if (rc != NE_OK && !d->errmsg[0]) ne_doc_fail(d, rc, "%s", ne_errstr(rc));
    return rc;
}

/* The stages after text preparation, in order. */
typedef int (*ne_stage_fn)(struct ne_doc *, const struct ne_engine *);
static const ne_stage_fn stages[] = {
    neSent_split, neLemma_tag, neActor_find, nePlace_find, neTimex_find,
    neQuote_find, neCoref_resolve, neQuote_settle, neEvent_find, neHeadline_score,
};
/* Their names for the benchmark hook; index 0 is text preparation. */
static const char *const stage_names[] = {
    "text", "sentences", "lemmas", "actors", "places", "timexes",
    "quotes", "coref", "quote-settle", "events", "headline",
};
_Static_assert(sizeof stage_names / sizeof stage_names[0] == 1 + sizeof stages / sizeof stages[0],
               "every stage needs a name");

double *nePipe_clock;

size_t nePipe_stage_count(void) { return sizeof stage_names / sizeof stage_names[0]; }
const char *nePipe_stage_name(size_t i) { return i < nePipe_stage_count() ? stage_names[i] : NULL; }

static double now_secs(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Run the stages, timing each one into nePipe_clock (the benchmark's hook). */
static int run_timed(const ne_engine *e, ne_doc *d, const ne_article *a) {
    double t = now_secs(), u;
    int rc = neText_prepare(d, a);
    nePipe_clock[0] += (u = now_secs()) - t;
    for (size_t i = 0; rc == NE_OK && i < sizeof stages / sizeof stages[0]; i++) {
        rc = stages[i](d, e);
        nePipe_clock[i + 1] += (t = now_secs()) - u;
        u = t;
    }
    return rc;
}

int ne_code(const ne_engine *e, ne_doc *d, const ne_article *a) {
    if (!d) return NE_INVALID;
    doc_reset(d);
    if (!e || !a) return ne_doc_fail(d, NE_INVALID, "no engine or article");
    d->explain = e->explain;
    if (nePipe_clock) return finish(d, run_timed(e, d, a));
    int rc = neText_prepare(d, a);
    for (size_t i = 0; rc == NE_OK && i < sizeof stages / sizeof stages[0]; i++) rc = stages[i](d, e);
    return finish(d, rc);
}

int ne_doc_write(ne_doc *d, int format, const char **out, size_t *len) {
    *out = NULL;
    *len = 0;
    neB_reset(&d->out);
    int rc = format == NE_FORMAT_JSON ? neOut_json(d) : format == NE_FORMAT_TSV ? neOut_tsv(d) : NE_INVALID;
    if (rc == NE_OK) rc = d->out.err;
    if (rc != NE_OK) return ne_doc_fail(d, rc, "cannot write output: %s", ne_errstr(rc));
    *out = d->out.p ? d->out.p : "";
    *len = d->out.len;
    return NE_OK;
}

/* ---- accessors ---- */
#define VEC_GETTER(fn, T, field)                                      \
    const T *fn(const ne_doc *d, size_t *n) {                         \
        *n = d->field.n;                                              \
        return (const T *)d->field.items;                             \
    }
VEC_GETTER(ne_doc_events, ne_event, events)
VEC_GETTER(ne_doc_actors, ne_actor, actors)
VEC_GETTER(ne_doc_places, ne_place, places)
VEC_GETTER(ne_doc_timexes, ne_timex, timexes)
VEC_GETTER(ne_doc_quotes, ne_quote, quotes)
VEC_GETTER(ne_doc_sentences, ne_span, body_sents)

const char *const *ne_doc_warnings(const ne_doc *d, size_t *n) {
    *n = d->warnings.n;
    return (const char *const *)d->warnings.items;
}
const ne_headline *ne_doc_headline(const ne_doc *d) { return &d->headline; }
const char *ne_doc_id(const ne_doc *d) { return d->id; }
const char *ne_doc_date(const ne_doc *d) { return d->date; }
const char *ne_doc_text(const ne_doc *d, size_t *len) {
    *len = d->seg_len[0];
    return d->seg[0];
}
const char *ne_doc_title(const ne_doc *d, size_t *len) {
    *len = d->seg_len[1];
    return d->seg[1];
}
