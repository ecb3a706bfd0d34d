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

/// The export buttons, with the confirmation of the last export under
/// them (`link`: offer the permalink button). A plain function: it has no
/// state (see [`super::stance::stance_badge`]).
pub fn export_bar(on_export: &Callback<ExportKind>, link: bool, notice: Option<String>) -> Html {
    let button = |kind: ExportKind, label: &'static str| {
        let onclick = on_export.reform(move |_: MouseEvent| kind);
        html! { <button type="button" class="fg-button fg-button-quiet" {onclick}>{label}</button> }
    };
    html! {
        <>
            <div class="fg-export" role="group" aria-label="Export and share">
                { button(ExportKind::Markdown, "Copy as Markdown") }
                { button(ExportKind::Json, "Download JSON") }
                { button(ExportKind::Csv, "Download CSV") }
                if link {
                    { button(ExportKind::Link, "Copy link") }
                }
            </div>
            <p class="fg-notice" aria-live="polite">{notice.unwrap_or_default()}</p>
        </>
    }
}
