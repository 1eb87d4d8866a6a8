/* event_implied.c: the implied-actor and drop rules emit_pair (event.c)
** applies to each (source, target) pair of a coded clause: the side a
** sentence leaves unnamed but implies (the police who arrested, the mob that
** rioted, the attackers of a bombing, the seller of a purchase, the target
** a denial or rejection answers), and the pairs no political event stands
** for (a trip home, a private resignation, commentary on a body's work).
** Reads the matcher's state (eventInt.h); writes only the event it is given
** (and the text's unrest memo, through neEvent_unrest_text). */
#include "eventInt.h"

#include <string.h>

/* The nouns of arrest and detention (neEvent_implied_police,
** neEvent_implied_arrests). */
static const char *const arrest_nouns[] = {"arrest", "arrests", "detention", "detentions", NULL};

int neEvent_implied_police(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    static const char *const verbs[] = {"arrest", "detain", "apprehend", "nab", "round", "pick",
                                        "hold", "held", "take", "book", NULL};
    int a = c->m.anchor; /* "the arrested persons": a participle after a determiner is passive too */
    int participle = a > 0 && c->sv.wc[a - 1] == NE_WC_DET && strcmp(c->sv.t[a].norm, c->sv.t[a].lemma);
    int noun = c->m.pt->kind == 'n' && word_in(c, a, arrest_nouns);
    if (strcmp(ev->code, "173") || !ev->has_target) return 0;
    if (!noun && (!(c->m.passive || participle) || c->m.pt->kind != 'v' || !word_in(c, a, verbs))) return 0;
    const char *cc = neEvent_place_country(c, ev, ev->target.country);
    return cc && neEvent_implied_actor(c, ev, cc, "COP", "police", out);
}

/* Does the match (with the words before its anchor) call the act terrorist? */
static int terror_match(const ev_ctx *c) {
    static const char *const terror[] = {"terrorist", "terrorists", "terror", NULL};
    return span_has(c, c->m.begin < c->m.anchor ? c->m.begin : c->m.anchor, c->m.end, terror);
}

/* Is the match an attack noun that names a place it hit and no attacker ("the
** attacks in Paris", "the shooting at a nightclub in Orlando"), which the
** sentence reports as happening: a verb of occurrence or of its toll right
** after it, over auxiliaries, adverbs and a short phrase without a verb ("as
** the attacks in Paris were unfolding", "the shooting in San Bernardino
** killed 14 people")?  Named only ("after the Paris attacks", "the victims of
** the attacks in Paris"), it is no event of the story (docs/ANNOTATION.md
** rule 12). */
static int placed_attack(const ev_ctx *c, const ne_event *ev) {
    static const char *const attacks[] = {"attack", "shooting", "bombing", "massacre", NULL};
    static const char *const occur[] = {"unfold", "happen", "occur", "take", "kill", "leave", "claim", "wound",
                                        "injure", "shake", "rock", "stun", "begin", NULL};
    int p = c->m.ts - 1;
    if (c->m.pt->kind != 'n' || !word_in(c, c->m.anchor, attacks) || !ev->has_target || ev->target.role ||
        !ev->target.country || p < 0 || !(tok_is(c, p, "in") || tok_is(c, p, "at")))
        return 0;
    const ne_sview *sv = &c->sv;
    for (int k = (c->m.te > c->m.end ? c->m.te : c->m.end) + 1, n = 0; k < sv->n && n < 6; k++, n++) {
        int wc = sv->wc[k]; /* over a short time phrase too: "the attacks in Brussels on Tuesday killed" */
        if (wc == NE_WC_ADV || wc == NE_WC_HAVE || wc == NE_WC_BE || wc == NE_WC_MODAL ||
            (!sv->isverb[k] && (wc == NE_WC_PREP || wc == NE_WC_DET || wc == NE_WC_OPEN)))
            continue;
        return sv->isverb[k] && word_in(c, k, occur);
    }
    return 0;
}

/* Words that make a blast an accident's ("a gas explosion", "a boiler blast"). */
static const char *const accident_words[] = {"gas", "boiler", "cylinder", "chemical", "industrial", "factory",
                                             "mine", "pipeline", "reactor", "fireworks", "volcanic", NULL};

/* Is the subject of the match's verb a weapon, a blast or an attack, with
** no human agent ("a car bomb killed 20 people", "a bomb exploded in a
** market, killing 12", "the blast tore through the mosque", "the attacks
** that killed 130 people in Paris", "the shooting left 14 dead")?  The word
** right before the verb, over adverbs ("a bomb reportedly exploded") and a
** subject relative pronoun ("that", ", which"), is the subject's head; not a
** modifier of a human head ("bomb disposal experts detonated the device"),
** nor an accident's ("a gas explosion").  Active verbal matches only. */
static int weapon_subject(const ev_ctx *c) {
    static const char *const weapons[] = {"bomb", "bombs", "ied", "ieds", "device", "devices", "explosive",
                                          "explosives", "blast", "blasts", "explosion", "explosions", "grenade",
                                          "grenades", "bombing", "bombings", "rocket", "rockets", "mortar", "shell",
                                          "shells", "attack", "attacks", "assault", "assaults", "shooting",
                                          "shootings", "stabbing", "stabbings", "rampage", NULL};
    int k = c->m.anchor - 1;
    while (k >= 0 && c->sv.wc[k] == NE_WC_ADV) k--;
    int h = relative_antecedent(c, k);
    if (h >= 0) k = h;
    return c->m.pt->kind == 'v' && !c->m.passive && k >= 0 && word_in(c, k, weapons) &&
           !(k > 0 && word_in(c, k - 1, accident_words));
}

/* Fills ev's source with unidentified armed forces, UAF, of the country
** where the attack strikes (docs/ANNOTATION.md rule 9), and its target, if
** it has none, with that country's civilians (CVL): for an attack whose
** subject is a weapon (weapon_subject) the clause's place first ("a roadside
** bomb killed three American soldiers in Afghanistan": AFGUAF), else the
** target's country; for another the target's country; else the event's
** place, else the document's main country.  Returns 1 when it did. */
static int unidentified_attackers(const ev_ctx *c, ne_event *ev, int weapon) {
    const char *tc = ev->has_target ? national(c, ev->target.country) : NULL;
    const char *cc = weapon ? neEvent_place_country(c, ev, tc) : tc; /* a bomb: where it went off */
    if (!cc) cc = neEvent_country(c, ev);
    if (!cc || !neEvent_implied_actor(c, ev, cc, "UAF", "terrorists", &ev->source)) return 0;
    ev->has_source = 1;
    if (!ev->has_target) ev->has_target = neEvent_implied_actor(c, ev, cc, "CVL", "victims", &ev->target);
    return 1;
}

int neEvent_terror_attackers(const ev_ctx *c, ne_event *ev) {
    int unplaced = ev->has_source && ev->source.role && !strcmp(ev->source.role, "UAF") && !ev->source.country;
    if ((ev->has_source && !unplaced) || !violent_root(ev->root)) return 0;
    int weapon = !ev->has_source && weapon_subject(c);
    if (!terror_match(c) && !weapon && (ev->has_source || !placed_attack(c, ev))) return 0;
    return unidentified_attackers(c, ev, weapon);
}

