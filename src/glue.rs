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
    /// Remove the fragment from the address bar (history keeps its length).
    #[wasm_bindgen(js_name = clearFragment)]
    pub fn clear_fragment();
    /// Offer `text` as a download named `name`.
    #[wasm_bindgen(js_name = downloadText)]
    pub fn download_text(name: &str, mime: &str, text: &str);
    /// Offer `json`, indented, as a download named `name`.
    #[wasm_bindgen(js_name = downloadJson)]
    pub fn download_json(name: &str, json: &str);
}

/// The URL fragment key that carries compressed text.
pub const FRAGMENT_KEY: &str = "#text=";

/// Compress `text` for a URL fragment.
pub async fn compress(text: &str) -> Option<String> {
    JsFuture::from(compress_text(text)).await.ok()?.as_string()
}

/// Restore text from a fragment payload; inflating stops as soon as the
/// text exceeds `limit` bytes. The error says what went wrong, for the reader.
pub async fn decompress(data: &str, limit: usize) -> Result<String, String> {
    let result = JsFuture::from(decompress_text(data, limit as f64)).await;
    match result.map(|text| text.as_string()) {
        Ok(Some(text)) => Ok(text),
        Err(why) if why.as_string().as_deref() == Some("too-large") => Err(format!(
            "The link's text is larger than {} MB once unpacked, so it was not opened. Your own text is unchanged.",
            limit / 1048576
        )),
        _ => Err("The link's text could not be read (it may be cut short). Your own text is unchanged.".into()),
    }
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
