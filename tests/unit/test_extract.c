/* test_extract.c: the feed and page parsers of the service (server/extract.c)
** never print.  libxml2 writes its errors on stderr by default, some of them
** (an encoding error: bytes not in the declared charset) even with the
** NOERROR parse options; these tests run hostile feeds and pages with stderr
** captured in a file, which must stay empty, and check that the reason comes
** back to the caller instead, that parsing goes on, and that the thread's own
** libxml2 handler is left as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server.h"

/* A feed declared EUC-JP with bytes that are not EUC-JP in its first title. */
static const char bad_euc_feed[] =
    "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<rss><channel>"
    "<item><title>Talks \xff\xfe\xfd resume</title><link>http://x.test/1</link></item>"
    "<item><title>second</title><link>http://x.test/2</link></item></channel></rss>\n";
/* A feed labelled UTF-16 that is not. */
static const char bad_u16_feed[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss></rss>";
/* Broken XML: an unclosed item and a bare ampersand. */
static const char broken_feed[] = "<?xml version=\"1.0\"?><rss><channel><item><title>A & B</title>"
                                  "<link>http://x.test/3</link>\n<item><title>Second";
static const char good_feed[] = "<rss><channel><item><title>Good</title><link>http://x.test/4</link></item>"
                                "</channel></rss>";
/* A Shift_JIS page with bytes that are not Shift_JIS in its paragraph. */
static const char bad_sjis_page[] =
    "<html><head><meta charset=\"shift_jis\"><title>t</title></head><body><div><p>This is a long "
    "enough paragraph of text \x82\xff\xfc\x80 with bad bytes inside it.</p></div></body></html>";
/* An HTML5 page: libxml2's HTML parser calls header, nav and article invalid tags. */
static const char html5_page[] =
    "<!DOCTYPE html><html><head><title>Page</title></head><body><header><nav>Home</nav></header>"
    "<article><p>Troops clashed with militants near the border crossing on Tuesday, officials said.</p>"
    "</article><footer>c</footer></body></html>";
/* Not UTF-8, declared UTF-8 by the server's header. */
static const char bad_utf8_page[] = "<html><body><div><p>Officials in Z\xfcrich said the talks would "
                                    "resume next week after a pause.</p></div></body></html>";

static int saved_fd = -1;
static FILE *captured;

/* stderr into a temporary file until release_stderr. */
static void capture_stderr(void) {
    fflush(stderr);
    captured = tmpfile();
    assert_non_null(captured);
    saved_fd = dup(2);
    assert_true(saved_fd >= 0);
    assert_true(dup2(fileno(captured), 2) >= 0);
}

/* Restore stderr; fails, showing what was printed, unless nothing was. */
static void release_stderr_expect_empty(void) {
    fflush(stderr);
    assert_true(dup2(saved_fd, 2) >= 0);
    close(saved_fd);
    struct stat st;
    assert_int_equal(fstat(fileno(captured), &st), 0);
    long n = (long)st.st_size;
    if (n > 0) {
        char buf[1024] = "";
        rewind(captured);
        size_t k = fread(buf, 1, sizeof buf - 1, captured);
        buf[k] = 0;
        fprintf(stderr, "printed on stderr:\n%s\n", buf);
    }
    fclose(captured);
    assert_int_equal(n, 0);
}

#if LIBXML_VERSION >= 21200
static void own_handler(void *ud, const xmlError *e) {
#else
static void own_handler(void *ud, xmlErrorPtr e) {
#endif
    (void)e;
    ++*(int *)ud;
}

/* feed_parse on the string xml: the item count, with the reason in why[256]. */
static int parse_feed(const char *xml, char *why) {
    feed_item *items = NULL;
    int n = feed_parse(xml, strlen(xml), &items, why, 256);
    feed_items_free(items, n > 0 ? n : 0);
    return n;
}

static void test_feed_reasons(void **state) {
    (void)state;
    char why[5][256];
    capture_stderr();
    int n_euc = parse_feed(bad_euc_feed, why[0]);
    parse_feed(bad_u16_feed, why[1]);
    int n_broken = parse_feed(broken_feed, why[2]);
    int n_good = parse_feed(good_feed, why[3]);
    int n_html = parse_feed("<html><body>no feed</body></html>", why[4]);
    release_stderr_expect_empty();
    assert_true(n_euc >= 0); /* recovered: the items before the bad bytes */
    assert_non_null(strstr(why[0], "input conversion failed"));
    assert_non_null(strstr(why[1], "UTF-16"));
    assert_true(n_broken >= 1); /* recovered, and the reason names the line */
    assert_non_null(strstr(why[2], "line "));
    assert_int_equal(n_good, 1);
    assert_string_equal(why[3], "");
    assert_int_equal(n_html, -1);
    assert_non_null(strstr(why[4], "not an RSS or Atom feed"));
}

static void test_pages_never_print(void **state) {
    (void)state;
    char why[256], why_html5[256], why_utf8[256];
    char *title = NULL;
    capture_stderr();
    char *text = html_main_text(bad_sjis_page, sizeof bad_sjis_page - 1, NULL, &title, why, sizeof why);
    free(text);
    free(title);
    text = html_main_text(html5_page, sizeof html5_page - 1, "utf-8", &title, why_html5, sizeof why_html5);
    assert_non_null(text);
    free(text);
    free(title);
    text = html_main_text(bad_utf8_page, sizeof bad_utf8_page - 1, "utf-8", &title, why_utf8, sizeof why_utf8);
    assert_non_null(text); /* the byte outside UTF-8 is replaced, not passed on to the article's JSON */
    assert_non_null(strstr(text, "Z\xef\xbf\xbdrich said"));
    free(text);
    free(title);
    text = html_main_text(bad_sjis_page, sizeof bad_sjis_page - 1, "bogus-charset", &title, NULL, 0);
    free(text);
    free(title);
    release_stderr_expect_empty();
    assert_non_null(strstr(why, "input conversion failed"));
    assert_string_equal(why_html5, ""); /* HTML5 tags are not worth a report */
    assert_string_not_equal(why_utf8, "");
}

static void test_handler_restored(void **state) {
    (void)state;
    int seen = 0;
    xmlSetStructuredErrorFunc(&seen, own_handler);
    char why[256];
    feed_item *items = NULL;
    int n = feed_parse(bad_euc_feed, sizeof bad_euc_feed - 1, &items, why, sizeof why);
    feed_items_free(items, n > 0 ? n : 0);
    assert_int_equal(seen, 0); /* the parse's errors went to the parse */
    assert_ptr_equal(xmlStructuredError, own_handler);
    assert_ptr_equal(xmlStructuredErrorContext, &seen);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feed_reasons),
        cmocka_unit_test(test_pages_never_print),
        cmocka_unit_test(test_handler_restored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
