//! The analysis pipeline: segment → scan → quotes → frames → resolve →
//! topics → stance → figures → cells.
//!
//! Each sentence is read once, left to right, with a small salience memory
//! (the last person, group and institution referred to, the last speaker,
//! the last topics) carried from sentence to sentence. Nothing looks back
//! further than that memory, so the whole pass is linear in the text.

use std::collections::HashSet;

use crate::figures;
use crate::profile::{AliasKind, Profile, STANCE_LABELS};
use crate::report::{self, Cell, Evidence, Label, Mention as ReportMention, Report, Stats};
use crate::scan::{Gender, Hit, Meaning, Scanner};
use crate::segment::{segment, Abbreviations, Segment, UnitKind};
use crate::span::Span;
use crate::text::{quote_regions, words_into};

/// The largest input analysed, in bytes. Longer text is cut at this point
/// (on a character boundary) and the report says so in `notices`.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// A profile compiled for analysis. Build it once, analyse many texts.
pub struct Analyzer {
    profile: Profile,
    scanner: Scanner,
    abbreviations: Abbreviations,
    speech_verbs: HashSet<String>,
    roles: HashSet<String>,
}

/// How a party is tied to a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Via {
    /// Says it: the speaker of a quote or of reported speech.
    Speaker,
    /// The source named by `according to`.
    AccordingTo,
    /// The grammatical subject of a stance or action.
    Subject,
    /// The owner of a proposal or action (`the US proposal`, `Russia's offensive`).
    Owner,
    /// The agent of a passive (`proposed by the United States`).
    Agent,
}

impl Via {
    fn name(self) -> &'static str {
        match self {
            Via::Speaker => "speaker",
            Via::AccordingTo => "according_to",
            Via::Subject => "subject",
            Via::Owner => "owner",
            Via::Agent => "agent",
        }
    }
}

/// A party reference inside a sentence, after pronoun resolution.
#[derive(Clone, Copy, Debug)]
struct PartyRef {
    span: Span,
    party: u8,
    kind: RefKind,
    gender: Gender,
    /// Index of its first word in the sentence's word list.
    word: usize,
    /// One past its last word.
    word_end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RefKind {
    Alias(AliasKind),
    Pronoun,
}

/// A holder found in a sentence.
#[derive(Clone, Copy, Debug)]
struct Holder {
    party: u8,
    via: Via,
    /// The words that name the holder (for the evidence's `speaker`).
    span: Span,
    /// Index of the holder's first word.
    word: usize,
    /// Where the holder's own words or predicate start (stance is read from here).
    scope_start: usize,
    /// Label forced by the construction (`proposes` for an owner of a proposal).
    forced: Option<u8>,
    /// Found through a pronoun or an untagged quote: topics may carry over.
    continued: bool,
}

/// Salience memory carried across sentences.
#[derive(Default)]
struct Memory {
    last_male: Option<(u8, Span)>,
    last_female: Option<(u8, Span)>,
    last_plural: Option<(u8, Span)>,
    last_neuter: Option<(u8, Span)>,
    last_speaker: Option<(u8, Span)>,
    /// The person named most recently as a holder (else at all).
    last_person: Option<(u8, Span)>,
    /// Parties of the people named most recently, newest last, for `the
    /// two leaders`.
    recent_people: Vec<(u8, Span)>,
    /// Topics of the previous sentence with a holder, and that holder's party.
    last_topics: u64,
    last_holder_parties: u64,
    last_sentence: usize,
    /// The topics of the last sentence that named one by a specific word,
    /// and where.
    named_topics: u64,
    named_sentence: usize,
    /// The topic mentioned most recently.
    last_topic: Option<u8>,
    /// Every topic named so far, for `the plan`, `the region`.
    seen_topics: u64,
    /// The topics figures were last put under, and where.
    figure_topics: u64,
    figure_sentence: usize,
}

/// One claim: party × topic in one sentence.
#[derive(Clone, Debug)]
struct Claim {
    party: u8,
    topic: u8,
    sentence: usize,
    via: Via,
    stance: Option<u8>,
    speaker: Span,
}

/// Words that may stand between a subject and its verb.
const TIME_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "late",
    "early",
    "earlier",
    "later",
    "this",
    "last",
    "next",
    "week",
    "month",
    "year",
    "morning",
    "evening",
    "night",
    "afternoon",
    "today",
    "yesterday",
    "for",
    "its",
    "his",
    "her",
    "their",
    "part",
    "own",
    "side",
    "meanwhile",
    "however",
    "too",
    "so",
    "far",
    "and",
    "nor",
    "or",
    "neither",
    "both",
    "either",
    "days",
    "weeks",
    "recent",
    "past",
    "the",
    "a",
];

/// A speaker who is none of the parties.
const OTHER: u8 = u8::MAX;

const L_PROPOSES: u8 = 0;
const L_SUPPORTS: u8 = 1;
const L_CONDITIONAL: u8 = 2;
const L_OPPOSES: u8 = 3;
const L_DEMANDS: u8 = 4;
const L_QUESTIONS: u8 = 5;
const L_CONSIDERING: u8 = 6;
const L_ACTS: u8 = 7;

impl Analyzer {
    /// Compile `profile` for analysis.
    pub fn new(profile: &Profile) -> Analyzer {
        let lx = &profile.lexicon;
        Analyzer {
            profile: profile.clone(),
            scanner: Scanner::new(profile),
            abbreviations: Abbreviations::new(&lx.abbreviations),
            speech_verbs: lx.speech_verbs.iter().map(|w| w.to_ascii_lowercase()).collect(),
            roles: lx.roles.iter().map(|w| w.to_ascii_lowercase()).collect(),
        }
    }

    /// The profile this analyzer was built from.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Analyse `text` and report who holds which position on what.
    pub fn analyze(&self, text: &str) -> Report {
        let mut notices = Vec::new();
        let text = if text.len() > MAX_INPUT_BYTES {
            let mut cut = MAX_INPUT_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            notices.push(format!(
                "The text is {} MB; only the first {} MB were analysed.",
                text.len() / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ));
            &text[..cut]
        } else {
            text
        };
        let controls =
            text.bytes().filter(|&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7f).count();
        if controls > 0 {
            notices.push(format!(
                "The text contains {controls} control characters (binary data?); they were treated as spaces."
            ));
        }
        let speech = |w: &str| self.speech_verbs.contains(w);
        let segments = segment(text, &self.abbreviations, &speech);
        let mut run = Run::new(self, text, &segments);
        run.go();
        let paragraphs = segments.last().map_or(0, |s| s.paragraph + 1);
        let stats = Stats {
            // Characters are the bytes that do not continue a UTF-8 sequence.
            chars: text.bytes().filter(|&b| (b as i8) >= -0x40).count(),
            bytes: text.len(),
            sentences: segments.len(),
            paragraphs,
        };
        let mut report = run.finish();
        report.stats = stats;
        report.notices = notices;
        report
    }
}

/// The state of one analysis.
struct Run<'a> {
    a: &'a Analyzer,
    text: &'a str,
    segments: &'a [Segment],
    /// Quote regions, in text order.
    quotes: Vec<Span>,
    memory: Memory,
    claims: Vec<Claim>,
    sentences: Vec<report::Sentence>,
    mentions: Vec<ReportMention>,
    /// The whole text in ASCII lower case (same byte offsets).
    lower: String,
    figures: Vec<report::Figure>,
    /// The report's party and topic labels; their ids are shared by every
    /// sentence, mention and cell that names them.
    parties: Vec<Label>,
    topics: Vec<Label>,
}

/// What a sentence's scan found. Its buffers are reused from sentence to
/// sentence.
#[derive(Default)]
struct Scanned<'a> {
    words: Vec<Span>,
    /// Cue meanings at word index (multi-word cues at their first word).
    cues: Vec<(usize, usize, Span, &'a [Meaning])>,
    refs: Vec<PartyRef>,
    topics: u64,
    /// Topics named by words that are not weak.
    strong_topics: u64,
    topic_terms: Vec<(Span, u8)>,
    /// Scratch: where patterns may start, and the automata's hits.
    starts: Vec<usize>,
    hits: Vec<Hit>,
}

