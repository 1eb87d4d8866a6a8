/*
** eventInt.h: the matcher's state and the helpers shared by event.c (matching,
** emitting: docs/PATTERNS.md), event_sides.c (who the source and the target of
** a matched clause are) and event_implied.c (the implied-actor and drop rules
** emit_pair applies to each pair).  Private to those three files.
*/
#ifndef NE_EVENTINT_H
#define NE_EVENTINT_H

#include "dict.h"

#include <string.h>

#define EV_MAX_ACTORS 8
#define EV_MAX_HELD 8  /* events one sentence may hold back (held_back) */
/* Modalities under which a clause reports no event (neClause_modality). */
#define EV_NOT_EVENT (NE_MOD_COND | NE_MOD_QUESTION | NE_MOD_SPEC | NE_MOD_GERUND)

/* One successful match of a pattern at an anchor. */
typedef struct ev_match {
    const ne_pattern *pt;
    int anchor, begin, end; /* tokens: first and last consumed */
    int ts, te, ss, se;     /* target and source slots, -1 when none */
    int bys, bye;           /* passive "by" agent */
    int passive;
    int relobj;             /* the "+" slot is the antecedent of an object relative ("whom she accused of") */
    int noun_slot;          /* a "+!" slot names no actor but an earlier act (act_slot: "welcomed the decision") */
    int attach;             /* verb the clause's time and place attach to */
} ev_match;

/* Everything the matcher needs about the sentence.  neEvent_find zeroes the
** fields before m only: the large ones after it are written before they are
** read (match_at, neClause_view, nheld and nacted count held and acted). */
typedef struct ev_ctx {
    struct ne_doc *d;
    const struct ne_engine *e;
    int coded, self; /* events the current match gave; pairs dropped as one actor on both sides, or
                     ** as a "+!" act slot whose author is not found (the next pattern may match) */
    int nheld, nacted;
    int viewed;      /* the sentence's clause view is made (first_try) */
    int pas_at, pas, timed; /* neClause_passive and time_may_follow of token pas_at in sv (-1: none yet) */
    int unrest_doc;  /* neEvent_unrest_text: 0 not asked yet, 1 no, 2 yes */
    int about_on;    /* the match is neEvent_reported_about's (1; 2 its advice): no pattern of the sentence matched */
    int *slot_end;    /* per token of the sentence: neEvent_slot_max_end, or SLOT_UNKNOWN */
    uint8_t *group;   /* per token of the sentence: 1 + ng_or_actor, or 0 not asked yet */
    uint64_t *cand;   /* anchor_cands' bits, room for ncand words */
    uint32_t ncand;
    uint8_t *last;    /* NE_WS_BITS: index_last's positions, of sentence last_of (-1: none yet) */
    int64_t last_of;
    ev_match m;
    ne_pattern about; /* the pattern of neEvent_reported_about's statements (neEvent_find) */
    ne_pattern advice; /* its pattern of advice: what the target should do (020) */
    ne_sview sv;
    ne_wordset words; /* the sentence's, c->sv.words */
    ne_event held[EV_MAX_HELD];     /* this sentence's events held back (held_back) */
    const char *acted[EV_MAX_HELD]; /* sources of its other events */
    int prev_at;                    /* anchor of the sentence's last match coded with a source and a slot target (-1: none) */
    ne_event prev;                  /* that match's first event (shared_addressee) */
    ne_event carry;                 /* prev of an earlier sentence (carried_addressee) */
    int carry_ok;                   /* carry holds one */
} ev_ctx;

/* Where the targets of a frame came from when no slot of the clause gave
** them (ev_frame.far_target): a phrase after the object (neEvent_object_pp_target:
** "imposed sanctions on Iran"), or the subject of the condition after a
** threat (condition_target: "threatened to strike unless Baghdad
** complied"). */
typedef enum ev_far_target { EV_FAR_NONE, EV_FAR_OBJECT_PP, EV_FAR_CONDITION } ev_far_target;

