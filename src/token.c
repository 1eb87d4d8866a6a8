/* token.c: the tokenizer.  Splits a segment into tokens that keep their byte
** offsets into the original text, a shape, and a normalized form (NFC,
** case-folded, curly quotes and dashes folded to ASCII) for matching. */
#include "neInt.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Character classes the tokenizer cares about. */
enum cclass { C_SPACE, C_NEWLINE, C_LETTER, C_DIGIT, C_APOS, C_QUOTE, C_DASH, C_PERIOD, C_PUNCT };

#define S C_SPACE
#define N C_NEWLINE
#define L C_LETTER
#define D C_DIGIT
#define A C_APOS
#define Q C_QUOTE
#define H C_DASH
#define P C_PERIOD
#define U C_PUNCT
/* Classes of the ASCII bytes: control characters count as spaces; the
** others are C_SPACE too (0), which scan_plain_tokens reads as "not a plain
** token's first byte". */
static const uint8_t ascii_class[256] = {
    S, S, S, S, S, S, S, S, S, S, N, S, N, S, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, U, Q, U, U, U, U, A, U, U, U, U, U, H, P, U,
    D, D, D, D, D, D, D, D, D, D, U, U, U, U, U, U,
    U, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, U, U, U, U, U,
    A, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, U, U, U, U, S,
};
#undef S
#undef N
#undef L
#undef D
#undef A
#undef Q
#undef H
#undef P
#undef U

/* 1 for the ASCII letters and digits: the inner loop of word_end. */
static const uint8_t word_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* Tables over the 128 ASCII bytes, an entry F(b) per byte b. */
#define EACH4(F, b) F(b), F((b) + 1), F((b) + 2), F((b) + 3)
#define EACH16(F, b) EACH4(F, b), EACH4(F, (b) + 4), EACH4(F, (b) + 8), EACH4(F, (b) + 12)
#define EACH128(F)                                                                                                     \
    EACH16(F, 0x00), EACH16(F, 0x10), EACH16(F, 0x20), EACH16(F, 0x30), EACH16(F, 0x40), EACH16(F, 0x50),            \
        EACH16(F, 0x60), EACH16(F, 0x70)

/* Normalized forms of one-byte tokens, NUL-padded to eight bytes (as every
** norm is: ne_token): letters lowercased, the backquote folded to an
** apostrophe.  Saves an arena copy per punctuation. */
#define BYTE_NORM(c) {(char)((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c) == '`' ? '\'' : (c))}
static const char byte_norm[128][8] = {EACH128(BYTE_NORM)};
#undef BYTE_NORM

/* Decode one code point at s; returns its byte length (>= 1). */
static size_t decode(const char *s, size_t n, int32_t *cp) {
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cp);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)k;
}

