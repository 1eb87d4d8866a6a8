/* test_snap.c: the snapshot readers (src/snap.c, dict_snap.c, lemma.c,
** pattern_snap.c) on
** the seeds of fuzz/corpus/snap: the whole file is accepted; every shorter
** prefix and every one-byte change of the tables (the checksum's) are
** refused; no change reads out of bounds (ASan in make test), with the
** checksum or without; a pattern the parser could not have made is
** refused; a document object's word memos are not used with other tables
** (dictionaries, timewords, patterns); a verified pattern snapshot's
** anchor index is the one building it makes; and the AVX2 checksum equals
** the baseline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "dictInt.h"
#include "snap.h"

static char *slurp(const char *name, size_t *n) {
    char path[1024];
    snprintf(path, sizeof path, "%s/fuzz/corpus/snap/%s", NE_SRC_DIR, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *n = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

enum { SNAP_DICT, SNAP_LEMMAS, SNAP_PATTERNS };
/* An engine with the CAMEO table only, which pattern snapshots are read against. */
static struct ne_engine *cameo_engine;

static int parse_patterns(const char *data, size_t n, int verify) {
    struct ne_engine *e = cameo_engine;
    int rc = nePattern_snap_parse(e, data, n, verify);
    assert_true(rc == NE_OK ? e->patterns != NULL : rc == NE_DATA && e->patterns == NULL);
    nePattern_free(e->patterns);
    e->patterns = NULL;
    return rc == NE_OK;
}

/* Parse data as a snapshot of kind lemmas (SNAP_*); 1 when accepted. */
static int parse(const char *data, size_t n, int lemmas, int verify) {
    if (lemmas == SNAP_PATTERNS) return parse_patterns(data, n, verify);
    if (lemmas == SNAP_LEMMAS) {
        ne_lexicon *lx = NULL;
        int rc = neLemma_snap_parse(data, n, verify, &lx);
        assert_true(rc == NE_OK ? lx != NULL : rc == NE_DATA && lx == NULL);
        neLemma_free(lx);
        return rc == NE_OK;
    }
    ne_dict *dc = NULL;
    int rc = neDict_snap_parse(data, n, verify, &dc);
    assert_true(rc == NE_OK ? dc != NULL : rc == NE_DATA && dc == NULL);
    neDict_free(dc);
    return rc == NE_OK;
}

static void check_seed(const char *name, int lemmas) {
    size_t n;
    char *buf = slurp(name, &n);
    assert_true(parse(buf, n, lemmas, 1));
    for (size_t k = 0; k < n; k++) assert_false(parse(buf, k, lemmas, 1)); /* truncated */
    ne_snap_head h;
    memcpy(&h, buf, sizeof h);
    size_t body = sizeof h + h.src_bytes;
    assert_true(body + h.body_bytes == n);
    for (size_t i = 0; i < n; i++) { /* each byte changed: never out of bounds */
        buf[i] ^= 0x40;
        int taken = parse(buf, n, lemmas, 1);
        if (i >= body) assert_false(taken); /* a table byte: the checksum refuses it */
        parse(buf, n, lemmas, 0); /* without the checksum: accepted or refused by the checks */
        buf[i] ^= 0x40;
    }
    free(buf);
}

static void test_dictionary_seed(void **state) {
    (void)state;
    check_seed("small.snap", SNAP_DICT);
}

static void test_lemma_seed(void **state) {
    (void)state;
    check_seed("lemmas-small.snap", SNAP_LEMMAS);
}

/* A pattern the parser could not have made is refused even when the
** checksum is not verified (the matcher relies on the parser's rules): in
** each pattern record (ps_pat, pattern_snap.c: 20 bytes, the weight at 12,
** then kind, nelems, anchor, has_target, has_source, by_speaker), another
** anchor, a slot flag or '@' set against its elements, or another weight. */
static void check_pattern_fields(const char *name) {
    size_t n;
    char *buf = slurp(name, &n);
    ne_snap_head h;
    memcpy(&h, buf, sizeof h);
    assert_int_equal(h.layout[1], 20);
    assert_true(h.n[0] > 0);
    char *pats = buf + sizeof h + h.src_bytes;
    static const size_t fields[] = {12, 16, 17, 18, 19};
    for (uint64_t i = 0; i < h.n[0]; i++) {
        for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
            char *rec = pats + i * 20, *b = rec + fields[f];
            /* '@' on a noun pattern without slots is one the parser makes */
            int valid = fields[f] == 19 && rec[14] == 'n' && !rec[17] && !rec[18] && !rec[19];
            *b ^= 1;
            assert_int_equal(parse(buf, n, SNAP_PATTERNS, 0), valid);
            *b ^= 1;
        }
    }
    assert_true(parse(buf, n, SNAP_PATTERNS, 0));
    free(buf);
}

