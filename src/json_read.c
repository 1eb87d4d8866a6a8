/* json_read.c: the input contract, one JSON Lines record -> ne_article: flat
** records of strings by a fast path, everything else (and every error) by jansson. */
#include "neInt.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The fields of the input contract, in the order of ne_article's members. */
struct field {
    const char *name;
    int required;
};
static const struct field fields[] = {
    {"id", 1}, {"text", 1}, {"title", 0}, {"date", 0}, {"url", 0}, {"source", 0},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* Pointers to the (ptr, len) pairs of a, in fields[] order. */
static void field_slots(ne_article *a, const char ***p, size_t **l) {
    p[0] = &a->id; l[0] = &a->id_len;
    p[1] = &a->text; l[1] = &a->text_len;
    p[2] = &a->title; l[2] = &a->title_len;
    p[3] = &a->date; l[3] = &a->date_len;
    p[4] = &a->url; l[4] = &a->url_len;
    p[5] = &a->source; l[5] = &a->source_len;
}

/* The string value of field v as (s, n); an integer id is accepted as text. */
static int field_value(json_t *v, const struct field *f, char *num, size_t numcap,
                       const char **s, size_t *n, char *err, size_t errlen) {
    if (json_is_string(v)) {
        *s = json_string_value(v);
        *n = json_string_length(v);
        return NE_OK;
    }
    if (json_is_integer(v) && strcmp(f->name, "id") == 0) {
        int k = snprintf(num, numcap, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *s = num;
        *n = (size_t)k;
        return NE_OK;
    }
    if (json_is_null(v) && !f->required) {
        *s = NULL;
        *n = 0;
        return NE_OK;
    }
    snprintf(err, errlen, "field \"%s\" must be a string, not %s", f->name,
             json_is_object(v) ? "an object" : json_is_array(v) ? "an array"
             : json_is_null(v) ? "null" : json_is_boolean(v) ? "a boolean" : "a number");
    return NE_INVALID;
}

/* ---- the fast path: a flat object whose values are all strings ----
** Most records are {"id":"...","text":"...",...} with string (or null)
** values; they are read here without building a jansson tree.  Anything
** else (numbers, booleans, arrays, objects, a null required field, \u0000, a lone surrogate, invalid UTF-8, control
** bytes, escapes in keys, duplicate keys, more than FAST_KEYS keys, a
** missing required field, a syntax error) is left to jansson, so that
** unusual records and every error message stay exactly as jansson has them. */
#define FAST_KEYS 16

static const char *skip_ws(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    return p;
}

/* Length of the well-formed UTF-8 sequence at s whose lead byte is >= 0x80
** (Unicode Table 3-7: no overlong forms, surrogates or values past
** U+10FFFF), 0 when it is not one. */
static size_t utf8_len(const unsigned char *s, const unsigned char *end) {
    unsigned c = s[0], lo = 0x80, hi = 0xBF;
    size_t n;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return 0;
    if ((size_t)(end - s) < n || s[1] < lo || s[1] > hi) return 0;
    for (size_t k = 2; k < n; k++)
        if (s[k] < 0x80 || s[k] > 0xBF) return 0;
    return n;
}

/* The four hex digits at s (end bounds s) into *v; 0 when they are not. */
static int hex4(const char *s, const char *end, unsigned *v) {
    if (end - s < 4) return 0;
    *v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = (unsigned char)s[i], l = c | 32u;
        unsigned d = c >= '0' && c <= '9' ? c - '0' : l >= 'a' && l <= 'f' ? l - 'a' + 10 : 16;
        if (d == 16) return 0;
        *v = *v << 4 | d;
    }
    return 1;
}

/* The \uXXXX escape (or surrogate pair) whose backslash is at *pp as UTF-8
** into out (when not NULL); returns the bytes written, 0 when the fast path
** leaves it to jansson.  *pp moves past the escape. */
static size_t unicode_escape(const char **pp, const char *end, char *out) {
    const char *p = *pp;
    unsigned cp, lo;
    if (!hex4(p + 2, end, &cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return 0;
    p += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (end - p < 2 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, end, &lo) || lo < 0xDC00 || lo > 0xDFFF)
            return 0;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        p += 6;
    }
    *pp = p;
    unsigned char u[4];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n == 1) u[0] = (unsigned char)cp;
    else if (n == 2) u[0] = (unsigned char)(0xC0 | cp >> 6);
    else if (n == 3) u[0] = (unsigned char)(0xE0 | cp >> 12);
    else u[0] = (unsigned char)(0xF0 | cp >> 18);
    for (size_t k = 1; k < n; k++) u[k] = (unsigned char)(0x80 | ((cp >> (6 * (n - 1 - k))) & 0x3F));
    if (out) memcpy(out, u, n);
    return n;
}

