/* event_sides.c: who the source and the target of a matched clause are
** (docs/PATTERNS.md): the sides of a passive and of an active verb
** (neEvent_passive_sides, neEvent_active_sides: the by-agent, the chamber, a
** when-clause's subject, the one a condition asks to comply), the speaker of
** an announced threat or promise, an act only claimed (an accusation of the
** claimant), the sides after "between", and the speakers of quotations and
** reported speech (a blameworthy act or a judgement in a quotation, a
** statement about another country's actor: neEvent_reported_about).  Reads
** the matcher's state (eventInt.h); writes the frame it is given, or emits
** through neEvent_emit. */
#include "eventInt.h"

#include <stdio.h>
#include <string.h>

/* Is the pattern's act one its passive subject suffers (roots 17-20: "one
** person was killed in the firing", "two were arrested under the act"),
** so that the subject is the target even without a "+" slot? */
static int suffered(const ne_pattern *pt) {
    const char *r = pt->cameo->root;
    return r[0] == '2' || (r[0] == '1' && r[1] >= '7');
}

/* The agent of a passive act suffered in a "when" clause right after it
** ("five soldiers were killed when Taliban fighters attacked a checkpoint",
** "... when police opened fire"): the subject of that clause's first verb
** when it is active and names an actor; 0 otherwise. */
static int when_agent(ev_ctx *c, int hi, int *out) {
    if (hi >= c->sv.n || !tok_is(c, hi, "when")) return 0;
    for (int k = hi + 1; k < c->sv.n; k++) {
        int wc = c->sv.wc[k];
        if (wc == NE_WC_SUB || wc == NE_WC_REL || wc == NE_WC_THAT || tok_is(c, k, ";")) return 0;
        if (!c->sv.isverb[k]) continue;
        if (neClause_passive(&c->sv, k)) return 0;
        return neEvent_verb_subject(c, k, hi + 1, out);
    }
    return 0;
}

/* Keep the actors of a[0..n) that are none of the sufferers t[0..nt), the
** same mention or the same referent ("the bjp mla was arrested when he took
** out a procession": he is the one arrested, not who arrested him; the
** caller applies it to coercion, root 17); returns how many are left. */
static int not_suffering(const ev_ctx *c, int *a, int n, const int *t, int nt) {
    int m = 0;
    for (int k = 0; k < n; k++) {
        int same = 0;
        for (int j = 0; j < nt && !same; j++)
            same = a[k] == t[j] || (a[k] >= 0 && t[j] >= 0 && neClause_resolve(c->d, a[k]) == neClause_resolve(c->d, t[j]));
        if (!same) a[m++] = a[k];
    }
    return m;
}

/* Keep the actors of a[0..n) known by a code ("he" with no referent is no
** one); returns how many are left. */
static int coded_only(const ev_ctx *c, int *a, int n) {
    int m = 0;
    for (int k = 0; k < n; k++)
        if (NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, a[k]))->code) a[m++] = a[k];
    return m;
}

/* The speaker (an actor mention) of the direct quotation holding the anchor,
** or -1 (a pattern with "@": "'She is a liar,' Trump said"). */
static int quote_speaker(const ev_ctx *c) {
    const ne_token *t = &c->sv.t[c->m.anchor];
    if (!(t->tags & NE_TAG_IN_QUOTE) || c->sv.in_title) return -1;
    for (size_t q = 0; q < c->d->quotes.n; q++) {
        const ne_quote *qt = NE_VEC_AT(c->d->quotes, ne_quote, q);
        if (qt->speaker >= 0 && qt->span.start <= t->start && t->start < qt->span.end) return qt->speaker;
    }
    return -1;
}

/* Is actor mention a one of the speakers in f->src (resolved: "'I am
** a failure,' he said", "Sanders said he was wrong")? */
static int spoken_by(const ev_ctx *c, int a, const ev_frame *f) {
    int who = neClause_resolve(c->d, a);
    for (int k = 0; k < f->nsrc; k++)
        if (neClause_resolve(c->d, f->src[k]) == who) return 1;
    return 0;
}

/* The speaker of a judgement or blameworthy act at token i (an "@"
** pattern) in reported speech, when no direct quotation holds it: the
** reporting verb's speaker ("Sanders said Clinton is a liar", "Clinton is a
** liar, Sanders said": CAMEO codes the report as the quotation).  Writes the
** speaker's coded mentions to out and returns how many (0: none); the
** reported content starts after the verb when it comes first (*from, else
** 0).  None when the report is negated ("did not say"), asked ("?") or
** conditional ("said that if Clinton is ..."), in the title, or when a
** negation, relative pronoun or subordinator stands between the report's
** start and i: the writer's aside or a clause the speaker does not assert
** ("said Buchanan, who had failed to ...", "said they were not traitors"). */
static int reported_speaker(const ev_ctx *c, int i, int *out, int *from) {
    int r = -1, n = coded_only(c, out, neClause_reporter_actors(&c->sv, i, out, EV_MAX_ACTORS, &r));
    *from = 0;
    if (!n || r < 0 || c->sv.in_title || tok_is(c, c->sv.n - 1, "?")) return 0;
    for (int k = neClause_vg_start(&c->sv, r); k < r; k++)
        if (c->sv.wc[k] == NE_WC_NEG) return 0;
    for (int k = r < i ? r + 1 : 0; k < i; k++) {
        int w = c->sv.wc[k];
        if (w == NE_WC_NEG || w == NE_WC_REL || w == NE_WC_SUB || tok_is(c, k, "whether")) return 0;
    }
    *from = r < i ? r + 1 : 0;
    return n;
}

