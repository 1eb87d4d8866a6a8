/* token.c: the tokenizer.  Splits a segment into tokens that keep their byte
** offsets into the original text, a shape, and a normalized form (NFC,
** case-folded, curly quotes and dashes folded to ASCII) for matching. */
#include "neInt.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Character classes the tokenizer cares about. */
enum cclass { C_SPACE, C_NEWLINE, C_LETTER, C_DIGIT, C_APOS, C_QUOTE, C_DASH, C_PERIOD, C_PUNCT };

/* Decode one code point at s; returns its byte length (>= 1). */
static size_t decode(const char *s, size_t n, int32_t *cp) {
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cp);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)k;
}

static enum cclass classify(int32_t c) {
    if (c == '\n' || c == 0x2029 || c == 0x2028) return C_NEWLINE;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0 ||
        c == 0xFEFF || c == 0x200B)
        return C_SPACE;
    if (c < 0x80) {
        if ((c | 32) >= 'a' && (c | 32) <= 'z') return C_LETTER;
        if (c >= '0' && c <= '9') return C_DIGIT;
        if (c == '\'' || c == '`') return C_APOS;
        if (c == '"') return C_QUOTE;
        if (c == '-') return C_DASH;
        if (c == '.') return C_PERIOD;
        return C_PUNCT;
    }
    switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return C_APOS;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
        return C_QUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return C_DASH;
    case 0x2026: return C_PERIOD;
    default: break;
    }
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_SO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return C_NEWLINE;
    default:
        return C_PUNCT;
    }
}

/* Class of the code point at byte i (C_SPACE past the end). */
static enum cclass class_at(const char *s, size_t n, size_t i, size_t *len) {
    if (i >= n) {
        *len = 0;
        return C_SPACE;
    }
    int32_t cp;
    *len = decode(s + i, n - i, &cp);
    return classify(cp);
}

/* Shape of the token text [s, s+n). */
static uint8_t token_shape(const char *s, size_t n, enum cclass first) {
    if (first == C_QUOTE) return NE_SH_QUOTE;
    if (first == C_APOS) return (n > 1 && (s[n - 1] | 32) == 's') ? NE_SH_LOWER : NE_SH_QUOTE;
    if (first == C_DASH) return NE_SH_DASH;
    if (first == C_PUNCT || first == C_PERIOD) return NE_SH_PUNCT;
    if (first == C_DIGIT) return NE_SH_NUM;
    size_t up = 0, low = 0;
    int first_up = -1;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += decode(s + i, n - i, &cp);
        if (utf8proc_isupper(cp)) up++;
        else if (utf8proc_islower(cp)) low++;
        else continue;
        if (first_up < 0) first_up = utf8proc_isupper(cp) ? 1 : 0;
    }
    if (up == 0) return NE_SH_LOWER;
    if (low == 0) return NE_SH_UPPER;
    if (first_up == 1 && up == 1) return NE_SH_CAP;
    return first_up == 1 ? NE_SH_CAP : NE_SH_MIXED;
}

