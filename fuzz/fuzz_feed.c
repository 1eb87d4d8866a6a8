/* fuzz_feed.c: the feed parser (RSS/Atom) and the article-page text
** extractor on any bytes. */
#include "fuzz.h"
#include "../server/server.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    feed_item *items = NULL;
    int n = feed_parse((const char *)data, size, &items);
    FUZZ_ASSERT(n >= -1 && n <= 1000);
    feed_items_free(items, n > 0 ? n : 0);
    char *title = NULL;
    /* the first byte picks a declared charset, as a server's header would */
    static const char *const charsets[] = {NULL, "utf-8", "iso-8859-1", "windows-1252", "bogus-charset"};
    const char *cs = size ? charsets[data[0] % 5] : NULL;
    char *text = html_main_text((const char *)data, size, cs, &title);
    if (text) FUZZ_ASSERT(strlen(text) > 0);
    free(text);
    free(title);
    return 0;
}
