/* cmd_eval_part.c: `newsevents eval-part timex|quotes|headline DIR`: runs one
** stage evaluation (eval.h) and prints its figures on stdout. */
#include "eval.h"

#include <string.h>

int cmd_eval_part(int argc, char **argv) {
    if (argc != 3 || !strcmp(argv[1], "--help")) {
        fprintf(argc == 2 ? stdout : stderr, "Usage: %s eval-part timex|quotes|headline DIR\n", prog);
        return argc == 2 ? 0 : EXIT_USAGE;
    }
    if (!strcmp(argv[1], "timex")) return eval_timex(argv[2], stdout) ? EXIT_SOME_BAD : 0;
    if (!strcmp(argv[1], "quotes")) return eval_quotes(argv[2], stdout) ? EXIT_SOME_BAD : 0;
    if (!strcmp(argv[1], "headline")) return eval_headline(argv[2], stdout) ? EXIT_SOME_BAD : 0;
    cli_error("eval-part: unknown part '%s' (timex, quotes, headline)", argv[1]);
    return EXIT_USAGE;
}
