//! How the command reads files: legacy encodings decoded, web pages reduced
//! to their article, each with a notice (in the report and on standard
//! error); binary data refused as before.

mod common;

use common::*;

/// Encode `s` in Windows-1251 (the few characters these tests use).
fn cp1251(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            'А'..='я' => (c as u32 - 'А' as u32 + 0xC0) as u8,
            'і' => 0xB3,
            'ї' => 0xBF,
            'є' => 0xBA,
            c if c.is_ascii() => c as u8,
            c => panic!("{c} is not in this test's Windows-1251"),
        })
        .collect()
}

#[test]
fn a_windows_1251_text_file_is_decoded_with_a_notice() {
    let d = Scratch::new("cp1251");
    let text = "Москва, 15 марта. Песков не дал комментариев.\nМосква отвергла перемирие.\n";
    let path = d.file("statement.txt", cp1251(text));
    let out = factgrid(&["analyze", path.to_str().unwrap()], b"");
    expect_code(&out, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(cells(&report), ["russia/ceasefire:opposes"]);
    assert_eq!(report["language"], "ru");
    // Exactly the text: read as UTF-8, each Cyrillic byte would have been
    // a three-byte U+FFFD instead of a two-byte letter.
    assert_eq!(report["stats"]["bytes"], text.len());
    let notice = "The text is not valid UTF-8; it was read as Windows-1251 (Cyrillic), the encoding its bytes suggest.";
    assert_eq!(report["notices"][0], notice);
    assert!(stderr(&out).contains(&format!("factgrid: note: {notice}")), "{}", stderr(&out));
    // Ukrainian too, on standard input.
    let out = factgrid(&["analyze"], &cp1251("Київ відхилив план. Київ відхилив перемир'я."));
    expect_code(&out, 0);
    assert!(stderr(&out).contains("read as Windows-1251"), "{}", stderr(&out));
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Moscow balks | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<script>var tracking = "Kyiv backed the truce.";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div id="cookie-notice">We use cookies. Washington proposed a 30-day truce to our readers.</div>
<article>
<h1>Moscow balks at truce</h1>
<p>Moscow rejected the ceasefire proposal on Monday, the Kremlin said in a statement.</p>
<p>Officials in Kyiv said they would wait for Russia&rsquo;s formal answer before responding.</p>
</article>
<section class="related"><h2>Related</h2><ul><li><a href="/x">Kyiv backed the truce, officials said.</a></li></ul></section>
<footer>&copy; The Ledger</footer>
</body></html>"#;

#[test]
fn an_html_file_is_reduced_to_its_article_with_a_notice() {
    let d = Scratch::new("page");
    let path = d.file("story.html", PAGE);
    let out = factgrid(&["analyze", path.to_str().unwrap()], b"");
    expect_code(&out, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // Only the article speaks (officials in Kyiv weigh the proposal): not
    // the script, the cookie notice or the related list.
    assert_eq!(cells(&report), ["russia/ceasefire:opposes", "ukraine/ceasefire:considering"]);
    let notice = report["notices"][0].as_str().unwrap();
    assert_eq!(
        notice,
        "Web page reduced to its article: removed navigation, footer, related-story list, cookie notice and 1 script; \
         0.2 KB of 0.8 KB kept."
    );
    assert!(stderr(&out).contains("factgrid: note: Web page reduced to its article"), "{}", stderr(&out));

    // The explain trace shows the reduced text: headline first.
    let out = factgrid(&["analyze", "--format", "explain", path.to_str().unwrap()], b"");
    expect_code(&out, 0);
    assert!(!stdout(&out).contains("tracking"), "{}", stdout(&out));

    // Piped page source is recognised; a `.txt` file is never reduced.
    let out = factgrid(&["analyze"], PAGE.as_bytes());
    let piped: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(cells(&piped), cells(&report));
    let txt = d.file("source.txt", PAGE);
    let out = factgrid(&["analyze", txt.to_str().unwrap()], b"");
    let raw: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(raw["notices"].as_array().unwrap().is_empty());
    assert!(cells(&raw).len() > 1, "the source as text: {:?}", cells(&raw));
}

#[test]
fn a_windows_1251_page_in_a_directory_walk() {
    let d = Scratch::new("walk-1251");
    let page = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>\
         <div class=menu><a href=/>{}</a></div><p>Moscow rejected the truce, {} said.</p></body></html>",
        "Главная", "Песков"
    );
    d.file("pages/ru.htm", cp1251(&page));
    let out = factgrid_in(Some(&d.0), &["analyze", "-f", "jsonl", "pages"], b"");
    expect_code(&out, 0);
    let l = lines(&out);
    assert_eq!(cells(&l[0]["report"]), ["russia/ceasefire:opposes"]);
    assert_eq!(l[0]["report"]["cells"][0]["evidence"][0]["text"], "Moscow rejected the truce, Песков said.");
    assert_eq!(
        l[0]["report"]["notices"][0],
        "The text was read as Windows-1251 (Cyrillic), as the page declares."
    );
}

#[test]
fn binary_files_are_still_refused_in_a_batch_and_read_alone() {
    let d = Scratch::new("binary");
    d.file("a.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR Moscow rejected the truce.");
    d.file("b.txt", [b'\x01'; 64]);
    let out = factgrid_in(Some(&d.0), &["analyze", "-f", "jsonl", "a.txt", "b.txt"], b"");
    expect_code(&out, 1);
    let l = lines(&out);
    assert_eq!(l[0]["error"], "a.txt is a binary file (NUL byte at offset 8)");
    assert_eq!(l[1]["error"], "b.txt is a binary file (64 of its 64 bytes are control characters)");
    // One file alone is analysed as before: read as UTF-8, the engine
    // notes the control characters.
    let out = factgrid_in(Some(&d.0), &["analyze", "a.txt"], b"");
    expect_code(&out, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(cells(&report), ["russia/ceasefire:opposes"]);
}
