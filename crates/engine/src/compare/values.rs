//! Figures across articles: what a figure's value is, what it measures,
//! and which values of the same measure disagree.
//!
//! [`Vocab::read`] turns a figure as written (`less than 200 sq. km`,
//! `one-fifth`, `72-hour`, `tens of thousands of soldiers`) into a
//! [`Reading`]: its quantity (`area`), the value in that quantity's one
//! unit (`km²`), and the interval the words allow (`less than` 200: 0 to
//! 200). [`Vocab::classify`] says what it measures from cue words in the
//! figure's clause (`area retaken`, `truce length`). [`conflicts`] pairs
//! values of one measure, from different articles or named sources, whose
//! intervals lie more than the tolerance apart. All words come from the
//! profile's `lexicon.measures`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::profile::{MeasureWords, Profile};

/// The longest figure text read, in bytes.
const MAX_FIGURE_BYTES: usize = 256;

/// The quantity of a number given without a unit.
pub(crate) const COUNT: &str = "count";
/// The quantity of a share (per cent, or a fraction).
pub(crate) const SHARE: &str = "share";

/// What the words around a number say about the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// As written (`1,300 sq. km`).
    Exact,
    /// `about`, `roughly`: within 10% either way.
    About,
    /// `nearly`, `almost`: up to 10% under.
    Nearly,
    /// `less than`, `under`.
    Below,
    /// `up to`, `within`.
    AtMost,
    /// `more than`, `over`.
    Above,
    /// `at least`.
    AtLeast,
    /// `10 to 15`, `two- to three-day`.
    Range,
    /// `thousands`, `tens of thousands`: two to ten of the unit.
    Several,
}

impl Bound {
    /// Its name in JSON (`exact`, `at_most`, …).
    pub fn name(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::About => "about",
            Bound::Nearly => "nearly",
            Bound::Below => "below",
            Bound::AtMost => "at_most",
            Bound::Above => "above",
            Bound::AtLeast => "at_least",
            Bound::Range => "range",
            Bound::Several => "several",
        }
    }
}

/// A figure's value, read from its words.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Reading {
    pub quantity: String,
    pub unit: String,
    pub bound: Bound,
    /// The number as written, converted to `unit`.
    pub value: f64,
    /// The interval the words allow, in `unit` (`max` may be infinite).
    pub min: f64,
    pub max: f64,
}

/// A token of a figure or a sentence: lower-case text and its byte range.
#[derive(Clone, Debug)]
struct Token {
    text: String,
    start: usize,
    end: usize,
    /// A hyphen or dash joins it to the token before (`10-15`, `two- to`).
    hyphen_before: bool,
    /// A clause boundary (`,` `;` `:` a spaced dash, a bracket) comes before it.
    boundary_before: bool,
}

fn tokens(s: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut hyphen = false;
    let mut boundary = false;
    let mut cur: Option<(usize, String)> = None;
    let flush =
        |cur: &mut Option<(usize, String)>, end: usize, out: &mut Vec<Token>, h: &mut bool, b: &mut bool| {
            if let Some((start, text)) = cur.take() {
                out.push(Token { text, start, end, hyphen_before: *h, boundary_before: *b });
                *h = false;
                *b = false;
            }
        };
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let in_number = cur.as_ref().is_some_and(|(_, t)| t.ends_with(|d: char| d.is_ascii_digit()));
        let keeps = c.is_alphanumeric()
            || (matches!(c, '.' | ',') && in_number && next.is_some_and(|n| n.is_ascii_digit()))
            || (matches!(c, '\'' | '\u{2019}') && cur.is_some() && next.is_some_and(char::is_alphabetic));
        if keeps {
            let c = if c == '\u{2019}' { '\'' } else { c };
            match &mut cur {
                Some((_, t)) => t.extend(c.to_lowercase()),
                None => cur = Some((i, c.to_lowercase().collect())),
            }
            continue;
        }
        flush(&mut cur, i, &mut out, &mut hyphen, &mut boundary);
        match c {
            '%' => {
                out.push(Token {
                    text: "%".into(),
                    start: i,
                    end: i + 1,
                    hyphen_before: hyphen,
                    boundary_before: boundary,
                });
                hyphen = false;
                boundary = false;
            }
            '-' | '\u{2010}' | '\u{2011}' => hyphen = true,
            // An en or em dash between words is a clause break (` – `), between numbers a range (`8–10`).
            '\u{2013}' | '\u{2014}' => {
                let spaced = s[..i].ends_with(' ') || next == Some(' ');
                if spaced {
                    boundary = true;
                } else {
                    hyphen = true;
                }
            }
            // (Not `.`: the text is one sentence, and a full stop inside it
            // belongs to an abbreviation, `sq. km`, `U.S.`.)
            ',' | ';' | ':' | '(' | ')' | '[' | ']' => boundary = true,
            _ => {}
        }
    }
    flush(&mut cur, s.len(), &mut out, &mut hyphen, &mut boundary);
    out
}

