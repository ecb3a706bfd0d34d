//! Stage 6, topics: which topics a sentence bears on.
//!
//! Reads the sentence, its holders and the [`Memory`]; produces a
//! [`TopicDecision`]. A sentence is about the topics its words name; a
//! definite description (`the plan`) names a topic already in the
//! discourse; a holder who goes on speaking (a pronoun, an untagged quote)
//! carries the topic of the moment; a statement with no topic word of its
//! own is about what the text was just discussing; and a sentence about
//! another issue (a minerals deal) takes no topic from context.

use crate::grammar::{Sentence, WordSet};
use crate::holders::{direct_stance, Holder};
use crate::ids::{Stance, TopicSet, Via};
use crate::memory::Memory;
use crate::profile::TopicWords;
use crate::scan::Meaning;
use crate::segment::UnitKind;
use crate::span::Span;

/// The words the topic rules read besides each topic's own terms (profile
/// `lexicon.topic_words`), compiled.
#[derive(Default)]
pub(crate) struct Vocab {
    calendar: WordSet,
}

impl Vocab {
    pub(crate) fn new(w: &TopicWords) -> Vocab {
        Vocab { calendar: WordSet::new(&w.calendar_words) }
    }
}

/// Where a sentence's topics came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicSource {
    /// Words of the sentence name them.
    Named,
    /// A definite description (`the plan`) of a topic named before.
    Anaphor,
    /// A continuing holder carries the topic of the moment.
    Carried,
    /// A statement without a topic word: the topic of the last statement.
    LastStatement,
    /// … or the topic named since, without a holder.
    NamedSince,
    /// A stance on `it`: the topic of the last statement.
    PronounObject,
    /// Words of a topic's process (`talks`, `deal`) in a text about it.
    Process,
    /// Another issue (a minerals deal): no topic.
    OtherIssue,
    /// No topic.
    None,
}

impl TopicSource {
    /// The source's name in the trace.
    pub fn name(self) -> &'static str {
        match self {
            TopicSource::Named => "named",
            TopicSource::Anaphor => "anaphor",
            TopicSource::Carried => "carried over",
            TopicSource::LastStatement => "last statement",
            TopicSource::NamedSince => "named since",
            TopicSource::PronounObject => "stance on a pronoun",
            TopicSource::Process => "process word",
            TopicSource::OtherIssue => "other issue",
            TopicSource::None => "none",
        }
    }
}

/// The topics of one sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TopicDecision {
    pub set: TopicSet,
    pub source: TopicSource,
    /// The topic of the moment a continuing holder carried (the memory
    /// keeps it).
    pub carried: Option<TopicSet>,
    /// The sentence is about another issue: the topic of the moment ends.
    pub other_issue: bool,
    /// The sentence opens a section of the text (a heading, a time stamp):
    /// the topic of the moment becomes this set, and nothing said before
    /// carries over.
    pub section: Option<TopicSet>,
    /// The sentence speaks of a process (`talks`, `the deal`): is it
    /// another issue's (`the minerals deal`)? `the deal` in the next
    /// sentences refers to it.
    pub process_other: Option<bool>,
}

