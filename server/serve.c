/* serve.c: `newsevents serve`: the HTTP server (libmicrohttpd, one thread
** per connection so that stream clients may wait), static dashboard files,
** the Server-Sent Events stream, limits, and start/stop. */
#include "server.h"
#include "../cli/cli.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READERS 8 /* store connections for the API */
#define HEARTBEAT_SECONDS 15

static volatile sig_atomic_t stop_requested;
static atomic_int shutting_down;

static void on_signal(int sig) {
    (void)sig;
    stop_requested = 1;
}

/* ---- per-request state ---- */
typedef struct req {
    sbuf body;
    int too_big;
} req;

typedef struct sse_client {
    srv *s;
    uint64_t seq;
    int sent_hello;
} sse_client;

static ssize_t sse_read(void *cls, uint64_t pos, char *buf, size_t max) {
    (void)pos;
    sse_client *c = cls;
    if (!c->sent_hello) {
        c->sent_hello = 1;
        const char *hello = "retry: 2000\n: newsevents stream\n\n";
        size_t n = strlen(hello);
        if (n > max) n = max;
        memcpy(buf, hello, n);
        return (ssize_t)n;
    }
    for (int waited = 0; waited < HEARTBEAT_SECONDS; waited++) {
        if (atomic_load(&shutting_down)) return MHD_CONTENT_READER_END_OF_STREAM;
        size_t n = stream_read(c->s->stream, &c->seq, buf, max);
        if (n) return (ssize_t)n;
        stream_wait(c->s->stream, c->seq, 1000);
    }
    const char *beat = ": keepalive\n\n";
    size_t n = strlen(beat) < max ? strlen(beat) : max;
    memcpy(buf, beat, n);
    return (ssize_t)n;
}

static void sse_free(void *cls) {
    sse_client *c = cls;
    atomic_fetch_sub(&c->s->metrics.stream_clients, 1);
    free(c);
}

static enum MHD_Result queue(struct MHD_Connection *conn, srv *s, int status, const char *type, char *body,
                             size_t len) {
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (status == 401) MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
    if (status == 503) MHD_add_response_header(r, "Retry-After", "1");
    atomic_fetch_add(&s->metrics.requests, 1);
    if (status >= 400) atomic_fetch_add(&s->metrics.errors, 1);
    enum MHD_Result ret = MHD_queue_response(conn, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result queue_text(struct MHD_Connection *conn, srv *s, int status, const char *json) {
    size_t n = strlen(json);
    char *copy = malloc(n);
    if (!copy) return MHD_NO;
    memcpy(copy, json, n);
    return queue(conn, s, status, "application/json", copy, n);
}

static enum MHD_Result start_stream(struct MHD_Connection *conn, srv *s) {
    sse_client *c = calloc(1, sizeof *c);
    if (!c) return MHD_NO;
    c->s = s;
    c->seq = stream_head(s->stream);
    const char *last = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Last-Event-ID");
    if (last && *last) {
        char *end;
        unsigned long long v = strtoull(last, &end, 10);
        if (!*end && v + 1 <= c->seq) c->seq = v + 1;
    }
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 32 * 1024, sse_read, c, sse_free);
    if (!r) {
        free(c);
        return MHD_NO;
    }
    atomic_fetch_add(&s->metrics.stream_clients, 1);
    atomic_fetch_add(&s->metrics.requests, 1);
    MHD_add_response_header(r, "Content-Type", "text/event-stream");
    MHD_add_response_header(r, "Cache-Control", "no-cache");
    MHD_add_response_header(r, "X-Accel-Buffering", "no");
    enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

/* ---- static dashboard files: a fixed list, no paths from the request ---- */
static const struct {
    const char *url, *file, *type;
} statics[] = {
    {"/", "index.html", "text/html; charset=utf-8"},
    {"/index.html", "index.html", "text/html; charset=utf-8"},
    {"/app.js", "app.js", "text/javascript; charset=utf-8"},
    {"/style.css", "style.css", "text/css; charset=utf-8"},
    {"/uplot.js", "uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8"},
    {"/uplot.css", "uplot/uPlot.min.css", "text/css; charset=utf-8"},
};

static enum MHD_Result serve_static(struct MHD_Connection *conn, srv *s, const char *url) {
    for (size_t i = 0; i < sizeof statics / sizeof statics[0]; i++) {
        if (strcmp(url, statics[i].url) != 0) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", s->conf.web_dir, statics[i].file);
        FILE *f = fopen(path, "rb");
        if (!f) break;
        sbuf b = {0};
        char chunk[16384];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) sb_add(&b, chunk, got);
        fclose(f);
        if (b.oom) {
            sb_free(&b);
            return MHD_NO;
        }
        if (!b.p) sb_adds(&b, "");
        return queue(conn, s, 200, statics[i].type, b.p, b.len);
    }
    return queue_text(conn, s, 404, "{\"error\":\"not found\"}");
}

/* Query-string lookup for api_handle. */
static const char *query_get(void *ctx, const char *key) {
    return MHD_lookup_connection_value(ctx, MHD_GET_ARGUMENT_KIND, key);
}

static int body_too_big(struct MHD_Connection *conn) {
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    return cl && strtoull(cl, NULL, 10) > SRV_MAX_BODY;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls) {
    (void)version;
    srv *s = cls;
    req *rq = *con_cls;
    if (!rq) {
        if (body_too_big(conn)) return queue_text(conn, s, 413, "{\"error\":\"request body over 16 MB\"}");
        rq = calloc(1, sizeof *rq);
        if (!rq) return MHD_NO;
        *con_cls = rq;
        return MHD_YES;
    }
    if (*upload_size) {
        if (rq->body.len + *upload_size > SRV_MAX_BODY) rq->too_big = 1;
        else sb_add(&rq->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (rq->too_big) return queue_text(conn, s, 413, "{\"error\":\"request body over 16 MB\"}");
    if (rq->body.oom) return queue_text(conn, s, 500, "{\"error\":\"out of memory\"}");
    if (!strcmp(url, "/api/stream") && !strcmp(method, "GET")) return start_stream(conn, s);
    sbuf out = {0};
    int status = 500;
    const char *type = "application/json";
    const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    if (api_handle(s, method, url, query_get, conn, auth, rq->body.p ? rq->body.p : "", rq->body.len, &status, &type,
                   &out)) {
        if (out.oom) {
            sb_free(&out);
            return queue_text(conn, s, 500, "{\"error\":\"out of memory\"}");
        }
        if (!out.p) sb_adds(&out, "");
        return queue(conn, s, status, type, out.p, out.len);
    }
    sb_free(&out);
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) return queue_text(conn, s, 405, "{\"error\":\"method not allowed\"}");
    return serve_static(conn, s, url);
}

static void request_done(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode t) {
    (void)cls;
    (void)conn;
    (void)t;
    req *rq = *con_cls;
    if (rq) {
        sb_free(&rq->body);
        free(rq);
    }
    *con_cls = NULL;
}

/* ---- start and stop ---- */
static struct MHD_Daemon *start_daemon(srv *s, char *err, size_t errlen) {
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)s->conf.port);
    if (inet_pton(AF_INET, s->conf.bind, &addr.sin_addr) != 1) {
        snprintf(err, errlen, "--bind: '%s' is not an IPv4 address", s->conf.bind);
        return NULL;
    }
    MHD_set_panic_func(srv_panic, NULL); /* its failures reported as ours, not in its own words */
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL, (uint16_t)s->conf.port,
        NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)2000, MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)1200, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)30, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_THREAD_STACK_SIZE,
        (size_t)(256 * 1024), MHD_OPTION_NOTIFY_COMPLETED, request_done, s, MHD_OPTION_END);
    if (!d) snprintf(err, errlen, "cannot listen on %s:%d: %s", s->conf.bind, s->conf.port, strerror(errno));
    return d;
}

