/* bench.c: the speed benchmark (`make bench`, docs/EVAL.md).  Converts
** every Reuters-21578 story (read at run time from the shared data) to JSON
** Lines, times the pipeline stage by stage in-process, then times the
** `newsevents code` command on 1 and 2 threads (also on ~100 MB made by
** repeating the stories, and with 10x synthetic dictionary entries), with
** peak RSS and a hash of every output so speed work cannot change results. */
#include "neInt.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct article {
    char id[32], date[11];
    char *title, *text; /* malloc'd, UTF-8 */
} article;

typedef struct corpus {
    article *a;
    size_t n, cap;
    size_t bytes; /* title + text bytes */
} corpus;

typedef struct run {
    double secs, cpu, rss_mb; /* wall and CPU (user + system) seconds */
    char sha[65];
    int status;
} run;

static double now_secs(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double tv_secs(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6; }

/* CPU seconds (user + system) this process has used so far. */
static double self_cpu(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return tv_secs(ru.ru_utime) + tv_secs(ru.ru_stime);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    return p;
}

/* ---- Reuters SGML ---- */

/* The content of <tag>...</tag> inside [s, e), or NULL. */
static const char *tag_body(const char *s, const char *e, const char *tag, size_t *len) {
    char open[32], close[32];
    snprintf(open, sizeof open, "<%s", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *p = strstr(s, open);
    if (!p || p >= e) return NULL;
    p = strchr(p, '>');
    const char *q = p ? strstr(p, close) : NULL;
    if (!q || q > e) return NULL;
    *len = (size_t)(q - p - 1);
    return p + 1;
}

/* Append [s, s+n) decoding SGML entities and dropping control characters and
** markup; whitespace runs at the ends are trimmed by the caller. */
static size_t decode(char *out, const char *s, size_t n) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '<') {
            while (i < n && s[i] != '>') i++;
            continue;
        }
        if (c == '&') {
            const char *semi = memchr(s + i, ';', n - i < 8 ? n - i : 8);
            if (semi) {
                size_t k = (size_t)(semi - s - i);
                if (!strncmp(s + i, "&lt;", 4)) out[o++] = '<';
                else if (!strncmp(s + i, "&gt;", 4)) out[o++] = '>';
                else if (!strncmp(s + i, "&amp;", 5)) out[o++] = '&';
                else if (s[i + 1] != '#') memcpy(out + o, s + i, k + 1), o += k + 1;
                i += k;
                continue;
            }
        }
        if (c < 0x20 && c != '\n' && c != '\t') continue;
        out[o++] = (char)c;
    }
    return o;
}

static char *decode_dup(const char *s, size_t n) {
    char *p = xmalloc(n + 1);
    size_t o = decode(p, s, n), a = 0;
    while (a < o && (p[a] == ' ' || p[a] == '\n')) a++;
    while (o > a && (p[o - 1] == ' ' || p[o - 1] == '\n')) o--;
    memmove(p, p + a, o - a);
    p[o - a] = 0;
    return p;
}

static void reuters_date(const char *s, size_t n, char out[11]) {
    static const char *const mon[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    out[0] = 0;
    while (n && *s == ' ') s++, n--;
    if (n < 11) return;
    for (int m = 0; m < 12; m++)
        if (!strncmp(s + 3, mon[m], 3)) snprintf(out, 11, "%.4s-%02d-%.2s", s + 7, m + 1, s);
}

static void corpus_add(corpus *c, const char *s, const char *e) {
    size_t len;
    const char *id = strstr(s, "NEWID=\""), *p;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        article *na = realloc(c->a, c->cap * sizeof *na);
        if (!na) exit(1);
        c->a = na;
    }
    article *a = &c->a[c->n];
    memset(a, 0, sizeof *a);
    snprintf(a->id, sizeof a->id, "reuters-%ld", id && id < e ? strtol(id + 7, NULL, 10) : (long)c->n);
    if ((p = tag_body(s, e, "DATE", &len))) reuters_date(p, len, a->date);
    a->title = (p = tag_body(s, e, "TITLE", &len)) ? decode_dup(p, len) : decode_dup("", 0);
    const char *dl = tag_body(s, e, "DATELINE", &len);
    size_t dlen = dl ? len : 0;
    const char *body = tag_body(s, e, "BODY", &len);
    if (!body) body = tag_body(s, e, "TEXT", &len); /* UNPROC and BRIEF stories */
    char *d = decode_dup(dl ? dl : "", dlen), *b = decode_dup(body ? body : "", body ? len : 0);
    a->text = xmalloc(strlen(d) + strlen(b) + 2);
    snprintf(a->text, strlen(d) + strlen(b) + 2, "%s%s%s", d, *d ? " " : "", b);
    free(d);
    free(b);
    if (!*a->text && !*a->title) {
        free(a->text);
        free(a->title);
        return;
    }
    if (!*a->text) a->text = (free(a->text), strdup(a->title)); /* title-only briefs */
    c->bytes += strlen(a->title) + strlen(a->text);
    c->n++;
}

