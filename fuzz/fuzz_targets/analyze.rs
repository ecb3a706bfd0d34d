//! Fuzz `analyze` with article-shaped input: pieces that exercise every
//! stage (names, cues, quotes, abbreviations, numbers, markup) mixed with
//! arbitrary strings, and the invariants of the report checked. The same
//! input, as bytes, goes through `decode` and `load`, and as text through
//! `reduce` (a web page's markup, boilerplate classes, references, raw
//! text tricks), with the reduction's invariants checked.
#![no_main]

use arbitrary::Arbitrary;
use factgrid_engine::{decode, load, reduce, Analyzer, Format, Profile};
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
    "\u{202e}", "Київ", "🇺🇦", "NAME:", "What", "\u{fffd}", "<!DOCTYPE html>", "<meta charset=windows-1251>",
    "<article>", "</article>", "<div class=related>", "<nav>", "</div>", "<li>", "<h1>", "<br>", "<q>", "<!--", "-->",
    "</scr", "ipt>", "<title>", "<style>", "<a href='x>y'>", "&nbsp", "&#8212;", "&#x", "\u{ad}", "\u{feff}",
    "\u{1}\u{2}", "\u{ff}\u{fe}",
];

fuzz_target!(|pieces: Vec<Piece>| {
    static ANALYZER: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    let analyzer = ANALYZER.get_or_init(|| Analyzer::new(&Profile::default_profile()));
    let mut text = String::new();
    // The same pieces as bytes, where raw bytes stay raw (legacy
    // encodings, UTF-16, binary) for `decode` and `load`.
    let mut bytes = Vec::new();
    for p in pieces {
        let piece: std::borrow::Cow<'_, str> = match &p {
            Piece::Word(i) => WORDS[*i as usize % WORDS.len()].into(),
            Piece::Raw(s) => s.as_str().into(),
            Piece::Bytes(b) => String::from_utf8_lossy(b),
            Piece::Space => " ".into(),
            Piece::Newline => "\n".into(),
        };
        text.push_str(&piece);
        match &p {
            Piece::Bytes(b) => bytes.extend_from_slice(b),
            _ => bytes.extend_from_slice(piece.as_bytes()),
        }
    }
    // Reading the bytes as a file never panics; a web page's text is
    // bounded by the page and holds no control characters.
    if let Ok(d) = decode(&bytes) {
        assert!(d.replaced == 0 || d.text.contains('\u{fffd}'));
    }
    for format in [Format::Sniff, Format::Html, Format::Text] {
        if let Ok(doc) = load(&bytes, format) {
            assert!(!doc.notices.iter().any(String::is_empty));
        }
    }
    let page = reduce(&text);
    assert!(page.text.len() <= text.len() + text.len() / 5 + 8);
    assert!(!page.text.chars().any(|c| c.is_control() && c != '\n'));
    let _ = page.notice();
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
    assert!(!factgrid_engine::html_to_text(&text).contains("\n\n"));
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
