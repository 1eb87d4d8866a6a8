/* pattern_snap.c: the parsed pattern files (pattern.c) and their anchor
** index saved as a snapshot, patterns.snap beside dictionaries.snap (snap.h;
** docs/PATTERNS.md, "Compiled snapshot"): engine open reads it, while it is
** current, instead of parsing some 21,000 lines and building the index
** (nePattern_index_set; a snapshot read without its checksum gives the
** patterns only, checked, and its reader builds the index). */
#include "snap.h"

#include <stdio.h>
#include <string.h>

#define PS_FILE "patterns.snap"

/* The tables: patterns, their elements, the elements' words, the
** elements' word sets (ne_pelem.altset), the patterns' required-word lists
** (nePattern_lists: uint16s, one list after another in pattern order), the
** anchor index (ne_pindex: order, list offsets, entries, filled slots, key
** indexes and their at and idx arrays; the slot count in n[PN_COUNT]) and
** a pool of strings, each string once; indexes and pool offsets instead of
** pointers. */
typedef struct ps_pat {
    uint32_t text;  /* pool offset of the --explain text */
    uint32_t code;  /* pool offset of the CAMEO code; 0: none ("-") */
    uint32_t elem0; /* the first of its nelems elements */
    uint16_t weight;
    uint8_t kind, nelems, anchor, has_target, has_source, by_speaker;
} ps_pat;
typedef struct ps_elem {
    uint32_t alt0;   /* the first of its nalt words */
    uint32_t altset; /* its word set + 1; 0: none */
    uint8_t kind, nalt, func, need_actor;
} ps_elem;
typedef struct ps_word {
    uint32_t surface, lemma; /* pool offsets */
    uint32_t sh, lh;
} ps_word;
typedef struct ps_set { uint64_t w[NE_PE_ALTSET / 64]; } ps_set;

enum { PN_PATS, PN_ELEMS, PN_WORDS, PN_SETS, PN_LISTS, PN_ORDER, PN_LISTAT, PN_ENTRIES, PN_BUCKETS, PN_KEYS, PN_AT,
       PN_IDX, PN_POOL, PN_COUNT };
#define PN_CAP PN_COUNT /* the count after the tables': the index's slots */
/* Item size of each table, in the order they follow one another. */
static const size_t ps_item[PN_COUNT] = {sizeof(ps_pat),       sizeof(ps_elem),     sizeof(ps_word),
                                         sizeof(ps_set),       sizeof(uint16_t),    sizeof(uint32_t),
                                         sizeof(uint32_t),     sizeof(ne_pi_entry), sizeof(ne_pi_bucket),
                                         sizeof(ne_pi_keys),   sizeof(uint32_t),    sizeof(uint16_t),
                                         1};

static void ps_head(ne_snap_head *h) {
    const uint32_t layout[7] = {0x01020304u,     sizeof(ps_pat),   sizeof(ps_elem), sizeof(ps_word),
                                sizeof(ps_set), sizeof(uint16_t),
                                (uint32_t)(sizeof(ne_pi_entry) << 20 | sizeof(ne_pi_bucket) << 12 | sizeof(ne_pi_keys))};
    neSnap_head_init(h, "NEPSNAP\n", layout);
}

/* Byte offsets of the tables for counts n (off[PN_COUNT]: the body's
** size), each 8-byte aligned; -1 when they cannot fit. */
static int ps_offsets(const uint64_t *n, uint64_t *off) {
    off[0] = 0;
    for (int k = 0; k < PN_COUNT; k++) {
        if (n[k] > UINT32_MAX) return -1;
        off[k + 1] = (off[k] + n[k] * ps_item[k] + 7) & ~(uint64_t)7;
    }
    return off[PN_COUNT] > NE_SNAP_MAX_BODY ? -1 : 0;
}

