//! Compacts the built-in profiles (`data/default-profile.json`,
//! `data/profile-ru.json`, `data/profile-uk.json`, written indented, for
//! people) into `$OUT_DIR/*.min.json`, which the engine embeds: white space
//! outside strings is dropped. No dependencies, no network.

use std::path::Path;

fn main() {
    for (src, out) in [
        ("data/default-profile.json", "default-profile.min.json"),
        ("data/profile-ru.json", "profile-ru.min.json"),
        ("data/profile-uk.json", "profile-uk.min.json"),
    ] {
        compact(Path::new(src), out);
    }
}

fn compact(src: &Path, out_name: &str) {
    println!("cargo:rerun-if-changed={}", src.display());
    let json = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("{} is readable: {e}", src.display()));
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
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(out_name);
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
