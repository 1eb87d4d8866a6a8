/* pattern.c: the verb and event-noun pattern dictionary
** (dictionaries/patterns/NN.txt, docs/PATTERNS.md): parsing with FILE:LINE
** errors, and the anchor index (a hash keyed by the anchor's lemma), so that
** per-sentence cost does not depend on the size of the dictionary. */
#include "neInt.h"
#include "snap.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAT_MAX_ELEMS 24
#define PAT_MAX_ALTS 32
#define PAT_MAX_WORD 64
#define PAT_KEYED 24 /* patterns of one kind on one anchor that get a key index (ne_pkeys) */

/* One anchor lemma in the index: 64 bytes, one cache line, holding what a
** lookup compares (the lemma itself when shorter than PAT_KEY) and what the
** matcher reads next (the anchor entry). */
#define PAT_KEY NE_PI_KEY
typedef struct pat_bucket {
    uint32_t hash;
    char key[PAT_KEY];   /* the lemma when it fits, else "" */
    const char *lemma;   /* NULL: empty slot */
    ne_anchor an;        /* pointing into entries and firsts */
} pat_bucket;
/* The lemma's run of order, parallel to the buckets (nePattern_lookup). */
typedef struct pat_run { uint32_t first, count; } pat_run;
_Static_assert(sizeof(pat_bucket) == 64, "a bucket is one cache line");

struct ne_patterns {
    ne_arena arena;      /* everything below lives here */
    ne_vec pats;         /* ne_pattern, in file order */
    const ne_pattern **order; /* sorted by anchor lemma, then longest first */
    ne_pentry *entries;  /* each lemma's run of order split: verbs, then nouns; with filters */
    uint16_t *firsts;    /* parallel to entries: each filter's all[0] */
    /* the entries' words lists (ne_pentry.words) of the patterns in file
    ** order (make_lists, or read from patterns.snap: nePattern_set_lists),
    ** each ended by a 0 head, a lone 0 for a pattern without one: pattern
    ** i's at lists + list_at[i]; they cover the first nlisted patterns */
    uint16_t *lists;
    uint32_t *list_at;
    size_t nlisted, lists_len;
    void *bucket_mem;    /* the allocation buckets are aligned in */
    pat_bucket *buckets; /* 64-byte aligned */
    pat_run *runs;       /* parallel to buckets */
    size_t cap;
    uint32_t serial;     /* unique per patterns object (nePattern_serial): word memos check it */
    /* bit (hash & 0xffff) of each anchor lemma: most tokens are no anchor,
    ** and this 8 KB map says so without probing the buckets */
    uint64_t amap[NE_AMAP_BITS / 64];
};

/* The words already made while loading (their lowercase surface -> the
** ne_pword and the surface's word class): the pattern files repeat a few
** thousand words ~94,000 times, and a word's lemma, hashes and class depend
** on its surface alone, so each is looked up once and its arena strings are
** shared.  Open addressing, load <= 1/2. */
typedef struct word_memo {
    ne_pword *w;          /* w[i].surface NULL: empty slot */
    int8_t *wc;           /* word class of w[i].surface, -1 not asked yet */
    size_t cap, n;
} word_memo;

/* Parsing state of one line. */
typedef struct pat_line {
    struct ne_engine *e;
    ne_patterns *p;
    const char *file;
    size_t lineno;
    word_memo *memo;      /* NULL: every word made afresh */
    ne_pelem elems[PAT_MAX_ELEMS];
    size_t n;
    int by_speaker;       /* the line holds "@" */
    int check;            /* check mode (dict check): also report patterns that can never match */
} pat_line;

static int line_fail(pat_line *pl, const char *fmt, const char *arg) {
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg);
    return ne_engine_fail(pl->e, NE_DATA, "%s:%zu: %s", pl->file, pl->lineno, msg);
}

ne_patterns *nePattern_new(void) {
    ne_patterns *p = neM_calloc(1, sizeof *p);
    if (!p) return NULL;
    p->serial = neU_serial();
    neA_init(&p->arena);
    neV_init(&p->pats, sizeof(ne_pattern));
    return p;
}

void nePattern_free(ne_patterns *p) {
    if (!p) return;
    neM_free(p->order);
    neM_free(p->entries);
    neM_free(p->firsts);
    neM_free(p->lists);
    neM_free(p->list_at);
    neM_free(p->bucket_mem);
    neM_free(p->runs);
    neA_free(&p->arena);
    neM_free(p);
}

size_t nePattern_count(const ne_patterns *p) { return p ? p->pats.n : 0; }

/* Lowercase ASCII copy; other bytes (UTF-8) are kept. */
static void lower_copy(char *dst, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    dst[n] = 0;
}

/* A byte that may not sit in a word: what strchr("{}()|+$#", c) finds,
** NUL included (a switch: this runs on every byte of every pattern word). */
static int stray_byte(char c) {
    switch (c) {
    case '{': case '}': case '(': case ')': case '|': case '+': case '$': case '#': case '\0': return 1;
    default: return 0;
    }
}

/* The memo slot of lowercase word [low, low+n) whose ne_hash is h: its
** entry (*found 1), or the empty slot to fill; SIZE_MAX on NOMEM.  Growing
** moves the slots. */
static size_t memo_slot(word_memo *m, const char *low, size_t n, uint32_t h, int *found) {
    *found = 0;
    if ((m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 4096;
        ne_pword *w = neM_calloc(cap, sizeof *w);
        int8_t *wc = neM_malloc(cap);
        if (!w || !wc) { neM_free(w); neM_free(wc); return SIZE_MAX; }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->w[i].surface) continue;
            size_t k = m->w[i].sh & (cap - 1);
            while (w[k].surface) k = (k + 1) & (cap - 1);
            w[k] = m->w[i];
            wc[k] = m->wc[i];
        }
        neM_free(m->w);
        neM_free(m->wc);
        m->w = w, m->wc = wc, m->cap = cap;
    }
    size_t k = h & (m->cap - 1);
    for (; m->w[k].surface; k = (k + 1) & (m->cap - 1))
        if (m->w[k].sh == h && !strncmp(m->w[k].surface, low, n) && !m->w[k].surface[n]) { *found = 1; break; }
    return k;
}

/* Fill w from the word [s, s+n): surface (lowercase) and lemma; through the
** memo when there is one (*slot its slot, else SIZE_MAX). */
static int make_word(pat_line *pl, ne_pword *w, const char *s, size_t n, size_t *slot) {
    char low[PAT_MAX_WORD + 1], lem[PAT_MAX_WORD + 1];
    *slot = SIZE_MAX;
    if (n == 0 || n > PAT_MAX_WORD) return line_fail(pl, "bad word length in '%s'", "");
    for (size_t i = 0; i < n; i++)
        if (stray_byte(s[i])) return line_fail(pl, "stray bracket, '|', '+' or '$' in a word%s", "");
    lower_copy(low, s, n);
    int found = 0;
    uint32_t h = ne_hash(low, n);
    if (pl->memo && (*slot = memo_slot(pl->memo, low, n, h, &found)) == SIZE_MAX)
        return ne_engine_fail(pl->e, NE_NOMEM, "out of memory");
    if (found) {
        *w = pl->memo->w[*slot];
        return NE_OK;
    }
    const char *l = neLemma_word(pl->e->lexicon, low, n, lem, sizeof lem);
    w->surface = neA_strndup(&pl->p->arena, low, n);
    w->lemma = l ? neA_strndup(&pl->p->arena, l, strlen(l)) : w->surface;
    w->sh = h;
    w->lh = l ? ne_hash(l, strlen(l)) : w->sh;
    if (!w->surface || !w->lemma) return ne_engine_fail(pl->e, NE_NOMEM, "out of memory");
    if (*slot != SIZE_MAX) {
        pl->memo->w[*slot] = *w;
        pl->memo->wc[*slot] = -1;
        pl->memo->n++;
    }
    return NE_OK;
}

