//! The widget's state: plain data, an `Action` enum and a reducer.
//!
//! Pure and free of web APIs, so it is tested natively. Analysis results
//! are computed outside the reducer (by the engine) and handed in, which
//! keeps the reducer cheap and deterministic.

use std::rc::Rc;

use factgrid_engine::Report;
use yew::{AttrValue, Reducible};

use crate::i18n::{Key, Ui};

/// The largest text the widget accepts, in bytes (the engine's limit).
pub const MAX_TEXT_BYTES: usize = factgrid_engine::MAX_INPUT_BYTES;

/// A text compared by identity (the same shared string), not by content:
/// comparing megabytes of text on every render would cost more than the
/// render. Two empty texts are the same.
#[derive(Clone, Debug, Default)]
pub struct SameText(pub AttrValue);

impl PartialEq for SameText {
    fn eq(&self, other: &SameText) -> bool {
        let (a, b) = (self.0.as_str(), other.0.as_str());
        a.len() == b.len() && (a.is_empty() || a.as_ptr() == b.as_ptr())
    }
}

/// A report shared by the panels, compared by identity: comparing two
/// reports field by field (hundreds of thousands of mentions) on every
/// render would cost more than the render.
#[derive(Clone, Debug)]
pub struct SharedReport(pub Rc<Report>);

impl PartialEq for SharedReport {
    fn eq(&self, other: &SharedReport) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedReport {
    type Target = Report;
    fn deref(&self) -> &Report {
        &self.0
    }
}

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
    /// The last change was typing: analyse after a pause, not at once.
    pub typing: bool,
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
    /// Where the reader moved the article's window (its first sentence),
    /// until the next jump or report.
    pub window_start: Option<usize>,
    /// The reader asked to edit the head of a large text (the box is
    /// read-only until then; see `components::input`).
    pub editing_head: bool,
    /// A problem the reader should know about (announced assertively).
    pub message: Option<String>,
    /// A confirmation such as "Copied", shown by the control that caused it.
    pub notice: Option<Notice>,
    /// The text that Clear or a replacement discarded, until Undo brings it
    /// back or the reader moves on.
    pub undo: Option<AttrValue>,
    /// A text from elsewhere, waiting for the reader to open it in place
    /// of their own: one a link carries, or (`offer_from_tab`) one that
    /// another tab saved over this tab's.
    pub offer: Option<AttrValue>,
    /// The offer comes from another tab.
    pub offer_from_tab: bool,
    /// Bumped when the reader keeps this tab's text over another tab's:
    /// it is saved then, over the other.
    pub kept: u32,
    /// The interface language the page asked for (`ui-lang`), if any.
    pub ui_asked: Option<Ui>,
    /// The browser's language (`navigator.language`), if it is one the
    /// interface speaks.
    pub ui_browser: Option<Ui>,
}

/// A confirmation and where it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What happened.
    pub text: String,
    /// Next to which controls.
    pub place: Place,
}

