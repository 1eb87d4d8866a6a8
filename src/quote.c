/* quote.c: direct quotations and their speakers.  Finds quote-mark pairs
** (straight or curly, across paragraphs), then the speaker from a cue verb of
** dictionaries/cues.txt on either side, with apposition; quotes without a cue
** continue the speaker of the quote before them (docs/TIME.md). */
#include "neInt.h"

#include <string.h>

enum { QC_CUE, QC_CUEPREP, QC_PRONOUN, QC_TITLE, QC_CUEING };
static const char *const qc_classes[] = {"cue", "cueprep", "pronoun", "title", "cueing", NULL};

#define MAX_GAP 10 /* tokens between a quotation and its cue */

int neQuote_load(struct ne_engine *e) { return neW_load(e, "cues.txt", qc_classes, &e->cues); }

typedef struct qctx {
    struct ne_doc *d;
    const ne_wordtab *cw;
    ne_token *tk;
    size_t ntok;
} qctx;

/* A speaker found in the text: tokens [a, b) and the cue [ca, cb). */
typedef struct speaker {
    size_t a, b, ca, cb;
    int found;
} speaker;

/* ---- quote marks ---- */
enum { MARK_NONE, MARK_OPEN, MARK_CLOSE, MARK_EITHER };

/* The sentence of token i. */
static const ne_sentence *sent_of(const qctx *q, size_t i) {
    return NE_VEC_AT(q->d->sentences, ne_sentence, q->tk[i].sent);
}

/* The text of token i: in the title's text or the body's, as its sentence is
** (its start and end are offsets in that segment). */
static const char *tok_text(const qctx *q, size_t i) { return ne_seg_text(q->d, sent_of(q, i)->in_title) + q->tk[i].start; }

/* A straight mark at token i by the spacing around it (the token after it
** at next): opening when space comes before it and none after, closing the
** other way, either with space on both sides, MARK_NONE with none. */
static int spacing_mark(const qctx *q, size_t i, size_t next) {
    int sp_before = (q->tk[i].flags & (NE_TF_SPACE_BEFORE | NE_TF_PARA_START)) || i == 0;
    int sp_after = next >= q->ntok || (q->tk[next].flags & NE_TF_SPACE_BEFORE);
    if (sp_before != sp_after) return sp_before ? MARK_OPEN : MARK_CLOSE;
    return sp_before ? MARK_EITHER : MARK_NONE;
}

/* A doubled apostrophe or backtick written for a double quote mark (the
** "``...''" and "''...''" of wire and Indian newspaper text): its first half
** at token i is the mark, by the spacing around the pair as for a straight
** quote ("``" always opens); the second half, a single apostrophe, and a
** possessive "''s" are none. */
static int doubled_mark(const qctx *q, size_t i) {
    const ne_token *t = &q->tk[i];
    if (i + 1 >= q->ntok || strcmp(q->tk[i + 1].norm, "'") || (q->tk[i + 1].flags & NE_TF_SPACE_BEFORE)) return MARK_NONE;
    if (i > 0 && !strcmp(q->tk[i - 1].norm, "'") && !(t->flags & NE_TF_SPACE_BEFORE)) return MARK_NONE;
    if (tok_text(q, i)[0] == '`') return MARK_OPEN;
    return spacing_mark(q, i, i + 2); /* MARK_NONE: "kp''s", a possessive */
}

/* Which mark the quote-shaped token i is (MARK_NONE: an apostrophe...). */
static int quote_kind(const qctx *q, size_t i) {
    const ne_token *t = &q->tk[i];
    if (t->norm[0] == '\'' && t->norm[1] == 0) return doubled_mark(q, i);
    if (strcmp(t->norm, "\"") != 0) return MARK_NONE;
    const char *s = tok_text(q, i);
    size_t n = t->end - t->start;
    if (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80) {
        if ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9E) return MARK_OPEN;  /* U+201C, U+201E */
        if ((unsigned char)s[2] == 0x9D) return MARK_CLOSE;                               /* U+201D */
    }
    if (n == 2 && (unsigned char)s[0] == 0xC2) return (unsigned char)s[1] == 0xAB ? MARK_OPEN : MARK_CLOSE;
    /* straight quote: by its spacing, either one when that tells nothing */
    int k = spacing_mark(q, i, i + 1);
    return k == MARK_NONE ? MARK_EITHER : k;
}

