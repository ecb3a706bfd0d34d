//! A compact binary form of a [`Report`], for handing a report from a Web
//! Worker to the page without a JSON round trip.
//!
//! The report is written as `u32` words: spans, indices into the profile's
//! parties and topics, stance and kind numbers. Every piece of text in a
//! report is a slice of the analysed text or a profile label, so it is
//! rebuilt from those on decoding. Decoding checks every number it reads
//! and returns `None` for anything malformed; it never panics.
//!
//! The report's language code comes right after the magic number, so that a
//! reader can pick the profile of that language ([`Report::words_language`])
//! before decoding the rest with it.

use crate::cells::summarize;
use crate::profile::{AliasKind, Profile, STANCE_LABELS};
use crate::report::{Cell, Evidence, Figure, Id, Label, Mention, Report, Sentence, Stats, SCHEMA};
use crate::segment::UnitKind;
use crate::span::Span;

const MAGIC: u32 = 0x4647_0002; // "FG", version 2 (version 1 had no language)
const NONE: u32 = u32::MAX;
const VIAS: [&str; 5] = ["speaker", "according_to", "subject", "owner", "agent"];
const KINDS: [&str; 8] =
    ["person", "title", "institution", "country", "capital", "demonym", "group", "pronoun"];

fn index(list: &[Label], id: &str) -> u32 {
    list.iter().position(|l| &*l.id == id).map_or(NONE, |i| i as u32)
}

fn opt_index<T: AsRef<str>>(list: &[Label], id: &Option<T>) -> u32 {
    id.as_ref().map_or(NONE, |id| index(list, id.as_ref()))
}

fn pos(names: &[&str], name: &str) -> u32 {
    names.iter().position(|n| *n == name).map_or(NONE, |i| i as u32)
}

fn span_words(out: &mut Vec<u32>, s: Option<Span>) {
    match s {
        Some(s) => out.extend([s.start as u32, s.end as u32]),
        None => out.extend([NONE, NONE]),
    }
}

fn bits(list: &[Label], ids: &[Id]) -> u64 {
    ids.iter().map(|id| index(list, id)).filter(|&i| i < 64).fold(0, |acc, i| acc | 1 << i)
}

impl Report {
    /// The report as `u32` words (see the module docs). Texts of up to
    /// 4 GiB; notices are carried as UTF-8 packed into words.
    pub fn to_words(&self) -> Vec<u32> {
        let mut w = Vec::with_capacity(16 + self.sentences.len() * 7 + self.mentions.len() * 5);
        let s = &self.stats;
        w.push(MAGIC);
        push_str(&mut w, &self.language);
        w.extend([s.chars as u32, s.bytes as u32, s.sentences as u32, s.paragraphs as u32]);
        w.push(self.notices.len() as u32);
        for n in &self.notices {
            push_str(&mut w, n);
        }
        w.push(self.sentences.len() as u32);
        for x in &self.sentences {
            let kind = match x.kind {
                UnitKind::Sentence => 0,
                UnitKind::Line => 1,
                UnitKind::ListItem => 2,
            };
            let p = bits(&self.parties, &x.parties);
            let t = bits(&self.topics, &x.topics);
            w.extend([x.span.start as u32, x.span.end as u32, x.paragraph as u32, kind]);
            w.extend([p as u32, (p >> 32) as u32, t as u32, (t >> 32) as u32]);
        }
        w.push(self.cells.len() as u32);
        for c in &self.cells {
            w.extend([
                index(&self.parties, &c.party),
                index(&self.topics, &c.topic),
                pos(&STANCE_LABELS, &c.stance),
                c.evidence.len() as u32,
            ]);
            for e in &c.evidence {
                w.extend([e.sentence as u32, e.span.start as u32, e.span.end as u32]);
                w.push(e.stance.as_deref().map_or(NONE, |l| pos(&STANCE_LABELS, l)));
                w.push(pos(&VIAS, &e.via));
                span_words(&mut w, e.speaker_span);
                span_words(&mut w, e.resolved_span);
                span_words(&mut w, e.cue);
                span_words(&mut w, e.quote);
            }
        }
        w.push(self.figures.len() as u32);
        for f in &self.figures {
            w.extend([f.span.start as u32, f.span.end as u32, f.sentence as u32]);
            w.push(opt_index(&self.topics, &f.topic));
            w.push(opt_index(&self.parties, &f.source));
        }
        w.push(self.mentions.len() as u32);
        for m in &self.mentions {
            w.extend([m.span.start as u32, m.span.end as u32, m.sentence as u32]);
            w.push(index(&self.parties, &m.party));
            w.push(pos(&KINDS, m.kind));
        }
        w
    }

