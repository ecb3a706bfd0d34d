//! The figures compared: every article's figures read (value, bound,
//! quantity), grouped by topic and by what they measure, and the values of
//! a group that conflict paired.

use std::collections::HashMap;

use super::values::{self, Bound};
use super::{Article, Conflict, FigureGroup, FigureValue, FIGURE_TOLERANCE};
use crate::report::{Id, Label};

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

// (Over 80 lines: one pass over every article's figures that reads, classifies and groups each, reusing the sentence's context across its figures.)
pub(super) fn figure_groups(
    articles: &[Article<'_>],
    topics: &[Label],
    vocab: &values::Vocab,
) -> Vec<FigureGroup> {
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
