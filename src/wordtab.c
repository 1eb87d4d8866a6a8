/* wordtab.c: small phrase tables loaded from "CLASS VALUE PHRASE..." data
** files (docs/TIME.md): time words, speech cues, stopwords.  Lookup is by
** the normalized token text, longest phrase first. */
#include "neInt.h"

#include <string.h>
#define XXH_INLINE_ALL /* header-only: inlined into neW_get */
#include <xxhash.h>

#define WT_FIRST_BITS 4096 /* bits of first_map */

/* The probe key of an entry slot, parallel to ents: a lookup compares the
** text of a phrase only when its hash, length and class agree.  len 0 = empty. */
typedef struct ent_key {
    uint32_t hash;     /* hash_entry of the phrase */
    uint16_t len;      /* phrase bytes (phrases are at most 6 words of one line: checked at load) */
    uint16_t cls;
} ent_key;

struct ne_wordtab {
    char *text;        /* the file, edited in place; entries point into it */
    ne_word *ents;     /* open addressing; phrase NULL = empty slot */
    ent_key *keys;     /* parallel to ents */
    size_t cap;        /* power of two */
    int maxwords;      /* longest phrase, in tokens */
    uint32_t serial;   /* unique per loaded table (neW_serial): word memos check it */
    /* first words of the phrases, with the longest phrase each starts: most
    ** tokens start no phrase, and one lookup tells (same capacity as ents) */
    struct first_word {
        const char *w;
        uint32_t hash; /* hash_phrase of the word: probes compare it before the text */
        uint16_t len;
        uint8_t maxwords;
        uint32_t classes; /* bit c: a phrase of class c (c < 32) starts here */
        int32_t one;      /* the word as a phrase: its entry's slot + 1 when one entry is;
                          ** 0 none, -1 several (of other classes: neW_get tells) */
        uint64_t w8;      /* len <= 8: the word's bytes, zero-padded (ne_hash_load), which a
                          ** token's NUL-padded norm matches in one load (token_slot) */
    } *firsts;
    /* parallel to firsts: bit k-1 of lens[slot][c] set when a phrase of
    ** class c (classes from 31 on share 31) and k words starts there */
    uint8_t (*lens)[32];
    /* parallel to firsts, lens as class sets (class_bit) for neW_classes_at:
    ** one, the classes of its one-word phrases; upto[k-2], those with a
    ** phrase of 2 to k words (k 2..6, the most a phrase has) */
    struct first_cls {
        uint32_t one, upto[5];
    } *fcls;
    /* (first word, second word) pairs of the multiword phrases, as bits of a
    ** small filter (pair_bit; pair_mask + 1 bits, a power of two): a token
    ** whose next word is in no pair with it tries its one-word phrases only */
    uint64_t *pairs;
    uint32_t pair_mask;
    /* bit hash_phrase % WT_FIRST_BITS set for each first word: most tokens
    ** start no phrase, and their lookups then read one word (first_maybe) */
    uint64_t first_map[WT_FIRST_BITS / 64];
};

/* ne_hash: a token's first-word lookup may use d->nhash. */
static uint32_t hash_phrase(const char *s, size_t n) { return ne_hash(s, n); }
/* The hash of whole phrases in ents: private to this file, so a faster one
** than ne_hash's byte loop (most lookups are single words of 2-10 bytes). */
static uint32_t hash_entry(const char *s, size_t n) { return (uint32_t)XXH3_64bits(s, n); }

