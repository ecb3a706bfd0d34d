//! The factgrid widget: a Yew front end over `factgrid-engine`, and the
//! JavaScript API for embedding it.
//!
//! The widget only presents the engine's [`factgrid_engine::Report`]; every
//! rule about language lives in the engine and its profile.

pub mod app;
pub mod compare_state;
pub mod components;
pub mod corrections;
pub mod exports;
pub mod glue;
pub mod hooks;
pub mod i18n;
pub mod pool;
pub mod profiles;
pub mod props;
pub mod services;
pub mod slices;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod api;

pub use app::{App, AppProps, Panels, Theme};

use std::sync::atomic::{AtomicBool, Ordering};

static STOPPED: AtomicBool = AtomicBool::new(false);

/// Has a panic stopped factgrid on this page? Then nothing is analysed
/// any more: the state of the WebAssembly instance can no longer be
/// trusted.
pub fn stopped() -> bool {
    STOPPED.load(Ordering::Relaxed)
}

/// Stop analysing on this page, for good (see [`stopped`]).
pub fn stop() {
    STOPPED.store(true, Ordering::Relaxed);
}
