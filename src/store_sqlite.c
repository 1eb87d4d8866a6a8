/* store_sqlite.c: the SQLite backend of the store (WAL, FTS5, cached
** prepared statements). */
#include "storeInt.h"

#include <sqlite3.h>
#include <string.h>

#define STMT_CACHE 64

typedef struct stmt_cache {
    const char *sql[STMT_CACHE]; /* keyed by the statement text's address: all are static strings */
    sqlite3_stmt *st[STMT_CACHE];
    int n;
} stmt_cache;

static const char *const migrations[] = {
    /* 1: the initial schema (docs/STORE.md) */
    "CREATE TABLE articles ("
    " id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL UNIQUE,"
    " simhash INTEGER NOT NULL, cluster_id INTEGER,"
    " title TEXT, text TEXT NOT NULL, date TEXT, url TEXT, source TEXT, source_key TEXT,"
    " coded_json TEXT NOT NULL, added TEXT NOT NULL);"
    "CREATE INDEX articles_url ON articles(url);"
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY, ekey TEXT NOT NULL UNIQUE,"
    " source_code TEXT, source_name TEXT, source_country TEXT, source_role TEXT,"
    " target_code TEXT, target_name TEXT, target_country TEXT, target_role TEXT,"
    " code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER, goldstein REAL, plover TEXT, date TEXT, week TEXT,"
    " location_name TEXT, location_country TEXT, lat REAL, lon REAL,"
    " num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,"
    " num_articles INTEGER NOT NULL DEFAULT 0, evidence TEXT, added TEXT NOT NULL);"
    "CREATE INDEX events_date ON events(date); CREATE INDEX events_src ON events(source_country, date);"
    "CREATE INDEX events_tgt ON events(target_country, date); CREATE INDEX events_code ON events(code);"
    "CREATE TABLE event_mentions ("
    " event_id INTEGER NOT NULL REFERENCES events(id), article_id INTEGER NOT NULL REFERENCES articles(id),"
    " cluster_id INTEGER, source_key TEXT, sentence INTEGER, span_start INTEGER, span_end INTEGER,"
    " evidence TEXT, confidence REAL, in_title INTEGER, mentions INTEGER);"
    "CREATE INDEX mentions_event ON event_mentions(event_id); CREATE INDEX mentions_article ON event_mentions(article_id);"
    "CREATE TABLE actors (article_id INTEGER NOT NULL REFERENCES articles(id), idx INTEGER, text TEXT, name TEXT,"
    " code TEXT, country TEXT, role TEXT, kind TEXT, ref INTEGER, sentence INTEGER, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX actors_article ON actors(article_id); CREATE INDEX actors_code ON actors(code);"
    "CREATE TABLE places (article_id INTEGER NOT NULL REFERENCES articles(id), text TEXT, name TEXT, country TEXT,"
    " admin1 TEXT, lat REAL, lon REAL, sentence INTEGER, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX places_article ON places(article_id);"
    "CREATE TABLE quotes (article_id INTEGER NOT NULL REFERENCES articles(id), text TEXT, speaker_name TEXT,"
    " speaker_code TEXT, sentence INTEGER, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX quotes_article ON quotes(article_id);"
    "CREATE TABLE timexes (article_id INTEGER NOT NULL REFERENCES articles(id), text TEXT, value TEXT, type TEXT,"
    " sentence INTEGER, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX timexes_article ON timexes(article_id);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');",
    /* 2: dyad queries and timelines between two countries */
    "CREATE INDEX events_dyad ON events(source_country, target_country, date);",
    /* 3: top actors and dyads from covering indexes instead of a scan of every event */
    ("CREATE INDEX events_sdyad ON events(source_code, target_code, goldstein);"
     "CREATE INDEX events_tcode ON events(target_code, goldstein);"), /* one migration, two statements */
};

static int sq_fail(ne_store *s, const char *what) {
    return neS_fail(s, NE_ERROR, "sqlite: %s: %s", what, sqlite3_errmsg(s->conn));
}

