//! `factgrid`: the analysis engine on the command line.
//!
//! ```text
//! factgrid analyze [--format json|table|markdown|csv|explain|explain-json] [--profile FILE] [FILE|-]
//! factgrid profile            print the built-in profile
//! ```
//!
//! Reads the article from FILE, or from standard input when FILE is `-` or
//! absent. Errors go to standard error with exit code 2; a closed pipe on
//! standard output ends quietly with exit code 0.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Context};
use factgrid_engine::{Analyzer, Profile, Report, MAX_INPUT_BYTES};

const USAGE: &str = "\
factgrid: who holds which position on what, in a news article

USAGE:
    factgrid analyze [--format json|table|markdown|csv|explain|explain-json] [--profile FILE] [FILE|-]
    factgrid profile
    factgrid --help | --version

FORMATS:
    json          the report (schema factgrid.report/1)
    table         the grid in the terminal, then the figures
    markdown      the grid and the evidence as a Markdown document
    csv           one row per evidence sentence
    explain       sentence by sentence, what each stage decided and why
                  (quote speakers, resolved pronouns, holders and the rule
                  that found them, topics and their trigger words, stance
                  cues), then the grid
    explain-json  {\"report\": …, \"explanation\": …}: the same trace as data

Reads the article from FILE, or standard input when FILE is '-' or absent.
Text that is not valid UTF-8 is read lossily (bad bytes become U+FFFD) and a
notice says so. Input beyond 20 MB is cut at 20 MB, with a notice.
";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Json,
    Table,
    Markdown,
    Csv,
    Explain,
    ExplainJson,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(io::stderr(), "factgrid: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    match command.as_deref() {
        None | Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some("-V" | "--version") => {
            println!("factgrid {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("profile") => {
            // The documented, indented source of the built-in profile.
            io::stdout().write_all(include_str!("../../engine/data/default-profile.json").as_bytes())?;
            Ok(())
        }
        Some("analyze") => analyze(args.collect()),
        Some(other) => bail!("unknown command {other:?}; try 'factgrid --help'"),
    }
}

fn analyze(args: Vec<String>) -> anyhow::Result<()> {
    let mut format = Format::Json;
    let mut profile_path: Option<String> = None;
    let mut input: Option<String> = None;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let v = it.next().context("--format needs a value: json, table, markdown or csv")?;
                format = parse_format(&v)?;
            }
            s if s.starts_with("--format=") => format = parse_format(&s["--format=".len()..])?,
            "--profile" | "-p" => profile_path = Some(it.next().context("--profile needs a file name")?),
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(());
            }
            s if s.starts_with("--") => bail!("unknown option {s:?}; try 'factgrid --help'"),
            _ => {
                if input.is_some() {
                    bail!("more than one input file given; analyse one article at a time");
                }
                input = Some(arg);
            }
        }
    }
    let profile = match &profile_path {
        None => Profile::default_profile(),
        Some(path) => {
            let json = std::fs::read_to_string(path).with_context(|| format!("reading profile {path}"))?;
            Profile::from_json(&json).with_context(|| format!("loading profile {path}"))?
        }
    };
    let (text, lossy) = read_input(input.as_deref())?;
    let analyzer = Analyzer::new(&profile);
    let (mut report, trace) = match format {
        Format::Explain | Format::ExplainJson => {
            let (r, t) = analyzer.explain(&text);
            (r, Some(t))
        }
        _ => (analyzer.analyze(&text), None),
    };
    if lossy {
        report
            .notices
            .insert(0, "The input was not valid UTF-8; invalid bytes were replaced by U+FFFD.".into());
    }
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        Format::Markdown => out.write_all(report.to_markdown().as_bytes())?,
        Format::Csv => out.write_all(report.to_csv().as_bytes())?,
        Format::Table => out.write_all(table(&report).as_bytes())?,
        Format::Explain => {
            if let Some(t) = &trace {
                write!(out, "{}", t.display(&text))?;
            }
            writeln!(out)?;
            out.write_all(table(&report).as_bytes())?;
        }
        Format::ExplainJson => {
            let both = serde_json::json!({ "report": report, "explanation": trace });
            serde_json::to_writer_pretty(&mut out, &both)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    for n in &report.notices {
        eprintln!("factgrid: note: {n}");
    }
    Ok(())
}

fn parse_format(v: &str) -> anyhow::Result<Format> {
    Ok(match v {
        "json" => Format::Json,
        "table" => Format::Table,
        "markdown" | "md" => Format::Markdown,
        "csv" => Format::Csv,
        "explain" => Format::Explain,
        "explain-json" => Format::ExplainJson,
        other => bail!("unknown format {other:?}; use json, table, markdown, csv, explain or explain-json"),
    })
}

/// Read the whole input; invalid UTF-8 is replaced, not refused.
fn read_input(path: Option<&str>) -> anyhow::Result<(String, bool)> {
    let mut bytes = Vec::new();
    let limit = (MAX_INPUT_BYTES as u64) + 4;
    match path {
        None | Some("-") => {
            io::stdin().lock().take(limit).read_to_end(&mut bytes).context("reading standard input")?;
        }
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("opening {p}"))?;
            f.take(limit).read_to_end(&mut bytes).with_context(|| format!("reading {p}"))?;
        }
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, false)),
        Err(e) => Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), true)),
    }
}

/// A plain-text grid for the terminal.
fn table(report: &Report) -> String {
    let mut out = String::new();
    let width = 24;
    out.push_str(&format!("{:<12}", "topic"));
    for p in &report.parties {
        out.push_str(&format!("{:<width$}", p.label));
    }
    out.push('\n');
    for t in &report.topics {
        out.push_str(&format!("{:<12}", t.label));
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
                f.text,
                f.topic.as_deref().unwrap_or("-"),
                f.source.as_deref().unwrap_or("-")
            ));
        }
    }
    out
}
