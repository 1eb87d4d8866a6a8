/*
** neInt.h: internals shared by the library's stages.  Not installed.
** The pipeline is one-way (docs/ARCHITECTURE.md): each stage reads the arrays
** filled by earlier stages in ne_doc and appends to its own.
*/
#ifndef NE_INT_H
#define NE_INT_H

#include "newsevents.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- allocation (alloc.c): every malloc in the library goes through here so
** that tests can inject failures (neM_fail_after). ---- */
void *neM_malloc(size_t n);
void *neM_calloc(size_t n, size_t size);
void *neM_realloc(void *p, size_t n);
void neM_free(void *p);
/* Zeroed room for n items of size bytes of a large table that is probed at
** random (dictionary trie, lexicon, a document's lemma cache): from 2 MB on
** it is mapped on 2 MB boundaries and marked for transparent huge pages, so
** that its probes do not miss the TLB.  NULL on overflow or NOMEM.  Free
** with neM_free_big and the same n and size. */
void *neM_calloc_big(size_t n, size_t size);
void neM_free_big(void *p, size_t n, size_t size);
/* Test hooks (not thread-safe): make the Nth allocation from now fail (0
** disables); how many failures were injected since. */
void neM_fail_after(long n);
long neM_injected(void);

/* ---- arena (arena.c): per-document bump allocator, reset between articles ---- */
/* In AddressSanitizer builds the arena poisons the bytes it has not handed
** out (a block's free tail, the padding after each allocation, everything
** after reset), so that reads past an allocation are reported although they
** stay inside memory the arena got from malloc.  Nothing in other builds. */
#if defined(__SANITIZE_ADDRESS__)
#define NE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NE_ASAN 1
#endif
#endif
/* NE_ARENA_RZ: poisoned bytes before each allocation under ASan (a multiple
** of 16), so that a read a little before an item (items[-1] to items[-4] of a
** vector of 64-byte structs) is reported too; 0 elsewhere. */
#ifdef NE_ASAN
#include <sanitizer/asan_interface.h>
#define NE_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define NE_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define NE_ARENA_RZ 256
#else
#define NE_POISON(p, n) ((void)0)
#define NE_UNPOISON(p, n) ((void)0)
#define NE_ARENA_RZ 0
#endif
typedef struct ne_arena_block ne_arena_block;
typedef struct ne_arena {
    ne_arena_block *head;   /* current block */
    ne_arena_block *spare;  /* blocks kept for reuse after reset */
    size_t total;           /* bytes held */
    char *cur, *end;        /* the current block's free bytes (NULL: none) */
} ne_arena;
void neA_init(ne_arena *a);
/* neA_alloc from a new block (a spare one when it fits): when the current
** block has no room for n (rounded) bytes. */
void *neA_alloc_block(ne_arena *a, size_t n);
/* n bytes, 16-aligned (n 0: 16 bytes, none of them addressable under ASan); NULL on NOMEM.  Inline: the stages
** allocate ~60 times per article, nearly always from the current block. */
static inline void *neA_alloc(ne_arena *a, size_t n) {
    if (NE_ARENA_RZ && n > SIZE_MAX - 15 - NE_ARENA_RZ) return neA_alloc_block(a, n); /* r would wrap */
    size_t r = (n + 15 + NE_ARENA_RZ) & ~(size_t)15; /* 0 for n 0 and past SIZE_MAX - 15: neA_alloc_block's */
    if (__builtin_expect(r - 1 < (uintptr_t)a->end - (uintptr_t)a->cur, 1)) { /* no arithmetic on NULL */
        void *p = a->cur + NE_ARENA_RZ;
        a->cur += r;
        NE_UNPOISON(p, n); /* the padding up to r stays poisoned */
        return p;
    }
    return neA_alloc_block(a, n);
}
char *neA_strndup(ne_arena *a, const char *s, size_t n); /* NUL-terminated copy */
/* The actor code COUNTRY+ROLE ("IND", "CVL": "INDCVL"): up to three bytes of
** each, either may be NULL (no bytes); NULL on NOMEM. */
char *neA_code(ne_arena *a, const char *country, const char *role);
char *neA_printf(ne_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void neA_reset(ne_arena *a);                      /* keep memory for reuse */
void neA_free(ne_arena *a);

/* ---- growable byte buffer with a hard cap (buf.c), like curl's dynbuf ---- */
typedef struct ne_buf {
    char *p;
    size_t len, cap, max; /* max: hard limit; appends past it fail with NE_TOOBIG */
    int err;              /* sticky: first failure code; appends after it are no-ops */
} ne_buf;
void neB_init(ne_buf *b, size_t max);
int neB_add_slow(ne_buf *b, const void *s, size_t n); /* neB_add when it must grow or fail */
/* Do n more bytes and a NUL fit in b as it is (and within its max)? */
static inline int neB_fits(const ne_buf *b, size_t n) {
    return !b->err && n < b->cap - b->len && n <= b->max - b->len;
}
/* The end of b when n more bytes fit (neB_fits), else NULL: a writer puts at
** most n bytes there, then neB_end. */
static inline char *neB_room(ne_buf *b, size_t n) { return neB_fits(b, n) ? b->p + b->len : NULL; }
char *neB_grow(ne_buf *b, size_t n); /* neB_reserve when b must grow or fails */
/* neB_room, growing b when it must: NULL only when b failed (b->err). */
static inline char *neB_reserve(ne_buf *b, size_t n) {
    char *w = neB_room(b, n);
    return w ? w : neB_grow(b, n);
}
/* b now ends at w, written from neB_room's (or neB_reserve's) end. */
static inline void neB_end(ne_buf *b, char *w) {
    b->len = (size_t)(w - b->p);
    b->p[b->len] = 0;
}
/* Append n bytes (the buffer stays NUL-terminated).  Inline: the output
** writer appends many short pieces, most of which fit. */
static inline int neB_add(ne_buf *b, const void *s, size_t n) {
    if (!neB_fits(b, n)) return neB_add_slow(b, s, n);
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return NE_OK;
}
static inline int neB_addc(ne_buf *b, char c) { return neB_add(b, &c, 1); }
static inline int neB_adds(ne_buf *b, const char *s) { return neB_add(b, s, strlen(s)); } /* NUL-terminated */
int neB_addf(ne_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void neB_reset(ne_buf *b);
void neB_free(ne_buf *b);

/* ---- growable array of fixed-size items inside the arena (vec.c) ---- */
typedef struct ne_vec {
    void *items;
    size_t n, cap, size;
} ne_vec;
void neV_init(ne_vec *v, size_t item_size);
void *neV_push_grow(ne_arena *a, ne_vec *v); /* neV_push when v is full */
/* A zeroed new item, or NULL on NOMEM.  Inline: the stages push many items,
** most into room the vector has. */
static inline void *neV_push(ne_arena *a, ne_vec *v) {
    if (v->n == v->cap) return neV_push_grow(a, v);
    void *item = (char *)v->items + v->n * v->size;
    memset(item, 0, v->size);
    v->n++;
    return item;
}
int neV_reserve(ne_arena *a, ne_vec *v, size_t cap); /* room for cap items; NE_OK or NE_NOMEM */
#define NE_VEC_AT(v, T, i) (&((T *)(v).items)[(i)])

/* ---- JSON writer (json_write.c): hand-written, escapes per RFC 8259 ---- */
void neJ_str(ne_buf *b, const char *s, size_t n); /* writes "..." escaped */
void neJ_cstr(ne_buf *b, const char *s);          /* NULL -> null */
void neJ_key(ne_buf *b, const char *k);           /* "k": (k needs no escaping) */
void neJ_num(ne_buf *b, double v);                /* shortest round-trip-ish form */
void neJ_int(ne_buf *b, long long v);
/* neJ_put_str and neJ_put_int (writing straight into a buffer): json_put.h. */
/* 0x80 in each of the eight bytes of x (lane 0 the first byte: little-endian
** machines) that must be escaped in a JSON string: a control byte, a quote
** or a backslash.  "Has zero byte" tests: a borrow marks only lanes above a
** marked one, so the lowest marked lane is right; bytes from 0x80 are not
** marked.  The writer's and the reader's (json_read.c) scans use it. */
static inline uint64_t ne_json_escape_lanes(uint64_t x) {
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t q = x ^ (ones * '"'), k = x ^ (ones * '\\');
    return (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((k - ones) & ~k)) & high;
}

/* ---- tokens and sentences (token.c, sentence.c) ---- */
enum ne_shape {
    NE_SH_LOWER = 0, /* "attack" */
    NE_SH_CAP,       /* "Iran" */
    NE_SH_UPPER,     /* "NATO", "U.S." */
    NE_SH_MIXED,     /* "iPhone", "al-Adl" */
    NE_SH_NUM,       /* "2024", "11", "1.5" */
    NE_SH_PUNCT,     /* ",", ".", "(" */
    NE_SH_QUOTE,     /* any straight or curly quote */
    NE_SH_DASH,      /* -, en dash, em dash */
    NE_SH_OTHER
};

/* token flags */
#define NE_TF_SPACE_BEFORE 0x01 /* whitespace precedes the token */
#define NE_TF_SENT_START 0x02   /* first token of its sentence */
#define NE_TF_QUOTE_OPEN 0x04   /* quote mark judged to open a quotation */
#define NE_TF_QUOTE_CLOSE 0x08  /* quote mark judged to close a quotation */
#define NE_TF_ABBREV 0x10       /* token ends with a period belonging to it (U.S., Feb.) */
#define NE_TF_PARA_START 0x20   /* first token after a blank line */
#define NE_TF_NEWLINE 0x40      /* a line break precedes the token */
#define NE_TF_MAY_END 0x80      /* a sentence may end after the token (ne_may_end; the tokenizer sets it) */

typedef struct ne_token {
    uint32_t start, end;  /* bytes in the segment text (body or title) */
    const char *norm;     /* NFC, lowercased, quotes/dashes folded to ASCII; NUL-padded: the bytes from
                             norm_len to the next multiple of 8 are NULs (at least one), so it may be read
                             eight bytes at a time (lemma.c); in arena or static */
    const char *lemma;    /* set by lemma.c; equals norm when unknown */
    uint16_t norm_len;
    uint8_t shape;        /* enum ne_shape */
    uint8_t flags;        /* NE_TF_* */
    uint32_t sent;        /* sentence index */
    int32_t actor;        /* index into d->actors (mention covering this token) or -1 */
    int32_t place;        /* index into d->places or -1 */
    int32_t timex;        /* index into d->timexes or -1 */
    uint32_t tags;        /* NE_TAG_* bits set by later stages */
} ne_token;

/* Can a sentence end after a token of shape shape, flags flags and
** normalized form starting with c when the next token is on the same line?
** Not after a word or number unless an abbreviation (its own period), nor a
** dash, nor a punctuation mark other than a terminator (".", "!", "?",
** "...") or a closing bracket: "," ";" ":" "(" end none.  Quotes may (a
** closing one after a stop ends: '."').  NE_TF_MAY_END marks the tokens
** where it is 1, for sentence.c's scan for candidates. */
#define NE_END_MARK(c) ((c) == '.' || (c) == '!' || (c) == '?' || (c) == ')' || (c) == ']')
static inline int ne_may_end(unsigned shape, unsigned flags, char c) {
    const unsigned words = 1u << NE_SH_LOWER | 1u << NE_SH_CAP | 1u << NE_SH_UPPER | 1u << NE_SH_MIXED |
                           1u << NE_SH_NUM | 1u << NE_SH_DASH;
    if (words >> shape & 1) return (flags & NE_TF_ABBREV) != 0;
    if (shape != NE_SH_PUNCT) return 1;
    return NE_END_MARK(c);
}

/* Is token t's lemma another word than its text ("attacked": attack, "says":
** say)?  A word that is its own lemma mostly keeps its norm as its lemma
** (token.c, lemma.c), so equal pointers answer without strcmp; a NULL lemma
** (not tagged) is none. */
static inline int ne_inflected(const ne_token *t) {
    return t->lemma && t->lemma != t->norm && strcmp(t->lemma, t->norm) != 0;
}

/* Is token t a word of five letters or more ending in "ing" ("meeting",
** "fighting", "cancelling"; not "sing")? */
static inline int ne_ing_form(const ne_token *t) {
    return t->norm_len > 4 && !memcmp(t->norm + t->norm_len - 3, "ing", 3);
}

/* token tags set by later stages */
#define NE_TAG_VERB 0x01      /* possible verb (pattern anchor or lexicon) */
#define NE_TAG_AUX 0x02       /* auxiliary or modal */
#define NE_TAG_NEG 0x04       /* not, never, n't */
#define NE_TAG_PRON 0x08      /* pronoun */
#define NE_TAG_CUE 0x10       /* speech cue verb (said, told) */
#define NE_TAG_SUBORD 0x20    /* if, unless, whether, although ... */
#define NE_TAG_IN_QUOTE 0x40  /* inside a direct quotation */
/* Bits 8-15 of tags: the word class lemma.c gives function words and
** reporting verbs (enum ne_wclass); 0 for open-class words. */
#define NE_TAG_WCLASS_SHIFT 8
#define NE_WCLASS(t) ((int)(((t)->tags >> NE_TAG_WCLASS_SHIFT) & 0xffu))
enum ne_wclass {
    NE_WC_OPEN = 0, NE_WC_DET, NE_WC_PREP, NE_WC_CONJ, NE_WC_SUB, NE_WC_REL, NE_WC_THAT,
    NE_WC_PRON, NE_WC_POSS, NE_WC_BE, NE_WC_HAVE, NE_WC_DO, NE_WC_MODAL, NE_WC_NEG,
    NE_WC_NODET, NE_WC_TO, NE_WC_WH, NE_WC_ADV, NE_WC_REPORT, NE_WC_RECIP, NE_WC_SPEC,
    NE_WC_IMPLIC, NE_WC_COUNT
};

typedef struct ne_sentence {
    uint32_t start, end;     /* bytes in the segment text, trimmed */
    uint32_t tok_first, tok_count;
    uint8_t in_title;
    uint8_t para_start;      /* first sentence of a paragraph */
    uint8_t caseless;        /* NE_CASELESS_*: case says nothing about names here (sentence.c) */
    uint8_t titlecase;       /* written as a headline, every content word capitalized ("Iran Strikes
                                Militant Bases in Pakistan", sentence.c title_case): no unknown names
                                (actor.c), and a capitalized word may be a verb, as in a title */
} ne_sentence;
#define NE_CASELESS_LOWER 1 /* written all in lower case (some news archives) */
#define NE_CASELESS_UPPER 2 /* written all in capitals */

/* ---- the document: everything one article produces, all in its arena ---- */
#define NE_SEG_PAD 16 /* NULs after a prepared segment (struct ne_doc seg_padded) */
struct ne_doc {
    ne_arena arena;
    char errmsg[256];
    /* input, after UTF-8 repair; segment 0 = text, 1 = title */
    const char *seg[2];
    size_t seg_len[2];
    int seg_padded;               /* NE_SEG_PAD NULs follow each segment's text (text.c): the tokenizer reads them */
    const char *id, *date, *url, *source;
    int has_title;                /* the article had a title field */
    int year, month, day;         /* parsed document date, 0 when absent */
    ne_vec warnings;              /* const char *; at most NE_MAX_WARNINGS + 1 */
    size_t warnings_dropped;      /* warnings past the limit */
    ne_vec sentences;             /* ne_sentence; title sentences first, in_title=1 */
    uint32_t title_sents;         /* how many of them are title sentences */
    ne_vec tokens;                /* ne_token, in sentence order */
    struct ne_dmemo *dmemo;       /* dictionary names at each token (dict.c), or NULL */
    uint32_t *nhash, *lhash;      /* ne_hash of each token's norm (token.c, beside each token) and lemma (lemma.c) */
    struct ne_lcache *lcache;     /* lemmas of the words tagged so far, kept across articles (lemma.c), or NULL */
    struct ne_wmemo **wmemo;      /* each token's word memo (lemma.c, ne_wmemo), or NULL */
    ne_vec actors;                /* ne_actor (public struct) */
    ne_vec actor_info;            /* ne_actor_info (dict.h), parallel to actors */
    ne_vec places;                /* ne_place */
    const char *main_cc;          /* the document's main country (coref.c main_country), or NULL */
    size_t dual_nps;              /* dual noun phrases among the actor mentions (actor.c dual_mention) */
    uint32_t (*dual_pairs)[2];    /* per actor mention: the two actors a dual noun phrase ("the two
                                  ** leaders") stands for, each index + 1, 0 none (coref.c dual_pairs);
                                  ** NULL when no such phrase of the document stands for a pair */
    ne_vec timexes;               /* ne_timex */
    ne_vec quotes;                /* ne_quote */
    ne_vec events;                /* ne_event */
    ne_vec body_sents;            /* ne_span: public view of body sentences */
    ne_headline headline;
    ne_buf out;                   /* serialized output */
    int explain;
};

/* Text of a sentence or token, and its segment. */
static inline const char *ne_seg_text(const struct ne_doc *d, int in_title) {
    return d->seg[in_title ? 1 : 0];
}

/* Public sentence number of internal sentence i: body sentences count from 0
** after the title's; title sentences count from 0 on their own. */
static inline int ne_pub_sent(const struct ne_doc *d, uint32_t i) {
    return (int)(i >= d->title_sents ? i - d->title_sents : i);
}

#define NE_MAX_WARNINGS 20     /* per document (docs/ROBUSTNESS.md) */
#define NE_MAX_SENT_TOKENS 400 /* longer runs without a sentence end are cut (docs/ROBUSTNESS.md) */

/* Set the document error message (printf-style); returns rc. */
int ne_doc_fail(struct ne_doc *d, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Add a warning to the document; returns NE_OK or NE_NOMEM. */
int ne_doc_warn(struct ne_doc *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- the engine: loaded knowledge, read-only after open ---- */
typedef struct ne_abbrevs ne_abbrevs;   /* sentence.c */
typedef struct ne_lexicon ne_lexicon;   /* lemma.c */
typedef struct ne_dict ne_dict;         /* dict.c: actors, roles, places */
typedef struct ne_patterns ne_patterns; /* pattern.c */
typedef struct ne_cameo ne_cameo;       /* cameo.c: codes, Goldstein, quad, PLOVER */
typedef struct ne_wordtab ne_wordtab;   /* wordtab.c: phrase tables */

struct ne_engine {
    char errmsg[512];
    char *data_dir;
    char *wordnet_dir;
    int explain;
    ne_abbrevs *abbrevs;
    ne_lexicon *lexicon;
    ne_dict *dict;
    ne_patterns *patterns;
    ne_cameo *cameo;
    ne_wordtab *timewords; /* time.txt (timex.c) */
    ne_wordtab *cues;      /* cues.txt (quote.c) */
    ne_wordtab *stopwords; /* stopwords.txt (headline.c) */
    ne_wordtab *duals;     /* dual.txt (actor.c, coref.c: "the two leaders") */
    struct ne_wordset *dual_words; /* [0] first words of its det and pair phrases, [1] the words
                                    ** that may follow one (neCoref_load, neW_words_at) */
    /* ne_options.extra_dicts, valid during ne_engine_open only (dict.c loads them) */
    const char *const *extra_dicts;
    size_t n_extra_dicts;
};

/* Set the engine error message; returns rc. */
int ne_engine_fail(struct ne_engine *e, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- stages, in pipeline order (pipeline.c calls them) ----
** Each returns NE_OK or an error code (NE_NOMEM); each load function fills
** its part of the engine and reports data errors as "FILE:LINE: reason"
** through ne_engine_fail. Each free function accepts NULL. */
int neText_prepare(struct ne_doc *d, const ne_article *a);      /* text.c */
int neSent_load(struct ne_engine *e);                           /* sentence.c */
void neSent_free(ne_abbrevs *ab);
/* Tokenize segment seg (0 text, 1 title) and append to d->tokens (token.c). */
int neTok_segment(struct ne_doc *d, const struct ne_engine *e, int seg);
/* Is [w, w+n) (as written, without its final period: "Gen", "U.S", "ph.d") a
** known abbreviation (dictionaries/abbreviations.txt)?  0 no, 1 yes and it may
** end a sentence (Inc, Jan), 2 yes and it never ends one (titles: Mr, Gen; e.g),
** 3 only when a number follows (No 2).  Entries listed capitalized match only
** capitalized words. (sentence.c) */
int neSent_abbrev(const struct ne_engine *e, const char *w, size_t n);
/* Tokenize title then text and group tokens into sentences (sentence.c). */
int neSent_split(struct ne_doc *d, const struct ne_engine *e);
int neLemma_load(struct ne_engine *e);                          /* lemma.c */
/* Reports each bad line of DIR/lexicon.txt (docs/DICTIONARIES.md) as
** "lexicon.txt:LINE: reason", counting them in *nerr (a file that cannot be
** read is one problem; a missing one is fine).  Returns NE_OK. */
int neLemma_check_extra(const char *dir, void (*report)(void *ctx, const char *msg), void *ctx, size_t *nerr);
void neLemma_free(ne_lexicon *lx);
/* The lexicon of e's WordNet directory and data directory, parsed from the
** text, written to path as a snapshot (snap.h) that neLemma_load reads
** instead while its sources are unchanged.  Sets e->lexicon. */
int neLemma_compile(struct ne_engine *e, const char *path);
/* A lexicon snapshot in memory (the fuzz target; checksum checked only with
** verify_hash): NE_OK, NE_DATA when damaged, NE_NOMEM. */
int neLemma_snap_parse(const void *data, size_t len, int verify_hash, ne_lexicon **out);
int neLemma_tag(struct ne_doc *d, const struct ne_engine *e);
/* What the stages after lemma.c remember of a word (its norm) across the
** articles a document object codes, so that each looks a word up in its
** tables once rather than at every token: the lemma cache keeps one per
** distinct word, and neLemma_tag points d->wmemo[i] at token i's (NULL: a
** number, a long word, or the cache is full; d->wmemo is NULL without a
** lexicon).  A field is set when its NE_WM_* bit is in known; the cache
** starts again (known 0) for another lexicon.  What an engine's tables say
** of the word is kept with the identity of the tables (dict: their serial),
** as tables may change under the same lexicon (the stopwords are loaded
** with the lexicon and never change apart from it: a known bit; the cache
** starts again for other timewords or patterns, neW_serial and
** nePattern_serial: firsts and anchor are known bits). */
typedef struct ne_wmemo {
    uint32_t dict;               /* dict_id and dict_root are of the dictionaries of this
                                    serial (ne_dict.serial, neU_serial); 0: not set */
    uint32_t dict_id, dict_root; /* vocabulary id and root child */
    uint16_t lists;              /* NE_WM_LISTS: the listed-word bits (actor.c) */
    uint8_t known;
    uint8_t stop;                /* NE_WM_STOP: its stopwords.txt classes (headline.c) */
    uint32_t firsts;             /* NE_WM_FIRSTS: classes of the time.txt phrases it starts
                                    (neW_first_classes_all of e->timewords, timex.c) */
    uint16_t anchor[2];          /* NE_WM_ANCHOR << k: nePattern_anchor_slot of the word
                                    itself (k 0: a token whose lemma is its norm) or of its
                                    lemma (k 1) in e->patterns (event.c) */
} ne_wmemo;
#define NE_WM_LISTS 1
#define NE_WM_STOP 2
#define NE_WM_FIRSTS 4
#define NE_WM_ANCHOR 8 /* and 16 */
void neLemma_cache_free(struct ne_lcache *c); /* a document's lemma cache (ne_doc_free); NULL is fine */
/* lemma of a single lowercase word as a verb/noun (for pattern compilation) */
const char *neLemma_word(const ne_lexicon *lx, const char *w, size_t n, char *buf, size_t cap);
/* Is the lowercase word w a common English word (a function word, or a
** WordNet lemma or inflection that WordNet writes in lower case) rather than
** a name?  1 without WordNet (cannot tell). */
int neLemma_common(const ne_lexicon *lx, const char *w, size_t n);
/* Word class (enum ne_wclass) of the lowercase word w, 0 when open-class. */
int neLemma_class(const ne_lexicon *lx, const char *w, size_t n);
/* 1 when the WordNet files were found (else suffix rules stand in). */
int neLemma_have_wordnet(const ne_lexicon *lx);
/* Is lemma w one whose tokens may be tagged verbs (a WordNet verb lemma, or
** an auxiliary)?  "expel" 1, "airstrike" 0; 1 without WordNet (cannot tell). */
int neLemma_verb_lemma(const ne_lexicon *lx, const char *w, size_t n);
int neDict_load(struct ne_engine *e);                           /* dict.c */
void neDict_free(ne_dict *dc);
int neActor_find(struct ne_doc *d, const struct ne_engine *e);  /* actor.c */
/* May word w open a dual noun phrase of dual.txt (a determiner or "both"):
** actor.c looks for one only there. */
int neActor_dual_opener(const char *w);
/* Does the normalized word w name a government a party may lead
** ("government", "administration", "regime", "cabinet", "ministry",
** "minister" and their plurals)?  Read after a party's name (actor.c
** party_roles, coref.c local_role). */
int neActor_government_word(const char *w);
int nePlace_find(struct ne_doc *d, const struct ne_engine *e);  /* place.c */
int neTimex_load(struct ne_engine *e);                          /* timex.c */
int neTimex_find(struct ne_doc *d, const struct ne_engine *e);
int neQuote_load(struct ne_engine *e);                          /* quote.c */
int neQuote_find(struct ne_doc *d, const struct ne_engine *e);
/* After coreference: a speaker still a pronoun with no antecedent becomes
** speaker -1 and unresolved "he"; adds text-quality warnings. (quote.c) */
int neQuote_settle(struct ne_doc *d, const struct ne_engine *e);
/* Is token i of tk (hash: ne_hash of its norm) a speaker's head word of
** cues.txt's title class ("minister", "ministry", "statement")? */
int neQuote_title_at(const struct ne_engine *e, const ne_token *tk, size_t i, size_t end, uint32_t hash);
int neCoref_resolve(struct ne_doc *d, const struct ne_engine *e); /* coref.c */
int neCoref_load(struct ne_engine *e); /* coref.c: dual.txt, the dual noun phrases */
int neCameo_load(struct ne_engine *e);                          /* cameo.c */
void neCameo_free(ne_cameo *c);
typedef struct ne_cameo_code {
    char code[8], root[4];
    const char *name;
    double goldstein;
    int quad_class;
    const char *plover; /* NULL for codes PLOVER does not cover (01x) */
} ne_cameo_code;
/* The table row of code ("195"), or NULL. Owned by the engine. */
const ne_cameo_code *neCameo_get(const ne_cameo *c, const char *code);
size_t neCameo_count(const ne_cameo *c);
/* The 03x intent code of an announced act of code ("046" -> 036, from
** cameo/intent.tsv), or NULL when its kind has none. */
const ne_cameo_code *neCameo_intent(const ne_cameo *c, const char *code);
/* The 12x code of refusing an act of code ("will not lift the ban": 085 ->
** 1244, from cameo/refusal.tsv), or NULL when its kind has none. */
const ne_cameo_code *neCameo_refusal(const ne_cameo *c, const char *code);
/* The 13x code of threatening an act of code ("threatened to break
** relations": 161 -> 1313, from cameo/threat.tsv), or NULL. */
const ne_cameo_code *neCameo_threat(const ne_cameo *c, const char *code);
/* An event noun of cameo/event_nouns.tsv ("attack", "arrest", "decision"):
** the kinds of act it names. */
typedef struct ne_event_noun ne_event_noun;
/* The row of word (a lemma or a lower-case word: "attack", "talks"), or NULL
** when it is not listed. */
const ne_event_noun *neCameo_event_noun(const ne_cameo *c, const char *word);
/* Does an act of code ("195") fit noun n: is a listed prefix of n its prefix? */
int neCameo_noun_fits(const ne_event_noun *n, const char *code);
/* Quad class implied by a CAMEO root 1..20 (docs/CAMEO.md). */
int neCameo_quad_of_root(int root);

/* Where Debian's wordnet-base puts the WordNet database (ne_options.wordnet_dir default). */
#define NE_WORDNET_DIR "/usr/share/wordnet"
int nePattern_load(struct ne_engine *e);                        /* pattern.c */
/* nePattern_load's parse of the text files, without the index (nePattern_build). */
int nePattern_load_text(struct ne_engine *e);
/* Check mode of nePattern_load (ne_dict_check): parse every patterns/NN.txt file of
** e->data_dir (needs e->cameo and e->lexicon), pass each bad line to report as
** "patterns/FILE:LINE: reason" and count it in *nerr; the index is not built.
** Returns NE_OK unless a file cannot be read or memory runs out. */
int nePattern_check(struct ne_engine *e, void (*report)(void *, const char *), void *ctx, size_t *nerr);
void nePattern_free(ne_patterns *p);
/* Pattern elements (docs/PATTERNS.md). */
enum ne_pelem_kind { NE_PE_WORD, NE_PE_OPT, NE_PE_GAP, NE_PE_TARGET, NE_PE_SOURCE };
typedef struct ne_pword {
    const char *surface, *lemma;
    uint32_t sh, lh; /* ne_hash of surface and lemma */
} ne_pword;
typedef struct ne_pelem {
    uint8_t kind;  /* enum ne_pelem_kind */
    uint8_t nalt;  /* words for WORD/OPT: one of them must (may) match */
    uint8_t func;  /* a function word (preposition, "to", "that"...): skips adverbs only */
    uint8_t need_actor; /* TARGET written "+!": matches only a group that names an actor */
    const ne_pword *alt;
    /* NE_PE_ALTSET bits, or NULL (fewer than NE_PE_ALTSET_MIN words): bit
    ** ne_pe_altbit(h) set for h each word's lh and sh.  A token whose
    ** lemma and norm hashes both miss it is none of the words. */
    const uint64_t *altset;
} ne_pelem;
#define NE_PE_ALTSET 256
#define NE_PE_ALTSET_MIN 3
static inline unsigned ne_pe_altbit(uint32_t h) { return (h >> 12) & (NE_PE_ALTSET - 1); }
static inline int ne_pe_althas(const uint64_t *set, uint32_t h) {
    unsigned b = ne_pe_altbit(h);
    return (int)(set[b >> 6] >> (b & 63)) & 1;
}
/* The words of a sentence as a 4096-bit set of word hashes (bit h & 4095),
** plus bit NE_WS_NONE, always set, and NE_WS_NEVER, never set (padding for
** the two lists of a pattern's filter, ne_pfilter). */
#define NE_WS_BITS 4096
#define NE_WS_NONE NE_WS_BITS
#define NE_WS_NEVER (NE_WS_BITS + 1)
typedef struct ne_wordset { uint64_t w[NE_WS_BITS / 64 + 1]; } ne_wordset;
static inline unsigned ne_ws_bit(uint32_t h) { return h & (NE_WS_BITS - 1); }
/* Adds h to s; returns the word of s.w it set (neClause_open notes them). */
static inline unsigned ne_ws_add(ne_wordset *s, uint32_t h) {
    unsigned w = ne_ws_bit(h) >> 6;
    s->w[w] |= (uint64_t)1 << (h & 63);
    return w;
}
static inline int ne_ws_has(const ne_wordset *s, unsigned bit) { return (int)(s->w[bit >> 6] >> (bit & 63)) & 1; }
/* Is the token text t the word w?  The first two bytes are compared inline
** (the second only when the first agree and are not NUL): most tokens differ
** there, so the per-token word tests of the stages rarely call strcmp. */
static inline int ne_word_is(const char *t, const char *w) {
    return t[0] == w[0] && (!w[0] || t[1] == w[1]) && !strcmp(t, w);
}
/* Is the token text t one of the NULL-terminated words? */
static inline int ne_word_in(const char *t, const char *const *words) {
    for (; *words; words++)
        if (ne_word_is(t, *words)) return 1;
    return 0;
}
/* The hash of words across the stages (d->nhash, word tables and sets, the
** snapshots' tables): the word's bytes as little-endian 64-bit words, the
** last one zero-padded, each folded into a state that starts as
** NE_HASH_SEED ^ length by a 64x64->128-bit multiply whose halves are xored
** (ne_hash_fold: every bit of the result, the low ones that tables and word
** sets take too, depends on every bit of the word).  A word of up to eight
** bytes is one multiply; the tokenizer hashes its plain words from the
** lowercased words it holds (ne_hash_16) instead of reading them again. */
#define NE_HASH_SEED 0x243F6A8885A308D3ull
#define NE_HASH_K 0x9E3779B97F4A7C15ull
static inline uint64_t ne_hash_fold(uint64_t h, uint64_t w) {
    uint64_t x = h ^ w;
#ifdef __SIZEOF_INT128__ /* the low half by a 64-bit multiply: GCC spills a 128-bit product it splits */
    return x * NE_HASH_K ^ (uint64_t)((unsigned __int128)x * NE_HASH_K >> 64);
#else /* the same product from 32-bit halves */
    uint64_t xl = (uint32_t)x, xh = x >> 32, kl = (uint32_t)NE_HASH_K, kh = NE_HASH_K >> 32;
    uint64_t ll = xl * kl, lh = xl * kh, hl = xh * kl, hh = xh * kh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    return ((ll & 0xFFFFFFFFu) | mid << 32) ^ (hh + (lh >> 32) + (hl >> 32) + (mid >> 32));
#endif
}
static inline uint32_t ne_hash_done(uint64_t h) { return (uint32_t)(h ^ (h >> 32)); }
/* Little-endian loads of eight and four bytes. */
static inline uint64_t ne_load_le64(const char *s) {
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}
static inline uint32_t ne_load_le32(const char *s) {
    uint32_t w;
    memcpy(&w, s, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap32(w);
#endif
    return w;
}
/* The n bytes at s (1 to 8) as a little-endian word, zero-padded; reads
** only those bytes. */
static inline uint64_t ne_hash_load(const char *s, size_t n) {
    if (n == 8) return ne_load_le64(s);
    if (n >= 4) /* two overlapping reads: the bytes both have agree */
        return (uint64_t)ne_load_le32(s) | (uint64_t)ne_load_le32(s + n - 4) << (8 * (n - 4));
    const unsigned char *u = (const unsigned char *)s;
    return (uint64_t)u[0] | (uint64_t)u[n >> 1] << (8 * (n >> 1)) | (uint64_t)u[n - 1] << (8 * (n - 1));
}
static inline uint32_t ne_hash(const char *s, size_t n) {
    uint64_t h = NE_HASH_SEED ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) h = ne_hash_fold(h, ne_load_le64(s + i));
    if (i < n) h = ne_hash_fold(h, ne_hash_load(s + i, n - i));
    return ne_hash_done(h);
}
/* ne_hash of a word of n bytes (1 to 16) held as two little-endian words,
** zero-padded: w0 its first eight bytes, w1 the rest. */
static inline uint32_t ne_hash_16(uint64_t w0, uint64_t w1, size_t n) {
    uint64_t h = ne_hash_fold(NE_HASH_SEED ^ n, w0);
    return ne_hash_done(n > 8 ? ne_hash_fold(h, w1) : h);
}
typedef struct ne_pattern {
    const ne_cameo_code *cameo; /* NULL: a sense filter ("-" in the file), matched but no event */
    char kind;              /* 'v' verb anchor, 'n' event-noun anchor */
    uint8_t nelems, anchor; /* anchor: index of the anchor element */
    uint8_t has_target, has_source;
    uint8_t by_speaker;     /* "@": source = the speaker of the quotation holding the anchor, target = subject */
    uint16_t weight;        /* required elements, for longest-first order */
    const ne_pelem *elems;
    const char *text;       /* "FILE:LINE: CODE KIND PATTERN" for --explain */
} ne_pattern;
/* Patterns anchored on this lemma, longest first, or NULL (*count = 0).
** Owned by the engine. */
const ne_pattern *const *nePattern_lookup(const ne_patterns *p, const char *lemma, size_t n, size_t *count);
/* The same patterns split by kind (index 0 'v', 1 'n'), each list longest
** first, each pattern with its filter: a sentence the pattern can match has
** every bit of all[] set (required words; NE_WS_NONE pads) and at least one
** of any[] (the words of one required element with alternatives; NE_WS_NEVER
** pads, any[0] NE_WS_NONE when there is no such element).  The filter, the
** pattern pointer and its words sit side by side (one cache line when a
** filter passes);
** first[k] repeats list[0][k].f.all[0] and first[n[0] + k] list[1][k]'s,
** packed: most patterns fail on it, and an anchor's hundreds of patterns
** then cost a few cache lines;
** the anchor entry sits in the index bucket its lookup has just read.
** keys (NULL when no kind has one) indexes a long list by all[0], or, for a
** filter without one, by each word bit of a required group (pattern.c
** entry_keys): keys[kind] (at NULL: none) has bit b of map set when some
** filter is keyed by b, and the filters keyed by the g-th such b,
** g = rank[b / 64] + the map's bits below b in its word, are
** idx[at[g], at[g + 1]) (ascending); those with no key are
** idx[at[nkeys], at[nkeys + 1]).  A sentence then meets only
** the keys it holds (a word-wise AND of two sets), not every pattern. */
typedef struct ne_pfilter { uint16_t all[4], any[4]; } ne_pfilter;
/* words: the word-set bits of each required word of the pattern but its
** anchor (its WORD elements, those after the anchor first, each in order):
** a head n, NE_PW_BEFORE set for a word before the anchor, then the n
** (n = head & NE_PW_COUNT) distinct bits of its words' lemma and surface
** hashes; a head 0 ends; NULL when there is none.  What event.c's
** words_placed reads, packed (pattern.c word_bits); unlike the filter it
** holds every required word, however many alternatives it has. */
#define NE_PW_BEFORE 0x8000
#define NE_PW_COUNT 0x7fff
typedef struct ne_pentry {
    ne_pfilter f;
    const ne_pattern *pt;
    const uint16_t *words;
} ne_pentry;
typedef struct ne_pkeys {
    uint64_t map[NE_WS_BITS / 64];
    uint64_t used; /* bit w set when map[w] is not 0: the map's words a sentence's set is met on */
    uint16_t rank[NE_WS_BITS / 64];
    uint32_t nkeys;
    const uint32_t *at;
    const uint16_t *idx;
} ne_pkeys;
typedef struct ne_anchor {
    const ne_pentry *list[2];
    const uint16_t *first;
    const ne_pkeys *keys; /* [2], or NULL */
    uint32_t n[2];
} ne_anchor;
/* Anchor entry of the NUL-terminated lemma whose ne_hash is hash, or NULL.
** Owned by the engine. */
const ne_anchor *nePattern_anchor(const ne_patterns *p, const char *lemma, uint32_t hash);
/* The map nePattern_anchor tests first, for callers that look up every
** token: ne_amap_has(map, hash) 0 means no anchor has that lemma hash.
** Owned by the engine; NULL when p is. */
#define NE_AMAP_BITS 65536
const uint64_t *nePattern_amap(const ne_patterns *p);
/* The identity of patterns p: unique per object, never 0 (0 for NULL). */
uint32_t nePattern_serial(const ne_patterns *p);
/* nePattern_anchor without the map test, also giving the anchor's slot
** (*slot: 0 for none), which nePattern_anchor_in turns back into the entry
** while p lives: what a word memo keeps (ne_wmemo anchor). */
const ne_anchor *nePattern_anchor_slot(const ne_patterns *p, const char *lemma, uint32_t hash, uint32_t *slot);
const ne_anchor *nePattern_anchor_in(const ne_patterns *p, uint32_t slot);
static inline int ne_amap_has(const uint64_t *map, uint32_t hash) {
    uint32_t b = hash & (NE_AMAP_BITS - 1);
    return (int)(map[b >> 6] >> (b & 63)) & 1;
}
size_t nePattern_count(const ne_patterns *p);
/* For tests and the validator: a new empty set, parse one file's text into
** it (errors "FILE:LINE: reason" on e), then build its anchor index. */
ne_patterns *nePattern_new(void);
/* The arena everything of p lives in, and p's patterns in file order (ne_pattern). */
ne_arena *nePattern_arena(ne_patterns *p);
ne_vec *nePattern_list(const ne_patterns *p);
int nePattern_parse(struct ne_engine *e, ne_patterns *p, const char *file, const char *text, size_t len);
int nePattern_build(struct ne_engine *e, ne_patterns *p);
/* The ne_pentry.words lists of p's patterns in file order, each ended by a
** 0 head (a lone 0: none), made unless there (*len uint16s; NULL on NOMEM),
** and p given them (patterns.snap, pattern_snap.c; copied) so that
** nePattern_build need not make them: NE_OK, NE_NOMEM, NE_DATA (not one
** list per pattern, or a head of no bits, a bit outside the word set). */
const uint16_t *nePattern_lists(ne_patterns *p, size_t *len);
int nePattern_set_lists(ne_patterns *p, const uint16_t *lists, size_t len);
int neEvent_find(struct ne_doc *d, const struct ne_engine *e);  /* event.c (uses clause.c) */
int neHeadline_load(struct ne_engine *e);                       /* headline.c */
/* Scores d->headline; runs after neLemma_tag (each token's lemma; a NULL
** lemma reads as the norm), neActor_find and nePlace_find (t->actor, t->place). */
int neHeadline_score(struct ne_doc *d, const struct ne_engine *e); /* headline.c */

/* ---- clause.c: chunks, clauses, subjects and modality for event.c ---- */
typedef struct ne_sview {
    struct ne_doc *d;
    uint32_t sent;       /* internal sentence index */
    ne_token *t;         /* the sentence's first token */
    int n;               /* its token count */
    const char *text;    /* its segment text */
    int in_title, question;
    int headline;        /* in_title, or a headline-style body sentence (ne_sentence.titlecase) */
    uint8_t *wc;         /* word class per token (enum ne_wclass; -ly adverbs added) */
    uint8_t *isverb;     /* 1: an open-class word judged a verb here */
    uint8_t *used;       /* 1: consumed by a matched pattern */
    const uint32_t *lh, *nh; /* ne_hash of each token's lemma and norm (d->lhash, d->nhash) */
    const ne_wordset *words; /* of lh and nh, and NE_WS_NONE (neClause_open's words) */
    uint64_t filled;         /* bit w set when words->w[w] (w < 64) is not 0 */
} ne_sview;
/* Modality flags (neClause_modality). */
#define NE_MOD_NEG 0x01        /* did not, never, no attack */
#define NE_MOD_MODAL 0x02      /* will, would, could, may ... */
#define NE_MOD_COND 0x04       /* if, unless, whether */
#define NE_MOD_QUESTION 0x08   /* the sentence is a question */
#define NE_MOD_SPEC 0x10       /* possibly, likely ... in the verb group */
#define NE_MOD_INFINITIVE 0x20 /* "to attack": an event only under an implicative verb */
#define NE_MOD_GERUND 0x40     /* "of harboring": content of another event */
#define NE_MOD_FUTURE 0x80     /* will, shall, would: an announced act (with NE_MOD_MODAL) */
/* Open the view of sentence si: its tokens, text and word hashes, and their
** set into words (which must outlive the view), without the judgements
** neClause_view adds; enough for the pattern filters. */
void neClause_open(struct ne_doc *d, uint32_t si, ne_wordset *words, ne_sview *sv);
/* Fill the view neClause_open began: word classes and verb judgements
** (wc, isverb, used, question); NE_NOMEM. */
int neClause_view(ne_sview *sv);
int neClause_is_noun(const ne_sview *sv, int i);
/* May token t be judged a verb in some view: a verb form (NE_TAG_VERB) of an
** open, reporting or implicative class?  A view's isverb is 1 only for such
** tokens (the classes it changes become adverbs). */
int neClause_may_verb(const ne_token *t);
/* Actor mention (index in d->actors) on token i, or -1. */
int neClause_actor(const ne_sview *sv, int i);
/* Follow pronoun/nominal references; returns the final actor index. */
int neClause_resolve(const struct ne_doc *d, int a);
/* May token i sit inside a noun group (actors, determiners, nouns...)? */
int neClause_ng_token(const ne_sview *sv, int i);
/* Does a count start at token i: a number or a number word ("50", "two",
** "dozens", "a dozen")? */
int neClause_count(const ne_sview *sv, int i);
int neClause_ng_start(const ne_sview *sv, int j, int lo);
int neClause_ng_actors(const ne_sview *sv, int s, int e, int *out, int max);
void neClause_bounds(const ne_sview *sv, int i, int *lo, int *hi);
int neClause_vg_start(const ne_sview *sv, int i);
/* Does a time phrase ("today", "on Wednesday", "late on Monday evening")
** end at token k, starting at lo or later?  Its first token, or -1.
** Reporters put one between the auxiliary and the participle ("were on
** Wednesday taken into custody") and between a subject and its verb
** ("the committee on Monday alleged"). */
int neClause_time_before(const ne_sview *sv, int k, int lo);
int neClause_passive(const ne_sview *sv, int i);
/* Flags for the verb at i in the clause starting at lo; *gov gets the verb
** governing an infinitive, or -1. */
int neClause_modality(const ne_sview *sv, int i, int lo, int noun, int *gov);
/* The "to" of the infinitive at verb group vs: right before it, or that of
** the infinitive it is coordinated with ("to let them resume ... and
** compensate them"); -1 when vs is no infinitive. */
int neClause_infinitive_to(const ne_sview *sv, int vs, int lo);
int neClause_noun_modality(const ne_sview *sv, int i, int lo, int hi);
/* Actors of the subject of the verb group starting at vs (clause from lo);
** returns how many were written to out; *rule names the rule used. */
int neClause_subject(const ne_sview *sv, int vs, int lo, int *out, int max, const char **rule);
/* "Sanders, whom Clinton accused of lying": when the verb group at vs has a
** subject (a noun group or pronoun) right after "whom"/"who", the relative
** pronoun is its object: the antecedent's actors to out (at most max), else 0. */
int neClause_object_relative(const ne_sview *sv, int vs, int *out, int max);
/* Noun event i inside a prepositional phrase that opens the sentence ("After
** talks with X, Y said", "During a visit to Japan, the French president ..."):
** the actors of the main clause's subject after the first comma, else 0. */
int neClause_opening_noun(const ne_sview *sv, int i, int *out, int max);
/* Text naming who reported the clause at token i (the subject of a reporting
** verb before it, or the group next to one after it: "..., analysts said"),
** written into buf (cap bytes); NULL when none does. */
const char *neClause_reporter(const ne_sview *sv, int i, char *buf, size_t cap);
/* The actor mentions (up to max, into out) of the speaker neClause_reporter
** names for the clause at i; 0 when it names none or no actor.  The
** reporting verb's token goes to *verb when verb is not NULL (-1 with none). */
int neClause_reporter_actors(const ne_sview *sv, int i, int *out, int max, int *verb);
int neOut_json(struct ne_doc *d);                               /* output.c */
int neOut_tsv(struct ne_doc *d);

/* ---- phrase tables (wordtab.c): "CLASS VALUE PHRASE..." files (docs/TIME.md) ---- */
typedef struct ne_word {
    const char *phrase; /* lowercase tokens joined by single spaces */
    const char *val;    /* the VALUE field as written */
    long num;           /* leading integer of VALUE (sign allowed), else 0 */
    uint16_t cls;       /* index of CLASS in the loader's class list */
    uint8_t nwords;
} ne_word;
/* Load DATA_DIR/file into *out (always set; free with neW_free even on failure).
** classes: NULL-terminated allowed CLASS names.  Data errors: NE_DATA, "FILE:LINE: reason". */
int neW_load(struct ne_engine *e, const char *file, const char *const *classes, ne_wordtab **out);
void neW_free(ne_wordtab *t);
/* Entry for phrase [p, p+n) of class cls (-1: any), or NULL. */
const ne_word *neW_get(const ne_wordtab *t, const char *p, size_t n, int cls);
/* Longest entry of class cls (-1: any) whose phrase is tokens tk[i..), not
** reaching end; NULL when none. */
const ne_word *neW_match(const ne_wordtab *t, const ne_token *tk, size_t i, size_t end, int cls);
/* The classes neW_match(t, tk, i, end, c) may find a phrase of at token i
** (hash: ne_hash of its norm): bit c (classes from 31 on share bit 31) is
** clear when that call surely returns NULL (no phrase of class c starts with
** the word, none fits before end, or the next word is the second word of none
** of its longer ones).  A subset of neW_first_classes. */
uint32_t neW_classes_at(const ne_wordtab *t, const ne_token *tk, size_t i, size_t end, uint32_t hash);
/* The same for a token whose ne_hash is known (d->nhash[i]). */
const ne_word *neW_match_h(const ne_wordtab *t, const ne_token *tk, size_t i, size_t end, int cls, uint32_t hash);
/* Classes of the phrases that start with word [w, w+n): bit c for class c
** (classes from 31 on share bit 31); 0 when no phrase starts with it.  Lets a
** caller that asks many classes at one token hash the word once. */
uint32_t neW_first_classes(const ne_wordtab *t, const char *w, size_t n);
/* First entry of class cls whose VALUE ok() rejects (returns 0), or NULL: lets
** a loader validate class-specific values. */
const ne_word *neW_find_bad(const ne_wordtab *t, int cls, int (*ok)(const char *val));
/* The same for a test of the whole entry (its phrase, say). */
const ne_word *neW_find_bad_entry(const ne_wordtab *t, int cls, int (*ok)(const ne_word *w));
/* Calls fn on every entry of t whose class is one of the bits of classes
** (classes below 32), in table order: lets a loader index the phrases. */
void neW_each(const ne_wordtab *t, uint32_t classes, void (*fn)(const ne_word *w));
/* Adds to *out the ne_hash of word pos (0: the first) of every phrase of t
** whose class is one of the bits of classes and that has more than pos
** words: a one-bit test per token then tells most tokens start none of them. */
void neW_words_at(const ne_wordtab *t, uint32_t classes, int pos, ne_wordset *out);
/* The same as neW_first_classes for a word whose ne_hash is known (d->nhash). */
uint32_t neW_first_classes_h(const ne_wordtab *t, const char *w, size_t n, uint32_t hash);
/* neW_first_classes_h of each of the n tokens tk (hash: their ne_hash,
** d->nhash) into out[0, n), in one call.  wm (d->wmemo, or NULL): the
** tokens' word memos, which keep the answer per distinct word (ne_wmemo
** firsts); only for t = the engine's timewords, the one table whose
** identity the lemma cache keeps (neLemma_tag). */
void neW_first_classes_all(const ne_wordtab *t, const ne_token *tk, const uint32_t *hash, struct ne_wmemo *const *wm,
                           size_t n, uint32_t *out);
/* The identity of loaded table t: unique per load, never 0 (0 for NULL). */
uint32_t neW_serial(const ne_wordtab *t);

/* ---- benchmark hook (pipeline.c), used only by bench/bench.c: when set, ne_code
** adds each stage's wall time in seconds to nePipe_clock[i] (i < nePipe_stage_count(),
** 0 = text preparation).  Not thread-safe; the library never sets it. ---- */
extern double *nePipe_clock;
size_t nePipe_stage_count(void);
const char *nePipe_stage_name(size_t i); /* static storage; NULL out of range */

/* ---- small shared helpers (util.c) ---- */
/* Parse YYYY-MM-DD (or YYYY-MM, YYYY); returns number of parts parsed (0 = bad). */
int neU_parse_date(const char *s, size_t n, int *y, int *m, int *d);
/* Strict decimal parse of [s, s+n) into *out; 0 on success. */
int neU_parse_long(const char *s, size_t n, long *out);
/* A new identity for a loaded table (dictionaries, wordtab, patterns: what
** word memos check): never 0, not given twice before 2^32 loads. */
uint32_t neU_serial(void);
/* Path join into arena-free static-sized buffer; returns 0 when it fit. */
int neU_path(char *dst, size_t cap, const char *dir, const char *name);
/* At most the first n bytes of s (up to its NUL) into dst[cap], cap > 0, cut
** to fit and NUL-terminated: what snprintf "%.*s" writes, without its cost. */
void neU_copy_cut(char *dst, size_t cap, const char *s, size_t n);
/* Drop an incomplete UTF-8 sequence at the end of s (left by truncation). */
void neU_utf8_cut(char *s);
/* Read a whole file into a malloc'd NUL-terminated buffer (free with neM_free).
** NE_IO when it cannot be opened or read, with errno telling why (ENOENT,
** EISDIR, EACCES); NE_TOOBIG over max bytes; NE_NOMEM. */
int neU_read_file(const char *path, char **out, size_t *len, size_t max);
/* Why a file read (neU_read_file, neU_view_file) returned rc, for a message
** ("PATH: cannot read: Is a directory"); call it before anything else can
** change errno.  The reason of an rc other than NE_IO is ne_errstr's. */
const char *neU_io_why(int rc);
/* A whole file to parse once and let go (the dictionaries, WordNet): its
** len bytes at p, read with neU_read_file (same errors).  Not mapped: a
** mapped file that is truncated while it is parsed (a package upgrade
** during a start) would end the process with SIGBUS, and the library never
** aborts; reading costs ~0.005 CPU s of a ~0.14 s start. */
typedef struct ne_fview {
    const char *p;
    size_t len;
} ne_fview;
int neU_view_file(const char *path, ne_fview *v, size_t max);
void neU_view_free(ne_fview *v);

#endif /* NE_INT_H */
