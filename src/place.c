/* place.c: place mentions from the gazetteer, with country and coordinates. */
#include "neInt.h"

int nePlace_find(struct ne_doc *d, const struct ne_engine *e) { (void)d; (void)e; return NE_OK; }
