//! The application component: the state, the hooks that act on it, and
//! the panels. Side effects live in `hooks/` and `services`.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::export::{ExportBar, ExportKind};
use crate::components::figures::FiguresPanel;
use crate::components::grid::Grid;
use crate::components::input::InputPanel;
use crate::hooks::{saved_text, use_analysis, use_permalink, use_persisted_text};
pub use crate::props::{AppProps, Panels, Theme};
use crate::state::{Action, State};

/// The factgrid widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let initial = props.text.clone();
        let persist = props.persist;
        use_reducer(move || {
            let text = match initial {
                Some(t) => t.to_string(),
                None if persist => saved_text().unwrap_or_default(),
                None => String::new(),
            };
            State { chars: text.chars().count(), text: text.into(), ..State::default() }
        })
    };
    let analysis = use_analysis(&state, props.profile.clone(), props.worker_url.clone());
    use_persisted_text(props.persist, &state);
    use_permalink(props.permalink, &analysis);

    // A new `text` prop (the host page's article changed) replaces the text.
    {
        let analysis = analysis.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(props.text.clone(), move |text| {
            if !std::mem::take(&mut *first.borrow_mut()) {
                analysis.replace(text.clone().unwrap_or_default());
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
    // Bring the sentence last jumped to into view.
    let article_ref = use_node_ref();
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

    let a = analysis.clone();
    let on_edit = Callback::from(move |(text, now): (String, bool)| a.edit(text.into(), now));
    let a = analysis.clone();
    let on_replace = Callback::from(move |text: String| a.replace(text.into()));
    let a = analysis.clone();
    let on_clear = Callback::from(move |_: ()| a.clear());
    let a = analysis.clone();
    let on_file = Callback::from(move |file: web_sys::File| {
        let a = a.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match crate::services::load_file(&file).await {
                Ok(text) => {
                    a.replace(text.into());
                    a.dispatch(Action::Notice(Some(format!("Loaded {}.", file.name()))));
                }
                Err(why) => a.dispatch(Action::Message(Some(why))),
            }
        });
    });
    let on_example = props.example_url.clone().map(|url| {
        let a = analysis.clone();
        Callback::from(move |_: ()| {
            let (a, url) = (a.clone(), url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::glue::fetch_text(&url).await {
                    Some(text) => a.replace(text.into()),
                    None => a.dispatch(Action::Message(Some("The example could not be loaded.".into()))),
                }
            });
        })
    });
    let on_export = {
        let (report, text, a) = (state.report.clone(), state.analyzed_text.clone(), analysis.clone());
        Callback::from(move |kind: ExportKind| {
            let Some(report) = report.clone() else { return };
            let (text, a) = (text.clone(), a.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let notice = crate::services::export(kind, &report, &text).await;
                a.dispatch(Action::Notice(Some(notice.into())));
            });
        })
    };
    let d = state.dispatcher();
    let on_focus = Callback::from(move |cell| d.dispatch(Action::Focus(cell)));
    let d = state.dispatcher();
    let on_select = Callback::from(move |i: usize| d.dispatch(Action::Select(i)));

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
                    <InputPanel text={state.text.clone()} revision={state.revision} chars={state.chars} {sentences}
                        {on_edit} {on_replace} {on_file} {on_example} {on_clear} />
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