/* The files the patterns are built from: the .txt files of DATA/patterns (as
** "patterns/NAME", in the order pattern.c reads them, nePattern_files) and
** the lexicon's (lemmas and word classes of the words come from it). */
static int ps_sources(const struct ne_engine *e, ne_buf *out) {
    char dir[1024], path[2048];
    if (neU_path(dir, sizeof dir, e->data_dir, "patterns")) return NE_NOTFOUND;
    ne_arena ar;
    char **names;
    size_t n;
    neA_init(&ar);
    int rc = nePattern_files(&ar, dir, &names, &n);
    for (size_t i = 0; rc == NE_OK && i < n; i++) {
        char name[1100];
        snprintf(name, sizeof name, "patterns/%s", names[i]);
        rc = neU_path(path, sizeof path, e->data_dir, name) ? NE_NOTFOUND : neSnap_source(out, path, name);
    }
    neA_free(&ar);
    return rc == NE_OK ? neLemma_sources(e, out) : rc;
}

/* ---- writing ---- */

/* The string pool being written: each string once (open addressing on
** ne_hash over pool offsets). */
typedef struct ps_pool {
    ne_buf b;
    uint32_t *slot; /* offset, 0: empty */
    size_t cap, n;
} ps_pool;

/* The pool offset of string s (added when new); 0 on NOMEM (offset 0 is
** the pool's leading NUL, which no string gets). */
static uint32_t pool_str(ps_pool *p, const char *s) {
    size_t n = strlen(s);
    if ((p->n + 1) * 2 > p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 8192;
        uint32_t *slot = neM_calloc(cap, sizeof *slot);
        if (!slot) return 0;
        for (size_t i = 0; i < p->cap; i++) {
            if (!p->slot[i]) continue;
            const char *t = p->b.p + p->slot[i];
            size_t k = ne_hash(t, strlen(t)) & (cap - 1);
            while (slot[k]) k = (k + 1) & (cap - 1);
            slot[k] = p->slot[i];
        }
        neM_free(p->slot);
        p->slot = slot, p->cap = cap;
    }
    size_t k = ne_hash(s, n) & (p->cap - 1);
    for (; p->slot[k]; k = (k + 1) & (p->cap - 1))
        if (!strcmp(p->b.p + p->slot[k], s)) return p->slot[k];
    uint32_t off = (uint32_t)p->b.len;
    neB_add(&p->b, s, n + 1);
    if (p->b.err || p->b.len > UINT32_MAX) return 0;
    p->slot[k] = off;
    p->n++;
    return off;
}

/* One pattern's element el into the tables being written (e: elements, w:
** words, s: word sets); NE_OK or NE_NOMEM. */
static int put_elem(ps_pool *pool, ne_vec *e, ne_vec *w, ne_vec *s, ne_arena *ar, const ne_pelem *el) {
    ps_elem *pe = neV_push(ar, e);
    if (!pe) return NE_NOMEM;
    *pe = (ps_elem){.alt0 = (uint32_t)w->n, .kind = el->kind, .nalt = el->nalt, .func = el->func,
                    .need_actor = el->need_actor};
    for (int k = 0; k < el->nalt; k++) {
        ps_word *pw = neV_push(ar, w);
        if (!pw) return NE_NOMEM;
        *pw = (ps_word){pool_str(pool, el->alt[k].surface), pool_str(pool, el->alt[k].lemma), el->alt[k].sh,
                        el->alt[k].lh};
        if (!pw->surface || !pw->lemma) return NE_NOMEM;
    }
    if (el->altset) {
        ps_set *set = neV_push(ar, s);
        if (!set) return NE_NOMEM;
        memcpy(set->w, el->altset, sizeof set->w);
        ((ps_elem *)e->items)[e->n - 1].altset = (uint32_t)s->n;
    }
    return NE_OK;
}

