use super::*;
use crate::report::{Cell, Evidence, Figure, Sentence};
use crate::segment::UnitKind;
use crate::span::Span;

fn label(id: &str) -> Label {
    Label { id: id.into(), label: id.to_uppercase() }
}

/// A report of `text` (one sentence) with cells `(party, topic, stance)`
/// and figures `(text, topic, source)`, each found in the text.
fn report(text: &str, cells: &[(&str, &str, &str)], figures: &[(&str, &str, &str)]) -> Report {
    let span = Span::new(0, text.len());
    Report {
        schema: crate::SCHEMA.into(),
        parties: ["russia", "ukraine", "us"].map(label).to_vec(),
        topics: ["ceasefire", "territory", "kursk"].map(label).to_vec(),
        sentences: vec![Sentence {
            span,
            paragraph: 0,
            kind: UnitKind::Sentence,
            parties: vec![],
            topics: vec![],
        }],
        cells: cells
            .iter()
            .map(|&(p, t, s)| Cell {
                party: p.into(),
                topic: t.into(),
                stance: s.into(),
                summary: format!("{p} {s} {t}"),
                evidence: vec![Evidence {
                    sentence: 0,
                    text: text.into(),
                    span,
                    stance: Some(s.into()),
                    via: "speaker".into(),
                    speaker: Some("someone".into()),
                    speaker_span: None,
                    resolved: None,
                    resolved_span: None,
                    cue: None,
                    quote: None,
                }],
            })
            .collect(),
        figures: figures
            .iter()
            .map(|&(f, t, s)| {
                let at = text.find(f).expect("figure in text");
                Figure {
                    text: f.into(),
                    span: Span::new(at, at + f.len()),
                    sentence: 0,
                    topic: (!t.is_empty()).then(|| t.into()),
                    source: (!s.is_empty()).then(|| s.into()),
                }
            })
            .collect(),
        ..Report::default()
    }
}

fn article<'a>(
    text: &'a str,
    r: &'a Report,
    title: &str,
    outlet: Option<&str>,
    date: Option<&str>,
) -> Article<'a> {
    Article {
        text,
        report: r,
        meta: ArticleMeta {
            title: title.into(),
            outlet: outlet.map(Into::into),
            date: date.map(|d| d.parse().unwrap()),
        },
        id: None,
    }
}

fn run(articles: &[Article<'_>]) -> Comparison {
    compare(articles, &Profile::default_profile())
}

fn verdict(c: &Comparison, p: &str, t: &str) -> Verdict {
    c.cell(p, t).unwrap().verdict
}

#[test]
fn verdicts_count_the_articles_that_give_a_cell() {
    let t = "x";
    let a = report(
        t,
        &[("russia", "ceasefire", "supports"), ("ukraine", "ceasefire", "supports"), ("us", "kursk", "acts")],
        &[],
    );
    let b = report(t, &[("russia", "ceasefire", "opposes"), ("ukraine", "ceasefire", "supports")], &[]);
    let c = report(t, &[("ukraine", "ceasefire", "supports")], &[]);
    let cmp = run(&[
        article(t, &a, "A", None, None),
        article(t, &b, "B", None, None),
        article(t, &c, "C", None, None),
    ]);
    assert_eq!(verdict(&cmp, "russia", "ceasefire"), Verdict::Differ);
    assert_eq!(verdict(&cmp, "ukraine", "ceasefire"), Verdict::Agree);
    assert_eq!(verdict(&cmp, "us", "kursk"), Verdict::OneSource);
    assert_eq!(verdict(&cmp, "us", "territory"), Verdict::None);
    let cell = cmp.cell("russia", "ceasefire").unwrap();
    assert_eq!(cell.covered, 2);
    let stances: Vec<Option<&str>> =
        cell.by_article.iter().map(|s| s.as_ref().map(|s| s.stance.as_str())).collect();
    assert_eq!(stances, [Some("supports"), Some("opposes"), None], "one entry per article, in order");
    assert_eq!(cell.by_article[1].as_ref().unwrap().evidence[0].sentence, 0);
    assert_eq!(cmp.cells.len(), 9, "every party × topic");
    assert_eq!(
        cmp.cells.iter().map(|c| format!("{}/{}", c.party, c.topic)).take(4).collect::<Vec<_>>(),
        ["russia/ceasefire", "russia/territory", "russia/kursk", "ukraine/ceasefire"]
    );
    assert_eq!(cmp.schema, COMPARISON_SCHEMA);
}

#[test]
fn labels_are_outlets_titles_or_numbers_and_distinct() {
    let r = report("x", &[], &[]);
    let cmp = run(&[
        article(
            "x",
            &r,
            "Putin backs the truce in principle but asks for details",
            Some("Reuters"),
            Some("2025-03-13"),
        ),
        article("x", &r, "T2", Some("Reuters"), Some("2025-03-14")),
        article("x", &r, "Putin backs the truce in principle but asks for details", None, None),
        article("x", &r, "", None, None),
        article("x", &r, "Same", None, None),
        article("x", &r, "Same", None, None),
    ]);
    let labels: Vec<&str> = cmp.articles.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Reuters, 2025-03-13",
            "Reuters, 2025-03-14",
            "Putin backs the truce in…",
            "Article 4",
            "Same (5)",
            "Same (6)"
        ]
    );
}

