/* coref.c: coreference within a document: pronouns, definite nominals
** ("the group", "the militants") and surnames after a first full mention point
** (ref) to what they refer to and take its name, code, country and role. */
#include "dict.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define PERSON_WINDOW 1  /* sentences back he/she may reach (one more past a sentence naming no one) */
#define PRONOUN_WINDOW 3 /* sentences back it/they may reach */
#define NOMINAL_WINDOW 6 /* sentences back a definite description may reach */
#define SPEAKER_WINDOW 8 /* sentences back the "he" of `"...," he said` may reach */
#define DUAL_WINDOW 3    /* sentences back the pair of "the two leaders" may stand */
#define ROLE_PRONOUNS(pm) ((pm)->plural)

typedef struct cctx {
    struct ne_doc *d;
    ne_actor *act;
    ne_actor_info *inf;
    const ne_token *tk;
    /* mentions chained by the word that ends them, in document order, so that
    ** a surname looks only at names ending with it (linear in the document) */
    int32_t *last_head, *last_next;
    size_t last_mask;
    uint8_t *speaks; /* per mention: SPK_PRONOUN, SPK_OTHER (speaks a quotation) or 0; NULL: none */
    const struct ne_engine *e;
    uint32_t *sent;  /* per mention: the sentence of its first token (mention_sentences) */
    size_t speaker1; /* 1 + the root of a quotation's speaker, who is no he or she of it (quoted_pronouns); 0 none */
} cctx;

enum { SPK_PRONOUN = 1, SPK_OTHER = 2 };

static uint32_t sent_of(const cctx *c, size_t m) { return c->sent[m]; }

/* c->sent: each mention's sentence, looked up once (the antecedent scans ask
** it for every earlier mention they pass); NE_NOMEM. */
static int mention_sentences(cctx *c) {
    size_t n = c->d->actors.n;
    if (!(c->sent = neA_alloc(&c->d->arena, (n + 1) * sizeof *c->sent))) return NE_NOMEM;
    for (size_t m = 0; m < n; m++) c->sent[m] = c->tk[c->inf[m].tok_first].sent;
    return NE_OK;
}

/* The mention m stands for: what it refers to, or itself. */
static size_t root_of(const cctx *c, size_t m) {
    for (int guard = 0; c->act[m].ref >= 0 && guard < 64; guard++) m = (size_t)c->act[m].ref;
    return m;
}

static int has_identity(const cctx *c, size_t r) {
    return c->act[r].code || c->act[r].kind == NE_ACTOR_UNKNOWN;
}

static int is_personish(const cctx *c, size_t k) {
    const ne_actor_info *in = &c->inf[k];
    if (in->person == 1) return 1;
    /* an unknown name of two words, or one that speaks a quotation ("Brafman said") */
    return c->act[k].kind == NE_ACTOR_UNKNOWN && in->person == 2 &&
           (in->tok_end - in->tok_first >= 2 || (c->speaks && c->speaks[k] == SPK_OTHER));
}

/* Organizations, countries and groups that "it" or "they" may stand for. */
static int is_collective(const cctx *c, size_t k) {
    const ne_actor_info *in = &c->inf[k];
    size_t r = root_of(c, k);
    if (in->person != 0 || c->inf[r].person != 0 || c->act[k].kind == NE_ACTOR_PRONOUN) return 0;
    if (c->act[k].kind == NE_ACTOR_UNKNOWN) return in->type == NE_DT_ORG; /* "Tax Policy Center" (actor.c org_name) */
    return in->type != NE_DT_DEMONYM && in->type != NE_DT_PERSON;
}

static int role_only(const cctx *c, size_t m);

/* Is mention x the object of a verb (1) or of a preposition (2) right
** before it ("attacked Bush", "cut into Bush")?  0 otherwise, and after a
** verb of saying or thinking, whose next mention opens a clause ("said Trump
** attacked him"). */
static int object_mention(const cctx *c, size_t x) {
    static const char *const clause_verbs[] = {"say", "tell", "think", "believe", "know", "hope", "feel", "fear",
                                               "expect", "suspect", "worry", "wish", "claim", "insist", "argue",
                                               "add", "note", "warn", "mean", "see", "hear", "find", NULL};
    uint32_t f = c->inf[x].tok_first;
    if (f < 1 || c->tk[f - 1].sent != c->tk[f].sent) return 0;
    const ne_token *t = &c->tk[f - 1];
    if (t->shape != NE_SH_LOWER) return 0;
    if (NE_WCLASS(t) == NE_WC_PREP || NE_WCLASS(t) == NE_WC_TO) /* "spoke to Trump"; not "the leader of Hamas" */
        return ne_word_is(t->norm, "of") ? 0 : 2;
    return (t->tags & NE_TAG_VERB) && !(t->tags & (NE_TAG_AUX | NE_TAG_CUE)) && !(t->lemma && ne_word_in(t->lemma, clause_verbs)) &&
           !ne_word_in(t->norm, clause_verbs);
}

/* The subject mention of the verb right before object pronoun m ("him",
** "them"): "Sen. Claire McCaskill (D-Mo.) scolded him", "Limbaugh praised
** the speech and urged him" (a coordinated or participial verb of the same
** clause: lower-case words, commas and "and" back to the subject, no clause
** word or reporting verb between; mentions between only as objects of the
** clause's earlier verbs, object_mention: "Sanders called Trump divisive and
** accused him").  Such a pronoun names someone else ("himself" would name
** the subject).  -1 when none. */
static long object_subject(const cctx *c, size_t m) {
    static const char *const stop[] = {"say", "said", "says", "tell", "told", "that", "who", "whom", "which", "would",
                                       "will", "could", "should", "may", "might", "can", "if", "when", "because",
                                       "while", "after", "before", "as", "to", "but", "or", NULL};
    const ne_token *tk = c->tk;
    uint32_t j = c->inf[m].tok_first;
    if (m == 0 || (!ne_word_is(tk[j].norm, "him") && !ne_word_is(tk[j].norm, "them"))) return -1;
    if (j < 1 || tk[j - 1].shape != NE_SH_LOWER || !(tk[j - 1].tags & NE_TAG_VERB) || tk[j - 1].sent != tk[j].sent)
        return -1;
    uint32_t i = j - 1; /* left of the verb: adverbs and a bracketed party label */
    for (int steps = 0; i > 0 && steps < 10; steps++) {
        const ne_token *t = &tk[i - 1];
        if (t->shape == NE_SH_LOWER && t->norm_len > 4 && !memcmp(t->norm + t->norm_len - 2, "ly", 2)) i--;
        else if (ne_word_is(t->norm, ")")) {
            while (i > 0 && j - i < 12 && !ne_word_is(tk[i - 1].norm, "(")) i--;
            if (i > 0) i--;
        } else break;
    }
    size_t x = m;
    while (x > 0 && c->inf[x - 1].tok_end > i) x--; /* past the label's own mention ("D-Mo.") */
    for (int objects = 0; x > 0 && objects < 3; objects++) {
        x--;
        uint32_t e = c->inf[x].tok_end;
        if (tk[e - 1].sent != tk[j].sent) return -1;
        for (; i > e && j - i < 24; i--) {
            const ne_token *t = &tk[i - 1];
            if (ne_word_in(t->norm, stop) || (t->shape != NE_SH_LOWER && !ne_word_is(t->norm, ","))) return -1;
        }
        if (i != e) return -1;
        /* "Sanders called Trump divisive and accused him", "Trump attacked
        ** Bush, accusing him": a mention after a verb or preposition is an
        ** object of the same clause; its subject is further left */
        int obj = object_mention(c, x);
        if (!obj) return (long)x;
        i = c->inf[x].tok_first - (obj == 2); /* past the preposition ("spoke to X and urged him") */
    }
    return -1;
}

/* Is person k the first of two joined by "and" ("Clinton and Sanders",
** "Kishore and others")?  A plural pronoun after them names the pair; it
** takes the first, whose code the event keeps. */
static int joined_persons(const cctx *c, size_t k) {
    const ne_actor_info *in = &c->inf[k];
    if (!is_personish(c, k) || in->plural || in->tok_end + 1 >= c->d->tokens.n) return 0;
    const ne_token *t = &c->tk[in->tok_end];
    if (!ne_word_is(t->norm, "and") || t->sent != c->tk[in->tok_first].sent) return 0;
    if (ne_word_is(t[1].norm, "others")) return 1;
    return k + 1 < c->d->actors.n && c->inf[k + 1].tok_first == in->tok_end + 1 && is_personish(c, k + 1);
}

/* Do pronoun m's person and number fit mention k, whose root is r? */
static int pronoun_agrees(const cctx *c, size_t m, size_t k, size_t r) {
    const ne_actor_info *pm = &c->inf[m];
    if (pm->person == 1) {
        if (!is_personish(c, k) && !is_personish(c, r)) return 0;
        uint8_t g = c->inf[r].gender ? c->inf[r].gender : c->inf[k].gender;
        return !g || g == pm->gender;
    }
    if (pm->plural) /* "they": a collective, or a plural group of people ("Kurdish fighters") */
        return (is_collective(c, k) && (c->inf[k].plural || c->inf[k].type == NE_DT_GROUP ||
                                        c->inf[k].type == NE_DT_ORG || c->inf[k].type == NE_DT_PARTY)) ||
               (c->inf[k].plural && c->act[k].kind != NE_ACTOR_PRONOUN && c->act[k].kind != NE_ACTOR_UNKNOWN) ||
               joined_persons(c, k);
    return is_collective(c, k) && !c->inf[k].plural;
}

/* May pronoun m refer to mention k?  A role nominal that main_country_roles
** will code later ("the arrested persons ... they") has an identity too.
** The test of m alone (object_subject) last: most k fail before. */
static int pronoun_fits(const cctx *c, size_t m, size_t k) {
    if (c->act[k].kind == NE_ACTOR_PRONOUN && c->act[k].ref < 0) return 0;
    size_t r = root_of(c, k);
    if (!has_identity(c, r) && !(ROLE_PRONOUNS(&c->inf[m]) && role_only(c, r))) return 0;
    if (!pronoun_agrees(c, m, k, r)) return 0;
    long subj = object_subject(c, m);
    return subj < 0 || r != root_of(c, (size_t)subj);
}

/* Role groups that count as the same for "the militants" and the like. */
static int same_role(const char *a, const char *b) {
    if (!a || !b) return 0;
    if (ne_word_is(a, b)) return 1;
    static const char *const armed[] = {"INS", "REB", "SEP", "UAF", NULL}; /* the armed groups' roles */
    return ne_word_in(a, armed) && ne_word_in(b, armed);
}