/* Class of a non-ASCII code point. */
static enum cclass classify(int32_t c) {
    switch (c) {
    case 0x2028: case 0x2029: case 0x85: return C_NEWLINE;
    case 0xA0: case 0xFEFF: case 0x200B: case 0x200C: case 0x200D: case 0x2060: return C_SPACE;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2039: case 0x203A:
        return C_APOS;
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

/* "Â" (U+00C2) before a space, a no-break space or the end: a no-break space
** whose UTF-8 bytes (C2 A0) were once read as Latin-1 ("gujaratÂ said", "Â Â
** hindi" in IndiaPoliceEvents' text), so a space, not a letter of a word or
** a name.  j is the byte after it. */
static int mojibake_space(const char *s, size_t n, size_t j) {
    if (j >= n) return 1;
    unsigned char b = (unsigned char)s[j];
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || (b == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0);
}

/* A curly quote or dash mis-decoded once as Windows-1252 at byte i ("â€˜" for
** U+2018, "â€™" U+2019, "â€œ" U+201C, "â€\x9d" or "â€�" U+201D, "â€”" U+2014,
** "â€“" U+2013), as Indian newspaper archives carry them: its class, its byte
** length in *k; C_LETTER (no such mark) otherwise.  The token keeps the bytes. */
static enum cclass mojibake_mark(const char *s, size_t n, size_t i, size_t *k) {
    static const struct {
        unsigned char len, s[3], c;
    } marks[] = {{2, {0xCB, 0x9C}, C_APOS},  {3, {0xE2, 0x84, 0xA2}, C_APOS}, {2, {0xC5, 0x93}, C_QUOTE},
                 {2, {0xC2, 0x9D}, C_QUOTE}, {3, {0xEF, 0xBF, 0xBD}, C_QUOTE}, {3, {0xE2, 0x80, 0x9D}, C_DASH},
                 {3, {0xE2, 0x80, 0x9C}, C_DASH}};
    if (n - i < 7 || memcmp(s + i, "\xC3\xA2\xE2\x82\xAC", 5)) return C_LETTER;
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
        if (i + 5 + marks[m].len <= n && !memcmp(s + i + 5, marks[m].s, marks[m].len)) {
            *k = 5 + (size_t)marks[m].len;
            return (enum cclass)marks[m].c;
        }
    return C_LETTER;
}

/* Is [s, s+n) one mis-decoded mark (mojibake_mark)? */
static int mojibake_token(const char *s, size_t n) {
    size_t k = 0;
    return n >= 7 && (unsigned char)s[0] == 0xC3 && mojibake_mark(s, n, 0, &k) != C_LETTER && k == n;
}

/* Class of the character at byte i and its length in *k (C_SPACE, 0 past the end). */
static inline enum cclass class_at(const char *s, size_t n, size_t i, size_t *k) {
    if (i >= n) {
        *k = 0;
        return C_SPACE;
    }
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *k = 1;
        return (enum cclass)ascii_class[b];
    }
    int32_t cp;
    *k = decode(s + i, n - i, &cp);
    if (cp == 0xC2 && mojibake_space(s, n, i + *k)) return C_SPACE;
    if (cp == 0xE2) {
        enum cclass m = mojibake_mark(s, n, i, k);
        if (m != C_LETTER) return m;
    }
    return classify(cp);
}

static inline int is_alpha(char c) { return (unsigned)((c | 32) - 'a') < 26; }
static inline int is_digit(char c) { return (unsigned)(c - '0') < 10; }
static inline int is_upper(char c) { return (unsigned)(c - 'A') < 26; }

/* ---- normalized form and shape ---- */

/* Shape from the counts of upper- and lower-case letters. */
static uint8_t word_shape(size_t up, size_t low, int first_up) {
    if (up == 0) return low ? NE_SH_LOWER : NE_SH_OTHER; /* OTHER: a caseless script */
    if (low == 0) return NE_SH_UPPER;
    return first_up ? NE_SH_CAP : NE_SH_MIXED;
}

static uint8_t punct_shape(enum cclass first) {
    switch (first) {
    case C_QUOTE: case C_APOS: return NE_SH_QUOTE;
    case C_DASH: return NE_SH_DASH;
    case C_DIGIT: return NE_SH_NUM;
    default: return NE_SH_PUNCT;
    }
}

/* Lowercase copies of ASCII tokens are packed into chunks of the arena
** instead of one arena allocation per token. */
#define NORM_CHUNK 65536

typedef struct normpool {
    char *p;
    size_t left;
} normpool;

/* n bytes of the pool; eight more stay writable after them (NORM_SLACK), so
** that a plain word's sixteen bytes are stored whole when it takes eight
** (the next norm writes over the eight after it). */
#define NORM_SLACK 8
static char *norm_room(ne_arena *a, normpool *np, size_t n) {
    if (np->left < n + NORM_SLACK) {
        size_t cap = n + NORM_SLACK > NORM_CHUNK ? n + NORM_SLACK : NORM_CHUNK;
        np->p = neA_alloc(a, cap);
        if (!np->p) return NULL;
        np->left = cap;
    }
    char *r = np->p;
    np->p += n;
    np->left -= n;
    return r;
}

#define ONES 0x0101010101010101ull
/* Lowercase eight ASCII bytes at once; *up and *low get 0x80 in each byte
** that was an upper- or lower-case letter (no byte can carry into the next:
** all are below 0x80). */
static inline void lower8(uint64_t *w, uint64_t *up, uint64_t *low) {
    uint64_t x = *w;
    uint64_t ge_A = (x + ONES * (0x80 - 'A')) & ONES * 0x80, gt_Z = (x + ONES * (0x80 - 'Z' - 1)) & ONES * 0x80;
    uint64_t ge_a = (x + ONES * (0x80 - 'a')) & ONES * 0x80, gt_z = (x + ONES * (0x80 - 'z' - 1)) & ONES * 0x80;
    *up = ge_A & ~gt_Z;
    *low = ge_a & ~gt_z;
    *w = x | (*up >> 2);
}

/* The pool's free bytes for the plain tokens (scan_plain_tokens), which
** take norms of eight or sixteen bytes (a word of two to seven bytes, eight
** to fifteen) and write sixteen at each: at most four bytes of norms per
** byte of text, and PLAIN_SLACK more.  A pool with fewer than PLAIN_ROOM
** bytes left takes a new chunk; NULL when there is none. */
#define PLAIN_SLACK 16
#define PLAIN_ROOM 4096
static inline char *plain_room(ne_arena *a, normpool *np) {
    if (np->left < PLAIN_ROOM) {
        if (!(np->p = neA_alloc(a, NORM_CHUNK))) return NULL;
        np->left = NORM_CHUNK;
    }
    return np->p;
}

/* byte_mask + 16 - m: m bytes of 0xFF, then zeros (m <= 16). */
static const unsigned char byte_mask[32] = {255, 255, 255, 255, 255, 255, 255, 255,
                                            255, 255, 255, 255, 255, 255, 255, 255};

/* A token of the one ASCII byte c: its normalized form from byte_norm. */
static void norm_byte(ne_token *t, char c, enum cclass first) {
    t->norm = byte_norm[(unsigned char)c & 0x7F]; /* c is ASCII */
    t->norm_len = 1;
    t->shape = (first == C_LETTER) ? word_shape(is_upper(c), !is_upper(c), 1) : punct_shape(first);
}

/* The room for a norm of n bytes: the norm, NUL-padded to a multiple of
** eight bytes with at least one NUL (ne_token.norm), and room for nul_pad,
** which writes eight NULs after it in one store. */
static inline size_t norm_size(size_t n) { return (n + 15) & ~(size_t)7; }
static inline void nul_pad(char *r, size_t n) { memset(r + n, 0, 8); }

/* ASCII token [s, s+n) with avail >= n bytes readable at s. */
static int norm_ascii(ne_arena *a, normpool *np, ne_token *t, const char *s, size_t n, size_t avail,
                      enum cclass first) {
    if (n == 1) {
        norm_byte(t, s[0], first);
        return NE_OK;
    }
    char *r = norm_room(a, np, norm_size(n));
    if (!r) return NE_NOMEM;
    uint64_t up = 0, low = 0;
    for (size_t i = 0; i < n; i += 8) {
        size_t m = n - i < 8 ? n - i : 8;
        uint64_t w = 0, mask, u, l;
        if (avail - i >= 8) memcpy(&w, s + i, 8); /* fixed size: one load */
        else memcpy(&w, s + i, m);
        memcpy(&mask, byte_mask + 16 - m, 8); /* m bytes of 0xFF: the token's own */
        w &= mask;
        lower8(&w, &u, &l);
        memcpy(r + i, &w, 8);
        up |= u;
        low |= l;
    }
    nul_pad(r, n);
    t->norm = r;
    t->norm_len = (uint16_t)(n > 0xFFFF ? 0xFFFF : n);
    if (first == C_LETTER) t->shape = word_shape(up != 0, low != 0, is_upper(s[0]));
    else if (first == C_APOS) t->shape = low ? NE_SH_LOWER : NE_SH_QUOTE; /* 's 're */
    else t->shape = punct_shape(first);
    return NE_OK;
}

/* Shape of a non-ASCII token. */
static uint8_t shape_utf8(const char *s, size_t n, enum cclass first) {
    if (first == C_APOS) /* a clitic after a curly apostrophe: 's 'll 'd 're 've 'm, as norm_ascii has them */
        return (n > 1 && ((s[n - 1] | 32) == 's' || (s[n - 1] >= 'a' && s[n - 1] <= 'z'))) ? NE_SH_LOWER : NE_SH_QUOTE;
    if (first != C_LETTER) return punct_shape(first);
    size_t up = 0, low = 0;
    int first_up = -1;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += decode(s + i, n - i, &cp);
        int u = utf8proc_isupper(cp), l = !u && utf8proc_islower(cp);
        if (!u && !l) continue;
        up += (size_t)u;
        low += (size_t)l;
        if (first_up < 0) first_up = u;
    }
    return word_shape(up, low, first_up == 1);
}

