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

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use crate::ids::Stance;
use crate::profile::Lexicon;
use crate::quotes::QuoteView;
use crate::scan::{Meaning, PartyRef, RefKind, Scanned};
use crate::segment::Segment;
use crate::span::Span;

/// A small, fast hasher for short words (FNV-1a).
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of lower-case words, with a cheap filter in front: most words
/// asked about are rejected by their length or first byte alone.
#[derive(Default)]
pub(crate) struct WordSet {
    set: HashSet<Box<[u8]>, BuildHasherDefault<WordHasher>>,
    /// Bit `n` set: some word has `n` bytes (longer words share bit 63).
    lengths: u64,
    /// Bit `b` set: some word starts with byte `b`.
    firsts: [u64; 4],
}

impl WordSet {
    pub(crate) fn new(words: &[String]) -> WordSet {
        let mut s = WordSet::default();
        for w in words {
            let w = crate::text::fold_case(w).into_bytes();
            s.lengths |= 1 << w.len().min(63);
            if let Some(&b) = w.first() {
                s.firsts[b as usize / 64] |= 1 << (b % 64);
            }
            s.set.insert(w.into_boxed_slice());
        }
        s
    }

    /// Is `word` (already lower case) in the set?
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// Is the word whose lower-case bytes are `word` in the set?
    pub(crate) fn contains_bytes(&self, word: &[u8]) -> bool {
        let Some(&b) = word.first() else { return false };
        self.lengths & (1 << word.len().min(63)) != 0
            && self.firsts[b as usize / 64] & (1 << (b % 64)) != 0
            && self.set.contains(word)
    }

    /// Is the set empty?
    pub(crate) fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// The words, as bytes.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.set.iter().map(|w| &**w)
    }
}

/// Word endings (`-ly`, `-ed`).
#[derive(Default)]
pub(crate) struct Endings(Vec<Box<str>>);

impl Endings {
    fn new(words: &[String]) -> Endings {
        Endings(words.iter().map(|w| crate::text::fold_case(w).into_boxed_str()).collect())
    }

    /// Does `word` (lower case) end in one of the endings?
    pub(crate) fn end(&self, word: &str) -> bool {
        self.0.iter().any(|e| word.ends_with(&**e))
    }

    /// A present-tense verb ending: on a word of four letters or more, not
    /// doubled (`-s`, not `-ss`).
    fn end_present(&self, word: &str) -> bool {
        self.0.iter().any(|e| word.ends_with(&**e) && word.len() > 3 && !word.ends_with(&e.repeat(2)))
    }
}

/// The profile's closed-class words, compiled for the rules.
#[derive(Default)]
pub(crate) struct Words {
    pub articles: WordSet,
    pub definite_articles: WordSet,
    pub quantifiers: WordSet,
    pub determiners: WordSet,
    pub definite_determiners: WordSet,
    pub possessive_pronouns: WordSet,
    pub neuter_possessives: WordSet,
    pub neuter_subjects: WordSet,
    pub object_pronouns: WordSet,
    pub anonymous_subjects: WordSet,
    pub complementizers: WordSet,
    /// `that` with a space on either side, as it stands between two words.
    that_padded: Vec<String>,
    pub that: WordSet,
    pub question_openers: WordSet,
    pub clause_openers: WordSet,
    pub contrast_words: WordSet,
    pub passive_auxiliaries: WordSet,
    pub infinitive_markers: WordSet,
    pub agent_prepositions: WordSet,
    pub owner_prepositions: WordSet,
    pub partner_prepositions: WordSet,
    pub partner_modifiers: WordSet,
    pub talks_words: WordSet,
    pub between_subject_and_verb: WordSet,
    pub outcome_words: WordSet,
    pub modals: WordSet,
    pub intent_words: WordSet,
    pub opinion_verbs: WordSet,
    pub question_participles: WordSet,
    pub conditional_words: WordSet,
    pub relative_pronouns: WordSet,
    pub source_nouns: WordSet,
    pub member_prepositions: WordSet,
    pub first_person: WordSet,
    pub coordinators: WordSet,
    pub recipient_prepositions: WordSet,
    pub time_prepositions: WordSet,
    pub talks_verbs: WordSet,
    pub handover_verbs: WordSet,
    pub adverb_endings: Endings,
    pub participle_endings: Endings,
    past_endings: Endings,
    present_endings: Endings,
    modifier_endings: Endings,
    /// Nouns for a party's people after a possessive (`Russia's top general`).
    pub roles: WordSet,
    pub locative_prepositions: WordSet,
    pub plural_verb_endings: Endings,
    passive_participle_endings: Endings,
    pub relatives: WordSet,
    pub conjunctions: WordSet,
    pub infinitive_endings: Endings,
    pub statement_nouns: WordSet,
    pub conditionals: WordSet,
    pub together: WordSet,
    pub obligations: WordSet,
    pub negators: WordSet,
    /// Prepositions of one word (`щодо`, `about`).
    pub prepositions: WordSet,
    /// The language inflects (its profile has paradigms): references carry
    /// cases, and the rules for such languages apply
    /// ([`crate::holders`]' `cased` module).
    pub cased: bool,
    /// The topics that are theatres of operations (profile `actions_first`):
    /// a general word for land in a statement about one (`our territory`
    /// in a speech about Kursk) is about it.
    pub theatres: crate::ids::TopicSet,
    /// The topics that are outcomes the sides reach together (profile
    /// `agreed_outcome`): wanting one is proposing it.
    pub agreed: crate::ids::TopicSet,
    /// The words the topic rules read (profile `lexicon.topic_words`).
    pub topic: crate::topics::Vocab,
}

