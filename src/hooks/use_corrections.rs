//! The reader's corrections ([`crate::corrections`]) kept with the text:
//! in localStorage beside it, brought up to date with every analysis.

use std::rc::Rc;

use yew::prelude::*;

use crate::corrections::{hash, sentence_hashes, Correct, Corrections};
use crate::state::{SameText, SharedReport};

/// Where the corrections are kept between visits.
pub const STORAGE_KEY: &str = "factgrid:corrections";

/// The corrections, and the hashes of the shown report's sentences.
pub struct CorrectionsHandle {
    /// The corrections.
    pub fixes: UseReducerHandle<Corrections>,
    /// The hashes of the report's sentences.
    pub hashes: Rc<Vec<u32>>,
    /// When the shown report was made (ISO 8601).
    pub analysed_at: Rc<str>,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The corrections (kept in this browser when `persist`; `link`: those a
/// link carried, waiting for its text), rebased on every new `report` of
/// `text`.
#[hook]
pub fn use_corrections(
    persist: bool,
    link: Option<AttrValue>,
    report: Option<SharedReport>,
    text: SameText,
) -> CorrectionsHandle {
    let fixes = use_reducer(move || {
        let kept = persist.then(|| local()?.get_item(STORAGE_KEY).ok()?).flatten();
        let mut c = kept.as_deref().and_then(Corrections::load).unwrap_or_default();
        c.pending = link.as_deref().and_then(Corrections::load).map(Box::new);
        c
    });
    let analysed = use_memo((report.clone(), text.clone()), |(report, text)| {
        let hashes = report.as_ref().map(|r| sentence_hashes(r, &text.0)).unwrap_or_default();
        let at: Rc<str> = String::from(js_sys::Date::new_0().to_iso_string()).into();
        (Rc::new(hashes), hash(&text.0), at, report.is_some())
    });
    {
        let d = fixes.dispatcher();
        let analysed = analysed.clone();
        use_effect_with((analysed.1, analysed.3), move |_| {
            if analysed.3 {
                d.dispatch(Correct::Rebase { text: analysed.1, sentences: analysed.0.to_vec() });
            }
        });
    }
    {
        let kept = fixes.save();
        use_effect_with(kept, move |kept| {
            if persist {
                if let Some(s) = local() {
                    let _ = match kept.is_empty() {
                        true => s.remove_item(STORAGE_KEY),
                        false => s.set_item(STORAGE_KEY, kept),
                    };
                }
            }
        });
    }
    CorrectionsHandle { fixes, hashes: analysed.0.clone(), analysed_at: analysed.2.clone() }
}
