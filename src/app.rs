//! The application component: wires the state, the engine and the panels.

use std::rc::Rc;

use factgrid_engine::{Analyzer, Profile, Report};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::export::{ExportBar, ExportKind};
use crate::components::figures::FiguresPanel;
use crate::components::grid::Grid;
use crate::components::input::InputPanel;
use crate::state::{Action, State};

/// Where the text is kept between visits.
pub const STORAGE_KEY: &str = "factgrid:text";
/// How long typing must pause before the text is analysed, in ms.
pub const DEBOUNCE_MS: u32 = 250;

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Initial text; when absent, the text saved in this browser.
    #[prop_or_default]
    pub text: Option<AttrValue>,
    /// The profile to analyse with (the built-in one by default).
    #[prop_or_default]
    pub profile: Option<Rc<Profile>>,
    /// Keep the text in localStorage.
    #[prop_or(true)]
    pub persist: bool,
    /// Read and write `#text=` permalinks (the factgrid page only: an
    /// embedded widget leaves the host page's URL alone).
    #[prop_or(false)]
    pub permalink: bool,
    /// Which panels to show.
    #[prop_or_default]
    pub panels: Panels,
    /// `auto` (follow the reader's system), `light` or `dark`.
    #[prop_or_default]
    pub theme: Theme,
    /// Called with every new report (the embedding API's event).
    #[prop_or_default]
    pub on_report: Option<Callback<Rc<Report>>>,
    /// URL of `worker.js`: large texts are analysed there, off the main
    /// thread. Without it everything is analysed in the page.
    #[prop_or_default]
    pub worker_url: Option<AttrValue>,
    /// URL of the example article (`www/example-article.txt`, written for
    /// factgrid); without it there is no "Try an example" button.
    #[prop_or_default]
    pub example_url: Option<AttrValue>,
}

/// Texts larger than this go to the worker (when there is one).
pub const WORKER_BYTES: usize = 256 * 1024;
/// The largest text kept in localStorage (its quota is a few MB).
pub const STORAGE_BYTES: usize = 2 * 1024 * 1024;

/// The panels a page may show or hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    /// The text box and its buttons (off for a read-only widget).
    pub input: bool,
    /// The grid and the export buttons.
    pub grid: bool,
    /// The annotated article.
    pub article: bool,
    /// The figures table.
    pub figures: bool,
}

impl Default for Panels {
    fn default() -> Panels {
        Panels { input: true, grid: true, article: true, figures: true }
    }
}

/// Colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    fn class(self) -> &'static str {
        match self {
            Theme::Auto => "fg-theme-auto",
            Theme::Light => "fg-theme-light",
            Theme::Dark => "fg-theme-dark",
        }
    }
}

