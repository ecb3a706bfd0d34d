//! The report: everything the widget and the CLI show, as plain data.
//!
//! Serialised with serde; the `schema` field names the format version so
//! that consumers can check what they read. Text is referred to by byte
//! spans into the analysed text, and evidence also carries its sentence
//! text so that a report can be read without the article.

use serde::Serialize;

use crate::segment::UnitKind;
use crate::span::Span;

/// The report format's name and version.
pub const SCHEMA: &str = "factgrid.report/1";

/// The result of an analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
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
                        c.stance,
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
            out.push_str(&format!("\n### {party} on {topic}: {}\n\n", c.stance));
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
                    f.topic.as_deref().unwrap_or("-"),
                    f.source.as_deref().unwrap_or("-")
                ));
            }
        }
        out
    }

    /// The grid as CSV: one row per cell and evidence sentence.
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

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Quote a CSV field; a leading `=`, `+`, `-` or `@` is defused so that a
/// spreadsheet does not run it as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    format!("\"{}\"", s.replace('"', "\"\""))
}