/* The actors after "said of" (any reporting verb) in the sentence
** ("'This is a disgrace,' Sanders said of Clinton's plan"): when a phrase
** names a coded actor, writes them to a, sets *found and returns how many;
** else returns n and leaves a as it was. */
static int said_of_phrase(ev_ctx *c, int *a, int n, int *found) {
    *found = 0;
    for (int k = 0; k + 2 < c->sv.n; k++) {
        if (c->sv.wc[k] != NE_WC_REPORT || !tok_is(c, k + 1, "of")) continue;
        int out[EV_MAX_ACTORS], e = neEvent_slot_max_end(c, k + 2);
        int m = coded_only(c, out, neClause_ng_actors(&c->sv, k + 2, e, out, EV_MAX_ACTORS));
        if (m > 0) {
            memcpy(a, out, (size_t)m * sizeof *a);
            *found = 1;
            return m;
        }
    }
    return n;
}

/* The one a quotation is said of ("'He is a liar,' Trump said of Cruz"): a
** pronoun subject inside the quotation stands for the actors after "said of"
** (any reporting verb) in the sentence.  When the n subject actors in a are
** one pronoun and the sentence has such a phrase naming an actor, writes
** those actors to a, sets *found and returns how many; else returns n.
** Actor mentions only: a place there ("said of Des Moines") is no one a
** pronoun stands for (and coded_only reads actors, not neEvent_slot_actors' places). */
static int said_of(ev_ctx *c, int *a, int n, int *found) {
    *found = 0;
    if (n != 1 || NE_VEC_AT(c->d->actors, ne_actor, a[0])->kind != NE_ACTOR_PRONOUN) return n;
    return said_of_phrase(c, a, n, found);
}

int neEvent_first_person(const ev_ctx *c, int k, int *out) {
    static const char *const words[] = {"I", "we", "We", NULL};
    if (k < 0 || k >= c->sv.n) return 0;
    const ne_token *t = &c->sv.t[k];
    char w[4];
    if (t->end - t->start >= sizeof w) return 0;
    snprintf(w, sizeof w, "%.*s", (int)(t->end - t->start), c->sv.text + t->start);
    /* lower-case text writes "i" for "I" ("``i have made a request to mahantji,'' he said") */
    int lower = NE_VEC_AT(c->d->sentences, ne_sentence, c->sv.sent)->caseless == NE_CASELESS_LOWER;
    if (!ne_word_in(w, words) && !(lower && ne_word_is(w, "i"))) return 0;
    int sp = quote_speaker(c);
    if (sp < 0) return 0;
    out[0] = sp;
    return 1;
}

int neEvent_claimed_act(ev_ctx *c, int vs, ev_frame *f) {
    static const char *const claims[] = {"claim", "allege", NULL};
    const char *r = c->m.pt->cameo->root;
    if (c->m.passive || !f->nsrc || f->cc || strcmp(r, "15") < 0 || strcmp(r, "20") > 0) return 0;
    int j = vs - 1;
    while (j >= 0 && (neClause_ng_token(&c->sv, j) || c->sv.wc[j] == NE_WC_ADV)) j--;
    if (j == vs - 1) return 0;
    if (j >= 0 && c->sv.wc[j] == NE_WC_THAT) j--;
    if (j < 0 || !c->sv.isverb[j] || !word_in(c, j, claims)) return 0;
    int who[EV_MAX_ACTORS];
    int n = neEvent_verb_subject(c, j, 0, who);
    if (!n) return 0;
    memcpy(f->tgt, f->src, sizeof f->tgt);
    f->ntgt = f->nsrc;
    memcpy(f->src, who, sizeof f->src);
    f->nsrc = n;
    f->verbal = "112";
    f->rule = "claimed-act: source=claimant, target=accused";
    return 1;
}

