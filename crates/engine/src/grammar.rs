//! The per-sentence view every stage after the scan reads, and the
//! positional tests the construction rules are made of.
//!
//! [`Sentence`] bundles a sentence's text, its scan and its quotes (spaCy's
//! `Doc`, for one sentence). Its methods answer small grammatical
//! questions: is this reference possessive, after a preposition, followed
//! by a verb; where does this clause end. None of them looks outside the
//! sentence, and none of them writes anything.
//!
//! The closed-class words these tests read (articles, determiners, clause
//! openers, word endings) come from the profile's `lexicon.grammar`,
//! compiled once into [`Words`].

use crate::ids::Stance;
use crate::quotes::QuoteView;
use crate::scan::{Meaning, PartyRef, RefKind, Scanned};
use crate::segment::Segment;
use crate::span::Span;

mod words;

pub(crate) use words::{WordSet, Words};

/// One sentence as the stages after the scan see it.
pub(crate) struct Sentence<'a, 'p> {
    /// Its index among the text's sentences.
    pub index: usize,
    pub seg: Segment,
    /// The whole text, and the whole text in lower case (same offsets).
    pub text: &'a str,
    pub lower: &'a str,
    pub sc: &'a Scanned<'p>,
    pub quotes: QuoteView<'a>,
    pub words: &'a Words,
}

impl<'a, 'p> Sentence<'a, 'p> {
    /// The number of words.
    pub(crate) fn len(&self) -> usize {
        self.sc.words.len()
    }

