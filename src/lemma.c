/* lemma.c: lemmas from WordNet's morphology (Debian wordnet-base): the *.exc
** exception lists, the index.verb/index.noun lemma sets (index.adj only marks
** common words) and morphy's suffix detachment rules, held in one
** open-addressing hash loaded at engine open (from lemmas.snap, its compiled
** snapshot, while that is current).
** Without WordNet, a few suffix rules stand in (docs/PATTERNS.md). */
#include "neInt.h"
#include "snap.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Entry flags. */
#define LX_VERB 0x01 /* a verb lemma in index.verb */
#define LX_NOUN 0x02 /* a noun lemma in index.noun */
#define LX_AUX 0x04  /* auxiliary or modal (be, have, do, will, can...) */
#define LX_NEG 0x08  /* not, never */
#define LX_PROPER 0x10 /* WordNet writes it only capitalized (wordnet-proper.txt) */
#define LX_ADJ 0x20 /* an adjective lemma in index.adj (only neLemma_common asks) */

#define LX_MAX_WORD 48 /* longer words are their own lemma */

/* A slot: 32 bytes, two to a cache line (the table is aligned to 64), so
** a probe reads one line; the word's first 8 bytes are inline, so most
** lookups compare no pool text (a second cache miss). */
typedef struct lx_entry {
    uint64_t pre;  /* the word's first 8 bytes, zero-padded (lx_prefix) */
    uint32_t key;  /* offset of the NUL-terminated word in pool; 0 = empty slot */
    uint32_t vexc; /* offset of the verb exception lemma, 0 = none */
    uint32_t nexc; /* offset of the noun exception lemma, 0 = none */
    uint32_t lemma; /* offset of the precomputed lemma (0 = not computed) */
    uint8_t len, llen; /* lengths of the word and of its precomputed lemma */
    uint8_t flags;
    uint8_t wclass; /* enum ne_wclass */
    uint8_t lflags, lwclass; /* precomputed flags and class of the lemma */
} lx_entry;
_Static_assert(sizeof(lx_entry) == 32, "two lexicon slots to a cache line");

struct ne_lexicon {
    lx_entry *slots;    /* in slot_mem, aligned to 64 bytes */
    void *slot_mem;
    size_t cap, used;   /* cap is a power of two */
    char *pool;         /* words; offset 0 holds a dummy NUL */
    size_t pool_len, pool_cap;
    int have_wordnet;
    uint64_t serial;    /* unique per loaded lexicon: documents' lemma caches check it */
    uint64_t snap_bytes; /* read from a snapshot: slot_mem holds slots and pool (lemma_snap_load) */
};

/* ne_hash made non-zero; tagging derives it from d->nhash. */
static uint32_t lx_hash_of(uint32_t nh) { return nh ? nh : 1; }
static uint32_t lx_hash(const char *s, size_t n) { return lx_hash_of(ne_hash(s, n)); }

/* The first 8 bytes of w (n bytes), zero-padded. */
static uint64_t lx_prefix(const char *w, size_t n) {
    uint64_t p = 0;
    memcpy(&p, w, n < 8 ? n : 8);
    return p;
}

/* The entry of w, whose lx_hash is h, or NULL. */
static lx_entry *lx_find_h(const ne_lexicon *lx, const char *w, size_t n, uint32_t h) {
    if (!lx || !lx->cap || n > LX_MAX_WORD) return NULL;
    size_t mask = lx->cap - 1;
    uint64_t pre = lx_prefix(w, n);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        lx_entry *e = &lx->slots[i];
        if (!e->key) return NULL;
        if (e->pre == pre && e->len == n && (n <= 8 || memcmp(lx->pool + e->key + 8, w + 8, n - 8) == 0)) return e;
    }
}

static lx_entry *lx_find(const ne_lexicon *lx, const char *w, size_t n) {
    return n > LX_MAX_WORD ? NULL : lx_find_h(lx, w, n, lx_hash(w, n));
}

/* Append a word to the pool; returns its offset or 0 on NOMEM. */
static uint32_t pool_add(ne_lexicon *lx, const char *w, size_t n) {
    if (lx->pool_len + n + 1 > lx->pool_cap) {
        size_t cap = lx->pool_cap ? lx->pool_cap * 2 : 1 << 16;
        while (cap < lx->pool_len + n + 1) cap *= 2;
        char *p = neM_realloc(lx->pool, cap);
        if (!p) return 0;
        lx->pool = p;
        lx->pool_cap = cap;
    }
    if (lx->pool_len == 0) lx->pool[lx->pool_len++] = 0;
    uint32_t off = (uint32_t)lx->pool_len;
    memcpy(lx->pool + off, w, n);
    lx->pool[off + n] = 0;
    lx->pool_len += n + 1;
    return off;
}

/* Rehash the table into cap slots (a power of two above the entries). */
static int lx_grow(ne_lexicon *lx, size_t cap) {
    void *mem = neM_calloc_big(cap + 2, sizeof(lx_entry)); /* room to align */
    if (!mem) return NE_NOMEM;
    lx_entry *s = (lx_entry *)(((uintptr_t)mem + 63) & ~(uintptr_t)63);
    for (size_t i = 0; i < lx->cap; i++) {
        lx_entry *e = &lx->slots[i];
        if (!e->key) continue;
        size_t j = lx_hash(lx->pool + e->key, e->len) & (cap - 1);
        while (s[j].key) j = (j + 1) & (cap - 1);
        s[j] = *e;
    }
    neM_free_big(lx->slot_mem, lx->cap + 2, sizeof(lx_entry));
    lx->slot_mem = mem;
    lx->slots = s;
    lx->cap = cap;
    return NE_OK;
}

/* The entry for w, created when absent; NULL on NOMEM or overlong word. */
static lx_entry *lx_intern(ne_lexicon *lx, const char *w, size_t n) {
    if (n == 0 || n > LX_MAX_WORD) return NULL;
    uint32_t h = lx_hash(w, n);
    lx_entry *e = lx_find_h(lx, w, n, h);
    if (e) return e;
    if ((lx->used + 1) * 4 > lx->cap * 3 && lx_grow(lx, lx->cap ? lx->cap * 2 : 1 << 14) != NE_OK) return NULL;
    uint32_t off = pool_add(lx, w, n);
    if (!off) return NULL;
    size_t j = h & (lx->cap - 1);
    while (lx->slots[j].key) j = (j + 1) & (lx->cap - 1);
    e = &lx->slots[j];
    e->pre = lx_prefix(w, n);
    e->key = off;
    e->len = (uint8_t)n;
    lx->used++;
    return e;
}

/* Room for more entries without a rehash on the way (at most three quarters
** full): a WordNet file is sized once by its lines instead of doubling the
** table several times, each a pass over every entry. */
static int lx_reserve(ne_lexicon *lx, size_t more) {
    size_t cap = lx->cap ? lx->cap : 1 << 14;
    while ((lx->used + more) * 4 > cap * 3) cap *= 2;
    return cap > lx->cap ? lx_grow(lx, cap) : NE_OK;
}

/* Built-in forms that hold with or without WordNet: clitics and auxiliaries. */
static const char *const builtin_verbs[][2] = {
    {"is", "be"}, {"am", "be"}, {"are", "be"}, {"was", "be"}, {"were", "be"}, {"been", "be"},
    {"being", "be"}, {"'re", "be"}, {"'m", "be"}, {"has", "have"}, {"had", "have"},
    {"having", "have"}, {"'ve", "have"}, {"does", "do"}, {"did", "do"}, {"done", "do"},
    {"n't", "not"}, {"ca", "can"}, {"wo", "will"}, {"'ll", "will"}, {"'d", "would"},
};
static const char *const aux_words[] = {
    "be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
};