/* The first token from i on shaped as a quotation mark (mark_kind's test),
** q->ntok when none is: a scan over the token array, which most tokens pass. */
static size_t next_quote_shape(const qctx *q, size_t i) {
    const ne_token *t = q->tk + i, *end = q->tk + q->ntok;
    while (t < end && t->shape != NE_SH_QUOTE) t++;
    return (size_t)(t - q->tk);
}

/* Which mark token i is, MARK_NONE for most tokens (tested inline). */
static inline int mark_kind(const qctx *q, size_t i) {
    return q->tk[i].shape == NE_SH_QUOTE ? quote_kind(q, i) : MARK_NONE;
}

static int in_title(const qctx *q, size_t i) { return sent_of(q, i)->in_title; }
static int para_start(const qctx *q, size_t i) { return (q->tk[i].flags & NE_TF_PARA_START) != 0; }

/* ---- speaker groups ---- */
static int is_cap(const ne_token *t) { return t->shape == NE_SH_CAP || t->shape == NE_SH_UPPER || t->shape == NE_SH_MIXED; }
static int is_punct(const ne_token *t, const char *p) { return t->shape == NE_SH_PUNCT && strcmp(t->norm, p) == 0; }
static int is_terminal(const ne_token *t) {
    return t->shape == NE_SH_PUNCT && (!strcmp(t->norm, ".") || !strcmp(t->norm, "?") || !strcmp(t->norm, "!") ||
                                       !strcmp(t->norm, ";"));
}
/* The cue of class cls at token i (neW_match, from the token's d->nhash:
** its text is not hashed again). */
static const ne_word *cw_at(const qctx *q, size_t i, size_t end, int cls) {
    return i < end ? neW_match_h(q->cw, q->tk, i, end, cls, q->d->nhash[i]) : NULL;
}

int neQuote_title_at(const struct ne_engine *e, const ne_token *tk, size_t i, size_t end, uint32_t hash) {
    return e->cues && i < end && neW_match_h(e->cues, tk, i, end, QC_TITLE, hash) != NULL;
}

/* Lowercase modifiers at j before a name or title ("former Obama adviser
** David Axelrod", "longtime aide Jane Roe"): up to 2 open-class words that
** are not verbs.  Returns where the name or title starts (j when none). */
static size_t lead_modifiers(const qctx *q, size_t j, size_t end) {
    for (size_t k = j; k < end && k < j + 3; k++) {
        const ne_token *t = &q->tk[k];
        if (is_cap(t) || t->actor >= 0 || cw_at(q, k, end, QC_TITLE)) return k;
        if (t->shape != NE_SH_LOWER || NE_WCLASS(t) != NE_WC_OPEN || (t->tags & (NE_TAG_VERB | NE_TAG_CUE)) || k == j + 2)
            return j;
    }
    return j;
}

/* A speaker group starting at i (after a cue): a pronoun, a run of
** capitalized words (with "of", "al-"), or [the] ... title; returns its end. */
static size_t group_after(const qctx *q, size_t i, size_t end) {
    if (i >= end) return i;
    const ne_word *p = cw_at(q, i, end, QC_PRONOUN);
    if (p) return i + p->nwords;
    size_t j = i;
    if (!strcmp(q->tk[j].norm, "the") || !strcmp(q->tk[j].norm, "a") || !strcmp(q->tk[j].norm, "an")) j++;
    size_t lead = lead_modifiers(q, j, end), k = j;
    while (k < end && k < lead + 8 &&
           (k < lead || is_cap(&q->tk[k]) || q->tk[k].actor >= 0 || cw_at(q, k, end, QC_TITLE) ||
            (k > j && (q->tk[k].shape == NE_SH_DASH || !strcmp(q->tk[k].norm, "'s")) && k + 1 < end && is_cap(&q->tk[k + 1])) ||
            (q->tk[k].shape == NE_SH_LOWER && k + 1 < end && cw_at(q, k + 1, end, QC_TITLE))))
        k++;
    return k > lead ? k : i;
}

