//! An article's title, outlet and date, read from its first lines.
//!
//! Comparing articles needs to name them (the title), say whose they are
//! (the outlet) and put them in order (the date). [`ArticleMeta::detect`]
//! reads them from the forms news text gives them in: a headline, a
//! dateline (`MOSCOW, March 13 (Reuters) -`, `KYIV (AP) —`, `WASHINGTON,
//! 14 March 2025 /TASS/.`), a byline (`By Jane Doe, Reuters`) or a date
//! line (`Published 13 March 2025`, `Updated: 2025-03-13 10:42`,
//! `Thursday, 13 March 2025, 22:40`). It is conservative: an outlet comes
//! only from a dateline's `(Outlet)` or `/Outlet/`, or from a byline or a
//! dateline naming an outlet of the profile's list; a date only from a
//! line that is a date (or a dateline), never from a sentence that
//! mentions one. The words (months, weekdays, labels, outlets) are the
//! profile's `lexicon.meta`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::profile::{MetaWords, Profile};

/// How many non-empty lines from the top are read for a byline, dateline
/// or date line.
const HEADER_LINES: usize = 12;

/// The longest line read as a byline or a date line, in bytes.
const SHORT_LINE: usize = 300;

/// The longest title kept, in characters; a longer first sentence is cut
/// at a word boundary and ends with `…`.
const TITLE_CHARS: usize = 120;

/// A calendar date, perhaps without a year (`March 13` in a dateline).
///
/// Written as ISO 8601 `YYYY-MM-DD`, or `--MM-DD` when the year is not
/// known (the truncated form of ISO 8601:2000 and vCard). Ordered by year
/// (unknown first), month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: Option<u16>,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it exists (February 29 only in leap years, or without a
    /// year); years 1000 to 9999.
    pub fn new(year: Option<u16>, month: u8, day: u8) -> Option<Date> {
        if year.is_some_and(|y| !(1000..=9999).contains(&y)) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = year.is_none_or(|y| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date { year, month, day })
    }

    /// The year, when the text gives one.
    pub fn year(self) -> Option<u16> {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The same day in `year`.
    pub fn with_year(self, year: u16) -> Option<Date> {
        Date::new(Some(year), self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// Why a date was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    input: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date; write YYYY-MM-DD (2025-03-13), or --MM-DD when the year is not known",
            self.input
        )
    }
}

impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;

    /// `YYYY-MM-DD` or `--MM-DD`.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError { input: s.chars().take(40).collect() };
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit())).then(|| part.parse().ok())?
        };
        let (year, rest) = match b.len() {
            10 if b[4] == b'-' && b[7] == b'-' => (Some(num(0..4).ok_or_else(err)?), 5),
            7 if b.starts_with(b"--") && b[4] == b'-' => (None, 2),
            _ => return Err(err()),
        };
        let month = num(rest..rest + 2).ok_or_else(err)?;
        let day = num(rest + 3..rest + 5).ok_or_else(err)?;
        Date::new(year, month as u8, day as u8).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What names an article in a comparison: its title, and its outlet and
/// date when known. Detected with [`ArticleMeta::detect`]; every field may
/// be set by the caller instead.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The headline (the first line when it looks like one), else the
    /// first sentence, cut to 120 characters. Empty for an empty text.
    pub title: String,
    /// The news outlet (`Reuters`), when a dateline or byline names it.
    pub outlet: Option<String>,
    /// The publication date (else the last update's), when a dateline or
    /// a date line gives it.
    pub date: Option<Date>,
}

impl ArticleMeta {
    /// Read the title, outlet and date from the first lines of `text`,
    /// with the profile's month names, labels and outlets.
    ///
    /// ```
    /// use factgrid_engine::{ArticleMeta, Profile};
    ///
    /// let text = "Putin backs truce in principle\n\
    ///             MOSCOW, March 13 (Reuters) - Russian President Vladimir Putin said…";
    /// let meta = ArticleMeta::detect(text, &Profile::default_profile());
    /// assert_eq!(meta.title, "Putin backs truce in principle");
    /// assert_eq!(meta.outlet.as_deref(), Some("Reuters"));
    /// assert_eq!(meta.date.unwrap().to_string(), "--03-13"); // no year in the dateline
    /// ```
    pub fn detect(text: &str, profile: &Profile) -> ArticleMeta {
        let w = &profile.lexicon.meta;
        Detector { w, months: w.month_names() }.detect(text)
    }
}

/// The kind of date a line gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateKind {
    Published,
    Updated,
}

struct Detector<'a> {
    w: &'a MetaWords,
    /// Each month's names in lower case, January first.
    months: Vec<Vec<String>>,
}

/// What one header line says.
#[derive(Default)]
struct LineFacts {
    outlet: Option<String>,
    date: Option<(Date, DateKind)>,
    /// The line is a dateline, byline or date line, not a headline; the
    /// text after a dateline (the first sentence) is in `body`.
    header: bool,
    body: Option<usize>,
}

impl Detector<'_> {
    fn detect(&self, text: &str) -> ArticleMeta {
        let lines: Vec<&str> =
            text.lines().map(clean_line).filter(|l| !l.is_empty()).take(HEADER_LINES).collect();
        let mut outlet = None;
        let mut published = None;
        let mut updated = None;
        let mut title = None;
        for line in &lines {
            let facts = self.line(line);
            if outlet.is_none() {
                outlet = facts.outlet;
            }
            match facts.date {
                Some((d, DateKind::Published)) if published.is_none() => published = Some(d),
                Some((d, DateKind::Updated)) if updated.is_none() => updated = Some(d),
                _ => {}
            }
            if title.is_none() {
                if let Some(at) = facts.body {
                    title = Some(first_sentence(&line[at..]));
                } else if !facts.header {
                    title = Some(if looks_like_headline(line) {
                        cut(line, TITLE_CHARS)
                    } else {
                        first_sentence(line)
                    });
                }
            }
        }
        ArticleMeta { title: title.unwrap_or_default(), outlet, date: published.or(updated) }
    }

    fn line(&self, line: &str) -> LineFacts {
        // A byline or a name before a date is short; a dateline runs into
        // the text after it.
        let short = line.len() <= SHORT_LINE;
        if let Some(f) = short.then(|| self.byline(line)).flatten() {
            return f;
        }
        if let Some(f) = self.dateline(line) {
            return f;
        }
        if let Some(date) = self.date_line(line) {
            return LineFacts { date: Some(date), header: true, ..LineFacts::default() };
        }
        // `Iryna Kovalchuk — 21 November 2025, 21:40`: a name, then a date line.
        if let Some((name, rest)) = short.then(|| split_once_any(line, &[" — ", " – ", " | "])).flatten()
        {
            if is_name(name) {
                if let Some(date) = self.date_line(rest) {
                    return LineFacts { date: Some(date), header: true, ..LineFacts::default() };
                }
            }
        }
        LineFacts::default()
    }

    /// `By Jane Doe, Reuters`, `By Reuters Staff`, `By Jane Doe | 13 March 2025`.
    fn byline(&self, line: &str) -> Option<LineFacts> {
        let rest = self.w.byline.iter().find_map(|b| strip_word_ci(line, b))?;
        let rest = rest.trim_start();
        if !rest.starts_with(char::is_uppercase) {
            return None; // "by the way", "by 2027"
        }
        let mut facts = LineFacts { header: true, ..LineFacts::default() };
        let segments: Vec<&str> = split_all(rest, &[",", "|", " — ", " – ", " - ", "(", ")", ";", "/"]);
        for (i, seg) in segments.iter().enumerate() {
            let seg = seg.trim();
            if seg.is_empty() {
                continue;
            }
            if facts.outlet.is_none() {
                let name = if i == 0 { strip_staff(seg) } else { seg };
                facts.outlet = self.known_outlet(name);
            }
            if facts.date.is_none() {
                facts.date = self.date_line(seg);
            }
        }
        // The whole of `Radio Free Europe/Radio Liberty` (split above at `/`).
        if facts.outlet.is_none() {
            facts.outlet = rest.split([',', '|', '(']).find_map(|s| self.known_outlet(strip_staff(s.trim())));
        }
        Some(facts)
    }

    /// `MOSCOW, March 13 (Reuters) -`, `KYIV (AP) —`, `WASHINGTON, 14 March
    /// 2025 /TASS/.`, `June 3 (Reuters) -`, `МОСКВА, 14 марта — РИА Новости.`
    fn dateline(&self, line: &str) -> Option<LineFacts> {
        let mut at = 0;
        let city_end = city(line);
        let has_city = city_end > 0;
        at += city_end;
        // `KYIV, Ukraine (AP) —`: a country after the city.
        if has_city {
            if let Some(rest) = line[at..].strip_prefix(", ") {
                let place = place_words(rest);
                if place > 0 && self.parse_date(rest).is_none() {
                    let after = rest[place..].trim_start();
                    if after.starts_with(['(', '/', ',', '-', '–', '—']) {
                        at += 2 + place;
                    }
                }
            }
        }
        let mut date = None;
        {
            let rest = &line[at..];
            let (skip, rest) = match rest.strip_prefix(", ") {
                Some(r) if has_city => (2, r),
                _ if !has_city => (0, rest),
                _ => (0, ""),
            };
            if let Some((d, n)) = self.parse_date(rest) {
                date = Some(d);
                at += skip + n;
            }
        }
        let mut outlet = None;
        let rest = &line[at..];
        let trimmed = rest.trim_start();
        let mut slash_form = false;
        if let Some((name, n)) = bracketed(trimmed) {
            if self.parse_date(name).is_none() {
                outlet = Some(name.to_string());
                slash_form = trimmed.starts_with('/');
                at += rest.len() - trimmed.len() + n;
            }
        }
        if !has_city && date.is_none() && outlet.is_none() {
            return None;
        }
        if !has_city && outlet.is_none() && at == 0 {
            return None;
        }
        // The dash (or a TASS-style full stop) that ends the dateline.
        let rest = line[at..].trim_start();
        let dash = ["--", "—", "–", "-"].iter().find(|d| rest.starts_with(**d)).map(|d| d.len());
        let stop = (slash_form || date.is_some()) && rest.starts_with('.');
        let n = match (dash, stop) {
            (Some(n), _) => n,
            (None, true) => 1,
            _ if rest.is_empty() && (outlet.is_some() || date.is_some()) && has_city => 0,
            _ => return None,
        };
        if !rest[n..].is_empty() && !rest[n..].starts_with(char::is_whitespace) {
            return None;
        }
        let mut body = line.len() - rest.len() + n;
        // `МОСКВА, 14 марта — РИА Новости. Text…`: a listed outlet after the dash.
        if outlet.is_none() && dash.is_some() {
            let after = line[body..].trim_start();
            if let Some((name, _)) = after.split_once(". ") {
                if let Some(o) = self.known_outlet(name) {
                    outlet = Some(o);
                    body = line.len() - after.len() + name.len() + 1;
                }
            }
        }
        let body = line[body..].trim_start();
        // A place alone (`WASHINGTON — For a few days…`) makes a dateline
        // only when it is short and a sentence follows: not an upper-case
        // headline (`PUTIN BACKS TRUCE - REPORT`).
        if outlet.is_none()
            && date.is_none()
            && (line[..city_end].split(' ').count() > 2 || body.split_whitespace().count() < 4)
        {
            return None;
        }
        Some(LineFacts {
            outlet,
            date: date.map(|d| (d, DateKind::Published)),
            header: true,
            body: (!body.is_empty()).then(|| line.len() - body.len()),
        })
    }

    /// A line that is a date: `[label[:]] [weekday[,]] DATE [rest]`, where
    /// the rest is empty, a time or starts with a separator.
    fn date_line(&self, line: &str) -> Option<(Date, DateKind)> {
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
    fn parse_date(&self, s: &str) -> Option<(Date, usize)> {
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

    /// `name` if it is one of the profile's outlets (as the list writes it).
    fn known_outlet(&self, name: &str) -> Option<String> {
        let name = name.trim().trim_end_matches('.');
        if name.is_empty() {
            return None;
        }
        self.w
            .outlets
            .iter()
            .find(|o| o.eq_ignore_ascii_case(name) || o.to_lowercase() == name.to_lowercase())
            .cloned()
    }
}

/// A line without Markdown heading and emphasis markers around it.
fn clean_line(line: &str) -> &str {
    let line = line.trim();
    let line = line.trim_start_matches('#').trim_start();
    let line = line.trim_matches(|c| c == '*' || c == '_').trim();
    line
}

/// The bytes of an upper-case place name at the start of `line` (`MOSCOW`,
/// `NEW YORK`, `ST. PETERSBURG`, `МОСКВА`): up to four words of two or
/// more letters, every letter upper case.
fn city(line: &str) -> usize {
    let mut end = 0;
    let mut words = 0;
    let mut at = 0;
    while words < 4 {
        let rest = &line[at..];
        let w = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '/')))
            .unwrap_or(rest.len());
        let word = &rest[..w];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || word.chars().any(|c| c.is_alphabetic() && !c.is_uppercase()) {
            break;
        }
        words += 1;
        end = at + w;
        if rest[w..].starts_with(' ') && rest[w + 1..].starts_with(|c: char| c.is_uppercase()) {
            at += w + 1;
        } else {
            break;
        }
    }
    end
}

