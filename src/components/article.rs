//! The article view: the text by sentence, evidence highlighted, party
//! mentions marked.
//!
//! What it puts in the DOM is bounded by size, not by sentence count: a
//! window of at most [`WINDOW_SENTENCES`] sentences, [`WINDOW_BYTES`] of
//! text and [`WINDOW_MARKS`] marked mentions, whatever the text (a
//! megabyte of party names without a full stop would otherwise become
//! hundreds of thousands of elements). The reader moves the window with
//! the Earlier and Later buttons, and jumping to a sentence brings it in.

use std::ops::Range;
use std::rc::Rc;

use factgrid_engine::{Mention, Report, Span};
use yew::prelude::*;

use crate::i18n::{Key, Ui};
use crate::state::{SameText, SharedReport};

/// The most sentences shown at once.
pub const WINDOW_SENTENCES: usize = 1500;
/// The most text shown at once, in bytes (give or take one sentence).
pub const WINDOW_BYTES: usize = 48 * 1024;
/// The most mentions marked at once.
pub const WINDOW_MARKS: usize = 1200;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The report.
    pub report: SharedReport,
    /// The analysed text.
    pub text: SameText,
    /// Sentences to highlight (the focused cell's evidence).
    pub highlighted: Rc<Vec<usize>>,
    /// The sentence last jumped to.
    pub selected: Option<usize>,
    /// Where the reader moved the window, if they did.
    pub window_start: Option<usize>,
    /// The reader moves the window to start at a sentence.
    pub on_move: Callback<usize>,
    /// The interface language (the text itself is in the report's).
    pub ui: Ui,
    /// The reader's corrections (for the cells a sentence supports).
    pub fixes: Rc<crate::corrections::Corrections>,
    /// Offer "Back to the grid" (the reader came from a cell).
    pub back: bool,
    /// Back to the grid.
    pub on_back: Callback<()>,
    /// The reader picked a sentence (to see the cells it supports).
    pub on_pick: Callback<usize>,
    /// The reader goes from a sentence to a cell it supports.
    pub on_cell: Callback<(String, String)>,
    /// Copy a link to a sentence (the factgrid page only).
    pub on_link: Option<Callback<usize>>,
    /// A confirmation by the selected sentence's tools.
    pub notice: Option<String>,
}

