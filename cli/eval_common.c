/* eval_common.c: helpers shared by the accuracy evaluations (eval_timex.c,
** eval_quotes.c, eval_headline.c): file listing, whole-file reads, coding one
** text with the public API. */
#include "eval.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

static int list_add(eval_files *f, const char *path) {
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 64;
        char **p = realloc(f->path, cap * sizeof *p);
        if (!p) return -1;
        f->path = p;
        f->cap = cap;
    }
    size_t n = strlen(path);
    if (!(f->path[f->n] = malloc(n + 1))) return -1;
    memcpy(f->path[f->n++], path, n + 1);
    return 0;
}

static int walk(eval_files *f, const char *dir, const char *suffix, int depth) {
    DIR *dp = opendir(dir);
    if (!dp) return -1;
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(dp))) {
        if (de->d_name[0] == '.') continue;
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (n < 0 || (size_t)n >= sizeof path) continue;
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode) && depth < 8) rc = walk(f, path, suffix, depth + 1) < 0 ? -1 : 0;
        else if (S_ISREG(st.st_mode) && ends_with(de->d_name, suffix)) rc = list_add(f, path);
    }
    closedir(dp);
    return rc;
}

int eval_list(eval_files *f, const char *dir, const char *suffix) {
    memset(f, 0, sizeof *f);
    if (walk(f, dir, suffix, 0) < 0) return -1;
    if (f->n) qsort(f->path, f->n, sizeof *f->path, cmp_str);
    return 0;
}

void eval_files_free(eval_files *f) {
    for (size_t i = 0; i < f->n; i++) free(f->path[i]);
    free(f->path);
    memset(f, 0, sizeof *f);
}

char *eval_read(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    size_t got;
    while (b && (got = fread(b + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(b, cap * 2 + 1);
            if (!nb) { free(b); b = NULL; break; }
            b = nb;
            cap *= 2;
        }
    }
    fclose(fp);
    if (!b) return NULL;
    b[n] = 0;
    *len = n;
    return b;
}

int eval_code(const ne_engine *e, ne_doc *d, const char *id, const char *title, const char *text,
              size_t len, const char *date) {
    ne_article a = {0};
    a.id = id;
    a.id_len = strlen(id);
    a.text = text;
    a.text_len = len;
    if (title) { a.title = title; a.title_len = strlen(title); }
    if (date) { a.date = date; a.date_len = strlen(date); }
    return ne_code(e, d, &a);
}

const char *eval_misses_path;
const char *eval_data_dir;
int eval_list_hits;

FILE *eval_misses_open(void) {
    const char *p = eval_misses_path ? eval_misses_path : getenv("NE_EVAL_MISSES");
    return p && *p ? fopen(p, "w") : NULL;
}
