/* store_query.c: reading the store: filtered events, dyad timelines, the
** most active actors and dyads, mentions, and stored articles.  Every value
** reaches SQL as a bound parameter, never spliced into the text. */
#include "storeInt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A WHERE clause under construction, with its parameters. */
typedef struct where {
    ne_buf sql;
    const char *v[24];
    char num[24][32];
    int n;
} where;

static void w_cond(where *w, const char *cond) {
    neB_adds(&w->sql, w->sql.len ? " AND " : " WHERE ");
    neB_adds(&w->sql, cond);
}
static void w_param(where *w, const char *v) { w->v[w->n++] = v; }
static void w_int(where *w, long long x) {
    snprintf(w->num[w->n], sizeof w->num[0], "%lld", x);
    w->v[w->n] = w->num[w->n];
    w->n++;
}

/* Prefix pattern for LIKE on codes: "IRN" -> "IRN%" (no wildcards inside). */
static int prefix_ok(const char *s) {
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) return 0;
    return 1;
}

/* FTS5 query from free words: each word quoted ("a" "b"), so no syntax leaks in. */
static char *fts_words(const char *text) {
    size_t n = strlen(text);
    char *q = neM_malloc(n * 2 + 3), *w = q;
    if (!q) return NULL;
    int inword = 0;
    for (const char *p = text; *p; p++) {
        int wordch = (unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z');
        if (wordch && !inword) { if (w != q) *w++ = ' '; *w++ = '"'; inword = 1; }
        if (!wordch && inword) { *w++ = '"'; inword = 0; }
        if (wordch) *w++ = *p;
    }
    if (inword) *w++ = '"';
    *w = 0;
    return q;
}

/* Does s hold at least one letter or digit (what a full-text search can match)? */
static int has_word(const char *s) {
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80 || (*s >= '0' && *s <= '9') || ((*s | 32) >= 'a' && (*s | 32) <= 'z')) return 1;
    return 0;
}

/* A YYYY-MM-DD, YYYY-MM or YYYY date? */
static int date_ok(const char *d) {
    int y, m, dd;
    return neU_parse_date(d, strlen(d), &y, &m, &dd) > 0;
}

static int build_where(ne_store *s, const ne_query *q, where *w, char **fts) {
    *fts = NULL;
    if (q->since && !date_ok(q->since))
        return neS_fail(s, NE_INVALID, "since: '%.40s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", q->since);
    if (q->until && !date_ok(q->until))
        return neS_fail(s, NE_INVALID, "until: '%.40s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", q->until);
    if (q->country) {
        w_cond(w, "(e.source_country = ? OR e.target_country = ?)");
        w_param(w, q->country);
        w_param(w, q->country);
    }
    if (q->dyad_a && q->dyad_b) {
        if (!prefix_ok(q->dyad_a) || !prefix_ok(q->dyad_b))
            return neS_fail(s, NE_INVALID, "dyad members must be upper-case codes, e.g. IRN,PAK");
        if (strlen(q->dyad_a) == 3 && strlen(q->dyad_b) == 3) /* countries: the indexed columns */
            w_cond(w, "((e.source_country = ? AND e.target_country = ?) OR "
                      "(e.source_country = ? AND e.target_country = ?))");
        else
            w_cond(w, "((e.source_code LIKE ? || '%' AND e.target_code LIKE ? || '%') OR "
                      "(e.source_code LIKE ? || '%' AND e.target_code LIKE ? || '%'))");
        w_param(w, q->dyad_a); w_param(w, q->dyad_b); w_param(w, q->dyad_b); w_param(w, q->dyad_a);
    }
    if (q->code) { w_cond(w, "e.code = ?"); w_param(w, q->code); }
    if (q->root) { w_cond(w, "e.root = ?"); w_param(w, q->root); }
    if (q->quad) { w_cond(w, "e.quad_class = ?"); w_int(w, q->quad); }
    if (q->since) { w_cond(w, "e.date >= ?"); w_param(w, q->since); }
    if (q->until) { w_cond(w, "substr(e.date, 1, 10) <= ?"); w_param(w, q->until); }
    if (q->text && !has_word(q->text)) return neS_fail(s, NE_INVALID, "text filter has no words to search for");
    if (q->text) {
        const char *words = q->text;
        if (s->be->fts_insert) { /* SQLite FTS5 */
            *fts = fts_words(q->text);
            if (!*fts) return neS_fail(s, NE_NOMEM, "out of memory");
            words = *fts;
        }
        neB_adds(&w->sql, w->sql.len ? " AND " : " WHERE ");
        neB_adds(&w->sql, "e.id IN (SELECT m.event_id FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE ");
        neB_adds(&w->sql, s->be->text_filter);
        neB_adds(&w->sql, ")");
        w_param(w, words);
    }
    return w->sql.err ? neS_fail(s, w->sql.err, "query too long") : NE_OK;
}

