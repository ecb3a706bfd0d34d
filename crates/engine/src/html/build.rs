//! The pass over the tokens: text gathered into blocks (one per paragraph,
//! heading, list item), boilerplate marked removed, containers recorded
//! for [`super::select`] to choose the article from, metadata collected.
//!
//! A stack of open elements, as in a browser, but forgiving in bounded
//! ways only: an end tag closes the nearest open element of its name (the
//! elements above it close too; an end tag with nothing open of its name
//! is ignored, which a count per element tells in O(1)); a start tag
//! closes what it implies (`<p>` an open `p`, `<li>` an open `li`) when
//! that is among the top [`LOOKBACK`] elements; nesting beyond
//! [`MAX_DEPTH`] is flattened, as Blink does at 512. So every token costs
//! O(1) amortized and the pass is linear.
//!
//! Whether a box is boilerplate is decided when it closes. A box dropped
//! for its attributes (`class="related"`) is kept after all if it turns
//! out to hold the headline (`h1`), `main` or the `articleBody`: then the
//! words were about a page that *has* related stories, not about a list of
//! them. Inline elements (`<span class="sr-only">`) are dropped at once.
//! The closing (end tags, implied ends, the decision) is in [`close`].

use super::entities;
use super::lexer::{Lexer, Tag, Token, RAW_TEXT};
use super::meta::{Meta, Slot};
use super::tags::{self, BlockKind, Intrinsic, Role};
use super::Removed;

mod close;

/// Open elements beyond this depth are not tracked (Blink's limit).
const MAX_DEPTH: usize = 512;
/// How deep a start tag looks for the element it implicitly closes.
const LOOKBACK: usize = 12;
/// "No record".
pub(super) const NONE: u32 = u32::MAX;

/// A block of text: a paragraph, heading, list item or the text between
/// two boxes.
#[derive(Clone, Debug)]
pub(super) struct Block {
    /// Where its text is in [`Build::buf`].
    pub start: u32,
    pub end: u32,
    pub chars: u32,
    /// Characters inside links.
    pub link_chars: u32,
    /// The innermost container record.
    pub record: u32,
    pub kind: BlockKind,
    /// Inside boilerplate.
    pub removed: bool,
}

/// A container (`div`, `section`, `article`, `td`, a custom element): the
/// blocks it holds and what it says it is. Records are numbered in
/// document order, so a parent comes before its children.
#[derive(Clone, Debug)]
pub(super) struct Record {
    pub parent: u32,
    pub depth: u32,
    /// Its blocks: `first_block..end_block`.
    pub first_block: u32,
    pub end_block: u32,
    /// +1 for article-like words in its class or id, -1 for widget-like ones.
    pub hint: i8,
    /// An `article` not inside another.
    pub outer_article: bool,
    pub main: bool,
    pub article_body: bool,
}

/// How an open element is being dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drop {
    Keep,
    /// Its text is not gathered; counted as this when it closes.
    Now(Option<Removed>),
    /// Gathered, and dropped when it closes unless it holds the article.
    Unless(Removed),
}

#[derive(Clone, Debug)]
struct Open {
    /// Index in the tag table, or `tags::KNOWN` for other elements.
    tag: usize,
    /// For other elements: a hash of the lower-case name.
    key: u64,
    /// Its own record, or [`NONE`].
    record: u32,
    /// The innermost record it is in (its own, if it has one).
    inner: u32,
    /// The kind of block text inside it makes.
    kind: BlockKind,
    drop: Drop,
    boundary: bool,
    link: bool,
    quote: bool,
    pre: bool,
    heading1: bool,
    in_article: bool,
    /// Where its start tag began in the source.
    start: u32,
    /// Counters when it opened: blocks, removal log, headlines and article
    /// anchors seen, characters gathered.
    blocks: u32,
    log: u32,
    h1s: u32,
    anchors: u32,
    chars: u64,
}

/// The block being gathered.
#[derive(Clone, Copy, Debug)]
struct Current {
    start: u32,
    chars: u32,
    link_chars: u32,
    kind: BlockKind,
    record: u32,
    /// White space seen since the last character.
    space: bool,
}

/// Everything the pass found.
pub(super) struct Build {
    /// The text of all blocks, one after the other.
    pub buf: String,
    pub blocks: Vec<Block>,
    pub records: Vec<Record>,
    /// Boxes dropped: what, and how many bytes of the page.
    pub log: Vec<(Removed, u32)>,
    pub meta: Meta,
    /// `<time datetime>` values, with the block they sit in.
    pub times: Vec<(u32, String)>,
}

