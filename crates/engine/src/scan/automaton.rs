//! The automata behind [`super::Scanner`]: the profile's phrases compiled
//! ([`entity_patterns`], [`cue_patterns`], each phrase in every inflected
//! form) into an Aho-Corasick DFA (or, for a large inflected profile, the
//! contiguous NFA), and the word-start search over a sentence with its
//! word-boundary and exact-case checks ([`scan_at`]). Reads the profile;
//! produces [`Hit`]s, which the scanner turns into references and cues.

use aho_corasick::automaton::Automaton as _;
use aho_corasick::dfa::DFA;
#[cfg(feature = "cased-languages")]
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, Input, Match, MatchKind, StartKind};

use super::{Gender, Hit, Meaning};
use crate::ids::{PartyId, Stance, TopicId};
use crate::inflect::{self, Cases};
use crate::profile::{AliasKind, Profile};
use crate::span::Span;
use crate::text::fold_case;

/// The compiled patterns: a DFA, or for a profile with many (inflected)
/// patterns, where a DFA would be large, the contiguous NFA.
enum Searcher {
    Dfa(DFA),
    #[cfg(feature = "cased-languages")]
    Nfa(contiguous::NFA),
}

pub(super) struct Automaton {
    ac: Searcher,
    /// Per pattern: does it need an exact-case match?
    pub(super) exact: Vec<Option<String>>,
    /// Per pattern: what it means.
    pub(super) meanings: Vec<Vec<Meaning>>,
    /// Per pattern: the bits of its meanings ([`Meaning::bit`]).
    pub(super) bits: Vec<u32>,
    /// Bit set of the (lower-cased) first two bytes of every pattern,
    /// so that most words are rejected without running the automaton.
    pub(super) firsts: Box<[u64; 1024]>,
}

/// The most pattern bytes an automaton is built as a DFA for.
const DFA_PATTERN_BYTES: usize = 48 * 1024;

/// Index of a byte pair in [`Automaton::firsts`].
fn pair(a: u8, b: u8) -> usize {
    (a.to_ascii_lowercase() as usize) << 8 | b.to_ascii_lowercase() as usize
}

pub(super) struct Builder {
    patterns: Vec<String>,
    exact: Vec<Option<String>>,
    meanings: Vec<Vec<Meaning>>,
    index: std::collections::HashMap<(String, bool), usize>,
}

impl Builder {
    fn new() -> Builder {
        Builder { patterns: Vec::new(), exact: Vec::new(), meanings: Vec::new(), index: Default::default() }
    }

    /// Add `text` (one form) with `meaning`; a form with an apostrophe
    /// is also added with the typographic ones (`перемир’я`, `перемирʼя`).
    fn add(&mut self, text: &str, case_sensitive: bool, meaning: Meaning) {
        let norm = normalize_pattern(text);
        if norm.contains('\'') {
            for apostrophe in ["\u{2019}", "\u{02bc}"] {
                self.add_one(norm.replace('\'', apostrophe), case_sensitive, meaning);
            }
        }
        self.add_one(norm, case_sensitive, meaning);
    }

    fn add_one(&mut self, norm: String, case_sensitive: bool, meaning: Meaning) {
        // Patterns are matched against the lower-cased text; a
        // case-sensitive one is also compared with the text as written.
        let lower = fold_case(&norm);
        let key = (if case_sensitive { norm.clone() } else { lower.clone() }, case_sensitive);
        let i = *self.index.entry(key).or_insert_with(|| {
            self.patterns.push(lower);
            self.exact.push(case_sensitive.then(|| norm.clone()));
            self.meanings.push(Vec::new());
            self.patterns.len() - 1
        });
        let ms = &mut self.meanings[i];
        // One alias in several case forms that coincide (`Путина`: genitive
        // and accusative) is one meaning with the cases joined.
        if let Meaning::Alias { party, kind, gender, cases } = meaning {
            let same = ms.iter_mut().find_map(|m| match m {
                Meaning::Alias { party: p, kind: k, gender: g, cases: c }
                    if (*p, *k, *g) == (party, kind, gender) =>
                {
                    Some(c)
                }
                _ => None,
            });
            if let Some(c) = same {
                *c = c.union(cases);
                return;
            }
        }
        if !ms.contains(&meaning) {
            ms.push(meaning);
        }
    }

