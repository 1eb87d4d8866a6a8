/* place.c: place mentions from the place dictionaries, the generated
** gazetteer and country names, with country, first-level region and
** coordinates.  A country can be both an actor and a place: both are kept. */
#include "dict.h"

#include <pthread.h>
#include <string.h>
#include <strings.h>

/* Words before a place name that make a gazetteer-only name credible. */
static const char *const locatives[] = {"in", "near", "at", "from", "to", "outside", "into", "inside",
                                        "toward", "towards", "across", "around", "through", "of",
                                        "via", "between", "and", "province", "city", "town", NULL};

static int is_any(const ne_token *t, const char *const *list) { return ne_word_in(t->norm, list); }

/* The document's evidence for each country: its actors' countries and its
** place names that can only be in one country ("ludhiana", "india"), counted
** over the whole document before any ambiguous name is resolved, so that a name
** of several countries ("punjab", "lucknow") takes the country the rest of the
** document is about and an early guess does not reinforce later ones. */
#define VOTE_MAX 16
typedef struct votes {
    char cc[VOTE_MAX][4];
    int n[VOTE_MAX];
    int k;
} votes;

/* !strncmp(a, b, 3), inline: the codes compared here are three letters,
** and a call costs more than the compare. */
static int same3(const char *a, const char *b) {
    for (int k = 0; k < 3; k++) {
        if (a[k] != b[k]) return 0;
        if (!a[k]) return 1;
    }
    return 1;
}

/* Counts one more name of country cc (NULL: none) in v; a seventeenth
** country is not counted. */
static void vote(votes *v, const char *cc) {
    if (!cc) return;
    for (int i = 0; i < v->k; i++)
        if (same3(v->cc[i], cc)) { v->n[i]++; return; }
    if (v->k == VOTE_MAX) return;
    memcpy(v->cc[v->k], cc, 3);
    v->cc[v->k][3] = 0;
    v->n[v->k++] = 1;
}

/* Takes back the vote of an actor whose country was a guess from an
** ambiguous place name (scan_sentence). */
static void unvote(votes *v, const char *cc) {
    for (int i = 0; cc && i < v->k; i++)
        if (same3(v->cc[i], cc) && v->n[i] > 0) { v->n[i]--; return; }
}

/* The names v counts for country cc (NULL: 0). */
static int score(const votes *v, const char *cc) {
    for (int i = 0; cc && i < v->k; i++)
        if (same3(v->cc[i], cc)) return v->n[i];
    return 0;
}

/* Month and weekday names: "from March 10" is a date, not the town of March. */
static const char *const calendar[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december",
                                       "monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", NULL};

/* calendar and locatives by hash (ne_hash, as d->nhash): open addressing
** over CTX_SLOTS slots (each list has at most 20 words), so that a listed
** token is found in a probe or two, not by comparing it with every word
** before it in the list.  Built once (nePlace_find, nePlace_credible). */
#define CTX_SLOTS 64
typedef struct ctx_word {
    uint32_t h;
    const char *w; /* NULL: an empty slot */
} ctx_word;
static ctx_word calendar_tab[CTX_SLOTS], locative_tab[CTX_SLOTS];
static pthread_once_t context_once = PTHREAD_ONCE_INIT;

static void tab_fill(ctx_word *tab, const char *const *list) {
    for (; *list; list++) {
        uint32_t h = ne_hash(*list, strlen(*list));
        unsigned k = h & (CTX_SLOTS - 1);
        while (tab[k].w) k = (k + 1) & (CTX_SLOTS - 1);
        tab[k] = (ctx_word){h, *list};
    }
}

static void context_build(void) {
    tab_fill(calendar_tab, calendar);
    tab_fill(locative_tab, locatives);
}

/* Is token i a word of tab (calendar_tab or locative_tab)? */
static int listed(const struct ne_doc *d, size_t i, const ctx_word *tab) {
    uint32_t h = d->nhash[i];
    for (unsigned k = h & (CTX_SLOTS - 1); tab[k].w; k = (k + 1) & (CTX_SLOTS - 1))
        if (tab[k].h == h && ne_word_is(NE_VEC_AT(d->tokens, ne_token, i)->norm, tab[k].w)) return 1;
    return 0;
}

