//! The JavaScript API: `analyze`, `mount` and the handle it returns.
//!
//! `www/embed.js` wraps these for host pages and defines `<fact-grid>`.
//! Everything that comes from the host page (text, options, profile) is
//! treated as untrusted data: text is only ever rendered as text, a profile
//! is validated, and a bad option is an error that says which one.

use std::rc::Rc;

use factgrid_engine::{Language, Report};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use crate::app::{App, AppProps, Panels, Theme};
use crate::i18n::Ui;
use crate::props::CustomProfile;

mod compare;

/// Runs when the module loads: installs the panic hook and, on the
/// factgrid page, mounts the app into `#factgrid-app`.
#[wasm_bindgen(start)]
pub fn start() {
    install_panic_hook();
    // In the analysis worker there is no document: nothing to mount.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = document.get_element_by_id("factgrid-app") else { return };
    // A `#text=` link is read (and removed from the address bar) before the
    // app starts, once.
    // After the text, a link may carry the reader's corrections (`&fix=`)
    // and a place to open at (`&cell=PARTY/TOPIC`, `&s=N`); a link to a
    // place alone (`#cell=…`, `#s=…`) opens the saved text there.
    let (fragment, params) = match crate::glue::take_link_fragment() {
        Some(f) => match f.split_once('&') {
            Some((data, rest)) => (Some(data.to_string()), rest.to_string()),
            None => (Some(f), String::new()),
        },
        None => (None, take_place_fragment()),
    };
    let param = |name: &str| {
        params
            .split('&')
            .find_map(|p| p.strip_prefix(name))
            .map(|v| js_sys::decode_uri_component(v).map(String::from).unwrap_or_default())
    };
    let link_fixes = param("fix=").map(Into::into);
    let open_at =
        param("cell=").map(|c| format!("cell={c}")).or_else(|| param("s=").map(|s| format!("s={s}")));
    crate::glue::spawn(async move {
        let link = match fragment {
            // (Before any text: the interface speaks the browser's language.)
            Some(data) => {
                let ui = crate::i18n::choose(None, None, Some(&crate::glue::browser_language()));
                Some(crate::glue::decompress(&data, crate::state::MAX_TEXT_BYTES, ui).await)
            }
            None => None,
        };
        let link = link.map(|l| l.map(Into::into).map_err(Into::into));
        let open_at = open_at.map(Into::into);
        yew::Renderer::<App>::with_root_and_props(
            root,
            AppProps { link, link_fixes, open_at, ..AppProps::page() },
        )
        .render();
    });
}

/// The `cell=…` or `s=…` of the address bar's fragment, if it is one,
/// removed from the address bar (a link is read once).
fn take_place_fragment() -> String {
    let Some(w) = web_sys::window() else { return String::new() };
    let hash = w.location().hash().unwrap_or_default();
    let place = hash.trim_start_matches('#');
    if !(place.starts_with("cell=") || place.starts_with("s=")) {
        return String::new();
    }
    if let (Ok(history), Ok(path), Ok(search)) = (w.history(), w.location().pathname(), w.location().search())
    {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
    place.to_string()
}

/// Log panics to the console (with a stack) and, on a page, put up a
/// notice with a way out: the WebAssembly instance cannot go on after a
/// panic, but the reader's text is in localStorage and a reload restores
/// it. The notice is plain DOM made here, before the instance stops; its
/// link needs no script.
fn install_panic_hook() {
    static SET: std::sync::Once = std::sync::Once::new();
    // Through yew, which otherwise puts its own hook back on every render.
    SET.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            // Nothing more is analysed on this page: no timer, worker or
            // slice goes on with an instance whose state is broken.
            crate::stop();
            crate::pool::halt_workers();
            crate::glue::show_crash_notice();
        }));
    });
}

/// Panic on purpose, to test the recovery notice. Only in builds with the
/// `test-hooks` feature (the end-to-end tests build one); never in a
/// release build.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = factgridTestPanic)]
pub fn test_panic() {
    install_panic_hook();
    panic!("factgridTestPanic: a deliberate panic to test recovery");
}

/// Hand the report over through JSON: exactly the CLI's JSON
/// (`Report::to_json` writes what serde_json writes, without serde's
/// machinery in the bundle).
fn to_js(report: &Report) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&report.to_json()).map_err(|_| JsError::new("the report could not be converted"))
}