/* Is the last word of mention m ("the governor") one of mention k's words? */
static int holds_head(const cctx *c, size_t m, size_t k) {
    const ne_actor_info *nm = &c->inf[m], *nk = &c->inf[k];
    if (nm->tok_end <= nm->tok_first) return 0;
    const ne_token *h = &c->tk[nm->tok_end - 1];
    for (uint32_t i = nk->tok_first; i < nk->tok_end; i++)
        if (c->tk[i].norm_len == h->norm_len && !memcmp(c->tk[i].norm, h->norm, h->norm_len)) return 1;
    return 0;
}

/* Is group nominal m ("the delegation") the group word of the earlier group
** mention k of another role again ("a delegation of sena mps"): one word,
** after "the", that k holds?  Then m names k's group whatever role its own
** word gives (roles.txt: a delegation is GOV; this one is of legislators). */
static int head_again(const cctx *c, size_t m, size_t k) {
    const ne_actor_info *nm = &c->inf[m], *nk = &c->inf[k];
    if (nm->person == 1 || nk->person == 1 || nm->tok_end != nm->tok_first + 2 ||
        !ne_word_is(c->tk[nm->tok_first].norm, "the") || same_role(c->act[m].role, c->act[k].role))
        return 0; /* the same role: the rules below decide */
    return holds_head(c, m, k);
}

/* Is mention r a political party's: a code that ends in the PTY role
** ("INDGOVPTY", "USAOPPPTY")? */
static int party_mention(const cctx *c, size_t r) {
    const char *code = c->act[r].code;
    size_t n = code ? strlen(code) : 0;
    return n >= 6 && !strcmp(code + n - 3, "PTY");
}

/* Is person nominal m ("the governor") of another office than the title
** mention k that names no person ("the bjp president", "the chief minister"):
** m's head word is none of k's words?  A person's name ("Modi") may hold any. */
static int other_title(const cctx *c, size_t m, size_t k) {
    const ne_actor_info *nk = &c->inf[k];
    if (c->act[k].kind == NE_ACTOR_PRONOUN || c->act[k].kind == NE_ACTOR_UNKNOWN || nk->type == NE_DT_PERSON) return 0;
    return nk->person == 1 && c->inf[m].tok_end > c->inf[m].tok_first && !holds_head(c, m, k);
}

/* Is cc an ISO country: three letters and no international first group
** (IGO, IMG, MNC, NGO, regions) of actor_codes.txt? */
static int iso_country(const cctx *c, const char *cc) {
    return cc && strlen(cc) == 3 && !neDict_is_intl(c->e, cc);
}

/* May nominal m ("the group", "the ministry", "the former prime minister")
** refer to mention k? */
static int nominal_fits(const cctx *c, size_t m, size_t k) {
    if (c->act[k].kind == NE_ACTOR_PRONOUN) return 0;
    const ne_actor_info *nm = &c->inf[m];
    size_t r = root_of(c, k);
    int again = head_again(c, m, k);
    if (!has_identity(c, r) && !(again && role_only(c, r))) return 0;
    /* a nominal with a country of its own ("the US president") is no other country's actor */
    if (c->act[m].country && c->act[r].country && !ne_word_is(c->act[m].country, c->act[r].country)) return 0;
    if (again) return 1;
    if (nm->person == 1) { /* "the president" is no congressman: a role must agree with the antecedent's */
        /* nor is a known person without office "the terrorist"; "the former ..." may be anyone */
        if (c->act[m].role && !nm->former && (c->act[r].role || c->act[r].kind == NE_ACTOR_NAMED) &&
            !same_role(c->act[m].role, c->act[r].role))
            return 0;
        if (other_title(c, m, k)) return 0;
        return is_personish(c, k) || is_personish(c, r);
    }
    if (c->act[m].role) { /* the cheaper tests first */
        if (c->inf[k].person == 1 || c->inf[k].type == NE_DT_DEMONYM) return 0;
        /* "the company": Airbus (MNC) too */
        if (!same_role(c->act[m].role, c->act[r].role) &&
            !(ne_word_is(c->act[m].role, "BUS") && c->act[r].country && ne_word_is(c->act[r].country, "MNC")))
            return 0;
        /* "the government", "the centre", "the district administration" are no party, not even
        ** the one that governs ("the bharatiya janata party", INDGOVPTY; CAMEO codes the
        ** executive GOV, a party PTY: docs/ANNOTATION.md rule 9) */
        return ne_word_is(c->act[m].role, "PTY") || !party_mention(c, r);
    }
    switch (nm->nominal_class) {
    case NE_DT_GROUP:
        return c->inf[k].type == NE_DT_GROUP || same_role(c->act[r].role, "INS");
    case NE_DT_COUNTRY: /* "the country" is one state, not a region ("Europe", "Central America"); "these countries" may be */
        return (c->inf[k].type == NE_DT_COUNTRY || c->inf[k].type == NE_DT_METONYM) &&
               (nm->plural || iso_country(c, c->act[r].country));
    default:
        return is_collective(c, k) && c->inf[k].type != NE_DT_COUNTRY;
    }
}

typedef int (*fit_fn)(const cctx *, size_t, size_t);

/* Does the text or name of mention k hold word w (a lemma) as a whole word,
** in any case ("commission" in "National Human Rights Commission of India")? */
static int holds_word(const cctx *c, size_t k, const char *w) {
    size_t n = strlen(w);
    for (uint32_t i = c->inf[k].tok_first; i < c->inf[k].tok_end; i++)
        if (ne_word_is(c->tk[i].lemma, w)) return 1;
    const char *name = c->act[k].name;
    for (const char *p = name; p && *p; p++) {
        if (p != name && p[-1] != ' ') continue;
        size_t i = 0;
        while (i < n && p[i] && (p[i] | 0x20) == w[i]) i++;
        if (i == n && (p[n] == 0 || p[n] == ' ')) return 1;
    }
    return 0;
}

/* Is nominal m one of an organization or group without a role ("the
** commission", "the association"), which named_kind_fits looks for first? */
static int kind_nominal(const cctx *c, size_t m) {
    const ne_actor_info *nm = &c->inf[m];
    return !c->act[m].role && !nm->person && (nm->nominal_class == NE_DT_ORG || nm->nominal_class == NE_DT_GROUP);
}

/* Nominal m of kind_nominal and a mention k whose own words or name hold m's
** head word ("the National Human Rights Commission"): the body named, looked
** for before any other organization (nominal_fits). */
static int named_kind_fits(const cctx *c, size_t m, size_t k) {
    const char *w = c->tk[c->inf[m].tok_end - 1].lemma;
    size_t r;
    return (holds_word(c, k, w) || ((r = root_of(c, k)) != k && holds_word(c, r, w))) && nominal_fits(c, m, k);
}

/* Is mention k usable as an antecedent of m at all? */
static int before(const cctx *c, size_t m, size_t k) {
    return c->act[k].in_title == c->act[m].in_title && c->inf[k].tok_end <= c->inf[m].tok_first;
}

/* "Israel and its allies": a fitting mention right before, joined by "and". */
static long coordinated(const cctx *c, size_t m, fit_fn fits) {
    if (m == 0 || !before(c, m, m - 1) || c->inf[m - 1].tok_end + 1 != c->inf[m].tok_first) return -1;
    const char *w = c->tk[c->inf[m - 1].tok_end].norm;
    return (!strcmp(w, "and") || !strcmp(w, "or")) && fits(c, m, m - 1) ? (long)(m - 1) : -1;
}

/* The token before the clause that mention m opens, "that" stepped over
** ("said that it ..."): the reporting verb if there is one; 0 when m opens
** the document. */
static size_t verb_before(const cctx *c, size_t m) {
    size_t j = c->inf[m].tok_first;
    if (j < 2) return 0;
    j--;
    return ne_word_is(c->tk[j].norm, "that") ? j - 1 : j;
}

/* Verbs of saying, as lemmas. */
static const char *const speech[] = {"say", "tell", "announce", "state", "add", "claim", "insist", "warn",
                                     "argue", "deny", "confirm", "maintain", "note", "indicate", "acknowledge",
                                     "admit", "explain", "declare", "assert", "contend", NULL};

/* "the White House has said that it is considering ...": a pronoun opening
** the clause reported by a speech verb refers to that verb's subject when it
** fits (the mention ending right before the verb and its auxiliaries).
** -1 when the pronoun is not in that frame or the subject does not fit. */
static long reporter_subject(const cctx *c, size_t m, fit_fn fits) {
    size_t j = verb_before(c, m);
    uint32_t s = sent_of(c, m);
    if (j < 1 || c->tk[j].sent != s) return -1;
    if (!(c->tk[j].tags & NE_TAG_CUE) && !ne_word_in(c->tk[j].lemma, speech)) return -1;
    while (j > 0 && c->tk[j - 1].sent == s && (c->tk[j - 1].tags & NE_TAG_AUX)) j--;
    for (size_t k = m; k-- > 0 && sent_of(c, k) == s;) {
        if (c->inf[k].tok_end < j) break;
        if (c->inf[k].tok_end == j && before(c, m, k)) return fits(c, m, k) ? (long)k : -1;
    }
    return -1;
}

/* "Tehran blamed Jaish al-Adl, saying it has carried out attacks": after a
** verb of blame, a pronoun opening the clause of ", saying/alleging ..." is
** the accused, i.e. the first fitting mention after the blame word.  -1 when
** the pronoun is not in that frame. */
static long accused_object(const cctx *c, size_t m, fit_fn fits) {
    size_t j = verb_before(c, m);
    uint32_t s = sent_of(c, m);
    static const char *const ing[] = {"saying", "alleging", "claiming", "charging", "arguing", NULL};
    if (j < 2 || c->tk[j].sent != s || !ne_word_in(c->tk[j].norm, ing) || strcmp(c->tk[j - 1].norm, ",")) return -1;
    static const char *const blame[] = {"accuse", "blame", "finger", "condemn", "criticize", "criticise",
                                        "denounce", "fault", "slam", NULL};
    size_t cue = j;
    for (size_t t = j - 1; t-- > 0 && c->tk[t].sent == s;)
        if (ne_word_in(c->tk[t].lemma, blame)) {
            cue = t;
            break;
        }
    if (cue == j) return -1;
    for (size_t k = 0; k < m; k++)
        if (sent_of(c, k) == s && c->inf[k].tok_first > cue && before(c, m, k) && fits(c, m, k)) return (long)k;
    return -1;
}

