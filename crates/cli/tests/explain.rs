//! `factgrid analyze --format explain`: the trace on the README's example.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(format: &str, text: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factgrid"))
        .args(["analyze", "--format", format, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the factgrid binary runs");
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The example in the README's "Why this cell?" section.
const EXAMPLE: &str = "Vladimir Putin spoke to reporters on Tuesday. \
He said the ceasefire needed clarification.\n\
\u{201c}We will never recognise occupied land as Russian,\u{201d} Zelensky said.\n";

#[test]
fn explain_shows_resolution_holders_topics_and_cues() {
    let out = run("explain", EXAMPLE);
    for want in [
        "resolve   \"He\" -> russia \"Vladimir Putin\"  (last man)",
        "holder    russia speaker \"He\"  Speech",
        "topics    ceasefire  (named: \"ceasefire\")",
        "stance    russia/ceasefire  conditional  (cue \"clarification\")",
        "quote     ukraine \"Zelensky\"  (tag)",
        "topics    territory  (named: \"occupied\" \"land\")",
        "stance    ukraine/territory  opposes  (cue \"will never\")",
    ] {
        assert!(out.contains(want), "explain output lacks {want:?}:\n{out}");
    }
    // … followed by the grid.
    assert!(out.contains("Ceasefire   conditional (1)"), "{out}");
}

#[test]
fn explain_json_carries_the_report_and_the_trace() {
    let out = run("explain-json", EXAMPLE);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["report"]["schema"], "factgrid.report/1");
    let sentences = v["explanation"]["sentences"].as_array().expect("sentences");
    let resolved = &sentences[1]["resolved"][0];
    assert_eq!(resolved["party"], "russia");
    assert_eq!(resolved["by"], "last man");
    assert_eq!(sentences[1]["holders"][0]["rule"], "Speech");
}