    /// Add every form of `pattern` (see [`crate::inflect`]) with `meaning`.
    fn add_forms(&mut self, pattern: &str, case_sensitive: bool, meaning: Meaning, profile: &Profile) {
        let paradigms = &profile.lexicon.inflections;
        if !cfg!(feature = "cased-languages") || paradigms.is_empty() && !pattern.contains('{') {
            return self.add(pattern, case_sensitive, meaning);
        }
        for (form, cases) in inflect::forms(pattern, paradigms) {
            let meaning = match meaning {
                // A name written without a marker in a language with cases
                // is indeclinable (`США`): it may be in any case.
                Meaning::Alias { party, kind, gender, .. } => {
                    let cases = if cases.known() { cases } else { Cases::ALL };
                    Meaning::Alias { party, kind, gender, cases }
                }
                m => m,
            };
            self.add(&form, case_sensitive, meaning);
        }
    }

    pub(super) fn build(self) -> Automaton {
        // A DFA: ~1 MB for the default profile, a few ms to build, and the
        // cheapest per-word anchored search; a profile with many inflected
        // forms would make it large, and gets the contiguous NFA. Tests
        // also run the unanchored reference scan. Used directly rather
        // than through `AhoCorasick`, whose run-time choice of automaton
        // would put the other kinds' builders and searches in the
        // WebAssembly build as well.
        let bytes: usize = self.patterns.iter().map(String::len).sum();
        let ac = if bytes <= DFA_PATTERN_BYTES || !cfg!(feature = "cased-languages") {
            Searcher::Dfa(
                DFA::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(if cfg!(test) { StartKind::Both } else { StartKind::Anchored })
                    .build(&self.patterns)
                    .expect("profile patterns are small and valid"),
            )
        } else {
            #[cfg(not(feature = "cased-languages"))]
            unreachable!();
            #[cfg(feature = "cased-languages")]
            Searcher::Nfa(
                contiguous::NFA::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&self.patterns)
                    .expect("profile patterns are small and valid"),
            )
        };
        let mut firsts = Box::new([0u64; 1024]);
        for p in &self.patterns {
            let mut set = |i: usize| firsts[i / 64] |= 1 << (i % 64);
            match *p.as_bytes() {
                [] => {}
                [a] => (0..=255).for_each(|b| set(pair(a, b))),
                [a, b, ..] => set(pair(a, b)),
            }
        }
        let bits = self.meanings.iter().map(|ms| ms.iter().fold(0, |b, m| b | m.bit())).collect();
        Automaton { ac, exact: self.exact, meanings: self.meanings, bits, firsts }
    }
}

/// Party aliases and topic words.
pub(super) fn entity_patterns(profile: &Profile) -> Builder {
    let mut ent = Builder::new();
    for (p, party) in profile.parties.iter().enumerate() {
        for a in &party.aliases {
            let gender = match a.kind {
                AliasKind::Person | AliasKind::Title => Gender::parse(a.gender.as_deref()),
                AliasKind::Group => Gender::Plural,
                // (A grammatical gender, in a language with one.)
                _ if a.gender.is_some() => Gender::parse(a.gender.as_deref()),
                _ => Gender::Neuter,
            };
            let meaning =
                Meaning::Alias { party: PartyId(p as u8), kind: a.kind, gender, cases: Cases::NONE };
            ent.add_forms(&a.text, a.case_sensitive, meaning, profile);
        }
    }
    for (t, topic) in profile.topics.iter().enumerate() {
        let topic_id = TopicId(t as u8);
        for term in &topic.terms {
            let weak = topic.weak_terms.iter().any(|w| w.eq_ignore_ascii_case(term));
            ent.add_forms(term, false, Meaning::Topic { topic: topic_id, anaphor: false, weak }, profile);
        }
        for term in topic.weak_terms.iter().filter(|w| !topic.terms.iter().any(|t| t.eq_ignore_ascii_case(w)))
        {
            ent.add_forms(
                term,
                false,
                Meaning::Topic { topic: topic_id, anaphor: false, weak: true },
                profile,
            );
        }
        for term in &topic.context_terms {
            ent.add(term, false, Meaning::ContextTopic(topic_id));
        }
    }
    ent
}