/// Decide the topics of sentence `s` with holders `holders`.
pub(crate) fn decide(s: &Sentence, holders: &[Holder], memory: &Memory) -> TopicDecision {
    let si = s.index;
    let (mut set, mut source) = named(s, memory);
    let process = process(s, memory);
    if let Some((topics, false)) = process {
        if set.is_empty() && !topics.is_empty() {
            source = TopicSource::Process;
        }
        set = set.union(topics);
    }
    let mut carried = None;
    if continuing(s, holders, memory)
        && (set.is_empty()
            || s.sc.strong_topics.is_empty() && s.quotes.mostly_quoted && !memory.last_topics.is_empty())
    {
        // A quote that goes on with only a general word keeps the topic of
        // the moment, and a general word adds its own topic, to this
        // sentence and to the topic of the moment (`a 30-day halt`; `we will
        // not recognise our territory as Russian` in a speech about a
        // truce) — unless the moment is about a theatre of operations and the
        // word refers back (`our territory`, `the line` in a speech about
        // Kursk is Kursk).
        let theatre = !memory.last_topics.intersection(s.words.theatres).is_empty();
        let fresh: TopicSet =
            s.sc.topic_terms
                .iter()
                .filter(|(span, _)| !(theatre && s.determined(*span)))
                .map(|&(_, t)| t)
                .collect();
        // (The speaker has moved on to the new topic: it becomes the topic
        // of the moment.)
        let own = set.intersection(fresh);
        carried = Some(memory.last_topics.union(own));
        set = own.union(memory.last_topics);
        source = TopicSource::Carried;
    }
    // A statement with no topic word of its own is about what the article
    // was just discussing.
    if set.is_empty() && holders.iter().any(|h| states(s, h)) && si <= memory.last_sentence + 3 {
        set = memory.last_topics;
        source = TopicSource::LastStatement;
        // (Unless the text has named a topic since, without a holder:
        // `Analysts say the Kursk incursion failed. Russian troops have
        // retaken …, according to the military.`)
        if memory.named_sentence > memory.last_sentence && si <= memory.named_sentence + 1 {
            set = memory.named_topics;
            source = TopicSource::NamedSince;
        }
    }
    // `… to discuss it`, `has not accepted it`: a stance on something just
    // mentioned.
    if set.is_empty() && !holders.is_empty() && stance_on_pronoun(s) {
        set = memory.last_topics;
        source = TopicSource::PronounObject;
    }
    // A sentence about another issue (a minerals deal, elections) and none
    // of the topics is about that issue: it takes no topic from context and
    // passes none on.
    let other_issue = s.sc.strong_topics.is_empty()
        && (s.sc.cues.iter().any(|c| c.means(Meaning::OtherIssue)) || matches!(process, Some((_, true))));
    if other_issue {
        set = TopicSet::EMPTY;
        source = TopicSource::OtherIssue;
    }
    if set.is_empty() && source != TopicSource::OtherIssue {
        source = TopicSource::None;
    }
    let section = opens_section(s, holders, memory).then_some(set);
    let process_other = match process {
        Some((_, other)) => Some(other),
        None if other_issue => Some(true),
        None => None,
    };
    TopicDecision { set, source, carried, other_issue, section, process_other }
}

/// The topics the sentence's process words name (`talks`, `a deal`,
/// `the memorandum`), and whether they are another issue's: qualified by
/// one (`the minerals deal`, `agreements on arms control`), or a definite
/// one (`the deal`) when the last process spoken of was another issue's.
/// They name their topic only in a text about the parties or the topics.
fn process(s: &Sentence, memory: &Memory) -> Option<(TopicSet, bool)> {
    if s.sc.context_terms.is_empty() {
        return None;
    }
    let about = !memory.seen_topics.is_empty() || !s.sc.refs.is_empty();
    let mut set = TopicSet::EMPTY;
    let mut other = false;
    for &(span, topic) in &s.sc.context_terms {
        let w = s.sc.word_at(span.start);
        let qualified =
            s.sc.cues.iter().any(|c| c.means(Meaning::OtherIssue) && c.word + 3 >= w && c.word <= w + 4);
        let back = s.determined(span) && memory.process_other;
        // A process whose object names another topic is about that one
        // (`a plan to cede territory`, `talks on the Kursk region`).
        let of_other = s.sc.topic_terms.iter().any(|&(t, id)| {
            let tw = s.sc.word_at(t.start);
            id != topic && tw > w && tw <= w + 5
        });
        if qualified || back {
            other = true;
        } else if about && !of_other {
            set.insert(topic);
        }
    }
    Some((set, other && set.is_empty()))
}

/// Does the sentence open a section, after which the topic of the moment is
/// what it names: a time stamp (`13:10 GMT`), or a heading that names a
/// topic, or one that names neither a topic nor a holder (`'An
/// ultimatum'`, `What happens next?`). A speaker's line (`VLADIMIR PUTIN,
/// at a news conference`), a list item and page furniture (`Photo: …`)
/// open none.
fn opens_section(s: &Sentence, holders: &[Holder], memory: &Memory) -> bool {
    if time_stamp(s) {
        return true;
    }
    let furniture = s.sc.cues.first().is_some_and(|c| c.word == 0 && c.means(Meaning::Furniture));
    if furniture {
        return false;
    }
    if heading(s) {
        return !s.sc.topics.is_empty() || holders.is_empty();
    }
    // A question that opens a paragraph and names no one (`What happens
    // next?`, `Where does Kursk fit in?`): an explainer's heading.
    let opens_paragraph = s.index == 0 || s.seg.paragraph != memory.last_paragraph;
    opens_paragraph && holders.is_empty() && s.len() <= 10 && s.is_question()
}

/// A line of numbers and calendar words (`Saturday 16 August`, `13:10
/// GMT`): an entry of a live blog starts.
fn time_stamp(s: &Sentence) -> bool {
    s.seg.kind == UnitKind::Line
        && s.len() <= 8
        && (0..s.len()).any(|i| s.word(i).bytes().any(|b| b.is_ascii_digit()))
        && (0..s.len()).all(|i| {
            let w = s.lower_word(i);
            w.bytes().any(|b| b.is_ascii_digit()) || s.words.topic.calendar.contains(w)
        })
}

