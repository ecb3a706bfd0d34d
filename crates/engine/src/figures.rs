//! Figures: numeric claims with their modifier and unit.
//!
//! A figure is a number (digits with separators, a number word, a fraction
//! such as `one-fifth`, a compound such as `30-day`) together with a
//! modifier before it (`nearly`, `less than`) and a unit after it (`sq. km`,
//! `days`, `troops`). Dates and years are not figures.

use crate::span::Span;

/// A figure found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: Span,
}

/// Number words (`a` is one only before a fraction: `a third`).
fn is_number_word(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(b) = buf.get_mut(..word.len()) else { return false };
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    matches!(
        &*b,
        b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"fifteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"hundred"
            | b"hundreds"
            | b"thousand"
            | b"thousands"
            | b"million"
            | b"millions"
            | b"dozen"
            | b"dozens"
            | b"half"
    )
}
const FRACTIONS: &[&str] =
    &["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "tenth", "tenths"];
const MODIFIERS: &[&[&str]] = &[
    &["less", "than"],
    &["more", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["up", "to"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["some"],
    &["over"],
    &["under"],
    &["just"],
    &["only"],
    &["barely"],
    &["exactly"],
    &["an", "estimated"],
];
const UNITS: &[&[&str]] = &[
    &["sq", "km"],
    &["square", "kilometres"],
    &["square", "kilometers"],
    &["square", "miles"],
    &["km"],
    &["kilometres"],
    &["kilometers"],
    &["miles"],
    &["days"],
    &["day"],
    &["hours"],
    &["weeks"],
    &["months"],
    &["years"],
    &["percent"],
    &["per", "cent"],
    &["troops"],
    &["soldiers"],
    &["servicemen"],
    &["regions"],
    &["oblasts"],
    &["provinces"],
    &["villages"],
    &["settlements"],
    &["towns"],
    &["people"],
    &["civilians"],
    &["prisoners"],
    &["drones"],
    &["missiles"],
    &["points"],
    &["hectares"],
    &["billion"],
    &["million"],
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Is word `w` of `text` one of `list` (ASCII case-insensitive)?
fn word_in(text: &str, w: Option<&Span>, list: &[&str]) -> bool {
    w.is_some_and(|w| one_of(&text[w.range()], list))
}

fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|l| word.eq_ignore_ascii_case(l))
}

fn matches_seq(text: &str, words: &[Span], at: usize, seq: &[&str]) -> bool {
    seq.iter()
        .enumerate()
        .all(|(k, s)| words.get(at + k).is_some_and(|w| text[w.range()].eq_ignore_ascii_case(s)))
}

fn is_digits(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// Figures in one sentence, given its word tokens.
pub(crate) fn find(text: &str, sentence: Span, words: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &text[words[i].range()];
        let (head, compound) = match w.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (w, None),
        };
        let digits = is_digits(head);
        let is_a = head.eq_ignore_ascii_case("a");
        let word_number = is_number_word(head);
        let fraction = compound.is_some_and(|c| one_of(c, FRACTIONS))
            || (is_a || head.eq_ignore_ascii_case("one")) && word_in(text, words.get(i + 1), FRACTIONS);
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
        if digits && (one_of(next, MONTHS) || one_of(prev, MONTHS)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if fraction && compound.is_none() {
            end = i + 2;
        }
        // Ranges: `10 to 15`, `10-15` is one word already.
        if (next.eq_ignore_ascii_case("to") || next.eq_ignore_ascii_case("or"))
            && words.get(i + 2).is_some_and(|n| is_digits(&text[n.range()]))
        {
            end = i + 3;
        }
        let mut has_unit = compound.is_some() && !fraction;
        if !has_unit && !fraction {
            // The unit may follow directly, after one adjective (`four
            // mainland regions`), or after `of` (`thousands of Ukrainian troops`).
            let gaps: &[usize] = if one_of(head, &["thousands", "hundreds", "dozens", "millions"]) {
                &[0, 1, 2]
            } else {
                &[0, 1]
            };
            'find: for &gap in gaps {
                for u in UNITS {
                    if matches_seq(text, words, end + gap, u) {
                        end += gap + u.len();
                        has_unit = true;
                        break 'find;
                    }
                }
            }
            if !has_unit && text[words[end - 1].end..].starts_with('%') {
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
        for m in MODIFIERS.iter().filter(|_| !adjective) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn figs(text: &str) -> Vec<&str> {
        let span = Span::new(0, text.len());
        find(text, span, &words(text, span)).into_iter().map(|f| &text[f.span.range()]).collect()
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
