use super::*;

/// Encode `s` in a single-byte encoding by searching its table (the
/// tests' own encoder, so that the byte strings below are readable).
fn encode(s: &str, encoding: Encoding) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if (c as u32) < 0x80 {
                c as u8
            } else {
                (0x80..=0xFFu8)
                    .find(|&b| encoding.high(b) == c)
                    .unwrap_or_else(|| panic!("{c} in {encoding}"))
            }
        })
        .collect()
}

const RUSSIAN: &str = "Кремль отверг предложение о перемирии. «Мы не согласимся», — заявил Песков.";
const UKRAINIAN: &str = "Київ відхилив план щодо Криму. Зеленський заявив, що Україна не віддасть територій.";
const FRENCH: &str =
    "Le Kremlin a rejeté la proposition de cessez-le-feu, a déclaré le porte-parole à Moscou.";
const GERMAN: &str =
    "Die Ukraine lehnt Gebietsabtretungen ab, sagte Selenskyj. Größere Zugeständnisse gäbe es nicht.";

#[test]
fn the_tables_read_hand_typed_bytes() {
    // Bytes typed from the code charts, not from the tables.
    assert_eq!(decode(b"\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0!").unwrap().text, "Привет, мир!");
    assert_eq!(decode(b"\xa8\xeb\xea\xe0 \xb8\xe6").unwrap().text, "Ёлка ёж");
    assert_eq!(decode(b"\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2!").unwrap().text, "Привет, мир!");
    assert_eq!(
        decode(b"caf\xe9 na\xefve \x93quoted\x94 \x80 \x96 ok").unwrap().text,
        "café naïve “quoted” € – ok"
    );
    assert_eq!(single_byte(b"\xa4 \xbd\xbe", Encoding::Iso8859_15, DetectedBy::Declared).text, "€ œŸ");
}

#[test]
fn russian_and_ukrainian_in_windows_1251() {
    for text in [RUSSIAN, UKRAINIAN, "Путин", "КРЕМЛЬ ОТВЕРГ ПЛАН"] {
        let d = decode(&encode(text, Encoding::Windows1251)).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.detected_by),
            (text, Encoding::Windows1251, DetectedBy::Detected)
        );
        assert!(d.notice.as_deref().unwrap().contains("read as Windows-1251 (Cyrillic)"), "{:?}", d.notice);
    }
    // Latin names inside Cyrillic text do not tip it.
    let mixed = "Агентство Reuters и CNN сообщили, что NATO и Пентагон обсуждают план.";
    assert_eq!(decode(&encode(mixed, Encoding::Windows1251)).unwrap().text, mixed);
}

#[test]
fn russian_and_ukrainian_in_koi8() {
    // KOI8 has no guillemets or dashes.
    let russian = "Кремль отверг предложение о перемирии, заявил Песков. Ответ будет дан позже.";
    let d = decode(&encode(russian, Encoding::Koi8R)).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (russian, Encoding::Koi8R));
    let d = decode(&encode(UKRAINIAN, Encoding::Koi8U)).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (UKRAINIAN, Encoding::Koi8U));
    let caps = "КРЕМЛЬ ОТВЕРГ ПРЕДЛОЖЕНИЕ О ПЕРЕМИРИИ";
    assert_eq!(decode(&encode(caps, Encoding::Koi8R)).unwrap().text, caps);
}

#[test]
fn french_and_german_in_latin_1() {
    for text in [FRENCH, GERMAN, "café", "Größe", "Ça va", "naïve à Paris"] {
        let d = decode(&encode(text, Encoding::Windows1252)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Windows1252), "{text}");
        assert!(d.notice.as_deref().unwrap().contains("Windows-1252 (Western European, Latin-1)"));
    }
}

#[test]
fn utf8_with_and_without_mark_has_no_notice() {
    for bytes in [
        &b"\xef\xbb\xbfKyiv \xe2\x80\x94 \xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2"[..],
        b"Kyiv \xe2\x80\x94 \xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2",
    ] {
        let d = decode(bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.notice), ("Kyiv — Київ", Encoding::Utf8, None));
    }
    assert_eq!(decode(b"").unwrap().text, "");
    assert_eq!(decode(b"\xef\xbb\xbf").unwrap().text, "");
}