/* The speaker of an announced coercive act with no agent ("'all the offenders
** will be punished,' the chief minister said", "Singh said the employees
** would be dismissed"): the quotation's speaker, else the subject of the
** reporting verb; the one who announces it threatens it (CAMEO codebook
** 2.13).  Writes the speaker's mentions to out; returns how many. */
static int threat_speaker(const ev_ctx *c, int *out) {
    int sp = quote_speaker(c);
    if (sp >= 0) {
        out[0] = sp;
        return 1;
    }
    int b = c->m.begin < c->m.anchor ? c->m.begin : c->m.anchor; /* a negation the match holds is its wording */
    for (int k = 0; k < b; k++) /* "nor did he stress that officials would be punished" */
        if (c->sv.wc[k] == NE_WC_NEG || tok_is(c, k, "nor")) return 0;
    return coded_only(c, out, neClause_reporter_actors(&c->sv, c->m.anchor, out, EV_MAX_ACTORS, NULL));
}

/* An active announced act whose clause subject is the one it is for
** (neEvent_threatened_subject's "will face", neEvent_promised_subject's "will get"): the
** subject f->src becomes the target, the announcer (threat_speaker) the
** source, rule f's rule.  Returns 1 when someone announces it, else 0. */
static int subject_target(ev_ctx *c, ev_frame *f, const char *rule) {
    memcpy(f->tgt, f->src, sizeof f->tgt);
    f->ntgt = f->nsrc;
    f->nsrc = threat_speaker(c, f->src);
    f->rule = rule;
    return f->nsrc > 0;
}

int neEvent_threatened_subject(ev_ctx *c, ev_frame *f, int mod) {
    if (f->cc || !root_is(c->m.pt, "13") || !(mod & NE_MOD_FUTURE) || c->m.pt->has_source) return 1;
    if (c->m.passive) {
        if (!f->nsrc) f->nsrc = threat_speaker(c, f->src);
        if (f->nsrc) f->rule = "passive: target=subject, source=speaker";
        return f->nsrc > 0;
    }
    static const char *const suffer[] = {"face", "pay", NULL}; /* "will face action", "will pay a heavy price" */
    if (c->m.pt->has_target || !word_in(c, c->m.anchor, suffer)) return 1;
    if (neEvent_if_after(c)) return 0; /* "Britain would face consequences if the talks failed": a forecast */
    return subject_target(c, f, "threat-faced: target=subject, source=speaker");
}

/* Is token k, after a passive match, a verb of its own that a later "by"
** belongs to (a past participle or finite verb, not a gerund after "of":
** "were killed in violence sparked by the vhp's programme", "with the rapid
** action force deployed by the state")? */
static int later_participle(const ev_ctx *c, int k) {
    const ne_token *t = &c->sv.t[k];
    return c->sv.isverb[k] && !(t->norm_len > 3 && !strcmp(t->norm + t->norm_len - 3, "ing"));
}

int neEvent_promised_subject(ev_ctx *c, ev_frame *f, int mod) {
    int intent = f->cc ? !strcmp(f->cc->root, "03") : root_is(c->m.pt, "03");
    if (!intent || !(mod & NE_MOD_FUTURE) || c->m.pt->has_source) return 1;
    if (c->m.passive) {
        if (!f->nsrc && (f->nsrc = threat_speaker(c, f->src)) > 0) f->rule = "passive: target=subject, source=speaker";
        return 1;
    }
    static const char *const get[] = {"get", "receive", NULL};
    if (f->cc || c->m.pt->has_target || !word_in(c, c->m.anchor, get)) return 1;
    return subject_target(c, f, "promise-received: target=subject, source=speaker");
}

/* A legislature named right after a passive match by "in" as the chamber
** where it was done: its agent ("the bailout bill was rejected in the
** Senate", "was approved in the House of Representatives"): the number of
** actors put in out (a mention whose role is LEG), or 0. */
static int chamber_agent(ev_ctx *c, int hi, int *out) {
    int k = c->m.end + 1;
    if (k + 1 >= hi || !tok_is(c, k, "in")) return 0;
    int n = neEvent_slot_actors(c, k + 1, neEvent_slot_max_end(c, k + 1), out);
    if (n != 1 || out[0] < 0) return 0;
    const ne_actor *a = NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, out[0]));
    return a->role && !strcmp(a->role, "LEG");
}

/* The giver of aid received in the passive, named by "from" after the
** match and its amount ("GM and Chrysler were given loans worth US$ 17.4
** billion from the government", "was granted a loan from the IMF"): the
** actors of that slot, when no verb, subordinator or punctuation comes
** before it (at most eight tokens on); 0 otherwise.  Root 07 only: aid
** is given by whoever it comes from (CAMEO codebook 2.7). */
static int giver_agent(ev_ctx *c, const ev_frame *f, int hi, int *out) {
    const char *r = f->cc ? f->cc->root : c->m.pt->cameo->root;
    if (strcmp(r, "07")) return 0;
    for (int k = c->m.end + 1; k + 1 < hi && k <= c->m.end + 8; k++) {
        int wc = c->sv.wc[k];
        if (c->sv.isverb[k] || wc == NE_WC_SUB || wc == NE_WC_REL || wc == NE_WC_THAT) return 0;
        if (c->sv.t[k].shape == NE_SH_PUNCT && !tok_is(c, k, "$") && !tok_is(c, k, ".")) return 0;
        if (tok_is(c, k, "from")) return neEvent_slot_actors(c, k + 1, neEvent_slot_max_end(c, k + 1), out);
    }
    return 0;
}

