//! Web pages written for factgrid (`data/pages/*.html`), read as a file
//! is read: decoded, reduced to the article. Each page's text, notices and
//! metadata are pinned in a `.expected` file beside it; the tests below
//! say, page by page, what matters in it.
//!
//! When a change is meant to change a reduction, regenerate the files and
//! review the diff:
//!
//! ```text
//! FACTGRID_BLESS=1 cargo test -p factgrid-engine --test pages
//! git diff crates/engine/tests/data/pages
//! ```

use std::path::PathBuf;

use factgrid_engine::{load, Analyzer, BodySource, Document, Encoding, Format, Profile, Removed};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages")
}

fn page(name: &str) -> Document {
    let bytes = std::fs::read(dir().join(name)).expect("the page is there");
    load(&bytes, Format::Html).expect("a page is text")
}

fn render(doc: &Document) -> String {
    let meta = serde_json::to_string_pretty(&doc.meta).expect("metadata serialises");
    let removed: Vec<String> =
        doc.removed.iter().map(|r| format!("{:?} {} {}", r.kind, r.count, r.bytes)).collect();
    format!(
        "{}\n----- notices\n{}\n----- removed (kind, count, bytes)\n{}\n----- metadata\n{meta}\n",
        doc.text,
        doc.notices.join("\n"),
        removed.join("\n")
    )
}

#[test]
fn pinned_reductions() {
    let bless = std::env::var_os("FACTGRID_BLESS").is_some();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/data/pages exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 6);
    let mut changed = Vec::new();
    for path in &pages {
        let got = render(&page(path.file_name().and_then(|n| n.to_str()).expect("a name")));
        let pinned = path.with_extension("expected");
        if bless {
            std::fs::write(&pinned, &got).expect("writable");
            continue;
        }
        let want = std::fs::read_to_string(&pinned).unwrap_or_default();
        if want != got {
            let line = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
            changed.push(format!(
                "{}: differs from line {}\n  want {:?}\n  got  {:?}",
                pinned.display(),
                line + 1,
                want.lines().nth(line).unwrap_or(""),
                got.lines().nth(line).unwrap_or("")
            ));
        }
    }
    assert!(
        changed.is_empty(),
        "reductions changed (FACTGRID_BLESS=1 to regenerate, then review):\n{}",
        changed.join("\n")
    );
}

/// Boilerplate phrases of the pages: none may survive.
const BOILERPLATE: &[&str] = &[
    "Skip to content",
    "cookies",
    "Accept all",
    "Home",
    "Search",
    "Advertisement",
    "Share",
    "Photo: Reuters",
    "Read more",
    "READ MORE",
    "Putin sets terms",
    "Related stories",
    "Most read",
    "Markets fall",
    "newsletter",
    "Subscribe",
    "Comments",
    "reader1",
    "is a trap",
    "All rights reserved",
    "About us",
    "Topics:",
    "dataLayer",
    "loadVideo",
    "font-family",
    "NewsArticle",
    "Sections",
    "Top headlines",
    "Oil prices",
    "Weather",
    "Eastern Wire ·",
    "Page: 1",
    "Latest video",
    "Trending",
    "Other news",
    "Image:",
    "The Capital Post",
    "Главная",
    "Комментарии",
    "©",
];

fn assert_clean(doc: &Document) {
    for b in BOILERPLATE {
        assert!(!doc.text.contains(b), "{b:?} survived in:\n{}", doc.text);
    }
}

#[test]
fn a_news_page_is_its_headline_byline_and_paragraphs() {
    let doc = page("news-article.html");
    assert_clean(&doc);
    let lines: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(lines[0], "Kyiv rejects land-for-peace plan as Moscow studies truce");
    assert_eq!(lines[1], "By Olena Marchenko \u{b7} 14 March 2025");
    assert!(lines[2].starts_with("KYIV \u{2014} Ukraine\u{2019}s president rejected"));
    // A `<br>` is a line break inside the paragraph; a list is bullets.
    assert!(doc.text.contains("within weeks.\nOfficials said"));
    assert!(doc
        .text
        .contains("\u{2022} A meeting of foreign ministers is planned for Thursday.\n\u{2022} Kyiv wants"));
    assert!(doc.text.ends_with("request for comment on Monday."));
    assert_eq!(
        doc.notices,
        ["Web page reduced to its article: removed 2 navigation menus, page header, 2 footers, 2 related-story lists, \
          most-read list, share buttons, newsletter sign-up, cookie notice, comments, 1 ad, 1 caption, 1 list of links, \
          5 scripts and 1 style sheet; 0.8 KB of 5.0 KB kept."]
    );
    let meta = doc.meta.as_ref().expect("a page has metadata");
    assert_eq!(meta.title.as_deref(), Some("Kyiv rejects land-for-peace plan as Moscow studies truce"));
    assert_eq!(meta.site_name.as_deref(), Some("The Northern Ledger"));
    assert_eq!(meta.published.as_deref(), Some("2025-03-14T09:30:00Z"));
    assert_eq!(meta.byline.as_deref(), Some("Olena Marchenko"));
    assert_eq!(meta.url.as_deref(), Some("https://ledger.example/world/kyiv-rejects-plan"));
}

