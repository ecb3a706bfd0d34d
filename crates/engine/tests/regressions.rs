//! Regression tests for defects found in review, each named after it.

use factgrid_engine::{Analyzer, Profile};

/// Claims were keyed by a bit mask, `1 << (party * 8 + topic)`, which
/// collides once a profile has more than 8 topics (profiles allow 64): with
/// nine topics, Russia's ninth topic and Ukraine's first shared a key and
/// Kyiv's truce cell vanished.
#[test]
fn claims_do_not_collide_beyond_eight_topics() {
    let mut profile = Profile::default_profile();
    let truce = profile.topics[0].clone();
    let mut topics = vec![truce];
    for i in 1..8 {
        let mut t = profile.topics[1].clone();
        t.id = format!("filler-{i}");
        t.terms = vec![format!("filler{i}")];
        t.weak_terms.clear();
        t.anaphors.clear();
        topics.push(t);
    }
    let mut border = profile.topics[1].clone();
    border.id = "border".into();
    border.terms = vec!["border deal".into()];
    border.weak_terms.clear();
    border.anaphors.clear();
    topics.push(border);
    profile.topics = topics;
    profile.validate().expect("a valid nine-topic profile");
    let report = Analyzer::new(&profile).analyze(
        "Moscow backed the truce and the border deal, and Kyiv backed the truce and the border deal.",
    );
    for (party, topic) in
        [("russia", "ceasefire"), ("russia", "border"), ("ukraine", "ceasefire"), ("ukraine", "border")]
    {
        assert!(report.cell(party, topic).is_some(), "{party}/{topic} is reported: {:?}", report.cells);
    }
}
