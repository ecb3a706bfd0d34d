//! The page's own description of itself: title, outlet, date, author,
//! from `<title>`, `<meta>` (Open Graph, `article:*`, Dublin Core,
//! `itemprop`), `<link rel="canonical">`, `<html lang>`, `<time>` and the
//! byline element. First value wins in each slot; [`Meta::page`] then
//! picks, for each field, the best slot that is filled.

use super::PageMeta;

/// Where a value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    OgTitle,
    TwitterTitle,
    TitleTag,
    SiteName,
    AppName,
    PublishedTime,
    ItemDatePublished,
    OtherDate,
    Author,
    ArticleAuthor,
    BylineText,
    OgDescription,
    Description,
    Language,
    Canonical,
    OgUrl,
}

const SLOTS: usize = Slot::OgUrl as usize + 1;

/// The values found, one per slot.
#[derive(Clone, Debug, Default)]
pub(super) struct Meta {
    slots: [Option<String>; SLOTS],
}

/// Clean an attribute value or title for showing: references decoded,
/// white space collapsed, control characters dropped, at most 300
/// characters.
pub(super) fn clean(value: &str) -> String {
    let mut decoded = String::with_capacity(value.len().min(1200));
    super::decode_into(&value[..floor_char_boundary(value, 1200)], &mut decoded, true);
    let mut out = String::with_capacity(decoded.len());
    for word in decoded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    if let Some((cut, _)) = out.char_indices().nth(300) {
        out.truncate(cut);
        out.push('\u{2026}');
    }
    out
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `<meta>` names and properties (lower case), sorted for the binary
/// search (a test checks), and the slot each fills.
static KEYS: &[(&str, Slot)] = &[
    ("application-name", Slot::AppName),
    ("article.published", Slot::OtherDate),
    ("article:author", Slot::ArticleAuthor),
    ("article:published_time", Slot::PublishedTime),
    ("author", Slot::Author),
    ("byl", Slot::Author),
    ("date", Slot::OtherDate),
    ("datepublished", Slot::ItemDatePublished),
    ("dc.creator", Slot::Author),
    ("dc.date", Slot::OtherDate),
    ("dc.date.issued", Slot::OtherDate),
    ("dcterms.created", Slot::OtherDate),
    ("dcterms.creator", Slot::Author),
    ("dcterms.date", Slot::OtherDate),
    ("dcterms.issued", Slot::OtherDate),
    ("description", Slot::Description),
    ("og:article:published_time", Slot::PublishedTime),
    ("og:description", Slot::OgDescription),
    ("og:site_name", Slot::SiteName),
    ("og:title", Slot::OgTitle),
    ("og:url", Slot::OgUrl),
    ("original-publish-date", Slot::OtherDate),
    ("parsely-author", Slot::Author),
    ("parsely-pub-date", Slot::OtherDate),
    ("pubdate", Slot::OtherDate),
    ("publish-date", Slot::OtherDate),
    ("publish_date", Slot::OtherDate),
    ("publishdate", Slot::OtherDate),
    ("published_time", Slot::PublishedTime),
    ("sailthru.author", Slot::Author),
    ("sailthru.date", Slot::OtherDate),
    ("twitter:title", Slot::TwitterTitle),
];

impl Meta {
    /// Fill `slot` with `value` (cleaned) unless it is filled or the value
    /// is empty.
    pub fn set(&mut self, slot: Slot, value: &str) {
        let s = &mut self.slots[slot as usize];
        if s.is_none() {
            let value = clean(value);
            if !value.is_empty() {
                *s = Some(value);
            }
        }
    }

    fn get(&self, slot: Slot) -> Option<&str> {
        self.slots[slot as usize].as_deref()
    }

    /// A `<meta>` element: its `property`, `name` or `itemprop`, and
    /// `content`.
    pub fn meta(&mut self, key: &str, content: &str) {
        let key = key.trim().to_ascii_lowercase();
        if let Ok(i) = KEYS.binary_search_by(|(k, _)| k.cmp(&key.as_str())) {
            self.set(KEYS[i].1, content);
        }
    }

    /// The page's metadata; `first_time` is the first `<time datetime>` in
    /// the article, the last resort for the date.
    pub fn page(&self, headline: Option<String>, first_time: Option<&str>) -> PageMeta {
        let first = |slots: &[Slot]| slots.iter().find_map(|&s| self.get(s)).map(str::to_owned);
        let site_name = first(&[Slot::SiteName, Slot::AppName]);
        let title = first(&[Slot::OgTitle, Slot::TwitterTitle]).or_else(|| {
            self.get(Slot::TitleTag).map(|t| without_site_name(t, site_name.as_deref()).to_owned())
        });
        let not_a_link =
            |s: &&str| !s.starts_with("http://") && !s.starts_with("https://") && !s.starts_with('/');
        let byline = [Slot::Author, Slot::ArticleAuthor, Slot::BylineText]
            .iter()
            .find_map(|&s| self.get(s).filter(not_a_link))
            .map(|b| strip_by(b).to_owned());
        PageMeta {
            title,
            headline,
            site_name,
            published: first(&[Slot::PublishedTime, Slot::ItemDatePublished, Slot::OtherDate])
                .or_else(|| first_time.map(str::to_owned)),
            byline,
            description: first(&[Slot::OgDescription, Slot::Description]),
            language: first(&[Slot::Language]),
            url: first(&[Slot::Canonical, Slot::OgUrl]),
        }
    }
}

/// `Kyiv rejects plan | The Daily` without ` | The Daily` when that is the
/// site's name.
fn without_site_name<'t>(title: &'t str, site: Option<&str>) -> &'t str {
    let Some(site) = site.filter(|s| !s.is_empty()) else { return title };
    let cut = title.len().saturating_sub(site.len());
    if !title.get(cut..).is_some_and(|tail| tail.eq_ignore_ascii_case(site)) {
        return title;
    }
    let head = title[..cut].trim_end();
    for sep in ["|", "-", "\u{2013}", "\u{2014}", "\u{b7}", "::", ":"] {
        if let Some(h) = head.strip_suffix(sep).map(str::trim).filter(|h| !h.is_empty()) {
            return h;
        }
    }
    title
}

/// `By Jane Doe` as `Jane Doe`.
fn strip_by(byline: &str) -> &str {
    for by in ["By ", "by ", "BY "] {
        if let Some(rest) = byline.strip_prefix(by) {
            return rest.trim();
        }
    }
    byline
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_are_sorted() {
        assert!(KEYS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn titles_and_bylines_read_cleanly() {
        assert_eq!(
            without_site_name("Kyiv rejects plan | The Daily", Some("The Daily")),
            "Kyiv rejects plan"
        );
        assert_eq!(
            without_site_name("Kyiv rejects plan - Other", Some("The Daily")),
            "Kyiv rejects plan - Other"
        );
        assert_eq!(strip_by("By Jane Doe"), "Jane Doe");
        assert_eq!(clean("  A &amp;\n B\u{7} "), "A & B");
        assert_eq!(clean(&"x".repeat(400)).chars().count(), 301);
    }
}