/* A speaker group ending at e (before a cue), skipping an apposition set off
** by commas ("Arain, former air marshal of the Pakistan Air Force, noted");
** returns its start (== e when none). */
static size_t group_before(const qctx *q, size_t e, size_t lo) {
    size_t end = e;
    if (end > lo && is_punct(&q->tk[end - 1], ",")) {
        size_t k = end - 1;
        while (k > lo && !is_punct(&q->tk[k - 1], ",") && !is_terminal(&q->tk[k - 1]) && e - k < 20) k--;
        if (k > lo && is_punct(&q->tk[k - 1], ",")) end = k - 1;
        else return e;
    }
    if (end > lo && cw_at(q, end - 1, end, QC_PRONOUN)) return end - 1;
    size_t k = end;
    while (k > lo && end - k < 8 &&
           (is_cap(&q->tk[k - 1]) || q->tk[k - 1].actor >= 0 || cw_at(q, k - 1, end, QC_TITLE) ||
            q->tk[k - 1].shape == NE_SH_DASH || !strcmp(q->tk[k - 1].norm, "'s") ||
            (k < end && q->tk[k - 1].shape == NE_SH_LOWER && !strcmp(q->tk[k - 1].norm, "of"))))
        k--;
    while (k < end && (q->tk[k].shape == NE_SH_DASH || !strcmp(q->tk[k].norm, "of") || !strcmp(q->tk[k].norm, "'s"))) k++;
    if (k > lo && (!strcmp(q->tk[k - 1].norm, "the") || !strcmp(q->tk[k - 1].norm, "a"))) k--;
    /* a sentence-initial common word is not a name */
    return k < end ? k : e;
}

/* After the closing mark c: `"...," said X`, `"...," X said`. */
static speaker speaker_after(const qctx *q, size_t c) {
    speaker s = {0};
    size_t i = c + 1, lim = q->ntok;
    if (i < lim && is_punct(&q->tk[i], ",")) i++;
    for (size_t k = i; k < lim && k < i + MAX_GAP; k++) {
        const ne_token *t = &q->tk[k];
        if (is_terminal(t) || mark_kind(q, k) != MARK_NONE || para_start(q, k)) break;
        const ne_word *cue = cw_at(q, k, lim, QC_CUE);
        if (!cue) continue;
        s.ca = k;
        s.cb = k + cue->nwords;
        if (k == i) {
            s.a = s.cb;
            s.b = group_after(q, s.cb, lim);
        } else {
            s.a = i;
            s.b = k;
            size_t comma = i;
            while (comma < k && !is_punct(&q->tk[comma], ",")) comma++;
            s.b = comma; /* "X, a former ambassador, said": X */
        }
        s.found = s.b > s.a;
        return s;
    }
    return s;
}

/* `"...," Robert Roe, attorney for one of the groups that filed suit over
** the law, said`: a group, an apposition set off by commas too long for
** speaker_after, then the cue. */
static speaker speaker_after_apposition(const qctx *q, size_t c) {
    speaker s = {0};
    size_t i = c + 1, lim = q->ntok;
    if (i < lim && is_punct(&q->tk[i], ",")) i++;
    if (i >= lim || para_start(q, i) || q->tk[i].sent != q->tk[c].sent) return s;
    size_t g = group_after(q, i, lim);
    if (g == i || g >= lim || !is_punct(&q->tk[g], ",")) return s;
    for (size_t k = g + 1; k + 1 < lim && k < g + 30; k++) {
        if (is_terminal(&q->tk[k]) || mark_kind(q, k) != MARK_NONE || para_start(q, k)) break;
        const ne_word *cue = is_punct(&q->tk[k], ",") ? cw_at(q, k + 1, lim, QC_CUE) : NULL;
        if (!cue) continue;
        s.a = i;
        s.b = g;
        s.ca = k + 1;
        s.cb = k + 1 + cue->nwords;
        s.found = 1;
        return s;
    }
    return s;
}

