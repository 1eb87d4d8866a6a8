/* clause.c: clause analysis without a parser: rules over word classes chunk
** noun groups and verb groups, find clause bounds, subjects (passing over
** appositions and prepositional objects), relative-clause antecedents,
** modality (negation, modals, conditionals, questions) and who reported
** a clause (docs/PATTERNS.md, "Clauses"). */
#include "dict.h"
#include "neInt.h"

#include <pthread.h>
#include <string.h>

/* ---- per-token judgements ---- */

static const ne_token *TK(const ne_sview *sv, int i) { return &sv->t[i]; }
static int WC(const ne_sview *sv, int i) { return sv->wc[i]; }
/* Is token i the word w? */
static int is_word(const ne_sview *sv, int i, const char *w) { return ne_word_is(sv->t[i].norm, w); }
/* Is token i the punctuation mark w (one ASCII mark the tokenizer shapes
** NE_SH_PUNCT: , ; : ( ) ?)?  The shape first: it spares reading the text. */
static int is_mark(const ne_sview *sv, int i, const char *w) { return sv->t[i].shape == NE_SH_PUNCT && is_word(sv, i, w); }

static int is_comma(const ne_sview *sv, int i) { return is_mark(sv, i, ","); }

/* Is token i the second dash of a double dash set off by a space (" --")? */
static int double_dash_end(const ne_sview *sv, int i) {
    return i > 0 && TK(sv, i)->shape == NE_SH_DASH && TK(sv, i - 1)->shape == NE_SH_DASH &&
           (TK(sv, i - 1)->flags & NE_TF_SPACE_BEFORE) && TK(sv, i - 1)->end == TK(sv, i)->start;
}

/* A dash set off by a space, which opens or closes an aside like a comma
** ("Sanders - who met Obama on Wednesday - praised ..."), or the second
** dash of a double one so set off when another double dash pairs with it
** within 30 tokens ("the automakers -- Chrysler, Ford and GM -- have
** been": the aside's two ends; a lone "-- meddling the congressman said"
** opens none); not the hyphen of "Pakistan-Iran" or "near-daily". */
static int is_aside_dash(const ne_sview *sv, int i) {
    if (TK(sv, i)->shape != NE_SH_DASH) return 0;
    if (TK(sv, i)->flags & NE_TF_SPACE_BEFORE) return 1;
    if (!double_dash_end(sv, i)) return 0;
    for (int k = i - 30 > 1 ? i - 30 : 1; k < sv->n && k <= i + 30; k++)
        if (k != i && double_dash_end(sv, k)) return 1;
    return 0;
}

static int ends_with(const char *s, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n > k && !memcmp(s + n - k, suf, k);
}

/* A clause boundary mark: ; : or a bracket (not one of a party label,
** which neClause_view marks as an adverb, nor one inside an actor's name:
** "CPI(M)", "JD(U)"). */
static int is_hard_boundary(const ne_sview *sv, int i) {
    if (TK(sv, i)->shape != NE_SH_PUNCT) return 0; /* is_mark's test, once */
    return is_word(sv, i, ";") || is_word(sv, i, ":") ||
           ((is_word(sv, i, "(") || is_word(sv, i, ")")) && WC(sv, i) != NE_WC_ADV && TK(sv, i)->actor < 0);
}

/* Does dual noun phrase a ("the two leaders") stand for a pair (coref.c dual_pairs)? */
static int paired(const ne_sview *sv, int a) { return sv->d->dual_pairs && sv->d->dual_pairs[a][0]; }

/* neClause_actor of a mention that is a place ("in Moscow": where, -1) or
** a dual noun phrase: a when it stands for a pair or its head is a mention
** of its own ("the two men"), -1 otherwise ("the two sides" of no pair). */
static __attribute__((noinline)) int placed_or_dual(const ne_sview *sv, int a, const ne_actor_info *in) {
    return in->located || ((in->dual & NE_DUAL_HEADLESS) && !paired(sv, a)) ? -1 : a;
}

int neClause_actor(const ne_sview *sv, int i) {
    int a = TK(sv, i)->actor;
    if (a < 0 || (size_t)a >= sv->d->actors.n) return -1;
    const ne_actor *ac = NE_VEC_AT(sv->d->actors, ne_actor, a);
    if (ac->kind == NE_ACTOR_UNKNOWN && !ac->code) return -1;
    const ne_actor_info *in = NE_VEC_AT(sv->d->actor_info, ne_actor_info, a);
    return __builtin_expect(in->located | in->dual, 0) ? placed_or_dual(sv, a, in) : a;
}

/* Auxiliaries and modals: tokens of a verb group before its main verb. */
static int is_aux(const ne_sview *sv, int i) {
    int c = WC(sv, i);
    if (c == NE_WC_MODAL) return TK(sv, i)->shape == NE_SH_LOWER; /* not "May" */
    return c == NE_WC_BE || c == NE_WC_HAVE || c == NE_WC_DO;
}

/* Is the sentence written all in capitals (any word may be a verb)? */
static int caps_sentence(const ne_sview *sv) {
    return NE_VEC_AT(sv->d->sentences, ne_sentence, sv->sent)->caseless == NE_CASELESS_UPPER;
}

int neClause_may_verb(const ne_token *t) {
    int c = NE_WCLASS(t);
    return (t->tags & NE_TAG_VERB) && (c == NE_WC_OPEN || c == NE_WC_REPORT || c == NE_WC_IMPLIC);
}

/* Could token i (an open-class word) be a verb form here? */
static inline int verb_form(const ne_sview *sv, int i) {
    const ne_token *t = TK(sv, i);
    int c = WC(sv, i); /* the tests on the token first, the actor and the sentence last */
    if (!(t->tags & NE_TAG_VERB) || (c != NE_WC_OPEN && c != NE_WC_REPORT && c != NE_WC_IMPLIC)) return 0;
    if (t->shape != NE_SH_LOWER && !(sv->headline && t->shape == NE_SH_CAP) && !caps_sentence(sv)) return 0;
    return neClause_actor(sv, i) < 0;
}

/* An -ed form, or an inflected form ending in neither -s nor -ing ("led",
** "won"); the suffixes before ne_inflected, whose strcmp they mostly spare. */
static int inflected_ed(const ne_token *t) {
    return ends_with(t->norm, t->norm_len, "ed") ||
           (!ends_with(t->norm, t->norm_len, "s") && !ends_with(t->norm, t->norm_len, "ing") && ne_inflected(t));
}

/* A capitalized adjective of nationality before a noun ("Iranian", "Pakistani"),
** not a person's name of that ending ("Sonia Gandhi criticises", "Rouhani says"). */
static int demonym_actor(const ne_sview *sv, int i) {
    int a = neClause_actor(sv, i);
    if (a < 0 || NE_VEC_AT(sv->d->actor_info, ne_actor_info, (size_t)a)->type == NE_DT_PERSON) return 0;
    const ne_token *t = TK(sv, i);
    const char *s = t->norm;
    size_t n = t->norm_len;
    if (n < 5 || ends_with(s, n, "stan")) return 0;
    return ends_with(s, n, "ian") || ends_with(s, n, "ani") || ends_with(s, n, "ese") || ends_with(s, n, "ish") ||
           ends_with(s, n, "i") || ends_with(s, n, "can") || ends_with(s, n, "ean");
}

/* For token i a relational noun ("rival", "partner", "parent", "ally") in its
** base form between two actor names, the last token of the first name:
** "Airbus rival Boeing", "Aer Lingus rival Ryanair", "China's ally Pakistan"
** (the group names the second actor, its head; the word is no verb there);
** else -1. */
static int relational_left(const ne_sview *sv, int i) {
    static const char *const rel[] = {"rival", "partner", "parent", "ally", "neighbour", "neighbor", NULL};
    if (i < 1 || i + 1 >= sv->n || neClause_actor(sv, i + 1) < 0 || TK(sv, i + 1)->shape == NE_SH_LOWER ||
        !ne_word_in(TK(sv, i)->norm, rel))
        return -1;
    int l = i - 1;
    if (l > 0 && WC(sv, l) == NE_WC_POSS && is_word(sv, l, "'s")) l--; /* "China's ally Pakistan" */
    return neClause_actor(sv, l) >= 0 ? l : -1;
}

/* The previous token that is not an adverb or a quote mark, or -1. */
static int prev_nonadv(const ne_sview *sv, int i) {
    for (i--; i >= 0; i--)
        if (WC(sv, i) != NE_WC_ADV && WC(sv, i) != NE_WC_SPEC && TK(sv, i)->shape != NE_SH_QUOTE) return i;
    return -1;
}

/* An -ed form right after the verb whose object it begins, before a noun, is
** a modifier, not a verb ("sent armoured vehicles", "cancelled planned
** talks"). (After a determiner it stays a verb: "the arrested workers"
** reports the arrest.) */
static int ed_modifier(const ne_sview *sv, int i) {
    int p = prev_nonadv(sv, i);
    if (p < 0 || i + 1 >= sv->n || !sv->isverb[p] || WC(sv, p) != NE_WC_OPEN) return 0;
    const ne_token *n = TK(sv, i + 1);
    if (neClause_actor(sv, i + 1) >= 0) return n->shape == NE_SH_CAP || n->shape == NE_SH_LOWER;
    return WC(sv, i + 1) == NE_WC_OPEN && n->shape == NE_SH_LOWER && !ends_with(n->norm, n->norm_len, "ed") &&
           !ends_with(n->norm, n->norm_len, "ly");
}

/* An -ed form after a possessive (p, adverbs between) and before a
** lower-case noun modifies that noun: "Obama's highly criticized press
** conference", "his planned visit" (the owner did not criticize or plan). */
static int poss_modifier(const ne_sview *sv, int p, int i) {
    if (p < 0 || WC(sv, p) != NE_WC_POSS || i + 1 >= sv->n) return 0;
    const ne_token *n = TK(sv, i + 1);
    return WC(sv, i + 1) == NE_WC_OPEN && n->shape == NE_SH_LOWER && neClause_actor(sv, i + 1) < 0;
}

/* Is token i (a possible verb) used as a noun here?  Rules over the left
** neighbour: determiners, possessives, numbers, prepositions, adjectives and
** nationality words make a noun; auxiliaries, "to", pronouns, names a verb. */
/* A verb whose past participle is its base form ("has come under fire", "has
** hit back", "was hit by", "were cut off", "has cast X as unfit"): after a form of have (perfect) or
** of be (passive) it is the verb, not a noun as other base forms there
** ("has plans", "is talks").  Verbs that are rarely nouns after "have"/"be". */
static int same_participle(const ne_token *t, int aux) {
    static const char *const have[] = {"come", "become", "overcome", "run", "hit", "put", "set", "cut", "let", "quit",
                                       "spread", "cost", "hurt", "shut", "bid", "beat", "upset", "cast",
                                       "shed", "forecast", "broadcast", "split", "burst", "thrust", "rid", NULL};
    static const char *const be[] = {"hit", "put", "set", "cut", "let", "shut", "hurt", "spread", "beat",
                                     "upset", "overrun", "cast", "shed", "broadcast", "split", "thrust", NULL};
    return ne_word_in(t->norm, aux == NE_WC_HAVE ? have : be);
}

