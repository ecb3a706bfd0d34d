//! Profile validation: every entry checked, and the first bad one named.

use super::{Lexicon, Profile, ProfileError, STANCE_LABELS};

impl Profile {
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
        let code_ok =
            (2..=3).contains(&self.language.len()) && self.language.bytes().all(|b| b.is_ascii_lowercase());
        if !code_ok {
            return Err(ProfileError::new(format!(
                "language \"{}\" must be a language code of 2 or 3 letters a-z (en, ru, uk)",
                self.language
            )));
        }
        self.validate_parties()?;
        self.validate_topics()?;
        self.lexicon.validate()?;
        // (Without the `cased-languages` feature no marker is expanded:
        // a word is matched as written.)
        if cfg!(feature = "cased-languages") {
            self.validate_markers()?;
        }
        Ok(())
    }

    /// Every `stem{paradigm}` marker names a paradigm of
    /// `lexicon.inflections` and is written at the end of a word.
    fn validate_markers(&self) -> Result<(), ProfileError> {
        let paradigms = &self.lexicon.inflections;
        let check = |text: &str, what: String| {
            crate::inflect::check(text, paradigms).map_err(|e| ProfileError::new(format!("{what}: {e}")))
        };
        for (i, p) in self.parties.iter().enumerate() {
            for (k, a) in p.aliases.iter().enumerate() {
                check(&a.text, format!("parties[{i}] ({}) aliases[{k}]", p.id))?;
            }
        }
        for (i, t) in self.topics.iter().enumerate() {
            for (name, list) in
                [("terms", &t.terms), ("anaphors", &t.anaphors), ("weak_terms", &t.weak_terms)]
            {
                for (k, w) in list.iter().enumerate() {
                    check(w, format!("topics[{i}] ({}) {name}[{k}]", t.id))?;
                }
            }
        }
        let lx = &self.lexicon;
        let mut lists: Vec<(String, &Vec<String>)> =
            lx.lists().into_iter().map(|(n, l)| (format!("lexicon.{n}"), l)).collect();
        lists.extend(lx.stance.iter().map(|(n, l)| (format!("lexicon.stance.{n}"), l)));
        lists.extend(lx.grammar.lists().into_iter().map(|(n, l)| (format!("lexicon.grammar.{n}"), l)));
        lists.extend(lx.figures.lists().into_iter().map(|(n, l)| (format!("lexicon.figures.{n}"), l)));
        for (name, list) in lists {
            for (k, w) in list.iter().enumerate() {
                check(w, format!("{name}[{k}]"))?;
            }
        }
        for word in lx.pronouns.keys() {
            check(word, format!("lexicon.pronouns.{word}"))?;
        }
        for (name, p) in paradigms {
            check_id(name, &format!("lexicon.inflections.{name}"))?;
            let endings = [&p.nom, &p.gen, &p.dat, &p.acc, &p.ins, &p.loc, &p.any];
            for e in endings.into_iter().flatten() {
                if e.chars().any(|c| c.is_whitespace() || c.is_control() || c == '{' || c == '}')
                    || e.len() > 16
                {
                    return Err(ProfileError::new(format!(
                        "lexicon.inflections.{name}: the ending \"{e}\" must be a few letters, without spaces or braces"
                    )));
                }
            }
        }
        Ok(())
    }

    fn validate_parties(&self) -> Result<(), ProfileError> {
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
                    if !matches!(g.as_str(), "m" | "f" | "n" | "p") {
                        return Err(ProfileError::new(format!(
                            "parties[{i}] ({}) aliases[{k}] (\"{}\"): gender must be \"m\", \"f\", \"n\" or \"p\", not \"{g}\"",
                            p.id, a.text
                        )));
                    }
                }
            }
        }
        Ok(())
    }

    fn validate_topics(&self) -> Result<(), ProfileError> {
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
            for (name, list) in [
                ("terms", &t.terms),
                ("anaphors", &t.anaphors),
                ("weak_terms", &t.weak_terms),
                ("context_terms", &t.context_terms),
            ] {
                check_list(list, &format!("topics[{i}] ({}) {name}", t.id))?;
            }
        }
        Ok(())
    }
}

