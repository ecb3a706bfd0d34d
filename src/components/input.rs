//! The input panel: the text box, the example and clear buttons, counts.

use web_sys::HtmlTextAreaElement;
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
    /// Load the example article.
    pub on_example: Callback<()>,
    /// Clear the text.
    pub on_clear: Callback<()>,
}

/// The article input.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let pasted = use_mut_ref(|| false);
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
    let on_example = props.on_example.reform(|_: MouseEvent| ());
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    let chars = props.text.chars().count();
    html! {
        <section class="fg-input" aria-labelledby="fg-input-title">
            <h2 id="fg-input-title" class="fg-panel-title">{"Your text"}</h2>
            <label for="fg-text" class="fg-visually-hidden">{"Article text"}</label>
            <textarea id="fg-text" class="fg-textarea" spellcheck="false"
                placeholder="Paste a news article here…"
                value={props.text.clone()} oninput={on_input} onpaste={on_paste} />
            <div class="fg-input-bar">
                <button type="button" class="fg-button" onclick={on_example}>{"Try an example"}</button>
                <button type="button" class="fg-button fg-button-quiet" onclick={on_clear}
                    disabled={props.text.is_empty()}>{"Clear"}</button>
                <span class="fg-counts">{format!("{chars} characters · {} sentences", props.sentences)}</span>
            </div>
        </section>
    }
}
