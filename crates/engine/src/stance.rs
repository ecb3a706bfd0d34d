//! Stage 8, stance: the label one holder shows on one topic in one
//! sentence.
//!
//! Reads the sentence and a holder; produces a [`StanceDecision`]: the label
//! (or none: a statement with no stance word) and why. The holder's words
//! run from where its predicate starts to where another party takes over as
//! a subject ([`window`]); in them, the first stance cue is the holder's
//! predicate, a negator before it flips it, a hedge or a partial agreement
//! makes support conditional, a request of someone is a demand, and in a
//! sentence about several topics a cue belongs to the topic it governs.

use crate::grammar::Sentence;
use crate::holders::Holder;
use crate::ids::{Stance, TopicId, Via};
use crate::scan::{Gender, Meaning, RefKind};
use crate::span::Span;

/// Why a holder shows a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StanceWhy {
    /// The holder speaks a question.
    Question,
    /// The construction gives the label (the owner of a proposal proposes;
    /// a partner in talks is considering).
    Forced,
    /// A cue word in the holder's words.
    Cue,
    /// No stance word in the holder's words.
    NoCue,
    /// The holder is the subject of a condition clause (`if Kyiv refuses`).
    Hypothesis,
}

impl StanceWhy {
    /// The name the trace shows.
    pub fn name(self) -> &'static str {
        match self {
            StanceWhy::Question => "question",
            StanceWhy::Forced => "forced",
            StanceWhy::Cue => "cue",
            StanceWhy::NoCue => "no cue",
            StanceWhy::Hypothesis => "hypothesis",
        }
    }
}

/// The label one holder shows on one topic in one sentence, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StanceDecision {
    /// The label, if the sentence shows one.
    pub label: Option<Stance>,
    /// What decided it.
    pub why: StanceWhy,
    /// The cue word that gave the label.
    pub cue: Option<Span>,
    /// The cue was negated (`has not accepted`).
    pub negated: bool,
    /// A hedge or condition that made support conditional (`in principle`).
    pub hedge: Option<Span>,
    /// Support that goes only so far (`agreed to X, but not Y`).
    pub partial: bool,
    /// The holder's words: word indices `start..end`.
    pub window: (usize, usize),
}

/// One cue found in the holder's words.
#[derive(Clone, Copy)]
struct Found {
    word: usize,
    span: Span,
    label: Stance,
    negated: bool,
    /// A verb or noun of giving something up (`withdrawal`, `recognise`).
    yields: bool,
    /// In a condition clause the holder sets (`only if Kyiv withdraws`).
    cond: bool,
}

impl Found {
    /// A demand read at the cue `c` (a request of someone, or what another
    /// party must do).
    fn demand(c: &crate::scan::Cue, negated: bool) -> Found {
        Found { word: c.word, span: c.span, label: Stance::Demands, negated, yields: false, cond: false }
    }
}