/* The escape whose backslash is at *pp, decoded into out (when not NULL);
** returns the bytes written (0: left to jansson), *pp past the escape. */
static size_t fast_escape(const char **pp, const char *end, char *out) {
    const char *p = *pp;
    char c;
    if (end - p < 2) return 0;
    switch (p[1]) {
    case 'n': c = '\n'; break;
    case '"': c = '"'; break;
    case '\\': c = '\\'; break;
    case '/': c = '/'; break;
    case 't': c = '\t'; break;
    case 'r': c = '\r'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'u': return unicode_escape(pp, end, out);
    default: return 0;
    }
    if (out) *out = c;
    *pp = p + 2;
    return 1;
}

static int plain_byte(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

/* The first byte of [p, end) that is not plain_byte (end when none), eight
** bytes at a time: ne_json_escape_lanes marks a byte under 0x20, a quote or
** a backslash, a byte from 0x80 has the high bit of its lane itself. */
static const char *plain_run(const char *p, const char *end) {
#ifdef __SSE2__
    /* sixteen at a time where SSE2 is (every x86-64): a signed compare
    ** below 0x20 also finds the bytes from 0x80 */
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
                                 _mm_cmplt_epi8(x, space));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return p + __builtin_ctz(bits);
        p += 16;
    }
#endif
    while (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && end - p >= 8) { /* lane 0 is the first byte */
        uint64_t x;
        memcpy(&x, p, 8);
        uint64_t m = ne_json_escape_lanes(x) | (x & 0x8080808080808080ull);
        if (m) return p + (__builtin_ctzll(m) >> 3);
        p += 8;
    }
    while (p < end && plain_byte((unsigned char)*p)) p++;
    return p;
}

/* The string whose opening quote is at *pp: decoded into out (when not
** NULL), its decoded length in *n, *pp past its closing quote.  Returns 0
** when the fast path leaves the record to jansson. */
static int fast_string(const char **pp, const char *end, char *out, size_t *n) {
    const char *p = *pp + 1;
    size_t w = 0, k;
    for (;;) {
        const char *run = p;
        p = plain_run(p, end);
        if (out) memcpy(out + w, run, (size_t)(p - run));
        w += (size_t)(p - run);
        if (p == end) return 0;
        if (*p == '"') break;
        if (*p == '\\') k = fast_escape(&p, end, out ? out + w : NULL);
        else if ((unsigned char)*p < 0x80) k = 0; /* a control byte */
        else if ((k = utf8_len((const unsigned char *)p, (const unsigned char *)end)) > 0) {
            if (out) memcpy(out + w, p, k);
            p += k;
        }
        if (!k) return 0;
        w += k;
    }
    *pp = p + 1;
    *n = w;
    return 1;
}

/* Keys seen so far in a record (jansson rejects a duplicate). */
typedef struct fast_keys {
    const char *k[FAST_KEYS];
    size_t len[FAST_KEYS], n;
} fast_keys;

/* The index in fields[] of the key k of kn bytes, -1 when it is none. */
static int field_index(const char *k, size_t kn) {
    for (size_t i = 0; i < NFIELDS; i++)
        if (strlen(fields[i].name) == kn && !memcmp(fields[i].name, k, kn)) return (int)i;
    return -1;
}

/* The member "key":"value" or "key":null at *pp: a new plain ASCII key.  The
** value of a field of fields[] is decoded at *w (which moves past it and its
** NUL) and noted in val[] and vlen[] (a null leaves val[] NULL); seen[]
** marks the fields present.  Returns 0 when the fast path leaves the record. */
static int fast_member(const char **pp, const char *end, fast_keys *ks, const char **val, size_t *vlen,
                       int *seen, char **w) {
    const char *k = *pp + 1, *q = k, *p;
    if (**pp != '"' || ks->n == FAST_KEYS) return 0;
    while (q < end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20 && (unsigned char)*q < 0x80) q++;
    if (q == end || *q != '"') return 0;
    size_t kn = (size_t)(q - k), n;
    for (size_t i = 0; i < ks->n; i++)
        if (ks->len[i] == kn && !memcmp(ks->k[i], k, kn)) return 0;
    ks->k[ks->n] = k, ks->len[ks->n++] = kn;
    p = skip_ws(q + 1, end);
    if (p == end || *p != ':') return 0;
    p = skip_ws(p + 1, end);
    int f = field_index(k, kn);
    if (end - p >= 4 && !memcmp(p, "null", 4)) {
        if (f >= 0 && fields[f].required) return 0;
        p += 4;
    } else {
        char *out = f >= 0 ? *w : NULL;
        if (p == end || *p != '"' || !fast_string(&p, end, out, &n)) return 0;
        if (out) out[n] = 0, val[f] = out, vlen[f] = n, *w += n + 1;
    }
    if (f >= 0) seen[f] = 1;
    *pp = p;
    return 1;
}

