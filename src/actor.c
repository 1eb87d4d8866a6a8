/* actor.c: actor mentions: longest dictionary names, country + role
** compositions ("Iranian officials", "the Pakistan Air Force"), titles before
** names, "X of Y", appositions, pronouns, definite nominals and unknown names. */
#include "dict.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

typedef struct scan {
    struct ne_doc *d;
    const struct ne_engine *e;
    const ne_token *tk;
    size_t a, b;      /* the sentence: tokens [a, b) */
    int ymd;          /* document date YYYYMMDD, 0 unknown */
    int titlecase;    /* headline-style sentence: no unknown names */
    int caseless;     /* NE_CASELESS_* of the sentence: capitals say nothing */
    /* how each word is written across the document (see word_usage) */
    uint32_t *usage_key; /* token index + 1 of the word's first occurrence, 0 empty */
    uint8_t *usage;      /* USE_LOWER | USE_MIDCAP */
    size_t usage_mask;
    size_t usage_asked;  /* name_elsewhere questions so far (the table comes after a few) */
    ne_wordset midcap;   /* of the words capitalized somewhere not at a sentence start (word_lists) */
    const uint16_t *lists; /* per document token: its L_* list bits */
    const uint16_t *dtypes; /* per document token: neDict_token_types */
    const uint16_t *allowed; /* per document token: neDict_token_allowed */
    /* an undated document: the era a sitting office holder's closed term gives it, and the
    ** named mentions whose entries have several dated codes (redate) */
    int era;
    size_t ndated;
    struct { size_t idx; const ne_dentry *ent; } dated[16];
    /* country_evidence's counts so far (a document may name "Treasury" many times) */
    size_t nev;
    struct { char cc[4]; int n; } ev[4];
} scan;

#define USE_LOWER 1  /* written in lower case somewhere */
#define USE_MIDCAP 2 /* capitalized somewhere not at a sentence start */

/* A noun group being built. */
typedef struct np {
    size_t start, end;        /* tokens of the mention */
    const ne_dentry *ent;     /* head dictionary entry, or NULL */
    const char *code;         /* full code (engine pool or arena), or NULL */
    char country[4], role[4];
    int kind;                 /* NE_ACTOR_* */
    ne_actor_info info;
} np;

/* Is t the word w? */
static int is_w(const ne_token *t, const char *w) { return ne_word_is(t->norm, w); }

static int is_any(const ne_token *t, const char *const *list) { return ne_word_in(t->norm, list); }

static const char *const determiners[] = {"the", "a", "an", "this", "that", "these", "those", NULL};
static const char *const definites[] = {"the", "this", "these", "those", NULL};
static const char *const pronouns[] = {"he", "she", "him", "his", "her", "hers", "they", "them",
                                       "their", "theirs", "it", "its", NULL};
/* Capitalized words that never begin a name (they start sentences and quotes). */
static const char *const not_name_start[] = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "when", "while", "over", "after",
    "before", "this", "that", "these", "those", "it", "he", "she", "they", "we", "you", "i", "his",
    "her", "their", "its", "our", "my", "your", "there", "here", "what", "who", "why", "how", "where",
    "which", "as", "for", "from", "with", "by", "of", "to", "since", "under", "until", "despite",
    "although", "though", "meanwhile", "however", "also", "both", "some", "many", "most", "all",
    "no", "not", "yes", "so", "then", "now", "still", "yet", "even", "only", "just", "one", "two",
    "mr.", "mrs.", "ms.", "dr.", "do", "does", "did", "is", "are", "was", "were", "will", "would",
    "can", "could", "should", "may", "might", "such", "each", "every", "other", "another", "any",
    "last", "next", "according", "about", "among", "between", "during", "without", "within",
    /* closed-class words that open a sentence before a name ("Like Clinton, ...", "Because Obama
    ** ...", "Unlike Cruz", "Maybe I"): prepositions, subordinators and sentence adverbs */
    "like", "unlike", "because", "besides", "once", "following", "against", "whether", "unless",
    "whereas", "amid", "through", "across", "toward", "towards", "upon", "via", "later", "earlier",
    "today", "yesterday", "tomorrow", "instead", "indeed", "again", "maybe", "perhaps", "well",
    "sometimes", "often", "interestingly", "specifically", "separately", "similarly", "likewise",
    "moreover", "furthermore", "nevertheless", "nonetheless", "therefore", "finally", "recently",
    "previously", "initially", "eventually", "currently", "additionally", "ultimately", "clearly",
    "apparently", "reportedly", "asked", NULL};
