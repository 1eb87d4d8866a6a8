/* eval_quotes.c: speaker accuracy on PolNeAR direct quotations.  DIR is a
** compartment (data/train or data/dev) with text/NAME.txt and
** attributions/NAME_ANNOTATOR.ann (brat standoff, character offsets).  A
** gold attribution whose content starts with a quote mark is a direct
** quotation; the system quotation overlapping its content is scored. */
#include "eval.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ANN 4096

typedef struct ann_span {
    char id[16], type[16];
    size_t start, end; /* bytes */
} ann_span;

typedef struct quote_score {
    size_t gold, found, speaker_ok, sys;
} quote_score;

/* Byte offset of character offset c in UTF-8 text t of n bytes. */
static size_t char_to_byte(const char *t, size_t n, size_t c) {
    size_t b = 0;
    for (size_t k = 0; b < n; b++) {
        if (((unsigned char)t[b] & 0xC0) != 0x80) {
            if (k == c) return b;
            k++;
        }
    }
    return n;
}

/* "T3\tContent 120 150;160 211\t..." -> span (first start, last end). */
static int parse_t(const char *line, const char *text, size_t n, ann_span *s) {
    const char *tab = strchr(line, '\t');
    if (!tab || line[0] != 'T' || (size_t)(tab - line) >= sizeof s->id) return -1;
    memcpy(s->id, line, (size_t)(tab - line));
    s->id[tab - line] = 0;
    const char *p = tab + 1;
    size_t k = 0;
    while (*p && *p != ' ' && k + 1 < sizeof s->type) s->type[k++] = *p++;
    s->type[k] = 0;
    char *endp;
    unsigned long a = strtoul(p, &endp, 10), b = a;
    while (*endp == ' ' || *endp == ';') {
        unsigned long v = strtoul(endp + 1, &endp, 10);
        b = v;
    }
    s->start = char_to_byte(text, n, a);
    s->end = char_to_byte(text, n, b);
    return 0;
}

static const ann_span *find_span(const ann_span *sp, size_t n, const char *id) {
    for (size_t i = 0; i < n; i++)
        if (!strcmp(sp[i].id, id)) return &sp[i];
    return NULL;
}

/* The value of "Role:T12" in an E line. */
static int role_id(const char *line, const char *role, char *out, size_t cap) {
    const char *p = strstr(line, role);
    if (!p) return -1;
    p += strlen(role);
    size_t k = 0;
    while (p[k] && !isspace((unsigned char)p[k]) && k + 1 < cap) { out[k] = p[k]; k++; }
    out[k] = 0;
    return 0;
}

/* Is [a, b) of text a case-insensitive substring of [c, d)? */
static int contains(const char *t, size_t c, size_t d, const char *s) {
    size_t n = strlen(s);
    for (size_t i = c; i + n <= d; i++) {
        size_t k = 0;
        while (k < n && tolower((unsigned char)t[i + k]) == tolower((unsigned char)s[k])) k++;
        if (k == n) return 1;
    }
    return 0;
}

static int speaker_matches(const ne_doc *d, const ne_quote *q, const char *text, const ann_span *src) {
    size_t na;
    const ne_actor *a = ne_doc_actors(d, &na);
    if (q->speaker >= 0 && (size_t)q->speaker < na) {
        const ne_actor *m = &a[q->speaker];
        return !m->in_title && m->span.start < src->end && src->start < m->span.end;
    }
    return q->unresolved && contains(text, src->start, src->end, q->unresolved);
}

static void score_attr(const ne_doc *d, const char *text, const ann_span *content, const ann_span *src,
                       quote_score *sc, FILE *misses) {
    size_t nq;
    const ne_quote *q = ne_doc_quotes(d, &nq);
    sc->gold++;
    for (size_t i = 0; i < nq; i++) {
        if (q[i].span.start >= content->end || content->start >= q[i].span.end) continue;
        sc->found++;
        int ok = speaker_matches(d, &q[i], text, src);
        sc->speaker_ok += ok;
        if (!ok && misses)
        {
            size_t b = content->start > 80 ? content->start - 80 : 0, n = strlen(text);
            size_t e = content->end + 80 < n ? content->end + 80 : n;
            fprintf(misses, "speaker\t%.*s\t%s\t[%.*s] ... [%.*s]\n", (int)(src->end - src->start), text + src->start,
                    q[i].unresolved ? q[i].unresolved : q[i].speaker >= 0 ? "(actor)" : "(none)",
                    (int)(content->start - b), text + b, (int)(e - content->end), text + content->end);
        }
        return;
    }
    if (misses) fprintf(misses, "miss\t%.60s\n", text + content->start);
}

