/* dict.c: actor, role and place dictionaries: loading, validation and the token trie. */
#include "neInt.h"

int neDict_load(struct ne_engine *e) { (void)e; return NE_OK; }
void neDict_free(ne_dict *dc) { (void)dc; }
