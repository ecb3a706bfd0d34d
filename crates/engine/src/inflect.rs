//! Inflection: the forms of a word, written once in a profile.
//!
//! Russian and Ukrainian change a word's ending with its case, number and
//! gender (`Путин`, `Путина`, `Путину`, `Путиным`); a profile writes the
//! stem once with a marker, and the forms are made when the profile is
//! compiled:
//!
//! - `Путин{surname}`: the stem and the endings of the paradigm `surname`
//!   in `lexicon.inflections`, each form tagged with its cases;
//! - `заявил{,а,о,и}`: the stem and the endings listed inline (an empty
//!   ending is the stem itself), forms without a case.
//!
//! In a phrase, every word with a paradigm takes the ending of the same
//! case (`Бел{adj} дом{m}`: `Белый дом`, `Белого дома`, `Белому дому` …),
//! words without a marker stay as written, and inline lists multiply. A
//! pattern without any marker is its only form.
//!
//! The cases of a party's name tell the rules what the name does in a
//! sentence (a subject is nominative; `предложение Вашингтона` has the
//! owner in the genitive; `предложенный Вашингтоном` the agent in the
//! instrumental); English names have no case.

use std::collections::BTreeMap;

use crate::profile::Paradigm;

/// A set of grammatical cases. Empty: no case is known (English, or a word
/// whose form does not say).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Cases(u8);

impl Cases {
    pub(crate) const NONE: Cases = Cases(0);
    pub(crate) const NOM: Cases = Cases(1);
    pub(crate) const GEN: Cases = Cases(2);
    pub(crate) const DAT: Cases = Cases(4);
    pub(crate) const ACC: Cases = Cases(8);
    pub(crate) const INS: Cases = Cases(16);
    pub(crate) const LOC: Cases = Cases(32);
    /// An indeclinable word (`США`, `Минобороны`): any case.
    pub(crate) const ALL: Cases = Cases(63);

    /// The six cases in paradigm order, with their names in profiles.
    const NAMED: [(&'static str, Cases); 6] = [
        ("nom", Cases::NOM),
        ("gen", Cases::GEN),
        ("dat", Cases::DAT),
        ("acc", Cases::ACC),
        ("ins", Cases::INS),
        ("loc", Cases::LOC),
    ];

    /// The case named `name` (`nom` … `loc`), or none.
    pub(crate) fn from_name(name: &str) -> Cases {
        Cases::NAMED.iter().find(|(n, _)| *n == name).map_or(Cases::NONE, |&(_, c)| c)
    }

    pub(crate) fn union(self, other: Cases) -> Cases {
        Cases(self.0 | other.0)
    }

    /// Is the form known, and may it be in case `c`?
    pub(crate) fn may_be(self, c: Cases) -> bool {
        self.0 & c.0 != 0
    }

    /// Is any case known?
    pub(crate) fn known(self) -> bool {
        self.0 != 0
    }

    /// Known, and only in (some of) the cases `c`.
    pub(crate) fn only(self, c: Cases) -> bool {
        self.0 != 0 && self.0 & !c.0 == 0
    }

    /// The case names (`nom gen`).
    #[cfg(test)]
    pub(crate) fn names(self) -> String {
        let v: Vec<&str> = Cases::NAMED.iter().filter(|(_, c)| self.may_be(*c)).map(|(n, _)| *n).collect();
        v.join(" ")
    }
}

impl Paradigm {
    /// The endings for case slot `k` (0..6 the cases, 6 no case).
    fn slot(&self, k: usize) -> &[String] {
        match k {
            0 => &self.nom,
            1 => &self.gen,
            2 => &self.dat,
            3 => &self.acc,
            4 => &self.ins,
            5 => &self.loc,
            _ => &self.any,
        }
    }