/// Cue words: anaphors of topics and every lexicon list. (A phrase in
/// several lists keeps its meanings in this order.)
pub(super) fn cue_patterns(profile: &Profile) -> Builder {
    let mut cue = Builder::new();
    for (t, topic) in profile.topics.iter().enumerate() {
        for term in &topic.anaphors {
            let meaning = Meaning::Topic { topic: TopicId(t as u8), anaphor: true, weak: false };
            cue.add_forms(term, false, meaning, profile);
        }
    }
    let lx = &profile.lexicon;
    let lists: [(&[String], Meaning); 11] = [
        (&lx.speech_verbs, Meaning::Speech),
        (&lx.addressee_verbs, Meaning::Addressee),
        (&lx.generic_titles, Meaning::GenericTitle),
        (&lx.requests, Meaning::Request),
        (&lx.yields, Meaning::Yield),
        (&lx.furniture, Meaning::Furniture),
        (&lx.speaker_refs, Meaning::LastSpeaker),
        (&lx.other_issues, Meaning::OtherIssue),
        (&lx.dual_refs, Meaning::Dual),
        (&lx.verbs, Meaning::Verb),
        (&lx.according_to, Meaning::According),
    ];
    for (words, meaning) in lists {
        for w in words {
            cue.add_forms(w, false, meaning, profile);
        }
    }
    for (label, words) in &lx.stance {
        let label = Stance::from_name(label).unwrap_or(Stance::Proposes);
        for w in words {
            cue.add_forms(w, false, Meaning::Stance(label), profile);
        }
    }
    for (words, meaning) in [
        (&lx.negators, Meaning::Negator),
        (&lx.hedges, Meaning::Hedge),
        (&lx.conditions, Meaning::Condition),
        (&lx.idioms, Meaning::Idiom),
    ] {
        for w in words {
            cue.add_forms(w, false, meaning, profile);
        }
    }
    for (w, class) in &lx.pronouns {
        // `m`, or `m nom` with the cases the form is in.
        let mut parts = class.split_whitespace();
        let gender = Gender::parse(parts.next());
        let cases = parts.fold(Cases::NONE, |c, name| c.union(Cases::from_name(name)));
        cue.add_forms(w, false, Meaning::Pronoun(gender, cases), profile);
    }
    for w in &lx.prepositions {
        cue.add_forms(w, false, Meaning::Preposition, profile);
    }
    cue
}

/// Patterns are written with straight apostrophes and single spaces.
fn normalize_pattern(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Is there a word boundary at byte `i` of `text`, given the match side?
pub(super) fn boundary_before(text: &[u8], i: usize) -> bool {
    i == 0 || !is_word_byte(text[i - 1]) || (text[i - 1] >= 0x80 && !continues_word(text, i))
}

#[inline]
pub(super) fn boundary_after(text: &[u8], i: usize) -> bool {
    i >= text.len() || !is_word_byte(text[i]) || (text[i] >= 0x80 && !starts_letter(text, i))
}

/// A non-ASCII character before `i`: is it a letter (part of the word)?
pub(super) fn continues_word(text: &[u8], i: usize) -> bool {
    let mut k = i - 1;
    while k > 0 && (text[k] & 0xC0) == 0x80 {
        k -= 1;
    }
    std::str::from_utf8(&text[k..i]).ok().and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric)
}

pub(super) fn starts_letter(text: &[u8], i: usize) -> bool {
    let end = (i + 4).min(text.len());
    let chunk = &text[i..end];
    let s = match std::str::from_utf8(chunk) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&chunk[..e.valid_up_to()]).unwrap_or(""),
    };
    s.chars().next().is_some_and(char::is_alphanumeric)
}