static int is_sp(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Next whitespace-separated field of line [*p, end); NUL-terminates it. */
static char *field(char **p, char *end) {
    char *s = *p;
    while (s < end && is_sp(*s)) s++;
    if (s >= end) return NULL;
    char *f = s;
    while (s < end && !is_sp(*s)) s++;
    if (s < end) *s++ = 0;
    else *s = 0;
    *p = s;
    return f;
}

/* Lowercase the phrase in place and squeeze its blanks to single spaces;
** returns the word count. */
static int phrase_norm(char *s) {
    char *w = s;
    int words = 0, gap = 1;
    for (char *r = s; *r; r++) {
        if (is_sp(*r)) { gap = 1; continue; }
        if (gap && words) *w++ = ' ';
        if (gap) words++;
        gap = 0;
        *w++ = (*r >= 'A' && *r <= 'Z') ? (char)(*r + 32) : *r;
    }
    *w = 0;
    return words;
}

static int class_index(const char *const *classes, const char *c) {
    for (int i = 0; classes[i]; i++)
        if (strcmp(classes[i], c) == 0) return i;
    return -1;
}

/* Insert w (phrase of n bytes, 0 < n <= UINT16_MAX); 1 when an entry of
** the same class and phrase is there already. */
static int tab_insert(ne_wordtab *t, const ne_word *w, size_t n) {
    uint32_t hv = hash_entry(w->phrase, n);
    size_t h = hv & (t->cap - 1);
    while (t->ents[h].phrase) {
        if (strcmp(t->ents[h].phrase, w->phrase) == 0 && t->ents[h].cls == w->cls) return 1;
        h = (h + 1) & (t->cap - 1);
    }
    t->ents[h] = *w;
    t->keys[h] = (ent_key){hv, (uint16_t)n, w->cls};
    return 0;
}

/* One line: CLASS VALUE PHRASE...; '#' starts a comment line. */
static int load_line(struct ne_engine *e, ne_wordtab *t, char *line, char *end,
                     const char *const *classes, const char *path, int lineno) {
    char *p = line;
    while (p < end && is_sp(*p)) p++;
    if (p >= end || *p == '#') return NE_OK;
    char *cls = field(&p, end), *val = field(&p, end);
    while (p < end && is_sp(*p)) p++;
    if (!val || p >= end) return ne_engine_fail(e, NE_DATA, "%s:%d: expected CLASS VALUE PHRASE", path, lineno);
    *end = 0;
    ne_word w = {0};
    int ci = class_index(classes, cls);
    if (ci < 0) return ne_engine_fail(e, NE_DATA, "%s:%d: unknown class \"%s\"", path, lineno, cls);
    w.cls = (uint16_t)ci;
    w.val = val;
    w.phrase = p;
    int words = phrase_norm(p);
    if (words > 6) return ne_engine_fail(e, NE_DATA, "%s:%d: phrase longer than 6 words", path, lineno);
    size_t plen = strlen(p);
    if (plen > UINT16_MAX) return ne_engine_fail(e, NE_DATA, "%s:%d: phrase too long", path, lineno);
    w.nwords = (uint8_t)words;
    char *q = val;
    int neg = *q == '-' || *q == '+';
    long num = 0;
    for (q += neg; *q >= '0' && *q <= '9'; q++) num = num * 10 + (*q - '0');
    w.num = val[0] == '-' ? -num : num;
    if (tab_insert(t, &w, plen)) return ne_engine_fail(e, NE_DATA, "%s:%d: duplicate entry", path, lineno);
    if (words > t->maxwords) t->maxwords = words;
    return NE_OK;
}

/* May a phrase start with the word whose hash_phrase is hash?  0: none does. */
static int first_maybe(const ne_wordtab *t, uint32_t hash) {
    return (int)(t->first_map[hash % WT_FIRST_BITS / 64] >> (hash % 64) & 1);
}

/* Slot of the first word [w, w+n) with hash_phrase hash in t->firsts (its
** own or an empty one). */
static size_t first_slot_h(const ne_wordtab *t, const char *w, size_t n, uint32_t hash) {
    size_t h = hash & (t->cap - 1);
    for (const struct first_word *f; (f = &t->firsts[h])->w; h = (h + 1) & (t->cap - 1))
        if (f->hash == hash && f->len == n && memcmp(f->w, w, n) == 0) break;
    return h;
}

/* first_slot_h of token tk's norm: a word of up to eight bytes compared
** as one 64-bit word (the norm is NUL-padded past norm_len, ne_token). */
static size_t token_slot(const ne_wordtab *t, const ne_token *tk, uint32_t hash) {
    size_t n = tk->norm_len;
    if (n == 0 || n > 8) return first_slot_h(t, tk->norm, n, hash);
    uint64_t x = ne_load_le64(tk->norm);
    size_t h = hash & (t->cap - 1);
    for (const struct first_word *f; (f = &t->firsts[h])->w; h = (h + 1) & (t->cap - 1))
        if (f->hash == hash && f->len == n && f->w8 == x) break;
    return h;
}

/* first_slot_h of the word [w, w+n). */
static size_t first_slot(const ne_wordtab *t, const char *w, size_t n) {
    return first_slot_h(t, w, n, hash_phrase(w, n));
}

/* Bit of class cls in a first word's class set; classes past 31 share bit 31. */
static uint32_t class_bit(int cls) { return (uint32_t)1 << (cls < 31 ? cls : 31); }

/* ne_hash of word w up to its first space (a phrase's second word, or the
** part of a token that a phrase's second word can match). */
static uint32_t word_hash(const char *w, size_t n) {
    const char *sp = memchr(w, ' ', n);
    return ne_hash(w, sp ? (size_t)(sp - w) : n);
}

/* Filter bit of a first word (its slot in firsts) and a second word's word_hash. */
static uint32_t pair_bit(const ne_wordtab *t, size_t first, uint32_t second) {
    uint32_t h = (second ^ (uint32_t)first * 0x9E3779B1u) * 0x85EBCA6Bu;
    return (h ^ h >> 15) & t->pair_mask;
}

static int index_pairs(ne_wordtab *t) {
    size_t multi = 0;
    for (size_t i = 0; i < t->cap; i++) multi += t->ents[i].phrase && t->ents[i].nwords > 1;
    uint32_t bits = 64;
    while (bits < multi * 16 && bits < ((uint32_t)1 << 24)) bits <<= 1;
    t->pair_mask = bits - 1;
    t->pairs = neM_calloc(bits / 64, sizeof *t->pairs);
    if (!t->pairs) return NE_NOMEM;
    for (size_t i = 0; i < t->cap; i++) {
        const char *p = t->ents[i].phrase;
        if (!p || t->ents[i].nwords < 2) continue;
        size_t n = strcspn(p, " ");
        const char *sw = p + n + 1;
        uint32_t b = pair_bit(t, first_slot(t, p, n), word_hash(sw, strlen(sw)));
        t->pairs[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    return NE_OK;
}

/* Add a phrase of class cls and nwords words (1 to 6) to fc. */
static void first_cls_add(struct first_cls *fc, int cls, int nwords) {
    if (nwords == 1) fc->one |= class_bit(cls);
    else
        for (int k = nwords; k <= 6; k++) fc->upto[k - 2] |= class_bit(cls);
}

static int index_first_words(ne_wordtab *t) {
    t->firsts = neM_calloc(t->cap, sizeof *t->firsts);
    t->lens = neM_calloc(t->cap, sizeof *t->lens);
    t->fcls = neM_calloc(t->cap, sizeof *t->fcls);
    if (!t->firsts || !t->lens || !t->fcls) return NE_NOMEM;
    for (size_t i = 0; i < t->cap; i++) {
        const ne_word *w = &t->ents[i];
        if (!w->phrase) continue;
        size_t n = strcspn(w->phrase, " ");
        uint32_t hash = hash_phrase(w->phrase, n);
        size_t h = first_slot_h(t, w->phrase, n, hash);
        t->firsts[h].w = w->phrase;
        t->firsts[h].hash = hash;
        t->first_map[hash % WT_FIRST_BITS / 64] |= (uint64_t)1 << (hash % 64);
        t->firsts[h].len = (uint16_t)(n > 0xFFFF ? 0xFFFF : n);
        if (n <= 8) t->firsts[h].w8 = ne_hash_load(w->phrase, n);
        if (w->nwords > t->firsts[h].maxwords) t->firsts[h].maxwords = w->nwords;
        t->firsts[h].classes |= class_bit(w->cls);
        if (w->nwords == 1) t->firsts[h].one = t->firsts[h].one ? -1 : (int32_t)i + 1;
        t->lens[h][w->cls < 31 ? w->cls : 31] |= (uint8_t)(1u << (w->nwords - 1));
        first_cls_add(&t->fcls[h], w->cls, w->nwords);
    }
    return index_pairs(t);
}

static int tab_fill(struct ne_engine *e, ne_wordtab *t, size_t len, const char *const *classes,
                    const char *path) {
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) lines += t->text[i] == '\n';
    t->cap = 64;
    while (t->cap < lines * 2) t->cap <<= 1;
    t->ents = neM_calloc(t->cap, sizeof *t->ents);
    t->keys = neM_calloc(t->cap, sizeof *t->keys);
    if (!t->ents || !t->keys) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    char *s = t->text, *stop = t->text + len;
    int lineno = 0, rc = NE_OK;
    while (rc == NE_OK && s < stop) {
        char *nl = memchr(s, '\n', (size_t)(stop - s));
        char *end = nl ? nl : stop;
        rc = load_line(e, t, s, end, classes, path, ++lineno);
        s = end + 1;
    }
    if (rc == NE_OK && index_first_words(t)) rc = ne_engine_fail(e, NE_NOMEM, "out of memory");
    return rc;
}

int neW_load(struct ne_engine *e, const char *file, const char *const *classes, ne_wordtab **out) {
    *out = NULL;
    char path[4096];
    if (neU_path(path, sizeof path, e->data_dir, file)) return ne_engine_fail(e, NE_IO, "data path too long");
    ne_wordtab *t = neM_calloc(1, sizeof *t);
    if (!t) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    t->serial = neU_serial();
    *out = t;
    size_t len;
    int rc = neU_read_file(path, &t->text, &len, (size_t)16 << 20);
    if (rc == NE_NOMEM) return ne_engine_fail(e, rc, "out of memory");
    if (rc) return ne_engine_fail(e, rc, "%s: cannot read: %s", path, neU_io_why(rc));
    return tab_fill(e, t, len, classes, path);
}

void neW_free(ne_wordtab *t) {
    if (!t) return;
    neM_free(t->text);
    neM_free(t->ents);
    neM_free(t->keys);
    neM_free(t->firsts);
    neM_free(t->lens);
    neM_free(t->fcls);
    neM_free(t->pairs);
    neM_free(t);
}

const ne_word *neW_get(const ne_wordtab *t, const char *phrase, size_t n, int cls) {
    if (!t || !t->keys || n == 0 || n > UINT16_MAX) return NULL;
    uint32_t hv = hash_entry(phrase, n);
    for (size_t h = hv & (t->cap - 1); t->keys[h].len; h = (h + 1) & (t->cap - 1)) {
        const ent_key *k = &t->keys[h];
        if (k->hash == hv && k->len == n && (cls < 0 || k->cls == cls) && memcmp(t->ents[h].phrase, phrase, n) == 0)
            return &t->ents[h];
    }
    return NULL;
}

const ne_word *neW_find_bad(const ne_wordtab *t, int cls, int (*ok)(const char *val)) {
    for (size_t h = 0; t && t->ents && h < t->cap; h++)
        if (t->ents[h].phrase && t->ents[h].cls == cls && !ok(t->ents[h].val)) return &t->ents[h];
    return NULL;
}

const ne_word *neW_find_bad_entry(const ne_wordtab *t, int cls, int (*ok)(const ne_word *w)) {
    for (size_t h = 0; t && t->ents && h < t->cap; h++)
        if (t->ents[h].phrase && t->ents[h].cls == cls && !ok(&t->ents[h])) return &t->ents[h];
    return NULL;
}

void neW_each(const ne_wordtab *t, uint32_t classes, void (*fn)(const ne_word *w)) {
    for (size_t h = 0; t && t->ents && h < t->cap; h++)
        if (t->ents[h].phrase && t->ents[h].cls < 32 && classes >> t->ents[h].cls & 1) fn(&t->ents[h]);
}

void neW_words_at(const ne_wordtab *t, uint32_t classes, int pos, ne_wordset *out) {
    for (size_t h = 0; t && t->ents && h < t->cap; h++) {
        const ne_word *w = &t->ents[h];
        if (!w->phrase || w->cls >= 32 || !(classes >> w->cls & 1) || w->nwords <= pos) continue;
        const char *p = w->phrase, *sp;
        for (int k = 0; k < pos; k++) p = strchr(p, ' ') + 1; /* nwords > pos: there are pos spaces before */
        sp = strchr(p, ' ');
        ne_ws_add(out, hash_phrase(p, sp ? (size_t)(sp - p) : strlen(p)));
    }
}

uint32_t neW_first_classes(const ne_wordtab *t, const char *w, size_t n) {
    return neW_first_classes_h(t, w, n, hash_phrase(w, n));
}

uint32_t neW_first_classes_h(const ne_wordtab *t, const char *w, size_t n, uint32_t hash) {
    if (!t || !t->firsts || !first_maybe(t, hash)) return 0;
    return t->firsts[first_slot_h(t, w, n, hash)].classes;
}

uint32_t neW_serial(const ne_wordtab *t) { return t ? t->serial : 0; }

void neW_first_classes_all(const ne_wordtab *t, const ne_token *tk, const uint32_t *hash, ne_wmemo *const *wm,
                           size_t n, uint32_t *out) {
    if (!t || !t->firsts) {
        memset(out, 0, n * sizeof *out);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        ne_wmemo *m = wm ? wm[i] : NULL;
        if (m && (m->known & NE_WM_FIRSTS)) {
            out[i] = m->firsts;
            continue;
        }
        out[i] = first_maybe(t, hash[i]) ? t->firsts[token_slot(t, &tk[i], hash[i])].classes : 0;
        if (m) m->firsts = out[i], m->known |= NE_WM_FIRSTS;
    }
}

/* The phrase lengths (bit k-1: k words) a phrase of the first word in slot
** f may have at token i of [i, end): up to its longest and the sentence's end. */
static unsigned fit_mask(const ne_wordtab *t, size_t i, size_t end, size_t f) {
    unsigned fit = (1u << t->firsts[f].maxwords) - 1;
    return end - i < 8 ? fit & ((1u << (end - i)) - 1) : fit;
}

/* Of the lengths lens at token i (first word in slot f), the longer ones
** only when the pair filter lets token i + 1 be their second word (*pair:
** its answer, -1 until asked). */
static unsigned pair_lens(const ne_wordtab *t, const ne_token *tk, size_t i, size_t f, unsigned lens, int *pair) {
    if (lens > 1) {
        if (*pair < 0) {
            uint32_t pb = pair_bit(t, f, word_hash(tk[i + 1].norm, tk[i + 1].norm_len));
            *pair = (int)(t->pairs[pb >> 6] >> (pb & 63) & 1);
        }
        if (!*pair) lens &= 1u;
    }
    return lens;
}

uint32_t neW_classes_at(const ne_wordtab *t, const ne_token *tk, size_t i, size_t end, uint32_t hash) {
    if (!t || i >= end || !t->firsts) return 0;
    /* what neW_match_h tries, per class (pair_lens of its lens that fit):
    ** a class with a one-word phrase, or with a longer one that fits before
    ** end when the pair filter lets token i + 1 be its second word */
    size_t f = token_slot(t, &tk[i], hash);
    const struct first_cls *fc = &t->fcls[f];
    if (end - i < 2) return fc->one;
    uint32_t multi = fc->upto[(end - i < 6 ? end - i : 6) - 2] & ~fc->one;
    int pair = -1;
    return multi && pair_lens(t, tk, i, f, 2u, &pair) ? fc->one | multi : fc->one;
}

/* Entry of class cls whose phrase is the k tokens tk[i..i+k) (k >= 2) joined
** by single spaces, or NULL (also when the phrase would not fit the key). */
static const ne_word *match_words(const ne_wordtab *t, const ne_token *tk, size_t i, size_t k, int cls) {
    char key[160];
    size_t n = 0;
    for (size_t j = i; j < i + k; j++) {
        size_t wl = tk[j].norm_len;
        if (n + wl + 1 >= sizeof key) return NULL;
        if (j > i) key[n++] = ' ';
        memcpy(key + n, tk[j].norm, wl);
        n += wl;
    }
    return neW_get(t, key, n, cls);
}

const ne_word *neW_match(const ne_wordtab *t, const ne_token *tk, size_t i, size_t end, int cls) {
    if (!t || i >= end || !t->firsts) return NULL;
    return neW_match_h(t, tk, i, end, cls, hash_phrase(tk[i].norm, tk[i].norm_len));
}

/* The one-word phrase w (n bytes) of class cls (any when cls < 0), whose
** first-word slot is f: through the slot's link to it when it is one
** entry, without hashing it again; else neW_get. */
static const ne_word *one_word(const ne_wordtab *t, size_t f, const char *w, size_t n, int cls) {
    int32_t one = t->firsts[f].one;
    if (one <= 0) return one ? neW_get(t, w, n, cls) : NULL;
    const ne_word *e = &t->ents[one - 1];
    return cls < 0 || e->cls == cls ? e : NULL;
}

const ne_word *neW_match_h(const ne_wordtab *t, const ne_token *tk, size_t i, size_t end, int cls, uint32_t hash) {
    if (!t || i >= end || !t->firsts || !first_maybe(t, hash)) return NULL; /* most words start no phrase */
    size_t f = token_slot(t, &tk[i], hash);
    if (!t->firsts[f].w) return NULL; /* no phrase starts with this word */
    if (cls >= 0 && !(t->firsts[f].classes & class_bit(cls))) return NULL; /* none of class cls */
    int pair = -1; /* phrase lengths to try: bit k-1 for k words */
    unsigned of_cls = cls >= 0 ? t->lens[f][cls < 31 ? cls : 31] : 0xFFu;
    unsigned lens = pair_lens(t, tk, i, f, of_cls & fit_mask(t, i, end, f), &pair);
    for (int k = t->firsts[f].maxwords; lens > 1 && k >= 2; k--) {
        if (!(lens >> (k - 1) & 1)) continue;
        const ne_word *w = match_words(t, tk, i, (size_t)k, cls);
        if (w) return w;
    }
    /* one word: the token's own text is the key (when it fits one, as above) */
    return lens & 1 && (size_t)tk[i].norm_len + 1 < 160 ? one_word(t, f, tk[i].norm, tk[i].norm_len, cls) : NULL;
}
