/* serve_exec.c: `serve` and `follow` in the newsevents command run newsevents-serve,
** the same command linked with the service's libraries (libmicrohttpd, libcurl,
** libxml2 and their ~35 dependencies), so that the other commands do not load them. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* newsevents-serve beside this executable (the build tree), in a relocated
** install (PREFIX/bin -> PREFIX/libexec/newsevents), then where it is installed. */
static const char *server_path(char *out, size_t cap) {
    char exe[PATH_MAX];
    if (cli_exe_dir(exe, sizeof exe)) {
        const char *rel[] = {"/newsevents-serve", "/../" NE_LIBEXEC_REL "/newsevents/newsevents-serve"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            int w = snprintf(out, cap, "%s%s", exe, rel[i]);
            if (w > 0 && (size_t)w < cap && access(out, X_OK) == 0) return out;
        }
    }
    return NE_SERVE_INSTALL;
}

/* Replace this process by newsevents-serve with the same arguments (argv[0] is
** the command's name); returns only on failure.  The data directory this
** command would use is passed on in NEWSEVENTS_DATA unless already set. */
static int run_server(int argc, char **argv) {
    char path[PATH_MAX];
    const char *bin = server_path(path, sizeof path);
    const char *env = getenv("NEWSEVENTS_DATA");
    if ((!env || !*env) && setenv("NEWSEVENTS_DATA", cli_data_dir(NULL), 1)) {
        cli_error("%s: cannot set NEWSEVENTS_DATA: %s", argv[0], strerror(errno));
        return EXIT_SETUP;
    }
    char **args = calloc((size_t)argc + 2, sizeof *args);
    if (!args) {
        cli_error("out of memory");
        return EXIT_SETUP;
    }
    args[0] = (char *)bin;
    for (int i = 0; i < argc; i++) args[i + 1] = argv[i];
    execv(bin, args);
    cli_error("%s: cannot run %s: %s", argv[0], bin, strerror(errno));
    free(args);
    return EXIT_SETUP;
}

int cmd_serve(int argc, char **argv) { return run_server(argc, argv); }

int cmd_follow(int argc, char **argv) { return run_server(argc, argv); }
