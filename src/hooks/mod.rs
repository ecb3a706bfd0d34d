//! Custom hooks: the app's stateful side effects, each behind a handle.

mod use_analysis;
mod use_drop_zone;
mod use_permalink;
mod use_persisted_text;

pub use use_analysis::{use_analysis, DEBOUNCE_MS};
pub use use_drop_zone::{use_drop_zone, DropZone};
pub use use_permalink::{use_permalink, PermalinkHandle};
pub use use_persisted_text::{saved_text, use_persisted_text};
