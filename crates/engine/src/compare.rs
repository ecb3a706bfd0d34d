//! Comparing articles: does one outlet report the same position as
//! another, and do their figures agree?
//!
//! [`compare()`] takes up to [`MAX_ARTICLES`] analysed articles (each its
//! text, its [`Report`] and its [`ArticleMeta`]: title, outlet, date) and
//! returns a [`Comparison`]:
//!
//! - for each party × topic, the stance each article gives it (or none),
//!   in article order, with a [`Verdict`] (`agree`, `differ`,
//!   `one_source`, `none`) and each stance's evidence sentences;
//! - the figures, read as values (`less than 200 sq. km` is at most 200
//!   km²), grouped by topic, by what they measure (`area held`, `truce
//!   length`: the profile's `lexicon.measures`) and by quantity, with the
//!   pairs of values from different articles or named sources that lie more than
//!   [`FIGURE_TOLERANCE`] apart;
//! - a timeline: each cell's stances in the order of the articles' dates.
//!
//! It is a pure function of its input: no clocks, no I/O, and it never
//! panics, whatever the reports hold (a report need not come from
//! [`crate::analyze`]; indices and spans that point nowhere are skipped).

mod export;
mod values;

use std::collections::HashMap;

use serde::Serialize;

use crate::meta::{ArticleMeta, Date};
use crate::profile::Profile;
use crate::report::{Id, Label, Report};

pub use values::Bound;

/// The comparison format's name and version.
pub const COMPARISON_SCHEMA: &str = "factgrid.comparison/1";

/// The most articles compared at once; more are left out with a notice.
pub const MAX_ARTICLES: usize = 20;

/// Values further apart than this share of the larger one conflict
/// (0.1: 200 and 1,300 conflict, 1,250 and 1,300 do not).
pub const FIGURE_TOLERANCE: f64 = 0.1;

/// One article to compare: its text, its report and what names it.
#[derive(Clone, Debug)]
pub struct Article<'a> {
    /// The analysed text (the report's spans point into it).
    pub text: &'a str,
    /// The text's report.
    pub report: &'a Report,
    /// Its title, outlet and date.
    pub meta: ArticleMeta,
    /// What the caller calls it (a file name, a URL), shown beside the title.
    pub id: Option<String>,
}

impl<'a> Article<'a> {
    /// An article whose title, outlet and date are read from its text
    /// ([`ArticleMeta::detect`]).
    pub fn new(text: &'a str, report: &'a Report, profile: &Profile) -> Article<'a> {
        Article { text, report, meta: ArticleMeta::detect(text, profile), id: None }
    }
}

/// How articles compare, as plain data (serialised with serde; `schema`
/// names the format).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Always [`COMPARISON_SCHEMA`].
    pub schema: String,
    /// The articles, in the order given.
    pub articles: Vec<ComparedArticle>,
    /// The parties of the reports, in order.
    pub parties: Vec<Label>,
    /// The topics of the reports, in order.
    pub topics: Vec<Label>,
    /// Every party × topic (party by party, topics in order).
    pub cells: Vec<CellComparison>,
    /// The figures, grouped by what they measure.
    pub figures: FigureComparison,
    /// The articles in date order.
    pub timeline: Timeline,
    /// What the reader should know (articles left out…).
    pub notices: Vec<String>,
}

/// One article as the comparison names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComparedArticle {
    /// The caller's name for it (a file name).
    pub id: Option<String>,
    /// Its title.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Its date, when known (`YYYY-MM-DD`, or `--MM-DD` without a year).
    pub date: Option<Date>,
    /// A short label for chips and columns, distinct among the articles:
    /// the outlet (with the date when outlets repeat), else the title cut
    /// short, else `Article N`.
    pub label: String,
    /// The report's notices (text cut at the limit…).
    pub notices: Vec<String>,
}

/// Whether the articles agree on a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Two or more articles give it, all with the same stance.
    Agree,
    /// Two or more articles give it, with different stances.
    Differ,
    /// One article gives it.
    OneSource,
    /// No article gives it.
    None,
}

impl Verdict {
    /// `agree`, `differ`, `one_source` or `none`.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Differ => "differ",
            Verdict::OneSource => "one_source",
            Verdict::None => "none",
        }
    }
}

/// One party × topic across the articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CellComparison {
    /// Party id.
    pub party: Id,
    /// Topic id.
    pub topic: Id,
    /// Whether the articles that give the cell agree.
    pub verdict: Verdict,
    /// How many articles give it.
    pub covered: usize,
    /// One entry per article, in article order: its stance, or `null`.
    pub by_article: Vec<Option<ArticleStance>>,
    /// The stances by date (articles with a date, see [`Timeline`]).
    pub timeline: Vec<TimelinePoint>,
}

