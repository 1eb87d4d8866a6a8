/* cmd_code.c: `newsevents code`, the Unix filter: records in, one output
** object per article out, in input order even with --threads N. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#define BATCH_RECORDS 256
#define BATCH_BYTES ((size_t)8 * 1024 * 1024)
#define MAX_THREADS 64
#define MAX_DICTS 16
#define OUT_BUFFER ((size_t)1 << 20)

typedef struct job {
    cli_record rec;
    char *out;     /* serialized output (malloc'd), NULL on failure */
    size_t outlen;
    char *msg;     /* error or warnings for stderr (malloc'd), NULL when none */
    int failed;
    atomic_int done; /* set (release) by the thread that coded it, once all above is filled */
} job;

typedef struct ctx {
    const ne_engine *engine;
    const char *date;
    int format;
    /* quiet (-q): a coded record's warnings are not written to stderr; they
    ** stay in its output's "warnings" (JSON) */
    int quiet;
    job *jobs;
    size_t njobs;
    atomic_size_t next;
    /* with one thread the outputs go straight to direct as they are made
    ** (input order; no copy) */
    FILE *direct;
    /* with threads, the caller's thread writes each job as soon as it and
    ** all before it are coded, while the others code on: out, the stream;
    ** written, the jobs of the batch written so far */
    FILE *out;
    size_t written;
    /* werr: the errno of a write to direct or out that failed (nothing more
    ** is written); failed: the count of records that failed */
    int werr;
    unsigned long long failed;
    /* one document object per thread slot, kept across batches: its arena and
    ** lemma cache stay warm (freed by free_docs at the end) */
    ne_doc *docs[MAX_THREADS];
} ctx;

typedef struct slot {
    ctx *c;
    int i;
} slot;

static char *copy_str(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

/* Messages for stderr: "WHERE: warning: ..." lines; NULL when there are none
** or quiet asks for none. */
static char *collect_warnings(const ctx *c, const ne_doc *d, const char *where) {
    size_t n;
    const char *const *w = ne_doc_warnings(d, &n);
    if (!n || c->quiet) return NULL;
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) cap += strlen(where) + strlen(w[i]) + 16;
    char *m = malloc(cap + 1), *p = m;
    if (!m) return NULL;
    for (size_t i = 0; i < n; i++) p += snprintf(p, cap + 1 - (size_t)(p - m), "%s: warning: %s\n", where, w[i]);
    return m;
}

static char *error_line(const char *where, const char *why) {
    size_t n = strlen(where) + strlen(why) + 4;
    char *m = malloc(n);
    if (m) snprintf(m, n, "%s: %s\n", where, why);
    return m;
}

/* Code one record into its job. */
static void code_job(ctx *c, ne_doc *d, job *j) {
    ne_article a;
    void *scratch = NULL;
    char why[512];
    if (j->rec.kind == REC_ERROR) {
        j->failed = 1;
        j->msg = error_line(j->rec.where, j->rec.error);
        return;
    }
    if (j->rec.kind == REC_TEXT) {
        cli_text_article(&j->rec, c->date, &a);
    } else if (ne_article_from_json(j->rec.data, j->rec.len, &a, &scratch, why, sizeof why) != NE_OK) {
        ne_free(scratch);
        j->failed = 1;
        j->msg = error_line(j->rec.where, why);
        return;
    }
    if (!a.date && c->date) {
        a.date = c->date;
        a.date_len = strlen(c->date);
    }
    int rc = ne_code(c->engine, d, &a);
    const char *out = NULL;
    size_t len = 0;
    if (rc == NE_OK) rc = ne_doc_write(d, c->format, &out, &len);
    if (rc != NE_OK) {
        j->failed = 1;
        j->msg = error_line(j->rec.where, ne_doc_errmsg(d));
    } else if (c->direct) {
        if (!c->werr && fwrite(out, 1, len, c->direct) != len) c->werr = errno ? errno : EIO;
        j->msg = collect_warnings(c, d, j->rec.where);
    } else if (!(j->out = copy_str(out, len))) {
        j->failed = 1;
        j->msg = error_line(j->rec.where, "out of memory");
    } else {
        j->outlen = len;
        j->msg = collect_warnings(c, d, j->rec.where);
    }
    ne_free(scratch);
}