static const char *const calendar[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", NULL};
/* Lower-case particles inside names: Jaish al-Adl, Osama bin Laden. */
static const char *const name_particles[] = {"al", "el", "bin", "ibn", "bint", "ul", "ud", "de",
                                             "del", "da", "di", "van", "von", "der", "la", "le", NULL};
static const char *const honorifics[] = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", NULL};
/* Words between a country and a role that stop a composition ("Iranian attack on officials"). */
static const char *const gap_stop[] = {"and", "or", "of", "to", "in", "on", "at", "for", "with", "by",
                                       "from", "that", "which", "who", "is", "are", "was", "were",
                                       "has", "have", "had", "be", "been", "said", "says", "not", NULL};

/* Words that make the next one a former holder of a role (pre_modifiers). */
static const char *const formers[] = {"former", "ex", NULL};
/* Words besides the determiners that may open a dual noun phrase (dual.txt
** det and pair phrases begin with one of these or a determiner: neCoref_load). */
static const char *const dual_openers[] = {"both", NULL};
/* The share buttons of a web page's footer ("Facebook Twitter Linkedin Mail": share_line). */
static const char *const buttons[] = {"facebook", "twitter", "linkedin", "mail", "email", "e-mail", "whatsapp",
                                      "pinterest", "reddit", "tumblr", "telegram", "print", "share", NULL};

/* The lists above that are tested at most tokens, as bits of a per-token
** mask (scan.lists) computed once per document from one hash table of all
** their words: a list test is then one load instead of string compares. */
enum { L_DET, L_DEF, L_PRON, L_NOSTART, L_CAL, L_PART, L_HON, L_GAPSTOP, L_FORMER, L_DUAL, L_BUTTON, L_COUNT };
static const char *const *const hot_lists[L_COUNT] = {determiners,    definites, pronouns, not_name_start,
                                                      calendar,       name_particles, honorifics, gap_stop,
                                                      formers,        dual_openers, buttons};
#define LW_CAP 1024 /* slots of the listed-word table: a power of two, over twice the words */
typedef struct lw_slot {
    const char *w;  /* NULL: empty */
    uint32_t h;     /* ne_hash of w */
    uint16_t lists; /* bit L_* for each list holding w */
} lw_slot;
static lw_slot lw_tab[LW_CAP];
static pthread_once_t lw_once = PTHREAD_ONCE_INIT;

/* Fills lw_tab with the words of hot_lists, each with its list bits (once
** per process: lw_once). */
static void lw_build(void) {
    for (int l = 0; l < L_COUNT; l++)
        for (const char *const *w = hot_lists[l]; *w; w++) {
            uint32_t h = ne_hash(*w, strlen(*w));
            size_t j = h & (LW_CAP - 1);
            while (lw_tab[j].w && strcmp(lw_tab[j].w, *w)) j = (j + 1) & (LW_CAP - 1);
            lw_tab[j] = (lw_slot){*w, h, (uint16_t)(lw_tab[j].lists | 1u << l)};
        }
}

/* Are the NUL-terminated a and b the same text?  (Inline: the listed words
** are a few bytes long.) */
static int same_text(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* The L_* lists holding the word norm, whose ne_hash is h. */
static uint16_t lw_lists(const char *norm, uint32_t h) {
    for (size_t j = h & (LW_CAP - 1); lw_tab[j].w; j = (j + 1) & (LW_CAP - 1))
        if (lw_tab[j].h == h && same_text(lw_tab[j].w, norm)) return lw_tab[j].lists;
    return 0;
}

/* Is token t (of the scanned document) in list l (L_*)? */
static int in_list(const scan *s, const ne_token *t, int l) { return (s->lists[t - s->tk] >> l) & 1; }

/* Is t written with a capital: "Kabul", "NATO", "McCain"? */
static int capitalized(const ne_token *t) {
    return t->shape == NE_SH_CAP || t->shape == NE_SH_UPPER || t->shape == NE_SH_MIXED;
}

/* ---- emitting mentions ---- */

/* The n bytes at src, terminated, at *at, which moves past them. */
static const char *put_str(char **at, const char *src, size_t n) {
    char *r = *at;
    memcpy(r, src, n);
    r[n] = 0;
    *at += n + 1;
    return r;
}

/* The bytes put_code writes for p's code (nc bytes long), country and role. */
static size_t code_bytes(const np *p, size_t nc) { return (p->code ? nc + 1 : 0) + 4 + 4; }

/* Writes p's code (nc bytes long), country and role at *at, which moves
** past them, as a's (emit, redate); NULL for each p has none. */
static void put_code(char **at, ne_actor *a, const np *p, size_t nc) {
    a->code = p->code ? put_str(at, p->code, nc) : NULL;
    a->country = p->country[0] ? put_str(at, p->country, 3) : NULL;
    a->role = p->role[0] ? put_str(at, p->role, 3) : NULL;
}

/* Fill country and role of np from its code: the first group is the
** country (or IGO, IMG, ...); the role is the first later group that is a
** known role group. */
static void split_code(const struct ne_engine *e, np *p) {
    p->country[0] = p->role[0] = 0;
    if (!p->code || strlen(p->code) < 3) return;
    memcpy(p->country, p->code, 3);
    p->country[3] = 0;
    for (const char *g = p->code + 3; strlen(g) >= 3; g += 3) {
        char r[4] = {g[0], g[1], g[2], 0};
        if (neDict_is_role(e, r)) { memcpy(p->role, r, 4); break; }
    }
}

static int state_office(const char *g);

/* In an undated document, notes named mention p (actor idx): a dictionary
** person holding a state office ("Afghan President Ashraf Ghani", not
** "former") whose latest term is closed dates the document to that term
** (s->era); an entry with several dated codes ("the Taliban") is kept for
** redate. */
static void note_dated(scan *s, const np *p, size_t idx) {
    if (s->ymd || !p->ent || p->kind != NE_ACTOR_NAMED || p->ent->ncodes < 1) return;
    if (p->ent->type == NE_DT_PERSON && !p->info.former && state_office(p->role)) {
        if (!s->era) s->era = neDict_closed_era(s->e, p->ent);
        return;
    }
    if (p->ent->ncodes > 1 && s->ndated < sizeof s->dated / sizeof s->dated[0]) {
        s->dated[s->ndated].idx = idx;
        s->dated[s->ndated++].ent = p->ent;
    }
}

/* Is token k on a line of share buttons ("Facebook Twitter Linkedin Mail"
** under a story): two or more of them, capitalized, filling a line?  Page
** furniture names no actor (Facebook is no American firm in the story). */
static int share_line(const scan *s, size_t k) {
    size_t a = k, b = k + 1, n = s->d->tokens.n;
    while (a > 0 && !(s->tk[a].flags & NE_TF_NEWLINE) && in_list(s, &s->tk[a - 1], L_BUTTON)) a--;
    if (!(s->tk[a].flags & NE_TF_NEWLINE)) return 0;
    while (b < n && !(s->tk[b].flags & NE_TF_NEWLINE) && in_list(s, &s->tk[b], L_BUTTON)) b++;
    if (b - a < 2 || (b < n && !(s->tk[b].flags & NE_TF_NEWLINE))) return 0;
    for (size_t i = a; i < b; i++)
        if (!capitalized(&s->tk[i])) return 0;
    return 1;
}

/* Appends mention p to the document's actors, unless it lies on a line of
** share buttons (share_line).  Not inlined: inlined into scan_sentence's
** loop it cost more instructions (callgrind, session 12). */
static __attribute__((noinline)) int emit(scan *s, np *p) {
    if (in_list(s, &s->tk[p->start], L_BUTTON) && share_line(s, p->start)) return NE_OK;
    struct ne_doc *d = s->d;
    size_t idx = d->actors.n;
    ne_actor *a = neV_push(&d->arena, &d->actors);
    ne_actor_info *in = neV_push(&d->arena, &d->actor_info);
    if (!a || !in) return NE_NOMEM;
    const ne_token *f = &s->tk[p->start], *l = &s->tk[p->end - 1];
    const ne_sentence *sn = NE_VEC_AT(d->sentences, ne_sentence, f->sent);
    const char *txt = ne_seg_text(d, sn->in_title);
    const char *name = p->ent && p->kind == NE_ACTOR_NAMED ? neDict_str(s->e, p->ent->name) : NULL;
    size_t nt = l->end - f->start, nn = name ? strlen(name) : 0, nc = p->code ? strlen(p->code) : 0;
    /* the strings of the mention in one allocation: text, name, code, country, role */
    char *at = neA_alloc(&d->arena, nt + 1 + (name ? nn + 1 : 0) + code_bytes(p, nc));
    if (!at) return NE_NOMEM;
    a->text = put_str(&at, txt + f->start, nt);
    a->name = name ? put_str(&at, name, nn) : NULL;
    put_code(&at, a, p, nc);
    a->span.start = f->start;
    a->span.end = l->end;
    a->sentence = ne_pub_sent(d, f->sent);
    a->in_title = sn->in_title;
    a->kind = p->kind;
    a->ref = -1;
    *in = p->info;
    in->tok_first = (uint32_t)p->start;
    in->tok_end = (uint32_t)p->end;
    ne_token *tk = d->tokens.items;
    for (size_t i = p->start; i < p->end; i++) tk[i].actor = (int32_t)idx;
    note_dated(s, p, idx);
    return NE_OK;
}

/* The first three bytes of s at most (s NULL: none) into dst, terminated
** (what "%.3s" writes); returns how many. */
static size_t copy3(char dst[4], const char *s) {
    size_t n = 0;
    for (; s && n < 3 && s[n]; n++) dst[n] = s[n];
    dst[n] = 0;
    return n;
}

/* The role of a "former" office holder: former officials are elites, ELI. */
static const char *former_role(const char *role, int former) {
    if (former && role && (!strcmp(role, "GOV") || !strcmp(role, "MIL") || !strcmp(role, "COP") ||
                           !strcmp(role, "JUD") || !strcmp(role, "LEG") || !strcmp(role, "SPY")))
        return "ELI";
    return role;
}

/* Compose COUNTRY + ROLE (former officials become elites, ELI). */
static void compose(scan *s, np *p, const char *country, const char *role, int former) {
    role = former_role(role, former);
    char buf[8], c3[4], r3[4];
    size_t nc = copy3(c3, country), nr = copy3(r3, role);
    memcpy(buf, c3, nc);
    memcpy(buf + nc, r3, nr + 1);
    p->code = buf[0] ? neA_strndup(&s->d->arena, buf, nc + nr) : NULL;
    memcpy(p->country, c3, 4);
    memcpy(p->role, r3, 4);
    p->kind = NE_ACTOR_COMPOSED;
}

/* Makes p the named mention of dictionary entry x: its code at the
** document's date, its country and role, its type, gender and person; a
** person named before any of their offices or after all of them takes the
** country alone or ELI (compose). */
static void np_from_entry(scan *s, np *p, const ne_dentry *x) {
    p->ent = x;
    p->code = neDict_code(s->e, x, s->ymd);
    p->kind = NE_ACTOR_NAMED;
    split_code(s->e, p);
    int when = x->type == NE_DT_PERSON && p->code ? neDict_when(s->e, x, s->ymd) : 0;
    if (when) { /* a person before any of their offices (a candidate: the country alone) or after all of them (ELI) */
        char cc[4];
        memcpy(cc, p->country, 4);
        compose(s, p, cc, when > 0 ? p->role : NULL, when > 0);
        p->kind = NE_ACTOR_NAMED;
    }
    p->info.type = x->type;
    p->info.gender = x->gender;
    p->info.person = x->type == NE_DT_PERSON ? 1 : 0;
    p->info.plural = 0;
}

/* ---- matching helpers ---- */

/* How many names of country cc's own (the country, its nationality word, a capital that
** stands for its government: "Japan", "Japanese", "Tokyo") the document has, anywhere. */
static int country_evidence(scan *s, const char *cc) {
    const uint32_t mask = NE_DM(NE_DT_COUNTRY) | NE_DM(NE_DT_DEMONYM) | NE_DM(NE_DT_METONYM);
    for (size_t k = 0; k < s->nev; k++)
        if (!strncmp(s->ev[k].cc, cc, 3)) return s->ev[k].n;
    int n = 0;
    for (size_t k = 0; k < s->d->sentences.n; k++) {
        const ne_sentence *sn = NE_VEC_AT(s->d->sentences, ne_sentence, k);
        size_t end = (size_t)sn->tok_first + sn->tok_count;
        for (size_t i = sn->tok_first; i < end; i++) {
            uint32_t h;
            if (!(s->allowed[i] & mask) || !neDict_longest(s->e, s->d, i, end, mask, &h)) continue;
            const char *c = neDict_code(s->e, neDict_hit_entry(s->e, h), s->ymd);
            if (c && !strncmp(c, cc, 3)) n++;
        }
    }
    if (s->nev < sizeof s->ev / sizeof s->ev[0]) {
        memcpy(s->ev[s->nev].cc, cc, 3);
        s->ev[s->nev].cc[3] = 0;
        s->ev[s->nev++].n = n;
    }
    return n;
}

/* Of the entries that share the name found at i (hit h), the one whose country the
** document names most: an acronym of two entities weighed by the story's other words
** ("ANA" is All Nippon Airways in a story that names Japan, the Afghan National Army in
** one that names Afghanistan or Kabul). The first loaded when no other country leads. */
static const ne_dentry *homonym(scan *s, size_t i, uint32_t h, uint32_t mask) {
    const ne_dentry *best = neDict_hit_entry(s->e, h);
    const uint32_t named = NE_DM(NE_DT_PERSON) | NE_DM(NE_DT_ORG) | NE_DM(NE_DT_GROUP) | NE_DM(NE_DT_PARTY) |
                           NE_DM(NE_DT_MEDIA); /* not a country, a place or a role: "Georgia" */
    if (!(NE_DM(best->type) & named)) return best;
    uint32_t o = neDict_next_hit(s->e, s->d, i, h, mask & named);
    if (!o) return best;
    const char *bc = neDict_code(s->e, best, s->ymd);
    int bn = -1; /* the evidence for bc, counted once another country is in question */
    for (; o && bc; o = neDict_next_hit(s->e, s->d, i, o, mask & named)) {
        const ne_dentry *x = neDict_hit_entry(s->e, o);
        const char *c = neDict_code(s->e, x, s->ymd);
        if (!c || !strncmp(c, bc, 3)) continue;
        if (bn < 0) bn = country_evidence(s, bc);
        int n = country_evidence(s, c);
        if (n > bn) best = x, bn = n, bc = c;
    }
    return best;
}

/* The longest dictionary name of the types in mask at token i of the
** sentence: its length in tokens (0 when none, or after "non-": "non-BJP
** parties"), and in *x its entry, the homonym the document's countries
** favour (homonym). */
static size_t match(scan *s, size_t i, uint32_t mask, const ne_dentry **x) {
    uint32_t h;
    *x = NULL;
    if (i >= s->b || !(s->dtypes[i] & mask)) return 0; /* no such name here: neDict_longest's own quick test */
    /* "non-BJP parties", "non-sangh parivar leaders": others than the one named */
    if (i >= 2 && is_w(&s->tk[i - 1], "-") && is_w(&s->tk[i - 2], "non")) return 0;
    size_t n = neDict_longest(s->e, s->d, i, s->b, mask, &h);
    if (n) *x = homonym(s, i, h, mask);
    return n;
}

/* Role words at i, possibly several in a row ("military officials"):
** the first one gives the role (*r), the last one the person and number
** (*head, unless NULL: "officials"); returns the tokens covered. */
static size_t match_roles(scan *s, size_t i, const ne_dentry **r, const ne_dentry **head) {
    size_t n = match(s, i, NE_DM(NE_DT_ROLE), r), k;
    const ne_dentry *last = *r, *more;
    while (n && (k = match(s, i + n, NE_DM(NE_DT_ROLE), &more)) > 0) n += k, last = more;
    if (head) *head = last;
    return n;
}

/* The role group of a role entry (its code). */
static const char *role_of(scan *s, const ne_dentry *r) { return neDict_code(s->e, r, 0); }

/* Is the capital x, whose name ends before token k, a town of the same name
** in another country, which the writer names by its state or province after
** a comma ("Paris, Texas", "Moscow, Idaho"; not "Paris, Ile-de-France")?
** Not an item of a list of places ("Tokyo, Buenos Aires and Toronto",
** "Beirut, Bamako, San Bernardino").  Such a town stands for no
** government: its name is left to the place stage. */
static int other_town(scan *s, size_t k, const ne_dentry *x) {
    static const char *const more[] = {"and", "or", "&", NULL};
    const ne_dentry *y, *z;
    size_t n;
    if (x->type != NE_DT_METONYM || k + 1 >= s->b || !is_w(&s->tk[k], ",") ||
        !(n = match(s, k + 1, NE_DM(NE_DT_PLACE), &y)) || y->pkind != NE_PK_REGION)
        return 0;
    size_t e = k + 1 + n; /* after the region */
    if (e < s->b && (is_any(&s->tk[e], more) ||
                     (is_w(&s->tk[e], ",") && match(s, e + 1, NE_DM(NE_DT_PLACE) | NE_DM(NE_DT_COUNTRY), &z))))
        return 0;
    const char *xc = neDict_code(s->e, x, s->ymd), *yc = neDict_code(s->e, y, s->ymd);
    return xc && yc && strncmp(xc, yc, 3);
}

/* A word that may sit between a country and its role ("Pakistani naval officer"). */
static int gap_word(const scan *s, const ne_token *t) {
    return t->shape == NE_SH_LOWER && t->norm_len > 2 && !in_list(s, t, L_GAPSTOP) && !in_list(s, t, L_DET) &&
           !in_list(s, t, L_PRON) && strcmp(t->norm, "'s") != 0;
}

/* Is token k the same word as token i (hash, length, bytes)?  The hashes
** first: the tokens are further away. */
static int same_word(const scan *s, size_t k, size_t i) {
    const ne_token *u = &s->tk[k], *t = &s->tk[i];
    return s->d->nhash[k] == s->d->nhash[i] && u->norm_len == t->norm_len && !memcmp(u->norm, t->norm, t->norm_len);
}

/* Slot of the word of token i in the usage table (its own or an empty one). */
static size_t usage_slot(const scan *s, size_t i) {
    size_t j = s->d->nhash[i] & s->usage_mask;
    while (s->usage_key[j] && !same_word(s, s->usage_key[j] - 1, i)) j = (j + 1) & s->usage_mask;
    return j;
}

/* One pass over the document: for each word, whether it is ever written in
** lower case and whether it is capitalized mid-sentence (linear, so that a
** long document costs no more per word than a short one). */
static int word_usage(scan *s) {
    size_t n = s->d->tokens.n, cap = 64;
    while (cap < 2 * n + 2) cap *= 2;
    s->usage_key = neA_alloc(&s->d->arena, cap * sizeof *s->usage_key);
    s->usage = neA_alloc(&s->d->arena, cap);
    if (!s->usage_key || !s->usage) return NE_NOMEM;
    memset(s->usage_key, 0, cap * sizeof *s->usage_key);
    memset(s->usage, 0, cap);
    s->usage_mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        const ne_token *u = &s->tk[i];
        if (u->shape > NE_SH_MIXED) continue; /* words only */
        size_t j = usage_slot(s, i);
        if (!s->usage_key[j]) s->usage_key[j] = (uint32_t)(i + 1);
        if (u->shape == NE_SH_LOWER) s->usage[j] |= USE_LOWER;
        else if (!(u->flags & NE_TF_SENT_START) && capitalized(u)) s->usage[j] |= USE_MIDCAP;
    }
    return NE_OK;
}

/* Bits of scan.lists beside the L_* lists: parse_at surely finds nothing at
** the token in a sentence of capitals and lower case (surely_none): no
** dictionary name may match there (neDict_token_allowed: an all-lowercase
** word starts many names, "new" of "New York", that want capitals, and
** every dictionary test of parse_at goes through neDict_longest), it is no
** determiner, pronoun, honorific, "former" or opener of a dual noun phrase
** ("both", dual_phrase), and it is not capitalized
** (Q_LOWER) or is (Q_CAP: nothing only in a headline-style sentence, where no
** unknown name starts). */
#define Q_LOWER (1u << 14)
#define Q_CAP (1u << 15)
_Static_assert(L_COUNT <= 14, "the L_* lists and the Q_* bits share scan.lists");

/* lw_lists of token t (ne_hash h), kept in its word memo m (NULL: none):
** the first token of a word (out of line: the memo answers most). */
static __attribute__((noinline)) uint16_t new_lw_lists(const ne_token *t, uint32_t h, ne_wmemo *m) {
    uint16_t b = lw_lists(t->norm, h);
    if (m) m->lists = b, m->known |= NE_WM_LISTS;
    return b;
}

/* lw_lists of token t (ne_hash h) through its word memo m (NULL: none). */
static inline uint16_t word_lw_lists(const ne_token *t, uint32_t h, ne_wmemo *m) {
    if (__builtin_expect(m && (m->known & NE_WM_LISTS), 1)) return m->lists;
    return new_lw_lists(t, h, m);
}

/* The L_* list bits and the Q_* bits of every word of the document
** (scan.lists), and the words capitalized mid-sentence (scan.midcap). */
static int word_lists(scan *s) {
    size_t n = s->d->tokens.n;
    uint16_t *l = neA_alloc(&s->d->arena, (n + 1) * sizeof *l);
    if (!l) return NE_NOMEM;
    pthread_once(&lw_once, lw_build);
    const unsigned starts = 1u << L_DET | 1u << L_PRON | 1u << L_HON | 1u << L_FORMER | 1u << L_DUAL;
    ne_wmemo *const *wm = s->d->wmemo;
    const uint32_t *nh = s->d->nhash;
    const uint16_t *allowed = s->allowed;
    for (size_t i = 0; i < n; i++) {
        const ne_token *t = &s->tk[i];
        unsigned b = word_lw_lists(t, nh[i], wm ? wm[i] : NULL), q = capitalized(t) ? Q_CAP : Q_LOWER;
        l[i] = (uint16_t)(b | ((allowed[i] | (b & starts)) ? 0 : q));
        if (q == Q_CAP && !(t->flags & NE_TF_SENT_START)) ne_ws_add(&s->midcap, nh[i]);
    }
    s->lists = l;
    return NE_OK;
}

/* The first of hashes nh[i..n) that is h, or n.  Eight at a time without a
** branch per hash (the compiler makes each block a few vector compares):
** most blocks of a document hold no token of the word. */
static size_t next_hash(const uint32_t *nh, size_t i, size_t n, uint32_t h) {
    for (; i + 8 <= n; i += 8) {
        unsigned any = 0;
        for (size_t k = 0; k < 8; k++) any |= nh[i + k] == h;
        if (any) break;
    }
    while (i < n && nh[i] != h) i++;
    return i;
}

/* The uses of the word of token w across the document's tokens (same_word,
** as words): -1 when one is in lower case, else how many of them pass
** test(s, i). */
static int word_uses(const scan *s, size_t w, int (*test)(const scan *, size_t)) {
    const uint32_t *nh = s->d->nhash, h = nh[w];
    size_t n = s->d->tokens.n;
    int passed = 0;
    for (size_t i = next_hash(nh, 0, n, h); i < n; i = next_hash(nh, i + 1, n, h)) {
        const ne_token *u = &s->tk[i];
        if (u->shape > NE_SH_MIXED || !same_word(s, i, w)) continue;
        if (u->shape == NE_SH_LOWER) return -1;
        passed += test(s, i);
    }
    return passed;
}

/* Is token i capitalized and not at a sentence start? */
static int midcap_use(const scan *s, size_t i) {
    return !(s->tk[i].flags & NE_TF_SENT_START) && capitalized(&s->tk[i]);
}

/* name_elsewhere from the document's tokens, without the table: the same
** words (same_word) among the words of the document. */
static int name_elsewhere_scan(const scan *s, size_t w) { return word_uses(s, w, midcap_use) > 0; }

/* Questions name_elsewhere answers by a scan of the document before it builds
** the table of every word's usage (word_usage): most documents ask a few, and
** a scan costs less than the table; a long one asking many stays linear. */
#define USAGE_SCANS 16

/* Is the capitalized word w (a sentence-initial candidate) a name elsewhere in
** the document (capitalized mid-sentence) and never written in lower case? */
static int name_elsewhere(scan *s, size_t w) {
    if (!ne_ws_has(&s->midcap, ne_ws_bit(s->d->nhash[w]))) return 0; /* never capitalized mid-sentence */
    if (++s->usage_asked == USAGE_SCANS + 1 && word_usage(s)) s->usage_key = NULL; /* no room: scans go on */
    if (!s->usage_key) return name_elsewhere_scan(s, w);
    uint8_t u = s->usage[usage_slot(s, w)];
    return (u & USE_MIDCAP) && !(u & USE_LOWER);
}

/* A sentence-initial word that reads as a name from what follows: an
** apposition ("Lindqvist, a Swedish journalist") or a speech verb with a
** singular subject ("Lindqvist said"). */
static int name_context(scan *s, size_t i) {
    static const char *const speech[] = {"said", "says", "told", "added", "noted", "warned", "wrote", NULL};
    static const char *const desc[] = {"a", "an", "the", "former", NULL};
    const ne_token *t = &s->tk[i];
    if (i + 1 >= s->b) return 0;
    if (is_w(&s->tk[i + 1], ",")) return i + 2 < s->b && is_any(&s->tk[i + 2], desc);
    return is_any(&s->tk[i + 1], speech) && t->norm[t->norm_len - 1] != 's';
}

/* A nationality adjective right after a one-word capitalized name inside a
** sentence and before a lower-case word that is no role or before
** punctuation ("billionaire Mark Cuban said", "owner Mark Cuban, who", "Tom
** English wrote"), or after a sentence-initial one before an apposition ("Mark
** Cuban, the billionaire owner"): a surname, part of the name, not a
** country.  "Sunni Iraqi lawmakers" (a role follows) stays apart. */
static int surname_demonym(scan *s, size_t i, size_t j, size_t n, const ne_dentry *x) {
    static const char *const ends[] = {",", ":", ";", ".", ")", NULL};
    if (j != i + 1 || n != 1 || x->type != NE_DT_DEMONYM || s->tk[i].shape != NE_SH_CAP || j + 1 >= s->b)
        return 0;
    /* at a sentence start only before an apposition: "Mark Cuban, the billionaire owner" */
    if (s->tk[i].flags & NE_TF_SENT_START) return name_context(s, j);
    const ne_token *t = &s->tk[j + 1];
    if (is_any(t, ends)) return 1; /* "owner Mark Cuban, who", "by Tom English." */
    return t->shape == NE_SH_LOWER && !(s->dtypes[j + 1] & NE_DM(NE_DT_ROLE)) && !in_list(s, t, L_PART);
}

/* Has token t's normalized form two characters (UTF-8 code points) or
** more?  "Â" is one letter in two bytes.  Stops at the second. */
static int two_chars(const ne_token *t) {
    size_t n = 0;
    for (size_t b = 0; b < t->norm_len && n < 2; b++)
        n += ((uint8_t)t->norm[b] & 0xC0) != 0x80;
    return n >= 2;
}

/* Is some token of [i, j) two characters long or more (two_chars)? */
static int any_two_chars(const scan *s, size_t i, size_t j) {
    for (size_t k = i; k < j; k++)
        if (two_chars(&s->tk[k])) return 1;
    return 0;
}

/* Does token i end a name of two capitalized words or more in a sentence not
** in title case ("Hillary Clinton said"): the word before it capitalized and
** no calendar or function word, no capitalized word after it, and neither
** that word nor the one before it starting a body's name ("Clinton
** Foundation", "Fox News") nor the one before it a place's ("New York Post";
** a first name may also name a town: "Mary")? */
static int ends_person_name(const scan *s, size_t i) {
    const uint16_t body = NE_DM(NE_DT_COUNTRY) | NE_DM(NE_DT_DEMONYM) | NE_DM(NE_DT_METONYM) | NE_DM(NE_DT_ORG) |
                          NE_DM(NE_DT_GROUP) | NE_DM(NE_DT_PARTY) | NE_DM(NE_DT_MEDIA);
    const ne_token *u = &s->tk[i], *f = i > 0 ? &s->tk[i - 1] : NULL;
    if (!f || NE_VEC_AT(s->d->sentences, ne_sentence, u->sent)->titlecase || f->sent != u->sent ||
        f->shape != NE_SH_CAP || (u->flags & NE_TF_SENT_START) || in_list(s, f, L_CAL) || in_list(s, f, L_NOSTART))
        return 0;
    if (i + 1 < s->d->tokens.n && s->tk[i + 1].sent == u->sent && capitalized(&s->tk[i + 1])) return 0;
    return !(s->dtypes[i - 1] & body) && !(i >= 2 && (s->dtypes[i - 2] & (body | NE_DM(NE_DT_PLACE))));
}

/* A one-word name in a sentence written in title case, as a headline is
** ("Trump Blasts Clinton Over Emails", "Clinton Breaks With Obama On ..."):
** a capitalized word that ends a person's name in the body (ends_person_name)
** and is never written in lower case.  Coreference links it to that name
** (coref.c title_name).  Returns the name's end, j + 1, or j. */
static size_t title_surname(const scan *s, size_t j) {
    const ne_token *t = &s->tk[j];
    if (t->shape != NE_SH_CAP || t->actor >= 0 || !two_chars(t) || in_list(s, t, L_NOSTART) || in_list(s, t, L_CAL) ||
        in_list(s, t, L_PART))
        return j;
    return word_uses(s, j, ends_person_name) > 0 ? j + 1 : j;
}

/* End of an unknown capitalized name starting at i, or i when none. */
static size_t name_end(scan *s, size_t i) {
    if (s->titlecase || !capitalized(&s->tk[i]) || in_list(s, &s->tk[i], L_NOSTART) ||
        in_list(s, &s->tk[i], L_CAL) || (s->tk[i].flags & NE_TF_ABBREV && s->tk[i].end - s->tk[i].start > 2))
        return i;
    size_t j = i + 1;
    for (;;) {
        if (j >= s->b) break;
        const ne_token *t = &s->tk[j];
        if (t->shape == NE_SH_DASH && !(t->flags & NE_TF_SPACE_BEFORE) && j + 1 < s->b &&
            !(s->tk[j + 1].flags & NE_TF_SPACE_BEFORE) && (capitalized(&s->tk[j + 1]) || in_list(s, &s->tk[j + 1], L_PART))) {
            j++;
            continue;
        }
        if (in_list(s, t, L_PART) && j + 1 < s->b && (capitalized(&s->tk[j + 1]) || s->tk[j + 1].shape == NE_SH_DASH)) {
            j++;
            continue;
        }
        if (!capitalized(t) || in_list(s, t, L_CAL) || t->actor >= 0) break;
        const ne_dentry *x; /* capitalized role words stay inside names: "Lloyds Bank PLC" */
        size_t n = match(s, j, NE_DM_ACTOR, &x);
        if (n && !surname_demonym(s, i, j, n, x)) break; /* "Haqqani Pakistan" stays apart */
        j++;
    }
    while (j > i + 1 && !capitalized(&s->tk[j - 1])) j--; /* no trailing particle or dash */
    if (!any_two_chars(s, i, j)) return i; /* "S and P", "M-3", a stray "Â" of mis-decoded text: letters, not names */
    if (j == i + 1 && (s->tk[i].flags & NE_TF_SENT_START) && !name_context(s, i) && !name_elsewhere(s, i))
        return i; /* name_context first: it reads two tokens, name_elsewhere the document */
    return j;
}

/* Is t a word of the language rather than a name: a function word, a common
** word of the lexicon or a stopword? */
static int common_word(const scan *s, const ne_token *t) {
    return neLemma_class(s->e->lexicon, t->norm, t->norm_len) || neLemma_common(s->e->lexicon, t->norm, t->norm_len) ||
           neW_get(s->e->stopwords, t->norm, t->norm_len, -1);
}

/* A lower-case word that no dictionary knows, of three letters or more and no
** common word: what an unknown name is made of in lower-case text. */
static int plain_name_word(const scan *s, size_t j) {
    const ne_token *t = &s->tk[j];
    return j < s->b && t->shape == NE_SH_LOWER && !s->dtypes[j] && t->norm_len >= 3 && !common_word(s, t);
}

/* A word the dictionaries know only as a place, followed by a plain name word:
** a given name that is also a town's ("home minister govardhan zadhapia":
** Govardhan is a town in Uttar Pradesh). */
static int place_in_name(const scan *s, size_t j) {
    return s->dtypes[j] == NE_DM(NE_DT_PLACE) && j + 1 < s->b && plain_name_word(s, j + 1);
}

/* An inflected verb form ("criticized", "accuses"): the verb of a clause
** whose subject is before it ("Democrats criticized Donald Trump"), no
** description of the name after it. */
static int inflected_verb(const ne_token *t) {
    return (t->tags & NE_TAG_VERB) && ne_inflected(t);
}

/* In lower-case text, an unknown name after a title ("ssp r k singh said",
** "home minister govardhan zadhapia"): up to four words that are initials or
** no common word, function word, stopword or dictionary name, one of them
** of three letters or more; a first name that is also a common word counts
** when such a word follows it ("law minister ram jethmalani", "anil").
** Returns where it ends (k when there is none). */
static size_t caseless_name_end(scan *s, size_t k) {
    size_t j = k;
    int real = 0;
    for (; j < s->b && j < k + 4; j++) {
        const ne_token *t = &s->tk[j];
        if (t->shape != NE_SH_LOWER || (s->dtypes[j] && !place_in_name(s, j))) break;
        if (t->norm_len == 1) continue; /* an initial */
        if (t->norm_len < 3) break;
        /* an inflected verb is no first name: "the minister praised patel" */
        if (common_word(s, t) && !(j == k && j + 1 < k + 4 && !inflected_verb(t) && plain_name_word(s, j + 1))) break;
        real = 1;
    }
    return real ? j : k;
}

/* In lower-case text, is the word at j the last word of an earlier person
** mention of the document that is an unknown or titled name ("ssp r k singh",
** "president mohammad yunus siddiqui") or a dictionary person named in two
** words or more ("samajwadi party leader mulayam singh yadav ... asked yadav",
** as "Yadav" after "Mulayam Singh Yadav" in capitalized text)?  Then it is
** that person again (coreference links it by surname); common words never are. */
static int caseless_surname(const scan *s, size_t j) {
    const ne_token *t = &s->tk[j];
    if (s->caseless != NE_CASELESS_LOWER || t->shape != NE_SH_LOWER || t->norm_len < 3 || s->dtypes[j]) return 0;
    const struct ne_doc *d = s->d;
    /* a dictionary person's surname stands alone, not as a word of a longer unknown
    ** name ("patel nagar", a place) */
    int seen = 0, alone = !plain_name_word(s, j + 1);
    for (size_t m = 0; m < d->actors.n && !seen; m++) {
        const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, m);
        const ne_actor_info *in = NE_VEC_AT(d->actor_info, ne_actor_info, m);
        /* an unknown titled name, or a composed one ("madhya pradesh chief minister digvijay
        ** singh") or a party's titled person ("cpi(m) general secretary harkishen singh
        ** surjeet") that ends in a word no dictionary knows */
        int titled = a->kind == NE_ACTOR_COMPOSED || (a->kind == NE_ACTOR_NAMED && in->person == 1 && in->type == NE_DT_ROLE);
        int listed = alone && a->kind == NE_ACTOR_NAMED && in->type == NE_DT_PERSON;
        if ((a->kind != NE_ACTOR_UNKNOWN && !listed && (!titled || s->dtypes[in->tok_end - 1])) ||
            in->tok_end < in->tok_first + 2 || in->tok_end > j)
            continue;
        const ne_token *last = NE_VEC_AT(d->tokens, ne_token, in->tok_end - 1);
        seen = last->norm_len == t->norm_len && !memcmp(last->norm, t->norm, t->norm_len);
    }
    return seen && !common_word(s, t);
}

