//! The command line, parsed into plain data.
//!
//! One function per subcommand, one table of output formats: a new format
//! is a [`Format`] variant plus a row in [`Format::NAMES`]; a new
//! subcommand is a [`Command`] variant plus an arm in [`parse`].

use std::ffi::OsString;
use std::num::NonZeroUsize;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context};
use factgrid_engine::Language;
use lexopt::prelude::*;

/// What the user asked for.
#[derive(Debug)]
pub enum Command {
    Analyze(AnalyzeArgs),
    Compare(CompareArgs),
    /// Print a built-in profile: English, or the language asked for.
    Profile(Language),
    Help,
    Version,
}

/// How reports are written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    /// The report as indented JSON (several inputs: an array of `{path, report}`).
    Json,
    /// One compact JSON object per line: `{path, report}` or `{path, error}`.
    Jsonl,
    /// A grid for the terminal.
    Table,
    /// A Markdown grid and the evidence.
    Markdown,
    /// One row per cell and evidence sentence.
    Csv,
    /// What each stage decided, sentence by sentence, then the grid.
    Explain,
    /// `{report, explanation}`: the trace as data.
    ExplainJson,
}

impl Format {
    /// Every format and the names it is given by; the first is the one help shows.
    pub const NAMES: &'static [(Format, &'static [&'static str])] = &[
        (Format::Json, &["json"]),
        (Format::Jsonl, &["jsonl", "ndjson"]),
        (Format::Table, &["table"]),
        (Format::Markdown, &["markdown", "md"]),
        (Format::Csv, &["csv"]),
        (Format::Explain, &["explain"]),
        (Format::ExplainJson, &["explain-json"]),
    ];

    fn parse(name: &str) -> anyhow::Result<Format> {
        Format::NAMES
            .iter()
            .find(|(_, names)| names.contains(&name))
            .map(|&(f, _)| f)
            .ok_or_else(|| anyhow!("unknown format {name:?}; use {}", Format::list()))
    }

    /// The trace formats, which read one article.
    pub fn explains(self) -> bool {
        matches!(self, Format::Explain | Format::ExplainJson)
    }

    /// "json, jsonl, table, markdown, csv, explain or explain-json".
    pub fn list() -> String {
        let names: Vec<&str> = Format::NAMES.iter().map(|(_, n)| n[0]).collect();
        let (last, rest) = names.split_last().expect("formats");
        format!("{} or {last}", rest.join(", "))
    }
}

/// `factgrid analyze`.
#[derive(Debug)]
pub struct AnalyzeArgs {
    pub format: Format,
    pub profile: Option<PathBuf>,
    /// The language to read every article in; `None` detects each one's.
    pub lang: Option<Language>,
    /// Files and directories, in order; `-` is one article on standard input.
    pub inputs: Vec<PathBuf>,
    /// A file (or `-`, standard input) listing paths to analyse.
    pub files_from: Option<PathBuf>,
    /// The list of `--files-from` is NUL-separated (`find -print0`).
    pub null: bool,
    pub jobs: Option<NonZeroUsize>,
    pub quiet: bool,
    pub summary: bool,
}

impl AnalyzeArgs {
    /// Several articles (an array or stream of reports, each with its
    /// path) rather than one: decided by the command line alone, never by
    /// what a directory or list turns out to hold.
    pub fn is_batch(&self) -> bool {
        self.files_from.is_some() || self.inputs.len() > 1 || self.inputs.iter().any(|p| p.is_dir())
    }
}

/// Parse the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> anyhow::Result<Command> {
    let mut p = lexopt::Parser::from_args(args);
    let Some(arg) = p.next()? else { return Ok(Command::Help) };
    match arg {
        Short('h') | Long("help") => Ok(Command::Help),
        Short('V') | Long("version") => Ok(Command::Version),
        Value(cmd) => match cmd.to_str() {
            Some("analyze") => analyze(&mut p),
            Some("compare") => compare(&mut p),
            Some("profile") => profile(&mut p),
            Some("help") => Ok(Command::Help),
            _ => bail!("unknown command {:?}; try 'factgrid --help'", cmd.to_string_lossy()),
        },
        other => Err(option_error(other.unexpected())),
    }
}

/// `--lang CODE`: a language with a built-in profile, or `auto`.
fn lang_value(p: &mut lexopt::Parser) -> anyhow::Result<Option<Language>> {
    let codes = Language::ALL.map(Language::code).join(", ");
    let v = p.value().map_err(|_| anyhow!("--lang needs a value: auto, {codes}"))?;
    let v = v.to_string_lossy();
    if v.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    Language::from_code(&v).map(Some).ok_or_else(|| anyhow!("unknown language {v:?}; use auto, {codes}"))
}

