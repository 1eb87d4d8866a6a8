/* fuzz_code.c: the whole coding pipeline on any bytes as an article text
** (the first line is the title when the input starts with 0x01), checking
** that the output is one valid JSON object and every span is in bounds. */
#include "fuzz.h"
#include "newsevents.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static ne_engine *engine;
static ne_doc *doc;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    fuzz_engine_open(&engine, &doc);
    return 0;
}

static void check_spans(const ne_doc *d) {
    size_t n, tl, bl;
    const char *body = ne_doc_text(d, &bl);
    ne_doc_title(d, &tl);
    (void)body;
    const ne_event *ev = ne_doc_events(d, &n);
    for (size_t i = 0; i < n; i++)
        FUZZ_ASSERT(ev[i].span.start <= ev[i].span.end && ev[i].span.end <= (ev[i].in_title ? tl : bl));
    const ne_actor *ac = ne_doc_actors(d, &n);
    for (size_t i = 0; i < n; i++)
        FUZZ_ASSERT(ac[i].span.start <= ac[i].span.end && ac[i].span.end <= (ac[i].in_title ? tl : bl));
    const ne_timex *tx = ne_doc_timexes(d, &n);
    for (size_t i = 0; i < n; i++)
        FUZZ_ASSERT(tx[i].span.start <= tx[i].span.end && tx[i].span.end <= (tx[i].in_title ? tl : bl));
    const ne_quote *q = ne_doc_quotes(d, &n);
    for (size_t i = 0; i < n; i++) FUZZ_ASSERT(q[i].span.start <= q[i].span.end && q[i].span.end <= bl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    ne_article a = {0};
    a.id = "fuzz";
    a.id_len = 4;
    a.date = "2024-01-17";
    a.date_len = 10;
    const char *s = (const char *)data;
    if (size && data[0] == 1) {
        const char *nl = memchr(s + 1, '\n', size - 1);
        size_t tl = nl ? (size_t)(nl - s - 1) : size - 1;
        a.title = s + 1;
        a.title_len = tl;
        s += 1 + tl + (nl ? 1 : 0);
        size -= 1 + tl + (nl ? 1 : 0);
    }
    a.text = s;
    a.text_len = size;
    if (ne_code(engine, doc, &a) != NE_OK) return 0;
    check_spans(doc);
    const char *out;
    size_t len;
    FUZZ_ASSERT(ne_doc_write(doc, NE_FORMAT_JSON, &out, &len) == NE_OK);
    FUZZ_ASSERT(len > 0 && out[len - 1] == '\n' && !memchr(out, '\n', len - 1));
    json_error_t je;
    json_t *v = json_loadb(out, len, JSON_ALLOW_NUL, &je);
    FUZZ_ASSERT(v && json_is_object(v));
    json_decref(v);
    FUZZ_ASSERT(ne_doc_write(doc, NE_FORMAT_TSV, &out, &len) == NE_OK);
    return 0;
}
