//! `factgrid compare`: several articles side by side.
//!
//! The articles are read like `analyze` reads a batch (files, directories,
//! `--files-from`, `-`), analysed on `--jobs` threads, named (the detected
//! title, outlet and date, or what `--title`, `--outlet` and `--date` say
//! before a file) and compared by the engine. A file that cannot be read is
//! named on standard error (and in the JSON's `failed`) and the others are
//! compared; the exit code is then 1, and 2 when no article is left.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::bail;
use factgrid_engine::{
    compare, Analyzer, Article, ArticleMeta, Comparison, Profile, Report, Verdict, MAX_ARTICLES,
};
use serde::Serialize;

use crate::args::{CompareArgs, Format, MetaOverride};
use crate::input::{self, Item};
use crate::parallel;
use crate::progress::REDRAW;
use crate::sanitize::terminal_safe;

/// One article read and analysed.
struct Read {
    text: String,
    report: Report,
    meta: ArticleMeta,
}

pub fn run(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let profile = match &args.profile {
        None => Profile::default_profile(),
        Some(path) => input::read_profile(path)?,
    };
    // (Without a profile each article is read in its own language; the
    // comparison's words stay the English profile's.)
    let analyzer = if args.profile.is_some() { Analyzer::new(&profile) } else { Analyzer::builtin() };

    // Each input with what the command line says about it; a directory or
    // a list gives several articles, which take nothing from it.
    let mut items: Vec<(Item, MetaOverride)> = Vec::new();
    for (path, over) in &args.inputs {
        let found = input::collect(std::slice::from_ref(path), None, false)?;
        items.extend(found.into_iter().map(|i| (i, over.clone())));
    }
    if args.files_from.is_some() {
        let listed = input::collect(&[], args.files_from.as_deref(), args.null)?;
        items.extend(listed.into_iter().map(|i| (i, MetaOverride::default())));
    }
    if items.is_empty() {
        bail!("nothing to compare: no article files found (.txt, .md, .html, .htm)");
    }
    if items.len() > MAX_ARTICLES {
        bail!("compare takes at most {MAX_ARTICLES} articles; {} were given", items.len());
    }

    let jobs =
        args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n.get());
    let mut done: Vec<Result<Read, String>> = Vec::with_capacity(items.len());
    parallel::ordered(
        &items,
        jobs,
        |(item, over)| -> Result<Read, String> {
            let article = input::read_item(item, true).map_err(|e| format!("{e:#}"))?;
            let mut report = analyzer.analyze(&article.text);
            report.notices.splice(0..0, article.notices);
            let mut meta = ArticleMeta::detect(&article.text, &profile);
            if let Some(t) = &over.title {
                meta.title = t.clone();
            }
            if let Some(o) = &over.outlet {
                meta.outlet = (!o.trim().is_empty()).then(|| o.trim().to_string());
            }
            if let Some(d) = over.date {
                meta.date = d;
            }
            Ok(Read { text: article.text, report, meta })
        },
        |i, r| {
            done.push(r.unwrap_or_else(|panic| {
                Err(format!("{}: internal error, please report it: {panic}", items[i].0.name))
            }));
            Ok(())
        },
        REDRAW,
        || {},
    )?;

    let mut failed: Vec<Failed> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut read: Vec<&Read> = Vec::new();
    {
        let mut err = io::stderr().lock();
        for ((item, _), r) in items.iter().zip(&done) {
            match r {
                Ok(r) => {
                    if !args.quiet {
                        for n in &r.report.notices {
                            let _ = writeln!(err, "factgrid: note: {}: {n}", terminal_safe(&item.name));
                        }
                    }
                    names.push(&item.name);
                    read.push(r);
                }
                Err(e) => {
                    let _ = writeln!(err, "factgrid: {}", terminal_safe(e));
                    failed.push(Failed { path: item.name.clone(), error: e.clone() });
                }
            }
        }
    }
    if read.is_empty() {
        bail!(
            "no article could be read, nothing to compare ({} file{} failed)",
            failed.len(),
            if failed.len() == 1 { "" } else { "s" }
        );
    }
    let articles: Vec<Article<'_>> = read
        .iter()
        .zip(&names)
        .map(|(r, name)| Article {
            text: &r.text,
            report: &r.report,
            meta: r.meta.clone(),
            id: Some(name.to_string()),
        })
        .collect();
    let comparison = compare(&articles, &profile);

    let bytes = render(args.format, &comparison, &failed);
    let mut out = io::stdout().lock();
    out.write_all(&bytes)?;
    out.flush()?;
    if !failed.is_empty() {
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "factgrid: {} of {} files could not be compared:", failed.len(), items.len());
        for f in &failed {
            let _ = writeln!(err, "  {}", terminal_safe(&f.path));
        }
    }
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// A file left out, in the JSON output.
#[derive(Serialize)]
struct Failed {
    path: String,
    error: String,
}

/// `--format json`: the comparison, and the files left out.
#[derive(Serialize)]
struct JsonOut<'a> {
    #[serde(flatten)]
    comparison: &'a Comparison,
    failed: &'a [Failed],
}

fn render(format: Format, c: &Comparison, failed: &[Failed]) -> Vec<u8> {
    match format {
        Format::Markdown => c.to_markdown().into_bytes(),
        Format::Csv => c.to_csv().into_bytes(),
        Format::Table => table(c).into_bytes(),
        // (The arguments allow json, table, markdown and csv.)
        _ => {
            let mut out = serde_json::to_vec_pretty(&JsonOut { comparison: c, failed })
                .expect("a comparison serialises");
            out.push(b'\n');
            out
        }
    }
}

