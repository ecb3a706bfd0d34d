//! The reader's corrections to the grid and the article's details: a
//! layer the widget owns over the engine's report, which stays as the
//! engine made it.
//!
//! A reader may set a cell's stance, drop an evidence sentence, add a
//! sentence to a cell and mark a cell checked; and give the article's
//! headline, outlet, date and URL. Pure and free of web APIs (tested
//! natively); `hooks` keeps it in localStorage and links carry it.
//!
//! Corrections are keyed so that they survive a new analysis of the same
//! text and go when the text changes under them: a sentence is named by
//! its index *and* a hash of its words ([`Ref`]), so that it is found
//! again when text before it is added or removed; a stance or a check
//! holds while every sentence the cell showed when it was made is still
//! in the text (its `basis`). What no longer applies is dropped and
//! counted ([`Corrections::lost`]), for a notice.

use factgrid_engine::{Cell, Evidence, Report};

/// The largest text the reader can correct, in bytes: the largest the
/// widget keeps in this browser (`hooks::use_persisted_text`). Hashing
/// every sentence of a larger text would cost the page a long task on
/// every analysis.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The key of a text whose sentences hash to `sentences` (spacing aside,
/// like the sentences').
pub fn text_key(sentences: &[u32]) -> u32 {
    let step = |h: u32, b: &u8| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193);
    sentences.iter().fold(0x811c_9dc5, |h, s| s.to_le_bytes().iter().fold(h, step))
}

/// A sentence of the text: its index and a hash of its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ref {
    /// Its index in the report's sentences (0-based).
    pub sentence: usize,
    /// [`hash`] of its words.
    pub hash: u32,
}

/// The reader's corrections to one cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fix {
    /// The party's id.
    pub party: String,
    /// The topic's id.
    pub topic: String,
    /// The stance the reader chose (an id; `none`: no position), if any.
    pub stance: Option<String>,
    /// The reader checked the cell.
    pub checked: bool,
    /// Hashes of the sentences the cell showed when the stance or the
    /// check was set.
    pub basis: Vec<u32>,
    /// Evidence the reader dropped.
    pub dropped: Vec<Ref>,
    /// Sentences the reader added.
    pub added: Vec<Ref>,
}

impl Fix {
    fn is_empty(&self) -> bool {
        self.stance.is_none() && !self.checked && self.dropped.is_empty() && self.added.is_empty()
    }
}

/// The article's details as the reader gave them (`None`: as detected).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Headline.
    pub headline: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Date, as written.
    pub date: Option<String>,
    /// The article's address.
    pub url: Option<String>,
}

/// Which detail of [`Meta`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// [`Meta::headline`].
    Headline,
    /// [`Meta::outlet`].
    Outlet,
    /// [`Meta::date`].
    Date,
    /// [`Meta::url`].
    Url,
}

impl Meta {
    /// The detail `f`.
    pub fn get(&self, f: Field) -> &Option<String> {
        match f {
            Field::Headline => &self.headline,
            Field::Outlet => &self.outlet,
            Field::Date => &self.date,
            Field::Url => &self.url,
        }
    }

    fn get_mut(&mut self, f: Field) -> &mut Option<String> {
        match f {
            Field::Headline => &mut self.headline,
            Field::Outlet => &mut self.outlet,
            Field::Date => &mut self.date,
            Field::Url => &mut self.url,
        }
    }
}

/// Every correction to one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corrections {
    /// [`hash`] of the text they were made on (0: none yet).
    pub text: u32,
    /// [`hash`] of its first sentence: the details (`meta`) stay while it
    /// is in the text (the same article, edited).
    pub head: u32,
    /// The cells' corrections.
    pub fixes: Vec<Fix>,
    /// The article's details.
    pub meta: Meta,
    /// How many corrections the last change of the text dropped.
    pub lost: usize,
    /// Corrections a link carried, for the text the link carries: taken
    /// when that text is analysed.
    pub pending: Option<Box<Corrections>>,
}

