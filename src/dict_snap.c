/* dict_snap.c: the compiled dictionaries saved as one binary file beside the
** text files (dictionaries.snap, docs/DICTIONARIES.md "Compiled snapshot"),
** so that engine open reads the tables instead of parsing 15 MB of text.  The
** text stays the one source of truth: the snapshot is used only when its
** header names this build's code and every source file's size and time. */
#include "dictInt.h"
#include "snap.h"

#include <stdio.h>
#include <string.h>

#define SNAP_FILE "dictionaries.snap"
#define SNAP_MAGIC "NEDSNAP\n"
#define SNAP_ALIGN 64

/* The counts of the tables, in the header's n[]. */
enum { SN_POOL, SN_VOCAB_CAP, SN_VOCAB_N, SN_EDGE_CAP, SN_EDGE_N, SN_NODE_N, SN_HIT_N, SN_ENT_N, SN_CODE_N,
       SN_FILE_N, SN_NGROUPS, SN_NINTL, SN_COUNT };
/* The body's sections, in file order. */
enum { SS_POOL, SS_VOCAB, SS_EDGES, SS_NODES, SS_HITS, SS_ENT, SS_CODES, SS_GROUPS, SS_COUNT };

/* The header this build writes and reads: the byte order and item sizes. */
static void head_init(ne_snap_head *h) {
    const uint32_t layout[7] = {0x01020304u, sizeof(vslot), sizeof(edge), sizeof(dnode), sizeof(dhit),
                                sizeof(ne_dentry), sizeof(dcode)};
    neSnap_head_init(h, SNAP_MAGIC, layout);
}

static uint64_t align_up(uint64_t x) { return (x + SNAP_ALIGN - 1) & ~(uint64_t)(SNAP_ALIGN - 1); }

/* Offsets of the sections for counts n (off[SS_COUNT] = the body's size);
** -1 when a count is out of range. */
static int snap_offsets(const uint64_t *n, uint64_t *off) {
    for (int i = 0; i < SN_COUNT; i++)
        if (n[i] > UINT32_MAX) return -1;
    const uint64_t bytes[SS_COUNT] = {n[SN_POOL], n[SN_VOCAB_CAP] * sizeof(vslot), n[SN_EDGE_CAP] * sizeof(edge),
                                      n[SN_NODE_N] * sizeof(dnode), n[SN_HIT_N] * sizeof(dhit),
                                      n[SN_ENT_N] * sizeof(ne_dentry), n[SN_CODE_N] * sizeof(dcode),
                                      2 * 128 * 4};
    uint64_t o = 0;
    for (int i = 0; i < SS_COUNT; i++) {
        off[i] = o;
        o = align_up(o + bytes[i]);
    }
    off[SS_COUNT] = o;
    return o <= NE_SNAP_MAX_BODY ? 0 : -1;
}

/* The source list (neSnap_source) of the files the dictionaries are built
** from (src[0, n), neDict_sources), named relative to the data directory;
** *nfiles: the entry files. */
static int snap_list(const ne_dsrc *src, size_t n, ne_buf *out, size_t *nfiles) {
    int rc = NE_OK;
    *nfiles = 0;
    for (size_t i = 0; rc == NE_OK && i < n; i++) {
        rc = neSnap_source(out, src[i].path, src[i].path + src[i].rel);
        *nfiles += src[i].kind == NE_SRC_FILE;
    }
    return rc;
}

/* The same for the files of data directory dir. */
static int snap_sources(struct ne_engine *e, const char *dir, ne_buf *out, size_t *nfiles) {
    ne_dsrc *src;
    size_t n;
    int rc = neDict_sources(e, dir, &src, &n);
    if (rc == NE_OK) rc = snap_list(src, n, out, nfiles);
    neDict_sources_free(src, n);
    return rc;
}

/* ---- validation: a snapshot that passes cannot make a lookup read out of
** bounds (run when its checksum was not verified: neDict_snap_parse) ---- */

/* Every vocabulary slot: a word in the pool, an id, a root child (a node of
** depth 1, the root its parent[]: no other word's); at least one empty slot
** (probes stop there). */
static int check_vocab(const ne_dict *dc, uint32_t *parent) {
    size_t empty = 0;
    for (size_t i = 1; i < dc->node_n; i++) parent[i] = UINT32_MAX;
    for (size_t i = 0; i < dc->vocab_cap; i++) {
        const vslot *v = &dc->vocab[i];
        if (!v->off) { empty++; continue; }
        if ((uint64_t)v->off + v->len >= dc->pool.len || !v->id || v->id > dc->vocab_n ||
            v->root >= dc->node_n || (v->root && parent[v->root] != UINT32_MAX))
            return -1;
        if (v->root) parent[v->root] = 0;
    }
    return empty ? 0 : -1;
}

