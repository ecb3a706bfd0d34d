//! Stage 5, holders: who holds a position in a sentence, and how.
//!
//! Reads the [`Sentence`] (with its references resolved); produces
//! [`Holders`]: the parties that speak, act or own something in it, each
//! with the [`Rule`] that found it, and the references that were set aside
//! with the reason why ([`Dropped`]).
//!
//! Three passes, in order:
//! 1. **speech frames** ([`speech`]): for each speech cue outside quotes,
//!    its speaker (`X said`, `…,” said X`, `according to X`), the words the
//!    speaker is responsible for, and frames of speakers who are none of the
//!    parties;
//! 2. **constructions**: every other reference is tried against
//!    [`CONSTRUCTIONS`], an ordered table of small rules; the first that
//!    does not return [`Outcome::Next`] decides;
//! 3. **frames**: a party inside another speaker's statement is what the
//!    statement is about, not a holder, unless it takes a stance of its own.

use crate::grammar::{Sentence, WordSet};
use crate::ids::{PartyId, Stance, Via};
use crate::profile::AliasKind;
use crate::scan::{Meaning, PartyRef, RefKind};
use crate::segment::UnitKind;
use crate::span::Span;

pub(crate) mod cased;
mod frames;
pub(crate) mod plan;
pub(crate) mod speech;

pub(crate) use frames::{direct_stance, holds_inside_frame};
use frames::{drop_inside_frames, reported_act};

/// The construction that made a party a holder. Each names a section of
/// `tests/data/rules.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// `according to the Russian military, …`
    AccordingTo,
    /// `Peskov said …`, `…,” Peskov said`, `…, saying …`
    Speech,
    /// `PUTIN: …` at the start of a line.
    SpeakerLabel,
    /// An untagged or long quote, by its tag or the last speaker.
    Quote,
    /// A later sentence of a transcript's turn, by its label (`PUTIN: …`).
    Turn,
    /// `the American proposal` inside a quote.
    OwnerInQuote,
    /// A party's own act or statement reported in another's words
    /// (`“Russia has rejected the truce,” Zelensky said`; `Zelensky said
    /// Putin had rejected the truce`).
    ReportedAct,
    /// `Russia's military has denied …`
    PossessiveRole,
    /// `Moscow's rejection of the truce`
    PossessiveNoun,
    /// `Russian negotiators are due to …`
    DemonymRole,
    /// `the American plan`, `Russian offensive`
    DemonymNoun,
    /// `US proposal` after any preposition.
    ProposalNoun,
    /// `proposed by the United States`
    PassiveAgent,
    /// `the proposal of the United States`
    OfOwner,
    /// `talks with Russian officials`
    TalksPartner,
    /// `an offensive against Ukrainian forces`
    ForcesInAction,
    /// `Washington backs a pause`
    Subject,
    /// A headline that opens with a party: `Kremlin open to truce talks`.
    HeadlineSubject,
    /// The terms of a plan (`Under the draft, Ukraine would …`): the
    /// plan's owner.
    PlanTerms,
}

impl Rule {
    /// Every rule, for coverage tests.
    pub const ALL: [Rule; 19] = [
        Rule::AccordingTo,
        Rule::Speech,
        Rule::SpeakerLabel,
        Rule::Quote,
        Rule::Turn,
        Rule::OwnerInQuote,
        Rule::ReportedAct,
        Rule::PossessiveRole,
        Rule::PossessiveNoun,
        Rule::DemonymRole,
        Rule::DemonymNoun,
        Rule::ProposalNoun,
        Rule::PassiveAgent,
        Rule::OfOwner,
        Rule::TalksPartner,
        Rule::ForcesInAction,
        Rule::Subject,
        Rule::HeadlineSubject,
        Rule::PlanTerms,
    ];