/* The subject at the start of sentence si: "The president", "he", "Former
** Arkansas Gov. Mike Huckabee". */
static speaker sentence_subject(const qctx *q, uint32_t si, size_t ca, size_t cb) {
    speaker s = {0};
    const ne_sentence *se = NE_VEC_AT(q->d->sentences, ne_sentence, si);
    size_t a = se->tok_first, end = se->tok_first + se->tok_count;
    while (a < end && (q->tk[a].shape == NE_SH_QUOTE || q->tk[a].shape == NE_SH_PUNCT)) a++;
    s.a = a;
    s.b = group_after(q, a, end);
    s.ca = ca;
    s.cb = cb;
    s.found = s.b > s.a && s.b <= ca;
    return s;
}

/* A participle cue ("..., saying:") in [lo, hi): the speaker is the subject. */
static speaker speaker_participle(const qctx *q, size_t lo, size_t hi) {
    speaker s = {0};
    for (size_t i = hi; i > lo; i--) {
        const ne_word *w = cw_at(q, i - 1, hi, QC_CUEING);
        if (w) return sentence_subject(q, q->tk[i - 1].sent, i - 1, i - 1 + w->nwords);
    }
    return s;
}

/* Does [a, b) hold an actor mention or a capitalized word? */
static int named_group(const qctx *q, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        if (q->tk[k].actor >= 0 || is_cap(&q->tk[k])) return 1;
    return 0;
}

/* A colon at c without a cue before it: the name right before the colon
** ("- Philip Bump:", "More from the report:"), else the sentence's subject
** when an actor mention is on it ("Article 33 affirms:").  No cue. */
static speaker speaker_colon_nocue(const qctx *q, size_t c, size_t lo) {
    speaker s = {0};
    s.ca = s.cb = c;
    s.b = c;
    s.a = group_before(q, c, lo);
    s.found = s.a < c && named_group(q, s.a, c);
    if (s.found) return s;
    s = sentence_subject(q, q->tk[c].sent, c, c);
    for (size_t k = s.a; s.found && k < s.b; k++)
        if (q->tk[k].actor >= 0) return s;
    s.found = 0;
    return s;
}

/* A quotation opened right after a colon that ends the sentence or
** paragraph before it ("Breitbart News responded:" / "he declared:"). */
static speaker speaker_colon(const qctx *q, size_t o) {
    speaker s = {0};
    if (o == 0 || !is_punct(&q->tk[o - 1], ":") || in_title(q, o - 1)) return s;
    size_t c = o - 1, lo = sent_of(q, c)->tok_first;
    if ((s = speaker_participle(q, lo, c)).found) return s;
    for (size_t i = c; i > lo; i--) {
        const ne_word *cue = cw_at(q, i - 1, c, QC_CUE);
        if (!cue) continue;
        s.ca = i - 1;
        s.cb = i - 1 + cue->nwords;
        s.b = i - 1;
        s.a = group_before(q, i - 1, lo);
        s.found = s.b > s.a;
        if (s.found) return s;
        return sentence_subject(q, q->tk[c].sent, s.ca, s.cb);
    }
    return speaker_colon_nocue(q, c, lo);
}

/* Before the opening mark o, in its sentence: `X said: "..."`, `X said it
** "..."`, `according to X, "..."`. */
static speaker speaker_before(const qctx *q, size_t o) {
    speaker s = {0};
    size_t lo = sent_of(q, o)->tok_first;
    if ((s = speaker_participle(q, o > MAX_GAP && o - MAX_GAP > lo ? o - MAX_GAP : lo, o)).found) return s;
    for (size_t k = o; k > lo && o - k < MAX_GAP; k--) {
        size_t i = k - 1;
        if (mark_kind(q, i) != MARK_NONE) break;
        const ne_word *prep = cw_at(q, i, o, QC_CUEPREP);
        if (prep) {
            s.ca = i;
            s.cb = i + prep->nwords;
            s.a = s.cb;
            s.b = group_after(q, s.cb, o);
            s.found = s.b > s.a;
            return s;
        }
        const ne_word *cue = cw_at(q, i, o, QC_CUE);
        if (!cue) continue;
        s.ca = i;
        s.cb = i + cue->nwords;
        s.b = i;
        s.a = group_before(q, i, lo);
        s.found = s.b > s.a;
        return s;
    }
    return s;
}

