//! Several articles side by side: the list of articles (add, edit their
//! title, outlet and date, reorder, remove) and, with two or more, the
//! engine's comparison of them: a chip per article for each party × topic
//! with the verdict, the figures that conflict, a timeline by date.
//!
//! Everything shown comes from the engine ([`crate::compare_state::compute`]):
//! the widget does no reading of its own.

use std::rc::Rc;

use factgrid_engine::{CellComparison, Comparison, Language, Verdict};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::compare_state::{compute, Articles, CompareAction, Computed, Field, Fields, Source};
use crate::components::stance::stance_badge;
use crate::i18n::{Key, Ui};
use crate::props::CustomProfile;
use crate::state::SameText;

/// Where the set of articles is kept between visits.
pub const STORAGE_KEY: &str = "factgrid:articles";
/// The largest set kept in localStorage, as JSON (its quota is a few MB,
/// shared with the text box's text).
pub const STORAGE_BYTES: usize = 2 * 1024 * 1024;

/// Props of [`ComparePanel`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The set of articles (the app's, so that dropped files reach it).
    pub set: UseReducerHandle<Articles>,
    /// The text box's text (the first article unless moved).
    pub text: SameText,
    /// The page's profile, if it gave one.
    pub profile: Option<Rc<CustomProfile>>,
    /// The language to read in (`None`: each text's own).
    pub lang: Option<Language>,
    /// The reader may add and edit articles.
    pub input: bool,
    /// Keep the set in localStorage.
    pub persist: bool,
    /// The interface language.
    pub ui: Ui,
}

/// Texts read from files: added, the refused ones named.
pub fn add_files(set: &UseReducerHandle<Articles>, files: Vec<web_sys::File>, ui: Ui) {
    let d = set.dispatcher();
    let room = crate::compare_state::MAX_ARTICLES.saturating_sub(set.list.len());
    crate::glue::spawn(async move {
        let (mut texts, mut refused) = (Vec::new(), Vec::new());
        for file in &files {
            match crate::services::load_file(file, ui).await {
                Ok((text, _)) if !text.trim().is_empty() => texts.push((text.into(), Fields::default())),
                Ok(_) => refused.push(ui.fill(Key::NotText, &[&file.name(), "0 B"])),
                Err(why) => refused.push(why),
            }
        }
        let mut told = vec![ui.count(Key::AddedArticles, texts.len().min(room))];
        told.append(&mut refused);
        let too_many = ui.fill(Key::TooManyArticles, &[&crate::compare_state::MAX_ARTICLES.to_string()]);
        d.dispatch(CompareAction::Add { texts, refused: told, too_many });
    });
}

/// The set as saved, or `None` (nothing saved, or unreadable). (Read
/// with the browser's JSON parser: serde_json's deserializer would add
/// its code to the download for this one list.)
pub fn saved_set() -> Option<Vec<crate::compare_state::Saved>> {
    use wasm_bindgen::JsCast;
    let storage = web_sys::window()?.local_storage().ok()??;
    let list: js_sys::Array =
        js_sys::JSON::parse(&storage.get_item(STORAGE_KEY).ok()??).ok()?.dyn_into().ok()?;
    let mut out = Vec::new();
    for item in list.iter() {
        if !item.is_object() {
            return None;
        }
        let field = |key: &str| {
            let v = js_sys::Reflect::get(&item, &key.into()).ok()?;
            if v.is_undefined() || v.is_null() {
                Some(None)
            } else {
                v.as_string().map(Some)
            }
        };
        out.push(crate::compare_state::Saved {
            text: field("text")?,
            title: field("title")?,
            outlet: field("outlet")?,
            date: field("date")?,
        });
    }
    Some(out)
}

/// Keep the set in localStorage; `false` when it does not fit.
fn save_set(set: &Articles) -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    if set.own() == 0 {
        let _ = storage.remove_item(STORAGE_KEY);
        return true;
    }
    let json = crate::compare_state::Saved::list_to_json(&set.saved());
    json.len() <= STORAGE_BYTES && storage.set_item(STORAGE_KEY, &json).is_ok()
}

