//! What an element means for the reduction: its layout role, whether it is
//! dropped for what it is (`nav`, `script`), and what its `class`, `id`,
//! `role` and `aria-label` say it is (`related-stories`, `mostRead`,
//! `cookie-banner`).

use super::lexer::Tag;
use super::Removed;

/// Where text inside an element goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// Flows within the line (`a`, `span`, `em`).
    Inline,
    /// Has no content (`br`, `img`, `meta`).
    Void,
    /// A box of blocks: a line break before and after, and a candidate for
    /// the article body (`div`, `section`, `td`; unknown and custom
    /// elements too, which are mostly containers).
    Container,
    /// A paragraph-level block of this kind (`p`, `h2`, `li`, `pre`).
    Para(BlockKind),
    /// `html`, `head`, `body`: no box of their own here.
    Ignored,
}

/// How a block of text reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BlockKind {
    Para,
    Heading(u8),
    Item,
    Pre,
}

/// What an element is dropped as, whatever its attributes say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Intrinsic {
    /// Kept, unless its attributes say otherwise.
    No,
    /// Dropped and counted as this.
    Drop(Removed),
    /// Dropped without a word: markup no reader takes for text (`svg`
    /// icons, `template`, form controls).
    Silent,
    /// Dropped as this unless it turns out to hold the headline or the
    /// article (`header`, `form`: some sites wrap the whole page in one).
    Unless(Removed),
}

/// A known element: its index (for counting open elements), role and
/// intrinsic drop.
#[derive(Clone, Copy, Debug)]
pub(super) struct Known {
    pub index: usize,
    pub role: Role,
    pub drop: Intrinsic,
}

use Intrinsic::*;
use Role::*;

