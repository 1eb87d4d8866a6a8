/* eval_timex.c: time expression accuracy on TempEval-3 TimeML files: each
** file's TEXT is coded with its creation time as the document date and the
** timexes found are compared with the gold TIMEX3 tags. */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#define MAX_GOLD 512

typedef struct gold_timex {
    size_t start, end;
    char value[48], type[16];
} gold_timex;

typedef struct tml_doc {
    char *text; /* tags stripped, entities decoded; malloc'd */
    size_t len;
    char dct[16];
    gold_timex g[MAX_GOLD];
    size_t ng;
} tml_doc;

typedef struct timex_score {
    size_t gold, found, sys, sys_ok, value_ok, type_ok;
} timex_score;

/* Attribute name="..." of the tag [s, e) into out. */
static int attr(const char *s, const char *e, const char *name, char *out, size_t cap) {
    size_t n = strlen(name);
    for (const char *p = s; p + n + 2 < e; p++) {
        if (memcmp(p, name, n) == 0 && p[n] == '=' && p[n + 1] == '"' && (p == s || p[-1] == ' ')) {
            const char *v = p + n + 2, *q = memchr(v, '"', (size_t)(e - v));
            if (!q) return -1;
            size_t k = (size_t)(q - v) < cap - 1 ? (size_t)(q - v) : cap - 1;
            memcpy(out, v, k);
            out[k] = 0;
            return 0;
        }
    }
    return -1;
}

static size_t entity(const char *p, char *c) {
    static const struct { const char *name; char c; } ents[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++)
        if (strncmp(p, ents[i].name, strlen(ents[i].name)) == 0) {
            *c = ents[i].c;
            return strlen(ents[i].name);
        }
    return 0;
}

/* Strip the tags of [s, e) into doc->text, keeping TIMEX3 spans. */
static int strip_text(tml_doc *doc, const char *s, const char *e) {
    doc->text = malloc((size_t)(e - s) + 1);
    if (!doc->text) return -1;
    size_t w = 0, open = (size_t)-1;
    for (const char *p = s; p < e;) {
        if (*p == '<') {
            const char *q = memchr(p, '>', (size_t)(e - p));
            if (!q) break;
            if (strncmp(p, "<TIMEX3", 7) == 0 && doc->ng < MAX_GOLD) {
                gold_timex *g = &doc->g[doc->ng];
                g->start = w;
                if (attr(p, q, "value", g->value, sizeof g->value)) g->value[0] = 0;
                if (attr(p, q, "type", g->type, sizeof g->type)) g->type[0] = 0;
                open = doc->ng;
            } else if (strncmp(p, "</TIMEX3", 8) == 0 && open != (size_t)-1) {
                doc->g[open].end = w;
                doc->ng++;
                open = (size_t)-1;
            }
            p = q + 1;
            continue;
        }
        char c;
        size_t k = *p == '&' ? entity(p, &c) : 0;
        doc->text[w++] = k ? c : *p;
        p += k ? k : 1;
    }
    doc->text[w] = 0;
    doc->len = w;
    return 0;
}

static int tml_parse(tml_doc *doc, const char *buf) {
    memset(doc, 0, sizeof *doc);
    const char *ct = strstr(buf, "CREATION_TIME");
    if (ct) {
        const char *tag = ct;
        while (tag > buf && *tag != '<') tag--;
        const char *end = strchr(ct, '>');
        char v[48];
        if (end && attr(tag, end, "value", v, sizeof v) == 0) {
            memcpy(doc->dct, v, 10);
            doc->dct[10] = 0;
        }
    }
    const char *s = strstr(buf, "<TEXT>"), *e = s ? strstr(s, "</TEXT>") : NULL;
    if (!s || !e) return -1;
    return strip_text(doc, s + 6, e);
}

static int overlaps(size_t a, size_t b, size_t c, size_t d) { return a < d && c < b; }

static int j_found(const ne_timex *t, size_t n, const gold_timex *g) {
    for (size_t j = 0; j < n; j++)
        if (!t[j].in_title && overlaps(t[j].span.start, t[j].span.end, g->start, g->end)) return 1;
    return 0;
}