void neEvent_passive_sides(ev_ctx *c, ev_frame *f, int vs, const int *subj, int ns) {
    memcpy(f->tgt, subj, sizeof f->tgt);
    f->ntgt = ns;
    f->unnamed = neEvent_unnamed_subject(c, vs, subj, ns);
    f->nsrc = neEvent_slot_actors(c, c->m.bys, c->m.bye, f->src);
    if (!f->nsrc && c->m.pt->has_source) f->nsrc = neEvent_slot_actors(c, c->m.ss, c->m.se, f->src); /* "in $ firing" */
    if (!f->nsrc) { /* an agent later in the clause: "was accused of X by Y" */
        for (int k = c->m.end + 1; k + 1 < f->hi && !f->nsrc; k++) {
            if (later_participle(c, k)) break; /* "curfew imposed after tension sparked by the vhp": its agent */
            if (tok_is(c, k, "by")) f->nsrc = neEvent_slot_actors(c, k + 1, neEvent_slot_max_end(c, k + 1), f->src);
        }
    }
    f->rule = "passive: target=subject, source=by-agent";
    if (!f->nsrc && (f->nsrc = chamber_agent(c, f->hi, f->src)) > 0) f->rule = "passive: target=subject, source=chamber";
    if (!f->nsrc && (f->nsrc = giver_agent(c, f, f->hi, f->src)) > 0) f->rule = "passive: target=subject, source=from-giver";
    if (!f->nsrc && suffered(c->m.pt) && (f->nsrc = when_agent(c, f->hi, f->src)) > 0) {
        /* coercion: "was arrested when he took out a procession" (force keeps "when their bus
        ** overturned": the dead's own mishap, one actor on both sides and no event) */
        if (root_is(c->m.pt, "17")) f->nsrc = not_suffering(c, f->src, f->nsrc, f->tgt, f->ntgt);
        if (f->nsrc > 0) f->rule = "passive: target=subject, source=when-clause-subject";
    }
    if (!f->nsrc && f->cc && !strcmp(f->cc->root, "13") && (f->nsrc = threat_speaker(c, f->src)) > 0)
        f->rule = "passive: target=subject, source=speaker"; /* "the guilty will be punished," he said */
    /* "the meetings held by X with Y": an event named before the verb ("{meeting|talks} hold
    ** with +") is held by the agent with the partner after the match's "with" (the "+" a passive
    ** leaves empty); the subject, the event itself, is no side */
    if (!ns && c->m.pt->has_target && c->m.pt->anchor > 0 && c->m.end + 1 < f->hi && tok_is(c, c->m.end, "with") &&
        (f->ntgt = neEvent_slot_actors(c, c->m.end + 1, neEvent_slot_max_end(c, c->m.end + 1), f->tgt)) > 0)
        f->rule = "passive: source=by-agent, target=with-partner";
    if (!c->m.pt->has_target && !c->m.pt->has_source && !suffered(c->m.pt)) f->ntgt = 0;
}

/* The target of a threat (root 13, or an act read as one: f->cc) that names
** none: the subject of the "unless" or "if" clause right after it, the one
** who must comply ("threatened to launch an offensive unless Baghdad
** accepted its conditions", "will boycott the vote unless the president
** steps down"); not one of the threat's own sources ("threatened to leave if
** it is not heard"), nor the subject of a passive ("if the outfits are not
** reined in": someone else must act).  Returns the number of actors put in f->tgt. */
static int condition_target(ev_ctx *c, ev_frame *f) {
    const ne_cameo_code *cc = f->cc ? f->cc : c->m.pt->cameo;
    int k = f->hi, n = 0, out[EV_MAX_ACTORS];
    if (!cc || strcmp(cc->root, "13") || k + 2 >= c->sv.n || (!tok_is(c, k, "unless") && !tok_is(c, k, "if")))
        return 0;
    int e = neEvent_slot_max_end(c, k + 1), got = neClause_ng_actors(&c->sv, k + 1, e, out, EV_MAX_ACTORS);
    int v = e + 1, wc = v < c->sv.n ? c->sv.wc[v] : NE_WC_OPEN; /* a verb group follows the subject */
    if (v >= c->sv.n || !(c->sv.isverb[v] || wc == NE_WC_BE || wc == NE_WC_HAVE || wc == NE_WC_DO ||
                          wc == NE_WC_MODAL || wc == NE_WC_ADV))
        return 0;
    for (int j = k + 1; j < c->sv.n && c->sv.t[j].shape != NE_SH_PUNCT && c->sv.wc[j] != NE_WC_SUB; j++)
        if (neClause_passive(&c->sv, j)) return 0; /* "if the outfits are not reined in": by someone else */
    for (int i = 0; i < got; i++) {
        int own = 0;
        for (int j = 0; j < f->nsrc && !own; j++) own = f->src[j] >= 0 && same_code(c->d, f->src[j], out[i]);
        if (!own) f->tgt[n++] = out[i];
    }
    return n;
}