/// The panel: "Add article", the list, and the comparison.
#[component]
pub fn ComparePanel(props: &CompareProps) -> Html {
    let ui = props.ui;
    let set = props.set.clone();
    let adding = use_state(|| false);
    let area = use_node_ref();
    // Save after every change of the list (not on selection).
    {
        let (set, persist) = (set.clone(), props.persist);
        use_effect_with(set.revision, move |_| {
            if persist && set.revision > 0 && !save_set(&set) {
                set.dispatch(CompareAction::Message(Some(ui.get(Key::ArticlesNotKept).into())));
            }
        });
    }
    // Bumped when a Russian or Ukrainian profile arrives (see below).
    let fetched = use_state(|| 0u32);
    let computed: Option<Rc<Computed>> = {
        let (profile, lang) = (props.profile.clone(), props.lang);
        let key = (set.list.clone(), props.text.clone(), *fetched);
        let own = set.own();
        let fetched = fetched.clone();
        (*use_memo(key, move |(list, text, _)| {
            let missing = std::cell::RefCell::new(Vec::new());
            let computed = (own > 0).then(|| {
                let analyzer = |t: &str| match &profile {
                    Some(p) => p.analyzer.clone(),
                    None => {
                        let language = crate::profiles::language_of(t, lang);
                        if !crate::profiles::ready(language) && !crate::profiles::failed(language) {
                            missing.borrow_mut().push(language);
                        }
                        crate::profiles::built_in_now(language)
                    }
                };
                Rc::new(compute(list, &text.0, lang.map(Language::code), &analyzer))
            });
            // An article in a language whose profile is not here yet: fetch
            // it, then compare (an English reading of it would be wrong).
            let mut missing = missing.into_inner();
            missing.dedup();
            if missing.is_empty() {
                return computed;
            }
            crate::glue::spawn(async move {
                for language in missing {
                    crate::profiles::load(language).await;
                }
                fetched.set(*fetched + 1);
            });
            None
        }))
        .clone()
    };
    let toggle = {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(!*adding))
    };
    let add_text = {
        let (set, area) = (set.clone(), area.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(a) = area.cast::<HtmlTextAreaElement>() else { return };
            let text = a.value();
            if text.trim().is_empty() {
                set.dispatch(CompareAction::Message(Some(ui.get(Key::EmptyArticle).into())));
                return;
            }
            a.set_value("");
            let too_many = ui.fill(Key::TooManyArticles, &[&crate::compare_state::MAX_ARTICLES.to_string()]);
            set.dispatch(CompareAction::Add {
                texts: vec![(text.into(), Fields::default())],
                refused: vec![ui.count(Key::AddedArticles, 1)],
                too_many,
            });
        })
    };
    let on_file = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let files: Vec<web_sys::File> =
                input.files().map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
            input.set_value("");
            if !files.is_empty() {
                add_files(&set, files, ui);
            }
        })
    };
    html! {
        <section class="fg-compare" aria-label={ui.get(Key::ComparisonHeading)}>
            if props.input {
                <button type="button" class="fg-button fg-button-quiet fg-add-article" aria-expanded={(*adding).to_string()} onclick={toggle}>
                    {ui.get(Key::AddArticle)}
                </button>
                if *adding {
                    <div class="fg-add">
                        <label for="fg-new-article">{ui.get(Key::NewArticleText)}</label>
                        <textarea id="fg-new-article" class="fg-new-article" rows="5" ref={area} />
                        <div class="fg-add-buttons">
                            <button type="button" class="fg-button" onclick={add_text}>{ui.get(Key::AddIt)}</button>
                            {" "}<label class="fg-button fg-button-quiet fg-file">
                                {ui.get(Key::AddFiles)}
                                <input type="file" multiple=true class="fg-visually-hidden fg-add-files" onchange={on_file}
                                    accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" />
                            </label>
                        </div>
                    </div>
                }
            }
            if let Some(m) = &set.message {
                <p class="fg-message fg-compare-message" role="alert">{m}</p>
            }
            if let Some(c) = computed.as_ref() {
                { article_list(&set, c, props.input, ui) }
                if c.comparison.articles.len() >= 2 {
                    { comparison_view(&set, &c.comparison, ui) }
                }
            }
        </section>
    }
}

