/* cmd_dict.c: `newsevents dict check DIR` validates the knowledge files;
** `newsevents dict suggest FILES...` lists the capitalized names that
** matched no dictionary entry, most frequent first, with an example sentence. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void dict_usage(FILE *f) {
    fprintf(f,
            "Usage: %s dict check DIR\n"
            "       %s dict suggest [--data DIR] [--date YYYY-MM-DD] [--min N] [--top N] FILES...\n"
            "       %s dict compile [DIR] [-o FILE]\n"
            "check: report syntax errors, duplicate names and keys, overlapping date ranges,\n"
            "  unknown codes and role groups, and bad lines of patterns/*.txt (a verb\n"
            "  pattern that can never match among them), as\n"
            "  FILE:LINE: reason; exit 1 when any.\n"
            "compile: write the binary snapshot of DIR's dictionaries (default\n"
            "  DIR/dictionaries.snap, and then DIR/lemmas.snap of the WordNet lemmas and\n"
            "  DIR/patterns.snap of the parsed patterns) that engine open reads while\n"
            "  they are current.\n"
            "suggest: code the inputs and list unmatched capitalized names as\n"
            "  COUNT<TAB>NAME<TAB>EXAMPLE SENTENCE, most frequent first.\n",
            prog, prog, prog);
}

/* dict compile [DIR] [-o FILE]: the binary snapshot engine open reads. */
static int dict_compile(int argc, char **argv) {
    const char *dir = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            dict_usage(stdout);
            return EXIT_ALL_OK;
        }
        if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
        else if (argv[i][0] != '-' && !dir) dir = argv[i];
        else {
            dict_usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (!dir) dir = cli_data_dir(NULL);
    char why[512];
    int rc = ne_dict_compile(dir, out, why, sizeof why);
    if (rc != NE_OK) {
        cli_error("%s: %s", dir, why[0] ? why : ne_errstr(rc));
        return rc == NE_DATA ? EXIT_SOME_BAD : EXIT_SETUP;
    }
    return EXIT_ALL_OK;
}

static void report_line(void *ctx, const char *msg) {
    (void)ctx;
    fprintf(stderr, "%s\n", msg);
}

static int dict_check(int argc, char **argv) {
    if (argc == 2 && cli_is_help(argv[1])) {
        dict_usage(stdout);
        return EXIT_ALL_OK;
    }
    if (argc != 2 || argv[1][0] == '-') {
        dict_usage(stderr);
        return EXIT_USAGE;
    }
    if (!cli_is_dir("dict check", argv[1])) return EXIT_SETUP; /* ne_dict_check finds nothing wrong in nothing */
    size_t nerr = 0, nent = 0;
    int rc = ne_dict_check(argv[1], report_line, NULL, &nerr, &nent);
    if (rc != NE_OK && rc != NE_DATA) {
        cli_error("%s: %s", argv[1], ne_errstr(rc));
        return EXIT_SETUP;
    }
    if (!nent && !nerr) {
        cli_error("%s: no dictionary entries found (not a dictionaries directory?)", argv[1]);
        return EXIT_SOME_BAD;
    }
    fprintf(stderr, "%s: %zu entries, %zu problem%s\n", argv[1], nent, nerr, nerr == 1 ? "" : "s");
    return nerr ? EXIT_SOME_BAD : EXIT_ALL_OK;
}

/* ---- suggest: a small open-addressing table of unmatched names ---- */

typedef struct sname {
    char *name, *example;
    unsigned long count;
} sname;

typedef struct stable {
    sname *slot;
    size_t cap, n;
} stable;

static size_t hash_name(const char *s) {
    size_t h = 5381;
    for (; *s; s++) h = h * 33 + (unsigned char)*s;
    return h;
}

static int stable_grow(stable *t) {
    size_t cap = t->cap ? t->cap * 2 : 1024;
    sname *s = calloc(cap, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slot[i].name) continue;
        size_t h = hash_name(t->slot[i].name) & (cap - 1);
        while (s[h].name) h = (h + 1) & (cap - 1);
        s[h] = t->slot[i];
    }
    free(t->slot);
    t->slot = s;
    t->cap = cap;
    return 0;
}

static char *dup_n(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (!p) return NULL;
    for (size_t i = 0; i < n; i++) p[i] = (s[i] == '\n' || s[i] == '\t' || s[i] == '\r') ? ' ' : s[i];
    p[n] = 0;
    return p;
}

static int stable_add(stable *t, const char *name, const char *ex, size_t exlen) {
    if ((t->n + 1) * 2 > t->cap && stable_grow(t)) return -1;
    size_t h = hash_name(name) & (t->cap - 1);
    while (t->slot[h].name && strcmp(t->slot[h].name, name)) h = (h + 1) & (t->cap - 1);
    sname *s = &t->slot[h];
    if (!s->name) {
        s->name = dup_n(name, strlen(name));
        s->example = dup_n(ex, exlen);
        if (!s->name || !s->example) return -1;
        t->n++;
    }
    s->count++;
    return 0;
}

