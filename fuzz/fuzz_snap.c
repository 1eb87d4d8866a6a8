/* fuzz_snap.c: the dictionary snapshot reader (src/dict_snap.c) on any bytes
** (checksum not verified, so that mutations reach the table checks); a
** snapshot it accepts then serves the dictionary lookups of a coded text,
** which must stay in bounds (ASan) whatever the tables hold. */
#include "fuzz.h"
#include "dictInt.h"

#include <stdlib.h>
#include <string.h>

static ne_engine *engine;
static ne_doc *doc;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    fuzz_engine_open(&engine, &doc);
    return 0;
}

static const char text[] =
    "Pakistan's prime minister Nawaz Sharif met LeT leaders in Peshawar on Monday. "
    "the islamic republic of pakistan said officials of Lashkar-e-Taiba visited KARACHI.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    ne_dict *dc = NULL;
    if (neDict_snap_parse(data, size, 0, &dc) != NE_OK) return 0;
    ne_dict *shipped = engine->dict;
    engine->dict = dc;
    ne_article a = {0};
    a.id = "fuzz";
    a.id_len = 4;
    a.date = "2024-01-17";
    a.date_len = 10;
    a.text = text;
    a.text_len = sizeof text - 1;
    int rc = ne_code(engine, doc, &a);
    FUZZ_ASSERT(rc == NE_OK || rc == NE_NOMEM);
    engine->dict = shipped;
    neDict_free(dc);
    return 0;
}