void neEvent_active_sides(ev_ctx *c, ev_frame *f, int vs, const int *subj, int ns) {
    memcpy(f->src, subj, sizeof f->src);
    f->nsrc = ns;
    if (c->m.pt->has_source) f->nsrc = neEvent_slot_actors(c, c->m.ss, c->m.se, f->src);
    f->recip = c->m.ts >= 0 && is_recip(c, c->m.ts);
    if (c->m.relobj) {
        f->ntgt = neClause_object_relative(&c->sv, vs, f->tgt, EV_MAX_ACTORS);
        f->rule = "object-relative: target=antecedent";
    } else if (!f->recip) {
        f->ntgt = c->m.ts >= 0 ? neEvent_slot_actors(c, c->m.ts, c->m.te, f->tgt) : neEvent_trailing_target(c, f->tgt);
        if (!f->ntgt && (f->ntgt = neEvent_object_pp_target(c, f)) > 0) f->far_target = EV_FAR_OBJECT_PP;
        if (!f->ntgt && (f->ntgt = condition_target(c, f)) > 0) f->far_target = EV_FAR_CONDITION;
    }
    if (!f->nsrc && c->m.pt->cameo && verbal_root(c->m.pt->cameo->root))
        f->nameless = neEvent_nameless_subject(c, vs, f->lo) || neEvent_unknown_subject(c, vs, f->lo);
    if (c->m.pt->has_source && !c->m.pt->has_target) { /* "97 died in $ firing": the subject suffered it */
        memcpy(f->tgt, subj, sizeof f->tgt);
        f->ntgt = ns;
        f->rule = "source-slot: target=subject";
    }
}

/* Does the actor whose mention starts at token t only modify the head of
** the subject ("the efforts of religious and political leaders have
** failed")?  Looks back over its noun group and coordinated ones for "of". */
static int of_modifier(const ev_ctx *c, int t) {
    int k = t - 1;
    while (k >= 0 && (neClause_ng_token(&c->sv, k) || tok_is(c, k, "and") || tok_is(c, k, ","))) k--;
    return k >= 0 && tok_is(c, k, "of");
}

/* Is the participle at i the complement of a linking verb ("felt betrayed",
** "feel cheated", "got fooled", "seemed misled"): a state, no one's act? */
static const char *const linking[] = {"feel", "seem", "look", "get", "become", "appear", "sound", NULL};

static int linked_state(const ev_ctx *c, int i) {
    int k = i - 1;
    while (k >= 0 && c->sv.wc[k] == NE_WC_ADV) k--;
    return k >= 0 && ne_word_in(c->sv.t[k].lemma, linking);
}

/* The speakers of the "@" match whose report starts at token at, into
** f->src and f->nsrc (0 when none): the direct quotation's speaker, else
** the reporting verb's (reported_speaker, which sets *from to the report's
** first token).  Returns the quotation's speaker, -1 when reported. */
static int judge_speakers(ev_ctx *c, int at, ev_frame *f, int *from) {
    int sp = quote_speaker(c);
    if (sp >= 0) f->src[0] = sp, f->nsrc = 1;
    else f->nsrc = reported_speaker(c, at, f->src, from);
    return sp;
}

int neEvent_code_quoted_verb(ev_ctx *c) {
    ev_frame f = {.conf = 0.8, .rule = "quote-speaker: target=subject"};
    int i = c->m.anchor, gov, from = 0;
    if (c->m.passive) return NE_OK;
    if (i > 0 && c->sv.wc[i - 1] == NE_WC_DET) return NE_OK; /* "a stolen election": a modifier, no act */
    if (linked_state(c, i)) return NE_OK; /* "felt betrayed": a state, no act */
    neClause_bounds(&c->sv, i, &f.lo, &f.hi);
    int mod = neClause_modality(&c->sv, i, f.lo, 0, &gov);
    if (mod & (NE_MOD_NEG | NE_MOD_MODAL | NE_MOD_INFINITIVE | EV_NOT_EVENT)) return NE_OK;
    int sp = judge_speakers(c, i, &f, &from);
    if (!f.nsrc) return NE_OK;
    int vs = neClause_vg_start(&c->sv, i), subj[EV_MAX_ACTORS];
    int of, ns = neClause_subject(&c->sv, vs, f.lo, subj, EV_MAX_ACTORS, &f.rule);
    ns = coded_only(c, subj, said_of(c, subj, ns, &of));
    size_t qstart = c->sv.t[sp >= 0 ? i : from].start;
    for (size_t q = 0; sp >= 0 && q < c->d->quotes.n; q++) { /* the start of the quotation holding the anchor */
        const ne_quote *qt = NE_VEC_AT(c->d->quotes, ne_quote, q);
        if (qt->speaker == sp && qt->span.start <= c->sv.t[i].start && c->sv.t[i].start < qt->span.end)
            qstart = qt->span.start;
    }
    for (int k = 0; k < ns; k++) {
        int t = mention_tok(&c->sv, subj[k]);
        if (t >= 0 && (of || (c->sv.t[t].start >= qstart && !of_modifier(c, t))) && !spoken_by(c, subj[k], &f))
            f.tgt[f.ntgt++] = subj[k];
    }
    if (!f.ntgt) return NE_OK;
    f.rule = sp >= 0 ? "quote-speaker: target=subject" : "reported-speaker: target=subject";
    return neEvent_emit(c, &f);
}

