//! Character references: `&amp;`, `&nbsp;`, `&#8212;`, `&#x41;`.
//!
//! Named references are the HTML 4 set (every Latin-1, Greek, typographic
//! and mathematical name; 253 of them), `&apos;` and a few HTML5 names
//! common in news pages, with their HTML5 values; the rest of HTML5's
//! 2,231 names (`&NotSquareSupersetEqual;`) would cost more bytes of wasm
//! than news text ever uses. As in browsers, the Latin-1 names and `amp`,
//! `lt`, `gt`, `quot` are also read without a semicolon (`&nbsp`), and
//! numeric references in 0x80–0x9F mean their Windows-1252 characters
//! (`&#146;` is ’). Anything else stays as text: `AT&T`, `&bogus;`,
//! `&#xD800;`.

/// The character the reference at the start of `s` (which starts with
/// `&`) stands for, and how many bytes it takes; `None` when it is not a
/// reference this reads. Looks at most 40 bytes ahead.
pub(super) fn reference(s: &str, in_attribute: bool) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (radix, from) = match b.get(2) {
            Some(b'x' | b'X') => (16, 3),
            _ => (10, 2),
        };
        let digits = b
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take(9)
            .take_while(|d| char::from(**d).is_digit(radix))
            .count();
        if digits == 0 || digits > 8 {
            return None;
        }
        let value = u32::from_str_radix(&s[from..from + digits], radix).ok()?;
        let end = from + digits;
        let len = if b.get(end) == Some(&b';') { end + 1 } else { end };
        return numeric(value).map(|c| (c, len));
    }
    let name_len =
        b.get(1..).unwrap_or_default().iter().take(32).take_while(|c| c.is_ascii_alphanumeric()).count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    if b.get(1 + name_len) == Some(&b';') {
        if let Some(c) = named(name) {
            return Some((c, name_len + 2));
        }
    }
    // Without a semicolon: the longest prefix that is a legacy name
    // (`&notit` is `¬it`); in an attribute only before a character that
    // cannot continue a name, so that `?a=1&copy=2` stays a URL.
    for len in (2..=name_len.min(6)).rev() {
        let Some(c) = named(&name[..len]).filter(|&c| is_legacy(c)) else { continue };
        let next = b.get(1 + len).copied();
        if in_attribute && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == b'=') {
            return None;
        }
        return Some((c, len + 1));
    }
    None
}

/// Names browsers also read without a semicolon: the Latin-1 ones and
/// `amp`, `lt`, `gt`, `quot` (any case).
fn is_legacy(c: char) -> bool {
    matches!(c, '\u{a0}'..='\u{ff}' | '&' | '<' | '>' | '"')
}

/// The `i`th name in [`NAMES`].
fn name_at(i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { usize::from(ENDS[i - 1]) };
    NAMES.get(start..usize::from(ENDS[i])).unwrap_or("")
}

fn named(name: &str) -> Option<char> {
    let (mut lo, mut hi) = (0, ENDS.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match name_at(mid).as_bytes().cmp(name.as_bytes()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return char::from_u32(u32::from(CHARS[mid])),
        }
    }
    None
}

