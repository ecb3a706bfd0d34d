//! From a file's bytes to text: which encoding it is in, and refusing what
//! is not text at all.
//!
//! Readers drop files saved by every kind of software: UTF-8 with or
//! without a byte order mark, UTF-16 from Windows editors, and older
//! Russian, Ukrainian and Western European pages and text files in
//! Windows-1251, KOI8 or Latin-1. Read as UTF-8 these show replacement
//! characters; [`decode`] reads them as what they are, and says so.
//! Everything is linear in the input and allocates only the output.

mod tables;

use std::fmt;

use tables::{KOI8_U, WINDOWS_1251, WINDOWS_1252};

/// A character encoding [`decode`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark.
    #[serde(rename = "UTF-8")]
    Utf8,
    /// UTF-16, little-endian.
    #[serde(rename = "UTF-16LE")]
    Utf16Le,
    /// UTF-16, big-endian.
    #[serde(rename = "UTF-16BE")]
    Utf16Be,
    /// Windows-1251: Russian, Ukrainian, Belarusian, Bulgarian, Serbian.
    #[serde(rename = "windows-1251")]
    Windows1251,
    /// Windows-1252, the superset of ISO-8859-1 (Latin-1) that browsers
    /// read for either label.
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// ISO-8859-15 (Latin-9): Latin-1 with the euro sign and eight letters.
    #[serde(rename = "ISO-8859-15")]
    Iso8859_15,
    /// KOI8-R: Russian, in older Unix mail and web pages.
    #[serde(rename = "KOI8-R")]
    Koi8R,
    /// KOI8-U: KOI8-R with the Ukrainian letters.
    #[serde(rename = "KOI8-U")]
    Koi8U,
}

impl Encoding {
    /// The encoding's standard name (as in the WHATWG Encoding Standard).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1251 => "windows-1251",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Iso8859_15 => "ISO-8859-15",
            Encoding::Koi8R => "KOI8-R",
            Encoding::Koi8U => "KOI8-U",
        }
    }

    /// The name a reader recognises, with what it is for.
    fn described(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 (little-endian)",
            Encoding::Utf16Be => "UTF-16 (big-endian)",
            Encoding::Windows1251 => "Windows-1251 (Cyrillic)",
            Encoding::Windows1252 => "Windows-1252 (Western European, Latin-1)",
            Encoding::Iso8859_15 => "ISO-8859-15 (Western European, Latin-9)",
            Encoding::Koi8R => "KOI8-R (Cyrillic)",
            Encoding::Koi8U => "KOI8-U (Cyrillic)",
        }
    }

    /// The encoding a `charset` label names, as browsers read labels
    /// (`latin1` and `iso-8859-1` are Windows-1252); `None` for labels
    /// factgrid does not read.
    pub fn from_label(label: &str) -> Option<Encoding> {
        let label = label.trim().to_ascii_lowercase();
        Some(match label.as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8"
            | "x-unicode20utf8" => Encoding::Utf8,
            "windows-1251" | "cp1251" | "x-cp1251" => Encoding::Windows1251,
            "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso88591"
            | "iso_8859-1" | "iso_8859-1:1987" | "latin1" | "l1" | "ascii" | "us-ascii"
            | "ansi_x3.4-1968" | "cp819" | "ibm819" | "iso-ir-100" | "csisolatin1" => Encoding::Windows1252,
            "iso-8859-15" | "iso8859-15" | "iso885915" | "iso_8859-15" | "latin9" | "l9" | "csisolatin9" => {
                Encoding::Iso8859_15
            }
            "koi8-r" | "koi8_r" | "koi8" | "koi" | "cskoi8r" => Encoding::Koi8R,
            "koi8-u" | "koi8-ru" => Encoding::Koi8U,
            _ => return None,
        })
    }

    /// The character byte `b` (0x80 or above) stands for in a single-byte
    /// encoding.
    fn high(self, b: u8) -> char {
        let i = usize::from(b.wrapping_sub(0x80) & 0x7f);
        let code = match self {
            Encoding::Windows1251 => WINDOWS_1251[i],
            Encoding::Koi8R | Encoding::Koi8U => KOI8_U[i],
            Encoding::Windows1252 | Encoding::Iso8859_15 if b < 0xA0 => WINDOWS_1252[i],
            Encoding::Iso8859_15 => match b {
                0xA4 => 0x20AC,
                0xA6 => 0x0160,
                0xA8 => 0x0161,
                0xB4 => 0x017D,
                0xB8 => 0x017E,
                0xBC => 0x0152,
                0xBD => 0x0153,
                0xBE => 0x0178,
                _ => u16::from(b),
            },
            _ => u16::from(b),
        };
        char::from_u32(u32::from(code)).unwrap_or('\u{fffd}')
    }
}