/* Fold quote, apostrophe and dash code points to ASCII ("..." for the ellipsis),
** and so a mark mis-decoded as Windows-1252 (mojibake_mark) inside a token. */
static size_t fold_punct(const char *s, size_t n, char *out) {
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = 0;
        enum cclass m = (unsigned char)s[i] == 0xC3 ? mojibake_mark(s, n, i, &k) : C_LETTER;
        if (m != C_LETTER) { /* a mis-decoded mark inside a token: "â€™s" is "'s" */
            out[w++] = m == C_APOS ? '\'' : m == C_QUOTE ? '"' : '-';
            i += k;
            continue;
        }
        k = decode(s + i, n - i, &cp);
        enum cclass c = cp < 0x80 ? (enum cclass)ascii_class[cp] : classify(cp);
        if (c == C_APOS) out[w++] = '\'';
        else if (c == C_QUOTE) out[w++] = '"';
        else if (c == C_DASH) out[w++] = '-';
        else if (cp == 0x2026) { memcpy(out + w, "...", 3); w += 3; }
        else { memcpy(out + w, s + i, k); w += k; }
        i += k;
    }
    return w;
}

#define NORM_STACK 256 /* code points decomposed on the stack; longer tokens use the arena */

/* Non-ASCII token: fold punctuation, then NFC + case fold with utf8proc
** into a stack buffer (no malloc); the result is copied into the arena. */
/* ---- the folded form of tokens of ASCII and two-byte letters, by table ----
** NFC(casefold(x)) of a string whose code points are all starters (combining
** class 0) that no composition takes as its second part is the concatenation
** of each code point's own form: reordering and composition never cross a
** starter, and below U+0800 no starter is a second part (those are Hangul
** jamo and a few Indic and Sinhala vowel signs, all above).  So the two-byte
** code points are folded once, by utf8proc, into fold2; a token of ASCII
** and table entries (most names with accents: 'São', 'Zürich') is folded by
** lookups. */
#define FOLD2_N 0x800
static struct {
    uint8_t len; /* 0: not in the table (a mark, or a form of more than 2 bytes) */
    char s[2];
} fold2[FOLD2_N];
static pthread_once_t fold2_once = PTHREAD_ONCE_INIT;

static void fold2_build(void) {
    const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    for (int32_t cp = 0x80; cp < FOLD2_N; cp++) {
        const utf8proc_property_t *pr = utf8proc_get_property(cp);
        if (pr->combining_class || pr->category == UTF8PROC_CATEGORY_MN || pr->category == UTF8PROC_CATEGORY_MC ||
            pr->category == UTF8PROC_CATEGORY_ME || pr->category == UTF8PROC_CATEGORY_CN)
            continue;
        utf8proc_uint8_t in[4];
        utf8proc_int32_t buf[16];
        utf8proc_ssize_t k = utf8proc_encode_char(cp, in);
        utf8proc_ssize_t m = utf8proc_decompose(in, k, buf, 16, opt);
        if (m < 1 || m > 16) continue;
        utf8proc_ssize_t len = utf8proc_reencode(buf, m, opt);
        if (len < 1 || len > 2) continue;
        int32_t out;
        utf8proc_iterate((const utf8proc_uint8_t *)buf, len, &out);
        if (utf8proc_get_property(out)->combining_class) continue;
        memcpy(fold2[cp].s, buf, (size_t)len);
        fold2[cp].len = (uint8_t)len;
    }
}

/* The folded form of [s, s+n) written over it when every code point is ASCII
** or in fold2 (no form is longer than its code point); its length, or
** SIZE_MAX (s untouched) when the token needs utf8proc. */
static size_t fold_table(char *s, size_t n) {
    pthread_once(&fold2_once, fold2_build);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { i++; continue; }
        if (c < 0xC2 || c > 0xDF || i + 1 == n || ((unsigned char)s[i + 1] & 0xC0) != 0x80) return SIZE_MAX;
        if (!fold2[(c & 0x1F) << 6 | ((unsigned char)s[i + 1] & 0x3F)].len) return SIZE_MAX;
        i += 2;
    }
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            s[w++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int cp = (c & 0x1F) << 6 | ((unsigned char)s[i + 1] & 0x3F);
        memcpy(s + w, fold2[cp].s, fold2[cp].len);
        w += fold2[cp].len;
        i += 2;
    }
    return w;
}

