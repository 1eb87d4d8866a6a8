/* ingest.c: the service's single writer: a bounded queue of posted or
** fetched articles, coded and stored one by one on a worker thread; the
** events of each newly stored article go to the stream. */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct qitem {
    char *json;
    size_t len;
    struct timespec arrived;
    struct qitem *next;
} qitem;

struct srv_ingest {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    qitem *head, *tail;
    size_t depth;
    int stopping;
    ne_engine *engine;
    ne_doc *doc;
    ne_store *store;
    srv_stream *stream;
    srv_metrics *m;
    int quiet; /* count failed articles without reporting them */
};

int ingest_push(srv_ingest *in, const char *json, size_t n) {
    qitem *it = malloc(sizeof *it);
    char *copy = malloc(n + 1);
    if (!it || !copy) {
        free(it);
        free(copy);
        return -1;
    }
    memcpy(copy, json, n);
    copy[n] = 0;
    it->json = copy;
    it->len = n;
    it->next = NULL;
    clock_gettime(CLOCK_MONOTONIC, &it->arrived);
    pthread_mutex_lock(&in->lock);
    if (in->depth >= SRV_QUEUE_MAX || in->stopping) {
        pthread_mutex_unlock(&in->lock);
        free(copy);
        free(it);
        return -1;
    }
    if (in->tail) in->tail->next = it;
    else in->head = it;
    in->tail = it;
    in->depth++;
    atomic_store(&in->m->queue_depth, in->depth);
    atomic_fetch_add(&in->m->articles_in, 1);
    pthread_cond_signal(&in->cond);
    pthread_mutex_unlock(&in->lock);
    return 0;
}

/* ACTOR object for a stream line. */
static void actor_obj(sbuf *b, int has, const ne_actor *a) {
    if (!has) {
        sb_adds(b, "null");
        return;
    }
    sb_adds(b, "{\"name\":");
    sb_json(b, a->name ? a->name : a->text);
    sb_adds(b, ",\"code\":");
    sb_json(b, a->code);
    sb_adds(b, ",\"country\":");
    sb_json(b, a->country);
    sb_adds(b, "}");
}

/* Publish every event of the coded document as one stream line each. */
static void publish_events(srv_ingest *in) {
    size_t n;
    const ne_event *ev = ne_doc_events(in->doc, &n);
    size_t tl;
    const char *title = ne_doc_title(in->doc, &tl);
    for (size_t i = 0; i < n; i++) {
        sbuf b = {0};
        sb_adds(&b, "{\"article\":");
        sb_json(&b, ne_doc_id(in->doc));
        sb_adds(&b, ",\"title\":");
        sb_json(&b, tl ? title : NULL);
        sb_adds(&b, ",\"source\":");
        actor_obj(&b, ev[i].has_source, &ev[i].source);
        sb_adds(&b, ",\"target\":");
        actor_obj(&b, ev[i].has_target, &ev[i].target);
        sb_addf(&b, ",\"code\":\"%s\",\"root\":\"%s\",\"quad_class\":%d,\"goldstein\":%.1f,\"plover\":", ev[i].code,
                ev[i].root, ev[i].quad_class, ev[i].goldstein);
        sb_json(&b, ev[i].plover);
        sb_adds(&b, ",\"date\":");
        sb_json(&b, ev[i].date);
        sb_adds(&b, ",\"evidence\":");
        sb_json(&b, ev[i].evidence);
        sb_adds(&b, "}");
        if (!b.oom) {
            stream_publish(in->stream, b.p, b.len);
            atomic_fetch_add(&in->m->events_published, 1);
        }
        sb_free(&b);
    }
}

