//! The stance badge: words, colour and an icon, never colour alone.

use yew::prelude::*;

/// The icon and the reader-facing word for a stance label.
pub fn stance_look(stance: &str) -> (&'static str, &'static str) {
    match stance {
        "proposes" => ("\u{2794}", "Proposes"),
        "supports" => ("\u{2713}", "Supports"),
        "conditional" => ("\u{2248}", "Conditional"),
        "opposes" => ("\u{2715}", "Opposes"),
        "demands" => ("!", "Demands"),
        "questions" => ("?", "Questions"),
        "considering" => ("\u{2026}", "Considering"),
        "acts" => ("\u{2691}", "Acts"),
        _ => ("\u{00b7}", "Unclear"),
    }
}

/// A badge such as `✕ Opposes`. (A plain function, not a component: it
/// has no state, and each component type costs the bundle about a
/// kilobyte of Yew's machinery.)
pub fn stance_badge(stance: &str) -> Html {
    let (icon, word) = stance_look(stance);
    html! {
        <span class={classes!("fg-badge", format!("fg-stance-{stance}"))}>
            <span class="fg-badge-icon" aria-hidden="true">{icon}</span>
            {word}
        </span>
    }
}
