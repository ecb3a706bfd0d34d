//! `factgrid compare`: several articles side by side, on the three articles
//! written for the engine's comparison tests (TASS on Monday, AP on
//! Wednesday, Reuters on Friday, with opposite framings of Russia's truce
//! position and of the Kursk area), plus bad files among them.

mod common;

use common::*;
use pulldown_cmark::{html, Parser};

const TASS: &str = include_str!("../../engine/tests/data/compare/1-monday-tass.txt");
const AP: &str = include_str!("../../engine/tests/data/compare/2-wednesday-ap.txt");
const REUTERS: &str = include_str!("../../engine/tests/data/compare/3-friday-reuters.txt");

/// The week's three articles in a scratch directory: their paths.
fn week(d: &Scratch) -> [String; 3] {
    d.file("1-tass.txt", TASS);
    d.file("2-ap.txt", AP);
    d.file("3-reuters.txt", REUTERS);
    ["1-tass.txt", "2-ap.txt", "3-reuters.txt"].map(|f| d.path(f))
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

fn cell<'v>(j: &'v serde_json::Value, party: &str, topic: &str) -> &'v serde_json::Value {
    j["cells"].as_array().unwrap().iter().find(|c| c["party"] == party && c["topic"] == topic).unwrap()
}

#[test]
fn json_has_the_schema_verdicts_conflicts_and_timeline() {
    let d = Scratch::new("compare-json");
    let [a, b, c] = week(&d);
    let out = factgrid(&["compare", &a, &b, &c], b"");
    expect_code(&out, 0);
    let j = json(&out);
    assert_eq!(j["schema"], "factgrid.comparison/1");
    let named: Vec<(&str, &str, &str)> = j["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["outlet"].as_str().unwrap(), a["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        named,
        [
            (a.as_str(), "TASS", "2025-03-10"),
            (b.as_str(), "AP", "2025-03-12"),
            (c.as_str(), "Reuters", "2025-03-14")
        ]
    );
    let russia = cell(&j, "russia", "ceasefire");
    assert_eq!(russia["verdict"], "differ");
    let stances: Vec<&str> =
        russia["by_article"].as_array().unwrap().iter().map(|s| s["stance"].as_str().unwrap()).collect();
    assert_eq!(stances, ["supports", "proposes", "opposes"]);
    assert!(russia["by_article"][2]["evidence"][0]["sentence"].is_u64());
    assert_eq!(cell(&j, "us", "ceasefire")["verdict"], "agree");
    assert_eq!(cell(&j, "us", "kursk")["verdict"], "none");
    let held =
        j["figures"]["groups"].as_array().unwrap().iter().find(|g| g["measure"] == "area_held").unwrap();
    assert_eq!(held["unit"], "km²");
    assert_eq!(held["conflicts"].as_array().unwrap().len(), 2);
    assert_eq!(j["timeline"]["order"], serde_json::json!([0, 1, 2]));
    assert_eq!(j["failed"], serde_json::json!([]));
}

