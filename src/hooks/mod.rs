//! Custom hooks: the app's stateful side effects, each behind a handle.

mod use_analysis;
mod use_corrections;
mod use_permalink;
mod use_persisted_text;

pub use use_analysis::{use_analysis, DEBOUNCE_MS};
pub use use_corrections::{use_corrections, CorrectionsHandle};
pub use use_permalink::{use_permalink, with_link, PermalinkHandle};
pub use use_persisted_text::{saved_text, use_persisted_text};

use yew::{Callback, UseReducerDispatcher};

use crate::state::{Action, State};

/// A callback that hands the reducer the action `make` makes (one closure
/// type for every button that only dispatches).
pub fn on(dispatcher: &UseReducerDispatcher<State>, make: fn() -> Action) -> Callback<()> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |_| dispatcher.dispatch(make()))
}

/// A callback that hands the reducer the action `make` makes of its value
/// (a function, not a closure: one closure type per value type).
pub fn to_action<T: 'static>(dispatcher: &UseReducerDispatcher<State>, make: fn(T) -> Action) -> Callback<T> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |value| dispatcher.dispatch(make(value)))
}