/* Parts of one coded clause shared by all its (source, target) pairs. */
typedef struct ev_frame {
    const ne_cameo_code *cc; /* the code, when not the pattern's: intent 03x, refusal 12x, threat 13x, visit */
    int visit;               /* cc is a visit or its hosting (042/043) */
    int src[EV_MAX_ACTORS], tgt[EV_MAX_ACTORS];
    int nsrc, ntgt, recip;
    int lo, hi;
    const char *rule;
    double conf;
    const char *verbal; /* another reading's code: criticism (verbal_attack), accusation (charge_accuses),
                        ** mob violence or police repression (unarmed_force) */
    int unnamed;        /* a passive arrest of a noun group that names no actor (unnamed_arrested) */
    int nameless;       /* the subject is an unknown lower-case name (neEvent_nameless_subject) or an
                        ** unknown capitalized person's (neEvent_unknown_subject) */
    int internal;       /* a group's meeting among its own members (internal_meeting): source = target */
    ev_far_target far_target; /* the targets come from outside the clause's slots: which phrase */
    int state_giver;    /* aid called the state's ("federal loans"): its giver is the recipient's government */
} ev_frame;

/* Small tests the files make (inline: the matcher calls them per token). */

/* Is token i (in the sentence) the word w? */
static inline int tok_is(const ev_ctx *c, int i, const char *w) {
    return i >= 0 && i < c->sv.n && ne_word_is(c->sv.t[i].norm, w);
}

/* When token i is a subject relative pronoun ("that", "which", "who"), the
** index of the word before it, over a comma: the antecedent's head in "the
** attacks that killed 130", "a car bomb, which killed 20"; else -1. */
static inline int relative_antecedent(const ev_ctx *c, int i) {
    if (i < 1 || i >= c->sv.n || !(c->sv.wc[i] == NE_WC_REL || c->sv.wc[i] == NE_WC_THAT)) return -1;
    return i - 1 - (i > 1 && tok_is(c, i - 1, ","));
}

/* Is token k's lemma or its text one of words ("attacks": lemma attack)? */
static inline int word_in(const ev_ctx *c, int k, const char *const *words) {
    return ne_word_in(c->sv.t[k].lemma, words) || ne_word_in(c->sv.t[k].norm, words);
}

/* Does one of tokens lo..hi of the sentence (those of them it has) hold one
** of words (word_in)? */
static inline int span_has(const ev_ctx *c, int lo, int hi, const char *const *words) {
    for (int k = lo < 0 ? 0 : lo; k <= hi && k < c->sv.n; k++)
        if (word_in(c, k, words)) return 1;
    return 0;
}

/* Does the actor code or role s (NULL: none) hold the party role PTY
** ("INDGOVPTY", "PTY")? */
static inline int party_in(const char *s) { return s && strstr(s, "PTY"); }

/* Does the actor code or role s (NULL: none) hold one of roles ("INDGOVPTY"
** holds "GOV" and "PTY")? */
static inline int role_holds(const char *s, const char *const *roles) {
    for (const char *const *r = roles; *r && s; r++)
        if (strstr(s, *r)) return 1;
    return 0;
}

/* cc when it is a country: three letters and no international body; else NULL. */
static inline const char *national(const ev_ctx *c, const char *cc) {
    return cc && strlen(cc) == 3 && !neDict_is_intl(c->e, cc) ? cc : NULL;
}

/* Roots of violence: coercion by force, assault, fighting, mass violence (18, 19, 20). */
static inline int violent_root(const char *root) {
    static const char *const roots[] = {"18", "19", "20", NULL};
    return ne_word_in(root, roots);
}

/* A firm: a business (BUS) or a multinational company (MNC). */
static inline int firm(const ne_actor *a) {
    return a && ((a->role && !strcmp(a->role, "BUS")) || (a->country && !strcmp(a->country, "MNC")));
}

/* Is the match the verb "help" of the aid pattern (070)? */
static inline int help_match(const ev_ctx *c) {
    return c->m.pt->kind == 'v' && !strcmp(c->m.pt->cameo->code, "070") && !strcmp(c->sv.t[c->m.anchor].lemma, "help");
}

