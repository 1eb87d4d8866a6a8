/* arena.c: per-document bump allocator; reset between articles keeps the hot
** path free of malloc/free churn. */
#include "neInt.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NE_ARENA_BLOCK (64 * 1024)

struct ne_arena_block {
    ne_arena_block *next;
    size_t cap;
    max_align_t data[]; /* cap bytes follow; the head block's free ones are a->cur .. a->end */
};

void neA_init(ne_arena *a) { memset(a, 0, sizeof *a); }

/* Blocks of BIG_BLOCK bytes or more (with their head) are whole huge pages
** (HUGE_BLOCK, neM_calloc_big): the engine's pattern tables (arena blocks of
** 2.7, 2.1, 1.5 and 0.7 MB) were faulted in 4 KB pages, 2,000 page faults at
** every start, and are read through the TLB at every sentence.  A block
** rounded up gets the rest of its last page: the allocations after it fill
** that first. */
#define HUGE_BLOCK ((size_t)2 << 20)
#define BIG_BLOCK ((size_t)512 << 10)

/* Bytes of memory of a block with cap bytes of room. */
static size_t block_bytes(size_t cap) { return sizeof(ne_arena_block) + cap; }

/* A new block with room for *cap bytes (cap < PTRDIFF_MAX - HUGE_BLOCK -
** the head), NULL when out of memory; a huge-page one gets the rest of its
** last page too (*cap grows).  block_free gives it back. */
static ne_arena_block *block_new(size_t *cap) {
    size_t bytes = block_bytes(*cap);
    if (bytes < BIG_BLOCK) return neM_malloc(bytes);
    bytes = (bytes + HUGE_BLOCK - 1) & ~(HUGE_BLOCK - 1);
    ne_arena_block *b = neM_calloc_big(bytes, 1);
    if (b) *cap = bytes - sizeof *b;
    return b;
}

static void block_free(ne_arena_block *b) {
    size_t bytes = block_bytes(b->cap);
    if (bytes < BIG_BLOCK) neM_free(b);
    else neM_free_big(b, bytes, 1);
}

/* A block with room for n bytes: a spare one when it fits, else a new one. */
static ne_arena_block *block_get(ne_arena *a, size_t n) {
    ne_arena_block **pp = &a->spare;
    for (; *pp; pp = &(*pp)->next) {
        if ((*pp)->cap >= n) {
            ne_arena_block *b = *pp;
            *pp = b->next;
            return b;
        }
    }
    size_t cap = n > NE_ARENA_BLOCK ? n : NE_ARENA_BLOCK;
    if (cap > PTRDIFF_MAX - sizeof(ne_arena_block) - HUGE_BLOCK) return NULL; /* no object is larger; the sums would wrap */
    ne_arena_block *b = block_new(&cap);
    if (!b) return NULL;
    b->cap = cap;
    a->total += cap;
    NE_POISON(b->data, cap); /* unpoisoned one allocation at a time (spare blocks were poisoned by reset) */
    return b;
}

void *neA_alloc_block(ne_arena *a, size_t n) {
    if (n > SIZE_MAX - 15 - NE_ARENA_RZ) return NULL;
    size_t r = (n ? (n + 15) & ~(size_t)15 : 16) + NE_ARENA_RZ; /* the red zone (ASan) comes first */
    ne_arena_block *b = block_get(a, r); /* the current block's last bytes are left unused (and poisoned) */
    if (!b) return NULL;
    b->next = a->head;
    a->head = b;
    a->cur = (char *)b->data + r;
    a->end = (char *)b->data + b->cap;
    NE_UNPOISON((char *)b->data + NE_ARENA_RZ, n);
    return (char *)b->data + NE_ARENA_RZ;
}

char *neA_strndup(ne_arena *a, const char *s, size_t n) {
    char *p = neA_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *neA_code(ne_arena *a, const char *country, const char *role) {
    char buf[6];
    size_t n = 0;
    for (size_t i = 0; country && i < 3 && country[i]; i++) buf[n++] = country[i];
    for (size_t i = 0; role && i < 3 && role[i]; i++) buf[n++] = role[i];
    return neA_strndup(a, buf, n);
}

char *neA_printf(ne_arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = neA_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void neA_reset(ne_arena *a) {
    while (a->head) {
        ne_arena_block *b = a->head;
        a->head = b->next;
        /* oversized blocks go back to the system so one huge article does not
        ** pin memory; one of a single huge page is kept (long articles' arrays) */
        if (b->cap > 16 * NE_ARENA_BLOCK && block_bytes(b->cap) > HUGE_BLOCK) {
            a->total -= b->cap;
            NE_UNPOISON(b->data, b->cap);
            block_free(b);
            continue;
        }
        NE_POISON(b->data, b->cap); /* nothing of a spare block is handed out */
        b->next = a->spare;
        a->spare = b;
    }
    a->cur = a->end = NULL;
}

void neA_free(ne_arena *a) {
    neA_reset(a);
    while (a->spare) {
        ne_arena_block *b = a->spare;
        a->spare = b->next;
        NE_UNPOISON(b->data, b->cap);
        block_free(b);
    }
    a->total = 0;
}
