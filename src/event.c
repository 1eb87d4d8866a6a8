/* event.c: events: the patterns of each anchor (verb or event noun) matched
** in its clause, actors from subjects, slots and coreference, modality
** filters, date and place, then one event per (source, target, code, date)
** with a mention count (docs/PATTERNS.md).  Who the source and the target of
** a matched clause are (voice, "between", speakers of quotations and reported
** speech) is event_sides.c's (code_verb and code_noun call it); the sides a
** pair's clause leaves unnamed and the pairs no political act stands for are
** event_implied.c's (emit_pair calls its rules; eventInt.h holds what the
** files share). */
#include "eventInt.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#define EV_MAX_SKIP 4  /* modifiers a literal word may skip ("its own ambassador", "a multi-pronged") */
#define EV_MAX_GAP 4   /* tokens "..." may cover */
#define EV_MAX_SLOT 14 /* tokens a "+" or "$" slot may cover */
/* Slot members are actor indices, or places (standing for their country). */
#define EV_PLACE(p) (-(p)-2)

#define SLOT_UNKNOWN INT_MIN

/* Does token i of the view match the pattern word element el: its lemma or
** its text one of el's alternatives ("meetings", lemma meeting, for the
** word "meeting")?  0 for i outside the sentence; the alternatives' bit set
** (el->altset) refuses most tokens before any string is compared. */
static int word_match(const ev_ctx *c, int i, const ne_pelem *el) {
    if (i < 0 || i >= c->sv.n) return 0;
    const ne_token *t = &c->sv.t[i];
    uint32_t lh = c->sv.lh[i], nh = c->sv.nh[i];
    if (el->altset && !ne_pe_althas(el->altset, lh) && !ne_pe_althas(el->altset, nh)) return 0;
    for (int k = 0; k < el->nalt; k++) {
        const ne_pword *w = &el->alt[k];
        if ((lh == w->lh && !strcmp(t->lemma, w->lemma)) || (nh == w->sh && !strcmp(t->norm, w->surface)) ||
            (lh == w->sh && !strcmp(t->lemma, w->surface))) /* "meetings" (lemma meeting) for "meeting" */
            return 1;
    }
    return 0;
}

/* A currency sign, part of an amount like a number ("$1.7 billion", "€28 million"). */
static int currency(const ev_ctx *c, int i) {
    const char *w = c->sv.t[i].norm;
    return ne_word_is(w, "$") || ne_word_is(w, "€") || ne_word_is(w, "£") || ne_word_is(w, "¥");
}

/* Is token i the second half of a hyphenated modifier, a word joined by a dash
** with no space on either side ("its long-running ban", "a hard-won truce",
** "the far-reaching sanctions")?  It modifies the noun after it even when
** it reads as a verb. */
static int compound_tail(const ev_ctx *c, int i) {
    const ne_token *d = i > 0 ? &c->sv.t[i - 1] : NULL;
    return d && d->shape == NE_SH_DASH && !(d->flags & NE_TF_SPACE_BEFORE) && !(c->sv.t[i].flags & NE_TF_SPACE_BEFORE);
}

/* Tokens a literal word may step over: determiners, possessives, numbers,
** amounts, adverbs, quotation marks around the words a report quotes
** ("vowed to \"bomb the hell\" out of", "called the charge \"pathetic\"")
** and modifiers that are not verbs ("an", "its own", "retaliatory", "$2"). */
static int skippable(const ev_ctx *c, int i, const ne_pelem *el) {
    int wc = c->sv.wc[i];
    const ne_token *t = &c->sv.t[i];
    if (wc == NE_WC_ADV || t->shape == NE_SH_QUOTE) return 1;
    if (el->func) return 0;
    if (wc == NE_WC_DET || wc == NE_WC_POSS || t->shape == NE_SH_NUM || currency(c, i)) return 1;
    if (t->shape == NE_SH_DASH && !(t->flags & NE_TF_SPACE_BEFORE)) return 1; /* "near-daily" */
    if (wc != NE_WC_OPEN || t->shape != NE_SH_LOWER || neClause_actor(&c->sv, i) >= 0) return 0;
    return !c->sv.isverb[i] || compound_tail(c, i);
}

/* May token i (in the sentence) sit in a noun group, or does it name an
** actor?  Worked out once per token: slots ask it again and again. */
static int ng_or_actor(const ev_ctx *c, int i) {
    uint8_t *g = &c->group[i];
    if (!*g) *g = (uint8_t)(1 + (neClause_ng_token(&c->sv, i) || neClause_actor(&c->sv, i) >= 0));
    return *g - 1;
}

/* Is the comma at k the first of a sentence that opens with a preposition or
** a subordinator ("After ...,", "Following ...,", "While ...,")? */
static int opening_comma(const ev_ctx *c, int k) {
    const ne_sview *sv = &c->sv;
    if (strcmp(sv->t[k].norm, ",") || sv->n < 1 || (sv->wc[0] != NE_WC_PREP && sv->wc[0] != NE_WC_SUB)) return 0;
    for (int i = 1; i < k; i++)
        if (!strcmp(sv->t[i].norm, ",")) return 0;
    return 1;
}

/* Does a token in [a, b) hold an actor named by the dictionaries (not a
** role word: "police", "the minister")? */
static int named_from(const ev_ctx *c, int a, int b) {
    for (int i = a; i < b; i++) {
        int x = neClause_actor(&c->sv, i);
        if (x >= 0 && NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, x))->kind == NE_ACTOR_NAMED) return 1;
    }
    return 0;
}

/* Does a dual noun phrase end right before token k ("between the two
** countries, the White House announced")?  It names a whole pair: a comma
** after it continues no list. */
static int dual_before(const ev_ctx *c, int k) {
    int a = k > 0 ? c->sv.t[k - 1].actor : -1;
    return a >= 0 && NE_VEC_AT(c->d->actor_info, ne_actor_info, a)->dual;
}

/* Does the noun group after the comma at k name an actor that may be a
** slot's next item ("Iran, Iraq and Syria")?  Not one that reports ("a deal,
** officials said"), nor the subject of the main clause after an opening
** phrase ("After Iran's talks with Russia, Obama criticized ...": the comma
** that closes the phrase, before a named actor and its verb, ends the slot). */
static int next_item(const ev_ctx *c, int k) {
    static const char *const speech[] = {"state", "confirm", "report", "note", "write", NULL};
    const ne_sview *sv = &c->sv;
    int named = 0, q = k + 1;
    for (; q < sv->n && q < k + 7 && ng_or_actor(c, q); q++) named |= neClause_actor(sv, q) >= 0;
    if (q < sv->n && (sv->wc[q] == NE_WC_REPORT || ne_word_in(sv->t[q].lemma, speech))) return 0;
    if (q < sv->n && sv->isverb[q] && opening_comma(c, k) && named_from(c, k + 1, q)) return 0;
    return named;
}

/* Last token a slot starting at s may reach: a noun group with coordination
** and "of", plus one locative phrase when the group itself names no actor
** ("a police station in southeastern Iran").  Depends on the sentence view
** only (neEvent_slot_max_end keeps it). */
static int slot_end_of(const ev_ctx *c, int s) {
    const ne_sview *sv = &c->sv;
    if (is_recip(c, s)) return s + 1;
    int e = s - 1, has_actor = 0, located = 0;
    while (e + 1 < sv->n && e + 1 < s + EV_MAX_SLOT) {
        int k = e + 1;
        /* "as" (no word class of its own) is no noun: it opens a clause or a complement ("backing
        ** the government as the United States supports the rebels", "named Iran as a threat"),
        ** except in "such as" and "as well as", which join the group ("countries such as Iran") */
        if (e >= s && tok_is(c, k, "as") && !tok_is(c, e, "such") && !tok_is(c, k + 1, "well")) break;
        /* "called Clinton a liar", "gave Iran a deadline": an article after a name opens a second object */
        if (e >= s && sv->wc[k] == NE_WC_DET && (tok_is(c, k, "a") || tok_is(c, k, "an")) &&
            neClause_actor(sv, e) >= 0)
            break;
        if (ng_or_actor(c, k)) {
            has_actor |= neClause_actor(sv, k) >= 0;
            e = k;
            continue;
        }
        /* a comma continues a list or an apposition ("Iran, Iraq and Syria", "Alice Wells, a US
        ** official"), not a clause ("..., as the country works ...") */
        int joins = sv->wc[k] == NE_WC_CONJ ||
                    (!strcmp(sv->t[k].norm, ",") && next_item(c, k) && !tok_is(c, k + 1, "as") && !dual_before(c, k)) ||
                    !strcmp(sv->t[k].norm, "of"); /* "as" (no word class of its own) opens a clause there */
        /* a group naming no actor opens a list of them after a colon or "including" ("sanctions
        ** on three countries: Poland, Lithuania and Latvia", "the customer nations, including
        ** Germany and France") */
        int q = tok_is(c, k, ",") && tok_is(c, k + 1, "including") ? k + 1 : k;
        if (!has_actor && e >= s && (tok_is(c, q, ":") || tok_is(c, q, "including")) && next_item(c, q)) {
            e = q;
            continue;
        }
        int loc = !has_actor && !located && sv->wc[k] == NE_WC_PREP &&
                  (tok_is(c, k, "in") || tok_is(c, k, "inside") || tok_is(c, k, "near") || tok_is(c, k, "at") ||
                   tok_is(c, k, "by"));
        if ((joins || loc) && e >= s && k + 1 < sv->n && ng_or_actor(c, k + 1) && !tok_is(c, k, "but")) {
            located |= loc;
            e = k;
            continue;
        }
        break;
    }
    return e;
}

int neEvent_slot_max_end(const ev_ctx *c, int s) {
    if (s < 0 || s >= c->sv.n) return slot_end_of(c, s);
    int *m = &c->slot_end[s];
    if (*m == SLOT_UNKNOWN) *m = slot_end_of(c, s);
    return *m;
}

/* A place with a country on token i (stands for its country in a slot). */
static int country_place(const ev_ctx *c, int i) {
    int p = c->sv.t[i].place;
    if (p < 0 || (size_t)p >= c->d->places.n) return -1;
    return NE_VEC_AT(c->d->places, ne_place, p)->country ? p : -1;
}

/* The first token in [s, e] with an actor or a country place, or e + 1. */
static int first_actor(const ev_ctx *c, int s, int e) {
    for (int i = s; i <= e; i++)
        if (neClause_actor(&c->sv, i) >= 0 || country_place(c, i) >= 0) return i;
    return e + 1;
}

/* Does the slot [s, e] hold an actor ("each other" stands for the subject)?
** fa: first_actor(c, s, m) for some m >= e. */
static int slot_actor_in(const ev_ctx *c, int s, int e, int fa) { return fa <= e || (e == s + 1 && is_recip(c, s)); }

int neEvent_slot_has_actor(const ev_ctx *c, int s, int e) { return slot_actor_in(c, s, e, first_actor(c, s, e)); }

/* Can a slot without any actor end at token e (a noun, not a determiner)? */
static int slot_head(const ev_ctx *c, int s, int e) {
    int wc = c->sv.wc[e];
    if (e == s && neClause_count(&c->sv, e)) return 1; /* a bare count: "arresting 12", "killing one" */
    return wc == NE_WC_OPEN && c->sv.t[e].shape != NE_SH_NUM && c->sv.t[e].shape != NE_SH_DASH;
}

/* The number of a table root ("05" is 5): two digits (cameo.c code_root). */
static int root_num(const char *root) { return (root[0] - '0') * 10 + (root[1] - '0'); }

/* Roots of reactions whose target is the author of the act reacted to
** (CAMEO codebook 2: 05 praise or endorse an act, 11 criticize or denounce
** "a policy or an action", 12 reject a proposal, 13 threaten over it, 14
** protest against it, 16 reduce relations over it): "Egypt condemned the
** attack" is toward the attacker, "welcomed the decision" toward the one
** who decided (act_author). */
static int reaction_root(const char *root) {
    static const uint32_t roots = 1u << 5 | 1u << 11 | 1u << 12 | 1u << 13 | 1u << 14 | 1u << 16;
    int r = root_num(root);
    return r >= 0 && r < 32 && (roots >> r & 1u);
}

/* When the group [s, e] opens definite, with the, this, that, these, those
** or a time's possessive ("Tuesday's raids", "last week's attack"), the
** token after that opening; else -1. */
static int definite_group(const ev_ctx *c, int s, int e) {
    if (tok_is(c, s, "the") || tok_is(c, s, "this") || tok_is(c, s, "that") || tok_is(c, s, "these") ||
        tok_is(c, s, "those"))
        return s + 1;
    int k = s;
    while (k <= e && c->sv.t[k].timex >= 0) k++;
    return k > s && k <= e && c->sv.wc[k] == NE_WC_POSS ? k + 1 : -1;
}

/* The head of a definite group [s, e] that names no actor and no owner,
** before "as", a preposition or a comma ("the proposal as reprehensible",
** "the attack on the camp"): at most three words after its opening,
** lower-case; -1 when the group is none such ("an attack", "attacks", "the
** host's remarks", "the Iranian strike"). */
static int definite_head(const ev_ctx *c, int s, int e) {
    const ne_sview *sv = &c->sv;
    int h = s >= 0 && e >= s && e < sv->n ? definite_group(c, s, e) : -1;
    if (h < 0) return -1;
    for (int k = h; k <= e; k++)
        if (tok_is(c, k, "as") || sv->wc[k] == NE_WC_PREP || sv->t[k].shape == NE_SH_PUNCT) {
            e = k - 1;
            break;
        }
    if (e - h > 2 || e < h || sv->t[e].shape != NE_SH_LOWER) return -1;
    for (int k = s; k <= e; k++)
        if (sv->t[k].actor >= 0 || (k >= h && sv->wc[k] == NE_WC_POSS)) return -1;
    return e;
}

/* The cameo/event_nouns.tsv row of the head of the slot [s, e] when the slot
** is a definite group naming an act and no actor ("the attack", "this
** decision", "Tuesday's raids"), by its word ("bombings") or its lemma
** ("arrests": arrest); else NULL. */
static const ne_event_noun *act_slot(const ev_ctx *c, int s, int e) {
    int h = definite_head(c, s, e);
    if (h < 0) return NULL;
    const ne_token *t = &c->sv.t[h];
    const ne_event_noun *n = neCameo_event_noun(c->e->cameo, t->norm);
    return n || t->lemma == t->norm ? n : neCameo_event_noun(c->e->cameo, t->lemma);
}

static int match_fwd(ev_ctx *c, int k, int p);

/* An empty target slot at p right after the anchor's verb in an object
** relative clause ("the senator, whom she accused of lying"): the target is
** the relative's antecedent (c->m.relobj, neClause_object_relative). */
static int object_relative(ev_ctx *c, int p) {
    int a[EV_MAX_ACTORS];
    if (c->m.passive || ng_or_actor(c, p) || !c->sv.isverb[c->m.anchor]) return 0;
    for (int i = c->m.anchor + 1; i < p; i++)
        if (c->sv.wc[i] != NE_WC_ADV) return 0;
    int vs = neClause_vg_start(&c->sv, c->m.anchor);
    return c->m.relobj = neClause_object_relative(&c->sv, vs, a, EV_MAX_ACTORS) > 0;
}

/* A "+"/"$" slot at p: longest first, backtracking to let later words match. */
static int match_slot(ev_ctx *c, int k, int p, int target) {
    for (int a = 0; a < 2 && p + 1 < c->sv.n && c->sv.wc[p] == NE_WC_ADV; a++) p++; /* "arrested nearly 50 people" */
    for (int a = 0; a < 2 && p + 1 < c->sv.n && c->sv.t[p].shape == NE_SH_QUOTE; a++) p++; /* to "strike" Israel */
    if (p >= c->sv.n) return 0;
    if (c->sv.wc[p] == NE_WC_DET && is_recip(c, p + 1)) p++; /* "both ... each other" */
    int q = p; /* an agent, never the object: "figures released (Thursday) by the ministry" */
    while (q < c->sv.n && c->sv.t[q].timex >= 0 && c->sv.t[q].timex == c->sv.t[p].timex) q++;
    if (q < c->sv.n && tok_is(c, q, "by")) return 0;
    int maxe = neEvent_slot_max_end(c, p), fa = first_actor(c, p, maxe), any = slot_actor_in(c, p, maxe, fa);
    /* "release +!": not "released a poll"; a reaction's "welcome +!" takes "the decision" (act_author) */
    c->m.noun_slot = !any && c->m.pt->elems[k].need_actor && target && !c->m.passive &&
                     c->m.pt->cameo && reaction_root(c->m.pt->cameo->root) && act_slot(c, p, maxe);
    for (int e = maxe; e >= p && (any || !c->m.pt->elems[k].need_actor || c->m.noun_slot); e--) {
        if (any ? !slot_actor_in(c, p, e, fa) : !slot_head(c, p, e)) continue;
        if (target) c->m.ts = p, c->m.te = e;
        else c->m.ss = p, c->m.se = e;
        if (match_fwd(c, k + 1, e + 1)) return 1;
    }
    if (target) c->m.ts = c->m.te = -1;
    else c->m.ss = c->m.se = -1;
    return target && object_relative(c, p) && match_fwd(c, k + 1, p);
}

/* Does pattern pt have a "+!" slot (its target must name an actor)? */
static int needs_actor(const ne_pattern *pt) {
    for (int k = 0; k < pt->nelems; k++)
        if (pt->elems[k].need_actor) return 1;
    return 0;
}

/* An optional passive agent right after the anchor: "by" + noun group. */
static int take_agent(ev_ctx *c, int p) {
    if (!tok_is(c, p, "by") || p + 1 >= c->sv.n) return p;
    int e = neEvent_slot_max_end(c, p + 1);
    if (e < p + 1 || !neEvent_slot_has_actor(c, p + 1, e)) return p;
    c->m.bys = p + 1;
    c->m.bye = e;
    return e + 1;
}

/* Match elements k.. of the pattern from token p forward. */
static int match_fwd(ev_ctx *c, int k, int p) {
    const ne_pattern *pt = c->m.pt;
    if (k == pt->nelems) {
        c->m.end = p - 1;
        return 1;
    }
    const ne_pelem *el = &pt->elems[k];
    switch (el->kind) {
    case NE_PE_WORD:
        for (int s = 0; s <= EV_MAX_SKIP && p + s < c->sv.n; s++) {
            if (word_match(c, p + s, el) && match_fwd(c, k + 1, p + s + 1)) return 1;
            if (!skippable(c, p + s, el)) break;
        }
        return 0;
    case NE_PE_OPT:
        if (word_match(c, p, el) && match_fwd(c, k + 1, p + 1)) return 1;
        return match_fwd(c, k + 1, p);
    case NE_PE_GAP:
        for (int g = 0; g <= EV_MAX_GAP && p + g <= c->sv.n; g++) {
            if (g > 0) {
                int q = p + g - 1, wc = c->sv.wc[q];
                if (c->sv.isverb[q] || wc == NE_WC_MODAL || wc == NE_WC_BE || wc == NE_WC_SUB || wc == NE_WC_REL ||
                    (c->sv.t[q].shape == NE_SH_PUNCT && !currency(c, q)))
                    return 0;
            }
            if (match_fwd(c, k + 1, p + g)) return 1;
        }
        return 0;
    case NE_PE_TARGET:
        if (c->m.passive) return match_fwd(c, k + 1, take_agent(c, p));
        return match_slot(c, k, p, 1);
    default:
        return match_slot(c, k, p, 0);
    }
}

/* Is the comma at i between a word said twice for emphasis ("is very, very
** weak", "really, really bad")? */
static int emphasis_comma(const ne_sview *sv, int i) {
    return i > 0 && i + 1 < sv->n && !strcmp(sv->t[i].norm, ",") && sv->t[i + 1].shape == NE_SH_LOWER &&
           (sv->wc[i + 1] == NE_WC_ADV || sv->wc[i + 1] == NE_WC_OPEN) && !strcmp(sv->t[i - 1].norm, sv->t[i + 1].norm);
}

/* Tokens an element before the anchor may step over: adverbs, the
** auxiliaries of the verb group ("police have arrested", "troops had
** killed") and a word said twice with its comma; negation and modals stay
** modality (docs/PATTERNS.md). */
static int back_skippable(const ev_ctx *c, int i) {
    int wc = c->sv.wc[i];
    const ne_sview *sv = &c->sv;
    if (emphasis_comma(sv, i) || emphasis_comma(sv, i + 1)) return 1; /* both the comma and the first word */
    return wc == NE_WC_ADV || wc == NE_WC_HAVE || (wc == NE_WC_BE && c->m.anchor > 0 &&
                                                    ne_ing_form(&c->sv.t[c->m.anchor]));
}

/* Does token i, a pronoun ("it", "they") whose antecedent is a mention
** earlier in the same sentence, stand for a head word el names?  "Pakistan's
** army said it had killed ten militants": the "it" before "killed" is the
** army that `{army|troops|...} kill +` asks for.  Only within the sentence
** (the pattern's filter saw its words there). */
static int pronoun_word(const ev_ctx *c, int i, const ne_pelem *el) {
    int a = i >= 0 && c->sv.wc[i] == NE_WC_PRON ? c->sv.t[i].actor : -1;
    if (a < 0 || (size_t)a >= c->d->actors.n) return 0;
    const ne_actor *ac = NE_VEC_AT(c->d->actors, ne_actor, a);
    if (ac->kind != NE_ACTOR_PRONOUN || ac->ref < 0 || (size_t)ac->ref >= c->d->actors.n) return 0;
    const ne_actor_info *in = NE_VEC_AT(c->d->actor_info, ne_actor_info, ac->ref);
    const ne_token *first = NE_VEC_AT(c->d->tokens, ne_token, 0);
    long head = (long)in->tok_end - 1 - (long)(c->sv.t - first); /* the antecedent's last word, in the sentence */
    return head >= 0 && head < i && word_match(c, (int)head, el);
}

/* The antecedent of a subject relative pronoun at i (relative_antecedent)
** when it is a word el names and no actor: "the attacks that killed 130
** people" for `{attack|...} kill +`.  An actor there ("the mob that
** attacked the house") is left to the clause rules, which find no subject
** across "that" (the implied-actor rules code such clauses).  Returns its
** index, or -1. */
static int relative_head(const ev_ctx *c, int i, const ne_pelem *el) {
    int h = el->kind == NE_PE_OPT ? -1 : relative_antecedent(c, i);
    return h >= 0 && c->sv.t[h].actor < 0 && word_match(c, h, el) ? h : -1;
}

/* Elements before the anchor, matched right to left (words only; slots
** there stand for the subject, which the clause rules find; a subject
** relative pronoun stands for its antecedent, relative_head). */
static int match_back(ev_ctx *c, int k, int p) {
    const ne_pattern *pt = c->m.pt;
    for (; k >= 0; k--) {
        const ne_pelem *el = &pt->elems[k];
        if (el->kind == NE_PE_TARGET || el->kind == NE_PE_SOURCE) continue;
        if (el->kind == NE_PE_GAP) {
            p -= 0;
            continue;
        }
        int s = 0;
        while (p - s >= 0 && !word_match(c, p - s, el) && s < EV_MAX_SKIP && back_skippable(c, p - s)) s++;
        if (word_match(c, p - s, el) || (el->kind != NE_PE_OPT && pronoun_word(c, p - s, el))) {
            p = p - s - 1;
            continue;
        }
        int h = relative_head(c, p - s, el);
        if (h >= 0) {
            p = h - 1;
            continue;
        }
        if (el->kind == NE_PE_OPT) continue;
        return 0;
    }
    c->m.begin = p + 1;
    return 1;
}

/* Can the sentence hold the required words of the pattern with filter f,
** whose first required word (all[0]) it has? */
static inline __attribute__((always_inline)) int filter_rest(const ne_wordset *s, const ne_pfilter *f) {
    return ne_ws_has(s, f->all[1]) && ne_ws_has(s, f->all[2]) && ne_ws_has(s, f->all[3]) &&
           (ne_ws_has(s, f->any[0]) | ne_ws_has(s, f->any[1]) | ne_ws_has(s, f->any[2]) | ne_ws_has(s, f->any[3]));
}

#define LAST_MAX 256 /* longest sentence index_last indexes (positions are bytes) */

/* c->last[b]: the last token of the sentence whose lemma or norm has
** word-set bit b, for each bit the sentence's set has (other entries are
** stale); a sentence of at most LAST_MAX tokens.  Bytes, so that the table
** stays in the first-level cache.  Built once per sentence, when a pattern
** first passes its filter. */
static void index_last(ev_ctx *c) {
    const uint32_t *lh = c->sv.lh, *nh = c->sv.nh;
    uint8_t *last = c->last;
    for (int i = 0, n = c->sv.n; i < n; i++) {
        last[ne_ws_bit(lh[i])] = (uint8_t)i;
        last[ne_ws_bit(nh[i])] = (uint8_t)i;
    }
    c->last_of = c->sv.sent;
}

/* May a token after token i have word-set bit b (index_last)? */
static int bit_follows(const ev_ctx *c, unsigned b, int i) { return ne_ws_has(c->sv.words, b) && c->last[b] > i; }

/* May a token after token i be one of the words whose n word-set bits are
** bits?  A token word_match takes has its lemma's or its norm's bit equal to
** a word's lemma or surface bit, so no such bit on a token after i means no
** match. */
static int may_follow(const ev_ctx *c, int i, const uint16_t *bits, int n) {
    for (int k = 0; k < n; k++)
        if (bit_follows(c, bits[k], i)) return 1;
    return 0;
}

/* May the sentence hold one of the words whose n word-set bits are bits? */
static int may_hold(const ev_ctx *c, const uint16_t *bits, int n) {
    for (int k = 0; k < n; k++)
        if (ne_ws_has(c->sv.words, bits[k])) return 1;
    return 0;
}

/* Does every required word of pattern entry e but its anchor (a WORD
** element: e->words) have a token that may be it: after anchor i for one
** after the anchor, anywhere in the sentence for one before it?  match_at
** only moves forward from the anchor, so a pattern failing this cannot match
** there: most patterns that pass their filter (filter_rest) have the words
** after the anchor before it only, and are not tried; the filter holds at
** most one word of several alternatives ("{is|was|...} (a|an) (...)
** {supporter|backer|...} of +!" has none), this test all.  (The words after
** the anchor of a sentence longer than LAST_MAX are not tested.) */
static int words_placed(ev_ctx *c, int i, const ne_pentry *e) {
    const uint16_t *f = e->words;
    if (!f) return 1;
    for (int n; *f; f += 1 + n) {
        n = *f & NE_PW_COUNT;
        if (*f & NE_PW_BEFORE) {
            if (!may_hold(c, f + 1, n)) return 0;
        } else if (c->sv.n <= LAST_MAX) {
            if (c->last_of != c->sv.sent) index_last(c);
            if (!may_follow(c, i, f + 1, n)) return 0;
        }
    }
    return 1;
}

