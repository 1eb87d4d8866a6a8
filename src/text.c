/* text.c: first stage. Copies the article into the document arena, repairing
** invalid UTF-8 (each bad sequence becomes U+FFFD, with a warning) and
** dropping a leading byte-order mark.  Spans downstream refer to these bytes. */
#include "neInt.h"

#include <string.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    size_t len;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    uint32_t cp = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

size_t ne_utf8_len(const char *s, size_t n) { return n ? utf8_valid_len((const unsigned char *)s, n) : 0; }

/* Length of the ASCII prefix of [u, u+n), thirty-two then eight bytes at a time. */
static size_t ascii_prefix(const unsigned char *u, size_t n) {
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        uint64_t w[4];
        memcpy(w, u + i, 32);
        if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) break;
    }
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        if (w & 0x8080808080808080ull) break;
    }
    while (i < n && u[i] < 0x80) i++;
    return i;
}

/* Bytes needed for the repaired copy of [u, u+n), and the invalid sequences found. */
static size_t repaired_size(const unsigned char *u, size_t n, size_t *bad, size_t *first_bad) {
    size_t cap = n, i = 0;
    *bad = 0;
    while (i < n) {
        i += ascii_prefix(u + i, n - i);
        if (i >= n) break;
        size_t k = utf8_valid_len(u + i, n - i);
        if (!k) {
            if (!*bad) *first_bad = i;
            (*bad)++;
            cap += 2; /* one byte becomes the three of U+FFFD */
            k = 1;
        }
        i += k;
    }
    return cap;
}

/* Copy [s, s+n) into the arena as valid UTF-8 (each invalid byte becomes
** U+FFFD), followed by NE_SEG_PAD NULs; a leading byte-order mark is
** dropped.  Counts the replacements. */
static char *utf8_repair(ne_arena *ar, const char *s, size_t n, size_t *out_len,
                         size_t *bad, size_t *first_bad) {
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) { u += 3; n -= 3; }
    size_t cap = repaired_size(u, n, bad, first_bad);
    char *out = neA_alloc(ar, cap + NE_SEG_PAD);
    if (!out) return NULL;
    if (!*bad) {
        memcpy(out, u, n);
        memset(out + n, 0, NE_SEG_PAD);
        *out_len = n;
        return out;
    }
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_valid_len(u + i, n - i);
        if (k) {
            memcpy(out + w, u + i, k);
            w += k;
            i += k;
            continue;
        }
        memcpy(out + w, "\xEF\xBF\xBD", 3);
        w += 3;
        i++;
    }
    memset(out + w, 0, NE_SEG_PAD);
    *out_len = w;
    return out;
}

static int prepare_segment(struct ne_doc *d, int seg, const char *s, size_t n, const char *what) {
    size_t bad = 0, first = 0;
    char *t = utf8_repair(&d->arena, s ? s : "", s ? n : 0, &d->seg_len[seg], &bad, &first);
    if (!t) return ne_doc_fail(d, NE_NOMEM, "out of memory");
    d->seg[seg] = t;
    if (bad) return ne_doc_warn(d, "invalid UTF-8 in %s: %zu byte(s) replaced by U+FFFD, first at byte %zu",
                                what, bad, first);
    return NE_OK;
}

/* A copy of an optional metadata field, or NULL. */
static const char *opt_field(struct ne_doc *d, const char *s, size_t n) {
    if (!s) return NULL;
    size_t bad, first, len;
    return utf8_repair(&d->arena, s, n, &len, &bad, &first);
}

int neText_prepare(struct ne_doc *d, const ne_article *a) {
    if (!a->id || a->id_len == 0) return ne_doc_fail(d, NE_INVALID, "missing required field \"id\"");
    if (!a->text) return ne_doc_fail(d, NE_INVALID, "missing required field \"text\"");
    if (a->text_len > NE_MAX_ARTICLE_BYTES || a->title_len > NE_MAX_ARTICLE_BYTES)
        return ne_doc_fail(d, NE_TOOBIG, "article of %zu bytes is over the %zu MB limit",
                           a->text_len > a->title_len ? a->text_len : a->title_len,
                           (size_t)NE_MAX_ARTICLE_BYTES >> 20);
    d->id = opt_field(d, a->id, a->id_len);
    d->url = opt_field(d, a->url, a->url_len);
    d->source = opt_field(d, a->source, a->source_len);
    if (!d->id) return ne_doc_fail(d, NE_NOMEM, "out of memory");
    int rc = prepare_segment(d, 0, a->text, a->text_len, "text");
    d->has_title = a->title != NULL;
    if (rc == NE_OK) rc = prepare_segment(d, 1, a->title, a->title_len, "title");
    if (rc != NE_OK) return rc;
    d->seg_padded = 1;
    if (a->date && a->date_len) {
        int y, m, dd;
        int parts = neU_parse_date(a->date, a->date_len, &y, &m, &dd);
        if (parts == 3) {
            d->year = y; d->month = m; d->day = dd;
            d->date = neA_printf(&d->arena, "%04d-%02d-%02d", y, m, dd);
        } else {
            rc = ne_doc_warn(d, "field \"date\" is not a valid YYYY-MM-DD date; ignored");
        }
    }
    return rc;
}

int ne_date_valid(const char *s, size_t n) {
    int y, m, d;
    return s && neU_parse_date(s, n, &y, &m, &d) == 3;
}
