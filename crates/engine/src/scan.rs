//! One pass of Aho-Corasick automata over the text: party aliases, topic
//! terms and cue words, each match checked for word boundaries.
//!
//! The automata run over a lower-cased copy of the text with the same byte
//! offsets (ASCII and Cyrillic letters lowered, `ё` read as `е`; see
//! [`crate::text::fold_case`]), so matching is case-insensitive in
//! both scripts; a case-sensitive alias (`US`) is checked against the text
//! as written. Patterns with inflection markers (`Путин{surname}`) are
//! matched in every form ([`crate::inflect`]). Entities and cues live in
//! separate automata because they may overlap (`Russian forces` is an
//! alias, `forces` an action cue).

use crate::ids::{PartyId, Stance, TopicId, TopicSet};
use crate::inflect::Cases;
use crate::profile::{AliasKind, Profile};
use crate::span::Span;
use crate::text::words_into;

mod automaton;

use automaton::{cue_patterns, entity_patterns, scan_at, Automaton};

/// How far after a verb of giving up (`withdraw … from`) its object may
/// stand: `withdraw its forces from both eastern Donbas regions`.
const YIELD_OBJECT_WORDS: usize = 6;

/// What a matched phrase means. One phrase may mean several things.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// (`cases`: the grammatical cases the form may be in; none for a
    /// language without them.)
    Alias {
        party: PartyId,
        kind: AliasKind,
        gender: Gender,
        cases: Cases,
    },
    Topic {
        topic: TopicId,
        anaphor: bool,
        weak: bool,
    },
    /// A word of a topic's process (`talks`, `deal`): the topic in a text
    /// about it, unless another issue qualifies it (`minerals deal`).
    ContextTopic(TopicId),
    Verb,
    Dual,
    OtherIssue,
    LastSpeaker,
    Request,
    Yield,
    Furniture,
    GenericTitle,
    Addressee,
    Speech,
    According,
    Stance(Stance),
    Negator,
    Hedge,
    Condition,
    Idiom,
    Pronoun(Gender, Cases),
    Preposition,
}

impl Meaning {
    /// A bit for a meaning without data (or for a stance label), so that a
    /// cue's meanings of that kind are tested with one mask; 0 for the
    /// meanings with data, which are compared in full.
    fn bit(self) -> u32 {
        match self {
            Meaning::Alias { .. }
            | Meaning::Topic { .. }
            | Meaning::ContextTopic(..)
            | Meaning::Pronoun(..) => 0,
            Meaning::Verb => 1,
            Meaning::Dual => 1 << 1,
            Meaning::OtherIssue => 1 << 2,
            Meaning::LastSpeaker => 1 << 3,
            Meaning::Request => 1 << 4,
            Meaning::Yield => 1 << 5,
            Meaning::GenericTitle => 1 << 6,
            Meaning::Addressee => 1 << 7,
            Meaning::Speech => 1 << 8,
            Meaning::According => 1 << 9,
            Meaning::Negator => 1 << 10,
            Meaning::Hedge => 1 << 11,
            Meaning::Preposition => 1 << 12,
            Meaning::Furniture => 1 << 13,
            Meaning::Condition => 1 << 14,
            Meaning::Idiom => 1 << 15,
            Meaning::Stance(l) => 1 << (16 + l as u32),
        }
    }
}

/// Grammatical class of a referent, for pronoun agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    Plural,
    Neuter,
    Unknown,
}

impl Gender {
    fn parse(s: Option<&str>) -> Gender {
        match s {
            Some("m") => Gender::Masculine,
            Some("f") => Gender::Feminine,
            Some("p") => Gender::Plural,
            Some("n") => Gender::Neuter,
            _ => Gender::Unknown,
        }
    }
}

/// A phrase found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub span: Span,
    /// Index into [`Automaton::meanings`] of the phrase's meanings.
    pub pattern: u32,
}

/// The compiled profile vocabulary.
pub(crate) struct Scanner {
    entities: Automaton,
    cues: Automaton,
}

impl Scanner {
    pub(crate) fn new(profile: &Profile) -> Scanner {
        Scanner { entities: entity_patterns(profile).build(), cues: cue_patterns(profile).build() }
    }

