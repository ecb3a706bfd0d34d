use super::super::{RawProfile, DEFAULT_PROFILE};
use super::*;

/// What `serde_json` and the derives make of `json`: the profile, or
/// whether the error was one of syntax.
fn by_serde(json: &str) -> Result<RawProfile, bool> {
    serde_json::from_str::<RawProfile>(json).map_err(|e| e.is_syntax() || e.is_eof())
}

/// What this reader makes of `json`, in the form of the derive's.
fn ours(json: &str) -> Result<RawProfile, bool> {
    let mut p = Profile {
        doc: None,
        version: 1,
        language: String::new(),
        parties: Vec::new(),
        topics: Vec::new(),
        lexicon: Lexicon::default(),
    };
    let read = parse(json, &mut p).map_err(|e| e.syntax)?;
    Ok(RawProfile {
        doc: p.doc,
        version: p.version,
        language: read.language,
        parties: p.parties,
        topics: p.topics,
        lexicon: read.lexicon.then_some(p.lexicon),
    })
}

fn same(json: &str) {
    let ours = ours(json);
    let theirs = by_serde(json);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(a == b, "different profiles from {json}"),
        (Err(a), Err(b)) => assert_eq!(a, b, "syntax error or not, for {json}"),
        _ => panic!("{json}\n ours: {:?}\n serde: {:?}", ours.is_ok(), theirs.is_ok()),
    }
}

impl PartialEq for RawProfile {
    fn eq(&self, o: &RawProfile) -> bool {
        self.doc == o.doc
            && self.version == o.version
            && self.language == o.language
            && self.parties == o.parties
            && self.topics == o.topics
            && self.lexicon == o.lexicon
    }
}

#[test]
fn reads_the_default_profile_as_serde_does() {
    same(DEFAULT_PROFILE);
    same(include_str!("../../../data/default-profile.json"));
    same(crate::Profile::builtin_json(crate::Language::Russian));
    same(crate::Profile::builtin_json(crate::Language::Ukrainian));
    same(include_str!("../../../data/profile-ru.json"));
    same(include_str!("../../../data/profile-uk.json"));
    #[cfg(feature = "cased-profiles")]
    assert!(!Profile::builtin(crate::Language::Russian).lexicon.inflections.is_empty());
    assert!(Profile::default_profile().lexicon.grammar != Grammar::default());
}

const SMALL: &str = r#"{"_doc": "d\u00e9j\u00e0 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t", "version": 1,
    "parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "Brussels", "kind": "capital", "gender": null},
    {"text": "von der Leyen", "kind": "person", "gender": "f", "case_sensitive": true}]}],
    "topics": [{"id": "trade", "label": "Trade", "terms": ["tariff"], "anaphors": [], "weak_terms": ["x"],
    "actions_first": false, "agreed_outcome": true}],
    "lexicon": {"stance": {"supports": ["backs"], "opposes": []}, "pronouns": {"he": "m"}, "verbs": ["said"],
    "grammar": {"articles": ["the"]}, "figures": {"units": ["km"]},
    "inflections": {"m": {"nom": [""], "gen": ["а"]}}}, "language": "xx"}"#;