/* Code and store one queued article; a failure is counted and, unless quiet,
** reported by the article's id and the reason ("newsevents: article a17:
** cannot store it: database is locked"). */
static void process(srv_ingest *in, qitem *it) {
    ne_article a;
    void *scratch = NULL;
    char why[256] = "", where[160] = "article";
    int added = 0;
    const char *failed = NULL; /* what failed, with its reason in why */
    int rc = ne_article_from_json(it->json, it->len, &a, &scratch, why, sizeof why);
    if (rc != NE_OK) failed = "not an article";
    else snprintf(where, sizeof where, "article %.*s", (int)(a.id_len < 120 ? a.id_len : 120), a.id);
    if (rc == NE_OK && (rc = ne_code(in->engine, in->doc, &a)) != NE_OK) {
        failed = "cannot code it";
        snprintf(why, sizeof why, "%s", ne_doc_errmsg(in->doc));
    }
    if (rc == NE_OK && (rc = ne_store_add(in->store, in->doc, &added)) != NE_OK) {
        failed = "cannot store it";
        snprintf(why, sizeof why, "%s", ne_store_errmsg(in->store));
    }
    ne_free(scratch);
    if (rc != NE_OK) {
        atomic_fetch_add(&in->m->articles_failed, 1);
        if (!in->quiet) srv_report(where, "%s: %s", failed, why);
        return;
    }
    if (!added) {
        atomic_fetch_add(&in->m->articles_dup, 1);
        return;
    }
    atomic_fetch_add(&in->m->articles_stored, 1);
    publish_events(in);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long ms = (now.tv_sec - it->arrived.tv_sec) * 1000L + (now.tv_nsec - it->arrived.tv_nsec) / 1000000L;
    atomic_fetch_add(&in->m->latency_count, 1);
    atomic_fetch_add(&in->m->latency_ms_sum, (unsigned long)(ms > 0 ? ms : 0));
}

static void *worker(void *arg) {
    srv_ingest *in = arg;
    for (;;) {
        pthread_mutex_lock(&in->lock);
        while (!in->head && !in->stopping) pthread_cond_wait(&in->cond, &in->lock);
        qitem *it = in->head;
        if (it) {
            in->head = it->next;
            if (!in->head) in->tail = NULL;
            in->depth--;
            atomic_store(&in->m->queue_depth, in->depth);
        }
        pthread_mutex_unlock(&in->lock);
        if (!it) break; /* stopping and drained */
        process(in, it);
        free(it->json);
        free(it);
    }
    return NULL;
}

srv_ingest *ingest_start(const char *db, const char *data_dir, srv_stream *st, srv_metrics *m, int quiet, char *err,
                         size_t errlen) {
    srv_ingest *in = calloc(1, sizeof *in);
    if (!in) return NULL;
    in->quiet = quiet;
    in->stream = st;
    in->m = m;
    pthread_mutex_init(&in->lock, NULL);
    pthread_cond_init(&in->cond, NULL);
    ne_options o = {0};
    o.data_dir = data_dir;
    int rc = ne_engine_open(&in->engine, &o);
    if (rc != NE_OK) snprintf(err, errlen, "cannot load data: %s", ne_engine_errmsg(in->engine));
    if (rc == NE_OK && !(in->doc = ne_doc_new())) {
        rc = NE_NOMEM;
        snprintf(err, errlen, "out of memory");
    }
    if (rc == NE_OK && (rc = ne_store_open(&in->store, db)) != NE_OK)
        snprintf(err, errlen, "%s", ne_store_errmsg(in->store));
    if (rc == NE_OK && pthread_create(&in->thread, NULL, worker, in) != 0) {
        rc = NE_ERROR;
        snprintf(err, errlen, "cannot start the ingest thread");
    }
    if (rc != NE_OK) {
        ne_store_close(in->store);
        ne_doc_free(in->doc);
        ne_engine_close(in->engine);
        free(in);
        return NULL;
    }
    return in;
}

void ingest_stop(srv_ingest *in) {
    if (!in) return;
    pthread_mutex_lock(&in->lock);
    in->stopping = 1;
    pthread_cond_signal(&in->cond);
    pthread_mutex_unlock(&in->lock);
    pthread_join(in->thread, NULL);
    ne_store_close(in->store);
    ne_doc_free(in->doc);
    ne_engine_close(in->engine);
    pthread_mutex_destroy(&in->lock);
    pthread_cond_destroy(&in->cond);
    free(in);
}