static int name_cmp(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

static int load_reuters(const char *dir, corpus *c) {
    DIR *dh = opendir(dir);
    if (!dh) return -1;
    char *names[64];
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(dh)) && nn < 64)
        if (!strncmp(de->d_name, "reut2-", 6) && strstr(de->d_name, ".sgm")) names[nn++] = strdup(de->d_name);
    closedir(dh);
    qsort(names, nn, sizeof *names, name_cmp);
    for (size_t i = 0; i < nn; i++) {
        char path[4096], *buf;
        size_t len;
        if (neU_path(path, sizeof path, dir, names[i]) == 0 && neU_read_file(path, &buf, &len, (size_t)64 << 20) == NE_OK) {
            for (char *s = strstr(buf, "<REUTERS"), *e; s; s = e ? strstr(e, "<REUTERS") : NULL) {
                e = strstr(s, "</REUTERS>");
                corpus_add(c, s, e ? e : buf + len);
            }
            neM_free(buf);
        }
        free(names[i]);
    }
    return c->n ? 0 : -1;
}

/* ---- JSON Lines writing (UTF-8 repaired: invalid bytes become U+FFFD) ---- */

static size_t utf8_len(const unsigned char *s, size_t n) {
    size_t k = s[0] < 0x80 ? 1 : (s[0] >> 5) == 6 ? 2 : (s[0] >> 4) == 14 ? 3 : (s[0] >> 3) == 30 ? 4 : 0;
    if (!k || k > n || (k == 2 && s[0] < 0xC2)) return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return k;
}

static void json_str(FILE *f, const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    fputc('"', f);
    for (size_t i = 0; i < n;) {
        size_t k = utf8_len(p + i, n - i);
        if (!k) fputs("\xEF\xBF\xBD", f), i++;
        else if (k > 1) fwrite(p + i, 1, k, f), i += k;
        else {
            unsigned char c = p[i++];
            if (c == '"' || c == '\\') fputc('\\', f), fputc(c, f);
            else if (c == '\n') fputs("\\n", f);
            else if (c == '\t') fputs("\\t", f);
            else if (c < 0x20) fprintf(f, "\\u%04x", c);
            else fputc(c, f);
        }
    }
    fputc('"', f);
}

/* Write the corpus `reps` times (ids suffixed after the first); returns text bytes written. */
static size_t write_jsonl(const char *path, const corpus *c, int reps) {
    FILE *f = fopen(path, "w");
    if (!f) return 0;
    size_t bytes = 0;
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < c->n; i++) {
            const article *a = &c->a[i];
            fprintf(f, "{\"id\":\"%s", a->id);
            if (r) fprintf(f, "-%d", r);
            fputs("\",\"date\":", f);
            if (a->date[0]) fprintf(f, "\"%s\"", a->date);
            else fputs("null", f);
            fputs(",\"title\":", f);
            json_str(f, a->title);
            fputs(",\"text\":", f);
            json_str(f, a->text);
            fputs("}\n", f);
            bytes += strlen(a->title) + strlen(a->text);
        }
    return fclose(f) == 0 ? bytes : 0;
}