#[test]
fn reads_what_serde_reads_and_refuses_what_it_refuses() {
    same(SMALL);
    for json in [
        "",
        " ",
        "null",
        "[]",
        "{}",
        "3",
        "-",
        "01",
        "1.",
        "1e",
        "\"x\"",
        "{\"parties\": [], \"topics\": []}",
        "{\"parties\": [], \"topics\": []} x",
        "{\"parties\": [], \"topics\": [],}",
        "{\"parties\": [,], \"topics\": []}",
        "{\"parties\": [], \"topics\": [], \"parties\": []}",
        "{\"parties\": [], \"topics\": [], \"extra\": 1}",
        "{\"parties\": 3, \"topics\": []}",
        "{\"parties\": [], \"topics\": [], \"version\": 2}",
        "{\"parties\": [], \"topics\": [], \"version\": -1}",
        "{\"parties\": [], \"topics\": [], \"version\": -0}",
        "{\"parties\": [], \"topics\": [], \"version\": 1.0}",
        "{\"parties\": [], \"topics\": [], \"version\": 5000000000}",
        "{\"parties\": [], \"topics\": [], \"version\": 99999999999999999999999}",
        "{\"parties\": [], \"topics\": [], \"version\": 1e3}",
        "{\"parties\": [], \"topics\": [], \"version\": null}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": null}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"grammar\": {\"nope\": []}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"figures\": {\"units\": [\"a\"], \"units\": [\"b\"]}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"verbs\": null}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"pronouns\": {\"he\": 1}}}",
        "{\"parties\": [], \"topics\": [], \"_doc\": null}",
        "{\"parties\": [], \"topics\": [], \"_doc\": \"\\ud800\"}",
        "{\"parties\": [], \"topics\": [], \"_doc\": \"\\udc00\"}",
        "{\"parties\": [], \"topics\": [], \"_doc\": \"\\u12\"}",
        "{\"parties\": [], \"topics\": [], \"_doc\": \"\\x\"}",
        "{\"parties\": [], \"topics\": [], \"_doc\": \"a\nb\"}",
        "{\"parties\": [], \"topics\": [], \"_doc\": tru}",
        "{\"parties\": [], \"topics\": [], \"_doc\": true}",
        "{\"parties\": [], \"topics\": [], \"_doc\": [1]}",
        "{\"parties\": [], \"topics\": [], \"_doc\": {\"a\": 1}}",
        "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": \"nation\"}]}], \"topics\": []}",
        "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": 1}]}], \"topics\": []}",
        "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\"}]}], \"topics\": []}",
        "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": {\"group\": null}}]}], \"topics\": []}",
        "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": {\"group\": 1}}]}], \"topics\": []}",
        "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": {\"group\": null, \"x\": 1}}]}], \"topics\": []}",
        "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": {}}]}], \"topics\": []}",
        "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": \"group\", \"case_sensitive\": 1}]}], \"topics\": []}",
        "{\"parties\": [], \"topics\": [{\"id\": \"t\", \"label\": \"T\", \"terms\": [\"x\"], \"actions_first\": null}]}",
        "{\"parties\": [], \"topics\": [{\"id\": \"t\", \"label\": \"T\"}]}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"numbers\": {\"two\": 2, \"half\": 0.5, \"k\": 1e3, \"m\": -0, \"x\": 1.609344}, \"units\": [{\"quantity\": \"area\", \"unit\": \"km2\", \"words\": [\"sq km\"]}, {\"quantity\": \"length\", \"unit\": \"km\", \"factor\": 1.609, \"words\": [\"miles\"]}], \"kinds\": [{\"id\": \"a\", \"label\": \"A\", \"default\": true}], \"bounds\": {\"below\": [\"under\"]}, \"clause_joiners\": [\"and\"]}, \"meta\": {\"months\": [\"may\"]}, \"conditions\": [\"if\"], \"idioms\": [\"x\"]}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"numbers\": {\"two\": \"2\"}}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"units\": [{\"quantity\": \"a\", \"words\": []}]}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"nope\": 1}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"kinds\": [{\"id\": \"a\"}]}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"meta\": {\"nope\": []}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": null}}",
        "{\"language\": \"ru\", \"parties\": [], \"topics\": []}",
        "{\"language\": null, \"parties\": [], \"topics\": []}",
        "{\"language\": 1, \"parties\": [], \"topics\": []}",
        "{\"parties\": [], \"topics\": [], \"language\": \"uk\", \"language\": \"ru\"}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": {\"sur\": {\"nom\": [\"\"], \"gen\": [\"а\", \"у\"], \"any\": []}, \"f\": {}}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": {\"sur\": {\"voc\": [\"е\"]}}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": {\"sur\": []}}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": null}}",
        "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": {\"a\": {\"nom\": [1]}}}}",
        "{1: 2}",
        "{\"parties\" []}",
        "{\"parties\": [] \"topics\": []}",
        "[\"parties\"]",
    ] {
        same(json);
    }
}

#[test]
fn cut_or_damaged_anywhere_it_agrees_with_serde() {
    let chars: Vec<(usize, char)> = SMALL.char_indices().collect();
    for &(i, c) in &chars {
        same(&SMALL[..i]);
        let mut cut = SMALL.to_string();
        cut.remove(i);
        same(&cut);
        for put in ['"', ',', '}', ']', '1', 'n', '\\', '\n'] {
            if put != c {
                let mut bad = SMALL.to_string();
                bad.insert(i, put);
                same(&bad);
            }
        }
    }
}