    /// The rule's name, as the trace and the rule tables write it.
    pub fn name(self) -> &'static str {
        match self {
            Rule::AccordingTo => "AccordingTo",
            Rule::Speech => "Speech",
            Rule::SpeakerLabel => "SpeakerLabel",
            Rule::Quote => "Quote",
            Rule::Turn => "Turn",
            Rule::OwnerInQuote => "OwnerInQuote",
            Rule::ReportedAct => "ReportedAct",
            Rule::PossessiveRole => "PossessiveRole",
            Rule::PossessiveNoun => "PossessiveNoun",
            Rule::DemonymRole => "DemonymRole",
            Rule::DemonymNoun => "DemonymNoun",
            Rule::ProposalNoun => "ProposalNoun",
            Rule::PassiveAgent => "PassiveAgent",
            Rule::OfOwner => "OfOwner",
            Rule::TalksPartner => "TalksPartner",
            Rule::ForcesInAction => "ForcesInAction",
            Rule::Subject => "Subject",
            Rule::HeadlineSubject => "HeadlineSubject",
            Rule::PlanTerms => "PlanTerms",
        }
    }
}

/// A party that holds a position in a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Holder {
    pub party: PartyId,
    pub via: Via,
    /// The words that name the holder (for the evidence's `speaker`).
    pub span: Span,
    /// Index of the holder's first word.
    pub word: usize,
    /// Where the holder's own words or predicate start (stance is read from here).
    pub scope_start: usize,
    /// Label forced by the construction (`proposes` for an owner of a proposal).
    pub forced: Option<Stance>,
    /// Found through a pronoun or an untagged quote: topics may carry over.
    pub continued: bool,
    pub rule: Rule,
    /// For a pronoun or description (`he`, `the envoy`): the words that
    /// named the party before, which the resolve stage tied it to.
    pub antecedent: Option<Span>,
    /// The words the evidence shows as its speaker when they are more than
    /// `span`: a demonym with the noun it qualifies (`American proposal`,
    /// `Russian negotiators`).
    pub shown: Option<Span>,
}

impl Holder {
    pub(crate) fn new(r: &PartyRef, via: Via, rule: Rule) -> Holder {
        Holder { word: r.word, ..Holder::at(r.party, r.span, via, rule) }
    }

    /// A holder named by `span` in another sentence (a quote's or turn's
    /// speaker): no word of this one.
    pub(crate) fn at(party: PartyId, span: Span, via: Via, rule: Rule) -> Holder {
        Holder {
            party,
            via,
            span,
            word: 0,
            scope_start: 0,
            forced: None,
            continued: false,
            rule,
            antecedent: None,
            shown: None,
        }
    }

    fn scope(mut self, start: usize) -> Holder {
        self.scope_start = start;
        self
    }

    fn forced(mut self, label: Option<Stance>) -> Holder {
        self.forced = label;
        self
    }

    /// One past the holder's last word.
    fn word_end_hint(&self, s: &Sentence) -> usize {
        s.sc.refs.iter().find(|r| r.span == self.span).map_or(self.word + 1, |r| r.word_end)
    }

    fn continued(mut self, yes: bool) -> Holder {
        self.continued = yes;
        self
    }
}

/// Why a reference is not a holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// A speaker who said nothing (`has not commented`).
    Silent,
    /// The one asked to do something (`urged Kyiv to …`).
    Asked,
    /// A capital before talks: where they are held.
    Venue,
    /// Inside another speaker's statement (the index of that speaker's
    /// party, or none for a speaker who is no party).
    InsideFrame(Option<u8>),
    /// The writer's own question.
    WritersQuestion,
}

impl Dropped {
    /// The reason's name in the trace.
    pub fn name(self) -> &'static str {
        match self {
            Dropped::Silent => "silent",
            Dropped::Asked => "asked",
            Dropped::Venue => "venue",
            Dropped::InsideFrame(_) => "inside another's statement",
            Dropped::WritersQuestion => "writer's question",
        }
    }
}

/// The holders of one sentence, and the references set aside. A buffer
/// reused from sentence to sentence.
#[derive(Default)]
pub(crate) struct Holders {
    pub kept: Vec<Holder>,
    pub dropped: Vec<(Span, Dropped)>,
    /// Statements by speakers who are none of the parties: word ranges.
    foreign: Vec<(usize, usize)>,
    /// Speakers who said nothing: not subjects either.
    silenced: Vec<Span>,
}

