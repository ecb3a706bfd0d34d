//! `factgrid analyze`: one article, or many in parallel.
//!
//! One article (no input, `-`, or one file) behaves as it always has: the
//! report alone, errors exit 2. Several (more than one input, a directory,
//! or `--files-from`) are read and analysed on `--jobs` threads and written
//! in input order, each output naming its path; a file that cannot be
//! analysed is named on standard error (and in JSON/JSONL output), the run
//! goes on, and the exit code is 1 at the end.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::bail;
use factgrid_engine::{Analyzer, Language, Profile, Report};

use crate::args::{AnalyzeArgs, Format};
use crate::input::{self, Article, Item, Source};
use crate::parallel;
use crate::progress::{Progress, REDRAW};
use crate::render::{self, Entry, Framing};
use crate::sanitize::terminal_safe;
use crate::summary::{Stances, Tally};

pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    // A profile given is used for every article (its language is the one
    // they are read in); else each article gets the built-in profile of
    // its language, or of --lang.
    let analyzer = match &args.profile {
        None => Analyzer::builtin(),
        Some(path) => {
            let profile: Profile = input::read_profile(path)?;
            if let Some(lang) = args.lang.filter(|l| l.code() != profile.language) {
                bail!(
                    "--lang {} asks for {}, but the profile {} is for the language \"{}\"",
                    lang.code(),
                    lang.name(),
                    path.display(),
                    profile.language
                );
            }
            Analyzer::new(&profile)
        }
    };
    if args.is_batch() {
        batch(&args, &analyzer)
    } else {
        single(&args, &analyzer)
    }
}

fn analyze(analyzer: &Analyzer, lang: Option<Language>, article: Article) -> Report {
    let mut report = analyzer.analyze_in(&article.text, lang.map(Language::code));
    report.notices.splice(0..0, article.notices);
    report
}

