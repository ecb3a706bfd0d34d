//! `compare` on articles written for it (`tests/data/compare/`): three
//! reports of one week with deliberately opposite framings. TASS on Monday
//! has Russia backing the US truce and Russia's military putting Ukraine's
//! Kursk foothold under 200 sq. km; AP on Wednesday has Putin offering a
//! three-day pause instead and Ukraine's General Staff claiming about 1,250
//! sq. km; Reuters on Friday has Russia rejecting the truce.

use factgrid_engine::{analyze, compare, Article, ArticleMeta, Bound, Comparison, Profile, Report, Verdict};

const ARTICLES: [(&str, &str); 3] = [
    ("1-monday-tass.txt", include_str!("data/compare/1-monday-tass.txt")),
    ("2-wednesday-ap.txt", include_str!("data/compare/2-wednesday-ap.txt")),
    ("3-friday-reuters.txt", include_str!("data/compare/3-friday-reuters.txt")),
];

fn reports(profile: &Profile) -> Vec<Report> {
    ARTICLES.iter().map(|(_, text)| analyze(text, profile)).collect()
}

fn week() -> Comparison {
    let profile = Profile::default_profile();
    let reports = reports(&profile);
    let articles: Vec<Article<'_>> = ARTICLES
        .iter()
        .zip(&reports)
        .map(|((name, text), r)| Article { id: Some(name.to_string()), ..Article::new(text, r, &profile) })
        .collect();
    compare(&articles, &profile)
}

fn stances(c: &Comparison, party: &str, topic: &str) -> Vec<Option<String>> {
    c.cell(party, topic).unwrap().by_article.iter().map(|s| s.as_ref().map(|s| s.stance.clone())).collect()
}

#[test]
fn each_article_is_named_by_its_headline_outlet_and_date() {
    let c = week();
    let got: Vec<(&str, Option<&str>, Option<String>, &str)> = c
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.outlet.as_deref(), a.date.map(|d| d.to_string()), a.label.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Kremlin welcomes US truce proposal", Some("TASS"), Some("2025-03-10".into()), "TASS"),
            ("Putin offers three-day pause instead of US plan", Some("AP"), Some("2025-03-12".into()), "AP"),
            (
                "Russia rejects truce as Kyiv says it holds ground in Kursk",
                Some("Reuters"),
                Some("2025-03-14".into()),
                "Reuters"
            ),
        ]
    );
    assert_eq!(c.articles[0].id.as_deref(), Some("1-monday-tass.txt"));
}

#[test]
fn russias_truce_position_differs_between_outlets() {
    let c = week();
    let s = |s: &str| Some(s.to_string());
    assert_eq!(stances(&c, "russia", "ceasefire"), [s("supports"), s("proposes"), s("opposes")]);
    assert_eq!(c.cell("russia", "ceasefire").unwrap().verdict, Verdict::Differ);
    assert_eq!(stances(&c, "us", "ceasefire"), [s("proposes"), s("proposes"), s("proposes")]);
    assert_eq!(c.cell("us", "ceasefire").unwrap().verdict, Verdict::Agree);
    assert_eq!(stances(&c, "ukraine", "ceasefire"), [None, s("supports"), s("supports")]);
    assert_eq!(c.cell("ukraine", "ceasefire").unwrap().verdict, Verdict::Agree);
    assert_eq!(c.cell("us", "territory").unwrap().verdict, Verdict::None);
    // A chip's evidence: the sentences of that article that show it.
    let tass = c.cell("russia", "ceasefire").unwrap().by_article[0].as_ref().unwrap();
    assert!(tass.evidence.iter().any(|e| e.text.contains("Russia supports the US proposal")), "{tass:?}");
    let reuters = c.cell("russia", "ceasefire").unwrap().by_article[2].as_ref().unwrap();
    assert!(reuters
        .evidence
        .iter()
        .any(|e| e.text.starts_with("KYIV, March 14, 2025 (Reuters) - Russia rejected")));
}

#[test]
fn the_kursk_area_figures_conflict_across_sources() {
    let c = week();
    let held = c
        .figures
        .groups
        .iter()
        .find(|g| g.topic.as_deref() == Some("kursk") && g.measure.as_deref() == Some("area_held"))
        .expect("a Kursk area-held group");
    let values: Vec<(usize, &str, Option<&str>)> =
        held.values.iter().map(|v| (v.article, v.text.as_str(), v.source.as_deref())).collect();
    assert_eq!(
        values,
        [
            (0, "less than 200 sq. km", Some("russia")),
            (1, "about 1,250 sq. km", Some("ukraine")),
            (2, "about 1,100 sq. km", Some("ukraine"))
        ]
    );
    let pairs: Vec<(usize, usize)> = held.conflicts.iter().map(|c| (c.a, c.b)).collect();
    assert_eq!(
        pairs,
        [(0, 1), (0, 2)],
        "Russia's figure against each of Ukraine's; Ukraine's two agree within 10%"
    );
    assert_eq!(held.values[0].bound, Bound::Below);
    // The peak (`down from 1,300 sq. km at the peak`) is another measure, not a conflict.
    let taken = c.figures.groups.iter().find(|g| g.measure.as_deref() == Some("area_taken")).unwrap();
    assert_eq!(taken.values[0].text, "1,300 sq. km");
    assert!(taken.conflicts.is_empty());
}