/* Is nominal m ("the government") after a verb that follows mention j of its
** own sentence ("nda allies demanded that the government check ...")?  A full
** description is not the subject it follows in its sentence (binding theory's
** principle C): it names someone else, and pronouns are what point back.  News
** prose breaks the rule after verbs of saying, which do not count here. */
static int bound_nominal(const cctx *c, size_t m, size_t j) {
    if (c->act[m].kind != NE_ACTOR_NOMINAL) return 0;
    /* the speaker after what was said ("X and Y agreed to a deal, the countries announced") */
    uint32_t e = c->inf[m].tok_end;
    if (e < c->d->tokens.n && c->tk[e].sent == c->tk[e - 1].sent && (c->tk[e].tags & NE_TAG_CUE)) return 0;
    int depth = 0; /* not a word in brackets ("the lashkar-e-taiba (let) terrorists") */
    for (uint32_t i = c->inf[j].tok_end; i < c->inf[m].tok_first; i++) {
        depth += ne_word_is(c->tk[i].norm, "(") - ne_word_is(c->tk[i].norm, ")");
        /* a verb of saying does not bind: "the Pakistani army said the military had killed ..." */
        if (!depth && (c->tk[i].tags & NE_TAG_VERB) && !(c->tk[i].tags & (NE_TAG_AUX | NE_TAG_CUE)) &&
            !(c->tk[i].lemma && ne_word_in(c->tk[i].lemma, speech)))
            return 1;
    }
    return 0;
}

/* Is k (or what it stands for, or a mention of the same name) the entity of a
** mention that nominal m follows in its own sentence past a verb (bound_nominal), so that m cannot
** be it either ("the nda allies met. nda allies demanded that the government
** ...": not the NDA of the first sentence)? */
static int bound_entity(const cctx *c, size_t m, size_t k) {
    if (c->act[m].kind != NE_ACTOR_NOMINAL) return 0;
    uint32_t s = sent_of(c, m);
    size_t rk = root_of(c, k);
    const char *name = c->act[rk].name; /* one name twice is one entity ("nda ... nda") */
    for (size_t j = m; j-- > 0 && sent_of(c, j) == s;) {
        size_t rj = root_of(c, j);
        if ((rj == rk || (name && c->act[rj].name && !strcmp(name, c->act[rj].name))) && before(c, m, j) &&
            bound_nominal(c, m, j))
            return 1;
    }
    return 0;
}

/* Is mention k a dateline ("new delhi:", "WASHINGTON -", "ISLAMABAD (Reuters) -"):
** a place (a capital standing for its government) that opens its sentence,
** followed by a colon, a dash or a bracket?  It says where the story was
** filed, no actor a pronoun may stand for ("Mehmet Oz - a surgeon" is no place). */
static int dateline(const cctx *c, size_t k) {
    static const char *const marks[] = {":", "-", "(", NULL};
    const ne_actor_info *in = &c->inf[k];
    if (in->tok_end <= in->tok_first || in->tok_end >= c->d->tokens.n || !(c->tk[in->tok_first].flags & NE_TF_SENT_START) ||
        c->tk[in->tok_first].place < 0)
        return 0;
    const ne_token *t = &c->tk[in->tok_end];
    return t->sent == c->tk[in->tok_first].sent && ne_word_in(t->norm, marks);
}

/* Can mention j, met in the search for m's antecedent, be it: before m, no
** place ("in Moscow"), fitting by fits, no dateline, not bound to m?  The
** dearer tests last. */
static inline __attribute__((always_inline)) int candidate(const cctx *c, size_t m, size_t j, fit_fn fits) {
    return before(c, m, j) && !c->inf[j].located && fits(c, m, j) && !dateline(c, j) && !bound_entity(c, m, j);
}

/* The antecedent of m: Hobbs-style order, that is earlier mentions of its
** own sentence left to right (subjects first), then each earlier sentence,
** left to right, up to window sentences back.  -1 when none fits. */
static inline __attribute__((always_inline)) long nearest_by(const cctx *c, size_t m, uint32_t window, fit_fn fits) {
    long k = coordinated(c, m, fits);
    if (k >= 0) return k;
    if (c->act[m].kind == NE_ACTOR_PRONOUN && (k = accused_object(c, m, fits)) >= 0) return k;
    if (c->act[m].kind == NE_ACTOR_PRONOUN && (k = reporter_subject(c, m, fits)) >= 0) return k;
    uint32_t s = sent_of(c, m);
    size_t first = m;
    for (uint32_t back = 0; back <= window && back <= s; back++) {
        while (first > 0 && sent_of(c, first - 1) >= s - back) first--;
        for (size_t j = first; j < m && sent_of(c, j) == s - back; j++)
            if (candidate(c, m, j, fits)) return (long)j;
        if (first == 0) break;
    }
    return -1;
}

/* nearest_by written out for the two tests most mentions are searched by,
** each a direct call the compiler may inline into the scan. */
static long nearest(const cctx *c, size_t m, uint32_t window, fit_fn fits) {
    if (fits == nominal_fits) return nearest_by(c, m, window, nominal_fits);
    if (fits == pronoun_fits) return nearest_by(c, m, window, pronoun_fits);
    return nearest_by(c, m, window, fits);
}

/* Does sentence s hold any mention (quote.c and actor.c ran before)? */
static int has_mention(const cctx *c, uint32_t s) {
    for (size_t k = 0; k < c->d->actors.n; k++) {
        uint32_t sk = sent_of(c, k);
        if (sk == s) return 1;
        if (sk > s) break;
    }
    return 0;
}

/* Is mention k inside a direct quotation (quote.c ran before)? */
static int quoted(const cctx *c, size_t k) { return (c->tk[c->inf[k].tok_first].tags & NE_TAG_IN_QUOTE) != 0; }

/* The quotation whose span holds mention k (quote marks nested in it may
** hide the NE_TAG_IN_QUOTE of its words), or NULL. */
static const ne_quote *quotation_of(const cctx *c, size_t k) {
    if (c->act[k].in_title) return NULL;
    uint32_t at = c->act[k].span.start;
    for (size_t i = 0; i < c->d->quotes.n; i++) {
        const ne_quote *q = NE_VEC_AT(c->d->quotes, ne_quote, i);
        if (at >= q->span.start && at < q->span.end) return q;
    }
    return NULL;
}

/* The antecedent for pronoun m outside quotations instead of k, a person
** named inside one: the quotation's speaker when it fits ('Beck said, "Ted
** was laughing. He said ..." He explained': Beck, whom the paragraph is
** about; the quoted people are the ones he talks about), else k. */
static long quotation_speaker(const cctx *c, size_t m, size_t k) {
    const ne_quote *q;
    if (!c->d->quotes.n || !(q = quotation_of(c, k)) || quotation_of(c, m)) return (long)k;
    long sp = q->speaker;
    if (sp >= 0 && (size_t)sp < m && before(c, m, (size_t)sp) && root_of(c, (size_t)sp) != root_of(c, k) &&
        !quotation_of(c, (size_t)sp) && pronoun_fits(c, m, (size_t)sp))
        return sp;
    return (long)k;
}

/* Instead of k, the object of a preposition or verb opening an earlier
** sentence ("At a rally for Cruz, Beck attacked the media. He ..."), a
** later fitting mention of that sentence that is none: its subject. */
static size_t clause_subject(const cctx *c, size_t m, size_t k) {
    if (sent_of(c, k) == sent_of(c, m) || !object_mention(c, k)) return k;
    for (size_t j = k + 1; j < m && sent_of(c, j) == sent_of(c, k); j++)
        if (candidate(c, m, j, pronoun_fits) && !object_mention(c, j)) return j;
    return k;
}

/* The antecedent of he/she: the nearest fitting person up to PERSON_WINDOW
** sentences back, or one sentence further when the sentence between names
** no one ("owaisi said the budget was jugglery. the outlay was inflated.
** he demanded ..."): the topic has not moved to anyone else.  -1 when none. */
static long person_antecedent(const cctx *c, size_t m) {
    long k = nearest(c, m, PERSON_WINDOW, pronoun_fits);
    uint32_t s = sent_of(c, m);
    if (k < 0 && s >= PERSON_WINDOW + 1 && !has_mention(c, s - PERSON_WINDOW))
        k = nearest(c, m, PERSON_WINDOW + 1, pronoun_fits);
    return k >= 0 ? quotation_speaker(c, m, clause_subject(c, m, (size_t)k)) : k;
}

/* A one-word unknown name followed by a verb ("Frazier said", "Sanders
** unloaded"): the subject of its clause, most likely a person when a "he"
** or "she" that speaks a quotation looks back for someone. */
static int lone_subject(const cctx *c, size_t k) {
    const ne_actor_info *in = &c->inf[k];
    if (c->act[k].kind != NE_ACTOR_UNKNOWN || in->person != 2 || in->tok_end != in->tok_first + 1 ||
        in->tok_end >= c->d->tokens.n)
        return 0;
    const ne_token *next = &c->tk[in->tok_end];
    return next->sent == c->tk[in->tok_first].sent && (next->tags & (NE_TAG_VERB | NE_TAG_AUX | NE_TAG_CUE)) != 0;
}

/* Another speaker of a quotation that pronoun m may continue ("...," traders
** said. "...," they added), identity or not: same number, and a person for
** he/she. */
static int fellow_speaker(const cctx *c, size_t m, size_t k) {
    const ne_actor_info *pm = &c->inf[m], *ik = &c->inf[k];
    if (!c->speaks || c->speaks[k] != SPK_OTHER || c->act[k].kind == NE_ACTOR_PRONOUN) return 0;
    if (pm->person == 1) return !ik->plural && (is_personish(c, k) || ik->person == 2);
    return pm->plural ? ik->plural != 0 : !ik->plural && ik->person == 0;
}

