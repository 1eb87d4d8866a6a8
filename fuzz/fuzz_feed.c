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
    char why[256];
    int n = feed_parse((const char *)data, size, &items, why, sizeof why);
    FUZZ_ASSERT(n >= -1 && n <= 1000);
    FUZZ_ASSERT(n >= 0 || why[0]); /* a document that is not a feed says why */
    feed_items_free(items, n > 0 ? n : 0);
    char *title = NULL;
    /* the first byte picks a declared charset, as a server's header would */
    static const char *const charsets[] = {NULL, "utf-8", "iso-8859-1", "windows-1252", "bogus-charset"};
    const char *cs = size ? charsets[data[0] % 5] : NULL;
    char *text = html_main_text((const char *)data, size, cs, &title, why, sizeof why);
    if (text) FUZZ_ASSERT(strlen(text) > 0);
    else FUZZ_ASSERT(why[0]); /* no text says why */
    free(text);
    free(title);
    return 0;
}
