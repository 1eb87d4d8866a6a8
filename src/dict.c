/* dict.c: actor, role and place dictionaries: loading and validation of the
** text files (docs/DICTIONARIES.md), compiled into a trie over normalized
** tokens whose edges live in one hash table, so a lookup costs O(name length). */
#include "dictInt.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#define XXH_INLINE_ALL /* header-only: the vocabulary hash is inlined into the per-token loop */
#include <xxhash.h>

#define MAX_FILE_BYTES ((size_t)256 * 1024 * 1024)
#define OPEN_END 99999999

/* One dictionary name found at a token (per-document memo, neDict_prepare). */
typedef struct dmatch {
    uint32_t hit;         /* the name's first hit */
    uint16_t types;       /* dnode.types, less those no hit of may match at an all-lowercase
                          ** first token in case-marked text (names_at, dhit.lower) */
    uint8_t len;          /* tokens */
} dmatch;
/* The names starting at each token of a document: m[first[i] .. first[i+1]),
** shortest first.  In the doc arena; d->dmemo. */
struct ne_dmemo {
    uint32_t *first;      /* tokens + 1 */
    dmatch *m;
    uint16_t *types;      /* per token: the union of its names' types (neDict_token_types) */
    uint16_t *allowed;    /* per token: the union of its dmatch types, so that a lookup
                          ** for other types returns at once (neDict_longest) */
};

/* The loader's state: the engine (for the tokenizer and errors), a scratch
** document for tokenizing names, and the check mode's reporter. */
typedef struct loader {
    struct ne_engine *e;
    ne_dict *dc;
    ne_doc *tmp;
    int check;                   /* 1: report every problem and go on */
    void (*report)(void *, const char *);
    void *ctx;
    uint32_t *interned;          /* pool offsets of codes and admin1 values (open addressing) */
    size_t intern_cap, intern_n;
    uint32_t recent[2], recent_len[2]; /* the last two strings interned (a line's code and admin1 */
    int recent_next;                   /* are most often the line before's): one memcmp each */
    size_t nerr;
    const char *path;
    uint32_t file;
    int line;
    uint8_t deftype, source;
} loader;

static int grow(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return NE_OK;
    size_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = neM_realloc(*p, c * size);
    if (!q) return NE_NOMEM;
    *p = q;
    *cap = c;
    return NE_OK;
}

/* grow() for the tables probed at random per token (trie nodes, hits,
** entries, codes): huge-page memory (neM_calloc_big), the items copied over. */
static int grow_big(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return NE_OK;
    size_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = neM_calloc_big(c, size);
    if (!q) return NE_NOMEM;
    if (*p) memcpy(q, *p, *cap * size);
    neM_free_big(*p, *cap, size);
    *p = q;
    *cap = c;
    return NE_OK;
}

static uint64_t hash_bytes(const char *s, size_t n) { return XXH3_64bits(s, n); }
static uint64_t hash_u64(uint64_t k) {
    k ^= k >> 33; k *= 0xff51afd7ed558ccdull; k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53ull;
    return k ^ (k >> 33);
}

/* Report a data problem at the current file and line. In load mode the first
** one fails the engine; in check mode it is counted and loading goes on. */
static int ld_err(loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int ld_err(loader *L, const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!L->check) return ne_engine_fail(L->e, NE_DATA, "%s:%d: %s", L->path, L->line, msg);
    char full[512];
    snprintf(full, sizeof full, "%s:%d: %s", L->path, L->line, msg);
    L->nerr++;
    if (L->report) L->report(L->ctx, full);
    return NE_OK;
}

static uint32_t pool_add(ne_dict *dc, const char *s, size_t n) {
    uint32_t off = (uint32_t)dc->pool.len;
    neB_add(&dc->pool, s, n);
    neB_addc(&dc->pool, 0);
    return dc->pool.err ? 0 : off;
}

const char *neDict_str(const struct ne_engine *e, uint32_t off) {
    return (e->dict && off) ? e->dict->pool.p + off : "";
}

/* pool_intern without the recent strings: the hash table. */
static uint32_t intern_slow(loader *L, const char *s, size_t n) {
    ne_dict *dc = L->dc;
    if ((L->intern_n + 1) * 2 > L->intern_cap) {
        size_t cap = L->intern_cap ? L->intern_cap * 2 : 1024;
        uint32_t *t = neM_calloc(cap, sizeof *t);
        if (!t) return 0;
        for (size_t i = 0; i < L->intern_cap; i++) {
            uint32_t off = L->interned[i];
            if (!off) continue;
            size_t h = (size_t)hash_bytes(dc->pool.p + off, strlen(dc->pool.p + off)) & (cap - 1);
            while (t[h]) h = (h + 1) & (cap - 1);
            t[h] = off;
        }
        neM_free(L->interned);
        L->interned = t;
        L->intern_cap = cap;
    }
    size_t mask = L->intern_cap - 1, h = (size_t)hash_bytes(s, n) & mask;
    for (; L->interned[h]; h = (h + 1) & mask) {
        const char *p = dc->pool.p + L->interned[h];
        if (strnlen(p, n + 1) == n && memcmp(p, s, n) == 0) return L->interned[h];
    }
    uint32_t off = pool_add(dc, s, n);
    if (off) {
        L->interned[h] = off;
        L->intern_n++;
    }
    return off;
}

/* A pool string equal to [s, s+n), shared by every line that gives it (codes
** and admin1 values repeat across the gazetteer); 0 on NOMEM. */
static uint32_t pool_intern(loader *L, const char *s, size_t n) {
    ne_dict *dc = L->dc;
    for (int i = 0; i < 2; i++)
        if (L->recent[i] && L->recent_len[i] == n && memcmp(dc->pool.p + L->recent[i], s, n) == 0) return L->recent[i];
    uint32_t off = intern_slow(L, s, n);
    L->recent[L->recent_next] = off;
    L->recent_len[L->recent_next] = (uint32_t)n;
    L->recent_next ^= 1;
    return off;
}

/* ---- vocabulary: normalized token -> id ---- */

#define VTAG(h) ((uint16_t)((h) >> 48))

/* The hash of a vocabulary word from its ne_hash: a document's tokens have
** theirs already (d->nhash), so that looking them up hashes no bytes again. */
static uint64_t vocab_hash(uint32_t nh) { return hash_u64(nh); }

/* The slot of word [w, w+n) whose vocab_hash is hv, or NULL when it is in no name. */
static const vslot *vocab_probe(const ne_dict *dc, uint64_t hv, const char *w, size_t n) {
    if (!dc->vocab_cap || n > UINT16_MAX) return NULL;
    size_t mask = dc->vocab_cap - 1, h = (size_t)hv & mask;
    for (;; h = (h + 1) & mask) {
        const vslot *v = &dc->vocab[h];
        if (!v->off) return NULL;
        if (v->tag == VTAG(hv) && v->len == n && memcmp(dc->pool.p + v->off, w, n) == 0) return v;
    }
}

/* Move the vocabulary to a table of cap slots (a power of two, > vocab_n). */
static int vocab_resize(ne_dict *dc, size_t cap) {
    vslot *t = neM_calloc_big(cap, sizeof *t);
    if (!t) return NE_NOMEM;
    for (size_t i = 0; i < dc->vocab_cap; i++) {
        const vslot *v = &dc->vocab[i];
        if (!v->off) continue;
        size_t h = (size_t)vocab_hash(ne_hash(dc->pool.p + v->off, v->len)) & (cap - 1);
        while (t[h].off) h = (h + 1) & (cap - 1);
        t[h] = *v;
    }
    neM_free_big(dc->vocab, dc->vocab_cap, sizeof *dc->vocab);
    dc->vocab = t;
    dc->vocab_cap = cap;
    return NE_OK;
}

/* The slot of word [w, w+n) whose ne_hash is nh, added when missing; NULL
** on NOMEM.  Valid until the next vocab_add. */
static vslot *vocab_add(ne_dict *dc, const char *w, size_t n, uint32_t nh) {
    uint64_t hv = vocab_hash(nh);
    const vslot *found = vocab_probe(dc, hv, w, n);
    if (found) return (vslot *)found;
    if (n > UINT16_MAX) return NULL; /* a name token that long is no name (cannot happen from a file line) */
    if ((dc->vocab_n + 1) * 4 > dc->vocab_cap * 3 && vocab_resize(dc, dc->vocab_cap ? dc->vocab_cap * 2 : 4096))
        return NULL; /* load <= 3/4 */
    uint32_t off = pool_add(dc, w, n);
    if (!off) return NULL;
    size_t mask = dc->vocab_cap - 1, h = (size_t)hv & mask;
    while (dc->vocab[h].off) h = (h + 1) & mask;
    dc->vocab[h] = (vslot){off, (uint32_t)++dc->vocab_n, 0, (uint16_t)n, VTAG(hv)};
    return &dc->vocab[h];
}

/* ---- trie edges ---- */

static uint32_t edge_find(const ne_dict *dc, uint32_t node, uint32_t tok) {
    if (!dc->edge_cap || !tok) return 0;
    uint64_t key = ((uint64_t)node << 32) | tok;
    size_t mask = dc->edge_cap - 1, h = (size_t)hash_u64(key) & mask;
    for (;; h = (h + 1) & mask) {
        if (dc->edges[h].key == key) return dc->edges[h].child;
        if (!dc->edges[h].key) return 0;
    }
}

/* Move the edges to a table of cap slots (a power of two, > edge_n). */
static int edge_resize(ne_dict *dc, size_t cap) {
    edge *t = neM_calloc_big(cap, sizeof *t);
    if (!t) return NE_NOMEM;
    for (size_t i = 0; i < dc->edge_cap; i++) {
        if (!dc->edges[i].key) continue;
        size_t h = (size_t)hash_u64(dc->edges[i].key) & (cap - 1);
        while (t[h].key) h = (h + 1) & (cap - 1);
        t[h] = dc->edges[i];
    }
    neM_free_big(dc->edges, dc->edge_cap, sizeof *dc->edges);
    dc->edges = t;
    dc->edge_cap = cap;
    return NE_OK;
}

int neDict_compact(ne_dict *dc) {
    size_t vcap = 64, ecap = 64;
    while ((dc->vocab_n + 1) * 4 > vcap * 3) vcap *= 2; /* the loads vocab_add and edge_add keep */
    while ((dc->edge_n + 1) * 2 > ecap) ecap *= 2;
    if (vcap < dc->vocab_cap && vocab_resize(dc, vcap)) return NE_NOMEM;
    if (ecap < dc->edge_cap && edge_resize(dc, ecap)) return NE_NOMEM;
    return NE_OK;
}

/* A token id's bit in dnode.kids (16 bits from a multiplicative hash); none
** for id 0, a word in no name (no edge has it). */
static uint16_t kid_bit(uint32_t tok) { return (uint16_t)((tok != 0) << ((tok * 0x9E3779B1u) >> 28)); }