/// Decide the label `h` shows on `topic` in `s`. `question`: the holder
/// speaks a question.
// (Over 80 lines: the order of the checks is the rule (the subject of a
// condition, a concession asked of others, an announced act, a refused
// concession, partial support, an attached condition), each a commented
// block that reads top to bottom as the guidelines' "stance of a claim".)
pub(crate) fn decide(s: &Sentence, h: &Holder, topic: TopicId, question: bool) -> StanceDecision {
    let (start, end) = window(s, h);
    let none = StanceDecision {
        label: None,
        why: StanceWhy::NoCue,
        cue: None,
        negated: false,
        hedge: None,
        partial: false,
        window: (start, end.min(s.len())),
    };
    // The subject of a condition clause (`if Kyiv refuses, …`) is a
    // hypothesis of the sentence's speaker: it states nothing.
    if let Some(r) = s.sc.refs.iter().find(|r| r.word == h.word && r.party == h.party) {
        if s.condition_subject(r) {
            return StanceDecision { why: StanceWhy::Hypothesis, ..none };
        }
    }
    if let Some(label) = h.forced {
        return StanceDecision { label: Some(label), why: StanceWhy::Forced, ..none };
    }
    if question {
        return StanceDecision { label: Some(Stance::Questions), why: StanceWhy::Question, ..none };
    }
    let (mut found, hedge, condition) = cues(s, h, start, end);
    // (A concession asked of others, seen before the cues are shared out
    // among the topics: see below.)
    let mut asks_yield = s.words.cased()
        && found.iter().any(|f| f.yields && f.label == Stance::Demands && !refused_yield(s, f.word));
    assign_to_topic(s, &mut found, topic);
    // What a condition clause asks of another party (`only if Kyiv
    // withdraws from Donetsk`) is the holder's demand on its topic.
    if let Some(d) = found.iter().find(|f| f.cond) {
        return StanceDecision {
            label: Some(Stance::Demands),
            why: StanceWhy::Cue,
            cue: Some(d.span),
            hedge: condition,
            ..none
        };
    }
    // A truce the holder declares (`declared a three-day truce`, `the
    // truce Moscow announced`) is one it proposes (the guidelines), unless a
    // stance word of its own comes first.
    if let Some(d) = declares_outcome(s, h, topic, start, end) {
        if found.first().is_none_or(|f| f.word > d) {
            let span = Span { start: s.sc.words[d].start, end: s.sc.words[d].end };
            return StanceDecision {
                label: Some(Stance::Proposes),
                why: StanceWhy::Cue,
                cue: Some(span),
                ..none
            };
        }
    }
    // A stance word that replaces what came before it (`dismissed the offer
    // and urged a truce instead`, `called instead for talks`) is the
    // holder's position.
    if let Some(i) = found.iter().skip(1).position(|f| replaces(s, f)) {
        found[..=i + 1].rotate_right(1);
    }
    let Some(first) = found.first().copied() else { return none };
    let mut label = if first.negated { first.label.negated() } else { first.label };
    // (Or the concession asked is another party's to make, after the
    // demand: `требует, чтобы Украина вывела войска`.)
    asks_yield |= s.words.cased()
        && label == Stance::Demands
        && s.sc
            .cues
            .iter()
            .any(|c| c.word > first.word && c.means(Meaning::Yield) && !refused_yield(s, c.word));
    // An announced act is the act (`объявила об освобождении`, `announced
    // the capture of`): a proposal's verb right before an action's word.
    if label == Stance::Proposes
        && !first.negated
        && found.get(1).is_some_and(|f| {
            f.label == Stance::Acts
                && !f.negated
                && f.word <= first.word + 3
                // (Not an infinitive: `предлагал обменять` proposes.)
                && !s.words.infinitive_endings.end(s.lower_word(f.word))
                && !(first.word + 1..f.word).any(|k| s.words.infinitive_markers.contains(s.lower_word(k)))
        })
    {
        label = Stance::Acts;
    }
    // In a language with cases: a concession asked of others as the price
    // of an outcome (`требует вывода войск в обмен на перемирие`, `условием
    // урегулирования является вывод войск`) makes the outcome conditional
    // and the concession's own topic a demand.
    if asks_yield && matches!(label, Stance::Demands | Stance::Conditional) {
        label = if s.words.agreed.contains(topic) { Stance::Conditional } else { Stance::Demands };
    }
    // Pressing for another party to give something up (`pressed for Kyiv
    // to hand over the Donbas`) demands it: the concession is the object.
    if label == Stance::Proposes
        && !first.negated
        && found.iter().skip(1).any(|f| {
            f.yields
                && f.label == Stance::Demands
                && s.sc.refs.iter().any(|r| r.word > first.word && r.word < f.word && r.party != h.party)
        })
    {
        // (As the price of the outcome, it makes the outcome conditional.)
        label = if s.words.agreed.contains(topic) { Stance::Conditional } else { Stance::Demands };
    }
    if label == Stance::Demands
        && s.words.agreed.contains(topic)
        && (wants_the_outcome(s, first.word, topic) || outcome_must_come(s, first.word, topic))
    {
        label = Stance::Proposes;
    }
    // A concession named first and then refused (`Recognition of the
    // occupation is not on the agenda`, `Withdrawal from Donbas remains a
    // red line`): opposing it.
    if first.yields && label == Stance::Demands && refused_later(s, &found, first.word) {
        label = Stance::Opposes;
    }
    // Support that goes only so far: `agreed to X, but did not accept Y`,
    // `backed X but not Y`.
    let partial = label == Stance::Supports
        && (found.iter().skip(1).any(|f| {
            f.negated
                && matches!(f.label, Stance::Supports | Stance::Proposes)
                && (first.word..f.word).any(|k| s.words.contrast_words.contains(s.lower_word(k)))
        }) || (first.word + 1..end.min(s.len()).saturating_sub(1))
            .any(|k| s.words.contrast_words.contains(s.lower_word(k)) && s.negator(k + 1)));
    // Support with a reservation after `but` (`backed the truce but had
    // questions`, `agreed, but insisted on guarantees`): conditional.
    let reserved = label == Stance::Supports
        && found.iter().skip(1).any(|f| {
            !f.negated
                && matches!(f.label, Stance::Questions | Stance::Conditional | Stance::Demands)
                && (first.word..f.word).any(|k| s.words.contrast_words.contains(s.lower_word(k)))
        });
    // An offer, acceptance or talks with a condition attached (`will order
    // a ceasefire, but only if …`) is conditional. (A refusal with one
    // stays a refusal: `will not give up land as long as he is president`.)
    let conditioned =
        condition.is_some() && matches!(label, Stance::Supports | Stance::Proposes | Stance::Considering);
    let conditional = conditioned || label == Stance::Supports && (hedge.is_some() || partial || reserved);
    StanceDecision {
        label: Some(if conditional { Stance::Conditional } else { label }),
        why: StanceWhy::Cue,
        cue: Some(first.span),
        negated: first.negated,
        hedge: if conditioned { condition } else { hedge.filter(|_| label == Stance::Supports) },
        partial,
        window: none.window,
    }
}

