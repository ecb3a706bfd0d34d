//! The article view: the text by sentence, evidence highlighted.

use std::rc::Rc;

use factgrid_engine::Report;
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The report.
    pub report: Rc<Report>,
    /// The analysed text.
    pub text: Rc<String>,
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
    let evidence: std::collections::BTreeSet<usize> =
        r.cells.iter().flat_map(|c| c.evidence.iter().map(|e| e.sentence)).collect();
    // Sentences grouped by paragraph.
    let mut paragraphs: Vec<Vec<usize>> = Vec::new();
    for (i, s) in r.sentences.iter().enumerate() {
        if paragraphs.len() <= s.paragraph {
            paragraphs.resize_with(s.paragraph + 1, Vec::new);
        }
        paragraphs[s.paragraph].push(i);
    }
    let mut mention_i = 0usize;
    html! {
        <section class="fg-article" aria-labelledby="fg-article-title">
            <h2 id="fg-article-title" class="fg-panel-title">{"Article, annotated"}</h2>
            // Focusable so that keyboard users can scroll it.
            <div class="fg-article-body" tabindex="0" role="region" aria-label="Annotated article text">
            { for paragraphs.iter().enumerate().filter(|(_, p)| !p.is_empty()).map(|(pi, sents)| html! {
                <p key={pi}>
                { for sents.iter().map(|&i| {
                    let s = &r.sentences[i];
                    let mut class = classes!("fg-sentence");
                    if evidence.contains(&i) { class.push("fg-is-evidence"); }
                    if props.highlighted.contains(&i) { class.push("fg-is-highlighted"); }
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
