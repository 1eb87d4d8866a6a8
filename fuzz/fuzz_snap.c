/* fuzz_snap.c: the snapshot readers (src/dict_snap.c, src/lemma.c,
** src/pattern_snap.c) on any
** bytes (checksum not verified, so that mutations reach the table checks);
** a snapshot one accepts then serves the lookups of a coded text, which must
** stay in bounds (ASan) whatever the tables hold. */
#include "fuzz.h"
#include "dictInt.h"
#include "snap.h"

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

/* Code the text with the engine as it is (its tables swapped by the caller). */
static void code_text(void) {
    ne_article a = {0};
    a.id = "fuzz";
    a.id_len = 4;
    a.date = "2024-01-17";
    a.date_len = 10;
    a.text = text;
    a.text_len = sizeof text - 1;
    int rc = ne_code(engine, doc, &a);
    FUZZ_ASSERT(rc == NE_OK || rc == NE_NOMEM);
}

/* A pattern snapshot ("NEPSNAP\n", pattern_snap.c): parsed against the
** engine's CAMEO table and lexicon, indexed, then matched. */
static void pattern_snap(const uint8_t *data, size_t size) {
    ne_patterns *shipped = engine->patterns;
    engine->patterns = NULL;
    int rc = nePattern_snap_parse(engine, data, size, 0);
    FUZZ_ASSERT(rc == NE_OK || rc == NE_DATA || rc == NE_NOMEM);
    if (rc == NE_OK && nePattern_build(engine, engine->patterns) == NE_OK) code_text();
    nePattern_free(engine->patterns);
    engine->patterns = shipped;
}

/* A lemma snapshot ("NELSNAP\n", lemma.c), a pattern snapshot or a
** dictionary snapshot. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size >= 8 && !memcmp(data, "NEPSNAP\n", 8)) {
        pattern_snap(data, size);
        return 0;
    }
    if (size >= 8 && !memcmp(data, "NELSNAP\n", 8)) {
        ne_lexicon *lx = NULL;
        if (neLemma_snap_parse(data, size, 0, &lx) != NE_OK) return 0;
        ne_lexicon *shipped = engine->lexicon;
        engine->lexicon = lx;
        code_text();
        engine->lexicon = shipped;
        neLemma_free(lx);
        return 0;
    }
    ne_dict *dc = NULL;
    if (neDict_snap_parse(data, size, 0, &dc) != NE_OK) return 0;
    ne_dict *shipped = engine->dict;
    engine->dict = dc;
    code_text();
    engine->dict = shipped;
    neDict_free(dc);
    return 0;
}
