//! The topic a figure bears on: what it measures, read from its unit, the
//! noun it modifies and the words of its clause; else what the text was
//! just discussing.

use super::{punct_before, Class, Found, Vocab};
use crate::grammar::Sentence;
use crate::ids::{TopicId, TopicSet};
use crate::memory::Memory;
use crate::profile::AliasKind;
use crate::scan::{Meaning, RefKind};
use crate::span::Span;

/// A topic word of the sentence: where, which topic, and whether it is a
/// general word (`territory`, `front line`).
#[derive(Clone, Copy, Debug)]
struct Term {
    /// Its first word and one past its last.
    word: usize,
    word_end: usize,
    topic: TopicId,
    weak: bool,
}

/// The topic of figure `f` of sentence `s`, if it bears on one.
pub(crate) fn decide(
    v: &Vocab,
    s: &Sentence,
    f: &Found,
    topics: TopicSet,
    memory: &Memory,
) -> Option<TopicId> {
    let terms = terms(v, s, memory);
    // A unit that is itself a topic word: `four regions`.
    if let Some(t) = terms.iter().find(|t| t.word >= f.number && t.word_end <= f.end) {
        return Some(t.topic);
    }
    // A length of time is a truce's or a deadline's (`30 days`, `72-hour`)
    // where the sentence or the text around it is about a truce; else it is
    // the length of something else (`in the Kursk region for seven
    // months`), no figure.
    if f.class == Class::Time {
        if let Some(t) = v.time_topic {
            let named = terms.iter().any(|x| x.topic == t)
                || v.context_topics
                    .iter()
                    .any(|(x, words)| *x == t && (0..s.len()).any(|k| words.at(s, k).is_some()))
                || recent_set(s, memory).contains(t)
                || memory.last_topic == Some(t);
            return named.then_some(t);
        }
    }
    let (lo, hi) = clause(s, f);
    let in_clause = |t: &Term| t.word >= lo && t.word_end <= hi;
    match measured(v, s, f, &terms, memory) {
        Some((t, false)) => return Some(t),
        // A general word (`a front line of 2,000 km`): the clause may say
        // what it is about (a truce monitored along it).
        Some((t, true)) => {
            let line = if f.class == Class::Length { context(v, s, f, lo, hi) } else { None };
            return line.or_else(|| Some(general(v, s, f, t, memory)));
        }
        None => {}
    }
    // A word that governs the figure from before it, with no topic word
    // between (`would cap the army at 600,000 troops`, `advanced 1.5 km`).
    if let Some((k, t)) = context_before(v, s, f, lo) {
        if !terms.iter().any(|t| !t.weak && t.word >= k && t.word < f.start) {
            return Some(t);
        }
    }
    if let Some(t) = nearest(f, &terms, |t| !t.weak && in_clause(t)) {
        return Some(t);
    }
    if let Some(t) = context(v, s, f, lo, hi) {
        return Some(t);
    }
    if let Some(t) = nearest(f, &terms, |t| !t.weak) {
        return Some(t);
    }
    if let Some(t) = nearest(f, &terms, in_clause).or_else(|| nearest(f, &terms, |_| true)) {
        return Some(general(v, s, f, t, memory));
    }
    recent(v, s, memory).or_else(|| topics.first())
}

/// The topic of a figure whose only topic word is a general one (`the
/// territory`, `front line`) of topic `t`: in a text about one place (the
/// Kursk incursion) general words of land are about it, unless the figure
/// names whose land it is (`a fifth of Ukraine`); a front line's length
/// where the text discusses a truce is the truce's.
fn general(v: &Vocab, s: &Sentence, f: &Found, t: TopicId, memory: &Memory) -> TopicId {
    let set = recent_set(s, memory);
    // (Only a sentence about the line itself: one that names another topic
    // in another clause says what it is about.)
    let alone = s.sc.strong_topics.is_empty();
    if f.class == Class::Length && alone && v.time_topic.is_some_and(|x| set.contains(x)) {
        return v.time_topic.unwrap_or(t);
    }
    let owned =
        s.lower_word(f.end) == "of" && s.sc.refs.iter().any(|r| r.word > f.end && r.word <= f.end + 3);
    match set.iter().find(|&x| Some(x) != v.time_topic) {
        Some(x) if x != t && !owned => x,
        _ => t,
    }
}

/// The sentence's topic words, and its definite descriptions of topics
/// named before (`the region`), in order.
fn terms(v: &Vocab, s: &Sentence, memory: &Memory) -> Vec<Term> {
    let mut out: Vec<Term> =
        s.sc.topic_terms
            .iter()
            .map(|&(span, topic)| {
                let (word, word_end) = words_of(s, span);
                Term { word, word_end, topic, weak: v.weak_terms.contains(&s.lower[span.range()]) }
            })
            .collect();
    for c in &s.sc.cues {
        for m in c.meanings {
            if let Meaning::Topic { topic, anaphor: true, .. } = *m {
                if memory.seen_topics.contains(topic) || s.sc.topics.contains(topic) {
                    out.push(Term { word: c.word, word_end: c.word_end, topic, weak: false });
                }
            }
        }
    }
    out.sort_by_key(|t| t.word);
    out
}

fn words_of(s: &Sentence, span: Span) -> (usize, usize) {
    let w = s.sc.word_at(span.start);
    (w, s.sc.words.partition_point(|x| x.start < span.end))
}

