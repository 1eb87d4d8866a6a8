/*
** dict.h: the compiled dictionaries (dict.c) as seen by the mention stages
** (actor.c, place.c, coref.c).  Private to the library.
*/
#ifndef NE_DICT_H
#define NE_DICT_H

#include "neInt.h"

/* Entry types (the `type=` key of docs/DICTIONARIES.md, plus roles and nominals). */
enum ne_dtype {
    NE_DT_COUNTRY = 0, NE_DT_DEMONYM, NE_DT_METONYM, NE_DT_PERSON, NE_DT_ORG, NE_DT_GROUP,
    NE_DT_PARTY, NE_DT_MEDIA, NE_DT_PLACE, NE_DT_ROLE, NE_DT_NOMINAL, NE_DT_COUNT
};
#define NE_DM(t) (1u << (t))
/* Entry types that name an actor. */
#define NE_DM_ACTOR (NE_DM(NE_DT_COUNTRY) | NE_DM(NE_DT_DEMONYM) | NE_DM(NE_DT_METONYM) | \
                     NE_DM(NE_DT_PERSON) | NE_DM(NE_DT_ORG) | NE_DM(NE_DT_GROUP) |      \
                     NE_DM(NE_DT_PARTY) | NE_DM(NE_DT_MEDIA))

/* Where an entry came from. */
#define NE_DS_HAND 0      /* hand-written file under the data directory */
#define NE_DS_GENERATED 1 /* generated gazetteer (first line "# generated ...") */

/* Place kinds (`kind=`). */
enum ne_pkind { NE_PK_CITY = 0, NE_PK_REGION, NE_PK_COUNTRY, NE_PK_FEATURE };

typedef struct ne_dentry {
    uint32_t name;    /* pool offset of the canonical name */
    uint32_t code0;   /* first of ncodes items in the code table */
    uint16_t ncodes;
    uint8_t type;     /* enum ne_dtype */
    uint8_t source;   /* NE_DS_* */
    uint8_t gender;   /* 0 unknown, 'm' or 'f' */
    uint8_t person;   /* role word naming one person (ambassador) */
    uint8_t plural;   /* role word in the plural (officials) */
    uint8_t pkind;    /* enum ne_pkind, places only */
    uint8_t has_coords;
    uint8_t major;    /* places: a major city of its country (major_cities.txt), an importance rank */
    uint32_t admin1;  /* pool offset, 0 when none: places' first-level region; roles' `in=` (CCC:ROLE) */
    uint32_t file, line; /* where it was defined (file index into the file table) */
    double lat, lon;
} ne_dentry;

/* What the mention stages know about an actor mention beyond the public
** ne_actor (d->actor_info, parallel to d->actors). */
typedef struct ne_actor_info {
    uint32_t tok_first, tok_end; /* tokens [first, end) */
    uint8_t type;     /* enum ne_dtype of the head entry; NE_DT_COUNT when unknown */
    uint8_t person;   /* 1 one person, 0 a group/organization/country, 2 cannot tell */
    uint8_t plural;
    uint8_t gender;   /* 'm', 'f' or 0 */
    uint8_t former;   /* "former", "ex-": the role is past */
    uint8_t nominal_class; /* nominals: NE_DT_* the head word names (group, org, country, person) */
    uint8_t located;  /* a capital after a locative preposition ("in Moscow"): a place, no actor in events */
    uint8_t dual;     /* a dual noun phrase ("the two leaders", dual.txt): its NE_DUAL_* kind; 0 none
                         (the pair it stands for: ne_doc.dual_pairs) */
    uint32_t region;  /* composed from a region or town before role words ("gujarat government"):
                         the place entry's name (pool offset); 0 otherwise */
} ne_actor_info;

/* Kinds of actor a dual noun phrase stands for (dual.txt head/pair VALUE). */
enum { NE_DUAL_NONE, NE_DUAL_PER, NE_DUAL_CTY, NE_DUAL_BUS, NE_DUAL_ANY };
/* ne_actor_info.dual: the kind in the low bits; this bit when the phrase's
** head makes no mention of its own ("the two sides", not "the two men"): no
** actor unless it stands for a pair. */
#define NE_DUAL_HEADLESS 0x10
#define NE_DUAL_KIND(d) ((d) & 0x0f)
/* Classes of dual.txt (neCoref_load): det "the two", head "leaders", pair "the pair", mod "warring". */
enum { NE_DU_DET, NE_DU_HEAD, NE_DU_PAIR, NE_DU_MOD };
/* The NE_DUAL_* kind a dual.txt VALUE names ("PER", "CTY", "BUS", "ANY"); 0 none. */
int neCoref_dual_kind(const char *val);