/* Is the pattern's CAMEO root r ("13": a threat)? */
static inline int root_is(const ne_pattern *pt, const char *r) { return !strcmp(pt->cameo->root, r); }

/* Do tokens s and s + 1 say "each other" or "one another": a reciprocal
** slot, whose sides are each other's targets ("X and Y accused each other")? */
static inline int is_recip(const ev_ctx *c, int s) {
    return (tok_is(c, s, "each") && tok_is(c, s + 1, "other")) || (tok_is(c, s, "one") && tok_is(c, s + 1, "another"));
}

/* Token index of the first token of mention a in the sentence, or -1. */
static inline int mention_tok(const ne_sview *sv, int a) {
    for (int i = 0; i < sv->n; i++)
        if (sv->t[i].actor == a) return i;
    return -1;
}

/* Joint acts: both sides do them ("X and Y signed an agreement": X->Y and
** Y->X; docs/ANNOTATION.md, guideline 6): express accord (the codebook codes
** 019 both ways), consult, meet at a third location, negotiate, sign a formal
** agreement, cooperate economically or militarily (CAMEO 019, 040, 046, 057,
** 061, 062); a telephone call and a meeting at a third location, which the
** codebook calls reciprocal (041, 044: "Abe phoned Obama", Obama talked with
** Abe too). */
static inline int joint_code(const char *code) {
    static const char *const joint[] = {"019", "040", "041", "044", "046", "057", "061", "062", NULL};
    for (const char *const *j = joint; *j; j++)
        if (!strcmp(code, *j)) return 1;
    return 0;
}

/* Roots of acts done by words or meetings toward a person (appeals, intents,
** consultation, cooperation, demands, disapproval, rejection, threats). */
static inline int verbal_root(const char *root) {
    static const char *const roots[] = {"02", "03", "04", "05", "10", "11", "12", "13", NULL};
    return ne_word_in(root, roots);
}

/* Do actors a and b (resolved) have one code? */
static inline int same_code(const struct ne_doc *d, int a, int b) {
    const ne_actor *x = NE_VEC_AT(d->actors, ne_actor, neClause_resolve(d, a));
    const ne_actor *y = NE_VEC_AT(d->actors, ne_actor, neClause_resolve(d, b));
    return x->code && y->code && !strcmp(x->code, y->code);
}

/* event.c: the sides, places and codes the rules of event_implied.c build on. */

/* One implied actor: ROLE of country cc, with no text and no span. */
int neEvent_implied_actor(const ev_ctx *c, const ne_event *ev, const char *cc, const char *role, const char *name,
                          ne_actor *out);

/* The country of the event's place when it has a place, else fallback;
** national, or NULL. */
const char *neEvent_place_country(const ev_ctx *c, const ne_event *ev, const char *fallback);

/* The country an event happens in: the clause's place, else the
** document's main country; NULL when neither is a country. */
const char *neEvent_country(const ev_ctx *c, const ne_event *ev);

/* Is the sentence, or the text it is in, about riots, mobs or communal
** unrest (unrest_sentence, or two such words in the text: a riot story's
** "65 persons had been burnt alive" names no mob in its own sentence)?  The
** text is scanned once (c->unrest_doc). */
int neEvent_unrest_text(ev_ctx *c);

/* Gives ev the CAMEO code code (its root, class, weight and PLOVER type);
** 0 when the code is unknown. */
int neEvent_recode(const ev_ctx *c, ne_event *ev, const char *code);

/* Repression with no target in its slot ("police opened fire and burst
** teargas shells to quell mobs"): the crowd the sentence names (a civilian
** or opposition group mention, docs/ANNOTATION.md rule 10) is the target.
** Fills *out and returns 1 when there is one. */
int neEvent_crowd_target(const ev_ctx *c, const ne_event *ev, ne_actor *out);

/* Does the match hold a word of buying ("placed an order with")? */
int neEvent_purchase(const ev_ctx *c);

/* event.c: the slots, the matcher's state and the emitting event_sides.c builds on. */