/* The token after a time phrase at p ("on Monday", "Tuesday", "last week",
** "today"), or p when there is none. */
static int after_time(const ev_ctx *c, int p) {
    int q = p;
    if (q + 1 < c->sv.n && c->sv.t[q + 1].timex >= 0 && c->sv.t[q].timex < 0 &&
        (tok_is(c, q, "on") || tok_is(c, q, "last") || tok_is(c, q, "this") || tok_is(c, q, "late") ||
         tok_is(c, q, "early")))
        q++;
    if (q >= c->sv.n || c->sv.t[q].timex < 0) return p;
    int x = c->sv.t[q].timex;
    while (q < c->sv.n && c->sv.t[q].timex == x) q++;
    return q;
}

/* Is there a timex on one of the two tokens after token i (where
** after_time may find a time phrase)? */
static int timex_next(const ev_ctx *c, int i) {
    for (int q = i + 1; q <= i + 2 && q < c->sv.n; q++)
        if (c->sv.t[q].timex >= 0) return 1;
    return 0;
}

/* May match_at's time_skip find a time phrase after verb anchor i: a timex
** right after it (timex_next), or a passive verb, whose "by" agent comes
** first?  Needs c->pas of i. */
static int time_may_follow(const ev_ctx *c, int i) { return c->pas || timex_next(c, i); }

/* May a consultation noun at i (root 04: "had talks on Sunday with X", "a
** meeting on Monday with Y") have its partner after a time phrase?  A timex
** right after it (timex_next), as time_may_follow for verbs. */
static int noun_timed(const ev_ctx *c, int i, const ne_pattern *pt) {
    if (!pt->cameo || strcmp(pt->cameo->root, "04")) return 0; /* a sense filter ("-") has no code */
    return timex_next(c, i);
}

void neEvent_open_match(ev_ctx *c, int i, const ne_pattern *pt, int kind) {
    memset(&c->m, 0, sizeof c->m);
    c->m.pt = pt;
    c->m.anchor = i;
    c->m.attach = i;
    c->m.ts = c->m.te = c->m.ss = c->m.se = c->m.bys = c->m.bye = -1;
    if (kind == 0 && c->pas_at != i) { /* per anchor, not pattern */
        c->pas_at = i, c->pas = neClause_passive(&c->sv, i);
        c->timed = time_may_follow(c, i);
    }
    c->m.passive = kind == 0 && c->pas;
}

/* Pattern pt at anchor i, its elements after the anchor from token start. */
static int match_at(ev_ctx *c, int i, const ne_pattern *pt, int kind, int time_skip) {
    neEvent_open_match(c, i, pt, kind);
    int start = c->m.passive ? take_agent(c, i + 1) : i + 1;
    if (time_skip) {
        int t = after_time(c, start);
        if (t == start || t >= c->sv.n) return 0;
        start = c->m.passive && c->m.bys < 0 ? take_agent(c, t) : t; /* "released on Thursday by the ministry" */
    }
    return match_back(c, pt->anchor - 1, i - 1) && match_fwd(c, pt->anchor + 1, start);
}

static void set_bit(uint64_t *bits, uint32_t k) { bits[k >> 6] |= (uint64_t)1 << (k & 63); }

/* The bits set in x, in line (__builtin_popcountll is a library call
** without the popcnt instruction, which the build does not assume). */
static uint32_t count_bits(uint64_t x) {
    x -= (x >> 1) & 0x5555555555555555u;
    x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fu;
    return (uint32_t)((x * 0x0101010101010101u) >> 56);
}

/* Into cand, the filters of key index ks whose all[0] the set words has:
** only the words that hold keys (ks->used) and that the set fills (filled,
** ne_sview.filled) are read: a list's few dozen keys leave about a third of its
** 64 words empty, a sentence about two thirds of its own. */
static void keyed_cands(const ne_pkeys *ks, const ne_wordset *words, uint64_t filled, uint64_t *cand) {
    for (uint32_t x = ks->at[ks->nkeys]; x < ks->at[ks->nkeys + 1]; x++) set_bit(cand, ks->idx[x]); /* no word */
    for (uint64_t u = ks->used & filled; u; u &= u - 1) { /* the words of the map that hold keys */
        int w = __builtin_ctzll(u);
        for (uint64_t m = ks->map[w] & words->w[w]; m; m &= m - 1) {
            uint32_t g = ks->rank[w] + count_bits(ks->map[w] & ((m & -m) - 1));
            for (uint32_t x = ks->at[g]; x < ks->at[g + 1]; x++) set_bit(cand, ks->idx[x]);
        }
    }
}

/* Does an's list of kind have a key index (ne_pkeys: "demand", "call", "urge")? */
static int keyed(const ne_anchor *an, int kind) { return an->keys && an->keys[kind].at; }

/* For a keyed list of an: c->cand, bit k set for each pattern k of the list
** whose first required word (filter all[0]) the sentence may hold, from the
** key index (without testing every pattern); NE_NOMEM.  Nothing for the
** other lists, whose next_try tests all[0] itself. */
static int anchor_cands(ev_ctx *c, const ne_anchor *an, int kind) {
    if (!keyed(an, kind)) return NE_OK;
    uint32_t words = (an->n[kind] + 63) / 64;
    if (words > c->ncand) {
        uint64_t *b = neA_alloc(&c->d->arena, words * sizeof *b);
        if (!b) return NE_NOMEM;
        c->cand = b, c->ncand = words;
    }
    memset(c->cand, 0, words * sizeof *c->cand);
    keyed_cands(&an->keys[kind], c->sv.words, c->sv.filled, c->cand);
    return NE_OK;
}

/* The first k >= from with bit k of c->cand set, or n (the bits of n patterns). */
static uint32_t next_cand(const ev_ctx *c, uint32_t from, uint32_t n) {
    uint32_t w = from >> 6, nw = (n + 63) / 64;
    if (w >= nw) return n;
    uint64_t m = c->cand[w] & (~(uint64_t)0 << (from & 63));
    while (!m) {
        if (++w >= nw) return n;
        m = c->cand[w];
    }
    return w * 64 + (uint32_t)__builtin_ctzll(m);
}

/* May pattern entry e, whose first required word (all[0]) the sentence may
** hold, be tried at anchor i: the rest of its filter and words_placed?
** Inline: asked some 170,000 times in 3,000 news stories, most failing the filter. */
static inline __attribute__((always_inline)) int try_may(ev_ctx *c, int i, const ne_pentry *e) {
    return filter_rest(c->sv.words, &e->f) && words_placed(c, i, e);
}

/* The first pattern k >= from of an's list of kind whose filter the
** sentence passes (all[0]: through c->cand for a keyed list, anchor_cands)
** and that passes words_placed at anchor i: one match_at may try; or the
** list's length. */
static inline __attribute__((always_inline)) uint32_t next_try(ev_ctx *c, int i, const ne_anchor *an, int kind,
                                                               uint32_t from) {
    uint32_t n = an->n[kind];
    const ne_pentry *l = an->list[kind];
    if (keyed(an, kind)) {
        for (uint32_t k = from < n ? next_cand(c, from, n) : n; k < n; k = next_cand(c, k + 1, n))
            if (try_may(c, i, &l[k])) return k;
        return n;
    }
    const uint16_t *first = an->first + (kind ? an->n[0] : 0);
    for (uint32_t k = from; k < n; k++)
        if (ne_ws_has(c->sv.words, first[k]) && try_may(c, i, &l[k])) return k;
    return n;
}

/* next_try after pattern k: the next pattern of an's list of kind that
** match_at may try at anchor i, or the list's length. */
static uint32_t try_after(ev_ctx *c, int i, const ne_anchor *an, int kind, uint32_t k) {
    return next_try(c, i, an, kind, k + 1);
}

/* Try the patterns of one kind (0 verbs, 1 nouns) at anchor i, longest first,
** from pattern *k on (one next_try gave, or the list's length), among those
** next_try gives; *k is left at the pattern that matched.  A verb pattern may
** step over a time phrase right after its anchor ("threatened on Monday to
** break relations", "agreed Tuesday to"). */
static int match_anchor(ev_ctx *c, int i, const ne_anchor *an, int kind, uint32_t *k) {
    for (uint32_t n = an->n[kind]; *k < n; *k = try_after(c, i, an, kind, *k)) {
        const ne_pattern *pt = an->list[kind][*k].pt;
        if (match_at(c, i, pt, kind, 0)) return 1;
        if (kind == 0 && pt->nelems > pt->anchor + 1 && c->timed && match_at(c, i, pt, kind, 1)) /* pas_at is i */
            return 1;
        if (kind == 1 && pt->nelems > pt->anchor + 1 && noun_timed(c, i, pt) && match_at(c, i, pt, kind, 1))
            return 1;
    }
    return 0;
}

/* ---- building events ---- */

/* Copy the resolved actor of mention a (text as written); 0 when it has no code.
** A country named as the actor keeps the country code alone ("Azerbaijan
** apologised to Russia": AZE, RUS), as CAMEO's country dictionaries and GDELT
** code it; its government, leaders and capital are GOV (docs/ANNOTATION.md rule 9). */
static int fill_actor(const struct ne_doc *d, int a, ne_actor *out, int *resolved) {
    if (a <= -2) { /* a place: its country acts as the actor */
        const ne_place *pl = NE_VEC_AT(d->places, ne_place, -a - 2);
        memset(out, 0, sizeof *out);
        out->text = pl->text;
        out->name = pl->name;
        out->code = out->country = pl->country;
        out->span = pl->span;
        out->sentence = pl->sentence;
        out->in_title = pl->in_title;
        out->kind = NE_ACTOR_NAMED;
        out->ref = -1;
        *resolved = 1;
        return pl->country != NULL;
    }
    int r = neClause_resolve(d, a);
    const ne_actor *ra = NE_VEC_AT(d->actors, ne_actor, r);
    if (!ra->code) return 0;
    *out = *ra;
    out->text = NE_VEC_AT(d->actors, ne_actor, a)->text;
    *resolved = r != a;
    return 1;
}

/* Is the time expression at token x attached to the anchor's verb: no other
** verb between them ("elections scheduled for Feb. 8" is not the attack's)? */
static int timex_attached(const ev_ctx *c, int x, int anchor) {
    int a = x < anchor ? x + 1 : anchor + 1, b = x < anchor ? neClause_vg_start(&c->sv, anchor) : x;
    for (int k = a; k < b; k++)
        if (c->sv.isverb[k] && !c->sv.used[k]) return 0;
    return 1;
}

/* An event date from a time expression in [lo, hi): YYYY, YYYY-MM or
** YYYY-MM-DD, attached to the anchor, and not after the document date. */
static const char *clause_date(const ev_ctx *c, int lo, int hi, int anchor) {
    const char *best = NULL;
    int bestd = 1 << 30;
    for (int i = lo; i < hi; i++) {
        int x = c->sv.t[i].timex;
        if (x < 0 || (size_t)x >= c->d->timexes.n || (i > lo && c->sv.t[i - 1].timex == x)) continue;
        const ne_timex *tx = NE_VEC_AT(c->d->timexes, ne_timex, x);
        if (!tx->value || (tx->type && strcmp(tx->type, "DATE") && strcmp(tx->type, "TIME"))) continue;
        size_t n = strcspn(tx->value, "T");
        int y, m, dd;
        if ((n != 4 && n != 7 && n != 10) || !neU_parse_date(tx->value, n, &y, &m, &dd)) continue;
        if (c->d->date && strncmp(tx->value, c->d->date, n) > 0) continue; /* in the future */
        if (!timex_attached(c, i, anchor)) continue;
        int dist = i > anchor ? i - anchor : anchor - i;
        if (dist < bestd) {
            bestd = dist;
            best = n == strlen(tx->value) ? tx->value : neA_strndup(&c->d->arena, tx->value, n);
        }
    }
    return best;
}

/* The place of the clause: a place behind a locative preposition ("inside
** Pakistan", "in the restive Balochistan region"), after the anchor first. */
static int locative(const ev_ctx *c, int j) {
    return tok_is(c, j, "in") || tok_is(c, j, "inside") || tok_is(c, j, "at") || tok_is(c, j, "near") ||
           tok_is(c, j, "across") || tok_is(c, j, "within") || tok_is(c, j, "along");
}

/* The place of the clause [lo, hi) with its anchor at anchor (an index of
** d->places, -1 when none): the first place named after the anchor that a
** locative word introduces over its noun group ("clashed with police in
** the old city"), else the first such place before it ("In Kabul, gunmen
** attacked ..."). */
static int clause_place(const ev_ctx *c, int lo, int hi, int anchor) {
    int before = -1;
    for (int i = lo; i < hi; i++) {
        int p = c->sv.t[i].place;
        if (p < 0 || (size_t)p >= c->d->places.n) continue;
        int j = i - 1;
        while (j > lo && neClause_ng_token(&c->sv, j) && c->sv.t[j].place != p) j--;
        while (j > lo && c->sv.t[j].place == p) j--;
        if (j < lo || !locative(c, j)) continue;
        if (i > anchor) return p;
        if (before < 0) before = p;
    }
    return before;
}

/* Are a and b, present when ha and hb, one side of two events: both absent,
** or both present with one code? */
static int same_actor(const ne_actor *a, const ne_actor *b, int ha, int hb) {
    if (ha != hb) return 0;
    if (!ha) return 1;
    return a->code && b->code && !strcmp(a->code, b->code);
}