/* Is token i the plural of an event noun ("attacks", "bombings", "talks")
** with no object after it ("the Paris attacks in November", "the Mumbai
** blasts killed"), where "the US attacks Iran" has one? */
static int place_event_plural(const ne_sview *sv, int i) {
    static const char *const events[] = {"attack", "strike", "bombing", "blast", "explosion", "killing", "riot",
                                         "protest", "talk", "clash", "shooting", "raid", "airstrike", NULL};
    const ne_token *t = TK(sv, i);
    if (!ends_with(t->norm, t->norm_len, "s") || !ne_word_in(t->lemma, events)) return 0;
    if (i + 1 >= sv->n) return 1;
    int c = WC(sv, i + 1);
    return !(c == NE_WC_DET || c == NE_WC_POSS || c == NE_WC_PRON || TK(sv, i + 1)->shape == NE_SH_NUM ||
             neClause_actor(sv, i + 1) >= 0);
}

/* Is token i followed by a verb particle ("hit out", "hit back", "put up",
** "cut off")?  A noun a name modifies ("the Pakistan-Iran border") is not. */
static int particle_next(const ne_sview *sv, int i) {
    static const char *const parts[] = {"out", "back", "off", "up", "down", "away", NULL};
    return i + 1 < sv->n && ne_word_in(TK(sv, i + 1)->norm, parts);
}

/* Is token i a past form like its base ("cut", "hit", "set", "shut") with
** the start of an object right after it: "The United States cut ties with
** Cuba", "the Taliban hit a police post" (a name with "the" before it reads
** as a modifier otherwise: "the Pakistan-Iran border")?  Not before a
** preposition ("the US cut in aid"). */
static int past_with_object(const ne_sview *sv, int i) {
    if (i + 1 >= sv->n || !same_participle(TK(sv, i), NE_WC_HAVE)) return 0;
    int c = WC(sv, i + 1);
    const ne_token *n = TK(sv, i + 1);
    return c == NE_WC_DET || c == NE_WC_POSS || n->shape == NE_SH_NUM || neClause_actor(sv, i + 1) >= 0 ||
           (c == NE_WC_OPEN && n->shape == NE_SH_LOWER);
}

static int judge_noun(const ne_sview *sv, int i) {
    const ne_token *t = TK(sv, i);
    if (!(t->tags & NE_TAG_VERB)) return 1;
    int p = prev_nonadv(sv, i);
    if (inflected_ed(t)) return ed_modifier(sv, i) || poss_modifier(sv, p, i);
    if (p < 0) return 1;
    int c = WC(sv, p);
    const ne_token *pt = TK(sv, p);
    if (ends_with(t->norm, t->norm_len, "ing")) return c == NE_WC_DET || c == NE_WC_POSS || c == NE_WC_NODET;
    if (c == NE_WC_DET || c == NE_WC_POSS || c == NE_WC_NODET || c == NE_WC_PREP || pt->shape == NE_SH_NUM) return 1;
    if (c == NE_WC_MODAL || c == NE_WC_TO || c == NE_WC_NEG || c == NE_WC_DO || c == NE_WC_PRON || c == NE_WC_REL ||
        c == NE_WC_THAT)
        return 0;
    if (neClause_actor(sv, p) >= 0) { /* "the Pakistan-Iran border": a name as modifier */
        if (relational_left(sv, i) >= 0) return 1;
        int q = p;
        while (q >= 0 && (neClause_actor(sv, q) >= 0 || TK(sv, q)->shape == NE_SH_DASH)) q--;
        /* "a key U.S. ally", "a key Afghan army base": adjectives between the determiner and the name */
        for (int adj = 0; adj < 2 && q > 0 && WC(sv, q) == NE_WC_OPEN && TK(sv, q)->shape == NE_SH_LOWER && !sv->isverb[q];
             adj++)
            q--;
        int base = !ne_inflected(t); /* "the US attacks Iran" stays a verb */
        int det = q >= 0 && (WC(sv, q) == NE_WC_DET || WC(sv, q) == NE_WC_POSS || WC(sv, q) == NE_WC_NODET);
        /* "the VHP hit out at", "the BJP hit back": a particle after a base form makes it the verb;
        ** so does an object after a past form like its base ("the Taliban hit a police post") */
        if (det && ((base && !particle_next(sv, i) && !past_with_object(sv, i)) || place_event_plural(sv, i)))
            return 1;
        return demonym_actor(sv, p);
    }
    if ((c == NE_WC_HAVE || c == NE_WC_BE) && same_participle(t, c)) return 0; /* "has come", "was hit" */
    if (sv->isverb[p] || c == NE_WC_BE || c == NE_WC_HAVE) return 1; /* object of a verb */
    if (c == NE_WC_OPEN && pt->shape == NE_SH_LOWER)                  /* "terrorist attacks" */
        return !(ends_with(pt->norm, pt->norm_len, "s") && !ends_with(t->norm, t->norm_len, "s"));
    return pt->shape == NE_SH_PUNCT && !is_comma(sv, p);
}

