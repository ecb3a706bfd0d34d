//! Speaker turns: transcripts and labelled lines.
//!
//! A paragraph that opens with a speaker label (`SYBIHA: We agreed …`,
//! `Vladimir Putin: …`, `HOST (Jane Doe): …`, `Q: …`) is that speaker's
//! turn. In a transcript (a text with at least two labelled paragraphs) the
//! turn goes on over the following paragraphs until the next label or
//! heading. A party's turn is its words, quoted or not, so it becomes a
//! quote region whose speaker is known before the sentence loop starts; an
//! interviewer's or another speaker's turn is narration, but its questions
//! state nobody's position.

use crate::ids::Speaker;
use crate::profile::AliasKind;
use crate::scan::{Meaning, Scanner};
use crate::segment::{Segment, UnitKind};
use crate::span::Span;

/// One speaker's turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Turn {
    /// The words after the label, to the end of the turn's last paragraph.
    pub region: Span,
    /// Who speaks: a party (and its label), or someone who is none.
    pub speaker: Speaker,
}

/// The longest speaker label, in bytes.
const MAX_LABEL: usize = 48;

/// The label at the start of the paragraph that starts at `start`: its span
/// and the offset of the first word after the colon.
pub(crate) fn label_at(text: &str, start: usize, end: usize) -> Option<(Span, usize)> {
    let line = &text[start..end];
    let colon = line.get(..MAX_LABEL.min(line.len()))?.find(':').or_else(|| {
        // (a label longer than the slice would be cut inside a character)
        line.char_indices().take_while(|&(i, _)| i < MAX_LABEL).find(|&(_, c)| c == ':').map(|(i, _)| i)
    })?;
    let head = line[..colon].trim_end();
    let after = line[colon + 1..].trim_start();
    if head.is_empty() || after.is_empty() || head.split_whitespace().count() > 6 {
        return None;
    }
    // A label names someone: every word capitalised (or an initial, or a
    // parenthesis naming the person: `HOST (Jane Doe)`), and no sentence
    // ends inside it.
    let mut in_parens = false;
    for w in head.split_whitespace() {
        if w.starts_with('(') {
            in_parens = true;
        }
        let first = w.trim_start_matches(['(', '[']).chars().next();
        let capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !(capital || in_parens) || w.ends_with(['?', '!']) {
            return None;
        }
        if w.ends_with(')') {
            in_parens = false;
        }
    }
    if !head.chars().any(char::is_alphabetic) || head.contains(['"', '\u{201c}', '\u{201d}']) {
        return None;
    }
    let after_at = start + (line.len() - after.len());
    Some((Span::new(start, start + head.len()), after_at))
}

/// The turns of a text, in order. `scanner` tells a party's label (an alias
/// in it) from an interviewer's or a furniture label (`Details:`,
/// `Read also:`, which opens no turn).
pub(crate) fn find(text: &str, lower: &str, segments: &[Segment], scanner: &Scanner) -> Vec<Turn> {
    let paragraphs = paragraphs(segments);
    let labelled: Vec<Option<(Span, usize, Speaker)>> = paragraphs
        .iter()
        .map(|p| {
            let (label, after) = label_at(text, p.span.start, p.span.end)?;
            speaker_of(text, lower, label, scanner).map(|sp| (label, after, sp))
        })
        .collect();
    // In a transcript, a turn goes on over unlabelled paragraphs. A text is
    // one when two or more paragraphs open with a label followed by the
    // speaker's own words (not by a quotation: a live blog's `Zelenskyy:
    // "…"` names the speaker of one quote), in the capitals of a transcript
    // or with an interviewer's label among them.
    let turns: Vec<(Span, &Speaker)> = labelled
        .iter()
        .flatten()
        .filter(|(_, after, _)| {
            !text[*after..].starts_with(['"', '\u{201c}', '\u{201e}', '\u{00ab}', '\'', '\u{2018}'])
        })
        .map(|(label, _, sp)| (*label, sp))
        .collect();
    let capitals = |l: &Span| !text[l.range()].chars().any(char::is_lowercase);
    let transcript = turns.len() >= 2 && turns.iter().any(|(l, sp)| capitals(l) || **sp == Speaker::Other);
    let mut out: Vec<Turn> = Vec::new();
    let mut open: Option<Turn> = None;
    for (p, label) in paragraphs.iter().zip(&labelled) {
        match label {
            Some((_, after, speaker)) => {
                out.extend(open.take());
                open = Some(Turn { region: Span::new(*after, p.span.end), speaker: *speaker });
            }
            None if transcript && !p.heading && !timestamp(&text[p.span.range()]) => {
                if let Some(t) = open.as_mut() {
                    t.region.end = p.span.end;
                }
            }
            None => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

/// Who a label names: the last party alias in it, else someone who is no
/// party; `None` for a label that names no one (`Details:`, `Update:`).
fn speaker_of(text: &str, lower: &str, label: Span, scanner: &Scanner) -> Option<Speaker> {
    let mut hits = Vec::new();
    let mut words = Vec::new();
    crate::text::words_into(text, label, &mut words);
    let starts: Vec<usize> = words.iter().map(|w| w.start).collect();
    scanner.entities_at(text, lower, label, &starts, &mut hits);
    let party = hits.iter().rev().find_map(|h| {
        scanner.entity_meanings(h).iter().find_map(|m| match *m {
            Meaning::Alias { party, kind, .. } if kind != AliasKind::Demonym => Some((party, h.span)),
            _ => None,
        })
    });
    if let Some((p, span)) = party {
        return Some(Speaker::Party(p, span));
    }
    let mut cues = Vec::new();
    scanner.cues_at(text, lower, label, &starts, &mut cues);
    let furniture = cues.iter().any(|h| scanner.cue_meanings(h).contains(&Meaning::Furniture));
    (!furniture).then_some(Speaker::Other)
}

/// A live blog's time stamp (`6:05 p.m.`, `09:12 GMT`, `14.32`): a new entry.
fn timestamp(p: &str) -> bool {
    let p = p.trim();
    p.len() <= 24
        && p.starts_with(|c: char| c.is_ascii_digit())
        && p.contains([':', '.'])
        && !p.contains(". ")
}

/// A paragraph: its span and whether it is a heading line.
struct Paragraph {
    span: Span,
    heading: bool,
}

fn paragraphs(segments: &[Segment]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut last = usize::MAX;
    for s in segments {
        if s.paragraph == last {
            if let Some(p) = out.last_mut() {
                p.span.end = s.span.end;
                p.heading = false;
            }
        } else {
            out.push(Paragraph { span: s.span, heading: s.kind == UnitKind::Line });
            last = s.paragraph;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let cases: &[(&str, Option<&str>)] = &[
            ("SYBIHA: We agreed.", Some("SYBIHA")),
            ("HOST (Daniel Hart): Minister, welcome.", Some("HOST (Daniel Hart)")),
            ("Vladimir Putin: Yes.", Some("Vladimir Putin")),
            ("V.Putin: Yes.", Some("V.Putin")),
            ("Q: And Kursk?", Some("Q")),
            ("Key events: talks resume.", None),
            ("The reason is simple: no one trusts them.", None),
            ("Putin said: we will see.", None),
            ("Riyadh:", None),
        ];
        for (text, want) in cases {
            let got = label_at(text, 0, text.len()).map(|(l, _)| &text[l.range()]);
            assert_eq!(got, *want, "label of {text:?}");
        }
    }
}