static int same_date(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

/* Does event a name everything b names: the same actor on each side b
** has, and a side b leaves empty ("police picked him up" after "he was
** detained by police": the event without a target is the same arrest)? */
static int covers(const ne_event *a, const ne_event *b) {
    return (!b->has_source || same_actor(&a->source, &b->source, a->has_source, 1)) &&
           (!b->has_target || same_actor(&a->target, &b->target, a->has_target, 1));
}

/* Adds ev to the document's events, or counts it as one more mention of
** an equal event: one event per (source, target, code, date); an event
** missing a side that another of the same code, date and other side has is
** counted as its mention (the fuller one is kept).  Returns NE_OK or
** NE_NOMEM. */
static int push_event(struct ne_doc *d, const ne_event *ev) {
    for (size_t i = 0; i < d->events.n; i++) {
        ne_event *x = NE_VEC_AT(d->events, ne_event, i);
        if (strcmp(x->code, ev->code) || !same_date(x->date, ev->date)) continue;
        int xs = covers(x, ev), sx = covers(ev, x);
        if (xs || sx) {
            if (!xs) { /* the new one is fuller: it takes the place, the count stays */
                int m = x->mentions;
                double cf = x->confidence;
                *x = *ev;
                x->mentions = m;
                if (cf > x->confidence) x->confidence = cf;
            }
            x->mentions++;
            if (ev->confidence > x->confidence) x->confidence = ev->confidence;
            return NE_OK;
        }
    }
    ne_event *x = neV_push(&d->arena, &d->events);
    if (!x) return NE_NOMEM;
    *x = *ev;
    x->mentions = 1;
    return NE_OK;
}

/* Widens the byte span [*s, *e) over token i of the view (none outside it). */
static void widen(const ne_sview *sv, int i, uint32_t *s, uint32_t *e) {
    if (i < 0 || i >= sv->n) return;
    if (sv->t[i].start < *s) *s = sv->t[i].start;
    if (sv->t[i].end > *e) *e = sv->t[i].end;
}

/* The --explain name of a frame's other reading (ev_frame.verbal). */
static const char *reading_name(const char *code) {
    return !strcmp(code, "111") ? "; verbal-attack" : !strcmp(code, "112") ? "; charge-accuses"
           : !strcmp(code, "180") ? "; unarmed-force" : !strcmp(code, "046") ? "; in-talks"
           : !strcmp(code, "061") ? "; firm-deal" : !strcmp(code, "114") ? "; firm-protest"
           : !strcmp(code, "1221") ? "; rejected-aid" : "; police-repression";
}

/* The --explain name of a frame's own code (ev_frame.cc): what replaced the
** pattern's code, read from the new code's root: an intention (03x,
** cameo/intent.tsv), a refusal (12x, refusal.tsv), a threat (13x,
** threat.tsv) or a visit and its hosting (042/043). */
static const char *recoded_name(const ev_frame *f) {
    if (f->visit) return "; visit";
    return !strcmp(f->cc->root, "03") ? "; intent" : !strcmp(f->cc->root, "12") ? "; refusal"
           : !strcmp(f->cc->root, "13") ? "; threat" : "; recoded";
}

/* The --explain name of where a frame's targets came from (ev_frame.far_target). */
static const char *far_target_name(ev_far_target far) {
    return far == EV_FAR_CONDITION   ? "; target=condition-subject"
           : far == EV_FAR_OBJECT_PP ? "; target=object-phrase"
                                     : "";
}

/* Give ev the CAMEO code cc: its code, root, class, weight and PLOVER type. */
static void set_code(ne_event *ev, const ne_cameo_code *cc) {
    neU_copy_cut(ev->code, sizeof ev->code, cc->code, SIZE_MAX);
    neU_copy_cut(ev->root, sizeof ev->root, cc->root, SIZE_MAX);
    ev->quad_class = cc->quad_class;
    ev->goldstein = cc->goldstein;
    ev->plover = cc->plover;
}

/* The bytes of the match's sentence an event of frame f rests on: from its
** anchor over the match's words and its sources, and over its targets when
** they lie outside the clause's slots (ev_frame.far_target). */
static void evidence_span(const ev_ctx *c, const ev_frame *f, ne_span *span) {
    uint32_t s = c->sv.t[c->m.anchor].start, e = c->sv.t[c->m.anchor].end;
    widen(&c->sv, c->m.begin, &s, &e);
    widen(&c->sv, c->m.end, &s, &e);
    widen(&c->sv, c->m.te, &s, &e);
    widen(&c->sv, c->m.bye, &s, &e);
    for (int k = 0; k < f->nsrc; k++) widen(&c->sv, mention_tok(&c->sv, f->src[k]), &s, &e);
    for (int k = 0; f->far_target != EV_FAR_NONE && k < f->ntgt; k++)
        widen(&c->sv, mention_tok(&c->sv, f->tgt[k]), &s, &e);
    span->start = s;
    span->end = e;
}

/* Who reports the match's event, whose evidence starts at byte s: the
** speaker of a quotation of the body holding it (the last such quotation's;
** "'We will retaliate,' the minister said"), else the reporter its clause
** names ("..., officials said": neClause_reporter, written into buf of cap
** bytes and cut to valid UTF-8).  NULL when no one is named. */
static const char *event_reporter(const ev_ctx *c, uint32_t s, char *buf, size_t cap) {
    const struct ne_doc *d = c->d;
    const char *rep = NULL;
    for (size_t q = 0; q < d->quotes.n && (c->sv.t[c->m.anchor].tags & NE_TAG_IN_QUOTE); q++) {
        const ne_quote *qt = NE_VEC_AT(d->quotes, ne_quote, q);
        if (qt->speaker >= 0 && qt->span.start <= s && s < qt->span.end && !c->sv.in_title) {
            const ne_actor *a = NE_VEC_AT(d->actors, ne_actor, neClause_resolve(d, qt->speaker));
            rep = a->name ? a->name : a->text;
        }
    }
    if (!rep) rep = neClause_reporter(&c->sv, c->m.anchor, buf, cap);
    if (rep == buf) neU_utf8_cut(buf); /* a long name cut at the buffer's end stays valid UTF-8 */
    return rep;
}

/* Fill the fields every event of this match shares. */
static int event_base(ev_ctx *c, const ev_frame *f, ne_event *ev) {
    const ne_cameo_code *cc = f->cc ? f->cc : c->m.pt->cameo;
    if (f->verbal) cc = neCameo_get(c->e->cameo, f->verbal);
    if (!cc) return NE_ERROR;
    struct ne_doc *d = c->d;
    memset(ev, 0, sizeof *ev);
    set_code(ev, cc);
    ev->date = clause_date(c, f->lo, f->hi, c->m.attach);
    if (!ev->date && d->date) {
        ev->date = d->date;
        ev->date_from_doc = 1;
    }
    ev->location = clause_place(c, f->lo, f->hi, c->m.anchor);
    ev->sentence = ne_pub_sent(d, c->sv.sent);
    ev->in_title = c->sv.in_title;
    evidence_span(c, f, &ev->span);
    ev->evidence = neA_strndup(&d->arena, c->sv.text + ev->span.start, ev->span.end - ev->span.start);
    char buf[160];
    const char *rep = event_reporter(c, ev->span.start, buf, sizeof buf);
    if (rep && !(ev->reported_by = neA_strndup(&d->arena, rep, strlen(rep)))) return NE_NOMEM;
    ev->confidence = f->conf * (rep ? 0.95 : 1.0) * (c->sv.in_title ? 0.9 : 1.0);
    if (d->explain) {
        ev->pattern = c->m.pt->text;
        ev->rule = neA_printf(&d->arena, "%s%s; voice=%s; date=%s%s", f->rule, far_target_name(f->far_target),
                              c->m.passive ? "passive" : "active",
                              ev->date_from_doc ? "document" : ev->date ? "clause-timex" : "none",
                              f->cc ? recoded_name(f) : f->verbal ? reading_name(f->verbal) : "");
        if (!ev->rule) return NE_NOMEM;
    }
    return ev->evidence ? NE_OK : NE_NOMEM;
}

/* Is mention r (a root) one person or organization with a name of its own:
** a person, or a dictionary organization, group, party or medium?  Not a
** country, nationality or capital ("Iran ... Tehran" is one actor twice). */
static int own_name(const struct ne_doc *d, int r) {
    const ne_actor *x = NE_VEC_AT(d->actors, ne_actor, r);
    const ne_actor_info *in = NE_VEC_AT(d->actor_info, ne_actor_info, r);
    if (x->kind == NE_ACTOR_PRONOUN || x->kind == NE_ACTOR_NOMINAL) return 0;
    return in->person == 1 || (x->kind == NE_ACTOR_NAMED && in->type >= NE_DT_PERSON && in->type <= NE_DT_MEDIA);
}

/* The intention to meet or negotiate (036), stated by coordinated actors
** ("Greece and Turkey agreed to resume talks"): each states it toward the
** other.  Not a one-sided intention ("X is set to visit Y").  So is an
** intention to cooperate (030: "Japan and Korea agreed to cooperate") and
** the intention (03x) of an act of cooperation both sides do ("X and Y will
** cooperate on energy", "agreed to expand trade": 060-064 and the joint
** acts); not a one-sided promise ("X and Y agreed to provide aid": 031). */
static int joint_intent(const ev_ctx *c, const ev_frame *f) {
    static const char *const mutual[] = {"060", "061", "062", "063", "064", NULL};
    const char *code = (f->cc ? f->cc : c->m.pt->cameo)->code, *act = c->m.pt->cameo->code;
    if (!f->cc) return !strcmp(code, "036") || !strcmp(code, "030");
    return !strncmp(code, "03", 2) && (joint_code(act) || ne_word_in(act, mutual));
}

/* Source a and target b share a code: still two actors when both are
** role groups from different mentions ("the mob killed three people":
** INDCVL on INDCVL), a plural role group and a named person or organization
** ("the leaders criticised modi"), or two differently named persons or organizations
** ("Clinton accused Trump": USA on USA in 2016), not one actor named twice
** ("Iran ... Tehran").  A side without a mention (-1: a source the event
** only implies, as neEvent_implied_police gives one) is never distinct. */
static int distinct_groups(const struct ne_doc *d, int a, int b) {
    if (a < 0 || b < 0 || (size_t)a >= d->actors.n || (size_t)b >= d->actors.n) return 0;
    int ra = neClause_resolve(d, a), rb = neClause_resolve(d, b);
    const ne_actor *x = NE_VEC_AT(d->actors, ne_actor, ra), *y = NE_VEC_AT(d->actors, ne_actor, rb);
    if (ra == rb) return 0;
    if (x->role && y->role && x->kind == NE_ACTOR_NOMINAL && y->kind == NE_ACTOR_NOMINAL) return 1;
    /* a region's government or office holder is not the national one, nor another region's
    ** ("the gujarat government" and "the centre", "the uttar pradesh chief minister") */
    const ne_actor_info *ix = NE_VEC_AT(d->actor_info, ne_actor_info, ra), *iy = NE_VEC_AT(d->actor_info, ne_actor_info, rb);
    if (ix->region != iy->region) return 1;
    /* a plural role group is not the one named person or organization ("the leaders
    ** criticised modi": several people on one) */
    if ((x->kind == NE_ACTOR_NOMINAL && ix->plural && own_name(d, rb)) ||
        (y->kind == NE_ACTOR_NOMINAL && iy->plural && own_name(d, ra)))
        return 1;
    /* nor is a party named by a description ("the congress" in Indian text, a party by the
    ** word's local role, coref.c local_role) a named person or organization ("samajwadi
    ** party president mulayam singh yadav criticised the congress": INDPTY on INDPTY) */
    if ((x->kind == NE_ACTOR_NOMINAL && party_in(x->role) && own_name(d, rb)) ||
        (y->kind == NE_ACTOR_NOMINAL && party_in(y->role) && own_name(d, ra)))
        return 1;
    const char *nx = x->name ? x->name : x->text, *ny = y->name ? y->name : y->text;
    return own_name(d, ra) && own_name(d, rb) && nx && ny && strcmp(nx, ny) != 0;
}

/* Roles that use force: an attack by them is an attack. */
static int armed_role(const ne_actor *a) {
    static const char *const armed[] = {"MIL", "REB", "INS", "UAF", "SEP", "RAD", "CRM", "COP", "SPY", NULL};
    if (a->country && !strcmp(a->country, "IMG")) return 1;
    return role_holds(a->role, armed);
}

/* Mention a (actor index, or a place) as its resolved actor and what is known of it. */
static const ne_actor *slot_actor(const struct ne_doc *d, int a, const ne_actor_info **in) {
    if (a < 0) return NULL;
    int r = neClause_resolve(d, a);
    *in = NE_VEC_AT(d->actor_info, ne_actor_info, r);
    return NE_VEC_AT(d->actors, ne_actor, r);
}

/* Words of speech: in the sentence of a state's attack (state_attack), or
** heading the subject of an attack (verbal_attack). */
static const char *const speech_words[] = {"saying", "tweet", "tweets", "tweeted", "twitter", "speech", "remark",
                                         "remarks", "comment", "comments", "interview", "statement", "rhetoric",
                                         "words", "verbal", "verbally", "criticism", "rally", "debate", "accusing",
                                         "calling", "describing", "blaming", "lashed", "slammed", NULL};

/* A head of state or government "attacking" only countries, named as such
** ("Putin attacked Ukraine", "the president attacked Iraq"), with no word of
** speech in the sentence and no reason after the match ("over", "for": "Biden
** attacked Russia over the invasion"): the use of force (190), as news reports
** a state's attack on another state.  Persons, parties, governments and
** statements as targets stay criticism (verbal_attack). */
static int state_attack(const ev_ctx *c, const ev_frame *f) {
    static const char *const reason[] = {"over", "for", NULL};
    const ne_actor_info *in;
    if (!f->nsrc || !f->ntgt) return 0;
    for (int k = 0; k < f->nsrc; k++) {
        const ne_actor *a = slot_actor(c->d, f->src[k], &in);
        if (!a || !in || in->person != 1 || !a->role || !strstr(a->role, "GOV") || party_in(a->role)) return 0;
    }
    for (int k = 0; k < f->ntgt; k++) {
        const ne_actor *a = slot_actor(c->d, f->tgt[k], &in);
        if (!a || !in || in->person == 1 || !a->code || !a->country || strcmp(a->code, a->country) ||
            !national(c, a->country))
            return 0;
    }
    if (c->m.end + 1 < c->sv.n && word_in(c, c->m.end + 1, reason)) return 0;
    return !span_has(c, 0, c->sv.n - 1, speech_words);
}

/* Does the match end in its target and a reason or a label given for the
** attack: "for" and an -ing verb ("attacked the vhp for failing to build the
** temple", "launched an attack on the government for granting approval"), or
** "as" and a quoted or "anti-" label ("attacked the vhp as 'anti-social
** elements'")?  Force has no such reason clause: that is criticism. */
static int attack_reason(const ev_ctx *c) {
    if (c->m.ts < 0) return 0;
    int hi = (c->m.te > c->m.end ? c->m.te : c->m.end) + 1; /* the slot may run over "as" */
    for (int k = c->m.ts + 1; k <= hi && k + 1 < c->sv.n; k++) {
        const ne_token *n = &c->sv.t[k + 1];
        if (tok_is(c, k, "for") && n->shape == NE_SH_LOWER && ne_ing_form(n)) return 1;
        if (tok_is(c, k, "as") && (n->shape == NE_SH_QUOTE || !strcmp(n->norm, "anti"))) return 1;
    }
    return 0;
}

/* A politician's "attack" (or clash, fight, war, offensive, pounding): one
** person of no armed role, a party or a legislature attacking, or an attack
** by no armed actor on one person or a party ("Trump attacked Clinton", "her
** attacks on Sanders", "a fight against Clinton and the Democrats"), in a
** sentence without words of violence, is criticism (CAMEO 111), not force
** (190).  Physical attacks name armed actors, places, weapons or victims. */
static const char *verbal_attack(const ev_ctx *c, const ev_frame *f) {
    static const char *const violence[] = {"kill", "wound", "wounded", "injure", "dead", "death", "die", "bomb",
                                           "shoot", "shot", "gun", "gunman", "knife", "stab", "explosion", "blast",
                                           "terror", "terrorist", "terrorism", "militant", "troops", "soldier",
                                           "rocket", "missile", "grenade", "weapon", "hostage", "massacre",
                                           "nightclub", "airport", "embassy", "consulate", "compound", "base",
                                           "hospital", "school", "church", "mosque", "temple", "synagogue",
                                           "hotel", "station", "convoy", "checkpoint", "mob", "mobs", "rioter",
                                           "rioters", "miscreants", "goon", "goons", "goonda", "goondas", /* thugs */
                                           "lathi", "lathis", "stone", "stones", NULL};
    static const char *const figurative[] = {"attack", "assault", "clash", "fight", "fighting", "war", "offensive",
                                             "pound", "pummel", "hammer", "batter", "strike", "struck", NULL};
    if (strcmp(c->m.pt->cameo->root, "19")) return 0;
    int fig = 0, b = c->m.begin < c->m.anchor ? c->m.begin : c->m.anchor; /* "stepped up his attacks on" */
    for (int i = b; i <= c->m.end && i < c->sv.n && !fig; i++)
        for (const char *const *w = figurative; *w && !fig; w++) fig = !strcmp(c->sv.t[i].lemma, *w);
    if (!fig) return 0;
    int p = c->m.ts > 0 ? c->m.ts - 1 : -1; /* "attacks in Paris": a place was hit; "struck back at X" a retort */
    if (p >= 0 && (tok_is(c, p, "in") || tok_is(c, p, "inside") || tok_is(c, p, "at")) && !(p > 0 && tok_is(c, p - 1, "back")))
        return 0;
    const struct ne_doc *d = c->d;
    const ne_actor_info *in;
    int person_src = 0, person_tgt = 0;
    for (int k = 0; k < f->nsrc; k++) {
        const ne_actor *a = slot_actor(d, f->src[k], &in);
        if (!a || armed_role(a) || !in) return 0;
        person_src |= in->person == 1 && a->kind != NE_ACTOR_NOMINAL && (!a->role || !strstr(a->role, "CVL"));
        person_src |= party_in(a->code) || (a->role && strstr(a->role, "LEG")); /* "the Republicans waged a war on" */
    }
    for (int k = 0; k < f->ntgt; k++) {
        const ne_actor *a = slot_actor(d, f->tgt[k], &in);
        if (!a || armed_role(a)) return 0;
        person_tgt |= in->person == 1 || party_in(a->role);
    }
    if (attack_reason(c)) return "111"; /* "attacked the vhp for failing to build the temple" */
    int h = c->m.anchor - 1; /* "Iran's statement attacks Israel", "his remarks attacked Obama": words attack */
    if (h >= 0 && c->m.begin >= c->m.anchor && ne_word_in(c->sv.t[h].norm, speech_words)) return "111";
    if ((!person_src && !person_tgt) || state_attack(c, f) || span_has(c, 0, c->sv.n - 1, violence)) return 0;
    return "111";
}

/* A protest, demonstration, rally or march (140, 141x) whose every source is
** one person ("Trump's massive rallies", "his march to the nomination",
** "she's protesting", "Sanders held a rally", "Cruz is protesting Obama's
** order"): CAMEO 14 is dissent shown collectively (codebook 141: "dissent
** collectively ... gather to protest"); one politician's rally is a campaign
** event, and his "protest" against someone is words of disapproval.  A
** group's sources ("Sanders demonstrators marched", subject-member-of) and
** the protests, sit-ins, strikes and boycotts one person stages or leads
** ("BJP leader Ram Singh staged a protest") are not asked; of "hold", only a
** rally held is.
** For such a match a protest against a target codes criticism (f->verbal
** "111"; returns 0), anything else nothing (returns 1: a rally "at" a campus
** names no target).  Returns 0 for any other match. */
static int lone_protest(const ev_ctx *c, ev_frame *f) {
    static const char *const dissent[] = {"protest", "demonstrate", "demonstration", "rally", "march", NULL};
    static const char *const rally[] = {"rally", NULL};
    const char *code = (f->cc ? f->cc : c->m.pt->cameo)->code;
    int held = !strcmp(c->sv.t[c->m.anchor].lemma, "hold") && span_has(c, c->m.anchor, c->m.end, rally);
    if (strncmp(code, "14", 2) || (code[2] != '0' && code[2] != '1') || !f->nsrc ||
        !(held || word_in(c, c->m.anchor, dissent)) || !strncmp(f->rule, "subject-member-of", 17))
        return 0;
    for (int k = 0; k < f->nsrc; k++) {
        const ne_actor_info *in;
        const ne_actor *a = slot_actor(c->d, f->src[k], &in);
        if (!a || !in || in->person != 1 || in->plural) return 0;
    }
    if (!f->ntgt || strcmp(c->sv.t[c->m.anchor].lemma, "protest")) return 1; /* "Sanders held a rally at X" */
    f->verbal = "111"; /* "Cruz is protesting Obama's order" */
    return 0;
}

/* Does the sentence name a crowd, a protest or a riot (a mob, protesters, a
** procession, a bandh, stones thrown)? */
static int crowd_sentence(const ev_ctx *c) {
    static const char *const crowd[] = {"mob", "mobs", "crowd", "crowds", "protest", "protester", "protesters",
                                        "protestor", "protestors", "demonstrator", "demonstrators",
                                        "demonstration", "rioter", "rioters", "riot", "riots", "agitator",
                                        "agitators", "agitation", "procession", "rally", "bandh", "dharna",
                                        "gathering", "stone", "stones", "brickbat", "brickbats", NULL};
    return span_has(c, 0, c->sv.n - 1, crowd);
}

/* Are the n (at least one) targets tg[] of police force one person each (the
** actors stage's person flag, singular: "a youth", "the vendor", a named man)
** in a sentence that names no crowd, protest or riot (crowd_sentence)?  Police
** firing, lathi charges and tear gas on crowds are repression (175); a police
** shooting of one person who was not protesting is 180 (docs/ANNOTATION.md
** rule 10). */
static int lone_victim(const ev_ctx *c, const int *tg, int n) {
    const ne_actor_info *in;
    if (!n || crowd_sentence(c)) return 0;
    for (int k = 0; k < n; k++) {
        const ne_actor *a = slot_actor(c->d, tg[k], &in);
        if (!a || !in || !in->person || in->plural) return 0; /* 2: a person word the dictionaries cannot tell */
    }
    return 1;
}

/* Force outside organized fighting (CAMEO codebook 2.18, 180: violence that
** needs no organization or conventional weapons; docs/ANNOTATION.md rules 3
** and 10): a root-19 act by civilians (a mob, rioters) is 180, and one by
** the police on civilians or the opposition 175, deaths or not (police_firing
** codes it where the target is not in the frame).  Two-sided fights ("kar
** sevaks clashed with police") stay 190.  A police shooting or beating of
** one person in a sentence that names no crowd or protest ("police shot dead
** a youth", "a constable beat a vendor") is no repression of a crowd but
** violence on that person, 180 (docs/ANNOTATION.md rule 10; lone_victim). */
static const char *unarmed_force(const ev_ctx *c, const ev_frame *f) {
    static const char *const mutual[] = {"clash", "fight", "battle", "skirmish", "exchange", NULL};
    if (strcmp(c->m.pt->cameo->root, "19") || !f->nsrc || word_in(c, c->m.anchor, mutual)) return NULL;
    int mob = 1, police = 1;
    const ne_actor_info *in;
    for (int k = 0; k < f->nsrc; k++) {
        const ne_actor *a = slot_actor(c->d, f->src[k], &in);
        if (!a || !a->role) return NULL;
        mob &= !strcmp(a->role, "CVL");
        police &= !strcmp(a->role, "COP");
    }
    if (mob) return "180";
    if (!police || !f->ntgt) return NULL;
    for (int k = 0; k < f->ntgt; k++) {
        const ne_actor *a = slot_actor(c->d, f->tgt[k], &in);
        if (!a || !a->role || (strcmp(a->role, "CVL") && strcmp(a->role, "OPP"))) return NULL;
    }
    return lone_victim(c, f->tgt, f->ntgt) ? "180" : "175";
}

/* "Charged X with" is a legal charge (173) when police, courts, prosecutors,
** a government or its forces bring it, or when nobody is named ("was charged
** with murder"); from a party, a politician or a group it is an accusation
** (112: "the Congress charged the BJP with politicising the issue"), and so
** it is when no one is named who charged a government, a party or a
** legislature ("jilani charging the central government with not fulfilling
** its duties": an unknown speaker). */
static const char *charge_accuses(const ev_ctx *c, const ev_frame *f) {
    static const char *const legal[] = {"COP", "JUD", "GOV", "MIL", "SPY", NULL};
    static const char *const political[] = {"GOV", "PTY", "LEG", NULL};
    if (strncmp(c->m.pt->cameo->code, "173", 3) || strcmp(c->sv.t[c->m.anchor].lemma, "charge") || c->m.passive)
        return NULL;
    if (!f->nsrc) { /* no one named: a government or a party charged "with not fulfilling its duty" is accused */
        for (int k = 0; k < f->ntgt; k++) {
            const ne_actor_info *in;
            const ne_actor *a = slot_actor(c->d, f->tgt[k], &in);
            if (!a || !role_holds(a->role, political)) return NULL;
        }
        return f->ntgt ? "112" : NULL;
    }
    for (int k = 0; k < f->nsrc; k++) {
        const ne_actor_info *in;
        const ne_actor *a = slot_actor(c->d, f->src[k], &in);
        if (!a || (a->country && !strcmp(a->country, "IGO"))) return NULL;
        if (role_holds(a->role, legal) && !party_in(a->role)) return NULL; /* a ruling party is a party here */
    }
    return "112";
}

/* Events that a sentence codes only when nothing better comes (flush_held):
** a bare statement (010) with a source, an event noun without a source, a
** verbal or cooperative act without a source.  Force without a known author
** ("five people were killed") stays. */
static int held_back(const ev_ctx *c, const ne_event *ev) {
    if (ev->has_source) return !strcmp(ev->code, "010");
    return c->m.pt->kind == 'n' || ev->quad_class != 4;
}

/* An event with no source in the body of a text, past its first sentence,
** from an event noun or from a verb outside material conflict (roots 14-20):
** not coded.  A lead may report news without its author ("the French
** government was criticized for ..."); further down, an act whose author the
** engine cannot name is one whose subject it missed (a pronoun or a
** participle it did not resolve: "thanked him for", "endorsed Clinton") or a
** mention of an event reported elsewhere ("the attacks in Paris"), and a
** missing source gives a wrong event either way.  So is conventional force
** (root 19: "were killed", "was shot dead", "the firing") with no author
** found there: a casualty count or a restatement whose shooter the engine
** missed (mobs' and terrorists' acts got their authors before: implied_mob,
** neEvent_terror_attackers).  Other force whose author is unknown ("five
** people were beaten") stays, as do arrests given to the police
** (neEvent_implied_police).  So does a statement named by a noun there ("his
** news conference", "the declaration"): in the body it is a thing talked
** about, or the frame of what is reported, not a statement to code (010). */
static int body_mention(const ev_ctx *c, const ne_event *ev) {
    if (ev->in_title || ev->sentence < 1) return 0;
    static const char *const saying[] = {"say", "talk", "speak", NULL};
    if (ev->has_source)
        return !strcmp(ev->code, "010") && (c->m.pt->kind == 'n' || word_in(c, c->m.anchor, saying));
    return c->m.pt->kind == 'n' || ev->quad_class != 4 || !strcmp(ev->root, "19");
}

int neEvent_implied_actor(const ev_ctx *c, const ne_event *ev, const char *cc, const char *role, const char *name,
                          ne_actor *out) {
    memset(out, 0, sizeof *out);
    out->name = name;
    out->code = neA_code(&c->d->arena, cc, role);
    out->country = cc;
    out->role = role;
    out->sentence = ev->sentence;
    out->in_title = ev->in_title;
    out->kind = NE_ACTOR_NOMINAL;
    out->ref = -1;
    return out->code != NULL;
}

const char *neEvent_place_country(const ev_ctx *c, const ne_event *ev, const char *fallback) {
    const char *cc = fallback;
    if (ev->location >= 0 && (size_t)ev->location < c->d->places.n)
        cc = NE_VEC_AT(c->d->places, ne_place, (size_t)ev->location)->country;
    return national(c, cc);
}

const char *neEvent_country(const ev_ctx *c, const ne_event *ev) { return neEvent_place_country(c, ev, c->d->main_cc); }

static const char *const unrest_words[] = {"riot", "riots", "rioting", "rioter", "rioters", "mob", "mobs",
                                           "communal", "sectarian", "carnage", "frenzy", "lynching", NULL};

/* Does the sentence speak of riots, mobs or communal or sectarian unrest? */
static int unrest_sentence(const ev_ctx *c) { return span_has(c, 0, c->sv.n - 1, unrest_words); }

int neEvent_unrest_text(ev_ctx *c) {
    if (unrest_sentence(c)) return 1;
    if (!c->unrest_doc) {
        int n = 0;
        for (size_t i = 0; i < c->d->tokens.n && n < 2; i++) {
            const ne_token *t = NE_VEC_AT(c->d->tokens, ne_token, i);
            n += ne_word_in(t->lemma, unrest_words) || ne_word_in(t->norm, unrest_words);
        }
        c->unrest_doc = n >= 2 ? 2 : 1;
    }
    return c->unrest_doc == 2;
}

int neEvent_unnamed_subject(const ev_ctx *c, int vs, const int *subj, int ns) {
    const ne_pattern *pt = c->m.pt;
    if (pt->kind != 'v' || !pt->cameo || strcmp(pt->cameo->code, "173") || !pt->has_target) return 0;
    for (int k = 0; k < pt->nelems; k++)
        if (pt->elems[k].need_actor) return 0;
    for (int k = 0; k < ns; k++)
        if (subj[k] < 0 || NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, subj[k]))->code) return 0;
    int j = vs - 1;
    return j >= 0 && neClause_ng_token(&c->sv, j);
}

/* A passive arrest of people the text names by no actor (neEvent_unnamed_subject):
** civilians (CVL) of the country where it happens (the clause's place, else
** the document's main country, else of no country known), so that the event
** is kept and neEvent_implied_police can name the police (docs/ANNOTATION.md
** rule 11: "300 activists were arrested on Saturday").  Fills ev->target. */
static int unnamed_arrested(const ev_ctx *c, ne_event *ev) {
    return neEvent_implied_actor(c, ev, neEvent_country(c, ev), "CVL", "arrested", &ev->target);
}

/* A passive arrest of someone the dictionaries do not know ("jitendra pandya
** has also been arrested", "bilal was remanded to police custody"): the
** arrested is taken to be of the country where it happens (the clause's
** place, else the document's main country), so that neEvent_implied_police
** can name the police.  t is the target mention; fills ev->target and
** returns 1 when it did. */
static int unknown_arrested(const ev_ctx *c, ne_event *ev, int t) {
    if (t < 0 || ev->has_target || strcmp(ev->code, "173") || c->m.pt->kind != 'v' || !c->m.passive) return 0;
    const ne_actor *a = NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, t));
    const char *cc = neEvent_country(c, ev);
    if (a->kind != NE_ACTOR_UNKNOWN || a->code || !cc) return 0;
    ev->target = *a;
    ev->target.text = NE_VEC_AT(c->d->actors, ne_actor, t)->text;
    ev->target.code = ev->target.country = cc;
    return 1;
}

/* The code of a target with role `role` in the country where the event
** happens: the event's place, else the source's own country (*cc gets it);
** NULL when there is none (domestic_target, home_front_target). */
static const char *home_code(const ev_ctx *c, ne_event *ev, const char *role, const char **cc) {
    *cc = neEvent_place_country(c, ev, national(c, ev->source.country));
    return *cc ? neA_code(&c->d->arena, *cc, role) : NULL;
}

/* Coercion by a country's actor of people the text names only by their role,
** in a text split between countries that gave them no country ("Congo has freed
** a US diplomat but is still detaining several political activists"): they are
** of the country where it happens, the event's place, else the source's own
** country (docs/ANNOTATION.md rule 3: "IND COP arrests IND CVL"). */
static int domestic_target(const ev_ctx *c, ne_event *ev, int t) {
    if (t < 0 || ev->has_target || !ev->has_source || strcmp(ev->root, "17")) return 0;
    const ne_actor *a = NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, t));
    if (a->code || a->kind != NE_ACTOR_NOMINAL || !a->role || !a->role[0]) return 0;
    const char *cc, *code = home_code(c, ev, a->role, &cc);
    if (!code) return 0;
    ev->target = *a;
    ev->target.text = NE_VEC_AT(c->d->actors, ne_actor, t)->text;
    ev->target.code = code;
    ev->target.country = cc;
    return 1;
}

/* Is token k a word of an unknown name in lower-case text: three letters
** a-z or more, no actor, place, function word, common word of the lexicon
** (nor the inflection of one) or stopword ("veerendrakumar", "babbar")? */
static int plain_name(const ev_ctx *c, int k) {
    const ne_token *t = &c->sv.t[k];
    if (t->shape != NE_SH_LOWER || t->norm_len < 3 || t->actor >= 0 || t->place >= 0 ||
        NE_VEC_AT(c->d->sentences, ne_sentence, t->sent)->caseless != NE_CASELESS_LOWER)
        return 0;
    for (size_t b = 0; b < t->norm_len; b++) /* letters a-z only: "modiâ" is a name run into mis-decoded quotes */
        if (t->norm[b] < 'a' || t->norm[b] > 'z') return 0;
    const ne_lexicon *lx = c->e->lexicon;
    if (ne_inflected(t) && neLemma_common(lx, t->lemma, strlen(t->lemma))) return 0; /* "efforts" */
    return !neLemma_class(lx, t->norm, t->norm_len) && !neLemma_common(lx, t->norm, t->norm_len) &&
           !(c->e->stopwords && neW_get(c->e->stopwords, t->norm, t->norm_len, -1));
}

/* Titles before a name in lower-case text (neEvent_nameless_subject, nameless_target). */
static const char *const honorifics[] = {"mr", "ms", "mrs", "dr", "shri", "smt", "prof", NULL};

/* What may stand right before a subject name that opens its clause: a comma,
** a colon, a quotation mark, "and", "but" (neEvent_nameless_subject,
** neEvent_unknown_subject). */
static const char *const subject_openers[] = {",", ":", "\"", "'", "``", "''", "and", "but", NULL};

/* Offices and callings that end a long lower-case title right before a
** person's name ("kanchi seer jayendra saraswathi", "film actress shabana
** azmi", "vhp leader ashok singhal": neEvent_nameless_subject). */
static const char *const name_titles[] = {"leader", "president", "chief", "convenor", "convener", "secretary",
                                          "spokesman", "spokesperson", "member", "minister", "mp", "mla", "seer",
                                          "actress", "actor", "activist", "chairman", "chairperson", "founder",
                                          "supremo", "trustee", "imam", "mahant", "priest", "pontiff", "swami",
                                          "maulana", "commissioner", "collector", "magistrate", "lawyer",
                                          "advocate", "poet", "writer", "author", "scholar", "journalist", "editor",
                                          "speaker", "governor", "mayor", "councillor", "corporator", "director",
                                          "principal", "professor", "historian", "industrialist", NULL};

/* The token before a time phrase that ends at token k between a subject and
** its verb ("jagannath mishra on tuesday demanded", "on monday evening",
** "late on friday", "today": neClause_time_before) or before "here", else k. */
static int before_time_phrase(const ev_ctx *c, int k, int lo) {
    if (k >= lo && tok_is(c, k, "here")) return k - 1;
    int d = neClause_time_before(&c->sv, k, lo);
    return d >= 0 ? d - 1 : k;
}

/* Is the verb at vs the -ing word opening its sentence (after a dateline's
** colon), whose main clause after the first comma has for subject an unknown
** lower-case name, an optional honorific and one to three plain name words
** right before its verb ("attacking the vhp, yadav said", "criticising the
** bjp, mr gill said")? */
static int nameless_main_subject(const ev_ctx *c, int vs) {
    const ne_sview *sv = &c->sv;
    const ne_token *t = &sv->t[vs];
    if (t->norm_len < 4 || strcmp(t->norm + t->norm_len - 3, "ing") || (vs > 0 && !tok_is(c, vs - 1, ":"))) return 0;
    int k = vs + 1;
    while (k < sv->n && !tok_is(c, k, ",") && !tok_is(c, k, ".") && !tok_is(c, k, ";")) k++;
    if (k >= sv->n || !tok_is(c, k, ",")) return 0;
    int s = k + 1, n = 0;
    if (s < sv->n && ne_word_in(sv->t[s].norm, honorifics)) s++;
    for (k = s; k < sv->n && n < 3 && plain_name(c, k); k++) n++;
    return n > 0 && k < sv->n && sv->isverb[k];
}

int neEvent_nameless_subject(const ev_ctx *c, int vs, int lo) {
    int k = vs - 1, n = 0;
    while (k >= lo && c->sv.wc[k] == NE_WC_ADV) k--;
    k = before_time_phrase(c, k, lo); /* "shabana azmi on wednesday demanded" */
    while (k >= lo && c->sv.wc[k] == NE_WC_ADV) k--;
    /* the antecedent of "who" ("jethmalani, who earlier met naidu, ..."): before the clause */
    if (k >= 2 && k <= lo && ne_word_is(c->sv.t[k].norm, "who") && ne_word_is(c->sv.t[k - 1].norm, ",")) {
        k -= 2;
        lo = 0;
    }
    for (; k >= lo && n < 3 && plain_name(c, k); k--) n++;
    return n > 0 && (k < lo || ne_word_in(c->sv.t[k].norm, subject_openers) || ne_word_in(c->sv.t[k].norm, honorifics) ||
                     ne_word_in(c->sv.t[k].norm, name_titles));
}

/* A person of the document's main country, by the country alone
** (docs/ANNOTATION.md rule 9), as unknown_person codes an unknown target:
** the side of a verbal act named only by an unknown lower-case name
** (neEvent_nameless_subject) or a lone pronoun (lone_person_pronoun).  Fills
** *out; 0 without a main country. */
static int main_person(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    const char *cc = national(c, c->d->main_cc);
    return cc && neEvent_implied_actor(c, ev, cc, NULL, "person", out);
}

/* Is mention a, a side of verbal act ev, a "he", "she", "him" or "her" that
** stands for no one coreference found (coref.c; in lower-case text mostly a
** person introduced by a long title and an unknown name: "president of the
** bihar pradesh congress committee shakeel ahmad said ... he urged the
** centre")?  Such a side is a person of the main country (main_person), as an
** unknown lower-case name is; only in lower-case text, where names go unread. */
static int lone_person_pronoun(const ev_ctx *c, const ne_event *ev, int a) {
    if (a < 0 || (size_t)a >= c->d->actors.n || !verbal_root(ev->root)) return 0;
    const ne_actor *m = NE_VEC_AT(c->d->actors, ne_actor, a);
    const ne_actor *x = NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, a));
    static const char *const persons[] = {"he", "she", "him", "her", NULL};
    return m->kind == NE_ACTOR_PRONOUN && !x->code && m->text && ne_word_in(m->text, persons) &&
           NE_VEC_AT(c->d->sentences, ne_sentence, c->sv.sent)->caseless == NE_CASELESS_LOWER;
}