/* A new trie node (no hit, no child), 0 on NOMEM. */
static uint32_t node_add(ne_dict *dc) {
    if (grow_big((void **)&dc->nodes, &dc->node_cap, dc->node_n + 1, sizeof *dc->nodes)) return 0;
    dc->nodes[dc->node_n] = (dnode){0, 0, 0};
    return (uint32_t)dc->node_n++;
}

/* Child of node (not the root: a word's first node is its vslot.root) by
** tok, created when missing; 0 on NOMEM. */
static uint32_t edge_add(ne_dict *dc, uint32_t node, uint32_t tok) {
    uint32_t c = (dc->nodes[node].kids & kid_bit(tok)) ? edge_find(dc, node, tok) : 0; /* clear: no such edge */
    if (c) return c;
    if ((dc->edge_n + 1) * 2 > dc->edge_cap && edge_resize(dc, dc->edge_cap ? dc->edge_cap * 2 : 4096)) return 0;
    if (!(c = node_add(dc))) return 0;
    dc->nodes[node].kids |= kid_bit(tok);
    uint64_t key = ((uint64_t)node << 32) | tok;
    size_t mask = dc->edge_cap - 1, h = (size_t)hash_u64(key) & mask;
    while (dc->edges[h].key) h = (h + 1) & mask;
    dc->edges[h].key = key;
    dc->edges[h].child = c;
    dc->edge_n++;
    return c;
}

/* ---- names ---- */

static int is_name_cap(const ne_token *t) {
    return t->shape == NE_SH_CAP || t->shape == NE_SH_UPPER || t->shape == NE_SH_MIXED;
}

/* Tokenize [s, s+n) with the text tokenizer into L->tmp->tokens. */
static int tokenize(loader *L, const char *s, size_t n) {
    ne_doc *t = L->tmp;
    neA_reset(&t->arena);
    neV_init(&t->tokens, sizeof(ne_token));
    t->seg[0] = s;
    t->seg_len[0] = n;
    return neTok_segment(t, L->e, 0);
}

/* Short all-capital name (US, UN, ANC): text must be all capitals too. */
static int caps_only_name(const char *s, size_t n) {
    if (n < 2 || n > 5) return 0;
    for (size_t i = 0; i < n; i++) if (s[i] < 'A' || s[i] > 'Z') return 0;
    return 1;
}

/* The capitals of a word written as an abbreviation with internal capitals
** ("LeT", "JeM", "HuJI", "IsDB", "BiH"): 2 to 8 ASCII letters, a capital
** first, at least one more capital and one lower-case letter, and no capital
** followed by more than one lower-case letter (so "McCain", "McRae", "eBay"
** and "Kenya" are none).  Returns the bit pattern of its capitals (bit j =
** letter j), 0 when the word is no such abbreviation.  Such a word matches
** only text written with the same capitals (docs/DICTIONARIES.md). */
static uint8_t abbrev_caps(const char *w, size_t n) {
    if (n < 2 || n > 8 || w[0] < 'A' || w[0] > 'Z') return 0;
    unsigned pat = 0, caps = 0, run = 0, lows = 0;
    for (size_t j = 0; j < n; j++) {
        if (w[j] >= 'A' && w[j] <= 'Z') pat |= 1u << j, caps++, run = 0;
        else if (w[j] >= 'a' && w[j] <= 'z') { if (++run > 1) return 0; lows++; }
        else return 0;
    }
    return caps >= 2 && lows ? (uint8_t)pat : 0;
}

/* Do entries x and y carry the same codes with the same ranges? */
static int same_codes(const ne_dict *dc, const ne_dentry *x, const ne_dentry *y) {
    if (x->ncodes != y->ncodes) return 0;
    for (uint16_t i = 0; i < x->ncodes; i++) {
        const dcode *a = &dc->codes[x->code0 + i], *b = &dc->codes[y->code0 + i];
        if (a->from != b->from || a->to != b->to || strcmp(dc->pool.p + a->code, dc->pool.p + b->code)) return 0;
    }
    return 1;
}

/* Another hand-written entry of the same type with the same codes already
** has this spelling (a true duplicate; the same name with other codes is an
** ambiguity that load order settles, docs/DICTIONARIES.md)? */
static const ne_dentry *dup_of(const ne_dict *dc, uint32_t node, const ne_dentry *x, uint8_t caps_only) {
    for (uint32_t h = dc->nodes[node].hit; h; h = dc->hits[h].next) {
        const ne_dentry *y = &dc->ent[dc->hits[h].entry];
        if (y != x && y->type == x->type && y->source == NE_DS_HAND && x->source == NE_DS_HAND &&
            dc->hits[h].caps_only == caps_only && same_codes(dc, x, y))
            return y;
    }
    return NULL;
}

/* One token of a name as the trie needs it. */
typedef struct name_tok {
    const char *norm;
    size_t len;
    int cap;          /* is_name_cap */
    const char *orig; /* the word as written in the name */
    size_t olen;
    uint32_t nh;      /* ne_hash of norm */
} name_tok;

/* A two-byte code point (U+0080..U+07FF) as simple_name takes it: len 0
** when the name needs the tokenizer, else the token.c folded form s (NFC of
** the case fold, 1-2 bytes) and whether utf8proc counts it upper-case.  Only
** letters (categories L*) of combining class 0 whose form starts with such a
** starter are listed: the tokenizer classes them as letters and folds a word
** of ASCII and such code points one code point at a time (token.c fold2), so
** this table gives the same bytes (tests/unit/test_dict_names.c compares them
** for every code point). */
typedef struct name_cp { uint8_t len, upper; char s[2]; } name_cp;
static name_cp name_cps[0x800];
/* simple_name's classes of bytes: 1 lower-case ASCII letter, 2 upper-case,
** 3 lead byte of a two-byte sequence, 4 the end of a word (' ', '-'), 0 any
** other (the name needs the tokenizer).  Built with name_cps. */
static uint8_t name_byte[256];
static pthread_once_t name_cps_once = PTHREAD_ONCE_INIT;

static int letter_category(int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
           c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO;
}

static void name_cps_build(void) {
    for (int c = 0; c < 26; c++) name_byte['a' + c] = 1, name_byte['A' + c] = 2;
    for (int c = 0xC2; c <= 0xDF; c++) name_byte[c] = 3;
    name_byte[' '] = name_byte['-'] = 4;
    const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    for (int32_t cp = 0x80; cp < 0x800; cp++) {
        if (!letter_category(cp) || utf8proc_get_property(cp)->combining_class) continue;
        if (cp == 0xC2) continue; /* "Â" at a word's end is a space to the tokenizer (token.c mojibake_space) */
        utf8proc_uint8_t enc[4];
        utf8proc_int32_t form[16];
        utf8proc_ssize_t k = utf8proc_encode_char(cp, enc), m = utf8proc_decompose(enc, k, form, 16, opt);
        utf8proc_ssize_t len = (m >= 1 && m <= 16) ? utf8proc_reencode(form, m, opt) : -1;
        if (len < 1 || len > 2) continue;
        const char *bytes = (const char *)form; /* reencode wrote UTF-8 over the code points */
        int32_t head;
        utf8proc_iterate((const utf8proc_uint8_t *)bytes, len, &head);
        if (utf8proc_get_property(head)->combining_class) continue;
        name_cps[cp] = (name_cp){(uint8_t)len, (uint8_t)(utf8proc_isupper(cp) != 0), {bytes[0], len > 1 ? bytes[1] : 0}};
    }
}

/* One word at s[*i] (its first byte is no space or hyphen): the folded
** bytes to buf + *w, both advanced, and their ne_hash to *nh; 0 when the
** name needs the tokenizer. */
static int simple_word(const char *s, size_t n, size_t *i, char *buf, size_t *w, int *up, uint32_t *nh) {
    size_t j = *i, o = *w;
    for (; j < n; j++) {
        unsigned char c = (unsigned char)s[j];
        uint8_t k = name_byte[c];
        if (k == 1) { buf[o++] = (char)c; continue; }
        if (k == 2) { buf[o++] = (char)(c + 32); *up = 1; continue; }
        if (k == 4) break;
        if (k == 0 || j + 1 >= n || ((unsigned char)s[j + 1] & 0xC0) != 0x80) return 0;
        const name_cp *f = &name_cps[(c & 0x1F) << 6 | ((unsigned char)s[j + 1] & 0x3F)];
        if (!f->len) return 0;
        memcpy(buf + o, f->s, f->len);
        o += f->len;
        *up |= f->upper;
        j++;
    }
    *nh = ne_hash(buf + *w, o - *w);
    *i = j, *w = o;
    return 1;
}

/* A name of words of ASCII letters and name_cps letters, single spaces
** between them and hyphens anywhere (nearly every gazetteer line: 'Zürich',
** 'Escaldes-Engordany') split without the tokenizer, with the norms and
** capitalization neTok_segment gives: a word's folded bytes, capitalized
** when it has an upper-case letter (shape UPPER, CAP or MIXED); each hyphen
** is a token "-" of its own.  The folded forms go to buf (never longer than
** the name).  Returns the token count, 0 when the name needs the tokenizer
** (or has more than MAX_NAME_TOKENS tokens). */
static size_t simple_name(const char *s, size_t n, char *buf, name_tok *out) {
    size_t nt = 0, w = 0, i = 0;
    if (n == 0 || s[0] == ' ' || s[n - 1] == ' ') return 0;
    while (i < n) {
        if (s[i] == ' ') {
            if (s[i - 1] == ' ') return 0; /* i > 0: s[0] is no space */
            i++;
            continue;
        }
        if (nt == MAX_NAME_TOKENS) return 0;
        if (s[i] == '-') {
            buf[w] = '-';
            out[nt++] = (name_tok){buf + w++, 1, 0, s + i, 1, ne_hash("-", 1)};
            i++;
            continue;
        }
        size_t b = w, o = i;
        int up = 0;
        uint32_t nh;
        if (!simple_word(s, n, &i, buf, &w, &up, &nh)) return 0;
        out[nt++] = (name_tok){buf + b, w - b, up, s + o, i - o, nh};
    }
    return nt;
}

/* The tokens of name [s, s+n) into out (at most MAX_NAME_TOKENS), through
** simple_name when the name is simple and fits buf (cap bytes), else the
** tokenizer.  Returns the count (0: empty; MAX_NAME_TOKENS + 1: too many);
** *rc NE_NOMEM when the tokenizer failed. */
static size_t name_tokens(loader *L, const char *s, size_t n, char *buf, size_t cap, name_tok *out, int *rc) {
    size_t nt = n <= cap ? simple_name(s, n, buf, out) : 0;
    *rc = NE_OK;
    if (nt) return nt;
    if (tokenize(L, s, n)) {
        *rc = NE_NOMEM;
        return 0;
    }
    nt = L->tmp->tokens.n;
    for (size_t i = 0; i < nt && i < MAX_NAME_TOKENS; i++) {
        const ne_token *t = NE_VEC_AT(L->tmp->tokens, ne_token, i);
        out[i] = (name_tok){t->norm, t->norm_len, is_name_cap(t), s + t->start, t->end - t->start,
                            ne_hash(t->norm, t->norm_len)};
    }
    return nt > MAX_NAME_TOKENS ? MAX_NAME_TOKENS + 1 : nt;
}

