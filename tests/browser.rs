//! Browser tests of the widget: mount the app in headless Chromium, type,
//! and read the grid from the DOM. Run with
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use factgrid::{App, AppProps};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(text: Option<&str>) -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let props = AppProps { text: text.map(|t| t.to_string().into()), ..AppProps::embedded() };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

/// Let timers (the debounce) fire and Yew finish rendering.
async fn settle(ms: u32) {
    TimeoutFuture::new(ms).await;
    yew::scheduler::flush().await;
}

/// Wait (at most 5 s) until `done` holds; debug builds compile the profile slowly.
async fn until(mut done: impl FnMut() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        settle(10).await;
    }
}

fn stance(root: &Element, party: &str, topic: &str) -> Option<String> {
    root.query_selector(&format!("td.fg-cell[data-party=\"{party}\"][data-topic=\"{topic}\"]"))
        .unwrap()
        .and_then(|td| td.get_attribute("data-stance"))
}

fn type_text(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    area.set_value(text);
    let ev = web_sys::InputEvent::new("input").unwrap();
    area.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn typing_fills_the_grid_after_the_debounce() {
    let root = mount(None);
    until(|| root.query_selector("textarea").unwrap().is_some()).await;
    // (The empty text is analysed at once too, and its grid has empty
    // cells only: whether that report is in yet is a race, so only filled
    // cells are looked for.)
    assert!(
        root.query_selector("td.fg-cell[data-stance]").unwrap().is_none(),
        "no positions before any text"
    );
    type_text(&root, "Kyiv rejected any plan to cede territory.");
    settle(20).await;
    assert_eq!(stance(&root, "ukraine", "territory"), None, "debounced: not analysed yet");
    settle(400).await;
    assert_eq!(stance(&root, "ukraine", "territory").as_deref(), Some("opposes"));
    let status = root.query_selector("[role=status]").unwrap().unwrap().text_content().unwrap();
    assert_eq!(status, "1 party, 1 position found.");
}

#[wasm_bindgen_test]
async fn initial_text_is_analysed_and_cells_without_position_say_so() {
    let root = mount(Some("The Kremlin said it was studying the ceasefire proposal."));
    until(|| stance(&root, "russia", "ceasefire").is_some()).await;
    assert_eq!(stance(&root, "russia", "ceasefire").as_deref(), Some("considering"));
    let empty = root.query_selector("td.fg-cell-empty").unwrap().unwrap();
    assert!(empty.text_content().unwrap().contains("None found"));
}

#[wasm_bindgen_test]
async fn clearing_empties_the_text_and_the_grid() {
    let root = mount(Some("Moscow rejected the truce."));
    until(|| stance(&root, "russia", "ceasefire").is_some()).await;
    assert!(stance(&root, "russia", "ceasefire").is_some());
    let buttons = root.query_selector_all("button").unwrap();
    let clear = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some("Clear"))
        .unwrap();
    clear.click();
    settle(50).await;
    assert_eq!(stance(&root, "russia", "ceasefire"), None);
    let area: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(area.value(), "");
}
