/* fuzz_http.c: HTTP request handling (routing, query parameters, bodies,
** authorization) of the service on any bytes.  Input: "METHOD URL\n
** AUTHORIZATION\nBODY"; the URL's query string is split as the server does. */
#include "fuzz.h"
#include "../server/server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static srv S;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    static char db[256];
    char err[512];
    snprintf(db, sizeof db, "/tmp/ne-fuzz-http.%d.db", (int)getpid());
    unlink(db);
    S.conf.db = db;
    S.conf.token = "fuzz-token";
    const char *data = getenv("NEWSEVENTS_DATA") ? getenv("NEWSEVENTS_DATA") : NE_FUZZ_DATA;
    S.stream = stream_new(64);
    if (!S.stream || srv_readers_open(&S, 2, err, sizeof err) ||
        !(S.ingest = ingest_start(db, data, S.stream, &S.metrics, 1, err, sizeof err)))
        abort();
    return 0;
}

#define MAX_ARGS 16
typedef struct args {
    char *k[MAX_ARGS], *v[MAX_ARGS];
    int n;
} args;

static const char *get(void *ctx, const char *key) {
    args *a = ctx;
    for (int i = 0; i < a->n; i++)
        if (!strcmp(a->k[i], key)) return a->v[i];
    return NULL;
}

/* Split "a=1&b=2" in place into a. */
static void split_query(char *q, args *a) {
    for (char *p = q; p && *p && a->n < MAX_ARGS;) {
        char *amp = strchr(p, '&');
        if (amp) *amp = 0;
        char *eq = strchr(p, '=');
        a->k[a->n] = p;
        a->v[a->n] = eq ? (*eq = 0, eq + 1) : "";
        a->n++;
        p = amp ? amp + 1 : NULL;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *buf = malloc(size + 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    char *line1 = buf, *nl = strchr(buf, '\n');
    char *auth = NULL, *body = "";
    if (nl) {
        *nl = 0;
        auth = nl + 1;
        char *nl2 = strchr(auth, '\n');
        if (nl2) {
            *nl2 = 0;
            body = nl2 + 1;
        }
    }
    char *sp = strchr(line1, ' ');
    char *method = line1, *url = sp ? (*sp = 0, sp + 1) : "/";
    args a = {0};
    char *q = strchr(url, '?');
    if (q) {
        *q = 0;
        split_query(q + 1, &a);
    }
    sbuf out = {0};
    int status = 0;
    const char *type = NULL;
    if (api_handle(&S, method, url, get, &a, auth, body, strlen(body), &status, &type, &out)) {
        FUZZ_ASSERT(status >= 200 && status < 600 && type);
        FUZZ_ASSERT(status != 500 || out.oom);
    }
    sb_free(&out);
    free(buf);
    return 0;
}
