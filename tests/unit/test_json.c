/* test_json.c: the hand-written JSON writer round-trips through jansson for
** every control byte, quotes, backslashes and multi-byte UTF-8; the input
** reader accepts the contract and rejects what it must. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "neInt.h"
#include "json_put.h"

/* s through neJ_str into a buffer with room for room more bytes: n + 64 runs
** the fast path (neJ_put_str) and, for a string that needs escaping, the
** escaping piece by piece; 6 * n + 64 escapes in place (neJ_put_str_escaped). */
static void roundtrip_room(const char *s, size_t n, size_t room) {
    ne_buf b;
    neB_init(&b, 1 << 20);
    assert_non_null(neB_reserve(&b, room));
    neJ_str(&b, s, n);
    assert_int_equal(b.err, 0);
    json_error_t je;
    json_t *v = json_loadb(b.p, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
    assert_non_null(v);
    assert_true(json_is_string(v));
    assert_int_equal(json_string_length(v), n);
    assert_memory_equal(json_string_value(v), s, n);
    json_decref(v);
    neB_free(&b);
}

static void roundtrip(const char *s, size_t n) {
    roundtrip_room(s, n, n + 64);
    roundtrip_room(s, n, 6 * n + 64);
}

/* neJ_put_cstr's three-byte values (actor codes): a byte to escape at each
** place is left to the caller (NULL), a plain one is copied quoted. */
static void test_three_byte_values(void **state) {
    (void)state;
    char out[16];
    char *e = neJ_put_cstr(out, "IND", 3);
    assert_non_null(e);
    assert_int_equal(e - out, 5);
    assert_memory_equal(out, "\"IND\"", 5);
    const char special[] = {1, 0x1f, '"', '\\'};
    for (size_t k = 0; k < sizeof special; k++)
        for (size_t at = 0; at < 3; at++) {
            char v[4] = "GOV";
            v[at] = special[k];
            assert_null(neJ_put_cstr(out, v, 3));
        }
}

/* neJ_put_str at every length to 40 (the word, two-word and sixteen-byte
** tests): a plain string (ASCII from the space, DEL, UTF-8 bytes) is copied
** quoted, never left to the escaping path; a byte to escape at any place
** is found (NULL). */
static void test_put_str_lengths(void **state) {
    (void)state;
    const char special[] = {0, 1, 0x1f, '"', '\\'};
    for (size_t n = 0; n <= 40; n++) {
        char s[48], out[64];
        for (size_t i = 0; i < n; i++) s[i] = i % 3 == 2 ? (char)0xE9 : i % 5 == 4 ? (char)0x7f : (char)(' ' + i);
        char *e = neJ_put_str(out, s, n);
        assert_non_null(e);
        assert_int_equal(e - out, (long)n + 2);
        assert_int_equal(out[0], '"');
        assert_memory_equal(out + 1, s, n);
        assert_int_equal(out[n + 1], '"');
        for (size_t k = 0; k < sizeof special; k++)
            for (size_t at = 0; at < n; at++) {
                char t[48];
                memcpy(t, s, n);
                t[at] = special[k];
                assert_null(neJ_put_str(out, t, n));
            }
    }
}

static void test_every_ascii_byte(void **state) {
    (void)state;
    char all[128];
    for (int i = 0; i < 128; i++) all[i] = (char)i;
    roundtrip(all, sizeof all);
    for (int i = 0; i < 128; i++) roundtrip(all + i, 1);
    /* each byte to escape at each place of a run longer than eight (the
    ** writer scans eight bytes at a time), among ASCII and UTF-8 bytes */
    const char special[] = {0, 1, 0x1f, '"', '\\', 0x7f};
    for (size_t k = 0; k < sizeof special; k++)
        for (size_t at = 0; at < 20; at++) {
            char run[40];
            size_t n = 0;
            while (n + 2 <= at) run[n++] = (char)0xC3, run[n++] = (char)0xA9; /* "é" */
            if (n < at) run[n++] = 'a';
            run[n++] = special[k];
            for (size_t j = 0; j < 10; j++) run[n++] = j % 2 ? 'b' : '.';
            roundtrip(run, n);
        }
    /* and at each place of the short strings (1 to 7 bytes) whose bytes the
    ** writer tests as one word */
    for (size_t k = 0; k < sizeof special; k++)
        for (size_t n = 1; n <= 7; n++)
            for (size_t at = 0; at < n; at++) {
                char run[8];
                memcpy(run, "abcdefg", n);
                run[at] = special[k];
                roundtrip(run, n);
            }
}

static void test_utf8_and_specials(void **state) {
    (void)state;
    const char *s = "\"quoted\" \\ back / slash \xE2\x80\x9C\xE2\x80\x9D \xF0\x9F\x98\x80 \xC3\xA9\x7F";
    roundtrip(s, strlen(s));
    roundtrip("", 0);
}

static void test_numbers(void **state) {
    (void)state;
    ne_buf b;
    neB_init(&b, 1024);
    neJ_num(&b, -10.0);
    neB_addc(&b, ' ');
    neJ_num(&b, 0.03);
    neB_addc(&b, ' ');
    neJ_num(&b, 1.0 / 0.0);
    assert_string_equal(b.p, "-10.0 0.03 null");
    neB_free(&b);
    /* other numbers are written as "%.4g" writes them (coordinates, scores),
    ** the writer's own digits included: near ties, across the decimal
    ** exponents, rounding up to the next power of ten */
    const double v[] = {35.6892, -122.4194, 0.855, 0.7695, 0.5625, 0.00012345, 0.000099995, 9999.4, 9999.5,
                        99.995, 1.0005, 2.5e-5, 12345.678, -0.0001, 0.30000000000000004, 1.23456e-7};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char want[32];
        snprintf(want, sizeof want, "%.4g", v[i]);
        neB_init(&b, 64);
        neJ_num(&b, v[i]);
        assert_string_equal(b.p, want);
        neB_free(&b);
    }
    for (int i = -20000; i <= 20000; i += 7) { /* every step of 0.001 and 0.0001 around zero */
        for (double scale = 1e-3; scale >= 1e-4; scale /= 10) {
            char want[32];
            snprintf(want, sizeof want, "%.4g", i * scale);
            neB_init(&b, 64);
            neJ_num(&b, i * scale);
            if (i * scale != (double)(long long)(i * scale)) assert_string_equal(b.p, want);
            neB_free(&b);
        }
    }
}

