//! Holders in a language with grammatical case (Russian, Ukrainian).
//!
//! Word order is free in these languages, and the case of a name does much
//! of what English word order does: a subject is nominative and may stand
//! after its verb (`заявил Путин`), the owner of a proposal is in the
//! genitive after it (`предложение Вашингтона`), the agent of a passive
//! participle in the instrumental (`предложенный Вашингтоном`), and an
//! institution speaks from the locative with a plural verb and no subject
//! (`в Кремле заявили`). The scan gives every name the cases its form may
//! be in ([`crate::inflect::Cases`]); the rules here read them. They are
//! used when the profile has paradigms ([`crate::grammar::Words::cased`]);
//! an English profile never reaches them.

use super::{asked_or_venue, demonym, prepositional, Construction, Holder, Holders, Outcome, Rule};
use crate::grammar::Sentence;
use crate::ids::{Stance, Via};
use crate::inflect::Cases;
use crate::profile::AliasKind;
use crate::scan::{Cue, Meaning, PartyRef, RefKind};
use crate::segment::UnitKind;

/// Tried in this order for every party reference outside quotes that no
/// speech frame claimed (the counterpart of [`super::CONSTRUCTIONS`]).
pub(super) const CONSTRUCTIONS: &[Construction] = &[
    genitive_owner, // OfOwner | TalksPartner: `предложение Вашингтона`, `переговоры России и Украины`
    asked_or_venue, // Dropped::Asked | Dropped::Venue: `призвал Киев`
    dateline,       // `МОСКВА, 14 марта —`: no holder
    relative,       // Subject: `Кремль, который доводил …`, `для Кремля, который …`
    hypothetical,   // `если Россия нарушит …`, `Киев мог бы …`: no holder
    statement_owner, // AccordingTo | OfOwner: `в российском заявлении`, `позиция Вашингтона`
    together_with,  // TalksPartner: `вместе с США`
    passive_agent,  // PassiveAgent: `предложенный Вашингтоном`
    possessive,     // PossessiveRole | PossessiveNoun: `его предложение`
    demonym,        // DemonymRole | DemonymNoun: `американская инициатива`
    locative,       // Speech | Subject: `в Кремле заявили`
    prepositional,  // TalksPartner | ForcesInAction; always decides
    subject,        // Subject | HeadlineSubject, before or after the verb
];

/// The cases a reference may be in: a name without known case (a title
/// resolved from memory) may be in any.
fn cases(r: &PartyRef) -> Cases {
    if r.cases.known() {
        r.cases
    } else {
        Cases::ALL
    }
}

/// May the reference be a subject: nominative, not after a preposition?
fn nominative(s: &Sentence, r: &PartyRef) -> bool {
    cases(r).may_be(Cases::NOM) && !s.after_preposition(r)
}

/// Is word `i` a finite verb (or a predicate the profile lists with the
/// verbs: `готов`, `должен`)? A speech cue, a verb cue, or a stance cue
/// with a verb's ending (`поддержал`, not `поддержка`); a word with a
/// past-tense ending outside the lexicon.
pub(crate) fn finite(s: &Sentence, i: usize) -> bool {
    if i >= s.len() {
        return false;
    }
    let w = s.lower_word(i);
    if let Some(ms) = s.cue_at(i) {
        if ms.iter().any(|m| matches!(m, Meaning::Speech | Meaning::Verb)) {
            return true;
        }
        if ms.iter().any(|m| matches!(m, Meaning::Stance(_))) {
            return s.words.verb_by_ending(w);
        }
    }
    s.words.verb_by_ending(w) && s.word(i).starts_with(char::is_lowercase)
}

/// A reflexive verb (`согласился`, `погодилася`): it takes no object, so a
/// nominative after it is its subject.
fn reflexive(s: &Sentence, i: usize) -> bool {
    let w = s.lower_word(i);
    w.ends_with("ся") || w.ends_with("сь")
}

