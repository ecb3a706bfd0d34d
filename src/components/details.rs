//! The article's details (headline, outlet, date, URL): filled in from
//! what the engine detects in the text, changed by the reader, used in
//! citations and exports.

use yew::prelude::*;

use crate::corrections::{Correct, Field};
use crate::exports::Details;
use crate::i18n::{Key, Ui};

/// The four fields, each showing the reader's value or the detected one.
/// A plain function (see [`super::stance::stance_badge`]).
pub fn details_panel(shown: &Details, on_correct: &Callback<Correct>, ui: Ui) -> Html {
    let field = |f: Field, key: Key, value: &str, kind: &'static str| {
        let onchange = on_correct.reform(move |e: Event| {
            Correct::Meta(f, e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        });
        let id = format!("fg-meta-{f:?}").to_lowercase();
        html! {
            <div class="fg-meta-row">
                <label for={id.clone()}>{ui.get(key)}</label>
                <input {id} type={kind} class="fg-input" value={value.to_string()} {onchange} />
            </div>
        }
    };
    html! {
        <details class="fg-details">
            <summary>{ui.get(Key::Details)}</summary>
            <p class="fg-more">{ui.get(Key::DetailsHint)}</p>
            { field(Field::Headline, Key::Headline, &shown.headline, "text") }
            { field(Field::Outlet, Key::Outlet, &shown.outlet, "text") }
            { field(Field::Date, Key::DateField, &shown.date, "text") }
            { field(Field::Url, Key::Url, &shown.url, "url") }
        </details>
    }
}