static int norm_utf8(ne_arena *a, ne_token *t, const char *s, size_t n, enum cclass first) {
    t->shape = shape_utf8(s, n, first);
    static const char marks[4][8] = {"\"", "-", "'", "..."}; /* NUL-padded, as every norm */
    const char *mark = first == C_QUOTE ? marks[0] : first == C_DASH ? marks[1]
                     : (first == C_APOS && (n <= 3 || mojibake_token(s, n))) ? marks[2]
                     : (first == C_PERIOD && n == 3) ? marks[3] : NULL;
    if (mark) { /* a single curly quote, dash or ellipsis: a static folded form */
        t->norm = mark;
        t->norm_len = (uint16_t)strlen(mark);
        return NE_OK;
    }
    char *tmp = neA_alloc(a, norm_size(n)); /* folding never grows: 3-byte marks become 1 byte, ellipsis 3 */
    if (!tmp) return NE_NOMEM;
    size_t w = fold_punct(s, n, tmp), fw = fold_table(tmp, w);
    if (fw != SIZE_MAX) {
        nul_pad(tmp, fw);
        t->norm = tmp;
        t->norm_len = (uint16_t)(fw > 0xFFFF ? 0xFFFF : fw);
        return NE_OK;
    }
    const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    utf8proc_int32_t stack[NORM_STACK], *buf = stack;
    utf8proc_ssize_t need = utf8proc_decompose((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)w, buf,
                                               NORM_STACK, opt);
    if (need > NORM_STACK) {
        buf = neA_alloc(a, (size_t)need * sizeof *buf);
        if (!buf) return NE_NOMEM;
        need = utf8proc_decompose((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)w, buf, need, opt);
    }
    utf8proc_ssize_t len = need >= 0 ? utf8proc_reencode(buf, need, opt) : -1;
    if (len < 0) { /* cannot happen on repaired UTF-8: keep the folded bytes */
        nul_pad(tmp, w);
        t->norm = tmp;
        t->norm_len = (uint16_t)(w > 0xFFFF ? 0xFFFF : w);
        return NE_OK;
    }
    char *r = (size_t)len <= n ? tmp : neA_alloc(a, norm_size((size_t)len));
    if (!r) return NE_NOMEM;
    memcpy(r, buf, (size_t)len);
    nul_pad(r, (size_t)len);
    t->norm = r;
    t->norm_len = (uint16_t)((size_t)len > 0xFFFF ? 0xFFFF : (size_t)len);
    return NE_OK;
}

/* *t as a new token [b, e) with flags: no actor, place or time expression yet. */
static inline ne_token *token_init(ne_token *t, size_t b, size_t e, uint8_t flags) {
    *t = (ne_token){.start = (uint32_t)b, .end = (uint32_t)e, .flags = flags, .actor = -1, .place = -1, .timex = -1};
    return t;
}

/* The token [b, e) with flags appended to v, which has room for it; its
** normalized form, lemma and shape are left to the caller. */
static inline ne_token *new_token(ne_vec *v, size_t b, size_t e, uint8_t flags) {
    return token_init(NE_VEC_AT(*v, ne_token, v->n++), b, e, flags);
}

/* Room for cap tokens in d->tokens, and for one hash more in d->nhash, which
** the tokenizer fills beside them: the ne_hash of each token's norm, which
** the later stages read (lemma.c on).  d->nhash has room for
** d->tokens.cap + 1 hashes whenever d->tokens has a capacity: only the
** tokenizer grows d->tokens, and a vector made again (neV_init) has none. */
static int tok_reserve(struct ne_doc *d, size_t cap) {
    size_t had = d->tokens.cap;
    if (neV_reserve(&d->arena, &d->tokens, cap)) return NE_NOMEM;
    if (d->tokens.cap == had) return NE_OK;
    uint32_t *h = neA_alloc(&d->arena, (d->tokens.cap + 1) * sizeof *h);
    if (!h) return NE_NOMEM;
    if (d->tokens.n) memcpy(h, d->nhash, d->tokens.n * sizeof *h);
    d->nhash = h; /* the old array stays in the arena until reset */
    return NE_OK;
}

/* Append the token [b, e); ascii: the caller knows it has only ASCII bytes. */
static int push_token(struct ne_doc *d, normpool *np, const char *s, size_t n, size_t b, size_t e,
                      enum cclass first, uint8_t flags, int ascii) {
    ne_vec *v = &d->tokens;
    if (v->n == v->cap && tok_reserve(d, v->cap * 2 + 64)) return NE_NOMEM;
    ne_token *t = new_token(v, b, e, flags);
    if (ascii && (unsigned char)s[b] >= 0x80) ascii = 0; /* a stray invalid byte (raw dictionary text) */
    int rc = ascii ? norm_ascii(&d->arena, np, t, s + b, e - b, n - b, first) : norm_utf8(&d->arena, t, s + b, e - b, first);
    if (rc) return rc;
    t->lemma = t->norm;
    if (ne_may_end(t->shape, t->flags, t->norm[0])) t->flags |= NE_TF_MAY_END;
    d->nhash[v->n - 1] = ne_hash(t->norm, t->norm_len);
    return NE_OK;
}

/* ---- word boundaries ---- */

/* Length of the ASCII letters at j (0 when a non-ASCII letter follows). */
static size_t ascii_letters(const char *s, size_t n, size_t j) {
    size_t k = 0;
    while (j + k < n && is_alpha(s[j + k])) k++;
    return (j + k < n && (unsigned char)s[j + k] >= 0x80) ? 0 : k;
}

/* Does a clitic ('s 'd 'm 're 'll 've) start at j, just after an apostrophe?
** Those split off; O'Brien and "n't" (split later) stay joined. */
static int clitic_after(const char *s, size_t n, size_t j, size_t apos) {
    size_t k = ascii_letters(s, n, j);
    if (k == 0 || k > 2) return 0;
    char a = (char)(s[j] | 32), b = k == 2 ? (char)(s[j + 1] | 32) : 0;
    if (k == 1 && a == 't' && apos > 0 && (s[apos - 1] | 32) == 'n') return 0;
    if (k == 1) return a == 's' || a == 'd' || a == 'm';
    return (a == 'r' && b == 'e') || (a == 'l' && b == 'l') || (a == 'v' && b == 'e');
}

#define HIGH (ONES * 0x80)
/* 0x80 in each byte of x that is an ASCII letter (*alpha) or digit (*digit);
** bytes are taken as 7-bit values first, so no addition carries into the
** next byte. */
static inline void classes8(uint64_t x, uint64_t *alpha, uint64_t *digit) {
    uint64_t y = x & ~HIGH, z = y | (ONES * 0x20);
    *digit = ((y + ONES * (0x80 - '0')) & ~(y + ONES * (0x80 - '9' - 1))) & HIGH & ~(x & HIGH);
    *alpha = ((z + ONES * (0x80 - 'a')) & ~(z + ONES * (0x80 - 'z' - 1))) & HIGH & ~(x & HIGH);
}

/* 0x80 in each byte of x that is an ASCII letter or digit. */
static inline uint64_t word_bytes8(uint64_t x) {
    uint64_t alpha, digit;
    classes8(x, &alpha, &digit);
    return alpha | digit;
}