/// The bytes of one to three capitalised words at the start of `s` (`Ukraine`, `South Korea`).
fn place_words(s: &str) -> usize {
    let mut end = 0;
    let mut at = 0;
    for _ in 0..3 {
        let rest = &s[at..];
        if !rest.starts_with(char::is_uppercase) {
            break;
        }
        let w = rest.find(|c: char| !(c.is_alphabetic() || c == '.' || c == '-')).unwrap_or(rest.len());
        end = at + w;
        if rest[w..].starts_with(' ') {
            at += w + 1;
        } else {
            break;
        }
    }
    end
}

/// `(Reuters)` or `/TASS/` at the start of `s`: the name and the bytes taken.
/// The name is one to five words, starts with a letter and holds no
/// sentence punctuation.
fn bracketed(s: &str) -> Option<(&str, usize)> {
    let close = match s.chars().next()? {
        '(' => ')',
        '/' => '/',
        _ => return None,
    };
    let end = s[1..].find(close)? + 1;
    let name = s[1..end].trim();
    let ok = name.chars().next().is_some_and(char::is_uppercase)
        && name.len() <= 60
        && !name.contains(|c: char| c.is_ascii_digit())
        && name.split_whitespace().count() <= 5
        && !name.contains(['.', ',', ';', ':', '!', '?', '"', '(', ')'])
        && name.chars().any(char::is_uppercase);
    ok.then_some((name, end + 1))
}

