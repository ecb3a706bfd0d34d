//! The parties × topics grid: an accessible table with a stance badge, a
//! summary and the evidence for every cell.

use std::rc::Rc;

use factgrid_engine::{Cell, Report};
use yew::prelude::*;

use super::stance::StanceBadge;

/// The most evidence sentences listed in one cell.
pub const MAX_EVIDENCE: usize = 100;

/// Props of [`Grid`].
#[derive(Properties, PartialEq)]
pub struct GridProps {
    /// The report to show.
    pub report: Rc<Report>,
    /// The analysed text (for marking quoted words).
    pub text: AttrValue,
    /// A cell was hovered or focused (`None` when left).
    pub on_focus: Callback<Option<(String, String)>>,
    /// An evidence sentence was activated.
    pub on_select: Callback<usize>,
}

/// The grid.
#[component]
pub fn Grid(props: &GridProps) -> Html {
    let r = &props.report;
    html! {
        <section class="fg-grid" aria-labelledby="fg-grid-title">
            <h2 id="fg-grid-title" class="fg-panel-title">{"Positions"}</h2>
            <table class="fg-table">
                <caption class="fg-visually-hidden">{"What each party holds on each topic"}</caption>
                <thead>
                    <tr>
                        <th scope="col">{"Topic"}</th>
                        { for r.parties.iter().map(|p| html! { <th scope="col" key={&*p.id}>{&p.label}</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for r.topics.iter().map(|t| html! {
                        <tr key={&*t.id}>
                            <th scope="row">{&t.label}</th>
                            { for r.parties.iter().map(|p| {
                                let cell = r.cell(&p.id, &t.id);
                                html! {
                                    <GridCell key={&*p.id} party={p.id.to_string()} party_label={p.label.clone()}
                                        topic={t.id.to_string()} cell={cell.cloned().map(Rc::new)}
                                        text={props.text.clone()}
                                        on_focus={props.on_focus.clone()} on_select={props.on_select.clone()} />
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GridCellProps {
    party: AttrValue,
    party_label: AttrValue,
    topic: AttrValue,
    cell: Option<Rc<Cell>>,
    text: AttrValue,
    on_focus: Callback<Option<(String, String)>>,
    on_select: Callback<usize>,
}

#[component]
fn GridCell(props: &GridCellProps) -> Html {
    let Some(cell) = &props.cell else {
        return html! {
            <td class="fg-cell fg-cell-empty" data-party={props.party.clone()} data-topic={props.topic.clone()}>
                <span class="fg-party-label" aria-hidden="true">{&props.party_label}</span>
                <span class="fg-none">{"No position stated"}</span>
            </td>
        };
    };
    let key = (props.party.to_string(), props.topic.to_string());
    let enter = {
        let on_focus = props.on_focus.clone();
        let key = key.clone();
        Callback::from(move |_: MouseEvent| on_focus.emit(Some(key.clone())))
    };
    let focusin = {
        let on_focus = props.on_focus.clone();
        Callback::from(move |_: FocusEvent| on_focus.emit(Some(key.clone())))
    };
    let leave = props.on_focus.reform(|_: MouseEvent| None);
    let n = cell.evidence.len();
    html! {
        <td class="fg-cell" data-party={props.party.clone()} data-topic={props.topic.clone()}
            data-stance={cell.stance.clone()} onmouseenter={enter} onmouseleave={leave} onfocusin={focusin}>
            <span class="fg-party-label" aria-hidden="true">{&props.party_label}</span>
            <StanceBadge stance={cell.stance.clone()} />
            <p class="fg-summary">{&cell.summary}</p>
            <details class="fg-evidence">
                <summary>{format!("{n} evidence sentence{}", if n == 1 { "" } else { "s" })}</summary>
                <ol>
                    { for cell.evidence.iter().take(MAX_EVIDENCE).map(|e| {
                        let sentence = e.sentence;
                        let onclick = props.on_select.reform(move |_: MouseEvent| sentence);
                        html! {
                            <li key={e.sentence}>
                                <button type="button" class="fg-evidence-item" {onclick}
                                    data-sentence={e.sentence.to_string()}>
                                    { quoted_text(&props.text, e.span, e.quote) }
                                </button>
                                if let Some(s) = &e.speaker {
                                    <span class="fg-speaker">{format!("— {s}")}</span>
                                }
                            </li>
                        }
                    }) }
                </ol>
                if n > MAX_EVIDENCE {
                    <p class="fg-more">{format!("…and {} more, marked in the article.", n - MAX_EVIDENCE)}</p>
                }
            </details>
        </td>
    }
}

/// A sentence with its quoted words marked.
fn quoted_text(text: &str, span: factgrid_engine::Span, quote: Option<factgrid_engine::Span>) -> Html {
    let Some(text) = text.get(span.range()) else {
        return Html::default();
    };
    match quote {
        Some(q) if span.contains(q) && !q.is_empty() => {
            let (a, b) = (q.start - span.start, q.end - span.start);
            match (text.get(..a), text.get(a..b), text.get(b..)) {
                (Some(x), Some(y), Some(z)) => {
                    html! { <>{x}<q class="fg-quote">{y.trim_matches(['"', '\u{201c}', '\u{201d}'])}</q>{z}</> }
                }
                _ => html! { {text} },
            }
        }
        _ => html! { {text} },
    }
}