/* End of the run of ASCII letters and digits at i: eight bytes at a time
** where the byte order allows it. */
static inline size_t word_run(const char *s, size_t n, size_t i) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (i + 8 <= n) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t stop = ~word_bytes8(x) & HIGH;
        if (stop) return i + ((size_t)__builtin_ctzll(stop) >> 3);
        i += 8;
    }
#endif
    while (i < n && word_byte[(unsigned char)s[i]]) i++;
    return i;
}

/* End of a word starting at i: letters and digits, joined by an apostrophe
** (O'Brien, don't), and by ',' or '.' between digits in a number (1,000.5).
** Hyphens and slashes split. */
static size_t word_end(const char *s, size_t n, size_t i, enum cclass first, int *ascii, int *apos) {
    *ascii = 1;
    *apos = 0;
    for (;;) {
        i = word_run(s, n, i);
        size_t k, k2;
        enum cclass c = class_at(s, n, i, &k);
        if (c == C_LETTER || c == C_DIGIT) { *ascii &= k == 1; i += k; continue; }
        if (c == C_SPACE || c == C_NEWLINE || c == C_DASH) return i;
        enum cclass next = class_at(s, n, i + k, &k2);
        if (c == C_APOS && next == C_LETTER && !clitic_after(s, n, i + k, i)) {
            *ascii &= k == 1;
            *apos = 1;
            i += k;
            continue;
        }
        if ((s[i] == '.' || s[i] == ',') && first == C_DIGIT && next == C_DIGIT) { i += 1; continue; }
        return i;
    }
}

/* Initialism at b: (letters '.')+ with at least two groups, the groups single
** letters (U.S., a.m.) or the whole thing listed (Ph.D.).  Returns its end. */
static size_t initialism_end(const struct ne_engine *e, const char *s, size_t n, size_t b) {
    size_t j = b, groups = 0, longest = 0;
    while (j < n && is_alpha(s[j])) {
        size_t g = 0;
        while (j + g < n && is_alpha(s[j + g])) g++;
        if (j + g >= n || s[j + g] != '.') break;
        if (g > longest) longest = g;
        j += g + 1;
        groups++;
    }
    if (groups < 2) return 0;
    if (longest == 1) return j;
    return (j - b <= 16 && neSent_abbrev(e, s + b, j - b - 1) != 0) ? j : 0;
}

/* Does a digit follow after spaces at j? */
static int digit_follows(const char *s, size_t n, size_t j) {
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    return j < n && is_digit(s[j]);
}

/* A word [b, end) followed by '.': the end of the token when the period
** belongs to it (initialism, single capital initial, listed abbreviation), else 0. */
static size_t abbrev_end(const struct ne_engine *e, const char *s, size_t n, size_t b, size_t end) {
    if (end + 1 < n && is_alpha(s[end + 1])) {
        size_t ie = initialism_end(e, s, n, b);
        if (ie) return ie;
    }
    if (end - b == 1 && is_upper(s[b])) return end + 1;
    if (end - b > 16) return 0;
    int kind = neSent_abbrev(e, s + b, end - b);
    if (kind == 0 || (kind == 3 && !digit_follows(s, n, end + 1))) return 0;
    return end + 1;
}

/* Length of a "n't" clitic at the end of word [b, e) (straight or curly), or 0. */
static size_t clitic_len(const char *s, size_t b, size_t e) {
    if (e - b > 3 && (s[e - 3] | 32) == 'n' && s[e - 2] == '\'' && (s[e - 1] | 32) == 't') return 3;
    if (e - b > 5 && (s[e - 5] | 32) == 'n' && memcmp(s + e - 4, "\xE2\x80\x99", 3) == 0 && (s[e - 1] | 32) == 't')
        return 5;
    return 0;
}

/* Quote marks: opening when nothing precedes them or whitespace/opening
** punctuation does, closing when glued to what precedes. */
static uint8_t quote_flags(const char *s, size_t n, size_t b, size_t end, uint8_t flags) {
    size_t k;
    int before_space = b == 0 || (flags & NE_TF_SPACE_BEFORE) || s[b - 1] == '(' || s[b - 1] == '[';
    enum cclass after = class_at(s, n, end, &k);
    int after_space = after == C_SPACE || after == C_NEWLINE;
    if (before_space && !after_space) return NE_TF_QUOTE_OPEN;
    if (!before_space) return NE_TF_QUOTE_CLOSE;
    return 0;
}

/* ---- the segment scanner ---- */

typedef struct scan {
    struct ne_doc *d;
    const struct ne_engine *e;
    const char *s;
    size_t n;
    uint8_t flags;       /* for the next token */
    int newlines;        /* line breaks since the last token */
    int line_start;      /* no token yet on this line */
    unsigned indent;     /* columns of indentation of this line so far */
    unsigned prev_indent; /* indentation of the last line that had a token */
    int indent_para;      /* that line started a paragraph by its indentation */
    size_t plain_end;     /* plain tokens start before it: seventeen bytes are readable from each */
    normpool np;          /* where ASCII normalized forms go */
} scan;

/* Whitespace at i (a run of spaces, a line break or another space character):
** updates flags, line breaks and indentation; returns its length. */
static size_t scan_space(scan *sc, size_t i, enum cclass c, size_t k) {
    sc->flags |= NE_TF_SPACE_BEFORE;
    if (c == C_NEWLINE) {
        int para = sc->s[i] == '\f' || (k == 3 && (unsigned char)sc->s[i + 2] == 0xA9); /* U+2029 */
        sc->newlines += para ? 2 : 1;
        sc->flags |= NE_TF_NEWLINE;
        if (sc->newlines >= 2) sc->flags |= NE_TF_PARA_START;
        sc->line_start = 1;
        sc->indent = 0;
    } else if (sc->s[i] == ' ') { /* a run of spaces at once: indentation is mostly that */
        size_t j = i + 1;
        while (j < sc->n && sc->s[j] == ' ') j++;
        if (sc->line_start) sc->indent += (unsigned)(j - i);
        return j - i;
    } else if (sc->line_start && sc->s[i] != '\r') {
        sc->indent += sc->s[i] == '\t' ? 4 : 1;
    }
    return k;
}