/* slot_end_of, worked out once per token of the sentence: the patterns of
** an anchor ask it again and again for the same tokens. */
int neEvent_slot_max_end(const ev_ctx *c, int s);

/* Does the slot [s, e] hold an actor ("each other" stands for the subject)? */
int neEvent_slot_has_actor(const ev_ctx *c, int s, int e);

/* A new match of pattern pt of kind (0 verb, 1 noun) at anchor i in c->m:
** no slot yet, and a verb's voice (neClause_passive, asked once per anchor). */
void neEvent_open_match(ev_ctx *c, int i, const ne_pattern *pt, int kind);

/* Is the passive verb group starting at vs the predicate of a noun group or
** pronoun right before it that names no actor with a code ("they were
** detained" with no one "they" stands for, "about a dozen rumour mongers
** were nabbed", "the four were arrested earlier")?  subj[0..ns) are the
** subject's actors.  Only for arrests (173) whose pattern takes any group
** (not "+!": "the meeting was held"). */
int neEvent_unnamed_subject(const ev_ctx *c, int vs, const int *subj, int ns);

/* In lower-case text, is the subject of the verb group at vs (clause from
** lo) a name no dictionary knows, one to three plain name words right
** before it (adverbs between), opening the clause or after a comma, colon,
** quotation mark, "and", "but" or an honorific ("babbar accused the vhp of
** ...", "ms setalvad said", "veerendrakumar alleged that ...")?  Capitals
** mark such names in running text (unknown_person); here nothing does. */
int neEvent_nameless_subject(const ev_ctx *c, int vs, int lo);

/* Is the subject of the verb group at vs (clause from lo) a capitalized
** name no dictionary, title or earlier mention codes, of at most six words,
** that reads as a person's (ne_actor_info.person: two words or more, or a
** pronoun or a quotation refers to it; a single word may be a short form of
** such a name), right before the verb group (adverbs between),
** opening the clause or after a comma, colon, quotation mark, "and" or "but"
** ("Rules Committee Chairman Bruce Ash criticized Priebus", "In the email,
** Ash bluntly accused ...")?  neEvent_nameless_subject's capitalized twin:
** such a source is a person of the main country (main_person), as an
** unknown name in a target slot is (unknown_person). */
int neEvent_unknown_subject(const ev_ctx *c, int vs, int lo);

/* One event per (source, target) pair of the frame. */
int neEvent_emit(ev_ctx *c, const ev_frame *f);

/* Actors named in the slot [s, e]. */
int neEvent_slot_actors(ev_ctx *c, int s, int e, int *out);

/* Targets of a pattern without "+" that ends in a preposition ("lift ban on
** import of"): the noun group right after it, when it names an actor
** ("... of Egyptian farm products" -> EGY). */
int neEvent_trailing_target(ev_ctx *c, int *out);

/* Targets of an active verb whose object names no actor, from the phrase
** right after that object that names whom the act is for or against:
** "sent $5 million in aid to Nepal", "returned the paintings to
** the government of Poland", "declared a ceasefire with the rebels",
** "expressed sympathy on Monday to the families".  The object runs on
** over noun-group words, "of"/"in" phrases and a time phrase (at most 8
** tokens), inside the clause [.., hi); the phrase opens with a preposition
** recipient_prep accepts for the act's root (not_recipient words aside) and
** its noun group must name an actor; after "between" only actors of another
** country than the sources' ("trade between Kuwait and the US", said by
** Kuwait, is with the US).  Returns the number of actors put in f->tgt.
** Out of line: only verbs with no target come here. */
__attribute__((noinline)) int neEvent_object_pp_target(ev_ctx *c, ev_frame *f);

/* The actors of the subject of the verb at v (from its verb group's start),
** searched no further left than token lo: their count, in out. */
int neEvent_verb_subject(const ev_ctx *c, int v, int lo, int *out);

/* A condition after the anchor in its sentence ("Iran would attack Israel if
** provoked", "unless the talks resume"): the future act is hypothetical. */
int neEvent_if_after(const ev_ctx *c);