impl<'a> Run<'a> {
    fn new(a: &'a Analyzer, text: &'a str, segments: &'a [Segment]) -> Run<'a> {
        let mut quotes = Vec::new();
        let mut i = 0;
        while i < segments.len() {
            let p = segments[i].paragraph;
            let start = segments[i].span.start;
            let mut end = segments[i].span.end;
            while i < segments.len() && segments[i].paragraph == p {
                end = segments[i].span.end;
                i += 1;
            }
            quotes.extend(quote_regions(text, Span::new(start, end)));
        }
        Run {
            a,
            text,
            segments,
            quotes,
            memory: Memory::default(),
            claims: Vec::new(),
            sentences: Vec::with_capacity(segments.len()),
            mentions: Vec::new(),
            figures: Vec::new(),
            lower: text.to_ascii_lowercase(),
            parties: a
                .profile
                .parties
                .iter()
                .map(|p| Label { id: p.id.as_str().into(), label: p.label.clone() })
                .collect(),
            topics: a
                .profile
                .topics
                .iter()
                .map(|t| Label { id: t.id.as_str().into(), label: t.label.clone() })
                .collect(),
        }
    }

    fn word<'t>(&self, w: Span) -> &'t str
    where
        'a: 't,
    {
        &self.text[w.range()]
    }

    fn scan(&self, span: Span) -> Scanned<'a> {
        let mut sc = Scanned::default();
        self.scan_into(span, &mut sc);
        sc
    }

    /// Scan one sentence into `sc`, reusing its buffers.
    fn scan_into(&self, span: Span, sc: &mut Scanned<'a>) {
        let Scanned { words, cues, refs, topics, strong_topics, topic_terms, starts, hits } = sc;
        words_into(self.text, span, words);
        let word_at = |pos: usize| words.partition_point(|w| w.end <= pos);
        refs.clear();
        cues.clear();
        topic_terms.clear();
        *topics = 0u64;
        let mut weak_topics = 0u64;
        // Patterns start at words, and after a hyphen inside one
        // (`pro-Russian`).
        starts.clear();
        for w in words.iter() {
            starts.push(w.start);
            let word = &self.text[w.range()];
            if word.contains('-') {
                starts.extend(word.match_indices('-').map(|(i, _)| w.start + i + 1));
            }
        }
        self.a.scanner.entities_at(self.text, span, starts, hits);
        for hit in hits.iter() {
            for m in self.a.scanner.entity_meanings(hit) {
                match *m {
                    Meaning::Alias { party, kind, gender } => refs.push(PartyRef {
                        span: hit.span,
                        party,
                        kind: RefKind::Alias(kind),
                        gender,
                        word: word_at(hit.span.start),
                        word_end: words.partition_point(|w| w.start < hit.span.end),
                    }),
                    Meaning::Topic { topic, weak, .. } => {
                        if weak {
                            weak_topics |= 1 << topic;
                        } else {
                            *topics |= 1 << topic;
                        }
                        topic_terms.push((hit.span, topic));
                    }
                    _ => {}
                }
            }
        }
        self.a.scanner.cues_at(self.text, span, starts, hits);
        for hit in hits.iter() {
            let s = hit.span;
            let ms = self.a.scanner.cue_meanings(hit);
            let w = word_at(s.start);
            // A cue inside a hyphenated word (`in` of `Commander-in-Chief`)
            // is not a word of the sentence, nor is one inside a name
            // (`States` of `United States`).
            if words.get(w).is_none_or(|word| word.start != s.start)
                || refs.iter().any(|r| r.span.contains(s))
            {
                continue;
            }
            cues.push((w, words.partition_point(|w| w.start < s.end), s, ms));
        }
        // Weak terms decide the topic only when no other topic is named.
        *strong_topics = *topics;
        for t in 0..64 {
            if weak_topics & (1 << t) != 0 && *strong_topics & !(1u64 << t) == 0 {
                *topics |= 1 << t;
            }
        }
    }

    fn go(&mut self) {
        let mut quote_speaker: Vec<Option<(u8, Span)>> = vec![None; self.quotes.len()];
        let mut qi = 0usize;
        let mut sc = Scanned::default();
        let mut touching = Vec::new();
        for (si, seg) in self.segments.iter().enumerate() {
            self.scan_into(seg.span, &mut sc);
            // Quotes touching this sentence.
            while qi < self.quotes.len() && self.quotes[qi].end <= seg.span.start {
                qi += 1;
            }
            touching.clear();
            let mut k = qi;
            while k < self.quotes.len() && self.quotes[k].start < seg.span.end {
                touching.push(k);
                k += 1;
            }
            let quoted_bytes: usize = touching
                .iter()
                .map(|&k| {
                    let q = self.quotes[k];
                    q.end.min(seg.span.end).saturating_sub(q.start.max(seg.span.start))
                })
                .sum();
            let in_quote = |pos: usize| {
                touching.iter().any(|&k| self.quotes[k].start <= pos && pos < self.quotes[k].end)
            };
            let mostly_quoted = quoted_bytes * 2 > seg.span.len();

            self.resolve_pronouns(&mut sc, &in_quote);
            // Anaphoric topics (`the plan`) and explicit topics.
            let mut topics = sc.topics;
            for (_, _, _, ms) in &sc.cues {
                for m in ms.iter() {
                    if let Meaning::Topic { topic, anaphor: true, .. } = *m {
                        if sc.topics == 0 && self.memory.seen_topics & (1 << topic) != 0 {
                            topics |= 1 << topic;
                        }
                    }
                }
            }

            let mut holders = self.find_holders(&sc, &in_quote, seg);
            // The writer's own question (`What did Putin say?`, a Q&A
            // heading) states nobody's position.
            if !mostly_quoted && quoted_bytes == 0 && self.writers_question(&sc, seg) {
                holders.clear();
            }

            // Quote speakers: a tag in this sentence names the speaker of the
            // quotes it touches; an untagged quote continues the last speaker.
            let speaker = holders.iter().find(|h| h.via == Via::Speaker).map(|h| (h.party, h.span));
            for &k in &touching {
                if quote_speaker[k].is_none() {
                    quote_speaker[k] = speaker;
                }
            }
            // A speech tag outside the quotes that names no party: the
            // speaker is someone else (`…,” the NATO chief said`).
            let tagged = sc.cues.iter().any(|c| c.3.contains(&Meaning::Speech) && !in_quote(c.2.start));
            let other_speaker = (tagged && speaker.is_none()) || self.foreign_label(&sc, seg);
            if other_speaker {
                for &k in &touching {
                    quote_speaker[k].get_or_insert((OTHER, seg.span));
                }
                self.memory.last_speaker = None;
            }
            if mostly_quoted && !other_speaker {
                let mut q = touching.iter().find_map(|&k| quote_speaker[k]);
                if q.is_none() {
                    // Look ahead within the paragraph for the tag of a quote
                    // that runs over several sentences.
                    q = self.lookahead_speaker(si, &touching);
                }
                if q.is_none() {
                    q = self.memory.last_speaker;
                }
                // Not named in this sentence: the quote goes on.
                let continued = speaker.is_none();
                if let Some((party, span)) = q.filter(|q| q.0 != OTHER) {
                    if !holders.iter().any(|h| h.party == party && h.via == Via::Speaker) {
                        holders.push(Holder {
                            party,
                            via: Via::Speaker,
                            span,
                            word: 0,
                            scope_start: 0,
                            forced: None,
                            continued,
                        });
                    }
                    for &k in &touching {
                        quote_speaker[k].get_or_insert((party, span));
                    }
                }
            }

            // Topics carry over to a continuing holder.
            let continuing = holders.iter().any(|h| {
                h.continued
                    && self.memory.last_holder_parties & (1 << h.party) != 0
                    && si <= self.memory.last_sentence + 2
            });
            // … and so does a quote that goes on with only a general word
            // (`our territory` in a speech about Kursk). A general word that is
            // new to the discourse (`a 30-day halt`, not `our territory` or
            // `the line`) adds its topic, to this sentence and to the topic of
            // the moment.
            let mut carried = None;
            if continuing
                && (topics == 0 || sc.strong_topics == 0 && mostly_quoted && self.memory.last_topics != 0)
            {
                let fresh = sc
                    .topic_terms
                    .iter()
                    .filter(|(s, _)| !self.determined(&sc, *s))
                    .fold(0u64, |acc, (_, t)| acc | 1 << t);
                carried = Some(self.memory.last_topics | (topics & fresh));
                topics = (topics & fresh) | self.memory.last_topics;
            }
            // A statement with no topic word of its own is about what the
            // article was just discussing.
            if topics == 0
                && holders.iter().any(|h| {
                    matches!(h.via, Via::Speaker | Via::AccordingTo)
                        || h.via == Via::Subject && self.direct_stance(&sc, h)
                })
                && si <= self.memory.last_sentence + 3
            {
                topics = self.memory.last_topics;
                // (Unless the text has named a topic since, without a holder:
                // `Analysts say the Kursk incursion failed. Russian troops
                // have retaken …, according to the military.`)
                if self.memory.named_sentence > self.memory.last_sentence
                    && si <= self.memory.named_sentence + 1
                {
                    topics = self.memory.named_topics;
                }
            }
            // `… to discuss it`, `has not accepted it`: a stance on something
            // just mentioned.
            if topics == 0 && !holders.is_empty() && self.stance_on_pronoun(&sc) {
                topics = self.memory.last_topics;
            }

            // A sentence about another issue (a minerals deal, elections) and
            // none of the topics is about that issue: it takes no topic from
            // context and passes none on.
            let other_issue =
                sc.strong_topics == 0 && sc.cues.iter().any(|c| c.3.contains(&Meaning::OtherIssue));
            if other_issue {
                topics = 0;
                self.memory.last_topics = 0;
            }

            // Figures.
            // The source: `according to X`, else the owner of a proposal
            // (`the US proposal for a 30-day truce`), else the speaker.
            let source = holders
                .iter()
                .find(|h| h.via == Via::AccordingTo)
                .or_else(|| holders.iter().find(|h| h.via == Via::Owner && h.forced == Some(L_PROPOSES)))
                .or_else(|| holders.iter().find(|h| h.via == Via::Speaker))
                .map(|h| h.party);
            // The topic: the nearest topic word that is not weak, else the
            // sentence's topic (also carried over), else a weak word's.
            let strong_terms: Vec<(Span, u8)> =
                sc.topic_terms.iter().copied().filter(|&(_, t)| sc.strong_topics & (1 << t) != 0).collect();
            // A figure in a sentence with only general words (`liberated 90%
            // of the territory`) right after a specific topic is about that topic.
            let figure_topics = if topics != 0
                && sc.strong_topics == 0
                && self.memory.figure_topics != 0
                && self.memory.figure_topics & topics == 0
                && si <= self.memory.figure_sentence + 2
            {
                self.memory.figure_topics
            } else {
                topics
            };
            if figure_topics != 0 {
                self.memory.figure_topics = figure_topics;
                self.memory.figure_sentence = si;
            }
            for f in figures::find(self.text, seg.span, &sc.words) {
                // A unit that is itself a topic word (`four regions`) says it.
                let own = sc.topic_terms.iter().find(|(s, _)| f.span.contains(*s)).map(|&(_, t)| t);
                let topic = own
                    .or_else(|| nearest_topic(&strong_terms, f.span))
                    .or_else(|| (figure_topics != 0).then(|| figure_topics.trailing_zeros() as u8))
                    .or_else(|| nearest_topic(&sc.topic_terms, f.span));
                self.figures.push(report::Figure {
                    text: self.text[f.span.range()].to_string(),
                    span: f.span,
                    sentence: si,
                    topic: topic.map(|t| self.topics[t as usize].id.clone()),
                    source: source.map(|p| self.parties[p as usize].id.clone()),
                });
            }

            // Claims.
            let question = self.text[seg.span.range()]
                .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\''])
                .ends_with('?')
                || (mostly_quoted && self.text[seg.span.range()].contains('?'));
            let mut seen = 0u64;
            for h in &holders {
                for t in 0..self.a.profile.topics.len() as u8 {
                    if topics & (1 << t) == 0 {
                        continue;
                    }
                    let stance =
                        h.forced.or_else(|| self.stance(&sc, h, question && h.via == Via::Speaker, t));
                    let key = 1u64 << (h.party as u32 * 8 + t as u32).min(63);
                    if seen & key != 0 {
                        // Keep the strongest construction for the sentence.
                        if let Some(c) = self
                            .claims
                            .iter_mut()
                            .rev()
                            .find(|c| c.sentence == si && c.party == h.party && c.topic == t)
                        {
                            // … the main clause's, which comes first (`The
                            // Russian leader has not dropped his demand that
                            // … the regions Moscow claims`), unless the other
                            // is the speaker of the whole sentence (`Kyiv will
                            // never …, Foreign Minister X said`).
                            let reporter = holders
                                .iter()
                                .any(|x| x.span == c.speaker && x.via == Via::Speaker && x.scope_start == 0);
                            if stance.is_some()
                                && (c.stance.is_none() || h.span.start < c.speaker.start && !reporter)
                            {
                                c.stance = stance;
                                c.via = h.via;
                                c.speaker = h.span;
                            }
                        }
                        continue;
                    }
                    seen |= key;
                    self.claims.push(Claim {
                        party: h.party,
                        topic: t,
                        sentence: si,
                        via: h.via,
                        stance,
                        speaker: h.span,
                    });
                }
            }

