//! The pipeline: one left-to-right pass over the sentences, calling the
//! stages in order.
//!
//! [`Analyzer`] holds the compiled profiles (one per language) and picks
//! the one for a text's language. [`Analyzer::analyze`] segments
//! the text, finds its quotes, and then reads each sentence once
//! ([`Run::sentence`]): scan → resolve → holders → quote speakers → topics →
//! figures → stance and claims → memory. At the end the claims become the
//! report's cells.

use crate::cells::{Claims, Merge};
use crate::explain::{
    DroppedTrace, Explanation, HolderTrace, QuoteTrace, ResolvedTrace, SentenceTrace, StanceTrace, TopicTrace,
};
use crate::figures::{self, Attributed};
use crate::grammar::{Sentence, Words};
use crate::holders::{self, Dropped, Holder, Holders, Rule};
use crate::ids::{PartyId, PartySet, Speaker, Via};
use crate::memory::{Leaves, Memory};
use crate::profile::Profile;
use crate::quotes::{self, QuoteSource, QuoteSpeakers, QuoteView, Quotes};
use crate::report::{self, Label, Mention, Report, Stats};
use crate::resolve::{self, Resolution};
use crate::scan::{Meaning, Scanned, Scanner};
use crate::segment::{segment, Abbreviations, Segment};
use crate::span::Span;
use crate::stance;
use crate::topics::{self, TopicDecision};

mod analyzer;

pub use analyzer::Analyzer;

/// The largest input analysed, in bytes. Longer text is cut at this point
/// (on a character boundary) and the report says so in `notices`.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// A profile compiled for analysis.
struct Compiled {
    profile: Profile,
    scanner: Scanner,
    abbreviations: Abbreviations,
    speech_verbs: std::collections::HashSet<String>,
    words: Words,
    figures: figures::Vocab,
    /// The figure vocabulary of a language with cases, read by
    /// [`crate::figures_cased`] instead.
    cased_figures: Option<crate::figures_cased::Vocab>,
    /// The report's party and topic labels; their ids are shared by every
    /// sentence, mention and cell that names them.
    parties: Vec<Label>,
    topics: Vec<(Label, bool)>,
}

impl Compiled {
    /// Compile `profile` for analysis.
    fn new(profile: &Profile) -> Compiled {
        let lx = &profile.lexicon;
        Compiled {
            profile: profile.clone(),
            scanner: Scanner::new(profile),
            abbreviations: Abbreviations::new(&lx.abbreviations),
            speech_verbs: crate::inflect::expand_all(&lx.speech_verbs, &lx.inflections)
                .iter()
                .map(|w| crate::text::fold_case(w))
                .collect(),
            words: Words::with_topics(lx, &profile.topics),
            figures: figures::Vocab::new(profile),
            cased_figures: (cfg!(feature = "cased-languages") && !lx.inflections.is_empty())
                .then(|| crate::figures_cased::Vocab::new(&lx.figures, &lx.inflections)),
            parties: profile
                .parties
                .iter()
                .map(|p| Label { id: p.id.as_str().into(), label: p.label.clone() })
                .collect(),
            topics: profile
                .topics
                .iter()
                .map(|t| (Label { id: t.id.as_str().into(), label: t.label.clone() }, t.actions_first))
                .collect(),
        }
    }

    fn run(
        &self,
        text: &str,
        language: &str,
        mut notices: Vec<String>,
        trace: Option<&mut Explanation>,
    ) -> Report {
        let text = cut_to_limit(text, &mut notices);
        let controls =
            text.bytes().filter(|&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7f).count();
        if controls > 0 {
            notices.push(format!(
                "The text contains {controls} control characters (binary data?); they were treated as spaces."
            ));
        }
        let speech = |w: &str| self.speech_verbs.contains(w);
        let segments = segment(text, &self.abbreviations, &speech);
        let lower = crate::text::fold_case(text);
        let names_party = |span: Span| self.scanner.names_party(text, &lower, span);
        let preposition = |w: &str| self.words.prepositions.contains(&crate::text::fold_case(w));
        let (dialogue, turns) =
            crate::dialogue::regions(text, &segments, &speech, &names_party, &preposition);
        // (A transcript's turns: a language with cases reads them as
        // `dialogue` does, English as `quotes::turns` does.)
        let cased = self.words.cased();
        let quotes =
            Quotes::new(text, &lower, &segments, (!cased).then_some(&self.scanner)).with_dialogue(dialogue);
        let mut run = Run::new(self, text, lower, &segments, &quotes);
        if cased {
            run.turns = turns;
        }
        match trace {
            Some(trace) => {
                for (si, seg) in segments.iter().enumerate() {
                    let mut t = SentenceTrace { index: si, span: seg.span, ..SentenceTrace::default() };
                    run.sentence(si, Some(&mut t));
                    trace.sentences.push(t);
                }
            }
            None => (0..segments.len()).for_each(|si| run.sentence(si, None)),
        }
        let cells = run.claims.cells(text, &segments, &quotes, &self.parties, &self.topics);
        Report {
            schema: report::SCHEMA.to_string(),
            language: language.to_string(),
            parties: self.parties.clone(),
            topics: self.topics.iter().map(|(l, _)| l.clone()).collect(),
            stats: Stats {
                // Characters are the bytes that do not continue a UTF-8 sequence.
                chars: text.bytes().filter(|&b| (b as i8) >= -0x40).count(),
                bytes: text.len(),
                sentences: segments.len(),
                paragraphs: segments.last().map_or(0, |s| s.paragraph + 1),
            },
            sentences: run.sentences,
            cells,
            figures: run.figures,
            mentions: run.mentions,
            notices,
        }
    }
}