/* The dictionary names that start at each token of d (within its sentence),
** found once per document into d->dmemo (arena) so that neDict_longest does
** not walk the trie again; idempotent.  Needs d's sentences; uses the
** tokens' ne_hash from the tokenizer (d->nhash) when it has one. */
int neDict_prepare(struct ne_doc *d, const struct ne_engine *e);

/* Per token of d, once neDict_prepare has run (NULL before): NE_DM() of the
** types of every dictionary name that starts there.  A token whose bits miss
** typemask has no name for neDict_longest (callers test it inline to save
** the call). */
const uint16_t *neDict_token_types(const struct ne_doc *d);
/* The same restricted to the names that may match as each token is written
** (an all-lowercase token in case-marked text matches only the names that
** allow it): a token whose bits miss typemask has no name for neDict_longest;
** NULL before neDict_prepare. */
const uint16_t *neDict_token_allowed(const struct ne_doc *d);

/* Longest dictionary name starting at token i (tokens [i, end) of i's
** sentence; end is at most the sentence's end) that has an entry whose type is in typemask and whose
** capitalization rules accept the text.  Returns its length in tokens (0 when
** none) and in *hit a handle for neDict_hit_entry / neDict_next_hit. */
size_t neDict_longest(const struct ne_engine *e, const struct ne_doc *d, size_t i, size_t end,
                      uint32_t typemask, uint32_t *hit);
/* The longest dictionary person whose name is tokens [i, end) less token
** skip (i < skip, and at least one token after it): "Harry M. Reid" is Harry
** Reid when skip is the middle initial.  Returns the tokens covered, skip
** included (0 when none), and the hit in *hit.  Looks the words up again:
** for the rare names that neDict_longest does not find. */
size_t neDict_person_skipping(const struct ne_engine *e, const struct ne_doc *d, size_t i, size_t skip,
                              size_t end, uint32_t *hit);
/* The next accepted entry with the same name after hit (0 when none). */
uint32_t neDict_next_hit(const struct ne_engine *e, const struct ne_doc *d, size_t i, uint32_t hit,
                         uint32_t typemask);
const ne_dentry *neDict_hit_entry(const struct ne_engine *e, uint32_t hit);

/* The tokens under which the loader keys dictionary name [s, s+n), written
** to out (cap bytes) as "norm/c norm/c ..." (c 1: the token counts as
** capitalized).  fast 1: the loader's path without the tokenizer, which
** returns -1 when it leaves the name to the tokenizer; fast 0: the
** tokenizer.  Returns the token count (-1 on NOMEM).  For tests: both
** must agree wherever the fast path takes a name. */
int neDict_name_keys(struct ne_engine *e, const char *s, size_t n, int fast, char *out, size_t cap);

/* String at a pool offset ("" for 0). */
const char *neDict_str(const struct ne_engine *e, uint32_t off);
/* The code of entry x that applies on date ymd (YYYYMMDD; 0 = unknown date:
** the open-ended, most recent code).  NULL when the entry has no code. */
const char *neDict_code(const struct ne_engine *e, const ne_dentry *x, int ymd);
/* The code of x whose first role group is role (GOV, LEG...), the range
** nearest to ymd (the latest without a date); NULL when x never had it. */
const char *neDict_code_role(const struct ne_engine *e, const ne_dentry *x, const char *role, int ymd);
/* The middle of the range of x's latest code (July 1st of its middle year,
** YYYYMMDD) when that range is closed ("Ashraf Ghani" AFGGOV 2014-09-29..
** 2021-08-15: 20170701); 0 when it is open-ended, undated or x has no code. */
int neDict_closed_era(const struct ne_engine *e, const ne_dentry *x);
/* Is date ymd before every dated code of x (-1), after all of them (1), or
** inside one, between two, or unknown (0)? */
int neDict_when(const struct ne_engine *e, const ne_dentry *x, int ymd);
/* Does a range of x contain date ymd (1; also without a date or dated codes),
** or is ymd before, after or between them (0)? */
int neDict_in_range(const struct ne_engine *e, const ne_dentry *x, int ymd);
/* Is group (3 letters) a known role group (GOV, MIL, ...)? */
int neDict_is_role(const struct ne_engine *e, const char *group);
/* Is group (3 letters) an international first group of actor_codes.txt (IGO,
** IMG, NGO, MNC, regions...), that is no country? */
int neDict_is_intl(const struct ne_engine *e, const char *group);
/* How many entries are loaded (all types). */
size_t neDict_count(const struct ne_engine *e);

/* Is a place entry x matched at tokens [i, end) of a sentence ending at
** sent_end a credible place there?  Hand-written places always are;
** generated gazetteer names need a locative word before them or "-based"
** after them (place.c). */
int nePlace_credible(const struct ne_engine *e, const struct ne_doc *d, const ne_dentry *x, size_t i,
                     size_t end, size_t sent_end);

#endif /* NE_DICT_H */
