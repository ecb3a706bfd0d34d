//! Export and share: Markdown to the clipboard, JSON and CSV downloads, a
//! permalink that carries the text in the URL fragment.

use yew::prelude::*;

use crate::i18n::{Key, Ui};

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
/// state (see [`super::stance::stance_badge`]). Its words are in `ui`.
pub fn export_bar(on_export: &Callback<ExportKind>, link: bool, notice: Option<String>, ui: Ui) -> Html {
    let button = |kind: ExportKind, label: Key| {
        let label = ui.get(label);
        let onclick = on_export.reform(move |_: MouseEvent| kind);
        html! { <button type="button" class="fg-button fg-button-quiet" {onclick}>{label}</button> }
    };
    html! {
        <>
            <div class="fg-export" role="group" aria-label={ui.get(Key::ExportGroup)}>
                { button(ExportKind::Markdown, Key::CopyMarkdown) }
                { button(ExportKind::Json, Key::DownloadJson) }
                { button(ExportKind::Csv, Key::DownloadCsv) }
                if link {
                    { button(ExportKind::Link, Key::CopyLink) }
                }
            </div>
            <p class="fg-notice" aria-live="polite">{notice.unwrap_or_default()}</p>
        </>
    }
}