static int is_quote_start(const char *t) {
    return t[0] == '"' || (!strncmp(t, "\xE2\x80\x9C", 3));
}

static void score_file(const ne_engine *e, ne_doc *d, const char *ann, const char *text, size_t n,
                       ann_span *sp, quote_score *sc, FILE *misses) {
    size_t ns = 0;
    for (const char *l = ann; *l;) {
        const char *nl = strchr(l, '\n');
        if (l[0] == 'T' && ns < MAX_ANN && parse_t(l, text, n, &sp[ns]) == 0) ns++;
        l = nl ? nl + 1 : l + strlen(l);
    }
    if (eval_code(e, d, "polnear", NULL, text, n, NULL) != NE_OK) return;
    size_t nq;
    ne_doc_quotes(d, &nq);
    sc->sys += nq;
    for (const char *l = ann; *l;) {
        const char *nl = strchr(l, '\n');
        char cid[16], sid[16];
        if (l[0] == 'E' && role_id(l, "Content:", cid, sizeof cid) == 0 && role_id(l, "Source:", sid, sizeof sid) == 0) {
            const ann_span *c = find_span(sp, ns, cid), *s = find_span(sp, ns, sid);
            if (c && s && c->start < n && is_quote_start(text + c->start)) score_attr(d, text, c, s, sc, misses);
        }
        l = nl ? nl + 1 : l + strlen(l);
    }
}

/* text/NAME.txt for attributions/NAME_XXXX.ann */
static int text_path(const char *dir, const char *ann_path, char *out, size_t cap) {
    const char *base = strrchr(ann_path, '/');
    base = base ? base + 1 : ann_path;
    const char *us = strrchr(base, '_');
    if (!us) return -1;
    int k = snprintf(out, cap, "%s/text/%.*s.txt", dir, (int)(us - base), base);
    return (k < 0 || (size_t)k >= cap) ? -1 : 0;
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

int eval_quotes(const char *dir, FILE *report) {
    char adir[4096];
    snprintf(adir, sizeof adir, "%s/attributions", dir);
    eval_files f;
    if (eval_list(&f, adir, ".ann") < 0 || f.n == 0) {
        fprintf(report, "eval quotes: no .ann files under %s\n", adir);
        eval_files_free(&f);
        return 1;
    }
    ne_engine *e = cli_engine_open(eval_data_dir, 0);
    ne_doc *d = ne_doc_new();
    ann_span *sp = malloc(MAX_ANN * sizeof *sp);
    FILE *misses = eval_misses_open();
    quote_score sc = {0};
    int rc = (!e || !d || !sp) ? 1 : 0;
    for (size_t i = 0; rc == 0 && i < f.n; i++) {
        char tpath[4096];
        size_t alen, tlen;
        char *ann = eval_read(f.path[i], &alen), *text = NULL;
        if (ann && text_path(dir, f.path[i], tpath, sizeof tpath) == 0 && (text = eval_read(tpath, &tlen)))
            score_file(e, d, ann, text, tlen, sp, &sc, misses);
        else
            fprintf(report, "eval quotes: %s: skipped\n", f.path[i]);
        free(ann);
        free(text);
    }
    if (rc == 0)
        fprintf(report, "quotes\tfiles %zu\tgold_direct %zu\tfound %zu (recall %.3f)\tsystem %zu\tspeaker_accuracy %.3f (%zu/%zu)\n",
                f.n, sc.gold, sc.found, ratio(sc.found, sc.gold), sc.sys, ratio(sc.speaker_ok, sc.found), sc.speaker_ok,
                sc.found);
    if (misses) fclose(misses);
    free(sp);
    ne_doc_free(d);
    ne_engine_close(e);
    eval_files_free(&f);
    return rc;
}
