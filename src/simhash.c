/* simhash.c: SimHash-64 fingerprints over word 3-shingles, for clustering
** near-duplicate stories (syndicated copies, light rewrites). */
#include "neInt.h"

#include <xxhash.h>

/* Is token t a word (letters or digits), not punctuation or a quote? */
static int is_word(const ne_token *t) {
    return t->shape == NE_SH_LOWER || t->shape == NE_SH_CAP || t->shape == NE_SH_UPPER ||
           t->shape == NE_SH_MIXED || t->shape == NE_SH_NUM;
}

/* Mix three word hashes into one shingle hash (order matters). */
static uint64_t shingle(uint64_t a, uint64_t b, uint64_t c) {
    uint64_t h = a * 0x9E3779B97F4A7C15ull;
    h ^= (b + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2));
    h ^= (c * 0xC2B2AE3D27D4EB4Full + (h << 6) + (h >> 2));
    h ^= h >> 31;
    return h * 0xFF51AFD7ED558CCDull;
}

uint64_t ne_doc_simhash(const ne_doc *d) {
    int32_t acc[64] = {0};
    uint64_t w[3] = {0, 0, 0};
    size_t nw = 0, nsh = 0;
    const ne_token *tk = d->tokens.items;
    for (size_t i = 0; i < d->tokens.n; i++) {
        const ne_token *t = &tk[i];
        if (!is_word(t)) continue;
        const ne_sentence *s = NE_VEC_AT(d->sentences, ne_sentence, t->sent);
        if (s->in_title) continue;
        w[0] = w[1];
        w[1] = w[2];
        w[2] = XXH3_64bits(t->norm, t->norm_len);
        if (++nw < 3) continue;
        uint64_t h = shingle(w[0], w[1], w[2]);
        for (int b = 0; b < 64; b++) acc[b] += ((h >> b) & 1) ? 1 : -1;
        nsh++;
    }
    if (nsh == 0 && nw > 0) { /* very short text: one shingle of what there is */
        uint64_t h = shingle(w[0], w[1], w[2]);
        for (int b = 0; b < 64; b++) acc[b] += ((h >> b) & 1) ? 1 : -1;
        nsh = 1;
    }
    if (nsh == 0) return 0;
    uint64_t out = 0;
    for (int b = 0; b < 64; b++)
        if (acc[b] > 0) out |= (uint64_t)1 << b;
    return out;
}

int ne_simhash_distance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }
