//! Where articles come from: standard input, files, directories, lists of
//! paths; and how a file's bytes become text (limits, then the engine's
//! `load`: encoding, web pages reduced to their article).
//!
//! Nothing here reads more than it may keep: articles stop at
//! [`MAX_INPUT_BYTES`] (plus the few bytes that tell "longer" from "exactly
//! that long"), profiles at [`MAX_PROFILE_BYTES`], so `/dev/zero` or a
//! multi-gigabyte file ends at once.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use factgrid_engine::{load, reduce, Format, Profile, MAX_INPUT_BYTES, MAX_PROFILE_BYTES};

/// File name extensions analysed when walking a directory (any case).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// One article to analyse, in output order.
#[derive(Debug)]
pub struct Item {
    pub source: Source,
    /// The path as the user gave it or the walk found it (`-` for standard input).
    pub name: String,
    /// Its size in bytes when known beforehand (for the progress bar).
    pub size: u64,
}

#[derive(Debug)]
pub enum Source {
    Stdin,
    File(PathBuf),
    /// Found but unusable before reading (a directory that cannot be listed).
    Failed(String),
}

/// An article's text, ready for the engine.
pub struct Article {
    pub text: String,
    /// How the text was read, for the reader (another encoding, bytes
    /// replaced, a web page reduced), before the engine's own notices.
    pub notices: Vec<String>,
}

/// Said when bytes that are not text are analysed anyway (one article).
const LOSSY_NOTICE: &str = "The input was not valid UTF-8; invalid bytes were replaced by U+FFFD.";

/// Read `item`'s article: decoded (UTF-8, UTF-16, Windows-1251, KOI8,
/// Latin-1), and reduced to its article when it is a web page (`.html`,
/// `.htm`, or standard input that starts like one).
///
/// `strict` (several articles) refuses binary files and files over the
/// limit with a reason, so that a stray image in an archive is named and
/// skipped; a single article is always analysed, the engine cutting it at
/// the limit with a notice, as it always has been.
pub fn read_item(item: &Item, strict: bool) -> anyhow::Result<Article> {
    let shown = match item.source {
        Source::Stdin => "standard input",
        _ => item.name.as_str(),
    };
    let (bytes, format) = match &item.source {
        Source::Failed(why) => bail!("{why}"),
        Source::Stdin => (read_limited(io::stdin().lock()).context("reading standard input")?, Format::Sniff),
        Source::File(path) => {
            let file = File::open(path).with_context(|| format!("opening {shown}"))?;
            let meta = file.metadata().with_context(|| format!("reading {shown}"))?;
            if meta.is_dir() {
                bail!("{shown} is a directory");
            }
            if strict && meta.len() > MAX_INPUT_BYTES as u64 {
                bail!(
                    "{shown} is too large: {} bytes, over the {} MB limit",
                    meta.len(),
                    MAX_INPUT_BYTES >> 20
                );
            }
            let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            (read_limited(file).with_context(|| format!("reading {shown}"))?, Format::of_file(&name, None))
        }
    };
    if strict && bytes.len() > MAX_INPUT_BYTES {
        // Not a regular file (standard input, a pipe, a device), or one
        // that grew while we read it.
        bail!("{shown} is too large: over the {} MB limit", MAX_INPUT_BYTES >> 20);
    }
    match load(&bytes, format) {
        Ok(doc) => Ok(Article { text: doc.text, notices: doc.notices }),
        Err(not_text) if strict => bail!("{shown} is a {not_text}"),
        Err(_) => {
            // One article is analysed whatever it is, as UTF-8; the engine
            // notes the control characters.
            let (mut text, mut notices) = match String::from_utf8(bytes) {
                Ok(s) => (s, Vec::new()),
                Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), vec![LOSSY_NOTICE.to_owned()]),
            };
            if format == Format::Html {
                let reduced = reduce(&text);
                notices.push(reduced.notice());
                text = reduced.text;
            }
            Ok(Article { text, notices })
        }
    }
}

fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// `n` bytes as "12.3 MB" (MiB, as the engine's limit is counted).
pub fn mb(n: u64) -> String {
    format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
}

/// Read at most the limit and a few bytes more, so that the engine can tell
/// a text over the limit and say so.
fn read_limited(r: impl Read) -> io::Result<Vec<u8>> {
    let limit = MAX_INPUT_BYTES as u64 + 4;
    let mut bytes = Vec::new();
    r.take(limit).read_to_end(&mut bytes)?;
    if bytes.len() as u64 == limit {
        // The read stopped at the limit, perhaps inside a character: that
        // is our cut, not bad input (the engine cuts again, on a boundary).
        drop_cut_char(&mut bytes);
    }
    Ok(bytes)
}

/// Drop a character that the end of `bytes` cuts short (its first one to
/// three bytes). Anything else, valid or not, is left for the decoder.
fn drop_cut_char(bytes: &mut Vec<u8>) {
    let n = bytes.len();
    for back in 1..=n.min(3) {
        let b = bytes[n - back];
        if b & 0xC0 == 0x80 {
            continue; // a continuation byte: look further back for the lead
        }
        let width = match b {
            0xF0..=0xF7 => 4,
            0xE0..=0xEF => 3,
            0xC2..=0xDF => 2,
            _ => 1,
        };
        if width > back {
            bytes.truncate(n - back);
        }
        return;
    }
}

