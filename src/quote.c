/* quote.c: direct quotations and their speakers. */
#include "neInt.h"

int neQuote_find(struct ne_doc *d, const struct ne_engine *e) { (void)d; (void)e; return NE_OK; }