    /// Rebuild a report from [`Report::to_words`], given the analysed text
    /// and the profile it was analysed with. `None` if the words do not
    /// fit them.
    // (One function, longer than most: it reads the format front to back,
    // mirroring `to_words` field by field, which is easiest to check as one
    // sequence.)
    pub fn from_words(words: &[u32], text: &str, profile: &Profile) -> Option<Report> {
        let mut r = Reader { w: words, at: 0, text };
        if r.next()? != MAGIC {
            return None;
        }
        let language = r.string()?;
        let parties: Vec<Label> = profile
            .parties
            .iter()
            .map(|p| Label { id: p.id.as_str().into(), label: p.label.clone() })
            .collect();
        let topics: Vec<Label> = profile
            .topics
            .iter()
            .map(|t| Label { id: t.id.as_str().into(), label: t.label.clone() })
            .collect();
        let stats = Stats {
            chars: r.next()? as usize,
            bytes: r.next()? as usize,
            sentences: r.next()? as usize,
            paragraphs: r.next()? as usize,
        };
        let mut notices = Vec::new();
        for _ in 0..r.count(1)? {
            notices.push(r.string()?);
        }
        let ids = |list: &[Label], lo: u32, hi: u32| -> Vec<Id> {
            let b = lo as u64 | (hi as u64) << 32;
            (0..list.len().min(64)).filter(|i| b & (1 << i) != 0).map(|i| list[i].id.clone()).collect()
        };
        let mut sentences = Vec::new();
        for _ in 0..r.count(8)? {
            let span = r.span()?;
            let paragraph = r.next()? as usize;
            let kind = match r.next()? {
                0 => UnitKind::Sentence,
                1 => UnitKind::Line,
                2 => UnitKind::ListItem,
                _ => return None,
            };
            let (p0, p1, t0, t1) = (r.next()?, r.next()?, r.next()?, r.next()?);
            sentences.push(Sentence {
                span,
                paragraph,
                kind,
                parties: ids(&parties, p0, p1),
                topics: ids(&topics, t0, t1),
            });
        }
        let mut cells = Vec::new();
        for _ in 0..r.count(4)? {
            let party = parties.get(r.next()? as usize)?.id.clone();
            let topic = topics.get(r.next()? as usize)?.id.clone();
            let stance = STANCE_LABELS.get(r.next()? as usize)?.to_string();
            let mut evidence = Vec::new();
            for _ in 0..r.count(13)? {
                let sentence = r.next()? as usize;
                let span = r.span()?;
                let label = r.next()?;
                let stance =
                    if label == NONE { None } else { Some(STANCE_LABELS.get(label as usize)?.to_string()) };
                let via = VIAS.get(r.next()? as usize)?.to_string();
                let speaker_span = r.opt_span()?;
                let resolved_span = r.opt_span()?;
                let cue = r.opt_span()?;
                let quote = r.opt_span()?;
                evidence.push(Evidence {
                    sentence,
                    text: text[span.range()].to_string(),
                    span,
                    stance,
                    via,
                    speaker: speaker_span.map(|s| text[s.range()].to_string()),
                    speaker_span,
                    resolved: resolved_span.map(|s| text[s.range()].to_string()),
                    resolved_span,
                    cue,
                    quote,
                });
            }
            let summary = summarize(&stance, &evidence);
            cells.push(Cell { party, topic, stance, summary, evidence });
        }
        let mut figures = Vec::new();
        for _ in 0..r.count(5)? {
            let span = r.span()?;
            let sentence = r.next()? as usize;
            let topic = r.opt_label(&topics)?;
            let source = r.opt_label(&parties)?;
            figures.push(Figure { text: text[span.range()].to_string(), span, sentence, topic, source });
        }
        let mut mentions = Vec::new();
        for _ in 0..r.count(5)? {
            let span = r.span()?;
            let sentence = r.next()? as usize;
            let party = parties.get(r.next()? as usize)?.id.clone();
            let kind = *KINDS.get(r.next()? as usize)?;
            mentions.push(Mention { span, party, kind, sentence });
        }
        (r.at == words.len()).then(|| Report {
            schema: SCHEMA.to_string(),
            language,
            parties,
            topics,
            stats,
            sentences,
            cells,
            figures,
            mentions,
            notices,
        })
    }
}

