//! The attribution and stance rules, each with positive and negative
//! examples written for factgrid, in `tests/data/rules.txt`. One loop runs
//! them all and reports every failing example, not just the first.

use factgrid_engine::{Analyzer, Profile};

#[test]
fn rule_examples() {
    let analyzer = Analyzer::new(&Profile::default_profile());
    let data = include_str!("data/rules.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    let mut section = "";
    for (n, line) in data.lines().enumerate() {
        if let Some(s) = line.strip_prefix("## ") {
            section = s;
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, want) =
            line.split_once(" => ").unwrap_or_else(|| panic!("rules.txt:{}: no ' => '", n + 1));
        let text = text.replace("\\n", "\n");
        let mut want: Vec<String> = if want.trim() == "(nothing)" {
            Vec::new()
        } else {
            want.split_whitespace().map(String::from).collect()
        };
        want.sort();
        let report = analyzer.analyze(&text);
        let mut got: Vec<String> = report
            .cells
            .iter()
            .map(|c| {
                let any = format!("{}/{}:*", c.party, c.topic);
                if want.contains(&any) {
                    any
                } else {
                    format!("{}/{}:{}", c.party, c.topic, c.stance)
                }
            })
            .collect();
        got.sort();
        count += 1;
        if got != want {
            failures.push(format!(
                "rules.txt:{} [{section}]\n    text: {text}\n    want: {}\n    got:  {}",
                n + 1,
                want.join(" "),
                got.join(" ")
            ));
        }
    }
    assert!(count > 30, "the rule file has examples");
    assert!(
        failures.is_empty(),
        "{} of {count} rule examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Figures with their topic and source, from `tests/data/figures.txt`.
#[test]
fn figure_examples() {
    let analyzer = Analyzer::new(&Profile::default_profile());
    let data = include_str!("data/figures.txt");
    let mut failures = Vec::new();
    let mut section = "";
    for (n, line) in data.lines().enumerate() {
        if let Some(s) = line.strip_prefix("## ") {
            section = s;
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, want) =
            line.split_once(" => ").unwrap_or_else(|| panic!("figures.txt:{}: no ' => '", n + 1));
        let want: Vec<&str> =
            if want.trim() == "(none)" { Vec::new() } else { want.split(" | ").map(str::trim).collect() };
        let report = analyzer.analyze(text);
        let got: Vec<String> = report
            .figures
            .iter()
            .map(|f| {
                format!(
                    "{}@{}/{}",
                    f.text,
                    f.topic.as_deref().unwrap_or("-"),
                    f.source.as_deref().unwrap_or("-")
                )
            })
            .collect();
        if got != want {
            failures.push(format!(
                "figures.txt:{} [{section}]\n    text: {text}\n    want: {}\n    got:  {}",
                n + 1,
                want.join(" | "),
                got.join(" | ")
            ));
        }
    }
    assert!(failures.is_empty(), "figure examples fail:\n{}", failures.join("\n"));
}

/// The speaker an evidence sentence shows, from `tests/data/speakers.txt`.
#[test]
fn speaker_examples() {
    let analyzer = Analyzer::new(&Profile::default_profile());
    let data = include_str!("data/speakers.txt");
    let mut failures = Vec::new();
    let mut section = "";
    for (n, line) in data.lines().enumerate() {
        if let Some(s) = line.strip_prefix("## ") {
            section = s;
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, want) =
            line.split_once(" => ").unwrap_or_else(|| panic!("speakers.txt:{}: no ' => '", n + 1));
        let report = analyzer.analyze(text);
        for item in want.split(" | ") {
            let (cell, speaker) =
                item.split_once('=').unwrap_or_else(|| panic!("speakers.txt:{}: no '='", n + 1));
            let (party, topic) = cell.trim().split_once('/').expect("party/topic");
            let got = report
                .cell(party, topic)
                .and_then(|c| c.evidence.first())
                .and_then(|e| e.speaker.clone())
                .unwrap_or_else(|| "(no cell)".into());
            if got != speaker.trim() {
                failures.push(format!(
                    "speakers.txt:{} [{section}]\n    text: {text}\n    cell: {cell}\n    want: {speaker}\n    got:  {got}",
                    n + 1
                ));
            }
        }
    }
    assert!(failures.is_empty(), "speaker examples fail:\n{}", failures.join("\n"));
}
