/* test_store.c: the store on SQLite, and on PostgreSQL when NE_TEST_PG holds
** a connection URI: idempotent ingest, content and near-duplicate detection,
** event merging with GDELT-style counts, filters, timelines, top lists,
** articles by id, and SQL injection through every query parameter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "neInt.h"
#include "ne_fixture.h"
#include "storeInt.h"

static char db_uri[512];

static const char *base_text =
    "Iran launched missile strikes on militant bases in Pakistan on Tuesday. Pakistan condemned the "
    "attack and recalled its ambassador. Officials in Islamabad said the strikes killed two children "
    "and wounded three others in the province of Balochistan near the border town of Panjgur.";

/* Code text into d, then replace its events by one synthetic event. */
static void make_doc(ne_doc *d, const char *id, const char *text, const char *source, const char *src,
                     const char *tgt, const char *code, const char *date) {
    ne_article a = {0};
    a.id = id; a.id_len = strlen(id);
    a.text = text; a.text_len = strlen(text);
    a.date = "2024-01-17"; a.date_len = 10;
    if (source) { a.source = source; a.source_len = strlen(source); }
    assert_int_equal(ne_code(engine, d, &a), NE_OK);
    neV_init(&d->events, sizeof(ne_event));
    ne_event *ev = neV_push(&d->arena, &d->events);
    assert_non_null(ev);
    ev->has_source = 1;
    ev->source.code = src; ev->source.country = neA_strndup(&d->arena, src, 3); ev->source.name = src;
    ev->has_target = tgt != NULL;
    if (tgt) { ev->target.code = tgt; ev->target.country = neA_strndup(&d->arena, tgt, 3); }
    snprintf(ev->code, sizeof ev->code, "%s", code);
    snprintf(ev->root, sizeof ev->root, "%.2s", code);
    ev->quad_class = code[0] == '1' && code[1] >= '4' ? 4 : 3;
    ev->goldstein = code[0] == '1' && code[1] == '9' ? -10.0 : -4.0;
    ev->plover = "ASSAULT";
    ev->date = date;
    ev->location = -1;
    ev->evidence = "Iran launched missile strikes on militant bases in Pakistan";
    ev->confidence = 0.9;
    ev->mentions = 1;
}

static ne_store *open_store(void) {
    ne_store *s = NULL;
    int rc = ne_store_open(&s, db_uri);
    if (rc != NE_OK) fprintf(stderr, "open %s: %s\n", db_uri, ne_store_errmsg(s));
    assert_int_equal(rc, NE_OK);
    return s;
}

static int add(ne_store *s, ne_doc *d) {
    int added = -1;
    assert_int_equal(ne_store_add(s, d, &added), NE_OK);
    return added;
}

static int count_cb(void *ctx, const ne_event_row *r) {
    (void)r;
    ++*(int *)ctx;
    return 0;
}

static int grab_cb(void *ctx, const ne_event_row *r) {
    ne_event_row *out = ctx;
    out->num_mentions = r->num_mentions;
    out->num_sources = r->num_sources;
    out->num_articles = r->num_articles;
    return 1;
}

static int count_events(ne_store *s, const ne_query *q) {
    int n = 0;
    assert_int_equal(ne_store_events(s, q, count_cb, &n), NE_OK);
    return n;
}