/// What the reader or the app does to the corrections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correct {
    /// Set the cell's stance (`None`: back to the engine's); `basis`: the
    /// hashes of the sentences the cell shows.
    Stance { party: String, topic: String, stance: Option<String>, basis: Vec<u32> },
    /// Mark the cell checked or not.
    Check { party: String, topic: String, checked: bool, basis: Vec<u32> },
    /// Drop an evidence sentence from the cell, or bring it back.
    Drop { party: String, topic: String, at: Ref },
    /// Add a sentence to the cell (again: take it back).
    Add { party: String, topic: String, at: Ref },
    /// Undo every correction to the cell.
    Reset { party: String, topic: String },
    /// Set a detail of the article (empty: as detected).
    Meta(Field, String),
    /// The text was analysed: `text` its hash, `sentences` its sentences'.
    Rebase { text: u32, sentences: Vec<u32> },
    /// The notice of dropped corrections was read.
    Seen,
}

/// FNV-1a of `s`'s words (spaces collapsed, ends trimmed): the same
/// sentence hashes the same wherever it moves.
pub fn hash(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            h = (h ^ u32::from(b' ')).wrapping_mul(0x0100_0193);
        }
        for b in w.bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// The hashes of `report`'s sentences in `text`.
pub fn sentence_hashes(report: &Report, text: &str) -> Vec<u32> {
    report.sentences.iter().map(|s| hash(text.get(s.span.range()).unwrap_or(""))).collect()
}

/// `i`'s [`Ref`] in `hashes` (`None`: no such sentence).
pub fn at(hashes: &[u32], i: usize) -> Option<Ref> {
    hashes.get(i).map(|&hash| Ref { sentence: i, hash })
}

/// Where `r` is in a text whose sentences hash to `sentences`: at its
/// index, else at the nearest one with its words; `None`: gone.
fn find(r: Ref, sentences: &[u32]) -> Option<Ref> {
    if sentences.get(r.sentence) == Some(&r.hash) {
        return Some(r);
    }
    let distance = |i: usize| i.abs_diff(r.sentence);
    let i = (0..sentences.len()).filter(|&i| sentences[i] == r.hash).min_by_key(|&i| distance(i))?;
    Some(Ref { sentence: i, hash: r.hash })
}

fn toggle(list: &mut Vec<Ref>, r: Ref) -> bool {
    match list.iter().position(|x| x.sentence == r.sentence) {
        Some(i) => {
            list.remove(i);
            false
        }
        None => {
            list.push(r);
            list.sort_by_key(|x| x.sentence);
            true
        }
    }
}

impl Corrections {
    /// The corrections to the cell of `party` on `topic`, if any.
    pub fn fix(&self, party: &str, topic: &str) -> Option<&Fix> {
        self.fixes.iter().find(|f| f.party == party && f.topic == topic)
    }

    fn fix_mut(&mut self, party: String, topic: String) -> &mut Fix {
        let i = match self.fixes.iter().position(|f| f.party == party && f.topic == topic) {
            Some(i) => i,
            None => {
                self.fixes.push(Fix { party, topic, ..Fix::default() });
                self.fixes.len() - 1
            }
        };
        &mut self.fixes[i]
    }

    /// Anything the reader changed in the grid?
    pub fn any(&self) -> bool {
        !self.fixes.is_empty()
    }

