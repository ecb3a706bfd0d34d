//! Compacts `data/default-profile.json` (written indented, for people) into
//! `$OUT_DIR/default-profile.min.json`, which the engine embeds: white space
//! outside strings is dropped. No dependencies, no network.

use std::path::Path;

fn main() {
    let src = Path::new("data/default-profile.json");
    println!("cargo:rerun-if-changed={}", src.display());
    let json = std::fs::read_to_string(src).expect("data/default-profile.json is readable");
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default-profile.min.json");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
