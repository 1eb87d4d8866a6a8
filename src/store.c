/* store.c: storing coded articles: schema migrations, transactions,
** de-duplication (same id, same text, near-duplicate clusters) and the
** merging of one real event reported by many articles (docs/STORE.md). */
#include "storeInt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xxhash.h>

#define NEAR_DUP_BITS 10     /* SimHash Hamming distance for one cluster (docs/STORE.md) */
#define RECENT_ARTICLES 65536 /* fingerprints searched for near-duplicates */

int neS_fail(ne_store *s, int rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
    va_end(ap);
    return rc;
}

const char *ne_store_errmsg(const ne_store *s) { return s ? s->errmsg : "out of memory"; }

/* ---- text parameters ---- */
typedef struct params {
    const char *v[40];
    char num[40][32];
    int n;
} params;

static void p_str(params *p, const char *s) { p->v[p->n++] = s; }
static void p_int(params *p, long long x) {
    snprintf(p->num[p->n], sizeof p->num[0], "%lld", x);
    p->v[p->n] = p->num[p->n];
    p->n++;
}
static void p_dbl(params *p, double x) {
    snprintf(p->num[p->n], sizeof p->num[0], "%.6g", x);
    p->v[p->n] = p->num[p->n];
    p->n++;
}

static int run(ne_store *s, const char *sql, params *p, neS_row_fn fn, void *ctx) {
    return s->be->exec(s, sql, p ? p->n : 0, p ? p->v : NULL, fn, ctx);
}

/* Row callback: first column as a long long. */
static int first_int(void *ctx, int n, const char *const *v) {
    long long *out = ctx;
    *out = (n > 0 && v[0]) ? strtoll(v[0], NULL, 10) : -1;
    return 1;
}