/// Word sequences in lower case, tokenised like the text they are matched in.
fn phrase(p: &str) -> Vec<String> {
    tokens(p).into_iter().map(|t| t.text).collect()
}

/// Do `words` start with the words of `phrase`?
fn starts_with(words: &[&str], phrase: &[String]) -> bool {
    phrase.len() <= words.len() && phrase.iter().zip(words).all(|(p, w)| p == w)
}

/// A number written in digits: `1,300`, `1.5`, `62,4` (a decimal comma),
/// `1.300.000`.
fn digits_value(t: &str) -> Option<f64> {
    if !t.starts_with(|c: char| c.is_ascii_digit())
        || !t.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let groups_of_three = |sep: char| {
        let mut parts = t.split(sep);
        let first = parts.next().unwrap_or("");
        (1..=3).contains(&first.len()) && parts.all(|p| p.len() == 3)
    };
    let plain = if !t.contains('.') && t.contains(',') {
        if groups_of_three(',') {
            t.replace(',', "")
        } else {
            t.replacen(',', ".", 1)
        }
    } else if t.contains('.') && t.contains(',') {
        // 1,300.5 or 1.300,5: the last separator is the decimal one.
        let (dec, thou) = if t.rfind('.') > t.rfind(',') { ('.', ',') } else { (',', '.') };
        t.replace(thou, "").replace(dec, ".")
    } else if t.matches('.').count() > 1 && groups_of_three('.') {
        t.replace('.', "")
    } else {
        t.to_string()
    };
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// One kind of measure, compiled.
#[derive(Debug)]
pub(crate) struct Kind {
    pub id: String,
    pub label: String,
    quantities: Vec<String>,
    topics: Vec<String>,
    cues: Vec<Vec<String>>,
    default: bool,
}

impl Kind {
    fn takes(&self, quantity: &str, topic: Option<&str>) -> bool {
        (self.quantities.is_empty() || self.quantities.iter().any(|q| q == quantity))
            && (self.topics.is_empty() || topic.is_some_and(|t| self.topics.iter().any(|k| k == t)))
    }
}

/// The profile's measure vocabulary, compiled.
#[derive(Debug)]
pub(crate) struct Vocab {
    numbers: HashMap<String, f64>,
    several: HashMap<String, f64>,
    fractions: HashMap<String, f64>,
    articles: HashSet<String>,
    range_words: HashSet<String>,
    /// Longest first.
    bounds: Vec<(Vec<String>, Bound)>,
    /// Longest first: words, quantity, unit, factor.
    units: Vec<(Vec<String>, String, String, f64)>,
    joiners: HashSet<String>,
    pub kinds: Vec<Kind>,
    /// Every cue by its first word: (kind, cue).
    cue_index: HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl Vocab {
    pub(crate) fn new(profile: &Profile) -> Vocab {
        let m: &MeasureWords = &profile.lexicon.measures;
        let lower = |map: &std::collections::BTreeMap<String, f64>| -> HashMap<String, f64> {
            map.iter().map(|(k, &v)| (k.to_lowercase(), v)).collect()
        };
        let mut bounds: Vec<(Vec<String>, Bound)> = Vec::new();
        for (list, b) in [
            (&m.bounds.below, Bound::Below),
            (&m.bounds.at_most, Bound::AtMost),
            (&m.bounds.above, Bound::Above),
            (&m.bounds.at_least, Bound::AtLeast),
            (&m.bounds.nearly, Bound::Nearly),
            (&m.bounds.about, Bound::About),
        ] {
            bounds.extend(list.iter().map(|w| (phrase(w), b)).filter(|(p, _)| !p.is_empty()));
        }
        bounds.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut units: Vec<(Vec<String>, String, String, f64)> = Vec::new();
        for u in &m.units {
            for w in &u.words {
                let p = phrase(w);
                if !p.is_empty() {
                    units.push((p, u.quantity.clone(), u.unit.clone(), u.factor));
                }
            }
        }
        units.sort_by_key(|u| std::cmp::Reverse(u.0.len()));
        let f = &profile.lexicon.figures;
        let kinds: Vec<Kind> = m
            .kinds
            .iter()
            .map(|k| Kind {
                id: k.id.clone(),
                label: k.label.clone(),
                quantities: k.quantities.clone(),
                topics: k.topics.clone(),
                cues: k.cues.iter().map(|c| phrase(c)).filter(|p| !p.is_empty()).collect(),
                default: k.default || k.cues.is_empty(),
            })
            .collect();
        let mut cue_index: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        for (i, k) in kinds.iter().enumerate() {
            for cue in &k.cues {
                cue_index.entry(cue[0].clone()).or_default().push((i, cue.clone()));
            }
        }
        Vocab {
            numbers: lower(&m.numbers),
            several: lower(&m.several),
            fractions: lower(&m.fractions),
            articles: f.fraction_articles.iter().map(|w| w.to_lowercase()).collect(),
            range_words: f.range_words.iter().map(|w| w.to_lowercase()).collect(),
            bounds,
            units,
            joiners: m.clause_joiners.iter().map(|w| w.to_lowercase()).collect(),
            kinds,
            cue_index,
        }
    }

    /// The unit values of `quantity` are given in.
    pub(crate) fn unit_of(&self, quantity: &str) -> String {
        match quantity {
            SHARE => self.units.iter().find(|u| u.1 == SHARE).map_or("%".into(), |u| u.2.clone()),
            _ => self.units.iter().find(|u| u.1 == quantity).map_or(String::new(), |u| u.2.clone()),
        }
    }

    /// The value of a number token: digits or a number word.
    fn number(&self, t: &str) -> Option<f64> {
        digits_value(t).or_else(|| self.numbers.get(t).copied())
    }

    /// Read a figure as written.
    pub(crate) fn read(&self, figure: &str) -> Option<Reading> {
        // Figures are a few words; a longer text (a report built by hand)
        // is read no further than this.
        let mut cut = figure.len().min(MAX_FIGURE_BYTES);
        while !figure.is_char_boundary(cut) {
            cut -= 1;
        }
        let toks = tokens(&figure[..cut]);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        let mut i = 0;
        let mut bound = Bound::Exact;
        // Modifiers (`just under`, `more than`), then any other words before the number.
        'outer: while i < words.len() {
            for (p, b) in &self.bounds {
                if starts_with(&words[i..], p) {
                    if bound == Bound::Exact {
                        bound = *b;
                    }
                    i += p.len();
                    continue 'outer;
                }
            }
            if self.starts_number(&words, i) {
                break;
            }
            i += 1;
        }
        let ((low, high), mut end, share) = self.expression(&words, i)?;
        // A range: `10 to 15`, `10 or 12`, `10-15`, `two- to three-day`.
        let joined = words.get(end).is_some_and(|w| self.range_words.contains(*w))
            && self.starts_number(&words, end + 1);
        let hyphened =
            !joined && toks.get(end).is_some_and(|t| t.hyphen_before) && self.starts_number(&words, end);
        let second = (joined || hyphened)
            .then(|| self.expression(&words, end + usize::from(joined)))
            .flatten()
            .filter(|((low2, _), _, _)| *low2 > low);
        let (value, min, max);
        if let Some(((_, high2), e2, _)) = second {
            bound = Bound::Range;
            (value, min, max) = ((low + high2) / 2.0, low, high2);
            end = e2;
        } else if high > low {
            // `thousands`: the expression gives its own interval.
            if bound == Bound::Exact {
                bound = Bound::Several;
            }
            value = low;
            min = if matches!(bound, Bound::Below | Bound::AtMost) { 0.0 } else { low };
            max = if matches!(bound, Bound::Above | Bound::AtLeast) { f64::INFINITY } else { high };
        } else {
            value = low;
            (min, max) = match bound {
                Bound::Exact | Bound::Range | Bound::Several => (low, low),
                Bound::About => (low * 0.9, low * 1.1),
                Bound::Nearly => (low * 0.9, low),
                Bound::Below | Bound::AtMost => (0.0, low),
                Bound::Above | Bound::AtLeast => (low, f64::INFINITY),
            };
        }
        let (quantity, unit, factor) = if share {
            (SHARE.to_string(), self.unit_of(SHARE), 100.0)
        } else {
            match self.unit_at(&words, &toks, end) {
                Some((q, u, f)) => (q.to_string(), u.to_string(), f),
                None => (COUNT.to_string(), String::new(), 1.0),
            }
        };
        let mut r =
            Reading { quantity, unit, bound, value: value * factor, min: min * factor, max: max * factor };
        if r.quantity == SHARE {
            r.max = r.max.min(100.0);
            r.min = r.min.min(100.0);
        }
        Some(r)
    }

    fn starts_number(&self, words: &[&str], i: usize) -> bool {
        let Some(w) = words.get(i) else { return false };
        self.number(w).is_some()
            || self.several.contains_key(*w)
            || self.fractions.contains_key(*w)
            || self.articles.contains(*w)
                && words.get(i + 1).is_some_and(|n| {
                    self.fractions.contains_key(*n) || self.numbers.get(*n).is_some_and(|&v| v >= 100.0)
                })
    }

    /// A number expression at `i`: `1.5 million`, `two hundred`, `one-fifth`,
    /// `a third`, `half`, `tens of thousands`. Returns (low, high) (equal
    /// unless the count is vague), the index after it, and whether it is a
    /// fraction (a share).
    fn expression(&self, words: &[&str], i: usize) -> Option<((f64, f64), usize, bool)> {
        let w = *words.get(i)?;
        // Vague plurals: `tens of thousands` is 20,000 to 100,000.
        if let Some(&base) = self.several.get(w) {
            let mut base = base;
            let mut j = i + 1;
            while let Some(&more) = words.get(j + 1).and_then(|n| self.several.get(*n)) {
                base *= more;
                j += 2;
            }
            return Some(((2.0 * base, 10.0 * base), j, false));
        }
        if let Some(&f) = self.fractions.get(w) {
            return Some(((f, f), i + 1, true)); // `half`
        }
        let (mut v, mut j) = if self.articles.contains(w) && self.number(w).is_none() {
            (1.0, i + 1)
        } else {
            (self.number(w).or_else(|| self.articles.contains(w).then_some(1.0))?, i + 1)
        };
        if let Some(&f) = words.get(j).and_then(|n| self.fractions.get(*n)) {
            return Some(((v * f, v * f), j + 1, true)); // `one-fifth`, `nine-tenths`, `a third`
        }
        // `1.5 million`, `two hundred thousand`; `twenty five`.
        while let Some(&m) = words.get(j).and_then(|n| self.numbers.get(*n)) {
            if m >= 100.0 {
                v *= m;
            } else if (20.0..100.0).contains(&v) && m < 10.0 && v % 10.0 == 0.0 {
                v += m;
            } else {
                break;
            }
            j += 1;
        }
        // `1 300` (thousands apart with a space).
        if let (Some(next), true) =
            (words.get(j), words.get(i).is_some_and(|w| w.len() <= 3 && digits_value(w).is_some()))
        {
            if next.len() == 3 && next.bytes().all(|b| b.is_ascii_digit()) && j == i + 1 {
                v = v * 1000.0 + digits_value(next).unwrap_or(0.0);
                j += 1;
            }
        }
        Some(((v, v), j, false))
    }

    /// The first unit at or after word `from`, before any clause boundary
    /// (`millions, destroyed towns` has no unit): quantity, unit, factor.
    fn unit_at(&self, words: &[&str], toks: &[Token], from: usize) -> Option<(&str, &str, f64)> {
        let end = (from..words.len()).find(|&k| toks[k].boundary_before).unwrap_or(words.len());
        (from..end).find_map(|k| {
            self.units
                .iter()
                .find(|u| starts_with(&words[k..], &u.0))
                .map(|u| (u.1.as_str(), u.2.as_str(), u.3))
        })
    }

    /// A sentence read once for all its figures: its tokens and where each
    /// kind's cues are in it.
    pub(crate) fn context(&self, sentence: &str) -> Context {
        let toks = tokens(sentence);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        let mut cues = Vec::new();
        for k in 0..words.len() {
            for (kind, phrase) in self.cue_index.get(words[k]).into_iter().flatten() {
                if starts_with(&words[k..], phrase) {
                    cues.push((k, *kind, phrase.len()));
                }
            }
        }
        Context { toks, cues }
    }

    /// What a figure measures: the first kind taking its quantity and
    /// topic with a cue in its clause, else the first such default.
    ///
    /// `ctx` is the figure's sentence (else the figure alone) and `at` the
    /// figure's byte range in it. The clause runs from the clause boundary
    /// before the figure to the one after it (a boundary before a joiner,
    /// `, or`, does not count), at most [`CLAUSE_TOKENS`] tokens each way.
    pub(crate) fn classify(
        &self,
        ctx: &Context,
        at: std::ops::Range<usize>,
        quantity: &str,
        topic: Option<&str>,
    ) -> Option<usize> {
        let toks = &ctx.toks;
        // The figure's first and last tokens (tokens are in text order).
        let first = toks.partition_point(|t| t.end <= at.start);
        let last = toks.partition_point(|t| t.start < at.end).max(first + 1) - 1;
        let is_break = |k: usize| toks[k].boundary_before && !self.joiners.contains(&toks[k].text);
        let mut start = first.min(toks.len());
        while start > 0 && first - start < CLAUSE_TOKENS && !(start < toks.len() && is_break(start)) {
            start -= 1;
        }
        let mut end = (last + 1).min(toks.len());
        while end < toks.len() && end - last <= CLAUSE_TOKENS && !is_break(end) {
            end += 1;
        }
        let from = ctx.cues.partition_point(|c| c.0 < start);
        let cued = ctx.cues[from..]
            .iter()
            .take_while(|c| c.0 < end)
            .filter(|&&(k, kind, len)| k + len <= end && self.kinds[kind].takes(quantity, topic))
            .map(|c| c.1)
            .min();
        cued.or_else(|| self.kinds.iter().position(|k| k.takes(quantity, topic) && k.default))
    }
}

/// How far a figure's clause reaches each way, in tokens.
pub(crate) const CLAUSE_TOKENS: usize = 40;

/// A sentence read for classifying its figures: see [`Vocab::context`].
pub(crate) struct Context {
    toks: Vec<Token>,
    /// (token, kind, cue length in tokens) for every cue, in token order.
    cues: Vec<(usize, usize, usize)>,
}

/// One value as [`conflicts`] sees it.
pub(crate) struct Claim {
    pub article: usize,
    pub source: Option<String>,
    pub value: f64,
    pub min: f64,
    pub max: f64,
}

/// The most conflicting pairs listed for one group.
pub(crate) const MAX_CONFLICTS: usize = 100;
/// The most pairs looked at for one group (a bound on adversarial input).
const MAX_STEPS: usize = 200_000;

/// Pairs `(a, b)` (`a < b`) of claims from different articles, or from
/// two different named sources in one article, whose intervals are further
/// apart than `tolerance` of the larger value:
/// `200` and `1,300` conflict, `about 1,300` and `1,250` do not, nor
/// `less than 200` and `180`. Identical claims are paired once.
pub(crate) fn conflicts(claims: &[Claim], tolerance: f64) -> Vec<(usize, usize)> {
    // Sorted by the top of their interval: for a claim `j`, the claims
    // wholly below it are a prefix.
    let mut by_max: Vec<usize> = (0..claims.len()).collect();
    by_max.sort_by(|&a, &b| claims[a].max.total_cmp(&claims[b].max).then(a.cmp(&b)));
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut steps = 0;
    let key = |c: &Claim| (c.article, c.source.clone(), c.min.to_bits(), c.max.to_bits());
    for (j, high) in claims.iter().enumerate() {
        let below = by_max.partition_point(|&i| claims[i].max < high.min);
        for &i in &by_max[..below] {
            steps += 1;
            if steps > MAX_STEPS || out.len() >= MAX_CONFLICTS {
                out.sort_unstable();
                return out;
            }
            let low = &claims[i];
            // In one article, one source, or a source the text does not
            // name (likely the same as the figures around it), is no conflict.
            if low.article == high.article
                && (low.source == high.source || low.source.is_none() || high.source.is_none())
            {
                continue;
            }
            let gap = high.min - low.max;
            if gap > tolerance * low.value.abs().max(high.value.abs()) && seen.insert((key(low), key(high))) {
                out.push((i.min(j), i.max(j)));
            }
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests;
