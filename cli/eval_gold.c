/* eval_gold.c: gold sets in the output contract's terms (docs/ANNOTATION.md):
** reading their texts by reference from the shared data directory, and
** scoring predictions (the output of `newsevents code`) against them. */
#include "cli.h"
#include "eval.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define KEY_MAX 96
#define MAX_KEYS 512

static const char *str_or(json_t *o, const char *key, const char *dflt);

/* ---- texts by reference ---- */

/* Field `name` of the header row h, or -1. */
static int csv_column(const eval_csv *h, const char *name) {
    for (size_t i = 0; i < h->nf; i++)
        if (!strcmp(eval_csv_field(h, i), name)) return (int)i;
    return -1;
}

/* The CSV record whose key_field equals key: its field `field`, malloc'd. */
static char *csv_lookup(const char *path, const char *key_field, const char *key, const char *field) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    eval_csv h = {0}, r = {0};
    char *out = NULL;
    eval_csv_next(f, &h, ',');
    int kc = csv_column(&h, key_field), fc = csv_column(&h, field);
    while (kc >= 0 && fc >= 0 && !out && eval_csv_next(f, &r, ',') > 0)
        if (!strcmp(eval_csv_field(&r, (size_t)kc), key)) out = strdup(eval_csv_field(&r, (size_t)fc));
    eval_csv_free(&h);
    eval_csv_free(&r);
    fclose(f);
    return out;
}

/* Tab-separated line `line` (1-based) of path: its field `field` (0-based). */
static char *tsv_line(const char *path, long line, long field) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    eval_csv r = {0};
    char *out = NULL;
    for (long i = 1; !out && eval_csv_next(f, &r, '\t') > 0; i++)
        if (i == line) out = strdup(eval_csv_field(&r, (size_t)field));
    eval_csv_free(&r);
    fclose(f);
    return out;
}

/* ---- MEANTIME token XML: <token sentence="S" ...>word</token>, detokenized ---- */

static const char *const no_space_before[] = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re",
                                              "'ve", "'ll", "'d", "'m", "'", NULL};

static int in_list(const char *w, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(w, list[i])) return 1;
    return 0;
}

/* Decode the five XML entities of [s, e) into out; returns bytes written. */
static size_t xml_unescape(char *out, const char *s, const char *e) {
    static const char *const ent[] = {"&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'"};
    size_t o = 0;
    while (s < e) {
        int hit = 0;
        for (size_t i = 0; i < 10 && *s == '&'; i += 2)
            if (!strncmp(s, ent[i], strlen(ent[i]))) {
                out[o++] = ent[i + 1][0];
                s += strlen(ent[i]);
                hit = 1;
                break;
            }
        if (!hit) out[o++] = *s++;
    }
    out[o] = 0;
    return o;
}

/* Join the tokens: sentence 0 (title) and 1 (date line) end with a blank
** line; a space goes between tokens except before closing punctuation and
** clitics, after opening brackets and "$", and inside a pair of quotes
** (`` and '' become straight double quotes). */
static char *meantime_text(const char *xml) {
    size_t cap = strlen(xml) + 1, o = 0;
    char *out = malloc(cap), word[512];
    long prev_sent = -1;
    int open_quote = 0, glue = 1;
    if (!out) return NULL;
    for (const char *p = strstr(xml, "<token "); p; p = strstr(p, "<token ")) {
        const char *sa = strstr(p, "sentence=\""), *gt = strchr(p, '>'), *end = gt ? strstr(gt, "</token>") : NULL;
        if (!sa || !gt || !end || (size_t)(end - gt) >= sizeof word) break;
        long sent = strtol(sa + 10, NULL, 10);
        xml_unescape(word, gt + 1, end);
        int opening = !strcmp(word, "``"), closing = !strcmp(word, "''");
        if (opening || closing) snprintf(word, sizeof word, "\""); /* Penn Treebank quotes */
        int quote = !strcmp(word, "\"");
        if (opening) open_quote = 0;
        if (closing) open_quote = 1;
        if (prev_sent >= 0 && sent != prev_sent) o += (size_t)snprintf(out + o, cap - o, "%s", prev_sent <= 1 ? "\n\n" : " ");
        else if (prev_sent >= 0 && !glue && !in_list(word, no_space_before) && !(quote && open_quote)) out[o++] = ' ';
        if (sent != prev_sent) glue = 1;
        o += (size_t)snprintf(out + o, cap - o, "%s", word);
        if (quote) open_quote = !open_quote;
        glue = !strcmp(word, "(") || !strcmp(word, "[") || !strcmp(word, "$") || (quote && open_quote);
        prev_sent = sent;
        p = end;
    }
    out[o] = 0;
    return out;
}

