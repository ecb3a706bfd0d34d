//! Segmentation: paragraphs and sentences as byte spans.
//!
//! One forward pass over the text. A paragraph is a run of non-blank lines
//! ended by a line break; a line without final punctuation (a headline, a
//! caption, a dateline, a list item) is a unit of its own. Inside a line,
//! a sentence ends at `.`, `!` or `?` (with any closing quotes and brackets)
//! followed by space and a capital, a digit or an opening quote, except
//! after a known abbreviation or an initial, and except where a question or
//! exclamation inside a quote is followed by its speech tag
//! (`“…?” Mr. Putin asked.` stays one sentence).

use crate::span::Span;

/// What kind of unit a sentence is; the widget and the analysis treat
/// headlines and other short lines slightly differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// An ordinary sentence of running text.
    Sentence,
    /// A line without final punctuation: a headline, subheading, caption or label.
    Line,
    /// A list item (a line starting with `-`, `*`, `•` or `1.`).
    ListItem,
}

/// One sentence (or line unit) of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The sentence without surrounding white space.
    pub span: Span,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
    /// The kind of unit.
    pub kind: UnitKind,
}

/// Words after which a period does not end a sentence. Lower-case, without
/// the final period; `u.s` stands for `U.S.`.
pub(crate) struct Abbreviations {
    words: Vec<String>,
}

impl Abbreviations {
    pub(crate) fn new(words: &[String]) -> Abbreviations {
        let mut words: Vec<String> = words.iter().map(|w| crate::text::fold_case(w)).collect();
        crate::span::sort_dedup(&mut words);
        Abbreviations { words }
    }

    fn contains(&self, word: &str) -> bool {
        let lower = crate::lang::lower_word(word);
        self.words.binary_search_by(|w| w.as_str().cmp(&lower)).is_ok()
    }
}

pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\u{201e}' | '\u{00ab}' | '\'')
}

fn is_close_punct(c: char) -> bool {
    matches!(c, '"' | '\u{201d}' | '\u{2019}' | '\u{00bb}' | '\'' | ')' | ']')
}

/// Split `text` into sentence units.
///
/// The returned spans are ordered, do not overlap, lie on character
/// boundaries, and together cover every non-white-space character of the
/// text.
pub(crate) fn segment(
    text: &str,
    abbreviations: &Abbreviations,
    speech_verbs: &dyn Fn(&str) -> bool,
) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut pos = 0usize;
    let bytes = text.as_bytes();
    let mut prev_blank = true;
    let mut first_line = true;
    while pos < text.len() {
        let line_end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
        if line.trim().is_empty() {
            prev_blank = true;
        } else {
            // Every non-blank line starts a new paragraph: news text puts one
            // paragraph on a line, and a blank line is just a wider gap.
            if !first_line {
                paragraph += 1;
            }
            first_line = false;
            let _ = prev_blank;
            prev_blank = false;
            split_line(text, pos, line_end, paragraph, abbreviations, speech_verbs, &mut out);
        }
        pos = line_end + 1;
    }
    out
}

fn trim_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return None;
    }
    Some(Span::new(start + lead, end - trail))
}

fn line_kind(line: &str) -> UnitKind {
    let t = line.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '*' | '\u{2022}' | '\u{2013}' | '\u{2014}') if chars.next() == Some(' ') => {
            UnitKind::ListItem
        }
        _ => {
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && digits < 3 && t[digits..].starts_with(". ") {
                return UnitKind::ListItem;
            }
            let end = t.trim_end().chars().next_back();
            // A British quote closes a sentence (`… now.'`); a quoted
            // heading (`'Cautious optimism'`) stays a line.
            if end == Some('\'') && t.trim_end()[..t.trim_end().len() - 1].ends_with(['.', '!', '?']) {
                return UnitKind::Sentence;
            }
            match end {
                Some('.' | '!' | '?' | '"' | '\u{201d}' | '\u{2019}' | ')' | ':' | ';' | '\u{2026}') => {
                    UnitKind::Sentence
                }
                _ => UnitKind::Line,
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn split_line(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    abbreviations: &Abbreviations,
    speech_verbs: &dyn Fn(&str) -> bool,
    out: &mut Vec<Segment>,
) {
    let line = &text[start..end];
    let kind = line_kind(line);
    let mut sent_start = start;
    let bytes = line.as_bytes();
    let mut pos = 0;
    // Terminal punctuation: `.`, `!`, `?` and `…` (which starts with 0xE2);
    // a byte search finds the candidates without decoding every character.
    while let Some(off) = bytes[pos..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2)) {
        let i = pos + off;
        let c = line[i..].chars().next().unwrap_or(' ');
        pos = i + c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            continue;
        }
        // Extend over runs of terminal punctuation, closing quotes and brackets.
        let mut j = pos;
        let mut closed_quote = false;
        for d in line[j..].chars() {
            if matches!(d, '.' | '!' | '?' | '\u{2026}') || is_close_punct(d) {
                if is_close_punct(d) && d != ')' && d != ']' {
                    closed_quote = true;
                }
                j += d.len_utf8();
            } else {
                break;
            }
        }
        pos = j;
        // Must be followed by white space.
        let rest = &line[j..];
        let after_ws = rest.trim_start();
        if after_ws.len() == rest.len() || after_ws.is_empty() {
            continue;
        }
        let next = after_ws.chars().next().unwrap_or(' ');
        let starts_sentence = next.is_uppercase()
            || next.is_ascii_digit()
            || is_open_quote(next)
            || next == '('
            || dash_speech(after_ws);
        if !starts_sentence {
            continue;
        }
        if c == '.' && !closed_quote {
            let word = last_word(&line[..i]);
            if abbreviations.contains(word) || is_initial(word) || is_decimal_context(line, i) {
                continue;
            }
        }
        if (c == '?' || c == '!' || c == ',')
            && closed_quote
            && is_speech_tag(after_ws, abbreviations, speech_verbs)
        {
            continue;
        }
        push_capped(text, sent_start, start + j, paragraph, kind, out);
        sent_start = start + j;
    }
    push_capped(text, sent_start, end, paragraph, kind, out);
}