/// A declaration verb of the holder's with a truce of `topic` as its
/// object: right after it (`declared a three-day truce`, `announced an
/// Easter truce`) or, in a relative clause, right before the holder (`the
/// Easter truce Putin declared`). The verb's word index.
fn declares_outcome(s: &Sentence, h: &Holder, topic: TopicId, start: usize, end: usize) -> Option<usize> {
    if !s.words.agreed.contains(topic) || s.words.declaration_verbs.is_empty() {
        return None;
    }
    // The verb: the predicate's first word, or its second after an adverb
    // (`also declared`, `unilaterally announced`).
    let verb = (start..(start + 2).min(end).min(s.len()))
        .find(|&k| s.words.declaration_verbs.contains(s.lower_word(k)))?;
    let term_words = |t: &(Span, TopicId)| (s.sc.word_at(t.0.start), s.sc.word_at(t.0.end - 1));
    let terms = || {
        s.sc.topic_terms
            .iter()
            .zip(&s.sc.weak_terms)
            .filter(|(t, &weak)| !weak && t.1 == topic)
            .map(|(t, _)| term_words(t))
    };
    // Its object: only modifiers between (`a 72-hour`, `an Easter`, `a
    // unilateral`, `a full`).
    let object = terms().any(|(first, _)| {
        first > verb
            && first <= verb + 4
            && (verb + 1..first).all(|k| {
                let w = s.lower_word(k);
                !s.words.that.contains(w) && s.words.determiners.contains(w)
                    || s.words.outcome_words.contains(w)
                    || s.words.modifier_by_ending(w)
                    || w.contains('-')
                    || w.starts_with(|c: char| c.is_ascii_digit())
                    || s.word(k).starts_with(char::is_uppercase)
            })
    });
    // Or the noun the relative clause describes, right before the holder.
    let relative = verb <= h.word + 3 && terms().any(|(_, last)| last + 1 == h.word);
    (object || relative).then_some(verb)
}

/// Does the cue `f` replace what came before it: a replacement word
/// (`instead`) in it or right before it?
fn replaces(s: &Sentence, f: &Found) -> bool {
    let last = s.sc.word_at(f.span.end.saturating_sub(1));
    (f.word.saturating_sub(1)..=last).any(|k| s.words.replacement_words.contains(s.lower_word(k)))
}