/* A dictionary person whose name has a middle initial the dictionary does
** not spell ("Harry M. Reid", "Colin L. Powell": one capital letter and its
** period after the first word) at k; the tokens covered, 0 when none. */
static size_t initial_person(scan *s, size_t k, const ne_dentry **x) {
    const ne_token *t = &s->tk[k + 1];
    uint32_t h;
    *x = NULL;
    if (s->caseless || k + 2 >= s->b || !capitalized(&s->tk[k]) || t->norm_len != 2 || t->norm[1] != '.' ||
        t->shape == NE_SH_LOWER)
        return 0;
    size_t n = neDict_person_skipping(s->e, s->d, k, k + 1, s->b, &h);
    if (n) *x = neDict_hit_entry(s->e, h);
    return n;
}

/* A person's name after a title at k: a dictionary person or an unknown
** capitalized name (in lower-case text, caseless_name_end).  Returns where
** it ends (k when there is none). */
static size_t title_name(scan *s, size_t k, const ne_dentry **person) {
    *person = NULL;
    int lower = s->caseless == NE_CASELESS_LOWER;
    if (k >= s->b || (!capitalized(&s->tk[k]) && !lower)) return k;
    size_t n = match(s, k, NE_DM(NE_DT_PERSON), person);
    if (n || (n = initial_person(s, k, person)) > 0) return k + n;
    return lower ? caseless_name_end(s, k) : name_end(s, k);
}

/* Gives p the person and number of role entry r ("officials": persons,
** plural), typed as a role. */
static void info_from_role(np *p, const ne_dentry *r) {
    p->info.person = r->person ? 1 : 0;
    p->info.plural = r->plural;
    p->info.type = NE_DT_ROLE;
}

/* Does role group g (NULL or "" for none) hold a state office? */
static int state_office(const char *g) {
    return g && (!strcmp(g, "GOV") || !strcmp(g, "LEG") || !strcmp(g, "MIL") || !strcmp(g, "JUD") || !strcmp(g, "COP"));
}

/* "President Evo Morales", "Senator Hillary Clinton": a title naming an
** office (GOV, MIL, LEG, JUD, COP) that the dictionary person held gives that
** office's code when the article date (or its absence: the latest code)
** picked another; "former" titles keep the date's reading. */
static void titled_office(scan *s, np *p, const ne_dentry *title) {
    const char *role = role_of(s, title);
    if (!role || p->info.former || !strcmp(p->role, role)) return;
    /* an international organization's officer at the date holds the office the title names
    ** ("European Commissioner for Competition Neelie Kroes" IGOEEC, not her earlier Dutch GOV) */
    if (!strncmp(p->country, "IGO", 3)) return;
    if (!state_office(role)) return;
    const char *code = neDict_code_role(s->e, p->ent, role, s->ymd);
    if (!code) return;
    p->code = code;
    split_code(s->e, p);
}

/* After a capitalized person title ending at k, "for", its portfolio (up to five
** capitalized words, with and/of/the before and between them) and a dictionary person: where the
** person starts, so that title, portfolio and name are one mention ("European
** Commissioner for Competition Neelie Kroes", "Minister for Foreign Affairs and Trade
** Julie Bishop"); k when there is none ("a spokesman for Republican Donald Trump" is
** no title: lower case). */
static size_t portfolio_end(scan *s, size_t k) {
    if (s->caseless || k + 2 >= s->b || !is_w(&s->tk[k], "for") || !capitalized(&s->tk[k - 1]) ||
        !(capitalized(&s->tk[k + 1]) || is_w(&s->tk[k + 1], "the")))
        return k;
    for (size_t j = k + 2; j < s->b && j <= k + 6; j++) {
        const ne_token *t = &s->tk[j - 1];
        const ne_dentry *y;
        if (!capitalized(t) && !is_w(t, "and") && !is_w(t, "of") && !is_w(t, "the")) return k;
        if (match(s, j - 1, NE_DM(NE_DT_PERSON) | NE_DM(NE_DT_PARTY), &y)) return k; /* a name, no portfolio */
        if (capitalized(&s->tk[j]) && match(s, j, NE_DM(NE_DT_PERSON), &y)) return j;
    }
    return k;
}

/* After a role ending at k: a title followed by a name ("Foreign Minister
** Hossein Amir-Abdollahian") makes the name the head. */
static void role_then_name(scan *s, np *p, size_t k, const ne_dentry *r) {
    const ne_dentry *person;
    if (r->person) k = portfolio_end(s, k);
    size_t te = r->person ? title_name(s, k, &person) : k;
    /* one unknown word after a lower-case role is no titled name ("radical Islamic") */
    if (te == k || (!person && te == k + 1 && !capitalized(&s->tk[k - 1]) && s->caseless != NE_CASELESS_LOWER))
        return;
    /* a capitalized civilian word is no title of an unknown name ("National Highway Traffic Safety
    ** Administration"); a lower-case one is ("9/11 widow Terry Strada", "voter Jane Smith": CVL),
    ** in lower-case text too ("mahant ramchandra paramhans das"), but not in all-capitals text */
    const char *role = role_of(s, r);
    if (!person && role && !strcmp(role, "CVL") && (capitalized(&s->tk[k - 1]) || s->caseless == NE_CASELESS_UPPER)) return;
    if (person) {
        size_t st = p->start;
        np_from_entry(s, p, person);
        p->start = st;
        titled_office(s, p, r);
    } else if (!p->code) {
        p->kind = NE_ACTOR_UNKNOWN;
    }
    p->info.person = 1;
    p->info.plural = 0;
    p->end = te;
}


/* "Republican contender Donald Trump", "American billionaire Elon Musk",
** "Democrat Hillary Clinton", "GOP candidate Dr. Ben Carson": a party or
** nationality, up to three lower-case words that name no role, an honorific,
** then a dictionary person: the person is the mention (from the first word, so
** that the clause sees one actor).  Returns 1 when p became the person. */
static int person_after(scan *s, np *p, size_t k) {
    const ne_dentry *y;
    size_t at = k;
    while (at < s->b && at < k + 3 && gap_word(s, &s->tk[at]) && !match(s, at, NE_DM(NE_DT_ROLE), &y) &&
           !inflected_verb(&s->tk[at]))
        at++;
    if (at >= s->b) return 0;
    if (at + 1 < s->b && in_list(s, &s->tk[at], L_HON)) at++; /* "GOP presidential candidate Dr. Ben Carson" */
    size_t yn = match(s, at, NE_DM(NE_DT_PERSON), &y);
    if (!yn) return 0;
    size_t st = p->start;
    np_from_entry(s, p, y);
    p->start = st;
    p->end = at + yn;
    return 1;
}

