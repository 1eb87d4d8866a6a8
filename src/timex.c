/* timex.c: time expressions normalized to TIMEX3 values against the document date. */
#include "neInt.h"

int neTimex_find(struct ne_doc *d, const struct ne_engine *e) { (void)d; (void)e; return NE_OK; }