/// `МОСКВА, 14 марта —` or `КИЇВ, 12 березня`: a dateline names where the
/// report was filed, not who holds anything.
fn dateline(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    let word = s.word(r.word);
    let caps = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && word.chars().count() > 2;
    let rest = s.text[r.span.end..s.seg.span.end].trim_start();
    let dated = rest.starts_with(',') && rest[1..].trim_start().starts_with(|c: char| c.is_ascii_digit());
    if r.word == 0 && caps && dated {
        return Outcome::NotAHolder(None);
    }
    Outcome::Next
}

/// `предложенный Вашингтоном`, `объявленному Путиным`, `окупована Росією`:
/// the agent of a passive participle (a stance cue right before the
/// reference) is in the instrumental; it holds what the participle says.
fn passive_agent(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    if !cases(r).may_be(Cases::INS) || s.after_preposition(r) || r.word == 0 {
        return Outcome::Next;
    }
    // The participle right before, or before a first name (`предложенный
    // Дональдом Трампом` is one alias; `Владимиром Путиным` too).
    let p = r.word - 1;
    let label = s.sc.cue_at(p).and_then(|c| c.stances().next());
    let participle = s.words.participle_passive(s.lower_word(p));
    match label {
        Some(l) if participle => {
            Outcome::Holder(Holder::new(r, Via::Agent, Rule::PassiveAgent).forced(Some(l)))
        }
        _ => Outcome::Next,
    }
}

/// `предложение Вашингтона`, `требования Москвы`, `призыв Трампа`: a noun
/// of a position right before a genitive names its owner, who holds it
/// (the owner of a proposal proposes). After a noun of an action or a
/// concession the genitive is what is acted on (`вывод войск`,
/// `освобождение Суджи`, `признание территорий`), no owner.
fn genitive_owner(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    if !cases(r).may_be(Cases::GEN) || r.word == 0 || s.after_preposition(r) {
        return Outcome::Next;
    }
    // (Over the names before it in a list: `переговоры России и Украины`.)
    let mut noun = r.word - 1;
    while s.words.conjunctions.contains(s.lower_word(noun)) {
        match s.sc.refs.iter().find(|o| o.word_end == noun && o.word > 0) {
            Some(o) => noun = o.word - 1,
            None => return Outcome::Next,
        }
    }
    let Some(cue) = s.sc.cue_at(noun) else { return Outcome::Next };
    // A verb is not a noun (`поддержал Киев`: the object).
    if finite(s, noun) || cue.means(Meaning::Yield) {
        return Outcome::Next;
    }
    let position =
        |l: &Stance| matches!(l, Stance::Proposes | Stance::Demands | Stance::Opposes | Stance::Supports);
    let label =
        if cue.means(Meaning::Request) { Some(Stance::Demands) } else { cue.stances().find(position) };
    if let Some(l) = label {
        return Outcome::Holder(Holder::new(r, Via::Owner, Rule::OfOwner).scope(noun).forced(Some(l)));
    }
    // `переговоры России и Украины`, `розмова Трампа`: the parties to the
    // talks (each name of a list after the noun).
    if s.words.talks_words.contains(s.lower_word(noun)) {
        let h = Holder::new(r, Via::Agent, Rule::TalksPartner).forced(Some(Stance::Considering));
        return Outcome::Holder(h);
    }
    Outcome::Next
}

/// `позиция Вашингтона`, `кроки Кремля`, `заявления Путина`: a noun of a
/// position, step or statement before a genitive names whose it is; the
/// sentence shows that party's position (with no label of its own).
fn position_owner(s: &Sentence, r: &PartyRef) -> Option<Holder> {
    if !cases(r).may_be(Cases::GEN) || r.word == 0 || s.after_preposition(r) {
        return None;
    }
    let noun = r.word - 1;
    s.words
        .statement_nouns
        .contains(s.lower_word(noun))
        .then(|| Holder::new(r, Via::Owner, Rule::OfOwner).scope(noun))
}