/// A demonym holder with the noun it qualifies, for the evidence's
/// speaker: `the American proposal` shows `American proposal`, not the
/// bare adjective. The noun is the next word when it is a lower-case word
/// of the same sentence and not a verb (`the Russians rejected it` keeps
/// `Russians`).
fn demonym_phrase(s: &Sentence, h: &Holder) -> Option<Span> {
    let r = s.sc.refs.iter().find(|r| r.span == h.span)?;
    if r.kind != crate::scan::RefKind::Alias(crate::profile::AliasKind::Demonym) || r.word_end >= s.len() {
        return None;
    }
    let next = s.sc.words[r.word_end];
    let word = s.word(r.word_end);
    let noun = s.text.get(h.span.end..next.start) == Some(" ")
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && word.chars().next().is_some_and(char::is_lowercase)
        && !s
            .cue_at(r.word_end)
            .is_some_and(|ms| ms.iter().any(|m| matches!(m, Meaning::Speech | Meaning::Verb)))
        && !s.words.verb_by_ending(word);
    noun.then(|| Span::new(h.span.start, next.end))
}

/// `text` cut at [`MAX_INPUT_BYTES`] on a character boundary, with a notice.
fn cut_to_limit<'t>(text: &'t str, notices: &mut Vec<String>) -> &'t str {
    if text.len() <= MAX_INPUT_BYTES {
        return text;
    }
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
}

/// The state of one analysis: the memory, the claims and the report's
/// parts as they grow, and buffers reused from sentence to sentence.
struct Run<'a> {
    a: &'a Compiled,
    text: &'a str,
    /// The whole text in lower case (same byte offsets; see
    /// [`crate::text::fold_case`]).
    lower: String,
    segments: &'a [Segment],
    quotes: &'a Quotes,
    speakers: QuoteSpeakers,
    turns: crate::dialogue::Turns,
    memory: Memory,
    claims: Claims,
    sentences: Vec<report::Sentence>,
    mentions: Vec<Mention>,
    figures: Vec<report::Figure>,
    // Buffers.
    sc: Scanned<'a>,
    resolved: Vec<Resolution>,
    holders: Holders,
    found: Vec<Attributed>,
}