/* Function words and a few verb classes the clause analysis needs
** (enum ne_wclass, docs/PATTERNS.md).  Grammar, not domain knowledge. */
typedef struct { const char *w; uint8_t c; } lx_class;
static const lx_class word_classes[] = {
    {"the", NE_WC_DET}, {"a", NE_WC_DET}, {"an", NE_WC_DET}, {"this", NE_WC_DET}, {"these", NE_WC_DET},
    {"those", NE_WC_DET}, {"some", NE_WC_DET}, {"any", NE_WC_DET}, {"every", NE_WC_DET},
    {"each", NE_WC_DET}, {"both", NE_WC_DET}, {"either", NE_WC_DET}, {"neither", NE_WC_DET},
    {"another", NE_WC_DET}, {"all", NE_WC_DET}, {"several", NE_WC_DET}, {"many", NE_WC_DET},
    {"of", NE_WC_PREP}, {"in", NE_WC_PREP}, {"on", NE_WC_PREP}, {"at", NE_WC_PREP}, {"by", NE_WC_PREP},
    {"for", NE_WC_PREP}, {"with", NE_WC_PREP}, {"from", NE_WC_PREP}, {"into", NE_WC_PREP},
    {"onto", NE_WC_PREP}, {"inside", NE_WC_PREP}, {"against", NE_WC_PREP}, {"over", NE_WC_PREP},
    {"under", NE_WC_PREP}, {"near", NE_WC_PREP}, {"across", NE_WC_PREP}, {"between", NE_WC_PREP},
    {"among", NE_WC_PREP}, {"through", NE_WC_PREP}, {"during", NE_WC_PREP}, {"after", NE_WC_PREP},
    {"before", NE_WC_PREP}, {"since", NE_WC_PREP}, {"until", NE_WC_PREP}, {"toward", NE_WC_PREP},
    {"towards", NE_WC_PREP}, {"within", NE_WC_PREP}, {"without", NE_WC_PREP}, {"along", NE_WC_PREP},
    {"amid", NE_WC_PREP}, {"amidst", NE_WC_PREP}, {"around", NE_WC_PREP}, {"behind", NE_WC_PREP},
    {"beyond", NE_WC_PREP}, {"despite", NE_WC_PREP}, {"via", NE_WC_PREP}, {"upon", NE_WC_PREP},
    {"outside", NE_WC_PREP}, {"including", NE_WC_PREP}, {"about", NE_WC_PREP}, {"like", NE_WC_PREP},
    {"and", NE_WC_CONJ}, {"or", NE_WC_CONJ}, {"but", NE_WC_CONJ}, {"nor", NE_WC_CONJ},
    {"if", NE_WC_SUB}, {"unless", NE_WC_SUB}, {"whether", NE_WC_SUB}, {"although", NE_WC_SUB},
    {"though", NE_WC_SUB}, {"because", NE_WC_SUB}, {"while", NE_WC_SUB}, {"whereas", NE_WC_SUB},
    {"when", NE_WC_SUB}, {"once", NE_WC_SUB}, {"whenever", NE_WC_SUB}, {"lest", NE_WC_SUB},
    {"who", NE_WC_REL}, {"whom", NE_WC_REL}, {"whose", NE_WC_REL}, {"which", NE_WC_REL},
    {"that", NE_WC_THAT},
    {"he", NE_WC_PRON}, {"she", NE_WC_PRON}, {"it", NE_WC_PRON}, {"they", NE_WC_PRON},
    {"we", NE_WC_PRON}, {"i", NE_WC_PRON}, {"you", NE_WC_PRON}, {"him", NE_WC_PRON},
    {"them", NE_WC_PRON}, {"us", NE_WC_PRON}, {"me", NE_WC_PRON},
    {"its", NE_WC_POSS}, {"their", NE_WC_POSS}, {"his", NE_WC_POSS}, {"her", NE_WC_POSS},
    {"our", NE_WC_POSS}, {"my", NE_WC_POSS}, {"your", NE_WC_POSS}, {"'s", NE_WC_POSS}, {"own", NE_WC_POSS},
    {"will", NE_WC_MODAL}, {"would", NE_WC_MODAL}, {"shall", NE_WC_MODAL}, {"should", NE_WC_MODAL},
    {"can", NE_WC_MODAL}, {"could", NE_WC_MODAL}, {"may", NE_WC_MODAL}, {"might", NE_WC_MODAL},
    {"must", NE_WC_MODAL}, {"'ll", NE_WC_MODAL}, {"'d", NE_WC_MODAL}, {"wo", NE_WC_MODAL},
    {"ca", NE_WC_MODAL}, {"ought", NE_WC_MODAL}, {"cannot", NE_WC_MODAL},
    {"not", NE_WC_NEG}, {"n't", NE_WC_NEG}, {"never", NE_WC_NEG}, {"no", NE_WC_NODET},
    {"to", NE_WC_TO}, {"what", NE_WC_WH}, {"why", NE_WC_WH}, {"how", NE_WC_WH}, {"where", NE_WC_WH},
    {"also", NE_WC_ADV}, {"already", NE_WC_ADV}, {"yet", NE_WC_ADV}, {"still", NE_WC_ADV},
    {"just", NE_WC_ADV}, {"then", NE_WC_ADV}, {"now", NE_WC_ADV}, {"later", NE_WC_ADV}, {"earlier", NE_WC_ADV},
    {"again", NE_WC_ADV}, {"even", NE_WC_ADV}, {"further", NE_WC_ADV}, {"first", NE_WC_ADV},
    {"often", NE_WC_ADV}, {"sometimes", NE_WC_ADV}, {"always", NE_WC_ADV}, {"soon", NE_WC_ADV},
    {"perhaps", NE_WC_SPEC}, {"maybe", NE_WC_SPEC}, {"possibly", NE_WC_SPEC}, {"potentially", NE_WC_SPEC},
    {"probably", NE_WC_SPEC}, {"likely", NE_WC_SPEC}, {"unlikely", NE_WC_SPEC},
    /* lemmas: auxiliaries, reporting verbs, implicative verbs ("used X to attack") */
    {"be", NE_WC_BE}, {"have", NE_WC_HAVE}, {"do", NE_WC_DO},
    {"say", NE_WC_REPORT}, {"tell", NE_WC_REPORT}, {"add", NE_WC_REPORT}, {"claim", NE_WC_REPORT},
    {"insist", NE_WC_REPORT}, {"assert", NE_WC_REPORT}, {"stress", NE_WC_REPORT},
    {"explain", NE_WC_REPORT}, {"argue", NE_WC_REPORT}, {"allege", NE_WC_REPORT},
    {"use", NE_WC_IMPLIC}, {"manage", NE_WC_IMPLIC}, {"begin", NE_WC_IMPLIC}, {"start", NE_WC_IMPLIC},
    {"continue", NE_WC_IMPLIC}, {"proceed", NE_WC_IMPLIC}, {"resume", NE_WC_IMPLIC},
};

static int load_builtins(ne_lexicon *lx) {
    for (size_t i = 0; i < sizeof word_classes / sizeof word_classes[0]; i++) {
        lx_entry *e = lx_intern(lx, word_classes[i].w, strlen(word_classes[i].w));
        if (!e) return NE_NOMEM;
        e->wclass = word_classes[i].c;
    }
    for (size_t i = 0; i < sizeof builtin_verbs / sizeof builtin_verbs[0]; i++) {
        const char *lemma = builtin_verbs[i][1];
        lx_entry *b = lx_intern(lx, lemma, strlen(lemma));
        if (!b) return NE_NOMEM;
        uint32_t boff = b->key;
        lx_entry *e = lx_intern(lx, builtin_verbs[i][0], strlen(builtin_verbs[i][0]));
        if (!e) return NE_NOMEM;
        e->vexc = boff;
    }
    for (size_t i = 0; i < sizeof aux_words / sizeof aux_words[0]; i++) {
        lx_entry *e = lx_intern(lx, aux_words[i], strlen(aux_words[i]));
        if (!e) return NE_NOMEM;
        e->flags |= LX_AUX;
    }
    static const char *const neg[] = {"not", "never"};
    for (size_t i = 0; i < 2; i++) {
        lx_entry *e = lx_intern(lx, neg[i], strlen(neg[i]));
        if (!e) return NE_NOMEM;
        e->flags |= LX_NEG;
    }
    return NE_OK;
}

