/* input.c: turns the command line's files, directories and "-" into a stream
** of records (JSON Lines lines or whole text files), each with a FILE:LINE
** for messages.  Bounded: a line or file over the limit becomes an error
** record and reading goes on. */
#include "cli.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_RECORD ((size_t)256 * 1024 * 1024) /* bytes in one JSON line or text file */
#define READ_CHUNK ((size_t)256 * 1024)        /* JSON Lines are read in blocks this big */

struct cli_input {
    char **files;     /* expanded list */
    size_t n, cap, next;
    FILE *f;          /* current JSON Lines stream */
    const char *name; /* its name */
    long line;
    unsigned long long bytes;
    char *buf;        /* the current line */
    size_t bufcap;
    char *rb;         /* bytes read from f, not yet consumed: rb[rpos, rlen) */
    size_t rpos, rlen;
};

static char *xstrdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (!p) {
        cli_error("out of memory");
        exit(EXIT_SOME_BAD);
    }
    memcpy(p, s, n);
    return p;
}

/* "NAME:LINE", a record's place for messages, built by hand: made for every
** record, and xprintf's two vsnprintf calls cost ~2,300 instructions each time. */
static char *where_of(const char *name, long line) {
    char num[24];
    size_t nd = 0, nl = strlen(name);
    unsigned long v = line > 0 ? (unsigned long)line : 0;
    do num[sizeof num - 1 - nd++] = (char)('0' + v % 10); while ((v /= 10) && nd < sizeof num);
    char *p = malloc(nl + nd + 2);
    if (!p) {
        cli_error("out of memory");
        exit(EXIT_SOME_BAD);
    }
    memcpy(p, name, nl);
    p[nl] = ':';
    memcpy(p + nl + 1, num + sizeof num - nd, nd);
    p[nl + 1 + nd] = 0;
    return p;
}

static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = malloc((size_t)n + 1);
    if (!p) {
        cli_error("out of memory");
        exit(EXIT_SOME_BAD);
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

static void add_file(cli_input *in, const char *path) {
    if (in->n == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 16;
        char **p = realloc(in->files, in->cap * sizeof *p);
        if (!p) {
            cli_error("out of memory");
            exit(EXIT_SOME_BAD);
        }
        in->files = p;
    }
    in->files[in->n++] = xstrdup(path);
}

static int ends_with(const char *s, const char *suf) {
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static int is_input_name(const char *name) {
    return ends_with(name, ".jsonl") || ends_with(name, ".json") || ends_with(name, ".ndjson") ||
           ends_with(name, ".txt");
}

/* Add the input files under dir, recursively, in name order. */
static void add_dir(cli_input *in, const char *dir, int depth) {
    struct dirent **ents = NULL;
    int n = scandir(dir, &ents, NULL, alphasort);
    if (n < 0) {
        add_file(in, dir); /* reported as unreadable when opened */
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *nm = ents[i]->d_name;
        if (nm[0] != '.') {
            char *p = xprintf("%s/%s", dir, nm);
            struct stat st;
            if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
                if (depth < 32) add_dir(in, p, depth + 1);
            } else if (is_input_name(nm)) {
                add_file(in, p);
            }
            free(p);
        }
        free(ents[i]);
    }
    free(ents);
}

cli_input *cli_input_open(char **paths, int npaths) {
    cli_input *in = calloc(1, sizeof *in);
    if (!in) return NULL;
    if (npaths == 0) add_file(in, "-");
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
            add_dir(in, paths[i], 0);
        else
            add_file(in, paths[i]);
    }
    return in;
}

unsigned long long cli_input_bytes(const cli_input *in) { return in->bytes; }

static void set_error(cli_record *r, char *where, char *why) {
    memset(r, 0, sizeof *r);
    r->kind = REC_ERROR;
    r->where = where;
    r->error = why;
}

/* Read a whole text file as one record. */
static void read_text_file(cli_input *in, const char *path, cli_record *r) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_error(r, xstrdup(path), xprintf("cannot open: %s", strerror(errno)));
        return;
    }
    size_t cap = 65536, len = 0;
    char *p = malloc(cap);
    int too_big = 0;
    while (p) {
        if (len + 1 >= cap) {
            if (cap >= MAX_RECORD) { too_big = 1; break; }
            char *q = realloc(p, cap * 2);
            if (!q) { free(p); p = NULL; break; }
            p = q;
            cap *= 2;
        }
        size_t got = fread(p + len, 1, cap - len - 1, f);
        if (got == 0) break;
        len += got;
    }
    int err = ferror(f);
    fclose(f);
    in->bytes += len;
    if (!p || err || too_big) {
        free(p);
        set_error(r, xstrdup(path), xstrdup(too_big ? "file over the 256 MB limit" : err ? "read error" : "out of memory"));
        return;
    }
    p[len] = 0;
    memset(r, 0, sizeof *r);
    r->kind = REC_TEXT;
    r->where = xstrdup(path);
    r->id = xstrdup(path);
    r->data = p;
    r->len = len;
}

/* Read the next block of the current stream into in->rb; returns how many
** bytes came, 0 at the end (or on a read error).  read(2) and not fread:
** it returns what a pipe has now instead of waiting for a full block. */
static size_t refill(cli_input *in) {
    if (!in->rb && !(in->rb = malloc(READ_CHUNK))) {
        cli_error("out of memory");
        exit(EXIT_SOME_BAD);
    }
    ssize_t k;
    do k = read(fileno(in->f), in->rb, READ_CHUNK);
    while (k < 0 && errno == EINTR);
    in->rpos = 0;
    in->rlen = k > 0 ? (size_t)k : 0;
    return in->rlen;
}

