//! Figures in a language with cases (Russian, Ukrainian): numbers with a
//! unit in any of its forms (`тысяч{f}`), compounds written as one word
//! (`трехдневный`), their topic and source. English figures are read by
//! [`crate::figures`].

use crate::figures::{in_set, Attributed};
use crate::grammar::{Sentence, WordSet};
use crate::holders::Holder;
use crate::ids::{Stance, TopicId, TopicSet, Via};
use crate::memory::Memory;
use std::collections::BTreeMap;

use crate::profile::{FigureWords, Paradigm};
use crate::span::Span;

/// A figure found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: Span,
}

/// The profile's figure vocabulary, compiled.
pub(crate) struct Vocab {
    number_words: WordSet,
    counts_of: WordSet,
    fractions: WordSet,
    fraction_articles: WordSet,
    range_words: WordSet,
    /// Word sequences, tried in order.
    modifiers: Vec<Vec<String>>,
    units: Vec<Vec<String>>,
    months: WordSet,
    compounds: WordSet,
    /// The lower-case first two bytes of every number word, fraction and
    /// fraction article (a word of one letter pairs with a space), so that
    /// most words are rejected without a hash lookup.
    pairs: Box<[u64; 1024]>,
}

/// Index of a word's first two lower-case bytes in [`Vocab::pairs`].
fn pair(word: &[u8]) -> usize {
    let a = word.first().map_or(b' ', u8::to_ascii_lowercase) as usize;
    let b = word.get(1).map_or(b' ', u8::to_ascii_lowercase) as usize;
    a << 8 | b
}

fn sequences(list: &[String]) -> Vec<Vec<String>> {
    // (Words as the tokenizer cuts them: `sq. km` is `sq`, `km`.)
    list.iter()
        .map(|p| {
            p.split_whitespace()
                .map(|w| crate::text::fold_case(w.trim_end_matches('.')))
                .filter(|w| !w.is_empty())
                .collect()
        })
        .collect()
}

impl Vocab {
    pub(crate) fn new(f: &FigureWords, paradigms: &BTreeMap<String, Paradigm>) -> Vocab {
        // Every form of every word (`тысяч{f}`).
        let all = |list: &[String]| crate::inflect::expand_all(list, paradigms);
        let set = |list: &[String]| WordSet::new(&all(list));
        Vocab {
            number_words: set(&f.number_words),
            counts_of: set(&f.counts_of),
            fractions: set(&f.fractions),
            fraction_articles: set(&f.fraction_articles),
            range_words: set(&f.range_words),
            modifiers: sequences(&all(&f.modifiers)),
            units: sequences(&all(&f.units)),
            months: set(&f.months),
            compounds: set(&f.compounds),
            pairs: Box::new([0; 1024]),
        }
        .with_pairs()
    }

    fn with_pairs(mut self) -> Vocab {
        for set in [&self.number_words, &self.fractions, &self.fraction_articles, &self.compounds] {
            for w in set.iter() {
                let i = pair(w);
                self.pairs[i / 64] |= 1 << (i % 64);
            }
        }
        self
    }

    /// Might `word` be a number word, fraction or fraction article?
    fn maybe_number(&self, word: &str) -> bool {
        let i = pair(word.as_bytes());
        self.pairs[i / 64] & (1 << (i % 64)) != 0
    }
}

/// Is word `w` of `text` in `set`?
fn word_in(text: &str, w: Option<&Span>, set: &WordSet) -> bool {
    w.is_some_and(|w| in_set(set, &text[w.range()]))
}

fn matches_seq(text: &str, words: &[Span], at: usize, seq: &[String]) -> bool {
    seq.iter().enumerate().all(|(k, s)| {
        words.get(at + k).is_some_and(|w| {
            let w = &text[w.range()];
            w.len() == s.len()
                && (w.eq_ignore_ascii_case(s) || !w.is_ascii() && crate::text::fold_case(w) == *s)
        })
    })
}

