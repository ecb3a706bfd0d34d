//! The tokenizer: text, start tags, end tags and the raw text of
//! `script`-like elements, in one forward pass.
//!
//! It follows the HTML tokenizer where that decides what is text: a
//! comment ends at the first `-->` (or `--!>`, or `<!-->`); `<!…>` and
//! `<?…>` end at the first `>`; quotes only matter in attribute values;
//! a tag cut off by the end of the input is dropped with the rest, as a
//! browser drops it; a `<` that cannot start a tag is text; the contents of
//! `script`, `style`, `title`, `textarea` and the like are raw text up to
//! their own end tag (`</scr` + `ipt>` in a string does not end a script).
//! It does not follow the "script data escaped" states (`<!--<script>` in
//! a script): at worst, script text after such a trick leaks into the text,
//! which is never run.
//!
//! Every search moves forward from where the last one ended (`memchr`),
//! so the pass is linear whatever the input.

use memchr::memchr;

/// A piece of the input.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Text between tags, character references not yet decoded.
    Text(&'a str),
    /// A start tag.
    Start(Tag<'a>),
    /// An end tag's name, as written.
    End(&'a str),
    /// The contents of a raw-text element, after its start tag.
    Raw(&'a str),
}

/// A start tag.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Tag<'a> {
    /// The name, as written.
    pub name: &'a str,
    /// Everything between the name and the closing `>`.
    pub attrs: &'a str,
    /// Ends in `/>`.
    pub self_closing: bool,
}

impl<'a> Tag<'a> {
    /// The attributes: name (as written) and value (quotes removed,
    /// references not decoded); the first of a repeated name wins, as in
    /// browsers, for callers that take the first match.
    pub fn attrs(&self) -> Attrs<'a> {
        Attrs { rest: self.attrs }
    }

    /// The value of the attribute `name` (lower case), if present.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }
}

/// Elements whose contents are raw text, not markup.
pub(super) const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "title",
    "textarea",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

pub(super) struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after the start tag of a raw-text element: its name (lower case).
    raw: Option<&'static str>,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer { src, pos: 0, raw: None }
    }

    /// Where the next token starts (after the last one returned).
    pub fn offset(&self) -> usize {
        self.pos
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// Skip to just after the next `>` from `from`, or to the end.
    fn skip_past_gt(&mut self, from: usize) {
        self.pos =
            memchr(b'>', &self.bytes()[from.min(self.src.len())..]).map_or(self.src.len(), |i| from + i + 1);
    }

    fn raw_text(&mut self, name: &'static str) -> Token<'a> {
        let b = self.bytes();
        let start = self.pos;
        if name == "plaintext" {
            self.pos = b.len();
            return Token::Raw(&self.src[start..]);
        }
        let mut from = start;
        while let Some(i) = find2(b, from, b'<', b'/') {
            let after = i + 2 + name.len();
            let named = b.get(i + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            if named && b.get(after).is_some_and(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>') {
                self.pos = i;
                return Token::Raw(&self.src[start..i]);
            }
            from = i + 2;
        }
        self.pos = b.len();
        Token::Raw(&self.src[start..])
    }

    /// After `<!--`: to the end of the comment.
    fn comment(&mut self, body: usize) {
        let b = self.bytes();
        if b[body..].starts_with(b">") {
            self.pos = body + 1;
            return;
        }
        if b[body..].starts_with(b"->") {
            self.pos = body + 2;
            return;
        }
        let mut from = body;
        while let Some(i) = find2(b, from, b'-', b'-') {
            if b.get(i + 2) == Some(&b'>') {
                self.pos = i + 3;
                return;
            }
            if b[i + 2..].starts_with(b"!>") {
                self.pos = i + 4;
                return;
            }
            from = i + 1;
        }
        self.pos = b.len();
    }

    /// The end of a tag whose name ends at `from`: the index of its `>`
    /// and whether `/` comes just before it; `None` if the input ends
    /// first.
    fn tag_end(&self, mut i: usize) -> Option<(usize, bool)> {
        let b = self.bytes();
        let (mut after_eq, mut slash) = (false, false);
        while let Some(&c) = b.get(i) {
            match c {
                b'>' => return Some((i, slash)),
                b'"' | b'\'' if after_eq => {
                    i += 1 + memchr(c, &b[i + 1..])? + 1;
                    after_eq = false;
                    slash = false;
                    continue;
                }
                b'=' => (after_eq, slash) = (true, false),
                b'/' => (after_eq, slash) = (false, true),
                c if c.is_ascii_whitespace() => {}
                _ => (after_eq, slash) = (false, false),
            }
            i += 1;
        }
        None
    }

    fn name_end(&self, from: usize) -> usize {
        let b = self.bytes();
        from + b[from..].iter().take_while(|&&c| !(c.is_ascii_whitespace() || c == b'/' || c == b'>')).count()
    }
}

/// Where the two bytes `a b` next occur in `b` from `from` (`memchr` for
/// the first; a searcher for pairs costs the wasm bundle 2.5 KB).
fn find2(b: &[u8], mut from: usize, first: u8, second: u8) -> Option<usize> {
    while let Some(i) = b.get(from..).and_then(|rest| memchr(first, rest)).map(|i| from + i) {
        if b.get(i + 1) == Some(&second) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw.take() {
            return Some(self.raw_text(name));
        }
        let b = self.bytes();
        loop {
            let start = self.pos;
            if start >= b.len() {
                return None;
            }
            if b[start] != b'<' {
                let end = memchr(b'<', &b[start..]).map_or(b.len(), |i| start + i);
                self.pos = end;
                return Some(Token::Text(&self.src[start..end]));
            }
            match b.get(start + 1) {
                Some(b'!') if b[start..].starts_with(b"<!--") => self.comment(start + 4),
                Some(b'!' | b'?') => self.skip_past_gt(start + 2),
                Some(b'/') => match b.get(start + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name_end = self.name_end(start + 2);
                        let (gt, _) = match self.tag_end(name_end) {
                            Some(t) => t,
                            None => {
                                self.pos = b.len();
                                return None;
                            }
                        };
                        self.pos = gt + 1;
                        return Some(Token::End(&self.src[start + 2..name_end]));
                    }
                    Some(b'>') => self.pos = start + 3,
                    Some(_) => self.skip_past_gt(start + 2),
                    None => {
                        self.pos = b.len();
                        return Some(Token::Text(&self.src[start..]));
                    }
                },
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = self.name_end(start + 1);
                    let Some((gt, self_closing)) = self.tag_end(name_end) else {
                        self.pos = b.len();
                        return None;
                    };
                    self.pos = gt + 1;
                    let name = &self.src[start + 1..name_end];
                    let attrs_end = if self_closing { gt - 1 } else { gt }.max(name_end);
                    // `<script/>` opens a script all the same, as in browsers.
                    self.raw = RAW_TEXT.iter().copied().find(|r| r.eq_ignore_ascii_case(name));
                    return Some(Token::Start(Tag {
                        name,
                        attrs: &self.src[name_end..attrs_end],
                        self_closing,
                    }));
                }
                _ => {
                    // A `<` that starts nothing: text, up to the next `<`.
                    let end = memchr(b'<', &b[start + 1..]).map_or(b.len(), |i| start + 1 + i);
                    self.pos = end;
                    return Some(Token::Text(&self.src[start..end]));
                }
            }
        }
    }
}

