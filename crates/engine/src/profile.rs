//! The profile: parties, topics and cue lexicons, as data.
//!
//! Every word the engine reacts to comes from a profile. The default one is
//! compiled in from `data/default-profile.json`; another can be loaded at run
//! time with [`Profile::from_json`], which validates it and names the first
//! bad entry it finds.

use std::fmt;

use serde::Deserialize;

use crate::lang::Language;

mod json;
mod validate;

pub use comparison::{Bounds, MeasureKind, MeasureWords, MetaWords, UnitWords};

/// The built-in profile, `data/default-profile.json` without its white
/// space (see `build.rs`).
const DEFAULT_PROFILE: &str = include_str!(concat!(env!("OUT_DIR"), "/default-profile.min.json"));

/// The built-in Russian and Ukrainian profiles (`data/profile-ru.json`,
/// `data/profile-uk.json`), compacted the same way. Without the
/// `cased-profiles` feature they are not compiled in: a program that reads
/// Russian or Ukrainian (the `cased-languages` feature) gives them at run
/// time ([`Profile::provide_builtin`]; the widget fetches them when a text
/// first needs them). Until then, and without `cased-languages`,
/// [`Profile::builtin`] gives the English profile for those languages.
#[cfg(feature = "cased-profiles")]
fn cased_profile(language: Language) -> Option<&'static str> {
    match language {
        Language::Russian => Some(include_str!(concat!(env!("OUT_DIR"), "/profile-ru.min.json"))),
        Language::Ukrainian => Some(include_str!(concat!(env!("OUT_DIR"), "/profile-uk.min.json"))),
        Language::English => None,
    }
}
#[cfg(not(feature = "cased-profiles"))]
fn cased_profile(language: Language) -> Option<&'static str> {
    let i = match language {
        Language::Russian => 0,
        Language::Ukrainian => 1,
        Language::English => return None,
    };
    PROVIDED[i].get().copied()
}

/// The Russian and Ukrainian profiles given at run time.
#[cfg(not(feature = "cased-profiles"))]
static PROVIDED: [std::sync::OnceLock<&'static str>; 2] =
    [std::sync::OnceLock::new(), std::sync::OnceLock::new()];

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
    /// The language of the texts the profile reads (an ISO 639-1 code such
    /// as `en`, `ru`, `uk`); `en` when the JSON leaves it out.
    pub language: String,
    /// The parties: the grid's columns.
    pub parties: Vec<Party>,
    /// The topics: the grid's rows.
    pub topics: Vec<Topic>,
    /// Cue words for attribution and stance (the default lexicon when the
    /// JSON leaves it out).
    pub lexicon: Lexicon,
}

#[cfg_attr(not(test), allow(dead_code))]
fn one() -> u32 {
    1
}

/// The profile as written: the lexicon may be left out. Read by
/// [`json::parse`]; the serde derive is what that reader is tested against.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
struct RawProfile {
    #[serde(default, rename = "_doc")]
    doc: Option<String>,
    #[serde(default = "one")]
    version: u32,
    #[serde(default)]
    language: Option<String>,
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
    /// `m` or `f` for people, so that `he`/`she` can refer back to them; in
    /// a language with grammatical gender, also `n` (neuter) or `p`
    /// (plural) for other names (`Кремль` m, `Россия` f, `США` p), which
    /// its pronouns follow.
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
    /// Words of the topic's process (`talks`, `deal`, `memorandum`): they
    /// name the topic in a text about the parties or the topics, alongside
    /// any other topic, unless another issue qualifies them (`minerals
    /// deal`, `arms control agreement`) or they refer back to one (`the
    /// deal` after a minerals deal).
    #[serde(default)]
    pub context_terms: Vec<String>,
    /// A theatre of operations (`kursk`) rather than a question to settle:
    /// a party that acts there (advances, retakes, pulls back) is shown
    /// by its actions, whatever it also says about it, so `acts` is the
    /// primary stance of any cell with actions.
    #[serde(default)]
    pub actions_first: bool,
    /// An outcome the sides reach together (a truce), not something one
    /// side gives the other: a party that wants, demands or calls for it
    /// (`wants a ceasefire`, `demanded that Moscow accept the truce`)
    /// proposes it.
    #[serde(default)]
    pub agreed_outcome: bool,
}

