use super::*;
use crate::profile::Profile;
use crate::quotes::Quotes;
use crate::scan::Scanner;

/// Run `f` on the one-sentence text `text` as the stages see it.
pub(crate) fn with_sentence<R>(text: &str, f: impl FnOnce(&Sentence) -> R) -> R {
    let profile = Profile::default_profile();
    let scanner = Scanner::new(&profile);
    let words = Words::with_topics(&profile.lexicon, &profile.topics);
    let lower = crate::text::fold_case(text);
    let span = Span::new(0, text.len());
    let seg = Segment { span, paragraph: 0, kind: crate::UnitKind::Sentence };
    let quotes = Quotes::new(text, &lower, &[seg], Some(&scanner));
    let mut sc = Scanned::default();
    scanner.scan_sentence(text, &lower, span, &mut sc);
    let s =
        Sentence { index: 0, seg, text, lower: &lower, sc: &sc, quotes: quotes.view(span), words: &words };
    f(&s)
}

fn first_ref<'s>(s: &'s Sentence) -> &'s PartyRef {
    s.sc.refs.first().expect("a party reference")
}

#[test]
fn predicates() {
    // (sentence, predicate, expected)
    type Check = fn(&Sentence) -> bool;
    let cases: &[(&str, &str, Check, bool)] = &[
        ("Russia's army advanced.", "possessive", |s| s.possessive(first_ref(s)), true),
        ("Russia advanced.", "possessive", |s| s.possessive(first_ref(s)), false),
        ("Talks with the Kremlin began.", "after preposition", |s| s.after_preposition(first_ref(s)), true),
        ("The Kremlin said so.", "after preposition", |s| s.after_preposition(first_ref(s)), false),
        (
            "Peskov, the Kremlin spokesman, said so.",
            "followed by verb",
            |s| s.followed_by_verb(first_ref(s)),
            true,
        ),
        ("Aid to Kyiv was cut.", "followed by verb", |s| s.followed_by_verb(&s.sc.refs[0]), true),
        ("He urged the Kremlin to agree.", "object of verb", |s| s.object_of_verb(first_ref(s)), true),
        ("The Kremlin urged them to agree.", "object of verb", |s| s.object_of_verb(first_ref(s)), false),
        ("They asked Putin to spare them.", "request", |s| s.request(1, 2), true),
        ("He was asked to comment on it.", "request", |s| s.request(2, 3), false),
        ("What now?", "question", |s| s.is_question(), true),
        ("They hold the territory.", "determined", |s| s.determined(s.sc.topic_terms[0].0), true),
    ];
    for (text, what, check, want) in cases {
        assert_eq!(with_sentence(text, check), *want, "{what} in {text:?}");
    }
}

#[test]
fn clauses() {
    with_sentence("Moscow backed it, but Kyiv refused; nothing else.", |s| {
        assert_eq!(s.clause_end(1), 3, "`, but` opens a clause");
        assert!(s.clause_break(4, 6), "a semicolon is a break");
    });
    with_sentence("Russia's top general said it.", |s| {
        assert_eq!(s.role_after(1), Some(3));
        assert_eq!(s.noun_label(1), None);
    });
    with_sentence("the US ceasefire proposal", |s| assert_eq!(s.noun_label(2), Some(Stance::Proposes)));
}
