//! Stage 2, quotes: where the quotations are, and who speaks them.
//!
//! Owns the quote regions of the whole text (found per paragraph before the
//! sentence loop starts) and, as the loop goes, the speaker of each region.
//! Reads the segments; produces a [`QuoteView`] for every sentence, which
//! the later stages read through [`crate::grammar::Sentence`].
//!
//! A quote's speaker is decided once, by the first sentence that settles it:
//! a speech tag in the sentence (`“…,” he said`), a tag later in the same
//! paragraph (a quote over several sentences), a speaker who is none of the
//! parties (`…,” the NATO chief said`), or, for an untagged quote, whoever
//! spoke last (a paragraph of quote continues the last speaker).

use crate::ids::Speaker;
use crate::scan::Scanner;
use crate::segment::Segment;
use crate::span::Span;

pub(crate) mod turns;

/// Regions of the text inside quotation marks, per paragraph.
///
/// Double quotes: curly ones pair by direction (`“…”`, `„…“`, `«…»`),
/// straight ones alternate; a double quote left open runs to the end of its
/// paragraph (the convention for quotes that go on over several
/// paragraphs), and an unbalanced closing mark is ignored. Single quotes
/// nested inside double quotes are left alone.
///
/// Outside double quotes, single quotes are quotation marks too (British
/// style: `'We will not leave,' he said.`), told apart from apostrophes
/// ([`single_opens`], [`single_closes`]). An unclosed single quote runs to
/// the end of the paragraph only when it opens the paragraph; elsewhere it
/// was an apostrophe after all.
pub(crate) fn quote_regions(text: &str, paragraph: Span) -> Vec<Span> {
    let s = &text[paragraph.range()];
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    // The open double quote (its offset and closing mark), and the open
    // single quote.
    let mut double: Option<(usize, char)> = None;
    let mut single: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Quotation marks are ASCII `"` and `'`, or start with 0xE2 (curly)
        // or 0xC2 (guillemets).
        let b = bytes[i];
        if !matches!(b, b'"' | b'\'' | 0xE2 | 0xC2) {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        match (c, double) {
            ('\u{201c}', None) => double = Some((i, '\u{201d}')),
            ('\u{201e}', None) => double = Some((i, '\u{201c}')),
            ('\u{00ab}', None) => double = Some((i, '\u{00bb}')),
            ('"', None) => double = Some((i, '"')),
            (_, Some((o, close))) if c == close || (c == '\u{201d}' && close == '\u{201c}') => {
                out.push(Span::new(paragraph.start + o, paragraph.start + i + len));
                double = None;
            }
            ('\'' | '\u{2018}' | '\u{2019}', None) => match single {
                None if single_opens(s, i, c) => single = Some(i),
                Some(o) if single_closes(s, o, i, c) => {
                    out.push(Span::new(paragraph.start + o, paragraph.start + i + len));
                    single = None;
                }
                _ => {}
            },
            _ => {}
        }
        i += len;
    }
    match (double, single) {
        (Some((o, _)), _) => out.push(Span::new(paragraph.start + o, paragraph.end)),
        (None, Some(0)) => out.push(paragraph),
        _ => {}
    }
    // A double quote opened inside an open single one (`'He said "no"'`) is
    // inside it: keep the regions ordered and disjoint.
    crate::span::sort_by_start(&mut out, |q| q.start);
    out.dedup_by(|later, earlier| later.start < earlier.end);
    out
}

/// Does the single quote `c` at byte `i` of `s` open a quotation? It stands
/// at the start of a word (after white space, an opening bracket or a dash,
/// or at the start) and before a letter or digit — not `'90s` or `’n’`.
fn single_opens(s: &str, i: usize, c: char) -> bool {
    if c == '\u{2019}' && !s[..i].is_empty() && !s[..i].ends_with(char::is_whitespace) {
        return false;
    }
    let before = s[..i].chars().next_back();
    let after = &s[i + c.len_utf8()..];
    let starts_word =
        before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '\u{2014}' | '\u{2013}' | '-'));
    let next = after.chars().next();
    // `'90s`: a decade, not a quote.
    let decade = after.len() >= 3
        && after.as_bytes()[..2].iter().all(u8::is_ascii_digit)
        && after.as_bytes()[2] == b's';
    starts_word && next.is_some_and(char::is_alphanumeric) && !decade
}