/* A WordNet word usable as a single-token lemma: no '_' (multiword), no digits. */
static int single_word(const char *w, size_t n) {
    if (n == 0 || n > LX_MAX_WORD) return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] == '_' || (w[i] >= '0' && w[i] <= '9')) return 0;
    return 1;
}

/* index.verb / index.noun: the first field of each non-header line is a lemma. */
static int load_index(ne_lexicon *lx, const char *buf, size_t len, uint8_t flag) {
    for (size_t i = 0; i < len;) {
        const char *line = buf + i;
        const char *nl = memchr(line, '\n', len - i);
        size_t ll = nl ? (size_t)(nl - line) : len - i;
        i += ll + 1;
        if (ll == 0 || line[0] == ' ') continue; /* license header lines */
        const char *sp = memchr(line, ' ', ll);
        size_t wl = sp ? (size_t)(sp - line) : ll;
        if (!single_word(line, wl)) continue;
        lx_entry *e = lx_intern(lx, line, wl);
        if (!e) return NE_NOMEM;
        e->flags |= flag;
    }
    return NE_OK;
}

/* verb.exc / noun.exc: "inflected lemma [lemma...]"; the first lemma is kept. */
static int load_exc(ne_lexicon *lx, const char *buf, size_t len, int verb) {
    for (size_t i = 0; i < len;) {
        const char *line = buf + i;
        const char *nl = memchr(line, '\n', len - i);
        size_t ll = nl ? (size_t)(nl - line) : len - i;
        i += ll + 1;
        const char *sp = memchr(line, ' ', ll);
        if (!sp) continue;
        size_t wl = (size_t)(sp - line);
        const char *b = sp + 1;
        const char *be = memchr(b, ' ', ll - wl - 1);
        size_t bl = be ? (size_t)(be - b) : ll - wl - 1;
        if (!single_word(line, wl) || !single_word(b, bl)) continue;
        lx_entry *base = lx_intern(lx, b, bl);
        if (!base) return NE_NOMEM;
        uint32_t boff = base->key;
        lx_entry *e = lx_intern(lx, line, wl);
        if (!e) return NE_NOMEM;
        if (verb && !e->vexc) e->vexc = boff;
        if (!verb && !e->nexc) e->nexc = boff;
    }
    return NE_OK;
}

/* Views dir/name (at most cap bytes) into *f: NE_OK, NE_NOTFOUND when it
** is absent or unreadable (the caller goes on without it), else an error. */
static int view_in(const char *dir, const char *name, size_t cap, ne_fview *f) {
    char path[1024];
    if (neU_path(path, sizeof path, dir, name)) return NE_NOTFOUND;
    int rc = neU_view_file(path, f, cap);
    return rc == NE_IO ? NE_NOTFOUND : rc;
}

/* Load one WordNet file; a missing file is not an error (returns NE_NOTFOUND). */
static int load_wn_file(struct ne_engine *e, const char *name, int kind) {
    ne_fview f;
    int rc = view_in(e->wordnet_dir, name, (size_t)64 << 20, &f);
    if (rc) return rc;
    ne_lexicon *lx = e->lexicon;
    size_t lines = 0;
    for (const char *p = f.p, *end = f.p + f.len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) lines++;
    rc = lx_reserve(lx, kind == 2 || kind == 3 ? 2 * lines : lines); /* an exception line may add its lemma too */
    if (rc) {
        neU_view_free(&f);
        return rc;
    }
    switch (kind) {
    case 0: rc = load_index(lx, f.p, f.len, LX_VERB); break;
    case 1: rc = load_index(lx, f.p, f.len, LX_NOUN); break;
    case 4: rc = load_index(lx, f.p, f.len, LX_ADJ); break;
    case 2: rc = load_exc(lx, f.p, f.len, 1); break;
    default: rc = load_exc(lx, f.p, f.len, 0); break;
    }
    neU_view_free(&f);
    return rc;
}

static const char *lemma_of(const ne_lexicon *lx, const lx_entry *e, const char *w, size_t n, char *buf,
                            size_t *outn, uint8_t *flags, uint8_t *wclass);

/* A generated inflection waiting for insertion, with its computed lemma. */
typedef struct lx_gen {
    char w[LX_MAX_WORD + 1];
    uint32_t lemma;
    uint8_t len, llen, flags, wclass;
} lx_gen;

static int sibilant(const char *w, size_t n) {
    char c = w[n - 1];
    return c == 's' || c == 'x' || c == 'z' || c == 'o' || (n > 1 && w[n - 1] == 'h' && (w[n - 2] == 'c' || w[n - 2] == 's'));
}

/* Regular inflections of lemma w that morphy's rules map back (-s, -es,
** -ies, -ed, -ing, -e dropping; nouns: -s/-es, -ies, -men). */
static size_t inflect(const char *w, size_t n, int verb, char out[][LX_MAX_WORD + 1]) {
    size_t k = 0;
    int e_final = w[n - 1] == 'e', y_final = n > 1 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]);
#define ADD(stemlen, suf)                                                                 \
    do {                                                                                  \
        if ((stemlen) + strlen(suf) <= LX_MAX_WORD) {                                     \
            memcpy(out[k], w, (stemlen));                                                 \
            memcpy(out[k] + (stemlen), suf, strlen(suf) + 1);                             \
            k++;                                                                          \
        }                                                                                 \
    } while (0)
    if (y_final) ADD(n - 1, "ies");
    else if (sibilant(w, n)) ADD(n, "es");
    else ADD(n, "s");
    if (!verb) {
        if (n > 3 && !memcmp(w + n - 3, "man", 3)) ADD(n - 3, "men");
        return k;
    }
    ADD(e_final ? n - 1 : n, "ed");
    ADD(e_final ? n - 1 : n, "ing");
#undef ADD
    return k;
}

/* Generate the inflections of every verb and noun lemma (not yet present). */
static int gen_forms(ne_lexicon *lx, ne_vec *out, ne_arena *ar) {
    char forms[6][LX_MAX_WORD + 1];
    for (size_t i = 0; i < lx->cap; i++) {
        const lx_entry *e = &lx->slots[i];
        if (!e->key || !(e->flags & LX_VERB) || e->len < 2) continue;
        for (int verb = 1; verb < 2; verb++) { /* verbs only: noun plurals go through morphy at run time */
            if (!(e->flags & (verb ? LX_VERB : LX_NOUN))) continue;
            size_t k = inflect(lx->pool + e->key, e->len, verb, forms);
            for (size_t j = 0; j < k; j++) {
                size_t fl = strlen(forms[j]);
                if (lx_find(lx, forms[j], fl)) continue;
                char buf[LX_MAX_WORD + 4];
                size_t outn;
                lx_gen *g = neV_push(ar, out);
                if (!g) return NE_NOMEM;
                memcpy(g->w, forms[j], fl + 1);
                g->len = (uint8_t)fl;
                const char *l = lemma_of(lx, NULL, forms[j], fl, buf, &outn, &g->flags, &g->wclass);
                const lx_entry *le = (l != buf && l != forms[j]) ? lx_find(lx, l, outn) : NULL;
                g->lemma = le ? le->key : 0;
                g->llen = le ? le->len : 0;
            }
        }
    }
    return NE_OK;
}