/// What one article gives a cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleStance {
    /// The primary stance label.
    pub stance: String,
    /// The report's one-line summary.
    pub summary: String,
    /// The sentences that show it, in text order.
    pub evidence: Vec<EvidenceRef>,
}

/// One evidence sentence of an article's cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceRef {
    /// Index into that article's report's sentences.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
    /// The sentence's own stance, if it shows one.
    pub stance: Option<String>,
    /// Who speaks or acts, as written.
    pub speaker: Option<String>,
}

/// The figures of all articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureComparison {
    /// [`FIGURE_TOLERANCE`].
    pub tolerance: f64,
    /// One group per topic × measure × quantity, topics in order, measures
    /// in the profile's order, unclassified figures last in each topic.
    pub groups: Vec<FigureGroup>,
}

/// Figures that measure the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureGroup {
    /// The topic of its figures.
    pub topic: Option<Id>,
    /// The measure's id (`area_held`), or `null` when the engine cannot tell
    /// what the figures measure.
    pub measure: Option<String>,
    /// The measure's label (`area held`), or `unclassified`.
    pub label: String,
    /// What its values measure (`area`, `duration`, `share`, `count`).
    pub quantity: String,
    /// The unit of its values (`km²`, `days`, `%`; empty for a count).
    pub unit: String,
    /// The figures, in article order and then text order.
    pub values: Vec<FigureValue>,
    /// Pairs of values (indices into `values`) from different articles, or
    /// from two different named sources in one article, that lie more than
    /// the tolerance apart. Only classified groups have any; at most 100 are
    /// listed.
    pub conflicts: Vec<Conflict>,
}

/// One figure, read as a value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureValue {
    /// Its article (index into `articles`).
    pub article: usize,
    /// Index into that article's report's figures.
    pub figure: usize,
    /// Index into that article's report's sentences.
    pub sentence: usize,
    /// As written (`less than 200 sq. km`).
    pub text: String,
    /// The party it comes from, if the text names one.
    pub source: Option<Id>,
    /// What the words around the number say.
    pub bound: Bound,
    /// The number as written, in the group's unit (`null` when no number
    /// could be read).
    pub value: Option<f64>,
    /// The least value the words allow (`null`: none read).
    pub min: Option<f64>,
    /// The greatest value the words allow (`null`: no upper bound, or none read).
    pub max: Option<f64>,
    /// The value for display, in the group's unit (`< 200 km²`, `about
    /// 1,300 km²`, `2–3 days`; the text when no number was read): what
    /// every view shows, so that none formats values its own way.
    pub display: String,
}

/// Two values of one group that disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// Index into the group's values (the lower one first in input order).
    pub a: usize,
    /// Index into the group's values.
    pub b: usize,
}

/// The articles in date order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// Articles with a date, oldest first (the same date: in article order).
    pub order: Vec<usize>,
    /// Articles left out of the order: no date, or a date without a year
    /// when the dated articles span several years.
    pub undated: Vec<usize>,
    /// The year given to dates without one, when every article with a year
    /// has the same one.
    pub assumed_year: Option<u16>,
}

/// One article's stance on a cell, at its date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelinePoint {
    /// The article.
    pub article: usize,
    /// Its date, as given (perhaps without a year).
    pub date: Date,
    /// Its stance on the cell, or `null`.
    pub stance: Option<String>,
    /// The stance differs from the last stance before it.
    pub changed: bool,
}

