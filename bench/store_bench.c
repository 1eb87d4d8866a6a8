/* store_bench.c: the store's benchmark (`make bench-store`; not a test).
** Phase 1 codes and stores every article of a JSON Lines file (the real
** ingest rate).  Phase 2 grows the store to a target number of events by
** storing the coded articles that have events again under new ids, with
** each of their events copied onto COPIES consecutive dates and a marker
** appended to the text (so that they are new articles to the de-duplicator).  Then it
** reports the database size and the latency of dyad timelines and filtered
** event queries.  Uses the library's internals (src/) to re-store coded
** documents without coding them again. */
#include "neInt.h"
#include "storeInt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *msg) {
    fprintf(stderr, "store_bench: %s: %s\n", what, msg);
    exit(1);
}

typedef struct kept {
    ne_doc **docs;
    size_t n, cap;
} kept;

/* Phase 1: code and store every record; keep the documents with events. */
static long ingest_file(const ne_engine *e, ne_store *s, const char *path, kept *k, long *events) {
    FILE *f = fopen(path, "r");
    if (!f) die(path, "cannot open");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long stored = 0;
    ne_doc *d = ne_doc_new();
    if (ne_store_begin(s)) die("begin", ne_store_errmsg(s));
    while ((n = getline(&line, &cap, f)) > 0) {
        ne_article a;
        void *scratch = NULL;
        char err[256];
        int added = 0;
        if (ne_article_from_json(line, (size_t)n, &a, &scratch, err, sizeof err) == NE_OK &&
            ne_code(e, d, &a) == NE_OK && ne_store_add(s, d, &added) == NE_OK && added) {
            stored++;
            *events += (long)d->events.n;
            if (d->events.n) {
                if (k->n == k->cap) {
                    k->cap = k->cap ? k->cap * 2 : 1024;
                    k->docs = realloc(k->docs, k->cap * sizeof *k->docs);
                    if (!k->docs) die("memory", "out of memory");
                }
                k->docs[k->n++] = d;
                d = ne_doc_new();
            }
        }
        ne_free(scratch);
        if (stored % 200 == 199 && (ne_store_commit(s) || ne_store_begin(s))) die("commit", ne_store_errmsg(s));
    }
    if (ne_store_commit(s)) die("commit", ne_store_errmsg(s));
    ne_doc_free(d);
    free(line);
    fclose(f);
    return stored;
}

/* The date ds moved on by `days` (full dates only; others are kept). */
static const char *shift_date(ne_arena *a, const char *ds, int days) {
    int y, m, dd;
    if (!ds || neU_parse_date(ds, strlen(ds), &y, &m, &dd) != 3) return ds;
    struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = dd + days, .tm_hour = 12};
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    return neA_printf(a, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000, (tm.tm_mon + 1) % 100, tm.tm_mday % 100);
}

#define COPIES 20 /* copies of each event per re-stored article, a day apart */

/* Replace d's events by COPIES copies of each of its original events, dated
** (event date, else the article's) plus base + c days. */
static void spread_events(ne_doc *d, const ne_event *orig, size_t n, int base) {
    neV_init(&d->events, sizeof(ne_event));
    for (size_t j = 0; j < n; j++) {
        /* partial or missing dates would not move: start from a full date */
        const char *date = orig[j].date && strlen(orig[j].date) == 10 ? orig[j].date
                           : d->date ? d->date : "2024-01-01";
        for (int c = 0; c < COPIES; c++) {
            ne_event *ev = neV_push(&d->arena, &d->events);
            if (!ev) die("memory", "out of memory");
            *ev = orig[j];
            ev->date = shift_date(&d->arena, date, base + c);
        }
    }
}

/* Phase 2: store the kept documents again, round after round, under new ids,
** with a marker appended to the text and their events spread over dates. */
/* Distinct events in the store. */
static long long distinct_events(ne_store *s) {
    long long a = 0, e = 0, m = 0;
    if (ne_store_counts(s, &a, &e, &m)) die("counts", ne_store_errmsg(s));
    return e;
}

static long grow(ne_store *s, kept *k, long target, long *events) {
    long stored = 0;
    long long distinct = distinct_events(s);
    ne_event **orig = calloc(k->n, sizeof *orig);
    size_t *norig = calloc(k->n, sizeof *norig);
    if (!orig || !norig) die("memory", "out of memory");
    for (size_t i = 0; i < k->n; i++) { /* the events as coded, kept aside */
        ne_doc *d = k->docs[i];
        norig[i] = d->events.n;
        orig[i] = neA_alloc(&d->arena, d->events.n * sizeof(ne_event));
        if (!orig[i]) die("memory", "out of memory");
        memcpy(orig[i], d->events.items, d->events.n * sizeof(ne_event));
    }
    for (int round = 1; distinct < target && k->n; round++) {
        if (ne_store_begin(s)) die("begin", ne_store_errmsg(s));
        for (size_t i = 0; i < k->n && distinct < target; i++) {
            ne_doc *d = k->docs[i];
            d->id = neA_printf(&d->arena, "%s#%d", d->id, round);
            char *t = neA_printf(&d->arena, "%s\n[round %d]", d->seg[0], round);
            d->seg[0] = t;
            d->seg_len[0] = strlen(t);
            spread_events(d, orig[i], norig[i], round * COPIES);
            int added = 0;
            if (ne_store_add(s, d, &added) != NE_OK) die("store", ne_store_errmsg(s));
            if (added) {
                stored++;
                *events += (long)d->events.n;
            }
            if (stored % 500 == 499) {
                if (ne_store_commit(s) || ne_store_begin(s)) die("commit", ne_store_errmsg(s));
                distinct = distinct_events(s);
            }
        }
        if (ne_store_commit(s)) die("commit", ne_store_errmsg(s));
        distinct = distinct_events(s);
    }
    free(orig);
    free(norig);
    return stored;
}

