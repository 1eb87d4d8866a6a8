/* test_events_golden.c: runs tests/golden/events*.txt through the whole
** pipeline (shipped dictionaries and patterns) and compares the set of
** (source, target, code[, date]) of each sentence with the expected set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsevents.h"

#ifndef NE_SRC_DIR
#define NE_SRC_DIR "."
#endif

static ne_engine *engine;

/* One expected or produced event: "SRC TGT CODE [DATE]". */
typedef struct want { char src[16], tgt[16], code[8], date[16]; int seen; } want;

/* want_code is a prefix of got ("IRN" matches IRNGOV); "IRN." matches IRN only. */
static int prefix_eq(const char *want_code, const char *got) {
    if (!strcmp(want_code, "-")) return got == NULL;
    size_t n = strlen(want_code);
    if (n && want_code[n - 1] == '.') return got && strlen(got) == n - 1 && !strncmp(got, want_code, n - 1);
    return got && !strncmp(got, want_code, n);
}

static int event_eq(const want *w, const ne_event *e) {
    if (strcmp(w->code, e->code)) return 0;
    if (!prefix_eq(w->src, e->has_source ? e->source.code : NULL)) return 0;
    if (!prefix_eq(w->tgt, e->has_target ? e->target.code : NULL)) return 0;
    return !w->date[0] || (e->date && !strcmp(w->date, e->date));
}

/* Code one sentence and compare; returns the number of mismatches (printed). */
static int check_sentence(const char *file, int line, const char *text, want *w, int nw) {
    ne_doc *d = ne_doc_new();
    ne_article a = {0};
    a.id = "g"; a.id_len = 1;
    a.text = text; a.text_len = strlen(text);
    a.date = "2024-01-17"; a.date_len = 10;
    assert_int_equal(ne_code(engine, d, &a), NE_OK);
    size_t n;
    const ne_event *ev = ne_doc_events(d, &n);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        int hit = 0;
        for (int k = 0; k < nw; k++)
            if (!w[k].seen && event_eq(&w[k], &ev[i])) { w[k].seen = hit = 1; break; }
        if (!hit) {
            bad++;
            printf("%s:%d: unexpected %s %s %s %s in: %s\n", file, line,
                   ev[i].has_source ? ev[i].source.code : "-", ev[i].has_target ? ev[i].target.code : "-",
                   ev[i].code, ev[i].date ? ev[i].date : "-", text);
        }
    }
    for (int k = 0; k < nw; k++)
        if (!w[k].seen) {
            bad++;
            printf("%s:%d: missing %s %s %s %s in: %s\n", file, line, w[k].src, w[k].tgt, w[k].code, w[k].date, text);
        }
    ne_doc_free(d);
    return bad;
}

static int run_file(const char *name, int *cases) {
    char path[1024], line[2048], sent[2048] = "";
    snprintf(path, sizeof path, "%s/tests/golden/%s", NE_SRC_DIR, name);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    want w[16];
    int nw = 0, lineno = 0, sline = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] == '#' || !line[0]) continue;
        if (line[0] == '=') {
            assert_true(sent[0] && nw < 16);
            memset(&w[nw], 0, sizeof w[nw]);
            int k = sscanf(line + 1, "%15s %15s %7s %15s", w[nw].src, w[nw].tgt, w[nw].code, w[nw].date);
            assert_true(k >= 3);
            nw++;
            continue;
        }
        if (sent[0]) bad += check_sentence(name, sline, sent, w, nw), (*cases)++;
        snprintf(sent, sizeof sent, "%s", line);
        sline = lineno;
        nw = 0;
    }
    if (sent[0]) bad += check_sentence(name, sline, sent, w, nw), (*cases)++;
    fclose(f);
    return bad;
}

/* scandir filter: "events" then anything then ".txt" (events.txt,
** events-economy.txt, ...). */
static int events_file(const struct dirent *de) {
    size_t n = strlen(de->d_name);
    return n >= 10 && !strncmp(de->d_name, "events", 6) && !strcmp(de->d_name + n - 4, ".txt");
}

/* Every events*.txt of tests/golden, in name order, so that a new family of
** tests is a new file (no shared file every branch appends to). */
static void test_events_golden(void **state) {
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/golden", NE_SRC_DIR);
    struct dirent **names;
    int nn = scandir(dir, &names, events_file, alphasort);
    assert_true(nn >= 0);
    int cases = 0, bad = 0;
    for (int i = 0; i < nn; i++) {
        bad += run_file(names[i]->d_name, &cases);
        free(names[i]);
    }
    free(names);
    printf("events golden: %d files, %d sentences, %d mismatches\n", nn, cases, bad);
    assert_true(nn >= 7);
    assert_int_equal(bad, 0);
}

int main(void) {
    if (ne_engine_open(&engine, NULL) != NE_OK) {
        fprintf(stderr, "engine: %s\n", ne_engine_errmsg(engine));
        return 1;
    }
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_events_golden)};
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ne_engine_close(engine);
    return rc;
}
