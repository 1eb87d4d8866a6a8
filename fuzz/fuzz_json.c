/* fuzz_json.c: the JSON Lines record reader (input contract) on any bytes. */
#include "fuzz.h"
#include "newsevents.h"

#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    ne_article a;
    void *scratch = NULL;
    char err[256];
    int rc = ne_article_from_json((const char *)data, size, &a, &scratch, err, sizeof err);
    if (rc == NE_OK) {
        FUZZ_ASSERT(a.id && a.text);
        /* every returned string lies inside the scratch block and is terminated */
        FUZZ_ASSERT(a.id[a.id_len] == 0 && a.text[a.text_len] == 0);
    } else {
        FUZZ_ASSERT(err[0] != 0 && memchr(err, 0, sizeof err));
    }
    ne_free(scratch);
    return 0;
}
