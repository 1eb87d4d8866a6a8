/* cmd_eval.c: `newsevents eval`: accuracy figures against gold annotations
** and the external sets in ../shared/data, one table (or JSON), and the
** floors of eval/floors.json that CI enforces (docs/EVAL.md). */
#include "cli.h"
#include "eval.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIGURES 256
#define MAX_NOTES 128
#define MAX_SETS 16

typedef struct figure {
    char set[32], metric[48];
    double value;
    long n;
    double floor; /* < 0: none */
    int below;
} figure;

static figure figs[MAX_FIGURES];
static size_t nfigs;
static char *notes[MAX_NOTES];
static size_t nnotes;
static char sets_run[MAX_SETS][32];
static size_t nsets_run;

void eval_figure(const char *set, const char *metric, double value, long n) {
    if (nfigs == MAX_FIGURES) return;
    figure *f = &figs[nfigs++];
    snprintf(f->set, sizeof f->set, "%s", set);
    snprintf(f->metric, sizeof f->metric, "%s", metric);
    f->value = value;
    f->n = n;
    f->floor = -1;
}

void eval_note(const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (nnotes < MAX_NOTES && (notes[nnotes] = malloc(strlen(buf) + 1))) memcpy(notes[nnotes++], buf, strlen(buf) + 1);
}

double eval_f1(const eval_prf *c) {
    double p = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 0;
    double r = c->tp + c->fn ? (double)c->tp / (double)(c->tp + c->fn) : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

void eval_prf_report(const char *set, const char *prefix, const eval_prf *c) {
    char m[48];
    long pred = c->tp + c->fp, gold = c->tp + c->fn;
    snprintf(m, sizeof m, "%s_p", prefix);
    eval_figure(set, m, pred ? (double)c->tp / (double)pred : 0, pred);
    snprintf(m, sizeof m, "%s_r", prefix);
    eval_figure(set, m, gold ? (double)c->tp / (double)gold : 0, gold);
    snprintf(m, sizeof m, "%s_f1", prefix);
    eval_figure(set, m, eval_f1(c), gold);
}

static void mark_run(const char *set) {
    if (nsets_run < MAX_SETS) snprintf(sets_run[nsets_run++], sizeof sets_run[0], "%s", set);
}

static int set_ran(const char *set) {
    for (size_t i = 0; i < nsets_run; i++)
        if (!strcmp(sets_run[i], set)) return 1;
    return 0;
}

/* The sets eval knows, in the order --all runs them, and how each runs: a
** coder evaluation of the shared data directory (coder), a stage evaluation
** of its subdirectory sub (stage), or else a gold set of this repository whose
** default file is sub (--dev, --devart, ... name another). */
typedef struct eval_set {
    const char *name;
    int (*coder)(const char *shared, FILE *report, eval_coder *c);
    int (*stage)(const char *dir, FILE *report);
    const char *sub;
} eval_set;

static const eval_set sets[] = {
    {"conflibert", eval_conflibert, NULL, NULL},
    {"plover", eval_plover, NULL, NULL},
    {"tempeval3", NULL, eval_timex, "tempeval3/Training/TBAQ-cleaned"},
    {"polnear", NULL, eval_quotes, "polnear/data/dev"},
    {"fnc1", NULL, eval_headline, "fnc1"},
    {"india", eval_india, NULL, NULL},
    {"dev", NULL, NULL, "eval/gold/dev.jsonl"},
    {"devart", NULL, NULL, "eval/gold/devart.jsonl"},
    {"devintl", NULL, NULL, "eval/gold/devintl.jsonl"},
    {"devintl2", NULL, NULL, "eval/gold/devintl2.jsonl"},
    {"articles", NULL, NULL, "eval/gold/articles.jsonl"},
};
#define NSETS (sizeof sets / sizeof sets[0])

/* The index of the set called name in sets[] ("devart": 7), or -1. */
static int set_index(const char *name) {
    for (size_t i = 0; i < NSETS; i++)
        if (!strcmp(sets[i].name, name)) return (int)i;
    return -1;
}

/* "conflibert, plover, ..., articles": the sets --set and --skip take. */
static const char *set_names(void) {
    static char buf[256];
    if (buf[0]) return buf;
    size_t n = 0;
    for (size_t i = 0; i < NSETS && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? ", " : "", sets[i].name);
    return buf;
}

#define FLOORS_FORM "a JSON object of floors, such as {\"dev.event_root_f1\": 0.75}"

/* The floors file at path as a JSON object, or NULL after saying what is
** wrong and where: "eval/floors.json: cannot open: No such file or
** directory", "/dev/null: empty; expected a JSON object of floors, ...",
** "floors.json:3:5: invalid JSON: ...". */
static json_t *load_floors(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_error("%s: cannot open the floors file: %s", path, strerror(errno));
        return NULL;
    }
    int c;
    while ((c = getc(f)) == ' ' || c == '\t' || c == '\n' || c == '\r') {}
    if (c == EOF) {
        cli_error("%s: the floors file is empty; expected %s", path, FLOORS_FORM);
        fclose(f);
        return NULL;
    }
    ungetc(c, f);
    json_error_t err;
    json_t *root = json_loadf(f, 0, &err);
    fclose(f);
    if (!root) cli_error("%s:%d:%d: invalid JSON in the floors file: %s", path, err.line, err.column, err.text);
    else if (!json_is_object(root)) {
        cli_error("%s: the floors file holds a JSON %s; expected %s", path,
                  json_is_array(root) ? "array" : "value that is not an object", FLOORS_FORM);
        json_decref(root);
        root = NULL;
    }
    return root;
}