/* Locatives that link nouns of any kind ("peace and communal harmony", "a
** delegation of sena mps"): in lower-case text, where a capital says nothing,
** they make no one-word gazetteer town credible. */
static const char *const weak_locatives[] = {"of", "and", NULL};

/* Nouns that make "of" locative again ("the old city of ahmedabad", "parts of gujarat"). */
static const char *const place_nouns[] = {"city", "town", "district", "village", "outskirts", "part", "parts",
                                          "state", "suburbs", "area", "areas", "province", "region", "capital",
                                          "north", "south", "east", "west", "centre", "center", "heart", NULL};

/* In a lower-case sentence, does a locative before the one-word name at i fail to
** make it credible ("and", or "of" after no place noun)? */
static int weak_before(const ne_token *tk, size_t i) {
    if (!is_any(&tk[i - 1], weak_locatives)) return 0;
    return !ne_word_is(tk[i - 1].norm, "of") || i < 2 || tk[i - 2].sent != tk[i].sent || !is_any(&tk[i - 2], place_nouns);
}

/* Is the name at [i, end) a dateline: opening the body or a line, a colon
** after it ("lucknow: the police arrested ...", "surat: the state board
** exams ...")?  The place the story is filed from, whatever its case, even
** a name WordNet knows as a noun ("lucknow"). */
static int dateline(const struct ne_doc *d, size_t i, size_t end, size_t sent_end) {
    const ne_token *tk = d->tokens.items;
    if (end >= sent_end || tk[end].norm_len != 1 || tk[end].norm[0] != ':') return 0;
    return i == 0 || (tk[i].flags & NE_TF_NEWLINE) ||
           NE_VEC_AT(d->sentences, ne_sentence, tk[i - 1].sent)->in_title !=
               NE_VEC_AT(d->sentences, ne_sentence, tk[i].sent)->in_title;
}

/* Generated gazetteer names need context: a locative word before them or
** "-based" after them, and a sentence that is not in headline case; a
** calendar word is never a gazetteer place on its own. */
static int gazetteer_context(const struct ne_doc *d, size_t i, size_t end, size_t sent_end) {
    const ne_token *tk = d->tokens.items;
    if ((tk[i].flags & NE_TF_SENT_START) && dateline(d, i, end, sent_end)) return 1;
    if ((tk[i].flags & NE_TF_SENT_START) || (end == i + 1 && listed(d, i, calendar_tab))) return 0;
    if (listed(d, i - 1, locative_tab))
        return end > i + 1 || !weak_before(tk, i) ||
               NE_VEC_AT(d->sentences, ne_sentence, tk[i].sent)->caseless != NE_CASELESS_LOWER;
    return end + 1 < sent_end && tk[end].shape == NE_SH_DASH && strcmp(tk[end + 1].norm, "based") == 0;
}

/* Does the context of tokens [i, end) make any gazetteer name there credible
** (what nePlace_credible asks beyond the entry itself)? */
static int credible_context(const struct ne_engine *e, const struct ne_doc *d, size_t i, size_t end,
                            size_t sent_end) {
    if (gazetteer_context(d, i, end, sent_end)) return 1;
    uint32_t h; /* a seat of government the actor dictionaries name (Tehran) is surely a place */
    return neDict_longest(e, d, i, sent_end, NE_DM(NE_DT_METONYM), &h) == end - i;
}

int nePlace_credible(const struct ne_engine *e, const struct ne_doc *d, const ne_dentry *x, size_t i,
                     size_t end, size_t sent_end) {
    pthread_once(&context_once, context_build); /* the actors stage asks before this one runs */
    return x->source == NE_DS_HAND || x->pkind == NE_PK_REGION || credible_context(e, d, i, end, sent_end);
}

/* The country of the government the actor dictionaries name by the place
** name at [i, end) ("paris" FRAGOV: the capital), or NULL. */
static const char *capital_of(const struct ne_engine *e, const struct ne_doc *d, size_t i, size_t end,
                              size_t sent_end) {
    uint32_t h;
    if (neDict_longest(e, d, i, sent_end, NE_DM(NE_DT_METONYM), &h) != end - i) return NULL;
    return neDict_code(e, neDict_hit_entry(e, h), 0);
}

