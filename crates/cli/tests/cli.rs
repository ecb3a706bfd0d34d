//! Integration tests: run the built `factgrid` binary as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn factgrid(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factgrid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the factgrid binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "expected success\nstatus: {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

const ARTICLE: &str =
    "Moscow rejected the ceasefire proposal.\nUkraine accepted the American plan for a 30-day truce.\n";

#[test]
fn analyze_reads_stdin_and_prints_the_report_json() {
    for args in
        [&["analyze", "--format", "json", "-"][..], &["analyze"][..], &["analyze", "--format=json"][..]]
    {
        let v = json(&factgrid(args, ARTICLE.as_bytes()));
        assert_eq!(v["schema"], "factgrid.report/1", "args {args:?}");
        let cells: Vec<(String, String, String)> = v["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["party"].as_str().unwrap().into(),
                    c["topic"].as_str().unwrap().into(),
                    c["stance"].as_str().unwrap().into(),
                )
            })
            .collect();
        let want = [
            ("russia", "ceasefire", "opposes"),
            ("ukraine", "ceasefire", "supports"),
            ("us", "ceasefire", "proposes"),
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()));
        assert_eq!(cells, want, "args {args:?}");
        assert_eq!(v["cells"][0]["evidence"][0]["text"], "Moscow rejected the ceasefire proposal.");
        assert_eq!(v["figures"][0]["text"], "30-day");
    }
}

#[test]
fn analyze_reads_a_file() {
    let dir = std::env::temp_dir().join(format!("factgrid-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("article.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let v = json(&factgrid(&["analyze", path.to_str().unwrap()], b""));
    assert_eq!(v["stats"]["sentences"], 2);
}

#[test]
fn table_and_markdown_formats() {
    let out = factgrid(&["analyze", "--format", "table"], ARTICLE.as_bytes());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("Ceasefire") && s.contains("opposes (1)") && s.contains("proposes (1)"),
        "table:\n{s}"
    );
    let out = factgrid(&["analyze", "--format", "markdown"], ARTICLE.as_bytes());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("| Topic | Russia | Ukraine | United States |"), "markdown:\n{s}");
    let out = factgrid(&["analyze", "--format", "csv"], ARTICLE.as_bytes());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.starts_with(
            "party,topic,stance,summary,sentence,speaker,evidence\n\"russia\",\"ceasefire\",\"opposes\""
        ),
        "csv:\n{s}"
    );
}

#[test]
fn errors_are_clear_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["analyze", "--format", "xml"], "unknown format \"xml\""),
        (&["analyze", "/nonexistent/article.txt"], "opening /nonexistent/article.txt"),
        (&["frobnicate"], "unknown command \"frobnicate\""),
        (&["analyze", "--profile"], "--profile needs a file name"),
    ];
    for (args, want) in cases {
        let out = factgrid(args, b"");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "args {args:?}: stderr {err}");
        assert!(err.contains(want), "args {args:?}\n  want stderr containing {want:?}\n  got {err:?}");
    }
}

#[test]
fn a_bad_profile_is_named() {
    let dir = std::env::temp_dir().join(format!("factgrid-cli-p-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("profile.json");
    std::fs::write(&path, r#"{"parties": [{"id": "eu", "label": "EU", "aliases": []}], "topics": [{"id": "t", "label": "T", "terms": ["x"]}]}"#).unwrap();
    let out = factgrid(&["analyze", "--profile", path.to_str().unwrap()], ARTICLE.as_bytes());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("parties[0] (eu) has no aliases"), "stderr: {err}");
}

#[test]
fn empty_and_invalid_utf8_input() {
    let v = json(&factgrid(&["analyze"], b""));
    assert_eq!(v["cells"].as_array().unwrap().len(), 0);
    assert_eq!(v["stats"]["sentences"], 0);

    let out = factgrid(&["analyze"], b"Moscow rejected the truce. \xff\xfe junk");
    let v = json(&out);
    assert_eq!(v["cells"][0]["party"], "russia");
    assert!(v["notices"][0].as_str().unwrap().contains("not valid UTF-8"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn help_and_version() {
    let out = factgrid(&["--help"], b"");
    assert!(String::from_utf8_lossy(&out.stdout).contains("factgrid analyze"));
    let out = factgrid(&["--version"], b"");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("factgrid 0."));
}
