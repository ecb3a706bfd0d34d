//! The profile: parties, topics and cue lexicons, as data.
//!
//! Every word the engine reacts to comes from a profile. The default one is
//! compiled in from `data/default-profile.json`; another can be loaded at run
//! time with [`Profile::from_json`], which validates it and names the first
//! bad entry it finds.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

/// The built-in profile, `data/default-profile.json` without its white
/// space (see `build.rs`).
const DEFAULT_PROFILE: &str = include_str!(concat!(env!("OUT_DIR"), "/default-profile.min.json"));

/// Parties, topics and lexicons that drive an analysis.
///
/// Built with [`Profile::from_json`]; the JSON format is the one of
/// `data/default-profile.json` (`factgrid profile` prints it).
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Free-form documentation (`_doc` in JSON); ignored.
    pub doc: Option<String>,
    /// Profile format version; currently 1.
    pub version: u32,
    /// The parties: the grid's columns.
    pub parties: Vec<Party>,
    /// The topics: the grid's rows.
    pub topics: Vec<Topic>,
    /// Cue words for attribution and stance (the default lexicon when the
    /// JSON leaves it out).
    pub lexicon: Lexicon,
}

fn one() -> u32 {
    1
}

/// The profile as written: the lexicon may be left out.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    #[serde(default, rename = "_doc")]
    doc: Option<String>,
    #[serde(default = "one")]
    version: u32,
    parties: Vec<Party>,
    topics: Vec<Topic>,
    #[serde(default)]
    lexicon: Option<Lexicon>,
}

/// A party whose positions the grid shows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Stable identifier, lower-case (`russia`).
    pub id: String,
    /// Label for display (`Russia`).
    pub label: String,
    /// Words that refer to the party.
    pub aliases: Vec<Alias>,
}

/// One way of referring to a party.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// The words, matched case-insensitively on word boundaries.
    pub text: String,
    /// What kind of reference this is.
    pub kind: AliasKind,
    /// `m` or `f` for people, so that `he`/`she` can refer back to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Match the letters' case exactly (`US`, not the pronoun `us`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub case_sensitive: bool,
}

/// The kinds of alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    /// A named person (`Putin`).
    Person,
    /// A role or description (`the Kremlin spokesman`).
    Title,
    /// An institution (`the White House`).
    Institution,
    /// The country's name.
    Country,
    /// The capital, used for the government.
    Capital,
    /// The adjective (`Russian`); a party only when it heads a phrase.
    Demonym,
    /// Forces, troops, officials, citizens.
    Group,
}

impl AliasKind {
    /// The kind's name as written in profiles and reports.
    pub fn name(self) -> &'static str {
        match self {
            AliasKind::Person => "person",
            AliasKind::Title => "title",
            AliasKind::Institution => "institution",
            AliasKind::Country => "country",
            AliasKind::Capital => "capital",
            AliasKind::Demonym => "demonym",
            AliasKind::Group => "group",
        }
    }
}

/// A topic: one row of the grid.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable identifier (`ceasefire`).
    pub id: String,
    /// Label for display.
    pub label: String,
    /// Words and phrases that put a sentence on this topic.
    pub terms: Vec<String>,
    /// Definite descriptions that refer back to the topic when it was
    /// mentioned recently (`the plan`, `the peninsula`).
    #[serde(default)]
    pub anaphors: Vec<String>,
    /// Terms too general to decide the topic when another topic is named in
    /// the same sentence (`territory` in a sentence about Kursk).
    #[serde(default)]
    pub weak_terms: Vec<String>,
    /// A theatre of operations (`kursk`) rather than a question to settle:
    /// a party that acts there (advances, retakes, pulls back) is shown
    /// by its actions, whatever it also says about it, so `acts` is the
    /// primary stance of any cell with actions.
    #[serde(default)]
    pub actions_first: bool,
}

