//! Golden reports: the full JSON report of each article in `data/golden/`
//! (written for factgrid, in several styles) is pinned in a `.json` file
//! beside it, so that a refactor that changes any result shows up here.
//!
//! When a change is meant to change results, regenerate the files and
//! review the diff:
//!
//! ```text
//! FACTGRID_BLESS=1 cargo test -p factgrid-engine --test golden
//! git diff crates/engine/tests/data/golden
//! ```

use std::path::PathBuf;

use factgrid_engine::{Analyzer, Profile};

#[test]
fn golden_reports() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden");
    let analyzer = Analyzer::new(&Profile::default_profile());
    let bless = std::env::var_os("FACTGRID_BLESS").is_some();
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data/golden exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    assert!(articles.len() >= 4, "the golden articles are there");
    let mut changed = Vec::new();
    for article in &articles {
        let text = std::fs::read_to_string(article).expect("readable article");
        let got = serde_json::to_string_pretty(&analyzer.analyze(&text)).expect("report serialises") + "\n";
        let pinned = article.with_extension("json");
        if bless {
            std::fs::write(&pinned, &got).expect("writable golden file");
            continue;
        }
        let want = std::fs::read_to_string(&pinned).unwrap_or_default();
        if want != got {
            let line = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
            changed.push(format!(
                "{}: differs from line {} (want {:?}, got {:?})",
                pinned.display(),
                line + 1,
                want.lines().nth(line).unwrap_or(""),
                got.lines().nth(line).unwrap_or("")
            ));
        }
    }
    assert!(
        changed.is_empty(),
        "golden reports changed (FACTGRID_BLESS=1 to regenerate, then review the diff):\n{}",
        changed.join("\n")
    );
}
