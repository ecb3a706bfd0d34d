//! Frames: a party inside another speaker's statement is what the statement
//! is about, not a holder, unless it takes a stance of its own there (the
//! third pass of [`super::find`]), and the test for a party's own reported
//! act or statement (`Russia has rejected the truce`).

use super::{Dropped, Holder, Holders};
use crate::grammar::Sentence;
use crate::ids::{PartyId, Stance, Via};
use crate::profile::AliasKind;
use crate::scan::{Meaning, PartyRef, RefKind};

/// Inside the content of another party's statement (`Moscow made clear that
/// … only if Kiev withdraws`), a party is what the statement is about, not a
/// holder, unless it takes a stance of its own there (`…, to which Ukraine
/// has already consented`). Partners in talks and passive agents belong to
/// the frame's own predicate (`Witkoff discussed the plan with Russian
/// officials`), and `…, according to X` is the source of the whole
/// sentence.
pub(super) fn drop_inside_frames(s: &Sentence, out: &mut Holders) {
    // (party, first word, end, the frame asks something of others)
    let mut frames: Vec<(Option<PartyId>, usize, usize, bool)> = out
        .kept
        .iter()
        .filter(|h| matches!(h.via, Via::Speaker | Via::Subject) && h.scope_start > 0)
        .map(|h| {
            (Some(h.party), h.scope_start, s.clause_end(h.scope_start), asks_of_others(s, h.scope_start))
        })
        .collect();
    frames.extend(out.foreign.iter().map(|&(start, end)| (None, start, end, false)));
    let Holders { kept, dropped, .. } = out;
    kept.retain(|h| {
        let inside =
            frames.iter().find(|&&(p, start, end, _)| p != Some(h.party) && h.word >= start && h.word < end);
        // (What a demand asks of another party, `demanded that Moscow
        // accept`, is not that party's stance.)
        let asked = inside.is_some_and(|f| f.3 && h.word <= f.1 + 2);
        // (Nor is what a party is believed, heard or expected to do:
        // `Trump believes Putin wants a deal`.)
        let opinion = inside.is_some_and(|f| s.words.opinion_verbs.contains(s.lower_word(f.1)));
        // (A speaker who is none of the parties: what it says a party did is
        // its view; only a party's stated position or demand counts, `Kyiv
        // backed the truce, officials said`, `officials said Moscow had
        // demanded a pullback`.)
        let party_frame = inside.is_some_and(|f| f.0.is_some());
        let keep = inside.is_none()
            // (A cased language reads case instead: see holds_inside_frame.)
            || if s.words.cased() {
                holds_inside_frame(s, h)
            } else {
                matches!(h.via, Via::Agent | Via::AccordingTo)
                    || h.forced == Some(Stance::Proposes)
                    || !asked
                        && !opinion
                        && if party_frame {
                            reported_act_of(s, h.word, h.word_end_hint(s))
                        } else {
                            direct_stance(s, h) || asks_of_others(s, h.scope_start.max(h.word))
                        }
            };
        if !keep {
            let frame = inside.and_then(|f| f.0).map(|p| p.0);
            dropped.push((h.span, Dropped::InsideFrame(frame)));
        }
        keep
    });
}

/// In a cased language, does a holder inside another speaker's statement
/// hold a position of its own there: an agent or source, the owner of a proposal (or of a
/// demand in the genitive: `вимоги Москви`), or a party with a stance verb
/// of its own (not one that must do what the speaker says: `Киев должен
/// …`)?
pub(crate) fn holds_inside_frame(s: &Sentence, h: &Holder) -> bool {
    matches!(h.via, Via::Agent | Via::AccordingTo)
        || h.forced == Some(Stance::Proposes)
        || h.via == Via::Owner && h.forced.is_some()
        || direct_stance(s, h)
            && !(h.via == Via::Subject
                && (super::cased::obligation_at(s, h.word, h.scope_start) || asked_of(s, h)))
        || own_act(s, h) && !asked_of(s, h)
}

/// Is the holder asked to do something by a demand before it (`требует,
/// чтобы Украина вывела войска`): a complementizer of wishes right before
/// it, after a demand or request?
fn asked_of(s: &Sentence, h: &Holder) -> bool {
    let w = h.word;
    (w.saturating_sub(3)..w).any(|k| {
        s.words.that.contains(s.lower_word(k))
            && (k.saturating_sub(3)..k).any(|j| {
                s.cue_at(j).is_some_and(|ms| {
                    ms.iter().any(|m| matches!(m, Meaning::Stance(Stance::Demands) | Meaning::Request))
                })
            })
    })
}