/* Every edge: 0 < parent < child < node_n, a token id, one parent per
** child (the root children's taken by check_vocab); then each node's depth
** (<= MAX_NAME_TOKENS) into depth[]. */
static int check_edges(const ne_dict *dc, uint32_t *parent, uint8_t *depth) {
    size_t empty = 0;
    for (size_t i = 0; i < dc->edge_cap; i++) {
        const edge *g = &dc->edges[i];
        if (!g->key) { empty++; continue; }
        uint64_t p = g->key >> 32, tok = g->key & UINT32_MAX;
        if (!tok || tok > dc->vocab_n || !p || p >= g->child || g->child >= dc->node_n ||
            parent[g->child] != UINT32_MAX)
            return -1;
        parent[g->child] = (uint32_t)p;
    }
    depth[0] = 0;
    for (size_t c = 1; c < dc->node_n; c++) {
        if (parent[c] == UINT32_MAX || depth[parent[c]] >= MAX_NAME_TOKENS) return -1;
        depth[c] = (uint8_t)(depth[parent[c]] + 1);
    }
    return empty ? 0 : -1;
}

/* Every hit chain: hits in range, each on one chain only (so no cycle), of
** as many tokens (at least one) as its node's depth, of a known type and
** entry.  A hit on no chain is never read. */
static int check_hits(const ne_dict *dc, const uint8_t *depth, uint8_t *seen) {
    for (size_t c = 0; c < dc->node_n; c++) {
        for (uint32_t h = dc->nodes[c].hit; h; h = dc->hits[h].next) {
            if (h >= dc->hit_n || seen[h]) return -1;
            const dhit *x = &dc->hits[h];
            if (!x->ntok || x->ntok != depth[c] || x->exact_tok > x->ntok || x->entry >= dc->ent_n ||
                x->type >= NE_DT_COUNT)
                return -1;
            seen[h] = 1;
        }
    }
    return 0;
}

static int check_entries(const ne_dict *dc) {
    for (size_t i = 0; i < dc->ent_n; i++) {
        const ne_dentry *x = &dc->ent[i];
        if (x->name >= dc->pool.len || x->admin1 >= dc->pool.len || (uint64_t)x->code0 + x->ncodes > dc->code_n ||
            x->type >= NE_DT_COUNT || x->pkind > NE_PK_FEATURE || x->file >= dc->file_n)
            return -1;
    }
    for (size_t i = 0; i < dc->code_n; i++)
        if (dc->codes[i].code >= dc->pool.len) return -1;
    return 0;
}

static int snap_check(const ne_dict *dc) {
    if (!dc->pool.len || dc->pool.p[0] || dc->pool.p[dc->pool.len - 1] || !dc->node_n ||
        (dc->vocab_cap & (dc->vocab_cap - 1)) || (dc->edge_cap & (dc->edge_cap - 1)) ||
        dc->ngroups > 128 || dc->nintl > 128)
        return -1;
    uint32_t *parent = neM_malloc(dc->node_n * sizeof *parent);
    uint8_t *depth = neM_malloc(dc->node_n), *seen = neM_calloc(dc->hit_n + 1, 1);
    int rc = parent && depth && seen ? 0 : -2;
    if (!rc && (check_vocab(dc, parent) || check_edges(dc, parent, depth) || check_hits(dc, depth, seen) ||
                check_entries(dc)))
        rc = -1;
    neM_free(parent);
    neM_free(depth);
    neM_free(seen);
    return rc;
}

/* ---- reading ---- */

