//! `factgrid analyze` over many articles: files, directories, lists on
//! standard input, bad files among good ones, parallel runs, progress.

mod common;

use common::*;

const RUSSIA: &str = "Moscow rejected the ceasefire proposal.";
const UKRAINE: &str = "Kyiv backed the truce, officials said.";
const US: &str = "Washington proposed a 30-day truce.";

#[test]
fn several_files_give_one_jsonl_line_each_in_input_order() {
    let d = Scratch::new("several");
    let (a, b, c) = (d.file("a.txt", RUSSIA), d.file("b.txt", UKRAINE), d.file("c.txt", US));
    let (a, b, c) = (a.to_str().unwrap(), b.to_str().unwrap(), c.to_str().unwrap());
    for order in [[a, b, c], [c, a, b]] {
        let mut args = vec!["analyze", "--format", "jsonl"];
        args.extend(order);
        let out = factgrid(&args, b"");
        expect_code(&out, 0);
        let got: Vec<(String, Vec<String>)> = lines(&out)
            .iter()
            .map(|l| (l["path"].as_str().unwrap().to_string(), cells(&l["report"])))
            .collect();
        let want_cells = |p: &str| match p {
            _ if p == a => vec!["russia/ceasefire:opposes".to_string()],
            _ if p == b => vec!["ukraine/ceasefire:supports".to_string()],
            _ => vec!["us/ceasefire:proposes".to_string()],
        };
        let want: Vec<(String, Vec<String>)> = order.iter().map(|p| (p.to_string(), want_cells(p))).collect();
        assert_eq!(got, want);
    }
}

#[test]
fn a_single_file_in_jsonl_is_one_line_with_its_path() {
    let d = Scratch::new("single-jsonl");
    let a = d.file("a.txt", RUSSIA);
    let out = factgrid(&["analyze", "-f", "jsonl", a.to_str().unwrap()], b"");
    expect_code(&out, 0);
    let l = lines(&out);
    assert_eq!(l.len(), 1);
    assert_eq!(l[0]["path"], a.to_str().unwrap());
    // Standard input is "-".
    let out = factgrid(&["analyze", "-f", "jsonl"], RUSSIA.as_bytes());
    assert_eq!(lines(&out)[0]["path"], "-");
    assert_eq!(cells(&lines(&out)[0]["report"]), ["russia/ceasefire:opposes"]);
}

#[test]
fn directories_are_walked_in_name_order_for_article_files() {
    let d = Scratch::new("walk");
    d.file("archive/2024/03/b.txt", RUSSIA);
    d.file("archive/2024/03/a.md", UKRAINE);
    d.file("archive/2024/01/page.HTML", format!("<html><head><title>Kyiv rejected the truce</title></head><body><p>{US}</p><script>Moscow rejected the truce.</script></body></html>"));
    d.file("archive/2024/01/old.htm", RUSSIA);
    d.file("archive/2024/01/scan.pdf", "%PDF-1.4 Moscow rejected the truce.");
    d.file("archive/2024/01/notes", RUSSIA);
    d.file("archive/.git/HEAD.txt", RUSSIA);
    d.file("archive/.hidden.txt", RUSSIA);
    d.file("archive/z.txt", UKRAINE);
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.0.join("archive/2024"), d.0.join("archive/2024/03/loop")).unwrap();

    let out = factgrid_in(Some(&d.0), &["analyze", "-f", "jsonl", "archive"], b"");
    expect_code(&out, 0);
    let got: Vec<(String, Vec<String>)> =
        lines(&out).iter().map(|l| (l["path"].as_str().unwrap().to_string(), cells(&l["report"]))).collect();
    let want = [
        ("archive/2024/01/old.htm", vec!["russia/ceasefire:opposes"]),
        // HTML is reduced to its text: the head and the script are not read.
        ("archive/2024/01/page.HTML", vec!["us/ceasefire:proposes"]),
        ("archive/2024/03/a.md", vec!["ukraine/ceasefire:supports"]),
        ("archive/2024/03/b.txt", vec!["russia/ceasefire:opposes"]),
        ("archive/z.txt", vec!["ukraine/ceasefire:supports"]),
    ]
    .map(|(p, c)| (p.to_string(), c.into_iter().map(String::from).collect::<Vec<_>>()));
    assert_eq!(got, want);

    // A file named explicitly is analysed whatever its name.
    let out =
        factgrid_in(Some(&d.0), &["analyze", "-f", "jsonl", "archive/2024/01/notes", "archive/z.txt"], b"");
    expect_code(&out, 0);
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn a_list_of_paths_on_standard_input() {
    let d = Scratch::new("files-from");
    d.file("a.txt", RUSSIA);
    d.file("dir/b.txt", UKRAINE);
    d.file("c.txt", US);
    let paths = |out: &std::process::Output| -> Vec<String> {
        lines(out).iter().map(|l| l["path"].as_str().unwrap().to_string()).collect()
    };
    // Blank lines are skipped, Windows line ends taken, directories walked.
    let out =
        factgrid_in(Some(&d.0), &["analyze", "--files-from", "-", "-f", "jsonl"], b"c.txt\r\n\na.txt\ndir\n");
    expect_code(&out, 0);
    assert_eq!(paths(&out), ["c.txt", "a.txt", "dir/b.txt"]);
    // NUL-separated, as find -print0 writes.
    let out = factgrid_in(Some(&d.0), &["analyze", "-T", "-", "-0", "-f", "jsonl"], b"a.txt\0c.txt\0");
    assert_eq!(paths(&out), ["a.txt", "c.txt"]);
    // From a file, after the files on the command line.
    let list = d.file("list", "a.txt\n");
    let out = factgrid_in(
        Some(&d.0),
        &["analyze", "c.txt", "--files-from", list.to_str().unwrap(), "-f", "jsonl"],
        b"",
    );
    assert_eq!(paths(&out), ["c.txt", "a.txt"]);
    // An empty list (an empty shard) is an empty run, not an error.
    for (format, want) in [
        ("jsonl", ""),
        ("json", "[\n\n]\n"),
        ("csv", "path,party,topic,stance,summary,sentence,speaker,evidence\n"),
    ] {
        let out = factgrid_in(Some(&d.0), &["analyze", "--files-from", "-", "-f", format, "-q"], b"");
        expect_code(&out, 0);
        assert_eq!(stdout(&out), want, "{format}");
    }
    // A list that cannot be read is an error.
    let out = factgrid(&["analyze", "--files-from", "/nonexistent/list"], b"");
    expect_code(&out, 2);
    assert!(stderr(&out).contains("reading the list of files /nonexistent/list"), "{}", stderr(&out));
}

