/* sentence.c: sentence splitting over the token stream, with the knowledge it
** needs in data: dictionaries/abbreviations.txt (which periods do not end a
** sentence) and dictionaries/sentence-starters.txt (words that open one). */
#include "neInt.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define WORDSET_SLOTS 1024 /* open addressing; power of two, at most half full */
#define WORD_MAX 31

/* Abbreviation kinds (neSent_abbrev) and the "capitalized only" bit. */
#define AB_MAY_END 1
#define AB_NEVER_END 2
#define AB_NUM_ONLY 3
#define AB_CAP_ONLY 0x10

typedef struct wordset {
    char key[WORDSET_SLOTS][WORD_MAX + 1]; /* lowercase, NUL-terminated; "" = empty */
    uint8_t val[WORDSET_SLOTS];
    size_t n;
} wordset;

struct ne_abbrevs {
    wordset abbrev;  /* val: AB_* kind | AB_CAP_ONLY */
    wordset starter; /* val: 1 */
};

/* The ASCII lower case of c (the sets' keys are compared case-insensitively). */
static char lower_ascii(char c) { return (char)(c | ((c >= 'A' && c <= 'Z') << 5)); }

/* The sets' own hash (FNV-1a) of the lower case of w: its bytes are
** lowercased as they are hashed. */
static uint32_t hash_lower(const char *w, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)lower_ascii(w[i])) * 16777619u;
    return h;
}

/* Slot of w (compared case-insensitively) or of the empty slot where it goes. */
static size_t wordset_slot(const wordset *ws, const char *w, size_t n) {
    size_t h = hash_lower(w, n) & (WORDSET_SLOTS - 1);
    for (;;) {
        const char *k = ws->key[h];
        if (!k[0]) return h;
        if (strncasecmp(k, w, n) == 0 && k[n] == 0) return h;
        h = (h + 1) & (WORDSET_SLOTS - 1);
    }
}

/* Value of w in the set, 0 when absent. */
static int wordset_get(const wordset *ws, const char *w, size_t n) {
    if (n == 0 || n > WORD_MAX) return 0;
    size_t h = wordset_slot(ws, w, n);
    return ws->key[h][0] ? ws->val[h] : 0;
}

static int wordset_add(wordset *ws, const char *w, size_t n, uint8_t val) {
    if (n == 0 || n > WORD_MAX || ws->n >= WORDSET_SLOTS / 2) return NE_TOOBIG;
    size_t h = wordset_slot(ws, w, n);
    if (!ws->key[h][0]) ws->n++;
    for (size_t i = 0; i < n; i++) ws->key[h][i] = lower_ascii(w[i]);
    ws->key[h][n] = 0;
    ws->val[h] = val;
    return NE_OK;
}

int neSent_abbrev(const struct ne_engine *e, const char *w, size_t n) {
    const ne_abbrevs *ab = e ? e->abbrevs : NULL;
    if (!ab) return 0;
    int v = wordset_get(&ab->abbrev, w, n);
    if ((v & AB_CAP_ONLY) && !(w[0] >= 'A' && w[0] <= 'Z')) return 0;
    return v & 0x0F;
}

/* ---- loading ---- */

/* Split a line into its first two fields (NUL-terminated in place); returns the count. */
static int fields(char *line, char **f1, char **f2, char **rest) {
    char *p = line;
    *f1 = *f2 = *rest = NULL;
    char **out[3] = {f1, f2, rest};
    int nf = 0;
    while (nf < 3) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p || *p == '#' || *p == '\n' || *p == '\r') break;
        *out[nf++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') p++;
        if (*p) *p++ = 0;
    }
    return nf;
}

