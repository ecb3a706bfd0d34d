//! The party a figure comes from: the owner of the proposal the number
//! defines, else the party that states or estimates it, else the source
//! named by `according to`, else the speaker; otherwise none (the writer,
//! analysts, a third state, a number both sides agreed).

use super::{has, in_set, punct_before, Found, Vocab};
use crate::grammar::Sentence;
use crate::holders::Holder;
use crate::ids::{PartyId, Stance, Via};
use crate::scan::{Meaning, PartyRef};

/// The source of figure `f` of sentence `s` with holders `holders`.
pub(crate) fn decide(v: &Vocab, s: &Sentence, f: &Found, holders: &[Holder]) -> Option<PartyId> {
    if let Some(p) = owner(v, s, f) {
        return Some(p);
    }
    if let Some(stated) = stated(v, s, f) {
        return stated;
    }
    holders
        .iter()
        .find(|h| h.via == Via::AccordingTo && according_to(v, s, h))
        .map(|h| h.party)
        .or_else(|| speaker(v, s, f, holders))
        .or_else(|| tag_after(v, s, f))
}

/// The owner of the proposal the figure defines, wherever it stands: a
/// possessive (`Putin's 30-hour truce`), the owner of a proposal noun
/// (`the US plan for a 30-day truce`, `Moscow's offer of two-day pauses`), a
/// hyphenated participle (`the US-proposed 30-day truce`), a passive agent
/// (`a 30-day truce first proposed by Washington`), a relative clause (`the
/// four regions Moscow claims`, `30 days: the truce Washington proposed`),
/// a cleft (`It was Washington that proposed a 30-day truce`).
fn owner(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    possessive(v, s, f)
        .or_else(|| proposal_of(v, s, f))
        .or_else(|| hyphenated(v, s, f))
        .or_else(|| passive_agent(v, s, f))
        .or_else(|| relative(v, s, f))
        .or_else(|| cleft(v, s, f))
        .or_else(|| plan_term(v, s, f))
}

/// `Washington's 28-point plan would cap the army at 600,000 troops`,
/// `Under the US plan, Ukraine would keep 80%`, `Moscow's demand that
/// Ukraine give up 30% of Donetsk`: a term of a party's own proposal, which
/// the figure's clause spells out.
fn plan_term(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    let p = (0..f.start).rev().take_while(|&p| !punct_before(s, p + 1, &[';'])).find(|&p| {
        has(&v.proposal_nouns, s, p) && !s.sc.topic_terms.iter().any(|(t, _)| t.start == s.sc.words[p].start)
    })?;
    // The owner: a possessive, an adjective or a party joined to a
    // participle, right before the noun (`the US-drafted plan`).
    let owner = (p.saturating_sub(3)..p).rev().find_map(|w| {
        let r = ref_ending(s, w + 1).or_else(|| {
            s.sc.refs.iter().find(|r| s.sc.words[w].contains(r.span) && s.word(w).contains('-'))
        })?;
        let between = (w + 1..p).all(|x| modifier(s, x));
        (between && !not_party(v, s, r.span.end)).then_some(r)
    })?;
    // The figure's clause spells the proposal out: `that`, a verb of the
    // plan, or the plan as a frame (`Under the US plan, …`).
    let next = p + 1;
    let frame = owner.word > 0 && preposition(s, phrase_before(s, owner.word) - 1);
    let spelled = relative_word(s, next)
        || auxiliary(v, s, next)
        || claiming(v, s, next)
        || frame && punct_before(s, next, &[',']);
    // (Another party's statement between is that party's: `the US plan,
    // which Zelensky said would cost Ukraine 20%`.)
    let other = s.sc.refs.iter().any(|r| {
        r.word > p
            && r.word < f.start
            && r.party != owner.party
            && (r.word_end..(r.word_end + 3).min(f.start)).any(|k| claiming(v, s, k))
    });
    (spelled && !other).then_some(owner.party)
}

