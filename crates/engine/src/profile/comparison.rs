//! The vocabulary of comparing articles: how to read a figure's value and
//! tell what it measures ([`MeasureWords`]), and how to find an article's
//! outlet and date in its first lines ([`MetaWords`]). Both are language
//! vocabulary, so they live in the profile like every other word list; a
//! profile that leaves them out gets the built-in (English) ones.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::validate::{check_id, check_label, check_list, check_words};
use super::ProfileError;

/// How figures are read and grouped when articles are compared
/// (`lexicon.measures`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MeasureWords {
    /// Number words and their values (`four`: 4, `thousand`: 1000). A word
    /// of 100 or more after a number multiplies it (`1.5 million`, `two
    /// hundred`).
    pub numbers: BTreeMap<String, f64>,
    /// Plural number words for a count left vague, with the size of their
    /// unit (`thousands`: 1000, read as 2,000 to 10,000; `tens of
    /// thousands`: 20,000 to 100,000).
    pub several: BTreeMap<String, f64>,
    /// Fraction words and their values (`fifth`: 0.2), read after a number
    /// word or an article (`one-fifth`, `a third`, `nine-tenths`) as a
    /// share in per cent.
    pub fractions: BTreeMap<String, f64>,
    /// Modifiers before a number, by what they say about the value.
    pub bounds: Bounds,
    /// Unit words, each with the quantity it measures and how to convert it.
    pub units: Vec<UnitWords>,
    /// Words that, right after a comma, continue the clause before it
    /// (`1,100 sq km, or 86% of …`): a figure's context spans both.
    pub clause_joiners: Vec<String>,
    /// What figures measure, in order of precedence: the first kind that
    /// takes the figure's quantity and topic and has a cue in the figure's
    /// clause is what the figure measures; failing that, the first such
    /// kind that is a default (`default`, or no cues).
    pub kinds: Vec<MeasureKind>,
}

word_lists! {
    /// Modifiers before a number (`less than`, `nearly`), by meaning. All
    /// matched case-insensitively as whole words; a modifier not listed here
    /// leaves the value exact. Written as an object of word lists.
    Bounds {
    /// Below the number (`less than`, `under`).
    below,
    /// At most the number (`up to`, `within`).
    at_most,
    /// Above the number (`more than`, `over`).
    above,
    /// At least the number (`at least`).
    at_least,
    /// Just under the number (`nearly`, `almost`, `close to`).
    nearly,
    /// About the number (`about`, `roughly`, `some`).
    about,
    }
}

/// The words of one unit.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitWords {
    /// What it measures (`area`, `length`, `duration`, `troops`); values
    /// of different quantities are never compared. `share` (per cent) and
    /// `count` (a number with no unit) are built in.
    pub quantity: String,
    /// The unit values of this quantity are given in (`km²`).
    pub unit: String,
    /// What one of this unit is in `unit` (square miles: 2.589988).
    #[serde(default = "one")]
    pub factor: f64,
    /// The words (`sq km`, `sq. km`, `square kilometres`).
    pub words: Vec<String>,
}

fn one() -> f64 {
    1.0
}

/// One thing a figure can measure (`area held`, `truce length`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureKind {
    /// Stable identifier (`area_held`).
    pub id: String,
    /// Label for display (`area held`).
    pub label: String,
    /// The quantities it takes (`area`, `share`); none: any.
    #[serde(default)]
    pub quantities: Vec<String>,
    /// The topics it applies to (topic ids); none: any.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Words in the figure's clause that say it measures this
    /// (`retaken`, `front line`).
    #[serde(default)]
    pub cues: Vec<String>,
    /// Also what a figure of its quantities and topics measures when no
    /// kind's cue is in its clause (a kind without cues always is).
    #[serde(default)]
    pub default: bool,
}

