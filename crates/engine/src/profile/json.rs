//! A small reader for the profile's JSON.
//!
//! It reads exactly what the serde derives on the profile's types accept
//! from `serde_json` (objects with the same fields and defaults, unknown
//! fields refused, `null` for the optional ones) and gives errors in the
//! same words, but it is written for this one shape: in the WebAssembly
//! build a generic deserializer per struct cost about 37 KB of gzip, this
//! reader a few. The test below checks it against `serde_json` and the
//! derives.

use std::collections::BTreeMap;

use super::{
    Alias, AliasKind, Bounds, FigureWords, Grammar, Lexicon, MeasureKind, MeasureWords, MetaWords, Paradigm,
    Party, Profile, Topic, TopicWords, UnitWords,
};

/// Why the JSON was refused; `syntax` when it is not JSON at all.
pub(super) struct Error {
    pub(super) message: String,
    pub(super) syntax: bool,
}

type R<T> = Result<T, Error>;

/// What [`parse`] read besides the profile's fields.
#[derive(Default)]
pub(super) struct Read {
    /// Did the JSON give a lexicon (not `null`)?
    pub(super) lexicon: bool,
    /// The `language` the JSON gave (not `null`).
    pub(super) language: Option<String>,
}

/// Read a profile into `into`, which starts as the defaults (no doc,
/// version 1, no parties or topics, the empty lexicon; its `language` is
/// left alone and returned instead). Filled in place: a lexicon is a large
/// value, and every move of one is hundreds of loads and stores in
/// WebAssembly.
pub(super) fn parse(json: &str, into: &mut Profile) -> R<Read> {
    let mut p = Reader { src: json, i: 0 };
    let read = p.profile(into)?;
    if p.peek().is_some() {
        return Err(p.syntax("trailing characters"));
    }
    Ok(read)
}

struct Reader<'a> {
    src: &'a str,
    i: usize,
}

/// The fields of a struct, in declaration order, and which were seen.
struct Fields {
    names: &'static [&'static str],
    seen: u64,
}

impl Fields {
    fn new(names: &'static [&'static str]) -> Fields {
        Fields { names, seen: 0 }
    }
}