/// `s` without the word `word` at its start (any case), if it starts with it.
fn strip_word_ci<'s>(s: &'s str, word: &str) -> Option<&'s str> {
    let n = word.len();
    let head = s.get(..n)?;
    let same = head.eq_ignore_ascii_case(word) || head.to_lowercase() == word.to_lowercase();
    (same && s[n..].chars().next().is_none_or(|c| !c.is_alphanumeric())).then(|| &s[n..])
}

/// `Reuters Staff` → `Reuters`.
fn strip_staff(s: &str) -> &str {
    for staff in [" staff", " Staff", " STAFF"] {
        if let Some(r) = s.strip_suffix(staff) {
            return r;
        }
    }
    s
}

fn split_once_any<'s>(s: &'s str, seps: &[&str]) -> Option<(&'s str, &'s str)> {
    seps.iter()
        .filter_map(|sep| s.find(sep).map(|i| (i, sep.len())))
        .min()
        .map(|(i, n)| (&s[..i], &s[i + n..]))
}

fn split_all<'s>(s: &'s str, seps: &[&str]) -> Vec<&'s str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some((a, b)) = split_once_any(rest, seps) {
        out.push(a);
        rest = b;
    }
    out.push(rest);
    out
}

/// A person's name: one to four words, each capitalised (`Iryna Kovalchuk`).
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
        })
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

/// Does the line read as a headline: short, and not ending as a sentence?
fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_sentence = line.ends_with('.') && !line.ends_with("...");
    words <= 30 && line.chars().count() <= 250 && !ends_sentence
}