/* The antecedent of a pronoun that speaks a quotation ("...," he said): the
** leftmost fitting mention outside quotations in the latest sentence that has
** one, up to SPEAKER_WINDOW sentences back.  Reporters name a speaker, then
** quote several sentences or paragraphs before "he added"; a name inside the
** quoted words is someone the speaker talks about.  In that sentence a
** fitting mention that speaks a quotation itself comes first, then one that
** is no object of a verb or preposition ("At a rally for Cruz, Beck said,
** "..." ... He explained ...": Beck).  -1 when none fits. */
static long speaker_antecedent(const cctx *c, size_t m) {
    uint32_t s = sent_of(c, m);
    long best = -1, spoke = -1, subject = -1;
    for (size_t j = m; j-- > 0;) {
        uint32_t sj = sent_of(c, j);
        if (s - sj > SPEAKER_WINDOW || (best >= 0 && sj != sent_of(c, (size_t)best))) break;
        if (before(c, m, j) && !quoted(c, j) &&
            (pronoun_fits(c, m, j) || fellow_speaker(c, m, j) ||
             (c->inf[m].person == 1 && c->act[j].ref < 0 && lone_subject(c, j)))) {
            best = (long)j;
            if (c->speaks[j] && !quotation_of(c, j)) spoke = (long)j;
            if (!object_mention(c, j)) subject = (long)j;
        }
    }
    if (spoke >= 0) best = spoke;
    else if (subject >= 0) best = subject;
    return best >= 0 ? quotation_speaker(c, m, (size_t)best) : best;
}

/* c->speaks: one byte per mention (arena) saying which speak a quotation;
** NULL when none does.  NE_OK or NE_NOMEM. */
static int speaker_marks(cctx *c) {
    struct ne_doc *d = c->d;
    c->speaks = NULL;
    for (size_t i = 0; i < d->quotes.n; i++) {
        int sp = NE_VEC_AT(d->quotes, ne_quote, i)->speaker;
        if (sp < 0 || (size_t)sp >= d->actors.n) continue;
        if (!c->speaks) {
            if (!(c->speaks = neA_alloc(&d->arena, d->actors.n))) return NE_NOMEM;
            memset(c->speaks, 0, d->actors.n);
        }
        c->speaks[sp] = c->act[sp].kind == NE_ACTOR_PRONOUN ? SPK_PRONOUN : SPK_OTHER;
    }
    return NE_OK;
}

/* Do the tokens of m end the name k ("Arain" of "Muhammad Ashfaque Arain",
** "Mensah-Bonsu" of "Kwame Mensah-Bonsu")? */
static int ends_name(const cctx *c, size_t m, size_t k) {
    const ne_actor_info *in = &c->inf[m], *ik = &c->inf[k];
    uint32_t n = in->tok_end - in->tok_first;
    if (ik->tok_end - ik->tok_first < n) return 0;
    if (ik->tok_end - ik->tok_first == n && c->act[k].kind == NE_ACTOR_NAMED) return 0; /* a repeated entry */
    for (uint32_t i = 0; i < n; i++)
        if (!ne_word_is(c->tk[in->tok_first + i].norm, c->tk[ik->tok_end - n + i].norm)) return 0;
    return 1;
}

/* Bucket of the word ending mention m (m has tokens): its norm's ne_hash,
** which lemma tagging keeps (d->nhash). */
static size_t last_bucket(const cctx *c, size_t m) { return c->d->nhash[c->inf[m].tok_end - 1] & c->last_mask; }

/* Chain every mention with tokens by its last word (c->last_head/last_next). */
static int index_last_words(cctx *c, size_t n) {
    size_t cap = 64;
    while (cap < 2 * n) cap *= 2;
    c->last_head = neA_alloc(&c->d->arena, cap * sizeof *c->last_head);
    c->last_next = neA_alloc(&c->d->arena, (n + 1) * sizeof *c->last_next);
    if (!c->last_head || !c->last_next) return NE_NOMEM;
    memset(c->last_head, 0xff, cap * sizeof *c->last_head); /* -1: empty */
    c->last_mask = cap - 1;
    for (size_t m = n; m-- > 0;) { /* backwards: each chain ends up in document order */
        c->last_next[m] = -1;
        if (c->inf[m].tok_end <= c->inf[m].tok_first) continue;
        size_t b = last_bucket(c, m);
        c->last_next[m] = c->last_head[b];
        c->last_head[b] = (int32_t)m;
    }
    return NE_OK;
}

/* For a one-word name in a headline written in title case, which the body
** names in full only after it ("Trump Blasts Clinton Over Emails" ...
** "Hillary Clinton said"; actor.c title_surname): the first later person name
** it ends outside title case; -1 when none. */
static long title_name(const cctx *c, size_t m) {
    const ne_actor_info *in = &c->inf[m];
    if (c->act[m].kind != NE_ACTOR_UNKNOWN || in->tok_end != in->tok_first + 1 ||
        !NE_VEC_AT(c->d->sentences, ne_sentence, c->tk[in->tok_first].sent)->titlecase)
        return -1;
    for (long kk = c->last_head[last_bucket(c, m)]; kk >= 0; kk = c->last_next[kk]) {
        size_t k = (size_t)kk;
        if (k <= m || !is_personish(c, k) || c->act[k].in_title != c->act[m].in_title ||
            NE_VEC_AT(c->d->sentences, ne_sentence, c->tk[c->inf[k].tok_first].sent)->titlecase)
            continue;
        if ((c->act[k].kind == NE_ACTOR_NAMED || c->act[k].kind == NE_ACTOR_UNKNOWN) && ends_name(c, m, k)) return (long)k;
    }
    return -1;
}

/* An earlier, longer person name that this short name ends; -1 when none. */
static long surname_of(const cctx *c, size_t m) {
    if (c->inf[m].tok_end - c->inf[m].tok_first > 3) return -1;
    int indexed = c->inf[m].tok_end > c->inf[m].tok_first;
    for (long kk = indexed ? c->last_head[last_bucket(c, m)] : 0; kk >= 0 && (size_t)kk < m;
         kk = indexed ? c->last_next[kk] : kk + 1) {
        size_t k = (size_t)kk;
        int same = c->inf[k].tok_end - c->inf[k].tok_first == c->inf[m].tok_end - c->inf[m].tok_first;
        if ((!is_personish(c, k) && !(same && c->act[k].kind == NE_ACTOR_UNKNOWN)) ||
            c->act[k].in_title != c->act[m].in_title)
            continue;
        if (c->act[k].kind != NE_ACTOR_NAMED && c->act[k].kind != NE_ACTOR_UNKNOWN &&
            c->act[k].kind != NE_ACTOR_COMPOSED)
            continue;
        if (ends_name(c, m, k)) return (long)k;
    }
    return title_name(c, m);
}

/* A title and a short name ("Prince Alwaleed", "President Ghani") after the
** full name of a person that holds the name inside it ("Saudi Prince
** Alwaleed Bin Talal", "Ashraf Ghani"): the nearest such person up to
** TITLED_BACK mentions back; -1 when none. */
#define TITLED_BACK 200
static long titled_short_name(const cctx *c, size_t m) {
    const ne_actor_info *in = &c->inf[m];
    if (c->act[m].kind != NE_ACTOR_UNKNOWN || !c->act[m].role || in->tok_end - in->tok_first < 2 ||
        in->tok_end - in->tok_first > 3)
        return -1;
    uint32_t a = in->tok_first + 1, n = in->tok_end - a; /* the name after the title word */
    for (size_t k = m; k-- > 0 && m - k <= TITLED_BACK;) {
        const ne_actor_info *ik = &c->inf[k];
        if (c->act[k].kind == NE_ACTOR_PRONOUN || c->act[k].kind == NE_ACTOR_NOMINAL || !is_personish(c, k) ||
            ik->tok_end - ik->tok_first <= n || !has_identity(c, root_of(c, k)))
            continue;
        for (uint32_t st = ik->tok_first; st + n <= ik->tok_end; st++) {
            uint32_t i = 0;
            while (i < n && !strcmp(c->tk[st + i].norm, c->tk[a + i].norm)) i++;
            if (i == n) return (long)k;
        }
    }
    return -1;
}

/* A one-word name that begins the two- or three-word personal name ending an
** earlier person's mention, family name first ("Wang" after "foreign
** ministry spokesman Wang Wenbin", "Kim" after "Kim Jong Un"; a given name
** alone, "Bernie" after "Bernie Sanders", is the same person too): the
** nearest such person up to TITLED_BACK mentions back; -1 when none. */
static long family_name_first(const cctx *c, size_t m) {
    const ne_actor_info *in = &c->inf[m];
    if (in->tok_end != in->tok_first + 1 || c->tk[in->tok_first].shape != NE_SH_CAP) return -1;
    const char *w = c->tk[in->tok_first].norm;
    const uint32_t h = c->d->nhash[in->tok_first], *nh = c->d->nhash;
    for (size_t k = m; k-- > 0 && m - k <= TITLED_BACK;) {
        const ne_actor_info *ik = &c->inf[k];
        if (ik->tok_end < ik->tok_first + 2) continue;
        uint32_t st = ik->tok_end - 2; /* the word first (its hash, cheap), then the person */
        if (nh[st] != h && (st == ik->tok_first || nh[--st] != h)) continue;
        if (!ne_word_is(c->tk[st].norm, w)) continue;
        uint32_t i = st;
        while (i < ik->tok_end && c->tk[i].shape == NE_SH_CAP) i++;
        if (i == ik->tok_end && c->act[k].kind != NE_ACTOR_PRONOUN && c->act[k].kind != NE_ACTOR_NOMINAL &&
            is_personish(c, k) && c->act[k].in_title == c->act[m].in_title && has_identity(c, root_of(c, k)))
            return (long)k;
    }
    return -1;
}

/* m refers to k: point at k's root and take what it is. */
static void link(cctx *c, size_t m, size_t k) {
    size_t r = root_of(c, k);
    ne_actor *a = &c->act[m], *t = &c->act[r];
    a->ref = (int)r;
    a->name = t->name ? t->name : t->text;
    a->code = t->code;
    a->country = t->country;
    a->role = t->role;
    if (c->inf[m].gender && !c->inf[r].gender && is_personish(c, r)) c->inf[r].gender = c->inf[m].gender;
}

/* The country of a place right after mention m ("police in Lahore", "a
** police station in southeastern Iran": in/at/near + up to 2 words + place). */
static const char *located_in(const cctx *c, size_t m) {
    static const char *const loc[] = {"in", "at", "near", "outside", NULL};
    const struct ne_doc *d = c->d;
    uint32_t k = c->inf[m].tok_end, s = sent_of(c, m);
    if (k >= d->tokens.n || c->tk[k].sent != s) return NULL;
    /* "the terrorist attack in Munich": one lower-case noun may come first (UAF
    ** are of the country where they strike, docs/ANNOTATION.md rule 9) */
    if (c->tk[k].shape == NE_SH_LOWER && k + 1 < d->tokens.n &&
        c->tk[k + 1].sent == s && ne_word_is(c->act[m].role ? c->act[m].role : "", "UAF"))
        k++;
    int hit = ne_word_in(c->tk[k].norm, loc);
    for (uint32_t j = k + 1; hit && j < d->tokens.n && j <= k + 3 && c->tk[j].sent == s; j++)
        if (c->tk[j].place >= 0) return NE_VEC_AT(d->places, ne_place, (size_t)c->tk[j].place)->country;
    return NULL;
}

