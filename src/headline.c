/* headline.c: headline-to-body consistency: is the title about the body?
** Scores the weighted share of the title's content words that the body also
** uses (in full when used twice or in its lead, half when once); names weigh
** more, common words less; both tables are in dictionaries/stopwords.txt. */
#include "neInt.h"

#include <string.h>

/* Score at or above which the title is taken to be about the body; chosen on
** headline/body pairs built from FNC-1's training bodies (docs/TIME.md). */
#define HEADLINE_RELATED 0.24
#define COMMON_WEIGHT 0.3 /* a title word of class "common" */
#define NAME_WEIGHT 1.5   /* a title word inside an actor or place mention */
#define STEM_MAX 48
#define LEAD_SENTS 3 /* the body's first sentences say what it is about */

enum { HL_STOP, HL_COMMON };
static const char *const hl_classes[] = {"stop", "common", NULL};

int neHeadline_load(struct ne_engine *e) { return neW_load(e, "stopwords.txt", hl_classes, &e->stopwords); }

/* The title's content words, each with the body's uses of its stem. */
typedef struct title_word {
    uint64_t h;    /* the stem's key (stem_of) */
    double w;      /* title_weight */
    uint8_t uses;  /* body tokens with this stem, saturating; lead sentences count 2 */
} title_word;

/* The bit of a stem's key in stem_filter.mask: its top six after a multiply,
** which every byte of the stem reaches. */
static unsigned key_bit(uint64_t key) { return (unsigned)((key * 0x9E3779B97F4A7C15ull) >> 58); }

/* The stopwords.txt classes of token i's word (bit 1 << HL_STOP, 1 << HL_COMMON),
** from its word memo when it has one: most words recur. */
static unsigned word_classes(const struct ne_doc *d, const struct ne_engine *e, size_t i) {
    ne_wmemo *m = d->wmemo ? d->wmemo[i] : NULL;
    if (m && (m->known & NE_WM_STOP)) return m->stop;
    const ne_token *t = NE_VEC_AT(d->tokens, ne_token, i);
    unsigned c = (neW_get(e->stopwords, t->norm, t->norm_len, HL_STOP) ? 1u << HL_STOP : 0) |
                 (neW_get(e->stopwords, t->norm, t->norm_len, HL_COMMON) ? 1u << HL_COMMON : 0);
    if (m) m->stop = (uint8_t)c, m->known |= NE_WM_STOP;
    return c;
}

static int stopword(const struct ne_doc *d, const struct ne_engine *e, size_t i) {
    return (word_classes(d, e, i) >> HL_STOP) & 1;
}

/* The word a token's stem is cut from: its lemma (its norm unless lemma
** tagging gave it another).  neLemma_tag runs before neHeadline_score and
** sets every lemma; a token without one (NULL) uses its norm, as
** title_weight checks, so stem_of and body_uses never read a NULL lemma. */
static const char *stem_word(const ne_token *t) { return t->lemma ? t->lemma : t->norm; }

/* The key of the stem of a token that may carry content: the stem's bytes
** (one to six) as a little-endian integer, so equal stems have equal keys
** and no key is 0; 0 when it carries none (punctuation, single letter);
** stopwords are left to the caller (stopword).  The stem starts from the
** lemma ("said" -> say, "children" -> child). */
static uint64_t stem_of(const ne_token *t) {
    if (t->shape == NE_SH_PUNCT || t->shape == NE_SH_QUOTE || t->shape == NE_SH_DASH || t->shape == NE_SH_OTHER) return 0;
    size_t n = t->norm_len;
    if (n < 2 || n >= STEM_MAX) return 0;
    const char *w = stem_word(t);
    if (w != t->norm) n = strlen(w);
    if (n < 2 || n >= STEM_MAX) return 0;
    size_t y = 0; /* "ies" -> "y": the length up to that 'y' */
    if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') n -= 2;
    if (n > 4 && !memcmp(w + n - 3, "ies", 3)) y = n -= 2;
    else if (n > 5 && !memcmp(w + n - 3, "ing", 3)) n -= 3;
    else if (n > 4 && !memcmp(w + n - 2, "ed", 2)) n -= 2;
    else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's') n -= 1;
    if (n > 6) n = 6; /* "Gazans"/"Gaza" no, but "Israeli"/"Israel", "attacks"/"attackers" yes */
    uint64_t key = ne_hash_load(w, n);
    if (y && y <= n) key = (key & ~((uint64_t)0xFF << 8 * (y - 1))) | (uint64_t)'y' << 8 * (y - 1);
    return key;
}

/* The weight of a title word, token i of word classes cls (word_classes):
** a common word of any story ("report", "year", "new") little, a name (actor
** or place mention) more.  Its lemma is looked up only when it is not the
** word itself (its norm, which word_classes looked up). */
static double title_weight(const struct ne_doc *d, const struct ne_engine *e, size_t i, unsigned cls) {
    const ne_token *t = NE_VEC_AT(d->tokens, ne_token, i);
    if ((cls >> HL_COMMON & 1) ||
        (t->lemma && t->lemma != t->norm && neW_get(e->stopwords, t->lemma, strlen(t->lemma), HL_COMMON)))
        return COMMON_WEIGHT;
    return (t->actor >= 0 || t->place >= 0) ? NAME_WEIGHT : 1.0;
}

