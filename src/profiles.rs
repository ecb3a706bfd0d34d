//! Compiled profiles, kept: compiling a profile (its word automata) costs
//! more than analysing a short text, so `analyze()` called again with the
//! same profile, or fifty widgets given the same one, compile it once.

use std::rc::Rc;

use factgrid_engine::{Analyzer, Profile, ProfileError};

/// The most profiles kept (the oldest goes first).
pub const CAPACITY: usize = 4;

/// Analyzers by the JSON of their profile (`""`: the built-in profile).
#[derive(Default)]
pub struct ProfileCache {
    entries: Vec<(String, Rc<Analyzer>)>,
    compiled: usize,
}

impl ProfileCache {
    /// The analyzer for the profile `json` (`None`: the built-in one),
    /// compiled on first use. An invalid profile is an error that names
    /// the bad entry, and is not kept.
    /// A byte-order mark before the JSON (as editors on Windows write
    /// one) is skipped.
    pub fn analyzer(&mut self, json: Option<&str>) -> Result<Rc<Analyzer>, ProfileError> {
        let json = json.map(|j| j.strip_prefix('\u{feff}').unwrap_or(j));
        let key = json.unwrap_or("");
        if let Some(analyzer) = self.find(key) {
            return Ok(analyzer);
        }
        let analyzer = match json {
            Some(json) => Analyzer::new(&Profile::from_json(json)?),
            None => Analyzer::builtin(),
        };
        Ok(self.insert(key, analyzer))
    }

    /// The analyzer kept for the profile JSON `key`, if any.
    fn find(&self, key: &str) -> Option<Rc<Analyzer>> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, a)| a.clone())
    }

    /// Keep `analyzer` under `key`.
    fn insert(&mut self, key: &str, analyzer: Analyzer) -> Rc<Analyzer> {
        let analyzer = Rc::new(analyzer);
        self.compiled += 1;
        if self.entries.len() == CAPACITY {
            self.entries.remove(0);
        }
        self.entries.push((key.to_string(), analyzer.clone()));
        analyzer
    }

    /// How many profiles were compiled so far.
    pub fn compiled(&self) -> usize {
        self.compiled
    }
}

thread_local! {
    static CACHE: std::cell::RefCell<ProfileCache> = std::cell::RefCell::default();
}

/// The page's cache (see [`ProfileCache::analyzer`]).
pub fn analyzer(json: Option<&str>) -> Result<Rc<Analyzer>, ProfileError> {
    CACHE.with(|c| c.borrow_mut().analyzer(json))
}

/// The built-in profiles' analyzer (English, Russian and Ukrainian, the
/// text's language detected), for code that can wait: the English profile
/// is read and compiled in a task of its own, before the analysis (the
/// first analysis on a page takes a few hundred milliseconds on a busy
/// machine, much of it the browser compiling the engine's code on first
/// use). The Russian and Ukrainian profiles are compiled when a text
/// first needs them.
pub async fn built_in() -> Rc<Analyzer> {
    if let Some(analyzer) = CACHE.with(|c| c.borrow().find("")) {
        return analyzer;
    }
    let analyzer = Analyzer::builtin();
    let _ = analyzer.profile();
    crate::glue::yield_to_page().await;
    CACHE.with(|c| c.borrow_mut().insert("", analyzer))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile_json(topic: &str) -> String {
        format!(
            r#"{{"parties": [{{"id": "eu", "label": "EU", "aliases": [{{"text": "Brussels", "kind": "capital"}}]}}],
                "topics": [{{"id": "t", "label": "T", "terms": ["{topic}"]}}]}}"#
        )
    }

    #[test]
    fn a_profile_is_compiled_once() {
        let mut cache = ProfileCache::default();
        let json = profile_json("sanctions");
        let a = cache.analyzer(Some(&json)).unwrap();
        let b = cache.analyzer(Some(&json)).unwrap();
        assert!(Rc::ptr_eq(&a, &b));
        cache.analyzer(None).unwrap();
        cache.analyzer(None).unwrap();
        assert_eq!(cache.compiled(), 2);
        let report = b.analyze("Brussels backed new sanctions.");
        assert_eq!(report.cells[0].party.as_ref(), "eu");
    }

    #[test]
    fn the_oldest_profile_goes_first() {
        let mut cache = ProfileCache::default();
        let jsons: Vec<String> = (0..=CAPACITY).map(|i| profile_json(&format!("topic{i}"))).collect();
        for json in &jsons {
            cache.analyzer(Some(json)).unwrap(); // the last pushes out jsons[0]
        }
        assert_eq!(cache.compiled(), CAPACITY + 1);
        cache.analyzer(Some(&jsons[CAPACITY])).unwrap();
        cache.analyzer(Some(&jsons[1])).unwrap();
        assert_eq!(cache.compiled(), CAPACITY + 1);
        cache.analyzer(Some(&jsons[0])).unwrap();
        assert_eq!(cache.compiled(), CAPACITY + 2);
    }

    #[test]
    fn a_profile_with_a_byte_order_mark_loads() {
        let mut cache = ProfileCache::default();
        let json = profile_json("sanctions");
        let a = cache.analyzer(Some(&format!("\u{feff}{json}"))).expect("the BOM is skipped");
        assert_eq!(a.analyze("Brussels backed new sanctions.").cells[0].party.as_ref(), "eu");
        assert!(Rc::ptr_eq(&a, &cache.analyzer(Some(&json)).unwrap()), "the same profile");
    }

    #[test]
    fn an_invalid_profile_is_an_error_and_not_kept() {
        let mut cache = ProfileCache::default();
        let err = cache.analyzer(Some("{\"parties\": [")).err().unwrap();
        assert!(err.to_string().contains("not valid JSON"), "{err}");
        assert_eq!(cache.compiled(), 0);
    }
}
