//! Finding figures: a number with its modifier, range and unit, and the
//! constructions that make a number no figure ([`exclude`]).
//!
//! A number is digits (`1,300`, `1.5`), number words (`four`, `twenty-five`,
//! `tens of thousands`, `a thousand`) or a fraction (`one-fifth`, `a third`,
//! `less than half`). Its unit is inside the word (`30-day`, `2,000km`),
//! right after it (`30 days`, `86%`), or after a few adjectives (`two more
//! villages`, `thousands of Ukrainian troops`). Digits stand alone; number
//! words need a unit.

use super::{has, in_set, punct_before, Class, Vocab};
use crate::grammar::Sentence;
use crate::scan::Meaning;
use crate::span::Span;

mod exclude;

use exclude::{age, clock, date, list_marker, not_a_figure, year};

/// A figure found in a sentence, in words of the sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub span: Span,
    pub class: Class,
    /// Its first word (its modifier's, if any).
    pub start: usize,
    /// The number's first word.
    pub number: usize,
    /// One past the figure's last word (its unit's).
    pub end: usize,
    /// A compound adjective (`30-day`): it measures the noun after it.
    pub adjective: bool,
    /// The unit is a short unit of time (`hours`).
    pub short_time: bool,
}

/// A number: its words and what it is.
#[derive(Clone, Copy, Debug)]
struct Number<'a> {
    /// One past its last word (with a range or `and a half`).
    end: usize,
    kind: Kind,
    /// What follows the number inside its last word (`day` of `30-day`).
    rest: &'a str,
    /// The rest is glued to digits (`2,000km`), not hyphenated.
    glued: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Digits,
    Words,
    /// A fraction (`one-fifth`, `a third`, `half`).
    Fraction,
}

/// Find the figures of sentence `s`, into `out`.
pub(crate) fn find(v: &Vocab, s: &Sentence, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < s.len() {
        let w = s.word(i);
        let digit = w.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if !digit && !v.maybe_number(w) {
            i += 1;
            continue;
        }
        match number(v, s, i) {
            Some(n) => {
                if let Some(f) = figure(v, s, i, n) {
                    out.push(f);
                    i = f.end.max(i + 1);
                } else {
                    i = n.end.max(i + 1);
                }
            }
            None => i += 1,
        }
    }
}

/// Lower-case word `i`, or `""` past the end.
fn lw<'a>(s: &Sentence<'a, '_>, i: usize) -> &'a str {
    s.lower_word(i)
}

/// Is word `i` in `set` (`false` past either end)?
fn word_in(s: &Sentence, i: Option<usize>, set: &crate::grammar::WordSet) -> bool {
    i.is_some_and(|i| has(set, s, i))
}

/// Word `i` as written, or `""` past the end.
fn word<'a>(s: &Sentence<'a, '_>, i: usize) -> &'a str {
    if i < s.len() {
        s.word(i)
    } else {
        ""
    }
}

/// The number that starts at word `i`, if one does.
fn number<'a>(v: &Vocab, s: &Sentence<'a, '_>, i: usize) -> Option<Number<'a>> {
    let w = s.word(i);
    let next = word(s, i + 1);
    // `a third`, `one fifth` (not `and a half`), `a thousand`.
    if has(&v.fraction_articles, s, i) {
        if v.maybe_number(next) && has(&v.fractions, s, i + 1) {
            let after_and = i > 0 && lw(s, i - 1) == "and";
            return (!after_and).then_some(Number {
                end: i + 2,
                kind: Kind::Fraction,
                rest: "",
                glued: false,
            });
        }
        let number = has(&v.number_words, s, i);
        if !number && v.maybe_number(next) && has(&v.article_numbers, s, i + 1) {
            return Some(extend(v, s, Number { end: i + 2, kind: Kind::Words, rest: "", glued: false }));
        }
        if !number {
            return None;
        }
    }
    let mut n = head(v, w)?;
    n.end = i + 1;
    if n.kind == Kind::Fraction && n.rest == BARE {
        // `half` alone: a share after a modifier (`more than half`) or
        // before `of` (`half of the region`), not after an article (`the
        // third`) nor before a date (`the first half of 2025`).
        let modified = v.modifiers.ending_before(s, i).is_some();
        let of = lw(s, i + 1) == "of";
        let article = i > 0 && s.words.articles.contains(lw(s, i - 1));
        let dated = of && (year(word(s, i + 2)) || has(&v.months, s, i + 2));
        if !(modified || of) || article || dated {
            return None;
        }
        n.rest = "";
    }
    Some(extend(v, s, n))
}

