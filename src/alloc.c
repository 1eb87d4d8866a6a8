/* alloc.c: the library's allocator, with failure injection for tests. */
#include "neInt.h"

#include <stdlib.h>

static long fail_countdown; /* 0: never fail; n: the nth allocation fails */
static long injected;       /* failures injected since the last neM_fail_after */

void neM_fail_after(long n) {
    fail_countdown = n;
    injected = 0;
}

long neM_injected(void) { return injected; }

/* True when this allocation should fail under injection. */
static int inject_failure(void) {
    if (fail_countdown <= 0) return 0;
    if (--fail_countdown) return 0;
    injected++;
    return 1;
}

void *neM_malloc(size_t n) { return inject_failure() ? NULL : malloc(n ? n : 1); }

void *neM_calloc(size_t n, size_t size) {
    return inject_failure() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *neM_realloc(void *p, size_t n) { return inject_failure() ? NULL : realloc(p, n ? n : 1); }

void neM_free(void *p) { free(p); }

void ne_free(void *p) { neM_free(p); }