/* ---- in-process pass: time per stage, sentences, output hash ---- */

typedef struct inproc {
    double secs, cpu, stage[32];
    size_t nstages;
    long sentences, events, failed;
    uint64_t hash; /* FNV-1a 64 of all JSON output */
} inproc;

static uint64_t fnv(uint64_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h;
}

static void code_one(ne_engine *e, ne_doc *d, const article *a, inproc *r) {
    ne_article in = {0};
    const char *out;
    size_t len, n;
    in.id = a->id, in.id_len = strlen(a->id);
    in.text = a->text, in.text_len = strlen(a->text);
    in.title = a->title, in.title_len = strlen(a->title);
    if (a->date[0]) in.date = a->date, in.date_len = 10;
    if (ne_code(e, d, &in) != NE_OK || ne_doc_write(d, NE_FORMAT_JSON, &out, &len) != NE_OK) {
        r->failed++;
        return;
    }
    r->hash = fnv(r->hash, out, len);
    ne_doc_sentences(d, &n);
    r->sentences += (long)n;
    ne_doc_events(d, &n);
    r->events += (long)n;
}

static int run_inproc(const corpus *c, const char *data, inproc *r) {
    ne_options o = {0};
    ne_engine *e = NULL;
    o.data_dir = data;
    if (ne_engine_open(&e, &o) != NE_OK) {
        fprintf(stderr, "bench: cannot load %s: %s\n", data, ne_engine_errmsg(e));
        ne_engine_close(e);
        return -1;
    }
    ne_doc *d = ne_doc_new();
    memset(r, 0, sizeof *r);
    r->hash = 0xcbf29ce484222325ULL;
    r->nstages = nePipe_stage_count() < 32 ? nePipe_stage_count() : 32;
    nePipe_clock = r->stage;
    double t = now_secs(), cpu = self_cpu();
    for (size_t i = 0; i < c->n; i++) code_one(e, d, &c->a[i], r);
    r->secs = now_secs() - t;
    r->cpu = self_cpu() - cpu;
    nePipe_clock = NULL;
    ne_doc_free(d);
    ne_engine_close(e);
    return 0;
}

/* ---- the command as a child process: wall time, peak RSS, output hash ---- */

static void sha256_of(const char *path, char out[65]) {
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "sha256sum '%s'", path);
    FILE *p = popen(cmd, "r");
    out[0] = 0;
    if (p) {
        if (!fgets(out, 65, p)) out[0] = 0;
        pclose(p);
    }
    out[strspn(out, "0123456789abcdef")] = 0;
}

/* Run BIN code -q --threads T [--dict DICT] -o OUT IN. */
static int run_cli(const char *bin, const char *data, int threads, const char *dict, const char *in, const char *out,
                   run *r) {
    char th[16];
    snprintf(th, sizeof th, "%d", threads);
    const char *argv[16] = {bin, "code", "-q", "--threads", th, "--data", data, "-o", out};
    int k = 9;
    if (dict) argv[k++] = "--dict", argv[k++] = dict;
    argv[k++] = in;
    argv[k] = NULL;
    double t = now_secs();
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY); /* per-record warnings are not the benchmark's business */
        if (devnull >= 0) dup2(devnull, 2);
        execv(bin, (char *const *)argv);
        _exit(127);
    }
    struct rusage ru;
    int st = 0;
    if (wait4(pid, &st, 0, &ru) < 0) return -1;
    r->secs = now_secs() - t;
    r->cpu = tv_secs(ru.ru_utime) + tv_secs(ru.ru_stime);
    r->rss_mb = (double)ru.ru_maxrss / 1024.0;
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
    sha256_of(out, r->sha);
    return 0;
}

/* ---- synthetic dictionary: names that never occur in news ---- */

static long count_entries(const char *dir) {
    DIR *dh = opendir(dir);
    long n = 0;
    struct dirent *de;
    if (!dh) return 0;
    while ((de = readdir(dh))) {
        char path[4096];
        struct stat st;
        if (de->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) n += count_entries(path);
        else if (strstr(de->d_name, ".txt")) {
            FILE *f = fopen(path, "r");
            char line[2048];
            while (f && fgets(line, sizeof line, f)) n += line[strspn(line, " \t")] != '#' && strchr(line, '=');
            if (f) fclose(f);
        }
    }
    closedir(dh);
    return n;
}