/* One pass over the record, its fields decoded at w as in fast_member.
** Returns 0 when the record is not a flat object of strings with every
** required field. */
static int fast_scan(const char *p, const char *end, const char **val, size_t *vlen, char *w) {
    fast_keys ks = {.n = 0};
    int seen[NFIELDS] = {0};
    p = skip_ws(p, end);
    if (p == end || *p != '{') return 0;
    p = skip_ws(p + 1, end);
    if (p < end && *p != '}') {
        for (;;) {
            if (!fast_member(&p, end, &ks, val, vlen, seen, &w)) return 0;
            p = skip_ws(p, end);
            if (p == end || *p != ',') break;
            p = skip_ws(p + 1, end);
            if (p == end) return 0;
        }
    }
    if (p == end || *p != '}' || skip_ws(p + 1, end) != end) return 0;
    for (size_t i = 0; i < NFIELDS; i++)
        if (fields[i].required && !seen[i]) return 0;
    return 1;
}

/* The record by the fast path into a and *scratch: NE_OK, NE_NOMEM, or -1
** when it is left to jansson.  The values are decoded in the one pass that
** checks the record, into a block of len + NFIELDS bytes: a value decodes to
** at most its bytes between its quotes, and with its NUL to fewer than its
** bytes with the quotes. */
static int fast_article(const char *line, size_t len, ne_article *a, void **scratch, char *err, size_t errlen) {
    const char *val[NFIELDS] = {0};
    size_t vlen[NFIELDS] = {0};
    if (len > SIZE_MAX - NFIELDS) return -1;
    char *mem = neM_malloc(len + NFIELDS);
    if (!mem) {
        snprintf(err, errlen, "out of memory");
        return NE_NOMEM;
    }
    if (!fast_scan(line, line + len, val, vlen, mem)) {
        neM_free(mem);
        return -1;
    }
    const char **p[NFIELDS];
    size_t *l[NFIELDS];
    field_slots(a, p, l);
    for (size_t i = 0; i < NFIELDS; i++)
        if (val[i]) *p[i] = val[i], *l[i] = vlen[i];
    *scratch = mem;
    return NE_OK;
}

int ne_article_from_json(const char *line, size_t len, ne_article *a, void **scratch,
                         char *err, size_t errlen) {
    memset(a, 0, sizeof *a);
    *scratch = NULL;
    if (errlen) err[0] = 0;
    int fast = fast_article(line, len, a, scratch, err, errlen);
    if (fast >= 0) return fast;
    json_error_t je;
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!root) {
        snprintf(err, errlen, "invalid JSON at column %d: %s", je.column, je.text);
        return NE_INVALID;
    }
    if (!json_is_object(root)) {
        snprintf(err, errlen, "record is not a JSON object");
        json_decref(root);
        return NE_INVALID;
    }
    const char *val[NFIELDS] = {0};
    size_t vlen[NFIELDS] = {0};
    char num[32];
    size_t total = 0;
    int rc = NE_OK;
    for (size_t i = 0; i < NFIELDS && rc == NE_OK; i++) {
        json_t *v = json_object_get(root, fields[i].name);
        if (!v) {
            if (fields[i].required) {
                snprintf(err, errlen, "missing required field \"%s\"", fields[i].name);
                rc = NE_INVALID;
            }
            continue;
        }
        rc = field_value(v, &fields[i], num, sizeof num, &val[i], &vlen[i], err, errlen);
        total += vlen[i] + 1;
    }
    if (rc == NE_OK) {
        char *mem = neM_malloc(total ? total : 1);
        if (!mem) {
            snprintf(err, errlen, "out of memory");
            rc = NE_NOMEM;
        } else {
            const char **p[NFIELDS];
            size_t *l[NFIELDS];
            field_slots(a, p, l);
            char *w = mem;
            for (size_t i = 0; i < NFIELDS; i++) {
                if (!val[i]) continue;
                memcpy(w, val[i], vlen[i]);
                w[vlen[i]] = 0;
                *p[i] = w;
                *l[i] = vlen[i];
                w += vlen[i] + 1;
            }
            *scratch = mem;
        }
    }
    json_decref(root);
    if (rc != NE_OK) memset(a, 0, sizeof *a);
    return rc;
}
