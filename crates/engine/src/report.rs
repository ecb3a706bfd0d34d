//! The report: everything the widget and the CLI show, as plain data.
//!
//! Serialised with serde; the `schema` field names the format version so
//! that consumers can check what they read. Text is referred to by byte
//! spans into the analysed text, and evidence also carries its sentence
//! text so that a report can be read without the article.

use std::borrow::Cow;

use serde::Serialize;

use crate::segment::UnitKind;
use crate::span::Span;

pub(crate) mod json;
pub use json::json_string;

/// The report format's name and version.
pub const SCHEMA: &str = "factgrid.report/1";

/// The result of an analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The language the text was read in: the code of the profile used
    /// (`en`, `ru`, `uk`), detected from the text or asked for.
    pub language: String,
    /// The parties (the grid's columns), in profile order.
    pub parties: Vec<Label>,
    /// The topics (the grid's rows), in profile order.
    pub topics: Vec<Label>,
    /// Size of the input.
    pub stats: Stats,
    /// Every sentence of the text, in order.
    pub sentences: Vec<Sentence>,
    /// One entry per (party, topic) that the text fills, in grid order.
    pub cells: Vec<Cell>,
    /// Numeric claims.
    pub figures: Vec<Figure>,
    /// Every reference to a party, for highlighting.
    pub mentions: Vec<Mention>,
    /// Things the reader should know about the input (truncated, binary…).
    pub notices: Vec<String>,
}

/// An id with its display label.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Stable identifier.
    pub id: Id,
    /// Display label.
    pub label: String,
}

/// Counts describing the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Characters (Unicode scalar values) analysed.
    pub chars: usize,
    /// Bytes analysed.
    pub bytes: usize,
    /// Sentences and line units.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
}

/// A party or topic id from the profile, shared by every place in the
/// report that names it (serialised as a plain string).
pub type Id = std::sync::Arc<str>;

/// One sentence of the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Its paragraph.
    pub paragraph: usize,
    /// Sentence, headline-like line, or list item.
    pub kind: UnitKind,
    /// Parties referred to in it (ids), in profile order.
    pub parties: Vec<Id>,
    /// Topics it bears on (ids).
    pub topics: Vec<Id>,
}

/// What one party holds on one topic.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// Party id.
    pub party: Id,
    /// Topic id.
    pub topic: Id,
    /// The primary stance label (one of [`crate::STANCE_LABELS`]).
    pub stance: String,
    /// A one-line summary for the grid.
    pub summary: String,
    /// The sentences that show it, in text order.
    pub evidence: Vec<Evidence>,
}

/// One sentence supporting a cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// Index into [`Report::sentences`].
    pub sentence: usize,
    /// The sentence text.
    pub text: String,
    /// The sentence's span.
    pub span: Span,
    /// This sentence's own stance label, if it shows one.
    pub stance: Option<String>,
    /// How the party is tied to the sentence (`speaker`, `subject`,
    /// `according_to`, `owner`, `agent`).
    pub via: String,
    /// Who speaks or acts, as written in the text (`Mr. Putin`, `he`).
    pub speaker: Option<String>,
    /// Where `speaker` is in the text.
    pub speaker_span: Option<Span>,
    /// When `speaker` is a pronoun or a description (`he`, `the special
    /// envoy`): the name it stands for, as the text gave it earlier
    /// (`Vladimir Putin`).
    pub resolved: Option<String>,
    /// Where `resolved` is in the text.
    pub resolved_span: Option<Span>,
    /// The cue words that gave `stance` (`rejected`, `in principle`).
    pub cue: Option<Span>,
    /// The quoted words in the sentence, if any.
    pub quote: Option<Span>,
}

/// A numeric claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The figure as written, with its modifier and unit (`less than 200 sq. km`).
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Its sentence.
    pub sentence: usize,
    /// The topic it bears on, if any.
    pub topic: Option<Id>,
    /// The party it comes from, if the text names one.
    pub source: Option<Id>,
}

/// A reference to a party in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// The party id.
    pub party: Id,
    /// `person`, `title`, `institution`, `country`, `capital`, `demonym`, `group` or `pronoun`.
    pub kind: &'static str,
    /// Its sentence.
    pub sentence: usize,
}

impl Report {
    /// The cell for `party` × `topic`, if the text fills it.
    pub fn cell(&self, party: &str, topic: &str) -> Option<&Cell> {
        self.cells.iter().find(|c| &*c.party == party && &*c.topic == topic)
    }