/* Is floors entry key: v usable?  Says why not ("floors.json: floor
** \"dev.event_f1\": the value is not a number").  Keys that start with '_'
** are comments. */
static int floor_entry_ok(const char *path, const char *key, const json_t *v) {
    const char *why = NULL;
    char set[32];
    snprintf(set, sizeof set, "%.*s", (int)strcspn(key, "."), key);
    if (key[0] == '_') return 0;
    if (!strchr(key, '.') || !key[strcspn(key, ".") + 1]) why = "the key is not SET.METRIC";
    else if (set_index(set) < 0 && strcmp(set, "gold")) why = "no such set (see --set in --help; \"gold\" is --gold's)";
    else if (!json_is_number(v)) why = "the value is not a number";
    if (why) cli_error("%s: floor \"%s\": %s", path, key, why);
    return why ? -1 : 1;
}

/* Apply floors from path: {"set.metric": floor, ...}.  Returns the number of
** violations (a figure below its floor, or missing from a set that ran);
** *file_errors counts what is wrong with the file itself (each reported). */
static int apply_floors(const char *path, FILE *report, int *file_errors) {
    json_t *root = load_floors(path);
    if (!root) {
        ++*file_errors;
        return 0;
    }
    int bad = 0;
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        int ok = floor_entry_ok(path, key, v);
        if (ok < 0) ++*file_errors;
        if (ok <= 0) continue;
        int found = 0;
        for (size_t i = 0; i < nfigs; i++) {
            char name[128];
            snprintf(name, sizeof name, "%.31s.%.47s", figs[i].set, figs[i].metric);
            if (strcmp(name, key)) continue;
            found = 1;
            figs[i].floor = json_number_value(v);
            /* a tiny tolerance so that a floor written as the rounded-down value never trips */
            if (figs[i].value + 1e-9 < figs[i].floor) figs[i].below = 1, bad++;
        }
        char set[32];
        snprintf(set, sizeof set, "%.*s", (int)strcspn(key, "."), key);
        if (!found && set_ran(set)) {
            fprintf(report, "floor %s: the figure was not measured although %s ran\n", key, set);
            bad++;
        }
    }
    json_decref(root);
    return bad;
}

static void print_table(FILE *f) {
    fprintf(f, "%-12s %-22s %8s %7s %7s\n", "set", "metric", "value", "n", "floor");
    for (size_t i = 0; i < nfigs; i++) {
        const figure *g = &figs[i];
        char fl[16] = "-";
        if (g->floor >= 0) snprintf(fl, sizeof fl, "%.3f", g->floor);
        fprintf(f, "%-12s %-22s %8.3f %7ld %7s%s\n", g->set, g->metric, g->value, g->n, fl,
                g->below ? "  BELOW FLOOR" : "");
    }
    for (size_t i = 0; i < nnotes; i++) fprintf(f, "  %s\n", notes[i]);
}