/* How important a place of this name is: the capital of its country, then
** a first-level region ("Ontario" of Canada, not the Californian town) or a
** city that names its region ("dubai" of Dubai, not the Indian village), then
** any other place; GeoNames gives no populations to rank towns by. */
static int importance(const struct ne_engine *e, const ne_dentry *x, const char *cc, const char *capital) {
    if (capital && cc && same3(capital, cc)) return 2;
    const char *a1 = neDict_str(e, x->admin1); /* the city its region is named after: Dubai of Dubai */
    return x->pkind == NE_PK_REGION || (*a1 && !strcmp(a1, neDict_str(e, x->name)));
}

/* Between two places of equal rank and evidence, is x better than best: a
** major city (major_cities.txt: "lucknow" the Indian city, not the Australian
** town), then a hand-written place? */
static int better_tie(const ne_dentry *x, const ne_dentry *best) {
    if (x->major != best->major) return x->major > best->major;
    return x->source == NE_DS_HAND && best->source != NE_DS_HAND;
}

/* A candidate place as choose ranks it: rank first (importance in
** lower-case text, else hand-written or not; RANK_LED for the major city of
** the composition the name leads, RANK_AFTER for a place in the region
** named after the name), then evidence (the document votes for its
** country: 1, else 0), then better_tie. */
typedef struct ranked {
    const ne_dentry *x;
    int rank, evidence;
} ranked;

enum { RANK_LED = 3, RANK_AFTER = 4 };

/* Does candidate a rank above b (b's x may be NULL only with rank -1)? */
static int ranks_above(const ranked *a, const ranked *b) {
    return a->rank > b->rank ||
           (a->rank == b->rank && (a->evidence > b->evidence || (a->evidence == b->evidence && better_tie(a->x, b->x))));
}

/* The country of a composition that the place name at token i leads ("the kochi
** police" INDCOP: actor.c chose the Indian city for it), or NULL. */
static const char *composed_country(const struct ne_doc *d, size_t i) {
    const ne_token *t = NE_VEC_AT(d->tokens, ne_token, i);
    if (t->actor < 0) return NULL;
    const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, t->actor);
    const ne_actor_info *in = NE_VEC_AT(d->actor_info, ne_actor_info, t->actor);
    return a->kind == NE_ACTOR_COMPOSED && in->tok_first == i && in->region ? a->country : NULL;
}

/* The countries of the regions and countries named after ", " at token end,
** the writer's word for which place of a shared name is meant ("Charlotte,
** North Carolina"): looked up once per choice (region_after). */
#define AFTER_MAX 4
typedef struct after_name {
    int looked, n;
    char cc[AFTER_MAX][4];
} after_name;

static void after_lookup(const struct ne_engine *e, const struct ne_doc *d, size_t end, size_t sent_end,
                         after_name *an) {
    uint32_t mask = NE_DM(NE_DT_PLACE) | NE_DM(NE_DT_COUNTRY), h = 0;
    const ne_token *t = end + 1 < sent_end ? NE_VEC_AT(d->tokens, ne_token, end) : NULL;
    an->looked = 1;
    if (!t || t->norm_len != 1 || t->norm[0] != ',' || !neDict_longest(e, d, end + 1, sent_end, mask, &h)) return;
    for (; h && an->n < AFTER_MAX; h = neDict_next_hit(e, d, end + 1, h, mask)) {
        const ne_dentry *y = neDict_hit_entry(e, h);
        const char *yc = y->type == NE_DT_COUNTRY || y->pkind == NE_PK_REGION ? neDict_code(e, y, 0) : NULL;
        if (yc && strlen(yc) == 3) memcpy(an->cc[an->n++], yc, 4);
    }
}

/* Is the name at [i, end) followed by ", " and a region or country of cc
** ("Charlotte, North Carolina", "Paris, Texas", "Hyderabad, Sindh")? */
static int region_after(const struct ne_engine *e, const struct ne_doc *d, size_t end, size_t sent_end,
                        const char *cc, after_name *an) {
    if (!an->looked) after_lookup(e, d, end, sent_end, an);
    for (int k = 0; cc && k < an->n; k++)
        if (same3(an->cc[k], cc)) return 1;
    return 0;
}

