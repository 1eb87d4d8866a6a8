/* output.c: serializes a coded document: the JSON output contract of
** docs/FORMATS.md (one object per article) and the per-event TSV. */
#include "neInt.h"

#include <string.h>

/* "key": and ,"key": as one append of a literal (keys need no escaping). */
#define KEY(b, k) neB_add((b), "\"" k "\":", sizeof "\"" k "\":" - 1)
#define NEXT_KEY(b, k) neB_add((b), ",\"" k "\":", sizeof ",\"" k "\":" - 1)

/* [start,end] in one append. */
static void span_json(ne_buf *b, ne_span s) {
    char tmp[48], *w = tmp;
    *w++ = '[';
    w = neJ_put_int(w, s.start);
    *w++ = ',';
    w = neJ_put_int(w, s.end);
    *w++ = ']';
    neB_add(b, tmp, (size_t)(w - tmp));
}

/* The kinds of actors as JSON strings (out of range: "unknown"). */
static const struct { const char *s; size_t n; } kind_json[] = {
    {"\"named\"", 7}, {"\"composed\"", 10}, {"\"pronoun\"", 9}, {"\"nominal\"", 9}, {"\"unknown\"", 9}};
static int kind_index(int k) { return (k >= 0 && k <= 4) ? k : 4; }

/* A literal written at w; the expression is the end. */
#define PUT(w, lit) (memcpy((w), lit, sizeof lit - 1), (w) + sizeof lit - 1)

/* ---- objects written in one piece ----
** When an object fits in the buffer as it is and its strings need no
** escaping, it is written straight at the buffer's end with one room check
** (the same bytes as the general path, which handles the rest). */

/* Where an object of the n strings f[] (their lengths put in len[]) and at
** most 256 more bytes goes at b's end, or NULL when it may not fit. */
static char *object_room(ne_buf *b, const char *const *f, size_t *len, int n) {
    size_t need = 256; /* keys, numbers and literals take less */
    for (int i = 0; i < n; i++) need += len[i] = f[i] ? strlen(f[i]) : 0;
    if (b->err || need >= b->cap - b->len || need > b->max - b->len) return NULL;
    return b->p + b->len;
}

/* The string s (n bytes) or null at w; NULL when s needs escaping. */
static char *put_str_or_null(char *w, const char *s, size_t n) { return s ? neJ_put_str(w, s, n) : PUT(w, "null"); }

/* ,"sentence":N,"span":[S,E] and ,"in_title":true when set, at w. */
static char *put_position(char *w, int sentence, ne_span sp, int in_title) {
    w = neJ_put_int(PUT(w, ",\"sentence\":"), sentence);
    w = neJ_put_int(PUT(w, ",\"span\":["), sp.start);
    w = neJ_put_int(PUT(w, ","), sp.end);
    w = PUT(w, "]");
    return in_title ? PUT(w, ",\"in_title\":true") : w;
}

/* The buffer now ends at w. */
static void object_end(ne_buf *b, char *w) {
    b->len = (size_t)(w - b->p);
    b->p[b->len] = 0;
}

/* String field i of f[] with key at w (f and len in scope); returns 0 from
** the caller when the string needs escaping. */
#define FIELD(i, key) if (!(w = put_str_or_null(PUT(w, key), f[i], len[i]))) return 0;

/* actor_json in one piece; 0 (b unchanged) when it cannot be. */
static int actor_json_fast(ne_buf *b, const ne_actor *a, int full) {
    const char *const f[5] = {a->text, a->name, a->code, a->country, a->role};
    size_t len[5];
    char *w = object_room(b, f, len, 5);
    if (!w) return 0;
    FIELD(0, "{\"text\":") FIELD(1, ",\"name\":") FIELD(2, ",\"code\":") FIELD(3, ",\"country\":") FIELD(4, ",\"role\":")
    if (full) {
        int k = kind_index(a->kind);
        w = PUT(w, ",\"kind\":");
        memcpy(w, kind_json[k].s, kind_json[k].n);
        w = put_position(w + kind_json[k].n, a->sentence, a->span, a->in_title);
        w = PUT(w, ",\"ref\":");
        w = a->ref >= 0 ? neJ_put_int(w, a->ref) : PUT(w, "null");
    }
    object_end(b, PUT(w, "}"));
    return 1;
}

