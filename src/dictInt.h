/*
** dictInt.h: the compiled dictionaries' tables, shared by their text loader
** (dict.c) and their binary snapshot (dict_snap.c).  Private to those two files.
*/
#ifndef NE_DICTINT_H
#define NE_DICTINT_H

#include "dict.h"

#define MAX_NAME_TOKENS 16

typedef struct dcode { uint32_t code; int32_t from, to; } dcode;
typedef struct dhit {
    uint32_t entry, next; /* next hit with the same name, 0 = none */
    uint16_t capmask;     /* name tokens that must not be all-lowercase in the text */
    uint8_t caps_only;    /* all-capital short name: text must be all capitals too */
    uint8_t ntok;         /* tokens in the name */
    uint8_t type;         /* the entry's type (a copy: matching need not touch ent) */
    uint8_t exact_tok;    /* 1 + the token that is an abbreviation with internal capitals, 0 none */
    uint8_t exact_pat;    /* that token's capitals, bit j = letter j (it must match them exactly) */
    uint8_t lower;        /* a chain's head: the types an all-lowercase first token may have (dict.c,
                          ** mark_lower); 0 on other hits */
} dhit;
typedef struct edge { uint64_t key; uint32_t child; } edge; /* key 0 = empty */
/* A vocabulary slot: one cache line serves both the word test and the trie root. */
typedef struct vslot {
    uint32_t off;         /* pool offset of the word; 0 = empty slot */
    uint32_t id;          /* token id (1..vocab_n) */
    uint32_t root;        /* trie node this word leads to from the root, 0 none */
    uint16_t len;         /* word length */
    uint16_t tag;         /* high bits of the word's hash: most mismatches stop here */
} vslot;
/* A trie node: its first hit and the union of its hits' types. */
typedef struct dnode {
    uint32_t hit;         /* first hit (0 none) */
    uint16_t types;       /* NE_DM() of every hit's type */
    uint16_t kids;        /* kid_bit of every child's token: 0 = a leaf; a token whose bit
                          ** is clear has no edge from here (no probe of the edge table) */
} dnode;
struct ne_dict {
    ne_buf pool;                 /* NUL-terminated strings; offset 0 is "" */
    vslot *vocab;                /* open addressing: normalized token -> id and root child */
    size_t vocab_cap, vocab_n;
    edge *edges;                 /* trie edges (parent << 32 | token) -> child; none from the
                                 ** root (node 0): a word's first node is its vslot.root */
    size_t edge_cap, edge_n;
    dnode *nodes;                /* node 0 = root */
    size_t node_n, node_cap;
    dhit *hits;                  /* hits[0] unused */
    size_t hit_n, hit_cap;
    ne_dentry *ent;
    size_t ent_n, ent_cap;
    dcode *codes;
    size_t code_n, code_cap;
    char **files;                /* file names, for messages */
    size_t file_n, file_cap;
    char groups[128][4];         /* role groups from actor_codes.txt */
    char intl[128][4];           /* other first groups (IGO, IMG, regions) */
    size_t ngroups, nintl;
    uint64_t intl_bits[(26 * 26 * 26 + 63) / 64]; /* intl as a set of group_index values (dict.c) */
    void *snap;                  /* the block the tables live in when read from the snapshot
                                 ** (dict_snap.c; neM_calloc_big), NULL when parsed */
    size_t snap_bytes;
    uint32_t serial;             /* unique per loaded dictionaries (neU_serial): word memos check it */
};

/* A file the dictionaries are read from (neDict_sources), in load order. */
enum { NE_SRC_GROUPS, NE_SRC_FILE, NE_SRC_MAJOR, NE_SRC_DEP };
typedef struct ne_dsrc {
    char *path;      /* data_dir/rel */
    size_t rel;      /* offset of the path relative to the data directory */
    uint8_t kind;    /* NE_SRC_*: actor_codes.txt, an entry file, major_cities.txt, a file
                     ** the loader depends on without reading it (the tokenizer's) */
    uint8_t deftype; /* entry files: the default type */
} ne_dsrc;

/* The files the dictionaries of data directory dir are built from, in the
** order the loader reads them, plus the tokenizer's files (NE_SRC_DEP): only
** those that exist.  *out is neM_malloc'd (free with neDict_sources_free).
** Returns NE_OK, NE_NOMEM, or NE_DATA (a directory of more than 1024 entries;
** the message in e). */
int neDict_sources(struct ne_engine *e, const char *dir, ne_dsrc **out, size_t *n);
void neDict_sources_free(ne_dsrc *s, size_t n);

/* The dictionaries from the snapshot beside the text files (dict_snap.c)
** into e->dict: NE_OK when loaded; NE_NOTFOUND when there is none or it is
** stale or damaged (the caller parses the text); NE_NOMEM. */
int neDict_snap_load(struct ne_engine *e);
/* The snapshot in memory [data, data+len) (its source list not compared;
** verify_hash 0 skips the checksum, for the fuzz target) into *out: NE_OK,
** NE_DATA when damaged, NE_NOMEM.  The validation guarantees that no lookup
** reads outside the tables, whatever the bytes. */
int neDict_snap_parse(const void *data, size_t len, int verify_hash, ne_dict **out);
/* The dictionaries parsed from the text files (never the snapshot). */
int neDict_load_text(struct ne_engine *e);
/* The vocabulary and edge tables moved to the smallest sizes that keep
** their usual loads (a small dictionary's snapshot need not carry the
** loader's 4096-slot minimum); lookups are the same.  NE_OK or NE_NOMEM. */
int neDict_compact(ne_dict *dc);
/* An empty dictionary (node 0 the root), NULL on NOMEM. */
ne_dict *neDict_new(void);

#endif /* NE_DICTINT_H */