/* Does a count start at token i ("50", "two dozen", "hundreds of")? */
static int count_at(const ne_sview *sv, int i) {
    static const char *const words[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                        "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
                                        "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "a", NULL};
    if (i >= sv->n) return 0;
    if (TK(sv, i)->shape == NE_SH_NUM) return 1;
    for (const char *const *w = words; *w; w++)
        if (is_word(sv, i, *w)) return **w != 'a' || (i + 1 < sv->n && (is_word(sv, i + 1, "dozen") || is_word(sv, i + 1, "hundred")));
    return 0;
}

int neClause_count(const ne_sview *sv, int i) { return i >= 0 && count_at(sv, i); }

static const char *const approx_one[] = {"about", "around", "over", "some", "nearly", "almost", "roughly",
                                         "approximately", "under", "only", "just", NULL};
static const char *const approx_two[][2] = {{"at", "least"}, {"up", "to"}, {"as", "many"}, {"at", "most"}};
/* The word-set bits of the first words of the approximators and of "once"
** (ne_hash of the text, as d->nhash), as a set and as a list: most tokens,
** and most sentences, miss all of them. */
static ne_wordset approx_first;
static uint16_t approx_bit[16];
static int napprox;
static pthread_once_t approx_once = PTHREAD_ONCE_INIT;

static void approx_add(const char *w) {
    uint32_t h = ne_hash(w, strlen(w));
    ne_ws_add(&approx_first, h);
    approx_bit[napprox++] = (uint16_t)ne_ws_bit(h);
}

static void approx_build(void) {
    for (const char *const *w = approx_one; *w; w++) approx_add(*w);
    for (size_t k = 0; k < sizeof approx_two / sizeof approx_two[0]; k++) approx_add(approx_two[k][0]);
    approx_add("once");
}
_Static_assert(sizeof approx_one / sizeof *approx_one - 1 + sizeof approx_two / sizeof *approx_two + 1 <= 16,
               "approx_bit holds every first word");

/* May the sentence whose words are words hold an approximator (the bit of
** some first word set)?  Builds approx_first. */
static int approx_maybe(const ne_wordset *words) {
    pthread_once(&approx_once, approx_build);
    for (int k = 0; k < napprox; k++)
        if (ne_ws_has(words, approx_bit[k])) return 1;
    return 0;
}

/* Approximators before a count are adverbs, not prepositions: "about 35
** persons were arrested" (a subject, not the object of "about"), "arrested
** over 50 workers", "at least 22", "up to 30" ("more than" stays: "more" heads
** a group itself).  Needs approx_first built (approx_maybe). */
static void approximators(ne_sview *sv) {
    for (int i = 0; i + 1 < sv->n; i++) {
        if (!ne_ws_has(&approx_first, ne_ws_bit(sv->nh[i]))) continue;
        for (size_t k = 0; k < sizeof approx_two / sizeof approx_two[0]; k++)
            if (is_word(sv, i, approx_two[k][0]) && is_word(sv, i + 1, approx_two[k][1]) && count_at(sv, i + 2 + (k == 2)))
                sv->wc[i] = sv->wc[i + 1] = NE_WC_ADV;
        for (const char *const *w = approx_one; *w; w++)
            if (is_word(sv, i, *w) && count_at(sv, i + 1)) sv->wc[i] = NE_WC_ADV;
        if (is_word(sv, i, "once") && (is_word(sv, i + 1, "again") || is_word(sv, i + 1, "more")))
            sv->wc[i] = sv->wc[i + 1] = NE_WC_ADV; /* "is once again questioning": no subordinator */
        else if (is_word(sv, i, "once") && sv->wc[i + 1] == NE_WC_PREP)
            sv->wc[i] = NE_WC_ADV; /* "police once during the riots arrested": "once in 2002" is a time adverb */
    }
}

/* A label in brackets after a name: US news gives a politician's party and
** state ("Sen. Bernie Sanders (I-Vt.) called on ...", "Gov. Rick Snyder (R)",
** "Pat Toomey (Pa.)").  The end of such a label opening at token i (the
** ")"), or -1: after a capitalized word, one to six capitalized words,
** dashes, dots or commas, not an abbreviation alone ("(DNC)", "(ISIS)": left
** as a bound, as that measured better on ConfliBERT's targets). */
static int name_label(const ne_sview *sv, int i) {
    if (i < 1 || i + 2 >= sv->n || !is_mark(sv, i, "(")) return -1;
    int before = TK(sv, i - 1)->shape;
    if (before != NE_SH_CAP && before != NE_SH_UPPER) return -1;
    int words = 0;
    for (int e = i + 1; e < sv->n && e <= i + 7; e++) {
        const ne_token *t = TK(sv, e);
        if (is_word(sv, e, ")")) /* not an abbreviation alone: "(DNC)" */
            return words && !(e == i + 2 && TK(sv, i + 1)->shape == NE_SH_UPPER && TK(sv, i + 1)->norm_len > 1 &&
                              !memchr(sv->text + TK(sv, i + 1)->start, '.', TK(sv, i + 1)->end - TK(sv, i + 1)->start))
                       ? e
                       : -1;
        if (t->shape == NE_SH_CAP || t->shape == NE_SH_UPPER) words++;
        else if (t->shape != NE_SH_DASH && !is_word(sv, e, ".") && !is_comma(sv, e)) return -1;
    }
    return -1;
}

/* Are the letters of the upper-case token k the initials of the capitalized
** words ending at token e, passing over "of", "the", "for" and "and"
** ("Amnesty International" AI, "Armed Forces of the Philippines" AFP)? */
static int initials_of(const ne_sview *sv, int k, int e) {
    const ne_token *t = TK(sv, k);
    int n = (int)(t->end - t->start);
    const char *x = sv->text + t->start;
    if (t->shape != NE_SH_UPPER || n < 2 || n > 6) return 0;
    for (int l = n - 1; l >= 0; l--, e--) {
        while (e >= 0 && TK(sv, e)->shape == NE_SH_LOWER &&
               (is_word(sv, e, "of") || is_word(sv, e, "the") || is_word(sv, e, "for") || is_word(sv, e, "and")))
            e--;
        if (e < 0 || (TK(sv, e)->shape != NE_SH_CAP && TK(sv, e)->shape != NE_SH_UPPER) ||
            sv->text[TK(sv, e)->start] != x[l])
            return 0;
    }
    return 1;
}

/* An abbreviation in brackets right after the name it stands for ("the
** rashtriya swayamsevak sangh (rss) on sunday issued ...", "the Democratic
** National Committee (DNC) said"): one actor named twice, no clause bound.
** The end of such a label opening at token i (the ")"), or -1: one token in
** the brackets, an actor mention of the same code as the mention right
** before them, or no actor and the initials of that mention's words
** (initials_of). */
static int acronym_label(const ne_sview *sv, int i) {
    if (i < 1 || i + 2 >= sv->n || !is_mark(sv, i, "(") || !is_mark(sv, i + 2, ")")) return -1;
    int a = neClause_actor(sv, i - 1), b = neClause_actor(sv, i + 1);
    /* an abbreviation no dictionary knows, of the name's initials: "Amnesty International (AI) has accused" */
    if (a >= 0 && b < 0 && initials_of(sv, i + 1, i - 1)) return i + 2;
    if (a < 0 || b < 0 || a == b) return -1;
    const char *x = NE_VEC_AT(sv->d->actors, ne_actor, a)->code, *y = NE_VEC_AT(sv->d->actors, ne_actor, b)->code;
    return x && y && !strcmp(x, y) ? i + 2 : -1;
}

/* Mark each name_label or acronym_label as adverbs: passed over like one. */
static void name_labels(ne_sview *sv) {
    for (int i = 0; i < sv->n; i++) {
        int e = name_label(sv, i);
        if (e < 0) e = acronym_label(sv, i);
        for (int k = i; e > 0 && k <= e; k++) sv->wc[k] = NE_WC_ADV;
        if (e > 0) i = e;
    }
}

static int main_subject_after(const ne_sview *sv, int k, int *out, int max);

/* The first token of the sentence after any opening quote marks. */
static int first_word(const ne_sview *sv) {
    int f = 0;
    while (f < sv->n && TK(sv, f)->shape == NE_SH_QUOTE) f++;
    return f;
}

/* An -ing form opening the sentence ("Criticizing the government, the party
** said ...", "making a scathing attack on X, the leaders said") has no left
** neighbour, and capitalized it is no lower-case word: judge_noun and
** verb_form leave it a noun.  It is a participle when it is a verb form with
** no actor of its own, not followed by "of"/"by"/"between" (gerund subjects:
** "Shelling of the town", "Fighting between clans") and the main clause after
** its first comma has a subject naming an actor followed by a verb. */
static void opening_ing_verb(ne_sview *sv) {
    int f = first_word(sv);
    if (f + 2 >= sv->n || sv->isverb[f]) return;
    const ne_token *t = TK(sv, f);
    int c = WC(sv, f);
    if (!(t->tags & NE_TAG_VERB) || t->norm_len < 5 || !ends_with(t->norm, t->norm_len, "ing")) return;
    if ((c != NE_WC_OPEN && c != NE_WC_REPORT && c != NE_WC_IMPLIC) || neClause_actor(sv, f) >= 0) return;
    if (t->shape != NE_SH_LOWER && !(t->shape == NE_SH_CAP && (t->flags & NE_TF_SENT_START || f > 0))) return;
    if (is_word(sv, f + 1, "of") || is_word(sv, f + 1, "by") || is_word(sv, f + 1, "between") || is_comma(sv, f + 1))
        return;
    int out[4];
    if (main_subject_after(sv, f + 1, out, 4) > 0) sv->isverb[f] = 1;
}

/* Is t "both", "each" or "all" right after an auxiliary of word class prev
** ("have both", "will each", "were all")? */
static int floated_quantifier(const ne_token *t, int prev) {
    if (prev != NE_WC_HAVE && prev != NE_WC_BE && prev != NE_WC_DO && prev != NE_WC_MODAL) return 0;
    return (t->norm_len == 4 && (!memcmp(t->norm, "both", 4) || !memcmp(t->norm, "each", 4))) ||
           (t->norm_len == 3 && !memcmp(t->norm, "all", 3));
}

/* The word classes of the n tokens t into wc (-ly words that are no verb
** made adverbs, "long" and a floated quantifier after an auxiliary
** and "not" before "only" made adverbs); returns whether
** one is "(".  (The loops of the view read arrays through locals: a byte
** store may alias any field of the view.) */
static int word_classes(const ne_token *t, int n, uint8_t *wc) {
    int paren = 0;
    for (int i = 0; i < n; i++, t++) {
        int c = NE_WCLASS(t);
        /* "firmly", "daily": not a verb WordNet knows ("rally", "supply", "apply", "reply" are) */
        if (c == NE_WC_OPEN && t->shape == NE_SH_LOWER && t->norm_len > 4 && !(t->tags & NE_TAG_VERB) &&
            ends_with(t->norm, t->norm_len, "ly"))
            c = NE_WC_ADV;
        /* "have long called for", "has long opposed": "long" after a perfect auxiliary */
        if (t->norm_len == 4 && i > 0 && wc[i - 1] == NE_WC_HAVE && !memcmp(t->norm, "long", 4)) c = NE_WC_ADV;
        /* "have both accused", "will each send", "were all arrested": a quantifier floated after an
        ** auxiliary tells of the subject before it and stands in the verb group as an adverb */
        if (i > 0 && floated_quantifier(t, wc[i - 1])) c = NE_WC_ADV;
        /* "not only cheated, but lied": an intensifier, no negation */
        if (c == NE_WC_NEG && i + 1 < n && t[1].norm_len == 4 && !memcmp(t[1].norm, "only", 4)) c = NE_WC_ADV;
        if (t->norm_len == 4 && i > 0 && wc[i - 1] == NE_WC_ADV && !memcmp(t->norm, "only", 4) && t[-1].norm_len == 3 &&
            !memcmp(t[-1].norm, "not", 3))
            c = NE_WC_ADV;
        wc[i] = (uint8_t)c;
        paren |= t->shape == NE_SH_PUNCT && t->norm[0] == '(';
    }
    return paren;
}

/* isverb[i] of each token, in order: judge_noun reads it left of i only.
** verb_form's first test inline: most tokens fail it. */
static void judge_verbs(const ne_sview *sv, uint8_t *isverb) {
    const ne_token *t = sv->t;
    for (int i = 0, n = sv->n; i < n; i++)
        isverb[i] = (uint8_t)((t[i].tags & NE_TAG_VERB) && verb_form(sv, i) && !judge_noun(sv, i));
}

/* 1 << k for k < 64, by table: the word set's bits are set without shifts
** by a variable count, which take their count in one register (x86: two more
** moves per bit, four bits per token in neClause_open). */
#define WS_B(k) ((uint64_t)1 << (k))
#define WS_B4(k) WS_B(k), WS_B(k + 1), WS_B(k + 2), WS_B(k + 3)
#define WS_B16(k) WS_B4(k), WS_B4(k + 4), WS_B4(k + 8), WS_B4(k + 12)
static const uint64_t ws_bit64[64] = {WS_B16(0), WS_B16(16), WS_B16(32), WS_B16(48)};

void neClause_open(struct ne_doc *d, uint32_t si, ne_wordset *words, ne_sview *sv) {
    const ne_sentence *s = NE_VEC_AT(d->sentences, ne_sentence, si);
    memset(sv, 0, sizeof *sv);
    sv->d = d;
    sv->sent = si;
    sv->t = NE_VEC_AT(d->tokens, ne_token, s->tok_first);
    sv->n = (int)s->tok_count;
    sv->text = ne_seg_text(d, s->in_title);
    sv->in_title = s->in_title;
    sv->headline = s->in_title || s->titlecase;
    const uint32_t *lh = sv->lh = d->lhash + s->tok_first, *nh = sv->nh = d->nhash + s->tok_first;
    memset(words, 0, sizeof *words);
    uint64_t filled = 0, *w = words->w; /* ne_ws_add of both hashes of each token, and their words */
    _Pragma("GCC unroll 2") for (int i = 0, n = sv->n; i < n; i++) {
        uint32_t a = ne_ws_bit(lh[i]), b = ne_ws_bit(nh[i]);
        w[a >> 6] |= ws_bit64[a & 63];
        w[b >> 6] |= ws_bit64[b & 63];
        filled |= ws_bit64[a >> 6] | ws_bit64[b >> 6];
    }
    words->w[NE_WS_NONE >> 6] = (uint64_t)1 << (NE_WS_NONE & 63);
    sv->words = words;
    sv->filled = filled;
}

int neClause_view(ne_sview *sv) {
    struct ne_doc *d = sv->d;
    size_t n = sv->n ? (size_t)sv->n : 1;
    uint8_t *b = neA_alloc(&d->arena, 3 * n); /* wc, isverb and used in one */
    if (!b) return NE_NOMEM;
    sv->wc = b, sv->isverb = b + n, sv->used = b + 2 * n;
    memset(sv->used, 0, n);
    /* most sentences have no "(" and no approximator: their passes are skipped */
    if (word_classes(sv->t, sv->n, sv->wc)) name_labels(sv);
    if (approx_maybe(sv->words)) approximators(sv);
    judge_verbs(sv, sv->isverb);
    opening_ing_verb(sv);
    sv->question = sv->n > 0 && is_word(sv, sv->n - 1, "?");
    return NE_OK;
}

int neClause_is_noun(const ne_sview *sv, int i) { return !sv->isverb[i]; }

/* ---- noun groups ---- */

/* May token i sit inside a noun group? */
/* Is token i the second half of a hyphenated modifier of an actor ("war-torn
** Mozambique", "cash-strapped Greece"): an open word after a dash with no space
** around it, right before an actor, whose first half is no actor ("Saudi-led
** forces" are not the Saudis)? */
static int hyphen_half(const ne_sview *sv, int i) {
    return i > 1 && i + 1 < sv->n && TK(sv, i - 1)->shape == NE_SH_DASH && WC(sv, i) == NE_WC_OPEN &&
           TK(sv, i)->shape <= NE_SH_MIXED && neClause_actor(sv, i - 2) < 0 && neClause_actor(sv, i + 1) >= 0 &&
           !(TK(sv, i - 1)->flags & NE_TF_SPACE_BEFORE) && !(TK(sv, i)->flags & NE_TF_SPACE_BEFORE);
}

/* The closing mark of scare quotes that open at o inside a noun group: a
** quotation mark after a determiner, possessive or modifier, one to five words
** and a quotation mark right before the group's head ("the "rigged" system",
** "a "horrific" terrorist attack", "its ''american-dictated'' policies"); -1
** when o opens none ("called Clinton "unqualified" and ..."). */
static int scare_close(const ne_sview *sv, int o) {
    if (o < 1 || o + 3 >= sv->n || TK(sv, o)->shape != NE_SH_QUOTE) return -1;
    int p = WC(sv, o - 1);
    if (!(p == NE_WC_DET || p == NE_WC_POSS || p == NE_WC_NODET ||
          (p == NE_WC_OPEN && TK(sv, o - 1)->shape <= NE_SH_MIXED && !sv->isverb[o - 1])))
        return -1;
    for (int q = o + 1; q < sv->n && q <= o + 6; q++) {
        const ne_token *t = TK(sv, q);
        if (t->shape == NE_SH_QUOTE) {
            int h = q + 1; /* the head, or a word before it */
            if (q == o + 1 || h >= sv->n) return -1;
            if (neClause_actor(sv, h) >= 0) return q;
            return WC(sv, h) == NE_WC_OPEN && TK(sv, h)->shape <= NE_SH_MIXED && !sv->isverb[h] ? q : -1;
        }
        if (t->shape > NE_SH_MIXED && t->shape != NE_SH_DASH) return -1;
    }
    return -1;
}

/* Is token i a quotation mark or word of scare quotes inside a noun group
** (scare_close: "the "rigged" system")?  Looks back at most five tokens. */
static int in_scare_quotes(const ne_sview *sv, int i) {
    for (int o = i; o >= 1 && o >= i - 5; o--) {
        if (TK(sv, o)->shape != NE_SH_QUOTE) {
            if (TK(sv, o)->shape > NE_SH_MIXED && TK(sv, o)->shape != NE_SH_DASH) return 0;
            continue;
        }
        if (scare_close(sv, o) >= i) return 1;
        if (o < i) return 0; /* another pair's mark */
    }
    return 0;
}

/* Is token i an -ly adverb inside a noun group, between a determiner or a
** possessive and the modifier it qualifies ("Yemen's internationally
** recognized government", "Iran's newly elected president", "a highly
** respected envoy")?  The modifier is no verb there (judge_noun); a verb
** after the adverb ends the group ("the army quickly responded"). */
static int group_adverb(const ne_sview *sv, int i) {
    const ne_token *t = TK(sv, i);
    if (i < 1 || i + 2 >= sv->n || !ends_with(t->norm, t->norm_len, "ly") || t->shape != NE_SH_LOWER) return 0;
    int p = WC(sv, i - 1);
    if (p != NE_WC_DET && p != NE_WC_POSS) return 0;
    const ne_token *m = TK(sv, i + 1);
    return WC(sv, i + 1) == NE_WC_OPEN && m->shape == NE_SH_LOWER && !sv->isverb[i + 1] &&
           (WC(sv, i + 2) == NE_WC_OPEN || neClause_actor(sv, i + 2) >= 0);
}

static int ng_token(const ne_sview *sv, int i) {
    if (neClause_actor(sv, i) >= 0) return 1;
    const ne_token *t = TK(sv, i);
    int c = WC(sv, i);
    if (t->shape == NE_SH_NUM) return 1;
    if (t->shape == NE_SH_DASH) return i > 0 && i + 1 < sv->n && !(t->flags & NE_TF_SPACE_BEFORE);
    if (t->shape > NE_SH_MIXED) return t->shape == NE_SH_QUOTE && in_scare_quotes(sv, i); /* "the "rigged" system" */
    if (c == NE_WC_DET || c == NE_WC_POSS || c == NE_WC_NODET) return 1;
    if (c == NE_WC_ADV) return group_adverb(sv, i);
    if (c != NE_WC_OPEN) return 0;
    if (!sv->isverb[i]) return 1;
    if (i > 0 && TK(sv, i - 1)->shape == NE_SH_QUOTE && in_scare_quotes(sv, i)) return 1; /* a verb form in them */
    /* both halves of a hyphenated modifier of an actor are no verbs, the first one even
    ** where a verb would stand ("aid to war-torn Mozambique": not "to war") */
    return hyphen_half(sv, i) || (i + 3 < sv->n && TK(sv, i + 1)->shape == NE_SH_DASH && hyphen_half(sv, i + 2));
}

int neClause_ng_token(const ne_sview *sv, int i) { return i >= 0 && i < sv->n && ng_token(sv, i); }

/* Start of the noun group ending at token j (j is an ng_token). Coordinated
** groups ("both Iran and Pakistan", "Iran, Iraq and Syria") are one group. */
int neClause_ng_start(const ne_sview *sv, int j, int lo) {
    int s = j, conj = 0; /* a comma joins only in a list closed by and/or: "A, B and C" */
    while (s - 1 >= lo) {
        int k = s - 1;
        /* "as" (no word class of its own) is no noun: "praised Libya as he visited Egypt" */
        if (is_word(sv, k, "as")) break;
        if (ng_token(sv, k)) {
            s = k;
            continue;
        }
        /* "X and Y", "X, Y": join when an actor sits on both sides */
        int r = s < j && WC(sv, s) == NE_WC_DET ? s + 1 : s; /* "Kuwait and the United Arab Emirates" */
        if ((WC(sv, k) == NE_WC_CONJ || (is_comma(sv, k) && conj)) && k - 1 >= lo && neClause_actor(sv, k - 1) >= 0 &&
            neClause_actor(sv, r) >= 0 && !is_word(sv, k, "but")) {
            conj |= WC(sv, k) == NE_WC_CONJ;
            s = k - 1;
            continue;
        }
        break;
    }
    return s;
}

/* Actors of the noun group [s, e]: one per coordinated part, at most max. */
/* Is token i a possessive "'s" followed, in the noun group ending at e, by a
** role nominal other than a (what a owns: "the country's military")? */
static int owned_actor(const ne_sview *sv, int i, int e, int a) {
    if (WC(sv, i) != NE_WC_POSS || !is_word(sv, i, "'s")) return 0;
    for (int k = i + 1; k <= e && ng_token(sv, k); k++)
        if (neClause_actor(sv, k) >= 0 && neClause_actor(sv, k) != a)
            return NE_VEC_AT(sv->d->actors, ne_actor, neClause_actor(sv, k))->kind == NE_ACTOR_NOMINAL;
    return 0;
}

/* Puts actor a into out[n] (max entries), or for a dual noun phrase ("the
** two leaders", coref.c dual_pairs) the two actors of its pair; returns the
** new count. */
static int put_actor(const ne_sview *sv, int a, int *out, int n, int max) {
    if (!paired(sv, a)) { /* coref.c dual_pairs gives a pair to dual phrases only */
        out[n++] = a;
        return n;
    }
    for (int k = 0; k < 2 && n < max; k++) out[n++] = (int)sv->d->dual_pairs[a][k] - 1;
    return n;
}

int neClause_ng_actors(const ne_sview *sv, int s, int e, int *out, int max) {
    int n = 0, part_has = 0;
    for (int i = s; i <= e && n < max; i++) {
        if (WC(sv, i) == NE_WC_CONJ || is_comma(sv, i)) {
            part_has = 0;
            continue;
        }
        if (WC(sv, i) == NE_WC_PREP && !is_word(sv, i, "of")) part_has = n > 0; /* "X in Y": keep the head */
        int a = neClause_actor(sv, i);
        if (a < 0 && n && part_has && i > s && out[n - 1] == neClause_actor(sv, i - 1) && owned_actor(sv, i, e, out[n - 1]))
            n--, part_has = 0; /* "the country's military": the military */
        if (a >= 0 && n && part_has && i > s && out[n - 1] == neClause_actor(sv, i - 1) && out[n - 1] != a &&
            NE_VEC_AT(sv->d->actors, ne_actor, a)->kind == NE_ACTOR_NOMINAL &&
            NE_VEC_AT(sv->d->actors, ne_actor, out[n - 1])->kind != NE_ACTOR_PRONOUN)
            n--, part_has = 0; /* "Sanders backers": the head noun is the actor */
        int l = a >= 0 && n && part_has && i > s + 1 ? relational_left(sv, i - 1) : -1;
        if (l >= s && out[n - 1] == neClause_actor(sv, l)) n--, part_has = 0; /* "Airbus rival Boeing": its head */
        if (a < 0 || part_has) continue;
        if (WC(sv, i) == NE_WC_POSS && i + 1 <= e && ng_token(sv, i + 1)) { /* "his Russian counterpart" */
            int k = i + 1;
            while (k <= e && ng_token(sv, k) && neClause_actor(sv, k) < 0) k++;
            if (k <= e && ng_token(sv, k) && WC(sv, k) != NE_WC_POSS) continue;
        }
        if (n && out[n - 1] == a) continue;
        n = put_actor(sv, a, out, n, max);
        part_has = 1;
    }
    return n;
}

/* ---- clause bounds ---- */

static int is_clause_start(const ne_sview *sv, int i) {
    int c = WC(sv, i);
    return c == NE_WC_SUB || c == NE_WC_REL || c == NE_WC_THAT || is_hard_boundary(sv, i);
}

void neClause_bounds(const ne_sview *sv, int i, int *lo, int *hi) {
    int a = i;
    while (a > 0 && !is_clause_start(sv, a - 1)) a--;
    if (a > 0 && WC(sv, a - 1) != NE_WC_THAT && !is_hard_boundary(sv, a - 1)) a--; /* keep "if", "who" */
    int b = i + 1;
    while (b < sv->n && !is_hard_boundary(sv, b) && WC(sv, b) != NE_WC_SUB && WC(sv, b) != NE_WC_REL) b++;
    *lo = a;
    *hi = b;
}

/* ---- verb groups and modality ---- */

/* The first part of a hyphenated verb inside a verb group ("had to lathi-charge
** the mob", "would not re-open", "to cross-examine"): the word and the hyphen
** glued to the verb at i, after an auxiliary, "to", a negation or an adverb.  i
** when there is none ("the police lathi-charged": the subject's group holds the
** first part; "the US-led coalition"). */
static int hyphen_verb_head(const ne_sview *sv, int i) {
    if (i < 3 || TK(sv, i - 1)->shape != NE_SH_DASH || (TK(sv, i - 1)->flags & NE_TF_SPACE_BEFORE) ||
        (TK(sv, i)->flags & NE_TF_SPACE_BEFORE))
        return i;
    int c = WC(sv, i - 3);
    return is_aux(sv, i - 3) || c == NE_WC_TO || c == NE_WC_NEG || c == NE_WC_ADV ? i - 2 : i;
}

int neClause_vg_start(const ne_sview *sv, int i) {
    int s = hyphen_verb_head(sv, i);
    while (s > 0) {
        int c = WC(sv, s - 1);
        if (is_aux(sv, s - 1) || c == NE_WC_NEG || c == NE_WC_ADV || c == NE_WC_SPEC) s--;
        else break;
    }
    return s;
}

/* A reduced relative or headline passive of an arrest: a participle right
** after a noun and before a preposition ("the two militants arrested on
** Tuesday in Faizabad had plans", "the men detained in Delhi were
** released"), when an auxiliary later is the clause's own verb.  Arrest
** verbs always take an object, so with none after them the noun before is
** the one arrested; other verbs ("fighters attacked in force") are left. */
static int reduced_arrest(const ne_sview *sv, int i) {
    static const char *const verbs[] = {"arrest", "detain", "apprehend", "nab", NULL};
    if (!ne_word_in(TK(sv, i)->lemma, verbs) || i < 1 || i + 1 >= sv->n || !ng_token(sv, i - 1) || WC(sv, i - 1) == NE_WC_DET) return 0;
    if (WC(sv, i + 1) != NE_WC_PREP || sv->isverb[i + 1]) return 0;
    for (int k = i + 2; k < sv->n; k++) /* the clause's own verb comes later ("... had plans") */
        if (WC(sv, k) == NE_WC_BE || WC(sv, k) == NE_WC_HAVE || WC(sv, k) == NE_WC_MODAL) return 1;
    return 0;
}

/* Where a time phrase starting at token j ends: "on Monday", "last week",
** "earlier this month", "yesterday"; j when there is none. */
static int time_after(const ne_sview *sv, int j) {
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                       "sunday", NULL};
    static const char *const deictic[] = {"yesterday", "today", "tonight", "earlier", "recently", NULL};
    static const char *const units[] = {"week", "month", "year", "weekend", "night", NULL};
    if (j >= sv->n) return j;
    if (j + 1 < sv->n && is_word(sv, j, "on") && ne_word_in(TK(sv, j + 1)->norm, days)) return j + 2;
    if (j + 1 < sv->n && (is_word(sv, j, "last") || is_word(sv, j, "this")) && ne_word_in(TK(sv, j + 1)->norm, units))
        return j + 2;
    if (ne_word_in(TK(sv, j)->norm, deictic)) return j + 1;
    return j;
}

