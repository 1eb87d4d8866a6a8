/* eval_sets.c: the external event sets of `newsevents eval`, read at run
** time from the shared data directory: ConfliBERT's CAMEO test split,
** PLOVER's gold standard records and IndiaPoliceEvents (docs/EVAL.md). */
#include "cli.h"
#include "eval.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define CB_CLASS "conflibert-cameo/cameo_class/test.tsv"
#define CB_NER "conflibert-cameo/cameo_ner/test.txt"
#define PLOVER_GSR "plover-gsr/gold_standard_records/PLOVER_GSR_CAMEO.txt"
#define INDIA_SENTS "indiapoliceevents/sents.csv"
#define MAX_SPANS 32

/* ConfliBERT's five classes from a CAMEO root, as in the Phoenix data:
** 01-02 statement (0), 03-05 verbal cooperation (1), 06-08 material
** cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4). */
static int penta_class(const char *root) {
    long r = strtol(root, NULL, 10);
    if (r <= 0 || r > 20) return -1;
    return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

/* The event the sentence is classed by: the most confident (the first on ties). */
static const ne_event *main_event(const ne_doc *d) {
    size_t n;
    const ne_event *ev = ne_doc_events(d, &n), *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (!ev[i].in_title && (!best || ev[i].confidence > best->confidence)) best = &ev[i];
    return best;
}

typedef struct span_set {
    ne_span s[MAX_SPANS];
    int n;
} span_set;

static void span_add(span_set *ss, ne_span sp) {
    for (int i = 0; i < ss->n; i++)
        if (ss->s[i].start == sp.start && ss->s[i].end == sp.end) return;
    if (ss->n < MAX_SPANS && sp.end > sp.start) ss->s[ss->n++] = sp;
}

/* Count matches: overlapping spans (exact: identical), each gold used once. */
static void span_score(const span_set *gold, const span_set *pred, int exact, eval_prf *c) {
    int used[MAX_SPANS] = {0};
    long tp = 0;
    for (int i = 0; i < pred->n; i++)
        for (int j = 0; j < gold->n; j++) {
            ne_span p = pred->s[i], g = gold->s[j];
            int hit = exact ? (p.start == g.start && p.end == g.end) : (p.start < g.end && g.start < p.end);
            if (!used[j] && hit) {
                used[j] = 1;
                tp++;
                break;
            }
        }
    c->tp += tp;
    c->fp += pred->n - tp;
    c->fn += gold->n - tp;
}

/* Read the next CoNLL sentence of f and place its S/T spans in text by
** finding each token in order.  Returns 1 when read and aligned, 0 at end,
** -1 when a token was not found (spans then unusable). */
static int ner_next(FILE *f, const char *text, span_set *src, span_set *tgt) {
    char line[1024];
    size_t at = 0;
    int any = 0, ok = 1;
    span_set *cur = NULL;
    src->n = tgt->n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0]) {
            if (any) break;
            continue;
        }
        any = 1;
        char *sp = strrchr(line, ' ');
        if (!sp || !ok) continue;
        *sp = 0;
        const char *tag = sp + 1, *hit = strstr(text + at, line);
        if (!hit) {
            ok = 0;
            continue;
        }
        ne_span tok = {(uint32_t)(hit - text), (uint32_t)(hit - text + strlen(line))};
        at = tok.end;
        if (tag[0] == 'B' && (tag[2] == 'S' || tag[2] == 'T')) {
            cur = tag[2] == 'S' ? src : tgt;
            if (cur->n < MAX_SPANS) cur->s[cur->n++] = tok;
            else cur = NULL;
        } else if (tag[0] == 'I' && cur && cur->n) {
            cur->s[cur->n - 1].end = tok.end;
        } else {
            cur = NULL;
        }
    }
    if (!any) return 0;
    return ok ? 1 : -1;
}

typedef struct cb_counts {
    long total, correct, with_event, unaligned, gold_spans, mentioned;
    eval_prf src, tgt, exact;
} cb_counts;

/* Gold spans that some coded actor mention (of any event or none; with a
** country or code) overlaps. */
static void mention_recall(const ne_doc *d, const span_set *gold, cb_counts *k) {
    size_t n = 0;
    const ne_actor *a = d ? ne_doc_actors(d, &n) : NULL;
    for (int j = 0; j < gold->n; j++) {
        int hit = 0;
        for (size_t i = 0; i < n && !hit; i++)
            hit = !a[i].in_title && (a[i].country || a[i].code) && a[i].span.start < gold->s[j].end && gold->s[j].start < a[i].span.end;
        k->gold_spans++;
        k->mentioned += hit;
    }
}