#[test]
fn boilerplate_lends_no_positions() {
    // The comments say "the ceasefire is a trap" and "Moscow rejected the
    // truce"; only the article's positions are reported.
    let doc = page("news-article.html");
    let report = Analyzer::new(&Profile::default_profile()).analyze(&doc.text);
    let cells: Vec<String> =
        report.cells.iter().map(|c| format!("{}/{}:{}", c.party, c.topic, c.stance)).collect();
    assert!(cells.contains(&"ukraine/territory:opposes".to_string()), "{cells:?}");
    assert!(!cells.iter().any(|c| c.starts_with("russia/ceasefire:opposes")), "{cells:?}");
}

#[test]
fn a_page_without_article_elements_is_found_by_its_text() {
    let doc = page("no-article.html");
    assert_clean(&doc);
    assert!(doc.text.starts_with(
        "Moscow, 15 March 2025\n\nKremlin studies truce offer, sets conditions\n\nThe Kremlin said"
    ));
    // The body's paragraphs are `<br><br>`-separated text in one box, and
    // go on in the next box.
    assert!(doc.text.contains("root causes of the conflict.\n\nPresidential spokesman"));
    assert!(doc.text.ends_with("will not stay on the table indefinitely."));
    assert_eq!(
        doc.notices,
        ["Web page reduced to its article: removed 1 list of links, 1 script and 8 lines outside the article; 0.7 KB of 2.2 KB kept."]
    );
    let meta = doc.meta.as_ref().expect("metadata");
    assert_eq!(meta.title.as_deref(), Some("Kremlin studies truce offer"), "without the site's name");
    assert_eq!(meta.published.as_deref(), Some("2025-03-15"));
}

#[test]
fn a_windows_1251_page_is_decoded_by_its_meta_charset() {
    let doc = page("cyrillic-1251.html");
    assert_clean(&doc);
    assert_eq!(doc.encoding, Encoding::Windows1251);
    assert_eq!(doc.notices[0], "The text was read as Windows-1251 (Cyrillic), as the page declares.");
    assert!(doc.text.starts_with("Кремль ответил на предложение о перемирии\n\nМосква, 15 марта."));
    assert!(doc.text.contains("«Мы внимательно изучаем этот план», — сказал Песков"));
    assert!(doc.text.ends_with("Україна наполягає на гарантіях безпеки."));
    assert!(!doc.text.contains('\u{fffd}'));
    assert_eq!(doc.meta.as_ref().and_then(|m| m.site_name.as_deref()), Some("Вести Востока"));
}

#[test]
fn malformed_markup_is_read_as_a_browser_reads_it() {
    let doc = page("malformed.html");
    assert_clean(&doc);
    let want = "Talks stall again\n\n\
        Moscow rejected the ceasefire proposal on Tuesday, officials said, in a move that surprised few observers.\n\n\
        Kyiv said it would keep pressing for security guarantees\n\n\
        before any truce could take effect.\n\n\
        A third paragraph with a stray end tag and an unknown Word tag and a \u{201c}quoted phrase\u{201d}.\n\n\
        \u{2022} First point\n\u{2022} Second point\n\n\
        A paragraph with an entity \u{2014} a dash \u{2014} and a bad one &#xZZ; and &unknownentity; too. shown ]]>\n\n\
        Text after a lone < sign and a 3 < 4 comparison stays.";
    assert_eq!(doc.text, want);
    for hidden in
        ["This comment is not text", "not text", "never seen", "A comment that never closes", "Copyright"]
    {
        assert!(!doc.text.contains(hidden), "{hidden}");
    }
    assert_eq!(doc.meta.as_ref().and_then(|m| m.title.as_deref()), Some("Malformed & broken"));
}

#[test]
fn a_live_blog_keeps_every_post() {
    let doc = page("live-blog.html");
    assert_clean(&doc);
    assert!(doc.text.starts_with("Ukraine war live: delegations meet in Riyadh\n\nFollow the latest"));
    for post in [
        "talks with the American side were constructive",
        "energy infrastructure",
        "arrived in Riyadh overnight",
    ] {
        assert!(doc.text.contains(post), "{post}");
    }
}

#[test]
fn words_about_the_page_do_not_drop_the_article() {
    // `class="page has-sidebar with-comments"`, a page-wide ASP.NET form
    // and a header holding the headline are kept; the body is the
    // `itemprop="articleBody"` element.
    let doc = page("wrapped.html");
    assert_clean(&doc);
    assert!(doc
        .text
        .starts_with("Senate debates new aid package for Kyiv\n\nBy Sam Lee\n\nThe Senate began debating"));
    assert!(doc.text.ends_with("Opponents argue the money should be tied to progress in peace talks."));
    let removed: Vec<Removed> = doc.removed.iter().map(|r| r.kind).collect();
    assert_eq!(
        removed,
        [Removed::Header, Removed::Sidebar, Removed::Ads, Removed::Hidden, Removed::LinkLists]
    );
    assert_eq!(doc.meta.as_ref().and_then(|m| m.published.as_deref()), Some("2025-04-02"));
}

#[test]
fn how_the_body_was_found() {
    let read = |name: &str| {
        let text = String::from_utf8(std::fs::read(dir().join(name)).expect("page")).expect("UTF-8 page");
        factgrid_engine::reduce(&text).body
    };
    assert_eq!(read("news-article.html"), BodySource::Article);
    assert_eq!(read("live-blog.html"), BodySource::Article);
    assert_eq!(read("wrapped.html"), BodySource::ArticleBody);
    assert_eq!(read("no-article.html"), BodySource::Densest);
    assert_eq!(read("malformed.html"), BodySource::Densest);
}