/* Precompute each entry's lemma, then add the regular verb inflections, so that
** tagging a token is one hash lookup. */
static int precompute(ne_lexicon *lx) {
    for (size_t i = 0; i < lx->cap; i++) {
        lx_entry *e = &lx->slots[i];
        if (!e->key) continue;
        char buf[LX_MAX_WORD + 4];
        size_t outn;
        const char *l = lemma_of(lx, e, lx->pool + e->key, e->len, buf, &outn, &e->lflags, &e->lwclass);
        const lx_entry *le = l == lx->pool + e->key ? e : (l != buf ? lx_find(lx, l, outn) : NULL);
        e->lemma = le ? le->key : 0;
        e->llen = le ? le->len : 0;
    }
    if (!lx->have_wordnet) return NE_OK;
    ne_arena ar;
    ne_vec gen;
    neA_init(&ar);
    neV_init(&gen, sizeof(lx_gen));
    int rc = gen_forms(lx, &gen, &ar);
    for (size_t i = 0; rc == NE_OK && i < gen.n; i++) {
        const lx_gen *g = NE_VEC_AT(gen, lx_gen, i);
        if (!g->lemma) continue;
        lx_entry *e = lx_intern(lx, g->w, g->len);
        if (!e) rc = NE_NOMEM;
        else if (!e->lemma) e->lemma = g->lemma, e->llen = g->llen, e->lflags = g->flags, e->lwclass = g->wclass;
    }
    neA_free(&ar);
    return rc;
}

/* DATA_DIR/wordnet-proper.txt (generated at build, tools/wnproper.c): one
** lowercase word a line, '#' comments; flags the lexicon words it lists.
** Absent: every WordNet noun counts as a common word (neLemma_common). */
static int load_proper(struct ne_engine *e) {
    ne_fview f;
    int rc = view_in(e->data_dir, "wordnet-proper.txt", (size_t)16 << 20, &f);
    if (rc) return rc == NE_NOTFOUND ? NE_OK : rc;
    const char *buf = f.p;
    size_t len = f.len;
    for (size_t i = 0; i < len;) {
        const char *line = buf + i;
        const char *nl = memchr(line, '\n', len - i);
        size_t ll = nl ? (size_t)(nl - line) : len - i;
        i += ll + 1;
        if (ll == 0 || line[0] == '#') continue;
        lx_entry *x = lx_find(e->lexicon, line, ll);
        if (x) x->flags |= LX_PROPER;
    }
    neU_view_free(&f);
    return NE_OK;
}

/* The next blank-separated field of a lexicon.txt line [line, line+ll)
** from *k on: its start (== *k at the line's end); *k moves to its end. */
static size_t next_field(const char *line, size_t ll, size_t *k) {
    size_t b = *k, e;
    while (b < ll && (line[b] == ' ' || line[b] == '\t')) b++;
    for (e = b; e < ll && line[e] != ' ' && line[e] != '\t';) e++;
    *k = e;
    return b;
}

/* The line of lexicon.txt text [p, p+len) at *i (< len), its '#' comment and
** trailing blanks and CR cut off (docs/DICTIONARIES.md): its start, its length
** in *ll; *i moves past it.  The loader and the validator read lines so. */
static const char *extra_next_line(const char *p, size_t len, size_t *i, size_t *ll) {
    const char *line = p + *i, *nl = memchr(line, '\n', len - *i);
    size_t n = nl ? (size_t)(nl - line) : len - *i;
    *i += n + 1;
    const char *hash = memchr(line, '#', n);
    n = hash ? (size_t)(hash - line) : n;
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r')) n--;
    *ll = n;
    return line;
}

/* One line of lexicon.txt, "WORD FIELD...": a one-letter field is a part of
** speech (v verb, n noun, a adjective) flagged on WORD as index.verb/noun/adj
** would; a longer one an irregular verb form of WORD ("unbanned"), its
** verb.exc-style exception.  A line with no part of speech is skipped. */
static int extra_line(ne_lexicon *lx, const char *line, size_t ll) {
    size_t wl = 0, k;
    uint8_t flags = 0;
    while (wl < ll && line[wl] != ' ' && line[wl] != '\t') wl++;
    for (k = wl; k < ll;) { /* the parts of speech first: the forms need to know */
        size_t b = next_field(line, ll, &k);
        if (k - b == 1) flags |= line[b] == 'v' ? LX_VERB : line[b] == 'n' ? LX_NOUN : line[b] == 'a' ? LX_ADJ : 0;
    }
    if (!flags || !single_word(line, wl)) return NE_OK;
    lx_entry *x = lx_intern(lx, line, wl);
    if (!x) return NE_NOMEM;
    x->flags |= flags;
    uint32_t off = x->key;
    for (k = wl; k < ll && (flags & LX_VERB);) {
        size_t b = next_field(line, ll, &k);
        if (k - b < 2 || !single_word(line + b, k - b)) continue;
        lx_entry *form = lx_intern(lx, line + b, k - b);
        if (!form) return NE_NOMEM;
        if (!form->vexc) form->vexc = off;
    }
    return NE_OK;
}

/* DATA_DIR/lexicon.txt (docs/DICTIONARIES.md "lexicon.txt"): lemmas WordNet
** lacks, with their parts of speech and irregular verb forms (extra_line),
** '#' comments, so that their inflections find them ("gheraoed":
** gherao).  Absent: nothing added. */
static int load_extra(struct ne_engine *e) {
    ne_fview f;
    int rc = view_in(e->data_dir, "lexicon.txt", (size_t)1 << 20, &f);
    if (rc) return rc == NE_NOTFOUND ? NE_OK : rc;
    for (size_t i = 0, ll; rc == NE_OK && i < f.len;) {
        const char *line = extra_next_line(f.p, f.len, &i, &ll);
        if (ll) rc = extra_line(e->lexicon, line, ll);
    }
    neU_view_free(&f);
    return rc;
}

/* What is wrong with one lexicon.txt line (its comment cut off), or NULL: the
** lemma one word of letters, at least one part of speech (v, n or a; any
** other one-letter field is an error), irregular forms only for a verb. */
static const char *extra_problem(const char *line, size_t ll) {
    size_t wl = 0, k, pos = 0, forms = 0, verb = 0;
    while (wl < ll && line[wl] != ' ' && line[wl] != '\t') wl++;
    if (!single_word(line, wl)) return "the lemma must be one word (no digits or '_')";
    for (k = wl; k < ll;) {
        size_t b = next_field(line, ll, &k);
        if (k == b) break;
        if (k - b == 1) {
            if (line[b] != 'v' && line[b] != 'n' && line[b] != 'a') return "a part of speech is v, n or a";
            pos++;
            verb |= line[b] == 'v';
        } else if (!single_word(line + b, k - b)) {
            return "a form must be one word (no digits or '_')";
        } else {
            forms++;
        }
    }
    if (!pos) return "no part of speech (v, n or a)";
    return forms && !verb ? "irregular forms are given for verbs only" : NULL;
}

int neLemma_check_extra(const char *dir, void (*report)(void *ctx, const char *msg), void *ctx, size_t *nerr) {
    char path[4096];
    if (neU_path(path, sizeof path, dir, "lexicon.txt") || access(path, F_OK) != 0) return NE_OK; /* none to check */
    ne_fview f;
    int rc = neU_view_file(path, &f, (size_t)1 << 20);
    if (rc != NE_OK) {
        char msg[320];
        snprintf(msg, sizeof msg, "lexicon.txt: cannot read: %s", neU_io_why(rc));
        if (report) report(ctx, msg);
        (*nerr)++;
        return NE_OK;
    }
    size_t lineno = 0;
    for (size_t i = 0, ll; i < f.len;) {
        const char *line = extra_next_line(f.p, f.len, &i, &ll);
        lineno++;
        const char *why = ll ? extra_problem(line, ll) : NULL;
        if (!why) continue;
        char msg[256];
        snprintf(msg, sizeof msg, "lexicon.txt:%zu: %s", lineno, why);
        if (report) report(ctx, msg);
        (*nerr)++;
    }
    neU_view_free(&f);
    return NE_OK;
}