/// `Кремль, который месяцами доводил, что …`, `для Кремля, который …`,
/// `группировка противника, которая вторглась`: a name (in any case,
/// after any preposition) that a relative pronoun in the nominative takes
/// up is the subject of the relative clause's verb.
fn relative(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    let j = r.word_end;
    if j >= s.len() || !s.comma_before(j) || !s.words.relatives.contains(s.lower_word(j)) {
        return Outcome::Next;
    }
    let (_, end) = clause(s, j);
    match (j + 1..end.min(j + 8)).find(|&i| finite(s, i)) {
        Some(v) => {
            let v = verb_group(s, v, j + 1);
            Outcome::Holder(Holder::new(r, Via::Subject, Rule::Subject).scope(v))
        }
        None => Outcome::Next,
    }
}

/// `Если Россия нарушит договоренности, …`, `Київ міг би відповісти`: a
/// subject in a condition, or of a verb in the conditional mood, states
/// nothing that happened or is held (the writer's or speaker's
/// speculation).
fn hypothetical(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    let (start, _) = clause(s, r.word);
    let opener =
        (start.max(r.word.saturating_sub(3))..r.word).any(|k| s.words.conditionals.contains(s.lower_word(k)));
    let mood = verb_after(s, r).is_some_and(|v| s.words.conditionals.contains(s.lower_word(v + 1)));
    if (opener || mood) && nominative(s, r) && !s.in_quote(r.span.start) {
        return Outcome::NotAHolder(None);
    }
    Outcome::Next
}

/// `в російській заяві йдеться`, `как говорится в американском
/// заявлении`: a demonym before a noun of a statement is the source of the
/// sentence.
fn statement_owner(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    if r.kind == RefKind::Alias(AliasKind::Demonym)
        && s.words.statement_nouns.contains(s.lower_word(r.word_end))
    {
        return Outcome::Holder(Holder::new(r, Via::AccordingTo, Rule::AccordingTo));
    }
    match position_owner(s, r) {
        Some(h) => Outcome::Holder(h),
        None => Outcome::Next,
    }
}

/// `погодилися разом зі США розробити`, `вместе с Москвой`: a party
/// together with whom the subject acts acts too.
fn together_with(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    let together = r.word >= 2
        && s.words.partner_prepositions.contains(s.lower_word(r.word - 1))
        && s.words.together.contains(s.lower_word(r.word - 2));
    if together {
        // Its words are the subject's predicate.
        let (_, end) = clause(s, r.word);
        let v = (r.word_end..end).find(|&i| finite(s, i)).unwrap_or(r.word_end);
        return Outcome::Holder(Holder::new(r, Via::Agent, Rule::TalksPartner).scope(v));
    }
    Outcome::Next
}

/// `его предложение`, `их войска продвигаются`: a possessive pronoun before
/// a stance noun or a role (the English rule, for the pronouns of a cased
/// language, which come before their noun).
fn possessive(s: &Sentence, k: usize, r: &PartyRef) -> Outcome {
    if r.kind == RefKind::Pronoun && s.possessive_pronoun(r) {
        // (`его` is also `him`: only before a noun it owns.)
        return match super::possessive(s, k, r) {
            Outcome::NotAHolder(None) => Outcome::Next,
            o => o,
        };
    }
    Outcome::Next
}

/// `в Кремле заявили`, `В Киеве … отрицают`, `у МЗС Росії заявили`: an
/// institution or capital in the locative after `в`/`у`, in a clause whose
/// plural verb has no subject, is who speaks or acts.
fn locative(s: &Sentence, _k: usize, r: &PartyRef) -> Outcome {
    match locative_verb(s, r) {
        Some(v) => {
            let speech = s.cue_at(v).is_some_and(|ms| ms.contains(&Meaning::Speech));
            let via = if speech { Via::Speaker } else { Via::Subject };
            let rule = if speech { Rule::Speech } else { Rule::Subject };
            Outcome::Holder(Holder::new(r, via, rule).scope(v))
        }
        None => Outcome::Next,
    }
}

