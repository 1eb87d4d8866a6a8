/* extract.c: parsing RSS 2.0 and Atom feeds, and taking the main text out of
** an article page (libxml2; never loads external entities or the network). */
#define _GNU_SOURCE 1 /* strcasestr, strptime */
#include "server.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ---- libxml2's messages: collected, never printed ----
** libxml2 prints its errors on stderr unless told otherwise, and the parse
** options XML_PARSE_NOERROR / HTML_PARSE_NOERROR do not cover all of them:
** an encoding error (bytes that are not in the declared charset: "encoding
** error : input conversion failed due to input error") is raised without a
** parser context and goes to the thread's handler.  xml_quiet installs a
** structured handler, and a silent generic one, on this thread for one call of
** feed_parse or html_main_text (libxml2 keeps its handlers per thread, so
** parses on other threads are not affected; the parser context's own errors
** reach the same handler, since the context has none); xml_loud restores the
** previous ones.  The first message and the count go back to the caller,
** which reports them with the feed or page. */
typedef struct xml_errs {
    int count;       /* errors and warnings libxml2 raised */
    int line;        /* line of the first, 0 when unknown */
    int enc_only;    /* keep only encoding errors (an HTML page: markup errors are routine) */
    char first[160]; /* the first message, without its newline */
    xmlStructuredErrorFunc old_s;
    void *old_sctx;
    xmlGenericErrorFunc old_g;
    void *old_gctx;
} xml_errs;

/* Does e say that bytes were not in the document's charset (text lost or
** replaced), as "input conversion failed due to input error" does? */
static int encoding_error(const xmlError *e) {
    return e->domain == XML_FROM_I18N || e->domain == XML_FROM_IO || e->code == XML_ERR_INVALID_CHAR ||
           e->code == XML_ERR_INVALID_ENCODING || e->code == XML_ERR_UNKNOWN_ENCODING ||
           e->code == XML_ERR_UNSUPPORTED_ENCODING;
}

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *ud, const xmlError *e) {
#else
static void on_xml_error(void *ud, xmlErrorPtr e) {
#endif
    xml_errs *x = ud;
    if (!e || (x->enc_only && !encoding_error(e)) || x->count++) return;
    x->line = e->line;
    snprintf(x->first, sizeof x->first, "%s", e->message ? e->message : "error");
    size_t n = strlen(x->first);
    while (n && (x->first[n - 1] == '\n' || x->first[n - 1] == ' ')) x->first[--n] = 0;
}

/* The few messages libxml2 writes through the generic handler directly: dropped. */
static void on_xml_generic(void *ud, const char *fmt, ...) {
    (void)ud;
    (void)fmt;
}

static void xml_quiet(xml_errs *x, int enc_only) {
    memset(x, 0, sizeof *x);
    x->enc_only = enc_only;
    x->old_s = xmlStructuredError;
    x->old_sctx = xmlStructuredErrorContext;
    x->old_g = xmlGenericError;
    x->old_gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(x, on_xml_error);
    xmlSetGenericErrorFunc(x, on_xml_generic);
}

static void xml_loud(xml_errs *x) {
    xmlSetStructuredErrorFunc(x->old_sctx, x->old_s);
    xmlSetGenericErrorFunc(x->old_gctx, x->old_g);
}

/* "line 3: Input is not proper UTF-8 (and 2 more)" into why, when x saw errors. */
static void xml_why(const xml_errs *x, char *why, size_t whylen) {
    if (!why || !whylen) return;
    *why = 0;
    if (!x->count) return;
    char more[48] = "";
    if (x->count > 1) snprintf(more, sizeof more, " (and %d more)", x->count - 1);
    if (x->line > 0) snprintf(why, whylen, "line %d: %s%s", x->line, x->first, more);
    else snprintf(why, whylen, "%s%s", x->first, more);
}

static char *xstrdup(const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
}

/* s (malloc'd, NUL-terminated) with every byte that starts no valid UTF-8
** sequence replaced by U+FFFD, so that it can go into an article's JSON: the
** HTML parser keeps the raw bytes of a page that is not in the charset its
** server declared ("Z\xfcrich" served as UTF-8; ne_utf8_len, the text
** stage's test, tells the sequences).  s itself when it is valid;
** NULL (s freed) when out of memory. */
static char *utf8_repaired(char *s) {
    if (!s) return NULL;
    size_t n = strlen(s), bad = 0;
    for (size_t i = 0, k; i < n; i += k ? k : 1)
        if (!(k = ne_utf8_len(s + i, n - i))) bad++;
    if (!bad) return s;
    char *out = malloc(n + 2 * bad + 1), *o = out;
    for (size_t i = 0, k; out && i < n; i += k ? k : 1) {
        if ((k = ne_utf8_len(s + i, n - i))) memcpy(o, s + i, k), o += k;
        else memcpy(o, "\xef\xbf\xbd", 3), o += 3;
    }
    if (o) *o = 0;
    free(s);
    return out;
}

/* Trimmed text content of a node (malloc'd) or NULL when empty. */
static char *node_text(xmlNode *n) {
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return NULL;
    char *s = (char *)c, *e = s + strlen(s);
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' || e[-1] == '\r')) e--;
    char *out = NULL;
    if (e > s) {
        out = malloc((size_t)(e - s) + 1);
        if (out) {
            memcpy(out, s, (size_t)(e - s));
            out[e - s] = 0;
        }
    }
    xmlFree(c);
    return utf8_repaired(out);
}

/* YYYY-MM-DD from an RFC 822 (RSS) or ISO 8601 (Atom) date, or NULL. */
static char *feed_date(const char *s) {
    if (!s) return NULL;
    char out[16];
    if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
        snprintf(out, sizeof out, "%.10s", s);
        return xstrdup(out);
    }
    struct tm tm = {0};
    const char *p = strchr(s, ',') ? strchr(s, ',') + 1 : s;
    while (*p == ' ') p++;
    if (!strptime(p, "%d %b %Y", &tm)) return NULL;
    snprintf(out, sizeof out, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000, (tm.tm_mon + 1) % 100, tm.tm_mday % 100);
    return xstrdup(out);
}

