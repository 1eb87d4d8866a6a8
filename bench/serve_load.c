/* serve_load.c: load benchmark of `newsevents serve` (not a test): N stream
** clients listen on /api/stream while articles are POSTed at a fixed rate for
** a fixed time; reports ingest-to-stream latency (p50/p99 at the first
** client), events delivered per client, HTTP errors, and the server's RSS
** over time (to see that memory stays flat).  With --api N it instead times
** N event queries.  Loopback only: the server must listen on 127.0.0.1.
** Uses plain sockets and poll(); no library beyond libc. */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_POSTS 200000

static int port = 8080, clients = 100, rate = 100, seconds = 60, api_n = 0, pid = 0;
static const char *token = "";

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int dial(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        if (fd >= 0) close(fd);
        return -1;
    }
    return fd;
}

/* One request on a fresh connection; returns the status (0 on failure). */
static int request(const char *req, size_t n) {
    int fd = dial();
    if (fd < 0) return 0;
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, req + off, n - off);
        if (w <= 0) break;
        off += (size_t)w;
    }
    char buf[4096];
    ssize_t r = read(fd, buf, sizeof buf - 1);
    int status = 0;
    if (r > 12) {
        buf[r] = 0;
        sscanf(buf, "HTTP/1.%*d %d", &status);
    }
    while (r > 0) r = read(fd, buf, sizeof buf); /* Connection: close */
    close(fd);
    return status;
}

static long rss_kb(void) {
    char p[64], line[256];
    long kb = -1;
    snprintf(p, sizeof p, "/proc/%d/status", pid);
    FILE *f = fopen(p, "r");
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6)) kb = strtol(line + 6, NULL, 10);
    if (f) fclose(f);
    return kb;
}