/* Codes the verb pattern matched at c->m (anchor, slots): drops negated,
** hypothetical and claimed acts, turns announced ones into intents (03x) or
** threats (13x) and refusals into 12x, follows an infinitive to its
** governing verb, finds the subject and the sides, and emits.  Returns NE_OK
** or an error. */
int neEvent_code_verb(ev_ctx *c);

/* Makes the sentence's clause view (word classes, verb judgements) unless
** it is made: NE_OK or an error. */
int neEvent_view_sentence(ev_ctx *c);

/* event_sides.c: who the source and the target of a matched clause are
** (neEvent_code_verb, code_noun and code_sentence in event.c call these). */

/* The subject "I" or "we" of a verb in a direct quotation stands for the
** quotation's speaker ("'I am urging the caucus to reject it,' Sanders
** wrote": Sanders urges; in lower-case text "i" too: "``i have made a
** request,'' he said").  When token k is that word as written and the
** anchor is in a quotation with a known speaker, writes the speaker's
** mention to out and returns 1; else 0.  The caller codes such an act only
** toward someone ("all we are asking for is justice" is no event).  (An object "me"/"us" is no noun
** group, so a target slot never holds one.) */
int neEvent_first_person(const ev_ctx *c, int k, int *out);

/* A hostile act only claimed ("Iran claims Israel violated the truce",
** "Kabul alleged that Pakistani troops shelled the border"): CAMEO codes the
** claim, an accusation (112) from the claimant to the accused, not the act.
** Roots 15-20, an active clause whose subject names an actor, right after
** "claim" or "allege" (and "that").  Rewrites the frame; 0 when not such. */
int neEvent_claimed_act(ev_ctx *c, int vs, ev_frame *f);

/* An announced threat whose clause subject is the one threatened: a root-13
** pattern in the passive with no agent ("the guilty will be punished", "would
** not be spared") or anchored on "face" or "pay" ("rioters will face strict
** action", "Israel will pay a heavy price").
** The subject becomes the target and the announcer (threat_speaker) the
** source; returns 0 when no one announces it (a forecast, no threat). */
int neEvent_threatened_subject(ev_ctx *c, ev_frame *f, int mod);

/* An announced gift whose clause subject is the one who gets it (CAMEO
** 033x, docs/ANNOTATION.md rules 10 and 15): a root-03 pattern, or an act
** read as an intention (03x), in the passive with no agent ("the next of kin
** will be paid Rs 1 lakh each, the chief minister said"), or a root-03
** pattern anchored on "get" or "receive" ("the families of the dead would
** get Rs 1 lakh each"): the subject is the target and the announcer
** (threat_speaker) the source.  A passive with no announcer stays as it was;
** "get"/"receive" with none codes nothing ("the airline will receive new
** planes" is no one's promise). */
int neEvent_promised_subject(ev_ctx *c, ev_frame *f, int mod);

/* The sides of a passive verbal event (neEvent_code_verb): the subject is the target,
** the source a by-agent, the pattern's $ slot, a later "by", the chamber
** after "in" (chamber_agent), a when-clause subject of a coercion, or the
** speaker of an announced threat. subj holds the ns subject actors of the
** verb group at vs; fills f. */
void neEvent_passive_sides(ev_ctx *c, ev_frame *f, int vs, const int *subj, int ns);

/* The sides of an active verbal event (neEvent_code_verb): the subject is the
** source, the target the pattern's + slot, a relative clause's antecedent
** or a trailing object; an unknown lower-case name may stand for the
** subject.  subj holds the ns subject actors of the verb group at vs; fills f. */
void neEvent_active_sides(ev_ctx *c, ev_frame *f, int vs, const int *subj, int ns);