/* "according to X" after the quotation. */
static speaker speaker_prep_after(const qctx *q, size_t c) {
    speaker s = {0};
    size_t i = c + 1 + (c + 1 < q->ntok && is_punct(&q->tk[c + 1], ","));
    const ne_word *prep = i < q->ntok ? cw_at(q, i, q->ntok, QC_CUEPREP) : NULL;
    if (!prep) return s;
    s.ca = i;
    s.cb = i + prep->nwords;
    s.a = s.cb;
    s.b = group_after(q, s.cb, q->ntok);
    s.found = s.b > s.a;
    return s;
}

/* A name after a dash right after the quotation, ending its line or
** sentence: the attribution of an epigraph, a pull quote or a list of
** voices (`"He is a disgrace." - John Smith`, `"..." ― Maria Lopez,
** a nurse`). */
static speaker speaker_dash_after(const qctx *q, size_t c) {
    speaker s = {0};
    size_t i = c + 1;
    if (i < q->ntok && (is_punct(&q->tk[i], ",") || is_punct(&q->tk[i], "."))) i++;
    if (i + 1 >= q->ntok || q->tk[i].shape != NE_SH_DASH || para_start(q, i) || !is_cap(&q->tk[i + 1])) return s;
    s.ca = s.cb = i; /* no cue word */
    s.a = i + 1;
    s.b = group_after(q, s.a, q->ntok);
    if (s.b < q->ntok && !is_terminal(&q->tk[s.b]) && !is_punct(&q->tk[s.b], ",") && !para_start(q, s.b) &&
        mark_kind(q, s.b) == MARK_NONE)
        return s; /* a dash inside running text: "... ," - and the sentence goes on */
    s.found = s.b > s.a;
    return s;
}

/* ---- recording ---- */
static const char *seg_dup(struct ne_doc *d, size_t a, size_t b) {
    return neA_strndup(&d->arena, d->seg[0] + a, b - a);
}

/* Fill speaker and unresolved of *out from the group s. */
static int set_speaker(qctx *q, ne_quote *out, const speaker *s) {
    out->speaker = -1;
    out->unresolved = NULL;
    out->cue = NULL;
    if (!s->found) return NE_OK;
    for (size_t k = s->a; k < s->b; k++)
        if (q->tk[k].actor >= 0) { out->speaker = q->tk[k].actor; break; }
    if (s->cb > s->ca) out->cue = seg_dup(q->d, q->tk[s->ca].start, q->tk[s->cb - 1].end); /* none after a bare colon */
    if (out->speaker < 0) out->unresolved = seg_dup(q->d, q->tk[s->a].start, q->tk[s->b - 1].end);
    for (size_t k = s->ca; k < s->cb; k++) q->tk[k].tags |= NE_TAG_CUE;
    return ((out->cue || s->cb == s->ca) && (out->speaker >= 0 || out->unresolved)) ? NE_OK : NE_NOMEM;
}

/* Add the quotation of content tokens [a, b), opened at o and closed at c
** (c == (size_t)-1: runs on into the next paragraph). */
static int quote_add(qctx *q, size_t o, size_t a, size_t b, size_t c, int chained) {
    ne_quote *out = neV_push(&q->d->arena, &q->d->quotes);
    if (!out) return NE_NOMEM;
    out->span.start = q->tk[a].start;
    out->span.end = q->tk[b - 1].end;
    out->text = seg_dup(q->d, out->span.start, out->span.end);
    out->sentence = ne_pub_sent(q->d, q->tk[a].sent);
    out->speaker = -1;
    if (!out->text) return NE_NOMEM;
    for (size_t k = a; k < b; k++) q->tk[k].tags |= NE_TAG_IN_QUOTE;
    speaker s = {0};
    if (c != (size_t)-1) s = speaker_after(q, c);
    if (!s.found && c != (size_t)-1) s = speaker_after_apposition(q, c);
    if (!s.found && !chained) s = speaker_before(q, o);
    if (!s.found && !chained) s = speaker_colon(q, o);
    if (!s.found && c != (size_t)-1) s = speaker_prep_after(q, c);
    if (!s.found && c != (size_t)-1) s = speaker_dash_after(q, c);
    int rc = set_speaker(q, out, &s);
    /* a part left open at its paragraph's end waits for the chain's speaker (chain_back) */
    if (rc || s.found || q->d->quotes.n < 2 || c == (size_t)-1) return rc;
    /* no cue: a quotation continues the speaker of the one before it in the
    ** same or the previous paragraph */
    const ne_quote *prev = NE_VEC_AT(q->d->quotes, ne_quote, q->d->quotes.n - 2);
    int near = chained || out->sentence - prev->sentence <= 2;
    if (near && (prev->speaker >= 0 || prev->unresolved)) {
        out->speaker = prev->speaker;
        out->unresolved = prev->unresolved;
    }
    return NE_OK;
}