/// One article: the report, then its notices on standard error.
fn single(args: &AnalyzeArgs, analyzer: &Analyzer) -> anyhow::Result<ExitCode> {
    let item = match args.inputs.first() {
        Some(p) if p.as_os_str() != "-" => {
            Item { name: p.display().to_string(), size: 0, source: Source::File(p.clone()) }
        }
        _ => Item { source: Source::Stdin, name: "-".into(), size: 0 },
    };
    let article = input::read_item(&item, false)?;
    if args.format.explains() {
        let (mut report, trace) = analyzer.explain_in(&article.text, args.lang.map(Language::code));
        report.notices.splice(0..0, article.notices);
        let bytes = render::explain(args.format, &article.text, &report, &trace);
        let mut out = io::stdout().lock();
        out.write_all(&bytes)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let report = analyze(analyzer, args.lang, article);
    let bytes = if args.summary {
        let mut tally = Tally::new(analyzer.profile());
        tally.add(&Tally::stances(&report));
        tally.render(args.format).into_bytes()
    } else {
        let path = (args.format == Format::Jsonl).then_some(item.name.as_str());
        render::render(args.format, path, Entry::Report(&report))
    };
    let mut out = io::stdout().lock();
    out.write_all(&bytes)?;
    out.flush()?;
    if !args.quiet {
        let mut err = io::stderr().lock();
        for n in &report.notices {
            let _ = writeln!(err, "factgrid: note: {n}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What a worker hands back for one article.
struct Done {
    /// The rendered output (empty with `--summary`, or for a failure in a
    /// format with no place for errors).
    output: Vec<u8>,
    notices: Vec<String>,
    stances: Option<Stances>,
    error: Option<String>,
}

fn work(item: &Item, analyzer: &Analyzer, args: &AnalyzeArgs) -> Done {
    let (format, summary) = (args.format, args.summary);
    match input::read_item(item, true) {
        Err(e) => {
            let error = format!("{e:#}");
            let output = if summary {
                Vec::new()
            } else {
                render::render(format, Some(&item.name), Entry::Failed(&error))
            };
            Done { output, notices: Vec::new(), stances: None, error: Some(error) }
        }
        Ok(article) => {
            let report = analyze(analyzer, args.lang, article);
            let (output, stances) = if summary {
                (Vec::new(), Some(Tally::stances(&report)))
            } else {
                (render::render(format, Some(&item.name), Entry::Report(&report)), None)
            };
            Done { output, notices: report.notices, stances, error: None }
        }
    }
}

fn batch(args: &AnalyzeArgs, analyzer: &Analyzer) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let items = input::collect(&args.inputs, args.files_from.as_deref(), args.null)?;
    let total_bytes: u64 = items.iter().map(|i| i.size).sum();
    let jobs =
        args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n.get());
    let progress = Progress::new(args.quiet, items.len() as u64, total_bytes);
    let framing = if args.summary { Framing::of(args.format, false) } else { Framing::of(args.format, true) };

    let stdout = io::stdout();
    // Straight to the terminal, each report as it comes (around the bar);
    // otherwise in large blocks.
    let interactive = stdout.is_terminal();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut tally = Tally::new(analyzer.profile());
    let mut failed: Vec<String> = Vec::new();
    let mut wrote_any = false;
    out.write_all(framing.start.as_bytes())?;

    let result = parallel::ordered(
        &items,
        jobs,
        |item| work(item, analyzer, args),
        |i, done| {
            let item = &items[i];
            let done = done.unwrap_or_else(|panic| Done {
                output: Vec::new(),
                notices: Vec::new(),
                stances: None,
                error: Some(format!("{}: internal error, please report it: {panic}", item.name)),
            });
            if !done.output.is_empty() {
                let write = |out: &mut BufWriter<io::StdoutLock<'_>>| -> io::Result<()> {
                    if wrote_any {
                        out.write_all(framing.between.as_bytes())?;
                    }
                    out.write_all(&done.output)?;
                    if interactive {
                        out.flush()?;
                    }
                    Ok(())
                };
                if interactive { progress.suspend(|| write(&mut out)) } else { write(&mut out) }?;
                wrote_any = true;
            }
            if done.error.is_some() || (!args.quiet && !done.notices.is_empty()) {
                progress.suspend(|| {
                    let mut err = io::stderr().lock();
                    if let Some(e) = &done.error {
                        let _ = writeln!(err, "factgrid: {}", terminal_safe(e));
                    } else {
                        for n in &done.notices {
                            let _ = writeln!(err, "factgrid: note: {}: {n}", terminal_safe(&item.name));
                        }
                    }
                });
            }
            match (&done.error, &done.stances) {
                (Some(_), _) => {
                    failed.push(item.name.clone());
                    tally.failed += 1;
                }
                (None, Some(s)) => tally.add(s),
                (None, None) => tally.analysed += 1,
            }
            progress.advance(item.size);
            Ok(())
        },
        REDRAW,
        || progress.tick(),
    );
    progress.finish();
    result?;
    if args.summary {
        out.write_all(tally.render(args.format).as_bytes())?;
    }
    out.write_all(framing.end.as_bytes())?;
    out.flush()?;
    drop(out);

    report_run(args, &items, &failed, total_bytes, started);
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The closing line on standard error: how much, how fast, what failed.
fn report_run(args: &AnalyzeArgs, items: &[Item], failed: &[String], bytes: u64, started: Instant) {
    let mut err = io::stderr().lock();
    let secs = started.elapsed().as_secs_f64();
    if !args.quiet {
        let n = items.len();
        let _ = write!(
            err,
            "factgrid: {n} file{} ({}) in {secs:.2} s, {:.0} files/s, {:.1} MB/s",
            if n == 1 { "" } else { "s" },
            input::mb(bytes),
            n as f64 / secs.max(1e-9),
            bytes as f64 / (1024.0 * 1024.0) / secs.max(1e-9),
        );
        if items.is_empty() {
            let _ = write!(err, "; no article files found (.txt, .md, .html, .htm)");
        }
        let _ = writeln!(err);
    }
    if !failed.is_empty() {
        let _ = writeln!(err, "factgrid: {} of {} files could not be analysed:", failed.len(), items.len());
        const SHOWN: usize = 20;
        for name in failed.iter().take(SHOWN) {
            let _ = writeln!(err, "  {}", terminal_safe(name));
        }
        if failed.len() > SHOWN {
            let _ = writeln!(err, "  … and {} more (each is named above)", failed.len() - SHOWN);
        }
    }
}
