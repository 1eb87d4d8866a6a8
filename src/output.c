/* output.c: serializes a coded document: the JSON output contract of
** docs/FORMATS.md (one object per article) and the per-event TSV. */
#include "neInt.h"
#include "json_put.h"

#include <string.h>

/* "key": and ,"key": as one append of a literal (keys need no escaping). */
#define KEY(b, k) neB_add((b), "\"" k "\":", sizeof "\"" k "\":" - 1)
#define NEXT_KEY(b, k) neB_add((b), ",\"" k "\":", sizeof ",\"" k "\":" - 1)

/* The kinds of actors as JSON strings (out of range: "unknown"), each
** copied as 16 bytes (one move; the room after the strings has them). */
static const struct { char s[16]; size_t n; } kind_json[] = {
    {"\"named\"", 7}, {"\"composed\"", 10}, {"\"pronoun\"", 9}, {"\"nominal\"", 9}, {"\"unknown\"", 9}};
static int kind_index(int k) { return (k >= 0 && k <= 4) ? k : 4; }

/* A literal written at w; the expression is the end. */
#define PUT(w, lit) (memcpy((w), lit, sizeof lit - 1), (w) + sizeof lit - 1)

/* ---- objects of string fields, then numbers ----
** The string fields of an object are a list of (key, value): written in
** one piece straight at the buffer's end when they fit as they are and
** need no escaping (nearly always), else one by one through neJ_str.  The
** numbers after them are written at the end with one room check. */

/* The key of a string field with what goes before it ("{\"text\":",
** ",\"name\":"): at most 15 bytes, copied as 16 (one move). */
typedef struct okey {
    char s[16];
    size_t n;
    int short_value; /* the values are mostly three bytes (codes): short_len */
} okey;
#define OKEY(lit) {lit, sizeof lit - 1, 0}
#define OKEY_SHORT(lit) {lit, sizeof lit - 1, 1}

/* strlen(s) for a value of mostly three bytes, its first four tested in line
** (no call). */
static inline size_t short_len(const char *s) {
    if (!s[0]) return 0;
    if (!s[1]) return 1;
    if (!s[2]) return 2;
    if (!s[3]) return 3;
    return 4 + strlen(s + 4);
}
#define MAX_SFIELDS 5
/* The loops over the fields run fully unrolled (n is a constant once they
** are inlined: the keys become immediate stores); unoptimized builds, which
** would warn about the annotation, do without. */
#ifdef __OPTIMIZE__
#define UNROLL_FIELDS _Pragma("GCC unroll 8")
#else
#define UNROLL_FIELDS
#endif

/* The bytes the numbers after an object's strings may take ("kind", a
** position, "ref", the closing brace: well under). */
#define NUMBERS_ROOM 128

/* The n fields of keys k[] and values v[] (their lengths in len[]) at w,
** returning the end; the caller made room for the keys (16 bytes each) and
** the values escaped (NE_ESCAPED_ROOM): a value that needs escaping (a
** mention across a line break, "Prime\nMinister") is escaped in place. */
static inline __attribute__((always_inline)) char *put_fields_at(char *w, const okey *k, const char *const *v,
                                                                 const size_t *len, int n) {
    UNROLL_FIELDS
    for (int i = 0; i < n; i++) {
        memcpy(w, k[i].s, 16);
        w += k[i].n;
        if (!v[i]) {
            w = PUT(w, "null");
        } else {
            char *e = neJ_put_cstr(w, v[i], len[i]);
            w = e ? e : neJ_put_str_escaped(w, v[i], len[i]);
        }
    }
    return w;
}