/* A reduced passive with its agent: a participle right after a noun group
** (or after the comma that follows one) and before "by" (a time phrase may
** come between: "detained last week by police") and a group naming an actor
** ("hostages released by the rebels", "the bill, blocked by Senate
** Republicans,").  "by night", "by far" name no actor and are left. */
static int reduced_by(const ne_sview *sv, int i) {
    int b = time_after(sv, i + 1); /* "detained last week by police", "banned on Monday by the court" */
    if (i < 1 || b + 1 >= sv->n || !is_word(sv, b, "by")) return 0;
    int p = i - 1;
    if (is_comma(sv, p)) p--;
    if (p < 0 || !ng_token(sv, p) || WC(sv, p) == NE_WC_DET || WC(sv, p) == NE_WC_POSS) return 0;
    for (int k = b + 1; k < sv->n && k <= b + 5 && ng_token(sv, k); k++)
        if (neClause_actor(sv, k) >= 0) return 1;
    return 0;
}

int neClause_time_before(const ne_sview *sv, int k, int lo) {
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                       "sunday", NULL};
    static const char *const deictic[] = {"yesterday", "today", "tonight", NULL};
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    static const char *const edges[] = {"late", "early", NULL};
    if (k < lo || k >= sv->n) return -1;
    if (ne_word_in(TK(sv, k)->norm, deictic)) return k;
    int d = k >= lo + 1 && ne_word_in(TK(sv, k)->norm, parts) && ne_word_in(TK(sv, k - 1)->norm, days) ? k - 1 : k;
    if (d < lo + 1 || !ne_word_in(TK(sv, d)->norm, days) || !is_word(sv, d - 1, "on")) return -1;
    return d - 2 >= lo && ne_word_in(TK(sv, d - 2)->norm, edges) ? d - 2 : d - 1;
}

