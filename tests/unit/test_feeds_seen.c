/* test_feeds_seen.c: the feed follower's memory of item links (server/feeds.c
** seen_entry): a ring of the last SEEN_MAX links with hash chains for lookup.
** Built with a ring of 7 and 4 chains, so that eviction and long chains
** happen all the time, it is checked against a plain list of the last 7
** links met over 200,000 lookups of 20 links: every link is found exactly
** while the ring holds it, and an item waiting for another try keeps its
** state until its entry is replaced. */
#define SEEN_MAX 7
#define SEEN_BUCKETS 4
#include "../../server/feeds.c"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* feeds.c's other partners, never called here */
int ingest_push(srv_ingest *in, const char *json, size_t n) {
    (void)in, (void)json, (void)n;
    return -1;
}
char *html_main_text(const char *html, size_t n, const char *cs, char **title, char *why, size_t whylen) {
    (void)html, (void)n, (void)cs, (void)title, (void)why, (void)whylen;
    return NULL;
}
int feed_parse(const char *xml, size_t n, feed_item **items, char *why, size_t whylen) {
    (void)xml, (void)n, (void)items, (void)why, (void)whylen;
    return -1;
}
void feed_items_free(feed_item *items, int n) { (void)items, (void)n; }

static void ring_matches_a_list(void **state) {
    (void)state;
    srv_feeds fs = {0};
    fs.seen = calloc(SEEN_MAX, sizeof *fs.seen);
    fs.bucket = calloc(SEEN_BUCKETS, sizeof *fs.bucket);
    assert_non_null(fs.seen);
    assert_non_null(fs.bucket);
    char model[SEEN_MAX][32];
    int mn = 0, mnext = 0;
    unsigned r = 1;
    for (int step = 0; step < 200000; step++) {
        char link[32];
        r = r * 1103515245u + 12345u;
        snprintf(link, sizeof link, "http://x.test/%u", (r >> 16) % 20);
        int held = 0;
        for (int i = 0; i < mn; i++) held |= !strcmp(model[i], link);
        int fresh;
        seen_link *s = seen_entry(&fs, link, &fresh);
        assert_non_null(s);
        assert_string_equal(s->link, link);
        assert_int_equal(fresh, !held);
        if (fresh) {
            assert_int_equal(s->tries, 0);
            assert_int_equal(s->pending, 0);
            s->pending = 1; /* a held entry keeps what was set on it */
            s->tries = step;
            snprintf(model[mnext], sizeof model[mnext], "%s", link);
            mnext = (mnext + 1) % SEEN_MAX;
            if (mn < SEEN_MAX) mn++;
        } else {
            assert_int_equal(s->pending, 1);
        }
    }
    for (int i = 0; i < SEEN_MAX; i++) free(fs.seen[i].link);
    free(fs.seen);
    free(fs.bucket);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(ring_matches_a_list)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
