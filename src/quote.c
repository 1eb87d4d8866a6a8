/* quote.c: direct quotations and their speakers. */
#include "neInt.h"

int neQuote_load(struct ne_engine *e) { (void)e; return NE_OK; }
int neQuote_find(struct ne_doc *d, const struct ne_engine *e) { (void)d; (void)e; return NE_OK; }