/* The tables of the parsed patterns p into t[PN_POOL] vectors and pool. */
static int put_patterns(ne_patterns *p, ps_pool *pool, ne_vec *t, ne_arena *ar) {
    const ne_vec *pats = nePattern_list(p);
    for (size_t i = 0; i < pats->n; i++) {
        const ne_pattern *pt = NE_VEC_AT(*pats, ne_pattern, i);
        ps_pat *pp = neV_push(ar, &t[PN_PATS]);
        if (!pp) return NE_NOMEM;
        *pp = (ps_pat){.text = pool_str(pool, pt->text), .code = pt->cameo ? pool_str(pool, pt->cameo->code) : 0,
                       .elem0 = (uint32_t)t[PN_ELEMS].n, .weight = pt->weight, .kind = (uint8_t)pt->kind,
                       .nelems = pt->nelems, .anchor = pt->anchor, .has_target = pt->has_target,
                       .has_source = pt->has_source, .by_speaker = pt->by_speaker};
        if (!pp->text || (pt->cameo && !pp->code)) return NE_NOMEM;
        for (int k = 0; k < pt->nelems; k++)
            if (put_elem(pool, &t[PN_ELEMS], &t[PN_WORDS], &t[PN_SETS], ar, &pt->elems[k])) return NE_NOMEM;
    }
    size_t len;
    const uint16_t *lists = nePattern_lists(p, &len);
    if (!lists || neV_reserve(ar, &t[PN_LISTS], len + 1)) return NE_NOMEM;
    memcpy(t[PN_LISTS].items, lists, len * sizeof *lists);
    t[PN_LISTS].n = len;
    return NE_OK;
}

/* The tables of p's anchor index (built) into t[PN_ORDER .. PN_IDX] (over
** arrays in ar) and *cap. */
static int put_index(ne_patterns *p, ne_vec *t, ne_arena *ar, uint64_t *cap) {
    ne_pindex ix;
    if (nePattern_index_get(p, ar, &ix)) return NE_NOMEM;
    const void *tab[] = {ix.order, ix.list_at, ix.entries, ix.buckets, ix.keys, ix.at, ix.idx};
    const size_t n[] = {ix.n, ix.n, ix.n, ix.nbuckets, ix.nkeys, ix.nat, ix.nidx};
    for (int k = PN_ORDER; k <= PN_IDX; k++)
        t[k] = (ne_vec){(void *)tab[k - PN_ORDER], n[k - PN_ORDER], n[k - PN_ORDER], ps_item[k]};
    *cap = ix.cap;
    return NE_OK;
}

/* The snapshot body of the parsed patterns p: *body (neM_malloc'd), its
** size and the table counts n[PN_COUNT]. */
static int ps_body(ne_patterns *p, char **body, uint64_t *size, uint64_t *n) {
    ps_pool pool = {0};
    ne_arena ar;
    ne_vec t[PN_POOL];
    neA_init(&ar);
    for (int k = 0; k < PN_POOL; k++) neV_init(&t[k], ps_item[k]);
    neB_init(&pool.b, (size_t)1 << 31);
    neB_addc(&pool.b, 0);
    int rc = put_patterns(p, &pool, t, &ar);
    if (rc == NE_OK) rc = put_index(p, t, &ar, &n[PN_CAP]);
    uint64_t off[PN_COUNT + 1];
    for (int k = 0; k < PN_POOL; k++) n[k] = t[k].n;
    n[PN_POOL] = pool.b.len;
    if (rc == NE_OK && ps_offsets(n, off)) rc = NE_DATA;
    if (rc == NE_OK && !(*body = neM_calloc(off[PN_COUNT] ? off[PN_COUNT] : 1, 1))) rc = NE_NOMEM;
    for (int k = 0; rc == NE_OK && k < PN_POOL; k++)
        if (t[k].n) memcpy(*body + off[k], t[k].items, t[k].n * ps_item[k]);
    if (rc == NE_OK) memcpy(*body + off[PN_POOL], pool.b.p, pool.b.len), *size = off[PN_COUNT];
    neB_free(&pool.b);
    neM_free(pool.slot);
    neA_free(&ar);
    return rc;
}