/* neLemma_class of the surface of word w, made at memo slot (SIZE_MAX: none). */
static int word_class(pat_line *pl, const ne_pword *w, size_t slot) {
    if (slot != SIZE_MAX && pl->memo->wc[slot] >= 0) return pl->memo->wc[slot];
    int wc = neLemma_class(pl->e->lexicon, w->surface, strlen(w->surface));
    if (slot != SIZE_MAX) pl->memo->wc[slot] = (int8_t)wc;
    return wc;
}

static ne_pelem *new_elem(pat_line *pl, uint8_t kind) {
    if (pl->n == PAT_MAX_ELEMS) return NULL;
    ne_pelem *el = &pl->elems[pl->n++];
    memset(el, 0, sizeof *el);
    el->kind = kind;
    return el;
}

/* The ne_pelem.altset of the n words alt, in p's arena; NULL on NOMEM. */
static const uint64_t *alt_set(ne_patterns *p, const ne_pword *alt, size_t n) {
    uint64_t *set = neA_alloc(&p->arena, NE_PE_ALTSET / 8);
    if (!set) return NULL;
    memset(set, 0, NE_PE_ALTSET / 8);
    for (size_t k = 0; k < n; k++) {
        unsigned l = ne_pe_altbit(alt[k].lh), s = ne_pe_altbit(alt[k].sh);
        set[l >> 6] |= (uint64_t)1 << (l & 63);
        set[s >> 6] |= (uint64_t)1 << (s & 63);
    }
    return set;
}

/* "a|b|c" (inside braces or parentheses) into an element of alternatives. */
static int parse_alts(pat_line *pl, uint8_t kind, const char *s, size_t n) {
    ne_pword tmp[PAT_MAX_ALTS];
    size_t k = 0, i = 0;
    int wc = 0;
    while (i <= n) {
        size_t j = i, slot;
        while (j < n && s[j] != '|') j++;
        if (k == PAT_MAX_ALTS) return line_fail(pl, "too many alternatives%s", "");
        int rc = make_word(pl, &tmp[k++], s + i, j - i, &slot);
        if (rc) return rc;
        if (k == 1) wc = word_class(pl, &tmp[0], slot); /* before a later word moves the slot */
        i = j + 1;
    }
    ne_pelem *el = new_elem(pl, kind);
    ne_pword *alt = neA_alloc(&pl->p->arena, k * sizeof *alt);
    if (!el) return line_fail(pl, "pattern too long%s", "");
    if (!alt) return ne_engine_fail(pl->e, NE_NOMEM, "out of memory");
    memcpy(alt, tmp, k * sizeof *alt);
    el->alt = alt;
    el->nalt = (uint8_t)k;
    if (k >= NE_PE_ALTSET_MIN && !(el->altset = alt_set(pl->p, alt, k)))
        return ne_engine_fail(pl->e, NE_NOMEM, "out of memory");
    el->func = wc == NE_WC_PREP || wc == NE_WC_TO || wc == NE_WC_THAT || wc == NE_WC_CONJ || wc == NE_WC_SUB;
    return NE_OK;
}

/* A plain word; hyphenated words become word, "-", word (as tokenized). */
static int parse_plain(pat_line *pl, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '-') j++;
        if (j > i) {
            int rc = parse_alts(pl, NE_PE_WORD, s + i, j - i);
            if (rc) return rc;
        }
        if (j < n) {
            int rc = parse_alts(pl, NE_PE_WORD, "-", 1);
            if (rc) return rc;
        }
        i = j + 1;
    }
    return NE_OK;
}

static int parse_element(pat_line *pl, const char *s, size_t n) {
    if (n == 1 && *s == '@') { /* no element: the quotation's speaker is the source */
        pl->by_speaker = 1;
        return NE_OK;
    }
    if ((n == 1 && (*s == '+' || *s == '$')) || (n == 2 && *s == '+' && s[1] == '!')) {
        ne_pelem *el = new_elem(pl, *s == '+' ? NE_PE_TARGET : NE_PE_SOURCE);
        if (!el) return line_fail(pl, "pattern too long%s", "");
        el->need_actor = n == 2; /* "+!": the slot must name an actor */
        return NE_OK;
    }
    if (n == 3 && !memcmp(s, "...", 3)) return new_elem(pl, NE_PE_GAP) ? NE_OK : line_fail(pl, "pattern too long%s", "");
    if (*s == '{' || *s == '(') {
        char close = *s == '{' ? '}' : ')';
        if (n < 3 || s[n - 1] != close) return line_fail(pl, "unbalanced '%s'", *s == '{' ? "{" : "(");
        return parse_alts(pl, *s == '{' ? NE_PE_WORD : NE_PE_OPT, s + 1, n - 2);
    }
    return parse_plain(pl, s, n);
}

/* The --explain text "FILE:LINE: TEXT" in the engine arena, built by hand:
** one snprintf-style format per pattern was ~6% of the engine's startup. */
static char *explain_text(pat_line *pl, const char *text, size_t tlen) {
    const char *nul = memchr(text, 0, tlen); /* as "%.*s" */
    if (nul) tlen = (size_t)(nul - text);
    char num[24];
    size_t nd = 0, v = pl->lineno, flen = strlen(pl->file);
    do num[sizeof num - 1 - nd++] = (char)('0' + v % 10); while ((v /= 10) && nd < sizeof num);
    char *t = neA_alloc(&pl->p->arena, flen + nd + tlen + 4);
    if (!t) return NULL;
    char *w = t;
    memcpy(w, pl->file, flen), w += flen;
    *w++ = ':';
    memcpy(w, num + sizeof num - nd, nd), w += nd;
    *w++ = ':', *w++ = ' ';
    if (tlen) memcpy(w, text, tlen), w += tlen;
    *w = 0;
    return t;
}

