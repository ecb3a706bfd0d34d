//! The JavaScript side of comparing articles: `compare(texts)` and
//! `mount`'s `articles` option.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Reducible;

use super::{language, opt_string, profile_from_js};
use crate::app::AppProps;
use crate::compare_state::{compute, Articles, CompareAction, Fields, Saved};

/// Read an `articles` list: each a text, or `{ text, title?, outlet?,
/// date? }` (`date`: `YYYY-MM-DD` or `--MM-DD`); an error names the bad
/// entry.
fn articles_from_js(value: &JsValue, name: &str) -> Result<Vec<Saved>, JsError> {
    let shape = || {
        JsError::new(&format!(
            "`{name}` must be an array of texts or {{ text, title, outlet, date }} objects"
        ))
    };
    let list: js_sys::Array = value.clone().dyn_into().map_err(|_| shape())?;
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        if let Some(text) = item.as_string() {
            out.push(Saved::new(Some(text), Fields::default()));
            continue;
        }
        if !item.is_object() {
            return Err(shape());
        }
        let field = |key: &str| {
            opt_string(&item, key).map_err(|_| JsError::new(&format!("`{name}[{i}].{key}` must be a string")))
        };
        let text = field("text")?.ok_or_else(|| JsError::new(&format!("`{name}[{i}].text` is missing")))?;
        let fields = Fields { title: field("title")?, outlet: field("outlet")?, date: field("date")? };
        out.push(Saved::new(Some(text), fields));
    }
    Ok(out)
}

/// `mount`'s `articles`: the first is the text box's article, the others
/// are added to compare with it.
pub(super) fn apply(props: &mut AppProps, value: &JsValue) -> Result<(), JsError> {
    let mut saved = articles_from_js(value, "articles")?;
    if let Some(first) = saved.first_mut() {
        props.text = first.text.take().map(Into::into);
    }
    props.articles = Some(Rc::new(saved));
    Ok(())
}

/// `compare(texts, profile?, lang?)`: the engine's comparison of the
/// articles `texts` (texts, or `{ text, title, outlet, date }`), the same
/// JSON as `factgrid compare --format json` (`factgrid.comparison/1`).
/// Titles, outlets and dates not given are detected from each text.
#[wasm_bindgen(js_name = compare)]
pub fn compare_js(texts: JsValue, profile: JsValue, lang: JsValue) -> Result<JsValue, JsError> {
    super::install_panic_hook();
    let lang = language(&lang, "lang")?;
    let profile = profile_from_js(&profile)?;
    let saved = articles_from_js(&texts, "texts")?;
    let set = Rc::new(Articles::default()).reduce(CompareAction::Restore(saved));
    let analyzer = |t: &str| match &profile {
        Some(p) => p.analyzer.clone(),
        None => crate::profiles::built_in_now(crate::profiles::language_of(t, lang)),
    };
    let c = compute(&set.list, "", lang.map(factgrid_engine::Language::code), &analyzer);
    let json = c.comparison.to_json();
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the comparison could not be converted"))
}