int neDict_name_keys(struct ne_engine *e, const char *s, size_t n, int fast, char *out, size_t cap) {
    loader L = {.e = e};
    name_tok tok[MAX_NAME_TOKENS];
    char buf[256];
    int rc = NE_OK;
    size_t nt = 0;
    pthread_once(&name_cps_once, name_cps_build);
    if (fast) nt = n <= sizeof buf ? simple_name(s, n, buf, tok) : 0;
    else if (!(L.tmp = ne_doc_new())) return -1;
    else nt = name_tokens(&L, s, n, buf, 0, tok, &rc); /* cap 0: always the tokenizer */
    size_t w = 0;
    for (size_t i = 0; i < nt && i < MAX_NAME_TOKENS && w < cap; i++)
        w += (size_t)snprintf(out + w, cap - w, "%s%.*s/%d", i ? " " : "", (int)tok[i].len, tok[i].norm, tok[i].cap);
    if (cap) out[w < cap ? w : cap - 1] = 0;
    ne_doc_free(L.tmp);
    return (fast && !nt) || rc ? -1 : (int)nt;
}

/* Add one spelling of entry ei under the trie. */
static int name_add(loader *L, const char *s, size_t n, uint32_t ei) {
    ne_dict *dc = L->dc;
    name_tok tok[MAX_NAME_TOKENS];
    char buf[256];
    int rc;
    size_t nt = name_tokens(L, s, n, buf, sizeof buf, tok, &rc);
    if (rc) return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    if (nt == 0) return ld_err(L, "empty name");
    if (nt > MAX_NAME_TOKENS) return ld_err(L, "name '%.*s' has more than %d tokens", (int)n, s, MAX_NAME_TOKENS);
    uint32_t node = 0;
    uint16_t capmask = 0;
    uint8_t exact_tok = 0, exact_pat = 0;
    for (size_t i = 0; i < nt; i++) {
        uint8_t pat = exact_tok ? 0 : abbrev_caps(tok[i].orig, tok[i].olen);
        if (pat && tok[i].olen == tok[i].len) exact_tok = (uint8_t)(i + 1), exact_pat = pat;
        vslot *v = vocab_add(dc, tok[i].norm, tok[i].len, tok[i].nh);
        node = !v ? 0 : i ? edge_add(dc, node, v->id) : v->root ? v->root : node_add(dc);
        if (!node) return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
        if (i == 0) v->root = node;
        if (tok[i].cap) capmask |= (uint16_t)(1u << i);
    }
    const ne_dentry *d = L->check ? dup_of(dc, node, &dc->ent[ei], (uint8_t)caps_only_name(s, n)) : NULL;
    if (d && L->check)
        ld_err(L, "duplicate name '%.*s' (also at %s:%u)", (int)n, s, dc->files[d->file], d->line);
    if (grow_big((void **)&dc->hits, &dc->hit_cap, dc->hit_n + 1, sizeof *dc->hits))
        return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    if (dc->hit_n == 0) dc->hit_n = 1;
    uint32_t h = (uint32_t)dc->hit_n++;
    dc->hits[h] = (dhit){ei, 0, capmask, (uint8_t)caps_only_name(s, n), (uint8_t)nt, dc->ent[ei].type, exact_tok, exact_pat, 0};
    dc->nodes[node].types |= (uint16_t)NE_DM(dc->ent[ei].type);
    uint32_t *pp = &dc->nodes[node].hit;
    while (*pp) pp = &dc->hits[*pp].next;
    *pp = h;
    return NE_OK;
}

/* ---- parsing one line ---- */

/* ' ', '\t' or '\r' (one compare for the bytes above ' ', nearly all). */
static int is_ws(char c) {
    return (unsigned char)c <= ' ' && (c == ' ' || c == '\t' || c == '\r');
}
static const char *skip_ws(const char *p, const char *end) {
    while (p < end && is_ws(*p)) p++;
    return p;
}
static const char *trim_end(const char *b, const char *e) {
    while (e > b && is_ws(e[-1])) e--;
    return e;
}
static const char *find_ch(const char *p, const char *end, char c) {
    const char *q = p < end ? memchr(p, c, (size_t)(end - p)) : NULL;
    return q ? q : end;
}