static int is_named(xmlNode *n, const char *name) { return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name); }

/* Link of an Atom entry: the alternate (or first) link's href. */
static char *atom_link(xmlNode *n) {
    char *first = NULL;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (!is_named(c, "link")) continue;
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href"), *rel = xmlGetProp(c, (const xmlChar *)"rel");
        int alt = !rel || !strcmp((const char *)rel, "alternate");
        char *h = href ? xstrdup((const char *)href) : NULL;
        xmlFree(href);
        xmlFree(rel);
        if (h && alt) {
            free(first);
            return h;
        }
        if (h && !first) first = h;
        else free(h);
    }
    return first;
}

static void fill_item(xmlNode *n, feed_item *it) {
    char *pub = NULL;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *nm = (const char *)c->name;
        if (!strcmp(nm, "title") && !it->title) it->title = node_text(c);
        else if (!strcmp(nm, "link") && !it->link && !xmlHasProp(c, (const xmlChar *)"href")) it->link = node_text(c);
        else if ((!strcmp(nm, "guid") || !strcmp(nm, "id")) && !it->guid) it->guid = node_text(c);
        else if ((!strcmp(nm, "description") || !strcmp(nm, "summary")) && !it->summary) it->summary = node_text(c);
        else if ((!strcmp(nm, "pubDate") || !strcmp(nm, "published") || !strcmp(nm, "updated") ||
                  !strcmp(nm, "date")) && !pub) pub = node_text(c);
    }
    if (!it->link) it->link = atom_link(n);
    it->date = feed_date(pub);
    free(pub);
}

/* feed_parse with libxml2's handlers already set to x (xml_quiet). */
static int feed_read(const char *xml, size_t n, feed_item **items, const xml_errs *x, char *why, size_t whylen) {
    xmlDoc *doc = xmlReadMemory(xml, (int)n, NULL, NULL, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                         XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    xml_why(x, why, whylen);
    if (!doc) {
        if (why && !*why) snprintf(why, whylen, "not XML");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || (!is_named(root, "rss") && !is_named(root, "feed") && !is_named(root, "RDF"))) {
        if (why && !*why) snprintf(why, whylen, "not an RSS or Atom feed (root element %.40s)",
                                   root ? (const char *)root->name : "missing");
        xmlFreeDoc(doc);
        return -1;
    }
    xmlXPathContext *ctx = xmlXPathNewContext(doc);
    xmlXPathObject *res = ctx ? xmlXPathEvalExpression(
        (const xmlChar *)"//*[local-name()='item' or local-name()='entry']", ctx) : NULL;
    int count = res && res->nodesetval ? res->nodesetval->nodeNr : 0;
    if (count > 1000) count = 1000;
    feed_item *out = count ? calloc((size_t)count, sizeof *out) : NULL;
    if (count && !out) count = 0;
    for (int i = 0; i < count; i++) fill_item(res->nodesetval->nodeTab[i], &out[i]);
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    *items = out;
    return count;
}

int feed_parse(const char *xml, size_t n, feed_item **items, char *why, size_t whylen) {
    *items = NULL;
    if (why && whylen) *why = 0;
    if (n > (size_t)64 << 20) {
        if (why) snprintf(why, whylen, "larger than 64 MB");
        return -1;
    }
    xml_errs x;
    xml_quiet(&x, 0); /* for the XPath query and the tree too: libxml2 prints its allocation failures */
    int count = feed_read(xml, n, items, &x, why, whylen);
    xml_loud(&x);
    return count;
}

void feed_items_free(feed_item *items, int n) {
    for (int i = 0; i < n; i++) {
        free(items[i].title);
        free(items[i].link);
        free(items[i].date);
        free(items[i].guid);
        free(items[i].summary);
    }
    free(items);
}

/* ---- main text of an HTML page ---- */
static int skipped(xmlNode *n) {
    static const char *const tags[] = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
                                       "iframe", "svg", "button", "select", "figure", "template", NULL};
    for (int i = 0; tags[i]; i++)
        if (!strcasecmp((const char *)n->name, tags[i])) return 1;
    return 0;
}