word_lists! {
    /// How an article's outlet and date are found in its first lines
    /// (`lexicon.meta`). Written as an object of word lists.
    MetaWords {
    /// Month names, January first: twelve entries, each the names of one
    /// month separated by spaces (`"september sep sept"`; for languages
    /// that decline them, every form a date uses).
    months,
    /// Day names, skipped before a date (`Thursday, 13 March 2025`).
    weekdays,
    /// Words after a year that belong to the date (`года` in Russian).
    year_words,
    /// Labels of the publication date (`Published`, `Posted`).
    published,
    /// Labels of an update (`Updated`), taken when no publication date is
    /// given.
    updated,
    /// Words that open a byline (`By`).
    byline,
    /// News outlets a byline may name (`By Jane Doe, Reuters`). Datelines
    /// name theirs by their form (`(Reuters)`, `/TASS/`) and need no list.
    outlets,
    }
}

impl MeasureWords {
    pub(super) fn validate(&self) -> Result<(), ProfileError> {
        let p = "lexicon.measures";
        for (name, map) in
            [("numbers", &self.numbers), ("several", &self.several), ("fractions", &self.fractions)]
        {
            for (word, &value) in map {
                check_words(word, &format!("{p}.{name}.{word}"))?;
                let ok = value.is_finite() && value > 0.0 && (name != "fractions" || value <= 1.0);
                if !ok {
                    return Err(ProfileError::new(format!(
                        // (No `{value}`: formatting a float would add float
                        // printing to every build of the engine, the widget's too.)
                        "{p}.{name}.{word} is not a {}",
                        if name == "fractions" {
                            "fraction above 0 and at most 1"
                        } else {
                            "positive number"
                        }
                    )));
                }
            }
        }
        for (name, list) in self.bounds.lists() {
            check_list(list, &format!("{p}.bounds.{name}"))?;
        }
        check_list(&self.clause_joiners, &format!("{p}.clause_joiners"))?;
        let mut units: BTreeMap<&str, &str> = BTreeMap::new();
        for (i, u) in self.units.iter().enumerate() {
            let what = format!("{p}.units[{i}]");
            check_id(&u.quantity, &format!("{what}.quantity"))?;
            check_label(&u.unit, &format!("{what}.unit"))?;
            if !(u.factor.is_finite() && u.factor > 0.0) {
                return Err(ProfileError::new(format!("{what}.factor is not a positive number",)));
            }
            if u.words.is_empty() {
                return Err(ProfileError::new(format!("{what} ({}) has no words", u.quantity)));
            }
            check_list(&u.words, &format!("{what}.words"))?;
            if let Some(other) = units.insert(&u.quantity, &u.unit) {
                if other != u.unit {
                    return Err(ProfileError::new(format!(
                        "{what}: quantity {} is given in {:?} here and in {other:?} before; use one unit per quantity",
                        u.quantity, u.unit
                    )));
                }
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for (i, k) in self.kinds.iter().enumerate() {
            let what = format!("{p}.kinds[{i}]");
            check_id(&k.id, &format!("{what}.id"))?;
            if !ids.insert(k.id.as_str()) {
                return Err(ProfileError::new(format!("{what}.id \"{}\" is used twice", k.id)));
            }
            if k.label.trim().is_empty() {
                return Err(ProfileError::new(format!("{what} ({}) has an empty label", k.id)));
            }
            check_label(&k.label, &format!("{what} ({}) label", k.id))?;
            for q in &k.quantities {
                check_id(q, &format!("{what} ({}) quantities", k.id))?;
            }
            check_list(&k.topics, &format!("{what} ({}) topics", k.id))?;
            check_list(&k.cues, &format!("{what} ({}) cues", k.id))?;
        }
        Ok(())
    }
}

impl MetaWords {
    pub(super) fn validate(&self) -> Result<(), ProfileError> {
        let p = "lexicon.meta";
        if !self.months.is_empty() && self.months.len() != 12 {
            return Err(ProfileError::new(format!(
                "{p}.months has {} entries; give twelve, January first (or none)",
                self.months.len()
            )));
        }
        for (name, list) in self.lists() {
            check_list(list, &format!("{p}.{name}"))?;
        }
        Ok(())
    }

    /// Each month's names (January first), in lower case.
    pub(crate) fn month_names(&self) -> Vec<Vec<String>> {
        self.months.iter().map(|m| m.split_whitespace().map(str::to_lowercase).collect()).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::Profile;

    const PARTIES: &str = r#""parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "Brussels", "kind": "capital"}]}], "topics": [{"id": "trade", "label": "Trade", "terms": ["tariff"]}]"#;

    #[test]
    fn a_lexicon_without_them_gets_the_built_in_measures_and_meta() {
        let p = Profile::from_json(&format!(r#"{{{PARTIES}, "lexicon": {{"speech_verbs": ["said"]}}}}"#))
            .unwrap();
        let default = Profile::default_profile().lexicon;
        assert_eq!(p.lexicon.measures, default.measures);
        assert_eq!(p.lexicon.meta, default.meta);
        assert!(default.measures.kinds.iter().any(|k| k.id == "area_held"));
        assert_eq!(default.meta.months.len(), 12);
        // A profile that gives its own keeps them.
        let own = r#""meta": {"byline": ["von"], "outlets": ["dpa"]}"#;
        let p = Profile::from_json(&format!(r#"{{{PARTIES}, "lexicon": {{{own}}}}}"#)).unwrap();
        assert_eq!(p.lexicon.meta.byline, ["von"]);
        assert!(p.lexicon.meta.months.is_empty());
    }

    #[test]
    fn bad_entries_are_named() {
        let cases = [
            (
                r#""measures": {"fractions": {"fifth": 5}}"#,
                "lexicon.measures.fractions.fifth is not a fraction",
            ),
            (
                r#""measures": {"numbers": {"four": -4}}"#,
                "lexicon.measures.numbers.four is not a positive number",
            ),
            (
                r#""measures": {"units": [{"quantity": "area", "unit": "km²", "factor": 0, "words": ["km2"]}]}"#,
                "lexicon.measures.units[0].factor is not a positive number",
            ),
            (
                r#""measures": {"units": [{"quantity": "area", "unit": "km²", "words": ["km2"]}, {"quantity": "area", "unit": "mi²", "words": ["sq mi"]}]}"#,
                "use one unit per quantity",
            ),
            (
                r#""measures": {"units": [{"quantity": "Area", "unit": "km²", "words": ["km2"]}]}"#,
                "units[0].quantity \"Area\"",
            ),
            (
                r#""measures": {"kinds": [{"id": "held", "label": "", "cues": ["hold"]}]}"#,
                "kinds[0] (held) has an empty label",
            ),
            (
                r#""measures": {"kinds": [{"id": "held", "label": "held"}, {"id": "held", "label": "held"}]}"#,
                "kinds[1].id \"held\" is used twice",
            ),
            (r#""measures": {"bounds": {"below": [""]}}"#, "lexicon.measures.bounds.below[0] is empty"),
            (r#""meta": {"months": ["january"]}"#, "lexicon.meta.months has 1 entries; give twelve"),
            (r#""meta": {"month": ["january"]}"#, "unknown list `month`"),
            (r#""measures": {"bounds": {"beneath": ["under"]}}"#, "unknown list `beneath`"),
            (
                r#""meta": {"outlets": ["Reu\u001bters"]}"#,
                "lexicon.meta.outlets[0] contains a control character",
            ),
        ];
        for (lexicon, want) in cases {
            let json = format!(r#"{{{PARTIES}, "lexicon": {{{lexicon}}}}}"#);
            let err = Profile::from_json(&json).unwrap_err().to_string();
            assert!(err.contains(want), "{lexicon}\n  want {want:?}\n  got  {err:?}");
        }
    }
}
