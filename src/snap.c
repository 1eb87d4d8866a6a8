/* snap.c: the snapshot file shared by the dictionaries and the lemmas: its
** header, source list and checksum, the tables read into huge-page memory
** in pieces that are hashed as they arrive, and written through a temporary
** file (snap.h). */
#include "snap.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#define XXH_INLINE_ALL /* the vector code the compiler may use here (SSE2 on x86-64) */
#include <xxhash.h>

#define NE_SNAP_VERSION 8 /* 3: ne_hash is word-at-a-time (the hash tables' slots and word-set bits changed);
                             4: patterns.snap holds the patterns' required-word lists;
                             5: no trie edges from the root, and an edge filter after the edges;
                             6: no edge filter;
                             7: the checksum covers the table counts, and a verified one stands for the checks;
                             8: patterns.snap holds the anchor index */
#define SNAP_MAX_SRC ((uint64_t)1 << 20)

/* The tables' checksum (XXH3-64, through the AVX2 build when it can) over
** pieces: add [p, p+n) to state st (reset with hash_start;
** XXH3_64bits_digest gives the checksum of all the pieces). */
static void hash_piece(XXH3_state_t *st, const void *p, size_t n) {
#ifdef NE_SNAP_AVX2
    if (__builtin_cpu_supports("avx2")) {
        neSnap_hash_update_avx2(st, p, n);
        return;
    }
#endif
    XXH3_64bits_update(st, p, n);
}

/* State st reset and given header h's table counts, which the checksum
** covers with the tables: a verified checksum vouches for both, so that
** the readers need not check the tables again (snap.h, neSnap_read). */
static void hash_start(XXH3_state_t *st, const ne_snap_head *h) {
    XXH3_64bits_reset(st);
    hash_piece(st, h->n, sizeof h->n);
}

/* The checksum of header h's counts and the tables [p, p+n). */
static uint64_t body_hash(const ne_snap_head *h, const void *p, size_t n) {
    XXH3_state_t st;
    hash_start(&st, h);
    hash_piece(&st, p, n);
    return XXH3_64bits_digest(&st);
}

void neSnap_head_init(ne_snap_head *h, const char *magic, const uint32_t *layout) {
    memset(h, 0, sizeof *h);
    memcpy(h->magic, magic, 8);
    h->version = NE_SNAP_VERSION;
    memcpy(h->layout, layout, sizeof h->layout);
    snprintf(h->code_id, sizeof h->code_id, "%s", neSnap_code_id);
    snprintf(h->utf8proc, sizeof h->utf8proc, "%s", utf8proc_version());
}

int neSnap_source(ne_buf *list, const char *path, const char *name) {
    struct stat st;
    if (stat(path, &st) != 0) neB_addf(list, "%s\t-\n", name);
    else neB_addf(list, "%s\t%lld\t%lld\n", name, (long long)st.st_size, (long long)st.st_mtime);
    return list->err ? NE_NOMEM : NE_OK;
}