static uint64_t serials;

/* The lexicon from the WordNet files, wordnet-proper.txt and lexicon.txt (never the snapshot). */
static int load_text(struct ne_engine *e) {
    e->lexicon = neM_calloc(1, sizeof *e->lexicon);
    if (!e->lexicon) return ne_engine_fail(e, NE_NOMEM, "out of memory loading lemmas");
    e->lexicon->serial = __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED);
    int rc = load_builtins(e->lexicon);
    static const char *const files[] = {"index.verb", "index.noun", "verb.exc", "noun.exc"};
    int found = 0;
    for (int i = 0; rc == NE_OK && i < 4; i++) {
        int r = load_wn_file(e, files[i], i);
        if (r == NE_OK) found++;
        else if (r != NE_NOTFOUND) rc = r;
    }
    e->lexicon->have_wordnet = found == 4;
    if (rc == NE_OK && found == 4) { /* adjectives are common words too ("communal"); optional */
        int r = load_wn_file(e, "index.adj", 4);
        if (r != NE_OK && r != NE_NOTFOUND) rc = r;
    }
    if (rc == NE_OK && found == 4) rc = load_proper(e);
    if (rc == NE_OK) rc = load_extra(e);
    if (rc == NE_OK) rc = precompute(e->lexicon);
    if (rc != NE_OK) return ne_engine_fail(e, rc, "%s: cannot load WordNet: %s", e->wordnet_dir, ne_errstr(rc));
    return NE_OK;
}

/* ---- the snapshot (snap.h): the slots and the pool, read in one go ---- */

#define LX_SNAP_FILE "lemmas.snap"
enum { LN_CAP, LN_USED, LN_POOL, LN_WORDNET, LN_COUNT };

static void lx_snap_head(ne_snap_head *h) {
    const uint32_t layout[7] = {0x01020304u, sizeof(lx_entry), LX_MAX_WORD, NE_WC_COUNT, 0, 0, 0};
    neSnap_head_init(h, "NELSNAP\n", layout);
}

int neLemma_sources(const struct ne_engine *e, ne_buf *out) {
    static const char *const wn[] = {"index.verb", "index.noun", "verb.exc", "noun.exc", "index.adj"};
    char path[1024];
    int rc = NE_OK;
    for (size_t i = 0; rc == NE_OK && i < sizeof wn / sizeof wn[0]; i++)
        rc = neU_path(path, sizeof path, e->wordnet_dir, wn[i]) ? NE_NOTFOUND : neSnap_source(out, path, path);
    if (rc == NE_OK)
        rc = neU_path(path, sizeof path, e->data_dir, "wordnet-proper.txt") ? NE_NOTFOUND
                                                                             : neSnap_source(out, path, "wordnet-proper.txt");
    if (rc == NE_OK)
        rc = neU_path(path, sizeof path, e->data_dir, "lexicon.txt") ? NE_NOTFOUND : neSnap_source(out, path, "lexicon.txt");
    return rc;
}

/* Is the string at pool offset off at most LX_MAX_WORD bytes, ending in the
** pool?  Offset 0 (most: no exception lemma) is the pool's leading NUL. */
static int lx_str_ok(const char *pool, uint64_t len, uint32_t off) {
    return !off || (off < len && strnlen(pool + off, (size_t)(len - off)) <= LX_MAX_WORD);
}

/* Every slot's strings in the pool, NUL-terminated where their lengths say,
** classes in range, and an empty slot to end probes. */
static int lx_check(const ne_lexicon *lx) {
    const char *p = lx->pool;
    uint64_t n = lx->pool_len;
    size_t empty = 0;
    if (!n || p[0] || p[n - 1] || (lx->cap & (lx->cap - 1)) || lx->used >= (lx->cap ? lx->cap : 1)) return -1;
    for (size_t i = 0; i < lx->cap; i++) {
        const lx_entry *x = &lx->slots[i];
        if (!x->key) { empty++; continue; }
        if (!x->len || x->len > LX_MAX_WORD || (uint64_t)x->key + x->len >= n || p[x->key + x->len] ||
            !lx_str_ok(p, n, x->vexc) || !lx_str_ok(p, n, x->nexc) || x->llen > LX_MAX_WORD ||
            (uint64_t)x->lemma + x->llen >= n || p[x->lemma + x->llen] || x->wclass >= NE_WC_COUNT ||
            x->lwclass >= NE_WC_COUNT)
            return -1;
    }
    return empty || !lx->cap ? 0 : -1;
}

/* The lexicon over a snapshot's body (h's counts), which it takes over on
** success; NULL when damaged (*nomem set on NOMEM).  With verified 1 (its
** checksum matched: this build wrote it, snap.h) it is not checked again. */
static ne_lexicon *lx_from_snap(const ne_snap_head *h, void *body, int verified, int *nomem) {
    uint64_t cap = h->n[LN_CAP], slots = (cap * sizeof(lx_entry) + 63) & ~(uint64_t)63;
    *nomem = 0;
    if (cap > UINT32_MAX || h->n[LN_POOL] > UINT32_MAX || slots + h->n[LN_POOL] != h->body_bytes) return NULL;
    ne_lexicon *lx = neM_calloc(1, sizeof *lx);
    if (!lx) { *nomem = 1; return NULL; }
    lx->slots = body;
    lx->slot_mem = body;
    lx->cap = cap;
    lx->used = h->n[LN_USED];
    lx->pool = (char *)body + slots;
    lx->pool_len = lx->pool_cap = h->n[LN_POOL];
    lx->have_wordnet = h->n[LN_WORDNET] != 0;
    if (!verified && lx_check(lx)) {
        neM_free(lx);
        return NULL;
    }
    lx->snap_bytes = h->body_bytes;
    lx->serial = __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED);
    return lx;
}

int neLemma_snap_parse(const void *data, size_t len, int verify_hash, ne_lexicon **out) {
    ne_snap_head want, h;
    void *body;
    int nomem = 0;
    lx_snap_head(&want);
    *out = NULL;
    int rc = neSnap_parse(data, len, &want, verify_hash, &h, &body);
    if (rc != NE_OK) return rc;
    if ((*out = lx_from_snap(&h, body, verify_hash, &nomem))) return NE_OK;
    neSnap_free(body, h.body_bytes);
    return nomem ? NE_NOMEM : NE_DATA;
}

/* e->lexicon from DATA_DIR/lemmas.snap when it is current: NE_OK,
** NE_NOTFOUND (parse the text), NE_NOMEM. */
static int lemma_snap_load(struct ne_engine *e) {
    ne_snap_head want, h;
    void *body;
    int nomem = 0;
    lx_snap_head(&want);
    int rc = neSnap_load(e, LX_SNAP_FILE, &want, neLemma_sources, &h, &body);
    if (rc == NE_OK && !(e->lexicon = lx_from_snap(&h, body, 1, &nomem))) {
        neSnap_free(body, h.body_bytes);
        rc = nomem ? NE_NOMEM : NE_NOTFOUND;
    }
    return rc == NE_NOMEM ? ne_engine_fail(e, NE_NOMEM, "out of memory loading lemmas") : rc;
}

int neLemma_load(struct ne_engine *e) {
    int rc = lemma_snap_load(e);
    return rc == NE_NOTFOUND ? load_text(e) : rc;
}