impl Words {
    /// Does the language inflect ([`Words::cased`])? Always false in a
    /// build without the `cased-languages` feature, so that the rules for
    /// such languages are compiled out.
    #[inline]
    pub fn cased(&self) -> bool {
        cfg!(feature = "cased-languages") && self.cased
    }

    /// The words of `lx`, and the theatres among the profile's topics.
    pub(crate) fn with_topics(lx: &Lexicon, topics: &[crate::profile::Topic]) -> Words {
        let ids = |f: fn(&crate::profile::Topic) -> bool| {
            topics
                .iter()
                .enumerate()
                .filter(|(_, t)| f(t))
                .map(|(i, _)| crate::ids::TopicId(i as u8))
                .collect()
        };
        Words { theatres: ids(|t| t.actions_first), agreed: ids(|t| t.agreed_outcome), ..Words::new(lx) }
    }

    pub(crate) fn new(lx: &Lexicon) -> Words {
        let g = &lx.grammar;
        // Every form of every word (`заявил{past}`).
        let set = |list: &[String]| WordSet::new(&crate::inflect::expand_all(list, &lx.inflections));
        let endings = |list: &[String]| Endings::new(&crate::inflect::expand_all(list, &lx.inflections));
        Words {
            articles: set(&g.articles),
            definite_articles: set(&g.definite_articles),
            quantifiers: set(&g.quantifiers),
            determiners: set(&g.determiners),
            definite_determiners: set(&g.definite_determiners),
            possessive_pronouns: set(&g.possessive_pronouns),
            neuter_possessives: set(&g.neuter_possessives),
            neuter_subjects: set(&g.neuter_subjects),
            object_pronouns: set(&g.object_pronouns),
            anonymous_subjects: set(&g.anonymous_subjects),
            complementizers: set(&g.complementizers),
            that_padded: g.that.iter().map(|w| format!(" {} ", crate::text::fold_case(w))).collect(),
            that: set(&g.that),
            question_openers: set(&g.question_openers),
            clause_openers: set(&g.clause_openers),
            contrast_words: set(&g.contrast_words),
            passive_auxiliaries: set(&g.passive_auxiliaries),
            infinitive_markers: set(&g.infinitive_markers),
            agent_prepositions: set(&g.agent_prepositions),
            owner_prepositions: set(&g.owner_prepositions),
            partner_prepositions: set(&g.partner_prepositions),
            partner_modifiers: set(&g.partner_modifiers),
            talks_words: set(&g.talks_words),
            between_subject_and_verb: set(&g.between_subject_and_verb),
            adverb_endings: endings(&g.adverb_endings),
            participle_endings: endings(&g.participle_endings),
            past_endings: endings(&g.past_endings),
            present_endings: endings(&g.present_endings),
            modifier_endings: endings(&g.modifier_endings),
            roles: set(&lx.roles),
            locative_prepositions: set(&g.locative_prepositions),
            plural_verb_endings: endings(&g.plural_verb_endings),
            passive_participle_endings: endings(&g.passive_participle_endings),
            relatives: set(&g.relatives),
            conjunctions: set(&g.conjunctions),
            infinitive_endings: endings(&g.infinitive_endings),
            statement_nouns: set(&g.statement_nouns),
            conditionals: set(&g.conditionals),
            together: set(&g.together),
            obligations: set(&g.obligations),
            negators: set(&lx.negators),
            prepositions: set(&lx.prepositions),
            cased: cfg!(feature = "cased-languages") && !lx.inflections.is_empty(),
            outcome_words: set(&g.outcome_words),
            modals: set(&g.modals),
            intent_words: set(&g.intent_words),
            opinion_verbs: set(&g.opinion_verbs),
            question_participles: set(&g.question_participles),
            conditional_words: set(&g.conditional_words),
            relative_pronouns: set(&g.relative_pronouns),
            coordinators: set(&g.coordinators),
            recipient_prepositions: set(&g.recipient_prepositions),
            time_prepositions: set(&g.time_prepositions),
            talks_verbs: set(&g.talks_verbs),
            handover_verbs: set(&g.handover_verbs),
            first_person: set(&g.first_person),
            source_nouns: set(&g.source_nouns),
            member_prepositions: set(&g.member_prepositions),
            theatres: crate::ids::TopicSet::EMPTY,
            agreed: crate::ids::TopicSet::EMPTY,
            topic: crate::topics::Vocab::new(&lx.topic_words),
        }
    }

