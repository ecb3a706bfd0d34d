//! The input panel: the text box, file drop and choice, the example and
//! clear buttons, counts.

use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The current text.
    pub text: AttrValue,
    /// Number of sentences in the last analysis.
    pub sentences: usize,
    /// The text changed; `true` when it should be analysed at once (paste).
    pub on_edit: Callback<(String, bool)>,
    /// A file was dropped or chosen.
    pub on_file: Callback<web_sys::File>,
    /// Load the example article.
    pub on_example: Callback<()>,
    /// Clear the text.
    pub on_clear: Callback<()>,
}

/// The article input.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let pasted = use_mut_ref(|| false);
    let dragging = use_state(|| false);
    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |_: Event| *pasted.borrow_mut() = true)
    };
    let on_input = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let immediate = std::mem::take(&mut *pasted.borrow_mut());
            on_edit.emit((area.value(), immediate));
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
    let on_example = props.on_example.reform(|_: MouseEvent| ());
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    let chars = props.text.chars().count();
    html! {
        <section class="fg-input" aria-labelledby="fg-input-title">
            <h2 id="fg-input-title" class="fg-panel-title">{"Your text"}</h2>
            <label for="fg-text" class="fg-visually-hidden">{"Article text"}</label>
            <textarea id="fg-text" class={classes!("fg-textarea", dragging.then_some("fg-dragging"))} spellcheck="false"
                placeholder="Paste a news article here, or drop a .txt, .md or .html file…"
                value={props.text.clone()} oninput={on_input} onpaste={on_paste}
                ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop} />
            <div class="fg-input-bar">
                <button type="button" class="fg-button" onclick={on_example}>{"Try an example"}</button>
                <label class="fg-button fg-button-quiet fg-file">
                    {"Open a file…"}
                    <input type="file" class="fg-visually-hidden" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                        onchange={on_choose} />
                </label>
                <button type="button" class="fg-button fg-button-quiet" onclick={on_clear}
                    disabled={props.text.is_empty()}>{"Clear"}</button>
                <span class="fg-counts">{format!("{chars} characters · {} sentences", props.sentences)}</span>
            </div>
        </section>
    }
}