#[test]
fn the_truce_lengths_conflict_between_russia_and_the_us() {
    let c = week();
    let g = c.figures.groups.iter().find(|g| g.measure.as_deref() == Some("truce_length")).unwrap();
    assert_eq!((g.quantity.as_str(), g.unit.as_str()), ("duration", "days"));
    assert!(!g.conflicts.is_empty());
    for pair in &g.conflicts {
        let (a, b) = (&g.values[pair.a], &g.values[pair.b]);
        let mut sources = [a.source.as_deref(), b.source.as_deref()];
        sources.sort();
        assert_eq!(sources, [Some("russia"), Some("us")], "{a:?} {b:?}");
        let mut days = [a.value, b.value];
        days.sort_by(|x, y| x.partial_cmp(y).unwrap());
        assert_eq!(days, [Some(3.0), Some(30.0)]);
    }
}

#[test]
fn the_timeline_shows_russias_position_moving() {
    let c = week();
    assert_eq!(c.timeline.order, [0, 1, 2]);
    let points: Vec<(String, Option<&str>, bool)> = c
        .cell("russia", "ceasefire")
        .unwrap()
        .timeline
        .iter()
        .map(|p| (p.date.to_string(), p.stance.as_deref(), p.changed))
        .collect();
    assert_eq!(
        points,
        [
            ("2025-03-10".into(), Some("supports"), false),
            ("2025-03-12".into(), Some("proposes"), true),
            ("2025-03-14".into(), Some("opposes"), true),
        ]
    );
}

#[test]
fn the_caller_may_name_the_articles_and_order_them_by_date() {
    let profile = Profile::default_profile();
    let reports = reports(&profile);
    // Given Friday first, with the dates the caller knows.
    let articles = [
        Article {
            text: ARTICLES[2].1,
            report: &reports[2],
            meta: ArticleMeta {
                title: "Friday".into(),
                outlet: None,
                date: Some("2025-03-14".parse().unwrap()),
            },
            id: None,
        },
        Article {
            text: ARTICLES[0].1,
            report: &reports[0],
            meta: ArticleMeta { title: "Monday".into(), outlet: Some("Kremlin wire".into()), date: None },
            id: None,
        },
    ];
    let c = compare(&articles, &profile);
    assert_eq!(c.articles.iter().map(|a| a.label.as_str()).collect::<Vec<_>>(), ["Friday", "Kremlin wire"]);
    assert_eq!((c.timeline.order.as_slice(), c.timeline.undated.as_slice()), (&[0][..], &[1][..]));
}

#[test]
fn the_comparison_serialises_with_its_schema() {
    let json = serde_json::to_value(week()).unwrap();
    assert_eq!(json["schema"], "factgrid.comparison/1");
    assert_eq!(json["articles"][2]["date"], "2025-03-14");
    let cell = json["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["party"] == "russia" && c["topic"] == "ceasefire")
        .unwrap();
    assert_eq!(cell["verdict"], "differ");
    assert_eq!(cell["by_article"][1]["stance"], "proposes");
    let group =
        &json["figures"]["groups"].as_array().unwrap().iter().find(|g| g["measure"] == "area_held").unwrap();
    assert_eq!(group["values"][0]["bound"], "below");
    assert_eq!(group["values"][0]["max"], 200.0);
    assert_eq!(group["conflicts"][0], serde_json::json!({"a": 0, "b": 1}));
    assert_eq!(json["figures"]["tolerance"], 0.1);
    // An article with no position is `null` in its cell.
    let ukraine = json["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["party"] == "ukraine" && c["topic"] == "ceasefire")
        .unwrap();
    assert!(ukraine["by_article"][0].is_null());
}

#[test]
fn markdown_pastes_as_a_table() {
    let md = week().to_markdown();
    assert!(md.contains("| Party | Topic | Verdict | 1. TASS | 2. AP | 3. Reuters |"), "{md}");
    assert!(md.contains("| Russia | Ceasefire | **differ** | supports | proposes | opposes |"), "{md}");
    assert!(md.contains("## Figures that conflict"), "{md}");
    assert!(md.contains("- **Kursk, area held (km²)**: “less than 200 sq. km” (Russia, 1. TASS) vs “about 1,250 sq. km” (Ukraine, 2. AP)"), "{md}");
}