/* The whole scenario, run against whichever backend db_uri names. */
static void scenario(void) {
    ne_store *s = open_store();
    ne_doc *d = ne_doc_new();
    /* 1. a first article and its event */
    make_doc(d, "a1", base_text, "AP", "IRNMIL", "PAK", "195", "2024-01-16");
    assert_int_equal(add(s, d), 1);
    /* 2. same id again: nothing stored */
    assert_int_equal(add(s, d), 0);
    /* 3. same text under another id: nothing stored */
    make_doc(d, "a1-copy", base_text, "AP", "IRNMIL", "PAK", "195", "2024-01-16");
    assert_int_equal(add(s, d), 0);
    /* 4. a light rewrite from another source: stored, same cluster, same event merged */
    char rewrite[1024];
    snprintf(rewrite, sizeof rewrite, "%s", base_text);
    char *p = strstr(rewrite, "two children");
    memcpy(p, "two kids    ", 12);
    make_doc(d, "a2", rewrite, "Reuters", "IRNMIL", "PAK", "195", "2024-01-16");
    assert_int_equal(add(s, d), 1);
    /* 5. an unrelated article from a third source reporting the same event */
    make_doc(d, "a3", "Tehran defended the strikes, saying it targeted a terrorist group that had attacked its "
                      "police. Analysts in Washington warned of escalation between the two neighbours.",
             "BBC", "IRNMIL", "PAK", "195", "2024-01-16");
    assert_int_equal(add(s, d), 1);
    /* 6. a different event */
    make_doc(d, "a4", "Pakistan expelled the Iranian ambassador on Wednesday and recalled its own envoy from Tehran "
                      "in protest at what it called an illegal act.", "AP", "PAKGOV", "IRN", "161", "2024-01-17");
    assert_int_equal(add(s, d), 1);

    long long na, ne, nm;
    assert_int_equal(ne_store_counts(s, &na, &ne, &nm), NE_OK);
    assert_int_equal(na, 4);
    assert_int_equal(ne, 2);
    assert_int_equal(nm, 4);

    /* the merged event: 3 mentions, 3 sources, 2 clusters (a1 and its rewrite a2 are one) */
    ne_query q = {0};
    q.code = "195";
    ne_event_row got = {0};
    assert_int_equal(ne_store_events(s, &q, grab_cb, &got), NE_OK);
    assert_int_equal(got.num_mentions, 3);
    assert_int_equal(got.num_sources, 3);
    assert_int_equal(got.num_articles, 2);

    /* filters */
    ne_query all = {0};
    assert_int_equal(count_events(s, &all), 2);
    ne_query dy = {0};
    dy.dyad_a = "PAK"; dy.dyad_b = "IRN";
    assert_int_equal(count_events(s, &dy), 2);
    ne_query root = {0};
    root.root = "16";
    assert_int_equal(count_events(s, &root), 1);
    ne_query since = {0};
    since.since = "2024-01-17";
    assert_int_equal(count_events(s, &since), 1);
    ne_query text = {0};
    text.text = "expelled ambassador";
    assert_int_equal(count_events(s, &text), 1);
    ne_query quad = {0};
    quad.quad = 4; /* 195 and 161: roots 14-20 are material conflict */
    assert_int_equal(count_events(s, &quad), 2);
    quad.quad = 1;
    assert_int_equal(count_events(s, &quad), 0);

    /* injection through every parameter finds nothing and breaks nothing */
    const char *evil = "x' OR '1'='1";
    ne_query inj = {0};
    inj.country = evil; assert_int_equal(count_events(s, &inj), 0);
    memset(&inj, 0, sizeof inj); inj.code = evil; assert_int_equal(count_events(s, &inj), 0);
    memset(&inj, 0, sizeof inj); inj.root = evil; assert_int_equal(count_events(s, &inj), 0);
    memset(&inj, 0, sizeof inj); inj.since = "9999' OR '1'='1";
    assert_int_equal(ne_store_events(s, &inj, count_cb, &(int){0}), NE_INVALID);
    memset(&inj, 0, sizeof inj); inj.until = "0' OR '1'='1";
    assert_int_equal(ne_store_events(s, &inj, count_cb, &(int){0}), NE_INVALID);
    memset(&inj, 0, sizeof inj); inj.text = "\" OR 1=1; DROP TABLE events; --"; assert_int_equal(count_events(s, &inj), 0);
    memset(&inj, 0, sizeof inj); inj.dyad_a = evil; inj.dyad_b = "PAK";
    assert_int_equal(ne_store_events(s, &inj, count_cb, &(int){0}), NE_INVALID);
    assert_int_equal(count_events(s, &all), 2);

    /* article by id */
    char *json = NULL, *txt = NULL;
    assert_int_equal(ne_store_article(s, "a4", &json, &txt), NE_OK);
    assert_non_null(strstr(json, "\"id\":\"a4\""));
    assert_non_null(strstr(txt, "expelled"));
    ne_free(json);
    ne_free(txt);
    assert_int_equal(ne_store_article(s, "nope' OR '1'='1", &json, &txt), NE_NOTFOUND);

    /* a failed add inside a transaction leaves the batch intact */
    assert_int_equal(ne_store_begin(s), NE_OK);
    make_doc(d, "a5", "Afghanistan and Pakistan held talks in Doha on border trade.", NULL, "AFGGOV", "PAKGOV", "046", "2024-01-18");
    assert_int_equal(add(s, d), 1);
    assert_int_equal(ne_store_commit(s), NE_OK);
    assert_int_equal(ne_store_counts(s, &na, &ne, &nm), NE_OK);
    assert_int_equal(na, 5);

    ne_doc_free(d);
    ne_store_close(s);
    /* reopening keeps everything and does not re-run migrations */
    s = open_store();
    assert_int_equal(ne_store_counts(s, &na, &ne, &nm), NE_OK);
    assert_int_equal(na, 5);
    ne_store_close(s);
}