/// A profile compiled in `worker.js`, once, for every job that uses it.
#[wasm_bindgen]
pub struct Engine(std::rc::Rc<factgrid_engine::Analyzer>);

#[wasm_bindgen]
impl Engine {
    /// Compile the profile `json` (none: the built-in one); an invalid
    /// one throws an error that names the bad entry.
    #[wasm_bindgen(constructor)]
    pub fn new(json: Option<String>) -> Result<Engine, JsError> {
        install_panic_hook();
        crate::profiles::analyzer(json.as_deref()).map(Engine).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The report of the UTF-8 text `bytes` read in `lang` (`en`, `ru`,
    /// `uk`; none: the language it is written in), in compact form
    /// (`factgrid_engine::Report::to_words`), in parts: the report with few
    /// or none of its mentions, then the rest, [`MENTIONS_PER_PART`] to a
    /// part, each as a report of its own. The page reads each part in a task of
    /// its own: a text dense in names has millions of mentions.
    pub fn analyze(&self, bytes: &[u8], lang: Option<String>) -> Result<js_sys::Array, JsError> {
        let text = std::str::from_utf8(bytes).map_err(|_| JsError::new("the text is not UTF-8"))?;
        let mut report = self.0.analyze_in(text, lang.as_deref());
        // `Report::from_words` wants room for 11 words after each evidence
        // count per item, where an item takes 9: the mentions that follow
        // give it. So the first part keeps as many as that needs.
        let most = report.cells.iter().map(|c| c.evidence.len()).max().unwrap_or(0);
        let mentions = report.mentions.split_off((2 * most).div_ceil(5).min(report.mentions.len()));
        let parts = js_sys::Array::of1(&js_sys::Uint32Array::from(&report.to_words()[..]));
        for chunk in mentions.chunks(MENTIONS_PER_PART) {
            report = Report {
                mentions: chunk.to_vec(),
                parties: report.parties,
                topics: report.topics,
                ..Report::default()
            };
            parts.push(&js_sys::Uint32Array::from(&report.to_words()[..]));
        }
        Ok(parts)
    }
}

/// The most mentions in one part of a report from the worker (a few tens
/// of milliseconds to read).
pub const MENTIONS_PER_PART: usize = 50_000;

/// `analyze(text, profile?, lang?)`: the same report as `factgrid analyze
/// --format json [--lang LANG]`.
///
/// `profile` is a profile object or JSON string (none: the built-in
/// English, Russian and Ukrainian ones); an invalid profile throws an
/// error that names the bad entry. A profile is compiled once and kept
/// (see `crate::profiles`), not on every call. `lang` is `auto` (or none:
/// the language the text is written in), `en`, `ru` or `uk`.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: &str, profile: JsValue, lang: JsValue) -> Result<JsValue, JsError> {
    install_panic_hook();
    let lang = language(&lang, "lang")?;
    let analyzer = match profile_from_js(&profile)? {
        Some(p) => p.analyzer,
        None => crate::profiles::analyzer(None).map_err(|e| JsError::new(&e.to_string()))?,
    };
    to_js(&analyzer.analyze_in(text, lang.map(Language::code)))
}

/// `profileNeeded(text, lang?)`: the code (`ru`, `uk`) of the built-in
/// profile that reading `text` (in `lang`, else the language it is written
/// in) needs and that is not here yet, else `undefined`. `embed.js` then
/// fetches it and gives it with `provideProfile`: the Russian and
/// Ukrainian profiles are files of their own, not in the WebAssembly.
#[wasm_bindgen(js_name = profileNeeded)]
pub fn profile_needed(text: &str, lang: JsValue) -> Option<String> {
    let lang = language(&lang, "lang").ok()?;
    // (Detection reads the start of the text only.)
    let language = crate::profiles::language_of(text, lang);
    (!crate::profiles::ready(language)).then(|| language.code().to_string())
}

/// `provideProfile(code, json)`: the built-in profile of the language
/// `code` (`ru`, `uk`), fetched (see `profileNeeded`); an invalid one
/// throws.
#[wasm_bindgen(js_name = provideProfile)]
pub fn provide_profile(code: &str, json: String) -> Result<(), JsError> {
    let language = Language::from_code(code).ok_or_else(|| JsError::new("unknown language"))?;
    factgrid_engine::Profile::provide_builtin(language, json).map_err(|e| JsError::new(&e.to_string()))
}

/// `setProfileUrls(ru, uk)`: where the widget fetches the Russian and
/// Ukrainian profiles from (`embed.js` gives the URLs beside its own).
#[wasm_bindgen(js_name = setProfileUrls)]
pub fn set_profile_urls(ru: String, uk: String) {
    crate::profiles::set_urls(ru, uk);
}

/// A language option: `undefined`, `null` or `"auto"` is `None`; `en`,
/// `ru` or `uk` (any case) a language; anything else an error naming
/// the option `name`.
fn language(value: &JsValue, name: &str) -> Result<Option<Language>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let code = value.as_string().unwrap_or_default();
    match code.trim() {
        "auto" => Ok(None),
        c => Language::from_code(c).map(Some).ok_or_else(|| {
            JsError::new(&format!("option `{name}` must be auto, en, ru or uk, not \"{code}\""))
        }),
    }
}

