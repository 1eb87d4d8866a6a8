/* eval.h: the accuracy evaluations, called by `newsevents eval` (cmd_eval.c)
** and `newsevents eval-part`.  Each reads a public corpus from
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

/* Where eval_timex and eval_quotes write their misses (`eval-part --misses
** FILE`; NULL: the file named by $NE_EVAL_MISSES, or none), and whether the
** correct items are listed too (`--hits`, lines starting "ok"). */
extern const char *eval_misses_path;
extern int eval_list_hits;
/* The knowledge directory the stage evaluations (timex, quotes, headline) open
** their engine on (`eval --data`, `eval-part --data`); NULL: the default. */
extern const char *eval_data_dir;
/* The misses file opened for writing (eval_misses_path or $NE_EVAL_MISSES), or NULL. */
FILE *eval_misses_open(void);

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

/* Return value of an eval_<set>() function when its data is absent: the set
** is skipped with a message, never a failure. */
#define EVAL_SKIPPED 77

/* Record one figure (a rate in [0,1], higher is better) for the table, the
** JSON report and the floor check.  set: e.g. "conflibert"; metric: e.g.
** "quad_acc"; n: how many items it was computed over.  Copies both strings.
** Every eval function reports its figures through this call. */
void eval_figure(const char *set, const char *metric, double value, long n);

/* Record a line of explanation shown under the table ("conflibert: 451
** sentences, 12 without an event").  printf-style. */
void eval_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Precision/recall/F1 counters. */
typedef struct eval_prf {
    long tp, fp, fn;
} eval_prf;

/* Record P, R and F1 of c as "<prefix>_p", "<prefix>_r", "<prefix>_f1". */
void eval_prf_report(const char *set, const char *prefix, const eval_prf *c);
double eval_f1(const eval_prf *c);

/* Path "<dir>/<rel>" in a static buffer that the next call overwrites; NULL
** when too long.  Does the file exist (0/1)? */
const char *eval_path(const char *dir, const char *rel);
int eval_exists(const char *path);

/* Read a whole file; malloc'd, NUL-terminated; NULL on failure (errno set). */
char *eval_slurp(const char *path, size_t *len);

/* An engine and a reusable document for coding texts in-process. */
typedef struct eval_coder {
    ne_engine *engine;
    ne_doc *doc;
} eval_coder;

/* Open the engine (data dir as for `code`, see cli_data_dir).  0 or -1 after
** printing the reason. Close with eval_coder_close (accepts a zeroed one). */
int eval_coder_open(eval_coder *c, const char *data_dir);
void eval_coder_close(eval_coder *c);
/* Code one text (title and date may be NULL).  Returns the document (owned by
** c, valid until the next call) or NULL when coding failed. */
ne_doc *eval_code_doc(eval_coder *c, const char *id, const char *text, size_t len, const char *title,
                 const char *date);

/* CSV records (RFC 4180: quoted fields may hold commas, quotes and newlines;
** a quote opens a quoted field only at the field's start; with sep '\t' quotes
** are plain characters, as in the TSV sets).
** eval_csv_next reads one record into r; returns the number of fields, 0 at
** end of file, -1 on a record over the size limit. Fields are NUL-terminated
** and valid until the next call on r. */
typedef struct eval_csv {
    char *buf;
    size_t len, cap;
    size_t *off;   /* field starts in buf */
    size_t nf, fcap;
} eval_csv;
int eval_csv_next(FILE *f, eval_csv *r, char sep);
const char *eval_csv_field(const eval_csv *r, size_t i); /* "" when i is out of range */
void eval_csv_free(eval_csv *r);

/* ---- `newsevents eval` (cmd_eval.c, eval_util.c, eval_sets.c, eval_gold.c) ----
** The event sets below read from the shared data directory `dir`
** (../shared/data) and write progress lines to `report`.  Each returns 0
** when it ran, EVAL_SKIPPED when its data is absent, another value on error. */
int eval_conflibert(const char *dir, FILE *report, eval_coder *c);
int eval_plover(const char *dir, FILE *report, eval_coder *c);
int eval_india(const char *dir, FILE *report, eval_coder *c);

/* ---- gold sets (cli/eval_gold.c; format in docs/ANNOTATION.md) ---- */

/* Compare predictions (output contract, JSON Lines) with gold (JSON Lines of
** annotated articles); figures are recorded under `set`.  0 or -1 on error. */
int eval_gold_files(const char *set, const char *gold_path, const char *pred_path, FILE *report);
/* Read the gold set's texts from the shared data directory and print them as
** input records (the input contract) to out.  0, or -1 on a missing text. */
int eval_gold_texts(const char *gold_path, const char *shared, FILE *out, FILE *report);
/* Code the gold set's texts in-process and compare; EVAL_SKIPPED when the
** texts or the gold file are absent. */
int eval_gold_run(const char *set, const char *gold_path, const char *shared, FILE *report, eval_coder *c);

#endif /* NE_EVAL_H */