/* A blast of root 18, 19 or 20 that names no attacker and no target ("a
** bomb exploded in Baghdad"): weapon_subject's, by unidentified attackers
** on civilians where it went off (unidentified_attackers).  Returns 1 when
** it filled ev's sides. */
static int bomb_attackers(const ev_ctx *c, ne_event *ev) {
    if (ev->has_source || !violent_root(ev->root) || !weapon_subject(c)) return 0;
    return unidentified_attackers(c, ev, 1);
}

int neEvent_terror_violence(const ev_ctx *c, ne_event *ev) {
    static const char *const fighters[] = {"MIL", "REB", "INS", "SEP", "UAF", "RAD", NULL};
    if (strcmp(ev->root, "19") || !ev->has_source || !ev->source.role || strcmp(ev->source.role, "UAF")) return 0;
    if (ev->has_target && ((ev->target.country && !strcmp(ev->target.country, "IMG")) ||
                           role_holds(ev->target.role, fighters)))
        return 0;
    return neEvent_recode(c, ev, "180");
}

int neEvent_implied_arrests(const ev_ctx *c, ne_event *ev) {
    if (strcmp(ev->code, "173") || ev->has_target) return 0;
    int noun = span_has(c, c->m.begin, c->m.end, arrest_nouns); /* the noun, not "arrested" */
    const char *cc = national(c, ev->has_source && ev->source.country ? ev->source.country : neEvent_country(c, ev));
    if (!noun || !cc) return 0;
    if (!ev->has_source && !(ev->has_source = neEvent_implied_actor(c, ev, cc, "COP", "police", &ev->source))) return 0;
    return ev->has_target = neEvent_implied_actor(c, ev, cc, "CVL", "arrested", &ev->target);
}

/* Is ev a plain attack (190 on the anchor "attack": "the attack on the
** train", "the mob that attacked the house"), not firing, shelling or a
** clash?  In a sentence about riots or mobs it is a mob's (implied_unrest,
** implied_mob). */
static int plain_attack(const ev_ctx *c, const ne_event *ev) {
    return !strcmp(ev->code, "190") && !strcmp(c->sv.t[c->m.anchor].lemma, "attack");
}

/* Is the riot noun matched the modifier of its victims or of a place it hit
** ("riot victims", "the riot-hit areas", "riot-affected families": docs/ANNOTATION.md
** rule 12 names such phrases as background, no report of a riot)? */
static int unrest_victims(const ev_ctx *c) {
    static const char *const victims[] = {"victim", "victims", "survivor", "survivors", "widow", "widows", "orphan",
                                          "orphans", NULL};
    static const char *const hit[] = {"hit", "affected", "ravaged", "torn", "stricken", "displaced", "free",
                                      "related", "prone", NULL};
    int k = c->m.end + 1;
    if (k >= c->sv.n) return 0;
    if (c->sv.t[k].shape == NE_SH_DASH) return k + 1 < c->sv.n && word_in(c, k + 1, hit);
    return word_in(c, k, victims);
}

/* Is token k, right before a riot word, the name of a known riot: a place
** ("gujarat riots", "the post-godhra riots") or a year ("the 1969 riots",
** "1992 riots")?  Such a name calls up one well-known, earlier event, as
** "the riots" does (docs/ANNOTATION.md rule 12). */
static int unrest_named_for(const ev_ctx *c, int k) {
    if (k < 0 || k >= c->sv.n) return 0;
    const ne_token *t = &c->sv.t[k];
    if (t->place >= 0) return 1;
    return t->shape == NE_SH_NUM && t->norm_len == 4 && (t->norm[0] == '1' || t->norm[0] == '2');
}

/* Is the riot word matched a modifier after "anti-", "post-" or "pre-" ("anti-riot
** vehicles", "a post-riot scenario", "post-riots"): no riot reported? */
static int riot_modifier(const ev_ctx *c) {
    static const char *const prefix[] = {"anti", "post", "pre", NULL};
    int k = c->m.anchor - 1;
    return k >= 1 && c->sv.t[k].shape == NE_SH_DASH && word_in(c, k - 1, prefix);
}

/* Is the match a bare riot verb ("riots", "rioting", not "rioted") that names
** no group of people who rioted ("gujarat riots", "communal rioting", "riots
** have broken out": no actor named right before it but a place, nor right
** after it, "rioting mobs")?  In news such a word is mostly the noun, so it is
** reported or background as the noun is (reported_unrest). */
static int bare_riot_verb(const ev_ctx *c) {
    const ne_token *t = &c->sv.t[c->m.anchor];
    int k = c->m.anchor - 1;
    if (c->m.begin != c->m.anchor || c->m.end != c->m.anchor || strcmp(t->lemma, "riot")) return 0;
    if (t->norm_len > 2 && !strcmp(t->norm + t->norm_len - 2, "ed")) return 0;
    if (c->m.anchor + 1 < c->sv.n && c->sv.t[c->m.anchor + 1].actor >= 0) return 0; /* "rioting mobs" */
    return k < 0 || c->sv.t[k].actor < 0 || c->sv.t[k].place >= 0; /* not "students riot" */
}

/* Is the riot noun matched named as background by the words before it: made
** definite by a determiner or a possessive ("the riots", "these riots",
** "modi's handling of the communal riots": a known, earlier event), or by a
** word of an earlier time ("in recent communal violence"), the object of a
** verb of preventing or fearing ("to avoid communal violence"), foreseen
** ("there could be riots"), or the topic of a history, a cause, a risk or a
** disposition ("a half century of communal riots", "closed due to communal
** violence", "the spectre of rioting", "sensitive to communal violence")?
** A bare or indefinite noun is news ("curfew was imposed following communal
** clashes"). */
static int unrest_named_before(const ev_ctx *c) {
    static const char *const definite[] = {"the", "this", "that", "these", "those", NULL};
    if (unrest_named_for(c, c->m.begin - 1)) return 1; /* "gujarat riots", "the 1969 riots" */
    static const char *const earlier[] = {"recent", "past", "previous", "earlier", "last", NULL};
    static const char *const topic[] = {"victim", "victims", "aftermath", "handling", "probe", "inquiry",
                                        "investigation", "memory", "wake", "century", "decade", "decades",
                                        "history", "legacy", "due", "owing", "possibility", "threat", "spectre",
                                        "specter", "risk", "danger", "prospect", "prone", "sensitive",
                                        "vulnerable", "susceptible", "stranger", "issue", "nature", "role",
                                        "reason", "reasons", "cause", "causes", "instance", "instances",
                                        "terror", "fear", NULL};
    static const char *const prevent[] = {"avoid", "prevent", "curb", "contain", "control", "check", "stop",
                                          "quell", "tackle", "combat", "fear", "discuss", "condemn", "incite",
                                          "instigate", "foment", "abet", "mastermind", "engineer", "orchestrate",
                                          "study", "know", "deal", "handle", NULL};
    const ne_sview *sv = &c->sv;
    for (int k = c->m.begin - 1, n = 0; k >= 0 && n < 5; k--, n++) {
        int wc = sv->wc[k];
        if (k >= 2 && sv->t[k - 1].shape == NE_SH_DASH) { /* a hyphenated modifier: "the large-scale violence" */
            k--;
            continue;
        }
        if (wc == NE_WC_POSS || (wc == NE_WC_DET && word_in(c, k, definite)) || word_in(c, k, earlier)) return 1;
        if (sv->isverb[k] && word_in(c, k, prevent)) return 1; /* "to avoid communal violence": none happened */
        /* "there are going to be riots", "there could be riots": foreseen, none reported (rule 2) */
        if (wc == NE_WC_BE && k >= 1 &&
            (sv->wc[k - 1] == NE_WC_MODAL || (k >= 2 && tok_is(c, k - 1, "to") && tok_is(c, k - 2, "going"))))
            return 1;
        /* the second of two coordinated nouns shares the first one's determiner or preposition
        ** ("victims of the train carnage and subsequent riots") */
        if (wc == NE_WC_CONJ && (tok_is(c, k, "and") || tok_is(c, k, "or")) && k >= 1 && !sv->isverb[k - 1]) continue;
        if (wc == NE_WC_DET || sv->isverb[k] || wc == NE_WC_CONJ || wc == NE_WC_SUB || wc == NE_WC_REL) break;
        if (wc == NE_WC_PREP) /* the topic of relief or an inquiry ("compensation to victims of communal riots") */
            return k >= 1 && word_in(c, k - 1, topic);
        if (k + 1 < sv->n && sv->t[k + 1].norm && !strcmp(sv->t[k + 1].norm, "'s")) return 1;
    }
    return 0;
}

