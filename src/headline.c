/* headline.c: headline-to-body consistency: is the title about the body? */
#include "neInt.h"

int neHeadline_load(struct ne_engine *e) { (void)e; return NE_OK; }
int neHeadline_score(struct ne_doc *d, const struct ne_engine *e) { (void)e; d->headline.present = 0; return NE_OK; }