typedef struct ev_ctx {
    ne_event_cb cb;
    void *ctx;
} ev_ctx;

static double dbl(const char *s) { return s ? strtod(s, NULL) : 0.0; }
static long lng(const char *s) { return s ? strtol(s, NULL, 10) : 0; }

static int event_row(void *ctx, int n, const char *const *v) {
    ev_ctx *c = ctx;
    if (n < 27) return 1;
    ne_event_row r = {0};
    r.id = strtoll(v[0], NULL, 10);
    r.source_code = v[1]; r.source_name = v[2]; r.source_country = v[3]; r.source_role = v[4];
    r.target_code = v[5]; r.target_name = v[6]; r.target_country = v[7]; r.target_role = v[8];
    r.code = v[9]; r.root = v[10]; r.quad_class = (int)lng(v[11]); r.goldstein = dbl(v[12]);
    r.plover = v[13]; r.date = v[14]; r.location_name = v[15]; r.location_country = v[16];
    r.has_coords = v[17] && v[18]; r.lat = dbl(v[17]); r.lon = dbl(v[18]);
    r.num_mentions = lng(v[19]); r.num_sources = lng(v[20]); r.num_articles = lng(v[21]);
    r.evidence = v[22]; r.added = v[23]; r.article_ids = v[24]; r.first_url = v[25];
    return c->cb(c->ctx, &r);
}

#define EVENT_COLUMNS                                                                               \
    "SELECT e.id, e.source_code, e.source_name, e.source_country, e.source_role, e.target_code, "   \
    "e.target_name, e.target_country, e.target_role, e.code, e.root, e.quad_class, e.goldstein, "   \
    "e.plover, e.date, e.location_name, e.location_country, e.lat, e.lon, e.num_mentions, "         \
    "e.num_sources, e.num_articles, e.evidence, e.added, "                                          \
    "(SELECT %s FROM (SELECT DISTINCT a.ext_id FROM event_mentions m JOIN articles a " \
    "ON a.id = m.article_id WHERE m.event_id = e.id ORDER BY a.ext_id) x), "                       \
    "(SELECT a.url FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id " \
    "ORDER BY a.id LIMIT 1), 0 FROM events e"

/* Run head + the filters of q + tail (tail gets LIMIT and OFFSET as two %ld),
** calling row for each result row. */
static int run_filtered(ne_store *s, const ne_query *q, const char *head, const char *tail, neS_row_fn row,
                        void *ctx) {
    where w = {0};
    neB_init(&w.sql, 8192);
    char *fts = NULL;
    int rc = build_where(s, q, &w, &fts);
    ne_buf sql;
    neB_init(&sql, 16384);
    neB_adds(&sql, head);
    if (w.sql.p) neB_adds(&sql, w.sql.p);
    neB_addf(&sql, tail, q->limit > 0 ? q->limit : 1000, q->offset > 0 ? q->offset : 0);
    if (rc == NE_OK) rc = sql.err ? neS_fail(s, sql.err, "query too long") : s->be->exec_once(s, sql.p, w.n, w.v, row, ctx);
    neB_free(&sql);
    neB_free(&w.sql);
    neM_free(fts);
    return rc;
}

