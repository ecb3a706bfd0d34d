//! The link to the worker pool in `www/glue.js`: the page's analysis
//! worker, shared by all its widgets.
//!
//! One worker per page (per worker URL) analyses the large texts of every
//! widget, one job at a time. Each widget (a client) has at most one job
//! waiting: a newer text replaces its waiting job, and stops its running
//! job by restarting the worker (whose answer would be thrown away). A
//! custom profile is sent to the worker once and compiled there once.
//! When the last client leaves, the worker is terminated, so a destroyed
//! widget leaves nothing running.
//!
//! Jobs are promises, not callbacks, so that nothing on the Rust side is a
//! closure the worker could call after the widget is gone. A job resolves
//! to the report in compact parts (`api::Engine::analyze`), or to `null` when it was
//! superseded or its client left; it rejects with `'blocked'` when the
//! page cannot run the worker (a Content-Security-Policy without
//! `worker-src` for it, Trusted Types), or with a message when the
//! analysis failed.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::AttrValue;

#[wasm_bindgen(module = "/www/glue.js")]
extern "C" {
    #[wasm_bindgen(js_name = openClient)]
    fn open_client(url: &str) -> u32;
    #[wasm_bindgen(js_name = analyzeInWorker)]
    fn analyze_in_worker(
        url: &str,
        client: u32,
        bytes: js_sys::Uint8Array,
        profile: Option<String>,
        lang: Option<&str>,
        builtin: Option<&str>,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = cancelJob)]
    fn cancel_job(url: &str, client: u32);
    #[wasm_bindgen(js_name = closeClient)]
    fn close_client(url: &str, client: u32);
    /// Stop every worker of the page for good.
    #[wasm_bindgen(js_name = haltWorkers)]
    pub fn halt_workers();
}

/// How a job in the worker ended.
pub enum Outcome {
    /// The report in compact parts (see `api::Engine::analyze`).
    Done(js_sys::Array),
    /// A newer text replaced it, or the widget is gone.
    Superseded,
    /// The page cannot run the worker.
    Blocked,
    /// The analysis failed, for this reason.
    Failed(String),
}

/// One widget's place in the pool; leaving it (on drop) drops the
/// widget's job, and the last client out stops the worker.
pub struct WorkerClient {
    url: AttrValue,
    id: u32,
}

impl WorkerClient {
    /// Join the pool of the worker at `url`.
    pub fn open(url: &AttrValue) -> WorkerClient {
        WorkerClient { url: url.clone(), id: open_client(url) }
    }

    /// Drop the job waiting or running, if any: its text is out of date.
    pub fn cancel(&self) {
        cancel_job(&self.url, self.id);
    }

    /// Analyse `text` with the profile `profile` (JSON; `None`: the
    /// built-in ones) in the language `lang` (`None`: detected), replacing the widget's earlier job. The text goes
    /// as UTF-8 bytes, transferred: a 20 MB string would cost the main
    /// thread tens of milliseconds to convert.
    pub fn analyze(
        &self,
        text: &str,
        profile: Option<String>,
        lang: Option<&str>,
    ) -> impl std::future::Future<Output = Outcome> {
        let bytes = js_sys::Uint8Array::from(text.as_bytes());
        // A Russian or Ukrainian built-in profile the page fetched goes to
        // the worker too (its WebAssembly has none either).
        let builtin = match (&profile, lang.and_then(factgrid_engine::Language::from_code)) {
            (None, Some(l)) if l != factgrid_engine::Language::English && crate::profiles::ready(l) => {
                Some(factgrid_engine::Profile::builtin_json(l))
            }
            _ => None,
        };
        let job = JsFuture::from(analyze_in_worker(&self.url, self.id, bytes, profile, lang, builtin));
        async move {
            match job.await {
                Ok(parts) => match parts.dyn_into::<js_sys::Array>() {
                    Ok(parts) => Outcome::Done(parts),
                    Err(_) => Outcome::Superseded,
                },
                Err(e) if e.as_string().as_deref() == Some("blocked") => Outcome::Blocked,
                Err(e) => Outcome::Failed(e.as_string().unwrap_or_default()),
            }
        }
    }
}

impl Drop for WorkerClient {
    fn drop(&mut self) {
        close_client(&self.url, self.id);
    }
}
