//! The JSON syntax under the profile reader: a cursor over the text that
//! reads strings, numbers, literals, arrays, maps and struct objects in the
//! steps and error words of `serde_json` and serde's derives. The shape of
//! a profile (which fields, which types) is read by the parent module.

use super::{Error, R};

pub(super) struct Reader<'a> {
    pub(super) src: &'a str,
    pub(super) i: usize,
}

/// The fields of a struct, in declaration order, and which were seen.
pub(super) struct Fields {
    names: &'static [&'static str],
    seen: u64,
}

impl Fields {
    pub(super) fn new(names: &'static [&'static str]) -> Fields {
        Fields { names, seen: 0 }
    }
}

impl<'a> Reader<'a> {
    pub(super) fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// The next byte after white space, not consumed.
    pub(super) fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes().get(self.i) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.i += 1;
        }
        None
    }

    pub(super) fn error(&self, message: &str, syntax: bool) -> Error {
        let before = &self.bytes()[..self.i.min(self.src.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
        Error { message: format!("{message} at line {line} column {column}"), syntax }
    }

    pub(super) fn syntax(&self, message: &str) -> Error {
        self.error(message, true)
    }

    pub(super) fn data(&self, message: &str) -> Error {
        self.error(message, false)
    }

    /// `expected` for what `peek` finds, or the error at the end of the input.
    pub(super) fn expect(&mut self, byte: u8, expected: &str, eof: &str) -> R<()> {
        match self.peek() {
            Some(b) if b == byte => {
                self.i += 1;
                Ok(())
            }
            Some(_) => Err(self.syntax(expected)),
            None => Err(self.syntax(eof)),
        }
    }

    /// What the value at the cursor is, in serde's words (for an error).
    pub(super) fn unexpected(&mut self) -> R<String> {
        Ok(match self.peek() {
            Some(b'"') => format!("string {:?}", self.string()?),
            Some(b'[') => "sequence".into(),
            Some(b'{') => "map".into(),
            Some(b't') => self.literal("true", "boolean `true`")?,
            Some(b'f') => self.literal("false", "boolean `false`")?,
            Some(b'n') => self.literal("null", "null")?,
            Some(b'-' | b'0'..=b'9') => {
                let (text, integer) = self.number()?;
                if integer && (text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok()) {
                    format!("integer `{text}`")
                } else {
                    format!("floating point `{text}`")
                }
            }
            Some(_) => return Err(self.syntax("expected value")),
            None => return Err(self.syntax("EOF while parsing a value")),
        })
    }

    pub(super) fn invalid_type(&mut self, expected: &str) -> Error {
        match self.unexpected() {
            Ok(what) => self.data(&format!("invalid type: {what}, expected {expected}")),
            Err(e) => e,
        }
    }

    pub(super) fn literal(&mut self, word: &str, said: &str) -> R<String> {
        if self.src[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(said.into())
        } else if word.starts_with(&self.src[self.i..]) {
            self.i = self.src.len();
            Err(self.syntax("EOF while parsing a value"))
        } else {
            Err(self.syntax("expected ident"))
        }
    }

    /// A number's text, and whether it is an integer (no fraction or
    /// exponent; `-0` is not one to serde_json either).
    pub(super) fn number(&mut self) -> R<(&'a str, bool)> {
        let b = self.bytes();
        let start = self.i;
        let mut i = start + usize::from(b.get(start) == Some(&b'-'));
        let digits = |i: &mut usize| {
            let from = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i - from
        };
        let int_start = i;
        let n = digits(&mut i);
        let mut integer = true;
        let mut ok = n > 0 && !(n > 1 && b[int_start] == b'0');
        if ok && b.get(i) == Some(&b'.') {
            i += 1;
            integer = false;
            ok = digits(&mut i) > 0;
        }
        if ok && matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            integer = false;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            ok = digits(&mut i) > 0;
        }
        self.i = i;
        if !ok {
            return Err(self.syntax(if i >= b.len() {
                "EOF while parsing a value"
            } else {
                "invalid number"
            }));
        }
        let text = &self.src[start..i];
        Ok((text, integer && text != "-0"))
    }

    /// A JSON string; the cursor is on its opening quote.
    pub(super) fn string(&mut self) -> R<String> {
        self.i += 1;
        let b = self.bytes();
        let mut out = String::new();
        let mut run = self.i;
        loop {
            let Some(&c) = b.get(self.i) else {
                return Err(self.syntax("EOF while parsing a string"));
            };
            match c {
                b'"' => {
                    out.push_str(&self.src[run..self.i]);
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.src[run..self.i]);
                    self.i += 1;
                    let Some(&e) = b.get(self.i) else {
                        return Err(self.syntax("EOF while parsing a string"));
                    };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.syntax("invalid escape")),
                    };
                    out.push(c);
                    run = self.i;
                }
                0..=0x1f => {
                    self.i += 1;
                    return Err(
                        self.syntax("control character (\\u0000-\\u001F) found while parsing a string")
                    );
                }
                _ => self.i += 1,
            }
        }
    }

    pub(super) fn hex4(&mut self) -> R<u32> {
        let Some(digits) = self.src.get(self.i..self.i + 4) else {
            self.i = self.src.len();
            return Err(self.syntax("EOF while parsing a string"));
        };
        if !digits.bytes().all(|d| d.is_ascii_hexdigit()) {
            return Err(self.syntax("invalid escape"));
        }
        self.i += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.syntax("invalid escape"))
    }

    /// The character of a `\u` escape (and of a second one, for a
    /// surrogate pair); the cursor is after the `u`.
    pub(super) fn unicode_escape(&mut self) -> R<char> {
        let mut code = self.hex4()?;
        if (0xDC00..0xE000).contains(&code) {
            return Err(self.syntax("lone leading surrogate in hex escape"));
        }
        if (0xD800..0xDC00).contains(&code) {
            if !self.src[self.i..].starts_with("\\u") {
                let eof = self.i >= self.src.len();
                return Err(self.syntax(if eof {
                    "EOF while parsing a string"
                } else {
                    "unexpected end of hex escape"
                }));
            }
            self.i += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.syntax("lone leading surrogate in hex escape"));
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        char::from_u32(code).ok_or_else(|| self.syntax("invalid unicode code point"))
    }

    /// `[` … `]`, each element read by `item` (in the steps and words of
    /// serde_json).
    pub(super) fn seq(&mut self, item: &mut dyn FnMut(&mut Self) -> R<()>) -> R<()> {
        if self.peek() != Some(b'[') {
            return Err(self.invalid_type("a sequence"));
        }
        self.i += 1;
        let mut first = true;
        loop {
            match self.peek() {
                None => return Err(self.syntax("EOF while parsing a list")),
                Some(b']') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(_) if first => first = false,
                Some(b',') => {
                    self.i += 1;
                    match self.peek() {
                        Some(b']') => return Err(self.syntax("trailing comma")),
                        Some(_) => {}
                        None => return Err(self.syntax("EOF while parsing a value")),
                    }
                }
                Some(_) => return Err(self.syntax("expected `,` or `]`")),
            }
            item(self)?;
        }
    }

    /// The `:` after a key.
    pub(super) fn colon(&mut self) -> R<()> {
        self.expect(b':', "expected `:`", "EOF while parsing an object")
    }

    /// `{` … `}`, each entry read by `entry` given its key: it reads the
    /// `:` (after checking the key, as serde does) and the value.
    pub(super) fn map(&mut self, expected: &str, entry: &mut dyn FnMut(&mut Self, String) -> R<()>) -> R<()> {
        if self.peek() != Some(b'{') {
            return Err(self.invalid_type(expected));
        }
        self.i += 1;
        let mut first = true;
        loop {
            match self.peek() {
                None => return Err(self.syntax("EOF while parsing an object")),
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'"') if first => first = false,
                Some(_) if first => return Err(self.syntax("key must be a string")),
                Some(b',') => {
                    self.i += 1;
                    match self.peek() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.syntax("trailing comma")),
                        Some(_) => return Err(self.syntax("key must be a string")),
                        None => return Err(self.syntax("EOF while parsing a value")),
                    }
                }
                Some(_) => return Err(self.syntax("expected `,` or `}`")),
            }
            let key = self.string()?;
            entry(self, key)?;
        }
    }

    /// A struct's object: `field` reads the value of field number `n`.
    /// Unknown and repeated fields are refused, as serde's derive does with
    /// `deny_unknown_fields`; the missing required ones are then named.
    pub(super) fn object(
        &mut self,
        name: &str,
        fields: &mut Fields,
        required: u64,
        field: &mut dyn FnMut(&mut Self, usize) -> R<()>,
    ) -> R<()> {
        let names = fields.names;
        self.map(&format!("struct {name}"), &mut |p, key| {
            let Some(n) = names.iter().position(|f| *f == key) else {
                let known: Vec<String> = names.iter().map(|f| format!("`{f}`")).collect();
                return Err(p.data(&format!("unknown field `{key}`, expected one of {}", known.join(", "))));
            };
            if fields.seen & (1 << n) != 0 {
                return Err(p.data(&format!("duplicate field `{key}`")));
            }
            fields.seen |= 1 << n;
            p.colon()?;
            field(p, n)
        })?;
        if let Some(n) = (0..names.len()).find(|&n| required & (1 << n) != 0 && fields.seen & (1 << n) == 0) {
            return Err(self.data(&format!("missing field `{}`", names[n])));
        }
        Ok(())
    }

    pub(super) fn is_null(&mut self) -> R<bool> {
        if self.peek() == Some(b'n') {
            self.literal("null", "")?;
            return Ok(true);
        }
        Ok(false)
    }

    pub(super) fn str(&mut self) -> R<String> {
        if self.peek() != Some(b'"') {
            return Err(self.invalid_type("a string"));
        }
        self.string()
    }

    pub(super) fn opt_str(&mut self) -> R<Option<String>> {
        if self.is_null()? {
            return Ok(None);
        }
        self.str().map(Some)
    }

    pub(super) fn strings(&mut self) -> R<Vec<String>> {
        let mut out = Vec::new();
        self.seq(&mut |p| {
            out.push(p.str()?);
            Ok(())
        })?;
        Ok(out)
    }

    pub(super) fn bool(&mut self) -> R<bool> {
        match self.peek() {
            Some(b't') => self.literal("true", "").map(|_| true),
            Some(b'f') => self.literal("false", "").map(|_| false),
            _ => Err(self.invalid_type("a boolean")),
        }
    }

    pub(super) fn u32(&mut self) -> R<u32> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid_type("u32"));
        }
        let (text, integer) = self.number()?;
        if integer {
            if let Ok(v) = text.parse::<i64>() {
                return u32::try_from(v)
                    .map_err(|_| self.data(&format!("invalid value: integer `{text}`, expected u32")));
            }
            if text.parse::<u64>().is_ok() {
                return Err(self.data(&format!("invalid value: integer `{text}`, expected u32")));
            }
        }
        Err(self.data(&format!("invalid type: floating point `{text}`, expected u32")))
    }

    /// A number read as an `f64`, as serde_json reads one.
    pub(super) fn f64(&mut self) -> R<f64> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid_type("f64"));
        }
        let (text, _) = self.number()?;
        text.parse().map_err(|_| self.syntax("invalid number"))
    }
}
