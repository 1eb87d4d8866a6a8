/* pool.c: the API's read connections to the store, lent to one request at a
** time (the ingest worker has its own connection for writing). */
#include "server.h"

#include <stdio.h>

static pthread_cond_t pool_cond = PTHREAD_COND_INITIALIZER;

int srv_readers_open(srv *s, int n, char *err, size_t errlen) {
    pthread_mutex_init(&s->pool_lock, NULL);
    for (int i = 0; i < n && i < (int)(sizeof s->readers / sizeof s->readers[0]); i++) {
        ne_store *st = NULL;
        if (ne_store_open(&st, s->conf.db) != NE_OK) {
            snprintf(err, errlen, "%s", ne_store_errmsg(st));
            ne_store_close(st);
            return -1;
        }
        s->readers[s->nreaders++] = st;
    }
    return 0;
}

void srv_readers_close(srv *s) {
    for (int i = 0; i < s->nreaders; i++) ne_store_close(s->readers[i]);
    s->nreaders = 0;
}

ne_store *srv_reader_get(srv *s) {
    pthread_mutex_lock(&s->pool_lock);
    while (s->nreaders == 0) pthread_cond_wait(&pool_cond, &s->pool_lock);
    ne_store *st = s->readers[--s->nreaders];
    pthread_mutex_unlock(&s->pool_lock);
    return st;
}

void srv_reader_put(srv *s, ne_store *st) {
    pthread_mutex_lock(&s->pool_lock);
    s->readers[s->nreaders++] = st;
    pthread_cond_signal(&pool_cond);
    pthread_mutex_unlock(&s->pool_lock);
}
