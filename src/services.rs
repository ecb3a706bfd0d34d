//! Side effects as plain async functions: reading files, making
//! permalinks, exporting the report. The hooks and the app call these;
//! they know nothing about components.

use factgrid_engine::Report;

use crate::components::export::ExportKind;
use crate::state::{megabytes, MAX_TEXT_BYTES};

/// Read a dropped or chosen file: text as it is, HTML reduced to its text.
/// Files that are too large or not text are refused with a reason, and the
/// current text stays.
pub async fn load_file(file: &web_sys::File) -> Result<String, String> {
    let name = file.name();
    let size = file.size().max(0.0) as usize;
    if size > MAX_TEXT_BYTES {
        return Err(format!(
            "{name} is {} MB; factgrid reads files up to {} MB. Your current text is unchanged.",
            megabytes(size),
            MAX_TEXT_BYTES / 1048576
        ));
    }
    let raw = crate::glue::read_file(file)
        .await
        .map_err(|e| format!("{name}: {e}. Your current text is unchanged."))?;
    let bad = raw.chars().filter(|&c| c == '\u{fffd}' || (c.is_control() && !c.is_whitespace())).count();
    if bad > 0 && bad * 20 > raw.chars().count().max(1) {
        return Err(format!(
            "{name} does not look like text (binary data?). Your current text is unchanged."
        ));
    }
    let lower = name.to_ascii_lowercase();
    Ok(if lower.ends_with(".html") || lower.ends_with(".htm") || file.type_() == "text/html" {
        factgrid_engine::html_to_text(&raw)
    } else {
        raw
    })
}

/// Put the text, compressed, in the URL fragment (never sent to a server)
/// and return the full link.
pub async fn permalink(text: &str) -> Option<String> {
    let data = crate::glue::compress(text).await?;
    let location = gloo::utils::window().location();
    let base = location.href().ok()?;
    let base = base.split('#').next().unwrap_or_default().to_string();
    let url = format!("{base}{}{data}", crate::glue::FRAGMENT_KEY);
    let _ = gloo::utils::window().history().ok()?.replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&url),
    );
    Some(url)
}

/// Carry out an export of `report` (made from `text`); resolves to the
/// confirmation to show.
pub async fn export(kind: ExportKind, report: &Report, text: &str) -> &'static str {
    match kind {
        ExportKind::Markdown => {
            if crate::glue::copy(&report.to_markdown()).await {
                "The grid was copied as Markdown."
            } else {
                "The clipboard is not available here; use a download instead."
            }
        }
        ExportKind::Json => {
            let json = serde_json::to_string_pretty(report).unwrap_or_default();
            crate::glue::download_text("factgrid-report.json", "application/json", &json);
            "The report was downloaded as JSON."
        }
        ExportKind::Csv => {
            crate::glue::download_text("factgrid-grid.csv", "text/csv", &report.to_csv());
            "The grid was downloaded as CSV."
        }
        ExportKind::Link => match permalink(text).await {
            Some(url) => {
                if crate::glue::copy(&url).await {
                    "A link with the text was copied. It stays in the link: nothing is uploaded."
                } else {
                    "The link is in the address bar (the clipboard is not available here)."
                }
            }
            None => "This browser cannot make a link.",
        },
    }
}
