/* event.c: events: patterns matched in clauses, with actors, modality, date and place. */
#include "neInt.h"

int neEvent_find(struct ne_doc *d, const struct ne_engine *e) { (void)d; (void)e; return NE_OK; }
