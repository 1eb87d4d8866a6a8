/* json_put.h: the JSON writer's raw puts (json_write.c), inline so that
** output.c's fast paths and the writer run them without a call each. */
#ifndef NE_JSON_PUT_H
#define NE_JSON_PUT_H

#include "neInt.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* 1 for bytes that need escaping inside a JSON string. */
static inline int neJ_needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

#ifdef __SSE2__
/* A 1 bit (bit i for byte i) for each byte of x that neJ_needs_escape:
** seven vector operations for sixteen bytes (ne_json_escape_lanes takes
** about fourteen for eight).  Bytes from 0x80 (UTF-8) are not marked. */
static inline unsigned neJ_escape_mask16(__m128i x) {
    __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x); /* x <= 0x1f, unsigned */
    __m128i qb = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(ctl, qb));
}
#endif

/* Whether a byte of the eight-byte words lo and hi needs escaping: one
** vector test where there is SSE2. */
static inline int neJ_escape_in(uint64_t lo, uint64_t hi) {
#ifdef __SSE2__
    return neJ_escape_mask16(_mm_set_epi64x((long long)hi, (long long)lo)) != 0;
#else
    return (ne_json_escape_lanes(lo) | ne_json_escape_lanes(hi)) != 0;
#endif
}

/* Writing straight into a buffer whose room the caller has checked (output.c's
** fast paths): "s" (n bytes, at most n + 2 written) when s needs no escaping,
** returning the end (NULL when it does: nothing usable written); the decimal
** digits of v (at most 20 bytes), returning the end. */
static inline char *neJ_put_str(char *w, const char *s, size_t n) {
    *w++ = '"';
    if (n >= 16) { /* whole pieces; the last one overlaps the one before rather than run past s */
#ifdef __SSE2__
        __m128i x;
        for (size_t i = 0; n - i > 16; i += 16) {
            x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            if (neJ_escape_mask16(x)) return NULL;
            _mm_storeu_si128((__m128i *)(void *)(w + i), x);
        }
        x = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
        if (neJ_escape_mask16(x)) return NULL;
        _mm_storeu_si128((__m128i *)(void *)(w + n - 16), x);
#else
        uint64_t x;
        for (size_t i = 0; n - i > 8; i += 8) {
            memcpy(&x, s + i, 8);
            if (ne_json_escape_lanes(x)) return NULL;
            memcpy(w + i, &x, 8);
        }
        memcpy(&x, s + n - 8, 8);
        if (ne_json_escape_lanes(x)) return NULL;
        memcpy(w + n - 8, &x, 8);
#endif
    } else if (n >= 8) { /* the first and the last eight bytes, tested as one */
        uint64_t lo, hi;
        memcpy(&lo, s, 8);
        memcpy(&hi, s + n - 8, 8);
        if (neJ_escape_in(lo, hi)) return NULL;
        memcpy(w, &lo, 8);
        memcpy(w + n - 8, &hi, 8);
    } else if (n >= 4) { /* the first and the last four bytes, tested as one word */
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        uint64_t x = (uint64_t)lo | (uint64_t)hi << 32;
        if (neJ_escape_in(x, x)) return NULL;
        memcpy(w, &lo, 4);
        memcpy(w + n - 4, &hi, 4);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (neJ_needs_escape((unsigned char)s[i])) return NULL;
            w[i] = s[i];
        }
    }
    w[n] = '"';
    return w + n + 1;
}

/* neJ_put_str for a string that ends at s[n] (its NUL): a value of three
** bytes (an actor's code, country or role: "IND", "GOV") is tested as one
** word and copied with its NUL, which the closing quote then covers. */
static inline char *neJ_put_cstr(char *w, const char *s, size_t n) {
    if (n != 3 || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) return neJ_put_str(w, s, n);
    uint32_t x;
    memcpy(&x, s, 4);
    uint64_t t = (x & 0xffffffu) | 0x41000000u; /* 'A' for the NUL (lane 3): no escape */
    t |= t << 32;
    if (neJ_escape_in(t, t)) return NULL;
    *w = '"';
    memcpy(w + 1, &x, 4);
    w[4] = '"';
    return w + 5;
}

/* "s" (n bytes) escaped at w, which has room for 6 * n + 2 bytes (an escape
** takes at most six): returns the end.  For a string neJ_put_str left
** (json_write.c). */
#define NE_ESCAPED_ROOM(n) (6 * (n) + 2)
char *neJ_put_str_escaped(char *w, const char *s, size_t n);

/* v as neJ_num writes it ("%.1f" for whole numbers, else "%.4g"; null when
** not finite) at w, which has room for NE_NUM_ROOM bytes: returns the end. */
#define NE_NUM_ROOM 32
char *neJ_put_num(char *w, double v);

static inline char *neJ_put_int(char *w, long long v) {
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    unsigned long long u = (unsigned long long)v;
    if (v < 0) {
        *w++ = '-';
        u = 0ull - u;
    }
    if (u < 100) { /* sentence numbers, references */
        if (u < 10) {
            *w = (char)('0' + u);
            return w + 1;
        }
        memcpy(w, pairs + 2 * u, 2);
        return w + 2;
    }
    if (u < 10000) { /* most byte positions */
        unsigned hi = (unsigned)u / 100, lo = (unsigned)u % 100;
        if (hi < 10) *w++ = (char)('0' + hi);
        else memcpy(w, pairs + 2 * hi, 2), w += 2;
        memcpy(w, pairs + 2 * lo, 2);
        return w + 2;
    }
    size_t nd = 1; /* digits: counted first, then written from the last, two at a time */
    for (unsigned long long p = 10; nd < 20 && u >= p; p *= 10) nd++;
    char *e = w + nd;
    for (; u >= 100; u /= 100) memcpy(e -= 2, pairs + 2 * (u % 100), 2);
    if (u >= 10) memcpy(e - 2, pairs + 2 * u, 2);
    else e[-1] = (char)('0' + u);
    return w + nd;
}

#endif