/// The articles, each with its title, outlet and date (editable), and
/// buttons to move or remove it.
fn article_list(set: &UseReducerHandle<Articles>, c: &Computed, input: bool, ui: Ui) -> Html {
    let n = set.list.len();
    let items = set.list.iter().enumerate().map(|(i, e)| {
        let detected = &c.detected[i];
        let num = (i + 1).to_string();
        let field = |f: Field, label: Key, value: String, invalid: bool| {
            let (d, id) = (set.dispatcher(), e.id);
            let oninput = Callback::from(move |ev: InputEvent| {
                if let Some(el) = ev.target_dyn_into::<HtmlInputElement>() {
                    d.dispatch(CompareAction::Set(id, f, el.value()));
                }
            });
            let dom_id = format!("fg-art-{}-{:?}", e.id, f);
            html! {
                <span class="fg-art-field">
                    <label for={dom_id.clone()}>{ui.get(label)}</label>
                    <input id={dom_id} type="text" {value} readonly={!input} {oninput}
                        aria-invalid={invalid.then_some("true")} />
                    if invalid { <span class="fg-art-bad">{ui.get(Key::BadDate)}</span> }
                </span>
            }
        };
        let title = e.fields.title.clone().unwrap_or_else(|| detected.title.clone());
        let outlet = e.fields.outlet.clone().unwrap_or_else(|| detected.outlet.clone().unwrap_or_default());
        let date =
            e.fields.date.clone().unwrap_or_else(|| detected.date.map(|d| d.to_string()).unwrap_or_default());
        let button = |label: Key, icon: &'static str, action: CompareAction, disabled: bool| {
            let d = set.dispatcher();
            let onclick = Callback::from(move |_: MouseEvent| d.dispatch(action.clone()));
            html! {
                <button type="button" class="fg-button fg-button-quiet fg-art-button" aria-label={ui.fill(label, &[&num])} {disabled} {onclick}>
                    <span aria-hidden="true">{icon}</span>
                </button>
            }
        };
        html! {
            <li class="fg-art" key={e.id} data-article={num.clone()}>
                <span class="fg-art-head">
                    {ui.fill(Key::ArticleN, &[&num])}
                    if e.source == Source::Box { {" "}{ui.get(Key::FromTextBox)} }
                </span>
                { field(Field::Title, Key::FieldTitle, title, false) }
                { field(Field::Outlet, Key::FieldOutlet, outlet, false) }
                { field(Field::Date, Key::FieldDate, date, c.bad_date[i]) }
                if input {
                    <span class="fg-art-buttons">
                        { button(Key::MoveUp, "\u{2191}", CompareAction::Move(e.id, true), i == 0) }
                        { button(Key::MoveDown, "\u{2193}", CompareAction::Move(e.id, false), i + 1 == n) }
                        { button(Key::RemoveArticle, "\u{2715}", CompareAction::Remove(e.id), e.source == Source::Box) }
                    </span>
                }
            </li>
        }
    });
    html! {
        <div class="fg-articles">
            <h2 class="fg-panel-title">{ui.get(Key::ArticlesHeading)}</h2>
            <ol class="fg-art-list">{ for items }</ol>
        </div>
    }
}

fn verdict_key(v: Verdict) -> Key {
    match v {
        Verdict::Agree => Key::VerdictAgree,
        Verdict::Differ => Key::VerdictDiffer,
        _ => Key::VerdictOneSource,
    }
}

/// The comparison: positions, figures, export.
fn comparison_view(set: &UseReducerHandle<Articles>, c: &Comparison, ui: Ui) -> Html {
    let party =
        |id: &str| c.parties.iter().find(|p| &*p.id == id).map_or(id.to_string(), |p| ui.label(id, &p.label));
    let topic =
        |id: &str| c.topics.iter().find(|t| &*t.id == id).map_or(id.to_string(), |t| ui.label(id, &t.label));
    let label = |i: usize| c.articles.get(i).map_or(String::new(), |a| a.label.clone());
    let cells = c.cells.iter().filter(|cell| cell.verdict != Verdict::None).map(|cell| {
        let (p, t) = (party(&cell.party), topic(&cell.topic));
        html! {
            <li class={classes!("fg-cmp-cell", format!("fg-verdict-{}", cell.verdict.name()))} data-verdict={cell.verdict.name()}
                data-party={cell.party.to_string()} data-topic={cell.topic.to_string()}>
                <p class="fg-cmp-head">
                    <strong>{format!("{p} \u{00b7} {t}")}</strong>{" "}
                    <span class={classes!("fg-verdict", format!("fg-verdict-{}", cell.verdict.name()))}>{ui.get(verdict_key(cell.verdict))}</span>
                </p>
                { chips(set, cell, &label, &p, &t, ui) }
                { timeline(cell, &label, ui) }
                { evidence(set, cell, &label, &p, &t, ui) }
            </li>
        }
    });
    html! {
        <div class="fg-comparison">
            <h2 class="fg-panel-title">{ui.get(Key::ComparisonHeading)}</h2>
            <p class="fg-cmp-caption">{ui.get(Key::ComparisonCaption)}</p>
            <ul class="fg-cmp-cells">{ for cells }</ul>
            { figures(c, &topic, &party, &label, ui) }
            { export(c, ui) }
        </div>
    }
}

