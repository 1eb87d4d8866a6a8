/* json_read.c: the input contract, one JSON Lines record -> ne_article (jansson). */
#include "neInt.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* The fields of the input contract, in the order of ne_article's members. */
struct field {
    const char *name;
    int required;
};
static const struct field fields[] = {
    {"id", 1}, {"text", 1}, {"title", 0}, {"date", 0}, {"url", 0}, {"source", 0},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* Pointers to the (ptr, len) pairs of a, in fields[] order. */
static void field_slots(ne_article *a, const char ***p, size_t **l) {
    p[0] = &a->id; l[0] = &a->id_len;
    p[1] = &a->text; l[1] = &a->text_len;
    p[2] = &a->title; l[2] = &a->title_len;
    p[3] = &a->date; l[3] = &a->date_len;
    p[4] = &a->url; l[4] = &a->url_len;
    p[5] = &a->source; l[5] = &a->source_len;
}

/* The string value of field v as (s, n); an integer id is accepted as text. */
static int field_value(json_t *v, const struct field *f, char *num, size_t numcap,
                       const char **s, size_t *n, char *err, size_t errlen) {
    if (json_is_string(v)) {
        *s = json_string_value(v);
        *n = json_string_length(v);
        return NE_OK;
    }
    if (json_is_integer(v) && strcmp(f->name, "id") == 0) {
        int k = snprintf(num, numcap, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *s = num;
        *n = (size_t)k;
        return NE_OK;
    }
    if (json_is_null(v) && !f->required) {
        *s = NULL;
        *n = 0;
        return NE_OK;
    }
    snprintf(err, errlen, "field \"%s\" must be a string, not %s", f->name,
             json_is_object(v) ? "an object" : json_is_array(v) ? "an array"
             : json_is_null(v) ? "null" : json_is_boolean(v) ? "a boolean" : "a number");
    return NE_INVALID;
}

int ne_article_from_json(const char *line, size_t len, ne_article *a, void **scratch,
                         char *err, size_t errlen) {
    memset(a, 0, sizeof *a);
    *scratch = NULL;
    if (errlen) err[0] = 0;
    json_error_t je;
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!root) {
        snprintf(err, errlen, "invalid JSON at column %d: %s", je.column, je.text);
        return NE_INVALID;
    }
    if (!json_is_object(root)) {
        snprintf(err, errlen, "record is not a JSON object");
        json_decref(root);
        return NE_INVALID;
    }
    const char *val[NFIELDS] = {0};
    size_t vlen[NFIELDS] = {0};
    char num[32];
    size_t total = 0;
    int rc = NE_OK;
    for (size_t i = 0; i < NFIELDS && rc == NE_OK; i++) {
        json_t *v = json_object_get(root, fields[i].name);
        if (!v) {
            if (fields[i].required) {
                snprintf(err, errlen, "missing required field \"%s\"", fields[i].name);
                rc = NE_INVALID;
            }
            continue;
        }
        rc = field_value(v, &fields[i], num, sizeof num, &val[i], &vlen[i], err, errlen);
        total += vlen[i] + 1;
    }
    if (rc == NE_OK) {
        char *mem = neM_malloc(total ? total : 1);
        if (!mem) {
            snprintf(err, errlen, "out of memory");
            rc = NE_NOMEM;
        } else {
            const char **p[NFIELDS];
            size_t *l[NFIELDS];
            field_slots(a, p, l);
            char *w = mem;
            for (size_t i = 0; i < NFIELDS; i++) {
                if (!val[i]) continue;
                memcpy(w, val[i], vlen[i]);
                w[vlen[i]] = 0;
                *p[i] = w;
                *l[i] = vlen[i];
                w += vlen[i] + 1;
            }
            *scratch = mem;
        }
    }
    json_decref(root);
    if (rc != NE_OK) memset(a, 0, sizeof *a);
    return rc;
}