/* Does mention m still need a code from its place or the main country: a
** role nominal nothing refers to ("police", "the protesters"), or a title
** before an unknown name of two words or more ("Mayor Bill de Blasio"); of
** one capitalized word only after a civil title ("Senator Cruz", "Judge
** Curiel"): a military one and a one-word name may be a firm's ("General
** Motors"), and lower-case text does not tell a name ("criminal activities")? */
static int role_only(const cctx *c, size_t m) {
    const ne_actor *a = &c->act[m];
    if (a->ref >= 0 || a->code || !a->role || !a->role[0]) return 0;
    uint32_t n = c->inf[m].tok_end - c->inf[m].tok_first;
    return a->kind == NE_ACTOR_NOMINAL ||
           (a->kind == NE_ACTOR_UNKNOWN &&
            (n >= 3 || c->inf[m].type == NE_DT_ORG || (n == 2 && c->inf[m].person == 1 && !ne_word_is(a->role, "MIL") &&
                        c->tk[c->inf[m].tok_end - 1].shape == NE_SH_CAP)));
}

/* The document's main country: the ISO country of at least MAIN_MIN
** mentions and of at least MAIN_SHARE of all country mentions: places, named
** and composed actors, and role-only mentions located by a place ("police in
** turkey"); or of the document's only such mention when that is a place no
** actor names ("police arrested protesters in Lahore", not "Iran attacked a
** police station"; docs/DICTIONARIES.md, "role-only mentions").  NULL when
** there is none; *ncountries gets how many countries were seen.  With ro
** (room for every mention), the role-only mentions go there in order, each
** with the place it is located in (located_in), *nro how many. */
#define MAIN_MIN 2
#define MAIN_SHARE 0.6
#define MAIN_SLOTS 16

/* cc: the ISO countries seen, n their counts; intl: codes seen that are not
** ISO countries (asked of the dictionary once each while nintl < MAIN_SLOTS) */
typedef struct tally { const char *cc[MAIN_SLOTS], *intl[MAIN_SLOTS]; size_t n[MAIN_SLOTS], k, nintl, total; } tally;

/* A role-only mention m and the country of the place it is located in, or NULL. */
typedef struct roled { size_t m; const char *here; } roled;

static void tally_add(const cctx *c, tally *t, const char *cc) {
    if (!cc || !cc[0] || !cc[1] || !cc[2] || cc[3]) return; /* three letters */
    t->total++; /* an international actor counts against the share, never wins */
    for (size_t i = 0; i < t->k; i++)
        if (!memcmp(t->cc[i], cc, 4)) { t->n[i]++; return; }
    for (size_t i = 0; i < t->nintl; i++)
        if (!memcmp(t->intl[i], cc, 4)) return;
    if (!iso_country(c, cc)) {
        if (t->nintl < MAIN_SLOTS) t->intl[t->nintl++] = cc;
        return;
    }
    if (t->k < MAIN_SLOTS) { t->cc[t->k] = cc; t->n[t->k++] = 1; }
}

/* Is mention m composed from a region or town and role words ("gujarat
** police", "West Bengal Chief Minister"): its place is where it acts, not a
** country acting (actor.c, place_led)? */
static int place_led(const cctx *c, size_t m) {
    const uint16_t *types = neDict_token_types(c->d);
    uint32_t i = c->inf[m].tok_first;
    return c->act[m].kind == NE_ACTOR_COMPOSED && c->tk[i].place >= 0 && types &&
           !(types[i] & (NE_DM(NE_DT_COUNTRY) | NE_DM(NE_DT_DEMONYM) | NE_DM(NE_DT_METONYM)));
}

static const char *main_country(const cctx *c, size_t *ncountries, roled *ro, size_t *nro) {
    const struct ne_doc *d = c->d;
    tally t;
    int actor_country = 0;
    memset(&t, 0, sizeof t);
    for (size_t i = 0; i < d->places.n; i++) tally_add(c, &t, NE_VEC_AT(d->places, ne_place, i)->country);
    for (size_t i = 0; i < d->actors.n; i++) {
        if (role_only(c, i)) {
            const char *here = located_in(c, i);
            if (here) actor_country = 1, tally_add(c, &t, here);
            if (ro) ro[(*nro)++] = (roled){i, here};
            continue;
        }
        if (c->act[i].ref >= 0 || (c->act[i].kind != NE_ACTOR_NAMED && c->act[i].kind != NE_ACTOR_COMPOSED)) continue;
        if (c->inf[i].located) continue; /* "in Islamabad": a place, tallied as one above */
        if (!actor_country) actor_country = c->act[i].country != NULL && !place_led(c, i);
        if (c->tk[c->inf[i].tok_first].place < 0) /* "Iran" is a place and an actor: count it once */
            tally_add(c, &t, c->act[i].country);
    }
    size_t best = 0;
    for (size_t i = 1; i < t.k; i++)
        if (t.n[i] > t.n[best]) best = i;
    *ncountries = t.k;
    int lone_place = t.total == 1 && !actor_country;
    if (!t.k || (t.n[best] < MAIN_MIN && !lone_place) || (double)t.n[best] < MAIN_SHARE * (double)t.total)
        return NULL;
    return t.cc[best];
}

/* The role that the first role word of mention m names where the country is
** cc, when its entry gives one (roles.txt `in=IND:PTY`: "the congress" in an
** Indian article is the party, not the legislature); NULL when none.  A
** party's government ("the congress government", "congress ministers": a
** state's, or a past one) is GOV, as actor.c party_roles codes one after a
** named party. */
static const char *local_role(const cctx *c, size_t m, const char *cc) {
    const ne_actor_info *in = &c->inf[m];
    const uint16_t *types = neDict_token_allowed(c->d); /* neDict_longest's own first test */
    for (uint32_t i = in->tok_first; types && i < in->tok_end; i++) {
        uint32_t h;
        if (!(types[i] & NE_DM(NE_DT_ROLE)) || !neDict_longest(c->e, c->d, i, in->tok_end, NE_DM(NE_DT_ROLE), &h))
            continue;
        const ne_dentry *x = neDict_hit_entry(c->e, h);
        const char *o = x->admin1 ? neDict_str(c->e, x->admin1) : NULL;
        if (!o || strncmp(o, cc, 3)) return NULL;
        int govt = i + 1 < in->tok_end && neActor_government_word(c->tk[in->tok_end - 1].norm);
        return govt && !strcmp(o + 4, "PTY") ? "GOV" : o + 4;
    }
    return NULL;
}

/* Names whose meaning depends on the country ("Congress": the US
** legislature, but the Indian National Congress in an Indian article;
** organizations.txt `in=IND:PTY`; "PTI": Pakistan's party, but the Press
** Trust of India in an Indian one, `in=IND:MED`) take the entry's COUNTRY + ROLE where that
** country is the main country.  Run before the antecedents are chosen, so
** that pronouns take the local code. */
static void local_names(cctx *c) {
    const uint16_t *types = neDict_token_allowed(c->d); /* neDict_longest's own first test */
    const uint32_t orgs = NE_DM(NE_DT_ORG) | NE_DM(NE_DT_PARTY); /* a party too: "PTI" (the Press Trust of India) */
    const char *cc = NULL;
    int looked = 0;
    for (size_t m = 0; m < c->d->actors.n && types; m++) {
        ne_actor *a = &c->act[m];
        uint32_t i = c->inf[m].tok_first, h;
        /* composed: an organization's officer ("Congress spokesman Abhishek Singhvi", actor.c own_officer) */
        if ((a->kind != NE_ACTOR_NAMED && a->kind != NE_ACTOR_COMPOSED) || !a->code || !(types[i] & orgs) ||
            !neDict_longest(c->e, c->d, i, c->inf[m].tok_end, orgs, &h))
            continue;
        const ne_dentry *x = neDict_hit_entry(c->e, h);
        const char *o = x->admin1 ? neDict_str(c->e, x->admin1) : NULL, *xc = neDict_code(c->e, x, 0);
        if (!o || !xc || strncmp(xc, a->code, 3)) continue; /* not the entry that coded it ("Congress party") */
        if (!looked) {
            size_t n = 0;
            cc = main_country(c, &n, NULL, NULL);
            looked = 1;
        }
        if (!cc || strncmp(o, cc, 3)) continue;
        if (!(a->code = neA_code(&c->d->arena, o, o + 4))) return;
        a->country = cc;
        a->role = a->code + 3;
    }
}

/* The country of the place nearest before role nominal m in its sentence, for
** an article with no main country: "atrocities continue in the Darfur region of
** Sudan as China and Russia support the government" (SDN).  Only a state's own
** body or its opposition (GOV, MIL, OPP: "over Syria ... as the United States
** support some opposition groups" SYROPP); NULL when none. */
static const char *place_before(const cctx *c, size_t m) {
    const ne_actor *a = &c->act[m];
    if (a->kind != NE_ACTOR_NOMINAL || !a->role ||
        !(ne_word_is(a->role, "GOV") || ne_word_is(a->role, "MIL") || ne_word_is(a->role, "OPP")))
        return NULL;
    static const char *const loc[] = {"in", "of", "over", "across", "inside", "throughout", NULL};
    uint32_t s = sent_of(c, m);
    for (uint32_t j = c->inf[m].tok_first; j-- > 0 && c->tk[j].sent == s;) {
        int32_t pl = c->tk[j].place;
        if (pl < 0) continue;
        while (j > 0 && c->tk[j - 1].place == pl) j--;
        /* a place where things happen, not a country acting ("as China and Russia") */
        if (j == 0 || c->tk[j - 1].sent != s || !ne_word_in(c->tk[j - 1].norm, loc)) continue;
        const char *cc = NE_VEC_AT(c->d->places, ne_place, (size_t)pl)->country;
        return iso_country(c, cc) ? cc : NULL;
    }
    return NULL;
}