/* Is the run of rn role words at k a party's or an organization's own office
** ("BJP president", "Congress spokesman", "samajwadi party leader"): every word one of
** the office words below, written in lower case (or in caseless text)?  A
** capitalized title names the state's office ("Republican President George W.
** Bush"); "chief minister" or "secretary of state" hold other words. */
static int party_office(const scan *s, size_t k, size_t rn) {
    static const char *const office[] = {"president", "vice", "vice-president", "working", "chief", "spokesman",
                                         "spokesperson", "spokeswoman", "chairman", "chairperson", "chairwoman",
                                         "chair", "secretary", "general", "treasurer", "leader", "convenor",
                                         "convener", "supremo", "-", NULL};
    for (size_t i = k; i < k + rn; i++)
        if (!is_any(&s->tk[i], office) || (s->caseless != NE_CASELESS_LOWER && capitalized(&s->tk[i]))) return 0;
    return rn > 0;
}

/* Do the role words [k, k+rn) name a party's own leadership, not its
** government: "Republican leaders", "BJP officials", "Communist Party
** leadership", "Congress spokesman" (the office words of party_office and
** their plurals), while "BJP government", "Labour ministers" name the
** executive (docs/ANNOTATION.md rule 9). */
static int party_body(const scan *s, size_t k, size_t rn) {
    static const char *const body[] = {"leaders", "leadership", "official", "officials", "top", "senior",
                                       "spokesmen", "spokespersons", "spokespeople", "chiefs", NULL};
    for (size_t i = k; i < k + rn; i++)
        if (!party_office(s, i, 1) &&
            (!is_any(&s->tk[i], body) || (s->caseless != NE_CASELESS_LOWER && capitalized(&s->tk[i]))))
            return 0;
    return rn > 0;
}

int neActor_government_word(const char *w) {
    static const char *const exec[] = {"government", "governments", "administration", "regime", "cabinet",
                                       "ministry", "ministries", "minister", "ministers", NULL};
    return ne_word_in(w, exec);
}

/* Do the role words [k, k+rn) end in a word naming a government: "BJP
** government", "Labour administration", "Likud cabinet", "BJP state
** government", "Congress ministers"?  A party's government is one it leads,
** nationally or in a state, now or in the past, and CAMEO codes governments
** GOV whoever is in power at the article's date (docs/ANNOTATION.md rule 9). */
static int party_executive(const scan *s, size_t k, size_t rn) {
    return rn > 0 && neActor_government_word(s->tk[k + rn - 1].norm);
}

/* Does dictionary person x hold a state office at the article's date (a
** range of theirs contains it, with a GOV, LEG, MIL, JUD or COP role)?  Not
** between two offices: "trinamul congress leader mamata banerjee" in 2002,
** between her two ministries, is her party's. */
static int holds_office(scan *s, const ne_dentry *x) {
    if (!neDict_in_range(s->e, x, s->ymd)) return 0;
    np q;
    memset(&q, 0, sizeof q);
    q.code = neDict_code(s->e, x, s->ymd);
    split_code(s->e, &q);
    return state_office(q.role);
}

/* A party's or organization's officer ("BJP president Venkaiah Naidu",
** "Congress spokesman Abhishek Singhvi"): p (the party or organization, its
** run of office words r ending at p->end) takes the name after the title
** into the mention and keeps its own code, as CAMEO codes an organization's
** officers by it (docs/ANNOTATION.md rule 9: a party named as such is PTY),
** unless it is a dictionary person holding a state office at the article's
** date (its own code: ministers are GOV, MPs LEG).  The mention is the
** person: a dictionary person's name, or the text. */
static void own_officer(scan *s, np *p, const ne_dentry *r) {
    np keep = *p;
    role_then_name(s, p, p->end, r);
    const ne_dentry *person = p->ent && p->ent->type == NE_DT_PERSON ? p->ent : NULL;
    if (person && holds_office(s, person)) return; /* "Democratic president Barack Obama" in 2016: the state's */
    uint8_t gender = person ? p->info.gender : 0; /* "he" may refer to it */
    size_t e = p->end;
    *p = keep;
    info_from_role(p, r);
    p->end = e;
    p->ent = person;
    /* an unknown name: in lower-case text the organization's mention, named, as before the
    ** name ("vhp vice-president acharya giriraj kishore"; caseless_surname), else its text */
    if (person || s->caseless != NE_CASELESS_LOWER) p->kind = person ? NE_ACTOR_NAMED : NE_ACTOR_COMPOSED;
    else p->ent = keep.ent;
    if (person) p->info.type = NE_DT_PERSON;
    p->info.gender = gender;
}

/* An armed group followed by its members ("al Shabaab fighters", "Hamas
** militants"), or an organization or group by its activists, workers or
** cadres ("VHP activists"): one mention, the group's code. */
static void group_members(scan *s, np *p) {
    const ne_dentry *r, *head;
    if (!p->ent || (p->ent->type != NE_DT_GROUP && p->ent->type != NE_DT_ORG) || !p->code) return;
    size_t rn = match_roles(s, p->end, &r, &head);
    const char *role = rn ? role_of(s, r) : NULL;
    if (!role) return;
    /* an organization's or group's activists, workers, cadres ("VHP activists") */
    int own = !strcmp(role, "OPP") || !strcmp(role, "LAB") || !strcmp(role, "PTY");
    int armed = p->ent->type == NE_DT_GROUP && p->role[0] &&
                (!strcmp(role, "REB") || !strcmp(role, "INS") || !strcmp(role, "SEP") || !strcmp(role, "UAF") ||
                 !strcmp(role, "RAD") || !strcmp(role, "MIL"));
    /* in caseless text an organization's titled officer ("vhp leader ashok singhal",
    ** "vhp president"): the organization's, as CAMEO codes its members */
    int office = !own && !armed && !strcmp(role, "GOV") && party_office(s, p->end, rn);
    int officer = !own && !armed && (s->caseless == NE_CASELESS_LOWER || office) && !strcmp(role, "GOV");
    if (!own && !armed && !officer) return;
    r = head;
    if ((officer && !r->person) || (!r->plural && !r->person)) return;
    /* a company's workers are its country's labour ("GM workers" USALAB), not the company */
    if (!strcmp(role, "LAB") && !strcmp(p->role, "BUS") && strlen(p->country) == 3) {
        char cc[4];
        memcpy(cc, p->country, 4);
        compose(s, p, cc, "LAB", 0);
    }
    p->end += rn;
    p->info.person = r->person ? 1 : 0;
    p->info.plural = r->plural;
    p->info.type = NE_DT_ROLE;
    /* "cpi(m) general secretary harkishen singh surjeet": the organization's, named, so
    ** that "surjeet" later is this person again (caseless_surname) */
    if (r->person && office) own_officer(s, p, r); /* "Congress president Sonia Gandhi": the organization's */
    else if (r->person && (own || officer) && s->caseless == NE_CASELESS_LOWER) role_then_name(s, p, p->end, r);
}

/* "European auto maker Fiat", "German airline Lufthansa": a nationality and a
** trade word (a BUS role) right before a named organization describe it; the
** organization is the mention, with its own code (Fiat is Italian), from the
** first word so that the clause sees one actor. */
static void firm_after(scan *s, np *p) {
    const ne_dentry *y;
    size_t yn = strcmp(p->role, "BUS") ? 0 : match(s, p->end, NE_DM(NE_DT_ORG), &y);
    if (!yn) return;
    size_t st = p->start, e = p->end + yn;
    np_from_entry(s, p, y);
    p->start = st;
    p->end = e;
}

/* A person's followers: a dictionary person followed by plural civilian role
** words ("Sanders supporters", "Trump voters") is one mention of those
** people, civilians of the person's country (docs/ANNOTATION.md rules 3 and
** 9), not the person. */
static void person_followers(scan *s, np *p) {
    const ne_dentry *r, *head;
    if (!p->ent || p->ent->type != NE_DT_PERSON || !p->country[0]) return;
    size_t rn = match_roles(s, p->end, &r, &head);
    const char *role = rn ? role_of(s, r) : NULL;
    if (!role || strcmp(role, "CVL")) return;
    r = head;
    if (!r->plural) return;
    char cc[4];
    memcpy(cc, p->country, 4);
    compose(s, p, cc, role, 0);
    info_from_role(p, r);
    p->end += rn;
}

/* A government named by its head: dictionary person p (its entry a person)
** holding a government office (GOV) followed by "'s" and government role words that name no one
** person ("Obama's administration", "Merkel's government") is one mention of
** that government, COUNTRY + GOV, which "it" may stand for ("U.S. President
** Barack Obama's administration said it would not give more aid"), not the
** person; "Obama's spokesman" stays the person's. */
static __attribute__((noinline)) void person_government(scan *s, np *p) {
    const ne_dentry *r, *head;
    if (strcmp(p->role, "GOV") || p->end + 1 >= s->b || !is_w(&s->tk[p->end], "'s")) return;
    size_t rn = match_roles(s, p->end + 1, &r, &head);
    const char *role = rn ? role_of(s, r) : NULL;
    if (!role || strcmp(role, "GOV") || head->person) return;
    char cc[4];
    memcpy(cc, p->country, 4);
    compose(s, p, cc, role, 0);
    info_from_role(p, head);
    p->end += 1 + rn;
}

/* Country cc and the run of rn role words at token at (r the first one's
** entry, head the last one's: match_roles) as one mention: composed, with
** the person and number of the last role word, ending after the run or
** after a name that follows it. */
static void country_role(scan *s, np *p, const char *cc, size_t at, size_t rn, const ne_dentry *r,
                         const ne_dentry *head, int former) {
    compose(s, p, cc, role_of(s, r), former);
    info_from_role(p, head);
    p->end = at + rn;
    role_then_name(s, p, p->end, head);
}

/* Is token i "and" or "or" (a coordination inside a noun group)? */
static int coord_word(const scan *s, size_t i) {
    return i < s->b && (is_w(&s->tk[i], "and") || is_w(&s->tk[i], "or"));
}

/* Is t a plain lower-case word (gap_word) in -s, a plural noun that may head
** a coordinated group ("helicopters", "tanks")? */
static int plain_plural(const scan *s, const ne_token *t) {
    return gap_word(s, t) && t->norm[t->norm_len - 1] == 's';
}

/* Plural role words after a plain plural noun and its "and"/"or" at i, the
** noun group a demonym governs ("Israeli [helicopters and] tanks": the tanks
** are Israel's too)?  Returns the tokens from i to the role words (0: none);
** sets *r and *head as match_roles does. */
static size_t coord_roles(scan *s, size_t i, const ne_dentry **r, const ne_dentry **head) {
    const ne_token *t = i < s->b ? &s->tk[i] : NULL;
    if (!t || !plain_plural(s, t) || !coord_word(s, i + 1)) return 0;
    size_t rn = match_roles(s, i + 2, r, head);
    const ne_token *last = rn ? &s->tk[i + 1 + rn] : NULL; /* a plural too: not "lives and national security" */
    return last && last->norm[last->norm_len - 1] == 's' ? 2 : 0;
}

/* After role words ending at p->end, an "and"/"or" and one plain plural
** noun that is no role belong to the same noun group, which the demonym
** governs too ("Israeli tanks [and helicopters]"); not when a role follows
** that noun ("US troops and allied fighters" are two groups). */
static void coord_tail(scan *s, np *p) {
    const ne_dentry *y;
    size_t i = p->end + 1;
    if (!coord_word(s, p->end) || i >= s->b) return;
    const ne_token *t = &s->tk[i];
    if (!plain_plural(s, t) || match_roles(s, i, &y, NULL)) return;
    if (i + 1 < s->b && match_roles(s, i + 1, &y, NULL)) return;
    p->end = i + 1;
}

/* Country, demonym or metonym x (n tokens at j) followed by role words,
** "-based", or a named organization.  Returns 1 when it composed. */
static int country_led(scan *s, np *p, size_t j, size_t n, const ne_dentry *x, int former) {
    const char *cc = neDict_code(s->e, x, s->ymd);
    const ne_token *tk = s->tk;
    size_t k = j + n, rn;
    const ne_dentry *r, *head, *y;
    if (!cc) return 0;
    if (k + 1 < s->b && tk[k].shape == NE_SH_DASH && is_w(&tk[k + 1], "based")) {
        k += 2;
        rn = match_roles(s, k, &r, NULL);
        compose(s, p, cc, rn ? role_of(s, r) : NULL, former);
        p->info.person = rn ? r->person : 2;
        p->end = rn ? k + rn : (k < s->b && gap_word(s, &tk[k]) ? k + 1 : k);
        return 1;
    }
    /* "Somalia's al Shabaab": a country's own organization or group is that organization */
    size_t own = x->type == NE_DT_COUNTRY && k + 1 < s->b && is_w(&tk[k], "'s") ? 1 : 0;
    size_t yn = x->type == NE_DT_DEMONYM || own ? match(s, k + own, NE_DM(NE_DT_ORG) | NE_DM(NE_DT_GROUP) | NE_DM(NE_DT_PARTY), &y) : 0;
    if (yn) { /* "Afghan Taliban"; "Pakistani Taliban" keeps its country and the group's role */
        size_t st = p->start;
        np_from_entry(s, p, y);
        p->start = st;
        if (strncmp(p->country, cc, 3) && p->role[0]) compose(s, p, cc, p->role, 0);
        p->end = k + own + yn;
        group_members(s, p);
        return 1;
    }
    size_t at = k;
    int poss = at < s->b && is_w(&tk[at], "'s");
    if (poss) at++;
    rn = match_roles(s, at, &r, &head);
    if (!rn && (poss || x->type == NE_DT_DEMONYM) && at + 1 < s->b && gap_word(s, &tk[at]) &&
        (rn = match_roles(s, at + 1, &r, &head)) > 0)
        at++;
    size_t co = !rn && x->type == NE_DT_DEMONYM && !poss ? coord_roles(s, at, &r, &head) : 0;
    if (co) at += co, rn = match_roles(s, at, &r, &head);
    if (!rn) return x->type == NE_DT_DEMONYM && !poss && person_after(s, p, k);
    country_role(s, p, cc, at, rn, r, head, former);
    if (x->type == NE_DT_DEMONYM && !poss && p->end == at + rn) coord_tail(s, p);
    firm_after(s, p);
    return 1;
}