/// A numeric reference's character: Windows-1252's for 0x80–0x9F, as
/// browsers read it; none for NUL, surrogates, values beyond Unicode and
/// control characters other than white space.
fn numeric(value: u32) -> Option<char> {
    if (0x80..0xA0).contains(&value) {
        let c = crate::encoding::windows_1252(value as u8);
        return (!c.is_control()).then_some(c);
    }
    let c = char::from_u32(value)?;
    (!c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c')).then_some(c)
}

/// Every named reference, sorted by name (bytewise) for the binary
/// search: the names end to end in [`NAMES`], where each ends in [`ENDS`],
/// and the character of each in [`CHARS`] (all in the Basic Multilingual
/// Plane). Packed so, the table is 2.6 KB of wasm instead of 4.7 KB as
/// `(&str, char)` pairs. Generated from Python's `html.entities`; a test
/// checks the order.
static NAMES: &str = concat!(
    "AEligAMPAacuteAcircAgraveAlphaAringAtildeAumlBetaCOPYCcedilChiDaggerDeltaETHEacuteEcircEgrave",
    "EpsilonEtaEumlGTGammaIacuteIcircIgraveIotaIumlKappaLTLambdaMuNoBreakNtildeNuOEligOacuteOcirc",
    "OgraveOmegaOmicronOslashOtildeOumlPhiPiPrimePsiQUOTREGRhoScaronSigmaTHORNTauThetaUacuteUcirc",
    "UgraveUpsilonUumlXiYacuteYumlZeroWidthSpaceZetaaacuteacircacuteaeligagravealefsymalphaampandang",
    "aposaringasympatildeaumlbdquobetabrvbarbullcapccedilcedilcentchicircclubscongcopycrarrcupcurren",
    "dArrdaggerdarrdashdegdeltadiamsdivideeacuteecircegraveemptyemspenspepsilonequivetaetheumleuro",
    "existfnofforallfrac12frac14frac34fraslgammagegthArrhairspharrheartshelliphorbarhypheniacute",
    "icirciexcligraveimageinfinintiotaiquestisiniumlkappalArrlambdalanglaquolarrlceilldquoldquorle",
    "lfloorlowastlozlrmlsaquolsquolsquorltmacrmdashmicromiddotminusmunablanbspndashneninotnotinnsub",
    "ntildenuoacuteocircoeligograveolineomegaomicronoplusorordfordmoslashotildeotimesoumlparapart",
    "permilperpphipipivplusmnpoundprimeprodproppsiquotrArrradicrangraquorarrrceilrdquordquorrealreg",
    "rfloorrhorlmrsaquorsquorsquorsbquoscaronsdotsectshysigmasigmafsimspadessubsubesumsupsup1sup2",
    "sup3supeszligtauthere4thetathetasymthinspthorntildetimestradeuArruacuteuarrucircugraveumlupsih",
    "upsilonuumlweierpxiyacuteyenyumlzetazwjzwnj",
);
/// Where each name in [`NAMES`] ends.
static ENDS: [u16; 269] = [
    5, 8, 14, 19, 25, 30, 35, 41, 45, 49, 53, 59, 62, 68, 73, 76, 82, 87, 93, 100, 103, 107, 109, 114, 120,
    125, 131, 135, 139, 144, 146, 152, 154, 161, 167, 169, 174, 180, 185, 191, 196, 203, 209, 215, 219, 222,
    224, 229, 232, 236, 239, 242, 248, 253, 258, 261, 266, 272, 277, 283, 290, 294, 296, 302, 306, 320, 324,
    330, 335, 340, 345, 351, 358, 363, 366, 369, 372, 376, 381, 386, 392, 396, 401, 405, 411, 415, 418, 424,
    429, 433, 436, 440, 445, 449, 453, 458, 461, 467, 471, 477, 481, 485, 488, 493, 498, 504, 510, 515, 521,
    526, 530, 534, 541, 546, 549, 552, 556, 560, 565, 569, 575, 581, 587, 593, 598, 603, 605, 607, 611, 617,
    621, 627, 633, 639, 645, 651, 656, 661, 667, 672, 677, 680, 684, 690, 694, 698, 703, 707, 713, 717, 722,
    726, 731, 736, 742, 744, 750, 756, 759, 762, 768, 773, 779, 781, 785, 790, 795, 801, 806, 808, 813, 817,
    822, 824, 826, 829, 834, 838, 844, 846, 852, 857, 862, 868, 873, 878, 885, 890, 892, 896, 900, 906, 912,
    918, 922, 926, 930, 936, 940, 943, 945, 948, 954, 959, 964, 968, 972, 975, 979, 983, 988, 992, 997, 1001,
    1006, 1011, 1017, 1021, 1024, 1030, 1033, 1036, 1042, 1047, 1053, 1058, 1064, 1068, 1072, 1075, 1080,
    1086, 1089, 1095, 1098, 1102, 1105, 1108, 1112, 1116, 1120, 1124, 1129, 1132, 1138, 1143, 1151, 1157,
    1162, 1167, 1172, 1177, 1181, 1187, 1191, 1196, 1202, 1205, 1210, 1217, 1221, 1227, 1229, 1235, 1238,
    1242, 1246, 1249, 1253,
];
/// The character of each name.
static CHARS: [u16; 269] = [
    0x00C6, 0x0026, 0x00C1, 0x00C2, 0x00C0, 0x0391, 0x00C5, 0x00C3, 0x00C4, 0x0392, 0x00A9, 0x00C7, 0x03A7,
    0x2021, 0x0394, 0x00D0, 0x00C9, 0x00CA, 0x00C8, 0x0395, 0x0397, 0x00CB, 0x003E, 0x0393, 0x00CD, 0x00CE,
    0x00CC, 0x0399, 0x00CF, 0x039A, 0x003C, 0x039B, 0x039C, 0x2060, 0x00D1, 0x039D, 0x0152, 0x00D3, 0x00D4,
    0x00D2, 0x03A9, 0x039F, 0x00D8, 0x00D5, 0x00D6, 0x03A6, 0x03A0, 0x2033, 0x03A8, 0x0022, 0x00AE, 0x03A1,
    0x0160, 0x03A3, 0x00DE, 0x03A4, 0x0398, 0x00DA, 0x00DB, 0x00D9, 0x03A5, 0x00DC, 0x039E, 0x00DD, 0x0178,
    0x200B, 0x0396, 0x00E1, 0x00E2, 0x00B4, 0x00E6, 0x00E0, 0x2135, 0x03B1, 0x0026, 0x2227, 0x2220, 0x0027,
    0x00E5, 0x2248, 0x00E3, 0x00E4, 0x201E, 0x03B2, 0x00A6, 0x2022, 0x2229, 0x00E7, 0x00B8, 0x00A2, 0x03C7,
    0x02C6, 0x2663, 0x2245, 0x00A9, 0x21B5, 0x222A, 0x00A4, 0x21D3, 0x2020, 0x2193, 0x2010, 0x00B0, 0x03B4,
    0x2666, 0x00F7, 0x00E9, 0x00EA, 0x00E8, 0x2205, 0x2003, 0x2002, 0x03B5, 0x2261, 0x03B7, 0x00F0, 0x00EB,
    0x20AC, 0x2203, 0x0192, 0x2200, 0x00BD, 0x00BC, 0x00BE, 0x2044, 0x03B3, 0x2265, 0x003E, 0x21D4, 0x200A,
    0x2194, 0x2665, 0x2026, 0x2015, 0x2010, 0x00ED, 0x00EE, 0x00A1, 0x00EC, 0x2111, 0x221E, 0x222B, 0x03B9,
    0x00BF, 0x2208, 0x00EF, 0x03BA, 0x21D0, 0x03BB, 0x27E8, 0x00AB, 0x2190, 0x2308, 0x201C, 0x201E, 0x2264,
    0x230A, 0x2217, 0x25CA, 0x200E, 0x2039, 0x2018, 0x201A, 0x003C, 0x00AF, 0x2014, 0x00B5, 0x00B7, 0x2212,
    0x03BC, 0x2207, 0x00A0, 0x2013, 0x2260, 0x220B, 0x00AC, 0x2209, 0x2284, 0x00F1, 0x03BD, 0x00F3, 0x00F4,
    0x0153, 0x00F2, 0x203E, 0x03C9, 0x03BF, 0x2295, 0x2228, 0x00AA, 0x00BA, 0x00F8, 0x00F5, 0x2297, 0x00F6,
    0x00B6, 0x2202, 0x2030, 0x22A5, 0x03C6, 0x03C0, 0x03D6, 0x00B1, 0x00A3, 0x2032, 0x220F, 0x221D, 0x03C8,
    0x0022, 0x21D2, 0x221A, 0x27E9, 0x00BB, 0x2192, 0x2309, 0x201D, 0x201D, 0x211C, 0x00AE, 0x230B, 0x03C1,
    0x200F, 0x203A, 0x2019, 0x2019, 0x201A, 0x0161, 0x22C5, 0x00A7, 0x00AD, 0x03C3, 0x03C2, 0x223C, 0x2660,
    0x2282, 0x2286, 0x2211, 0x2283, 0x00B9, 0x00B2, 0x00B3, 0x2287, 0x00DF, 0x03C4, 0x2234, 0x03B8, 0x03D1,
    0x2009, 0x00FE, 0x02DC, 0x00D7, 0x2122, 0x21D1, 0x00FA, 0x2191, 0x00FB, 0x00F9, 0x00A8, 0x03D2, 0x03C5,
    0x00FC, 0x2118, 0x03BE, 0x00FD, 0x00A5, 0x00FF, 0x03B6, 0x200D, 0x200C,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_complete() {
        assert_eq!(
            (ENDS.len(), CHARS.len(), ENDS.last().map(|&e| usize::from(e))),
            (269, 269, Some(NAMES.len()))
        );
        assert!((1..ENDS.len()).all(|i| name_at(i - 1).as_bytes() < name_at(i).as_bytes()));
        // Every Latin-1 character from U+00A0 has a name.
        for c in '\u{a0}'..='\u{ff}' {
            assert!(CHARS.contains(&(c as u16)), "{c:?}");
        }
    }

    #[test]
    fn references() {
        type Case = (&'static str, bool, Option<(char, usize)>);
        let cases: &[Case] = &[
            ("&amp;", false, Some(('&', 5))),
            ("&nbsp;x", false, Some(('\u{a0}', 6))),
            ("&mdash;", false, Some(('\u{2014}', 7))),
            ("&rsquo;s", false, Some(('\u{2019}', 7))),
            ("&euro;", false, Some(('€', 6))),
            ("&Omega;", false, Some(('Ω', 7))),
            ("&#8212;", false, Some(('\u{2014}', 7))),
            ("&#x41;", false, Some(('A', 6))),
            ("&#X41", false, Some(('A', 5))),
            ("&#146;", false, Some(('\u{2019}', 6))),
            ("&#0;", false, None),
            ("&#xD800;", false, None),
            ("&#x110000;", false, None),
            ("&#1;", false, None),
            ("&#123456789;", false, None),
            ("&#;", false, None),
            ("&#x;", false, None),
            ("&bogus;", false, None),
            ("& ", false, None),
            ("&", false, None),
            ("&nbsp", false, Some(('\u{a0}', 5))),
            ("&copy2024", false, Some(('©', 5))),
            ("&notit;", false, Some(('¬', 4))),
            ("&AMP;", false, Some(('&', 5))),
            ("&T", false, None),
            ("&mdash", false, None),
            ("&copy=2", true, None),
            ("&copy;=2", true, Some(('©', 6))),
            ("&amp ", true, Some(('&', 4))),
        ];
        for &(s, attr, want) in cases {
            assert_eq!(reference(s, attr), want, "{s:?} (attribute: {attr})");
        }
    }
}