int neEvent_code_judgement(ev_ctx *c) {
    static const char *const demonstratives[] = {"this", "that", "it", NULL};
    ev_frame f = {.conf = 0.8, .rule = "quote-speaker: target=subject"};
    int b = c->m.begin, from = 0;
    if (b < 0 || b >= c->m.anchor || c->sv.wc[b] != NE_WC_BE) return NE_OK;
    neClause_bounds(&c->sv, b, &f.lo, &f.hi);
    int vs = neClause_vg_start(&c->sv, b);
    for (int k = vs; k < c->m.anchor; k++)
        if (c->sv.wc[k] == NE_WC_NEG || c->sv.wc[k] == NE_WC_MODAL) return NE_OK;
    int sp = judge_speakers(c, b, &f, &from);
    if (!f.nsrc) return NE_OK;
    int of, n = neClause_subject(&c->sv, vs, f.lo, f.tgt, EV_MAX_ACTORS, &f.rule);
    n = coded_only(c, f.tgt, said_of(c, f.tgt, n, &of));
    if (!n && vs > f.lo && word_in(c, vs - 1, demonstratives)) /* "'This is a disgrace,' X said of Y's plan" */
        n = said_of_phrase(c, f.tgt, 0, &of);
    for (int k = 0; k < n; k++) /* reported: the subject within the report ("said Clinton is a liar") */
        if ((sp >= 0 || of || mention_tok(&c->sv, f.tgt[k]) >= from) && !spoken_by(c, f.tgt[k], &f))
            f.tgt[f.ntgt++] = f.tgt[k];
    if (!f.ntgt) return NE_OK;
    f.rule = sp >= 0 ? "quote-speaker: target=subject" : "reported-speaker: target=subject";
    return neEvent_emit(c, &f);
}

int neEvent_aside_subject(ev_ctx *c, int lo, int *out) {
    int coop = root_is(c->m.pt, "04") || root_is(c->m.pt, "05") || root_is(c->m.pt, "06");
    if ((!root_is(c->m.pt, "11") && !coop) || !tok_is(c, c->m.end + 1, ",")) return 0;
    int s = neClause_ng_start(&c->sv, c->m.anchor, lo);
    if (s > lo && c->sv.wc[s - 1] == NE_WC_PREP) s--; /* "in a sharp rebuke of" */
    else if (coop) return 0; /* a meeting or a deal: only "in a joint operation with", "after talks with" */
    if (s < 2 || !tok_is(c, s - 1, ",") || !neClause_ng_token(&c->sv, s - 2)) return 0;
    int g = neClause_ng_start(&c->sv, s - 2, lo);
    return coded_only(c, out, neClause_ng_actors(&c->sv, g, s - 2, out, EV_MAX_ACTORS));
}

int neEvent_be_subject(ev_ctx *c, int lo, int *out) {
    int b = c->m.begin;
    if (b < 0 || b >= c->m.anchor || c->sv.wc[b] != NE_WC_BE) return 0;
    int vs = neClause_vg_start(&c->sv, b);
    for (int k = vs; k < c->m.anchor; k++)
        if (c->sv.wc[k] == NE_WC_NEG || c->sv.wc[k] == NE_WC_MODAL) return -1;
    const char *rule = NULL;
    return coded_only(c, out, neClause_subject(&c->sv, vs, lo, out, EV_MAX_ACTORS, &rule));
}

void neEvent_between_sides(ev_ctx *c, ev_frame *f) {
    int b = c->m.ts >= 1 ? c->m.ts - 1 : c->m.passive ? c->m.end : -1;
    if (f->nsrc || b < 0 || !(tok_is(c, b, "between") || tok_is(c, b, "among")) || !joint_code(c->m.pt->cameo->code))
        return;
    if (c->m.ts < 0) f->ntgt = neEvent_slot_actors(c, b + 1, neEvent_slot_max_end(c, b + 1), f->tgt);
    if (f->ntgt < 2) return;
    for (int k = 0; k < f->ntgt; k++) f->src[k] = f->tgt[k];
    f->nsrc = f->ntgt;
    f->ntgt = 0;
    f->recip = 1;
    f->rule = "noun: sides=between";
}