/* The target slot of a verbal act in lower-case text holding only an
** unknown name, one to three plain name words after an optional honorific
** ("lashed out at jethmalani", "met raval twice"): a person of the main
** country, by the country alone (main_person).
** Fills ev->target. */
static int nameless_target(const ev_ctx *c, ne_event *ev) {
    if (c->m.ts < 0 || !verbal_root(ev->root)) return 0;
    int k = c->m.ts, n = 0;
    if (k <= c->m.te && ne_word_in(c->sv.t[k].norm, honorifics)) k++;
    for (; k <= c->m.te && k < c->sv.n && plain_name(c, k); k++) n++;
    /* the name ends the slot, or a locative or an adverb follows it ("jethmalani in lucknow", "raval twice") */
    int ends = k > c->m.te || (k < c->sv.n && (c->sv.wc[k] == NE_WC_PREP || c->sv.wc[k] == NE_WC_ADV));
    return n > 0 && n <= 3 && ends && main_person(c, ev, &ev->target);
}

/* Is mention a (or -1) a name of lo to hi words that no entry or title codes
** (kind unknown, no code, no role: "Khizr Khan", "the Neighborhood
** Association")?  Its info when it is, else NULL. */
static const ne_actor_info *uncoded_name(const ev_ctx *c, int a, uint32_t lo, uint32_t hi) {
    if (a < 0 || (size_t)a >= c->d->actors.n) return NULL;
    const ne_actor *ac = NE_VEC_AT(c->d->actors, ne_actor, a);
    const ne_actor_info *in = NE_VEC_AT(c->d->actor_info, ne_actor_info, a);
    uint32_t n = in->tok_end - in->tok_first;
    return ac->kind == NE_ACTOR_UNKNOWN && !ac->code && !(ac->role && ac->role[0]) && n >= lo && n <= hi ? in : NULL;
}

/* Is mention a (or -1) a person's name the dictionaries do not know: two or
** three capitalized words that no entry, place or earlier mention codes?  So
** is an organization's name of that kind (actor.c org_name: "the Neighborhood
** Association"), coded the same way. */
static int unknown_name(const ev_ctx *c, int a) {
    const ne_actor_info *in = uncoded_name(c, a, 2, 3);
    return in && NE_VEC_AT(c->d->actors, ne_actor, a)->ref < 0 && (in->person == 1 || in->type == NE_DT_ORG);
}

/* A person the dictionaries do not know, named in the target slot of a verbal
** act ("Trump lashed out at Khizr Khan", "praised Jane Roe"): a name of two
** or three capitalized words that no entry, place or earlier mention codes is
** taken to be of the document's main country (without one, of the source's
** country); so is one in the target slot of any other act but violence
** (18-20: the victim of an armed force may be of another country) with the
** event's place first ("conceded to demands from the Neighborhood
** Association", "gave aid to ..."), coded by the country alone, as CAMEO
** codes a person who holds no office (docs/ANNOTATION.md rule 9; coref.c
** main_country_persons does the same for names the text shows to be persons).
** t is the slot's actor (-1: none); `fits` tells the names it takes
** (unknown_name; any_unknown_name when every other finder has failed); fills
** ev->target and returns 1 when it did. */
static int unknown_person(const ev_ctx *c, ne_event *ev, int t, int (*fits)(const ev_ctx *, int)) {
    int verbal = verbal_root(ev->root);
    if (t >= 0 || ev->has_target || c->m.ts < 0 || violent_root(ev->root)) return 0;
    /* a material act (aid, a concession, a ban, an arrest) happens somewhere: the place's country first */
    const char *cc = verbal ? national(c, c->d->main_cc) : neEvent_country(c, ev);
    if (!cc && ev->has_source) cc = national(c, ev->source.country); /* no main country: the source's own */
    for (int k = c->m.ts; cc && k <= c->m.te && k < c->sv.n; k++) {
        if (!fits(c, c->sv.t[k].actor)) continue;
        ev->target = *NE_VEC_AT(c->d->actors, ne_actor, c->sv.t[k].actor);
        ev->target.code = ev->target.country = cc;
        return 1;
    }
    return 0;
}

/* Is mention a (or -1), or the mention it refers to, a capitalized name of one
** to four words that no entry, place, title or earlier mention codes, whatever
** the text shows it to be ("Trump accused Holt", "Democrats blasted
** Oversight", "railed against Wall Street", "the union invested $10 million in
** the Federal No. 2 mine")?  unknown_person's last resort for a target slot
** that no other finder filled: such a name in the news of one country is
** mostly of that country. */
static int any_unknown_name(const ev_ctx *c, int a) {
    const ne_actor_info *in = uncoded_name(c, a < 0 ? a : neClause_resolve(c->d, a), 1, 4);
    return in && in->type != NE_DT_PLACE;
}

int neEvent_unknown_subject(const ev_ctx *c, int vs, int lo) {
    int k = vs - 1;
    while (k >= lo && c->sv.wc[k] == NE_WC_ADV) k--;
    if (k < lo || k < 0) return 0;
    int a = c->sv.t[k].actor;
    if (a < 0 || (size_t)a >= c->d->actors.n) return 0;
    const ne_actor_info *in = uncoded_name(c, neClause_resolve(c->d, a), 0, 6);
    if (!in || in->person != 1 || in->type == NE_DT_PLACE) return 0;
    while (k > lo && c->sv.t[k - 1].actor == a) k--;
    return k <= lo || ne_word_in(c->sv.t[k - 1].norm, subject_openers);
}

/* A target the text names by a role of the home front only ("opened fraud
** investigations into hundreds of banks", "criticized the media", "arrested
** the protesters"), whose country nothing gave (coreference leaves it the
** role alone, "BUS", when the text is split between countries or too short
** to have a main country): the country where it happens, the event's place,
** else the source's own country, as domestic_target does for coercion
** (docs/ANNOTATION.md rule 3: "IND COP arrests IND CVL").  Government,
** armed forces and armed groups are left alone: they are as often another
** country's; so is the target of violence (18-20) by any source but police
** or civilians.  Returns 1 when it gave the target a country. */
static int home_front_target(const ev_ctx *c, ne_event *ev) {
    static const char *const home[] = {"CVL", "BUS", "OPP", "MED", "LEG", "JUD", "COP", "PTY", "LAB", "EDU",
                                       "HLH", "AGR", "CRM", NULL};
    static const char *const home_force[] = {"COP", "CVL", NULL};
    if (!ev->has_target || ev->target.country || !ev->has_source || !ev->target.role || !ne_word_in(ev->target.role, home))
        return 0;
    /* violence: police firing on protesters is domestic, a country attacking "a police station" may not be */
    if (violent_root(ev->root) && (!ev->source.role || !ne_word_in(ev->source.role, home_force)))
        return 0;
    const char *cc, *code = home_code(c, ev, ev->target.role, &cc);
    if (!code) return 0;
    ev->target.code = code;
    ev->target.country = cc;
    return 1;
}

int neEvent_recode(const ev_ctx *c, ne_event *ev, const char *code) {
    const ne_cameo_code *cc = neCameo_get(c->e->cameo, code);
    if (!cc) return 0;
    set_code(ev, cc);
    return 1;
}

/* The act that ev answers (a denial the accusation, a rejection the
** demand), reported as made (docs/ANNOTATION.md rule 5): code from ev's
** target to its source, pushed as a copy of ev.  Returns NE_OK (also when
** the code list has no such code) or an error. */
static int push_answered(ev_ctx *c, const ne_event *ev, const char *code) {
    const ne_cameo_code *cc = neCameo_get(c->e->cameo, code);
    if (!cc) return NE_OK;
    ne_event x = *ev;
    set_code(&x, cc);
    x.source = ev->target;
    x.target = ev->source;
    return push_event(c->d, &x);
}

/* A denial of an accusation that names the accuser ("Pakistan rejected US
** assertions that it shelters militants", "rejected accusations by the US
** that ...", "denied the allegations by the party's city chief"): the denial
** is 016 toward the accuser (docs/ANNOTATION.md rule 10), and the accusation
** it answers, reported as made, is the accuser's 112 against the one who
** denies (rule 5).  ev is the denial, its target the accuser its slot named
** (slot 1); pushes the accusation.  Returns NE_OK or an error. */
static int denied_accusation(ev_ctx *c, const ne_event *ev, int slot) {
    static const char *const nouns[] = {"accusation", "allegation", "charge", "assertion", "claim", NULL};
    if (!slot || strcmp(ev->code, "016") || !ev->has_source || !ev->has_target || c->m.pt->kind != 'v') return NE_OK;
    return span_has(c, c->m.anchor + 1, c->m.end, nouns) ? push_answered(c, ev, "112") : NE_OK;
}

/* A rejection of a demand that names who made it ("Advani rejected the
** Congress demand for handing over the city to the army", "rejecting the
** opposition demand for his resignation"): the rejection is 12x toward the
** one who demanded (its slot, slot 1), and the demand it answers, reported
** as made, is that actor's toward the one who rejects it: 1041 when it is
** for a resignation, ouster, removal or dismissal, 105 for compensation
** (docs/ANNOTATION.md rule 15), else 100 (CAMEO codebook 2.10; the devart
** gold codes both).  Pushes the demand.  Returns NE_OK or
** an error. */
static int rejected_demand(ev_ctx *c, const ne_event *ev, int slot) {
    static const char *const nouns[] = {"demand", "demands", NULL};
    static const char *const leader[] = {"resignation", "ouster", "removal", "dismissal", "sacking", NULL};
    static const char *const redress[] = {"compensation", "reparation", "reparations", "restitution", NULL};
    if (!slot || strcmp(ev->root, "12") || !ev->has_source || !ev->has_target || c->m.pt->kind != 'v') return NE_OK;
    int k = c->m.anchor + 1, d = -1;
    for (; k <= c->m.end && d < 0; k++)
        if (word_in(c, k, nouns)) d = k;
    if (d < 0) return NE_OK;
    int e = d + 6 < c->sv.n ? d + 6 : c->sv.n - 1;
    const char *code = span_has(c, d + 1, e, leader) ? "1041" : span_has(c, d + 1, e, redress) ? "105" : "100";
    return push_answered(c, ev, code);
}

/* The owner of a thing disapproved of or rejected by its definite name ("Clinton
** slammed the proposal", "the prime minister rejected the plan") after the
** article named it with its owner ("Trump's proposal to ban ...", "his plan"):
** the actor in the possessive at most two words before the same noun in an
** earlier sentence (the latest such mention).  Disapproval of a policy or an
** action is of those responsible for it (CAMEO codebook 2.11, 111: "condemn,
** decry a policy or an action"), a rejection of a proposal toward whoever made
** it (2.12).  Roots 11 and 12, a slot "the/this/that NOUN" that names no
** actor.  Fills *out and returns the owner's mention, else -1. */
static int thing_owner(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    const ne_sview *sv = &c->sv;
    if (strcmp(ev->root, "11") && strcmp(ev->root, "12")) return -1;
    int te = definite_head(c, c->m.ts, c->m.te);
    if (te < 0) return -1;
    const ne_sentence *st = NE_VEC_AT(c->d->sentences, ne_sentence, sv->sent);
    const ne_token *doc = NE_VEC_AT(c->d->tokens, ne_token, 0);
    const char *head = sv->t[te].lemma;
    uint32_t lo = st->tok_first > 600 ? st->tok_first - 600 : 0;
    for (uint32_t k = st->tok_first; k-- > lo + 1;) {
        if (strcmp(doc[k].lemma, head)) continue;
        for (uint32_t j = k - 1, n = 0; n < 3 && j >= lo; j--, n++) { /* "Trump's (new) (immigration) plan", "his plan" */
            const ne_token *p = &doc[j];
            static const char *const own[] = {"his", "her", "its", "their", NULL};
            int poss = NE_WCLASS(p) == NE_WC_POSS || ne_word_in(p->norm, own);
            int a = poss && p->actor < 0 && j > lo ? doc[j - 1].actor : p->actor; /* "Trump 's": the name before */
            if (poss && a >= 0) {
                int r;
                return fill_actor(c->d, a, out, &r) && out->code ? a : -1;
            }
            if (poss || p->actor >= 0 || p->shape == NE_SH_PUNCT || j == 0) break;
        }
    }
    return -1;
}

/* The author of an earlier act that a reaction (reaction_root) names by a
** definite event noun in its target slot, with no actor of its own ("Israel
** bombed a camp. Egypt condemned the attack": ISR; "France welcomed the
** decision", "protested the arrests", "Tuesday's raids"): the source of the
** nearest earlier event of the article (in the same sentence, before the
** anchor, or in the three before it) whose code is of a kind the noun names
** (cameo/event_nouns.tsv: an attack roots 18-20, an arrest 17, a decision
** any act), by another actor than the reaction's own source (a country does
** not condemn its own act).  Not for an indefinite or bare noun ("an
** attack", "attacks": no one act), nor one that names its author ("Iran's
** strike", "the attack by Hamas": the slot's actor).  A pattern without a
** slot takes the act from a phrase of cause right after its words ("recalled
** its ambassador over the raid", "threatened to retaliate for the attack",
** "protested against the arrests").  Fills *out, returns 1. */
static int act_author(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    if (ev->has_target || !ev->has_source || !ev->source.code || !reaction_root(ev->root)) return 0;
    const ne_event_noun *n = act_slot(c, c->m.ts, c->m.te);
    int k = c->m.end + 1; /* a pattern with no slot: the act in a phrase of cause after it */
    if (!n && c->m.ts < 0 && k + 1 < c->sv.n && (tok_is(c, k, "over") || tok_is(c, k, "for") || tok_is(c, k, "against")))
        n = act_slot(c, k + 1, neEvent_slot_max_end(c, k + 1));
    if (!n) return 0;
    int at = ev->in_title ? -1 : ev->sentence, bs = INT_MIN;
    uint32_t before = c->sv.t[c->m.anchor].start, bstart = 0;
    const ne_event *best = NULL;
    for (size_t i = 0; i < c->d->events.n; i++) {
        const ne_event *x = NE_VEC_AT(c->d->events, ne_event, i);
        int xs = x->in_title ? -1 : x->sentence;
        if (xs > at || at - xs > 3 || (xs == at && x->span.start >= before) || xs < bs ||
            (xs == bs && x->span.start < bstart))
            continue;
        if (!x->has_source || !x->source.code || !strcmp(x->source.code, ev->source.code) ||
            !neCameo_noun_fits(n, x->code))
            continue;
        best = x, bs = xs, bstart = x->span.start;
    }
    if (!best) return 0;
    *out = best->source;
    return 1;
}

/* A warning that names no one warned and no act of force or coercion
** ("the bank's president warned that the recovery would be slow", "Trump
** warned that the country would be overrun") is a forecast, no threat (CAMEO
** 13 is made against someone; docs/ANNOTATION.md rule 4); "warned that it
** would retaliate", "warned that MEPs will not ratify the deal if ...", the
** speaker's own act ("warned that it could close the strait") stay. */
static int idle_warning(const ev_ctx *c, const ne_event *ev) {
    static const char *const force[] = {"retaliate", "retaliation", "attack", "strike", "war", "force", "military",
                                        "sanction", "sanctions", "consequence", "consequences", "action", "respond",
                                        "response", "punish", "kill", "bomb", "nuclear", "missile", "troops",
                                        "fight", "violence", "measure", "measures", "crackdown", "arrest",
                                        "reprisal", "reprisals", "revenge", "agitation", "protest", "tolerate",
                                        "price", "spare", "spared",
                                        "if", "unless", "until", "till", NULL};
    if (ev->has_target || strcmp(ev->root, "13") || strcmp(c->sv.t[c->m.anchor].lemma, "warn")) return 0;
    int k0 = c->m.anchor + 1 + (c->m.anchor + 1 < c->sv.n && tok_is(c, c->m.anchor + 1, "that"));
    if (k0 < c->sv.n && c->sv.wc[k0] == NE_WC_PRON) return 0; /* "warned that it could close": its own act */
    return !span_has(c, c->m.anchor + 1, c->sv.n - 1, force);
}

int neEvent_crowd_target(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    if (strncmp(ev->code, "175", 3) || !ev->has_source) return 0;
    for (int i = 0; i < c->sv.n; i++) {
        int a = neClause_actor(&c->sv, i), r = 0;
        if (a < 0 || (i > 0 && neClause_actor(&c->sv, i - 1) == a)) continue;
        const ne_actor *x = NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, a));
        if (x->kind != NE_ACTOR_NOMINAL || !x->role || (strcmp(x->role, "CVL") && strcmp(x->role, "OPP")))
            continue;
        if (fill_actor(c->d, a, out, &r) && strcmp(out->code, ev->source.code)) return 1;
    }
    return 0;
}

/* Does the target slot of the match hold a person's name the dictionaries do
** not know ("shot and killed Michael Brown", unknown_name), in a sentence
** that names no crowd (crowd_sentence)?  Police force on one person is 180. */
static int named_victim(const ev_ctx *c) {
    if (c->m.ts < 0 || crowd_sentence(c)) return 0;
    for (int k = c->m.ts; k <= c->m.te && k < c->sv.n; k++)
        if (unknown_name(c, c->sv.t[k].actor) && NE_VEC_AT(c->d->actor_info, ne_actor_info, c->sv.t[k].actor)->person == 1)
            return 1;
    return 0;
}

/* Police gunfire and force (root 19 from a police source, COP: "the police
** fired to disperse mobs", "100 people were killed in police firing") on
** civilians, the opposition, a place of their own country or no one named is
** violent repression, 175, not military force (docs/ANNOTATION.md rule 10:
** police firing, lathi charges and tear gas on crowds are 175).  With no
** such target it is on the crowd the sentence names (neEvent_crowd_target),
** else on the civilians of the police's country.  Armed targets (militants
** in an encounter) keep their code.  So is repression (175) by the police
** that names no target ("the police fired in the air").  A blockade or an
** occupation (191, 192: "the police sealed off the area") is no gunfire.  One person shot or
** beaten by them, tm the target mention, in a sentence with no crowd
** (lone_victim), is 180 (rule 10).  Returns 1 when it recoded the event or
** gave it a target. */
static int police_firing(const ev_ctx *c, ne_event *ev, int tm) {
    static const char *const crowd[] = {"CVL", "OPP", NULL};
    const ne_actor *s = &ev->source, *t = &ev->target;
    int repression = !strncmp(ev->code, "175", 3);
    if ((strcmp(ev->root, "19") && !repression) || !strncmp(ev->code, "191", 3) || !strncmp(ev->code, "192", 3) ||
        !ev->has_source || !s->role || strcmp(s->role, "COP") ||
        !national(c, s->country))
        return 0;
    int place = ev->has_target && !t->role && t->country && !strcmp(t->country, s->country); /* "fired in the old city" */
    if (ev->has_target && !place && !(t->role && ne_word_in(t->role, crowd))) return 0;
    /* one person shot who was not in a crowd ("a police officer shot and killed Michael Brown"): 180 */
    int lone = !repression && (tm >= 0 ? !place && lone_victim(c, &tm, 1) : named_victim(c));
    if (!repression && !neEvent_recode(c, ev, lone ? "180" : "175")) return 0;
    if (ev->has_target && !place) return 1;
    ne_actor out;
    if ((lone || !neEvent_crowd_target(c, ev, &out)) &&
        !neEvent_implied_actor(c, ev, s->country, "CVL", lone ? "victim" : "crowd", &out))
        return 1;
    ev->target = out;
    ev->has_target = 1;
    return 1;
}

/* Roots coded only toward someone (docs/ANNOTATION.md rule 4): consultation,
** diplomatic and material cooperation and disapproval (04, 05, 06, 11).  A
** match of theirs whose target slot names no actor ("sided with the paper",
** "supported women", "criticized the plan", "discussed the features with a
** task manager") codes nothing. */
static int dyadic_root(const char *root) {
    return !strcmp(root, "04") || !strcmp(root, "05") || !strcmp(root, "06") || !strcmp(root, "11");
}

/* A condemnation of an act of force ("Sweden condemned the attack on the
** embassy"): disapproval (root 11) whose target slot holds the act, not a
** name.  Its target is the act's author (act_author, "Syria shelled a town
** in Lebanon. Jordan condemned the attack": JOR on SYR); with no author found
** it codes nothing, as any root-11 event without a target (docs/ANNOTATION.md
** rule 4: none of the 249 root-11 gold events of dev, devart, devintl and
** devintl2 has a null target, and none of the 3 such predictions there and
** on the held-out articles at 00b8ed2 was right: "Clinton publicly blamed
** the attack", "Trump blamed the problem of mass shootings"). */
static int condemned_act(const ev_ctx *c, const ne_event *ev) {
    static const char *const acts[] = {"attack", "bombing", "bomb", "killing", "shooting", "assault", "strike",
                                       "airstrike", "violence", "massacre", "raid", "explosion", "blast",
                                       "murder", "execution", "invasion", "incursion", "shelling", "offensive",
                                       "crackdown", "arrest", "detention", "kidnapping", "abduction", NULL};
    return !strcmp(ev->root, "11") && c->m.ts >= 0 && span_has(c, c->m.ts, c->m.te, acts);
}

/* A condemnation of violence that names no perpetrator ("the minister condemned
** the violence", "deplored the carnage in Gujarat") in a story of unrest is
** criticism of the unidentified mob, the civilians (CVL) of the country where it
** happened (docs/ANNOTATION.md rule 3; CAMEO codebook 2.11, 111: "condemn, decry
** a policy or an action").  Fills the target; returns 1 when it did.  Not when
** the slot names a response to it ("deplored the handling of the riots").  Attacks,
** bombings and shootings name armed perpetrators and are left targetless. */
static int condemned_unrest(ev_ctx *c, ne_event *ev) {
    static const char *const unrest[] = {"violence", "riot", "riots", "rioting", "carnage", "killings", "arson",
                                         "clash", "clashes", "bloodshed", "mayhem", "massacre", "lynching",
                                         "incident", "incidents", "atrocities", "frenzy", "bloodbath", NULL};
    static const char *const handling[] = {"handling", "mishandling", "response", "management", "reaction",
                                           "inaction", "failure", NULL};
    if (strcmp(ev->root, "11") || !ev->has_source || ev->has_target || c->m.ts < 0 ||
        !span_has(c, c->m.ts, c->m.te, unrest) || !neEvent_unrest_text(c))
        return 0;
    /* "deplored the handling of the riots": the authorities' conduct is criticised, not the mob */
    if (span_has(c, c->m.ts, c->m.te, handling)) return 0;
    const char *cc = neEvent_country(c, ev);
    return cc && neEvent_implied_actor(c, ev, cc, "CVL", "perpetrators", &ev->target);
}

/* A deal or agreement (057) whose named sides are all firms ("a deal with
** European auto maker Fiat", "Chrysler and Fiat signed a deal") is economic
** cooperation between them (CAMEO 061), not a formal agreement between
** states (057: treaties and accords); a firm's protest (140: "Boeing
** protested the award") is an official complaint (114), not a demonstration.
** Returns 061, 114 or NULL. */
static const char *firm_deal(const ev_ctx *c, const ev_frame *f) {
    const ne_actor_info *in;
    if (!f->cc && !strcmp(c->m.pt->cameo->code, "140") && f->nsrc) { /* "Boeing protested the award" */
        for (int k = 0; k < f->nsrc; k++)
            if (!firm(slot_actor(c->d, f->src[k], &in))) return NULL;
        return "114";
    }
    if (f->cc || strcmp(c->m.pt->cameo->code, "057") || (!f->nsrc && !f->ntgt)) return NULL;
    for (int k = 0; k < f->nsrc; k++)
        if (!firm(slot_actor(c->d, f->src[k], &in))) return NULL;
    for (int k = 0; k < f->ntgt; k++)
        if (!firm(slot_actor(c->d, f->tgt[k], &in))) return NULL;
    return "061";
}

/* A rejection (120) of aid: the passive subject, the rejected thing, names
** a bailout, loans or aid ("a bailout package for the automakers has been
** rejected in the Senate"): a refusal of economic aid to the one it was for
** (CAMEO 1221, as "refuse to bail out +").  Not an active object: "Greece
** rejected the EU's bailout terms" refuses the giver's conditions (120).
** Returns 1221 or NULL. */
static const char *rejected_aid(const ev_ctx *c, const ev_frame *f, int vs) {
    static const char *const aid[] = {"bailout", "bailouts", "loan", "loans", "aid", "rescue", NULL};
    if (f->cc || !c->m.passive || strcmp(c->m.pt->cameo->code, "120") || !f->ntgt) return NULL;
    return f->lo < vs && span_has(c, f->lo, vs - 1, aid) ? "1221" : NULL;
}

/* Is the match goods bought from a maker its pattern has no slot for
** ("ordered 32 new airliners", "purchased six of these aeroplanes")?  Its
** seller is implied (neEvent_implied_seller) or it codes nothing; two buyers
** are no partners. */
static int goods_bought(const ev_ctx *c) {
    return !c->m.pt->has_target && !strcmp(c->m.pt->cameo->code, "061") && neEvent_purchase(c);
}

/* Is the passive "held" at the anchor said of an event right before its verb
** group ("vidhan sabha elections were held", "a caucus meeting being held",
** "the puja will be held", "the joint sitting, being held after 24 years"),
** or of one heading the subject before its "of" ("a meeting of senior VHP
** leaders was held", "a meeting of the NDA would be held")?  Meetings, polls
** and ceremonies are held; no one is detained.  So are shares, seats and
** offices ("the stake was held by the state", "the post is held by a general"), and
** whatever "it" or "which" stands for. */
static int held_event(const ev_ctx *c) {
    static const char *const events[] = {"meeting", "meetings", "election", "elections", "poll", "polls", "sitting",
                                         "session", "sessions", "puja", "pujan", "yagna", "award", "awards", "rally",
                                         "rallies", "talks", "function", "conference", "ceremony", "festival",
                                         "programme", "program", "gathering", "convention", "seminar", "summit",
                                         "caucus", "caucuses", "primary", "primaries", "referendum", "hearing",
                                         "exam", "examination", "examinations", "match", "fair", "mela", "sabha",
                                         "bandh", "dharna", "procession", "march", "vote", "debate",
                                         /* possessions, offices and opinions are held too (patterns/17.txt) */
                                         "share", "shares", "stake", "stakes", "holding", "holdings", "percent",
                                         "percentage", "majority", "interest", "asset", "assets", "land",
                                         "territory", "seat", "seats", "office", "post", "position", "positions",
                                         "title", "record", "view", "views", "belief", "opinion", "portfolio",
                                         "worldview", "reception", "luncheon", "lunch", "dinner", "breakfast",
                                         "banquet", "fundraiser", "vigil", "funeral", "memorial", "forum",
                                         "workshop", "symposium", "parade", "celebration", "concert", "contest",
                                         "race", "ballot", "briefing", "interview", "discussion", "discussions",
                                         "negotiations", "consultations", "dialogue", NULL};
    int k = c->m.anchor - 1;
    while (k >= 0 && (c->sv.wc[k] == NE_WC_BE || c->sv.wc[k] == NE_WC_HAVE || c->sv.wc[k] == NE_WC_MODAL ||
                      c->sv.wc[k] == NE_WC_ADV || tok_is(c, k, ",")))
        k--;
    /* people are neither "it" nor "which": "it was held on the 49th floor", "the convention,
    ** which will be held in Cleveland"; "the summit that was held" is the summit's */
    if (tok_is(c, k, "it") || tok_is(c, k, "which")) return 1;
    int ante = relative_antecedent(c, k);
    if (ante >= 0) k = ante;
    if (k >= 0 && word_in(c, k, events)) return 1;
    for (int j = k, n = 0; j > 0 && n < 8 && !c->sv.isverb[j] && c->sv.t[j].shape != NE_SH_PUNCT; j--, n++)
        if (tok_is(c, j, "of")) return word_in(c, j - 1, events);
    return 0;
}