/// The first sentence of `s`, cut to [`TITLE_CHARS`].
fn first_sentence(s: &str) -> String {
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        if matches!(c, '.' | '?' | '!') {
            let next = &s[i + c.len_utf8()..];
            let before = s[..i].rsplit(' ').next().unwrap_or("");
            // Not after an initial or a short abbreviation (`U.S.`, `Mr.`).
            let abbreviation = c == '.' && (before.len() <= 2 || before.contains('.'));
            if (next.is_empty() || next.starts_with(' ')) && !abbreviation {
                end = i + c.len_utf8();
                break;
            }
        }
    }
    cut(s[..end].trim(), TITLE_CHARS)
}

/// `s` cut to at most `max` characters at a word boundary, with `…`.
fn cut(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let limit = s.char_indices().nth(max - 1).map_or(s.len(), |(i, _)| i);
    let head = &s[..limit];
    let head = match head.rfind(' ') {
        Some(i) if i > max / 2 => &head[..i],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ', '—', '–', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(text: &str) -> ArticleMeta {
        ArticleMeta::detect(text, &Profile::default_profile())
    }

    fn date(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn dates_print_and_parse_in_iso_form() {
        assert_eq!(Date::new(Some(2025), 3, 13).unwrap().to_string(), "2025-03-13");
        assert_eq!(Date::new(None, 3, 13).unwrap().to_string(), "--03-13");
        assert_eq!("2025-03-13".parse::<Date>().unwrap(), Date::new(Some(2025), 3, 13).unwrap());
        assert_eq!("--02-29".parse::<Date>().unwrap(), Date::new(None, 2, 29).unwrap());
        for bad in
            ["2025-02-29", "2025-13-01", "2025-3-13", "13.03.2025", "", "--13-01", "2025-03-1x", "२०२५-03-13"]
        {
            assert!(bad.parse::<Date>().is_err(), "{bad:?}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok(), "a leap year");
        let err = "March 13".parse::<Date>().unwrap_err().to_string();
        assert!(err.contains("YYYY-MM-DD"), "{err}");
        assert!(Date::new(None, 3, 13) < Date::new(Some(1000), 1, 1), "no year sorts first");
    }

    /// (text, title, outlet, date) for the forms news text gives them in.
    #[test]
    fn titles_outlets_and_dates_from_the_first_lines() {
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "Putin backs truce\nBy Wire Staff\nMOSCOW, March 13 (Reuters) - Putin said on Thursday that…",
                "Putin backs truce",
                Some("Reuters"),
                Some("--03-13"),
            ),
            (
                "KYIV (AP) — Ukraine's president said on Friday that Kyiv would accept the truce. More text.",
                "Ukraine's president said on Friday that Kyiv would accept the truce.",
                Some("AP"),
                None,
            ),
            (
                "WASHINGTON, 14 March 2025 /TASS/. The US envoy arrived in Moscow.",
                "The US envoy arrived in Moscow.",
                Some("TASS"),
                Some("2025-03-14"),
            ),
            ("Truce talk\nBy Jane Doe, Reuters\nText.", "Truce talk", Some("Reuters"), None),
            ("Truce talk\nBy Jane Doe, Diplomatic Correspondent\nText.", "Truce talk", None, None),
            ("Truce talk\nBy Reuters Staff\nText.", "Truce talk", Some("Reuters"), None),
            ("Truce talk\nPublished 13 March 2025\nText.", "Truce talk", None, Some("2025-03-13")),
            ("Truce talk\nUpdated: 2025-03-13 10:42\nText.", "Truce talk", None, Some("2025-03-13")),
            (
                "Truce talk\nUpdated: 2025-03-14 10:42\nPublished: 13 March 2025\nText.",
                "Truce talk",
                None,
                Some("2025-03-13"),
            ),
            (
                "Zelenskyy speaks\nThursday, 13 March 2025, 22:40\nText.",
                "Zelenskyy speaks",
                None,
                Some("2025-03-13"),
            ),
            ("One call\nWednesday 19 March 2025\nText.", "One call", None, Some("2025-03-19")),
            (
                "Brief\nWednesday 20 August 2025 | Our weekly newsletter\nText.",
                "Brief",
                None,
                Some("2025-08-20"),
            ),
            ("Assessment\nMarch 13, 2025, 7:30pm ET\nText.", "Assessment", None, Some("2025-03-13")),
            (
                "Dignity\nIryna Kovalchuk — 21 November 2025, 21:40\nUpdated: 25 November 2025, 11:05\nText.",
                "Dignity",
                None,
                Some("2025-11-21"),
            ),
            (
                "Putin on the truce\nBISHKEK, November 27 /RNA/ — The proposals could form the basis.",
                "Putin on the truce",
                Some("RNA"),
                Some("--11-27"),
            ),
            ("Talks\nMOSCOW, Aug. 14 (Wire) -- Putin said.", "Talks", Some("Wire"), Some("--08-14")),
            ("Demands\nJune 3 (Reuters) - Delegations met.", "Demands", Some("Reuters"), Some("--06-03")),
            ("Sanctions\nPARIS, 27 March — Leaders met.", "Sanctions", None, Some("--03-27")),
            ("Latest\nISTANBUL (AP) — Delegations met.", "Latest", Some("AP"), None),
            ("Analysis\nWASHINGTON — For a few days this month it looked different.", "Analysis", None, None),
            ("Kyiv talks\n25.03.2025 22:47\nText.", "Kyiv talks", None, Some("2025-03-25")),
            ("PUTIN BACKS TRUCE - REPORT\nText.", "PUTIN BACKS TRUCE - REPORT", None, None),
            ("# Truce talk\n\n_By Jane Doe, Reuters_\nText.", "Truce talk", Some("Reuters"), None),
            ("KYIV, Ukraine (AP) — Text here.", "Text here.", Some("AP"), None),
        ];
        for &(text, title, outlet, d) in cases {
            let m = detect(text);
            assert_eq!(m.title, title, "title of {text:?}");
            assert_eq!(m.outlet.as_deref(), outlet, "outlet of {text:?}");
            assert_eq!(m.date, d.and_then(date), "date of {text:?}");
        }
    }

    /// Better no outlet or date than a wrong one.
    #[test]
    fn sentences_that_mention_dates_or_outlets_give_none() {
        let cases = [
            "Russian Offensive Campaign Assessment, March 13, 2025\nKey Takeaways:",
            "Putin at a news conference in Moscow, March 13, 2025\nText.",
            "Here is the situation on Wednesday, March 19, 2025:\nText.",
            "Update 3/12/25, 11:45 a.m. ET: This article was updated.",
            "VLADIMIR PUTIN, at a news conference in Moscow\nText.",
            "WHITE HOUSE: TRUMP'S PEACE PLAN IS GOOD\nZELENSKY: WE WILL NOT BETRAY UKRAINE",
            "Russia said (in a statement) - nothing.",
            "By the end of the month Reuters reported it.\nText.",
            "The war began on 24 February 2022, Reuters said.",
            "May 2025 - a review",
            "NEWS (updated 13 March) — text",
        ];
        for text in cases {
            let m = detect(text);
            assert_eq!((m.outlet.as_deref(), m.date), (None, None), "{text:?}");
        }
    }

    #[test]
    fn long_lines_are_read_in_linear_time() {
        let byline = format!("By A{}", ", B".repeat(500_000));
        let started = std::time::Instant::now();
        let m = detect(&format!("Title\n{byline}\nMOSCOW, March 13 (Reuters) - {}", "word ".repeat(200_000)));
        assert_eq!(
            (m.outlet.as_deref(), m.date.map(|d| d.to_string())),
            (Some("Reuters"), Some("--03-13".into()))
        );
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }

    #[test]
    fn titles_are_headlines_or_the_first_sentence_cut() {
        assert_eq!(detect("").title, "");
        assert_eq!(detect("\n\n  \n").title, "");
        let long = "Russian President Vladimir Putin has indicated that Russia supports a US proposal for a ceasefire in Ukraine in principle, while asking for many clarifications on monitoring and terms. However, more.";
        let t = detect(long).title;
        assert!(t.ends_with('…') && t.chars().count() <= TITLE_CHARS, "{t}");
        assert!(t.starts_with("Russian President Vladimir Putin has indicated"), "{t}");
        assert_eq!(detect("Mr. Putin spoke. Then more.").title, "Mr. Putin spoke.");
        assert_eq!(detect("Talks with the U.S. end. Then more.").title, "Talks with the U.S. end.");
        assert_eq!(detect("Will the truce hold?\nText.").title, "Will the truce hold?");
    }
}
