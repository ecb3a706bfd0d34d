//! `#text=…` permalinks: the text, compressed, in the URL fragment (which
//! browsers never send to a server).
//!
//! The factgrid page reads a link once, before the app starts, and removes
//! its fragment from the address bar at once, so that a reload never
//! brings an old link's text back over newer work (see `api::start`). Its
//! text replaces the reader's only when nothing is lost; otherwise the
//! reader is asked ([`State::offer`]).

use yew::prelude::*;

use crate::state::{Action, State};

/// The offer of a link's text, if one is waiting (see [`use_permalink`]).
#[derive(Clone, PartialEq)]
pub struct PermalinkHandle {
    /// The size of the offered text in characters, and whether it comes
    /// from another tab (else from the page's link), while the offer stands.
    pub offer: Option<(usize, bool)>,
    /// Open the linked text in place of the reader's (undoable).
    pub open: Callback<()>,
    /// Keep the reader's text; the link's is dropped.
    pub keep: Callback<()>,
}

/// The state as the page's link leaves it, for the reducer's first state:
/// `link` is the link's text, or why it could not be read.
pub fn with_link(state: State, link: Option<Result<AttrValue, AttrValue>>) -> State {
    match link {
        Some(Ok(text)) => (*std::rc::Rc::new(state).reduce(Action::Linked(text))).clone(),
        Some(Err(why)) => State { message: Some(why.to_string()), ..state },
        None => state,
    }
}

/// The offer of the text the page's link carries (or another tab saved,
/// see [`crate::hooks::use_persisted_text`]), and the reader's answers.
#[hook]
pub fn use_permalink(state: &UseReducerHandle<State>) -> PermalinkHandle {
    let d = state.dispatcher();
    PermalinkHandle {
        offer: state.offer.as_ref().map(|t| (t.chars().count(), state.offer_from_tab)),
        open: super::on(&d, || Action::AnswerOffer(true)),
        keep: super::on(&d, || Action::AnswerOffer(false)),
    }
}
