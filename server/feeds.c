/* feeds.c: following RSS/Atom feeds with libcurl: conditional GET (ETag,
** If-Modified-Since), backoff on errors, one request per host per second,
** page fetch and main-text extraction, then the ingest queue. */
#define _GNU_SOURCE 1 /* strcasestr, strptime */
#include "server.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#define MAX_FEEDS 1000
#define MAX_FETCH ((size_t)8 * 1024 * 1024) /* bytes of one feed or page */
#ifndef SEEN_MAX /* tests/unit/test_feeds_seen.c sets small ones */
#define SEEN_MAX 100000     /* remembered item links */
#define SEEN_BUCKETS 131072 /* their hash chains (a power of two above SEEN_MAX) */
#endif
#define ITEM_TRIES 5 /* polls that fetch an item's page, when it fails for a while and has no summary */

typedef struct feed {
    char *url;
    long interval;     /* seconds between polls */
    char etag[256], modified[128];
    int errors;
    time_t next;
} feed;

/* An item link met before: done (queued, or given up), or waiting for the
** next poll of its feed to fetch its page again after a passing failure. */
typedef struct seen_link {
    char *link;
    uint32_t hash; /* XXH3_64bits of link, its low 32 bits */
    int next;      /* the next entry of its hash chain, 1-based; 0 ends it */
    int tries;     /* page fetches that failed so far */
    int pending;   /* to be fetched again at the next poll */
} seen_link;

struct srv_feeds {
    feed feeds[MAX_FEEDS];
    int n;
    srv_ingest *ingest;
    srv_metrics *m;
    pthread_t thread;
    atomic_int stop;
    int once;  /* polled once in feeds_start, no thread */
    int quiet; /* count failures without reporting them */
    seen_link *seen; /* ring of the item links met, the oldest replaced first */
    int *bucket;     /* SEEN_BUCKETS chain heads into seen, 1-based; 0 none */
    size_t seen_next;
    int retry; /* an item of the feed being polled waits for its next poll */
    char hosts[64][128];
    time_t host_last[64];
};

typedef struct fetch {
    sbuf body;
    int too_big;
    char etag[256], modified[128], charset[64];
    char error[CURL_ERROR_SIZE]; /* libcurl's reason for a transport error */
} fetch;

static size_t on_body(char *p, size_t size, size_t n, void *ud) {
    fetch *f = ud;
    size_t k = size * n;
    if (f->body.len + k > MAX_FETCH) {
        f->too_big = 1;
        return 0; /* aborts the transfer */
    }
    sb_add(&f->body, p, k);
    return f->body.oom ? 0 : k;
}

/* Copy a header's value (trimmed) when the line starts with name. */
static void header_value(const char *line, size_t n, const char *name, char *out, size_t cap) {
    size_t k = strlen(name);
    if (n <= k || strncasecmp(line, name, k) != 0) return;
    const char *v = line + k;
    size_t vn = n - k;
    while (vn && (*v == ' ')) { v++; vn--; }
    while (vn && (v[vn - 1] == '\r' || v[vn - 1] == '\n' || v[vn - 1] == ' ')) vn--;
    snprintf(out, cap, "%.*s", (int)vn, v);
}

static size_t on_header(char *p, size_t size, size_t n, void *ud) {
    fetch *f = ud;
    size_t k = size * n;
    header_value(p, k, "ETag:", f->etag, sizeof f->etag);
    header_value(p, k, "Last-Modified:", f->modified, sizeof f->modified);
    char ct[256] = "";
    header_value(p, k, "Content-Type:", ct, sizeof ct);
    const char *cs = strcasestr(ct, "charset=");
    if (cs) snprintf(f->charset, sizeof f->charset, "%.*s", (int)strcspn(cs + 8, "; \"'"), cs + 8 + (cs[8] == '"'));
    return k;
}

/* Wait so that one host gets at most one request a second. */
static void polite(srv_feeds *fs, const char *url) {
    const char *h = strstr(url, "://");
    h = h ? h + 3 : url;
    char host[128];
    snprintf(host, sizeof host, "%.*s", (int)strcspn(h, "/:?#"), h);
    int slot = -1, oldest = 0;
    for (int i = 0; i < 64; i++) {
        if (!strcmp(fs->hosts[i], host)) { slot = i; break; }
        if (fs->host_last[i] < fs->host_last[oldest]) oldest = i;
    }
    if (slot < 0) {
        slot = oldest;
        snprintf(fs->hosts[slot], sizeof fs->hosts[slot], "%s", host);
        fs->host_last[slot] = 0;
    }
    time_t now = time(NULL);
    if (now - fs->host_last[slot] < 1) sleep(1);
    fs->host_last[slot] = time(NULL);
}

