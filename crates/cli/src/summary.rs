//! `--summary`: across all articles, how often each party × topic took each
//! stance (the cell's primary stance), and how often it took none.

use std::fmt::Write as _;

use factgrid_engine::{Profile, Report, STANCE_LABELS};
use serde::Serialize;

use crate::args::Format;
use crate::sanitize::{csv_field, terminal_safe};

/// The name of "no cell for this party and topic" in the data formats.
const NONE: &str = "none";

/// What one article contributes: (party, topic, stance) indices of its cells.
pub type Stances = Vec<(usize, usize, usize)>;

/// `--summary --format json`.
#[derive(Serialize)]
struct Summary<'a> {
    schema: &'static str,
    /// Articles analysed (failed ones are not counted in `counts`).
    files: u64,
    failed: u64,
    parties: Vec<IdLabel<'a>>,
    topics: Vec<IdLabel<'a>>,
    stances: Vec<&'static str>,
    counts: Vec<Count<'a>>,
}

#[derive(Serialize)]
struct IdLabel<'a> {
    id: &'a str,
    label: &'a str,
}

/// How many articles gave `party` this `stance` on `topic` (`none`: no position).
#[derive(Serialize)]
struct Count<'a> {
    party: &'a str,
    topic: &'a str,
    stance: &'static str,
    files: u64,
}

/// The counts so far.
pub struct Tally {
    parties: Vec<(String, String)>,
    topics: Vec<(String, String)>,
    /// [party][topic][stance], flattened; the last stance slot is "none".
    counts: Vec<u64>,
    pub analysed: u64,
    pub failed: u64,
}

impl Tally {
    pub fn new(profile: &Profile) -> Tally {
        let parties: Vec<_> = profile.parties.iter().map(|p| (p.id.clone(), p.label.clone())).collect();
        let topics: Vec<_> = profile.topics.iter().map(|t| (t.id.clone(), t.label.clone())).collect();
        let counts = vec![0; parties.len() * topics.len() * (STANCE_LABELS.len() + 1)];
        Tally { parties, topics, counts, analysed: 0, failed: 0 }
    }

    /// The cells of `report` as indices, on a worker thread.
    pub fn stances(report: &Report) -> Stances {
        report
            .cells
            .iter()
            .filter_map(|c| {
                let p = report.parties.iter().position(|p| p.id == c.party)?;
                let t = report.topics.iter().position(|t| t.id == c.topic)?;
                let s = STANCE_LABELS.iter().position(|&s| s == c.stance)?;
                Some((p, t, s))
            })
            .collect()
    }

    pub fn add(&mut self, stances: &Stances) {
        self.analysed += 1;
        let mut filled = vec![false; self.parties.len() * self.topics.len()];
        for &(p, t, s) in stances {
            let pt = p * self.topics.len() + t;
            if pt < filled.len() && !filled[pt] {
                filled[pt] = true;
                self.counts[pt * (STANCE_LABELS.len() + 1) + s] += 1;
            }
        }
        for (pt, f) in filled.into_iter().enumerate() {
            if !f {
                self.counts[pt * (STANCE_LABELS.len() + 1) + STANCE_LABELS.len()] += 1;
            }
        }
    }