/// Read and check a profile, refusing one over the size limit before
/// reading it whole.
pub fn read_profile(path: &Path) -> anyhow::Result<Profile> {
    let shown = path.display();
    let file = File::open(path).with_context(|| format!("reading profile {shown}"))?;
    let meta = file.metadata().with_context(|| format!("reading profile {shown}"))?;
    if meta.is_dir() {
        bail!("reading profile {shown}: it is a directory");
    }
    let too_large = || {
        anyhow::anyhow!(
            "loading profile {shown}: it is larger than {MAX_PROFILE_BYTES} bytes, the most a profile may be"
        )
    };
    if meta.len() > MAX_PROFILE_BYTES as u64 {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_PROFILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("reading profile {shown}"))?;
    if bytes.len() > MAX_PROFILE_BYTES {
        return Err(too_large()); // a device or pipe with no size: /dev/zero
    }
    let json = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "loading profile {shown}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Profile::from_json(&json).with_context(|| format!("loading profile {shown}"))
}

/// Expand the command line's inputs and the `--files-from` list into
/// articles, in order: directories are walked (sorted by name, hidden
/// entries and symbolic links to directories skipped) for
/// [`ARTICLE_EXTENSIONS`]; files named explicitly are taken whatever their
/// name.
pub fn collect(inputs: &[PathBuf], files_from: Option<&Path>, null: bool) -> anyhow::Result<Vec<Item>> {
    let mut items = Vec::new();
    for input in inputs {
        add(input.clone(), &mut items);
    }
    if let Some(list) = files_from {
        let bytes = if list.as_os_str() == "-" {
            let mut b = Vec::new();
            io::stdin().lock().read_to_end(&mut b).context("reading the list of files on standard input")?;
            b
        } else {
            std::fs::read(list).with_context(|| format!("reading the list of files {}", list.display()))?
        };
        let sep = if null { b'\0' } else { b'\n' };
        for line in bytes.split(|&b| b == sep) {
            let line = if null { line } else { line.strip_suffix(b"\r").unwrap_or(line) };
            if line.is_empty() {
                continue;
            }
            add(path_from_bytes(line), &mut items);
        }
    }
    Ok(items)
}

fn add(path: PathBuf, items: &mut Vec<Item>) {
    if path.as_os_str() == "-" {
        items.push(Item { source: Source::Stdin, name: "-".into(), size: 0 });
        return;
    }
    match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => walk(&path, items),
        Ok(m) => {
            items.push(Item { name: path.display().to_string(), size: m.len(), source: Source::File(path) })
        }
        // Reading it will say what is wrong, in its turn.
        Err(_) => items.push(Item { name: path.display().to_string(), size: 0, source: Source::File(path) }),
    }
}

fn walk(dir: &Path, items: &mut Vec<Item>) {
    let entries = match std::fs::read_dir(dir).and_then(|rd| rd.collect::<io::Result<Vec<_>>>()) {
        Ok(e) => e,
        Err(e) => {
            let name = dir.display().to_string();
            items.push(Item { source: Source::Failed(format!("listing {name}: {e}")), name, size: 0 });
            return;
        }
    };
    let mut entries: Vec<(OsString, PathBuf)> =
        entries.into_iter().map(|e| (e.file_name(), e.path())).collect();
    entries.sort();
    for (name, path) in entries {
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        // Follows a symbolic link to a file; a link to a directory is not
        // walked (no cycles), as `find` does without -L.
        let Ok(link) = std::fs::symlink_metadata(&path) else { continue };
        if link.is_dir() {
            walk(&path, items);
        } else if is_article_file(&path) {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {}
                m => items.push(Item {
                    name: path.display().to_string(),
                    size: m.map_or(0, |m| m.len()),
                    source: Source::File(path),
                }),
            }
        }
    }
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_cut_by_the_read_is_dropped_and_nothing_else() {
        let cases: &[(&[u8], &[u8])] = &[
            (b"ab", b"ab"),
            ("a€".as_bytes(), "a€".as_bytes()),
            (&"a€".as_bytes()[..3], b"a"),
            (&"a€".as_bytes()[..2], b"a"),
            (&"a😀".as_bytes()[..4], b"a"),
            (&"a😀".as_bytes()[..2], b"a"),
            ("a😀".as_bytes(), "a😀".as_bytes()),
            (&"é".as_bytes()[..1], b""),
            // Really invalid bytes stay for the decoder to flag.
            (b"a\xff", b"a\xff"),
            (b"a\x80\x80\x80\x80", b"a\x80\x80\x80\x80"),
        ];
        for (input, want) in cases {
            let mut b = input.to_vec();
            drop_cut_char(&mut b);
            assert_eq!(&b, want, "{input:?}");
        }
    }
}
