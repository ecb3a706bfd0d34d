//! Keeping the text in localStorage between visits.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{Action, Notice, Place, SameText, State};

/// Where the text is kept between visits.
pub const STORAGE_KEY: &str = "factgrid:text";
/// The largest text kept in localStorage (its quota is a few MB).
pub const STORAGE_BYTES: usize = 2 * 1024 * 1024;
/// How long after the last change the text is saved, in ms (not on every key).
const SAVE_DELAY_MS: u32 = 500;

/// The text saved in this browser, if any.
pub fn saved_text() -> Option<String> {
    storage::load()
}

/// Save the state's text after every pause in its changes, when `persist`.
/// A storage failure (quota, private mode, a text too large) is reported
/// quietly, once per failed save; the text stays on the page.
#[hook]
pub fn use_persisted_text(persist: bool, state: &UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
    let save_timer = use_mut_ref(|| None::<Timeout>);
    use_effect_with(SameText(state.text.clone()), move |text| {
        if persist {
            let text = text.0.clone();
            *save_timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                let saved = if text.is_empty() {
                    storage::delete();
                    Ok(())
                } else if text.len() > STORAGE_BYTES {
                    storage::delete();
                    Err(())
                } else {
                    storage::save(&text)
                };
                if saved.is_err() {
                    let text = "This text is not kept in the browser (too large, or storage is off); it stays on this page until you close it.";
                    dispatcher
                        .dispatch(Action::Notice(Some(Notice { text: text.into(), place: Place::Input })));
                }
            }));
        }
    });
}

/// The text kept in localStorage, as a plain string. Every failure (storage
/// disabled, quota, private mode) is an `Err`/`None`, never a panic.
mod storage {
    use super::STORAGE_KEY;

    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    pub fn load() -> Option<String> {
        local()?.get_item(STORAGE_KEY).ok()?
    }

    pub fn save(text: &str) -> Result<(), ()> {
        local().ok_or(())?.set_item(STORAGE_KEY, text).map_err(|_| ())
    }

    pub fn delete() {
        if let Some(s) = local() {
            let _ = s.remove_item(STORAGE_KEY);
        }
    }
}