static void serve_usage(FILE *f) {
    fprintf(f,
            "Usage: %s serve --db DB [--port 8080] [--bind 127.0.0.1] [--follow FEEDS.txt]\n"
            "Serve the JSON API, the live event stream and the dashboard over HTTP.\n\n"
            "  --db DB          the store (SQLite file or postgresql:// URI); created if missing\n"
            "  --port N         TCP port (default 8080)\n"
            "  --bind ADDR      IPv4 address to listen on (default 127.0.0.1: this machine only)\n"
            "  --follow FILE    also poll the RSS/Atom feeds listed in FILE (one URL per line)\n"
            "  --data DIR       knowledge files directory\n"
            "  --web DIR        dashboard files (default: the installed ones)\n"
            "  -q, --quiet      no startup message, and no report of a feed, page or\n"
            "                   article that fails (they are still counted in /metrics)\n\n"
            "POST /api/articles needs 'Authorization: Bearer TOKEN' where TOKEN is the\n"
            "value of the environment variable NEWSEVENTS_TOKEN. See docs/SERVICE.md.\n",
            prog);
}

static int parse_serve(int argc, char **argv, srv_conf *c) {
    static const struct option opts[] = {
        {"db", required_argument, 0, 'b'},   {"port", required_argument, 0, 'p'},
        {"bind", required_argument, 0, 'B'}, {"follow", required_argument, 0, 'f'},
        {"data", required_argument, 0, 'D'}, {"web", required_argument, 0, 'w'},
        {"quiet", no_argument, 0, 'q'},      {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
        switch (ch) {
        case 'b': c->db = optarg; break;
        case 'p': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 0 || v > 65535) {
                cli_error("--port: '%s' is not a port number", optarg);
                return -1;
            }
            c->port = (int)v;
            break;
        }
        case 'B': c->bind = optarg; break;
        case 'f': c->follow = optarg; break;
        case 'D': c->data_dir = optarg; break;
        case 'w': c->web_dir = optarg; break;
        case 'q': c->quiet = 1; break;
        case 'h': serve_usage(stdout); return 1;
        default: serve_usage(stderr); return -1;
        }
    }
    if (!c->db) {
        cli_error("serve: --db is required");
        return -1;
    }
    if (optind < argc) { /* "serve --db DB feeds.txt": a --follow file without its option */
        cli_error("serve: unexpected argument '%s' (try '%s serve --help')", argv[optind], prog);
        return -1;
    }
    return 0;
}