/* YYYY[-MM[-DD]] as YYYYMMDD; an end date fills missing parts upwards. */
static int parse_day(const char *s, size_t n, int is_end, int32_t *out) {
    int y, m, d;
    int parts = neU_parse_date(s, n, &y, &m, &d);
    if (!parts) return -1;
    if (parts < 2) m = is_end ? 12 : 1;
    if (parts < 3) d = is_end ? 31 : 1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

/* RANGE: A..B, A.., ..B */
static int parse_range(loader *L, const char *s, const char *end, dcode *c) {
    c->from = 0;
    c->to = OPEN_END;
    const char *dots = s;
    while (dots + 1 < end && !(dots[0] == '.' && dots[1] == '.')) dots++;
    if (dots + 1 >= end) return ld_err(L, "bad date range '%.*s' (expected A..B)", (int)(end - s), s);
    if (dots > s && parse_day(s, (size_t)(dots - s), 0, &c->from))
        return ld_err(L, "bad date '%.*s'", (int)(dots - s), s);
    if (dots + 2 < end && parse_day(dots + 2, (size_t)(end - dots - 2), 1, &c->to))
        return ld_err(L, "bad date '%.*s'", (int)(end - dots - 2), dots + 2);
    if (c->from > c->to) return ld_err(L, "date range '%.*s' ends before it starts", (int)(end - s), s);
    return NE_OK;
}

static int known_group(char (*list)[4], size_t n, const char *g) {
    for (size_t i = 0; i < n; i++) if (memcmp(list[i], g, 3) == 0) return 1;
    return 0;
}

static int code_shape_ok(const char *s, size_t n) {
    if (n < 3 || n % 3 || n > 15) return 0;
    for (size_t i = 0; i < n; i++) if (s[i] < 'A' || s[i] > 'Z') return 0;
    return 1;
}

/* One "CODE [RANGE]" item. */
static int parse_code(loader *L, const char *s, const char *end, ne_dentry *x) {
    ne_dict *dc = L->dc;
    s = skip_ws(s, end);
    end = trim_end(s, end);
    const char *sp = s;
    while (sp < end && *sp != ' ' && *sp != '\t') sp++;
    size_t n = (size_t)(sp - s);
    if (x->type == NE_DT_ROLE ? !(n == 3 && code_shape_ok(s, n)) : !code_shape_ok(s, n))
        return ld_err(L, "bad code '%.*s' (expected upper-case 3-letter groups)", (int)(end - s), s);
    if (x->type == NE_DT_ROLE && L->check && !known_group(dc->groups, dc->ngroups, s))
        ld_err(L, "unknown role group '%.3s' (not in actor_codes.txt)", s);
    if (grow_big((void **)&dc->codes, &dc->code_cap, dc->code_n + 1, sizeof *dc->codes))
        return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    dcode c = {0, 0, OPEN_END};
    sp = skip_ws(sp, end);
    if (sp < end && parse_range(L, sp, end, &c)) return NE_DATA;
    c.code = pool_intern(L, s, n);
    if (!c.code) return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    for (size_t i = x->code0; i < dc->code_n; i++)
        if (dc->codes[i].from <= c.to && c.from <= dc->codes[i].to)
            ld_err(L, "date ranges of '%s' and '%.*s' overlap", dc->pool.p + dc->codes[i].code, (int)n, s);
    dc->codes[dc->code_n++] = c;
    x->ncodes++;
    return NE_OK;
}

static const char *const type_names[NE_DT_COUNT] = {
    "country", "demonym", "metonym", "person", "org", "group", "party", "media", "place", "role", "nominal"};

/* Plain decimals ("-16.89196", at most 15 digits) without strtod: the
** digits make an exact integer and 10^k is exact, so one IEEE division gives
** the correctly rounded value, the same double strtod returns.  Returns -1
** for anything else. */
static int parse_plain_decimal(const char *s, size_t n, double *out) {
    static const double pow10[16] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    size_t i = 0, frac = 0;
    int neg = n > 0 && s[0] == '-';
    uint64_t mant = 0; /* may wrap past 15 digits: rejected below */
    if (n > 0 && (s[0] == '-' || s[0] == '+')) i++;
    size_t first = i;
    for (unsigned d; i < n && (d = (unsigned)(unsigned char)s[i] - '0') <= 9; i++) mant = mant * 10 + d;
    size_t digits = i - first;
    if (i < n && s[i] == '.') {
        size_t f = ++i;
        for (unsigned d; i < n && (d = (unsigned)(unsigned char)s[i] - '0') <= 9; i++) mant = mant * 10 + d;
        frac = i - f;
    }
    digits += frac;
    if (i != n || !digits || digits > 15) return -1;
    double v = (double)mant / pow10[frac];
    *out = neg ? -v : v;
    return 0;
}

static int parse_double(const char *s, size_t n, double *out) {
    char buf[32];
    if (parse_plain_decimal(s, n, out) == 0) return 0;
    if (n == 0 || n >= sizeof buf) return -1;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *e;
    *out = strtod(buf, &e);
    return *e ? -1 : 0;
}

static int key_type(loader *L, ne_dentry *x, const char *v, size_t n) {
    for (int t = 0; t < NE_DT_COUNT; t++)
        if (strlen(type_names[t]) == n && memcmp(type_names[t], v, n) == 0) { x->type = (uint8_t)t; return NE_OK; }
    return ld_err(L, "unknown type '%.*s'", (int)n, v);
}

static int key_kind(loader *L, ne_dentry *x, const char *v, size_t n) {
    static const char *const kinds[] = {"city", "region", "country", "feature"};
    for (int k = 0; k < 4; k++)
        if (strlen(kinds[k]) == n && memcmp(kinds[k], v, n) == 0) { x->pkind = (uint8_t)k; return NE_OK; }
    return ld_err(L, "unknown place kind '%.*s'", (int)n, v);
}

/* The bit of each key in parse_key's seen set. */
enum { KEY_TYPE = 1, KEY_LAT = 2, KEY_LON = 4, KEY_ADMIN1 = 8, KEY_GENDER = 16, KEY_KIND = 32, KEY_PERSON = 64, KEY_PLURAL = 128,
       KEY_IN = 256 };

/* The KEY_* of key [k, k+kn), 0 when unknown (by length first: compares of
** a known length are a load each, and this runs for every key of every line). */
static unsigned key_bit(const char *k, size_t kn) {
    switch (kn) {
    case 2: return !memcmp(k, "in", 2) ? KEY_IN : 0;
    case 3: return !memcmp(k, "lat", 3) ? KEY_LAT : !memcmp(k, "lon", 3) ? KEY_LON : 0;
    case 4: return !memcmp(k, "type", 4) ? KEY_TYPE : !memcmp(k, "kind", 4) ? KEY_KIND : 0;
    case 6:
        return !memcmp(k, "admin1", 6) ? KEY_ADMIN1 : !memcmp(k, "gender", 6) ? KEY_GENDER
               : !memcmp(k, "person", 6) ? KEY_PERSON : !memcmp(k, "plural", 6) ? KEY_PLURAL : 0;
    default: return 0;
    }
}

/* One "key=value"; seen is a bit set of keys already given on the line. */
static int parse_key(loader *L, ne_dentry *x, const char *s, const char *end, unsigned *seen) {
    s = skip_ws(s, end);
    end = trim_end(s, end);
    if (s == end) return NE_OK;
    const char *eq = find_ch(s, end, '=');
    if (eq == end) return ld_err(L, "expected key=value, got '%.*s'", (int)(end - s), s);
    const char *k = s, *v = skip_ws(eq + 1, end);
    size_t kn = (size_t)(trim_end(k, eq) - k), vn = (size_t)(end - v);
    unsigned bit = key_bit(k, kn);
    if (!bit) return ld_err(L, "unknown key '%.*s'", (int)kn, k);
    if (*seen & bit) return ld_err(L, "duplicate key '%.*s'", (int)kn, k);
    *seen |= bit;
    switch (bit) {
    case KEY_TYPE: return key_type(L, x, v, vn);
    case KEY_KIND: return key_kind(L, x, v, vn);
    case KEY_LAT:
    case KEY_LON: {
        double dv;
        int lat = bit == KEY_LAT;
        if (parse_double(v, vn, &dv) || dv < (lat ? -90 : -180) || dv > (lat ? 90 : 180))
            return ld_err(L, "bad %.*s '%.*s'", (int)kn, k, (int)vn, v);
        if (lat) x->lat = dv; else x->lon = dv;
        x->has_coords |= lat ? 1 : 2;
        return NE_OK;
    }
    case KEY_ADMIN1: /* which type may carry it is checked in parse_tail, after type= */
        x->admin1 = pool_intern(L, v, vn);
        return x->admin1 ? NE_OK : ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    case KEY_IN: /* a role word's or a name's own role where the main country is CCC: "CCC:ROLE" */
        if (vn != 7 || v[3] != ':' || !code_shape_ok(v, 3) || !code_shape_ok(v + 4, 3))
            return ld_err(L, "in= must be COUNTRY:ROLE (IND:PTY), got '%.*s'", (int)vn, v);
        if (L->check && !known_group(L->dc->groups, L->dc->ngroups, v + 4))
            ld_err(L, "unknown role group '%.3s' in in= (not in actor_codes.txt)", v + 4);
        x->admin1 = pool_intern(L, v, vn);
        return x->admin1 ? NE_OK : ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    case KEY_GENDER:
        if (vn != 1 || (*v != 'm' && *v != 'f')) return ld_err(L, "gender must be m or f");
        x->gender = (uint8_t)*v;
        return NE_OK;
    default: break; /* person, plural */
    }
    if (vn != 1 || (*v != '0' && *v != '1')) return ld_err(L, "%.*s must be 0 or 1", (int)kn, k);
    if (bit == KEY_PERSON) x->person = (uint8_t)(*v - '0');
    else x->plural = (uint8_t)(*v - '0');
    return NE_OK;
}

/* The keys after the first ';', then the codes between '=' and ';'. */
static int parse_tail(loader *L, ne_dentry *x, const char *eq, const char *end) {
    const char *semi = find_ch(eq, end, ';');
    unsigned seen = 0;
    for (const char *p = semi; p < end;) {
        const char *q = find_ch(p + 1, end, ';');
        if (parse_key(L, x, p + 1, q, &seen)) return NE_DATA;
        p = q;
    }
    /* The type is known only now: type= may come after the keys it governs. */
    if ((seen & KEY_IN) && x->type != NE_DT_ROLE && x->type != NE_DT_ORG && x->type != NE_DT_PARTY)
        return ld_err(L, "in= only applies to role words, organizations and parties");
    if (x->type == NE_DT_PLACE) {
        if (x->has_coords && x->has_coords != 3) return ld_err(L, "lat and lon go together");
        x->has_coords = x->has_coords == 3;
    } else if (x->has_coords || (seen & KEY_ADMIN1)) {
        return ld_err(L, "lat/lon/admin1 only apply to places");
    }
    x->code0 = (uint32_t)L->dc->code_n;
    const char *cs = skip_ws(eq + 1, semi);
    if (cs == trim_end(cs, semi) && x->type != NE_DT_NOMINAL) return ld_err(L, "no code after '='");
    for (const char *p = eq + 1; p < semi;) {
        const char *q = find_ch(p, semi, ',');
        if (parse_code(L, p, q, x)) return NE_DATA;
        p = q + 1;
    }
    return NE_OK;
}

/* Check the first group of each code against the known countries and
** international codes (after every file is loaded, in check mode). */
static void check_codes(loader *L, const char *const *countries, size_t ncountries) {
    ne_dict *dc = L->dc;
    for (size_t i = 0; i < dc->ent_n; i++) {
        const ne_dentry *x = &dc->ent[i];
        if (x->type == NE_DT_ROLE || x->type == NE_DT_NOMINAL || x->source != NE_DS_HAND) continue;
        for (size_t c = x->code0; c < x->code0 + x->ncodes; c++) {
            const char *code = dc->pool.p + dc->codes[c].code;
            int ok = known_group(dc->intl, dc->nintl, code);
            for (size_t k = 0; !ok && k < ncountries; k++) ok = memcmp(countries[k], code, 3) == 0;
            if (ok) continue;
            L->path = dc->files[x->file];
            L->line = (int)x->line;
            ld_err(L, "unknown country or international code '%.3s' in '%s'", code, code);
        }
    }
}

/* Parse one entry line "NAME [| NAME]... = CODE... [; key=value]...". */
static int parse_line(loader *L, const char *s, const char *end) {
    ne_dict *dc = L->dc;
    const char *hash = find_ch(s, end, '#');
    end = trim_end(s, hash);
    s = skip_ws(s, end);
    if (s == end) return NE_OK;
    const char *eq = find_ch(s, end, '=');
    if (eq == end) return ld_err(L, "expected NAME = CODE");
    if (grow_big((void **)&dc->ent, &dc->ent_cap, dc->ent_n + 1, sizeof *dc->ent))
        return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    ne_dentry *x = &dc->ent[dc->ent_n];
    memset(x, 0, sizeof *x);
    x->type = L->deftype;
    x->source = L->source;
    x->file = L->file;
    x->line = (uint32_t)L->line;
    size_t codes_before = dc->code_n;
    if (parse_tail(L, x, eq, end)) { dc->code_n = codes_before; return NE_DATA; }
    uint32_t ei = (uint32_t)dc->ent_n++;
    int first = 1;
    for (const char *p = s; p < eq;) {
        const char *q = find_ch(p, eq, '|');
        const char *b = skip_ws(p, q), *e = trim_end(b, q);
        if (b == e) return ld_err(L, "empty name");
        if (first) {
            dc->ent[ei].name = pool_add(dc, b, (size_t)(e - b));
            if (!dc->ent[ei].name) return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
            first = 0;
        }
        if (name_add(L, b, (size_t)(e - b), ei)) return NE_DATA;
        p = q + 1;
    }
    return NE_OK;
}

/* ---- files ---- */

/* The smallest power of two, at least 4096, that is >= n. */
static size_t pow2_at_least(size_t n) {
    size_t c = 4096;
    while (c < n) c *= 2;
    return c;
}

/* Room for a file of `lines` lines before parsing it, so that the hash
** tables are sized once instead of doubling (a rehash re-inserts every word
** or edge at a random place: a cache miss each) and the arrays are not
** copied as they grow.  A line adds about one new word, 1.3 nodes and hits,
** half an edge (the names' words after their first), one entry and one
** code; a short estimate only means the usual growth later, and the caps
** are those that growth would reach. */
static int reserve_lines(ne_dict *dc, size_t lines) {
    size_t more = lines + lines * 3 / 10;
    size_t vcap = pow2_at_least((dc->vocab_n + lines) * 4 / 3 + 1);
    size_t ecap = pow2_at_least((dc->edge_n + lines / 2) * 2);
    if (vcap > dc->vocab_cap && vocab_resize(dc, vcap)) return NE_NOMEM;
    if (ecap > dc->edge_cap && edge_resize(dc, ecap)) return NE_NOMEM;
    if (grow_big((void **)&dc->nodes, &dc->node_cap, dc->node_n + more, sizeof *dc->nodes) ||
        grow_big((void **)&dc->hits, &dc->hit_cap, dc->hit_n + more + 1, sizeof *dc->hits) ||
        grow_big((void **)&dc->ent, &dc->ent_cap, dc->ent_n + lines, sizeof *dc->ent) ||
        grow_big((void **)&dc->codes, &dc->code_cap, dc->code_n + lines, sizeof *dc->codes))
        return NE_NOMEM;
    return NE_OK;
}

static size_t count_lines(const char *buf, size_t len) {
    size_t n = 1;
    for (const char *p = buf, *end = buf + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) n++;
    return n;
}

/* Each line of file text [buf, buf + len), not NUL-terminated, through
** one_line (parse_line, major_line), counting L->line; in check mode a bad
** line is reported and the rest are read. */
static int parse_lines(loader *L, const char *buf, size_t len, int (*one_line)(loader *, const char *, const char *)) {
    int rc = NE_OK;
    for (const char *p = buf; rc == NE_OK && p < buf + len;) {
        const char *nl = memchr(p, '\n', (size_t)(buf + len - p));
        if (!nl) nl = buf + len;
        L->line++;
        rc = one_line(L, p, nl);
        if (rc == NE_DATA && L->check) rc = NE_OK;
        p = nl + 1;
    }
    return rc;
}

static int load_file(loader *L, const char *path, uint8_t deftype) {
    ne_dict *dc = L->dc;
    ne_fview f;
    int rc = neU_view_file(path, &f, MAX_FILE_BYTES);
    if (rc) return ne_engine_fail(L->e, rc, "%s: cannot read: %s", path, neU_io_why(rc));
    size_t pl = strlen(path);
    char *copy = NULL;
    if (grow((void **)&dc->files, &dc->file_cap, dc->file_n + 1, sizeof *dc->files) || !(copy = neM_malloc(pl + 1))) {
        neU_view_free(&f);
        return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    }
    memcpy(copy, path, pl + 1);
    L->file = (uint32_t)dc->file_n;
    dc->files[dc->file_n++] = copy;
    L->path = copy;
    L->deftype = deftype;
    L->source = f.len >= 11 && memcmp(f.p, "# generated", 11) == 0 ? NE_DS_GENERATED : NE_DS_HAND;
    L->line = 0;
    rc = reserve_lines(dc, count_lines(f.p, f.len));
    if (rc) rc = ne_engine_fail(L->e, NE_NOMEM, "out of memory");
    else rc = parse_lines(L, f.p, f.len, parse_line);
    neU_view_free(&f);
    return rc;
}

static int access_ok(const char *path) { return access(path, R_OK) == 0; }

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The list neDict_sources builds. */
typedef struct src_list {
    ne_dsrc *s;
    size_t n, cap, rel; /* rel: length of "data_dir/" */
} src_list;

static int src_add(src_list *l, const char *path, uint8_t kind, uint8_t deftype) {
    size_t k = strlen(path);
    char *copy = neM_malloc(k + 1);
    if (!copy || grow((void **)&l->s, &l->cap, l->n + 1, sizeof *l->s)) {
        neM_free(copy);
        return NE_NOMEM;
    }
    memcpy(copy, path, k + 1);
    l->s[l->n++] = (ne_dsrc){copy, l->rel < k ? l->rel : k, kind, deftype};
    return NE_OK;
}

/* The file dir/name when it is readable. */
static int src_file(src_list *l, const char *dir, const char *name, uint8_t kind, uint8_t deftype) {
    char path[4096];
    if (neU_path(path, sizeof path, dir, name) || !access_ok(path)) return NE_OK;
    return src_add(l, path, kind, deftype);
}

/* The names in dir, sorted; *n 0 when dir cannot be opened. */
static int dir_names(struct ne_engine *e, const char *dir, char **names, size_t *n) {
    DIR *dh = opendir(dir);
    *n = 0;
    if (!dh) return NE_OK;
    struct dirent *de;
    int rc = NE_OK;
    while (rc == NE_OK && (de = readdir(dh))) {
        if (de->d_name[0] == '.') continue;
        size_t k = strlen(de->d_name);
        if (*n == 1024) rc = ne_engine_fail(e, NE_DATA, "%s: more than 1024 entries", dir);
        else if (!(names[*n] = neM_malloc(k + 1))) rc = ne_engine_fail(e, NE_NOMEM, "out of memory");
        else memcpy(names[(*n)++], de->d_name, k + 1);
    }
    closedir(dh);
    qsort(names, *n, sizeof *names, cmp_str);
    return rc;
}

/* Every *.txt under dir (recursively, in name order); missing dir is fine. */
static int src_dir(struct ne_engine *e, src_list *l, const char *dir, uint8_t deftype, int depth) {
    char *names[1024];
    size_t n;
    int rc = dir_names(e, dir, names, &n);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        size_t k = strlen(names[i]);
        if (rc == NE_OK && neU_path(path, sizeof path, dir, names[i]) == 0) {
            uint8_t t = deftype;
            if (!strcmp(names[i], "leaders") && deftype == NE_DT_ORG) t = NE_DT_PERSON;
            if (k > 4 && !strcmp(names[i] + k - 4, ".txt")) rc = src_add(l, path, NE_SRC_FILE, t);
            else if (depth < 4) rc = src_dir(e, l, path, t, depth + 1);
            if (rc == NE_NOMEM) rc = ne_engine_fail(e, NE_NOMEM, "out of memory");
        }
        neM_free(names[i]);
    }
    return rc;
}