typedef struct agg_seen {
    int n;
    char first[32];
    long events;
    double gold;
} agg_seen;

static int agg_cb(void *ctx, const ne_agg_row *r) {
    agg_seen *a = ctx;
    if (a->n++ == 0) {
        snprintf(a->first, sizeof a->first, "%s", r->key);
        a->events = r->events;
        a->gold = r->goldstein;
    }
    return 0;
}

static int code_cb(void *ctx, const ne_event_row *r) {
    snprintf(ctx, 8, "%s", r->code);
    return 0;
}

static void aggregates(void) {
    ne_store *s = open_store();
    agg_seen a = {0};
    assert_int_equal(ne_store_timeline(s, "IRN", "PAK", "day", agg_cb, &a), NE_OK);
    assert_int_equal(a.n, 2);
    assert_string_equal(a.first, "2024-01-16");
    assert_int_equal(a.events, 1);
    memset(&a, 0, sizeof a);
    assert_int_equal(ne_store_timeline(s, "IRN", "PAK", "week", agg_cb, &a), NE_OK);
    assert_int_equal(a.n, 1);
    assert_string_equal(a.first, "2024-W03");
    assert_int_equal(a.events, 2);
    assert_true(a.gold < -13.9 && a.gold > -14.1);
    memset(&a, 0, sizeof a);
    assert_int_equal(ne_store_timeline(s, "IRN", "PAK", "month", agg_cb, &a), NE_OK);
    assert_string_equal(a.first, "2024-01");
    assert_int_equal(ne_store_timeline(s, "IRN", "PAK", "year", agg_cb, &a), NE_INVALID);
    memset(&a, 0, sizeof a);
    assert_int_equal(ne_store_top(s, "dyads", 10, agg_cb, &a), NE_OK);
    assert_int_equal(a.n, 3);
    memset(&a, 0, sizeof a);
    assert_int_equal(ne_store_top(s, "actors", 1, agg_cb, &a), NE_OK);
    assert_int_equal(a.n, 1);
    /* PAKGOV is the source of 161 and the target of 046: both sides are counted */
    assert_string_equal(a.first, "PAKGOV");
    assert_int_equal(a.events, 2);
    assert_true(a.gold < -7.9 && a.gold > -8.1);
    /* paging: newest first (046 on the 18th, 161 on the 17th, 195 on the 16th) */
    char code[8] = "";
    ne_query page = {0};
    page.limit = 1; page.offset = 1;
    assert_int_equal(ne_store_events(s, &page, code_cb, code), NE_OK);
    assert_string_equal(code, "161");
    page.country = "IRN"; page.offset = 0; /* IRN is the source of 195 and the target of 161 */
    assert_int_equal(ne_store_events(s, &page, code_cb, code), NE_OK);
    assert_string_equal(code, "161");
    ne_store_close(s);
}

