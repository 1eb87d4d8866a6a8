/* buf.c: growable byte buffers with a hard cap, and arena-backed vectors. */
#include "neInt.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

void neB_init(ne_buf *b, size_t max) {
    memset(b, 0, sizeof *b);
    b->max = max;
}

/* Make room for n more bytes plus a NUL. */
static int buf_reserve(ne_buf *b, size_t n) {
    if (b->err) return b->err;
    if (n > b->max || b->len > b->max - n) return b->err = NE_TOOBIG;
    size_t need = b->len + n + 1;
    if (need <= b->cap) return NE_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap *= 2;
    char *p = neM_realloc(b->p, cap);
    if (!p) return b->err = NE_NOMEM;
    b->p = p;
    b->cap = cap;
    return NE_OK;
}

char *neB_grow(ne_buf *b, size_t n) { return buf_reserve(b, n) == NE_OK ? b->p + b->len : NULL; }

int neB_add_slow(ne_buf *b, const void *s, size_t n) {
    int rc = buf_reserve(b, n);
    if (rc) return rc;
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return NE_OK;
}

int neB_addf(ne_buf *b, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return b->err = NE_ERROR;
    if ((size_t)n < sizeof small) return neB_add(b, small, (size_t)n);
    int rc = buf_reserve(b, (size_t)n);
    if (rc) return rc;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return NE_OK;
}

void neB_reset(ne_buf *b) {
    b->len = 0;
    b->err = 0;
    if (b->p) b->p[0] = 0;
}

void neB_free(ne_buf *b) {
    neM_free(b->p);
    size_t max = b->max;
    neB_init(b, max);
}

void neV_init(ne_vec *v, size_t item_size) {
    memset(v, 0, sizeof *v);
    v->size = item_size;
}

int neV_reserve(ne_arena *a, ne_vec *v, size_t cap) {
    if (cap <= v->cap) return NE_OK;
    if (v->size && cap > SIZE_MAX / v->size) return NE_NOMEM; /* cap * size would wrap */
    void *p = neA_alloc(a, cap * v->size);
    if (!p) return NE_NOMEM;
    if (v->n) memcpy(p, v->items, v->n * v->size);
    v->items = p; /* old storage stays in the arena until reset */
    v->cap = cap;
    return NE_OK;
}

void *neV_push_grow(ne_arena *a, ne_vec *v) {
    if (neV_reserve(a, v, v->cap ? v->cap * 2 : 16)) return NULL; /* old storage stays in the arena until reset */
    return neV_push(a, v);
}
