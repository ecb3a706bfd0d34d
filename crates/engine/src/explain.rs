//! The explain trace: what each stage decided for each sentence, and why.
//!
//! Every stage already computes the reason for its decision (the rule that
//! found a holder, how a pronoun was resolved, where a topic came from, the
//! cue behind a label); when asked for a trace ([`crate::Analyzer::explain`])
//! the pipeline keeps those reasons here instead of dropping them. The
//! trace is plain data (serialisable, for the widget's "why" view) with
//! byte spans into the analysed text, and [`Explanation::display`] renders
//! it for people (`factgrid analyze --format explain`).

use std::fmt;

use serde::Serialize;

use crate::report::Id;
use crate::span::Span;

/// What the stages decided, sentence by sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// One entry per sentence, in text order.
    pub sentences: Vec<SentenceTrace>,
}

/// What the stages decided for one sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SentenceTrace {
    /// Index into the report's sentences.
    pub index: usize,
    /// Where the sentence is.
    pub span: Span,
    /// The quote's speaker, when the sentence is mostly quoted or tags one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<QuoteTrace>,
    /// Pronouns, titles and descriptions resolved to a party.
    pub resolved: Vec<ResolvedTrace>,
    /// The parties that hold a position here, and how.
    pub holders: Vec<HolderTrace>,
    /// References that are not holders, and why.
    pub dropped: Vec<DroppedTrace>,
    /// The sentence's topics and where they came from.
    pub topics: TopicTrace,
    /// The label of each holder on each topic, and whether it made a claim.
    pub stances: Vec<StanceTrace>,
}

/// Who speaks the quoted words of a sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteTrace {
    /// The speaker's party, or none for someone who is no party.
    pub party: Option<Id>,
    /// The words that name the speaker.
    pub speaker: Option<Span>,
    /// How the speaker was found: `tag`, `earlier`, `lookahead`, `last
    /// speaker`, `other speaker`.
    pub source: &'static str,
}

/// A reference resolved by the memory.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResolvedTrace {
    /// The pronoun or description.
    pub span: Span,
    /// The party it refers to.
    pub party: Id,
    /// The words that named the party before.
    pub antecedent: Span,
    /// How: `last man`, `same sentence`, `last person`, …
    pub by: &'static str,
}

/// A holder and the construction that found it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HolderTrace {
    /// The party.
    pub party: Id,
    /// `speaker`, `subject`, `owner`, `agent` or `according_to`.
    pub via: &'static str,
    /// The construction (a section of the rule tables): `Speech`, `Subject`, …
    pub rule: &'static str,
    /// The words that name the holder.
    pub span: Span,
    /// Where the holder's own words start (a byte offset).
    pub scope: usize,
}

/// A reference that is not a holder.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DroppedTrace {
    /// The reference.
    pub span: Span,
    /// Why: `silent`, `asked`, `venue`, `inside another's statement`, …
    pub reason: &'static str,
}

/// A sentence's topics.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TopicTrace {
    /// Topic ids.
    pub topics: Vec<Id>,
    /// Where they came from: `named`, `anaphor`, `carried over`, `last
    /// statement`, …
    pub source: &'static str,
    /// The topic words and descriptions in the sentence.
    pub triggers: Vec<Span>,
}

/// The label one holder shows on one topic.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StanceTrace {
    /// The holder's party.
    pub party: Id,
    /// The topic.
    pub topic: Id,
    /// The label, if any.
    pub stance: Option<&'static str>,
    /// What decided it: `cue`, `forced`, `question` or `no cue`.
    pub why: &'static str,
    /// The cue word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// The cue was negated.
    pub negated: bool,
    /// The hedge that made support conditional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<Span>,
    /// Support that went only so far.
    pub partial: bool,
    /// What adding the claim did: `new`, `replaced` or `kept`.
    pub claim: &'static str,
}

impl Explanation {
    /// The trace for people, one block per sentence that something happened
    /// in; `text` is the analysed text.
    pub fn display<'a>(&'a self, text: &'a str) -> impl fmt::Display + 'a {
        Show { e: self, text }
    }
}

struct Show<'a> {
    e: &'a Explanation,
    text: &'a str,
}

impl fmt::Display for Show<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.e.sentences {
            let quiet = s.quote.is_none()
                && s.resolved.is_empty()
                && s.holders.is_empty()
                && s.dropped.is_empty()
                && s.topics.topics.is_empty();
            if !quiet {
                self.sentence(f, s)?;
            }
        }
        Ok(())
    }
}

impl Show<'_> {
    fn t(&self, s: Span) -> &str {
        self.text.get(s.range()).unwrap_or("")
    }

    fn sentence(&self, f: &mut fmt::Formatter<'_>, s: &SentenceTrace) -> fmt::Result {
        writeln!(f, "s{:<3} {}", s.index, one_line(self.t(s.span)))?;
        if let Some(q) = &s.quote {
            let who = match (&q.party, q.speaker) {
                (Some(p), Some(sp)) => format!("{p} \"{}\"", self.t(sp)),
                _ => "someone who is no party".to_string(),
            };
            writeln!(f, "     quote     {who}  ({})", q.source)?;
        }
        for r in &s.resolved {
            writeln!(
                f,
                "     resolve   \"{}\" -> {} \"{}\"  ({})",
                self.t(r.span),
                r.party,
                self.t(r.antecedent),
                r.by
            )?;
        }
        for h in &s.holders {
            let scope = self.text.get(h.scope..s.span.end).map(first_words).unwrap_or_default();
            let name = self.t(h.span);
            writeln!(
                f,
                "     holder    {} {} \"{name}\"  {}  words from \"{scope}\"",
                h.party, h.via, h.rule
            )?;
        }
        for d in &s.dropped {
            writeln!(f, "     not       \"{}\"  ({})", self.t(d.span), d.reason)?;
        }
        if !s.topics.topics.is_empty() || s.topics.source == "other issue" {
            let words: Vec<String> =
                s.topics.triggers.iter().map(|&w| format!("\"{}\"", self.t(w))).collect();
            let sep = if words.is_empty() { "" } else { ": " };
            let topics = s.topics.topics.join(", ");
            writeln!(f, "     topics    {topics}  ({}{sep}{})", s.topics.source, words.join(" "))?;
        }
        for st in &s.stances {
            self.stance(f, st)?;
        }
        Ok(())
    }

    fn stance(&self, f: &mut fmt::Formatter<'_>, st: &StanceTrace) -> fmt::Result {
        let mut why = st.why.to_string();
        if let Some(c) = st.cue {
            why = format!("{why} \"{}\"", self.t(c));
        }
        if st.negated {
            why.push_str(", negated");
        }
        if let Some(h) = st.hedge {
            why = format!("{why}, hedge \"{}\"", self.t(h));
        }
        if st.partial {
            why.push_str(", partial");
        }
        let label = st.stance.unwrap_or("-");
        writeln!(f, "     stance    {}/{}  {label}  ({why})  claim {}", st.party, st.topic, st.claim)
    }
}

/// A sentence on one line, cut to 100 characters.
fn one_line(s: &str) -> String {
    let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= 100 {
        return line;
    }
    let cut: String = line.chars().take(99).collect();
    format!("{cut}\u{2026}")
}

/// The first four words of `s`.
fn first_words(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().take(4).collect();
    words.join(" ")
}
