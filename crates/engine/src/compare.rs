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
mod figures;
mod json;
mod values;

use std::collections::HashMap;

use serde::Serialize;

use crate::meta::{ArticleMeta, Date};
use crate::profile::Profile;
use crate::report::{Id, Label, Report};

pub use values::Bound;

use figures::figure_groups;

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
                _ if !m.title.trim().is_empty() => crate::meta::cut(m.title.trim(), LABEL_CHARS),
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

#[cfg(test)]
mod tests;