static int cmp_d(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static double pct(double *v, int n, double p) {
    if (n == 0) return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return v[(int)(p * (n - 1))];
}

/* ---- the API benchmark ---- */
static int run_api(void) {
    static const char *const paths[] = {"/api/events?limit=100", "/api/events?country=USA&limit=100",
                                        "/api/events?dyad=USA,CHN&limit=100", "/api/dyads/USA/CHN/timeline?by=day",
                                        "/api/top?limit=10"};
    double *lat = calloc((size_t)api_n, sizeof *lat);
    int errors = 0;
    for (int i = 0; i < api_n; i++) {
        char req[512];
        int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", paths[i % 5]);
        double t0 = now();
        if (request(req, (size_t)n) != 200) errors++;
        lat[i] = (now() - t0) * 1000;
    }
    printf("{\"api_requests\": %d, \"api_errors\": %d, \"api_ms_p50\": %.2f, \"api_ms_p99\": %.2f, \"api_ms_max\": %.2f}\n",
           api_n, errors, pct(lat, api_n, 0.5), pct(lat, api_n, 0.99), pct(lat, api_n, 1.0));
    free(lat);
    return errors ? 1 : 0;
}

/* ---- the ingest/stream benchmark ---- */
static const char *const actors[] = {"Iran", "Pakistan", "India", "China", "Russia", "Ukraine", "Israel", "Turkey",
                                     "Afghanistan", "Iraq", "Syria", "Egypt"};
static const char *const acts[] = {"launched airstrikes on", "expelled the ambassador of", "accused", "condemned",
                                   "held talks with", "imposed sanctions on", "shelled positions in",
                                   "signed a trade agreement with", "praised", "threatened"};

typedef struct client {
    int fd;
    char buf[65536];
    size_t len;
    long events;
} client;

static double *post_time;  /* by article number */
static double *first_seen; /* by article number, at client 0 */

/* Scan complete lines of c's buffer for "data: " events. */
static void scan_client(client *c, int idx) {
    char *start = c->buf, *nl;
    while ((nl = memchr(start, '\n', (size_t)(c->buf + c->len - start)))) {
        if (!strncmp(start, "data: ", 6)) {
            c->events++;
            const char *a = strstr(start, "\"article\":\"load-");
            if (idx == 0 && a && a < nl) {
                long k = strtol(a + strlen("\"article\":\"load-"), NULL, 10);
                if (k >= 0 && k < MAX_POSTS && first_seen[k] == 0) first_seen[k] = now();
            }
        }
        start = nl + 1;
    }
    size_t rest = (size_t)(c->buf + c->len - start);
    memmove(c->buf, start, rest);
    c->len = rest;
    if (c->len == sizeof c->buf) c->len = 0; /* a line longer than the buffer: drop it */
}

static int post_article(long k) {
    char body[1024], req[2048];
    int bl = snprintf(body, sizeof body,
                      "{\"id\":\"load-%ld\",\"date\":\"2024-03-%02ld\",\"text\":\"%s %s %s on Tuesday, officials said in "
                      "statement %ld.\"}",
                      k, 1 + k % 28, actors[k % 12], acts[(k / 12) % 10], actors[(k / 7 + 5) % 12], k);
    int n = snprintf(req, sizeof req,
                     "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                     "Content-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
                     token, bl, body);
    return request(req, (size_t)n);
}

static int run_load(void) {
    client *cl = calloc((size_t)clients, sizeof *cl);
    struct pollfd *pf = calloc((size_t)clients, sizeof *pf);
    post_time = calloc(MAX_POSTS, sizeof *post_time);
    first_seen = calloc(MAX_POSTS, sizeof *first_seen);
    int open_ok = 0;
    for (int i = 0; i < clients; i++) {
        cl[i].fd = dial();
        if (cl[i].fd < 0) continue;
        const char *req = "GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        if (write(cl[i].fd, req, strlen(req)) < 0) continue;
        fcntl(cl[i].fd, F_SETFL, O_NONBLOCK);
        open_ok++;
    }
    long rss0 = rss_kb(), rss_max = rss0, posts = 0, post_errors = 0;
    double t0 = now(), next_post = t0, next_rss = t0 + 10;
    printf("{\"clients\": %d, \"clients_connected\": %d, \"rate\": %d, \"seconds\": %d, \"rss_kb\": [%ld", clients, open_ok,
           rate, seconds, rss0);
    while (now() - t0 < seconds + 3) {
        double t = now();
        while (t >= next_post && t - t0 < seconds && posts < MAX_POSTS) {
            post_time[posts] = now();
            if (post_article(posts) != 202) post_errors++;
            posts++;
            next_post += 1.0 / rate;
        }
        if (pid && t >= next_rss) {
            long r = rss_kb();
            printf(", %ld", r);
            if (r > rss_max) rss_max = r;
            next_rss += 10;
        }
        for (int i = 0; i < clients; i++) {
            pf[i].fd = cl[i].fd;
            pf[i].events = POLLIN;
        }
        int ready = poll(pf, (nfds_t)clients, 2);
        for (int i = 0; ready > 0 && i < clients; i++) {
            if (!(pf[i].revents & (POLLIN | POLLHUP))) continue;
            ssize_t r = read(cl[i].fd, cl[i].buf + cl[i].len, sizeof cl[i].buf - cl[i].len);
            if (r > 0) {
                cl[i].len += (size_t)r;
                scan_client(&cl[i], i);
            }
        }
    }
    double *lat = calloc((size_t)posts + 1, sizeof *lat);
    int nl = 0;
    for (long k = 0; k < posts; k++)
        if (first_seen[k] > 0) lat[nl++] = (first_seen[k] - post_time[k]) * 1000;
    long min_ev = -1, max_ev = 0;
    for (int i = 0; i < clients; i++) {
        if (cl[i].fd < 0) continue;
        if (min_ev < 0 || cl[i].events < min_ev) min_ev = cl[i].events;
        if (cl[i].events > max_ev) max_ev = cl[i].events;
        close(cl[i].fd);
    }
    printf("], \"rss_kb_start\": %ld, \"rss_kb_max\": %ld, \"posts\": %ld, \"post_errors\": %ld,"
           " \"articles_seen_on_stream\": %d, \"latency_ms_p50\": %.1f, \"latency_ms_p99\": %.1f,"
           " \"latency_ms_max\": %.1f, \"events_per_client_min\": %ld, \"events_per_client_max\": %ld}\n",
           rss0, rss_max, posts, post_errors, nl, pct(lat, nl, 0.5), pct(lat, nl, 0.99), pct(lat, nl, 1.0), min_ev,
           max_ev);
    return post_errors ? 1 : 0;
}

static int num(const char *v) {
    char *end;
    long x = strtol(v, &end, 10);
    if (*end || x < 0 || x > 100000000) {
        fprintf(stderr, "serve_load: '%s' is not a number\n", v);
        exit(2);
    }
    return (int)x;
}

int main(int argc, char **argv) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *k = argv[i], *v = argv[i + 1];
        if (!strcmp(k, "--port")) port = num(v);
        else if (!strcmp(k, "--clients")) clients = num(v);
        else if (!strcmp(k, "--rate")) rate = num(v);
        else if (!strcmp(k, "--seconds")) seconds = num(v);
        else if (!strcmp(k, "--token")) token = v;
        else if (!strcmp(k, "--pid")) pid = num(v);
        else if (!strcmp(k, "--api")) api_n = num(v);
        else {
            fprintf(stderr, "serve_load: unknown option %s\n", k);
            return 2;
        }
    }
    return api_n ? run_api() : run_load();
}
