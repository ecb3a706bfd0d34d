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

mod date;

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
    // (Over 80 lines: one pass over a dateline's parts (place, date, agency, dash) in the order the wires write them.)
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

/// `s` cut to at most `max` characters at a word boundary, with `…`
/// (also the labels of compared articles).
pub(crate) fn cut(s: &str, max: usize) -> String {
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
mod tests;