/* "hold" is detention (173) only in the passive ("50 persons were held"):
** in the active one holds sessions, programmes and talks, whoever is in
** them ("the council is holding its session").  So is "pick up" unless a
** pattern names the police before it ("six persons were picked up", "the
** police picked up six persons"; not "he picked up the endorsement of the
** union"); a passive "held" said of an event is none either (held_event). */
static int active_hold(const ev_ctx *c) {
    if (c->m.pt->kind != 'v' || strcmp(c->m.pt->cameo->code, "173")) return 0;
    const char *lemma = c->sv.t[c->m.anchor].lemma;
    if (c->m.passive) return !strcmp(lemma, "hold") && held_event(c);
    return !strcmp(lemma, "hold") || (!strcmp(lemma, "pick") && c->m.begin == c->m.anchor);
}

/* "Met" takes a party as object, a person or a group the dictionaries may not
** know ("he had met Bhandari twice"): the meeting happened, with a partner
** unnamed here; the objects of "discussed ... with", "consulted" may be things. */
static int met_someone(const ev_ctx *c, const char *root) {
    return !strcmp(root, "04") && !strcmp(c->sv.t[c->m.anchor].lemma, "meet");
}

/* Token i is a lower-case word that may be a verb here (an open-class or
** implicative word, "found", "start"), no actor's name. */
static int verb_word(const ev_ctx *c, int i) {
    if (i < 0 || i >= c->sv.n) return 0;
    const ne_token *t = &c->sv.t[i];
    int wc = c->sv.wc[i];
    return (wc == NE_WC_OPEN || wc == NE_WC_IMPLIC) && t->shape == NE_SH_LOWER && t->actor < 0 &&
           (c->sv.isverb[i] || (t->tags & NE_TAG_VERB));
}

/* "Help" with a verb after it, or after its object, helps someone do
** something ("Roger Ailes helped found Fox News", "helped Trump win",
** "helping solidify her status"): no aid given (070), as "helped Iraq",
** "help the refugees with food" are.  Returns 1 for such a match. */
static int help_do(const ev_ctx *c) {
    int a = c->m.anchor;
    if (!help_match(c)) return 0;
    if (verb_word(c, a + 1)) return 1;
    int q = c->m.te >= 0 ? c->m.te + 1 : -1;
    if (q <= a || q >= c->sv.n) return 0;
    if (c->sv.wc[q] == NE_WC_TO) return verb_word(c, q + 1);
    return verb_word(c, q) && !strcmp(c->sv.t[q].norm, c->sv.t[q].lemma);
}

/* The sides of one (source i, target t) pair of the frame f in ev (a copy of
** the frame's base event): the mentions' actors, else what the text implies
** (arrested unknowns, a home-front or nameless target, an unknown person).
** Sets *resolved as fill_actor does for either side; returns 1 when
** the target is an unknown person (unknown_person). */
static int pair_sides(ev_ctx *c, const ev_frame *f, int i, int t, ne_event *ev, int *resolved) {
    int r1 = 0, r2 = 0;
    ev->has_source = f->nsrc && fill_actor(c->d, f->src[i], &ev->source, &r1);
    ev->has_target = t != -1 && fill_actor(c->d, t, &ev->target, &r2);
    if (!ev->has_target) ev->has_target = unknown_arrested(c, ev, t);
    if (!ev->has_target) ev->has_target = domestic_target(c, ev, t);
    if (!ev->has_source && (f->nameless || (f->nsrc && lone_person_pronoun(c, ev, f->src[i])) ||
                            (verbal_root(ev->root) && nameless_main_subject(c, c->m.anchor))))
        ev->has_source = main_person(c, ev, &ev->source); /* "he urged the centre" */
    if (!ev->has_target && t == -1) ev->has_target = nameless_target(c, ev);
    if (!ev->has_target && lone_person_pronoun(c, ev, t)) ev->has_target = main_person(c, ev, &ev->target); /* "met him" */
    /* "they were detained", "he was remanded to police custody" with no one the pronoun stands
    ** for too, when the country where it happens is known */
    if (!ev->has_target && f->unnamed && (t == -1 || neEvent_country(c, ev))) ev->has_target = unnamed_arrested(c, ev);
    *resolved = r1 || r2;
    return !ev->has_target && (ev->has_target = unknown_person(c, ev, t, unknown_name));
}

/* Does place p of the sentence end its noun group: no noun after it ("asked
** West Bengal to act", "criticised Gujarat over"), not a modifier of one
** ("the gujarat carnage", "Gujarat violence")? */
static int place_head(const ev_ctx *c, int p) {
    int last = -1;
    for (int k = 0; k < c->sv.n; k++)
        if (c->sv.t[k].place == p) last = k;
    int k = last + 1;
    return last >= 0 && (k >= c->sv.n || c->sv.wc[k] != NE_WC_OPEN || c->sv.isverb[k] ||
                         c->sv.t[k].shape == NE_SH_PUNCT);
}

/* A region or town (a place, slot index <= -2: fill_actor gave it its
** country alone) named as a side of a verbal act stands for its government,
** as a region named as a subject does (actor.c region_subject): "the Centre
** asked West Bengal to act", "the BJP criticised Gujarat", "maharashtra offered
** help to gujarat", "aid to Gujarat" -> INDGOV.  A country is an actor, not a
** place, and keeps its code alone (docs/ANNOTATION.md rule 9); the place of a
** use of force ("an attack on Karachi"), of a visit or meeting ("her trip to
** Atlantic City") and a place modifying a noun (place_head) stay the country.
** Returns 1 when it recoded *a. */
static int place_government(const ev_ctx *c, const ne_event *ev, ne_actor *a, int has, int idx) {
    int aid = !strcmp(ev->root, "07");
    if (!has || idx > -2 || a->role || !(verbal_root(ev->root) || aid) || !strcmp(ev->root, "04") ||
        !place_head(c, -idx - 2))
        return 0;
    const char *cc = national(c, a->country), *code = cc ? neA_code(&c->d->arena, cc, "GOV") : NULL;
    if (!code) return 0;
    a->code = code;
    a->role = "GOV";
    return 1;
}

/* The target of the earlier event prev for ev, an appeal or a demand (roots
** 02, 10; any root when also is set) by prev's source that names none: "China
** criticized Japan and urged restraint" (of Japan).  A demand of the source's
** own country is implied_addressee's.  Returns 1 when it set ev's target. */
static int addressee_of(const ev_ctx *c, const ne_event *prev, ne_event *ev, int also) {
    if ((strcmp(ev->root, "02") && strcmp(ev->root, "10") && !also) || strcmp(prev->source.code, ev->source.code)) return 0;
    const char *sc = ev->source.country, *tc = prev->target.country;
    /* a demand at home is implied_addressee's; two international bodies are two ("the UN refugee
    ** chief reacted skeptically to the EU deal ... demands safeguards") */
    if (ev->root[0] == '1' && (!sc || !tc || (!strcmp(sc, tc) && national(c, sc)))) return 0;
    ev->target = prev->target;
    return 1;
}

/* The addressee of an appeal or a demand (roots 02, 10) that names none,
** from the verb before it in its clause: "Pakistan condemned the Indian
** shelling and called for an end to ceasefire violations", "China criticized
** Japan and urged restraint", "Germany summoned the US ambassador and
** demanded an explanation" are asked of India, Japan and the US.  The earlier
** match (c->prev_at: verbs are coded in order, before nouns) must have the
** same source and a target from its own words; for a demand, of another
** country: at home, a demand that names no one is the government's to meet
** (implied_addressee: "the opposition criticized the police and demanded a
** judicial probe").  So is an intent, an accord or a cooperation (roots 03,
** 05, 06) after a meeting (04): "Putin met Erdogan and signed a deal" is
** with Erdogan.  Returns 1 when it set ev's target. */
static int shared_addressee(const ev_ctx *c, const ev_frame *f, ne_event *ev) {
    if (ev->has_target || !ev->has_source || !ev->source.code || c->prev_at < f->lo || c->prev_at >= c->m.anchor)
        return 0;
    /* what is agreed, signed or pledged at a meeting is with the one met ("Putin met Erdogan and
    ** signed a deal", "held talks with Sharif and agreed to resume the dialogue") */
    int met = !strcmp(c->prev.root, "04") && (!strcmp(ev->root, "03") || !strcmp(ev->root, "05") || !strcmp(ev->root, "06"));
    return addressee_of(c, &c->prev, ev, met);
}

/* The addressee of an appeal or a demand that names none, by a pronoun that
** carries on from the sentence right before: its first event with a target
** from a slot, by the same source ("Grandi reacted skeptically to the
** EU-Turkey deal ... He demands legal safeguards": of the EU), as
** shared_addressee finds one within a sentence.  A named source starts
** another act ("Rahm Emanuel, his chief of staff, urged a strong stand" after
** the president pressed Israel).  Returns 1 when it set ev's target. */
static int carried_addressee(const ev_ctx *c, const ev_frame *f, int i, ne_event *ev) {
    static const char *const subject[] = {"he", "she", "they", NULL};
    if (ev->has_target || !ev->has_source || !ev->source.code || !c->carry_ok || c->carry.sentence + 1 != ev->sentence ||
        !f->nsrc || f->src[i] < 0)
        return 0;
    const ne_actor *a = NE_VEC_AT(c->d->actors, ne_actor, f->src[i]);
    const ne_actor_info *in = NE_VEC_AT(c->d->actor_info, ne_actor_info, f->src[i]);
    const ne_token *tk = NE_VEC_AT(c->d->tokens, ne_token, in->tok_first);
    if (a->kind != NE_ACTOR_PRONOUN || !ne_word_in(tk->norm, subject)) return 0; /* not "his chief of staff" */
    return addressee_of(c, &c->carry, ev, 0);
}

/* Appends "; note" to ev's rule, the --explain trail of how it was coded
** ("...; target=attacker"); nothing when not explaining (no rule).
** Returns NE_OK or NE_NOMEM. */
static int note_rule(struct ne_doc *d, ne_event *ev, const char *note) {
    if (ev->rule && !(ev->rule = neA_printf(&d->arena, "%s; %s", ev->rule, note))) return NE_NOMEM;
    return NE_OK;
}

/* The last step of emit_pair: counts the coded event ev (resolved: a side
** came through coreference; slot: its target came from the pattern's slot),
** lowers its confidence for a missing or resolved side, then holds it back
** (held_back) or pushes it with the accusation a denial answers and the
** demand a rejection answers.  Returns NE_OK or an error. */
static int push_pair(ev_ctx *c, ne_event *ev, int resolved, int slot) {
    c->coded++;
    if (slot && ev->has_source && ev->source.code && c->prev_at != c->m.anchor) {
        c->prev_at = c->m.anchor; /* the match's first pair, for shared_addressee */
        c->prev = *ev;
    }
    if (c->about_on) { /* a statement about someone: two sides of two countries, below pattern events */
        if (!ev->has_source || !ev->has_target || !ev->source.country || !ev->target.country ||
            !strcmp(ev->source.country, ev->target.country))
            return NE_OK;
        ev->confidence *= 0.4;
        const char *what = c->about_on == 2 ? "reported-advice" : "reported-about";
        if (ev->rule && !(ev->rule = neA_printf(&c->d->arena, "%s: %s", what, ev->rule))) return NE_NOMEM;
    }
    if (!ev->has_source) ev->confidence *= 0.5;
    if (!ev->has_target && c->m.pt->has_target) ev->confidence *= 0.8;
    if (resolved) ev->confidence *= 0.9;
    if (c->nheld < EV_MAX_HELD && held_back(c, ev)) {
        c->held[c->nheld++] = *ev;
        return NE_OK;
    }
    if (ev->has_source && c->nacted < EV_MAX_HELD) c->acted[c->nacted++] = ev->source.code;
    int rc = push_event(c->d, ev);
    if (!rc) rc = denied_accusation(c, ev, slot);
    return rc ? rc : rejected_demand(c, ev, slot);
}

/* In lower-case text, is the subject of the active verb of match f a noun
** group in which the actors stage read no actor: a lower-case word that is no
** verb right before the verb group (adverbs and a time phrase between), in the
** verb's own clause ("the chamber sought immediate assistance from the
** centre", "the all india babri masjid rebuilding committee tonight alleged",
** "the sants unanimously expressed")?  Unknown organizations and persons go
** unread in such text; the act is theirs, not a mention of an act reported
** elsewhere (body_mention).  Not for a participle or an -ing verb ("a call
** asking 5,000 people to go", "insulting the hindus"), nor a passive ("would
** be punished"): those name no subject. */
static int unread_subject(const ev_ctx *c, const ev_frame *f) {
    if (c->m.pt->kind != 'v' || c->m.passive || f->nsrc ||
        NE_VEC_AT(c->d->sentences, ne_sentence, c->sv.sent)->caseless != NE_CASELESS_LOWER)
        return 0;
    const ne_token *a = &c->sv.t[c->m.anchor];
    if (ne_ing_form(a) || !ne_inflected(a)) return 0;
    int k = neClause_vg_start(&c->sv, c->m.anchor) - 1;
    while (k >= f->lo && c->sv.wc[k] == NE_WC_ADV) k--;
    k = before_time_phrase(c, k, f->lo); /* "the committee on monday alleged" */
    while (k >= f->lo && c->sv.wc[k] == NE_WC_ADV) k--;
    return k >= f->lo && k >= 0 && c->sv.t[k].shape == NE_SH_LOWER && c->sv.wc[k] == NE_WC_OPEN && !c->sv.isverb[k];
}

/* Is ev a fragment of a headline written in title case inside the body
** ("Democrats Call For Action", "Says Russians Hacked"): an event with a
** side missing, which such a sentence leaves out as a title's grammar
** does (a title given apart, in_title, keeps its events)? */
static int headline_fragment(const ev_ctx *c, const ne_event *ev) {
    return !ev->in_title && (!ev->has_source || !ev->has_target) &&
           NE_VEC_AT(c->d->sentences, ne_sentence, c->sv.sent)->titlecase;
}

/* Emits the event of one (source i, target j) pair of the frame f, from the
** frame's base event, with the sides the frame does not name implied
** (neEvent_implied_agent, then the target's finders), unless a rule drops it
** (a self event, a statement no one made, a trip home, ...) or holds it
** back.  Returns NE_OK or an error. */
static int emit_pair(ev_ctx *c, const ev_frame *f, const ne_event *base, int i, int j) {
    ne_event ev = *base;
    int resolved, t = f->recip ? f->src[j] : f->ntgt ? f->tgt[j] : -1, t0 = t;
    int unknown = pair_sides(c, f, i, t, &ev, &resolved), slot = ev.has_target;
    /* a place's government is another body than the national one: "the Centre asked West Bengal" */
    int region = place_government(c, &ev, &ev.source, ev.has_source, f->nsrc ? f->src[i] : -1);
    region |= place_government(c, &ev, &ev.target, ev.has_target, t);
    home_front_target(c, &ev);
    int mob = neEvent_implied_agent(c, f, &ev);
    if (mob < 0) return NE_OK;
    if (neEvent_no_political_act(c, &ev, t)) return NE_OK;
    if (!ev.has_target && c->m.pt->has_target && (t = thing_owner(c, &ev, &ev.target)) >= 0) {
        ev.has_target = 1; /* "slammed the proposal": Trump's, named before */
        ev.confidence *= 0.8;
    }
    if (!ev.has_target && act_author(c, &ev, &ev.target)) { /* "condemned the attack": the attacker */
        ev.has_target = 1;
        ev.confidence *= 0.8;
        if (note_rule(c->d, &ev, "target=event-author")) return NE_NOMEM;
    }
    if (!ev.has_target && c->m.noun_slot) { /* "+!" on an act of no one found: the next pattern's turn */
        c->self++;                               /* ("expressed support for the deal": 032, not 051) */
        return NE_OK;
    }
    if (!ev.has_target && (ev.has_target = condemned_unrest(c, &ev))) ev.confidence *= 0.8;
    if (!ev.has_target && (ev.has_target = neEvent_implied_seller(c, &ev, &ev.target))) ev.confidence *= 0.8;
    /* no target: root 11 codes nothing, nor another dyadic root whose pattern has a target slot;
    ** a meeting with someone unnamed stays; an unknown name in the slot is the last resort
    ** ("Trump accused Holt", "Democrats blasted Oversight"), not for a condemned act of force */
    if (!ev.has_target && (!strcmp(ev.root, "11") || goods_bought(c) ||
                           (c->m.pt->has_target && dyadic_root(ev.root) && !met_someone(c, ev.root)))) {
        if (condemned_act(c, &ev) || !unknown_person(c, &ev, t0, any_unknown_name)) return NE_OK;
        ev.has_target = unknown = 1;
        ev.confidence *= 0.8;
        if (note_rule(c->d, &ev, "target=unknown-name")) return NE_NOMEM;
    }

    if (!ev.has_source && (ev.has_source = neEvent_implied_police(c, &ev, &ev.source))) ev.confidence *= 0.8;
    if (!ev.has_target && ev.has_source && neEvent_implied_arrests(c, &ev)) ev.confidence *= 0.8;
    if (neEvent_terror_attackers(c, &ev)) ev.confidence *= 0.8;
    neEvent_terror_violence(c, &ev);
    /* a verbal act whose subject went unread in lower-case text: a person of the main country */
    if (!ev.has_source && ev.has_target && verbal_root(ev.root) && unread_subject(c, f) &&
        (ev.has_source = main_person(c, &ev, &ev.source))) {
        ev.confidence *= 0.8;
        if (note_rule(c->d, &ev, "source=unread-subject")) return NE_NOMEM;
    }
    if (body_mention(c, &ev)) return NE_OK;
    if (neEvent_rioters(c, &ev)) { /* "riots in the state": as background as riots that name no one (rule 12) */
        if (neEvent_background_unrest(c, &ev)) return NE_OK;
        ev.confidence *= 0.8;
    }
    if (police_firing(c, &ev, t0)) ev.confidence *= 0.9;
    if (!ev.has_target && (ev.has_target = shared_addressee(c, f, &ev))) ev.confidence *= 0.8;
    if (!ev.has_target && (ev.has_target = carried_addressee(c, f, i, &ev))) ev.confidence *= 0.8;
    int asked = neEvent_implied_target(c, &ev);
    if (neEvent_residents_of_place(c, &ev)) ev.confidence *= 0.9;
    if (idle_warning(c, &ev)) return NE_OK;
    if (!ev.has_target && (ev.has_target = neEvent_threatened_attacker(c, &ev, &ev.target))) {
        ev.confidence *= 0.8;
        if (note_rule(c->d, &ev, "target=attacker")) return NE_NOMEM;
    }
    if (neEvent_victims_place(c, &ev)) {
        ev.confidence *= 0.8;
        if (note_rule(c->d, &ev, "target=victims-place")) return NE_NOMEM;
    }
    int owners = neEvent_property_owners(c, &ev);
    if (owners) {
        ev.confidence *= 0.8;
        if (note_rule(c->d, &ev, "target=property-owners")) return NE_NOMEM;
    }
    if (neEvent_body_commentary(f, &ev, c->m.pt)) return NE_OK;
    if (headline_fragment(c, &ev)) return NE_OK;
    if (ev.has_source && ev.has_target && !strcmp(ev.source.code, ev.target.code) && !mob && !unknown && !asked && !owners &&
        !region && !f->internal && !distinct_groups(c->d, f->nsrc ? f->src[i] : -1, t)) {
        c->self++;
        return NE_OK;
    }
    return push_pair(c, &ev, resolved, slot);
}

/* Is actor a one of the n actors of list? */
static int listed_actor(const int *list, int n, int a) {
    for (int k = 0; k < n; k++)
        if (list[k] == a) return 1;
    return 0;
}

/* Does the frame hold the pair of a dual noun phrase of its sentence ("the
** two sides", coref.c dual_pairs; neClause_ng_actors put both there): 1, or
** 2 when the frame's other side is one of that pair ("Obama met Xi ...
** Obama praised both countries": the phrase names some other pair, and the
** frame codes nothing); 0 when none.  A reciprocal frame has no other side. */
static int dual_frame(const ev_ctx *c, const ev_frame *f) {
    const struct ne_doc *d = c->d;
    int found = 0, last = -1;
    for (int k = 0; k < c->sv.n; k++) {
        int a = c->sv.t[k].actor;
        if (a < 0 || a == last) continue;
        last = a;
        if (!d->dual_pairs[a][0]) continue;
        int p0 = (int)d->dual_pairs[a][0] - 1, p1 = (int)d->dual_pairs[a][1] - 1;
        int in_src = listed_actor(f->src, f->nsrc, p0) && listed_actor(f->src, f->nsrc, p1);
        int in_tgt = !f->recip && listed_actor(f->tgt, f->ntgt, p0) && listed_actor(f->tgt, f->ntgt, p1);
        if (!in_src && !in_tgt) continue;
        found = 1;
        const int *other = in_src ? f->tgt : f->src;
        int nother = f->recip ? 0 : in_src ? f->ntgt : f->nsrc;
        for (int j = 0; j < nother; j++)
            if (other[j] >= 0 && (same_code(d, other[j], p0) || same_code(d, other[j], p1))) return 2;
    }
    return found;
}

int neEvent_emit(ev_ctx *c, const ev_frame *f) {
    ne_event base;
    if (active_hold(c) || help_do(c)) return NE_OK;
    int dual = c->d->dual_pairs ? dual_frame(c, f) : 0;
    if (dual == 2) return NE_OK;
    int rc = event_base(c, f, &base);
    if (rc) return rc;
    if (dual && note_rule(c->d, &base, "dual-pair")) return NE_NOMEM;
    int ns = f->nsrc ? f->nsrc : 1, nt = f->recip ? f->nsrc : f->ntgt ? f->ntgt : 1;
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++)
            if ((rc = emit_pair(c, f, &base, i, j))) return rc;
    return NE_OK;
}

/* The frame with source and target swapped (the other side of a joint act). */
static ev_frame reversed(const ev_frame *f) {
    ev_frame r = *f;
    memcpy(r.src, f->tgt, sizeof r.src);
    memcpy(r.tgt, f->src, sizeof r.tgt);
    r.nsrc = f->ntgt;
    r.ntgt = f->nsrc;
    return r;
}

/* Is the place at token i of the slot starting at s only where a talk,
** statement or act of cooperation happened ("met Mark Strada in Des Moines",
** "addressing a conference in Wyoming"), not its partner: a locative
** preposition before it, and a root of words or cooperation (01-08, 10-14),
** whose partners are people, not places (an attack "on targets in Syria"
** is on Syria). */
static int where_only(const ev_ctx *c, int s, int i) {
    static const char *const loc[] = {"in", "at", "near", "outside", "inside", "across", "throughout", NULL};
    int r = root_num(c->m.pt->cameo->root);
    if (i <= s || !((r >= 1 && r <= 8) || (r >= 10 && r <= 14))) return 0;
    int k = i - 1;
    while (k > s && c->sv.t[k].shape == NE_SH_CAP) k--; /* "in New Delhi", "in Des Moines" */
    return ne_word_in(c->sv.t[k].norm, loc);
}

int neEvent_slot_actors(ev_ctx *c, int s, int e, int *out) {
    if (s < 0) return 0;
    int n = neClause_ng_actors(&c->sv, s, e, out, EV_MAX_ACTORS);
    for (int i = s; i <= e && !n; i++) {
        int p = country_place(c, i);
        if (p >= 0 && !where_only(c, s, i)) out[n++] = EV_PLACE(p);
    }
    return n;
}

int neEvent_purchase(const ev_ctx *c) {
    static const char *const buying[] = {"order", "orders", "purchase", "buy", "option", "options", NULL};
    return span_has(c, c->m.anchor, c->m.end, buying);
}

/* Verbs whose infinitive states an intention ("agreed to lift", "plans to
** visit", "is set to meet", "is to meet", "is willing to withdraw", "would be
** happy to meet"); token k stands before "to". */
static int intent_verb(const ev_ctx *c, int k) {
    static const char *const verbs[] = {"agree", "plan", "intend", "pledge", "promise", "vow", "decide",
                                        "offer", "expect", "set", "schedule", "prepare", "aim", "seek",
                                        "due", "commit", "undertake", "resolve", "propose", "willing",
                                        "ready", "happy", "glad", "eager", "keen", NULL};
    if (k < 0) return 0;
    if (c->sv.wc[k] == NE_WC_BE) return 1; /* "is to meet" */
    if (!c->sv.isverb[k] && !tok_is(c, k, "due") && !(k > 0 && c->sv.wc[k - 1] == NE_WC_BE))
        return 0; /* "a plan to bail out" is no intention; "is set to" is */
    return word_in(c, k, verbs);
}

/* Nouns of intention whose infinitive is announced ("announced plans to
** invest", "expressed its readiness to resume talks"); token k stands
** before "to".  Only with a support verb (support_subject): "a plan to bail
** out the carmakers failed" states no one's intention. */
static int intent_noun(const ev_ctx *c, int k) {
    static const char *const nouns[] = {"plan", "intention", "intent", "readiness", "willingness", "proposal",
                                        "offer", "pledge", "promise", "commitment", "decision", NULL};
    return k >= 0 && !c->sv.isverb[k] && word_in(c, k, nouns);
}