static void cb_score(const ne_doc *d, int label, FILE *ner, const char *text, cb_counts *k) {
    const ne_event *m = d ? main_event(d) : NULL;
    k->total++;
    if (m) k->with_event++;
    if (m && penta_class(m->root) == label) k->correct++;
    span_set gs, gt, ps = {0}, pt = {0};
    int al = ner ? ner_next(ner, text, &gs, &gt) : 0;
    if (al <= 0) {
        k->unaligned++;
        return;
    }
    size_t n = 0;
    const ne_event *ev = d ? ne_doc_events(d, &n) : NULL;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].in_title) continue;
        if (ev[i].has_source) span_add(&ps, ev[i].source.span);
        if (ev[i].has_target) span_add(&pt, ev[i].target.span);
    }
    mention_recall(d, &gs, k);
    mention_recall(d, &gt, k);
    span_score(&gs, &ps, 0, &k->src);
    span_score(&gt, &pt, 0, &k->tgt);
    span_score(&gs, &ps, 1, &k->exact);
    span_score(&gt, &pt, 1, &k->exact);
}

int eval_conflibert(const char *dir, FILE *report, eval_coder *c) {
    char cls[4096], ner[4096];
    snprintf(cls, sizeof cls, "%s", eval_path(dir, CB_CLASS) ? eval_path(dir, CB_CLASS) : "");
    snprintf(ner, sizeof ner, "%s", eval_path(dir, CB_NER) ? eval_path(dir, CB_NER) : "");
    FILE *fc = fopen(cls, "rb");
    if (!fc) {
        fprintf(report, "conflibert: %s absent, skipped\n", cls);
        return EVAL_SKIPPED;
    }
    FILE *fn = fopen(ner, "rb");
    eval_csv r = {0};
    cb_counts k = {0};
    char id[32];
    while (eval_csv_next(fc, &r, '\t') >= 2) {
        const char *text = eval_csv_field(&r, 0);
        long label = strtol(eval_csv_field(&r, 1), NULL, 10);
        snprintf(id, sizeof id, "cb-test-%ld", k.total + 1);
        const ne_doc *d = eval_code_doc(c, id, text, strlen(text), NULL, NULL);
        cb_score(d, (int)label, fn, text, &k);
    }
    eval_csv_free(&r);
    fclose(fc);
    if (fn) fclose(fn);
    double tot = k.total ? (double)k.total : 1;
    eval_figure("conflibert", "quad_acc", (double)k.correct / tot, k.total);
    eval_figure("conflibert", "coverage", (double)k.with_event / tot, k.total);
    eval_figure("conflibert", "source_span_f1", eval_f1(&k.src), k.src.tp + k.src.fn);
    eval_figure("conflibert", "target_span_f1", eval_f1(&k.tgt), k.tgt.tp + k.tgt.fn);
    eval_figure("conflibert", "span_exact_f1", eval_f1(&k.exact), k.exact.tp + k.exact.fn);
    eval_figure("conflibert", "actor_mention_r", k.gold_spans ? (double)k.mentioned / (double)k.gold_spans : 0,
                k.gold_spans);
    eval_note("conflibert: %ld test sentences, %ld with an event, %ld without aligned gold spans", k.total,
              k.with_event, k.unaligned);
    return 0;
}

/* ---- PLOVER gold standard records ---- */

typedef struct plover_counts {
    long records, type_hit, src_hit, src_gold, tgt_hit, tgt_gold;
    eval_prf triple;
} plover_counts;

static int has_country(json_t *actors, const char *country) {
    size_t i;
    json_t *a;
    if (!country) return 0;
    json_array_foreach(actors, i, a) {
        const char *code = json_string_value(json_object_get(a, "code"));
        if (code && !strncmp(code, country, 3)) return 1;
    }
    return 0;
}

/* The gold records were coded in PLOVER 0.5b1 (2016); our CAMEO-to-PLOVER
** table follows the 2021 mapping (CAMEO2PLOVER-2021.txt, PLOVER draft 0.8),
** which merged four of the old categories into others: 10 DEMAND became
** REQUEST, 11 DISAPPROVE and 09 INVESTIGATE became ACCUSE, 19 FIGHT became
** ASSAULT (with 18 and 20).  The gold name in the 2021 naming. */
static const char *plover_2021(const char *gold) {
    static const char *const renamed[][2] = {
        {"DEMAND", "REQUEST"}, {"DISAPPROVE", "ACCUSE"}, {"INVESTIGATE", "ACCUSE"}, {"FIGHT", "ASSAULT"}};
    for (size_t i = 0; gold && i < sizeof renamed / sizeof renamed[0]; i++)
        if (!strcmp(gold, renamed[i][0])) return renamed[i][1];
    return gold;
}

/* Score one record: the engine's events against (sources x targets, event). */
static void plover_score(json_t *rec, const ne_doc *d, plover_counts *k) {
    const char *gev = plover_2021(json_string_value(json_object_get(rec, "event")));
    json_t *src = json_object_get(rec, "source"), *tgt = json_object_get(rec, "target");
    size_t n = 0, nsrc = json_array_size(src), ntgt = json_array_size(tgt);
    const ne_event *ev = d ? ne_doc_events(d, &n) : NULL;
    int type = 0, sh = 0, th = 0;
    long tp = 0, pred = 0;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].in_title) continue;
        pred++;
        int t = ev[i].plover && gev && !strcmp(ev[i].plover, gev);
        int s = ev[i].has_source && has_country(src, ev[i].source.country);
        int g = ev[i].has_target && has_country(tgt, ev[i].target.country);
        type |= t;
        sh |= s;
        th |= g;
        if (t && (s || !nsrc) && (g || !ntgt)) tp++;
    }
    k->records++;
    k->type_hit += type;
    if (nsrc) k->src_gold++, k->src_hit += sh;
    if (ntgt) k->tgt_gold++, k->tgt_hit += th;
    /* one gold event per record; extra predictions are false positives */
    k->triple.tp += tp ? 1 : 0;
    k->triple.fn += tp ? 0 : 1;
    k->triple.fp += pred - (tp ? 1 : 0);
}