void neDict_sources_free(ne_dsrc *s, size_t n) {
    for (size_t i = 0; s && i < n; i++) neM_free(s[i].path);
    neM_free(s);
}

int neDict_sources(struct ne_engine *e, const char *dir, ne_dsrc **out, size_t *n) {
    src_list l = {NULL, 0, 0, strlen(dir) + (dir[0] && dir[strlen(dir) - 1] != '/')};
    char path[4096];
    int rc = src_file(&l, dir, "actor_codes.txt", NE_SRC_GROUPS, 0);
    if (rc == NE_OK && neU_path(path, sizeof path, dir, "actors") == 0) rc = src_dir(e, &l, path, NE_DT_ORG, 0);
    if (rc == NE_OK) rc = src_file(&l, dir, "roles.txt", NE_SRC_FILE, NE_DT_ROLE);
    if (rc == NE_OK) rc = src_file(&l, dir, "nominals.txt", NE_SRC_FILE, NE_DT_NOMINAL);
    if (rc == NE_OK && neU_path(path, sizeof path, dir, "places") == 0) rc = src_dir(e, &l, path, NE_DT_PLACE, 0);
    if (rc == NE_OK) rc = src_file(&l, dir, "major_cities.txt", NE_SRC_MAJOR, 0);
    /* the tokenizer's (neSent_load): they change how names split into tokens */
    if (rc == NE_OK) rc = src_file(&l, dir, "abbreviations.txt", NE_SRC_DEP, 0);
    if (rc == NE_OK) rc = src_file(&l, dir, "sentence-starters.txt", NE_SRC_DEP, 0);
    if (rc != NE_OK) {
        neDict_sources_free(l.s, l.n);
        l.s = NULL, l.n = 0;
        if (rc == NE_NOMEM) rc = ne_engine_fail(e, NE_NOMEM, "out of memory");
    }
    *out = l.s;
    *n = l.n;
    return rc;
}

/* actor_codes.txt: "CODE KIND description" with KIND role or intl. */
static int load_groups(loader *L, const char *path) {
    ne_dict *dc = L->dc;
    FILE *f = fopen(path, "r");
    if (!f) return NE_OK;
    char line[512];
    L->path = path;
    L->line = 0;
    while (fgets(line, sizeof line, f)) {
        L->line++;
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#' || *p == '\n' || *p == 0) continue;
        int role = strncmp(p + 3, " role", 5) == 0 || strncmp(p + 3, "\trole", 5) == 0;
        int intl = strncmp(p + 3, " intl", 5) == 0 || strncmp(p + 3, "\tintl", 5) == 0;
        if (!code_shape_ok(p, 3) || (!role && !intl)) {
            if (ld_err(L, "expected 'CODE role|intl description'")) break;
            continue;
        }
        char (*list)[4] = role ? dc->groups : dc->intl;
        size_t *cnt = role ? &dc->ngroups : &dc->nintl;
        if (*cnt < 128) { memcpy(list[*cnt], p, 3); list[(*cnt)++][3] = 0; }
    }
    fclose(f);
    return L->check ? NE_OK : (L->e->errmsg[0] ? NE_DATA : NE_OK);
}

/* ---- major_cities.txt ---- */

/* The trie node of name [s, s+n), 0 when no dictionary name is spelled so. */
static uint32_t name_node(loader *L, const char *s, size_t n, int *rc) {
    ne_dict *dc = L->dc;
    name_tok tok[MAX_NAME_TOKENS];
    char buf[256];
    size_t nt = name_tokens(L, s, n, buf, sizeof buf, tok, rc);
    uint32_t node = 0;
    for (size_t i = 0; *rc == NE_OK && i < nt && i < MAX_NAME_TOKENS; i++) {
        const vslot *v = vocab_probe(dc, vocab_hash(tok[i].nh), tok[i].norm, tok[i].len);
        if (!v || !(node = i ? edge_find(dc, node, v->id) : v->root)) return 0;
    }
    return nt && nt <= MAX_NAME_TOKENS ? node : 0;
}

/* Marks the place entries under the trie node whose country is cc major. */
static void mark_major(ne_dict *dc, uint32_t node, const char *cc) {
    for (uint32_t h = dc->nodes[node].hit; h; h = dc->hits[h].next) {
        ne_dentry *x = &dc->ent[dc->hits[h].entry];
        if (x->type == NE_DT_PLACE && x->ncodes && !memcmp(dc->pool.p + dc->codes[x->code0].code, cc, 3))
            x->major = 1;
    }
}

/* In check mode: is cc the code of a type=country entry? */
static int country_known(const ne_dict *dc, const char *cc) {
    for (size_t i = 0; i < dc->ent_n; i++)
        if (dc->ent[i].type == NE_DT_COUNTRY && dc->ent[i].ncodes &&
            !memcmp(dc->pool.p + dc->codes[dc->ent[i].code0].code, cc, 3))
            return 1;
    return 0;
}

/* One line "NAME [| NAME]... = ISO3" of major_cities.txt. */
static int major_line(loader *L, const char *s, const char *end) {
    end = trim_end(s, find_ch(s, end, '#'));
    s = skip_ws(s, end);
    if (s == end) return NE_OK;
    const char *eq = find_ch(s, end, '=');
    const char *cc = eq < end ? skip_ws(eq + 1, end) : end;
    if (eq == end || end - cc != 3 || !code_shape_ok(cc, 3)) return ld_err(L, "expected NAME [| NAME]... = ISO3");
    if (L->check && !country_known(L->dc, cc)) return ld_err(L, "unknown country '%.3s'", cc);
    for (const char *p = s; p < eq;) {
        const char *q = find_ch(p, eq, '|');
        const char *b = skip_ws(p, q), *e = trim_end(b, q);
        if (b == e) return ld_err(L, "empty name");
        int rc = NE_OK;
        uint32_t node = name_node(L, b, (size_t)(e - b), &rc);
        if (rc) return ne_engine_fail(L->e, NE_NOMEM, "out of memory");
        if (node) mark_major(L->dc, node, cc);
        p = q + 1;
    }
    return NE_OK;
}

/* major_cities.txt (docs/DICTIONARIES.md), after the places it ranks; missing is fine. */
static int load_major(loader *L, const char *path) {
    if (!access_ok(path)) return NE_OK;
    ne_fview f;
    int rc = neU_view_file(path, &f, MAX_FILE_BYTES);
    if (rc) return ne_engine_fail(L->e, rc, "%s: cannot read: %s", path, neU_io_why(rc));
    L->path = path;
    L->line = 0;
    rc = parse_lines(L, f.p, f.len, major_line);
    neU_view_free(&f);
    return rc;
}

/* The extra dictionaries of ne_options (after the shipped ones, before major_cities.txt). */
static int load_extra(loader *L) {
    int rc = NE_OK;
    for (size_t i = 0; rc == NE_OK && i < L->e->n_extra_dicts; i++)
        if (L->e->extra_dicts[i]) rc = load_file(L, L->e->extra_dicts[i], NE_DT_ORG);
    return rc;
}