/* Verbs of force and control whose past participle is their base form,
** passive after be ("were set ablaze", "was put under curfew", "was hit by",
** "were beat up"); not "upset" ("was upset with": a state). */
static int base_participle(const ne_sview *sv, int i) {
    static const char *const verbs[] = {"set", "put", "hit", "cut", "shut", "beat", NULL};
    return ne_word_in(TK(sv, i)->norm, verbs);
}

int neClause_passive(const ne_sview *sv, int i) {
    int same = !inflected_ed(TK(sv, i)); /* base_participle: passive only right after be */
    if (same && !base_participle(sv, i)) return 0;
    if (is_word(sv, i, "closeted")) return 0; /* "was closeted with X": a state, the subject met X */
    if (!same && reduced_by(sv, i)) return 1;
    for (int k = i - 1; k >= 0; k--) {
        int c = WC(sv, k), d;
        if (c == NE_WC_BE) return 1;
        if ((d = neClause_time_before(sv, k, 0)) >= 0) {
            k = d; /* on to the word before the phrase */
            continue;
        }
        if (!(c == NE_WC_ADV || c == NE_WC_NEG || c == NE_WC_SPEC)) break;
    }
    return !same && reduced_arrest(sv, i);
}

/* A verb, skipping the noun group and adverbs left of token k, or -1. */
static int governing_verb(const ne_sview *sv, int k, int lo) {
    int j = k - 1;
    while (j >= lo && (ng_token(sv, j) || WC(sv, j) == NE_WC_ADV)) j--;
    if (j >= lo && (sv->isverb[j] || verb_form(sv, j))) return j;
    return -1;
}

/* Verbs whose -ing complement is not reported as done: "avoided meeting",
** "denied attacking", "considered expelling", "stopped short of" ... */
static int nonfactive(const ne_sview *sv, int k) {
    static const char *const verbs[] = {"avoid", "deny", "consider", "discuss", "suggest", "propose", "recommend",
                                        "oppose", "resist", "reject", "postpone", "delay", "risk", "escape",
                                        "fear", "contemplate", "envisage", "mull", "weigh", "favor", "favour",
                                        "advocate", "urge", "quit", "cease", "stop", "rule", NULL};
    return ne_word_in(TK(sv, k)->lemma, verbs);
}

/* Verbs whose infinitive did not happen: "failed to", "refused to". */
static int failure_verb(const ne_sview *sv, int k) {
    static const char *const verbs[] = {"fail", "refuse", "decline", NULL};
    if (k < 0) return 0;
    return ne_word_in(TK(sv, k)->lemma, verbs);
}

/* A verb that calls an event off before it happens, at k: "was postponed",
** "has been cancelled", "was called off", "were put off", "scrapped the
** summit" (the visit or meeting it names did not take place; "delayed by two
** hours" still did). */
static int cancel_verb(const ne_sview *sv, int k) {
    static const char *const verbs[] = {"cancel", "postpone", "scrap", "defer", "shelve", "abort", "axe",
                                        "reschedule", NULL};
    static const char *const phrasal[] = {"call", "put", NULL};
    if (k < 0 || k >= sv->n) return 0;
    if (ne_word_in(TK(sv, k)->lemma, verbs)) return 1;
    return k + 1 < sv->n && ne_word_in(TK(sv, k)->lemma, phrasal) && is_word(sv, k + 1, "off");
}

/* Does the verb group starting at k, after an event noun that is its
** subject, call the event off: "was postponed", "has been put off", "stands
** cancelled"? */
static int cancelled_after(const ne_sview *sv, int k) {
    int be = 0; /* the passive's "be": "the attack and the aborted attempt" is no predicate */
    for (int q = k; q < sv->n && q < k + 6; q++) {
        int c = WC(sv, q);
        if (c == NE_WC_BE) be = 1;
        if (is_aux(sv, q) || c == NE_WC_ADV || c == NE_WC_NEG || c == NE_WC_SPEC) continue;
        if (!sv->isverb[q]) return 0;
        if (cancel_verb(sv, q)) return be;
        /* "stands cancelled", "remains postponed": a linking verb before the participle */
        return (ne_word_is(TK(sv, q)->lemma, "stand") || ne_word_is(TK(sv, q)->lemma, "remain")) && cancel_verb(sv, q + 1);
    }
    return 0;
}

/* Is the subject group ending right before the verb group at vs negative:
** "Neither India nor Pakistan has criticized China", "No country has ...",
** "None of the parties attended", "not a single activist has been arrested"?  Scans the noun groups, "and", "or", "nor"
** and "of" left of vs, back to lo. */
static int negative_subject(const ne_sview *sv, int vs, int lo) {
    for (int k = vs - 1, steps = 0; k >= lo && steps < 12; k--, steps++) {
        int neg = is_word(sv, k, "neither") || is_word(sv, k, "nor") || is_word(sv, k, "nobody") || is_word(sv, k, "none") ||
                  (is_word(sv, k, "no") && k + 1 < vs && ng_token(sv, k + 1)) ||
                  (is_word(sv, k, "not") && k + 2 < vs && is_word(sv, k + 1, "a") && is_word(sv, k + 2, "single"));
        if (neg) { /* an object of an earlier verb is no subject: "found no weapons and arrested five" */
            int j = k - 1;
            while (j >= lo && (ng_token(sv, j) || WC(sv, j) == NE_WC_CONJ || is_word(sv, j, "neither")) && !sv->isverb[j]) j--;
            return !(j >= lo && sv->isverb[j]);
        }
        if (!ng_token(sv, k) && WC(sv, k) != NE_WC_CONJ && !is_word(sv, k, "of") && WC(sv, k) != NE_WC_NODET) return 0;
    }
    return 0;
}

/* Does the verb group at vs open with its subject right after "until" or
** "till", and is the verb at i not a past form in -ed ("will not lift the
** embargo until China signs", "until Ford negotiates a new contract"): an act
** still to come, no event ("fought until the army arrived" stays one). */
static int until_clause(const ne_sview *sv, int vs, int i, int lo) {
    const ne_token *t = TK(sv, i);
    if (ends_with(t->norm, t->norm_len, "ed")) return 0;
    for (int k = vs - 1, steps = 0; k >= lo && steps < 10; k--, steps++) {
        if (is_word(sv, k, "until") || is_word(sv, k, "till")) return k < vs - 1;
        if (!ng_token(sv, k) && WC(sv, k) != NE_WC_CONJ) return 0;
    }
    return 0;
}

/* Is there a verb of appeal or demand before the "to" at q in its clause
** ("appealed to the government on Wednesday to", "urged Iran to")? */
static int directive_before(const ne_sview *sv, int q, int lo) {
    static const char *const verbs[] = {"urge", "ask", "appeal", "call", "press", "request", "demand", "encourage",
                                        "plead", "implore", "beg", "order", "invite", "petition", "exhort", NULL};
    for (int k = q - 1, steps = 0; k >= lo && steps < 12; k--, steps++) {
        if (is_hard_boundary(sv, k) || WC(sv, k) == NE_WC_SUB || WC(sv, k) == NE_WC_REL) return 0;
        if (sv->isverb[k]) return ne_word_in(TK(sv, k)->lemma, verbs);
    }
    return 0;
}

/* A base-form verb i after "and"/"or" (at p) whose first conjunct is the
** infinitive of an appeal or demand in the same clause, base-form verbs
** between ("appealed to the government to let them resume publishing and
** compensate them"): the second verb is asked for too, under that "to".
** Returns the "to", or -1. */
static int coordinated_infinitive(const ne_sview *sv, int p, int i, int lo) {
    const ne_token *t = TK(sv, i);
    if (p < lo || !(is_word(sv, p, "and") || is_word(sv, p, "or")) || ne_inflected(t)) return -1;
    for (int k = p - 1, steps = 0; k >= lo && steps < 16; k--, steps++) {
        if (is_hard_boundary(sv, k) || WC(sv, k) == NE_WC_SUB || WC(sv, k) == NE_WC_REL) return -1;
        if (!sv->isverb[k]) continue;
        int q = prev_nonadv(sv, neClause_vg_start(sv, k));
        const ne_token *v = TK(sv, k);
        if (ends_with(v->norm, v->norm_len, "ing")) continue; /* "resume publishing" */
        if (ne_inflected(v)) return -1;                       /* a finite verb: "arrived ... and arrest" */
        if (q >= lo && WC(sv, q) == NE_WC_TO) return directive_before(sv, q, lo) ? q : -1;
        /* a bare infinitive under it ("to let them resume ... and compensate") */
    }
    return -1;
}