/* ACTOR object; full adds the mention fields used in the actors list. */
static void actor_json(ne_buf *b, const ne_actor *a, int full) {
    if (actor_json_fast(b, a, full)) return;
    neB_addc(b, '{');
    KEY(b, "text"); neJ_cstr(b, a->text);
    NEXT_KEY(b, "name"); neJ_cstr(b, a->name);
    NEXT_KEY(b, "code"); neJ_cstr(b, a->code);
    NEXT_KEY(b, "country"); neJ_cstr(b, a->country);
    NEXT_KEY(b, "role"); neJ_cstr(b, a->role);
    if (full) {
        NEXT_KEY(b, "kind"); neB_add(b, kind_json[kind_index(a->kind)].s, kind_json[kind_index(a->kind)].n);
        NEXT_KEY(b, "sentence"); neJ_int(b, a->sentence);
        NEXT_KEY(b, "span"); span_json(b, a->span);
        if (a->in_title) { NEXT_KEY(b, "in_title"); neB_adds(b, "true"); }
        NEXT_KEY(b, "ref");
        if (a->ref >= 0) neJ_int(b, a->ref); else neB_adds(b, "null");
    }
    neB_addc(b, '}');
}

/* The string fields of place_json in one piece (the numbers follow through
** the buffer); 0 (b unchanged) when they cannot be. */
static int place_strings_fast(ne_buf *b, const ne_place *p) {
    const char *const f[4] = {p->text, p->name, p->country, p->admin1};
    size_t len[4];
    char *w = object_room(b, f, len, 4);
    if (!w) return 0;
    FIELD(0, "{\"text\":") FIELD(1, ",\"name\":") FIELD(2, ",\"country\":") FIELD(3, ",\"admin1\":")
    object_end(b, w);
    return 1;
}

static void place_json(ne_buf *b, const ne_place *p) {
    if (!place_strings_fast(b, p)) {
        neB_addc(b, '{');
        KEY(b, "text"); neJ_cstr(b, p->text);
        NEXT_KEY(b, "name"); neJ_cstr(b, p->name);
        NEXT_KEY(b, "country"); neJ_cstr(b, p->country);
        NEXT_KEY(b, "admin1"); neJ_cstr(b, p->admin1);
    }
    NEXT_KEY(b, "lat");
    if (p->has_coords) neJ_num(b, p->lat); else neB_adds(b, "null");
    NEXT_KEY(b, "lon");
    if (p->has_coords) neJ_num(b, p->lon); else neB_adds(b, "null");
    NEXT_KEY(b, "sentence"); neJ_int(b, p->sentence);
    NEXT_KEY(b, "span"); span_json(b, p->span);
    if (p->in_title) { NEXT_KEY(b, "in_title"); neB_adds(b, "true"); }
    neB_addc(b, '}');
}

/* timex_json in one piece; 0 (b unchanged) when it cannot be. */
static int timex_json_fast(ne_buf *b, const ne_timex *t) {
    const char *const f[3] = {t->text, t->value, t->type};
    size_t len[3];
    char *w = object_room(b, f, len, 3);
    if (!w) return 0;
    FIELD(0, "{\"text\":") FIELD(1, ",\"value\":") FIELD(2, ",\"type\":")
    object_end(b, PUT(put_position(w, t->sentence, t->span, t->in_title), "}"));
    return 1;
}
#undef FIELD