/// A struct of named word lists, read from a JSON object of lists through a
/// map (one small deserializer for every such struct, instead of a
/// generated one per field set), with every list and its name at hand.
macro_rules! word_lists {
    ($(#[$sdoc:meta])* $name:ident { $($(#[$doc:meta])* $field:ident,)* }) => {
        $(#[$sdoc])*
        #[derive(Clone, Debug, Default, PartialEq, Deserialize)]
        #[serde(try_from = "BTreeMap<String, Vec<String>>")]
        pub struct $name {
            $($(#[$doc])* pub $field: Vec<String>,)*
        }

        impl $name {
            /// Every list, with its name in the profile.
            pub fn lists(&self) -> Vec<(&'static str, &Vec<String>)> {
                vec![$((stringify!($field), &self.$field),)*]
            }
        }

        impl TryFrom<BTreeMap<String, Vec<String>>> for $name {
            type Error = String;

            fn try_from(map: BTreeMap<String, Vec<String>>) -> Result<$name, String> {
                let mut out = $name::default();
                for (key, words) in map {
                    match key.as_str() {
                        $(stringify!($field) => out.$field = words,)*
                        _ => {
                            let known: &[&str] = &[$(stringify!($field)),*];
                            return Err(format!("unknown list `{key}`, expected one of {}", known.join(", ")));
                        }
                    }
                }
                Ok(out)
            }
        }
    };
}

// After the macro, which they use.
mod comparison;
mod lexicon;

pub use lexicon::{FigureWords, Grammar, Lexicon, Paradigm, TopicWords};

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

    /// The built-in profile for `language`: the parties and topics of the
    /// default profile, with the words of that language.
    pub fn builtin(language: Language) -> Profile {
        Profile::from_json(Profile::builtin_json(language)).expect("the built-in profiles are valid")
    }

    /// The JSON text of the built-in profile for `language` (the English
    /// one for a language this build has no profile for: see
    /// [`Profile::has_builtin`]).
    pub fn builtin_json(language: Language) -> &'static str {
        match language {
            Language::English => DEFAULT_PROFILE,
            _ if !language.is_supported() => DEFAULT_PROFILE,
            _ => cased_profile(language).unwrap_or(DEFAULT_PROFILE),
        }
    }

    /// Whether the built-in profile of `language` is at hand: compiled in,
    /// or given with [`Profile::provide_builtin`]. (A language this build
    /// does not read at all has none, and never will.)
    pub fn has_builtin(language: Language) -> bool {
        language == Language::English || language.is_supported() && cased_profile(language).is_some()
    }

    /// Give the built-in profile of `language` at run time, for a build
    /// without the `cased-profiles` feature (the widget fetches
    /// `profile-ru.json` or `profile-uk.json` when a text first needs
    /// it). The JSON is checked as [`Profile::from_json`] checks any
    /// profile, and must be of that language. A profile given before, or
    /// compiled in, stays; giving it again changes nothing.
    pub fn provide_builtin(language: Language, json: String) -> Result<(), ProfileError> {
        let profile = Profile::from_json(&json)?;
        if profile.language != language.code() {
            return Err(ProfileError::new(format!(
                "the profile is for language \"{}\", not {}",
                profile.language,
                language.code()
            )));
        }
        if !language.is_supported() {
            return Err(ProfileError::new(format!("this build does not read {language}")));
        }
        #[cfg(not(feature = "cased-profiles"))]
        if let Some(i) = [Language::Russian, Language::Ukrainian].iter().position(|l| *l == language) {
            PROVIDED[i].get_or_init(|| Box::leak(json.into_boxed_str()));
        }
        Ok(())
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
        let mut profile = Profile {
            doc: None,
            version: 1,
            language: String::new(),
            parties: Vec::new(),
            topics: Vec::new(),
            lexicon: Lexicon::default(),
        };
        let read = json::parse(json, &mut profile).map_err(|e| {
            if e.syntax {
                ProfileError::new(format!("not valid JSON: {}", e.message))
            } else {
                ProfileError::new(e.message)
            }
        })?;
        profile.language = read.language.unwrap_or_else(|| "en".to_string());
        let builtin = json.as_ptr() == DEFAULT_PROFILE.as_ptr()
            || [Language::Russian, Language::Ukrainian]
                .into_iter()
                .filter_map(cased_profile)
                .any(|p| json.as_ptr() == p.as_ptr());
        // What a profile leaves out comes from the built-in profile of its
        // language (English for a language without one).
        let language = Language::from_code(&profile.language).unwrap_or(Language::English);
        if !builtin && !read.lexicon {
            profile.lexicon = Profile::builtin(language).lexicon;
        } else if !builtin {
            // A lexicon without the grammar, figure words or paradigms of
            // its language gets the built-in ones. (Every list empty is
            // equal to the default; asked this way, no comparison of forty
            // lists is compiled in.)
            let l = &mut profile.lexicon;
            let no_grammar = l.grammar.lists().iter().all(|(_, w)| w.is_empty());
            let no_figures = l.figures.lists().iter().all(|(_, w)| w.is_empty());
            let no_topic_words = l.topic_words.lists().iter().all(|(_, w)| w.is_empty());
            let no_inflections = l.inflections.is_empty() && profile.language != "en";
            if no_grammar || no_figures || no_topic_words || no_inflections {
                let default = Profile::builtin(language).lexicon;
                if no_topic_words {
                    l.topic_words = default.topic_words;
                }
                if no_grammar {
                    l.grammar = default.grammar;
                }
                if no_figures {
                    l.figures = default.figures;
                }
                if no_inflections {
                    l.inflections = default.inflections;
                }
            }
            // Nor those of comparing articles (the built-in English ones).
            let no_measures = l.measures.is_empty();
            let no_meta = l.meta.lists().iter().all(|(_, w)| w.is_empty());
            if no_measures || no_meta {
                let default = Profile::default_profile().lexicon;
                if no_measures {
                    l.measures = default.measures;
                }
                if no_meta {
                    l.meta = default.meta;
                }
            }
        }
        profile.validate()?;
        Ok(profile)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod builtin_tests {
    #[test]
    fn a_builtin_profile_given_at_run_time_is_checked() {
        use crate::Language;
        let ru = include_str!("../data/profile-ru.json");
        let err = super::Profile::provide_builtin(Language::Ukrainian, ru.to_string()).unwrap_err();
        assert!(err.to_string().contains("not uk"), "{err}");
        assert!(super::Profile::provide_builtin(Language::Russian, "{".into()).is_err());
        super::Profile::provide_builtin(Language::Russian, ru.to_string()).expect("the Russian profile");
        assert!(super::Profile::has_builtin(Language::Russian));
        assert_eq!(super::Profile::builtin(Language::Russian).language, "ru");
        // Without the profiles compiled in: Ukrainian only once given.
        #[cfg(not(feature = "cased-profiles"))]
        {
            assert!(!super::Profile::has_builtin(Language::Ukrainian));
            assert_eq!(crate::Analyzer::builtin().languages(), ["en", "ru"]);
            let uk = include_str!("../data/profile-uk.json");
            super::Profile::provide_builtin(Language::Ukrainian, uk.to_string())
                .expect("the Ukrainian profile");
            assert_eq!(crate::Analyzer::builtin().languages(), ["en", "ru", "uk"]);
            let report = crate::Analyzer::builtin().analyze("Україна відкинула перемир'я, заявили в Києві.");
            assert_eq!(report.language, "uk");
        }
    }

    #[test]
    fn builtin_profiles_are_valid() {
        for l in crate::Language::ALL {
            if let Err(e) = super::Profile::from_json(super::Profile::builtin_json(l)) {
                panic!("{l}: {e}");
            }
        }
    }
}
