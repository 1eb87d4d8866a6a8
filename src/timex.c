/* timex.c: time expressions normalized to TIMEX3 values against the document
** date.  The words come from dictionaries/time.txt; the rules (which words
** combine, how a value is computed, which way tense points) are in
** docs/TIME.md. */
#include "neInt.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <string.h>

enum {
    TW_MONTH, TW_WEEKDAY, TW_UNIT, TW_NUMBER, TW_ORDINAL, TW_REF, TW_DAYREL, TW_SHIFT,
    TW_PARTDAY, TW_SEASON, TW_EVERY, TW_SETADV, TW_MOD, TW_CLOCK, TW_AMPM, TW_AFTER,
    TW_FUTURE, TW_PAST, TW_YEARPREP, TW_PERIOD, TW_HOLIDAY
};
static const char *const tw_classes[] = {
    "month", "weekday", "unit", "number", "ordinal", "ref", "dayrel", "shift", "partday",
    "season", "every", "setadv", "mod", "clock", "ampm", "after", "future", "past", "yearprep", "period", "holiday", NULL};

enum { TENSE_NONE = 0, TENSE_PAST = -1, TENSE_FUTURE = 1 };

/* Recent phrase lookups (token, class) -> entry: the matchers ask the same
** ones several times at a token ("the": mod, shift, ref, dayrel...).  Only
** the keys start zeroed (a document's memo is made anew): an entry is read
** only where its key was written. */
#define TX_MEMO 128
typedef struct tx_memo {
    uint32_t key[TX_MEMO]; /* (token << 5 | class) + 1; 0 = empty */
    const ne_word *w[TX_MEMO];
} tx_memo;

/* Matching state for one sentence. */
typedef struct tx {
    const ne_wordtab *tw;
    const ne_token *tk;
    const uint32_t *starts; /* per document token: neW_first_classes of its word */
    const uint32_t *nh;     /* per document token: ne_hash of its norm (d->nhash) */
    uint32_t *can;          /* per token of the sentence: neW_classes_at, the classes a
                            ** phrase lookup there may find (a subset of starts), or
                            ** TX_UNKNOWN until word_at asks */
    size_t first, end;   /* token range of the sentence */
    int has_dct;         /* document date known */
    int y, m, d;         /* document date */
    int tense;           /* TENSE_* around the expression, computed on demand */
    long last_q;         /* last quarter mentioned (year*4 + q-1), or -1 */
    uint32_t last_q_sent; /* and its sentence */
    uint32_t sent;       /* sentence being scanned */
    char val[48];
    const char *type;
    tx_memo *memo;       /* for this document's tokens */
} tx;

/* A holiday VALUE: "MM-DD" (a fixed date) or "MM-DD>W" (the first ISO weekday
** W on or after that date: "11-22>4" is the fourth Thursday of November).
** Returns 0 and sets *m, *d, *wd (0: fixed), or -1 when malformed. */
static int holiday_rule(const char *v, int *m, int *d, int *wd) {
    if (strlen(v) != 5 && !(strlen(v) == 7 && v[5] == '>')) return -1;
    long mm, dd;
    if (v[2] != '-' || neU_parse_long(v, 2, &mm) || neU_parse_long(v + 3, 2, &dd) || mm < 1 || mm > 12 || dd < 1 ||
        dd > 31)
        return -1;
    *m = (int)mm, *d = (int)dd, *wd = 0;
    if (v[5] == '>') {
        if (v[6] < '1' || v[6] > '7') return -1;
        *wd = v[6] - '0';
    }
    return 0;
}
static int holiday_ok(const char *v) { int m, d, wd; return holiday_rule(v, &m, &d, &wd) == 0; }

static void note_phrases(const ne_wordtab *tw);

int neTimex_load(struct ne_engine *e) {
    int rc = neW_load(e, "time.txt", tw_classes, &e->timewords);
    if (rc == NE_OK) note_phrases(e->timewords);
    const ne_word *bad = rc ? NULL : neW_find_bad(e->timewords, TW_HOLIDAY, holiday_ok);
    if (bad) return ne_engine_fail(e, NE_DATA, "time.txt: holiday \"%s\": value \"%s\" is not MM-DD or MM-DD>W", bad->phrase, bad->val);
    return rc;
}

/* ---- values are written by tx_fmt: snprintf's output for the few
** conversions timex uses (%s, %d, %ld, zero-padded %0Nd and %0Nld), without
** its cost (snprintf was an eighth of the stage's instructions) ---- */
static size_t fmt_put(char *out, size_t cap, size_t at, char c) {
    if (at + 1 < cap) out[at] = c;
    return at + 1;
}
static size_t fmt_long(char *out, size_t cap, size_t at, long v, int width) {
    char dig[24];
    int n = 0;
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    do dig[n++] = (char)('0' + u % 10); while ((u /= 10) && n < (int)sizeof dig);
    if (v < 0) { at = fmt_put(out, cap, at, '-'); width--; }
    for (int k = n; k < width; k++) at = fmt_put(out, cap, at, '0');
    while (n > 0) at = fmt_put(out, cap, at, dig[--n]);
    return at;
}
static __attribute__((format(printf, 3, 4))) void tx_fmt(char *out, size_t cap, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t at = 0;
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') { at = fmt_put(out, cap, at, *f); continue; }
        int width = 0;
        if (f[1] == '0') for (f++; f[1] >= '0' && f[1] <= '9'; f++) width = width * 10 + (f[1] - '0');
        if (f[1] == 's') {
            for (const char *a = va_arg(ap, const char *); *a; a++) at = fmt_put(out, cap, at, *a);
            f++;
        } else if (f[1] == 'l' && f[2] == 'd') {
            at = fmt_long(out, cap, at, va_arg(ap, long), width);
            f += 2;
        } else if (f[1] == 'd') {
            at = fmt_long(out, cap, at, va_arg(ap, int), width);
            f++;
        }
    }
    va_end(ap);
    if (cap) out[at < cap ? at : cap - 1] = '\0';
}