static void event_json(ne_buf *b, const struct ne_doc *d, const ne_event *ev) {
    neB_addc(b, '{');
    KEY(b, "source");
    if (ev->has_source) actor_json(b, &ev->source, 0); else neB_adds(b, "null");
    NEXT_KEY(b, "target");
    if (ev->has_target) actor_json(b, &ev->target, 0); else neB_adds(b, "null");
    NEXT_KEY(b, "code"); neJ_cstr(b, ev->code);
    NEXT_KEY(b, "root"); neJ_cstr(b, ev->root);
    NEXT_KEY(b, "quad_class"); neJ_int(b, ev->quad_class);
    NEXT_KEY(b, "goldstein"); neJ_num(b, ev->goldstein);
    NEXT_KEY(b, "plover"); neJ_cstr(b, ev->plover);
    NEXT_KEY(b, "date"); neJ_cstr(b, ev->date);
    if (ev->date_from_doc) { NEXT_KEY(b, "date_from_document"); neB_adds(b, "true"); }
    NEXT_KEY(b, "location");
    if (ev->location >= 0 && (size_t)ev->location < d->places.n)
        place_json(b, NE_VEC_AT(d->places, ne_place, ev->location));
    else
        neB_adds(b, "null");
    NEXT_KEY(b, "sentence"); neJ_int(b, ev->sentence);
    NEXT_KEY(b, "span"); span_json(b, ev->span);
    NEXT_KEY(b, "evidence"); neJ_cstr(b, ev->evidence);
    NEXT_KEY(b, "confidence"); neJ_num(b, ev->confidence);
    NEXT_KEY(b, "mentions"); neJ_int(b, ev->mentions ? ev->mentions : 1);
    if (ev->in_title) { NEXT_KEY(b, "in_title"); neB_adds(b, "true"); }
    if (ev->reported_by) { NEXT_KEY(b, "reported_by"); neJ_cstr(b, ev->reported_by); }
    if (d->explain) {
        NEXT_KEY(b, "pattern"); neJ_cstr(b, ev->pattern);
        NEXT_KEY(b, "rule"); neJ_cstr(b, ev->rule);
    }
    neB_addc(b, '}');
}

static void quote_json(ne_buf *b, const struct ne_doc *d, const ne_quote *q) {
    neB_addc(b, '{');
    KEY(b, "text"); neJ_cstr(b, q->text);
    NEXT_KEY(b, "speaker");
    if (q->speaker >= 0 && (size_t)q->speaker < d->actors.n) {
        const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, q->speaker);
        /* a pronoun speaker is reported as what it refers to */
        while (a->ref >= 0 && (size_t)a->ref < d->actors.n && a->kind >= NE_ACTOR_PRONOUN &&
               a->kind <= NE_ACTOR_NOMINAL)
            a = NE_VEC_AT(d->actors, ne_actor, a->ref);
        neB_addc(b, '{');
        KEY(b, "name"); neJ_cstr(b, a->name ? a->name : a->text);
        NEXT_KEY(b, "code"); neJ_cstr(b, a->code);
        NEXT_KEY(b, "actor"); neJ_int(b, q->speaker);
        neB_addc(b, '}');
    } else {
        neB_adds(b, "null");
    }
    if (q->unresolved) { NEXT_KEY(b, "unresolved"); neJ_cstr(b, q->unresolved); }
    if (q->cue) { NEXT_KEY(b, "cue"); neJ_cstr(b, q->cue); }
    NEXT_KEY(b, "sentence"); neJ_int(b, q->sentence);
    NEXT_KEY(b, "span"); span_json(b, q->span);
    neB_addc(b, '}');
}

static void timex_json(ne_buf *b, const ne_timex *t) {
    if (timex_json_fast(b, t)) return;
    neB_addc(b, '{');
    KEY(b, "text"); neJ_cstr(b, t->text);
    NEXT_KEY(b, "value"); neJ_cstr(b, t->value);
    NEXT_KEY(b, "type"); neJ_cstr(b, t->type);
    NEXT_KEY(b, "sentence"); neJ_int(b, t->sentence);
    NEXT_KEY(b, "span"); span_json(b, t->span);
    if (t->in_title) { NEXT_KEY(b, "in_title"); neB_adds(b, "true"); }
    neB_addc(b, '}');
}

