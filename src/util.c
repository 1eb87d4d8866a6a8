/* util.c: small helpers shared by the stages: strict number and date
** parsing, paths and whole-file reads. */
#include "neInt.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

uint32_t neU_serial(void) {
    static uint32_t serials;
    uint32_t s = __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED);
    if (!s) s = __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED); /* wrapped: 0 is "no table" / "not set" */
    return s;
}

int neU_parse_long(const char *s, size_t n, long *out) {
    if (n == 0 || n > 18) return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

static int days_in_month(int y, int m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

int neU_parse_date(const char *s, size_t n, int *y, int *m, int *d) {
    long v;
    *y = *m = *d = 0;
    if (n < 4 || neU_parse_long(s, 4, &v) || v < 1) return 0;
    *y = (int)v;
    if (n == 4) return 1;
    if (n < 7 || s[4] != '-' || neU_parse_long(s + 5, 2, &v) || v < 1 || v > 12) return 0;
    *m = (int)v;
    if (n == 7) return 2;
    if (n != 10 || s[7] != '-' || neU_parse_long(s + 8, 2, &v) || v < 1 || v > days_in_month(*y, *m))
        return 0;
    *d = (int)v;
    return 3;
}

int neU_path(char *dst, size_t cap, const char *dir, const char *name) {
    int n = snprintf(dst, cap, "%s/%s", dir, name);
    return (n < 0 || (size_t)n >= cap) ? -1 : 0;
}

int neU_read_file(const char *path, char **out, size_t *len, size_t max) {
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return NE_IO; /* errno from fopen */
    ne_buf b;
    neB_init(&b, max);
    struct stat st;
    size_t got;
    /* a regular file is read straight into a buffer of its size (the
    ** dictionaries are ~20 MB: no chunk copies, no regrowth); what a file
    ** that grew meanwhile has more goes through the chunks below */
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && (uintmax_t)st.st_size < max) {
        if (!(b.p = neM_malloc((size_t)st.st_size + 1))) {
            fclose(f);
            return NE_NOMEM;
        }
        b.cap = (size_t)st.st_size + 1;
        b.len = fread(b.p, 1, (size_t)st.st_size, f);
        b.p[b.len] = 0;
    }
    char chunk[65536];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (neB_add(&b, chunk, got)) break;
    int rc = ferror(f) ? NE_IO : b.err, read_errno = errno;
    fclose(f);
    errno = read_errno; /* for neU_io_why: the read's reason, not the close's */
    if (rc == NE_OK && !b.p) rc = neB_add(&b, "", 0);
    if (rc) {
        neB_free(&b);
        return rc;
    }
    *out = b.p;
    *len = b.len;
    return NE_OK;
}

const char *neU_io_why(int rc) { return rc == NE_IO && errno ? strerror(errno) : ne_errstr(rc); }

int neU_view_file(const char *path, ne_fview *v, size_t max) {
    char *buf;
    size_t len;
    int rc = neU_read_file(path, &buf, &len, max);
    *v = (ne_fview){rc ? NULL : buf, rc ? 0 : len};
    return rc;
}

void neU_view_free(ne_fview *v) {
    neM_free((void *)(uintptr_t)v->p);
    *v = (ne_fview){NULL, 0};
}

void neU_copy_cut(char *dst, size_t cap, const char *s, size_t n) {
    n = strnlen(s, n < cap - 1 ? n : cap - 1);
    memcpy(dst, s, n);
    dst[n] = 0;
}

void neU_utf8_cut(char *s) {
    size_t n = strlen(s), i = n;
    /* back over continuation bytes to the last lead byte */
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
    if (i == 0) return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (i - 1) < need) s[i - 1] = 0; /* the last sequence is incomplete: drop it */
}