int nePattern_compile(struct ne_engine *e, const char *path) {
    ne_buf src;
    int rc = neSnap_sources(e, ps_sources, &src, e->data_dir, "pattern files");
    if (rc == NE_OK) rc = nePattern_load_text(e);
    if (rc == NE_OK) rc = nePattern_build(e, e->patterns);
    char *body = NULL;
    ne_snap_head h;
    ps_head(&h);
    uint64_t size = 0;
    if (rc == NE_OK && (rc = ps_body(e->patterns, &body, &size, h.n)))
        rc = ne_engine_fail(e, rc, rc == NE_NOMEM ? "out of memory" : "patterns too large for a snapshot");
    if (rc == NE_OK) rc = neSnap_write(e, path, &h, &src, body, size);
    neM_free(body);
    neB_free(&src);
    return rc;
}

/* ---- reading ---- */

/* The tables of a snapshot body as read (pointers into it). */
typedef struct ps_tabs {
    const ps_pat *pat;
    const ps_elem *elem;
    const ps_word *word;
    const ps_set *set;
    const uint16_t *list;
    const char *pool;
    ne_pindex ix; /* read only from a verified snapshot */
    uint64_t n[PN_COUNT];
} ps_tabs;

static int str_ok(const ps_tabs *t, uint32_t off) { return off < t->n[PN_POOL]; }

/* Is element el sound: a known kind, its words and word set in range? */
static int elem_ok(const ps_tabs *t, const ps_elem *el) {
    int words = el->kind == NE_PE_WORD || el->kind == NE_PE_OPT;
    if (el->kind > NE_PE_SOURCE || (words ? !el->nalt : el->nalt || el->altset) || el->altset > t->n[PN_SETS] ||
        (uint64_t)el->alt0 + el->nalt > t->n[PN_WORDS])
        return 0;
    for (uint32_t k = el->alt0; k < el->alt0 + el->nalt; k++)
        if (!str_ok(t, t->word[k].surface) || !str_ok(t, t->word[k].lemma)) return 0;
    return 1;
}

/* Is pattern pp sound: one the parser (pattern.c, finish_pattern) could
** have made, whose invariants the matcher (event.c) relies on: its elements
** in range and sound, its anchor the first word of one alternative (not
** "-"), at most one '+' and one '$' (has_target, has_source 0 or 1 as
** counted), '@' only on a noun pattern without them, no '...' at either
** end, the weight of its elements, its strings in the pool? */
static int pat_ok(const ps_tabs *t, const ps_pat *pp) {
    if ((pp->kind != 'v' && pp->kind != 'n') || !pp->nelems || pp->anchor >= pp->nelems ||
        (uint64_t)pp->elem0 + pp->nelems > t->n[PN_ELEMS] || !str_ok(t, pp->text) || !str_ok(t, pp->code))
        return 0;
    const ps_elem *el = &t->elem[pp->elem0];
    int anchor = -1, targets = 0, sources = 0, weight = 0;
    for (int k = 0; k < pp->nelems; k++) {
        if (!elem_ok(t, &el[k])) return 0;
        const char *w0 = el[k].nalt ? t->pool + t->word[el[k].alt0].surface : "";
        if (anchor < 0 && el[k].kind == NE_PE_WORD && el[k].nalt == 1 && strcmp(w0, "-")) anchor = k;
        targets += el[k].kind == NE_PE_TARGET;
        sources += el[k].kind == NE_PE_SOURCE;
        weight += el[k].kind == NE_PE_WORD ? 2 : el[k].kind == NE_PE_TARGET || el[k].kind == NE_PE_SOURCE;
    }
    return anchor == pp->anchor && targets == pp->has_target && sources == pp->has_source && targets <= 1 &&
           sources <= 1 && pp->by_speaker <= 1 && (!pp->by_speaker || (!targets && !sources)) &&
           el[0].kind != NE_PE_GAP && el[pp->nelems - 1].kind != NE_PE_GAP && weight == pp->weight;
}

