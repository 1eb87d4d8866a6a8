/* headline.c: headline-to-body consistency: is the title about the body?
** Scores the share of the title's content words (actors and places count
** double) that the body also uses (in full when used twice or in its lead,
** half when once); stopwords come from dictionaries/stopwords.txt. */
#include "neInt.h"

#include <string.h>

/* Score at or above which the title is taken to be about the body; chosen on
** headline/body pairs built from FNC-1's training bodies (docs/TIME.md). */
#define HEADLINE_RELATED 0.22
#define STEM_MAX 48
#define LEAD_SENTS 3 /* the body's first sentences say what it is about */

static const char *const hl_classes[] = {"stop", NULL};

int neHeadline_load(struct ne_engine *e) { return neW_load(e, "stopwords.txt", hl_classes, &e->stopwords); }

/* The title's content words, each once (but see title_words), and how
** often the body uses each; arrays in the document arena. */
#define HL_MAX_SEEN 64
typedef struct title_terms {
    uint64_t *h;  /* stem hash */
    double *w;    /* 2 for actors and places, else 1 */
    int *uses;    /* body uses; lead sentences count 2 */
    size_t n;
} title_terms;

static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ? h : 1;
}

/* The stem of a token's word in buf (length returned), 0 for punctuation,
** single letters and overlong words.  Stopwords are not checked here. */
static size_t word_stem(const ne_token *t, char *buf) {
    if (t->shape == NE_SH_PUNCT || t->shape == NE_SH_QUOTE || t->shape == NE_SH_DASH || t->shape == NE_SH_OTHER) return 0;
    size_t n = t->norm_len;
    if (n < 2 || n >= STEM_MAX) return 0;
    memcpy(buf, t->norm, n);
    if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's') n -= 2;
    if (n > 4 && !memcmp(buf + n - 3, "ies", 3)) { n -= 2; buf[n - 1] = 'y'; }
    else if (n > 5 && !memcmp(buf + n - 3, "ing", 3)) n -= 3;
    else if (n > 4 && !memcmp(buf + n - 2, "ed", 2)) n -= 2;
    else if (n > 3 && buf[n - 1] == 's' && buf[n - 2] != 's') n -= 1;
    if (n > 6) n = 6; /* "Gazans"/"Gaza" no, but "Israeli"/"Israel", "attacks"/"attackers" yes */
    return n;
}

static int stopword(const struct ne_engine *e, const ne_token *t) {
    return neW_get(e->stopwords, t->norm, t->norm_len, -1) != NULL;
}

/* The title's content words (stem hashes) in title order, each once; only
** the first HL_MAX_SEEN distinct ones are remembered, so a word after them
** counts at every use. */
static int title_words(struct ne_doc *d, const struct ne_engine *e, title_terms *tt) {
    const ne_token *tk = (const ne_token *)d->tokens.items;
    size_t nt = 0;
    while (nt < d->tokens.n && tk[nt].sent < d->title_sents) nt++;
    tt->n = 0;
    tt->h = neA_alloc(&d->arena, (nt + 1) * sizeof *tt->h);
    tt->w = neA_alloc(&d->arena, (nt + 1) * sizeof *tt->w);
    tt->uses = neA_alloc(&d->arena, (nt + 1) * sizeof *tt->uses);
    if (!tt->h || !tt->w || !tt->uses) return NE_NOMEM;
    char buf[STEM_MAX];
    for (size_t i = 0; i < nt; i++) {
        size_t n = word_stem(&tk[i], buf);
        if (!n || stopword(e, &tk[i])) continue;
        uint64_t h = hash_bytes(buf, n);
        int dup = 0;
        for (size_t k = 0; k < tt->n && k < HL_MAX_SEEN && !dup; k++) dup = tt->h[k] == h;
        if (dup) continue;
        tt->h[tt->n] = h;
        tt->w[tt->n] = (tk[i].actor >= 0 || tk[i].place >= 0) ? 2.0 : 1.0;
        tt->uses[tt->n++] = 0;
    }
    return NE_OK;
}

/* Count the body's uses of the title's words; only a body word that stems
** like a title word is looked up in the stopword list. */
static void body_uses(const struct ne_doc *d, const struct ne_engine *e, title_terms *tt) {
    const ne_token *tk = (const ne_token *)d->tokens.items;
    char buf[STEM_MAX];
    uint64_t seen = 0; /* bit h & 63 of each title word: most body words miss it */
    for (size_t k = 0; k < tt->n; k++) seen |= (uint64_t)1 << (tt->h[k] & 63);
    for (size_t i = 0; i < d->tokens.n; i++) {
        if (tk[i].sent < d->title_sents) continue;
        size_t n = word_stem(&tk[i], buf);
        if (!n) continue;
        uint64_t h = hash_bytes(buf, n);
        if (!(seen >> (h & 63) & 1)) continue;
        int stop = -1; /* unknown yet */
        for (size_t k = 0; k < tt->n; k++) {
            if (tt->h[k] != h) continue;
            if (stop < 0) stop = stopword(e, &tk[i]);
            if (!stop) tt->uses[k] += tk[i].sent < d->title_sents + LEAD_SENTS ? 2 : 1;
        }
    }
}

int neHeadline_score(struct ne_doc *d, const struct ne_engine *e) {
    memset(&d->headline, 0, sizeof d->headline);
    if (!d->has_title || d->title_sents == 0) return NE_OK;
    title_terms tt;
    if (title_words(d, e, &tt)) return NE_NOMEM;
    body_uses(d, e, &tt);
    double total = 0, hit = 0;
    for (size_t k = 0; k < tt.n; k++) {
        total += tt.w[k];
        /* a word the body uses once, past its lead, is weak evidence */
        hit += tt.uses[k] >= 2 ? tt.w[k] : tt.uses[k] == 1 ? tt.w[k] / 2 : 0;
    }
    d->headline.present = 1;
    d->headline.score = total > 0 ? hit / total : 1.0;
    d->headline.related = d->headline.score >= HEADLINE_RELATED;
    return NE_OK;
}
