//! Stage 7, figures: numeric claims with their modifier, unit, topic and
//! source.
//!
//! A figure is a number (digits with separators, a number word, a fraction
//! such as `one-fifth`, a compound such as `30-day`) together with a
//! modifier before it (`nearly`, `less than`) and a unit after it (`sq. km`,
//! `days`, `troops`) that measures a topic's own quantity: a truce's length,
//! an area, a share of land, troops, regions, a front line's length.
//!
//! Three steps, each in its own module:
//! 1. [`find`]: the figures of one sentence, and the constructions that make
//!    a number no figure (dates, clock times, labels, ages, time elapsed,
//!    the length of a call or of the war, exchanges of prisoners, money,
//!    probabilities, idioms, list markers);
//! 2. [`topic`]: what the figure measures (its unit, the noun it modifies,
//!    the words of its clause), else what the text was just discussing; a
//!    number that bears on no topic is no figure;
//! 3. [`source`]: the party the number comes from (the owner of the
//!    proposal it defines, the one who states or estimates it, `according
//!    to`, the speaker), else none.
//!
//! Everything a rule reads is the profile's `lexicon.figures`, compiled into
//! [`Vocab`]. Most words are rejected by a two-byte prefilter, so that the
//! stage costs nothing on sentences without numbers.

mod find;
mod source;
mod topic;

use crate::grammar::{Sentence, WordSet};
use crate::holders::Holder;
use crate::ids::{PartyId, TopicId, TopicSet};
use crate::memory::Memory;
use crate::profile::Profile;
use crate::span::Span;

pub(crate) use find::Found;

/// What a figure measures, by its unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// People or things counted (`430 servicemen`, `four regions`).
    Count,
    /// An area (`1,300 sq km`).
    Area,
    /// A length (`2,000 km`).
    Length,
    /// A length of time (`30 days`, `72-hour`).
    Time,
    /// A share (`20%`, `a fifth`).
    Share,
    /// Digits alone (`more than 4,900`).
    Bare,
}

/// A word list of single words and of word sequences, compared without
/// case.
#[derive(Default)]
pub(crate) struct Phrases {
    /// Sequences of two words or more, longest first.
    seqs: Vec<Vec<String>>,
    /// Their first and last words: most words start and end none (a cheap
    /// rejection).
    firsts: WordSet,
    lasts: WordSet,
    /// The one-word entries.
    single: WordSet,
}

impl Phrases {
    fn new(list: &[String]) -> Phrases {
        let mut seqs: Vec<Vec<String>> = list
            .iter()
            .map(|p| p.split_whitespace().map(crate::text::fold_case).collect::<Vec<_>>())
            .filter(|p| p.len() > 1)
            .collect();
        seqs.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let firsts: Vec<String> = seqs.iter().map(|p| p[0].clone()).collect();
        let lasts: Vec<String> = seqs.iter().filter_map(|p| p.last().cloned()).collect();
        let single: Vec<String> = list.iter().filter(|p| !p.contains(char::is_whitespace)).cloned().collect();
        Phrases {
            seqs,
            firsts: WordSet::new(&firsts),
            lasts: WordSet::new(&lasts),
            single: WordSet::new(&single),
        }
    }

    /// The number of words of the longest entry that starts at word `at`.
    pub(crate) fn at(&self, s: &Sentence, at: usize) -> Option<usize> {
        if at >= s.len() {
            return None;
        }
        let long = if has(&self.firsts, s, at) {
            self.seqs
                .iter()
                .find(|seq| {
                    seq.iter().enumerate().all(|(k, w)| at + k < s.len() && s.lower_word(at + k) == w)
                })
                .map(Vec::len)
        } else {
            None
        };
        long.or_else(|| has(&self.single, s, at).then_some(1))
    }

    /// The number of words of an entry that ends right before word `at`.
    pub(crate) fn ending_before(&self, s: &Sentence, at: usize) -> Option<usize> {
        if at == 0 {
            return None;
        }
        let long = if has(&self.lasts, s, at - 1) {
            self.seqs
                .iter()
                .find(|seq| {
                    at >= seq.len()
                        && seq.iter().enumerate().all(|(k, w)| s.lower_word(at - seq.len() + k) == w.as_str())
                })
                .map(Vec::len)
        } else {
            None
        };
        long.or_else(|| has(&self.single, s, at - 1).then_some(1))
    }