    /// The report as Markdown: a grid of stances, then the evidence.
    ///
    /// Everything that comes from the article or the profile is inert:
    /// pasted HTML (`<img src=…>`), links and images (`[x](javascript:…)`),
    /// emphasis and the like are escaped so that they render as the text
    /// they are, and terminal control sequences are removed.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        out.push_str("| Topic |");
        for p in &self.parties {
            out.push_str(&format!(" {} |", md_escape(&p.label)));
        }
        out.push_str("\n|---|");
        for _ in &self.parties {
            out.push_str("---|");
        }
        out.push('\n');
        for t in &self.topics {
            out.push_str(&format!("| {} |", md_escape(&t.label)));
            for p in &self.parties {
                match self.cell(&p.id, &t.id) {
                    Some(c) => out.push_str(&format!(
                        " **{}**: {} ({} sentence{}) |",
                        md_escape(&c.stance),
                        md_escape(&c.summary),
                        c.evidence.len(),
                        if c.evidence.len() == 1 { "" } else { "s" }
                    )),
                    None => out.push_str(" no position |"),
                }
            }
            out.push('\n');
        }
        for c in &self.cells {
            let party = self.parties.iter().find(|p| p.id == c.party).map_or(c.party.as_ref(), |p| &p.label);
            let topic = self.topics.iter().find(|t| t.id == c.topic).map_or(c.topic.as_ref(), |t| &t.label);
            out.push_str(&format!(
                "\n### {} on {}: {}\n\n",
                md_escape(party),
                md_escape(topic),
                md_escape(&c.stance)
            ));
            for e in &c.evidence {
                let who = e.speaker.as_deref().map(|s| format!(" ({})", md_escape(s))).unwrap_or_default();
                out.push_str(&format!("- {}{who}\n", md_escape(&e.text)));
            }
        }
        if !self.figures.is_empty() {
            out.push_str("\n### Figures\n\n| Figure | Topic | Source |\n|---|---|---|\n");
            for f in &self.figures {
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    md_escape(&f.text),
                    md_escape(f.topic.as_deref().unwrap_or("-")),
                    md_escape(f.source.as_deref().unwrap_or("-"))
                ));
            }
        }
        out
    }

    /// The grid as CSV: one row per cell and evidence sentence.
    ///
    /// Every field is quoted, and each record is one line (line breaks
    /// and other control characters in the text become spaces or are
    /// removed). A field that would start with `=`, `+`, `-` or `@` gets a
    /// leading apostrophe, OWASP's defence against formula injection: a
    /// spreadsheet shows it as text instead of running it.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("party,topic,stance,summary,sentence,speaker,evidence\n");
        for c in &self.cells {
            for e in &c.evidence {
                let row = [
                    c.party.as_ref(),
                    c.topic.as_ref(),
                    c.stance.as_str(),
                    c.summary.as_str(),
                    &e.sentence.to_string(),
                    e.speaker.as_deref().unwrap_or(""),
                    e.text.as_str(),
                ]
                .map(csv_field)
                .join(",");
                out.push_str(&row);
                out.push('\n');
            }
        }
        out
    }
}

/// Text from the article or the profile as inert Markdown inline text
/// (a table cell, a list item, a heading): control characters removed,
/// line breaks made spaces, and every character that could start markup
/// backslash-escaped (emphasis, code, links and images, autolinks, raw
/// HTML, entities, table pipes, strike-through, math), as are the block
/// markers a list item could begin with (`#`, `-`, `+`, `1.`).
pub fn md_escape(s: &str) -> String {
    let s = strip_controls(s);
    let s = s.trim();
    let mut out = String::with_capacity(s.len() + 8);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in s.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '$' => true,
            '#' | '+' | '-' | '=' => i == 0,
            '.' | ')' => digits > 0 && i == digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `s` with terminal control sequences (ESC and CSI/OSC/DCS strings, in
/// their 7- and 8-bit forms) and all other control characters removed;
/// tabs and line breaks become spaces, so that a field stays on its line.
/// (The CLI keeps a copy for what it writes itself.)
pub(crate) fn strip_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' => out.push(' '),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(' ');
                }
            }
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                _ => {
                    // ESC, intermediates (0x20-0x2F), one final byte (0x30-0x7E).
                    while chars.next_if(|c| ('\u{20}'..='\u{2f}').contains(c)).is_some() {}
                    chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
                }
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A CSI sequence's parameters (0x30-0x3F), intermediates (0x20-0x2F) and final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|c| ('\u{20}'..='\u{3f}').contains(c)).is_some() {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// An OSC/DCS/SOS/PM/APC string, up to BEL, ESC \\ or ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

/// A quoted CSV field, control characters removed; a field that would
/// start with `=`, `+`, `-` or `@` (after spaces; also their full-width
/// forms) gets a leading apostrophe so that a spreadsheet does not run it
/// as a formula.
pub fn csv_field(s: &str) -> String {
    let s = strip_controls(s);
    let guard =
        s.trim_start().starts_with(['=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}']);
    format!("\"{}{}\"", if guard { "'" } else { "" }, s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_inert() {
        let cases = [
            ("Moscow rejected the truce.", "Moscow rejected the truce."),
            ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
            ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
            ("![pixel](http://t.example/p.gif)", "\\!\\[pixel\\](http://t.example/p.gif)"),
            ("<http://evil.example>", "\\<http://evil.example\\>"),
            (
                "a | b *c* _d_ `e` ~f~ $g$ &amp; \\",
                "a \\| b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\$g\\$ \\&amp; \\\\",
            ),
            ("# not a heading", "\\# not a heading"),
            ("- not a list", "\\- not a list"),
            ("2024. not a list", "2024\\. not a list"),
            ("line\nbreak\u{1b}[31m red\u{7}", "line break red"),
        ];
        for (input, want) in cases {
            assert_eq!(md_escape(input), want, "{input:?}");
        }
    }

    #[test]
    fn control_sequences_are_removed() {
        assert_eq!(strip_controls("a\u{1b}]0;title\u{7}b\u{9b}2Jc\u{1b}(Bd\r\ne\tf\0"), "abcd e f");
        assert!(matches!(strip_controls("no controls"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_fields_are_defused() {
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_field(" @SUM(A1)"), "\"' @SUM(A1)\"");
        assert_eq!(csv_field("\t-2"), "\"' -2\"");
        assert_eq!(csv_field("say \"no\"\r\nnow"), "\"say \"\"no\"\" now\"");
        assert_eq!(csv_field("30-day"), "\"30-day\"");
    }
}
