/* pattern.c: the verb and noun pattern dictionary: loading and the anchor index. */
#include "neInt.h"

int nePattern_load(struct ne_engine *e) { (void)e; return NE_OK; }
void nePattern_free(ne_patterns *p) { (void)p; }