/// The factgrid widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let persist = props.persist;
    let state = {
        let initial = props.text.clone();
        use_reducer(move || {
            let text = match initial {
                Some(t) => t.to_string(),
                None if persist => storage::load().unwrap_or_default(),
                None => String::new(),
            };
            State { chars: text.chars().count(), text: text.into(), ..State::default() }
        })
    };
    let analyzer = use_memo(props.profile.clone(), |p| {
        let profile = p.as_deref().cloned().unwrap_or_else(Profile::default_profile);
        Analyzer::new(&profile)
    });
    let timer = use_mut_ref(|| None::<Timeout>);
    let worker = use_mut_ref(|| None::<crate::worker::WorkerLink>);

    let schedule = {
        let dispatcher = state.dispatcher();
        let analyzer = analyzer.clone();
        let timer = timer.clone();
        // Only the built-in profile runs in the worker (it has no other).
        let worker_url = props.worker_url.clone().filter(|_| props.profile.is_none());
        Rc::new(move |text: AttrValue, delay: u32| {
            let dispatcher = dispatcher.clone();
            let analyzer = analyzer.clone();
            // The text changed: an analysis still running is out of date.
            crate::worker::WorkerLink::cancel(&mut worker.borrow_mut());
            let worker = worker.clone();
            let worker_url = worker_url.clone();
            // Replacing the timeout drops (and cancels) the previous one.
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                if text.len() > WORKER_BYTES {
                    if let Some(url) = &worker_url {
                        let mut slot = worker.borrow_mut();
                        let link = crate::worker::WorkerLink::ensure(
                            &mut slot,
                            url,
                            analyzer.profile(),
                            &dispatcher,
                        );
                        if let Some(link) = link {
                            dispatcher.dispatch(Action::Busy(Some(text.len())));
                            link.analyze(text);
                            return;
                        }
                    }
                }
                let report: Report = analyzer.analyze(&text);
                dispatcher.dispatch(Action::Analyzed { text, report: Rc::new(report) });
            }));
        })
    };

    // A new `text` prop (the host page's article changed) replaces the text.
    {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(props.text.clone(), move |text| {
            if !std::mem::take(&mut *first.borrow_mut()) {
                let text = text.clone().unwrap_or_default();
                dispatcher.dispatch(Action::Replace(text.clone()));
                schedule(text, 0);
            }
        });
    }
    // Tell the host page about every new report.
    {
        let on_report = props.on_report.clone();
        use_effect_with(state.report.clone(), move |report| {
            if let (Some(cb), Some(r)) = (on_report, report) {
                cb.emit(r.clone());
            }
        });
    }
    // Analyse the initial text, and again whenever the profile changes.
    {
        let schedule = schedule.clone();
        let text = state.text.clone();
        use_effect_with(props.profile.clone(), move |_| {
            schedule(text, 0);
        });
    }
    // Keep the text between visits; a storage failure is reported, quietly.
    {
        let dispatcher = state.dispatcher();
        let save_timer = use_mut_ref(|| None::<Timeout>);
        use_effect_with(state.text.clone(), move |text| {
            if persist {
                let text = text.clone();
                // Saved after a pause in typing, not on every key.
                *save_timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS * 2, move || {
                    let saved = if text.is_empty() {
                        storage::delete();
                        Ok(())
                    } else if text.len() > STORAGE_BYTES {
                        storage::delete();
                        Err(())
                    } else {
                        storage::save(&text)
                    };
                    if saved.is_err() {
                        dispatcher.dispatch(Action::Notice(Some(
                            "This text is not kept in the browser (too large, or storage is off); it stays on this page until you close it."
                                .into(),
                        )));
                    }
                }));
            }
        });
    }

    let on_edit = {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        Callback::from(move |(text, immediate): (String, bool)| {
            let text = AttrValue::from(text);
            dispatcher.dispatch(Action::Edit(text.clone()));
            schedule(text, if immediate { 0 } else { DEBOUNCE_MS });
        })
    };
    let on_replace = {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        Callback::from(move |text: String| {
            let text = AttrValue::from(text);
            dispatcher.dispatch(Action::Replace(text.clone()));
            schedule(text, 0);
        })
    };
    let on_example = {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        let url = props.example_url.clone();
        Callback::from(move |_| {
            let Some(url) = url.clone() else { return };
            let dispatcher = dispatcher.clone();
            let schedule = schedule.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::glue::fetch_text(&url).await {
                    Some(text) => {
                        let text = AttrValue::from(text);
                        dispatcher.dispatch(Action::Replace(text.clone()));
                        schedule(text, 0);
                    }
                    None => {
                        dispatcher.dispatch(Action::Message(Some("The example could not be loaded.".into())))
                    }
                }
            });
        })
    };
    let on_file = {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        Callback::from(move |file: web_sys::File| {
            let dispatcher = dispatcher.clone();
            let schedule = schedule.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match load_file(&file).await {
                    Ok(text) => {
                        let text = AttrValue::from(text);
                        dispatcher.dispatch(Action::Replace(text.clone()));
                        dispatcher.dispatch(Action::Notice(Some(format!("Loaded {}.", file.name()))));
                        schedule(text, 0);
                    }
                    Err(why) => dispatcher.dispatch(Action::Message(Some(why))),
                }
            });
        })
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |kind: ExportKind| {
            let Some(report) = state.report.clone() else { return };
            let dispatcher = state.dispatcher();
            let text = state.analyzed_text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let notice = match kind {
                    ExportKind::Markdown => {
                        if crate::glue::copy(&report.to_markdown()).await {
                            "The grid was copied as Markdown."
                        } else {
                            "The clipboard is not available here; use a download instead."
                        }
                    }
                    ExportKind::Json => {
                        let json = crate::glue::pretty_json(&report.to_json());
                        crate::glue::download_text("factgrid-report.json", "application/json", &json);
                        "The report was downloaded as JSON."
                    }
                    ExportKind::Csv => {
                        crate::glue::download_text("factgrid-grid.csv", "text/csv", &report.to_csv());
                        "The grid was downloaded as CSV."
                    }
                    ExportKind::Link => match permalink(&text).await {
                        Some(url) => {
                            if crate::glue::copy(&url).await {
                                "A link with the text was copied. It stays in the link: nothing is uploaded."
                            } else {
                                "The link is in the address bar (the clipboard is not available here)."
                            }
                        }
                        None => "This browser cannot make a link.",
                    },
                };
                dispatcher.dispatch(Action::Notice(Some(notice.into())));
            });
        })
    };
    // A permalink (`#text=…`) restores its text over the saved one.
    {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        let enabled = props.permalink;
        use_effect_with((), move |_| {
            let hash = if enabled {
                gloo::utils::window().location().hash().unwrap_or_default()
            } else {
                String::new()
            };
            if let Some(data) = hash.strip_prefix(crate::glue::FRAGMENT_KEY).map(str::to_string) {
                wasm_bindgen_futures::spawn_local(async move {
                    match crate::glue::decompress(&data, crate::state::MAX_TEXT_BYTES).await {
                        Some(text) => {
                            let text = AttrValue::from(text);
                            dispatcher.dispatch(Action::Replace(text.clone()));
                            schedule(text, 0);
                        }
                        None => dispatcher.dispatch(Action::Message(Some(
                            "The link's text could not be read (it may be cut short); your saved text is shown instead."
                                .into(),
                        ))),
                    }
                });
            }
        });
    }
    let on_clear = {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        Callback::from(move |_| {
            dispatcher.dispatch(Action::Clear);
            schedule(AttrValue::default(), 0);
        })
    };
    let on_focus = {
        let dispatcher = state.dispatcher();
        Callback::from(move |cell| dispatcher.dispatch(Action::Focus(cell)))
    };
    let article_ref = use_node_ref();
    let on_select = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i: usize| dispatcher.dispatch(Action::Select(i)))
    };
    {
        let article_ref = article_ref.clone();
        use_effect_with(state.selected_sentence, move |selected| {
            if let (Some(i), Some(root)) = (selected, article_ref.cast::<web_sys::Element>()) {
                if let Ok(Some(el)) = root.query_selector(&format!("[data-sentence=\"{i}\"]")) {
                    el.scroll_into_view_with_bool(false);
                }
            }
        });
    }

    let sentences = state.report.as_ref().map_or(0, |r| r.stats.sentences);
    let highlighted = Rc::new(state.highlighted());
    let panels = props.panels;
    html! {
        <div class={classes!("fg-app", props.theme.class(), (!panels.input).then_some("fg-readonly"))}>
            <p class="fg-status" role="status" aria-live="polite">{state.status()}</p>
            if state.busy.is_some() {
                <progress class="fg-progress" aria-label="Analysing"></progress>
            }
            if let Some(m) = &state.message {
                <p class="fg-message" role="alert">{m}</p>
            }
            <p class="fg-notice" aria-live="polite">{state.notice.clone().unwrap_or_default()}</p>
            <div class="fg-layout">
                if panels.input {
                    <InputPanel text={state.text.clone()} revision={state.revision} chars={state.chars} {sentences} {on_edit} {on_replace} {on_file}
                        on_example={props.example_url.is_some().then_some(on_example)} {on_clear} />
                }
                if let Some(report) = &state.report {
                    if panels.grid {
                        <div class="fg-main">
                            <Grid report={report.clone()} text={state.analyzed_text.clone()}
                                on_focus={on_focus.clone()} on_select={on_select.clone()} />
                            <ExportBar {on_export} link={props.permalink} />
                        </div>
                    }
                    <div class="fg-side" ref={article_ref}>
                        if panels.figures {
                            <FiguresPanel report={report.clone()} on_select={on_select.clone()} />
                        }
                        if panels.article {
                            <ArticleView report={report.clone()} text={state.analyzed_text.clone()}
                                highlighted={highlighted} selected={state.selected_sentence} />
                        }
                    </div>
                }
            </div>
        </div>
    }
}