impl<'a> Run<'a> {
    fn new(
        a: &'a Compiled,
        text: &'a str,
        lower: String,
        segments: &'a [Segment],
        quotes: &'a Quotes,
    ) -> Run<'a> {
        Run {
            a,
            text,
            lower,
            segments,
            quotes,
            speakers: QuoteSpeakers::new(quotes),
            turns: crate::dialogue::Turns::default(),
            memory: Memory::default(),
            claims: Claims::default(),
            sentences: Vec::with_capacity(segments.len()),
            mentions: Vec::new(),
            figures: Vec::new(),
            sc: Scanned::default(),
            resolved: Vec::new(),
            holders: Holders::default(),
            found: Vec::new(),
        }
    }

    /// Read sentence `si`: every stage once, in order.
    // (Over 80 lines: the stage list itself: each stage called once, in order, beside its trace; cut up, the order would no longer be visible in one place.)
    fn sentence(&mut self, si: usize, mut trace: Option<&mut SentenceTrace>) {
        let seg = self.segments[si];
        let view = self.quotes.view(seg.span);
        // Scan → resolve → holders: who speaks, acts or owns something.
        let (a, text, lower) = (self.a, self.text, &self.lower);
        read_front(
            a,
            text,
            lower,
            (si, seg),
            view,
            &self.memory,
            &mut self.sc,
            &mut self.resolved,
            &mut self.holders,
        );
        let s = Sentence {
            index: si,
            seg,
            text: self.text,
            lower: &self.lower,
            sc: &self.sc,
            quotes: view,
            words: &self.a.words,
        };
        if holders::writers_question(&s) {
            self.holders.drop_all(Dropped::WritersQuestion);
        } else if s.quotes.other_turn && s.text[seg.span.range()].trim_end().ends_with('?') {
            // An interviewer's question is nobody's position.
            self.holders.drop_all(Dropped::WritersQuestion);
        }
        // Quotes: who speaks the quoted words (may add a holder).
        let ahead =
            || lookahead_speaker(self.a, self.text, &self.lower, self.segments, si, &view, &self.memory);
        let (quote, other_speaker) =
            attribute_quotes(&s, &mut self.holders, &mut self.speakers, &self.memory, &ahead);
        // A transcript's turn: its speaker, named by the label.
        self.turns.attribute(&s, &mut self.holders);
        // The terms of a plan: its owner's.
        let plan_terms = holders::plan::attribute(&s, &self.memory, &mut self.holders);
        // (Each pronoun or description holder keeps the name it resolved
        // to, for the evidence's `resolved`.)
        for h in &mut self.holders.kept {
            h.antecedent = self.resolved.iter().find(|r| r.r.span == h.span).map(|r| r.antecedent);
        }
        for k in 0..self.holders.kept.len() {
            self.holders.kept[k].shown = demonym_phrase(&s, &self.holders.kept[k]);
        }
        // Topics: named, described, carried over.
        let topics = topics::decide(&s, &self.holders.kept, &self.memory);
        // Figures: topic and source (reads the memory).
        self.found.clear();
        let cased_figures = self.a.cased_figures.as_ref().filter(|_| cfg!(feature = "cased-languages"));
        let figure_topics = match cased_figures {
            Some(v) => crate::figures_cased::attribute(
                v,
                &s,
                &self.holders.kept,
                topics.set,
                &self.memory,
                &mut self.found,
            ),
            None => figures::attribute(
                &self.a.figures,
                &s,
                &self.holders.kept,
                topics.set,
                &self.memory,
                &mut self.found,
            ),
        };
        for f in &self.found {
            self.figures.push(report::Figure {
                text: self.text[f.span.range()].to_string(),
                span: f.span,
                sentence: si,
                topic: f.topic.map(|t| self.a.topics[t.index()].0.id.clone()),
                source: f.source.map(|p| self.a.parties[p.index()].id.clone()),
            });
        }
        // Stance and claims, per holder and topic.
        let question = s.is_question();
        let mut stances = Vec::new();
        for h in &self.holders.kept {
            for t in topics.set.iter() {
                let st = stance::decide(&s, h, t, question && h.via == Via::Speaker);
                let merge = self.claims.add(si, h, t, &st, &self.holders.kept);
                if trace.is_some() {
                    stances.push((h.party, t, st, merge));
                }
            }
        }
        // Memory: what this sentence leaves for the next ones.
        let plan_owner = holders::plan::owner(&s, &self.holders.kept);
        let leaves = Leaves {
            holders: &self.holders.kept,
            topics: &topics,
            other_speaker,
            figure_topics,
            plan_owner,
            plan_terms,
        };
        self.memory.remember(&s, &leaves);
        if let Some(t) = trace.as_mut() {
            self.trace(&s, t, quote, &topics, &stances);
        }
        report_sentence(self.a, &s, &topics, &mut self.mentions, &mut self.sentences);
    }

    /// Keep what the stages decided in `t`.
    fn trace(
        &self,
        s: &Sentence,
        t: &mut SentenceTrace,
        quote: Option<(Speaker, QuoteSource)>,
        topics: &TopicDecision,
        stances: &[(PartyId, crate::ids::TopicId, stance::StanceDecision, Merge)],
    ) {
        let party = |p: PartyId| self.a.parties[p.index()].id.clone();
        let topic = |x: crate::ids::TopicId| self.a.topics[x.index()].0.id.clone();
        t.quote = quote.map(|(sp, source)| QuoteTrace {
            party: sp.party().map(|(p, _)| party(p)),
            speaker: sp.party().map(|(_, span)| span),
            source: source.name(),
        });
        t.resolved = self
            .resolved
            .iter()
            .map(|r| ResolvedTrace {
                span: r.r.span,
                party: party(r.r.party),
                antecedent: r.antecedent,
                by: r.by.name(),
            })
            .collect();
        t.holders = self
            .holders
            .kept
            .iter()
            .map(|h| HolderTrace {
                party: party(h.party),
                via: h.via.name(),
                rule: h.rule.name(),
                span: h.span,
                scope: s.sc.words.get(h.scope_start).map_or(s.seg.span.end, |w| w.start),
            })
            .collect();
        t.dropped =
            self.holders.dropped.iter().map(|&(span, d)| DroppedTrace { span, reason: d.name() }).collect();
        t.topics = TopicTrace {
            topics: topics.set.iter().map(topic).collect(),
            source: topics.source.name(),
            triggers: topics::triggers(s),
        };
        t.stances = stances
            .iter()
            .map(|&(p, x, st, merge)| StanceTrace {
                party: party(p),
                topic: topic(x),
                stance: st.label.map(|l| l.name()),
                why: st.why.name(),
                cue: st.cue,
                negated: st.negated,
                hedge: st.hedge,
                partial: st.partial,
                claim: merge.name(),
            })
            .collect();
    }
}