struct Builder {
    out: Build,
    stack: Vec<Open>,
    /// Open elements per known tag, for end tags.
    open: [u32; tags::KNOWN],
    /// Enclosing elements whose text is being dropped.
    discard: u32,
    links: u32,
    pre: u32,
    h1s: u32,
    anchors: u32,
    chars: u64,
    cur: Current,
    /// An element naming the author: its depth, where its text starts in
    /// `buf`, and the block count when it opened.
    byline: Option<(usize, u32, u32)>,
    /// The raw-text element whose contents come next, and where its start
    /// tag began.
    raw: Option<(&'static str, usize)>,
    words: String,
}

/// Run the pass over `src`.
pub(super) fn build(src: &str) -> Build {
    let root = Record {
        parent: 0,
        depth: 0,
        first_block: 0,
        end_block: 0,
        hint: 0,
        outer_article: false,
        main: false,
        article_body: false,
    };
    let mut b = Builder {
        out: Build {
            buf: String::with_capacity(src.len() / 4),
            blocks: Vec::new(),
            records: vec![root],
            log: Vec::new(),
            meta: Meta::default(),
            times: Vec::new(),
        },
        stack: Vec::new(),
        open: [0; tags::KNOWN],
        discard: 0,
        links: 0,
        pre: 0,
        h1s: 0,
        anchors: 0,
        chars: 0,
        cur: Current { start: 0, chars: 0, link_chars: 0, kind: BlockKind::Para, record: 0, space: false },
        byline: None,
        raw: None,
        words: String::new(),
    };
    let mut lexer = Lexer::new(src);
    let mut at = 0;
    while let Some(token) = lexer.next() {
        match token {
            Token::Text(t) => b.text(t),
            Token::Start(tag) => b.start(&tag, at, lexer.offset()),
            Token::End(name) => b.end(name, lexer.offset()),
            Token::Raw(r) => b.raw_text(r, lexer.offset()),
        }
        at = lexer.offset();
    }
    b.pop_to(0, src.len(), false);
    b.flush();
    b.out.records[0].end_block = b.out.blocks.len() as u32;
    b.out
}

/// A hash of an element name, any case (FNV-1a).
fn name_key(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, c| {
        (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3)
    })
}

impl Builder {
    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    fn inner_record(&self) -> u32 {
        self.top().map_or(0, |o| o.inner)
    }

