//! The reduction's rules, one small case each. Whole pages are in
//! `tests/pages.rs`.

use super::*;

#[test]
fn reduction_rules() {
    let cases: &[(&str, &str)] = &[
        ("", ""),
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<h1>Title</h1>Body <b>bold</b> text", "Title\n\nBody bold text"),
        ("<p>Kyiv<b>and</b>Moscow</p>", "KyivandMoscow"),
        ("a<br>b<br/>c<br><br><br>d", "a\nb\nc\n\nd"),
        ("<ul><li>One<li>Two</ul><p>After", "\u{2022} One\n\u{2022} Two\n\nAfter"),
        ("<ol><li><p>In an item</p></li></ol>", "\u{2022} In an item"),
        ("<table><tr><td>a<td>b<tr><td>c</table>", "a\n\nb\n\nc"),
        ("<pre>line 1\n  line 2\n\n\n\nline 3</pre>", "line 1\nline 2\n\nline 3"),
        ("<q>quoted</q> and <q>unclosed", "\u{201c}quoted\u{201d} and \u{201c}unclosed"),
        // What is not text.
        ("<script>alert(1)</script>safe", "safe"),
        ("<SCRIPT>x</SCRIPT>y", "y"),
        ("<img src=x onerror=alert(1)>after", "after"),
        ("<style>p{}</style><!-- note -->x", "x"),
        ("<p>x</p><!-- a <p>y</p> -->z", "x\n\nz"),
        ("<head><title>T</title></head><body>B</body>", "B"),
        ("<textarea><p>x</p></textarea>y", "y"),
        ("<select><option>A<option>B</select>c", "c"),
        ("<svg><text>Icon</text></svg>label", "label"),
        ("<template><p>later</p></template>now", "now"),
        // Boilerplate.
        ("<nav>Home News</nav><p>text</p>", "text"),
        ("<div class=ad>Buy now</div>text", "text"),
        ("<div hidden>secret</div>visible", "visible"),
        ("<p>Moscow <span class=sr-only>(opens in a new window)</span>rejected</p>", "Moscow rejected"),
        ("<p>Kyiv <span aria-hidden=true>\u{2192}</span>said</p>", "Kyiv said"),
        // References and white space.
        ("&ldquo;Hi&rdquo; &amp; &#8212; &#x41; &bogus; &", "\u{201c}Hi\u{201d} & \u{2014} A &bogus; &"),
        ("<p>3 &lt; 4 &amp;&amp; 5 &gt; 2, AT&T, &copy 2025</p>", "3 < 4 && 5 > 2, AT&T, \u{a9} 2025"),
        ("<p>cease&shy;fire &nbsp; talks\u{200b}hip</p>", "ceasefire talkship"),
        ("<p>  many \t\n spaces  </p>", "many spaces"),
        // Malformed.
        ("unclosed <p", "unclosed"),
        ("<p>a</p></p></div></body>b", "a\n\nb"),
        ("<div><p>a<div>b</div>c</p></div>", "a\n\nb\n\nc"),
        ("<a href=x>one<a href=y>two</a>", "onetwo"),
        ("<p title='a>b'>text</p>", "text"),
        ("<p>1 < 2 and 3 > 2</p>", "1 < 2 and 3 > 2"),
    ];
    for (html, want) in cases {
        assert_eq!(reduce(html).text, *want, "html {html:?}");
    }
}

#[test]
fn html_to_text_keeps_its_lines_without_blank_ones() {
    assert_eq!(
        html_to_text("<h1>Kremlin balks</h1><p>Moscow rejected the ceasefire proposal.</p>"),
        "Kremlin balks\nMoscow rejected the ceasefire proposal."
    );
    assert_eq!(html_to_text("<p>One</p><p>Two</p>"), "One\nTwo");
}

#[test]
fn notices_name_what_was_removed() {
    assert_eq!(Removed::Navigation.describe(1), "navigation");
    assert_eq!(Removed::Related.describe(3), "3 related-story lists");
    assert_eq!(Removed::Scripts.describe(1), "1 script");
    assert_eq!(Removed::Outside.describe(2), "2 lines outside the article");
    let r = reduce("<p>Just a line.</p>");
    assert_eq!(r.notice(), "Web page reduced to its text; 0.0 KB of 0.0 KB kept.");
    assert_eq!(r.body, BodySource::Whole);
    let r = reduce("<nav>a</nav><script>x</script><script>y</script><footer>f</footer><p>Text.</p>");
    assert_eq!(
        r.notice(),
        "Web page reduced to its text: removed navigation, footer and 2 scripts; 0.0 KB of 0.1 KB kept."
    );
}

#[test]
fn pages_and_plain_text_are_told_apart() {
    for page in [
        "<!DOCTYPE html><html>",
        "  \n<html lang=en>",
        "\u{feff}<!-- saved from url=(0042)https://example.com/ -->\n<html>",
        "<?xml version=\"1.0\"?><html>",
        "<p>Kyiv rejected the truce.</p>",
        "<div class=x>Text</div>",
    ] {
        assert!(looks_like_html(page), "{page:?}");
    }
    for text in [
        "Kyiv rejected the truce.",
        "<p> is how a paragraph starts",
        "<3 for Kyiv",
        "< not a tag",
        "# Notes\n<p>inline</p>",
        "",
    ] {
        assert!(!looks_like_html(text), "{text:?}");
    }
}

#[test]
fn metadata_prefers_the_page_s_own_fields() {
    let r = reduce(
        r#"<html lang="uk"><head><title>Title tag – The Site</title>
        <meta name="twitter:title" content="Twitter title">
        <meta name="application-name" content="The Site">
        <meta name="date" content="2025-01-02">
        <meta property="article:author" content="https://site.example/staff/x">
        </head><body><p class="byline">By <span>Ivan Petrenko</span></p><p>Text.</p></body></html>"#,
    );
    let m = &r.meta;
    assert_eq!(m.title.as_deref(), Some("Twitter title"));
    assert_eq!(m.site_name.as_deref(), Some("The Site"));
    assert_eq!(m.published.as_deref(), Some("2025-01-02"));
    assert_eq!(m.byline.as_deref(), Some("Ivan Petrenko"), "a link is no byline; the byline element is");
    assert_eq!(m.language.as_deref(), Some("uk"));
    let r = reduce("<title>Title tag – The Site</title><meta property='og:site_name' content='The Site'>");
    assert_eq!(r.meta.title.as_deref(), Some("Title tag"));
}
