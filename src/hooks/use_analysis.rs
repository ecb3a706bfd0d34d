//! Analysing the text: after a pause in typing, in the page, or in the
//! worker for large texts. The handle changes the text and schedules its
//! analysis in one step, so that the two never disagree.

use std::rc::Rc;

use factgrid_engine::{Analyzer, Profile, Report};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{Action, State};
use crate::worker::WorkerLink;

/// How long typing must pause before the text is analysed, in ms.
pub const DEBOUNCE_MS: u32 = 250;
/// Texts larger than this go to the worker (when there is one).
pub const WORKER_BYTES: usize = 256 * 1024;

/// Changes the text and schedules its analysis (see [`use_analysis`]).
#[derive(Clone)]
pub struct AnalysisHandle {
    dispatcher: UseReducerDispatcher<State>,
    schedule: Rc<dyn Fn(AttrValue, u32)>,
}

impl AnalysisHandle {
    /// The reader typed `text` (the box already shows it); analysed after
    /// a pause, or at once when `immediate` (a paste).
    pub fn edit(&self, text: AttrValue, immediate: bool) {
        self.dispatcher.dispatch(Action::Edit(text.clone()));
        (self.schedule)(text, if immediate { 0 } else { DEBOUNCE_MS });
    }

    /// Replace the text from elsewhere (file, example, link, host page)
    /// and analyse it at once.
    pub fn replace(&self, text: AttrValue) {
        self.dispatcher.dispatch(Action::Replace(text.clone()));
        (self.schedule)(text, 0);
    }

    /// Clear the text and the result.
    pub fn clear(&self) {
        self.dispatcher.dispatch(Action::Clear);
        (self.schedule)(AttrValue::default(), 0);
    }

    /// Hand `action` to the reducer.
    pub fn dispatch(&self, action: Action) {
        self.dispatcher.dispatch(action);
    }

    /// Analyse `text` (already the state's) at once.
    pub fn analyze(&self, text: AttrValue) {
        (self.schedule)(text, 0);
    }
}

/// Analyse the state's text with `profile` (the built-in one when
/// `None`): at once now and whenever the profile changes, and after every
/// change made through the returned handle. Texts over [`WORKER_BYTES`]
/// go to `worker_url` when there is one (built-in profile only).
#[hook]
pub fn use_analysis(
    state: &UseReducerHandle<State>,
    profile: Option<Rc<Profile>>,
    worker_url: Option<AttrValue>,
) -> AnalysisHandle {
    let analyzer = use_memo(profile.clone(), |p| {
        let profile = p.as_deref().cloned().unwrap_or_else(Profile::default_profile);
        Analyzer::new(&profile)
    });
    let timer = use_mut_ref(|| None::<Timeout>);
    let worker = use_mut_ref(|| None::<WorkerLink>);
    let dispatcher = state.dispatcher();
    // Only the built-in profile runs in the worker (it has no other).
    let worker_url = worker_url.filter(|_| profile.is_none());
    let schedule = {
        let dispatcher = dispatcher.clone();
        Rc::new(move |text: AttrValue, delay: u32| {
            let dispatcher = dispatcher.clone();
            let analyzer = analyzer.clone();
            // The text changed: an analysis still running is out of date.
            WorkerLink::cancel(&mut worker.borrow_mut());
            let worker = worker.clone();
            let worker_url = worker_url.clone();
            // Replacing the timeout drops (and cancels) the previous one.
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                if text.len() > WORKER_BYTES {
                    if let Some(url) = &worker_url {
                        let mut slot = worker.borrow_mut();
                        let link = WorkerLink::ensure(&mut slot, url, analyzer.profile(), &dispatcher);
                        if let Some(link) = link {
                            dispatcher.dispatch(Action::Busy(Some(text.len())));
                            link.analyze(text);
                            return;
                        }
                    }
                }
                let report: Report = analyzer.analyze(&text);
                dispatcher.dispatch(Action::Analyzed { text, report: Rc::new(report) });
            }));
        })
    };
    let handle = AnalysisHandle { dispatcher, schedule };
    // Analyse the initial text, and again whenever the profile changes.
    {
        let handle = handle.clone();
        let text = state.text.clone();
        use_effect_with(profile, move |_| handle.analyze(text));
    }
    handle
}