/// Every element the reduction knows, sorted by name.
static TAGS: &[(&str, Role, Intrinsic)] = &[
    ("a", Inline, No),
    ("abbr", Inline, No),
    ("acronym", Inline, No),
    ("address", Para(BlockKind::Para), No),
    ("area", Void, No),
    ("article", Container, No),
    ("aside", Container, Drop(Removed::Sidebar)),
    ("audio", Container, Drop(Removed::Embeds)),
    ("b", Inline, No),
    ("base", Void, No),
    ("basefont", Void, No),
    ("bdi", Inline, No),
    ("bdo", Inline, No),
    ("bgsound", Void, No),
    ("big", Inline, No),
    ("blink", Inline, No),
    ("blockquote", Container, No),
    ("body", Ignored, No),
    ("br", Void, No),
    ("button", Inline, Silent),
    ("canvas", Inline, Silent),
    ("caption", Para(BlockKind::Para), No),
    ("center", Container, No),
    ("cite", Inline, No),
    ("code", Inline, No),
    ("col", Void, No),
    ("colgroup", Container, Silent),
    ("data", Inline, No),
    ("datalist", Inline, Silent),
    ("dd", Para(BlockKind::Para), No),
    ("del", Inline, No),
    ("details", Container, No),
    ("dfn", Inline, No),
    ("dialog", Container, No),
    ("dir", Container, No),
    ("div", Container, No),
    ("dl", Container, No),
    ("dt", Para(BlockKind::Para), No),
    ("em", Inline, No),
    ("embed", Void, No),
    ("fieldset", Container, No),
    ("figcaption", Para(BlockKind::Para), Drop(Removed::Captions)),
    ("figure", Container, No),
    ("font", Inline, No),
    ("footer", Container, Drop(Removed::Footer)),
    ("form", Container, Unless(Removed::Forms)),
    ("frame", Void, No),
    ("frameset", Container, No),
    ("h1", Para(BlockKind::Heading(1)), No),
    ("h2", Para(BlockKind::Heading(2)), No),
    ("h3", Para(BlockKind::Heading(3)), No),
    ("h4", Para(BlockKind::Heading(4)), No),
    ("h5", Para(BlockKind::Heading(5)), No),
    ("h6", Para(BlockKind::Heading(6)), No),
    ("head", Ignored, No),
    ("header", Container, Unless(Removed::Header)),
    ("hgroup", Container, No),
    ("hr", Void, No),
    ("html", Ignored, No),
    ("i", Inline, No),
    ("iframe", Container, Drop(Removed::Embeds)),
    ("image", Void, No),
    ("img", Void, No),
    ("input", Void, No),
    ("ins", Inline, No),
    ("kbd", Inline, No),
    ("keygen", Void, No),
    ("label", Inline, No),
    ("legend", Para(BlockKind::Para), No),
    ("li", Para(BlockKind::Item), No),
    ("link", Void, No),
    ("listing", Para(BlockKind::Pre), No),
    ("main", Container, No),
    ("map", Inline, Silent),
    ("mark", Inline, No),
    ("marquee", Inline, No),
    ("math", Inline, Silent),
    ("menu", Container, No),
    ("meta", Void, No),
    ("meter", Inline, No),
    ("nav", Container, Drop(Removed::Navigation)),
    ("nobr", Inline, No),
    ("noembed", Inline, Silent),
    ("noframes", Inline, Silent),
    ("noscript", Inline, Silent),
    ("object", Container, Drop(Removed::Embeds)),
    ("ol", Container, No),
    ("optgroup", Inline, Silent),
    ("option", Inline, Silent),
    ("output", Inline, No),
    ("p", Para(BlockKind::Para), No),
    ("param", Void, No),
    ("picture", Inline, No),
    ("plaintext", Para(BlockKind::Pre), No),
    ("pre", Para(BlockKind::Pre), No),
    ("progress", Inline, No),
    ("q", Inline, No),
    ("rp", Inline, No),
    ("rt", Inline, No),
    ("ruby", Inline, No),
    ("s", Inline, No),
    ("samp", Inline, No),
    ("script", Inline, Drop(Removed::Scripts)),
    ("search", Container, Drop(Removed::Forms)),
    ("section", Container, No),
    ("select", Inline, Silent),
    ("small", Inline, No),
    ("source", Void, No),
    ("span", Inline, No),
    ("strike", Inline, No),
    ("strong", Inline, No),
    ("style", Inline, Drop(Removed::Styles)),
    ("sub", Inline, No),
    ("summary", Para(BlockKind::Para), No),
    ("sup", Inline, No),
    ("svg", Inline, Silent),
    ("table", Container, No),
    ("tbody", Container, No),
    ("td", Container, No),
    ("template", Container, Silent),
    ("textarea", Inline, Silent),
    ("tfoot", Container, No),
    ("th", Container, No),
    ("thead", Container, No),
    ("time", Inline, No),
    ("title", Inline, Silent),
    ("tr", Container, No),
    ("track", Void, No),
    ("tt", Inline, No),
    ("u", Inline, No),
    ("ul", Container, No),
    ("var", Inline, No),
    ("video", Container, Drop(Removed::Embeds)),
    ("wbr", Void, No),
    ("xmp", Para(BlockKind::Pre), No),
];

/// How many elements [`known`] can return (the size of a per-element table).
pub(super) const KNOWN: usize = TAGS.len();

/// The element called `name` (any case), if the reduction knows it.
pub(super) fn known(name: &str) -> Option<Known> {
    if name.len() > 10 {
        return None;
    }
    let mut lower = [0u8; 10];
    for (l, b) in lower.iter_mut().zip(name.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    let lower = &lower[..name.len()];
    let index = TAGS.binary_search_by(|(n, _, _)| n.as_bytes().cmp(lower)).ok()?;
    let (_, role, drop) = TAGS[index];
    Some(Known { index, role, drop })
}

/// The name of the known element `index` (`""` for others).
pub(super) fn name_of(index: usize) -> &'static str {
    TAGS.get(index).map_or("", |t| t.0)
}

/// The role of the known element `index` (a container for others).
pub(super) fn role_of(index: usize) -> Role {
    TAGS.get(index).map_or(Role::Container, |t| t.1)
}

/// What an element's attributes say about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Hints {
    /// Boilerplate of this kind (from `class`, `id`, `role`, `aria-label`,
    /// `data-testid`, `data-component`, `data-module`).
    pub drop: Option<Removed>,
    /// Not shown: `hidden`, `aria-hidden="true"`, `display: none`.
    pub hidden: bool,
    /// Words that mark article text (`article-body`, `story`, `content`).
    pub positive: bool,
    /// Words that mark little boxes of other things (`widget`, `teaser`).
    pub weak_negative: bool,
    /// `role="main"`.
    pub main: bool,
    /// `itemprop="articleBody"`.
    pub article_body: bool,
    /// The author's name: `rel="author"`, `itemprop="author"`, `byline`.
    pub byline: bool,
    /// `itemprop="datePublished"`.
    pub date_published: bool,
}