/// The article, sentence by sentence, with mentions and evidence marked.
#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let r = &props.report;
    let text = props.text.0.as_str();
    let total = r.sentences.len();
    let window = match (props.window_start, props.selected) {
        (Some(start), _) => window_from(r, start),
        (None, Some(s)) => window_around(r, s),
        (None, None) => window_from(r, 0),
    };
    let go = |start: usize| props.on_move.reform(move |_: MouseEvent| start);
    let in_window = |i: &usize| window.contains(i);
    // Sorted lists, searched: a hash set would add its own code to the bundle.
    let mut evidence: Vec<usize> =
        r.cells.iter().flat_map(|c| c.evidence.iter().map(|e| e.sentence)).filter(in_window).collect();
    evidence.sort_unstable();
    let mut highlighted: Vec<usize> = props.highlighted.iter().copied().filter(in_window).collect();
    highlighted.sort_unstable();
    let mut paragraphs: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in window.clone() {
        let paragraph = r.sentences[i].paragraph;
        match paragraphs.last_mut() {
            Some((p, list)) if *p == paragraph => list.push(i),
            _ => paragraphs.push((paragraph, vec![i])),
        }
    }
    let mut marks_left = WINDOW_MARKS;
    let ui = props.ui;
    html! {
        <section class="fg-article" aria-labelledby="fg-article-title">
            <h2 id="fg-article-title" class="fg-panel-title">{ui.get(Key::ArticleTitle)}</h2>
            if props.back {
                <button type="button" class="fg-button fg-button-quiet fg-back" onclick={props.on_back.reform(|_: MouseEvent| ())}>
                    {"\u{2191} "}{ui.get(Key::BackToGrid)}
                </button>
            }
            if let Some(i) = props.selected.filter(|i| *i < total) {
                { supports(props, i) }
            }
            if window.start > 0 || window.end < total {
                <p class="fg-window-note">
                    {ui.fill(Key::ShowingSentences, &[&(window.start + 1).to_string(), &window.end.to_string(), &total.to_string()])}
                    if window.start > 0 {
                        <button type="button" class="fg-button fg-button-quiet" onclick={go(window_back(r, window.start))}>{ui.get(Key::Earlier)}</button>
                    }
                    {" "}
                    if window.end < total {
                        <button type="button" class="fg-button fg-button-quiet" onclick={go(window.end)}>{ui.get(Key::Later)}</button>
                    }
                </p>
            }
            // Focusable so that keyboard users can scroll it.
            <div class="fg-article-body" tabindex="0" role="region" aria-label={ui.get(Key::ArticleRegion)} lang={r.language.clone()}>
            { for paragraphs.iter().map(|(pi, sents)| html! {
                <p key={*pi}>
                { for sents.iter().map(|&i| {
                    let s = &r.sentences[i];
                    let mut class = classes!("fg-sentence");
                    if evidence.binary_search(&i).is_ok() { class.push("fg-is-evidence"); }
                    if highlighted.binary_search(&i).is_ok() { class.push("fg-is-highlighted"); }
                    if props.selected == Some(i) { class.push("fg-is-selected"); }
                    let parts = sentence_parts(text, s.span, &r.mentions, marks_left);
                    marks_left -= parts.iter().filter(|p| matches!(p, Part::Mention { .. })).count();
                    let parts = parts.into_iter().map(|part| match part {
                        Part::Text(t) => html! { {t} },
                        Part::Mention { text, party } => html! {
                            <mark class={classes!("fg-mention", format!("fg-party-{party}"))}>{text}</mark>
                        },
                    });
                    let is_evidence = evidence.binary_search(&i).is_ok();
                    let onclick = is_evidence.then(|| props.on_pick.reform(move |_: MouseEvent| i));
                    let onkeydown = is_evidence.then(|| {
                        let pick = props.on_pick.clone();
                        Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); pick.emit(i) })
                    });
                    html! {
                        <>
                            <span key={i} id={format!("fg-s-{i}")} class={class} data-sentence={i.to_string()}
                                tabindex={if is_evidence { "0" } else { "-1" }} role={is_evidence.then_some("button")}
                                {onclick} {onkeydown}>{ for parts }</span>
                            {" "}
                        </>
                    }
                }) }
                </p>
            }) }
            </div>
        </section>
    }
}

/// The cells sentence `i` is evidence for (after the reader's
/// corrections), each a way to its cell; and a link to the sentence.
fn supports(props: &ArticleProps, i: usize) -> Html {
    let (r, ui) = (&props.report, props.ui);
    let n = (i + 1).to_string();
    let mut cells = Vec::new();
    for t in &r.topics {
        for p in &r.parties {
            let v = crate::corrections::view(r.cell(&p.id, &t.id), props.fixes.fix(&p.id, &t.id));
            if v.kept().any(|x| x.sentence == i) {
                let label = format!("{} \u{00b7} {}", ui.label(&p.id, &p.label), ui.label(&t.id, &t.label));
                let stance = v.stance.map(|s| ui.stance(s).1).unwrap_or(ui.get(Key::NoneFound));
                let key = (p.id.to_string(), t.id.to_string());
                cells.push((label, stance, props.on_cell.reform(move |_: MouseEvent| key.clone())));
            }
        }
    }
    html! {
        <div class="fg-supports" role="group" aria-labelledby="fg-supports-title">
            <p id="fg-supports-title">{ui.fill(if cells.is_empty() { Key::SupportsNone } else { Key::SupportsCells }, &[&n])}</p>
            if !cells.is_empty() {
                <ul>
                    { for cells.into_iter().map(|(label, stance, onclick)| html! {
                        <li><button type="button" class="fg-link fg-supports-cell" {onclick}>{label}{": "}{stance}</button></li>
                    }) }
                </ul>
            }
            if let Some(link) = &props.on_link {
                <button type="button" class="fg-tool fg-sentence-link" onclick={link.reform(move |_: MouseEvent| i)}>{ui.get(Key::CopySentenceLink)}</button>
                <span class="fg-cell-notice" aria-live="polite">{props.notice.clone().unwrap_or_default()}</span>
            }
        </div>
    }
}

