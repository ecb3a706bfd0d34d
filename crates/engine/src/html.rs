//! Reduce HTML to its readable text, without rendering or running it.
//!
//! A small forward scanner, not a parser: tags are dropped, the contents of
//! `script`, `style`, `noscript`, `template`, `svg`, `head` and comments are
//! dropped, block-level tags become line breaks, and the common character
//! references are decoded. Whatever the input, the output is plain text.

/// Elements whose content is not text a reader sees.
const SKIP: &[&str] =
    &["script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select"];
/// Elements that start a new line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "figure",
    "hr",
    "main",
    "aside",
    "nav",
    "dt",
    "dd",
    "pre",
    "title",
];

/// The text of an HTML document or fragment, one block per line.
///
/// ```
/// let text = factgrid_engine::html_to_text("<p>Kyiv &amp; Moscow</p><script>alert(1)</script><p>Next</p>");
/// assert_eq!(text, "Kyiv & Moscow\nNext");
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").map_or("", |i| &r[i + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            // An unclosed tag runs to the end: nothing after it is text.
            let Some(gt) = rest.find('>') else { break };
            let end = gt + 1;
            let tag = &rest[1..gt];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            rest = &rest[end..];
            match &skipping {
                Some(s) if closing && *s == name => skipping = None,
                Some(_) => {}
                None if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') => {
                    skipping = Some(name)
                }
                None if BLOCK.contains(&name.as_str()) => out.push('\n'),
                None => {}
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        if skipping.is_none() {
            decode_into(&rest[..next], &mut out);
        }
        rest = &rest[next..];
    }
    // Collapse runs of spaces within lines and drop blank lines.
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.char_indices().take(12).find(|&(_, c)| c == ';').map(|(i, _)| i);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
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

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn html_reduction_rules() {
        let cases: &[(&str, &str)] = &[
            ("<p>One</p><p>Two</p>", "One\nTwo"),
            ("<h1>Title</h1>Body <b>bold</b> text", "Title\nBody bold text"),
            ("<script>alert(1)</script>safe", "safe"),
            ("<img src=x onerror=alert(1)>after", "after"),
            ("<style>p{}</style><!-- note -->x", "x"),
            ("&ldquo;Hi&rdquo; &amp; &#8212; &#x41; &bogus; &", "\u{201c}Hi\u{201d} & \u{2014} A &bogus; &"),
            ("<head><title>T</title></head><body>B</body>", "B"),
            ("a<br>b<br/>c", "a\nb\nc"),
            ("unclosed <p", "unclosed"),
            ("<SCRIPT>x</SCRIPT>y", "y"),
            ("", ""),
        ];
        for (html, want) in cases {
            assert_eq!(html_to_text(html), *want, "html {html:?}");
        }
    }
}