/// Cue words. All matched case-insensitively on word boundaries.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Other issues an article may discuss (`minerals`, `elections`): a
    /// sentence about one of them, and about none of the topics, neither
    /// takes nor passes on a topic by context.
    #[serde(default)]
    pub other_issues: Vec<String>,
    /// Verbs that make a request of someone when followed by `to` and a
    /// verb (`asked Putin to spare`, `urged Kyiv to accept`): a demand.
    #[serde(default)]
    pub requests: Vec<String>,
    /// Verbs whose next word is the person spoken to or about, not a new
    /// subject (`told Trump that …`, `assured Kyiv that …`, `accused
    /// Moscow of …`).
    #[serde(default)]
    pub addressee_verbs: Vec<String>,
    /// Titles without a country (`the president`, `the head of state`):
    /// they refer to the person the text is about, the person last named
    /// as a holder.
    #[serde(default)]
    pub generic_titles: Vec<String>,
    /// Phrases for whoever spoke last (`the statement`, `the readout`).
    #[serde(default)]
    pub speaker_refs: Vec<String>,
    /// Phrases for the two people named last (`the two leaders`).
    #[serde(default)]
    pub dual_refs: Vec<String>,
    /// Nouns for a party's people after a possessive (`Russia's top
    /// general`, `its delegation`): they act for the party.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Words that open a predicate, to recognise a subject: common verbs,
    /// auxiliaries, and the adverbs and particles that can stand first in
    /// one (`met`, `has`, `not`, `firmly`).
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Verbs that introduce speech or opinion (`said`, `insisted`).
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Phrases that attribute a claim to a source (`according to`).
    #[serde(default)]
    pub according_to: Vec<String>,
    /// Cue words for each stance label.
    #[serde(default)]
    pub stance: BTreeMap<String, Vec<String>>,
    /// Negators (`not`, `never`).
    #[serde(default)]
    pub negators: Vec<String>,
    /// Hedges and conditions that make support conditional.
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Pronouns and what they can refer to: `m`, `f`, `p` (plural), `n` (neuter).
    #[serde(default)]
    pub pronouns: BTreeMap<String, String>,
    /// Prepositions: a party right after one is not a subject.
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Words after which a period does not end a sentence.
    #[serde(default)]
    pub abbreviations: Vec<String>,
}

/// The eight stance labels of the guidelines, in the order the grid shows them.
pub const STANCE_LABELS: [&str; 8] =
    ["proposes", "supports", "conditional", "opposes", "demands", "questions", "considering", "acts"];

/// Why a profile was refused. Its message names the entry at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError {
    message: String,
}

impl ProfileError {
    fn new(message: impl Into<String>) -> ProfileError {
        ProfileError { message: message.into() }
    }
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid profile: {}", self.message)
    }
}

impl std::error::Error for ProfileError {}

/// The largest profile accepted, in bytes of JSON.
pub const MAX_PROFILE_BYTES: usize = 1 << 20;

impl Profile {
    /// The built-in profile: Russia, Ukraine and the US on ceasefire,
    /// territory and Kursk.
    pub fn default_profile() -> Profile {
        Profile::from_json(DEFAULT_PROFILE).expect("the built-in profile is valid")
    }