/* Append [s, s+k) to the line in in->buf (len bytes so far). */
static void line_append(cli_input *in, size_t len, const char *s, size_t k) {
    if (len + k + 1 > in->bufcap) {
        size_t nc = in->bufcap ? in->bufcap : 65536;
        while (nc < len + k + 1) nc *= 2;
        char *q = realloc(in->buf, nc);
        if (!q) {
            cli_error("out of memory");
            exit(EXIT_SOME_BAD);
        }
        in->buf = q;
        in->bufcap = nc;
    }
    memcpy(in->buf + len, s, k);
}

/* Read one line of the current stream into in->buf (NUL bytes kept as data);
** returns its length, or -1 at end, -2 when the line was over the limit (the
** rest of it is skipped). */
static long long read_line(cli_input *in) {
    size_t len = 0;
    int over = 0, any = 0;
    for (;;) {
        if (in->rpos == in->rlen && !refill(in)) break;
        any = 1;
        const char *p = in->rb + in->rpos, *nl = memchr(p, '\n', in->rlen - in->rpos);
        size_t k = nl ? (size_t)(nl - p) : in->rlen - in->rpos;
        in->rpos += k + (nl != NULL);
        if (!over && len + k > MAX_RECORD) over = 1;
        if (!over) {
            line_append(in, len, p, k);
            len += k;
        }
        if (nl) break;
    }
    if (!any) return -1;
    in->bytes += len + 1;
    if (over) return -2;
    while (len && in->buf[len - 1] == '\r') len--;
    if (!in->buf) return 0;
    in->buf[len] = 0;
    return (long long)len;
}

static int blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

int cli_input_next(cli_input *in, cli_record *r) {
    for (;;) {
        if (!in->f) {
            if (in->next >= in->n) return 0;
            const char *path = in->files[in->next++];
            if (strcmp(path, "-") != 0 && ends_with(path, ".txt")) {
                read_text_file(in, path, r);
                return 1;
            }
            if (strcmp(path, "-") == 0) {
                in->f = stdin;
                in->name = "<stdin>";
            } else {
                in->f = fopen(path, "rb");
                in->name = path;
                if (!in->f) {
                    set_error(r, xstrdup(path), xprintf("cannot open: %s", strerror(errno)));
                    return 1;
                }
            }
            in->line = 0;
        }
        long long n = read_line(in);
        if (n == -1) {
            if (in->f != stdin) fclose(in->f);
            in->f = NULL;
            in->rpos = in->rlen = 0;
            continue;
        }
        in->line++;
        if (n == -2) {
            set_error(r, where_of(in->name, in->line), xstrdup("line over the 256 MB limit; skipped"));
            return 1;
        }
        char *s = in->buf ? in->buf : "";
        if (in->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            n -= 3;
        }
        if (blank(s, (size_t)n)) continue;
        memset(r, 0, sizeof *r);
        r->kind = REC_JSON;
        r->where = where_of(in->name, in->line);
        r->data = malloc((size_t)n + 1);
        if (!r->data) {
            cli_error("out of memory");
            exit(EXIT_SOME_BAD);
        }
        memcpy(r->data, s, (size_t)n);
        r->data[n] = 0;
        r->len = (size_t)n;
        return 1;
    }
}

void cli_record_free(cli_record *r) {
    free(r->where);
    free(r->data);
    free(r->id);
    free(r->error);
    memset(r, 0, sizeof *r);
}

void cli_input_close(cli_input *in) {
    if (!in) return;
    if (in->f && in->f != stdin) fclose(in->f);
    for (size_t i = 0; i < in->n; i++) free(in->files[i]);
    free(in->files);
    free(in->buf);
    free(in->rb);
    free(in);
}

void cli_text_article(const cli_record *r, const char *date, ne_article *a) {
    memset(a, 0, sizeof *a);
    a->id = r->id;
    a->id_len = strlen(r->id);
    const char *s = r->data;
    size_t n = r->len;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; n -= 3; }
    /* title: a first line followed by a blank line */
    const char *nl = memchr(s, '\n', n);
    if (nl) {
        const char *p = nl + 1, *end = s + n;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
        if (p < end && *p == '\n') {
            size_t tl = (size_t)(nl - s);
            while (tl && (s[tl - 1] == '\r' || s[tl - 1] == ' ')) tl--;
            a->title = s;
            a->title_len = tl;
            s = p + 1;
            n = (size_t)(end - s);
        }
    }
    a->text = s;
    a->text_len = n;
    if (date) {
        a->date = date;
        a->date_len = strlen(date);
    }
}

int cli_record_article(const cli_record *r, const char *date, ne_article *a, void **scratch, char *why,
                       size_t whylen) {
    *scratch = NULL;
    if (r->kind == REC_ERROR) {
        snprintf(why, whylen, "%s", r->error);
        return NE_INVALID;
    }
    if (r->kind == REC_TEXT) {
        cli_text_article(r, date, a);
    } else {
        int rc = ne_article_from_json(r->data, r->len, a, scratch, why, whylen);
        if (rc != NE_OK) return rc;
    }
    if (!a->date && date) {
        a->date = date;
        a->date_len = strlen(date);
    }
    return NE_OK;
}
