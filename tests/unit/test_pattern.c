/* test_pattern.c: pattern parsing (elements, anchors by lemma, longest first,
** FILE:LINE errors), the CAMEO table, and the validator over the shipped
** patterns: every pattern's code exists in cameo/codes.tsv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "neInt.h"
#include "ne_fixture.h"



static ne_patterns *parse_ok(const char *text) {
    ne_patterns *p = nePattern_new();
    assert_non_null(p);
    if (nePattern_parse(engine, p, "t.txt", text, strlen(text)) != NE_OK) fail_msg("%s", engine->errmsg);
    assert_int_equal(nePattern_build(engine, p), NE_OK);
    return p;
}

static void parse_err(const char *text, const char *want) {
    ne_patterns *p = nePattern_new();
    assert_int_equal(nePattern_parse(engine, p, "t.txt", text, strlen(text)), NE_DATA);
    if (!strstr(engine->errmsg, want)) fail_msg("error '%s' lacks '%s'", engine->errmsg, want);
    nePattern_free(p);
}

static void test_elements(void **state) {
    (void)state;
    ne_patterns *p = parse_ok("# comment\n\n161  v  recall (its) {ambassador|envoy} {from|to} +   # note\n");
    assert_int_equal(nePattern_count(p), 1);
    size_t n;
    const ne_pattern *const *pp = nePattern_lookup(p, "recall", 6, &n);
    assert_int_equal(n, 1);
    const ne_pattern *pt = pp[0];
    assert_string_equal(pt->cameo->code, "161");
    assert_int_equal(pt->kind, 'v');
    assert_int_equal(pt->nelems, 5);
    assert_int_equal(pt->anchor, 0);
    assert_int_equal(pt->elems[1].kind, NE_PE_OPT);
    assert_int_equal(pt->elems[2].nalt, 2);
    assert_string_equal(pt->elems[2].alt[1].surface, "envoy");
    assert_int_equal(pt->elems[4].kind, NE_PE_TARGET);
    assert_true(pt->has_target);
    assert_non_null(strstr(pt->text, "t.txt:3: 161  v  recall"));
    nePattern_free(p);
}

static void test_anchor_is_lemma(void **state) {
    (void)state;
    /* an inflected anchor is keyed by its lemma; hyphens split like the tokenizer */
    ne_patterns *p = parse_ok("190 v attacked +\n0871 v declare cease-fire\n195 n airstrike {on|in} +\n");
    size_t n;
    assert_non_null(nePattern_lookup(p, "attack", 6, &n));
    assert_int_equal(n, 1);
    const ne_pattern *const *pp = nePattern_lookup(p, "declare", 7, &n);
    assert_int_equal(n, 1);
    assert_int_equal(pp[0]->nelems, 4);
    assert_string_equal(pp[0]->elems[2].alt[0].surface, "-");
    assert_null(nePattern_lookup(p, "ceasefire", 9, &n));
    assert_int_equal(n, 0);
    nePattern_free(p);
}

static void test_longest_first(void **state) {
    (void)state;
    ne_patterns *p = parse_ok("174 v expel +\n161 v expel + {ambassador|envoy}\n");
    size_t n;
    const ne_pattern *const *pp = nePattern_lookup(p, "expel", 5, &n);
    assert_int_equal(n, 2);
    assert_string_equal(pp[0]->cameo->code, "161");
    assert_string_equal(pp[1]->cameo->code, "174");
    nePattern_free(p);
}

/* "-" in the code column: a sense filter, matched longest first like any
** pattern but with no CAMEO code (no event). */
static void test_sense_filter(void **state) {
    (void)state;
    ne_patterns *p = parse_ok("193 v shoot +\n-   v shoot back\n");
    size_t n;
    const ne_pattern *const *pp = nePattern_lookup(p, "shoot", 5, &n);
    assert_int_equal(n, 2);
    assert_null(pp[0]->cameo);
    assert_int_equal(pp[0]->nelems, 2);
    assert_string_equal(pp[1]->cameo->code, "193");
    nePattern_free(p);
    parse_err("-- v shoot back\n", "t.txt:1: unknown CAMEO code '--'");
    p = parse_ok("084 v release +!\n084 v return +\n"); /* "+!": the slot must name an actor */
    pp = nePattern_lookup(p, "release", 7, &n);
    assert_int_equal(n, 1);
    assert_int_equal(pp[0]->elems[1].kind, NE_PE_TARGET);
    assert_true(pp[0]->elems[1].need_actor);
    pp = nePattern_lookup(p, "return", 6, &n);
    assert_false(pp[0]->elems[1].need_actor);
    nePattern_free(p);
}

static void test_errors(void **state) {
    (void)state;
    parse_err("190 v attack +\n999 v attack +\n", "t.txt:2: unknown CAMEO code '999'");
    parse_err("190 x attack +\n", "t.txt:1: kind must be");
    parse_err("190 v attack {on|in +\n", "t.txt:1: unbalanced");
    parse_err("190 v + ...\n", "t.txt:1:");
    parse_err("190 v {on|in} +\n", "t.txt:1: no anchor");
    parse_err("190 v attack + +\n", "t.txt:1: more than one");
    parse_err("190 v\n", "t.txt:1: empty pattern");
    parse_err("111 v call + liar @\n", "t.txt:1: '@' needs a pattern without '+' or '$'");
    parse_err("111 n {is|was} liar @\n111 n liar @ +\n", "t.txt:2: '@' needs a pattern without '+' or '$'");
    parse_err("111 v fail to @\n112 v betray $ @\n", "t.txt:2: '@' needs a pattern without '+' or '$'");
}

