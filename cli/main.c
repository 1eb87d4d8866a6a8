/* main.c: the newsevents command: dispatches to subcommands. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *prog = "newsevents";

void cli_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* 0 when p is a directory, else why not: stat's errno ("build/share": ENOENT),
** or ENOTDIR for a file. */
static int dir_error(const char *p) {
    struct stat st;
    if (stat(p, &st) != 0) return errno;
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

int cli_date_ok(const char *value) {
    if (ne_date_valid(value, strlen(value))) return 1;
    cli_error("--date: '%s' is not a YYYY-MM-DD date", value);
    return 0;
}

int cli_is_help(const char *arg) { return !strcmp(arg, "-h") || !strcmp(arg, "--help"); }

int cli_is_dir(const char *what, const char *path) {
    int err = dir_error(path);
    if (!err) return 1;
    cli_error("%s: %s: %s", what, path, err == ENOTDIR ? "not a directory" : strerror(err));
    return 0;
}

/* Is dir/rel a directory?  Writes the joined path into out. */
static int try_dir(char *out, size_t cap, const char *dir, const char *rel) {
    int n = snprintf(out, cap, "%s%s", dir, rel);
    return n > 0 && (size_t)n < cap && !dir_error(out);
}

int cli_exe_dir(char *dir, size_t cap) {
    if (cap < 2) return 0;
    ssize_t n = readlink("/proc/self/exe", dir, cap - 1);
    if (n <= 0 || (size_t)n >= cap - 1) return 0; /* none, or perhaps cut short */
    dir[n] = 0;
    char *slash = strrchr(dir, '/');
    if (!slash) return 0;
    *slash = 0;
    return 1;
}

const char *cli_data_dir(const char *opt) {
    static char buf[PATH_MAX];
    char exe[PATH_MAX];
    if (opt && *opt) return opt;
    const char *env = getenv("NEWSEVENTS_DATA");
    if (env && *env) return env;
    /* the build tree (build/newsevents, build/share/newsevents), then an
    ** installed tree relocated anywhere (PREFIX/bin, PREFIX/share/newsevents) */
    if (cli_exe_dir(exe, sizeof exe) && (try_dir(buf, sizeof buf, exe, "/share/newsevents") ||
                                         try_dir(buf, sizeof buf, exe, "/../share/newsevents")))
        return buf;
    return NE_SHARE_INSTALL;
}

ne_engine *cli_engine_open(const char *data_opt, int explain) {
    return cli_engine_open_dicts(data_opt, explain, NULL, 0);
}

ne_engine *cli_engine_open_dicts(const char *data_opt, int explain, const char *const *dicts, size_t ndicts) {
    ne_options o = {0};
    o.data_dir = cli_data_dir(data_opt);
    o.explain = explain;
    o.extra_dicts = dicts;
    o.n_extra_dicts = ndicts;
    ne_engine *e = NULL;
    int rc = ne_engine_open(&e, &o);
    if (rc != NE_OK) {
        cli_error("cannot load data from %s: %s", o.data_dir, e ? ne_engine_errmsg(e) : ne_errstr(rc));
        ne_engine_close(e);
        return NULL;
    }
    return e;
}

static void usage(FILE *f) {
    fprintf(f,
            "Usage: %s COMMAND [OPTIONS] [ARGS]\n"
            "Turn news articles into CAMEO-coded political event data.\n\n"
            "Commands:\n"
            "  code      code articles (JSON Lines, .txt files, directories, -) to JSON Lines or TSV\n"
            "  dict      check dictionaries (dict check DIR); list unmatched names (dict suggest FILES);\n"
            "            compile them for a fast start (dict compile [DIR])\n"
            "  eval-part measure one stage: timex, quotes or headline on a corpus DIR\n"
            "  ingest    code articles and store them (SQLite file or postgresql:// URI)\n"
            "  query     events from a store, filtered by country, dyad, code, date, text\n"
            "  timeline  event counts and Goldstein sums per day/week/month for a dyad\n"
            "  top       the most active actors and dyads in a store\n"
            "  export    a store as GDELT 2.0 events/mentions, Phoenix or JSON Lines\n"
            "  serve     HTTP API, live event stream and dashboard over a store\n"
            "  follow    poll RSS/Atom feeds, fetch, code and store new articles\n"
            "  eval      accuracy against gold annotations and the shared evaluation sets\n"
            "\n"
            "Run '%s COMMAND --help' for a command's options; 'man newsevents' for the manual.\n"
            "Options:\n"
            "  -h, --help     show this help\n"
            "  -V, --version  show the version\n",
            prog, prog);
}

struct command {
    const char *name;
    int (*fn)(int, char **);
};

static const struct command commands[] = {
    {"code", cmd_code},         {"ingest", cmd_ingest}, {"query", cmd_query},
    {"timeline", cmd_timeline}, {"top", cmd_top},       {"export", cmd_export},
    {"serve", cmd_serve},       {"follow", cmd_follow},
    {"eval-part", cmd_eval_part},
    {"eval", cmd_eval},
    {"dict", cmd_dict},
};

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *c = argv[1];
    if (cli_is_help(c) || !strcmp(c, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(c, "-V") || !strcmp(c, "--version")) {
        printf("newsevents %s\n", ne_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(c, commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
    cli_error("unknown command '%s' (try '%s --help')", c, prog);
    return EXIT_USAGE;
}