/// Read a dropped or chosen file: text as it is, HTML reduced to its text.
/// Files that are too large or not text are refused with a reason, and the
/// current text stays.
async fn load_file(file: &web_sys::File) -> Result<String, String> {
    let name = file.name();
    let size = file.size().max(0.0) as usize;
    if size > crate::state::MAX_TEXT_BYTES {
        return Err(format!(
            "{name} is {} MB; factgrid reads files up to {} MB. Your current text is unchanged.",
            crate::state::megabytes(size),
            crate::state::MAX_TEXT_BYTES / 1048576
        ));
    }
    let raw = crate::glue::read_file(file)
        .await
        .map_err(|e| format!("{name}: {e}. Your current text is unchanged."))?;
    let bad = raw.chars().filter(|&c| c == '\u{fffd}' || (c.is_control() && !c.is_whitespace())).count();
    if bad > 0 && bad * 20 > raw.chars().count().max(1) {
        return Err(format!(
            "{name} does not look like text (binary data?). Your current text is unchanged."
        ));
    }
    let lower = name.to_ascii_lowercase();
    Ok(if lower.ends_with(".html") || lower.ends_with(".htm") || file.type_() == "text/html" {
        factgrid_engine::html_to_text(&raw)
    } else {
        raw
    })
}

/// Put the text, compressed, in the URL fragment (never sent to a server)
/// and return the full link.
async fn permalink(text: &str) -> Option<String> {
    let data = crate::glue::compress(text).await?;
    let location = gloo::utils::window().location();
    let base = location.href().ok()?;
    let base = base.split('#').next().unwrap_or_default().to_string();
    let url = format!("{base}{}{data}", crate::glue::FRAGMENT_KEY);
    let _ = gloo::utils::window().history().ok()?.replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&url),
    );
    Some(url)
}

/// The text kept in localStorage, as a plain string. Every failure (storage
/// disabled, quota, private mode) is an `Err`/`None`, never a panic.
mod storage {
    use super::STORAGE_KEY;

    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    pub fn load() -> Option<String> {
        local()?.get_item(STORAGE_KEY).ok()?
    }

    pub fn save(text: &str) -> Result<(), ()> {
        local().ok_or(())?.set_item(STORAGE_KEY, text).map_err(|_| ())
    }

    pub fn delete() {
        if let Some(s) = local() {
            let _ = s.remove_item(STORAGE_KEY);
        }
    }
}