static int read_all(int fd, void *p, size_t n) {
    for (size_t got = 0; got < n;) {
        ssize_t k = read(fd, (char *)p + got, n - got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        got += (size_t)k;
    }
    return 0;
}

#define READ_PIECE ((size_t)256 << 10) /* bytes read and hashed at a time: they stay in the L2 cache */

/* Read n bytes from fd into p and their body_hash (with h's counts) into
** *hash, each piece hashed just after it is read, while it is still in the cache: hashing the
** whole after reading it (45 MB of snapshots at every open) read it all from
** memory a second time.  0, or -1 when the file ends early or fails. */
static int read_hashed(int fd, const ne_snap_head *h, void *p, size_t n, uint64_t *hash) {
    XXH3_state_t st;
    hash_start(&st, h);
    for (size_t got = 0; got < n;) {
        size_t k = n - got < READ_PIECE ? n - got : READ_PIECE;
        if (read_all(fd, (char *)p + got, k)) return -1;
        hash_piece(&st, (char *)p + got, k);
        got += k;
    }
    *hash = XXH3_64bits_digest(&st);
    return 0;
}

void neSnap_free(void *body, uint64_t bytes) { neM_free_big(body, bytes ? bytes : 1, 1); }

/* Is h's header this build's for want (up to the counts), with sane sizes? */
static int head_ok(const ne_snap_head *h, const ne_snap_head *want) {
    return !memcmp(h, want, offsetof(ne_snap_head, n)) && h->src_bytes <= SNAP_MAX_SRC &&
           h->body_bytes <= NE_SNAP_MAX_BODY;
}

int neSnap_read(const char *path, const ne_snap_head *want, const ne_buf *sources, ne_snap_head *h, void **body) {
    *body = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NE_NOTFOUND;
    struct stat st;
    ne_buf have;
    neB_init(&have, SNAP_MAX_SRC);
    int rc = read_all(fd, h, sizeof *h) || !head_ok(h, want) || h->src_bytes != sources->len ? NE_NOTFOUND : NE_OK;
    char *p = rc == NE_OK ? neB_grow(&have, h->src_bytes) : NULL;
    if (rc == NE_OK && !p) rc = NE_NOMEM;
    if (rc == NE_OK && (read_all(fd, p, h->src_bytes) || memcmp(p, sources->p, sources->len) || fstat(fd, &st) ||
                        (uint64_t)st.st_size != sizeof *h + h->src_bytes + h->body_bytes))
        rc = NE_NOTFOUND; /* stale, or truncated */
    neB_free(&have);
    if (rc == NE_OK && !(*body = neM_calloc_big(h->body_bytes ? h->body_bytes : 1, 1))) rc = NE_NOMEM;
    uint64_t hash;
    if (rc == NE_OK && (read_hashed(fd, h, *body, h->body_bytes, &hash) || hash != h->body_hash)) rc = NE_NOTFOUND;
    close(fd);
    if (rc != NE_OK && *body) {
        neSnap_free(*body, h->body_bytes);
        *body = NULL;
    }
    return rc;
}

int neSnap_sources(struct ne_engine *e, int (*sources)(const struct ne_engine *, ne_buf *), ne_buf *src,
                   const char *dir, const char *what) {
    neB_init(src, (size_t)1 << 20);
    int rc = sources(e, src);
    if (rc == NE_OK) return NE_OK;
    return ne_engine_fail(e, rc == NE_NOMEM ? NE_NOMEM : NE_IO, "%s: cannot list the %s", dir, what);
}

int neSnap_load(const struct ne_engine *e, const char *file, const ne_snap_head *want,
                int (*sources)(const struct ne_engine *, ne_buf *), ne_snap_head *h, void **body) {
    char path[1024];
    ne_buf src;
    *body = NULL;
    if (neU_path(path, sizeof path, e->data_dir, file)) return NE_NOTFOUND;
    neB_init(&src, (size_t)1 << 20);
    int rc = sources(e, &src);
    if (rc == NE_OK) rc = neSnap_read(path, want, &src, h, body);
    neB_free(&src);
    return rc == NE_NOMEM ? NE_NOMEM : rc == NE_OK ? NE_OK : NE_NOTFOUND;
}

int neSnap_parse(const void *data, size_t len, const ne_snap_head *want, int verify_hash, ne_snap_head *h,
                 void **body) {
    *body = NULL;
    if (len < sizeof *h) return NE_DATA;
    memcpy(h, data, sizeof *h);
    if (memcmp(h->magic, want->magic, 8) || h->version != want->version ||
        memcmp(h->layout, want->layout, sizeof h->layout) || h->src_bytes > SNAP_MAX_SRC ||
        h->body_bytes > NE_SNAP_MAX_BODY || len - sizeof *h < h->src_bytes ||
        len - sizeof *h - h->src_bytes != h->body_bytes)
        return NE_DATA;
    const char *bytes = (const char *)data + sizeof *h + h->src_bytes;
    if (verify_hash && body_hash(h, bytes, h->body_bytes) != h->body_hash) return NE_DATA;
    if (!(*body = neM_calloc_big(h->body_bytes ? h->body_bytes : 1, 1))) return NE_NOMEM;
    memcpy(*body, bytes, h->body_bytes);
    return NE_OK;
}

static int write_all(FILE *f, const void *p, size_t n) { return n && fwrite(p, 1, n, f) != n ? -1 : 0; }

int neSnap_write(struct ne_engine *e, const char *path, ne_snap_head *h, const ne_buf *sources, const void *body,
                 size_t bytes) {
    h->src_bytes = sources->len;
    h->body_bytes = bytes;
    h->body_hash = body_hash(h, body, bytes);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) return ne_engine_fail(e, NE_IO, "%s: cannot write: %s", tmp, strerror(errno));
    int rc = NE_OK;
    if (write_all(f, h, sizeof *h) || write_all(f, sources->p, sources->len) || write_all(f, body, bytes))
        rc = ne_engine_fail(e, NE_IO, "%s: cannot write: %s", tmp, strerror(errno));
    if (fclose(f) && rc == NE_OK) rc = ne_engine_fail(e, NE_IO, "%s: cannot write: %s", tmp, strerror(errno));
    if (rc == NE_OK && rename(tmp, path)) rc = ne_engine_fail(e, NE_IO, "%s: cannot rename: %s", path, strerror(errno));
    if (rc != NE_OK) remove(tmp);
    return rc;
}
