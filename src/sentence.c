/* sentence.c: sentence splitting over the token stream, and the abbreviation
** list (dictionaries/abbreviations.txt) that decides which periods end one. */
#include "neInt.h"

#include <stdio.h>
#include <string.h>

#define ABBREV_SLOTS 1024 /* open-addressing table; power of two */

struct ne_abbrevs {
    char *key[ABBREV_SLOTS];
    uint8_t kind[ABBREV_SLOTS]; /* 1 may end a sentence, 2 never does */
};

static uint32_t hash_word(const char *w, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static int abbrev_add(ne_abbrevs *ab, const char *w, size_t n, uint8_t kind) {
    uint32_t h = hash_word(w, n) & (ABBREV_SLOTS - 1);
    for (size_t probe = 0; probe < ABBREV_SLOTS; probe++, h = (h + 1) & (ABBREV_SLOTS - 1)) {
        if (!ab->key[h]) {
            ab->key[h] = neM_malloc(n + 1);
            if (!ab->key[h]) return NE_NOMEM;
            memcpy(ab->key[h], w, n);
            ab->key[h][n] = 0;
            ab->kind[h] = kind;
            return NE_OK;
        }
        if (strlen(ab->key[h]) == n && memcmp(ab->key[h], w, n) == 0) return NE_OK;
    }
    return NE_TOOBIG;
}

int neSent_abbrev(const struct ne_engine *e, const char *w, size_t n) {
    const ne_abbrevs *ab = e ? e->abbrevs : NULL;
    if (!ab || n == 0) return 0;
    uint32_t h = hash_word(w, n) & (ABBREV_SLOTS - 1);
    for (size_t probe = 0; probe < ABBREV_SLOTS && ab->key[h]; probe++, h = (h + 1) & (ABBREV_SLOTS - 1))
        if (strncmp(ab->key[h], w, n) == 0 && ab->key[h][n] == 0) return ab->kind[h];
    return 0;
}

/* One line of abbreviations.txt: "WORD." or "WORD. title" (never ends a sentence). */
static int abbrev_line(struct ne_engine *e, char *line, const char *path, int lineno) {
    char *p = line;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '#' || *p == 0 || *p == '\n' || *p == '\r') return NE_OK;
    char *w = p;
    while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') p++;
    size_t n = (size_t)(p - w);
    if (n < 2 || w[n - 1] != '.')
        return ne_engine_fail(e, NE_DATA, "%s:%d: abbreviation must end with a period", path, lineno);
    while (*p == ' ' || *p == '\t') p++;
    uint8_t kind = 1;
    if (strncmp(p, "title", 5) == 0) kind = 2;
    else if (*p && *p != '#' && *p != '\n' && *p != '\r')
        return ne_engine_fail(e, NE_DATA, "%s:%d: unknown flag (expected \"title\")", path, lineno);
    for (size_t i = 0; i < n; i++) w[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
    int rc = abbrev_add(e->abbrevs, w, n - 1, kind);
    if (rc) return ne_engine_fail(e, rc, "%s:%d: cannot add abbreviation", path, lineno);
    return NE_OK;
}

int neSent_load(struct ne_engine *e) {
    e->abbrevs = neM_calloc(1, sizeof *e->abbrevs);
    if (!e->abbrevs) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    char path[4096];
    if (neU_path(path, sizeof path, e->data_dir, "abbreviations.txt"))
        return ne_engine_fail(e, NE_IO, "data path too long");
    FILE *f = fopen(path, "r");
    if (!f) return ne_engine_fail(e, NE_IO, "%s: cannot open", path);
    char line[512];
    int lineno = 0, rc = NE_OK;
    while (rc == NE_OK && fgets(line, sizeof line, f)) rc = abbrev_line(e, line, path, ++lineno);
    fclose(f);
    return rc;
}

void neSent_free(ne_abbrevs *ab) {
    if (!ab) return;
    for (size_t i = 0; i < ABBREV_SLOTS; i++) neM_free(ab->key[i]);
    neM_free(ab);
}

/* Token helpers */
static int tok_is(const ne_token *t, const char *s) { return strcmp(t->norm, s) == 0; }
static int is_terminator(const ne_token *t) {
    return t->shape == NE_SH_PUNCT && (tok_is(t, ".") || tok_is(t, "!") || tok_is(t, "?") ||
                                       tok_is(t, "...") || tok_is(t, "?!") || tok_is(t, "!?"));
}
static int is_closer(const ne_token *t) {
    return t->shape == NE_SH_QUOTE || tok_is(t, ")") || tok_is(t, "]") || tok_is(t, "'");
}
static int starts_upper(const ne_token *t) {
    return t->shape == NE_SH_CAP || t->shape == NE_SH_UPPER || t->shape == NE_SH_MIXED || t->shape == NE_SH_NUM ||
           t->shape == NE_SH_QUOTE || t->shape == NE_SH_DASH || tok_is(t, "(") || tok_is(t, "•") || tok_is(t, "*");
}
static int is_bullet(const ne_token *t) {
    return tok_is(t, "•") || tok_is(t, "*") || tok_is(t, "-") || tok_is(t, "·") || tok_is(t, "▪");
}

/* Words that start a sentence after an abbreviation that may end one ("U.S. The"). */
static int common_starter(const ne_token *t) {
    static const char *const w[] = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "in",
                                    "but", "and", "this", "that", "there", "on", "at", "his", "her",
                                    "their", "its", "after", "when", "while", "as", "if", NULL};
    if (t->shape != NE_SH_CAP) return 0;
    for (int i = 0; w[i]; i++) if (tok_is(t, w[i])) return 1;
    return 0;
}