/// The number of mentions that start within `span`.
fn marks_in(mentions: &[Mention], span: Span) -> usize {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let end = mentions.partition_point(|m| m.span.start < span.end);
    end.saturating_sub(first)
}

/// How many sentences, from `from` on (or, not `forward`, from `from`
/// back to the start), fit within `1 / share` of the window's limits; at
/// least `min`.
fn fit(r: &Report, from: usize, forward: bool, share: usize, min: usize) -> usize {
    let (mut n, mut bytes, mut marks) = (0, 0, 0);
    let count = if forward { r.sentences.len() - from } else { from };
    while n < count {
        let s = &r.sentences[if forward { from + n } else { from - 1 - n }];
        bytes += s.span.len();
        marks += marks_in(&r.mentions, s.span);
        let over =
            n + 1 > WINDOW_SENTENCES / share || bytes > WINDOW_BYTES / share || marks > WINDOW_MARKS / share;
        if over && n >= min {
            break;
        }
        n += 1;
    }
    n
}

/// The window that starts at sentence `first`: as many sentences as fit
/// the limits, and at least one.
pub fn window_from(r: &Report, first: usize) -> Range<usize> {
    let first = first.min(r.sentences.len());
    first..first + fit(r, first, true, 1, 1)
}

/// The start of the window that ends where the sentence `end` begins.
pub fn window_back(r: &Report, end: usize) -> usize {
    let end = end.min(r.sentences.len());
    end - fit(r, end, false, 1, 1)
}

/// The window that shows sentence `selected`, with some of the text before it.
pub fn window_around(r: &Report, selected: usize) -> Range<usize> {
    let selected = selected.min(r.sentences.len().saturating_sub(1));
    let window = window_from(r, selected - fit(r, selected, false, 4, 0));
    if window.contains(&selected) {
        window
    } else {
        window_from(r, selected)
    }
}

/// A piece of a sentence as the article view shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// Plain text.
    Text(&'a str),
    /// A reference to a party, marked.
    Mention {
        /// The words.
        text: &'a str,
        /// The party's id.
        party: &'a str,
    },
}