/// Does the single quote `c` at byte `i` of `s` close the open quotation?
/// It ends a word (after a letter, digit or punctuation) and is not followed
/// by a letter (`don't`). A plural possessive (`the Russians' demands`) is
/// taken for one when a later quote mark in the paragraph can close instead.
/// A quotation holds at least two characters (`rock 'n' roll` has none).
fn single_closes(s: &str, open: usize, i: usize, c: char) -> bool {
    if c == '\u{2018}' || s[open..i].chars().count() < 3 {
        return false;
    }
    let before = s[..i].chars().next_back();
    let after = &s[i + c.len_utf8()..];
    let next = after.chars().next();
    if before.is_none_or(char::is_whitespace) || next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let possessive = before == Some('s')
        && after.starts_with(' ')
        && after[1..].starts_with(char::is_alphabetic)
        && after.contains(['\'', '\u{2019}']);
    !possessive
}

/// The quote regions of a whole text, in order, and the turns of speakers
/// who are none of the parties.
pub(crate) struct Quotes {
    /// Ordered and disjoint.
    pub regions: Vec<Span>,
    /// The speaker a party's turn gives its region, by region index.
    known: Vec<(usize, Speaker)>,
    /// Turns of interviewers and other speakers who are no party, in order.
    other_turns: Vec<Span>,
}

/// The speaker of each quote region, as far as the sentence loop has
/// settled them.
pub(crate) struct QuoteSpeakers {
    speakers: Vec<Option<Speaker>>,
}

/// How the speaker of a quoted sentence was found (for the trace).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteSource {
    /// A speech tag in the sentence itself.
    Tag,
    /// A quote region an earlier sentence already attributed.
    Earlier,
    /// A tag later in the paragraph, where a long quote ends.
    Lookahead,
    /// No tag: the quote continues whoever spoke last.
    LastSpeaker,
    /// The tag names someone who is none of the parties.
    Other,
}

impl QuoteSource {
    /// The source's name in the trace.
    pub fn name(self) -> &'static str {
        match self {
            QuoteSource::Tag => "tag",
            QuoteSource::Earlier => "earlier",
            QuoteSource::Lookahead => "lookahead",
            QuoteSource::LastSpeaker => "last speaker",
            QuoteSource::Other => "other speaker",
        }
    }
}

impl Quotes {
    /// Find the quote regions of every paragraph, and the speakers' turns
    /// (see [`turns`]): a party's turn is a region of its own, which swallows
    /// the quotes inside it. Without a `scanner`, no turns are looked for
    /// (a language with cases reads them in [`crate::dialogue`]).
    pub(crate) fn new(text: &str, lower: &str, segments: &[Segment], scanner: Option<&Scanner>) -> Quotes {
        let mut regions = Vec::new();
        let mut i = 0;
        while i < segments.len() {
            let p = segments[i].paragraph;
            let start = segments[i].span.start;
            let mut end = segments[i].span.end;
            while i < segments.len() && segments[i].paragraph == p {
                end = segments[i].span.end;
                i += 1;
            }
            regions.extend(quote_regions(text, Span::new(start, end)));
        }
        let mut other_turns = Vec::new();
        let mut party_turns = Vec::new();
        for t in scanner.map(|sc| turns::find(text, lower, segments, sc)).unwrap_or_default() {
            match t.speaker {
                Speaker::Party(..) => party_turns.push(t),
                Speaker::Other => other_turns.push(t.region),
            }
        }
        if party_turns.is_empty() {
            return Quotes { regions, known: Vec::new(), other_turns };
        }
        regions.retain(|q| !party_turns.iter().any(|t| t.region.start < q.end && q.start < t.region.end));
        regions.extend(party_turns.iter().map(|t| t.region));
        crate::span::sort_by_start(&mut regions, |q| q.start);
        let known = party_turns
            .iter()
            .filter_map(|t| regions.iter().position(|q| *q == t.region).map(|k| (k, t.speaker)))
            .collect();
        Quotes { regions, known, other_turns }
    }