/* The tables of body (h's counts) when they are sound; -1 otherwise.  With
** verified 1 (its checksum matched: this build wrote it, snap.h) the
** patterns are not checked again (pat_ok: 7.4M instructions at open). */
static int ps_tables(const ne_snap_head *h, const void *body, int verified, ps_tabs *t) {
    uint64_t off[PN_COUNT + 1];
    memcpy(t->n, h->n, sizeof t->n);
    if (ps_offsets(t->n, off) || off[PN_COUNT] != h->body_bytes) return -1;
    const char *b = body;
    t->pat = (const ps_pat *)(const void *)(b + off[PN_PATS]);
    t->elem = (const ps_elem *)(const void *)(b + off[PN_ELEMS]);
    t->word = (const ps_word *)(const void *)(b + off[PN_WORDS]);
    t->set = (const ps_set *)(const void *)(b + off[PN_SETS]);
    t->list = (const uint16_t *)(const void *)(b + off[PN_LISTS]);
    t->pool = b + off[PN_POOL];
    t->ix = (ne_pindex){.order = (const uint32_t *)(const void *)(b + off[PN_ORDER]),
                        .list_at = (const uint32_t *)(const void *)(b + off[PN_LISTAT]),
                        .entries = (const ne_pi_entry *)(const void *)(b + off[PN_ENTRIES]),
                        .n = t->n[PN_ORDER],
                        .buckets = (const ne_pi_bucket *)(const void *)(b + off[PN_BUCKETS]),
                        .nbuckets = t->n[PN_BUCKETS],
                        .cap = h->n[PN_CAP],
                        .keys = (const ne_pi_keys *)(const void *)(b + off[PN_KEYS]),
                        .nkeys = t->n[PN_KEYS],
                        .at = (const uint32_t *)(const void *)(b + off[PN_AT]),
                        .nat = t->n[PN_AT],
                        .idx = (const uint16_t *)(const void *)(b + off[PN_IDX]),
                        .nidx = t->n[PN_IDX]};
    if (!t->n[PN_POOL] || t->pool[0] || t->pool[t->n[PN_POOL] - 1]) return -1; /* strings end inside it */
    for (uint64_t i = 0; !verified && i < t->n[PN_PATS]; i++)
        if (!pat_ok(t, &t->pat[i])) return -1;
    return 0; /* the lists: nePattern_set_lists */
}

/* The pool, ne_pword, word set and ne_pelem arrays of tables t copied into
** p's arena (pointers for offsets and indexes): *pool and *elems. */
static int ps_elems(const ps_tabs *t, ne_patterns *p, const char **pool, ne_pelem **elems) {
    ne_arena *ar = nePattern_arena(p);
    char *pl = neA_alloc(ar, t->n[PN_POOL]);
    ne_pword *w = neA_alloc(ar, (t->n[PN_WORDS] + 1) * sizeof *w);
    uint64_t *sets = neA_alloc(ar, (t->n[PN_SETS] + 1) * sizeof(ps_set));
    ne_pelem *el = neA_alloc(ar, (t->n[PN_ELEMS] + 1) * sizeof *el);
    if (!pl || !w || !sets || !el) return NE_NOMEM;
    memcpy(pl, t->pool, t->n[PN_POOL]);
    if (t->n[PN_SETS]) memcpy(sets, t->set, t->n[PN_SETS] * sizeof(ps_set));
    for (uint64_t k = 0; k < t->n[PN_WORDS]; k++) {
        const ps_word *pw = &t->word[k];
        w[k] = (ne_pword){pl + pw->surface, pl + pw->lemma, pw->sh, pw->lh};
    }
    for (uint64_t k = 0; k < t->n[PN_ELEMS]; k++) {
        const ps_elem *pe = &t->elem[k];
        el[k] = (ne_pelem){.kind = pe->kind, .nalt = pe->nalt, .func = pe->func, .need_actor = pe->need_actor,
                           .alt = pe->nalt ? &w[pe->alt0] : NULL,
                           .altset = pe->altset ? sets + (pe->altset - 1) * (NE_PE_ALTSET / 64) : NULL};
    }
    *pool = pl, *elems = el;
    return NE_OK;
}