/// Is the demand at word `w` a modal whose subject is the outcome itself,
/// followed by its coming about (`a ceasefire must come first`, `the truce
/// should start at once`)? Then the holder wants the outcome.
fn outcome_must_come(s: &Sentence, w: usize, topic: TopicId) -> bool {
    w > 0
        && w + 1 < s.len()
        && s.words.modals.contains(s.lower_word(w))
        && s.words.onset_verbs.contains(s.lower_word(w + 1))
        && s.sc
            .topic_terms
            .iter()
            .zip(&s.sc.weak_terms)
            .any(|(&(span, t), &weak)| !weak && t == topic && s.sc.word_at(span.end - 1) + 1 == w)
}

/// Is the concession at word `w` refused: a negator right before it or
/// after it before the next comma (`дарувати землю … не будуть`)?
fn refused_yield(s: &Sentence, w: usize) -> bool {
    let end = (w + 7).min(s.len());
    s.negator(w.saturating_sub(1)) || (w + 1..end).take_while(|&k| !s.comma_before(k)).any(|k| s.negator(k))
}

/// After the concession at word `w`, in its clause: an opposing cue or a
/// negator.
/// (Not when a demand of its own follows first: `назвал признание
/// императивом … и предметом торга быть не может`.)
fn refused_later(s: &Sentence, found: &[Found], w: usize) -> bool {
    let end = s.clause_end(w + 1);
    let demanded =
        found.iter().any(|f| f.word > w && f.word < end && f.label == Stance::Demands && !f.yields);
    !demanded
        && (found.iter().any(|f| f.word > w && f.word < end && f.label == Stance::Opposes && !f.negated)
            || (w + 1..end).any(|k| s.negator(k)))
}

/// Is the demand at word `w` a demand for the agreed outcome itself
/// (`wants a ceasefire`, `demanded that Moscow accept the truce`, not
/// `demanded that Kyiv withdraw before a truce`): a word of `topic` within
/// nine words, with no verb of giving something up before it?
fn wants_the_outcome(s: &Sentence, w: usize, topic: TopicId) -> bool {
    let end = (w + 10).min(s.len());
    let Some(term) =
        s.sc.topic_terms
            .iter()
            .zip(&s.sc.weak_terms)
            .filter(|(_, &weak)| !weak)
            .map(|(&(span, t), _)| (s.sc.word_at(span.start), t))
            .find(|&(k, t)| k > w && k < end && t == topic)
    else {
        return false;
    };
    // Between the verb and the outcome: its modifiers, who is to accept it
    // and the verb of reaching it (`a full ceasefire`, `for a 30-day truce`,
    // `that Moscow accept the truce`, `to see a ceasefire quickly`, `the
    // meeting to produce a truce`) — not another object (`that monitors of
    // the truce …`).
    (w + 1..term.0).all(|k| {
        let word = s.lower_word(k);
        let cue = s.cue_at(k).unwrap_or(&[]);
        k > w + 1
            && s.words.infinitive_markers.contains(s.lower_word(k - 1))
            && !cue.contains(&Meaning::Yield)
            || s.words.infinitive_markers.contains(s.lower_word(k + 1))
            || s.words.determiners.contains(word)
            || s.words.that.contains(word)
            || s.words.infinitive_markers.contains(word)
            || s.words.outcome_words.contains(word)
            || s.words.modifier_by_ending(word)
            || word.contains('-')
            || word.starts_with(|c: char| c.is_ascii_digit())
            || cue.contains(&Meaning::Preposition)
            || cue.iter().any(|m| matches!(m, Meaning::Stance(Stance::Supports)))
            || s.sc.refs.iter().any(|r| r.word <= k && k < r.word_end)
    })
}

