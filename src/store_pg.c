/* store_pg.c: the PostgreSQL backend of the store (libpq), same schema and
** behaviour as SQLite; '?' placeholders become $1..$n.  libpq is loaded with
** dlopen when the first postgresql:// store opens, so that a program that
** never uses PostgreSQL does not load it and its ~20 libraries at every start. */
#include "storeInt.h"

#include <dlfcn.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* The libpq functions this file calls, resolved once by pq_load. */
#define PQ_FUNCS(X)                                                                                            \
    X(PQclear) X(PQconnectdb) X(PQerrorMessage) X(PQexec) X(PQexecParams) X(PQfinish) X(PQgetisnull)          \
    X(PQgetvalue) X(PQnfields) X(PQntuples) X(PQresultErrorMessage) X(PQresultStatus)                         \
    X(PQsetNoticeProcessor) X(PQstatus)
#define PQ_FIELD(f) __typeof__(f) *f;
static struct { PQ_FUNCS(PQ_FIELD) } pq;
static pthread_once_t pq_once = PTHREAD_ONCE_INIT;
static int pq_ok;          /* set by pq_load when every function resolved */
static char pq_error[256]; /* else why not */

/* libpq's soname: 5 since PostgreSQL 8.0 (the bare name needs the -dev package). */
static const char *const pq_names[] = {"libpq.so.5", "libpq.so"};

