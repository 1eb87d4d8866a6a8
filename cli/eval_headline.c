/* eval_headline.c: placeholder until the headline evaluation lands. */
#include "eval.h"

int eval_headline(const char *dir, FILE *report) {
    fprintf(report, "eval headline: not implemented yet (%s)\n", dir);
    return 1;
}
