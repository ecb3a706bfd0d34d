//! Bindings to `www/glue.js` and small browser helpers: what is simpler
//! (and smaller in the bundle) in JavaScript than through web-sys. The
//! functions of glue.js are documented here.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/www/glue.js")]
extern "C" {
    /// The link to this page with `text` in its fragment: `#text=` and
    /// the text deflated (raw) and in base64url. The fragment is never
    /// sent to a server.
    #[wasm_bindgen(js_name = linkTo)]
    fn link_to(text: &str) -> js_sys::Promise;
    /// base64url → inflate → text, fed to the inflater a kilobyte at a time
    /// and cancelled as soon as more than `limit` bytes come out (a link of
    /// a megabyte may inflate to a gigabyte). Rejects with `'too-large'` or
    /// `'malformed'`.
    #[wasm_bindgen(js_name = decompressText)]
    fn decompress_text(data: &str, limit: f64) -> js_sys::Promise;
    /// Resolves in a later task, through a MessageChannel (which, unlike
    /// `setTimeout`, is not throttled when nested).
    #[wasm_bindgen(js_name = nextTask)]
    fn next_task() -> js_sys::Promise;
    /// Fetch a text file; rejects unless the answer is 200 OK.
    #[wasm_bindgen(js_name = fetchText)]
    fn fetch_text_js(url: &str) -> js_sys::Promise;
    /// Resolves to the new value of `key` in localStorage the next time
    /// another tab of this origin stores one.
    #[wasm_bindgen(js_name = nextStorageChange)]
    fn next_storage_change_js(key: &str) -> js_sys::Promise;
    /// Copy to the clipboard; resolves to true on success.
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(text: &str) -> js_sys::Promise;
    /// The payload of a `#text=` fragment in the address bar, which is
    /// removed from it (history keeps its length): a link is read once.
    #[wasm_bindgen(js_name = takeLinkFragment)]
    pub fn take_link_fragment() -> Option<String>;
    /// For `dragenter` and `dragover` on the widget (`zone`): a drag that
    /// carries files is taken (its default prevented), so that a drop
    /// anywhere on the widget never makes the browser leave the page to
    /// show the file; `zone` has the class `fg-dropping` (the cue, in CSS)
    /// while files are dragged over it.
    #[wasm_bindgen(js_name = dragOver)]
    pub fn drag_over(event: &web_sys::DragEvent, zone: Option<web_sys::Element>);
    /// For `dragleave`: the cue goes when the drag leaves the widget.
    #[wasm_bindgen(js_name = dragLeave)]
    pub fn drag_leave(event: &web_sys::DragEvent, zone: Option<web_sys::Element>);
    #[wasm_bindgen(js_name = droppedFiles)]
    fn dropped_files_js(event: &web_sys::DragEvent, zone: Option<web_sys::Element>) -> Option<js_sys::Array>;
    /// The plain text a paste event carries, as the browser's string (not
    /// converted: see [`utf8`]).
    #[wasm_bindgen(js_name = pastedString)]
    pub fn pasted_string(event: &web_sys::Event) -> Option<js_sys::JsString>;
    /// The UTF-8 bytes of `text`, encoded half a million characters to a
    /// task (TextEncoder takes tens of milliseconds a megabyte on a busy
    /// machine); resolves to a Uint8Array.
    #[wasm_bindgen(js_name = utf8InSlices)]
    fn utf8_in_slices(text: &js_sys::JsString) -> js_sys::Promise;
    /// Is the whole of the text box selected?
    #[wasm_bindgen(js_name = wholeSelected)]
    pub fn whole_selected(area: &web_sys::HtmlTextAreaElement) -> bool;
    /// Bring sentence `i` of the article (`root`) into the middle of the
    /// view and give it the keyboard focus, once the render that shows it
    /// is done (Yew renders in a microtask).
    #[wasm_bindgen(js_name = scrollToSentence)]
    pub fn scroll_to_sentence(root: Option<web_sys::Element>, i: usize);
    /// Put up the notice a panic leaves on the page (see `api.rs`): the
    /// message and a link that reloads, in the language `lang`.
    #[wasm_bindgen(js_name = showCrashNotice)]
    fn show_crash_notice_js(lang: &str, message: &str, reload: &str);
    /// Offer `text` as a download named `name`.
    #[wasm_bindgen(js_name = downloadText)]
    pub fn download_text(name: &str, mime: &str, text: &str);
    /// Offer `json`, indented by two spaces (as serde_json's pretty printer
    /// would), as a download named `name`.
    #[wasm_bindgen(js_name = downloadJson)]
    pub fn download_json(name: &str, json: &str);
    /// The browser's language (`navigator.language`, e.g. `uk-UA`; empty
    /// where there is none, as in a worker).
    #[wasm_bindgen(js_name = browserLanguage)]
    pub fn browser_language() -> String;
}