/// Split the sentence at `span` of `text` into plain text and the party
/// mentions inside it, marking at most `max_marks` of them. `mentions` is
/// the report's list, ordered by start; a mention that overlaps an earlier
/// one or does not fit the text is left as plain text, and so are those
/// beyond `max_marks`. Empty pieces are left out.
pub fn sentence_parts<'a>(
    text: &'a str,
    span: Span,
    mentions: &'a [Mention],
    max_marks: usize,
) -> Vec<Part<'a>> {
    let mut parts = Vec::new();
    let push_text = |parts: &mut Vec<Part<'a>>, t: &'a str| {
        if !t.is_empty() {
            parts.push(Part::Text(t));
        }
    };
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let mut pos = span.start;
    let mut marks = 0;
    for m in mentions[first..].iter().take_while(|m| m.span.end <= span.end) {
        if m.span.start < pos || marks == max_marks {
            continue;
        }
        if let (Some(before), Some(word)) = (text.get(pos..m.span.start), text.get(m.span.range())) {
            push_text(&mut parts, before);
            parts.push(Part::Mention { text: word, party: &m.party });
            pos = m.span.end;
            marks += 1;
        }
    }
    push_text(&mut parts, text.get(pos..span.end).unwrap_or(""));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, party: &str) -> Mention {
        Mention { span: Span::new(start, end), party: party.into(), kind: "capital", sentence: 0 }
    }

    #[test]
    fn mentions_are_marked_in_place() {
        let text = "Kyiv and Moscow talked. Washington waited.";
        let mentions = [mention(0, 4, "ukraine"), mention(9, 15, "russia"), mention(24, 34, "us")];
        assert_eq!(
            sentence_parts(text, Span::new(0, 23), &mentions, 99),
            vec![
                Part::Mention { text: "Kyiv", party: "ukraine" },
                Part::Text(" and "),
                Part::Mention { text: "Moscow", party: "russia" },
                Part::Text(" talked."),
            ]
        );
        assert_eq!(
            sentence_parts(text, Span::new(24, 42), &mentions, 99),
            vec![Part::Mention { text: "Washington", party: "us" }, Part::Text(" waited.")]
        );
    }

    #[test]
    fn overlapping_and_out_of_range_mentions_stay_text() {
        let text = "Moscow talks.";
        let mentions = [mention(0, 6, "russia"), mention(2, 5, "x"), mention(7, 99, "y")];
        assert_eq!(
            sentence_parts(text, Span::new(0, 13), &mentions, 99),
            vec![Part::Mention { text: "Moscow", party: "russia" }, Part::Text(" talks.")]
        );
        // A mention that is not on a character boundary is left as text.
        let text = "éa Kyiv";
        let mentions = [mention(1, 3, "x"), mention(4, 8, "ukraine")];
        assert_eq!(
            sentence_parts(text, Span::new(0, 8), &mentions, 99),
            vec![Part::Text("éa "), Part::Mention { text: "Kyiv", party: "ukraine" }]
        );
    }

    #[test]
    fn a_sentence_without_mentions_is_one_piece() {
        assert_eq!(
            sentence_parts("No names here.", Span::new(0, 14), &[], 99),
            vec![Part::Text("No names here.")]
        );
        assert_eq!(sentence_parts("", Span::new(0, 0), &[], 99), vec![]);
    }

    #[test]
    fn marks_beyond_the_budget_stay_text() {
        let text = "Kyiv and Moscow talked.";
        let mentions = [mention(0, 4, "ukraine"), mention(9, 15, "russia")];
        assert_eq!(
            sentence_parts(text, Span::new(0, 23), &mentions, 1),
            vec![Part::Mention { text: "Kyiv", party: "ukraine" }, Part::Text(" and Moscow talked.")]
        );
    }

    /// A report of a text without full stops, dense in party names.
    fn dense(units: usize) -> (String, Report) {
        let unit = "Moscow Kyiv Washington Kremlin Zelensky Putin Trump and ".repeat(70);
        let text = unit.repeat(units);
        let report = factgrid_engine::analyze(&text, &factgrid_engine::Profile::default_profile());
        (text, report)
    }

    #[test]
    fn a_window_of_dense_text_is_bounded_by_bytes_and_marks() {
        let (text, r) = dense(60);
        assert!(r.mentions.len() > 5 * WINDOW_MARKS, "{} mentions", r.mentions.len());
        let mut start = 0;
        while start < r.sentences.len() {
            let w = window_from(&r, start);
            assert!(!w.is_empty());
            let bytes: usize = r.sentences[w.clone()].iter().map(|s| s.span.len()).sum();
            assert!(bytes <= WINDOW_BYTES + 4096, "{bytes} bytes");
            let mut left = WINDOW_MARKS;
            for s in &r.sentences[w.clone()] {
                let parts = sentence_parts(&text, s.span, &r.mentions, left);
                left -= parts.iter().filter(|p| matches!(p, Part::Mention { .. })).count();
            }
            assert_eq!(window_back(&r, w.end), w.start, "Earlier undoes Later");
            start = w.end;
        }
    }

    #[test]
    fn the_window_around_a_sentence_holds_it_with_some_text_before() {
        let (_, r) = dense(60);
        let last = r.sentences.len() - 1;
        for selected in [0, 1, last / 2, last] {
            let w = window_around(&r, selected);
            assert!(w.contains(&selected), "{selected} in {w:?}");
        }
        // Ordinary sentences: some of the text before the selected one shows.
        let text = "Kyiv agreed to talks on Monday. ".repeat(5000);
        let r = factgrid_engine::analyze(&text, &factgrid_engine::Profile::default_profile());
        let w = window_around(&r, 3000);
        assert!(w.start < 2990 && w.contains(&3000) && w.end > 3010, "{w:?}");
        let short = factgrid_engine::analyze(
            "Kyiv agreed. Moscow did not.",
            &factgrid_engine::Profile::default_profile(),
        );
        assert_eq!(window_around(&short, 1), 0..2);
        assert_eq!(window_from(&short, 0), 0..2);
        assert_eq!(window_from(&short, 5), 2..2, "past the end: nothing");
    }
}