/* The text an annotation refers to, malloc'd; NULL (with a message) when absent. */
static char *gold_text(json_t *doc, const char *shared, size_t *len, FILE *report) {
    const char *file = json_string_value(json_object_get(doc, "file"));
    const char *path = file ? eval_path(shared, file) : NULL;
    if (!path || !eval_exists(path)) {
        fprintf(report, "%s: text absent\n", path ? path : "(gold record without doc.file)");
        return NULL;
    }
    char *t;
    json_t *key = json_object_get(doc, "key");
    if (json_object_get(doc, "line"))
        t = tsv_line(path, (long)json_integer_value(json_object_get(doc, "line")),
                     (long)json_integer_value(json_object_get(doc, "field")));
    else if (key)
        t = csv_lookup(path, json_string_value(json_object_get(doc, "key_field")), json_string_value(key),
                       json_string_value(json_object_get(doc, "field")));
    else if (!strcmp(str_or(doc, "format", ""), "meantime")) {
        char *xml = eval_slurp(path, NULL);
        t = xml ? meantime_text(xml) : NULL;
        free(xml);
    }
    else
        t = eval_slurp(path, NULL);
    if (!t) {
        fprintf(report, "%s: record not found\n", path);
        return NULL;
    }
    size_t n = strlen(t);
    json_int_t s = json_integer_value(json_object_get(doc, "start"));
    json_int_t e = json_object_get(doc, "end") ? json_integer_value(json_object_get(doc, "end")) : (json_int_t)n;
    if (s < 0 || e < s || (size_t)e > n) {
        fprintf(report, "%s: offsets [%lld, %lld) outside the text (%zu bytes)\n", path, (long long)s,
                (long long)e, n);
        free(t);
        return NULL;
    }
    memmove(t, t + s, (size_t)(e - s));
    t[e - s] = 0;
    *len = (size_t)(e - s);
    return t;
}

static json_t *load_lines(const char *path, FILE *report) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(report, "%s: cannot open: %s\n", path, strerror(errno));
        return NULL;
    }
    json_t *arr = json_array();
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long no = 0, bad = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_error_t err;
        no++;
        if (strspn(line, " \t\r\n") == (size_t)n) continue;
        json_t *o = json_loadb(line, (size_t)n, 0, &err);
        if (!o || !json_is_object(o)) {
            fprintf(report, "%s:%ld: %s\n", path, no, o ? "not an object" : err.text);
            bad++;
        } else {
            json_array_append(arr, o);
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    if (bad) json_decref(arr);
    return bad ? NULL : arr;
}

int eval_gold_texts(const char *gold_path, const char *shared, FILE *out, FILE *report) {
    json_t *gold = load_lines(gold_path, report);
    if (!gold) return -1;
    size_t i;
    json_t *g;
    int bad = 0;
    json_array_foreach(gold, i, g) {
        size_t len;
        char *t = gold_text(json_object_get(g, "doc"), shared, &len, report);
        if (!t) {
            bad = 1;
            continue;
        }
        json_t *rec = json_pack("{s:O,s:s%}", "id", json_object_get(g, "id"), "text", t, len);
        if (json_object_get(g, "date")) json_object_set(rec, "date", json_object_get(g, "date"));
        if (json_object_get(g, "title")) json_object_set(rec, "title", json_object_get(g, "title"));
        json_dumpf(rec, out, JSON_COMPACT);
        fputc('\n', out);
        json_decref(rec);
        free(t);
    }
    json_decref(gold);
    return bad ? -1 : 0;
}

/* ---- scoring ---- */

typedef struct gold_counts {
    eval_prf root, code, actor_code, actor_exact, actor_span;
    long articles, missing, date_gold, date_ok, quote_gold, quote_ok, timex_gold, timex_ok, head_gold, head_ok;
} gold_counts;

