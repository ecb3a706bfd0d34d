//! Stage 4, resolve: pronouns, generic titles, `the statement` and `the
//! two leaders` become party references.
//!
//! Reads the sentence (its aliases and cues) and the [`Memory`]; produces
//! [`Resolution`]s, which the pipeline adds to the sentence's references
//! before the holders are found. It never writes the memory.

use crate::grammar::Sentence;
use crate::inflect::Cases;
use crate::memory::{Memory, Named};
use crate::profile::AliasKind;
use crate::scan::{Cue, Gender, Meaning, PartyRef, RefKind};
use crate::span::Span;

/// How a reference was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResolvedBy {
    /// A person of the same gender named earlier in the sentence, as a
    /// subject (`Putin said that he …`).
    SameSentence,
    /// The last man, woman, group or institution remembered.
    LastMale,
    /// See [`ResolvedBy::LastMale`].
    LastFemale,
    /// See [`ResolvedBy::LastMale`].
    LastPlural,
    /// See [`ResolvedBy::LastMale`].
    LastNeuter,
    /// Whoever spoke last (`the statement said`).
    LastSpeaker,
    /// The person last named as a holder (`the head of state`).
    LastPerson,
    /// The last two people named (`the two leaders`).
    TwoLeaders,
}

impl ResolvedBy {
    /// The name the trace shows.
    pub fn name(self) -> &'static str {
        match self {
            ResolvedBy::SameSentence => "same sentence",
            ResolvedBy::LastMale => "last man",
            ResolvedBy::LastFemale => "last woman",
            ResolvedBy::LastPlural => "last group",
            ResolvedBy::LastNeuter => "last institution",
            ResolvedBy::LastSpeaker => "last speaker",
            ResolvedBy::LastPerson => "last person",
            ResolvedBy::TwoLeaders => "two leaders",
        }
    }
}

/// A reference the memory resolved, and how.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolution {
    pub r: PartyRef,
    pub by: ResolvedBy,
    /// The words that named the party before.
    pub antecedent: Span,
}

/// Resolve the sentence's pronouns and descriptions into `out` (cleared
/// first). References inside quotes are the speaker's and are left alone.
pub(crate) fn resolve(s: &Sentence, memory: &Memory, out: &mut Vec<Resolution>) {
    out.clear();
    for cue in &s.sc.cues {
        if s.in_quote(cue.span.start) {
            continue;
        }
        for m in cue.meanings.iter() {
            match *m {
                // `…,” the statement said`: whoever spoke last.
                Meaning::LastSpeaker => push(
                    out,
                    cue,
                    memory.last_speaker,
                    RefKind::Pronoun,
                    Gender::Neuter,
                    ResolvedBy::LastSpeaker,
                ),
                Meaning::GenericTitle => generic_title(s, cue, memory, out),
                // `the two leaders`: the last two parties whose people were named.
                Meaning::Dual => {
                    for &named in memory.recent_people.iter().rev().take(2) {
                        push(out, cue, Some(named), RefKind::Pronoun, Gender::Plural, ResolvedBy::TwoLeaders);
                    }
                }
                Meaning::Pronoun(g, cases) => pronoun(s, cue, g, cases, memory, out),
                _ => {}
            }
        }
    }
}

fn push(
    out: &mut Vec<Resolution>,
    cue: &Cue,
    target: Option<Named>,
    kind: RefKind,
    gender: Gender,
    by: ResolvedBy,
) {
    push_cased(out, cue, target, kind, gender, Cases::NONE, by)
}

fn push_cased(
    out: &mut Vec<Resolution>,
    cue: &Cue,
    target: Option<Named>,
    kind: RefKind,
    gender: Gender,
    cases: Cases,
    by: ResolvedBy,
) {
    if let Some((party, antecedent)) = target {
        let r =
            PartyRef { span: cue.span, party, kind, gender, cases, word: cue.word, word_end: cue.word_end };
        out.push(Resolution { r, by, antecedent });
    }
}

/// `the head of state said`: the person the text is about. In an
/// apposition (`Gen. Syrskyi, the commander-in-chief,`) the name is already
/// there.
fn generic_title(s: &Sentence, cue: &Cue, memory: &Memory, out: &mut Vec<Resolution>) {
    let w = cue.word;
    let apposition = w > 0
        && s.text[s.sc.words[w - 1].end..cue.span.start].contains(',')
        && s.sc.refs.iter().any(|r| r.word_end == w);
    let target = memory.last_person.filter(|_| !apposition);
    push(out, cue, target, RefKind::Alias(AliasKind::Title), Gender::Unknown, ResolvedBy::LastPerson);
}