/* Does the document give evidence for a country of another entry of the name
** at token i (first hit) and none for led, the country of the composition the
** name leads ("Charlotte officials" with Saint Vincent named and the United
** States not)?  Then actor.c's major city is no better than another guess. */
static int led_outvoted(const struct ne_engine *e, const struct ne_doc *d, size_t i, uint32_t hit, const votes *v,
                        const char *led) {
    if (score(v, led) > 0) return 0;
    for (uint32_t h = hit; h; h = neDict_next_hit(e, d, i, h, NE_DM(NE_DT_PLACE))) {
        const char *cc = neDict_code(e, neDict_hit_entry(e, h), 0);
        if (cc && !same3(cc, led) && score(v, cc) > 0) return 1;
    }
    return 0;
}

/* Does a capitalized word follow the name that ends at token end ("Central
** Americans", "Charlotte Observer"): a longer name, that no namesake town of
** a region explains better than the region? */
static int name_goes_on(const struct ne_doc *d, size_t end, size_t sent_end) {
    if (end >= sent_end) return 0;
    int sh = NE_VEC_AT(d->tokens, ne_token, end)->shape;
    return sh == NE_SH_CAP || sh == NE_SH_UPPER || sh == NE_SH_MIXED;
}

/* Among the entries sharing the matched name, the best place (ranked):
** one in the region or country named after it (", North Carolina":
** region_after) first, then the major city of the country of a composition
** the name leads (actor.c's choice for "the kochi police"), unless the
** document gives evidence for another of the name's countries and none for
** that one (led_outvoted), then in lower-case text the most important one
** (importance; a capital says nothing there), in other text a hand-written
** one; then one in a country the document gives evidence for (votes:
** "punjab" in an article that names ludhiana is the Indian state, "lucknow"
** the Indian city, "Charlotte officials" in an American story the city of
** North Carolina, not the parish of Saint Vincent), then a major city of
** major_cities.txt (in any text: "Police arrested ten people in Lucknow"
** alone is the Indian city, not the first-loaded Australian town), then a
** hand-written place, then the first loaded; a country name when no place
** fits or only a gazetteer town does (Italy, Texas).  The towns of a name
** that leads a composition or that a gazetteer region has are places in any
** context in a country the document gives evidence for.  *ambiguous tells
** whether the credible places are in more than one country.  The context
** test, the same for every gazetteer entry, is made once and only when
** needed. */
static const ne_dentry *choose(const struct ne_engine *e, const struct ne_doc *d, size_t i, size_t end,
                               size_t sent_end, uint32_t hit, const votes *v, int *ambiguous) {
    const ne_dentry *country = NULL;
    int lower = NE_VEC_AT(d->sentences, ne_sentence, NE_VEC_AT(d->tokens, ne_token, i)->sent)->caseless == NE_CASELESS_LOWER;
    const char *first_cc = NULL, *capital = lower ? capital_of(e, d, i, end, sent_end) : NULL;
    ranked best = {NULL, -1, -1};
    uint32_t mask = NE_DM(NE_DT_PLACE) | NE_DM(NE_DT_COUNTRY);
    int context = -1; /* credible_context, once known */
    const char *led = composed_country(d, i);
    int led_major = led && !led_outvoted(e, d, i, hit, v, led); /* its major city counts */
    after_name after = {0, 0, {{0}}};
    int region = 0; /* a gazetteer region of this name came first (they load before the towns) */
    *ambiguous = 0;
    for (uint32_t h = hit; h; h = neDict_next_hit(e, d, i, h, mask)) {
        const ne_dentry *x = neDict_hit_entry(e, h);
        if (x->type == NE_DT_COUNTRY) { if (!country) country = x; continue; }
        /* its country only when it counts: most gazetteer towns of a name fail the context */
        const char *cc = led || region ? neDict_code(e, x, 0) : NULL;
        int mine = led_major && x->major && same3(led, cc); /* the place of "the kochi police" is theirs */
        /* a town of a name that leads role words ("said Charlotte officials") or that a gazetteer
        ** region has ("Charlotte remains under a state of emergency": the region needs no context)
        ** stands with them in a country the document gives evidence for */
        if (x->source != NE_DS_HAND && x->pkind != NE_PK_REGION && !mine && !((led || region) && score(v, cc) > 0) &&
            (context < 0 ? (context = credible_context(e, d, i, end, sent_end)) : context) == 0)
            continue;
        region |= x->source != NE_DS_HAND && x->pkind == NE_PK_REGION && !name_goes_on(d, end, sent_end);
        if (!cc) cc = neDict_code(e, x, 0);
        if (!first_cc) first_cc = cc;
        else if (cc && !same3(first_cc, cc) && !*ambiguous) {
            *ambiguous = 1; /* only now does the region after the name count: the best so far gets its due */
            if (best.x && region_after(e, d, end, sent_end, neDict_code(e, best.x, 0), &after)) best.rank += RANK_AFTER;
        }
        ranked r = {x, lower ? importance(e, x, cc, capital) : x->source == NE_DS_HAND, score(v, cc) > 0};
        if (mine) r.rank += RANK_LED;
        if (*ambiguous && region_after(e, d, end, sent_end, cc, &after))
            r.rank += RANK_AFTER; /* "Charlotte, North Carolina" */
        if (ranks_above(&r, &best)) best = r;
    }
    if (best.x && country && best.x->source != NE_DS_HAND && best.x->pkind != NE_PK_REGION) return country;
    return best.x ? best.x : country; /* "in italy" is the country, not Italy, Texas */
}

