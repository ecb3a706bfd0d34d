//! The input panel: the text box, the file chooser, the example, clear
//! and undo buttons, counts and confirmations.
//!
//! A browser's text box becomes unusable with megabytes in it (Chromium
//! spends seconds laying out a 20 MB textarea on every key), so the box
//! holds at most [`BOX_BYTES`] of the text: the head. The rest, the tail,
//! is kept out of the DOM and analysed with it. So that typing can never
//! splice words into the middle of a large text unawares, the box of a
//! large text is read-only until the reader asks to edit its head, and
//! the note under it says which part is edited. Selecting the whole box
//! and deleting, typing or pasting acts on the whole text, tail included.
//! While the head of a large text is edited, the text is joined up after
//! a pause in typing, not on every key.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::hooks::DEBOUNCE_MS;
use crate::i18n::{Key, Ui};
use crate::state::{megabytes, SameText};

/// The most text the box itself holds, in bytes.
pub const BOX_BYTES: usize = 64 * 1024;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The current text.
    pub text: SameText,
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
    /// A large paste was spliced into the text.
    pub on_replace: Callback<String>,
    /// The reader replaced the whole text from the box (select all, then
    /// type, paste or delete): undoable.
    pub on_replace_all: Callback<String>,
    /// A web page was pasted: the text with it reduced to its article, and
    /// the engine's notice of what was removed (undoable).
    pub on_page: Callback<(String, String)>,
    /// Files were chosen.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// The head of a large text is editable (else the box is read-only).
    pub editing: bool,
    /// The reader asked to edit the head of a large text.
    pub on_edit_head: Callback<()>,
    /// Load the example article (no button when absent).
    #[prop_or_default]
    pub on_example: Option<Callback<()>>,
    /// Clear the text.
    pub on_clear: Callback<()>,
    /// A confirmation of what the buttons or a drop did.
    #[prop_or_default]
    pub notice: Option<String>,
    /// Bring back the text the last Clear or replacement discarded (no
    /// Undo button when absent).
    #[prop_or_default]
    pub on_undo: Option<Callback<()>>,
    /// The interface language.
    pub ui: Ui,
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

/// `value` with `start..end` replaced by `data`, then `tail`.
pub fn splice(value: &str, (start, end): (usize, usize), data: &str, tail: &str) -> String {
    let mut text = String::with_capacity(value.len() + data.len() + tail.len());
    text.push_str(&value[..start]);
    text.push_str(data);
    text.push_str(&value[end..]);
    text.push_str(tail);
    text
}

/// The text beyond the box: a slice of the text as it was last written
/// into the box (shared, not copied).
#[derive(Default)]
struct Tail {
    text: AttrValue,
    start: usize,
}

impl Tail {
    fn get(&self) -> &str {
        self.text.get(self.start..).unwrap_or("")
    }
}

