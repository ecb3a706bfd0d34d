//! Analysing the text: whenever the state's text or the profile changes,
//! after a pause when the reader is typing, in the page, or in the worker
//! for large texts.

use std::rc::Rc;

use factgrid_engine::{Analyzer, Profile, Report};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{Action, SameText, State};
use crate::worker::WorkerLink;

/// How long typing must pause before the text is analysed, in ms.
pub const DEBOUNCE_MS: u32 = 250;
/// Texts larger than this go to the worker (when there is one).
pub const WORKER_BYTES: usize = 256 * 1024;

/// Analyse the state's text with `profile` (the built-in one when
/// `None`), now and after every change of either: at once, or after
/// [`DEBOUNCE_MS`] while the reader types. Texts over [`WORKER_BYTES`] go
/// to `worker_url` when there is one (built-in profile only).
#[hook]
pub fn use_analysis(
    state: &UseReducerHandle<State>,
    profile: Option<Rc<Profile>>,
    worker_url: Option<AttrValue>,
) {
    let analyzer = use_memo(profile.clone(), |p| {
        let profile = p.as_deref().cloned().unwrap_or_else(Profile::default_profile);
        Analyzer::new(&profile)
    });
    let timer = use_mut_ref(|| None::<Timeout>);
    let worker = use_mut_ref(|| None::<WorkerLink>);
    let dispatcher = state.dispatcher();
    // Only the built-in profile runs in the worker (it has no other).
    let worker_url = worker_url.filter(|_| profile.is_none());
    let delay = if state.typing { DEBOUNCE_MS } else { 0 };
    use_effect_with((SameText(state.text.clone()), profile), move |(text, _)| {
        let text = text.0.clone();
        // The text changed: an analysis still running is out of date.
        WorkerLink::cancel(&mut worker.borrow_mut());
        // Replacing the timeout drops (and cancels) the previous one.
        *timer.borrow_mut() = Some(Timeout::new(delay, move || {
            if text.len() > WORKER_BYTES {
                if let Some(url) = &worker_url {
                    let mut slot = worker.borrow_mut();
                    if let Some(link) = WorkerLink::ensure(&mut slot, url, analyzer.profile(), &dispatcher) {
                        dispatcher.dispatch(Action::Busy(Some(text.len())));
                        link.analyze(text);
                        return;
                    }
                }
            }
            let report: Report = analyzer.analyze(&text);
            dispatcher.dispatch(Action::Analyzed { text, report: Rc::new(report) });
        }));
    });
}