    /// Is this one word an entry?
    pub(crate) fn word(&self, word: &str) -> bool {
        in_set(&self.single, word)
    }
}

/// The profile's figure vocabulary, compiled.
pub(crate) struct Vocab {
    pub(crate) number_words: WordSet,
    pub(crate) counts_of: WordSet,
    pub(crate) fractions: WordSet,
    pub(crate) fraction_articles: WordSet,
    pub(crate) article_numbers: WordSet,
    pub(crate) range_words: WordSet,
    pub(crate) modifiers: Phrases,
    /// The unit lists, each with the class it gives (`not_units` with none),
    /// tried in this order.
    pub(crate) units: Vec<(Phrases, Option<Class>)>,
    pub(crate) short_time_units: WordSet,
    pub(crate) multipliers: WordSet,
    pub(crate) months: WordSet,
    pub(crate) clock_words: Vec<String>,
    pub(crate) labels: WordSet,
    pub(crate) age_words: WordSet,
    pub(crate) elapsed_after: WordSet,
    pub(crate) elapsed_before: WordSet,
    pub(crate) length_words: WordSet,
    pub(crate) event_nouns: Phrases,
    pub(crate) duration_verbs: Phrases,
    pub(crate) exchange_words: Phrases,
    pub(crate) exchange_after: WordSet,
    pub(crate) chance_words: WordSet,
    pub(crate) currency_signs: Vec<String>,
    pub(crate) idioms: Phrases,
    pub(crate) land_nouns: WordSet,
    pub(crate) time_topic: Option<TopicId>,
    pub(crate) land_topic: Option<TopicId>,
    pub(crate) context_topics: Vec<(TopicId, Phrases)>,
    pub(crate) source_verbs: Phrases,
    pub(crate) auxiliaries: WordSet,
    pub(crate) coordinators: WordSet,
    pub(crate) restatements: WordSet,
    pub(crate) frequency_units: WordSet,
    pub(crate) subordinators: WordSet,
    pub(crate) ratio_words: WordSet,
    pub(crate) proposal_nouns: WordSet,
    pub(crate) owner_participles: Phrases,
    pub(crate) cleft_openers: Phrases,
    pub(crate) shared_institutions: Phrases,
    pub(crate) not_party_suffixes: WordSet,
    /// The topics' general words (`territory`, `front line`), lower case.
    pub(crate) weak_terms: WordSet,
    /// The lower-case first two bytes of every number word, fraction and
    /// fraction article (a word of one letter pairs with a space), and in
    /// `seconds` their second and third bytes, so that most words are
    /// rejected without a hash lookup.
    pairs: Box<[u64; 1024]>,
    seconds: Box<[u64; 1024]>,
}

/// Index of a word's first two lower-case bytes in [`Vocab::pairs`].
fn pair(word: &[u8]) -> usize {
    let a = word.first().map_or(b' ', u8::to_ascii_lowercase) as usize;
    let b = word.get(1).map_or(b' ', u8::to_ascii_lowercase) as usize;
    a << 8 | b
}