/// Read what `tag`'s attributes say, splitting class names and ids into
/// lower-case words (`mostReadList` and `most-read-list` are both `most
/// read list`). `words` is a buffer reused from tag to tag.
pub(super) fn hints(tag: &Tag<'_>, words: &mut String) -> Hints {
    let mut h = Hints::default();
    words.clear();
    for (name, value) in tag.attrs() {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "class" | "id" | "aria-label" | "data-testid" | "data-component" | "data-module" => {
                split_words(value, words)
            }
            "role" => match value.trim().to_ascii_lowercase().as_str() {
                "navigation" | "menu" | "menubar" => h.drop = h.drop.or(Some(Removed::Navigation)),
                "banner" => h.drop = h.drop.or(Some(Removed::Header)),
                "contentinfo" => h.drop = h.drop.or(Some(Removed::Footer)),
                "complementary" => h.drop = h.drop.or(Some(Removed::Sidebar)),
                "search" => h.drop = h.drop.or(Some(Removed::Forms)),
                "dialog" | "alertdialog" => h.hidden = true,
                "main" => h.main = true,
                _ => {}
            },
            "hidden" => h.hidden = true,
            "aria-hidden" => h.hidden |= value.trim().eq_ignore_ascii_case("true"),
            "style" => {
                let style: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace())
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                h.hidden |= style.contains("display:none") || style.contains("visibility:hidden");
            }
            "itemprop" => {
                for p in value.split_ascii_whitespace() {
                    h.article_body |= p.eq_ignore_ascii_case("articleBody");
                    h.byline |= p.eq_ignore_ascii_case("author");
                    h.date_published |= p.eq_ignore_ascii_case("datePublished");
                }
            }
            "rel" => h.byline |= value.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("author")),
            _ => {}
        }
    }
    let mut prev = "";
    for w in words.split(' ').filter(|w| !w.is_empty()) {
        let negated = matches!(
            prev,
            "has" | "with" | "no" | "without" | "show" | "enable" | "enabled" | "allow" | "hide"
        );
        match word(w) {
            Some(Word::Drop(kind)) if !negated => h.drop = h.drop.or(Some(kind)),
            Some(Word::Positive) => h.positive = true,
            Some(Word::WeakNegative) => h.weak_negative = true,
            Some(Word::Byline) => h.byline = true,
            _ => {}
        }
        if let Some(&(_, _, kind)) = PAIRS.iter().find(|(a, b, _)| *a == prev && *b == w) {
            h.drop = h.drop.or(Some(kind));
        }
        prev = w;
    }
    h
}

/// Append the words of a class name or id to `out`: split at anything
/// but letters and digits, and where a lower-case letter meets a capital.
/// Case is folded in ASCII only: the words matched are English, and
/// Unicode case tables would cost the widget 16 KB.
fn split_words(value: &str, out: &mut String) {
    let mut prev_lower = false;
    out.push(' ');
    for c in value.chars().take(400) {
        if c.is_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower {
                out.push(' ');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            out.push(' ');
            prev_lower = false;
        }
    }
}

/// What a word says about a box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    Drop(Removed),
    Positive,
    WeakNegative,
    Byline,
}