/* Role-only mentions nothing refers them to ("police", "the protesters")
** take the country of a place right after them, else the main country:
** COUNTRY + ROLE; with neither, the role alone ("COP", country null), as
** CAMEO codes an actor whose country the text does not give.  Coding one
** changes no other's role_only or located_in: main_country lists them.  NE_NOMEM. */
static int main_country_roles(cctx *c) {
    size_t ncountries = 0, nro = 0;
    roled *ro = neA_alloc(&c->d->arena, (c->d->actors.n + 1) * sizeof *ro);
    if (!ro) return NE_NOMEM;
    const char *cc = main_country(c, &ncountries, ro, &nro);
    c->d->main_cc = cc; /* for the events stage: implied actors of unrest (event.c) */
    for (size_t i = 0; i < nro; i++) {
        size_t m = ro[i].m;
        ne_actor *a = &c->act[m];
        const char *here = ro[i].here, *use = here ? here : cc;
        if (!use) use = place_before(c, m);
        /* split between countries: stays uncoded; a titled name needs a country */
        if (!use && (ncountries > 1 || a->kind != NE_ACTOR_NOMINAL)) continue;
        const char *lr = use ? local_role(c, m, use) : NULL;
        if (lr && !(a->role = neA_strndup(&c->d->arena, lr, 3))) return NE_OK;
        a->code = neA_code(&c->d->arena, use, a->role);
        a->country = use;
    }
    return NE_OK;
}

/* Does mention m end its noun group: no lower-case word after it but a
** function word or an inflected verb ("its military sweep": an adjective)? */
static int group_head(const cctx *c, size_t m) {
    static const char *const fn[] = {"and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that",
                                     "which", "who", "whom", "whose", "as", "have", "has", "had", "is", "are", "was",
                                     "were", "be", "been", "will", "would", "could", "can", "may", "might", "should",
                                     "must", "did", "do", "does", "not", "also", "said", NULL};
    uint32_t e = c->inf[m].tok_end;
    if (e >= c->d->tokens.n || c->tk[e].sent != c->tk[e - 1].sent) return 1;
    const ne_token *t = &c->tk[e];
    if (t->shape != NE_SH_LOWER || t->norm[0] < 'a' || t->norm[0] > 'z' || ne_word_in(t->norm, fn)) return 1;
    /* an inflected verb ("its military attacked", "says", "took"), not a bare noun ("sweep") */
    size_t n = t->norm_len;
    return (n > 2 && !strcmp(t->norm + n - 2, "ed")) || t->norm[n - 1] == 's' ||
           ((t->tags & NE_TAG_VERB) && ne_inflected(t));
}

/* The mention that owns role nominal m ("its military", "the country's
** army", "his supporters", "Sanders backers"): the mention right
** before it, a possessive pronoun, a mention followed by "'s" or a name next
** to it, in the same sentence; -1 when none. */
static long possessor(const cctx *c, size_t m) {
    static const char *const poss[] = {"its", "their", "his", "her", NULL};
    const ne_actor *a = &c->act[m];
    uint32_t f = c->inf[m].tok_first;
    if (m == 0 || a->kind != NE_ACTOR_NOMINAL || a->code || !a->role || !a->role[0] || f == 0) return -1;
    const ne_actor_info *k = &c->inf[m - 1];
    if (c->act[m - 1].in_title != a->in_title || c->tk[k->tok_first].sent != c->tk[f].sent) return -1;
    if (c->act[m - 1].kind == NE_ACTOR_PRONOUN) /* "its military" but not "its military sweep" */
        return k->tok_end == f && ne_word_in(c->tk[k->tok_first].norm, poss) && group_head(c, m) ? (long)(m - 1) : -1;
    if (k->tok_end == f) return (long)(m - 1); /* a name before the noun: "Sanders backers" */
    return k->tok_end + 1 == f && ne_word_is(c->tk[f - 1].norm, "'s") ? (long)(m - 1) : -1;
}

/* Role nominals owned by a mention (possessor) take their country from it:
** "its military" after Pakistan is PAKMIL, "his supporters" after Sanders
** USACVL.  People of a country or of a person (civilians, workers, media,
** business) and the parts of a country or of a government ("the country's
** army", "Modi's government") are COUNTRY + ROLE; the people of anything
** else ("the party's leaders", "Trump's spokesman", "the VHP's seers") are
** what owns them, as CAMEO codes an organization's members by the
** organization.  The mention's span widens to its owner ("Kim Jong-un's
** regime"). */
static void owned_role(cctx *c, size_t m) {
    static const char *const people_roles[] = {"CVL", "REF", "MED", "BUS", "EDU", "HLH", "AGR", "LAB", NULL};
    long k = possessor(c, m);
    if (k < 0) return;
    size_t r = root_of(c, (size_t)k);
    const ne_actor *o = &c->act[r];
    ne_actor *a = &c->act[m];
    if (!o->code || !o->country) return;
    a->span.start = c->act[k].span.start;
    int land = c->inf[r].person == 0 && !strcmp(o->code, o->country); /* a country, not a candidate */
    /* a governing party (INDGOVPTY, role GOV) is a party: "its supporters" are its own */
    int state = land || (o->role && !strcmp(o->role, "GOV") && !party_mention(c, r));
    int people = (land || c->inf[r].person == 1) && ne_word_in(a->role, people_roles);
    if (strlen(o->country) != 3 || neDict_is_intl(c->e, o->country) || !(state || people)) {
        a->code = o->code;
        a->country = o->country;
        return;
    }
    if ((a->code = neA_code(&c->d->arena, o->country, a->role))) a->country = o->country;
}

/* Staff named after their principal ("Clinton campaign manager Robby Mook",
** "Trump spokeswoman Hope Hicks", "Obama adviser David Axelrod"): an unknown
** name of two or three words right after a staff title that follows a coded
** mention (or its possessive) speaks for that principal and takes its code,
** as CAMEO codes an organization's members by the organization (owned_role
** does so for "Trump's spokesman"; docs/ANNOTATION.md rule 9). */
static const char *const staff_titles[] = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor",
                                           "manager", "chairman", "chairwoman", "strategist", "pollster", "director",
                                           "surrogate", "counsel", "lawyer", "attorney", "secretary", NULL};
static const char *const staff_mods[] = {"campaign", "press", "communications", "senior", "national", "deputy",
                                         "top", "longtime", "political", "policy", "digital", "legal", "chief",
                                         "finance", "research", "foreign", NULL};

/* The word-set bits of staff_titles and staff_mods (ne_hash, as d->nhash):
** most tokens miss them all, and one test tells before the lists are read. */
static ne_wordset staff_set;
static pthread_once_t staff_once = PTHREAD_ONCE_INIT;

static void staff_build(void) {
    for (const char *const *w = staff_titles; *w; w++) ne_ws_add(&staff_set, ne_hash(*w, strlen(*w)));
    for (const char *const *w = staff_mods; *w; w++) ne_ws_add(&staff_set, ne_hash(*w, strlen(*w)));
}

/* Is token i a staff title or modifier?  Needs staff_set built (staff_names). */
static int staff_word(const cctx *c, uint32_t i) {
    if (!ne_ws_has(&staff_set, ne_ws_bit(c->d->nhash[i]))) return 0;
    return ne_word_in(c->tk[i].norm, staff_titles) || ne_word_in(c->tk[i].norm, staff_mods);
}

/* The principal mention of the unknown name m, or -1. */
static long staff_principal(const cctx *c, size_t m) {
    uint32_t i = c->inf[m].tok_first, end = c->inf[m].tok_end, j = i;
    while (j < end && staff_word(c, j)) j++; /* "spokeswoman Hope Hicks": the title is in the mention */
    if (end - j < 2 || end - j > 3) return -1;
    int titled = j > i && ne_word_in(c->tk[j - 1].norm, staff_titles);
    long k = (long)i - 1;
    for (int n = 0; k >= 0 && n < 4 && c->tk[k].sent == c->tk[i].sent && c->tk[k].actor < 0 && staff_word(c, (uint32_t)k);
         n++, k--)
        if (k == (long)i - 1 && j == i) titled = ne_word_in(c->tk[k].norm, staff_titles);
    if (!titled || k < 0 || c->tk[k].sent != c->tk[i].sent) return -1;
    if (ne_word_is(c->tk[k].norm, "'s") && k > 0) k--; /* "Clinton's press secretary Brian Fallon" */
    long o = c->tk[k].actor;
    if (o < 0 || (size_t)o == m || c->inf[o].tok_end != (uint32_t)k + 1) return -1;
    size_t r = root_of(c, (size_t)o);
    return c->act[r].code && c->act[r].kind != NE_ACTOR_PRONOUN ? (long)r : -1;
}

static void staff_names(cctx *c) {
    pthread_once(&staff_once, staff_build);
    for (size_t m = 0; m < c->d->actors.n; m++) {
        ne_actor *a = &c->act[m];
        /* a title in the mention may have given it the main country's GOV already */
        if (a->kind != NE_ACTOR_UNKNOWN || a->ref >= 0 || (a->code && !staff_word(c, c->inf[m].tok_first))) continue;
        long r = staff_principal(c, m);
        if (r < 0) continue;
        a->code = c->act[r].code;
        a->country = c->act[r].country;
        a->role = c->act[r].role;
    }
}

/* An unknown name followed by its office in an organization, set off by
** commas ("John Roe, chairman of the Republican National Committee,",
** "Jane Doe, a spokeswoman for Amnesty International,", "Bill Moe, head of
** the AFL-CIO,"): the person speaks for the organization and takes its code,
** as CAMEO codes an organization's officers by it (docs/ANNOTATION.md rule 9).
** The organization is a named one with a code; countries and persons are left
** to the other rules ("president of France"), and "former" stops it.
** Returns the organization's mention (its root) for unknown name m, or -1. */
static long office_org(const cctx *c, size_t m) {
    static const char *const org_offices[] = {"president", "vice", "vice-president", "chairman", "chairwoman",
                                              "chair", "chairperson", "head", "leader", "spokesman", "spokeswoman",
                                              "spokesperson", "director", "founder", "co-founder", "chief",
                                              "executive", "ceo", "secretary", "general", "secretary-general",
                                              "deputy", "national", "senior", "top", "official", "officer", "member",
                                              "treasurer", "coordinator", "organizer", "convener", "convenor", NULL};
    uint32_t i = c->inf[m].tok_end, n = (uint32_t)c->d->tokens.n, w = 0;
    if (i >= n || !ne_word_is(c->tk[i].norm, ",")) return -1;
    i++;
    if (i < n && (ne_word_is(c->tk[i].norm, "a") || ne_word_is(c->tk[i].norm, "an") || ne_word_is(c->tk[i].norm, "the"))) i++;
    while (i < n && w < 4 && c->tk[i].shape == NE_SH_LOWER && ne_word_in(c->tk[i].norm, org_offices)) i++, w++;
    if (!w || i + 1 >= n || !(ne_word_is(c->tk[i].norm, "of") || ne_word_is(c->tk[i].norm, "for") ||
                              ne_word_is(c->tk[i].norm, "at")))
        return -1;
    i++;
    if (ne_word_is(c->tk[i].norm, "the")) i++;
    for (size_t k = m + 1; k < c->d->actors.n && c->inf[k].tok_first <= i; k++) {
        const ne_actor *o = &c->act[root_of(c, k)];
        if (c->inf[k].tok_first != i) continue;
        if (!o->code || c->inf[k].person == 1 || c->inf[k].type == NE_DT_COUNTRY || c->inf[k].type == NE_DT_DEMONYM ||
            (o->kind != NE_ACTOR_NAMED && o->kind != NE_ACTOR_COMPOSED))
            return -1;
        return (long)root_of(c, k);
    }
    return -1;
}

