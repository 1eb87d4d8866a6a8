/* report.c: the service's messages on stderr, in the form of the command-line
** tool's diagnostics ("newsevents: WHERE: reason"): a feed, page or article
** that fails (srv_report), and libmicrohttpd's fatal internal errors
** (srv_panic), which would otherwise go out in its own words. */
#include "server.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void srv_report(const char *where, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "newsevents: %s: %s\n", where, msg);
}

void srv_panic(void *cls, const char *file, unsigned int line, const char *reason) {
    (void)cls;
    srv_report("libmicrohttpd", "fatal internal error (%s:%u): %s; the service stops", file ? file : "?", line,
               reason && *reason ? reason : "no reason given");
    fflush(stderr);
    abort(); /* it cannot go on safely (MHD_set_panic_func); the core tells where */
}