/* e->patterns from sound tables t, built from their index when verified
** (ps_tables), else parsed, not built: NE_OK, NE_NOMEM, or NE_NOTFOUND when
** a pattern's CAMEO code is not in e's table (stale). */
static int ps_patterns(struct ne_engine *e, const ps_tabs *t, int verified) {
    ne_patterns *p = e->patterns = nePattern_new();
    const char *pool;
    ne_pelem *elems;
    if (!p || ps_elems(t, p, &pool, &elems)) return NE_NOMEM;
    ne_vec *pats = nePattern_list(p);
    if (neV_reserve(nePattern_arena(p), pats, t->n[PN_PATS] + 1)) return NE_NOMEM;
    for (uint64_t i = 0; i < t->n[PN_PATS]; i++) {
        const ps_pat *pp = &t->pat[i];
        const ne_cameo_code *cc = pp->code ? neCameo_get(e->cameo, pool + pp->code) : NULL;
        if (pp->code && !cc) return NE_NOTFOUND;
        ne_pattern *pt = neV_push(nePattern_arena(p), pats);
        if (!pt) return NE_NOMEM;
        *pt = (ne_pattern){.cameo = cc, .kind = (char)pp->kind, .nelems = pp->nelems, .anchor = pp->anchor,
                           .has_target = pp->has_target, .has_source = pp->has_source, .by_speaker = pp->by_speaker,
                           .weight = pp->weight, .elems = &elems[pp->elem0], .text = pool + pp->text};
    }
    if (verified) return nePattern_index_set(p, &t->ix, t->list, t->n[PN_LISTS]);
    int rc = nePattern_set_lists(p, t->list, t->n[PN_LISTS]);
    return rc == NE_DATA ? NE_NOTFOUND : rc; /* not one sound list per pattern */
}

/* e->patterns from snapshot body (header h) when it is sound (verified:
** as ps_tables); NE_OK, NE_NOMEM, NE_NOTFOUND (damaged or stale:
** e->patterns stays NULL). */
static int ps_from_body(struct ne_engine *e, const ne_snap_head *h, const void *body, int verified) {
    ps_tabs t;
    int rc = ps_tables(h, body, verified, &t) ? NE_NOTFOUND : ps_patterns(e, &t, verified);
    if (rc != NE_OK) {
        nePattern_free(e->patterns);
        e->patterns = NULL;
    }
    return rc;
}

int nePattern_snap_parse(struct ne_engine *e, const void *data, size_t len, int verify_hash) {
    ne_snap_head want, h;
    void *body;
    ps_head(&want);
    int rc = neSnap_parse(data, len, &want, verify_hash, &h, &body);
    if (rc != NE_OK) return rc;
    rc = ps_from_body(e, &h, body, verify_hash);
    neSnap_free(body, h.body_bytes);
    return rc == NE_NOTFOUND ? NE_DATA : rc;
}

int nePattern_snap_load(struct ne_engine *e) {
    ne_snap_head want, h;
    void *body;
    ps_head(&want);
    int rc = neSnap_load(e, PS_FILE, &want, ps_sources, &h, &body);
    if (rc == NE_OK) {
        rc = ps_from_body(e, &h, body, 1);
        neSnap_free(body, h.body_bytes);
    }
    return rc == NE_NOMEM ? ne_engine_fail(e, NE_NOMEM, "out of memory loading patterns") : rc;
}