/// Where a notice is shown: next to the controls that caused it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// By the text box and its buttons.
    Input,
    /// By the export buttons.
    Export,
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The reader typed in the text box (which already shows the text);
    /// `at_once` when it should be analysed without waiting (a paste).
    Edit { text: AttrValue, at_once: bool },
    /// The text was replaced from outside (the host page, a link opened in
    /// a browser that had no text): the text box must be rewritten.
    Replace(AttrValue),
    /// The reader replaced their text (a file, the example, a link's text,
    /// a paste over the whole of a large text): the old one can be brought
    /// back with [`Action::Undo`]. `notice` says what happened.
    Discard { text: AttrValue, notice: String },
    /// Clear the text and the result (undoable).
    Clear,
    /// Bring back the text that Clear or a replacement discarded.
    Undo,
    /// A link carries `text`: open it at once when nothing would be lost,
    /// else offer it.
    Linked(AttrValue),
    /// Another tab saved this text over the one this tab saved: offered
    /// (this tab saves nothing until the reader chooses).
    SavedElsewhere(AttrValue),
    /// The reader answered the offer of a link's or another tab's text:
    /// open it or not.
    AnswerOffer(bool),
    /// An analysis finished for `text`.
    Analyzed { text: AttrValue, report: Rc<Report> },
    /// An analysis of this many bytes started in the background (`None`: it ended).
    Busy(Option<usize>),
    /// Highlight a cell's evidence (or none).
    Focus(Option<(String, String)>),
    /// Jump to a sentence.
    Select(usize),
    /// Move the article's window to start at this sentence.
    MoveWindow(usize),
    /// Make the head of a large text editable.
    EditHead,
    /// Show a message.
    Message(Option<String>),
    /// Show a confirmation.
    Notice(Option<Notice>),
    /// The interface language asked for (`ui-lang`; `None`: chosen, see
    /// [`State::ui`]) and the browser's.
    UiLanguage { asked: Option<Ui>, browser: Option<Ui> },
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit { text, at_once } => {
                if text == self.text {
                    return self;
                }
                next.set_text(text);
                next.typing = !at_once;
            }
            Action::Replace(text) => next.replace(text),
            Action::Discard { text, notice } => {
                let old = self.text.clone();
                next.replace(text);
                next.undo = (!old.is_empty() && old != next.text).then_some(old);
                next.notice = Some(Notice { text: notice, place: Place::Input });
            }
            Action::Clear => {
                next = State {
                    revision: self.revision,
                    offer: self.offer.clone(),
                    kept: self.kept,
                    ui_asked: self.ui_asked,
                    ui_browser: self.ui_browser,
                    ..State::default()
                };
                next.offer_from_tab = self.offer_from_tab;
                next.replace(AttrValue::default());
                next.undo = (!self.text.is_empty()).then(|| self.text.clone());
                next.notice = Some(Notice { text: self.ui().get(Key::Cleared).into(), place: Place::Input });
            }
            Action::Undo => {
                let Some(old) = self.undo.clone() else { return self };
                next.replace(old);
            }
            Action::Linked(text) => {
                if self.text.is_empty() || text == self.text {
                    next.replace(text);
                } else {
                    next.offer = Some(text);
                }
            }
            Action::SavedElsewhere(text) => {
                if text == self.text {
                    return self;
                }
                next.offer = Some(text);
                next.offer_from_tab = true;
            }
            Action::AnswerOffer(open) => {
                let Some(text) = self.offer.clone() else { return self };
                next.offer = None;
                next.offer_from_tab = false;
                if open {
                    let notice = match self.offer_from_tab {
                        true => Key::TabReplaced,
                        false => Key::LinkReplaced,
                    };
                    let notice = self.ui().get(notice).into();
                    return Rc::new(next).reduce(Action::Discard { text, notice });
                }
                next.kept = self.kept.wrapping_add(u32::from(self.offer_from_tab));
            }
            Action::Analyzed { text, report } => {
                // A late result for older text must not replace a newer one.
                if text != self.text {
                    return self;
                }
                next.busy = None;
                next.analyzed_text = text;
                // (The messages in the language of the interface for this
                // report: it follows the article's language.)
                next.report = Some(report.clone());
                let ui = next.ui();
                // The engine is given at most MAX_TEXT_BYTES: the reader is
                // told the true size of a longer text. (A message about
                // something else, such as a link that could not be read,
                // stays: the text's own messages went when it changed.)
                if next.analyzed_text.len() > MAX_TEXT_BYTES {
                    next.message = Some(ui.fill(
                        Key::AnalysedPart,
                        &[
                            &megabytes(next.analyzed_text.len()),
                            &megabytes(MAX_TEXT_BYTES),
                            report.notices.first().map_or("", |n| n.as_str()),
                        ],
                    ));
                } else if let Some(n) = report.notices.first() {
                    next.message = Some(n.clone());
                }
                next.selected_sentence = None;
                next.window_start = None;
            }
            Action::Focus(cell) => {
                if cell == self.focus {
                    return self;
                }
                next.focus = cell;
            }
            Action::Select(i) => {
                next.selected_sentence = Some(i);
                next.window_start = None;
            }
            Action::MoveWindow(i) => next.window_start = Some(i),
            Action::EditHead => next.editing_head = true,
            Action::Message(m) => next.message = m,
            Action::Notice(m) => next.notice = m,
            Action::Busy(b) => next.busy = b,
            Action::UiLanguage { asked, browser } => {
                if (asked, browser) == (self.ui_asked, self.ui_browser) {
                    return self;
                }
                (next.ui_asked, next.ui_browser) = (asked, browser);
            }
        }
        Rc::new(next)
    }
}

