/* eval_headline.c: headline-to-body consistency on FNC-1.  Related (agree,
** discuss, disagree) versus unrelated pairs of competition_test_stances.csv,
** scored by headline.related; with train_bodies.csv it first builds
** development pairs (a body's first sentence as the headline of the rest of
** the same body and of three other bodies) and prints the best threshold on
** them, which is how HEADLINE_RELATED was chosen (docs/EVAL.md). */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 4

typedef struct csv_row {
    char *f[MAX_FIELDS]; /* point into the (edited) buffer */
    int n;
} csv_row;

/* Parse the CSV row at *p in place (RFC 4180 quoting); 0 at end of input. */
static int csv_next(char **p, csv_row *r) {
    char *s = *p;
    if (!*s) return 0;
    r->n = 0;
    for (;;) {
        char *w = s, *start = s;
        if (*s == '"') {
            s++;
            for (;;) {
                if (!*s) break;
                if (*s == '"' && s[1] == '"') { *w++ = '"'; s += 2; continue; }
                if (*s == '"') { s++; break; }
                *w++ = *s++;
            }
            while (*s && *s != ',' && *s != '\n') s++;
        } else {
            while (*s && *s != ',' && *s != '\n') *w++ = *s++;
        }
        char c = *s;
        if (r->n < MAX_FIELDS) r->f[r->n++] = start;
        *w = 0;
        if (c) s++;
        if (c != ',') break;
    }
    if (r->n && r->f[r->n - 1][0] && r->f[r->n - 1][strlen(r->f[r->n - 1]) - 1] == '\r')
        r->f[r->n - 1][strlen(r->f[r->n - 1]) - 1] = 0;
    *p = s;
    return 1;
}

typedef struct bodies {
    char *buf;
    char **text;  /* by Body ID */
    long max_id;
} bodies;

static int bodies_load(bodies *b, const char *path) {
    size_t len;
    memset(b, 0, sizeof *b);
    if (!(b->buf = eval_read(path, &len))) return -1;
    char *p = b->buf;
    csv_row r;
    if (!csv_next(&p, &r)) return -1; /* header */
    size_t cap = 0;
    while (csv_next(&p, &r)) {
        long id = strtol(r.f[0], NULL, 10);
        if (r.n < 2 || id < 0 || id > 10000000) continue;
        if ((size_t)id >= cap) {
            size_t nc = (size_t)id * 2 + 16;
            char **t = realloc(b->text, nc * sizeof *t);
            if (!t) return -1;
            memset(t + cap, 0, (nc - cap) * sizeof *t);
            b->text = t;
            cap = nc;
        }
        b->text[id] = r.f[1];
        if (id > b->max_id) b->max_id = id;
    }
    return 0;
}

static void bodies_free(bodies *b) {
    free(b->buf);
    free(b->text);
}

static const char *body_of(const bodies *b, long id) { return id >= 0 && id <= b->max_id ? b->text[id] : NULL; }

#define NBINS 101

typedef struct hl_score {
    size_t n, ok;
    size_t rel[NBINS], unrel[NBINS]; /* score histograms (percent) */
} hl_score;

static void hl_add(hl_score *s, const ne_doc *d, int related) {
    const ne_headline *h = ne_doc_headline(d);
    int bin = (int)(h->score * 100 + 1e-9); /* bin k holds scores in [k/100, (k+1)/100) */
    bin = bin < 0 ? 0 : bin > 100 ? 100 : bin;
    s->n++;
    s->ok += (h->related != 0) == related;
    if (related) s->rel[bin]++;
    else s->unrel[bin]++;
}

/* Best threshold on the histograms: related when score >= t. */
static double hl_best(const hl_score *s, double *acc) {
    size_t best = 0, right;
    double bt = 0;
    for (int t = 0; t < NBINS; t++) {
        right = 0;
        for (int k = 0; k < NBINS; k++) right += k >= t ? s->rel[k] : s->unrel[k];
        if (right > best) { best = right; bt = t / 100.0; }
    }
    *acc = s->n ? (double)best / (double)s->n : 0;
    return bt;
}

/* Accuracy on s of "related when score >= t" (t in hundredths, as hl_best). */
static double hl_acc_at(const hl_score *s, double t) {
    size_t right = 0;
    int ti = (int)(t * 100 + 0.5); /* t is a multiple of 0.01 */
    for (int k = 0; k < NBINS; k++) right += k >= ti ? s->rel[k] : s->unrel[k];
    return s->n ? (double)right / (double)s->n : 0;
}

/* The first sentence of a body as a headline: up to ". " or a newline. */
static size_t first_sentence(const char *t) {
    size_t i = 0;
    while (t[i] && t[i] != '\n' && !(t[i] == '.' && t[i + 1] == ' ') && i < 300) i++;
    return i;
}

