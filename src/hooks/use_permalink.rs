//! `#text=…` permalinks: the text, compressed, in the URL fragment (which
//! browsers never send to a server).
//!
//! A link is read once, when the page opens, and its fragment is removed
//! from the address bar at once, so that a reload never brings an old
//! link's text back over newer work. Its text replaces the reader's only
//! when nothing is lost; otherwise the reader is asked.

use yew::prelude::*;

use crate::state::{Action, State, MAX_TEXT_BYTES};

/// The offer of a link's text, if one is waiting (see [`use_permalink`]).
#[derive(Clone, PartialEq)]
pub struct PermalinkHandle {
    /// The size of the linked text in characters, while the offer stands.
    pub offer: Option<usize>,
    /// Open the linked text in place of the reader's (undoable).
    pub open: Callback<()>,
    /// Keep the reader's text; the link's is dropped.
    pub keep: Callback<()>,
}

/// When `enabled`, open the text a `#text=` link carries (see the module docs).
#[hook]
pub fn use_permalink(enabled: bool, state: &UseReducerHandle<State>) -> PermalinkHandle {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let Some(data) = enabled.then(crate::services::take_link_fragment).flatten() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            match crate::glue::decompress(&data, MAX_TEXT_BYTES).await {
                Ok(text) => dispatcher.dispatch(Action::Linked(text.into())),
                Err(why) => dispatcher.dispatch(Action::Message(Some(why))),
            }
        });
    });
    let (d1, d2) = (state.dispatcher(), state.dispatcher());
    PermalinkHandle {
        offer: state.offer.as_ref().map(|t| t.chars().count()),
        open: Callback::from(move |_| d1.dispatch(Action::AnswerOffer(true))),
        keep: Callback::from(move |_| d2.dispatch(Action::AnswerOffer(false))),
    }
}