/* A line indented deeper than the line before starts a paragraph (wire copy
** indents paragraphs and hard-wraps the lines inside them); so does a line
** indented like the one before when that one started a paragraph this way and
** this one starts with a capital or a digit (rows of a table). */
static void scan_line_start(scan *sc, size_t i, int first_token) {
    int para = 0;
    if (!first_token && (sc->flags & NE_TF_NEWLINE) && sc->indent >= 2) {
        char c = sc->s[i];
        para = sc->indent > sc->prev_indent ||
               (sc->indent == sc->prev_indent && sc->indent_para && (is_upper(c) || is_digit(c)));
    }
    if (para) sc->flags |= NE_TF_PARA_START;
    sc->indent_para = para;
    sc->prev_indent = sc->indent;
    sc->line_start = 0;
}

/* A line break '\n' at i just after a token (sc->newlines 0), then spaces
** and a token: takes them as the scanner's loop does (scan_space: one line
** break, the spaces its indentation; scan_line_start) without its turns,
** and returns where that token starts; i (nothing taken) when another
** space, line break or the segment's end follows instead: the loop's count
** of line breaks (a blank line starts a paragraph) is left to it.  Wire copy
** hard-wraps its lines: most line breaks come so. */
static size_t line_break(scan *sc, size_t i) {
    const char *s = sc->s;
    size_t j = i + 1;
    while (j < sc->n && s[j] == ' ') j++;
    if (j >= sc->n || (unsigned char)s[j] >= 0x80) return i;
    enum cclass c = (enum cclass)ascii_class[(unsigned char)s[j]];
    if (c == C_SPACE || c == C_NEWLINE) return i;
    sc->flags |= NE_TF_SPACE_BEFORE | NE_TF_NEWLINE;
    sc->newlines = 1;
    sc->indent = (unsigned)(j - i - 1);
    scan_line_start(sc, j, 0);
    return j;
}

/* A word or number at i; pushes it (and a split-off "n't"); returns its end. */
static int scan_word(scan *sc, size_t i, enum cclass c, size_t *out_end) {
    const char *s = sc->s;
    int ascii, apos;
    size_t n = sc->n, b = i, end = word_end(s, n, i, c, &ascii, &apos);
    uint8_t flags = sc->flags;
    if (c == C_LETTER && end < n && s[end] == '.') {
        size_t ae = abbrev_end(sc->e, s, n, b, end);
        if (ae) {
            end = ae;
            flags |= NE_TF_ABBREV;
        }
    }
    size_t cl = (apos && !(flags & NE_TF_ABBREV)) ? clitic_len(s, b, end) : 0;
    if (cl) {
        if (push_token(sc->d, &sc->np, s, n, b, end - cl, c, flags, ascii && cl == 3)) return NE_NOMEM;
        flags = 0;
        b = end - cl;
    }
    *out_end = end;
    return push_token(sc->d, &sc->np, s, n, b, end, c, flags, ascii && cl != 5);
}

/* How a word of ASCII letters and digits may end at byte b without the
** general scanner (plain_ends[b]): PE_NO when a non-ASCII letter may
** continue it or an apostrophe join a clitic to it (word_end), PE_YES at a
** space, a hyphen, a NUL ... , PE_PERIOD and PE_COMMA when what follows
** decides (plain_word_end).  By table: the byte after a word is a space, a
** comma, a period ... in no order a branch learns. */
enum { PE_NO, PE_YES, PE_PERIOD, PE_COMMA };
#define PLAIN_END(b) ((b) == '\'' || (b) == '`' ? PE_NO : (b) == '.' ? PE_PERIOD : (b) == ',' ? PE_COMMA : PE_YES)
static const uint8_t plain_ends[256] = {EACH128(PLAIN_END)}; /* non-ASCII: PE_NO */
#undef PLAIN_END

/* NE_TF_MAY_END of a plain token of one byte b (ne_may_end): '"' is a
** quote, which may end; a letter or a digit is a word, and a dash, which end
** none; other punctuation is its own norm (byte_norm). */
#define PLAIN_MAY_END(b) ((b) == '"' || NE_END_MARK(b) ? NE_TF_MAY_END : 0)
static const uint8_t plain_may_end[256] = {EACH128(PLAIN_MAY_END)};
#undef PLAIN_MAY_END

/* Does the word [s, s+len) of ASCII letters and digits, whose first
** character is of class c, end at s[len] as scan_word would end it, with no
** period joined to it: a number takes a '.' or ',' before a digit ("2.5",
** "1,000": word_end), a word a '.' of an initialism, a single capital's
** initial or a listed abbreviation (abbrev_end)?  Reads s[len + 1] only
** when len < 15 (the sixteen bytes plain_word reads): a longer word before
** a period or comma is left to the general scanner. */
static inline int plain_word_end(const struct ne_engine *e, const char *s, size_t len, enum cclass c) {
    int k = plain_ends[(unsigned char)s[len]];
    if (k != PE_PERIOD && k != PE_COMMA) return k;
    if (len >= 15) return 0;
    unsigned char next = (unsigned char)s[len + 1];
    if (c == C_DIGIT) return next < 0x80 && !is_digit((char)next);
    if (k == PE_COMMA) return 1;
    return !is_alpha((char)next) && !(len == 1 && is_upper(s[0])) && neSent_abbrev(e, s, len) == 0;
}

/* The shape of a plain word (word_shape, norm_ascii) whose first character
** is of class c, from its upper- and lower-case letters: up and low are
** nonzero when it has some, bit 0 of up is its first.  A word that starts
** with a capital is CAP or UPPER by whether it has a lower-case letter, one
** that starts with a small letter LOWER or MIXED by whether it has a capital. */
static inline uint8_t plain_shape(unsigned up, unsigned low, enum cclass c) {
    static const uint8_t shapes[2][2] = {{NE_SH_LOWER, NE_SH_MIXED}, {NE_SH_UPPER, NE_SH_CAP}};
    if (c == C_DIGIT) return NE_SH_NUM;
    unsigned first_up = up & 1;
    return shapes[first_up][(first_up ? low : up) != 0];
}