/* Body number `step` places after id (wrapping), skipping gaps and id. */
static long other_body(const bodies *b, long id, long step) {
    for (long k = 1; k <= b->max_id; k++) {
        long o = (id + step * k) % (b->max_id + 1);
        if (body_of(b, o) && o != id) return o;
    }
    return -1;
}

/* Development pairs from the training bodies: each body's first sentence is
** the headline of the rest of the body (related) and of DEV_UNRELATED other
** bodies (unrelated), so that about three pairs in four are unrelated, as in
** FNC-1's training stances (73% unrelated, per the data set's README). */
#define DEV_UNRELATED 3
static void dev_pairs(const ne_engine *e, ne_doc *d, const bodies *b, hl_score *s) {
    static const long steps[DEV_UNRELATED] = {7, 13, 29};
    char title[400];
    for (long id = 0; id <= b->max_id; id++) {
        const char *t = body_of(b, id);
        if (!t) continue;
        size_t n = first_sentence(t);
        if (n < 20 || !t[n]) continue;
        snprintf(title, sizeof title, "%.*s", (int)n, t);
        const char *rest = t + n + 1;
        if (eval_code(e, d, "dev", title, rest, strlen(rest), NULL) == NE_OK) hl_add(s, d, 1);
        for (int k = 0; k < DEV_UNRELATED; k++) {
            long other = other_body(b, id, steps[k]);
            const char *o = other >= 0 ? body_of(b, other) : NULL;
            if (o && eval_code(e, d, "dev", title, o, strlen(o), NULL) == NE_OK) hl_add(s, d, 0);
        }
    }
}

static int test_pairs(const ne_engine *e, ne_doc *d, const char *dir, hl_score *s) {
    char path[4096];
    bodies b;
    snprintf(path, sizeof path, "%s/competition_test_bodies.csv", dir);
    if (bodies_load(&b, path)) { bodies_free(&b); return -1; }
    snprintf(path, sizeof path, "%s/competition_test_stances.csv", dir);
    size_t len;
    char *buf = eval_read(path, &len), *p = buf;
    csv_row r;
    if (!buf || !csv_next(&p, &r)) { free(buf); bodies_free(&b); return -1; }
    while (csv_next(&p, &r)) {
        if (r.n < 3) continue;
        const char *body = body_of(&b, strtol(r.f[1], NULL, 10));
        if (!body) continue;
        if (eval_code(e, d, "fnc", r.f[0], body, strlen(body), NULL) == NE_OK) hl_add(s, d, strcmp(r.f[2], "unrelated") != 0);
    }
    free(buf);
    bodies_free(&b);
    return 0;
}

int eval_headline(const char *dir, FILE *report) {
    ne_engine *e = cli_engine_open(eval_data_dir, 0);
    ne_doc *d = ne_doc_new();
    hl_score *dev = calloc(1, sizeof *dev), *test = calloc(1, sizeof *test);
    int rc = (!e || !d || !dev || !test) ? 1 : 0;
    char path[4096];
    bodies tb = {0};
    double dev_t = -1;
    snprintf(path, sizeof path, "%s/train_bodies.csv", dir);
    if (rc == 0 && bodies_load(&tb, path) == 0) {
        dev_pairs(e, d, &tb, dev);
        double acc;
        dev_t = hl_best(dev, &acc);
        fprintf(report, "headline-dev\tpairs %zu (train bodies, %d unrelated per related)\taccuracy %.3f\tbest threshold %.2f (accuracy %.3f)\n",
                dev->n, DEV_UNRELATED, dev->n ? (double)dev->ok / (double)dev->n : 0, dev_t, acc);
    }
    bodies_free(&tb);
    if (rc == 0 && test_pairs(e, d, dir, test) != 0) {
        fprintf(report, "eval headline: cannot read the competition stances and bodies under %s\n", dir);
        rc = 1;
    }
    if (rc == 0) {
        double acc, t = hl_best(test, &acc);
        fprintf(report, "headline\tpairs %zu (competition test)\trelated_accuracy %.3f (%zu/%zu)", test->n,
                test->n ? (double)test->ok / (double)test->n : 0, test->ok, test->n);
        if (dev_t >= 0) fprintf(report, "\t(the dev threshold %.2f gives %.3f)", dev_t, hl_acc_at(test, dev_t));
        fprintf(report, "\t(oracle threshold %.2f would give %.3f, not a figure: chosen on the test labels)\n", t, acc);
    }
    free(dev);
    free(test);
    ne_doc_free(d);
    ne_engine_close(e);
    return rc;
}