/// A heading: a line without final punctuation, or a short quoted line
/// (`'Conditions will change'`).
fn heading(s: &Sentence) -> bool {
    if s.seg.kind == UnitKind::Line {
        return true;
    }
    let t = s.text[s.seg.span.range()].trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', '\u{bb}']);
    let quoted = s.text[s.seg.span.range()].starts_with(['"', '\u{201c}', '\u{2018}', '\'', '\u{ab}']);
    quoted && s.len() <= 8 && !t.ends_with(['.', '!', '?', ',', ';', ':'])
}

/// The topics the sentence's words name, and definite descriptions of
/// topics named before (`the plan`, when no topic is named).
fn named(s: &Sentence, memory: &Memory) -> (TopicSet, TopicSource) {
    let mut set = s.sc.topics;
    let mut source = TopicSource::Named;
    for cue in &s.sc.cues {
        for m in cue.meanings.iter() {
            if let Meaning::Topic { topic, anaphor: true, .. } = *m {
                if s.sc.topics.is_empty() && memory.seen_topics.contains(topic) {
                    set.insert(topic);
                    source = TopicSource::Anaphor;
                }
            }
        }
    }
    (set, source)
}

/// A holder who goes on from the last sentence with a holder (a pronoun, an
/// untagged quote), within two sentences.
fn continuing(s: &Sentence, holders: &[Holder], memory: &Memory) -> bool {
    holders.iter().any(|h| {
        h.continued && memory.last_holder_parties.contains(h.party) && s.index <= memory.last_sentence + 2
    })
}

/// Does the holder make a statement: a speaker or source, a subject
/// with a stance of its own, or the owner of a plan whose terms it is?
fn states(s: &Sentence, h: &Holder) -> bool {
    matches!(h.via, Via::Speaker | Via::AccordingTo)
        || h.via == Via::Subject && direct_stance(s, h)
        || h.rule == crate::holders::Rule::PlanTerms
}

/// A stance word followed by `it`, `this` or `that` as its object.
fn stance_on_pronoun(s: &Sentence) -> bool {
    s.sc.cues.iter().any(|c| {
        c.stances().any(|l| l != Stance::Acts) && s.words.object_pronouns.contains(s.lower_word(c.word_end))
    })
}

/// The words that named the sentence's topics (for the trace): topic words
/// and definite descriptions.
pub(crate) fn triggers(s: &Sentence) -> Vec<Span> {
    let mut out: Vec<Span> =
        s.sc.topic_terms.iter().chain(&s.sc.context_terms).map(|&(span, _)| span).collect();
    out.extend(
        s.sc.cues
            .iter()
            .filter(|c| c.meanings.iter().any(|m| matches!(m, Meaning::Topic { anaphor: true, .. })))
            .map(|c| c.span),
    );
    out.sort_by_key(|s| s.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::tests::with_sentence;
    use crate::ids::{PartyId, TopicId};

    fn topics(text: &str, memory: &Memory, holders: &[Holder]) -> (Vec<u8>, TopicSource) {
        with_sentence(text, |s| {
            let d = decide(s, holders, memory);
            (d.set.iter().map(|t| t.0).collect(), d.source)
        })
    }

    #[test]
    fn named_carried_and_none() {
        let memory = Memory::default();
        assert_eq!(topics("Moscow backed a truce.", &memory, &[]), (vec![0], TopicSource::Named));
        assert_eq!(topics("The weather was fine.", &memory, &[]), (vec![], TopicSource::None));
        let memory = Memory { seen_topics: TopicSet::of(TopicId(1)), ..Memory::default() };
        assert_eq!(topics("They discussed the plant.", &memory, &[]), (vec![1], TopicSource::Anaphor));
        assert_eq!(topics("The minerals deal was signed.", &memory, &[]).1, TopicSource::OtherIssue);
    }

    #[test]
    fn a_statement_without_topic_words_takes_the_last_one() {
        let memory = Memory {
            last_topics: TopicSet::of(TopicId(2)),
            last_holder_parties: crate::ids::PartySet::of(PartyId(0)),
            last_sentence: 0,
            ..Memory::default()
        };
        let speaker = with_sentence("He said it would take time.", |s| {
            let r = s.sc.cues[0];
            let r = crate::scan::PartyRef {
                span: r.span,
                party: PartyId(0),
                kind: crate::scan::RefKind::Pronoun,
                gender: crate::scan::Gender::Masculine,
                cases: crate::inflect::Cases::NONE,
                word: 0,
                word_end: 1,
            };
            Holder::new(&r, Via::Speaker, crate::holders::Rule::Speech)
        });
        let got = with_sentence("He said it would take time.", |s| decide(s, &[speaker], &memory));
        assert_eq!(got.set, TopicSet::of(TopicId(2)));
    }
}