#[test]
fn the_timeline_orders_cells_by_date() {
    let t = "x";
    let mon = report(t, &[("us", "ceasefire", "proposes")], &[]);
    let wed = report(t, &[], &[]);
    let fri = report(t, &[("us", "ceasefire", "demands")], &[]);
    let undated = report(t, &[("us", "ceasefire", "opposes")], &[]);
    // Given out of order; a date without a year takes the others' year.
    let cmp = run(&[
        article(t, &fri, "Fri", None, Some("2025-03-14")),
        article(t, &undated, "?", None, None),
        article(t, &mon, "Mon", None, Some("--03-10")),
        article(t, &wed, "Wed", None, Some("2025-03-12")),
    ]);
    assert_eq!(cmp.timeline.order, [2, 3, 0]);
    assert_eq!(cmp.timeline.undated, [1]);
    assert_eq!(cmp.timeline.assumed_year, Some(2025));
    let points: Vec<(usize, Option<&str>, bool)> = cmp
        .cell("us", "ceasefire")
        .unwrap()
        .timeline
        .iter()
        .map(|p| (p.article, p.stance.as_deref(), p.changed))
        .collect();
    assert_eq!(points, [(2, Some("proposes"), false), (3, None, false), (0, Some("demands"), true)]);
    assert_eq!(
        cmp.cell("us", "ceasefire").unwrap().timeline[0].date.to_string(),
        "--03-10",
        "dates stay as given"
    );

    // Years that differ leave a date without a year out.
    let cmp = run(&[
        article(t, &mon, "a", None, Some("2024-12-30")),
        article(t, &fri, "b", None, Some("--01-02")),
        article(t, &wed, "c", None, Some("2025-01-03")),
    ]);
    assert_eq!((cmp.timeline.order.as_slice(), cmp.timeline.undated.as_slice()), (&[0, 2][..], &[1][..]));
    assert_eq!(cmp.timeline.assumed_year, None);
    // No year anywhere: month and day.
    let cmp =
        run(&[article(t, &mon, "a", None, Some("--03-14")), article(t, &fri, "b", None, Some("--03-13"))]);
    assert_eq!(cmp.timeline.order, [1, 0]);
}

#[test]
fn conflicting_figures_from_different_sources_are_paired() {
    let a_text = "Russia's military said Ukraine holds less than 200 sq. km in Kursk.";
    let b_text = "Ukraine's General Staff said its forces hold about 1,300 sq. km in Kursk.";
    let c_text = "Kyiv said its troops hold 1,250 sq. km in Kursk and agreed to a 30-day truce.";
    let a = report(a_text, &[], &[("less than 200 sq. km", "kursk", "russia")]);
    let b = report(b_text, &[], &[("about 1,300 sq. km", "kursk", "ukraine")]);
    let c = report(c_text, &[], &[("1,250 sq. km", "kursk", "ukraine"), ("30-day", "ceasefire", "ukraine")]);
    let cmp = run(&[
        article(a_text, &a, "A", Some("TASS"), None),
        article(b_text, &b, "B", Some("Reuters"), None),
        article(c_text, &c, "C", Some("AP"), None),
    ]);
    let held = cmp.figures.groups.iter().find(|g| g.measure.as_deref() == Some("area_held")).unwrap();
    assert_eq!(
        (held.topic.as_deref(), held.quantity.as_str(), held.unit.as_str()),
        (Some("kursk"), "area", "km²")
    );
    let texts: Vec<&str> = held.values.iter().map(|v| v.text.as_str()).collect();
    assert_eq!(texts, ["less than 200 sq. km", "about 1,300 sq. km", "1,250 sq. km"]);
    assert_eq!(held.conflicts, [Conflict { a: 0, b: 1 }, Conflict { a: 0, b: 2 }]);
    assert_eq!(
        (held.values[0].bound, held.values[0].min, held.values[0].max),
        (Bound::Below, Some(0.0), Some(200.0))
    );
    assert_eq!(held.values[1].display, "about 1,300 km²");
    let truce = cmp.figures.groups.iter().find(|g| g.measure.as_deref() == Some("truce_length")).unwrap();
    assert!(truce.conflicts.is_empty());
    assert_eq!(cmp.conflicting_groups().count(), 1);
    // Groups come topic by topic, in the reports' order.
    let order: Vec<_> = cmp.figures.groups.iter().map(|g| g.topic.as_deref().unwrap()).collect();
    assert_eq!(order, ["ceasefire", "kursk"]);
}