/// Anchored leftmost-longest matches at each of `starts` (ordered byte
/// offsets inside `span`) in `lower` (the text lower-cased, same offsets),
/// keeping those that end on a word boundary and skipping starts inside an
/// earlier match. Patterns only ever start at a word, so this finds what a
/// full scan finds, while trying each word once.
pub(super) fn scan_at(
    a: &Automaton,
    text: &str,
    lower: &str,
    span: Span,
    starts: &[usize],
    out: &mut Vec<Hit>,
) {
    out.clear();
    let bytes = text.as_bytes();
    let hay = &lower.as_bytes()[..span.end];
    let mut covered = span.start;
    for &s in starts {
        if s < covered || !boundary_before(bytes, s) {
            continue;
        }
        let p = pair(hay[s], hay.get(s + 1).copied().unwrap_or(0));
        if a.firsts[p / 64] & (1 << (p % 64)) == 0 {
            continue;
        }
        if let Some(hit) = longest_at(a, text, hay, s) {
            covered = hit.span.end;
            out.push(hit);
        }
    }
}

/// The longest match starting at byte `s` of `hay` that ends on a word
/// boundary (and has the right case, for an exact pattern). When the
/// longest match ends inside a word (`призвал к` in `призвал Киев`), the
/// search is repeated on the text cut at the word end before it, so that
/// a shorter pattern (`призвал`) is still found.
#[inline]
pub(super) fn longest_at(a: &Automaton, text: &str, hay: &[u8], s: usize) -> Option<Hit> {
    let bytes = text.as_bytes();
    let mut end = hay.len();
    loop {
        let input = Input::new(hay).range(s..end).anchored(Anchored::Yes);
        let m = find(&a.ac, &input)?;
        let e = m.end();
        let p = m.pattern().as_usize();
        if boundary_after(bytes, e) && a.exact[p].as_deref().is_none_or(|exact| &text[s..e] == exact) {
            return Some(Hit { span: Span::new(s, e), pattern: p as u32 });
        }
        // The last word end before `e`.
        let mut cut = e;
        while cut > s
            && !(is_char_start(bytes, cut) && is_word_byte(bytes[cut - 1]) && boundary_after(bytes, cut))
        {
            cut -= 1;
        }
        if cut <= s || cut >= end {
            return None;
        }
        end = cut;
    }
}

/// Does byte `i` start a character (or end the text)?
pub(super) fn is_char_start(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_none_or(|&b| (b & 0xC0) != 0x80)
}

/// A full leftmost-longest scan of `text[span]`: the reference the
/// word-start scan is tested against.
#[cfg(test)]
pub(super) fn scan(a: &Automaton, text: &str, lower: &str, span: Span) -> Vec<Hit> {
    let bytes = text.as_bytes();
    let hay = &lower.as_bytes()[span.range()];
    let mut out: Vec<Hit> = Vec::new();
    let mut at = 0;
    // Leftmost-longest matches; a match that fails the word-boundary or
    // case check is dropped and the search resumes one byte after its
    // start, so that a shorter valid match inside it is still found. Each
    // byte is revisited at most the length of the longest pattern, so the
    // scan stays linear.
    while at < hay.len() {
        let Some(m) = find(&a.ac, &Input::new(hay).range(at..)) else { break };
        let s = span.start + m.start();
        // (The longest match on a word boundary at that start, as the
        // word-start scan takes it.)
        let whole = &lower.as_bytes()[..span.end];
        let hit = if boundary_before(bytes, s) { longest_at(a, text, whole, s) } else { None };
        if let Some(hit) = hit {
            at = hit.span.end - span.start;
            out.push(hit);
        } else {
            at = m.start() + 1;
        }
    }
    out
}

/// The leftmost-longest match in `input`, as `AhoCorasick::find` gives it.
fn find(ac: &Searcher, input: &Input) -> Option<Match> {
    match ac {
        Searcher::Dfa(dfa) => dfa.try_find(input),
        #[cfg(feature = "cased-languages")]
        Searcher::Nfa(nfa) => nfa.try_find(input),
    }
    .expect("the search matches how the automaton was built")
}