/// The plural verb an institution in the locative speaks or acts by, if it
/// does.
pub(super) fn locative_verb(s: &Sentence, r: &PartyRef) -> Option<usize> {
    let institution =
        matches!(r.kind, RefKind::Alias(AliasKind::Institution | AliasKind::Capital | AliasKind::Country));
    if !institution || r.word == 0 || !cases(r).may_be(Cases::LOC) {
        return None;
    }
    if !s.words.locative_prepositions.contains(s.lower_word(r.word - 1)) {
        return None;
    }
    // A subject of its own would take the verb (`Путин в Кремле заявил`).
    let (start, end) = clause(s, r.word);
    let subject = s.sc.refs.iter().any(|o| {
        o.word >= start && o.word < end && o.span != r.span && nominative(s, o) && !o.cases.only(Cases::ACC)
    });
    if subject {
        return None;
    }
    (start..end).find(|&i| plural_verb(s, i))
}

/// A verb in the plural of the past or present (`заявили`, `отрицают`,
/// `зробили`, `заперечують`), as an impersonal statement has.
fn plural_verb(s: &Sentence, i: usize) -> bool {
    finite(s, i) && {
        let w = s.lower_word(i);
        s.words.plural_verb_endings.end(w)
    }
}

/// The clause around word `i`: from the last strong break before it (a
/// semicolon, a colon, a dash, `что`/`що` after a comma) to the next.
fn clause(s: &Sentence, i: usize) -> (usize, usize) {
    let breaks = |k: usize| {
        let gap = s.gap(k, k);
        gap.contains([';', ':', '\u{2014}', '\u{2013}'])
            || gap.contains(',') && s.words.that.contains(s.lower_word(k))
    };
    let start = (1..=i).rev().find(|&k| breaks(k)).unwrap_or(0);
    let end = (i + 1..s.len()).find(|&k| breaks(k)).unwrap_or(s.len());
    (start, end)
}

/// A subject, before its verb (`Путин … поддержал`, over the adverbials
/// and names Russian puts between) or right after it (`заявил Путин`,
/// `согласилась украинская сторона`); in a headline, a nominative party at
/// the start. The reference must be nominative.
fn subject(s: &Sentence, k: usize, r: &PartyRef) -> Outcome {
    if !nominative(s, r) {
        return Outcome::NotAHolder(None);
    }
    let pronoun = r.kind == RefKind::Pronoun;
    if let Some(v) = verb_after(s, r) {
        let v = verb_group(s, v, r.word_end);
        return Outcome::Holder(Holder::new(r, Via::Subject, Rule::Subject).scope(v).continued(pronoun));
    }
    if let Some(v) = verb_before(s, r) {
        return Outcome::Holder(Holder::new(r, Via::Subject, Rule::Subject).scope(v).continued(pronoun));
    }
    if s.seg.kind == UnitKind::Line && k == 0 && r.word == 0 {
        return Outcome::Holder(Holder::new(r, Via::Subject, Rule::HeadlineSubject).scope(r.word_end));
    }
    Outcome::NotAHolder(None)
}

/// Where the predicate of verb `v` starts: over the negators and hedges
/// right before it (`никогда не признает`, `в принципе поддерживает`),
/// and a cue that holds the verb (`не согласится`), not before word
/// `floor`. (An object put before the verb is not part of it: `такие
/// требования отвергает`.)
pub(super) fn verb_group(s: &Sentence, v: usize, floor: usize) -> usize {
    let mut k = v;
    loop {
        let before = s.sc.cues.iter().find(|c| {
            c.word < k
                && c.word >= floor
                && c.word_end >= k
                && (c.meanings.iter().any(|m| matches!(m, Meaning::Negator | Meaning::Hedge))
                    || c.word_end > k
                    || s.words.negators.contains(s.lower_word(c.word_end - 1)))
        });
        match before {
            Some(c) if !finite(s, c.word) => k = c.word,
            _ => return k,
        }
    }
}

