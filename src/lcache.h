/* lcache.h: the lemma cache's layout (lemma.c, "the lemma cache of a
** document object"), shared with the tokenizer, which finds the entry of
** each plain word while it holds the word in registers (token.c,
** scan_plain_tokens; neLemma_memo16), so that tagging (neLemma_tag) reads
** the entry instead of looking the word up again. */
#ifndef NE_LCACHE_H
#define NE_LCACHE_H

#include "neInt.h"

#include <string.h>

#define LC_WORDS 32767     /* entries (16-bit indexes + 1); the index has twice as many slots */
#define LC_MASK (2 * (LC_WORDS + 1) - 1) /* the index slot of hash nh: nh & LC_MASK */
#define LC_POOL (768 << 10) /* bytes of words and fallback lemmas, each NUL-padded to eight (lc_store) */
#define LC_MAX_WORD 64     /* longer words are not cached */

#define LC_INLINE 16 /* bytes of a word the entry holds: up to fifteen and its NUL padding (same_word) */
typedef struct lc_ent {
    char word[LC_INLINE]; /* a word shorter than LC_INLINE, NUL-padded; else unused */
    const char *lemma;    /* NULL: the word is its own lemma; else in the lexicon's or the cache's pool */
    uint32_t key;         /* a longer word: its offset in the cache's pool */
    uint32_t nh, lh;      /* ne_hash of the word and of its lemma */
    uint16_t tags;        /* NE_TAG_* bits and word class (8 bits each) */
    uint8_t len;          /* at most LC_MAX_WORD */
    uint8_t tagged;       /* lemma, lh and tags are set */
    ne_wmemo memo;        /* 24 bytes: the entry is 64, a cache line */
} lc_ent;

struct ne_lcache {
    _Alignas(64) lc_ent ent[LC_WORDS]; /* first: the allocation is aligned for it (lc_begin) */
    uint64_t serial; /* of the lexicon the entries come from */
    uint32_t tw;     /* neW_serial of the timewords their memos' firsts come from */
    uint32_t pat;    /* nePattern_serial of the patterns of their anchors */
    size_t used, pool_len;
    int full;        /* an entry did not fit during the last article */
    uint16_t idx[2 * (LC_WORDS + 1)]; /* entry + 1; 0 = empty */
    char pool[LC_POOL];
};

_Static_assert(sizeof(lc_ent) == 64, "lemma cache entries are a cache line");
_Static_assert(sizeof(struct ne_lcache) >= (2u << 20), "neM_calloc_big maps the cache on huge pages");

/* A new entry, with no lemma yet, for word w (n bytes, ne_hash nh) at index
** slot slot (NULL: the index is full); NULL for a long word, or when it does
** not fit (the cache then starts again at the next article).  lemma.c. */
lc_ent *neLemma_cache_new(struct ne_lcache *c, uint16_t *slot, const char *w, size_t n, uint32_t nh);

/* The word memo of the word of n bytes (1 to 15) held in w, NUL-padded to
** sixteen bytes (token.c's plain words), of ne_hash nh, in cache c: its
** entry's, a new entry's when it has none yet (neLemma_cache_new), NULL when
** that does not fit.  What neLemma_tag's lookup (lc_find, lc_new) gives the
** token of such a word: the entries it passes are compared by their sixteen
** bytes alone, as two words, which are the same only for the same word (an
** entry holds a word of up to fifteen bytes NUL-padded the same way, a
** longer one none: sixteen NULs; a plain word has no NUL and one byte at
** least), so by its length and ne_hash too. */
static inline ne_wmemo *neLemma_memo16(struct ne_lcache *c, const uint64_t w[2], size_t n, uint32_t nh) {
    for (size_t i = nh & LC_MASK;; i = (i + 1) & LC_MASK) {
        uint16_t k = c->idx[i];
        if (!k) {
            lc_ent *s = neLemma_cache_new(c, c->used < LC_WORDS ? &c->idx[i] : NULL, (const char *)w, n, nh);
            return s ? &s->memo : NULL;
        }
        lc_ent *s = &c->ent[k - 1];
        uint64_t a, b;
        memcpy(&a, s->word, 8), memcpy(&b, s->word + 8, 8);
        if (!((a ^ w[0]) | (b ^ w[1]))) return &s->memo;
    }
}

#endif
