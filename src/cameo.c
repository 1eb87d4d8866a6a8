/* cameo.c: the CAMEO code table (dictionaries/cameo/codes.tsv): name,
** Goldstein weight, quad class and PLOVER category of every event code,
** validated at load (docs/CAMEO.md). */
#include "neInt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line of cameo/intent.tsv (refusal.tsv): events whose code starts
** with prefix become the code to when they are announced (refused), not done. */
typedef struct intent_row {
    char prefix[8];
    const ne_cameo_code *to;
} intent_row;

/* A prefix-to-code table: intent.tsv (roots 04-08 -> 03x), refusal.tsv
** (roots 03-08 -> 12x) or threat.tsv (roots 14-20 -> 13x). */
typedef struct code_map {
    const char *file, *to_root; /* "cameo/intent.tsv", "03" */
    int lo, hi;                 /* roots a prefix may have */
    intent_row *rows;           /* in file order */
    size_t n;
} code_map;

/* One line of cameo/event_nouns.tsv: an event noun ("attack") and the code
** prefixes of the acts it names (18 19 20 145). */
#define NOUN_PREFIXES 20
struct ne_event_noun {
    char noun[24];
    char prefix[NOUN_PREFIXES][5];
    int n;
};

/* Slots of the direct index: every 3-digit code, then every 4-digit one. */
#define CODE_SLOTS (1000 + 10000)

struct ne_cameo {
    char *text;           /* the file, tabs and newlines replaced by NULs */
    ne_cameo_code *codes; /* sorted by code */
    size_t n;
    uint16_t *slot;       /* CODE_SLOTS: 1 + the index in codes of each code (code_slot), 0 none */
    code_map intent;      /* cameo/intent.tsv */
    code_map refusal;     /* cameo/refusal.tsv */
    code_map threat;      /* cameo/threat.tsv */
    ne_event_noun *nouns;      /* cameo/event_nouns.tsv, in file order */
    size_t nnouns;
};

static int code_cmp(const void *a, const void *b) {
    return strcmp(((const ne_cameo_code *)a)->code, ((const ne_cameo_code *)b)->code);
}

/* The quad class the root of code implies (docs/CAMEO.md). */
int neCameo_quad_of_root(int root) {
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

/* The root (its first two digits) of a code or code prefix s of 2 to 4
** digits (n bytes), or 0 when s is none; callers check its range. */
static long prefix_root(const char *s, size_t n) {
    long r;
    if (n < 2 || n > 4 || neU_parse_long(s, n, &r) || neU_parse_long(s, 2, &r)) return 0;
    return r;
}

/* Check the code field: 3 or 4 digits, root 01..20. Returns the root or 0. */
static int code_root(const char *s) {
    size_t n = strlen(s);
    long r = n < 3 ? 0 : prefix_root(s, n);
    return r < 1 || r > 20 ? 0 : (int)r;
}

/* Parse the goldstein field: optional '-', digits, optional .digits. */
static int parse_weight(const char *s, double *out) {
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || v < -10.0 || v > 10.0) return -1;
    *out = v;
    return 0;
}

/* Split one line into up to 5 tab-separated fields (in place). */
static int split_fields(char *line, char **f) {
    int k = 0;
    f[k++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            *p = 0;
            if (k == 5) return 6;
            f[k++] = p + 1;
        }
    return k;
}

static int parse_line(struct ne_engine *e, const char *path, size_t lineno, char *line, ne_cameo_code *c) {
    char *f[5];
    if (split_fields(line, f) != 5)
        return ne_engine_fail(e, NE_DATA, "%s:%zu: expected 5 tab-separated fields", path, lineno);
    int root = code_root(f[0]);
    long q;
    if (!root) return ne_engine_fail(e, NE_DATA, "%s:%zu: bad CAMEO code '%s'", path, lineno, f[0]);
    if (!*f[1]) return ne_engine_fail(e, NE_DATA, "%s:%zu: empty name", path, lineno);
    if (parse_weight(f[2], &c->goldstein))
        return ne_engine_fail(e, NE_DATA, "%s:%zu: bad Goldstein weight '%s'", path, lineno, f[2]);
    if (neU_parse_long(f[3], strlen(f[3]), &q) || q != neCameo_quad_of_root(root))
        return ne_engine_fail(e, NE_DATA, "%s:%zu: quad class '%s' does not match root %02d", path, lineno,
                              f[3], root);
    if (!*f[4]) return ne_engine_fail(e, NE_DATA, "%s:%zu: empty PLOVER field (use -)", path, lineno);
    snprintf(c->code, sizeof c->code, "%s", f[0]);
    snprintf(c->root, sizeof c->root, "%.2s", f[0]);
    c->name = f[1];
    c->quad_class = (int)q;
    c->plover = strcmp(f[4], "-") ? f[4] : NULL;
    return NE_OK;
}