/* A comma when sep (before all but the first item of a list), then the
** string fields of keys k[] and values v[] (NULL: null), n <= MAX_SFIELDS,
** at b's end with room for extra more bytes after them: returns where the
** caller writes on (then neB_end), NULL when b failed. */
static inline __attribute__((always_inline)) char *put_fields(ne_buf *b, int sep, const okey *k,
                                                              const char *const *v, int n, size_t extra) {
    size_t len[MAX_SFIELDS], need = extra + 1;
    UNROLL_FIELDS
    for (int i = 0; i < n; i++) { /* key, quotes or null */
        len[i] = !v[i] ? 0 : k[i].short_value ? short_len(v[i]) : strlen(v[i]);
        need += 16 + 4 + NE_ESCAPED_ROOM(len[i]); /* "null" or the value */
    }
    char *w = neB_room(b, need);
    if (w) {
        *w = ',';
        return put_fields_at(w + sep, k, v, len, n);
    }
    if (sep) neB_addc(b, ',');
    for (int i = 0; i < n; i++) {
        neB_add(b, k[i].s, k[i].n);
        if (v[i]) neJ_str(b, v[i], len[i]);
        else neB_add(b, "null", 4);
    }
    return neB_reserve(b, extra);
}

/* ,"sentence":N,"span":[S,E] and ,"in_title":true when set, at w (inline:
** every actor, place, timex, event and quote has one; out of line it cost a
** call each). */
static inline __attribute__((always_inline)) char *put_position(char *w, int sentence, ne_span sp, int in_title) {
    w = neJ_put_int(PUT(w, ",\"sentence\":"), sentence);
    w = neJ_put_int(PUT(w, ",\"span\":["), sp.start);
    w = neJ_put_int(PUT(w, ","), sp.end);
    w = PUT(w, "]");
    return in_title ? PUT(w, ",\"in_title\":true") : w;
}

/* ACTOR object (after a comma when sep); full adds the mention fields used
** in the actors list. */
static void actor_json(ne_buf *b, const ne_actor *a, int full, int sep) {
    static const okey keys[] = {OKEY("{\"text\":"), OKEY(",\"name\":"), OKEY_SHORT(",\"code\":"),
                                OKEY_SHORT(",\"country\":"), OKEY_SHORT(",\"role\":")};
    const char *const v[] = {a->text, a->name, a->code, a->country, a->role};
    char *w = put_fields(b, sep, keys, v, 5, NUMBERS_ROOM);
    if (!w) return;
    if (full) {
        int k = kind_index(a->kind);
        w = PUT(w, ",\"kind\":");
        memcpy(w, kind_json[k].s, sizeof kind_json[k].s);
        w = put_position(w + kind_json[k].n, a->sentence, a->span, a->in_title);
        w = PUT(w, ",\"ref\":");
        w = a->ref >= 0 ? neJ_put_int(w, a->ref) : PUT(w, "null");
    }
    neB_end(b, PUT(w, "}"));
}

static void place_json(ne_buf *b, const ne_place *p, int sep) {
    static const okey keys[] = {OKEY("{\"text\":"), OKEY(",\"name\":"), OKEY_SHORT(",\"country\":"),
                                OKEY(",\"admin1\":")};
    const char *const v[] = {p->text, p->name, p->country, p->admin1};
    char *w = put_fields(b, sep, keys, v, 4, NUMBERS_ROOM + 2 * (8 + NE_NUM_ROOM)); /* one room check for the rest */
    if (!w) return;
    w = PUT(w, ",\"lat\":");
    w = p->has_coords ? neJ_put_num(w, p->lat) : PUT(w, "null");
    w = PUT(w, ",\"lon\":");
    w = p->has_coords ? neJ_put_num(w, p->lon) : PUT(w, "null");
    neB_end(b, PUT(put_position(w, p->sentence, p->span, p->in_title), "}"));
}

static void timex_json(ne_buf *b, const ne_timex *t, int sep) {
    static const okey keys[] = {OKEY("{\"text\":"), OKEY(",\"value\":"), OKEY(",\"type\":")};
    const char *const v[] = {t->text, t->value, t->type};
    char *w = put_fields(b, sep, keys, v, 3, NUMBERS_ROOM);
    if (w) neB_end(b, PUT(put_position(w, t->sentence, t->span, t->in_title), "}"));
}