int neLemma_compile(struct ne_engine *e, const char *path) {
    ne_buf src;
    int rc = neSnap_sources(e, neLemma_sources, &src, e->wordnet_dir, "WordNet files");
    if (rc == NE_OK) rc = load_text(e);
    ne_lexicon *lx = e->lexicon;
    size_t cap = 64; /* the smallest table of the usual load: lookups are the same */
    while (rc == NE_OK && (lx->used + 1) * 4 > cap * 3) cap *= 2;
    if (rc == NE_OK && cap < lx->cap && lx_grow(lx, cap)) rc = ne_engine_fail(e, NE_NOMEM, "out of memory");
    uint64_t slots = lx ? (lx->cap * sizeof(lx_entry) + 63) & ~(uint64_t)63 : 0;
    char *body = rc == NE_OK ? neM_calloc(slots + lx->pool_len + 1, 1) : NULL;
    if (rc == NE_OK && !body) rc = ne_engine_fail(e, NE_NOMEM, "out of memory");
    if (rc == NE_OK) {
        ne_snap_head h;
        lx_snap_head(&h);
        h.n[LN_CAP] = lx->cap, h.n[LN_USED] = lx->used, h.n[LN_POOL] = lx->pool_len, h.n[LN_WORDNET] = lx->have_wordnet;
        if (lx->cap) memcpy(body, lx->slots, lx->cap * sizeof(lx_entry));
        memcpy(body + slots, lx->pool, lx->pool_len);
        rc = neSnap_write(e, path, &h, &src, body, slots + lx->pool_len);
    }
    neM_free(body);
    neB_free(&src);
    return rc;
}

void neLemma_free(ne_lexicon *lx) {
    if (!lx) return;
    if (lx->snap_bytes) {
        neSnap_free(lx->slot_mem, lx->snap_bytes);
    } else {
        neM_free_big(lx->slot_mem, lx->cap + 2, sizeof(lx_entry));
        neM_free(lx->pool);
    }
    neM_free(lx);
}

int neLemma_have_wordnet(const ne_lexicon *lx) { return lx && lx->have_wordnet; }

int neLemma_common(const ne_lexicon *lx, const char *w, size_t n) {
    if (!lx || !lx->have_wordnet) return 1;
    const lx_entry *e = lx_find(lx, w, n);
    if (!e) return 0;
    if (e->wclass || (e->flags & (LX_AUX | LX_NEG))) return 1;
    if (e->flags & LX_PROPER) return 0;
    if (e->flags & (LX_VERB | LX_NOUN | LX_ADJ) || e->vexc || e->nexc) return 1;
    const lx_entry *l = e->lemma && e->lemma != e->key ? lx_find(lx, lx->pool + e->lemma, strlen(lx->pool + e->lemma)) : NULL;
    return l && (l->flags & (LX_VERB | LX_NOUN)) && !(l->flags & LX_PROPER);
}

int neLemma_verb_lemma(const ne_lexicon *lx, const char *w, size_t n) {
    if (!lx || !lx->have_wordnet) return 1;
    const lx_entry *e = lx_find(lx, w, n);
    return e && (e->flags & (LX_VERB | LX_AUX));
}

int neLemma_class(const ne_lexicon *lx, const char *w, size_t n) {
    const lx_entry *e = lx_find(lx, w, n);
    return e ? e->wclass : 0;
}

/* ---- morphy ---- */

typedef struct { const char *suffix, *ending; uint8_t sl, el; } lx_rule;
#define RULE(suf, end) {suf, end, sizeof suf - 1, sizeof end - 1}
static const lx_rule verb_rules[] = {
    RULE("s", ""), RULE("ies", "y"), RULE("es", "e"), RULE("es", ""),
    RULE("ed", "e"), RULE("ed", ""), RULE("ing", "e"), RULE("ing", ""),
};
static const lx_rule noun_rules[] = {
    RULE("s", ""), RULE("ses", "s"), RULE("xes", "x"), RULE("zes", "z"),
    RULE("ches", "ch"), RULE("shes", "sh"), RULE("men", "man"), RULE("ies", "y"),
};
#undef RULE
#define LX_NRULES (sizeof verb_rules / sizeof verb_rules[0] + sizeof noun_rules / sizeof noun_rules[0])

/* The candidates one lemma_of call has looked up: the verb and the noun
** rules often build the same one ("ships" -> "ship" twice), and each lookup
** is a likely cache miss in the big lexicon table. */
typedef struct cand_memo {
    size_t n;
    struct {
        char w[LX_MAX_WORD + 4];
        size_t len;
        const lx_entry *e;
    } c[LX_NRULES];
} cand_memo;

/* Does w (n bytes) end with suf (sl bytes) and have more before it?  The
** suffixes are a few bytes: compared from the last byte, inline (most words
** differ there, so most rules cost one comparison). */
static int ends_with(const char *w, size_t n, const char *suf, size_t sl) {
    if (n <= sl) return 0;
    for (size_t i = 1; i <= sl; i++)
        if (w[n - i] != suf[sl - i]) return 0;
    return 1;
}

/* Does a stem of n bytes take -es rather than -s (s, x, z, ch, sh, o)? */
static int es_stem(const char *w, size_t n) {
    if (n < 2) return 0;
    char c = w[n - 1];
    return c == 's' || c == 'x' || c == 'z' || c == 'o' || ((c == 'h') && (w[n - 2] == 'c' || w[n - 2] == 's'));
}

/* The entry of the candidate stem w[0, stem) + ending (at most LX_MAX_WORD
** bytes), looked up once per memo. */
static const lx_entry *cand_find(const ne_lexicon *lx, cand_memo *m, const char *w, size_t stem,
                                 const char *ending, size_t el) {
    char *c = m->c[m->n].w;
    size_t len = stem + el;
    memcpy(c, w, stem);
    memcpy(c + stem, ending, el);
    for (size_t i = 0; i < m->n; i++)
        if (m->c[i].len == len && memcmp(m->c[i].w, c, len) == 0) return m->c[i].e;
    m->c[m->n].len = len;
    m->c[m->n].e = lx_find(lx, c, len);
    return m->c[m->n++].e;
}

/* Apply detachment rules; the first candidate in the lexicon with flag wins. */
static const lx_entry *apply_rules(const ne_lexicon *lx, cand_memo *m, const char *w, size_t n,
                                   const lx_rule *rules, size_t nrules, uint8_t flag) {
    for (size_t i = 0; i < nrules; i++) {
        size_t sl = rules[i].sl, el = rules[i].el;
        if (!ends_with(w, n, rules[i].suffix, sl) || n - sl + el > LX_MAX_WORD) continue;
        if (!el && !strcmp(rules[i].suffix, "es") && !es_stem(w, n - 2))
            continue; /* -es follows s, x, z, ch, sh, o ("passes", "goes"): "aides" is no form of "aid" */
        const lx_entry *e = cand_find(lx, m, w, n - sl, rules[i].ending, el);
        if (e && (e->flags & flag)) return e;
    }
    return NULL;
}

/* Suffix rules for words WordNet does not know (or when it is missing):
** plural -ies/-s, and without WordNet also -ed/-ing with undoubling. */
static size_t fallback_lemma(const ne_lexicon *lx, const char *w, size_t n, char *buf) {
    memcpy(buf, w, n);
    if (n > 4 && ends_with(w, n, "ies", 3)) {
        memcpy(buf + n - 3, "y", 1);
        return n - 2;
    }
    if (!lx->have_wordnet && n > 5 && (ends_with(w, n, "ed", 2) || ends_with(w, n, "ing", 3))) {
        size_t m = n - (w[n - 1] == 'd' ? 2 : 3);
        /* undouble "stopped", "expelled" but not "called", "passed" */
        if (m > 2 && buf[m - 1] == buf[m - 2] && !strchr("aeiouls", buf[m - 1])) m--;
        else if (m > 5 && buf[m - 1] == 'l' && buf[m - 2] == 'l' && buf[m - 3] == 'e') m--;
        return m;
    }
    if (n > 3 && w[n - 1] == 's' && !strchr("sui'", w[n - 2])) return n - 1;
    return n;
}

