//! Word tokens: the unit every stage after segmentation counts in.

use crate::span::Span;

/// [`words_into`] a new vector.
pub(crate) fn words(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::with_capacity(span.len() / 5 + 1);
    words_into(text, span, &mut out);
    out
}

/// Word tokens of `text[span]`: runs of letters and digits, with inner
/// apostrophes, hyphens, periods and commas between digits kept
/// (`don't`, `30-day`, `1,300`, `U.S.`), into `out` (cleared first, so
/// that one buffer serves every sentence).
pub(crate) fn words_into(text: &str, span: Span, out: &mut Vec<Span>) {
    out.clear();
    let s = &text[span.range()];
    let bytes = s.as_bytes();
    let char_at = |i: usize| s.get(i..).and_then(|t| t.chars().next());
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII without decoding; other characters decoded one at a time.
        let (c, len) = match bytes[i] {
            b if b < 0x80 => (b as char, 1),
            _ => {
                let c = char_at(i).unwrap_or(' ');
                (c, c.len_utf8())
            }
        };
        let alphanumeric = if len == 1 { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if alphanumeric {
            if start.is_none() {
                start = Some(i);
            }
            last_end = i + len;
            i += len;
            continue;
        }
        let joins = start.is_some() && matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',') && {
            let next = char_at(i + len);
            next.is_some_and(char::is_alphanumeric)
                && (c != ','
                    || (s[..i].ends_with(|p: char| p.is_ascii_digit())
                        && next.is_some_and(|d| d.is_ascii_digit())))
                && (c != '.' || s[..i].ends_with(|p: char| p.is_ascii_digit() || p.is_uppercase()))
        };
        if !joins {
            if let Some(st) = start.take() {
                out.push(Span::new(span.start + st, span.start + last_end));
            }
        }
        i += len;
    }
    if let Some(st) = start {
        out.push(Span::new(span.start + st, span.start + last_end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tokens() {
        let cases: &[(&str, &[&str])] = &[
            ("Putin's 30-day plan.", &["Putin's", "30-day", "plan"]),
            ("1,300 sq. km, U.S. forces", &["1,300", "sq", "km", "U.S", "forces"]),
            ("don’t stop", &["don’t", "stop"]),
            ("a, b", &["a", "b"]),
            ("Київ — Kyiv", &["Київ", "Kyiv"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> =
                words(text, Span::new(0, text.len())).iter().map(|s| &text[s.range()]).collect();
            assert_eq!(&got, want, "tokenizing {text:?}");
        }
    }
}
