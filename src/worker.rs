//! The link to `worker.js`, which analyses large texts off the main thread.
//!
//! One job at a time: a new text terminates the worker busy with an older
//! one (its result would be thrown away anyway) and starts a fresh one, so
//! that typing in a huge text never queues up analyses.

use std::cell::RefCell;
use std::rc::Rc;

use factgrid_engine::{Profile, Report};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::{AttrValue, UseReducerDispatcher};

use crate::state::{Action, State};

/// A running worker and the job it is on.
pub struct WorkerLink {
    worker: Worker,
    url: AttrValue,
    /// The id and text of the job whose answer is awaited.
    pending: Rc<RefCell<Option<(u32, AttrValue)>>>,
    next_id: u32,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl WorkerLink {
    /// The worker in `slot`, started if needed; `None` when this browser or
    /// page cannot run it (then the page analyses by itself).
    pub fn ensure<'a>(
        slot: &'a mut Option<WorkerLink>,
        url: &AttrValue,
        profile: &Profile,
        dispatcher: &UseReducerDispatcher<State>,
    ) -> Option<&'a mut WorkerLink> {
        let busy = slot.as_ref().is_some_and(|l| l.pending.borrow().is_some());
        if busy || slot.as_ref().is_some_and(|l| &l.url != url) {
            if let Some(old) = slot.take() {
                old.worker.terminate();
            }
        }
        if slot.is_none() {
            *slot = WorkerLink::start(url, Rc::new(profile.clone()), dispatcher.clone());
        }
        slot.as_mut()
    }

    fn start(
        url: &AttrValue,
        profile: Rc<Profile>,
        dispatcher: UseReducerDispatcher<State>,
    ) -> Option<WorkerLink> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(url, &options).ok()?;
        let pending: Rc<RefCell<Option<(u32, AttrValue)>>> = Rc::default();
        let on_message = {
            let pending = pending.clone();
            let dispatcher = dispatcher.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let field = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
                let id = field("id").and_then(|v| v.as_f64()).unwrap_or(-1.0);
                let job = pending.borrow().clone();
                let Some((pid, text)) = job.filter(|(pid, _)| f64::from(*pid) == id) else { return };
                let _ = pid;
                pending.borrow_mut().take();
                match field("words").and_then(|v| v.dyn_into::<js_sys::Uint32Array>().ok()) {
                    Some(words) => match Report::from_words(&words.to_vec(), &text, &profile) {
                        Some(report) => {
                            dispatcher.dispatch(Action::Analyzed { text, report: Rc::new(report) })
                        }
                        None => fail(&dispatcher, "the analysis could not be read back"),
                    },
                    None => {
                        let why = field("error").and_then(|v| v.as_string()).unwrap_or_default();
                        fail(&dispatcher, &why);
                    }
                }
            })
        };
        let on_error = {
            let pending = pending.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                if pending.borrow_mut().take().is_some() {
                    fail(&dispatcher, "the background analysis stopped");
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(WorkerLink {
            worker,
            url: url.clone(),
            pending,
            next_id: 0,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Stop the job in progress, if any: its text is out of date. The
    /// worker is terminated so that its now useless answer is never decoded.
    pub fn cancel(slot: &mut Option<WorkerLink>) {
        if slot.as_ref().is_some_and(|l| l.pending.borrow().is_some()) {
            if let Some(old) = slot.take() {
                old.worker.terminate();
            }
        }
    }

    /// Send `text` for analysis; its answer replaces any older one.
    pub fn analyze(&mut self, text: AttrValue) {
        self.next_id = self.next_id.wrapping_add(1);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(self.next_id));
        let _ = js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(&text));
        *self.pending.borrow_mut() = Some((self.next_id, text));
        if self.worker.post_message(&msg).is_err() {
            self.pending.borrow_mut().take();
        }
    }
}

fn fail(dispatcher: &UseReducerDispatcher<State>, why: &str) {
    dispatcher.dispatch(Action::Busy(None));
    dispatcher.dispatch(Action::Message(Some(format!(
        "The analysis failed ({why}); the previous result is still shown and your text is unchanged."
    ))));
}