/* neJ_int writes what printf's %lld does: every value up to five digits
** (the writer's one-, two- and four-digit paths and their edges), each power
** of ten and its neighbours, and the extremes; into a buffer with room (the
** straight write) and into a fresh one. */
static void int_as_printf(long long v) {
    char want[32];
    snprintf(want, sizeof want, "%lld", v);
    for (int room = 0; room < 2; room++) {
        ne_buf b;
        neB_init(&b, 64);
        if (room) assert_non_null(neB_reserve(&b, 32));
        neJ_int(&b, v);
        assert_string_equal(b.p, want);
        neB_free(&b);
    }
}

static void test_ints(void **state) {
    (void)state;
    for (long long v = -100001; v <= 100001; v++) int_as_printf(v);
    for (long long p = 10; p <= LLONG_MAX / 10; p *= 10)
        for (long long d = -1; d <= 1; d++) int_as_printf(p + d), int_as_printf(-(p + d));
    int_as_printf(LLONG_MAX);
    int_as_printf(LLONG_MIN);
}

/* neV_reserve refuses a capacity whose byte size wraps around: 16-byte items
** times SIZE_MAX / 16 + 2 is 16 bytes modulo 2^64, which the arena would give
** while the vector then took itself for a huge one. */
static void test_vec_reserve_overflow(void **state) {
    (void)state;
    ne_arena a;
    neA_init(&a);
    ne_vec v;
    neV_init(&v, 16);
    assert_int_equal(neV_reserve(&a, &v, SIZE_MAX / 16 + 2), NE_NOMEM);
    assert_int_equal(v.cap, 0);
    assert_int_equal(neV_reserve(&a, &v, 4), NE_OK);
    assert_non_null(neV_push(&a, &v));
    assert_int_equal(v.n, 1);
    neA_free(&a);
}

static void test_buf_cap(void **state) {
    (void)state;
    ne_buf b;
    neB_init(&b, 8);
    assert_int_equal(neB_adds(&b, "12345678"), NE_OK);
    assert_int_equal(neB_addc(&b, 'x'), NE_TOOBIG);
    assert_int_equal(neB_adds(&b, ""), NE_TOOBIG); /* sticky */
    neB_free(&b);
}

