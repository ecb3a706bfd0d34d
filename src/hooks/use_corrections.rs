//! The reader's corrections ([`crate::corrections`]) kept with the text:
//! in localStorage beside it, brought up to date with every analysis.

use std::rc::Rc;

use yew::prelude::*;

use crate::corrections::{hash, sentence_hashes, text_key, Correct, Corrections, MAX_BYTES};
use crate::state::{SameText, SharedReport};

/// Where the corrections are kept between visits.
pub const STORAGE_KEY: &str = "factgrid:corrections";

/// The corrections, and the hashes of the shown report's sentences.
pub struct CorrectionsHandle {
    /// The corrections.
    pub fixes: UseReducerHandle<Corrections>,
    /// The hashes of the report's sentences.
    pub hashes: Rc<Vec<u32>>,
    /// When the shown report was made (ISO 8601), read when needed.
    pub analysed_at: Rc<std::cell::RefCell<Rc<str>>>,
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
    // The sentences are hashed in a task of their own after the render
    // (a megabyte takes tens of milliseconds): the grid shows at once.
    let hashes = use_state(|| Rc::new(Vec::<u32>::new()));
    let generation = use_mut_ref(|| 0u32);
    // (Read when the task runs, not as they were at the render.)
    let empty = use_mut_ref(|| true);
    *empty.borrow_mut() = fixes.save().is_empty() && fixes.pending.is_none() && hashes.is_empty();
    let analysed_at = use_mut_ref(|| Rc::<str>::from(""));
    {
        let (d, hashes, at) = (fixes.dispatcher(), hashes.clone(), analysed_at.clone());
        use_effect_with((report, text), move |(report, text)| {
            let this = {
                let mut g = generation.borrow_mut();
                *g = g.wrapping_add(1);
                *g
            };
            let Some(report) = report.clone() else { return };
            let text = text.0.clone();
            crate::glue::spawn(async move {
                crate::glue::yield_to_page().await;
                if *generation.borrow() != this {
                    return;
                }
                // (A text too large to correct: no hashes, and a key that
                // drops the corrections of the text before.)
                let small = text.len() <= MAX_BYTES;
                let new = if small { sentence_hashes(&report, &text) } else { Vec::new() };
                let key = if small { text_key(&new) } else { hash(&text.len().to_string()) };
                *at.borrow_mut() = String::from(js_sys::Date::new_0().to_iso_string()).into();
                // A text too large to correct, with nothing to drop: nothing
                // changes (rendering a report of megabytes again is not free).
                if !small && *empty.borrow() {
                    return;
                }
                d.dispatch(Correct::Rebase { text: key, sentences: new.clone() });
                hashes.set(Rc::new(new));
            });
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
    CorrectionsHandle { fixes, hashes: (*hashes).clone(), analysed_at }
}