/* Run once (pthread_once in neS_open_pg): sets pq_ok, or pq_error and closes
** the library again.  The error names the soname tried first and dlerror's
** reason for it (dlerror keeps only the last failure, the fallback's). */
static void pq_load(void) {
    void *h = dlopen(pq_names[0], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        snprintf(pq_error, sizeof pq_error, "cannot load libpq: %s", why ? why : pq_names[0]);
        for (size_t i = 1; !h && i < sizeof pq_names / sizeof pq_names[0]; i++)
            h = dlopen(pq_names[i], RTLD_NOW | RTLD_LOCAL);
        if (!h) return;
    }
#define PQ_RESOLVE(f)                                                                                          \
    if (!(pq.f = (__typeof__(pq.f))dlsym(h, #f))) {                                                             \
        snprintf(pq_error, sizeof pq_error, "libpq has no %s", #f);                                            \
        memset(&pq, 0, sizeof pq);                                                                             \
        dlclose(h);                                                                                            \
        return;                                                                                                \
    }
    PQ_FUNCS(PQ_RESOLVE)
#undef PQ_RESOLVE
    pq_ok = 1;
}

static const char *const migrations[] = {
    /* 1: the initial schema (docs/STORE.md) */
    "CREATE TABLE articles ("
    " id BIGSERIAL PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL UNIQUE,"
    " simhash BIGINT NOT NULL, cluster_id BIGINT,"
    " title TEXT, text TEXT NOT NULL, date TEXT, url TEXT, source TEXT, source_key TEXT,"
    " coded_json TEXT NOT NULL, added TEXT NOT NULL);"
    "CREATE INDEX articles_url ON articles(url);"
    "CREATE INDEX articles_fts ON articles USING GIN (to_tsvector('english', coalesce(title,'') || ' ' || text));"
    "CREATE TABLE events ("
    " id BIGSERIAL PRIMARY KEY, ekey TEXT NOT NULL UNIQUE,"
    " source_code TEXT, source_name TEXT, source_country TEXT, source_role TEXT,"
    " target_code TEXT, target_name TEXT, target_country TEXT, target_role TEXT,"
    " code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER, goldstein DOUBLE PRECISION, plover TEXT,"
    " date TEXT, week TEXT, location_name TEXT, location_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,"
    " num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,"
    " num_articles INTEGER NOT NULL DEFAULT 0, evidence TEXT, added TEXT NOT NULL);"
    "CREATE INDEX events_date ON events(date); CREATE INDEX events_src ON events(source_country, date);"
    "CREATE INDEX events_tgt ON events(target_country, date); CREATE INDEX events_code ON events(code);"
    "CREATE TABLE event_mentions ("
    " event_id BIGINT NOT NULL REFERENCES events(id), article_id BIGINT NOT NULL REFERENCES articles(id),"
    " cluster_id BIGINT, source_key TEXT, sentence INTEGER, span_start INTEGER, span_end INTEGER,"
    " evidence TEXT, confidence DOUBLE PRECISION, in_title INTEGER, mentions INTEGER);"
    "CREATE INDEX mentions_event ON event_mentions(event_id); CREATE INDEX mentions_article ON event_mentions(article_id);"
    "CREATE TABLE actors (article_id BIGINT NOT NULL REFERENCES articles(id), idx INTEGER, text TEXT, name TEXT,"
    " code TEXT, country TEXT, role TEXT, kind TEXT, ref INTEGER, sentence INTEGER, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX actors_article ON actors(article_id); CREATE INDEX actors_code ON actors(code);"
    "CREATE TABLE places (article_id BIGINT NOT NULL REFERENCES articles(id), text TEXT, name TEXT, country TEXT,"
    " admin1 TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, sentence INTEGER, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX places_article ON places(article_id);"
    "CREATE TABLE quotes (article_id BIGINT NOT NULL REFERENCES articles(id), text TEXT, speaker_name TEXT,"
    " speaker_code TEXT, sentence INTEGER, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX quotes_article ON quotes(article_id);"
    "CREATE TABLE timexes (article_id BIGINT NOT NULL REFERENCES articles(id), text TEXT, value TEXT, type TEXT,"
    " sentence INTEGER, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX timexes_article ON timexes(article_id);",
    /* 2: dyad queries and timelines between two countries */
    "CREATE INDEX events_dyad ON events(source_country, target_country, date);",
    /* 3: top actors and dyads from covering indexes instead of a scan of every event */
    ("CREATE INDEX events_sdyad ON events(source_code, target_code, goldstein);"
     "CREATE INDEX events_tcode ON events(target_code, goldstein);"), /* one migration, two statements */
};

/* Rewrite '?' placeholders as $1..$n into out (cap bytes); -1 when too long. */
static int pg_placeholders(const char *sql, char *out, size_t cap) {
    size_t w = 0;
    int n = 0;
    for (const char *p = sql; *p; p++) {
        if (w + 8 >= cap) return -1;
        if (*p == '?') w += (size_t)snprintf(out + w, cap - w, "$%d", ++n);
        else out[w++] = *p;
    }
    out[w] = 0;
    return 0;
}

static int pg_result_fail(ne_store *s, PGresult *r, const char *what) {
    neS_fail(s, NE_ERROR, "postgresql: %s: %s", what, r ? pq.PQresultErrorMessage(r) : pq.PQerrorMessage(s->conn));
    /* drop the trailing newline libpq adds */
    size_t n = strlen(s->errmsg);
    while (n && (s->errmsg[n - 1] == '\n' || s->errmsg[n - 1] == ' ')) s->errmsg[--n] = 0;
    pq.PQclear(r);
    return NE_ERROR;
}

static int pg_exec(ne_store *s, const char *sql, int np, const char *const *params, neS_row_fn fn, void *ctx) {
    char q[8192];
    if (pg_placeholders(sql, q, sizeof q)) return neS_fail(s, NE_TOOBIG, "postgresql: statement too long");
    PGresult *r = pq.PQexecParams(s->conn, q, np, NULL, params, NULL, NULL, 0);
    ExecStatusType st = pq.PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return pg_result_fail(s, r, "exec");
    if (fn && st == PGRES_TUPLES_OK) {
        int rows = pq.PQntuples(r), cols = pq.PQnfields(r);
        const char *vals[NE_STORE_MAX_COLS];
        if (cols > NE_STORE_MAX_COLS) {
            pq.PQclear(r);
            return neS_fail(s, NE_TOOBIG, "postgresql: a result of %d columns (at most %d)", cols, NE_STORE_MAX_COLS);
        }
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) vals[c] = pq.PQgetisnull(r, i, c) ? NULL : pq.PQgetvalue(r, i, c);
            if (fn(ctx, cols, vals)) break;
        }
    }
    pq.PQclear(r);
    return NE_OK;
}

static int pg_script(ne_store *s, const char *sql) {
    PGresult *r = pq.PQexec(s->conn, sql);
    ExecStatusType st = pq.PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return pg_result_fail(s, r, "exec");
    pq.PQclear(r);
    return NE_OK;
}

static void pg_close(ne_store *s) {
    if (s->conn) pq.PQfinish(s->conn);
    s->conn = NULL;
}

static void pg_quiet(void *arg, const char *msg) {
    (void)arg;
    (void)msg; /* the library never prints: NOTICEs are dropped */
}

static const ne_store_backend pg_backend = {
    .name = "postgresql",
    .exec = pg_exec,
    .exec_once = pg_exec,
    .close = pg_close,
    .migrations = migrations,
    .nmigrations = (int)(sizeof migrations / sizeof migrations[0]),
    .script = pg_script,
    .text_filter = "to_tsvector('english', coalesce(a.title,'') || ' ' || a.text) @@ plainto_tsquery('english', ?)",
    .concat_fn = "string_agg(ext_id, chr(31))",
    .fts_insert = NULL,
};

int neS_open_pg(ne_store *s, const char *uri) {
    s->be = &pg_backend;
    pthread_once(&pq_once, pq_load);
    if (!pq_ok) return neS_fail(s, NE_IO, "postgresql: %s", pq_error);
    PGconn *c = pq.PQconnectdb(uri);
    s->conn = c;
    if (!c) return neS_fail(s, NE_NOMEM, "out of memory");
    if (pq.PQstatus(c) != CONNECTION_OK) {
        neS_fail(s, NE_IO, "postgresql: cannot connect: %s", pq.PQerrorMessage(c));
        size_t n = strlen(s->errmsg);
        while (n && s->errmsg[n - 1] == '\n') s->errmsg[--n] = 0;
        return NE_IO;
    }
    pq.PQsetNoticeProcessor(c, pg_quiet, NULL);
    return pg_script(s, "SET client_min_messages = warning");
}