/* Write job j's message and output (in input order: every job before it
** was written).  Its memory is freed after the batch (flush_batch): free()
** while the thread that allocated it mallocs would contend for its arena. */
static void write_job(ctx *c, const job *j) {
    if (j->msg) fputs(j->msg, stderr);
    if (j->failed) c->failed++;
    if (j->out && !c->werr && fwrite(j->out, 1, j->outlen, c->out) != j->outlen) c->werr = errno ? errno : EIO;
}

/* Write the jobs of the batch that are coded, in order, up to the first
** that is not (the caller's thread, between its own jobs). */
static void write_ready(ctx *c) {
    while (c->written < c->njobs && atomic_load_explicit(&c->jobs[c->written].done, memory_order_acquire))
        write_job(c, &c->jobs[c->written++]);
}

static void *worker(void *arg) {
    slot *sl = arg;
    ctx *c = sl->c;
    if (!c->docs[sl->i]) c->docs[sl->i] = ne_doc_new();
    ne_doc *d = c->docs[sl->i];
    for (;;) {
        size_t i = atomic_fetch_add(&c->next, 1);
        if (i >= c->njobs) break;
        if (!d) {
            c->jobs[i].failed = 1;
            c->jobs[i].msg = error_line(c->jobs[i].rec.where, "out of memory");
        } else {
            code_job(c, d, &c->jobs[i]);
        }
        atomic_store_explicit(&c->jobs[i].done, 1, memory_order_release);
        if (sl->i == 0 && !c->direct) write_ready(c); /* slot 0: the caller's thread (run_batch) */
    }
    return NULL;
}

static void free_docs(ctx *c) {
    for (int i = 0; i < MAX_THREADS; i++) ne_doc_free(c->docs[i]);
}

/* Code a batch on nthreads threads (the caller's thread is one of them). */
static void run_batch(ctx *c, int nthreads) {
    pthread_t th[MAX_THREADS];
    slot slots[MAX_THREADS];
    int started = 0;
    atomic_store(&c->next, 0);
    for (int i = 0; i < MAX_THREADS; i++) slots[i] = (slot){c, i};
    for (int i = 1; i < nthreads && i < MAX_THREADS && (size_t)i < c->njobs; i++)
        if (pthread_create(&th[started], NULL, worker, &slots[started + 1]) == 0) started++;
    worker(&slots[0]);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
}

/* With threads, keep freed memory for the next batch instead of giving it
** back to the system.  The caller's thread frees the batch's outputs, most
** of them malloc'd by the other threads (flush_batch); glibc trims a heap
** whose free top passes M_TRIM_THRESHOLD (128 KB), and the next batch
** faults the pages in again, zeroed by the kernel: 5.4% of the perf samples
** of --threads 2 on all Reuters were clear_page (0.2% with one thread).
** Setting the trim threshold stops glibc's dynamic mmap threshold, so that
** one is set too, to a size the batches' blocks stay under. */
static void keep_freed_memory(int threads) {
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
    if (threads > 1) {
        mallopt(M_TRIM_THRESHOLD, 64 << 20);
        mallopt(M_MMAP_THRESHOLD, 4 << 20);
    }
#else
    (void)threads;
#endif
}

