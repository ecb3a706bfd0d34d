//! The application component: wires the state, the engine and the panels.

use std::rc::Rc;

use factgrid_engine::{Analyzer, Profile, Report};
use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::figures::FiguresPanel;
use crate::components::grid::Grid;
use crate::components::input::InputPanel;
use crate::state::{Action, State};

/// Where the text is kept between visits.
pub const STORAGE_KEY: &str = "factgrid:text";
/// How long typing must pause before the text is analysed, in ms.
pub const DEBOUNCE_MS: u32 = 250;
/// The example article, written for factgrid.
pub const EXAMPLE: &str = include_str!("../www/example-article.txt");

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
                None if persist => LocalStorage::get::<String>(STORAGE_KEY).unwrap_or_default(),
                None => String::new(),
            };
            State { text, ..State::default() }
        })
    };
    let analyzer = use_memo(props.profile.clone(), |p| {
        let profile = p.as_deref().cloned().unwrap_or_else(Profile::default_profile);
        Analyzer::new(&profile)
    });
    let timer = use_mut_ref(|| None::<Timeout>);

    let schedule = {
        let dispatcher = state.dispatcher();
        let analyzer = analyzer.clone();
        let timer = timer.clone();
        Rc::new(move |text: String, delay: u32| {
            let dispatcher = dispatcher.clone();
            let analyzer = analyzer.clone();
            // Replacing the timeout drops (and cancels) the previous one.
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                let report: Report = analyzer.analyze(&text);
                dispatcher.dispatch(Action::Analyzed { text: Rc::new(text), report: Rc::new(report) });
            }));
        })
    };

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
        use_effect_with(state.text.clone(), move |text| {
            if persist {
                let saved = if text.is_empty() {
                    LocalStorage::delete(STORAGE_KEY);
                    Ok(())
                } else {
                    LocalStorage::set(STORAGE_KEY, text)
                };
                if saved.is_err() {
                    dispatcher.dispatch(Action::Message(Some(
                        "Your text could not be saved in this browser (storage full or disabled); it stays on this page.".into(),
                    )));
                }
            }
        });
    }

    let on_edit = {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        Callback::from(move |(text, immediate): (String, bool)| {
            dispatcher.dispatch(Action::Edit(text.clone()));
            schedule(text, if immediate { 0 } else { DEBOUNCE_MS });
        })
    };
    let on_example = {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        Callback::from(move |_| {
            dispatcher.dispatch(Action::Edit(EXAMPLE.to_string()));
            schedule(EXAMPLE.to_string(), 0);
        })
    };
    let on_clear = {
        let dispatcher = state.dispatcher();
        let schedule = schedule.clone();
        Callback::from(move |_| {
            dispatcher.dispatch(Action::Clear);
            schedule(String::new(), 0);
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
    html! {
        <div class="fg-app">
            <p class="fg-status" role="status" aria-live="polite">{state.status()}</p>
            if let Some(m) = &state.message {
                <p class="fg-message" role="alert">{m}</p>
            }
            <div class="fg-layout">
                <InputPanel text={state.text.clone()} {sentences} {on_edit} {on_example} {on_clear} />
                if let Some(report) = &state.report {
                    <Grid report={report.clone()} text={state.analyzed_text.clone()}
                        on_focus={on_focus.clone()} on_select={on_select.clone()} />
                    <div class="fg-side" ref={article_ref}>
                        <FiguresPanel report={report.clone()} on_select={on_select.clone()} />
                        <ArticleView report={report.clone()} text={state.analyzed_text.clone()}
                            highlighted={highlighted} selected={state.selected_sentence} />
                    </div>
                }
            </div>
        </div>
    }
}
