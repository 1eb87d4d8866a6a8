/* api.c: the JSON API: events with filters, dyad timelines, top lists,
** articles with their spans, posting articles, health and metrics.
** Every query value reaches the store as a bound parameter. */
#include "server.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int token_equal(const char *given, const char *expected) {
    size_t a = strlen(given), b = strlen(expected);
    unsigned char diff = (unsigned char)(a != b);
    /* walk the expected length whatever the input, so timing says nothing */
    for (size_t i = 0; i < b; i++) diff |= (unsigned char)((i < a ? given[i] : 0) ^ expected[i]);
    return b > 0 && diff == 0;
}

static void error_json(sbuf *out, int *status, int code, const char *msg) {
    *status = code;
    sb_adds(out, "{\"error\":");
    sb_json(out, msg);
    sb_adds(out, "}");
}

/* Return the reader; on failure replace the response by the store's error
** (400 for bad input, 500 otherwise).  Returns 1 when it answered. */
static int store_failed(srv *s, ne_store *st, int rc, int *status, sbuf *out) {
    if (rc == NE_OK) {
        srv_reader_put(s, st);
        return 0;
    }
    char msg[512];
    snprintf(msg, sizeof msg, "%s", ne_store_errmsg(st));
    srv_reader_put(s, st);
    out->len = 0;
    error_json(out, status, rc == NE_INVALID ? 400 : 500, msg);
    return 1;
}

/* ---- GET /api/events ---- */
typedef struct rows_ctx {
    sbuf *out;
    int n;
} rows_ctx;

static int event_json_cb(void *ctx, const ne_event_row *r) {
    rows_ctx *c = ctx;
    char *js = ne_event_row_json(r);
    if (!js) {
        c->out->oom = 1;
        return 1;
    }
    if (c->n++) sb_adds(c->out, ",");
    sb_adds(c->out, js);
    ne_free(js);
    return 0;
}

static long parse_num(const char *s, long lo, long hi, long dflt) {
    if (!s || !*s) return dflt;
    char *end;
    long v = strtol(s, &end, 10);
    return (*end || v < lo || v > hi) ? -1 : v;
}

static int api_events(srv *s, const char *(*get)(void *, const char *), void *qc, int *status, sbuf *out) {
    ne_query q = {0};
    char dyad[64];
    q.country = get(qc, "country");
    q.code = get(qc, "code");
    q.root = get(qc, "root");
    q.since = get(qc, "since");
    q.until = get(qc, "until");
    q.text = get(qc, "q");
    long quad = parse_num(get(qc, "quad"), 1, 4, 0), limit = parse_num(get(qc, "limit"), 1, 10000, 100);
    long offset = parse_num(get(qc, "offset"), 0, 100000000, 0);
    if (quad < 0 || limit < 0 || offset < 0) {
        error_json(out, status, 400, "quad must be 1..4, limit 1..10000, offset >= 0");
        return 1;
    }
    q.quad = (int)quad;
    q.limit = limit;
    q.offset = offset;
    const char *d = get(qc, "dyad");
    if (d) {
        snprintf(dyad, sizeof dyad, "%s", d);
        char *comma = strchr(dyad, ',');
        if (!comma) {
            error_json(out, status, 400, "dyad must be A,B");
            return 1;
        }
        *comma = 0;
        q.dyad_a = dyad;
        q.dyad_b = comma + 1;
    }
    ne_store *st = srv_reader_get(s);
    sb_adds(out, "{\"events\":[");
    rows_ctx c = {out, 0};
    if (store_failed(s, st, ne_store_events(st, &q, event_json_cb, &c), status, out)) return 1;
    sb_addf(out, "],\"count\":%d}", c.n);
    *status = 200;
    return 1;
}

/* ---- aggregates ---- */
static int agg_json_cb(void *ctx, const ne_agg_row *r) {
    rows_ctx *c = ctx;
    if (c->n++) sb_adds(c->out, ",");
    sb_adds(c->out, "{\"key\":");
    sb_json(c->out, r->key);
    sb_addf(c->out, ",\"events\":%ld,\"goldstein\":%.1f}", r->events, r->goldstein);
    return 0;
}