impl Vocab {
    pub(crate) fn new(profile: &Profile) -> Vocab {
        let f = &profile.lexicon.figures;
        let topic = |id: &str| profile.topics.iter().position(|t| t.id == id).map(|i| TopicId(i as u8));
        Vocab {
            number_words: WordSet::new(&f.number_words),
            counts_of: WordSet::new(&f.counts_of),
            fractions: WordSet::new(&f.fractions),
            fraction_articles: WordSet::new(&f.fraction_articles),
            article_numbers: WordSet::new(&f.article_numbers),
            range_words: WordSet::new(&f.range_words),
            modifiers: Phrases::new(&f.modifiers),
            units: vec![
                (Phrases::new(&f.not_units), None),
                (Phrases::new(&f.area_units), Some(Class::Area)),
                (Phrases::new(&f.length_units), Some(Class::Length)),
                (Phrases::new(&f.time_units), Some(Class::Time)),
                (Phrases::new(&f.share_units), Some(Class::Share)),
                (Phrases::new(&f.units), Some(Class::Count)),
            ],
            short_time_units: WordSet::new(&f.short_time_units),
            multipliers: WordSet::new(&f.multipliers),
            months: WordSet::new(&f.months),
            clock_words: f.clock_words.iter().map(|w| crate::text::fold_case(w)).collect(),
            labels: WordSet::new(&f.labels),
            age_words: WordSet::new(&f.age_words),
            elapsed_after: WordSet::new(&f.elapsed_after),
            elapsed_before: WordSet::new(&f.elapsed_before),
            length_words: WordSet::new(&f.length_words),
            event_nouns: Phrases::new(&f.event_nouns),
            duration_verbs: Phrases::new(&f.duration_verbs),
            exchange_words: Phrases::new(&f.exchange_words),
            exchange_after: WordSet::new(&f.exchange_after),
            chance_words: WordSet::new(&f.chance_words),
            currency_signs: f.currency_signs.clone(),
            idioms: Phrases::new(&f.idioms),
            land_nouns: WordSet::new(&f.land_nouns),
            time_topic: f.time_topic.iter().find_map(|id| topic(id)),
            land_topic: f.land_topic.iter().find_map(|id| topic(id)),
            context_topics: context_topics(&f.context_words, topic),
            source_verbs: Phrases::new(&f.source_verbs),
            auxiliaries: WordSet::new(&f.auxiliaries),
            coordinators: WordSet::new(&f.coordinators),
            restatements: WordSet::new(&f.restatements),
            frequency_units: WordSet::new(&f.frequency_units),
            subordinators: WordSet::new(&f.subordinators),
            ratio_words: WordSet::new(&f.ratio_words),
            proposal_nouns: WordSet::new(&f.proposal_nouns),
            owner_participles: Phrases::new(&f.owner_participles),
            cleft_openers: Phrases::new(&f.cleft_openers),
            shared_institutions: Phrases::new(&f.shared_institutions),
            not_party_suffixes: WordSet::new(&f.not_party_suffixes),
            weak_terms: WordSet::new(
                &profile
                    .topics
                    .iter()
                    .flat_map(|t| {
                        t.weak_terms.iter().map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
                    })
                    .collect::<Vec<_>>(),
            ),
            pairs: Box::new([0; 1024]),
            seconds: Box::new([0; 1024]),
        }
        .with_pairs()
    }

    fn with_pairs(mut self) -> Vocab {
        for set in [&self.number_words, &self.fractions, &self.fraction_articles] {
            for w in set.iter() {
                let i = pair(w);
                self.pairs[i / 64] |= 1 << (i % 64);
                let j = pair(w.get(1..).unwrap_or_default());
                self.seconds[j / 64] |= 1 << (j % 64);
            }
        }
        self
    }

    /// Might `word` be a number word, fraction or fraction article (or a
    /// compound that starts with one)?
    pub(crate) fn maybe_number(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let i = pair(b);
        let j = pair(b.get(1..).unwrap_or_default());
        self.pairs[i / 64] & (1 << (i % 64)) != 0 && self.seconds[j / 64] & (1 << (j % 64)) != 0
    }
}

/// The `topic: words` entries of `lexicon.figures.context_words`, by topic
/// (entries for a topic the profile does not have are left out).
fn context_topics(entries: &[String], topic: impl Fn(&str) -> Option<TopicId>) -> Vec<(TopicId, Phrases)> {
    let mut by: Vec<(TopicId, Vec<String>)> = Vec::new();
    for e in entries {
        let Some((id, words)) = e.split_once(':') else { continue };
        let Some(t) = topic(id.trim()) else { continue };
        let words = words.trim().to_string();
        match by.iter_mut().find(|(x, _)| *x == t) {
            Some((_, list)) => list.push(words),
            None => by.push((t, vec![words])),
        }
    }
    by.into_iter().map(|(t, words)| (t, Phrases::new(&words))).collect()
}

/// Is `word` in `set`, compared in lower case (without allocating for
/// short ASCII words)?
pub(crate) fn in_set(set: &WordSet, word: &str) -> bool {
    let mut buf = [0u8; 24];
    if word.is_ascii() && word.len() <= buf.len() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        set.contains_bytes(b)
    } else {
        set.contains(&crate::text::fold_case(word))
    }
}

/// Is word `i` of `s` in `set`? (The sentence's lower-case text serves
/// ASCII words without a copy.)
pub(crate) fn has(set: &WordSet, s: &Sentence, i: usize) -> bool {
    if i >= s.len() {
        return false;
    }
    let w = s.sc.words[i];
    if s.text.as_bytes()[w.start] < 0x80 && w.len() <= 24 {
        let l = &s.lower[w.range()];
        if l.is_ascii() {
            return set.contains(l);
        }
    }
    in_set(set, s.word(i))
}