typedef struct keyset {
    char k[MAX_KEYS][KEY_MAX];
    int n;
} keyset;

static const char *str_or(json_t *o, const char *key, const char *dflt) {
    const char *s = json_string_value(json_object_get(o, key));
    return s && *s ? s : dflt;
}

/* CAMEO 1.1b3 actor codebook (/work/shared/data/cameo, chapter 3): the generic
** international codes of table 3.2 and the role codes of table 3.1 (with PTY, 3.1.4). */
static const char *const intl_generic[] = {"IGO", "IMG", "NGO", "NGM", "MNC", "INT", "UIS", NULL};
static const char *const role_groups[] = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "PTY", "AGR", "BUS", "CRM", "CVL",
    "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", NULL};

static int code_in_list(const char *g, const char *const *list) {
    for (; *list; list++) if (!strncmp(g, *list, 3)) return 1;
    return 0;
}

/* An actor code at the level the annotation guidelines define (docs/ANNOTATION.md,
** rules 3 and 9; docs/EVAL.md): a generic international code alone (IGOUNO and
** IGO are both "IGO", MNCFRA "MNC", IMGMOSISI "IMG"); else the country and its
** role: PTY when the code has it (a party named as such is PTY whether it governs
** or not, so USAGOVPTY and USAOPPPTY are "USAPTY"), otherwise the first role group
** (IRNGOVMIL "IRNGOV"); organization, religion and region groups are dropped, and
** so is ELI: the guidelines code a public figure who holds no office (a former
** minister, a prince) by country alone (rule 9), where CAMEO and the engine say
** elite (PAKELI is "PAK"). */
static void guideline_code(const char *code, char *buf, size_t cap) {
    size_t n = strlen(code);
    if (n < 3 || code_in_list(code, intl_generic)) {
        snprintf(buf, cap, "%.3s", code);
        return;
    }
    const char *role = NULL;
    for (size_t i = 3; i + 3 <= n; i += 3) {
        if (!strncmp(code + i, "PTY", 3)) { role = code + i; break; }
        if (!role && code_in_list(code + i, role_groups) && strncmp(code + i, "ELI", 3)) role = code + i;
    }
    snprintf(buf, cap, "%.3s%.3s", code, role ? role : "");
}

/* Actor as a key part: its country (level 0), its code at the guidelines' level
** (level 2) or its exact code (level 3); a code-less actor counts by its country. */
static const char *actor_part(json_t *a, int level, char *buf, size_t cap) {
    if (!json_is_object(a)) return "-";
    if (level < 2) return str_or(a, "country", "-");
    const char *c = str_or(a, "code", str_or(a, "country", "-"));
    if (level == 3 || !strcmp(c, "-")) return c;
    guideline_code(c, buf, cap);
    return buf;
}

/* Event key at a level: 0 (countries, root), 1 (countries, code), 2 (actor codes
** at the guidelines' level, code), 3 (exact actor codes, code). */
static void event_key(json_t *ev, int level, char *buf, size_t cap) {
    const char *code = str_or(ev, "code", "");
    char root[3] = {0}, sb[16], tb[16];
    const char *r = str_or(ev, "root", NULL);
    snprintf(root, sizeof root, "%s", r ? r : code);
    snprintf(buf, cap, "%s|%s|%s", actor_part(json_object_get(ev, "source"), level, sb, sizeof sb),
             actor_part(json_object_get(ev, "target"), level, tb, sizeof tb), level == 0 ? root : code);
}

static int keyset_has(const keyset *s, const char *k) {
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->k[i], k)) return 1;
    return 0;
}

static void keyset_fill(keyset *s, json_t *events, int level) {
    size_t i;
    json_t *ev;
    s->n = 0;
    json_array_foreach(events, i, ev) {
        char k[KEY_MAX];
        event_key(ev, level, k, sizeof k);
        if (s->n < MAX_KEYS && !keyset_has(s, k)) snprintf(s->k[s->n++], KEY_MAX, "%s", k);
    }
}

