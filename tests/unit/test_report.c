/* test_report.c: the service's messages (server/report.c).  srv_report writes
** "newsevents: WHERE: reason"; srv_panic, libmicrohttpd's panic handler,
** reports the library's fatal error the same way, naming where and why, and
** then aborts (a child process runs it: the test reads its stderr and its
** end). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server.h"

/* Run fn in a child with stderr on a pipe; its stderr into out[cap] and its
** wait status into *status. */
static void in_child(void (*fn)(void), char *out, size_t cap, int *status) {
    int p[2];
    assert_int_equal(pipe(p), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        dup2(p[1], 2);
        fn();
        _exit(0);
    }
    close(p[1]);
    size_t n = 0;
    ssize_t k;
    while (n + 1 < cap && (k = read(p[0], out + n, cap - 1 - n)) > 0) n += (size_t)k;
    out[n] = 0;
    close(p[0]);
    assert_int_equal(waitpid(pid, status, 0), pid);
}

static void report_one(void) { srv_report("http://example.test/feed.xml", "HTTP %d", 500); }

static void panic_one(void) { srv_panic(NULL, "daemon.c", 1234, "Failed to remove FD from epoll set"); }

static void panic_bare(void) { srv_panic(NULL, NULL, 0, NULL); }

static void report_form(void **state) {
    (void)state;
    char out[1024];
    int st;
    in_child(report_one, out, sizeof out, &st);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    assert_string_equal(out, "newsevents: http://example.test/feed.xml: HTTP 500\n");
}

static void panic_reports_then_aborts(void **state) {
    (void)state;
    char out[1024];
    int st;
    in_child(panic_one, out, sizeof out, &st);
    assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
    assert_non_null(strstr(out, "newsevents: libmicrohttpd: fatal internal error (daemon.c:1234): Failed to remove "
                                "FD from epoll set; the service stops\n"));
    /* what libmicrohttpd's own handler would have printed instead */
    assert_null(strstr(out, "Fatal error in GNU libmicrohttpd"));
}

static void panic_without_details(void **state) { /* a library built without messages passes NULLs */
    (void)state;
    char out[1024];
    int st;
    in_child(panic_bare, out, sizeof out, &st);
    assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
    assert_non_null(strstr(out, "newsevents: libmicrohttpd: fatal internal error (?:0): no reason given"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(report_form),
        cmocka_unit_test(panic_reports_then_aborts),
        cmocka_unit_test(panic_without_details),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