/// The rest of a fraction word standing alone (`half`).
const BARE: &str = "\u{0}";

/// What word `w` is as the start of a number, with what follows the number
/// inside the word.
fn head<'a>(v: &Vocab, w: &'a str) -> Option<Number<'a>> {
    let b = w.as_bytes();
    if b.first()?.is_ascii_digit() {
        let k = b.iter().take_while(|&&c| c.is_ascii_digit() || c == b',' || c == b'.').count();
        let rest = &w[k..];
        return Some(match rest.strip_prefix('-') {
            // `10-15`: a range in one word; `10-15-day`: with its unit.
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => {
                let k = r.bytes().take_while(|c| c.is_ascii_digit() || *c == b',' || *c == b'.').count();
                Number { end: 0, kind: Kind::Digits, rest: r[k..].trim_start_matches('-'), glued: false }
            }
            Some(r) => Number { end: 0, kind: Kind::Digits, rest: r, glued: false },
            None => Number { end: 0, kind: Kind::Digits, rest, glued: !rest.is_empty() },
        });
    }
    if in_set(&v.fractions, w) {
        return Some(Number { end: 0, kind: Kind::Fraction, rest: BARE, glued: false });
    }
    // Number words, hyphenated: `twenty-five`, `two-to-three-day`,
    // `one-fifth`, `thirty-day`.
    let mut rest = w;
    let mut any = false;
    loop {
        let (part, tail) = match rest.split_once('-') {
            Some((a, t)) => (a, Some(t)),
            None => (rest, None),
        };
        if in_set(&v.number_words, part) {
            any = true;
        } else if any && in_set(&v.fractions, part) {
            return Some(Number { end: 0, kind: Kind::Fraction, rest: tail.unwrap_or(""), glued: false });
        } else if any
            && in_set(&v.range_words, part)
            && tail.is_some_and(|t| in_set(&v.number_words, t.split('-').next().unwrap_or("")))
        {
            // `two-to-three`: go on.
        } else {
            return any.then_some(Number { end: 0, kind: Kind::Words, rest, glued: false });
        }
        match tail {
            Some(t) => rest = t,
            None => return Some(Number { end: 0, kind: Kind::Words, rest: "", glued: false }),
        }
    }
}

/// The words that continue a number: `of thousands` after `tens`, a
/// multiplier (`1.5 billion`), `and a half`, a range (`10 to 15`, `two- to
/// three-day`).
fn extend<'a>(v: &Vocab, s: &Sentence<'a, '_>, mut n: Number<'a>) -> Number<'a> {
    if !n.rest.is_empty() {
        return n;
    }
    let last = n.end - 1;
    if has(&v.counts_of, s, last) && lw(s, n.end) == "of" && word_in(s, Some(n.end + 1), &v.counts_of) {
        n.end += 2;
    }
    if n.kind == Kind::Digits && word_in(s, Some(n.end), &v.multipliers) {
        n.end += 1;
    }
    // `2 1/2 hours`, `3 1/2-year`: a whole number and a fraction.
    if n.kind == Kind::Digits && n.end + 1 < s.len() {
        let (a, b) = (s.sc.words[n.end], s.sc.words[n.end + 1]);
        // (A fraction: one digit over one digit, `1/2`, `3/4`; not a date.)
        let digit = |w: &str| w.len() == 1 && w.as_bytes()[0].is_ascii_digit();
        let den = s.word(n.end + 1);
        let den_digit = den.split('-').next().unwrap_or("");
        if digit(s.word(n.end))
            && s.text[a.end..b.start] == *"/"
            && digit(den_digit)
            && s.word(n.end) < den_digit
            && !s.text[b.end..].starts_with('/')
        {
            n.end += 2;
            let w = s.word(n.end - 1);
            n.rest = w.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches('-');
            return n;
        }
    }
    // `one hundred`, `two thousand`; `two thirds`.
    if n.kind == Kind::Words {
        while n.end < s.len() && has(&v.number_words, s, n.end) && !s.word(n.end).contains('-') {
            n.end += 1;
        }
        if word_in(s, Some(n.end), &v.fractions) {
            n.end += 1;
            n.kind = Kind::Fraction;
            return n;
        }
    }
    if lw(s, n.end) == "and" && lw(s, n.end + 1) == "a" && word_in(s, Some(n.end + 2), &v.fractions) {
        n.end += 3;
        return n;
    }
    // A range: `10 to 15`, `10 or 12`, and a suspended hyphen: `two- to
    // three-day`.
    let suspended = s.text[s.sc.words[n.end - 1].end..].starts_with("- ");
    let range = word_in(s, Some(n.end), &v.range_words) || suspended && lw(s, n.end) == "to";
    if range && n.end + 1 < s.len() && !s.gap(n.end, n.end).contains([',', ';', ':']) {
        if let Some(m) = head(v, s.word(n.end + 1)) {
            if m.kind != Kind::Fraction && m.kind == n.kind {
                n.end += 2;
                n.rest = m.rest;
                n.glued = m.glued;
            }
        }
    }
    n
}