/* ---- open, migrate, close ---- */
static int schema_version(ne_store *s, long long *v) {
    *v = 0;
    int rc = s->be->script(s, "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
    if (rc) return rc;
    long long got = -1;
    rc = run(s, "SELECT value FROM meta WHERE key = 'schema_version'", NULL, first_int, &got);
    if (rc == NE_OK && got > 0) *v = got;
    return rc;
}

int neS_migrate(ne_store *s) {
    long long v;
    int rc = schema_version(s, &v);
    if (rc) return rc;
    if (v > s->be->nmigrations)
        return neS_fail(s, NE_DATA, "database schema version %lld is newer than this program (%d)", v, s->be->nmigrations);
    for (long long i = v; i < s->be->nmigrations && rc == NE_OK; i++) {
        rc = s->be->script(s, "BEGIN");
        if (rc == NE_OK) rc = s->be->script(s, s->be->migrations[i]);
        params p = {0};
        p_int(&p, i + 1);
        if (rc == NE_OK)
            rc = run(s, "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &p, NULL, NULL);
        if (rc == NE_OK) rc = s->be->script(s, "COMMIT");
        else s->be->script(s, "ROLLBACK");
    }
    return rc;
}

static int is_pg_uri(const char *u) {
    return strncmp(u, "postgresql://", 13) == 0 || strncmp(u, "postgres://", 11) == 0;
}

int ne_store_open(ne_store **out, const char *uri) {
    ne_store *s = neM_calloc(1, sizeof *s);
    *out = s;
    if (!s) return NE_NOMEM;
    if (!uri || !*uri) return neS_fail(s, NE_INVALID, "no database given");
    int rc = is_pg_uri(uri) ? neS_open_pg(s, uri) : neS_open_sqlite(s, uri);
    if (rc == NE_OK) rc = neS_migrate(s);
    return rc;
}

void ne_store_close(ne_store *s) {
    if (!s) return;
    if (s->in_tx && s->be) s->be->script(s, "ROLLBACK");
    if (s->be) s->be->close(s);
    neM_free(s->recent_hash);
    neM_free(s->recent_cluster);
    neM_free(s);
}

int ne_store_begin(ne_store *s) {
    if (s->in_tx) return neS_fail(s, NE_INVALID, "transaction already open");
    int rc = s->be->script(s, "BEGIN");
    if (rc == NE_OK) s->in_tx = 1;
    return rc;
}

int ne_store_commit(ne_store *s) {
    if (!s->in_tx) return neS_fail(s, NE_INVALID, "no open transaction");
    s->in_tx = 0;
    return s->be->script(s, "COMMIT");
}

int ne_store_rollback(ne_store *s) {
    if (!s->in_tx) return NE_OK;
    s->in_tx = 0;
    s->recent_loaded = 0; /* the ring may hold rolled-back articles: reload on next use */
    return s->be->script(s, "ROLLBACK");
}

int ne_store_counts(ne_store *s, long long *articles, long long *events, long long *mentions) {
    int rc = run(s, "SELECT count(*) FROM articles", NULL, first_int, articles);
    if (rc == NE_OK) rc = run(s, "SELECT count(*) FROM events", NULL, first_int, events);
    if (rc == NE_OK) rc = run(s, "SELECT count(*) FROM event_mentions", NULL, first_int, mentions);
    return rc;
}

/* ---- derived values ---- */

/* ISO 8601 week "YYYY-Www" of a full date, or "" for partial dates. */
static void iso_week(const char *date, char *out, size_t cap) {
    int y, m, d;
    out[0] = 0;
    if (!date || neU_parse_date(date, strlen(date), &y, &m, &d) != 3) return;
    static const int cum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int doy = cum[m - 1] + d + (leap && m > 2);
    /* weekday by Sakamoto's method: 0 = Sunday */
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int yy = m < 3 ? y - 1 : y;
    int wd = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7;
    if (wd == 0) wd = 7;
    int week = (doy - wd + 10) / 7, wy = y;
    if (week < 1) {
        wy = y - 1;
        int pleap = (wy % 4 == 0 && wy % 100 != 0) || wy % 400 == 0;
        int pdoy = doy + 365 + pleap;
        week = (pdoy - wd + 10) / 7;
    } else if (week == 53) {
        int days = 365 + leap;
        if (doy - wd + 4 > days) { /* Thursday of this week falls next year */
            week = 1;
            wy = y + 1;
        }
    }
    snprintf(out, cap, "%04u-W%02u", (unsigned)wy % 10000u, (unsigned)week % 100u);
}

/* Source key for counting distinct sources: the source field, else the URL host. */
static void source_key(const ne_doc *d, char *out, size_t cap) {
    out[0] = 0;
    if (d->source && *d->source) {
        snprintf(out, cap, "%s", d->source);
        neU_utf8_cut(out); /* a long name cut at the buffer's end stays valid UTF-8 */
        return;
    }
    if (!d->url) return;
    const char *h = strstr(d->url, "://");
    h = h ? h + 3 : d->url;
    size_t n = strcspn(h, "/:?#");
    snprintf(out, cap, "%.*s", (int)n, h);
    neU_utf8_cut(out);
}

static void now_utc(char *out, size_t cap) {
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, cap, "%Y-%m-%d %H:%M:%S", &tm);
}

/* ---- near-duplicate clusters ----
** The fingerprints of the most recent RECENT_ARTICLES articles stay in
** memory (loaded on first use, then appended to); a new article joins the
** cluster of the most recent one within NEAR_DUP_BITS bits. */

static void recent_push(ne_store *s, uint64_t h, long long cluster) {
    s->recent_hash[s->recent_next] = h;
    s->recent_cluster[s->recent_next] = cluster;
    s->recent_next = (s->recent_next + 1) % RECENT_ARTICLES;
    if (s->recent_n < RECENT_ARTICLES) s->recent_n++;
}

/* Row (simhash, cluster_id), newest first: fill the ring oldest first. */
static int recent_row(void *ctx, int n, const char *const *v) {
    ne_store *s = ctx;
    if (n < 2 || !v[0] || !v[1]) return 0;
    size_t i = RECENT_ARTICLES - 1 - s->recent_n;
    s->recent_hash[i] = (uint64_t)strtoll(v[0], NULL, 10);
    s->recent_cluster[i] = strtoll(v[1], NULL, 10);
    s->recent_n++;
    return 0;
}

static int recent_load(ne_store *s) {
    if (s->recent_loaded) return NE_OK;
    if (!s->recent_hash) s->recent_hash = neM_calloc(RECENT_ARTICLES, sizeof *s->recent_hash);
    if (!s->recent_cluster) s->recent_cluster = neM_calloc(RECENT_ARTICLES, sizeof *s->recent_cluster);
    s->recent_n = s->recent_next = 0;
    if (!s->recent_hash || !s->recent_cluster) return neS_fail(s, NE_NOMEM, "out of memory");
    params p = {0};
    p_int(&p, RECENT_ARTICLES);
    int rc = run(s, "SELECT simhash, cluster_id FROM articles ORDER BY id DESC LIMIT ?", &p, recent_row, s);
    if (rc) return rc;
    /* the rows sit at the end of the ring, oldest first; compact them to the front */
    size_t first = RECENT_ARTICLES - s->recent_n;
    memmove(s->recent_hash, s->recent_hash + first, s->recent_n * sizeof *s->recent_hash);
    memmove(s->recent_cluster, s->recent_cluster + first, s->recent_n * sizeof *s->recent_cluster);
    s->recent_next = s->recent_n % RECENT_ARTICLES;
    s->recent_loaded = 1;
    return NE_OK;
}

/* The cluster of the most recent near-duplicate of h, or -1. */
static int near_cluster(ne_store *s, uint64_t h, long long *cluster) {
    *cluster = -1;
    int rc = recent_load(s);
    if (rc) return rc;
    for (size_t k = 0; k < s->recent_n; k++) {
        size_t i = (s->recent_next + RECENT_ARTICLES - 1 - k) % RECENT_ARTICLES;
        if (ne_simhash_distance(h, s->recent_hash[i]) <= NEAR_DUP_BITS) {
            *cluster = s->recent_cluster[i];
            return NE_OK;
        }
    }
    return NE_OK;
}

/* ---- one article ---- */
static int article_exists(ne_store *s, const char *ext_id, const char *hash, int *exists) {
    long long id = -1;
    params p = {0};
    p_str(&p, ext_id);
    p_str(&p, hash);
    int rc = run(s, "SELECT id FROM articles WHERE ext_id = ? OR content_hash = ? LIMIT 1", &p, first_int, &id);
    *exists = id > 0;
    return rc;
}

static int insert_article(ne_store *s, ne_doc *d, const char *hash, uint64_t h, long long cluster,
                          const char *skey, const char *json, long long *id) {
    params p = {0};
    char now[32];
    now_utc(now, sizeof now);
    p_str(&p, d->id);
    p_str(&p, hash);
    p_int(&p, (long long)h);
    p_str(&p, d->has_title ? d->seg[1] : NULL);
    p_str(&p, d->seg[0]);
    p_str(&p, d->date);
    p_str(&p, d->url);
    p_str(&p, d->source);
    p_str(&p, *skey ? skey : NULL);
    p_str(&p, json);
    p_str(&p, now);
    *id = -1;
    int rc = run(s, "INSERT INTO articles (ext_id, content_hash, simhash, title, text, date, url, "
                    "source, source_key, coded_json, added) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                 &p, first_int, id);
    if (rc) return rc;
    params q = {0};
    p_int(&q, cluster > 0 ? cluster : *id);
    p_int(&q, *id);
    rc = run(s, "UPDATE articles SET cluster_id = ? WHERE id = ?", &q, NULL, NULL);
    if (rc == NE_OK && s->be->fts_insert) {
        params f = {0};
        p_int(&f, *id);
        p_str(&f, d->has_title ? d->seg[1] : "");
        p_str(&f, d->seg[0]);
        rc = run(s, s->be->fts_insert, &f, NULL, NULL);
    }
    return rc;
}

static const char *kind_name(int k) {
    static const char *const names[] = {"named", "composed", "pronoun", "nominal", "unknown"};
    return (k >= 0 && k <= 4) ? names[k] : "unknown";
}

static int insert_mentions_of_doc(ne_store *s, ne_doc *d, long long aid) {
    int rc = NE_OK;
    for (size_t i = 0; i < d->actors.n && rc == NE_OK; i++) {
        const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, i);
        params p = {0};
        p_int(&p, aid); p_int(&p, (long long)i); p_str(&p, a->text); p_str(&p, a->name); p_str(&p, a->code);
        p_str(&p, a->country); p_str(&p, a->role); p_str(&p, kind_name(a->kind));
        if (a->ref >= 0) p_int(&p, a->ref); else p_str(&p, NULL);
        p_int(&p, a->sentence); p_int(&p, a->span.start); p_int(&p, a->span.end);
        rc = run(s, "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", &p, NULL, NULL);
    }
    for (size_t i = 0; i < d->places.n && rc == NE_OK; i++) {
        const ne_place *pl = NE_VEC_AT(d->places, ne_place, i);
        params p = {0};
        p_int(&p, aid); p_str(&p, pl->text); p_str(&p, pl->name); p_str(&p, pl->country); p_str(&p, pl->admin1);
        if (pl->has_coords) { p_dbl(&p, pl->lat); p_dbl(&p, pl->lon); } else { p_str(&p, NULL); p_str(&p, NULL); }
        p_int(&p, pl->sentence); p_int(&p, pl->span.start); p_int(&p, pl->span.end);
        rc = run(s, "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", &p, NULL, NULL);
    }
    for (size_t i = 0; i < d->quotes.n && rc == NE_OK; i++) {
        const ne_quote *q = NE_VEC_AT(d->quotes, ne_quote, i);
        const ne_actor *sp = q->speaker >= 0 && (size_t)q->speaker < d->actors.n
                                 ? NE_VEC_AT(d->actors, ne_actor, q->speaker) : NULL;
        while (sp && sp->ref >= 0 && (size_t)sp->ref < d->actors.n && sp->kind >= NE_ACTOR_PRONOUN &&
               sp->kind <= NE_ACTOR_NOMINAL)
            sp = NE_VEC_AT(d->actors, ne_actor, sp->ref);
        params p = {0};
        p_int(&p, aid); p_str(&p, q->text); p_str(&p, sp ? (sp->name ? sp->name : sp->text) : NULL);
        p_str(&p, sp ? sp->code : NULL); p_int(&p, q->sentence); p_int(&p, q->span.start); p_int(&p, q->span.end);
        rc = run(s, "INSERT INTO quotes VALUES (?,?,?,?,?,?,?)", &p, NULL, NULL);
    }
    for (size_t i = 0; i < d->timexes.n && rc == NE_OK; i++) {
        const ne_timex *t = NE_VEC_AT(d->timexes, ne_timex, i);
        params p = {0};
        p_int(&p, aid); p_str(&p, t->text); p_str(&p, t->value); p_str(&p, t->type);
        p_int(&p, t->sentence); p_int(&p, t->span.start); p_int(&p, t->span.end);
        rc = run(s, "INSERT INTO timexes VALUES (?,?,?,?,?,?,?)", &p, NULL, NULL);
    }
    return rc;
}

/* ---- events, merged across articles ---- */

/* The merge key: source, target, code, date and location (docs/STORE.md). */
static void event_key(const ne_doc *d, const ne_event *ev, char *out, size_t cap) {
    const ne_place *loc = ev->location >= 0 && (size_t)ev->location < d->places.n
                              ? NE_VEC_AT(d->places, ne_place, ev->location) : NULL;
    snprintf(out, cap, "%s|%s|%s|%s|%s/%s", ev->has_source && ev->source.code ? ev->source.code : "",
             ev->has_target && ev->target.code ? ev->target.code : "", ev->code, ev->date ? ev->date : "",
             loc && loc->country ? loc->country : "", loc && loc->name ? loc->name : "");
}

static void actor_params(params *p, int has, const ne_actor *a) {
    p_str(p, has ? a->code : NULL);
    p_str(p, has ? (a->name ? a->name : a->text) : NULL);
    p_str(p, has ? a->country : NULL);
    p_str(p, has ? a->role : NULL);
}

static int upsert_event(ne_store *s, const ne_doc *d, const ne_event *ev, long long *eid) {
    char key[512], week[32], now[32];
    event_key(d, ev, key, sizeof key);
    iso_week(ev->date, week, sizeof week);
    now_utc(now, sizeof now);
    const ne_place *loc = ev->location >= 0 && (size_t)ev->location < d->places.n
                              ? NE_VEC_AT(d->places, ne_place, ev->location) : NULL;
    params p = {0};
    p_str(&p, key);
    actor_params(&p, ev->has_source, &ev->source);
    actor_params(&p, ev->has_target, &ev->target);
    p_str(&p, ev->code); p_str(&p, ev->root); p_int(&p, ev->quad_class); p_dbl(&p, ev->goldstein);
    p_str(&p, ev->plover); p_str(&p, ev->date); p_str(&p, *week ? week : NULL);
    p_str(&p, loc ? loc->name : NULL); p_str(&p, loc ? loc->country : NULL);
    if (loc && loc->has_coords) { p_dbl(&p, loc->lat); p_dbl(&p, loc->lon); } else { p_str(&p, NULL); p_str(&p, NULL); }
    p_str(&p, ev->evidence); p_str(&p, now);
    int rc = run(s, "INSERT INTO events (ekey, source_code, source_name, source_country, source_role, target_code, "
                    "target_name, target_country, target_role, code, root, quad_class, goldstein, plover, date, week, "
                    "location_name, location_country, lat, lon, evidence, added) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(ekey) DO NOTHING", &p, NULL, NULL);
    if (rc) return rc;
    params k = {0};
    p_str(&k, key);
    *eid = -1;
    return run(s, "SELECT id FROM events WHERE ekey = ?", &k, first_int, eid);
}

static int add_event(ne_store *s, ne_doc *d, const ne_event *ev, long long aid, long long cluster, const char *skey) {
    long long eid;
    int rc = upsert_event(s, d, ev, &eid);
    if (rc) return rc;
    params p = {0};
    p_int(&p, eid); p_int(&p, aid); p_int(&p, cluster); p_str(&p, *skey ? skey : NULL);
    p_int(&p, ev->sentence); p_int(&p, ev->span.start); p_int(&p, ev->span.end);
    p_str(&p, ev->evidence); p_dbl(&p, ev->confidence); p_int(&p, ev->in_title);
    p_int(&p, ev->mentions > 0 ? ev->mentions : 1);
    rc = run(s, "INSERT INTO event_mentions VALUES (?,?,?,?,?,?,?,?,?,?,?)", &p, NULL, NULL);
    if (rc) return rc;
    params u = {0};
    p_int(&u, eid); p_int(&u, eid); p_int(&u, eid); p_int(&u, eid);
    return run(s, "UPDATE events SET "
                  "num_mentions = (SELECT coalesce(sum(mentions), 0) FROM event_mentions WHERE event_id = ?), "
                  "num_articles = (SELECT count(DISTINCT cluster_id) FROM event_mentions WHERE event_id = ?), "
                  "num_sources = (SELECT count(DISTINCT coalesce(source_key, 'cluster:' || cluster_id)) "
                  "FROM event_mentions WHERE event_id = ?) WHERE id = ?", &u, NULL, NULL);
}

/* Everything of one article; the caller wraps it in a savepoint. */
static int add_doc(ne_store *s, ne_doc *d, int *added) {
    char hash[40], skey[256];
    XXH128_hash_t hh = XXH3_128bits_withSeed(d->seg[0], d->seg_len[0], d->seg_len[1]);
    hh.low64 ^= d->seg_len[1] ? XXH3_64bits(d->seg[1], d->seg_len[1]) : 0;
    snprintf(hash, sizeof hash, "%016llx%016llx", (unsigned long long)hh.high64, (unsigned long long)hh.low64);
    int exists = 0;
    int rc = article_exists(s, d->id, hash, &exists);
    if (rc || exists) return rc;
    const char *json;
    size_t jlen;
    rc = ne_doc_write(d, NE_FORMAT_JSON, &json, &jlen);
    if (rc) return neS_fail(s, rc, "%s", ne_doc_errmsg(d));
    uint64_t h = ne_doc_simhash(d);
    long long cluster = -1, aid;
    rc = near_cluster(s, h, &cluster);
    source_key(d, skey, sizeof skey);
    if (rc == NE_OK) rc = insert_article(s, d, hash, h, cluster, skey, json, &aid);
    if (rc == NE_OK && cluster < 0) cluster = aid;
    if (rc == NE_OK) recent_push(s, h, cluster);
    if (rc == NE_OK) rc = insert_mentions_of_doc(s, d, aid);
    for (size_t i = 0; i < d->events.n && rc == NE_OK; i++)
        rc = add_event(s, d, NE_VEC_AT(d->events, ne_event, i), aid, cluster, skey);
    if (rc == NE_OK) *added = 1;
    return rc;
}

int ne_store_add(ne_store *s, ne_doc *d, int *added) {
    *added = 0;
    if (!d->id) return neS_fail(s, NE_INVALID, "document has not been coded");
    const char *open = s->in_tx ? "SAVEPOINT ne_article" : "BEGIN";
    int rc = s->be->script(s, open);
    if (rc) return rc;
    rc = add_doc(s, d, added);
    if (rc == NE_OK) return s->be->script(s, s->in_tx ? "RELEASE SAVEPOINT ne_article" : "COMMIT");
    char keep[sizeof s->errmsg];
    memcpy(keep, s->errmsg, sizeof keep);
    if (s->in_tx) {
        s->be->script(s, "ROLLBACK TO SAVEPOINT ne_article");
        s->be->script(s, "RELEASE SAVEPOINT ne_article");
    } else {
        s->be->script(s, "ROLLBACK");
    }
    memcpy(s->errmsg, keep, sizeof keep);
    *added = 0;
    return rc;
}