/// Compare `articles` (at most [`MAX_ARTICLES`]; more are left out with a
/// notice) with the measure vocabulary of `profile`.
///
/// ```
/// use factgrid_engine::{analyze, compare, Article, Profile, Verdict};
///
/// let profile = Profile::default_profile();
/// let a = "Moscow backs the truce\nMOSCOW, March 13 (Reuters) - The Kremlin backed the truce.";
/// let b = "Moscow rejects the truce\nMOSCOW, March 14 (AP) - The Kremlin rejected the truce.";
/// let (ra, rb) = (analyze(a, &profile), analyze(b, &profile));
/// let cmp = compare(&[Article::new(a, &ra, &profile), Article::new(b, &rb, &profile)], &profile);
///
/// let cell = cmp.cells.iter().find(|c| &*c.party == "russia" && &*c.topic == "ceasefire").unwrap();
/// assert_eq!(cell.verdict, Verdict::Differ);
/// assert_eq!(cmp.articles[0].label, "Reuters");
/// assert_eq!(cell.timeline.iter().map(|p| p.article).collect::<Vec<_>>(), [0, 1]);
/// ```
pub fn compare(articles: &[Article<'_>], profile: &Profile) -> Comparison {
    let mut notices = Vec::new();
    let articles = if articles.len() > MAX_ARTICLES {
        notices.push(format!(
            "Only the first {MAX_ARTICLES} articles are compared; {} more {} left out.",
            articles.len() - MAX_ARTICLES,
            if articles.len() - MAX_ARTICLES == 1 { "was" } else { "were" }
        ));
        &articles[..MAX_ARTICLES]
    } else {
        articles
    };
    let parties = union(articles.iter().map(|a| &a.report.parties));
    let topics = union(articles.iter().map(|a| &a.report.topics));
    let timeline = timeline(articles);
    let cells = cells(articles, &parties, &topics, &timeline);
    let vocab = values::Vocab::new(profile);
    let figures =
        FigureComparison { tolerance: FIGURE_TOLERANCE, groups: figure_groups(articles, &topics, &vocab) };
    Comparison {
        schema: COMPARISON_SCHEMA.to_string(),
        articles: compared_articles(articles),
        parties,
        topics,
        cells,
        figures,
        timeline,
        notices,
    }
}

impl Comparison {
    /// The comparison of `party` × `topic`, if both are in it.
    pub fn cell(&self, party: &str, topic: &str) -> Option<&CellComparison> {
        self.cells.iter().find(|c| &*c.party == party && &*c.topic == topic)
    }

    /// The groups with conflicting values.
    pub fn conflicting_groups(&self) -> impl Iterator<Item = &FigureGroup> {
        self.figures.groups.iter().filter(|g| !g.conflicts.is_empty())
    }
}

/// The labels of every report, in the order first seen (duplicates once).
fn union<'r>(lists: impl Iterator<Item = &'r Vec<Label>>) -> Vec<Label> {
    let mut out: Vec<Label> = Vec::new();
    for list in lists {
        for l in list {
            if !out.iter().any(|o| o.id == l.id) {
                out.push(l.clone());
            }
        }
    }
    out
}

/// Longest label made from a title, in characters.
const LABEL_CHARS: usize = 32;

fn compared_articles(articles: &[Article<'_>]) -> Vec<ComparedArticle> {
    let outlet_count = |o: &str| articles.iter().filter(|a| a.meta.outlet.as_deref() == Some(o)).count();
    let mut labels: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let m = &a.meta;
            match (m.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()), m.date) {
                (Some(o), Some(d)) if outlet_count(o) > 1 => format!("{o}, {d}"),
                (Some(o), _) => o.to_string(),
                _ if !m.title.trim().is_empty() => short(m.title.trim(), LABEL_CHARS),
                _ => format!("Article {}", i + 1),
            }
        })
        .collect();
    // Still the same: number them.
    let copy = labels.clone();
    for (i, l) in labels.iter_mut().enumerate() {
        if copy.iter().filter(|o| *o == l).count() > 1 {
            l.push_str(&format!(" ({})", i + 1));
        }
    }
    articles
        .iter()
        .zip(labels)
        .map(|(a, label)| ComparedArticle {
            id: a.id.clone(),
            title: a.meta.title.clone(),
            outlet: a.meta.outlet.clone(),
            date: a.meta.date,
            label,
            notices: a.report.notices.clone(),
        })
        .collect()
}

/// `s` cut to `max` characters at a word boundary, with `…`.
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let limit = s.char_indices().nth(max - 1).map_or(s.len(), |(i, _)| i);
    let head = &s[..limit];
    let head = match head.rfind(' ') {
        Some(i) if i > max / 2 => &head[..i],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ', '-', '—', '–']))
}

fn timeline(articles: &[Article<'_>]) -> Timeline {
    let years: Vec<u16> = articles.iter().filter_map(|a| a.meta.date.and_then(Date::year)).collect();
    let one_year = years.first().copied().filter(|y| years.iter().all(|o| o == y));
    let any_yearless = articles.iter().any(|a| a.meta.date.is_some_and(|d| d.year().is_none()));
    let assumed_year = one_year.filter(|_| any_yearless);
    let mut order = Vec::new();
    let mut undated = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        match a.meta.date {
            Some(d) if d.year().is_some() || years.is_empty() || one_year.is_some() => {
                let key = match (d.year(), one_year) {
                    (None, Some(y)) => d.with_year(y).unwrap_or(d),
                    _ => d,
                };
                order.push((key, i));
            }
            _ => undated.push(i),
        }
    }
    // Dates without a year (all of them, or none left) compare by month and day.
    order.sort_by_key(|&(d, i)| (d, i));
    Timeline { order: order.into_iter().map(|(_, i)| i).collect(), undated, assumed_year }
}