static void test_cameo_table(void **state) {
    (void)state;
    const ne_cameo *c = engine->cameo;
    assert_true(neCameo_count(c) >= 280);
    const ne_cameo_code *cc = neCameo_get(c, "195");
    assert_non_null(cc);
    assert_true(cc->goldstein == -10.0);
    assert_int_equal(cc->quad_class, 4);
    assert_string_equal(cc->plover, "ASSAULT");
    assert_string_equal(cc->root, "19");
    cc = neCameo_get(c, "0311");
    assert_non_null(cc);
    assert_int_equal(cc->quad_class, 1);
    assert_string_equal(cc->plover, "AGREE");
    cc = neCameo_get(c, "010");
    assert_non_null(cc);
    assert_null(cc->plover);
    assert_null(neCameo_get(c, "999"));
    for (int r = 1; r <= 20; r++) assert_int_equal(neCameo_quad_of_root(r), r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4);
}

/* cameo/intent.tsv: the longest listed prefix of a cooperative code gives its 03x intent
** code; conflict codes have none. */
static void test_intent_table(void **state) {
    (void)state;
    const ne_cameo *c = engine->cameo;
    static const char *const pairs[][2] = {{"040", "036"}, {"046", "036"}, {"045", "039"}, {"057", "030"},
                                           {"051", "032"}, {"0333", "0333"}, {"073", "0333"}, {"085", "0354"},
                                           {"0871", "0356"}, {"0831", "0341"}, {"084", "0353"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const ne_cameo_code *cc = neCameo_intent(c, pairs[i][0]);
        if (!strcmp(pairs[i][0], "0333")) { assert_null(cc); continue; } /* 03x itself has none */
        assert_non_null(cc);
        assert_string_equal(cc->code, pairs[i][1]);
        assert_string_equal(cc->root, "03");
    }
    assert_null(neCameo_intent(c, "190"));
    assert_null(neCameo_intent(c, "112"));
    assert_null(neCameo_intent(c, "010"));
}

/* cameo/refusal.tsv: the longest listed prefix of a cooperative or intent code gives the
** 12x code of refusing it; conflict and statement codes have none. */
static void test_refusal_table(void **state) {
    (void)state;
    const ne_cameo *c = engine->cameo;
    static const char *const pairs[][2] = {{"085", "1244"}, {"0841", "1243"}, {"0871", "1246"}, {"0354", "1244"},
                                           {"040", "125"},  {"036", "125"},   {"057", "127"},   {"0831", "1231"},
                                           {"073", "1223"}, {"061", "1211"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const ne_cameo_code *cc = neCameo_refusal(c, pairs[i][0]);
        assert_non_null(cc);
        assert_string_equal(cc->code, pairs[i][1]);
        assert_string_equal(cc->root, "12");
    }
    assert_null(neCameo_refusal(c, "190"));
    static const char *const threats[][2] = {{"190", "1384"}, {"161", "1313"}, {"1723", "1323"}, {"191", "1381"},
                                             {"175", "137"},  {"204", "1385"}};
    for (size_t i = 0; i < sizeof threats / sizeof threats[0]; i++) {
        const ne_cameo_code *cc = neCameo_threat(c, threats[i][0]);
        assert_non_null(cc);
        assert_string_equal(cc->code, threats[i][1]);
    }
    assert_null(neCameo_threat(c, "085"));
    assert_null(neCameo_refusal(c, "112"));
    assert_null(neCameo_refusal(c, "010"));
}

/* cameo/event_nouns.tsv: a noun names acts of its listed prefixes ("attack": force, not
** talks); unlisted words name none. */
static void test_event_nouns_table(void **state) {
    (void)state;
    const ne_cameo *c = engine->cameo;
    const ne_event_noun *n = neCameo_event_noun(c, "attack");
    assert_non_null(n);
    assert_true(neCameo_noun_fits(n, "195"));
    assert_true(neCameo_noun_fits(n, "1823"));
    assert_false(neCameo_noun_fits(n, "046"));
    assert_false(neCameo_noun_fits(n, "173"));
    assert_non_null(n = neCameo_event_noun(c, "arrest"));
    assert_true(neCameo_noun_fits(n, "173"));
    assert_false(neCameo_noun_fits(n, "190"));
    assert_non_null(n = neCameo_event_noun(c, "decision"));
    assert_true(neCameo_noun_fits(n, "163"));
    assert_false(neCameo_noun_fits(n, "111"));
    assert_null(neCameo_event_noun(c, "table"));
    assert_null(neCameo_event_noun(c, NULL));
}

/* The validator: the shipped patterns loaded, each names a code of the table. */
static void test_shipped_patterns_valid(void **state) {
    (void)state;
    const ne_patterns *p = engine->patterns;
    assert_true(nePattern_count(p) > 0);
    size_t n;
    const ne_pattern *const *pp = nePattern_lookup(p, "expel", 5, &n);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(pp[i]->cameo);
        assert_ptr_equal(neCameo_get(engine->cameo, pp[i]->cameo->code), pp[i]->cameo);
        if (i) assert_true(pp[i - 1]->weight >= pp[i]->weight);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_elements),       cmocka_unit_test(test_anchor_is_lemma),
        cmocka_unit_test(test_longest_first),  cmocka_unit_test(test_sense_filter),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_cameo_table),    cmocka_unit_test(test_shipped_patterns_valid),
        cmocka_unit_test(test_intent_table),
        cmocka_unit_test(test_refusal_table),
        cmocka_unit_test(test_event_nouns_table),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