/* One line of abbreviations.txt: "WORD." [title|inner|num]. */
static int abbrev_line(struct ne_engine *e, char *line, const char *path, int lineno) {
    char *w, *flag, *rest;
    int nf = fields(line, &w, &flag, &rest);
    if (nf == 0) return NE_OK;
    size_t n = strlen(w);
    if (n < 2 || w[n - 1] != '.' || n - 1 > WORD_MAX)
        return ne_engine_fail(e, NE_DATA, "%s:%d: an abbreviation ends with a period and has at most %d characters",
                              path, lineno, WORD_MAX);
    uint8_t kind = AB_MAY_END;
    if (flag && (!strcmp(flag, "title") || !strcmp(flag, "inner"))) kind = AB_NEVER_END;
    else if (flag && !strcmp(flag, "num")) kind = AB_NUM_ONLY;
    else if (flag) return ne_engine_fail(e, NE_DATA, "%s:%d: unknown flag \"%s\" (expected title, inner or num)",
                                         path, lineno, flag);
    if (rest) return ne_engine_fail(e, NE_DATA, "%s:%d: extra text after the flag", path, lineno);
    if (w[0] >= 'A' && w[0] <= 'Z') kind |= AB_CAP_ONLY;
    if (wordset_get(&e->abbrevs->abbrev, w, n - 1))
        return ne_engine_fail(e, NE_DATA, "%s:%d: duplicate abbreviation \"%s\"", path, lineno, w);
    if (wordset_add(&e->abbrevs->abbrev, w, n - 1, kind))
        return ne_engine_fail(e, NE_DATA, "%s:%d: too many abbreviations", path, lineno);
    return NE_OK;
}

