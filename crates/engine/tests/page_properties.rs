//! Properties of reading files and web pages, on any input: decoding and
//! reduction never panic; the text out is at most a fifth longer than the
//! page in (a bullet `• ` and its line break take six bytes where `<li>x`
//! took five; nothing else grows), with no control characters, no blank
//! line runs and no white space at line ends; pathological pages of 2 MB
//! take a linear pass.
//!
//! Linear time is by construction (every loop in the lexer moves forward
//! from where the last search ended; the open-element stack looks at most a
//! fixed depth for implied end tags, and pops each element once); the
//! timing test below only guards against a regression that makes some
//! shape of input quadratic, with a bound generous enough for a debug
//! build on a loaded machine.

use std::time::{Duration, Instant};

use factgrid_engine::{decode, html_to_text, load, reduce, Format};
use proptest::prelude::*;

/// Pieces of markup, good and broken, and the class names that drive the
/// boilerplate rules.
fn piece() -> impl Strategy<Value = String> {
    let names = prop_oneof![
        Just("p"),
        Just("div"),
        Just("a"),
        Just("li"),
        Just("ul"),
        Just("h1"),
        Just("article"),
        Just("main"),
        Just("nav"),
        Just("header"),
        Just("form"),
        Just("table"),
        Just("td"),
        Just("tr"),
        Just("q"),
        Just("pre"),
        Just("br"),
        Just("span"),
        Just("script"),
        Just("style"),
        Just("title"),
        Just("textarea"),
        Just("svg"),
        Just("my-box"),
        Just("o:p"),
    ];
    let classes = prop_oneof![
        Just(""),
        Just(" class=related"),
        Just(" class='most-read'"),
        Just(" id=comments"),
        Just(" class=\"article-body\" itemprop=articleBody"),
        Just(" hidden"),
        Just(" role=navigation"),
        Just(" class=sr-only"),
        Just(" title='a>b'"),
        Just(" href=\"x?a=1&amp;b"),
        Just(" style='display:none'"),
    ];
    prop_oneof![
        (names.clone(), classes, any::<bool>())
            .prop_map(|(n, c, slash)| format!("<{n}{c}{}>", if slash { "/" } else { "" })),
        names.prop_map(|n| format!("</{n}>")),
        Just("<!-- c -->".to_string()),
        Just("<!--".into()),
        Just("-->".into()),
        Just("<!DOCTYPE html>".into()),
        Just("<![CDATA[ x > y ]]>".into()),
        Just("</scr".into()),
        Just("ipt>".into()),
        Just("&amp;".into()),
        Just("&nbsp".into()),
        Just("&#8212;".into()),
        Just("&#x1F600;".into()),
        Just("&#0;".into()),
        Just("&bogus;".into()),
        Just("&".into()),
        Just("<".into()),
        Just(">".into()),
        Just("\"".into()),
        Just("'".into()),
        Just("\n".into()),
        Just("\u{ad}\u{200b}\u{feff}".into()),
        Just("Moscow rejected the truce. ".into()),
        Just("Київ відхилив план. ".into()),
        "[a-z ]{0,40}",
        any::<String>(),
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn check_text(page: &str, text: &str) {
    assert!(text.len() <= page.len() + page.len() / 5 + 8, "{} bytes out of {} in", text.len(), page.len());
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "control character in {text:?}");
    assert!(!text.contains("\n\n\n"), "blank line run in {text:?}");
    assert_eq!(text.trim(), text, "white space at the ends of {text:?}");
    for line in text.lines() {
        assert_eq!(line.trim_end(), line, "white space at the end of {line:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn reduction_is_total_and_bounded(page in page()) {
        let r = reduce(&page);
        check_text(&page, &r.text);
        prop_assert_eq!(r.page_bytes, page.len());
        prop_assert!(r.removed.windows(2).all(|w| w[0].kind < w[1].kind));
        prop_assert!(r.removed.iter().all(|x| x.count > 0));
        prop_assert!(r.notice().starts_with("Web page reduced to its "));
        let lines = html_to_text(&page);
        check_text(&page, &lines);
        prop_assert!(!lines.contains("\n\n"));
    }

    #[test]
    fn any_string_is_a_page(page in any::<String>()) {
        check_text(&page, &reduce(&page).text);
    }

    #[test]
    fn decoding_is_total(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(d) = decode(&bytes) {
            let replacement = '\u{fffd}';
            prop_assert!(d.replaced == 0 || d.text.contains(replacement));
        }
        let _ = load(&bytes, Format::Sniff);
        let _ = load(&bytes, Format::Html);
    }

    #[test]
    fn utf8_text_decodes_to_itself(text in "[^\u{0}-\u{8}\u{e}-\u{1f}\u{7f}\u{feff}]{0,200}") {
        let d = decode(text.as_bytes()).expect("text is text");
        prop_assert_eq!(d.text, text);
        prop_assert!(d.notice.is_none());
    }

    #[test]
    fn utf16_with_a_mark_decodes_to_itself(text in any::<String>()) {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        prop_assert_eq!(decode(&le).expect("UTF-16 is text").text, text.clone());
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        prop_assert_eq!(decode(&be).expect("UTF-16 is text").text, text);
    }
}

/// Pages of 2 MB built to defeat a careless parser: every shape that
/// would make a naive one quadratic (searching to the end again and
/// again, unbounded look-backs, deep stacks).
fn pathological() -> Vec<(&'static str, String)> {
    const N: usize = 2 << 20;
    let fill = |unit: &str| unit.repeat(N / unit.len());
    vec![
        ("nested divs", fill("<div>")),
        ("nested divs, closed", fill("<div>") + &"</div>".repeat(N / 5)),
        ("unclosed comments", fill("<!--")),
        ("comment dashes", format!("<!--{}", fill("-!-"))),
        ("unclosed scripts", fill("<script>")),
        ("script end tag lookalikes", format!("<script>{}", fill("</scrip"))),
        ("unclosed tag", format!("<p {}", fill("a=b "))),
        ("unclosed quote", format!("<p title=\"{}", fill("x"))),
        ("end tags with nothing open", fill("</div>")),
        ("unknown end tags", fill("</x-a>")),
        ("implied paragraph ends", fill("<b><p>")),
        ("list items", fill("<li>x")),
        ("table cells", fill("<td>x")),
        ("links in links", fill("<a href=x>y")),
        ("references", fill("&amp;")),
        ("numeric references", fill("&#99999999999")),
        ("lone ampersands", fill("&")),
        ("lone angle brackets", fill("<")),
        ("huge attribute", format!("<div class=\"{}\">text</div>", fill("related "))),
        ("paragraphs", fill("<p>Moscow rejected the truce.</p>")),
        ("articles", fill("<article><p>Kyiv backed the ceasefire plan today.</p></article>")),
        ("hidden boxes", fill("<div class=ad><p>Buy now, the best offer of the year.</p>")),
        ("quotes", fill("<q>")),
        ("line breaks", fill("<br>")),
        ("custom elements", fill("<x-box><y-box>t</x-box>")),
    ]
}

#[test]
fn pathological_pages_take_a_linear_pass() {
    // A 2 MB page takes milliseconds in a release build; a quadratic one
    // would take hours. The bound is for a debug build on a busy machine.
    let bound = Duration::from_secs(20);
    for (name, page) in pathological() {
        let start = Instant::now();
        let r = reduce(&page);
        let took = start.elapsed();
        check_text(&page, &r.text);
        assert!(took < bound, "{name}: {took:?} for {} bytes", page.len());
    }
    let bytes: Vec<u8> = (0..(2u32 << 20)).map(|i| 0x80 | (i % 97) as u8).collect();
    let start = Instant::now();
    let _ = decode(&bytes);
    assert!(start.elapsed() < bound);
}
