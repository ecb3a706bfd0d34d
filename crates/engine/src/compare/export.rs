//! The comparison as Markdown (a table a journalist can paste) and CSV.
//!
//! Everything from the articles or the profile goes through the report's
//! escaping: Markdown text is inert (no links, images, HTML or emphasis
//! from the article), CSV fields are quoted and defused against formula
//! injection, and control characters are removed from both.

use std::fmt::Write as _;

use super::{Bound, CellComparison, Comparison, FigureGroup, FigureValue, Verdict};
use crate::report::{csv_field, md_escape};

/// Evidence sentences shown per article and cell in Markdown.
const EVIDENCE_SHOWN: usize = 3;

impl Comparison {
    fn party_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.parties.iter().find(|p| &*p.id == id).map_or(id, |p| p.label.as_str())
    }

    fn topic_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.topics.iter().find(|t| &*t.id == id).map_or(id, |t| t.label.as_str())
    }

    /// `2. Reuters`: an article's number and label, as Markdown (the
    /// label escaped; the number is ours and needs none).
    fn article_head(&self, i: usize) -> String {
        format!("{}. {}", i + 1, md_escape(self.articles.get(i).map_or("", |a| a.label.as_str())))
    }

    /// The comparison as Markdown: the articles, a table of positions (one
    /// column per article, a verdict per row), the evidence of each
    /// position (three sentences per article at most), the figures that
    /// conflict, every figure, and the timeline when two or more articles
    /// have dates.
    // (Over 80 lines: the document's sections in the order they appear.)
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let with_ids = self.articles.iter().any(|a| a.id.is_some());
        out.push_str("## Articles\n\n| # | Title | Outlet | Date |");
        out.push_str(if with_ids { " File |\n|---|---|---|---|---|\n" } else { "\n|---|---|---|---|\n" });
        for (i, a) in self.articles.iter().enumerate() {
            let _ = write!(
                out,
                "| {} | {} | {} | {} |",
                i + 1,
                md_escape(&a.title),
                a.outlet.as_deref().map_or_else(|| "-".into(), md_escape),
                a.date.map_or_else(|| "-".into(), |d| d.to_string()),
            );
            if with_ids {
                let _ = write!(out, " {} |", a.id.as_deref().map_or_else(|| "-".into(), md_escape));
            }
            out.push('\n');
        }

        let covered: Vec<&CellComparison> = self.cells.iter().filter(|c| c.covered > 0).collect();
        out.push_str("\n## Positions\n\n");
        if covered.is_empty() {
            out.push_str("No article gives a position of any party.\n");
        } else {
            out.push_str("| Party | Topic | Verdict |");
            for i in 0..self.articles.len() {
                let _ = write!(out, " {} |", self.article_head(i));
            }
            out.push_str("\n|---|---|---|");
            out.push_str(&"---|".repeat(self.articles.len()));
            out.push('\n');
            for c in &covered {
                let _ = write!(
                    out,
                    "| {} | {} | {} |",
                    md_escape(self.party_label(&c.party)),
                    md_escape(self.topic_label(&c.topic)),
                    verdict_md(c.verdict)
                );
                for s in &c.by_article {
                    match s {
                        Some(s) => {
                            let _ = write!(out, " {} |", md_escape(&s.stance));
                        }
                        None => out.push_str(" - |"),
                    }
                }
                out.push('\n');
            }
            for c in &covered {
                let _ = write!(
                    out,
                    "\n### {} on {}: {}\n",
                    md_escape(self.party_label(&c.party)),
                    md_escape(self.topic_label(&c.topic)),
                    verdict_text(c.verdict)
                );
                for (i, s) in c.by_article.iter().enumerate() {
                    let Some(s) = s else { continue };
                    let _ = write!(out, "\n**{}**: {}\n\n", self.article_head(i), md_escape(&s.stance));
                    for e in s.evidence.iter().take(EVIDENCE_SHOWN) {
                        let who =
                            e.speaker.as_deref().map(|w| format!(" ({})", md_escape(w))).unwrap_or_default();
                        let _ = writeln!(out, "- {}{who}", md_escape(&e.text));
                    }
                    if s.evidence.len() > EVIDENCE_SHOWN {
                        let _ = writeln!(out, "- … and {} more", s.evidence.len() - EVIDENCE_SHOWN);
                    }
                }
            }
        }

        let conflicting: Vec<&FigureGroup> = self.conflicting_groups().collect();
        if !conflicting.is_empty() {
            out.push_str("\n## Figures that conflict\n\n");
            let _ = writeln!(
                out,
                "Values of the same measure from different articles or named sources, more than {}% apart.\n",
                (self.figures.tolerance * 100.0).round()
            );
            for g in conflicting {
                for c in &g.conflicts {
                    let (a, b) = (&g.values[c.a], &g.values[c.b]);
                    let _ = writeln!(
                        out,
                        "- **{}**: {} vs {}",
                        md_escape(&self.group_title(g)),
                        self.value_md(a),
                        self.value_md(b)
                    );
                }
            }
        }
        if self.figures.groups.iter().any(|g| !g.values.is_empty()) {
            out.push_str("\n## Figures\n\n| Topic | Measure | Article | Figure | Source | Value |\n|---|---|---|---|---|---|\n");
            for g in &self.figures.groups {
                let topic = g.topic.as_deref().map_or("-", |t| self.topic_label(t));
                for v in &g.values {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {} | {} |",
                        md_escape(topic),
                        md_escape(&g.label),
                        self.article_head(v.article),
                        md_escape(&v.text),
                        md_escape(v.source.as_deref().map_or("-", |s| self.party_label(s))),
                        md_escape(&v.display),
                    );
                }
            }
        }

        if self.timeline.order.len() >= 2 {
            out.push_str("\n## Timeline\n\n| Party | Topic |");
            for &i in &self.timeline.order {
                let date = self.articles[i].date.map_or_else(String::new, |d| d.to_string());
                let _ = write!(out, " {date} · {} |", self.article_head(i));
            }
            out.push_str("\n|---|---|");
            out.push_str(&"---|".repeat(self.timeline.order.len()));
            out.push('\n');
            for c in self.cells.iter().filter(|c| c.timeline.iter().any(|p| p.stance.is_some())) {
                let _ = write!(
                    out,
                    "| {} | {} |",
                    md_escape(self.party_label(&c.party)),
                    md_escape(self.topic_label(&c.topic))
                );
                for p in &c.timeline {
                    match (&p.stance, p.changed) {
                        (Some(s), true) => {
                            let _ = write!(out, " **{}** (changed) |", md_escape(s));
                        }
                        (Some(s), false) => {
                            let _ = write!(out, " {} |", md_escape(s));
                        }
                        (None, _) => out.push_str(" - |"),
                    }
                }
                out.push('\n');
            }
            if !self.timeline.undated.is_empty() {
                let list: Vec<String> = self.timeline.undated.iter().map(|&i| self.article_head(i)).collect();
                let _ = writeln!(out, "\nNot in the timeline (no date, or no year): {}.", list.join(", "));
            }
        }
        for n in self.notices.iter().chain(self.articles.iter().flat_map(|a| &a.notices)) {
            let _ = write!(out, "\n> {}\n", md_escape(n));
        }
        out
    }

    /// `Kursk, area held (km²)`.
    pub fn group_title(&self, g: &FigureGroup) -> String {
        let topic = g.topic.as_deref().map_or("no topic", |t| self.topic_label(t));
        if g.unit.is_empty() {
            format!("{topic}, {}", g.label)
        } else {
            format!("{topic}, {} ({})", g.label, g.unit)
        }
    }

    /// `"less than 200 sq. km" (Russia, 1. TASS)`
    fn value_md(&self, v: &FigureValue) -> String {
        format!(
            "“{}” ({}, {})",
            md_escape(&v.text),
            md_escape(v.source.as_deref().map_or("no source", |s| self.party_label(s))),
            self.article_head(v.article)
        )
    }

    /// One row per cell and article, for the cells some article gives:
    /// `party,topic,verdict,article,label,id,title,outlet,date,stance,summary,evidence`
    /// (`stance` is `none` where the article gives no position; `evidence`
    /// is the sentences joined by ` | `). Fields are quoted and defused
    /// like [`crate::Report::to_csv`]'s.
    pub fn to_csv(&self) -> String {
        let mut out =
            String::from("party,topic,verdict,article,label,id,title,outlet,date,stance,summary,evidence\n");
        for c in self.cells.iter().filter(|c| c.covered > 0) {
            for (i, s) in c.by_article.iter().enumerate() {
                let a = &self.articles[i];
                let evidence = s.as_ref().map_or_else(String::new, |s| {
                    s.evidence.iter().map(|e| e.text.as_str()).collect::<Vec<_>>().join(" | ")
                });
                let row = [
                    &*c.party,
                    &*c.topic,
                    c.verdict.name(),
                    &(i + 1).to_string(),
                    &a.label,
                    a.id.as_deref().unwrap_or(""),
                    &a.title,
                    a.outlet.as_deref().unwrap_or(""),
                    &a.date.map_or_else(String::new, |d| d.to_string()),
                    s.as_ref().map_or("none", |s| s.stance.as_str()),
                    s.as_ref().map_or("", |s| s.summary.as_str()),
                    &evidence,
                ]
                .map(csv_field)
                .join(",");
                out.push_str(&row);
                out.push('\n');
            }
        }
        out
    }
}

fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => "agree",
        Verdict::Differ => "differ",
        Verdict::OneSource => "one source",
        Verdict::None => "no position",
    }
}

fn verdict_md(v: Verdict) -> String {
    match v {
        Verdict::Differ => "**differ**".into(),
        v => verdict_text(v).into(),
    }
}

impl FigureValue {
    /// The value in words and symbols: `< 200 km²`, `about 1,300 km²`,
    /// `2–3 days`, `2,000–10,000 troops`, `≥ 30 days`; the figure as written
    /// when no number was read.
    pub(crate) fn describe(&self, unit: &str) -> String {
        let Some(v) = self.value else { return self.text.clone() };
        let unit = if unit.is_empty() {
            String::new()
        } else if unit == "%" {
            "%".into()
        } else {
            format!(" {unit}")
        };
        let n = |x: Option<f64>| x.map_or_else(|| "?".into(), number);
        match self.bound {
            Bound::Exact => format!("{}{unit}", number(v)),
            Bound::About => format!("about {}{unit}", number(v)),
            Bound::Nearly => format!("nearly {}{unit}", number(v)),
            Bound::Below => format!("< {}{unit}", number(v)),
            Bound::AtMost => format!("≤ {}{unit}", number(v)),
            Bound::Above => format!("> {}{unit}", number(v)),
            Bound::AtLeast => format!("≥ {}{unit}", number(v)),
            Bound::Range | Bound::Several => match self.max {
                Some(_) => format!("{}–{}{unit}", n(self.min), n(self.max)),
                None => format!("> {}{unit}", n(self.min)),
            },
        }
    }
}

/// `1,300`, `1.25`, `0.5`: thousands separated, at most two decimals.
fn number(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let rounded = (v * 100.0).round() / 100.0;
    let whole = rounded.trunc();
    let frac = ((rounded - whole).abs() * 100.0).round() as u64;
    let digits = format!("{}", whole.abs() as u64);
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    match frac {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_rounded() {
        for (v, want) in [
            (0.0, "0"),
            (1300.0, "1,300"),
            (1_000_000.0, "1,000,000"),
            (1.25, "1.25"),
            (66.666, "66.67"),
            (2.5, "2.5"),
            (1294.994, "1,294.99"),
            (f64::INFINITY, "?"),
        ] {
            assert_eq!(number(v), want, "{v}");
        }
    }
}