/// The first word of the noun phrase that ends with word `w`, over
/// articles and modifiers (`the US` of `Under the US plan`).
fn phrase_before(s: &Sentence, w: usize) -> usize {
    let mut k = w;
    while k > 1 && s.words.articles.contains(s.lower_word(k - 1)) {
        k -= 1;
    }
    k.max(1)
}

/// The reference that starts at word `w`, if any.
fn ref_at<'s>(s: &'s Sentence, w: usize) -> Option<&'s PartyRef> {
    s.sc.refs.iter().find(|r| r.word == w)
}

/// The reference that ends right before word `w`, if any.
fn ref_ending<'s>(s: &'s Sentence, w: usize) -> Option<&'s PartyRef> {
    s.sc.refs.iter().find(|r| r.word_end == w)
}

/// A word that may stand in a noun phrase before its head: an article, or
/// a lower-case modifier (`unconditional`, `immediate`, `Easter`).
fn modifier(s: &Sentence, k: usize) -> bool {
    let l = s.lower_word(k);
    s.words.articles.contains(l)
        || !s.is_verbish(k)
            && !preposition(s, k)
            && s.sc.refs.iter().all(|r| r.word != k)
            && !s.words.that.contains(l)
            && !punct_before(s, k, &[',', ';', ':'])
}

/// Is the reference that ends at byte `end` the first part of a word that
/// makes it no party (`US-based`)?
fn not_party(v: &Vocab, s: &Sentence, end: usize) -> bool {
    s.text[end..].strip_prefix('-').is_some_and(|rest| {
        let part = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        in_set(&v.not_party_suffixes, part)
    })
}

/// `Putin's 30-hour truce`, `Kyiv's own 30-day idea`.
fn possessive(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    (f.start.saturating_sub(2)..=f.start).rev().find_map(|w| {
        let r = ref_ending(s, w)?;
        let between = (w..f.start).all(|k| modifier(s, k));
        (between && s.owner_form(r) && !not_party(v, s, r.span.end)).then_some(r.party)
    })
}

/// Is word `k` a preposition?
fn preposition(s: &Sentence, k: usize) -> bool {
    s.cue_at(k).is_some_and(|ms| ms.contains(&Meaning::Preposition))
}

/// Does word `k` name a proposal (`proposal`, `plan`, `offer`, `calls for`)?
fn proposal_word(v: &Vocab, s: &Sentence, k: usize) -> bool {
    has(&v.proposal_nouns, s, k)
        || s.cue_at(k).is_some_and(|ms| ms.iter().any(|m| matches!(m, Meaning::Stance(Stance::Proposes))))
}

/// `the US plan for a 30-day truce`, `Moscow's offer of two-day pauses`:
/// the owner right before a proposal noun that the figure's phrase follows.
fn proposal_of(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    let mut k = f.start;
    // Back over the figure's article and modifiers.
    for _ in 0..3 {
        if k == 0 || preposition(s, k - 1) || !modifier(s, k - 1) {
            break;
        }
        k -= 1;
    }
    if k < 3 || !preposition(s, k - 1) || punct_before(s, k - 1, &[',', ';', ':']) {
        return None;
    }
    let noun = k - 2;
    if !proposal_word(v, s, noun) {
        return None;
    }
    // The owner: within two words before the noun (`the US ceasefire
    // proposal`, `Washington's proposal`).
    (noun.saturating_sub(3)..noun).rev().find_map(|w| {
        let r = ref_ending(s, w + 1)?;
        let between = (r.word_end..noun).all(|x| modifier(s, x));
        (between && !not_party(v, s, r.span.end)).then_some(r.party)
    })
}

/// `the US-proposed 30-day truce`: a party joined to a participle.
fn hyphenated(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    (f.start.saturating_sub(3)..f.start).rev().find_map(|k| {
        let word = s.sc.words[k];
        let (_, part) = s.word(k).rsplit_once('-')?;
        if !v.owner_participles.word(part) {
            return None;
        }
        s.sc.refs.iter().find(|r| word.contains(r.span)).map(|r| r.party)
    })
}