/// Read a profile from `undefined`/`null` (the built-in one: `None`), a
/// JSON string or an object; compiled once per distinct JSON.
pub(crate) fn profile_from_js(value: &JsValue) -> Result<Option<CustomProfile>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let json = match value.as_string() {
        Some(s) => s,
        None => js_sys::JSON::stringify(value)
            .map_err(|_| JsError::new("invalid profile: it cannot be turned into JSON"))?
            .as_string()
            .unwrap_or_default(),
    };
    let analyzer = crate::profiles::analyzer(Some(&json)).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Some(CustomProfile { json, analyzer }))
}

fn get(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn opt_string(options: &JsValue, key: &str) -> Result<Option<String>, JsError> {
    let v = get(options, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| JsError::new(&format!("option `{key}` must be a string")))
}

/// A text given as UTF-8 bytes (a `Uint8Array`: `embed.js` encodes a long
/// text in slices, see `utf8InSlices`), if `value` is one; bytes that are
/// not UTF-8 give no text.
fn text_of(value: &JsValue) -> Option<String> {
    let bytes = value.dyn_ref::<js_sys::Uint8Array>()?.to_vec();
    Some(String::from_utf8(bytes).unwrap_or_default())
}

/// Apply `options` to `props`; only the options given change.
fn apply_options(props: &mut AppProps, options: &JsValue) -> Result<(), JsError> {
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(JsError::new("options must be an object"));
    }
    if let Some(text) = text_of(&get(options, "text")) {
        props.text = Some(text.into());
    } else if let Some(text) = opt_string(options, "text")? {
        props.text = Some(text.into());
    }
    let profile = get(options, "profile");
    if !profile.is_undefined() {
        props.profile = profile_from_js(&profile)?.map(Rc::new);
    }
    if let Some(theme) = opt_string(options, "theme")? {
        props.theme = match theme.as_str() {
            "auto" => Theme::Auto,
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            other => {
                return Err(JsError::new(&format!(
                    "option `theme` must be auto, light or dark, not \"{other}\""
                )))
            }
        };
    }
    let lang = get(options, "lang");
    if !lang.is_undefined() {
        props.lang = language(&lang, "lang")?;
    }
    let ui_lang = get(options, "uiLang");
    if !ui_lang.is_undefined() {
        props.ui_lang = language(&ui_lang, "uiLang")?.and_then(|l| Ui::from_tag(l.code()));
    }
    let panels = get(options, "panels");
    if !panels.is_undefined() && !panels.is_null() {
        let list: js_sys::Array =
            panels.dyn_into().map_err(|_| JsError::new("option `panels` must be an array of panel names"))?;
        let mut p = Panels { input: false, grid: false, article: false, figures: false };
        for name in list.iter() {
            match name.as_string().as_deref() {
                Some("input") => p.input = true,
                Some("grid") => p.grid = true,
                Some("article") => p.article = true,
                Some("figures") => p.figures = true,
                _ => {
                    return Err(JsError::new(
                        "option `panels` may hold only \"input\", \"grid\", \"article\" and \"figures\"",
                    ))
                }
            }
        }
        props.panels = p;
    }
    let readonly = get(options, "readonly");
    if let Some(ro) = readonly.as_bool() {
        props.panels.input = !ro && props.panels.input;
    }
    if let Some(url) = opt_string(options, "exampleUrl")? {
        props.example_url = Some(url.into());
    }
    if let Some(url) = opt_string(options, "workerUrl")? {
        props.worker_url = Some(url.into());
    }
    if let Some(persist) = get(options, "persist").as_bool() {
        props.persist = persist;
    }
    let articles = get(options, "articles");
    if !articles.is_undefined() && !articles.is_null() {
        compare::apply(props, &articles)?;
    }
    if let Some(compact) = get(options, "compact").as_bool() {
        props.compact = compact;
    }
    let on_evidence = get(options, "onEvidence");
    if let Some(f) = on_evidence.dyn_ref::<js_sys::Function>() {
        let f = f.clone();
        props.on_evidence = Some(Callback::from(move |(sentences, jump): (Vec<String>, bool)| {
            let list: js_sys::Array = sentences.iter().map(|s| JsValue::from_str(s)).collect();
            let _ = f.call2(&JsValue::NULL, &list, &JsValue::from_bool(jump));
        }));
    }
    let on_report = get(options, "onReport");
    if let Some(f) = on_report.dyn_ref::<js_sys::Function>() {
        let f = f.clone();
        props.on_report = Some(Callback::from(move |r: Rc<Report>| {
            if let Ok(v) = to_js(&r) {
                let _ = f.call1(&JsValue::NULL, &v);
            }
        }));
    }
    Ok(())
}

