//! `factgrid`: the analysis engine on the command line.
//!
//! ```text
//! factgrid analyze [OPTIONS] [INPUT]...   one article, or many in parallel
//! factgrid compare [OPTIONS] INPUT...      several articles side by side
//! factgrid profile [--lang LANG]          print a built-in profile
//! ```
//!
//! Errors go to standard error with exit code 2 (1 when a run over several
//! files finished but some could not be analysed); a closed pipe on
//! standard output ends quietly with exit code 0, and a closed standard
//! error is ignored.

mod analyze;
mod args;
mod compare;
mod input;
mod parallel;
mod progress;
mod render;
mod sanitize;
mod summary;

use std::io::{self, Write};
use std::process::ExitCode;

use args::Command;
use factgrid_engine::Language;

const USAGE: &str = "\
factgrid: who holds which position on what, in a news article

USAGE:
    factgrid analyze [OPTIONS] [INPUT]...
    factgrid compare [OPTIONS] [ARTICLE OPTIONS] INPUT...
    factgrid profile [--lang en|ru|uk]
    factgrid --help | --version

INPUT is a file, a directory (walked for .txt, .md, .html and .htm files,
sorted by name, hidden entries skipped) or '-' for one article on standard
input, which is also what no INPUT means. HTML files are reduced to their
text. With one article the report is printed alone; with several (more
than one INPUT, a directory, or --files-from) every report names its path,
in input order whatever --jobs is.

OPTIONS for analyze:
    -f, --format FORMAT    json (default), jsonl (one {path, report} object
                           per line), table, markdown or csv; for one
                           article also explain (what each stage decided,
                           sentence by sentence, then the grid) or
                           explain-json ({report, explanation})
    -l, --lang LANG        the language of the articles: auto (default:
                           told from each text's letters), en, ru or uk;
                           each is read with the built-in profile of its
                           language
    -p, --profile FILE     parties, topics and lexicons (see 'factgrid
                           profile'), used for every article in the
                           profile's language
    -T, --files-from LIST  also analyse the paths listed in LIST, one per
                           line ('-' reads the list from standard input)
    -0, --null             the paths in LIST end with NUL (find -print0)
    -j, --jobs N           analyse N files at a time (default: all cores)
        --summary          print only, across all articles, how often each
                           party and topic took each stance
    -q, --quiet            no progress bar, notices or closing line

OPTIONS for compare (1 to 20 articles: files, directories, '-', or -T LIST):
    -f, --format FORMAT    json (default: the comparison with its schema
                           factgrid.comparison/1, and the files left out),
                           table (for the terminal), markdown (tables to
                           paste into a document) or csv (one row per party,
                           topic and article)
    -p, --profile FILE     as for analyze
    -T, --files-from LIST  -0, --null, -j, --jobs N, -q, --quiet: as for analyze
ARTICLE OPTIONS, before the file they name (instead of what its text says):
        --title TEXT       the article's title (else its headline)
        --outlet TEXT      its outlet (else a dateline's or byline's; '' for none)
        --date DATE        its date, YYYY-MM-DD or --MM-DD without a year ('' for
                           none; else a dateline's or date line's)
For each party and topic, compare shows the stance each article gives,
and whether they agree, differ, or only one article gives it; the
figures grouped by what they measure, with values from different
articles or named sources more than 10% apart flagged as conflicts; and
the stances in date order. A file that cannot be read is named on
standard error and the others are compared (exit 1); with none left, or
more than 20 articles, the exit code is 2.

Text that is not valid UTF-8 is read lossily (bad bytes become U+FFFD) and
a notice says so. A single article beyond 20 MB is cut at 20 MB, with a
notice; in a run over several files, files over 20 MB, binary files and
unreadable ones are named on standard error (and in json/jsonl output), and
the run goes on. A progress bar is drawn on standard error when it is a
terminal.

EXIT STATUS: 0 done; 1 some files could not be analysed; 2 error (bad
arguments, unreadable profile or list, or a single article that could not
be read).
";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
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

fn run() -> anyhow::Result<ExitCode> {
    match args::parse(std::env::args_os().skip(1))? {
        Command::Help => io::stdout().write_all(USAGE.as_bytes())?,
        Command::Version => writeln!(io::stdout(), "factgrid {}", env!("CARGO_PKG_VERSION"))?,
        // The documented, indented source of a built-in profile.
        Command::Profile(lang) => {
            let source = match lang {
                Language::English => include_str!("../../engine/data/default-profile.json"),
                Language::Russian => include_str!("../../engine/data/profile-ru.json"),
                Language::Ukrainian => include_str!("../../engine/data/profile-uk.json"),
            };
            io::stdout().write_all(source.as_bytes())?
        }
        Command::Analyze(a) => return analyze::run(a),
        Command::Compare(a) => return compare::run(a),
    }
    Ok(ExitCode::SUCCESS)
}