/// The holder's own words: from where its predicate starts to where another
/// party comes in as a subject. In `Zelensky said Putin was preparing to
/// reject the truce`, the rejection is Putin's, not Zelensky's. A party in a
/// condition clause the holder sets (`only if Kyiv withdraws`) does not take
/// over: the condition is the holder's.
fn window(s: &Sentence, h: &Holder) -> (usize, usize) {
    let start = h.scope_start;
    let end =
        s.sc.refs
            .iter()
            .find(|r| {
                r.word >= start
                && r.word != h.word
                && r.party != h.party
                // (a pronoun only as the subject of a verb: `he is preparing
                // to reject it`)
                && (r.kind != RefKind::Pronoun || s.followed_by_verb(r))
                // Only another party as a subject takes over; `aid for Kyiv`
                // or `Kyiv's troops` are objects of the holder's words.
                && !s.after_preposition(r)
                // `Moscow's forces have retaken …` is a subject.
                && (!s.possessive(r) || s.followed_by_verb(r))
                // The addressee of `told Trump that …` is not.
                && !s.addressee(r)
                // (Nor, in a language with cases, a name that cannot be a
                // subject: `назвал доклад Герасимова пропагандой`; nor one
                // that must do what the holder says: `Киев должен …`,
                // `Moscow must withdraw`.)
                && (!r.cases.known() || r.cases.may_be(crate::inflect::Cases::NOM))
                && !s.obliged(r)
                && s.in_condition(r.word).is_none()
                // Nor does the one a demand is made of (`demanded that Kyiv
                // pull its troops out`): what it is to do is the demand.
                && !s.asked_of(r)
                // A name right after its title (`with U.S. President Donald
                // Trump`) is the same phrase as the title.
                && !s.sc.refs.iter().any(|t| t.word_end == r.word && t.party == r.party)
            })
            .map_or(usize::MAX, |r| r.word);
    (start, end.min(third_person_in_quote(s, h, start)))
}

/// In a speaker's quote, where another person comes in as a subject: `he`
/// or `she` before a verb (`“He will walk out of the talks,” the minister said`)
/// is someone the speaker talks about, not the speaker, who would say `I`
/// or `we`. (The resolve stage leaves pronouns inside quotes alone.)
fn third_person_in_quote(s: &Sentence, h: &Holder, start: usize) -> usize {
    if h.via != Via::Speaker {
        return usize::MAX;
    }
    s.sc.cues
        .iter()
        .find(|c| {
            c.word >= start
                && c.word != h.word
                && s.in_quote(c.span.start)
                && c.meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Pronoun(Gender::Masculine | Gender::Feminine, _)))
                && !s.words.object_pronouns.contains(s.lower_word(c.word))
                && !s.words.possessive_pronouns.contains(s.lower_word(c.word))
                && (c.word_end..(c.word_end + 3).min(s.len())).any(|k| s.is_verbish(k))
        })
        .map_or(usize::MAX, |c| c.word)
}

/// A condition clause that opens the sentence before the holder (`If Kyiv
/// withdraws, Russia will stop`): its words are the holder's too, unless
/// another party comes in between.
fn leading_condition(s: &Sentence, h: &Holder) -> Option<(usize, usize)> {
    let c =
        s.sc.cues
            .iter()
            .take_while(|c| c.word < h.word.min(h.scope_start))
            .find(|c| c.means(Meaning::Condition))?;
    let (_, b) = s.condition_clause(c.word)?;
    let clear =
        b <= h.word && !s.sc.refs.iter().any(|r| r.party != h.party && r.word >= b && r.word < h.word);
    clear.then_some((c.word, b))
}

/// Does the connective at word `k` open a condition about the matter at
/// hand: one that names a party or a topic, or asks or refuses something
/// (`if Kyiv withdraws`), not a general truth (`if you are serious, you
/// accept a truce`)? (A connective of several words, `only if`, `as long as`, is explicit
/// enough on its own.)
fn substantive(s: &Sentence, k: usize) -> bool {
    let Some((a, b)) = s.condition_clause(k) else { return false };
    if a > k + 1 {
        return true;
    }
    let inside = |w: usize| w >= a && w < b;
    s.sc.refs.iter().any(|r| inside(r.word))
        || s.sc.topic_terms.iter().any(|(span, _)| inside(s.sc.word_at(span.start)))
        || s.sc
            .cues
            .iter()
            .any(|c| inside(c.word) && (c.means(Meaning::Yield) || c.stances().next().is_some()))
}