/// The article input.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let pasted = use_mut_ref(|| false);
    // The next edit acts on the whole text: the whole box was selected.
    let whole = use_mut_ref(|| false);
    let pending = use_mut_ref(|| None::<Timeout>);
    let area_ref = use_node_ref();
    let tail: Rc<RefCell<Tail>> = use_mut_ref(Tail::default);
    {
        let (area_ref, tail, pending) = (area_ref.clone(), tail.clone(), pending.clone());
        let text = props.text.0.clone();
        use_effect_with(props.revision, move |_| {
            // An edit not yet joined up belongs to the text that was replaced.
            pending.borrow_mut().take();
            let head = head_len(&text);
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                area.set_value(&text[..head]);
            }
            *tail.borrow_mut() = Tail { text, start: head };
        });
    }
    let large = !tail.borrow().get().is_empty();
    let whole_box = crate::glue::whole_selected;
    let on_keydown = {
        let (whole, tail, on_clear) = (whole.clone(), tail.clone(), props.on_clear.clone());
        Callback::from(move |e: KeyboardEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let all = !tail.borrow().get().is_empty() && whole_box(&area);
            *whole.borrow_mut() = all;
            if all && matches!(e.key().as_str(), "Delete" | "Backspace") {
                e.prevent_default();
                on_clear.emit(());
            }
        })
    };
    let on_paste = {
        let (pasted, tail, whole) = (pasted.clone(), tail.clone(), whole.clone());
        let (on_replace, on_replace_all) = (props.on_replace.clone(), props.on_replace_all.clone());
        let (on_page, ui) = (props.on_page.clone(), props.ui);
        Callback::from(move |e: Event| {
            *pasted.borrow_mut() = true;
            let Some(data) = crate::glue::pasted_string(&e) else { return };
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let tail = tail.borrow();
            let all = !tail.get().is_empty() && whole_box(&area);
            *whole.borrow_mut() = false;
            if area.read_only() && !all {
                // Read-only: only a paste over the whole text is taken.
                e.prevent_default();
                return;
            }
            let value = area.value();
            // (A UTF-16 unit is at most 3 bytes of UTF-8.)
            let small = (data.length() as usize <= BOX_BYTES).then(|| String::from(&data));
            if let Some(text) = small.as_ref().filter(|_| !all) {
                let fits = text.len() + value.len() + tail.get().len() <= BOX_BYTES;
                if fits && !factgrid_engine::looks_like_html(text) {
                    return; // the browser pastes it, as usual
                }
            }
            // Too large for the box, a web page, or over the whole text:
            // taken here, a large paste converted in slices (see
            // `glue::utf8`), a web page reduced to its article.
            e.prevent_default();
            *pasted.borrow_mut() = false;
            let (on_replace, on_replace_all) = (on_replace.clone(), on_replace_all.clone());
            let on_page = on_page.clone();
            let (rest, at, range) = (tail.text.clone(), tail.start, selection(&area, &value));
            crate::glue::spawn(async move {
                let data = match small {
                    Some(text) => text,
                    None => crate::glue::utf8(data).await,
                };
                let (data, notice) = match crate::services::reduce_page(&data, ui) {
                    Some((text, notice)) => (text, Some(notice)),
                    None => (data, None),
                };
                let text = match all {
                    true => data,
                    false => splice(&value, range, &data, rest.get(at..).unwrap_or("")),
                };
                match notice {
                    Some(notice) => on_page.emit((text, notice)),
                    None if all => on_replace_all.emit(text),
                    None => on_replace.emit(text),
                }
            });
        })
    };
    let on_input = {
        let (on_edit, on_replace_all) = (props.on_edit.clone(), props.on_replace_all.clone());
        let (tail, pending) = (tail.clone(), pending.clone());
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let at_once = std::mem::take(&mut *pasted.borrow_mut());
            if std::mem::take(&mut *whole.borrow_mut()) {
                pending.borrow_mut().take();
                on_replace_all.emit(area.value());
            } else if tail.borrow().get().is_empty() {
                on_edit.emit((area.value(), at_once));
            } else {
                // The head of a large text: joined up after a pause, so
                // that a key costs next to nothing.
                let (on_edit, tail) = (on_edit.clone(), tail.clone());
                *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                    let mut text = area.value();
                    text.push_str(tail.borrow().get());
                    on_edit.emit((text, true));
                }));
            }
        })
    };
    let on_choose = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_files.emit(vec![file]);
            }
            input.set_value("");
        })
    };
    let on_edit_head = {
        let (on_edit_head, area_ref) = (props.on_edit_head.clone(), area_ref.clone());
        Callback::from(move |_: MouseEvent| {
            on_edit_head.emit(());
            if let Some(area) = area_ref.cast::<web_sys::HtmlElement>() {
                let _ = area.focus();
            }
        })
    };
    let on_example = props.on_example.clone().map(|cb| cb.reform(|_: MouseEvent| ()));
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    let chars = props.chars;
    let text = &props.text.0;
    let head_kb = (head_len(text) / 1024).to_string();
    let ui = props.ui;
    html! {
        <section class="fg-input" aria-labelledby="fg-input-title">
            <h2 id="fg-input-title" class="fg-panel-title">{ui.get(Key::InputTitle)}</h2>
            <label for="fg-text" class="fg-visually-hidden">{ui.get(Key::ArticleText)}</label>
            <textarea id="fg-text" class="fg-textarea" spellcheck="false" readonly={large && !props.editing}
                aria-describedby={large.then_some("fg-tail-note")}
                placeholder={ui.get(Key::Placeholder)}
                ref={area_ref} oninput={on_input} onpaste={on_paste} onkeydown={on_keydown} />
            if large {
                <p class="fg-tail-note" id="fg-tail-note">
                if props.editing {
                    {ui.fill(Key::TailEditing, &[&head_kb, &megabytes(text.len().saturating_sub(head_len(text)))])}
                } else {
                    {ui.fill(Key::TailReadOnly, &[&megabytes(text.len()), &head_kb])}
                    <button type="button" class="fg-button fg-button-quiet" onclick={on_edit_head}>
                        {ui.fill(Key::EditHead, &[&head_kb])}
                    </button>
                }
                </p>
            }
            <div class="fg-input-bar">
                if let Some(onclick) = on_example {
                    <button type="button" class="fg-button" {onclick}>{ui.get(Key::TryExample)}</button>
                }
                <label class="fg-button fg-button-quiet fg-file">
                    {ui.get(Key::OpenFile)}
                    <input type="file" class="fg-visually-hidden" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                        onchange={on_choose} />
                </label>
                <button type="button" class="fg-button fg-button-quiet" onclick={on_clear}
                    disabled={text.is_empty()}>{ui.get(Key::Clear)}</button>
                <span class="fg-counts">{format!(
                    "{} · {}",
                    ui.count(Key::Characters, chars),
                    ui.count(Key::Sentences, props.sentences)
                )}</span>
            </div>
            <p class="fg-notice" aria-live="polite">
                {props.notice.clone().unwrap_or_default()}
                if let Some(cb) = &props.on_undo {
                    {" "}<button type="button" class="fg-button fg-button-quiet" onclick={cb.reform(|_: MouseEvent| ())}>{ui.get(Key::Undo)}</button>
                }
            </p>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_ends_on_a_character_boundary() {
        assert_eq!(head_len("short"), 5);
        let text = format!("{}é and more", "a".repeat(BOX_BYTES - 1));
        assert_eq!(head_len(&text), BOX_BYTES - 1, "é straddles the limit");
        assert!(text.is_char_boundary(head_len(&text)));
    }

    #[test]
    fn a_splice_keeps_the_tail() {
        assert_eq!(splice("Kyiv said no.", (5, 9), "agreed", " Tail."), "Kyiv agreed no. Tail.");
        assert_eq!(splice("", (0, 0), "pasted", ""), "pasted");
    }
}
