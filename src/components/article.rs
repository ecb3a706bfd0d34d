//! The article view: the text by sentence, evidence highlighted.

use std::rc::Rc;

use factgrid_engine::{Mention, Report, Span};
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
                    let parts = sentence_parts(text, s.span, &r.mentions).into_iter().map(|part| match part {
                        Part::Text(t) => html! { {t} },
                        Part::Mention { text, party } => html! {
                            <mark class={classes!("fg-mention", format!("fg-party-{party}"))}>{text}</mark>
                        },
                    });
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
/// mentions inside it. `mentions` is the report's list, ordered by start;
/// a mention that overlaps an earlier one or does not fit the text is
/// left as plain text. Empty pieces are left out.
pub fn sentence_parts<'a>(text: &'a str, span: Span, mentions: &'a [Mention]) -> Vec<Part<'a>> {
    let mut parts = Vec::new();
    let push_text = |parts: &mut Vec<Part<'a>>, t: &'a str| {
        if !t.is_empty() {
            parts.push(Part::Text(t));
        }
    };
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let mut pos = span.start;
    for m in mentions[first..].iter().take_while(|m| m.span.end <= span.end) {
        if m.span.start < pos {
            continue;
        }
        if let (Some(before), Some(word)) = (text.get(pos..m.span.start), text.get(m.span.range())) {
            push_text(&mut parts, before);
            parts.push(Part::Mention { text: word, party: &m.party });
            pos = m.span.end;
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
            sentence_parts(text, Span::new(0, 23), &mentions),
            vec![
                Part::Mention { text: "Kyiv", party: "ukraine" },
                Part::Text(" and "),
                Part::Mention { text: "Moscow", party: "russia" },
                Part::Text(" talked."),
            ]
        );
        assert_eq!(
            sentence_parts(text, Span::new(24, 42), &mentions),
            vec![Part::Mention { text: "Washington", party: "us" }, Part::Text(" waited.")]
        );
    }

    #[test]
    fn overlapping_and_out_of_range_mentions_stay_text() {
        let text = "Moscow talks.";
        let mentions = [mention(0, 6, "russia"), mention(2, 5, "x"), mention(7, 99, "y")];
        assert_eq!(
            sentence_parts(text, Span::new(0, 13), &mentions),
            vec![Part::Mention { text: "Moscow", party: "russia" }, Part::Text(" talks.")]
        );
        // A mention that is not on a character boundary is left as text.
        let text = "éa Kyiv";
        let mentions = [mention(1, 3, "x"), mention(4, 8, "ukraine")];
        assert_eq!(
            sentence_parts(text, Span::new(0, 8), &mentions),
            vec![Part::Text("éa "), Part::Mention { text: "Kyiv", party: "ukraine" }]
        );
    }

    #[test]
    fn a_sentence_without_mentions_is_one_piece() {
        assert_eq!(
            sentence_parts("No names here.", Span::new(0, 14), &[]),
            vec![Part::Text("No names here.")]
        );
        assert_eq!(sentence_parts("", Span::new(0, 0), &[]), vec![]);
    }
}
