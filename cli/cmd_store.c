/* cmd_store.c: the store commands: ingest, query, timeline, top, export. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define INGEST_BATCH 200 /* articles per transaction */

ne_store *cli_store_open(const char *uri) {
    ne_store *s = NULL;
    if (!uri) {
        cli_error("--db is required (a SQLite file or a postgresql:// URI)");
        return NULL;
    }
    int rc = ne_store_open(&s, uri);
    if (rc != NE_OK) {
        cli_error("%s", s ? ne_store_errmsg(s) : ne_errstr(rc));
        ne_store_close(s);
        return NULL;
    }
    return s;
}

/* ---- ingest ---- */
typedef struct ingest_stats {
    unsigned long long seen, added, dups, failed;
} ingest_stats;

/* Code and store one record; prints "WHERE: reason" for a failure. */
static void ingest_record(const ne_engine *e, ne_doc *d, ne_store *s, const cli_record *r, const char *date,
                          ingest_stats *st) {
    ne_article a;
    void *scratch = NULL;
    char why[512];
    st->seen++;
    int rc = cli_record_article(r, date, &a, &scratch, why, sizeof why);
    if (rc == NE_OK && (rc = ne_code(e, d, &a)) != NE_OK) snprintf(why, sizeof why, "%s", ne_doc_errmsg(d));
    int added = 0;
    if (rc == NE_OK && (rc = ne_store_add(s, d, &added)) != NE_OK) snprintf(why, sizeof why, "%s", ne_store_errmsg(s));
    ne_free(scratch);
    if (rc != NE_OK) {
        fprintf(stderr, "%s: %s\n", r->where, why);
        st->failed++;
        return;
    }
    if (added) st->added++;
    else st->dups++;
}

static void ingest_usage(FILE *f) {
    fprintf(f,
            "Usage: %s ingest --db DB [OPTIONS] [FILE|DIR|-]...\n"
            "Code articles and store them with their events, actors, places, quotes and\n"
            "time expressions. DB is a SQLite file (created if missing) or a\n"
            "postgresql:// URI. Re-ingesting an article (same id, or same text under\n"
            "another id) stores nothing twice; each batch of %d articles is one transaction.\n\n"
            "Options:\n"
            "      --db DB             the store (required)\n"
            "  -d, --date YYYY-MM-DD   publication date for records that have none\n"
            "      --data DIR          knowledge files directory\n"
            "  -q, --quiet             no progress or summary\n"
            "  -h, --help              show this help\n",
            prog, INGEST_BATCH);
}

/* Commit the open batch and start the next one. */
static int batch_turn(ne_store *s, int more) {
    if (ne_store_commit(s) != NE_OK || (more && ne_store_begin(s) != NE_OK)) {
        cli_error("%s", ne_store_errmsg(s));
        return -1;
    }
    return 0;
}

static int ingest_loop(const ne_engine *e, ne_store *s, cli_input *in, const char *date, int quiet,
                       ingest_stats *st) {
    ne_doc *d = ne_doc_new();
    if (!d || ne_store_begin(s) != NE_OK) {
        cli_error("%s", d ? ne_store_errmsg(s) : "out of memory");
        ne_doc_free(d);
        return -1;
    }
    int show = !quiet && isatty(2), rc = 0;
    time_t last = time(NULL);
    cli_record r;
    while (rc == 0 && cli_input_next(in, &r)) {
        ingest_record(e, d, s, &r, date, st);
        cli_record_free(&r);
        if (st->seen % INGEST_BATCH == 0) rc = batch_turn(s, 1);
        if (show && time(NULL) != last) {
            last = time(NULL);
            fprintf(stderr, "\r%llu articles, %llu stored   ", st->seen, st->added);
        }
    }
    if (rc == 0) rc = batch_turn(s, 0);
    if (show) fputc('\n', stderr);
    ne_doc_free(d);
    return rc;
}

int cmd_ingest(int argc, char **argv) {
    static const struct option opts[] = {{"db", required_argument, 0, 'b'}, {"date", required_argument, 0, 'd'},
                                         {"data", required_argument, 0, 'D'}, {"quiet", no_argument, 0, 'q'},
                                         {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *db = NULL, *date = NULL, *data = NULL;
    int quiet = 0, ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "d:qh", opts, NULL)) != -1) {
        switch (ch) {
        case 'b': db = optarg; break;
        case 'd':
            date = optarg;
            if (!cli_date_ok(date)) return EXIT_USAGE;
            break;
        case 'D': data = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': ingest_usage(stdout); return 0;
        default: ingest_usage(stderr); return EXIT_USAGE;
        }
    }
    if (!db) {
        cli_error("ingest: --db is required");
        return EXIT_USAGE;
    }
    ne_engine *e = cli_engine_open(data, 0);
    if (!e) return EXIT_SETUP;
    ne_store *s = cli_store_open(db);
    if (!s) {
        ne_engine_close(e);
        return EXIT_SOME_BAD;
    }
    cli_input *in = cli_input_open(argv + optind, argc - optind);
    ingest_stats st = {0};
    int rc = in ? ingest_loop(e, s, in, date, quiet, &st) : -1;
    long long na = 0, ne = 0, nm = 0;
    if (rc == 0 && !quiet && ne_store_counts(s, &na, &ne, &nm) == NE_OK)
        fprintf(stderr, "ingest: %llu records: %llu stored, %llu already present, %llu failed; store holds %lld "
                        "articles, %lld events, %lld mentions\n", st.seen, st.added, st.dups, st.failed, na, ne, nm);
    cli_input_close(in);
    ne_store_close(s);
    ne_engine_close(e);
    return (rc || st.failed) ? EXIT_SOME_BAD : EXIT_ALL_OK;
}

