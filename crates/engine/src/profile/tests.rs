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
            r#"{"parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "EU", "kind": "country"}]}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}], "lexicon": {"figures": {"context_words": ["monitored"]}}}"#,
            "lexicon.figures.context_words[0] (\"monitored\") must be written `topic: words`",
        ),
        (
            r#"{"parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "EU", "kind": "country"}]}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}], "lexicon": {"figures": {"time_topic": ["Truce!"]}}}"#,
            "lexicon.figures.time_topic[0] \"Truce!\" must be",
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