/* One line of the misses file: kind, document date, gold text and value,
** system text and value, file, and the text around [a, b) on one line. */
static void miss_line(FILE *f, const char *kind, const tml_doc *doc, const char *file, size_t a, size_t b,
                      const gold_timex *g, const ne_timex *t) {
    size_t c0 = a > 70 ? a - 70 : 0, c1 = b + 70 < doc->len ? b + 70 : doc->len;
    fprintf(f, "%s\t%s\t%.*s\t%s\t%s\t%s\t%s\t", kind, doc->dct, g ? (int)(g->end - g->start) : 0,
            g ? doc->text + g->start : "", g ? g->value : "", t ? t->text : "", t ? t->value : "", file);
    for (size_t k = c0; k < c1; k++) {
        char c = doc->text[k];
        if (k == a) fputs("[[", f);
        fputc(c == '\n' || c == '\t' || c == '\r' ? ' ' : c, f);
        if (k + 1 == b) fputs("]]", f);
    }
    fputc('\n', f);
}

static void score_doc(const tml_doc *doc, const char *file, const ne_doc *d, timex_score *sc, FILE *misses) {
    size_t n;
    const ne_timex *t = ne_doc_timexes(d, &n);
    sc->gold += doc->ng;
    sc->sys += n;
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < doc->ng; i++)
            if (overlaps(t[j].span.start, t[j].span.end, doc->g[i].start, doc->g[i].end)) { sc->sys_ok++; break; }
    for (size_t i = 0; i < doc->ng; i++) {
        const gold_timex *g = &doc->g[i];
        for (size_t j = 0; j < n; j++) {
            if (t[j].in_title || !overlaps(t[j].span.start, t[j].span.end, g->start, g->end)) continue;
            sc->found++;
            int ok = strcmp(t[j].value, g->value) == 0;
            sc->value_ok += ok;
            sc->type_ok += strcmp(t[j].type, g->type) == 0;
            if (misses && (!ok || eval_list_hits))
                miss_line(misses, ok ? "ok" : "value", doc, file, g->start, g->end, g, &t[j]);
            break;
        }
        if (misses && j_found(t, n, g) == 0) miss_line(misses, "miss", doc, file, g->start, g->end, g, NULL);
    }
    for (size_t j = 0; misses && j < n; j++) {
        int hit = t[j].in_title;
        for (size_t i = 0; i < doc->ng && !hit; i++)
            hit = overlaps(t[j].span.start, t[j].span.end, doc->g[i].start, doc->g[i].end);
        if (!hit) miss_line(misses, "extra", doc, file, t[j].span.start, t[j].span.end, NULL, &t[j]);
    }
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

int eval_timex(const char *dir, FILE *report) {
    eval_files f;
    if (eval_list(&f, dir, ".tml") < 0 || f.n == 0) {
        fprintf(report, "eval timex: no .tml files under %s\n", dir);
        eval_files_free(&f);
        return 1;
    }
    ne_engine *e = cli_engine_open(eval_data_dir, 0);
    ne_doc *d = ne_doc_new();
    tml_doc *doc = malloc(sizeof *doc);
    timex_score sc = {0};
    FILE *misses = eval_misses_open();
    int rc = (!e || !d || !doc) ? 1 : 0;
    for (size_t i = 0; rc == 0 && i < f.n; i++) {
        size_t len;
        char *buf = eval_read(f.path[i], &len);
        if (buf && tml_parse(doc, buf) == 0 &&
            eval_code(e, d, f.path[i], NULL, doc->text, doc->len, doc->dct[0] ? doc->dct : NULL) == NE_OK)
            {
            const char *base = strrchr(f.path[i], '/');
            score_doc(doc, base ? base + 1 : f.path[i], d, &sc, misses);
        }
        else
            fprintf(report, "eval timex: %s: skipped\n", f.path[i]);
        if (buf && doc) free(doc->text);
        free(buf);
    }
    if (rc == 0)
        fprintf(report,
                "timex\tfiles %zu\tgold %zu\tsystem %zu\trecall %.3f\tprecision %.3f\tvalue_accuracy %.3f (%zu/%zu)\ttype_accuracy %.3f\n",
                f.n, sc.gold, sc.sys, ratio(sc.found, sc.gold), ratio(sc.sys_ok, sc.sys),
                ratio(sc.value_ok, sc.found), sc.value_ok, sc.found, ratio(sc.type_ok, sc.found));
    if (misses) fclose(misses);
    free(doc);
    ne_doc_free(d);
    ne_engine_close(e);
    eval_files_free(&f);
    return rc;
}
