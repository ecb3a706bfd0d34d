//! Export and share: Markdown to the clipboard, JSON and CSV downloads, a
//! permalink that carries the text in the URL fragment.

use yew::prelude::*;

/// What the reader asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// Copy the grid as Markdown.
    Markdown,
    /// Download the report as JSON.
    Json,
    /// Download the grid as CSV.
    Csv,
    /// Copy a link that restores the text.
    Link,
}

/// Props of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// An export was requested.
    pub on_export: Callback<ExportKind>,
    /// Offer the permalink button.
    #[prop_or(true)]
    pub link: bool,
}

/// The export buttons.
#[component]
pub fn ExportBar(props: &ExportProps) -> Html {
    let button = |kind: ExportKind, label: &'static str| {
        let onclick = props.on_export.reform(move |_: MouseEvent| kind);
        html! { <button type="button" class="fg-button fg-button-quiet" {onclick}>{label}</button> }
    };
    html! {
        <div class="fg-export" role="group" aria-label="Export and share">
            { button(ExportKind::Markdown, "Copy as Markdown") }
            { button(ExportKind::Json, "Download JSON") }
            { button(ExportKind::Csv, "Download CSV") }
            if props.link {
                { button(ExportKind::Link, "Copy link") }
            }
        </div>
    }
}
