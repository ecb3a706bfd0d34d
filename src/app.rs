//! The application component: the state, the hooks that act on it, and
//! the panels. Side effects live in `hooks/` and `services`.

use std::rc::Rc;

use yew::prelude::*;

use crate::compare_state::{Articles, CompareAction};
use crate::components::article::ArticleView;
use crate::components::compare::{add_files, saved_set, ComparePanel};
use crate::components::details::details_panel;
use crate::components::export::{export_bar, ExportKind};
use crate::components::figures::figures_panel;
use crate::components::grid::{grid, GridCtx};
use crate::components::input::InputPanel;
use crate::corrections::Correct;
use crate::exports::{Details, Export};
use crate::hooks::{
    saved_text, to_action, use_analysis, use_corrections, use_permalink, use_persisted_text, with_link,
};
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
    // The reader's corrections and the article's details (issue 16, items 10, 11).
    let report_now = state.report.clone().map(SharedReport);
    let corr = use_corrections(
        props.persist,
        props.link_fixes.clone(),
        report_now.clone(),
        SameText(state.analyzed_text.clone()),
    );
    let fixes = corr.fixes.clone();
    let on_correct = {
        let d = fixes.dispatcher();
        Callback::from(move |c: Correct| d.dispatch(c))
    };
    let detected = {
        let (profile, report) = (props.profile.clone(), report_now.clone());
        use_memo((report, SameText(state.analyzed_text.clone())), move |(report, text)| {
            let r = report.as_ref()?;
            // (The profile the page already compiled: a text analysed in
            // the worker alone is not worth compiling one on the page for.)
            let analyzer = match &profile {
                Some(p) => p.analyzer.clone(),
                None => crate::profiles::built_in_ready(factgrid_engine::Language::from_code(&r.language)?)?,
            };
            let profile = analyzer.profile_for(&r.language).unwrap_or(analyzer.profile());
            // The headline, dateline and byline are in the first lines.
            let mut end = text.0.len().min(16 * 1024);
            while !text.0.is_char_boundary(end) {
                end -= 1;
            }
            Some(factgrid_engine::ArticleMeta::detect(&text.0[..end], profile))
        })
    };
    let details = {
        let m = &fixes.meta;
        let d = detected.as_ref().as_ref();
        let pick = |mine: &Option<String>, found: Option<String>| mine.clone().or(found).unwrap_or_default();
        Rc::new(Details {
            headline: pick(&m.headline, d.map(|d| d.title.clone())),
            outlet: pick(&m.outlet, d.and_then(|d| d.outlet.clone())),
            date: pick(&m.date, d.and_then(|d| d.date.map(|x| x.to_string()))),
            url: m.url.clone().unwrap_or_default(),
        })
    };
    // Notices by the cell or the sentence whose tool caused them.
    let cell_notice = use_state(|| None::<(String, String, String)>);
    let sentence_notice = use_state(|| None::<String>);
    // The link to the text (with the corrections, when they fit) and `extra`.
    let link_to = {
        let (text, fixes) = (state.analyzed_text.clone(), fixes.clone());
        move |extra: String| {
            let (text, kept) = (text.clone(), fixes.save());
            async move {
                let mut url = crate::glue::permalink(&text).await?;
                if !kept.is_empty() && kept.len() <= 4000 {
                    url.push_str("&fix=");
                    url.push_str(&String::from(js_sys::encode_uri_component(&kept)));
                }
                url.push_str(&extra);
                Some(url)
            }
        }
    };
    let on_export = {
        let (report, text, d) = (state.report.clone(), state.analyzed_text.clone(), state.dispatcher());
        let (fixes, details, at, link_to) =
            (fixes.clone(), details.clone(), corr.analysed_at.clone(), link_to.clone());
        Callback::from(move |kind: ExportKind| {
            let Some(report) = report.clone() else { return };
            let (text, d, fixes, details) = (text.clone(), d.clone(), fixes.clone(), details.clone());
            let at: Rc<str> = at.borrow().clone();
            let link = link_to(String::new());
            crate::glue::spawn(async move {
                let e = Export {
                    report: &report,
                    text: &text,
                    fixes: &fixes,
                    details: &details,
                    analysed_at: &at,
                    ui,
                };
                let key = match kind {
                    ExportKind::Markdown => match crate::glue::copy(&e.markdown()).await {
                        true => Key::CopiedMarkdown,
                        false => Key::NoClipboard,
                    },
                    ExportKind::Json => {
                        crate::glue::download_json("factgrid-report.json", &e.json());
                        Key::DownloadedJson
                    }
                    ExportKind::Csv => {
                        crate::glue::download_text("factgrid-grid.csv", "text/csv", &e.csv());
                        Key::DownloadedCsv
                    }
                    ExportKind::Link => match link.await {
                        Some(url) if crate::glue::copy(&url).await => Key::CopiedLink,
                        Some(_) => Key::LinkNoClipboard,
                        None => Key::NoLink,
                    },
                };
                d.dispatch(Action::Notice(Some(Notice { text: ui.get(key).into(), place: Place::Export })));
            });
        })
    };
    let on_copy = {
        let (report, text) = (state.report.clone(), state.analyzed_text.clone());
        let (fixes, details, at, link_to, notice) =
            (fixes.clone(), details.clone(), corr.analysed_at.clone(), link_to.clone(), cell_notice.clone());
        Callback::from(move |(party, topic, sentence): (String, String, Option<usize>)| {
            let Some(report) = report.clone() else { return };
            let cite = sentence.map(|i| {
                let e = Export {
                    report: &report,
                    text: &text,
                    fixes: &fixes,
                    details: &details,
                    analysed_at: &at.borrow(),
                    ui,
                };
                let ev =
                    report.cell(&party, &topic).and_then(|c| c.evidence.iter().find(|e| e.sentence == i));
                e.citation(i, ev)
            });
            let link = sentence.is_none().then(|| link_to(format!("&cell={party}/{topic}")));
            let notice = notice.clone();
            crate::glue::spawn(async move {
                let (copy, done) = match link {
                    Some(link) => (link.await, Key::LinkCopiedHere),
                    None => (cite, Key::CitationCopied),
                };
                let ok = match copy {
                    Some(c) => crate::glue::copy(&c).await,
                    None => false,
                };
                notice.set(Some((party, topic, ui.get(if ok { done } else { Key::NotCopied }).into())));
            });
        })
    };
    let on_sentence_link = props.permalink.then(|| {
        let (link_to, notice) = (link_to.clone(), sentence_notice.clone());
        Callback::from(move |i: usize| {
            let (link, notice) = (link_to(format!("&s={}", i + 1)), notice.clone());
            crate::glue::spawn(async move {
                let ok = match link.await {
                    Some(url) => crate::glue::copy(&url).await,
                    None => false,
                };
                notice.set(Some(ui.get(if ok { Key::LinkCopiedHere } else { Key::NotCopied }).into()));
            });
        })
    });
    // Two-way navigation (issue 16, item 9), or in compact mode the host's
    // article (item 14).
    let zone = use_node_ref();
    let app_ref = zone.clone();
    let back = use_state(|| None::<(String, String)>);
    let (d, article) = (state.dispatcher(), use_node_ref());
    let article_ref = article.clone();
    let on_evidence = props.on_evidence.clone().filter(|_| props.compact);
    let sentences_of = {
        let (report, text) = (state.report.clone(), state.analyzed_text.clone());
        move |list: &[usize]| -> Vec<String> {
            let Some(r) = &report else { return Vec::new() };
            list.iter().map(|&i| crate::exports::sentence_text(r, &text, i).to_string()).collect()
        }
    };
    let cell_sentences = {
        let (report, fixes) = (state.report.clone(), fixes.clone());
        move |p: &str, t: &str| -> Vec<usize> {
            let Some(r) = &report else { return Vec::new() };
            crate::corrections::view(r.cell(p, t), fixes.fix(p, t)).kept().map(|i| i.sentence).collect()
        }
    };
    let on_focus = {
        let (d, on_evidence, sentences_of, cell_sentences) =
            (d.clone(), on_evidence.clone(), sentences_of.clone(), cell_sentences.clone());
        Callback::from(move |cell: Option<(String, String)>| {
            if let Some(f) = &on_evidence {
                let list = cell.as_ref().map(|(p, t)| cell_sentences(p, t)).unwrap_or_default();
                f.emit((sentences_of(&list), false));
            }
            d.dispatch(Action::Focus(cell));
        })
    };
    let on_select = {
        let (d, article, on_evidence, sentences_of) =
            (d.clone(), article.clone(), on_evidence.clone(), sentences_of.clone());
        Callback::from(move |i: usize| {
            if let Some(f) = &on_evidence {
                return f.emit((sentences_of(&[i]), true));
            }
            d.dispatch(Action::Select(i));
            crate::glue::scroll_to_sentence(article.cast(), i);
        })
    };
    let on_jump = {
        let (d, back, on_select, on_evidence) =
            (d.clone(), back.clone(), on_select.clone(), on_evidence.clone());
        Callback::from(move |(p, t, i): (String, String, usize)| {
            if let Some(f) = &on_evidence {
                return f.emit((sentences_of(&cell_sentences(&p, &t)), true));
            }
            d.dispatch(Action::Focus(Some((p.clone(), t.clone()))));
            back.set(Some((p, t)));
            on_select.emit(i);
        })
    };
    let go_to_cell = {
        let (d, app_ref) = (d.clone(), app_ref.clone());
        move |(p, t): (String, String)| {
            d.dispatch(Action::Focus(Some((p.clone(), t.clone()))));
            let cell = format!("td[data-party=\"{p}\"][data-topic=\"{t}\"]");
            crate::glue::focus_first(
                app_ref.cast(),
                &[format!("{cell} .fg-jump"), format!("{cell} summary")],
            );
        }
    };
    let on_back = {
        let (back, go_to_cell) = (back.clone(), go_to_cell.clone());
        Callback::from(move |_: ()| {
            if let Some(cell) = (*back).clone() {
                go_to_cell(cell);
            }
            back.set(None);
        })
    };
    let on_cell = {
        let back = back.clone();
        Callback::from(move |cell: (String, String)| {
            back.set(None);
            go_to_cell(cell);
        })
    };
    let on_pick = {
        let (d, notice) = (d.clone(), sentence_notice.clone());
        Callback::from(move |i: usize| {
            notice.set(None);
            d.dispatch(Action::Select(i));
        })
    };
    // A link that opens the widget at a cell or a sentence, once the text is analysed.
    {
        let opened = use_mut_ref(|| false);
        let (open_at, on_jump, on_select, on_cell) =
            (props.open_at.clone(), on_jump.clone(), on_select.clone(), on_cell.clone());
        let cells = state.report.as_ref().map(|r| {
            (
                r.sentences.len(),
                r.cells
                    .iter()
                    .map(|c| {
                        (c.party.to_string(), c.topic.to_string(), c.evidence.first().map(|e| e.sentence))
                    })
                    .collect::<Vec<_>>(),
            )
        });
        use_effect_with(report_now.clone(), move |report| {
            let (Some(_), Some(at), Some((n, cells))) = (report, open_at, cells) else { return };
            if std::mem::replace(&mut *opened.borrow_mut(), true) {
                return;
            }
            if let Some((p, t)) = at.strip_prefix("cell=").and_then(|c| c.split_once('/')) {
                match cells.iter().find(|c| c.0 == p && c.1 == t).and_then(|c| c.2) {
                    Some(i) => on_jump.emit((p.into(), t.into(), i)),
                    None => on_cell.emit((p.into(), t.into())),
                }
            } else if let Some(i) =
                at.strip_prefix("s=").and_then(|s| s.parse::<usize>().ok()).filter(|i| (1..=n).contains(i))
            {
                on_select.emit(i - 1);
            }
        });
    }
    let d = state.dispatcher();
    let on_move = to_action(&d, Action::MoveWindow);
    let sentences = state.report.as_ref().map_or(0, |r| r.stats.sentences);
    let highlighted = Rc::new(state.highlighted());
    let notice = |place| state.notice.as_ref().filter(|n| n.place == place).map(|n| n.text.clone());
    let analyzed = SameText(state.analyzed_text.clone());
    let compared_text = analyzed.clone();
    let compact = props.compact;
    let panels = match compact {
        true => crate::props::Panels { input: false, article: false, ..props.panels },
        false => props.panels,
    };
    // Files dropped anywhere on the widget (see `glue::drag_over`).
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
        <div class={classes!("fg-app", props.theme.class(), (!panels.input).then_some("fg-readonly"), compact.then_some("fg-compact"))} ref={zone} lang={ui.code()}
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
                if let Some(report) = report_now.clone() {
                    if panels.grid {
                        <div class="fg-main">
                            { grid(&GridCtx {
                                report: &report, text: &analyzed, fixes: &fixes, hashes: &corr.hashes,
                                on_focus: &on_focus, on_select: &on_select, on_jump: &on_jump, on_correct: &on_correct,
                                on_copy: &on_copy, notice: cell_notice.as_ref().map(|(p, t, n)| (p.as_str(), t.as_str(), n.clone())),
                                compact, links: props.permalink, ui,
                            }) }
                            if fixes.lost > 0 {
                                <p class="fg-lost" aria-live="polite">{ui.count(Key::CorrectionsLost, fixes.lost)}</p>
                            }
                            if !compact {
                                { export_bar(&on_export, props.permalink, notice(Place::Export), ui) }
                                { details_panel(&details, &on_correct, ui) }
                            }
                        </div>
                    }
                    <div class="fg-side" ref={article_ref}>
                        if panels.figures {
                            { figures_panel(&report, &on_select, ui) }
                        }
                        if panels.article {
                            <ArticleView {report} text={analyzed}
                                highlighted={highlighted} selected={state.selected_sentence}
                                window_start={state.window_start} {on_move} {ui}
                                fixes={Rc::new((*fixes).clone())} back={back.is_some()} {on_back} {on_pick} {on_cell}
                                on_link={on_sentence_link} notice={(*sentence_notice).clone()} />
                        }
                    </div>
                }
            </div>
            if !compact && (panels.input || articles.own() > 0) {
                <ComparePanel set={articles.clone()} text={compared_text} profile={props.profile.clone()}
                    lang={props.lang} input={panels.input} persist={props.persist} {ui} />
            }
        </div>
    }
}
