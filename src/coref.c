/* coref.c: coreference: pronouns, nominals and surnames to earlier actor mentions. */
#include "neInt.h"

int neCoref_resolve(struct ne_doc *d, const struct ne_engine *e) { (void)d; (void)e; return NE_OK; }