static void print_json(FILE *f) {
    json_t *root = json_object(), *arr = json_array(), *nts = json_array();
    for (size_t i = 0; i < nfigs; i++) {
        const figure *g = &figs[i];
        json_t *o = json_pack("{s:s,s:s,s:f,s:I}", "set", g->set, "metric", g->metric, "value", g->value, "n",
                              (json_int_t)g->n);
        if (g->floor >= 0) json_object_set_new(o, "floor", json_real(g->floor));
        json_object_set_new(o, "below_floor", json_boolean(g->below));
        json_array_append_new(arr, o);
    }
    for (size_t i = 0; i < nnotes; i++) json_array_append_new(nts, json_string(notes[i]));
    json_object_set_new(root, "figures", arr);
    json_object_set_new(root, "notes", nts);
    json_dumpf(root, f, JSON_INDENT(1) | JSON_REAL_PRECISION(6));
    fputc('\n', f);
    json_decref(root);
}

static void eval_usage(FILE *f) {
    fprintf(f,
            "Usage: %s eval --gold GOLD.jsonl PRED.jsonl [OPTIONS]\n"
            "       %s eval --all [OPTIONS]\n"
            "       %s eval --texts GOLD.jsonl > INPUT.jsonl\n"
            "Accuracy of the engine: precision, recall and F1 of events at the levels\n"
            "(source country, target country, root), (source country, target country, code)\n"
            "and (source code, target code, code); event dates, actor spans, quotation\n"
            "speakers, time values, headline relatedness.  Gold format: docs/ANNOTATION.md.\n\n"
            "Options:\n"
            "      --gold FILE     compare PRED (output of `code`) with the gold FILE\n"
            "      --all           run every external set found under the shared data\n"
            "                      directory and the development gold sets\n"
            "      --set NAME      run one set: conflibert, plover, tempeval3, polnear, fnc1,\n"
            "                      india, dev, devart, devintl, devintl2, articles (may be\n"
            "                      repeated)\n"
            "      --skip NAME     with --all: leave this set out (may be repeated)\n"
            "      --texts FILE    print the input records of a gold set (texts read from\n"
            "                      the shared data directory) and exit\n"
            "      --shared DIR    shared data directory (default $NE_SHARED_DATA, then\n"
            "                      ../shared/data)\n"
            "      --dev FILE      development gold set (default eval/gold/dev.jsonl)\n"
            "      --devart FILE   development gold set of whole articles (default\n"
            "                      eval/gold/devart.jsonl)\n"
            "      --devintl FILE  development gold set of international articles\n"
            "                      (default eval/gold/devintl.jsonl)\n"
            "      --devintl2 FILE second development gold set of international articles\n"
            "                      (default eval/gold/devintl2.jsonl)\n"
            "      --articles FILE held-out gold set of whole articles (default\n"
            "                      eval/gold/articles.jsonl)\n"
            "      --floors FILE   floors to enforce (default eval/floors.json when present)\n"
            "      --no-floors     do not check floors\n"
            "      --json          print the figures as JSON instead of a table\n"
            "      --data DIR      knowledge files directory\n"
            "  -h, --help          show this help\n\n"
            "Exit status: 0 ok, 1 a figure fell below its floor or an input failed,\n"
            "2 usage error, 3 data files could not be loaded.\n",
            prog, prog, prog);
}

typedef struct eval_opts {
    const char *gold, *texts, *shared, *floors, *data;
    const char *gold_path[NSETS]; /* --dev FILE ...: a gold set's file, by its index in sets[] */
    const char *sets[MAX_SETS], *skips[MAX_SETS];
    int nsets, nskips, all, json, no_floors;
} eval_opts;