typedef struct top_ctx {
    char a[16], b[16];
} top_ctx;

static int top_cb(void *ctx, const ne_agg_row *r) {
    top_ctx *t = ctx;
    const char *comma = strchr(r->key, ',');
    if (!comma) return 0;
    snprintf(t->a, sizeof t->a, "%.3s", r->key);
    snprintf(t->b, sizeof t->b, "%.3s", comma + 1);
    return 1;
}

static int count_agg(void *ctx, const ne_agg_row *r) {
    (void)r;
    ++*(long *)ctx;
    return 0;
}

static int count_ev(void *ctx, const ne_event_row *r) {
    (void)r;
    ++*(long *)ctx;
    return 0;
}

static int cmp_d(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Median and worst of `runs` timings of a query, in milliseconds. */
static void time_queries(ne_store *s, const top_ctx *t, double *tl_med, double *tl_max, double *ev_med,
                         long *points) {
    enum { RUNS = 21 };
    double tl[RUNS], ev[RUNS];
    for (int i = 0; i < RUNS; i++) {
        long n = 0;
        double t0 = now_s();
        if (ne_store_timeline(s, t->a, t->b, "day", count_agg, &n)) die("timeline", ne_store_errmsg(s));
        tl[i] = (now_s() - t0) * 1000;
        *points = n;
        ne_query q = {0};
        q.dyad_a = t->a;
        q.dyad_b = t->b;
        q.limit = 100;
        long m = 0;
        t0 = now_s();
        if (ne_store_events(s, &q, count_ev, &m)) die("events", ne_store_errmsg(s));
        ev[i] = (now_s() - t0) * 1000;
    }
    qsort(tl, RUNS, sizeof *tl, cmp_d);
    qsort(ev, RUNS, sizeof *ev, cmp_d);
    *tl_med = tl[RUNS / 2];
    *tl_max = tl[RUNS - 1];
    *ev_med = ev[RUNS / 2];
}

static int size_cb(void *ctx, int n, const char *const *v) {
    if (n > 0 && v[0]) *(long long *)ctx = strtoll(v[0], NULL, 10);
    return 1;
}

static long long db_bytes(ne_store *s, const char *uri) {
    long long b = 0;
    if (!strncmp(uri, "postgres", 8)) {
        s->be->exec(s, "SELECT pg_database_size(current_database())", 0, NULL, size_cb, &b);
        return b;
    }
    char p[4200];
    struct stat st;
    if (stat(uri, &st) == 0) b += st.st_size;
    snprintf(p, sizeof p, "%s-wal", uri);
    if (stat(p, &st) == 0) b += st.st_size;
    return b;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: store_bench DB INPUT.jsonl TARGET_EVENTS\n");
        return 2;
    }
    const char *uri = argv[1], *input = argv[2];
    long target = strtol(argv[3], NULL, 10);
    ne_engine *e = NULL;
    if (ne_engine_open(&e, NULL) != NE_OK) die("engine", ne_engine_errmsg(e));
    ne_store *s = NULL;
    if (ne_store_open(&s, uri) != NE_OK) die(uri, ne_store_errmsg(s));
    kept k = {0};
    long events = 0;
    double t0 = now_s();
    long a1 = ingest_file(e, s, input, &k, &events);
    double t1 = now_s();
    long ev1 = events;
    long a2 = grow(s, &k, target, &events);
    double t2 = now_s();
    long long na = 0, ne = 0, nm = 0;
    ne_store_counts(s, &na, &ne, &nm);
    top_ctx top = {"", ""};
    ne_store_top(s, "dyads", 1, top_cb, &top);
    double tl_med = 0, tl_max = 0, ev_med = 0;
    long points = 0;
    if (top.a[0]) time_queries(s, &top, &tl_med, &tl_max, &ev_med, &points);
    long long bytes = db_bytes(s, uri);
    printf("{\"backend\": \"%s\", \"ingest_articles\": %ld, \"ingest_seconds\": %.2f, \"ingest_articles_per_s\": %.1f,"
           " \"ingest_events\": %ld, \"grow_articles\": %ld, \"grow_articles_per_s\": %.1f,"
           " \"articles\": %lld, \"events\": %lld, \"mentions\": %lld, \"db_bytes\": %lld,"
           " \"mb_per_million_events\": %.1f, \"grow_events_per_s\": %.1f, \"timeline_dyad\": \"%s,%s\", \"timeline_days\": %ld,"
           " \"timeline_ms_median\": %.2f, \"timeline_ms_max\": %.2f, \"events_query_ms_median\": %.2f}\n",
           s->be->name, a1, t1 - t0, a1 / (t1 - t0 > 0 ? t1 - t0 : 1), ev1, a2, a2 / (t2 - t1 > 0 ? t2 - t1 : 1),
           na, ne, nm, bytes, ne ? (double)bytes / 1e6 / ((double)ne / 1e6) : 0.0,
           (double)(events - ev1) / (t2 - t1 > 0 ? t2 - t1 : 1), top.a, top.b, points, tl_med,
           tl_max, ev_med);
    for (size_t i = 0; i < k.n; i++) ne_doc_free(k.docs[i]);
    free(k.docs);
    ne_store_close(s);
    ne_engine_close(e);
    return 0;
}