int ne_store_events(ne_store *s, const ne_query *q, ne_event_cb cb, void *ctx) {
    char head[2048];
    /* The page of ids first, then the columns of those rows only: the correlated
    ** subqueries would otherwise run for every matching event before the sort. */
    snprintf(head, sizeof head, EVENT_COLUMNS " WHERE e.id IN (SELECT e.id FROM events e", s->be->concat_fn);
    ev_ctx c = {cb, ctx};
    return run_filtered(s, q, head,
                        " ORDER BY e.date DESC, e.id DESC LIMIT %ld OFFSET %ld) ORDER BY e.date DESC, e.id DESC",
                        event_row, &c);
}

typedef struct agg_ctx {
    ne_agg_cb cb;
    void *ctx;
} agg_ctx;

static int agg_row(void *ctx, int n, const char *const *v) {
    agg_ctx *c = ctx;
    if (n < 3) return 1;
    ne_agg_row r = {v[0] ? v[0] : "", lng(v[1]), dbl(v[2])};
    return c->cb(c->ctx, &r);
}

int ne_store_timeline(ne_store *s, const char *a, const char *b, const char *by, ne_agg_cb cb, void *ctx) {
    /* period expression, and whether the dyad is two countries (indexed) or code prefixes */
    static const char *const sql[3][2] = {
        {"SELECT substr(date, 1, 10), count(*), coalesce(sum(goldstein), 0) FROM events WHERE length(date) = 10 AND "
         "((source_code LIKE ? || '%' AND target_code LIKE ? || '%') OR (source_code LIKE ? || '%' AND target_code LIKE ? || '%')) "
         "GROUP BY 1 ORDER BY 1",
         "SELECT substr(date, 1, 10), count(*), coalesce(sum(goldstein), 0) FROM events WHERE length(date) = 10 AND "
         "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?)) GROUP BY 1 ORDER BY 1"},
        {"SELECT week, count(*), coalesce(sum(goldstein), 0) FROM events WHERE week IS NOT NULL AND "
         "((source_code LIKE ? || '%' AND target_code LIKE ? || '%') OR (source_code LIKE ? || '%' AND target_code LIKE ? || '%')) "
         "GROUP BY 1 ORDER BY 1",
         "SELECT week, count(*), coalesce(sum(goldstein), 0) FROM events WHERE week IS NOT NULL AND "
         "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?)) GROUP BY 1 ORDER BY 1"},
        {"SELECT substr(date, 1, 7), count(*), coalesce(sum(goldstein), 0) FROM events WHERE length(date) >= 7 AND "
         "((source_code LIKE ? || '%' AND target_code LIKE ? || '%') OR (source_code LIKE ? || '%' AND target_code LIKE ? || '%')) "
         "GROUP BY 1 ORDER BY 1",
         "SELECT substr(date, 1, 7), count(*), coalesce(sum(goldstein), 0) FROM events WHERE length(date) >= 7 AND "
         "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?)) GROUP BY 1 ORDER BY 1"},
    };
    if (!a || !b || !prefix_ok(a) || !prefix_ok(b))
        return neS_fail(s, NE_INVALID, "dyad members must be upper-case codes, e.g. IRN,PAK");
    int period = !by || !strcmp(by, "day") ? 0 : !strcmp(by, "week") ? 1 : !strcmp(by, "month") ? 2 : -1;
    if (period < 0) return neS_fail(s, NE_INVALID, "--by must be day, week or month");
    int countries = strlen(a) == 3 && strlen(b) == 3;
    const char *p[4] = {a, b, b, a};
    agg_ctx c = {cb, ctx};
    return s->be->exec(s, sql[period][countries], 4, p, agg_row, &c);
}

