//! Dates in header lines: a line that is a date (`Published 13 March
//! 2025`, `Updated: 2025-03-13 10:42`) and the date forms news text writes
//! (`2025-03-13`, `13.03.2025`, `13 March 2025`, `March 13, 2025`,
//! `Aug. 14`, `13th March`), with the profile's month names.

use super::{strip_word_ci, Date, DateKind, Detector};

impl Detector<'_> {
    /// A line that is a date: `[label[:]] [weekday[,]] DATE [rest]`, where
    /// the rest is empty, a time or starts with a separator.
    pub(super) fn date_line(&self, line: &str) -> Option<(Date, DateKind)> {
        let mut rest = line.trim();
        let mut kind = DateKind::Published;
        let labels = self.w.updated.iter().map(|l| (l, DateKind::Updated));
        let labels = labels.chain(self.w.published.iter().map(|l| (l, DateKind::Published)));
        // The longest label first (`last updated` before `updated`).
        let mut best: Option<(&str, DateKind)> = None;
        for (label, k) in labels {
            if let Some(r) = strip_word_ci(rest, label) {
                if best.is_none_or(|(b, _)| r.len() < b.len()) {
                    best = Some((r, k));
                }
            }
        }
        if let Some((r, k)) = best {
            kind = k;
            rest = r.trim_start();
            rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
            rest = strip_word_ci(rest, "on").unwrap_or(rest).trim_start();
        }
        for day in &self.w.weekdays {
            if let Some(r) = strip_word_ci(rest, day) {
                let r = r.strip_prefix('.').unwrap_or(r);
                rest = r.strip_prefix(',').unwrap_or(r).trim_start();
                break;
            }
        }
        let (date, n) = self.parse_date(rest)?;
        let mut after = rest[n..].trim_start();
        for w in &self.w.year_words {
            if date.year.is_some() {
                if let Some(r) = strip_word_ci(after, w) {
                    after = r.trim_start();
                    break;
                }
            }
        }
        let ok = after.is_empty()
            || after.starts_with([',', '|', '—', '–', '-', '·', '•', '/', '('])
            || after.starts_with(|c: char| c.is_ascii_digit()) && after.contains(':');
        ok.then_some((date, kind))
    }

    /// A date at the start of `s`, and the bytes it takes: `2025-03-13`,
    /// `13.03.2025`, `13 March 2025`, `13 March`, `March 13, 2025`,
    /// `March 13`, `Aug. 14`, `13th March`.
    pub(super) fn parse_date(&self, s: &str) -> Option<(Date, usize)> {
        let b = s.as_bytes();
        let digits = |from: usize| b[from.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
        let n0 = digits(0);
        // ISO 8601.
        if n0 == 4 && b.get(4) == Some(&b'-') && digits(5) == 2 && b.get(7) == Some(&b'-') && digits(8) == 2 {
            let d = s[..10].parse::<Date>().ok()?;
            return ends_word(s, 10).then_some((d, 10));
        }
        // 13.03.2025
        if (1..=2).contains(&n0) && b.get(n0) == Some(&b'.') {
            let m = digits(n0 + 1);
            if (1..=2).contains(&m) && b.get(n0 + 1 + m) == Some(&b'.') && digits(n0 + 2 + m) == 4 {
                let end = n0 + 2 + m + 4;
                let d = Date::new(
                    s[n0 + 2 + m..end].parse().ok(),
                    s[n0 + 1..n0 + 1 + m].parse().ok()?,
                    s[..n0].parse().ok()?,
                )?;
                return ends_word(s, end).then_some((d, end));
            }
        }
        // 13 March [2025]
        if (1..=2).contains(&n0) {
            let day: u8 = s[..n0].parse().ok()?;
            let mut at = n0 + ordinal_suffix(&s[n0..]);
            let after = &s[at..];
            let gap = after.len() - after.trim_start().len();
            if gap == 0 {
                return None;
            }
            at += gap;
            let (month, n) = self.month(&s[at..])?;
            at += n;
            let (year, n) = year_after(&s[at..], false);
            let d = Date::new(year, month, day)?;
            return Some((d, at + n));
        }
        // March 13[, 2025]
        let (month, mut at) = self.month(s)?;
        let after = &s[at..];
        let gap = after.len() - after.trim_start().len();
        if gap == 0 {
            return None;
        }
        at += gap;
        let n = digits(at);
        if !(1..=2).contains(&n) {
            return None;
        }
        let day: u8 = s[at..at + n].parse().ok()?;
        at += n;
        at += ordinal_suffix(&s[at..]);
        if !ends_word(s, at) || s[at..].starts_with(':') {
            return None;
        }
        let (year, n) = year_after(&s[at..], true);
        let d = Date::new(year, month, day)?;
        Some((d, at + n))
    }

    /// A month name at the start of `s` (a trailing full stop of an
    /// abbreviation included): its number and the bytes it takes.
    fn month(&self, s: &str) -> Option<(u8, usize)> {
        let word_len = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
        if word_len == 0 {
            return None;
        }
        let word = s[..word_len].to_lowercase();
        let m = self.months.iter().position(|names| names.contains(&word))?;
        let n = if s[word_len..].starts_with('.') { word_len + 1 } else { word_len };
        Some((m as u8 + 1, n))
    }
}

/// `st`, `nd`, `rd`, `th` after a day number.
fn ordinal_suffix(s: &str) -> usize {
    for suf in ["st", "nd", "rd", "th"] {
        if s.get(..2).is_some_and(|h| h.eq_ignore_ascii_case(suf)) && ends_word(s, 2) {
            return 2;
        }
    }
    0
}

/// Does a word end at byte `at` of `s`?
fn ends_word(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// A four-digit year after a date (`, 2025` when `comma` allows it, or ` 2025`).
fn year_after(s: &str, comma: bool) -> (Option<u16>, usize) {
    let t = if comma { s.strip_prefix(',').unwrap_or(s) } else { s };
    let gap = t.len() - t.trim_start().len();
    if gap == 0 {
        return (None, 0);
    }
    let t2 = &t[gap..];
    let n = t2.bytes().take_while(u8::is_ascii_digit).count();
    if n == 4 && ends_word(t2, 4) {
        let y: u16 = t2[..4].parse().unwrap_or(0);
        if (1900..=2100).contains(&y) {
            return (Some(y), s.len() - t2.len() + 4);
        }
    }
    (None, 0)
}