/// Iterator over a tag's attributes.
pub(super) struct Attrs<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let s = self.rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if s.is_empty() {
            self.rest = s;
            return None;
        }
        // A name runs to white space, `/`, `>` or `=` (a leading `=` is part
        // of it).
        let first = s.chars().next().map_or(1, char::len_utf8);
        let name_len = first
            + s[first..]
                .find(|c: char| c.is_ascii_whitespace() || matches!(c, '/' | '>' | '='))
                .unwrap_or(s.len() - first);
        let name = &s[..name_len];
        let after = s[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let Some(v) = after.strip_prefix('=') else {
            self.rest = after;
            return Some((name, ""));
        };
        let v = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let (value, rest) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => match v[1..].find(q) {
                Some(e) => (&v[1..1 + e], &v[2 + e..]),
                None => (&v[1..], ""),
            },
            _ => {
                let e = v.find(|c: char| c.is_ascii_whitespace()).unwrap_or(v.len());
                (&v[..e], &v[e..])
            }
        };
        self.rest = rest;
        Some((name, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> Vec<String> {
        Lexer::new(src)
            .map(|t| match t {
                Token::Text(s) => format!("T{s:?}"),
                Token::Start(t) => {
                    format!("<{}{}{}>", t.name, t.attrs, if t.self_closing { "/" } else { "" })
                }
                Token::End(n) => format!("</{n}>"),
                Token::Raw(s) => format!("R{s:?}"),
            })
            .collect()
    }

    #[test]
    fn what_is_text_and_what_is_markup() {
        let cases: &[(&str, &[&str])] = &[
            ("a<b>c</b>", &["T\"a\"", "<b>", "T\"c\"", "</b>"]),
            ("x <!-- a > b --> y", &["T\"x \"", "T\" y\""]),
            ("<!---->a<!-->b<!--->c", &["T\"a\"", "T\"b\"", "T\"c\""]),
            ("<!-- a --!> b", &["T\" b\""]),
            ("<!-- unclosed", &[]),
            ("<!DOCTYPE html><?xml x?>a", &["T\"a\""]),
            ("<![CDATA[ x > y ]]>", &["T\" y ]]>\""]),
            ("1 < 2 <3 a<", &["T\"1 \"", "T\"< 2 \"", "T\"<3 a\"", "T\"<\""]),
            ("</>a</ b>c</", &["T\"a\"", "T\"c\"", "T\"</\""]),
            ("a<p title='x>y' class=\"q\">b", &["T\"a\"", "<p title='x>y' class=\"q\">", "T\"b\""]),
            ("a<p title='unclosed>b", &["T\"a\""]),
            ("a<p", &["T\"a\""]),
            ("<br/><img src=a/b />", &["<br/>", "<img src=a/b />"]),
            (
                "<script>if (a<b) document.write('</scr'+'ipt>')</script>x",
                &["<script>", "R\"if (a<b) document.write('</scr'+'ipt>')\"", "</script>", "T\"x\""],
            ),
            ("<SCRIPT>x</script >y", &["<SCRIPT>", "R\"x\"", "</script>", "T\"y\""]),
            ("<script>never closed", &["<script>", "R\"never closed\""]),
            ("<script>a</scriptx></script>", &["<script>", "R\"a</scriptx>\"", "</script>"]),
            ("<title>A &amp; <b>B</b></title>", &["<title>", "R\"A &amp; <b>B</b>\"", "</title>"]),
            ("<plaintext>a</plaintext>b", &["<plaintext>", "R\"a</plaintext>b\""]),
            ("<script/>x</script>y", &["<script/>", "R\"x\"", "</script>", "T\"y\""]),
        ];
        for (src, want) in cases {
            assert_eq!(tokens(src), *want, "{src:?}");
        }
    }

    #[test]
    fn attributes() {
        let t = match Lexer::new(
            "<a href=\"/x?a=1&amp;b\" data-x = 'y z' hidden CLASS=nav id=\"q>\" =odd \u{ad}é=1>",
        )
        .next()
        {
            Some(Token::Start(t)) => t,
            other => panic!("{other:?}"),
        };
        let got: Vec<_> = t.attrs().collect();
        assert_eq!(
            got,
            [
                ("href", "/x?a=1&amp;b"),
                ("data-x", "y z"),
                ("hidden", ""),
                ("CLASS", "nav"),
                ("id", "q>"),
                ("=odd", ""),
                ("\u{ad}é", "1")
            ]
        );
        assert_eq!(t.attr("class"), Some("nav"));
    }
}