/* A party x (p, ending at p->end) followed by role words is one mention
** (docs/ANNOTATION.md rule 9): "Republican leaders" and "Democratic
** officials" keep the party's code (its GOVPTY while it governs; "the BJP
** government", "Labour ministers" are COUNTRY + GOV);
** "Republican lawmakers" are COUNTRY + LEG, "Democratic voters" COUNTRY +
** CVL; its activists, workers and cadres ("BJP activists") the party itself;
** a title and a name ("Republican Secretary of State Jon Husted") COUNTRY +
** GOV, or the dictionary person's own code. */
static void party_roles(scan *s, np *p) {
    const ne_dentry *r, *head;
    size_t k = p->end, rn = match_roles(s, k, &r, &head);
    if (!rn) return;
    const char *role = role_of(s, r);
    char cc[4];
    memcpy(cc, p->country, 4);
    r = head;
    const ne_dentry *party = p->ent;
    p->end = k + rn;
    /* the party's own people: "BJP activists", "Congress workers", "party cadres" are the party */
    if (role && (!strcmp(role, "OPP") || !strcmp(role, "LAB") || !strcmp(role, "PTY"))) {
        info_from_role(p, r);
        return;
    }
    if (role && !strcmp(role, "GOV") && r->person && party_office(s, k, rn)) {
        own_officer(s, p, r); /* "BJP president Venkaiah Naidu": the party */
        return;
    }
    if (!role || strcmp(role, "GOV")) {
        compose(s, p, cc, role, 0);
        info_from_role(p, r);
        /* "Democratic Sen. Claire McCaskill": the title's name is the mention, the
        ** dictionary person's own code when it has one, else COUNTRY + the title's role */
        if (role && r->person) role_then_name(s, p, p->end, r);
        return;
    }
    info_from_role(p, r);
    p->kind = NE_ACTOR_COMPOSED;
    int governs = p->code && strstr(p->code, "GOVPTY") != NULL;
    role_then_name(s, p, p->end, r);
    /* a titled name ("Republican Secretary of State Jon Husted"), or the
    ** government of a party in power ("Labour ministers"), or a government the
    ** party leads, in power nationally or not ("the BJP government" of Gujarat
    ** in 2008, the BJP in opposition): the government; the party's own leaders
    ** and officials ("Republican Party leaders" in 2008) stay the party, as rule 9 codes a party named as such
    ** and CAMEO 3.1.4 codes its members outside the executive (PTY) */
    if (p->ent == party && (p->end > k + rn || party_executive(s, k, rn) || (governs && !party_body(s, k, rn))))
        compose(s, p, cc, "GOV", 0);
}

/* Are the words [j, e) the subject of the verb right after them, opening its
** clause: an auxiliary or an inflected verb follows ("sued", "has"; not a noun
** that may be a verb: "his Hawaii vacation", nor a speech cue), and the words
** come after a sentence start, a comma, a dateline's colon or a conjunction, not
** inside a noun group ("Palestinians of the Israeli-occupied West Bank shunned
** work") nor after a determiner or possessive (region_subject, bare_group)? */
static int clause_subject(const scan *s, size_t j, size_t e) {
    if (e >= s->b) return 0;
    const ne_token *t = &s->tk[e];
    if (t->shape != NE_SH_LOWER || (t->tags & NE_TAG_CUE) ||
        !((t->tags & NE_TAG_AUX) || ((t->tags & NE_TAG_VERB) && ne_inflected(t))))
        return 0;
    static const char *const opens[] = {"and", "but", "while", "when", "after", "before", "as", "that", NULL};
    const ne_token *b = j > 0 ? &s->tk[j - 1] : NULL;
    return !(b && b->sent == s->tk[j].sent && !(b->shape == NE_SH_PUNCT && (is_w(b, ",") || is_w(b, ":"))) &&
             !is_any(b, opens));
}