/* Does a sentence end after token i (tokens [first, n) of one segment)? */
static int ends_after(const struct ne_engine *e, const ne_token *tk, size_t i, size_t n) {
    const ne_token *t = &tk[i], *nx = i + 1 < n ? &tk[i + 1] : NULL;
    if (!nx) return 1;
    if (nx->flags & NE_TF_PARA_START) return 1;
    if ((nx->flags & NE_TF_NEWLINE) && is_bullet(nx)) return 1;
    if (is_closer(nx) && !(nx->flags & NE_TF_SPACE_BEFORE)) return 0; /* let the closer join */
    if (is_terminator(t)) {
        if (!(nx->flags & NE_TF_SPACE_BEFORE)) {
            /* "attack.The": missing space, split only before a capitalized word */
            return nx->shape == NE_SH_CAP && nx->end - nx->start > 1 && i > 0 && tk[i - 1].shape == NE_SH_LOWER;
        }
        return starts_upper(nx) || (nx->flags & NE_TF_NEWLINE);
    }
    if (is_closer(t) && i > 0 && (is_terminator(&tk[i - 1]) || (tk[i - 1].flags & NE_TF_ABBREV)) &&
        (nx->flags & NE_TF_SPACE_BEFORE))
        return starts_upper(nx);
    if ((t->flags & NE_TF_ABBREV) && (nx->flags & NE_TF_SPACE_BEFORE)) {
        size_t len = t->norm_len ? (size_t)t->norm_len - 1 : 0;
        if (t->end - t->start == 2) return 0; /* single initial: "John F. Kennedy" */
        int kind = neSent_abbrev(e, t->norm, len);
        if (kind == 2) return 0;
        return common_starter(nx) || (nx->flags & NE_TF_NEWLINE && starts_upper(nx));
    }
    return 0;
}

static int add_sentence(struct ne_doc *d, size_t first, size_t last, int in_title) {
    ne_sentence *s = neV_push(&d->arena, &d->sentences);
    if (!s) return NE_NOMEM;
    ne_token *tk = d->tokens.items;
    s->tok_first = (uint32_t)first;
    s->tok_count = (uint32_t)(last - first + 1);
    s->start = tk[first].start;
    s->end = tk[last].end;
    s->in_title = (uint8_t)in_title;
    s->para_start = (tk[first].flags & NE_TF_PARA_START) ? 1 : 0;
    uint32_t idx = (uint32_t)(d->sentences.n - 1);
    for (size_t i = first; i <= last; i++) tk[i].sent = idx;
    tk[first].flags |= NE_TF_SENT_START;
    if (!in_title) {
        ne_span *sp = neV_push(&d->arena, &d->body_sents);
        if (!sp) return NE_NOMEM;
        sp->start = s->start;
        sp->end = s->end;
    }
    return NE_OK;
}

/* Tokenize one segment and split it into sentences. */
static int split_segment(struct ne_doc *d, const struct ne_engine *e, int seg) {
    size_t first = d->tokens.n;
    int rc = neTok_segment(d, e, seg);
    if (rc) return rc;
    size_t n = d->tokens.n;
    ne_token *tk = d->tokens.items;
    size_t start = first;
    for (size_t i = first; i < n; i++) {
        /* ends_after sees indices relative to the segment's slice */
        if (ends_after(e, tk + first, i - first, n - first)) {
            rc = add_sentence(d, start, i, seg == 1);
            if (rc) return rc;
            tk = d->tokens.items;
            start = i + 1;
        }
    }
    return NE_OK;
}

int neSent_split(struct ne_doc *d, const struct ne_engine *e) {
    int rc = split_segment(d, e, 1); /* the title first: its sentences carry in_title */
    d->title_sents = (uint32_t)d->sentences.n;
    if (rc == NE_OK) rc = split_segment(d, e, 0);
    return rc;
}