impl Report {
    /// The language code of a report in compact form (`en`, `ru`, `uk`),
    /// to choose the profile to decode it with; `None` if the words are no
    /// such report.
    pub fn words_language(words: &[u32]) -> Option<String> {
        let mut r = Reader { w: words, at: 0, text: "" };
        (r.next()? == MAGIC).then_some(())?;
        r.string()
    }
}

/// A string as its byte length and its UTF-8 bytes packed into words.
fn push_str(w: &mut Vec<u32>, s: &str) {
    let bytes = s.as_bytes();
    w.push(bytes.len() as u32);
    w.extend(bytes.chunks(4).map(|c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        u32::from_le_bytes(b)
    }));
}

/// Bounds-checked reading of the words.
struct Reader<'a> {
    w: &'a [u32],
    at: usize,
    text: &'a str,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u32> {
        let v = *self.w.get(self.at)?;
        self.at += 1;
        Some(v)
    }

    fn take(&mut self, n: usize) -> Option<&[u32]> {
        let s = self.w.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    /// A count of items of at least `words` words each, checked against
    /// what is left so that a bad count cannot allocate without bound.
    fn count(&mut self, words: usize) -> Option<usize> {
        let n = self.next()? as usize;
        (n.checked_mul(words)? <= self.w.len() - self.at).then_some(n)
    }

    /// A string written by [`push_str`].
    fn string(&mut self) -> Option<String> {
        let len = self.next()? as usize;
        let chunk = self.take(len.div_ceil(4))?;
        let bytes: Vec<u8> = chunk.iter().flat_map(|w| w.to_le_bytes()).take(len).collect();
        String::from_utf8(bytes).ok()
    }

    fn span(&mut self) -> Option<Span> {
        let (s, e) = (self.next()? as usize, self.next()? as usize);
        (s <= e && self.text.get(s..e).is_some()).then(|| Span::new(s, e))
    }

    fn opt_span(&mut self) -> Option<Option<Span>> {
        if self.w.get(self.at) == Some(&NONE) {
            self.take(2)?;
            return Some(None);
        }
        self.span().map(Some)
    }

    fn opt_label(&mut self, list: &[Label]) -> Option<Option<Id>> {
        match self.next()? {
            NONE => Some(None),
            i => Some(Some(list.get(i as usize)?.id.clone())),
        }
    }
}

#[allow(dead_code)]
fn _kinds_cover_alias_kinds(k: AliasKind) -> &'static str {
    // Keep KINDS in step with AliasKind::name (checked by the test below).
    k.name()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let profile = Profile::default_profile();
        let texts = [
            "",
            "Moscow rejected the ceasefire proposal. “We are ready,” Sybiha said.\n- a list item\nHeadline",
            "According to the Russian military, Ukraine holds less than 200 sq. km in Kursk. \u{1}",
            include_str!("../data/default-profile.json"),
        ];
        for text in texts {
            let report = crate::analyze(text, &profile);
            let words = report.to_words();
            assert_eq!(
                Report::from_words(&words, text, &profile).as_ref(),
                Some(&report),
                "text {text:.40?}"
            );
        }
        // A Russian report, decoded with the Russian profile its words name.
        #[cfg(feature = "cased-profiles")]
        {
            let analyzer = crate::Analyzer::builtin();
            let text = "Кремль отверг перемирие. «Мы готовы», — заявил Зеленский.";
            let report = analyzer.analyze(text);
            let words = report.to_words();
            let language = Report::words_language(&words).expect("a language");
            assert_eq!(language, "ru");
            let profile = analyzer.profile_for(&language).expect("a Russian profile");
            assert_eq!(Report::from_words(&words, text, profile).as_ref(), Some(&report));
        }
        for k in [
            AliasKind::Person,
            AliasKind::Title,
            AliasKind::Institution,
            AliasKind::Country,
            AliasKind::Capital,
            AliasKind::Demonym,
            AliasKind::Group,
        ] {
            assert!(KINDS.contains(&k.name()));
        }
    }

    #[test]
    fn malformed_words_are_refused() {
        let profile = Profile::default_profile();
        let text = "Moscow rejected the ceasefire proposal.";
        let words = crate::analyze(text, &profile).to_words();
        for cut in 0..words.len() {
            assert_eq!(Report::from_words(&words[..cut], text, &profile), None);
        }
        let mut bad = words.clone();
        bad[0] = 7;
        assert_eq!(Report::from_words(&bad, text, &profile), None);
        // Spans beyond the text.
        assert_eq!(Report::from_words(&words, "short", &profile), None);
    }
}