    /// Entity matches starting at the given byte offsets (word starts),
    /// ordered, non-overlapping, into `out` (cleared first).
    pub(crate) fn entities_at(
        &self,
        text: &str,
        lower: &str,
        span: Span,
        starts: &[usize],
        out: &mut Vec<Hit>,
    ) {
        scan_at(&self.entities, text, lower, span, starts, out)
    }

    /// Cue matches starting at the given byte offsets (word starts), into
    /// `out` (cleared first).
    pub(crate) fn cues_at(&self, text: &str, lower: &str, span: Span, starts: &[usize], out: &mut Vec<Hit>) {
        scan_at(&self.cues, text, lower, span, starts, out)
    }

    /// Does `text[span]` name one of the parties (a speaker label)?
    pub(crate) fn names_party(&self, text: &str, lower: &str, span: Span) -> bool {
        let mut starts = Vec::new();
        for w in crate::text::words(text, span) {
            starts.push(w.start);
            let word = &text[w.range()];
            starts.extend(word.match_indices(['-', '.']).map(|(i, _)| w.start + i + 1));
        }
        let mut hits = Vec::new();
        self.entities_at(text, lower, span, &starts, &mut hits);
        hits.iter().any(|h| self.entity_meanings(h).iter().any(|m| matches!(m, Meaning::Alias { .. })))
    }

    pub(crate) fn entity_meanings(&self, hit: &Hit) -> &[Meaning] {
        &self.entities.meanings[hit.pattern as usize]
    }

    pub(crate) fn cue_meanings(&self, hit: &Hit) -> &[Meaning] {
        &self.cues.meanings[hit.pattern as usize]
    }
}

/// A party reference inside a sentence: an alias the scan found, or a
/// pronoun, title or description that [`crate::resolve`] tied to a party.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PartyRef {
    pub span: Span,
    pub party: PartyId,
    pub kind: RefKind,
    pub gender: Gender,
    /// The grammatical cases its form may be in (none known in English).
    pub cases: Cases,
    /// Index of its first word in the sentence's word list.
    pub word: usize,
    /// One past its last word.
    pub word_end: usize,
}

/// What kind of reference: an alias of the profile, or a resolved pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    Alias(AliasKind),
    Pronoun,
}

impl RefKind {
    /// The kind's name in the report (`person`, `pronoun`, …).
    pub(crate) fn name(self) -> &'static str {
        match self {
            RefKind::Pronoun => "pronoun",
            RefKind::Alias(k) => k.name(),
        }
    }
}

/// A cue phrase found in a sentence: its words and what it means.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue<'p> {
    /// Index of its first word.
    pub word: usize,
    /// One past its last word.
    pub word_end: usize,
    pub span: Span,
    pub meanings: &'p [Meaning],
    /// The bits of its meanings ([`Meaning::bit`]).
    bits: u32,
}

impl Cue<'_> {
    pub(crate) fn means(&self, m: Meaning) -> bool {
        match m.bit() {
            0 => self.meanings.contains(&m),
            b => self.bits & b != 0,
        }
    }

    /// The stance labels the cue carries.
    pub(crate) fn stances(&self) -> impl Iterator<Item = Stance> + '_ {
        self.meanings.iter().filter_map(|m| if let Meaning::Stance(l) = m { Some(*l) } else { None })
    }
}

/// What the scan found in one sentence. Its buffers are reused from
/// sentence to sentence.
#[derive(Default)]
pub(crate) struct Scanned<'p> {
    pub words: Vec<Span>,
    /// Cues, ordered by word (multi-word cues at their first word).
    pub cues: Vec<Cue<'p>>,
    /// Party references, ordered by position.
    pub refs: Vec<PartyRef>,
    /// The topics the sentence names (weak terms only when no other topic
    /// is named).
    pub topics: TopicSet,
    /// Topics named by words that are not weak.
    pub strong_topics: TopicSet,
    /// Every topic word, in order.
    pub topic_terms: Vec<(Span, TopicId)>,
    /// For each of `topic_terms`: is it a weak (general) word?
    pub weak_terms: Vec<bool>,
    /// Words of a topic's process (`talks`, `deal`), in order; the topics
    /// stage decides whether they name it.
    pub context_terms: Vec<(Span, TopicId)>,
    /// Scratch: where patterns may start, and the automata's hits.
    starts: Vec<usize>,
    hits: Vec<Hit>,
}

