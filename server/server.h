/* server.h: the live service (newsevents serve / follow): HTTP API on
** libmicrohttpd, the ingest queue, the Server-Sent Events broadcaster and the
** feed follower.  Uses only the public library header. */
#ifndef NE_SERVER_H
#define NE_SERVER_H

#include "newsevents.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define SRV_MAX_BODY ((size_t)16 * 1024 * 1024) /* POST body limit (413 above) */
#define SRV_QUEUE_MAX 10000                      /* queued articles (503 above) */

/* ---- a growable string for building responses (strbuf.c) ---- */
typedef struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
} sbuf;
void sb_add(sbuf *b, const char *s, size_t n);
void sb_adds(sbuf *b, const char *s);
void sb_addf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_json(sbuf *b, const char *s); /* JSON string literal, null for NULL */
void sb_free(sbuf *b);

/* ---- the event stream (stream.c): a ring of recent event lines ---- */
typedef struct srv_stream srv_stream;
srv_stream *stream_new(size_t capacity);
void stream_free(srv_stream *st);
/* Publish one JSON line (copied); wakes waiting clients. */
void stream_publish(srv_stream *st, const char *json, size_t n);
/* Sequence number of the next line to be published. */
uint64_t stream_head(srv_stream *st);
/* Copy lines from *seq on as SSE "id:/data:" frames into buf (at most cap
** bytes); advances *seq; returns bytes written, 0 when nothing is new.  A
** client that fell behind the ring skips to the oldest line kept. */
size_t stream_read(srv_stream *st, uint64_t *seq, char *buf, size_t cap);
/* Block up to ms milliseconds for a line after seq; 1 if one is there. */
int stream_wait(srv_stream *st, uint64_t seq, int ms);

/* ---- counters for /metrics ---- */
typedef struct srv_metrics {
    atomic_ulong requests, errors, articles_in, articles_stored, articles_dup, articles_failed;
    atomic_ulong events_published, stream_clients, feed_polls, feed_errors, pages_fetched;
    atomic_ulong items_skipped; /* feed items neither queued nor waiting for another try */
    atomic_ulong queue_depth;
    atomic_ulong latency_count, latency_ms_sum; /* arrival to published */
} srv_metrics;

/* ---- the ingest queue and its worker (ingest.c) ---- */
typedef struct srv_ingest srv_ingest;
/* With quiet, an article that cannot be coded or stored is only counted;
** otherwise it is also reported on stderr (srv_report) with its id. */
srv_ingest *ingest_start(const char *db, const char *data_dir, srv_stream *st, srv_metrics *m, int quiet, char *err,
                         size_t errlen);
/* Queue an article given as one JSON object (the input contract); the JSON is
** copied.  0 queued, -1 queue full. */
int ingest_push(srv_ingest *in, const char *json, size_t n);
void ingest_stop(srv_ingest *in); /* drains the queue, then stops */
/* Report a problem with one record of the service (a feed, a page, an
** article) on stderr as "newsevents: WHERE: MESSAGE", as the command-line
** tool reports a bad record (docs/newsevents.1 DIAGNOSTICS); the program's
** layer, never the parsers, prints. */
void srv_report(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* libmicrohttpd's panic handler (MHD_set_panic_func; report.c): a fatal
** internal error of the HTTP library ("newsevents: libmicrohttpd: fatal
** internal error (daemon.c:1234): Failed to remove FD from epoll set; the
** service stops") is reported like every other problem, then the process
** aborts: the library cannot go on safely.  Never returns. */
void srv_panic(void *cls, const char *file, unsigned int line, const char *reason) __attribute__((noreturn));

/* ---- the HTTP service (serve.c, api.c) ---- */
typedef struct srv_conf {
    const char *db, *bind, *data_dir, *web_dir, *follow, *token;
    int port;
    int quiet;
} srv_conf;

typedef struct srv srv;
struct srv {
    srv_conf conf;
    srv_stream *stream;
    srv_metrics metrics;
    srv_ingest *ingest;
    pthread_mutex_t pool_lock;
    ne_store *readers[8]; /* read connections, one per server thread */
    int nreaders;
};

/* Open n read connections to conf.db (pool.c); -1 with err on failure. */
int srv_readers_open(srv *s, int n, char *err, size_t errlen);
void srv_readers_close(srv *s);
/* Borrow and return a read connection to the store. */
ne_store *srv_reader_get(srv *s);
void srv_reader_put(srv *s, ne_store *st);

/* Route one GET/POST under /api, /healthz or /metrics; fills status, type
** and body (malloc'd).  Returns 0 when the path is not an API path. */
int api_handle(srv *s, const char *method, const char *url, const char *query_get(void *, const char *),
               void *qctx, const char *auth, const char *body, size_t body_len, int *status,
               const char **type, sbuf *out);

/* Constant-time comparison of a presented token with the expected one. */
int token_equal(const char *given, const char *expected);

/* ---- feeds (feeds.c, extract.c) ---- */
typedef struct srv_feeds srv_feeds;
/* Read the feed list and follow it on a thread; with once, poll every feed
** a single time before returning (no thread).  NULL with err on failure.
** Unless quiet, a feed or page that fails, or that parses only with errors,
** is reported with its URL and the reason (srv_report). */
srv_feeds *feeds_start(const char *list_path, srv_ingest *in, srv_metrics *m, int once, int quiet, char *err,
                       size_t errlen);
void feeds_stop(srv_feeds *f);

/* One item of a parsed feed. */
typedef struct feed_item {
    char *title, *link, *date, *guid, *summary; /* malloc'd, may be NULL; date as YYYY-MM-DD */
} feed_item;
/* Parse RSS 2.0 or Atom bytes into items (caller frees with feed_items_free);
** returns the count, or -1 when the document is not a feed.  Never prints:
** why (may be NULL) gets the reason for -1 ("not an RSS or Atom feed (root
** element html)"), or the first of the XML errors the parser recovered from
** ("line 4: Premature end of data in tag title line 3 (and 1 more)"), else "". */
int feed_parse(const char *xml, size_t n, feed_item **items, char *why, size_t whylen);
void feed_items_free(feed_item *items, int n);
/* The main text of an HTML page (boilerplate removed by text and link
** density); charset from the HTTP header (may be NULL) or the page's meta.
** Returns a malloc'd UTF-8 string (a byte that is not valid UTF-8 after
** decoding becomes U+FFFD), or NULL.  Never prints: why (may be NULL)
** gets the reason for NULL ("no paragraph of article text"), or the first
** encoding error of a page whose bytes are not all in its charset ("input
** conversion failed due to input error, bytes 0x82 0xFF ..."), else ""; the
** markup errors of ordinary HTML are not reported. */
char *html_main_text(const char *html, size_t n, const char *http_charset, char **title, char *why,
                     size_t whylen);

/* Entry points (registered in cli/main.c) */
int cmd_serve(int argc, char **argv);
int cmd_follow(int argc, char **argv);

#endif