static void test_article_reader(void **state) {
    (void)state;
    ne_article a;
    void *scratch;
    char err[256];
    const char *ok = "{\"id\":\"a1\",\"text\":\"Hi \\u00e9\",\"title\":null,\"extra\":[1,2],\"date\":\"2024-01-17\"}";
    assert_int_equal(ne_article_from_json(ok, strlen(ok), &a, &scratch, err, sizeof err), NE_OK);
    assert_int_equal(a.id_len, 2);
    assert_memory_equal(a.text, "Hi \xC3\xA9", 5);
    assert_null(a.title);
    assert_int_equal(a.date_len, 10);
    ne_free(scratch);
    const char *num = "{\"id\":42,\"text\":\"x\"}";
    assert_int_equal(ne_article_from_json(num, strlen(num), &a, &scratch, err, sizeof err), NE_OK);
    assert_memory_equal(a.id, "42", 2);
    ne_free(scratch);
    const char *bad[] = {"{\"text\":\"x\"}", "{\"id\":\"1\"}", "[1]", "{\"id\":\"1\",\"text\":5}",
                         "{\"id\":\"1\",\"text\":\"a\",\"text\":\"b\"}", "{\"id\":", "",
                         "{\"id\":\"1\",\"text\":\"x\",\"title\":{}}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(ne_article_from_json(bad[i], strlen(bad[i]), &a, &scratch, err, sizeof err), NE_INVALID);
        assert_true(strlen(err) > 0);
        ne_free(scratch);
    }
}

/* Records of string and null values (json_read.c's fast path): escapes,
** surrogate pairs, raw UTF-8, and the syntax errors jansson reports. */
static void test_article_reader_strings(void **state) {
    (void)state;
    ne_article a;
    void *scratch;
    char err[256];
    const char *ok = " { \"date\" : null , \"id\":\"r-1\",\"text\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00 \xE2\x82\xAC\",\"x\":\"\"} ";
    assert_int_equal(ne_article_from_json(ok, strlen(ok), &a, &scratch, err, sizeof err), NE_OK);
    assert_null(a.date);
    assert_int_equal(a.id_len, 3);
    assert_int_equal(a.text_len, 18);
    assert_memory_equal(a.text, "a\"b\\c/d\n\xC3\xA9\xF0\x9F\x98\x80 \xE2\x82\xAC", 19); /* with its NUL */
    ne_free(scratch);
    const char *bad[] = {"{\"id\":\"1\",\"text\":\"x\",}", "{\"id\":\"1\",\"text\":\"\\ud83d\"}",
                         "{\"id\":\"1\",\"text\":\"\xC0\xAF\"}", "{\"id\":\"1\",\"text\":\"a\x01\"}",
                         "{\"id\":null,\"text\":\"x\"}", "{\"id\":\"1\",\"text\":\"x\"} x", "{\"id\":\"1\",\"text\":\"x\"",
                         "{\"id\":\"1\",\"text\":\"\\q\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(ne_article_from_json(bad[i], strlen(bad[i]), &a, &scratch, err, sizeof err), NE_INVALID);
        assert_true(strlen(err) > 0);
        ne_free(scratch);
    }
}