/* One line of sentence-starters.txt: a lower-case word. */
static int starter_line(struct ne_engine *e, char *line, const char *path, int lineno) {
    char *w, *extra, *rest;
    int nf = fields(line, &w, &extra, &rest);
    if (nf == 0) return NE_OK;
    if (nf > 1) return ne_engine_fail(e, NE_DATA, "%s:%d: one word per line", path, lineno);
    for (const char *p = w; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            return ne_engine_fail(e, NE_DATA, "%s:%d: write starters in lower case", path, lineno);
    if (wordset_add(&e->abbrevs->starter, w, strlen(w), 1))
        return ne_engine_fail(e, NE_DATA, "%s:%d: word too long or too many words", path, lineno);
    return NE_OK;
}

typedef int (*line_fn)(struct ne_engine *, char *, const char *, int);

static int load_file(struct ne_engine *e, const char *name, line_fn fn) {
    char path[4096];
    if (neU_path(path, sizeof path, e->data_dir, name)) return ne_engine_fail(e, NE_IO, "data path too long");
    FILE *f = fopen(path, "r");
    if (!f) return ne_engine_fail(e, NE_IO, "%s: cannot open: %s", path, strerror(errno));
    char line[512];
    int lineno = 0, rc = NE_OK;
    while (rc == NE_OK && fgets(line, sizeof line, f)) rc = fn(e, line, path, ++lineno);
    fclose(f);
    return rc;
}

int neSent_load(struct ne_engine *e) {
    e->abbrevs = neM_calloc(1, sizeof *e->abbrevs);
    if (!e->abbrevs) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    int rc = load_file(e, "abbreviations.txt", abbrev_line);
    if (rc == NE_OK) rc = load_file(e, "sentence-starters.txt", starter_line);
    return rc;
}

void neSent_free(ne_abbrevs *ab) { neM_free(ab); }

/* ---- splitting ----
** A sentence ends:
**  - before a paragraph: a blank line, a form feed or U+2029, or a line indented
**    deeper than the one before (wire copy indents paragraphs and hard-wraps
**    the lines inside them, so a single line break never ends a sentence);
**  - before a list item that opens a line ("- ", "* ", bullets, "1.", "2)") when
**    what precedes ends in a stop, a colon or a closer, or is itself an item;
**  - after a line of capitals (a headline) when running text follows;
**  - after ".", "!", "?" or an ellipsis, with any closing quotes and brackets
**    glued to it, when a capital, a number, a caseless script, an opening quote
**    or bracket follows ("attack.The" counts: a stop glued to a capitalized word);
**  - after an abbreviation's own period only when a sentence starter follows
**    (abbreviations.txt, sentence-starters.txt); titles and initials in names
**    (John F. Kennedy) never end one.
*/

typedef struct splitter {
    const struct ne_engine *e;
    ne_token *tk;       /* the segment's tokens (next_candidate writes their sentence index) */
    size_t n;
    const char *text;   /* the segment's text */
    size_t start;       /* first token of the current sentence */
    int bullet;         /* the current sentence opened with a list marker */
    int lower;          /* the segment is written all in lower case */
} splitter;

static size_t tlen(const ne_token *t) { return t->end - t->start; }

static int norm_is(const ne_token *t, const char *s) { return strcmp(t->norm, s) == 0; }

/* ".", "!", "?", "..." and the ellipsis character (folded to "..."). */
static int is_term(const ne_token *t) {
    char c = t->norm[0];
    return t->shape == NE_SH_PUNCT && (c == '.' || ((c == '!' || c == '?') && t->norm[1] == 0));
}
static int is_ellipsis(const ne_token *t) { return t->norm[0] == '.' && t->norm[1] == '.'; }

/* Closing quote or bracket. */
static int is_closer(const ne_token *t) {
    if (t->shape == NE_SH_QUOTE) return (t->flags & NE_TF_QUOTE_CLOSE) != 0;
    return t->shape == NE_SH_PUNCT && t->norm[1] == 0 && (t->norm[0] == ')' || t->norm[0] == ']');
}

/* Can t open a sentence after a full stop: capitalized, a number, a caseless
** script, an opening quote or bracket. */
static int starts_upper(const ne_token *t) {
    switch (t->shape) {
    case NE_SH_CAP: case NE_SH_UPPER: case NE_SH_MIXED: case NE_SH_NUM: case NE_SH_OTHER: return 1;
    case NE_SH_QUOTE: return !(t->flags & NE_TF_QUOTE_CLOSE);
    case NE_SH_PUNCT: return norm_is(t, "(") || norm_is(t, "[");
    default: return 0;
    }
}

static int is_bullet(const ne_token *t) {
    static const char *const b[] = {"*", "-", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x97\x8F",
                                     "\xE2\x96\xA0", "\xE2\x97\xA6", "\xE2\x80\xA3", NULL};
    if (t->shape != NE_SH_PUNCT && t->shape != NE_SH_DASH) return 0;
    for (int i = 0; b[i]; i++) if (norm_is(t, b[i])) return 1;
    return 0;
}

static int line_start(const splitter *sp, size_t j) { return j == 0 || (sp->tk[j].flags & NE_TF_NEWLINE); }

/* "1." or "2)" opening a line: a numbered list item. */
static int number_marker(const splitter *sp, size_t j) {
    const ne_token *t = &sp->tk[j];
    if (!line_start(sp, j) || t->shape != NE_SH_NUM || tlen(t) > 2 || j + 2 >= sp->n) return 0;
    const ne_token *p = &sp->tk[j + 1];
    return !(p->flags & NE_TF_SPACE_BEFORE) && (norm_is(p, ".") || norm_is(p, ")")) &&
           (sp->tk[j + 2].flags & NE_TF_SPACE_BEFORE);
}

static int list_item(const splitter *sp, size_t j) {
    return number_marker(sp, j) || (line_start(sp, j) && is_bullet(&sp->tk[j]) && j + 1 < sp->n &&
                                     (sp->tk[j + 1].flags & NE_TF_SPACE_BEFORE));
}

/* A capitalized word listed in sentence-starters.txt ("The", "He", "But"). */
static int is_starter(const splitter *sp, const ne_token *t) {
    if (t->shape != NE_SH_CAP && t->shape != NE_SH_UPPER) return 0;
    return wordset_get(&sp->e->abbrevs->starter, sp->text + t->start, tlen(t)) != 0;
}

/* A line of capitals ("IRAN STRIKES PAKISTAN") ends at token last: at least
** two capitalized words, no lower case, not a dateline ending in a dash. */
static int caps_line_ends(const splitter *sp, size_t last) {
    const ne_token *t = &sp->tk[last];
    if (t->shape == NE_SH_DASH || t->shape == NE_SH_LOWER || t->shape == NE_SH_CAP || norm_is(t, ",")) return 0;
    size_t words = 0;
    for (size_t k = last + 1; k-- > sp->start;) {
        t = &sp->tk[k];
        if (t->shape == NE_SH_LOWER || t->shape == NE_SH_CAP || t->shape == NE_SH_MIXED || last - k > 40) return 0;
        if (t->shape == NE_SH_UPPER && tlen(t) > 1) words++;
        if (line_start(sp, k)) break;
    }
    return words >= 2;
}

/* Does the line starting at j have lower case (running text, not more capitals)? */
static int line_has_lower(const splitter *sp, size_t j) {
    for (size_t k = j; k < sp->n && k < j + 40; k++) {
        if (k > j && line_start(sp, k)) break;
        if (sp->tk[k].shape == NE_SH_LOWER || sp->tk[k].shape == NE_SH_CAP) return 1;
    }
    return 0;
}

/* Breaks that come from the layout: paragraphs, list items, capital headlines. */
static int layout_break(const splitter *sp, size_t j) {
    const ne_token *t = &sp->tk[j];
    if (t->flags & NE_TF_PARA_START) return 1;
    if (!(t->flags & NE_TF_NEWLINE)) return 0;
    if (list_item(sp, j)) {
        const ne_token *p = &sp->tk[j - 1];
        if (sp->bullet || is_term(p) || is_closer(p) || norm_is(p, ":") || norm_is(p, ";")) return 1;
    }
    return caps_line_ends(sp, j - 1) && line_has_lower(sp, j);
}

/* "attack.The": a full stop glued to the next sentence. */
static int glued_ends(const splitter *sp, size_t i, size_t j) {
    const ne_token *nx = &sp->tk[j];
    if (i == sp->start || nx->shape != NE_SH_CAP || tlen(nx) < 2 || is_ellipsis(&sp->tk[i])) return 0;
    const ne_token *w = &sp->tk[i - 1];
    return (w->shape == NE_SH_LOWER || w->shape == NE_SH_CAP) && tlen(w) >= 2 && !(w->flags & NE_TF_ABBREV);
}

/* In lower-case text, a lower-case word after a full stop opens a sentence
** unless the word before the stop is an abbreviation that never ends one
** ("dr. singh": the abbreviation list's capitalized entries match here too). */
static int lower_start(const splitter *sp, size_t i, const ne_token *nx) {
    if (!sp->lower || nx->shape != NE_SH_LOWER || i == sp->start) return 0;
    const ne_token *w = &sp->tk[i - 1];
    if (w->shape > NE_SH_MIXED || (sp->tk[i].flags & NE_TF_SPACE_BEFORE)) return 1; /* "1020 hours." */
    if (tlen(w) < 2) return 0; /* an initial: "j. singh" */
    int kind = sp->e->abbrevs ? wordset_get(&sp->e->abbrevs->abbrev, sp->text + w->start, tlen(w)) & ~AB_CAP_ONLY : 0;
    return kind != AB_NEVER_END && kind != AB_NUM_ONLY;
}

/* Sentence end after the terminator at i, next token j. */
static int term_ends(const splitter *sp, size_t i, size_t j) {
    const ne_token *nx = &sp->tk[j];
    if (!(nx->flags & NE_TF_SPACE_BEFORE)) return glued_ends(sp, i, j);
    if (i > sp->start && norm_is(&sp->tk[i], ".") && number_marker(sp, i - 1)) return 0; /* "1. Withdraw" */
    if (is_ellipsis(&sp->tk[i]) && nx->shape == NE_SH_NUM) return 0;
    return starts_upper(nx) || lower_start(sp, i, nx);
}

/* Sentence end after the abbreviation at i (its period is part of it). */
static int abbrev_ends(const splitter *sp, size_t i, size_t j) {
    const ne_token *t = &sp->tk[i], *nx = &sp->tk[j];
    if (!(nx->flags & NE_TF_SPACE_BEFORE)) return is_starter(sp, nx); /* "U.S.The" */
    const char *w = sp->text + t->start;
    if (tlen(t) == 2 && w[0] >= 'A' && w[0] <= 'Z') {
        /* an initial inside a name (John F. Kennedy) or opening one (J. Smith) */
        const ne_token *p = i > sp->start ? &sp->tk[i - 1] : NULL;
        if (!p || p->shape == NE_SH_CAP || p->shape == NE_SH_UPPER || (p->flags & NE_TF_ABBREV)) return 0;
        return is_starter(sp, nx);
    }
    int kind = neSent_abbrev(sp->e, w, tlen(t) - 1);
    if (kind == 2 || kind == 3 || i < sp->start + 2) return 0; /* "The U.S. And ..." is no sentence */
    if (nx->shape == NE_SH_QUOTE && (nx->flags & NE_TF_QUOTE_OPEN)) return 1;
    return is_starter(sp, nx);
}

/* Does a sentence end after token i (the next one is j = i + 1)? */
static int ends_after(const splitter *sp, size_t i) {
    const ne_token *nx = &sp->tk[i + 1];
    if (is_closer(nx) && !(nx->flags & NE_TF_SPACE_BEFORE)) return 0; /* the closer joins first */
    size_t p = i;
    while (p > sp->start && is_closer(&sp->tk[p])) p--;
    const ne_token *t = &sp->tk[p];
    if (p != i) { /* closing quotes or brackets after the end: '."' or '.)' */
        if (!(nx->flags & NE_TF_SPACE_BEFORE)) return 0;
        /* in lower-case text a lower-case word opens the next one too ("... our work.'' accusing
        ** newspapers of ..., the seer appealed") */
        if (is_term(t)) return starts_upper(nx) || lower_start(sp, p, nx);
        if (t->flags & NE_TF_ABBREV) return starts_upper(nx);
        return 0;
    }
    if (is_term(t)) return term_ends(sp, i, i + 1);
    if (t->flags & NE_TF_ABBREV) return abbrev_ends(sp, i, i + 1);
    return 0;
}

/* Is t a capitalized word ("Iran", "NATO", "iPhone": NE_SH_CAP, UPPER or MIXED)? */
static int capital_word(const ne_token *t) {
    return t->shape == NE_SH_CAP || t->shape == NE_SH_UPPER || t->shape == NE_SH_MIXED;
}

/* Does a capitalized word (capital_word) occur in tk[0..n), other than, in
** a body (lines), on a line of capitalized words only under or over
** lower-case lines (a "Facebook Twitter Linkedin Mail" footer under a
** lower-case story of a few sentences)?  Yes at the first line that mixes
** them; a text of lines of capitals alone has capitals. */
static int has_capitals(const ne_token *tk, size_t n, int lines) {
    int cap = 0, low = 0, cap_line = 0, low_line = 0;
    for (size_t i = 0; i < n; i++) {
        if (tk[i].flags & NE_TF_NEWLINE) cap = low = 0;
        if (capital_word(&tk[i])) {
            if (!lines) return 1;
            cap = cap_line = 1;
        } else if (tk[i].shape == NE_SH_LOWER) {
            low = low_line = 1;
        }
        if (cap && low) return 1;
    }
    return cap_line && !low_line;
}

/* The openings of sentences after full stops that lowercase_segment weighs:
** in lower case (low) and capitalized (cap). */
typedef struct stop_starts {
    size_t low, cap;
} stop_starts;

/* Count the word after token i (i + 1 < n) when token i is a full stop; a
** capitalized one opening a line is a header or footer line ("Facebook
** Twitter Linkedin Mail" under a lower-case story), not a sentence of the text. */
static void count_stop_start(const ne_token *tk, size_t i, stop_starts *c) {
    if (tk[i].shape != NE_SH_PUNCT || tk[i].norm[0] != '.') return;
    const ne_token *t = &tk[i + 1];
    if (t->shape > NE_SH_MIXED || !(t->flags & NE_TF_SPACE_BEFORE)) return;
    int cap = t->shape != NE_SH_LOWER;
    if (cap && (t->flags & NE_TF_NEWLINE)) return;
    c->low += !cap;
    c->cap += cap;
}

/* Is the segment (tokens tk[0..n)) written all in lower case, as some news
** archives store text (body: the segment is the body, not the title)?  No
** capitalized word at all but, in a body, on lines of them (has_capitals),
** or sentences that mostly open in lower case after a full stop (c: the
** counts of count_stop_start over every token but the last; a header or a
** footer in capitals does not count against it). */
static int lowercase_segment(const ne_token *tk, size_t n, const stop_starts *c, int body) {
    size_t words = 0;
    for (size_t i = 0; i < n && words < 3; i++) words += tk[i].shape <= NE_SH_MIXED;
    if (words < 3) return 0;
    /* the capitals are looked for only when the counts do not decide: most
    ** segments have one among their first words */
    return (c->low >= 2 && c->low > 2 * c->cap) || !has_capitals(tk, n, body);
}

/* A sentence of two or more words written all in capitals ("IRAN ATTACKED
** PAKISTAN."): NE_CASELESS_UPPER, else 0. */
static int all_capitals(const ne_token *tk, size_t n) {
    size_t words = 0;
    for (size_t i = 0; i < n; i++) {
        const ne_token *t = &tk[i];
        if (t->shape > NE_SH_MIXED || t->end - t->start < 2) continue;
        if (t->shape != NE_SH_UPPER) return 0;
        words++;
    }
    return words >= 2 ? NE_CASELESS_UPPER : 0;
}

/* Lower-case words that do not stop a headline-style sentence (title_case),
** NUL-padded to eight bytes as a token's norm is: compared as one word. */
static const char minor8[][8] = {"the", "and", "for", "with", "from", "into", "over", "amid", "after",
                                 "than", "that", "this", "its", "are", "was", "has", "but", "nor",
                                 "yet", "via", "off", "out", "per", "n't"};

/* Is t one of minor8's words? */
static int minor_word(const ne_token *t) {
#define L(c) (1u << ((c) - 'a'))
    /* the first letters of minor8's words (keep in step) */
    const uint32_t first = L('a') | L('b') | L('f') | L('h') | L('i') | L('n') | L('o') | L('p') | L('t') |
                           L('v') | L('w') | L('y');
#undef L
    unsigned c = (unsigned char)t->norm[0] - 'a';
    if (t->norm_len > 5 || c >= 26 || !(first >> c & 1)) return 0; /* most words: "said", "company" */
    for (size_t k = 0; k < sizeof minor8 / sizeof minor8[0]; k++)
        if (!memcmp(t->norm, minor8[k], 8)) return 1;
    return 0;
}

/* Is the sentence tk[0, n) written as a headline, every content word
** capitalized ("Displaced Gazans Flee Nasser Hospital"), at least three of
** them?  Lower-case words of one or two letters and the minor words may
** stay lower-case ("Iran Strikes Militant Bases in Pakistan"). */
static int title_case(const ne_token *tk, size_t n) {
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        const ne_token *t = &tk[i];
        if (t->shape == NE_SH_CAP || t->shape == NE_SH_UPPER || t->shape == NE_SH_MIXED) caps++;
        else if (t->shape == NE_SH_LOWER && t->norm_len >= 3 && !minor_word(t)) return 0;
    }
    return caps >= 3;
}

