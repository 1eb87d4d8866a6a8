/* alloc.c: the library's allocator, with failure injection for tests. */
#include "neInt.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <sys/mman.h>

/* Atomic: engine open allocates in two threads (pipeline.c). */
static _Atomic long fail_countdown; /* 0: never fail; n: the nth allocation fails */
static _Atomic long injected;       /* failures injected since the last neM_fail_after */

void neM_fail_after(long n) {
    atomic_store(&fail_countdown, n);
    atomic_store(&injected, 0);
}

long neM_injected(void) { return atomic_load(&injected); }

/* True when this allocation should fail under injection. */
static int inject_failure(void) {
    if (atomic_load_explicit(&fail_countdown, memory_order_relaxed) <= 0) return 0;
    if (atomic_fetch_sub(&fail_countdown, 1) != 1) return 0; /* the count before was not 1 */
    atomic_fetch_add(&injected, 1);
    return 1;
}

void *neM_malloc(size_t n) { return inject_failure() ? NULL : malloc(n ? n : 1); }

void *neM_calloc(size_t n, size_t size) {
    return inject_failure() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *neM_realloc(void *p, size_t n) { return inject_failure() ? NULL : realloc(p, n ? n : 1); }

void neM_free(void *p) { free(p); }

void ne_free(void *p) { neM_free(p); }

#define HUGE_PAGE ((size_t)2 << 20)

/* Bytes of n items of size, rounded up to whole huge pages; 0 on overflow. */
static size_t big_bytes(size_t n, size_t size) {
    if (size && n > (SIZE_MAX - HUGE_PAGE) / size) return 0;
    return (n * size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void *neM_calloc_big(size_t n, size_t size) {
    if (n * size < HUGE_PAGE) return neM_calloc(n, size);
    size_t len = big_bytes(n, size);
    if (!len || inject_failure()) return NULL;
    char *m = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return NULL;
    size_t head = (HUGE_PAGE - ((uintptr_t)m & (HUGE_PAGE - 1))) & (HUGE_PAGE - 1); /* to the next boundary */
    if (head) munmap(m, head);
    if (HUGE_PAGE - head) munmap(m + head + len, HUGE_PAGE - head);
#ifdef MADV_HUGEPAGE
    madvise(m + head, len, MADV_HUGEPAGE); /* a hint: without it the table works the same */
#endif
    return m + head;
}

void neM_free_big(void *p, size_t n, size_t size) {
    if (!p) return;
    if (n * size < HUGE_PAGE) neM_free(p);
    else munmap(p, big_bytes(n, size));
}
