//! The bad-input catalogue: for each kind of input people paste, the clear
//! behaviour the engine promises (not just "does not crash"). The widget
//! and CLI sides are tested in `tests/e2e/` and `crates/cli/tests/`.

use factgrid_engine::{
    analyze, decode, html_to_text, load, reduce, Analyzer, Encoding, Format, Profile, MAX_INPUT_BYTES,
    MAX_PROFILE_BYTES,
};

fn report(text: &str) -> factgrid_engine::Report {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(|| Analyzer::new(&Profile::default_profile())).analyze(text)
}

fn cells(text: &str) -> Vec<String> {
    report(text).cells.iter().map(|c| format!("{}/{}:{}", c.party, c.topic, c.stance)).collect()
}

#[test]
fn empty_and_white_space_give_an_empty_report() {
    for text in ["", " ", "\n\n\t \r\n", "\u{00a0}\u{2003}"] {
        let r = report(text);
        assert!(r.sentences.is_empty() && r.cells.is_empty() && r.notices.is_empty(), "{text:?}");
    }
}

#[test]
fn over_the_limit_is_cut_with_a_notice() {
    let unit = "Moscow rejected the truce. ";
    let text = unit.repeat(MAX_INPUT_BYTES / unit.len() + 10);
    let r = report(&text);
    assert_eq!(r.stats.bytes, MAX_INPUT_BYTES, "analysed exactly up to the limit");
    assert!(r.notices[0].contains("only the first 20 MB were analysed"), "{:?}", r.notices);
    assert_eq!(cells(unit), ["russia/ceasefire:opposes"]);
}

#[test]
fn a_one_megabyte_line_is_split_into_bounded_units() {
    let text = "word ".repeat(200_000) + "Kyiv rejected the truce";
    let r = report(&text);
    assert!(r.sentences.len() > 200, "a 1 MB unit is split");
    assert!(r.sentences.iter().all(|s| s.span.len() <= 4096));
    assert_eq!(r.cells.len(), 1);
}

#[test]
fn control_characters_and_nul_are_reported() {
    let r = report("Moscow\0 rejected the truce.\u{7} \u{1b}[31m");
    assert!(r.notices.iter().any(|n| n.contains("3 control characters")), "{:?}", r.notices);
    assert_eq!(cells("Moscow rejected\0 the truce."), ["russia/ceasefire:opposes"]);
}

#[test]
fn mixed_scripts_rtl_and_emoji_keep_spans_right() {
    let text = "\u{202e}مرحبا 🇺🇦 Kyiv backed the truce 👍. Київ підтримав перемир'я.";
    let r = report(text);
    assert_eq!(cells(text), ["ukraine/ceasefire:supports"]);
    let e = &r.cells[0].evidence[0];
    assert_eq!(&text[e.span.range()], e.text);
}

#[test]
fn an_article_in_cyrillic_gives_no_false_positions() {
    let text = "Кремль заявил, что изучает предложение о перемирии. Киев отверг план.";
    let r = report(text);
    assert_eq!(r.stats.sentences, 2);
    assert!(r.cells.is_empty());
}

#[test]
fn unbalanced_and_nested_quotes() {
    // An unclosed quote runs to the end of its paragraph only: the next
    // paragraph is read as usual.
    assert_eq!(
        cells("“We back the truce, all of it.\nKyiv rejected the ceasefire."),
        ["ukraine/ceasefire:opposes"]
    );
    // Single quotes inside double quotes.
    assert_eq!(
        cells("“It is ‘a trap’, and we reject the truce,” Zelensky said."),
        ["ukraine/ceasefire:opposes"]
    );
    // A stray closing quote is ignored.
    assert_eq!(cells("Moscow” rejected the truce."), ["russia/ceasefire:opposes"]);
}

#[test]
fn ten_thousand_quote_marks() {
    for mark in ["\"", "\u{201c}", "\u{201d}", "'"] {
        let text = mark.repeat(10_000) + " Moscow rejected the truce.";
        let r = report(&text);
        assert!(r.sentences.iter().all(|s| text.get(s.span.range()).is_some()));
    }
}