impl State {
    /// A state showing `text`, not yet analysed.
    pub fn with_text(text: String) -> State {
        State::default().showing(text)
    }

    /// This state showing `text`, not yet analysed.
    pub fn showing(mut self, text: String) -> State {
        self.set_text(text.into());
        self.typing = false;
        self
    }

    /// Take `text` as the text: what depends on the old one (the offer to
    /// undo, confirmations) is out of date.
    fn set_text(&mut self, text: AttrValue) {
        let ui = self.ui();
        self.message = (text.len() > MAX_TEXT_BYTES)
            .then(|| ui.fill(Key::WillAnalysePart, &[&megabytes(text.len()), &megabytes(MAX_TEXT_BYTES)]));
        self.chars = text.chars().count();
        self.text = text;
        self.undo = None;
        self.notice = None;
    }

    /// Take `text` from outside the text box, which must show it.
    fn replace(&mut self, text: AttrValue) {
        self.set_text(text);
        self.revision = self.revision.wrapping_add(1);
        self.typing = false;
        self.editing_head = false;
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

    /// The interface language: asked for, else the language the last
    /// report was read in when it is Russian or Ukrainian, else the
    /// browser's, else English (see [`crate::i18n::choose`]).
    pub fn ui(&self) -> Ui {
        let browser = self.ui_browser.map(Ui::code);
        crate::i18n::choose(self.ui_asked, self.report.as_ref().map(|r| r.language.as_str()), browser)
    }

    /// The status line read out to screen readers, in [`State::ui`].
    pub fn status(&self) -> String {
        let ui = self.ui();
        if let Some(bytes) = self.busy {
            return match bytes > MAX_TEXT_BYTES {
                true => ui.fill(Key::AnalysingPart, &[&megabytes(MAX_TEXT_BYTES), &megabytes(bytes)]),
                false => ui.fill(Key::AnalysingMb, &[&megabytes(bytes)]),
            };
        }
        match &self.report {
            None if self.text.trim().is_empty() => ui.get(Key::Prompt).into(),
            None => ui.get(Key::AnalysingNow).into(),
            Some(r) => {
                let parties = r.parties.iter().filter(|p| r.cells.iter().any(|c| c.party == p.id)).count();
                let cells = r.cells.len();
                if cells == 0 && r.stats.sentences == 0 {
                    ui.get(Key::Prompt).into()
                } else if cells == 0 {
                    ui.fill(Key::NoPositions, &[&ui.count(Key::Sentences, r.stats.sentences)])
                } else {
                    let (p, c) = (ui.count(Key::Parties, parties), ui.count(Key::PositionCount, cells));
                    ui.fill(Key::Found, &[&p, &c])
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

    fn typed(state: Rc<State>, text: &str) -> Rc<State> {
        state.reduce(Action::Edit { text: text.to_string().into(), at_once: false })
    }

    fn notice(s: &State) -> Option<&str> {
        s.notice.as_ref().map(|n| n.text.as_str())
    }

    #[test]
    fn edit_then_analyze() {
        let text = "Kyiv rejected any plan to cede territory.";
        let s = typed(Rc::new(State::default()), text);
        assert!(s.stale());
        assert!(s.typing);
        assert_eq!(s.status(), "Analysing…");
        let s = analyzed(s, text);
        assert!(!s.stale());
        assert_eq!(s.status(), "1 party, 1 position found.");
    }

    #[test]
    fn late_result_for_old_text_is_ignored() {
        let s = typed(Rc::new(State::default()), "new text");
        let s2 = analyzed(s.clone(), "old text");
        assert!(Rc::ptr_eq(&s, &s2));
    }

    #[test]
    fn focus_highlights_evidence() {
        let text = "Moscow rejected the truce. The weather was fine. Kyiv backed the truce.";
        let s = analyzed(typed(Rc::new(State::default()), text), text);
        let s = s.reduce(Action::Focus(Some(("ukraine".into(), "ceasefire".into()))));
        assert_eq!(s.highlighted(), vec![2]);
        let s = s.reduce(Action::Focus(None));
        assert!(s.highlighted().is_empty());
    }

    #[test]
    fn oversized_text_is_kept_with_a_message() {
        let big = "a".repeat(MAX_TEXT_BYTES + 1);
        let s = typed(Rc::new(State::default()), &big);
        assert_eq!(s.text.len(), big.len());
        assert!(s.message.as_deref().unwrap().contains("the first 20.0 MB will be analysed"));
        assert_eq!(
            s.clone().reduce(Action::Busy(Some(big.len()))).status(),
            "Analysing the first 20.0 MB of 20.0 MB of text…"
        );
        let report = Rc::new(factgrid_engine::analyze(
            &big[..MAX_TEXT_BYTES],
            &factgrid_engine::Profile::default_profile(),
        ));
        let s = s.reduce(Action::Analyzed { text: big.into(), report });
        assert_eq!(
            s.message.as_deref(),
            Some("This text is 20.0 MB, of which the first 20.0 MB were analysed. ")
        );
    }

    #[test]
    fn a_message_about_a_link_outlives_the_first_analysis() {
        let s =
            crate::hooks::with_link(State::default(), Some(Err("The link's text could not be read.".into())));
        let s = analyzed(Rc::new(s), "");
        assert_eq!(s.message.as_deref(), Some("The link's text could not be read."));
        assert_eq!(typed(s, "Kyiv").message, None, "a new text: the message is out of date");
    }

    #[test]
    fn clear_resets_and_can_be_undone() {
        let s =
            analyzed(typed(Rc::new(State::default()), "Kyiv backed the truce."), "Kyiv backed the truce.");
        let cleared = s.clone().reduce(Action::Clear);
        assert_eq!(cleared.text, "");
        assert_eq!(cleared.report, None);
        assert_eq!(cleared.revision, s.revision + 1, "the box is rewritten");
        assert_eq!(notice(&cleared), Some("Text cleared."));
        assert_eq!(cleared.notice.as_ref().unwrap().place, Place::Input);
        let back = cleared.clone().reduce(Action::Undo);
        assert_eq!(back.text, "Kyiv backed the truce.");
        assert_eq!(back.chars, 22);
        assert_eq!(back.revision, cleared.revision + 1);
        assert!(!back.typing, "analysed at once");
        assert_eq!((back.undo.clone(), back.notice.clone()), (None, None));
        // Undo once only.
        assert!(Rc::ptr_eq(&back, &back.clone().reduce(Action::Undo)));
    }

    #[test]
    fn clearing_nothing_offers_no_undo() {
        let s = Rc::new(State::default()).reduce(Action::Clear);
        assert_eq!(s.undo, None);
    }

    #[test]
    fn a_replacement_by_the_reader_can_be_undone() {
        let s = typed(Rc::new(State::default()), "my article");
        let s =
            s.reduce(Action::Discard { text: "the example".into(), notice: "Loaded the example.".into() });
        assert_eq!((s.text.as_str(), s.undo.as_deref()), ("the example", Some("my article")));
        assert_eq!(notice(&s), Some("Loaded the example."));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.text, "my article");
        // Replacing nothing, or the same text, leaves nothing to undo.
        let s = Rc::new(State::default())
            .reduce(Action::Discard { text: "x".into(), notice: "Loaded x.".into() });
        assert_eq!(s.undo, None);
        let s = s.reduce(Action::Discard { text: "x".into(), notice: "Loaded x.".into() });
        assert_eq!(s.undo, None);
    }

    #[test]
    fn typing_makes_undo_and_confirmations_stale() {
        let s = typed(Rc::new(State::default()), "old").reduce(Action::Clear);
        assert!(s.undo.is_some());
        let s = typed(s, "new");
        assert_eq!((s.undo.clone(), s.notice.clone()), (None, None));
        let s = s.reduce(Action::Notice(Some(Notice { text: "Copied.".into(), place: Place::Export })));
        let s = typed(s, "newer");
        assert_eq!(s.notice, None);
    }

    #[test]
    fn a_link_opens_at_once_only_when_nothing_is_lost() {
        let s = Rc::new(State::default()).reduce(Action::Linked("linked".into()));
        assert_eq!((s.text.as_str(), s.offer.clone()), ("linked", None));
        assert_eq!(s.undo, None);
        let s = Rc::new(State::with_text("saved".into())).reduce(Action::Linked("saved".into()));
        assert_eq!((s.text.as_str(), s.offer.clone()), ("saved", None));

        let saved = Rc::new(State::with_text("saved".into())).reduce(Action::Linked("linked".into()));
        assert_eq!((saved.text.as_str(), saved.offer.as_deref()), ("saved", Some("linked")));
        let kept = saved.clone().reduce(Action::AnswerOffer(false));
        assert_eq!((kept.text.as_str(), kept.offer.clone()), ("saved", None));
        let opened = saved.reduce(Action::AnswerOffer(true));
        assert_eq!((opened.text.as_str(), opened.offer.clone()), ("linked", None));
        assert_eq!(opened.undo.as_deref(), Some("saved"));
        assert_eq!(opened.reduce(Action::Undo).text, "saved");
    }

    #[test]
    fn another_tabs_text_is_offered_and_keeping_ours_saves_it() {
        let s = Rc::new(State::with_text("ours".into()));
        assert!(
            Rc::ptr_eq(&s, &s.clone().reduce(Action::SavedElsewhere("ours".into()))),
            "the same text: nothing to ask"
        );
        let asked = s.reduce(Action::SavedElsewhere("theirs".into()));
        assert_eq!((asked.offer.as_deref(), asked.offer_from_tab), (Some("theirs"), true));
        let kept = asked.clone().reduce(Action::AnswerOffer(false));
        assert_eq!((kept.text.as_str(), kept.offer.clone(), kept.kept), ("ours", None, 1));
        let opened = asked.reduce(Action::AnswerOffer(true));
        assert_eq!((opened.text.as_str(), opened.undo.as_deref(), opened.kept), ("theirs", Some("ours"), 0));
        assert_eq!(opened.notice.as_ref().unwrap().text, "The other tab's text replaced this one.");
    }

    /// A state that read `text` with the built-in profiles (the language
    /// detected, as in the widget).
    fn read(state: Rc<State>, text: &str) -> Rc<State> {
        let report = Rc::new(factgrid_engine::Analyzer::builtin().analyze(text));
        typed(state, text).reduce(Action::Analyzed { text: text.to_string().into(), report })
    }

    #[test]
    fn the_interface_follows_the_articles_language_unless_asked() {
        let ru = "Кремль отверг перемирие. Украина поддержала прекращение огня.";
        let uk = "Кремль відкинув перемир'я. Україна підтримала припинення вогню.";
        // A Russian article: a Russian status line, whatever the browser.
        let start = State { ui_browser: Some(Ui::Uk), ..State::default() };
        let s = read(Rc::new(start), ru);
        assert_eq!(s.report.as_ref().unwrap().language, "ru");
        assert_eq!(s.ui(), Ui::Ru);
        assert!(s.status().starts_with("Найдено: "), "{}", s.status());
        // A Ukrainian one: Ukrainian.
        let s = read(s, uk);
        assert_eq!(s.ui(), Ui::Uk);
        assert!(s.status().starts_with("Знайдено: "), "{}", s.status());
        // English: the browser's language again.
        let s = read(s, "Moscow rejected the truce.");
        assert_eq!(s.ui(), Ui::Uk);
        // ui-lang wins over both, and survives Clear.
        let s = s.reduce(Action::UiLanguage { asked: Some(Ui::En), browser: Some(Ui::Uk) });
        let s = read(s, ru);
        assert_eq!(s.ui(), Ui::En);
        assert!(s.status().ends_with(" found."), "{}", s.status());
        let cleared = s.reduce(Action::Clear);
        assert_eq!(cleared.notice.as_ref().unwrap().text, "Text cleared.");
        assert_eq!(cleared.ui_asked, Some(Ui::En));
        // No report, a Russian browser: Russian.
        let empty = State { ui_browser: Some(Ui::Ru), ..State::default() };
        assert_eq!(
            empty.status(),
            "Вставьте или наберите статью, чтобы увидеть, кто какую позицию занимает."
        );
    }
}