/* ---- calendar arithmetic (proleptic Gregorian; day 0 = 1970-01-01) ---- */
static long day_number(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void day_civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int iso_weekday(long z) { return (int)(((z + 3) % 7 + 7) % 7) + 1; }

static void iso_week(long z, int *wy, int *wk) {
    long thu = z - (iso_weekday(z) - 1) + 3;
    int y, m, d;
    day_civil(thu, &y, &m, &d);
    *wy = y;
    *wk = (int)((thu - day_number(y, 1, 1)) / 7) + 1;
}

static int valid_day(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
    int yy, mm, dd;
    day_civil(day_number(y, m, d), &yy, &mm, &dd);
    return mm == m;
}

/* ---- token helpers ---- */
static const ne_token *tok(const tx *x, size_t i) { return i < x->end ? &x->tk[i] : NULL; }
/* Is token i the word w? */
static int is_word(const tx *x, size_t i, const char *w) {
    const ne_token *t = tok(x, i);
    return t && ne_word_is(t->norm, w);
}
/* Phrase of class cls (TW_*, all < 31) at token i; the per-token class sets
** skip the phrase lookup at most tokens. */
#define TX_UNKNOWN UINT32_MAX /* no class set: time.txt has fewer than 31 classes */
static uint32_t can_at(const tx *x, size_t i) {
    if (x->can[i] == TX_UNKNOWN) x->can[i] = neW_classes_at(x->tw, x->tk, i, x->end, x->nh[i]);
    return x->can[i];
}
static inline __attribute__((always_inline)) const ne_word *word_at(const tx *x, size_t i, int cls) {
    if (i >= x->end || !(x->starts[i] & (uint32_t)1 << cls)) return NULL;
    /* a token of the sentence: the classes its phrases may have, worked out
    ** once ("the" is asked for four classes, whose phrases rarely follow) */
    if (i >= x->first && !(can_at(x, i) & (uint32_t)1 << cls)) return NULL;
    uint32_t key = ((uint32_t)i << 5 | (uint32_t)cls) + 1;
    size_t slot = (i * 7 + (size_t)cls) & (TX_MEMO - 1);
    tx_memo *m = x->memo;
    if (m->key[slot] != key) {
        m->key[slot] = key;
        m->w[slot] = neW_match_h(x->tw, x->tk, i, x->end, cls, x->nh[i]);
    }
    return m->w[slot];
}
static int is_dash(const tx *x, size_t i) { const ne_token *t = tok(x, i); return t && t->shape == NE_SH_DASH; }

/* Integer value of an all-digit token, or -1. */
static long tok_int(const tx *x, size_t i) {
    const ne_token *t = tok(x, i);
    long v;
    if (!t || t->shape != NE_SH_NUM || neU_parse_long(t->norm, t->norm_len, &v)) return -1;
    return v;
}

/* Day of month written "17", "17th", "1st"; -1 otherwise. */
static int tok_day(const tx *x, size_t i) {
    const ne_token *t = tok(x, i);
    if (!t || t->shape != NE_SH_NUM) return -1;
    size_t n = t->norm_len;
    if (n > 2 && (!strcmp(t->norm + n - 2, "st") || !strcmp(t->norm + n - 2, "nd") ||
                  !strcmp(t->norm + n - 2, "rd") || !strcmp(t->norm + n - 2, "th")))
        n -= 2;
    long v;
    if (neU_parse_long(t->norm, n, &v) || v < 1 || v > 31) return -1;
    return (int)v;
}

/* A four-digit year 1000..2199 (or its "'98" form is left alone). */
static int tok_year(const tx *x, size_t i) {
    const ne_token *t = tok(x, i);
    if (!t || t->norm_len != 4) return -1;
    long v = tok_int(x, i);
    return (v >= 1000 && v <= 2199) ? (int)v : -1;
}

/* Count word: number word or digits ("two", "24", "a"); X for vague. */
static size_t count_at(const tx *x, size_t i, long *n, int *vague) {
    *vague = 0;
    long v = tok_int(x, i);
    if (v >= 0 && v < 1000) { *n = v; return 1; }
    const ne_word *w = word_at(x, i, TW_NUMBER);
    if (!w) return 0;
    if (w->val[0] == 'X') { *vague = 1; *n = 0; return w->nwords; }
    *n = w->num;
    /* "twenty-four", "twenty four" */
    size_t k = w->nwords, j = i + k + (is_dash(x, i + k) ? 1 : 0);
    const ne_word *u = w->num >= 20 && w->num < 100 ? word_at(x, j, TW_NUMBER) : NULL;
    if (u && u->num > 0 && u->num < 10) { *n += u->num; return j - i + 1; }
    return k;
}

/* Unit at i: *mult and *code (D W M Q Y H MIN S WE). */
static const ne_word *unit_at(const tx *x, size_t i, long *mult, const char **code) {
    const ne_word *u = word_at(x, i, TW_UNIT);
    if (!u) return NULL;
    *mult = u->num;
    const char *c = u->val;
    while (*c >= '0' && *c <= '9') c++;
    *code = c;
    return u;
}

/* ---- tense: the nearest cue word around [a, b) decides ---- */
/* A lowercase past form in -ed ("attacked"), not "succeed" or "need", not an
** adjective after a determiner or "still" ("a still unspecified date"), not a
** passive after "be" ("will be released"). */
static int past_form(const tx *x, size_t i) {
    const ne_token *t = &x->tk[i];
    if (t->shape != NE_SH_LOWER || t->norm_len < 5 || strcmp(t->norm + t->norm_len - 2, "ed") ||
        t->norm[t->norm_len - 3] == 'e')
        return 0;
    return !(i > x->first && (is_word(x, i - 1, "a") || is_word(x, i - 1, "an") || is_word(x, i - 1, "the") ||
                              is_word(x, i - 1, "still") || is_word(x, i - 1, "be")));
}

/* The nearest future or past cue word (or past form in -ed) within 11 tokens
** of [a, b) in the sentence. */
static int tense_of(const tx *x, size_t a, size_t b) {
    int stop[2] = {0, 0}; /* a quote mark ends the search on its side: the
                          ** reporting verb does not date what the quotation says */
    for (size_t dist = 1; dist < 12; dist++) {
        size_t cand[2] = {a >= x->first + dist ? a - dist : (size_t)-1, b - 1 + dist};
        for (int k = 0; k < 2; k++) {
            size_t i = cand[k];
            if (stop[k] || i == (size_t)-1 || i >= x->end) continue;
            if (x->tk[i].shape == NE_SH_QUOTE) { stop[k] = 1; continue; }
            const ne_word *fw = word_at(x, i, TW_FUTURE);
            /* "next to the embassy" is a place; "had been scheduled to" a plan overtaken */
            if (fw && !(!strcmp(fw->phrase, "next") && (is_word(x, i + 1, "to") || is_word(x, i + 1, "door"))))
                return i >= x->first + 2 && is_word(x, i - 2, "had") && is_word(x, i - 1, "been") ? TENSE_PAST
                                                                                                  : TENSE_FUTURE;
            if (word_at(x, i, TW_PAST) || past_form(x, i)) return TENSE_PAST;
        }
    }
    return TENSE_NONE;
}

/* ---- values ---- */
static void set_date(tx *x, long z, const char *suffix) {
    int y, m, d;
    day_civil(z, &y, &m, &d);
    tx_fmt(x->val, sizeof x->val, "%04d-%02d-%02d%s", y, m, d, suffix ? suffix : "");
    x->type = suffix && suffix[0] == 'T' ? "TIME" : "DATE";
}

static long dct_day(const tx *x) { return day_number(x->y, x->m, x->d); }

/* Year for month m (and day dd, 0 when absent) nearest the document date,
** moved by tense when the nearest lies on the wrong side. */
static int resolve_year(const tx *x, int m, int dd, int tense) {
    long best = 0, bestdist = -1;
    int besty = x->y;
    for (int y = x->y - 1; y <= x->y + 1; y++) {
        long z = dd ? day_number(y, m, dd) : (long)y * 12 + m;
        long ref = dd ? dct_day(x) : (long)x->y * 12 + x->m;
        long dist = z > ref ? z - ref : ref - z;
        if (bestdist < 0 || dist < bestdist || (dist == bestdist && z < best)) {
            bestdist = dist; best = z; besty = y;
        }
    }
    /* tense moves a date only when the nearest lies far on the wrong side:
    ** reported speech ("said") often announces dates a few weeks ahead */
    long ref = dd ? dct_day(x) : (long)x->y * 12 + x->m, far = dd ? 90 : 2;
    if (tense == TENSE_PAST && best - ref > far) besty--;
    else if (tense == TENSE_FUTURE && ref - best > far) besty++;
    return besty;
}

/* The width decimal digits of v (0 <= v < 10^width) at out; returns their end. */
static char *put_digits(char *out, int v, int width) {
    for (int k = width - 1; k >= 0; k--, v /= 10) out[k] = (char)('0' + v % 10);
    return out + width;
}

/* x->val = "YYYY-MM-DD", or "XXXX-..." for a year <= 0, without "-DD" when dd
** is 0: what tx_fmt writes for "%04d-%02d-%02d" and "XXXX-%02d-%02d", written
** directly for the values it may take here (a year up to 9999, m and dd up to
** 99; the most common value, a month and day). */
static void value_ymd(tx *x, int year, int m, int dd) {
    if (year > 9999 || m < 0 || m > 99 || dd < 0 || dd > 99) {
        if (year <= 0 && dd) tx_fmt(x->val, sizeof x->val, "XXXX-%02d-%02d", m, dd);
        else if (year <= 0) tx_fmt(x->val, sizeof x->val, "XXXX-%02d", m);
        else if (dd) tx_fmt(x->val, sizeof x->val, "%04d-%02d-%02d", year, m, dd);
        else tx_fmt(x->val, sizeof x->val, "%04d-%02d", year, m);
        return;
    }
    char *o = x->val;
    if (year <= 0) {
        memcpy(o, "XXXX", 4);
        o += 4;
    } else {
        o = put_digits(o, year, 4);
    }
    *o++ = '-';
    o = put_digits(o, m, 2);
    if (dd) {
        *o++ = '-';
        o = put_digits(o, dd, 2);
    }
    *o = 0;
}

static void value_month_day(tx *x, int m, int dd, int year, size_t a, size_t b) {
    x->type = "DATE";
    if (year <= 0 && x->has_dct) year = resolve_year(x, m, dd, tense_of(x, a, b));
    value_ymd(x, year, m, dd);
}

/* ---- matchers: each returns the tokens it used (0: no match) ---- */

static size_t m_spoken_year(tx *x, size_t i);

/* A lowercase month name (all-lowercase feeds) is a date only when written in
** full, not "may", and followed by a year, or by a day after a preposition
** ("on march 9", "till march 28", "december 13, 2001"); not "they march 15 miles". */
static int lower_month_ok(const tx *x, size_t i, const ne_word *mw) {
    static const char *const preps[] = {"on", "from", "till", "until", "by", "since", "to", "before", "after", "of"};
    if (x->tk[i].shape != NE_SH_LOWER || strchr(mw->phrase, '.') || mw->num == 5) return 0;
    size_t j = i + mw->nwords;
    if (tok_year(x, j) > 0) return 1;
    if (tok_day(x, j) < 0) return 0;
    if (tok_year(x, j + 1 + is_word(x, j + 1, ",")) > 0) return 1;
    for (size_t k = 0; i > x->first && k < sizeof preps / sizeof preps[0]; k++)
        if (is_word(x, i - 1, preps[k])) return 1;
    return 0;
}


/* "Jan. 17, 2024", "January 1998", "Jan. 17", "17 January 2024", "October". */
static size_t m_month_date(tx *x, size_t i) {
    const ne_word *mw = word_at(x, i, TW_MONTH);
    int day = -1;
    size_t j = i;
    if (!mw) {
        day = tok_day(x, i);
        if (day < 0 || !(mw = word_at(x, i + 1, TW_MONTH)) || tok(x, i + 1)->shape != NE_SH_CAP) return 0;
        j = i + 1 + mw->nwords;
    } else {
        if (x->tk[i].shape != NE_SH_CAP && x->tk[i].shape != NE_SH_UPPER && !lower_month_ok(x, i, mw)) return 0;
        j = i + mw->nwords;
        int dd = tok_day(x, j);
        if (dd > 0 && tok_year(x, j) < 0) { day = dd; j++; }
    }
    int m = (int)mw->num, year = -1;
    size_t k = j + (is_word(x, j, ",") ? 1 : 0);
    size_t sy;
    long v;
    if (tok_year(x, k) > 0) { year = tok_year(x, k); j = k + 1; }
    else if ((sy = m_spoken_year(x, k)) > 0 && neU_parse_long(x->val, strlen(x->val), &v) == 0) {
        year = (int)v; /* "January nineteen ninety-seven" */
        j = k + sy;
    } else if (x->has_dct && word_at(x, k, TW_SHIFT) && is_word(x, k + word_at(x, k, TW_SHIFT)->nwords, "year")) {
        const ne_word *s = word_at(x, k, TW_SHIFT); /* "February this year", "July last year" */
        year = x->y + (int)s->num;
        j = k + s->nwords + 1;
    }
    /* "May" alone and "march" as a verb are too ambiguous */
    if (day < 0 && year < 0 && (m == 5 || m == 3) && !is_word(x, i - 1, "in") && !is_word(x, i - 1, "since") &&
        !is_word(x, i - 1, "until") && !is_word(x, i - 1, "of") && !is_word(x, i - 1, "early") && !is_word(x, i - 1, "late") &&
        !is_word(x, i - 1, "by"))
        return 0;
    if (day > 0 && year > 0 && !valid_day(year, m, day)) return 0;
    /* a short form without its period alone is a name more often ("Jan Kavan") */
    if (day < 0 && year < 0 && x->tk[i].norm_len <= 4 && !strchr(mw->phrase, '.') && m != 5 && m != 6 && m != 7)
        return 0;
    value_month_day(x, m, day > 0 ? day : 0, year, i, j);
    return j - i;
}

/* ISO "2024-01-17" and US "1/17/2024". */
static size_t m_numeric_date(tx *x, size_t i) {
    int y = tok_year(x, i);
    if (y > 0 && is_dash(x, i + 1) && is_dash(x, i + 3)) {
        long m = tok_int(x, i + 2), d = tok_int(x, i + 4);
        if (m >= 1 && m <= 12 && valid_day(y, (int)m, (int)d)) {
            tx_fmt(x->val, sizeof x->val, "%04d-%02ld-%02ld", y, m, d);
            x->type = "DATE";
            return 5;
        }
    }
    long m = tok_int(x, i), d = tok_int(x, i + 2);
    if (m >= 1 && m <= 12 && is_word(x, i + 1, "/") && is_word(x, i + 3, "/") && (y = tok_year(x, i + 4)) > 0 &&
        valid_day(y, (int)m, (int)d)) {
        tx_fmt(x->val, sizeof x->val, "%04d-%02ld-%02ld", y, m, d);
        x->type = "DATE";
        return 5;
    }
    return 0;
}

/* "1998", "fiscal 1989" (mod absorbs fiscal), "the 1990s". */
static size_t m_year(tx *x, size_t i) {
    const ne_token *t = tok(x, i);
    if (!t || t->shape != NE_SH_NUM) return 0;
    if (t->norm_len == 5 && t->norm[4] == 's' && t->norm[3] == '0') {
        long v;
        if (neU_parse_long(t->norm, 4, &v) || v < 1000 || v > 2199) return 0;
        tx_fmt(x->val, sizeof x->val, "%03ld", v / 10);
        x->type = "DATE";
        return 1;
    }
    int y = tok_year(x, i);
    if (y < 0) return 0;
    const ne_token *nx = tok(x, i + 1);
    long mult;
    const char *code;
    int prep = i > x->first && word_at(x, i - 1, TW_YEARPREP);
    if (!prep && nx && (nx->shape == NE_SH_LOWER && !unit_at(x, i + 1, &mult, &code) && !word_at(x, i + 1, TW_FUTURE) &&
               !word_at(x, i + 1, TW_PAST) && strcmp(nx->norm, "and") && strcmp(nx->norm, "to") &&
               strcmp(nx->norm, "when") && strcmp(nx->norm, "after") && strcmp(nx->norm, "before")))
        return 0; /* "1500 people" */
    if (nx && (!strcmp(nx->norm, "%") || !strcmp(nx->norm, "percent"))) return 0;
    tx_fmt(x->val, sizeof x->val, "%04d", y);
    x->type = "DATE";
    return 1;
}

/* A year said in words, as in broadcast transcripts: "nineteen ninety-six",
** "two thousand", "two thousand and one". */
static size_t m_spoken_year(tx *x, size_t i) {
    const ne_word *w = word_at(x, i, TW_NUMBER);
    if (!w || x->tk[i].shape == NE_SH_NUM) return 0;
    long n;
    int vague;
    size_t j = i + w->nwords, c;
    if (w->num == 2 && is_word(x, j, "thousand")) {
        j++;
        long y = 2000;
        size_t k = j + is_word(x, j, "and");
        if (x->tk[k < x->end ? k : i].shape != NE_SH_NUM && (c = count_at(x, k, &n, &vague)) && !vague && n >= 1 &&
            n < 100 && !word_at(x, k + c, TW_UNIT)) {
            y += n;
            j = k + c;
        }
        if (word_at(x, j, TW_UNIT)) return 0; /* "two thousand years" */
        tx_fmt(x->val, sizeof x->val, "%04ld", y);
        x->type = "DATE";
        return j - i;
    }
    if (w->num < 15 || w->num > 20 || w->nwords != 1 || !(c = count_at(x, j, &n, &vague)) || vague || n < 10 ||
        x->tk[j].shape == NE_SH_NUM || word_at(x, j + c, TW_UNIT))
        return 0;
    tx_fmt(x->val, sizeof x->val, "%04ld", w->num * 100 + n);
    x->type = "DATE";
    return j + c - i;
}

/* Part of day after a day expression ("Tuesday morning"): its code or NULL. */
static const char *partday_after(const tx *x, size_t i, size_t *used) {
    const ne_word *p = word_at(x, i, TW_PARTDAY);
    *used = p ? p->nwords : 0;
    return p ? p->val : NULL;
}

static void value_weekday(tx *x, int wd, int tense, const char *part) {
    if (!x->has_dct) {
        tx_fmt(x->val, sizeof x->val, "XXXX-WXX-%d%s%s", wd, part ? "T" : "", part ? part : "");
        x->type = "DATE";
        return;
    }
    long z = dct_day(x);
    int cur = iso_weekday(z);
    long back = (cur - wd + 7) % 7, fwd = (wd - cur + 7) % 7;
    char suf[8] = "";
    if (part) tx_fmt(suf, sizeof suf, "T%s", part);
    set_date(x, tense == TENSE_FUTURE ? z + fwd : z - back, suf);
}

/* A weekday name at i: capitalized, or a full name in lowercase ("on
** wednesday" in all-lowercase feeds; not "sun." or "sat."). */
static const ne_word *weekday_at(const tx *x, size_t i) {
    const ne_word *w = word_at(x, i, TW_WEEKDAY);
    if (!w || x->tk[i].shape == NE_SH_CAP) return w;
    return x->tk[i].shape == NE_SH_LOWER && !strchr(w->phrase, '.') ? w : NULL;
}

/* "Tuesday", "Tuesday morning" (the day), "on Tuesday's". */
static size_t m_weekday(tx *x, size_t i) {
    const ne_word *w = weekday_at(x, i);
    if (!w) return 0;
    size_t used, j = i + w->nwords;
    /* "Monday, Oct. 26": the written date wins */
    size_t k = j + (is_word(x, j, ",") ? 1 : 0), md = word_at(x, k, TW_MONTH) ? m_month_date(x, k) : 0;
    if (md) return k + md - i;
    /* "Friday night": the span takes the part of day, the value is the day (the
    ** dates of events are days; TimeBank and the project's gold agree) */
    (void)partday_after(x, j, &used);
    j += used;
    value_weekday(x, (int)w->num, tense_of(x, i, j), NULL);
    return j - i;
}

/* "yesterday", "today", "tomorrow morning", "tonight". */
static size_t m_dayrel(tx *x, size_t i) {
    const ne_word *w = word_at(x, i, TW_DAYREL);
    if (!w) return 0;
    size_t used, j = i + w->nwords;
    const char *part = partday_after(x, j, &used);
    const char *own = w->val + (w->val[0] == '-' || w->val[0] == '+') ;
    while (*own >= '0' && *own <= '9') own++;
    if (*own) part = own;
    else j += used;
    char suf[8] = "";
    if (part) tx_fmt(suf, sizeof suf, "T%s", part);
    if (!x->has_dct) {
        tx_fmt(x->val, sizeof x->val, "%s", w->num == 0 ? "PRESENT_REF" : w->num < 0 ? "PAST_REF" : "FUTURE_REF");
        x->type = "DATE";
    } else {
        set_date(x, dct_day(x) + w->num, suf);
    }
    return j - i;
}

/* The calendar unit containing the document date shifted by n units. */
static void value_shifted_unit(tx *x, const char *code, long n) {
    x->type = "DATE";
    if (!x->has_dct) {
        tx_fmt(x->val, sizeof x->val, "%s", n < 0 ? "PAST_REF" : n > 0 ? "FUTURE_REF" : "PRESENT_REF");
        return;
    }
    long z = dct_day(x);
    int wy, wk;
    if (!strcmp(code, "D")) set_date(x, z + n, NULL);
    else if (!strcmp(code, "W") || !strcmp(code, "WE")) {
        iso_week(z + 7 * n, &wy, &wk);
        tx_fmt(x->val, sizeof x->val, "%04d-W%02d%s", wy, wk, code[1] ? "-WE" : "");
    } else if (!strcmp(code, "M")) {
        long mm = (long)x->y * 12 + (x->m - 1) + n;
        tx_fmt(x->val, sizeof x->val, "%04ld-%02ld", mm / 12, mm % 12 + 1);
    } else if (!strcmp(code, "Q")) {
        long q = (long)x->y * 4 + (x->m - 1) / 3 + n;
        tx_fmt(x->val, sizeof x->val, "%04ld-Q%ld", q / 4, q % 4 + 1);
    } else if (!strcmp(code, "Y")) tx_fmt(x->val, sizeof x->val, "%04ld", x->y + n);
    else tx_fmt(x->val, sizeof x->val, "%s", n < 0 ? "PAST_REF" : n > 0 ? "FUTURE_REF" : "PRESENT_REF");
}

/* Duration value P<n><unit>, PT for clock units, X for vague counts. */
static void value_duration(tx *x, long n, int vague, long mult, const char *code) {
    char num[24];
    if (vague && mult == 10 && !strcmp(code, "Y")) code = "DE"; /* "decades": PXDE */
    else if (vague && mult == 100 && !strcmp(code, "Y")) code = "CE";
    if (vague) tx_fmt(num, sizeof num, "X");
    else tx_fmt(num, sizeof num, "%ld", n * mult);
    int clock = !strcmp(code, "H") || !strcmp(code, "MIN") || !strcmp(code, "S");
    const char *u = !strcmp(code, "MIN") ? "M" : !strcmp(code, "WE") ? "WE" : code;
    tx_fmt(x->val, sizeof x->val, "P%s%s%s", clock ? "T" : "", num, u);
    x->type = "DURATION";
}

/* "1/2" or "and a half" at i: the tokens it takes, or 0. */
static size_t half_at(const tx *x, size_t i) {
    if (tok_int(x, i) == 1 && is_word(x, i + 1, "/") && tok_int(x, i + 2) == 2) return 3;
    if (is_word(x, i, "and") && is_word(x, i + 1, "a") && is_word(x, i + 2, "half")) return 3;
    return 0;
}

/* Add half a unit to the duration in x->val ("P2Y" -> "P2Y6M", "PT5H" ->
** "PT5H30M"); units without an exact half in the next one are left as they are. */
static void half_more(tx *x, const char *code) {
    const char *add = !strcmp(code, "Y") ? "6M" : !strcmp(code, "H") ? "30M" : !strcmp(code, "MIN") ? "30S"
                      : !strcmp(code, "D") ? "T12H" : NULL;
    size_t len = strlen(x->val);
    if (add) tx_fmt(x->val + len, sizeof x->val - len, "%s", add);
}

/* A weekday, month, season or part of day at j after the shift word s
** (last/this/next) of the expression that starts at i ("next Tuesday", "last
** Oct. 23", "this summer", "this morning"): sets x's value; returns the
** tokens taken from i, or 0. */
static size_t shift_named(tx *x, size_t i, size_t j, const ne_word *s) {
    const ne_word *u;
    if ((u = word_at(x, j, TW_WEEKDAY))) {
        int tense = s->num < 0 ? TENSE_PAST : s->num > 0 ? TENSE_FUTURE : tense_of(x, i, j + 1);
        value_weekday(x, (int)u->num, tense, NULL);
        if (x->has_dct && s->num != 0) { /* "next Tuesday": the one in the next week */
            long z = dct_day(x) + 7 * s->num;
            int cur = iso_weekday(z);
            set_date(x, z - cur + u->num, NULL);
        }
        return j + u->nwords - i;
    }
    if ((u = word_at(x, j, TW_MONTH))) {
        int y = x->y + (s->num < 0 && u->num >= x->m ? -1 : 0) + (s->num > 0 && u->num <= x->m ? 1 : 0);
        size_t k = j + u->nwords;
        int dd = tok_day(x, k); /* "last Oct. 23" */
        if (dd > 0 && tok_year(x, k) < 0) k++;
        else dd = 0;
        value_month_day(x, (int)u->num, dd, x->has_dct ? y : 0, i, k);
        return k - i;
    }
    if ((u = word_at(x, j, TW_SEASON))) {
        int y = x->y + (int)s->num;
        if (x->has_dct) tx_fmt(x->val, sizeof x->val, "%04d-%s", y, u->val);
        else tx_fmt(x->val, sizeof x->val, "XXXX-%s", u->val);
        x->type = "DATE";
        return j + u->nwords - i;
    }
    if ((u = word_at(x, j, TW_PARTDAY)) && s->num == 0) {
        if (x->has_dct) set_date(x, dct_day(x), "");
        else tx_fmt(x->val, sizeof x->val, "XXXX-XX-XX");
        size_t len = strlen(x->val);
        tx_fmt(x->val + len, sizeof x->val - len, "T%s", u->val);
        x->type = "TIME";
        return j + u->nwords - i;
    }
    return 0;
}


/* [mod] last/this/next + unit | weekday | month | season | part of day. */
static size_t m_shift(tx *x, size_t i) {
    size_t j = i;
    const ne_word *md = word_at(x, j, TW_MOD);
    if (md) j += md->nwords;
    int the = is_word(x, j, "the");
    const ne_word *s = word_at(x, j, TW_SHIFT);
    if (!s) { if (!the || !(s = word_at(x, j + 1, TW_SHIFT))) return 0; j++; }
    else the = 0;
    j += s->nwords;
    long mult, n;
    int vague;
    const char *code;
    const ne_word *u;
    size_t c = count_at(x, j, &n, &vague);
    if (c && unit_at(x, j + c, &mult, &code) && !(n == 1 && !vague && c == 1 && x->tk[j].shape != NE_SH_NUM)) {
        /* "the past two months", "next three years": a duration */
        u = word_at(x, j + c, TW_UNIT);
        value_duration(x, n, vague, mult, code);
        return j + c + u->nwords - i;
    }
    if ((u = unit_at(x, j, &mult, &code))) {
        size_t ul = strlen(u->phrase);
        if (ul > 1 && u->phrase[ul - 1] == 's') value_duration(x, 0, 1, mult, code); /* "the coming years" */
        else if (the || (s->num < 0 && !strcmp(s->phrase, "past"))) value_duration(x, 1, 0, mult, code);
        else if (mult != 1 || !strcmp(code, "H") || !strcmp(code, "MIN") || !strcmp(code, "S")) return 0;
        else value_shifted_unit(x, code, s->num);
        return j + u->nwords - i;
    }
    return shift_named(x, i, j, s);
}

/* "the summer", "this past spring", "the winter of 1994", "summer 1998": the
** season of the year written, else of the document year, moved a year by tense
** when it lies on the wrong side (a season starts in month 3, 6, 9 or 12). */
static size_t m_season(tx *x, size_t i) {
    size_t j = i;
    int the = is_word(x, j, "the"), this_past = is_word(x, j, "this") && is_word(x, j + 1, "past");
    j += this_past ? 2 : the;
    const ne_word *md = word_at(x, j, TW_MOD);
    if (md) j += md->nwords;
    const ne_word *u = word_at(x, j, TW_SEASON);
    if (!u) return 0;
    size_t k = j + u->nwords, sy;
    long y = -1;
    size_t o = k + is_word(x, k, "of");
    if (tok_year(x, o) > 0) { y = tok_year(x, o); k = o + 1; }
    else if ((sy = m_spoken_year(x, o)) > 0 && neU_parse_long(x->val, strlen(x->val), &y) == 0) k = o + sy;
    else if (!the && !this_past && !is_word(x, i - 1, "in") && !is_word(x, i - 1, "during") && !is_word(x, i - 1, "since"))
        return 0;
    if (y < 0 && x->has_dct) {
        int start = u->val[0] == 'S' ? (u->val[1] == 'P' ? 3 : 6) : u->val[0] == 'F' ? 9 : 12;
        int tense = this_past ? TENSE_PAST : tense_of(x, i, k);
        y = x->y - (tense == TENSE_PAST && start > x->m) + (tense == TENSE_FUTURE && start + 2 < x->m);
    }
    if (y < 0) tx_fmt(x->val, sizeof x->val, "XXXX-%s", u->val);
    else tx_fmt(x->val, sizeof x->val, "%04ld-%s", y, u->val);
    x->type = "DATE";
    return k - i;
}

/* "the weekend": the last one (Saturday and Sunday) up to the document date,
** or with a future cue the next one from it. */
static size_t m_weekend(tx *x, size_t i) {
    if (!is_word(x, i, "the") || !is_word(x, i + 1, "weekend") || !x->has_dct) return 0;
    long z = dct_day(x);
    int wd = iso_weekday(z), wy, wk;
    if (tense_of(x, i, i + 2) == TENSE_FUTURE) iso_week(z, &wy, &wk);
    else iso_week(wd >= 6 ? z : z - 7, &wy, &wk);
    tx_fmt(x->val, sizeof x->val, "%04d-W%02d-WE", wy, wk);
    x->type = "DATE";
    return 2;
}

/* "the year", "the full year", "the fiscal year": the document year; followed
** by "ended"/"ending" it is a company's reporting year, a duration. */
static size_t m_the_year(tx *x, size_t i) {
    if (!is_word(x, i, "the")) return 0;
    size_t j = i + 1;
    j += is_word(x, j, "full") || is_word(x, j, "fiscal") || is_word(x, j, "calendar") || is_word(x, j, "current");
    if (!is_word(x, j, "year")) return 0;
    j++;
    if (is_word(x, j, "ended") || is_word(x, j, "ending")) {
        tx_fmt(x->val, sizeof x->val, "P1Y");
        x->type = "DURATION";
        return j - i;
    }
    size_t sy = m_spoken_year(x, j); /* "the year two thousand" */
    if (sy || tok_year(x, j) > 0) {
        if (!sy) tx_fmt(x->val, sizeof x->val, "%04d", tok_year(x, j));
        x->type = "DATE";
        return j + (sy ? sy : 1) - i;
    }
    static const char *const not_this[] = {"of", "when", "that", "which", "in", "following", "'s", "after", "before", "to"};
    if (!x->has_dct || word_at(x, j, TW_AFTER)) return 0; /* "the year before", "the year of the dragon" */
    for (size_t k = 0; k < sizeof not_this / sizeof not_this[0]; k++)
        if (is_word(x, j, not_this[k])) return 0;
    tx_fmt(x->val, sizeof x->val, "%04d", x->y);
    x->type = "DATE";
    return j - i;
}

/* "the 20th century", "11th-century": its TIMEX3 value is the hundreds ("19"). */
static size_t m_century(tx *x, size_t i) {
    const ne_word *o = word_at(x, i, TW_ORDINAL);
    int n = o ? (strcmp(o->phrase, "last") ? (int)o->num : -1) : tok_day(x, i); /* "20th" */
    size_t j = i + (o ? o->nwords : 1);
    if (n < 1 || n > 21) return 0;
    if (is_dash(x, j)) j++;
    if (!is_word(x, j, "century")) return 0;
    tx_fmt(x->val, sizeof x->val, "%02d", n - 1);
    x->type = "DATE";
    return j + 1 - i;
}

/* "the first half of 2023", "the second half of next year", "the last half of
** 1989": a half year (YYYY-H1, -H2); "the second half" alone only after a
** quarter was mentioned (company reports), as the document year's. */
static size_t m_half(tx *x, size_t i) {
    size_t j = i + is_word(x, i, "the");
    const ne_word *o = word_at(x, j, TW_ORDINAL);
    if (!o || (o->num != 1 && o->num != 2 && strcmp(o->phrase, "last"))) return 0;
    j += o->nwords;
    if (is_dash(x, j)) j++;
    if (!is_word(x, j, "half")) return 0;
    j++;
    int y = x->has_dct ? x->y : -1;
    const ne_word *s = is_word(x, j, "of") ? word_at(x, j + 1, TW_SHIFT) : NULL;
    if (is_word(x, j, "of") && tok_year(x, j + 1) > 0) { y = tok_year(x, j + 1); j += 2; }
    else if (s && x->has_dct && is_word(x, j + 1 + s->nwords, "year")) { /* "of next year" */
        y = x->y + (int)s->num;
        j += 2 + s->nwords;
    } else if (is_word(x, j, "of") && is_word(x, j + 1, "the") && is_word(x, j + 2, "year")) j += 3;
    else if (is_word(x, j, "of") || x->last_q < 0) return 0; /* "the second half" of a match; of a year in company reports */
    int h = o->num == 1 ? 1 : 2;
    if (y > 0) tx_fmt(x->val, sizeof x->val, "%04d-H%d", y, h);
    else tx_fmt(x->val, sizeof x->val, "XXXX-H%d", h);
    x->type = "DATE";
    return j - i;
}

/* "Thanksgiving Day", "last Christmas", "on New Year's Day": the holiday's date
** in the year that tense (or last/next) picks, as for a month and day. */
static size_t m_holiday(tx *x, size_t i) {
    size_t j = i;
    const ne_word *s = word_at(x, j, TW_SHIFT);
    if (s && s->num != 0) j += s->nwords;
    else s = NULL;
    const ne_word *h = word_at(x, j, TW_HOLIDAY);
    int m, d, wd;
    if (!h || x->tk[j].shape != NE_SH_CAP || holiday_rule(h->val, &m, &d, &wd)) return 0;
    size_t k = j + h->nwords;
    int y = tok_year(x, k + is_word(x, k, ",")) > 0 ? tok_year(x, k + is_word(x, k, ",")) : -1;
    if (y > 0) k += 1 + is_word(x, k, ",");
    else if (x->has_dct) {
        int tense = s ? (s->num < 0 ? TENSE_PAST : TENSE_FUTURE) : tense_of(x, i, k);
        long ref = dct_day(x), z;
        y = resolve_year(x, m, d, tense);
        z = day_number(y, m, d);
        if (s && s->num < 0 && z >= ref) y--; /* "last Christmas": the one before */
        if (s && s->num > 0 && z <= ref) y++;
    }
    if (y < 0) {
        tx_fmt(x->val, sizeof x->val, "XXXX-%02d-%02d", m, d);
        if (wd) tx_fmt(x->val, sizeof x->val, "XXXX-%02d", m);
        x->type = "DATE";
        return k - i;
    }
    long z = day_number(y, m, d);
    if (wd) z += (wd - iso_weekday(z) + 7) % 7;
    set_date(x, z, NULL);
    return k - i;
}

/* "two days ago", "a decade", "five-year", "24 hours", "years", "the nine months". */
static size_t m_count_unit(tx *x, size_t i) {
    size_t j = i;
    long n = 1, mult;
    int vague = 0;
    const char *code;
    int the = is_word(x, j, "the");
    if (the) j++;
    const ne_word *o = word_at(x, j, TW_ORDINAL);
    if (o && the) j += o->nwords; /* "the first nine months" */
    size_t c = count_at(x, j, &n, &vague);
    size_t k = j + c, hk = c && !vague ? half_at(x, k) : 0; /* "5 1/2 hours", "two and a half years" */
    k += hk;
    if (c && is_dash(x, k)) k++;
    const ne_word *u = unit_at(x, k, &mult, &code);
    if (!u || (!c && !(u->phrase[strlen(u->phrase) - 1] == 's' && !the))) return 0;
    if (!c) vague = 1; /* bare plural: "for years" */
    if (!c && !is_word(x, i - 1, "for") && !is_word(x, i - 1, "recent") && !is_word(x, i - 1, "in")) return 0;
    k += u->nwords;
    if (c && !vague && !hk && is_word(x, k, "and") && (hk = half_at(x, k)) > 0) k += hk; /* "a minute and a half" */
    const ne_word *af = word_at(x, k, TW_AFTER);
    /* "three days later", "30 days before the vote": counted from another event
    ** in the story, not from the document date: a duration */
    if (af && (!strcmp(af->phrase, "later") ||
               (!strcmp(af->phrase, "before") && tok(x, k + 1) && x->tk[k + 1].shape != NE_SH_PUNCT)))
        af = NULL;
    if (af && vague && c) {
        tx_fmt(x->val, sizeof x->val, "%s", af->num < 0 ? "PAST_REF" : "FUTURE_REF");
        x->type = "DATE";
        return k + af->nwords - i;
    }
    if (c && vague && is_word(x, j, "recent")) { /* "in recent months" */
        tx_fmt(x->val, sizeof x->val, "PAST_REF");
        x->type = "DATE";
        return k - i;
    }
    if (af && !vague && c) {
        if (!x->has_dct) tx_fmt(x->val, sizeof x->val, "%s", af->num < 0 ? "PAST_REF" : "FUTURE_REF");
        else if (!strcmp(code, "Y") && x->last_q >= 0 && x->sent - x->last_q_sent <= 1) {
            /* "a year ago" in a report about a quarter: the same quarter a year before */
            long q = x->last_q + 4 * af->num * n * mult;
            tx_fmt(x->val, sizeof x->val, "%04ld-Q%ld", q / 4, q % 4 + 1);
        } else if (!strcmp(code, "D") || !strcmp(code, "W") || !strcmp(code, "M") || !strcmp(code, "Y")) {
            if (!strcmp(code, "D")) set_date(x, dct_day(x) + af->num * n * mult, NULL);
            else {
                value_shifted_unit(x, code, af->num * n * mult);
            }
        } else tx_fmt(x->val, sizeof x->val, "%s", af->num < 0 ? "PAST_REF" : "FUTURE_REF");
        x->type = "DATE";
        return k + af->nwords - i;
    }
    if (the && !c) return 0;
    if (is_word(x, k, "old") || (is_dash(x, k) && is_word(x, k + 1, "old"))) return 0; /* ages */
    if (!strcmp(code, "Q") && is_word(x, k, "of") && c && (is_dash(x, j + c) || is_word(x, j, "a")))
        return 0; /* fractions: "three-quarters of its food", "a quarter of a point" */
    value_duration(x, n, vague, mult, code);
    if (hk && mult == 1) half_more(x, code);
    return k - i;
}

/* "every year", "each Tuesday", "daily". */
static size_t m_set(tx *x, size_t i) {
    const ne_word *w = word_at(x, i, TW_SETADV);
    if (w) {
        tx_fmt(x->val, sizeof x->val, "%s", w->val);
        x->type = "SET";
        return w->nwords;
    }
    if (!(w = word_at(x, i, TW_EVERY))) return 0;
    size_t j = i + w->nwords;
    long n = 1, mult;
    int vague;
    const char *code;
    size_t c = count_at(x, j, &n, &vague);
    const ne_word *u = unit_at(x, j + c, &mult, &code);
    if (!u && c) { c = 0; n = 1; u = unit_at(x, j, &mult, &code); }
    if (u) {
        value_duration(x, n, vague, mult, code);
        x->type = "SET";
        return j + c + u->nwords - i;
    }
    if ((u = word_at(x, j, TW_WEEKDAY))) {
        tx_fmt(x->val, sizeof x->val, "XXXX-WXX-%ld", u->num);
        x->type = "SET";
        return j + u->nwords - i;
    }
    if ((u = word_at(x, j, TW_MONTH)) && x->tk[j].shape == NE_SH_CAP) { /* "each July" */
        tx_fmt(x->val, sizeof x->val, "XXXX-%02ld", u->num);
        x->type = "SET";
        return j + u->nwords - i;
    }
    return 0;
}

static size_t m_weekday(tx *x, size_t i);
static size_t m_dayrel(tx *x, size_t i);
static size_t m_month_date(tx *x, size_t i);

/* "3 p.m.", "10:30 a.m.", "noon", "noon Thursday". */
static size_t m_clock(tx *x, size_t i) {
    int hh = -1, mm = 0;
    size_t j = i;
    const ne_word *w = word_at(x, i, TW_CLOCK);
    if (w) {
        hh = (int)w->num;
        j += w->nwords;
    } else {
        long h = tok_int(x, i);
        if (h < 0 || h > 12) return 0;
        j++;
        if (is_word(x, j, ":") && tok(x, j + 1) && x->tk[j + 1].norm_len == 2) { mm = (int)tok_int(x, j + 1); j += 2; }
        const ne_word *ap = word_at(x, j, TW_AMPM);
        if (!ap || mm < 0 || mm > 59) return 0;
        hh = (int)(h % 12 + ap->num);
        j += ap->nwords;
    }
    char date[24] = "XXXX-XX-XX";
    if (x->has_dct) tx_fmt(date, sizeof date, "%04d-%02d-%02d", x->y, x->m, x->d);
    /* "9 a.m. EDT Tuesday", "noon yesterday": the day named after the time */
    size_t k = j + (tok(x, j) && x->tk[j].shape == NE_SH_UPPER && x->tk[j].norm_len <= 4 ? 1 : 0);
    k += is_word(x, k, "on");
    size_t kd = k + is_word(x, k, ","), dn = weekday_at(x, k) ? m_weekday(x, k)
                : word_at(x, k, TW_DAYREL) ? m_dayrel(x, k)
                : word_at(x, kd, TW_MONTH) ? m_month_date(x, kd) : 0; /* "5 p.m. EST, Nov. 6" */
    if (dn && word_at(x, kd, TW_MONTH) && !weekday_at(x, k) && !word_at(x, k, TW_DAYREL)) k = kd;
    if (dn && strlen(x->val) == 10) {
        memcpy(date, x->val, 11);
        j = k + dn;
    }
    tx_fmt(x->val, sizeof x->val, "%sT%02d:%02d", date, hh, mm);
    x->type = "TIME";
    return j - i;
}

/* "the third quarter", "third-quarter", "the fourth quarter of 1989". */
static size_t m_quarter(tx *x, size_t i) {
    size_t j = i + (is_word(x, i, "the") ? 1 : 0);
    int y = x->has_dct ? x->y : -1, ywritten = 0;
    const ne_word *s = word_at(x, j, TW_SHIFT);
    if (tok_year(x, j) > 0) { y = tok_year(x, j++); ywritten = 1; }
    else if (s && x->has_dct && is_word(x, j + s->nwords, "year") && is_word(x, j + s->nwords + 1, "'s")) {
        y = x->y + (int)s->num; /* "this year's third quarter", "last year's quarter" */
        j += s->nwords + 2;
        ywritten = 1;
    }
    const ne_word *o = word_at(x, j, TW_ORDINAL);
    if (!o && ywritten && x->last_q >= 0 && (is_word(x, j, "quarter") || is_word(x, j, "period"))) {
        /* "the 1988 quarter", "last year's quarter": the quarter being reported, in that year */
        tx_fmt(x->val, sizeof x->val, "%04d-Q%ld", y, x->last_q % 4 + 1);
        x->type = "DATE";
        return j + 1 - i;
    }
    if (!o || o->num < 1 || o->num > 4) return 0;
    size_t k = j + o->nwords;
    if (is_dash(x, k)) k++;
    if (!is_word(x, k, "quarter")) return 0;
    k++;
    if (is_word(x, k, "of") && tok_year(x, k + 1) > 0) { y = tok_year(x, k + 1); k += 2; ywritten = 1; }
    /* "the fourth quarter" in a January report: last year's, unless a future cue */
    if (!ywritten && y > 0 && o->num > (x->m - 1) / 3 + 2 && tense_of(x, i, k) != TENSE_FUTURE) y--;
    if (!strcmp(o->phrase, "last")) {
        if (y < 0 || !x->has_dct) return 0;
        value_shifted_unit(x, "Q", -1);
    } else if (y > 0) tx_fmt(x->val, sizeof x->val, "%04d-Q%ld", y, o->num);
    else tx_fmt(x->val, sizeof x->val, "XXXX-Q%ld", o->num);
    x->type = "DATE";
    return k - i;
}

/* Company reporting periods: "the quarter", "the latest quarter" (the last
** complete quarter), "the year-ago period", "year-earlier" (a year before it). */
static size_t m_period(tx *x, size_t i) {
    size_t j = i;
    int the = is_word(x, j, "the"), latest = 0, back = 0;
    j += the || is_word(x, j, "a");
    if (is_word(x, j, "latest")) { latest = 1; j++; }
    int same = is_word(x, j, "comparable") || is_word(x, j, "corresponding") || is_word(x, j, "same");
    j += same;
    if (is_word(x, j, "year") && is_dash(x, j + 1) && (is_word(x, j + 2, "earlier") || is_word(x, j + 2, "ago"))) {
        back = 4;
        j += 3;
    }
    const ne_word *p = word_at(x, j, TW_PERIOD);
    if (p) j += p->nwords;
    /* "the quarter a year ago", "the corresponding period last year" */
    if (p && the && !back && ((is_word(x, j, "a") && is_word(x, j + 1, "year") &&
                                (is_word(x, j + 2, "ago") || is_word(x, j + 2, "earlier"))) ||
                               (is_word(x, j, "last") && is_word(x, j + 1, "year")))) {
        back = 4;
        j += is_word(x, j, "a") ? 3 : 2;
    }
    if (!back && !(p && the && !same && (latest || !strcmp(p->phrase, "quarter")))) return 0;
    if (!x->has_dct) return 0;
    value_shifted_unit(x, "Q", -1 - back);
    return j - i;
}

/* "now", "the past", "recently". */
static size_t m_ref(tx *x, size_t i) {
    const ne_word *w = word_at(x, i, TW_REF);
    if (!w) return 0;
    tx_fmt(x->val, sizeof x->val, "%s", w->val);
    x->type = "DATE";
    return w->nwords;
}

/* A modifier before a date ("earlier this month", "late December") is part
** of the expression; the value is that of what follows. */
typedef size_t (*matcher)(tx *, size_t);
/* Words outside time.txt that a matcher accepts as its first token (m_period:
** "latest year-earlier", "same year-ago"): a new matcher whose first token is
** neither a time.txt word nor a number must add its words here and to
** lead_words (first_offers). */
static const char *const start_words[] = {"latest", "comparable", "corresponding", "same"};
/* What a token offers as the first token of an expression: its time.txt
** classes (bit TW_* of x->starts), and F_* below. */
#define F_NUM (1u << 24)     /* a number */
#define F_THE (1u << 25)     /* "the" */
#define F_A (1u << 26)       /* "a" */
#define F_THIS (1u << 27)    /* "this" */
#define F_PERIOD (1u << 28)  /* "year" or a start_words word (m_period) */
#define F_YEAR (1u << 29)    /* a year in digits ("1998", "1990s": year_shape) */
#define C(cls) (1u << (cls))
/* Each matcher with what its first token must offer (one of the bits): a
** matcher is not run at a token that offers none of them.  A change to a
** matcher's first token must update its bits. */
static const struct {
    matcher run;
    uint32_t first;
} matchers[] = {
    {m_numeric_date, F_NUM},
    {m_month_date, C(TW_MONTH) | F_NUM},
    {m_clock, C(TW_CLOCK) | F_NUM},
    {m_quarter, F_THE | F_NUM | C(TW_SHIFT) | C(TW_ORDINAL)},
    {m_shift, C(TW_MOD) | F_THE | C(TW_SHIFT)},
    {m_set, C(TW_SETADV) | C(TW_EVERY)},
    {m_count_unit, F_THE | F_NUM | C(TW_NUMBER) | C(TW_UNIT)},
    {m_weekday, C(TW_WEEKDAY)},
    {m_dayrel, C(TW_DAYREL)},
    {m_year, F_NUM | F_YEAR},
    {m_ref, C(TW_REF)},
    {m_period, F_THE | F_A | F_PERIOD | C(TW_PERIOD)},
    {m_spoken_year, C(TW_NUMBER)},
    {m_season, F_THE | F_THIS | C(TW_MOD) | C(TW_SEASON)},
    {m_weekend, F_THE},
    {m_the_year, F_THE},
    {m_century, C(TW_ORDINAL) | F_NUM},
    {m_half, F_THE | C(TW_ORDINAL)},
    {m_holiday, C(TW_SHIFT) | C(TW_HOLIDAY)},
};

/* Words after "the" that its matchers read without a time.txt class
** (m_period, m_weekend, m_the_year). */
static const char *const after_the[] = {"latest", "comparable", "corresponding", "same", "year",
                                        "weekend", "full", "fiscal", "calendar", "current"};
/* Can a matcher's path for "the" (F_THE) match from "the" at i?  Each path
** reads the next token: a number, a word of one of these time.txt classes
** (m_quarter, m_shift, m_count_unit, m_season, m_period, m_half), or one of
** after_the.  A change to what an F_THE matcher reads after "the" must
** update this test.  Most "the" start a noun group ("the company"). */
static int the_leads(const tx *x, size_t i) {
    size_t j = i + 1;
    if (j >= x->end) return 0;
    if (x->tk[j].shape == NE_SH_NUM ||
        (x->starts[j] & (C(TW_SHIFT) | C(TW_ORDINAL) | C(TW_NUMBER) | C(TW_UNIT) | C(TW_MOD) | C(TW_SEASON) | C(TW_PERIOD))))
        return 1;
    for (size_t k = 0; k < sizeof after_the / sizeof after_the[0]; k++)
        if (is_word(x, j, after_the[k])) return 1;
    return 0;
}

/* Can m_year take token t: four digits from 1000 to 2199 (tok_year), or a
** decade of that form "1990s"?  ("12.5" and "1,000" cannot.) */
static int year_shape(const ne_token *t) {
    const char *s = t->norm;
    if (t->norm_len == 5) return s[4] == 's' && s[3] == '0';
    return t->norm_len == 4 && (s[0] == '1' || s[0] == '2') && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
           s[2] <= '9' && s[3] >= '0' && s[3] <= '9';
}

/* Words after a number that its matchers read without a time.txt class
** ("1/17/2024", "10:30 a.m.", "the 1988 quarter", "two and a half", "20th century"). */
static const char *const after_num[] = {"/", ":", "quarter", "period", "and", "century"};
/* What the number at i offers its matchers: F_YEAR when m_year may take it
** alone, a year 1000..2199 of four digits (or "1990s", year_shape); F_NUM
** when a matcher's path for a number may match from it, as every other
** path (and m_year's too) reads the next token: a dash, a number, a word of
** one of these time.txt classes (m_month_date, m_clock, m_quarter,
** m_count_unit), or one of after_num ("1998-02-17", "1988 quarter", "1987
** first quarter").  A change to what an F_NUM matcher reads after its
** number must update this test.  Most numbers are amounts ("1.5 mln dlrs",
** "12 pct"), most years stand alone ("in 1998"). */
static uint32_t num_offers(const tx *x, size_t i) {
    uint32_t f = year_shape(&x->tk[i]) ? F_YEAR : 0;
    size_t j = i + 1;
    if (j >= x->end) return f;
    if (x->tk[j].shape == NE_SH_DASH || x->tk[j].shape == NE_SH_NUM ||
        (x->starts[j] & (C(TW_MONTH) | C(TW_AMPM) | C(TW_ORDINAL) | C(TW_UNIT))))
        return f | F_NUM;
    for (size_t k = 0; k < sizeof after_num / sizeof after_num[0]; k++)
        if (is_word(x, j, after_num[k])) return f | F_NUM;
    return f;
}

/* Can m_period, the one matcher of F_A, match from "a" at i?  Its path for
** "a" ("a year-earlier period", "a latest year-ago quarter") reads "year" or
** one of start_words next.  A change to what it reads after "a" must update
** this test.  Most "a" open a noun group ("a company"). */
static int a_leads(const tx *x, size_t i) {
    if (is_word(x, i + 1, "year")) return 1;
    for (size_t k = 0; k < sizeof start_words / sizeof start_words[0]; k++)
        if (is_word(x, i + 1, start_words[k])) return 1;
    return 0;
}

static uint32_t mx_classes; /* the TW_* bits of matchers[].first (mx_build) */

/* The time.txt phrases of the classes in mx_classes, as per-hash bits (one
** bit per ne_hash & (TX_BITS - 1), or per pair or triple of words): lone_bits
** for the phrases of one word, pair_bits for those of two, triple_bits for
** the first three words of the longer ones ("in the coming days": most "in
** the" go on otherwise).  Bits are only ever added (the union over every
** table loaded in the process), so a clear bit means no phrase of any of
** them starts so. */
#define TX_BITS 8192u
static _Atomic uint64_t lone_bits[TX_BITS / 64], pair_bits[TX_BITS / 64], triple_bits[TX_BITS / 64];
static uint32_t pair_bit(uint32_t first, uint32_t second) {
    return ((first * 0x9E3779B1u) ^ second) & (TX_BITS - 1);
}
static uint32_t triple_bit(uint32_t first, uint32_t second, uint32_t third) {
    return pair_bit((first * 0x85EBCA77u) ^ second, third);
}
static void set_bit(_Atomic uint64_t *bits, uint32_t b) {
    atomic_fetch_or_explicit(&bits[b / 64], (uint64_t)1 << (b % 64), memory_order_relaxed);
}
static int has_bit(_Atomic uint64_t *bits, uint32_t b) {
    return atomic_load_explicit(&bits[b / 64], memory_order_relaxed) >> (b % 64) & 1;
}
/* ne_hash of the word at *p (up to its space or the end); *p moves to the
** next word, NULL after the last. */
static uint32_t next_word_hash(const char **p) {
    const char *w = *p, *sp = strchr(w, ' ');
    *p = sp ? sp + 1 : NULL;
    return ne_hash(w, sp ? (size_t)(sp - w) : strlen(w));
}
/* Note phrase p (lowercase words joined by single spaces) in the bits. */
static void note_phrase(const char *p) {
    uint32_t first = next_word_hash(&p);
    if (!p) {
        set_bit(lone_bits, first & (TX_BITS - 1));
        return;
    }
    uint32_t second = next_word_hash(&p);
    if (!p) {
        set_bit(pair_bits, pair_bit(first, second));
        return;
    }
    set_bit(triple_bits, triple_bit(first, second, next_word_hash(&p)));
}
static void note_word(const ne_word *w) { note_phrase(w->phrase); }
static pthread_once_t mx_once = PTHREAD_ONCE_INIT;
static void mx_build(void);
/* Note each phrase of tw of a class in mx_classes in lone_bits, pair_bits or triple_bits. */
static void note_phrases(const ne_wordtab *tw) {
    pthread_once(&mx_once, mx_build);
    neW_each(tw, mx_classes & ((2u << TW_HOLIDAY) - 1), note_word);
}
/* May a phrase of two words or more of a class in mx_classes start at token
** i of the sentence?  0 when surely none. */
static int longer_may(const tx *x, size_t i) {
    if (i + 1 >= x->end) return 0;
    if (has_bit(pair_bits, pair_bit(x->nh[i], x->nh[i + 1]))) return 1;
    return i + 2 < x->end && has_bit(triple_bits, triple_bit(x->nh[i], x->nh[i + 1], x->nh[i + 2]));
}
/* May a phrase of a class in mx_classes start at token i of the sentence?
** 0 when surely none (can_at(x, i) & mx_classes is then 0): most "the" and
** "in" start a noun group ("the company", "in the"), not "the past". */
static int phrase_may(const tx *x, size_t i) {
    return has_bit(lone_bits, x->nh[i] & (TX_BITS - 1)) || longer_may(x, i);
}
/* Can a matcher's path for a number word (C(TW_NUMBER): "two", "a", "several")
** match from the one at i?  m_count_unit reads after it a unit, a dash, a
** number ("twenty four"), or a half ("1/2", "and a half") before its unit;
** m_spoken_year another number word or "thousand".  A change to what a
** TW_NUMBER matcher reads after its number word must update this test.
** Most of them are articles ("a company").  The phrase there is looked up
** only when one of two words or more may start there (longer_may): most are
** of one word, and so is what follows the next token. */
static int number_leads(const tx *x, size_t i) {
    if (i + 1 >= x->end) return 0;
    const ne_word *w = longer_may(x, i) ? word_at(x, i, TW_NUMBER) : NULL;
    size_t j = i + (w ? w->nwords : 1);
    if (j >= x->end) return 0;
    if (x->tk[j].shape == NE_SH_DASH || x->tk[j].shape == NE_SH_NUM || (x->starts[j] & (C(TW_UNIT) | C(TW_NUMBER))))
        return 1;
    return is_word(x, j, "and") || is_word(x, j, "thousand");
}

/* Words first_offers reads by their spelling (F_THE, F_A, F_THIS, F_PERIOD). */
static const char *const lead_words[] = {"the", "a", "this", "year", "latest", "comparable", "corresponding", "same"};
static uint64_t lead_bits; /* bit (ne_hash & 63) of each of lead_words (mx_build): most tokens are none */
/* The TW_* and F_* bits token i offers (0 past the sentence): of its time.txt
** classes, those a phrase there may have (can_at: "the" starts "the past",
** but "the company" offers none), which a matcher's class path needs, as it
** reads word_at(x, i, class) at its first token.  No expression starts at a
** token that offers nothing (match_offers): most tokens are tested no
** further than their classes (a time.txt class that some matcher's first
** token has, mx_classes, which holds TW_MOD, match_offers' other way in, when
** a phrase of it may start there, phrase_may), their shape and their hash
** (lead_bits); most of the words with a class have only tense or
** year-preposition ones ("said", "to", "of"), or their phrases do not follow
** ("in" of "in the coming days" before "march"). */
static inline __attribute__((always_inline)) uint32_t first_offers(const tx *x, size_t i) {
    if (i >= x->end) return 0;
    uint32_t mine = x->starts[i] & mx_classes, f = 0;
    /* a number word of no other such class ("a company"): its classes are looked
    ** up only when number_leads (the others can_at finds no matcher reads) */
    if (mine && phrase_may(x, i) && (mine != C(TW_NUMBER) || number_leads(x, i))) {
        f = can_at(x, i);
        if ((f & C(TW_NUMBER)) && mine != C(TW_NUMBER) && !number_leads(x, i)) f &= ~C(TW_NUMBER);
    }
    f |= x->tk[i].shape == NE_SH_NUM ? num_offers(x, i) : 0;
    if (!(lead_bits >> (x->nh[i] & 63) & 1)) return f; /* none of lead_words (mx_build) */
    if (is_word(x, i, "the")) f |= the_leads(x, i) ? F_THE : 0;
    else if (is_word(x, i, "a")) f |= a_leads(x, i) ? F_A : 0;
    else if (is_word(x, i, "this")) f |= F_THIS;
    else if (is_word(x, i, "year")) f |= F_PERIOD;
    for (size_t k = 0; k < sizeof start_words / sizeof start_words[0]; k++)
        if (is_word(x, i, start_words[k])) f |= F_PERIOD;
    return f;
}

/* mx_runs[b]: bit m set when matchers[m].first has bit b, so the matchers a
** token may start are found from its few offered bits, in table order. */
#define N_MATCHERS (sizeof matchers / sizeof matchers[0])
_Static_assert(N_MATCHERS <= 32, "matcher sets are 32-bit masks");
static uint32_t mx_runs[32];
static void mx_build(void) {
    for (size_t m = 0; m < N_MATCHERS; m++)
        for (int b = 0; b < 32; b++)
            if (matchers[m].first >> b & 1) mx_runs[b] |= (uint32_t)1 << m;
    for (size_t m = 0; m < N_MATCHERS; m++) mx_classes |= matchers[m].first & (F_NUM - 1);
    for (size_t k = 0; k < sizeof lead_words / sizeof lead_words[0]; k++)
        lead_bits |= (uint64_t)1 << (ne_hash(lead_words[k], strlen(lead_words[k])) & 63);
}

static size_t match_at(tx *x, size_t i);

/* The longest expression at token i, which offers offers (first_offers, not
** 0), with its value in x->val and x->type; its length in tokens (0: none). */
static size_t match_offers(tx *x, size_t i, uint32_t offers) {
    size_t best = 0;
    char val[sizeof x->val];
    const char *type = NULL;
    uint32_t runs = 0;
    for (uint32_t o = offers; o; o &= o - 1) runs |= mx_runs[__builtin_ctz(o)];
    for (; runs; runs &= runs - 1) { /* lowest bit first: table order */
        size_t m = (size_t)__builtin_ctz(runs);
        size_t n = matchers[m].run(x, i);
        if (n > best) {
            best = n;
            memcpy(val, x->val, sizeof val);
            type = x->type;
        }
    }
    if (!best) { /* a modifier phrase there is in offers (first_offers) */
        const ne_word *md = offers & C(TW_MOD) ? word_at(x, i, TW_MOD) : NULL;
        if (md && (best = match_at(x, i + md->nwords)) > 0) return best + md->nwords;
        return 0;
    }
    memcpy(x->val, val, sizeof val);
    x->type = type;
    return best;
}

/* The longest expression at token i, as match_offers (0: none). */
static size_t match_at(tx *x, size_t i) {
    uint32_t offers = first_offers(x, i);
    return offers ? match_offers(x, i, offers) : 0;
}

static int timex_add(struct ne_doc *d, const tx *x, size_t a, size_t b, uint32_t sent) {
    const ne_sentence *s = NE_VEC_AT(d->sentences, ne_sentence, sent);
    ne_token *tk = (ne_token *)d->tokens.items;
    ne_timex *t = neV_push(&d->arena, &d->timexes);
    if (!t) return NE_NOMEM;
    const char *seg = ne_seg_text(d, s->in_title);
    t->span.start = tk[a].start;
    t->span.end = tk[b - 1].end;
    t->text = neA_strndup(&d->arena, seg + t->span.start, t->span.end - t->span.start);
    t->value = neA_strndup(&d->arena, x->val, strlen(x->val));
    t->type = x->type;
    t->sentence = ne_pub_sent(d, sent);
    t->in_title = s->in_title;
    if (!t->text || !t->value) return NE_NOMEM;
    for (size_t k = a; k < b; k++) tk[k].timex = (int32_t)(d->timexes.n - 1);
    return NE_OK;
}

/* Remember a quarter value ("1989-Q3") as the reference period of what follows. */
static void note_quarter(tx *x, uint32_t sent) {
    long y;
    if (strlen(x->val) == 7 && x->val[4] == '-' && x->val[5] == 'Q' && x->val[6] >= '1' && x->val[6] <= '4' &&
        neU_parse_long(x->val, 4, &y) == 0) {
        x->last_q = y * 4 + (x->val[6] - '1');
        x->last_q_sent = sent;
    }
}

/* Scan each sentence left to right; the longest expression at a token wins. */
int neTimex_find(struct ne_doc *d, const struct ne_engine *e) {
    tx x = {0};
    tx_memo memo;
    memset(memo.key, 0, sizeof memo.key);
    x.memo = &memo;
    x.tw = e->timewords;
    x.tk = (const ne_token *)d->tokens.items;
    x.has_dct = d->year > 0 && d->month > 0 && d->day > 0;
    x.y = d->year; x.m = d->month; x.d = d->day;
    if (d->year > 0 && !x.has_dct) { /* a partial document date: anchor at its start */
        x.has_dct = 1;
        x.m = d->month > 0 ? d->month : 1;
        x.d = 1;
    }
    x.last_q = -1;
    pthread_once(&mx_once, mx_build);
    uint32_t *starts = neA_alloc(&d->arena, (d->tokens.n + 1) * sizeof *starts);
    if (!starts) return NE_NOMEM;
    uint32_t *can = neA_alloc(&d->arena, (d->tokens.n + 1) * sizeof *can);
    if (!can) return NE_NOMEM;
    memset(can, 0xFF, (d->tokens.n + 1) * sizeof *can); /* TX_UNKNOWN */
    x.can = can;
    neW_first_classes_all(x.tw, x.tk, d->nhash, d->wmemo, d->tokens.n, starts);
    x.starts = starts;
    x.nh = d->nhash;
    for (uint32_t s = 0; s < d->sentences.n; s++) {
        x.sent = s;
        const ne_sentence *se = NE_VEC_AT(d->sentences, ne_sentence, s);
        x.first = se->tok_first;
        x.end = se->tok_first + se->tok_count;
        for (size_t i = x.first; i < x.end;) {
            /* match_at written out: GCC does not inline match_at (match_offers
            ** reaches it again), and the call per token costs ~18% of this stage */
            uint32_t offers = first_offers(&x, i);
            size_t n = offers ? match_offers(&x, i, offers) : 0;
            if (!n) { i++; continue; }
            int rc = timex_add(d, &x, i, i + n, s);
            if (rc) return rc;
            note_quarter(&x, s);
            i += n;
        }
    }
    return NE_OK;
}