/* GET url; returns the HTTP status (0 on a transport error, its reason in
** f->error); 304 when unchanged. */
static long http_get(srv_feeds *fs, const char *url, const char *etag, const char *modified, fetch *f) {
    polite(fs, url);
    CURL *c = curl_easy_init();
    if (!c) return 0;
    struct curl_slist *h = NULL;
    char line[512];
    if (etag && *etag) { snprintf(line, sizeof line, "If-None-Match: %s", etag); h = curl_slist_append(h, line); }
    if (modified && *modified) { snprintf(line, sizeof line, "If-Modified-Since: %s", modified); h = curl_slist_append(h, line); }
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, f);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 100L); /* bytes/s below which ... */
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 15L);   /* ... for this long aborts a slow server */
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_USERAGENT, "newsevents/" NE_VERSION " (+feed follower)");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, f->error);
    long status = 0;
    CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    else if (!f->error[0]) snprintf(f->error, sizeof f->error, "%s", curl_easy_strerror(rc));
    if (f->too_big) snprintf(f->error, sizeof f->error, "larger than %zu MB", MAX_FETCH >> 20);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    return status;
}

/* Why a GET that did not return 200 failed: "HTTP 404", or libcurl's reason
** ("Could not resolve host: example.invalid"). */
static const char *fetch_failure(long status, const fetch *f, char *buf, size_t cap) {
    if (status) snprintf(buf, cap, "HTTP %ld", status);
    else snprintf(buf, cap, "%s", f->error[0] ? f->error : "transfer failed");
    return buf;
}


/* Take ring entry i (in use) out of its hash chain. */
static void seen_unlink(srv_feeds *fs, int i) {
    int *p = &fs->bucket[fs->seen[i].hash & (SEEN_BUCKETS - 1)];
    while (*p && *p != i + 1) p = &fs->seen[*p - 1].next;
    if (*p) *p = fs->seen[i].next;
}

/* The ring's entry for link, with *fresh = 1 when it is met for the first
** time (the oldest entry makes room); NULL when out of memory.  A lookup
** walks one hash chain, not the 100,000 links a long-running follower of
** 1,000 feeds remembers. */
static seen_link *seen_entry(srv_feeds *fs, const char *link, int *fresh) {
    *fresh = 0;
    size_t n = strlen(link);
    uint32_t h = (uint32_t)XXH3_64bits(link, n); /* the hash the library uses (simhash.c, store.c) */
    int *head = &fs->bucket[h & (SEEN_BUCKETS - 1)];
    for (int i = *head; i; i = fs->seen[i - 1].next)
        if (fs->seen[i - 1].hash == h && !strcmp(fs->seen[i - 1].link, link)) return &fs->seen[i - 1];
    char *copy = malloc(n + 1);
    if (!copy) return NULL;
    memcpy(copy, link, n + 1);
    int at = (int)fs->seen_next;
    seen_link *s = &fs->seen[at];
    if (s->link) seen_unlink(fs, at);
    free(s->link);
    *s = (seen_link){.link = copy, .hash = h, .next = *head};
    *head = at + 1;
    fs->seen_next = (fs->seen_next + 1) % SEEN_MAX;
    *fresh = 1;
    return s;
}

/* Is a GET that returned status (0: a transport error) worth trying again
** later: a timeout, a refused connection, a server error or "too many
** requests" (408, 425, 429, 5xx)?  Not a page over the size limit, not 404. */
static int passing_failure(long status, const fetch *f) {
    if (status == 0) return !f->too_big;
    return status == 408 || status == 425 || status == 429 || (status >= 500 && status <= 599);
}

/* Queue the item as an article with text (title from the feed, else the
** page's); 0 queued, -1 when the queue is full or memory short. */
static int push_item(srv_feeds *fs, const feed *fd, const feed_item *it, const char *text, const char *title) {
    int rc = -1;
    sbuf j = {0};
    sb_adds(&j, "{\"id\":");
    sb_json(&j, it->link);
    sb_adds(&j, ",\"url\":");
    sb_json(&j, it->link);
    sb_adds(&j, ",\"title\":");
    sb_json(&j, it->title ? it->title : title);
    sb_adds(&j, ",\"date\":");
    sb_json(&j, it->date);
    const char *h = strstr(fd->url, "://");
    char host[256];
    h = h ? h + 3 : fd->url;
    snprintf(host, sizeof host, "%.*s", (int)strcspn(h, "/:?#"), h);
    sb_adds(&j, ",\"source\":");
    sb_json(&j, host);
    sb_adds(&j, ",\"text\":");
    sb_json(&j, text);
    sb_adds(&j, "}");
    if (!j.oom) rc = ingest_push(fs->ingest, j.p, j.len);
    sb_free(&j);
    return rc;
}

