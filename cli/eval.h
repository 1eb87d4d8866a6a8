/* eval.h: the accuracy evaluations of single stages, called by `newsevents eval`
** (cmd_eval.c) and `newsevents eval-part`.  Each reads a public corpus from
** DIR at run time (nothing of it is kept), prints its figures to report, and
** returns 0, or nonzero when the corpus cannot be read.  docs/EVAL.md. */
#ifndef NE_EVAL_H
#define NE_EVAL_H

#include "cli.h"

#include <stddef.h>
#include <stdio.h>

/* TempEval-3 TimeML (*.tml under dir, e.g. Training/TBAQ-cleaned): recognition
** recall/precision (overlap) and TIMEX3 value/type accuracy on the found ones. */
int eval_timex(const char *dir, FILE *report);
/* PolNeAR (dir = data/train or data/dev: text/ and attributions/): speaker
** accuracy on direct quotations. */
int eval_quotes(const char *dir, FILE *report);
/* FNC-1 (dir with competition_test_stances.csv, *_bodies.csv): related vs
** unrelated accuracy of headline.related. */
int eval_headline(const char *dir, FILE *report);

/* ---- helpers (eval_common.c) ---- */
typedef struct eval_files { char **path; size_t n, cap; } eval_files;
/* Files under dir (recursive) whose name ends in suffix, sorted; 0 or -1. */
int eval_list(eval_files *f, const char *dir, const char *suffix);
void eval_files_free(eval_files *f);
/* Whole file, NUL-terminated, malloc'd; NULL on failure. */
char *eval_read(const char *path, size_t *len);
/* Code one text (title and date may be NULL); ne_code's result. */
int eval_code(const ne_engine *e, ne_doc *d, const char *id, const char *title, const char *text,
              size_t len, const char *date);

#endif /* NE_EVAL_H */