int neOut_json(struct ne_doc *d) {
    ne_buf *b = &d->out;
    neB_addc(b, '{');
    KEY(b, "id"); neJ_cstr(b, d->id);
    NEXT_KEY(b, "date"); neJ_cstr(b, d->date);
    NEXT_KEY(b, "title");
    if (d->has_title) neJ_str(b, d->seg[1], d->seg_len[1]); else neB_adds(b, "null");
    if (d->url) { NEXT_KEY(b, "url"); neJ_cstr(b, d->url); }
    if (d->source) { NEXT_KEY(b, "source"); neJ_cstr(b, d->source); }
    NEXT_KEY(b, "headline");
    if (d->headline.present) {
        neB_addc(b, '{'); KEY(b, "related"); neB_adds(b, d->headline.related ? "true" : "false");
        NEXT_KEY(b, "score"); neJ_num(b, d->headline.score); neB_addc(b, '}');
    } else {
        neB_adds(b, "null");
    }
#define LIST(key, vec, T, call)                                             \
    neB_add(b, ",\"" key "\":[", sizeof ",\"" key "\":[" - 1); \
    for (size_t i = 0; i < d->vec.n; i++) {                                 \
        if (i) neB_addc(b, ',');                                            \
        const T *x = NE_VEC_AT(d->vec, T, i);                               \
        call;                                                               \
    }                                                                       \
    neB_addc(b, ']');
    LIST("events", events, ne_event, event_json(b, d, x))
    LIST("actors", actors, ne_actor, actor_json(b, x, 1))
    LIST("places", places, ne_place, place_json(b, x))
    LIST("quotes", quotes, ne_quote, quote_json(b, d, x))
    LIST("timexes", timexes, ne_timex, timex_json(b, x))
    if (d->warnings.n) {
        typedef const char *warning_text; /* so that LIST's "const T *" reads right */
        LIST("warnings", warnings, warning_text, neJ_cstr(b, *x))
    }
#undef LIST
    neB_add(b, "}\n", 2);
    return b->err;
}

/* TSV field: tabs and newlines inside become spaces. */
static void tsv_field(ne_buf *b, const char *s) {
    if (!s) return;
    for (; *s; s++) neB_addc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

int neOut_tsv(struct ne_doc *d) {
    ne_buf *b = &d->out;
    for (size_t i = 0; i < d->events.n; i++) {
        const ne_event *ev = NE_VEC_AT(d->events, ne_event, i);
        tsv_field(b, d->id); neB_addc(b, '\t');
        tsv_field(b, d->date); neB_addc(b, '\t');
        tsv_field(b, ev->date); neB_addc(b, '\t');
        tsv_field(b, ev->has_source ? ev->source.code : NULL); neB_addc(b, '\t');
        tsv_field(b, ev->has_source ? ev->source.country : NULL); neB_addc(b, '\t');
        tsv_field(b, ev->has_target ? ev->target.code : NULL); neB_addc(b, '\t');
        tsv_field(b, ev->has_target ? ev->target.country : NULL); neB_addc(b, '\t');
        tsv_field(b, ev->code); neB_addc(b, '\t');
        tsv_field(b, ev->root); neB_addc(b, '\t');
        neB_addf(b, "%d\t%.1f\t", ev->quad_class, ev->goldstein);
        tsv_field(b, ev->plover); neB_addc(b, '\t');
        neB_addf(b, "%d\t%u\t%u\t", ev->sentence, ev->span.start, ev->span.end);
        tsv_field(b, ev->evidence);
        neB_addc(b, '\n');
    }
    return b->err;
}