#ifdef __SSE2__
/* 0xFF in each byte of x from lo to lo + n - 1 (a signed compare after
** moving lo to -128). */
static inline __m128i bytes_in16(__m128i x, char lo, int n) {
    return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - lo))), _mm_set1_epi8((char)(0x80 + n)));
}
#endif

/* A plain word at s, which starts with an ASCII letter or digit of class c
** and has sixteen bytes readable: at most fifteen letters and digits (a
** number also its '.' and ',' between digits, with SSE2) that end where
** plain_word_end says.  Returns its length (0: not such a word,
** for the general scanner) with its normalized form in w[0..2) (its bytes
** lowercased, then zeros: its NUL) and its shape in *shape: one load of
** sixteen (SSE2, every x86-64) or two of eight give all of it.  sc: the
** scanner, whose engine plain_word_end reads (seldom: not kept in a register). */
static inline __attribute__((always_inline)) size_t plain_word(const scan *sc, const char *s, enum cclass c,
                                                               uint64_t w[2], uint8_t *shape) {
#ifdef __SSE2__
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i upper = bytes_in16(x, 'A', 26), lower = bytes_in16(x, 'a', 26);
    unsigned word = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(upper, lower), bytes_in16(x, '0', 10)));
    unsigned stop = ~word & 0xFFFF;
    if (!stop) return 0;
    size_t len = (size_t)__builtin_ctz(stop); /* >= 1: s[0] is a letter or digit */
    while (c == C_DIGIT && len < 14 && (s[len] == '.' || s[len] == ',') && is_digit(s[len + 1])) {
        stop &= ~((2u << len) - 1); /* a number's separator before a digit ("2.5", "1,000"): word_end's */
        if (!stop) return 0;
        len = (size_t)__builtin_ctz(stop);
    }
    if (!plain_word_end(sc->e, s, len, c)) return 0;
    unsigned own = (1u << len) - 1, up = (unsigned)_mm_movemask_epi8(upper) & own;
    unsigned low = (unsigned)_mm_movemask_epi8(lower) & own;
    *shape = plain_shape(up, low, c);
    __m128i keep = _mm_loadu_si128((const __m128i *)(const void *)(byte_mask + 16 - len));
    x = _mm_and_si128(_mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20))), keep);
    memcpy(w, &x, 16);
    return len;
#else
    uint64_t x, x2 = 0, mask, alpha, alpha2 = 0, digit;
    memcpy(&x, s, 8);
    classes8(x, &alpha, &digit);
    uint64_t stop = ~(alpha | digit) & HIGH;
    size_t len;
    if (stop) {
        len = (size_t)__builtin_ctzll(stop) >> 3; /* >= 1: s[0] is a letter or digit */
        memcpy(&mask, byte_mask + 16 - len, 8);   /* the word's bytes */
        x &= mask;
        alpha &= mask;
    } else { /* eight bytes or more: the second eight */
        memcpy(&x2, s + 8, 8);
        classes8(x2, &alpha2, &digit);
        stop = ~(alpha2 | digit) & HIGH;
        if (!stop) return 0;
        len = 8 + ((size_t)__builtin_ctzll(stop) >> 3);
        memcpy(&mask, byte_mask + 24 - len, 8); /* the word's bytes of the second eight */
        x2 &= mask;
        alpha2 &= mask;
    }
    if (!plain_word_end(sc->e, s, len, c)) return 0;
    /* bit 5 (0x20) clear in a letter: upper case */
    uint64_t up1 = alpha & ~(x << 2), up2 = alpha2 & ~(x2 << 2);
    w[0] = x | (up1 >> 2);
    w[1] = x2 | (up2 >> 2);
    unsigned up = (up1 | up2) != 0 ? 1u << !(up1 & 0x80) : 0; /* bit 0: the first byte */
    unsigned low = ((alpha & (x << 2)) | (alpha2 & (x2 << 2))) != 0;
    *shape = plain_shape(up, low, c);
    return len;
#endif
}

/* The plain token [i, i + len) of normalized form norm (also its lemma),
** shape and flags into *t: token_init's token in four stores, its fields
** packed as they lie in little-endian order (scan_plain_tokens). */
_Static_assert(offsetof(ne_token, end) == 4 && offsetof(ne_token, lemma) == 16 && offsetof(ne_token, norm_len) == 24 &&
                   offsetof(ne_token, shape) == 26 && offsetof(ne_token, flags) == 27 &&
                   offsetof(ne_token, sent) == 28 && offsetof(ne_token, actor) == 32 &&
                   offsetof(ne_token, place) == 36 && offsetof(ne_token, timex) == 40 &&
                   offsetof(ne_token, tags) == 44,
               "plain_token's layout of ne_token");
static inline __attribute__((always_inline)) void plain_token(ne_token *t, size_t i, size_t len, const char *norm,
                                                              uint8_t shape, uint8_t flags) {
    static const int32_t none[4] = {-1, -1, -1, 0}; /* actor, place, timex; tags */
    uint64_t span = (uint32_t)i | (uint64_t)(uint32_t)(i + len) << 32; /* start, end */
    uint64_t kind = len | (uint64_t)shape << 16 | (uint64_t)flags << 24; /* norm_len, shape, flags; sent 0 */
    memcpy((char *)t + offsetof(ne_token, start), &span, 8);
    t->norm = t->lemma = norm;
    memcpy((char *)t + offsetof(ne_token, norm_len), &kind, 8);
    memcpy((char *)t + offsetof(ne_token, actor), none, 16);
}