/* Is the riot noun matched (a 145 noun pattern that names no actor) reported
** as happening ("communal riots broke out", "violence that rocked the city",
** "the city witnessed riots", "in the grip of communal frenzy"), rather
** than named as background ("in the aftermath of the riots", "riot victims",
** "his handling of the communal violence", "an inquiry into the riots";
** docs/ANNOTATION.md rule 12)?  Yes with a verb of occurrence after the
** noun (its own, or a relative clause's) or a verb or noun of witnessing
** or outbreak before it, or as the circumstance of a reported act of
** violence; else unless the words before it name it as background
** (unrest_named_before). */
static int reported_unrest(const ev_ctx *c) {
    static const char *const occur[] = {"break", "erupt", "flare", "spread", "continue", "rage", "rock", "hit",
                                        "grip", "engulf", "claim", "leave", "occur", "escalate", "intensify",
                                        "resume", "spill", "sweep", "shake", "paralyse", "paralyze", "kill", "take",
                                        "happen", "start", NULL};
    static const char *const before[] = {"witness", "see", "spark", "trigger", "provoke", "grip", "wave",
                                         "outbreak", "spate", "fresh", "renewed", NULL};
    static const char *const acts[] = {"kill", "injure", "wound", "die", "burn", "loot", "attack", "stab",
                                       "lynch", "torch", "arrest", "detain", "hurt", NULL};
    const ne_sview *sv = &c->sv;
    if (unrest_victims(c)) return 0;
    /* its verb: over adverbs, auxiliaries, a relative pronoun and a short place phrase ("the
    ** communal violence in gujarat had claimed 600 lives") */
    for (int k = c->m.end + 1, n = 0; k < sv->n && n < 6; k++, n++) {
        int wc = sv->wc[k];
        if (wc == NE_WC_ADV || wc == NE_WC_HAVE || wc == NE_WC_BE || wc == NE_WC_REL || wc == NE_WC_THAT ||
            wc == NE_WC_MODAL || (!sv->isverb[k] && (wc == NE_WC_PREP || wc == NE_WC_DET || wc == NE_WC_OPEN)))
            continue;
        if (sv->isverb[k] && word_in(c, k, occur)) return 1;
        break;
    }
    for (int k = c->m.begin - 1, n = 0; k >= 0 && n < 3; k--, n++)
        if (word_in(c, k, before)) return 1;
    /* the circumstance of a reported act of its violence ("dozens were killed during the
    ** riots", "a person was injured in the communal riots") */
    for (int k = c->m.begin - 1, n = 0; k >= 0 && n < 5; k--, n++) {
        if (sv->isverb[k]) {
            if (word_in(c, k, acts)) return 1;
            break;
        }
        if (sv->wc[k] != NE_WC_DET && sv->wc[k] != NE_WC_PREP && sv->wc[k] != NE_WC_OPEN) break;
    }
    return !unrest_named_before(c);
}

int neEvent_background_unrest(const ev_ctx *c, const ne_event *ev) {
    if (strcmp(ev->code, "145") || ev->has_target) return 0;
    if (riot_modifier(c)) return 1; /* "anti-riot vehicles", "a post-riot scenario" */
    if (ev->has_source && ev->source.role && strcmp(ev->source.role, "CVL")) return 0; /* a place's: none */
    if (c->m.pt->kind != 'n' && !bare_riot_verb(c))
        return unrest_victims(c); /* "that riot-torn winter": no riot reported */
    return !reported_unrest(c);
}

/* Unrest that names no actor at all ("communal riots broke out", "curfew
** was imposed in the old city"; docs/ANNOTATION.md rules 3 and 10): a riot
** (145) is by civilians of the country where it happens, a curfew, a
** prohibitory order, a state of emergency or a town sealed (1721, 1723,
** 1724, 191: "ayodhya's borders have been sealed") by its government on its
** civilians.  The country is the event's place, else
** the document's main country.  Violence (roots 18, 20) that names no actor
** at all in a sentence about riots or mobs ("the communal violence has
** claimed 600 lives", "the riots left 12 people dead") is a mob's on the civilians of
** that country, 180, as implied_mob codes it with civilian victims named.
** Fills the event's sides; returns 1 when it did, 2 for such violence. */
static int implied_unrest(ev_ctx *c, ne_event *ev) {
    int riot = !strcmp(ev->code, "145");
    int order = !strcmp(ev->code, "1721") || !strcmp(ev->code, "1723") || !strcmp(ev->code, "1724") ||
                (!strcmp(ev->code, "191") && c->m.passive); /* not "the win sealed his fate" */
    int force = !strcmp(ev->root, "18") || !strcmp(ev->root, "20") || plain_attack(c, ev); /* not firing, shelling, clashes */
    if (!riot && !order && !force) return 0;
    if (force && c->m.pt->kind == 'n' && !reported_unrest(c)) return 0; /* background: rule 12 */
    const char *cc = neEvent_country(c, ev);
    if (!cc) return 0;
    if (riot) return ev->has_source = neEvent_implied_actor(c, ev, cc, "CVL", "rioters", &ev->source);
    if (force) { /* killings in riots: a mob's violence on the civilians of the place (implied_mob) */
        if (!neEvent_unrest_text(c) || (strcmp(ev->root, "18") && !neEvent_recode(c, ev, "180"))) return 0;
        ev->has_source = neEvent_implied_actor(c, ev, cc, "CVL", "mob", &ev->source);
        ev->has_target = ev->has_source && neEvent_implied_actor(c, ev, cc, "CVL", "victims", &ev->target);
        return ev->has_target ? 2 : 0;
    }
    ev->has_source = neEvent_implied_actor(c, ev, cc, "GOV", "authorities", &ev->source);
    ev->has_target = ev->has_source && neEvent_implied_actor(c, ev, cc, "CVL", "residents", &ev->target);
    return ev->has_target;
}

