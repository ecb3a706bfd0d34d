//! Languages: which one a text is written in, told from its letters.
//!
//! The built-in profiles cover English, Russian and Ukrainian. A text is
//! Russian or Ukrainian when most of its letters are Cyrillic; which of the
//! two is decided by the letters only one of them uses (`і ї є ґ` are
//! Ukrainian, `ы э ё ъ` Russian), counted over the whole text so that a
//! quoted word of the other language does not tip it. Anything else is
//! English. Detection reads each character once and allocates nothing.

/// How much of a text [`Language::detect`] reads: enough for any article,
/// and the cost of detection stays bounded for a long one.
pub const DETECT_BYTES: usize = 64 * 1024;

/// A language factgrid can tell apart and has a built-in profile for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// English (`en`).
    English,
    /// Russian (`ru`).
    Russian,
    /// Ukrainian (`uk`).
    Ukrainian,
}

impl Language {
    /// Every language with a built-in profile, English first.
    pub const ALL: [Language; 3] = [Language::English, Language::Russian, Language::Ukrainian];

    /// Is this language read by this build? English always; Russian and
    /// Ukrainian with the engine's `cased-languages` feature (on by
    /// default).
    pub fn is_supported(self) -> bool {
        self == Language::English || cfg!(feature = "cased-languages")
    }

    /// The ISO 639-1 code (`en`, `ru`, `uk`), as reports and profiles write it.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Russian => "ru",
            Language::Ukrainian => "uk",
        }
    }

    /// The language's English name.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Russian => "Russian",
            Language::Ukrainian => "Ukrainian",
        }
    }

    /// The language with code `code` (`en`, `ru`, `uk`; any case).
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language `text` is written in (see the module documentation),
    /// told from its first [`DETECT_BYTES`].
    pub fn detect(text: &str) -> Language {
        let (mut latin, mut cyrillic, mut ukrainian, mut russian) = (0usize, 0usize, 0usize, 0usize);
        // Byte by byte: an ASCII letter, or the lead byte of a Cyrillic
        // letter (U+0400–U+04FF: 0xD0–0xD3) with the byte after it.
        let b = &text.as_bytes()[..text.len().min(DETECT_BYTES)];
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c < 0x80 {
                latin += c.is_ascii_alphabetic() as usize;
                i += 1;
                continue;
            }
            if (0xD0..=0xD3).contains(&c) && i + 1 < b.len() {
                cyrillic += 1;
                match (c, b[i + 1]) {
                    // і ї є ґ, І Ї Є Ґ
                    (0xD1, 0x96 | 0x97 | 0x94) | (0xD2, 0x91 | 0x90) | (0xD0, 0x86 | 0x87 | 0x84) => {
                        ukrainian += 1
                    }
                    // ы э ё ъ, Ы Э Ё Ъ
                    (0xD1, 0x8B | 0x8D | 0x91 | 0x8A) | (0xD0, 0xAB | 0xAD | 0x81 | 0xAA) => russian += 1,
                    _ => {}
                }
                i += 2;
                continue;
            }
            i += 1;
        }
        if cyrillic == 0 || cyrillic <= latin {
            Language::English
        } else if ukrainian > russian {
            Language::Ukrainian
        } else {
            // (Cyrillic without any telling letter, a few words at most, is
            // read as Russian, the more widely written of the two.)
            Language::Russian
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// `word` in lower case (as [`crate::text::fold_case`]), without
/// allocating for ASCII words that are lower case already.
pub(crate) fn lower_word(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(crate::text::fold_case(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        let cases = [
            ("Moscow rejected the truce.", Language::English),
            ("", Language::English),
            ("12 345 — 67", Language::English),
            ("Путин поддержал перемирие, но выдвинул условия.", Language::Russian),
            ("Зеленський заявив, що Україна готова до припинення вогню.", Language::Ukrainian),
            // A Ukrainian place name in a Russian text, a Russian word in a Ukrainian one.
            (
                "В Кремле отвергли идею, которую в Києві назвали разумной. Это вызвало вопросы.",
                Language::Russian,
            ),
            ("Кремль назвав це «передышкой», але Україна не погодилася і наполягає.", Language::Ukrainian),
            // An English text quoting a Russian word.
            ("The Kremlin called it a «передышка», a mere respite.", Language::English),
            ("ПУТИН ОБЪЯВИЛ", Language::Russian),
            ("ЗЕЛЕНСЬКИЙ ЗАЯВИВ: ЇЇ", Language::Ukrainian),
        ];
        for (text, want) in cases {
            assert_eq!(Language::detect(text), want, "{text:?}");
        }
    }

    #[test]
    fn codes() {
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
        assert_eq!(Language::from_code("RU"), Some(Language::Russian));
        assert_eq!(Language::from_code("de"), None);
    }

    #[test]
    fn lower_words() {
        assert_eq!(lower_word("Київ"), "київ");
        assert_eq!(lower_word("Кремлём"), "кремлем");
        assert_eq!(lower_word("said"), "said");
    }
}
