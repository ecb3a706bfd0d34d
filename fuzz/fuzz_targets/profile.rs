//! Fuzz profile loading: any JSON-ish input is either a valid profile that
//! then analyses text without panicking, or an error with a message.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    match factgrid_engine::Profile::from_json(&json) {
        Ok(profile) => {
            let _ = factgrid_engine::analyze("Moscow said it rejected the truce. \u{201c}No,\u{201d} he said.", &profile);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