/// The Windows-1252 character of a byte (the Latin-1 code point from
/// 0xA0, the table's below); for numeric character references in HTML.
pub(crate) fn windows_1252(b: u8) -> char {
    // Its own table only, so that HTML alone does not link the others.
    match b {
        0x80..=0x9F => char::from_u32(u32::from(WINDOWS_1252[usize::from(b - 0x80)])).unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How [`decode`] chose the encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DetectedBy {
    /// A byte order mark at the start.
    ByteOrderMark,
    /// The bytes are valid UTF-8 (or plain ASCII).
    Valid,
    /// The page declares its charset.
    Declared,
    /// Byte statistics: UTF-16 without a mark, UTF-8 with some bad bytes,
    /// or a single-byte code page.
    Detected,
}

/// Text decoded from bytes, with what was decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: Encoding,
    /// How that encoding was chosen.
    pub detected_by: DetectedBy,
    /// Invalid sequences replaced by U+FFFD.
    pub replaced: usize,
    /// What a reader should be told: set when the text was not plain
    /// UTF-8 (another encoding, or bytes replaced).
    pub notice: Option<String>,
}

/// Why bytes were refused as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotText {
    kind: NotTextKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum NotTextKind {
    Nul { offset: usize },
    Controls { count: usize, of: usize },
}

impl NotText {
    /// Where the first NUL byte is, when that is the reason.
    pub fn nul_offset(&self) -> Option<usize> {
        match self.kind {
            NotTextKind::Nul { offset } => Some(offset),
            NotTextKind::Controls { .. } => None,
        }
    }
}

impl fmt::Display for NotText {
    /// Reads after "… is a ": `binary file (NUL byte at offset 8)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            NotTextKind::Nul { offset } => write!(f, "binary file (NUL byte at offset {offset})"),
            NotTextKind::Controls { count, of } => {
                write!(f, "binary file ({count} of its {of} bytes are control characters)")
            }
        }
    }
}

impl std::error::Error for NotText {}

/// Decode a file's bytes, or refuse them as binary data.
///
/// The evidence, strongest first:
///
/// 1. a byte order mark (UTF-8, UTF-16 LE or BE);
/// 2. NUL bytes: UTF-16 without a mark when they fall on every other
///    byte, otherwise binary data, refused;
/// 3. more than one byte in twenty a control character: binary, refused;
/// 4. valid UTF-8 (which no legacy text of any length is by accident,
///    so it wins even over a page's own declaration, which a "save as"
///    may have left stale);
/// 5. for markup, the charset the page declares (`<meta charset>`,
///    `http-equiv="Content-Type"`, `<?xml encoding?>`) in its first 4 KB;
/// 6. UTF-8 with a few bad bytes (more valid multi-byte characters than
///    bad sequences): UTF-8, the bad bytes replaced;
/// 7. otherwise a single-byte code page, chosen by byte statistics:
///    Cyrillic letters come in runs of high bytes (a word), Western
///    accented letters one at a time between ASCII letters; between
///    Windows-1251 and KOI8, the one whose letters have Russian and
///    Ukrainian frequencies.
///
/// ```
/// use factgrid_engine::{decode, Encoding};
///
/// // "Київ відхилив план." in Windows-1251.
/// let bytes = b"\xca\xe8\xbf\xe2 \xe2\xb3\xe4\xf5\xe8\xeb\xe8\xe2 \xef\xeb\xe0\xed.";
/// let d = decode(bytes).unwrap();
/// assert_eq!(d.text, "Київ відхилив план.");
/// assert_eq!(d.encoding, Encoding::Windows1251);
/// assert!(d.notice.unwrap().contains("Windows-1251"));
///
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(utf8(rest, DetectedBy::ByteOrderMark));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, Encoding::Utf16Le, DetectedBy::ByteOrderMark));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, Encoding::Utf16Be, DetectedBy::ByteOrderMark));
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return match utf16_without_mark(bytes) {
            Some(encoding) => Ok(utf16(bytes, encoding, DetectedBy::Detected)),
            None => Err(NotText { kind: NotTextKind::Nul { offset } }),
        };
    }
    let controls = bytes.iter().filter(|&&b| is_binary_control(b)).count();
    if controls * 20 > bytes.len() {
        return Err(NotText { kind: NotTextKind::Controls { count: controls, of: bytes.len() } });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(plain(text.to_owned(), Encoding::Utf8, DetectedBy::Valid));
    }
    let declared = declared_charset(bytes);
    if let Some(label) = declared {
        if let Some(encoding) = Encoding::from_label(label) {
            return Ok(match encoding {
                Encoding::Utf8 => utf8(bytes, DetectedBy::Declared),
                _ => single_byte(bytes, encoding, DetectedBy::Declared),
            });
        }
    }
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if valid_multibyte > invalid {
        return Ok(utf8(bytes, DetectedBy::Detected));
    }
    let mut decoded = single_byte(bytes, detect_single_byte(bytes), DetectedBy::Detected);
    if let (Some(label), Some(notice)) = (declared, &mut decoded.notice) {
        let label: String = label.chars().filter(|c| !c.is_control()).take(40).collect();
        notice.push_str(&format!(
            " (The page declares \u{201c}{label}\u{201d}, which factgrid does not read.)"
        ));
    }
    Ok(decoded)
}

