//! Reports as bytes, in each format, alone or as one of several.
//!
//! Rendering happens on the worker threads (JSON is the costly part of a
//! run after the analysis); the writer only frames and writes the bytes in
//! input order: [`Framing`] holds what goes before, between and after.

use std::io::Write;

use factgrid_engine::{Explanation, Report};
use serde::Serialize;

use crate::args::Format;
use crate::sanitize::{csv_field, terminal_safe};

/// One article's output: its report, or why there is none.
#[derive(Clone, Copy)]
pub enum Entry<'a> {
    Report(&'a Report),
    Failed(&'a str),
}

/// An article in JSON and JSONL output: `{path, report}` or `{path, error}`.
#[derive(Serialize)]
struct Named<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// How one article's output looks. `path` is `Some` when the run has
/// several articles (each output says whose it is) or the format always
/// names it (JSONL).
pub fn render(format: Format, path: Option<&str>, entry: Entry<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    let named = || Named {
        path: path.unwrap_or("-"),
        report: match entry {
            Entry::Report(r) => Some(r),
            Entry::Failed(_) => None,
        },
        error: match entry {
            Entry::Report(_) => None,
            Entry::Failed(e) => Some(e),
        },
    };
    match (format, &entry) {
        (Format::Jsonl, _) => {
            serde_json::to_writer(&mut out, &named()).expect("a report serialises");
            out.push(b'\n');
        }
        (Format::Json, Entry::Report(r)) if path.is_none() => {
            serde_json::to_writer_pretty(&mut out, r).expect("a report serialises");
            out.push(b'\n');
        }
        (Format::Json, _) => serde_json::to_writer_pretty(&mut out, &named()).expect("a report serialises"),
        (Format::Table, Entry::Report(r)) => {
            if let Some(p) = path {
                let _ = writeln!(out, "==> {} <==", terminal_safe(p));
            }
            out.extend_from_slice(table(r).as_bytes());
            if path.is_some() {
                out.push(b'\n');
            }
        }
        (Format::Markdown, Entry::Report(r)) => {
            if let Some(p) = path {
                let _ = write!(out, "## {}\n\n", md_code(p));
            }
            out.extend_from_slice(r.to_markdown().as_bytes());
            if path.is_some() {
                out.push(b'\n');
            }
        }
        (Format::Csv, Entry::Report(r)) => {
            let csv = r.to_csv();
            match path {
                None => out.extend_from_slice(csv.as_bytes()),
                Some(p) => {
                    // `to_csv` writes one record per line (line breaks in
                    // fields become spaces): prefix each with the path.
                    let p = csv_field(p);
                    for line in csv.lines().skip(1) {
                        let _ = writeln!(out, "{p},{line}");
                    }
                }
            }
        }
        // The error goes to standard error; these formats have no place for it.
        (Format::Table | Format::Markdown | Format::Csv, Entry::Failed(_)) => {}
        // One article only (the arguments refuse more): see [`explain`].
        (Format::Explain | Format::ExplainJson, _) => {}
    }
    out
}

/// The explain trace of one article: for people (then the grid), or as
/// `{report, explanation}` JSON.
pub fn explain(format: Format, text: &str, report: &Report, trace: &Explanation) -> Vec<u8> {
    let mut out = Vec::new();
    if format == Format::ExplainJson {
        let both = serde_json::json!({ "report": report, "explanation": trace });
        serde_json::to_writer_pretty(&mut out, &both).expect("a report serialises");
        out.push(b'\n');
    } else {
        for line in trace.display(text).to_string().lines() {
            let _ = writeln!(out, "{}", terminal_safe(line));
        }
        out.push(b'\n');
        out.extend_from_slice(table(report).as_bytes());
    }
    out
}

/// What a run of several articles writes around their outputs.
pub struct Framing {
    pub start: &'static str,
    pub between: &'static str,
    pub end: &'static str,
}

impl Framing {
    pub fn of(format: Format, batch: bool) -> Framing {
        match (format, batch) {
            (Format::Json, true) => Framing { start: "[\n", between: ",\n", end: "\n]\n" },
            (Format::Csv, true) => Framing { start: CSV_BATCH_HEADER, between: "", end: "" },
            _ => Framing { start: "", between: "", end: "" },
        }
    }
}

/// The header of `Report::to_csv`, with the path in front.
const CSV_BATCH_HEADER: &str = "path,party,topic,stance,summary,sentence,speaker,evidence\n";

/// `s` as a Markdown code span: shown as is, never a link, image or HTML.
fn md_code(s: &str) -> String {
    let s = terminal_safe(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // Spaces inside the fence keep a leading or trailing backtick apart
    // from it; renderers strip one space on each side.
    format!("{fence} {s} {fence}")
}

/// A plain-text grid for the terminal.
pub fn table(report: &Report) -> String {
    let mut out = String::new();
    let width = 24;
    // (The first column fits the longest topic label: `Прекращение огня`.)
    let first =
        report.topics.iter().map(|t| terminal_safe(&t.label).chars().count() + 2).fold(12, usize::max);
    out.push_str(&format!("{:<first$}", "topic"));
    for p in &report.parties {
        out.push_str(&format!("{:<width$}", terminal_safe(&p.label)));
    }
    out.push('\n');
    for t in &report.topics {
        out.push_str(&format!("{:<first$}", terminal_safe(&t.label)));
        for p in &report.parties {
            let cell = match report.cell(&p.id, &t.id) {
                Some(c) => format!("{} ({})", c.stance, c.evidence.len()),
                None => "-".into(),
            };
            out.push_str(&format!("{cell:<width$}"));
        }
        out.push('\n');
    }
    if !report.figures.is_empty() {
        out.push_str("\nfigures:\n");
        for f in &report.figures {
            out.push_str(&format!(
                "  {:<28} topic: {:<10} source: {}\n",
                terminal_safe(&f.text),
                f.topic.as_deref().unwrap_or("-"),
                f.source.as_deref().unwrap_or("-")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use factgrid_engine::{analyze, Profile};

    #[test]
    fn csv_batch_header_is_the_report_header_with_a_path() {
        let r = analyze("Moscow rejected the truce.", &Profile::default_profile());
        let header = r.to_csv().lines().next().unwrap().to_string();
        assert_eq!(CSV_BATCH_HEADER, format!("path,{header}\n"));
    }

    #[test]
    fn paths_in_markdown_are_code_spans() {
        assert_eq!(md_code("a/b.txt"), "` a/b.txt `");
        assert_eq!(md_code("a`b``c.txt"), "``` a`b``c.txt ```");
        assert_eq!(md_code("[x](javascript:alert(1)).txt"), "` [x](javascript:alert(1)).txt `");
    }

    #[test]
    fn the_table_strips_control_sequences() {
        let r = analyze(
            "Moscow \u{1b}]0;pwned\u{7}rejected the 30-day\u{1b}[2J truce.",
            &Profile::default_profile(),
        );
        let t = table(&r);
        assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "{t:?}");
        assert!(t.contains("30-day"), "{t}");
    }
}
