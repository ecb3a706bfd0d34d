//! Fuzz `analyze` with article-shaped input: pieces that exercise every
//! stage (names, cues, quotes, abbreviations, numbers, markup) mixed with
//! arbitrary strings, and the invariants of the report checked.
#![no_main]

use arbitrary::Arbitrary;
use factgrid_engine::{Analyzer, Profile};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Piece {
    Word(u8),
    Raw(String),
    Bytes(Vec<u8>),
    Space,
    Newline,
}

const WORDS: &[&str] = &[
    "Putin", "Zelensky", "Trump", "Kremlin", "Kyiv", "the US", "U.S.", "he", "she", "they", "its", "said", "told",
    "according to", "rejected", "backs", "in principle", "not", "ceasefire", "truce", "Crimea", "Kursk", "the plan",
    "the two leaders", "Mr.", "sq. km", "1,300", "one-fifth", "30-day", "less than", "\u{201c}", "\u{201d}", "\"",
    "'", "\u{2019}s", ".", "?", "!", ",", ":", ";", "\u{2026}", "\r\n", "<p>", "</p>", "<script>", "&amp;", "\0",
    "\u{202e}", "Київ", "🇺🇦", "NAME:", "What", "\u{fffd}",
];

fuzz_target!(|pieces: Vec<Piece>| {
    static ANALYZER: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    let analyzer = ANALYZER.get_or_init(|| Analyzer::new(&Profile::default_profile()));
    let mut text = String::new();
    for p in pieces {
        match p {
            Piece::Word(i) => text.push_str(WORDS[i as usize % WORDS.len()]),
            Piece::Raw(s) => text.push_str(&s),
            Piece::Bytes(b) => text.push_str(&String::from_utf8_lossy(&b)),
            Piece::Space => text.push(' '),
            Piece::Newline => text.push('\n'),
        }
    }
    let report = analyzer.analyze(&text);
    let mut last = 0;
    for s in &report.sentences {
        assert!(s.span.start >= last && s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        last = s.span.end;
    }
    for c in &report.cells {
        for e in &c.evidence {
            assert_eq!(&text[e.span.range()], e.text);
        }
    }
    for f in &report.figures {
        assert!(text.get(f.span.range()).is_some());
    }
    let _ = factgrid_engine::html_to_text(&text);
    let _ = report.to_markdown();
    let _ = report.to_csv();
    // The explain trace gives the same report, and its spans are in the text.
    let (again, trace) = analyzer.explain(&text);
    assert_eq!(again, report);
    for s in &trace.sentences {
        for h in &s.holders {
            assert!(text.get(h.span.range()).is_some() && h.scope <= text.len());
        }
        for r in &s.resolved {
            assert!(text.get(r.span.range()).is_some() && text.get(r.antecedent.range()).is_some());
        }
    }
    let _ = trace.display(&text).to_string();
});