    /// Word `i` as written.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        &self.text[self.sc.words[i].range()]
    }

    /// Word `i` in lower case (`""` past the end).
    pub(crate) fn lower_word(&self, i: usize) -> &'a str {
        self.sc.words.get(i).map_or("", |w| &self.lower[w.range()])
    }

    /// The text between words `a - 1` and `b` (`a >= 1`).
    pub(crate) fn gap(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.sc.words[a - 1].end..self.sc.words[b].start]
    }

    /// Is there a comma right before word `k`?
    pub(crate) fn comma_before(&self, k: usize) -> bool {
        k > 0 && self.gap(k, k).contains(',')
    }

    /// Is byte `pos` inside a quote?
    pub(crate) fn in_quote(&self, pos: usize) -> bool {
        self.quotes.in_quote(pos)
    }

    /// The meanings of the cue that starts at word `word`.
    pub(crate) fn cue_at(&self, word: usize) -> Option<&'p [Meaning]> {
        self.sc.cue_at(word).map(|c| c.meanings)
    }

    fn cue_means(&self, word: usize, m: Meaning) -> bool {
        self.sc.cue_at(word).is_some_and(|c| c.means(m))
    }

    /// Is word `i` a negator (`not`, `never`)?
    pub(crate) fn negator(&self, i: usize) -> bool {
        self.cue_means(i, Meaning::Negator)
    }

    /// Does word `i` open a predicate: a verb, a speech or stance word, or
    /// an auxiliary or adverb the profile lists with the verbs?
    pub(crate) fn is_verbish(&self, i: usize) -> bool {
        self.cue_at(i).is_some_and(|ms| {
            ms.iter().any(|m| matches!(m, Meaning::Stance(_) | Meaning::Speech | Meaning::Verb))
        })
    }

    /// Is the sentence a question: it ends with `?`, or it is mostly quoted
    /// and the quote asks one?
    pub(crate) fn is_question(&self) -> bool {
        let s = &self.text[self.seg.span.range()];
        s.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'']).ends_with('?')
            || (self.quotes.mostly_quoted && s.contains('?'))
    }

    /// `Russia's`, `Russians'`.
    pub(crate) fn possessive(&self, r: &PartyRef) -> bool {
        let rest = &self.text[r.span.end..];
        rest.starts_with("'s")
            || rest.starts_with("\u{2019}s")
            || rest.starts_with("s'")
            || rest.starts_with("s\u{2019}")
    }

    /// `his`, `its`, `their`.
    pub(crate) fn possessive_pronoun(&self, r: &PartyRef) -> bool {
        self.words.possessive_pronouns.contains(&self.lower[r.span.range()])
    }

    /// A possessive alias, or a possessive pronoun.
    pub(crate) fn owner_form(&self, r: &PartyRef) -> bool {
        self.possessive(r) || r.kind == RefKind::Pronoun && self.possessive_pronoun(r)
    }

    /// Is the reference the object of a preposition (over articles and
    /// quantifiers: `with the Kremlin`, `for both`)?
    /// Is `r` the party of an unnamed speaker described by where it
    /// belongs: `a source in the Ukrainian delegation`, `officials from the
    /// Russian side`, `people close to the Kremlin`?
    pub(crate) fn member_of(&self, r: &PartyRef) -> bool {
        let mut i = r.word;
        while i > 0 && self.words.articles.contains(self.lower_word(i - 1)) {
            i -= 1;
        }
        // `in`, `from`; `close to` (two words).
        let Some(p) = i.checked_sub(1) else { return false };
        let noun = if self.words.member_prepositions.contains(self.lower_word(p)) {
            p.checked_sub(1)
        } else {
            p.checked_sub(2).filter(|&k| {
                self.words.member_prepositions.contains(&format!(
                    "{} {}",
                    self.lower_word(k + 1),
                    self.lower_word(p)
                ))
            })
        };
        noun.is_some_and(|k| self.words.source_nouns.contains(self.lower_word(k)))
    }

    pub(crate) fn after_preposition(&self, r: &PartyRef) -> bool {
        let mut i = r.word;
        while i > 0 {
            i -= 1;
            let w = self.lower_word(i);
            if self.words.articles.contains(w) || self.words.quantifiers.contains(w) {
                continue;
            }
            // (Or the last word of a preposition of several: `вместе с`.)
            return self.cue_means(i, Meaning::Preposition)
                || self.words.cased()
                    && self
                        .sc
                        .cues
                        .iter()
                        .any(|c| c.word < i && c.word_end == i + 1 && c.means(Meaning::Preposition));
        }
        false
    }

    /// Where a subject's verb would be: after the reference, over an
    /// apposition (`Peskov, the Kremlin spokesman, said`).
    pub(crate) fn skip_apposition(&self, r: &PartyRef, limit: usize) -> usize {
        let j = r.word_end;
        if !self.text[r.span.end..].trim_start().starts_with(',') {
            return j;
        }
        let mut commas = 0;
        let mut m = j;
        while m < self.len() && m < j + limit {
            if self.gap(m, m).contains(',') {
                commas += 1;
                if commas == 2 {
                    return m;
                }
            }
            m += 1;
        }
        j
    }

    /// Is the reference followed by a verb (after an optional apposition),
    /// as a subject is?
    pub(crate) fn followed_by_verb(&self, r: &PartyRef) -> bool {
        let j = self.skip_apposition_loose(r);
        (j..(j + 3).min(self.len())).any(|k| self.is_verbish(k))
    }

    /// [`Sentence::skip_apposition`] that stops where the commas run out
    /// (the pronoun rule's older reading: it keeps the position reached).
    fn skip_apposition_loose(&self, r: &PartyRef) -> usize {
        let mut j = r.word_end;
        if self.text[r.span.end..].trim_start().starts_with(',') {
            let mut commas = 0;
            while j < self.len() && j < r.word_end + 10 && commas < 2 {
                if self.gap(j, j).contains(',') {
                    commas += 1;
                    if commas == 2 {
                        break;
                    }
                }
                j += 1;
            }
        }
        j
    }

    /// Where the clause that starts at word `start` ends: at a semicolon,
    /// or at a comma followed by a coordinating word (`, and the United
    /// States restored…`), which opens a new main clause.
    pub(crate) fn clause_end(&self, start: usize) -> usize {
        for i in start.max(1)..self.len() {
            let gap = self.gap(i, i);
            if gap.contains(';') {
                return i;
            }
            if gap.contains(',')
                && self.words.clause_openers.contains(self.lower_word(i))
                // `…, but wanted to know…` goes on with the same subject
                // (`…, однак одразу заговорив …`, over an adverb).
                && !self.is_verbish(i + 1)
                && !(self.words.cased() && (i + 1..i + 3).any(|k| crate::holders::cased::finite(self, k)))
            {
                return i;
            }
        }
        self.len()
    }

    /// A sentence or clause boundary between words `a` and `b`: a semicolon,
    /// a colon, a closing quote, or a `that`.
    pub(crate) fn clause_break(&self, a: usize, b: usize) -> bool {
        if a == 0 || b <= a || b > self.len() {
            return false;
        }
        let gap = self.gap(a, b);
        gap.contains([';', ':', '\u{201d}', '"'])
            || self.words.that_padded.iter().any(|t| gap.contains(t.as_str()))
    }

    /// After a possessive (`Russia's top general`, `its delegation`): when
    /// a role noun follows within three words, the index of the word after
    /// the role phrase (where its verb would be).
    pub(crate) fn role_after(&self, i: usize) -> Option<usize> {
        (i..(i + 3).min(self.len()))
            .find_map(|k| self.words.roles.contains(self.lower_word(k)).then_some(k + 1))
    }

    /// The cue right before a reference (over a definite article): the verb
    /// that governs it, if any (`urged the Kremlin`).
    pub(crate) fn governor(&self, r: &PartyRef) -> Option<&'p [Meaning]> {
        let before = if r.word > 1 && self.words.definite_articles.contains(self.lower_word(r.word - 1)) {
            r.word - 1
        } else {
            r.word
        };
        before.checked_sub(1).and_then(|k| self.cue_at(k))
    }

    /// The object of a verb that takes a person (`accused Moscow of …`,
    /// `urged the Kremlin to …`): not the subject of what follows.
    pub(crate) fn object_of_verb(&self, r: &PartyRef) -> bool {
        self.governor(r)
            .is_some_and(|ms| ms.iter().any(|m| matches!(m, Meaning::Request | Meaning::Addressee)))
    }

    /// The addressee of a verb right before the reference (`told Trump
    /// that`), or the object of a verb of meeting or handing over (`met
    /// Putin`, `handed the Ukrainians a memorandum`): not a new subject.
    pub(crate) fn addressee(&self, r: &PartyRef) -> bool {
        if r.word > 0 && self.cue_means(r.word - 1, Meaning::Addressee) {
            return true;
        }
        let i = self.phrase_start(r, &WordSet::default());
        i.checked_sub(1).is_some_and(|v| {
            let w = self.lower_word(v);
            self.words.talks_verbs.contains(w) || self.words.handover_verbs.contains(w)
        })
    }

    /// A word with a definite or possessive determiner (`the territory`,
    /// `our land`): it refers back to something already in the discourse.
    pub(crate) fn determined(&self, s: Span) -> bool {
        let w = self.sc.word_at(s.start);
        w > 0 && self.words.definite_determiners.contains(self.lower_word(w - 1))
    }

    /// A request verb at words `w..we` that asks someone to do something:
    /// `asked Putin to spare`, `urged them to accept`, not `was asked to
    /// comment` (passive) or `asked about the truce`.
    pub(crate) fn request(&self, w: usize, we: usize) -> bool {
        if self.words.cased() {
            return crate::holders::cased::request(self, w, we);
        }
        let passive = w > 0 && self.words.passive_auxiliaries.contains(self.lower_word(w - 1));
        if passive {
            return false;
        }
        // The object: one to five words, then `to` and a verb. The object
        // holds no verb of its own: in `told reporters Kyiv would be glad
        // to sign`, `told` reports what was said, it asks nothing.
        let last = (we + 6).min(self.len().saturating_sub(1));
        let clause = (we + 1..last).find(|&k| {
            let w = self.lower_word(k);
            self.words.modals.contains(w)
                || self.words.passive_auxiliaries.contains(w)
                || self.words.that.contains(w)
        });
        (we + 1..clause.unwrap_or(last)).any(|k| {
            self.words.infinitive_markers.contains(self.lower_word(k)) && {
                let next = self.word(k + 1);
                next.starts_with(|c: char| c.is_lowercase())
                    && !self.words.determiners.contains(self.lower_word(k + 1))
                    && !self.sc.topic_terms.iter().any(|(s, _)| s.start == self.sc.words[k + 1].start)
            }
        })
    }

    /// The stance label of the noun right after word `i`, if it names a
    /// position or an action (`proposal`, `support`, `offensive`). One
    /// modifier or topic word may stand in between (`US ceasefire proposal`).
    pub(crate) fn noun_label(&self, i: usize) -> Option<Stance> {
        for j in i..i + 3 {
            if j >= self.len() {
                return None;
            }
            let w = self.lower_word(j);
            if let Some(l) = self.sc.cue_at(j).and_then(|c| c.stances().next()) {
                // A verb is no noun: `Putin pressed for`, `troops are
                // pressing on` (a past or participle form of a proposal
                // word, where the lexicon lists verbs and nouns alike).
                let verb = self.words.past_participle(w) || j > i && self.words.participle_endings.end(w);
                return (!verb).then_some(l);
            }
            // (An auxiliary or modal is the verb that follows a subject.)
            if self.words.passive_auxiliaries.contains(w) || self.words.modals.contains(w) {
                return None;
            }
            let is_topic = self.sc.topic_terms.iter().any(|(s, _)| s.start == self.sc.words[j].start);
            if !(is_topic || self.words.modifier_by_ending(w) || w.len() <= 3 || w.contains('-')) {
                return None;
            }
        }
        None
    }

    /// The condition clause a connective opens at word `k` (`only if Kyiv
    /// withdraws its troops`): the words after the connective up to the
    /// next comma, semicolon, colon or closing quote. None when `k` opens
    /// no condition: no connective there, or an indirect question after a
    /// verb of asking or saying (`asked if`, `did not say if`).
    pub(crate) fn condition_clause(&self, k: usize) -> Option<(usize, usize)> {
        let c = self.sc.cue_at(k).filter(|c| c.means(Meaning::Condition))?;
        let asked = k > 0
            && self.cue_at(k - 1).is_some_and(|ms| {
                ms.iter().any(|m| matches!(m, Meaning::Speech | Meaning::Stance(Stance::Questions)))
            });
        if asked {
            return None;
        }
        let end = (c.word_end + 1..self.len())
            .find(|&i| self.gap(i, i).contains([',', ';', ':', '\u{201d}', '"', '\u{2014}']))
            .unwrap_or(self.len());
        Some((c.word_end, end))
    }

    /// The condition clause word `i` stands in, if any.
    pub(crate) fn in_condition(&self, i: usize) -> Option<(usize, usize)> {
        self.sc
            .cues
            .iter()
            .take_while(|c| c.word < i)
            .filter(|c| c.means(Meaning::Condition))
            .filter_map(|c| self.condition_clause(c.word))
            .find(|&(a, b)| a <= i && i < b)
    }

    /// Is the reference the subject of a condition clause (`if Kyiv
    /// refuses`, `unless Moscow agrees`): a hypothesis, not a position?
    pub(crate) fn condition_subject(&self, r: &PartyRef) -> bool {
        let mut i = r.word;
        while i > 0 && {
            let w = self.lower_word(i - 1);
            self.words.articles.contains(w) || self.words.quantifiers.contains(w)
        } {
            i -= 1;
        }
        self.in_condition(r.word).is_some_and(|(a, _)| a == i)
    }

    /// Is the reference the one a demand or request is made of (`demanded
    /// that Kyiv withdraw`, `wants Ukraine to leave`, `pressed for Ukraine
    /// to hand over`): right after a verb of demanding, pressing or asking,
    /// over `that` and an article?
    pub(crate) fn asked_of(&self, r: &PartyRef) -> bool {
        let mut i = r.word;
        while i > 0 && {
            let w = self.lower_word(i - 1);
            self.words.articles.contains(w) || self.words.that.contains(w)
        } {
            i -= 1;
        }
        i > 0
            && self.sc.cues.iter().any(|c| {
                c.word_end == i
                    && c.meanings.iter().any(|m| {
                        matches!(m, Meaning::Request | Meaning::Stance(Stance::Demands | Stance::Proposes))
                    })
            })
    }

    /// Is the reference the subject of an obligation (`Moscow must
    /// withdraw`, `Киев должен вывести войска`, `Росія має закінчити
    /// війну`): an obligation word right after it, or after one word more?
    /// Inside another's statement that is the speaker's demand.
    pub(crate) fn obliged(&self, r: &PartyRef) -> bool {
        self.words.obligations.contains(self.lower_word(r.word_end))
            || self.words.obligations.contains(self.lower_word(r.word_end + 1))
    }

    /// Is the reference the focus of a cleft (`It was Washington that
    /// proposed the truce`, `… and Kyiv that accepted it`): `it` and a form
    /// of `be` before it (over an article), or a coordinator after such a
    /// cleft earlier in the sentence, and `that` or `who` right after it?
    /// The focus is the subject of the verb after `that`.
    pub(crate) fn cleft_focus(&self, r: &PartyRef) -> bool {
        let after = r.word_end;
        let opens = |i: usize| {
            i >= 2
                && self.words.passive_auxiliaries.contains(self.lower_word(i - 1))
                && self.words.neuter_subjects.contains(self.lower_word(i - 2))
        };
        let i = self.phrase_start(r, &WordSet::default());
        after < self.len()
            && self.words.relative_pronouns.contains(self.lower_word(after))
            && (opens(i)
                || i >= 1 && self.words.coordinators.contains(self.lower_word(i - 1)) && (2..i).any(opens))
    }

    /// Is the word `w` the `it` that opens a cleft (`It was Washington that
    /// …`): a form of `be` after it, then a party and `that` or `who`?
    pub(crate) fn cleft_it(&self, w: usize) -> bool {
        w + 2 < self.len()
            && self.words.neuter_subjects.contains(self.lower_word(w))
            && self.words.passive_auxiliaries.contains(self.lower_word(w + 1))
            && self.sc.refs.iter().any(|r| r.word > w + 1 && r.word <= w + 3 && self.cleft_focus(r))
    }

    /// Is the speech verb at word `w` a tag after a quote (`…,” said X`)?
    pub(crate) fn tag_position(&self, w: usize) -> bool {
        w > 0 && self.in_quote(self.sc.words[w - 1].start)
    }

    /// The first word of the noun phrase a reference heads, over articles
    /// and `extra` words before it (`the top`, `a senior`).
    pub(crate) fn phrase_start(&self, r: &PartyRef, extra: &WordSet) -> usize {
        let mut i = r.word;
        while i > 0 && {
            let w = self.lower_word(i - 1);
            self.words.articles.contains(w) || extra.contains(w)
        } {
            i -= 1;
        }
        i
    }
}

#[cfg(test)]
pub(crate) mod tests;
