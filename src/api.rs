//! Entry points called from JavaScript.

use factgrid_engine::Profile;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::app::{App, AppProps};

/// Runs when the module loads: installs the panic hook and, on the
/// factgrid page, mounts the app into `#factgrid-app`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let root = gloo::utils::document().get_element_by_id("factgrid-app");
    if let Some(root) = root {
        let props = AppProps { text: None, profile: None, persist: true };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    }
}

/// Serialise through JSON: the report is exactly the CLI's JSON, and
/// serde_json is already in the bundle (a second serializer is not).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the report could not be converted"))
}

/// `analyze(text, profile?)`: the same report as `factgrid analyze --format json`.
///
/// `profile` is a profile object or JSON string; an invalid profile throws an
/// error that names the bad entry.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: &str, profile: JsValue) -> Result<JsValue, JsError> {
    console_error_panic_hook::set_once();
    let profile = profile_from_js(&profile)?;
    to_js(&factgrid_engine::analyze(text, &profile))
}

/// Read a profile from `undefined`/`null` (the default), a JSON string or an object.
pub(crate) fn profile_from_js(value: &JsValue) -> Result<Profile, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Profile::default_profile());
    }
    let json = match value.as_string() {
        Some(s) => s,
        None => js_sys::JSON::stringify(value)
            .map_err(|_| JsError::new("invalid profile: it cannot be turned into JSON"))?
            .as_string()
            .unwrap_or_default(),
    };
    Profile::from_json(&json).map_err(|e| JsError::new(&e.to_string()))
}