/* The direct index slot of code s: 3 or 4 digits (every table code is:
** code_root), -1 for anything else. */
static int code_slot(const char *s) {
    int v = 0, n = 0;
    for (; n < 5 && s[n]; n++) {
        if (s[n] < '0' || s[n] > '9') return -1;
        v = v * 10 + (s[n] - '0');
    }
    return n == 3 ? v : n == 4 ? 1000 + v : -1;
}

/* cm->slot over the sorted codes: neCameo_get is then one load (it runs for
** every pattern line at engine open, and for events). */
static int index_codes(ne_cameo *cm) {
    cm->slot = neM_calloc(CODE_SLOTS, sizeof *cm->slot);
    if (!cm->slot) return NE_NOMEM;
    for (size_t i = 0; i < cm->n && i < UINT16_MAX; i++) {
        int k = code_slot(cm->codes[i].code);
        if (k >= 0) cm->slot[k] = (uint16_t)(i + 1);
    }
    return NE_OK;
}

/* The number of lines of text (len bytes): a bound on its rows. */
static size_t count_lines(const char *text, size_t len) {
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
    return lines;
}

/* A parser of one line (NUL-terminated, number lineno) of file path. */
typedef int (*line_fn)(struct ne_engine *e, const char *path, size_t lineno, char *line, void *arg);

/* Each line of text (len bytes, edited in place) that is neither blank nor
** a # comment, given to parse with its number, up to the first error. */
static int each_line(struct ne_engine *e, const char *path, char *text, size_t len, line_fn parse, void *arg) {
    int rc = NE_OK;
    char *p = text, *end = text + len;
    for (size_t lineno = 1; p < end && rc == NE_OK; lineno++) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *next = nl ? nl + 1 : end;
        if (nl) *nl = 0;
        if (nl > p && nl[-1] == '\r') nl[-1] = 0;
        if (*p && *p != '#') rc = parse(e, path, lineno, p, arg);
        p = next;
    }
    return rc;
}

/* A line of the code table, as the next of cm->codes. */
static int code_line(struct ne_engine *e, const char *path, size_t lineno, char *line, void *arg) {
    ne_cameo *cm = arg;
    int rc = parse_line(e, path, lineno, line, &cm->codes[cm->n]);
    if (rc == NE_OK) cm->n++;
    return rc;
}

static int parse_table(struct ne_engine *e, const char *path, ne_cameo *cm, size_t len) {
    cm->codes = neM_calloc(count_lines(cm->text, len), sizeof *cm->codes);
    if (!cm->codes) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    int rc = each_line(e, path, cm->text, len, code_line, cm);
    if (rc) return rc;
    qsort(cm->codes, cm->n, sizeof *cm->codes, code_cmp);
    for (size_t i = 1; i < cm->n; i++)
        if (!strcmp(cm->codes[i].code, cm->codes[i - 1].code))
            return ne_engine_fail(e, NE_DATA, "%s: duplicate code %s", path, cm->codes[i].code);
    return index_codes(cm) ? ne_engine_fail(e, NE_NOMEM, "out of memory") : NE_OK;
}

/* One line "PREFIX<TAB>CODE": PREFIX 2-4 digits of a root in [lo, hi], CODE
** an existing code of root to_root. */
static int parse_map_line(struct ne_engine *e, const char *path, size_t lineno, char *line, ne_cameo *cm,
                          code_map *m) {
    char *tab = strchr(line, '\t');
    size_t n = tab ? (size_t)(tab - line) : 0;
    long r = tab ? prefix_root(line, n) : 0;
    if (r < m->lo || r > m->hi)
        return ne_engine_fail(e, NE_DATA, "%s:%zu: expected a code prefix of roots %02d-%02d, a tab and a %sx code",
                              path, lineno, m->lo, m->hi, m->to_root);
    const ne_cameo_code *to = neCameo_get(cm, tab + 1);
    if (!to || strcmp(to->root, m->to_root))
        return ne_engine_fail(e, NE_DATA, "%s:%zu: '%s' is not a CAMEO %sx code", path, lineno, tab + 1, m->to_root);
    intent_row *row = &m->rows[m->n++];
    snprintf(row->prefix, sizeof row->prefix, "%.*s", (int)n, line);
    row->to = to;
    return NE_OK;
}