/* Content of the quotation opened at o: up to its closing mark, or to the end
** of the paragraph when it is left open.  Returns the index after it. */
static size_t quote_scan(qctx *q, size_t o, size_t *close) {
    *close = (size_t)-1;
    for (size_t i = o + 1; i < q->ntok; i++) {
        if (para_start(q, i) || in_title(q, i)) return i;
        int k = mark_kind(q, i);
        if (k == MARK_CLOSE || k == MARK_EITHER) { *close = i; return i; }
        if (k == MARK_OPEN && i > o + 1 && q->tk[i].flags & NE_TF_SPACE_BEFORE && is_terminal(&q->tk[i - 1])) {
            return i; /* a new quotation opens: the previous one was never closed */
        }
    }
    return q->ntok;
}

/* A quotation running over paragraphs gets its speaker from the last part
** ("...\n\n"...," he said): give it to the earlier parts that have none.
** When the chain is closed and no part has one, the parts continue the
** speaker of the quotation before the chain, within 2 sentences. */
static void chain_back(struct ne_doc *d, size_t first, int closed) {
    const ne_quote *src = NE_VEC_AT(d->quotes, ne_quote, d->quotes.n - 1);
    size_t end = d->quotes.n - 1;
    if (src->speaker < 0 && !src->unresolved) {
        if (!closed || first == 0 || first >= d->quotes.n) return;
        src = NE_VEC_AT(d->quotes, ne_quote, first - 1);
        if (NE_VEC_AT(d->quotes, ne_quote, first)->sentence - src->sentence > 2) return;
        end = d->quotes.n;
    }
    for (size_t k = first; k < end; k++) {
        ne_quote *p = NE_VEC_AT(d->quotes, ne_quote, k);
        if (p->speaker >= 0 || p->unresolved) continue;
        p->speaker = src->speaker;
        p->unresolved = src->unresolved;
    }
}

/* A quotation still without a speaker that opens its line takes the speaker
** of the quotation that follows it within 2 sentences ("\"...\"\n\n\"...,\" Viguerie notes."):
** a paragraph of quoted words is attributed by the next one. */
static void fill_forward(struct ne_doc *d) {
    const char *text = d->seg[0];
    for (size_t k = d->quotes.n; k-- > 1;) {
        const ne_quote *next = NE_VEC_AT(d->quotes, ne_quote, k);
        ne_quote *p = NE_VEC_AT(d->quotes, ne_quote, k - 1);
        if (p->speaker >= 0 || p->unresolved || (next->speaker < 0 && !next->unresolved) ||
            next->sentence - p->sentence > 2)
            continue;
        /* only a quotation that opens its line: the mark, then the words */
        size_t b = p->span.start;
        while (b > 0 && ((unsigned char)text[b - 1] >= 0x80 || text[b - 1] == '"' || text[b - 1] == ' ') &&
               p->span.start - b < 4)
            b--;
        if (b > 0 && text[b - 1] != '\n') continue;
        p->speaker = next->speaker;
        p->unresolved = next->unresolved;
    }
}

