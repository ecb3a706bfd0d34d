//! The salience and discourse memory carried from sentence to sentence.
//!
//! Owns what one sentence leaves for the next: the last person, group and
//! institution referred to (for pronouns and titles), the last speaker (for
//! untagged quotes), and the topics of the moment (for statements that name
//! none). Nothing else is remembered, which keeps the pass linear.
//!
//! **Invariant:** only [`Memory::remember`] and [`Memory::remember_people`]
//! write the memory, once per sentence, after every other stage has read
//! it. The stages read it through its accessors.

use crate::grammar::Sentence;
use crate::holders::Holder;
use crate::ids::{PartyId, PartySet, TopicId, TopicSet, Via};
use crate::profile::AliasKind;
use crate::scan::{Gender, RefKind};
use crate::segment::UnitKind;
use crate::span::Span;
use crate::topics::TopicDecision;

/// A party and the words that named it.
pub(crate) type Named = (PartyId, Span);

/// The memory of one analysis.
#[derive(Default)]
pub(crate) struct Memory {
    pub last_male: Option<Named>,
    pub last_female: Option<Named>,
    /// The last man and woman (where grammatical gender also gives names
    /// of things a gender: `Кремль` m, `Москва` f).
    pub last_male_person: Option<Named>,
    pub last_female_person: Option<Named>,
    pub last_plural: Option<Named>,
    pub last_neuter: Option<Named>,
    pub last_speaker: Option<Named>,
    /// The person named most recently as a holder (else at all).
    pub last_person: Option<Named>,
    /// Parties of the people named most recently, newest last, for `the
    /// two leaders`.
    pub recent_people: Vec<Named>,
    /// Topics of the previous sentence with a holder, and that holder's party.
    pub last_topics: TopicSet,
    pub last_holder_parties: PartySet,
    pub last_sentence: usize,
    /// The topics of the last sentence that named one by a specific word,
    /// and where.
    pub named_topics: TopicSet,
    pub named_sentence: usize,
    /// The topic mentioned most recently.
    pub last_topic: Option<TopicId>,
    /// Every topic named so far, for `the plan`, `the region`.
    pub seen_topics: TopicSet,
    /// The paragraph of the last sentence read.
    pub last_paragraph: usize,
    /// Was the last process spoken of (`the deal`) another issue's (a
    /// minerals deal)?
    pub process_other: bool,
    /// The topics figures were last put under, and where.
    pub figure_topics: TopicSet,
    pub figure_sentence: usize,
    /// The owner of the plan last named (`the American plan`), the words
    /// that named it, and the sentence.
    pub plan_owner: Option<(PartyId, Span, usize)>,
    /// The last sentence that set out a plan's terms.
    pub plan_terms: Option<usize>,
}

/// What a sentence leaves for the memory, besides its references.
pub(crate) struct Leaves<'h> {
    pub holders: &'h [Holder],
    pub topics: &'h TopicDecision,
    /// A speaker who is none of the parties spoke: no one continues.
    pub other_speaker: bool,
    /// The topics the sentence's figures were put under.
    pub figure_topics: TopicSet,
    /// The owner of a plan the sentence names, and whether the sentence
    /// sets out a plan's terms.
    pub plan_owner: Option<(PartyId, Span)>,
    pub plan_terms: bool,
}