/// Does the condition clause that holds word `w` have the holder's own side
/// as its subject (`if we leave Donbas`)? Then it is the holder's
/// hypothesis about itself, not a demand on another party.
fn own_condition(s: &Sentence, h: &Holder, w: usize) -> bool {
    let Some((a, _)) = s.in_condition(w) else { return false };
    let mut i = a;
    while i < w && s.words.articles.contains(s.lower_word(i)) {
        i += 1;
    }
    s.words.first_person.contains(s.lower_word(i))
        || s.sc.refs.iter().any(|r| r.word == i && r.party == h.party)
}

/// The stance cues in words `start..end` (and in a condition clause that
/// opens the sentence before the holder), in order; the first hedge that
/// is not negated; and the first condition the holder sets.
// (Over 80 lines: one loop over the holder's cues; each branch is one kind of cue (condition, yield, demand, hedge, stance) and they share the negation and position it computes once.)
fn cues(s: &Sentence, h: &Holder, start: usize, end: usize) -> (Vec<Found>, Option<Span>, Option<Span>) {
    let mut found = Vec::new();
    let mut hedge = None;
    let mut condition = None;
    let lead = leading_condition(s, h);
    let mine = |w: usize| w >= start && w < end || lead.is_some_and(|(a, b)| w >= a && w < b);
    for c in s.sc.cues.iter().filter(|c| mine(c.word)) {
        let w = c.word;
        // (An inverted negation opens the sentence: `Nor has he offered …`.)
        let negated = (w.saturating_sub(3)..w).any(|k| k >= start.min(h.word + 1) && s.negator(k))
            || w <= 4 && h.word < w && s.negator(0);
        if c.means(Meaning::Condition) && condition.is_none() && substantive(s, w) {
            condition = Some(c.span);
        }
        // In a condition clause: what the holder asks of another party
        // (`if they do not leave`, `as soon as Kyiv begins withdrawing`)
        // is demanded; the clause's other words are a hypothesis.
        if s.in_condition(w).is_some() {
            // (So is accepting what the holder offers: `if Kyiv refuses, the
            // fighting will go on` demands what Kyiv would refuse.)
            let refusal = c.stances().any(|l| l == Stance::Opposes);
            if (c.means(Meaning::Yield) || refusal) && !own_condition(s, h, w) {
                found.push(Found {
                    word: w,
                    span: c.span,
                    label: Stance::Demands,
                    negated: false,
                    yields: c.means(Meaning::Yield),
                    cond: true,
                });
            }
            continue;
        }
        // `not setting any conditions` is no reservation.
        if c.means(Meaning::Hedge) && !negated && hedge.is_none() {
            hedge = Some(c.span);
        }
        // (A request made of the speaker, `they want us to …`, is not the
        // speaker's: what it asks is read at its verb.)
        let of_speaker = h.via == Via::Speaker
            && c.word_end < s.len()
            && s.words.first_person.contains(s.lower_word(c.word_end));
        if of_speaker && (c.means(Meaning::Request) || c.stances().any(|l| l == Stance::Demands)) {
            continue;
        }
        if c.means(Meaning::Request) && s.request(w, c.word_end) {
            found.push(Found::demand(c, negated));
            continue;
        }
        // A participle used as an adjective (`the proposed truce`) names the
        // thing, not the holder's stance on it.
        if w > 0
            && c.word_end == w + 1
            && s.words.articles.contains(s.lower_word(w - 1))
            && s.words.past_participle(s.lower_word(w))
        {
            continue;
        }
        // A stance noun owned by another party (`the American initiative`)
        // is that party's position, not the holder's.
        if s.sc.refs.iter().any(|r| r.party != h.party && r.word_end == w && owns_next(s, r)) {
            continue;
        }
        // `denied that its troops were encircled` disputes a report; it is
        // no position on the topic (`Kyiv denied it` is). So does condemning
        // another party's words (`slams Putin's statements on the
        // ceasefire`): the target is the party, not the topic.
        let we = c.word_end;
        let disputes = we < s.len() && s.words.that.contains(s.lower_word(we))
            || s.words.cased() && crate::holders::cased::disputes_statement(s, h.party, start, w)
            || s.sc
                .refs
                .iter()
                .any(|r| r.party != h.party && (r.word == we || r.word == we + 1) && s.possessive(r));
        // Refusing to give something up (`will not withdraw`, `won't leave`)
        // is opposing; asking it of others is demanding.
        // (A past act of giving up, `its forces withdrew from Sudzha`, is
        // reported, not asked: an action.)
        let reported = c.stances().any(|l| l == Stance::Acts);
        if c.means(Meaning::Yield) && (negated || !reported) {
            // Giving something up oneself (`Ukraine would withdraw its
            // forces` under another's plan) asks nothing of others; being
            // asked to (`they want us to give up land`) is a grievance, a
            // refusal.
            let label = match yielder(s, h, w) {
                _ if negated => Stance::Opposes,
                Yielder::Holder => continue,
                Yielder::Speaker => Stance::Opposes,
                Yielder::Other => Stance::Demands,
            };
            found.push(Found { word: w, span: c.span, label, negated: false, yields: true, cond: false });
            continue;
        }
        // What another party must or should do (`Moscow should accept the
        // truce, Trump said`) is demanded of it.
        if c.stances().next().is_some() && obliged_other(s, h, w) {
            found.push(Found::demand(c, negated));
            continue;
        }
        for label in c.stances() {
            if !(label == Stance::Opposes && disputes) {
                found.push(Found { word: w, span: c.span, label, negated, yields: false, cond: false });
            }
        }
    }
    (found, hedge, condition)
}

