/* test_token.c: tokenizer unit tests: offsets into the original bytes,
** shapes, normalized forms, clitics, initialisms and abbreviations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "neInt.h"
#include "ne_fixture.h"



/* Tokenize [text, text+len) (may hold NUL bytes); returns the doc (caller frees). */
static ne_doc *tokn(const char *text, size_t len) {
    ne_doc *d = ne_doc_new();
    ne_article a = {0};
    a.id = "t"; a.id_len = 1;
    a.text = text; a.text_len = len;
    assert_int_equal(neText_prepare(d, &a), NE_OK);
    assert_int_equal(neSent_split(d, engine), NE_OK);
    return d;
}

static ne_doc *tok(const char *text) { return tokn(text, strlen(text)); }

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

/* "Â" before a space or the end is a no-break space read once as Latin-1
** (C2 A0 -> "Â" + NBSP): a space; inside a word ("Âge") it stays a letter. */
static void test_mojibake_nbsp(void **state) {
    (void)state;
    ne_doc *d = tok("in \xc3\x82 \xc3\x82 hindi, gujarat\xc3\x82 said \xc3\x82ge.");
    assert_int_equal(d->tokens.n, 7);
    assert_tok(d, 0, "in");
    assert_tok(d, 1, "hindi");
    assert_tok(d, 3, "gujarat");
    assert_tok(d, 4, "said");
    assert_tok(d, 5, "\xc3\x82ge");
    ne_doc_free(d);
}

static void test_empty(void **state) {
    (void)state;
    ne_doc *d = tok("");
    assert_int_equal(d->tokens.n, 0);
    assert_int_equal(d->sentences.n, 0);
    ne_doc_free(d);
}


/* Every token is non-empty, inside the text, after the previous one, and
** starts on a character boundary; tokens never cover whitespace. */
static void assert_well_formed(ne_doc *d) {
    uint32_t prev_end = 0;
    for (size_t i = 0; i < d->tokens.n; i++) {
        const ne_token *t = T(d, i);
        assert_true(t->start < t->end);
        assert_true(t->end <= d->seg_len[0]);
        assert_true(t->start >= prev_end);
        assert_true(((unsigned char)d->seg[0][t->start] & 0xC0) != 0x80);
        assert_true(d->seg[0][t->start] != ' ' && d->seg[0][t->end - 1] != ' ');
        assert_non_null(t->norm);
        assert_int_equal(strlen(t->norm), t->norm_len);
        assert_ptr_equal(t->lemma, t->norm);
        prev_end = t->end;
    }
}