/// The longest unit the later stages see, in bytes. Real sentences are far
/// shorter; capping the unit keeps every per-sentence step bounded, so that
/// the whole analysis stays linear even for a megabyte without a period.
pub(crate) const MAX_UNIT_BYTES: usize = 4096;

/// Push `text[from..to]` as one unit, or as several of at most
/// [`MAX_UNIT_BYTES`] split at white space (or at a character boundary
/// when there is none).
fn push_capped(
    text: &str,
    mut from: usize,
    to: usize,
    paragraph: usize,
    kind: UnitKind,
    out: &mut Vec<Segment>,
) {
    while to - from > MAX_UNIT_BYTES {
        let mut cut = from + MAX_UNIT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(ws) = text[from..cut].rfind(char::is_whitespace) {
            if ws > MAX_UNIT_BYTES / 2 {
                cut = from + ws;
            }
        }
        if let Some(span) = trim_span(text, from, cut) {
            out.push(Segment { span, paragraph, kind });
        }
        from = cut;
    }
    if let Some(span) = trim_span(text, from, to) {
        out.push(Segment { span, paragraph, kind });
    }
}

/// The word (letters, digits and inner periods) just before byte `i` of `s`.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// A dash that resumes direct speech after a speech tag, in the Russian and
/// Ukrainian manner (`…, — сказал он. — Но нужны гарантии.`): a dash, a
/// space and a capital.
fn dash_speech(after: &str) -> bool {
    let mut chars = after.chars();
    matches!(chars.next(), Some('\u{2014}' | '\u{2013}'))
        && chars.next().is_some_and(char::is_whitespace)
        && chars.next().is_some_and(char::is_uppercase)
}

fn is_decimal_context(line: &str, i: usize) -> bool {
    let b = line.as_bytes();
    i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// After `“…?”`: is the following text a short speech tag such as
/// `Mr. Putin asked.` or `he said.`? Looks at most at six words, up to the
/// first word that ends a sentence.
fn is_speech_tag(after: &str, abbreviations: &Abbreviations, speech_verbs: &dyn Fn(&str) -> bool) -> bool {
    for word in after.split_whitespace().take(6) {
        if word.starts_with(['"', '\u{201c}', '\u{00ab}']) {
            return false;
        }
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if speech_verbs(&crate::lang::lower_word(bare)) {
            return true;
        }
        let ends = word.trim_end_matches(['"', '\u{201d}', ')']).ends_with(['.', '!', '?']);
        if ends && !abbreviations.contains(bare) && !is_initial(bare) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let abbr = Abbreviations::new(&["mr".into(), "sq".into(), "u.s".into(), "gen".into(), "dr".into()]);
        let verbs = |w: &str| matches!(w, "said" | "asked" | "questioned" | "added");
        segment(text, &abbr, &verbs).into_iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn sentence_rules() {
        let cases: &[(&str, &[&str])] = &[
            ("One two. Three four.", &["One two.", "Three four."]),
            ("Mr. Smith left. Dr. Jones stayed.", &["Mr. Smith left.", "Dr. Jones stayed."]),
            ("The U.S. President spoke. Then he left.", &["The U.S. President spoke.", "Then he left."]),
            ("It covers 1,300 sq. km now. Next.", &["It covers 1,300 sq. km now.", "Next."]),
            ("Growth was 2.5 percent. Fine.", &["Growth was 2.5 percent.", "Fine."]),
            ("Written by J. R. Smith today.", &["Written by J. R. Smith today."]),
            (
                "\u{201c}Why now?\u{201d} Mr. Lee asked. He left.",
                &["\u{201c}Why now?\u{201d} Mr. Lee asked.", "He left."],
            ),
            (
                "\u{201c}Why now? Who knows?\u{201d} she asked.",
                &["\u{201c}Why now?", "Who knows?\u{201d} she asked."],
            ),
            ("\u{201c}Go.\u{201d} The crowd cheered.", &["\u{201c}Go.\u{201d}", "The crowd cheered."]),
            ("Wait... Then go.", &["Wait...", "Then go."]),
            ("Headline here\nBody text. More.", &["Headline here", "Body text.", "More."]),
            ("Line one\r\nLine two.\r\n", &["Line one", "Line two."]),
            ("Gen. Ivanov spoke.", &["Gen. Ivanov spoke."]),
            ("", &[]),
            ("   \n\n  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "segmenting {text:?}");
        }
    }

    #[test]
    fn kinds_and_paragraphs() {
        let abbr = Abbreviations::new(&[]);
        let verbs = |_: &str| false;
        let text = "Title line\n- a list item\n1. first\nA sentence. Another one.";
        let segs = segment(text, &abbr, &verbs);
        let kinds: Vec<_> = segs.iter().map(|s| (s.kind, s.paragraph)).collect();
        assert_eq!(
            kinds,
            vec![
                (UnitKind::Line, 0),
                (UnitKind::ListItem, 1),
                (UnitKind::ListItem, 2),
                (UnitKind::Sentence, 3),
                (UnitKind::Sentence, 3)
            ]
        );
        // A paragraph that ends in a British closing quote is prose; a
        // quoted heading is a line.
        let segs = segment("'We stay. We fight.'\n'Cautious hope'", &abbr, &verbs);
        let kinds: Vec<_> = segs.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![UnitKind::Sentence, UnitKind::Sentence, UnitKind::Line]);
    }
}
