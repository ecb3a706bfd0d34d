//! The CLI's bad-input catalogue (the engine's is
//! `crates/engine/tests/catalogue.rs`): for each kind of hostile or broken
//! input, the clear behaviour the command promises.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const ARTICLE: &str =
    "Moscow rejected the ceasefire proposal.\nUkraine accepted the American plan for a 30-day truce.\n";
const MAX: usize = 20 * 1024 * 1024;

#[test]
fn a_profile_from_dev_zero_is_refused_at_once() {
    let start = Instant::now();
    let out = factgrid(&["analyze", "--profile", "/dev/zero"], ARTICLE.as_bytes());
    let took = start.elapsed();
    expect_code(&out, 2);
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert!(stderr(&out).contains("profile /dev/zero: it is larger than 1048576 bytes"), "{}", stderr(&out));

    // A large regular file is refused by its size, before reading.
    let d = Scratch::new("big-profile");
    let p = d.file("profile.json", "");
    std::fs::File::options().write(true).open(&p).unwrap().set_len(5 << 30).unwrap();
    let start = Instant::now();
    let out = factgrid(&["analyze", "--profile", p.to_str().unwrap()], ARTICLE.as_bytes());
    expect_code(&out, 2);
    assert!(start.elapsed() < Duration::from_secs(1));
    assert!(stderr(&out).contains("it is larger than 1048576 bytes"), "{}", stderr(&out));

    for (content, want) in [(&b"{\xff}"[..], "not UTF-8 text"), (b"{", "not valid JSON")] {
        let p = d.file("bad.json", content);
        let out = factgrid(&["analyze", "--profile", p.to_str().unwrap()], ARTICLE.as_bytes());
        expect_code(&out, 2);
        assert!(stderr(&out).contains(want), "{}", stderr(&out));
    }
    let out = factgrid(&["analyze", "--profile", &d.path("")], ARTICLE.as_bytes());
    expect_code(&out, 2);
    assert!(stderr(&out).contains("it is a directory"), "{}", stderr(&out));
}

#[test]
fn a_profile_label_with_a_control_character_is_refused() {
    let d = Scratch::new("label");
    let p = d.file(
        "profile.json",
        r#"{"parties": [{"id": "ru", "label": "Russia\u001b]0;pwned\u0007", "aliases": [{"text": "Moscow", "kind": "capital"}]}],
            "topics": [{"id": "truce", "label": "Truce", "terms": ["truce"]}]}"#,
    );
    let out = factgrid(&["analyze", "--profile", p.to_str().unwrap()], ARTICLE.as_bytes());
    expect_code(&out, 2);
    assert!(stderr(&out).contains("parties[0] (ru) label contains a control character"), "{}", stderr(&out));
}

/// Spawn factgrid with a pipe on standard output or error that is closed
/// before it writes, feed it `stdin`, and return how it ended.
fn with_closed(which: &str, args: &[&str], stdin: &[u8]) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close our end first: factgrid is still waiting for its input.
    let (closed, kept): (Box<dyn std::io::Read>, Box<dyn std::io::Read + Send>) = match which {
        "stdout" => (Box::new(child.stdout.take().unwrap()), Box::new(child.stderr.take().unwrap())),
        _ => (Box::new(child.stderr.take().unwrap()), Box::new(child.stdout.take().unwrap())),
    };
    drop(closed);
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let mut kept = kept;
        let _ = std::io::Read::read_to_string(&mut kept, &mut s);
        s
    });
    let mut input = child.stdin.take().unwrap();
    let _ = input.write_all(stdin);
    drop(input);
    let status = child.wait().unwrap();
    (status, reader.join().unwrap())
}