impl Memory {
    /// Remember what sentence `s` leaves: its topics, its holders and its
    /// speaker.
    pub(crate) fn remember(&mut self, s: &Sentence, leaves: &Leaves) {
        let (si, sc) = (s.index, s.sc);
        let (holders, topics) = (leaves.holders, leaves.topics);
        if !leaves.figure_topics.is_empty() {
            self.figure_topics = leaves.figure_topics;
            self.figure_sentence = si;
        }
        if leaves.other_speaker {
            self.last_speaker = None;
        }
        if let Some((party, span)) = leaves.plan_owner {
            self.plan_owner = Some((party, span, si));
        }
        if leaves.plan_terms {
            self.plan_terms = Some(si);
        }
        if topics.other_issue {
            self.last_topics = TopicSet::EMPTY;
        }
        if !holders.is_empty() && !topics.set.is_empty() {
            // (General words alone do not change a theatre of the moment:
            // `the territory` in a report on Kursk.)
            let weak_only = sc.strong_topics.is_empty()
                && !sc.topics.is_empty()
                && !self.last_topics.intersection(s.words.theatres).is_empty();
            if !weak_only || topics.carried.is_some() {
                self.last_topics = topics.carried.unwrap_or(topics.set);
            }
            self.last_holder_parties = holders.iter().map(|h| h.party).collect();
            self.last_sentence = si;
        }
        if let Some(other) = topics.process_other {
            self.process_other = other;
        }
        if let Some(set) = topics.section {
            // A heading or time stamp opens a section: the topic of the
            // moment is what it names (often nothing), and nothing said
            // before it carries over.
            self.last_topics = set;
            self.last_holder_parties = holders.iter().map(|h| h.party).collect();
            self.last_sentence = si;
            self.named_topics = sc.strong_topics;
            self.named_sentence = si;
        }
        if let Some(t) = sc.topic_terms.last() {
            self.last_topic = Some(t.1);
        }
        if !sc.strong_topics.is_empty() {
            self.named_topics = sc.strong_topics;
            self.named_sentence = si;
        }
        self.seen_topics = self.seen_topics.union(sc.topics);
        self.last_paragraph = s.seg.paragraph;
        // (The outermost speaker: a closing tag, `X has said …, the
        // president added`, speaks the whole sentence.)
        if let Some(h) = holders.iter().filter(|h| h.via == Via::Speaker).min_by_key(|h| h.scope_start) {
            self.last_speaker = Some((h.party, h.span));
        } else if let Some(r) = sc.refs.first() {
            // A transcript's speaker line: `VLADIMIR PUTIN, at a news conference`.
            let person = matches!(r.kind, RefKind::Alias(AliasKind::Person | AliasKind::Title));
            if s.seg.kind == UnitKind::Line && r.word == 0 && person && !s.quotes.mostly_quoted {
                self.last_speaker = Some((r.party, r.span));
            }
        }
        self.remember_people(s, holders);
    }

    /// Remember the people, groups and institutions the sentence refers
    /// to, for pronouns and titles: holders always, others when nothing of
    /// their kind is remembered yet.
    pub(crate) fn remember_people(&mut self, s: &Sentence, holders: &[Holder]) {
        for r in &s.sc.refs {
            if matches!(r.kind, RefKind::Alias(AliasKind::Person | AliasKind::Title)) {
                let people = &mut self.recent_people;
                people.retain(|p| p.0 != r.party);
                people.push((r.party, r.span));
                if people.len() > 4 {
                    people.remove(0);
                }
            }
            let is_holder = holders.iter().any(|h| h.span == r.span);
            if r.kind == RefKind::Alias(AliasKind::Person) && (is_holder || self.last_person.is_none()) {
                self.last_person = Some((r.party, r.span));
            }
            let person =
                matches!(r.kind, RefKind::Alias(AliasKind::Person | AliasKind::Title) | RefKind::Pronoun);
            let person_slot = match r.gender {
                Gender::Masculine if person => Some(&mut self.last_male_person),
                Gender::Feminine if person => Some(&mut self.last_female_person),
                _ => None,
            };
            if let Some(slot) = person_slot {
                if is_holder || slot.is_none() {
                    *slot = Some((r.party, r.span));
                }
            }
            let slot = match r.gender {
                Gender::Masculine => &mut self.last_male,
                Gender::Feminine => &mut self.last_female,
                Gender::Plural => &mut self.last_plural,
                Gender::Neuter => &mut self.last_neuter,
                Gender::Unknown => continue,
            };
            if is_holder || slot.is_none() {
                *slot = Some((r.party, r.span));
            }
        }
    }
}
