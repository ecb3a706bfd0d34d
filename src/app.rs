//! The application component: the state, the hooks that act on it, and
//! the panels. Side effects live in `hooks/` and `services`.

use std::rc::Rc;

use yew::prelude::*;

use crate::compare_state::{Articles, CompareAction};
use crate::components::article::ArticleView;
use crate::components::compare::{add_files, saved_set, ComparePanel};
use crate::components::export::{export_bar, ExportKind};
use crate::components::figures::figures_panel;
use crate::components::grid::grid;
use crate::components::input::InputPanel;
use crate::hooks::{saved_text, to_action, use_analysis, use_permalink, use_persisted_text, with_link};
use crate::i18n::{Key, Ui};
pub use crate::props::{AppProps, Panels, Theme};
use crate::services::Source;
use crate::state::{Action, Notice, Place, SameText, SharedReport, State};

/// The factgrid widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    // The browser's language, read once.
    let browser = *use_memo((), |_| Ui::from_tag(&crate::glue::browser_language()));
    let state = {
        let (initial, persist, link) = (props.text.clone(), props.persist, props.link.clone());
        let ui_asked = props.ui_lang;
        use_reducer(move || {
            let text = match initial {
                Some(t) => t.to_string(),
                None if persist => saved_text().unwrap_or_default(),
                None => String::new(),
            };
            let state = State { ui_asked, ui_browser: browser, ..State::default() };
            with_link(state.showing(text), link)
        })
    };
    {
        let d = state.dispatcher();
        use_effect_with(props.ui_lang, move |asked| {
            d.dispatch(Action::UiLanguage { asked: *asked, browser })
        });
    }
    let ui = state.ui();
    crate::i18n::shown(ui);
    use_analysis(
        &state,
        props.profile.clone(),
        props.lang,
        props.worker_url.clone(),
        props.on_report.clone(),
    );
    use_persisted_text(props.persist, &state);
    let permalink = use_permalink(&state);

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
    let dispatch = |make: fn() -> Action| crate::hooks::on(&state.dispatcher(), make);
    let on_clear = dispatch(|| Action::Clear);
    let on_undo = state.undo.is_some().then(|| dispatch(|| Action::Undo));
    let d = state.dispatcher();
    let on_edit =
        to_action(&d, |(text, at_once): (String, bool)| Action::Edit { text: text.into(), at_once });
    let on_replace = to_action(&d, |text: String| Action::Replace(text.into()));
    let on_page =
        to_action(&d, |(text, notice): (String, String)| Action::Discard { text: text.into(), notice });
    let on_replace_all = {
        let d = d.clone();
        Callback::from(move |text: String| {
            d.dispatch(match text.is_empty() {
                true => Action::Clear,
                false => Action::Discard { text: text.into(), notice: ui.get(Key::WholeReplaced).into() },
            })
        })
    };
    // A file or the example replaces the text (undoably), once read.
    let open = {
        let d = d.clone();
        move |source: Source| {
            let d = d.clone();
            crate::glue::spawn(async move {
                d.dispatch(match crate::services::open(source, ui).await {
                    Ok((text, notice)) => Action::Discard { text: text.into(), notice },
                    Err(why) => Action::Message(Some(why)),
                });
            });
        }
    };
    // Several articles (issue 13): the set beside the text box's article.
    let articles = {
        let (given, persist) = (props.articles.clone(), props.persist);
        use_reducer(move || {
            let saved = given.map(|a| a.to_vec()).or_else(|| persist.then(saved_set).flatten());
            let set = std::rc::Rc::new(Articles::default());
            match saved {
                Some(saved) => yew::Reducible::reduce(set, CompareAction::Restore(saved)).as_ref().clone(),
                None => Articles::default(),
            }
        })
    };
    // Several files at once are all added as articles to compare: the
    // first one opens in an empty text box (its notice names the others).
    let on_files = Callback::from({
        let (open, articles, empty) = (open.clone(), articles.clone(), state.text.is_empty());
        move |files: Vec<web_sys::File>| match files.len() {
            0 | 1 => open(Source::Files(files)),
            _ if empty => {
                add_files(&articles, files[1..].to_vec(), ui);
                open(Source::Files(files));
            }
            _ => add_files(&articles, files, ui),
        }
    });
    let on_example =
        props.example_url.clone().map(|url| Callback::from(move |_: ()| open(Source::Example(url.clone()))));
    let on_export = {
        let (report, text, d) = (state.report.clone(), state.analyzed_text.clone(), state.dispatcher());
        Callback::from(move |kind: ExportKind| {
            let Some(report) = report.clone() else { return };
            let (text, d) = (text.clone(), d.clone());
            crate::glue::spawn(async move {
                let text = crate::services::export(kind, &report, &text, ui).await.into();
                d.dispatch(Action::Notice(Some(Notice { text, place: Place::Export })));
            });
        })
    };
    let d = state.dispatcher();
    let on_focus = to_action(&d, Action::Focus);
    let (d, article) = (state.dispatcher(), use_node_ref());
    let article_ref = article.clone();
    let on_select = Callback::from(move |i: usize| {
        d.dispatch(Action::Select(i));
        crate::glue::scroll_to_sentence(article.cast(), i);
    });

    let d = state.dispatcher();
    let on_move = to_action(&d, Action::MoveWindow);
    let sentences = state.report.as_ref().map_or(0, |r| r.stats.sentences);
    let highlighted = Rc::new(state.highlighted());
    let notice = |place| state.notice.as_ref().filter(|n| n.place == place).map(|n| n.text.clone());
    let analyzed = SameText(state.analyzed_text.clone());
    let compared_text = analyzed.clone();
    let panels = props.panels;
    // Files dropped anywhere on the widget (see `glue::drag_over`).
    let zone = use_node_ref();
    let drag = |f: fn(&web_sys::DragEvent, Option<web_sys::Element>)| {
        let zone = zone.clone();
        panels.input.then(|| Callback::from(move |e: web_sys::DragEvent| f(&e, zone.cast())))
    };
    let (over, leave) = (drag(crate::glue::drag_over), drag(crate::glue::drag_leave));
    let ondrop = panels.input.then(|| {
        let (zone, on_files) = (zone.clone(), on_files.clone());
        Callback::from(move |e: web_sys::DragEvent| {
            if let Some(files) = crate::glue::dropped_files(&e, zone.cast()) {
                on_files.emit(files);
            }
        })
    });
    html! {
        <div class={classes!("fg-app", props.theme.class(), (!panels.input).then_some("fg-readonly"))} ref={zone} lang={ui.code()}
            ondragenter={over.clone()} ondragover={over} ondragleave={leave} {ondrop}>
            <p class="fg-status" role="status" aria-live="polite">{state.status()}</p>
            if let Some(r) = state.report.as_ref().filter(|r| !r.language.is_empty() && r.stats.sentences > 0) {
                <p class="fg-language" data-language={r.language.clone()}>
                    {ui.fill(Key::ArticleLanguage, &[&ui.language_name(&r.language)])}
                    if props.lang.is_none() && props.profile.is_none() { {ui.get(Key::Detected)} }
                </p>
            }
            if state.busy.is_some() {
                <progress class="fg-progress" aria-label={ui.get(Key::Analysing)}></progress>
            }
            if let Some(m) = &state.message {
                <p class="fg-message" role="alert">{m}</p>
            }
            if let Some((n, from_tab)) = permalink.offer {
                <div class="fg-offer" role="group" aria-labelledby="fg-offer-text">
                    <p id="fg-offer-text">{ ui.fill(if from_tab { Key::OfferTab } else { Key::OfferLink }, &[&n.to_string()]) }</p>
                    <button type="button" class="fg-button" onclick={permalink.open.reform(|_: MouseEvent| ())}>
                        { ui.get(if from_tab { Key::OpenTabText } else { Key::OpenLinked }) }
                    </button>
                    {" "}<button type="button" class="fg-button fg-button-quiet" onclick={permalink.keep.reform(|_: MouseEvent| ())}>
                        { ui.get(if from_tab { Key::KeepTabText } else { Key::KeepMine }) }
                    </button>
                </div>
            }
            <div class="fg-layout">
                if panels.input {
                    <InputPanel text={SameText(state.text.clone())} revision={state.revision} chars={state.chars} {sentences}
                        {on_edit} {on_replace} {on_replace_all} {on_page} on_files={on_files.clone()} {on_example} {on_clear} {on_undo} notice={notice(Place::Input)}
                        editing={state.editing_head} on_edit_head={dispatch(|| Action::EditHead)} {ui} />
                }
                if let Some(report) = state.report.clone().map(SharedReport) {
                    if panels.grid {
                        <div class="fg-main">
                            { grid(&report, &analyzed, &on_focus, &on_select, ui) }
                            { export_bar(&on_export, props.permalink, notice(Place::Export), ui) }
                        </div>
                    }
                    <div class="fg-side" ref={article_ref}>
                        if panels.figures {
                            { figures_panel(&report, &on_select, ui) }
                        }
                        if panels.article {
                            <ArticleView {report} text={analyzed}
                                highlighted={highlighted} selected={state.selected_sentence}
                                window_start={state.window_start} {on_move} {ui} />
                        }
                    </div>
                }
            </div>
            if panels.input || articles.own() > 0 {
                <ComparePanel set={articles.clone()} text={compared_text} profile={props.profile.clone()}
                    lang={props.lang} input={panels.input} persist={props.persist} {ui} />
            }
        </div>
    }
}
