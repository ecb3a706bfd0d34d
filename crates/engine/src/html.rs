//! Reduce a web page to its article: the headline and the body's
//! paragraphs as lines of text, without the navigation, ads, "most read"
//! lists, comments, footers and scripts around them, and with a notice of
//! what was removed. Without rendering or running anything.
//!
//! Readers drop saved pages and paste page sources; the engine segments
//! text on lines, so a page must become one paragraph per line before it
//! is analysed, and the boilerplate must go before it lends the page's
//! other stories to this one's positions.
//!
//! Three steps, each linear in the page:
//!
//! 1. `lexer`: tokens (text, tags, raw text of scripts), the way a
//!    browser's tokenizer cuts them, never failing on malformed markup;
//! 2. `build`: a stack of open elements that gathers text into blocks
//!    (paragraphs, headings, list items) inside recorded containers, marks
//!    boilerplate by element (`nav`, `footer`, `aside`, `script`) and by
//!    what `class`, `id`, `role` and `aria-label` say (`related`,
//!    `most-read`, `cookie`, `comments`, `ad-slot`), and collects metadata;
//! 3. `select`: the article body among the containers (`articleBody`,
//!    `<article>`, `<main>`, else the one with the most paragraph text and
//!    fewest links), as Readability and jusText do.

mod build;
mod entities;
mod lexer;
mod meta;
mod select;
mod tags;

use std::fmt::Write as _;

use serde::Serialize;

use tags::BlockKind;

/// Pages beyond this size are read up to it (the engine analyses 20 MB).
const MAX_PAGE_BYTES: usize = 1 << 30;

/// A web page reduced to its article (see [`reduce`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reduced {
    /// The headline and the article's paragraphs: one block per line, a
    /// blank line between paragraphs, list items as `• ` lines (no blank
    /// line between items of a list), `<br>` as a line break.
    pub text: String,
    /// What the page says about itself.
    pub meta: PageMeta,
    /// What was removed, by kind, in a fixed order (navigation first,
    /// text outside the article last).
    pub removed: Vec<Removal>,
    /// How the article body was found.
    pub body: BodySource,
    /// The page's size in bytes.
    pub page_bytes: usize,
}

/// What a page says about itself, for titles, outlets and dates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PageMeta {
    /// `og:title`, `twitter:title`, or `<title>` without the site's name.
    pub title: Option<String>,
    /// The article's headline (`<h1>`), as kept in the text.
    pub headline: Option<String>,
    /// The outlet: `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// When it was published, as the page writes it (usually ISO 8601):
    /// `article:published_time`, `itemprop="datePublished"`, other date
    /// `<meta>`, else the first `<time datetime>` in the article.
    pub published: Option<String>,
    /// The author: `<meta name="author">`, `article:author`, or the
    /// byline element (`rel="author"`, `itemprop="author"`, `.byline`).
    pub byline: Option<String>,
    /// `og:description` or `<meta name="description">`.
    pub description: Option<String>,
    /// `<html lang>`.
    pub language: Option<String>,
    /// `<link rel="canonical">` or `og:url`.
    pub url: Option<String>,
}

/// One kind of thing removed from a page, how many, and how much of the
/// page (bytes of markup, or of text for [`Removed::Outside`] and
/// [`Removed::LinkLists`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// What it was.
    pub kind: Removed,
    /// How many (boxes, scripts, lines).
    pub count: usize,
    /// How many bytes.
    pub bytes: usize,
}

/// Kinds of things removed from a page, in the order a notice lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Removed {
    /// `<nav>`, menus, breadcrumbs, pagination, skip links.
    Navigation,
    /// The site's header (`<header>` without the headline, `role=banner`).
    Header,
    /// Footers.
    Footer,
    /// `<aside>`, sidebars, rails.
    Sidebar,
    /// Related-story lists ("Read more", "See also", Outbrain, Taboola).
    Related,
    /// "Most read", "popular", "trending" lists.
    Popular,
    /// Share and social buttons.
    Share,
    /// Newsletter and subscription sign-ups, paywall prompts.
    Newsletter,
    /// Cookie and consent notices.
    Cookie,
    /// Comment sections.
    Comments,
    /// Advertisements, sponsored and promoted boxes, ad labels.
    Ads,
    /// Image captions and credits.
    Captions,
    /// Hidden elements (`hidden`, `display: none`, dialogs, screen-reader
    /// text).
    Hidden,
    /// Forms and search boxes.
    Forms,
    /// Embedded frames, video, audio, objects.
    Embeds,
    /// Short blocks in the article that are mostly links.
    LinkLists,
    /// Scripts.
    Scripts,
    /// Style sheets.
    Styles,
    /// Text outside the article body.
    Outside,
}