static void score_events(json_t *gev, json_t *pev, int level, eval_prf *c) {
    static keyset g, p;
    keyset_fill(&g, gev, level);
    keyset_fill(&p, pev, level);
    for (int i = 0; i < p.n; i++) {
        if (keyset_has(&g, p.k[i])) c->tp++;
        else c->fp++;
    }
    for (int i = 0; i < g.n; i++)
        if (!keyset_has(&p, g.k[i])) c->fn++;
}

/* Dates: gold events with a date whose (countries, root) the engine found. */
static void score_dates(json_t *gev, json_t *pev, gold_counts *k) {
    size_t i, j;
    json_t *g, *p;
    json_array_foreach(gev, i, g) {
        const char *gd = str_or(g, "date", NULL);
        char gk[KEY_MAX], pk[KEY_MAX];
        if (!gd) continue;
        event_key(g, 0, gk, sizeof gk);
        int seen = 0, ok = 0;
        json_array_foreach(pev, j, p) {
            event_key(p, 0, pk, sizeof pk);
            if (strcmp(gk, pk)) continue;
            seen = 1;
            ok |= !strcmp(gd, str_or(p, "date", ""));
        }
        k->date_gold += seen;
        k->date_ok += ok;
    }
}

static int span_of(json_t *o, long *s, long *e) {
    json_t *sp = json_object_get(o, "span");
    if (json_array_size(sp) != 2) return 0;
    *s = (long)json_integer_value(json_array_get(sp, 0));
    *e = (long)json_integer_value(json_array_get(sp, 1));
    return !json_is_true(json_object_get(o, "in_title"));
}

/* The first predicted item whose span overlaps gold item g's, or NULL. */
static json_t *overlapping(json_t *g, json_t *preds) {
    long gs, ge, ps, pe;
    size_t i;
    json_t *p;
    if (!span_of(g, &gs, &ge)) return NULL;
    json_array_foreach(preds, i, p) if (span_of(p, &ps, &pe) && ps < ge && gs < pe) return p;
    return NULL;
}

static void score_actors(json_t *ga, json_t *pa, eval_prf *c) {
    size_t i, j;
    json_t *g, *p;
    long gs, ge, ps, pe, tp = 0, np = 0;
    json_array_foreach(pa, j, p) np += span_of(p, &ps, &pe);
    json_array_foreach(ga, i, g) {
        if (!span_of(g, &gs, &ge)) continue;
        int hit = 0;
        json_array_foreach(pa, j, p) hit |= span_of(p, &ps, &pe) && ps == gs && pe == ge;
        tp += hit;
        c->fn += !hit;
    }
    c->tp += tp;
    c->fp += np - tp;
}

/* Does hay contain needle, ignoring ASCII case? */
static int has_word(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    if (!n) return 0;
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n)) return 1;
    return 0;
}

/* Speaker names match when the gold name's last word occurs in the predicted name or text. */
static int speaker_match(const char *gold, json_t *sp) {
    if (!gold || !json_is_object(sp)) return 0;
    const char *last = strrchr(gold, ' ');
    last = last ? last + 1 : gold;
    const char *n = str_or(sp, "name", ""), *t = str_or(sp, "text", "");
    return has_word(n, last) || has_word(t, last);
}

static void score_mentions(json_t *g, json_t *p, gold_counts *k) {
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(g, "quotes"), i, x) {
        json_t *m = overlapping(x, json_object_get(p, "quotes"));
        k->quote_gold++;
        k->quote_ok += m && speaker_match(str_or(x, "speaker", NULL), json_object_get(m, "speaker"));
    }
    json_array_foreach(json_object_get(g, "timexes"), i, x) {
        json_t *m = overlapping(x, json_object_get(p, "timexes"));
        k->timex_gold++;
        k->timex_ok += m && !strcmp(str_or(x, "value", "?"), str_or(m, "value", ""));
    }
    json_t *gh = json_object_get(json_object_get(g, "headline"), "related");
    if (json_is_boolean(gh)) {
        k->head_gold++;
        k->head_ok += json_is_true(gh) == json_is_true(json_object_get(json_object_get(p, "headline"), "related"));
    }
}

