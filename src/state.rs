//! The widget's state: plain data, an `Action` enum and a reducer.
//!
//! Pure and free of web APIs, so it is tested natively. Analysis results
//! are computed outside the reducer (by the engine) and handed in, which
//! keeps the reducer cheap and deterministic.

use std::rc::Rc;

use factgrid_engine::Report;
use yew::{AttrValue, Reducible};

/// The largest text the widget accepts, in bytes (the engine's limit).
pub const MAX_TEXT_BYTES: usize = factgrid_engine::MAX_INPUT_BYTES;

/// Everything the widget shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// The text in the input box: never altered by the widget. (Shared, not
    /// copied: it may be megabytes.)
    pub text: AttrValue,
    /// Its length in characters.
    pub chars: usize,
    /// Bumped whenever the text is replaced from outside the text box.
    pub revision: u32,
    /// Bytes being analysed in the background, while the last result stays.
    pub busy: Option<usize>,
    /// The latest report, for `analyzed_text`.
    pub report: Option<Rc<Report>>,
    /// The text the report was made from.
    pub analyzed_text: AttrValue,
    /// The cell whose evidence is highlighted in the article, if any.
    pub focus: Option<(String, String)>,
    /// The sentence last jumped to.
    pub selected_sentence: Option<usize>,
    /// A problem the reader should know about (announced assertively).
    pub message: Option<String>,
    /// A confirmation such as "Copied" (announced politely).
    pub notice: Option<String>,
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The reader typed in the text box (which already shows the text).
    Edit(AttrValue),
    /// The text was replaced from elsewhere (example, file, link, host
    /// page): the text box must be rewritten.
    Replace(AttrValue),
    /// An analysis finished for `text`.
    Analyzed { text: AttrValue, report: Rc<Report> },
    /// An analysis of this many bytes started in the background (`None`: it ended).
    Busy(Option<usize>),
    /// Highlight a cell's evidence (or none).
    Focus(Option<(String, String)>),
    /// Jump to a sentence.
    Select(usize),
    /// Clear the text and the result.
    Clear,
    /// Show a message.
    Message(Option<String>),
    /// Show a confirmation.
    Notice(Option<String>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let replace = matches!(action, Action::Replace(_));
        match action {
            Action::Edit(text) | Action::Replace(text) => {
                if replace {
                    next.revision = self.revision.wrapping_add(1);
                }
                if text == self.text && next.revision == self.revision {
                    return self;
                }
                next.message = if text.len() > MAX_TEXT_BYTES {
                    Some(format!(
                        "This text is {} MB; only the first {} MB will be analysed. Your text is kept as it is.",
                        megabytes(text.len()),
                        MAX_TEXT_BYTES / 1048576
                    ))
                } else {
                    None
                };
                next.chars = text.chars().count();
                next.text = text;
            }
            Action::Analyzed { text, report } => {
                // A late result for older text must not replace a newer one.
                if text != self.text {
                    return self;
                }
                next.busy = None;
                next.analyzed_text = text;
                if let Some(n) = report.notices.first() {
                    next.message = Some(n.clone());
                }
                next.report = Some(report);
                next.selected_sentence = None;
            }
            Action::Focus(cell) => {
                if cell == self.focus {
                    return self;
                }
                next.focus = cell;
            }
            Action::Select(i) => next.selected_sentence = Some(i),
            Action::Clear => next = State { revision: self.revision.wrapping_add(1), ..State::default() },
            Action::Message(m) => next.message = m,
            Action::Notice(m) => next.notice = m,
            Action::Busy(b) => next.busy = b,
        }
        Rc::new(next)
    }
}

/// A byte count as megabytes with one decimal, without floating point
/// (float formatting would add 20 KB to the bundle).
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl State {
    /// Is the shown report out of date with the text?
    pub fn stale(&self) -> bool {
        self.analyzed_text != self.text
    }

    /// The sentence indices to highlight for the focused cell.
    pub fn highlighted(&self) -> Vec<usize> {
        let (Some(report), Some((party, topic))) = (&self.report, &self.focus) else {
            return Vec::new();
        };
        report.cell(party, topic).map(|c| c.evidence.iter().map(|e| e.sentence).collect()).unwrap_or_default()
    }

    /// The status line read out to screen readers.
    pub fn status(&self) -> String {
        if let Some(bytes) = self.busy {
            return format!("Analysing {} MB of text…", megabytes(bytes));
        }
        match &self.report {
            None if self.text.trim().is_empty() => {
                "Paste or type an article to see who holds which position.".into()
            }
            None => "Analysing…".into(),
            Some(r) => {
                let mut seen: Vec<&str> = Vec::new();
                for c in &r.cells {
                    if !seen.contains(&&*c.party) {
                        seen.push(&c.party);
                    }
                }
                let parties = seen.len();
                let cells = r.cells.len();
                if cells == 0 && r.stats.sentences == 0 {
                    "Paste or type an article to see who holds which position.".into()
                } else if cells == 0 {
                    format!("{} sentences read; no positions found.", r.stats.sentences)
                } else {
                    let p = if parties == 1 { "party" } else { "parties" };
                    let c = if cells == 1 { "position" } else { "positions" };
                    format!("{parties} {p}, {cells} {c} found.")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzed(state: Rc<State>, text: &str) -> Rc<State> {
        let profile = factgrid_engine::Profile::default_profile();
        let report = Rc::new(factgrid_engine::analyze(text, &profile));
        state.reduce(Action::Analyzed { text: text.to_string().into(), report })
    }

    #[test]
    fn edit_then_analyze() {
        let s = Rc::new(State::default());
        let text = "Kyiv rejected any plan to cede territory.";
        let s = s.reduce(Action::Edit(text.into()));
        assert!(s.stale());
        assert_eq!(s.status(), "Analysing…");
        let s = analyzed(s, text);
        assert!(!s.stale());
        assert_eq!(s.status(), "1 party, 1 position found.");
    }

    #[test]
    fn late_result_for_old_text_is_ignored() {
        let s = Rc::new(State::default()).reduce(Action::Edit("new text".into()));
        let s2 = analyzed(s.clone(), "old text");
        assert!(Rc::ptr_eq(&s, &s2));
    }

    #[test]
    fn focus_highlights_evidence() {
        let text = "Moscow rejected the truce. The weather was fine. Kyiv backed the truce.";
        let s = analyzed(Rc::new(State::default()).reduce(Action::Edit(text.into())), text);
        let s = s.reduce(Action::Focus(Some(("ukraine".into(), "ceasefire".into()))));
        assert_eq!(s.highlighted(), vec![2]);
        let s = s.reduce(Action::Focus(None));
        assert!(s.highlighted().is_empty());
    }

    #[test]
    fn oversized_text_is_kept_with_a_message() {
        let big = "a".repeat(MAX_TEXT_BYTES + 1);
        let s = Rc::new(State::default()).reduce(Action::Edit(big.clone().into()));
        assert_eq!(s.text.len(), big.len());
        assert!(s.message.as_deref().unwrap().contains("only the first 20 MB"));
    }

    #[test]
    fn clear_resets() {
        let s = Rc::new(State::default()).reduce(Action::Edit("x".into())).reduce(Action::Clear);
        assert_eq!(*s, State { revision: 1, ..State::default() });
    }
}