/* A blameworthy act in a direct quotation (a verb pattern with "@": "'The
** government has failed to protect us,' X said", "'They betrayed the
** farmers,' she said"): the speaker criticizes or accuses the doer, the
** verb's own subject inside the quotation (CAMEO codebook 2.11;
** docs/ANNOTATION.md rule 5); in reported speech the reporting verb's speaker
** (reported_speaker: "X failed the farmers, she said").  None when negated,
** modal, conditional, an infinitive or a linked state ("felt betrayed"), when
** the subject names no coded actor or is the speaker ("I fail to
** understand"), or when the subject stands outside the quotation or report. */
int neEvent_code_quoted_verb(ev_ctx *c);

/* A judgement in a direct quotation (a pattern with "@": "'She is a liar,'
** Trump said"; reported speech: "Trump said Biden is a liar",
** reported_speaker): the quotation's speaker is the source, the subject of
** the "be" the pattern starts with the target ("this"/"that"/"it" said of
** someone: that one); none when negated or modal, or when the target is
** the speaker. */
int neEvent_code_judgement(ev_ctx *c);

/* A criticism noun in an aside set off by a comma right after the group
** naming its speaker ("Sanders, a fierce critic of Clinton, said", "Sanders,
** in a sharp rebuke of Clinton, said"): the group's coded actors are the
** source.  The noun's group (after one preposition at most) must open right
** after the comma and the aside close with a comma after the match.  Root 11;
** roots 04-06 too when the aside opens with a preposition ("the Border Patrol,
** in a joint operation with the Mexican authorities, found", "Obama, after
** talks with Putin, said": they met or worked together).  Returns the number
** of actors put in out, 0 when not such an aside. */
int neEvent_aside_subject(ev_ctx *c, int lo, int *out);

/* A judgement stated with "be" before the anchor's word ("Clinton has been
** critical of Trump", "Whitman is a vocal critic of Trump"): the pattern
** opens with a form of be, whose subject is the source.  Returns the number
** of source actors put in out, 0 when the pattern opens otherwise or the
** subject names no coded actor, -1 when negated or under a modal ("is not
** critical of"). */
int neEvent_be_subject(ev_ctx *c, int lo, int *out);

/* "Talks between Iran and Pakistan", "a meeting between Obama and Putin",
** "talks were held between Iran and Pakistan", "talks among Russia, Iran and
** Turkey": a joint act (joint_code)
** named with no source of its own is done by the sides after "between" or "among",
** each toward the other (in a passive the "+" after "between" matches
** nothing and the targets are the subject, the talks: the sides are then
** the noun group after "between", where the match ends). */
void neEvent_between_sides(ev_ctx *c, ev_frame *f);

/* "U.S.-China talks", "the Iran-Russia summit", "Israeli-Palestinian peace
** negotiations", "the Obama and Putin meeting": a meeting noun (root 04)
** whose modifiers name two or more sides of different countries, joined by
** a dash or "and", with no other side: the sides meet each other (into f:
** sources, no target, reciprocal).  Nothing when the modifiers name one
** country ("the Iran summit", "Democratic-Republican talks" of one nation). */
void neEvent_paired_sides(ev_ctx *c, ev_frame *f);

/* A statement about another country's actor (session 15, class "reported
** about"): in a sentence that coded no event, a reporting verb (say, add,
** claim, insist, ...; not "tell", whose object is the addressee) in the
** active voice whose complement is about an actor (about_slot) codes the
** speaker's criticism of it, 111, at lower confidence (push_pair: two
** sides of two countries only).  Such a sentence reports speech about
** someone that no pattern coded ("X said Y had failed to ..."). */
int neEvent_reported_about(ev_ctx *c, const ne_anchor *const *an, const int *pos, int npos);

/* event_implied.c: the implied-actor and drop rules of emit_pair (event.c). */

/* An arrest with no agent ("300 activists were arrested on Saturday", "he
** was picked up from his residence") is by the police of the country where
** it happens (docs/ANNOTATION.md rule 11): the clause's place, else the
** arrested's own country.  Only passive arrests, detentions and round-ups
** ("were arrested", "the detained activists"):
** jailing and sentencing are the courts', and a charge may be a
** prosecutor's.  The nouns of arrest and detention name no agent either ("the
** arrest of bal thackeray", "after the detention of two leaders": the one
** arrested is the target, the police the source; without them a named person's
** arrest in the body was dropped as a sourceless event noun, body_mention).
** Fills *out with that COUNTRY+COP; 0 when nothing fits. */
int neEvent_implied_police(const ev_ctx *c, const ne_event *ev, ne_actor *out);