/// Control bytes that do not occur in text (tab, line feed, vertical tab,
/// form feed and carriage return do).
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r')) || b == 0x7f
}

fn plain(text: String, encoding: Encoding, detected_by: DetectedBy) -> Decoded {
    Decoded { text, encoding, detected_by, replaced: 0, notice: None }
}

/// UTF-8, invalid sequences replaced (with a notice when there were any).
fn utf8(bytes: &[u8], detected_by: DetectedBy) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => plain(text.to_owned(), Encoding::Utf8, detected_by),
        Err(_) => {
            let (_, replaced) = utf8_census(bytes);
            let text = String::from_utf8_lossy(bytes).into_owned();
            let notice = Some(match detected_by {
                DetectedBy::Declared => format!(
                    "The page declares UTF-8 but is not valid UTF-8; {replaced} invalid sequence{} replaced by U+FFFD.",
                    if replaced == 1 { " was" } else { "s were" }
                ),
                _ => "The input was not valid UTF-8; invalid bytes were replaced by U+FFFD.".to_owned(),
            });
            Decoded { text, encoding: Encoding::Utf8, detected_by, replaced, notice }
        }
    }
}

/// UTF-16 in the given byte order; unpaired surrogates and an odd last
/// byte become U+FFFD.
fn utf16(bytes: &[u8], encoding: Encoding, detected_by: DetectedBy) -> Decoded {
    let units = bytes.chunks_exact(2).map(|p| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
        _ => u16::from_le_bytes([p[0], p[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2 + 8);
    let mut replaced = 0;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            replaced += 1;
            '\u{fffd}'
        }));
    }
    if bytes.len() % 2 == 1 {
        text.push('\u{fffd}');
        replaced += 1;
    }
    let how =
        if detected_by == DetectedBy::ByteOrderMark { "its byte order mark shows" } else { "its bytes show" };
    let notice = Some(format!("The text was read as {}, as {how}.", encoding.described()));
    Decoded { text, encoding, detected_by, replaced, notice }
}

/// UTF-16 without a byte order mark: in text that is mostly ASCII, every
/// other byte is NUL (the odd ones in little-endian order) and the others
/// almost never are. Judged on the first 4 KB.
fn utf16_without_mark(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 6 && even * 20 <= pairs {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= pairs * 6 && odd * 20 <= pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// How many valid multi-byte characters and how many invalid sequences
/// the bytes hold, read as UTF-8.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.bytes().filter(|&b| b >= 0xC0).count();
                return (valid, invalid);
            }
            Err(e) => {
                let good = e.valid_up_to();
                valid += rest[..good].iter().filter(|&&b| b >= 0xC0).count();
                invalid += 1;
                let skip = good + e.error_len().unwrap_or(rest.len() - good);
                rest = &rest[skip.min(rest.len())..];
            }
        }
    }
}

/// A single-byte encoding: ASCII as it is, the high half from the table.
fn single_byte(bytes: &[u8], encoding: Encoding, detected_by: DetectedBy) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        if b < 0x80 {
            text.push(char::from(b));
        } else {
            text.push(encoding.high(b));
        }
    }
    let notice = Some(match detected_by {
        DetectedBy::Declared => {
            format!("The text was read as {}, as the page declares.", encoding.described())
        }
        _ => format!(
            "The text is not valid UTF-8; it was read as {}, the encoding its bytes suggest.",
            encoding.described()
        ),
    });
    Decoded { text, encoding, detected_by, replaced: 0, notice }
}

