//! Speech frames: who says what in a sentence.
//!
//! For every speech cue outside quotes (`said`, `told`, `insisted`), find
//! its speaker ([`pick_speaker`]: the subject before the verb, or the name
//! after it in a tag), decide which words are the speaker's ([`scope`]),
//! tell silence (`has not commented`) from speech, and record the frames of
//! speakers who are none of the parties (`Lukashenko said that Russia …`),
//! whose content no party holds.

use super::{Dropped, Holder, Holders, Rule};
use crate::grammar::Sentence;
use crate::ids::{Stance, Via};
use crate::profile::AliasKind;
use crate::scan::{Cue, Meaning, PartyRef, RefKind};

/// Read every speech frame of the sentence into `out`.
pub(super) fn frames(s: &Sentence, out: &mut Holders) {
    for cue in &s.sc.cues {
        if s.in_quote(cue.span.start) {
            continue;
        }
        if s.words.cased() && cue.means(Meaning::According) && super::cased::according(s, cue, out) {
            continue;
        }
        if cue.means(Meaning::According) {
            // `according to X`: the source of the whole sentence.
            if let Some(r) = s.sc.refs.iter().find(|r| r.word >= cue.word && r.word <= cue.word_end + 2) {
                // (In a language with cases, a demonym before a noun that is
                // no role is a country's media, no party: `за даними
                // американських ЗМІ`.)
                let media = s.words.cased()
                    && r.kind == RefKind::Alias(AliasKind::Demonym)
                    && r.word_end < s.len()
                    && !s.words.roles.contains(s.lower_word(r.word_end));
                if !media {
                    out.kept.push(Holder::new(r, Via::AccordingTo, Rule::AccordingTo));
                }
            }
            continue;
        }
        if !cue.means(Meaning::Speech) {
            continue;
        }
        // `Asked whether Ukraine could recover its land, the president
        // said …`: the question put to the speaker is nobody's position, and
        // its participle is no speech of its own.
        if cue.word == 0 && s.words.question_participles.contains(s.lower_word(0)) {
            let comma = (1..s.len()).find(|&k| s.comma_before(k)).unwrap_or(s.len());
            out.foreign.push((1, comma));
            continue;
        }
        let pick = if s.words.cased() { super::cased::pick_speaker(s, cue) } else { pick_speaker(s, cue) };
        if pick.is_none() && cue.word > 0 {
            foreign_frame(s, cue, out);
        }
        let Some(r) = pick else { continue };
        if is_silent(s, cue, r) {
            out.silenced.push(r.span);
            out.dropped.push((r.span, Dropped::Silent));
            continue;
        }
        if out.kept.iter().any(|h| h.party == r.party && h.via == Via::Speaker) {
            continue;
        }
        let scope = scope(s, cue, r);
        // `Dmitry Peskov, the Kremlin spokesman, said`: the name before the
        // apposition is who speaks.
        let named = s.sc.refs.iter().find(|p| {
            p.party == r.party
                && p.kind == RefKind::Alias(AliasKind::Person)
                && p.word_end <= r.word
                && r.word - p.word_end <= 2
                && s.text[p.span.end..r.span.start].contains(',')
        });
        let r = named.unwrap_or(r);
        // (A tag closing a quote that began in an earlier sentence goes on
        // with that speaker's words: `… . Не навпаки», – написав
        // спецпосланець.`)
        let quote_goes_on =
            s.words.cased() && s.quotes.touching.first().is_some_and(|q| q.start < s.seg.span.start);
        let h = Holder::new(r, Via::Speaker, Rule::Speech)
            .scope(scope)
            .continued(r.kind == RefKind::Pronoun || quote_goes_on);
        out.kept.push(h);
    }
}

/// The speaker of the speech verb `cue`: the nearest reference before it
/// (skipping appositions and auxiliaries; not the object of a preposition
/// or of another verb), or the name after it in a tag (`…,” said the Kremlin
/// spokesman`). After a comma, a participle (`…, saying that …`) speaks for
/// the main clause's subject. In a closing tag (`…, local authorities
/// said.`) the speaker is after the last comma.
fn pick_speaker<'s>(s: &'s Sentence, cue: &Cue) -> Option<&'s PartyRef> {
    let (w, we) = (cue.word, cue.word_end);
    let tag_start = if we + 1 >= s.len() {
        (w.saturating_sub(5)..w).rev().find(|&k| k > 0 && s.comma_before(k)).unwrap_or(0)
    } else {
        0
    };
    let before = s.sc.refs.iter().rev().find(|r| {
        r.word_end <= w
            && r.word >= tag_start
            && w - r.word_end <= 8
            && !s.in_quote(r.span.start)
            // (`a source in the Ukrainian delegation said`: the speaker's
            // party after a preposition of belonging.)
            && (!s.after_preposition(r) || s.member_of(r))
            && !s.object_of_verb(r)
            && (!s.owner_form(r) || s.role_after(r.word_end).is_some_and(|e| e == w))
    });
    let after = s.sc.refs.iter().find(|r| r.word >= we && r.word <= we + 3 && !s.in_quote(r.span.start));
    let participle = s.words.participle_endings.end(s.lower_word(w)) && s.comma_before(w);
    let main_subject = || {
        s.sc.refs.iter().find(|r| {
            r.word < w
                && !s.in_quote(r.span.start)
                && !s.after_preposition(r)
                && !s.possessive(r)
                && !matches!(r.kind, RefKind::Alias(AliasKind::Demonym))
        })
    };
    match (before, after) {
        _ if participle => main_subject(),
        (None, _) if s.comma_before(w) && relative_subject(s, w).is_some() => relative_subject(s, w),
        // (`Lukashenko, who met Putin on Friday, said …`: Putin is inside
        // the relative clause.)
        (Some(b), _) if in_relative(s, b, w) => relative_subject(s, w),
        // `X said Y …` has the speaker before; `…,” said the Kremlin
        // spokesman` after.
        (Some(b), Some(a)) => Some(if s.clause_break(b.word_end, w) { a } else { b }),
        (Some(b), None) => (!s.clause_break(b.word_end, w)).then_some(b),
        (None, Some(a)) => (w == 0 || s.tag_position(w)).then_some(a),
        (None, None) => None,
    }
}

