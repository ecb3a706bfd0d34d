use super::*;
use crate::grammar::tests::with_sentence;

/// `party:via:Rule` for each holder kept, then `-:Reason` for each dropped.
fn holders(text: &str) -> String {
    with_sentence(text, |s| {
        let mut out = Holders::default();
        find(s, &mut out);
        let mut v: Vec<String> =
            out.kept.iter().map(|h| format!("{}:{}:{}", h.party.0, h.via.name(), h.rule.name())).collect();
        v.extend(out.dropped.iter().map(|(_, d)| format!("-:{}", d.name())));
        v.join(" ")
    })
}

#[test]
fn rule_names_are_distinct() {
    let names: std::collections::BTreeSet<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
    assert_eq!(names.len(), Rule::ALL.len());
}

#[test]
fn constructions_on_one_sentence() {
    // Party indices: 0 russia, 1 ukraine, 2 us.
    let cases = [
        ("Peskov said the truce was possible.", "0:speaker:Speech"),
        ("Washington backs a pause in the fighting.", "2:subject:Subject"),
        ("Moscow's rejection of the truce surprised no one.", "0:owner:PossessiveNoun"),
        ("The truce proposed by the United States was welcomed.", "2:agent:PassiveAgent"),
        ("Witkoff held talks with Russian officials.", "2:subject:Subject 0:agent:TalksPartner"),
        ("They urged Kyiv to accept the deal.", "-:asked"),
        ("According to the Russian military, troops advanced.", "0:according_to:AccordingTo"),
        ("Zelensky said that Russia wanted more land.", "1:speaker:Speech -:inside another's statement"),
        ("Washington has not commented on the claim.", "-:silent"),
    ];
    for (text, want) in cases {
        assert_eq!(holders(text), want, "holders of {text:?}");
    }
}