/// The figure that number `n` at word `i` makes, if it makes one.
// (Over 80 lines: the forms a number takes as a figure (unit after it, before it, in a compound, a share), tried in order on shared position tests.)
fn figure(v: &Vocab, s: &Sentence, i: usize, n: Number) -> Option<Found> {
    let text = s.text;
    let at = s.sc.words[i];
    let last = s.sc.words[n.end - 1];
    let prev = i.checked_sub(1);
    let plain = n.kind == Kind::Digits && n.end == i + 1 && n.rest.is_empty();
    if plain && (list_marker(text, at) || clock(v, text, at)) {
        return None;
    }
    if n.kind == Kind::Digits
        && (date(v, s, i) || text[last.end..].starts_with('/') || text[..at.start].ends_with('/'))
    {
        return None;
    }
    // `Air Force One`: a capitalised number word after a label.
    if n.kind == Kind::Words
        && s.word(i).starts_with(char::is_uppercase)
        && prev.is_some_and(|p| has(&v.labels, s, p) && s.word(p).starts_with(char::is_uppercase))
    {
        return None;
    }
    let labelled = prev.is_some_and(|p| has(&v.labels, s, p));
    // Money: `$1.5 billion`.
    if v.currency_signs.iter().any(|c| text[..at.start].ends_with(c.as_str())) {
        return None;
    }
    // The unit: inside the word, `%`, or after it.
    let (class, end, adjective, quote) = if !n.rest.is_empty() {
        let part = n.rest.split('-').next().unwrap_or("");
        let class = unit_word(v, part)??;
        (class, n.end, !n.glued, false)
    } else if text[last.end..].starts_with('%') {
        (Class::Share, n.end, false, false)
    } else {
        match unit_after(v, s, n.end, has(&v.counts_of, s, n.end - 1)) {
            Some((None, _, _)) => return None,
            Some((Some(class), end, quote)) => (class, end, false, quote),
            // A year (`in 2014`) and a label (`Article 5`) are no figures;
            // `2000 kilometres` is one.
            None if plain && (year(s.word(i)) || labelled || age(s, i)) => return None,
            // `1.5 billion`, `6.5 million`: money or people, not a topic's
            // quantity.
            None if n.kind == Kind::Digits
                && n.end > i + 1
                && word_in(s, Some(n.end - 1), &v.multipliers) =>
            {
                return None
            }
            // `19 Patriot batteries`: something else counted.
            None if n.kind == Kind::Digits
                && n.end < s.len()
                && !punct_before(s, n.end, &[',', ';', ':', '.', '"', '\u{201d}', ')', '(', '\u{2014}'])
                && gap_word(v, s, n.end, false) =>
            {
                return None
            }
            None => match n.kind {
                Kind::Digits => (Class::Bare, n.end, false, false),
                Kind::Fraction => (Class::Share, n.end, false, false),
                Kind::Words => return None,
            },
        }
    };
    // `met five times`: occurrences count as figures only in digits.
    if n.kind != Kind::Digits && end > 0 && has(&v.frequency_units, s, end - 1) {
        return None;
    }
    // `one region`: a single thing counted is no figure.
    if class == Class::Count && n.kind == Kind::Words && n.end == i + 1 && has(&v.fraction_articles, s, i) {
        return None;
    }
    // A fraction after an article is a share only before `of` or at the end
    // of a phrase (`a third of the land`, not `a third round`, nor `a
    // quarter of a million`).
    if n.kind == Kind::Fraction && n.rest.is_empty() && n.end >= i + 2 {
        let of = lw(s, n.end) == "of";
        let ends = n.end >= s.len() || s.gap(n.end, n.end).contains([',', ';', ':', '.', '(', ')']);
        let of_number = of && (has(&v.number_words, s, n.end + 1) || lw(s, n.end + 1) == "a");
        if !(of || ends) || of_number {
            return None;
        }
    }
    if n.kind == Kind::Fraction && lw(s, n.end) == "of" && lw(s, n.end + 1) == "a" {
        return None;
    }
    // The modifier (not of a compound adjective: `talked about 30-day
    // truces`).
    let start = if adjective { i } else { i - v.modifiers.ending_before(s, i).unwrap_or(0) };
    let short_time = class == Class::Time && short_time(v, s, n, end);
    let f = Found { span: Span::default(), class, start, number: i, end, adjective, short_time };
    if not_a_figure(v, s, &f) {
        return None;
    }
    // The span: from the modifier to the unit, with a `%` sign; a closing
    // quote between the number and its unit ends it.
    let mut span_end = if quote { last.end } else { s.sc.words[end - 1].end };
    if text[span_end..].starts_with('%') {
        span_end += 1;
    }
    let span = Span::new(s.sc.words[start].start, span_end.min(s.seg.span.end));
    Some(Found { span, ..f })
}

