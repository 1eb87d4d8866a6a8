/* test_token.c: tokenizer unit tests: offsets into the original bytes,
** shapes, normalized forms, clitics, initialisms and abbreviations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "neInt.h"

static ne_engine *engine;

static int setup(void **state) {
    (void)state;
    return ne_engine_open(&engine, NULL) == NE_OK ? 0 : -1;
}
static int teardown(void **state) {
    (void)state;
    ne_engine_close(engine);
    return 0;
}

/* Tokenize text; returns the doc (caller frees). */
static ne_doc *tok(const char *text) {
    ne_doc *d = ne_doc_new();
    ne_article a = {0};
    a.id = "t"; a.id_len = 1;
    a.text = text; a.text_len = strlen(text);
    assert_int_equal(neText_prepare(d, &a), NE_OK);
    assert_int_equal(neSent_split(d, engine), NE_OK);
    return d;
}

static const ne_token *T(ne_doc *d, size_t i) {
    assert_true(i < d->tokens.n);
    return NE_VEC_AT(d->tokens, ne_token, i);
}

/* The original bytes of token i. */
static void assert_tok(ne_doc *d, size_t i, const char *want) {
    const ne_token *t = T(d, i);
    size_t n = t->end - t->start;
    assert_int_equal(n, strlen(want));
    assert_memory_equal(d->seg[0] + t->start, want, n);
}

static void test_offsets_and_words(void **state) {
    (void)state;
    ne_doc *d = tok("Iran's attack on Pakistan, 11 officers.");
    assert_int_equal(d->tokens.n, 9);
    assert_tok(d, 0, "Iran");
    assert_tok(d, 1, "'s");
    assert_tok(d, 2, "attack");
    assert_tok(d, 4, "Pakistan");
    assert_tok(d, 5, ",");
    assert_tok(d, 6, "11");
    assert_int_equal(T(d, 0)->shape, NE_SH_CAP);
    assert_int_equal(T(d, 2)->shape, NE_SH_LOWER);
    assert_int_equal(T(d, 6)->shape, NE_SH_NUM);
    assert_int_equal(T(d, 5)->shape, NE_SH_PUNCT);
    assert_string_equal(T(d, 0)->norm, "iran");
    ne_doc_free(d);
}

static void test_curly_quotes_fold(void **state) {
    (void)state;
    ne_doc *d = tok("Iran\xE2\x80\x99s \xE2\x80\x9Cright\xE2\x80\x9D \xE2\x80\x94 now");
    assert_tok(d, 0, "Iran");
    assert_string_equal(T(d, 1)->norm, "'s");
    assert_int_equal(T(d, 2)->shape, NE_SH_QUOTE);
    assert_string_equal(T(d, 2)->norm, "\"");
    assert_tok(d, 3, "right");
    assert_string_equal(T(d, 5)->norm, "-");
    assert_int_equal(T(d, 5)->shape, NE_SH_DASH);
    /* offsets stay on the original multi-byte characters */
    assert_int_equal(T(d, 2)->end - T(d, 2)->start, 3);
    ne_doc_free(d);
}

static void test_initialisms_and_abbrev(void **state) {
    (void)state;
    ne_doc *d = tok("The U.S. and Gen. Asim Munir met on Feb. 8.");
    assert_tok(d, 1, "U.S.");
    assert_int_equal(T(d, 1)->shape, NE_SH_UPPER);
    assert_tok(d, 3, "Gen.");
    assert_tok(d, 8, "Feb.");
    assert_tok(d, 9, "8");
    assert_tok(d, 10, ".");
    ne_doc_free(d);
}

static void test_clitics_and_numbers(void **state) {
    (void)state;
    ne_doc *d = tok("They don't have 1,000.5 troops.");
    assert_tok(d, 1, "do");
    assert_tok(d, 2, "n't");
    assert_tok(d, 4, "1,000.5");
    ne_doc_free(d);
}

static void test_hyphen_splits(void **state) {
    (void)state;
    ne_doc *d = tok("the Pakistan-Iran border and Jaish al-Adl");
    assert_tok(d, 1, "Pakistan");
    assert_tok(d, 2, "-");
    assert_tok(d, 3, "Iran");
    ne_doc_free(d);
}

static void test_nfc_and_case(void **state) {
    (void)state;
    /* decomposed e + combining acute folds to the composed, lowercased form */
    ne_doc *d = tok("CAF\x45\xCC\x81 Zürich");
    assert_string_equal(T(d, 0)->norm, "caf\xC3\xA9");
    assert_string_equal(T(d, 1)->norm, "z\xC3\xBCrich");
    assert_int_equal(T(d, 0)->shape, NE_SH_UPPER);
    ne_doc_free(d);
}

static void test_invalid_utf8_repaired(void **state) {
    (void)state;
    ne_doc *d = tok("bad \xFF byte");
    assert_int_equal(d->warnings.n, 1);
    assert_int_equal(d->seg_len[0], strlen("bad \xEF\xBF\xBD byte"));
    assert_tok(d, 0, "bad");
    assert_tok(d, 2, "byte");
    ne_doc_free(d);
}

static void test_empty(void **state) {
    (void)state;
    ne_doc *d = tok("");
    assert_int_equal(d->tokens.n, 0);
    assert_int_equal(d->sentences.n, 0);
    ne_doc_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_offsets_and_words),  cmocka_unit_test(test_curly_quotes_fold),
        cmocka_unit_test(test_initialisms_and_abbrev), cmocka_unit_test(test_clitics_and_numbers),
        cmocka_unit_test(test_hyphen_splits),      cmocka_unit_test(test_nfc_and_case),
        cmocka_unit_test(test_invalid_utf8_repaired), cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