#[test]
fn a_bad_file_in_the_middle_is_named_and_the_others_compared() {
    let d = Scratch::new("compare-bad");
    let [a, _, c] = week(&d);
    let binary = d.file("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let binary = binary.to_str().unwrap();
    let missing = d.path("missing.txt");
    let out = factgrid(&["compare", &a, binary, &missing, &c], b"");
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains(&format!("{binary} is a binary file")), "{err}");
    assert!(err.contains(&format!("opening {missing}")), "{err}");
    assert!(err.contains("2 of 4 files could not be compared"), "{err}");
    let j = json(&out);
    let ids: Vec<&str> =
        j["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [a.as_str(), c.as_str()]);
    let failed: Vec<&str> =
        j["failed"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(failed, [binary, missing.as_str()]);
    assert!(j["failed"][0]["error"].as_str().unwrap().contains("binary file"));
    assert_eq!(cell(&j, "russia", "ceasefire")["verdict"], "differ");
}

#[test]
fn no_usable_article_is_an_error() {
    let d = Scratch::new("compare-none");
    let missing = d.path("missing.txt");
    let out = factgrid(&["compare", &missing], b"");
    expect_code(&out, 2);
    let err = stderr(&out);
    assert!(err.contains(&format!("opening {missing}")) && err.contains("nothing to compare"), "{err}");
    assert!(stdout(&out).is_empty());
    // An empty directory has nothing to compare either.
    std::fs::create_dir_all(d.path("empty")).unwrap();
    let out = factgrid(&["compare", &d.path("empty")], b"");
    expect_code(&out, 2);
    assert!(stderr(&out).contains("no article files found"), "{}", stderr(&out));
}

#[test]
fn more_than_twenty_articles_are_refused() {
    let d = Scratch::new("compare-many");
    for i in 0..21 {
        d.file(&format!("a{i:02}.txt"), TASS);
    }
    let out = factgrid(&["compare", &d.path("")], b"");
    expect_code(&out, 2);
    assert!(stderr(&out).contains("compare takes at most 20 articles; 21 were given"), "{}", stderr(&out));
    // One article compares with itself: every cell from one source.
    let out = factgrid(&["compare", "-f", "json", &d.path("a00.txt")], b"");
    expect_code(&out, 0);
    assert_eq!(cell(&json(&out), "russia", "ceasefire")["verdict"], "one_source");
}

#[test]
fn markdown_pastes_as_a_table() {
    let d = Scratch::new("compare-md");
    let [a, b, c] = week(&d);
    let out = factgrid(&["compare", "--format", "markdown", &a, &b, &c], b"");
    expect_code(&out, 0);
    let md = stdout(&out);
    assert!(
        md.contains(
            "| Party | Topic | Verdict | 1. TASS | 2. AP | 3. Reuters |\n|---|---|---|---|---|---|\n"
        ),
        "{md}"
    );
    assert!(md.contains("| Russia | Ceasefire | **differ** | supports | proposes | opposes |"), "{md}");
    // Rendered, it is a table with a header row and one row per cell given.
    let mut rendered = String::new();
    html::push_html(&mut rendered, Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES));
    assert!(rendered.contains("<th>Verdict</th>") && rendered.contains("<th>3. Reuters</th>"), "{rendered}");
    assert!(rendered.contains("<td><strong>differ</strong></td>"), "{rendered}");
    assert!(rendered.contains("Figures that conflict"), "{rendered}");
}

#[test]
fn markdown_keeps_article_text_inert() {
    let d = Scratch::new("compare-md-inert");
    let evil = d.file(
        "evil.txt",
        "Moscow [backs](javascript:alert(1)) the <img src=x onerror=alert(1)> truce\nMoscow backed the truce. Ukraine holds less than 200 sq. km in Kursk, Moscow said.\n",
    );
    let [a, ..] = week(&d);
    let out = factgrid(&["compare", "-f", "md", evil.to_str().unwrap(), &a], b"");
    expect_code(&out, 0);
    let mut rendered = String::new();
    html::push_html(&mut rendered, Parser::new_ext(&stdout(&out), pulldown_cmark::Options::ENABLE_TABLES));
    assert!(!rendered.contains("<a ") && !rendered.contains("<img"), "{rendered}");
    assert!(rendered.contains("&lt;img src=x onerror=alert(1)&gt;"), "{rendered}");
}

#[test]
fn csv_has_one_row_per_cell_and_article() {
    let d = Scratch::new("compare-csv");
    let [a, b, c] = week(&d);
    let out = factgrid(&["compare", "-f", "csv", &a, &b, &c], b"");
    expect_code(&out, 0);
    let csv = stdout(&out);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("party,topic,verdict,article,label,id,title,outlet,date,stance,summary,evidence")
    );
    let rows: Vec<&str> = lines.collect();
    let covered = json(&factgrid(&["compare", &a, &b, &c], b""))["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["covered"].as_u64() > Some(0))
        .count();
    assert_eq!(rows.len(), covered * 3);
    assert!(
        rows.iter().any(|r| r.starts_with("\"russia\",\"ceasefire\",\"differ\",\"3\",\"Reuters\"")
            && r.contains("\"opposes\"")),
        "{csv}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("\"ukraine\",\"ceasefire\",\"agree\",\"1\",\"TASS\"")
                && r.contains("\"none\"")),
        "{csv}"
    );
}