int cmd_serve(int argc, char **argv) {
    static srv s; /* lives for the whole process; the signal handler only sets a flag */
    char web[4096], err[512] = "";
    s.conf.port = 8080;
    s.conf.bind = "127.0.0.1";
    int p = parse_serve(argc, argv, &s.conf);
    if (p) return p > 0 ? 0 : EXIT_USAGE;
    s.conf.data_dir = cli_data_dir(s.conf.data_dir);
    if (!s.conf.web_dir) {
        snprintf(web, sizeof web, "%s/web", s.conf.data_dir);
        s.conf.web_dir = web;
    }
    s.conf.token = getenv("NEWSEVENTS_TOKEN");
    s.stream = stream_new(4096);
    if (!s.stream || srv_readers_open(&s, READERS, err, sizeof err) ||
        !(s.ingest = ingest_start(s.conf.db, s.conf.data_dir, s.stream, &s.metrics, s.conf.quiet, err, sizeof err))) {
        cli_error("%s", *err ? err : "out of memory");
        return EXIT_SETUP;
    }
    srv_feeds *feeds = NULL;
    if (s.conf.follow && !(feeds = feeds_start(s.conf.follow, s.ingest, &s.metrics, 0, s.conf.quiet, err, sizeof err))) {
        cli_error("%s", err);
        return EXIT_SETUP;
    }
    struct MHD_Daemon *d = start_daemon(&s, err, sizeof err);
    if (!d) {
        cli_error("%s", err);
        return EXIT_SETUP;
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    if (!s.conf.quiet) {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        fprintf(stderr, "newsevents: serving %s on http://%s:%u/%s\n", s.conf.db, s.conf.bind,
                info ? info->port : (unsigned)s.conf.port, s.conf.token && *s.conf.token ? "" :
                " (NEWSEVENTS_TOKEN unset: POST /api/articles is disabled)");
    }
    while (!stop_requested) pause();
    atomic_store(&shutting_down, 1);
    feeds_stop(feeds);
    MHD_stop_daemon(d);
    ingest_stop(s.ingest);
    srv_readers_close(&s);
    stream_free(s.stream);
    return 0;
}

/* ---- newsevents follow: feeds into a store, without HTTP ---- */
static void follow_usage(FILE *f) {
    fprintf(f,
            "Usage: %s follow --db DB [--once] [--data DIR] FEEDS.txt\n"
            "Poll the RSS/Atom feeds listed in FEEDS.txt (one URL per line, optionally\n"
            "followed by the poll interval in seconds, default 300), fetch each new\n"
            "article page, extract its main text, code it and store it. --once polls\n"
            "every feed one time, waits for the articles to be stored, and exits.\n",
            prog);
}

int cmd_follow(int argc, char **argv) {
    static const struct option opts[] = {{"db", required_argument, 0, 'b'}, {"once", no_argument, 0, '1'},
                                         {"data", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *db = NULL, *data = NULL;
    int once = 0, ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'b': db = optarg; break;
        case '1': once = 1; break;
        case 'D': data = optarg; break;
        case 'h': follow_usage(stdout); return 0;
        default: follow_usage(stderr); return EXIT_USAGE;
        }
    }
    if (!db || optind != argc - 1) {
        follow_usage(stderr);
        return EXIT_USAGE;
    }
    static srv_metrics m;
    char err[512] = "";
    srv_stream *st = stream_new(16);
    srv_ingest *in = st ? ingest_start(db, cli_data_dir(data), st, &m, 0, err, sizeof err) : NULL;
    if (!in) {
        cli_error("%s", *err ? err : "out of memory");
        stream_free(st);
        return EXIT_SETUP;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    srv_feeds *fs = feeds_start(argv[optind], in, &m, once, 0, err, sizeof err);
    if (!fs) {
        cli_error("%s", err);
        ingest_stop(in);
        stream_free(st);
        return EXIT_SETUP;
    }
    while (!once && !stop_requested) pause();
    feeds_stop(fs);
    ingest_stop(in); /* drains the queue */
    stream_free(st);
    fprintf(stderr,
            "follow: %lu polls, %lu pages, %lu errors, %lu items skipped; %lu stored, %lu already present, %lu failed\n",
            atomic_load(&m.feed_polls), atomic_load(&m.pages_fetched), atomic_load(&m.feed_errors),
            atomic_load(&m.items_skipped),
            atomic_load(&m.articles_stored), atomic_load(&m.articles_dup), atomic_load(&m.articles_failed));
    return atomic_load(&m.articles_failed) ? EXIT_SOME_BAD : 0;
}
