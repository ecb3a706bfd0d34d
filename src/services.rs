//! Side effects as plain async functions: reading files, making
//! permalinks, exporting the report. The hooks and the app call these;
//! they know nothing about components.

use factgrid_engine::Report;

use crate::components::export::ExportKind;
use crate::i18n::{Key, Ui};
use crate::state::{megabytes, MAX_TEXT_BYTES};

/// Where a text that replaces the reader's comes from.
pub enum Source {
    /// Files dropped or chosen: the first is opened, the others are named
    /// (the app adds them as articles to compare).
    Files(Vec<web_sys::File>),
    /// The example article, at this URL.
    Example(yew::AttrValue),
}

/// The text from `source` and a confirmation that says what was opened
/// (and which files were not); the error says why the text stays as it is.
/// Both in the interface language `ui`.
pub async fn open(source: Source, ui: Ui) -> Result<(String, String), String> {
    let files = match source {
        Source::Files(files) => files,
        Source::Example(url) => {
            let text = crate::glue::fetch_text(&url).await.ok_or(ui.get(Key::ExampleFailed))?;
            return Ok((text, ui.get(Key::ExampleLoaded).into()));
        }
    };
    let Some((first, rest)) = files.split_first() else { return Err(ui.get(Key::NoFile).into()) };
    let (text, told) = load_file(first, ui).await?;
    let mut notice = ui.fill(Key::Opened, &[&first.name()]);
    if !told.is_empty() {
        notice.push(' ');
        notice.push_str(&told);
    }
    if !rest.is_empty() {
        let names: Vec<String> = rest.iter().map(|f| f.name()).collect();
        notice.push_str(&ui.fill(Key::NotOpened, &[&names.join(", ")]));
    }
    Ok((text, notice))
}

/// Read a dropped or chosen file through the engine's loader
/// ([`factgrid_engine::load`]): decoded (a Latin-1 or Windows-1251 file
/// too), a web page reduced to its article. Resolves to the text and the
/// engine's notices (how it was decoded, what was removed), joined. Files
/// that are too large or not text are refused with a reason, and the
/// current text stays. (The reasons are in `ui`; the engine's notices, in
/// English.)
pub async fn load_file(file: &web_sys::File, ui: Ui) -> Result<(String, String), String> {
    let name = file.name();
    let size = file.size().max(0.0) as usize;
    if size > MAX_TEXT_BYTES {
        let limit = (MAX_TEXT_BYTES / 1048576).to_string();
        return Err(ui.fill(Key::FileTooLarge, &[&name, &megabytes(size), &limit]));
    }
    let bytes = crate::glue::read_file(file).await.map_err(|e| ui.fill(Key::FileUnreadable, &[&name, &e]))?;
    let type_ = file.type_();
    let format = factgrid_engine::Format::of_file(&name, (!type_.is_empty()).then_some(type_.as_str()));
    let doc =
        factgrid_engine::load(&bytes, format).map_err(|e| ui.fill(Key::NotText, &[&name, &e.to_string()]))?;
    Ok((doc.text, doc.notices.join(" ")))
}

/// A pasted web page (its source, as text) reduced to its article by the
/// engine ([`factgrid_engine::reduce`]), with the engine's notice of what
/// was removed (introduced in `ui`); `None` when `text` is not a web page.
pub fn reduce_page(text: &str, ui: Ui) -> Option<(String, String)> {
    if !factgrid_engine::looks_like_html(text) {
        return None;
    }
    let page = factgrid_engine::reduce(text);
    let notice = ui.fill(Key::PastedPage, &[&page.notice()]);
    Some((page.text, notice))
}

/// Carry out an export of `report` (made from `text`); resolves to the
/// confirmation to show, in `ui`.
pub async fn export(kind: ExportKind, report: &Report, text: &str, ui: Ui) -> &'static str {
    ui.get(match kind {
        ExportKind::Markdown => {
            if crate::glue::copy(&report.to_markdown()).await {
                Key::CopiedMarkdown
            } else {
                Key::NoClipboard
            }
        }
        ExportKind::Json => {
            // Indented in the browser: `Report::to_json` writes the compact
            // JSON without serde's machinery in the bundle.
            let json = report.to_json();
            crate::glue::download_json("factgrid-report.json", &json);
            Key::DownloadedJson
        }
        ExportKind::Csv => {
            crate::glue::download_text("factgrid-grid.csv", "text/csv", &report.to_csv());
            Key::DownloadedCsv
        }
        ExportKind::Link => match crate::glue::permalink(text).await {
            Some(url) => {
                if crate::glue::copy(&url).await {
                    Key::CopiedLink
                } else {
                    Key::LinkNoClipboard
                }
            }
            None => Key::NoLink,
        },
    })
}