int ne_store_top(ne_store *s, const char *what, long limit, ne_agg_cb cb, void *ctx) {
    /* Each side is grouped on its own covering index (schema 3), then the two are summed. */
    static const char *const actors =
        "SELECT code, sum(n), coalesce(sum(g), 0) FROM ("
        "SELECT source_code AS code, count(*) AS n, sum(goldstein) AS g FROM events "
        "WHERE source_code IS NOT NULL GROUP BY source_code UNION ALL "
        "SELECT target_code, count(*), sum(goldstein) FROM events WHERE target_code IS NOT NULL GROUP BY target_code) x "
        "GROUP BY code ORDER BY 2 DESC, 1 LIMIT ?";
    static const char *const dyads =
        "SELECT source_code || ',' || target_code, count(*), coalesce(sum(goldstein), 0) FROM events "
        "WHERE source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY source_code, target_code "
        "ORDER BY 2 DESC, 1 LIMIT ?";
    const char *sql = !strcmp(what, "actors") ? actors : !strcmp(what, "dyads") ? dyads : NULL;
    if (!sql) return neS_fail(s, NE_INVALID, "top: expected actors or dyads");
    char lim[32];
    snprintf(lim, sizeof lim, "%ld", limit > 0 ? limit : 20);
    const char *p[1] = {lim};
    agg_ctx c = {cb, ctx};
    return s->be->exec(s, sql, 1, p, agg_row, &c);
}

typedef struct men_ctx {
    ne_mention_cb cb;
    void *ctx;
} men_ctx;

static int mention_row(void *ctx, int n, const char *const *v) {
    men_ctx *c = ctx;
    if (n < 10) return 1;
    ne_mention_row r = {0};
    r.event_id = strtoll(v[0], NULL, 10);
    r.article_id = v[1]; r.url = v[2]; r.source = v[3]; r.article_date = v[4];
    r.sentence = (int)lng(v[5]); r.start = (uint32_t)lng(v[6]); r.end = (uint32_t)lng(v[7]);
    r.confidence = dbl(v[8]); r.in_title = (int)lng(v[9]);
    return c->cb(c->ctx, &r);
}

int ne_store_mentions(ne_store *s, const ne_query *q, ne_mention_cb cb, void *ctx) {
    men_ctx c = {cb, ctx};
    return run_filtered(s, q,
                        "SELECT m.event_id, a.ext_id, a.url, a.source, a.date, m.sentence, m.span_start, m.span_end, "
                        "m.confidence, m.in_title FROM event_mentions m JOIN articles a ON a.id = m.article_id "
                        "WHERE m.event_id IN (SELECT e.id FROM events e",
                        " ORDER BY e.date DESC, e.id DESC LIMIT %ld OFFSET %ld) ORDER BY m.event_id, a.id", mention_row, &c);
}

typedef struct art_ctx {
    char *json, *text;
    int nomem;
} art_ctx;

static char *dup_or_null(const char *s, int *nomem) {
    if (!s) return NULL;
    size_t n = strlen(s);
    char *p = neM_malloc(n + 1);
    if (!p) { *nomem = 1; return NULL; }
    memcpy(p, s, n + 1);
    return p;
}

static int article_row(void *ctx, int n, const char *const *v) {
    art_ctx *c = ctx;
    if (n >= 2) {
        c->json = dup_or_null(v[0], &c->nomem);
        c->text = dup_or_null(v[1], &c->nomem);
    }
    return 1;
}

int ne_store_article(ne_store *s, const char *id, char **json, char **text) {
    art_ctx c = {0};
    const char *p[1] = {id};
    *json = *text = NULL;
    int rc = s->be->exec(s, "SELECT coded_json, text FROM articles WHERE ext_id = ?", 1, p, article_row, &c);
    if (rc == NE_OK && c.nomem) rc = neS_fail(s, NE_NOMEM, "out of memory");
    if (rc == NE_OK && !c.json) rc = neS_fail(s, NE_NOTFOUND, "no article with id %s", id);
    if (rc != NE_OK) {
        neM_free(c.json);
        neM_free(c.text);
        return rc;
    }
    *json = c.json;
    *text = c.text;
    return NE_OK;
}