    /// The built-in profile's JSON text.
    pub fn default_json() -> &'static str {
        DEFAULT_PROFILE
    }

    /// Parse and validate a profile from JSON.
    ///
    /// A profile that gives no `lexicon` gets the default one, so that a
    /// host page may name only its parties and topics.
    pub fn from_json(json: &str) -> Result<Profile, ProfileError> {
        if json.len() > MAX_PROFILE_BYTES {
            return Err(ProfileError::new(format!(
                "the profile is {} bytes; at most {} are accepted",
                json.len(),
                MAX_PROFILE_BYTES
            )));
        }
        let raw: RawProfile = serde_json::from_str(json).map_err(|e| {
            if e.is_syntax() || e.is_eof() {
                ProfileError::new(format!("not valid JSON: {e}"))
            } else {
                ProfileError::new(e.to_string())
            }
        })?;
        let lexicon = match raw.lexicon {
            Some(l) => l,
            None if json.as_ptr() != DEFAULT_PROFILE.as_ptr() => Profile::default_profile().lexicon,
            None => Lexicon::default(),
        };
        let profile =
            Profile { doc: raw.doc, version: raw.version, parties: raw.parties, topics: raw.topics, lexicon };
        profile.validate()?;
        Ok(profile)
    }

    /// Check the profile for empty, duplicate and unknown entries.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if self.version != 1 {
            return Err(ProfileError::new(format!("version {} is not supported (use 1)", self.version)));
        }
        if self.parties.is_empty() {
            return Err(ProfileError::new("`parties` is empty: name at least one party"));
        }
        if self.topics.is_empty() {
            return Err(ProfileError::new("`topics` is empty: name at least one topic"));
        }
        if self.parties.len() > 64 || self.topics.len() > 64 {
            return Err(ProfileError::new("at most 64 parties and 64 topics are supported"));
        }
        let mut ids = std::collections::BTreeSet::new();
        for (i, p) in self.parties.iter().enumerate() {
            check_id(&p.id, &format!("parties[{i}].id"))?;
            if !ids.insert(p.id.as_str()) {
                return Err(ProfileError::new(format!("parties[{i}].id \"{}\" is used twice", p.id)));
            }
            if p.label.trim().is_empty() {
                return Err(ProfileError::new(format!("parties[{i}] ({}) has an empty label", p.id)));
            }
            check_label(&p.label, &format!("parties[{i}] ({}) label", p.id))?;
            if p.aliases.is_empty() {
                return Err(ProfileError::new(format!("parties[{i}] ({}) has no aliases", p.id)));
            }
            for (k, a) in p.aliases.iter().enumerate() {
                check_words(&a.text, &format!("parties[{i}] ({}) aliases[{k}]", p.id))?;
                if let Some(g) = &a.gender {
                    if g != "m" && g != "f" {
                        return Err(ProfileError::new(format!(
                            "parties[{i}] ({}) aliases[{k}] (\"{}\"): gender must be \"m\" or \"f\", not \"{g}\"",
                            p.id, a.text
                        )));
                    }
                }
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for (i, t) in self.topics.iter().enumerate() {
            check_id(&t.id, &format!("topics[{i}].id"))?;
            if !ids.insert(t.id.as_str()) {
                return Err(ProfileError::new(format!("topics[{i}].id \"{}\" is used twice", t.id)));
            }
            if t.label.trim().is_empty() {
                return Err(ProfileError::new(format!("topics[{i}] ({}) has an empty label", t.id)));
            }
            check_label(&t.label, &format!("topics[{i}] ({}) label", t.id))?;
            if t.terms.is_empty() {
                return Err(ProfileError::new(format!("topics[{i}] ({}) has no terms", t.id)));
            }
            for (k, w) in t.terms.iter().enumerate() {
                check_words(w, &format!("topics[{i}] ({}) terms[{k}]", t.id))?;
            }
            for (k, w) in t.anaphors.iter().enumerate() {
                check_words(w, &format!("topics[{i}] ({}) anaphors[{k}]", t.id))?;
            }
            for (k, w) in t.weak_terms.iter().enumerate() {
                check_words(w, &format!("topics[{i}] ({}) weak_terms[{k}]", t.id))?;
            }
        }
        let lx = &self.lexicon;
        for (label, words) in &lx.stance {
            if !STANCE_LABELS.contains(&label.as_str()) {
                return Err(ProfileError::new(format!(
                    "lexicon.stance.{label} is not a stance label (use one of {})",
                    STANCE_LABELS.join(", ")
                )));
            }
            for (k, w) in words.iter().enumerate() {
                check_words(w, &format!("lexicon.stance.{label}[{k}]"))?;
            }
        }
        for (name, list) in [
            ("verbs", &lx.verbs),
            ("roles", &lx.roles),
            ("dual_refs", &lx.dual_refs),
            ("other_issues", &lx.other_issues),
            ("speaker_refs", &lx.speaker_refs),
            ("requests", &lx.requests),
            ("generic_titles", &lx.generic_titles),
            ("addressee_verbs", &lx.addressee_verbs),
            ("speech_verbs", &lx.speech_verbs),
            ("according_to", &lx.according_to),
            ("negators", &lx.negators),
            ("hedges", &lx.hedges),
            ("prepositions", &lx.prepositions),
            ("abbreviations", &lx.abbreviations),
        ] {
            for (k, w) in list.iter().enumerate() {
                check_words(w, &format!("lexicon.{name}[{k}]"))?;
            }
        }
        for (word, class) in &lx.pronouns {
            check_words(word, &format!("lexicon.pronouns.{word}"))?;
            if !matches!(class.as_str(), "m" | "f" | "p" | "n") {
                return Err(ProfileError::new(format!(
                    "lexicon.pronouns.{word}: class must be one of m, f, p, n, not \"{class}\""
                )));
            }
        }
        Ok(())
    }
}