impl<'p> Scanned<'p> {
    /// The cue that starts at word `word`, if any.
    pub(crate) fn cue_at(&self, word: usize) -> Option<&Cue<'p>> {
        let i = self.cues.partition_point(|c| c.word < word);
        self.cues.get(i).filter(|c| c.word == word)
    }

    /// The index of the word holding byte `pos`.
    pub(crate) fn word_at(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.end <= pos)
    }
}

impl Scanner {
    /// Scan the sentence at `span` into `sc`, reusing its buffers: words,
    /// party aliases, topic words and cues.
    // (Over 80 lines: the scanner's hot loop (every word of every sentence); one function keeps its buffers and bounds in registers.)
    pub(crate) fn scan_sentence<'p>(&'p self, text: &str, lower: &str, span: Span, sc: &mut Scanned<'p>) {
        let Scanned {
            words,
            cues,
            refs,
            topics,
            strong_topics,
            topic_terms,
            weak_terms,
            context_terms,
            starts,
            hits,
        } = sc;
        words_into(text, span, words);
        let word_at = |pos: usize| words.partition_point(|w| w.end <= pos);
        refs.clear();
        cues.clear();
        topic_terms.clear();
        weak_terms.clear();
        context_terms.clear();
        *topics = TopicSet::EMPTY;
        let mut weak_topics = TopicSet::EMPTY;
        // Patterns start at words, after a hyphen inside one
        // (`pro-Russian`), and after an initial (`В.Путин`).
        starts.clear();
        for w in words.iter() {
            starts.push(w.start);
            let word = &text.as_bytes()[w.range()];
            if word.iter().any(|&b| b == b'-' || b == b'.') {
                let inner = word.iter().enumerate().filter(|&(_, &b)| b == b'-' || b == b'.');
                starts.extend(inner.map(|(i, _)| w.start + i + 1));
            }
        }
        self.entities_at(text, lower, span, starts, hits);
        for hit in hits.iter() {
            for m in self.entity_meanings(hit) {
                match *m {
                    Meaning::Alias { party, kind, gender, cases } => refs.push(PartyRef {
                        span: hit.span,
                        party,
                        kind: RefKind::Alias(kind),
                        gender,
                        cases,
                        word: word_at(hit.span.start),
                        word_end: words.partition_point(|w| w.start < hit.span.end),
                    }),
                    Meaning::Topic { topic, weak, .. } => {
                        if weak {
                            weak_topics.insert(topic);
                        } else {
                            topics.insert(topic);
                        }
                        topic_terms.push((hit.span, topic));
                        weak_terms.push(weak);
                    }
                    Meaning::ContextTopic(topic) => context_terms.push((hit.span, topic)),
                    _ => {}
                }
            }
        }
        self.cues_at(text, lower, span, starts, hits);
        for hit in hits.iter() {
            let s = hit.span;
            let w = word_at(s.start);
            // A cue inside a hyphenated word (`in` of `Commander-in-Chief`)
            // is not a word of the sentence, nor is one inside a name
            // (`States` of `United States`).
            if words.get(w).is_none_or(|word| word.start != s.start)
                || refs.iter().any(|r| r.span.contains(s))
            {
                continue;
            }
            let word_end = words.partition_point(|w| w.start < s.end);
            let bits = self.cues.bits[hit.pattern as usize];
            cues.push(Cue { word: w, word_end, span: s, meanings: self.cue_meanings(hit), bits });
        }
        // Weak terms decide the topic only when no other topic is named.
        *strong_topics = *topics;
        // A general word that is the object of giving up or leaving
        // (`withdraw its forces from its own land`, `leave the territories
        // they hold`, `give up land`) names its topic even beside another
        // (it stays a general word: a continuing quote keeps the topic of
        // the moment).
        for (k, &(span, topic)) in topic_terms.iter().enumerate() {
            if weak_terms[k] && !topics.contains(topic) {
                let w = word_at(span.start);
                let after_yield = cues.iter().any(|c| {
                    c.means(Meaning::Yield) && c.word_end <= w && w <= c.word_end + YIELD_OBJECT_WORDS
                });
                if after_yield {
                    topics.insert(topic);
                }
            }
        }
        for t in weak_topics.iter() {
            if strong_topics.within(t) {
                topics.insert(t);
            }
        }
    }
}

#[cfg(test)]
mod tests;