/// Quote speakers: a tag in this sentence names the speaker of the quotes it
/// touches; a tag naming no party makes the speaker someone else; a mostly
/// quoted sentence without a tag is spoken by the quote's speaker (found
/// earlier, in a later tag of the paragraph, or the last speaker), who
/// becomes a holder. Returns the speaker and how it was found, and whether
/// someone who is no party spoke.
fn attribute_quotes(
    s: &Sentence,
    holders: &mut Holders,
    speakers: &mut QuoteSpeakers,
    memory: &Memory,
    lookahead: &dyn Fn() -> Option<(PartyId, Span)>,
) -> (Option<(Speaker, QuoteSource)>, bool) {
    let tag = holders.speaker().map(|h| (h.party, h.span));
    speakers.tag(&s.quotes, tag);
    let mut found = tag
        .filter(|_| !s.quotes.touching.is_empty())
        .map(|(p, sp)| (Speaker::Party(p, sp), QuoteSource::Tag));
    // A speech tag outside the quotes that names no party: the speaker is
    // someone else (`…,” the NATO chief said`).
    let tagged = s.sc.cues.iter().any(|c| c.means(Meaning::Speech) && !s.in_quote(c.span.start));
    let other_speaker = (tagged && tag.is_none()) || quotes::foreign_label(s);
    if other_speaker {
        speakers.settle(&s.quotes, Speaker::Other);
        if !s.quotes.touching.is_empty() {
            found = Some((Speaker::Other, QuoteSource::Other));
        }
    }
    if s.quotes.mostly_quoted && !other_speaker {
        let mut q = speakers.speaker(&s.quotes).map(|sp| (sp, QuoteSource::Earlier));
        if q.is_none() {
            // Look ahead within the paragraph for the tag of a quote that
            // runs over several sentences.
            q = lookahead().map(|(p, sp)| (Speaker::Party(p, sp), QuoteSource::Lookahead));
        }
        // (A quoted heading, `'Cautious optimism'`, continues no one.)
        if q.is_none() && s.seg.kind != crate::segment::UnitKind::Line {
            q = memory.last_speaker.map(|(p, sp)| (Speaker::Party(p, sp), QuoteSource::LastSpeaker));
        }
        // Not named in this sentence: the quote goes on.
        let continued = tag.is_none();
        if let Some((Speaker::Party(party, span), source)) = q {
            if !holders.kept.iter().any(|h| h.party == party && h.via == Via::Speaker) {
                let r = crate::scan::PartyRef {
                    span,
                    party,
                    kind: crate::scan::RefKind::Pronoun,
                    gender: crate::scan::Gender::Unknown,
                    cases: crate::inflect::Cases::NONE,
                    word: 0,
                    word_end: 0,
                };
                let mut h = Holder::new(&r, Via::Speaker, Rule::Quote);
                h.continued = continued;
                holders.kept.push(h);
            }
            speakers.settle(&s.quotes, Speaker::Party(party, span));
            if tag.is_none() {
                found = Some((Speaker::Party(party, span), source));
            }
        }
    }
    (found, other_speaker)
}