#[test]
fn html_is_reduced_to_text_and_scripts_dropped() {
    let html = "<p>Moscow rejected the truce.</p><script>alert(1)</script><img src=x onerror=alert(1)>";
    assert_eq!(html_to_text(html), "Moscow rejected the truce.");
    // Pasted as text, markup is just text: no cell comes from attributes.
    assert_eq!(cells(html), ["russia/ceasefire:opposes"]);
}

#[test]
fn a_saved_web_page_is_its_article_not_its_menus() {
    let page =
        "<html><head><title>x</title><script>var a = '</scr' + 'ipt>Kyiv backed the truce.';</script></head>\
        <body><nav><a href=/>Moscow backed the truce.</a></nav>\
        <div class=most-read><p>Washington rejected the truce, a source said.</p></div>\
        <article><h1>Kremlin balks</h1><p>Moscow rejected the truce on Monday, officials said.</p></article>\
        <section id=comments><p>Kyiv rejected the ceasefire, says a reader.</p></section></body></html>";
    let r = reduce(page);
    assert_eq!(r.text, "Kremlin balks\n\nMoscow rejected the truce on Monday, officials said.");
    assert!(
        r.notice().contains("removed navigation, most-read list, comments and 1 script"),
        "{}",
        r.notice()
    );
    assert_eq!(cells(&r.text), ["russia/ceasefire:opposes"]);
}

#[test]
fn unclosed_and_tricky_markup_leaks_no_script_or_markup() {
    let cases: &[(&str, &str)] = &[
        ("<p>Moscow rejected the truce.</p><script>", "Moscow rejected the truce."),
        ("<p>Moscow rejected the truce.</p><!-- <p>hidden", "Moscow rejected the truce."),
        ("<p>Moscow rejected the truce.<p title=\"never closed", "Moscow rejected the truce."),
        (
            "<style>p::after { content: 'Kyiv backed the truce' }</style><p>Moscow rejected the truce.",
            "Moscow rejected the truce.",
        ),
        (
            "<p>Moscow rejected the truce.</p><textarea></textarea><b>Kyiv</b>",
            "Moscow rejected the truce.\n\nKyiv",
        ),
        (
            "<svg><script>x</script><text>Kyiv</text></svg><p>Moscow rejected the truce.",
            "Moscow rejected the truce.",
        ),
    ];
    for (page, want) in cases {
        assert_eq!(reduce(page).text, *want, "{page:?}");
    }
}

#[test]
fn legacy_encodings_are_decoded_with_a_notice_and_binary_is_refused() {
    // "Кремль отверг перемирие." in Windows-1251; "Le Kremlin a rejeté la trêve." in Latin-1.
    let d =
        decode(b"\xca\xf0\xe5\xec\xeb\xfc \xee\xf2\xe2\xe5\xf0\xe3 \xef\xe5\xf0\xe5\xec\xe8\xf0\xe8\xe5.")
            .unwrap();
    assert_eq!((d.text.as_str(), d.encoding), ("Кремль отверг перемирие.", Encoding::Windows1251));
    assert!(d.notice.unwrap().contains("Windows-1251 (Cyrillic)"));
    let d = decode(b"Le Kremlin a rejet\xe9 la tr\xeave.").unwrap();
    assert_eq!((d.text.as_str(), d.encoding), ("Le Kremlin a rejeté la trêve.", Encoding::Windows1252));
    // UTF-16 from a Windows editor.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Moscow rejected the truce.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(cells(&load(&utf16, Format::Text).unwrap().text), ["russia/ceasefire:opposes"]);
    // An image or a zip is refused with where it stops being text.
    for (bytes, want) in [
        (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "binary file (NUL byte at offset 8)"),
        (b"PK\x03\x04\x14\0\x06\0", "binary file (NUL byte at offset 5)"),
        (b"\x1b\x01\x02\x03\x04ab", "binary file (5 of its 7 bytes are control characters)"),
    ] {
        assert_eq!(load(bytes, Format::Sniff).unwrap_err().to_string(), want);
    }
}

