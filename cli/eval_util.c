/* eval_util.c: helpers for `newsevents eval`: paths, whole-file reads,
** in-process coding and a small RFC 4180 CSV reader for the external sets. */
#include "cli.h"
#include "eval.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CSV_MAX_RECORD ((size_t)64 * 1024 * 1024)
#define SLURP_MAX ((size_t)512 * 1024 * 1024)

const char *eval_path(const char *dir, const char *rel) {
    static char buf[4096];
    int n = snprintf(buf, sizeof buf, "%s/%s", dir, rel);
    return (n < 0 || (size_t)n >= sizeof buf) ? NULL : buf;
}

int eval_exists(const char *path) {
    struct stat st;
    return path && stat(path, &st) == 0;
}

char *eval_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 65536, n = 0;
    char *p = malloc(cap);
    while (p) {
        if (n + 1 >= cap) {
            char *q = cap < SLURP_MAX ? realloc(p, cap * 2) : NULL;
            if (!q) {
                free(p);
                p = NULL;
                errno = ENOMEM;
                break;
            }
            p = q;
            cap *= 2;
        }
        size_t got = fread(p + n, 1, cap - 1 - n, f);
        n += got;
        if (got == 0) break;
    }
    if (p && ferror(f)) {
        free(p);
        p = NULL;
    }
    fclose(f);
    if (p) {
        p[n] = 0;
        if (len) *len = n;
    }
    return p;
}

int eval_coder_open(eval_coder *c, const char *data_dir) {
    c->engine = cli_engine_open(data_dir, 0);
    if (!c->engine) return -1;
    c->doc = ne_doc_new();
    if (!c->doc) {
        cli_error("out of memory");
        ne_engine_close(c->engine);
        c->engine = NULL;
        return -1;
    }
    return 0;
}

void eval_coder_close(eval_coder *c) {
    ne_doc_free(c->doc);
    ne_engine_close(c->engine);
    c->doc = NULL;
    c->engine = NULL;
}

ne_doc *eval_code_doc(eval_coder *c, const char *id, const char *text, size_t len, const char *title,
                 const char *date) {
    ne_article a = {0};
    a.id = id;
    a.id_len = strlen(id);
    a.text = text;
    a.text_len = len;
    if (title) {
        a.title = title;
        a.title_len = strlen(title);
    }
    if (date) {
        a.date = date;
        a.date_len = strlen(date);
    }
    return ne_code(c->engine, c->doc, &a) == NE_OK ? c->doc : NULL;
}

/* ---- CSV ---- */

static int csv_put(eval_csv *r, char ch) {
    if (r->len + 1 >= r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 4096;
        if (cap > CSV_MAX_RECORD) return -1;
        char *p = realloc(r->buf, cap);
        if (!p) return -1;
        r->buf = p;
        r->cap = cap;
    }
    r->buf[r->len++] = ch;
    return 0;
}

static int csv_field_start(eval_csv *r) {
    if (r->nf == r->fcap) {
        size_t cap = r->fcap ? r->fcap * 2 : 16;
        size_t *p = realloc(r->off, cap * sizeof *p);
        if (!p) return -1;
        r->off = p;
        r->fcap = cap;
    }
    r->off[r->nf++] = r->len;
    return 0;
}

int eval_csv_next(FILE *f, eval_csv *r, char sep) {
    int ch, quoted = 0, any = 0;
    r->len = r->nf = 0;
    if (csv_field_start(r)) return -1;
    while ((ch = getc(f)) != EOF) {
        any = 1;
        if (quoted) {
            if (ch == '"') {
                int nx = getc(f);
                if (nx == '"') {
                    if (csv_put(r, '"')) return -1;
                    continue;
                }
                quoted = 0;
                if (nx == EOF) break;
                ch = nx;
            } else {
                if (csv_put(r, (char)ch)) return -1;
                continue;
            }
        }
        if (ch == '"' && sep != '\t' && r->len == r->off[r->nf - 1]) quoted = 1;
        else if (ch == sep) {
            if (csv_put(r, 0) || csv_field_start(r)) return -1;
        } else if (ch == '\n') break;
        else if (ch != '\r' && csv_put(r, (char)ch)) return -1;
    }
    if (!any) return 0;
    if (csv_put(r, 0)) return -1;
    return (int)r->nf;
}

const char *eval_csv_field(const eval_csv *r, size_t i) {
    return i < r->nf ? r->buf + r->off[i] : "";
}

void eval_csv_free(eval_csv *r) {
    free(r->buf);
    free(r->off);
    memset(r, 0, sizeof *r);
}