/* Lemma of lowercase w, whose entry is e (lx_find(w): NULL when none): *flags
** gets the lexicon flags of the lemma.  Returns a pool string, w itself, or
** buf (a fallback form of length *outn). */
static const char *lemma_of(const ne_lexicon *lx, const lx_entry *e, const char *w, size_t n, char *buf,
                            size_t *outn, uint8_t *flags, uint8_t *wclass) {
    const lx_entry *r = NULL;
    cand_memo memo;
    memo.n = 0;
    *outn = n;
    *wclass = e ? e->wclass : 0;
    const char *l = w;
    if (n < 2 || n > LX_MAX_WORD) {
        r = e;
    } else if (e && e->vexc) {
        l = lx->pool + e->vexc;
        r = lx_find(lx, l, strlen(l));
    } else if (e && (e->flags & (LX_VERB | LX_AUX | LX_NEG))) {
        r = e;
    } else if ((r = apply_rules(lx, &memo, w, n, verb_rules, sizeof verb_rules / sizeof verb_rules[0], LX_VERB))) {
        l = lx->pool + r->key;
    } else if (e && e->nexc) {
        l = lx->pool + e->nexc;
        r = lx_find(lx, l, strlen(l));
    } else if (e) {
        r = e; /* a noun lemma or another known word */
    } else if ((r = apply_rules(lx, &memo, w, n, noun_rules, sizeof noun_rules / sizeof noun_rules[0], LX_NOUN))) {
        l = lx->pool + r->key;
    } else {
        *outn = fallback_lemma(lx, w, n, buf);
        *flags = 0;
        return *outn == n ? w : buf;
    }
    if (l != w) *outn = strlen(l);
    *flags = r ? r->flags : 0;
    if (e && e->vexc) *flags |= LX_VERB;
    if (!*wclass && r) *wclass = r->wclass;
    return l;
}

/* The lemma of w (lx_hash h): the precomputed one of its entry (one
** lookup), else morphy and the fallback rules. */
static const char *lookup_lemma(const ne_lexicon *lx, const char *w, size_t n, uint32_t h, char *buf, size_t *outn,
                                uint8_t *flags, uint8_t *wclass) {
    const lx_entry *le = lx_find_h(lx, w, n, h);
    if (le && le->lemma) {
        *flags = le->lflags;
        *wclass = le->lwclass;
        if (le->key == le->lemma) {
            *outn = n;
            return w;
        }
        *outn = le->llen;
        return lx->pool + le->lemma;
    }
    return lemma_of(lx, le, w, n, buf, outn, flags, wclass);
}

const char *neLemma_word(const ne_lexicon *lx, const char *w, size_t n, char *buf, size_t cap) {
    char tmp[LX_MAX_WORD + 4];
    size_t outn;
    uint8_t fl, wc;
    const char *l = lookup_lemma(lx, w, n, lx_hash(w, n), tmp, &outn, &fl, &wc);
    if (outn >= cap) return NULL;
    memcpy(buf, l, outn);
    buf[outn] = 0;
    return buf;
}

/* Does token t get a lemma from the lexicon: a word (starting with a letter
** or an apostrophe clitic) that is not a capitalized name inside a body
** sentence (those are their own lemma; in a title or a headline-style
** sentence a capitalized word may be any word: "Iran Strikes ...")? */
static int wants_lemma(const struct ne_doc *d, const ne_token *t) {
    if (t->shape > NE_SH_MIXED || t->norm_len == 0) return 0;
    return !(t->shape == NE_SH_CAP && !(t->flags & NE_TF_SENT_START) && t->sent >= d->title_sents &&
             !NE_VEC_AT(d->sentences, ne_sentence, t->sent)->titlecase);
}

#define LX_AHEAD 16 /* tokens whose lemma cache entry is prefetched ahead of tagging (its index slot: twice as far) */

/* ---- the lemma cache of a document object ----
** What tagging gave each word, kept across the articles a document object
** codes (most words recur), so that a word is looked up in the lexicon
** (a likely cache miss) and run through morphy once; beside it the word's
** ne_wmemo for the later stages.  Every token but numbers gets an entry
** (its lemma fields only once a token of the word wants a lemma).  Open
** addressing on the word's ne_hash over 16-bit indexes into the entries,
** each one cache line that holds a word of up to fifteen bytes itself (a
** lookup reads one line); longer words and fallback lemmas in a fixed pool
** (never moved: tokens point into it).  When an entry does not fit, the cache starts again at the next
** article; it also starts again when the engine's lexicon, timewords
** (time.txt, whose first-word classes the memos keep) or patterns (whose
** anchors they keep) change. */
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

void neLemma_cache_free(struct ne_lcache *c) { neM_free_big(c, 1, sizeof *c); }

/* Ready the cache of d for an article tagged with lx under timewords of
** serial tw and patterns of serial pat; NE_NOMEM when it cannot be made. */
static int lc_begin(struct ne_doc *d, const ne_lexicon *lx, uint32_t tw, uint32_t pat) {
    struct ne_lcache *c = d->lcache;
    if (!c) {
        /* on huge pages, from a huge page's start (so the entries' 64 bytes
        ** are aligned): every token's lookup reads the 2 MB of entries at
        ** random, which in 4 KB pages would miss the TLB; zeroed, so no
        ** lexicon's (serial 0): cleared below */
        if (!(c = d->lcache = neM_calloc_big(1, sizeof *c))) return NE_NOMEM;
    }
    if (c->serial != lx->serial || c->tw != tw || c->pat != pat || c->full) {
        memset(c->idx, 0, sizeof c->idx);
        c->serial = lx->serial;
        c->tw = tw, c->pat = pat;
        c->used = 0;
        c->pool_len = 1;
        c->full = 0;
    }
    return NE_OK;
}

/* Are the n bytes at a and b the same, both NUL-padded to a multiple of
** eight bytes (the cache's words, lc_store, and token norms)?  Eight bytes
** at a time, the padding with them: no branch on the length but the loop's
** (most words take one turn, the rest two). */
static int same_word(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8), memcpy(&y, b + i, 8);
        if (x != y) return 0;
    }
    return 1;
}

/* The entry of word w (n bytes, ne_hash nh), or NULL with *slot set to the
** index slot where it goes (NULL when the index is full). */
static lc_ent *lc_find(struct ne_lcache *c, const char *w, size_t n, uint32_t nh, uint16_t **slot) {
    for (size_t i = nh & LC_MASK;; i = (i + 1) & LC_MASK) {
        uint16_t k = c->idx[i];
        if (!k) {
            *slot = c->used < LC_WORDS ? &c->idx[i] : NULL;
            return NULL;
        }
        lc_ent *s = &c->ent[k - 1];
        if (s->nh == nh && s->len == n && same_word(n < LC_INLINE ? s->word : c->pool + s->key, w, n)) return s;
    }
}

/* Copy w (n bytes) into the cache's pool, NUL-padded to a multiple of
** eight bytes (same_word); its offset, 0 when it does not fit. */
static uint32_t lc_store(struct ne_lcache *c, const char *w, size_t n) {
    size_t room = (n + 8) & ~(size_t)7;
    if (room > LC_POOL - c->pool_len) return 0;
    uint32_t off = (uint32_t)c->pool_len;
    memcpy(c->pool + off, w, n);
    memset(c->pool + off + n, 0, room - n);
    c->pool_len += room;
    return off;
}