/* Are the victims of a killing or an attack people of a group but no
** soldiers or armed men (police, party or VHP activists, legislators: "two of
** its activists were killed", "how many policemen were killed in the
** violence")?  In a story about riots they are a mob's victims (implied_mob). */
static int victims_in_riot(const ne_event *ev) {
    static const char *const groups[] = {"COP", "NGO", "PTY", "LEG", "GOV", "EDU", "MED", "BUS", "LAB", "REL", NULL};
    const ne_actor *t = &ev->target; /* a listed organization's code carries its role ("INDNGO") */
    const char *r = t->role && t->role[0] ? t->role : NULL;
    size_t n = t->country ? strlen(t->country) : 0;
    if (!r && n && t->code && strlen(t->code) >= n + 3 && !strncmp(t->code, t->country, n)) r = t->code + n;
    char role[4] = {0};
    if (r) memcpy(role, r, strnlen(r, 3));
    return role[0] && ne_word_in(role, groups);
}

/* Words that name violence as such, with no armed force: deaths "in overnight
** violence", "in violent incidents" are unconventional violence (implied_mob). */
static const char *const violence_words[] = {"violence", "violent", NULL};

/* Does the sentence name a blast after an accident's word ("a gas explosion
** tore through a factory", "a boiler blast killed five workers")? */
static int accident_blast(const ev_ctx *c) {
    static const char *const blasts[] = {"explosion", "explosions", "blast", "blasts", NULL};
    for (int k = 1; k < c->sv.n; k++)
        if (word_in(c, k, blasts) && word_in(c, k - 1, accident_words)) return 1;
    return 0;
}

/* Deaths and injuries that name no one who caused them in a sentence about an
** accident ("three persons were charred to death when a fire broke out in an
** accident", "four were killed in a stampede", "two were electrocuted"): no
** event, not a mob's violence even in a riot story (docs/ANNOTATION.md rule
** 10: accidental deaths are not events). */
static int accidental_death(const ev_ctx *c, const ne_event *ev) {
    static const char *const accident[] = {"accident", "accidents", "accidental", "accidentally", "mishap",
                                           "mishaps", "collision", "collide", "overturn", "capsize", "derail",
                                           "derailment", "stampede", "electrocute", "electrocution", "drown",
                                           "short-circuit", "cylinder", NULL};
    return violent_root(ev->root) && (span_has(c, 0, c->sv.n - 1, accident) || accident_blast(c));
}

/* Violence on civilians that names no one who did it, in a sentence (or a text: neEvent_unrest_text) about
** riots or mobs ("700 people have been killed during these riots", "one
** person was killed in the communal violence"), or in a sentence that calls it
** violence ("two persons were killed in overnight violence"): by unidentified civilians, a
** mob, of the victims' country (docs/ANNOTATION.md rule 3: unidentified
** people, mobs and rioters are CVL), and, the work of no armed force,
** unconventional violence: 180 (an 18x code stays).  Only for civilian
** victims (role CVL), or people of a group who are no soldiers
** (victims_in_riot).  Fills the event's source and code; returns 1 when it
** did, -1 when the violence is a noun the story only names as background
** ("in the aftermath of the attack on the sabarmati express at godhra":
** docs/ANNOTATION.md rule 12, reported_unrest): no event. */
static int implied_mob(ev_ctx *c, ne_event *ev) {
    if (ev->has_source || !ev->has_target || !violent_root(ev->root)) return 0;
    if (terror_match(c)) return 0; /* "the terrorist attack on parliament": no mob (neEvent_terror_attackers) */
    const char *cc = national(c, ev->target.country);
    int place = plain_attack(c, ev) && !ev->target.role; /* "the mob that attacked the house in ahmedabad" */
    if (!cc || (!place && (!ev->target.role || strcmp(ev->target.role, "CVL")) && !victims_in_riot(ev))) return 0;
    if (!neEvent_unrest_text(c) && !span_has(c, 0, c->sv.n - 1, violence_words)) return 0;
    if (c->m.pt->kind == 'n' && !reported_unrest(c)) return -1; /* background: rule 12 */
    if (strcmp(ev->root, "18") && !neEvent_recode(c, ev, "180")) return 0;
    return ev->has_source = neEvent_implied_actor(c, ev, cc, "CVL", "mob", &ev->source);
}

/* Security measures against unrest (151 a heightened alert, 153 more
** police) that name no one who took them ("security has been tightened in
** the city", "additional companies were rushed to the town", "heavy police
** bandobast", "police have been put on high alert") are the police's, on the
** civilians of the country where they are taken (docs/ANNOTATION.md rule 10:
** police patrols and deployments against unrest are 151/153 on the civilians
** of the place; as deployed_forces codes police deployed), in the passive or
** as a noun (an active verb has a subject, named or not).  Police or forces
** named as the ones put on alert are the source themselves.  The country is
** the target's, else the event's place, else the document's main country.
** Fills the sides and returns 1 when it applies. */
static int implied_guard(const ev_ctx *c, ne_event *ev) {
    static const char *const guard[] = {"151", "153", NULL};
    static const char *const forces[] = {"COP", "MIL", NULL};
    if (ev->has_source || !ne_word_in(ev->code, guard)) return 0;
    if (c->m.pt->kind == 'v' && !c->m.passive) return 0; /* an active verb's subject the engine did not resolve */
    const char *cc = ev->has_target ? national(c, ev->target.country) : NULL;
    if (!cc) cc = neEvent_country(c, ev);
    if (!cc) return 0;
    if (ev->has_target && ev->target.role && ne_word_in(ev->target.role, forces)) { /* "police were put on alert" */
        ev->source = ev->target;
        ev->source.country = cc;
        ev->source.code = neA_code(&c->d->arena, cc, ev->target.role);
    } else if (!neEvent_implied_actor(c, ev, cc, "COP", "police", &ev->source))
        return 0;
    ev->has_source = ev->source.code != NULL;
    return ev->has_source && (ev->has_target = neEvent_implied_actor(c, ev, cc, "CVL", "residents", &ev->target));
}

/* Police deployed ("police in strength have been deployed to prevent any
** untoward incident", "the rapid action force was deployed in the old city"):
** a passive show of force (root 15) whose subject is police (COP) and that
** names no one who deployed them is the police's mobilization against unrest,
** 153 on the civilians (CVL) of their country (docs/ANNOTATION.md rule 10).
** Turns the event around and returns 1; -1 when a passive "deployed" names no
** police of a known country (weapons, troops: no event), 0 when the rule does
** not apply.  Police deployed by an agent ("by the state government") are
** that agent's 153 on the civilians, not its target (returns 1 too).  So are
** "security forces" and paramilitary forces deployed, which Indian reports
** name for police and paramilitary police ("security forces have been
** deployed in all sensitive localities").  Troops deployed in a city are left
** out: the dev gold codes the curfew and the firing around "army was
** deployed", not the deployment. */
static int deployed_forces(const ev_ctx *c, ne_event *ev) {
    if (!c->m.passive || strcmp(ev->root, "15") || c->m.pt->kind != 'v' ||
        strcmp(c->sv.t[c->m.anchor].lemma, "deploy"))
        return 0;
    const char *role = ev->has_target ? ev->target.role : NULL, *text = ev->target.text;
    /* "security forces", "para-military forces": police and paramilitary police against unrest, no army */
    int security = role && !strcmp(role, "MIL") && text && (strstr(text, "security") || strstr(text, "para"));
    const char *cc = role && (!strcmp(role, "COP") || security) ? national(c, ev->target.country) : NULL;
    if (!cc || !neEvent_recode(c, ev, "153")) return ev->has_source ? 0 : -1;
    if (!ev->has_source) { /* the police deploy themselves; with an agent ("by the state government") it stays */
        ev->source = ev->target;
        ev->has_source = 1;
    }
    return neEvent_implied_actor(c, ev, cc, "CVL", "civilians", &ev->target); /* on the civilians of their country */
}