            // Memory.
            if !holders.is_empty() && topics != 0 {
                // (General words alone do not change the topic of the
                // moment: `the territory` in a report on Kursk.)
                let weak_only = sc.strong_topics == 0 && sc.topics != 0 && self.memory.last_topics != 0;
                if !weak_only || carried.is_some() {
                    self.memory.last_topics = carried.unwrap_or(topics);
                }
                self.memory.last_holder_parties = holders.iter().fold(0, |acc, h| acc | 1 << h.party);
                self.memory.last_sentence = si;
            }
            if let Some(t) = sc.topic_terms.last() {
                self.memory.last_topic = Some(t.1);
            }
            if sc.strong_topics != 0 {
                self.memory.named_topics = sc.strong_topics;
                self.memory.named_sentence = si;
            }
            self.memory.seen_topics |= sc.topics;
            if let Some(h) = holders.iter().find(|h| h.via == Via::Speaker) {
                self.memory.last_speaker = Some((h.party, h.span));
            } else if let Some(r) = sc.refs.first() {
                // A transcript's speaker line: `VLADIMIR PUTIN, at a news conference`.
                let person = matches!(r.kind, RefKind::Alias(AliasKind::Person | AliasKind::Title));
                if seg.kind == UnitKind::Line && r.word == 0 && person && !mostly_quoted {
                    self.memory.last_speaker = Some((r.party, r.span));
                }
            }
            self.update_memory(&sc, &holders);