fn profile(p: &mut lexopt::Parser) -> anyhow::Result<Command> {
    let mut lang = Language::English;
    while let Some(arg) = p.next()? {
        match arg {
            Short('l') | Long("lang") => lang = lang_value(p)?.unwrap_or(Language::English),
            Short('h') | Long("help") => return Ok(Command::Help),
            other => return Err(option_error(other.unexpected())),
        }
    }
    Ok(Command::Profile(lang))
}

fn option_error(e: lexopt::Error) -> anyhow::Error {
    anyhow!("{e}; try 'factgrid --help'")
}

fn analyze(p: &mut lexopt::Parser) -> anyhow::Result<Command> {
    let mut a = AnalyzeArgs {
        format: Format::Json,
        profile: None,
        lang: None,
        inputs: Vec::new(),
        files_from: None,
        null: false,
        jobs: None,
        quiet: false,
        summary: false,
    };
    while let Some(arg) = p.next()? {
        match arg {
            Short('f') | Long("format") => {
                let v = p.value().map_err(|_| anyhow!("--format needs a value: {}", Format::list()))?;
                a.format = Format::parse(&v.to_string_lossy())?;
            }
            Short('p') | Long("profile") => {
                a.profile = Some(p.value().map_err(|_| anyhow!("--profile needs a file name"))?.into());
            }
            Short('l') | Long("lang") => a.lang = lang_value(p)?,
            Short('j') | Long("jobs") => a.jobs = Some(jobs(p)?),
            Short('T') | Long("files-from") => a.files_from = Some(files_from(p)?),
            Short('0') | Long("null") => a.null = true,
            Short('q') | Long("quiet") => a.quiet = true,
            Long("summary") => a.summary = true,
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) => a.inputs.push(v.into()),
            other => return Err(option_error(other.unexpected())),
        }
    }
    let stdin_articles = a.inputs.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_articles > 1 {
        bail!("'-' (the article on standard input) is given more than once");
    }
    if stdin_articles == 1 && a.files_from.as_deref().is_some_and(|f| f.as_os_str() == "-") {
        bail!("standard input cannot be both an article ('-') and the list of files (--files-from -)");
    }
    if a.null && a.files_from.is_none() {
        bail!("--null applies to the list of --files-from; give --files-from too");
    }
    if a.format.explains() && (a.is_batch() || a.summary) {
        bail!(
            "--format {} explains one article; give one file or '-'",
            Format::NAMES.iter().find(|(f, _)| *f == a.format).map_or("explain", |(_, n)| n[0])
        );
    }
    Ok(Command::Analyze(a))
}

/// `factgrid compare`.
#[derive(Debug)]
pub struct CompareArgs {
    pub format: Format,
    pub profile: Option<PathBuf>,
    /// Files and directories, in order, each with the title, outlet or date
    /// given before it; `-` is one article on standard input.
    pub inputs: Vec<(PathBuf, MetaOverride)>,
    pub files_from: Option<PathBuf>,
    pub null: bool,
    pub jobs: Option<NonZeroUsize>,
    pub quiet: bool,
}

/// What the command line says about one article instead of what its text
/// says: `Some("")` clears a field (no outlet, no date).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MetaOverride {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`, `--MM-DD`, or `None` inside to clear the date.
    pub date: Option<Option<factgrid_engine::Date>>,
}

impl MetaOverride {
    fn is_empty(&self) -> bool {
        *self == MetaOverride::default()
    }

    /// The options given, for messages: `--title, --date`.
    fn names(&self) -> String {
        let mut n = Vec::new();
        if self.title.is_some() {
            n.push("--title");
        }
        if self.outlet.is_some() {
            n.push("--outlet");
        }
        if self.date.is_some() {
            n.push("--date");
        }
        n.join(", ")
    }
}

/// The formats `compare` writes.
const COMPARE_FORMATS: [Format; 4] = [Format::Json, Format::Table, Format::Markdown, Format::Csv];