#[test]
fn utf16_with_a_mark_and_without() {
    let text = "Київ rejected the truce — “no”.";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with = |mark: &[u8], body: &[u8]| [mark, body].concat();
    let d = decode(&with(b"\xff\xfe", &le)).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding, d.detected_by),
        (text, Encoding::Utf16Le, DetectedBy::ByteOrderMark)
    );
    assert_eq!(
        d.notice.as_deref(),
        Some("The text was read as UTF-16 (little-endian), as its byte order mark shows.")
    );
    let d = decode(&with(b"\xfe\xff", &be)).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Utf16Be));
    // Without a mark: NUL on every other byte.
    let d = decode(&le).unwrap();
    assert_eq!((d.text.as_str(), d.encoding, d.detected_by), (text, Encoding::Utf16Le, DetectedBy::Detected));
    assert_eq!(decode(&be).unwrap().text, text);
    // An odd last byte and an unpaired surrogate.
    let d = decode(b"\xff\xfeK\0\x00\xd8y\0!").unwrap();
    assert_eq!((d.text.as_str(), d.replaced), ("K\u{fffd}y\u{fffd}", 2));
}

#[test]
fn binary_data_is_refused_with_a_reason() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR Moscow rejected the truce.";
    let e = decode(png).unwrap_err();
    assert_eq!((e.to_string().as_str(), e.nul_offset()), ("binary file (NUL byte at offset 8)", Some(8)));
    let controls: Vec<u8> = (0..200u8).map(|i| if i % 4 == 0 { 0x01 } else { b'a' }).collect();
    assert_eq!(
        decode(&controls).unwrap_err().to_string(),
        "binary file (50 of its 200 bytes are control characters)"
    );
    // A few control characters in text are the engine's to report.
    assert!(decode(b"Moscow rejected \x07the truce.\x0c Next page.").is_ok());
}

#[test]
fn utf8_with_a_few_bad_bytes_stays_utf8() {
    let d = decode(b"Kyiv \xe2\x80\x94 \xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 \xff rejected").unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding, d.replaced),
        ("Kyiv — Київ \u{fffd} rejected", Encoding::Utf8, 1)
    );
    assert!(d.notice.unwrap().contains("not valid UTF-8"));
}

#[test]
fn a_declared_charset_wins_over_statistics_but_not_over_valid_utf8() {
    let page = |charset: &str, body: &[u8]| {
        [
            format!("<!doctype html><html><head><meta charset=\"{charset}\"><title>").as_bytes(),
            body,
            b"</title>",
        ]
        .concat()
    };
    // "café" alone would be read as Latin-1; the page says KOI8-R.
    let d = decode(&page("koi8-r", b"\xf0\xd5\xd4\xc9\xce")).unwrap();
    assert!(d.text.contains("Путин"), "{}", d.text);
    assert_eq!((d.encoding, d.detected_by), (Encoding::Koi8R, DetectedBy::Declared));
    assert_eq!(d.notice.as_deref(), Some("The text was read as KOI8-R (Cyrillic), as the page declares."));
    let http_equiv = b"<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; Charset=Windows-1251'>\xcf\xf3\xf2\xe8\xed";
    assert_eq!(decode(http_equiv).unwrap().encoding, Encoding::Windows1251);
    let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>caf\xe9</p>";
    assert_eq!(decode(xml).unwrap().text, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>café</p>");
    // A page saved again as UTF-8 keeps its old declaration: the bytes win.
    let d = decode(&page("windows-1251", "Путин".as_bytes())).unwrap();
    assert_eq!((d.encoding, d.detected_by, d.notice), (Encoding::Utf8, DetectedBy::Valid, None));
    // A label factgrid does not read falls back to statistics, and says so.
    let d = decode(&page("shift_jis", b"caf\xe9")).unwrap();
    assert_eq!(d.encoding, Encoding::Windows1252);
    assert!(d.notice.unwrap().contains("declares \u{201c}shift_jis\u{201d}"));
    // Plain text never has its charset sniffed.
    assert_eq!(
        decode(b"Set <meta charset=koi8-r> \xcf\xf3\xf2\xe8\xed").unwrap().encoding,
        Encoding::Windows1251
    );
}

#[test]
fn labels() {
    for (label, want) in [
        ("UTF-8", Some(Encoding::Utf8)),
        (" latin1 ", Some(Encoding::Windows1252)),
        ("ISO-8859-1", Some(Encoding::Windows1252)),
        ("cp1251", Some(Encoding::Windows1251)),
        ("koi8-u", Some(Encoding::Koi8U)),
        ("gb2312", None),
    ] {
        assert_eq!(Encoding::from_label(label), want, "{label}");
    }
}