static int count_cols(void *ctx, int ncol, const char *const *vals) {
    (void)vals;
    *(int *)ctx = ncol;
    return 0;
}

/* A result of more columns than a backend passes on is an error, not a cut row. */
static void wide_results(void) {
    ne_store *s = open_store();
    char sql[1024];
    for (int cols = NE_STORE_MAX_COLS; cols <= NE_STORE_MAX_COLS + 1; cols++) {
        size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT 0");
        for (int c = 1; c < cols && n < sizeof sql; c++) n += (size_t)snprintf(sql + n, sizeof sql - n, ", %d", c);
        assert_true(n < sizeof sql);
        int got = -1, rc = s->be->exec_once(s, sql, 0, NULL, count_cols, &got);
        if (cols <= NE_STORE_MAX_COLS) {
            assert_int_equal(rc, NE_OK);
            assert_int_equal(got, cols);
        } else {
            assert_int_equal(rc, NE_TOOBIG);
            assert_int_equal(got, -1);
            char want[32];
            snprintf(want, sizeof want, "%d columns", cols);
            assert_non_null(strstr(ne_store_errmsg(s), want));
        }
    }
    ne_store_close(s);
}

static void test_sqlite(void **state) {
    (void)state;
    const char *keep = getenv("NE_KEEP_DB"); /* tests/cli/store_sqlite.sh exports this store */
    if (keep) snprintf(db_uri, sizeof db_uri, "%s", keep);
    else snprintf(db_uri, sizeof db_uri, "/tmp/ne_test_store_%d.db", (int)getpid());
    unlink(db_uri);
    scenario();
    aggregates();
    wide_results();
    if (keep) return;
    char wal[600];
    unlink(db_uri);
    snprintf(wal, sizeof wal, "%s-wal", db_uri); unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", db_uri); unlink(wal);
}

static void test_postgresql(void **state) {
    (void)state;
    const char *pg = getenv("NE_TEST_PG");
    if (!pg || !*pg) {
        printf("skipped: NE_TEST_PG not set (tests/cli/store_pg.sh sets it with a throwaway cluster)\n");
        skip();
    }
    snprintf(db_uri, sizeof db_uri, "%s", pg);
    scenario();
    aggregates();
    wide_results();
}

static void test_simhash(void **state) {
    (void)state;
    ne_doc *a = ne_doc_new(), *b = ne_doc_new(), *c = ne_doc_new();
    char rewrite[1024];
    snprintf(rewrite, sizeof rewrite, "%s", base_text);
    memcpy(strstr(rewrite, "two children"), "two kids    ", 12);
    make_doc(a, "x", base_text, NULL, "IRN", NULL, "010", NULL);
    make_doc(b, "y", rewrite, NULL, "IRN", NULL, "010", NULL);
    make_doc(c, "z", "Stock markets in Asia rose on Monday as investors welcomed data showing factory output grew.",
             NULL, "IRN", NULL, "010", NULL);
    int near = ne_simhash_distance(ne_doc_simhash(a), ne_doc_simhash(b));
    int far = ne_simhash_distance(ne_doc_simhash(a), ne_doc_simhash(c));
    assert_true(near <= 10); /* the clustering threshold of store.c */
    assert_true(far > 20);
    ne_doc_free(a);
    ne_doc_free(b);
    ne_doc_free(c);
}


int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simhash), cmocka_unit_test(test_sqlite), cmocka_unit_test(test_postgresql),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