/* The dictionary over a snapshot's body (h's counts), which it takes over
** on success; NULL when the body is damaged (*nomem set on NOMEM).  With
** verified 1 (its checksum matched: this build wrote it, snap.h) the
** tables are not checked again (snap_check: 22.8M instructions at open). */
static ne_dict *snap_dict(const ne_snap_head *h, void *body, int verified, int *nomem) {
    uint64_t off[SS_COUNT + 1];
    const uint64_t *n = h->n;
    *nomem = 0;
    if (snap_offsets(n, off) || off[SS_COUNT] != h->body_bytes) return NULL;
    ne_dict *dc = neM_calloc(1, sizeof *dc);
    if (!dc) { *nomem = 1; return NULL; }
    dc->serial = neU_serial();
    char *b = body;
    dc->pool = (ne_buf){b + off[SS_POOL], n[SN_POOL], n[SN_POOL], n[SN_POOL], 0};
    dc->vocab = (vslot *)(void *)(b + off[SS_VOCAB]);
    dc->vocab_cap = n[SN_VOCAB_CAP], dc->vocab_n = n[SN_VOCAB_N];
    dc->edges = (edge *)(void *)(b + off[SS_EDGES]);
    dc->edge_cap = n[SN_EDGE_CAP], dc->edge_n = n[SN_EDGE_N];
    dc->nodes = (dnode *)(void *)(b + off[SS_NODES]);
    dc->node_n = dc->node_cap = n[SN_NODE_N];
    dc->hits = (dhit *)(void *)(b + off[SS_HITS]);
    dc->hit_n = dc->hit_cap = n[SN_HIT_N];
    dc->ent = (ne_dentry *)(void *)(b + off[SS_ENT]);
    dc->ent_n = dc->ent_cap = n[SN_ENT_N];
    dc->codes = (dcode *)(void *)(b + off[SS_CODES]);
    dc->code_n = dc->code_cap = n[SN_CODE_N];
    dc->file_n = n[SN_FILE_N];
    dc->ngroups = n[SN_NGROUPS], dc->nintl = n[SN_NINTL];
    memcpy(dc->groups, b + off[SS_GROUPS], sizeof dc->groups);
    memcpy(dc->intl, b + off[SS_GROUPS] + sizeof dc->groups, sizeof dc->intl);
    for (int i = 0; i < 128; i++) dc->groups[i][3] = dc->intl[i][3] = 0;
    int rc = verified ? 0 : snap_check(dc);
    if (rc) {
        *nomem = rc == -2;
        neM_free(dc);
        return NULL;
    }
    dc->snap = body;
    dc->snap_bytes = h->body_bytes;
    return dc;
}

int neDict_snap_parse(const void *data, size_t len, int verify_hash, ne_dict **out) {
    ne_snap_head want, h;
    void *body;
    head_init(&want);
    *out = NULL;
    int rc = neSnap_parse(data, len, &want, verify_hash, &h, &body), nomem = 0;
    if (rc != NE_OK) return rc;
    if ((*out = snap_dict(&h, body, verify_hash, &nomem))) return NE_OK;
    neSnap_free(body, h.body_bytes);
    return nomem ? NE_NOMEM : NE_DATA;
}

/* dc->files: the entry files' paths, as the text loader names them, taken
** from src[0, n). */
static int snap_files(ne_dict *dc, ne_dsrc *src, size_t n) {
    size_t k = 0;
    dc->files = neM_calloc(dc->file_n + 1, sizeof *dc->files);
    if (!dc->files) return NE_NOMEM;
    for (size_t i = 0; i < n; i++) {
        if (src[i].kind != NE_SRC_FILE || k >= dc->file_n) continue;
        dc->files[k++] = src[i].path; /* taken over */
        src[i].path = NULL;
    }
    dc->file_cap = dc->file_n = k;
    return NE_OK;
}

int neDict_snap_load(struct ne_engine *e) {
    char path[4096];
    if (neU_path(path, sizeof path, e->data_dir, SNAP_FILE)) return NE_NOTFOUND;
    ne_snap_head want, h;
    ne_buf list;
    ne_dsrc *src;
    void *body = NULL;
    size_t n, nfiles = 0;
    int nomem = 0;
    head_init(&want);
    neB_init(&list, (size_t)1 << 20);
    int rc = neDict_sources(e, e->data_dir, &src, &n);
    if (rc == NE_OK) rc = snap_list(src, n, &list, &nfiles);
    else if (rc != NE_NOMEM) rc = NE_NOTFOUND; /* the text loader reports it */
    if (rc == NE_OK) rc = neSnap_read(path, &want, &list, &h, &body);
    neB_free(&list);
    ne_dict *dc = rc == NE_OK && h.n[SN_FILE_N] == nfiles ? snap_dict(&h, body, 1, &nomem) : NULL;
    if (rc == NE_OK && !dc) {
        neSnap_free(body, h.body_bytes);
        rc = nomem ? NE_NOMEM : NE_NOTFOUND;
    }
    if (rc == NE_OK && snap_files(dc, src, n)) rc = NE_NOMEM;
    if (dc) e->dict = dc; /* freed with the engine, also after a failure here */
    neDict_sources_free(src, n);
    return rc == NE_NOMEM ? ne_engine_fail(e, NE_NOMEM, "out of memory") : rc;
}

/* ---- writing ---- */