/// `Zelensky, who was in Ankara on Monday, said …`: a subject whose
/// relative clause, set off by commas, stands between it and its verb.
fn relative_subject<'s>(s: &'s Sentence, w: usize) -> Option<&'s PartyRef> {
    s.sc.refs.iter().rev().find(|r| {
        r.word_end < w
            && w - r.word_end <= 20
            && s.comma_before(r.word_end)
            && s.words.relative_pronouns.contains(s.lower_word(r.word_end))
            && !s.in_quote(r.span.start)
            && !s.after_preposition(r)
            && !s.object_of_verb(r)
            && !s.possessive(r)
            && !s.clause_break(r.word_end, w)
    })
}

/// Does `r` stand inside a relative clause set off by commas that ends
/// right before the verb at `w` (`X, who met Putin on Friday, said`)?
fn in_relative(s: &Sentence, r: &PartyRef, w: usize) -> bool {
    s.comma_before(w)
        && (r.word.saturating_sub(6)..r.word).any(|k| {
            s.comma_before(k)
                && s.words.relative_pronouns.contains(s.lower_word(k))
                && !s.clause_break(k + 1, w)
        })
}

/// Someone who is not a party speaks (`Lukashenko said that Russia…`, `…,
/// local authorities said.`): what they report is not a party's position.
fn foreign_frame(s: &Sentence, cue: &Cue, out: &mut Holders) {
    let (w, we) = (cue.word, cue.word_end);
    if s.words.anonymous_subjects.contains(s.lower_word(w - 1)) {
        return;
    }
    let tail =
        we + 2 >= s.len() && s.text[s.sc.words[w.saturating_sub(4)].start..s.sc.words[w].start].contains(',');
    if tail {
        out.foreign.push((0, w));
    } else {
        out.foreign.push((we, s.clause_end(we)));
    }
}

/// `Washington has not commented on the claim`: saying nothing is no
/// position (`did not say whether …` still reports one, and so does a
/// negated stance verb: `has not agreed`). The negator stands between the
/// speaker and the verb (`… was 'never', Sybiha said` is speech).
fn is_silent(s: &Sentence, cue: &Cue, speaker: &PartyRef) -> bool {
    let (w, we) = (cue.word, cue.word_end);
    let from = if speaker.word_end <= w { speaker.word_end } else { 0 };
    cue.stances().next().is_none()
        && (w.saturating_sub(2).max(from)..w).any(|k| s.negator(k))
        && (we >= s.len() || !s.words.complementizers.contains(s.lower_word(we)))
        && !s.text[cue.span.end..].trim_start().starts_with([':', '"', '\u{201c}'])
}

/// Where the speaker's own words start: the whole sentence for a tag after
/// a quote or a closing tag; the subject's own predicates before the verb
/// (`X backs the truce but raises …`); after the verb for a question verb
/// (`asked whether …` is not the speaker's doubt on the subject); else the
/// verb itself (`demanded`, `insisted`, `agreed`).
fn scope(s: &Sentence, cue: &Cue, r: &PartyRef) -> usize {
    let (w, we) = (cue.word, cue.word_end);
    // A tag after a quote (`“…,” X said`): the speaker's words are the
    // quote before the verb.
    let quoted_before = (0..w).any(|k| s.in_quote(s.sc.words[k].start));
    // So in a closing tag without quotes (`… were retaken, the general
    // said.`): the words are what comes before.
    let first = r.word.min(w);
    // (A tag ends the sentence: nothing after the verb but an adjunct, no
    // clause of its own: `…, the general said on Monday.`)
    let closing = we + 4 >= s.len()
        && (first.saturating_sub(3)..=first).any(|k| s.comma_before(k))
        && !(we..s.len()).any(|k| s.is_verbish(k));
    let asks =
        cue.means(Meaning::Stance(Stance::Questions)) && !(cue.means(Meaning::Request) && s.request(w, we));
    let own_predicates = r.word_end < w
        && !s.text[r.span.end..s.sc.words[w].start].contains(',')
        && s.sc.cues.iter().any(|c| c.word >= r.word_end && c.word < w && c.stances().next().is_some());
    if quoted_before || closing {
        0
    } else if own_predicates {
        r.word_end
    } else if asks {
        we
    } else {
        w
    }
}