enum item_fate { FROM_PAGE, FROM_SUMMARY, NOT_QUEUED };

/* Settle and say (unless quiet) what became of an item: queued from its
** page (why: a parse warning, or ""), from the feed's summary (why: the
** page's failure), or not queued (why: the reason).  One not queued waits for
** its feed's next poll when the failure may pass and fetches are left
** (ITEM_TRIES; never with --once), else it is skipped and counted. */
static void settle_item(srv_feeds *fs, const char *link, seen_link *seen, enum item_fate fate, int passing,
                        const char *why) {
    int again = 0, tries = 1;
    if (fate == NOT_QUEUED) {
        tries = seen ? ++seen->tries : 1;
        again = passing && seen && !fs->once && tries < ITEM_TRIES;
        if (!again) atomic_fetch_add(&fs->m->items_skipped, 1);
    }
    if (seen) seen->pending = again;
    fs->retry |= again;
    if (fs->quiet || !*why) return;
    if (fate == FROM_PAGE) srv_report(link, "warning: %s", why);
    else if (fate == FROM_SUMMARY) srv_report(link, "%s (the feed's summary is coded instead)", why);
    else if (again) srv_report(link, "%s (tried again at the next poll)", why);
    else if (tries > 1) srv_report(link, "%s (item skipped after %d tries)", why, tries);
    else srv_report(link, "%s (item skipped)", why);
}

/* Fetch an item's page, extract its text and queue it as an article; when
** the page cannot be had, the feed's summary is queued instead.  Nothing is
** dropped unsaid: an item that is not queued is tried again or reported with
** its reason (settle_item).  An item met before is taken only when it waits
** for another try. */
static void take_item(srv_feeds *fs, const feed *fd, const feed_item *it) {
    int fresh;
    seen_link *seen = it->link ? seen_entry(fs, it->link, &fresh) : NULL;
    if (!it->link || (seen && !fresh && !seen->pending)) return;
    fetch f = {0};
    long st = http_get(fs, it->link, NULL, NULL, &f);
    char *title = NULL, *text = NULL, why[256] = "";
    if (st == 200 && f.body.p)
        text = html_main_text(f.body.p, f.body.len, *f.charset ? f.charset : NULL, &title, why, sizeof why);
    else if (st == 200) snprintf(why, sizeof why, "empty response");
    else fetch_failure(st, &f, why, sizeof why);
    if (st != 200) atomic_fetch_add(&fs->m->feed_errors, 1);
    else atomic_fetch_add(&fs->m->pages_fetched, 1);
    enum item_fate fate = text ? FROM_PAGE : it->summary ? FROM_SUMMARY : NOT_QUEUED;
    int passing = passing_failure(st, &f);
    if (!text && it->summary) text = strdup(it->summary); /* the feed's own summary beats nothing */
    if (text && push_item(fs, fd, it, text, title)) {
        snprintf(why, sizeof why, "the ingest queue is full");
        fate = NOT_QUEUED;
        passing = 1;
    } else if (!text && fate == FROM_SUMMARY) {
        fate = NOT_QUEUED; /* out of memory copying the summary */
    }
    settle_item(fs, it->link, seen, fate, passing, why);
    free(text);
    free(title);
    sb_free(&f.body);
}

static void poll_feed(srv_feeds *fs, feed *fd) {
    fetch f = {0};
    atomic_fetch_add(&fs->m->feed_polls, 1);
    long st = http_get(fs, fd->url, fd->etag, fd->modified, &f);
    feed_item *items = NULL;
    int n = -1;
    char why[256] = "";
    if (st == 200 && f.body.p) n = feed_parse(f.body.p, f.body.len, &items, why, sizeof why);
    else if (st == 200) snprintf(why, sizeof why, "empty response");
    else if (st != 304) fetch_failure(st, &f, why, sizeof why);
    if (!fs->quiet && *why)
        srv_report(fd->url, "%s%s", n >= 0 ? "warning: " : st == 200 ? "not a feed: " : "", why);
    if (st == 304 || n >= 0) {
        fd->errors = 0;
        fs->retry = 0;
        for (int i = 0; i < n && !atomic_load(&fs->stop); i++) take_item(fs, fd, &items[i]);
        if (fs->retry) { /* an item waits: the next poll must get the feed, not "304 Not Modified" */
            fd->etag[0] = fd->modified[0] = 0;
        } else {
            if (*f.etag) snprintf(fd->etag, sizeof fd->etag, "%s", f.etag);
            if (*f.modified) snprintf(fd->modified, sizeof fd->modified, "%s", f.modified);
        }
        fd->next = time(NULL) + fd->interval;
    } else {
        atomic_fetch_add(&fs->m->feed_errors, 1);
        fd->errors++;
        long back = fd->interval << (fd->errors < 6 ? fd->errors : 6); /* exponential backoff */
        fd->next = time(NULL) + (back > 3600 ? 3600 : back);
    }
    feed_items_free(items, n > 0 ? n : 0);
    sb_free(&f.body);
}

