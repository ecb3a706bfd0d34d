//! Bindings to `www/glue.js` and small browser helpers.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/www/glue.js")]
extern "C" {
    #[wasm_bindgen(js_name = compressText)]
    fn compress_text(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = decompressText)]
    fn decompress_text(data: &str, limit: f64) -> js_sys::Promise;
    #[wasm_bindgen(js_name = fetchText)]
    fn fetch_text_js(url: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(text: &str) -> js_sys::Promise;
    /// Offer `text` as a download named `name`.
    #[wasm_bindgen(js_name = downloadText)]
    pub fn download_text(name: &str, mime: &str, text: &str);
}

/// The URL fragment key that carries compressed text.
pub const FRAGMENT_KEY: &str = "#text=";

/// Compress `text` for a URL fragment.
pub async fn compress(text: &str) -> Option<String> {
    JsFuture::from(compress_text(text)).await.ok()?.as_string()
}

/// Restore text from a fragment payload; `None` if it is malformed or too large.
pub async fn decompress(data: &str, limit: usize) -> Option<String> {
    JsFuture::from(decompress_text(data, limit as f64)).await.ok()?.as_string()
}

/// Fetch a text file from the page's own origin.
pub async fn fetch_text(url: &str) -> Option<String> {
    JsFuture::from(fetch_text_js(url)).await.ok()?.as_string()
}

/// Copy to the clipboard; true on success.
pub async fn copy(text: &str) -> bool {
    JsFuture::from(copy_text(text)).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Read a dropped or chosen file as text.
pub async fn read_file(file: &web_sys::File) -> Result<String, String> {
    let value = JsFuture::from(file.text()).await.map_err(|_| "the file could not be read".to_string())?;
    value.as_string().ok_or_else(|| "the file could not be read".to_string())
}

/// Compact JSON indented, the same text as `serde_json::to_string_pretty`
/// gives (two spaces, `"key": value`), by the browser's `JSON.stringify`:
/// the bundle holds no pretty printer of its own. Empty if it cannot be made.
pub fn pretty_json(json: &str) -> String {
    js_sys::JSON::parse(json)
        .and_then(|v| js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &JsValue::from(2)))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