    fn has_cases(&self) -> bool {
        (0..6).any(|k| !self.slot(k).is_empty())
    }
}

/// The most forms one pattern may make.
pub(crate) const MAX_FORMS: usize = 512;

/// One word of a pattern (or one part of a hyphenated word): its stem and
/// what follows it, and what joins it to the word before (a space or a
/// hyphen, none for the first).
enum Part<'p> {
    Fixed(&'static str, &'p str),
    Inline(&'static str, &'p str, Vec<&'p str>),
    Paradigm(&'static str, &'p str, &'p Paradigm),
}

/// Why a pattern's markers are wrong.
pub(crate) fn check(pattern: &str, paradigms: &BTreeMap<String, Paradigm>) -> Result<(), String> {
    parts(pattern, paradigms).map(|_| ())
}

fn parts<'p>(pattern: &'p str, paradigms: &'p BTreeMap<String, Paradigm>) -> Result<Vec<Part<'p>>, String> {
    let mut out = Vec::new();
    for (w, whole) in pattern.split_whitespace().enumerate() {
        // A hyphenated word may inflect in each part (`держав{f}-агресор{ma}`).
        let pieces: Vec<&str> = if whole.contains("}-") { whole.split('-').collect() } else { vec![whole] };
        for (k, word) in pieces.into_iter().enumerate() {
            let sep = match (w, k) {
                (0, 0) => "",
                (_, 0) => " ",
                _ => "-",
            };
            let Some(open) = word.find('{') else {
                if word.contains('}') {
                    return Err(format!("\"{word}\" has a '}}' without '{{'"));
                }
                out.push(Part::Fixed(sep, word));
                continue;
            };
            let (stem, rest) = word.split_at(open);
            let Some(inner) = rest[1..].strip_suffix('}') else {
                return Err(format!(
                    "\"{word}\": a marker is `stem{{paradigm}}` or `stem{{a,b}}` at the end of a word"
                ));
            };
            if inner.contains(['{', '}']) {
                return Err(format!("\"{word}\" has nested braces"));
            }
            if let Some(p) = paradigms.get(inner) {
                out.push(Part::Paradigm(sep, stem, p));
            } else if inner.contains(',') || !inner.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                out.push(Part::Inline(sep, stem, inner.split(',').collect()));
            } else {
                return Err(format!("\"{word}\": no paradigm \"{inner}\" in lexicon.inflections"));
            }
        }
    }
    Ok(out)
}

/// The forms of `pattern` with their cases (see the module documentation),
/// each once (cases of equal forms joined), in a stable order. A pattern
/// with a bad marker is its only form.
pub(crate) fn forms(pattern: &str, paradigms: &BTreeMap<String, Paradigm>) -> Vec<(String, Cases)> {
    let Ok(parts) = parts(pattern, paradigms) else { return vec![(pattern.to_string(), Cases::NONE)] };
    let cased = parts.iter().any(|p| matches!(p, Part::Paradigm(_, _, p) if p.has_cases()));
    let mut out: Vec<(String, Cases)> = Vec::new();
    // Case slots: the six cases for a phrase with a cased paradigm, else
    // the one slot without case.
    let slots: &[usize] = if cased { &[0, 1, 2, 3, 4, 5, 6] } else { &[6] };
    for &k in slots {
        let cases = if k < 6 { Cases::NAMED[k].1 } else { Cases::NONE };
        // Each word's possible spellings in this slot.
        let mut choices: Vec<Vec<String>> = Vec::with_capacity(parts.len());
        let mut complete = true;
        for part in &parts {
            let words: Vec<String> = match part {
                Part::Fixed(sep, w) => vec![format!("{sep}{w}")],
                Part::Inline(sep, stem, ends) => ends.iter().map(|e| format!("{sep}{stem}{e}")).collect(),
                Part::Paradigm(sep, stem, p) => {
                    // A case-less paradigm (verb endings) fits every slot.
                    let ends = if p.has_cases() { p.slot(k) } else { p.slot(6) };
                    ends.iter().map(|e| format!("{sep}{stem}{e}")).collect()
                }
            };
            if words.is_empty() {
                complete = false;
                break;
            }
            choices.push(words);
        }
        if !complete {
            continue;
        }
        let mut phrases = vec![String::new()];
        for words in &choices {
            let mut next = Vec::with_capacity(phrases.len() * words.len());
            for p in &phrases {
                for w in words {
                    if next.len() + out.len() >= MAX_FORMS {
                        break;
                    }
                    next.push(format!("{p}{w}"));
                }
            }
            phrases = next;
        }
        for p in phrases {
            match out.iter_mut().find(|(f, _)| *f == p) {
                Some((_, c)) => *c = c.union(cases),
                None => out.push((p, cases)),
            }
        }
    }
    out
}

/// Every form of every pattern of `list`, without cases.
pub(crate) fn expand_all(list: &[String], paradigms: &BTreeMap<String, Paradigm>) -> Vec<String> {
    // (Without the `cased-languages` feature, words are read as written.)
    if !cfg!(feature = "cased-languages") || paradigms.is_empty() && !list.iter().any(|w| w.contains('{')) {
        return list.to_vec();
    }
    let mut out = Vec::with_capacity(list.len());
    for w in list {
        out.extend(forms(w, paradigms).into_iter().map(|(f, _)| f));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paradigms() -> BTreeMap<String, Paradigm> {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut m = BTreeMap::new();
        m.insert(
            "m".to_string(),
            Paradigm {
                nom: v(&[""]),
                gen: v(&["а"]),
                dat: v(&["у"]),
                acc: v(&[""]),
                ins: v(&["ом"]),
                loc: v(&["е"]),
                any: vec![],
            },
        );
        m.insert(
            "adj".to_string(),
            Paradigm {
                nom: v(&["ый"]),
                gen: v(&["ого"]),
                dat: v(&["ому"]),
                acc: v(&["ый"]),
                ins: v(&["ым"]),
                loc: v(&["ом"]),
                any: vec![],
            },
        );
        m.insert("past".to_string(), Paradigm { any: v(&["", "а", "о", "и"]), ..Paradigm::default() });
        m
    }

    fn shown(pattern: &str) -> Vec<String> {
        forms(pattern, &paradigms()).into_iter().map(|(f, c)| format!("{f}:{}", c.names())).collect()
    }

    #[test]
    fn forms_of_patterns() {
        assert_eq!(shown("США"), ["США:"]);
        assert_eq!(
            shown("Вашингтон{m}"),
            ["Вашингтон:nom acc", "Вашингтона:gen", "Вашингтону:dat", "Вашингтоном:ins", "Вашингтоне:loc"]
        );
        assert_eq!(shown("Бел{adj} дом{m}")[1], "Белого дома:gen");
        assert_eq!(shown("глав{m} Кремля")[2], "главу Кремля:dat");
        assert_eq!(shown("заявил{past}"), ["заявил:", "заявила:", "заявило:", "заявили:"]);
        assert_eq!(shown("сказал{,а,и} о"), ["сказал о:", "сказала о:", "сказали о:"]);
        assert_eq!(shown("бел{ый,ая} дом{,а}").len(), 4);
        assert_eq!(shown("держав{m}-агресор{m}")[1], "держава-агресора:gen");
        assert_eq!(shown("пресс-секретар{m}")[0], "пресс-секретар:nom acc");
    }

    #[test]
    fn bad_markers() {
        let p = paradigms();
        assert!(check("Путин{surname}", &p).unwrap_err().contains("no paradigm \"surname\""));
        assert!(check("Путин{m", &p).is_err());
        assert!(check("Пу{m}тин", &p).is_err());
        assert!(check("Путин}", &p).is_err());
        assert!(check("Путин{m}", &p).is_ok());
        assert_eq!(forms("Путин{m", &p), [("Путин{m".to_string(), Cases::NONE)]);
    }

    #[test]
    fn forms_are_bounded() {
        let many = "a{1,2,3,4,5,6,7,8,9} ".repeat(6);
        assert!(forms(&many, &paradigms()).len() <= MAX_FORMS);
    }
}