/// One chip per article (in article order): its label and stance.
fn chips(
    set: &UseReducerHandle<Articles>,
    cell: &CellComparison,
    label: &dyn Fn(usize) -> String,
    p: &str,
    t: &str,
    ui: Ui,
) -> Html {
    let chips = cell.by_article.iter().enumerate().map(|(i, s)| match s {
        Some(s) => {
            let key = (cell.party.to_string(), cell.topic.to_string(), i);
            let pressed = set.selected.as_ref() == Some(&key);
            let d = set.dispatcher();
            let onclick = Callback::from(move |_: MouseEvent| {
                d.dispatch(CompareAction::Select((!pressed).then(|| key.clone())));
            });
            html! {
                <button type="button" class="fg-chip" aria-pressed={pressed.to_string()} data-article={i.to_string()} {onclick}>
                    <span class="fg-chip-article">{label(i)}</span>
                    { stance_badge(&s.stance, ui) }
                </button>
            }
        }
        None => html! {
            <span class="fg-chip fg-chip-none" data-article={i.to_string()}>
                <span class="fg-chip-article">{label(i)}</span>
                <span class="fg-chip-missing">{ui.get(Key::NotCovered)}</span>
            </span>
        },
    });
    html! { <div class="fg-chips" role="group" aria-label={format!("{p} \u{00b7} {t}")}>{ for chips }</div> }
}

/// The cell's stances in date order, when two or more articles have dates.
fn timeline(cell: &CellComparison, label: &dyn Fn(usize) -> String, ui: Ui) -> Html {
    if cell.timeline.len() < 2 {
        return Html::default();
    }
    let points = cell.timeline.iter().map(|pt| {
        html! {
            <li class={classes!("fg-tl-point", pt.changed.then_some("fg-tl-changed"))}>
                <span class="fg-tl-date">{pt.date.to_string()}</span>{" "}
                <span class="fg-tl-article">{label(pt.article)}</span>{" "}
                if let Some(s) = &pt.stance { { stance_badge(s, ui) } } else { <span class="fg-chip-missing">{ui.get(Key::NotCovered)}</span> }
                if pt.changed { {" "}<span class="fg-tl-note">{ui.get(Key::TimelineChanged)}</span> }
            </li>
        }
    });
    html! {
        <div class="fg-timeline">
            <span class="fg-tl-title">{ui.get(Key::TimelineHeading)}</span>
            <ol class="fg-tl">{ for points }</ol>
        </div>
    }
}

