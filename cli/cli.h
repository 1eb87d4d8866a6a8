/* cli.h: shared pieces of the newsevents command-line tool (not the library). */
#ifndef NE_CLI_H
#define NE_CLI_H

#include "newsevents.h"

#include <stdio.h>

/* Exit statuses (docs/newsevents.1). */
#define EXIT_ALL_OK 0   /* every record was coded */
#define EXIT_SOME_BAD 1 /* some record failed, or output could not be written */
#define EXIT_USAGE 2    /* bad command line */
#define EXIT_SETUP 3    /* the engine could not load its data */

extern const char *prog; /* "newsevents" */

/* Print "newsevents: msg" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Is the value of --date a YYYY-MM-DD date that exists?  If not, says so
** ("--date: '2024-02-30' is not a YYYY-MM-DD date") and returns 0: each
** record would otherwise warn of a date it does not hold. */
int cli_date_ok(const char *value);

/* Is arg a request for help ("-h" or "--help")?  For the commands that read
** their arguments without getopt ("dict check --help", "eval-part -h"). */
int cli_is_help(const char *arg);

/* Is path a directory?  If not, says why ("eval-part timex: corpus/: No such
** file or directory", what first) and returns 0. */
int cli_is_dir(const char *what, const char *path);

/* The directory of the running executable (/proc/self/exe less its last
** component) into dir[cap]; 0 when unknown or too long for dir. */
int cli_exe_dir(char *dir, size_t cap);

/* Resolve the data directory: --data, $NEWSEVENTS_DATA, the build tree next to
** the executable, then the installed share directory.  Static storage. */
const char *cli_data_dir(const char *opt);

/* Open the engine with the resolved data directory; prints the reason and
** returns NULL on failure. */
ne_engine *cli_engine_open(const char *data_opt, int explain);
/* The same, loading extra actor dictionary files (--dict) after the shipped ones. */
ne_engine *cli_engine_open_dicts(const char *data_opt, int explain, const char *const *dicts, size_t ndicts);

/* ---- input (input.c): files, directories and stdin as a stream of records ---- */
enum rec_kind { REC_JSON, REC_TEXT, REC_ERROR };

typedef struct cli_record {
    enum rec_kind kind;
    char *where;     /* "FILE:LINE" or "FILE" for messages; malloc'd */
    char *data;      /* JSON line or whole text file; malloc'd */
    size_t len;
    char *id;        /* REC_TEXT: the id given to the file (its path); malloc'd */
    char *error;     /* REC_ERROR: the reason; malloc'd */
} cli_record;

typedef struct cli_input cli_input;

/* Paths: files, directories (recursed in name order) or "-" for stdin. */
cli_input *cli_input_open(char **paths, int npaths);
/* Next record into *r (caller frees with cli_record_free); 0 at end, 1 got one. */
int cli_input_next(cli_input *in, cli_record *r);
void cli_record_free(cli_record *r);
void cli_input_close(cli_input *in);
/* Total bytes read so far (for progress). */
unsigned long long cli_input_bytes(const cli_input *in);

/* Turn a text record into an article: first line + blank line = title. */
void cli_text_article(const cli_record *r, const char *date, ne_article *a);

/* The article of a record (JSON line or text file), with date as the default
** publication date.  *scratch must be freed with ne_free() (also on failure);
** on failure returns non-NE_OK with the reason in why. */
int cli_record_article(const cli_record *r, const char *date, ne_article *a, void **scratch, char *why,
                       size_t whylen);

/* Open a store (SQLite path or postgresql:// URI); prints the reason and
** returns NULL on failure (cmd_store.c). */
ne_store *cli_store_open(const char *uri);

/* Export formats (export.c): write the events matching q to out. */
int cli_export(ne_store *s, const ne_query *q, const char *format, FILE *out);

/* Subcommands */
int cmd_code(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_eval_part(int argc, char **argv); /* cmd_eval_part.c */
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_top(int argc, char **argv);
int cmd_export(int argc, char **argv);
/* serve, follow: server/serve.c in newsevents-serve; in newsevents, cli/serve_exec.c,
** which replaces the process with newsevents-serve (returns only when that fails) */
int cmd_serve(int argc, char **argv);
int cmd_follow(int argc, char **argv);
int cmd_eval(int argc, char **argv);

#endif