    /// Apply `action`.
    pub fn apply(&mut self, action: Correct) {
        if !matches!(action, Correct::Rebase { .. }) {
            self.lost = 0;
        }
        match action {
            Correct::Stance { party, topic, stance, basis } => {
                let f = self.fix_mut(party, topic);
                f.stance = stance;
                f.basis = basis;
            }
            Correct::Check { party, topic, checked, basis } => {
                let f = self.fix_mut(party, topic);
                f.checked = checked;
                f.basis = basis;
            }
            Correct::Drop { party, topic, at } => {
                let f = self.fix_mut(party, topic);
                if f.added.iter().any(|a| a.sentence == at.sentence) {
                    toggle(&mut f.added, at);
                } else {
                    toggle(&mut f.dropped, at);
                }
            }
            Correct::Add { party, topic, at } => {
                let f = self.fix_mut(party, topic);
                if f.dropped.iter().any(|a| a.sentence == at.sentence) {
                    toggle(&mut f.dropped, at);
                } else {
                    toggle(&mut f.added, at);
                }
            }
            Correct::Reset { party, topic } => self.fixes.retain(|f| !(f.party == party && f.topic == topic)),
            Correct::Meta(field, value) => {
                let v = value.trim();
                *self.meta.get_mut(field) = (!v.is_empty()).then(|| v.to_string());
            }
            Correct::Rebase { text, sentences } => self.rebase(text, &sentences),
            Correct::Seen => {}
        }
        self.fixes.retain(|f| !f.is_empty());
    }

    /// The text is now the one hashing to `text`, its sentences to `sentences`.
    fn rebase(&mut self, text: u32, sentences: &[u32]) {
        if let Some(p) = self.pending.take_if(|p| p.text == text) {
            *self = Corrections { pending: None, ..*p };
        }
        let head = sentences.first().copied().unwrap_or(0);
        if self.text == text {
            self.head = head;
            return;
        }
        if self.text == 0 {
            // Nothing was corrected yet: the corrections are this text's.
            (self.text, self.head) = (text, head);
            return;
        }
        let mut lost = 0;
        for f in &mut self.fixes {
            for list in [&mut f.dropped, &mut f.added] {
                let before = list.len();
                *list = list.iter().filter_map(|r| find(*r, sentences)).collect();
                lost += before - list.len();
            }
            if !f.basis.iter().all(|h| sentences.contains(h)) {
                lost += usize::from(f.stance.is_some()) + usize::from(f.checked);
                (f.stance, f.checked) = (None, false);
                f.basis.clear();
            }
        }
        self.fixes.retain(|f| !f.is_empty());
        if !sentences.contains(&self.head) {
            lost += [&self.meta.headline, &self.meta.outlet, &self.meta.date, &self.meta.url]
                .iter()
                .filter(|m| m.is_some())
                .count();
            self.meta = Meta::default();
        }
        (self.text, self.head, self.lost) = (text, head, lost);
    }
}

/// An evidence item as the reader sees it after the corrections.
#[derive(Clone, Copy, Debug)]
pub struct Item<'a> {
    /// The sentence.
    pub sentence: usize,
    /// The engine's evidence (none: added by the reader).
    pub engine: Option<&'a Evidence>,
    /// The reader dropped it (shown struck through; never exported).
    pub dropped: bool,
}

/// A cell as the reader sees it after the corrections.
#[derive(Clone, Debug)]
pub struct View<'a> {
    /// The stance shown (`None`: none found).
    pub stance: Option<&'a str>,
    /// The engine's stance, when the reader changed it.
    pub engine_stance: Option<&'a str>,
    /// The reader changed the cell.
    pub edited: bool,
    /// The reader checked it.
    pub checked: bool,
    /// The evidence: the engine's (dropped ones marked), then the added.
    pub items: Vec<Item<'a>>,
}

impl View<'_> {
    /// The sentences that stand as evidence (the dropped left out).
    pub fn kept(&self) -> impl Iterator<Item = &Item<'_>> {
        self.items.iter().filter(|i| !i.dropped)
    }
}

/// The cell of `party` on `topic` as the reader sees it: the engine's
/// `cell` (if any) with `fix` applied.
pub fn view<'a>(cell: Option<&'a Cell>, fix: Option<&'a Fix>) -> View<'a> {
    let engine = cell.map(|c| c.stance.as_str());
    let mut items: Vec<Item> = cell
        .map(|c| c.evidence.iter())
        .into_iter()
        .flatten()
        .map(|e| Item {
            sentence: e.sentence,
            engine: Some(e),
            dropped: fix.is_some_and(|f| f.dropped.iter().any(|d| d.sentence == e.sentence)),
        })
        .collect();
    for a in fix.map_or(&[][..], |f| &f.added[..]) {
        if !items.iter().any(|i| i.sentence == a.sentence) {
            items.push(Item { sentence: a.sentence, engine: None, dropped: false });
        }
    }
    let chosen = fix.and_then(|f| f.stance.as_deref());
    let stance = match chosen {
        Some("none") => None,
        Some(s) => Some(s),
        None => engine,
    };
    View {
        stance,
        engine_stance: chosen.and(engine).filter(|e| Some(*e) != stance),
        edited: fix.is_some_and(|f| f.stance.is_some() || !f.dropped.is_empty() || !f.added.is_empty()),
        checked: fix.is_some_and(|f| f.checked),
        items,
    }
}