#[test]
fn one_source_in_one_article_does_not_conflict_with_itself() {
    let t = "Ukraine currently holds less than 200 sq. km in Kursk, down from 1,300 sq. km at the peak, and 1,100 sq. km held.";
    let r =
        report(t, &[], &[("less than 200 sq. km", "kursk", "russia"), ("1,100 sq. km", "kursk", "russia")]);
    let cmp = run(&[article(t, &r, "A", None, None)]);
    assert_eq!(cmp.conflicting_groups().count(), 0);
}

#[test]
fn reports_that_point_nowhere_are_compared_without_panicking() {
    let mut r = report("short", &[("russia", "ceasefire", "supports")], &[]);
    r.figures.push(Figure {
        text: "about 40 km".into(),
        span: Span { start: 900, end: 2 },
        sentence: 77,
        topic: Some("kursk".into()),
        source: None,
    });
    r.figures.push(Figure {
        text: "no number".into(),
        span: Span::new(0, 0),
        sentence: 0,
        topic: None,
        source: None,
    });
    r.cells[0].evidence[0].sentence = 99;
    let other = Report { parties: vec![label("eu")], topics: vec![label("trade")], ..Report::default() };
    let cmp = run(&[article("short", &r, "A", None, None), article("", &other, "", None, None)]);
    assert_eq!(cmp.parties.iter().map(|p| &*p.id).collect::<Vec<_>>(), ["russia", "ukraine", "us", "eu"]);
    assert_eq!(cmp.topics.len(), 4);
    let unread = cmp.figures.groups.iter().flat_map(|g| &g.values).find(|v| v.text == "no number").unwrap();
    assert_eq!((unread.value, unread.display.as_str()), (None, "no number"));
    assert!(run(&[]).cells.is_empty());
}

#[test]
fn more_than_the_limit_are_left_out_with_a_notice() {
    let r = report("x", &[], &[]);
    let many: Vec<Article<'_>> =
        (0..MAX_ARTICLES + 2).map(|i| article("x", &r, &format!("T{i}"), None, None)).collect();
    let cmp = run(&many);
    assert_eq!(cmp.articles.len(), MAX_ARTICLES);
    assert!(cmp.notices[0].contains("2 more were left out"), "{:?}", cmp.notices);
}

#[test]
fn markdown_and_csv_exports_are_inert() {
    let t = "Moscow [x](javascript:alert(1)) backed the <img src=x> truce.";
    let a = report(t, &[("russia", "ceasefire", "supports")], &[]);
    let b = report(t, &[("russia", "ceasefire", "opposes")], &[]);
    let cmp = run(&[
        article(t, &a, "=HYPERLINK(\"x\") | *bold*", Some("Reu|ters"), Some("2025-03-13")),
        article(t, &b, "B", None, Some("2025-03-14")),
    ]);
    let md = cmp.to_markdown();
    assert!(
        md.contains("| Russia | Ceasefire | **differ** | supports | opposes |")
            || md.contains("| RUSSIA | CEASEFIRE | **differ** | supports | opposes |"),
        "{md}"
    );
    assert!(md.contains("\\[x\\](javascript:alert(1))") && md.contains("\\<img src=x\\>"), "{md}");
    assert!(md.contains("Reu\\|ters"), "{md}");
    assert!(md.contains("## Timeline"), "{md}");
    let csv = cmp.to_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("party,topic,verdict,article,label,id,title,outlet,date,stance,summary,evidence")
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with(
            "\"russia\",\"ceasefire\",\"differ\",\"1\",\"Reu|ters\",\"\",\"'=HYPERLINK(\"\"x\"\") | *bold*\""
        ),
        "{first}"
    );
    assert_eq!(csv.lines().count(), 3, "one row per article of the one cell given");
}