/* Append the plain tokens at i and after it, each followed by at most one
** space, with the scanner's state in locals: plain words (plain_word) and
** one-byte ASCII punctuation other than apostrophes and the periods of "..."
** (a '"' with its quote_flags).  A line break after a token is taken by line_break.  Stops
** before the first token that is not one (at a line break that line_break
** leaves to the scanner's loop too), at sc->plain_end, or when the token
** vector or the pool of norms (plain_room) is full.  *at: where it stopped
** (unchanged: no token taken); sc->flags then holds the next token's flags.
** The tokens are the ones scan_word and scan_other would make.  Returns
** NE_OK or NE_NOMEM. */
static int scan_plain_tokens(scan *sc, size_t *at) {
    size_t i = *at;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const char *s = sc->s;
    ne_vec *v = &sc->d->tokens;
    ne_token *t = (ne_token *)v->items + v->n;
    uint32_t *nh = sc->d->nhash + v->n; /* room for v->cap: tok_reserve */
    char *const pool = plain_room(&sc->d->arena, &sc->np), *r = pool;
    if (!pool) return NE_NOMEM;
    uint8_t flags = sc->flags;
    /* every token takes a byte or more of the text: no more tokens than bytes
    ** before stop, and no more than four bytes of norms per byte (plain_room) */
    size_t stop = sc->plain_end, room = i + (size_t)((ne_token *)v->items + v->cap - t);
    if (room < stop) stop = room;
    if ((room = i + (sc->np.left - PLAIN_SLACK) / 4) < stop) stop = room;
    while (i < stop) {
        unsigned char b = (unsigned char)s[i];
        size_t len = 1;
        uint64_t w[2] = {b, 0};
        uint8_t shape = NE_SH_PUNCT;
        enum cclass c = (enum cclass)ascii_class[b]; /* non-ASCII: C_SPACE, not plain */
        uint8_t tflags = flags;
        if (c == C_LETTER || c == C_DIGIT) len = plain_word(sc, s + i, c, w, &shape);
        else if (c == C_DASH) shape = NE_SH_DASH;
        else if (c == C_QUOTE) shape = NE_SH_QUOTE, tflags |= quote_flags(s, sc->n, i, i + 1, flags); /* '"' */
        else if (!(c == C_PUNCT || (c == C_PERIOD && s[i + 1] != '.'))) break;
        if (!len) break;
        const char *norm = byte_norm[b & 0x7F]; /* one byte: its static form (norm_byte) */
        if (len > 1) {
            memcpy(r, w, 16); /* w[1] is zero when it takes eight: the pool's slack (plain_room) */
            norm = r;
            r += 8 + (len & 8); /* len < 16: 8 bytes, 16 from 8 on, NUL-padded */
        } else {
            tflags |= plain_may_end[b]; /* a word longer than one byte ends none */
        }
        plain_token(t++, i, len, norm, shape, tflags);
        *nh++ = ne_hash_16(w[0], w[1], len);
        i += len;
        int space = s[i] == ' '; /* the space after a token, without a turn of the scanner's loop */
        flags = (uint8_t)(space * NE_TF_SPACE_BEFORE);
        i += (size_t)space;
        if (s[i] == '\n') { /* most line breaks: hard-wrapped lines; i < sc->n or s[i] a NUL (plain_end) */
            sc->flags = flags;
            sc->newlines = 0;
            size_t j = line_break(sc, i);
            if (j == i) break;
            flags = sc->flags;
            i = j;
        }
    }
    v->n = (size_t)(t - (ne_token *)v->items);
    sc->np.p = r;
    sc->np.left -= (size_t)(r - pool);
    sc->flags = flags;
#else
    (void)sc;
#endif
    *at = i;
    return NE_OK;
}

/* Any other token at i; returns its end through *out_end. */
static int scan_other(scan *sc, size_t i, enum cclass c, size_t k, size_t *out_end) {
    const char *s = sc->s;
    size_t n = sc->n, end = i + k, k2;
    uint8_t flags = sc->flags;
    if (c == C_APOS && class_at(s, n, i + k, &k2) == C_LETTER && i > 0 && !(flags & NE_TF_SPACE_BEFORE) &&
        clitic_after(s, n, i + k, i)) {
        end = i + k + ascii_letters(s, n, i + k); /* 's 're 'll ... */
    } else if (c == C_QUOTE || c == C_APOS) {
        flags |= quote_flags(s, n, i, end, flags);
    } else if (c == C_PERIOD && k == 1) {
        while (end < n && s[end] == '.') end++; /* "..." is one token */
    }
    *out_end = end;
    return push_token(sc->d, &sc->np, s, n, i, end, c, flags, k == 1);
}

/* Tokenize segment seg; tokens are appended to d->tokens. */
int neTok_segment(struct ne_doc *d, const struct ne_engine *e, int seg) {
    scan sc = {.d = d, .e = e, .s = d->seg[seg], .n = d->seg_len[seg], .flags = NE_TF_PARA_START, .line_start = 1};
    sc.plain_end = d->seg_padded ? sc.n : sc.n > 16 ? sc.n - 16 : 0; /* past the text: its NULs (NE_SEG_PAD) */
    size_t i = 0, k, first = d->tokens.n;
    if (tok_reserve(d, d->tokens.n + sc.n / 5 + 16)) return NE_NOMEM;
    while (i < sc.n) {
        enum cclass c = class_at(sc.s, sc.n, i, &k);
        if (c == C_SPACE || c == C_NEWLINE) {
            i += scan_space(&sc, i, c, k);
            continue;
        }
        if (sc.line_start) scan_line_start(&sc, i, d->tokens.n == first);
        size_t end;
        int rc;
        size_t j = i;
        if (k == 1 && (rc = scan_plain_tokens(&sc, &j))) return rc;
        if (j != i) { /* plain tokens taken; sc.flags is the next token's */
            sc.newlines = 0;
            i = j < sc.n && sc.s[j] == '\n' ? line_break(&sc, j) : j;
            continue;
        }
        if (c == C_LETTER || c == C_DIGIT) rc = scan_word(&sc, i, c, &end);
        else rc = scan_other(&sc, i, c, k, &end);
        if (rc) return rc;
        sc.flags = 0;
        sc.newlines = 0;
        i = end;
        if (i < sc.n && sc.s[i] == ' ') { /* the space after a token, without a turn of the loop */
            sc.flags = NE_TF_SPACE_BEFORE;
            i++;
        }
    }
    return NE_OK;
}
