/* test_dict_names.c: the dictionary loader keys names of plain letters,
** accented letters and hyphens without the tokenizer (dict.c simple_name);
** its tokens must be exactly the tokenizer's, for every two-byte code point
** and for names of the shapes the gazetteer has. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dict.h"
#include "ne_fixture.h"

/* Keys of name by both paths; returns 1 when the fast path took it (and then
** asserts both agree), 0 when it left the name to the tokenizer. */
static int same_keys(const char *name) {
    char fast[1024], slow[1024];
    size_t n = strlen(name);
    int nf = neDict_name_keys(engine, name, n, 1, fast, sizeof fast);
    int ns = neDict_name_keys(engine, name, n, 0, slow, sizeof slow);
    assert_true(ns >= 0);
    if (nf < 0) return 0;
    if (nf != ns || strcmp(fast, slow) != 0) fail_msg("'%s': fast '%s' tokenizer '%s'", name, fast, slow);
    return 1;
}

/* Every code point U+0080..U+07FF alone, first, inside, last and next to a
** hyphen: wherever the fast path takes it, the tokenizer agrees. */
static void test_every_two_byte_code_point(void **state) {
    (void)state;
    static const char *const frames[] = {"%s", "%sab", "Ab%s", "x%sY Zed", "Al-%s Ba", "%s-%s", "AB%sCD"};
    int taken = 0, letters = 0;
    for (unsigned cp = 0x80; cp < 0x800; cp++) {
        char ch[3] = {(char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F)), 0}, name[64];
        int all = 1;
        for (size_t f = 0; f < sizeof frames / sizeof *frames; f++) {
            snprintf(name, sizeof name, frames[f], ch, ch);
            int took = same_keys(name);
            taken += took;
            all &= took;
        }
        letters += all;
    }
    /* Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic letters are most
    ** of this range: the fast path must take them. */
    assert_true(letters > 1000);
    assert_true(taken > 7000);
}

/* Names of the shapes the dictionaries have. */
static void test_name_shapes(void **state) {
    (void)state;
    static const char *const taken[] = {
        "Zürich", "São Tomé", "Escaldes-Engordany", "al-Qaeda", "Jean-Baptiste Ouédraogo", "ÉTATS-UNIS", "Straße",
        "Ærøskøbing", "Ørsted", "Μύκονος", "Москва", "ДНР", "Łódź", "Dąbrowa Górnicza", "x", "A", "-", "a--b",
        "US", "deSouza", "İ"};
    static const char *const left[] = {"Côte d'Ivoire", "U.S.", "M-23", "Sant  Julià", "Provence-Alpes-Côte-d’Azur",
                                       "Abū Z̧aby", "AT&T", "Kreis 7", "a b c d e f g h i j k l m n o p q"};
    int took = 0;
    for (size_t i = 0; i < sizeof taken / sizeof *taken; i++) took += same_keys(taken[i]);
    assert_true(took >= (int)(sizeof taken / sizeof *taken) - 1); /* İ folds to 3 bytes: the tokenizer's */
    for (size_t i = 0; i < sizeof left / sizeof *left; i++) assert_int_equal(same_keys(left[i]), 0);
    char keys[256];
    assert_int_equal(neDict_name_keys(engine, "Escaldes-Engordany", 18, 1, keys, sizeof keys), 3);
    assert_string_equal(keys, "escaldes/1 -/0 engordany/1");
    assert_int_equal(neDict_name_keys(engine, "São Tomé", strlen("São Tomé"), 1, keys, sizeof keys), 2);
    assert_string_equal(keys, "são/1 tomé/1");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_two_byte_code_point),
        cmocka_unit_test(test_name_shapes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