    /// A word that looks like a finite verb by its ending (`rejected`,
    /// `wants`).
    pub(crate) fn verb_by_ending(&self, word: &str) -> bool {
        self.past_endings.end(word) || self.present_endings.end_present(word)
    }

    /// A word that may modify a noun by its ending (`firmly`, `proposed`,
    /// `peaceful`).
    pub(crate) fn modifier_by_ending(&self, word: &str) -> bool {
        self.modifier_endings.end(word)
    }

    /// A passive participle (`предложенный`), in a language with cases.
    pub(crate) fn participle_passive(&self, word: &str) -> bool {
        self.passive_participle_endings.end(word)
    }

    /// A participle used as an adjective after an article (`the proposed`).
    pub(crate) fn past_participle(&self, word: &str) -> bool {
        self.past_endings.end(word)
    }
}

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
        // The object: one to five words, then `to` and a verb.
        (we + 1..(we + 6).min(self.len().saturating_sub(1))).any(|k| {
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
            if let Some(l) = self.sc.cue_at(j).and_then(|c| c.stances().next()) {
                return Some(l);
            }
            let w = self.lower_word(j);
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
pub(crate) mod tests {
    use super::*;
    use crate::profile::Profile;
    use crate::quotes::Quotes;
    use crate::scan::Scanner;

    /// Run `f` on the one-sentence text `text` as the stages see it.
    pub(crate) fn with_sentence<R>(text: &str, f: impl FnOnce(&Sentence) -> R) -> R {
        let profile = Profile::default_profile();
        let scanner = Scanner::new(&profile);
        let words = Words::with_topics(&profile.lexicon, &profile.topics);
        let lower = crate::text::fold_case(text);
        let span = Span::new(0, text.len());
        let seg = Segment { span, paragraph: 0, kind: crate::UnitKind::Sentence };
        let quotes = Quotes::new(text, &lower, &[seg], Some(&scanner));
        let mut sc = Scanned::default();
        scanner.scan_sentence(text, &lower, span, &mut sc);
        let s = Sentence {
            index: 0,
            seg,
            text,
            lower: &lower,
            sc: &sc,
            quotes: quotes.view(span),
            words: &words,
        };
        f(&s)
    }

    fn first_ref<'s>(s: &'s Sentence) -> &'s PartyRef {
        s.sc.refs.first().expect("a party reference")
    }

    #[test]
    fn predicates() {
        // (sentence, predicate, expected)
        type Check = fn(&Sentence) -> bool;
        let cases: &[(&str, &str, Check, bool)] = &[
            ("Russia's army advanced.", "possessive", |s| s.possessive(first_ref(s)), true),
            ("Russia advanced.", "possessive", |s| s.possessive(first_ref(s)), false),
            (
                "Talks with the Kremlin began.",
                "after preposition",
                |s| s.after_preposition(first_ref(s)),
                true,
            ),
            ("The Kremlin said so.", "after preposition", |s| s.after_preposition(first_ref(s)), false),
            (
                "Peskov, the Kremlin spokesman, said so.",
                "followed by verb",
                |s| s.followed_by_verb(first_ref(s)),
                true,
            ),
            ("Aid to Kyiv was cut.", "followed by verb", |s| s.followed_by_verb(&s.sc.refs[0]), true),
            ("He urged the Kremlin to agree.", "object of verb", |s| s.object_of_verb(first_ref(s)), true),
            ("The Kremlin urged them to agree.", "object of verb", |s| s.object_of_verb(first_ref(s)), false),
            ("They asked Putin to spare them.", "request", |s| s.request(1, 2), true),
            ("He was asked to comment on it.", "request", |s| s.request(2, 3), false),
            ("What now?", "question", |s| s.is_question(), true),
            ("They hold the territory.", "determined", |s| s.determined(s.sc.topic_terms[0].0), true),
        ];
        for (text, what, check, want) in cases {
            assert_eq!(with_sentence(text, check), *want, "{what} in {text:?}");
        }
    }

    #[test]
    fn clauses() {
        with_sentence("Moscow backed it, but Kyiv refused; nothing else.", |s| {
            assert_eq!(s.clause_end(1), 3, "`, but` opens a clause");
            assert!(s.clause_break(4, 6), "a semicolon is a break");
        });
        with_sentence("Russia's top general said it.", |s| {
            assert_eq!(s.role_after(1), Some(3));
            assert_eq!(s.noun_label(1), None);
        });
        with_sentence("the US ceasefire proposal", |s| assert_eq!(s.noun_label(2), Some(Stance::Proposes)));
    }
}
