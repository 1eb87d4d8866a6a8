/* actor.c: actor mentions: dictionary names, country + role compositions, unknown names. */
#include "neInt.h"

int neActor_find(struct ne_doc *d, const struct ne_engine *e) { (void)d; (void)e; return NE_OK; }
