//! The parties × topics grid: an accessible table with a stance badge, a
//! summary and the evidence for every cell.

use factgrid_engine::{Label, Span};
use yew::prelude::*;

use super::stance::stance_badge;
use crate::i18n::{Key, Ui};
use crate::state::{SameText, SharedReport};

/// The most evidence sentences listed in one cell (the rest are marked in
/// the article).
pub const MAX_EVIDENCE: usize = 40;
/// The most of a sentence an evidence item shows, in bytes: the DOM holds
/// at most `MAX_EVIDENCE × EVIDENCE_BYTES` per cell, whatever the text.
pub const EVIDENCE_BYTES: usize = 320;

/// The grid: `on_focus` when a cell is hovered or focused (`None` when
/// left), `on_select` when an evidence sentence is activated. A plain
/// function, like the cells (see [`super::stance::stance_badge`]): what a
/// cell lists is bounded ([`MAX_EVIDENCE`], [`EVIDENCE_BYTES`]), so
/// rendering the grid again with the app stays cheap. Its words are in the
/// interface language `ui`; the evidence, in the article's.
pub fn grid(
    report: &SharedReport,
    text: &SameText,
    on_focus: &Callback<Option<(String, String)>>,
    on_select: &Callback<usize>,
    ui: Ui,
) -> Html {
    let r = report;
    html! {
        <section class="fg-grid" aria-labelledby="fg-grid-title">
            <h2 id="fg-grid-title" class="fg-panel-title">{ui.get(Key::Positions)}</h2>
            <table class="fg-table">
                <caption class="fg-visually-hidden">{ui.get(Key::GridCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ui.get(Key::Topic)}</th>
                        { for r.parties.iter().map(|p| html! { <th scope="col" key={&*p.id}>{ui.label(&p.id, &p.label)}</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for r.topics.iter().map(|t| html! {
                        <tr key={&*t.id}>
                            <th scope="row">{ui.label(&t.id, &t.label)}</th>
                            { for r.parties.iter().map(|p| grid_cell(r, text, p, t, on_focus, on_select, ui)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// The cell of party `p` on topic `t`.
fn grid_cell(
    r: &SharedReport,
    text: &SameText,
    p: &Label,
    t: &Label,
    on_focus: &Callback<Option<(String, String)>>,
    on_select: &Callback<usize>,
    ui: Ui,
) -> Html {
    let party = ui.label(&p.id, &p.label);
    let Some(cell) = r.cells.iter().find(|c| c.party == p.id && c.topic == t.id) else {
        return html! {
            <td key={&*p.id} class="fg-cell fg-cell-empty" data-party={p.id.to_string()} data-topic={t.id.to_string()}>
                <span class="fg-party-label" aria-hidden="true">{party}</span>
                <span class="fg-none">{ui.get(Key::NoneFound)}</span>
            </td>
        };
    };
    let key = (p.id.to_string(), t.id.to_string());
    let enter = {
        let on_focus = on_focus.clone();
        let key = key.clone();
        Callback::from(move |_: MouseEvent| on_focus.emit(Some(key.clone())))
    };
    let focusin = {
        let on_focus = on_focus.clone();
        Callback::from(move |_: FocusEvent| on_focus.emit(Some(key.clone())))
    };
    let leave = on_focus.reform(|_: MouseEvent| None);
    let n = cell.evidence.len();
    html! {
        <td key={&*p.id} class="fg-cell" data-party={p.id.to_string()} data-topic={t.id.to_string()}
            data-stance={cell.stance.clone()} onmouseenter={enter} onmouseleave={leave} onfocusin={focusin}>
            <span class="fg-party-label" aria-hidden="true">{party}</span>
            { stance_badge(&cell.stance, ui) }
            <p class="fg-summary">{&cell.summary}</p>
            <details class="fg-evidence">
                <summary>{ui.count(Key::Evidence, n)}</summary>
                <ol lang={r.language.clone()}>
                    { for cell.evidence.iter().take(MAX_EVIDENCE).map(|e| {
                        let sentence = e.sentence;
                        let onclick = on_select.reform(move |_: MouseEvent| sentence);
                        html! {
                            <li key={e.sentence}>
                                <button type="button" class="fg-evidence-item" {onclick}
                                    data-sentence={e.sentence.to_string()}>
                                    { quoted_text(&text.0, e.span, e.quote) }
                                </button>
                                if let Some(s) = &e.speaker {
                                    <span class="fg-speaker">{format!("— {s}")}</span>
                                }
                            </li>
                        }
                    }) }
                </ol>
                if n > MAX_EVIDENCE {
                    <p class="fg-more">{ui.fill(Key::MoreEvidence, &[&(n - MAX_EVIDENCE).to_string()])}</p>
                }
            </details>
        </td>
    }
}

/// The part of an evidence sentence to show: at most [`EVIDENCE_BYTES`]
/// of `span` (cut on a character boundary of `text`), the quote within it,
/// and whether the sentence was cut.
pub fn clip(text: &str, span: Span, quote: Option<Span>) -> (Span, Option<Span>, bool) {
    let mut end = span.end.min(span.start + EVIDENCE_BYTES).min(text.len());
    while end > span.start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let shown = Span::new(span.start.min(end), end);
    let quote = quote
        .filter(|q| span.contains(*q))
        .map(|q| Span::new(q.start.min(end), q.end.min(end)))
        .filter(|q| !q.is_empty());
    (shown, quote, end < span.end)
}

/// A sentence with its quoted words marked, cut to [`EVIDENCE_BYTES`].
fn quoted_text(text: &str, span: Span, quote: Option<Span>) -> Html {
    let (span, quote, cut) = clip(text, span, quote);
    let more = if cut { "\u{2026}" } else { "" };
    let Some(shown) = text.get(span.range()) else {
        return Html::default();
    };
    match quote {
        Some(q) => {
            let (a, b) = (q.start - span.start, q.end - span.start);
            match (shown.get(..a), shown.get(a..b), shown.get(b..)) {
                (Some(x), Some(y), Some(z)) => {
                    html! { <>{x}<q class="fg-quote">{y.trim_matches(['"', '\u{201c}', '\u{201d}'])}</q>{z}{more}</> }
                }
                _ => html! { <>{shown}{more}</> },
            }
        }
        None => html! { <>{shown}{more}</> },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_sentence_is_shown_whole() {
        let text = "Kyiv said \"no\" today.";
        let (span, quote, cut) = clip(text, Span::new(0, text.len()), Some(Span::new(10, 14)));
        assert_eq!((span, quote, cut), (Span::new(0, text.len()), Some(Span::new(10, 14)), false));
    }

    #[test]
    fn a_long_sentence_is_cut_on_a_character_boundary_with_its_quote() {
        let text = format!("{}é{}", "a".repeat(EVIDENCE_BYTES - 1), "b".repeat(5000));
        let whole = Span::new(0, text.len());
        let (span, quote, cut) = clip(&text, whole, Some(Span::new(10, 4000)));
        assert!(cut);
        assert_eq!(span, Span::new(0, EVIDENCE_BYTES - 1), "é straddles the limit");
        assert_eq!(quote, Some(Span::new(10, EVIDENCE_BYTES - 1)));
        // A quote wholly beyond the cut is not marked.
        assert_eq!(clip(&text, whole, Some(Span::new(4000, 4010))).1, None);
    }

    #[test]
    fn spans_that_do_not_fit_the_text_show_nothing_or_less() {
        let (span, _, _) = clip("short", Span::new(2, 50), None);
        assert_eq!(span, Span::new(2, 5));
    }
}