/// A mounted widget, returned by `mount`.
#[wasm_bindgen]
pub struct FactGrid {
    app: Option<AppHandle<App>>,
    props: AppProps,
    /// The nodes `mount` added (stylesheet link and container).
    added: Vec<web_sys::Node>,
}

/// `mount(element, options)`: render a widget into `element`, inside a
/// shadow root so that the host page's CSS and the widget's do not mix.
///
/// Options: `text`, `profile` (object or JSON), `panels` (array of
/// `input`, `grid`, `article`, `figures`), `theme` (`auto`, `light`,
/// `dark`), `lang` (the language to read the text in: `auto`, `en`, `ru`,
/// `uk`), `uiLang` (the language of the widget's own words: `auto`, `en`,
/// `ru`, `uk`), `readonly`, `persist` (keep the text in localStorage; off
/// by default), `onReport` (called with each report), `stylesheet` (URL
/// of factgrid.css; `embed.js` fills it in), `articles` (articles to
/// compare: texts or `{ text, title, outlet, date }`; the first goes in
/// the text box), `compact` (the grid and the figures only; with
/// `onEvidence`, called with the sentences to highlight in the host's
/// article and whether to bring them into view, instead of showing the
/// evidence).
#[wasm_bindgen(js_name = mount)]
pub fn mount(element: Element, options: JsValue) -> Result<FactGrid, JsError> {
    install_panic_hook();
    let mut props = AppProps::embedded();
    apply_options(&mut props, &options)?;
    if props.text.is_none() {
        props.text = Some("".into());
    }
    let doc = gloo::utils::document();
    // Reuse a shadow root left by an earlier mount; elements that cannot
    // have one get the widget directly.
    let root: web_sys::Node = match element.shadow_root() {
        Some(sr) => sr.into(),
        None => match element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(sr) => sr.into(),
            Err(_) => element.clone().into(),
        },
    };
    let mut added = Vec::new();
    if let Some(href) = opt_string(&options, "stylesheet")? {
        let link = doc.create_element("link").map_err(|_| JsError::new("cannot create elements here"))?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        root.append_child(&link).map_err(|_| JsError::new("cannot add the stylesheet"))?;
        added.push(link.into());
    }
    let container = doc.create_element("div").map_err(|_| JsError::new("cannot create elements here"))?;
    container.set_class_name("fg-root fg-embedded");
    root.append_child(&container).map_err(|_| JsError::new("cannot add the widget"))?;
    added.push(container.clone().into());
    let app = yew::Renderer::<App>::with_root_and_props(container, props.clone()).render();
    Ok(FactGrid { app: Some(app), props, added })
}

#[wasm_bindgen]
impl FactGrid {
    /// Replace the text (a string, or its UTF-8 bytes) and analyse it.
    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&mut self, text: JsValue) {
        let text = text_of(&text).unwrap_or_else(|| text.as_string().unwrap_or_default());
        self.props.text = Some(text.into());
        if let Some(app) = &mut self.app {
            app.update(self.props.clone());
        }
    }

    /// Change options (the same as `mount`'s); those not given stay.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsError> {
        let mut props = self.props.clone();
        apply_options(&mut props, &options)?;
        self.props = props;
        if let Some(app) = &mut self.app {
            app.update(self.props.clone());
        }
        Ok(())
    }

    /// Remove the widget and everything it added to the page.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        for node in self.added.drain(..) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
}