/// Where the noun phrase the figure heads ends: after the figure's words
/// and up to three more (`30-day Easter ceasefire`), at a comma, a verb or a
/// reference.
fn phrase_end(s: &Sentence, f: &Found) -> usize {
    let mut k = f.end;
    while k < s.len() && k < f.end + 3 && !punct_before(s, k, &[',', ';', ':', '.', '(']) && modifier(s, k) {
        k += 1;
    }
    k
}

/// `a 30-day truce (, first) proposed by Washington`.
fn passive_agent(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    let mut k = phrase_end(s, f);
    if k < s.len() && auxiliary(v, s, k) {
        k += 1;
    }
    let len = v.owner_participles.at(s, k)?;
    if !s.words.agent_prepositions.contains(s.lower_word(k + len)) {
        return None;
    }
    // The agent, over an article or a title (`by President Vladimir
    // Putin`).
    let from = k + len + 1;
    (from..(from + 4).min(s.len()))
        .take_while(|&j| j == from || !punct_before(s, j, &[',', ';', ':']))
        .find_map(|j| ref_at(s, j))
        .filter(|r| {
            (from..r.word).all(|j| {
                s.words.articles.contains(s.lower_word(j)) || s.word(j).starts_with(char::is_uppercase)
            }) && !not_party(v, s, r.span.end)
        })
        .map(|r| r.party)
}

/// `the four regions Moscow claims`, `the four regions that Russia claims`,
/// `a 30-day moratorium on strikes that Putin agreed to`, `30 days: the
/// Easter truce Putin declared`, `a 30-day truce, the proposal Rubio
/// brought`: a reference after the figure's phrase, followed by a verb of
/// claiming or proposing.
fn relative(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    let mut k = phrase_end(s, f);
    if punct_before(s, k, &[',', ':']) {
        // An apposition: `, the proposal`, `: the Easter truce`.
        let noun = (k..(k + 4).min(s.len()))
            .take_while(|&j| j == k || !punct_before(s, j, &[',', ';', ':']))
            .find(|&j| proposal_word(v, s, j))?;
        if !(k..noun).all(|j| modifier(s, j)) {
            return None;
        }
        k = noun + 1;
    } else {
        // `that`, `which` after the phrase and a prepositional phrase (`a
        // 30-day moratorium on strikes against energy sites that …`).
        if let Some(j) = (k..(k + 6).min(s.len()))
            .take_while(|&j| !punct_before(s, j, &[',', ';', ':']) && ref_at(s, j).is_none())
            .find(|&j| relative_word(s, j))
        {
            k = j;
        }
    }
    if relative_word(s, k) {
        k += 1;
    }
    // The reference, over an article or a title (`Secretary of State Marco
    // Rubio`, `Mr Putin`).
    let mut r = (k..(k + 5).min(s.len()))
        .take_while(|&j| j == k || !punct_before(s, j, &[',', ';', ':']) && !s.is_verbish(j))
        .find_map(|j| ref_at(s, j))?;
    let title =
        |j: usize| s.words.articles.contains(s.lower_word(j)) || s.word(j).starts_with(char::is_uppercase);
    if s.possessive(r) || not_party(v, s, r.span.end) || !(k..r.word).all(title) {
        return None;
    }
    // A title and a name of one party (`Secretary of State` `Marco Rubio`).
    while let Some(next) = ref_at(s, r.word_end).filter(|n| n.party == r.party) {
        r = next;
    }
    let verb = (r.word_end..(r.word_end + 3).min(s.len())).find(|&j| claiming(v, s, j))?;
    (r.word_end..verb).all(|j| auxiliary(v, s, j)).then_some(r.party)
}

