//! The factgrid widget: a Yew front end over `factgrid-engine`, and the
//! JavaScript API for embedding it.
//!
//! The widget only presents the engine's [`factgrid_engine::Report`]; every
//! rule about language lives in the engine and its profile.

pub mod app;
pub mod components;
pub mod glue;
pub mod hooks;
pub mod props;
pub mod services;
pub mod state;
pub mod worker;

#[cfg(target_arch = "wasm32")]
mod api;

pub use app::{App, AppProps, Panels, Theme};
