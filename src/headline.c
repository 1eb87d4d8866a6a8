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

typedef struct term_set {
    uint64_t *h;    /* 0 = empty slot */
    uint8_t *count; /* uses, saturating; lead sentences count 2 */
    size_t cap;     /* power of two */
} term_set;

static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ? h : 1;
}

static void set_add(term_set *s, uint64_t h, int uses) {
    size_t i = h & (s->cap - 1);
    while (s->h[i] && s->h[i] != h) i = (i + 1) & (s->cap - 1);
    s->h[i] = h;
    s->count[i] = (uint8_t)(s->count[i] + uses > 200 ? 200 : s->count[i] + uses);
}

static int set_count(const term_set *s, uint64_t h) {
    for (size_t i = h & (s->cap - 1); s->h[i]; i = (i + 1) & (s->cap - 1))
        if (s->h[i] == h) return s->count[i];
    return 0;
}

/* A content word of a token: its stem in buf (length returned), 0 when the
** token carries no content (punctuation, stopword, single letter).  The stem
** starts from the lemma ("said" -> say, "children" -> child). */
static size_t content_stem(const struct ne_engine *e, const ne_token *t, char *buf) {
    if (t->shape == NE_SH_PUNCT || t->shape == NE_SH_QUOTE || t->shape == NE_SH_DASH || t->shape == NE_SH_OTHER) return 0;
    size_t n = t->norm_len;
    if (n < 2 || n >= STEM_MAX || neW_get(e->stopwords, t->norm, n, HL_STOP)) return 0;
    const char *w = t->lemma ? t->lemma : t->norm;
    n = strlen(w);
    if (n < 2 || n >= STEM_MAX) return 0;
    memcpy(buf, w, n);
    if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's') n -= 2;
    if (n > 4 && !memcmp(buf + n - 3, "ies", 3)) { n -= 2; buf[n - 1] = 'y'; }
    else if (n > 5 && !memcmp(buf + n - 3, "ing", 3)) n -= 3;
    else if (n > 4 && !memcmp(buf + n - 2, "ed", 2)) n -= 2;
    else if (n > 3 && buf[n - 1] == 's' && buf[n - 2] != 's') n -= 1;
    if (n > 6) n = 6; /* "Gazans"/"Gaza" no, but "Israeli"/"Israel", "attacks"/"attackers" yes */
    return n;
}

/* The weight of a title word: a common word of any story ("report",
** "year", "new") little, a name (actor or place mention) more. */
static double title_weight(const struct ne_engine *e, const ne_token *t) {
    if (neW_get(e->stopwords, t->norm, t->norm_len, HL_COMMON) ||
        (t->lemma && neW_get(e->stopwords, t->lemma, strlen(t->lemma), HL_COMMON)))
        return COMMON_WEIGHT;
    return (t->actor >= 0 || t->place >= 0) ? NAME_WEIGHT : 1.0;
}

/* Body content words into s (arena memory). */
static int body_terms(struct ne_doc *d, const struct ne_engine *e, term_set *s) {
    const ne_token *tk = (const ne_token *)d->tokens.items;
    size_t body = d->tokens.n;
    s->cap = 64;
    while (s->cap < body * 2) s->cap <<= 1;
    s->h = neA_alloc(&d->arena, s->cap * sizeof *s->h);
    s->count = neA_alloc(&d->arena, s->cap);
    if (!s->h || !s->count) return NE_NOMEM;
    memset(s->h, 0, s->cap * sizeof *s->h);
    memset(s->count, 0, s->cap);
    char buf[STEM_MAX];
    for (size_t i = 0; i < d->tokens.n; i++) {
        if (tk[i].sent < d->title_sents) continue;
        size_t n = content_stem(e, &tk[i], buf);
        if (n) set_add(s, hash_bytes(buf, n), tk[i].sent < d->title_sents + LEAD_SENTS ? 2 : 1);
    }
    return NE_OK;
}

int neHeadline_score(struct ne_doc *d, const struct ne_engine *e) {
    memset(&d->headline, 0, sizeof d->headline);
    if (!d->has_title || d->title_sents == 0) return NE_OK;
    term_set body;
    int rc = body_terms(d, e, &body);
    if (rc) return rc;
    const ne_token *tk = (const ne_token *)d->tokens.items;
    uint64_t seen[64];
    size_t nseen = 0;
    double total = 0, hit = 0;
    char buf[STEM_MAX];
    for (size_t i = 0; i < d->tokens.n && tk[i].sent < d->title_sents; i++) {
        size_t n = content_stem(e, &tk[i], buf);
        if (!n) continue;
        uint64_t h = hash_bytes(buf, n);
        int dup = 0;
        for (size_t k = 0; k < nseen && !dup; k++) dup = seen[k] == h;
        if (dup) continue;
        if (nseen < 64) seen[nseen++] = h;
        double w = title_weight(e, &tk[i]);
        total += w;
        /* a word the body uses once, past its lead, is weak evidence */
        int uses = set_count(&body, h);
        hit += uses >= 2 ? w : uses == 1 ? w / 2 : 0;
    }
    d->headline.present = 1;
    d->headline.score = total > 0 ? hit / total : 1.0;
    d->headline.related = d->headline.score >= HEADLINE_RELATED;
    return NE_OK;
}