impl<'a> Reader<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes().get(self.i) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.i += 1;
        }
        None
    }

    fn error(&self, message: &str, syntax: bool) -> Error {
        let before = &self.bytes()[..self.i.min(self.src.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
        Error { message: format!("{message} at line {line} column {column}"), syntax }
    }

    fn syntax(&self, message: &str) -> Error {
        self.error(message, true)
    }

    fn data(&self, message: &str) -> Error {
        self.error(message, false)
    }

    /// `expected` for what `peek` finds, or the error at the end of the input.
    fn expect(&mut self, byte: u8, expected: &str, eof: &str) -> R<()> {
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
    fn unexpected(&mut self) -> R<String> {
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

    fn invalid_type(&mut self, expected: &str) -> Error {
        match self.unexpected() {
            Ok(what) => self.data(&format!("invalid type: {what}, expected {expected}")),
            Err(e) => e,
        }
    }

    fn literal(&mut self, word: &str, said: &str) -> R<String> {
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
    fn number(&mut self) -> R<(&'a str, bool)> {
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
    fn string(&mut self) -> R<String> {
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

    fn hex4(&mut self) -> R<u32> {
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
    fn unicode_escape(&mut self) -> R<char> {
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
    fn seq(&mut self, item: &mut dyn FnMut(&mut Self) -> R<()>) -> R<()> {
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
    fn colon(&mut self) -> R<()> {
        self.expect(b':', "expected `:`", "EOF while parsing an object")
    }

    /// `{` … `}`, each entry read by `entry` given its key: it reads the
    /// `:` (after checking the key, as serde does) and the value.
    fn map(&mut self, expected: &str, entry: &mut dyn FnMut(&mut Self, String) -> R<()>) -> R<()> {
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
    fn object(
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

    fn is_null(&mut self) -> R<bool> {
        if self.peek() == Some(b'n') {
            self.literal("null", "")?;
            return Ok(true);
        }
        Ok(false)
    }

    fn str(&mut self) -> R<String> {
        if self.peek() != Some(b'"') {
            return Err(self.invalid_type("a string"));
        }
        self.string()
    }

    fn opt_str(&mut self) -> R<Option<String>> {
        if self.is_null()? {
            return Ok(None);
        }
        self.str().map(Some)
    }

    fn strings(&mut self) -> R<Vec<String>> {
        let mut out = Vec::new();
        self.seq(&mut |p| {
            out.push(p.str()?);
            Ok(())
        })?;
        Ok(out)
    }

    fn bool(&mut self) -> R<bool> {
        match self.peek() {
            Some(b't') => self.literal("true", "").map(|_| true),
            Some(b'f') => self.literal("false", "").map(|_| false),
            _ => Err(self.invalid_type("a boolean")),
        }
    }

    fn u32(&mut self) -> R<u32> {
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

    fn word_lists(&mut self) -> R<BTreeMap<String, Vec<String>>> {
        let mut map = BTreeMap::new();
        self.map("a map", &mut |p, key| {
            p.colon()?;
            map.insert(key, p.strings()?);
            Ok(())
        })?;
        Ok(map)
    }

    fn profile(&mut self, raw: &mut Profile) -> R<Read> {
        let mut read = Read::default();
        let mut fields = Fields::new(&["_doc", "version", "language", "parties", "topics", "lexicon"]);
        self.object("RawProfile", &mut fields, 0b011000, &mut |p, n| {
            match n {
                0 => raw.doc = p.opt_str()?,
                1 => raw.version = p.u32()?,
                2 => read.language = p.opt_str()?,
                3 => p.seq(&mut |p| {
                    raw.parties.push(p.party()?);
                    Ok(())
                })?,
                4 => p.seq(&mut |p| {
                    raw.topics.push(p.topic()?);
                    Ok(())
                })?,
                _ => {
                    read.lexicon = !p.is_null()?;
                    if read.lexicon {
                        p.lexicon(&mut raw.lexicon)?;
                    }
                }
            }
            Ok(())
        })?;
        Ok(read)
    }

    fn party(&mut self) -> R<Party> {
        let mut party = Party { id: String::new(), label: String::new(), aliases: Vec::new() };
        let mut fields = Fields::new(&["id", "label", "aliases"]);
        self.object("Party", &mut fields, 0b111, &mut |p, n| {
            match n {
                0 => party.id = p.str()?,
                1 => party.label = p.str()?,
                _ => p.seq(&mut |p| {
                    party.aliases.push(p.alias()?);
                    Ok(())
                })?,
            }
            Ok(())
        })?;
        Ok(party)
    }

    fn alias(&mut self) -> R<Alias> {
        let mut alias =
            Alias { text: String::new(), kind: AliasKind::Person, gender: None, case_sensitive: false };
        let mut fields = Fields::new(&["text", "kind", "gender", "case_sensitive"]);
        self.object("Alias", &mut fields, 0b11, &mut |p, n| {
            match n {
                0 => alias.text = p.str()?,
                1 => alias.kind = p.alias_kind()?,
                2 => alias.gender = p.opt_str()?,
                _ => alias.case_sensitive = p.bool()?,
            }
            Ok(())
        })?;
        Ok(alias)
    }

    fn alias_kind(&mut self) -> R<AliasKind> {
        let name = match self.peek() {
            Some(b'"') => self.string()?,
            // `{"country": null}`, which serde_json also reads.
            Some(b'{') => {
                self.i += 1;
                match self.peek() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.syntax("expected value")),
                    Some(_) => return Err(self.syntax("key must be a string")),
                    None => return Err(self.syntax("EOF while parsing an object")),
                }
                let name = self.string()?;
                let kind = self.alias_kind_named(&name)?;
                self.colon()?;
                if !self.is_null()? {
                    return Err(self.invalid_type("unit"));
                }
                match self.peek() {
                    Some(b'}') => self.i += 1,
                    Some(_) => return Err(self.syntax("expected value")),
                    None => return Err(self.syntax("EOF while parsing an object")),
                }
                return Ok(kind);
            }
            Some(_) => return Err(self.syntax("expected value")),
            None => return Err(self.syntax("EOF while parsing a value")),
        };
        self.alias_kind_named(&name)
    }

    fn alias_kind_named(&self, name: &str) -> R<AliasKind> {
        const KINDS: [AliasKind; 7] = [
            AliasKind::Person,
            AliasKind::Title,
            AliasKind::Institution,
            AliasKind::Country,
            AliasKind::Capital,
            AliasKind::Demonym,
            AliasKind::Group,
        ];
        KINDS.into_iter().find(|k| k.name() == name).ok_or_else(|| {
            let known: Vec<String> = KINDS.iter().map(|k| format!("`{}`", k.name())).collect();
            self.data(&format!("unknown variant `{name}`, expected one of {}", known.join(", ")))
        })
    }

    fn topic(&mut self) -> R<Topic> {
        let mut topic = Topic {
            id: String::new(),
            label: String::new(),
            terms: Vec::new(),
            anaphors: Vec::new(),
            weak_terms: Vec::new(),
            context_terms: Vec::new(),
            actions_first: false,
            agreed_outcome: false,
        };
        let mut fields = Fields::new(&[
            "id",
            "label",
            "terms",
            "anaphors",
            "weak_terms",
            "context_terms",
            "actions_first",
            "agreed_outcome",
        ]);
        self.object("Topic", &mut fields, 0b111, &mut |p, n| {
            match n {
                0 => topic.id = p.str()?,
                1 => topic.label = p.str()?,
                2 => topic.terms = p.strings()?,
                3 => topic.anaphors = p.strings()?,
                4 => topic.weak_terms = p.strings()?,
                5 => topic.context_terms = p.strings()?,
                6 => topic.actions_first = p.bool()?,
                _ => topic.agreed_outcome = p.bool()?,
            }
            Ok(())
        })?;
        Ok(topic)
    }

    fn lexicon(&mut self, l: &mut Lexicon) -> R<()> {
        let mut fields = Fields::new(&[
            "other_issues",
            "requests",
            "furniture",
            "yields",
            "addressee_verbs",
            "generic_titles",
            "speaker_refs",
            "dual_refs",
            "roles",
            "verbs",
            "speech_verbs",
            "according_to",
            "stance",
            "negators",
            "hedges",
            "conditions",
            "idioms",
            "pronouns",
            "prepositions",
            "abbreviations",
            "grammar",
            "figures",
            "inflections",
            "topic_words",
            "measures",
            "meta",
        ]);
        self.object("Lexicon", &mut fields, 0, &mut |p, n| {
            let list = match n {
                0 => &mut l.other_issues,
                1 => &mut l.requests,
                2 => &mut l.furniture,
                3 => &mut l.yields,
                4 => &mut l.addressee_verbs,
                5 => &mut l.generic_titles,
                6 => &mut l.speaker_refs,
                7 => &mut l.dual_refs,
                8 => &mut l.roles,
                9 => &mut l.verbs,
                10 => &mut l.speech_verbs,
                11 => &mut l.according_to,
                12 => {
                    l.stance = p.word_lists()?;
                    return Ok(());
                }
                13 => &mut l.negators,
                14 => &mut l.hedges,
                15 => &mut l.conditions,
                16 => &mut l.idioms,
                17 => {
                    let mut map = BTreeMap::new();
                    p.map("a map", &mut |p, key| {
                        p.colon()?;
                        map.insert(key, p.str()?);
                        Ok(())
                    })?;
                    l.pronouns = map;
                    return Ok(());
                }
                18 => &mut l.prepositions,
                19 => &mut l.abbreviations,
                20 => {
                    let map = p.word_lists()?;
                    l.grammar = Grammar::try_from(map).map_err(|e| p.data(&e))?;
                    return Ok(());
                }
                21 => {
                    let map = p.word_lists()?;
                    l.figures = FigureWords::try_from(map).map_err(|e| p.data(&e))?;
                    return Ok(());
                }
                22 => {
                    let mut map = BTreeMap::new();
                    p.map("a map", &mut |p, key| {
                        p.colon()?;
                        let lists = p.word_lists()?;
                        map.insert(key, Paradigm::try_from(lists).map_err(|e| p.data(&e))?);
                        Ok(())
                    })?;
                    l.inflections = map;
                    return Ok(());
                }
                23 => {
                    let map = p.word_lists()?;
                    l.topic_words = TopicWords::try_from(map).map_err(|e| p.data(&e))?;
                    return Ok(());
                }
                24 => return p.measures(&mut l.measures),
                _ => {
                    let map = p.word_lists()?;
                    l.meta = MetaWords::try_from(map).map_err(|e| p.data(&e))?;
                    return Ok(());
                }
            };
            *list = p.strings()?;
            Ok(())
        })
    }

    /// A number read as an `f64`, as serde_json reads one.
    fn f64(&mut self) -> R<f64> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid_type("f64"));
        }
        let (text, _) = self.number()?;
        text.parse().map_err(|_| self.syntax("invalid number"))
    }

    fn numbers(&mut self) -> R<BTreeMap<String, f64>> {
        let mut map = BTreeMap::new();
        self.map("a map", &mut |p, key| {
            p.colon()?;
            map.insert(key, p.f64()?);
            Ok(())
        })?;
        Ok(map)
    }

    /// The measure words; every field may be left out (`#[serde(default)]`
    /// on the struct).
    fn measures(&mut self, m: &mut MeasureWords) -> R<()> {
        let mut fields =
            Fields::new(&["numbers", "several", "fractions", "bounds", "units", "clause_joiners", "kinds"]);
        self.object("MeasureWords", &mut fields, 0, &mut |p, n| {
            match n {
                0 => m.numbers = p.numbers()?,
                1 => m.several = p.numbers()?,
                2 => m.fractions = p.numbers()?,
                3 => {
                    let map = p.word_lists()?;
                    m.bounds = Bounds::try_from(map).map_err(|e| p.data(&e))?;
                }
                4 => {
                    let mut units = Vec::new();
                    p.seq(&mut |p| {
                        units.push(p.unit_words()?);
                        Ok(())
                    })?;
                    m.units = units;
                }
                5 => m.clause_joiners = p.strings()?,
                _ => {
                    let mut kinds = Vec::new();
                    p.seq(&mut |p| {
                        kinds.push(p.measure_kind()?);
                        Ok(())
                    })?;
                    m.kinds = kinds;
                }
            }
            Ok(())
        })
    }

    fn unit_words(&mut self) -> R<UnitWords> {
        let mut u =
            UnitWords { quantity: String::new(), unit: String::new(), factor: 1.0, words: Vec::new() };
        let mut fields = Fields::new(&["quantity", "unit", "factor", "words"]);
        self.object("UnitWords", &mut fields, 0b1011, &mut |p, n| {
            match n {
                0 => u.quantity = p.str()?,
                1 => u.unit = p.str()?,
                2 => u.factor = p.f64()?,
                _ => u.words = p.strings()?,
            }
            Ok(())
        })?;
        Ok(u)
    }

    fn measure_kind(&mut self) -> R<MeasureKind> {
        let mut k = MeasureKind::default();
        let mut fields = Fields::new(&["id", "label", "quantities", "topics", "cues", "default"]);
        self.object("MeasureKind", &mut fields, 0b11, &mut |p, n| {
            match n {
                0 => k.id = p.str()?,
                1 => k.label = p.str()?,
                2 => k.quantities = p.strings()?,
                3 => k.topics = p.strings()?,
                4 => k.cues = p.strings()?,
                _ => k.default = p.bool()?,
            }
            Ok(())
        })?;
        Ok(k)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{RawProfile, DEFAULT_PROFILE, RU_PROFILE, UK_PROFILE};
    use super::*;

    /// What `serde_json` and the derives make of `json`: the profile, or
    /// whether the error was one of syntax.
    fn by_serde(json: &str) -> Result<RawProfile, bool> {
        serde_json::from_str::<RawProfile>(json).map_err(|e| e.is_syntax() || e.is_eof())
    }

    /// What this reader makes of `json`, in the form of the derive's.
    fn ours(json: &str) -> Result<RawProfile, bool> {
        let mut p = Profile {
            doc: None,
            version: 1,
            language: String::new(),
            parties: Vec::new(),
            topics: Vec::new(),
            lexicon: Lexicon::default(),
        };
        let read = parse(json, &mut p).map_err(|e| e.syntax)?;
        Ok(RawProfile {
            doc: p.doc,
            version: p.version,
            language: read.language,
            parties: p.parties,
            topics: p.topics,
            lexicon: read.lexicon.then_some(p.lexicon),
        })
    }

    fn same(json: &str) {
        let ours = ours(json);
        let theirs = by_serde(json);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert!(a == b, "different profiles from {json}"),
            (Err(a), Err(b)) => assert_eq!(a, b, "syntax error or not, for {json}"),
            _ => panic!("{json}\n ours: {:?}\n serde: {:?}", ours.is_ok(), theirs.is_ok()),
        }
    }

    impl PartialEq for RawProfile {
        fn eq(&self, o: &RawProfile) -> bool {
            self.doc == o.doc
                && self.version == o.version
                && self.language == o.language
                && self.parties == o.parties
                && self.topics == o.topics
                && self.lexicon == o.lexicon
        }
    }

    #[test]
    fn reads_the_default_profile_as_serde_does() {
        same(DEFAULT_PROFILE);
        same(include_str!("../../data/default-profile.json"));
        same(RU_PROFILE);
        same(UK_PROFILE);
        same(include_str!("../../data/profile-ru.json"));
        same(include_str!("../../data/profile-uk.json"));
        #[cfg(feature = "cased-languages")]
        assert!(!Profile::builtin(crate::Language::Russian).lexicon.inflections.is_empty());
        assert!(Profile::default_profile().lexicon.grammar != Grammar::default());
    }

    const SMALL: &str = r#"{"_doc": "d\u00e9j\u00e0 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t", "version": 1,
        "parties": [{"id": "eu", "label": "EU", "aliases": [{"text": "Brussels", "kind": "capital", "gender": null},
        {"text": "von der Leyen", "kind": "person", "gender": "f", "case_sensitive": true}]}],
        "topics": [{"id": "trade", "label": "Trade", "terms": ["tariff"], "anaphors": [], "weak_terms": ["x"],
        "actions_first": false, "agreed_outcome": true}],
        "lexicon": {"stance": {"supports": ["backs"], "opposes": []}, "pronouns": {"he": "m"}, "verbs": ["said"],
        "grammar": {"articles": ["the"]}, "figures": {"units": ["km"]},
        "inflections": {"m": {"nom": [""], "gen": ["а"]}}}, "language": "xx"}"#;

    #[test]
    fn reads_what_serde_reads_and_refuses_what_it_refuses() {
        same(SMALL);
        for json in [
            "",
            " ",
            "null",
            "[]",
            "{}",
            "3",
            "-",
            "01",
            "1.",
            "1e",
            "\"x\"",
            "{\"parties\": [], \"topics\": []}",
            "{\"parties\": [], \"topics\": []} x",
            "{\"parties\": [], \"topics\": [],}",
            "{\"parties\": [,], \"topics\": []}",
            "{\"parties\": [], \"topics\": [], \"parties\": []}",
            "{\"parties\": [], \"topics\": [], \"extra\": 1}",
            "{\"parties\": 3, \"topics\": []}",
            "{\"parties\": [], \"topics\": [], \"version\": 2}",
            "{\"parties\": [], \"topics\": [], \"version\": -1}",
            "{\"parties\": [], \"topics\": [], \"version\": -0}",
            "{\"parties\": [], \"topics\": [], \"version\": 1.0}",
            "{\"parties\": [], \"topics\": [], \"version\": 5000000000}",
            "{\"parties\": [], \"topics\": [], \"version\": 99999999999999999999999}",
            "{\"parties\": [], \"topics\": [], \"version\": 1e3}",
            "{\"parties\": [], \"topics\": [], \"version\": null}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": null}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"grammar\": {\"nope\": []}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"figures\": {\"units\": [\"a\"], \"units\": [\"b\"]}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"verbs\": null}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"pronouns\": {\"he\": 1}}}",
            "{\"parties\": [], \"topics\": [], \"_doc\": null}",
            "{\"parties\": [], \"topics\": [], \"_doc\": \"\\ud800\"}",
            "{\"parties\": [], \"topics\": [], \"_doc\": \"\\udc00\"}",
            "{\"parties\": [], \"topics\": [], \"_doc\": \"\\u12\"}",
            "{\"parties\": [], \"topics\": [], \"_doc\": \"\\x\"}",
            "{\"parties\": [], \"topics\": [], \"_doc\": \"a\nb\"}",
            "{\"parties\": [], \"topics\": [], \"_doc\": tru}",
            "{\"parties\": [], \"topics\": [], \"_doc\": true}",
            "{\"parties\": [], \"topics\": [], \"_doc\": [1]}",
            "{\"parties\": [], \"topics\": [], \"_doc\": {\"a\": 1}}",
            "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": \"nation\"}]}], \"topics\": []}",
            "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": 1}]}], \"topics\": []}",
            "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\"}]}], \"topics\": []}",
            "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": {\"group\": null}}]}], \"topics\": []}",
            "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": {\"group\": 1}}]}], \"topics\": []}",
            "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": {\"group\": null, \"x\": 1}}]}], \"topics\": []}",
            "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": {}}]}], \"topics\": []}",
            "{\"parties\": [{\"id\": \"a\", \"label\": \"A\", \"aliases\": [{\"text\": \"A\", \"kind\": \"group\", \"case_sensitive\": 1}]}], \"topics\": []}",
            "{\"parties\": [], \"topics\": [{\"id\": \"t\", \"label\": \"T\", \"terms\": [\"x\"], \"actions_first\": null}]}",
            "{\"parties\": [], \"topics\": [{\"id\": \"t\", \"label\": \"T\"}]}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"numbers\": {\"two\": 2, \"half\": 0.5, \"k\": 1e3, \"m\": -0, \"x\": 1.609344}, \"units\": [{\"quantity\": \"area\", \"unit\": \"km2\", \"words\": [\"sq km\"]}, {\"quantity\": \"length\", \"unit\": \"km\", \"factor\": 1.609, \"words\": [\"miles\"]}], \"kinds\": [{\"id\": \"a\", \"label\": \"A\", \"default\": true}], \"bounds\": {\"below\": [\"under\"]}, \"clause_joiners\": [\"and\"]}, \"meta\": {\"months\": [\"may\"]}, \"conditions\": [\"if\"], \"idioms\": [\"x\"]}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"numbers\": {\"two\": \"2\"}}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"units\": [{\"quantity\": \"a\", \"words\": []}]}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"nope\": 1}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": {\"kinds\": [{\"id\": \"a\"}]}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"meta\": {\"nope\": []}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"measures\": null}}",
            "{\"language\": \"ru\", \"parties\": [], \"topics\": []}",
            "{\"language\": null, \"parties\": [], \"topics\": []}",
            "{\"language\": 1, \"parties\": [], \"topics\": []}",
            "{\"parties\": [], \"topics\": [], \"language\": \"uk\", \"language\": \"ru\"}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": {\"sur\": {\"nom\": [\"\"], \"gen\": [\"а\", \"у\"], \"any\": []}, \"f\": {}}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": {\"sur\": {\"voc\": [\"е\"]}}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": {\"sur\": []}}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": null}}",
            "{\"parties\": [], \"topics\": [], \"lexicon\": {\"inflections\": {\"a\": {\"nom\": [1]}}}}",
            "{1: 2}",
            "{\"parties\" []}",
            "{\"parties\": [] \"topics\": []}",
            "[\"parties\"]",
        ] {
            same(json);
        }
    }

    #[test]
    fn cut_or_damaged_anywhere_it_agrees_with_serde() {
        let chars: Vec<(usize, char)> = SMALL.char_indices().collect();
        for &(i, c) in &chars {
            same(&SMALL[..i]);
            let mut cut = SMALL.to_string();
            cut.remove(i);
            same(&cut);
            for put in ['"', ',', '}', ']', '1', 'n', '\\', '\n'] {
                if put != c {
                    let mut bad = SMALL.to_string();
                    bad.insert(i, put);
                    same(&bad);
                }
            }
        }
    }
}