impl yew::Reducible for Corrections {
    type Action = Correct;

    fn reduce(self: std::rc::Rc<Self>, action: Correct) -> std::rc::Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        match next == *self {
            true => self,
            false => std::rc::Rc::new(next),
        }
    }
}

// Kept as lines of tab-separated fields (no JSON machinery in the
// bundle): `fg1 TEXT HEAD`, then `m` and the four details, then one `f`
// line a cell.

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn refs(list: &[Ref]) -> String {
    list.iter().map(|r| format!("{}:{:x}", r.sentence, r.hash)).collect::<Vec<_>>().join(",")
}

fn parse_refs(s: &str) -> Option<Vec<Ref>> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| {
            let (i, h) = x.split_once(':')?;
            Some(Ref { sentence: i.parse().ok()?, hash: u32::from_str_radix(h, 16).ok()? })
        })
        .collect()
}

impl Corrections {
    /// The corrections as text, to keep (empty: nothing to keep).
    pub fn save(&self) -> String {
        if self.fixes.is_empty() && self.meta == Meta::default() {
            return String::new();
        }
        let mut out = format!("fg1\t{:x}\t{:x}\n", self.text, self.head);
        let m = &self.meta;
        let opt = |o: &Option<String>| o.as_deref().map_or("\u{1}".to_string(), clean);
        out += &format!("m\t{}\t{}\t{}\t{}\n", opt(&m.headline), opt(&m.outlet), opt(&m.date), opt(&m.url));
        for f in &self.fixes {
            let basis: Vec<String> = f.basis.iter().map(|h| format!("{h:x}")).collect();
            out += &format!(
                "f\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                clean(&f.party),
                clean(&f.topic),
                f.stance.as_deref().unwrap_or("-"),
                u8::from(f.checked),
                basis.join(","),
                refs(&f.dropped),
                refs(&f.added)
            );
        }
        out
    }

    /// Corrections kept by [`Corrections::save`]; `None` if `s` is not.
    pub fn load(s: &str) -> Option<Corrections> {
        let mut lines = s.lines();
        let head: Vec<&str> = lines.next()?.split('\t').collect();
        let ["fg1", text, first] = head[..] else { return None };
        let mut c = Corrections {
            text: u32::from_str_radix(text, 16).ok()?,
            head: u32::from_str_radix(first, 16).ok()?,
            ..Corrections::default()
        };
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            match f[..] {
                ["m", h, o, d, u] => {
                    let opt = |s: &str| (s != "\u{1}").then(|| s.to_string());
                    c.meta = Meta { headline: opt(h), outlet: opt(o), date: opt(d), url: opt(u) };
                }
                ["f", party, topic, stance, checked, basis, dropped, added] => c.fixes.push(Fix {
                    party: party.into(),
                    topic: topic.into(),
                    stance: (stance != "-").then(|| stance.to_string()),
                    checked: checked == "1",
                    basis: basis
                        .split(',')
                        .filter(|x| !x.is_empty())
                        .map(|h| u32::from_str_radix(h, 16).ok())
                        .collect::<Option<_>>()?,
                    dropped: parse_refs(dropped)?,
                    added: parse_refs(added)?,
                }),
                _ => return None,
            }
        }
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Moscow rejected the truce. The weather was fine. Kyiv backed the truce.";