/// `that`, `which`, `who`: a relative clause opens.
fn relative_word(s: &Sentence, k: usize) -> bool {
    s.words.that.contains(s.lower_word(k)) || matches!(s.lower_word(k), "which" | "who")
}

/// An auxiliary or adverb between a subject and its verb (`has`, `had
/// been`, `still`).
fn auxiliary(v: &Vocab, s: &Sentence, k: usize) -> bool {
    let w = s.lower_word(k);
    s.words.passive_auxiliaries.contains(w)
        || s.words.between_subject_and_verb.contains(w)
        || s.words.adverb_endings.end(w)
        || v.auxiliaries.contains(w)
}

/// A verb of stating, claiming or proposing at word `k`.
fn claiming(v: &Vocab, s: &Sentence, k: usize) -> bool {
    v.source_verbs.at(s, k).is_some()
        || v.owner_participles.at(s, k).is_some()
        || s.cue_at(k).is_some_and(|ms| {
            ms.iter().any(|m| matches!(m, Meaning::Speech | Meaning::Stance(Stance::Proposes)))
        })
}

/// `It was Washington that proposed a 30-day truce`.
fn cleft(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    (0..f.start).rev().find_map(|c| {
        let len = v.cleft_openers.at(s, c)?;
        if c > 0 && !punct_before(s, c, &[',', ';', ':', '.']) {
            return None;
        }
        let mut k = c + len;
        while k < s.len() && s.words.articles.contains(s.lower_word(k)) {
            k += 1;
        }
        let r = ref_at(s, k)?;
        let that = s.lower_word(r.word_end);
        let opens = s.words.that.contains(that) || that == "who";
        (opens && !s.clause_break(r.word_end + 1, f.start)).then_some(r.party)
    })
}

/// The party that states, estimates or sets the number: the nearest
/// subject before it with a verb of saying, estimating, proposing or
/// demanding (`Zelensky puts the number at nearly 3,000`, `Gerasimov
/// estimated the losses at`, `Trump gave Moscow 50 days`, `Kyiv has been
/// calling for a truce of at least 30 days`). A subject that acts (`Russia
/// controls about a fifth`) is passed over: that number is the writer's.
/// `Some(None)`: a number both sides agreed, or one a speaker who is none of
/// the parties states (`Western officials point out that …`) after any
/// party's verb.
fn stated(v: &Vocab, s: &Sentence, f: &Found) -> Option<Option<PartyId>> {
    match (party_stated(v, s, f), other_stated(v, s, f)) {
        (Some((verb, _)), Some((other, p))) if other > verb => Some(p),
        (Some((_, p)), _) | (None, Some((_, p))) => Some(p),
        (None, None) => None,
    }
}

/// The nearest party before the figure that is the subject of a verb of
/// stating, estimating or proposing: the verb, and the party (none for a
/// number both sides agreed).
fn party_stated(v: &Vocab, s: &Sentence, f: &Found) -> Option<(usize, Option<PartyId>)> {
    for r in s.sc.refs.iter().rev().filter(|r| r.word_end <= f.start) {
        if (r.word_end..=f.start).any(|k| punct_before(s, k, &[';'])) {
            break;
        }
        // (`If Russia wants peace, it can extend this to 30 days`: the
        // subject of a condition states nothing.)
        let subordinate = r.word > 0 && has(&v.subordinators, s, phrase_before(s, r.word) - 1);
        if not_party(v, s, r.span.end) || s.object_of_verb(r) || s.addressee(r) || subordinate {
            continue;
        }
        // The verb: after the reference, a possessive's role (`Russia's
        // General Staff put`), or an apposition (`Kyiv, backed by its
        // allies, has been pressing`).
        let start = if s.possessive(r) {
            match s.role_after(r.word_end) {
                Some(j) => j,
                None => continue,
            }
        } else if s.after_preposition(r) && !role_of(s, r) {
            continue;
        } else {
            s.skip_apposition(r, 10)
        };
        let Some(verb) = (start..(start + 4).min(f.start)).find(|&k| claiming(v, s, k)) else { continue };
        // (`TASS: Western officials say`: a label is no subject.)
        let from = if start == r.word_end { start } else { start + 1 };
        if punct_before(s, r.word_end, &[':', ';'])
            || (from..=verb).any(|k| punct_before(s, k, &[',', ';', ':']))
        {
            continue;
        }
        // `Putin agreed in a call with Trump to halt strikes for 30 days`: a
        // number both sides agreed is no one's.
        if agreed_with(s, r, verb, f) {
            return Some((verb, None));
        }
        return Some((verb, Some(institution_party(v, s, r))));
    }
    None
}

