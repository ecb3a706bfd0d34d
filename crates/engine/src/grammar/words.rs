//! The profile's closed-class words compiled for the grammar's tests:
//! [`WordSet`] (a set of short words with a fast hasher), [`Endings`]
//! (word endings) and [`Words`], every list a stage asks about (`that`,
//! modals, opinion verbs, conditional words, past-participle endings …),
//! built once per profile by [`Words::new`]. Reads the profile's
//! `lexicon`; nothing here looks at a text.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use crate::profile::Lexicon;

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
    pub(super) that_padded: Vec<String>,
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
    pub declaration_verbs: WordSet,
    pub replacement_words: WordSet,
    pub onset_verbs: WordSet,
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
            declaration_verbs: set(&g.declaration_verbs),
            replacement_words: set(&g.replacement_words),
            onset_verbs: set(&g.onset_verbs),
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
