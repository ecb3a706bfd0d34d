//! Analysing the text: whenever the state's text or the profile changes,
//! after a pause when the reader is typing. Short texts are analysed on
//! the page; large ones in the page's shared worker (see `crate::pool`), or,
//! when the page cannot run it, on the page in slices, each in a task of
//! its own.

use std::cell::RefCell;
use std::rc::Rc;

use factgrid_engine::{Analyzer, Language, Report};
use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::pool::{Outcome, WorkerClient};
use crate::props::CustomProfile;
use crate::state::{Action, SameText, State, MAX_TEXT_BYTES};

/// How long typing must pause before the text is analysed, in ms.
pub const DEBOUNCE_MS: u32 = 250;
/// Texts larger than this are not analysed in one task on the page.
pub const WORKER_BYTES: usize = 256 * 1024;

/// Analyse the state's text with `profile` (the built-in ones when
/// `None`), in `lang` (`None`: the language the text is written in), now
/// and after every change of any of them (see the module docs),
/// and hand every new report to `on_report` too. Texts over
/// [`WORKER_BYTES`] go to the worker at `worker_url`.
///
/// When the widget goes, so does the hook's state: the worker client is
/// dropped (which leaves the pool; the last widget out stops the worker)
/// and an analysis in slices stops at its next slice.
#[hook]
pub fn use_analysis(
    state: &UseReducerHandle<State>,
    profile: Option<Rc<CustomProfile>>,
    lang: Option<Language>,
    worker_url: Option<AttrValue>,
    on_report: Option<Callback<Rc<Report>>>,
) {
    let timer = use_mut_ref(|| None::<Timeout>);
    let worker: Rc<RefCell<Option<WorkerClient>>> = use_mut_ref(|| None);
    // Bumped for every new text: an analysis in slices for an older one
    // (or for a widget that is gone) stops.
    let generation: Rc<RefCell<u32>> = use_mut_ref(|| 0);
    let blocked = use_mut_ref(|| false);
    let dispatcher = state.dispatcher();
    let d = state.dispatcher();
    let done = move |text: AttrValue, report: Report| {
        let report = Rc::new(report);
        if let Some(cb) = &on_report {
            cb.emit(report.clone());
        }
        d.dispatch(Action::Analyzed { text, report });
    };
    let delay = if state.typing { crate::hooks::DEBOUNCE_MS } else { 0 };
    let ui = state.ui();
    use_effect_with((SameText(state.text.clone()), profile, lang), move |(text, profile, lang)| {
        let text = text.0.clone();
        let profile = profile.clone();
        let asked = *lang;
        let lang = asked.map(Language::code);
        // The text changed: an analysis still running is out of date.
        if let Some(client) = worker.borrow().as_ref() {
            client.cancel();
        }
        let job = {
            let mut g = generation.borrow_mut();
            *g = g.wrapping_add(1);
            *g
        };
        let generation = Rc::downgrade(&generation);
        *timer.borrow_mut() = Some(Timeout::new(delay, move || {
            if crate::stopped() {
                return;
            }
            // (Compiled here, in the timer's task, not in the render's: the
            // built-in profile takes tens of milliseconds, once.)
            let json = profile.as_ref().map(|p| p.json.clone());
            let custom = profile.map(|p| p.analyzer.clone());
            // The engine reads at most MAX_TEXT_BYTES; the state tells the
            // reader the true size of a longer text.
            let mut cut = text.len().min(MAX_TEXT_BYTES);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            // The built-in profiles: the one of the language asked for, else
            // of the language the text is written in.
            let language = crate::profiles::language_of(&text[..cut], asked);
            // (A Russian or Ukrainian profile not fetched yet: after it is.)
            let here = custom.is_some() || crate::profiles::ready(language);
            if cut <= WORKER_BYTES && here {
                let analyzer = custom.unwrap_or_else(|| crate::profiles::built_in_now(language));
                let report = analyzer.analyze_in(&text[..cut], lang);
                return done(text, report);
            }
            if cut > WORKER_BYTES {
                dispatcher.dispatch(Action::Busy(Some(text.len())));
            }
            crate::glue::spawn(async move {
                let current = || generation.upgrade().is_some_and(|g| *g.borrow() == job);
                // (The worker and the slices read the whole text in one
                // language: with the built-in profiles, the one chosen here.)
                let asked = lang;
                let (analyzer, lang) = match custom {
                    Some(analyzer) => (analyzer, lang),
                    None => (crate::profiles::built_in(language).await, Some(language.code())),
                };
                if cut <= WORKER_BYTES {
                    if current() && !crate::stopped() {
                        let report = analyzer.analyze_in(&text[..cut], asked);
                        done(text.clone(), report);
                    }
                    return;
                }
                // Copying the text for the worker is a task of its own,
                // after the one that may have compiled the profile.
                crate::glue::yield_to_page().await;
                if !current() || crate::stopped() {
                    return;
                }
                let analysed = &text[..cut];
                let url = worker_url.filter(|_| !*blocked.borrow());
                let client = url.map(|url| {
                    let mut slot = worker.borrow_mut();
                    slot.get_or_insert_with(|| WorkerClient::open(&url)).analyze(analysed, json, lang)
                });
                let slices =
                    || async { in_slices(&analyzer, analysed, lang, current).await.ok_or_else(String::new) };
                let report = match client {
                    Some(job) => match job.await {
                        Outcome::Done(parts) => read_parts(parts, analysed, &analyzer)
                            .await
                            .ok_or_else(|| "the analysis could not be read back".into()),
                        Outcome::Superseded => return,
                        Outcome::Blocked => {
                            *blocked.borrow_mut() = true;
                            slices().await
                        }
                        Outcome::Failed(why) => Err(why),
                    },
                    None => slices().await,
                };
                match report {
                    Ok(report) => done(text, report),
                    Err(why) if !why.is_empty() => {
                        dispatcher.dispatch(Action::Busy(None));
                        let message = ui.fill(crate::i18n::Key::AnalysisFailed, &[&why]);
                        dispatcher.dispatch(Action::Message(Some(message)));
                    }
                    Err(_) => {}
                }
            });
        }));
    });
}