/// The speaker of a quote that the tag names only in a later sentence of
/// the same paragraph (`“… . … ,” he said.`).
fn lookahead_speaker(
    a: &Compiled,
    text: &str,
    lower: &str,
    segments: &[Segment],
    si: usize,
    view: &QuoteView,
    memory: &Memory,
) -> Option<(PartyId, Span)> {
    let q = view.last()?;
    // A quote that ends in this sentence has its tag here, if anywhere.
    if q.end <= segments[si].span.end {
        return None;
    }
    let para = segments[si].paragraph;
    for (k, seg) in segments.iter().enumerate().skip(si + 1).take(6) {
        if seg.paragraph != para {
            break;
        }
        if seg.span.start >= q.end || seg.span.end > q.end {
            // The sentence holding the quote's end: read its tag, as the
            // main loop will (a pronoun tag resolved with today's memory).
            let (mut sc, mut resolved, mut hs) = (Scanned::default(), Vec::new(), Holders::default());
            let view = QuoteView::single(&q);
            read_front(a, text, lower, (k, *seg), view, memory, &mut sc, &mut resolved, &mut hs);
            return hs.speaker().map(|h| (h.party, h.span));
        }
    }
    None
}

/// The front half of a sentence's stages: scan (words, aliases, topic
/// words, cues), resolve (pronouns and titles become references, reading
/// the memory) and holders (who speaks, acts or owns something, by which
/// rule). The main loop and the look-ahead for a quote's tag both call it,
/// so a tag reads the same wherever it is.
#[allow(clippy::too_many_arguments)] // the stages' buffers, reused by the caller
fn read_front<'a>(
    a: &'a Compiled,
    text: &str,
    lower: &str,
    (si, seg): (usize, Segment),
    view: QuoteView,
    memory: &Memory,
    sc: &mut Scanned<'a>,
    resolved: &mut Vec<Resolution>,
    holders: &mut Holders,
) {
    a.scanner.scan_sentence(text, lower, seg.span, sc);
    let s = Sentence { index: si, seg, text, lower, sc, quotes: view, words: &a.words };
    resolve::resolve(&s, memory, resolved);
    sc.refs.extend(resolved.iter().map(|r| r.r));
    crate::span::sort_by_start(&mut sc.refs, |r| r.span.start);
    let s = Sentence { index: si, seg, text, lower, sc, quotes: view, words: &a.words };
    holders::find(&s, holders);
}

/// The report's sentence and its mentions.
fn report_sentence(
    a: &Compiled,
    s: &Sentence,
    topics: &TopicDecision,
    mentions: &mut Vec<Mention>,
    sentences: &mut Vec<report::Sentence>,
) {
    let mut named = PartySet::EMPTY;
    for r in &s.sc.refs {
        named.insert(r.party);
        mentions.push(Mention {
            span: r.span,
            party: a.parties[r.party.index()].id.clone(),
            kind: r.kind.name(),
            sentence: s.index,
        });
    }
    sentences.push(report::Sentence {
        span: s.seg.span,
        paragraph: s.seg.paragraph,
        kind: s.seg.kind,
        parties: named.iter().map(|p| a.parties[p.index()].id.clone()).collect(),
        topics: topics.set.iter().map(|t| a.topics[t.index()].0.id.clone()).collect(),
    });
}

#[cfg(all(test, not(feature = "cased-languages")))]
mod english_only_tests {
    use crate::{analyze, Profile};

    #[test]
    fn a_russian_text_is_noted_as_not_read() {
        let report = analyze("Россия отвергла перемирие, заявил Кремль.", &Profile::default_profile());
        assert!(report.notices.iter().any(|n| n.contains("looks Russian; this build reads English only")));
        let report = crate::Analyzer::builtin().analyze("Україна відкинула перемир'я, заявили в Києві.");
        assert!(report.notices.iter().any(|n| n.contains("looks Ukrainian; this build reads English only")));
        assert_eq!(crate::Analyzer::builtin().languages(), ["en"]);
    }
}

#[cfg(test)]
mod tests {
    use crate::Analyzer;

    /// The speakers of every evidence item, with what they resolved to.
    fn speakers(text: &str) -> Vec<String> {
        let report = Analyzer::builtin().analyze(text);
        let mut out: Vec<String> = report
            .cells
            .iter()
            .flat_map(|c| &c.evidence)
            .map(|e| match &e.resolved {
                Some(r) => format!("{} -> {r}", e.speaker.as_deref().unwrap_or("")),
                None => e.speaker.clone().unwrap_or_default(),
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn a_demonym_speaker_shows_its_noun() {
        assert_eq!(
            speakers("Kyiv accepted the American proposal for a ceasefire."),
            ["American proposal", "Kyiv"]
        );
        assert_eq!(speakers("The Russians rejected the ceasefire on Sunday."), ["Russians"]);
    }

    #[test]
    fn a_pronoun_speaker_shows_whom_it_stands_for() {
        let got = speakers("Vladimir Putin spoke on Friday. He said Russia would never accept a ceasefire.");
        assert!(got.iter().any(|s| s == "He -> Vladimir Putin"), "{got:?}");
    }
}