    /// Add the regions of unquoted speech ([`crate::dialogue`]): a region
    /// that overlaps a quote becomes one with it, so that the regions stay
    /// ordered and disjoint.
    pub(crate) fn with_dialogue(mut self, extra: Vec<Span>) -> Quotes {
        if extra.is_empty() {
            return self;
        }
        // (The speakers known by region: found again by where they start.)
        let known: Vec<(usize, Speaker)> =
            self.known.iter().map(|&(k, sp)| (self.regions[k].start, sp)).collect();
        self.regions.extend(extra);
        self.regions.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(self.regions.len());
        for r in self.regions {
            match merged.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        self.known = known
            .into_iter()
            .map(|(start, sp)| (merged.partition_point(|q| q.end <= start), sp))
            .filter(|&(k, _)| k < merged.len())
            .collect();
        self.regions = merged;
        self
    }

    /// The quotes as they touch the sentence at `span`.
    pub(crate) fn view(&self, span: Span) -> QuoteView<'_> {
        let first = self.regions.partition_point(|q| q.end <= span.start);
        let end = first + self.regions[first..].partition_point(|q| q.start < span.end);
        let touching = &self.regions[first..end];
        let quoted_bytes: usize =
            touching.iter().map(|q| q.end.min(span.end).saturating_sub(q.start.max(span.start))).sum();
        let k = self.other_turns.partition_point(|t| t.end <= span.start);
        let other_turn = self.other_turns.get(k).is_some_and(|t| t.start < span.end);
        QuoteView { touching, first, quoted_bytes, mostly_quoted: quoted_bytes * 2 > span.len(), other_turn }
    }

    /// The first quoted words inside `span`, for the evidence's `quote`.
    pub(crate) fn first_within(&self, span: Span) -> Option<Span> {
        let first = self.regions.partition_point(|q| q.end <= span.start);
        self.regions
            .get(first)
            .filter(|q| q.start < span.end)
            .map(|q| Span::new(q.start.max(span.start), q.end.min(span.end)))
    }
}

impl QuoteSpeakers {
    /// The speakers known before the sentence loop: those of parties'
    /// turns.
    pub(crate) fn new(quotes: &Quotes) -> QuoteSpeakers {
        let mut speakers = vec![None; quotes.regions.len()];
        for &(k, sp) in &quotes.known {
            speakers[k] = Some(sp);
        }
        QuoteSpeakers { speakers }
    }

    /// A tag in the sentence names the speaker of the quotes it touches
    /// that have none yet (`None`: the sentence has no tag).
    pub(crate) fn tag(&mut self, view: &QuoteView, speaker: Option<(crate::ids::PartyId, Span)>) {
        for k in view.indices() {
            if self.speakers[k].is_none() {
                self.speakers[k] = speaker.map(|(p, s)| Speaker::Party(p, s));
            }
        }
    }

    /// Give the quotes the sentence touches `speaker`, where they have none.
    pub(crate) fn settle(&mut self, view: &QuoteView, speaker: Speaker) {
        for k in view.indices() {
            self.speakers[k].get_or_insert(speaker);
        }
    }

    /// The speaker of the first quote the sentence touches that has one.
    pub(crate) fn speaker(&self, view: &QuoteView) -> Option<Speaker> {
        view.indices().find_map(|k| self.speakers[k])
    }
}

/// The quotes touching one sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QuoteView<'q> {
    /// The regions that overlap the sentence.
    pub touching: &'q [Span],
    /// Index of the first of them among all regions.
    first: usize,
    /// Bytes of the sentence inside quotes.
    pub quoted_bytes: usize,
    /// More than half the sentence is quoted.
    pub mostly_quoted: bool,
    /// The sentence is in the turn of an interviewer or another speaker who
    /// is no party.
    pub other_turn: bool,
}