/// Read the report of `text` from the worker's parts, a part per task:
/// the report without its mentions, then its mentions (see
/// `api::Engine::analyze`).
async fn read_parts(parts: js_sys::Array, text: &str, analyzer: &Analyzer) -> Option<Report> {
    let read = |part: JsValue| {
        let words = part.dyn_into::<js_sys::Uint32Array>().ok()?.to_vec();
        // Read with the profile of the language the worker read it in.
        let language = Report::words_language(&words);
        let profile = language.and_then(|l| analyzer.profile_for(&l)).unwrap_or(analyzer.profile());
        Report::from_words(&words, text, profile)
    };
    let mut report = read(parts.get(0))?;
    for i in 1..parts.length() {
        crate::glue::yield_to_page().await;
        report.mentions.append(&mut read(parts.get(i))?.mentions);
    }
    Some(report)
}

/// Analyse `text` on the page, a slice per task (see [`crate::slices`]);
/// `None` when `current` turns false (a newer text) or factgrid stopped.
/// Every slice is read in `lang` (`None`: the analyzer's first language).
async fn in_slices(
    analyzer: &Analyzer,
    text: &str,
    lang: Option<&str>,
    current: impl Fn() -> bool,
) -> Option<Report> {
    let mut joined = crate::slices::Joined::default();
    let mut start = 0;
    for end in crate::slices::cuts(text) {
        crate::glue::yield_to_page().await;
        if !current() || crate::stopped() {
            return None;
        }
        joined.add(start, analyzer.analyze_in(&text[start..end], lang));
        start = end;
    }
    let mut report = joined.finish();
    report.notices.insert(0, crate::slices::NOTICE.into());
    Some(report)
}