/// The selected chip's evidence, under the cell.
fn evidence(
    set: &UseReducerHandle<Articles>,
    cell: &CellComparison,
    label: &dyn Fn(usize) -> String,
    p: &str,
    t: &str,
    ui: Ui,
) -> Html {
    let Some((party, topic, i)) = set.selected.as_ref() else { return Html::default() };
    if *party != *cell.party || *topic != *cell.topic {
        return Html::default();
    }
    let Some(Some(stance)) = cell.by_article.get(*i) else { return Html::default() };
    let d = set.dispatcher();
    let close = Callback::from(move |_: MouseEvent| d.dispatch(CompareAction::Select(None)));
    let heading = ui.fill(Key::EvidenceFrom, &[&label(*i), p, t]);
    html! {
        <div class="fg-cmp-evidence" role="region" aria-label={heading.clone()}>
            <p class="fg-cmp-evidence-head">{heading}{" "}
                <button type="button" class="fg-button fg-button-quiet" onclick={close}>{ui.get(Key::CloseEvidence)}</button>
            </p>
            <ul>
                { for stance.evidence.iter().map(|e| html! {
                    <li class="fg-cmp-sentence">
                        if let Some(s) = &e.stance { { stance_badge(s, ui) }{" "} }
                        {e.text.clone()}
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// The figures by group: value, source party and article; conflicts
/// side by side.
fn figures(
    c: &Comparison,
    topic: &dyn Fn(&str) -> String,
    party: &dyn Fn(&str) -> String,
    label: &dyn Fn(usize) -> String,
    ui: Ui,
) -> Html {
    let groups = c.figures.groups.iter().filter(|g| !g.values.is_empty()).map(|g| {
        let title = match &g.topic {
            Some(t) => format!("{} \u{00b7} {}", topic(t), g.label),
            None => g.label.clone(),
        };
        let source = |v: &factgrid_engine::FigureValue| v.source.as_deref().map(party).unwrap_or_default();
        let conflicted = |k: usize| g.conflicts.iter().any(|x| x.a == k || x.b == k);
        let rows = g.values.iter().enumerate().map(|(k, v)| {
            html! {
                <tr class={classes!(conflicted(k).then_some("fg-conflict"))}>
                    <td>{v.display.clone()}</td>
                    <td>{source(v)}</td>
                    <td>{label(v.article)}</td>
                </tr>
            }
        });
        let conflicts = g.conflicts.iter().filter_map(|x| Some((g.values.get(x.a)?, g.values.get(x.b)?))).map(|(a, b)| {
            let side = |v: &factgrid_engine::FigureValue| {
                let who = source(v);
                html! {
                    <span class="fg-conflict-side">
                        <strong>{v.display.clone()}</strong>
                        if !who.is_empty() { {format!(" ({who})")} }
                        <br />{label(v.article)}
                    </span>
                }
            };
            html! {
                <li class="fg-conflict-pair"
                    aria-label={ui.fill(Key::FigureConflict, &[&a.display, &label(a.article), &b.display, &label(b.article)])}>
                    { side(a) }<span class="fg-conflict-vs" aria-hidden="true">{"\u{2260}"}</span>{ side(b) }
                </li>
            }
        });
        html! {
            <div class={classes!("fg-fig-group", (!g.conflicts.is_empty()).then_some("fg-has-conflict"))}>
                <table class="fg-table fg-figures-table">
                    <caption>{title}</caption>
                    <thead><tr>
                        <th scope="col">{ui.get(Key::Value)}</th>
                        <th scope="col">{ui.get(Key::Source)}</th>
                        <th scope="col">{ui.get(Key::InArticle)}</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                if !g.conflicts.is_empty() {
                    <ul class="fg-conflicts">{ for conflicts }</ul>
                }
            </div>
        }
    });
    html! {
        <div class="fg-cmp-figures">
            <h3 class="fg-panel-title">{ui.get(Key::FiguresCompared)}</h3>
            if c.figures.groups.is_empty() {
                <p>{ui.get(Key::NoFiguresCompared)}</p>
            }
            { for groups }
        </div>
    }
}

/// Markdown (the engine's `to_markdown`) to the clipboard, JSON and CSV
/// downloads, with a confirmation.
fn export(c: &Comparison, ui: Ui) -> Html {
    use crate::components::export::ExportKind;
    let c = Rc::new(c.clone());
    let button = |kind: ExportKind, label: Key| {
        let c = c.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            let c = c.clone();
            let notice = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|b| b.closest(".fg-cmp-export").ok().flatten())
                .and_then(|g| g.query_selector(".fg-notice").ok().flatten());
            crate::glue::spawn(async move {
                let key = match kind {
                    ExportKind::Markdown if crate::glue::copy(&c.to_markdown()).await => {
                        Key::CopiedComparison
                    }
                    ExportKind::Markdown => Key::NoClipboard,
                    ExportKind::Csv => {
                        crate::glue::download_text("factgrid-comparison.csv", "text/csv", &c.to_csv());
                        Key::DownloadedCsv
                    }
                    _ => {
                        let json = c.to_json();
                        crate::glue::download_json("factgrid-comparison.json", &json);
                        Key::DownloadedComparison
                    }
                };
                if let Some(n) = notice {
                    n.set_text_content(Some(ui.get(key)));
                }
            });
        });
        html! { <button type="button" class="fg-button fg-button-quiet" {onclick}>{ui.get(label)}</button> }
    };
    html! {
        <div class="fg-cmp-export">
            <div class="fg-export" role="group" aria-label={ui.get(Key::ExportComparison)}>
                { button(ExportKind::Markdown, Key::CopyMarkdown) }
                { button(ExportKind::Json, Key::DownloadJson) }
                { button(ExportKind::Csv, Key::DownloadCsv) }
            </div>
            <p class="fg-notice" aria-live="polite"></p>
        </div>
    }
}