/// Cyrillic or Western, and which Cyrillic code page.
///
/// A Cyrillic word is a run of high bytes; a Western accented letter sits
/// between ASCII letters (`café`, `Größe`). So Cyrillic when pairs of
/// adjacent high letters clearly outnumber high letters touching ASCII
/// letters. Then Windows-1251 or KOI8 by which reading gives the more
/// frequent Russian and Ukrainian letters (case-blind, so that a headline
/// in capitals reads right).
fn detect_single_byte(bytes: &[u8]) -> Encoding {
    let high_letter = |b: u8| {
        b >= 0x80
            && (Encoding::Windows1251.high(b).is_alphabetic()
                || Encoding::Windows1252.high(b).is_alphabetic())
    };
    let (mut high_pairs, mut mixed) = (0usize, 0usize);
    for w in bytes.windows(2) {
        let (a, b) = (w[0], w[1]);
        match (high_letter(a), high_letter(b)) {
            (true, true) => high_pairs += 1,
            (true, false) if b.is_ascii_alphabetic() => mixed += 1,
            (false, true) if a.is_ascii_alphabetic() => mixed += 1,
            _ => {}
        }
    }
    if high_pairs <= 2 * mixed {
        return Encoding::Windows1252;
    }
    let (mut cp1251, mut koi8) = (0u64, 0u64);
    let mut ukrainian_koi8 = false;
    for &b in bytes.iter().filter(|&&b| b >= 0x80) {
        cp1251 += letter_frequency(Encoding::Windows1251.high(b));
        koi8 += letter_frequency(Encoding::Koi8U.high(b));
        ukrainian_koi8 |= matches!(b, 0xA4 | 0xA6 | 0xA7 | 0xAD | 0xB4 | 0xB6 | 0xB7 | 0xBD);
    }
    match (koi8 > cp1251, ukrainian_koi8) {
        (true, true) => Encoding::Koi8U,
        (true, false) => Encoding::Koi8R,
        _ => Encoding::Windows1251,
    }
}

/// How often a letter occurs in Russian and Ukrainian news text, per
/// thousand letters (rounded; case-blind). Other characters: 0.
fn letter_frequency(c: char) -> u64 {
    // Cyrillic capitals folded by hand (Unicode case tables cost the
    // widget 16 KB): А–Я are 0x20 below а–я, Ѐ–Џ 0x50 below ѐ–џ, Ґ one.
    let lower = match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        'Ґ' => 'ґ',
        c => c,
    };
    match lower {
        'о' => 110,
        'е' => 85,
        'а' => 80,
        'и' => 74,
        'н' => 67,
        'т' => 63,
        'с' => 55,
        'і' => 50,
        'р' => 47,
        'в' => 45,
        'л' => 44,
        'к' => 35,
        'м' => 32,
        'д' => 30,
        'п' => 28,
        'у' => 26,
        'я' => 20,
        'ы' => 19,
        'ь' | 'г' => 17,
        'з' | 'б' => 16,
        'ч' => 14,
        'й' => 12,
        'х' => 10,
        'ж' => 9,
        'ш' => 7,
        'ю' | 'ї' => 6,
        'ц' => 5,
        'щ' | 'є' => 4,
        'э' | 'ф' => 3,
        'ъ' | 'ё' | 'ґ' => 1,
        _ => 0,
    }
}

/// Whether the bytes start like markup: `<` after any white space.
fn looks_like_markup(bytes: &[u8]) -> bool {
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// The charset a page declares in its first 4 KB: `<meta charset=…>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or
/// `<?xml … encoding="…"?>`. Only for bytes that start like markup.
fn declared_charset(bytes: &[u8]) -> Option<&str> {
    if !looks_like_markup(bytes) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &lower[from..]).map(|i| from + i) {
        from = i + 1;
        let tag_end = memchr::memchr(b'>', &lower[i..]).map_or(lower.len(), |e| i + e);
        let tag = &lower[i..tag_end];
        let key: &[u8] = if tag.starts_with(b"<meta") {
            b"charset"
        } else if tag.starts_with(b"<?xml") {
            b"encoding"
        } else {
            continue;
        };
        let Some(k) = tag.windows(key.len()).position(|w| w == key) else { continue };
        let mut j = i + k + key.len();
        let skip_space = |j: &mut usize| {
            while *j < tag_end && lower[*j].is_ascii_whitespace() {
                *j += 1;
            }
        };
        skip_space(&mut j);
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        skip_space(&mut j);
        while j < tag_end && matches!(lower[j], b'"' | b'\'') {
            j += 1;
        }
        let start = j;
        while j < tag_end
            && (lower[j].is_ascii_alphanumeric() || matches!(lower[j], b'-' | b'_' | b'.' | b':'))
        {
            j += 1;
        }
        if j > start {
            return std::str::from_utf8(&head[start..j]).ok();
        }
    }
    None
}

#[cfg(test)]
mod tests;