/* ASCII folding of quotes and dashes, then NFC + case fold; result in arena. */
static const char *token_norm(ne_arena *a, const char *s, size_t n, uint16_t *out_len) {
    int ascii = 1;
    for (size_t i = 0; i < n; i++) ascii &= (unsigned char)s[i] < 0x80;
    char *r;
    if (ascii) {
        r = neA_alloc(a, n + 1);
        if (!r) return NULL;
        for (size_t i = 0; i < n; i++) r[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
        r[n] = 0;
        if (n == 1 && r[0] == '`') r[0] = '\'';
        *out_len = (uint16_t)(n > 0xFFFF ? 0xFFFF : n);
        return r;
    }
    /* fold quote and dash code points to ASCII first */
    char *tmp = neA_alloc(a, n + 1);
    if (!tmp) return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = decode(s + i, n - i, &cp);
        enum cclass c = classify(cp);
        if (c == C_APOS) tmp[w++] = '\'';
        else if (c == C_QUOTE) tmp[w++] = '"';
        else if (c == C_DASH) tmp[w++] = '-';
        else if (cp == 0x2026) { memcpy(tmp + w, "...", 3 <= k ? 3 : k); w += 3 <= k ? 3 : k; }
        else { memcpy(tmp + w, s + i, k); w += k; }
        i += k;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t mn = utf8proc_map((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)w, &m,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    if (mn < 0) { /* cannot happen on repaired UTF-8; keep the folded bytes */
        tmp[w] = 0;
        *out_len = (uint16_t)(w > 0xFFFF ? 0xFFFF : w);
        return tmp;
    }
    r = neA_strndup(a, (const char *)m, (size_t)mn);
    free(m);
    *out_len = (uint16_t)((size_t)mn > 0xFFFF ? 0xFFFF : (size_t)mn);
    return r;
}

/* Length of the letters at j (ASCII only; 0 when a non-ASCII letter follows). */
static size_t ascii_letters(const char *s, size_t n, size_t j) {
    size_t k = 0;
    while (j + k < n && (((s[j + k] | 32) >= 'a' && (s[j + k] | 32) <= 'z'))) k++;
    return (j + k < n && (unsigned char)s[j + k] >= 0x80) ? 0 : k;
}

/* Is the apostrophe before j the start of a clitic ('s 're 'll 've 'd 'm), or
** of "n't" (the word before ends in n)?  Those split off; O'Brien does not. */
static int clitic_after(const char *s, size_t n, size_t j, size_t apos) {
    size_t k = ascii_letters(s, n, j);
    if (k == 0 || k > 2) return 0;
    char a = (char)(s[j] | 32), b = k == 2 ? (char)(s[j + 1] | 32) : 0;
    if (k == 1 && a == 't' && apos > 0 && (s[apos - 1] | 32) == 'n') return 0; /* keep n't joined, split below */
    if (k == 1) return a == 's' || a == 'd' || a == 'm';
    return (a == 'r' && b == 'e') || (a == 'l' && b == 'l') || (a == 'v' && b == 'e');
}

/* End of a word starting at i: letters/digits joined by ' (not before "s "),
** periods inside initialisms (U.S.), and digit separators (1,000 / 1.5). */
static size_t word_end(const char *s, size_t n, size_t i, enum cclass first) {
    size_t k;
    enum cclass c;
    for (;;) {
        c = class_at(s, n, i, &k);
        if (c == C_LETTER || c == C_DIGIT) { i += k; continue; }
        size_t k2;
        enum cclass next = class_at(s, n, i + k, &k2);
        if (c == C_APOS && next == C_LETTER && !clitic_after(s, n, i + k, i)) { i += k; continue; }
        if ((c == C_PERIOD || s[i] == ',') && k == 1 && first == C_DIGIT && next == C_DIGIT) {
            i += k; continue;
        }
        return i;
    }
}

/* If s[start..i) + "." forms an initialism like U.S. or U.N., extend it. */
static size_t initialism_end(const char *s, size_t n, size_t start, size_t i) {
    /* pattern: (letter '.')+ with single letters */
    size_t j = start, k;
    size_t letters = 0;
    while (j < n) {
        enum cclass c = class_at(s, n, j, &k);
        if (c != C_LETTER || k != 1) break;
        if (j + 1 >= n || s[j + 1] != '.') break;
        j += 2;
        letters++;
        size_t k2;
        if (class_at(s, n, j, &k2) != C_LETTER) break;
    }
    return (letters >= 2 && j > i) ? j : 0;
}

static int push_token(struct ne_doc *d, const char *s, size_t b, size_t e, enum cclass first,
                      uint8_t flags) {
    ne_token *t = neV_push(&d->arena, &d->tokens);
    if (!t) return NE_NOMEM;
    t->start = (uint32_t)b;
    t->end = (uint32_t)e;
    t->flags = flags;
    t->shape = token_shape(s + b, e - b, first);
    t->norm = token_norm(&d->arena, s + b, e - b, &t->norm_len);
    if (!t->norm) return NE_NOMEM;
    t->lemma = t->norm;
    t->actor = t->place = t->timex = -1;
    return NE_OK;
}

/* Split "n't" and "'s"-type clitics: returns the length of a clitic at the
** end of word [b, e) or 0. */
static size_t clitic_len(const char *s, size_t b, size_t e) {
    if (e - b > 3 && (s[e - 3] | 32) == 'n' && s[e - 2] == '\'' && (s[e - 1] | 32) == 't') return 3;
    if (e - b > 5 && (s[e - 5] | 32) == 'n' && memcmp(s + e - 4, "\xE2\x80\x99", 3) == 0 && (s[e - 1] | 32) == 't')
        return 5;
    return 0;
}

int neTok_segment(struct ne_doc *d, const struct ne_engine *e, int seg) {
    const char *s = d->seg[seg];
    size_t n = d->seg_len[seg], i = 0, k;
    uint8_t flags = NE_TF_PARA_START;
    int newlines = 0;
    while (i < n) {
        enum cclass c = class_at(s, n, i, &k);
        if (c == C_SPACE || c == C_NEWLINE) {
            flags |= NE_TF_SPACE_BEFORE;
            if (c == C_NEWLINE) {
                flags |= NE_TF_NEWLINE;
                if (++newlines >= 2) flags |= NE_TF_PARA_START;
            }
            i += k;
            continue;
        }
        newlines = 0;
        size_t b = i, end;
        if (c == C_LETTER || c == C_DIGIT) {
            end = word_end(s, n, i, c);
            size_t ie = initialism_end(s, n, b, end);
            if (ie) {
                end = ie;
            } else if (end < n && s[end] == '.' && c == C_LETTER) {
                /* a known abbreviation or a single capital initial keeps its period */
                char low[32];
                size_t wl = end - b;
                if (wl < sizeof low) {
                    for (size_t j = 0; j < wl; j++) low[j] = (s[b + j] >= 'A' && s[b + j] <= 'Z') ? (char)(s[b + j] + 32) : s[b + j];
                    if ((wl == 1 && s[b] >= 'A' && s[b] <= 'Z') || neSent_abbrev(e, low, wl)) {
                        end++;
                        flags |= NE_TF_ABBREV;
                    }
                }
            }
            size_t cl = (flags & NE_TF_ABBREV) ? 0 : clitic_len(s, b, end);
            if (cl) {
                if (push_token(d, s, b, end - cl, c, flags)) return NE_NOMEM;
                flags = 0;
                b = end - cl;
                c = C_LETTER;
            }
        } else if (c == C_APOS) {
            /* possessive 's or a quote */
            size_t k2;
            enum cclass nx = class_at(s, n, i + k, &k2);
            if (nx == C_LETTER && i > 0 && !(flags & NE_TF_SPACE_BEFORE) && clitic_after(s, n, i + k, i)) {
                end = i + k + ascii_letters(s, n, i + k);
                c = C_LETTER;
            } else {
                end = i + k;
            }
        } else if (c == C_PERIOD && k == 1) {
            end = i + 1;
            while (end < n && s[end] == '.') end++;
        } else {
            end = i + k;
        }
        if (push_token(d, s, b, end, c, flags)) return NE_NOMEM;
        flags = 0;
        i = end;
    }
    return NE_OK;
}
