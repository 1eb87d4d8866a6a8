/* test_alloc_fail.c: allocation-failure injection (neM_fail_after).  Every
** allocation of a full `code` run is made to fail in turn, and a sample of
** those of engine open: each public call must return an error (never crash)
** and, under ASan's leak checker, leak nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "neInt.h"

static const char *text =
    "ISLAMABAD, Pakistan (AP) - An Iranian airstrike inside Pakistan on Tuesday killed two children, "
    "officials said. On Wednesday, Pakistan expelled the Iranian ambassador and recalled its own envoy.\n\n"
    "\"The responsibility for the consequences will fall squarely on Iran,\" said Mumtaz Zahra Baloch, "
    "a spokeswoman. If Pakistan responds, analysts said, it risks a wider war. Husain Haqqani, a former "
    "Pakistani ambassador, said Iran \"sees weakness.\" Bad byte: \xff.";

/* One coding of the sample article; returns the result code. */
static int code_once(ne_engine *e, ne_doc *d) {
    ne_article a = {0};
    a.id = "alloc"; a.id_len = 5;
    a.text = text; a.text_len = strlen(text);
    a.title = "Pakistan expels Iranian envoy"; a.title_len = strlen(a.title);
    a.date = "2024-01-17"; a.date_len = 10;
    int rc = ne_code(e, d, &a);
    if (rc == NE_OK) {
        const char *out;
        size_t len;
        rc = ne_doc_write(d, NE_FORMAT_JSON, &out, &len);
    }
    return rc;
}

static void test_code_walk(void **state) {
    (void)state;
    ne_engine *e = NULL;
    assert_int_equal(ne_engine_open(&e, NULL), NE_OK);
    long n, failures = 0;
    for (n = 1; n < 100000; n++) {
        ne_doc *d = ne_doc_new(); /* fresh each time, so the arena must allocate again */
        neM_fail_after(n);
        int rc = d ? code_once(e, d) : NE_NOMEM;
        long hit = neM_injected();
        neM_fail_after(0);
        ne_doc_free(d);
        if (!hit) { /* the run needed fewer than n allocations: all points were tried */
            assert_int_equal(rc, NE_OK);
            break;
        }
        if (rc == NE_OK) fail_msg("allocation %ld failed but ne_code reported success", n);
        assert_int_equal(rc, NE_NOMEM);
        failures++;
    }
    printf("code: %ld allocation points failed in turn, then the run succeeded\n", failures);
    assert_true(failures > 0 && n < 100000);
    ne_engine_close(e);
}

static void test_engine_open_sample(void **state) {
    (void)state;
    long tried = 0;
    for (long n = 1; n < 100000000; n = n < 64 ? n + 1 : n + n / 3) {
        ne_engine *e = NULL;
        neM_fail_after(n);
        int rc = ne_engine_open(&e, NULL);
        long hit = neM_injected();
        neM_fail_after(0);
        if (hit && rc == NE_OK) fail_msg("allocation %ld failed but ne_engine_open reported success", n);
        const char *msg = ne_engine_errmsg(e); /* valid on every path, NULL engine included */
        assert_non_null(msg);
        ne_engine_close(e);
        tried++;
        if (!hit) break;
        assert_true(rc == NE_NOMEM || rc == NE_DATA || rc == NE_IO);
    }
    printf("engine open: %ld failure points sampled\n", tried);
    assert_true(tried > 64);
}

/* Requests no block can hold fail with NULL, without a wrapped size reaching
** malloc (SIZE_MAX - 15 rounds to SIZE_MAX - 15, and a block's header on top
** of it wrapped to 0 bytes: a 1-byte block then written past its end); the
** arena stays usable. */
static void test_arena_huge(void **state) {
    (void)state;
    ne_arena a;
    neA_init(&a);
    static const size_t huge[] = {SIZE_MAX, SIZE_MAX - 15, SIZE_MAX - 16, SIZE_MAX - 31,
                                  (size_t)PTRDIFF_MAX + 1, (size_t)PTRDIFF_MAX};
    for (size_t i = 0; i < sizeof huge / sizeof *huge; i++) assert_null(neA_alloc(&a, huge[i]));
    char *p = neA_alloc(&a, 0);
    assert_non_null(p);
    assert_true(((uintptr_t)p & 15) == 0);
    char *q = neA_strndup(&a, "abc", 3);
    assert_non_null(q);
    assert_string_equal(q, "abc");
    neA_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_walk),
        cmocka_unit_test(test_engine_open_sample),
        cmocka_unit_test(test_arena_huge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