/* The cached prepared statement for sql (static string), preparing it once. */
static sqlite3_stmt *stmt_get(ne_store *s, const char *sql) {
    stmt_cache *c = s->cache;
    for (int i = 0; i < c->n; i++)
        if (c->sql[i] == sql) return c->st[i];
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(s->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) return NULL;
    if (c->n < STMT_CACHE) {
        c->sql[c->n] = sql;
        c->st[c->n++] = st;
    }
    return st;
}

/* Release a statement: reset cached ones, finalize uncached ones. */
static void stmt_done(ne_store *s, sqlite3_stmt *st) {
    stmt_cache *c = s->cache;
    for (int i = 0; i < c->n; i++)
        if (c->st[i] == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return;
        }
    sqlite3_finalize(st);
}

static int sq_rows(ne_store *s, sqlite3_stmt *st, neS_row_fn fn, void *ctx) {
    const char *vals[NE_STORE_MAX_COLS];
    int rc, n = sqlite3_column_count(st);
    if (fn && n > NE_STORE_MAX_COLS)
        return neS_fail(s, NE_TOOBIG, "sqlite: a result of %d columns (at most %d)", n, NE_STORE_MAX_COLS);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!fn) continue;
        for (int i = 0; i < n; i++) vals[i] = (const char *)sqlite3_column_text(st, i);
        if (fn(ctx, n, vals)) return NE_OK;
    }
    return rc == SQLITE_DONE ? NE_OK : sq_fail(s, "step");
}

static int sq_run(ne_store *s, sqlite3_stmt *st, int np, const char *const *params, neS_row_fn fn, void *ctx);

static int sq_exec(ne_store *s, const char *sql, int np, const char *const *params, neS_row_fn fn, void *ctx) {
    return sq_run(s, stmt_get(s, sql), np, params, fn, ctx);
}

static int sq_exec_once(ne_store *s, const char *sql, int np, const char *const *params, neS_row_fn fn, void *ctx) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->conn, sql, -1, &st, NULL) != SQLITE_OK) st = NULL;
    return sq_run(s, st, np, params, fn, ctx); /* uncached: stmt_done finalizes it */
}

static int sq_run(ne_store *s, sqlite3_stmt *st, int np, const char *const *params, neS_row_fn fn, void *ctx) {
    if (!st) return sq_fail(s, "prepare");
    for (int i = 0; i < np; i++) {
        int rc = params[i] ? sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC) : sqlite3_bind_null(st, i + 1);
        if (rc != SQLITE_OK) {
            stmt_done(s, st);
            return sq_fail(s, "bind");
        }
    }
    int rc = sq_rows(s, st, fn, ctx);
    stmt_done(s, st);
    return rc;
}

static int sq_script(ne_store *s, const char *sql) {
    char *err = NULL;
    if (sqlite3_exec(s->conn, sql, NULL, NULL, &err) != SQLITE_OK) {
        neS_fail(s, NE_ERROR, "sqlite: %s", err ? err : "exec failed");
        sqlite3_free(err);
        return NE_ERROR;
    }
    return NE_OK;
}

static void sq_close(ne_store *s) {
    stmt_cache *c = s->cache;
    if (c)
        for (int i = 0; i < c->n; i++) sqlite3_finalize(c->st[i]);
    neM_free(c);
    s->cache = NULL;
    sqlite3_close(s->conn);
    s->conn = NULL;
}

static const ne_store_backend sqlite_backend = {
    .name = "sqlite",
    .exec = sq_exec,
    .exec_once = sq_exec_once,
    .close = sq_close,
    .migrations = migrations,
    .nmigrations = (int)(sizeof migrations / sizeof migrations[0]),
    .script = sq_script,
    .text_filter = "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
    .concat_fn = "group_concat(ext_id, char(31))",
    .fts_insert = "INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
};

int neS_open_sqlite(ne_store *s, const char *path) {
    s->be = &sqlite_backend;
    s->cache = neM_calloc(1, sizeof(stmt_cache));
    if (!s->cache) return neS_fail(s, NE_NOMEM, "out of memory");
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    s->conn = db;
    if (rc != SQLITE_OK) return neS_fail(s, NE_IO, "%s: cannot open database: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_busy_timeout(db, 10000);
    return sq_script(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
}