/* An agreement struck to trade ("China has agreed to purchase 60 Boeing
** jets", "Fiat agreed to buy Chrysler"): the deal itself, 061, not an
** intent (0311 is an offer to buy, docs/ANNOTATION.md rule 10); token k
** stands before "to" of a root-06 trade verb. */
static int agreed_trade(const ev_ctx *c, int k) {
    static const char *const trade[] = {"buy", "purchase", "acquire", "order", "sell", "supply", "merge", "lease", NULL};
    return k >= 0 && c->sv.isverb[k] && !strcmp(c->sv.t[k].lemma, "agree") &&
           !strcmp(c->m.pt->cameo->code, "061") && word_in(c, c->m.anchor, trade);
}

/* Verbs whose infinitive is refused ("refused to lift", "declined to
** release", "is unwilling to withdraw"); token k stands before "to". */
static int refusal_verb(const ev_ctx *c, int k) {
    static const char *const verbs[] = {"refuse", "decline", "unwilling", "reluctant", NULL};
    if (k < 0 || (!c->sv.isverb[k] && !(k > 0 && c->sv.wc[k - 1] == NE_WC_BE))) return 0;
    return word_in(c, k, verbs);
}

/* Verbs of travel whose infinitive of consulting is reported as done (CAMEO codebook 2.4). */
static const char *const travel_verbs[] = {"go", "travel", "fly", "drive", "come", "head", NULL};

/* Does the verb at gov carry out its infinitive: the implicative word class
** ("used X to attack", "began to shell") or a verb of acting or voting ("the
** Senate voted to impose sanctions", "police acted swiftly to arrest",
** "moved to expel", "rushed to send aid", "went on to criticize")? */
static int implicative(const ev_ctx *c, int gov) {
    static const char *const verbs[] = {"vote", "act", "move", "rush", "hasten", "hurry", NULL};
    if (gov < 0) return 0;
    /* a trip made to consult: "drove to Ayodhya to meet the mahant" reports the meeting */
    if (c->sv.isverb[gov] && root_is(c->m.pt, "04") && word_in(c, gov, travel_verbs)) return 1;
    /* "went on to criticize": the next thing done */
    if (tok_is(c, gov, "on") && gov > 0 && c->sv.isverb[gov - 1] && !strcmp(c->sv.t[gov - 1].lemma, "go")) return 1;
    return c->sv.wc[gov] == NE_WC_IMPLIC || (c->sv.isverb[gov] && word_in(c, gov, verbs));
}

/* The verb of a trip made to consult, left of the "to" before the verb group at vs,
** over a short place phrase and time expressions ("drove straight to Ayodhya to meet",
** "went to Flint last week to talk with"), or -1; only for consultations (root 04). */
static int trip_verb(const ev_ctx *c, int vs) {
    int to = root_is(c->m.pt, "04") ? neClause_infinitive_to(&c->sv, vs, 0) : -1;
    if (to < 1 || !tok_is(c, to, "to")) return -1;
    for (int j = to - 1, n = 0; j >= 0 && n < 8; j--, n++) {
        if (tok_is(c, j, ",") || tok_is(c, j, ";") || tok_is(c, j, ":")) return -1;
        if (c->sv.t[j].timex >= 0) continue; /* "went to Flint last week to talk" */
        if (c->sv.isverb[j]) return word_in(c, j, travel_verbs) ? j : -1;
    }
    return -1;
}

/* Does the word k before "to" report its infinitive as carried out: "was
** able to" ("police were able to arrest 39 miscreants"), be and an
** adjective of promptness or luck ("China was quick to condemn the move",
** "were swift to criticize", "we were lucky to arrest the accomplice"), or
** an obligation met ("police had to open fire on the mob", "the carmakers
** have been forced to seek federal aid")?  A negation,
** modal or condition on k's own group still drops the act
** (infinitive_act: "would have had to", "if they had to"). */
static int done_to(const ev_ctx *c, int k) {
    static const char *const adj[] = {"able", "quick", "swift", "prompt", "lucky", "fortunate", NULL};
    /* an obligation met in the passive: "were forced to seek federal aid", "was compelled to resign" */
    static const char *const made[] = {"forced", "compelled", "obliged", "obligated", NULL};
    if (k >= 0 && tok_is(c, k, "had")) return 1;
    return k > 0 && (word_in(c, k, adj) || ne_word_in(c->sv.t[k].norm, made)) && c->sv.wc[k - 1] == NE_WC_BE;
}

/* Verbs whose infinitive of a conflict act is a threat ("threatened to
** break relations", "vowed to crush"); token k stands before "to". */
static int threat_verb(const ev_ctx *c, int k) {
    static const char *const verbs[] = {"threaten", "vow", "swear", NULL};
    return k >= 0 && c->sv.isverb[k] && word_in(c, k, verbs);
}

/* The word before the "to" of an infinitive at verb group vs (or of the
** infinitive it is coordinated with, neClause_infinitive_to), or -1. */
static int before_to(const ev_ctx *c, int vs) {
    int p = neClause_infinitive_to(&c->sv, vs, 0);
    if (p < 1) return -1;
    p--;
    while (p >= 0 && c->sv.wc[p] == NE_WC_ADV) p--;
    return p;
}

/* An announced act of a cooperative kind ("will meet", "agreed to lift"):
** the 03x code of its intention (cameo/intent.tsv), or NULL. */
static const ne_cameo_code *intent_code(const ev_ctx *c) {
    return neCameo_intent(c->e->cameo, c->m.pt->cameo->code);
}

/* A refused act ("will not lift the ban", "refused to release"): the 12x
** code of refusing it (cameo/refusal.tsv), or NULL. */
static const ne_cameo_code *refusal_code(const ev_ctx *c) {
    return neCameo_refusal(c->e->cameo, c->m.pt->cameo->code);
}

/* A threatened act ("threatened to impose a curfew"): the 13x code of the
** threat (cameo/threat.tsv), or NULL. */
static const ne_cameo_code *threat_code(const ev_ctx *c) {
    return neCameo_threat(c->e->cameo, c->m.pt->cameo->code);
}

#define EV_NOT_EVENT (NE_MOD_COND | NE_MOD_QUESTION | NE_MOD_SPEC | NE_MOD_GERUND)

/* A negated future ("will not lift", "won't release", "would never meet")
** of an act with a refusal code: CAMEO codes the refusal (12x).  Returns
** the modality with the negation and the modal taken, else mod unchanged. */
static int future_refusal(ev_ctx *c, int mod, ev_frame *f) {
    if (!(mod & NE_MOD_NEG) || !(mod & NE_MOD_FUTURE) || (mod & (EV_NOT_EVENT | NE_MOD_INFINITIVE))) return mod;
    if (!(f->cc = refusal_code(c))) return mod;
    return mod & ~(NE_MOD_NEG | NE_MOD_MODAL | NE_MOD_FUTURE);
}

/* Targets a riot pattern names among its own words after the anchor
** ("rioters threw stones at police", "the mob attacked police"): the
** actors there, as a slot's would be (CAMEO codebook 2.14, 145 "Protest
** violently, riot": against whom it is aimed).  0 for other roots and in the
** passive. */
static int riot_target(ev_ctx *c, int *out) {
    int e = c->m.end;
    if (c->m.passive || e <= c->m.anchor || !c->m.pt->cameo || strcmp(c->m.pt->cameo->code, "145")) return 0;
    return neClause_ng_actors(&c->sv, c->m.anchor + 1, e, out, EV_MAX_ACTORS);
}

int neEvent_trailing_target(ev_ctx *c, int *out) {
    int e = c->m.end, n;
    if (!c->m.pt->has_target && (n = riot_target(c, out)) > 0) return n;
    if (c->m.pt->has_target || e < 0 || e + 1 >= c->sv.n || e == c->m.anchor ||
        (c->sv.wc[e] != NE_WC_PREP && c->sv.wc[e] != NE_WC_TO))
        return 0;
    /* a refusal ending in "to": the object of the refused act of taking up or accepting
    ** ("refused to consider Obama's nominee", "declined to vote on the president's
    ** nominee"); not of other acts ("refused to name the VHP as fundamentalists") */
    static const char *const taking_up[] = {"consider", "vote", "confirm", "approve", "accept", "recognize", "recognise",
                                            "hear", "receive", "ratify", "sign", "grant", "admit", "allow", NULL};
    if (c->sv.wc[e] == NE_WC_TO && root_is(c->m.pt, "12") && e + 2 < c->sv.n && c->sv.isverb[e + 1] &&
        word_in(c, e + 1, taking_up)) {
        e++;
        if (c->sv.wc[e + 1] == NE_WC_PREP && e + 2 < c->sv.n) e++;
    }
    int me = neEvent_slot_max_end(c, e + 1);
    return me > e && neEvent_slot_has_actor(c, e + 1, me) ? neEvent_slot_actors(c, e + 1, me, out) : 0;
}

/* Country of actor a of a frame (a place stands for its country), or NULL. */
static const char *actor_country(const ev_ctx *c, int a) {
    if (a <= -2) return NE_VEC_AT(c->d->places, ne_place, -a - 2)->country;
    return NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, a))->country;
}

/* Words before a preposition that make it part of another phrase ("along
** with", "in response to", "due to", "in line with"): no recipient follows. */
static const char *const not_recipient[] = {"along", "together", "line", "response", "reply", "according",
                                            "due", "thanks", "prior", "close", "next", "addition", "contrast",
                                            "regard", "relation", "respect", "reference", "comparison", "up",
                                            "owing", "contrary", "compared", "opposed", "similar", "ahead", NULL};

/* Does the preposition at k, after the object of an act of root r, name
** whom the act is done to (neEvent_object_pp_target)?  "to" names the recipient of
** what is said, given, offered, refused or cut (roots 01-08, 12, 13, 16:
** "offered concessions to X", "aid to X", "refused entry to X", "cut aid to
** X"); after a demand or a criticism it belongs to the object, which is not
** the one addressed ("demanded the return of the land to its owners",
** "condemned the aid to X"), and after coercion or force it is where someone
** is sent ("deported them to X").  "against" names the one aimed at only
** when the verb itself does the hostile act (roots 09, 14-20: "imposed
** sanctions against X", "staged protests against X"), not a demand or veto
** of one ("demanded action against X", "will veto any resolution against
** X").  "on" names the one a measure is lifted from, threatened or laid on
** (roots 08, 13, 16, 18-20: "rolled back tariffs on Chinese goods", "dropped
** bombs on X"), not the one a curfew binds (17: implied_residents).  "with"
** names the partner of a joint act (roots 03-06, 08, 16: "declared a
** ceasefire with X", "cut ties with X"), not a companion or a trait
** ("arrested men with links to X"); "between" the parties of one (03-06:
** "launched a mediation effort on Saturday between X and Y"). */
static int recipient_prep(const ev_ctx *c, int k, int r) {
    int wc = c->sv.wc[k];
    if (wc == NE_WC_TO || (wc == NE_WC_PREP && (tok_is(c, k, "toward") || tok_is(c, k, "towards"))))
        return (r >= 1 && r <= 8) || r == 12 || r == 13 || r == 16;
    if (wc != NE_WC_PREP) return 0;
    if (tok_is(c, k, "against")) return r == 9 || r >= 14;
    if (tok_is(c, k, "on") || tok_is(c, k, "upon")) return r == 8 || r == 13 || r == 16 || r >= 18;
    if (tok_is(c, k, "between")) return r >= 3 && r <= 6;
    return tok_is(c, k, "with") && ((r >= 3 && r <= 6) || r == 8 || r == 16);
}

__attribute__((noinline)) int neEvent_object_pp_target(ev_ctx *c, ev_frame *f) {
    int hi = f->hi;
    if (!c->m.pt->cameo || c->m.passive || c->m.relobj) return 0;
    int k = (c->m.ts >= 0 ? c->m.te : c->m.end) + 1, lim = k + 8, r = root_num(c->m.pt->cameo->root);
    if (k <= c->m.anchor) return 0;
    while (k < hi && k < lim && !recipient_prep(c, k, r)) {
        int t = after_time(c, k), wc = c->sv.wc[k];
        if (t > k) {
            k = t;
            continue;
        }
        if (c->sv.isverb[k]) return 0;
        int cont = wc == NE_WC_ADV || (wc == NE_WC_PREP && (tok_is(c, k, "of") || tok_is(c, k, "in"))) ||
                   (wc == NE_WC_CONJ && k + 1 < hi && ng_or_actor(c, k + 1)) ||
                   (ng_or_actor(c, k) && neClause_actor(&c->sv, k) < 0 && country_place(c, k) < 0);
        if (!cont) return 0;
        k++;
    }
    if (k + 1 >= hi || k >= lim || word_in(c, k - 1, not_recipient)) return 0;
    int me = neEvent_slot_max_end(c, k + 1);
    if (me >= hi) me = hi - 1;
    int n = me > k && neEvent_slot_has_actor(c, k + 1, me) ? neEvent_slot_actors(c, k + 1, me, f->tgt) : 0, kept = 0;
    if (!tok_is(c, k, "between")) return n;
    for (int i = 0; i < n; i++) {
        const char *tc = actor_country(c, f->tgt[i]);
        int own = 0;
        for (int j = 0; j < f->nsrc && !own; j++) {
            const char *sc = f->src[j] != -1 ? actor_country(c, f->src[j]) : NULL;
            own = tc && sc && !strcmp(tc, sc);
        }
        if (!own) f->tgt[kept++] = f->tgt[i];
    }
    return kept;
}

/* "X met Y in Y's country": X visits (042) and Y hosts (043); in X's country
** the other way round; a meeting elsewhere or without a place stays 040
** (CAMEO codebook 2.4: 042 "Make a visit", 043 "Host a visit"). */
static void visit_or_host(const ev_ctx *c, ev_frame *f, ev_frame *r) {
    if (f->cc || strcmp(c->m.pt->cameo->code, "040") || f->nsrc != 1 || f->ntgt != 1) return;
    int p = clause_place(c, f->lo, f->hi, c->m.anchor);
    const char *pc = p >= 0 ? NE_VEC_AT(c->d->places, ne_place, p)->country : NULL;
    const char *sc = actor_country(c, f->src[0]), *tc = actor_country(c, f->tgt[0]);
    if (!pc || !sc || !tc || !strcmp(sc, tc)) return;
    const ne_cameo_code *visit = neCameo_get(c->e->cameo, "042"), *host = neCameo_get(c->e->cameo, "043");
    if (!visit || !host || (strcmp(pc, tc) && strcmp(pc, sc))) return;
    f->cc = !strcmp(pc, tc) ? visit : host;
    r->cc = f->cc == visit ? host : visit;
    f->visit = r->visit = 1;
}

static int support_subject(ev_ctx *c, int i, int lo, int *out);

int neEvent_verb_subject(const ev_ctx *c, int v, int lo, int *out) {
    const char *rule;
    return neClause_subject(&c->sv, neClause_vg_start(&c->sv, v), lo, out, EV_MAX_ACTORS, &rule);
}

/* A clause that is the content of a claim, a denial or a demand ("rejected
** India's claim that it sheltered militants", "dismissed allegations that
** its army shelled villages", "denied that its troops attacked the convoy",
** "demanded that Clinton apologize", "urged that the talks resume"): its act
** is not reported as done; the claim, denial or demand is coded on its own. */
static int claim_content(const ev_ctx *c, int lo) {
    static const char *const nouns[] = {"claim", "claims", "allegation", "allegations", "accusation", "accusations",
                                        "charge", "charges", "rumor", "rumors", "rumour", "rumours", "suggestion",
                                        "suggestions", "speculation", "demand", "demands", "request", "proposal", NULL};
    static const char *const verbs[] = {"deny", "demand", "insist", "urge", "request", "recommend", "propose",
                                        "suggest", "ask", NULL};
    if (lo < 2 || c->sv.wc[lo - 1] != NE_WC_THAT) return 0;
    int k = lo - 2;
    return c->sv.isverb[k] ? ne_word_in(c->sv.t[k].lemma, verbs) : word_in(c, k, nouns);
}

int neEvent_if_after(const ev_ctx *c) {
    for (int k = c->m.anchor + 1; k < c->sv.n; k++)
        if (tok_is(c, k, "if") || tok_is(c, k, "unless")) return 1;
    return 0;
}

/* Does the match itself hold its clause's negation, a negative wording of a
** threat ("will not spare", "would not be tolerated": docs/PATTERNS.md
** "Modality")?  Only a negation between the match's first token and the anchor. */
static int own_negation(const ev_ctx *c) {
    for (int k = c->m.begin; k < c->m.anchor; k++)
        if (c->sv.wc[k] == NE_WC_NEG) return 1;
    return 0;
}

/* Is the one subject of the frame, up to the verb group at vs, a body named
** as such ("the RSS executive committee", "the party's working committee")?
** "The committee will meet on March 14" is the body's own sitting, no intent
** to meet anyone (CAMEO 036 codes a commitment to meet or negotiate with
** others); "Hamas will meet on Sunday" may be with a partner named elsewhere. */
static int body_sitting(const ev_ctx *c, const ev_frame *f, int vs) {
    static const char *const bodies[] = {"committee", "council", "panel",    "board",     "cabinet",
                                         "executive", "assembly", "parliament", "senate", "commission",
                                         "caucus",    "politburo", "presidium", "legislature", NULL};
    int i = f->nsrc == 1 ? mention_tok(&c->sv, f->src[0]) : -1;
    for (int k = i; k >= 0 && k < vs && !tok_is(c, k, ","); k++)
        if (word_in(c, k, bodies)) return 1;
    return 0;
}

static const char *const meeting_nouns[] = {"meeting", "meetings", "meet", NULL};

/* Is the anchor the bare "meet" right after its subject, the noun of Indian
** English ("the VHP meet at Malleswaram grounds saw ...": a gathering), not
** a verb after an auxiliary ("the party will meet")? */
static int noun_meet(const ev_ctx *c) {
    int a = c->m.anchor;
    return tok_is(c, a, "meet") && a > 0 && c->sv.wc[a - 1] != NE_WC_MODAL && c->sv.wc[a - 1] != NE_WC_DO &&
           c->sv.wc[a - 1] != NE_WC_TO && c->sv.wc[a - 1] != NE_WC_ADV;
}

/* Is x a named party, group or organization of one country that sits as a
** body ("the VHP held a meeting", "the BJP met on Sunday"), not a firm, a
** medium, a body of states (IGO: "the G7 nations had met"), a person or a
** country? */
static int named_body(const ne_actor *x, const ne_actor_info *in) {
    if (x->kind != NE_ACTOR_NAMED || !x->code || !strncmp(x->code, "IGO", 3)) return 0;
    if (in->type == NE_DT_PARTY || in->type == NE_DT_GROUP) return 1;
    return in->type == NE_DT_ORG && !strstr(x->code, "BUS") && !strstr(x->code, "MNC") && !strstr(x->code, "MED");
}

/* A named body's own sitting (named_body), reported by a verb ("the VHP held a meeting",
** "the NDA had met") or by "a meeting of" it; not a meeting noun it only modifies ("DNC
** meetings", "the RNC's meeting": which sitting, and whether it is news, is unclear). */
static int body_met(const ev_ctx *c, const ev_frame *f, const ne_actor *x, const ne_actor_info *in) {
    return named_body(x, in) && !noun_meet(c) && (c->m.pt->kind == 'v' || !f->nsrc);
}

/* A meeting of a group among its own members ("senior RSS leaders met on Sunday",
** "the cabinet met", "the allies had a meeting on Thursday", "a meeting of the party's
** MLAs"): CAMEO 040 ("all consultations and meetings"), coded as the group consulting
** itself, source = target, as the gold codes internal sittings.  The one side a must be
** a plural role group ("leaders", "the allies") or a body (body_sitting's words, the
** actor's own text) or a named party, group or organization (named_body: "the VHP held
** a meeting"); a person, a firm or a country meeting no one named is no event.  Fills the
** frame's target with the source and returns 1, else 0. */
static int internal_meeting(const ev_ctx *c, ev_frame *f, int a) {
    static const char *const bodies[] = {"committee", "council", "panel", "board", "cabinet", "executive",
                                         "assembly", "caucus", "politburo", "presidium", "leaders", "leadership",
                                         "members", "allies", "ministers", "mlas", "mps", "workers", "legislators",
                                         "delegates", "chiefs", "heads", "officials", "bodies", "parties", NULL};
    if (a < 0 || !root_is(c->m.pt, "04") || f->cc) return 0;
    const ne_actor_info *in;
    const ne_actor *x = slot_actor(c->d, a, &in);
    int t = mention_tok(&c->sv, a), body = 0;
    for (int k = t; k >= 0 && k < c->sv.n && k < t + 6 && (k == t || c->sv.wc[k] == NE_WC_OPEN); k++)
        body |= word_in(c, k, bodies); /* "the NDA allies": "allies" may read as a verb */
    if (!x->code || t < 0 || c->sv.wc[t] == NE_WC_PRON || (!body && !(x->kind == NE_ACTOR_NOMINAL && in->plural) &&
                                                           !body_met(c, f, x, in)))
        return 0; /* "when we meet next week", "the voters they met": whose sitting is unclear */
    f->src[0] = f->tgt[0] = a;
    f->nsrc = f->ntgt = 1;
    f->internal = 1;
    f->rule = "internal-meeting: target=source";
    return 1;
}

/* Verbs of a joint act that name no partner: two sides or none ("X and Y
** negotiated", "talked"; "Aeroflot negotiates", "Obama talked for an hour"
** are no consultation). */
static const char *const partnerless_joint[] = {"negotiate", "talk", NULL};

/* Acts two sides do to each other: fighting ("clashed", "exchanged fire",
** "skirmished") and trading accusations or prisoners ("traded insults",
** "exchanged prisoners").  Told of one coordinated subject with no other
** side ("India and Pakistan clashed") each side did it to the other; told
** of one side alone with no partner ("the protesters clashed") a fight or
** an accusation (roots 19, 11) names no act toward anyone (no event). */
static const char *const mutual_acts[] = {"clash", "skirmish", "exchange", "trade", NULL};

/* Is the match a mutual act (mutual_acts) with no partner slot in its pattern? */
static int mutual_act(const ev_ctx *c) {
    return !c->m.pt->has_target && word_in(c, c->m.anchor, mutual_acts);
}

/* Does the preposition at p before a joint act's other side name a partner:
** "with" ("talks with X"), or for a telephone call (041) also "from", the
** caller ("received a call from Putin": they talked both ways)? */
static int partner_prep(const ev_ctx *c, int p, const char *code) {
    return tok_is(c, p, "with") || (tok_is(c, p, "from") && !strcmp(code, "041"));
}

/* Emits the verbal event framed by neEvent_code_verb (the verb group at vs) after
** its last checks: reciprocal and two-sided acts need two sides, a joint
** act with a partner is emitted both ways.  Returns NE_OK or an error. */
static int emit_verb(ev_ctx *c, ev_frame *f, int vs) {
    if (f->recip && f->nsrc < 2) return NE_OK;
    if (!f->ntgt && !f->recip && f->rule[0] == 'q' && !strncmp(f->rule, "quote-first", 11)) return NE_OK; /* toward no one */
    if (neEvent_claimed_act(c, vs, f)) return neEvent_emit(c, f);
    if (!(f->verbal = verbal_attack(c, f)) && !(f->verbal = charge_accuses(c, f))) f->verbal = unarmed_force(c, f);
    if (!f->verbal) f->verbal = firm_deal(c, f);
    if (!f->verbal) f->verbal = rejected_aid(c, f, vs);
    if (!f->verbal && lone_protest(c, f)) return NE_OK;
    int joint = joint_code((f->cc ? f->cc : c->m.pt->cameo)->code);
    /* goods bought from a maker the clause does not name ("X and Y ordered 40 jets"): the buyers
    ** are no partners of each other, each buys from the maker (neEvent_implied_seller) */
    int bought = goods_bought(c);
    if (!f->ntgt && f->nsrc >= 2 && (joint || joint_intent(c, f) || mutual_act(c)) && !bought) f->recip = 1;
    if (!f->recip && !f->ntgt && mutual_act(c) && (root_is(c->m.pt, "19") || root_is(c->m.pt, "11")))
        return NE_OK; /* one side alone: "the protesters clashed" */
    /* "met", "negotiated", "talked", an accord (019) or economic cooperation
    ** (061) without a partner slot needs two sides ("X and Y met", "X and Y agreed that ...",
    ** "the Fed and the ECB announced a coordinated cut"; "the panel met", "Aeroflot
    ** negotiates", "the minister agreed that ...", "European governments agreed on a joint
    ** plan" are none); their intention too when a body is to sit (body_sitting) */
    if (!f->recip && !f->ntgt && f->nsrc == 1 && !c->m.pt->has_target &&
        (met_someone(c, c->m.pt->cameo->root) || span_has(c, c->m.anchor, c->m.end, meeting_nouns)) &&
        !ne_ing_form(&c->sv.t[c->m.anchor]) && /* "the Rules Committee meeting", "a national-level meeting" */
        internal_meeting(c, f, f->src[0]))
        return neEvent_emit(c, f);
    if (!f->recip && !f->ntgt && !c->m.pt->has_target && (!f->cc || body_sitting(c, f, vs)) &&
        (met_someone(c, c->m.pt->cameo->root) || !strcmp(c->m.pt->cameo->code, "019") ||
         (!strcmp(c->m.pt->cameo->code, "061") && !bought) || word_in(c, c->m.anchor, partnerless_joint)))
        return NE_OK;
    ev_frame r = reversed(f); /* "X met Y": Y met X too */
    if (joint && !f->recip) visit_or_host(c, f, &r);
    int rc = neEvent_emit(c, f);
    if (rc || f->recip || !f->nsrc || !f->ntgt || !joint) return rc;
    int p = c->m.ts >= 0 ? c->m.ts - 1 : c->m.end; /* the other side is a partner ("met X", "talks with X"), */
                                                   /* not a place or a treaty ("signed on to NAFTA") */
    const char *code = (f->cc ? f->cc : c->m.pt->cameo)->code;
    if (p >= 0 && (c->sv.wc[p] == NE_WC_PREP || c->sv.wc[p] == NE_WC_TO) && !partner_prep(c, p, code)) return rc;
    /* an exchange told with a direct object, or an order, is one-way: the buyer
    ** or the party awarding ("bought X", "awarded X a contract", "placed an order
    ** with X"); "a deal with X", "merged with X" are joint */
    if (!strcmp(c->m.pt->cameo->code, "061") && (!tok_is(c, p, "with") || neEvent_purchase(c))) return rc;
    /* accord with someone ("agreed with X", "an understanding with X") is mutual; echoing or
    ** sharing someone's view ("Democrats echoed Clinton") is one side's (CAMEO 019) */
    if (!strcmp(c->m.pt->cameo->code, "019") && !tok_is(c, p, "with")) return rc;
    return neEvent_emit(c, &r);
}