static int wants(const eval_opts *o, const char *set) {
    for (int i = 0; i < o->nskips; i++)
        if (!strcmp(o->skips[i], set)) return 0;
    if (o->all) return 1;
    for (int i = 0; i < o->nsets; i++)
        if (!strcmp(o->sets[i], set)) return 1;
    return 0;
}

/* Run one set: rc 0 ran, EVAL_SKIPPED skipped, else error (counted in *errors). */
static void run_set(const char *set, int rc, FILE *report, int *errors) {
    if (rc == 0) mark_run(set);
    else if (rc == EVAL_SKIPPED) eval_note("%s: skipped (data absent)", set);
    else {
        eval_note("%s: failed (see messages above)", set);
        (*errors)++;
    }
    (void)report;
}

/* Figures from a stage evaluation's report lines: tab-separated fields
** "name 0.123" (optionally followed by " (k/n)") become figures of `set`;
** fields whose number has no decimal point (counts) are not figures. */
static void parse_report(const char *set, const char *text) {
    char name[48];
    for (const char *f = text; *f;) {
        size_t len = strcspn(f, "\t\n");
        double v;
        long k, n = 0;
        int used = 0;
        if (len < 200 && sscanf(f, "%47[a-z_] %lf%n", name, &v, &used) == 2 && memchr(f, '.', len) &&
            v >= 0 && v <= 1) {
            if (sscanf(f + used, " (%ld/%ld)", &k, &n) != 2) n = 0;
            eval_figure(set, name, v, n);
        }
        f += len;
        if (*f) f++;
    }
}

/* Run a stage evaluation (eval_timex ...) on shared/sub, echo its report to
** `report`, and record its figures.  Placeholders ("not implemented") are
** noted as not available, not failed. */
static int run_stage_eval(const char *set, int (*fn)(const char *, FILE *), const char *shared, const char *sub,
                          FILE *report) {
    const char *p = eval_path(shared, sub);
    char dir[4096];
    if (!p || !eval_exists(p)) {
        fprintf(report, "%s: %s/%s absent, skipped\n", set, shared, sub);
        return EVAL_SKIPPED;
    }
    snprintf(dir, sizeof dir, "%s", p);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) return -1;
    int rc = fn(dir, mem);
    fclose(mem);
    fputs(buf ? buf : "", report);
    if (rc != 0 && buf && strstr(buf, "not implemented")) {
        eval_note("%s: not available yet", set);
        rc = EVAL_SKIPPED - 1000;
    } else if (rc == 0) {
        parse_report(set, buf ? buf : "");
    }
    free(buf);
    return rc;
}

/* A placeholder's "not available yet" is neither a run nor an error. */
static void run_external(const char *set, int rc, FILE *report, int *errors) {
    if (rc == EVAL_SKIPPED - 1000) return;
    run_set(set, rc, report, errors);
}

static int run_sets(const eval_opts *o, FILE *report) {
    int errors = 0;
    eval_coder c = {0};
    if (eval_coder_open(&c, o->data)) return -1;
    eval_data_dir = o->data; /* the stage evaluations open their own engine */
    if (!eval_exists(o->shared)) fprintf(report, "%s: shared data directory absent; external sets skipped\n", o->shared);
    for (size_t i = 0; i < NSETS; i++) {
        const eval_set *t = &sets[i];
        if (!wants(o, t->name)) continue;
        if (t->coder) run_set(t->name, t->coder(o->shared, report, &c), report, &errors);
        else if (t->stage)
            run_external(t->name, run_stage_eval(t->name, t->stage, o->shared, t->sub, report), report, &errors);
        else
            run_set(t->name, eval_gold_run(t->name, o->gold_path[i] ? o->gold_path[i] : t->sub, o->shared, report, &c),
                    report, &errors);
    }
    eval_coder_close(&c);
    return errors;
}