/* Append the sentence of tokens [first, last] (document indexes): tokens
** first..last - 1 already carry its index, d->sentences.n (next_candidate
** wrote it as it passed them); last gets it here. */
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
    tk[last].sent = (uint32_t)(d->sentences.n - 1);
    tk[first].flags |= NE_TF_SENT_START;
    if (!in_title) {
        ne_span *sp = neV_push(&d->arena, &d->body_sents);
        if (!sp) return NE_NOMEM;
        sp->start = s->start;
        sp->end = s->end;
    }
    return NE_OK;
}

/* The first j of [from, limit) where a sentence may end before token j, or
** limit: a token after which none ends (no NE_TF_MAY_END: ne_may_end; ends_after
** answers 0 for them and count_stop_start counts full stops only) followed by
** a token on the same line ends none.  Each token it passes, from - 1 to
** the one before the j it returns (limit: to limit - 2), gets sentence index
** idx: the sentence being read holds them (add_sentence). */
static size_t next_candidate(ne_token *tk, size_t from, size_t limit, uint32_t idx) {
    size_t j = from;
    for (; j < limit; j++) {
        tk[j - 1].sent = idx;
        if ((tk[j].flags & NE_TF_NEWLINE) || (tk[j - 1].flags & NE_TF_MAY_END)) break;
    }
    return j;
}

