use super::automaton::scan;
use super::*;
use crate::text::fold_case;

/// Every byte offset that starts a word, as the analysis passes them.
fn starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for w in crate::text::words(text, Span::new(0, text.len())) {
        out.push(w.start);
        out.extend(text[w.range()].match_indices(['-', '.']).map(|(i, _)| w.start + i + 1));
    }
    out
}

fn entities(text: &str) -> Vec<&str> {
    let s = Scanner::new(&Profile::default_profile());
    let span = Span::new(0, text.len());
    let mut at = Vec::new();
    let lower = fold_case(text);
    scan_at(&s.entities, text, &lower, span, &starts(text), &mut at);
    // The word-start scan finds what a full scan of the text finds.
    let full = scan(&s.entities, text, &lower, span);
    assert_eq!(
        at.iter().map(|h| h.span).collect::<Vec<_>>(),
        full.iter().map(|h| h.span).collect::<Vec<_>>(),
        "word-start and full scans agree on {text:?}"
    );
    // (Words of a topic's process, `plan`, are not entities.)
    at.iter()
        .filter(|h| {
            s.entities.meanings[h.pattern as usize].iter().any(|m| !matches!(m, Meaning::ContextTopic(_)))
        })
        .map(|h| &text[h.span.range()])
        .collect()
}

#[test]
fn aliases_on_word_boundaries() {
    let cases: &[(&str, &[&str])] = &[
        ("Russian forces advanced", &["Russian forces"]),
        ("Putin’s plan", &["Putin"]),
        ("the Russian-occupied town", &["Russian", "occupied"]),
        ("Prussia is not Russia", &["Russia"]),
        ("let us talk to the US", &["US"]),
        ("Kyiv and Kursk", &["Kyiv", "Kursk"]),
        // A longer alias that ends inside a word does not hide a shorter one.
        ("the Kremlin chiefly said", &["Kremlin"]),
        ("Kурск Kyivska", &[]),
    ];
    for (text, want) in cases {
        let got = entities(text);
        assert_eq!(&got, want, "scanning {text:?}");
    }
}