/// Is the word `w` the verb of another party that must or should do it
/// (`Moscow should accept`, `Kyiv must now sign`)?
fn obliged_other(s: &Sentence, h: &Holder, w: usize) -> bool {
    s.sc.refs.iter().any(|r| r.party != h.party && r.word_end < w && w <= r.word_end + 3 && s.obliged(r))
}

/// Who is to give something up at the yield verb at word `w`.
enum Yielder {
    /// The holder itself, its subject (`Ukraine would withdraw`).
    Holder,
    /// The speaker, asked to by others (`they want us to give up land`).
    Speaker,
    /// Someone else: the holder asks it of them.
    Other,
}

fn yielder(s: &Sentence, h: &Holder, w: usize) -> Yielder {
    // Over auxiliaries, modals and adverbs back to the subject.
    let mut k = w;
    while k > 0 {
        let word = s.lower_word(k - 1);
        if s.words.modals.contains(word)
            || s.words.passive_auxiliaries.contains(word)
            || s.words.adverb_endings.end(word)
        {
            k -= 1;
        } else {
            break;
        }
    }
    if s.sc.refs.iter().any(|r| r.word_end == k && r.word == h.word && r.party == h.party) {
        return Yielder::Holder;
    }
    let asked_of_speaker = h.via == Via::Speaker
        && k >= 2
        && s.words.infinitive_markers.contains(s.lower_word(k - 1))
        && s.words.first_person.contains(s.lower_word(k - 2));
    if asked_of_speaker {
        Yielder::Speaker
    } else {
        Yielder::Other
    }
}

/// Does the reference own the noun right after it (`the American
/// initiative`; in a language with cases only a demonym or a possessive
/// pronoun does: `американская инициатива`, `его предложение`, not `в
/// Москву план`)?
fn owns_next(s: &Sentence, r: &crate::scan::PartyRef) -> bool {
    if s.words.cased() {
        r.kind == RefKind::Alias(crate::profile::AliasKind::Demonym) || s.possessive_pronoun(r)
    } else {
        r.kind != RefKind::Pronoun
    }
}