fn check_id(id: &str, what: &str) -> Result<(), ProfileError> {
    let ok = !id.is_empty()
        && id.len() <= 32
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ProfileError::new(format!("{what} \"{id}\" must be 1 to 32 characters of a-z, 0-9, '-' or '_'")))
    }
}

/// Labels are shown in the grid, the terminal and exports: no control
/// characters (an escape sequence in a label would reach the terminal).
fn check_label(label: &str, what: &str) -> Result<(), ProfileError> {
    if label.chars().any(char::is_control) {
        return Err(ProfileError::new(format!("{what} contains a control character")));
    }
    Ok(())
}

fn check_words(text: &str, what: &str) -> Result<(), ProfileError> {
    if text.trim().is_empty() {
        return Err(ProfileError::new(format!("{what} is empty")));
    }
    if text.len() > 200 {
        return Err(ProfileError::new(format!("{what} is longer than 200 bytes")));
    }
    if text.chars().any(char::is_control) {
        return Err(ProfileError::new(format!("{what} contains a control character")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_profile_is_valid() {
        let p = Profile::default_profile();
        let ids: Vec<_> = p.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["russia", "ukraine", "us"]);
        let ids: Vec<_> = p.topics.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["ceasefire", "territory", "kursk"]);
    }

    #[test]
    fn bad_profiles_name_the_entry() {
        let cases = [
            ("{", "not valid JSON"),
            (r#"{"parties": [], "topics": []}"#, "`parties` is empty"),
            (
                r#"{"parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "", "kind": "country"}]}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}]}"#,
                "parties[0] (eu) aliases[0] is empty",
            ),
            (
                r#"{"parties": [{"id": "EU", "label": "EU", "aliases": [{"text": "EU", "kind": "country"}]}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}]}"#,
                "parties[0].id \"EU\"",
            ),
            (
                r#"{"parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "EU", "kind": "nation"}]}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}]}"#,
                "unknown variant `nation`",
            ),
            (
                r#"{"parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "EU", "kind": "country"}]}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}], "lexicon": {"stance": {"likes": ["x"]}}}"#,
                "lexicon.stance.likes is not a stance label",
            ),
            (
                r#"{"parties": [{"id": "eu", "label": "EU\u001b[2J", "aliases": [{"text": "EU", "kind": "country"}]}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}]}"#,
                "parties[0] (eu) label contains a control character",
            ),
            (
                r#"{"parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "EU", "kind": "country"}]}], "topics": [{"id": "t", "label": "T\nopic", "terms": ["x"]}]}"#,
                "topics[0] (t) label contains a control character",
            ),
        ];
        for (json, want) in cases {
            let err = Profile::from_json(json).unwrap_err().to_string();
            assert!(err.contains(want), "profile {json}\n  want error containing {want:?}\n  got {err:?}");
        }
    }

    #[test]
    fn a_profile_without_lexicon_gets_the_default_one() {
        let json = r#"{"parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "Brussels", "kind": "capital"}]}], "topics": [{"id": "trade", "label": "Trade", "terms": ["tariff"]}]}"#;
        let p = Profile::from_json(json).unwrap();
        assert!(!p.lexicon.speech_verbs.is_empty());
    }

    #[test]
    fn oversized_profile_is_refused() {
        let json = " ".repeat(MAX_PROFILE_BYTES + 1);
        assert!(Profile::from_json(&json).unwrap_err().to_string().contains("at most"));
    }
}