/* Why a verb pattern anchored on lemma l can never match, or NULL when it
** can: the matcher tries a verb pattern only on a token judged a verb
** (event.c first_try, clause.c verb_form), and never judges an auxiliary, a
** modal or another function word one, nor a word WordNet has no verb for:
** "have (a) meeting with +" (have), "will meet" (will), "airstrike on +". */
static const char *dead_verb_anchor(const ne_lexicon *lx, const char *l) {
    if (!lx) return NULL; /* no lexicon: cannot tell */
    size_t n = strlen(l);
    int c = neLemma_class(lx, l, n);
    if (c == NE_WC_BE || c == NE_WC_HAVE || c == NE_WC_DO)
        return "is an auxiliary, never tried as a verb: anchor the pattern on the next content word";
    if (c == NE_WC_MODAL) return "is a modal, never tried as a verb: anchor the pattern on the next content word";
    if (c != NE_WC_OPEN && c != NE_WC_REPORT && c != NE_WC_IMPLIC)
        return "is a function word, never tried as a verb: anchor the pattern on a content word";
    if (!neLemma_verb_lemma(lx, l, n)) return "is no verb in WordNet, never tried as a verb: make the pattern 'n'";
    return NULL;
}

/* Check mode: fail a line whose pattern can never match (dead_verb_anchor). */
static int check_anchor(pat_line *pl, char kind, int anchor) {
    if (!pl->check || kind != 'v') return NE_OK;
    const char *l = pl->elems[anchor].alt[0].lemma, *why = dead_verb_anchor(pl->e->lexicon, l);
    if (!why) return NE_OK;
    return ne_engine_fail(pl->e, NE_DATA, "%s:%zu: can never match: its anchor '%s' %s", pl->file, pl->lineno, l, why);
}

/* Check the element list and store the pattern. */
static int finish_pattern(pat_line *pl, const ne_cameo_code *cc, char kind, const char *text, size_t tlen) {
    int anchor = -1, targets = 0, sources = 0;
    uint16_t weight = 0;
    for (size_t i = 0; i < pl->n; i++) {
        const ne_pelem *el = &pl->elems[i];
        if (el->kind == NE_PE_WORD && el->nalt == 1 && anchor < 0 && strcmp(el->alt[0].surface, "-")) anchor = (int)i;
        targets += el->kind == NE_PE_TARGET;
        sources += el->kind == NE_PE_SOURCE;
        weight += el->kind == NE_PE_WORD ? 2 : el->kind == NE_PE_TARGET || el->kind == NE_PE_SOURCE ? 1 : 0;
    }
    if (anchor < 0) return line_fail(pl, "no anchor word (the first plain word)%s", "");
    if (targets > 1 || sources > 1) return line_fail(pl, "more than one '+' or '$'%s", "");
    if (pl->by_speaker && (targets || sources))
        return line_fail(pl, "'@' needs a pattern without '+' or '$'%s", "");
    if (pl->n && (pl->elems[0].kind == NE_PE_GAP || pl->elems[pl->n - 1].kind == NE_PE_GAP))
        return line_fail(pl, "'...' must sit between two elements%s", "");
    int rc = check_anchor(pl, kind, anchor);
    if (rc) return rc;
    ne_pattern *pt = neV_push(&pl->p->arena, &pl->p->pats);
    ne_pelem *els = neA_alloc(&pl->p->arena, pl->n * sizeof *els);
    char *t = explain_text(pl, text, tlen);
    if (!pt || !els || !t) return ne_engine_fail(pl->e, NE_NOMEM, "out of memory");
    memcpy(els, pl->elems, pl->n * sizeof *els);
    pt->cameo = cc;
    pt->kind = kind;
    pt->nelems = (uint8_t)pl->n;
    pt->anchor = (uint8_t)anchor;
    pt->has_target = (uint8_t)targets;
    pt->has_source = (uint8_t)sources;
    pt->by_speaker = (uint8_t)pl->by_speaker;
    pt->weight = weight;
    pt->elems = els;
    pt->text = t;
    return NE_OK;
}

/* Next whitespace-separated field of [*s, end); returns its length. */
static size_t next_field(const char **s, const char *end) {
    while (*s < end && (**s == ' ' || **s == '\t')) (*s)++;
    const char *b = *s;
    while (*s < end && **s != ' ' && **s != '\t') (*s)++;
    return (size_t)(*s - b);
}

/* One line without its comment: CODE KIND PATTERN. */
static int parse_line(pat_line *pl, const char *s, const char *end) {
    const char *text = s;
    char code[8];
    size_t n = next_field(&s, end);
    if (n == 0) return NE_OK; /* blank */
    if (n >= sizeof code) return line_fail(pl, "bad CAMEO code%s", "");
    memcpy(code, s - n, n);
    code[n] = 0;
    const ne_cameo_code *cc = strcmp(code, "-") ? neCameo_get(pl->e->cameo, code) : NULL; /* "-": no event */
    if (!cc && strcmp(code, "-")) return line_fail(pl, "unknown CAMEO code '%s' (not in cameo/codes.tsv)", code);
    n = next_field(&s, end);
    if (n != 1 || (s[-1] != 'v' && s[-1] != 'n')) return line_fail(pl, "kind must be 'v' or 'n'%s", "");
    char kind = s[-1];
    pl->n = 0;
    pl->by_speaker = 0;
    while ((n = next_field(&s, end)) > 0) {
        int rc = parse_element(pl, s - n, n);
        if (rc) return rc;
    }
    if (pl->n == 0) return line_fail(pl, "empty pattern%s", "");
    while (end > text && (end[-1] == ' ' || end[-1] == '\t')) end--;
    return finish_pattern(pl, cc, kind, text, (size_t)(end - text));
}

/* Parse text line by line.  Without report, the first bad line fails the
** whole text; with report (check mode), each bad line's message is passed to
** report, counted in *nerr, and parsing goes on with the next line. */
static int parse_text(pat_line *pl, const char *text, size_t len, void (*report)(void *, const char *),
                      void *ctx, size_t *nerr) {
    const char *s = text, *end = text + len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *hash = memchr(s, '#', (size_t)(le - s));
        const char *ce = hash ? hash : le;
        while (ce > s && (ce[-1] == '\r' || ce[-1] == ' ' || ce[-1] == '\t')) ce--;
        pl->lineno++;
        int rc = parse_line(pl, s, ce);
        if (rc && (!report || rc != NE_DATA)) return rc;
        if (rc) {
            report(ctx, ne_engine_errmsg(pl->e));
            (*nerr)++;
        }
        s = nl ? nl + 1 : end;
    }
    return NE_OK;
}

int nePattern_parse(struct ne_engine *e, ne_patterns *p, const char *file, const char *text, size_t len) {
    pat_line pl = {.e = e, .p = p, .file = file};
    return parse_text(&pl, text, len, NULL, NULL, NULL);
}

/* ---- the anchor index ---- */


static const char *anchor_lemma(const ne_pattern *pt) { return pt->elems[pt->anchor].alt[0].lemma; }