/* The "be" or "become" of a rank phrase ending at token k, right before an
** infinitive's "to": "the first", "the only", "the last", "the second" and the
** words of its noun group and its prepositional phrases up to k ("became the
** first sitting members of Congress to endorse", "was the first Democrat in
** Congress to endorse", "is one of the first leaders to visit").  Such a rank is given for an act done: the
** infinitive reports it.  The verb's token, or -1 when there is none, or when
** it is negated or under a modal ("would be the first woman to serve"). */
static int ranked_doer(const ev_ctx *c, int k, int lo) {
    static const char *const rank[] = {"first", "only", "last", "second", "third", NULL};
    static const char *const copula[] = {"be", "become", NULL};
    int r = -1;
    for (int j = k; j >= lo && j > k - 10 && r < 0; j--) {
        if (word_in(c, j, rank) && j > lo && c->sv.wc[j - 1] == NE_WC_DET) r = j - 1;
        else if (!neClause_ng_token(&c->sv, j) && neClause_actor(&c->sv, j) < 0 && c->sv.wc[j] != NE_WC_PREP)
            return -1; /* "the first Democrat in Congress to endorse" */
    }
    if (r <= lo) return -1;
    int v = r - 1;
    if (v - 2 >= lo && tok_is(c, v, "of") && tok_is(c, v - 1, "one")) v -= 2; /* "one of the first" */
    while (v >= lo && c->sv.wc[v] == NE_WC_ADV) v--;
    if (v < lo || !word_in(c, v, copula) || (c->sv.wc[v] != NE_WC_BE && !c->sv.isverb[v])) return -1;
    int g, m = neClause_modality(&c->sv, v, lo, 0, &g);
    return m & (NE_MOD_NEG | NE_MOD_MODAL | NE_MOD_INFINITIVE | EV_NOT_EVENT) ? -1 : v;
}

/* The act of an infinitive pattern match ("refused to lift", "vowed to
** crush", "announced plans to invest", "went on to meet") under the verb
** gov governing it: a refusal (12x), an intent (03x) or a threat (13x) in
** f->cc, an implicative verb's act as it is; the clause moves to that verb
** (f->lo, f->hi, c->m.attach, *vs its verb group's start).  *planned and
** psrc get the support verb's subject of an intent noun.  Returns 0 when
** the act is not coded (no event), else 1. */
static int infinitive_act(ev_ctx *c, ev_frame *f, int gov, int intent, int *vs, int *planned, int *psrc) {
    if (gov < 0 && tok_is(c, before_to(c, *vs), "on")) gov = before_to(c, *vs); /* went on to */
    if (!implicative(c, gov)) {
        int t = trip_verb(c, *vs); /* "went to Flint last week to talk": "last" is no governor */
        if (t >= 0) gov = t;
    }
    int k = before_to(c, *vs), ranked = k >= 0 ? ranked_doer(c, k, f->lo) : -1;
    if (ranked >= 0) { /* "became the first senator to endorse Sanders": he endorsed him */
        gov = ranked;
    } else if (!implicative(c, gov) && (!intent || refusal_verb(c, k))) {
        int refuse = refusal_verb(c, k); /* "refused to lift": the refusal, 12x */
        if (refuse) f->cc = refusal_code(c);
        else if (intent_verb(c, k) && !agreed_trade(c, k)) f->cc = intent_code(c);
        /* "vowed to crush", and a conflict act promised, planned or decided ("pledged to expel the
        ** diplomats", "plans to impose sanctions on Iran"): a threat, 13x (CAMEO codebook 2.13) */
        if (!refuse && !f->cc && (threat_verb(c, k) || intent_verb(c, k))) f->cc = threat_code(c);
        if (!refuse && !f->cc && intent_noun(c, k) && (*planned = support_subject(c, k, f->lo, psrc)) > 0)
            f->cc = intent_code(c); /* "announced plans to invest": 03x, the announcer's */
        if (!f->cc && !done_to(c, k) && !agreed_trade(c, k)) return 0; /* "were able to arrest", "had to fire" */
        int g2, m2 = neClause_modality(&c->sv, k, f->lo, 0, &g2); /* "did not agree to meet" */
        if (m2 & (NE_MOD_NEG | EV_NOT_EVENT)) return 0;
        if ((m2 & NE_MOD_MODAL) && (!(m2 & NE_MOD_FUTURE) || !f->cc)) return 0; /* "will be able to" */
        gov = k;
    } else if (!implicative(c, gov)) {
        return 0;
    }
    *vs = neClause_vg_start(&c->sv, gov);
    c->m.attach = gov;
    neClause_bounds(&c->sv, gov, &f->lo, &f->hi);
    f->hi = f->hi > c->m.end + 1 ? f->hi : c->m.end + 1;
    return 1;
}

int neEvent_code_verb(ev_ctx *c) {
    if (c->m.pt->by_speaker) return neEvent_code_quoted_verb(c);
    ev_frame f = {.conf = 0.9, .rule = "subject-left"};
    int i = c->m.anchor, gov;
    neClause_bounds(&c->sv, i, &f.lo, &f.hi);
    int mod = neClause_modality(&c->sv, i, f.lo, 0, &gov);
    int intent = root_is(c->m.pt, "03") || root_is(c->m.pt, "13");
    if ((mod & NE_MOD_NEG) && intent && own_negation(c)) mod &= ~NE_MOD_NEG; /* "will not tolerate" */
    mod = future_refusal(c, mod, &f);
    if (mod & (NE_MOD_NEG | EV_NOT_EVENT)) return NE_OK;
    if (claim_content(c, f.lo)) return NE_OK;
    /* an announced act: a cooperative one is an intention (03x), a conflict one a threat (13x:
    ** "the police would arrest anyone who defied the curfew") */
    if ((mod & NE_MOD_MODAL) && !intent &&
        (!(mod & NE_MOD_FUTURE) || (!(f.cc = intent_code(c)) && (neEvent_if_after(c) || !(f.cc = threat_code(c))))))
        return NE_OK;
    int vs = neClause_vg_start(&c->sv, i), planned = 0, psrc[EV_MAX_ACTORS];
    if ((mod & NE_MOD_INFINITIVE) && !infinitive_act(c, &f, gov, intent, &vs, &planned, psrc)) return NE_OK;
    int subj[EV_MAX_ACTORS];
    int ns = neClause_subject(&c->sv, vs, f.lo, subj, EV_MAX_ACTORS, &f.rule);
    if (!ns && !planned) { /* "'I urge the Senate ...,' Sanders said" */
        int k = vs - 1;
        while (k >= f.lo && c->sv.wc[k] == NE_WC_ADV) k--;
        if (k >= f.lo && (ns = neEvent_first_person(c, k, subj))) f.rule = "quote-first-person: source=speaker";
    }
    if (planned) {
        memcpy(subj, psrc, sizeof subj);
        ns = planned;
        f.rule = "intent-noun: source=support-verb-subject";
    }
    if (c->m.passive && !ns && needs_actor(c->m.pt) && c->m.pt->cameo &&
        strcmp(c->m.pt->cameo->root, "15") < 0)
        return NE_OK; /* "figures released by the ministry": a "+!" act done to no actor (force keeps its victims) */
    if (c->m.passive) neEvent_passive_sides(c, &f, vs, subj, ns);
    else neEvent_active_sides(c, &f, vs, subj, ns);
    neEvent_between_sides(c, &f); /* "talks were held between India and Pakistan" */
    if (!neEvent_threatened_subject(c, &f, mod) || !neEvent_promised_subject(c, &f, mod)) return NE_OK;
    return emit_verb(c, &f, vs);
}

/* Support verbs: their object noun names an act their subject performs
** ("Iraqi warplanes carried out a raid", "Ghani announced a cease-fire",
** "the army launched an offensive", "Aeroflot has negotiated the purchase
** of 22 Boeing jets", "Ford completed its acquisition of Volvo"). */
static int support_verb(const char *lemma) {
    static const char *const verbs[] = {"carry", "launch", "conduct", "stage", "mount", "hold", "make",
                                        "wage", "unleash", "announce", "declare", "sign", "order", "impose",
                                        "step", "intensify", "escalate", "begin", "start", "continue",
                                        "resume", "pay", "extend", "offer", "give", "provide", "deliver",
                                        "issue", "express", "undertake", "perform", "execute", "lead",
                                        "initiate", "organize", "organise", "open", "press", "renew",
                                        "have", "repeat", "reiterate", "sharpen", "voice", "level", "direct",
                                        "lodge", "file", "complete", "finalize", "finalise", "seal",
                                        "clinch", "conclude", "negotiate", "agree", "speed", "accelerate",
                                        "expand", "widen", "broaden", "tighten", "ramp", "deepen", "maintain",
                                        "enforce", "commit", "perpetrate", "inflict", "introduce", "institute",
                                        "prolong", NULL};
    return ne_word_in(lemma, verbs);
}

/* Is token j a verb of being in a state or entering it ("is/remains in
** talks", "entered into negotiations", "engaged in talks", "was closeted in
** a meeting with")? */
static int state_verb(const ev_ctx *c, int j) {
    static const char *const verbs[] = {"be", "remain", "stay", "enter", "engage", "closet", NULL};
    return (c->sv.isverb[j] || c->sv.wc[j] == NE_WC_BE) && ne_word_in(c->sv.t[j].lemma, verbs);
}

/* Words that qualify talks or a meeting right after "had" ("had detailed
** talks", "had a lengthy meeting"): "detailed" would read as a verb there. */
static int talk_adjective(const ev_ctx *c, int k) {
    static const char *const adj[] = {"detailed",  "lengthy", "fruitful",    "extensive", "bilateral", "informal",
                                      "separate",  "cordial", "brief",       "long",      "useful",    "frank",
                                      "productive", "constructive", "substantive", "preliminary", "secret",
                                      "direct",    "closed-door", "high-level", "wide-ranging", "hour-long", NULL};
    return k >= 0 && k < c->sv.n && ne_word_in(c->sv.t[k].norm, adj);
}

/* The subject of a trip whose purpose a consultation noun after "for" at f
** names ("Kerry flew to Moscow for talks with Putin", "arrived in Delhi on
** Monday for a meeting with the prime minister", "came here for talks"):
** the travel verb is at most six tokens before "for", with only a place
** phrase or a time between (no comma, no other verb); 0 when there is none. */
static int trip_purpose(ev_ctx *c, int f, int lo, int *out) {
    static const char *const trips[] = {"go", "travel", "fly", "come", "head", "arrive", "leave", "rush", "return", NULL};
    const ne_sview *sv = &c->sv;
    for (int v = f - 1; v >= lo && v >= f - 7; v--) {
        if (sv->t[v].shape == NE_SH_PUNCT) return 0;
        if (!sv->isverb[v]) continue;
        return ne_word_in(sv->t[v].lemma, trips) ? neEvent_verb_subject(c, v, lo, out) : 0;
    }
    return 0;
}

/* The subject of the clause a consultation noun after a time preposition at
** a ends ("Ford announced the closures after contract negotiations with the
** union", "the prime minister left Washington after talks with Obama",
** "said after a meeting with Erdogan that"; the caller asks for a partner
** named: not "spoke to journalists after the meeting"): the verb nearest before a, at
** most eight tokens back with no punctuation or subordinator between, is
** the clause's; its subject took part; 0 when there is none. */
static int adjunct_subject(ev_ctx *c, int a, int lo, int *out) {
    const ne_sview *sv = &c->sv;
    for (int v = a - 1; v >= lo && v >= a - 8; v--) {
        if (sv->t[v].shape == NE_SH_PUNCT || sv->wc[v] == NE_WC_SUB || sv->wc[v] == NE_WC_REL) return 0;
        if (sv->isverb[v]) return neEvent_verb_subject(c, v, lo, out);
    }
    return 0;
}

/* Does token k end an amount of money ("$13.4 billion", "15 billion dollars",
** "C$ 4 billion"): a number word, or a number or currency word after a currency
** sign or a number? */
static int amount_before(const ev_ctx *c, int k, int lo) {
    static const char *const units[] = {"million", "billion", "trillion", "dollars", "euros", "pounds", "yen", NULL};
    if (k < lo) return 0;
    if (word_in(c, k, units)) return 1;
    return c->sv.t[k].shape == NE_SH_NUM && k > lo && currency(c, k - 1);
}

/* The token before an amount of money and "in" that stand before the event
** noun whose group ends at j ("provided $13.4 billion in loans", "received
** $2 billion in federal loans": j is "in"), or j when there is none. */
static int before_amount_in(const ev_ctx *c, int j, int lo) {
    const ne_sview *sv = &c->sv;
    if (j <= lo || !tok_is(c, j, "in") || !amount_before(c, j - 1, lo)) return j;
    for (j--; j >= lo && (neClause_ng_token(sv, j) || currency(c, j) || sv->wc[j] == NE_WC_ADV); j--) {}
    return j;
}

/* The subject of a support verb governing the event noun at i (the noun
** heads the verb's object: "carried out numerous attacks", "launched its
** new spring offensive"; with an amount before "in" when the match has a
** target: "provided $13.4 billion in loans to GM"); 0 when there is none. */
static int support_subject(ev_ctx *c, int i, int lo, int *out) {
    const ne_sview *sv = &c->sv;
    int j = i - 1;
    while (j >= lo && (neClause_ng_token(sv, j) || sv->wc[j] == NE_WC_ADV || talk_adjective(c, j)) &&
           (neClause_actor(sv, j) < 0 || sv->wc[j] == NE_WC_POSS))
        j--;
    if (j >= lo && (tok_is(c, j, "out") || tok_is(c, j, "up"))) j--; /* carry out, step up */
    if (c->m.ts >= 0) j = before_amount_in(c, j, lo); /* "announced $17.4 billion in loans to GM" */
    if (j > lo && (tok_is(c, j, "in") || tok_is(c, j, "into"))) { /* "is (currently) in talks with" */
        int v = j - 1;
        while (v > lo && sv->wc[v] == NE_WC_ADV) v--;
        if (!state_verb(c, v)) return 0;
        return neEvent_verb_subject(c, v, lo, out);
    }
    if (j > lo && tok_is(c, j, "on") && !strcmp(c->m.pt->cameo->root, "04")) { /* "was on a visit to Pakistan" */
        static const char *const trips[] = {"be", "embark", "go", "leave", "arrive", "come", NULL};
        int v = j - 1;
        while (v > lo && sv->wc[v] == NE_WC_ADV) v--;
        if (!((sv->isverb[v] || sv->wc[v] == NE_WC_BE) && ne_word_in(sv->t[v].lemma, trips))) return 0;
        return neEvent_verb_subject(c, v, lo, out);
    }
    if (j > lo && tok_is(c, j, "for") && !strcmp(c->m.pt->cameo->root, "04")) /* "flew to Moscow for talks with" */
        return trip_purpose(c, j, lo, out);
    static const char *const times[] = {"after", "following", "during", "before", "amid", NULL};
    if (j > lo && c->m.ts >= 0 && word_in(c, j, times) && !strcmp(c->m.pt->cameo->root, "04"))
        return adjunct_subject(c, j, lo, out); /* "left after talks with" */
    /* "had a meeting with", "had talks with": "have" right before the noun or its determiner is the main verb */
    int have = j >= lo && j + 1 <= i && sv->wc[j] == NE_WC_HAVE && /* not "has become a" */
               (j + 1 == i || sv->wc[j + 1] == NE_WC_DET || sv->wc[j + 1] == NE_WC_POSS ||
                (talk_adjective(c, j + 1) && sv->wc[j + 2] != NE_WC_DET)); /* not "had detailed the talks" */
    if (j < lo || !(sv->isverb[j] || have) || !support_verb(sv->t[j].lemma) || neClause_passive(sv, j)) return 0;
    int n = neEvent_verb_subject(c, j, lo, out);
    if (n > 0) c->m.attach = j; /* its date is the support verb's: "on Sunday evening had talks" */
    return n;
}

/* Is mention a, a modifier of the force noun at i (roots 18-20), the place
** where it happened: a place, or a capital not in the possessive ("the Paris
** attacks", "the Brussels bombings"; but "Moscow's airstrikes" are the
** government's)? */
static int place_modifier(const ev_ctx *c, int a, int i) {
    const char *r = c->m.pt->cameo->root;
    if (!(r[0] == '2' || (r[0] == '1' && r[1] >= '8'))) return 0;
    if (a <= -2) return 1;
    const ne_actor_info *in = NE_VEC_AT(c->d->actor_info, ne_actor_info, (size_t)a);
    if (in->type != NE_DT_METONYM) return 0;
    int last = -1;
    for (int k = 0; k < i; k++)
        if (c->sv.t[k].actor == a) last = k;
    return last >= 0 && last < i && (last + 1 == i || c->sv.wc[last + 1] != NE_WC_POSS);
}

/* Recipient verbs: their subject receives the act their object noun names
** ("the carmakers received Canadian loans", "Kenya won US backing"). */
static int recipient_verb(const char *lemma) {
    static const char *const verbs[] = {"receive", "get", "obtain", "secure", "win", "accept", "gain", NULL};
    return ne_word_in(lemma, verbs);
}

/* Is the aid noun at i called the state's by a modifier in its noun group
** ("received $13.4 billion in federal loans", "government loans", "state
** aid", "taxpayer money")?  Such aid names its giver without an actor: the
** government of the recipient's country (state_giver). */
static int state_money(const ev_ctx *c, int i, int lo) {
    static const char *const state[] = {"federal", "government", "state", "taxpayer", "public", NULL};
    for (int j = i - 1; j >= lo && j >= i - 3 && neClause_ng_token(&c->sv, j); j--)
        if (c->sv.t[j].actor < 0 && word_in(c, j, state)) return 1;
    return 0;
}

/* The subject of a recipient verb whose object the event noun at i heads:
** the target of a noun event that names none ("GM and Chrysler receive
** Canadian loans": CAN on the carmakers); 0 when there is none. */
static int recipient_subject(ev_ctx *c, int i, int lo, int *out) {
    const ne_sview *sv = &c->sv;
    int j = i - 1;
    while (j >= lo && (neClause_ng_token(sv, j) || sv->wc[j] == NE_WC_ADV)) j--;
    j = before_amount_in(c, j, lo); /* "received $13.4 billion in federal loans" */
    if (j < lo || !sv->isverb[j] || !recipient_verb(sv->t[j].lemma) || neClause_passive(sv, j)) return 0;
    return neEvent_verb_subject(c, j, lo, out);
}

/* "X is in talks with Y", "are in negotiations with": talks under way are
** negotiation, 046 (the CAMEO codebook's 046 example: "held talks with the
** leaders of Romania's new government"), not an unspecified consultation. */
static const char *in_talks(const ev_ctx *c) {
    static const char *const talks[] = {"talk", "talks", "negotiation", "negotiations", NULL};
    int i = c->m.anchor, p = i - 1;
    if (strcmp(c->m.pt->cameo->code, "040") || !word_in(c, i, talks)) return NULL;
    while (p >= 0 && (c->sv.wc[p] == NE_WC_ADV || (c->sv.wc[p] == NE_WC_OPEN && !c->sv.isverb[p]))) p--;
    return p >= 0 && tok_is(c, p, "in") ? "046" : NULL; /* "in (ongoing) talks" */
}

/* Roots of acts done in words that come from someone: appeals, demands,
** disapproval, threats (02, 10, 11, 13). */
static int spoken_root(const char *root) {
    static const char *const roots[] = {"02", "10", "11", "13", NULL};
    return ne_word_in(root, roots);
}

/* The source of a noun event named after the noun or its match (frame f
** with no source yet): a by-agent ("an attack by X", "a car bombing by X"),
** or for words from someone a from-agent ("veto threats from the White
** House", "criticism from Republicans"); sets f's sources and rule. */
static void noun_agent(ev_ctx *c, ev_frame *f) {
    int i = c->m.anchor;
    int by = tok_is(c, i + 1, "by") ? i + 1 : tok_is(c, c->m.end + 1, "by") ? c->m.end + 1 : -1;
    if (by >= 0) {
        f->nsrc = neEvent_slot_actors(c, by + 1, neEvent_slot_max_end(c, by + 1), f->src);
        f->rule = "noun: source=by-agent";
    }
    int from = tok_is(c, i + 1, "from") ? i + 1 : tok_is(c, c->m.end + 1, "from") ? c->m.end + 1 : -1;
    if (!f->nsrc && from >= 0 && !c->m.pt->has_source && spoken_root(c->m.pt->cameo->root)) {
        f->nsrc = neEvent_slot_actors(c, from + 1, neEvent_slot_max_end(c, from + 1), f->src);
        f->rule = "noun: source=from-agent";
    }
}

/* The start of the noun group of the event noun at i whose words from s
** precede it: after the last "a" or "an" there, which opens a noun group of
** its own ("called it a massacre", "It's an invasion", "the college gym a
** ruminative endorsement": the actor before the article is no modifier,
** as "called Clinton a liar" ends the slot at the name). */
static int noun_group_open(const ev_ctx *c, int s, int i) {
    for (int k = i - 1; k > s; k--)
        if (tok_is(c, k, "a") || tok_is(c, k, "an")) return k;
    return s;
}

/* The sources of the noun-anchored match of frame f, into f (its rule
** too): the pattern's source slot, an actor in the noun's own group ("Iran's
** attack", "an Iranian airstrike"), the subject of "be" ("X was critical
** of"), a "by" agent (noun_agent), the subject of a support verb ("Iran
** launched an attack"), the head of an aside ("Sanders, a fierce critic of
** Clinton, said"), or for a meeting the subject after an opening phrase
** ("After talks with X, Y said").  in_slot as code_noun's.  Returns 1 when
** the noun codes nothing (a negated "be", an agent noun or a slot's act
** that names no one, an unrealized act's cooperation), else 0. */
static int noun_sources(ev_ctx *c, ev_frame *f, int in_slot) {
    static const char *const agent_nouns[] = {"critic", "critics", NULL}; /* the noun names its source */
    int i = c->m.anchor;
    if (c->m.pt->has_source) {
        f->nsrc = neEvent_slot_actors(c, c->m.ss, c->m.se, f->src);
    } else if (i > 0 && neClause_ng_token(&c->sv, i - 1)) {
        int s = noun_group_open(c, neClause_ng_start(&c->sv, i - 1, f->lo), i);
        f->nsrc = neClause_ng_actors(&c->sv, s, i - 1, f->src, 1);
        if (f->nsrc && !NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, f->src[0]))->code)
            f->nsrc = 0; /* "their offensive" with no referent: try the support verb */
        if (f->nsrc && place_modifier(c, f->src[0], i)) f->nsrc = 0; /* "the Paris attacks": where, not who */
    }
    if (!f->nsrc && !c->m.pt->has_source && (f->nsrc = neEvent_be_subject(c, f->lo, f->src)) != 0) {
        if (f->nsrc < 0) return 1; /* "is not critical of" */
        f->rule = "noun: source=be-subject";
    }
    int b = c->m.begin; /* "jethmalani was all praise for naidu": an unknown lower-case name */
    if (!f->nsrc && !c->m.pt->has_source && b >= 0 && b < i && c->sv.wc[b] == NE_WC_BE &&
        verbal_root(c->m.pt->cameo->root) && (f->nameless = neEvent_nameless_subject(c, neClause_vg_start(&c->sv, b), f->lo)))
        f->rule = "noun: source=be-subject";
    if (!f->nsrc) noun_agent(c, f);
    if (!f->nsrc && !c->m.pt->has_source && (f->nsrc = support_subject(c, i, f->lo, f->src)) > 0)
        f->rule = "noun: source=support-verb-subject";
    if (!f->nsrc && !c->m.pt->has_source && (f->nsrc = neEvent_aside_subject(c, f->lo, f->src)) > 0)
        f->rule = "noun: source=aside-head"; /* "Sanders, a fierce critic of Clinton, said" */
    if (!f->nsrc && word_in(c, i, agent_nouns)) return 1; /* "critics of Trump say": no one named */
    int meeting = root_is(c->m.pt, "04") || root_is(c->m.pt, "05") || root_is(c->m.pt, "06");
    meeting |= root_is(c->m.pt, "11"); /* "In a veiled attack on the BJP, the Congress president said" */
    if (!f->nsrc && !c->m.pt->has_source && !in_slot && meeting && /* not "After his arrest, X said": X suffered it */
        (f->nsrc = neClause_opening_noun(&c->sv, i, f->src, EV_MAX_ACTORS)) > 0)
        f->rule = "noun: source=opening-phrase-subject"; /* "After talks with X, Y said" */
    if (in_slot && !f->nsrc) return 1; /* "Sweden condemned the attack": no one's attack */
    if (in_slot == 3 && c->m.pt->cameo->quad_class <= 2) return 1; /* "rejected the EU's bailout": none given */
    return 0;
}

