//! factgrid's analysis engine: who holds which position, on what, in a
//! news article.
//!
//! Given a text and a [`Profile`] (the parties, the topics and the cue
//! words), [`analyze()`] returns a [`Report`]: for each party × topic the text
//! fills, a stance label, a one-line summary and the sentences that show it,
//! plus the figures the article gives and where every party is mentioned.
//! The engine is pure Rust with no clocks, no I/O and no web dependencies;
//! it builds for native targets and for `wasm32-unknown-unknown`, and the
//! same code runs in the factgrid widget and the `factgrid` command.
//!
//! # Example
//!
//! ```
//! use factgrid_engine::{analyze, Profile};
//!
//! let profile = Profile::default_profile();
//! let text = "Kyiv rejected any plan to cede territory. \
//!             The Kremlin said it was studying the ceasefire proposal.";
//! let report = analyze(text, &profile);
//!
//! let cell = report.cell("ukraine", "territory").expect("Ukraine's position on territory");
//! assert_eq!(cell.stance, "opposes");
//! assert!(report.cell("russia", "ceasefire").is_some());
//! // Spans point into the caller's text.
//! let first = &report.cells[0].evidence[0];
//! assert_eq!(&text[first.span.range()], first.text);
//! ```
//!
//! Files are read with [`load()`]: their bytes decoded ([`decode`]: UTF-8,
//! UTF-16, Windows-1251, KOI8, Latin-1, or refused as binary) and, for a
//! web page, reduced to its article ([`reduce`]), with notices for the
//! reader.
//!
//! To analyse many texts with one profile, build an [`Analyzer`] once.
//! [`Analyzer::explain`] also returns what each stage decided, sentence by
//! sentence ([`Explanation`]).
//!
//! To set several articles side by side (does one outlet report the same
//! Russian position as another? do their figures for the Kursk area
//! conflict?), give their reports to [`compare()`]; [`ArticleMeta::detect`]
//! names each article by its headline, outlet and date.
//!
//! How the engine is built, its invariants and where to add a rule:
//! [`architecture`].
#![deny(missing_docs)]

#[doc = include_str!("../ARCHITECTURE.md")]
pub mod architecture {}

// The modules in pipeline order (see ARCHITECTURE.md), then the report and
// its forms.
mod cells; // 9. cells
mod compact;
mod compare;
mod dialogue; // 2. quotes: speech without quotation marks
mod encoding;
mod explain;
mod figures; // 7. figures
mod figures_cased; //    figures in a language with cases
mod grammar; //    the per-sentence view the later stages read
mod holders; // 5. holders
mod html;
mod ids;
mod inflect; //    word forms from the profile's paradigms
mod lang; //    language detection
mod load;
mod memory; //    the salience memory
mod meta;
mod pipeline; //    the pass that calls them
mod profile;
mod quotes; // 2. quotes
mod report;
mod resolve; // 4. resolve
mod scan; // 3. scan
mod segment; // 1. segment
mod span;
mod stance; // 8. stance
mod text;
mod topics; // 6. topics

pub use compare::{
    compare, Article, ArticleStance, Bound, CellComparison, ComparedArticle, Comparison, Conflict,
    EvidenceRef, FigureComparison, FigureGroup, FigureValue, Timeline, TimelinePoint, Verdict,
    COMPARISON_SCHEMA, FIGURE_TOLERANCE, MAX_ARTICLES,
};
pub use encoding::{decode, Decoded, DetectedBy, Encoding, NotText};
pub use explain::{
    DroppedTrace, Explanation, HolderTrace, QuoteTrace, ResolvedTrace, SentenceTrace, StanceTrace, TopicTrace,
};
pub use holders::Rule;
pub use html::{html_to_text, looks_like_html, reduce, BodySource, PageMeta, Reduced, Removal, Removed};
pub use ids::Stance;
pub use lang::{Language, DETECT_BYTES};
pub use load::{load, Document, Format};
pub use meta::{ArticleMeta, Date, DateError};
pub use pipeline::{Analyzer, MAX_INPUT_BYTES};
pub use profile::{
    Alias, AliasKind, Bounds, FigureWords, Grammar, Lexicon, MeasureKind, MeasureWords, MetaWords, Paradigm,
    Party, Profile, ProfileError, Topic, TopicWords, UnitWords, MAX_PROFILE_BYTES, STANCE_LABELS,
};
pub use report::{
    csv_field, json_string, md_escape, Cell, Evidence, Figure, Id, Label, Mention, Report, Sentence, Stats,
    SCHEMA,
};
pub use segment::UnitKind;
pub use span::Span;

/// Analyse `text` with `profile`.
///
/// This compiles the profile on every call; use [`Analyzer`] to reuse it.
pub fn analyze(text: &str, profile: &Profile) -> Report {
    Analyzer::new(profile).analyze(text)
}
