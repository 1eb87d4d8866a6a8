/* fuzz.h: shared by the libFuzzer targets.  Each target defines
** LLVMFuzzerTestOneInput (and may define LLVMFuzzerInitialize); replay.c
** drives the same function over files so that every input that once crashed
** stays a regression test in the ordinary (gcc, ASan) test build. */
#ifndef NE_FUZZ_H
#define NE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Stop the run loudly: the harness found a broken contract. */
#define FUZZ_ASSERT(c)                 \
    do {                               \
        if (!(c)) __builtin_trap();    \
    } while (0)

#ifdef NE_FUZZ_DATA
#include "newsevents.h"

#include <stdlib.h>

/* The engine over $NEWSEVENTS_DATA, else the build tree's data, and a
** document (aborts when they cannot open: the harness cannot run without). */
static inline void fuzz_engine_open(ne_engine **e, ne_doc **d) {
    ne_options o = {0};
    o.data_dir = getenv("NEWSEVENTS_DATA") ? getenv("NEWSEVENTS_DATA") : NE_FUZZ_DATA;
    if (ne_engine_open(e, &o) != NE_OK || !(*d = ne_doc_new())) abort();
}
#endif

#endif