/* One prefix of an event_nouns.tsv line: 2-4 digits of a root 01-20, and a
** listed code when it has 3 or 4.  Returns 1 when it is one. */
static int noun_prefix(const ne_cameo *cm, const char *s, size_t n) {
    long r = prefix_root(s, n);
    char code[5];
    if (r < 1 || r > 20) return 0;
    memcpy(code, s, n);
    code[n] = 0;
    return n == 2 || neCameo_get(cm, code) != NULL;
}

/* One line "NOUN<TAB>PREFIX PREFIX ...": NOUN lower-case letters and
** hyphens, listed once; 1 to NOUN_PREFIXES prefixes (noun_prefix). */
static int parse_noun_line(struct ne_engine *e, const char *path, size_t lineno, char *line, ne_cameo *cm) {
    ne_event_noun *row = &cm->nouns[cm->nnouns];
    char *tab = strchr(line, '\t');
    size_t n = tab ? (size_t)(tab - line) : 0;
    if (!n || n >= sizeof row->noun || strspn(line, "abcdefghijklmnopqrstuvwxyz-") != n)
        return ne_engine_fail(e, NE_DATA, "%s:%zu: expected a lower-case noun, a tab and code prefixes", path, lineno);
    memset(row, 0, sizeof *row);
    memcpy(row->noun, line, n);
    for (size_t i = 0; i < cm->nnouns; i++)
        if (!strcmp(cm->nouns[i].noun, row->noun))
            return ne_engine_fail(e, NE_DATA, "%s:%zu: noun '%s' listed twice", path, lineno, row->noun);
    const char *p = tab + 1;
    while (*p) {
        size_t w = strcspn(p, " ");
        if (w && (row->n == NOUN_PREFIXES || !noun_prefix(cm, p, w)))
            return ne_engine_fail(e, NE_DATA, "%s:%zu: '%.*s': expected up to %d code prefixes of 2-4 digits", path,
                                  lineno, (int)w, p, NOUN_PREFIXES);
        if (w) memcpy(row->prefix[row->n++], p, w);
        p += w + (p[w] == ' ');
    }
    if (!row->n) return ne_engine_fail(e, NE_DATA, "%s:%zu: no code prefix", path, lineno);
    cm->nnouns++;
    return NE_OK;
}

/* The parsers of load_table's tables, in each_line's form. */
typedef struct {
    ne_cameo *cm;
    code_map *m;
} map_arg;
static int map_line(struct ne_engine *e, const char *path, size_t lineno, char *line, void *arg) {
    map_arg *a = arg;
    return parse_map_line(e, path, lineno, line, a->cm, a->m);
}
static int noun_line(struct ne_engine *e, const char *path, size_t lineno, char *line, void *arg) {
    return parse_noun_line(e, path, lineno, line, arg);
}

/* cameo/intent.tsv, refusal.tsv or threat.tsv (m), or cameo/event_nouns.tsv
** (m NULL), docs/CAMEO.md; without the file no event is recoded and no
** noun names an earlier act. */
static int load_table(struct ne_engine *e, ne_cameo *cm, code_map *m) {
    char path[1024], *text;
    size_t len;
    if (neU_path(path, sizeof path, e->data_dir, m ? m->file : "cameo/event_nouns.tsv"))
        return ne_engine_fail(e, NE_INVALID, "data directory path too long");
    int rc = neU_read_file(path, &text, &len, (size_t)1 << 20);
    if (rc == NE_IO && errno == ENOENT) return NE_OK; /* no table: nothing is recoded */
    if (rc) return ne_engine_fail(e, rc, "%s: cannot read: %s", path, neU_io_why(rc));
    size_t lines = count_lines(text, len);
    void *rows = m ? (void *)(m->rows = neM_calloc(lines, sizeof *m->rows))
                   : (void *)(cm->nouns = neM_calloc(lines, sizeof *cm->nouns));
    map_arg ma = {cm, m};
    rc = !rows ? ne_engine_fail(e, NE_NOMEM, "out of memory")
         : m   ? each_line(e, path, text, len, map_line, &ma)
               : each_line(e, path, text, len, noun_line, cm);
    neM_free(text);
    return rc;
}