/* Split the segment's tokens (sp->tk, the document's tokens from first) into
** sentences, in lower-case text when sp->lower; the full stops' counts of
** count_stop_start go to *c (every full stop but a last token is a candidate
** the loop visits). */
static int split_sentences(struct ne_doc *d, splitter *sp, size_t first, int in_title, stop_starts *c) {
    sp->start = 0;
    sp->bullet = list_item(sp, 0);
    for (size_t j = 1; j < sp->n; j++) {
        /* bounded work downstream: an endless "sentence" is cut every NE_MAX_SENT_TOKENS tokens */
        size_t limit = sp->start + NE_MAX_SENT_TOKENS < sp->n ? sp->start + NE_MAX_SENT_TOKENS : sp->n;
        if ((j = next_candidate(sp->tk, j, limit, (uint32_t)d->sentences.n)) == sp->n) break;
        count_stop_start(sp->tk, j - 1, c);
        int forced = j == limit;
        if (!forced && !layout_break(sp, j) && !ends_after(sp, j - 1)) continue;
        int rc = add_sentence(d, first + sp->start, first + j - 1, in_title);
        if (rc) return rc;
        sp->start = j;
        sp->bullet = list_item(sp, j);
    }
    return add_sentence(d, first + sp->start, first + sp->n - 1, in_title);
}