/* A demand that names no addressee ("the opposition demanded a judicial
** probe", "the sena mps demanded stringent action against the guilty") is
** addressed to the government of the source's country, also when the source
** is a government of that country ("the chief minister demanded more central
** forces": a state asks the centre; emit_pair keeps it, GOV on GOV;
** docs/PATTERNS.md, "Implied actors"); so is a walk-out or boycott (143) by a
** party, legislators or the opposition ("the opposition staged a walkout"),
** and a party's threat to withdraw its support or to quit the coalition or
** front that governs ("nda allies threatening to withdraw support",
** "threatened to pull out of the ruling front"); and so is a protest or
** strike called off, suspended or ended (082) by a group that is not the
** state ("the union called off its strike", "the vhp leader ended his hunger
** strike"): CAMEO codebook 2.8, 082 is a concession of opposition groups, its
** example a teachers' union calling off a strike after talks with the
** government. */
static int implied_addressee(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    static const char *const support[] = {"support", "coalition", "alliance", "front", "ministry", NULL};
    static const char *const state[] = {"GOV", "COP", "MIL", "JUD", NULL};
    if (!ev->has_source) return 0;
    /* a ruling party ("nda allies", INDGOVPTY) is not the government it asks */
    int party = party_in(ev->source.code);
    /* a party's threat to withdraw its support ("nda allies threatening to withdraw
    ** support") is a threat to the government it keeps in office */
    int withdraw = party && !strncmp(ev->code, "13", 2) && span_has(c, c->m.begin, c->m.end, support);
    /* a party's, legislators' or the opposition's walk-out or boycott (143) is against the government */
    const char *r = ev->source.role;
    int boycott = !strcmp(ev->code, "143") && r && (party || !strcmp(r, "LEG") || !strcmp(r, "OPP"));
    /* a listed organization's code carries its role ("INDNGO"); a country alone has none ("Iran
    ** ended its boycott" is no group's concession) */
    size_t cn = ev->source.country ? strlen(ev->source.country) : 0;
    const char *own = r && r[0] ? r : ev->source.code && cn && strlen(ev->source.code) > cn ? ev->source.code + cn : NULL;
    int eased = !strcmp(ev->code, "082") && (party || (own && !role_holds(own, state)));
    if (strncmp(ev->code, "10", 2) && !withdraw && !boycott && !eased) return 0;
    const char *cc = ev->source.country;
    if (!national(c, cc)) return 0;
    return neEvent_implied_actor(c, ev, cc, "GOV", "government", out);
}

/* Codes of measures on residents (implied_residents) and the roles of the
** state that take them. */
static const char *const residents_codes[] = {"172", "1721", "1723", "1724", "151", "153", "191",
                                              "132", "1321", "1323", "1324", NULL};

static const char *const state_roles[] = {"GOV", "COP", "MIL", NULL};

/* Passage obstructed (144, a protest: "put up barricades", "blocked the
** highway") by a government, its police or its army is no dissent but
** restricted movement, 191 (CAMEO codebook 2.19: impose blockade, restrict
** movement; docs/ANNOTATION.md rule 10: barring a town's roads with
** police). */
static void state_barricade(const ev_ctx *c, ne_event *ev) {
    if (strcmp(ev->root, "14") || strncmp(ev->code, "144", 3) || !ev->has_source || !ev->source.role ||
        !ne_word_in(ev->source.role, state_roles) || party_in(ev->source.code))
        return; /* a ruling party (INDGOVPTY) blocking roads protests */
    neEvent_recode(c, ev, "191");
}

/* Restrictions, prohibitory orders, curfews and emergency rule (172, 1721,
** 1723, 1724) by a government, police or army that names no one they bind
** ("the district administration imposed curfew in the old city", "the
** state government has banned rallies") are on the civilians of the
** source's country (docs/ANNOTATION.md rule 10), as implied_unrest codes
** them with no actor at all; so are a heightened alert or more police
** against unrest (151, 153: "the administration has tightened security"),
** roads barred (191: "police have put up barricades") and threats of such
** orders (132, 1321, 1323, 1324: "the collector threatened to impose curfew
** if the violence continued"). */
static int implied_residents(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    if (!ev->has_source || !ne_word_in(ev->code, residents_codes) || !ev->source.role ||
        !ne_word_in(ev->source.role, state_roles))
        return 0;
    const char *cc = national(c, ev->source.country);
    return cc && neEvent_implied_actor(c, ev, cc, "CVL", "residents", out);
}

int neEvent_residents_of_place(const ev_ctx *c, ne_event *ev) {
    static const char *const measures[] = {"151", "153", "191", NULL}; /* a decree "in pando" stays BOL */
    const ne_actor *t = &ev->target;
    if (!ev->has_target || !ne_word_in(ev->code, measures) || !t->country || !t->code || strcmp(t->code, t->country) || !ev->source.country ||
        strcmp(t->country, ev->source.country))
        return 0;
    ne_actor out;
    if (!implied_residents(c, ev, &out)) return 0;
    ev->target = out;
    return 1;
}

/* A veto, or a threat of one (129; a 13x match holding "veto"), by a
** government (role GOV) that names no target ("Obama threatened to veto the
** bill", "the White House has promised a veto") is of legislation: it is
** addressed to the legislature (LEG) of the source's country, unless the
** sentence is about a resolution or a council (a UN veto). */
static int implied_legislature(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    static const char *const veto[] = {"veto", NULL};
    static const char *const intl[] = {"resolution", "council", "un", "u.n.", "nations", NULL};
    if (!ev->has_source || (strcmp(ev->code, "129") && strncmp(ev->code, "13", 2))) return 0;
    const char *cc = ev->source.country, *role = ev->source.role;
    if (!national(c, cc) || !role || strcmp(role, "GOV")) return 0;
    if (!span_has(c, c->m.begin, c->m.end, veto) || span_has(c, 0, c->sv.n - 1, intl)) return 0;
    return neEvent_implied_actor(c, ev, cc, "LEG", "legislature", out);
}

/* A denial (016) that names no accuser ("the spokesman denied that ...",
** "the minister dismissed all charges") answers the accusation or criticism
** (root 11) made earlier in the article against its source: the accuser is
** the target (docs/ANNOTATION.md rule 10: rejecting accusations is 016
** toward the accuser).  The latest such event wins.  Fills *out, returns 1. */
static int denial_target(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    if (strcmp(ev->code, "016") || !ev->has_source || !ev->source.code) return 0;
    for (size_t i = c->d->events.n; i-- > 0;) {
        const ne_event *x = NE_VEC_AT(c->d->events, ne_event, i);
        if (strcmp(x->root, "11") || !x->has_source || !x->has_target || !x->source.code || !x->target.code ||
            strcmp(x->target.code, ev->source.code) || !strcmp(x->source.code, ev->source.code))
            continue;
        *out = x->source;
        return 1;
    }
    return 0;
}