static void test_shapes(void **state) {
    (void)state;
    ne_doc *d = tok("NATO iPhone Iran attack 2024 , \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xE2\x80\x94 \"");
    assert_int_equal(T(d, 0)->shape, NE_SH_UPPER);
    assert_int_equal(T(d, 1)->shape, NE_SH_MIXED);
    assert_int_equal(T(d, 2)->shape, NE_SH_CAP);
    assert_int_equal(T(d, 3)->shape, NE_SH_LOWER);
    assert_int_equal(T(d, 4)->shape, NE_SH_NUM);
    assert_int_equal(T(d, 5)->shape, NE_SH_PUNCT);
    assert_int_equal(T(d, 6)->shape, NE_SH_OTHER); /* a caseless script */
    assert_int_equal(T(d, 7)->shape, NE_SH_DASH);
    assert_int_equal(T(d, 8)->shape, NE_SH_QUOTE);
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_offsets_after_multibyte(void **state) {
    (void)state;
    /* "Zürich" has a two-byte u-umlaut: the next token starts at byte 8 */
    ne_doc *d = tok("Z\xC3\xBCrich \xE2\x80\x9C" "Bern\xE2\x80\x9D.");
    assert_int_equal(T(d, 0)->start, 0);
    assert_int_equal(T(d, 0)->end, 7);
    assert_int_equal(T(d, 1)->start, 8);
    assert_int_equal(T(d, 1)->end, 11);
    assert_tok(d, 2, "Bern");
    assert_int_equal(T(d, 2)->start, 11);
    assert_int_equal(T(d, 3)->end - T(d, 3)->start, 3);
    assert_tok(d, 4, ".");
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_fold_marks(void **state) {
    (void)state;
    /* en dash, em dash, minus, guillemets, low quote, ellipsis, backquote */
    ne_doc *d = tok("a \xE2\x80\x93 b \xE2\x80\x94 c \xE2\x88\x92 \xC2\xAB d \xC2\xBB \xE2\x80\x9E e \xE2\x80\xA6 `");
    assert_string_equal(T(d, 1)->norm, "-");
    assert_string_equal(T(d, 3)->norm, "-");
    assert_string_equal(T(d, 5)->norm, "-");
    assert_string_equal(T(d, 6)->norm, "\"");
    assert_string_equal(T(d, 8)->norm, "\"");
    assert_string_equal(T(d, 9)->norm, "\"");
    assert_string_equal(T(d, 11)->norm, "...");
    assert_string_equal(T(d, 12)->norm, "'");
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_clitics(void **state) {
    (void)state;
    ne_doc *d = tok("can't they're we'll I'm O'Brien don\xE2\x80\x99t Iran\xE2\x80\x99s");
    assert_tok(d, 0, "ca");
    assert_tok(d, 1, "n't");
    assert_tok(d, 2, "they");
    assert_tok(d, 3, "'re");
    assert_tok(d, 4, "we");
    assert_tok(d, 5, "'ll");
    assert_tok(d, 6, "I");
    assert_tok(d, 7, "'m");
    assert_tok(d, 8, "O'Brien");
    assert_string_equal(T(d, 8)->norm, "o'brien");
    assert_tok(d, 9, "do");
    assert_string_equal(T(d, 10)->norm, "n't");
    assert_tok(d, 11, "Iran");
    assert_string_equal(T(d, 12)->norm, "'s");
    assert_int_equal(T(d, 12)->shape, NE_SH_LOWER);
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_abbreviations_by_case_and_number(void **state) {
    (void)state;
    ne_doc *d = tok("No. 2 said no. Ill. is ill. Calif. a.m. e.g. Ph.D. Gen.");
    assert_tok(d, 0, "No.");
    assert_true(T(d, 0)->flags & NE_TF_ABBREV);
    assert_tok(d, 1, "2");
    assert_tok(d, 3, "no"); /* "num" entry: only before a number */
    assert_tok(d, 4, ".");
    assert_tok(d, 5, "Ill."); /* listed capitalized */
    assert_tok(d, 7, "ill");  /* so the lower-case word keeps a plain period */
    assert_tok(d, 8, ".");
    assert_tok(d, 9, "Calif.");
    assert_tok(d, 10, "a.m.");
    assert_int_equal(T(d, 10)->shape, NE_SH_LOWER);
    assert_tok(d, 11, "e.g.");
    assert_tok(d, 12, "Ph.D.");
    assert_tok(d, 13, "Gen.");
    assert_true(T(d, 13)->flags & NE_TF_ABBREV);
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_initials_and_hyphens(void **state) {
    (void)state;
    ne_doc *d = tok("John F. Kennedy flew an F-16 near al-Adl.");
    assert_tok(d, 1, "F.");
    assert_true(T(d, 1)->flags & NE_TF_ABBREV);
    assert_tok(d, 5, "F");
    assert_tok(d, 6, "-");
    assert_tok(d, 7, "16");
    assert_tok(d, 9, "al");
    assert_tok(d, 10, "-");
    assert_tok(d, 11, "Adl");
    assert_tok(d, 12, ".");
    assert_false(T(d, 11)->flags & NE_TF_ABBREV);
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_numbers(void **state) {
    (void)state;
    ne_doc *d = tok("3.5% of $1,250 at 10:45, in 1998.");
    assert_tok(d, 0, "3.5");
    assert_tok(d, 1, "%");
    assert_tok(d, 4, "1,250");
    assert_tok(d, 6, "10");
    assert_tok(d, 7, ":");
    assert_tok(d, 8, "45");
    assert_tok(d, 11, "1998");
    assert_tok(d, 12, ".");
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_layout_flags(void **state) {
    (void)state;
    ne_doc *d = tok("One two\nthree\n\nfour\n    five \"six\" (seven)");
    assert_true(T(d, 0)->flags & NE_TF_PARA_START);
    assert_false(T(d, 0)->flags & NE_TF_SPACE_BEFORE);
    assert_true(T(d, 1)->flags & NE_TF_SPACE_BEFORE);
    assert_true(T(d, 2)->flags & NE_TF_NEWLINE);
    assert_false(T(d, 2)->flags & NE_TF_PARA_START);
    assert_true(T(d, 3)->flags & NE_TF_PARA_START); /* blank line */
    assert_true(T(d, 4)->flags & NE_TF_PARA_START); /* deeper indentation */
    assert_tok(d, 5, "\"");
    assert_true(T(d, 5)->flags & NE_TF_QUOTE_OPEN);
    assert_tok(d, 7, "\"");
    assert_true(T(d, 7)->flags & NE_TF_QUOTE_CLOSE);
    assert_tok(d, 8, "(");
    assert_well_formed(d);
    ne_doc_free(d);
}

/* NE_TF_MAY_END: set where ne_may_end says a sentence may end after the
** token, on plain tokens (the fast path) and the others alike. */
static void test_may_end_flag(void **state) {
    (void)state;
    ne_doc *d = tok("Go, now; end! \"Yes.\" (U.S. aid) - x... y 'z' it's 2.5 done");
    static const char *const ends[] = {"!", "\"", ".", "\"", "U.S.", ")", "...", "'", "'", NULL};
    size_t k = 0;
    for (size_t i = 0; i < d->tokens.n; i++) {
        const ne_token *t = T(d, i);
        int want = ne_may_end(t->shape, t->flags, t->norm[0]);
        assert_int_equal((t->flags & NE_TF_MAY_END) != 0, want);
        if (!want) continue;
        assert_non_null(ends[k]);
        assert_tok(d, i, ends[k++]);
    }
    assert_null(ends[k]);
    ne_doc_free(d);
}

static void test_controls_are_spaces(void **state) {
    (void)state;
    const char text[] = "a\x01" "b\tc\x7f" "d\xC2\xA0" "e\xE2\x80\x8B" "f";
    ne_doc *d = tokn(text, sizeof text - 1);
    assert_int_equal(d->tokens.n, 6);
    assert_tok(d, 5, "f");
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_nul_in_text(void **state) {
    (void)state;
    const char text[] = "before\0after.";
    ne_doc *d = tokn(text, sizeof text - 1);
    assert_int_equal(d->tokens.n, 3);
    assert_tok(d, 1, "after");
    ne_doc_free(d);
}

static void test_case_fold_expands(void **state) {
    (void)state;
    ne_doc *d = tok("STRASSE Stra\xC3\x9F" "e \xC4\xB0stanbul");
    assert_string_equal(T(d, 0)->norm, "strasse");
    assert_string_equal(T(d, 1)->norm, "strasse"); /* sharp s folds to ss */
    assert_int_equal(T(d, 1)->shape, NE_SH_CAP);
    assert_int_equal(T(d, 2)->shape, NE_SH_CAP);
    assert_well_formed(d);
    ne_doc_free(d);
}

static void test_long_tokens(void **state) {
    (void)state;
    /* a 600-letter non-ASCII word (past the stack buffer) and a 70,000-byte ASCII word */
    size_t n = 600 * 2 + 1 + 70000;
    char *text = malloc(n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < 600; i++) memcpy(text + 2 * i, "\xC3\x89", 2); /* E acute */
    text[1200] = ' ';
    memset(text + 1201, 'A', 70000);
    text[n] = 0;
    ne_doc *d = tok(text);
    assert_int_equal(d->tokens.n, 2);
    assert_int_equal(T(d, 0)->norm_len, 1200);
    assert_memory_equal(T(d, 0)->norm, "\xC3\xA9\xC3\xA9", 4);
    assert_int_equal(T(d, 1)->end - T(d, 1)->start, 70000);
    assert_int_equal(T(d, 1)->norm[69999], 'a');
    assert_int_equal(T(d, 1)->shape, NE_SH_UPPER);
    ne_doc_free(d);
    free(text);
}

static void test_sentences_and_tokens_agree(void **state) {
    (void)state;
    ne_doc *d = tok("Mr. Khan left. \"Why?\" she asked. The U.S. Army stayed.\n\nNew paragraph");
    assert_int_equal(d->sentences.n, 4);
    assert_int_equal(d->body_sents.n, 4);
    for (size_t s = 0; s < d->sentences.n; s++) {
        const ne_sentence *se = NE_VEC_AT(d->sentences, ne_sentence, s);
        assert_true(T(d, se->tok_first)->flags & NE_TF_SENT_START);
        assert_int_equal(se->start, T(d, se->tok_first)->start);
        assert_int_equal(se->end, T(d, se->tok_first + se->tok_count - 1)->end);
        for (uint32_t k = 0; k < se->tok_count; k++) assert_int_equal(T(d, se->tok_first + k)->sent, s);
    }
    assert_true(NE_VEC_AT(d->sentences, ne_sentence, 3)->para_start);
    assert_false(NE_VEC_AT(d->sentences, ne_sentence, 1)->para_start);
    ne_doc_free(d);
}

static void test_abbrev_lookup(void **state) {
    (void)state;
    assert_int_equal(neSent_abbrev(engine, "Gen", 3), 2);
    assert_int_equal(neSent_abbrev(engine, "GEN", 3), 2);
    assert_int_equal(neSent_abbrev(engine, "gen", 3), 0); /* listed capitalized */
    assert_int_equal(neSent_abbrev(engine, "Inc", 3), 1);
    assert_int_equal(neSent_abbrev(engine, "No", 2), 3);
    assert_int_equal(neSent_abbrev(engine, "etc", 3), 1);
    assert_int_equal(neSent_abbrev(engine, "ETC", 3), 1); /* listed lower case: any case */
    assert_int_equal(neSent_abbrev(engine, "e.g", 3), 2);
    assert_int_equal(neSent_abbrev(engine, "Iran", 4), 0);
    assert_int_equal(neSent_abbrev(engine, "", 0), 0);
}

/* Every letter from U+0080 to U+07FF, in a word between ASCII letters, and
** words with combining marks or letters whose fold grows: each token's
** normal form is utf8proc's NFC case fold of its bytes (token.c folds most
** of these by its table, the others by utf8proc). */
static void test_fold_table_agrees(void **state) {
    (void)state;
    static char text[32768];
    size_t n = 0;
    const char *extra = " Ae\xCC\x81" "b \xC4\xB0" "stanbul \xC5\x89" "x Za\xCC\x88\xC3\xA9 \xC3\x85\xCC\x8A ";
    memcpy(text, extra, strlen(extra));
    n += strlen(extra);
    for (int32_t cp = 0x80; cp < 0x800; cp++) {
        utf8proc_category_t c = utf8proc_category(cp);
        if (c < UTF8PROC_CATEGORY_LU || c > UTF8PROC_CATEGORY_LO) continue;
        text[n++] = 'X';
        n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)text + n);
        memcpy(text + n, "a ", 2);
        n += 2;
    }
    ne_doc *d = tokn(text, n);
    assert_true(d->tokens.n > 1000);
    for (size_t i = 0; i < d->tokens.n; i++) {
        const ne_token *t = T(d, i);
        utf8proc_uint8_t *want = NULL;
        utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)d->seg[0] + t->start, t->end - t->start, &want,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
        assert_true(k >= 0);
        assert_int_equal(t->norm_len, (size_t)k);
        assert_memory_equal(t->norm, want, (size_t)k);
        free(want);
    }
    ne_doc_free(d);
}

/* A document coded again forgets all of the previous article (pipeline.c
** doc_reset), the main country (main_cc) included, even when the new
** article fails before any stage runs. */
static void test_doc_reset_complete(void **state) {
    (void)state;
    static const char text[] = "Pakistani troops clashed with Iranian forces on Tuesday. The Pakistani army "
                               "said Pakistan would defend its border, and Pakistan recalled its ambassador.";
    ne_doc *d = ne_doc_new();
    assert_non_null(d);
    ne_article a = {.id = "a1", .id_len = 2, .text = text, .text_len = sizeof text - 1};
    assert_int_equal(ne_code(engine, d, &a), NE_OK);
    assert_non_null(d->main_cc);
    assert_true(d->actors.n > 0 && d->tokens.n > 0);
    assert_int_equal(ne_code(engine, d, NULL), NE_INVALID);
    assert_null(d->main_cc);
    assert_null(d->id);
    assert_int_equal(d->actors.n + d->tokens.n + d->sentences.n + d->events.n + d->places.n + d->warnings.n, 0);
    assert_int_equal(d->actors.size, sizeof(ne_actor)); /* the vectors are ready for the next article */
    assert_string_equal(d->seg[0], "");
    assert_int_equal(ne_code(engine, d, &a), NE_OK); /* and the document codes again as new */
    assert_non_null(d->main_cc);
    ne_doc_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_reset_complete),
        cmocka_unit_test(test_offsets_and_words),  cmocka_unit_test(test_curly_quotes_fold),
        cmocka_unit_test(test_initialisms_and_abbrev), cmocka_unit_test(test_clitics_and_numbers),
        cmocka_unit_test(test_hyphen_splits),      cmocka_unit_test(test_nfc_and_case),
        cmocka_unit_test(test_invalid_utf8_repaired), cmocka_unit_test(test_mojibake_nbsp), cmocka_unit_test(test_empty),
        cmocka_unit_test(test_shapes), cmocka_unit_test(test_offsets_after_multibyte),
        cmocka_unit_test(test_fold_marks), cmocka_unit_test(test_clitics),
        cmocka_unit_test(test_abbreviations_by_case_and_number), cmocka_unit_test(test_initials_and_hyphens),
        cmocka_unit_test(test_numbers), cmocka_unit_test(test_layout_flags), cmocka_unit_test(test_may_end_flag),
        cmocka_unit_test(test_controls_are_spaces), cmocka_unit_test(test_nul_in_text),
        cmocka_unit_test(test_case_fold_expands), cmocka_unit_test(test_long_tokens),
        cmocka_unit_test(test_sentences_and_tokens_agree), cmocka_unit_test(test_abbrev_lookup), cmocka_unit_test(test_fold_table_agrees),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
