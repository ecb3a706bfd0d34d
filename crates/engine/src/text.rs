//! Word tokens: the unit every stage after segmentation counts in.

use crate::span::Span;

/// Lower case for the scripts the profiles are written in: ASCII and
/// Cyrillic. Each letter keeps its UTF-8 length, so byte offsets into the
/// folded text are offsets into the original (and no Unicode case tables
/// are needed in the WebAssembly build). `ё` is read as `е`, as Russian
/// writes either (`Кремлём`, `Кремлем`).
pub(crate) fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{0401}' | '\u{0451}' => '\u{0435}',
        // А–Я → а–я; Ѐ–Џ (Ё, Є, І, Ї, …) → ѐ–џ; Ґ → ґ.
        '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{0400}'..='\u{040F}' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        '\u{0490}' => '\u{0491}',
        _ => c,
    }
}

/// [`fold_char`] over a string, byte by byte: ASCII letters, and the
/// two-byte UTF-8 sequences of Cyrillic capitals (and `ё`) rewritten in
/// place, everything else copied.
pub(crate) fn fold_case(s: &str) -> String {
    let mut b = s.as_bytes().to_vec();
    b.make_ascii_lowercase();
    if !s.is_ascii() {
        let mut i = 0;
        // (Only the lead bytes 0xD0–0xD2 start a letter to fold; the search
        // skips the rest, most of an English text, a word at a time.)
        while let Some(k) = memchr::memchr3(0xD0, 0xD1, 0xD2, &b[i..]) {
            i += k;
            if i + 1 >= b.len() {
                break;
            }
            let (lead, next) = (b[i], b[i + 1]);
            match (lead, next) {
                // Ё (U+0401) and ё (U+0451) are read as е (U+0435).
                (0xD0, 0x81) | (0xD1, 0x91) => (b[i], b[i + 1]) = (0xD0, 0xB5),
                // А–П (U+0410–041F) -> а–п (U+0430–043F).
                (0xD0, 0x90..=0x9F) => b[i + 1] = next + 0x20,
                // Р–Я (U+0420–042F) -> р–я (U+0440–044F).
                (0xD0, 0xA0..=0xAF) => (b[i], b[i + 1]) = (0xD1, next - 0x20),
                // Ѐ–Џ (U+0400–040F: Є, І, Ї, …) -> ѐ–џ (U+0450–045F).
                (0xD0, 0x80..=0x8F) => (b[i], b[i + 1]) = (0xD1, next + 0x10),
                // Ґ (U+0490) -> ґ (U+0491).
                (0xD2, 0x90) => b[i + 1] = 0x91,
                _ => {}
            }
            // (A lead byte is never a continuation byte: the next
            // character starts after this one's two bytes.)
            i += 2;
        }
    }
    // Every rewrite maps a two-byte character to another.
    String::from_utf8(b).unwrap_or_else(|_| s.chars().map(fold_char).collect())
}

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
    fn folding_keeps_byte_offsets() {
        for (text, want) in [
            ("Kyiv", "kyiv"),
            ("Київ ЄС Ґ", "київ єс ґ"),
            ("ПУТИН Ёж", "путин еж"),
            ("Ü", "Ü"),
            (
                "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ Ґ",
                "абвгдежзийклмнопрстуфхцчшщъыьэюя ѐеђѓєѕіїјљњћќѝўџ ґ",
            ),
            ("“Путин’s” ↔ 😀 Ё", "“путин’s” ↔ 😀 е"),
        ] {
            let got = fold_case(text);
            assert_eq!(got, want);
            let by_char: String = text.chars().map(fold_char).collect();
            assert_eq!(got, by_char, "{text:?}: bytes and characters agree");
            assert_eq!(got.len(), text.len(), "{text:?} keeps its length");
        }
    }

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
