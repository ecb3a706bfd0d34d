//! Compiled profiles, kept: compiling a profile (its word automata) costs
//! more than analysing a short text, so `analyze()` called again with the
//! same profile, or fifty widgets given the same one, compile it once.

use std::rc::Rc;

use factgrid_engine::{Analyzer, Language, Profile, ProfileError};

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
        // (The built-in profiles: one analyzer for each set of languages
        // whose profiles are here, see [`load`]; with English alone, `""`.)
        let languages: String = Language::ALL
            .into_iter()
            .filter(|l| *l != Language::English && Profile::has_builtin(*l))
            .map(|l| format!("\0{}", l.code()))
            .collect();
        let key = json.unwrap_or(&languages);
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
    /// The widget's built-in analyzers, one per language (see [`built_in`]).
    static BUILT_IN: std::cell::RefCell<Vec<(Language, Rc<Analyzer>)>> = std::cell::RefCell::default();
}

/// The page's cache (see [`ProfileCache::analyzer`]).
pub fn analyzer(json: Option<&str>) -> Result<Rc<Analyzer>, ProfileError> {
    CACHE.with(|c| c.borrow_mut().analyzer(json))
}

/// The language the widget reads `text` in with its built-in profiles:
/// `lang` if asked for, else the one the text is written in.
pub fn language_of(text: &str, lang: Option<Language>) -> Language {
    lang.unwrap_or_else(|| Language::detect(text))
}

fn find_built_in(language: Language) -> Option<Rc<Analyzer>> {
    BUILT_IN.with(|b| b.borrow().iter().find(|(l, _)| *l == language).map(|(_, a)| a.clone()))
}

fn keep_built_in(language: Language, profile: &Profile) -> Rc<Analyzer> {
    find_built_in(language).unwrap_or_else(|| {
        let analyzer = Rc::new(Analyzer::new(profile));
        // (A language whose profile has not arrived is read with the
        // English one this time, and not kept: see [`load`].)
        if Profile::has_builtin(language) {
            BUILT_IN.with(|b| b.borrow_mut().push((language, analyzer.clone())));
        }
        analyzer
    })
}

/// The widget's analyzer of the built-in profile for `language`, if a text
/// has already needed it on this page (nothing is compiled).
pub fn built_in_ready(language: Language) -> Option<Rc<Analyzer>> {
    find_built_in(language)
}

/// The widget's analyzer of the built-in profile for `language`, read
/// and compiled (in this task) when a text first needs it: an English
/// reader never compiles the Russian and Ukrainian profiles. (The same
/// reading as [`Analyzer::builtin`], one language per analyzer, so that
/// [`built_in`] can read a profile and compile it in two tasks.) The
/// Russian and Ukrainian profiles are not in the WebAssembly: [`ready`]
/// says whether the one of `language` has been fetched ([`load`]).
pub fn built_in_now(language: Language) -> Rc<Analyzer> {
    find_built_in(language).unwrap_or_else(|| keep_built_in(language, &Profile::builtin(language)))
}

/// [`built_in_now`] for code that can wait: the profile is fetched if
/// need be ([`load`]), read in one task and compiled in another (the
/// first analysis on a page takes a few hundred milliseconds on a busy
/// machine, much of it the browser compiling the engine's code on first
/// use).
pub async fn built_in(language: Language) -> Rc<Analyzer> {
    if let Some(analyzer) = find_built_in(language) {
        return analyzer;
    }
    load(language).await;
    let profile = Profile::builtin(language);
    crate::glue::yield_to_page().await;
    keep_built_in(language, &profile)
}

thread_local! {
    /// Where the Russian and Ukrainian profiles are fetched from (see
    /// [`set_urls`]).
    static URLS: std::cell::RefCell<[String; 2]> =
        std::cell::RefCell::new(["profile-ru.json".into(), "profile-uk.json".into()]);
}

/// Fetch the Russian and Ukrainian profiles from `ru` and `uk` (`embed.js`
/// gives their URLs beside its own; on factgrid's page they are beside
/// the page).
pub fn set_urls(ru: String, uk: String) {
    URLS.with(|u| *u.borrow_mut() = [ru, uk]);
}

/// Whether the built-in profile of `language` is here (English always;
/// Russian and Ukrainian once fetched).
pub fn ready(language: Language) -> bool {
    Profile::has_builtin(language) || !language.is_supported()
}

/// The URL of `language`'s profile file, if it has one.
pub fn url(language: Language) -> Option<String> {
    let i = match language {
        Language::Russian => 0,
        Language::Ukrainian => 1,
        Language::English => return None,
    };
    Some(URLS.with(|u| u.borrow()[i].clone()))
}

/// Fetch the built-in profile of `language` if it is not here yet: the
/// Russian and Ukrainian ones are files of their own (`profile-ru.json`,
/// `profile-uk.json`, about 12 KB gzipped each) that only a reader of
/// those languages downloads. `false` when it could not be had (the
/// text is then read with the English profile, with the engine's notice
/// that it looks like another language, and the next text tries again).
pub async fn load(language: Language) -> bool {
    if ready(language) {
        return true;
    }
    #[cfg(target_arch = "wasm32")]
    let json = match url(language) {
        Some(url) => crate::glue::fetch_text(&url).await,
        None => None,
    };
    // (Natively, in the widget's tests, the engine has them compiled in.)
    #[cfg(not(target_arch = "wasm32"))]
    let json: Option<String> = None;
    let ok = json.is_some_and(|json| Profile::provide_builtin(language, json).is_ok());
    if !ok {
        FAILED.with(|f| f.borrow_mut().push(language));
    }
    ok
}

thread_local! {
    static FAILED: std::cell::RefCell<Vec<Language>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether fetching the profile of `language` failed (the comparison
/// then reads its articles with the English one rather than wait).
pub fn failed(language: Language) -> bool {
    FAILED.with(|f| f.borrow().contains(&language))
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