/* Force called terrorist that names no attacker ("the terrorist attack on
** parliament", "friday's terror attacks in paris", "terrorists attacked
** parliament" with no country known for them) is by unidentified attackers
** (unidentified_attackers).  So is an attack on a place that names no
** attacker, reported as happening (placed_attack: "as the attacks in Paris
** were unfolding"), and one whose subject is a weapon or a blast
** (weapon_subject: "a car bomb killed 20 people in Mogadishu"); roots 18,
** 19 and 20 only.  Fills the event's source (and target); returns 1 when
** it did. */
int neEvent_terror_attackers(const ev_ctx *c, ne_event *ev);

/* Force of root 19 by unidentified armed attackers (UAF: gunmen, bombers,
** attackers called terrorists, docs/ANNOTATION.md rule 9) on civilians,
** police, officials, legislatures, places or no one named is terror, the
** unconventional violence of CAMEO 18 (codebook 2.18; the devart gold codes
** such attacks 180: "gunmen attacked the police", "the terrorist attack on
** parliament"), not the conventional fighting of 19; on soldiers or armed
** groups it stays 19.  Recodes ev and returns 1 when it applies. */
int neEvent_terror_violence(const ev_ctx *c, ne_event *ev);

/* Arrests that name no actor arrested ("more than 10,000 arrests have been
** made", "police made 50 arrests", "police arrested dozens"): on civilians
** (CVL) of the country where they happen (the source's, else the place's),
** and with no one who made them, by its police (COP) (docs/ANNOTATION.md
** rules 3 and 11).  Only matches that hold the word arrest or detention.
** Fills the event's missing sides; returns 1 when both are filled. */
int neEvent_implied_arrests(const ev_ctx *c, ne_event *ev);

/* A riot named as a noun (145) with no one who rioted but civilians of a
** place or none ("the communal riots", "riots in gujarat") and no target,
** that the story does not report as happening: background, no event
** (docs/ANNOTATION.md rule 12; reported_unrest); a riot verb only when it
** modifies a place it hit ("that riot-torn winter", unrest_victims). */
int neEvent_background_unrest(const ev_ctx *c, const ne_event *ev);

/* Police measures (151, 153, 191) placed in a town of the source's own
** country ("the district administration has tightened security in
** ayodhya": the place stands for India, IND) are on that town's civilians,
** as implied_residents codes them with no place; decrees keep the place's
** country ("declared a state of siege in pando": BOL, as the dev gold
** codes it).  Replaces the target; returns 1 when it did. */
int neEvent_residents_of_place(const ev_ctx *c, ne_event *ev);

/* Rioters are civilians (docs/ANNOTATION.md rules 3 and 10): a riot (145)
** whose source is a country or a place ("riots in Gujarat", "rioting in the
** city"), or that names no one but the place it broke out in, or an office
** holder the clause put there ("Modi faced criticism over his failure to
** prevent rioting in his state") is by civilians of that country, at no one
** of their own country.  Returns 1 when it recoded the source. */
int neEvent_rioters(const ev_ctx *c, ne_event *ev);

/* A threat or a reduction of relations (roots 13, 16) that names no one,
** by a side that force (roots 18, 19, 20) struck in the article shortly
** before ("an Iranian airstrike inside Pakistan ... Pakistan warned that
** violation of its sovereignty could have serious consequences"), answers
** that force: it is aimed at the attacker, the source of the nearest such
** event (in the same sentence before the anchor, or in the three before it)
** whose target is of the reaction's country and whose source is of another
** (CAMEO codebook 2.13: threats are made against someone; docs/ANNOTATION.md
** rule 4).  Fills *out, returns 1. */
int neEvent_threatened_attacker(const ev_ctx *c, const ne_event *ev, ne_actor *out);