/// Does the cue at word `w` dispute another party's statement rather
/// than the topic (`назвал заявления Путина манипулятивными`, `назвав
/// доповідь Герасимова пропагандою`, `російський меморандум … назвав
/// ультиматумом`): a noun of a statement with another party in the
/// genitive after it, or its demonym before it, between the holder's
/// words' start and the cue?
pub(crate) fn disputes_statement(s: &Sentence, party: crate::ids::PartyId, start: usize, w: usize) -> bool {
    (start..w).any(|k| {
        s.words.statement_nouns.contains(s.lower_word(k))
            && s.sc.refs.iter().any(|r| {
                r.party != party
                    && (r.word == k + 1 && cases(r).may_be(Cases::GEN)
                        || r.word_end == k && r.kind == RefKind::Alias(AliasKind::Demonym))
            })
    })
}

/// Is the predicate starting at word `v` (of a subject at word `w`) an
/// obligation (`Украинские войска должны быть выведены`)?
pub(crate) fn obligation_at(s: &Sentence, w: usize, v: usize) -> bool {
    (v.max(w)..(v.max(w) + 2).min(s.len())).any(|k| s.words.obligations.contains(s.lower_word(k)))
}

/// The verb of a subject that stands before it: the first finite verb in
/// its clause, within twelve words, with no other subject between (`Путин
/// в ходе разговора с президентом США во вторник поддержал …`). A relative
/// clause right after the subject is skipped (`группировка, которая …
/// вторглась, изолирована`), and the verb of `X, который …` is the
/// relative clause's when nothing follows it.
pub(super) fn verb_after(s: &Sentence, r: &PartyRef) -> Option<usize> {
    let (_, end) = clause(s, r.word);
    let limit = end.min(r.word_end + 12);
    let mut j = r.word_end;
    while j < limit {
        if j > r.word_end && s.comma_before(j) && s.words.relatives.contains(s.lower_word(j)) {
            // `X, который …, verb`: the main verb is after the relative
            // clause; `X, который verb …` also says X acts.
            if let Some(v) = (j + 1..limit).find(|&i| finite(s, i)) {
                return Some(v);
            }
        }
        if finite(s, j) {
            return Some(j);
        }
        // Another subject takes over (`Путин и Трамп` is one subject: the
        // conjunction joins them).
        let other = s.sc.refs.iter().find(|o| o.word == j && o.span != r.span);
        if let Some(o) = other {
            let joined = j > 0 && s.words.conjunctions.contains(s.lower_word(j - 1));
            if nominative(s, o) && o.party != r.party && !joined && !o.cases.only(Cases::ACC) {
                return None;
            }
            j = o.word_end;
            continue;
        }
        j += 1;
    }
    None
}

/// The verb of a subject after it: a finite verb right before the
/// reference (over an adverb), in the same clause, with no subject of its
/// own before it. A transitive verb takes a name that may be its object
/// (`поддержал Киев`) only when the name cannot be accusative.
fn verb_before(s: &Sentence, r: &PartyRef) -> Option<usize> {
    let (start, _) = clause(s, r.word);
    let v = (r.word.saturating_sub(2).max(start)..r.word).rev().find(|&i| finite(s, i))?;
    if s.comma_before(r.word) && v + 1 == r.word {
        return None;
    }
    let object = cases(r).may_be(Cases::ACC) || cases(r).may_be(Cases::GEN);
    let intransitive = reflexive(s, v)
        || s.cue_at(v).is_some_and(|ms| ms.iter().any(|m| matches!(m, Meaning::Speech | Meaning::Verb)));
    if object && !intransitive {
        return None;
    }
    if s.cue_at(v).is_some_and(|ms| ms.iter().any(|m| matches!(m, Meaning::Request | Meaning::Addressee)))
        && !s.cue_at(v).is_some_and(|ms| ms.contains(&Meaning::Speech))
    {
        return None;
    }
    // The clause has a subject before the verb already.
    let before = s.sc.refs.iter().any(|o| {
        o.word >= start
            && o.word_end <= v
            && nominative(s, o)
            && !o.cases.only(Cases::ACC)
            && verb_after(s, o) == Some(v)
    });
    (!before).then_some(v)
}