static void *follow_loop(void *arg) {
    srv_feeds *fs = arg;
    while (!atomic_load(&fs->stop)) {
        time_t now = time(NULL);
        for (int i = 0; i < fs->n && !atomic_load(&fs->stop); i++)
            if (fs->feeds[i].next <= now) poll_feed(fs, &fs->feeds[i]);
        for (int s = 0; s < 10 && !atomic_load(&fs->stop); s++) usleep(100000);
    }
    return NULL;
}

/* The optional SECONDS after a feed's URL, in rest (" 60\n"): 0 with *out
** set (0: absent, the default applies), -1 when it is not a whole number
** of seconds from 1 ("60s", "-5", "60 x"). */
static int interval_of(const char *rest, long *out) {
    while (*rest == ' ' || *rest == '\t') rest++;
    *out = 0;
    if (!*rest || *rest == '\r' || *rest == '\n' || *rest == '#') return 0;
    char *end;
    errno = 0;
    long v = strtol(rest, &end, 10);
    if (errno || end == rest || v < 1) return -1;
    while (*end == ' ' || *end == '\t') end++;
    if (*end && *end != '\r' && *end != '\n' && *end != '#') return -1;
    *out = v;
    return 0;
}

/* Read "URL [SECONDS]" lines; '#' comments. */
static int read_list(srv_feeds *fs, const char *path, char *err, size_t errlen) {
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char line[2048];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#' || *p == '\n' || !*p) continue;
        char *url = p;
        p += strcspn(p, " \t\r\n");
        if (*p) *p++ = 0;
        long interval = 0;
        if (strncmp(url, "http://", 7) && strncmp(url, "https://", 8)) {
            snprintf(err, errlen, "%s:%d: not an http(s) URL", path, lineno);
            fclose(f);
            return -1;
        }
        if (interval_of(p, &interval)) {
            snprintf(err, errlen, "%s:%d: '%.*s' is not a poll interval in seconds (1 or more)", path, lineno,
                     (int)strcspn(p, "\r\n"), p);
            fclose(f);
            return -1;
        }
        if (fs->n == MAX_FEEDS) {
            if (!fs->quiet) srv_report(path, "more than %d feeds: line %d and the lines after it are ignored",
                                       MAX_FEEDS, lineno);
            break;
        }
        feed *fd = &fs->feeds[fs->n++];
        fd->url = strdup(url);
        fd->interval = interval >= 1 ? interval : 300;
    }
    fclose(f);
    return 0;
}

srv_feeds *feeds_start(const char *list_path, srv_ingest *in, srv_metrics *m, int once, int quiet, char *err,
                       size_t errlen) {
    srv_feeds *fs = calloc(1, sizeof *fs);
    if (!fs) return NULL;
    fs->quiet = quiet;
    fs->ingest = in;
    fs->m = m;
    fs->seen = calloc(SEEN_MAX, sizeof *fs->seen);
    fs->bucket = calloc(SEEN_BUCKETS, sizeof *fs->bucket);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    fs->once = once;
    if (!fs->seen || !fs->bucket || read_list(fs, list_path, err, errlen) ||
        (!once && pthread_create(&fs->thread, NULL, follow_loop, fs) != 0)) {
        if (!*err) snprintf(err, errlen, "cannot start the feed follower");
        for (int i = 0; i < fs->n; i++) free(fs->feeds[i].url);
        free(fs->seen);
        free(fs->bucket);
        free(fs);
        return NULL;
    }
    for (int i = 0; once && i < fs->n; i++) poll_feed(fs, &fs->feeds[i]);
    return fs;
}

void feeds_stop(srv_feeds *fs) {
    if (!fs) return;
    atomic_store(&fs->stop, 1);
    if (!fs->once) pthread_join(fs->thread, NULL);
    for (int i = 0; i < fs->n; i++) free(fs->feeds[i].url);
    for (size_t i = 0; i < SEEN_MAX; i++) free(fs->seen[i].link);
    free(fs->seen);
    free(fs->bucket);
    free(fs);
    curl_global_cleanup();
}