int neClause_infinitive_to(const ne_sview *sv, int vs, int lo) {
    int p = prev_nonadv(sv, vs);
    if (p >= 0 && WC(sv, p) == NE_WC_TO) return p;
    return p >= 0 && vs < sv->n ? coordinated_infinitive(sv, p, vs, lo) : -1;
}

/* Is the "would" at k a past habit ("at times Axelrod would meet Ailes", "he
** would often call the editor")? A word of frequency in the clause before the
** verb at i says so: the acts happened, again and again; "said he would meet
** Ailes" stays an announced act. */
static int habitual_would(const ne_sview *sv, int k, int lo, int i) {
    static const char *const often[] = {"often", "sometimes", "usually", "frequently", "occasionally",
                                        "regularly", "routinely", "repeatedly", "periodically", NULL};
    if (!is_word(sv, k, "would")) return 0;
    for (int j = lo; j < i; j++) {
        if (ne_word_in(sv->t[j].norm, often)) return 1;
        if (j + 1 < i && is_word(sv, j, "at") && is_word(sv, j + 1, "times")) return 1;
    }
    return 0;
}

static int coordinated_verb(const ne_sview *sv, int vs, int lo);

/* The modal of the verb group at vs, MODAL and maybe FUTURE bits, or 0. */
static int group_modal(const ne_sview *sv, int vs, int i, int lo) {
    int m = 0;
    for (int k = vs; k < i; k++)
        if (WC(sv, k) == NE_WC_MODAL && TK(sv, k)->shape == NE_SH_LOWER && !habitual_would(sv, k, lo, i)) {
            m |= NE_MOD_MODAL;
            if (is_word(sv, k, "will") || is_word(sv, k, "shall") || is_word(sv, k, "would") ||
                is_word(sv, k, "'ll") || is_word(sv, k, "wo")) /* "won't" */
                m |= NE_MOD_FUTURE;
        }
    return m;
}

/* A bare base-form verb i after "and"/"or" shares the modal of the first
** conjunct's verb group ("would consider the plea and help the authorities",
** "may investigate X and arrest Y", "will meet X and sign a deal"). */
static int shared_modal(const ne_sview *sv, int i, int lo) {
    const ne_token *t = TK(sv, i);
    int p = prev_nonadv(sv, i);
    if (neClause_vg_start(sv, i) != i || ne_inflected(t) || p < lo ||
        !(is_word(sv, p, "and") || is_word(sv, p, "or")))
        return 0;
    int cv = coordinated_verb(sv, i, lo);
    return cv >= 0 ? group_modal(sv, neClause_vg_start(sv, cv), cv, lo) : 0;
}

/* The main verb of the clause that a gerund after token p ("after", "upon",
** "while", "since", "by") qualifies: the nearest verb left of p, over its
** objects and a comma right before p, with no subordinator, relative,
** "that", quotation mark or clause boundary between ("Obama flew to Tokyo
** after meeting Putin": "flew"; "angered China by meeting the Dalai Lama":
** "angered"); -1 when there is none or p opens no such gerund. */
static int gerund_main_verb(const ne_sview *sv, int p, int lo) {
    if (!(is_word(sv, p, "after") || is_word(sv, p, "upon") || is_word(sv, p, "while") || is_word(sv, p, "since") ||
          is_word(sv, p, "by")))
        return -1;
    for (int k = p - 1; k >= lo && k > p - 16; k--) {
        int c = WC(sv, k);
        if (sv->isverb[k]) return k;
        if ((is_comma(sv, k) && k != p - 1) || is_hard_boundary(sv, k) || c == NE_WC_SUB || c == NE_WC_REL ||
            c == NE_WC_THAT || TK(sv, k)->shape == NE_SH_QUOTE)
            return -1;
    }
    return -1;
}

/* Is the verb group at vs, an -ing form, a gerund clause of the main verb
** before it (gerund_main_verb)?  That verb's token, or -1. */
static int gerund_of_main(const ne_sview *sv, int vs, int lo) {
    const ne_token *t = TK(sv, vs);
    int p = prev_nonadv(sv, vs);
    if (p <= lo || !ends_with(t->norm, t->norm_len, "ing")) return -1;
    return gerund_main_verb(sv, p, lo);
}

int neClause_modality(const ne_sview *sv, int i, int lo, int noun, int *gov) {
    int m = 0;
    *gov = -1;
    if (sv->question) m |= NE_MOD_QUESTION;
    if (lo < sv->n && WC(sv, lo) == NE_WC_SUB &&
        (is_word(sv, lo, "if") || is_word(sv, lo, "unless") || is_word(sv, lo, "whether")))
        m |= NE_MOD_COND;
    int vs = neClause_vg_start(sv, i);
    for (int k = vs; k < i && !noun; k++) {
        int c = WC(sv, k);
        if (c == NE_WC_NEG) m |= NE_MOD_NEG;
        if (c == NE_WC_SPEC) m |= NE_MOD_SPEC;
    }
    if (!noun) m |= group_modal(sv, vs, i, lo) | shared_modal(sv, i, lo);
    if (!noun && negative_subject(sv, vs, lo)) m |= NE_MOD_NEG;
    if (!noun && until_clause(sv, vs, i, lo)) m |= NE_MOD_COND;
    int p = prev_nonadv(sv, vs);
    int to = noun ? -1 : neClause_infinitive_to(sv, vs, lo);
    if (to >= 0) {
        m |= NE_MOD_INFINITIVE;
        *gov = governing_verb(sv, to, 0);
        int q = prev_nonadv(sv, to);
        if (q >= 0 && is_word(sv, q, "whether")) m |= NE_MOD_COND;
    }
    int temporal = p == 0 && (is_word(sv, p, "after") || is_word(sv, p, "upon") || is_word(sv, p, "while") ||
                              is_word(sv, p, "since")); /* "After meeting Ruto, Xi said": the meeting took place */
    /* "responded by expelling", "began by crediting Trump": how the verb before was done, a report */
    int q = p > 0 ? prev_nonadv(sv, p) : -1;
    int manner = q >= 0 && is_word(sv, p, "by") && sv->isverb[q];
    /* mid-sentence, after the main clause: "flew to Tokyo after meeting Putin", "angered China by
    ** meeting the Dalai Lama" took place as that clause did: its modality holds ("will fly ...
    ** after meeting", "expects him to respond by calling"), but for its own gerund's */
    int main = !noun ? gerund_of_main(sv, vs, lo) : -1;
    if (main >= 0) {
        int g;
        temporal = manner = 1;
        m |= neClause_modality(sv, main, lo, 0, &g) & ~NE_MOD_GERUND; /* "arrested for defying a ban by taking out processions" */
    }
    /* a perfect gerund too: "lashed out at Turkey for having shot down a bomber" (Turkey's act) */
    if (!noun && p >= 0 && ((WC(sv, p) == NE_WC_PREP && !temporal && !manner) || (sv->isverb[p] && nonfactive(sv, p))) &&
        (ends_with(TK(sv, i)->norm, TK(sv, i)->norm_len, "ing") || is_word(sv, vs, "having")))
        m |= NE_MOD_GERUND; /* "accused Iran of attacking", "avoided meeting", "considered expelling" */
    return m;
}

/* Modality around an event noun: "no attack", "without a response", a modal
** in the verb group that follows the noun ("retaliation, when it occurs,
** will be swift") or governs it ("could face an attack"). */
int neClause_noun_modality(const ne_sview *sv, int i, int lo, int hi) {
    int m = sv->question ? NE_MOD_QUESTION : 0;
    for (int k = i - 1; k >= lo && k >= i - 4; k--) {
        int c = WC(sv, k);
        if (c == NE_WC_NODET || is_word(sv, k, "without") || is_word(sv, k, "any")) m |= NE_MOD_NEG;
        if (!ng_token(sv, k)) break;
    }
    if (lo < sv->n && (is_word(sv, lo, "if") || is_word(sv, lo, "unless") || is_word(sv, lo, "whether")))
        m |= NE_MOD_COND;
    for (int k = i + 1; k < sv->n && k < i + 16; k++) { /* the verb group after the noun */
        if (is_comma(sv, k)) {
            int e = k + 1;
            while (e < sv->n && e < k + 10 && !is_comma(sv, e)) e++;
            if (e < sv->n && is_comma(sv, e) && e < k + 10) k = e;
            continue;
        }
        if (is_aux(sv, k) || sv->isverb[k]) {
            if (WC(sv, k) == NE_WC_MODAL) m |= NE_MOD_MODAL;
            if (cancelled_after(sv, k)) m |= NE_MOD_NEG; /* "the visit was postponed" */
            break;
        }
        if (is_hard_boundary(sv, k)) break;
    }
    for (int k = i - 1; k >= lo; k--) { /* the verb group governing the noun */
        if (is_aux(sv, k) || sv->isverb[k]) {
            int vs = neClause_vg_start(sv, k);
            for (int q = vs; q <= k; q++) {
                if (WC(sv, q) == NE_WC_MODAL && TK(sv, q)->shape == NE_SH_LOWER) m |= NE_MOD_MODAL;
                if (WC(sv, q) == NE_WC_NEG) m |= NE_MOD_NEG;
            }
            /* "postponed Xi's visit", "called off the summit": the noun's group follows the verb */
            if ((cancel_verb(sv, k) || (is_word(sv, k, "off") && cancel_verb(sv, k - 1))) &&
                neClause_ng_start(sv, i, lo) == k + 1)
                m |= NE_MOD_NEG;
            int p = prev_nonadv(sv, vs); /* "failed to reach an agreement": none was reached */
            if (p > 0 && WC(sv, p) == NE_WC_TO && failure_verb(sv, prev_nonadv(sv, p))) m |= NE_MOD_NEG;
            break;
        }
    }
    (void)hi;
    return m;
}

/* ---- subjects ---- */

/* Antecedent of a relative pronoun at r: the nearest actor noun group to the
** left, passing over one appositive group ("Imran Khan, the former prime
** minister who ..."), or an opening bracket right before the pronoun ("David
** Duke (who endorses Trump)"). */
static int antecedent(const ne_sview *sv, int r, int *out, int max) {
    for (int j = r - 1, steps = 0; j >= 0 && steps < 12; j--, steps++) {
        if (is_comma(sv, j) || is_aside_dash(sv, j) || (j == r - 1 && is_mark(sv, j, "("))) continue;
        if (!ng_token(sv, j)) return 0;
        int s = neClause_ng_start(sv, j, 0);
        int n = neClause_ng_actors(sv, s, j, out, max);
        if (n) return n;
        j = s;
    }
    return 0;
}

int neClause_object_relative(const ne_sview *sv, int vs, int *out, int max) {
    int j = prev_nonadv(sv, vs);
    if (j < 1) return 0;
    if (WC(sv, j) == NE_WC_PRON) j--;
    else if (ng_token(sv, j)) j = neClause_ng_start(sv, j, 0) - 1;
    else return 0;
    if (j < 1 || !(is_word(sv, j, "whom") || is_word(sv, j, "who"))) return 0;
    return antecedent(sv, j, out, max);
}

