//! Property tests for comparing articles: `compare` never panics and keeps
//! its shape for any reports (made by the engine from article-shaped text,
//! or built by hand with indices and spans that point anywhere), and
//! `ArticleMeta::detect` never panics on any text.

use factgrid_engine::{
    compare, Analyzer, Article, ArticleMeta, Cell, Comparison, Evidence, Figure, Label, Profile, Report,
    Sentence, Span, UnitKind, Verdict, MAX_ARTICLES,
};
use proptest::prelude::*;

fn profile() -> &'static Profile {
    analyzer().profile()
}

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(|| Analyzer::new(&Profile::default_profile()))
}

/// Words that make the comparison's stages work: parties, stances, figures
/// with modifiers and units, datelines, bylines, dates.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Putin".to_string()),
        Just("Kyiv".into()),
        Just("the US".into()),
        Just("rejected".into()),
        Just("backed".into()),
        Just("the truce".into()),
        Just("Kursk".into()),
        Just("holds".into()),
        Just("retaken".into()),
        Just("less than".into()),
        Just("about".into()),
        Just("200 sq. km".into()),
        Just("1,300".into()),
        Just("one-fifth".into()),
        Just("nine-tenths".into()),
        Just("tens of thousands of troops".into()),
        Just("30-day".into()),
        Just("two- to three-day".into()),
        Just("72 hours".into()),
        Just("86%".into()),
        Just("MOSCOW, March 13 (Reuters) -".into()),
        Just("KYIV (AP) —".into()),
        Just("/TASS/.".into()),
        Just("By Jane Doe, Reuters".into()),
        Just("Published 13 March 2025".into()),
        Just("Updated: 2025-02-30 10:42".into()),
        Just("Thursday, 31 April".into()),
        Just("13.03.2025".into()),
        Just("(".into()),
        Just("/".into()),
        Just(",".into()),
        Just(".".into()),
        Just("\n".into()),
        Just("\u{2014}".into()),
        Just("\u{1b}[31m".into()),
        Just("Київ".into()),
        "[a-zA-Z]{1,8}",
        "[0-9.,]{1,6}",
        "\\PC{1,3}",
        any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((token(), prop_oneof![Just(" "), Just(""), Just("\n")]), 0..60)
        .prop_map(|v| v.into_iter().map(|(t, s)| t + s).collect())
}

fn label() -> impl Strategy<Value = Label> {
    prop_oneof![
        Just("russia".to_string()),
        Just("ukraine".into()),
        Just("us".into()),
        Just("ceasefire".into()),
        Just("kursk".into()),
        "[a-z]{1,3}"
    ]
    .prop_map(|id| Label { label: id.to_uppercase(), id: id.into() })
}

fn span() -> impl Strategy<Value = Span> {
    (0usize..400, 0usize..400).prop_map(|(start, end)| Span { start, end })
}

fn id() -> impl Strategy<Value = factgrid_engine::Id> {
    prop_oneof![
        Just("russia".to_string()),
        Just("ukraine".into()),
        Just("ceasefire".into()),
        Just("kursk".into()),
        "[a-z]{0,3}"
    ]
    .prop_map(Into::into)
}

fn stance() -> impl Strategy<Value = String> {
    prop_oneof![Just("supports".to_string()), Just("opposes".into()), "\\PC{0,6}"]
}

/// A report as anyone could build it: nothing need point anywhere.
fn arbitrary_report() -> impl Strategy<Value = Report> {
    let evidence =
        (0usize..50, "\\PC{0,20}", span(), prop::option::of(stance()), prop::option::of("\\PC{0,8}"))
            .prop_map(|(sentence, text, span, stance, speaker)| Evidence {
                sentence,
                text,
                span,
                stance,
                via: "speaker".into(),
                speaker,
                speaker_span: None,
                resolved: None,
                resolved_span: None,
                cue: None,
                quote: None,
            });
    let cell = (id(), id(), stance(), prop::collection::vec(evidence, 0..3)).prop_map(
        |(party, topic, stance, evidence)| Cell { party, topic, stance, summary: String::new(), evidence },
    );
    let figure = (
        prop_oneof![token(), "\\PC{0,12}"],
        span(),
        0usize..50,
        prop::option::of(id()),
        prop::option::of(id()),
    )
        .prop_map(|(text, span, sentence, topic, source)| Figure { text, span, sentence, topic, source });
    let sentence = span().prop_map(|span| Sentence {
        span,
        paragraph: 0,
        kind: UnitKind::Sentence,
        parties: vec![],
        topics: vec![],
    });
    (
        prop::collection::vec(label(), 0..4),
        prop::collection::vec(label(), 0..4),
        prop::collection::vec(sentence, 0..6),
        prop::collection::vec(cell, 0..8),
        prop::collection::vec(figure, 0..10),
    )
        .prop_map(|(parties, topics, sentences, cells, figures)| Report {
            schema: "factgrid.report/1".into(),
            parties,
            topics,
            sentences,
            cells,
            figures,
            ..Report::default()
        })
}