/* Record the unknown, unresolved names of one coded document. */
static int collect(stable *t, const ne_doc *d) {
    size_t na, ns, tl;
    const ne_actor *a = ne_doc_actors(d, &na);
    const ne_span *sent = ne_doc_sentences(d, &ns);
    const char *text = ne_doc_text(d, &tl), *title = ne_doc_title(d, &tl);
    for (size_t i = 0; i < na; i++) {
        if (a[i].kind != NE_ACTOR_UNKNOWN || a[i].country) continue;
        /* a repeated or shortened name ("Talgatov") counts for its first full mention */
        const char *name = a[i].ref >= 0 && (size_t)a[i].ref < na ? a[a[i].ref].text : a[i].text;
        const char *ex = a[i].text;
        size_t exlen = strlen(ex);
        if (a[i].in_title) {
            ex = title;
            exlen = tl;
        } else if (a[i].sentence >= 0 && (size_t)a[i].sentence < ns) {
            ex = text + sent[a[i].sentence].start;
            exlen = sent[a[i].sentence].end - sent[a[i].sentence].start;
        }
        if (stable_add(t, name, ex, exlen > 300 ? 300 : exlen)) return -1;
    }
    return 0;
}

static int by_count(const void *x, const void *y) {
    const sname *a = x, *b = y;
    if (!a->name || !b->name) return (a->name == NULL) - (b->name == NULL);
    if (a->count != b->count) return a->count < b->count ? 1 : -1;
    return strcmp(a->name, b->name);
}

/* Code the inputs and collect their unmatched names into t; a record that
** cannot be coded is reported with its reason and counted in *skipped.
** Returns 1 when the scan itself failed (out of memory), else 0. */
static int suggest_scan(const ne_engine *e, char **paths, int np, const char *date, stable *t, size_t *skipped) {
    cli_input *in = cli_input_open(paths, np);
    ne_doc *d = ne_doc_new();
    cli_record r;
    int bad = 0;
    if (!in || !d) bad = 1;
    while (!bad && cli_input_next(in, &r)) {
        ne_article a = {0};
        void *scratch = NULL;
        char why[256] = "";
        int ok = r.kind == REC_TEXT;
        if (ok) cli_text_article(&r, date, &a);
        else if (r.kind == REC_JSON) ok = ne_article_from_json(r.data, r.len, &a, &scratch, why, sizeof why) == NE_OK;
        else snprintf(why, sizeof why, "%s", r.error ? r.error : "unreadable");
        if (ok && ne_code(e, d, &a) != NE_OK) ok = 0, snprintf(why, sizeof why, "%s", ne_doc_errmsg(d));
        if (ok) {
            if (collect(t, d)) bad = 1;
        } else {
            cli_error("%s: %s; skipped", r.where ? r.where : "input", why);
            ++*skipped;
        }
        ne_free(scratch);
        cli_record_free(&r);
    }
    ne_doc_free(d);
    if (in) cli_input_close(in);
    return bad;
}

static int dict_suggest(int argc, char **argv) {
    static const struct option longs[] = {{"data", required_argument, 0, 'd'}, {"date", required_argument, 0, 'D'},
                                          {"min", required_argument, 0, 'm'},  {"top", required_argument, 0, 't'},
                                          {"help", no_argument, 0, 'h'},       {0, 0, 0, 0}};
    const char *data = NULL, *date = NULL;
    unsigned long min = 2, top = 100;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'd': data = optarg; break;
        case 'D':
            date = optarg;
            if (!cli_date_ok(date)) return EXIT_USAGE;
            break;
        case 'm':
        case 't': {
            unsigned long v = strtoul(optarg, &end, 10);
            if (optarg[0] < '0' || optarg[0] > '9' || *end) {
                cli_error("dict suggest: --%s: '%s' is not a number", c == 'm' ? "min" : "top", optarg);
                return EXIT_USAGE;
            }
            if (c == 'm') min = v;
            else top = v;
            break;
        }
        case 'h': dict_usage(stdout); return EXIT_ALL_OK;
        default: dict_usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc) { dict_usage(stderr); return EXIT_USAGE; }
    ne_engine *e = cli_engine_open(data, 0);
    if (!e) return EXIT_SETUP;
    stable t = {0};
    size_t skipped = 0;
    int bad = suggest_scan(e, argv + optind, argc - optind, date, &t, &skipped);
    qsort(t.slot, t.cap, sizeof *t.slot, by_count); /* empty slots (count 0) sort last */
    for (size_t i = 0, shown = 0; i < t.cap && t.slot[i].name && shown < top; i++) {
        if (t.slot[i].count < min) break;
        printf("%lu\t%s\t%s\n", t.slot[i].count, t.slot[i].name, t.slot[i].example);
        shown++;
    }
    for (size_t i = 0; i < t.cap; i++) { free(t.slot[i].name); free(t.slot[i].example); }
    free(t.slot);
    ne_engine_close(e);
    return bad || skipped ? EXIT_SOME_BAD : EXIT_ALL_OK; /* as code: 1 when some record failed */
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || cli_is_help(argv[1])) {
        dict_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_ALL_OK;
    }
    if (!strcmp(argv[1], "check")) return dict_check(argc - 1, argv + 1);
    if (!strcmp(argv[1], "suggest")) return dict_suggest(argc - 1, argv + 1);
    if (!strcmp(argv[1], "compile")) return dict_compile(argc - 1, argv + 1);
    cli_error("unknown dict command '%s' (check, suggest or compile)", argv[1]);
    dict_usage(stderr);
    return EXIT_USAGE;
}