static int load_all(loader *L) {
    ne_dsrc *src;
    size_t n;
    int rc = neDict_sources(L->e, L->e->data_dir, &src, &n), extra_done = 0;
    for (size_t i = 0; rc == NE_OK && i < n; i++) {
        if (src[i].kind == NE_SRC_MAJOR && !extra_done) rc = load_extra(L), extra_done = 1;
        if (rc != NE_OK) break;
        switch (src[i].kind) {
        case NE_SRC_GROUPS: rc = load_groups(L, src[i].path); break;
        case NE_SRC_FILE: rc = load_file(L, src[i].path, src[i].deftype); break;
        case NE_SRC_MAJOR: rc = load_major(L, src[i].path); break;
        default: break;
        }
    }
    if (rc == NE_OK && !extra_done) rc = load_extra(L);
    neDict_sources_free(src, n);
    return rc;
}

/* ---- engine side ---- */

ne_dict *neDict_new(void) {
    ne_dict *dc = neM_calloc(1, sizeof *dc);
    if (!dc) return NULL;
    dc->serial = neU_serial();
    neB_init(&dc->pool, (size_t)1 << 31);
    neB_addc(&dc->pool, 0); /* offset 0 is "" */
    if (grow_big((void **)&dc->nodes, &dc->node_cap, 1, sizeof *dc->nodes) || dc->pool.err) {
        neDict_free(dc);
        return NULL;
    }
    dc->nodes[0] = (dnode){0, 0, 0};
    dc->node_n = 1;
    return dc;
}

void neDict_free(ne_dict *dc) {
    if (!dc) return;
    if (dc->snap) { /* the tables live in the snapshot's block */
        neM_free_big(dc->snap, dc->snap_bytes, 1);
    } else {
        neB_free(&dc->pool);
        neM_free_big(dc->vocab, dc->vocab_cap, sizeof *dc->vocab);
        neM_free_big(dc->edges, dc->edge_cap, sizeof *dc->edges);
        neM_free_big(dc->nodes, dc->node_cap, sizeof *dc->nodes);
        neM_free_big(dc->hits, dc->hit_cap, sizeof *dc->hits);
        neM_free_big(dc->ent, dc->ent_cap, sizeof *dc->ent);
        neM_free_big(dc->codes, dc->code_cap, sizeof *dc->codes);
    }
    for (size_t i = 0; dc->files && i < dc->file_n; i++) neM_free(dc->files[i]);
    neM_free(dc->files);
    neM_free(dc);
}

/* The types dhit.lower bits stand for: country to group (bits 0-5) and place (bit 6). */
#define LOWER_TRACKED (NE_DM(NE_DT_COUNTRY) | NE_DM(NE_DT_DEMONYM) | NE_DM(NE_DT_METONYM) | NE_DM(NE_DT_PERSON) | \
                       NE_DM(NE_DT_ORG) | NE_DM(NE_DT_GROUP) | NE_DM(NE_DT_PLACE))
#define LOWER_SET 0x80u

/* Note on each hit chain's head the tracked types of its hits that an
** all-lowercase first token can satisfy in case-marked text (neither
** caps_only nor capmask bit 0: hit_accepts refuses the others), plus
** LOWER_SET; longest_at then skips the chain at such a token for the other
** tracked types without walking it.  Written into the snapshot with the hits. */
static void mark_lower(ne_dict *dc) {
    for (size_t n = 0; n < dc->node_n; n++) {
        uint32_t h = dc->nodes[n].hit;
        uint8_t b = LOWER_SET;
        for (uint32_t x = h; x; x = dc->hits[x].next) {
            const dhit *y = &dc->hits[x];
            if (y->caps_only || (y->capmask & 1u)) continue;
            if (y->type == NE_DT_PLACE) b |= 0x40u;
            else if (y->type <= NE_DT_GROUP) b |= (uint8_t)(1u << y->type);
        }
        if (h) dc->hits[h].lower = b;
    }
}

/* The NE_DM() types that chain head byte b (mark_lower) lets a lowercase
** first token have: the tracked ones it notes and every untracked one;
** all types when b is not set. */
static inline uint32_t lower_types(uint8_t b) {
    if (!(b & LOWER_SET)) return ~0u;
    return ~(uint32_t)LOWER_TRACKED | (b & 0x3fu) | ((b & 0x40u) ? NE_DM(NE_DT_PLACE) : 0);
}

/* The index of three-letter group code g (A-Z each) in [0, 26^3), or -1. */
static int group_index(const char *g) {
    int k = 0;
    for (int j = 0; j < 3; j++) {
        if (g[j] < 'A' || g[j] > 'Z') return -1;
        k = k * 26 + (g[j] - 'A');
    }
    return k;
}

/* dc->intl_bits from dc->intl (codes of A-Z only, load_groups), for neDict_is_intl. */
static void index_intl(ne_dict *dc) {
    memset(dc->intl_bits, 0, sizeof dc->intl_bits);
    for (size_t i = 0; i < dc->nintl; i++) {
        int k = group_index(dc->intl[i]);
        if (k >= 0) dc->intl_bits[k >> 6] |= (uint64_t)1 << (k & 63);
    }
}

static int loader_run(loader *L, struct ne_engine *e) {
    L->e = e;
    L->dc = e->dict = neDict_new();
    L->tmp = ne_doc_new();
    if (!L->dc || !L->tmp) {
        ne_doc_free(L->tmp);
        return ne_engine_fail(e, NE_NOMEM, "out of memory");
    }
    pthread_once(&name_cps_once, name_cps_build);
    int rc = load_all(L);
    ne_doc_free(L->tmp);
    L->tmp = NULL;
    neM_free(L->interned);
    L->interned = NULL;
    if (rc == NE_OK && L->dc->pool.err) rc = ne_engine_fail(e, NE_NOMEM, "out of memory");
    if (rc == NE_OK) mark_lower(L->dc), index_intl(L->dc);
    return rc;
}

int neDict_load_text(struct ne_engine *e) {
    loader L;
    memset(&L, 0, sizeof L);
    return loader_run(&L, e);
}

int neDict_load(struct ne_engine *e) {
    if (!e->n_extra_dicts) { /* the compiled snapshot when it is current (dict_snap.c) */
        int rc = neDict_snap_load(e);
        if (rc == NE_OK) index_intl(e->dict);
        if (rc != NE_NOTFOUND) return rc;
    }
    return neDict_load_text(e);
}

size_t neDict_count(const struct ne_engine *e) { return e->dict ? e->dict->ent_n : 0; }

int neDict_is_role(const struct ne_engine *e, const char *group) {
    return e->dict && group && known_group(e->dict->groups, e->dict->ngroups, group);
}

int neDict_is_intl(const struct ne_engine *e, const char *group) { /* one bit test (index_intl) */
    int k = e->dict && group ? group_index(group) : -1;
    return k >= 0 && (e->dict->intl_bits[k >> 6] >> (k & 63) & 1u);
}

/* Country codes the data knows: type=country entries and place countries. */
static const char **known_countries(const ne_dict *dc, size_t *n) {
    const char **list = neM_malloc((dc->ent_n + 1) * sizeof *list);
    *n = 0;
    if (!list) return NULL;
    for (size_t i = 0; i < dc->ent_n; i++) {
        const ne_dentry *x = &dc->ent[i];
        if ((x->type == NE_DT_COUNTRY || x->type == NE_DT_PLACE) && x->ncodes)
            list[(*n)++] = dc->pool.p + dc->codes[x->code0].code;
    }
    return list;
}

/* A table that did not load (its message in e->errmsg, "patterns/04.txt:12:
** ...") counts as one problem of the check, which goes on: NE_OK. */
static int one_problem(loader *L, const struct ne_engine *e) {
    if (L->report) L->report(L->ctx, e->errmsg);
    L->nerr++;
    return NE_OK;
}

/* The pattern files, when dir has a patterns/ folder: they need the CAMEO
** tables and the lemmas (WordNet at its default place, if there), as at
** engine open; each bad line is one problem (docs/PATTERNS.md). */
static int check_patterns(loader *L, struct ne_engine *e) {
    char path[1024];
    if (neU_path(path, sizeof path, e->data_dir, "patterns")) return NE_OK;
    DIR *dh = opendir(path);
    if (!dh) return NE_OK; /* a partial dictionary folder: nothing to check */
    closedir(dh);
    e->wordnet_dir = neM_malloc(sizeof NE_WORDNET_DIR);
    if (!e->wordnet_dir) return NE_NOMEM;
    memcpy(e->wordnet_dir, NE_WORDNET_DIR, sizeof NE_WORDNET_DIR);
    int rc = neCameo_load(e);
    if (rc == NE_OK) rc = neLemma_load(e);
    if (rc == NE_DATA || rc == NE_IO || rc == NE_NOTFOUND) return one_problem(L, e); /* a bad or missing table */
    return rc ? rc : nePattern_check(e, L->report, L->ctx, &L->nerr);
}

/* The phrase tables (docs/TIME.md, "Phrase table files") a dictionary folder
** may hold, each with the loader engine open runs on it: dict check loads
** each one that is there, and a table that does not load (a bad class, a bad
** value) is one problem.  A table that is absent is not checked, as a
** partial folder is not. */
static const struct {
    const char *file;
    int (*load)(struct ne_engine *e);
} phrase_tables[] = {
    {"dual.txt", neCoref_load},      /* coref.c: the dual noun phrases */
    {"time.txt", neTimex_load},      /* timex.c: words of time expressions */
    {"cues.txt", neQuote_load},      /* quote.c: speech cues and speaker words */
    {"stopwords.txt", neHeadline_load}, /* headline.c: words a headline is not about */
};

static int check_phrase_tables(loader *L, struct ne_engine *e) {
    for (size_t i = 0; i < sizeof phrase_tables / sizeof *phrase_tables; i++) {
        char path[1024];
        if (neU_path(path, sizeof path, e->data_dir, phrase_tables[i].file) || access(path, F_OK)) continue;
        int rc = phrase_tables[i].load(e);
        if (rc == NE_DATA || rc == NE_IO) rc = one_problem(L, e);
        if (rc) return rc;
    }
    return NE_OK;
}

int ne_dict_check(const char *dir, void (*report)(void *ctx, const char *msg), void *ctx,
                  size_t *nerrors, size_t *nentries) {
    struct ne_engine *e = neM_calloc(1, sizeof *e);
    *nerrors = *nentries = 0;
    if (!e) return NE_NOMEM;
    size_t dl = strlen(dir);
    e->data_dir = neM_malloc(dl + 1);
    int rc = e->data_dir ? NE_OK : NE_NOMEM;
    if (rc == NE_OK) {
        memcpy(e->data_dir, dir, dl + 1);
        neSent_load(e); /* abbreviations refine the tokenizer; absent is fine */
        loader L;
        memset(&L, 0, sizeof L);
        L.check = 1;
        L.report = report;
        L.ctx = ctx;
        rc = loader_run(&L, e);
        if (rc == NE_OK) rc = check_patterns(&L, e);
        if (rc == NE_OK) rc = check_phrase_tables(&L, e);
        if (rc == NE_OK) rc = neLemma_check_extra(dir, report, ctx, &L.nerr);
        size_t nc = 0;
        const char **cl = rc == NE_OK ? known_countries(e->dict, &nc) : NULL;
        if (cl) check_codes(&L, cl, nc);
        neM_free((void *)cl);
        *nerrors = L.nerr;
        *nentries = e->dict ? e->dict->ent_n : 0;
        if (rc != NE_OK && report) report(ctx, e->errmsg);
        if (rc == NE_OK && L.nerr) rc = NE_DATA;
    }
    ne_engine_close(e); /* the parts a check loads: dictionaries, patterns, lemmas, CAMEO, phrase tables */
    return rc;
}