/* A rejection (root 12) of "the demand", "the request", "the proposal" that
** names no one ("he rejected the demand", "refused to meet the demands")
** answers the demand or appeal (roots 10, 02) or offer (03) made earlier in
** the article by someone else, to its source or to no one named: its maker is
** the target, as a denial's accuser is (denial_target).  The latest such
** event wins.  Fills *out, returns 1. */
static int rejection_target(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    static const char *const asked[] = {"demand", "demands", "request", "requests", "plea", "pleas", "appeal",
                                        "appeals", "call", "calls", "ultimatum", NULL};
    static const char *const offered[] = {"offer", "offers", "proposal", "proposals", "suggestion", "plan", NULL};
    if (strcmp(ev->root, "12") || !ev->has_source || !ev->source.code) return 0;
    int ask = 0, offer = 0;
    for (int k = c->m.begin; k >= 0 && k <= c->m.end + 3 && k < c->sv.n; k++) {
        ask |= word_in(c, k, asked);
        offer |= word_in(c, k, offered);
    }
    if (!ask && !offer) return 0;
    for (size_t i = c->d->events.n; i-- > 0;) {
        const ne_event *x = NE_VEC_AT(c->d->events, ne_event, i);
        int fits = ask ? !strcmp(x->root, "10") || !strcmp(x->root, "02") : !strcmp(x->root, "03");
        if (!fits || !x->has_source || !x->source.code || !strcmp(x->source.code, ev->source.code) ||
            (x->has_target && x->target.code && strcmp(x->target.code, ev->source.code)))
            continue;
        *out = x->source;
        return 1;
    }
    return 0;
}

int neEvent_rioters(const ev_ctx *c, ne_event *ev) {
    static const char *const offices[] = {"GOV", "LEG", "JUD", "ELI", NULL};
    const ne_actor *s = &ev->source;
    /* "riots broke out in ahmedabad": no one named, the place's country (a target with no
    ** role) is where the civilians rioted, not whom they rioted against */
    if (!strcmp(ev->code, "145") && !ev->has_source && ev->has_target && !(ev->target.role && ev->target.role[0]) &&
        national(c, ev->target.country)) {
        const char *code = neA_code(&c->d->arena, ev->target.country, "CVL");
        if (!code) return 0;
        ev->source = ev->target;
        ev->source.code = code;
        ev->source.role = "CVL";
        ev->has_source = 1;
        ev->has_target = 0;
        return 1;
    }
    if (strcmp(ev->code, "145") || !ev->has_source || !national(c, s->country) ||
        (s->role && s->role[0] && !ne_word_in(s->role, offices)))
        return 0;
    const char *code = neA_code(&c->d->arena, s->country, "CVL");
    if (!code) return 0;
    ev->source.code = code;
    ev->source.role = "CVL";
    /* what the office holder's clause gave as its target ("in his state") is no target of the riot */
    if (ev->has_target && ev->target.country && !strcmp(ev->target.country, s->country)) ev->has_target = 0;
    return 1;
}

/* A trip within the traveller's own country ("Obama flew to Boise", "the
** delegates arrive in Cleveland"): the target is that country as a place, no
** actor visited; or a trip with no host at all ("he left for ayodhya"), or
** a visit with no known visitor ("arrives in Tokyo next month", "a tour of
** Asia"). CAMEO's visits (042/043) are between actors.  So is the intention
** of a visit with no known visitor that a visit pattern under "is set to"
** codes (036: "the jet was set to land in the US").  A person coded by the
** country alone (a candidate, docs/ANNOTATION.md rule 9: "Ryan hosted Trump")
** is an actor visited, not that country as a place: person is 1 then.  A
** visit to civilians of no group or office (role CVL: "visiting the victims
** at the hospital", "greeted 2,000 supporters", "greeted voters") is none
** either: no one hosts it (0 of the 2 such keys on dev, devart, devintl,
** devintl2 and the held-out articles at 49b64d5 was a gold key). */
static int home_trip(const ne_event *ev, const char *pattern_code, int person) {
    static const char *const visits[] = {"042", "043", "044", NULL};
    if (!ne_word_in(ev->code, visits)) /* the intent of a trip with no traveller: "was set to land in" */
        return !ev->has_source && strcmp(pattern_code, "044") && ne_word_in(pattern_code, visits);
    if (!ev->has_target) return 1; /* "the cm arrived in the temple town": no one hosted */
    if (ev->target.role && !strcmp(ev->target.role, "CVL") && !person) return 1; /* "visited the victims" */
    if (!ev->has_source) return strcmp(ev->code, "044") != 0; /* "the plane lands in Sydney": no visitor */
    return ev->has_source && ev->source.country && ev->target.code && !strcmp(ev->target.code, ev->source.country) &&
           !person;
}

/* Codes of appeals (02: down an article one with no addressee found is mostly
** one whose addressee was lost, "called on leaders", or advocacy of a policy;
** 4 of 58 dev/devart gold appeals have none), of intentions, consultation and
** diplomatic cooperation (roots 03, 04, 05), of material cooperation, aid,
** yielding, investigation and demands (06-10), rejections (12: a refusal of
** someone's proposal, demand or request), and pessimistic comments (012):
** CAMEO codes them toward a partner, docs/ANNOTATION.md rule 4 annotates no
** such event without a target (one 09 of the 203 gold events of 03-10 and
** none of the 23 of 12 in dev and devart has none), and no dev or devart gold
** event is a 012.  Threats (13), reduced relations (16) and force are tested
** apart (targeted_root).  Past the first sentence of a body, their event that
** ends with no target after every implied one codes nothing, whatever its
** pattern's slot: there it is one whose partner was named before ("the two
** sides will meet again"), no act toward anyone ("the party will abide by the
** decision", "he was planning to apologize", "as part of their
** investigation"), or a worry about a state of things ("he also feared that
** ...", "expressed concern").  A lead may tell the act before its partner
** ("Greece agreed to the terms"), as held-back events keep a lead's missing
** source. */
static int toward_code(const ne_event *ev) {
    return (strcmp(ev->root, "02") >= 0 && strcmp(ev->root, "10") <= 0) || !strcmp(ev->code, "012") ||
           !strcmp(ev->root, "12");
}

int neEvent_threatened_attacker(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    if (ev->has_target || !ev->has_source || !ev->source.country || (strcmp(ev->root, "13") && strcmp(ev->root, "16")))
        return 0;
    int at = ev->in_title ? -1 : ev->sentence;
    uint32_t before = c->sv.t[c->m.anchor].start;
    for (size_t i = c->d->events.n; i-- > 0;) {
        const ne_event *x = NE_VEC_AT(c->d->events, ne_event, i);
        int xs = x->in_title ? -1 : x->sentence;
        if (xs > at || at - xs > 3 || (xs == at && x->span.start >= before) || !violent_root(x->root) ||
            !x->has_source || !x->has_target || !x->source.country || !x->target.country ||
            strcmp(x->target.country, ev->source.country) || !strcmp(x->source.country, ev->source.country))
            continue;
        *out = x->source;
        return 1;
    }
    return 0;
}

