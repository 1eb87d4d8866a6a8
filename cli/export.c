/* export.c: writing stored events: JSON Lines, TSV, an aligned table, the
** GDELT 2.0 event and mentions tables, and Phoenix-style CSV (docs/STORE.md). */
#include "cli.h"

#include <errno.h>
#include <string.h>

typedef struct out_ctx {
    FILE *f;
    int err;
    long n;
} out_ctx;

static const char *nz(const char *s) { return s ? s : ""; }

/* Tab-separated field: tabs and newlines inside become spaces. */
static void tsv(FILE *f, const char *s, int last) {
    for (; s && *s; s++) fputc((*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s, f);
    fputc(last ? '\n' : '\t', f);
}

/* CSV field, quoted when needed (RFC 4180). */
static void csv(FILE *f, const char *s, int last) {
    if (s && strpbrk(s, ",\"\n\r")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"') fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(nz(s), f);
    }
    fputc(last ? '\n' : ',', f);
}

static int check(out_ctx *c) {
    c->n++;
    if (ferror(c->f)) {
        c->err = 1;
        return 1;
    }
    return 0;
}

static int row_jsonl(void *ctx, const ne_event_row *r) {
    out_ctx *c = ctx;
    char *js = ne_event_row_json(r);
    if (!js) {
        c->err = 2;
        return 1;
    }
    fputs(js, c->f);
    fputc('\n', c->f);
    ne_free(js);
    return check(c);
}

static int row_tsv(void *ctx, const ne_event_row *r) {
    out_ctx *c = ctx;
    fprintf(c->f, "%lld\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%ld\t%ld\t%ld\t", r->id, nz(r->date), nz(r->source_code),
            nz(r->target_code), nz(r->code), nz(r->root), r->quad_class, r->goldstein, r->num_mentions, r->num_sources,
            r->num_articles);
    tsv(c->f, r->evidence, 1);
    return check(c);
}

static int row_table(void *ctx, const ne_event_row *r) {
    out_ctx *c = ctx;
    if (c->n == 0) fprintf(c->f, "%-10s  %-12s  %-12s  %-5s  %6s  %4s  %s\n", "date", "source", "target", "code", "gold", "arts", "evidence");
    const char *ev = nz(r->evidence);
    fprintf(c->f, "%-10s  %-12.12s  %-12.12s  %-5s  %6.1f  %4ld  %.70s%s\n", nz(r->date), nz(r->source_code),
            nz(r->target_code), nz(r->code), r->goldstein, r->num_articles, ev, strlen(ev) > 70 ? "..." : "");
    return check(c);
}

/* "2024-01-16" -> "20240116"; partial dates are padded with zeros (GDELT does the same for month precision). */
static void compact_date(const char *d, char *out, size_t cap) {
    size_t w = 0;
    for (; d && *d && w + 1 < cap; d++)
        if (*d != '-') out[w++] = *d;
    while (w < 8 && w + 1 < cap) out[w++] = '0';
    out[w] = 0;
}

/* The compact day of a date and its parts (0 where the date is less precise). */
static void split_date(const char *date, char *day, size_t cap, int *y, int *m, int *d) {
    compact_date(date, day, cap);
    *y = *m = *d = 0;
    sscanf(day, "%4d%2d%2d", y, m, d);
}

/* The 10 GDELT actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
** Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. */
static void gdelt_actor(FILE *f, const char *code, const char *name, const char *country, const char *role) {
    int igo = country && (!strcmp(country, "IGO") || !strcmp(country, "NGO") || !strcmp(country, "IMG"));
    tsv(f, code, 0);
    tsv(f, name, 0);
    tsv(f, igo ? NULL : country, 0);
    tsv(f, igo && code && strlen(code) >= 6 ? code + 3 : NULL, 0);
    tsv(f, NULL, 0);
    tsv(f, NULL, 0);
    tsv(f, NULL, 0);
    tsv(f, role, 0);
    tsv(f, NULL, 0);
    tsv(f, NULL, 0);
}

/* The 8 GDELT geography columns: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID. */
static void gdelt_geo(FILE *f, const ne_event_row *r, int present) {
    if (!present || (!r->location_name && !r->location_country)) {
        for (int i = 0; i < 8; i++) tsv(f, NULL, 0);
        return;
    }
    fprintf(f, "%d\t", r->location_name ? 4 : 1);
    tsv(f, r->location_name ? r->location_name : r->location_country, 0);
    tsv(f, r->location_country, 0);
    tsv(f, NULL, 0);
    tsv(f, NULL, 0);
    if (r->has_coords) fprintf(f, "%.4f\t%.4f\t", r->lat, r->lon);
    else fputs("\t\t", f);
    tsv(f, NULL, 0);
}

static int row_gdelt(void *ctx, const ne_event_row *r) {
    out_ctx *c = ctx;
    FILE *f = c->f;
    char day[16], added[32];
    int y, m, d;
    split_date(r->date, day, sizeof day, &y, &m, &d);
    compact_date(r->added, added, sizeof added);
    fprintf(f, "%lld\t%s\t%04d%02d\t%04d\t%.4f\t", r->id, day, y, m, y, y + ((m ? m - 1 : 0) * 30.42 + (d ? d : 1)) / 365.0);
    gdelt_actor(f, r->source_code, r->source_name, r->source_country, r->source_role);
    gdelt_actor(f, r->target_code, r->target_name, r->target_country, r->target_role);
    fprintf(f, "1\t%s\t%.3s\t%s\t%d\t%.1f\t%ld\t%ld\t%ld\t\t", nz(r->code), nz(r->code), nz(r->root), r->quad_class,
            r->goldstein, r->num_mentions, r->num_sources, r->num_articles);
    gdelt_geo(f, r, 0);
    gdelt_geo(f, r, 0);
    gdelt_geo(f, r, 1);
    fprintf(f, "%.14s\t", added);
    tsv(f, r->first_url, 1);
    return check(c);
}

static int row_phoenix(void *ctx, const ne_event_row *r) {
    out_ctx *c = ctx;
    FILE *f = c->f;
    char day[16];
    int y, m, d;
    split_date(r->date, day, sizeof day, &y, &m, &d);
    fprintf(f, "%lld,%s,%d,%d,%d,", r->id, day, y, m, d);
    csv(f, r->source_code, 0); csv(f, r->source_country, 0); csv(f, r->source_role, 0); csv(f, NULL, 0);
    csv(f, r->target_code, 0); csv(f, r->target_country, 0); csv(f, r->target_role, 0); csv(f, NULL, 0);
    csv(f, r->code, 0); csv(f, r->root, 0);
    fprintf(f, "%d,%.1f,,", r->quad_class, r->goldstein);
    if (r->has_coords) fprintf(f, "%.4f,%.4f,", r->lat, r->lon);
    else fputs(",,", f);
    csv(f, r->location_name, 0); csv(f, NULL, 0); csv(f, r->location_country, 0); csv(f, NULL, 0);
    csv(f, r->first_url, 0); csv(f, NULL, 1);
    return check(c);
}

static int row_mention(void *ctx, const ne_mention_row *r) {
    out_ctx *c = ctx;
    FILE *f = c->f;
    char day[16];
    compact_date(r->article_date, day, sizeof day);
    /* GlobalEventID, EventTimeDate, MentionTimeDate, MentionType (1 = web), MentionSourceName,
    ** MentionIdentifier, SentenceID, Actor1CharOffset, Actor2CharOffset, ActionCharOffset, InRawText,
    ** Confidence, MentionDocLen, MentionDocTone, MentionDocTranslationInfo, Extras */
    fprintf(f, "%lld\t%s000000\t%s000000\t1\t", r->event_id, day, day);
    tsv(f, r->source, 0);
    tsv(f, r->url ? r->url : r->article_id, 0);
    fprintf(f, "%d\t-1\t-1\t%u\t%d\t%d\t\t\t\t\n", r->sentence + 1, r->start, r->in_title ? 0 : 1,
            (int)(r->confidence * 100 + 0.5));
    return check(c);
}

int cli_export(ne_store *s, const ne_query *q, const char *format, FILE *out) {
    out_ctx c = {out, 0, 0};
    ne_event_cb cb = !strcmp(format, "json") || !strcmp(format, "jsonl") ? row_jsonl
                     : !strcmp(format, "tsv") ? row_tsv
                     : !strcmp(format, "table") ? row_table
                     : !strcmp(format, "gdelt") ? row_gdelt
                     : !strcmp(format, "phoenix") ? row_phoenix : NULL;
    int rc;
    if (!strcmp(format, "phoenix"))
        fputs("EventID,Date,Year,Month,Day,SourceActorFull,SourceActorEntity,SourceActorRole,SourceActorAttribute,"
              "TargetActorFull,TargetActorEntity,TargetActorRole,TargetActorAttribute,EventCode,EventRootCode,"
              "QuadClass,GoldsteinScore,Issues,Lat,Lon,LocationName,StateName,CountryCode,SentenceID,URLs,NewsSources\n", out);
    if (!strcmp(format, "tsv"))
        fputs("id\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tmentions\tsources\tarticles\tevidence\n", out);
    if (!strcmp(format, "gdelt-mentions")) rc = ne_store_mentions(s, q, row_mention, &c);
    else if (!cb) return NE_INVALID;
    else rc = ne_store_events(s, q, cb, &c);
    if (rc == NE_OK && c.err) rc = c.err == 2 ? NE_NOMEM : NE_IO;
    return rc;
}