    fn text(&mut self, s: &str) {
        if self.discard > 0 {
            return;
        }
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            if rest.starts_with('&') {
                match entities::reference(rest, false) {
                    Some((c, len)) => {
                        self.push_char(c);
                        i += len;
                    }
                    None => {
                        self.push_char('&');
                        i += 1;
                    }
                }
                continue;
            }
            // Up to the next `&`, a character at a time.
            let run = rest.find('&').unwrap_or(rest.len());
            for c in rest[..run].chars() {
                self.push_char(c);
            }
            i += run;
        }
    }

    fn push_char(&mut self, c: char) {
        match c {
            '\n' if self.pre > 0 => self.newline(),
            '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' => {}
            c if c.is_whitespace() => self.cur.space = true,
            c if c.is_control() => {}
            c => {
                if self.out.buf.len() as u32 == self.cur.start {
                    self.cur.kind = self.stack.last().map_or(BlockKind::Para, |o| o.kind);
                    self.cur.record = self.stack.last().map_or(0, |o| o.inner);
                } else if self.cur.space && !self.out.buf.ends_with('\n') {
                    self.out.buf.push(' ');
                    self.count_char();
                }
                self.cur.space = false;
                self.out.buf.push(c);
                self.count_char();
            }
        }
    }

    fn count_char(&mut self) {
        self.cur.chars = self.cur.chars.saturating_add(1);
        if self.links > 0 {
            self.cur.link_chars = self.cur.link_chars.saturating_add(1);
        }
    }

    /// A line break inside the block (`<br>`, a new line in `<pre>`); at
    /// most one blank line in a row, none at the start.
    fn newline(&mut self) {
        let buf = &mut self.out.buf;
        if self.discard == 0 && buf.len() as u32 > self.cur.start && !buf.ends_with("\n\n") {
            buf.push('\n');
        }
        self.cur.space = false;
    }

    /// End the current block, if it has any text.
    fn flush(&mut self) {
        let buf = &mut self.out.buf;
        let start = self.cur.start as usize;
        let trimmed = buf[start..].trim_end_matches(['\n', ' ']).len();
        buf.truncate(start + trimmed);
        if buf.len() > start {
            self.chars += u64::from(self.cur.chars);
            self.out.blocks.push(Block {
                start: self.cur.start,
                end: buf.len() as u32,
                chars: self.cur.chars,
                link_chars: self.cur.link_chars,
                record: self.cur.record,
                kind: self.cur.kind,
                removed: false,
            });
        }
        self.cur = Current { start: buf.len() as u32, chars: 0, link_chars: 0, ..self.cur };
        self.cur.space = false;
    }

    // (Over 80 lines: one arm per kind of element that opens (block, boilerplate, heading, list, quote, table …), as a parser's start-tag switch.)
    fn start(&mut self, tag: &Tag<'_>, at: usize, end: usize) {
        let known = tags::known(tag.name);
        // Unknown elements are mostly containers (`<gu-island>`); Word's
        // `<o:p>` and other prefixed ones are inline.
        let role =
            known.map_or(if tag.name.contains(':') { Role::Inline } else { Role::Container }, |k| k.role);
        let intrinsic = known.map_or(Intrinsic::No, |k| k.drop);
        let name = known.map(|k| k.index);
        let lower = |n: &str| tag.name.eq_ignore_ascii_case(n);

        // Raw text comes next: the lexer has switched already.
        if let Some(raw) = RAW_TEXT.iter().copied().find(|r| lower(r)) {
            self.raw = Some((raw, at));
            if matches!(raw, "xmp" | "plaintext") {
                self.flush();
            }
            return;
        }
        match role {
            Role::Ignored => {
                if lower("html") {
                    if let Some(lang) = tag.attr("lang") {
                        self.out.meta.set(Slot::Language, lang);
                    }
                }
                return;
            }
            Role::Void => {
                self.void(tag, end - at);
                return;
            }
            _ => {}
        }
        self.close_implied(tag.name, role, at);
        if self.stack.len() >= MAX_DEPTH {
            if matches!(role, Role::Container | Role::Para(_)) {
                self.flush();
            }
            return;
        }
        // Foreign self-closing elements (`<my-icon/>`) have no content.
        if tag.self_closing && known.is_none() {
            return;
        }
        let parent_kind = self.top().map_or(BlockKind::Para, |o| o.kind);
        let mut open = Open {
            tag: name.unwrap_or(tags::KNOWN),
            key: if known.is_none() { name_key(tag.name) } else { 0 },
            record: NONE,
            inner: self.inner_record(),
            kind: parent_kind,
            drop: Drop::Keep,
            boundary: matches!(role, Role::Container | Role::Para(_)),
            link: false,
            quote: false,
            pre: false,
            heading1: false,
            in_article: self.top().is_some_and(|o| o.in_article),
            start: at as u32,
            blocks: 0,
            log: 0,
            h1s: self.h1s,
            anchors: self.anchors,
            chars: 0,
        };
        if let Some(k) = name {
            self.open[k] += 1;
        }
        if self.discard > 0 {
            // Inside dropped markup: only the structure matters.
            self.stack.push(open);
            return;
        }
        let hints = tags::hints(tag, &mut self.words);
        let exempt = lower("article") || lower("main") || hints.main || hints.article_body;
        open.drop = match intrinsic {
            // An aside says best what it is (`class="related"`).
            Intrinsic::Drop(Removed::Sidebar) => Drop::Now(Some(hints.drop.unwrap_or(Removed::Sidebar))),
            Intrinsic::Drop(kind) => Drop::Now(Some(kind)),
            Intrinsic::Silent => Drop::Now(None),
            Intrinsic::Unless(kind) => Drop::Unless(kind),
            Intrinsic::No if lower("dialog") && tag.attr("open").is_none() => Drop::Unless(Removed::Hidden),
            // A hidden cookie dialog is a cookie notice first.
            Intrinsic::No => match (hints.drop, hints.hidden) {
                (Some(kind), _) if !exempt => Drop::Unless(kind),
                (_, true) => Drop::Unless(Removed::Hidden),
                _ => Drop::Keep,
            },
        };
        if role == Role::Inline {
            // Inline boxes are dropped at once: they cannot hold an article.
            if let Drop::Unless(kind) = open.drop {
                open.drop = Drop::Now(Some(kind));
            }
        }
        if matches!(open.drop, Drop::Unless(_)) {
            open.boundary = true;
        }
        if open.boundary {
            self.flush();
        }
        open.blocks = self.out.blocks.len() as u32;
        open.log = self.out.log.len() as u32;
        open.chars = self.chars;
        if let Drop::Now(_) = open.drop {
            self.discard += 1;
            self.stack.push(open);
            return;
        }
        if let Role::Para(kind) = role {
            // A paragraph in a list item is still the item.
            open.kind = if kind == BlockKind::Para && parent_kind == BlockKind::Item {
                BlockKind::Item
            } else {
                kind
            };
            open.heading1 = kind == BlockKind::Heading(1);
            open.pre = kind == BlockKind::Pre;
        }
        if role == Role::Container {
            let id = self.out.records.len() as u32;
            let parent = self.inner_record();
            let article = lower("article");
            self.out.records.push(Record {
                parent,
                depth: self.out.records[parent as usize].depth + 1,
                first_block: open.blocks,
                end_block: open.blocks,
                hint: if hints.positive {
                    1
                } else if hints.weak_negative {
                    -1
                } else {
                    0
                },
                outer_article: article && !open.in_article,
                main: lower("main") || hints.main,
                article_body: hints.article_body,
            });
            open.record = id;
            open.inner = id;
            open.in_article |= article;
        }
        if hints.main || hints.article_body || lower("main") {
            self.anchors += 1;
        }
        if lower("a") {
            open.link = true;
            self.links += 1;
        }
        if open.pre {
            self.pre += 1;
        }
        if lower("q") {
            open.quote = true;
            self.push_char('\u{201c}');
        }
        if hints.byline && self.byline.is_none() {
            self.byline = Some((self.stack.len(), self.out.buf.len() as u32, self.out.blocks.len() as u32));
        }
        if lower("time") || hints.date_published {
            let when = tag.attr("datetime").or_else(|| tag.attr("content"));
            if let Some(when) = when.filter(|w| !w.trim().is_empty()) {
                if hints.date_published {
                    self.out.meta.set(Slot::ItemDatePublished, when);
                }
                let clean = super::meta::clean(when);
                self.out.times.push((self.out.blocks.len() as u32, clean));
            }
        }
        self.stack.push(open);
    }

    /// Elements without content: line breaks, rules, metadata, embeds.
    fn void(&mut self, tag: &Tag<'_>, len: usize) {
        let is = |n: &str| tag.name.eq_ignore_ascii_case(n);
        if is("meta") {
            let key = tag.attr("property").or_else(|| tag.attr("name")).or_else(|| tag.attr("itemprop"));
            if let (Some(key), Some(content)) = (key, tag.attr("content")) {
                self.out.meta.meta(key, content);
            }
        } else if is("link") {
            let canonical = tag
                .attr("rel")
                .is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")));
            if let (true, Some(href)) = (canonical, tag.attr("href")) {
                self.out.meta.set(Slot::Canonical, href);
            }
        } else if self.discard == 0 {
            if is("br") {
                self.newline();
            } else if is("hr") {
                self.flush();
            } else if is("embed") {
                self.out.log.push((Removed::Embeds, len as u32));
            }
        }
    }

    /// The contents of a raw-text element.
    fn raw_text(&mut self, text: &str, end: usize) {
        let Some((name, start)) = self.raw.take() else { return };
        if self.discard > 0 {
            return;
        }
        let bytes = (end.saturating_sub(start)).min(u32::MAX as usize) as u32;
        match name {
            "script" => self.out.log.push((Removed::Scripts, bytes)),
            "style" => self.out.log.push((Removed::Styles, bytes)),
            "iframe" => self.out.log.push((Removed::Embeds, bytes)),
            "title" => {
                let mut decoded = String::with_capacity(text.len());
                super::decode_into(text, &mut decoded, false);
                self.out.meta.set(Slot::TitleTag, &decoded);
            }
            "xmp" | "plaintext" => {
                self.pre += 1;
                let saved = self.stack.last().map(|o| o.kind);
                if let Some(top) = self.stack.last_mut() {
                    top.kind = BlockKind::Pre;
                }
                for c in text.chars() {
                    self.push_char(c);
                }
                if let (Some(top), Some(kind)) = (self.stack.last_mut(), saved) {
                    top.kind = kind;
                }
                self.pre -= 1;
                self.flush();
            }
            _ => {}
        }
    }
}