impl Holders {
    fn clear(&mut self) {
        self.kept.clear();
        self.dropped.clear();
        self.foreign.clear();
        self.silenced.clear();
    }

    pub(crate) fn speaker(&self) -> Option<&Holder> {
        self.kept.iter().find(|h| h.via == Via::Speaker)
    }

    /// The writer's own question (`What did Putin say?`, a Q&A heading)
    /// states nobody's position.
    pub(crate) fn drop_all(&mut self, why: Dropped) {
        self.dropped.extend(self.kept.drain(..).map(|h| (h.span, why)));
    }
}

/// Find the holders of sentence `s` into `out` (cleared first).
pub(crate) fn find(s: &Sentence, out: &mut Holders) {
    out.clear();
    speech::frames(s, out);
    speaker_label(s, out);
    for (k, r) in s.sc.refs.iter().enumerate() {
        if s.in_quote(r.span.start) {
            // Inside a quote only the owner of a proposal counts: `the
            // American proposal` says who proposed, whoever speaks.
            if let Outcome::Holder(h) = owner_in_quote(s, k, r) {
                out.kept.push(h);
            } else if !s.words.cased() && reported_act(s, r) {
                out.kept.push(Holder::new(r, Via::Subject, Rule::ReportedAct).scope(r.word_end));
            }
            continue;
        }
        // (One span may name two parties, `стороны`, `обе стороны`: each is
        // a holder in a language with cases. English keeps the first of
        // `the two leaders` for now: its memory of the two often holds the
        // wrong pair.)
        let seen = out.kept.iter().any(|h| h.span == r.span && (h.party == r.party || !s.words.cased()));
        if seen || out.silenced.contains(&r.span) {
            continue;
        }
        // (A language with cases has its own table: `cased`.)
        let table = if s.words.cased() { cased::CONSTRUCTIONS } else { CONSTRUCTIONS };
        for construction in table {
            match construction(s, k, r) {
                Outcome::Next => continue,
                Outcome::Holder(h) => out.kept.push(h),
                Outcome::NotAHolder(Some(why)) => out.dropped.push((r.span, why)),
                Outcome::NotAHolder(None) => {}
            }
            break;
        }
    }
    // `a US-based think tank`, `a Kyiv-born
    // analyst`: the party's name is a place, and what it describes no party.
    if !s.words.place_suffixes.is_empty() {
        let place =
            |span: Span| s.words.place_suffixes.iter().any(|x| s.lower[span.end..].starts_with(x.as_str()));
        out.kept.retain(|h| !place(h.span));
    }
    drop_inside_frames(s, out);
}

/// The writer's own question (`What did Putin say?`, a Q&A heading): an
/// unquoted question opening with a question word.
pub(crate) fn writers_question(s: &Sentence) -> bool {
    if s.words.cased() {
        return cased::writers_question(s);
    }
    s.quotes.quoted_bytes == 0
        && s.text[s.seg.span.range()].trim_end().ends_with('?')
        && s.words.question_openers.contains(s.lower_word(0))
}

/// A speaker label: `PUTIN: “…”`, `Zelenskyy: Putin is preparing…`.
fn speaker_label(s: &Sentence, out: &mut Holders) {
    if let Some(r) = s.sc.refs.first() {
        let after = s.text[r.span.end..s.seg.span.end].trim_start();
        if r.word == 0 && after.starts_with(':') && out.speaker().is_none() {
            out.kept.push(Holder::new(r, Via::Speaker, Rule::SpeakerLabel).scope(r.word_end));
        }
    }
}

/// What a construction makes of a reference.
pub(crate) enum Outcome {
    /// A holder.
    Holder(Holder),
    /// Not a holder (with the reason, when the trace should show one); no
    /// later construction is tried.
    NotAHolder(Option<Dropped>),
    /// This construction does not apply; try the next.
    Next,
}