#[test]
fn a_closed_stdout_ends_quietly_for_every_format() {
    let d = Scratch::new("closed-stdout");
    let a = d.file("a.txt", ARTICLE.repeat(200));
    let list = format!("{}\n{}\n", a.display(), a.display()).repeat(50);
    for format in ["json", "jsonl", "table", "markdown", "csv"] {
        let runs: [(&str, Vec<&str>, &[u8]); 3] = [
            ("one article", vec!["analyze", "-f", format], ARTICLE.as_bytes()),
            ("a list", vec!["analyze", "-f", format, "--files-from", "-"], list.as_bytes()),
            ("a summary", vec!["analyze", "-f", format, "--summary", "--files-from", "-"], list.as_bytes()),
        ];
        for (what, args, stdin) in runs {
            let (status, err) = with_closed("stdout", &args, stdin);
            assert_eq!(status.code(), Some(0), "{format}, {what}: {status:?}\n{err}");
            assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{format}, {what}: {err}");
        }
    }
    for args in [&["--help"][..], &["--version"], &["profile"]] {
        let (status, err) = with_closed("stdout", args, b"");
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn a_closed_stderr_never_panics() {
    let d = Scratch::new("closed-stderr");
    let a = d.file("a.txt", ARTICLE);
    d.file("bad.txt", "\0");
    let list = format!("{}\n{}\n", a.display(), d.path("bad.txt"));
    for format in ["json", "jsonl", "table", "markdown", "csv"] {
        // A notice (invalid UTF-8), failures, an error: each wants stderr.
        let runs: [(&str, Vec<&str>, &[u8], i32); 3] = [
            ("a notice", vec!["analyze", "-f", format], b"Moscow rejected the truce. \xff", 0),
            ("a bad file", vec!["analyze", "-f", format, "--files-from", "-"], list.as_bytes(), 1),
            ("an error", vec!["analyze", "-f", format, "--profile", "/nonexistent"], b"", 2),
        ];
        for (what, args, stdin, code) in runs {
            let (status, out) = with_closed("stderr", &args, stdin);
            assert_eq!(status.code(), Some(code), "{format}, {what}: {status:?}\n{out}");
        }
    }
}

/// A text just over the limit with `ch` starting at byte `at`.
fn over_the_limit(at: usize, ch: char) -> Vec<u8> {
    let mut text = vec![b' '; MAX + 16];
    let mut buf = [0; 4];
    let enc = ch.encode_utf8(&mut buf).as_bytes();
    text[at..at + enc.len()].copy_from_slice(enc);
    text
}

#[test]
fn a_cut_inside_a_character_is_no_utf8_error() {
    let d = Scratch::new("cut");
    // The character straddles the 20 MB limit, or the end of what is read.
    for (at, ch, from_file) in [(MAX - 2, '😀', false), (MAX + 2, '€', true), (MAX + 3, '😀', false)] {
        let text = over_the_limit(at, ch);
        let out = if from_file {
            let p = d.file("big.txt", &text);
            factgrid(&["analyze", p.to_str().unwrap()], b"")
        } else {
            factgrid(&["analyze"], &text)
        };
        expect_code(&out, 0);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let notices = v["notices"].to_string();
        assert!(notices.contains("only the first 20 MB were analysed"), "at {at}: {notices}");
        assert!(!notices.contains("UTF-8") && !stderr(&out).contains("UTF-8"), "at {at}: {notices}");
    }
    // A really invalid byte at the limit is still reported.
    let mut text = over_the_limit(0, ' ');
    text[MAX + 1] = 0xff;
    text.truncate(MAX + 2);
    let out = factgrid(&["analyze"], &text);
    assert!(stderr(&out).contains("not valid UTF-8"), "{}", stderr(&out));
}

/// Text that tries markup, links, images and terminal control.
const HOSTILE: &str = "Moscow rejected the truce <img src=x onerror=alert(1)> and \
    [the terms](javascript:alert(1)) ![pixel](http://t.example/p.gif) <script>alert(2)</script> \
    <a href=\"http://evil.example\">here</a> &lt;b&gt; **loud** \u{1b}]8;;http://evil.example\u{7}link\u{1b}]8;;\u{7} \
    \u{1b}[2J\u{1b}[31mred\u{9b}0m.\nKyiv said \u{1b}]0;pwned\u{7}it backed the ceasefire.";

#[test]
fn markdown_keeps_article_markup_links_and_images_as_text() {
    let out = factgrid(&["analyze", "-f", "markdown"], HOSTILE.as_bytes());
    expect_code(&out, 0);
    let md = stdout(&out);
    let mut opts = pulldown_cmark::Options::empty();
    opts.insert(pulldown_cmark::Options::ENABLE_TABLES);
    opts.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let mut text = String::new();
    let mut tables = 0;
    let mut bold = None;
    for event in pulldown_cmark::Parser::new_ext(&md, opts) {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match event {
            Event::Text(t) => {
                if let Some(b) = &mut bold {
                    *b = t.to_string();
                }
                text.push_str(&t);
            }
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::Strong) => bold = Some(String::new()),
            // Bold is ours, for stance labels only.
            Event::End(TagEnd::Strong) => {
                let label = bold.take().unwrap();
                assert!(
                    ["opposes", "supports"].contains(&label.as_str()),
                    "**{label}** from the article:\n{md}"
                );
            }
            Event::Start(
                Tag::TableHead | Tag::TableRow | Tag::TableCell | Tag::Heading { .. } | Tag::List(_),
            )
            | Event::Start(Tag::Item | Tag::Paragraph)
            | Event::End(_)
            | Event::SoftBreak => {}
            other => panic!("{other:?} in the Markdown, from the article:\n{md}"),
        }
    }
    assert!(tables >= 1, "the grid is still a table:\n{md}");
    // The article's words are all there, as text.
    for t in [
        "<img src=x onerror=alert(1)>",
        "[the terms](javascript:alert(1))",
        "![pixel](http://t.example/p.gif)",
        "<script>alert(2)</script>",
        "<a href=\"http://evil.example\">here</a>",
        "&lt;b&gt;",
        "**loud**",
    ] {
        assert!(text.contains(t), "{t:?} missing from the rendered text:\n{text}");
    }
}

#[test]
fn table_markdown_and_csv_strip_terminal_control_sequences() {
    let d = Scratch::new("controls");
    let a = d.file("a.txt", HOSTILE);
    let path = d.file("ev\u{1b}[2Jil.txt", HOSTILE);
    for format in ["table", "markdown", "csv"] {
        for args in [
            vec!["analyze", "-f", format],
            vec!["analyze", "-f", format, a.to_str().unwrap(), path.to_str().unwrap()],
        ] {
            let out = factgrid(&args, HOSTILE.as_bytes());
            expect_code(&out, 0);
            let s = stdout(&out);
            assert!(s.contains("Moscow rejected") || format == "table", "{format}: {s}");
            assert!(s.contains("Kyiv said it backed") || format == "table", "{format}: {s}");
            let bad: Vec<char> = s.chars().filter(|c| c.is_control() && *c != '\n').collect();
            assert!(bad.is_empty(), "{format} {args:?}: control characters {bad:?} in\n{s}");
            let err = stderr(&out);
            assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{format}: stderr {err:?}");
        }
    }
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_defused() {
    let text = "=HYPERLINK(\"http://evil.example\",\"x\") Moscow rejected the truce.\n+1 Kyiv backed the ceasefire.\n \t@SUM(A1) Washington proposed a truce.";
    let out = factgrid(&["analyze", "-f", "csv"], text.as_bytes());
    let csv = stdout(&out);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    for row in rows {
        // Every field starting with a formula character has the apostrophe.
        for field in row.split("\",\"") {
            let field = field.trim_start_matches('"');
            assert!(!field.trim_start().starts_with(['=', '+', '-', '@']), "{field:?} in {row}");
        }
    }
    // Paths too, in a run over several files.
    let d = Scratch::new("formula-path");
    d.file("=cmd.txt", "Moscow rejected the truce.");
    let out = factgrid_in(Some(&d.0), &["analyze", "-f", "csv", "=cmd.txt", "-"], b"");
    assert!(stdout(&out).contains("\n\"'=cmd.txt\",\"russia\""), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn paths_that_are_not_utf8_are_analysed_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let d = Scratch::new("non-utf8");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(d.0.join(name), "Moscow rejected the truce.").unwrap();
    let out = Command::new(BIN)
        .args(["analyze".as_ref(), "-f".as_ref(), "jsonl".as_ref(), d.0.join(name).as_os_str()])
        .output()
        .unwrap();
    expect_code(&out, 0);
    assert!(stdout(&out).contains("caf\u{fffd}.txt"), "{}", stdout(&out));
    let out = factgrid(&["analyze", "-f", "jsonl", &d.path("")], b"");
    expect_code(&out, 0);
    assert!(stdout(&out).contains("\"russia\""));
}
