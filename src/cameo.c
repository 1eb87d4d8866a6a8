/* cameo.c: the CAMEO code table: names, Goldstein weights, quad classes, PLOVER. */
#include "neInt.h"

int neCameo_load(struct ne_engine *e) { (void)e; return NE_OK; }
void neCameo_free(ne_cameo *c) { (void)c; }