/// A construction: tried on reference `k` (`r`) of the sentence.
type Construction = fn(&Sentence, usize, &PartyRef) -> Outcome;

/// Tried in this order for every party reference outside quotes that no
/// speech frame claimed; the first that does not return [`Outcome::Next`]
/// decides.
const CONSTRUCTIONS: &[Construction] = &[
    asked_or_venue, // Dropped::Asked | Dropped::Venue
    possessive,     // PossessiveRole | PossessiveNoun; a possessive always decides
    demonym,        // DemonymRole | DemonymNoun; a demonym always decides
    proposal_noun,  // ProposalNoun
    prepositional,  // PassiveAgent | OfOwner | TalksPartner | ForcesInAction; always decides
    talks_object,   // TalksPartner (met X, told X that, handed X the plan)
    subject,        // Subject | HeadlineSubject
];

/// `the American proposal` inside a quote: the owner of a proposal.
fn owner_in_quote(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    if matches!(r.kind, RefKind::Alias(_)) && s.noun_label(r.word_end) == Some(Stance::Proposes) {
        let h =
            Holder::new(r, Via::Owner, Rule::OwnerInQuote).scope(r.word_end).forced(Some(Stance::Proposes));
        return Outcome::Holder(h);
    }
    Outcome::NotAHolder(None)
}

/// The one asked (`hoping to persuade the Kremlin to accept …`) holds
/// nothing yet; a capital before `talks` is where they are held (`after the
/// Moscow talks`).
fn asked_or_venue(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    // (`told Trump that …` tells, it does not ask: the request needs `to`
    // and a verb.)
    let before = s.phrase_start(r, &WordSet::default());
    let asked = s.governor(r).is_some_and(|ms| ms.contains(&Meaning::Request))
        && before.checked_sub(1).is_some_and(|v| s.request(v, v + 1));
    // One that must or should do something (`Zelensky said Moscow must
    // withdraw`, `Kyiv should accept the deal, Trump said`) is asked it by
    // whoever says so. (Languages with cases read this in the speech
    // frames: `Киев должен …`.)
    let obliged = !s.words.cased() && s.obliged(r);
    if asked || obliged {
        return Outcome::NotAHolder(Some(Dropped::Asked));
    }
    let venue = r.kind == RefKind::Alias(AliasKind::Capital)
        && !s.possessive(r)
        && s.sc.cues.iter().any(|c| {
            c.word == r.word_end
                && c.meanings.iter().any(|m| matches!(m, Meaning::Topic { anaphor: true, .. }))
        });
    if venue {
        return Outcome::NotAHolder(Some(Dropped::Venue));
    }
    Outcome::Next
}

/// The owner of a stance noun (`Putin's support`, `Russia's offensive`), or
/// a party's people as a subject (`Russia's military has denied`, `its
/// delegation pressed`).
fn possessive(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    if !s.owner_form(r) {
        return Outcome::Next;
    }
    let pronoun = r.kind == RefKind::Pronoun;
    if let Some(v) = s.role_after(r.word_end) {
        if s.is_verbish(v) {
            return Outcome::Holder(
                Holder::new(r, Via::Subject, Rule::PossessiveRole).scope(v).continued(pronoun),
            );
        }
    }
    owner_of_noun(s, r, Rule::PossessiveNoun, pronoun)
}

/// `Holder` for the owner of the stance noun after `r`, if there is one.
fn owner_of_noun(s: &Sentence, r: &PartyRef, rule: Rule, continued: bool) -> Outcome {
    match s.noun_label(r.word_end) {
        Some(label) => {
            let forced = (label == Stance::Proposes).then_some(Stance::Proposes);
            let h = Holder::new(r, Via::Owner, rule).scope(r.word_end).forced(forced).continued(continued);
            Outcome::Holder(h)
        }
        None => Outcome::NotAHolder(None),
    }
}