/* ACTOR object of a stored event side, or null when it has no code and name. */
static void row_actor(ne_buf *b, const char *code, const char *name, const char *country, const char *role) {
    if (!code && !name) {
        neB_adds(b, "null");
        return;
    }
    neB_addc(b, '{');
    neJ_key(b, "name"); neJ_cstr(b, name);
    neB_addc(b, ','); neJ_key(b, "code"); neJ_cstr(b, code);
    neB_addc(b, ','); neJ_key(b, "country"); neJ_cstr(b, country);
    neB_addc(b, ','); neJ_key(b, "role"); neJ_cstr(b, role);
    neB_addc(b, '}');
}

char *ne_event_row_json(const ne_event_row *r) {
    ne_buf b;
    neB_init(&b, (size_t)64 << 20);
    neB_addc(&b, '{');
    neJ_key(&b, "id"); neJ_int(&b, r->id);
    neB_addc(&b, ','); neJ_key(&b, "source");
    row_actor(&b, r->source_code, r->source_name, r->source_country, r->source_role);
    neB_addc(&b, ','); neJ_key(&b, "target");
    row_actor(&b, r->target_code, r->target_name, r->target_country, r->target_role);
    neB_addc(&b, ','); neJ_key(&b, "code"); neJ_cstr(&b, r->code);
    neB_addc(&b, ','); neJ_key(&b, "root"); neJ_cstr(&b, r->root);
    neB_addc(&b, ','); neJ_key(&b, "quad_class"); neJ_int(&b, r->quad_class);
    neB_addc(&b, ','); neJ_key(&b, "goldstein"); neJ_num(&b, r->goldstein);
    neB_addc(&b, ','); neJ_key(&b, "plover"); neJ_cstr(&b, r->plover);
    neB_addc(&b, ','); neJ_key(&b, "date"); neJ_cstr(&b, r->date);
    neB_addc(&b, ','); neJ_key(&b, "location");
    if (r->location_name || r->location_country) {
        neB_addc(&b, '{'); neJ_key(&b, "name"); neJ_cstr(&b, r->location_name);
        neB_addc(&b, ','); neJ_key(&b, "country"); neJ_cstr(&b, r->location_country);
        neB_addc(&b, ','); neJ_key(&b, "lat");
        if (r->has_coords) neJ_num(&b, r->lat); else neB_adds(&b, "null");
        neB_addc(&b, ','); neJ_key(&b, "lon");
        if (r->has_coords) neJ_num(&b, r->lon); else neB_adds(&b, "null");
        neB_addc(&b, '}');
    } else {
        neB_adds(&b, "null");
    }
    neB_addc(&b, ','); neJ_key(&b, "num_mentions"); neJ_int(&b, r->num_mentions);
    neB_addc(&b, ','); neJ_key(&b, "num_sources"); neJ_int(&b, r->num_sources);
    neB_addc(&b, ','); neJ_key(&b, "num_articles"); neJ_int(&b, r->num_articles);
    neB_addc(&b, ','); neJ_key(&b, "evidence"); neJ_cstr(&b, r->evidence);
    neB_addc(&b, ','); neJ_key(&b, "articles"); neB_addc(&b, '[');
    for (const char *p = r->article_ids; p && *p;) {
        size_t n = strcspn(p, "\x1f");
        if (p != r->article_ids) neB_addc(&b, ',');
        neJ_str(&b, p, n);
        p += n + (p[n] == 0x1f);
    }
    neB_addc(&b, ']');
    neB_addc(&b, ','); neJ_key(&b, "added"); neJ_cstr(&b, r->added);
    neB_addc(&b, '}');
    if (b.err) {
        neB_free(&b);
        return NULL;
    }
    return b.p;
}