fn cells(
    articles: &[Article<'_>],
    parties: &[Label],
    topics: &[Label],
    timeline: &Timeline,
) -> Vec<CellComparison> {
    // (party, topic) → cell index, per report, so that large grids stay linear.
    let index: Vec<HashMap<(&str, &str), usize>> = articles
        .iter()
        .map(|a| {
            let mut m = HashMap::new();
            for (k, c) in a.report.cells.iter().enumerate() {
                m.entry((&*c.party, &*c.topic)).or_insert(k);
            }
            m
        })
        .collect();
    let mut out = Vec::with_capacity(parties.len() * topics.len());
    for p in parties {
        for t in topics {
            let by_article: Vec<Option<ArticleStance>> = articles
                .iter()
                .zip(&index)
                .map(|(a, idx)| {
                    let c = &a.report.cells[*idx.get(&(&*p.id, &*t.id))?];
                    Some(ArticleStance {
                        stance: c.stance.clone(),
                        summary: c.summary.clone(),
                        evidence: c
                            .evidence
                            .iter()
                            .map(|e| EvidenceRef {
                                sentence: e.sentence,
                                text: e.text.clone(),
                                stance: e.stance.clone(),
                                speaker: e.speaker.clone(),
                            })
                            .collect(),
                    })
                })
                .collect();
            let stances: Vec<&str> = by_article.iter().flatten().map(|s| s.stance.as_str()).collect();
            let verdict = match stances.as_slice() {
                [] => Verdict::None,
                [_] => Verdict::OneSource,
                [first, rest @ ..] if rest.iter().all(|s| s == first) => Verdict::Agree,
                _ => Verdict::Differ,
            };
            let mut last: Option<&str> = None;
            let points = timeline
                .order
                .iter()
                .filter_map(|&i| {
                    let date = articles[i].meta.date?;
                    let stance = by_article[i].as_ref().map(|s| s.stance.clone());
                    let changed = match (&stance, last) {
                        (Some(s), Some(l)) => s != l,
                        _ => false,
                    };
                    if let Some(s) = &by_article[i] {
                        last = Some(s.stance.as_str());
                    }
                    Some(TimelinePoint { article: i, date, stance, changed })
                })
                .collect();
            out.push(CellComparison {
                party: p.id.clone(),
                topic: t.id.clone(),
                verdict,
                covered: stances.len(),
                by_article,
                timeline: points,
            });
        }
    }
    out
}

/// Round a value for display and JSON (two decimals).
fn round(v: f64) -> f64 {
    if v.is_finite() {
        (v * 100.0).round() / 100.0
    } else {
        v
    }
}

/// A group being filled: its key, its values and their claims (none for a
/// value without a number, which is listed but never in a conflict).
struct Pending {
    topic: Option<Id>,
    kind: Option<usize>,
    quantity: String,
    values: Vec<FigureValue>,
    claims: Vec<Option<values::Claim>>,
}

fn figure_groups(articles: &[Article<'_>], topics: &[Label], vocab: &values::Vocab) -> Vec<FigureGroup> {
    let mut groups: Vec<Pending> = Vec::new();
    let mut index: HashMap<(Option<Id>, Option<usize>, String), usize> = HashMap::new();
    for (ai, a) in articles.iter().enumerate() {
        let mut cached: Option<(usize, values::Context)> = None;
        for (fi, f) in a.report.figures.iter().enumerate() {
            let reading = vocab.read(&f.text);
            let quantity = reading.as_ref().map_or_else(|| values::COUNT.to_string(), |r| r.quantity.clone());
            // The figure's sentence (read once for all its figures) and
            // where the figure is in it, when the report's spans fit the
            // text; else the figure's own words.
            let sentence = a.report.sentences.get(f.sentence).and_then(|s| {
                let text = a.text.get(s.span.range())?;
                let at = f.span.start.checked_sub(s.span.start)?..f.span.end.checked_sub(s.span.start)?;
                (at.start <= at.end && at.end <= text.len()).then_some((text, at))
            });
            let kind = reading.as_ref().and_then(|r| match sentence {
                Some((text, at)) => {
                    if cached.as_ref().is_none_or(|(i, _)| *i != f.sentence) {
                        cached = Some((f.sentence, vocab.context(text)));
                    }
                    let ctx = &cached.as_ref().expect("cached above").1;
                    vocab.classify(ctx, at, &r.quantity, f.topic.as_deref())
                }
                None => {
                    let own = vocab.context(&f.text);
                    vocab.classify(&own, 0..f.text.len(), &r.quantity, f.topic.as_deref())
                }
            });
            let value = FigureValue {
                article: ai,
                figure: fi,
                sentence: f.sentence,
                text: f.text.clone(),
                source: f.source.clone(),
                bound: reading.as_ref().map_or(Bound::Exact, |r| r.bound),
                value: reading.as_ref().map(|r| round(r.value)),
                min: reading.as_ref().map(|r| round(r.min)),
                max: reading.as_ref().and_then(|r| r.max.is_finite().then(|| round(r.max))),
                display: String::new(),
            };
            let claim = reading.as_ref().map(|r| values::Claim {
                article: ai,
                source: f.source.as_deref().map(str::to_string),
                value: r.value,
                min: r.min,
                max: r.max,
            });
            let g = *index.entry((f.topic.clone(), kind, quantity.clone())).or_insert_with(|| {
                groups.push(Pending {
                    topic: f.topic.clone(),
                    kind,
                    quantity,
                    values: Vec::new(),
                    claims: Vec::new(),
                });
                groups.len() - 1
            });
            groups[g].values.push(value);
            groups[g].claims.push(claim);
        }
    }
    // Topics in order (none last), then the profile's measures, unclassified last.
    let topic_rank = |t: &Option<Id>| {
        t.as_ref().and_then(|t| topics.iter().position(|l| l.id == *t)).unwrap_or(usize::MAX)
    };
    groups.sort_by_key(|g| (topic_rank(&g.topic), g.kind.is_none(), g.kind));
    groups
        .into_iter()
        .map(|g| {
            let conflicts = match g.kind {
                Some(_) => {
                    let with: Vec<usize> = (0..g.claims.len()).filter(|&i| g.claims[i].is_some()).collect();
                    let claims: Vec<values::Claim> = g.claims.into_iter().flatten().collect();
                    values::conflicts(&claims, FIGURE_TOLERANCE)
                        .into_iter()
                        .map(|(a, b)| Conflict { a: with[a], b: with[b] })
                        .collect()
                }
                None => Vec::new(),
            };
            let unit = vocab.unit_of(&g.quantity);
            let mut values = g.values;
            for v in &mut values {
                v.display = v.describe(&unit);
            }
            FigureGroup {
                topic: g.topic,
                measure: g.kind.map(|k| vocab.kinds[k].id.clone()),
                label: g.kind.map_or_else(|| "unclassified".to_string(), |k| vocab.kinds[k].label.clone()),
                unit,
                quantity: g.quantity,
                values,
                conflicts,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
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
            &[
                ("russia", "ceasefire", "supports"),
                ("ukraine", "ceasefire", "supports"),
                ("us", "kursk", "acts"),
            ],
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
        let cmp = run(&[
            article(t, &mon, "a", None, Some("--03-14")),
            article(t, &fri, "b", None, Some("--03-13")),
        ]);
        assert_eq!(cmp.timeline.order, [1, 0]);
    }

    #[test]
    fn conflicting_figures_from_different_sources_are_paired() {
        let a_text = "Russia's military said Ukraine holds less than 200 sq. km in Kursk.";
        let b_text = "Ukraine's General Staff said its forces hold about 1,300 sq. km in Kursk.";
        let c_text = "Kyiv said its troops hold 1,250 sq. km in Kursk and agreed to a 30-day truce.";
        let a = report(a_text, &[], &[("less than 200 sq. km", "kursk", "russia")]);
        let b = report(b_text, &[], &[("about 1,300 sq. km", "kursk", "ukraine")]);
        let c =
            report(c_text, &[], &[("1,250 sq. km", "kursk", "ukraine"), ("30-day", "ceasefire", "ukraine")]);
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
        let r = report(
            t,
            &[],
            &[("less than 200 sq. km", "kursk", "russia"), ("1,100 sq. km", "kursk", "russia")],
        );
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
        let unread =
            cmp.figures.groups.iter().flat_map(|g| &g.values).find(|v| v.text == "no number").unwrap();
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
        assert!(first.starts_with("\"russia\",\"ceasefire\",\"differ\",\"1\",\"Reu|ters\",\"\",\"'=HYPERLINK(\"\"x\"\") | *bold*\""), "{first}");
        assert_eq!(csv.lines().count(), 3, "one row per article of the one cell given");
    }
}