fn compare(p: &mut lexopt::Parser) -> anyhow::Result<Command> {
    let mut a = CompareArgs {
        format: Format::Json,
        profile: None,
        inputs: Vec::new(),
        files_from: None,
        null: false,
        jobs: None,
        quiet: false,
    };
    let mut next = MetaOverride::default();
    let text = |p: &mut lexopt::Parser, name: &str| -> anyhow::Result<String> {
        let v = p
            .value()
            .map_err(|_| anyhow!("{name} needs a value (the article's {}, before its file)", &name[2..]))?;
        v.into_string().map_err(|v| anyhow!("{name} {:?} is not valid UTF-8", v.to_string_lossy()))
    };
    while let Some(arg) = p.next()? {
        match arg {
            Short('f') | Long("format") => {
                let v =
                    p.value().map_err(|_| anyhow!("--format needs a value: json, table, markdown or csv"))?;
                let f = Format::parse(&v.to_string_lossy())?;
                if !COMPARE_FORMATS.contains(&f) {
                    bail!("compare writes json, table, markdown or csv, not {:?}", v.to_string_lossy());
                }
                a.format = f;
            }
            Short('p') | Long("profile") => {
                a.profile = Some(p.value().map_err(|_| anyhow!("--profile needs a file name"))?.into());
            }
            Short('j') | Long("jobs") => a.jobs = Some(jobs(p)?),
            Short('T') | Long("files-from") => a.files_from = Some(files_from(p)?),
            Short('0') | Long("null") => a.null = true,
            Short('q') | Long("quiet") => a.quiet = true,
            Long("title") => next.title = Some(text(p, "--title")?),
            Long("outlet") => next.outlet = Some(text(p, "--outlet")?),
            Long("date") => {
                let v = text(p, "--date")?;
                next.date = Some(if v.trim().is_empty() {
                    None
                } else {
                    Some(v.trim().parse().map_err(|e| anyhow!("--date: {e}"))?)
                });
            }
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) => a.inputs.push((v.into(), std::mem::take(&mut next))),
            other => return Err(option_error(other.unexpected())),
        }
    }
    if !next.is_empty() {
        bail!("{} name the article given after them; give its file next", next.names());
    }
    if let Some((dir, o)) = a.inputs.iter().find(|(p, o)| !o.is_empty() && p.is_dir()) {
        bail!("{} name one article, but {} is a directory", o.names(), dir.display());
    }
    let stdin_articles = a.inputs.iter().filter(|(p, _)| p.as_os_str() == "-").count();
    if stdin_articles > 1 {
        bail!("'-' (the article on standard input) is given more than once");
    }
    if stdin_articles == 1 && a.files_from.as_deref().is_some_and(|f| f.as_os_str() == "-") {
        bail!("standard input cannot be both an article ('-') and the list of files (--files-from -)");
    }
    if a.null && a.files_from.is_none() {
        bail!("--null applies to the list of --files-from; give --files-from too");
    }
    if a.inputs.is_empty() && a.files_from.is_none() {
        bail!("nothing to compare: give one to 20 articles (files, directories, or '-')");
    }
    Ok(Command::Compare(a))
}

/// The value of `--jobs`: a number of at least 1.
fn jobs(p: &mut lexopt::Parser) -> anyhow::Result<NonZeroUsize> {
    let v = p.value().map_err(|_| anyhow!("--jobs needs a number"))?;
    let n: usize = v.parse().with_context(|| format!("--jobs {:?}", v.to_string_lossy()))?;
    NonZeroUsize::new(n).context("--jobs must be at least 1")
}