impl<'q> QuoteView<'q> {
    /// A view of one region only (for reading a later sentence's tag).
    pub(crate) fn single(region: &'q Span) -> QuoteView<'q> {
        QuoteView {
            touching: std::slice::from_ref(region),
            first: 0,
            quoted_bytes: 0,
            mostly_quoted: false,
            other_turn: false,
        }
    }

    /// Is byte `pos` inside a quote?
    pub(crate) fn in_quote(&self, pos: usize) -> bool {
        self.touching.iter().any(|q| q.start <= pos && pos < q.end)
    }

    fn indices(&self) -> std::ops::Range<usize> {
        self.first..self.first + self.touching.len()
    }

    /// The last region the sentence touches.
    pub(crate) fn last(&self) -> Option<Span> {
        self.touching.last().copied()
    }
}

/// A speaker label naming someone who is not a party: a line or paragraph
/// opening with capitalised words and a colon (`MARK RUTTE:`), with no party
/// named before the colon.
pub(crate) fn foreign_label(s: &crate::grammar::Sentence) -> bool {
    let line = &s.text[s.seg.span.range()];
    let Some(colon) = line.find(':') else { return false };
    let head = &line[..colon];
    if head.is_empty() || head.len() > 40 || !head.chars().any(char::is_alphabetic) {
        return false;
    }
    let caps = head.split_whitespace().all(|w| w.chars().all(|c| !c.is_lowercase()));
    caps && !s.sc.refs.iter().any(|r| r.span.start < s.seg.span.start + colon)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PartyId;

    #[test]
    fn quotes() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \u{201c}no\u{201d} twice.", &["\u{201c}no\u{201d}"]),
            ("\"a\" and \"b\"", &["\"a\"", "\"b\""]),
            ("\u{201c}Open to the end", &["\u{201c}Open to the end"]),
            ("stray\u{201d} close", &[]),
            (
                "\u{201c}It is \u{2018}fine\u{2019},\u{201d} she said.",
                &["\u{201c}It is \u{2018}fine\u{2019},\u{201d}"],
            ),
            // British style: single quotes outside double ones.
            ("'We will not leave,' he said.", &["'We will not leave,'"]),
            ("\u{2018}We agree. But not yet,\u{2019} he said.", &["\u{2018}We agree. But not yet,\u{2019}"]),
            ("He called it 'reality'. It isn't.", &["'reality'"]),
            ("He expected 'some' of it back, and 'more' later.", &["'some'", "'more'"]),
            // Apostrophes are not quotes.
            ("Russia's plan, don't ask, the '90s, rock 'n' roll.", &[]),
            ("The Russians' demands and Kyiv's answer.", &[]),
            (
                "'We want the Russians' demands on paper,' she said.",
                &["'We want the Russians' demands on paper,'"],
            ),
            // An unclosed single quote runs on only when it opens the paragraph.
            ("\u{2018}Every part of our land matters", &["\u{2018}Every part of our land matters"]),
            ("He said 'maybe and left", &[]),
            // „…“ and «…» pair.
            ("Він сказав: \u{201e}Ми готові\u{201c}. Так.", &["\u{201e}Ми готові\u{201c}"]),
            ("Он сказал: \u{00ab}Мы готовы\u{00bb}.", &["\u{00ab}Мы готовы\u{00bb}"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> =
                quote_regions(text, Span::new(0, text.len())).iter().map(|s| &text[s.range()]).collect();
            assert_eq!(&got, want, "quotes in {text:?}");
        }
    }

    #[test]
    fn views_and_speakers() {
        let text = "\u{201c}We agree. But not yet,\u{201d} he said. Then silence.";
        let at = |s: &str| text.find(s).expect("in text");
        let seg = |a: usize, b: usize| Segment {
            span: Span::new(a, b),
            paragraph: 0,
            kind: crate::UnitKind::Sentence,
        };
        let segs = [seg(0, at(" But")), seg(at("But"), at(" Then")), seg(at("Then"), text.len())];
        let scanner = Scanner::new(&crate::Profile::default_profile());
        let q = Quotes::new(text, &crate::text::fold_case(text), &segs, Some(&scanner));
        let mut who = QuoteSpeakers::new(&q);
        assert_eq!(q.regions.len(), 1);
        let v = q.view(segs[0].span);
        assert!(v.mostly_quoted && v.in_quote(3) && v.touching.len() == 1);
        assert!(q.view(segs[2].span).touching.is_empty());
        assert_eq!(who.speaker(&v), None);
        who.tag(&v, Some((PartyId(1), Span::new(0, 2))));
        assert_eq!(who.speaker(&q.view(segs[1].span)), Some(Speaker::Party(PartyId(1), Span::new(0, 2))));
        who.settle(&v, Speaker::Other);
        assert_eq!(who.speaker(&v), Some(Speaker::Party(PartyId(1), Span::new(0, 2))), "settled once");
    }
}