fn is_digits(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// Figures in one sentence, given its word tokens.
// (Over 80 lines: one pass over a sentence's words; each commented branch is one form a number takes (a compound adjective, a clock time, a date, a range, a year, a unit).)
pub(crate) fn find(v: &Vocab, text: &str, sentence: Span, words: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &text[words[i].range()];
        let (head, compound) = match w.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (w, None),
        };
        let digits = is_digits(head);
        let maybe = v.maybe_number(head);
        // A compound adjective of a number in one word (`трехдневный`).
        if compound.is_none() && maybe && !v.compounds.is_empty() && in_set(&v.compounds, head) {
            out.push(Found { span: words[i] });
            i += 1;
            continue;
        }
        let word_number = maybe && in_set(&v.number_words, head);
        let fraction = compound.is_some_and(|c| v.maybe_number(c) && in_set(&v.fractions, c))
            || maybe
                && in_set(&v.fraction_articles, head)
                && words.get(i + 1).is_some_and(|n| v.maybe_number(&text[n.range()]))
                && word_in(text, words.get(i + 1), &v.fractions);
        if !(digits || word_number || fraction) {
            i += 1;
            continue;
        }
        // Clock times (`10:42 GMT`) are not figures.
        let at = words[i];
        let clock = text[at.end..].starts_with(':')
            && text[at.end + 1..].starts_with(|c: char| c.is_ascii_digit())
            || text[..at.start].ends_with(':')
                && text[..at.start - 1].ends_with(|c: char| c.is_ascii_digit());
        if digits && clock {
            i += 1;
            continue;
        }
        // Dates: `13 March`, `March 13`, `in 2014`.
        let next = words.get(i + 1).map_or("", |n| &text[n.range()]);
        let prev = if i > 0 { &text[words[i - 1].range()] } else { "" };
        if digits && (in_set(&v.months, next) || in_set(&v.months, prev)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if fraction && compound.is_none() {
            end = i + 2;
        }
        // Ranges: `10 to 15`, `10-15` is one word already.
        if in_set(&v.range_words, next) && words.get(i + 2).is_some_and(|n| is_digits(&text[n.range()])) {
            end = i + 3;
        }
        let mut has_unit = compound.is_some() && !fraction;
        if !has_unit && !fraction {
            if let Some(after) = unit_after(v, text, words, end, head) {
                end = after;
                has_unit = true;
            } else if text[words[end - 1].end..].starts_with('%') {
                has_unit = true;
            }
        }
        if word_number && !has_unit && !fraction {
            i += 1;
            continue;
        }
        // A year (`in 2014`) is not a figure; `2000 kilometres` is.
        let year = head.len() == 4 && (head.starts_with("19") || head.starts_with("20"));
        if digits && !has_unit && compound.is_none() && year {
            i += 1;
            continue;
        }
        let mut start = i;
        // A compound adjective (`30-day`) takes no modifier: `talked about
        // 30-day truces` is not an estimate (`nearly one-fifth` is).
        let adjective = compound.is_some() && !fraction;
        for m in v.modifiers.iter().filter(|_| !adjective) {
            if i >= m.len() && matches_seq(text, words, i - m.len(), m) {
                start = i - m.len();
                break;
            }
        }
        let mut span_end = words[end - 1].end;
        // Keep the period of `sq. km`-style units inside, and a `%` sign.
        if text[span_end..].starts_with('%') {
            span_end += 1;
        }
        let span = Span::new(words[start].start, span_end.min(sentence.end));
        out.push(Found { span });
        i = end;
    }
    out
}

/// The unit after the number that ends before word `end`: one past its last
/// word. The unit may follow directly, after one adjective (`four mainland
/// regions`), or after `of` (`thousands of Ukrainian troops`).
fn unit_after(v: &Vocab, text: &str, words: &[Span], end: usize, head: &str) -> Option<usize> {
    let gaps: &[usize] = if in_set(&v.counts_of, head) { &[0, 1, 2] } else { &[0, 1] };
    gaps.iter().find_map(|&gap| {
        v.units.iter().find(|u| matches_seq(text, words, end + gap, u)).map(|u| end + gap + u.len())
    })
}

