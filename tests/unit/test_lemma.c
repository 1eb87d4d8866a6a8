/* test_lemma.c: lemmas from WordNet (exceptions, morphy rules, index lookups),
** word classes, and the suffix-rule fallback without WordNet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "neInt.h"

static void check(const ne_engine *e, const char *w, const char *want) {
    char buf[64];
    const char *l = neLemma_word(e->lexicon, w, strlen(w), buf, sizeof buf);
    assert_non_null(l);
    if (strcmp(l, want)) fail_msg("lemma(%s) = %s, want %s", w, l, want);
}

static void test_wordnet(void **state) {
    (void)state;
    ne_engine *e;
    assert_int_equal(ne_engine_open(&e, NULL), NE_OK);
    if (!neLemma_have_wordnet(e->lexicon)) {
        ne_engine_close(e);
        skip();
    }
    check(e, "attacked", "attack");   /* morphy: -ed */
    check(e, "expelled", "expel");    /* verb.exc (doubled consonant) */
    check(e, "shot", "shoot");        /* verb.exc irregular */
    check(e, "was", "be");
    check(e, "has", "have");
    check(e, "accusing", "accuse");   /* -ing -> -e */
    check(e, "talks", "talk");
    check(e, "officials", "official"); /* noun rule */
    check(e, "news", "news");          /* a noun lemma is kept */
    check(e, "airstrikes", "airstrike"); /* not in WordNet: fallback -s */
    check(e, "children", "child");     /* noun.exc */
    check(e, "n't", "not");
    check(e, "expel", "expel");
    check(e, "passes", "pass");        /* -es after s, x, z, ch, sh, o */
    check(e, "watches", "watch");
    char buf[64]; /* "aides" (assistants) is no form of the verb "aid": -es does not follow d */
    assert_string_not_equal(neLemma_word(e->lexicon, "aides", 5, buf, sizeof buf), "aid");
    ne_engine_close(e);
}

static void test_fallback_without_wordnet(void **state) {
    (void)state;
    ne_engine *e;
    ne_options o = {0};
    o.wordnet_dir = "/nonexistent-wordnet";
    assert_int_equal(ne_engine_open(&e, &o), NE_OK);
    assert_false(neLemma_have_wordnet(e->lexicon));
    check(e, "attacked", "attack");
    check(e, "expelled", "expel");
    check(e, "airstrikes", "airstrike");
    check(e, "was", "be");       /* built-in auxiliaries */
    check(e, "talks", "talk");
    ne_engine_close(e);
}

/* Article *a of text txt prepared in a new document object of a new engine
** *e and split into sentences (tokens, no lemmas yet). */
static ne_doc *split_article(ne_engine **e, ne_article *a, const char *txt) {
    assert_int_equal(ne_engine_open(e, NULL), NE_OK);
    ne_doc *d = ne_doc_new();
    *a = (ne_article){.id = "t", .id_len = 1, .text = txt, .text_len = strlen(txt)};
    assert_int_equal(neText_prepare(d, a), NE_OK);
    assert_int_equal(neSent_split(d, *e), NE_OK);
    return d;
}

static void test_token_tags(void **state) {
    (void)state;
    ne_engine *e;
    ne_article a;
    ne_doc *d = split_article(&e, &a, "Iran has not expelled the envoys, officials said.");
    assert_int_equal(neLemma_tag(d, e), NE_OK);
    const ne_token *t = d->tokens.items;
    assert_string_equal(t[1].lemma, "have");
    assert_int_equal(NE_WCLASS(&t[1]), NE_WC_HAVE);
    assert_int_equal(NE_WCLASS(&t[2]), NE_WC_NEG);
    assert_string_equal(t[3].lemma, "expel");
    assert_true(t[3].tags & NE_TAG_VERB);
    assert_int_equal(NE_WCLASS(&t[4]), NE_WC_DET);
    assert_string_equal(t[5].lemma, "envoy");
    assert_int_equal(NE_WCLASS(&t[8]), NE_WC_REPORT);
    ne_doc_free(d);
    ne_engine_close(e);
}

/* Index of the k-th token (from 0) of d whose norm is w; fails when none. */
static size_t token_of(const ne_doc *d, const char *w, int k) {
    for (size_t i = 0; i < d->tokens.n; i++)
        if (!strcmp(NE_VEC_AT(d->tokens, ne_token, i)->norm, w) && k-- == 0) return i;
    fail_msg("no token %s", w);
    return 0;
}

/* The word memos: the tokenizer finds the plain words' (token.c,
** neLemma_memo16), tagging the others'; every token of one word shares its
** word's, a number has none; the cache is kept for the next article. */
static void test_word_memos(void **state) {
    (void)state;
    ne_engine *e;
    ne_article a;
    ne_doc *d = split_article(&e, &a, "Iran's envoys met 12 envoys of Iran in Z\xC3\xBCrich on internationalization talks.");
    size_t iran0 = token_of(d, "iran", 0), iran1 = token_of(d, "iran", 1), env0 = token_of(d, "envoys", 0);
    size_t env1 = token_of(d, "envoys", 1), num = token_of(d, "12", 0), z = token_of(d, "z\xC3\xBCrich", 0);
    size_t lng = token_of(d, "internationalization", 0);
    assert_non_null(d->wmemo);
    assert_null(d->wmemo[iran0]); /* before "'s": the general scanner's, for tagging to find */
    assert_non_null(d->wmemo[iran1]);
    assert_non_null(d->wmemo[env0]);
    assert_ptr_equal(d->wmemo[env0], d->wmemo[env1]);
    assert_null(d->wmemo[num]);
    assert_null(d->wmemo[z]);
    assert_null(d->wmemo[lng]); /* sixteen bytes or more: not a plain word */
    ne_wmemo *kept = d->wmemo[iran1];
    assert_int_equal(neLemma_tag(d, e), NE_OK);
    assert_ptr_equal(d->wmemo[iran0], kept);
    assert_ptr_equal(d->wmemo[iran1], kept);
    assert_non_null(d->wmemo[z]);
    assert_non_null(d->wmemo[lng]);
    assert_null(d->wmemo[num]);
    assert_string_equal(NE_VEC_AT(d->tokens, ne_token, env1)->lemma, "envoy");
    /* the next article of the document object: the same entry */
    assert_int_equal(ne_code(e, d, &a), NE_OK);
    assert_ptr_equal(d->wmemo[token_of(d, "iran", 1)], kept);
    ne_doc_free(d);
    ne_engine_close(e);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wordnet),
        cmocka_unit_test(test_fallback_without_wordnet),
        cmocka_unit_test(test_token_tags),
        cmocka_unit_test(test_word_memos),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
