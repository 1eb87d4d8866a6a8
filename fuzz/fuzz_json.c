/* fuzz_json.c: the JSON Lines record reader (input contract) on any bytes;
** a record it reads must read the same through jansson (json_read.c reads
** most records by its own fast path, and must agree with jansson on each). */
#include "fuzz.h"
#include "newsevents.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    return 0;
}

/* Field `name` of root as jansson has it equals (s, n): a string with the
** same bytes, an integer id with the same digits, or null/absent for NULL. */
static int same_field(json_t *root, const char *name, const char *s, size_t n) {
    json_t *v = json_object_get(root, name);
    if (!v || json_is_null(v)) return s == NULL;
    if (json_is_integer(v)) {
        char num[32];
        int k = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return s && (size_t)k == n && memcmp(s, num, n) == 0;
    }
    return s && json_is_string(v) && json_string_length(v) == n && memcmp(json_string_value(v), s, n) == 0;
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
        json_error_t je;
        json_t *root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
        FUZZ_ASSERT(root && json_is_object(root));
        FUZZ_ASSERT(same_field(root, "id", a.id, a.id_len) && same_field(root, "text", a.text, a.text_len) &&
                    same_field(root, "title", a.title, a.title_len) && same_field(root, "date", a.date, a.date_len) &&
                    same_field(root, "url", a.url, a.url_len) && same_field(root, "source", a.source, a.source_len));
        json_decref(root);
    } else {
        FUZZ_ASSERT(err[0] != 0 && memchr(err, 0, sizeof err));
    }
    ne_free(scratch);
    return 0;
}