/// The clause around the figure, in words: up to a semicolon, colon, dash
/// or question mark on either side.
fn clause(s: &Sentence, f: &Found) -> (usize, usize) {
    let hard = |k: usize| {
        punct_before(s, k, &[';', ':', '?', '\u{2014}'])
            || punct_before(s, k, &[',']) && s.words.clause_openers.contains(s.lower_word(k))
    };
    let mut lo = f.start;
    while lo > 0 && !hard(lo) {
        lo -= 1;
    }
    let mut hi = f.end;
    while hi < s.len() && !hard(hi) {
        hi += 1;
    }
    (lo, hi)
}

/// The topic of the noun the figure measures: the noun after a compound
/// adjective (`30-day ceasefire`), the phrase after `of` (`86% of the
/// area`), the noun before `of` (`a front line of 2,000 km`). A general
/// word with a definite determiner (`the territory`, `that area`) refers
/// back to the land the text was just discussing. Returns the topic and
/// whether the word was a general one.
fn measured(v: &Vocab, s: &Sentence, f: &Found, terms: &[Term], memory: &Memory) -> Option<(TopicId, bool)> {
    let after = |from: usize, n: usize| {
        terms.iter().find(|t| t.word >= from && t.word < from + n && !s.clause_break(from.max(1), t.word))
    };
    if f.adjective {
        if let Some(t) = after(f.end, 3) {
            return Some((t.topic, t.weak));
        }
        return None;
    }
    if s.lower_word(f.end) == "of" && !punct_before(s, f.end, &[',']) {
        let from = f.end + 1;
        let noun = (from..(from + 4).min(s.len()))
            .take_while(|&k| k == from || !punct_before(s, k, &[',', ';', ':']))
            .find(|&k| terms.iter().any(|t| t.word == k) || v.land_nouns.contains(s.lower_word(k)));
        if let Some(k) = noun {
            let term = terms.iter().find(|t| t.word == k);
            let definite = k > 0 && s.words.definite_determiners.contains(s.lower_word(k - 1));
            let land = v.land_nouns.contains(s.lower_word(k));
            if definite && land && term.is_none_or(|t| t.weak) {
                if let Some(t) = recent(v, s, memory) {
                    return Some((t, false));
                }
            }
            if let Some(t) = term {
                return Some((t.topic, t.weak));
            }
        }
        // `about 20% of Ukraine`: a share of a country's land.
        let mut k = from;
        while k < s.len() && s.words.articles.contains(s.lower_word(k)) {
            k += 1;
        }
        let country = s.sc.refs.iter().any(|r| r.word == k && r.kind == RefKind::Alias(AliasKind::Country));
        if country && matches!(f.class, Class::Share | Class::Area) {
            if let Some(t) = v.land_topic {
                return Some((t, false));
            }
        }
    }
    // `a front line of some 2,000 km`, `a ceasefire of at least 30 days`.
    if f.start >= 2 && s.lower_word(f.start - 1) == "of" {
        if let Some(t) = terms.iter().rev().find(|t| t.word_end + 1 >= f.start - 1 && t.word_end < f.start) {
            return Some((t.topic, t.weak));
        }
    }
    None
}

/// The nearest word of the clause that says what a figure measures (a
/// truce monitored along a front line, an advance, a cap on an army).
fn context(v: &Vocab, s: &Sentence, f: &Found, lo: usize, hi: usize) -> Option<TopicId> {
    let mut best: Option<(usize, TopicId)> = None;
    for k in lo..hi {
        if k >= f.start && k < f.end {
            continue;
        }
        for (t, words) in &v.context_topics {
            if words.at(s, k).is_some() {
                let d = if k < f.start { f.start - k } else { k - f.end + 1 };
                if d <= 12 && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, *t));
                }
            }
        }
    }
    best.map(|(_, t)| t)
}

/// The nearest word before the figure, in its clause and within eight
/// words, that says what it measures: where, and the topic.
fn context_before(v: &Vocab, s: &Sentence, f: &Found, lo: usize) -> Option<(usize, TopicId)> {
    (lo.max(f.start.saturating_sub(8))..f.start).rev().find_map(|k| {
        v.context_topics.iter().find(|(_, words)| words.at(s, k).is_some()).map(|(t, _)| (k, *t))
    })
}

/// The topic of the nearest term that passes `keep`.
fn nearest(f: &Found, terms: &[Term], keep: impl Fn(&Term) -> bool) -> Option<TopicId> {
    terms
        .iter()
        .filter(|t| keep(t))
        .min_by_key(|t| if t.word >= f.end { t.word - f.end } else { f.start.saturating_sub(t.word_end) })
        .map(|t| t.topic)
}

/// What the text was just discussing: the topics of the last figures, else
/// of the last sentence that named one, else of the last statement, within
/// two sentences.
fn recent_set(s: &Sentence, memory: &Memory) -> TopicSet {
    let si = s.index;
    if !memory.figure_topics.is_empty() && si <= memory.figure_sentence + 2 {
        memory.figure_topics
    } else if !memory.named_topics.is_empty() && si <= memory.named_sentence + 2 {
        memory.named_topics
    } else if si <= memory.last_sentence + 2 {
        memory.last_topics
    } else {
        TopicSet::EMPTY
    }
}

/// One topic of [`recent_set`] (a truce is not land: another topic goes
/// first).
fn recent(v: &Vocab, s: &Sentence, memory: &Memory) -> Option<TopicId> {
    let set = recent_set(s, memory);
    set.iter().find(|&t| Some(t) != v.time_topic).or_else(|| set.first())
}
