//! The article view: the text by sentence, evidence highlighted.

use std::rc::Rc;

use factgrid_engine::Report;
use yew::prelude::*;

/// The most sentences shown at once.
pub const WINDOW: usize = 1500;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The report.
    pub report: Rc<Report>,
    /// The analysed text.
    pub text: AttrValue,
    /// Sentences to highlight (the focused cell's evidence).
    pub highlighted: Rc<Vec<usize>>,
    /// The sentence last jumped to.
    pub selected: Option<usize>,
}

/// The article, sentence by sentence, with mentions and evidence marked.
#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let r = &props.report;
    let text = props.text.as_str();
    // A window of sentences around the selected one: a long text is not
    // turned into hundreds of thousands of DOM nodes.
    let total = r.sentences.len();
    let first = props.selected.map_or(0, |s| s.saturating_sub(WINDOW / 4)).min(total.saturating_sub(WINDOW));
    let last = (first + WINDOW).min(total);
    let in_window = |i: &usize| (first..last).contains(i);
    let evidence: std::collections::HashSet<usize> =
        r.cells.iter().flat_map(|c| c.evidence.iter().map(|e| e.sentence)).filter(in_window).collect();
    let highlighted: std::collections::HashSet<usize> =
        props.highlighted.iter().copied().filter(in_window).collect();
    let mut paragraphs: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, s) in r.sentences.iter().enumerate().take(last).skip(first) {
        match paragraphs.last_mut() {
            Some((p, list)) if *p == s.paragraph => list.push(i),
            _ => paragraphs.push((s.paragraph, vec![i])),
        }
    }
    let window_start = r.sentences.get(first).map_or(0, |s| s.span.start);
    let mut mention_i = r.mentions.partition_point(|m| m.span.start < window_start);
    html! {
        <section class="fg-article" aria-labelledby="fg-article-title">
            <h2 id="fg-article-title" class="fg-panel-title">{"Article, annotated"}</h2>
            // Focusable so that keyboard users can scroll it.
            <div class="fg-article-body" tabindex="0" role="region" aria-label="Annotated article text">
            if first > 0 || last < total {
                <p class="fg-window-note">{format!("Showing sentences {}–{} of {}.", first + 1, last, total)}</p>
            }
            { for paragraphs.iter().map(|(pi, sents)| html! {
                <p key={*pi}>
                { for sents.iter().map(|&i| {
                    let s = &r.sentences[i];
                    let mut class = classes!("fg-sentence");
                    if evidence.contains(&i) { class.push("fg-is-evidence"); }
                    if highlighted.contains(&i) { class.push("fg-is-highlighted"); }
                    if props.selected == Some(i) { class.push("fg-is-selected"); }
                    // Mentions inside this sentence, marked in place.
                    while mention_i < r.mentions.len() && r.mentions[mention_i].span.start < s.span.start { mention_i += 1; }
                    let mut parts: Vec<Html> = Vec::new();
                    let mut pos = s.span.start;
                    while mention_i < r.mentions.len() && r.mentions[mention_i].span.end <= s.span.end {
                        let m = &r.mentions[mention_i];
                        if m.span.start >= pos {
                            if let (Some(before), Some(word)) = (text.get(pos..m.span.start), text.get(m.span.range())) {
                                parts.push(html! { {before} });
                                parts.push(html! { <mark class={classes!("fg-mention", format!("fg-party-{}", m.party))}>{word}</mark> });
                                pos = m.span.end;
                            }
                        }
                        mention_i += 1;
                    }
                    parts.push(html! { {text.get(pos..s.span.end).unwrap_or("")} });
                    html! {
                        <>
                            <span key={i} id={format!("fg-s-{i}")} class={class} data-sentence={i.to_string()}>{ for parts }</span>
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