/// A demonym: the party's people as a subject (`Russian negotiators are due
/// to meet`), or the owner of a noun (`the American plan`, `Russian
/// offensive`).
fn demonym(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    if r.kind != RefKind::Alias(AliasKind::Demonym) {
        return Outcome::Next;
    }
    // The first of two demonyms before one role (`Russian and Ukrainian
    // delegations met`) qualifies that role as the second does.
    // (`Russian and Ukrainian forces`: the second names its role itself.)
    let second = coordinated_demonym(s, r);
    let end = second.map_or(r.word_end, |o| o.word_end);
    let role = match second {
        Some(o) if o.kind == RefKind::Alias(AliasKind::Group) => Some(end),
        _ => s.role_after(end).filter(|&v| v == end + 1),
    };
    if let Some(v) = role {
        // `talks between Russian and Ukrainian negotiators`: partners.
        if talks_partner(s, r) {
            let h = Holder::new(r, Via::Agent, Rule::TalksPartner).forced(Some(Stance::Considering));
            return Outcome::Holder(h);
        }
        if (v..(v + 2).min(s.len())).any(|k| s.is_verbish(k)) {
            return Outcome::Holder(Holder::new(r, Via::Subject, Rule::DemonymRole).scope(v));
        }
    }
    owner_of_noun(s, r, Rule::DemonymNoun, false)
}

/// The demonym coordinated with `r` right after it (`Russian` and
/// `Ukrainian` in `Russian and Ukrainian officials`).
fn coordinated_demonym<'a>(s: &'a Sentence, r: &PartyRef) -> Option<&'a PartyRef> {
    if r.word_end + 1 >= s.len() || !s.words.coordinators.contains(s.lower_word(r.word_end)) {
        return None;
    }
    s.sc.refs.iter().find(|o| {
        o.word == r.word_end + 1 && matches!(o.kind, RefKind::Alias(AliasKind::Demonym | AliasKind::Group))
    })
}

/// `US proposal`, `through the U.S. proposal`: the owner of a proposal,
/// whatever the preposition (`he offered` is a subject and its verb).
fn proposal_noun(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    if r.kind != RefKind::Pronoun && s.noun_label(r.word_end) == Some(Stance::Proposes) {
        let h =
            Holder::new(r, Via::Owner, Rule::ProposalNoun).scope(r.word_end).forced(Some(Stance::Proposes));
        return Outcome::Holder(h);
    }
    Outcome::Next
}

/// After a preposition: an agent (`proposed by the United States`), an
/// owner (`the proposal of the United States`), a partner in talks
/// (`talks with Russian officials`), or forces in an action (`an offensive
/// against Ukrainian forces`). Anything else after a preposition is no
/// holder.
fn prepositional(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    if !s.after_preposition(r) {
        return Outcome::Next;
    }
    if let Some(by) = agent_preposition(s, r) {
        if by > 0 && s.is_verbish(by - 1) {
            let label = s.sc.cue_at(by - 1).and_then(|c| c.stances().next());
            return Outcome::Holder(Holder::new(r, Via::Agent, Rule::PassiveAgent).forced(label));
        }
        return Outcome::NotAHolder(None);
    }
    if let Some(of) = of_owner(s, r) {
        let h = Holder::new(r, Via::Owner, Rule::OfOwner).scope(of).forced(Some(Stance::Proposes));
        return Outcome::Holder(h);
    }
    if talks_partner(s, r) {
        // A party to the talks, which are all the sentence says of its
        // position (the cues are the speaker's or the proposal's owner's).
        return Outcome::Holder(
            Holder::new(r, Via::Agent, Rule::TalksPartner).forced(Some(Stance::Considering)),
        );
    }
    if forces_in_action(s, r) {
        return Outcome::Holder(Holder::new(r, Via::Agent, Rule::ForcesInAction).forced(Some(Stance::Acts)));
    }
    Outcome::NotAHolder(None)
}

/// The index of `by` right before the reference (over a definite article).
fn agent_preposition(s: &Sentence, r: &PartyRef) -> Option<usize> {
    let by = |k: usize| s.words.agent_prepositions.contains(s.lower_word(k));
    if r.word >= 2 && by(r.word - 1) {
        return Some(r.word - 1);
    }
    let the = r.word >= 3 && s.words.definite_articles.contains(s.lower_word(r.word - 1));
    (the && by(r.word - 2)).then(|| r.word - 2)
}

