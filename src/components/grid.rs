//! The parties × topics grid: an accessible table with a stance badge, a
//! summary and the evidence for every cell.

use factgrid_engine::{Cell, Evidence, Label, Span};
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
            { legend(ui) }
        </section>
    }
}

/// The eight labels and what each means (the guidelines' definitions).
fn legend(ui: Ui) -> Html {
    html! {
        <details class="fg-legend">
            <summary>{ui.get(Key::LegendTitle)}</summary>
            <dl>
                { for factgrid_engine::STANCE_LABELS.iter().map(|l| html! {
                    <>
                        <dt>{ stance_badge(l, ui) }</dt>
                        <dd>{ui.definition(l).unwrap_or_default()}</dd>
                    </>
                }) }
            </dl>
        </details>
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
            if let Some(mix) = mixed(cell, ui) {
                <p class="fg-mixed">{mix}</p>
            }
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
                                    { quoted_text(&text.0, e.span, e.quote, e.cue, ui) }
                                </button>
                                <span class="fg-evidence-meta">
                                    if let Some(l) = &e.stance {
                                        { stance_badge(l, ui) }
                                    }
                                    if let Some(s) = speaker_label(e) {
                                        <span class="fg-speaker">{format!("— {s}")}</span>
                                    }
                                    if let Some(v) = ui.via(&e.via) {
                                        <span class="fg-via">{v}</span>
                                    }
                                </span>
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

/// Who the evidence names as speaker or actor: the words of the text, and
/// for a pronoun or description the name it stands for (`he → Vladimir
/// Putin`), as the engine resolved it.
pub fn speaker_label(e: &Evidence) -> Option<String> {
    let said = e.speaker.as_deref()?;
    Some(match e.resolved.as_deref() {
        Some(name) if name != said => format!("{said} \u{2192} {name}"),
        _ => said.to_string(),
    })
}

/// When a cell's evidence shows more than one label: how many of each
/// (`Mixed evidence: 3 × Conditional, 1 × Opposes`), most first.
pub fn mixed(cell: &Cell, ui: Ui) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in cell.evidence.iter().filter_map(|e| e.stance.as_deref()) {
        match counts.iter_mut().find(|(x, _)| *x == l) {
            Some((_, n)) => *n += 1,
            None => counts.push((l, 1)),
        }
    }
    if counts.len() < 2 {
        return None;
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let list: Vec<String> = counts.iter().map(|(l, n)| format!("{n} \u{00d7} {}", ui.stance(l).1)).collect();
    Some(ui.fill(Key::MixedEvidence, &[&list.join(", ")]))
}

/// A sentence with its quoted words and its cue words marked, cut to
/// [`EVIDENCE_BYTES`].
fn quoted_text(text: &str, span: Span, quote: Option<Span>, cue: Option<Span>, ui: Ui) -> Html {
    let (span, quote, cut) = clip(text, span, quote);
    let more = if cut { "\u{2026}" } else { "" };
    if text.get(span.range()).is_none() {
        return Html::default();
    }
    let marks = |piece: Span| with_cue(text, piece, cue, ui);
    match quote {
        Some(q) => {
            // (The quotation marks are the `<q>` element's own.)
            let inner = text.get(q.range()).unwrap_or_default();
            let marks_at = ['"', '\u{201c}', '\u{201d}'];
            let lead = inner.len() - inner.trim_start_matches(marks_at).len();
            let tail = inner.len() - inner.trim_end_matches(marks_at).len();
            let quoted = Span::new(
                (q.start + lead).min(q.end),
                q.end.saturating_sub(tail).max(q.start + lead).min(q.end),
            );
            html! {
                <>
                    { marks(Span::new(span.start, q.start)) }
                    <q class="fg-quote">{ marks(quoted) }</q>
                    { marks(Span::new(q.end, span.end)) }
                    {more}
                </>
            }
        }
        None => html! { <>{ marks(span) }{more}</> },
    }
}

/// The words of `piece` with the part of `cue` inside it marked.
fn with_cue(text: &str, piece: Span, cue: Option<Span>, ui: Ui) -> Html {
    let whole = text.get(piece.range()).unwrap_or_default();
    let Some((a, b)) = cue_within(piece, cue) else { return html! { {whole} } };
    match (text.get(piece.start..a), text.get(a..b), text.get(b..piece.end)) {
        (Some(x), Some(y), Some(z)) => html! {
            <>{x}<mark class="fg-cue" title={ui.get(Key::CueHint)}>{y}</mark>{z}</>
        },
        _ => html! { {whole} },
    }
}

/// The part of `cue` inside `piece`, as text offsets, if any.
pub fn cue_within(piece: Span, cue: Option<Span>) -> Option<(usize, usize)> {
    let c = cue?;
    let (a, b) = (c.start.max(piece.start), c.end.min(piece.end));
    (a < b).then_some((a, b))
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

    fn evidence(stance: Option<&str>, speaker: &str, resolved: Option<&str>) -> Evidence {
        Evidence {
            sentence: 0,
            text: String::new(),
            span: Span::new(0, 1),
            stance: stance.map(Into::into),
            via: "speaker".into(),
            speaker: Some(speaker.into()),
            speaker_span: None,
            resolved: resolved.map(Into::into),
            resolved_span: None,
            cue: None,
            quote: None,
        }
    }

    #[test]
    fn a_pronoun_speaker_shows_whom_it_stands_for() {
        assert_eq!(
            speaker_label(&evidence(None, "he", Some("Vladimir Putin"))).unwrap(),
            "he \u{2192} Vladimir Putin"
        );
        assert_eq!(speaker_label(&evidence(None, "Peskov", None)).unwrap(), "Peskov");
        assert_eq!(speaker_label(&evidence(None, "Peskov", Some("Peskov"))).unwrap(), "Peskov");
    }

    #[test]
    fn mixed_evidence_is_counted_most_first() {
        let cell = |labels: &[Option<&str>]| Cell {
            party: "russia".into(),
            topic: "ceasefire".into(),
            stance: "conditional".into(),
            summary: String::new(),
            evidence: labels.iter().map(|l| evidence(*l, "x", None)).collect(),
        };
        let got = mixed(&cell(&[Some("opposes"), Some("conditional"), None, Some("conditional")]), Ui::En);
        assert_eq!(got.as_deref(), Some("Mixed evidence: 2 \u{00d7} Conditional, 1 \u{00d7} Opposes"));
        assert_eq!(mixed(&cell(&[Some("opposes"), None, Some("opposes")]), Ui::En), None);
    }

    #[test]
    fn a_cue_is_marked_only_where_it_falls_in_a_piece() {
        let piece = Span::new(10, 20);
        assert_eq!(cue_within(piece, Some(Span::new(12, 15))), Some((12, 15)));
        assert_eq!(cue_within(piece, Some(Span::new(5, 12))), Some((10, 12)));
        assert_eq!(cue_within(piece, Some(Span::new(20, 25))), None);
        assert_eq!(cue_within(piece, None), None);
    }

    #[test]
    fn spans_that_do_not_fit_the_text_show_nothing_or_less() {
        let (span, _, _) = clip("short", Span::new(2, 50), None);
        assert_eq!(span, Span::new(2, 5));
    }
}
