//! The parties × topics grid: an accessible table with a stance badge, a
//! summary and the evidence for every cell.

use factgrid_engine::{Cell, Evidence, Label, Span};

use crate::corrections::{view, Correct, Corrections, Item, View};
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

/// What the grid is drawn from and what it reports back.
pub struct GridCtx<'a> {
    /// The engine's report.
    pub report: &'a SharedReport,
    /// The analysed text.
    pub text: &'a SameText,
    /// The reader's corrections (see [`crate::corrections`]).
    pub fixes: &'a Corrections,
    /// The hashes of the report's sentences ([`crate::corrections::sentence_hashes`]).
    pub hashes: &'a [u32],
    /// A cell hovered or focused (`None`: left).
    pub on_focus: &'a Callback<Option<(String, String)>>,
    /// An evidence sentence activated.
    pub on_select: &'a Callback<usize>,
    /// "Show in the article": the cell and its first sentence.
    pub on_jump: &'a Callback<(String, String, usize)>,
    /// A correction.
    pub on_correct: &'a Callback<Correct>,
    /// Copy a citation (`Some(sentence)`) or the cell's link (`None`).
    pub on_copy: &'a Callback<(String, String, Option<usize>)>,
    /// A confirmation to show in a cell: its party, topic and text.
    pub notice: Option<(&'a str, &'a str, String)>,
    /// Compact: the stance and the way to the article, no evidence lists
    /// or corrections (the host page shows the article).
    pub compact: bool,
    /// Offer links to cells.
    pub links: bool,
    /// The interface language.
    pub ui: Ui,
}