            let mut named = 0u64;
            for r in &sc.refs {
                let id = &self.parties[r.party as usize].id;
                named |= 1 << r.party;
                self.mentions.push(ReportMention {
                    span: r.span,
                    party: id.clone(),
                    kind: match r.kind {
                        RefKind::Pronoun => "pronoun",
                        RefKind::Alias(k) => k.name(),
                    },
                    sentence: si,
                });
            }
            let parties: Vec<report::Id> = (0..self.parties.len())
                .filter(|p| named & (1 << p) != 0)
                .map(|p| self.parties[p].id.clone())
                .collect();
            self.sentences.push(report::Sentence {
                span: seg.span,
                paragraph: seg.paragraph,
                kind: seg.kind,
                parties,
                topics: (0..self.topics.len())
                    .filter(|t| topics & (1 << t) != 0)
                    .map(|t| self.topics[t].id.clone())
                    .collect(),
            });
        }
    }

    /// A stance word followed by `it`, `this` or `that` as its object.
    fn stance_on_pronoun(&self, sc: &Scanned) -> bool {
        sc.cues.iter().any(|c| {
            c.3.iter().any(|m| matches!(m, Meaning::Stance(l) if *l != L_ACTS))
                && matches!(self.lower_word(sc, c.1), "it" | "this" | "that" | "them")
        })
    }

    /// An unquoted question opening with a question word.
    fn writers_question(&self, sc: &Scanned, seg: &Segment) -> bool {
        let s = self.text[seg.span.range()].trim_end();
        s.ends_with('?')
            && matches!(
                self.lower_word(sc, 0),
                "what"
                    | "how"
                    | "why"
                    | "who"
                    | "when"
                    | "where"
                    | "which"
                    | "does"
                    | "did"
                    | "do"
                    | "is"
                    | "are"
                    | "will"
                    | "can"
                    | "could"
                    | "would"
                    | "should"
                    | "has"
                    | "have"
            )
    }

    /// A speaker label naming someone who is not a party: a line or
    /// paragraph opening with capitalised words and a colon (`MARK RUTTE:`),
    /// with no party named before the colon.
    fn foreign_label(&self, sc: &Scanned, seg: &Segment) -> bool {
        let s = &self.text[seg.span.range()];
        let Some(colon) = s.find(':') else { return false };
        let head = &s[..colon];
        if head.is_empty() || head.len() > 40 || !head.chars().any(char::is_alphabetic) {
            return false;
        }
        let caps = head.split_whitespace().all(|w| w.chars().all(|c| !c.is_lowercase()));
        caps && !sc.refs.iter().any(|r| r.span.start < seg.span.start + colon)
    }

    /// The speaker of a quote that the tag names only in a later sentence of
    /// the same paragraph (`“… . … ,” he said.`).
    fn lookahead_speaker(&self, si: usize, touching: &[usize]) -> Option<(u8, Span)> {
        let last_q = *touching.last()?;
        let q = self.quotes[last_q];
        // A quote that ends in this sentence has its tag here, if anywhere.
        if q.end <= self.segments[si].span.end {
            return None;
        }
        let para = self.segments[si].paragraph;
        for seg in self.segments[si + 1..].iter().take(6) {
            if seg.paragraph != para {
                break;
            }
            if seg.span.start >= q.end || seg.span.end > q.end {
                // The sentence holding the quote's end: read its tag.
                let sc = self.scan(seg.span);
                let in_quote = |pos: usize| q.start <= pos && pos < q.end;
                let hs = self.find_holders(&sc, &in_quote, seg);
                return hs.iter().find(|h| h.via == Via::Speaker).map(|h| (h.party, h.span));
            }
        }
        None
    }

    /// Replace pronoun cues by party references using the memory.
    fn resolve_pronouns(&self, sc: &mut Scanned, in_quote: &dyn Fn(usize) -> bool) {
        let mut found = Vec::new();
        for (w, we, span, ms) in &sc.cues {
            for m in ms.iter() {
                if *m == Meaning::LastSpeaker && !in_quote(span.start) {
                    // `…,” the statement said`: whoever spoke last.
                    if let Some((party, _)) = self.memory.last_speaker.filter(|s| s.0 != OTHER) {
                        found.push(PartyRef {
                            span: *span,
                            party,
                            kind: RefKind::Pronoun,
                            gender: Gender::Neuter,
                            word: *w,
                            word_end: *we,
                        });
                    }
                    continue;
                }
                if *m == Meaning::GenericTitle && !in_quote(span.start) {
                    // `the head of state said`: the person the text is about.
                    // In an apposition (`Gen. Syrskyi, the commander-in-chief,`)
                    // the name is already there.
                    let apposition = *w > 0
                        && self.text[sc.words[*w - 1].end..span.start].contains(',')
                        && sc.refs.iter().any(|r| r.word_end == *w);
                    if let Some((party, _)) = self.memory.last_person.filter(|_| !apposition) {
                        found.push(PartyRef {
                            span: *span,
                            party,
                            kind: RefKind::Alias(AliasKind::Title),
                            gender: Gender::Unknown,
                            word: *w,
                            word_end: *we,
                        });
                    }
                    continue;
                }
                if *m == Meaning::Dual && !in_quote(span.start) {
                    // `the two leaders`: the last two parties whose people
                    // were named.
                    for &(party, _) in self.memory.recent_people.iter().rev().take(2) {
                        found.push(PartyRef {
                            span: *span,
                            party,
                            kind: RefKind::Pronoun,
                            gender: Gender::Plural,
                            word: *w,
                            word_end: *we,
                        });
                    }
                    continue;
                }
                let Meaning::Pronoun(g) = *m else { continue };
                if in_quote(span.start) {
                    continue;
                }
                // `Putin said that he…`: a person of the same gender named
                // earlier in the sentence, outside any prepositional phrase,
                // comes before the memory.
                let local = sc.refs.iter().find(|r| {
                    r.kind != RefKind::Pronoun
                        && r.gender == g
                        && r.span.end <= span.start
                        && !matches!(r.kind, RefKind::Alias(AliasKind::Demonym))
                        && !self.after_preposition(sc, r)
                        && !self.possessive(r)
                        && self.followed_by_verb(sc, r)
                });
                let target = match g {
                    _ if local.is_some() => local.map(|r| (r.party, r.span)),
                    Gender::Masculine => self.memory.last_male,
                    Gender::Feminine => self.memory.last_female,
                    Gender::Plural => self.memory.last_plural,
                    Gender::Neuter => {
                        // `it` is rarely a party; `its` before a noun often
                        // is, and so is `it` as the subject of a verb right
                        // after a party was the subject (`It also wants…`).
                        let lower = &self.lower[span.range()];
                        if lower == "its" || (lower == "it" && self.is_verbish(sc, *we)) {
                            self.memory.last_neuter
                        } else {
                            None
                        }
                    }
                    Gender::Unknown => None,
                };
                if let Some((party, _)) = target {
                    found.push(PartyRef {
                        span: *span,
                        party,
                        kind: RefKind::Pronoun,
                        gender: g,
                        word: *w,
                        word_end: *we,
                    });
                }
            }
        }
        sc.refs.extend(found);
        sc.refs.sort_by_key(|r| r.span.start);
    }

    fn update_memory(&mut self, sc: &Scanned, holders: &[Holder]) {
        for r in &sc.refs {
            if matches!(r.kind, RefKind::Alias(AliasKind::Person | AliasKind::Title)) {
                let people = &mut self.memory.recent_people;
                people.retain(|p| p.0 != r.party);
                people.push((r.party, r.span));
                if people.len() > 4 {
                    people.remove(0);
                }
            }
            let is_holder = holders.iter().any(|h| h.span == r.span);
            if r.kind == RefKind::Alias(AliasKind::Person) && (is_holder || self.memory.last_person.is_none())
            {
                self.memory.last_person = Some((r.party, r.span));
            }
            let slot = match r.gender {
                Gender::Masculine => &mut self.memory.last_male,
                Gender::Feminine => &mut self.memory.last_female,
                Gender::Plural => &mut self.memory.last_plural,
                Gender::Neuter => &mut self.memory.last_neuter,
                Gender::Unknown => continue,
            };
            if is_holder || slot.is_none() {
                *slot = Some((r.party, r.span));
            }
        }
    }

    fn cue_at<'s>(&self, sc: &'s Scanned, word: usize) -> Option<&'s [Meaning]> {
        let i = sc.cues.partition_point(|c| c.0 < word);
        sc.cues.get(i).filter(|c| c.0 == word).map(|c| c.3)
    }

    fn lower_word(&self, sc: &Scanned, i: usize) -> &str {
        sc.words.get(i).map_or("", |w| &self.lower[w.range()])
    }

    /// Does word `i` open a predicate: a verb, a speech or stance word, or
    /// an auxiliary or adverb the profile lists with the verbs?
    fn is_verbish(&self, sc: &Scanned, i: usize) -> bool {
        self.cue_at(sc, i).is_some_and(|ms| {
            ms.iter().any(|m| matches!(m, Meaning::Stance(_) | Meaning::Speech | Meaning::Verb))
        })
    }

    /// Who holds a position in this sentence, and how.
    fn find_holders(&self, sc: &Scanned, in_quote: &dyn Fn(usize) -> bool, seg: &Segment) -> Vec<Holder> {
        let mut out: Vec<Holder> = Vec::new();
        // Statements by speakers who are none of the parties: word ranges.
        let mut foreign: Vec<(usize, usize)> = Vec::new();
        // Speakers who said nothing (`did not mention land`): not subjects
        // either.
        let mut silenced: Vec<Span> = Vec::new();
        let n = sc.words.len();
        // Reported speech: a speech verb outside quotes and its speaker.
        for (w, we, span, ms) in &sc.cues {
            if in_quote(span.start) {
                continue;
            }
            if ms.contains(&Meaning::According) {
                if let Some(r) = sc.refs.iter().find(|r| r.word >= *w && r.word <= *we + 2) {
                    out.push(self.holder(r, Via::AccordingTo, 0, None, false));
                }
                continue;
            }
            if !ms.contains(&Meaning::Speech) {
                continue;
            }
            // Subject before the verb: nearest reference, skipping appositions
            // and auxiliaries, not the object of a preposition.
            // In a closing tag (`…, local authorities said.`) the speaker is
            // after the last comma.
            let tag_start = if *we + 1 >= sc.words.len() {
                (w.saturating_sub(5)..*w)
                    .rev()
                    .find(|&k| k > 0 && self.text[sc.words[k - 1].end..sc.words[k].start].contains(','))
                    .unwrap_or(0)
            } else {
                0
            };
            let before = sc.refs.iter().rev().find(|r| {
                r.word_end <= *w
                    && r.word >= tag_start
                    && *w - r.word_end <= 8
                    && !in_quote(r.span.start)
                    && !self.after_preposition(sc, r)
                    && !self.object_of_verb(sc, r)
                    && (!(self.possessive(r) || r.kind == RefKind::Pronoun && self.possessive_pronoun(r))
                        || self.role_after(sc, r.word_end).is_some_and(|e| e == *w))
            });
            let after =
                sc.refs.iter().find(|r| r.word >= *we && r.word <= *we + 3 && !in_quote(r.span.start));
            // `…, saying that …`, `…, adding …`: a participle after a comma
            // speaks for the main clause's subject, not the nearest name.
            let participle = self.lower_word(sc, *w).ends_with("ing")
                && *w > 0
                && self.text[sc.words[*w - 1].end..sc.words[*w].start].contains(',');
            let main_subject = || {
                sc.refs.iter().find(|r| {
                    r.word < *w
                        && !in_quote(r.span.start)
                        && !self.after_preposition(sc, r)
                        && !self.possessive(r)
                        && !matches!(r.kind, RefKind::Alias(AliasKind::Demonym))
                })
            };
            let pick = match (before, after) {
                _ if participle => main_subject(),
                (Some(b), Some(a)) => {
                    // `…,” said the Kremlin spokesman` has the speaker after;
                    // `X said Y …` has it before.
                    let gap_ok = !self.clause_break(sc, b.word_end, *w);
                    if gap_ok {
                        Some(b)
                    } else {
                        Some(a)
                    }
                }
                (Some(b), None) => (!self.clause_break(sc, b.word_end, *w)).then_some(b),
                (None, Some(a)) => (*w == 0 || self.tag_position(sc, *w, in_quote)).then_some(a),
                (None, None) => None,
            };
            if pick.is_none() && *w > 0 && !in_quote(span.start) {
                // Someone who is not a party speaks (`Lukashenko said that
                // Russia…`, `…, local authorities said.`): what they report
                // is not a party's position.
                let subject = self.lower_word(sc, *w - 1);
                if !matches!(subject, "it" | "he" | "she" | "they" | "who" | "which" | "also") {
                    let tail = *we + 2 >= sc.words.len()
                        && self.text[sc.words[w.saturating_sub(4)].start..sc.words[*w].start].contains(',');
                    if tail {
                        foreign.push((0, *w));
                    } else {
                        foreign.push((*we, self.clause_end(sc, *we)));
                    }
                }
            }
            // `Washington has not commented on the claim`: saying nothing is
            // no position (`did not say whether …` still reports one).
            let silent = !ms.iter().any(|m| matches!(m, Meaning::Stance(_)))
                && (w.saturating_sub(2)..*w)
                    .any(|k| self.cue_at(sc, k).is_some_and(|ms| ms.contains(&Meaning::Negator)))
                && sc.words.get(*we).is_none_or(|_| {
                    !matches!(
                        self.lower_word(sc, *we),
                        "that" | "whether" | "if" | "where" | "when" | "how" | "what" | "who" | "why"
                    )
                })
                && !self.text[span.end..].trim_start().starts_with([':', '"', '\u{201c}']);
            if let Some(r) = pick.filter(|_| silent) {
                silenced.push(r.span);
            }
            if let Some(r) = pick.filter(|_| !silent) {
                if !out.iter().any(|h| h.party == r.party && h.via == Via::Speaker) {
                    // A tag after a quote (`“…,” X said`): the speaker's
                    // words are the quote before the verb.
                    let quoted_before = (0..*w).any(|k| in_quote(sc.words[k].start));
                    // So in a closing tag without quotes (`… were retaken,
                    // the general said.`): the words are what comes before.
                    let first = r.word.min(*w);
                    let closing = *we + 4 >= sc.words.len()
                        && (first.saturating_sub(3)..=first).any(|k| {
                            k > 0 && self.text[sc.words[k - 1].end..sc.words[k].start].contains(',')
                        });
                    // Otherwise the verb itself is the first of the speaker's
                    // words (`demanded`, `insisted`, `agreed`).
                    let asks = ms.iter().any(|m| matches!(m, Meaning::Stance(L_QUESTIONS)))
                        && !(ms.contains(&Meaning::Request) && self.request(sc, *w, *we));
                    // A subject with predicates of its own before the speech
                    // verb (`X backs the truce but raises …`): they are its
                    // words too.
                    let own_predicates = r.word_end < *w
                        && !self.text[r.span.end..sc.words[*w].start].contains(',')
                        && sc.cues.iter().any(|c| {
                            c.0 >= r.word_end
                                && c.0 < *w
                                && c.3.iter().any(|m| matches!(m, Meaning::Stance(_)))
                        });
                    let scope = if quoted_before || closing {
                        0
                    } else if own_predicates {
                        r.word_end
                    } else if asks {
                        *we
                    } else {
                        *w
                    };
                    // `Dmitry Peskov, the Kremlin spokesman, said`: the name
                    // before the apposition is who speaks.
                    let named = sc.refs.iter().find(|p| {
                        p.party == r.party
                            && p.kind == RefKind::Alias(AliasKind::Person)
                            && p.word_end <= r.word
                            && r.word - p.word_end <= 2
                            && self.text[p.span.end..r.span.start].contains(',')
                    });
                    let r = named.unwrap_or(r);
                    out.push(self.holder(r, Via::Speaker, scope, None, r.kind == RefKind::Pronoun));
                }
            }
        }
        // A speaker label: `PUTIN: “…”`, `Zelenskyy: Putin is preparing…`.
        if let Some(r) = sc.refs.first() {
            let after = self.text[r.span.end..seg.span.end].trim_start();
            if r.word == 0 && after.starts_with(':') && !out.iter().any(|h| h.via == Via::Speaker) {
                out.push(self.holder(r, Via::Speaker, r.word_end, None, false));
            }
        }
        // Subjects, owners and agents.
        for (k, r) in sc.refs.iter().enumerate() {
            if in_quote(r.span.start) {
                // Inside a quote only the owner of a proposal counts: `the
                // American proposal` says who proposed, whoever speaks.
                if matches!(r.kind, RefKind::Alias(_)) && self.noun_label(sc, r.word_end) == Some(L_PROPOSES)
                {
                    out.push(self.holder(r, Via::Owner, r.word_end, Some(L_PROPOSES), false));
                }
                continue;
            }
            if out.iter().any(|h| h.span == r.span) || silenced.contains(&r.span) {
                continue;
            }
            // The one asked (`hoping to persuade the Kremlin to accept …`)
            // holds nothing yet; a capital before `talks` is where they are
            // held (`after the Moscow talks`).
            let asked = self.governor(sc, r).is_some_and(|ms| ms.contains(&Meaning::Request));
            let venue = r.kind == RefKind::Alias(AliasKind::Capital)
                && !self.possessive(r)
                && sc.cues.iter().any(|c| {
                    c.0 == r.word_end && c.3.iter().any(|m| matches!(m, Meaning::Topic { anaphor: true, .. }))
                });
            if asked || venue {
                continue;
            }
            let pronoun = r.kind == RefKind::Pronoun;
            let next = if self.possessive(r) || pronoun && self.possessive_pronoun(r) {
                None
            } else {
                Some(r.word_end)
            };
            if self.possessive(r) || (pronoun && self.possessive_pronoun(r)) {
                // `Russia’s military has denied`, `its delegation pressed`:
                // the party's people act for it.
                if let Some(v) = self.role_after(sc, r.word_end) {
                    if self.is_verbish(sc, v) {
                        out.push(self.holder(r, Via::Subject, v, None, pronoun));
                        continue;
                    }
                }
                // `Putin's support`, `Russia’s offensive`.
                if let Some(label) = self.noun_label(sc, r.word_end) {
                    let forced = if label == L_PROPOSES { Some(L_PROPOSES) } else { None };
                    out.push(self.holder(r, Via::Owner, r.word_end, forced, pronoun));
                }
                continue;
            }
            if let RefKind::Alias(AliasKind::Demonym) = r.kind {
                // `Russian negotiators are due to meet`, `Ukrainian officials
                // see …`: the party's people, as a subject.
                if let Some(v) = self.role_after(sc, r.word_end).filter(|&v| v == r.word_end + 1) {
                    if (v..(v + 2).min(sc.words.len())).any(|k| self.is_verbish(sc, k)) {
                        out.push(self.holder(r, Via::Subject, v, None, false));
                        continue;
                    }
                }
                // `the US proposal`, `the American plan`, `Russian offensive`.
                if let Some(label) = self.noun_label(sc, r.word_end) {
                    let forced = if label == L_PROPOSES { Some(L_PROPOSES) } else { None };
                    out.push(self.holder(r, Via::Owner, r.word_end, forced, false));
                }
                continue;
            }
            // `US proposal`, `through the U.S. proposal`: whatever the
            // preposition (`he offered` is a subject and its verb).
            if let Some(label) = self.noun_label(sc, r.word_end).filter(|_| !pronoun) {
                if label == L_PROPOSES {
                    out.push(self.holder(r, Via::Owner, r.word_end, Some(L_PROPOSES), false));
                    continue;
                }
            }
            if self.after_preposition(sc, r) {
                // `proposed by the United States` is an agent.
                if r.word >= 2 && self.lower_word(sc, r.word - 1) == "by"
                    || r.word >= 3
                        && self.lower_word(sc, r.word - 2) == "by"
                        && self.lower_word(sc, r.word - 1) == "the"
                {
                    let by = if self.lower_word(sc, r.word - 1) == "by" { r.word - 1 } else { r.word - 2 };
                    if by > 0 && self.is_verbish(sc, by - 1) {
                        let label = self.cue_at(sc, by - 1).and_then(|ms| {
                            ms.iter().find_map(|m| if let Meaning::Stance(l) = m { Some(*l) } else { None })
                        });
                        out.push(self.holder(r, Via::Agent, 0, label, false));
                    }
                } else if let Some(of) = self.of_owner(sc, r) {
                    // `the proposal of the United States`
                    out.push(self.holder(r, Via::Owner, of, Some(L_PROPOSES), false));
                } else if self.talks_partner(sc, r) {
                    // `talks with Russian officials`, `discussed with the
                    // Ukrainian delegation`: a party to the talks, which are
                    // all the sentence says of its position (the cues are
                    // the speaker's or the proposal's owner's).
                    out.push(self.holder(r, Via::Agent, 0, Some(L_CONSIDERING), false));
                } else if self.forces_in_action(sc, r) {
                    out.push(self.holder(r, Via::Agent, 0, Some(L_ACTS), false));
                }
                continue;
            }
            // Subject: followed (after an apposition) by a verb.
            let mut j = next.unwrap_or(r.word_end);
            if self.text[r.span.end..].trim_start().starts_with(',') {
                // Skip an apposition: `Peskov, the Kremlin spokesman, said`.
                let mut commas = 0;
                let limit = (j + 10).min(n);
                let mut m = j;
                while m < limit {
                    let gap = &self.text[sc.words[m - 1].end..sc.words[m].start];
                    if gap.contains(',') {
                        commas += 1;
                        if commas == 2 {
                            break;
                        }
                    }
                    m += 1;
                }
                if commas == 2 {
                    j = m;
                }
            }
            let mut verb = false;
            let mut steps = 0;
            while j < n && steps < 5 {
                if self.is_verbish(sc, j) {
                    verb = true;
                    break;
                }
                // Skip adverbs, time phrases and names between subject and
                // verb: `Putin on Wednesday visited`, `Moscow, for its part, did`.
                let w = self.lower_word(sc, j);
                let raw = self.word(sc.words[j]);
                let skippable = w.ends_with("ly")
                    || raw.starts_with(char::is_uppercase)
                    || TIME_WORDS.contains(&w)
                    || sc.refs.iter().any(|o| o.word == j) && k + 1 < sc.refs.len();
                if !skippable {
                    break;
                }
                j += 1;
                steps += 1;
            }
            if !verb && j < n {
                // A verb outside the lexicon: a word in -ed or -s right after the subject.
                let w = self.lower_word(sc, j);
                verb = j == r.word_end
                    && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3));
                if verb && (seg.kind == UnitKind::Line) {
                    verb = true;
                }
            }
            if verb {
                out.push(self.holder(r, Via::Subject, j, None, pronoun));
            } else if seg.kind == UnitKind::Line && k == 0 && r.word == 0 {
                // Headlines drop verbs: a party at the very start leads.
                out.push(self.holder(r, Via::Subject, r.word_end, None, false));
            }
        }
        // Inside the content of another party's statement (`Moscow made
        // clear that … only if Kiev withdraws`), a party is what the
        // statement is about, not a holder, unless it takes a stance of its
        // own there (`…, to which Ukraine has already consented`).
        let mut frames: Vec<(u8, usize, usize)> = out
            .iter()
            .filter(|h| matches!(h.via, Via::Speaker | Via::Subject) && h.scope_start > 0)
            .map(|h| (h.party, h.scope_start, self.clause_end(sc, h.scope_start)))
            .collect();
        frames.extend(foreign.iter().map(|&(start, end)| (OTHER, start, end)));
        out.retain(|h| {
            let inside =
                frames.iter().any(|&(p, start, end)| p != h.party && h.word >= start && h.word < end);
            // Partners in talks and passive agents belong to the frame's own
            // predicate (`Witkoff discussed the plan with Russian officials`).
            // (`…, according to X` is the source of the whole sentence.)
            !inside
                || matches!(h.via, Via::Agent | Via::AccordingTo)
                || h.forced == Some(L_PROPOSES)
                || self.direct_stance(sc, h)
        });
        out
    }

    fn holder(
        &self,
        r: &PartyRef,
        via: Via,
        scope_start: usize,
        forced: Option<u8>,
        continued: bool,
    ) -> Holder {
        Holder { party: r.party, via, span: r.span, word: r.word, scope_start, forced, continued }
    }

    /// Is the reference followed by a verb (after an optional apposition
    /// or adverb), as a subject is?
    fn followed_by_verb(&self, sc: &Scanned, r: &PartyRef) -> bool {
        let mut j = r.word_end;
        if self.text[r.span.end..].trim_start().starts_with(',') {
            // `Peskov, the Kremlin spokesman, said`
            let mut commas = 0;
            while j < sc.words.len() && j < r.word_end + 10 && commas < 2 {
                if self.text[sc.words[j - 1].end..sc.words[j].start].contains(',') {
                    commas += 1;
                    if commas == 2 {
                        break;
                    }
                }
                j += 1;
            }
        }
        (j..(j + 3).min(sc.words.len())).any(|k| self.is_verbish(sc, k))
    }

    /// Where the clause that starts at word `start` ends: at a semicolon,
    /// or at a comma followed by a coordinating word (`, and the United
    /// States restored…`), which opens a new main clause.
    fn clause_end(&self, sc: &Scanned, start: usize) -> usize {
        for i in start.max(1)..sc.words.len() {
            let gap = &self.text[sc.words[i - 1].end..sc.words[i].start];
            if gap.contains(';') {
                return i;
            }
            if gap.contains(',')
                && matches!(
                    self.lower_word(sc, i),
                    "and" | "but" | "while" | "whereas" | "although" | "though" | "yet"
                )
                // `…, but wanted to know…` goes on with the same subject.
                && !self.is_verbish(sc, i + 1)
            {
                return i;
            }
        }
        sc.words.len()
    }

    /// After a possessive (`Russia's top general`, `its delegation`): when
    /// a role noun follows within three words, the index of the word after
    /// the role phrase (where its verb would be).
    fn role_after(&self, sc: &Scanned, i: usize) -> Option<usize> {
        (i..(i + 3).min(sc.words.len())).find_map(|k| {
            let w = self.lower_word(sc, k);
            self.a.roles.contains(w).then_some(k + 1)
        })
    }

    /// `the proposal of the United States`: the reference follows `of`
    /// right after a proposal noun; returns that noun's index.
    fn of_owner(&self, sc: &Scanned, r: &PartyRef) -> Option<usize> {
        let mut i = r.word;
        while i > 0 && matches!(self.lower_word(sc, i - 1), "the" | "a" | "an") {
            i -= 1;
        }
        if i < 2 || self.lower_word(sc, i - 1) != "of" {
            return None;
        }
        let noun = i - 2;
        let proposes = self.cue_at(sc, noun).is_some_and(|ms| ms.contains(&Meaning::Stance(L_PROPOSES)));
        proposes.then_some(noun)
    }

    /// A party's forces named in an action on the ground (`an offensive
    /// against Ukrainian forces`): they take part in it.
    fn forces_in_action(&self, sc: &Scanned, r: &PartyRef) -> bool {
        matches!(r.kind, RefKind::Alias(AliasKind::Group))
            && sc
                .cues
                .iter()
                .any(|c| c.3.contains(&Meaning::Stance(L_ACTS)) && (c.0 >= r.word_end || c.1 <= r.word))
    }

    /// Is the reference the partner in talks: `with X` right after a word
    /// for talks or meeting (`talks with`, `discussed with`, `met with`)?
    fn talks_partner(&self, sc: &Scanned, r: &PartyRef) -> bool {
        let mut i = r.word;
        while i > 0 && matches!(self.lower_word(sc, i - 1), "the" | "a" | "an" | "top" | "senior") {
            i -= 1;
        }
        if i < 2 || self.lower_word(sc, i - 1) != "with" {
            return false;
        }
        (i.saturating_sub(4)..i - 1).any(|k| {
            self.cue_at(sc, k)
                .is_some_and(|ms| ms.iter().any(|m| matches!(m, Meaning::Stance(L_CONSIDERING))))
                || matches!(self.lower_word(sc, k), "met" | "meeting" | "talks" | "spoke" | "talked" | "call")
        })
    }

    /// Does the holder take a position of its own: a stance verb (not a
    /// demand or an action) within three words of its predicate?
    fn direct_stance(&self, sc: &Scanned, h: &Holder) -> bool {
        let from = h.scope_start.max(h.word);
        sc.cues.iter().filter(|c| c.0 >= from && c.0 <= from + 2).any(|c| {
            c.3.iter().any(|m| {
                matches!(m, Meaning::Stance(l) if matches!(*l, L_SUPPORTS | L_OPPOSES | L_PROPOSES | L_CONDITIONAL | L_CONSIDERING))
            })
        })
    }

    fn possessive(&self, r: &PartyRef) -> bool {
        let rest = &self.text[r.span.end..];
        rest.starts_with("'s")
            || rest.starts_with("\u{2019}s")
            || rest.starts_with("s'")
            || rest.starts_with("s\u{2019}")
    }

    /// A request verb at words `w..we` that asks someone to do something:
    /// `asked Putin to spare`, `urged them to accept`, not `was asked to
    /// comment` (passive) or `asked about the truce`.
    fn request(&self, sc: &Scanned, w: usize, we: usize) -> bool {
        let passive =
            w > 0 && matches!(self.lower_word(sc, w - 1), "was" | "were" | "been" | "being" | "is" | "are");
        if passive {
            return false;
        }
        // The object: one to five words, then `to` and a verb.
        (we + 1..(we + 6).min(sc.words.len().saturating_sub(1))).any(|k| {
            self.lower_word(sc, k) == "to" && {
                let next = self.word(sc.words[k + 1]);
                next.starts_with(|c: char| c.is_lowercase())
                    && !matches!(
                        self.lower_word(sc, k + 1),
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                    )
                    && !sc.topic_terms.iter().any(|(s, _)| s.start == sc.words[k + 1].start)
            }
        })
    }

    /// The cue right before a reference (over a `the`): the verb that
    /// governs it, if any (`urged the Kremlin`).
    fn governor<'s>(&self, sc: &'s Scanned, r: &PartyRef) -> Option<&'s [Meaning]> {
        let before = if r.word > 1 && self.lower_word(sc, r.word - 1) == "the" { r.word - 1 } else { r.word };
        before.checked_sub(1).and_then(|k| self.cue_at(sc, k))
    }

    /// The object of a verb that takes a person (`accused Moscow of …`,
    /// `urged the Kremlin to …`): not the subject of what follows.
    fn object_of_verb(&self, sc: &Scanned, r: &PartyRef) -> bool {
        self.governor(sc, r)
            .is_some_and(|ms| ms.iter().any(|m| matches!(m, Meaning::Request | Meaning::Addressee)))
    }

    /// A word with a definite or possessive determiner (`the territory`,
    /// `our land`): it refers back to something already in the discourse.
    fn determined(&self, sc: &Scanned, s: Span) -> bool {
        let w = sc.words.partition_point(|w| w.end <= s.start);
        w > 0
            && matches!(
                self.lower_word(sc, w - 1),
                "our" | "their" | "its" | "his" | "her" | "my" | "your" | "the" | "this" | "that"
            )
    }

    fn possessive_pronoun(&self, r: &PartyRef) -> bool {
        matches!(&self.lower[r.span.range()], "his" | "her" | "its" | "their")
    }

    fn after_preposition(&self, sc: &Scanned, r: &PartyRef) -> bool {
        let mut i = r.word;
        while i > 0 {
            i -= 1;
            let w = self.lower_word(sc, i);
            if matches!(w, "the" | "a" | "an" | "both" | "all") {
                continue;
            }
            return self.cue_at(sc, i).is_some_and(|ms| ms.contains(&Meaning::Preposition));
        }
        false
    }

    /// A sentence or clause boundary between words `a` and `b`: a semicolon,
    /// a colon, or a closing quote.
    fn clause_break(&self, sc: &Scanned, a: usize, b: usize) -> bool {
        if a == 0 || b <= a || b > sc.words.len() {
            return false;
        }
        let gap = &self.text[sc.words[a - 1].end..sc.words[b].start];
        gap.contains([';', ':', '\u{201d}', '"']) || gap.contains(" that ")
    }

    /// Is the speech verb at word `w` a tag after a quote (`…,” said X`)?
    fn tag_position(&self, sc: &Scanned, w: usize, in_quote: &dyn Fn(usize) -> bool) -> bool {
        w > 0 && in_quote(sc.words[w - 1].start)
    }

    /// The stance label of the noun right after word `i`, if it names a
    /// position or an action (`proposal`, `support`, `offensive`).
    fn noun_label(&self, sc: &Scanned, i: usize) -> Option<u8> {
        // Allow one adjective or topic word in between: `US ceasefire proposal`.
        for j in i..i + 3 {
            if j >= sc.words.len() {
                return None;
            }
            if let Some(ms) = self.cue_at(sc, j) {
                if let Some(l) =
                    ms.iter().find_map(|m| if let Meaning::Stance(l) = m { Some(*l) } else { None })
                {
                    return Some(l);
                }
            }
            let w = self.lower_word(sc, j);
            let is_topic = sc.topic_terms.iter().any(|(s, _)| s.start == sc.words[j].start);
            if !(is_topic
                || w.ends_with("ly")
                || w.ends_with("ed")
                || w.len() <= 3
                || w.ends_with("ful")
                || w.ends_with("ive")
                || w.ends_with("ary")
                || w.contains('-'))
            {
                return None;
            }
        }
        None
    }

    /// The stance a holder shows in a sentence.
    fn stance(&self, sc: &Scanned, h: &Holder, question: bool, topic: u8) -> Option<u8> {
        if question {
            return Some(L_QUESTIONS);
        }
        let start = h.scope_start;
        // The holder's own predicate ends where another party comes in:
        // in `Zelensky said Putin was preparing to reject the truce`, the
        // rejection is Putin's, not Zelensky's.
        let end = sc
            .refs
            .iter()
            .find(|r| {
                r.word >= start
                    && r.word != h.word
                    && r.party != h.party
                    // (a pronoun only as the subject of a verb: `he is
                    // preparing to reject it`)
                    && (r.kind != RefKind::Pronoun || self.followed_by_verb(sc, r))
                    // Only another party as a subject takes over; `aid for
                    // Kyiv` or `Kyiv's troops` are objects of the holder's words.
                    && !self.after_preposition(sc, r)
                    // `Moscow's forces have retaken …` is a subject.
                    && (!self.possessive(r) || self.followed_by_verb(sc, r))
                    // The addressee of `told Trump that …` is not.
                    && !(r.word > 0
                        && self.cue_at(sc, r.word - 1).is_some_and(|ms| ms.contains(&Meaning::Addressee)))
            })
            .map_or(usize::MAX, |r| r.word);
        let mut labels: Vec<(usize, u8, bool)> = Vec::new();
        let mut hedge = false;
        for (w, we, _, ms) in sc.cues.iter() {
            if *w < start || *w >= end {
                continue;
            }
            let negator = |k: usize| self.cue_at(sc, k).is_some_and(|ms| ms.contains(&Meaning::Negator));
            // (An inverted negation opens the sentence: `Nor has he offered …`.)
            let neg = || {
                (w.saturating_sub(3)..*w).any(|k| k >= start.min(h.word + 1) && negator(k))
                    || *w <= 4 && h.word < *w && negator(0)
            };
            // `not setting any conditions` is no reservation.
            if ms.contains(&Meaning::Hedge) && !neg() {
                hedge = true;
            }
            if ms.contains(&Meaning::Request) && self.request(sc, *w, *we) {
                labels.push((*w, L_DEMANDS, neg()));
                continue;
            }
            // `denied that its troops were encircled` disputes a report; it
            // is no position on the topic (`Kyiv denied it` is).
            // A participle used as an adjective (`the proposed truce`)
            // names the thing, not the holder's stance on it.
            if *w > 0
                && matches!(self.lower_word(sc, *w - 1), "the" | "a" | "an")
                && self.lower_word(sc, *w).ends_with("ed")
            {
                continue;
            }
            // A stance noun owned by another party (`the American initiative`)
            // is that party's position, not the holder's.
            if sc.refs.iter().any(|r| r.party != h.party && r.word_end == *w && r.kind != RefKind::Pronoun) {
                continue;
            }
            let disputes = *we < sc.words.len() && self.lower_word(sc, *we) == "that"
                // … and so does condemning another party's words (`slams
                // Putin's statements on the ceasefire`): the target is the
                // party, not the topic.
                || sc.refs.iter().any(|r| {
                    r.party != h.party && (r.word == *we || r.word == *we + 1) && self.possessive(r)
                });
            for m in ms.iter() {
                if let Meaning::Stance(l) = *m {
                    if !(l == L_OPPOSES && disputes) {
                        labels.push((*w, l, neg()));
                    }
                }
            }
        }
        // In a sentence that names several topics, a cue belongs to the
        // topic it governs: the nearest topic word after it (else before it).
        // `agreed to the truce but asked about Kursk`: supports is about the
        // truce, not about Kursk.
        // (Weak words that did not decide the topic, `Russian territory` in
        // a sentence about Kursk, are not topics here.)
        let terms: Vec<(usize, u8)> = sc
            .topic_terms
            .iter()
            .filter(|(_, t)| sc.topics & (1 << t) != 0)
            .map(|(s, t)| (sc.words.partition_point(|w| w.end <= s.start), *t))
            .collect();
        let several = terms.iter().any(|&(_, t)| t != terms[0].1);
        if several {
            labels.retain(|&(w, _, _)| {
                let after = terms.iter().filter(|&&(tw, _)| tw >= w).min_by_key(|&&(tw, _)| tw);
                let before = terms.iter().filter(|&&(tw, _)| tw < w).max_by_key(|&&(tw, _)| tw);
                // A qualifier right after a topic word is about it (`backs
                // the truce in principle but raises Kursk`).
                let nearest = match (after, before) {
                    (Some(a), Some(b)) if w - b.0 < a.0 - w => Some(b),
                    (a, b) => a.or(b),
                };
                nearest.is_none_or(|&(_, t)| t == topic)
            });
        }
        // The first cue after the holder is its predicate; later cues belong
        // to the content (`rejected any plan to cede territory`).
        let best = labels.first().map(|&(_, l, neg)| {
            if neg {
                match l {
                    L_SUPPORTS | L_PROPOSES => L_OPPOSES,
                    L_OPPOSES => L_CONDITIONAL,
                    // `is not setting any conditions`: no reservations.
                    L_CONDITIONAL => L_SUPPORTS,
                    other => other,
                }
            } else {
                l
            }
        });
        let mut best = best;
        // Support that goes only so far: `agreed to X, but did not accept Y`.
        let partial = best == Some(L_SUPPORTS)
            && labels.iter().skip(1).any(|&(w, l, neg)| {
                neg && matches!(l, L_SUPPORTS | L_PROPOSES)
                    && (labels[0].0..w).any(|k| matches!(self.lower_word(sc, k), "but" | "yet" | "though"))
            });
        if best == Some(L_SUPPORTS) && (hedge || partial) {
            best = Some(L_CONDITIONAL);
        }
        best
    }

    fn finish(self) -> Report {
        let mut cells = Vec::new();
        for t in 0..self.topics.len() {
            for p in 0..self.parties.len() {
                let claims: Vec<&Claim> =
                    self.claims.iter().filter(|c| c.party as usize == p && c.topic as usize == t).collect();
                if claims.is_empty() {
                    continue;
                }
                let stance = primary(&claims, self.a.profile.topics[t].actions_first);
                let evidence: Vec<Evidence> = claims
                    .iter()
                    .map(|c| {
                        let seg = self.segments[c.sentence];
                        // Quotes are ordered and disjoint: binary search.
                        let first = self.quotes.partition_point(|q| q.end <= seg.span.start);
                        let quote = self
                            .quotes
                            .get(first)
                            .filter(|q| q.start < seg.span.end)
                            .map(|q| Span::new(q.start.max(seg.span.start), q.end.min(seg.span.end)));
                        Evidence {
                            sentence: c.sentence,
                            text: self.text[seg.span.range()].to_string(),
                            span: seg.span,
                            stance: c.stance.map(|l| STANCE_LABELS[l as usize].to_string()),
                            via: c.via.name().to_string(),
                            speaker: Some(self.text[c.speaker.range()].to_string()),
                            speaker_span: Some(c.speaker),
                            quote,
                        }
                    })
                    .collect();
                let summary = summarize(STANCE_LABELS[stance as usize], &evidence);
                cells.push(Cell {
                    party: self.parties[p].id.clone(),
                    topic: self.topics[t].id.clone(),
                    stance: STANCE_LABELS[stance as usize].to_string(),
                    summary,
                    evidence,
                });
            }
        }
        Report {
            schema: report::SCHEMA.to_string(),
            parties: self.parties,
            topics: self.topics,
            stats: Stats::default(),
            sentences: self.sentences,
            cells,
            figures: self.figures,
            mentions: self.mentions,
            notices: Vec::new(),
        }
    }
}