/// `the proposal of the United States`: the reference follows `of` right
/// after a proposal noun; returns that noun's index.
fn of_owner(s: &Sentence, r: &PartyRef) -> Option<usize> {
    let i = s.phrase_start(r, &WordSet::default());
    if i < 2 || !s.words.owner_prepositions.contains(s.lower_word(i - 1)) {
        return None;
    }
    let noun = i - 2;
    let proposes = s.cue_at(noun).is_some_and(|ms| ms.contains(&Meaning::Stance(Stance::Proposes)));
    proposes.then_some(noun)
}

/// Is the reference the partner in talks: `with X` right after a word for
/// talks or meeting (`talks with`, `discussed with`, `met with`)?
fn talks_partner(s: &Sentence, r: &PartyRef) -> bool {
    let mut i = s.phrase_start(r, &s.words.partner_modifiers);
    // `talks between Moscow and Washington`: both are partners.
    if i >= 2 && s.words.coordinators.contains(s.lower_word(i - 1)) {
        if let Some(first) = s.sc.refs.iter().find(|o| o.word_end + 1 == i) {
            i = s.phrase_start(first, &s.words.partner_modifiers);
        }
    }
    if i < 2 {
        return false;
    }
    let prep = s.lower_word(i - 1);
    let with = s.words.partner_prepositions.contains(prep);
    let to = s.words.recipient_prepositions.contains(prep);
    if !(with || to) {
        return false;
    }
    let talks = (i.saturating_sub(if to { 6 } else { 4 })..i - 1).find(|&k| {
        let w = s.lower_word(k);
        if to {
            return s.words.handover_verbs.contains(w);
        }
        s.cue_at(k).is_some_and(|ms| ms.contains(&Meaning::Stance(Stance::Considering)))
            || s.words.talks_words.contains(w)
    });
    talks.is_some_and(|k| !in_time_adjunct(s, k))
}

/// Is word `k` inside a sentence-opening time adjunct (`After a call with
/// Trump, Zelensky said …`, `Speaking after his meeting with …,`)? The
/// partner of that call is not a party to what follows.
fn in_time_adjunct(s: &Sentence, k: usize) -> bool {
    let opener = (0..k.min(4)).any(|j| s.words.time_prepositions.contains(s.lower_word(j)));
    opener
        && (k + 1..s.len()).find(|&j| s.comma_before(j)).is_some_and(|comma| {
            // The adjunct ends at its comma, before the main clause's verb.
            !(k + 1..comma).any(|j| s.cue_at(j).is_some_and(|ms| ms.contains(&Meaning::Speech)))
        })
}

/// The object of a verb of meeting, telling or handing over (`met the
/// Russian president`, `Putin told Trump that …`, `handed the Ukrainians a
/// memorandum`): a party to the talks (`considering`, unless firmer cues).
fn talks_object(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    let mut i = s.phrase_start(r, &WordSet::default());
    // The second of two partners (`talks between Moscow and Washington`,
    // `met Putin and Lavrov`) is a partner as the first is.
    if i >= 2 && s.words.coordinators.contains(s.lower_word(i - 1)) {
        if let Some(first) = s.sc.refs.iter().find(|o| o.word_end + 1 == i) {
            if s.after_preposition(first) && talks_partner(s, first) {
                let h = Holder::new(r, Via::Agent, Rule::TalksPartner).forced(Some(Stance::Considering));
                return Outcome::Holder(h);
            }
            i = s.phrase_start(first, &WordSet::default());
        }
    }
    let Some(v) = i.checked_sub(1) else { return Outcome::Next };
    let w = s.lower_word(v);
    let talks = s.words.talks_verbs.contains(w) || s.words.handover_verbs.contains(w);
    if talks && !in_time_adjunct(s, v) && !s.possessive(r) {
        let h = Holder::new(r, Via::Agent, Rule::TalksPartner).forced(Some(Stance::Considering));
        return Outcome::Holder(h);
    }
    Outcome::Next
}

