//! The attribution, stance, figure and speaker rules, each with positive and
//! negative examples written for factgrid, in `tests/data/*.txt`. Each
//! table runs in one loop that reports every failing example, not just the
//! first.

use std::collections::BTreeSet;

use factgrid_engine::{Analyzer, Profile, Report, Rule};

/// One example of a table: `TEXT => WANT`, with its line and section.
struct Example<'a> {
    line: usize,
    section: &'a str,
    text: String,
    want: &'a str,
}

/// The examples of a table file: `## ` lines name sections, `#` lines and
/// blank lines are skipped, and `\n` in TEXT is a paragraph break.
fn examples<'a>(file: &str, data: &'a str) -> Vec<Example<'a>> {
    let mut out = Vec::new();
    let mut section = "";
    for (n, line) in data.lines().enumerate() {
        if let Some(s) = line.strip_prefix("## ") {
            section = s;
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, want) = line.split_once(" => ").unwrap_or_else(|| panic!("{file}:{}: no ' => '", n + 1));
        out.push(Example { line: n + 1, section, text: text.replace("\\n", "\n"), want });
    }
    out
}

/// Report every failure of a table at once.
fn check(file: &str, failures: Vec<String>) {
    assert!(failures.is_empty(), "{} examples of {file} fail:\n{}", failures.len(), failures.join("\n"));
}

fn failure(file: &str, e: &Example, want: &str, got: &str) -> String {
    format!("{file}:{} [{}]\n    text: {}\n    want: {want}\n    got:  {got}", e.line, e.section, e.text)
}

/// The rule tables, each with the language it is read in.
const RULE_TABLES: [(&str, &str, &str); 3] = [
    ("rules.txt", include_str!("data/rules.txt"), "en"),
    ("rules-ru.txt", include_str!("data/rules-ru.txt"), "ru"),
    ("rules-uk.txt", include_str!("data/rules-uk.txt"), "uk"),
];

/// The figure tables, each with its language.
const FIGURE_TABLES: [(&str, &str, &str); 3] = [
    ("figures.txt", include_str!("data/figures.txt"), "en"),
    ("figures-ru.txt", include_str!("data/figures-ru.txt"), "ru"),
    ("figures-uk.txt", include_str!("data/figures-uk.txt"), "uk"),
];

/// Does this build read `lang` (Russian and Ukrainian need the engine's
/// `cased-languages` feature)?
fn read_here(lang: &str) -> bool {
    lang == "en" || cfg!(feature = "cased-languages")
}

/// The report of an example read in `lang` (English with the default
/// profile, as every English table always was; the other languages with
/// their built-in profiles).
struct Reader {
    english: Analyzer,
    builtin: Analyzer,
}

impl Reader {
    fn new() -> Reader {
        Reader { english: Analyzer::new(&Profile::default_profile()), builtin: Analyzer::builtin() }
    }

    fn analyze(&self, text: &str, lang: &str) -> Report {
        if lang == "en" {
            self.english.analyze(text)
        } else {
            let report = self.builtin.analyze_in(text, Some(lang));
            assert_eq!(report.language, lang);
            report
        }
    }

    fn explain(&self, text: &str, lang: &str) -> factgrid_engine::Explanation {
        if lang == "en" {
            self.english.explain(text).1
        } else {
            self.builtin.explain_in(text, Some(lang)).1
        }
    }
}

#[test]
fn rule_examples() {
    let reader = Reader::new();
    let mut failures = Vec::new();
    for (file, data, lang) in RULE_TABLES {
        if !read_here(lang) {
            continue;
        }
        let all = examples(file, data);
        assert!(all.len() > 30, "the rule file {file} has examples");
        for e in &all {
            let mut want: Vec<String> = if e.want.trim() == "(nothing)" {
                Vec::new()
            } else {
                e.want.split_whitespace().map(String::from).collect()
            };
            want.sort();
            let report = reader.analyze(&e.text, lang);
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
            if got != want {
                failures.push(failure(file, e, &want.join(" "), &got.join(" ")));
            }
        }
    }
    check("the rule tables", failures);
}

/// The rules a section heading names: `## title {RuleA, RuleB}`.
fn section_rules(section: &str) -> Vec<&str> {
    section
        .rsplit_once('{')
        .and_then(|(_, tail)| tail.strip_suffix('}'))
        .map(|names| names.split(',').map(str::trim).collect())
        .unwrap_or_default()
}

/// Each example of a section tagged with rules shows a holder found by one
/// of them (read from the explain trace), and every holder rule is named by
/// some section: the rule tables cover every construction.
#[test]
// (Without Russian and Ukrainian, their rules do not fire.)
#[cfg_attr(not(feature = "cased-languages"), ignore)]
fn rule_tags_fire_and_cover_every_rule() {
    let reader = Reader::new();
    let mut failures = Vec::new();
    let mut named = BTreeSet::new();
    for (file, data, lang) in RULE_TABLES {
        if !read_here(lang) {
            continue;
        }
        for e in &examples(file, data) {
            let rules = section_rules(e.section);
            named.extend(rules.iter().copied());
            if rules.is_empty() || e.want.trim() == "(nothing)" {
                continue;
            }
            let trace = reader.explain(&e.text, lang);
            let fired: BTreeSet<&str> =
                trace.sentences.iter().flat_map(|s| s.holders.iter().map(|h| h.rule)).collect();
            if !rules.iter().any(|r| fired.contains(r)) {
                let got = fired.into_iter().collect::<Vec<_>>().join(" ");
                failures.push(failure(file, e, &rules.join(" or "), &format!("holders by {got}")));
            }
        }
    }
    for rule in Rule::ALL {
        if !named.contains(rule.name()) {
            failures.push(format!("no section of the rule tables names the rule {{{}}}", rule.name()));
        }
    }
    check("the rule tables", failures);
}

/// Figures with their topic and source, from `tests/data/figures.txt`.
#[test]
fn figure_examples() {
    let reader = Reader::new();
    let mut failures = Vec::new();
    for (file, data, lang) in FIGURE_TABLES {
        if !read_here(lang) {
            continue;
        }
        for e in &examples(file, data) {
            let want: Vec<&str> = if e.want.trim() == "(none)" {
                Vec::new()
            } else {
                e.want.split(" | ").map(str::trim).collect()
            };
            let report = reader.analyze(&e.text, lang);
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
                failures.push(failure(file, e, &want.join(" | "), &got.join(" | ")));
            }
        }
    }
    check("the figure tables", failures);
}

/// The speaker an evidence sentence shows, from `tests/data/speakers.txt`.
#[test]
fn speaker_examples() {
    let analyzer = Analyzer::new(&Profile::default_profile());
    let file = "speakers.txt";
    let mut failures = Vec::new();
    for e in &examples(file, include_str!("data/speakers.txt")) {
        let report = analyzer.analyze(&e.text);
        for item in e.want.split(" | ") {
            let (cell, speaker) = item.split_once('=').unwrap_or_else(|| panic!("{file}:{}: no '='", e.line));
            let (party, topic) = cell.trim().split_once('/').expect("party/topic");
            let got = report
                .cell(party, topic)
                .and_then(|c| c.evidence.first())
                .and_then(|ev| ev.speaker.clone())
                .unwrap_or_else(|| "(no cell)".into());
            if got != speaker.trim() {
                failures.push(failure(file, e, &format!("{cell}={speaker}"), &got));
            }
        }
    }
    check(file, failures);
}
