/* eval_quotes.c: placeholder until the quotes evaluation lands. */
#include "eval.h"

int eval_quotes(const char *dir, FILE *report) {
    fprintf(report, "eval quotes: not implemented yet (%s)\n", dir);
    return 1;
}
