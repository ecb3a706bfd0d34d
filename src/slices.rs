//! Analysing a large text in slices, for pages that cannot run the
//! analysis worker (a Content-Security-Policy or Trusted Types that block
//! it): each slice is analysed in a task of its own, so that no task is
//! long, and the slices' reports are joined into one report of the text.
//!
//! Slices are cut at line breaks where possible. A position whose
//! sentences fall into different slices is joined: its evidence in text
//! order, and the stance and summary of the slice with the most evidence
//! (the engine weighs every sentence; across slices that weighing is not
//! redone). The joined report says so in a notice.

use factgrid_engine::{Cell, Report, Span};

/// Slices of about this many bytes: a few milliseconds of analysis each
/// (the engine reads 2 to 40 MB a second, by how dense the text is).
pub const SLICE_BYTES: usize = 16 * 1024;

/// The notice a joined report carries.
pub const NOTICE: &str =
    "This page's security policy blocks factgrid's background worker, so the text was analysed here \
     in slices; a position spread over several slices shows the stance most of them give.";

/// Where to cut `text` into slices of about [`SLICE_BYTES`]: the end of
/// each slice, the last being `text.len()`. A slice ends after a line
/// break in its second half if there is one, else after white space,
/// else on a character boundary.
pub fn cuts(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    while text.len() - start > SLICE_BYTES {
        let mut limit = start + SLICE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let half = &text.as_bytes()[start + SLICE_BYTES / 2..limit];
        let end = half
            .iter()
            .rposition(|&b| b == b'\n')
            .or_else(|| half.iter().rposition(|b| b.is_ascii_whitespace()))
            .map_or(limit, |i| start + SLICE_BYTES / 2 + i + 1);
        ends.push(end);
        start = end;
    }
    ends.push(text.len());
    ends
}

fn shift(span: Span, by: usize) -> Span {
    Span::new(span.start + by, span.end + by)
}

/// The report of a text, joined slice by slice (see the module docs):
/// each slice is added as soon as it is analysed, so that joining costs
/// no task of its own.
#[derive(Default)]
pub struct Joined {
    all: Report,
    /// Each position with the most evidence any one slice gave it.
    cells: Vec<(Cell, usize)>,
}

impl Joined {
    /// Add the report of the next slice, which starts at byte `offset`.
    pub fn add(&mut self, offset: usize, mut part: Report) {
        let all = &mut self.all;
        let (sentences, paragraphs) = (all.sentences.len(), all.stats.paragraphs);
        if all.parties.is_empty() {
            (all.schema, all.language) = (part.schema, part.language);
            (all.parties, all.topics) = (part.parties, part.topics);
        }
        all.stats.chars += part.stats.chars;
        all.stats.bytes += part.stats.bytes;
        all.stats.sentences += part.stats.sentences;
        all.stats.paragraphs += part.stats.paragraphs;
        for s in &mut part.sentences {
            s.span = shift(s.span, offset);
            s.paragraph += paragraphs;
        }
        for m in &mut part.mentions {
            m.span = shift(m.span, offset);
            m.sentence += sentences;
        }
        for f in &mut part.figures {
            f.span = shift(f.span, offset);
            f.sentence += sentences;
        }
        all.sentences.append(&mut part.sentences);
        all.mentions.append(&mut part.mentions);
        all.figures.append(&mut part.figures);
        for n in part.notices {
            if !all.notices.contains(&n) {
                all.notices.push(n);
            }
        }
        part.cells.reverse();
        while let Some(mut cell) = part.cells.pop() {
            for e in &mut cell.evidence {
                e.sentence += sentences;
                e.span = shift(e.span, offset);
                e.speaker_span = e.speaker_span.map(|s| shift(s, offset));
                e.resolved_span = e.resolved_span.map(|s| shift(s, offset));
                e.cue = e.cue.map(|s| shift(s, offset));
                e.quote = e.quote.map(|s| shift(s, offset));
            }
            let n = cell.evidence.len();
            match self.cells.iter_mut().find(|(c, _)| c.party == cell.party && c.topic == cell.topic) {
                Some((joined, most)) => {
                    if n > *most {
                        *most = n;
                        joined.stance = std::mem::take(&mut cell.stance);
                        joined.summary = std::mem::take(&mut cell.summary);
                    }
                    joined.evidence.append(&mut cell.evidence);
                }
                None => self.cells.push((cell, n)),
            }
        }
    }

    /// The report of the whole text, its cells in grid order (by topic,
    /// then party, as the engine gives them).
    pub fn finish(self) -> Report {
        let (mut all, mut cells) = (self.all, self.cells);
        for t in &all.topics {
            for p in &all.parties {
                if let Some(i) = cells.iter().position(|(c, _)| c.party == p.id && c.topic == t.id) {
                    all.cells.push(cells.swap_remove(i).0);
                }
            }
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factgrid_engine::{analyze, Profile};

    #[test]
    fn slices_end_after_line_breaks_and_cover_the_text() {
        let line = "Moscow rejected the ceasefire proposal on Monday, officials said.\n";
        let text = line.repeat(SLICE_BYTES * 3 / line.len());
        let ends = cuts(&text);
        assert!(ends.len() >= 3);
        assert_eq!(*ends.last().unwrap(), text.len());
        let mut start = 0;
        for &end in &ends {
            assert!(end > start && end - start <= SLICE_BYTES);
            assert!(end == text.len() || text[..end].ends_with('\n'));
            start = end;
        }
        // No line breaks or spaces: cut on a character boundary.
        let text = "é".repeat(SLICE_BYTES);
        for end in cuts(&text) {
            assert!(text.is_char_boundary(end));
        }
        assert_eq!(cuts("short"), vec![5]);
    }

    #[test]
    fn joined_slices_give_the_report_of_the_whole() {
        let profile = Profile::default_profile();
        let article = "Moscow rejected the ceasefire proposal on Monday.\n\
                       Ukraine accepted the American plan for a 30-day truce.\n\
                       Kyiv will never give up occupied land, Foreign Minister Andrii Sybiha said.\n\
                       Russian forces pressed their offensive in the Kursk region.\n";
        let text = article.repeat(SLICE_BYTES * 2 / article.len() + 1);
        let ends = cuts(&text);
        assert!(ends.len() > 2);
        let mut start = 0;
        let mut parts = Vec::new();
        for end in ends {
            parts.push((start, analyze(&text[start..end], &profile)));
            start = end;
        }
        let mut joined = Joined::default();
        for (offset, part) in parts {
            joined.add(offset, part);
        }
        let joined = joined.finish();
        let whole = analyze(&text, &profile);
        assert_eq!(joined.stats, whole.stats);
        assert_eq!(joined.sentences, whole.sentences);
        assert_eq!(joined.mentions, whole.mentions);
        assert_eq!(joined.figures, whole.figures);
        let grid = |r: &Report| {
            r.cells
                .iter()
                .map(|c| (c.party.to_string(), c.topic.to_string(), c.stance.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(grid(&joined), grid(&whole));
        for (a, b) in joined.cells.iter().zip(&whole.cells) {
            assert_eq!(a.evidence, b.evidence, "{} on {}", a.party, a.topic);
        }
    }
}