/* ---- matching ---- */

/* Sentence end (token index) of token i. */
static size_t sent_end_of(const struct ne_doc *d, size_t i) {
    const ne_token *t = NE_VEC_AT(d->tokens, ne_token, i);
    if (t->sent >= d->sentences.n) return i + 1;
    const ne_sentence *sn = NE_VEC_AT(d->sentences, ne_sentence, t->sent);
    size_t end = (size_t)sn->tok_first + sn->tok_count;
    return end > i && end <= d->tokens.n ? end : i + 1;
}

/* Is token t all lower-case in case-marked text, where a name may start at
** it only as its chain's head allows (lower_types)? */
static int lower_in_cased(const struct ne_doc *d, const ne_token *t) {
    return t->shape == NE_SH_LOWER && (t->sent >= d->sentences.n ||
           NE_VEC_AT(d->sentences, ne_sentence, t->sent)->caseless != NE_CASELESS_LOWER);
}

/* Append to mv the names that start at token i and end by its sentence's
** end (the trie walked once, every node on the way that carries hits);
** *types: the union of their types; *allowed: of their dmatch types (at an
** all-lowercase token in case-marked text, those the chain's head lets such
** a token have, lower_types: hit_accepts refuses every other).  The
** sentence is looked up only when a hit or the next token needs it: most
** words that start a name ("the", "new") start none here.  ids[] holds a 0
** past the last token. */
static int names_at(const ne_dict *dc, struct ne_doc *d, const uint32_t *ids, uint32_t root, size_t i,
                    ne_vec *mv, uint16_t *types, uint16_t *allowed) {
    const ne_token *t = NE_VEC_AT(d->tokens, ne_token, i);
    int lower = -1;  /* lower_in_cased, at the first hit */
    size_t end = 0;  /* sent_end_of (> i), when a name may go on */
    uint32_t node = root;
    for (size_t j = i; node; ) {
        const dnode *nd = &dc->nodes[node];
        if (nd->hit) {
            if (mv->n == mv->cap && neV_reserve(&d->arena, mv, mv->cap ? mv->cap * 2 : 64)) return NE_NOMEM;
            if (lower < 0) lower = lower_in_cased(d, t);
            uint16_t ok = lower ? (uint16_t)(nd->types & lower_types(dc->hits[nd->hit].lower)) : nd->types;
            ((dmatch *)mv->items)[mv->n++] = (dmatch){nd->hit, ok, (uint8_t)(j - i + 1)};
            *types |= nd->types;
            *allowed |= ok;
        }
        if (++j - i >= MAX_NAME_TOKENS || !(nd->kids & kid_bit(ids[j]))) break;
        if (!end) end = sent_end_of(d, i);
        if (j >= end) break;
        node = edge_find(dc, node, ids[j]);
    }
    return NE_OK;
}

#define PROBE_BLOCK 16

/* Vocabulary id and root child of the tokens tk[at[k]] for k < n (0 when
** not in the vocabulary); nh: the tokens' ne_hash (d->nhash), or NULL to
** compute it.  Most probes miss the cache: the slots of a block of tokens
** are prefetched before any is read, so that their misses overlap. */
static void vocab_probe_all(const ne_dict *dc, const ne_token *tk, const uint32_t *at, size_t n,
                            const uint32_t *nh, uint32_t *ids, uint32_t *roots) {
    uint64_t hv[PROBE_BLOCK];
    size_t mask = dc->vocab_cap - 1;
    for (size_t b = 0; b < n; b += PROBE_BLOCK) {
        size_t m = n - b < PROBE_BLOCK ? n - b : PROBE_BLOCK;
        for (size_t k = 0; k < m; k++) {
            const ne_token *t = &tk[at[b + k]];
            hv[k] = vocab_hash(nh ? nh[at[b + k]] : ne_hash(t->norm, t->norm_len));
            __builtin_prefetch(&dc->vocab[hv[k] & mask]);
        }
        for (size_t k = 0; k < m; k++) {
            size_t i = at[b + k];
            const vslot *v = vocab_probe(dc, hv[k], tk[i].norm, tk[i].norm_len);
            ids[i] = v ? v->id : 0;
            roots[i] = v ? v->root : 0;
            if (v && v->root) __builtin_prefetch(&dc->nodes[v->root]); /* names_at reads it next */
        }
    }
}

/* Vocabulary id and root child of every token of d (0 when not in the
** vocabulary): from the tokens' word memos (d->wmemo) where they hold them,
** else probed (vocab_probe_all) and kept in the memo. */
static int vocab_lookup_all(const ne_dict *dc, struct ne_doc *d, uint32_t *ids, uint32_t *roots) {
    size_t n = d->tokens.n, nask = 0;
    ne_wmemo *const *wm = d->wmemo;
    uint32_t *ask = neA_alloc(&d->arena, (n + 1) * sizeof *ask);
    if (!ask) return NE_NOMEM;
    const uint32_t serial = dc->serial; /* in locals: the stores to ids and roots would make them reloaded */
    const dnode *nodes = dc->nodes;
    for (size_t i = 0; i < n; i++) {
        const ne_wmemo *m = wm ? wm[i] : NULL;
        if (m && m->dict == serial) {
            ids[i] = m->dict_id, roots[i] = m->dict_root;
            __builtin_prefetch(&nodes[roots[i]]); /* names_at reads it next; no root: node 0, no branch */
        } else {
            ask[nask++] = (uint32_t)i;
        }
    }
    vocab_probe_all(dc, d->tokens.items, ask, nask, d->nhash, ids, roots);
    for (size_t k = 0; wm && k < nask; k++) {
        ne_wmemo *m = wm[ask[k]];
        if (m) m->dict_id = ids[ask[k]], m->dict_root = roots[ask[k]], m->dict = dc->serial;
    }
    return NE_OK;
}

int neDict_prepare(struct ne_doc *d, const struct ne_engine *e) {
    if (d->dmemo) return NE_OK;
    size_t n = d->tokens.n;
    struct ne_dmemo *mm = neA_alloc(&d->arena, sizeof *mm);
    uint32_t *ids = neA_alloc(&d->arena, (n + 1) * sizeof *ids);
    uint32_t *roots = neA_alloc(&d->arena, (n + 1) * sizeof *roots);
    if (!mm || !ids || !roots) return NE_NOMEM;
    mm->first = neA_alloc(&d->arena, (n + 1) * sizeof *mm->first);
    mm->types = neA_alloc(&d->arena, (n + 1) * sizeof *mm->types);
    mm->allowed = neA_alloc(&d->arena, (n + 1) * sizeof *mm->allowed);
    if (!mm->first || !mm->types || !mm->allowed) return NE_NOMEM;
    const ne_dict *dc = e->dict;
    if (dc && dc->vocab_cap) {
        if (vocab_lookup_all(dc, d, ids, roots)) return NE_NOMEM;
    } else {
        memset(ids, 0, n * sizeof *ids), memset(roots, 0, n * sizeof *roots);
    }
    ids[n] = roots[n] = 0; /* names_at reads the id after a sentence's last token */
    ne_vec mv;
    neV_init(&mv, sizeof(dmatch));
    uint32_t *first = mm->first; /* in locals: the stores would make them reloaded */
    uint16_t *mtypes = mm->types, *mallowed = mm->allowed;
    memset(mtypes, 0, n * sizeof *mtypes); /* most tokens start no name: only theirs are set below */
    memset(mallowed, 0, n * sizeof *mallowed);
    for (size_t i = 0; i < n; i++) {
        first[i] = (uint32_t)mv.n;
        if (roots[i] && names_at(dc, d, ids, roots[i], i, &mv, &mtypes[i], &mallowed[i])) return NE_NOMEM;
    }
    first[n] = (uint32_t)mv.n;
    mm->m = mv.items;
    d->dmemo = mm;
    return NE_OK;
}

/* In a lower-case sentence, may the one-word name at token t match?  Not
** a stopword, not a common word ("police", "china", "reading"), at least
** three letters ("us"); docs/DICTIONARIES.md, "Caseless text". */
static int caseless_word(const struct ne_engine *e, const ne_token *t) {
    return t->norm_len >= 3 && !neW_get(e->stopwords, t->norm, t->norm_len, -1) &&
           !neLemma_common(e->lexicon, t->norm, t->norm_len);
}

/* In a lower-case sentence, does the one-word country name at token i that
** is also a common word ("china", "turkey", "japan", "brazil") stand where a
** country does: after a preposition, a conjunction or punctuation (or first),
** or before "'s" or a verb ("in china", "china said"), and not after a
** determiner or a modifier ("the turkey", "bone china")?  i - 1 and i + 1 are
** the sentence's own tokens when flagged so. */
static int caseless_country(const ne_token *tk, size_t i, size_t ntok) {
    static const char *const before[] = {"in", "to", "from", "with", "of", "against", "by", "between", "and",
                                         "or", "on", "at", "into", "across", "for", "toward", "towards",
                                         "than", "like", "including", "visit", "visited", "visiting", "both", NULL};
    const ne_token *t = &tk[i];
    if (t->norm_len < 4) return 0; /* "chad" is a name too, but "us" never */
    if (i + 1 < ntok && tk[i + 1].sent == t->sent &&
        (!strcmp(tk[i + 1].norm, "'s") || (tk[i + 1].tags & (NE_TAG_VERB | NE_TAG_AUX))))
        return i == 0 || tk[i - 1].sent != t->sent || tk[i - 1].shape != NE_SH_LOWER ||
               strcmp(tk[i - 1].norm, "the") != 0;
    if (i == 0 || tk[i - 1].sent != t->sent || tk[i - 1].shape > NE_SH_MIXED) return 1;
    for (const char *const *w = before; *w; w++)
        if (!strcmp(tk[i - 1].norm, *w)) return 1;
    return 0;
}