int eval_plover(const char *dir, FILE *report, eval_coder *c) {
    const char *path = eval_path(dir, PLOVER_GSR);
    json_error_t err;
    json_t *root = path ? json_load_file(path, 0, &err) : NULL;
    if (!root) {
        fprintf(report, "plover: %s absent or unreadable, skipped\n", path ? path : PLOVER_GSR);
        return EVAL_SKIPPED;
    }
    plover_counts k = {0};
    size_t i;
    json_t *rec;
    json_array_foreach(root, i, rec) {
        const char *text = json_string_value(json_object_get(rec, "text"));
        const char *id = json_string_value(json_object_get(rec, "id"));
        const char *ev = json_string_value(json_object_get(rec, "event"));
        if (!text || !id || !ev || !strcmp(ev, "DOCUMENT")) continue;
        plover_score(rec, eval_code_doc(c, id, text, strlen(text), NULL, NULL), &k);
    }
    json_decref(root);
    double nr = k.records ? (double)k.records : 1;
    eval_figure("plover", "event_type_r", (double)k.type_hit / nr, k.records);
    eval_figure("plover", "source_country_r", k.src_gold ? (double)k.src_hit / (double)k.src_gold : 0, k.src_gold);
    eval_figure("plover", "target_country_r", k.tgt_gold ? (double)k.tgt_hit / (double)k.tgt_gold : 0, k.tgt_gold);
    eval_prf_report("plover", "event", &k.triple);
    eval_note("plover: %ld records; an event matches when its PLOVER type, source and target countries do",
              k.records);
    return 0;
}

/* ---- IndiaPoliceEvents: recall of KILL and ARREST sentences ---- */

typedef struct india_counts {
    long sents, kill, kill_hit, arrest, arrest_hit, neg, neg_flagged;
} india_counts;

static int has_root(const ne_doc *d, const char *r1, const char *r2, const char *code) {
    size_t n = 0;
    const ne_event *ev = d ? ne_doc_events(d, &n) : NULL;
    for (size_t i = 0; i < n; i++) {
        if (code && !strncmp(ev[i].code, code, strlen(code))) return 1;
        if (r1 && !strcmp(ev[i].root, r1)) return 1;
        if (r2 && !strcmp(ev[i].root, r2)) return 1;
    }
    return 0;
}

int eval_india(const char *dir, FILE *report, eval_coder *c) {
    const char *path = eval_path(dir, INDIA_SENTS);
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) {
        fprintf(report, "india: %s absent, skipped\n", path ? path : INDIA_SENTS);
        return EVAL_SKIPPED;
    }
    eval_csv r = {0};
    india_counts k = {0};
    char id[64];
    eval_csv_next(f, &r, ','); /* header: ,doc_id,sent_id,sent_text,KILL,ARREST,... */
    while (eval_csv_next(f, &r, ',') >= 6) {
        const char *text = eval_csv_field(&r, 3);
        int kill = eval_csv_field(&r, 4)[0] == '1', arrest = eval_csv_field(&r, 5)[0] == '1';
        if (!kill && !arrest && k.sents % 10) {
            k.sents++; /* negatives: one in ten is coded, for the false alarm rate */
            continue;
        }
        snprintf(id, sizeof id, "ipe-%s-%s", eval_csv_field(&r, 1), eval_csv_field(&r, 2));
        const ne_doc *d = eval_code_doc(c, id, text, strlen(text), NULL, "2002-03-15");
        k.sents++;
        /* police firing on crowds is 175 (docs/ANNOTATION.md rule 10), the most common KILL sentence */
        int violent = has_root(d, "18", "19", "175") || has_root(d, "20", NULL, NULL), arr = has_root(d, NULL, NULL, "173");
        if (kill) k.kill++, k.kill_hit += violent;
        if (arrest) k.arrest++, k.arrest_hit += arr;
        if (!kill && !arrest) k.neg++, k.neg_flagged += violent || arr;
    }
    eval_csv_free(&r);
    fclose(f);
    eval_figure("india", "kill_r", k.kill ? (double)k.kill_hit / (double)k.kill : 0, k.kill);
    eval_figure("india", "arrest_r", k.arrest ? (double)k.arrest_hit / (double)k.arrest : 0, k.arrest);
    eval_figure("india", "negative_clean", k.neg ? 1.0 - (double)k.neg_flagged / (double)k.neg : 0, k.neg);
    eval_note("india: %ld sentences; KILL hit = an 18/19/20 or 175 event, ARREST hit = a 173x event; negative_clean = "
              "share of a 1-in-10 sample of unlabelled sentences with neither",
              k.sents);
    return 0;
}