/* Tokens inside a person, organization or nominal mention are not places (an
** unknown name may be one: "Kharkiv"). */
static int inside_name(const struct ne_doc *d, size_t i) {
    const ne_token *t = NE_VEC_AT(d->tokens, ne_token, i);
    if (t->actor < 0) return 0;
    const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, t->actor);
    const ne_actor_info *in = NE_VEC_AT(d->actor_info, ne_actor_info, t->actor);
    if (a->kind == NE_ACTOR_UNKNOWN) return 0; /* "Kharkiv" may be a name and a place */
    if (a->kind == NE_ACTOR_NOMINAL) return 1; /* "the Centre": India's union government, not Burkina Faso's region */
    return a->kind == NE_ACTOR_NAMED && in->type != NE_DT_COUNTRY && in->type != NE_DT_METONYM &&
           in->type != NE_DT_DEMONYM;
}

/* Are tokens [i, end) a proper part of an unknown capitalized name? */
static int part_of_name(const struct ne_doc *d, size_t i, size_t end) {
    const ne_token *t = NE_VEC_AT(d->tokens, ne_token, i);
    if (t->actor < 0) return 0;
    const ne_actor_info *in = NE_VEC_AT(d->actor_info, ne_actor_info, t->actor);
    const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, t->actor);
    return a->kind == NE_ACTOR_UNKNOWN && (in->tok_first != i || in->tok_end != end);
}

/* Writes what entry x says of a place (name, country, region, coordinates) into p. */
static int fill(struct ne_doc *d, const struct ne_engine *e, const ne_dentry *x, ne_place *p) {
    const char *name = neDict_str(e, x->name), *cc = neDict_code(e, x, 0), *a1 = neDict_str(e, x->admin1);
    p->name = neA_strndup(&d->arena, name, strlen(name));
    p->country = cc ? neA_strndup(&d->arena, cc, 3) : NULL;
    p->admin1 = *a1 ? neA_strndup(&d->arena, a1, strlen(a1)) : NULL;
    if (!p->name || (cc && !p->country) || (*a1 && !p->admin1)) return NE_NOMEM;
    p->has_coords = x->has_coords;
    p->lat = x->lat;
    p->lon = x->lon;
    return NE_OK;
}

/* Appends the place of entry x named by tokens [i, end) to the document's
** places and marks the tokens with it.  Returns NE_OK or NE_NOMEM. */
static int emit(struct ne_doc *d, const struct ne_engine *e, const ne_dentry *x, size_t i, size_t end) {
    ne_token *tk = d->tokens.items;
    const ne_sentence *sn = NE_VEC_AT(d->sentences, ne_sentence, tk[i].sent);
    const char *txt = ne_seg_text(d, sn->in_title);
    size_t idx = d->places.n;
    ne_place *p = neV_push(&d->arena, &d->places);
    if (!p) return NE_NOMEM;
    p->text = neA_strndup(&d->arena, txt + tk[i].start, tk[end - 1].end - tk[i].start);
    if (!p->text || fill(d, e, x, p)) return NE_NOMEM;
    p->span.start = tk[i].start;
    p->span.end = tk[end - 1].end;
    p->sentence = ne_pub_sent(d, tk[i].sent);
    p->in_title = sn->in_title;
    for (size_t k = i; k < end; k++) tk[k].place = (int32_t)idx;
    return NE_OK;
}

