//! The constructions that make a number no figure: an age, an exchange of
//! prisoners, a probability, an idiom, time elapsed, the length of an
//! event, a list marker, a clock time, a date or a year.

use super::{lw, word_in, Found};
use crate::figures::{has, punct_before, Class, Vocab};
use crate::grammar::Sentence;
use crate::profile::AliasKind;
use crate::scan::{Meaning, RefKind};
use crate::span::Span;

/// The constructions that make a number with a unit no figure: an age,
/// an exchange of prisoners, a probability, an idiom, time elapsed, the
/// length of an event.
// (Over 80 lines: a table of exclusions, one short block per construction named in the doc above.)
pub(super) fn not_a_figure(v: &Vocab, s: &Sentence, f: &Found) -> bool {
    let before = f.start.checked_sub(1);
    // `aged 18 to 25`.
    if word_in(s, before, &v.age_words) {
        return true;
    }
    // `exchange 175 prisoners`, `the bodies of 6,000 soldiers`, `1,000 each`.
    let from = f.number.saturating_sub(4);
    if (from..f.number).any(|k| v.exchange_words.at(s, k).is_some() && !s.clause_break(k + 1, f.number))
        || word_in(s, Some(f.end), &v.exchange_after)
    {
        return true;
    }
    // `put the chance … at 25 percent`, `a 25 percent chance`.
    if f.class == Class::Share || f.class == Class::Bare {
        let from = f.number.saturating_sub(8);
        if (from..f.number).any(|k| {
            word_in(s, Some(k), &v.chance_words) && !(k + 1..=f.number).any(|j| punct_before(s, j, &[';']))
        }) || word_in(s, Some(f.end), &v.chance_words)
        {
            return true;
        }
    }
    // `1,200: the number of prisoners`: what a bare number counts may come
    // after it.
    if f.class == Class::Bare && punct_before(s, f.end, &[':', '\u{2014}']) {
        let counted = (f.end..(f.end + 6).min(s.len()))
            .find_map(|p| v.units.iter().find_map(|(ph, c)| ph.at(s, p).map(|_| *c)));
        if counted == Some(None) {
            return true;
        }
    }
    // `three times longer`: a ratio.
    if word_in(s, Some(f.end), &v.ratio_words) && f.end > 0 && lw(s, f.end - 1) == "times" {
        return true;
    }
    let length = word_in(s, before, &v.length_words) || v.length_words.contains(lw(s, f.start));
    // `may one day matter` (not `for one day`).
    if !length && v.idioms.at(s, f.number).is_some_and(|k| f.number + k >= f.end) {
        return true;
    }
    if f.class != Class::Time {
        return false;
    }
    // Hours are a truce's only when the sentence names one (`a 72-hour
    // truce`), not a meeting's (`talks of about two hours`).
    if f.short_time && !v.time_topic.is_some_and(|t| s.sc.topic_terms.iter().any(|&(_, x)| x == t)) {
        return true;
    }
    // `a call of more than two hours`: the length of an event.
    if lw(s, f.start.wrapping_sub(1)) == "of" && v.event_nouns.ending_before(s, f.start - 1).is_some() {
        return true;
    }
    // `the talks lasted less than two hours`, `met Putin for five hours`.
    if f.short_time && lasted(v, s, f) {
        return true;
    }
    // `for 30 days`, `a truce of 30 days`, `within 100 days`: a length,
    // whatever follows.
    if length {
        return false;
    }
    // `two days after`, `ten days later`, `two weeks ago`.
    if word_in(s, Some(f.end), &v.elapsed_after) && !punct_before(s, f.end, &[',', ';', ':', '"', '\u{201d}'])
    {
        return true;
    }
    // `the previous two years`, `in more than three years`.
    if word_in(s, before, &v.elapsed_before) {
        return true;
    }
    // `a two-day visit`, `the 16-month war` (not `a 30-day truce at talks`).
    if f.adjective {
        for k in f.end..(f.end + 3).min(s.len()) {
            if truce_word(v, s, k) || s.cue_at(k).is_some_and(|ms| ms.contains(&Meaning::Preposition)) {
                break;
            }
            if v.event_nouns.at(s, k).is_some() {
                return true;
            }
        }
    }
    // `the talks lasted less than two days`, `ended after about two days`.
    lasted(v, s, f)
}

