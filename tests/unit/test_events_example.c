/* test_events_example.c: the founding example (../shared/examples/
** iran-pakistan-2024-01-17.txt, read at run time; exit 77 = skipped when
** absent) must give the events docs/PRODUCT.md lists, and no Pakistani force
** event against Iran in January 2024 (those sentences are hypotheticals). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsevents.h"

#ifndef NE_SHARED_DIR
#define NE_SHARED_DIR "../shared"
#endif

static int failures;

static void check(int ok, const char *what) {
    printf("%s: %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) failures++;
}

static int code_is(const ne_actor *a, int has, const char *prefix) {
    return has && a->code && !strncmp(a->code, prefix, strlen(prefix));
}

static int root_in(const ne_event *e, const char *roots) { return strstr(roots, e->root) != NULL; }

/* Is there an event src->tgt (code prefixes; NULL = any) with a root in
** roots and a date starting with date (NULL = any)? */
static int has_event(const ne_event *ev, size_t n, const char *src, const char *tgt, const char *roots,
                     const char *date) {
    for (size_t i = 0; i < n; i++) {
        const ne_event *e = &ev[i];
        if (src && !code_is(&e->source, e->has_source, src)) continue;
        if (tgt && !code_is(&e->target, e->has_target, tgt)) continue;
        if (!root_in(e, roots)) continue;
        if (date && (!e->date || strncmp(e->date, date, strlen(date)))) continue;
        return 1;
    }
    return 0;
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf) buf[*len] = 0;
    return buf;
}

static void check_events(const ne_doc *d) {
    size_t n, na;
    const ne_event *ev = ne_doc_events(d, &n);
    check(has_event(ev, n, "IRN", "PAK", "19", "2024-01-16"), "IRN -> PAK 19x on 2024-01-16");
    check(has_event(ev, n, "IRN", "IRQ", "19", NULL), "IRN -> IRQ 19x");
    check(has_event(ev, n, "PAK", "IRN", "16", NULL), "PAK -> IRN 16x (expels the ambassador, recalls its own)");
    check(has_event(ev, n, "PAK", "IRN", "161", NULL), "PAK -> IRN 161");
    check(has_event(ev, n, "PAK", NULL, "13", NULL), "PAK 13x (warning, right to respond)");
    check(has_event(ev, n, "PAK", "IRN", "112", NULL), "PAK -> IRN 112");
    check(has_event(ev, n, "IRN", "PAK", "112", NULL), "IRN -> PAK 112");
    check(has_event(ev, n, "PAK", "AFG", "112", NULL), "PAK -> AFG 112");
    check(has_event(ev, n, "PAKMIL", "IRN", "19", "2017"), "PAK MIL downs an Iranian drone (2017)");
    for (size_t i = 0; i < n; i++)
        if (code_is(&ev[i].source, ev[i].has_source, "PAK") && code_is(&ev[i].target, ev[i].has_target, "IRN") &&
            root_in(&ev[i], "18 19 20") && ev[i].date && !strncmp(ev[i].date, "2024-01", 7)) {
            check(0, "no PAK -> IRN 18x/19x/20x event dated January 2024");
            printf("      offending evidence: %s\n", ev[i].evidence);
            return;
        }
    check(1, "no PAK -> IRN 18x/19x/20x event dated January 2024");
    /* Jaish al-Adl's attack needs the group in the actor dictionaries. */
    const ne_actor *ac = ne_doc_actors(d, &na);
    const char *jcode = NULL;
    for (size_t i = 0; i < na; i++)
        if (ac[i].text && strstr(ac[i].text, "Jaish") && ac[i].code) jcode = ac[i].code;
    if (!jcode) {
        printf("note: 'Jaish al-Adl' is not in the actor dictionaries; its attack is not asserted\n");
        return;
    }
    check(has_event(ev, n, jcode, "IRN", "18 19", "2023-12-15"), "Jaish al-Adl -> IRN 18x/19x on 2023-12-15");
}

int main(void) {
    const char *shared = getenv("NE_SHARED") ? getenv("NE_SHARED") : NE_SHARED_DIR;
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/iran-pakistan-2024-01-17.txt", shared);
    size_t len;
    char *txt = read_all(path, &len);
    if (!txt) {
        printf("SKIP: %s not found\n", path);
        return 77;
    }
    char *body = strstr(txt, "\n\n");
    ne_engine *e;
    if (!body || ne_engine_open(&e, NULL) != NE_OK) {
        printf("FAIL: cannot open the engine or split the title\n");
        return 1;
    }
    ne_article a = {0};
    a.id = "iran-pakistan"; a.id_len = strlen(a.id);
    a.title = txt; a.title_len = (size_t)(body - txt);
    a.text = body + 2; a.text_len = len - (size_t)(body + 2 - txt);
    a.date = "2024-01-17"; a.date_len = 10;
    ne_doc *d = ne_doc_new();
    if (ne_code(e, d, &a) != NE_OK) {
        printf("FAIL: %s\n", ne_doc_errmsg(d));
        failures++;
    } else {
        check_events(d);
    }
    ne_doc_free(d);
    ne_engine_close(e);
    free(txt);
    return failures ? 1 : 0;
}