/// Which label wins inside one sentence: the lower, the stronger.
fn rank(l: u8) -> u8 {
    match l {
        L_DEMANDS => 0,
        L_OPPOSES => 1,
        L_CONDITIONAL => 2,
        L_PROPOSES => 3,
        L_SUPPORTS => 4,
        L_QUESTIONS => 5,
        L_CONSIDERING => 6,
        _ => 7,
    }
}

/// How much one action counts, against one statement, on a topic where
/// actions come first.
const ACTS_FIRST_WEIGHT: f32 = 1.0;

/// The primary label of a cell from its claims.
fn primary(claims: &[&Claim], actions_first: bool) -> u8 {
    let mut score = [0f32; 8];
    for c in claims {
        let Some(l) = c.stance else { continue };
        // Owning a proposal is the clearest position a text can give;
        // questions are many and weak.
        let w = match (c.via, l) {
            (Via::Owner, L_PROPOSES) => 3.0,
            (_, L_QUESTIONS) => 0.3,
            (_, L_ACTS) if actions_first => ACTS_FIRST_WEIGHT,
            (_, L_ACTS) => 0.34,
            _ => 1.0,
        };
        score[l as usize] += w;
    }
    // Support with reservations (conditions, questions, demands) amounting
    // to at least a third of it is conditional support; a stray reservation
    // among much support is not.
    let s = L_SUPPORTS as usize;
    // (Each question counts in full here: weak as a position, it is a
    // reservation all the same.)
    let questions = claims.iter().filter(|c| c.stance == Some(L_QUESTIONS)).count() as f32;
    let reservations = score[L_CONDITIONAL as usize] + questions + score[L_DEMANDS as usize];
    if score[s] > 0.0 && reservations > 0.0 && reservations * 3.0 >= score[s] {
        score[L_CONDITIONAL as usize] += score[s] + score[L_QUESTIONS as usize];
    }
    // Nothing but statements without a stance word: the party is talking
    // it over; nothing but actions: it acts.
    let mut best = if claims.iter().any(|c| c.via == Via::Speaker) { L_CONSIDERING } else { L_ACTS };
    let mut best_score = 0.0;
    for l in 0..8u8 {
        if score[l as usize] > best_score
            || (score[l as usize] == best_score && best_score > 0.0 && rank(l) < rank(best))
        {
            best = l;
            best_score = score[l as usize];
        }
    }
    best
}

fn nearest_topic(terms: &[(Span, u8)], span: Span) -> Option<u8> {
    terms
        .iter()
        .min_by_key(
            |(s, _)| {
                if s.start >= span.end {
                    s.start - span.end
                } else {
                    span.start.saturating_sub(s.end)
                }
            },
        )
        .map(|t| t.1)
}

/// The longest summary, in characters.
const SUMMARY_CHARS: usize = 110;

/// A cell's one-line summary: the sentence that best shows its primary
/// stance (the first one labelled with it, else the first), cut at a word
/// boundary to fit one line.
pub(crate) fn summarize(stance: &str, evidence: &[Evidence]) -> String {
    let best = evidence.iter().find(|e| e.stance.as_deref() == Some(stance)).or(evidence.first());
    let Some(e) = best else { return String::new() };
    let text = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SUMMARY_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}\u{2026}", cut.trim_end_matches([',', ';', ':']))
}