/* In a lower-case sentence, a two-letter role abbreviation after "the"
** ("the pm", "the cm", "the sp") or after a name that is no common word, a
** party's or a region's ("bjp mp", "gujarat cm"): "pm" after a time ("at 9
** pm") stays a time. */
static int caseless_title(const struct ne_engine *e, const dhit *h, const ne_token *tk, size_t i) {
    if (h->type != NE_DT_ROLE || h->ntok != 1 || tk[i].norm_len != 2 || i == 0 || tk[i - 1].sent != tk[i].sent)
        return 0;
    return !strcmp(tk[i - 1].norm, "the") ||
           (tk[i - 1].shape == NE_SH_LOWER && tk[i - 1].norm_len >= 3 && caseless_word(e, &tk[i - 1]));
}

/* Is the text token t written with exactly the capitals pat (abbrev_caps)? */
static int same_caps(const struct ne_doc *d, const ne_token *t, uint8_t pat) {
    const ne_sentence *s = NE_VEC_AT(d->sentences, ne_sentence, t->sent);
    const char *w = ne_seg_text(d, s->in_title) + t->start;
    size_t n = t->end - t->start;
    if (n != t->norm_len) return 0;
    for (size_t j = 0; j < n; j++)
        if (((pat >> j) & 1u) != (unsigned)(w[j] >= 'A' && w[j] <= 'Z')) return 0;
    return 1;
}

/* hit_accepts in lower-case text for a name that wants capitals (out of
** line, as hit_accepts_exact: most names take neither path, and inlined
** their code would cost the common path registers). */
static __attribute__((noinline)) int hit_accepts_lower(const struct ne_engine *e, const struct ne_doc *d,
                                                       const dhit *h, size_t i) {
    const ne_token *tk = d->tokens.items;
    return h->ntok > 1 || caseless_word(e, &tk[i]) ||
           (h->type == NE_DT_COUNTRY && !h->caps_only && caseless_country(tk, i, d->tokens.n)) ||
           caseless_title(e, h, tk, i);
}

/* hit_accepts for an abbreviation with internal capitals (h->exact_tok). */
static __attribute__((noinline)) int hit_accepts_exact(const struct ne_engine *e, const struct ne_doc *d,
                                                       const dhit *h, size_t i, int caseless) {
    const ne_token *t = &((const ne_token *)d->tokens.items)[i + h->exact_tok - 1];
    return caseless == NE_CASELESS_UPPER ? caseless_word(e, t) : same_caps(d, t, h->exact_pat);
}

/* Does the text at tokens [i, i+h->ntok) satisfy the name's capitalization?
** caseless: the sentence's NE_CASELESS_* mark.  In lower-case text a name of
** two or more words always matches and a one-word name when it is no common
** word (a country also where the context reads as one, caseless_country).
** An abbreviation with internal capitals ("LeT") matches only the same
** capitals, in all-capital text only when it is no common word ("LET"). */
static int hit_accepts(const struct ne_engine *e, const struct ne_doc *d, const dhit *h, size_t i, int caseless) {
    const ne_token *tk = d->tokens.items;
    if (caseless == NE_CASELESS_LOWER && (h->caps_only || h->capmask)) return hit_accepts_lower(e, d, h, i);
    if (h->caps_only && tk[i].shape != NE_SH_UPPER) return 0;
    for (unsigned k = 0; k < h->ntok; k++)
        if ((h->capmask & (1u << k)) && tk[i + k].shape == NE_SH_LOWER) return 0;
    return h->exact_tok ? hit_accepts_exact(e, d, h, i, caseless) : 1;
}

/* The first hit from h on (along next) of a type in mask that the text at
** token i accepts, or 0 (inlined: longest_at calls it for most names). */
static inline __attribute__((always_inline)) uint32_t first_hit_from(const struct ne_engine *e,
                                                                     const struct ne_doc *d, size_t i, uint32_t h,
                                                                     uint32_t mask) {
    const ne_dict *dc = e->dict;
    const ne_token *tk = d->tokens.items;
    int caseless = tk[i].sent < d->sentences.n ? NE_VEC_AT(d->sentences, ne_sentence, tk[i].sent)->caseless : 0;
    for (; h; h = dc->hits[h].next)
        if ((mask & NE_DM(dc->hits[h].type)) && hit_accepts(e, d, &dc->hits[h], i, caseless)) return h;
    return 0;
}

/* neDict_longest past its quick test: the names at token i, longest
** first (kept out of line, so that the common quick return saves no
** registers). */
static __attribute__((noinline)) size_t longest_at(const struct ne_engine *e, const struct ne_doc *d, size_t i,
                                                   size_t end, uint32_t typemask, uint32_t *hit) {
    const struct ne_dmemo *mm = d->dmemo;
    for (uint32_t k = mm->first[i + 1]; k-- > mm->first[i];) { /* longest first */
        const dmatch *m = &mm->m[k];
        if (m->len > end - i || !(m->types & typemask)) continue;
        uint32_t h = first_hit_from(e, d, i, m->hit, typemask);
        if (h) {
            *hit = h;
            return m->len;
        }
    }
    return 0;
}

const uint16_t *neDict_token_types(const struct ne_doc *d) { return d->dmemo ? d->dmemo->types : NULL; }
const uint16_t *neDict_token_allowed(const struct ne_doc *d) { return d->dmemo ? d->dmemo->allowed : NULL; }

size_t neDict_longest(const struct ne_engine *e, const struct ne_doc *d, size_t i, size_t end,
                      uint32_t typemask, uint32_t *hit) {
    const struct ne_dmemo *mm = d->dmemo;
    *hit = 0;
    if (!e->dict || !mm || i >= end || !(mm->allowed[i] & typemask)) return 0;
    return longest_at(e, d, i, end, typemask, hit);
}

/* The trie node of token t after node (0: from the root), 0 when none. */
static uint32_t token_node(const ne_dict *dc, uint32_t node, const ne_token *t) {
    const vslot *v = vocab_probe(dc, vocab_hash(ne_hash(t->norm, t->norm_len)), t->norm, t->norm_len);
    if (!v) return 0;
    if (!node) return v->root;
    return dc->nodes[node].kids & kid_bit(v->id) ? edge_find(dc, node, v->id) : 0;
}

/* Do the name words of hit h after the skipped token skip (h's words from
** skip - i on, one token further on) keep the capitals h wants?  hit_accepts
** (first_hit_from) tested h's words as tokens [i, i + ntok), the skipped
** initial in place of the name's next word: "Harry M. reid" is no Harry Reid,
** as "Harry reid" is none. */
static int skipped_caps(const ne_dict *dc, const ne_token *tk, size_t i, size_t skip, uint32_t h) {
    const dhit *x = &dc->hits[h];
    for (size_t k = skip - i; k < x->ntok; k++)
        if ((x->capmask & (1u << k)) && tk[i + k + 1].shape == NE_SH_LOWER) return 0;
    return 1;
}

size_t neDict_person_skipping(const struct ne_engine *e, const struct ne_doc *d, size_t i, size_t skip,
                              size_t end, uint32_t *hit) {
    const ne_dict *dc = e->dict;
    const ne_token *tk = d->tokens.items;
    size_t best = 0;
    *hit = 0;
    if (!dc || !dc->vocab_cap || skip <= i || skip + 1 >= end) return 0;
    uint32_t node = 0;
    for (size_t j = i; j < end && j - i < MAX_NAME_TOKENS; j++) {
        if (j == skip) continue;
        if (!(node = token_node(dc, node, &tk[j]))) break;
        if (j < skip || !dc->nodes[node].hit) continue;
        uint32_t h = first_hit_from(e, d, i, dc->nodes[node].hit, NE_DM(NE_DT_PERSON));
        if (h && skipped_caps(dc, tk, i, skip, h)) *hit = h, best = j + 1 - i;
    }
    return best;
}

uint32_t neDict_next_hit(const struct ne_engine *e, const struct ne_doc *d, size_t i, uint32_t hit,
                         uint32_t typemask) {
    const ne_dict *dc = e->dict;
    if (!dc || !hit) return 0;
    return first_hit_from(e, d, i, dc->hits[hit].next, typemask);
}

const ne_dentry *neDict_hit_entry(const struct ne_engine *e, uint32_t hit) {
    return &e->dict->ent[e->dict->hits[hit].entry];
}

/* Distance in days-ish (YYYYMMDD difference) from ymd to a range. */
static long range_dist(const dcode *c, int ymd) {
    if (ymd < c->from) return (long)c->from - ymd;
    if (ymd > c->to) return (long)ymd - c->to;
    return 0;
}

int neDict_when(const struct ne_engine *e, const ne_dentry *x, int ymd) {
    const ne_dict *dc = e->dict;
    if (!dc || !x->ncodes || !ymd) return 0;
    const dcode *c = &dc->codes[x->code0];
    int before = 1, after = 1;
    for (uint16_t k = 0; k < x->ncodes; k++) {
        if (!range_dist(&c[k], ymd)) return 0;
        before &= ymd < c[k].from;
        after &= ymd > c[k].to;
    }
    return before ? -1 : after ? 1 : 0;
}

int neDict_in_range(const struct ne_engine *e, const ne_dentry *x, int ymd) {
    const ne_dict *dc = e->dict;
    if (!dc || !x->ncodes || !ymd) return 1;
    const dcode *c = &dc->codes[x->code0];
    for (uint16_t k = 0; k < x->ncodes; k++)
        if (!range_dist(&c[k], ymd)) return 1;
    return 0;
}

const char *neDict_code_role(const struct ne_engine *e, const ne_dentry *x, const char *role, int ymd) {
    const ne_dict *dc = e->dict;
    const dcode *best = NULL;
    if (!dc || !role) return NULL;
    for (uint16_t k = 0; k < x->ncodes; k++) {
        const dcode *c = &dc->codes[x->code0 + k];
        const char *code = dc->pool.p + c->code;
        if (strlen(code) < 6 || strncmp(code + 3, role, 3)) continue;
        if (!best || (ymd ? range_dist(c, ymd) < range_dist(best, ymd) : c->to > best->to)) best = c;
    }
    return best ? dc->pool.p + best->code : NULL;
}

int neDict_closed_era(const struct ne_engine *e, const ne_dentry *x) {
    const ne_dict *dc = e->dict;
    if (!dc || !x->ncodes) return 0;
    const dcode *c = &dc->codes[x->code0], *best = c;
    for (uint16_t k = 1; k < x->ncodes; k++)
        if (c[k].to > best->to) best = &c[k];
    if (best->to == OPEN_END || best->from <= 0) return 0;
    return (best->from / 10000 + best->to / 10000) / 2 * 10000 + 701;
}

const char *neDict_code(const struct ne_engine *e, const ne_dentry *x, int ymd) {
    const ne_dict *dc = e->dict;
    if (!dc || !x->ncodes) return NULL;
    const dcode *c = &dc->codes[x->code0], *best = c;
    for (uint16_t k = 1; k < x->ncodes; k++) {
        if (ymd ? range_dist(&c[k], ymd) < range_dist(best, ymd) : c[k].to > best->to) best = &c[k];
    }
    return dc->pool.p + best->code;
}
