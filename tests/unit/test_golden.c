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
#include "ne_fixture.h"



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

/* Turn the two characters "\\n" into a line break, in place. */
static void unescape(char *s) {
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') { *w++ = '\n'; r++; }
        else *w++ = *r;
    }
    *w = 0;
}

/* The speaker of q as the output reports it (following references). */
static void speaker_name(const ne_doc *d, const ne_quote *q, char *out, size_t cap) {
    size_t na;
    const ne_actor *a = ne_doc_actors(d, &na);
    if (q->speaker >= 0 && (size_t)q->speaker < na) {
        const ne_actor *m = &a[q->speaker];
        for (int hops = 0; m->ref >= 0 && (size_t)m->ref < na && hops < 16; hops++) m = &a[m->ref];
        snprintf(out, cap, "%s", m->name ? m->name : m->text);
    } else if (q->unresolved) {
        snprintf(out, cap, "?%s", q->unresolved);
    } else {
        snprintf(out, cap, "-");
    }
}

static void quote_list(const ne_doc *d, char *out, size_t cap) {
    size_t n, w = 0;
    const ne_quote *q = ne_doc_quotes(d, &n);
    snprintf(out, cap, "-");
    for (size_t i = 0; i < n && w < cap; i++) {
        char who[256];
        speaker_name(d, &q[i], who, sizeof who);
        int k = snprintf(out + w, cap - w, "%s%s=>%s", i ? " ; " : "", q[i].text, who);
        if (k < 0) break;
        w += (size_t)k;
    }
}

/* How many "... with no antecedent" warnings d has. */
static int antecedent_warnings(const ne_doc *d) {
    size_t n;
    const char *const *w = ne_doc_warnings(d, &n);
    int k = 0;
    for (size_t i = 0; i < n; i++) k += strstr(w[i], "with no antecedent") != NULL;
    return k;
}

static void test_quotes_golden(void **state) {
    (void)state;
    FILE *f = open_golden("quotes.tsv");
    char line[2048], got[4096];
    int lineno = 0, cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *fl[3];
        int nf = split_tabs(line, fl, 3);
        if (line[0] == '#' || line[0] == '\n' || nf < 2) continue;
        unescape(fl[0]);
        ne_doc *d = code_case("2024-01-17", NULL, fl[0]);
        quote_list(d, got, sizeof got);
        cases++;
        if (strcmp(got, fl[1])) {
            bad++;
            print_message("quotes.tsv:%d: %s\n  want: %s\n  got:  %s\n", lineno, fl[0], fl[1], got);
        }
        if (nf == 3 && (strncmp(fl[2], "warn=", 5) || antecedent_warnings(d) != (int)strtol(fl[2] + 5, NULL, 10))) {
            bad++;
            print_message("quotes.tsv:%d: %s\n  want: %s\n  got:  warn=%d\n", lineno, fl[0], fl[2], antecedent_warnings(d));
        }
        ne_doc_free(d);
    }
    fclose(f);
    print_message("quotes golden: %d cases, %d wrong\n", cases, bad);
    assert_true(cases >= 20);
    assert_int_equal(bad, 0);
}

static void test_headline_golden(void **state) {
    (void)state;
    FILE *f = open_golden("headline.tsv");
    char line[4096];
    int lineno = 0, cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *fl[3];
        if (line[0] == '#' || line[0] == '\n' || split_tabs(line, fl, 3) != 3) continue;
        ne_doc *d = code_case("2024-01-17", fl[0], fl[1]);
        const ne_headline *h = ne_doc_headline(d);
        assert_int_equal(h->present, 1);
        assert_true(h->score >= 0 && h->score <= 1);
        const char *got = h->related ? "related" : "unrelated";
        cases++;
        if (strcmp(got, fl[2])) {
            bad++;
            print_message("headline.tsv:%d: %s\n  want: %s\n  got:  %s (score %.3f)\n", lineno, fl[0], fl[2], got, h->score);
        }
        ne_doc_free(d);
    }
    fclose(f);
    assert_true(cases >= 6);
    assert_int_equal(bad, 0);
}

/* No title: no headline verdict; quote marks are tagged on their tokens
** only through the public output, so check the in-quote text spans. */
static void test_headline_absent(void **state) {
    (void)state;
    ne_doc *d = code_case("-", NULL, "Talks resumed on Monday.");
    assert_int_equal(ne_doc_headline(d)->present, 0);
    ne_doc_free(d);
}

static void test_quote_spans(void **state) {
    (void)state;
    const char *text = "Officials said: \xE2\x80\x9CWe are ready.\xE2\x80\x9D";
    ne_doc *d = code_case("-", NULL, text);
    size_t n;
    const ne_quote *q = ne_doc_quotes(d, &n);
    assert_int_equal(n, 1);
    assert_int_equal(q[0].span.start, 19); /* after the 3-byte opening mark */
    assert_int_equal(q[0].span.end - q[0].span.start, strlen("We are ready."));
    assert_string_equal(q[0].cue, "said");
    ne_doc_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timex_golden),
        cmocka_unit_test(test_quotes_golden),
        cmocka_unit_test(test_headline_golden),
        cmocka_unit_test(test_headline_absent),
        cmocka_unit_test(test_quote_spans),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
