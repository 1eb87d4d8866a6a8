/* stream.c: the event broadcaster behind GET /api/stream: a ring of the most
** recent event lines with sequence numbers; readers copy what is new. */
#include "server.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct srv_stream {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    char **lines;
    size_t *lens;
    size_t cap;
    uint64_t head; /* sequence number of the next line */
};

srv_stream *stream_new(size_t capacity) {
    srv_stream *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    st->lines = calloc(capacity, sizeof *st->lines);
    st->lens = calloc(capacity, sizeof *st->lens);
    if (!st->lines || !st->lens) {
        free(st->lines);
        free(st->lens);
        free(st);
        return NULL;
    }
    st->cap = capacity;
    pthread_mutex_init(&st->lock, NULL);
    pthread_cond_init(&st->cond, NULL);
    return st;
}

void stream_free(srv_stream *st) {
    if (!st) return;
    for (size_t i = 0; i < st->cap; i++) free(st->lines[i]);
    free(st->lines);
    free(st->lens);
    pthread_mutex_destroy(&st->lock);
    pthread_cond_destroy(&st->cond);
    free(st);
}

void stream_publish(srv_stream *st, const char *json, size_t n) {
    char *copy = malloc(n + 1);
    if (!copy) return;
    memcpy(copy, json, n);
    copy[n] = 0;
    pthread_mutex_lock(&st->lock);
    size_t slot = st->head % st->cap;
    free(st->lines[slot]);
    st->lines[slot] = copy;
    st->lens[slot] = n;
    st->head++;
    pthread_cond_broadcast(&st->cond);
    pthread_mutex_unlock(&st->lock);
}

uint64_t stream_head(srv_stream *st) {
    pthread_mutex_lock(&st->lock);
    uint64_t h = st->head;
    pthread_mutex_unlock(&st->lock);
    return h;
}

size_t stream_read(srv_stream *st, uint64_t *seq, char *buf, size_t cap) {
    size_t w = 0;
    pthread_mutex_lock(&st->lock);
    if (st->head > st->cap && *seq < st->head - st->cap) *seq = st->head - st->cap;
    while (*seq < st->head) {
        size_t slot = *seq % st->cap;
        char idbuf[32];
        int idn = snprintf(idbuf, sizeof idbuf, "id: %llu\n", (unsigned long long)*seq);
        size_t need = (size_t)idn + 6 + st->lens[slot] + 2;
        if (w + need > cap) break;
        memcpy(buf + w, idbuf, (size_t)idn);
        w += (size_t)idn;
        memcpy(buf + w, "data: ", 6);
        w += 6;
        memcpy(buf + w, st->lines[slot], st->lens[slot]);
        w += st->lens[slot];
        memcpy(buf + w, "\n\n", 2);
        w += 2;
        (*seq)++;
    }
    pthread_mutex_unlock(&st->lock);
    return w;
}

int stream_wait(srv_stream *st, uint64_t seq, int ms) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&st->lock);
    int rc = 0;
    while (st->head <= seq && rc != ETIMEDOUT) rc = pthread_cond_timedwait(&st->cond, &st->lock, &ts);
    int got = st->head > seq;
    pthread_mutex_unlock(&st->lock);
    return got;
}