int neEvent_victims_place(const ev_ctx *c, ne_event *ev) {
    if (ev->has_target || !ev->has_source || (strcmp(ev->root, "18") && strcmp(ev->root, "20")) ||
        c->m.pt->kind != 'v')
        return 0;
    const char *cc = neEvent_place_country(c, ev, NULL);
    ne_actor v; /* not a mob's own civilians: that is a self event (implied_mob codes it) */
    if (!cc || !neEvent_implied_actor(c, ev, cc, "CVL", "victims", &v) ||
        (ev->source.code && !strcmp(v.code, ev->source.code)))
        return 0;
    ev->target = v;
    return ev->has_target = 1;
}

/* Is ev the destruction of property (1712: "a mob set ablaze 14 houses",
** "miscreants torched shops", "three shops were set afire by the mob") with
** no owner named?  Houses, shops and vehicles burnt or razed with no owner named are
** the civilians' of the place (docs/ANNOTATION.md rules 3 and 10: arson in a
** riot is 1712 by the mob on the civilians of the place), even when the mob
** is itself civilians: a mob's arson is no self event.  The country is the
** clause's place, else the source's own, else the document's main one.
** Fills the target; returns 1 when it did. */
int neEvent_property_owners(const ev_ctx *c, ne_event *ev) {
    static const char *const property[] = {"house", "houses", "home", "homes", "hut", "huts", "hutment",
                                           "hutments", "shop", "shops", "stall", "stalls", "cabin", "cabins",
                                           "godown", "godowns", "warehouse", "warehouses", "store", "stores",
                                           "showroom", "showrooms", "restaurant", "restaurants", "hotel",
                                           "hotels", "factory", "factories", "office", "offices", "building",
                                           "buildings", "property", "properties", "colony", "village",
                                           "villages", "vehicle", "vehicles", "car", "cars", "truck", "trucks",
                                           "two-wheelers", "scooters", "rickshaws", "handcarts", "business",
                                           "establishments", "belongings", NULL};
    if (ev->has_target || !ev->has_source || strcmp(ev->code, "1712")) return 0;
    /* the object, or the subject of a passive ("three shops were set afire by the mob") */
    int lo = c->m.ts >= 0 ? c->m.ts : c->m.passive ? c->m.begin - 6 : -1;
    int hi = c->m.ts >= 0 ? c->m.te : c->m.begin - 1;
    if (lo < 0 && hi >= 0) lo = 0;
    if (lo < 0 || hi < lo || !span_has(c, lo, hi, property)) return 0;
    const char *cc = neEvent_place_country(c, ev, national(c, ev->source.country));
    if (!cc) cc = national(c, c->d->main_cc);
    if (!cc || !neEvent_implied_actor(c, ev, cc, "CVL", "owners", &ev->target)) return 0;
    return ev->has_target = 1;
}

/* Roots that docs/ANNOTATION.md rule 4 never annotates without a target,
** besides those toward_code holds: threats, reduced relations and force
** (13, 16, 18, 19, 20; a missile launch aimed at no one is a show of force,
** 150, rule 10, and 17 may have an unnamed victim).  Past the first
** sentence of a body, their event with no target after every implied one
** (neEvent_victims_place included) is one whose target was named before and the
** engine missed ("promised to carpet bomb them", "won the war, seizing seven
** districts", "has stepped up airstrikes", "warned that violation of its
** sovereignty would have serious consequences"), and codes nothing: no gold
** event of these roots in dev, devart and devintl (58 root keys) has a null
** target, and none of the 6 such predictions there at a9353b8 was right.  A
** lead or a lone sentence ("five people were shot dead", a news wire's
** one-line item) keeps it, as toward_code keeps a lead's. */
static int targeted_root(const char *root) {
    static const char *const roots[] = {"13", "16", "18", "19", "20", NULL};
    return ne_word_in(root, roots);
}

/* Comments of root 01 that give a view of a state of things rather than
** act toward anyone: pessimistic and optimistic comments, a policy option
** considered, empathy and accord (012, 013, 014, 018, 019: "he continued to
** express doubts about her qualifications", "expressed the hope that",
** "would strongly consider closing", "expressed condolences", "echoed
** Clinton's line of criticism").  Past the first sentence of a body such a
** comment codes nothing: it is the commentary around the news (docs/
** ANNOTATION.md rules 2 and 10: speculation, comments and opinions are no
** events), none of the 9 such predictions on dev, devart and devintl at
** 28276f3 was a gold root key, and 9 of their 780 gold events have these
** codes.  The statement itself (010), declining comment (011), claims and
** denials of responsibility (015, 016) and symbolic acts (017) stay. */
static int comment_code(const char *code) {
    static const char *const codes[] = {"012", "013", "014", "018", "019", NULL};
    return ne_word_in(code, codes);
}

/* A threat read from an announced act of another root under a future modal
** (f->cc: "the airline would expand its fleet", "the police will deploy
** more men", "the kar sevaks would take out the march"): like toward_code's,
** such an act codes a threat toward someone, and with no one named down an
** article it is a plan or a forecast.  Threats written as such (root 13
** patterns: "warned that violation of its sovereignty could have serious
** consequences") stay. */
static int announced_act(const ev_frame *f, const ne_event *ev) { return f->cc && !strcmp(ev->root, "13"); }

/* A firm's own business in the words of political acts: a chief executive
** resigning or standing down (0831, 087 and their intents 0341, 0356), a
** product's release (084, 0353), a share delisting (085, 0354), a statement
** to no one (010).  CAMEO codes leadership changes, releases and sanctions
** between political actors; these are none. */
static int firm_business(const ne_event *ev) {
    static const char *const codes[] = {"0831", "0341", "087", "0356", "084", "0841", "0842", "0353",
                                        "085", "0354", NULL};
    if (!ev->has_source || !firm(&ev->source)) return 0;
    return ne_word_in(ev->code, codes) || (!strcmp(ev->code, "010") && !ev->has_target);
}

/* Is a, a buyer's side, the buyer's own actor: the same code? */
static int same_side(const ne_actor *a, const ne_event *ev) {
    return a->code && ev->source.code && !strcmp(a->code, ev->source.code);
}

/* Is the actor of code code the buyer of one of the document's purchases
** (061) so far ("Air Canada has ordered ... Virgin Atlantic has purchased":
** Air Canada is no seller)?  A scan of the events, made only for the firms
** neEvent_implied_seller falls back on. */
static int bought_before(const struct ne_doc *d, const char *code) {
    for (size_t j = 0; j < d->events.n; j++) {
        const ne_event *x = NE_VEC_AT(d->events, ne_event, j);
        if (!strcmp(x->code, "061") && x->has_source && x->source.code && !strcmp(x->source.code, code)) return 1;
    }
    return 0;
}

