//! The engine's entry point: [`Analyzer`] holds the profiles (one per
//! language), compiles each when a text first needs it, and picks the one
//! for a text's language (detected, or asked for), with notices when the
//! text looks like another language. The analysis itself is
//! `Compiled::run`, in the parent module.

use super::Compiled;
use crate::explain::Explanation;
use crate::lang::Language;
use crate::profile::Profile;
use crate::report::Report;

/// The profiles an analysis may use, compiled. Build it once, analyse many
/// texts.
///
/// [`Analyzer::new`] analyses every text with one profile;
/// [`Analyzer::builtin`] has the built-in profile of every [`Language`]
/// and picks the one for the language each text is written in (or the
/// one asked for: [`Analyzer::analyze_in`]). The report says which
/// language was read (`language`), and notices say when the text looks
/// like another language than the profile's.
pub struct Analyzer {
    /// One profile per language, the first used when no other fits;
    /// each compiled when a text first needs it.
    slots: Vec<Slot>,
    /// Pick the profile by the text's language (else always the first).
    detect: bool,
}

/// One language's profile and its compiled form.
struct Slot {
    language: String,
    source: Source,
    compiled: std::sync::OnceLock<Compiled>,
}

enum Source {
    Profile(Box<Profile>),
    Builtin(Language),
}

impl Slot {
    fn get(&self) -> &Compiled {
        self.compiled.get_or_init(|| match &self.source {
            Source::Profile(p) => Compiled::new(p),
            Source::Builtin(l) => Compiled::new(&Profile::builtin(*l)),
        })
    }
}

impl Analyzer {
    /// Compile `profile` for analysis: every text is read with it, in its
    /// language.
    pub fn new(profile: &Profile) -> Analyzer {
        let slot = Slot {
            language: profile.language.clone(),
            source: Source::Profile(Box::new(profile.clone())),
            compiled: std::sync::OnceLock::new(),
        };
        slot.get();
        Analyzer { slots: vec![slot], detect: false }
    }

    /// The built-in profiles of English, Russian and Ukrainian: each text
    /// is read with the profile of the language it is written in
    /// ([`Language::detect`]). A profile is compiled when a text first
    /// needs it. (Without the `cased-profiles` feature: the languages whose
    /// profiles were given by then, see [`Profile::provide_builtin`].)
    pub fn builtin() -> Analyzer {
        let slots = Language::ALL
            .into_iter()
            .filter(|l| Profile::has_builtin(*l))
            .map(|l| Slot {
                language: l.code().to_string(),
                source: Source::Builtin(l),
                compiled: std::sync::OnceLock::new(),
            })
            .collect();
        Analyzer { slots, detect: true }
    }

    /// Several profiles, one per language (a later profile for a language
    /// already given is ignored): each text is read with the profile of
    /// its language, else with the first. `None` for no profiles.
    pub fn multilingual(profiles: &[Profile]) -> Option<Analyzer> {
        let mut slots: Vec<Slot> = Vec::new();
        for p in profiles {
            if !slots.iter().any(|s| s.language == p.language) {
                slots.push(Slot {
                    language: p.language.clone(),
                    source: Source::Profile(Box::new(p.clone())),
                    compiled: std::sync::OnceLock::new(),
                });
            }
        }
        (!slots.is_empty()).then_some(Analyzer { slots, detect: true })
    }

    /// The first profile (the only one of [`Analyzer::new`]; English for
    /// [`Analyzer::builtin`]).
    pub fn profile(&self) -> &Profile {
        &self.slots[0].get().profile
    }

    /// The profile for `language` (a code: `en`, `ru`, `uk`), if there is one.
    pub fn profile_for(&self, language: &str) -> Option<&Profile> {
        self.slots.iter().find(|s| s.language == language).map(|s| &s.get().profile)
    }

    /// The language codes this analyzer has profiles for, first one first.
    pub fn languages(&self) -> Vec<&str> {
        self.slots.iter().map(|s| s.language.as_str()).collect()
    }

    /// Analyse `text` and report who holds which position on what.
    pub fn analyze(&self, text: &str) -> Report {
        self.analyze_in(text, None)
    }

    /// [`Analyzer::analyze`], reading the text as `language` (a code: `en`,
    /// `ru`, `uk`) rather than the language it looks like; `None` detects
    /// it. A language without a profile is noted and detection decides.
    pub fn analyze_in(&self, text: &str, language: Option<&str>) -> Report {
        let (slot, notices) = self.choose(text, language);
        slot.get().run(text, &slot.language, notices, None)
    }

    /// Analyse `text` and also say, sentence by sentence, what each stage
    /// decided and why (see [`Explanation`]).
    pub fn explain(&self, text: &str) -> (Report, Explanation) {
        self.explain_in(text, None)
    }

    /// [`Analyzer::explain`] in `language` (see [`Analyzer::analyze_in`]).
    pub fn explain_in(&self, text: &str, language: Option<&str>) -> (Report, Explanation) {
        let (slot, notices) = self.choose(text, language);
        let mut trace = Explanation::default();
        let report = slot.get().run(text, &slot.language, notices, Some(&mut trace));
        (report, trace)
    }

    fn slot(&self, code: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.language == code)
    }

    /// The profile to read `text` with, and notices about the choice.
    fn choose(&self, text: &str, asked: Option<&str>) -> (&Slot, Vec<String>) {
        let mut notices = Vec::new();
        let detected = Language::detect(text);
        let asked = asked.map(str::trim).filter(|a| !a.is_empty() && *a != "auto");
        let asked_slot = asked.and_then(|a| self.slot(&a.to_ascii_lowercase()));
        if let (Some(a), None) = (asked, asked_slot) {
            notices.push(format!(
                "There is no profile for the language \"{a}\"; the text was read in the language it looks like."
            ));
        }
        let slot = match asked_slot {
            Some(s) => s,
            None if self.detect => self.slot(detected.code()).unwrap_or(&self.slots[0]),
            None => &self.slots[0],
        };
        // Say so when the text looks like another language the engine knows.
        let known = Language::from_code(&slot.language).is_some();
        if !detected.is_supported() && slot.language == Language::English.code() {
            notices.push(format!(
                "This text looks {}; this build reads English only, so little or nothing was found.",
                detected.name()
            ));
        } else if known && slot.language != detected.code() && text.chars().any(char::is_alphabetic) {
            notices.push(format!(
                "The text looks {} ({}), but was read as {}.",
                detected.name(),
                detected.code(),
                Language::from_code(&slot.language).map_or(slot.language.clone(), |l| l.name().to_string())
            ));
        }
        (slot, notices)
    }
}