/// Words of class names and ids, and what they say; sorted for the
/// binary search (a test checks).
static WORDS: &[(&str, Word)] = &[
    ("ad", Word::Drop(Removed::Ads)),
    ("addthis", Word::Drop(Removed::Share)),
    ("ads", Word::Drop(Removed::Ads)),
    ("adsense", Word::Drop(Removed::Ads)),
    ("adslot", Word::Drop(Removed::Ads)),
    ("adunit", Word::Drop(Removed::Ads)),
    ("advert", Word::Drop(Removed::Ads)),
    ("advertisement", Word::Drop(Removed::Ads)),
    ("advertising", Word::Drop(Removed::Ads)),
    ("adverts", Word::Drop(Removed::Ads)),
    ("article", Word::Positive),
    ("articlebody", Word::Positive),
    ("author", Word::Byline),
    ("body", Word::Positive),
    ("breadcrumb", Word::Drop(Removed::Navigation)),
    ("breadcrumbs", Word::Drop(Removed::Navigation)),
    ("byline", Word::Byline),
    ("caption", Word::Drop(Removed::Captions)),
    ("card", Word::WeakNegative),
    ("colophon", Word::Drop(Removed::Footer)),
    ("comment", Word::Drop(Removed::Comments)),
    ("comments", Word::Drop(Removed::Comments)),
    ("consent", Word::Drop(Removed::Cookie)),
    ("content", Word::Positive),
    ("cookie", Word::Drop(Removed::Cookie)),
    ("cookies", Word::Drop(Removed::Cookie)),
    ("copyright", Word::Drop(Removed::Footer)),
    ("credit", Word::Drop(Removed::Captions)),
    ("credits", Word::Drop(Removed::Captions)),
    ("dfp", Word::Drop(Removed::Ads)),
    ("discussion", Word::Drop(Removed::Comments)),
    ("disqus", Word::Drop(Removed::Comments)),
    ("entry", Word::Positive),
    ("footer", Word::Drop(Removed::Footer)),
    ("gdpr", Word::Drop(Removed::Cookie)),
    ("main", Word::Positive),
    ("masthead", Word::Drop(Removed::Header)),
    ("menu", Word::Drop(Removed::Navigation)),
    ("menubar", Word::Drop(Removed::Navigation)),
    ("meta", Word::WeakNegative),
    ("modal", Word::Drop(Removed::Hidden)),
    ("morestories", Word::Drop(Removed::Related)),
    ("mostpopular", Word::Drop(Removed::Popular)),
    ("mostread", Word::Drop(Removed::Popular)),
    ("mostviewed", Word::Drop(Removed::Popular)),
    ("nav", Word::Drop(Removed::Navigation)),
    ("navbar", Word::Drop(Removed::Navigation)),
    ("navigation", Word::Drop(Removed::Navigation)),
    ("newsletter", Word::Drop(Removed::Newsletter)),
    ("newsletters", Word::Drop(Removed::Newsletter)),
    ("outbrain", Word::Drop(Removed::Related)),
    ("overlay", Word::Drop(Removed::Hidden)),
    ("pager", Word::Drop(Removed::Navigation)),
    ("pagination", Word::Drop(Removed::Navigation)),
    ("paywall", Word::Drop(Removed::Newsletter)),
    ("popular", Word::Drop(Removed::Popular)),
    ("popup", Word::Drop(Removed::Hidden)),
    ("post", Word::Positive),
    ("promo", Word::Drop(Removed::Ads)),
    ("promoted", Word::Drop(Removed::Ads)),
    ("promotion", Word::Drop(Removed::Ads)),
    ("prose", Word::Positive),
    ("rail", Word::Drop(Removed::Sidebar)),
    ("readmore", Word::Drop(Removed::Related)),
    ("recirc", Word::Drop(Removed::Related)),
    ("recirculation", Word::Drop(Removed::Related)),
    ("recommendations", Word::Drop(Removed::Related)),
    ("recommended", Word::Drop(Removed::Related)),
    ("regwall", Word::Drop(Removed::Newsletter)),
    ("related", Word::Drop(Removed::Related)),
    ("replies", Word::Drop(Removed::Comments)),
    ("respond", Word::Drop(Removed::Comments)),
    ("seealso", Word::Drop(Removed::Related)),
    ("share", Word::Drop(Removed::Share)),
    ("sharebar", Word::Drop(Removed::Share)),
    ("sharethis", Word::Drop(Removed::Share)),
    ("sharing", Word::Drop(Removed::Share)),
    ("shopping", Word::WeakNegative),
    ("sidebar", Word::Drop(Removed::Sidebar)),
    ("signup", Word::Drop(Removed::Newsletter)),
    ("skiplink", Word::Drop(Removed::Navigation)),
    ("skiplinks", Word::Drop(Removed::Navigation)),
    ("social", Word::Drop(Removed::Share)),
    ("socials", Word::Drop(Removed::Share)),
    ("sponsor", Word::Drop(Removed::Ads)),
    ("sponsored", Word::Drop(Removed::Ads)),
    ("sronly", Word::Drop(Removed::Hidden)),
    ("story", Word::Positive),
    ("subscribe", Word::Drop(Removed::Newsletter)),
    ("subscription", Word::Drop(Removed::Newsletter)),
    ("taboola", Word::Drop(Removed::Related)),
    ("tags", Word::WeakNegative),
    ("teaser", Word::WeakNegative),
    ("text", Word::Positive),
    ("toc", Word::Drop(Removed::Navigation)),
    ("toolbar", Word::Drop(Removed::Share)),
    ("tools", Word::WeakNegative),
    ("topbar", Word::Drop(Removed::Header)),
    ("topstories", Word::Drop(Removed::Popular)),
    ("trending", Word::Drop(Removed::Popular)),
    ("visuallyhidden", Word::Drop(Removed::Hidden)),
    ("widget", Word::WeakNegative),
];