/* The body of dc (section offsets off) into one zeroed buffer. */
static char *snap_body(const ne_dict *dc, const uint64_t *off) {
    char *b = neM_calloc(off[SS_COUNT] ? off[SS_COUNT] : 1, 1);
    if (!b) return NULL;
    memcpy(b + off[SS_POOL], dc->pool.p, dc->pool.len);
    if (dc->vocab_cap) memcpy(b + off[SS_VOCAB], dc->vocab, dc->vocab_cap * sizeof(vslot));
    if (dc->edge_cap) memcpy(b + off[SS_EDGES], dc->edges, dc->edge_cap * sizeof(edge));
    memcpy(b + off[SS_NODES], dc->nodes, dc->node_n * sizeof(dnode));
    if (dc->hit_n) memcpy(b + off[SS_HITS], dc->hits, dc->hit_n * sizeof(dhit));
    if (dc->ent_n) memcpy(b + off[SS_ENT], dc->ent, dc->ent_n * sizeof(ne_dentry));
    if (dc->code_n) memcpy(b + off[SS_CODES], dc->codes, dc->code_n * sizeof(dcode));
    memcpy(b + off[SS_GROUPS], dc->groups, sizeof dc->groups);
    memcpy(b + off[SS_GROUPS] + sizeof dc->groups, dc->intl, sizeof dc->intl);
    return b;
}

/* Write dc as a snapshot to path. */
static int snap_write(struct ne_engine *e, const ne_dict *dc, const ne_buf *src, const char *path) {
    ne_snap_head h;
    head_init(&h);
    const uint64_t n[SN_COUNT] = {dc->pool.len, dc->vocab_cap, dc->vocab_n, dc->edge_cap, dc->edge_n, dc->node_n,
                                  dc->hit_n, dc->ent_n, dc->code_n, dc->file_n, dc->ngroups, dc->nintl};
    memcpy(h.n, n, sizeof n);
    uint64_t off[SS_COUNT + 1];
    if (snap_offsets(h.n, off)) return ne_engine_fail(e, NE_DATA, "dictionaries too large for a snapshot");
    char *body = snap_body(dc, off);
    if (!body) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    int rc = neSnap_write(e, path, &h, src, body, off[SS_COUNT]);
    neM_free(body);
    return rc;
}

/* DIR/patterns.snap: the pattern files parsed with the lexicon of
** compile_lemmas and DIR's CAMEO table (pattern_snap.c). */
static int compile_patterns(struct ne_engine *e, const char *dir) {
    char path[4096];
    if (neU_path(path, sizeof path, dir, "patterns.snap")) return ne_engine_fail(e, NE_IO, "%s: path too long", dir);
    int rc = neCameo_load(e);
    return rc ? rc : nePattern_compile(e, path);
}

/* DIR/lemmas.snap: the lexicon of the default WordNet directory (lemma.c). */
static int compile_lemmas(struct ne_engine *e, const char *dir) {
    char path[4096];
    if (neU_path(path, sizeof path, dir, "lemmas.snap")) return ne_engine_fail(e, NE_IO, "%s: path too long", dir);
    e->wordnet_dir = neM_malloc(sizeof NE_WORDNET_DIR);
    if (!e->wordnet_dir) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    memcpy(e->wordnet_dir, NE_WORDNET_DIR, sizeof NE_WORDNET_DIR);
    return neLemma_compile(e, path);
}

int ne_dict_compile(const char *dir, const char *out, char *errmsg, size_t errcap) {
    struct ne_engine *e = neM_calloc(1, sizeof *e);
    if (!e) return NE_NOMEM;
    size_t dl = strlen(dir);
    e->data_dir = neM_malloc(dl + 1);
    int rc = e->data_dir ? NE_OK : ne_engine_fail(e, NE_NOMEM, "out of memory");
    ne_buf src;
    neB_init(&src, (size_t)1 << 20);
    size_t nfiles = 0;
    if (rc == NE_OK) {
        memcpy(e->data_dir, dir, dl + 1);
        rc = neSent_load(e);
    }
    if (rc == NE_OK) rc = snap_sources(e, dir, &src, &nfiles); /* before parsing: a file changed meanwhile is stale */
    if (rc == NE_NOMEM || rc == NE_NOTFOUND) rc = ne_engine_fail(e, rc, "%s: cannot list the dictionary files", dir);
    if (rc == NE_OK) rc = neDict_load_text(e);
    if (rc == NE_OK && neDict_compact(e->dict)) rc = ne_engine_fail(e, NE_NOMEM, "out of memory");
    char path[4096];
    if (rc == NE_OK && !out && neU_path(path, sizeof path, dir, SNAP_FILE))
        rc = ne_engine_fail(e, NE_IO, "%s: path too long", dir);
    if (rc == NE_OK) rc = snap_write(e, e->dict, &src, out ? out : path);
    if (rc == NE_OK && !out) rc = compile_lemmas(e, dir);
    if (rc == NE_OK && !out) rc = compile_patterns(e, dir);
    if (errmsg && errcap) snprintf(errmsg, errcap, "%s", rc ? e->errmsg : "");
    neB_free(&src);
    ne_engine_close(e); /* the parts this engine has: dictionaries, lemmas, CAMEO, patterns, abbreviations */
    return rc;
}
