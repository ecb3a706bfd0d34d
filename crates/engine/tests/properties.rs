//! Property tests: for any input, analysis does not panic, and every span
//! it reports is ordered, on character boundaries and inside the text;
//! sentences cover every non-space character.

use factgrid_engine::{Analyzer, Profile, Span};
use proptest::prelude::*;

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(|| Analyzer::new(&Profile::default_profile()))
}

fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} outside text of {} bytes", text.len());
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on char boundaries"
    );
}

fn check(text: &str) {
    let r = analyzer().analyze(text);
    let mut prev_end = 0;
    let mut covered = vec![false; text.len()];
    for s in &r.sentences {
        check_span(text, s.span, "sentence");
        assert!(s.span.start >= prev_end, "sentences overlap or are out of order");
        prev_end = s.span.end;
        covered[s.span.range()].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            assert!(covered[i], "character {c:?} at {i} is in no sentence");
        }
    }
    // The compact form carries the same report.
    let back = factgrid_engine::Report::from_words(&r.to_words(), text, &Profile::default_profile());
    assert_eq!(back.as_ref(), Some(&r), "compact round trip");
    let mut last = 0;
    for m in &r.mentions {
        check_span(text, m.span, "mention");
        assert!(m.span.start >= last, "mentions out of order");
        last = m.span.start;
    }
    for c in &r.cells {
        for e in &c.evidence {
            check_span(text, e.span, "evidence");
            assert_eq!(&text[e.span.range()], e.text);
            if let Some(q) = e.quote {
                check_span(text, q, "quote");
                assert!(e.span.contains(q));
            }
        }
    }
    for f in &r.figures {
        check_span(text, f.span, "figure");
    }
}

/// Words and marks that exercise every stage: party names, cues, quotes,
/// abbreviations, numbers, HTML, control characters and other alphabets.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Putin".to_string()),
        Just("Kyiv".into()),
        Just("the US".into()),
        Just("said".into()),
        Just("he".into()),
        Just("ceasefire".into()),
        Just("Kursk".into()),
        Just("rejected".into()),
        Just("according to".into()),
        Just("Mr.".into()),
        Just("U.S.".into()),
        Just("sq. km".into()),
        Just("1,300".into()),
        Just("one-fifth".into()),
        Just("30-day".into()),
        Just("\u{201c}".into()),
        Just("\u{201d}".into()),
        Just("\"".into()),
        Just("'".into()),
        Just("\u{2019}s".into()),
        Just(".".into()),
        Just("?".into()),
        Just("!".into()),
        Just(",".into()),
        Just("\n".into()),
        Just("\r\n".into()),
        Just("<script>".into()),
        Just("\0".into()),
        Just("Київ".into()),
        Just("مرحبا".into()),
        Just("\u{202e}".into()),
        Just("🇺🇦".into()),
        Just("...".into()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,3}",
        any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn structured_text_keeps_every_invariant(tokens in prop::collection::vec(token(), 0..80), seps in prop::collection::vec(prop_oneof![Just(" "), Just(""), Just("  ")], 80)) {
        let mut text = String::new();
        for (t, s) in tokens.iter().zip(seps.iter()) {
            text.push_str(t);
            text.push_str(s);
        }
        check(&text);
    }

    #[test]
    fn arbitrary_strings_keep_every_invariant(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn html_reduction_never_panics_and_drops_markup(text in "(<[a-z/!]{0,8}[^>]{0,10}>?|&[#a-z0-9]{0,6};?|\\PC{1,4}){0,60}") {
        let out = factgrid_engine::html_to_text(&text);
        check(&out);
    }

    #[test]
    fn arbitrary_bytes_read_lossily(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn pathological_inputs() {
    let cases = [
        String::new(),
        " \n\t\r\n ".into(),
        "\u{201c}".repeat(10_000),
        "\"".repeat(10_001),
        "a".repeat(1 << 20),
        ". ".repeat(50_000),
        "Putin said ".repeat(5_000),
        "<img src=x onerror=alert(1)><script>alert(1)</script>".into(),
    ];
    for text in cases {
        check(&text);
    }
}
