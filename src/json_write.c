/* json_write.c: the hand-written JSON writer for the output hot path.
** Escapes per RFC 8259; input strings are valid UTF-8 (text.c repaired them). */
#include "neInt.h"
#include "json_put.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char hexd[] = "0123456789abcdef";

/* The escape of byte c (one that neJ_needs_escape) at w: backslash and n
** for a newline, \u001f for another control byte (at most 6 bytes);
** returns the end. */
static char *put_escape_at(char *w, unsigned char c) {
    *w = '\\';
    switch (c) {
    case '"': w[1] = '"'; break;
    case '\\': w[1] = '\\'; break;
    case '\n': w[1] = 'n'; break;
    case '\r': w[1] = 'r'; break;
    case '\t': w[1] = 't'; break;
    case '\b': w[1] = 'b'; break;
    case '\f': w[1] = 'f'; break;
    default:
        memcpy(w, "\\u00", 4);
        w[4] = hexd[c >> 4];
        w[5] = hexd[c & 15];
        return w + 6;
    }
    return w + 2;
}

static void put_escape(ne_buf *b, unsigned char c) {
    char e[6];
    neB_add(b, e, (size_t)(put_escape_at(e, c) - e));
}

/* Index of the first byte of s[i, n) that needs escaping, n when none;
** eight bytes at a time where it can. */
static size_t next_escape(const char *s, size_t i, size_t n) {
    for (; __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && n - i >= 8; i += 8) {
        uint64_t x, m;
        memcpy(&x, s + i, 8);
        if ((m = ne_json_escape_lanes(x))) return i + (size_t)(__builtin_ctzll(m) >> 3);
    }
    while (i < n && !neJ_needs_escape((unsigned char)s[i])) i++;
    return i;
}

char *neJ_put_str_escaped(char *w, const char *s, size_t n) {
    *w++ = '"';
    size_t run = 0;
    for (size_t i = 0; (i = next_escape(s, i, n)) < n; i++) {
        memcpy(w, s + run, i - run);
        w = put_escape_at(w + (i - run), (unsigned char)s[i]);
        run = i + 1;
    }
    memcpy(w, s + run, n - run);
    w += n - run;
    *w++ = '"';
    return w;
}

/* The common case of neJ_str: s needs no escaping and "s" fits in b as it
** is (with room to spare).  Returns 0 (b unchanged) otherwise. */
static int str_plain(ne_buf *b, const char *s, size_t n) {
    char *w = neB_room(b, n + 16), *e = w ? neJ_put_str(w, s, n) : NULL;
    if (e) neB_end(b, e);
    return e != NULL;
}

void neJ_str(ne_buf *b, const char *s, size_t n) {
    if (str_plain(b, s, n)) return;
    char *w = neB_room(b, NE_ESCAPED_ROOM(n)); /* escaped in place; else piece by piece, b growing */
    if (w) {
        neB_end(b, neJ_put_str_escaped(w, s, n));
        return;
    }
    neB_addc(b, '"');
    size_t run = 0;
    for (size_t i = 0; (i = next_escape(s, i, n)) < n; i++) {
        unsigned char c = (unsigned char)s[i];
        neB_add(b, s + run, i - run);
        put_escape(b, c);
        run = i + 1;
    }
    neB_add(b, s + run, n - run);
    neB_addc(b, '"');
}

void neJ_cstr(ne_buf *b, const char *s) {
    if (!s) neB_add(b, "null", 4);
    else neJ_str(b, s, strlen(s));
}

void neJ_key(ne_buf *b, const char *k) {
    neB_addc(b, '"');
    neB_adds(b, k);
    neB_add(b, "\":", 2);
}

/* Decimal digits of v (what printf's %lld writes), without printf. */
void neJ_int(ne_buf *b, long long v) {
    char *w = neB_room(b, 24); /* room for any value: no memcpy call */
    if (w) {
        neB_end(b, neJ_put_int(w, v));
        return;
    }
    char tmp[24];
    neB_add(b, tmp, (size_t)(neJ_put_int(tmp, v) - tmp));
}

/* v as printf's "%.4g" writes it into out (returns the length) when that is
** a plain decimal (1e-4 <= |v| < 1e4 after rounding) and v*10^k is not
** within 1e-6 of a rounding tie (where only printf's exact decimal
** expansion can tell); 0 leaves v to snprintf. */
static size_t g4_fast(double v, char *out) {
    static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 9999.5)) return 0;
    int e = 3;
    while (e > -4 && a < p10[e + 4] / 1e4) e--; /* a < 10^e: the decimal exponent is lower */
    double sc = a * p10[3 - e];                 /* 4 digits before the point: [1000, 10000) */
    double fl = floor(sc);
    if (fabs(sc - fl - 0.5) < 1e-6) return 0;
    long m = (long)(sc - fl > 0.5 ? fl + 1 : fl);
    if (m >= 10000) m /= 10, e++;
    if (m < 1000 || e > 3) return 0;
    char dig[4], *w = out;
    for (int i = 3; i >= 0; i--) dig[i] = (char)('0' + m % 10), m /= 10;
    int nd = 4;
    while (nd > 1 && dig[nd - 1] == '0' && nd > e + 1) nd--; /* %g drops trailing zeros of the fraction */
    if (v < 0) *w++ = '-';
    if (e < 0) {
        *w++ = '0', *w++ = '.';
        for (int z = -1; z > e; z--) *w++ = '0';
        for (int i = 0; i < nd; i++) *w++ = dig[i];
    } else {
        for (int i = 0; i <= e; i++) *w++ = dig[i];
        if (nd > e + 1) {
            *w++ = '.';
            for (int i = e + 1; i < nd; i++) *w++ = dig[i];
        }
    }
    return (size_t)(w - out);
}

char *neJ_put_num(char *w, double v) {
    if (!isfinite(v)) return memcpy(w, "null", 4), w + 4;
    if (v == (double)(long long)v && fabs(v) < 1e15) { /* what %.1f writes: "-3.0", "-0.0", "12.0" */
        if (v == 0 && signbit(v)) *w++ = '-';
        w = neJ_put_int(w, (long long)v);
        memcpy(w, ".0", 2);
        return w + 2;
    }
    size_t f = g4_fast(v, w);
    if (f) return w + f;
    char tmp[NE_NUM_ROOM];
    int n = snprintf(tmp, sizeof tmp, "%.4g", v);
    size_t k = n < 0 ? 0 : (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1; /* what fits (all: at most 11 bytes) */
    memcpy(w, tmp, k);
    return w + k;
}

void neJ_num(ne_buf *b, double v) {
    char *w = neB_room(b, NE_NUM_ROOM); /* room for any value: written in place */
    if (w) {
        neB_end(b, neJ_put_num(w, v));
        return;
    }
    char tmp[NE_NUM_ROOM];
    neB_add(b, tmp, (size_t)(neJ_put_num(tmp, v) - tmp));
}

char *ne_json_quote(const char *s, size_t n) {
    ne_buf b;
    neB_init(&b, (size_t)1 << 31);
    neJ_str(&b, s ? s : "", s ? n : 0);
    if (b.err) {
        neB_free(&b);
        return NULL;
    }
    return b.p;
}