/// A subject's own act reported in another's statement (`Зеленский
/// заявил, что Россия перебросила войска`): an action word within three
/// words of it, which the guidelines count for its party as well.
/// Not under a condition (`при условии, что Россия прекратит удары`).
fn own_act(s: &Sentence, h: &Holder) -> bool {
    let from = h.scope_start.max(h.word);
    let conditional = s.sc.cues.iter().any(|c| {
        c.word < h.word && (c.means(Meaning::Hedge) || c.stances().any(|l| l == Stance::Conditional))
    }) || (h.word.saturating_sub(3)..h.word)
        .any(|k| s.words.conditionals.contains(s.lower_word(k)));
    h.via == Via::Subject
        && !conditional
        && s.sc
            .cues
            .iter()
            .any(|c| c.word >= from && c.word <= from + 3 && c.stances().any(|l| l == Stance::Acts))
}

/// A party's own act or statement reported in another's words: the
/// reference is the subject of a finite verb of speech, stance or action
/// (`Russia has rejected the truce`, `Moscow had demanded a withdrawal`,
/// `Russia has still not said yes`), not of a modal or a verb of intent
/// (`would agree`, `is preparing to reject`), and not after a verb of
/// perception or belief (`I have not heard Moscow accept that`).
pub(super) fn reported_act(s: &Sentence, r: &PartyRef) -> bool {
    !matches!(r.kind, RefKind::Pronoun | RefKind::Alias(AliasKind::Demonym))
        && !s.owner_form(r)
        && !s.after_preposition(r)
        && r.word.checked_sub(1).is_none_or(|k| !s.words.opinion_verbs.contains(s.lower_word(k)))
        && reported_act_of(s, r.word, r.word_end)
}

/// The words after a subject (words `word..end`) are its own finite act or
/// statement, not in a condition (`only if Kyiv withdrew`); see
/// [`reported_act`].
fn reported_act_of(s: &Sentence, word: usize, end: usize) -> bool {
    // Not in a condition (`only if Kyiv withdrew`), nor in a relative clause
    // naming what something else is about (`the area Ukraine had captured
    // has been retaken`).
    if (word.saturating_sub(2)..word).any(|k| s.words.conditional_words.contains(s.lower_word(k))) {
        return false;
    }
    let relative = word.checked_sub(1).is_some_and(|k| s.words.relative_pronouns.contains(s.lower_word(k)));
    let mut passive = false;
    for k in end..(end + 4).min(s.len()) {
        let w = s.lower_word(k);
        if s.words.modals.contains(w) || s.words.intent_words.contains(w) {
            return false;
        }
        // A passive (`had been driven out`) is done to the subject.
        if s.words.passive_auxiliaries.contains(w) {
            passive = true;
            continue;
        }
        if passive && s.words.past_participle(w) {
            return false;
        }
        let Some(ms) = s.cue_at(k) else { continue };
        // (In a relative clause only a position of its own counts, `a demand
        // that Kyiv rejects`; an act there names something else, `the area
        // Ukraine had captured`.)
        if ms.contains(&Meaning::Speech)
            || ms.iter().any(|m| {
                matches!(m, Meaning::Stance(l) if *l != Stance::Questions && !(relative && *l == Stance::Acts))
            })
        {
            return true;
        }
        // Auxiliaries, negators and adverbs may come first (`has still not
        // said`); anything else ends the predicate.
        if !(ms.contains(&Meaning::Verb) || ms.contains(&Meaning::Negator) || s.words.adverb_endings.end(w)) {
            return false;
        }
    }
    false
}

/// Does the predicate at word `w` ask something of others: a demand or a
/// request (`demanded that …`, `urged …`, `wants … to`)?
fn asks_of_others(s: &Sentence, w: usize) -> bool {
    (w..(w + 3).min(s.len())).any(|k| {
        s.cue_at(k).is_some_and(|ms| {
            ms.iter().any(|m| matches!(m, Meaning::Stance(Stance::Demands) | Meaning::Request))
        })
    })
}

/// Does the holder take a position of its own: a stance verb (not a demand
/// or an action) within three words of its predicate?
pub(crate) fn direct_stance(s: &Sentence, h: &Holder) -> bool {
    let from = h.scope_start.max(h.word);
    s.sc.cues.iter().filter(|c| c.word >= from && c.word <= from + 2).any(|c| {
        c.stances().any(|l| {
            matches!(
                l,
                Stance::Supports
                    | Stance::Opposes
                    | Stance::Proposes
                    | Stance::Conditional
                    | Stance::Considering
            )
            // (A demand reported of another party in a language with
            // cases: `нагадав, що Кремль ставить умовою …`.)
            || l == Stance::Demands && s.words.cased()
        })
    })
}