/* Is token k a dash joining the words on its sides with no space ("U.S.-China",
** "Israeli-Palestinian"), or "and" ("the Obama and Putin meeting")? */
static int pair_joiner(const ev_ctx *c, int k) {
    const ne_token *t = &c->sv.t[k];
    if (tok_is(c, k, "and")) return 1;
    return t->shape == NE_SH_DASH && !(t->flags & NE_TF_SPACE_BEFORE) && k + 1 < c->sv.n &&
           !(c->sv.t[k + 1].flags & NE_TF_SPACE_BEFORE);
}

/* The country of mention a (resolved), or NULL. */
static const char *mention_country(const ev_ctx *c, int a) {
    return NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, a))->country;
}

void neEvent_paired_sides(ev_ctx *c, ev_frame *f) {
    int a[EV_MAX_ACTORS], n = 0, k = c->m.anchor - 1, lo = f->lo;
    for (int m = 0; m < 2 && k >= lo && c->sv.wc[k] == NE_WC_OPEN && c->sv.t[k].shape == NE_SH_LOWER &&
                    neClause_actor(&c->sv, k) < 0 && !c->sv.isverb[k];
         m++)
        k--; /* "Israeli-Palestinian peace talks" */
    while (k >= lo && n < EV_MAX_ACTORS) {
        int x = neClause_actor(&c->sv, k);
        if (x < 0 || !mention_country(c, x)) break;
        a[n++] = x;
        while (k >= lo && neClause_actor(&c->sv, k) == x) k--; /* "South Korea" */
        if (k <= lo || !pair_joiner(c, k)) break;
        k--;
    }
    if (n < 2) return;
    for (int i = 1; i < n; i++)
        if (strcmp(mention_country(c, a[i]), mention_country(c, a[0]))) {
            for (int j = 0; j < n; j++) f->src[j] = a[n - 1 - j];
            f->nsrc = n;
            f->ntgt = 0;
            f->recip = 1;
            f->rule = "noun: sides=paired-modifier";
            return;
        }
}

/* Does the sentence of c->sv name actors of two or more countries (the two
** sides neEvent_reported_about needs: "Vajpayee said Pakistan ...")? */
static int two_countries(const ev_ctx *c) {
    const char *first = NULL;
    for (int k = 0, last = -1; k < c->sv.n; k++) {
        int a = c->sv.t[k].actor;
        if (a < 0 || a == last) continue;
        last = a;
        const ne_actor *x = NE_VEC_AT(c->d->actors, ne_actor, neClause_resolve(c->d, a));
        if (!x->country) continue;
        if (!first) first = x->country;
        else if (strcmp(first, x->country)) return 1;
    }
    return 0;
}

/* Does the content of a statement, from token v to its clause's end (a
** punctuation mark or a subordinator), say what its subject does or is,
** with no negation ("said Norway was not wrong", "had not decided") and no
** linking verb of a state ("said Turkish farmers felt betrayed": theirs,
** no one's act)? */
static int plain_content(const ev_ctx *c, int v) {
    for (int k = v; k < c->sv.n && c->sv.t[k].shape != NE_SH_PUNCT && c->sv.wc[k] != NE_WC_SUB; k++)
        if (c->sv.wc[k] == NE_WC_NEG || (c->sv.t[k].tags & NE_TAG_NEG) || ne_word_in(c->sv.t[k].lemma, linking))
            return 0;
    return 1;
}

/* Does the verb group at v say what its subject should or must do ("should
** reduce", "must not interfere", "has to keep", "needs to take", "should also
** pay")?  Not what should befall it or be its state ("should be jailed", "has
** to be"), a past failure ("should have acted"), nor what it should face or get
** ("should face no criminal charges"). */
static int obligation(const ev_ctx *c, int v) {
    static const char *const modals[] = {"should", "must", "ought", NULL};
    static const char *const needs[] = {"has", "have", "need", "needs", NULL};
    static const char *const befall[] = {"face", "get", "receive", NULL};
    const ne_sview *sv = &c->sv;
    int k = v;
    if (k < sv->n && ne_word_in(sv->t[k].norm, modals))
        k += 1 + tok_is(c, k + 1, "to"); /* "ought to" */
    else if (k + 1 < sv->n && ne_word_in(sv->t[k].norm, needs) && tok_is(c, k + 1, "to"))
        k += 2; /* not "has yet to" */
    else
        return 0;
    if (k < sv->n && sv->wc[k] == NE_WC_NEG) k++;
    if (k < sv->n && sv->wc[k] == NE_WC_ADV) k++;
    return k < sv->n && sv->isverb[k] && sv->wc[k] != NE_WC_BE && sv->wc[k] != NE_WC_HAVE &&
           !ne_word_in(sv->t[k].lemma, befall);
}