/// `he`, `she`, `they`, `its`: a person of the same gender named earlier in
/// the sentence as a subject, else the last one remembered.
fn pronoun(s: &Sentence, cue: &Cue, g: Gender, cases: Cases, memory: &Memory, out: &mut Vec<Resolution>) {
    // The `it` of a cleft (`It was Washington that proposed it`) refers to
    // nothing.
    if g == Gender::Neuter && s.cleft_it(cue.word) {
        return;
    }
    // `Putin said that he…`: a person of the same gender named earlier in
    // the sentence, outside any prepositional phrase, comes before the
    // memory.
    let mut local = s.sc.refs.iter().find(|r| {
        r.kind != RefKind::Pronoun
            && r.gender == g
            && r.span.end <= cue.span.start
            && !matches!(r.kind, RefKind::Alias(AliasKind::Demonym))
            && !s.after_preposition(r)
            && !s.possessive(r)
            && s.followed_by_verb(r)
    });
    // In a language with cases, a pronoun that is not the subject (`его
    // отказ`, `обвинил Зеленского в том, что его …`) refers to the nearest
    // name before it, whatever its case: the subject's own would be `свой`.
    if s.words.cased() && cases.known() && !cases.may_be(Cases::NOM) {
        local = s.sc.refs.iter().rev().find(|r| {
            r.kind != RefKind::Pronoun
                && r.gender == g
                && r.span.end <= cue.span.start
                && !matches!(r.kind, RefKind::Alias(AliasKind::Demonym))
        });
    }
    let (target, by) = match g {
        _ if local.is_some() => (local.map(|r| (r.party, r.span)), ResolvedBy::SameSentence),
        Gender::Masculine => {
            (person_first(memory.last_male_person, memory.last_male, cue), ResolvedBy::LastMale)
        }
        Gender::Feminine => {
            (person_first(memory.last_female_person, memory.last_female, cue), ResolvedBy::LastFemale)
        }
        Gender::Plural => (memory.last_plural, ResolvedBy::LastPlural),
        Gender::Neuter => {
            // `it` is rarely a party; `its` before a noun often is, and so
            // is `it` as the subject of a verb right after a party was the
            // subject (`It also wants…`).
            let lower = &s.lower[cue.span.range()];
            let party = s.words.neuter_possessives.contains(lower)
                || s.words.neuter_subjects.contains(lower) && s.is_verbish(cue.word_end);
            (memory.last_neuter.filter(|_| party), ResolvedBy::LastNeuter)
        }
        Gender::Unknown => (None, ResolvedBy::LastPerson),
    };
    push_cased(out, cue, target, RefKind::Pronoun, g, cases, by);
}

/// The antecedent of `he` or `she` (or of `он`, `она`, which also stand
/// for a masculine or feminine name: `Кремль`, `Москва`): the last person
/// of that gender, unless a name of that gender came after it, close
/// before the pronoun (in English the two are the same).
fn person_first(person: Option<Named>, any: Option<Named>, cue: &Cue) -> Option<Named> {
    match (person, any) {
        (Some(p), Some(a)) if a.1.start > p.1.start && cue.span.start.saturating_sub(a.1.end) < 160 => {
            Some(a)
        }
        (Some(p), _) => Some(p),
        (None, a) => a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::tests::with_sentence;
    use crate::ids::PartyId;

    fn resolved(text: &str, memory: &Memory) -> Vec<(String, u8, ResolvedBy)> {
        with_sentence(text, |s| {
            let mut out = Vec::new();
            resolve(s, memory, &mut out);
            out.iter().map(|r| (s.text[r.r.span.range()].to_string(), r.r.party.0, r.by)).collect()
        })
    }

    #[test]
    fn pronouns_and_titles() {
        let putin = (PartyId(0), Span::new(0, 5));
        let memory = Memory { last_male: Some(putin), last_person: Some(putin), ..Memory::default() };
        assert_eq!(resolved("He said no.", &memory), [("He".to_string(), 0, ResolvedBy::LastMale)]);
        assert_eq!(
            resolved("Zelensky said he would go.", &memory),
            [("he".to_string(), 1, ResolvedBy::SameSentence)]
        );
        assert_eq!(resolved("The head of state agreed.", &memory)[0].2, ResolvedBy::LastPerson);
        assert!(
            resolved("“He is wrong,” it read.", &memory).is_empty(),
            "pronouns in quotes are the speaker's"
        );
        assert!(resolved("She said no.", &memory).is_empty(), "no woman remembered");
    }
}