static void pseudo_word(char *w, size_t cap, unsigned long x) {
    static const char *const syl[] = {"zy", "qo", "vix", "ka", "tru", "mel", "dro", "pav", "quz", "nel", "xo", "bry"};
    size_t o = 0;
    for (int i = 0; i < 4 && o + 4 < cap; i++, x /= 12) o += (size_t)snprintf(w + o, cap - o, "%s", syl[x % 12]);
    w[0] = (char)(w[0] - 'a' + 'A');
}

static int write_synthetic(const char *path, long n) {
    static const char *const cc[] = {"USA", "FRA", "IRN", "PAK", "CHN", "RUS", "IND", "BRA", "NGA", "DEU"};
    static const char *const role[] = {"GOV", "MIL", "BUS", "OPP", "MED"};
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f, "# generated by bench/bench.c at run time: %ld synthetic entries, do not edit\n", n);
    fprintf(f, "Qozyvix Sentinelmel = USAGOV ; type=person\n"); /* the control article names it */
    for (long i = 0; i < n; i++) {
        char a[32], b[32];
        pseudo_word(a, sizeof a, (unsigned long)i * 7919UL + 17);
        pseudo_word(b, sizeof b, (unsigned long)i);
        fprintf(f, "%s %s %ld = %s%s ; type=person\n", a, b, i, cc[i % 10], role[i % 5]);
    }
    return fclose(f);
}

/* ---- results ---- */

typedef struct bench_opts {
    const char *bin, *data, *shared, *work, *out;
    double big_mb;
} bench_opts;

/* Does the engine load --dict files?  Codes a control article naming the
** sentinel entry of the synthetic dictionary and looks for its code. */
static int dict_loaded(const char *bin, const char *data, const char *dict, const char *work) {
    char in[4096], out[4096];
    run r;
    snprintf(in, sizeof in, "%s/control.jsonl", work);
    snprintf(out, sizeof out, "%s/control-out.jsonl", work);
    FILE *f = fopen(in, "w");
    if (!f) return 0;
    fputs("{\"id\":\"control\",\"text\":\"Qozyvix Sentinelmel spoke on Monday.\"}\n", f);
    fclose(f);
    if (run_cli(bin, data, 1, dict, in, out, &r) != 0) return 0;
    size_t len;
    char *buf = NULL;
    int found = neU_read_file(out, &buf, &len, 1 << 20) == NE_OK && strstr(buf, "\"USAGOV\"");
    neM_free(buf);
    return found;
}

typedef struct results {
    corpus c;
    inproc ip;
    run r1, r2, big1, big2, dict1;
    size_t big_bytes;
    int big_reps;
    long shipped, synthetic;
    int dict_loaded;
} results;

static double mbps(size_t bytes, double secs) { return secs > 0 ? (double)bytes / 1e6 / secs : 0; }

static void json_run(FILE *f, const char *name, const run *r, size_t bytes, long arts, long sents, int last) {
    fprintf(f,
            "  \"%s\": {\"seconds\": %.3f, \"cpu_seconds\": %.3f, \"mb_per_s\": %.2f, \"mb_per_cpu_s\": %.2f, "
            "\"articles_per_s\": %.0f, \"sentences_per_s\": %.0f, \"peak_rss_mb\": %.1f, \"exit\": %d, \"sha256\": \"%s\"}%s\n",
            name, r->secs, r->cpu, mbps(bytes, r->secs), mbps(bytes, r->cpu), r->secs > 0 ? (double)arts / r->secs : 0,
            r->secs > 0 ? (double)sents / r->secs : 0, r->rss_mb, r->status, r->sha, last ? "" : ",");
}

