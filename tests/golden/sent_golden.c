/* sent_golden.c: golden test runner for the sentence splitter.
**   sent_golden FILE     check every case of FILE (format: tests/golden/sentences.txt)
**   sent_golden -        print the sentences of the text on stdin, one per line
** Sentences are printed with each run of whitespace (line breaks included)
** shown as one space.  Uses only the public API. */
#include "newsevents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE ((size_t)16 << 20)

typedef struct strbuf {
    char *p;
    size_t len, cap;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) {
            fputs("sent_golden: out of memory\n", stderr);
            exit(2);
        }
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Sentences of text as lines with whitespace runs collapsed, into out. */
static int split_text(const ne_engine *e, ne_doc *d, const char *text, size_t len, strbuf *out) {
    ne_article a = {0};
    a.id = "golden";
    a.id_len = 6;
    a.text = text;
    a.text_len = len;
    if (ne_code(e, d, &a) != NE_OK) {
        fprintf(stderr, "sent_golden: %s\n", ne_doc_errmsg(d));
        return -1;
    }
    size_t n, tl;
    const ne_span *s = ne_doc_sentences(d, &n);
    const char *t = ne_doc_text(d, &tl);
    out->len = 0;
    sb_add(out, "", 0);
    for (size_t i = 0; i < n; i++) {
        for (uint32_t k = s[i].start; k < s[i].end && k < tl; k++) {
            if (!is_space(t[k])) sb_add(out, t + k, 1);
            else if (k + 1 < s[i].end && !is_space(t[k + 1])) sb_add(out, " ", 1);
        }
        sb_add(out, "\n", 1);
    }
    return 0;
}

static char *read_all(FILE *f, size_t *len) {
    strbuf b = {0};
    char chunk[65536];
    size_t got;
    sb_add(&b, "", 0);
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < MAX_FILE) sb_add(&b, chunk, got);
    *len = b.len;
    return b.p;
}

/* One case: description, input text and expected sentences. */
typedef struct gcase {
    int line;
    strbuf desc, input, expect;
} gcase;

static int check_case(const ne_engine *e, ne_doc *d, gcase *c, const char *path) {
    strbuf got = {0};
    int ok = split_text(e, d, c->input.p ? c->input.p : "", c->input.len, &got) == 0 &&
             strcmp(got.p, c->expect.p ? c->expect.p : "") == 0;
    if (!ok)
        printf("%s:%d: FAIL %s\n--- expected\n%s--- got\n%s\n", path, c->line, c->desc.p ? c->desc.p : "",
               c->expect.p ? c->expect.p : "", got.p ? got.p : "(error)\n");
    free(got.p);
    return ok;
}

static void case_reset(gcase *c, int line) {
    c->line = line;
    c->desc.len = c->input.len = c->expect.len = 0;
    sb_add(&c->desc, "", 0);
    sb_add(&c->input, "", 0);
    sb_add(&c->expect, "", 0);
}

/* Walk the file: "## desc" starts a case, its input runs to a "--" line, the
** expected sentences (blank lines and "#" comments skipped) to the next case. */
static int run_file(const ne_engine *e, ne_doc *d, const char *path, int *ncases) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "sent_golden: cannot open %s\n", path);
        return -1;
    }
    size_t len;
    char *all = read_all(f, &len);
    fclose(f);
    gcase c = {0};
    int state = 0, lineno = 0, failed = 0; /* state 0 preamble, 1 input, 2 expected */
    for (char *p = all, *end = all + len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        lineno++;
        if (n >= 3 && !memcmp(p, "## ", 3)) {
            if (state == 2) {
                failed += !check_case(e, d, &c, path);
                (*ncases)++;
            }
            case_reset(&c, lineno);
            sb_add(&c.desc, p + 3, n - 3);
            state = 1;
        } else if (state == 1 && n == 2 && !memcmp(p, "--", 2)) {
            state = 2;
        } else if (state == 1) {
            sb_add(&c.input, p, n);
            sb_add(&c.input, "\n", 1);
        } else if (state == 2 && n > 0 && p[0] != '#') {
            sb_add(&c.expect, p, n);
            sb_add(&c.expect, "\n", 1);
        }
        p += n + 1;
    }
    if (state == 2) {
        failed += !check_case(e, d, &c, path);
        (*ncases)++;
    }
    if (state == 1) {
        fprintf(stderr, "%s:%d: case without a \"--\" line\n", path, c.line);
        failed++;
    }
    free(c.desc.p);
    free(c.input.p);
    free(c.expect.p);
    free(all);
    return failed;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fputs("usage: sent_golden FILE | -\n", stderr);
        return 2;
    }
    ne_engine *e = NULL;
    if (ne_engine_open(&e, NULL) != NE_OK) {
        fprintf(stderr, "sent_golden: %s\n", e ? ne_engine_errmsg(e) : "out of memory");
        ne_engine_close(e);
        return 2;
    }
    ne_doc *d = ne_doc_new();
    int rc = 0;
    if (!strcmp(argv[1], "-")) {
        size_t len;
        char *text = read_all(stdin, &len);
        strbuf out = {0};
        rc = split_text(e, d, text, len, &out) ? 1 : 0;
        if (!rc) fputs(out.p, stdout);
        free(out.p);
        free(text);
    } else {
        int ncases = 0, failed = run_file(e, d, argv[1], &ncases);
        printf("sent_golden: %d cases, %d failed\n", ncases, failed < 0 ? ncases : failed);
        rc = failed != 0;
    }
    ne_doc_free(d);
    ne_engine_close(e);
    return rc;
}