/* May role words at j (rn tokens, head r, role group role) stand alone with
** no determiner?  Plural words ("protesters", "soldiers") and the armed and
** police collectives ("police", "army"); not one-word roles that are also
** adjectives ("made public", "the faithful", "elite units"). */
static int bare_group(const scan *s, size_t j, size_t rn, const ne_dentry *r, const char *role) {
    static const char *const adjectival[] = {"public", "faithful", "elite", "daily", "press", NULL};
    if (r->person || (rn == 1 && is_any(&s->tk[j], adjectival))) return 0;
    /* not a modifier of a name or a part of one: "watchdog Amnesty International",
    ** "Vietnamese-led armed forces"; a day or month after it is no name ("met with
    ** state lawmakers Monday", "officials Tuesday said") */
    if (j + rn < s->b && capitalized(&s->tk[j + rn]) && !s->caseless && !in_list(s, &s->tk[j + rn], L_CAL))
        return 0;
    static const char *const units[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", NULL};
    /* "sixty-three people" is a count; a spaced dash is none ("WASHINGTON (AP) - Police arrested") */
    if (j > s->a && ((s->tk[j - 1].shape == NE_SH_DASH && !(s->tk[j].flags & NE_TF_SPACE_BEFORE)) ||
                     (j > s->a + 1 && s->tk[j - 2].shape == NE_SH_DASH && !(s->tk[j - 1].flags & NE_TF_SPACE_BEFORE))) &&
        !is_any(&s->tk[j - 1], units))
        return 0;
    if (r->plural) return 1;
    /* in lower-case text a body named by a role of two words or more as the subject of its clause
    ** ("union home ministry had asked the authorities", "district administration has asked") */
    if (s->caseless == NE_CASELESS_LOWER && rn >= 2 && clause_subject(s, j, j + rn)) return 1;
    /* in lower-case text a role word with a local reading names that actor alone
    ** ("congress on monday criticised ...": roles.txt `in=IND:PTY`, coref.c local_role) */
    if (r->admin1 && s->caseless == NE_CASELESS_LOWER) return 1;
    /* a collective before a plural noun modifies it ("military drills") */
    if (j + rn < s->b && s->tk[j + rn].shape == NE_SH_LOWER) {
        const ne_token *t = &s->tk[j + rn];
        if (t->norm_len > 3 && t->norm[t->norm_len - 1] == 's' && !(t->tags & NE_TAG_VERB)) return 0;
        if (t->norm_len > 3 && t->norm[t->norm_len - 1] == 's' && ne_inflected(t)) return 0;
    }
    /* a collective whose demand, proposal or charge is named ("rejecting opposition demand for
    ** his resignation", "turned down government proposals"): the collective is the party to it */
    static const char *const asks[] = {"demand", "demands", "request", "requests", "proposal", "proposals", "offer",
                                       "offers", "plea", "pleas", "allegation", "allegations", "charge", "charges",
                                       NULL};
    if (j + rn < s->b && is_any(&s->tk[j + rn], asks)) return 1;
    return role && (!strcmp(role, "COP") || !strcmp(role, "MIL"));
}

/* May a role word start at token j (< s->b)?  Most tokens start no dictionary
** role: role_led is not called for them. */
static int may_role(const scan *s, size_t j) { return (s->dtypes[j] & NE_DM(NE_DT_ROLE)) != 0; }

/* Is the word before j part of an organization, party, group or media
** mention ("vhp leader ashok singhal": the leader is the VHP's, not an
** office holder of the country)? */
static int org_before(const scan *s, size_t j) {
    if (j == 0 || s->tk[j - 1].actor < 0) return 0;
    const ne_actor_info *in = NE_VEC_AT(s->d->actor_info, ne_actor_info, (size_t)s->tk[j - 1].actor);
    return in->type == NE_DT_ORG || in->type == NE_DT_PARTY || in->type == NE_DT_GROUP || in->type == NE_DT_MEDIA;
}

/* Is t a verb's -ing form, which after "of" opens a clause ("accused the
** Centre of neglecting farmers") unless a plural group word comes before it
** ("a delegation of striking workers")? */
static int gerund(const ne_token *t) {
    return (t->tags & NE_TAG_VERB) && ne_ing_form(t);
}

/* The members a group word names after its "of" at m ("a delegation of sena
** mps", "a team of doctors"): up to two modifier words that are no role or
** mention, then plural role words; their role group, or NULL. */
static const char *members_of(scan *s, size_t m) {
    size_t at = m;
    while (at < s->b && at < m + 2 && gap_word(s, &s->tk[at]) && !may_role(s, at) && s->tk[at].actor < 0) at++;
    const ne_dentry *y, *head;
    size_t yn = at < s->b ? match_roles(s, at, &y, &head) : 0;
    if (!yn || !head->plural) return NULL;
    return role_of(s, y);
}

/* An office's portfolio and then its country after role words ending at k:
** "minister of trade for Indonesia", "minister for home affairs of India"
** ("of" or "for", one to three portfolio words, "for" or "of", a country or
** its adjective).  Composes the country with role and returns 1, or 0. */
static int portfolio_country(scan *s, np *p, size_t k, const char *role, int former) {
    if (k + 3 >= s->b || !(is_w(&s->tk[k], "of") || is_w(&s->tk[k], "for"))) return 0;
    size_t m = k + 1, words = 0;
    while (m < s->b && words < 4 && (gap_word(s, &s->tk[m]) || is_w(&s->tk[m], "and") ||
                                     (s->tk[m].shape == NE_SH_CAP && !in_list(s, &s->tk[m], L_GAPSTOP))))
        m++, words++;
    if (!words || words > 3 || m + 1 >= s->b || !(is_w(&s->tk[m], "of") || is_w(&s->tk[m], "for"))) return 0;
    if (in_list(s, &s->tk[++m], L_DET)) m++;
    const ne_dentry *y;
    if (!match(s, m, NE_DM(NE_DT_COUNTRY) | NE_DM(NE_DT_DEMONYM), &y)) return 0;
    const char *cc = neDict_code(s->e, y, s->ymd);
    if (!cc || strlen(cc) != 3) return 0;
    compose(s, p, cc, role, former);
    return 1;
}

/* An actor of the types in mask after "of" at k, over a determiner ("of
** Pakistan", "of the Kremlin", "of Sanders"): its length, 0 when there is
** none or it is a town a state follows ("the mayor of Paris, Texas"); where
** it starts in *at (after the determiner), its entry in *y and its mention
** in q (a country or metonym leads its country, country_led). */
static size_t actor_after_of(scan *s, size_t k, uint32_t mask, size_t *at, const ne_dentry **y, np *q) {
    size_t m = k + 1;
    if (m < s->b && in_list(s, &s->tk[m], L_DET)) m++;
    *at = m;
    size_t yn = match(s, m, mask, y);
    if (!yn || other_town(s, m + yn, *y)) return 0;
    memset(q, 0, sizeof *q);
    if (!((*y)->type <= NE_DT_METONYM && country_led(s, q, m, yn, *y, 0))) np_from_entry(s, q, *y);
    return yn;
}

/* "ROLE of ACTOR" after role words that end at k (r the last of them, role
** their role group): the actor's country with the role ("the foreign
** minister of Pakistan"), the actor's own role after "former" ("former
** general of the army"), a civilian following of a person ("supporters of
** Sanders"), else the actor's code; with no actor after "of", the role of
** the members named there, as a nominal coded later ("a delegation of sena
** mps").  Returns 1 when p holds a mention. */
static int role_of_actor(scan *s, np *p, size_t k, const ne_dentry *r, const char *role, int former) {
    if (k + 1 >= s->b || !is_w(&s->tk[k], "of")) return 0;
    const ne_dentry *y;
    size_t m;
    np q;
    size_t yn = actor_after_of(s, k, NE_DM_ACTOR, &m, &y, &q);
    if (yn) {
        if (q.country[0]) {
            if (y->type <= NE_DT_METONYM) compose(s, p, q.country, q.role[0] ? q.role : role, former);
            else if (former && q.role[0]) compose(s, p, q.country, q.role, former); /* "former general of the army" */
            else if (y->type == NE_DT_PERSON && role && !strcmp(role, "CVL"))
                compose(s, p, q.country, role, 0); /* "supporters of Sanders" */
            else {
                p->code = q.code;
                memcpy(p->country, q.country, 4);
                memcpy(p->role, q.role, 4);
                p->kind = NE_ACTOR_COMPOSED;
            }
            return 1;
        }
    }
    const char *mrole = !yn && !r->person && (r->plural || !gerund(&s->tk[m])) ? members_of(s, m) : NULL;
    if (!mrole) return 0;
    compose(s, p, NULL, mrole, former); /* "a delegation of sena mps": the members' role, a nominal coded later */
    p->kind = NE_ACTOR_NOMINAL;
    p->code = NULL;
    return 1;
}

/* Is the group whose role words start at j the object of a verb before it
** (over a determiner or a number): "withdrew troops from Afghanistan",
** "evacuated 300 citizens from Lebanon" (there "from" names where they
** were taken from, not where they come from)? */
static int verb_object_group(const scan *s, size_t j) {
    size_t i = j;
    while (i > s->a && (in_list(s, &s->tk[i - 1], L_DET) || s->tk[i - 1].shape == NE_SH_NUM)) i--;
    return i > s->a && (s->tk[i - 1].tags & NE_TAG_VERB) && !capitalized(&s->tk[i - 1]);
}

/* "officials from Japan", "a delegation from India", "troops from Chad":
** role words starting at j and ending at k, then "from" and a country or
** its seat (over a determiner): the group comes from that country and
** takes it with its own role, unless the group is a verb's object
** (verb_object_group).  Returns 1 when p holds a mention. */
static int role_from_country(scan *s, np *p, size_t j, size_t k, const char *role, int former) {
    if (!role || k + 1 >= s->b || !is_w(&s->tk[k], "from") || verb_object_group(s, j)) return 0;
    const ne_dentry *y;
    size_t m;
    np q;
    if (!actor_after_of(s, k, NE_DM(NE_DT_COUNTRY) | NE_DM(NE_DT_METONYM), &m, &y, &q) || !q.country[0] ||
        neDict_is_intl(s->e, q.country))
        return 0;
    compose(s, p, q.country, role, former);
    return 1;
}

/* A title and a name no dictionary knows, then "of" and a country or its seat
** of government ("Defense Minister Kwame Boateng of Ghana", "Foreign Minister
** Ahmed Gheit of Egypt": how newspapers name foreign officials): p, the titled
** name ending before "of", takes that country with the title's role.  Returns
** 1 when composed, 0 when p has a code already or no country follows. */
static int titled_name_of_country(scan *s, np *p, const char *role, int former) {
    size_t k = p->end, m;
    if (p->code || k + 1 >= s->b || !is_w(&s->tk[k], "of")) return 0;
    const ne_dentry *y;
    np q;
    if (!actor_after_of(s, k, NE_DM(NE_DT_COUNTRY) | NE_DM(NE_DT_METONYM), &m, &y, &q)) return 0;
    if (!q.country[0] || neDict_is_intl(s->e, q.country)) return 0;
    compose(s, p, q.country, role, former);
    return 1;
}

/* Role words at j: a title before a name, "ROLE of ACTOR" (role_of_actor),
** a definite nominal ("the militants"), or a bare group ("police",
** "protesters": plural or collective role words with no determiner;
** docs/DICTIONARIES.md, "Matching rules").  Returns 1 when p holds a
** mention. */
static int role_led(scan *s, np *p, size_t j, int definite, int bare, int former) {
    const ne_dentry *r, *head, *y;
    size_t rn = match_roles(s, j, &r, &head);
    if (!rn) return 0;
    size_t k = j + rn;
    const char *role = role_of(s, r);
    r = head;
    info_from_role(p, r);
    p->end = k;
    if (r->person && k < s->b && (capitalized(&s->tk[k]) || (s->caseless == NE_CASELESS_LOWER && !org_before(s, j)))) {
        copy3(p->role, former_role(role, former)); /* "former union law minister ram jethmalani": ELI */
        role_then_name(s, p, k, r);
        if (p->end > k) {
            titled_name_of_country(s, p, role, former);
            return 1;
        }
        /* "The National Highway Traffic Safety Administration": a capitalized civilian word
        ** before a capitalized name is part of the name */
        if (role && !strcmp(role, "CVL") && capitalized(&s->tk[j])) return 0;
    }
    if (role_of_actor(s, p, k, r, role, former)) return 1;
    if (portfolio_country(s, p, k, role, former)) return 1;
    if (role_from_country(s, p, j, k, role, former)) return 1;
    if (!definite && !(bare && bare_group(s, j, rn, r, role))) return 0;
    if (k < s->b && capitalized(&s->tk[k]) && match(s, k, NE_DM_ACTOR, &y)) return 0; /* "the radical Palestinian Islamic Jihad" */
    p->kind = NE_ACTOR_NOMINAL;
    compose(s, p, NULL, role, former); /* only for the role: nominals get their code by coreference */
    p->kind = NE_ACTOR_NOMINAL;
    p->code = NULL;
    return 1;
}

/* "a judge", "a federal judge in Texas", "an unarmed black teenager": an
** indefinite person role, with at most two lower-case modifier words, is a
** nominal (its country comes from a place after it or the main country,
** docs/DICTIONARIES.md). */
static int indefinite_person(scan *s, np *p, size_t j, int former) {
    for (size_t at = j; at <= j + 2 && at < s->b; at++) {
        if (at > j && !gap_word(s, &s->tk[at - 1])) break;
        if (!may_role(s, at)) continue;
        np q = *p;
        if (role_led(s, &q, at, 1, 0, former) && q.kind == NE_ACTOR_NOMINAL && q.info.person == 1) {
            *p = q;
            return 1;
        }
    }
    return 0;
}

/* The dictionary type a nominal's class code stands for (PER a person, CTY
** a country, GRP a group, anything else or none an organization). */
static int nominal_class(const char *code) {
    if (!code) return NE_DT_ORG;
    if (!strcmp(code, "PER")) return NE_DT_PERSON;
    if (!strcmp(code, "CTY")) return NE_DT_COUNTRY;
    if (!strcmp(code, "GRP")) return NE_DT_GROUP;
    return NE_DT_ORG;
}

/* Makes p the pronoun mention of t: its gender ("he" m, "she" f), person
** (a gendered pronoun is one) and number ("they", "them", "their"). */
static void pronoun_np(np *p, const ne_token *t) {
    p->kind = NE_ACTOR_PRONOUN;
    const char *w = t->norm;
    p->info.gender = (!strcmp(w, "he") || !strcmp(w, "him") || !strcmp(w, "his")) ? 'm'
                     : (!strcmp(w, "she") || !strcmp(w, "her") || !strcmp(w, "hers")) ? 'f' : 0;
    p->info.person = p->info.gender ? 1 : 0;
    p->info.plural = w[0] == 't';
}

/* "it was not clear whether ...", "it is likely that ...": no referent.  A
** progressive with an object is an act of the referent ("GM said it was
** cancelling a deal to sell Opel", "it is seeking a buyer to ..."). */
static __attribute__((noinline)) int expletive_it(const scan *s, size_t i) {
    static const char *const be[] = {"is", "was", "'s", "seems", "seemed", "appears", "appeared",
                                     "remains", "remained", NULL};
    static const char *const comp[] = {"that", "whether", "to", "if", "how", "why", NULL};
    static const char *const owner[] = {"its", "their", "his", "her", NULL};
    if (strcmp(s->tk[i].norm, "it") || i + 1 >= s->b || !is_any(&s->tk[i + 1], be)) return 0;
    const ne_token *v = i + 3 < s->b ? &s->tk[i + 2] : NULL;
    if (v && ne_ing_form(v) &&
        (in_list(s, &s->tk[i + 3], L_DET) || is_any(&s->tk[i + 3], owner)))
        return 0;
    for (size_t k = i + 2; k < s->b && k < i + 7; k++) {
        if (!is_any(&s->tk[k], comp)) continue;
        /* "to" before a noun group is a preposition ("it was opposed to the test"), not an infinitive */
        if (is_w(&s->tk[k], "to") && k + 1 < s->b && (in_list(s, &s->tk[k + 1], L_DET) || in_list(s, &s->tk[k + 1], L_PRON) ||
                                                      capitalized(&s->tk[k + 1])))
            continue;
        return 1;
    }
    return 0;
}

/* Determiner and "former"/"ex-" before a noun group at i: returns where the
** head starts and where the mention starts (the determiner is left out). */
static size_t pre_modifiers(scan *s, size_t i, int *definite, int *former, size_t *start) {
    /* family words after a possessive: "Senator Ted Cruz's wife", "Putin's daughter" are
    ** the relative (roles.txt: CVL), as "the wife" would be, not the possessor */
    static const char *const kin[] = {"wife", "husband", "spouse", "widow", "widower", "son", "daughter", "mother",
                                      "father", "stepson", "stepdaughter", "son-in-law", "daughter-in-law",
                                      "grandson", "granddaughter", "nephew", "niece", "fiancee", NULL};
    size_t j = i;
    *definite = *former = 0;
    if (in_list(s, &s->tk[j], L_DET)) { *definite = in_list(s, &s->tk[j], L_DEF); j++; }
    else if (j > s->a && is_w(&s->tk[j - 1], "'s") && is_any(&s->tk[j], kin)) *definite = 1;
    *start = j;
    if (j < s->b && is_w(&s->tk[j], "former")) { *former = 1; j++; }
    else if (j + 2 < s->b && is_w(&s->tk[j], "ex") && s->tk[j + 1].shape == NE_SH_DASH) { *former = 1; j += 2; }
    return j;
}

/* Tokens of the longest place name at j (0: none), *h its first hit. */
static size_t place_at(const scan *s, size_t j, uint32_t *h) {
    *h = 0;
    if (j >= s->b || !(s->dtypes[j] & NE_DM(NE_DT_PLACE))) return 0;
    return neDict_longest(s->e, s->d, j, s->b, NE_DM(NE_DT_PLACE), h);
}

/* The entry of the place name at j (first hit h, place_at) that a
** composition with role words stands for: the first entry when it is
** hand-written or a gazetteer region, except that a major city
** (major_cities.txt) beats a gazetteer region ("kochi police" are the Indian
** city's, not the Japanese prefecture's); NULL when the name is none of
** these (a gazetteer town). */
static const ne_dentry *led_place(scan *s, size_t j, uint32_t h) {
    const ne_dentry *first = neDict_hit_entry(s->e, h);
    if (first->source == NE_DS_HAND) return first;
    for (; h; h = neDict_next_hit(s->e, s->d, j, h, NE_DM(NE_DT_PLACE))) {
        const ne_dentry *x = neDict_hit_entry(s->e, h);
        if (x->major && x->source != NE_DS_HAND) return x;
    }
    return first->pkind == NE_PK_REGION ? first : NULL;
}

/* "Flint Mayor Karen Weaver", "Atlantic City Mayor Don Guardian": a town of
** the gazetteer (led_place names no country for it: "Flint" is also in
** Wales; no function word), a capitalized title of a town's own office
** (mayor, police chief, sheriff, councilman, judge...) and a capitalized name are one mention,
** the title's role; its country comes later from a place after it or the
** main country (coref.c main_country_roles), or it is the dictionary person.
** Returns 1 when p holds a mention. */
static int town_title(scan *s, np *p, size_t j, size_t n, int former) {
    /* a town's own offices ("Bridge President Jessica Mackler" heads a group, not a town) */
    static const char *const local[] = {"mayor", "deputy", "police", "chief", "commissioner", "sheriff", "councilman",
                                        "councilwoman", "councillor", "councilor", "council", "member", "city",
                                        "manager", "judge", "prosecutor", "district", "attorney", "superintendent",
                                        "fire", NULL};
    const ne_dentry *r, *head;
    size_t rn;
    if (s->caseless || j + n >= s->b || !may_role(s, j + n) || !capitalized(&s->tk[j]) ||
        !capitalized(&s->tk[j + n]) || !(rn = match_roles(s, j + n, &r, &head)) || !head->person ||
        neLemma_class(s->e->lexicon, s->tk[j].norm, s->tk[j].norm_len)) /* "As President Obama" */
        return 0;
    for (size_t i = j + n; i < j + n + rn; i++)
        if (!is_any(&s->tk[i], local)) return 0;
    const char *role = role_of(s, r);
    if (!role || !strcmp(role, "CVL")) return 0;
    compose(s, p, NULL, role, former);
    p->code = NULL;
    r = head;
    info_from_role(p, r);
    p->end = j + n + rn;
    role_then_name(s, p, p->end, r);
    return p->end > j + n + rn;
}

/* "West Bengal Chief Minister Mamata Banerjee", "Gujarat police", "the Texas
** governor": a place (region or town, capitalized or in caseless text) right
** before role words composes its country with the role, as a country would
** (country_led).  Returns 1 when p holds a mention. */
static int place_led(scan *s, np *p, size_t j, int former) {
    const ne_dentry *x, *r, *head;
    uint32_t h;
    size_t n = place_at(s, j, &h), rn;
    /* the roles first, which a town's title needs too: most places lead none, and
       the entry may walk the name's hits */
    if (!n || !(rn = match_roles(s, j + n, &r, &head))) return 0;
    if (!(x = led_place(s, j, h))) return town_title(s, p, j, n, former);
    if (!capitalized(&s->tk[j]) && !s->caseless) return 0;
    if (rn == 1 && is_w(&s->tk[j + n], "state")) return 0; /* "West Darfur State" is a name */
    /* "the maharashtra unit of the vhp": the unit is the organization's, not the state's */
    if (j + n + rn < s->b && is_w(&s->tk[j + n + rn], "of")) return 0;
    const char *cc = neDict_code(s->e, x, s->ymd);
    if (!cc || strlen(cc) != 3) return 0;
    country_role(s, p, cc, j + n, rn, r, head, former);
    p->info.region = x->name;
    return 1;
}

/* A product's model designation at token k right after a company's name
** ("Boeing 737", "Airbus A380", "the Boeing 787-8"): a word with a digit,
** a bare number of three or more digits, that is no year and no amount
** ("lent General Motors 13 billion dollars", "paid Boeing 500 million").
** The name is then the product's, not the firm acting. */
static int model_after(const scan *s, size_t k) {
    static const char *const amounts[] = {"million", "billion", "trillion", "percent", "%", "dollars", "euros",
                                          "pounds", "yen", "shares", "jobs", "workers", "employees", NULL};
    if (k >= s->b) return 0;
    const ne_token *t = &s->tk[k];
    size_t digits = 0;
    for (size_t i = 0; i < t->norm_len; i++) {
        if (t->norm[i] == '.' || t->norm[i] == ',') return 0; /* "1.5", "2,000": amounts */
        digits += t->norm[i] >= '0' && t->norm[i] <= '9';
    }
    if (!digits || (digits == t->norm_len && digits < 3)) return 0;
    int year = digits == 4 && t->norm_len == 4 && (!strncmp(t->norm, "19", 2) || !strncmp(t->norm, "20", 2));
    if (year || (k + 1 < s->b && ne_word_in(s->tk[k + 1].norm, amounts))) return 0;
    return t->shape == NE_SH_NUM || t->shape == NE_SH_MIXED || t->shape == NE_SH_UPPER || t->shape == NE_SH_OTHER;
}

/* Is the product named at token i ("60 Boeing 787 aircraft") the thing a
** purchase or an order is for: a word of buying at most five tokens before
** it, with no punctuation between ("agreed to purchase 60 Boeing 787
** aircraft", "negotiated the purchase of 22 new Boeing 787 Dreamliners",
** "signed a contract to purchase a score of Airbus A320 jets", "ordered 18
** Boeing 777s")?  The maker is then the seller, a party to the trade
** (CAMEO 061), not a plane. */
static int traded_model(const scan *s, size_t i) {
    static const char *const buys[] = {"purchase", "purchases", "purchased", "purchasing", "buy", "buys",
                                       "buying", "bought", "order", "orders", "ordered", "ordering",
                                       "acquire", "acquires", "acquired", "acquiring", "lease", "leased",
                                       "leasing", "acquisition", "acquisitions", NULL};
    for (size_t k = i, n = 0; k > s->a && n < 5; n++) {
        const ne_token *t = &s->tk[--k];
        if (t->shape == NE_SH_PUNCT) return 0;
        if (is_any(t, buys)) return 1;
    }
    return 0;
}

/* In caseless text, a place name that starts where an actor name [a, e)
** starts, or right after its determiner, and runs past it ("the west
** bengal government": the place West Bengal, not "the West"): capitals do
** not tell them apart, the longer name wins. */
static int longer_place(scan *s, size_t a, size_t e) {
    const ne_dentry *x;
    size_t k = a < s->b && in_list(s, &s->tk[a], L_DET) ? a + 1 : a;
    return match(s, k, NE_DM(NE_DT_PLACE), &x) > e - k;
}

/* A capital that stands for its government ("Moscow said") right after a
** locative preposition and before no role word ("met in Moscow", "killed
** in Islamabad", "the leaders in delhi"): the place where something happens,
** not the government acting or acted on.  It stays a mention (a name the
** text gives) marked `located`: events take no actor from it (clause.c
** neClause_actor) and nominals and pronouns do not refer to it (coref.c);
** "Delhi police" (a role after it) stays a composition. */
static int located_capital(scan *s, size_t i, size_t j, size_t n, const ne_dentry *x) {
    static const char *const loc[] = {"in", "at", "near", "outside", "inside", "across", "throughout", NULL};
    const ne_dentry *r;
    if (x->type != NE_DT_METONYM || j != i || i <= s->a || !(s->dtypes[j] & NE_DM(NE_DT_PLACE))) return 0;
    return is_any(&s->tk[i - 1], loc) && !match_roles(s, j + n, &r, NULL);
}

/* Where the product named by a maker and a model designation ends, its noun at k included
** when it is a military role word: "the Boeing 737 jets would fly to Singapore" are airliners,
** no armed actor (k when no such word follows). */
static size_t product_noun(scan *s, size_t k) {
    const ne_dentry *y;
    size_t n = k < s->b && s->tk[k].shape == NE_SH_LOWER ? match(s, k, NE_DM(NE_DT_ROLE), &y) : 0;
    const char *role = n ? role_of(s, y) : NULL;
    return role && !strcmp(role, "MIL") ? k + n : k;
}

/* Are the letters of the upper-case token k the initials of the words of
** the name [j, e), passing over "of", "the", "for" and "and" ("Armed Forces
** of the Philippines" AFP, "United Auto Workers" UAW)? */
static int name_initials(const scan *s, size_t j, size_t e, size_t k) {
    static const char *const small[] = {"of", "the", "for", "and", NULL};
    const ne_token *t = &s->tk[k];
    if (t->shape != NE_SH_UPPER || t->norm_len < 2 || t->norm_len > 6) return 0;
    for (size_t l = t->norm_len; l-- > 0; e--) {
        while (e > j && is_any(&s->tk[e - 1], small)) e--;
        if (e == j || s->tk[e - 1].norm[0] != t->norm[l]) return 0;
    }
    return e == j;
}

/* The name x at [j, k) followed by its abbreviation in brackets and role
** words ("the United Auto Workers (UAW) union", "the Lashkar-e-Taiba (LeT)
** terrorists", "Democratic National Committee (DNC) officials"): the token
** after the brackets, where the name's role words are read as after the name
** itself (party_roles, group_members); else k.  The brackets hold one token,
** a dictionary name of x's code or the initials of x's words (name_initials). */
static size_t past_abbreviation(scan *s, size_t j, size_t k, const ne_dentry *x) {
    const ne_token *tk = s->tk;
    const ne_dentry *y, *r;
    if (k + 3 >= s->b || !is_w(&tk[k], "(") || !is_w(&tk[k + 2], ")") || !match_roles(s, k + 3, &r, NULL)) return k;
    const char *cx = neDict_code(s->e, x, s->ymd), *cy;
    if (match(s, k + 1, NE_DM_ACTOR, &y) == 1 && cx && (cy = neDict_code(s->e, y, s->ymd)) && !strcmp(cx, cy))
        return k + 3;
    return name_initials(s, j, k, k + 1) ? k + 3 : k;
}

/* The dictionary name at token i (before its determiner: "the White House")
** or at *jp, after the pre-modifiers: a country leading roles, a party with
** its members, a person, a group.  *jp becomes i when the name starts there.
** Returns -1 when no dictionary name starts here, else parse_at's result. */
/* A place named after the person whose name ends before token k ("John F.
** Kennedy International Airport", "the Ronald Reagan Building", "Lyndon B.
** Johnson Space Center"): the token after its capitalized head word, right
** after the name or after one or two capitalized modifiers; else 0.  Not in
** caseless text, where "reagan building" could be a clause. */
static size_t eponym_place(const scan *s, size_t k) {
    static const char *const heads[] = {"airport", "building", "center", "centre", "library", "bridge",
                                        "stadium", "hospital", "highway", "boulevard", "avenue", "expressway",
                                        "parkway", "museum", "arena", "tunnel", "dam", NULL};
    static const char *const mods[] = {"international", "national", "memorial", "presidential", "federal",
                                       "space", "regional", "washington", "county", "municipal", NULL};
    if (s->caseless) return 0;
    for (size_t e = k; e < s->b && e < k + 3 && capitalized(&s->tk[e]); e++) {
        if (ne_word_in(s->tk[e].norm, heads)) return e + 1;
        if (!ne_word_in(s->tk[e].norm, mods)) return 0;
    }
    return 0;
}

static int dict_mention(scan *s, np *p, size_t i, size_t *jp, int former) {
    const ne_dentry *x;
    size_t j = *jp, n;
    if (j > i && !former && (n = match(s, i, NE_DM_ACTOR, &x)) > 0) j = p->start = i; /* "the White House" */
    else n = match(s, j, NE_DM_ACTOR, &x);
    *jp = j;
    if (n > 0 && s->caseless && longer_place(s, p->start, p->start + n)) n = 0; /* "the west bengal government" */
    if (n > 0 && other_town(s, j + n, x)) n = 0; /* "Paris, Texas, officials" */
    if (n == 0) return -1;
    size_t e;
    if (x->type == NE_DT_PERSON && (e = eponym_place(s, j + n)) > 0) { /* "John F. Kennedy International Airport" */
        p->end = e;
        return 2;
    }
    if (x->type == NE_DT_ORG && model_after(s, j + n) && !traded_model(s, i)) { /* "the Airbus A380 landed" */
        p->end = product_noun(s, j + n + 1);
        return 2;
    }
    p->info.located = (uint8_t)located_capital(s, i, j, n, x); /* "talks in Moscow": where */
    if (!(x->type <= NE_DT_METONYM && country_led(s, p, j, n, x, former))) {
        np_from_entry(s, p, x);
        p->start = j; /* "former" belongs to a role, not to a name */
        size_t past = past_abbreviation(s, j, j + n, x);
        p->end = past;
        if (x->type == NE_DT_PARTY && p->country[0]) party_roles(s, p);
        if (x->type == NE_DT_PARTY && p->end == j + n) person_after(s, p, p->end);
        group_members(s, p);
        if (p->end == past) p->end = j + n; /* no role words taken: the brackets are no part of it */
        person_followers(s, p);
    }
    return 1;
}

/* A mention led by role words at j ("the former prime minister", "a military
** base"), an indefinite person ("a Pakistani official") or a definite
** nominal ("the group"), with i the first token (determiner) of it.
** Returns 1 when p holds a mention, else 0 with p->info as it was. */
static int role_mention(scan *s, np *p, size_t i, size_t j, int definite, int former) {
    const ne_dentry *x;
    size_t n;
    int bare = j == i; /* no determiner here; "a military base" is parsed again at "military" */
    ne_actor_info keep = p->info;
    if (may_role(s, j) && role_led(s, p, j, definite, bare, former)) {
        if (p->kind == NE_ACTOR_NOMINAL) p->start = i; /* "the militants", "the former prime minister" */
        return 1;
    }
    p->info = keep; /* a role word that made no mention says nothing of a name after it */
    /* not after a comma: ", a spokeswoman for the embassy said" is an attribution */
    if (j > i && !definite && !(i > s->a && is_w(&s->tk[i - 1], ",")) && indefinite_person(s, p, j, former)) {
        p->start = i;
        return 1;
    }
    if (definite && (n = match(s, j, NE_DM(NE_DT_NOMINAL), &x)) > 0) {
        p->kind = NE_ACTOR_NOMINAL;
        p->start = i; /* "the group" */
        p->info.nominal_class = (uint8_t)nominal_class(neDict_code(s->e, x, 0));
        p->info.person = p->info.nominal_class == NE_DT_PERSON;
        p->info.plural = x->plural;
        p->end = j + n;
        return 1;
    }
    return 0;
}

/* A one-word mention at token i, which no modifier precedes: a pronoun, an
** honorific before a dictionary person ("Mr. Erdogan"), a caseless surname.
** An honorific before any other word moves *jp past itself (the name after
** it is the person's, gender and person set in p).  Returns 1 when p holds
** a mention, -1 when the caller goes on with a capitalized name at *jp. */
static int word_mention(scan *s, np *p, size_t i, size_t *jp) {
    const ne_token *tk = s->tk;
    const ne_dentry *x;
    size_t n;
    if (in_list(s, &tk[i], L_PRON) && tk[i].shape != NE_SH_UPPER && !expletive_it(s, i)) {
        pronoun_np(p, &tk[i]);
        p->end = i + 1;
        return 1;
    }
    if (in_list(s, &tk[i], L_HON) && i + 1 < s->b) {
        p->info.gender = tk[i].norm[1] == 'r' && tk[i].norm[2] != 's' ? 'm' : 'f';
        p->info.person = 1;
        *jp = p->start = i + 1;
        if ((n = match(s, i + 1, NE_DM(NE_DT_PERSON), &x)) > 0) { /* "Mr. Erdogan": the dictionary person */
            np_from_entry(s, p, x);
            p->start = i + 1;
            p->end = i + 1 + n;
            return 1;
        }
        return -1;
    }
    if (caseless_surname(s, i)) { /* "siddiqui said", after "... president mohammad yunus siddiqui" */
        p->kind = NE_ACTOR_UNKNOWN;
        p->start = i;
        p->end = i + 1;
        p->info.person = 1;
        return 1;
    }
    return -1;
}

/* Does the unknown capitalized name [j, e) of two words or more end in a
** word that names an organization, not a person ("Tax Policy Center",
** "Clinton Global Initiative", "Columbia University"): the head noun of an
** organization or group (nominals.txt ORG or GRP) or a role word for no
** single person (roles.txt: "university" EDU)?  Then it is an organization
** (is no "he" or "she"), of that word's role; *role is "" when none. */
static int org_name(scan *s, size_t j, size_t e, char role[4]) {
    /* the last words of regiments' names ("Rajputana Rifles", "Royal Welsh Fusiliers";
    ** src: Wikipedia "List of regiments of the Indian Army", "List of British Army
    ** regiments"): only capitalized, as the head of a name ("seized rifles" is no unit) */
    static const char *const units[] = {"rifles", "fusiliers", "grenadiers", "lancers", "hussars", "dragoons", NULL};
    const ne_dentry *x;
    role[0] = 0;
    if (e < j + 2 || !capitalized(&s->tk[e - 1])) return 0;
    /* "Ivy League-trained surgeon": part of an adjective, no actor of its own */
    if (e + 1 < s->b && s->tk[e].shape == NE_SH_DASH && !(s->tk[e].flags & NE_TF_SPACE_BEFORE) &&
        s->tk[e + 1].shape == NE_SH_LOWER)
        return 0;
    if (is_any(&s->tk[e - 1], units)) {
        memcpy(role, "MIL", 4);
        return 1;
    }
    if (match(s, e - 1, NE_DM(NE_DT_NOMINAL), &x) == 1) {
        int cl = nominal_class(neDict_code(s->e, x, 0));
        return cl == NE_DT_ORG || cl == NE_DT_GROUP;
    }
    if (match(s, e - 1, NE_DM(NE_DT_ROLE), &x) != 1 || x->person) return 0;
    const char *r = role_of(s, x);
    if (r && strlen(r) == 3) memcpy(role, r, 4);
    return 1;
}

/* A region (a state or province: places kind=region) named as the subject
** of a verb ("Texas sued the administration", "Gujarat has sought aid"):
** its government, GOV of its country, a region's (info.region) like "the
** Texas government" (place_led).  Returns 1 when p holds it. */
static int region_subject(scan *s, np *p, size_t j, size_t e, const ne_dentry *x) {
    if (x->pkind != NE_PK_REGION || !clause_subject(s, j, e)) return 0;
    const char *cc = neDict_code(s->e, x, s->ymd);
    if (!cc || strlen(cc) != 3) return 0;
    compose(s, p, cc, "GOV", 0);
    p->start = j;
    p->end = e;
    p->info.type = NE_DT_ROLE;
    p->info.region = x->name;
    return 1;
}

/* Is the token at e an inflected verb no dictionary name starts at, or a
** description between commas before one ("harshad kothari, the local vhp
** leader, said": a determiner after the comma, at most eight words)? */
static int caseless_verb_after(const scan *s, size_t e) {
    if (e + 2 < s->b && is_w(&s->tk[e], ",") && in_list(s, &s->tk[e + 1], L_DET)) {
        size_t k = e + 2;
        while (k < s->b && k < e + 10 && s->tk[k].shape != NE_SH_PUNCT) k++;
        if (k >= e + 10 || k >= s->b || !is_w(&s->tk[k], ",")) return 0;
        e = k + 1;
    }
    if (e >= s->b) return 0;
    const ne_token *v = &s->tk[e];
    return v->shape == NE_SH_LOWER && !s->dtypes[e] && inflected_verb(v);
}

/* In lower-case text, an unknown person named as the subject of a verb:
** two or three plain name words (plain_name_word: no common word, stopword or
** dictionary name) that open a clause (the sentence's start, after
** punctuation or a conjunction) right before an inflected verb ("rajasekhara
** reddy said ...", "and praveen togadia warned ...", "mr ...", "harshad
** kothari, the local vhp leader, said": caseless_verb_after), as a capitalized
** unknown name would be: "he" may refer to it, and coreference gives it the
** main country when the text shows it to be a person (it speaks a quotation,
** coref.c main_country_persons).  Returns where the name ends (j when none). */
static size_t caseless_subject(const scan *s, size_t j) {
    static const char *const opens[] = {"and", "but", "while", "when", "as", "that", NULL};
    if (s->caseless != NE_CASELESS_LOWER || !plain_name_word(s, j) || !plain_name_word(s, j + 1)) return j;
    const ne_token *b = j > 0 ? &s->tk[j - 1] : NULL;
    if (b && b->sent == s->tk[j].sent && b->shape != NE_SH_PUNCT && !is_any(b, opens) && !in_list(s, b, L_HON))
        return j;
    size_t e = j + 2;
    if (e < s->b && plain_name_word(s, e)) e++;
    return caseless_verb_after(s, e) ? e : j;
}

/* A capitalized name at token j that no dictionary holds: a person with an
** initial ("Harry M. Reid"), a place (skipped: returns 2 with p->end past it),
** an organization (org_name) or an unknown actor.  Returns parse_at's result. */
static int name_mention(scan *s, np *p, size_t j) {
    const ne_dentry *x;
    size_t n;
    if (s->caseless == NE_CASELESS_LOWER && (n = match(s, j, NE_DM(NE_DT_PLACE), &x)) > 0 &&
        nePlace_credible(s->e, s->d, x, j, j + n, s->b) && region_subject(s, p, j, j + n, x))
        return 1; /* "gujarat has sought central aid" */
    int person = 1; /* "praveen togadia warned"; a headline's "Trump Blasts Clinton": Hillary Clinton's */
    if ((n = caseless_subject(s, j)) > j || (s->titlecase && (n = title_surname(s, j)) > j && (person = 2))) {
        p->kind = NE_ACTOR_UNKNOWN;
        p->start = j;
        p->end = n;
        p->info.type = NE_DT_COUNT;
        p->info.person = (uint8_t)person;
        return 1;
    }
    if (s->titlecase || !capitalized(&s->tk[j])) return 0; /* name_end's own first test, without the call */
    if ((n = initial_person(s, j, &x)) > 0) { /* "Harry M. Reid" */
        np_from_entry(s, p, x);
        p->start = j;
        p->end = j + n;
        return 1;
    }
    size_t e = name_end(s, j);
    if (e == j) return 0;
    if (match(s, j, NE_DM(NE_DT_PLACE), &x) == e - j && nePlace_credible(s->e, s->d, x, j, e, s->b)) {
        if (region_subject(s, p, j, e, x)) return 1;
        p->end = e; /* a place, not an unknown actor: skip all of it ("New York") */
        return 2;
    }
    p->kind = NE_ACTOR_UNKNOWN;
    p->start = j;
    p->end = e;
    p->info.type = NE_DT_COUNT;
    if (!p->info.person && org_name(s, j, e, p->role)) { /* coref gives it the main country */
        p->info.type = NE_DT_ORG;
        return 1;
    }
    if (!p->info.person) p->info.person = e - j >= 2 ? 1 : 2;
    return 1;
}

/* After a determiner or "former" at i, is the head word at j one where
** every test of parse_at fails?  A word that is not capitalized and where no
** dictionary name may match (neDict_token_allowed), no actor's name at i
** itself ("the White House"), and after an indefinite determiner no role
** word in the next two (indefinite_person: "a federal judge", "an unarmed
** black teenager").  Most noun groups: "the company", "a year"; keep in step
** with parse_at. */
static int dead_head(const scan *s, size_t i, size_t j, int definite) {
    const uint16_t *ok = s->allowed;
    if (ok[j] || (ok[i] & NE_DM_ACTOR) || capitalized(&s->tk[j])) return 0;
    if (definite || j + 1 >= s->b) return 1;
    return !((ok[j + 1] | (j + 2 < s->b ? ok[j + 2] : 0)) & NE_DM(NE_DT_ROLE));
}

/* Parse a mention starting at token i into p: 1 a mention, 0 none, 2 none
** up to p->end (a place name).  The tests run in this order; the first that
** finds a mention wins. */
static int parse_at(scan *s, size_t i, np *p) {
    if (s->tk[i].actor >= 0) return 0;
    int definite, former, got;
    size_t start, j = pre_modifiers(s, i, &definite, &former, &start);
    if (j >= s->b || (j > i && dead_head(s, i, j, definite))) return 0;
    p->start = start;
    p->info.former = (uint8_t)former;
    if ((got = dict_mention(s, p, i, &j, former)) >= 0) return got;
    if (place_led(s, p, j, former)) return 1;
    if (role_mention(s, p, i, j, definite, former)) return 1;
    if (j == i && (got = word_mention(s, p, i, &j)) >= 0) return got;
    return name_mention(s, p, j);
}

/* A dual noun phrase at token i (dual.txt: "the two leaders", "both
** countries", "the two warring sides" with a listed modifier, "the pair"):
** its NE_DUAL_* kind, and in *h the token after it; 0 when none.  Not
** before "of" ("both sides of the aisle", "the two leaders of the
** opposition"). */
static int dual_phrase(scan *s, size_t i, size_t *h) {
    const ne_wordtab *t = s->e->duals;
    const uint32_t *nh = s->d->nhash;
    const ne_word *w = neW_match_h(t, s->tk, i, s->b, NE_DU_PAIR, nh[i]);
    size_t e = i;
    if (!w) {
        const ne_word *det = neW_match_h(t, s->tk, i, s->b, NE_DU_DET, nh[i]);
        if (!det) return 0;
        e = i + det->nwords;
        const ne_word *mod = e < s->b ? neW_match_h(t, s->tk, e, s->b, NE_DU_MOD, nh[e]) : NULL;
        if (mod) e += mod->nwords; /* "the two warring sides" */
        if (e < s->b) w = neW_match_h(t, s->tk, e, s->b, NE_DU_HEAD, nh[e]);
        if (!w) return 0;
    }
    e += w->nwords;
    if (e < s->b && is_w(&s->tk[e], "of")) return 0;
    *h = e;
    return neCoref_dual_kind(w->val);
}

/* The mention just made (index n) when the scan met dual noun phrase [i,
** h) of kind k before it: when it ends with the phrase's head ("the two
** men": "men", a role word, what the phrase is when it stands for no pair),
** it becomes the phrase's, from i; another mention leaves the phrase none.
** NE_NOMEM. */
static __attribute__((noinline)) int dual_extend(scan *s, size_t i, size_t h, int k, size_t n) {
    struct ne_doc *d = s->d;
    ne_actor *a = NE_VEC_AT(d->actors, ne_actor, n);
    ne_actor_info *in = NE_VEC_AT(d->actor_info, ne_actor_info, n);
    if (in->tok_end != h || in->tok_first < i) return NE_OK;
    const ne_token *f = &s->tk[i];
    const char *txt = ne_seg_text(d, a->in_title);
    if (!(a->text = neA_strndup(&d->arena, txt + f->start, a->span.end - f->start))) return NE_NOMEM;
    a->span.start = f->start;
    ne_token *tk = d->tokens.items;
    for (size_t j = i; j < in->tok_first; j++) tk[j].actor = (int32_t)n;
    in->tok_first = (uint32_t)i;
    in->dual = (uint8_t)k;
    d->dual_nps++;
    return NE_OK;
}

/* May a dictionary name (an actor, a role, a nominal) start at a token of
** dual noun phrase [i, h) after its opener, so that its head may make a
** mention of its own ("the two men")?  Else ("the two sides") the phrase is
** one without (dual_np). */
static int dual_has_head(const scan *s, size_t i, size_t h) {
    for (size_t k = i + 1; k < h; k++)
        if (s->allowed[k] || capitalized(&s->tk[k])) return 1;
    return 0;
}

/* The dual noun phrase [i, h) of kind k whose words make no mention ("the
** two sides", dual_has_head) into p: a nominal mention of no code of its own
** (NE_DUAL_HEADLESS) that coref.c resolves to a pair, or that is no actor. */
static void dual_np(scan *s, size_t i, size_t h, int k, np *p) {
    memset(p, 0, sizeof *p);
    p->info.type = NE_DT_COUNT;
    p->kind = NE_ACTOR_NOMINAL;
    p->start = i;
    p->end = h;
    p->info.person = k == NE_DUAL_PER;
    p->info.plural = 1;
    p->info.dual = (uint8_t)(k | NE_DUAL_HEADLESS);
    s->d->dual_nps++;
}

/* The mention of dual noun phrase [i, h) of kind k whose words made none
** ("both countries": "countries" is a mention after "the" only). */
static __attribute__((noinline)) int dual_headless(scan *s, size_t i, size_t h, int k) {
    np p;
    dual_np(s, i, h, k, &p);
    return emit(s, &p);
}

int neActor_dual_opener(const char *w) { return ne_word_in(w, determiners) || ne_word_in(w, dual_openers); }

/* "Rep. Adam Schiff, the top Democrat on the House Intelligence Committee":
** a party named after a person's name, a comma, a determiner and at most one
** lower-case word describes the person (a member), not the party: it refers
** to the name. */
static void party_member_apposition(scan *s, size_t m) {
    struct ne_doc *d = s->d;
    ne_actor *act = d->actors.items;
    ne_actor_info *inf = d->actor_info.items;
    size_t c = inf[m].tok_end, k = c + 1;
    if (c + 2 >= s->b || !is_w(&s->tk[c], ",") || !in_list(s, &s->tk[k], L_DET)) return;
    k++;
    if (inf[m + 1].tok_first == k + 1 && s->tk[k].shape == NE_SH_LOWER) k++;
    if (inf[m + 1].tok_first != k || inf[m + 1].type != NE_DT_PARTY || act[m + 1].kind != NE_ACTOR_NAMED ||
        inf[m + 1].tok_end != k + 1 || inf[m].person != 1 || act[m + 1].ref >= 0)
        return;
    act[m + 1].ref = (int)m;
    inf[m + 1].person = 1;
}

/* "A, a former Pakistani ambassador" and "the former prime minister, A":
** a name and a description of it, side by side; the name takes the
** description's code when it has none, and the description refers to it
** (a description of another country is another person).  Over the
** sentence's mentions, from index first. */
static void appositions(scan *s, size_t first) {
    struct ne_doc *d = s->d;
    ne_actor *act = d->actors.items;
    ne_actor_info *inf = d->actor_info.items;
    for (size_t m = first; m + 1 < d->actors.n; m++) {
        size_t c = inf[m].tok_end, k = c + 1;
        if (c >= s->b || !is_w(&s->tk[c], ",")) continue;
        party_member_apposition(s, m);
        if (k < s->b && in_list(s, &s->tk[k], L_DET)) k++;
        if (inf[m + 1].tok_first != k) continue;
        int named_first = act[m].kind == NE_ACTOR_NAMED || act[m].kind == NE_ACTOR_UNKNOWN;
        size_t name = named_first ? m : m + 1, desc = named_first ? m + 1 : m;
        int dk = act[desc].kind, nk = act[name].kind;
        if ((dk != NE_ACTOR_COMPOSED && dk != NE_ACTOR_NOMINAL) || (nk != NE_ACTOR_NAMED && nk != NE_ACTOR_UNKNOWN))
            continue;
        if (inf[desc].person == 0 || inf[name].person == 0 || act[desc].ref >= 0) continue;
        /* "After meeting Chinese President Xi Jinping, the US president ...": another country's
           description is another person */
        if (act[name].country && act[desc].country && strcmp(act[name].country, act[desc].country)) continue;
        if (!act[name].country && act[desc].country) {
            act[name].code = act[desc].code;
            act[name].country = act[desc].country;
            act[name].role = act[desc].role;
            act[name].kind = NE_ACTOR_COMPOSED;
            act[name].name = act[name].text;
            inf[name].person = 1;
        }
        act[desc].ref = (int)name;
        if (!act[desc].code) {
            act[desc].code = act[name].code;
            act[desc].country = act[name].country;
            act[desc].role = act[name].role;
        }
        act[desc].name = act[name].name ? act[name].name : act[name].text;
    }
}

/* Give actor m the role of actor r: COUNTRY + ROLE ("Indian" in "Indian and
** Pakistani officials" -> INDGOV), when m is a country or nationality alone. */
static void share_role(scan *s, size_t m, size_t r) {
    ne_actor *act = s->d->actors.items;
    const ne_actor_info *inf = s->d->actor_info.items;
    if (act[m].kind != NE_ACTOR_NAMED || act[m].role || !act[m].country || strlen(act[m].country) != 3 ||
        inf[m].type > NE_DT_DEMONYM || !act[r].role)
        return;
    char *code = neA_code(&s->d->arena, act[m].country, act[r].role);
    if (!code) return;
    act[m].code = code;
    act[m].role = act[r].role;
    act[m].kind = NE_ACTOR_COMPOSED;
}

/* Is token i "and" or "or"? */
static int and_or(const scan *s, size_t i) {
    return i < s->b && (is_w(&s->tk[i], "and") || is_w(&s->tk[i], "or"));
}

/* Is the token between actors a and b (b right after it) "and", "or" or a
** comma, or are they ", and" (the serial comma) or "and" and a determiner
** ("Japan, South Korea and the United States"; never a comma and a
** determiner: "visiting Japan, the French president")? */
static int joined(const scan *s, size_t a, size_t b) {
    const ne_actor_info *inf = s->d->actor_info.items;
    size_t c = inf[a].tok_end, f = inf[b].tok_first;
    if (c >= s->b) return 0;
    if (f == c + 2 && (is_w(&s->tk[c], ",") || and_or(s, c)) &&
        (and_or(s, c + 1) || (and_or(s, c) && in_list(s, &s->tk[c + 1], L_DET))))
        return 1;
    if (f != c + 1) return 0;
    return and_or(s, c) || is_w(&s->tk[c], ",");
}

/* Coordinated countries share a role word (CAMEO codes each side's officials):
** "Indian and Pakistani officials", "US, British and French troops" (the role
** follows the last), "the foreign ministers of India and Pakistan",
** "officials from Japan and South Korea" (the role precedes "of" or "from"
** and the first). */
static void shared_roles(scan *s, size_t first) {
    struct ne_doc *d = s->d;
    const ne_actor *act = d->actors.items;
    const ne_actor_info *inf = d->actor_info.items;
    for (size_t m = first; m < d->actors.n; m++) {
        if (act[m].kind != NE_ACTOR_COMPOSED || !act[m].role) continue;
        for (size_t k = m; k > first && joined(s, k - 1, k); k--) share_role(s, k - 1, m);
        size_t of = inf[m].tok_end;
        if (of + 1 >= s->b || !(is_w(&s->tk[of], "of") || is_w(&s->tk[of], "from")) || m + 1 >= d->actors.n) continue;
        size_t c1 = of + 1 + (in_list(s, &s->tk[of + 1], L_DET) ? 1 : 0);
        if (inf[m + 1].tok_first != c1 || !act[m + 1].country || !act[m].country ||
            strcmp(act[m + 1].country, act[m].country))
            continue;
        for (size_t k = m + 2; k < d->actors.n && joined(s, k - 1, k); k++) share_role(s, k, m);
    }
}

/* The Q_* bits of scan.lists of the tokens where parse_at surely finds
** nothing in the current sentence: every test of parse_at fails at once
** there: no dictionary name may match there (the names, places and roles
** it matches, all through neDict_longest), no determiner, pronoun or
** honorific, not "former" or "ex" (which move the head), not in lower-case
** text (where a word may be an earlier name's surname, caseless_surname: no
** token is skipped), and no capitalized word that could start an unknown
** name.  Most lower-case words; keep in step with parse_at (and word_lists). */
static uint16_t surely_none(const scan *s) {
    if (s->caseless == NE_CASELESS_LOWER) return 0;
    return s->titlecase ? Q_LOWER | Q_CAP : Q_LOWER;
}

/* A country's abbreviation before a dollar sign names a currency, not an
** actor: "US$ 7.2 bn", "US $199", "HK$", "NZ$" (one all-capital token of at
** most three letters, then "$"; a space between only after a country's:
** "lend GM $4 billion" names the carmaker). */
static int currency_prefix(const scan *s, const np *p) {
    const ne_token *t = &s->tk[p->start];
    if (p->end != p->start + 1 || p->end >= s->b || t->shape != NE_SH_UPPER || t->norm_len > 4) return 0;
    return is_w(&s->tk[p->end], "$") && (s->tk[p->end].start == t->end || !p->role[0]);
}

/* Finds the actor mentions of the sentence [s->a, s->b) left to right
** (parse_at at each token, past each mention found) and emits them, with
** the dual noun phrases ("the two sides", "both countries") that stand for
** two earlier actors; then links its appositions and shared roles.
** Returns NE_OK or NE_NOMEM. */
static int scan_sentence(scan *s) {
    size_t first = s->d->actors.n;
    s->titlecase = NE_VEC_AT(s->d->sentences, ne_sentence, s->tk[s->a].sent)->titlecase;
    const uint16_t none = surely_none(s);
    const struct ne_wordset *duals = s->e->dual_words;
    const uint32_t *nh = s->d->nhash;
    size_t dual_i = 0, dual_h = 0, dual_n = 0; /* a dual noun phrase [dual_i, dual_h) whose head may make a mention */
    int dual_k = 0;
    for (size_t i = s->a; i < s->b;) {
        if (s->lists[i] & none) { i++; continue; }
        np p;
        memset(&p, 0, sizeof p);
        p.info.type = NE_DT_COUNT;
        int got = parse_at(s, i, &p);
        size_t h;
        int k;
        /* where no mention starts, a dual noun phrase may ("the two sides", "both countries") */
        if (!got && (s->lists[i] & (1u << L_DET | 1u << L_DUAL)) && duals && i + 1 < s->b &&
            ne_ws_has(&duals[0], ne_ws_bit(nh[i])) && ne_ws_has(&duals[1], ne_ws_bit(nh[i + 1])) && s->tk[i].actor < 0 &&
            (k = dual_phrase(s, i, &h))) {
            if (!dual_has_head(s, i, h)) dual_np(s, i, h, k, &p), got = 1;
            else dual_k = k, dual_i = i, dual_h = h, dual_n = s->d->actors.n;
        }
        if (got != 1) { i = got == 2 && p.end > i ? p.end : i + 1; continue; }
        if (currency_prefix(s, &p)) { i = p.end; continue; }
        if (dual_k && p.start >= dual_h) { /* passed with no mention in it ("both countries") */
            if (dual_headless(s, dual_i, dual_h, dual_k)) return NE_NOMEM;
            dual_k = 0;
        }
        if (p.ent && p.ent->type == NE_DT_PERSON) person_government(s, &p);
        if (emit(s, &p)) return NE_NOMEM;
        if (dual_k) { /* the first mention after a dual phrase: its head's? */
            if (dual_extend(s, dual_i, dual_h, dual_k, dual_n)) return NE_NOMEM;
            dual_k = 0;
        }
        i = p.end > i ? p.end : i + 1;
    }
    if (dual_k && dual_headless(s, dual_i, dual_h, dual_k)) return NE_NOMEM;
    appositions(s, first);
    shared_roles(s, first);
    return NE_OK;
}

/* An undated document that names a sitting office holder of a closed term
** (s->era) reads its multi-dated entries at that era, as a dated one would:
** "Afghan President Ashraf Ghani declared a ceasefire with the Taliban" is
** AFGINS, not the Taliban's latest code AFGGOV.  Only mentions still holding
** their undated code change. */
static int redate(scan *s) {
    for (size_t k = 0; k < s->ndated; k++) {
        ne_actor *a = NE_VEC_AT(s->d->actors, ne_actor, s->dated[k].idx);
        const char *now = neDict_code(s->e, s->dated[k].ent, 0), *then = neDict_code(s->e, s->dated[k].ent, s->era);
        if (!a->code || !now || !then || strcmp(a->code, now) || !strcmp(now, then)) continue;
        np q;
        memset(&q, 0, sizeof q);
        q.code = then;
        split_code(s->e, &q);
        size_t nc = strlen(then);
        char *at = neA_alloc(&s->d->arena, code_bytes(&q, nc)); /* one allocation, as emit's */
        if (!at) return NE_NOMEM;
        put_code(&at, a, &q, nc);
    }
    return NE_OK;
}

int neActor_find(struct ne_doc *d, const struct ne_engine *e) {
    if (!e->dict) return NE_OK;
    int rc = neDict_prepare(d, e);
    if (rc) return rc;
    scan s;
    memset(&s, 0, sizeof s);
    s.d = d;
    s.e = e;
    s.tk = d->tokens.items;
    s.dtypes = neDict_token_types(d);
    s.allowed = neDict_token_allowed(d);
    if (d->year) s.ymd = d->year * 10000 + (d->month ? d->month : 7) * 100 + (d->day ? d->day : 1);
    rc = word_lists(&s);
    for (size_t i = 0; i < d->sentences.n && rc == NE_OK; i++) {
        const ne_sentence *sn = NE_VEC_AT(d->sentences, ne_sentence, i);
        s.a = sn->tok_first;
        s.b = (size_t)sn->tok_first + sn->tok_count;
        s.caseless = sn->caseless;
        rc = scan_sentence(&s);
    }
    if (rc == NE_OK && s.era) rc = redate(&s);
    return rc;
}
