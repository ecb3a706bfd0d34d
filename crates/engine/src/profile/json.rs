//! A small reader for the profile's JSON.
//!
//! It reads exactly what the serde derives on the profile's types accept
//! from `serde_json` (objects with the same fields and defaults, unknown
//! fields refused, `null` for the optional ones) and gives errors in the
//! same words, but it is written for this one shape: in the WebAssembly
//! build a generic deserializer per struct cost about 37 KB of gzip, this
//! reader a few. The test below checks it against `serde_json` and the
//! derives.

use std::collections::BTreeMap;

use super::{
    Alias, AliasKind, Bounds, FigureWords, Grammar, Lexicon, MeasureKind, MeasureWords, MetaWords, Paradigm,
    Party, Profile, Topic, TopicWords, UnitWords,
};

/// Why the JSON was refused; `syntax` when it is not JSON at all.
pub(super) struct Error {
    pub(super) message: String,
    pub(super) syntax: bool,
}

type R<T> = Result<T, Error>;

mod syntax;

use syntax::{Fields, Reader};

/// What [`parse`] read besides the profile's fields.
#[derive(Default)]
pub(super) struct Read {
    /// Did the JSON give a lexicon (not `null`)?
    pub(super) lexicon: bool,
    /// The `language` the JSON gave (not `null`).
    pub(super) language: Option<String>,
}

/// Read a profile into `into`, which starts as the defaults (no doc,
/// version 1, no parties or topics, the empty lexicon; its `language` is
/// left alone and returned instead). Filled in place: a lexicon is a large
/// value, and every move of one is hundreds of loads and stores in
/// WebAssembly.
pub(super) fn parse(json: &str, into: &mut Profile) -> R<Read> {
    let mut p = Reader { src: json, i: 0 };
    let read = p.profile(into)?;
    if p.peek().is_some() {
        return Err(p.syntax("trailing characters"));
    }
    Ok(read)
}

impl<'a> Reader<'a> {
    fn word_lists(&mut self) -> R<BTreeMap<String, Vec<String>>> {
        let mut map = BTreeMap::new();
        self.map("a map", &mut |p, key| {
            p.colon()?;
            map.insert(key, p.strings()?);
            Ok(())
        })?;
        Ok(map)
    }

    fn profile(&mut self, raw: &mut Profile) -> R<Read> {
        let mut read = Read::default();
        let mut fields = Fields::new(&["_doc", "version", "language", "parties", "topics", "lexicon"]);
        self.object("RawProfile", &mut fields, 0b011000, &mut |p, n| {
            match n {
                0 => raw.doc = p.opt_str()?,
                1 => raw.version = p.u32()?,
                2 => read.language = p.opt_str()?,
                3 => p.seq(&mut |p| {
                    raw.parties.push(p.party()?);
                    Ok(())
                })?,
                4 => p.seq(&mut |p| {
                    raw.topics.push(p.topic()?);
                    Ok(())
                })?,
                _ => {
                    read.lexicon = !p.is_null()?;
                    if read.lexicon {
                        p.lexicon(&mut raw.lexicon)?;
                    }
                }
            }
            Ok(())
        })?;
        Ok(read)
    }

    fn party(&mut self) -> R<Party> {
        let mut party = Party { id: String::new(), label: String::new(), aliases: Vec::new() };
        let mut fields = Fields::new(&["id", "label", "aliases"]);
        self.object("Party", &mut fields, 0b111, &mut |p, n| {
            match n {
                0 => party.id = p.str()?,
                1 => party.label = p.str()?,
                _ => p.seq(&mut |p| {
                    party.aliases.push(p.alias()?);
                    Ok(())
                })?,
            }
            Ok(())
        })?;
        Ok(party)
    }

    fn alias(&mut self) -> R<Alias> {
        let mut alias =
            Alias { text: String::new(), kind: AliasKind::Person, gender: None, case_sensitive: false };
        let mut fields = Fields::new(&["text", "kind", "gender", "case_sensitive"]);
        self.object("Alias", &mut fields, 0b11, &mut |p, n| {
            match n {
                0 => alias.text = p.str()?,
                1 => alias.kind = p.alias_kind()?,
                2 => alias.gender = p.opt_str()?,
                _ => alias.case_sensitive = p.bool()?,
            }
            Ok(())
        })?;
        Ok(alias)
    }