#[test]
fn a_bad_file_in_the_middle_is_named_and_the_run_goes_on() {
    let d = Scratch::new("bad-middle");
    d.file("1-good.txt", RUSSIA);
    d.file("2-binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR Moscow rejected the truce.");
    d.file("3-good.txt", UKRAINE);
    let big = d.file("4-huge.txt", "");
    // Sparse: 20 MB and one byte without writing them.
    std::fs::File::options().write(true).open(&big).unwrap().set_len(20 * 1024 * 1024 + 1).unwrap();
    // UTF-16 with a byte order mark is text (it used to be refused).
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(UKRAINE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    d.file("5-utf16.txt", utf16);
    d.file("6-good.txt", US);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = d.file("7-unreadable.txt", RUSSIA);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let root_can_read_anything = std::fs::read(d.0.join("7-unreadable.txt")).is_ok();
    let list = "1-good.txt\n2-binary.txt\n3-good.txt\n4-huge.txt\nmissing.txt\n5-utf16.txt\n6-good.txt\n";

    let out = factgrid_in(Some(&d.0), &["analyze", "-T", "-", "-f", "jsonl"], list.as_bytes());
    expect_code(&out, 1);
    let got: Vec<(String, String)> = lines(&out)
        .iter()
        .map(|l| {
            let what = match l["error"].as_str() {
                Some(e) => format!("error: {e}"),
                None => cells(&l["report"]).join(" "),
            };
            (l["path"].as_str().unwrap().to_string(), what)
        })
        .collect();
    let want = [
        ("1-good.txt", "russia/ceasefire:opposes"),
        ("2-binary.txt", "error: 2-binary.txt is a binary file (NUL byte at offset 8)"),
        ("3-good.txt", "ukraine/ceasefire:supports"),
        ("4-huge.txt", "error: 4-huge.txt is too large: 20971521 bytes, over the 20 MB limit"),
        ("missing.txt", "error: opening missing.txt: No such file or directory (os error 2)"),
        ("5-utf16.txt", "ukraine/ceasefire:supports"),
        ("6-good.txt", "us/ceasefire:proposes"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(got, want);
    let err = stderr(&out);
    for bad in ["2-binary.txt is a binary file", "4-huge.txt is too large", "opening missing.txt"] {
        assert!(err.contains(&format!("factgrid: {bad}")), "stderr names {bad}: {err}");
    }
    assert!(
        err.contains("3 of 7 files could not be analysed:\n  2-binary.txt\n  4-huge.txt\n  missing.txt\n"),
        "{err}"
    );
    assert!(
        err.contains("factgrid: note: 5-utf16.txt: The text was read as UTF-16 (little-endian)"),
        "{err}"
    );

    // The other formats skip the bad files, name them on standard error,
    // and keep every good one.
    for format in ["json", "csv", "table", "markdown"] {
        let out = factgrid_in(Some(&d.0), &["analyze", "-T", "-", "-f", format], list.as_bytes());
        expect_code(&out, 1);
        let s = stdout(&out);
        for good in ["1-good.txt", "3-good.txt", "5-utf16.txt", "6-good.txt"] {
            assert!(s.contains(good), "{format}: {good} missing from\n{s}");
        }
        assert!(stderr(&out).contains("3 of 7 files could not be analysed"), "{format}");
    }

    if !root_can_read_anything {
        let out = factgrid_in(Some(&d.0), &["analyze", "-f", "jsonl", "7-unreadable.txt", "1-good.txt"], b"");
        expect_code(&out, 1);
        assert!(stderr(&out).contains("opening 7-unreadable.txt: Permission denied"), "{}", stderr(&out));
    }
}

/// Articles of different sizes, so that with two jobs they finish out of order.
fn archive(d: &Scratch, n: usize) {
    let sentences = [
        RUSSIA,
        UKRAINE,
        US,
        "Ukraine will never cede territory, Zelensky said.",
        "The Kremlin said Kursk was retaken.",
    ];
    for i in 0..n {
        let mut text = String::new();
        for k in 0..(1 + (i * 37) % 200) {
            text.push_str(sentences[(i + k) % sentences.len()]);
            text.push(if k % 4 == 3 { '\n' } else { ' ' });
        }
        d.file(&format!("articles/{:02}/{i:03}.txt", i % 7), text);
    }
    d.file("articles/03/bad.txt", "\0binary");
}

#[test]
fn jobs_1_and_jobs_2_give_identical_output() {
    let d = Scratch::new("jobs");
    archive(&d, 40);
    let dir = d.path("articles");
    for format in ["json", "jsonl", "csv", "table", "markdown"] {
        for extra in [&[][..], &["--summary"][..]] {
            let run = |jobs: &str| {
                let mut args = vec!["analyze", "-q", "-f", format, "--jobs", jobs, &dir];
                args.extend(extra);
                factgrid(&args, b"")
            };
            let (one, two) = (run("1"), run("2"));
            expect_code(&one, 1);
            expect_code(&two, 1);
            assert!(one.stdout.len() > 100, "{format} {extra:?}: {}", stdout(&one));
            assert!(one.stdout == two.stdout, "{format} {extra:?}: --jobs 1 and --jobs 2 differ");
            assert_eq!(stderr(&one), stderr(&two), "{format} {extra:?}");
        }
    }
}

#[test]
fn summary_counts_each_party_topic_and_stance_across_files() {
    let d = Scratch::new("summary");
    d.file("a.txt", RUSSIA);
    d.file("b.txt", format!("{RUSSIA} {UKRAINE}"));
    d.file("c.txt", US);
    d.file("d.txt", "\0");
    let out = factgrid(&["analyze", "--summary", "-f", "csv", &d.path("")], b"");
    expect_code(&out, 1);
    let csv = stdout(&out);
    assert!(csv.starts_with("party,topic,stance,files\n"), "{csv}");
    for row in [
        "\"russia\",\"ceasefire\",\"opposes\",2",
        "\"russia\",\"ceasefire\",\"none\",1",
        "\"ukraine\",\"ceasefire\",\"supports\",1",
        "\"us\",\"ceasefire\",\"proposes\",1",
        "\"us\",\"kursk\",\"none\",3",
    ] {
        assert!(csv.lines().any(|l| l == row), "{row} missing from\n{csv}");
    }
    // 3 parties x 3 topics x (8 stances + none), and a header.
    assert_eq!(csv.lines().count(), 1 + 3 * 3 * 9);
    let out = factgrid(&["analyze", "--summary", &d.path("")], b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["schema"].as_str(), v["files"].as_u64(), v["failed"].as_u64()),
        (Some("factgrid.summary/1"), Some(3), Some(1))
    );
    let out = factgrid(&["analyze", "--summary", "-f", "table", &d.path("")], b"");
    let t = stdout(&out);
    assert!(t.starts_with("3 files analysed, 1 failed"), "{t}");
    assert!(
        t.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()
            == ["Russia", "Ceasefire", "0", "0", "0", "2", "0", "0", "0", "0", "1"]),
        "{t}"
    );
}

#[test]
fn several_reports_in_json_csv_table_and_markdown_name_their_paths() {
    let d = Scratch::new("formats");
    let (a, c) = (d.file("a.txt", RUSSIA), d.file("c.txt", US));
    let (a, c) = (a.to_str().unwrap(), c.to_str().unwrap());
    let out = factgrid(&["analyze", a, c], b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    assert_eq!(v[0]["path"], a);
    assert_eq!(v[1]["report"]["cells"][0]["party"], "us");
    let out = factgrid(&["analyze", "-f", "csv", a, c], b"");
    let csv = stdout(&out);
    assert!(csv.starts_with("path,party,topic,stance,"), "{csv}");
    assert!(csv.contains(&format!("\n\"{a}\",\"russia\",\"ceasefire\",\"opposes\"")), "{csv}");
    assert!(csv.contains(&format!("\n\"{c}\",\"us\",\"ceasefire\",\"proposes\"")), "{csv}");
    let out = factgrid(&["analyze", "-f", "table", a, c], b"");
    assert!(stdout(&out).starts_with(&format!("==> {a} <==\ntopic")), "{}", stdout(&out));
    let out = factgrid(&["analyze", "-f", "md", a, c], b"");
    assert!(stdout(&out).starts_with(&format!("## ` {a} `\n\n| Topic |")), "{}", stdout(&out));
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let d = Scratch::new("progress");
    archive(&d, 30);
    let out = factgrid(&["analyze", "-f", "jsonl", "--jobs", "1", &d.path("articles")], b"");
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(
        !err.contains('\r') && !err.contains('\u{1b}') && !err.contains(" left"),
        "a bar on a pipe: {err:?}"
    );
    assert!(err.contains("factgrid: 31 files"), "the closing line: {err}");

    // On a terminal (a pseudo-terminal from script(1), where there is one)
    // the same run draws the bar, and --quiet keeps it off.
    let script = std::process::Command::new("script").arg("--version").output();
    if script.map_or(true, |o| !o.status.success()) {
        eprintln!("script(1) not found: the bar on a terminal is not checked");
        return;
    }
    let on_tty = |extra: &str| {
        let cmd = format!("{BIN} analyze -f jsonl --jobs 1 {extra} {} > /dev/null", d.path("articles"));
        let out = std::process::Command::new("script")
            .args(["-qfec", &cmd, "/dev/null"])
            .env("TERM", "xterm")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let tty = on_tty("");
    assert!(
        tty.contains("\r[") && tty.contains("/31 files") && tty.contains("MB/s") && tty.contains(" left"),
        "{tty:?}"
    );
    let quiet = on_tty("--quiet");
    assert!(!quiet.contains(" left") && !quiet.contains("\u{1b}["), "{quiet:?}");
    assert!(quiet.contains("1 of 31 files could not be analysed"), "failures are still named: {quiet:?}");
}

#[test]
fn shards_of_a_list_together_give_the_whole_run() {
    let d = Scratch::new("shards");
    archive(&d, 23);
    let list: String = (0..23).map(|i| format!("articles/{:02}/{i:03}.txt\n", i % 7)).collect();
    let list = format!("{list}\narticles/03/bad.txt\n");
    let whole = factgrid_in(Some(&d.0), &["analyze", "-q", "-f", "jsonl", "-T", "-"], list.as_bytes());
    expect_code(&whole, 1);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/shard-list");
    let shard = |k: usize| {
        let mut child = std::process::Command::new(script)
            .args(["--shards", "4", "--index", &k.to_string()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("scripts/shard-list runs (bash and awk)");
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), list.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let shards: Vec<String> = (0..4).map(shard).collect();
    // Every path once, shards within one of each other in size.
    let mut paths: Vec<&str> = shards.iter().flat_map(|s| s.lines()).collect();
    let sizes: Vec<usize> = shards.iter().map(|s| s.lines().count()).collect();
    assert_eq!(sizes, [6, 6, 6, 6]);
    paths.sort();
    let mut want: Vec<&str> = list.lines().filter(|l| !l.is_empty()).collect();
    want.sort();
    assert_eq!(paths, want);
    // Analysed shard by shard, the same reports as in one run.
    let mut parts: Vec<String> = Vec::new();
    for s in &shards {
        let out = factgrid_in(Some(&d.0), &["analyze", "-q", "-f", "jsonl", "-T", "-"], s.as_bytes());
        parts.extend(stdout(&out).lines().map(String::from));
    }
    let mut whole: Vec<String> = stdout(&whole).lines().map(String::from).collect();
    whole.sort();
    parts.sort();
    assert_eq!(parts.len(), 24);
    assert!(parts == whole, "the shards' reports differ from the whole run's");
}