/// Put up the notice a panic leaves on the page, in the interface
/// language last shown (see `api.rs`).
pub fn show_crash_notice() {
    use crate::i18n::Key;
    let ui = crate::i18n::last_shown();
    show_crash_notice_js(ui.code(), ui.get(Key::Crashed), ui.get(Key::Reload));
}

/// Give the focus to the first element under `root` that one of
/// `selectors` finds (in that order), bringing it into view.
pub fn focus_first(root: Option<web_sys::Element>, selectors: &[String]) {
    let Some(root) = root else { return };
    if let Some(el) = selectors.iter().find_map(|s| root.query_selector(s).ok().flatten()) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// The link to this page that carries `text` (see `linkTo`); the address
/// bar is left as it is.
pub async fn permalink(text: &str) -> Option<String> {
    JsFuture::from(link_to(text)).await.ok()?.as_string()
}

/// Restore text from a fragment payload; inflating stops as soon as the
/// text exceeds `limit` bytes. The error says what went wrong, for the
/// reader, in `ui`.
pub async fn decompress(data: &str, limit: usize, ui: crate::i18n::Ui) -> Result<String, String> {
    use crate::i18n::Key;
    let result = JsFuture::from(decompress_text(data, limit as f64)).await;
    match result.map(|text| text.as_string()) {
        Ok(Some(text)) => Ok(text),
        Err(why) if why.as_string().as_deref() == Some("too-large") => {
            Err(ui.fill(Key::LinkTooLarge, &[&(limit / 1048576).to_string()]))
        }
        _ => Err(ui.get(Key::LinkUnreadable).into()),
    }
}

/// Let the page render and handle input before going on.
pub async fn yield_to_page() {
    let _ = JsFuture::from(next_task()).await;
}

/// Fetch a text file from the page's own origin.
pub async fn fetch_text(url: &str) -> Option<String> {
    JsFuture::from(fetch_text_js(url)).await.ok()?.as_string()
}

/// Copy to the clipboard; true on success.
pub async fn copy(text: &str) -> bool {
    JsFuture::from(copy_text(text)).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Read a dropped or chosen file's bytes (decoded by the engine, see
/// `services::load_file`).
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer =
        JsFuture::from(file.array_buffer()).await.map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// For `drop` on the widget (`zone`): the files dropped, all of them in
/// order; `None` when the drop carries none (dropped text goes to the box).
pub fn dropped_files(
    event: &web_sys::DragEvent,
    zone: Option<web_sys::Element>,
) -> Option<Vec<web_sys::File>> {
    let files = dropped_files_js(event, zone)?;
    Some(files.iter().filter_map(|f| f.dyn_into().ok()).collect())
}

/// The text another tab stores under `key` next (`None` if the wait fails).
pub async fn next_storage_change(key: &str) -> Option<String> {
    JsFuture::from(next_storage_change_js(key)).await.ok()?.as_string()
}

/// Run the future `f` to completion on the page's event loop. (Boxed: one
/// task type for every future, instead of the task machinery once per
/// future in the bundle.)
pub fn spawn(f: impl std::future::Future<Output = ()> + 'static) {
    let f: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> = Box::pin(f);
    wasm_bindgen_futures::spawn_local(f);
}

/// A browser string as a Rust one. A string of megabytes is encoded in
/// slices, a task each, so that no task is long (converting 20 MB at once
/// takes a quarter of a second or more).
pub async fn utf8(text: js_sys::JsString) -> String {
    if text.length() <= 0x80000 {
        return text.into();
    }
    let bytes = match JsFuture::from(utf8_in_slices(&text)).await {
        Ok(bytes) => js_sys::Uint8Array::from(bytes).to_vec(),
        Err(_) => return text.into(),
    };
    // TextEncoder's output is UTF-8 (a lone surrogate becomes U+FFFD).
    let text = String::from_utf8(bytes).unwrap_or_default();
    // What the caller does with the text is a task of its own.
    yield_to_page().await;
    text
}