/* Tokenize one segment and split it into sentences.  It is split as cased
** text, counting its full stops on the way, and split again in the rare case
** that the counts show lower-case text (lowercase_segment). */
static int split_segment(struct ne_doc *d, const struct ne_engine *e, int seg) {
    size_t first = d->tokens.n;
    int rc = neTok_segment(d, e, seg);
    if (rc || d->tokens.n == first) return rc;
    splitter sp = {.e = e, .tk = NE_VEC_AT(d->tokens, ne_token, first), .n = d->tokens.n - first,
                   .text = d->seg[seg]};
    size_t first_sent = d->sentences.n, first_body = d->body_sents.n;
    stop_starts c = {0, 0};
    rc = split_sentences(d, &sp, first, seg == 1, &c);
    if (rc == NE_OK && lowercase_segment(sp.tk, sp.n, &c, seg == 0)) {
        d->sentences.n = first_sent;
        d->body_sents.n = first_body;
        for (size_t k = 0; k < sp.n; k++) NE_VEC_AT(d->tokens, ne_token, first + k)->flags &= (uint8_t)~NE_TF_SENT_START;
        sp.lower = 1;
        rc = split_sentences(d, &sp, first, seg == 1, &c);
    }
    for (size_t k = first_sent; k < d->sentences.n; k++) {
        ne_sentence *s = NE_VEC_AT(d->sentences, ne_sentence, k);
        s->caseless = sp.lower ? NE_CASELESS_LOWER : all_capitals(sp.tk + (s->tok_first - first), s->tok_count);
        s->titlecase = (uint8_t)title_case(sp.tk + (s->tok_first - first), s->tok_count);
    }
    return rc;
}

int neSent_split(struct ne_doc *d, const struct ne_engine *e) {
    int rc = split_segment(d, e, 1); /* the title first: its sentences carry in_title */
    d->title_sents = (uint32_t)d->sentences.n;
    if (rc == NE_OK) rc = split_segment(d, e, 0);
    return rc;
}