/* The target of a statement about someone (neEvent_reported_about) after the
** reporting verb at i: the subject of its complement clause, an actor
** followed by its verb group ("Vajpayee said Pakistan was behind the
** attack", "said that China had ..."; not "said the majority of Syrian
** refugees are ...", about the number), or the object of "of" or "about"
** ("he said of the German leader's plan"); not a speaker named after the
** verb ("..., said Hala Agha, a Syrian-American resident"), nor a pronoun
** ("he said it ...": coreference's guess under this rule's).  Fills the
** target slot of c->m (c->m.ts, te, end) and returns 1, else 0; with advice
** set, 1 only when the complement says what the target should or must do
** (obligation). */
static int about_slot(ev_ctx *c, int i, int advice) {
    int p = i + 1, about = 0;
    while (p + 1 < c->sv.n && (c->sv.t[p].timex >= 0 || (tok_is(c, p, "on") && c->sv.t[p + 1].timex >= 0)))
        p++; /* "said on Tuesday that", "said Wednesday that" */
    if (p < c->sv.n && c->sv.wc[p] == NE_WC_THAT) p++;
    else if (p < c->sv.n && (tok_is(c, p, "of") || tok_is(c, p, "about"))) p++, about = 1;
    if (p >= c->sv.n) return 0;
    int e = neEvent_slot_max_end(c, p);
    if (e < p || !neEvent_slot_has_actor(c, p, e)) return 0;
    if (!about) { /* the actor heads the subject: not "the majority of Syrian refugees are ..." */
        int a = neClause_actor(&c->sv, e), m = a < 0 ? -1 : mention_tok(&c->sv, a);
        for (int k = p; k < m; k++)
            if (tok_is(c, k, "of")) return 0;
        if (m < 0 || c->sv.wc[m] == NE_WC_PRON) return 0; /* "says it": a guess on a guess */
        int v = e + 1, wc = v < c->sv.n ? c->sv.wc[v] : NE_WC_OPEN;
        if (v >= c->sv.n || !(c->sv.isverb[v] || wc == NE_WC_BE || wc == NE_WC_HAVE || wc == NE_WC_DO ||
                              wc == NE_WC_MODAL || wc == NE_WC_NEG || wc == NE_WC_ADV))
            return 0;
    }
    c->m.ts = p, c->m.te = c->m.end = e;
    if (advice) return !about && obligation(c, e + 1); /* "said the United States should reduce" */
    return plain_content(c, e + 1);
}

/* Is t a reporting verb whose object is what is said, not the addressee
** ("said", "claims", "insisted"; not "told")? */
static int report_verb(const ne_token *t) { return NE_WCLASS(t) == NE_WC_REPORT && !ne_word_is(t->lemma, "tell"); }

/* May a statement's target follow the reporting verb t[0] (a sentence of n
** tokens): an actor or a place among the next six tokens?  The cheap test
** before the clause view (about_slot). */
static int named_after(const ne_token *t, int n) {
    for (int k = 1; k <= 6 && k < n; k++)
        if (t[k].actor >= 0 || t[k].place >= 0) return 1;
    return 0;
}

/* Does a word of a poll stand before the reporting verb at i ("74 percent of
** likely voters said", "the poll showed a majority of voters say")?  What a
** poll's sample says is its finding, no one's statement. */
static int poll_answer(const ev_ctx *c, int i) {
    static const char *const poll[] = {"percent", "%", "majority", "poll", "polls", "survey", "surveys", "respondents",
                                       NULL};
    for (int k = 0; k < i; k++)
        if (ne_word_in(c->sv.t[k].norm, poll)) return 1;
    return 0;
}

int neEvent_reported_about(ev_ctx *c, const ne_anchor *const *an, const int *pos, int npos) {
    int k = 0;
    while (k < npos && !(report_verb(&c->sv.t[pos[k]]) && named_after(&c->sv.t[pos[k]], c->sv.n - pos[k]))) k++;
    if (k == npos || !two_countries(c)) return NE_OK; /* most sentences: no reporting verb before a name */
    int rc = neEvent_view_sentence(c);
    if (rc) return rc;
    for (size_t first = c->d->events.n; k < npos && c->d->events.n == first; k++) {
        int i = pos[k];
        if (!an[i]->n[0] || !report_verb(&c->sv.t[i]) || !c->sv.isverb[i] || c->sv.used[i]) continue;
        int poll = poll_answer(c, i); /* of the sentence before i: the same for both passes */
        /* 1: a statement about someone (111); 2: advice, what that one should do (020) */
        for (int pass = 1; pass <= 2; pass++) {
            neEvent_open_match(c, i, pass == 1 ? &c->about : &c->advice, 0);
            c->m.begin = i;
            if (c->m.passive || poll || !about_slot(c, i, pass == 2)) continue;
            c->coded = c->self = 0;
            c->about_on = pass;
            rc = neEvent_code_verb(c);
            c->about_on = 0;
            if (rc) return rc;
        }
    }
    return NE_OK;
}