/// Is there one of `chars` between word `k - 1` and word `k`?
pub(crate) fn punct_before(s: &Sentence, k: usize, chars: &[char]) -> bool {
    k > 0 && k < s.len() && s.gap(k, k).contains(chars)
}

/// Are figures `a` and `b` (in this order) one quantity written twice
/// (`1,100 sq km, or 86%`, `150 sq km (58 sq miles)`)?
fn renderings(v: &Vocab, s: &Sentence, a: &Found, b: &Found) -> bool {
    let between = s.text[a.span.end..b.span.start].trim_matches(|c: char| c.is_whitespace() || c == ',');
    between == "(" || (a.end..b.start).len() == 1 && has(&v.restatements, s, a.end)
}

/// A figure with its topic and source.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attributed {
    pub span: Span,
    pub topic: Option<TopicId>,
    pub source: Option<PartyId>,
}

/// Give the sentence's figures their topic and source, into `out`. A
/// number that bears on no topic is left out. Returns the topics figures
/// were put under, for the memory.
pub(crate) fn attribute(
    v: &Vocab,
    s: &Sentence,
    holders: &[Holder],
    topics: TopicSet,
    memory: &Memory,
    out: &mut Vec<Attributed>,
) -> TopicSet {
    let mut put = TopicSet::EMPTY;
    let mut found = Vec::new();
    find::find(v, s, &mut found);
    if found.is_empty() {
        return put;
    }
    let mut decided: Vec<Option<TopicId>> =
        found.iter().map(|f| topic::decide(v, s, f, topics, memory)).collect();
    // `about 113,000 sq km, or roughly 19% of Ukraine`: two renderings of
    // one quantity bear on one topic.
    for k in 0..found.len() {
        if decided[k].is_none() {
            let other = [k.wrapping_sub(1), k + 1]
                .into_iter()
                .filter(|&o| {
                    o < found.len()
                        && decided[o].is_some()
                        && renderings(v, s, &found[k.min(o)], &found[k.max(o)])
                })
                .find_map(|o| decided[o]);
            decided[k] = other;
        }
    }
    for (f, t) in found.iter().zip(decided) {
        let Some(t) = t else { continue };
        put.insert(t);
        let source = source::decide(v, s, f, holders);
        out.push(Attributed { span: f.span, topic: Some(t), source });
    }
    put
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::tests::with_sentence;

    /// The figures `find` sees in `text`, as written.
    fn figs(text: &str) -> Vec<String> {
        let v = Vocab::new(&Profile::default_profile());
        with_sentence(text, |s| {
            let mut out = Vec::new();
            find::find(&v, s, &mut out);
            out.iter().map(|f| text[f.span.range()].to_string()).collect()
        })
    }

    #[test]
    fn figure_rules() {
        let cases: &[(&str, &[&str])] = &[
            ("It holds less than 200 sq. km now.", &["less than 200 sq. km"]),
            ("down from 1,300 sq. km at the peak", &["1,300 sq. km"]),
            ("a 30-day truce", &["30-day"]),
            ("10:42 GMT - 30 days", &["30 days"]),
            ("they talked about 30-day truces", &["30-day"]),
            ("troops occupy nearly one-fifth of it", &["nearly one-fifth"]),
            ("about a third of the land", &["about a third"]),
            ("On 13 March and in 2014 nothing happened.", &[]),
            ("March 11 talks", &[]),
            ("all four regions were claimed", &["four regions"]),
            ("the one point on which", &[]),
            ("up to 12,000 troops", &["up to 12,000 troops"]),
            ("turnout was 55%", &["55%"]),
            ("a front of almost 2000 kilometers", &["almost 2000 kilometers"]),
            ("all four mainland regions", &["four mainland regions"]),
            ("thousands of Ukrainian troops", &["thousands of Ukrainian troops"]),
            ("in 2014 and 2022", &[]),
            ("between 10 to 15 km away", &["10 to 15 km"]),
        ];
        for (text, want) in cases {
            assert_eq!(&figs(text), want, "figures in {text:?}");
        }
    }
}
