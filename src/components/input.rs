//! The input panel: the text box, file drop and choice, the example and
//! clear buttons, counts.
//!
//! A browser's text box becomes unusable with megabytes in it (Chromium
//! spends seconds laying out a 20 MB textarea on every key), so the box
//! holds at most [`BOX_BYTES`] of the text: the head, which the reader can
//! edit. The rest, the tail, is kept as it is and joined back on every
//! edit, so nothing is lost and everything is analysed. A large paste is
//! taken over from the browser and spliced in the same way.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The most text the box itself holds, in bytes.
pub const BOX_BYTES: usize = 200 * 1024;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The current text.
    pub text: AttrValue,
    /// Changes when `text` was replaced from outside the box: only then is
    /// the box rewritten.
    pub revision: u32,
    /// Its length in characters.
    pub chars: usize,
    /// Number of sentences in the last analysis.
    pub sentences: usize,
    /// The reader edited the text; `true` when it should be analysed at
    /// once (a paste).
    pub on_edit: Callback<(String, bool)>,
    /// The text was replaced wholesale (a large paste).
    pub on_replace: Callback<String>,
    /// A file was dropped or chosen.
    pub on_file: Callback<web_sys::File>,
    /// Load the example article (no button when absent).
    #[prop_or_default]
    pub on_example: Option<Callback<()>>,
    /// Clear the text.
    pub on_clear: Callback<()>,
}

/// The byte length of the head of `text` the box shows (on a char boundary).
pub fn head_len(text: &str) -> usize {
    if text.len() <= BOX_BYTES {
        return text.len();
    }
    let mut cut = BOX_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

/// The article input.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let pasted = use_mut_ref(|| false);
    let dragging = use_state(|| false);
    let area_ref = use_node_ref();
    // The part of the text beyond the box, kept out of the DOM.
    let tail: Rc<RefCell<AttrValue>> = use_mut_ref(AttrValue::default);
    {
        let area_ref = area_ref.clone();
        let text = props.text.clone();
        let tail = tail.clone();
        use_effect_with(props.revision, move |_| {
            let head = head_len(&text);
            *tail.borrow_mut() = AttrValue::from(text[head..].to_string());
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                area.set_value(&text[..head]);
            }
        });
    }
    let on_paste = {
        let pasted = pasted.clone();
        let tail = tail.clone();
        let on_replace = props.on_replace.clone();
        Callback::from(move |e: Event| {
            *pasted.borrow_mut() = true;
            let Some(e) = e.dyn_ref::<ClipboardEvent>() else { return };
            let Some(data) = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let value = area.value();
            if data.len() + value.len() + tail.borrow().len() <= BOX_BYTES {
                return; // the browser pastes it, as usual
            }
            // Too large for the box: splice it in ourselves.
            e.prevent_default();
            let (start, end) = selection(&area, &value);
            let mut text = String::with_capacity(value.len() + data.len() + tail.borrow().len());
            text.push_str(&value[..start]);
            text.push_str(&data);
            text.push_str(&value[end..]);
            text.push_str(&tail.borrow());
            *pasted.borrow_mut() = false;
            on_replace.emit(text);
        })
    };
    let on_input = {
        let on_edit = props.on_edit.clone();
        let tail = tail.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let immediate = std::mem::take(&mut *pasted.borrow_mut());
            let mut text = area.value();
            text.push_str(&tail.borrow());
            on_edit.emit((text, immediate));
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let on_file = props.on_file.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            let file = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
            if let Some(file) = file {
                // A dropped file replaces the text; dropped text falls through
                // to the browser's own handling.
                e.prevent_default();
                on_file.emit(file);
            }
        })
    };
    let on_choose = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
            input.set_value("");
        })
    };
    let on_example = props.on_example.clone().map(|cb| cb.reform(|_: MouseEvent| ()));
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    let chars = props.chars;
    let head = head_len(&props.text);
    html! {
        <section class="fg-input" aria-labelledby="fg-input-title">
            <h2 id="fg-input-title" class="fg-panel-title">{"Your text"}</h2>
            <label for="fg-text" class="fg-visually-hidden">{"Article text"}</label>
            <textarea id="fg-text" class={classes!("fg-textarea", dragging.then_some("fg-dragging"))} spellcheck="false"
                placeholder="Paste a news article here, or drop a .txt, .md or .html file…"
                ref={area_ref} oninput={on_input} onpaste={on_paste}
                ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop} />
            if head < props.text.len() {
                <p class="fg-tail-note">
                    {format!(
                        "The box shows the first {} KB of this {} MB text; the rest is kept and analysed as it is.",
                        head / 1024,
                        crate::state::megabytes(props.text.len())
                    )}
                </p>
            }
            <div class="fg-input-bar">
                if let Some(onclick) = on_example {
                    <button type="button" class="fg-button" {onclick}>{"Try an example"}</button>
                }
                <label class="fg-button fg-button-quiet fg-file">
                    {"Open a file…"}
                    <input type="file" class="fg-visually-hidden" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                        onchange={on_choose} />
                </label>
                <button type="button" class="fg-button fg-button-quiet" onclick={on_clear}
                    disabled={props.text.is_empty()}>{"Clear"}</button>
                <span class="fg-counts">{format!(
                    "{chars} character{} · {} sentence{}",
                    if chars == 1 { "" } else { "s" },
                    props.sentences,
                    if props.sentences == 1 { "" } else { "s" }
                )}</span>
            </div>
        </section>
    }
}

/// The selection of the box as byte offsets into `value` (the DOM counts
/// UTF-16 units).
fn selection(area: &HtmlTextAreaElement, value: &str) -> (usize, usize) {
    let to_byte = |units: Option<u32>| -> usize {
        let Some(units) = units else { return value.len() };
        let mut seen = 0u32;
        for (i, c) in value.char_indices() {
            if seen >= units {
                return i;
            }
            seen += c.len_utf16() as u32;
        }
        value.len()
    };
    let start = to_byte(area.selection_start().ok().flatten());
    let end = to_byte(area.selection_end().ok().flatten()).max(start);
    (start, end)
}