/// The class of a unit written inside a word (`day` of `30-day`): `None` for
/// no unit, `Some(None)` for a word that makes the number no figure.
fn unit_word(v: &Vocab, part: &str) -> Option<Option<Class>> {
    v.units.iter().find(|(p, _)| p.word(part)).map(|(_, c)| *c)
}

/// Is the figure's time unit a short one (`hours`)?
fn short_time(v: &Vocab, s: &Sentence, n: Number, end: usize) -> bool {
    if !n.rest.is_empty() {
        return in_set(&v.short_time_units, n.rest.split('-').next().unwrap_or(""));
    }
    end > 0 && has(&v.short_time_units, s, end - 1)
}

/// The unit after a number that ends before word `end`: its class (`None`
/// for a word that makes the number no figure), one past its last word, and
/// whether a closing quote stands between. The unit may follow directly,
/// after up to three adjectives (`two more villages`, `about 11,000 North
/// Korean troops`), or, after a count word, after `of` (`tens of thousands
/// of Russian and North Korean soldiers`).
fn unit_after(v: &Vocab, s: &Sentence, end: usize, count: bool) -> Option<(Option<Class>, usize, bool)> {
    let max_gap = if count { 6 } else { 3 };
    let mut quote = false;
    for gap in 0..=max_gap {
        let p = end + gap;
        if p >= s.len() {
            return None;
        }
        let between = s.gap(p, p);
        if between.contains(['\u{201d}', '"', '\u{2019}']) {
            quote = true;
        }
        if !between
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '\u{201d}' | '"' | '\u{2019}' | '.'))
            || between.contains('.') && gap > 0
        {
            return None;
        }
        for (phrases, class) in &v.units {
            if let Some(k) = phrases.at(s, p) {
                return Some((*class, p + k, quote));
            }
        }
        if !gap_word(v, s, p, count && gap == 0) {
            return None;
        }
    }
    None
}

/// May word `p` stand between a number and its unit: an adjective or a
/// proper name (`more`, `nearby`, `North Korean`), or `of` after a count?
fn gap_word(v: &Vocab, s: &Sentence, p: usize, of_ok: bool) -> bool {
    let w = s.word(p);
    let l = lw(s, p);
    if of_ok && l == "of" {
        return true;
    }
    if !w.chars().all(|c| c.is_alphabetic() || c == '-') || in_set(&v.number_words, w) {
        return false;
    }
    if l == "and" {
        return word(s, p + 1).starts_with(char::is_uppercase)
            && p > 0
            && s.word(p - 1).starts_with(char::is_uppercase);
    }
    let g = s.words;
    !(g.articles.contains(l)
        || g.determiners.contains(l)
        || g.possessive_pronouns.contains(l)
        || g.that.contains(l)
        || g.clause_openers.contains(l)
        || g.passive_auxiliaries.contains(l)
        || v.auxiliaries.contains(l)
        || g.adverb_endings.end(l)
        || s.cue_at(p).is_some_and(|ms| {
            ms.iter().any(|m| {
                matches!(
                    m,
                    Meaning::Preposition
                        | Meaning::Speech
                        | Meaning::Verb
                        | Meaning::Pronoun(..)
                        | Meaning::Negator
                )
            })
        }))
}