static int str_cmp(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Stable counting sort of the n indexes in by key[] (< nkeys) into out. */
static int counting_sort(const uint32_t *in, uint32_t *out, size_t n, const uint32_t *key, size_t nkeys) {
    uint32_t *at = neM_calloc(nkeys + 1, sizeof *at);
    if (!at) return NE_NOMEM;
    for (size_t i = 0; i < n; i++) at[key[in[i]] + 1]++;
    for (size_t k = 0; k < nkeys; k++) at[k + 1] += at[k];
    for (size_t i = 0; i < n; i++) out[at[key[in[i]]]++] = in[i];
    neM_free(at);
    return NE_OK;
}

/* The slot of pointer q in the open-addressing set (cap a power of two):
** where it is, or the empty slot where it goes. */
static size_t ptr_slot(const char *const *set, size_t cap, const char *q) {
    size_t h = (size_t)(((uintptr_t)q >> 3) * 0x9E3779B97F4A7C15ull) & (cap - 1);
    while (set[h] && set[h] != q) h = (h + 1) & (cap - 1);
    return h;
}

/* rank[i]: the place of pattern i's anchor lemma among the distinct anchor
** lemma strings in strcmp order (lem: each pattern's anchor lemma); returns
** the number of ranks, 0 on NOMEM.  Most equal lemmas are one string (the
** loader's word memo), so the distinct pointers are few: a hash of them
** maps each to its rank, and only they are sorted. */
static size_t lemma_ranks(const char **lem, size_t n, uint32_t *rank) {
    size_t cap = 16, m = 0, r = 0;
    while (cap < n * 2) cap *= 2;
    const char **set = neM_calloc(cap, sizeof *set), **uniq = neM_calloc(n ? n : 1, sizeof *uniq);
    uint32_t *val = neM_calloc(cap, sizeof *val);
    int ok = set && uniq && val;
    for (size_t i = 0; ok && i < n; i++) {
        size_t h = ptr_slot(set, cap, lem[i]);
        if (!set[h]) set[h] = uniq[m++] = lem[i];
    }
    if (ok) qsort(uniq, m, sizeof *uniq, str_cmp);
    for (size_t u = 0; ok && u < m; u++) {
        if (u && strcmp(uniq[u - 1], uniq[u])) r++;
        val[ptr_slot(set, cap, uniq[u])] = (uint32_t)r;
    }
    for (size_t i = 0; ok && i < n; i++) rank[i] = val[ptr_slot(set, cap, lem[i])];
    neM_free(set);
    neM_free(uniq);
    neM_free(val);
    return ok ? r + 1 : 0;
}

/* p->order: the n patterns sorted by anchor lemma (strcmp order), heavier
** first among those, then in file order, without comparing patterns: two
** stable counting sorts of their indexes, by weight and then by lemma rank.
** order_rank[i]: the lemma rank of p->order[i] (equal ranks, equal lemmas);
** *groups: the number of distinct anchor lemmas. */
static int sort_order(ne_patterns *p, size_t n, uint32_t *order_rank, size_t *groups) {
    const char **lem = neM_calloc(n ? n : 1, sizeof *lem);
    uint32_t *rank = neM_calloc(n ? n : 1, sizeof *rank), *wkey = neM_calloc(n ? n : 1, sizeof *wkey);
    uint32_t *a = neM_calloc(n ? n : 1, sizeof *a), *b = neM_calloc(n ? n : 1, sizeof *b);
    size_t ranks = 0;
    int rc = (lem && rank && wkey && a && b) ? NE_OK : NE_NOMEM;
    for (size_t i = 0; rc == NE_OK && i < n; i++) {
        const ne_pattern *pt = NE_VEC_AT(p->pats, ne_pattern, i);
        lem[i] = anchor_lemma(pt);
        wkey[i] = UINT16_MAX - pt->weight; /* heavier first */
        a[i] = (uint32_t)i;
    }
    if (rc == NE_OK && !(ranks = lemma_ranks(lem, n, rank))) rc = NE_NOMEM;
    if (rc == NE_OK) rc = counting_sort(a, b, n, wkey, (size_t)UINT16_MAX + 1);
    if (rc == NE_OK) rc = counting_sort(b, a, n, rank, ranks);
    for (size_t i = 0; rc == NE_OK && i < n; i++) {
        p->order[i] = NE_VEC_AT(p->pats, ne_pattern, a[i]);
        order_rank[i] = rank[a[i]];
    }
    *groups = n ? ranks : 0;
    neM_free(lem);
    neM_free(rank);
    neM_free(wkey);
    neM_free(a);
    neM_free(b);
    return rc;
}

/* The word-set bits of element el (each word's lemma and surface hash) into
** bits; returns how many, or 0 when there are more than max. */
static int elem_bits(const ne_pelem *el, uint16_t *bits, int max) {
    int n = 0;
    for (int k = 0; k < el->nalt; k++) {
        uint16_t b[2] = {(uint16_t)ne_ws_bit(el->alt[k].lh), (uint16_t)ne_ws_bit(el->alt[k].sh)};
        for (int j = 0; j < 2 - (b[1] == b[0]); j++) { /* most words are their own lemma: one bit */
            int dup = 0;
            for (int m = 0; m < n; m++) dup |= bits[m] == b[j];
            if (dup) continue;
            if (n == max) return 0;
            bits[n++] = b[j];
        }
    }
    return n;
}

/* Is el a word most sentences have (a function word, or one of at most
** three letters: "to", "on", "the", "a")?  Such words filter little. */
static int common_elem(const ne_pelem *el) { return el->func || strlen(el->alt[0].surface) <= 3; }

/* The filter of pt from its required words (WORD elements but the anchor;
** a token matches a word by lemma or surface, both hashed into the
** sentence's set): up to 4 one-bit elements in all[], then one element of
** up to 4 bits in any[]; a pattern is filtered on those only.  Rarer words
** are taken first (all[0] is tested alone first): content words, then
** common ones (common_elem).  Any choice gives the same matches, as the
** filter only skips patterns that cannot match. */
static ne_pfilter pattern_filter(const ne_pattern *pt) {
    ne_pfilter f = {{NE_WS_NONE, NE_WS_NONE, NE_WS_NONE, NE_WS_NONE}, {NE_WS_NONE, NE_WS_NEVER, NE_WS_NEVER, NE_WS_NEVER}};
    int nall = 0, nany = 0;
    for (int common = 0; common < 2; common++)
        for (int i = 0; i < pt->nelems; i++) {
            const ne_pelem *el = &pt->elems[i];
            if (i == pt->anchor || el->kind != NE_PE_WORD || common_elem(el) != common) continue;
            uint16_t bits[4];
            int n = elem_bits(el, bits, 4);
            if (n == 1 && nall < 4) f.all[nall++] = bits[0];
            else if (n > 1 && !nany) {
                memcpy(f.any, bits, (size_t)n * sizeof *bits);
                nany = n;
            }
        }
    return f;
}

/* The keys of pattern entry e, whose all[0] is first, in a key index
** (build_keys) into keys; returns how many (at most 64).  first when a
** word; else the bits of its any[] group; else the bits of its required
** group (a WORD element but the anchor) of the fewest hashes, content words
** (common_elem) first; else NE_WS_NONE (tried in every sentence).  A
** sentence without one of a group's bits holds none of its words (the
** filter's reasoning, pattern_filter), so the pattern cannot match there:
** "call + (a|an) {disgrace|fraud|...}" is met only in sentences holding
** one of its last words. */
static int entry_keys(const ne_pentry *e, uint16_t first, uint16_t *keys) {
    int n = 0, best = -1, score = 0;
    if (first != NE_WS_NONE) return keys[0] = first, 1;
    while (n < 4 && e->f.any[n] < NE_WS_BITS) keys[n] = e->f.any[n], n++;
    if (n) return n;
    const ne_pattern *pt = e->pt;
    for (int i = 0; i < pt->nelems; i++) {
        const ne_pelem *el = &pt->elems[i];
        uint16_t bits[64];
        if (i == pt->anchor || el->kind != NE_PE_WORD) continue;
        int m = elem_bits(el, bits, 64), sc = m + (common_elem(el) ? 1000 : 0);
        if (m && (best < 0 || sc < score)) best = i, score = sc;
    }
    if (best < 0) return keys[0] = NE_WS_NONE, 1;
    return elem_bits(&pt->elems[best], keys, 64);
}

/* The key index ks of n entries, each with keys kb[kat[k], kat[k + 1]) (kat[n]:
** total), whose bits are in ks->map and whose counts in count (build_keys):
** ks's ranks, starts (at) and entries (idx), in p's arena; count holds each
** key's cursor after it. */
static int index_keys(ne_patterns *p, ne_pkeys *ks, uint32_t n, uint32_t *kat, const uint16_t *kb, uint32_t total,
                      uint32_t *count) {
    kat[n] = total;
    for (int w = 0; w < NE_WS_BITS / 64; w++) {
        ks->rank[w] = (uint16_t)ks->nkeys;
        ks->nkeys += (uint32_t)__builtin_popcountll(ks->map[w]);
        if (ks->map[w]) ks->used |= (uint64_t)1 << w;
    }
    uint32_t *at = neA_alloc(&p->arena, (ks->nkeys + 2) * sizeof *at);
    uint16_t *idx = neA_alloc(&p->arena, (total ? total : 1) * sizeof *idx);
    if (!at || !idx) return NE_NOMEM;
    uint32_t g = 0, start = 0;
    for (int w = 0; w < NE_WS_BITS / 64; w++) /* each key's start, ascending; count[] becomes its cursor */
        for (uint64_t m = ks->map[w]; m; m &= m - 1) {
            uint32_t b = (uint32_t)w * 64 + (uint32_t)__builtin_ctzll(m), c = count[b];
            at[g++] = count[b] = start;
            start += c;
        }
    at[g] = start; /* the filters without a required word */
    at[g + 1] = total;
    count[NE_WS_NONE] = start;
    for (uint32_t k = 0; k < n; k++)
        for (uint32_t x = kat[k]; x < kat[k + 1]; x++) idx[count[kb[x]]++] = (uint16_t)k;
    ks->at = at, ks->idx = idx;
    return NE_OK;
}

/* The key index (ne_pkeys) of the n entries l whose all[0] are first[0, n)
** (each under its entry_keys), n < 65536, in p's arena; count: NE_WS_BITS + 1
** zeros, given back zeroed.  Each entry's keys are found once, into kb (its
** keys from kat[k] on). */
static int build_keys(ne_patterns *p, const ne_pentry *l, const uint16_t *first, uint32_t n, ne_pkeys *ks,
                      uint32_t *count) {
    uint16_t keys[64];
    uint32_t total = 0, room = 4 * n + 64;
    uint32_t *kat = neM_malloc((n + 1) * sizeof *kat);
    uint16_t *kb = neM_malloc(room * sizeof *kb);
    int rc = kat && kb ? NE_OK : NE_NOMEM;
    for (uint32_t k = 0; rc == NE_OK && k < n; k++) {
        int nk = entry_keys(&l[k], first[k], keys);
        if (total + 64 > room) {
            uint16_t *more = neM_realloc(kb, 2 * room * sizeof *kb);
            if (!more) rc = NE_NOMEM;
            else kb = more, room *= 2;
        }
        kat[k] = total;
        for (int j = 0; rc == NE_OK && j < nk; j++, total++) {
            kb[total] = keys[j];
            count[keys[j]]++;
            if (keys[j] < NE_WS_BITS) ks->map[keys[j] >> 6] |= (uint64_t)1 << (keys[j] & 63);
        }
    }
    if (rc == NE_OK) rc = index_keys(p, ks, n, kat, kb, total, count);
    for (uint32_t x = 0; kb && x < total; x++) count[kb[x]] = 0;
    neM_free(kat);
    neM_free(kb);
    return rc;
}

/* Key indexes for an's lists of at least PAT_KEYED patterns (count as in
** build_keys); an->keys stays NULL when neither is that long. */
static int anchor_keys(ne_patterns *p, ne_anchor *an, uint32_t *count) {
    if ((an->n[0] < PAT_KEYED && an->n[1] < PAT_KEYED) || an->n[0] > UINT16_MAX || an->n[1] > UINT16_MAX)
        return NE_OK;
    ne_pkeys *ks = neA_alloc(&p->arena, 2 * sizeof *ks);
    if (!ks) return NE_NOMEM;
    memset(ks, 0, 2 * sizeof *ks);
    an->keys = ks;
    for (int kind = 0; kind < 2; kind++) {
        if (an->n[kind] < PAT_KEYED) continue;
        int rc = build_keys(p, an->list[kind], an->first + (kind ? an->n[0] : 0), an->n[kind], &ks[kind], count);
        if (rc) return rc;
    }
    return NE_OK;
}

/* The room pt's ne_pentry.words list may take (0: none, no WORD element
** but its anchor). */
static size_t words_room(const ne_pattern *pt) {
    size_t len = 0;
    for (int i = 0; i < pt->nelems; i++)
        if (i != pt->anchor && pt->elems[i].kind == NE_PE_WORD) len += 1 + 2 * (size_t)pt->elems[i].nalt;
    return len ? len + 1 : 0;
}

/* The WORD elements of pt in [from, to) (but the anchor) into at, each as a
** head (n, | flag) and its n distinct bits (elem_bits: an element's 2 * nalt
** hashes always fit); returns the end. */
static uint16_t *put_words(const ne_pattern *pt, int from, int to, uint16_t flag, uint16_t *at) {
    for (int i = from; i < to; i++)
        if (i != pt->anchor && pt->elems[i].kind == NE_PE_WORD) {
            const ne_pelem *el = &pt->elems[i];
            int n = elem_bits(el, at + 1, 2 * el->nalt);
            *at = (uint16_t)(n | flag);
            at += 1 + n;
        }
    return at;
}

/* Free p->lists (none: the next make_lists makes them). */
static void drop_lists(ne_patterns *p) {
    neM_free(p->lists);
    neM_free(p->list_at);
    p->lists = NULL, p->list_at = NULL, p->nlisted = 0, p->lists_len = 0;
}

/* p->lists of all of p's patterns unless they are there: NE_OK or NE_NOMEM. */
static int make_lists(ne_patterns *p) {
    size_t n = p->pats.n, room = 0;
    if (p->list_at && p->nlisted == n) return NE_OK;
    drop_lists(p);
    for (size_t i = 0; i < n; i++) {
        size_t r = words_room(NE_VEC_AT(p->pats, ne_pattern, i));
        room += r ? r : 1;
    }
    p->lists = neM_malloc((room ? room : 1) * sizeof *p->lists);
    p->list_at = neM_malloc((n ? n : 1) * sizeof *p->list_at);
    int rc = p->lists && p->list_at && room <= UINT32_MAX ? NE_OK : NE_NOMEM;
    size_t len = 0;
    for (size_t i = 0; rc == NE_OK && i < n; i++) {
        const ne_pattern *pt = NE_VEC_AT(p->pats, ne_pattern, i);
        uint16_t *f = p->lists + len, *at = put_words(pt, pt->anchor + 1, pt->nelems, 0, f);
        at = put_words(pt, 0, pt->anchor, NE_PW_BEFORE, at);
        *at = 0;
        p->list_at[i] = (uint32_t)len;
        len += (size_t)(at + 1 - f);
    }
    if (rc != NE_OK) drop_lists(p);
    else p->nlisted = n, p->lists_len = len;
    return rc;
}

const uint16_t *nePattern_lists(ne_patterns *p, size_t *len) {
    if (make_lists(p)) return NULL;
    *len = p->lists_len;
    return p->lists;
}

int nePattern_set_lists(ne_patterns *p, const uint16_t *lists, size_t len) {
    size_t n = p->pats.n, k = 0;
    drop_lists(p);
    p->lists = neM_malloc((len ? len : 1) * sizeof *p->lists);
    p->list_at = neM_malloc((n ? n : 1) * sizeof *p->list_at);
    if (!p->lists || !p->list_at) return drop_lists(p), NE_NOMEM;
    if (len) memcpy(p->lists, lists, len * sizeof *lists);
    for (size_t i = 0; i < n; i++) { /* each head's count 1 or more, its bits in the set */
        p->list_at[i] = (uint32_t)k;
        for (size_t h; k < len && lists[k]; k = h) {
            h = k + 1 + (lists[k] & NE_PW_COUNT);
            if (h == k + 1 || h > len) return drop_lists(p), NE_DATA;
            for (size_t j = k + 1; j < h; j++)
                if (lists[j] >= NE_WS_BITS) return drop_lists(p), NE_DATA;
        }
        if (k++ >= len) return drop_lists(p), NE_DATA;
    }
    if (k != len) return drop_lists(p), NE_DATA;
    p->nlisted = n, p->lists_len = len;
    return NE_OK;
}

/* The ne_pentry.words list of pt (in p->lists), or NULL when it has none. */
static const uint16_t *word_bits(const ne_patterns *p, const ne_pattern *pt) {
    const uint16_t *l = p->lists + p->list_at[pt - (const ne_pattern *)p->pats.items];
    return *l ? l : NULL;
}

/* Split the run [first, first+count) of order into verbs then nouns (each in
** longest-first order) in entries, describe it in an and index its long
** lists (keycount as build_keys's count). */
static int build_anchor(ne_patterns *p, uint32_t first, uint32_t count, ne_anchor *an, uint32_t *keycount) {
    uint32_t k = first;
    an->first = p->firsts + k;
    an->keys = NULL;
    for (int kind = 0; kind < 2; kind++) {
        an->list[kind] = p->entries + k;
        an->n[kind] = 0;
        for (uint32_t i = first; i < first + count; i++) {
            if ((p->order[i]->kind == 'n') != kind) continue;
            const ne_pattern *pt = p->order[i];
            p->entries[k] = (ne_pentry){pattern_filter(pt), pt, word_bits(p, pt)};
            p->firsts[k] = p->entries[k].f.all[0];
            k++;
            an->n[kind]++;
        }
    }
    return anchor_keys(p, an, keycount);
}

/* The bucket table of cap slots, zeroed and 64-byte aligned, and its runs;
** NE_NOMEM. */
static int alloc_buckets(ne_patterns *p, size_t cap) {
    p->bucket_mem = neM_calloc(cap + 1, sizeof *p->buckets);
    p->runs = neM_calloc(cap, sizeof *p->runs);
    if (!p->bucket_mem || !p->runs) return NE_NOMEM;
    p->buckets = (pat_bucket *)(((uintptr_t)p->bucket_mem + 63) & ~(uintptr_t)63);
    p->cap = cap;
    return NE_OK;
}

/* Put the run [i, j) of order, anchored on lemma l, in the index (count as
** in build_keys). */
static int index_anchor(ne_patterns *p, size_t i, size_t j, uint32_t *count) {
    const ne_pword *w = &p->order[i]->elems[p->order[i]->anchor].alt[0]; /* anchor_lemma's word */
    const char *l = w->lemma;
    uint32_t h = w->lh; /* ne_hash of the lemma, made when the word was */
    size_t k = h & (p->cap - 1), len = strlen(l);
    while (p->buckets[k].lemma) k = (k + 1) & (p->cap - 1);
    pat_bucket *b = &p->buckets[k];
    b->hash = h, b->lemma = l;
    p->runs[k] = (pat_run){(uint32_t)i, (uint32_t)(j - i)};
    if (len < PAT_KEY) memcpy(b->key, l, len + 1);
    p->amap[(h & (NE_AMAP_BITS - 1)) >> 6] |= (uint64_t)1 << (h & 63);
    return build_anchor(p, (uint32_t)i, (uint32_t)(j - i), &b->an, count);
}

/* Free p's anchor index (none: as before nePattern_build). */
static void drop_index(ne_patterns *p) {
    neM_free(p->order);
    neM_free(p->entries);
    neM_free(p->firsts);
    neM_free(p->bucket_mem);
    neM_free(p->runs);
    p->order = NULL, p->bucket_mem = NULL, p->buckets = NULL, p->entries = NULL, p->firsts = NULL, p->runs = NULL;
    p->cap = 0;
    memset(p->amap, 0, sizeof p->amap);
}

int nePattern_build(struct ne_engine *e, ne_patterns *p) {
    size_t n = p->pats.n;
    drop_index(p);
    p->order = neM_calloc(n ? n : 1, sizeof *p->order);
    int lists = make_lists(p);
    uint32_t *rank = neM_calloc(n ? n : 1, sizeof *rank), *count = neM_calloc(NE_WS_BITS + 1, sizeof *count);
    size_t groups = 0, cap = 16;
    int rc = p->order && rank && count && !lists ? sort_order(p, n, rank, &groups) : NE_NOMEM;
    while (cap < groups * 2) cap *= 2;
    if (rc == NE_OK) {
        p->entries = neM_calloc(n ? n : 1, sizeof *p->entries);
        p->firsts = neM_calloc(n ? n : 1, sizeof *p->firsts);
        if (!p->entries || !p->firsts || alloc_buckets(p, cap)) rc = NE_NOMEM;
    }
    for (size_t i = 0; rc == NE_OK && i < n;) { /* one run per anchor lemma */
        size_t j = i;
        while (j < n && rank[j] == rank[i]) j++;
        rc = index_anchor(p, i, j, count);
        i = j;
    }
    neM_free(rank);
    neM_free(count);
    return rc ? ne_engine_fail(e, NE_NOMEM, "out of memory") : NE_OK;
}

/* ---- the index as tables (patterns.snap; snap.h) ---- */

/* Room in ix for the tables of p's index: the counts of its filled slots,
** key indexes and their at and idx arrays. */
static void index_counts(const ne_patterns *p, ne_pindex *ix) {
    for (size_t k = 0; k < p->cap; k++) {
        const ne_anchor *an = &p->buckets[k].an;
        if (!p->buckets[k].lemma) continue;
        ix->nbuckets++;
        for (int kind = 0; an->keys && kind < 2; kind++, ix->nkeys++) {
            const ne_pkeys *ks = &an->keys[kind];
            if (ks->at) ix->nat += ks->nkeys + 2, ix->nidx += ks->at[ks->nkeys + 1];
        }
    }
}

/* Key index ks as a table row into *out, its at and idx arrays appended to
** at and idx from *nat and *nidx on. */
static void get_keys(const ne_pkeys *ks, ne_pi_keys *out, uint32_t *at, uint16_t *idx, size_t *nat, size_t *nidx) {
    *out = (ne_pi_keys){.used = ks->used, .nkeys = ks->nkeys, .at = UINT32_MAX, .idx = UINT32_MAX};
    memcpy(out->map, ks->map, sizeof out->map);
    memcpy(out->rank, ks->rank, sizeof out->rank);
    if (!ks->at) return;
    uint32_t total = ks->at[ks->nkeys + 1];
    memcpy(at + *nat, ks->at, (ks->nkeys + 2) * sizeof *ks->at);
    memcpy(idx + *nidx, ks->idx, total * sizeof *ks->idx);
    out->at = (uint32_t)*nat, out->idx = (uint32_t)*nidx;
    *nat += ks->nkeys + 2, *nidx += total;
}

/* The filled slots of p's table into buckets, their key indexes into keys
** (their arrays into at and idx). */
static void get_buckets(const ne_patterns *p, ne_pi_bucket *buckets, ne_pi_keys *keys, uint32_t *at, uint16_t *idx) {
    size_t nb = 0, nk = 0, nat = 0, nidx = 0;
    for (size_t k = 0; k < p->cap; k++) {
        const pat_bucket *b = &p->buckets[k];
        if (!b->lemma) continue;
        ne_pi_bucket *x = &buckets[nb++];
        *x = (ne_pi_bucket){(uint32_t)k, b->hash, p->runs[k].first, p->runs[k].count, b->an.n[0],
                            b->an.keys ? (uint32_t)nk + 1 : 0, {0}};
        memcpy(x->key, b->key, sizeof x->key);
        for (int kind = 0; b->an.keys && kind < 2; kind++)
            get_keys(&b->an.keys[kind], &keys[nk++], at, idx, &nat, &nidx);
    }
}

int nePattern_index_get(ne_patterns *p, ne_arena *a, ne_pindex *ix) {
    const ne_pattern *pats = p->pats.items;
    memset(ix, 0, sizeof *ix);
    ix->n = p->pats.n, ix->cap = p->cap;
    index_counts(p, ix);
    uint32_t *order = neA_alloc(a, (ix->n + 1) * sizeof *order), *list_at = neA_alloc(a, (ix->n + 1) * sizeof *list_at);
    ne_pi_entry *entries = neA_alloc(a, (ix->n + 1) * sizeof *entries);
    ne_pi_bucket *buckets = neA_alloc(a, (ix->nbuckets + 1) * sizeof *buckets);
    ne_pi_keys *keys = neA_alloc(a, (ix->nkeys + 1) * sizeof *keys);
    uint32_t *at = neA_alloc(a, (ix->nat + 1) * sizeof *at);
    uint16_t *idx = neA_alloc(a, (ix->nidx + 1) * sizeof *idx);
    if (!order || !list_at || !entries || !buckets || !keys || !at || !idx || make_lists(p)) return NE_NOMEM;
    for (size_t i = 0; i < ix->n; i++) {
        order[i] = (uint32_t)(p->order[i] - pats);
        entries[i] = (ne_pi_entry){p->entries[i].f, (uint32_t)(p->entries[i].pt - pats)};
    }
    if (ix->n) memcpy(list_at, p->list_at, ix->n * sizeof *list_at);
    get_buckets(p, buckets, keys, at, idx);
    ix->order = order, ix->list_at = list_at, ix->entries = entries, ix->buckets = buckets, ix->keys = keys;
    ix->at = at, ix->idx = idx;
    return NE_OK;
}

/* p's key indexes from ix's rows (in p's arena): the array, or NULL on
** NOMEM. */
static ne_pkeys *set_keys(ne_patterns *p, const ne_pindex *ix) {
    ne_pkeys *ks = neA_alloc(&p->arena, (ix->nkeys + 1) * sizeof *ks);
    uint32_t *at = neA_alloc(&p->arena, (ix->nat + 1) * sizeof *at);
    uint16_t *idx = neA_alloc(&p->arena, (ix->nidx + 1) * sizeof *idx);
    if (!ks || !at || !idx) return NULL;
    if (ix->nat) memcpy(at, ix->at, ix->nat * sizeof *at);
    if (ix->nidx) memcpy(idx, ix->idx, ix->nidx * sizeof *idx);
    for (size_t k = 0; k < ix->nkeys; k++) {
        const ne_pi_keys *x = &ix->keys[k];
        ks[k] = (ne_pkeys){.used = x->used, .nkeys = x->nkeys, .at = x->at == UINT32_MAX ? NULL : at + x->at,
                           .idx = x->idx == UINT32_MAX ? NULL : idx + x->idx};
        memcpy(ks[k].map, x->map, sizeof ks[k].map);
        memcpy(ks[k].rank, x->rank, sizeof ks[k].rank);
    }
    return ks;
}

/* p's filled slot x (its order, entries and firsts set), as index_anchor
** made it. */
static void set_bucket(ne_patterns *p, const ne_pi_bucket *x, const ne_pkeys *ks) {
    pat_bucket *b = &p->buckets[x->slot];
    b->hash = x->hash;
    memcpy(b->key, x->key, sizeof b->key);
    b->lemma = anchor_lemma(p->order[x->first]);
    p->runs[x->slot] = (pat_run){x->first, x->count};
    b->an = (ne_anchor){.list = {p->entries + x->first, p->entries + x->first + x->n0},
                        .first = p->firsts + x->first,
                        .keys = x->keys ? ks + x->keys - 1 : NULL,
                        .n = {x->n0, x->count - x->n0}};
    p->amap[(x->hash & (NE_AMAP_BITS - 1)) >> 6] |= (uint64_t)1 << (x->hash & 63);
}

int nePattern_index_set(ne_patterns *p, const ne_pindex *ix, const uint16_t *lists, size_t len) {
    const ne_pattern *pats = p->pats.items;
    size_t n = ix->n;
    drop_index(p);
    drop_lists(p);
    p->lists = neM_malloc((len ? len : 1) * sizeof *p->lists);
    p->list_at = neM_malloc((n ? n : 1) * sizeof *p->list_at);
    p->order = neM_calloc(n ? n : 1, sizeof *p->order);
    p->entries = neM_calloc(n ? n : 1, sizeof *p->entries);
    p->firsts = neM_calloc(n ? n : 1, sizeof *p->firsts);
    const ne_pkeys *ks = set_keys(p, ix);
    if (!p->lists || !p->list_at || !p->order || !p->entries || !p->firsts || !ks || alloc_buckets(p, ix->cap))
        return NE_NOMEM;
    if (len) memcpy(p->lists, lists, len * sizeof *lists);
    if (n) memcpy(p->list_at, ix->list_at, n * sizeof *p->list_at);
    p->nlisted = n, p->lists_len = len;
    for (size_t i = 0; i < n; i++) {
        const ne_pattern *pt = &pats[ix->entries[i].pat];
        p->order[i] = &pats[ix->order[i]];
        p->entries[i] = (ne_pentry){ix->entries[i].f, pt, word_bits(p, pt)};
        p->firsts[i] = ix->entries[i].f.all[0];
    }
    for (size_t i = 0; i < ix->nbuckets; i++) set_bucket(p, &ix->buckets[i], ks);
    return NE_OK;
}

/* Bucket of lemma [lemma, lemma+n) with ne_hash h, or NULL; n (size_t)-1:
** lemma is NUL-terminated. */
static const pat_bucket *find_bucket(const ne_patterns *p, const char *lemma, size_t n, uint32_t h) {
    if (!p || !p->cap) return NULL;
    for (size_t k = h & (p->cap - 1);; k = (k + 1) & (p->cap - 1)) {
        const pat_bucket *b = &p->buckets[k];
        if (!b->lemma) return NULL;
        if (b->hash != h) continue;
        const char *key = b->key[0] ? b->key : b->lemma; /* the inline copy spares a cache miss */
        if (n == (size_t)-1 ? !strcmp(key, lemma) : !strncmp(key, lemma, n) && !key[n]) return b;
    }
}

const ne_pattern *const *nePattern_lookup(const ne_patterns *p, const char *lemma, size_t n, size_t *count) {
    const pat_bucket *b = find_bucket(p, lemma, n, ne_hash(lemma, n));
    const pat_run *r = b ? &p->runs[b - p->buckets] : NULL;
    *count = r ? r->count : 0;
    return r ? p->order + r->first : NULL;
}

/* nePattern_anchor past its map test (out of line, so that the common quick
** return saves no registers). */
static __attribute__((noinline)) const ne_anchor *anchor_at(const ne_patterns *p, const char *lemma, uint32_t hash) {
    const pat_bucket *b = find_bucket(p, lemma, (size_t)-1, hash);
    return b ? &b->an : NULL;
}

const ne_anchor *nePattern_anchor(const ne_patterns *p, const char *lemma, uint32_t hash) {
    if (!p || !ne_amap_has(p->amap, hash)) return NULL;
    return anchor_at(p, lemma, hash);
}

const uint64_t *nePattern_amap(const ne_patterns *p) { return p ? p->amap : NULL; }

uint32_t nePattern_serial(const ne_patterns *p) { return p ? p->serial : 0; }

const ne_anchor *nePattern_anchor_slot(const ne_patterns *p, const char *lemma, uint32_t hash, uint32_t *slot) {
    const pat_bucket *b = p ? find_bucket(p, lemma, (size_t)-1, hash) : NULL;
    *slot = b ? (uint32_t)(b - p->buckets) + 1 : 0;
    return b ? &b->an : NULL;
}

const ne_anchor *nePattern_anchor_in(const ne_patterns *p, uint32_t slot) { return slot ? &p->buckets[slot - 1].an : NULL; }

/* ---- loading dictionaries/patterns/NN.txt ---- */

/* Read and parse dir/name; report as in parse_text (NULL: stop at the first error). */
static int load_file(struct ne_engine *e, ne_patterns *p, word_memo *memo, const char *dir, const char *name,
                     void (*report)(void *, const char *), void *ctx, size_t *nerr) {
    char path[1024];
    char *buf;
    size_t len;
    if (neU_path(path, sizeof path, dir, name)) return ne_engine_fail(e, NE_INVALID, "path too long");
    int rc = neU_read_file(path, &buf, &len, (size_t)64 << 20);
    if (rc) return ne_engine_fail(e, rc, "%s: cannot read: %s", path, neU_io_why(rc));
    char *label = neA_printf(&p->arena, "patterns/%s", name);
    pat_line pl = {.e = e, .p = p, .file = label, .memo = memo, .check = report != NULL};
    rc = label ? parse_text(&pl, buf, len, report, ctx, nerr) : ne_engine_fail(e, NE_NOMEM, "out of memory");
    neM_free(buf);
    return rc;
}

/* The *.txt names in dir, sorted, in arena a (snap.h). */
int nePattern_files(ne_arena *a, const char *dir, char ***names, size_t *n) {
    DIR *dh = opendir(dir);
    *names = NULL;
    *n = 0;
    if (!dh) return NE_OK; /* no patterns: no events */
    ne_vec v;
    neV_init(&v, sizeof(char *));
    struct dirent *de;
    int rc = NE_OK;
    while (rc == NE_OK && (de = readdir(dh))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt") || de->d_name[0] == '.') continue;
        char **slot = neV_push(a, &v);
        if (!slot || !(*slot = neA_strndup(a, de->d_name, l))) rc = NE_NOMEM;
    }
    closedir(dh);
    if (rc) return rc;
    qsort(v.items, v.n, sizeof(char *), str_cmp);
    *names = v.items;
    *n = v.n;
    return NE_OK;
}

/* Load every DATA/patterns/NN.txt file into a new ne_patterns at e->patterns;
** report as in parse_text. */
static int load_all(struct ne_engine *e, void (*report)(void *, const char *), void *ctx, size_t *nerr) {
    char dir[1024];
    if (neU_path(dir, sizeof dir, e->data_dir, "patterns")) return ne_engine_fail(e, NE_INVALID, "path too long");
    ne_patterns *p = e->patterns = nePattern_new();
    if (!p) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    char **names;
    size_t n;
    if (nePattern_files(&p->arena, dir, &names, &n)) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    word_memo memo = {0};
    int rc = NE_OK;
    for (size_t i = 0; rc == NE_OK && i < n; i++) rc = load_file(e, p, &memo, dir, names[i], report, ctx, nerr);
    neM_free(memo.w);
    neM_free(memo.wc);
    return rc;
}

int nePattern_load_text(struct ne_engine *e) { return load_all(e, NULL, NULL, NULL); }

int nePattern_load(struct ne_engine *e) {
    int rc = nePattern_snap_load(e); /* built: the index is read from the snapshot too */
    if (rc != NE_NOTFOUND) return rc;
    rc = nePattern_load_text(e);
    return rc ? rc : nePattern_build(e, e->patterns);
}

ne_arena *nePattern_arena(ne_patterns *p) { return &p->arena; }

ne_vec *nePattern_list(const ne_patterns *p) { return (ne_vec *)&p->pats; }

int nePattern_check(struct ne_engine *e, void (*report)(void *, const char *), void *ctx, size_t *nerr) {
    return load_all(e, report, ctx, nerr);
}