static void code_usage(FILE *f) {
    fprintf(f,
            "Usage: %s code [OPTIONS] [FILE|DIR|-]...\n"
            "Code news articles into CAMEO events. Reads JSON Lines (one article per line:\n"
            "{\"id\", \"text\", \"title\", \"date\", \"url\", \"source\"}), .txt files (a first line\n"
            "followed by a blank line is the title) and directories of them; '-' or no\n"
            "argument reads JSON Lines from standard input.\n\n"
            "Options:\n"
            "  -d, --date YYYY-MM-DD   publication date for records that have none\n"
            "  -f, --format json|tsv   output format (default json: one object per article)\n"
            "  -j, --threads N         code on N threads; output keeps input order (default 1)\n"
            "  -o, --output FILE       write to FILE instead of standard output\n"
            "      --explain           add the pattern and rule behind each event\n"
            "      --data DIR          knowledge files directory\n"
            "      --dict FILE         also load this actor dictionary (docs/DICTIONARIES.md\n"
            "                          format; may be repeated, up to 16)\n"
            "  -q, --quiet             no progress line, and no warnings about coded records\n"
            "                          (they stay in each record's \"warnings\" in JSON output);\n"
            "                          records that fail are still reported\n"
            "  -h, --help              show this help\n\n"
            "Exit status: 0 every record coded, 1 some record failed or output failed,\n"
            "2 usage error, 3 data files could not be loaded.\n",
            prog);
}

/* Progress on stderr, only on a terminal, at most once a second. */
static void progress(const cli_input *in, unsigned long long done, time_t t0, time_t *last, int final) {
    time_t now = time(NULL);
    if (!final && now == *last) return;
    *last = now;
    double mb = (double)cli_input_bytes(in) / 1e6, secs = difftime(now, t0);
    fprintf(stderr, "\r%llu articles, %.1f MB%s%.1f MB/s   %s", done, mb, secs > 0 ? ", " : " ",
            secs > 0 ? mb / secs : 0.0, final ? "\n" : "");
}

/* Write the batch's outputs (those not written yet) and messages in input
** order, then flush out (the batch's output is seen at once); returns -1 on
** a write error. */
static int flush_batch(ctx *c) {
    for (size_t i = 0; i < c->njobs; i++) {
        job *j = &c->jobs[i];
        if (i >= c->written) write_job(c, j);
        free(j->out);
        free(j->msg);
        cli_record_free(&j->rec);
        memset(j, 0, sizeof *j);
    }
    c->njobs = c->written = 0;
    if (c->werr) {
        errno = c->werr; /* for the caller's message */
        return -1;
    }
    return fflush(c->out) != 0 ? -1 : 0;
}

/* Code every record of in, a batch at a time, writing to c->out; show:
** print progress on stderr.  Counts the records that failed in c->failed;
** returns -1 on a write error (errno says which), else 0. */
static int code_all(ctx *c, cli_input *in, int threads, int show) {
    time_t t0 = time(NULL), last = t0;
    unsigned long long done = 0;
    int werr = 0, more = 1;
    while (more && !werr) {
        size_t bytes = 0;
        while (c->njobs < BATCH_RECORDS && bytes < BATCH_BYTES) {
            if (!cli_input_next(in, &c->jobs[c->njobs].rec)) {
                more = 0;
                break;
            }
            bytes += c->jobs[c->njobs++].rec.len;
        }
        run_batch(c, threads);
        done += c->njobs;
        werr = flush_batch(c);
        if (show) progress(in, done, t0, &last, 0);
    }
    if (show) progress(in, done, t0, &last, 1);
    if (!werr && fflush(c->out) != 0) werr = -1;
    return werr;
}

static int parse_threads(const char *s, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 1 || v > MAX_THREADS) return -1;
    *out = (int)v;
    return 0;
}

/* What the command line of `code` asks for. */
typedef struct {
    const char *dicts[MAX_DICTS];
    size_t ndicts;
    const char *date, *outpath, *data;
    int format, threads, explain, quiet;
} code_opts;