static void score_article(json_t *g, json_t *p, gold_counts *k) {
    json_t *gev = json_object_get(g, "events"), *pev = json_object_get(p, "events");
    k->articles++;
    score_events(gev, pev, 0, &k->root);
    score_events(gev, pev, 1, &k->code);
    score_events(gev, pev, 2, &k->actor_code);
    score_events(gev, pev, 3, &k->actor_exact);
    score_dates(gev, pev, k);
    if (json_object_get(g, "actors")) score_actors(json_object_get(g, "actors"), json_object_get(p, "actors"), &k->actor_span);
    score_mentions(g, p, k);
}

static void rate(const char *set, const char *metric, long ok, long n) {
    if (n) eval_figure(set, metric, (double)ok / (double)n, n);
}

static void report_counts(const char *set, const gold_counts *k) {
    eval_prf_report(set, "event_root", &k->root);
    eval_prf_report(set, "event_code", &k->code);
    eval_prf_report(set, "event_actor_code", &k->actor_code);
    if (k->actor_exact.tp + k->actor_exact.fn) eval_figure(set, "event_actor_code_exact_f1", eval_f1(&k->actor_exact), k->actor_exact.tp + k->actor_exact.fn);
    rate(set, "date_acc", k->date_ok, k->date_gold);
    if (k->actor_span.tp + k->actor_span.fn) eval_figure(set, "actor_span_f1", eval_f1(&k->actor_span), k->actor_span.tp + k->actor_span.fn);
    rate(set, "quote_speaker_acc", k->quote_ok, k->quote_gold);
    rate(set, "timex_value_acc", k->timex_ok, k->timex_gold);
    rate(set, "headline_acc", k->head_ok, k->head_gold);
    eval_note("%s: %ld gold articles (%ld without a prediction), %ld gold events", set, k->articles, k->missing,
              k->root.tp + k->root.fn);
}

int eval_gold_files(const char *set, const char *gold_path, const char *pred_path, FILE *report) {
    json_t *gold = load_lines(gold_path, report), *pred = load_lines(pred_path, report);
    if (!gold || !pred) {
        json_decref(gold);
        json_decref(pred);
        return -1;
    }
    json_t *by_id = json_object(), *empty = json_object(), *g, *p;
    size_t i;
    json_array_foreach(pred, i, p) {
        const char *id = json_string_value(json_object_get(p, "id"));
        if (id) json_object_set(by_id, id, p);
    }
    gold_counts k = {0};
    json_array_foreach(gold, i, g) {
        const char *id = json_string_value(json_object_get(g, "id"));
        p = id ? json_object_get(by_id, id) : NULL;
        if (!p) k.missing++;
        score_article(g, p ? p : empty, &k);
    }
    report_counts(set, &k);
    json_decref(by_id);
    json_decref(empty);
    json_decref(gold);
    json_decref(pred);
    return 0;
}

/* Code gold article g in-process; its output as JSON (caller decrefs), or NULL. */
static json_t *code_gold(json_t *g, const char *shared, FILE *report, eval_coder *c) {
    size_t len;
    char *t = gold_text(json_object_get(g, "doc"), shared, &len, report);
    if (!t) return NULL;
    const char *out;
    size_t olen;
    json_t *res = NULL;
    ne_doc *d = eval_code_doc(c, str_or(g, "id", "?"), t, len, str_or(g, "title", NULL), str_or(g, "date", NULL));
    if (d && ne_doc_write(d, NE_FORMAT_JSON, &out, &olen) == NE_OK) res = json_loadb(out, olen, 0, NULL);
    free(t);
    return res;
}

int eval_gold_run(const char *set, const char *gold_path, const char *shared, FILE *report, eval_coder *c) {
    if (!eval_exists(gold_path) || !eval_exists(shared)) {
        fprintf(report, "%s: %s or %s absent, skipped\n", set, gold_path, shared);
        return EVAL_SKIPPED;
    }
    json_t *gold = load_lines(gold_path, report), *g, *empty = json_object();
    size_t i;
    gold_counts k = {0};
    json_array_foreach(gold, i, g) {
        json_t *p = code_gold(g, shared, report, c);
        if (!p) k.missing++;
        score_article(g, p ? p : empty, &k);
        json_decref(p);
    }
    report_counts(set, &k);
    json_decref(gold);
    json_decref(empty);
    return 0;
}
