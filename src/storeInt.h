/* storeInt.h: internals of the store: the backend interface that SQLite and
** PostgreSQL implement, and the shared schema/statement helpers. */
#ifndef NE_STORE_INT_H
#define NE_STORE_INT_H

#include "neInt.h"

/* A result row: ncol text values (NULL for SQL NULL), valid during the callback. */
#define NE_STORE_MAX_COLS 64 /* a statement's result of more columns is an error (NE_TOOBIG) */
typedef int (*neS_row_fn)(void *ctx, int ncol, const char *const *vals);

typedef struct ne_store_backend {
    const char *name;
    /* Run one statement with text parameters written as '?' in sql; calls fn
    ** per result row (fn may be NULL).  Returns NE_OK or an error with the
    ** message set on the store.  A nonzero fn return stops early (NE_OK).
    ** A result of more than NE_STORE_MAX_COLS columns is NE_TOOBIG, before
    ** any row is passed to fn. */
    int (*exec)(ne_store *s, const char *sql, int np, const char *const *params, neS_row_fn fn, void *ctx);
    /* The same for a statement built at run time (never cached). */
    int (*exec_once)(ne_store *s, const char *sql, int np, const char *const *params, neS_row_fn fn, void *ctx);
    void (*close)(ne_store *s);
    const char *const *migrations; /* schema versions 1..n, each one SQL script */
    int nmigrations;
    int (*script)(ne_store *s, const char *sql); /* several statements, no parameters */
    const char *text_filter; /* SQL condition on article alias a with one '?' (the words) */
    const char *concat_fn;   /* aggregate of column ext_id joined by byte 0x1F */
    const char *fts_insert;  /* statement indexing a new article (id, title, text) or NULL */
} ne_store_backend;

struct ne_store {
    const ne_store_backend *be;
    void *conn;        /* sqlite3 * or PGconn * */
    void *cache;       /* backend statement cache */
    char errmsg[512];
    int in_tx;         /* inside ne_store_begin .. commit */
    /* fingerprints of the most recent articles, for near-duplicate search */
    uint64_t *recent_hash;
    long long *recent_cluster;
    size_t recent_n, recent_next, recent_loaded;
};

int neS_fail(ne_store *s, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int neS_open_sqlite(ne_store *s, const char *path); /* store_sqlite.c */
int neS_open_pg(ne_store *s, const char *uri);      /* store_pg.c */
/* Run the pending migrations (store.c). */
int neS_migrate(ne_store *s);

#endif