impl Removed {
    /// Every kind, in order.
    pub const ALL: [Removed; 19] = [
        Removed::Navigation,
        Removed::Header,
        Removed::Footer,
        Removed::Sidebar,
        Removed::Related,
        Removed::Popular,
        Removed::Share,
        Removed::Newsletter,
        Removed::Cookie,
        Removed::Comments,
        Removed::Ads,
        Removed::Captions,
        Removed::Hidden,
        Removed::Forms,
        Removed::Embeds,
        Removed::LinkLists,
        Removed::Scripts,
        Removed::Styles,
        Removed::Outside,
    ];

    /// How a notice names `count` of them: a box as such ("navigation",
    /// "3 related-story lists"), countable things with their number ("1
    /// script").
    pub fn describe(self, count: usize) -> String {
        let (one, many) = match self {
            Removed::Navigation => ("navigation", "navigation menus"),
            Removed::Header => ("page header", "page headers"),
            Removed::Footer => ("footer", "footers"),
            Removed::Sidebar => ("sidebar", "sidebars"),
            Removed::Related => ("related-story list", "related-story lists"),
            Removed::Popular => ("most-read list", "most-read lists"),
            Removed::Share => ("share buttons", "sets of share buttons"),
            Removed::Newsletter => ("newsletter sign-up", "newsletter sign-ups"),
            Removed::Cookie => ("cookie notice", "cookie notices"),
            Removed::Comments => ("comments", "comment sections"),
            Removed::Ads => ("ad", "ads"),
            Removed::Captions => ("caption", "captions"),
            Removed::Hidden => ("hidden element", "hidden elements"),
            Removed::Forms => ("form", "forms"),
            Removed::Embeds => ("embed", "embeds"),
            Removed::LinkLists => ("list of links", "lists of links"),
            Removed::Scripts => ("script", "scripts"),
            Removed::Styles => ("style sheet", "style sheets"),
            Removed::Outside => ("line outside the article", "lines outside the article"),
        };
        let countable = self >= Removed::Ads;
        match (count, countable) {
            (1, false) => one.to_owned(),
            (1, true) => format!("1 {one}"),
            (n, _) => format!("{n} {many}"),
        }
    }
}

/// How [`reduce`] found the article body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodySource {
    /// The element marked `itemprop="articleBody"`.
    ArticleBody,
    /// An `<article>` element (or the box around several).
    Article,
    /// The `<main>` element (or `role="main"`).
    Main,
    /// The container with the most paragraph text and fewest links.
    Densest,
    /// The whole page, less its boilerplate: it has little paragraph text
    /// (a fragment or a short page).
    Whole,
}

/// Reduce a web page (or a fragment of one) to its article.
///
/// Never fails and never panics: malformed markup is read the way a
/// browser reads it, as far as the text goes. Linear in the page: one
/// pass, every lookup bounded.
///
/// ```
/// let page = r#"<html><head><title>Kyiv rejects plan | The Daily</title>
///   <meta property="og:site_name" content="The Daily"></head>
///   <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
///   <article><h1>Kyiv rejects plan</h1>
///   <p>Ukraine&rsquo;s president rejected the plan to cede territory on Monday, his office said.</p>
///   <p>The Kremlin said it was studying the ceasefire proposal &amp; would answer later.</p></article>
///   <script>track()</script></body></html>"#;
/// let r = factgrid_engine::reduce(page);
/// assert_eq!(r.text, "Kyiv rejects plan\n\n\
///     Ukraine\u{2019}s president rejected the plan to cede territory on Monday, his office said.\n\n\
///     The Kremlin said it was studying the ceasefire proposal & would answer later.");
/// assert_eq!(r.meta.title.as_deref(), Some("Kyiv rejects plan"));
/// assert_eq!(r.meta.site_name.as_deref(), Some("The Daily"));
/// assert_eq!(r.notice(), "Web page reduced to its article: removed navigation and 1 script; 0.2 KB of 0.5 KB kept.");
/// ```
pub fn reduce(html: &str) -> Reduced {
    let mut cut = html.len().min(MAX_PAGE_BYTES);
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let page = &html[..cut];
    let build = build::build(page);
    let choice = select::choose(&build);

    let mut text = String::with_capacity(build.buf.len());
    let mut prev: Option<BlockKind> = None;
    let mut headline = None;
    let (mut outside, mut outside_bytes) = (0, 0);
    let mut first_time = None;
    for (i, (b, &fate)) in build.blocks.iter().zip(&choice.fate).enumerate() {
        let block = &build.buf[b.start as usize..b.end as usize];
        match fate {
            select::Fate::Keep => {}
            select::Fate::Outside => {
                outside += 1;
                outside_bytes += block.len();
                continue;
            }
            select::Fate::Dropped => continue,
        }
        if first_time.is_none() {
            first_time = build.times.iter().find(|(at, _)| *at as usize >= i).map(|(_, t)| t.as_str());
        }
        if let Some(p) = prev {
            text.push_str(if p == BlockKind::Item && b.kind == BlockKind::Item { "\n" } else { "\n\n" });
        }
        if b.kind == BlockKind::Item {
            text.push_str("\u{2022} ");
        }
        if headline.is_none() && b.kind == BlockKind::Heading(1) {
            headline = Some(meta::clean(block));
        }
        text.push_str(block);
        prev = Some(b.kind);
    }

    // Counted by kind, listed in the kinds' order.
    let mut counts = [(0usize, 0usize); Removed::Outside as usize + 1];
    let mut add = |kind: Removed, count: usize, bytes: usize| {
        let c = &mut counts[kind as usize];
        *c = (c.0 + count, c.1 + bytes);
    };
    for &(kind, bytes) in &build.log {
        add(kind, 1, bytes as usize);
    }
    for &(kind, count, bytes) in &choice.removed {
        add(kind, count, bytes);
    }
    add(Removed::Outside, outside, outside_bytes);
    let removed = Removed::ALL
        .iter()
        .zip(counts)
        .filter(|(_, (count, _))| *count > 0)
        .map(|(&kind, (count, bytes))| Removal { kind, count, bytes })
        .collect();
    let meta = build.meta.page(headline, first_time);
    Reduced { text, meta, removed, body: choice.body, page_bytes: html.len() }
}