int neEvent_implied_seller(const ev_ctx *c, const ne_event *ev, ne_actor *out) {
    static const char *const buyers[] = {"BUS", "GOV", "MIL", NULL};
    if (ev->has_target || !ev->has_source || (strcmp(ev->code, "061") && strcmp(ev->code, "0311")) ||
        !(firm(&ev->source) || (ev->source.role && ne_word_in(ev->source.role, buyers))))
        return 0;
    if (!neEvent_purchase(c) && strcmp(c->m.pt->cameo->code, "057")) return 0;
    const ne_actor *seller = NULL;
    for (int k = c->m.anchor + 1; k <= c->m.end && !seller; k++) { /* a maker in the goods ("six Boeing jets") */
        int a = c->sv.t[k].actor;
        const ne_actor *x = a >= 0 ? NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, a)) : NULL;
        if (x && x->code && firm(x) && !same_side(x, ev)) seller = x;
    }
    for (size_t i = 0; !seller && i < c->d->events.n; i++) { /* the first earlier purchase's seller */
        const ne_event *x = NE_VEC_AT(c->d->events, ne_event, i);
        if (!strcmp(x->code, "061") && x->has_target && firm(&x->target) && !same_side(&x->target, ev) &&
            !(x->has_source && same_side(&x->source, ev)))
            seller = &x->target;
    }
    for (size_t i = 0; !seller && i < c->d->actors.n; i++) { /* else the first firm named */
        const ne_actor *a = NE_VEC_AT(c->d->actors, ne_actor, i);
        if (a->sentence > ev->sentence && !a->in_title) break;
        if (!a->code || !firm(a) || same_side(a, ev)) continue;
        if (!bought_before(c->d, a->code)) seller = a;
    }
    if (!seller) return 0;
    *out = *seller;
    out->sentence = ev->sentence;
    out->in_title = ev->in_title;
    out->ref = -1;
    return 1;
}

/* CAMEO 0831 is yielding political power to a challenge (codebook: "Yield
** by relinquishing political power"; its target is the challenger or the
** country).  A resignation that names no target is that only when a
** government's own office holder (role GOV or MIL) resigns ("President
** Bouteflika resigned"): a party chair, a media executive or a former
** official leaving a post gives up no power of a state, and a noun
** mention ("demanded his resignation") is no act of yielding.  Returns 1
** for the resignations to drop. */
static int private_resignation(const ev_ctx *c, const ne_event *ev) {
    static const char *const powers[] = {"GOV", "MIL", NULL};
    if (strcmp(ev->code, "0831") || ev->has_target) return 0;
    if (c->m.pt->kind == 'n') return 1;
    return !ev->has_source || !ev->source.role || !ne_word_in(ev->source.role, powers);
}

/* "Help" whose target is a party or a candidate, a person with no office or
** in opposition ("Fox News helped Trump", "Kasich actually helps Trump", "it would have
** helped the bjp"): a benefit in a campaign, no aid given (070 is material
** aid, CAMEO codebook 2.7); "helped the refugees", "helped Iraq" stay. */
static int help_campaign(const ev_ctx *c, const ne_event *ev, int person) {
    if (!ev->has_target || !help_match(c)) return 0;
    static const char *const out_of_office[] = {"OPP", "ELI", NULL};
    const char *r = ev->target.role;
    return party_in(ev->target.code) || (person && (!(r && r[0]) || ne_word_in(r, out_of_office)));
}

int neEvent_implied_target(const ev_ctx *c, ne_event *ev) {
    int asked = 0;
    if (!ev->has_target && (ev->has_target = neEvent_crowd_target(c, ev, &ev->target))) ev->confidence *= 0.8;
    if (!ev->has_target && (ev->has_target = asked = implied_addressee(c, ev, &ev->target))) ev->confidence *= 0.8;
    if (!ev->has_target && (ev->has_target = implied_legislature(c, ev, &ev->target))) ev->confidence *= 0.8;
    if (!ev->has_target && (ev->has_target = denial_target(c, ev, &ev->target))) ev->confidence *= 0.8;
    if (!ev->has_target && (ev->has_target = rejection_target(c, ev, &ev->target))) ev->confidence *= 0.8;
    state_barricade(c, ev);
    if (!ev->has_target && (ev->has_target = implied_residents(c, ev, &ev->target))) ev->confidence *= 0.8;
    return asked;
}

int neEvent_implied_agent(ev_ctx *c, const ev_frame *f, ne_event *ev) {
    if (f->state_giver && !ev->has_source && ev->has_target) {
        const char *cc = national(c, ev->target.country);
        if (!cc || !(ev->has_source = neEvent_implied_actor(c, ev, cc, "GOV", "government", &ev->source))) return -1;
    }
    if (!ev->has_source && accidental_death(c, ev)) return -1;
    int mob = implied_mob(c, ev);
    if (mob < 0) return -1;
    if (mob) ev->confidence *= 0.8;
    int dep = deployed_forces(c, ev);
    if (dep < 0) return -1;
    if (dep) ev->confidence *= 0.8;
    if (implied_guard(c, ev)) ev->confidence *= 0.8;
    if (neEvent_background_unrest(c, ev)) return -1;
    if (!ev->has_source && !ev->has_target) {
        int u = implied_unrest(c, ev);
        if (u == 2) mob = 1; /* a mob on civilians of its own country */
        if (!u && !neEvent_implied_arrests(c, ev) && !bomb_attackers(c, ev)) return -1; /* "a bomb exploded in Baghdad" */
        ev->confidence *= 0.8;
    }
    if (!ev->has_source && !strcmp(ev->root, "01")) return -1; /* a statement no one made */
    if (!ev->has_source && !strcmp(ev->code, "170")) return -1; /* "was forced to", "the crisis forced GM to" */
    return mob != 0;
}

int neEvent_no_political_act(const ev_ctx *c, const ne_event *ev, int t) {
    int person = t >= 0 && NE_VEC_AT(c->d->actor_info, ne_actor_info, neClause_resolve(c->d, t))->person == 1;
    return help_campaign(c, ev, person) || home_trip(ev, c->m.pt->cameo->code, person) || firm_business(ev) ||
           private_resignation(c, ev);
}

/* Is pt a public call for something, with no addressee in its words: "call
** for", "appeal for" ("Trump called for a ban on Muslims entering the
** country"), "issue an appeal", "make a plea" ("the governor had issued an
** appeal for peace")?  An appeal to the public or to no one named: down an
** article it is no appeal whose addressee was lost ("called on leaders"). */
static int public_call(const ne_pattern *pt) {
    static const char *const calls[] = {"call", "appeal", NULL};
    static const char *const issue[] = {"issue", "make", "launch", NULL};
    static const char *const pleas[] = {"appeal", "plea", NULL};
    if (pt->has_target || pt->anchor + 1 >= pt->nelems) return 0;
    const ne_pelem *a = &pt->elems[pt->anchor], *n = &pt->elems[pt->anchor + 1];
    if (a->nalt != 1 || n->kind != a->kind || n->nalt != 1) return 0;
    const char *aw = a->alt[0].lemma, *nw = n->alt[0].lemma;
    return (ne_word_in(aw, calls) && !strcmp(nw, "for")) || (ne_word_in(aw, issue) && ne_word_in(nw, pleas));
}

int neEvent_body_commentary(const ev_frame *f, const ne_event *ev, const ne_pattern *pt) {
    if (ev->in_title || ev->sentence < 1) return 0;
    if (comment_code(ev->code)) return 1;
    if (!ev->has_target && !strcmp(ev->root, "02") && public_call(pt) && !announced_act(f, ev)) return 0;
    return !ev->has_target && (targeted_root(ev->root) || toward_code(ev) || announced_act(f, ev));
}