/* Codes every unknown name of two words or more that nothing refers to by
** the organization office_org finds for it (a person who speaks for it). */
static void org_officers(cctx *c) {
    for (size_t m = 0; m < c->d->actors.n; m++) {
        ne_actor *a = &c->act[m];
        if (a->kind != NE_ACTOR_UNKNOWN || a->ref >= 0 || a->code || c->inf[m].tok_end - c->inf[m].tok_first < 2) continue;
        long k = office_org(c, m);
        if (k < 0) continue;
        a->code = c->act[k].code;
        a->country = c->act[k].country;
        a->role = c->act[k].role;
        c->inf[m].person = 1;
    }
}

/* Is the unknown name r (nothing it refers to) shown to be a person: a
** personal pronoun (he, she, him, her, his) or a shorter mention of it
** refers to it, or it or such a mention speaks a quotation? */
static int confirmed_person(const cctx *c, size_t r) {
    if (c->speaks && c->speaks[r] == SPK_OTHER) return 1;
    for (size_t m = r + 1; m < c->d->actors.n; m++) {
        if (c->act[m].ref < 0 || root_of(c, m) != r) continue;
        if (c->act[m].kind == NE_ACTOR_PRONOUN ? c->inf[m].person == 1 && c->inf[m].gender != 0
                                               : c->speaks && c->speaks[m] == SPK_OTHER)
            return 1;
    }
    return 0;
}

/* Bare surnames that refer to nothing known ("Sanders calls Clinton
** unqualified" heading a story that names "Senator Bernie Sanders" later)
** take the identity of the first person of the same part (title or body)
** with a dictionary code whose longer name ends with them.  Run after the
** antecedents are chosen, so that it changes what a mention is, not what
** refers to what.  When `late` (after main_country_persons), the longer
** name may be an unknown one coded since ("Schlafly" heading a story about
** "Phyllis Schlafly", whom a pronoun shows to be a person of the main
** country): what refers to the surname follows it (neCoref_resolve's last
** loop). */
static void adopt_full_names(cctx *c, int late) {
    for (size_t m = 0; m < c->d->actors.n; m++) {
        ne_actor *a = &c->act[m];
        const ne_actor_info *in = &c->inf[m];
        uint32_t n = in->tok_end - in->tok_first;
        if (a->kind != NE_ACTOR_UNKNOWN || a->ref >= 0 || a->code || n < 1 || n > 2) continue;
        for (long kk = c->last_head[last_bucket(c, m)]; kk >= 0; kk = c->last_next[kk]) {
            size_t k = (size_t)kk;
            const ne_actor *t = &c->act[k];
            if (k == m || t->in_title != a->in_title || t->ref >= 0 || !t->code || c->inf[k].person != 1 ||
                (t->kind != NE_ACTOR_NAMED && t->kind != NE_ACTOR_COMPOSED && !(late && t->kind == NE_ACTOR_UNKNOWN)) ||
                c->inf[k].tok_end - c->inf[k].tok_first <= n || !ends_name(c, m, k))
                continue;
            a->code = t->code;
            a->country = t->country;
            a->role = t->role;
            a->name = t->name ? t->name : t->text;
            a->kind = NE_ACTOR_NAMED;
            c->inf[m].type = c->inf[k].type;
            c->inf[m].person = 1;
            break;
        }
    }
}

/* Unknown names of people ("9/11 widow Terry Strada ... Strada accused",
** "Glenn Beck said") that the text shows to be persons take the main
** country, as a country code without a role: CAMEO codes a person who
** holds no office by the country (docs/ANNOTATION.md rule 9).  So do
** unknown organizations whose name says so but gives no role ("Tax Policy
** Center", actor.c org_name). */
static void main_country_persons(cctx *c) {
    const char *cc = NULL;
    int looked = 0;
    size_t ncountries = 0;
    for (size_t m = 0; m < c->d->actors.n; m++) {
        ne_actor *a = &c->act[m];
        if (a->kind != NE_ACTOR_UNKNOWN || a->ref >= 0 || a->code || (a->role && a->role[0]) ||
            c->inf[m].tok_end - c->inf[m].tok_first < 2)
            continue;
        if (c->inf[m].type != NE_DT_ORG && (c->inf[m].tok_end - c->inf[m].tok_first > 3 || c->inf[m].person == 0 ||
                                            !confirmed_person(c, m)))
            continue;
        if (!looked) { cc = main_country(c, &ncountries, NULL, NULL); looked = 1; }
        if (!cc) return;
        a->code = cc;
        a->country = cc;
    }
}

/* ---- dual anaphora: "the two leaders", "both countries", "the two sides" ---- */

static const char *const dual_classes[] = {"det", "head", "pair", "mod", NULL};

int neCoref_dual_kind(const char *val) {
    static const char *const kinds[] = {"PER", "CTY", "BUS", "ANY", NULL};
    for (int k = 0; val && kinds[k]; k++)
        if (!strcmp(val, kinds[k])) return NE_DUAL_PER + k;
    return NE_DUAL_NONE;
}

static int dual_kind_ok(const char *val) { return neCoref_dual_kind(val) != NE_DUAL_NONE; }

/* Does dual.txt phrase w begin with a word that opens a dual noun phrase
** for actor.c (neActor_dual_opener: a determiner or "both"), which looks for
** one only there? */
static int dual_opener_ok(const ne_word *w) {
    char first[32];
    size_t n = strcspn(w->phrase, " ");
    if (n >= sizeof first) return 0;
    memcpy(first, w->phrase, n);
    first[n] = 0;
    return neActor_dual_opener(first);
}

int neCoref_load(struct ne_engine *e) {
    int rc = neW_load(e, "dual.txt", dual_classes, &e->duals);
    if (rc) return rc;
    const ne_word *bad = neW_find_bad(e->duals, NE_DU_HEAD, dual_kind_ok);
    if (!bad) bad = neW_find_bad(e->duals, NE_DU_PAIR, dual_kind_ok);
    if (bad) return ne_engine_fail(e, NE_DATA, "dual.txt: \"%s\": kind \"%s\" is not PER, CTY, BUS or ANY", bad->phrase, bad->val);
    if ((bad = neW_find_bad_entry(e->duals, NE_DU_DET, dual_opener_ok)) == NULL)
        bad = neW_find_bad_entry(e->duals, NE_DU_PAIR, dual_opener_ok);
    if (bad) return ne_engine_fail(e, NE_DATA, "dual.txt: \"%s\" does not begin with a determiner or \"both\"", bad->phrase);
    if (!(e->dual_words = neM_calloc(2, sizeof *e->dual_words))) return ne_engine_fail(e, NE_NOMEM, "out of memory");
    uint32_t opening = 1u << NE_DU_DET | 1u << NE_DU_PAIR;
    neW_words_at(e->duals, opening, 0, &e->dual_words[0]);
    neW_words_at(e->duals, opening, 1, &e->dual_words[1]);
    neW_words_at(e->duals, 1u << NE_DU_MOD | 1u << NE_DU_HEAD, 0, &e->dual_words[1]); /* after "both" */
    return NE_OK;
}

/* May root r (of an earlier mention) be one of the pair that a dual noun
** phrase of kind k stands for: coded, no place, no other dual phrase, and a
** person (PER: "the two leaders"), a country or its government or army
** (CTY: "both countries"; not its legislators or opposition), a company
** (BUS: "the two firms"; a multinational, MNC, too), or anyone (ANY: "the
** two sides")? */
static int dual_fits(const cctx *c, size_t r, int k) {
    const ne_actor *a = &c->act[r];
    const char *role = a->role;
    if (!a->code || c->inf[r].located || c->inf[r].dual || a->kind == NE_ACTOR_PRONOUN) return 0;
    switch (k) {
    case NE_DUAL_PER: return c->inf[r].person == 1;
    case NE_DUAL_CTY:
        return iso_country(c, a->country) &&
               (!role || !role[0] || ne_word_is(role, "GOV") || ne_word_is(role, "MIL"));
    case NE_DUAL_BUS: return (role && ne_word_is(role, "BUS")) || (a->country && !strncmp(a->country, "MNC", 3));
    default: return 1;
    }
}

/* Are roots a and b one actor for a pair of kind k: the same mention, the
** same country (CTY: "India" and "Modi" are one of "both countries") or
** the same code (not for persons: two men of one country are two)? */
static int dual_same(const cctx *c, size_t a, size_t b, int k) {
    if (a == b) return 1;
    if (k == NE_DUAL_PER) return 0;
    if (k == NE_DUAL_CTY) return !strncmp(c->act[a].country, c->act[b].country, 3);
    return !strcmp(c->act[a].code, c->act[b].code);
}

/* Two mentions "X and Y" of sentence s before dual phrase m, both fitting
** kind k and not one actor ("Iran and the United States", "between Apple
** Corps and Apple Computer"), not the end of a longer list ("Iran, Iraq and
** Syria"): the last such pair, as roots in p; 0 none. */
static int dual_coordinated(const cctx *c, size_t m, uint32_t s, int k, size_t p[2]) {
    for (size_t j = m; j-- > 1 && sent_of(c, j) == s;) {
        if (sent_of(c, j - 1) != s || c->inf[j - 1].tok_end + 1 != c->inf[j].tok_first ||
            !ne_word_is(c->tk[c->inf[j - 1].tok_end].norm, "and"))
            continue;
        uint32_t f = c->inf[j - 1].tok_first; /* "Iran, Iraq and Syria": a list of three names no pair */
        if (j >= 2 && f >= 1 && ne_word_is(c->tk[f - 1].norm, ",") && c->inf[j - 2].tok_end == f - 1) continue;
        size_t a = root_of(c, j - 1), b = root_of(c, j);
        if (before(c, m, j) && dual_fits(c, a, k) && dual_fits(c, b, k) && !dual_same(c, a, b, k)) {
            p[0] = a, p[1] = b;
            return 1;
        }
    }
    return 0;
}

