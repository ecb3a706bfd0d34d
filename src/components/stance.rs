//! The stance badge: words, colour and an icon, never colour alone.

use yew::prelude::*;

use crate::i18n::Ui;

/// A badge such as `✕ Opposes`, in the interface language `ui` (the class
/// keeps the stance's id). (A plain function, not a component: it has no
/// state, and each component type costs the bundle about a kilobyte of
/// Yew's machinery.)
pub fn stance_badge(stance: &str, ui: Ui) -> Html {
    let (icon, word) = ui.stance(stance);
    html! {
        <span class={classes!("fg-badge", format!("fg-stance-{stance}"))}>
            <span class="fg-badge-icon" aria-hidden="true">{icon}</span>
            {word}
        </span>
    }
}