/* Is the noun group [s, e] the object of a preposition (not "with X doing":
** "on Sunday apprehended" is a prepositional object before a verb)? */
static int pp_object(const ne_sview *sv, int s, int e) {
    int p = prev_nonadv(sv, s);
    if (p < 0 || WC(sv, p) != NE_WC_PREP) return 0;
    /* "until Ford negotiates", "after Iran attacked": a conjunction opening a clause */
    int conj = is_word(sv, p, "until") || is_word(sv, p, "till") || is_word(sv, p, "before") ||
               is_word(sv, p, "after") || is_word(sv, p, "since");
    return !((conj || is_word(sv, p, "with") || is_word(sv, p, "without")) && e + 1 < sv->n && sv->isverb[e + 1]);
}

/* Is the noun group [s, e] a bare time expression ("Sunday", "last week",
** "this year"): an adverbial that may sit between a subject and its verb? */
static int time_group(const ne_sview *sv, int s, int e) {
    int any = 0;
    for (int k = s; k <= e; k++) {
        if (TK(sv, k)->timex >= 0) any = 1;
        else if (WC(sv, k) != NE_WC_DET && WC(sv, k) != NE_WC_NODET) return 0;
    }
    return any;
}

/* A preposition linking a group to the body it belongs to ("the top Democrat
** on the committee", "a spokesman for the ministry", "authorities in Pakistan"). */
static int member_prep(const ne_sview *sv, int i) {
    return is_word(sv, i, "of") || is_word(sv, i, "on") || is_word(sv, i, "for") || is_word(sv, i, "from") || is_word(sv, i, "in") ||
           is_word(sv, i, "at");
}

/* The verb of the first conjunct when the verb group at vs follows "and",
** "but" or "or" ("Pakistan expelled X and recalled Y"), or of the clause an
** -ing participle follows after a comma ("the leaders rejected the decision,
** calling it dangerous"): the nearest verb to the left in [lo, vs) that is
** not an infinitive or participle; -1 if none. */
static int coordinated_verb(const ne_sview *sv, int vs, int lo) {
    int p = prev_nonadv(sv, vs);
    /* after the participle's comma, the earlier infinitives and participles are passed over:
    ** "rejected the decision to recognise X, calling it", "attacked X, capturing Y, killing Z" */
    int part = p >= lo && is_comma(sv, p) && ends_with(TK(sv, vs)->norm, TK(sv, vs)->norm_len, "ing");
    if (p < lo || !(is_word(sv, p, "and") || is_word(sv, p, "but") || is_word(sv, p, "or") || part)) return -1;
    /* a finite conjunct ("has urged", "was") joins a finite verb, over the first conjunct's
    ** infinitives: "has refused to deploy peacekeepers and has urged its citizens" */
    part |= is_aux(sv, vs);
    for (int k = p - 1; k >= lo; k--) {
        if (is_hard_boundary(sv, k) || WC(sv, k) == NE_WC_SUB || WC(sv, k) == NE_WC_REL) return -1;
        if (!sv->isverb[k]) continue;
        int q = prev_nonadv(sv, neClause_vg_start(sv, k));
        /* "he had thought of resigning ..., but was asked not to": a gerund after a
        ** preposition is inside the first conjunct, not its verb: go on left */
        int ing = ends_with(TK(sv, k)->norm, TK(sv, k)->norm_len, "ing");
        if (ing && q > lo && WC(sv, q) == NE_WC_PREP && !is_word(sv, q, "by")) continue;
        if (ing || (q >= 0 && WC(sv, q) == NE_WC_TO)) {
            if (part) continue;
            return -1;
        }
        /* "a US diplomat it arrested": a relative clause without "that" */
        if (q > lo && WC(sv, q) == NE_WC_PRON && WC(sv, q - 1) == NE_WC_OPEN && ng_token(sv, q - 1)) continue;
        return k;
    }
    return -1;
}

/* An -ing clause opening the sentence, alone or after one subordinating
** word ("Speaking in Delhi, the minister said", "After meeting Ruto, Xi
** said"): its subject is that of the main clause after the first comma,
** a noun group naming an actor and followed by a verb.  Returns the number
** of actors written to out (0: not such a clause). */

static int opening_participle(const ne_sview *sv, int vs, int *out, int max) {
    const ne_token *t = TK(sv, vs);
    int f = first_word(sv);
    if (!ends_with(t->norm, t->norm_len, "ing") || vs < f || vs > f + 1) return 0;
    if (vs == f + 1 && WC(sv, f) != NE_WC_SUB && WC(sv, f) != NE_WC_PREP) return 0;
    return main_subject_after(sv, vs + 1, out, max);
}

int neClause_opening_noun(const ne_sview *sv, int i, int *out, int max) {
    if (i < 1 || i > 5 || i >= sv->n) return 0;
    if (WC(sv, 0) != NE_WC_SUB && WC(sv, 0) != NE_WC_PREP && !is_word(sv, 0, "following")) return 0;
    for (int k = 1; k < i; k++) /* "after Iran's talks": Iran's own; "during his visit": the subject's */
        if (!ng_token(sv, k) || (neClause_actor(sv, k) >= 0 && WC(sv, k) != NE_WC_POSS)) return 0;
    return main_subject_after(sv, i + 1, out, max);
}

/* The subject of the main clause after the first comma from token k on (no
** auxiliary, subordinator, relative or "that" before it): a noun group naming
** an actor, followed by a verb. */
static int main_subject_after(const ne_sview *sv, int k, int *out, int max) {
    while (k < sv->n && !is_comma(sv, k) && !is_hard_boundary(sv, k) && WC(sv, k) != NE_WC_SUB &&
           WC(sv, k) != NE_WC_REL && WC(sv, k) != NE_WC_THAT && !is_aux(sv, k))
        k++;
    if (k >= sv->n || !is_comma(sv, k)) return 0;
    int s = k + 1;
    while (s < sv->n && WC(sv, s) == NE_WC_ADV) s++;
    int e = s;
    while (e < sv->n && (ng_token(sv, e) || /* coordinated: "Surjeet and Basu said" */
                         (WC(sv, e) == NE_WC_CONJ && e > s && e + 1 < sv->n && ng_token(sv, e + 1))))
        e++;
    if (e == s || e >= sv->n || !(sv->isverb[e] || is_aux(sv, e) || WC(sv, e) == NE_WC_ADV)) return 0;
    return neClause_ng_actors(sv, s, e - 1, out, max);
}

/* "The foreign ministers of India and Pakistan", "officials from Japan and
** South Korea": the later countries of the "of" or "from" group [s, e] after the head actor h that took the head's role (the
** actors stage gives them that role, src/actor.c shared_roles); how many
** were written to out (at most max). */
static int shared_of(const ne_sview *sv, int h, int s, int e, int *out, int max) {
    int all[8], n = neClause_ng_actors(sv, s, e, all, 8), w = 0;
    const ne_actor *ha = NE_VEC_AT(sv->d->actors, ne_actor, h);
    if (s < 1 || !(is_word(sv, s - 1, "of") || is_word(sv, s - 1, "from")) || ha->kind != NE_ACTOR_COMPOSED || !ha->role) return 0;
    for (int k = 1; k < n && w < max; k++) {
        const ne_actor *a = NE_VEC_AT(sv->d->actors, ne_actor, all[k]);
        if (a->kind == NE_ACTOR_COMPOSED && a->role && !strcmp(a->role, ha->role)) out[w++] = all[k];
    }
    return w;
}

/* The last prepositional group the subject search passed over: tokens
** [s, e] after the preposition at prep ("the foreign ministers of India and
** Pakistan"); all -1 before there is one. */
typedef struct pp_group {
    int s, e, prep;
} pp_group;

/* A clause that opens with a time phrase and no comma ("On Tuesday Iran
** attacked ...", "In March the minister met ...", "- at times Axelrod would
** meet ..."): the preposition's object [s, e] is that time expression run into
** the subject.  Returns the first token after the time expression when the
** preposition opens the clause (at lo, or after a comma, dash or quotation
** mark) and a group follows it, else -1. */
static int opening_time_lead(const ne_sview *sv, int s, int e, int lo) {
    int p = prev_nonadv(sv, s), k = s, any = 0;
    if (p < 0 || !(p == lo || p == 0 || (p > 0 && (is_comma(sv, p - 1) || is_aside_dash(sv, p - 1) ||
                                                  TK(sv, p - 1)->shape == NE_SH_QUOTE))))
        return -1;
    if (is_word(sv, p, "at") && is_word(sv, s, "times")) {
        k = s + 1;
        any = 1;
    } else {
        if (WC(sv, k) == NE_WC_DET && k + 1 <= e && TK(sv, k + 1)->timex >= 0) k++;
        for (; k <= e && TK(sv, k)->timex >= 0; k++) any = 1;
    }
    return any && k <= e ? k : -1;
}

/* Does the noun group starting at s stand in an "including" aside after a
** group that names an actor of a country ("300 bjp activists, including the
** state chief and its vice-president, were arrested", "Republican candidates,
** including Trump and Cruz, criticized": the group and its members did)?  Over
** the aside's own coordinated groups back to ", including": the last token of
** the group before it, or -1. */
static int included_head(const ne_sview *sv, int s, int lo) {
    for (int k = s - 1; k > lo + 1 && k >= s - 16; k--) {
        if (is_word(sv, k, "including")) {
            int h = k - 2, a[4];
            if (!is_comma(sv, k - 1) || !ng_token(sv, h)) return -1;
            int n = neClause_ng_actors(sv, neClause_ng_start(sv, h, lo), h, a, 4);
            for (int i = 0; i < n; i++) /* "several countries, including France": France is the one named */
                if (NE_VEC_AT(sv->d->actors, ne_actor, neClause_resolve(sv->d, a[i]))->country) return h;
            return -1;
        }
        if (sv->isverb[k] || is_hard_boundary(sv, k) || WC(sv, k) == NE_WC_SUB || WC(sv, k) == NE_WC_REL ||
            WC(sv, k) == NE_WC_THAT)
            return -1;
    }
    return -1;
}

/* The noun group ending at token j, left of the verb group at vs, as
** neClause_subject meets it: the number of its actors written to out (the
** subject, *rule set), 0 when the search ends without a subject, or -1 to go
** on left of the group (*jp is set to its first token; pp records the group
** when it is a prepositional object). */
static int subject_group(const ne_sview *sv, int vs, int lo, int *jp, pp_group *pp, int *out, int max,
                         const char **rule) {
    int j = *jp, s = neClause_ng_start(sv, j, lo);
    int adjacent = prev_nonadv(sv, vs) == j;
    int n = neClause_ng_actors(sv, s, j, out, max);
    *jp = s;
    if (!n && time_group(sv, s, j)) return -1; /* "IDF troops last week apprehended" */
    if (pp_object(sv, s, j)) {
        int t = adjacent ? opening_time_lead(sv, s, j, lo) : -1;
        if (t >= 0 && (n = neClause_ng_actors(sv, t, j, out, max)) > 0) {
            *rule = "subject-left";
            return n;
        }
        *pp = (pp_group){s, j, prev_nonadv(sv, s)};
        return -1;
    }
    int p = prev_nonadv(sv, s);
    if (!adjacent && p >= lo && sv->isverb[p] && WC(sv, p) != NE_WC_REPORT) return -1; /* object of an earlier verb */
    int h = !adjacent && n ? included_head(sv, s, lo) : -1;
    if (h >= 0) { /* the members and the group before them */
        *rule = "subject-left-skip";
        return n + neClause_ng_actors(sv, neClause_ng_start(sv, h, lo), h, out + n, max - n);
    }
    if (n) {
        *rule = adjacent ? "subject-left" : "subject-left-skip";
        return n == 1 && pp->prep == j + 1 ? n + shared_of(sv, out[0], pp->s, pp->e, out + 1, max - 1) : n;
    }
    if (pp->prep == j + 1 && member_prep(sv, pp->prep) && (n = neClause_ng_actors(sv, pp->s, pp->e, out, max))) {
        *rule = "subject-member-of";
        return n;
    }
    /* "issued a statement urging X": a participle after an object
    ** takes the subject of the main verb */
    int participle = ends_with(TK(sv, vs)->norm, TK(sv, vs)->norm_len, "ing");
    if (adjacent && !(participle && p >= lo && sv->isverb[p])) return 0; /* a subject without an actor */
    return -1;
}