#[test]
fn the_table_shows_chips_verdicts_and_conflicts() {
    let d = Scratch::new("compare-table");
    let [a, b, c] = week(&d);
    let out = factgrid(&["compare", "-f", "table", &a, &b, &c], b"");
    expect_code(&out, 0);
    let t = stdout(&out);
    let grid = t.lines().find(|l| l.starts_with("Russia") && l.contains("Ceasefire")).unwrap();
    let words: Vec<&str> = grid.split_whitespace().collect();
    assert_eq!(words, ["Russia", "Ceasefire", "DIFFER", "supports", "proposes", "opposes"]);
    assert!(
        t.contains("less than 200 sq. km (Russia, 1 TASS)  vs  about 1,250 sq. km (Ukraine, 2 AP)"),
        "{t}"
    );
    assert!(t.contains("Russia / Ceasefire: 2025-03-10 supports → 2025-03-12 proposes (changed) → 2025-03-14 opposes (changed)"), "{t}");
}

#[test]
fn titles_outlets_and_dates_given_on_the_command_line_win() {
    let d = Scratch::new("compare-meta");
    let [a, b, _] = week(&d);
    let out = factgrid(
        &["compare", "--title", "Monday's wire", "--outlet", "", "--date", "--03-10", &a, "--date", "", &b],
        b"",
    );
    expect_code(&out, 0);
    let j = json(&out);
    assert_eq!(j["articles"][0]["title"], "Monday's wire");
    assert!(j["articles"][0]["outlet"].is_null());
    assert_eq!(j["articles"][0]["date"], "--03-10");
    assert_eq!(j["articles"][0]["label"], "Monday's wire");
    assert_eq!(j["articles"][1]["outlet"], "AP", "what is not given is detected");
    assert!(j["articles"][1]["date"].is_null());
    assert_eq!(j["timeline"]["undated"], serde_json::json!([1]));
    // Standard input is one of the articles.
    let out = factgrid(&["compare", "--outlet", "Pasted", "-", &b], REUTERS.as_bytes());
    expect_code(&out, 0);
    let j = json(&out);
    assert_eq!(
        (j["articles"][0]["id"].as_str(), j["articles"][0]["outlet"].as_str()),
        (Some("-"), Some("Pasted"))
    );
}

#[test]
fn usage_documents_compare() {
    let out = factgrid(&["--help"], b"");
    let usage = stdout(&out);
    for want in [
        "factgrid compare [OPTIONS] [ARTICLE OPTIONS] INPUT...",
        "--title TEXT",
        "--outlet TEXT",
        "--date DATE",
    ] {
        assert!(usage.contains(want), "{want:?} in\n{usage}");
    }
}

#[test]
fn a_list_of_files_and_a_profile_of_ones_own() {
    let d = Scratch::new("compare-list");
    let [a, b, c] = week(&d);
    // A profile with only its parties and topics gets the built-in words,
    // those of comparing included.
    let profile = d.file(
        "profile.json",
        r#"{"parties": [{"id": "moscow", "label": "Moscow", "aliases": [{"text": "Russia", "kind": "country"}, {"text": "Kremlin", "kind": "institution"}]}],
            "topics": [{"id": "truce", "label": "Truce", "terms": ["ceasefire", "truce"]}, {"id": "kursk", "label": "Kursk", "terms": ["Kursk"]}]}"#,
    );
    let list = format!("{a}\n{b}\n\n{c}\n");
    let out = factgrid(&["compare", "-p", profile.to_str().unwrap(), "--files-from", "-"], list.as_bytes());
    expect_code(&out, 0);
    let j = json(&out);
    assert_eq!(j["articles"].as_array().unwrap().len(), 3);
    assert_eq!(j["parties"], serde_json::json!([{"id": "moscow", "label": "Moscow"}]));
    assert_eq!(cell(&j, "moscow", "truce")["verdict"], "differ");
    let outlets: Vec<&str> =
        j["articles"].as_array().unwrap().iter().map(|a| a["outlet"].as_str().unwrap()).collect();
    assert_eq!(outlets, ["TASS", "AP", "Reuters"]);
    // A bad profile stops the run before any article is read.
    let bad = d.file("bad.json", r#"{"parties": [], "topics": []}"#);
    let out = factgrid(&["compare", "-p", bad.to_str().unwrap(), &a], b"");
    expect_code(&out, 2);
    assert!(stderr(&out).contains("`parties` is empty"), "{}", stderr(&out));
}