/// A verb of lasting before the figure, with only a word of length or
/// elapsed time (`for`, `after`) or the one met between (`lasted two hours`, `ended after two hours`,
/// `met Putin for five hours`; not `talked about 30-day truces`).
fn lasted(v: &Vocab, s: &Sentence, f: &Found) -> bool {
    (f.start.saturating_sub(4)..f.start).any(|k| {
        // (`The truce, proposed in March, would have lasted 30 days`: a
        // truce's length, not an event's.)
        let truce = (0..k).rev().take_while(|&j| !punct_before(s, j + 1, &[';'])).find_map(|j| {
            if truce_word(v, s, j) {
                Some(true)
            } else {
                v.event_nouns.at(s, j).map(|_| false)
            }
        });
        truce != Some(true)
            && v.duration_verbs.at(s, k).is_some_and(|len| {
                (k + len..f.start).all(|j| {
                    has(&v.length_words, s, j)
                        || has(&v.elapsed_after, s, j)
                        || s.sc.refs.iter().any(|r| r.word <= j && j < r.word_end)
                })
            })
    })
}

/// `Putin, 72, said`: an age in apposition to a person.
pub(super) fn age(s: &Sentence, i: usize) -> bool {
    i > 0
        && punct_before(s, i, &[','])
        && punct_before(s, i + 1, &[','])
        && s.sc.refs.iter().any(|r| {
            r.word_end == i && matches!(r.kind, RefKind::Alias(AliasKind::Person | AliasKind::Title))
        })
}

/// Does a word of the time topic (`truce`) start at word `k`?
fn truce_word(v: &Vocab, s: &Sentence, k: usize) -> bool {
    k < s.len()
        && s.sc
            .topic_terms
            .iter()
            .any(|&(span, t)| Some(t) == v.time_topic && span.start == s.sc.words[k].start)
}

/// `1.` or `2)` at the start of a line: a numbered list's marker.
pub(super) fn list_marker(text: &str, at: Span) -> bool {
    let line = &text[..at.start];
    let line = &line[line.rfind('\n').map_or(0, |k| k + 1)..];
    let after = &text[at.end..];
    line.chars().all(|c| c.is_whitespace() || matches!(c, '(' | '[' | '#'))
        && (after.starts_with(". ")
            || after.starts_with(')')
            || after.starts_with(".\t")
            || after == "."
            || after.starts_with(".\n"))
}

/// `10:42`, `10 am`, `7 p.m.`: a clock time.
pub(super) fn clock(v: &Vocab, text: &str, at: Span) -> bool {
    let after = &text[at.end..];
    let before = &text[..at.start];
    if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || before.ends_with(':') && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let rest = after.trim_start();
    v.clock_words.iter().any(|c| {
        rest.len() >= c.len()
            && rest.is_char_boundary(c.len())
            && rest[..c.len()].eq_ignore_ascii_case(c)
            && !rest[c.len()..].starts_with(|ch: char| ch.is_alphanumeric())
    })
}

/// A day of a month: `13 March`, `March 12 and 13`, `8–10 May`.
pub(super) fn date(v: &Vocab, s: &Sentence, i: usize) -> bool {
    let joins = |k: usize| {
        let w = s.word(k);
        w.starts_with(|c: char| c.is_ascii_digit()) || matches!(lw(s, k), "and" | "to" | "or")
    };
    // Leftwards, over numbers and `and`.
    let mut k = i;
    for _ in 0..4 {
        if k == 0 {
            break;
        }
        k -= 1;
        if has(&v.months, s, k) {
            return true;
        }
        if !joins(k) {
            break;
        }
    }
    let mut k = i;
    for _ in 0..4 {
        k += 1;
        if k >= s.len() {
            break;
        }
        if has(&v.months, s, k) {
            return true;
        }
        if !joins(k) {
            break;
        }
    }
    false
}

/// `2014`: a year, not a figure.
pub(super) fn year(w: &str) -> bool {
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
}
