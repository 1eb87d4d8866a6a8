/* extract.c: parsing RSS 2.0 and Atom feeds, and taking the main text out of
** an article page (libxml2; never loads external entities or the network). */
#define _GNU_SOURCE 1 /* strcasestr, strptime */
#include "server.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static char *xstrdup(const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
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
    return out;
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

int feed_parse(const char *xml, size_t n, feed_item **items) {
    *items = NULL;
    if (n > (size_t)64 << 20) return -1;
    xmlDoc *doc = xmlReadMemory(xml, (int)n, NULL, NULL, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                         XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (!doc) return -1;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || (!is_named(root, "rss") && !is_named(root, "feed") && !is_named(root, "RDF"))) {
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

char *html_main_text(const char *html, size_t n, const char *http_charset, char **title) {
    *title = NULL;
    if (n > (size_t)64 << 20) return NULL;
    htmlDocPtr doc = htmlReadMemory(html, (int)n, NULL, http_charset,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) return NULL;
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
        sb_free(&b);
        return NULL;
    }
    return b.p;
}
