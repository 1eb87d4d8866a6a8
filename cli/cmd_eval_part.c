/* cmd_eval_part.c: `newsevents eval-part [--data DIR] [--misses FILE [--hits]]
** timex|quotes|headline DIR`: runs one stage evaluation (eval.h) and prints its
** figures on stdout. */
#include "eval.h"

#include <string.h>

static int usage(FILE *f, int rc) {
    fprintf(f,
            "Usage: %s eval-part [--data DIR] [--misses FILE [--hits]] timex|quotes|headline DIR\n"
            "  --data DIR     knowledge files directory\n"
            "  --misses FILE  write every miss, wrong value and extra item to FILE, one per line\n"
            "                 (timex: kind, document date, gold text, gold value, system text,\n"
            "                 system value, file, context with the expression in [[ ]])\n"
            "  --hits         list the correct items too (kind \"ok\")\n",
            prog);
    return rc;
}

int cmd_eval_part(int argc, char **argv) {
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (cli_is_help(argv[i])) return usage(stdout, 0);
        if (!strcmp(argv[i], "--misses") && i + 1 < argc) eval_misses_path = argv[++i];
        else if (!strcmp(argv[i], "--data") && i + 1 < argc) eval_data_dir = argv[++i];
        else if (!strcmp(argv[i], "--hits")) eval_list_hits = 1;
        else return usage(stderr, EXIT_USAGE);
    }
    if (argc - i != 2) return usage(stderr, EXIT_USAGE);
    const char *part = argv[i], *dir = argv[i + 1];
    if (strcmp(part, "timex") && strcmp(part, "quotes") && strcmp(part, "headline")) {
        cli_error("eval-part: unknown part '%s' (timex, quotes, headline)", part);
        return EXIT_USAGE;
    }
    char what[32];
    snprintf(what, sizeof what, "eval-part %s", part);
    if (!cli_is_dir(what, dir)) return EXIT_SOME_BAD; /* said on stderr: the figures go to stdout */
    if (!strcmp(part, "timex")) return eval_timex(dir, stdout) ? EXIT_SOME_BAD : 0;
    if (!strcmp(part, "quotes")) return eval_quotes(dir, stdout) ? EXIT_SOME_BAD : 0;
    return eval_headline(dir, stdout) ? EXIT_SOME_BAD : 0;
}