/* Parses the options of `code` into o (optind then names the first input).
** Returns 0 to go on, 1 when --help was printed, -1 after a usage error message. */
static int parse_code_opts(int argc, char **argv, code_opts *o) {
    static const struct option opts[] = {
        {"date", required_argument, 0, 'd'}, {"format", required_argument, 0, 'f'},
        {"threads", required_argument, 0, 'j'}, {"output", required_argument, 0, 'o'},
        {"explain", no_argument, 0, 'x'}, {"data", required_argument, 0, 'D'},
        {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'},
        {"dict", required_argument, 0, 'X'}, {0, 0, 0, 0}};
    int ch;
    *o = (code_opts){.format = NE_FORMAT_JSON, .threads = 1};
    optind = 1;
    opterr = 0; /* our own message, with the program's name */
    while ((ch = getopt_long(argc, argv, "d:f:j:o:qh", opts, NULL)) != -1) {
        switch (ch) {
        case 'd':
            o->date = optarg;
            if (!cli_date_ok(optarg)) return -1;
            break;
        case 'f':
            if (!strcmp(optarg, "json")) o->format = NE_FORMAT_JSON;
            else if (!strcmp(optarg, "tsv")) o->format = NE_FORMAT_TSV;
            else {
                cli_error("--format: '%s' is not one of json, tsv", optarg);
                return -1;
            }
            break;
        case 'j':
            if (parse_threads(optarg, &o->threads)) {
                cli_error("--threads: '%s' is not a number from 1 to %d", optarg, MAX_THREADS);
                return -1;
            }
            break;
        case 'o': o->outpath = optarg; break;
        case 'x': o->explain = 1; break;
        case 'D': o->data = optarg; break;
        case 'X':
            if (o->ndicts == MAX_DICTS) {
                cli_error("--dict: at most %d files", MAX_DICTS);
                return -1;
            }
            o->dicts[o->ndicts++] = optarg;
            break;
        case 'q': o->quiet = 1; break;
        case 'h': code_usage(stdout); return 1;
        default:
            cli_error("code: unknown option or missing argument: '%s'", argv[optind - 1]);
            code_usage(stderr);
            return -1;
        }
    }
    return 0;
}

int cmd_code(int argc, char **argv) {
    code_opts o;
    int rc = parse_code_opts(argc, argv, &o);
    if (rc) return rc > 0 ? 0 : EXIT_USAGE;
    ne_engine *e = cli_engine_open_dicts(o.data, o.explain, o.dicts, o.ndicts);
    if (!e) return EXIT_SETUP;
    FILE *out = stdout;
    if (o.outpath && !(out = fopen(o.outpath, "w"))) {
        cli_error("%s: cannot open for writing: %s", o.outpath, strerror(errno));
        ne_engine_close(e);
        return EXIT_SOME_BAD;
    }
    signal(SIGPIPE, SIG_IGN);
    keep_freed_memory(o.threads);
    static char outbuf[OUT_BUFFER]; /* a write(2) per batch, not per 4 KB (stdio's default) */
    setvbuf(out, outbuf, _IOFBF, sizeof outbuf);
    cli_input *in = cli_input_open(argv + optind, argc - optind);
    ctx c = {.engine = e, .date = o.date, .format = o.format, .quiet = o.quiet,
             .direct = o.threads == 1 ? out : NULL, .out = out};
    c.jobs = calloc(BATCH_RECORDS, sizeof *c.jobs);
    if (!in || !c.jobs) {
        cli_error("out of memory");
        free(c.jobs);
        cli_input_close(in);
        if (out != stdout) fclose(out);
        ne_engine_close(e);
        return EXIT_SOME_BAD;
    }
    int werr = code_all(&c, in, o.threads, !o.quiet && isatty(2));
    int saved = errno;
    if (out != stdout && fclose(out) != 0 && !werr) {
        werr = -1;
        saved = errno; /* the close's own error (a deferred write of -o FILE) */
    }
    if (werr && saved != EPIPE) cli_error("write error: %s", strerror(saved));
    for (size_t i = 0; i < c.njobs; i++) cli_record_free(&c.jobs[i].rec);
    free(c.jobs);
    free_docs(&c);
    cli_input_close(in);
    ne_engine_close(e);
    if (werr) return EXIT_SOME_BAD;
    return c.failed ? EXIT_SOME_BAD : EXIT_ALL_OK;
}