/* Length of the text under n, and of the part inside links. */
static void text_lengths(xmlNode *n, int in_link, size_t *all, size_t *linked) {
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            size_t k = strlen((const char *)c->content);
            *all += k;
            if (in_link) *linked += k;
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
            text_lengths(c->children, in_link || !strcasecmp((const char *)c->name, "a"), all, linked);
        }
    }
}

typedef struct para_pick {
    xmlNode *best_parent;
    size_t best_score;
} para_pick;

/* A paragraph worth keeping: enough text, few links. */
static int good_para(xmlNode *p) {
    size_t all = 0, linked = 0;
    text_lengths(p->children, 0, &all, &linked);
    return all >= 40 && linked * 2 < all;
}

/* Score each element by the text of the good paragraphs directly under it. */
static void score_parents(xmlNode *n, para_pick *pk) {
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || skipped(c)) continue;
        size_t score = 0;
        for (xmlNode *k = c->children; k; k = k->next) {
            if (k->type == XML_ELEMENT_NODE && !strcasecmp((const char *)k->name, "p") && good_para(k)) {
                size_t all = 0, linked = 0;
                text_lengths(k->children, 0, &all, &linked);
                score += all;
            }
        }
        if (score > pk->best_score) {
            pk->best_score = score;
            pk->best_parent = c;
        }
        score_parents(c->children, pk);
    }
}

static void append_text(xmlNode *n, sbuf *b) {
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const char *p = (const char *)c->content; *p; p++) {
                char ch = (*p == '\n' || *p == '\t' || *p == '\r') ? ' ' : *p;
                if (ch == ' ' && b->len && b->p[b->len - 1] == ' ') continue;
                sb_add(b, &ch, 1);
            }
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
            if (!strcasecmp((const char *)c->name, "br")) sb_adds(b, " ");
            append_text(c->children, b);
        }
    }
}

/* html_main_text with libxml2's handlers already set to x (xml_quiet). */
static char *html_read(const char *html, size_t n, const char *http_charset, char **title, const xml_errs *x,
                       char *why, size_t whylen) {
    htmlDocPtr doc = htmlReadMemory(html, (int)n, NULL, http_charset,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    xml_why(x, why, whylen);
    if (!doc) {
        if (why && !*why) snprintf(why, whylen, "not HTML");
        return NULL;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlXPathContext *ctx = xmlXPathNewContext(doc);
    xmlXPathObject *t = ctx ? xmlXPathEvalExpression((const xmlChar *)"//title", ctx) : NULL;
    if (t && t->nodesetval && t->nodesetval->nodeNr) *title = node_text(t->nodesetval->nodeTab[0]);
    xmlXPathFreeObject(t);
    xmlXPathFreeContext(ctx);
    para_pick pk = {0};
    if (root) score_parents(root, &pk);
    sbuf b = {0};
    if (pk.best_parent) {
        for (xmlNode *k = pk.best_parent->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE || strcasecmp((const char *)k->name, "p") || !good_para(k)) continue;
            if (b.len) sb_adds(&b, "\n\n");
            size_t start = b.len;
            append_text(k->children, &b);
            while (b.len > start && b.p[b.len - 1] == ' ') b.p[--b.len] = 0;
        }
    }
    xmlFreeDoc(doc);
    if (b.oom || !b.len) {
        if (why && !*why) snprintf(why, whylen, "%s", b.oom ? "out of memory" : "no paragraph of article text");
        sb_free(&b);
        return NULL;
    }
    return utf8_repaired(b.p);
}

char *html_main_text(const char *html, size_t n, const char *http_charset, char **title, char *why, size_t whylen) {
    *title = NULL;
    if (why && whylen) *why = 0;
    if (n > (size_t)64 << 20) {
        if (why) snprintf(why, whylen, "larger than 64 MB");
        return NULL;
    }
    xml_errs x;
    xml_quiet(&x, 1); /* for the XPath query and the tree too */
    char *text = html_read(html, n, http_charset, title, &x, why, whylen);
    xml_loud(&x);
    return text;
}
