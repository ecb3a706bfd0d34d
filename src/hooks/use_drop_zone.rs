//! Taking files dropped anywhere on the widget, not only on the text box,
//! with a visible cue, so that a drop never makes the browser leave the
//! page to show the file.

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, Node};
use yew::prelude::*;

/// The drag-and-drop handlers for the widget's root element and whether
/// to show the drop cue (see [`use_drop_zone`]).
pub struct DropZone {
    /// Files are being dragged over the widget.
    pub dragging: bool,
    /// For `ondragenter` and `ondragover`.
    pub over: Callback<DragEvent>,
    /// For `ondragleave`.
    pub leave: Callback<DragEvent>,
    /// For `ondrop`.
    pub drop: Callback<DragEvent>,
    /// The root element (for telling a move onto a child from a leave).
    pub zone: NodeRef,
}

/// Does the drag carry files (rather than text, which the text box takes)?
fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

/// Handlers that take files dropped on an element and hand all of them,
/// in order, to `on_files`.
#[hook]
pub fn use_drop_zone(on_files: Callback<Vec<File>>) -> DropZone {
    let dragging = use_state_eq(|| false);
    let zone = use_node_ref();
    let d = dragging.clone();
    let over = Callback::from(move |e: DragEvent| {
        if carries_files(&e) {
            e.prevent_default();
            d.set(true);
        }
    });
    let (d, z) = (dragging.clone(), zone.clone());
    let leave = Callback::from(move |e: DragEvent| {
        // Moving onto a child element is no leaving.
        let to = e.related_target().and_then(|t| t.dyn_into::<Node>().ok());
        if !z.get().is_some_and(|z| to.is_some() && z.contains(to.as_ref())) {
            d.set(false);
        }
    });
    let d = dragging.clone();
    let drop = Callback::from(move |e: DragEvent| {
        d.set(false);
        let list = e.data_transfer().and_then(|d| d.files());
        let files: Vec<File> =
            list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
        if !files.is_empty() {
            e.prevent_default();
            on_files.emit(files);
        }
    });
    DropZone { dragging: *dragging, over, leave, drop, zone }
}