/* Is the lower-case token t a common English word or the inflection of one? */
static int common_word(const struct ne_engine *e, const ne_token *t) {
    if (t->shape != NE_SH_LOWER) return 0;
    if (neLemma_class(e->lexicon, t->norm, t->norm_len) || neLemma_common(e->lexicon, t->norm, t->norm_len)) return 1;
    size_t ln = t->lemma ? strlen(t->lemma) : 0; /* "burns": WordNet has only Burns, but "burn" */
    return ln && (ln != t->norm_len || memcmp(t->lemma, t->norm, ln)) && neLemma_common(e->lexicon, t->lemma, ln);
}

/* Is the lower-case name at [i, end) made of common English words only
** ("succumbed to burns", "in the village", "the plains") that only capitals
** would make a town?  Hand-written places and regions are exempt ("punjab",
** "georgia"). */
static int common_lower(const struct ne_engine *e, const struct ne_doc *d, const ne_dentry *x, size_t i,
                        size_t end) {
    if (x->source == NE_DS_HAND || x->pkind == NE_PK_REGION || !neLemma_have_wordnet(e->lexicon)) return 0;
    for (size_t k = i; k < end; k++)
        if (!common_word(e, NE_VEC_AT(d->tokens, ne_token, k))) return 0;
    return 1;
}

/* A place whose name has candidates in several countries, chosen again
** once the whole document's votes are known. */
typedef struct pending {
    size_t place, i, end, sent_end;
    uint32_t hit;
} pending;

/* Is x a gazetteer town: no hand-written place, region or major city? */
static uint8_t minor_town(const ne_dentry *x) {
    return x->source != NE_DS_HAND && x->pkind != NE_PK_REGION && !x->major;
}

/* Words of direction and of landform that the gazetteer (iso-codes) also
** has as a first-level region's whole name: Cameroon's North and South
** regions, Fiji's Western and Eastern divisions, Botswana's Central and
** Southern districts, Papua New Guinea's Gulf province.  Written alone in news
** they name a direction or a landform ("Western leaders", "Southern voters",
** "ships in the Gulf", "women in the South"), not that region; the first four
** after "the" may shorten a country's name (direction_place). */
static const char *const direction_words[] = {"north", "south", "east", "west", "northern", "southern",
                                              "eastern", "western", "central", "gulf", "coast", "delta",
                                              "plateau", "lakes", "highlands", "littoral", NULL};

/* The place the gazetteer region x named by the one capitalized token i
** stands for when its name is a direction word:
** after "the", a compass word names the country of that word and another
** name that the document names, as the writer shortens it ("North Korea fired
** a missile ... Japan protested to the North": PRK; "the South" after South
** Sudan: SSD; a named country or demonym actor whose name opens with the word
** and a space).  Returns that country's code, "" for no place (any other
** direction word, or no such country named), or NULL when x is no such region
** (then it stays as chosen). */
static __attribute__((noinline)) const char *direction_place(const struct ne_doc *d, const ne_dentry *x, size_t i) {
    const ne_token *tk = d->tokens.items;
    if (x->source == NE_DS_HAND || x->pkind != NE_PK_REGION || tk[i].shape != NE_SH_CAP ||
        !is_any(&tk[i], direction_words))
        return NULL;
    if (i == 0 || !ne_word_is(tk[i - 1].norm, "the") || tk[i - 1].sent != tk[i].sent || tk[i].norm_len > 5) return "";
    for (size_t k = 0; k < d->actors.n; k++) {
        const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, k);
        const ne_actor_info *in = NE_VEC_AT(d->actor_info, ne_actor_info, k);
        size_t w = tk[i].norm_len;
        if ((in->type != NE_DT_COUNTRY && in->type != NE_DT_DEMONYM) || !a->name || !a->country ||
            strlen(a->country) != 3 || strlen(a->name) <= w || a->name[w] != ' ' ||
            strncasecmp(a->name, tk[i].norm, w))
            continue;
        return a->country;
    }
    return "";
}

/* Makes the place just emitted for "the North" (direction_place) one of
** country cc: no region of the gazetteer's, no coordinates. */
static void compass_place(ne_place *p, const char *cc) {
    p->country = cc;
    p->admin1 = NULL;
    p->has_coords = 0;
    p->lat = p->lon = 0;
}

