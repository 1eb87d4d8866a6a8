/* snap_avx2.c: the snapshot checksum (XXH3-64) compiled for AVX2, which
** snap.c calls when the processor has it: the same value as the baseline
** build's, in about half the instructions (x86-64 builds only). */
#include "snap.h"

#define XXH_INLINE_ALL /* with -mavx2 on this file, xxhash.h takes its AVX2 code */
#include <xxhash.h>

uint64_t neSnap_hash_avx2(const void *p, size_t n) { return XXH3_64bits(p, n); }

void neSnap_hash_update_avx2(void *state, const void *p, size_t n) { XXH3_64bits_update(state, p, n); }