static void write_results(FILE *f, const results *x) {
    const corpus *c = &x->c;
    long n = (long)c->n, s = x->ip.sentences;
    fprintf(f, "{\n  \"corpus\": {\"name\": \"reuters21578\", \"articles\": %ld, \"mb\": %.3f, \"sentences\": %ld, "
               "\"events\": %ld},\n", n, (double)c->bytes / 1e6, s, x->ip.events);
    fprintf(f, "  \"in_process_1_thread\": {\"seconds\": %.3f, \"cpu_seconds\": %.3f, \"mb_per_s\": %.2f, "
               "\"mb_per_cpu_s\": %.2f, \"articles_per_s\": %.0f, "
               "\"sentences_per_s\": %.0f, \"failed\": %ld, \"output_fnv64\": \"%016llx\",\n    \"stage_seconds\": {",
            x->ip.secs, x->ip.cpu, mbps(c->bytes, x->ip.secs), mbps(c->bytes, x->ip.cpu), x->ip.secs > 0 ? (double)n / x->ip.secs : 0,
            x->ip.secs > 0 ? (double)s / x->ip.secs : 0, x->ip.failed, (unsigned long long)x->ip.hash);
    for (size_t i = 0; i < x->ip.nstages; i++)
        fprintf(f, "%s\"%s\": %.4f", i ? ", " : "", nePipe_stage_name(i), x->ip.stage[i]);
    fputs("}},\n", f);
    json_run(f, "cli_1_thread", &x->r1, c->bytes, n, s, 0);
    json_run(f, "cli_2_threads", &x->r2, c->bytes, n, s, 0);
    fprintf(f, "  \"big_input\": {\"mb\": %.1f, \"repeats\": %d},\n", (double)x->big_bytes / 1e6, x->big_reps);
    json_run(f, "big_1_thread", &x->big1, x->big_bytes, n * x->big_reps, s * x->big_reps, 0);
    json_run(f, "big_2_threads", &x->big2, x->big_bytes, n * x->big_reps, s * x->big_reps, 0);
    fprintf(f, "  \"dictionary\": {\"shipped_entries\": %ld, \"synthetic_entries\": %ld, \"extra_dict_loaded\": %s},\n",
            x->shipped, x->synthetic, x->dict_loaded ? "true" : "false");
    json_run(f, "cli_1_thread_10x_dict", &x->dict1, c->bytes, n, s, 0);
    fprintf(f, "  \"same_output_1_vs_2_threads\": %s,\n  \"same_output_with_10x_dict\": %s\n}\n",
            strcmp(x->r1.sha, x->r2.sha) ? "false" : "true", strcmp(x->r1.sha, x->dict1.sha) ? "false" : "true");
}

static void summary(const results *x) {
    const corpus *c = &x->c;
    printf("Reuters-21578: %zu articles, %.1f MB, %ld sentences, %ld events\n", c->n, (double)c->bytes / 1e6,
           x->ip.sentences, x->ip.events);
    printf("  in-process, 1 thread : %6.2f MB/s (%.2f per CPU second)  %8.0f sentences/s  %7.0f articles/s\n",
           mbps(c->bytes, x->ip.secs), mbps(c->bytes, x->ip.cpu),
           (double)x->ip.sentences / x->ip.secs, (double)c->n / x->ip.secs);
    printf("  stages (s):");
    for (size_t i = 0; i < x->ip.nstages; i++) printf(" %s %.3f", nePipe_stage_name(i), x->ip.stage[i]);
    printf("\n");
    const run *rs[] = {&x->r1, &x->r2, &x->big1, &x->big2, &x->dict1};
    char big1[64], big2[64];
    snprintf(big1, sizeof big1, "%.0f MB, 1 thread", (double)x->big_bytes / 1e6);
    snprintf(big2, sizeof big2, "%.0f MB, 2 threads", (double)x->big_bytes / 1e6);
    const char *names[] = {"code, 1 thread", "code, 2 threads", big1, big2, "code + 10x dict, 1 thread"};
    for (int i = 0; i < 5; i++) {
        size_t b = (i == 2 || i == 3) ? x->big_bytes : c->bytes;
        printf("  %-26s: %6.2f MB/s (%6.2f per CPU second)  peak RSS %6.1f MB  exit %d  sha256 %.16s\n", names[i],
               mbps(b, rs[i]->secs), mbps(b, rs[i]->cpu), rs[i]->rss_mb, rs[i]->status, rs[i]->sha);
    }
    printf("  dictionary: %ld shipped entries + %ld synthetic%s\n", x->shipped, x->synthetic,
           x->dict_loaded ? "" : " (NOT loaded by the engine: --dict is ignored, the 10x figure means nothing)");
    printf("  output identical 1 vs 2 threads: %s; with 10x dictionary: %s\n", strcmp(x->r1.sha, x->r2.sha) ? "NO" : "yes",
           strcmp(x->r1.sha, x->dict1.sha) ? "NO" : "yes");
}