/* The code of the longest prefix of code listed in m, or NULL. */
static const ne_cameo_code *map_lookup(const code_map *m, const char *code) {
    const ne_cameo_code *best = NULL;
    size_t bestn = 0;
    for (size_t i = 0; i < m->n; i++) {
        size_t n = strlen(m->rows[i].prefix);
        if (n > bestn && !strncmp(code, m->rows[i].prefix, n)) best = m->rows[i].to, bestn = n;
    }
    return best;
}

const ne_event_noun *neCameo_event_noun(const ne_cameo *c, const char *word) {
    for (size_t i = 0; c && word && i < c->nnouns; i++) /* the first letters first: most rows differ there */
        if (c->nouns[i].noun[0] == word[0] && !strcmp(c->nouns[i].noun, word)) return &c->nouns[i];
    return NULL;
}

int neCameo_noun_fits(const ne_event_noun *n, const char *code) {
    for (int i = 0; i < n->n; i++)
        if (!strncmp(code, n->prefix[i], strlen(n->prefix[i]))) return 1;
    return 0;
}

const ne_cameo_code *neCameo_intent(const ne_cameo *c, const char *code) {
    return c ? map_lookup(&c->intent, code) : NULL;
}

const ne_cameo_code *neCameo_refusal(const ne_cameo *c, const char *code) {
    return c ? map_lookup(&c->refusal, code) : NULL;
}

const ne_cameo_code *neCameo_threat(const ne_cameo *c, const char *code) {
    return c ? map_lookup(&c->threat, code) : NULL;
}

int neCameo_load(struct ne_engine *e) {
    char path[1024];
    size_t len;
    if (neU_path(path, sizeof path, e->data_dir, "cameo/codes.tsv"))
        return ne_engine_fail(e, NE_INVALID, "data directory path too long");
    ne_cameo *cm = e->cameo = neM_calloc(1, sizeof *cm);
    if (!cm) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    int rc = neU_read_file(path, &cm->text, &len, (size_t)4 << 20);
    if (rc) return ne_engine_fail(e, rc, "%s: cannot read: %s", path, neU_io_why(rc));
    rc = parse_table(e, path, cm, len);
    cm->intent = (code_map){.file = "cameo/intent.tsv", .to_root = "03", .lo = 4, .hi = 8};
    cm->refusal = (code_map){.file = "cameo/refusal.tsv", .to_root = "12", .lo = 3, .hi = 8};
    cm->threat = (code_map){.file = "cameo/threat.tsv", .to_root = "13", .lo = 14, .hi = 20};
    if (!rc) rc = load_table(e, cm, &cm->intent);
    if (!rc) rc = load_table(e, cm, &cm->refusal);
    if (!rc) rc = load_table(e, cm, &cm->threat);
    return rc ? rc : load_table(e, cm, NULL);
}

void neCameo_free(ne_cameo *c) {
    if (!c) return;
    neM_free(c->text);
    neM_free(c->codes);
    neM_free(c->slot);
    neM_free(c->intent.rows);
    neM_free(c->refusal.rows);
    neM_free(c->threat.rows);
    neM_free(c->nouns);
    neM_free(c);
}

const ne_cameo_code *neCameo_get(const ne_cameo *c, const char *code) {
    if (!c || !c->n) return NULL;
    int k = c->slot ? code_slot(code) : -1;
    if (k >= 0) return c->slot[k] ? &c->codes[c->slot[k] - 1] : NULL;
    ne_cameo_code key;
    size_t n = 0; /* as snprintf "%s" into key.code: truncated, without its cost (per pattern line at load) */
    while (n + 1 < sizeof key.code && code[n]) n++;
    memcpy(key.code, code, n);
    key.code[n] = 0;
    return bsearch(&key, c->codes, c->n, sizeof *c->codes, code_cmp);
}

size_t neCameo_count(const ne_cameo *c) { return c ? c->n : 0; }