/* The opening brace of an object, after a comma when sep. */
static void open_object(ne_buf *b, int sep) { neB_add(b, &",{"[!sep], 1 + (size_t)sep); }

static void event_json(ne_buf *b, const struct ne_doc *d, const ne_event *ev, int sep) {
    open_object(b, sep);
    KEY(b, "source");
    if (ev->has_source) actor_json(b, &ev->source, 0, 0); else neB_adds(b, "null");
    NEXT_KEY(b, "target");
    if (ev->has_target) actor_json(b, &ev->target, 0, 0); else neB_adds(b, "null");
    static const okey keys[] = {OKEY(",\"code\":"), OKEY(",\"root\":"), OKEY(",\"plover\":"), OKEY(",\"date\":")};
    const char *const v[] = {ev->code, ev->root, ev->plover, ev->date};
    char *w = put_fields(b, 0, keys, v, 2, NUMBERS_ROOM); /* then quad_class and goldstein with one room check */
    if (w) neB_end(b, neJ_put_num(PUT(neJ_put_int(PUT(w, ",\"quad_class\":"), ev->quad_class), ",\"goldstein\":"),
                                  ev->goldstein));
    if ((w = put_fields(b, 0, keys + 2, v + 2, 2, 0))) neB_end(b, w);
    if (ev->date_from_doc) { NEXT_KEY(b, "date_from_document"); neB_adds(b, "true"); }
    NEXT_KEY(b, "location");
    if (ev->location >= 0 && (size_t)ev->location < d->places.n)
        place_json(b, NE_VEC_AT(d->places, ne_place, ev->location), 0);
    else
        neB_adds(b, "null");
    if ((w = neB_reserve(b, NUMBERS_ROOM))) neB_end(b, put_position(w, ev->sentence, ev->span, 0));
    NEXT_KEY(b, "evidence"); neJ_cstr(b, ev->evidence);
    if ((w = neB_reserve(b, NUMBERS_ROOM)))
        neB_end(b, neJ_put_int(PUT(neJ_put_num(PUT(w, ",\"confidence\":"), ev->confidence), ",\"mentions\":"),
                               ev->mentions ? ev->mentions : 1));
    if (ev->in_title) { NEXT_KEY(b, "in_title"); neB_adds(b, "true"); }
    if (ev->reported_by) { NEXT_KEY(b, "reported_by"); neJ_cstr(b, ev->reported_by); }
    if (d->explain) {
        NEXT_KEY(b, "pattern"); neJ_cstr(b, ev->pattern);
        NEXT_KEY(b, "rule"); neJ_cstr(b, ev->rule);
    }
    neB_addc(b, '}');
}

static void quote_json(ne_buf *b, const struct ne_doc *d, const ne_quote *q, int sep) {
    open_object(b, sep);
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
    char *w = neB_reserve(b, NUMBERS_ROOM);
    if (w) neB_end(b, put_position(w, q->sentence, q->span, 0));
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
        const T *x = NE_VEC_AT(d->vec, T, i);                               \
        int sep = i > 0; /* the call writes the comma before all but the first */ \
        call;                                                               \
    }                                                                       \
    neB_addc(b, ']');
    LIST("events", events, ne_event, event_json(b, d, x, sep))
    LIST("actors", actors, ne_actor, actor_json(b, x, 1, sep))
    LIST("places", places, ne_place, place_json(b, x, sep))
    LIST("quotes", quotes, ne_quote, quote_json(b, d, x, sep))
    LIST("timexes", timexes, ne_timex, timex_json(b, x, sep))
    if (d->warnings.n) {
        typedef const char *warning_text; /* so that LIST's "const T *" reads right */
        LIST("warnings", warnings, warning_text, (neB_add(b, ",", (size_t)sep), neJ_cstr(b, *x)))
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