/* Unconventional and mass violence (roots 18, 20) by a named attacker that
** names no victim ("twelve were wounded in Ansbach, with a Syrian man
** blowing himself up at a concert", "her husband carried out the massacre")
** strikes the people of its place: the civilians (CVL) of the clause's place
** (docs/ANNOTATION.md rule 3: victims are CVL of the country where it
** happens; rule 4: 18 is coded with the victim as target when
** identifiable).  Conventional force (19) is fought against armed forces,
** whom the place does not name.  Verbal matches only: an attack noun with no
** victim ("a suicide bomber blew himself up outside a police station") names
** the act its verb codes with its victim.  Fills the target; returns 1 when
** it did. */
int neEvent_victims_place(const ev_ctx *c, ne_event *ev);

/* The owners of property destroyed with no owner named ("a mob set ablaze
** 14 houses"): the civilians of the place (event_implied.c).  Fills the
** target; returns 1 when it did. */
int neEvent_property_owners(const ev_ctx *c, ne_event *ev);

/* The maker an order or purchase that names no seller is placed with: the
** article's seller ("Boeing secures $11bn of aircraft deals. ... Air Canada
** has ordered US$ 6 billion in new airliners": Boeing; "Airbus launches the
** A380 ... Virgin Atlantic has purchased six of these aeroplanes": Airbus).
** CAMEO codebook 2.6, 061 (economic exchange) is coded from the buyer to the
** seller; a story of orders names its seller once and then lists the buyers.
** The seller is a firm the match names in the goods ("will purchase 20 of
** Boeing's 777 planes"), else the seller of the article's first earlier
** purchase by another buyer, else the first firm the article names (its
** title or lead names the maker it is about) that is neither this buyer nor
** a buyer of an earlier purchase (bought_before).  Only for a purchase (buy,
** order, purchase, options: neEvent_purchase; or its intent, 0311) or a
** firm's deal (057 read as 061, firm_deal) by a firm or a state (airlines,
** air forces, governments), with no seller found.  Fills *out, returns 1. */
int neEvent_implied_seller(const ev_ctx *c, const ne_event *ev, ne_actor *out);

/* A target the sentence implies for an event that has none (a crowd, the
** addressee of an appeal, a legislature, the one denied or rejected,
** residents), at lower confidence; between them, a state's obstruction of
** passage becomes 191 (state_barricade) before residents are looked for.
** Returns 1 when the target is an implied addressee. */
int neEvent_implied_target(const ev_ctx *c, ne_event *ev);

/* The implied agent of a pair's event that names no source, or the crowd or
** force behind it: the government that gives a state's aid ("federal loans":
** the recipient's), a mob (implied_mob), forces deployed or guards posted
** (deployed_forces, implied_guard); for an event that names no side at all,
** the actors of unrest (implied_unrest), the police of an arrest
** (neEvent_implied_arrests) or the attackers of a blast
** (bomb_attackers).  Lowers ev's confidence for each side it
** implies.  Returns -1 when the event codes nothing (a death by accident,
** unrest in the background, a statement or coercion no one made), 1 when a
** mob is its agent, else 0. */
int neEvent_implied_agent(ev_ctx *c, const ev_frame *f, ne_event *ev);

/* Is the pair's event, with t its target's mention (-1: none), no act
** between political actors that CAMEO codes: help in a campaign
** (help_campaign), a trip home or to no host (home_trip), a firm's own
** business (firm_business), a resignation that yields no power of a state
** (private_resignation)? */
int neEvent_no_political_act(const ev_ctx *c, const ne_event *ev, int t);

/* Is the event, told past the first sentence of a body, commentary around
** the news (comment_code: "expressed the hope that"), or an act that needs a
** target and was left with none after every implied one (targeted_root,
** toward_code, announced_act: "the two sides will meet again"), unless pt is
** a public call with no addressee (public_call: "called for a ban")?  A lead and
** a title keep theirs. */
int neEvent_body_commentary(const ev_frame *f, const ne_event *ev, const ne_pattern *pt);

#endif