/// The speaker of the speech verb `cue` (the counterpart of the English
/// [`super::speech`] rule): the subject before it in its clause, the
/// nominative right after it (`— заявил Путин`, `как сообщил Песков`), or
/// an institution in the locative with a plural verb (`в Кремле заявили`,
/// `как отметили в Кремле`). After a comma, a gerund (`…, заявив, что …`)
/// speaks for the main clause's subject.
pub(super) fn pick_speaker<'s>(s: &'s Sentence, cue: &Cue) -> Option<&'s PartyRef> {
    let (w, we) = (cue.word, cue.word_end);
    let outside = |r: &&PartyRef| !s.in_quote(r.span.start);
    // A gerund after a comma: the main clause's subject.
    if s.words.participle_endings.end(s.lower_word(w)) && s.comma_before(w) {
        return s
            .sc
            .refs
            .iter()
            .filter(outside)
            .find(|r| r.word < w && nominative(s, r) && verb_after(s, r).is_some());
    }
    let before =
        s.sc.refs
            .iter()
            .filter(outside)
            .filter(|r| r.word_end <= w && nominative(s, r) && !r.cases.only(Cases::ACC))
            .rfind(|r| verb_after(s, r) == Some(w));
    if before.is_some() {
        return before;
    }
    // After the verb: a nominative (over a title's first word), or a
    // locative institution.
    let (_, end) = clause(s, w);
    s.sc.refs.iter().filter(outside).find(|r| {
        r.word >= we
            && r.word <= we + 3
            && r.word < end
            && (nominative(s, r)
                && !s.sc.refs.iter().any(|o| o.word >= we && o.word < r.word && nominative(s, o))
                || locative_verb(s, r) == Some(w))
    })
}

/// `по его словам`, `за його словами`, `на її думку`: the source is the
/// possessive pronoun before the noun of an attribution.
pub(super) fn according_pronoun<'s>(s: &'s Sentence, cue: &Cue) -> Option<&'s PartyRef> {
    let w = cue.word;
    if cue.word_end != w + 1 || w < 2 {
        return None;
    }
    s.sc.refs.iter().find(|r| r.word == w - 1 && r.kind == RefKind::Pronoun && s.possessive_pronoun(r))
}

/// A request verb at words `w..we` that asks someone to do something
/// (`призвал Киев согласиться`, `попросив Путіна зберегти`): an infinitive
/// after its object, within five words, and not a passive (`было
/// предложено`).
pub(crate) fn request(s: &Sentence, w: usize, we: usize) -> bool {
    let passive = w > 0 && s.words.passive_auxiliaries.contains(s.lower_word(w - 1));
    let infinitive = |k: usize| s.words.infinitive_endings.end(s.lower_word(k));
    // (The infinitive right after the verb has no one asked: `предложил
    // заморозить` proposes.)
    !passive && !infinitive(we) && (we + 1..(we + 5).min(s.len())).any(infinitive)
}

/// The writer's question in a cased language: also `Готова ли Москва …?`
/// (the particle `ли` after the first word).
pub(super) fn writers_question(s: &Sentence) -> bool {
    s.quotes.quoted_bytes == 0
        && s.text[s.seg.span.range()].trim_end().ends_with('?')
        && (0..3.min(s.len())).any(|i| s.words.question_openers.contains(s.lower_word(i)))
}

/// The speech frames of a cased sentence are found by [`super::speech`]
/// with [`pick_speaker`]; this adds the attributions with a pronoun inside
/// (`по его словам`).
pub(super) fn according(s: &Sentence, cue: &Cue, out: &mut Holders) -> bool {
    match according_pronoun(s, cue) {
        Some(r) => {
            out.kept.push(Holder::new(r, Via::AccordingTo, Rule::AccordingTo));
            true
        }
        None => false,
    }
}
