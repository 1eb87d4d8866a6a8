/* store_pg.c: the PostgreSQL backend of the store (libpq), same schema and
** behaviour as SQLite; '?' placeholders become $1..$n. */
#include "storeInt.h"

#include <libpq-fe.h>
#include <string.h>

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
    "CREATE INDEX events_sdyad ON events(source_code, target_code, goldstein);"
    "CREATE INDEX events_tcode ON events(target_code, goldstein);",
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
    neS_fail(s, NE_ERROR, "postgresql: %s: %s", what, r ? PQresultErrorMessage(r) : PQerrorMessage(s->conn));
    /* drop the trailing newline libpq adds */
    size_t n = strlen(s->errmsg);
    while (n && (s->errmsg[n - 1] == '\n' || s->errmsg[n - 1] == ' ')) s->errmsg[--n] = 0;
    PQclear(r);
    return NE_ERROR;
}

static int pg_exec(ne_store *s, const char *sql, int np, const char *const *params, neS_row_fn fn, void *ctx) {
    char q[8192];
    if (pg_placeholders(sql, q, sizeof q)) return neS_fail(s, NE_TOOBIG, "postgresql: statement too long");
    PGresult *r = PQexecParams(s->conn, q, np, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return pg_result_fail(s, r, "exec");
    if (fn && st == PGRES_TUPLES_OK) {
        int rows = PQntuples(r), cols = PQnfields(r);
        const char *vals[64];
        if (cols > 64) cols = 64;
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) vals[c] = PQgetisnull(r, i, c) ? NULL : PQgetvalue(r, i, c);
            if (fn(ctx, cols, vals)) break;
        }
    }
    PQclear(r);
    return NE_OK;
}

static int pg_script(ne_store *s, const char *sql) {
    PGresult *r = PQexec(s->conn, sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return pg_result_fail(s, r, "exec");
    PQclear(r);
    return NE_OK;
}

static void pg_close(ne_store *s) {
    if (s->conn) PQfinish(s->conn);
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
    PGconn *c = PQconnectdb(uri);
    s->conn = c;
    if (!c) return neS_fail(s, NE_NOMEM, "out of memory");
    if (PQstatus(c) != CONNECTION_OK) {
        neS_fail(s, NE_IO, "postgresql: cannot connect: %s", PQerrorMessage(c));
        size_t n = strlen(s->errmsg);
        while (n && s->errmsg[n - 1] == '\n') s->errmsg[--n] = 0;
        return NE_IO;
    }
    PQsetNoticeProcessor(c, pg_quiet, NULL);
    return pg_script(s, "SET client_min_messages = warning");
}
