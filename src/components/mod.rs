//! One component per file; each takes plain props and reports events
//! upward through callbacks.

pub mod article;
pub mod compare;
pub mod details;
pub mod export;
pub mod figures;
pub mod grid;
pub mod input;
pub mod stance;