/* A new entry, with no lemma yet, for word w (n bytes, ne_hash nh) at
** index slot slot; NULL for a long word, or when it does not fit (the
** cache then starts again at the next article). */
static lc_ent *lc_new(struct ne_lcache *c, uint16_t *slot, const char *w, size_t n, uint32_t nh) {
    if (n > LC_MAX_WORD) return NULL;
    uint32_t key = !slot ? 0 : n < LC_INLINE ? 1 : lc_store(c, w, n); /* 1: held in the entry */
    if (!key) {
        c->full = 1;
        return NULL;
    }
    lc_ent *s = &c->ent[c->used];
    *s = (lc_ent){.key = key, .nh = nh, .len = (uint8_t)n};
    if (n < LC_INLINE) memcpy(s->word, w, n); /* the rest stays NUL */
    *slot = (uint16_t)++c->used;
    return s;
}

/* Remember in entry s of word w what tagging gave it: lemma l (w itself
** when the word is its own lemma; fbuf when it is a fallback form in a
** stack buffer, copied); returns the lemma to use (NULL: no room, the
** caller keeps its own). */
static const char *lc_tag(struct ne_lcache *c, lc_ent *s, const char *w, const char *l, size_t ln, const char *fbuf,
                          uint32_t lh, uint32_t tags) {
    uint32_t loff = l == fbuf ? lc_store(c, l, ln) : 0;
    if (l == fbuf && !loff) {
        c->full = 1;
        return NULL;
    }
    s->lemma = l == w ? NULL : l == fbuf ? c->pool + loff : l;
    s->lh = lh;
    s->tags = (uint16_t)tags;
    s->tagged = 1;
    return s->lemma ? s->lemma : w;
}

/* Does token t get a word memo (an entry in the cache)?  Every word but
** numbers, which are many and seldom asked twice. */
static int wants_memo(const ne_token *t) { return t->shape != NE_SH_NUM && t->norm_len; }

/* Lemma, tags and word class of token t (ne_hash nh of its norm) from the
** lexicon, kept in its cache entry s when it has one (NULL: none); *lh gets
** the lemma's ne_hash.  The first token of a word that wants a lemma. */
static int tag_new(struct ne_doc *d, const ne_lexicon *lx, ne_token *t, lc_ent *s, uint32_t nh, uint32_t *lh) {
    char buf[LX_MAX_WORD + 4];
    size_t outn;
    uint8_t fl, wc;
    const char *l = lookup_lemma(lx, t->norm, t->norm_len, lx_hash_of(nh), buf, &outn, &fl, &wc);
    uint32_t tags = (uint32_t)wc << NE_TAG_WCLASS_SHIFT;
    if (fl & LX_VERB) tags |= NE_TAG_VERB;
    if (fl & LX_AUX) tags |= NE_TAG_AUX;
    if (fl & LX_NEG) tags |= NE_TAG_NEG;
    *lh = l == t->norm ? nh : ne_hash(l, outn);
    const char *kept = s ? lc_tag(d->lcache, s, t->norm, l, outn, buf, *lh, tags) : NULL;
    if (!kept && l == buf) kept = neA_strndup(&d->arena, buf, outn);
    else if (!kept) kept = l;
    if (!kept) return NE_NOMEM;
    t->lemma = kept;
    t->tags |= tags;
    return NE_OK;
}

/* Lemma, verb/aux/negation tags and word class of token t (ne_hash nh of its
** norm) when it wants one, through the cache; *lh gets the lemma's ne_hash,
** *memo the word's ne_wmemo (NULL when it has none).  Inline: nearly every
** token's word is in the cache, tagged (tag_new does the rest). */
static inline int tag_token(struct ne_doc *d, struct ne_lcache *c, const ne_lexicon *lx, ne_token *t, uint32_t nh,
                            uint32_t *lh, ne_wmemo **memo) {
    lc_ent *s = NULL;
    if (wants_memo(t)) {
        uint16_t *slot;
        if (!(s = lc_find(c, t->norm, t->norm_len, nh, &slot))) s = lc_new(c, slot, t->norm, t->norm_len, nh);
    }
    *memo = s ? &s->memo : NULL;
    if (!wants_lemma(d, t)) return NE_OK;
    if (!s || !s->tagged) return tag_new(d, lx, t, s, nh, lh);
    if (s->lemma) t->lemma = s->lemma;
    t->tags |= s->tags;
    *lh = s->lh;
    return NE_OK;
}

/* Prefetch the index slot of cache c of a token of ne_hash nh, which
** plan_entry reads LX_AHEAD tokens later (the lexicon is read only for the
** few words the cache does not have yet); a number's too, which gets no
** entry (wants_memo): no branch.  Always inline: GCC's ipa-pure-const finds
** a function that does nothing but prefetch free of side effects, and its
** calls dead (a static plan_lookup compiled to no prefetch at all). */
static inline __attribute__((always_inline)) void plan_lookup(const struct ne_lcache *c, uint32_t nh) {
    __builtin_prefetch(&c->idx[nh & LC_MASK]);
}

/* Prefetch the entry that the index slot of a token of ne_hash nh names
** (plan_lookup prefetched the slot LX_AHEAD tokens before): the entry
** lc_find compares first, nearly always the word's own (the other cache
** miss of a token's lookup).  Always inline, as plan_lookup. */
static inline __attribute__((always_inline)) void plan_entry(const struct ne_lcache *c, uint32_t nh) {
    uint16_t k = c->idx[nh & LC_MASK];
    __builtin_prefetch(&c->ent[k - (k != 0)]); /* no branch: an empty slot prefetches entry 0 */
}

/* Lemmatize the tokens (each token's lemma is its norm until then: the
** tokenizer's), fill d->lhash (the lemmas' ne_hash, from d->nhash, which the
** tokenizer filled) and point d->wmemo at the tokens' word memos. */
int neLemma_tag(struct ne_doc *d, const struct ne_engine *e) {
    const ne_lexicon *lx = e->lexicon;
    size_t n = d->tokens.n;
    if (!d->nhash && !(d->nhash = neA_alloc(&d->arena, (n + 1) * sizeof *d->nhash))) return NE_NOMEM; /* no tokens */
    if (!(d->lhash = neA_alloc(&d->arena, (n + 1) * sizeof *d->lhash))) return NE_NOMEM;
    memcpy(d->lhash, d->nhash, n * sizeof *d->lhash);
    if (!lx) return NE_OK;
    if (lc_begin(d, lx, neW_serial(e->timewords), nePattern_serial(e->patterns)) ||
        !(d->wmemo = neA_alloc(&d->arena, (n + 1) * sizeof *d->wmemo)))
        return NE_NOMEM;
    /* the document's arrays in locals: the tagging's stores would make the compiler reload them */
    struct ne_lcache *c = d->lcache;
    ne_token *tk = d->tokens.items;
    const uint32_t *nh = d->nhash;
    uint32_t *lh = d->lhash;
    ne_wmemo **wm = d->wmemo;
    for (size_t i = 0; i < n && i < 2 * LX_AHEAD; i++) plan_lookup(c, nh[i]);
    for (size_t i = 0; i < n && i < LX_AHEAD; i++) plan_entry(c, nh[i]);
    for (size_t i = 0; i < n; i++) { /* the slot 2 * LX_AHEAD tokens ahead, its entry LX_AHEAD ahead */
        if (i + 2 * LX_AHEAD < n) plan_lookup(c, nh[i + 2 * LX_AHEAD]);
        if (i + LX_AHEAD < n) plan_entry(c, nh[i + LX_AHEAD]);
        if (tag_token(d, c, lx, &tk[i], nh[i], &lh[i], &wm[i])) return NE_NOMEM;
    }
    return NE_OK;
}