/* A noun-anchored match: its sources (noun_sources: "Iran's attack", "an
** Iranian airstrike", "Iran launched an attack"), its targets from the
** pattern's slot or after the noun, else the subject of a verb of support
** or receipt ("Airbus won orders from $", "GM received federal loans");
** a meeting among one group's own members, and a joint act both ways.  A
** judgement in a quotation is neEvent_code_judgement's.  in_slot: the noun is
** inside a verb's target slot (2), or that of an unrealized act (3:
** "rejected the EU's bailout", where nothing was given).  Returns NE_OK or
** an error. */
static int code_noun(ev_ctx *c, int in_slot) {
    if (c->m.pt->by_speaker) return neEvent_code_judgement(c);
    ev_frame f = {.conf = 0.8, .rule = "noun: source=modifier"};
    int i = c->m.anchor;
    neClause_bounds(&c->sv, i, &f.lo, &f.hi);
    if (neClause_noun_modality(&c->sv, i, f.lo, f.hi) || noun_sources(c, &f, in_slot)) return NE_OK;
    f.ntgt = c->m.ts >= 0 ? neEvent_slot_actors(c, c->m.ts, c->m.te, f.tgt) : neEvent_trailing_target(c, f.tgt);
    if (!f.ntgt && c->m.pt->has_source && !c->m.pt->has_target && root_is(c->m.pt, "06") && /* "Airbus won orders from $" */
        ((f.ntgt = support_subject(c, i, f.lo, f.tgt)) > 0 || (f.ntgt = recipient_subject(c, i, f.lo, f.tgt)) > 0))
        f.rule = "noun: source=slot, target=support-verb-subject";
    if (!f.ntgt && f.nsrc && (root_is(c->m.pt, "07") || root_is(c->m.pt, "06")) &&
        (f.ntgt = recipient_subject(c, i, f.lo, f.tgt)) > 0)
        f.rule = "noun: source=modifier, target=recipient-subject";
    if (!f.ntgt && !f.nsrc && root_is(c->m.pt, "07") && state_money(c, i, f.lo) &&
        (f.ntgt = recipient_subject(c, i, f.lo, f.tgt)) > 0) { /* "GM received federal loans" */
        f.state_giver = 1;
        f.rule = "noun: source=state-modifier, target=recipient-subject";
    }
    if (!f.ntgt && root_is(c->m.pt, "06") && !c->m.pt->has_target && !c->m.pt->has_source)
        return NE_OK; /* "a Boeing contract": no exchange with anyone named */
    neEvent_between_sides(c, &f);
    if (!f.recip && !f.ntgt && c->m.ts < 0 && !c->m.pt->has_source && root_is(c->m.pt, "04") &&
        joint_code(c->m.pt->cameo->code))
        neEvent_paired_sides(c, &f); /* "U.S.-China talks" */
    if (!f.recip && !f.ntgt && c->m.pt->nelems == 1 && word_in(c, i, partnerless_joint))
        return NE_OK; /* bare "talks" of one side: "Trump's talk of a wall" */
    /* "the allies had a meeting", "a cabinet meeting", "a meeting of the party's MLAs" */
    if (!f.recip && word_in(c, i, meeting_nouns) && !c->m.pt->has_source &&
        ((f.nsrc == 1 && !f.ntgt && !c->m.pt->has_target && internal_meeting(c, &f, f.src[0])) ||
         (!f.nsrc && f.ntgt == 1 && tok_is(c, c->m.ts - 1, "of") && internal_meeting(c, &f, f.tgt[0]))))
        return neEvent_emit(c, &f);
    if (!(f.verbal = verbal_attack(c, &f)) && !(f.verbal = unarmed_force(c, &f))) f.verbal = in_talks(c);
    if (!f.verbal) f.verbal = firm_deal(c, &f);
    if (!f.verbal && lone_protest(c, &f)) return NE_OK; /* "his massive rallies"; "her protest against Trump" 111 */
    int rc = neEvent_emit(c, &f);
    if (rc || !f.nsrc || !f.ntgt || !joint_code(c->m.pt->cameo->code) || c->m.ts < 1 ||
        !partner_prep(c, c->m.ts - 1, c->m.pt->cameo->code))
        return rc;
    ev_frame r = reversed(&f); /* "X is in talks with Y": Y talks with X too (joint acts) */
    return neEvent_emit(c, &r);
}

/* Roots whose object is an act that did not happen: an appeal for it, a
** demand, a rejection, a threat ("Greece rejected the EU's bailout terms"). */
static int unrealized(const char *root) {
    return !strcmp(root, "02") || !strcmp(root, "10") || !strcmp(root, "12") || !strcmp(root, "13");
}

/* Mark the tokens a match consumed.  The target slot of a verb match is
** marked 2: an event noun there is still coded when it names its own source
** ("condemned the Israeli airstrike on Gaza": ISR's airstrike too). */
static void mark_used(ev_ctx *c, int kind) {
    int s = c->m.begin < c->m.anchor ? c->m.begin : c->m.anchor;
    int slot = c->m.pt->cameo && unrealized(c->m.pt->cameo->root) ? 3 : 2;
    for (int k = s; k <= c->m.end && k < c->sv.n; k++)
        c->sv.used[k] = kind == 0 && c->m.ts >= 0 && k >= c->m.ts && k <= c->m.te && k != c->m.anchor ? slot : 1;
}

/* The held-back events of the sentence, now that its others are known.  A
** bare statement (010: "issued a statement") is coded only when its source
** does nothing more specific in the sentence: "X issued a statement urging
** Y to ..." is X's appeal (docs/ANNOTATION.md, guideline 5).  An event
** without a source is coded only when no event of the sentence has one: next
** to "Sweden condemned the attack on Z", the attack is a mention of an event
** the sentence does not report. */
static int flush_held(ev_ctx *c) {
    int rc = NE_OK;
    for (int k = 0; k < c->nheld && !rc; k++) {
        int more = 0;
        for (int j = 0; j < c->nacted && !more; j++)
            more = !c->held[k].has_source || !strcmp(c->acted[j], c->held[k].source.code);
        if (!more) rc = push_event(c->d, &c->held[k]);
    }
    c->nheld = c->nacted = 0;
    return rc;
}

/* Is token i the tail of a hyphenated modifier whose first part is a
** lowercase word naming no actor, opened right after a determiner or
** possessive ("its long-threatened invasion", "the much-delayed visit")?  A
** modifier of the noun after it, no verb.  "a UN-brokered deal", "the
** Israeli-occupied sector" name the doer and stay events; "the police
** lathi-charged the mob" stays a verb. */
static int modifier_tail(const ev_ctx *c, int i) {
    if (i < 3 || !compound_tail(c, i)) return 0;
    int w = c->sv.wc[i - 3];
    return (w == NE_WC_DET || w == NE_WC_POSS) && c->sv.t[i - 2].shape == NE_SH_LOWER &&
           neClause_actor(&c->sv, i - 2) < 0;
}

/* Is anchor i (entry an) to be tried for patterns of kind (0 verbs, 1
** nouns) in the clause view: judged a verb for kind 0, a noun for kind 1,
** with patterns of that kind, and not consumed by an earlier match (a noun
** in a verb's target slot may be coded still: mark_used), and
** not the tail of a hyphenated modifier (modifier_tail) for kind 0? */
static int anchor_wanted(const ev_ctx *c, int i, const ne_anchor *an, int kind) {
    if ((kind == 0) != (c->sv.isverb[i] != 0)) return 0; /* !neClause_is_noun */
    if (kind == 0 && modifier_tail(c, i)) return 0;
    return !(c->sv.used[i] && (kind == 0 || c->sv.used[i] == 1)) && an->n[kind];
}

/* A verb after an actor's speaker word ("Iran's statement condemns Israel",
** "China's foreign ministry rejects the claim"): the clause view reads
** "statement condemns" as a compound noun, like "terrorist attacks".  A
** lower-case -s form that anchors verb patterns, right after a lower-case
** title word of cues.txt (the speaker heads: statement, ministry,
** spokesman, ...) that follows an actor's "'s" (one lower-case modifier
** between), with an object starting after it (a name, a determiner, a
** possessive), is the clause's verb: token i is judged so here. */
static void possessor_title_verb(ev_ctx *c, int i) {
    ne_sview *sv = &c->sv;
    const ne_token *t = &sv->t[i];
    if (sv->isverb[i] || !(t->tags & NE_TAG_VERB) || t->shape != NE_SH_LOWER || !ne_inflected(t) ||
        t->norm[t->norm_len - 1] != 's')
        return;
    int p = i - 1, q = p - 1;
    if (sv->t[p].shape != NE_SH_LOWER || !neQuote_title_at(c->e, sv->t, (size_t)p, (size_t)sv->n, sv->nh[p]))
        return;
    if (sv->wc[q] == NE_WC_OPEN && sv->t[q].shape == NE_SH_LOWER && !sv->isverb[q]) q--; /* "foreign" */
    if (q < 1 || sv->wc[q] != NE_WC_POSS || strcmp(sv->t[q].norm, "'s") || neClause_actor(sv, q - 1) < 0) return;
    int o = sv->wc[i + 1];
    if (o != NE_WC_DET && o != NE_WC_POSS && neClause_actor(sv, i + 1) < 0) return;
    const ne_anchor *an = nePattern_anchor(c->e->patterns, t->lemma, sv->lh[i]);
    if (an && an->n[0]) sv->isverb[i] = 1;
}

/* possessor_title_verb at the tokens two and three after each possessive of
** the sentence (the "'s" is right before the title word or before its one
** modifier), in token order: memchr finds the possessives, which few
** sentences have, so a sentence without one costs one vector scan. */
static void possessor_title_verbs(ev_ctx *c) {
    const uint8_t *wc = c->sv.wc;
    int n = c->sv.n;
    for (const uint8_t *p = n > 0 ? memchr(wc, NE_WC_POSS, (size_t)n) : NULL; p;
         p = p + 1 < wc + n ? memchr(p + 1, NE_WC_POSS, (size_t)(wc + n - (p + 1))) : NULL) {
        int q = (int)(p - wc);
        for (int i = q + 2; i <= q + 3; i++)
            if (i >= 3 && i + 1 < n) possessor_title_verb(c, i);
    }
}

int neEvent_view_sentence(ev_ctx *c) {
    if (c->viewed) return NE_OK;
    int rc = neClause_view(&c->sv);
    if (!rc) c->viewed = 1, possessor_title_verbs(c);
    return rc;
}

/* Does the sentence hold, for each required group of alternatives of
** pattern pt (a WORD element of NE_PE_ALTSET_MIN words or more, which has
** an altset), a token word_match takes: after anchor i for a group after the
** anchor, before it for one before it (match_back, pronoun_word and
** relative_head take words before the anchor only)?  words_placed asks as
** much of the words' word-set bits, which other words share: a long group
** has dozens of them, and a sentence of 30 words sets some 60 of the 4,096,
** so "say (that) + {is|was|are|were} (a|an) {disgrace|fraud|liar|...|threat}"
** passed it before 1,580 of the 9,417 clause views of the first 3,000
** Reuters stories, and matched none.  A shorter
** group, of fewer bits, seldom passes so, and is left to the matcher.  Needs
** no clause view (word_match reads the tokens and their hashes), so
** first_try asks it before making one.  Example: "the company said profit
** was up" has none of {disgrace|...}: no view for that pattern. */
static int words_present(const ev_ctx *c, int i, const ne_pattern *pt) {
    const uint32_t *lh = c->sv.lh, *nh = c->sv.nh;
    for (int k = 0; k < pt->nelems; k++) {
        const ne_pelem *el = &pt->elems[k];
        if (k == pt->anchor || el->kind != NE_PE_WORD || !el->altset) continue;
        int j = k > pt->anchor ? i + 1 : 0, end = k > pt->anchor ? c->sv.n : i;
        for (; j < end; j++) /* word_match's first test in line: most tokens fail it */
            if ((ne_pe_althas(el->altset, lh[j]) || ne_pe_althas(el->altset, nh[j])) && word_match(c, j, el)) break;
        if (j >= end) return 0;
    }
    return 1;
}

/* The first pattern of kind anchor i may try (anchor_cands into c->cand,
** then next_try), or an->n[kind] when none or when the anchor is not to be
** tried (anchor_wanted); *rc NE_NOMEM.  The clause view is made here, when
** a sentence first has a pattern to try: before it, an anchor is tried for
** both kinds (as a verb only when neClause_may_verb), and one with no
** pattern to try is not tried either way, so the view decides the same
** anchors; most sentences have none, and need no view.  Before the view, a
** pattern whose words the sentence lacks (words_present) is passed over:
** it could not match, and the view it would make is the dearest part of
** most sentences that code nothing. */
static uint32_t first_try(ev_ctx *c, int i, const ne_anchor *an, int kind, int *rc) {
    uint32_t n = an->n[kind];
    if (!n || (c->viewed ? !anchor_wanted(c, i, an, kind) : kind == 0 && !neClause_may_verb(&c->sv.t[i]))) return n;
    if ((*rc = anchor_cands(c, an, kind))) return n;
    uint32_t k = next_try(c, i, an, kind, 0);
    if (k == n || c->viewed) return k;
    while (k < n && !words_present(c, i, an->list[kind][k].pt)) k = try_after(c, i, an, kind, k);
    if (k == n) return n;
    if ((*rc = neEvent_view_sentence(c))) return n;
    return anchor_wanted(c, i, an, kind) ? k : n;
}

/* Prefetch what code_sentence reads first of the anchors an[pos[k]] (k <
** npos), which find_anchors prefetched: each one's first words (an->first,
** of the lists next_try walks) and its key indexes' bounds (ne_pkeys at, of
** the lists it reaches through anchor_cands).  Always inline, for the
** prefetches to stay (a function that only prefetches is free of side
** effects to GCC's ipa-pure-const, and its calls dead). */
static inline __attribute__((always_inline)) void plan_anchors(const ne_anchor *const *an, const int *pos, int npos) {
    for (int k = 0; k < npos; k++) {
        const ne_anchor *a = an[pos[k]];
        __builtin_prefetch(a->first);
        if (a->keys) __builtin_prefetch(&a->keys[0].at), __builtin_prefetch(&a->keys[1].at);
    }
}

/* Verb anchors first (they may consume event nouns: "launched an airstrike"),
** then the remaining noun anchors.  an[i]: the patterns anchored on token i;
** pos[0, npos): the tokens that have some, in order.  The view c->sv is
** open (neClause_open), c->viewed 0. */
static int code_sentence(ev_ctx *c, const ne_anchor *const *an, const int *pos, int npos) {
    size_t first = c->d->events.n;
    for (int kind = 0; kind < 2; kind++) {
        for (int k = 0; k < npos; k++) {
            int i = pos[k], rc = NE_OK;
            /* a match whose only pairs had one actor on both sides ("Sudan deployed troops
            ** to Darfur") gives way to the next shorter pattern ("deploy troops") */
            for (uint32_t p = first_try(c, i, an[i], kind, &rc); match_anchor(c, i, an[i], kind, &p);
                 p = try_after(c, i, an[i], kind, p)) {
                int in_slot = c->sv.used[i]; /* 2: a verb's target slot, 3: one of an unrealized act */
                mark_used(c, kind);
                if (!c->m.pt->cameo) break; /* a sense that is no event ("shot back") */
                c->coded = c->self = 0;
                rc = kind == 0 ? neEvent_code_verb(c) : code_noun(c, in_slot);
                if (rc) return rc;
                if (c->coded || !c->self) break;
            }
            if (rc) return rc;
        }
    }
    if (c->d->events.n == first && !c->nheld && c->about.cameo) {
        int rc = neEvent_reported_about(c, an, pos, npos);
        if (rc) return rc;
    }
    return flush_held(c);
}

/* The anchor of a plural -ings noun ("bombings", "killings", "meetings"):
** its lemma is the noun ("bombing"), while a pattern word "bombing" has the
** verb's lemma ("bomb"), so the noun's own lemma is looked up again. */
static int ings_form(const ne_token *t) { return t->norm_len >= 6 && !memcmp(t->norm + t->norm_len - 4, "ings", 4); }

static const ne_anchor *ings_anchor(const struct ne_engine *e, const ne_token *t) {
    char buf[64];
    if (!ings_form(t)) return NULL; /* most tokens */
    size_t n = strlen(t->lemma);
    if (n < 5 || n >= sizeof buf || memcmp(t->lemma + n - 3, "ing", 3)) return NULL;
    const char *l = neLemma_word(e->lexicon, t->lemma, n, buf, sizeof buf);
    return l && strcmp(l, t->lemma) ? nePattern_anchor(e->patterns, l, ne_hash(l, strlen(l))) : NULL;
}

/* The anchor entry of token i (t, its lemma's ne_hash lh), whose lemma
** passed the anchor map: through its word memo (d->wmemo) when it has one,
** looked up once per distinct word and lemma. */
static const ne_anchor *token_anchor(const struct ne_doc *d, const struct ne_engine *e, size_t i, const ne_token *t,
                                     uint32_t lh) {
    ne_wmemo *m = d->wmemo ? d->wmemo[i] : NULL;
    int k = t->lemma != t->norm; /* its lemma is the word's lemma, else the word */
    unsigned bit = (unsigned)NE_WM_ANCHOR << k;
    if (m && (m->known & bit)) return nePattern_anchor_in(e->patterns, m->anchor[k]);
    uint32_t slot;
    const ne_anchor *a = nePattern_anchor_slot(e->patterns, t->lemma, lh, &slot);
    if (m && slot <= UINT16_MAX) m->anchor[k] = (uint16_t)slot, m->known = (uint8_t)(m->known | bit);
    return a;
}

/* Is t one of words, alone or glued to non-ASCII junk ("storiesÂ", a
** no-break space mangled by a wrong encoding)? */
static int is_norm(const ne_token *t, const char *const *words) {
    for (; *words; words++) { /* most tokens differ in the first two bytes (the words have two or more) */
        if (t->norm[0] != (*words)[0] || t->norm[1] != (*words)[1]) continue;
        size_t n = strlen(*words);
        if (!strncmp(t->norm, *words, n) && (!t->norm[n] || (unsigned char)t->norm[n] >= 0x80)) return 1;
    }
    return 0;
}

/* Web pages close with lists of links to other stories ("related stories:",
** "also read:", "full coverage:"): their headlines are not this article's
** events.  Such a list starts at a marker of two words (list_marker) that
** opens a sentence or is followed by a colon (list_colon). */
static int list_marker(const ne_token *t) {
    static const char *const w1[] = {"related", "also", "read", "full", "see", "more", NULL};
    static const char *const w2[] = {"stories", "story", "news", "articles", "links", "read", "more",
                                     "coverage", "also", "reading", NULL};
    return is_norm(t, w1) && is_norm(t + 1, w2);
}

/* Is token j of the tokens t of a sentence, a punctuation token, the colon
** after a list marker that starts at j - 2 (j >= 3)? */
static int list_colon(const ne_token *t, uint32_t j) {
    return j >= 3 && ne_word_is(t[j].norm, ":") && list_marker(t + j - 2);
}

/* Look up the anchors of sentence s before the list of links it may open
** (list_marker): the tokens that have patterns into pos (in order), their
** entries into an[k] (an[k] of other tokens is left as it was); returns how
** many; *limit: the token where the list starts, or the sentence's count. */
static int find_anchors(const struct ne_doc *d, const struct ne_engine *e, const ne_sentence *s,
                        const ne_anchor **an, int *pos, uint32_t *limit) {
    int found = 0;
    const ne_token *t0 = NE_VEC_AT(d->tokens, ne_token, s->tok_first), *t = t0;
    const uint32_t *lh = d->lhash + s->tok_first;
    const uint64_t *amap = nePattern_amap(e->patterns);
    uint32_t end = s->tok_count >= 2 && list_marker(t0) ? 0 : s->tok_count;
    for (uint32_t k = 0; k < end; k++, t++) {
        if (t->shape == NE_SH_PUNCT) { /* no anchor; the colon of a list? */
            if (!list_colon(t0, k)) continue;
            end = k - 2;
            while (found && (uint32_t)pos[found - 1] >= end) found--;
            break;
        }
        int maybe = ne_amap_has(amap, lh[k]); /* most tokens: no anchor, no call */
        if (!maybe && (t->lemma == t->norm || !ings_form(t))) continue; /* ings_anchor wants a lemma of its own */
        if (t->shape > NE_SH_MIXED || (t->shape == NE_SH_CAP && t->lemma == t->norm && k > 0 && !s->in_title &&
                                       !s->titlecase))
            continue; /* punctuation, numbers, names */
        const ne_anchor *a = maybe ? token_anchor(d, e, s->tok_first + k, t, lh[k]) : NULL;
        if (!a) a = ings_anchor(e, t);
        if (!a) continue;
        an[k] = a, pos[found++] = (int)k;
        __builtin_prefetch(a); /* from a word memo, unread yet: code_sentence reads it after neClause_open */
    }
    *limit = end;
    return found;
}

/* A protest (root 14, not a riot: 145) that names no one it is aimed at, by
** protesters the text names, in a sentence where they also demand, appeal,
** disapprove or reject (roots 10, 02, 11, 12) toward someone ("councillors
** sat on a dharna demanding that they be heard by the commission", "workers
** staged a demonstration demanding the resignation of the chief minister"):
** the protest is aimed at that one, the first such event's target.  Events
** first..d->events.n are the sentence's; an event that would then equal
** another (code, date, sides) is left as it was. */
static void protest_target(struct ne_doc *d, size_t first) {
    static const char *const pressing[] = {"10", "02", "11", "12", NULL};
    for (size_t i = first; i < d->events.n; i++) {
        ne_event *ev = NE_VEC_AT(d->events, ne_event, i);
        if (strcmp(ev->root, "14") || !strncmp(ev->code, "145", 3) || ev->has_target || !ev->has_source ||
            !ev->source.code || !ev->source.text)
            continue; /* a riot, or rioters the engine implied (implied_unrest) */
        const ne_event *aim = NULL;
        for (size_t k = first; k < d->events.n && !aim; k++) {
            const ne_event *x = NE_VEC_AT(d->events, ne_event, k);
            if (ne_word_in(x->root, pressing) && x->has_source && x->has_target && x->source.code &&
                x->target.code && !strcmp(x->source.code, ev->source.code) && strcmp(x->target.code, ev->source.code))
                aim = x;
        }
        if (!aim) continue;
        ne_event cand = *ev; /* the protest at the aim's target, unless an event covers it (push_event's test) */
        cand.target = aim->target;
        cand.has_target = 1;
        int dup = 0;
        for (size_t k = 0; k < d->events.n && !dup; k++) {
            const ne_event *x = NE_VEC_AT(d->events, ne_event, k);
            dup = k != i && !strcmp(x->code, cand.code) && same_date(x->date, cand.date) && covers(x, &cand);
        }
        if (dup) continue;
        cand.confidence *= 0.9;
        *ev = cand;
    }
}

/* Is event x of a sentence of the body written in title case, a headline
** given as the text's first line ("Clinton Says Russians Hacked DNC")? */
static int headline_event(const struct ne_doc *d, const ne_event *x) {
    size_t si = (size_t)x->sentence + d->title_sents; /* the body's sentences follow the title's (ne_pub_sent) */
    if (x->in_title || x->sentence < 0 || si >= d->sentences.n) return 0;
    return NE_VEC_AT(d->sentences, ne_sentence, si)->titlecase;
}

/* Does side a of a headline's event name what side b of a body's event
** names: the same code, or b's country alone ("Russians" for "Russian
** intelligence services")? */
static int echoes_side(const ne_actor *a, const ne_actor *b, int ha, int hb) {
    if (ha != hb) return 0;
    if (!ha) return 1;
    if (!a->code || !b->code) return 0;
    return !strcmp(a->code, b->code) || (!a->role && a->country && b->country && !strcmp(a->code, a->country) &&
                                         !strcmp(a->country, b->country));
}

/* A headline's event that the body reports too, with the same code and the
** same sides or fuller ones ("Clinton Says Russians Hacked DNC": "Clinton
** said Russian intelligence services hacked into ..."), is a mention of the
** body's event, not one of its own.  Returns NE_OK or NE_NOMEM. */
static int headline_echoes(struct ne_doc *d) {
    uint8_t *echo = NULL;
    for (size_t i = 0; i < d->events.n; i++) {
        const ne_event *h = NE_VEC_AT(d->events, ne_event, i);
        if (!headline_event(d, h)) continue;
        for (size_t k = 0; k < d->events.n; k++) {
            ne_event *b = NE_VEC_AT(d->events, ne_event, k);
            if (k == i || strcmp(b->code, h->code) || headline_event(d, b) ||
                !echoes_side(&h->source, &b->source, h->has_source, b->has_source) ||
                !echoes_side(&h->target, &b->target, h->has_target, b->has_target))
                continue;
            if (!echo) {
                if (!(echo = neA_alloc(&d->arena, d->events.n))) return NE_NOMEM;
                memset(echo, 0, d->events.n);
            }
            b->mentions += h->mentions;
            echo[i] = 1;
            break;
        }
    }
    if (!echo) return NE_OK;
    size_t w = 0;
    for (size_t i = 0; i < d->events.n; i++)
        if (!echo[i]) *NE_VEC_AT(d->events, ne_event, w++) = *NE_VEC_AT(d->events, ne_event, i);
    d->events.n = w;
    return NE_OK;
}

int neEvent_find(struct ne_doc *d, const struct ne_engine *e) {
    if (!e->patterns || !nePattern_count(e->patterns) || (!d->actors.n && !d->places.n)) return NE_OK;
    ev_ctx c;
    memset(&c, 0, offsetof(ev_ctx, m));
    c.prev_at = -1; /* after m: not zeroed; read by the first sentence (carry) */
    c.carry_ok = 0;
    c.d = d;
    c.e = e;
    const ne_anchor **an = neA_alloc(&d->arena, (d->tokens.n + 1) * sizeof *an);
    int *slot_end = neA_alloc(&d->arena, (d->tokens.n + 1) * sizeof *slot_end);
    uint8_t *group = neA_alloc(&d->arena, d->tokens.n + 1);
    int *pos = neA_alloc(&d->arena, (d->tokens.n + 1) * sizeof *pos);
    c.last = neA_alloc(&d->arena, NE_WS_BITS * sizeof *c.last);
    c.last_of = -1;
    static const ne_pelem about_elems[] = {{.kind = NE_PE_WORD}, {.kind = NE_PE_TARGET}};
    c.about = (ne_pattern){.cameo = neCameo_get(e->cameo, "111"), .kind = 'v', .nelems = 2, .has_target = 1,
                           .weight = 3, .elems = about_elems, .text = "event.c reported_about: 111 v say (that|of|about) +"};
    c.advice = c.about;
    c.advice.cameo = neCameo_get(e->cameo, "020");
    c.advice.text = "event.c reported_about: 020 v say (that) + {should|must|has to}";
    if (!an || !slot_end || !group || !pos || !c.last) return NE_NOMEM;
    for (size_t k = 0; k <= d->tokens.n; k++) slot_end[k] = SLOT_UNKNOWN;
    memset(group, 0, d->tokens.n + 1);
    int links = 0; /* inside a list of links, until the paragraph ends */
    for (uint32_t si = 0; si < d->sentences.n; si++) {
        const ne_sentence *s = NE_VEC_AT(d->sentences, ne_sentence, si);
        if (s->para_start || s->in_title) links = 0;
        uint32_t limit = 0;
        int npos = links ? 0 : find_anchors(d, e, s, an + s->tok_first, pos + s->tok_first, &limit);
        links = limit < s->tok_count;
        if (!npos) continue;
        neClause_open(d, si, &c.words, &c.sv);
        plan_anchors(an + s->tok_first, pos + s->tok_first, npos);
        c.viewed = 0;
        c.pas_at = -1;
        if (c.prev_at >= 0) c.carry = c.prev, c.carry_ok = 1; /* the last sentence that coded one */
        c.prev_at = -1;
        c.slot_end = slot_end + s->tok_first;
        c.group = group + s->tok_first;
        size_t first = d->events.n;
        int rc = code_sentence(&c, an + s->tok_first, pos + s->tok_first, npos);
        if (rc) return rc;
        protest_target(d, first);
    }
    return headline_echoes(d);
}