static int parse_opts(int argc, char **argv, bench_opts *o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *k = argv[i], *v = argv[i + 1];
        if (!strcmp(k, "--bin")) o->bin = v;
        else if (!strcmp(k, "--data")) o->data = v;
        else if (!strcmp(k, "--shared")) o->shared = v;
        else if (!strcmp(k, "--work")) o->work = v;
        else if (!strcmp(k, "--out")) o->out = v;
        else if (!strcmp(k, "--big-mb")) o->big_mb = strtod(v, NULL);
        else return -1;
    }
    return (argc % 2 == 1 && o->bin && o->data && o->work && o->out) ? 0 : -1;
}

static void cli_runs(const bench_opts *o, results *x) {
    char in[4096], out[4096], big[4096], dict[4096];
    snprintf(in, sizeof in, "%s/reuters.jsonl", o->work);
    snprintf(out, sizeof out, "%s/out.jsonl", o->work);
    snprintf(big, sizeof big, "%s/big.jsonl", o->work);
    snprintf(dict, sizeof dict, "%s/synthetic-dict.txt", o->work);
    write_jsonl(in, &x->c, 1);
    run_cli(o->bin, o->data, 1, NULL, in, out, &x->r1);
    run_cli(o->bin, o->data, 2, NULL, in, out, &x->r2);
    x->shipped = count_entries(o->data);
    x->synthetic = 9 * (x->shipped > 1000 ? x->shipped : 1000); /* shipped + synthetic = 10x */
    write_synthetic(dict, x->synthetic);
    x->dict_loaded = dict_loaded(o->bin, o->data, dict, o->work);
    run_cli(o->bin, o->data, 1, dict, in, out, &x->dict1);
    x->big_reps = (int)(o->big_mb * 1e6 / (double)x->c.bytes) + 1;
    x->big_bytes = write_jsonl(big, &x->c, x->big_reps);
    run_cli(o->bin, o->data, 1, NULL, big, out, &x->big1);
    run_cli(o->bin, o->data, 2, NULL, big, out, &x->big2);
    remove(big);
    remove(out);
}

int main(int argc, char **argv) {
    bench_opts o = {.shared = "../shared/data", .big_mb = 100};
    static results x;
    char dir[4096];
    if (parse_opts(argc, argv, &o)) {
        fprintf(stderr, "usage: bench --bin NEWSEVENTS --data DIR --work DIR --out RESULTS.json [--shared DIR] "
                        "[--big-mb 100]\n");
        return 2;
    }
    snprintf(dir, sizeof dir, "%s/reuters21578", o.shared);
    if (load_reuters(dir, &x.c)) {
        printf("bench: %s absent or empty; skipped\n", dir);
        return 0;
    }
    mkdir(o.work, 0755);
    if (run_inproc(&x.c, o.data, &x.ip)) return 1;
    cli_runs(&o, &x);
    FILE *f = fopen(o.out, "w");
    if (!f) {
        fprintf(stderr, "bench: %s: %s\n", o.out, strerror(errno));
        return 1;
    }
    write_results(f, &x);
    fclose(f);
    summary(&x);
    printf("results: %s\n", o.out);
    for (size_t i = 0; i < x.c.n; i++) free(x.c.a[i].title), free(x.c.a[i].text);
    free(x.c.a);
    return 0;
}