/* /api/dyads/A/B/timeline */
static int api_timeline(srv *s, const char *rest, const char *(*get)(void *, const char *), void *qc, int *status,
                        sbuf *out) {
    char a[32], b[32];
    const char *slash = strchr(rest, '/');
    if (!slash || strcmp(strchr(slash + 1, '/') ? strchr(slash + 1, '/') : "", "/timeline") != 0 ||
        (size_t)(slash - rest) >= sizeof a) {
        error_json(out, status, 404, "expected /api/dyads/A/B/timeline");
        return 1;
    }
    snprintf(a, sizeof a, "%.*s", (int)(slash - rest), rest);
    const char *bend = strchr(slash + 1, '/');
    snprintf(b, sizeof b, "%.*s", (int)(bend - slash - 1), slash + 1);
    const char *by = get(qc, "by") ? get(qc, "by") : "day";
    ne_store *st = srv_reader_get(s);
    sb_adds(out, "{\"dyad\":[");
    sb_json(out, a);
    sb_adds(out, ",");
    sb_json(out, b);
    sb_adds(out, "],\"by\":");
    sb_json(out, by);
    sb_adds(out, ",\"points\":[");
    rows_ctx c = {out, 0};
    if (store_failed(s, st, ne_store_timeline(st, a, b, by, agg_json_cb, &c), status, out)) return 1;
    sb_adds(out, "]}");
    *status = 200;
    return 1;
}

static int api_top(srv *s, const char *(*get)(void *, const char *), void *qc, int *status, sbuf *out) {
    long limit = parse_num(get(qc, "limit"), 1, 1000, 10);
    if (limit < 0) {
        error_json(out, status, 400, "limit must be 1..1000");
        return 1;
    }
    ne_store *st = srv_reader_get(s);
    rows_ctx c = {out, 0};
    sb_adds(out, "{\"actors\":[");
    int rc = ne_store_top(st, "actors", limit, agg_json_cb, &c);
    sb_adds(out, "],\"dyads\":[");
    c.n = 0;
    if (rc == NE_OK) rc = ne_store_top(st, "dyads", limit, agg_json_cb, &c);
    if (store_failed(s, st, rc, status, out)) return 1;
    sb_adds(out, "]}");
    *status = 200;
    return 1;
}

static int api_article(srv *s, const char *id_enc, int *status, sbuf *out) {
    char id[1024]; /* libmicrohttpd has already %-decoded the path */
    snprintf(id, sizeof id, "%s", id_enc);
    ne_store *st = srv_reader_get(s);
    char *json = NULL, *text = NULL;
    int rc = ne_store_article(st, id, &json, &text);
    srv_reader_put(s, st);
    if (rc != NE_OK) {
        error_json(out, status, rc == NE_NOTFOUND ? 404 : 500, rc == NE_NOTFOUND ? "no such article" : "query failed");
        return 1;
    }
    size_t jl = strlen(json);
    while (jl && (json[jl - 1] == '\n')) jl--;
    sb_adds(out, "{\"article\":");
    sb_add(out, json, jl);
    sb_adds(out, ",\"text\":");
    sb_json(out, text);
    sb_adds(out, "}");
    ne_free(json);
    ne_free(text);
    *status = 200;
    return 1;
}

/* ---- POST /api/articles: one JSON object or JSON Lines ---- */
static int api_post(srv *s, const char *auth, const char *body, size_t len, int *status, sbuf *out) {
    const char *tok = s->conf.token;
    if (!tok || !*tok || !auth || strncmp(auth, "Bearer ", 7) != 0 || !token_equal(auth + 7, tok)) {
        error_json(out, status, 401, tok && *tok ? "missing or wrong bearer token" :
                                     "posting is disabled: set NEWSEVENTS_TOKEN on the server");
        return 1;
    }
    int accepted = 0, rejected = 0, line = 0, full = 0;
    sbuf errs = {0};
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(body + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (body + i)) : len - i;
        const char *l = body + i;
        i += n + (nl ? 1 : 0);
        line++;
        while (n && (l[n - 1] == '\r' || l[n - 1] == ' ')) n--;
        if (n == 0) continue;
        ne_article a;
        void *scratch = NULL;
        char why[256];
        int rc = ne_article_from_json(l, n, &a, &scratch, why, sizeof why);
        ne_free(scratch);
        if (rc == NE_OK && ingest_push(s->ingest, l, n) != 0) {
            full = 1;
            snprintf(why, sizeof why, "queue full");
            rc = NE_TOOBIG;
        }
        if (rc == NE_OK) {
            accepted++;
            continue;
        }
        if (rejected++) sb_adds(&errs, ",");
        sb_addf(&errs, "{\"line\":%d,\"error\":", line);
        sb_json(&errs, why);
        sb_adds(&errs, "}");
    }
    *status = accepted ? 202 : full ? 503 : 400;
    sb_addf(out, "{\"accepted\":%d,\"rejected\":[%s]}", accepted, errs.p ? errs.p : "");
    sb_free(&errs);
    return 1;
}