/* The fitting actors (roots) of sentence t before mention m, nearest
** first, as dual_pair counts them: into p (up to 2, one per actor); 3 when
** there are more than two.  Mentions in a quotation count only for a dual
** phrase quoted itself. */
static int dual_sentence(const cctx *c, size_t m, size_t *j, uint32_t t, int k, size_t p[2]) {
    int n = 0;
    for (; *j > 0 && sent_of(c, *j - 1) >= t; (*j)--) {
        size_t x = *j - 1, r = root_of(c, x);
        if (sent_of(c, x) != t || !before(c, m, x) || !dual_fits(c, r, k) || (quoted(c, x) && !quoted(c, m))) continue;
        if ((n >= 1 && dual_same(c, p[0], r, k)) || (n == 2 && dual_same(c, p[1], r, k))) continue;
        if (n == 2) n = 3;
        else if (n < 2) p[n++] = r;
    }
    return n;
}

/* The two actors dual phrase m stands for (roots, in p): the coordinated
** pair of its own sentence before it ("X and Y signed a deal to boost trade
** between the two countries"), else the nearest earlier sentence, up to
** DUAL_WINDOW back, that holds a coordinated pair or exactly two actors of
** m's kind ("Modi ... for talks with Abe. The two leaders signed ...").
** Sentences between with one such actor must hold one of the pair ("Modi
** arrived. He met Abe. Abe said ... The two leaders ...").  0 when none, or
** when that sentence holds more than two (ambiguous: which two?). */
static int dual_pair(const cctx *c, size_t m, size_t p[2]) {
    int k = NE_DUAL_KIND(c->inf[m].dual);
    uint32_t s = sent_of(c, m);
    if (dual_coordinated(c, m, s, k, p)) return 1;
    size_t j = m, seen[DUAL_WINDOW];
    int nseen = 0;
    while (j > 0 && sent_of(c, j - 1) == s) j--; /* other actors of m's own sentence are its clause's */
    for (uint32_t back = 1; back <= DUAL_WINDOW && back <= s && j > 0; back++) {
        uint32_t t = s - back;
        int n = dual_coordinated(c, j, t, k, p) ? 2 : dual_sentence(c, m, &j, t, k, p);
        if (n == 3) return 0;
        if (n == 1) {
            seen[nseen++] = p[0];
            continue;
        }
        if (n == 2) {
            for (int i = 0; i < nseen; i++)
                if (!dual_same(c, seen[i], p[0], k) && !dual_same(c, seen[i], p[1], k)) return 0; /* a third actor */
            return 1;
        }
    }
    return 0;
}

/* Dual phrases take the pair they stand for (d->dual_pairs); clause.c
** puts both where the phrase stands (neClause_ng_actors).  NE_NOMEM. */
static int dual_pairs(cctx *c) {
    struct ne_doc *d = c->d;
    for (size_t m = 0; m < d->actors.n; m++) {
        size_t p[2];
        if (!c->inf[m].dual || !dual_pair(c, m, p)) continue;
        if (!d->dual_pairs) {
            if (!(d->dual_pairs = neA_alloc(&d->arena, d->actors.n * sizeof *d->dual_pairs))) return NE_NOMEM;
            memset(d->dual_pairs, 0, d->actors.n * sizeof *d->dual_pairs);
        }
        d->dual_pairs[m][0] = (uint32_t)p[0] + 1;
        d->dual_pairs[m][1] = (uint32_t)p[1] + 1;
    }
    return NE_OK;
}

/* pronoun_fits, and k is not the speaker whose quotation holds the pronoun
** (c->speaker1). */
static int other_than_speaker(const cctx *c, size_t m, size_t k) {
    return root_of(c, k) + 1 != c->speaker1 && pronoun_fits(c, m, k);
}

/* Is mention k followed by a possessive or a noun it modifies ("Cameron's
** spokesman", "a Warren adviser"): the one someone speaks for, not the one
** speaking? */
static int owner_of_speaker(const cctx *c, size_t k) {
    uint32_t e = c->inf[k].tok_end;
    if (e >= c->d->tokens.n || c->tk[e].sent != c->tk[c->inf[k].tok_first].sent) return 0;
    const ne_token *t = &c->tk[e];
    return ne_word_is(t->norm, "'s") ||
           (t->shape == NE_SH_LOWER && !(t->tags & (NE_TAG_VERB | NE_TAG_AUX | NE_TAG_CUE)));
}

/* A he or she inside a direct quotation is not its speaker, who would say
** "I" ('"He started out by insulting Hispanics," Barkley said': not Barkley;
** '"She lied to me," Smith said').  Each such pronoun that the antecedent
** rules gave the speaker takes the other person that fits, up to one
** sentence further back than a he or she reaches, when there is one only;
** else none. */
static void quoted_pronouns(cctx *c) {
    for (size_t m = 0; m < c->d->actors.n; m++) {
        const ne_quote *q;
        if (c->act[m].kind != NE_ACTOR_PRONOUN || c->inf[m].person != 1 || c->act[m].ref < 0 ||
            !(q = quotation_of(c, m)) || q->speaker < 0 || (size_t)q->speaker >= c->d->actors.n)
            continue;
        size_t sp = root_of(c, (size_t)q->speaker);
        /* a spokesman or an adviser may speak of the one he speaks for ("the prime minister's
        ** spokesman said: 'He disagrees'", "Cameron's spokesman", "a Warren adviser"): the
        ** speaker must be named or a pronoun, and no owner of the noun after it */
        if (root_of(c, m) != sp || c->act[q->speaker].kind == NE_ACTOR_NOMINAL || owner_of_speaker(c, (size_t)q->speaker))
            continue;
        c->speaker1 = sp + 1;
        long k = nearest(c, m, PERSON_WINDOW + 1, other_than_speaker), other = -1;
        for (size_t j = 0; k >= 0 && j < m && other < 0; j++) /* another person it might be: no guess */
            if (sent_of(c, j) + PERSON_WINDOW + 1 >= sent_of(c, m) && root_of(c, j) != root_of(c, (size_t)k) &&
                candidate(c, m, j, other_than_speaker))
                other = (long)j;
        c->speaker1 = 0;
        if (k >= 0 && other < 0) {
            link(c, m, (size_t)k);
            continue;
        }
        ne_actor *a = &c->act[m]; /* unresolved, as a pronoun no rule links */
        a->ref = -1;
        a->name = a->code = a->country = a->role = NULL;
    }
}

/* The antecedent k of role nominal m, unless a place right after m ("the
** foreign minister in Kabul") puts it in another country than k's: then
** none, and m takes the place's country (main_country_roles). */
static long placed_nominal(const cctx *c, size_t m, long k) {
    if (k < 0 || !c->act[m].role || !c->act[m].role[0]) return k;
    const char *here = located_in(c, m), *kc = c->act[root_of(c, (size_t)k)].country;
    return here && kc && strncmp(here, kc, 3) ? -1 : k;
}

int neCoref_resolve(struct ne_doc *d, const struct ne_engine *e) {
    cctx c = {d, d->actors.items, d->actor_info.items, d->tokens.items, NULL, NULL, 0, NULL, e, NULL, 0};
    d->main_cc = NULL;
    if (mention_sentences(&c)) return NE_NOMEM;
    if (d->actors.n && index_last_words(&c, d->actors.n)) return NE_NOMEM;
    if (speaker_marks(&c)) return NE_NOMEM;
    local_names(&c);
    for (size_t m = 0; m < d->actors.n; m++) {
        ne_actor *a = &c.act[m];
        if (a->ref >= 0 || (c.inf[m].dual & NE_DUAL_HEADLESS)) continue; /* "the two sides": a pair or none */
        long k = -1;
        if (a->kind == NE_ACTOR_PRONOUN && c.speaks && c.speaks[m] == SPK_PRONOUN) k = speaker_antecedent(&c, m);
        else if (a->kind == NE_ACTOR_PRONOUN && c.inf[m].person == 1) k = person_antecedent(&c, m);
        else if (a->kind == NE_ACTOR_PRONOUN) k = nearest(&c, m, PRONOUN_WINDOW, pronoun_fits);
        else if (a->kind == NE_ACTOR_NOMINAL && possessor(&c, m) < 0) {
            if (!kind_nominal(&c, m) || (k = nearest(&c, m, NOMINAL_WINDOW, named_kind_fits)) < 0)
                k = nearest(&c, m, NOMINAL_WINDOW, nominal_fits);
            k = placed_nominal(&c, m, k);
        }
        else if (a->kind == NE_ACTOR_UNKNOWN || (a->kind == NE_ACTOR_NAMED && c.inf[m].type == NE_DT_PERSON))
            k = surname_of(&c, m);
        else if (a->kind == NE_ACTOR_NAMED && c.inf[m].type == NE_DT_DEMONYM && c.inf[m].tok_end == c.inf[m].tok_first + 1)
            k = surname_of(&c, m); /* "Cuban said" after "Mark Cuban": the person, not Cuba */
        if (k < 0 && a->kind == NE_ACTOR_UNKNOWN) k = titled_short_name(&c, m);
        if (k < 0 && a->kind == NE_ACTOR_UNKNOWN) k = family_name_first(&c, m);
        if (k < 0) continue;
        int kind = a->kind;
        link(&c, m, (size_t)k);
        if (kind == NE_ACTOR_UNKNOWN) a->kind = c.act[a->ref].kind == NE_ACTOR_UNKNOWN ? NE_ACTOR_UNKNOWN : NE_ACTOR_NAMED;
    }
    if (d->quotes.n) quoted_pronouns(&c);
    for (size_t m = 1; m < d->actors.n; m++) /* "its military", "Sanders backers" */
        if (c.act[m].kind == NE_ACTOR_NOMINAL) owned_role(&c, m); /* possessor's first test, before the call */
    if (main_country_roles(&c)) return NE_NOMEM;
    if (d->actors.n) adopt_full_names(&c, 0);
    staff_names(&c);
    org_officers(&c);
    main_country_persons(&c);
    if (d->actors.n) adopt_full_names(&c, 1);
    if (d->dual_nps && dual_pairs(&c)) return NE_NOMEM;
    for (size_t m = 0; m < d->actors.n; m++) /* pronouns of role nominals coded just now */
        if (c.act[m].ref >= 0 && !c.act[m].code) {
            const ne_actor *t = &c.act[root_of(&c, m)];
            c.act[m].code = t->code;
            c.act[m].country = t->country;
        }
    return NE_OK;
}