/// The nearest verb of stating before the figure whose subject is a
/// common noun that names no party (`Western officials point out`,
/// `analysts say`): where it is, and the party of a bare shared institution
/// (`the defence ministry claimed`), which speaks for the nearest country.
fn other_stated(v: &Vocab, s: &Sentence, f: &Found) -> Option<(usize, Option<PartyId>)> {
    let verb = |k: usize| {
        v.source_verbs.at(s, k).is_some() || s.cue_at(k).is_some_and(|ms| ms.contains(&Meaning::Speech))
    };
    for k in (1..f.start).rev() {
        if punct_before(s, k + 1, &[';']) {
            return None;
        }
        if !verb(k) || s.in_quote(s.sc.words[k].start) {
            continue;
        }
        let mut j = k - 1;
        while j > 0 && auxiliary(v, s, j) && !punct_before(s, j + 1, &[',', ';', ':']) {
            j -= 1;
        }
        if punct_before(s, j + 1, &[',', ';', ':', '"', '\u{201d}']) {
            continue;
        }
        // `the defence ministry claimed`.
        if let Some(n) = v.shared_institutions.ending_before(s, j + 1) {
            if !s.sc.refs.iter().any(|r| r.word <= j && r.word_end > j) {
                let at = j + 1 - n;
                let party = s.sc.refs.iter().min_by_key(|r| r.word.abs_diff(at)).map(|r| r.party);
                return Some((k, party));
            }
        }
        let w = s.word(j);
        let g = s.words;
        let l = s.lower_word(j);
        let noun = w.chars().all(char::is_alphabetic)
            && (j == 0 || !w.starts_with(char::is_uppercase))
            && !(g.articles.contains(l)
                || g.determiners.contains(l)
                || g.clause_openers.contains(l)
                || g.that.contains(l)
                || g.complementizers.contains(l))
            && !g.contrast_words.contains(l)
            && !v.coordinators.contains(l)
            && s.cue_at(j).is_none()
            // A noun phrase's head: at the start of the clause, or after an
            // article or an adjective (`the ministry`, `Western officials`).
            && (j == 0
                || punct_before(s, j, &[',', ';', ':', '"', '\u{201c}'])
                || g.articles.contains(s.lower_word(j - 1))
                || g.determiners.contains(s.lower_word(j - 1))
                || s.word(j - 1).starts_with(char::is_uppercase))
            && !s.sc.refs.iter().any(|r| {
                r.word <= j
                    && r.word_end + 2 > j
                    && !(r.word_end..=j).any(|x| punct_before(s, x, &[',', ';', ':']))
            });
        if noun {
            return Some((k, None));
        }
    }
    None
}

/// An agreeing verb at `verb` with a partner of another party between it and
/// the figure (`agreed in a call with Trump to …`).
fn agreed_with(s: &Sentence, r: &PartyRef, verb: usize, f: &Found) -> bool {
    let agrees = s.cue_at(verb).is_some_and(|ms| ms.contains(&Meaning::Stance(Stance::Supports)));
    agrees
        && s.sc.refs.iter().any(|o| {
            o.party != r.party
                && o.word > verb
                && o.word < f.start
                && (verb..o.word).any(|k| s.words.partner_prepositions.contains(s.lower_word(k)))
        })
}