/// In a sentence that names several topics, a cue belongs to the topic it
/// governs: the nearest topic word after it (else before it). `agreed to
/// the truce but asked about Kursk`: supports is about the truce, not about
/// Kursk. A qualifier right after a topic word is about it (`backs the truce
/// in principle but raises Kursk`). Weak words that did not decide the topic
/// (`Russian territory` in a sentence about Kursk) are not topics here.
fn assign_to_topic(s: &Sentence, found: &mut Vec<Found>, topic: TopicId) {
    // A topic only carried over from the last sentence, in a sentence that
    // names a topic of its own (`But we will not recognise our territory`
    // after talk of a truce): the sentence's cues are about its own topic.
    if !s.sc.topics.is_empty() && !s.sc.topics.contains(topic) {
        found.clear();
        return;
    }
    let terms: Vec<(usize, TopicId)> =
        s.sc.topic_terms
            .iter()
            .filter(|(_, t)| s.sc.topics.contains(*t))
            .map(|(span, t)| (s.sc.word_at(span.start), *t))
            .collect();
    // What a condition asks is about the land it names (`only if Kyiv
    // leaves Donetsk`), not about what the holder offers for it: it holds
    // only for a topic named in its clause.
    found.retain(|f| {
        if !f.cond {
            return true;
        }
        // (A refusal of an outcome, `if Kyiv rejects the truce`, presses
        // the holder's own offer: no demand on it.)
        if !f.yields && s.words.agreed.contains(topic) {
            return false;
        }
        let (a, b) = s.in_condition(f.word).unwrap_or((f.word, f.word));
        let inside = |&&(tw, _): &&(usize, TopicId)| tw >= a && tw < b;
        let after = terms.iter().filter(inside).find(|&&(tw, _)| tw >= f.word);
        let before = terms.iter().filter(inside).rfind(|&&(tw, _)| tw < f.word);
        // (A clause that names no topic, in a sentence of one topic, asks
        // it of that topic: `Donbas will be taken if Kyiv does not leave`.)
        // (Not of an outcome: `a truce the moment Kyiv starts leaving` is
        // an offer with a condition.)
        let single = terms.iter().all(|&(_, t)| t == topic) && !s.words.agreed.contains(topic);
        after.or(before).map_or(single, |&(_, t)| t == topic)
    });
    let several = terms.iter().any(|&(_, t)| t != terms[0].1);
    if !several {
        return;
    }
    let governs = |f: &Found| {
        let w = f.word;
        if f.cond {
            return true;
        }
        let after = terms.iter().filter(|&&(tw, _)| tw >= w).min_by_key(|&&(tw, _)| tw);
        let before = terms.iter().filter(|&&(tw, _)| tw < w).max_by_key(|&&(tw, _)| tw);
        let nearest = match (after, before) {
            (Some(a), Some(b)) if w - b.0 < a.0 - w => Some(b),
            (a, b) => a.or(b),
        };
        nearest.is_none_or(|&(_, t)| t == topic)
    };
    // A topic no cue governs takes the sentence's predicate all the same
    // (`demanded that Kyiv leave Donetsk before any truce` demands on both),
    // but not what a condition asks (`possible only if Kyiv leaves
    // Donetsk` demands nothing on the settlement).
    if found.iter().any(governs) {
        found.retain(governs);
    } else {
        found.retain(|f| !f.cond);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::tests::with_sentence;
    use crate::holders::{self, Holders};

    /// The label the first holder of `text` shows on `topic`.
    fn label(text: &str, topic: u8) -> Option<Stance> {
        with_sentence(text, |s| {
            let mut out = Holders::default();
            holders::find(s, &mut out);
            let h = out.kept.first().expect("a holder");
            decide(s, h, TopicId(topic), false).label
        })
    }

    #[test]
    fn cues_negation_hedges_topics() {
        let cases = [
            ("Ukraine firmly opposes ceding territory.", 1, Some(Stance::Opposes)),
            ("Ukraine has not accepted the truce.", 0, Some(Stance::Opposes)),
            ("Russia supports the ceasefire in principle.", 0, Some(Stance::Conditional)),
            ("Moscow did not reject the ceasefire outright.", 0, Some(Stance::Conditional)),
            ("Russia agreed to the truce but questioned the Kursk terms.", 0, Some(Stance::Supports)),
            ("Zelensky said Putin was preparing to reject the truce.", 0, None),
            ("Washington urged Kyiv to accept the truce.", 0, Some(Stance::Proposes)),
            ("Moscow urged Kyiv to withdraw from Donetsk.", 1, Some(Stance::Demands)),
            ("Kyiv denied that reports of a truce were true.", 0, None),
            ("Kyiv denied the truce.", 0, Some(Stance::Opposes)),
        ];
        for (text, topic, want) in cases {
            assert_eq!(label(text, topic), want, "stance in {text:?}");
        }
    }
}