/// The grid. A plain function, like the cells (see
/// [`super::stance::stance_badge`]): what a cell lists is bounded
/// ([`MAX_EVIDENCE`], [`EVIDENCE_BYTES`]), so rendering the grid again
/// with the app stays cheap. Its words are in the interface language; the
/// evidence, in the article's.
pub fn grid(g: &GridCtx) -> Html {
    let (r, ui) = (g.report, g.ui);
    html! {
        <section class="fg-grid" aria-labelledby="fg-grid-title">
            <h2 id="fg-grid-title" class="fg-panel-title" tabindex="-1">{ui.get(Key::Positions)}</h2>
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
                            { for r.parties.iter().map(|p| grid_cell(g, p, t)) }
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

/// Esc closes the evidence list the focus is in, and the focus goes to
/// its summary.
fn close_on_escape(e: KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if e.key() != "Escape" {
        return;
    }
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if let Some(details) = el.closest("details[open]").ok().flatten() {
        e.prevent_default();
        let _ = details.remove_attribute("open");
        if let Some(s) = details.query_selector("summary").ok().flatten() {
            let _ = s.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}

/// The value of the form control an event came from (a `select` or an
/// `input`; read through the DOM, which spares the bundle a binding).
fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The cell of party `p` on topic `t`, with the reader's corrections.
fn grid_cell(g: &GridCtx, p: &Label, t: &Label) -> Html {
    let (r, ui) = (g.report, g.ui);
    let party = ui.label(&p.id, &p.label);
    let cell = r.cells.iter().find(|c| c.party == p.id && c.topic == t.id);
    let v = view(cell, g.fixes.fix(&p.id, &t.id));
    let key = (p.id.to_string(), t.id.to_string());
    let enter = {
        let (on_focus, key) = (g.on_focus.clone(), key.clone());
        Callback::from(move |_: MouseEvent| on_focus.emit(Some(key.clone())))
    };
    let focusin = {
        let (on_focus, key) = (g.on_focus.clone(), key.clone());
        Callback::from(move |_: FocusEvent| on_focus.emit(Some(key.clone())))
    };
    let leave = g.on_focus.reform(|_: MouseEvent| None);
    let kept: Vec<usize> = v.kept().map(|i| i.sentence).collect();
    let empty = v.stance.is_none() && kept.is_empty();
    let class = classes!(
        "fg-cell",
        empty.then_some("fg-cell-empty"),
        v.edited.then_some("fg-edited"),
        v.checked.then_some("fg-checked")
    );
    let jump = kept.first().map(|&first| {
        let (on_jump, key) = (g.on_jump.clone(), key.clone());
        Callback::from(move |_: MouseEvent| on_jump.emit((key.0.clone(), key.1.clone(), first)))
    });
    let notice = g.notice.as_ref().filter(|(np, nt, _)| *np == &*p.id && *nt == &*t.id).map(|n| n.2.clone());
    let summary = cell.filter(|c| Some(c.stance.as_str()) == v.stance && v.engine_stance.is_none());
    html! {
        <td key={&*p.id} {class} data-party={p.id.to_string()} data-topic={t.id.to_string()}
            data-stance={v.stance.map(str::to_string)} data-engine-stance={cell.map(|c| c.stance.clone())}
            onmouseenter={enter} onmouseleave={leave} onfocusin={focusin} onkeydown={close_on_escape}>
            <span class="fg-party-label" aria-hidden="true">{party.clone()}</span>
            if let Some(s) = v.stance {
                { stance_badge(s, ui) }
            } else {
                <span class="fg-none">{ui.get(Key::NoneFound)}</span>
            }
            if v.edited {
                <span class="fg-flag fg-flag-edited">{"\u{270e} "}{match v.engine_stance {
                    Some(e) => ui.fill(Key::EditedWas, &[ui.stance(e).1]),
                    None => ui.get(Key::Edited).to_string(),
                }}</span>
            }
            if v.checked {
                <span class="fg-flag fg-flag-checked">{"\u{2714} "}{ui.get(Key::Checked)}</span>
            }
            if let Some(mix) = cell.filter(|_| !v.edited).and_then(|c| mixed(c, ui)) {
                <p class="fg-mixed">{mix}</p>
            }
            if let Some(c) = summary {
                <p class="fg-summary">{&c.summary}</p>
            }
            if let Some(onclick) = jump {
                <button type="button" class="fg-button fg-button-quiet fg-jump" {onclick}
                    aria-label={format!("{} ({party}, {})", ui.get(Key::ShowInArticle), ui.label(&t.id, &t.label))}>
                    {ui.get(Key::ShowInArticle)}
                </button>
            }
            if !g.compact {
                <details class="fg-evidence">
                    <summary>{ if empty { ui.get(Key::CorrectCell).to_string() } else { ui.count(Key::Evidence, kept.len()) } }</summary>
                    if !v.items.is_empty() {
                        <ol lang={r.language.clone()}>
                            { for v.items.iter().take(MAX_EVIDENCE).map(|i| evidence_item(g, &key, i)) }
                        </ol>
                    }
                    if v.items.len() > MAX_EVIDENCE {
                        <p class="fg-more">{ui.fill(Key::MoreEvidence, &[&(v.items.len() - MAX_EVIDENCE).to_string()])}</p>
                    }
                    { correct_panel(g, &key, &party, &ui.label(&t.id, &t.label), &v, cell) }
                </details>
            }
            if let Some(n) = notice {
                <p class="fg-cell-notice" aria-live="polite">{n}</p>
            }
        </td>
    }
}

/// One evidence item: the sentence (a way to it in the article), its
/// label, cue and speaker, and the reader's tools (drop or restore, cite).
fn evidence_item(g: &GridCtx, key: &(String, String), i: &Item) -> Html {
    let (ui, text) = (g.ui, &g.text.0);
    let sentence = i.sentence;
    let onclick = g.on_select.reform(move |_: MouseEvent| sentence);
    let n = (sentence + 1).to_string();
    let drop = crate::corrections::at(g.hashes, sentence).map(|at| {
        let (on_correct, key) = (g.on_correct.clone(), key.clone());
        Callback::from(move |_: MouseEvent| {
            on_correct.emit(Correct::Drop { party: key.0.clone(), topic: key.1.clone(), at })
        })
    });
    let cite = {
        let (on_copy, key) = (g.on_copy.clone(), key.clone());
        Callback::from(move |_: MouseEvent| on_copy.emit((key.0.clone(), key.1.clone(), Some(sentence))))
    };
    let words = match i.engine {
        Some(e) => quoted_text(text, e.span, e.quote, e.cue, ui),
        None => {
            let span = g.report.sentences.get(sentence).map_or(Span::new(0, 0), |s| s.span);
            quoted_text(text, span, None, None, ui)
        }
    };
    html! {
        <li key={sentence} class={classes!(i.dropped.then_some("fg-dropped"), i.engine.is_none().then_some("fg-added"))}>
            <button type="button" class="fg-evidence-item" {onclick} data-sentence={sentence.to_string()}>
                {words}
            </button>
            <span class="fg-evidence-meta">
                if let Some(e) = i.engine {
                    if let Some(l) = &e.stance {
                        { stance_badge(l, ui) }
                    }
                    if let Some(s) = speaker_label(e) {
                        <span class="fg-speaker">{format!("— {s}")}</span>
                    }
                    if let Some(v) = ui.via(&e.via) {
                        <span class="fg-via">{v}</span>
                    }
                } else {
                    <span class="fg-via">{ui.get(Key::AddedByYou)}</span>
                }
                if i.dropped {
                    <span class="fg-via">{ui.get(Key::DroppedByYou)}</span>
                }
            </span>
            <span class="fg-item-tools">
                if let Some(onclick) = drop {
                    <button type="button" class="fg-tool" {onclick}
                        aria-label={ui.fill(if i.dropped { Key::RestoreHint } else { Key::DropHint }, &[&n])}>
                        {ui.get(if i.dropped { Key::RestoreEvidence } else { Key::DropEvidence })}
                    </button>
                }
                <button type="button" class="fg-tool fg-cite" onclick={cite} aria-label={ui.fill(Key::CiteHint, &[&n])}>
                    {ui.get(Key::CopyCitation)}
                </button>
            </span>
        </li>
    }
}

/// The reader's corrections to a cell: its stance, a check, a sentence
/// to add, and undoing them.
fn correct_panel(
    g: &GridCtx,
    key: &(String, String),
    party: &str,
    topic: &str,
    v: &View,
    cell: Option<&Cell>,
) -> Html {
    let ui = g.ui;
    let basis: Vec<u32> = v.kept().filter_map(|i| g.hashes.get(i.sentence).copied()).collect();
    let fixed = g.fixes.fix(&key.0, &key.1);
    let chosen = fixed.and_then(|f| f.stance.clone()).unwrap_or_default();
    let onchange = {
        let (on_correct, key, basis) = (g.on_correct.clone(), key.clone(), basis.clone());
        Callback::from(move |e: Event| {
            let value = value_of(&e);
            let stance = (!value.is_empty()).then_some(value);
            on_correct.emit(Correct::Stance {
                party: key.0.clone(),
                topic: key.1.clone(),
                stance,
                basis: basis.clone(),
            })
        })
    };
    let on_check = {
        let (on_correct, key) = (g.on_correct.clone(), key.clone());
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            on_correct.emit(Correct::Check {
                party: key.0.clone(),
                topic: key.1.clone(),
                checked,
                basis: basis.clone(),
            })
        })
    };
    let on_add = {
        let (on_correct, key, hashes) = (g.on_correct.clone(), key.clone(), g.hashes.to_vec());
        Callback::from(move |e: SubmitEvent| {
            use wasm_bindgen::JsCast;
            e.prevent_default();
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|f| f.query_selector("input").ok().flatten());
            let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let n: usize = input.value().trim().parse().unwrap_or(0);
            input.set_value("");
            if let Some(at) = n.checked_sub(1).and_then(|i| crate::corrections::at(&hashes, i)) {
                on_correct.emit(Correct::Add { party: key.0.clone(), topic: key.1.clone(), at });
            }
        })
    };
    let reset = fixed.map(|_| {
        let (on_correct, key) = (g.on_correct.clone(), key.clone());
        Callback::from(move |_: MouseEvent| {
            on_correct.emit(Correct::Reset { party: key.0.clone(), topic: key.1.clone() })
        })
    });
    let link = g.links.then(|| {
        let (on_copy, key) = (g.on_copy.clone(), key.clone());
        Callback::from(move |_: MouseEvent| on_copy.emit((key.0.clone(), key.1.clone(), None)))
    });
    let found = cell.map_or(ui.get(Key::NoneFound), |c| ui.stance(&c.stance).1);
    let id = format!("fg-add-{}-{}", key.0, key.1);
    html! {
        <div class="fg-correct" role="group" aria-label={ui.fill(Key::CorrectGroup, &[party, topic])}>
            <label class="fg-correct-row">{ui.get(Key::StanceChoice)}{" "}
                <select class="fg-stance-choice" {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ui.fill(Key::AsFound, &[found])}</option>
                    { for factgrid_engine::STANCE_LABELS.iter().map(|l| html! {
                        <option value={*l} selected={chosen == *l}>{ui.stance(l).1}</option>
                    }) }
                    <option value="none" selected={chosen == "none"}>{ui.get(Key::NoPositionChoice)}</option>
                </select>
            </label>
            <label class="fg-correct-row">
                <input type="checkbox" class="fg-check" checked={v.checked} onchange={on_check} />
                {" "}{ui.get(Key::MarkChecked)}
            </label>
            <form class="fg-correct-row fg-add-sentence" onsubmit={on_add}>
                <label for={id.clone()}>{ui.get(Key::AddSentence)}</label>{" "}
                <input id={id} type="number" min="1" max={g.hashes.len().to_string()} class="fg-add-number" />
                {" "}<button type="submit" class="fg-tool">{ui.get(Key::Add)}</button>
            </form>
            if let Some(onclick) = reset {
                <button type="button" class="fg-tool" {onclick}>{ui.get(Key::ResetCell)}</button>
            }
            if let Some(onclick) = link {
                {" "}<button type="button" class="fg-tool fg-cell-link" {onclick}>{ui.get(Key::CopyCellLink)}</button>
            }
        </div>
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