/* Does the apposition opening at a (before the comma at b) open with a
** possessive noun group that owns more of it: "North Korea's main ally",
** "Syria's closest ally" (the owner, a name, then "'s" and the owned words)? */
static int possessive_apposition(const ne_sview *sv, int a, int b) {
    if (!ng_token(sv, a) || WC(sv, a) == NE_WC_POSS) return 0; /* "his predecessor": no owner named */
    for (int k = a + 1; k < b - 1; k++) {
        if (WC(sv, k) == NE_WC_POSS) return is_word(sv, k, "'s") && ng_token(sv, k + 1);
        if (!ng_token(sv, k)) return 0;
    }
    return 0;
}

/* Does the aside opening at a open with a preposition that places or times
** its group's act ("Obama, on a visit to Germany, criticized Russia", "Merkel,
** in a letter to Putin, ...", "Russia, according to Kiev, ...")?  Not one that adds a partner to it ("with",
** "like", "alongside": "Obama, with Merkel, ..." is both of them). */
static int prepositional_aside(const ne_sview *sv, int a) {
    if (is_word(sv, a, "according")) return a + 1 < sv->n && WC(sv, a + 1) == NE_WC_TO; /* ", according to X," */
    return WC(sv, a) == NE_WC_PREP && !is_word(sv, a, "with") && !is_word(sv, a, "like") &&
           !is_word(sv, a, "alongside") && !is_word(sv, a, "along");
}

/* "Pakistan, a key U.S. ally in the war on terror, has refused ...",
** "Pakistan, a close ally of the United States, condemned ...", "China,
** North Korea's main ally, urged ...", "Obama, on a visit to Germany,
** criticized Russia": a verb group
** right after an apposition (a comma, a group opening with a determiner,
** a possessive (possessive_apposition) or a preposition (prepositional_aside) and
** holding no auxiliary, conjunction or clause word, a comma; its words may
** read as verbs: "a key U.S. ally", "a country battered by floods") takes the group before the
** apposition as subject when that group names an actor and opens the clause
** (or follows a reporting verb); the apposition's own actors only describe
** it.  Returns the number of actors written to out (0: no such apposition). */
static int appositive_subject(const ne_sview *sv, int vs, int lo, int *out, int max) {
    int c2 = prev_nonadv(sv, vs), c1 = -1;
    if (c2 <= lo || !is_comma(sv, c2)) return 0;
    for (int k = c2 - 1; k >= lo && k > c2 - 20 && c1 < 0; k--) {
        if (is_comma(sv, k) || is_aside_dash(sv, k)) c1 = k;
        else if (is_aux(sv, k) || WC(sv, k) == NE_WC_REL || WC(sv, k) == NE_WC_SUB ||
                 WC(sv, k) == NE_WC_THAT || WC(sv, k) == NE_WC_CONJ || is_hard_boundary(sv, k) ||
                 TK(sv, k)->shape == NE_SH_QUOTE)
            return 0;
    }
    if (c1 <= lo || c1 + 1 >= c2 || !ng_token(sv, c1 - 1) ||
        !(WC(sv, c1 + 1) == NE_WC_DET || possessive_apposition(sv, c1 + 1, c2) || prepositional_aside(sv, c1 + 1)))
        return 0;
    int s = neClause_ng_start(sv, c1 - 1, lo), p = prev_nonadv(sv, s);
    if (p >= lo && !(WC(sv, p) == NE_WC_THAT || WC(sv, p) == NE_WC_SUB || (sv->isverb[p] && WC(sv, p) == NE_WC_REPORT)))
        return 0;
    return neClause_ng_actors(sv, s, c1 - 1, out, max);
}

int neClause_subject(const ne_sview *sv, int vs, int lo, int *out, int max, const char **rule) {
    pp_group pp = {-1, -1, -1};
    int ap = appositive_subject(sv, vs, lo, out, max);
    if (ap) {
        *rule = "subject-left-skip";
        return ap;
    }
    int op = opening_participle(sv, vs, out, max);
    if (op) {
        *rule = "subject-opening-participle";
        return op;
    }
    int gm = gerund_of_main(sv, vs, lo); /* "flew to Tokyo after meeting Putin": the flyer met him */
    if (gm >= 0) {
        int n = neClause_subject(sv, neClause_vg_start(sv, gm), lo, out, max, rule);
        if (n) {
            *rule = "subject-gerund-clause";
            return n;
        }
    }
    int cv = coordinated_verb(sv, vs, lo);
    if (cv >= 0) { /* "X expelled A and recalled B": X is the subject of both */
        int vs2 = neClause_vg_start(sv, cv), n = 0;
        if (vs2 < vs) n = neClause_subject(sv, vs2, lo, out, max, rule);
        if (n) {
            *rule = "subject-coordinated-verb";
            return n;
        }
    }
    for (int j = vs - 1; j >= lo; j--) {
        int c = WC(sv, j);
        if (c == NE_WC_ADV || c == NE_WC_SPEC || is_comma(sv, j) || is_aside_dash(sv, j) || c == NE_WC_CONJ) continue;
        if (c == NE_WC_REL || (c == NE_WC_THAT && j > 0 && ng_token(sv, j - 1))) {
            *rule = "relative-antecedent";
            return antecedent(sv, j, out, max);
        }
        if (c == NE_WC_SUB || c == NE_WC_THAT || is_hard_boundary(sv, j)) return 0;
        if (ng_token(sv, j)) {
            int n = subject_group(sv, vs, lo, &j, &pp, out, max, rule);
            if (n >= 0) return n;
            continue;
        }
        if (WC(sv, j) == NE_WC_PRON && neClause_actor(sv, j) >= 0) {
            out[0] = neClause_actor(sv, j);
            *rule = "subject-pronoun";
            return 1;
        }
        if (WC(sv, j) == NE_WC_PRON) return 0;
    }
    return 0;
}

/* ---- attribution ---- */

/* The speaker of the reporting verb at r for the clause at i: the subject of
** a reporting verb before it ("Iran said ...") or the group next to one after
** it (", analysts said", "said the minister").  Writes up to 4 actor mentions
** to who and returns how many (0: the group names no actor), the group's
** tokens in *s..*e (-1 when none); -1 when r is no reporting verb for i. */
static int reporter_at(const ne_sview *sv, int r, int i, int *who, int *s, int *e) {
    if (r < 0 || r >= sv->n || WC(sv, r) != NE_WC_REPORT || r == i || !sv->isverb[r]) return -1;
    *s = *e = -1;
    if (r < i) {
        const char *rule;
        int vs = neClause_vg_start(sv, r), n = neClause_subject(sv, vs, 0, who, 4, &rule);
        for (int j = vs - 1; j >= 0 && *e < 0; j--)
            if (ng_token(sv, j)) *e = j, *s = neClause_ng_start(sv, j, 0);
        return n;
    }
    int p = prev_nonadv(sv, r);
    /* ", chief minister narendra modi has said.": the perfect's auxiliary, when the report ends
    ** there (not ", the White House has said that ...": a report of what follows) */
    if (p > 0 && (is_word(sv, p, "has") || is_word(sv, p, "have") || is_word(sv, p, "had")) &&
        (r + 1 >= sv->n || TK(sv, r + 1)->shape == NE_SH_PUNCT))
        p = prev_nonadv(sv, p);
    if (p >= 0 && ng_token(sv, p)) *e = p, *s = neClause_ng_start(sv, p, 0);
    else if (r + 1 < sv->n && ng_token(sv, r + 1)) {
        *s = r + 1;
        for (*e = *s; *e + 1 < sv->n && ng_token(sv, *e + 1);) (*e)++;
    }
    if (*s < 0 || (*s - 1 > i && !is_comma(sv, *s - 1) && TK(sv, *s - 1)->shape != NE_SH_QUOTE &&
                   !(*s == r + 1 && (is_comma(sv, r - 1) || TK(sv, r - 1)->shape == NE_SH_QUOTE))))
        return -1;
    return neClause_ng_actors(sv, *s, *e, who, 4);
}

/* The first reporting verb for the clause at i whose speaker group names
** an actor or is short (under 6 tokens): its actors into who (reporter_at,
** up to 4) and the count, the group's tokens in *s..*e, the verb in *rv
** (when not NULL); -1 when none. */
static int first_reporter(const ne_sview *sv, int i, int *who, int *s, int *e, int *rv) {
    for (int r = 0; r < sv->n; r++) {
        if (WC(sv, r) != NE_WC_REPORT) continue; /* reporter_at's first test, without the call: most tokens */
        int n = reporter_at(sv, r, i, who, s, e);
        if (n > 0 || (n == 0 && *s >= 0 && *e >= *s && *e - *s < 6)) {
            if (rv) *rv = r;
            return n;
        }
    }
    return -1;
}

/* Text naming who reported the clause at i (first_reporter). NULL if none. */
const char *neClause_reporter(const ne_sview *sv, int i, char *buf, size_t cap) {
    int who[4], s, e, n = first_reporter(sv, i, who, &s, &e, NULL);
    if (n < 0) return NULL;
    if (n > 0) {
        const ne_actor *a = NE_VEC_AT(sv->d->actors, ne_actor, neClause_resolve(sv->d, who[0]));
        neU_copy_cut(buf, cap, a->name ? a->name : a->code ? a->code : a->text ? a->text : "", SIZE_MAX);
        return buf;
    }
    uint32_t bs = TK(sv, s)->start, be = TK(sv, e)->end;
    neU_copy_cut(buf, cap, sv->text + bs, be - bs);
    return buf;
}

int neClause_reporter_actors(const ne_sview *sv, int i, int *out, int max, int *verb) {
    int who[4], s, e, r = -1, n = first_reporter(sv, i, who, &s, &e, &r);
    for (int k = 0; k < n && k < max; k++) out[k] = who[k];
    if (verb) *verb = n > 0 ? r : -1;
    return n < 0 ? 0 : n < max ? n : max;
}

/* Follow pronoun and nominal mentions to what they refer to. */
int neClause_resolve(const struct ne_doc *d, int a) {
    for (int hops = 0; hops < 8 && a >= 0 && (size_t)a < d->actors.n; hops++) {
        const ne_actor *ac = NE_VEC_AT(d->actors, ne_actor, a);
        if (ac->ref < 0 || (size_t)ac->ref >= d->actors.n || ac->ref == a) break;
        a = ac->ref;
    }
    return a;
}