impl Reduced {
    /// What to tell the reader: what was removed and how much was kept.
    ///
    /// "Web page reduced to its article: removed navigation, a cookie
    /// notice, 3 related-story lists, footer, 12 scripts and 40 lines
    /// outside the article; 12.4 KB of 48.0 KB kept."
    pub fn notice(&self) -> String {
        let mut s = String::from("Web page reduced to its ");
        s.push_str(if self.body == BodySource::Whole { "text" } else { "article" });
        let parts: Vec<String> = self.removed.iter().map(|r| r.kind.describe(r.count)).collect();
        if let Some((last, rest)) = parts.split_last() {
            s.push_str(": removed ");
            s.push_str(&rest.join(", "));
            if !rest.is_empty() {
                s.push_str(" and ");
            }
            s.push_str(last);
        }
        // Tenths of a KB in integers: float formatting costs the widget 18 KB.
        let kb = |n: usize| {
            let tenths = (n as u64 * 10 + 512) / 1024;
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        let _ = write!(s, "; {} KB of {} KB kept.", kb(self.text.len()), kb(self.page_bytes));
        if self.page_bytes > MAX_PAGE_BYTES {
            let _ = write!(s, " Only the first {} MB of the page were read.", MAX_PAGE_BYTES >> 20);
        }
        s
    }
}

/// The text of an HTML document or fragment, one block per line: the
/// text of [`reduce`] without its blank lines (and without its metadata
/// and notice). Kept for callers that want just the lines; prefer
/// [`reduce`], or [`crate::load()`] for files.
///
/// ```
/// let text = factgrid_engine::html_to_text("<p>Kyiv &amp; Moscow</p><script>alert(1)</script><p>Next</p>");
/// assert_eq!(text, "Kyiv & Moscow\nNext");
/// ```
pub fn html_to_text(html: &str) -> String {
    let reduced = reduce(html);
    let mut out = String::with_capacity(reduced.text.len());
    for line in reduced.text.lines().filter(|l| !l.trim().is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// Whether pasted or piped text is a web page's source rather than an
/// article: it starts (after white space and comments) with a doctype,
/// `<html>`, `<head>`, `<body>`, `<meta>`, or a paragraph-level tag
/// (`<p>`, `<div>`, `<article>`…) and has an end tag somewhere.
pub fn looks_like_html(text: &str) -> bool {
    let mut t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    for _ in 0..8 {
        match t.strip_prefix("<!--").and_then(|r| r.find("-->").map(|i| &r[i + 3..])) {
            Some(rest) => t = rest.trim_start(),
            None => break,
        }
    }
    let head: String = t.chars().take(16).collect::<String>().to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head", "<body", "<?xml"].iter().any(|p| head.starts_with(p)) {
        return true;
    }
    let name: String =
        head.strip_prefix('<').unwrap_or("").chars().take_while(char::is_ascii_alphanumeric).collect();
    let block = [
        "p", "div", "article", "section", "main", "header", "nav", "h1", "h2", "h3", "table", "ul", "ol",
        "span", "meta", "link", "title", "script", "style",
    ];
    !name.is_empty() && block.contains(&name.as_str()) && t.contains("</")
}

/// Decode the character references in `s` into `out` (no white space
/// handling).
fn decode_into(s: &str, out: &mut String, in_attribute: bool) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match entities::reference(rest, in_attribute) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests;