    /// Every (party, topic, stance, count), stances in the guidelines'
    /// order and then "none".
    fn rows(&self) -> impl Iterator<Item = (usize, usize, &'static str, u64)> + '_ {
        let stances = STANCE_LABELS.iter().copied().chain([NONE]);
        (0..self.parties.len()).flat_map(move |p| {
            let stances = stances.clone();
            (0..self.topics.len()).flat_map(move |t| {
                stances.clone().enumerate().map(move |(s, name)| {
                    let pt = p * self.topics.len() + t;
                    (p, t, name, self.counts[pt * (STANCE_LABELS.len() + 1) + s])
                })
            })
        })
    }

    fn count(&self, (p, t, stance, files): (usize, usize, &'static str, u64)) -> Count<'_> {
        Count { party: &self.parties[p].0, topic: &self.topics[t].0, stance, files }
    }

    pub fn render<'a>(&'a self, format: Format) -> String {
        let mut out = String::new();
        match format {
            Format::Json => {
                let labels = |v: &'a [(String, String)]| -> Vec<IdLabel<'a>> {
                    v.iter().map(|(id, label)| IdLabel { id, label }).collect()
                };
                let summary = Summary {
                    schema: "factgrid.summary/1",
                    files: self.analysed,
                    failed: self.failed,
                    parties: labels(&self.parties),
                    topics: labels(&self.topics),
                    stances: STANCE_LABELS.iter().copied().chain([NONE]).collect(),
                    counts: self.rows().map(|r| self.count(r)).collect(),
                };
                out = serde_json::to_string_pretty(&summary).expect("a summary serialises");
                out.push('\n');
            }
            Format::Jsonl => {
                for r in self.rows() {
                    out.push_str(&serde_json::to_string(&self.count(r)).expect("a count serialises"));
                    out.push('\n');
                }
            }
            Format::Csv => {
                out.push_str("party,topic,stance,files\n");
                for (p, t, s, n) in self.rows() {
                    let _ = writeln!(
                        out,
                        "{},{},{},{n}",
                        csv_field(&self.parties[p].0),
                        csv_field(&self.topics[t].0),
                        csv_field(s)
                    );
                }
            }
            // (The arguments refuse --summary with the explain formats.)
            Format::Table | Format::Markdown | Format::Explain | Format::ExplainJson => {
                let md = format == Format::Markdown;
                let mut head: Vec<String> = vec!["party".into(), "topic".into()];
                head.extend(STANCE_LABELS.iter().map(|s| s.to_string()));
                head.push("no position".into());
                let mut rows = vec![head];
                for p in 0..self.parties.len() {
                    for t in 0..self.topics.len() {
                        let pt = p * self.topics.len() + t;
                        let mut row = vec![label(&self.parties[p].1, md), label(&self.topics[t].1, md)];
                        let k = STANCE_LABELS.len() + 1;
                        row.extend(self.counts[pt * k..(pt + 1) * k].iter().map(|n| n.to_string()));
                        rows.push(row);
                    }
                }
                if md {
                    let _ = writeln!(out, "{} files analysed, {} failed.\n", self.analysed, self.failed);
                    for (i, row) in rows.iter().enumerate() {
                        let _ = writeln!(out, "| {} |", row.join(" | "));
                        if i == 0 {
                            let _ = writeln!(out, "|{}", "---|".repeat(row.len()));
                        }
                    }
                } else {
                    let _ = writeln!(out, "{} files analysed, {} failed\n", self.analysed, self.failed);
                    let widths: Vec<usize> = (0..rows[0].len())
                        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
                        .collect();
                    for row in &rows {
                        let mut line = String::new();
                        for (c, cell) in row.iter().enumerate() {
                            let pad = widths[c] - cell.chars().count();
                            if c < 2 {
                                let _ = write!(line, "{cell}{}  ", " ".repeat(pad));
                            } else {
                                let _ = write!(line, "{}{cell}  ", " ".repeat(pad));
                            }
                        }
                        let _ = writeln!(out, "{}", line.trim_end());
                    }
                }
            }
        }
        out
    }
}

fn label(s: &str, md: bool) -> String {
    let s = terminal_safe(s);
    if md {
        // Labels come from the profile: escape what Markdown would read.
        s.chars()
            .flat_map(|c| {
                let esc = "\\`*_[]<>|~&!$#".contains(c);
                esc.then_some('\\').into_iter().chain([c])
            })
            .collect()
    } else {
        s.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factgrid_engine::analyze;

    #[test]
    fn counts_primary_stances_and_absent_cells() {
        let profile = Profile::default_profile();
        let mut tally = Tally::new(&profile);
        for text in ["Moscow rejected the truce.", "Moscow rejected the ceasefire.", "Kyiv backed the truce."]
        {
            tally.add(&Tally::stances(&analyze(text, &profile)));
        }
        let count = |party: &str, topic: &str, stance: &str| {
            tally
                .rows()
                .find(|&(p, t, s, _)| {
                    tally.parties[p].0 == party && tally.topics[t].0 == topic && s == stance
                })
                .unwrap()
                .3
        };
        assert_eq!(count("russia", "ceasefire", "opposes"), 2);
        assert_eq!(count("russia", "ceasefire", "none"), 1);
        assert_eq!(count("ukraine", "ceasefire", "supports"), 1);
        assert_eq!(count("us", "kursk", "none"), 3);
        let csv = tally.render(Format::Csv);
        assert!(csv.contains("\"russia\",\"ceasefire\",\"opposes\",2\n"), "{csv}");
        let table = tally.render(Format::Table);
        assert!(table.starts_with("3 files analysed, 0 failed\n"), "{table}");
    }
}
