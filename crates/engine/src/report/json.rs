//! The report as compact JSON, written by hand: byte for byte what
//! `serde_json::to_string` makes of it (the test below checks), without
//! serde's machinery, which the WebAssembly build otherwise carries only
//! for this.

use super::{Cell, Evidence, Figure, Label, Mention, Report, Sentence, Stats};
use crate::segment::UnitKind;
use crate::span::Span;

impl Report {
    /// The report as compact JSON: the same text as
    /// `serde_json::to_string(&report)`.
    pub fn to_json(&self) -> String {
        let mut w = Writer { out: String::with_capacity(64 + 8 * self.stats.bytes) };
        w.report(self);
        w.out
    }
}

/// `s` as a JSON string, quoted and escaped as serde_json writes it.
pub fn json_string(s: &str) -> String {
    let mut w = Writer { out: String::with_capacity(s.len() + 2) };
    w.str(s);
    w.out
}

/// A compact JSON writer (also used by `Comparison::to_json`).
pub(crate) struct Writer {
    pub(crate) out: String,
}

impl Writer {
    /// `"key":` after `{` or `,`.
    pub(crate) fn key(&mut self, first: bool, key: &str) {
        self.out.push(if first { '{' } else { ',' });
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.out.push('"');
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            let esc = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(&s[run..i]);
            if esc.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 15)]));
            } else {
                self.out.push_str(esc);
            }
            run = i + 1;
        }
        self.out.push_str(&s[run..]);
        self.out.push('"');
    }

    pub(crate) fn num(&mut self, n: usize) {
        use std::fmt::Write;
        let _ = write!(self.out, "{n}");
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.out.push_str("null"),
        }
    }

    fn span(&mut self, span: Span) {
        self.key(true, "start");
        self.num(span.start);
        self.key(false, "end");
        self.num(span.end);
        self.out.push('}');
    }

    fn opt_span(&mut self, span: Option<Span>) {
        match span {
            Some(s) => self.span(s),
            None => self.out.push_str("null"),
        }
    }

    /// `[` items `]`, each written by `item`.
    pub(crate) fn list<T>(&mut self, items: &[T], item: fn(&mut Writer, &T)) {
        self.out.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            item(self, x);
        }
        self.out.push(']');
    }

    fn report(&mut self, r: &Report) {
        self.key(true, "schema");
        self.str(&r.schema);
        self.key(false, "language");
        self.str(&r.language);
        self.key(false, "parties");
        self.list(&r.parties, Writer::label);
        self.key(false, "topics");
        self.list(&r.topics, Writer::label);
        self.key(false, "stats");
        self.stats(&r.stats);
        self.key(false, "sentences");
        self.list(&r.sentences, Writer::sentence);
        self.key(false, "cells");
        self.list(&r.cells, Writer::cell);
        self.key(false, "figures");
        self.list(&r.figures, Writer::figure);
        self.key(false, "mentions");
        self.list(&r.mentions, Writer::mention);
        self.key(false, "notices");
        self.list(&r.notices, |w, n| w.str(n));
        self.out.push('}');
    }

    pub(crate) fn label(&mut self, l: &Label) {
        self.key(true, "id");
        self.str(&l.id);
        self.key(false, "label");
        self.str(&l.label);
        self.out.push('}');
    }

    fn stats(&mut self, s: &Stats) {
        self.key(true, "chars");
        self.num(s.chars);
        self.key(false, "bytes");
        self.num(s.bytes);
        self.key(false, "sentences");
        self.num(s.sentences);
        self.key(false, "paragraphs");
        self.num(s.paragraphs);
        self.out.push('}');
    }

    fn sentence(&mut self, s: &Sentence) {
        self.key(true, "span");
        self.span(s.span);
        self.key(false, "paragraph");
        self.num(s.paragraph);
        self.key(false, "kind");
        self.str(match s.kind {
            UnitKind::Sentence => "sentence",
            UnitKind::Line => "line",
            UnitKind::ListItem => "list_item",
        });
        self.key(false, "parties");
        self.list(&s.parties, |w, id| w.str(id));
        self.key(false, "topics");
        self.list(&s.topics, |w, id| w.str(id));
        self.out.push('}');
    }

    fn cell(&mut self, c: &Cell) {
        self.key(true, "party");
        self.str(&c.party);
        self.key(false, "topic");
        self.str(&c.topic);
        self.key(false, "stance");
        self.str(&c.stance);
        self.key(false, "summary");
        self.str(&c.summary);
        self.key(false, "evidence");
        self.list(&c.evidence, Writer::evidence);
        self.out.push('}');
    }

    fn evidence(&mut self, e: &Evidence) {
        self.key(true, "sentence");
        self.num(e.sentence);
        self.key(false, "text");
        self.str(&e.text);
        self.key(false, "span");
        self.span(e.span);
        self.key(false, "stance");
        self.opt_str(e.stance.as_deref());
        self.key(false, "via");
        self.str(&e.via);
        self.key(false, "speaker");
        self.opt_str(e.speaker.as_deref());
        self.key(false, "speaker_span");
        self.opt_span(e.speaker_span);
        self.key(false, "resolved");
        self.opt_str(e.resolved.as_deref());
        self.key(false, "resolved_span");
        self.opt_span(e.resolved_span);
        self.key(false, "cue");
        self.opt_span(e.cue);
        self.key(false, "quote");
        self.opt_span(e.quote);
        self.out.push('}');
    }

    fn figure(&mut self, f: &Figure) {
        self.key(true, "text");
        self.str(&f.text);
        self.key(false, "span");
        self.span(f.span);
        self.key(false, "sentence");
        self.num(f.sentence);
        self.key(false, "topic");
        self.opt_str(f.topic.as_deref());
        self.key(false, "source");
        self.opt_str(f.source.as_deref());
        self.out.push('}');
    }

    fn mention(&mut self, m: &Mention) {
        self.key(true, "span");
        self.span(m.span);
        self.key(false, "party");
        self.str(&m.party);
        self.key(false, "kind");
        self.str(m.kind);
        self.key(false, "sentence");
        self.num(m.sentence);
        self.out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Profile};

    #[test]
    fn writes_what_serde_json_writes() {
        let profile = Profile::default_profile();
        let mut texts: Vec<String> = [
            include_str!("../../tests/data/rules.txt"),
            include_str!("../../tests/data/figures.txt"),
            include_str!("../../tests/data/speakers.txt"),
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.push(String::new());
        texts.push(
            "Kyiv rejected \"any\" plan\\ to cede\tterritory,\u{1} \u{8}\u{c}\r\u{1f}\u{7f} Kremlin said — «it» was \
             studying the ceasefire.\n\n- The US backed the truce, 3,000 troops and 200 sq km."
                .into(),
        );
        for text in &texts {
            let report = analyze(text, &profile);
            assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
        }
        #[cfg(feature = "cased-profiles")]
        for (language, text) in [
            (crate::Language::Russian, include_str!("../../tests/data/rules-ru.txt")),
            (crate::Language::Ukrainian, include_str!("../../tests/data/rules-uk.txt")),
        ] {
            let report = analyze(text, &Profile::builtin(language));
            assert_eq!(report.language, language.code());
            assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
        }
    }
}