static int parse_eval_opts(int argc, char **argv, eval_opts *o) {
    static const struct option opts[] = {
        {"gold", required_argument, 0, 'g'},  {"all", no_argument, 0, 'a'},
        {"set", required_argument, 0, 's'},   {"texts", required_argument, 0, 't'},
        {"shared", required_argument, 0, 'S'}, {"dev", required_argument, 0, 'v'},
        {"floors", required_argument, 0, 'F'}, {"no-floors", no_argument, 0, 'N'},
        {"json", no_argument, 0, 'J'},        {"data", required_argument, 0, 'D'},
        {"help", no_argument, 0, 'h'},        {"skip", required_argument, 0, 'k'},
        {"articles", required_argument, 0, 'A'}, {"devart", required_argument, 0, 'W'},
        {"devintl", required_argument, 0, 'I'}, {"devintl2", required_argument, 0, 'L'},
        {0, 0, 0, 0}};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'g': o->gold = optarg; break;
        case 'a': o->all = 1; break;
        case 's':
        case 'k':
            if (set_index(optarg) < 0) {
                cli_error("eval: --%s %s: no such set (sets: %s)", ch == 's' ? "set" : "skip", optarg, set_names());
                return EXIT_USAGE;
            }
            if ((ch == 's' ? o->nsets : o->nskips) == MAX_SETS) {
                cli_error("eval: more than %d --%s options", MAX_SETS, ch == 's' ? "set" : "skip");
                return EXIT_USAGE;
            }
            if (ch == 's') o->sets[o->nsets++] = optarg;
            else o->skips[o->nskips++] = optarg;
            break;
        case 't': o->texts = optarg; break;
        case 'S': o->shared = optarg; break;
        case 'v': o->gold_path[set_index("dev")] = optarg; break;
        case 'A': o->gold_path[set_index("articles")] = optarg; break;
        case 'W': o->gold_path[set_index("devart")] = optarg; break;
        case 'I': o->gold_path[set_index("devintl")] = optarg; break;
        case 'L': o->gold_path[set_index("devintl2")] = optarg; break;
        case 'F': o->floors = optarg; break;
        case 'N': o->no_floors = 1; break;
        case 'J': o->json = 1; break;
        case 'D': o->data = optarg; break;
        case 'h': eval_usage(stdout); return -1;
        default: eval_usage(stderr); return EXIT_USAGE;
        }
    }
    return 0;
}

int cmd_eval(int argc, char **argv) {
    eval_opts o = {.shared = getenv("NE_SHARED_DATA")};
    if (!o.shared || !*o.shared) o.shared = "../shared/data";
    int rc = parse_eval_opts(argc, argv, &o);
    if (rc) return rc < 0 ? 0 : rc;
    if (!o.gold && optind < argc) { /* "eval --all pred.jsonl": only --gold takes a PRED file */
        cli_error("eval: unexpected argument '%s' (try '%s eval --help')", argv[optind], prog);
        return EXIT_USAGE;
    }
    FILE *report = stderr;
    if (o.texts) return eval_gold_texts(o.texts, o.shared, stdout, report) ? EXIT_SOME_BAD : 0;
    int errors = 0;
    if (o.gold) {
        if (optind != argc - 1) {
            cli_error("--gold GOLD needs exactly one PRED file (the output of `%s code`)", prog);
            return EXIT_USAGE;
        }
        if (eval_gold_files("gold", o.gold, argv[optind], report)) errors++;
        else mark_run("gold");
    } else if (o.all || o.nsets) {
        errors = run_sets(&o, report);
        if (errors < 0) return EXIT_SETUP;
    } else {
        eval_usage(stderr);
        return EXIT_USAGE;
    }
    if (!o.floors && !o.gold && eval_exists("eval/floors.json")) o.floors = "eval/floors.json";
    int floor_errors = 0;
    int bad = (!o.no_floors && o.floors) ? apply_floors(o.floors, report, &floor_errors) : 0;
    if (o.json) print_json(stdout);
    else print_table(stdout);
    if (bad) fprintf(report, "%s eval: %d figure(s) below the floors of %s\n", prog, bad, o.floors);
    if (floor_errors)
        fprintf(report, "%s eval: %d error(s) in the floors file %s (above): its floors were not all checked\n", prog,
                floor_errors, o.floors);
    for (size_t i = 0; i < nnotes; i++) free(notes[i]);
    return (bad || errors || floor_errors) ? EXIT_SOME_BAD : 0;
}