/// Text cut to `max` characters for a column, with `…`.
fn fit(s: &str, max: usize) -> String {
    let s = terminal_safe(s);
    if s.chars().count() <= max {
        return s.into_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Rows of cells, each column padded to its widest cell (in characters).
fn columns(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            line.push_str(cell);
            line.push_str(&" ".repeat(widths[c] - cell.chars().count() + 2));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The comparison for a terminal: the articles, a grid of stances with a
/// verdict per party and topic, the figures that conflict, every figure,
/// and the timeline.
pub fn table(c: &Comparison) -> String {
    let party =
        |id: &str| c.parties.iter().find(|p| &*p.id == id).map_or(id, |p| p.label.as_str()).to_string();
    let topic =
        |id: &str| c.topics.iter().find(|t| &*t.id == id).map_or(id, |t| t.label.as_str()).to_string();
    let head = |i: usize| format!("{} {}", i + 1, fit(&c.articles[i].label, 18));
    let mut out = String::from("articles\n");
    let rows: Vec<Vec<String>> = c
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            vec![
                format!("  {}", i + 1),
                fit(a.outlet.as_deref().unwrap_or("-"), 18),
                a.date.map_or_else(|| "-".into(), |d| d.to_string()),
                fit(&a.title, 60),
                a.id.as_deref().map_or_else(String::new, |p| format!("({})", terminal_safe(p))),
            ]
        })
        .collect();
    out.push_str(&columns(&rows));

    out.push('\n');
    let covered: Vec<_> = c.cells.iter().filter(|cell| cell.covered > 0).collect();
    if covered.is_empty() {
        out.push_str("no article gives a position of any party\n");
    } else {
        let mut rows = vec![["party", "topic", "verdict"].map(String::from).to_vec()];
        rows[0].extend((0..c.articles.len()).map(head));
        for cell in &covered {
            let verdict = match cell.verdict {
                Verdict::Differ => "DIFFER",
                Verdict::Agree => "agree",
                Verdict::OneSource => "one source",
                Verdict::None => "-",
            };
            let mut row = vec![fit(&party(&cell.party), 16), fit(&topic(&cell.topic), 16), verdict.into()];
            row.extend(
                cell.by_article.iter().map(|s| s.as_ref().map_or_else(|| "-".into(), |s| fit(&s.stance, 16))),
            );
            rows.push(row);
        }
        out.push_str(&columns(&rows));
    }

    let conflicting: Vec<_> = c.conflicting_groups().collect();
    if !conflicting.is_empty() {
        out.push_str(&format!(
            "\nfigures that conflict (same measure, different articles or named sources, more than {}% apart):\n",
            (c.figures.tolerance * 100.0).round()
        ));
        for g in conflicting {
            out.push_str(&format!("  {}\n", terminal_safe(&c.group_title(g))));
            for pair in &g.conflicts {
                let side = |v: &factgrid_engine::FigureValue| {
                    format!(
                        "{} ({}, {})",
                        fit(&v.text, 40),
                        v.source.as_deref().map_or_else(|| "no source".into(), party),
                        head(v.article)
                    )
                };
                out.push_str(&format!("    {}  vs  {}\n", side(&g.values[pair.a]), side(&g.values[pair.b])));
            }
        }
    }
    if c.figures.groups.iter().any(|g| !g.values.is_empty()) {
        out.push_str("\nfigures:\n");
        for g in &c.figures.groups {
            out.push_str(&format!("  {}\n", terminal_safe(&c.group_title(g))));
            let in_conflict = |k: usize| g.conflicts.iter().any(|p| p.a == k || p.b == k);
            let rows: Vec<Vec<String>> = g
                .values
                .iter()
                .enumerate()
                .map(|(k, v)| {
                    vec![
                        format!("    {}", head(v.article)),
                        fit(&v.text, 40),
                        v.source.as_deref().map_or_else(|| "-".into(), party),
                        fit(&v.display, 30),
                        if in_conflict(k) { "conflict".into() } else { String::new() },
                    ]
                })
                .collect();
            out.push_str(&columns(&rows));
        }
    }
    if c.timeline.order.len() >= 2 {
        out.push_str("\ntimeline:\n");
        for cell in c.cells.iter().filter(|cell| cell.timeline.iter().any(|p| p.stance.is_some())) {
            let steps: Vec<String> = cell
                .timeline
                .iter()
                .map(|p| {
                    format!(
                        "{} {}{}",
                        p.date,
                        p.stance.as_deref().map_or_else(|| "-".into(), |s| fit(s, 16)),
                        if p.changed { " (changed)" } else { "" }
                    )
                })
                .collect();
            out.push_str(&format!(
                "  {} / {}: {}\n",
                fit(&party(&cell.party), 16),
                fit(&topic(&cell.topic), 16),
                steps.join(" → ")
            ));
        }
        if !c.timeline.undated.is_empty() {
            let list: Vec<String> = c.timeline.undated.iter().map(|&i| head(i)).collect();
            out.push_str(&format!("  not in the timeline (no date, or no year): {}\n", list.join(", ")));
        }
    }
    for n in &c.notices {
        out.push_str(&format!("\nnote: {}\n", terminal_safe(n)));
    }
    out
}