#[test]
fn a_twenty_megabyte_page_is_reduced_in_one_pass() {
    let unit = "<div class=x><p>Moscow rejected the truce.</p>";
    let page = format!("<html><body>{}<p>Kyiv backed the truce.", unit.repeat(MAX_INPUT_BYTES / unit.len()));
    let r = reduce(&page);
    assert!(r.text.ends_with("Kyiv backed the truce."));
    assert!(r.text.len() < page.len());
}

#[test]
fn malformed_and_huge_profiles_are_refused_with_a_reason() {
    let cases = [
        ("", "not valid JSON"),
        ("null", "invalid type"),
        (r#"{"parties": 3, "topics": []}"#, "invalid type"),
        (r#"{"parties": [], "topics": [], "extra": 1}"#, "unknown field `extra`"),
    ];
    for (json, want) in cases {
        let err = Profile::from_json(json).unwrap_err().to_string();
        assert!(err.contains(want), "{json:?}: {err}");
    }
    let huge = format!("{{\"_doc\": \"{}\"}}", "x".repeat(MAX_PROFILE_BYTES));
    assert!(Profile::from_json(&huge).unwrap_err().to_string().contains("at most"));
    // A valid custom profile analyses with its own parties.
    let p = Profile::from_json(r#"{"parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "Brussels", "kind": "capital"}]}], "topics": [{"id": "ceasefire", "label": "Truce", "terms": ["truce"]}]}"#).unwrap();
    let r = analyze("Brussels backed the truce.", &p);
    assert_eq!(&*r.cells[0].party, "eu");
}

#[test]
fn exports_keep_pasted_markup_and_links_as_text() {
    let text = "Moscow rejected the truce <img src=x onerror=alert(1)> [terms](javascript:alert(1)) \
                ![p](http://t.example/p.gif) <script>x</script>.";
    let md = report(text).to_markdown();
    // Every character that could open markup in the evidence is escaped.
    let evidence = md.lines().find(|l| l.starts_with("- Moscow")).expect("the evidence line");
    let mut prev = ' ';
    for c in evidence.chars() {
        assert!(!"<>[]!`*_".contains(c) || prev == '\\', "unescaped {c:?} in {evidence}");
        prev = if prev == '\\' { ' ' } else { c };
    }
    assert!(md.contains("\\<img src=x onerror=alert(1)\\>"), "the text is kept, escaped:\n{md}");
    assert!(md.contains("\\[terms\\](javascript:alert(1))"), "{md}");
}

#[test]
fn exports_strip_terminal_control_sequences() {
    let text = "\u{1b}]0;pwned\u{7}Moscow rejected the truce \u{1b}[2J\u{1b}[31mnow\u{9b}0m.\r";
    let r = report(text);
    assert_eq!(cells(text), ["russia/ceasefire:opposes"]);
    for (name, out) in [("markdown", r.to_markdown()), ("csv", r.to_csv())] {
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{name}: {out:?}");
        assert!(out.contains("Moscow rejected the truce now."), "{name}: {out:?}");
    }
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_defused() {
    let text = "=HYPERLINK(\"http://evil.example\") Moscow rejected the truce.\n\
                -1+2 Kyiv backed the ceasefire.\n@SUM(A1) Washington proposed a truce.";
    let csv = report(text).to_csv();
    assert_eq!(csv.lines().count(), 4, "three cells, one sentence each:\n{csv}");
    for line in csv.lines().skip(1) {
        let evidence = line.rsplit(",\"").next().unwrap();
        assert!(evidence.starts_with('\''), "evidence field not defused: {line}");
        assert!(line.contains(",\"'"), "summary field not defused: {line}");
    }
}

#[test]
fn profile_labels_with_control_characters_are_refused() {
    let json = r#"{"parties": [{"id": "eu", "label": "EU\u001b]0;x\u0007", "aliases": [{"text": "EU", "kind": "country"}]}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}]}"#;
    let err = Profile::from_json(json).unwrap_err().to_string();
    assert!(err.contains("parties[0] (eu) label contains a control character"), "{err}");
}