int neQuote_find(struct ne_doc *d, const struct ne_engine *e) {
    qctx q = {d, e->cues, (ne_token *)d->tokens.items, d->tokens.n};
    int chained = 0;
    size_t chain_start = 0;
    /* a token that is no mark changes nothing: only quotation-shaped ones are visited */
    for (size_t i = next_quote_shape(&q, 0); i < q.ntok; i = next_quote_shape(&q, i + 1)) {
        int k = quote_kind(&q, i);
        if (k == MARK_NONE) continue;
        if (in_title(&q, i) || (k != MARK_OPEN && k != MARK_EITHER)) { chained = 0; continue; }
        size_t close, next = quote_scan(&q, i, &close);
        size_t end = close != (size_t)-1 ? close : next;
        if (close != (size_t)-1 && close + 1 < q.ntok && q.tk[close].norm[0] == '\'' && !strcmp(q.tk[close + 1].norm, "'"))
            close++; /* a doubled closing mark ("''"): the speaker comes after its second half */
        /* strip a trailing comma of the content ("...event," he said) */
        size_t b = end;
        while (b > i + 1 && (is_punct(&q.tk[b - 1], ",") || q.tk[b - 1].shape == NE_SH_QUOTE)) b--;
        size_t a = i + 1; /* the content starts after a doubled mark's second half ("``", "''") */
        if (a < b && q.tk[i].norm[0] == '\'' && q.tk[a].shape == NE_SH_QUOTE) a++;
        if (b > a) {
            int link = chained && para_start(&q, i);
            if (!link) chain_start = d->quotes.n;
            int rc = quote_add(&q, i, a, b, close, link);
            if (rc) return rc;
            chain_back(d, chain_start, close != (size_t)-1);
        }
        chained = close == (size_t)-1; /* open at paragraph end: continues */
        i = close != (size_t)-1 ? close : next - 1;
    }
    fill_forward(d);
    return NE_OK;
}

/* What a speaker mention comes to after coreference: 0 someone (a name,
** or a description such as "the company", "analysts", which speaks in its
** own right), 1 a pronoun that refers to nobody. */
static int dangling(const struct ne_doc *d, int idx) {
    for (int hops = 0; idx >= 0 && (size_t)idx < d->actors.n && hops < 16; hops++) {
        const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, idx);
        if (a->kind != NE_ACTOR_PRONOUN) return 0;
        idx = a->ref;
    }
    return 1;
}

/* Is token i of d a pronoun of the cues (QC_PRONOUN)?  A pronoun is a
** one-word entry: the one-token match from its d->nhash, which most words
** leave at their first-word slot (they start no entry). */
static int cue_pronoun(const struct ne_doc *d, const struct ne_engine *e, size_t i) {
    return neW_match_h(e->cues, d->tokens.items, i, i + 1, QC_PRONOUN, d->nhash[i]) != NULL;
}

/* "Iranian officials He blamed": a capitalized pronoun inside a sentence,
** after a word, is a sign of machine translation or a lost line break. */
static int warn_midsentence_pronouns(struct ne_doc *d, const struct ne_engine *e) {
    if (d->tokens.n < 2) return NE_OK;
    const ne_token *tk = (const ne_token *)d->tokens.items, *end = tk + d->tokens.n;
    for (const ne_token *t = tk + 1; t < end; t++) {
        if (t->shape != NE_SH_CAP) continue; /* most tokens: the loop's own test, no index kept */
        const ne_token *p = t - 1;
        size_t i = (size_t)(t - tk);
        if ((t->flags & (NE_TF_SENT_START | NE_TF_NEWLINE)) || t->sent != p->sent ||
            p->shape == NE_SH_PUNCT || p->shape == NE_SH_QUOTE || p->shape == NE_SH_DASH || !strcmp(t->norm, "i") ||
            !cue_pronoun(d, e, i))
            continue;
        int rc = ne_doc_warn(d, "capitalized pronoun \"%.*s\" inside sentence %d at byte %u (translation damage?)",
                             (int)(t->end - t->start), ne_seg_text(d, NE_VEC_AT(d->sentences, ne_sentence, t->sent)->in_title) + t->start,
                             ne_pub_sent(d, t->sent), t->start);
        if (rc) return rc;
    }
    return NE_OK;
}

int neQuote_settle(struct ne_doc *d, const struct ne_engine *e) {
    for (size_t i = 0; i < d->quotes.n; i++) {
        ne_quote *q = NE_VEC_AT(d->quotes, ne_quote, i);
        if (q->speaker < 0 || !dangling(d, q->speaker)) continue;
        const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, q->speaker);
        q->unresolved = a->text;
        q->speaker = -1;
        int rc = ne_doc_warn(d, "quotation in sentence %d attributed to \"%s\" with no antecedent", q->sentence,
                             a->text ? a->text : "");
        if (rc) return rc;
    }
    return warn_midsentence_pronouns(d, e);
}