/// `the chief of the General Staff reported`: a reference after `of` in a
/// subject that names a role.
fn role_of(s: &Sentence, r: &PartyRef) -> bool {
    let mut k = r.word;
    while k > 0 && s.words.articles.contains(s.lower_word(k - 1)) {
        k -= 1;
    }
    k >= 2 && s.lower_word(k - 1) == "of" && !(0..k - 1).any(|j| s.is_verbish(j))
}

/// A reference's party; a bare institution every party has (`the General
/// Staff`) speaks for the nearest country the sentence names.
fn institution_party(v: &Vocab, s: &Sentence, r: &PartyRef) -> PartyId {
    let first = s.sc.word_at(r.span.start);
    let shared = v.shared_institutions.at(s, first).is_some_and(|k| first + k == r.word_end);
    if !shared {
        return r.party;
    }
    // `Russia's General Staff`, `the Russian General Staff`, `the General
    // Staff of the Russian armed forces`.
    if let Some(q) = ref_ending(s, r.word) {
        return q.party;
    }
    if s.words.owner_prepositions.contains(s.lower_word(r.word_end)) {
        let mut k = r.word_end + 1;
        while k < s.len() && s.words.articles.contains(s.lower_word(k)) {
            k += 1;
        }
        if let Some(q) = ref_at(s, k) {
            return q.party;
        }
    }
    s.sc.refs
        .iter()
        .filter(|o| o.party != r.party)
        .min_by_key(|o| o.word.abs_diff(r.word))
        .map_or(r.party, |o| o.party)
}

/// Is the holder the source `according to` names (`according to the
/// Russian defence ministry`, `according to figures from Ukraine's General
/// Staff`), not a party after it (`according to analysts, Russian troops
/// …`)?
fn according_to(v: &Vocab, s: &Sentence, h: &Holder) -> bool {
    !not_party(v, s, h.span.end)
        && s.sc.cues.iter().any(|c| {
            c.meanings.contains(&Meaning::According)
                && h.word >= c.word_end
                && h.word <= c.word_end + 6
                && !(c.word_end..=h.word).any(|k| punct_before(s, k, &[',', ';', ':']))
        })
}

/// `…, Russia's defence ministry claimed.`: a tag that ends the sentence,
/// a comma, the speaker and a speech verb (not `…, and Zelensky said on
/// Monday that …`, a clause of its own).
fn tag_after(v: &Vocab, s: &Sentence, f: &Found) -> Option<PartyId> {
    let comma = (f.end..s.len()).find(|&k| punct_before(s, k, &[',']))?;
    let r = (comma..(comma + 3).min(s.len())).find_map(|k| ref_at(s, k))?;
    if !(comma..r.word).all(|k| s.words.articles.contains(s.lower_word(k)) || modifier(s, k)) {
        return None;
    }
    let start = if s.possessive(r) { s.role_after(r.word_end)? } else { r.word_end };
    let verb = (start..(start + 3).min(s.len()))
        .find(|&k| s.cue_at(k).is_some_and(|ms| ms.contains(&Meaning::Speech)))?;
    let ends = verb + 1 == s.len() || punct_before(s, verb + 1, &[',', ';', '.']);
    ((start..verb).all(|k| auxiliary(v, s, k)) && ends && !s.in_quote(s.sc.words[verb].start))
        .then(|| institution_party(v, s, r))
}

/// The speaker whose words hold the figure.
fn speaker(v: &Vocab, s: &Sentence, f: &Found, holders: &[Holder]) -> Option<PartyId> {
    let speakers = || holders.iter().filter(|h| h.via == Via::Speaker && !not_party(v, s, h.span.end));
    speakers().filter(|h| h.scope_start <= f.number).max_by_key(|h| h.scope_start).map(|h| h.party)
}