static void test_pattern_seed(void **state) {
    (void)state;
    static const char dir[] = NE_SRC_DIR "/dictionaries";
    struct ne_engine *e = cameo_engine = neM_calloc(1, sizeof *e);
    assert_non_null(e);
    assert_non_null(e->data_dir = neM_malloc(sizeof dir));
    memcpy(e->data_dir, dir, sizeof dir);
    assert_int_equal(neCameo_load(e), NE_OK);
    check_seed("patterns-small.snap", SNAP_PATTERNS);
    check_pattern_fields("patterns-small.snap");
    ne_engine_close(e);
}

/* The JSON of coding text with e on document d (a copy, to free). */
static char *coded(ne_engine *e, ne_doc *d, const char *text) {
    ne_article a = {0};
    a.id = "memo", a.id_len = 4, a.date = "2024-01-17", a.date_len = 10;
    a.text = text, a.text_len = strlen(text);
    assert_int_equal(ne_code(e, d, &a), NE_OK);
    const char *js;
    size_t len;
    assert_int_equal(ne_doc_write(d, NE_FORMAT_JSON, &js, &len), NE_OK);
    char *copy = malloc(len + 1);
    assert_non_null(copy);
    memcpy(copy, js, len);
    copy[len] = 0;
    return copy;
}

/* Codes text with the document object used, whose memos hold an earlier
** text's words, and with a fresh one; asserts both give the same output
** and returns the fresh one's (the caller frees it). */
static char *coded_as_fresh(ne_engine *e, ne_doc *used, const char *text) {
    ne_doc *fresh = ne_doc_new();
    assert_non_null(fresh);
    char *again = coded(e, used, text), *first = coded(e, fresh, text);
    assert_string_equal(again, first);
    free(again);
    ne_doc_free(fresh);
    return first;
}

/* A document object's word memos (lemma cache, ne_wmemo) remember what the
** dictionaries said of each word: coded with other dictionaries under the
** same lexicon (the engine's swapped for the seed's, as the fuzz target
** does), it must code as a fresh document does, not from the old tables. */
static void test_memo_other_dictionaries(void **state) {
    (void)state;
    static const char text[] = "Pakistan's prime minister Nawaz Sharif met LeT leaders in Peshawar on Monday.";
    ne_engine *e;
    assert_int_equal(ne_engine_open(&e, NULL), NE_OK);
    ne_doc *used = ne_doc_new();
    assert_non_null(used);
    free(coded(e, used, text)); /* memos of the shipped dictionaries */
    size_t n;
    char *buf = slurp("small.snap", &n);
    ne_dict *small = NULL, *shipped = e->dict;
    assert_int_equal(neDict_snap_parse(buf, n, 1, &small), NE_OK);
    e->dict = small;
    char *first = coded_as_fresh(e, used, text);
    e->dict = shipped;
    free(first), free(buf);
    neDict_free(small);
    ne_doc_free(used);
    ne_engine_close(e);
}

/* The same for the timewords (time.txt), whose first-word classes the memos
** keep: coded first with a table that has only January (no "monday"), then
** with the shipped one, a document must still find "on Monday". */
static void test_memo_other_timewords(void **state) {
    (void)state;
    static const char text[] = "Pakistan's prime minister Nawaz Sharif met LeT leaders in Peshawar on Monday.";
    char dir[] = "/tmp/ne_test_timewordsXXXXXX", path[sizeof dir + 16];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/time.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("month 1 january\n", f);
    assert_int_equal(fclose(f), 0);
    static const char *const classes[] = {"month", NULL};
    ne_engine *e;
    assert_int_equal(ne_engine_open(&e, NULL), NE_OK);
    ne_wordtab *small = NULL, *shipped = e->timewords;
    char *data_dir = e->data_dir;
    e->data_dir = dir;
    assert_int_equal(neW_load(e, "time.txt", classes, &small), NE_OK);
    e->data_dir = data_dir;
    remove(path), remove(dir);
    ne_doc *used = ne_doc_new();
    assert_non_null(used);
    e->timewords = small;
    char *without = coded(e, used, text); /* memos of the small table */
    e->timewords = shipped;
    char *first = coded_as_fresh(e, used, text);
    assert_string_not_equal(without, first); /* the tables differ on this text */
    free(without), free(first);
    neW_free(small);
    ne_doc_free(used);
    ne_engine_close(e);
}