/* A content word of a token: its stem's key (stem_of), 0 when the token
** carries no content (punctuation, stopword, single letter); its word
** classes into *cls when it has a stem (a stopword's too). */
static uint64_t content_stem(const struct ne_doc *d, const struct ne_engine *e, size_t i, unsigned *cls) {
    uint64_t key = stem_of(NE_VEC_AT(d->tokens, ne_token, i));
    if (!key) return 0;
    *cls = word_classes(d, e, i);
    return *cls >> HL_STOP & 1 ? 0 : key;
}

/* What a body token's stem must have to be a title word's: its key's bit
** (key_bit) in mask, the first two bytes of the word it is cut from (lemma or
** norm, stem_word) in pair (a stem keeps them: stem_of cuts or changes only
** bytes from the third on, except "x's" -> "x", whose words all begin "x'"). */
typedef struct stem_filter {
    uint64_t mask, pair[16];
} stem_filter;

/* Bit of a word's first two bytes (w[0] not NUL) in stem_filter.pair. */
static unsigned pair_bit(const char *w) { return ((unsigned char)w[0] & 31u) << 5 | ((unsigned char)w[1] & 31u); }

/* The first body token: the title's tokens come first (sentence.c splits
** the title before the body). */
static size_t body_first(const struct ne_doc *d) {
    if (d->title_sents >= d->sentences.n) return d->tokens.n;
    return NE_VEC_AT(d->sentences, ne_sentence, d->title_sents)->tok_first;
}

/* The title's content words in order (arena memory), a word whose stem is
** among the first 64 already taken left out; *f describes their stems. */
static title_word *title_words(struct ne_doc *d, const struct ne_engine *e, size_t *count, stem_filter *f) {
    const ne_token *tk = (const ne_token *)d->tokens.items;
    size_t nt = body_first(d);
    title_word *tw = neA_alloc(&d->arena, (nt + 1) * sizeof *tw);
    if (!tw) return NULL;
    uint64_t seen[64];
    size_t nseen = 0, n = 0;
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < nt; i++) {
        unsigned cls;
        uint64_t h = content_stem(d, e, i, &cls);
        if (!h) continue;
        int dup = 0;
        for (size_t k = 0; k < nseen && !dup; k++) dup = seen[k] == h;
        if (dup) continue;
        if (nseen < 64) seen[nseen++] = h;
        tw[n++] = (title_word){h, title_weight(d, e, i, cls), 0};
        f->mask |= (uint64_t)1 << key_bit(h);
        unsigned b = pair_bit(stem_word(&tk[i]));
        f->pair[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    *count = n;
    return tw;
}

/* Count the body's uses of each title word's stem: a body token is stemmed
** only when its first two bytes may start one, and looked up in the
** stopwords only when its stem is a title word's.  The count stops once
** every title word has two uses: more change no score (neHeadline_score). */
static void body_uses(struct ne_doc *d, const struct ne_engine *e, title_word *tw, size_t n, const stem_filter *f) {
    const ne_token *tk = (const ne_token *)d->tokens.items, *end = tk + d->tokens.n;
    const uint32_t lead_end = d->title_sents + LEAD_SENTS;
    size_t short_of_two = n; /* title words with fewer than two uses */
    if (!n) return;
    for (const ne_token *t = tk + body_first(d); t < end; t++) { /* its index only for the few that pass */
        const char *w = stem_word(t);
        if (!w[0]) continue; /* no stem from a word of less than 2 bytes */
        unsigned b = pair_bit(w);
        if (!(f->pair[b >> 6] >> (b & 63) & 1)) continue;
        uint64_t h = stem_of(t);
        if (!h || !(f->mask >> key_bit(h) & 1)) continue;
        size_t i = (size_t)(t - tk);
        int uses = t->sent < lead_end ? 2 : 1, stop = -1;
        for (size_t k = 0; k < n; k++) {
            if (tw[k].h != h) continue;
            if (stop < 0) stop = stopword(d, e, i);
            if (stop) continue;
            short_of_two -= tw[k].uses < 2 && tw[k].uses + uses >= 2;
            tw[k].uses = (uint8_t)(tw[k].uses + uses > 200 ? 200 : tw[k].uses + uses);
        }
        if (!short_of_two) return; /* tested here, where it changes: most tokens end above */
    }
}

int neHeadline_score(struct ne_doc *d, const struct ne_engine *e) {
    memset(&d->headline, 0, sizeof d->headline);
    if (!d->has_title || d->title_sents == 0) return NE_OK;
    size_t n;
    stem_filter f;
    title_word *tw = title_words(d, e, &n, &f);
    if (!tw) return NE_NOMEM;
    body_uses(d, e, tw, n, &f);
    double total = 0, hit = 0;
    for (size_t k = 0; k < n; k++) {
        total += tw[k].w;
        /* a word the body uses once, past its lead, is weak evidence */
        hit += tw[k].uses >= 2 ? tw[k].w : tw[k].uses == 1 ? tw[k].w / 2 : 0;
    }
    d->headline.present = 1;
    d->headline.score = total > 0 ? hit / total : 1.0;
    d->headline.related = d->headline.score >= HEADLINE_RELATED;
    return NE_OK;
}
