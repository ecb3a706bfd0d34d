//! The application component: the state, the hooks that act on it, and
//! the panels. Side effects live in `hooks/` and `services`.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::export::{export_bar, ExportKind};
use crate::components::figures::figures_panel;
use crate::components::grid::Grid;
use crate::components::input::InputPanel;
use crate::hooks::{saved_text, use_analysis, use_drop_zone, use_permalink, use_persisted_text};
pub use crate::props::{AppProps, Panels, Theme};
use crate::state::{Action, Notice, Place, SameText, SharedReport, State};

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
            State::with_text(text)
        })
    };
    use_analysis(&state, props.profile.clone(), props.worker_url.clone());
    use_persisted_text(props.persist, &state);
    let permalink = use_permalink(props.permalink, &state);

    // A new `text` prop (the host page's article changed) replaces the text.
    {
        let d = state.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with(props.text.clone(), move |text| {
            if !std::mem::take(&mut *first.borrow_mut()) {
                d.dispatch(Action::Replace(text.clone().unwrap_or_default()));
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

    let dispatch = |action: Action| {
        let d = state.dispatcher();
        Callback::from(move |_: ()| d.dispatch(action.clone()))
    };
    let on_clear = dispatch(Action::Clear);
    let on_undo = state.undo.is_some().then(|| dispatch(Action::Undo));
    let d = state.dispatcher();
    let on_edit = Callback::from(move |(text, at_once): (String, bool)| {
        d.dispatch(Action::Edit { text: text.into(), at_once })
    });
    let d = state.dispatcher();
    let on_replace = Callback::from(move |text: String| d.dispatch(Action::Replace(text.into())));
    let d = state.dispatcher();
    let on_replace_all = Callback::from(move |text: String| {
        d.dispatch(match text.is_empty() {
            true => Action::Clear,
            false => Action::Discard { text: text.into(), notice: "The whole text was replaced.".into() },
        })
    });
    let d = state.dispatcher();
    let on_files = Callback::from(move |files: Vec<web_sys::File>| {
        let d = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            d.dispatch(match crate::services::open_files(&files).await {
                Ok((text, notice)) => Action::Discard { text: text.into(), notice },
                Err(why) => Action::Message(Some(why)),
            });
        });
    });
    let on_example = props.example_url.clone().map(|url| {
        let d = state.dispatcher();
        Callback::from(move |_: ()| {
            let (d, url) = (d.clone(), url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                d.dispatch(match crate::glue::fetch_text(&url).await {
                    Some(text) => {
                        Action::Discard { text: text.into(), notice: "Loaded the example article.".into() }
                    }
                    None => Action::Message(Some("The example could not be loaded.".into())),
                });
            });
        })
    });
    let on_export = {
        let (report, text, d) = (state.report.clone(), state.analyzed_text.clone(), state.dispatcher());
        Callback::from(move |kind: ExportKind| {
            let Some(report) = report.clone() else { return };
            let (text, d) = (text.clone(), d.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = crate::services::export(kind, &report, &text).await.into();
                d.dispatch(Action::Notice(Some(Notice { text, place: Place::Export })));
            });
        })
    };
    let d = state.dispatcher();
    let on_focus = Callback::from(move |cell| d.dispatch(Action::Focus(cell)));
    let d = state.dispatcher();
    let on_select = Callback::from(move |i: usize| d.dispatch(Action::Select(i)));

    let sentences = state.report.as_ref().map_or(0, |r| r.stats.sentences);
    let highlighted = Rc::new(state.highlighted());
    let notice = |place| state.notice.as_ref().filter(|n| n.place == place).map(|n| n.text.clone());
    let analyzed = SameText(state.analyzed_text.clone());
    let panels = props.panels;
    let drop = use_drop_zone(on_files.clone());
    let (over, leave, ondrop) =
        if panels.input { (Some(drop.over), Some(drop.leave), Some(drop.drop)) } else { (None, None, None) };
    html! {
        <div class={classes!("fg-app", props.theme.class(), (!panels.input).then_some("fg-readonly"))} ref={drop.zone}
            ondragenter={over.clone()} ondragover={over} ondragleave={leave} {ondrop}>
            <p class="fg-status" role="status" aria-live="polite">{state.status()}</p>
            if state.busy.is_some() {
                <progress class="fg-progress" aria-label="Analysing"></progress>
            }
            if let Some(m) = &state.message {
                <p class="fg-message" role="alert">{m}</p>
            }
            if let Some(n) = permalink.offer {
                <div class="fg-offer" role="group" aria-labelledby="fg-offer-text">
                    <p id="fg-offer-text">{format!("The link you opened carries a text of {n} characters. Open it in place of your saved text? (Undo brings yours back.)")}</p>
                    <button type="button" class="fg-button" onclick={permalink.open.reform(|_: MouseEvent| ())}>{"Open the linked text"}</button>
                    {" "}<button type="button" class="fg-button fg-button-quiet" onclick={permalink.keep.reform(|_: MouseEvent| ())}>{"Keep my text"}</button>
                </div>
            }
            <div class="fg-layout">
                if panels.input {
                    <InputPanel text={SameText(state.text.clone())} revision={state.revision} chars={state.chars} {sentences}
                        {on_edit} {on_replace} {on_replace_all} on_files={on_files.clone()} {on_example} {on_clear} {on_undo} notice={notice(Place::Input)} />
                }
                if let Some(report) = state.report.clone().map(SharedReport) {
                    if panels.grid {
                        <div class="fg-main">
                            <Grid report={report.clone()} text={analyzed.clone()}
                                on_focus={on_focus.clone()} on_select={on_select.clone()} />
                            { export_bar(&on_export, props.permalink, notice(Place::Export)) }
                        </div>
                    }
                    <div class="fg-side" ref={article_ref}>
                        if panels.figures {
                            { figures_panel(&report, &on_select) }
                        }
                        if panels.article {
                            <ArticleView {report} text={analyzed}
                                highlighted={highlighted} selected={state.selected_sentence} />
                        }
                    </div>
                }
            </div>
            if drop.dragging {
                <div class="fg-drop-cue">{"Drop a file to open it"}</div>
            }
        </div>
    }
}