/* The same for the patterns, whose anchors the memos keep (as slots of
** the patterns' index): coded first with the seed's few patterns, then with
** the shipped ones, a document must code as a fresh one does. */
static void test_memo_other_patterns(void **state) {
    (void)state;
    static const char text[] = "Iran's foreign minister met Pakistan's prime minister in Tehran and "
                               "condemned the attack; Pakistan accused Iran of violating its airspace.";
    ne_engine *e;
    assert_int_equal(ne_engine_open(&e, NULL), NE_OK);
    size_t n;
    char *buf = slurp("patterns-small.snap", &n);
    ne_patterns *shipped = e->patterns;
    e->patterns = NULL;
    assert_int_equal(nePattern_snap_parse(e, buf, n, 1), NE_OK);
    ne_patterns *small = e->patterns;
    assert_int_equal(nePattern_build(e, small), NE_OK);
    ne_doc *used = ne_doc_new();
    assert_non_null(used);
    char *few = coded(e, used, text); /* memos of the seed's patterns */
    e->patterns = shipped;
    char *first = coded_as_fresh(e, used, text);
    assert_string_not_equal(few, first); /* the patterns differ on this text */
    free(few), free(first), free(buf);
    nePattern_free(small);
    ne_doc_free(used);
    ne_engine_close(e);
}

/* Do index tables x and y hold the same (nePattern_index_get)? */
static void assert_same_index(const ne_pindex *x, const ne_pindex *y) {
    assert_int_equal(x->n, y->n);
    assert_int_equal(x->cap, y->cap);
    assert_int_equal(x->nbuckets, y->nbuckets);
    assert_int_equal(x->nkeys, y->nkeys);
    assert_int_equal(x->nat, y->nat);
    assert_int_equal(x->nidx, y->nidx);
    assert_memory_equal(x->order, y->order, x->n * sizeof *x->order);
    assert_memory_equal(x->list_at, y->list_at, x->n * sizeof *x->list_at);
    assert_memory_equal(x->entries, y->entries, x->n * sizeof *x->entries);
    assert_memory_equal(x->buckets, y->buckets, x->nbuckets * sizeof *x->buckets);
    assert_memory_equal(x->keys, y->keys, x->nkeys * sizeof *x->keys);
    assert_memory_equal(x->at, y->at, x->nat * sizeof *x->at);
    assert_memory_equal(x->idx, y->idx, x->nidx * sizeof *x->idx);
}

/* The anchor index of patterns p as given is the one nePattern_build makes
** of them again. */
static void assert_index_rebuilds(struct ne_engine *e, ne_patterns *p) {
    ne_arena a;
    ne_pindex before, after;
    neA_init(&a);
    assert_int_equal(nePattern_index_get(p, &a, &before), NE_OK);
    assert_int_equal(nePattern_build(e, p), NE_OK);
    assert_int_equal(nePattern_index_get(p, &a, &after), NE_OK);
    assert_same_index(&before, &after);
    neA_free(&a);
}

/* A verified pattern snapshot gives its anchor index as stored
** (nePattern_index_set), which must be the one building it makes: the
** seed's, and the engine's (read from the data directory's patterns.snap,
** with keyed lists, when it is current). */
static void test_pattern_index(void **state) {
    (void)state;
    ne_engine *e;
    assert_int_equal(ne_engine_open(&e, NULL), NE_OK);
    assert_index_rebuilds(e, e->patterns);
    size_t n;
    char *buf = slurp("patterns-small.snap", &n);
    ne_patterns *shipped = e->patterns;
    e->patterns = NULL;
    assert_int_equal(nePattern_snap_parse(e, buf, n, 1), NE_OK);
    assert_index_rebuilds(e, e->patterns);
    nePattern_free(e->patterns);
    e->patterns = shipped;
    free(buf);
    ne_engine_close(e);
}

static void test_avx2_checksum(void **state) {
    (void)state;
#ifdef __x86_64__
    if (!__builtin_cpu_supports("avx2")) skip();
    size_t cap = (1 << 20) + 77;
    unsigned char *b = malloc(cap);
    assert_non_null(b);
    for (size_t i = 0; i < cap; i++) b[i] = (unsigned char)(i * 2654435761u >> 13);
    for (size_t n = 0; n < 1200; n++) assert_true(neSnap_hash_avx2(b, n) == XXH3_64bits(b, n));
    assert_true(neSnap_hash_avx2(b, cap) == XXH3_64bits(b, cap));
    free(b);
#else
    skip();
#endif
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dictionary_seed),
        cmocka_unit_test(test_lemma_seed),
        cmocka_unit_test(test_pattern_seed),
        cmocka_unit_test(test_memo_other_dictionaries),
        cmocka_unit_test(test_memo_other_timewords),
        cmocka_unit_test(test_memo_other_patterns),
        cmocka_unit_test(test_pattern_index),
        cmocka_unit_test(test_avx2_checksum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