/* ---- query, export: shared filters ---- */
typedef struct filter_opts {
    const char *db, *format;
    ne_query q;
    char dyad[64];
} filter_opts;

static int parse_dyad(filter_opts *f, const char *arg) {
    snprintf(f->dyad, sizeof f->dyad, "%s", arg);
    char *comma = strchr(f->dyad, ',');
    if (!comma || comma == f->dyad || !comma[1]) return -1;
    *comma = 0;
    f->q.dyad_a = f->dyad;
    f->q.dyad_b = comma + 1;
    return 0;
}

static int parse_long(const char *s, long lo, long hi, long *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

/* Report an argument left after the options ("query: unexpected argument
** 'IRN'": a filter without its option) as the usage error it is; 1 if any. */
static int no_operands(int argc, char **argv) {
    if (optind >= argc) return 0;
    cli_error("%s: unexpected argument '%s' (try '%s %s --help')", argv[0], argv[optind], prog, argv[0]);
    return 1;
}

/* Parse the filter options shared by query and export; returns -1 on a usage error. */
static int parse_filters(int argc, char **argv, filter_opts *f, void (*usage)(FILE *)) {
    static const struct option opts[] = {
        {"db", required_argument, 0, 'b'},      {"country", required_argument, 0, 'c'},
        {"dyad", required_argument, 0, 'y'},    {"code", required_argument, 0, 'e'},
        {"root", required_argument, 0, 'r'},    {"quad", required_argument, 0, 'Q'},
        {"since", required_argument, 0, 's'},   {"until", required_argument, 0, 'u'},
        {"text", required_argument, 0, 't'},    {"format", required_argument, 0, 'f'},
        {"limit", required_argument, 0, 'l'},   {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int ch;
    long v;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
        switch (ch) {
        case 'b': f->db = optarg; break;
        case 'c': f->q.country = optarg; break;
        case 'y': if (parse_dyad(f, optarg)) { cli_error("--dyad: expected A,B (e.g. IRN,PAK)"); return -1; } break;
        case 'e': f->q.code = optarg; break;
        case 'r': f->q.root = optarg; break;
        case 'Q': if (parse_long(optarg, 1, 4, &v)) { cli_error("--quad: expected 1..4"); return -1; } f->q.quad = (int)v; break;
        case 's': f->q.since = optarg; break;
        case 'u': f->q.until = optarg; break;
        case 't': f->q.text = optarg; break;
        case 'f': f->format = optarg; break;
        case 'l': if (parse_long(optarg, 1, 100000000, &v)) { cli_error("--limit: expected a positive number"); return -1; } f->q.limit = v; break;
        case 'h': usage(stdout); return 1;
        default: usage(stderr); return -1;
        }
    }
    if (!f->db) {
        cli_error("--db is required");
        return -1;
    }
    return no_operands(argc, argv) ? -1 : 0;
}

static void query_usage(FILE *f) {
    fprintf(f,
            "Usage: %s query --db DB [--country ISO3] [--dyad A,B] [--code C | --root R | --quad Q]\n"
            "       [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--text WORDS] [--limit N]\n"
            "       [--format json|tsv|table]\n"
            "Events from a store (merged across articles), newest first, with their\n"
            "evidence, article ids and counts (num_mentions, num_sources, num_articles).\n",
            prog);
}

static void export_usage(FILE *f) {
    fprintf(f,
            "Usage: %s export --db DB [--format gdelt|gdelt-mentions|phoenix|jsonl] [filters as in query]\n"
            "Write stored events in the GDELT 2.0 event table layout (61 tab-separated\n"
            "columns), the GDELT 2.0 mentions table, Phoenix-style CSV, or JSON Lines\n"
            "(the default; docs/STORE.md gives the column mapping).\n",
            prog);
}

/* Run a filter command: parse, open the store, export in format. */
static int filter_command(int argc, char **argv, void (*usage)(FILE *), const char *deflt, int limit_all) {
    filter_opts f = {0};
    f.format = deflt;
    int p = parse_filters(argc, argv, &f, usage);
    if (p) return p > 0 ? 0 : EXIT_USAGE;
    if (limit_all && !f.q.limit) f.q.limit = 1000000000L;
    ne_store *s = cli_store_open(f.db);
    if (!s) return EXIT_SOME_BAD;
    signal(SIGPIPE, SIG_IGN);
    int rc = cli_export(s, &f.q, f.format, stdout);
    if (rc == NE_INVALID && !*ne_store_errmsg(s)) {
        cli_error("unknown --format '%s'", f.format);
        ne_store_close(s);
        return EXIT_USAGE;
    }
    if (rc != NE_OK && rc != NE_IO) cli_error("%s", ne_store_errmsg(s));
    if (rc == NE_OK && fflush(stdout) != 0) rc = NE_IO;
    if (rc == NE_IO && errno != EPIPE) cli_error("write error: %s", strerror(errno));
    ne_store_close(s);
    /* NE_INVALID: a filter value the store refused (--since 2024-99-99) */
    return rc == NE_OK ? EXIT_ALL_OK : rc == NE_INVALID ? EXIT_USAGE : EXIT_SOME_BAD;
}

int cmd_query(int argc, char **argv) { return filter_command(argc, argv, query_usage, "json", 0); }

int cmd_export(int argc, char **argv) { return filter_command(argc, argv, export_usage, "jsonl", 1); }

/* ---- timeline, top ---- */
static int print_agg(void *ctx, const ne_agg_row *r) {
    fprintf(ctx, "%s\t%ld\t%.1f\n", r->key, r->events, r->goldstein);
    return 0;
}

static void timeline_usage(FILE *f) {
    fprintf(f,
            "Usage: %s timeline --db DB --dyad A,B [--by day|week|month]\n"
            "Events between A and B (either direction) per period: PERIOD, count,\n"
            "Goldstein sum (tab-separated): the conflict-cooperation curve.\n",
            prog);
}

static void top_usage(FILE *f) {
    fprintf(f,
            "Usage: %s top --db DB [--limit N]\n"
            "The most active actors and dyads (default 10 of each): code, events,\n"
            "Goldstein sum (tab-separated).\n",
            prog);
}

int cmd_timeline(int argc, char **argv) {
    static const struct option opts[] = {{"db", required_argument, 0, 'b'}, {"dyad", required_argument, 0, 'y'},
                                         {"by", required_argument, 0, 'B'}, {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    filter_opts f = {0};
    const char *by = "day";
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'b': f.db = optarg; break;
        case 'y': if (parse_dyad(&f, optarg)) { cli_error("--dyad: expected A,B (e.g. IRN,PAK)"); return EXIT_USAGE; } break;
        case 'B': by = optarg; break;
        case 'h': timeline_usage(stdout); return 0;
        default: timeline_usage(stderr); return EXIT_USAGE;
        }
    }
    if (!f.db || !f.q.dyad_a) {
        cli_error("timeline: --db and --dyad are required");
        return EXIT_USAGE;
    }
    if (no_operands(argc, argv)) return EXIT_USAGE;
    if (strcmp(by, "day") && strcmp(by, "week") && strcmp(by, "month")) {
        cli_error("--by: expected day, week or month");
        return EXIT_USAGE;
    }
    ne_store *s = cli_store_open(f.db);
    if (!s) return EXIT_SOME_BAD;
    printf("period\tevents\tgoldstein\n");
    int rc = ne_store_timeline(s, f.q.dyad_a, f.q.dyad_b, by, print_agg, stdout);
    if (rc != NE_OK) cli_error("%s", ne_store_errmsg(s));
    ne_store_close(s);
    return rc == NE_OK ? 0 : rc == NE_INVALID ? EXIT_USAGE : EXIT_SOME_BAD;
}

int cmd_top(int argc, char **argv) {
    static const struct option opts[] = {{"db", required_argument, 0, 'b'}, {"limit", required_argument, 0, 'l'},
                                         {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *db = NULL;
    long limit = 10;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'b': db = optarg; break;
        case 'l': if (parse_long(optarg, 1, 100000, &limit)) { cli_error("--limit: expected a positive number"); return EXIT_USAGE; } break;
        case 'h': top_usage(stdout); return 0;
        default: top_usage(stderr); return EXIT_USAGE;
        }
    }
    if (!db) {
        cli_error("top: --db is required");
        return EXIT_USAGE;
    }
    if (no_operands(argc, argv)) return EXIT_USAGE;
    ne_store *s = cli_store_open(db);
    if (!s) return EXIT_SOME_BAD;
    printf("# actors\nactor\tevents\tgoldstein\n");
    int rc = ne_store_top(s, "actors", limit, print_agg, stdout);
    if (rc == NE_OK) {
        printf("\n# dyads\ndyad\tevents\tgoldstein\n");
        rc = ne_store_top(s, "dyads", limit, print_agg, stdout);
    }
    if (rc != NE_OK) cli_error("%s", ne_store_errmsg(s));
    ne_store_close(s);
    return rc == NE_OK ? 0 : EXIT_SOME_BAD;
}