static int api_health(srv *s, int *status, sbuf *out) {
    ne_store *st = srv_reader_get(s);
    long long a = 0, e = 0, m = 0;
    int rc = ne_store_counts(st, &a, &e, &m);
    srv_reader_put(s, st);
    *status = rc == NE_OK ? 200 : 503;
    sb_addf(out, "{\"status\":\"%s\",\"version\":\"%s\",\"articles\":%lld,\"events\":%lld,\"queue\":%lu}",
            rc == NE_OK ? "ok" : "store unavailable", ne_version(), a, e, atomic_load(&s->metrics.queue_depth));
    return 1;
}

/* The plain counters and gauges of /metrics, in the order they are written. */
static const struct {
    const char *name, *type, *help;
    size_t field; /* offset of the atomic_ulong in srv_metrics */
} metrics[] = {
    {"newsevents_http_requests_total", "counter", "HTTP requests served.", offsetof(srv_metrics, requests)},
    {"newsevents_http_errors_total", "counter", "HTTP responses with status >= 400.", offsetof(srv_metrics, errors)},
    {"newsevents_articles_received_total", "counter", "Articles queued for coding.", offsetof(srv_metrics, articles_in)},
    {"newsevents_articles_stored_total", "counter", "Articles coded and stored.", offsetof(srv_metrics, articles_stored)},
    {"newsevents_articles_duplicate_total", "counter", "Articles already in the store.", offsetof(srv_metrics, articles_dup)},
    {"newsevents_articles_failed_total", "counter", "Articles that could not be coded or stored.",
     offsetof(srv_metrics, articles_failed)},
    {"newsevents_events_published_total", "counter", "Events pushed to the stream.", offsetof(srv_metrics, events_published)},
    {"newsevents_stream_clients", "gauge", "Connected stream clients.", offsetof(srv_metrics, stream_clients)},
    {"newsevents_queue_depth", "gauge", "Articles waiting to be coded.", offsetof(srv_metrics, queue_depth)},
    {"newsevents_feed_polls_total", "counter", "Feed polls.", offsetof(srv_metrics, feed_polls)},
    {"newsevents_feed_errors_total", "counter", "Failed feed or page fetches.", offsetof(srv_metrics, feed_errors)},
    {"newsevents_pages_fetched_total", "counter", "Article pages fetched from feeds.", offsetof(srv_metrics, pages_fetched)},
    {"newsevents_feed_items_skipped_total", "counter", "Feed items given up: no page text, no summary, no more tries.",
     offsetof(srv_metrics, items_skipped)},
};

static int api_metrics(srv *s, int *status, sbuf *out) {
    srv_metrics *m = &s->metrics;
    for (size_t i = 0; i < sizeof metrics / sizeof metrics[0]; i++) {
        atomic_ulong *v = (atomic_ulong *)((char *)m + metrics[i].field);
        sb_addf(out, "# HELP %s %s\n# TYPE %s %s\n%s %lu\n", metrics[i].name, metrics[i].help, metrics[i].name,
                metrics[i].type, metrics[i].name, atomic_load(v));
    }
    unsigned long n = atomic_load(&m->latency_count), sum = atomic_load(&m->latency_ms_sum);
    sb_addf(out, "# HELP newsevents_ingest_latency_seconds Arrival to stored and published.\n"
                 "# TYPE newsevents_ingest_latency_seconds summary\n"
                 "newsevents_ingest_latency_seconds_sum %.3f\nnewsevents_ingest_latency_seconds_count %lu\n",
            (double)sum / 1000.0, n);
    *status = 200;
    return 1;
}

int api_handle(srv *s, const char *method, const char *url, const char *(*get)(void *, const char *), void *qc,
               const char *auth, const char *body, size_t body_len, int *status, const char **type, sbuf *out) {
    *type = "application/json";
    int is_get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
    if (!strcmp(url, "/healthz")) return is_get ? api_health(s, status, out) : (error_json(out, status, 405, "GET only"), 1);
    if (!strcmp(url, "/metrics")) {
        *type = "text/plain; version=0.0.4";
        return is_get ? api_metrics(s, status, out) : (error_json(out, status, 405, "GET only"), 1);
    }
    if (strncmp(url, "/api/", 5) != 0) return 0;
    if (!strcmp(url, "/api/articles")) {
        if (strcmp(method, "POST") != 0) return error_json(out, status, 405, "POST only"), 1;
        return api_post(s, auth, body, body_len, status, out);
    }
    if (!is_get) return error_json(out, status, 405, "GET only"), 1;
    if (!strcmp(url, "/api/events")) return api_events(s, get, qc, status, out);
    if (!strcmp(url, "/api/top")) return api_top(s, get, qc, status, out);
    if (!strncmp(url, "/api/dyads/", 11)) return api_timeline(s, url + 11, get, qc, status, out);
    if (!strncmp(url, "/api/articles/", 14) && url[14]) return api_article(s, url + 14, status, out);
    error_json(out, status, 404, "no such endpoint");
    return 1;
}
