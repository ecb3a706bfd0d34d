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

/// Props of [`StanceBadge`].
#[derive(Properties, PartialEq)]
pub struct StanceBadgeProps {
    /// One of the eight stance labels.
    pub stance: AttrValue,
}

/// A badge such as `✕ Opposes`.
#[component]
pub fn StanceBadge(props: &StanceBadgeProps) -> Html {
    let (icon, word) = stance_look(&props.stance);
    html! {
        <span class={classes!("fg-badge", format!("fg-stance-{}", props.stance))}>
            <span class="fg-badge-icon" aria-hidden="true">{icon}</span>
            {word}
        </span>
    }
}