/* The first token in [i, b) whose types bits meet mask, or b.  Four tokens'
** bits are tested as one 64-bit word while four remain: most tokens start no
** place name, and a word costs as much as one token's test. */
static size_t next_allowed(const uint16_t *types, size_t i, size_t b, uint32_t mask) {
    uint64_t m4 = (uint64_t)(uint16_t)mask * 0x0001000100010001ull, w;
    for (; i + 4 <= b; i += 4) {
        memcpy(&w, types + i, sizeof w);
        if (w & m4) break;
    }
    while (i < b && !(types[i] & mask)) i++;
    return i;
}

/* types: neDict_token_allowed, tested here before the call (most tokens
** start no place name that may match as written; neDict_longest refuses the
** others on the same bits).  Emits the places, counts the names of one
** country into v and lists the others in amb; pushes minor_town of each
** emitted place onto minor, so that minor[k] is d->places[k]'s while
** d->places started empty. */
static int scan_sentence(struct ne_doc *d, const struct ne_engine *e, const uint16_t *types, size_t a, size_t b,
                         votes *v, ne_vec *amb, ne_vec *minor) {
    uint32_t mask = NE_DM(NE_DT_PLACE) | NE_DM(NE_DT_COUNTRY), hit;
    for (size_t i = a; i < b;) {
        i = next_allowed(types, i, b, mask); /* most tokens start no place name */
        if (i == b) break;
        int several = 0;
        size_t n = inside_name(d, i) ? 0 : neDict_longest(e, d, i, b, mask, &hit);
        const ne_dentry *x = n ? choose(e, d, i, i + n, b, hit, v, &several) : NULL;
        if (x && x->source != NE_DS_HAND && part_of_name(d, i, i + n)) x = NULL; /* "East" in "Middle East" */
        if (x && common_lower(e, d, x, i, i + n) && !dateline(d, i, i + n, b)) x = NULL;
        if (!x) { i++; continue; }
        /* "the North": the country named so; "Western leaders": no place (direction words have 4-9 letters) */
        size_t len = NE_VEC_AT(d->tokens, ne_token, i)->norm_len;
        const char *cc = n == 1 && len >= 4 && len <= 9 ? direction_place(d, x, i) : NULL;
        if (cc && !*cc) { i += n; continue; }
        if (cc) several = 0; /* chosen: not again with the document's votes (resolve) */
        else if (!several) vote(v, neDict_code(e, x, 0));
        else {
            unvote(v, composed_country(d, i)); /* "Charlotte officials" is no evidence for its own Charlotte */
            pending *pd = neV_push(&d->arena, amb);
            if (!pd) return NE_NOMEM;
            *pd = (pending){d->places.n, i, i + n, b, hit};
        }
        uint8_t *mt = neV_push(&d->arena, minor);
        if (!mt || emit(d, e, x, i, i + n)) return NE_NOMEM;
        *mt = minor_town(x);
        if (cc) { /* the country's place, not the gazetteer region's */
            compass_place(NE_VEC_AT(d->places, ne_place, d->places.n - 1), cc);
            *mt = 0;
        }
        i += n;
    }
    return NE_OK;
}

/* Gives the composition that the place name at token i leads ("Charlotte
** officials" VCTGOV: actor.c took the first entry, the parish of Saint
** Vincent) the country cc of the place chosen there with the whole
** document's evidence (USAGOV in an American story), the role kept. */
static int recode_led(struct ne_doc *d, size_t i, const char *cc) {
    const char *led = composed_country(d, i);
    if (!led || !cc || strlen(cc) != 3 || same3(led, cc)) return NE_OK;
    ne_actor *a = NE_VEC_AT(d->actors, ne_actor, NE_VEC_AT(d->tokens, ne_token, i)->actor);
    char code[16];
    size_t rest = a->code && strlen(a->code) >= 3 && same3(a->code, led) ? strlen(a->code) - 3 : 0;
    if (rest > sizeof code - 4) return NE_OK; /* codes are at most 15 letters */
    memcpy(code, cc, 3);
    if (rest) memcpy(code + 3, a->code + 3, rest);
    if (a->code && !(a->code = neA_strndup(&d->arena, code, 3 + rest))) return NE_NOMEM;
    a->country = cc; /* the place's, in the document's arena */
    return NE_OK;
}

