//! Article text and paths made inert for a terminal and a spreadsheet.
//!
//! The engine's `Report::to_markdown`/`to_csv` do the same for their own
//! output (a private copy there: the engine exports no text helpers); this
//! copy serves what the CLI writes itself: the table, paths in headers,
//! CSV path cells and messages on standard error.

use std::borrow::Cow;

/// `s` with terminal control sequences (ESC and CSI/OSC/DCS strings, in
/// their 7- and 8-bit forms) and all other control characters removed;
/// tabs and line breaks become spaces, so one field stays on one line.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' => out.push(' '),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(' ');
                }
            }
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                _ => {
                    // ESC, intermediates (0x20-0x2F), one final byte (0x30-0x7E).
                    while chars.next_if(|c| ('\u{20}'..='\u{2f}').contains(c)).is_some() {}
                    chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
                }
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Parameters (0x30-0x3F), intermediates (0x20-0x2F), then the final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|c| ('\u{20}'..='\u{3f}').contains(c)).is_some() {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// An OSC/DCS/SOS/PM/APC string: up to BEL, ESC \ or ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

/// A quoted CSV field, control characters removed and, as OWASP advises
/// against formula injection, a leading `=`, `+`, `-` or `@` (after any
/// spaces) defused with an apostrophe so that a spreadsheet shows it as
/// text. The same rule as the engine's `Report::to_csv`.
pub fn csv_field(s: &str) -> String {
    let s = terminal_safe(s);
    let guard = s.trim_start().starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']);
    format!("\"{}{}\"", if guard { "'" } else { "" }, s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_go_text_stays() {
        let cases = [
            ("plain text, ünïcode 🇺🇦", "plain text, ünïcode 🇺🇦"),
            ("red \u{1b}[31mALERT\u{1b}[0m done", "red ALERT done"),
            ("clear\u{1b}[2J\u{1b}[H screen", "clear screen"),
            ("title \u{1b}]0;pwned\u{7}after", "title after"),
            ("link \u{1b}]8;;http://evil\u{1b}\\text\u{1b}]8;;\u{1b}\\ end", "link text end"),
            ("8-bit \u{9b}31mcsi", "8-bit csi"),
            ("keypad \u{1b}=on", "keypad on"),
            ("bell\u{7} back\u{8}space nul\0", "bell backspace nul"),
            ("over\rwrite", "over write"),
            ("two\r\nlines\tand tab", "two lines and tab"),
            ("lone escape at end \u{1b}", "lone escape at end "),
            ("unterminated \u{1b}]0;title", "unterminated "),
        ];
        for (input, want) in cases {
            assert_eq!(terminal_safe(input), want, "{input:?}");
        }
    }

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        for bad in ["+1", "-2+3", "@SUM(A1)", "  =1+1", "\t=1", "＝1"] {
            assert!(csv_field(bad).starts_with("\"'"), "{bad:?}: {}", csv_field(bad));
        }
        assert_eq!(csv_field("\u{1b}[31m=red"), "\"'=red\"", "control sequences go before the check");
        assert_eq!(csv_field("Kyiv said - no"), "\"Kyiv said - no\"");
    }
}