/* Each escape (and a raw UTF-8 character, and a control byte) at every
** offset from 0 to 19 in a text, with plain bytes of every length after it:
** json_read.c's fast path reads sixteen (SSE2) or eight bytes at a time, so
** each lane of a word and each word boundary is crossed.  The fast path (string id) and
** jansson (integer id) must both decode the expected text. */
static void test_article_reader_escape_offsets(void **state) {
    (void)state;
    static const char *const esc[][2] = {
        {"\\n", "\n"}, {"\\\"", "\""}, {"\\\\", "\\"}, {"\\/", "/"}, {"\\t", "\t"}, {"\\r", "\r"},
        {"\\b", "\b"}, {"\\f", "\f"}, {"\\u00e9", "\xC3\xA9"}, {"\\u20AC", "\xE2\x82\xAC"},
        {"\\ud83d\\ude00", "\xF0\x9F\x98\x80"}, {"\xE2\x82\xAC", "\xE2\x82\xAC"}, {"\\u0041", "A"},
    };
    const char *plain = "abcdefghijklmnopqrstuvwxyz0123456789";
    char line[256], want[128], err[256];
    ne_article a;
    void *scratch;
    for (size_t e = 0; e < sizeof esc / sizeof esc[0]; e++) {
        for (int pos = 0; pos < 20; pos++) {
            for (int tail = 0; tail < 12; tail++) {
                int wn = snprintf(want, sizeof want, "%.*s%s%.*s", pos, plain, esc[e][1], tail, plain + pos);
                for (int fast = 0; fast < 2; fast++) {
                    snprintf(line, sizeof line, "{\"id\":%s,\"text\":\"%.*s%s%.*s\",\"title\":\"t\"}",
                             fast ? "\"1\"" : "1", pos, plain, esc[e][0], tail, plain + pos);
                    assert_int_equal(ne_article_from_json(line, strlen(line), &a, &scratch, err, sizeof err), NE_OK);
                    assert_int_equal(a.text_len, (size_t)wn);
                    assert_memory_equal(a.text, want, (size_t)wn + 1);
                    assert_int_equal(a.title_len, 1);
                    assert_string_equal(a.title, "t");
                    ne_free(scratch);
                }
            }
        }
    }
    for (int pos = 0; pos < 20; pos++) { /* a raw control byte: an error from either path */
        snprintf(line, sizeof line, "{\"id\":\"1\",\"text\":\"%.*s\x01%s\"}", pos, plain, plain);
        assert_int_equal(ne_article_from_json(line, strlen(line), &a, &scratch, err, sizeof err), NE_INVALID);
        ne_free(scratch);
    }
}

/* ne_date_valid: the article date test, also what `code --date` accepts. */
static void test_date_valid(void **state) {
    (void)state;
    static const char *const good[] = {"2024-01-17", "2024-02-29", "2000-02-29", "0001-12-31"};
    static const char *const bad[] = {"2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
                                      "0000-01-01", "2024-1-07", "+024-01-01", " 2024-1-01", "2024-01-17x", ""};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) assert_int_equal(ne_date_valid(good[i], strlen(good[i])), 1);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) assert_int_equal(ne_date_valid(bad[i], strlen(bad[i])), 0);
    assert_int_equal(ne_date_valid("2024-01-17", 7), 0); /* a month is no date */
    assert_int_equal(ne_date_valid(NULL, 0), 0);
}

/* ne_utf8_len: the sequence lengths the text stage and the service's page
** extraction (server/extract.c) repair with. */
static void test_utf8_len(void **state) {
    (void)state;
    assert_int_equal(ne_utf8_len("a", 1), 1);
    assert_int_equal(ne_utf8_len("\xc3\xbc", 2), 2);         /* u-umlaut */
    assert_int_equal(ne_utf8_len("\xe2\x80\x99", 3), 3);     /* right quotation mark */
    assert_int_equal(ne_utf8_len("\xf0\x9f\x98\x80", 4), 4); /* an emoji */
    assert_int_equal(ne_utf8_len("\xfcrich", 5), 0);          /* Latin-1 u-umlaut */
    assert_int_equal(ne_utf8_len("\xc0\xaf", 2), 0);          /* overlong */
    assert_int_equal(ne_utf8_len("\xed\xa0\x80", 3), 0);     /* surrogate */
    assert_int_equal(ne_utf8_len("\xf4\x90\x80\x80", 4), 0); /* past U+10FFFF */
    assert_int_equal(ne_utf8_len("\xe2\x80\x99", 2), 0);     /* cut short */
    assert_int_equal(ne_utf8_len("a", 0), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_ascii_byte), cmocka_unit_test(test_utf8_and_specials),
        cmocka_unit_test(test_numbers), cmocka_unit_test(test_three_byte_values), cmocka_unit_test(test_put_str_lengths),
        cmocka_unit_test(test_ints), cmocka_unit_test(test_buf_cap), cmocka_unit_test(test_vec_reserve_overflow), cmocka_unit_test(test_article_reader),
        cmocka_unit_test(test_article_reader_strings), cmocka_unit_test(test_article_reader_escape_offsets), cmocka_unit_test(test_date_valid),
        cmocka_unit_test(test_utf8_len),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
