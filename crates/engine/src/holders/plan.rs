//! Plans and their terms: a sentence that sets out what a plan would do
//! (`Under the proposal, Kyiv would give up …`, `The plan would also cap
//! …`, `One option would require …`) states its owner's position, and the
//! parties it names hold nothing of their own there. The owner is the party
//! that last named a plan as its own (`the American plan`, `Moscow's
//! memorandum`) or handed one over (`Russia's delegation handed the
//! Ukrainians a memorandum`).

use super::{Dropped, Holder, Holders, Rule};
use crate::grammar::Sentence;
use crate::ids::{PartyId, Stance, Via};
use crate::memory::Memory;
use crate::scan::{Meaning, RefKind};
use crate::span::Span;

/// How many sentences after its owner was named a plan's terms may come.
const OWNER_REACH: usize = 10;

/// How many words a plan noun may stand after its owner (`Moscow's new
/// memorandum`, `the American peace plan`).
const OWNER_TO_NOUN: usize = 3;

/// The owner of a plan the sentence names: a party right before a plan
/// noun (`the American plan`, `Moscow's new memorandum`, `U.S. PLAN`), or
/// a subject that hands one over or proposes one (`Russia's delegation
/// handed the Ukrainians a memorandum`).
pub(crate) fn owner(s: &Sentence, holders: &[Holder]) -> Option<(PartyId, Span)> {
    let plan_at = |k: usize| s.words.plan_nouns.contains(s.lower_word(k));
    for r in &s.sc.refs {
        if r.kind == RefKind::Pronoun || s.in_quote(r.span.start) {
            continue;
        }
        let end = (r.word_end + OWNER_TO_NOUN).min(s.len());
        // (Only modifiers between: no verb, no other party.)
        let noun =
            (r.word_end..end).take_while(|&k| k == r.word_end || !s.is_verbish(k - 1)).find(|&k| plan_at(k));
        if noun.is_some_and(|k| !s.sc.refs.iter().any(|o| o.word > r.word && o.word < k)) {
            return Some((r.party, r.span));
        }
    }
    holders.iter().filter(|h| h.via == Via::Subject && h.scope_start > 0).find_map(|h| {
        let v = h.scope_start;
        let hands = (v..(v + 2).min(s.len())).any(|k| {
            s.words.handover_verbs.contains(s.lower_word(k))
                || s.cue_at(k).is_some_and(|ms| ms.contains(&Meaning::Stance(Stance::Proposes)))
        });
        (hands && (0..s.len()).any(plan_at)).then_some((h.party, h.span))
    })
}

/// Does the sentence set out a plan's terms: `The draft envisages …`,
/// `Under the draft, …` or `The plan would …` with the plan's modal, or the next sentence of such terms
/// with the modal again (`Crimea would be recognised …`)? Never a
/// statement someone makes (a speaker, `according to`) or a quote.
fn sets_out_terms(s: &Sentence, memory: &Memory) -> bool {
    let modal = |k: usize| s.words.plan_modals.contains(s.lower_word(k));
    let plan = |k: usize| {
        let w = s.lower_word(k);
        s.words.plan_nouns.contains(w) || s.words.plan_parts.contains(w)
    };
    if s.quotes.quoted_bytes > 0 || s.len() < 4 {
        return false;
    }
    // `The draft envisages …`, `The plan also includes …`
    let contains = |k: usize| s.words.plan_verbs.contains(s.lower_word(k));
    let subject = (0..3.min(s.len())).find(|&k| plan(k));
    if subject.is_some_and(|k| (k + 1..(k + 3).min(s.len())).any(contains) && !s.comma_before(k + 1)) {
        return true;
    }
    if !(0..s.len()).any(modal) {
        return false;
    }
    // `Under the draft, …`, `Under the first, …`
    if s.words.plan_openers.contains(s.lower_word(0)) {
        if let Some(comma) = (2..6.min(s.len())).find(|&k| s.comma_before(k)) {
            return (1..comma).any(plan);
        }
    }
    // `The plan would …`, `One option would …`, `The other would …`
    if subject.is_some_and(|k| (k + 1..(k + 3).min(s.len())).any(modal) && !s.comma_before(k + 1)) {
        return true;
    }
    // The next sentence of the terms, in the same paragraph.
    memory.plan_terms.is_some_and(|t| t + 1 == s.index) && s.seg.paragraph == memory.last_paragraph
}

/// A sentence of a plan's terms: its owner holds them (`proposes`), and
/// the parties it names are what the terms are about. Returns whether it
/// is one.
pub(crate) fn attribute(s: &Sentence, memory: &Memory, out: &mut Holders) -> bool {
    let Some((party, span, named)) = memory.plan_owner else { return false };
    if s.index > named + OWNER_REACH
        || out.kept.iter().any(|h| matches!(h.via, Via::Speaker | Via::AccordingTo))
        || !sets_out_terms(s, memory)
    {
        return false;
    }
    let Holders { kept, dropped, .. } = out;
    kept.retain(|h| {
        let other = h.party != party;
        if other {
            dropped.push((h.span, Dropped::InsideFrame(Some(party.0))));
        }
        !other
    });
    if kept.is_empty() {
        kept.push(Holder::at(party, span, Via::Owner, Rule::PlanTerms).forced(Some(Stance::Proposes)));
    }
    true
}