    fn alias_kind(&mut self) -> R<AliasKind> {
        let name = match self.peek() {
            Some(b'"') => self.string()?,
            // `{"country": null}`, which serde_json also reads.
            Some(b'{') => {
                self.i += 1;
                match self.peek() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.syntax("expected value")),
                    Some(_) => return Err(self.syntax("key must be a string")),
                    None => return Err(self.syntax("EOF while parsing an object")),
                }
                let name = self.string()?;
                let kind = self.alias_kind_named(&name)?;
                self.colon()?;
                if !self.is_null()? {
                    return Err(self.invalid_type("unit"));
                }
                match self.peek() {
                    Some(b'}') => self.i += 1,
                    Some(_) => return Err(self.syntax("expected value")),
                    None => return Err(self.syntax("EOF while parsing an object")),
                }
                return Ok(kind);
            }
            Some(_) => return Err(self.syntax("expected value")),
            None => return Err(self.syntax("EOF while parsing a value")),
        };
        self.alias_kind_named(&name)
    }

    fn alias_kind_named(&self, name: &str) -> R<AliasKind> {
        const KINDS: [AliasKind; 7] = [
            AliasKind::Person,
            AliasKind::Title,
            AliasKind::Institution,
            AliasKind::Country,
            AliasKind::Capital,
            AliasKind::Demonym,
            AliasKind::Group,
        ];
        KINDS.into_iter().find(|k| k.name() == name).ok_or_else(|| {
            let known: Vec<String> = KINDS.iter().map(|k| format!("`{}`", k.name())).collect();
            self.data(&format!("unknown variant `{name}`, expected one of {}", known.join(", ")))
        })
    }

    fn topic(&mut self) -> R<Topic> {
        let mut topic = Topic {
            id: String::new(),
            label: String::new(),
            terms: Vec::new(),
            anaphors: Vec::new(),
            weak_terms: Vec::new(),
            context_terms: Vec::new(),
            actions_first: false,
            agreed_outcome: false,
        };
        let mut fields = Fields::new(&[
            "id",
            "label",
            "terms",
            "anaphors",
            "weak_terms",
            "context_terms",
            "actions_first",
            "agreed_outcome",
        ]);
        self.object("Topic", &mut fields, 0b111, &mut |p, n| {
            match n {
                0 => topic.id = p.str()?,
                1 => topic.label = p.str()?,
                2 => topic.terms = p.strings()?,
                3 => topic.anaphors = p.strings()?,
                4 => topic.weak_terms = p.strings()?,
                5 => topic.context_terms = p.strings()?,
                6 => topic.actions_first = p.bool()?,
                _ => topic.agreed_outcome = p.bool()?,
            }
            Ok(())
        })?;
        Ok(topic)
    }

    // (Over 80 lines: one arm per lexicon field, in the order the struct declares them.)
    fn lexicon(&mut self, l: &mut Lexicon) -> R<()> {
        let mut fields = Fields::new(&[
            "other_issues",
            "requests",
            "furniture",
            "yields",
            "addressee_verbs",
            "generic_titles",
            "speaker_refs",
            "dual_refs",
            "roles",
            "verbs",
            "speech_verbs",
            "according_to",
            "stance",
            "negators",
            "hedges",
            "conditions",
            "idioms",
            "pronouns",
            "prepositions",
            "abbreviations",
            "grammar",
            "figures",
            "inflections",
            "topic_words",
            "measures",
            "meta",
        ]);
        self.object("Lexicon", &mut fields, 0, &mut |p, n| {
            let list = match n {
                0 => &mut l.other_issues,
                1 => &mut l.requests,
                2 => &mut l.furniture,
                3 => &mut l.yields,
                4 => &mut l.addressee_verbs,
                5 => &mut l.generic_titles,
                6 => &mut l.speaker_refs,
                7 => &mut l.dual_refs,
                8 => &mut l.roles,
                9 => &mut l.verbs,
                10 => &mut l.speech_verbs,
                11 => &mut l.according_to,
                12 => {
                    l.stance = p.word_lists()?;
                    return Ok(());
                }
                13 => &mut l.negators,
                14 => &mut l.hedges,
                15 => &mut l.conditions,
                16 => &mut l.idioms,
                17 => {
                    let mut map = BTreeMap::new();
                    p.map("a map", &mut |p, key| {
                        p.colon()?;
                        map.insert(key, p.str()?);
                        Ok(())
                    })?;
                    l.pronouns = map;
                    return Ok(());
                }
                18 => &mut l.prepositions,
                19 => &mut l.abbreviations,
                20 => {
                    let map = p.word_lists()?;
                    l.grammar = Grammar::try_from(map).map_err(|e| p.data(&e))?;
                    return Ok(());
                }
                21 => {
                    let map = p.word_lists()?;
                    l.figures = FigureWords::try_from(map).map_err(|e| p.data(&e))?;
                    return Ok(());
                }
                22 => {
                    let mut map = BTreeMap::new();
                    p.map("a map", &mut |p, key| {
                        p.colon()?;
                        let lists = p.word_lists()?;
                        map.insert(key, Paradigm::try_from(lists).map_err(|e| p.data(&e))?);
                        Ok(())
                    })?;
                    l.inflections = map;
                    return Ok(());
                }
                23 => {
                    let map = p.word_lists()?;
                    l.topic_words = TopicWords::try_from(map).map_err(|e| p.data(&e))?;
                    return Ok(());
                }
                24 => return p.measures(&mut l.measures),
                _ => {
                    let map = p.word_lists()?;
                    l.meta = MetaWords::try_from(map).map_err(|e| p.data(&e))?;
                    return Ok(());
                }
            };
            *list = p.strings()?;
            Ok(())
        })
    }

    fn numbers(&mut self) -> R<BTreeMap<String, f64>> {
        let mut map = BTreeMap::new();
        self.map("a map", &mut |p, key| {
            p.colon()?;
            map.insert(key, p.f64()?);
            Ok(())
        })?;
        Ok(map)
    }

    /// The measure words; every field may be left out (`#[serde(default)]`
    /// on the struct).
    fn measures(&mut self, m: &mut MeasureWords) -> R<()> {
        let mut fields =
            Fields::new(&["numbers", "several", "fractions", "bounds", "units", "clause_joiners", "kinds"]);
        self.object("MeasureWords", &mut fields, 0, &mut |p, n| {
            match n {
                0 => m.numbers = p.numbers()?,
                1 => m.several = p.numbers()?,
                2 => m.fractions = p.numbers()?,
                3 => {
                    let map = p.word_lists()?;
                    m.bounds = Bounds::try_from(map).map_err(|e| p.data(&e))?;
                }
                4 => {
                    let mut units = Vec::new();
                    p.seq(&mut |p| {
                        units.push(p.unit_words()?);
                        Ok(())
                    })?;
                    m.units = units;
                }
                5 => m.clause_joiners = p.strings()?,
                _ => {
                    let mut kinds = Vec::new();
                    p.seq(&mut |p| {
                        kinds.push(p.measure_kind()?);
                        Ok(())
                    })?;
                    m.kinds = kinds;
                }
            }
            Ok(())
        })
    }

    fn unit_words(&mut self) -> R<UnitWords> {
        let mut u =
            UnitWords { quantity: String::new(), unit: String::new(), factor: 1.0, words: Vec::new() };
        let mut fields = Fields::new(&["quantity", "unit", "factor", "words"]);
        self.object("UnitWords", &mut fields, 0b1011, &mut |p, n| {
            match n {
                0 => u.quantity = p.str()?,
                1 => u.unit = p.str()?,
                2 => u.factor = p.f64()?,
                _ => u.words = p.strings()?,
            }
            Ok(())
        })?;
        Ok(u)
    }

    fn measure_kind(&mut self) -> R<MeasureKind> {
        let mut k = MeasureKind::default();
        let mut fields = Fields::new(&["id", "label", "quantities", "topics", "cues", "default"]);
        self.object("MeasureKind", &mut fields, 0b11, &mut |p, n| {
            match n {
                0 => k.id = p.str()?,
                1 => k.label = p.str()?,
                2 => k.quantities = p.strings()?,
                3 => k.topics = p.strings()?,
                4 => k.cues = p.strings()?,
                _ => k.default = p.bool()?,
            }
            Ok(())
        })?;
        Ok(k)
    }
}

#[cfg(test)]
mod tests;