impl Lexicon {
    fn validate(&self) -> Result<(), ProfileError> {
        for (label, words) in &self.stance {
            if !STANCE_LABELS.contains(&label.as_str()) {
                return Err(ProfileError::new(format!(
                    "lexicon.stance.{label} is not a stance label (use one of {})",
                    STANCE_LABELS.join(", ")
                )));
            }
            check_list(words, &format!("lexicon.stance.{label}"))?;
        }
        for (name, list) in self.lists() {
            check_list(list, &format!("lexicon.{name}"))?;
        }
        for (name, list) in self.grammar.lists() {
            check_list(list, &format!("lexicon.grammar.{name}"))?;
        }
        for (name, list) in self.figures.lists() {
            check_list(list, &format!("lexicon.figures.{name}"))?;
        }
        for (name, list) in self.topic_words.lists() {
            check_list(list, &format!("lexicon.topic_words.{name}"))?;
        }
        self.measures.validate()?;
        self.meta.validate()?;
        for (name, ids) in
            [("time_topic", &self.figures.time_topic), ("land_topic", &self.figures.land_topic)]
        {
            for (k, id) in ids.iter().enumerate() {
                check_id(id, &format!("lexicon.figures.{name}[{k}]"))?;
            }
        }
        for (k, entry) in self.figures.context_words.iter().enumerate() {
            let what = format!("lexicon.figures.context_words[{k}]");
            let Some((id, words)) = entry.split_once(':') else {
                return Err(ProfileError::new(format!(
                    "{what} (\"{entry}\") must be written `topic: words`"
                )));
            };
            check_id(id.trim(), &what)?;
            check_words(words, &what)?;
        }
        for (word, class) in &self.pronouns {
            check_words(word, &format!("lexicon.pronouns.{word}"))?;
            let mut parts = class.split_whitespace();
            let gender_ok = matches!(parts.next(), Some("m" | "f" | "p" | "n"));
            let cases_ok = parts.all(|c| matches!(c, "nom" | "gen" | "dat" | "acc" | "ins" | "loc"));
            if !gender_ok || !cases_ok {
                return Err(ProfileError::new(format!(
                    "lexicon.pronouns.{word}: class must be one of m, f, p, n, optionally followed by cases \
                     (nom gen dat acc ins loc), not \"{class}\""
                )));
            }
        }
        Ok(())
    }
}

impl Lexicon {
    /// Every plain word list, with its name in the profile.
    fn lists(&self) -> [(&'static str, &Vec<String>); 18] {
        [
            ("verbs", &self.verbs),
            ("roles", &self.roles),
            ("dual_refs", &self.dual_refs),
            ("other_issues", &self.other_issues),
            ("speaker_refs", &self.speaker_refs),
            ("requests", &self.requests),
            ("yields", &self.yields),
            ("furniture", &self.furniture),
            ("generic_titles", &self.generic_titles),
            ("addressee_verbs", &self.addressee_verbs),
            ("speech_verbs", &self.speech_verbs),
            ("according_to", &self.according_to),
            ("negators", &self.negators),
            ("hedges", &self.hedges),
            ("conditions", &self.conditions),
            ("idioms", &self.idioms),
            ("prepositions", &self.prepositions),
            ("abbreviations", &self.abbreviations),
        ]
    }
}

pub(super) fn check_list(list: &[String], what: &str) -> Result<(), ProfileError> {
    for (k, w) in list.iter().enumerate() {
        check_words(w, &format!("{what}[{k}]"))?;
    }
    Ok(())
}

pub(super) fn check_id(id: &str, what: &str) -> Result<(), ProfileError> {
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
pub(super) fn check_label(label: &str, what: &str) -> Result<(), ProfileError> {
    if label.chars().any(char::is_control) {
        return Err(ProfileError::new(format!("{what} contains a control character")));
    }
    Ok(())
}

pub(super) fn check_words(text: &str, what: &str) -> Result<(), ProfileError> {
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
