//! `#text=…` permalinks: the text, compressed, in the URL fragment (which
//! browsers never send to a server).

use yew::prelude::*;

use super::AnalysisHandle;
use crate::state::{Action, MAX_TEXT_BYTES};

/// When `enabled`, open the text a `#text=` link carries (once, on mount).
#[hook]
pub fn use_permalink(enabled: bool, analysis: &AnalysisHandle) {
    let analysis = analysis.clone();
    use_effect_with((), move |_| {
        let hash =
            if enabled { gloo::utils::window().location().hash().unwrap_or_default() } else { String::new() };
        if let Some(data) = hash.strip_prefix(crate::glue::FRAGMENT_KEY).map(str::to_string) {
            wasm_bindgen_futures::spawn_local(async move {
                match crate::glue::decompress(&data, MAX_TEXT_BYTES).await {
                    Some(text) => analysis.replace(text.into()),
                    None => analysis.dispatch(Action::Message(Some(
                        "The link's text could not be read (it may be cut short); your saved text is shown instead."
                            .into(),
                    ))),
                }
            });
        }
    });
}
