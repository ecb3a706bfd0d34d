//! Keeping the text in localStorage between visits.

use std::cell::RefCell;
use std::rc::Rc;

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
///
/// Two tabs never silently overwrite each other's text: when another tab
/// saves a different text (the `storage` event says so at once, and every
/// save checks first), it is offered to the reader, and this tab saves
/// nothing until the reader chooses; keeping this tab's text saves it.
#[hook]
pub fn use_persisted_text(persist: bool, state: &UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
    let save_timer = use_mut_ref(|| None::<Timeout>);
    // What this tab last read or wrote; `None` until the first save.
    let last: Rc<RefCell<Option<Option<String>>>> = use_mut_ref(|| None);
    let kept_before = use_mut_ref(|| state.kept);
    let ui = state.ui();
    use_effect_with((SameText(state.text.clone()), state.kept), move |(text, kept)| {
        if !persist {
            return;
        }
        let first = last.borrow().is_none();
        if first {
            *last.borrow_mut() = Some(storage::load());
            // Another tab's saves, as they happen (until the widget goes).
            let (alive, d) = (Rc::downgrade(&last), dispatcher.clone());
            crate::glue::spawn(async move {
                while let Some(theirs) = crate::glue::next_storage_change(STORAGE_KEY).await {
                    if alive.strong_count() == 0 {
                        break;
                    }
                    d.dispatch(Action::SavedElsewhere(theirs.into()));
                }
            });
        }
        // The reader kept this tab's text over another tab's: save it.
        let forced = std::mem::replace(&mut *kept_before.borrow_mut(), *kept) != *kept;
        let text = text.0.clone();
        *save_timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
            // After a panic the saved text is the last one known good: the
            // state of a broken instance is not saved over it.
            if crate::stopped() {
                return;
            }
            let current = storage::load();
            let read = last.borrow().clone().flatten();
            if let Some(theirs) =
                current.clone().filter(|c| Some(c) != read.as_ref() && c != &*text && !forced)
            {
                return dispatcher.dispatch(Action::SavedElsewhere(theirs.into()));
            }
            let saved = if text.is_empty() {
                storage::delete();
                Ok(())
            } else if text.len() > STORAGE_BYTES {
                storage::delete();
                Err(())
            } else {
                storage::save(&text)
            };
            *last.borrow_mut() = Some(saved.ok().map(|_| text.to_string()).filter(|t| !t.is_empty()));
            if saved.is_err() {
                let text = ui.get(crate::i18n::Key::NotKept);
                dispatcher.dispatch(Action::Notice(Some(Notice { text: text.into(), place: Place::Input })));
            }
        }));
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