/// Two words that say it together (`most read`, `see also`).
static PAIRS: &[(&str, &str, Removed)] = &[
    ("most", "read", Removed::Popular),
    ("most", "viewed", Removed::Popular),
    ("most", "popular", Removed::Popular),
    ("most", "shared", Removed::Popular),
    ("most", "watched", Removed::Popular),
    ("top", "stories", Removed::Popular),
    ("read", "more", Removed::Related),
    ("read", "also", Removed::Related),
    ("read", "next", Removed::Related),
    ("more", "stories", Removed::Related),
    ("more", "from", Removed::Related),
    ("more", "news", Removed::Related),
    ("see", "also", Removed::Related),
    ("also", "read", Removed::Related),
    ("further", "reading", Removed::Related),
    ("sign", "up", Removed::Newsletter),
    ("skip", "link", Removed::Navigation),
    ("skip", "links", Removed::Navigation),
    ("skip", "to", Removed::Navigation),
    ("sr", "only", Removed::Hidden),
    ("visually", "hidden", Removed::Hidden),
    ("screen", "reader", Removed::Hidden),
    ("site", "header", Removed::Header),
    ("site", "footer", Removed::Footer),
];

fn word(w: &str) -> Option<Word> {
    WORDS.binary_search_by(|(n, _)| n.cmp(&w)).ok().map(|i| WORDS[i].1)
}

#[cfg(test)]
mod tests {
    use super::super::lexer::{Lexer, Token};
    use super::*;

    #[test]
    fn the_tables_are_sorted() {
        assert!(TAGS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TAGS.iter().all(|(n, _, _)| n.len() <= 10));
        assert_eq!(known("DIV").map(|k| k.role), Some(Container));
        assert!(known("my-widget").is_none());
    }

    fn hints_of(html: &str) -> Hints {
        match Lexer::new(html).next() {
            Some(Token::Start(t)) => hints(&t, &mut String::new()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn class_names_and_ids_say_what_a_box_is() {
        let cases: &[(&str, Option<Removed>)] = &[
            ("<div class='most-read'>", Some(Removed::Popular)),
            ("<div class='mostReadList'>", Some(Removed::Popular)),
            ("<section id=related_stories>", Some(Removed::Related)),
            ("<div class='cookie-banner gdpr'>", Some(Removed::Cookie)),
            ("<div class='ad-slot'>", Some(Removed::Ads)),
            ("<div class='adSlot'>", Some(Removed::Ads)),
            ("<div data-testid='share-bar'>", Some(Removed::Share)),
            ("<div aria-label='Breadcrumb'>", Some(Removed::Navigation)),
            ("<ul role=menubar>", Some(Removed::Navigation)),
            ("<div class='read-more-links'>", Some(Removed::Related)),
            ("<div class='article-body has-comments with-sidebar'>", None),
            ("<div class='story-body'>", None),
            ("<div class='header-image lead download shadow'>", None),
            ("<div class='headline'>", None),
        ];
        for (html, want) in cases {
            assert_eq!(hints_of(html).drop, *want, "{html}");
        }
        let h = hints_of("<div class='article-body' itemprop='articleBody' style='color: red'>");
        assert!(h.positive && h.article_body && !h.hidden);
        assert!(hints_of("<div style='display: none'>").hidden);
        assert!(hints_of("<span aria-hidden=TRUE>").hidden);
        assert!(hints_of("<a rel='author' href=/x>").byline);
    }
}