fn meta() -> impl Strategy<Value = ArticleMeta> {
    (
        "\\PC{0,40}",
        prop::option::of("\\PC{0,10}"),
        prop::option::of((prop::option::of(1990u16..2030), 1u8..=12, 1u8..=28)),
    )
        .prop_map(|(title, outlet, date)| ArticleMeta {
            title,
            outlet,
            date: date.and_then(|(y, m, d)| factgrid_engine::Date::new(y, m, d)),
        })
}

/// The shape every comparison keeps.
fn check(c: &Comparison, n: usize) {
    let n = n.min(MAX_ARTICLES);
    assert_eq!(c.articles.len(), n);
    assert_eq!(c.cells.len(), c.parties.len() * c.topics.len());
    let mut labels: Vec<&str> = c.articles.iter().map(|a| a.label.as_str()).collect();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), n, "labels are distinct: {:?}", c.articles);
    for cell in &c.cells {
        assert_eq!(cell.by_article.len(), n);
        let given: Vec<&str> = cell.by_article.iter().flatten().map(|s| s.stance.as_str()).collect();
        assert_eq!(cell.covered, given.len());
        let want = match given.len() {
            0 => Verdict::None,
            1 => Verdict::OneSource,
            _ if given.iter().all(|s| *s == given[0]) => Verdict::Agree,
            _ => Verdict::Differ,
        };
        assert_eq!(cell.verdict, want);
        assert_eq!(cell.timeline.len(), c.timeline.order.len());
    }
    let mut seen: Vec<usize> = c.timeline.order.iter().chain(&c.timeline.undated).copied().collect();
    seen.sort();
    seen.dedup();
    assert!(seen.len() == c.timeline.order.len() + c.timeline.undated.len() && seen.iter().all(|&i| i < n));
    for g in &c.figures.groups {
        for v in &g.values {
            assert!(v.article < n);
            if let (Some(lo), Some(hi)) = (v.min, v.max) {
                assert!(lo <= hi, "{v:?}");
            }
        }
        for pair in &g.conflicts {
            assert!(pair.a < pair.b && pair.b < g.values.len(), "{pair:?}");
            let (a, b) = (&g.values[pair.a], &g.values[pair.b]);
            assert!(a.article != b.article || a.source != b.source, "{a:?} {b:?}");
            assert!(g.measure.is_some());
        }
    }
    let json = serde_json::to_string(c).expect("a comparison serialises");
    assert!(json.starts_with("{\"schema\":\"factgrid.comparison/1\""));
    let md = c.to_markdown();
    assert!(!md.contains('\u{1b}'));
    let csv = c.to_csv();
    assert!(csv.lines().skip(1).all(|l| l.starts_with('"')));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn articles_the_engine_analysed_compare(texts in prop::collection::vec(text(), 0..5)) {
        let reports: Vec<Report> = texts.iter().map(|t| analyzer().analyze(t)).collect();
        let articles: Vec<Article<'_>> = texts.iter().zip(&reports).map(|(t, r)| Article::new(t, r, profile())).collect();
        check(&compare(&articles, profile()), articles.len());
    }

    #[test]
    fn arbitrary_reports_compare(items in prop_oneof![
        4 => prop::collection::vec((arbitrary_report(), "\\PC{0,60}", meta()), 0..5),
        1 => prop::collection::vec((arbitrary_report(), "\\PC{0,60}", meta()), 19..23),
    ]) {
        let articles: Vec<Article<'_>> =
            items.iter().map(|(r, t, m)| Article { text: t, report: r, meta: m.clone(), id: None }).collect();
        check(&compare(&articles, profile()), articles.len());
    }

    #[test]
    fn metadata_detection_never_panics(t in prop_oneof![text(), "\\PC{0,200}"]) {
        let m = ArticleMeta::detect(&t, profile());
        prop_assert!(m.title.chars().count() <= 121);
        if let Some(d) = m.date {
            prop_assert_eq!(d.to_string().parse::<factgrid_engine::Date>().ok(), Some(d));
        }
    }
}