/// Give the sentence's figures their topic and source, into `out`.
///
/// The source is the party named by `according to`, else the owner of a
/// proposal (`the US proposal for a 30-day truce`), else the speaker. The
/// topic is the one a unit names (`four regions`), else the nearest topic
/// word that is not weak, else the sentence's topic (also carried over),
/// else a weak word's. Returns the topics figures were put under, for the
/// memory.
pub(crate) fn attribute(
    v: &Vocab,
    s: &Sentence,
    holders: &[Holder],
    topics: TopicSet,
    memory: &Memory,
    out: &mut Vec<Attributed>,
) -> TopicSet {
    let source = holders
        .iter()
        .find(|h| h.via == Via::AccordingTo)
        .or_else(|| holders.iter().find(|h| h.via == Via::Owner && h.forced == Some(Stance::Proposes)))
        .or_else(|| holders.iter().find(|h| h.via == Via::Agent && h.forced == Some(Stance::Proposes)))
        .or_else(|| holders.iter().find(|h| h.via == Via::Speaker))
        // (In Russian and Ukrainian reports a party states its position
        // and its figures in one predicate more often, without a speech
        // verb: `Путин объявил 30-часовое перемирие`. What it does is the
        // writer's report: `Россия занимает пятую часть` has no source.)
        .or_else(|| {
            holders.iter().find(|h| h.via == Via::Subject && s.words.cased() && states_position(s, h))
        })
        .map(|h| h.party);
    let sc = s.sc;
    let strong_terms: Vec<(Span, TopicId)> =
        sc.topic_terms.iter().copied().filter(|&(_, t)| sc.strong_topics.contains(t)).collect();
    // A figure in a sentence with only general words (`liberated 90% of the
    // territory`) right after a specific topic is about that topic.
    let figure_topics = if !topics.is_empty()
        && sc.strong_topics.is_empty()
        && !memory.figure_topics.is_empty()
        && memory.figure_topics.intersection(topics).is_empty()
        && s.index <= memory.figure_sentence + 2
    {
        memory.figure_topics
    } else {
        topics
    };
    for f in find(v, s.text, s.seg.span, &sc.words) {
        if s.words.cased() && talks_duration(s, f.span) {
            continue;
        }
        // A unit that is itself a topic word (`four regions`) says it.
        let own = sc.topic_terms.iter().find(|(t, _)| f.span.contains(*t)).map(|&(_, t)| t);
        let topic = own
            .or_else(|| nearest_topic(&strong_terms, f.span))
            .or_else(|| figure_topics.first())
            .or_else(|| nearest_topic(&sc.topic_terms, f.span));
        out.push(Attributed { span: f.span, topic, source });
    }
    figure_topics
}

/// How long talks lasted (`почти три часа обсуждали`, `переговоры длились
/// около двух часов`) is no figure: a word of talks right next to a
/// figure that is not an adjective (`обсудили 30-дневное перемирие` is one).
fn talks_duration(s: &Sentence, span: Span) -> bool {
    if s.text[span.range()].contains('-') {
        return false;
    }
    let first = s.sc.word_at(span.start);
    let last = s.sc.word_at(span.end.saturating_sub(1));
    let talks = |k: usize| k < s.len() && s.words.talks_words.contains(s.lower_word(k));
    (first.saturating_sub(2)..first).any(talks) || (last + 1..last + 3).any(talks)
}

/// Does the subject's predicate state a position (`объявил`, `требует`),
/// rather than report an action?
fn states_position(s: &Sentence, h: &Holder) -> bool {
    s.sc.cue_at(h.scope_start).is_some_and(|c| {
        c.stances().any(|l| !matches!(l, Stance::Acts | Stance::Questions | Stance::Considering))
    })
}

fn nearest_topic(terms: &[(Span, TopicId)], span: Span) -> Option<TopicId> {
    terms
        .iter()
        .min_by_key(
            |(s, _)| if s.start >= span.end { s.start - span.end } else { span.start.saturating_sub(s.end) },
        )
        .map(|t| t.1)
}