/* Chooses the places of several countries again with the whole document's
** votes, and the country of a composition such a name leads with them. */
static int resolve(struct ne_doc *d, const struct ne_engine *e, const votes *v, const ne_vec *amb, uint8_t *minor) {
    for (size_t k = 0; k < amb->n; k++) {
        const pending *pd = NE_VEC_AT(*amb, pending, k);
        int several;
        const ne_dentry *x = choose(e, d, pd->i, pd->end, pd->sent_end, pd->hit, v, &several);
        if (!x || (x->source != NE_DS_HAND && part_of_name(d, pd->i, pd->end)) || common_lower(e, d, x, pd->i, pd->end))
            continue; /* keep the first choice */
        if (fill(d, e, x, NE_VEC_AT(d->places, ne_place, pd->place)) ||
            recode_led(d, pd->i, NE_VEC_AT(d->places, ne_place, pd->place)->country))
            return NE_NOMEM;
        minor[pd->place] = minor_town(x);
    }
    return NE_OK;
}

/* The country of most votes when it clearly leads (at least three, and twice
** the next), else NULL. */
static const char *leading(const votes *v) {
    int best = -1, second = 0;
    for (int i = 0; i < v->k; i++) {
        if (best < 0 || v->n[i] > v->n[best]) {
            if (best >= 0) second = v->n[best];
            best = i;
        } else if (v->n[i] > second) {
            second = v->n[i];
        }
    }
    return best >= 0 && v->n[best] >= 3 && v->n[best] >= 2 * second ? v->cc[best] : NULL;
}

/* A gazetteer town of another country than the one the document is clearly
** about, and the only word for that country in it ("a youth was stabbed in
** shahpur" in an Ahmedabad story: GeoNames has only the Pakistani town, the
** story means a quarter of the city), is no place: dropped, so that actors
** and events do not take its country. */
static int drop_strays(struct ne_doc *d, const votes *v, const uint8_t *minor) {
    const char *lead = leading(v);
    size_t n = d->places.n, w = 0;
    if (!lead || !n) return NE_OK;
    int32_t *to = neA_alloc(&d->arena, n * sizeof *to);
    if (!to) return NE_NOMEM;
    for (size_t k = 0; k < n; k++) {
        const ne_place *p = NE_VEC_AT(d->places, ne_place, k);
        int stray = minor[k] && p->country && !same3(p->country, lead) && score(v, p->country) <= 1;
        to[k] = stray ? -1 : (int32_t)w;
        if (!stray && w++ != k) *NE_VEC_AT(d->places, ne_place, w - 1) = *p;
    }
    if (w == n) return NE_OK;
    ne_token *tk = d->tokens.items;
    for (size_t i = 0; i < d->tokens.n; i++)
        if (tk[i].place >= 0) tk[i].place = to[tk[i].place];
    d->places.n = w;
    return NE_OK;
}

int nePlace_find(struct ne_doc *d, const struct ne_engine *e) {
    if (!e->dict) return NE_OK;
    /* minor (scan_sentence, resolve, drop_strays) is indexed by place: it
       holds only the places found here, so d->places must start empty (this
       stage runs once per document) */
    if (d->places.n)
        return ne_doc_fail(d, NE_ERROR, "internal: nePlace_find on a document that already has %zu places",
                           d->places.n);
    pthread_once(&context_once, context_build);
    int rc = neDict_prepare(d, e);
    const uint16_t *types = neDict_token_allowed(d);
    votes v = {{{0}}, {0}, 0};
    ne_vec amb, minor;
    neV_init(&amb, sizeof(pending));
    neV_init(&minor, 1);
    for (size_t i = 0; i < d->actors.n; i++) vote(&v, NE_VEC_AT(d->actors, ne_actor, i)->country);
    for (size_t s = 0; rc == NE_OK && s < d->sentences.n; s++) {
        const ne_sentence *sn = NE_VEC_AT(d->sentences, ne_sentence, s);
        rc = scan_sentence(d, e, types, sn->tok_first, (size_t)sn->tok_first + sn->tok_count, &v, &amb, &minor);
    }
    if (rc == NE_OK && amb.n) rc = resolve(d, e, &v, &amb, minor.items);
    return rc == NE_OK ? drop_strays(d, &v, minor.items) : rc;
}