/// A party's forces named in an action on the ground (`an offensive against
/// Ukrainian forces`): they take part in it.
fn forces_in_action(s: &Sentence, r: &PartyRef) -> bool {
    matches!(r.kind, RefKind::Alias(AliasKind::Group))
        && s.sc
            .cues
            .iter()
            .any(|c| c.means(Meaning::Stance(Stance::Acts)) && (c.word >= r.word_end || c.word_end <= r.word))
}

/// A subject: the reference followed (over an apposition, adverbs, time
/// phrases and names) by a verb; or, in a headline, a party at the very
/// start (headlines drop verbs).
fn subject(s: &Sentence, k: usize, r: &PartyRef) -> Outcome {
    let pronoun = r.kind == RefKind::Pronoun;
    let mut j = s.skip_apposition(r, 10);
    // The focus of a cleft is the subject of the verb after `that`.
    if s.cleft_focus(r) {
        j = r.word_end + 1;
    }
    let mut verb = false;
    let mut steps = 0;
    while j < s.len() && steps < 5 {
        // (A semicolon or colon ends the clause: in `accepted it; Russia
        // never did`, `it` is no subject of `never did`.)
        if j > 0 && s.gap(j, j).contains([';', ':']) {
            break;
        }
        if s.is_verbish(j) {
            verb = true;
            break;
        }
        // Skip adverbs, time phrases and names between subject and verb:
        // `Putin on Wednesday visited`, `Moscow, for its part, did`.
        let w = s.lower_word(j);
        let skippable = s.words.adverb_endings.end(w)
            || s.word(j).starts_with(char::is_uppercase)
            || s.words.between_subject_and_verb.contains(w)
            || s.sc.refs.iter().any(|o| o.word == j) && k + 1 < s.sc.refs.len();
        if !skippable {
            break;
        }
        j += 1;
        steps += 1;
    }
    if !verb && j < s.len() {
        // A verb outside the lexicon: a word in -ed or -s right after the subject.
        verb = j == r.word_end && s.words.verb_by_ending(s.lower_word(j));
    }
    if verb {
        Outcome::Holder(Holder::new(r, Via::Subject, Rule::Subject).scope(j).continued(pronoun))
    } else if s.seg.kind == UnitKind::Line && headline_start(s, k, r) {
        // (The predicate starts after a party joined to this one: `Trump
        // and Putin report …`.)
        let joined = s.sc.refs.get(k + 1).filter(|o| headline_start(s, k + 1, o));
        let scope = joined.map_or(r.word_end, |o| o.word_end);
        Outcome::Holder(Holder::new(r, Via::Subject, Rule::HeadlineSubject).scope(scope))
    } else {
        Outcome::NotAHolder(None)
    }
}

/// Does reference `k` open a headline: at its first word, or right after
/// a label that ends in a colon (`Summit live: Trump and Putin …`), or
/// joined to the party that does (`Trump and Putin report progress`)?
fn headline_start(s: &Sentence, k: usize, r: &PartyRef) -> bool {
    let start = (1..HEADLINE_LABEL_WORDS.min(s.len())).find(|&i| s.gap(i, i).contains(':')).unwrap_or(0);
    // (After a label, a list of names is a roundup's heading: `In their
    // words: Trump, Putin and Zelensky on …`.)
    let opens = |o: &PartyRef| {
        o.word == start
            && !s.sc.refs.iter().any(|x| x.word < start)
            && (start == 0 || o.word_end >= s.len() || !s.comma_before(o.word_end))
    };
    if k == 0 && opens(r) {
        return true;
    }
    k == 1
        && r.word >= 1
        && s.words.coordinators.contains(s.lower_word(r.word - 1))
        && s.sc.refs.first().is_some_and(|o| opens(o) && o.word_end + 1 == r.word)
}

/// How many words a headline's label may have before its colon (`Alaska
/// summit live:`).
const HEADLINE_LABEL_WORDS: usize = 5;

#[cfg(test)]
mod tests;