    fn analyze(text: &str) -> (Report, Vec<u32>) {
        let r = factgrid_engine::analyze(text, &factgrid_engine::Profile::default_profile());
        let h = sentence_hashes(&r, text);
        (r, h)
    }

    fn started(text: &str) -> (Corrections, Report, Vec<u32>) {
        let (r, h) = analyze(text);
        let mut c = Corrections::default();
        c.apply(Correct::Rebase { text: hash(text), sentences: h.clone() });
        (c, r, h)
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    #[test]
    fn hashes_ignore_spacing_only() {
        assert_eq!(hash("Kyiv  backed\nthe truce. "), hash("Kyiv backed the truce."));
        assert_ne!(hash("Kyiv backed the truce."), hash("Kyiv backed a truce."));
    }

    #[test]
    fn a_stance_check_drop_and_add_show_in_the_view() {
        let (mut c, r, h) = started(TEXT);
        let cell = r.cell("russia", "ceasefire");
        assert_eq!(view(cell, None).stance, Some("opposes"));
        assert!(!view(cell, None).edited);
        c.apply(Correct::Stance {
            party: s("russia"),
            topic: s("ceasefire"),
            stance: Some(s("conditional")),
            basis: vec![h[0]],
        });
        c.apply(Correct::Check {
            party: s("russia"),
            topic: s("ceasefire"),
            checked: true,
            basis: vec![h[0]],
        });
        c.apply(Correct::Add { party: s("russia"), topic: s("ceasefire"), at: at(&h, 1).unwrap() });
        c.apply(Correct::Drop { party: s("russia"), topic: s("ceasefire"), at: at(&h, 0).unwrap() });
        let v = view(cell, c.fix("russia", "ceasefire"));
        assert_eq!(
            (v.stance, v.engine_stance, v.edited, v.checked),
            (Some("conditional"), Some("opposes"), true, true)
        );
        let items: Vec<(usize, bool, bool)> =
            v.items.iter().map(|i| (i.sentence, i.engine.is_some(), i.dropped)).collect();
        assert_eq!(items, vec![(0, true, true), (1, false, false)]);
        assert_eq!(v.kept().map(|i| i.sentence).collect::<Vec<_>>(), vec![1]);
        // Dropping an added sentence takes it back; dropping again restores.
        c.apply(Correct::Drop { party: s("russia"), topic: s("ceasefire"), at: at(&h, 1).unwrap() });
        c.apply(Correct::Drop { party: s("russia"), topic: s("ceasefire"), at: at(&h, 0).unwrap() });
        let v = view(cell, c.fix("russia", "ceasefire"));
        assert_eq!(v.items.len(), 1);
        assert!(!v.items[0].dropped);
        // The engine's report is untouched.
        assert_eq!(r.cell("russia", "ceasefire").unwrap().stance, "opposes");
        c.apply(Correct::Reset { party: s("russia"), topic: s("ceasefire") });
        assert!(!c.any());
    }

    #[test]
    fn an_empty_cell_can_be_filled_and_a_cell_emptied() {
        let (mut c, r, h) = started(TEXT);
        c.apply(Correct::Add { party: s("us"), topic: s("ceasefire"), at: at(&h, 1).unwrap() });
        c.apply(Correct::Stance {
            party: s("us"),
            topic: s("ceasefire"),
            stance: Some(s("supports")),
            basis: vec![],
        });
        let v = view(r.cell("us", "ceasefire"), c.fix("us", "ceasefire"));
        assert_eq!((v.stance, v.engine_stance, v.edited), (Some("supports"), None, true));
        c.apply(Correct::Stance {
            party: s("ukraine"),
            topic: s("ceasefire"),
            stance: Some(s("none")),
            basis: vec![h[2]],
        });
        let v = view(r.cell("ukraine", "ceasefire"), c.fix("ukraine", "ceasefire"));
        assert_eq!((v.stance, v.engine_stance), (None, Some("supports")));
    }

    #[test]
    fn corrections_survive_a_new_analysis_of_the_same_text_and_moved_sentences() {
        let (mut c, _, h) = started(TEXT);
        c.apply(Correct::Drop { party: s("ukraine"), topic: s("ceasefire"), at: at(&h, 2).unwrap() });
        c.apply(Correct::Check {
            party: s("russia"),
            topic: s("ceasefire"),
            checked: true,
            basis: vec![h[0]],
        });
        c.apply(Correct::Meta(Field::Outlet, s(" The Daily Test ")));
        let same = c.clone();
        c.apply(Correct::Rebase { text: hash(TEXT), sentences: h.clone() });
        assert_eq!(c, same);
        // A sentence added before: the dropped one is found one later.
        let longer = format!("Talks resumed on Monday. {TEXT}");
        let (_, h2) = analyze(&longer);
        c.apply(Correct::Rebase { text: hash(&longer), sentences: h2 });
        assert_eq!(c.lost, 0);
        assert_eq!(c.fix("ukraine", "ceasefire").unwrap().dropped[0].sentence, 3);
        assert!(c.fix("russia", "ceasefire").unwrap().checked);
        assert_eq!(c.meta.outlet.as_deref(), Some("The Daily Test"), "the first sentence is still there");
    }

    #[test]
    fn corrections_that_no_longer_apply_are_dropped_and_counted() {
        let (mut c, _, h) = started(TEXT);
        c.apply(Correct::Drop { party: s("ukraine"), topic: s("ceasefire"), at: at(&h, 2).unwrap() });
        c.apply(Correct::Check {
            party: s("russia"),
            topic: s("ceasefire"),
            checked: true,
            basis: vec![h[0]],
        });
        c.apply(Correct::Meta(Field::Url, s("https://example.org/a")));
        let changed = "Moscow accepted the truce. The weather was fine. Kyiv doubted the truce.";
        let (_, h2) = analyze(changed);
        c.apply(Correct::Rebase { text: hash(changed), sentences: h2 });
        assert_eq!(c.lost, 3, "the drop, the check and the URL");
        assert!(!c.any());
        assert_eq!(c.meta, Meta::default());
        c.apply(Correct::Seen);
        assert_eq!(c.lost, 0);
    }

    #[test]
    fn a_links_corrections_wait_for_its_text() {
        let (mut mine, _, h) = started("Washington proposed talks.");
        let (mut linked, _, lh) = started(TEXT);
        linked.apply(Correct::Check {
            party: s("russia"),
            topic: s("ceasefire"),
            checked: true,
            basis: vec![lh[0]],
        });
        mine.pending = Some(Box::new(linked.clone()));
        mine.apply(Correct::Rebase { text: hash("Washington proposed talks."), sentences: h });
        assert!(mine.pending.is_some() && !mine.any(), "another text: waiting");
        mine.apply(Correct::Rebase { text: hash(TEXT), sentences: lh });
        assert!(mine.pending.is_none());
        assert!(mine.fix("russia", "ceasefire").unwrap().checked);
        assert_eq!(mine.lost, 0);
    }

    #[test]
    fn saved_and_loaded_alike() {
        let (mut c, _, h) = started(TEXT);
        assert_eq!(c.save(), "", "nothing to keep");
        c.apply(Correct::Stance {
            party: s("russia"),
            topic: s("ceasefire"),
            stance: Some(s("acts")),
            basis: vec![h[0], h[2]],
        });
        c.apply(Correct::Add { party: s("russia"), topic: s("ceasefire"), at: at(&h, 1).unwrap() });
        c.apply(Correct::Meta(Field::Headline, s("A\theadline\nin two")));
        c.apply(Correct::Meta(Field::Date, s("2025-03-13")));
        let kept = c.save();
        let back = Corrections::load(&kept).unwrap();
        assert_eq!(back.meta.headline.as_deref(), Some("A headline in two"));
        assert_eq!(back.meta.outlet, None);
        assert_eq!((back.fixes.clone(), back.text, back.head), (c.fixes.clone(), c.text, c.head));
        assert_eq!(Corrections::load("nonsense"), None);
        assert_eq!(Corrections::load("fg1\tzz\t0"), None);
    }
}