/// The value of `--files-from`: a file of paths, or `-`.
fn files_from(p: &mut lexopt::Parser) -> anyhow::Result<PathBuf> {
    Ok(p.value().map_err(|_| anyhow!("--files-from needs a file name, or - for standard input"))?.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> anyhow::Result<Command> {
        parse(s.iter().map(OsString::from))
    }

    fn analyze_args(s: &[&str]) -> AnalyzeArgs {
        match args(s).unwrap() {
            Command::Analyze(a) => a,
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    #[test]
    fn formats_and_options_in_every_spelling() {
        for s in [
            &["analyze", "--format", "jsonl", "-j", "2", "a.txt"][..],
            &["analyze", "--format=jsonl", "--jobs=2", "a.txt"],
            &["analyze", "-fjsonl", "-j2", "a.txt"],
            &["analyze", "a.txt", "-f", "ndjson", "--jobs", "2"],
        ] {
            let a = analyze_args(s);
            assert_eq!(a.format, Format::Jsonl, "{s:?}");
            assert_eq!(a.jobs.map(|n| n.get()), Some(2), "{s:?}");
            assert_eq!(a.inputs, [PathBuf::from("a.txt")], "{s:?}");
            assert!(!a.is_batch());
        }
        assert_eq!(
            analyze_args(&["analyze", "--", "--weird-name.txt"]).inputs,
            [PathBuf::from("--weird-name.txt")]
        );
    }

    #[test]
    fn languages() {
        assert_eq!(analyze_args(&["analyze"]).lang, None);
        assert_eq!(analyze_args(&["analyze", "--lang", "auto"]).lang, None);
        assert_eq!(analyze_args(&["analyze", "--lang", "ru"]).lang, Some(Language::Russian));
        assert_eq!(analyze_args(&["analyze", "-l", "UK", "a.txt"]).lang, Some(Language::Ukrainian));
        assert!(matches!(args(&["profile", "--lang", "uk"]).unwrap(), Command::Profile(Language::Ukrainian)));
        assert!(matches!(args(&["profile"]).unwrap(), Command::Profile(Language::English)));
    }

    #[test]
    fn batch_is_decided_by_the_command_line() {
        assert!(!analyze_args(&["analyze"]).is_batch());
        assert!(!analyze_args(&["analyze", "-"]).is_batch());
        assert!(analyze_args(&["analyze", "a.txt", "b.txt"]).is_batch());
        assert!(analyze_args(&["analyze", "."]).is_batch(), "a directory");
        assert!(analyze_args(&["analyze", "--files-from", "-"]).is_batch());
    }

    #[test]
    fn compare_options_name_the_article_after_them() {
        let Command::Compare(a) = args(&[
            "compare",
            "--title",
            "Monday",
            "--date=2025-03-10",
            "a.txt",
            "b.txt",
            "--outlet",
            "",
            "--date",
            "--03-14",
            "c.txt",
            "-fmd",
        ])
        .unwrap() else {
            panic!("not compare")
        };
        assert_eq!(a.format, Format::Markdown);
        let got: Vec<(&str, MetaOverride)> =
            a.inputs.iter().map(|(p, o)| (p.to_str().unwrap(), o.clone())).collect();
        assert_eq!(
            got,
            [
                (
                    "a.txt",
                    MetaOverride {
                        title: Some("Monday".into()),
                        date: Some(Some("2025-03-10".parse().unwrap())),
                        ..MetaOverride::default()
                    }
                ),
                ("b.txt", MetaOverride::default()),
                (
                    "c.txt",
                    MetaOverride {
                        outlet: Some(String::new()),
                        date: Some(Some("--03-14".parse().unwrap())),
                        ..MetaOverride::default()
                    }
                ),
            ]
        );
        let Command::Compare(a) = args(&["compare", "--date", "", "a.txt"]).unwrap() else { panic!() };
        assert_eq!(a.inputs[0].1.date, Some(None), "an empty date clears the detected one");
        assert_eq!(a.format, Format::Json, "JSON by default, as for analyze");
    }

    #[test]
    fn bad_command_lines_say_what_is_wrong() {
        let cases: &[(&[&str], &str)] = &[
            (
                &["analyze", "--format", "xml"],
                "unknown format \"xml\"; use json, jsonl, table, markdown, csv, explain or explain-json",
            ),
            (&["analyze", "--format", "explain", "a.txt", "b.txt"], "explains one article"),
            (&["analyze", "--format", "explain", "--summary"], "explains one article"),
            (&["analyze", "--format"], "--format needs a value"),
            (&["analyze", "--jobs", "0"], "--jobs must be at least 1"),
            (&["analyze", "--jobs", "many"], "--jobs \"many\""),
            (&["analyze", "--frobnicate"], "invalid option '--frobnicate'"),
            (&["analyze", "-", "-"], "more than once"),
            (&["analyze", "--files-from", "-", "-"], "cannot be both"),
            (&["analyze", "--null", "a.txt"], "--null applies to the list of --files-from"),
            (&["frobnicate"], "unknown command \"frobnicate\""),
            (&["profile", "x"], "unexpected argument"),
            (&["analyze", "--lang", "de"], "unknown language \"de\"; use auto, en, ru, uk"),
            (&["analyze", "--lang"], "--lang needs a value"),
            (&["profile", "--lang", "xx"], "unknown language"),
            (&["compare"], "nothing to compare"),
            (&["compare", "--format", "jsonl", "a.txt"], "compare writes json, table, markdown or csv"),
            (&["compare", "a.txt", "--title", "T"], "--title name the article given after them"),
            (
                &["compare", "--date", "13 March", "a.txt"],
                "--date: \"13 March\" is not a date; write YYYY-MM-DD",
            ),
            (&["compare", "--date", "2025-02-30", "a.txt"], "is not a date"),
            (&["compare", "--outlet", "X", "."], "--outlet name one article, but . is a directory"),
            (&["compare", "--title"], "--title needs a value"),
            (&["compare", "-", "-"], "more than once"),
        ];
        for (s, want) in cases {
            let err = format!("{:#}", args(s).unwrap_err());
            assert!(err.contains(want), "{s:?}\n  want {want:?}\n  got  {err:?}");
        }
    }
}
