//! The profile's lexicon: every cue word, closed-class word and word
//! ending the engine reacts to, as named lists ([`Lexicon`] and the
//! [`Grammar`], [`Paradigm`], [`FigureWords`] and [`TopicWords`] list
//! sets). Read from the profile's JSON (see `json.rs`), checked by
//! `validate.rs`, compiled by the scanner and `grammar::Words`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{MeasureWords, MetaWords};

/// Cue words. All matched case-insensitively on word boundaries.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Other issues an article may discuss (`minerals`, `elections`): a
    /// sentence about one of them, and about none of the topics, neither
    /// takes nor passes on a topic by context.
    #[serde(default)]
    pub other_issues: Vec<String>,
    /// Verbs that make a request of someone when followed by `to` and a
    /// verb (`asked Putin to spare`, `urged Kyiv to accept`): a demand.
    #[serde(default)]
    pub requests: Vec<String>,
    /// Labels of page furniture, not speakers (`Details:`, `Read also:`,
    /// `Update:`): a paragraph they open is no one's turn.
    #[serde(default)]
    pub furniture: Vec<String>,
    /// Verbs of giving something up (`withdraw`, `cede`, `give up`,
    /// `recognise`): refusing one (`will not withdraw`) is opposing, asking
    /// it of others is demanding.
    #[serde(default)]
    pub yields: Vec<String>,
    /// Verbs whose next word is the person spoken to or about, not a new
    /// subject (`told Trump that …`, `assured Kyiv that …`, `accused
    /// Moscow of …`).
    #[serde(default)]
    pub addressee_verbs: Vec<String>,
    /// Titles without a country (`the president`, `the head of state`):
    /// they refer to the person the text is about, the person last named
    /// as a holder.
    #[serde(default)]
    pub generic_titles: Vec<String>,
    /// Phrases for whoever spoke last (`the statement`, `the readout`).
    #[serde(default)]
    pub speaker_refs: Vec<String>,
    /// Phrases for the two people named last (`the two leaders`).
    #[serde(default)]
    pub dual_refs: Vec<String>,
    /// Nouns for a party's people after a possessive (`Russia's top
    /// general`, `its delegation`): they act for the party.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Words that open a predicate, to recognise a subject: common verbs,
    /// auxiliaries, and the adverbs and particles that can stand first in
    /// one (`met`, `has`, `not`, `firmly`).
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Verbs that introduce speech or opinion (`said`, `insisted`).
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Phrases that attribute a claim to a source (`according to`).
    #[serde(default)]
    pub according_to: Vec<String>,
    /// Cue words for each stance label.
    #[serde(default)]
    pub stance: BTreeMap<String, Vec<String>>,
    /// Negators (`not`, `never`).
    #[serde(default)]
    pub negators: Vec<String>,
    /// Hedges and conditions that make support conditional.
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Words that open a condition clause (`only if`, `as soon as`,
    /// `unless`): an offer or acceptance with one is conditional, and what
    /// the clause asks of another party (`if Kyiv withdraws`) is demanded.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// Fixed phrases that hold a cue word but are no cue (`at once`, `once
    /// again`): matched as one phrase, so the words inside mean nothing.
    #[serde(default)]
    pub idioms: Vec<String>,
    /// Pronouns and what they can refer to: `m`, `f`, `p` (plural), `n` (neuter).
    #[serde(default)]
    pub pronouns: BTreeMap<String, String>,
    /// Prepositions: a party right after one is not a subject.
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Words after which a period does not end a sentence.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Function words and word endings the construction rules read.
    #[serde(default)]
    pub grammar: Grammar,
    /// What makes a figure.
    #[serde(default)]
    pub figures: FigureWords,
    /// Paradigms of endings, by name, for the markers that write a word's
    /// forms once (`Путин{surname}`; see the `inflect` module). Empty for
    /// English.
    #[serde(default)]
    pub inflections: BTreeMap<String, Paradigm>,
    /// The words the topic rules read besides each topic's own terms.
    #[serde(default)]
    pub topic_words: TopicWords,
    /// How figures are read and grouped when articles are compared.
    #[serde(default)]
    pub measures: MeasureWords,
    /// How an article's outlet and date are found.
    #[serde(default)]
    pub meta: MetaWords,
}

word_lists! {
    /// Function words and word endings that the construction rules read: the
    /// closed classes of the profile's language. Each list names the rule that
    /// reads it. All matched case-insensitively against one word.
    ///
    /// Written in the profile as an object of word lists (`{"articles": ["the",
    /// "a"], …}`); a list left out is empty, and an unknown name is an error.
    Grammar {
    /// Articles (`the`, `a`): skipped before a party, a proposal noun or a
    /// participle used as an adjective (`the proposed truce`).
    articles,
    /// The definite article, skipped between a verb and its object.
    definite_articles,
    /// Quantifiers skipped before a party after a preposition (`with both`).
    quantifiers,
    /// Determiners: after `to` they open a noun phrase, not a verb.
    determiners,
    /// Determiners that refer back to something already named (`the
    /// territory`, `our land`).
    definite_determiners,
    /// Possessive pronouns (`his`, `their`).
    possessive_pronouns,
    /// The neuter possessive (`its`), which often is a party.
    neuter_possessives,
    /// The neuter subject pronoun (`it`), a party only before a verb.
    neuter_subjects,
    /// Pronoun objects of a stance (`has not accepted it`).
    object_pronouns,
    /// Words before a speech verb that name no one new (`he said`, `which
    /// said`): their statement is not a foreign speaker's.
    anonymous_subjects,
    /// Words after a speech verb that introduce content (`did not say
    /// whether`): saying them is not silence.
    complementizers,
    /// The complementizer `that` (`denied that …` disputes a report).
    that,
    /// Words that open a question.
    question_openers,
    /// Words that open a new main clause after a comma (`, but`).
    clause_openers,
    /// Words that contrast (`agreed to X, but …`).
    contrast_words,
    /// Auxiliaries of the passive (`was asked`).
    passive_auxiliaries,
    /// The infinitive marker (`to`).
    infinitive_markers,
    /// The preposition of a passive agent (`by`).
    agent_prepositions,
    /// The preposition of an owner (`the proposal of X`).
    owner_prepositions,
    /// The preposition of a partner (`talks with X`).
    partner_prepositions,
    /// Adjectives skipped before a partner (`with senior officials`).
    partner_modifiers,
    /// Words for talks and meetings before a partner (`met with`).
    talks_words,
    /// Words that may stand between a subject and its verb (`Putin on
    /// Tuesday said`).
    between_subject_and_verb,
    /// Modal verbs (`would`, `could`): what follows is not yet done.
    modals,
    /// Words of intent or expectation before a verb (`preparing`, `plans`):
    /// what follows is not yet done.
    intent_words,
    /// Verbs of belief, expectation and perception (`believes`, `doubted`,
    /// `heard`): a party inside what they introduce holds nothing.
    opinion_verbs,
    /// Participles that open a question put to the speaker (`Asked whether
    /// …, the president said`): the question is not the speaker's words.
    question_participles,
    /// Words that open a condition or a question (`if`, `unless`,
    /// `whether`): an act inside one has not happened.
    conditional_words,
    /// Relative pronouns (`which`, `that`): a party right after one acts
    /// in a clause that describes something else.
    relative_pronouns,
    /// Words joining two parties (`and`): `talks between X and Y`.
    coordinators,
    /// Nouns of an unnamed speaker who belongs somewhere (`a source in the
    /// Ukrainian delegation`, `officials from the Russian side`): the
    /// party named after the preposition speaks.
    source_nouns,
    /// The prepositions of belonging after one of `source_nouns` (`in`,
    /// `from`, `close to`).
    member_prepositions,
    /// The preposition of a recipient (`presented the plan to X`).
    recipient_prepositions,
    /// Prepositions that open a time adjunct (`after a call with X,`).
    time_prepositions,
    /// Verbs whose object is a partner in talks (`met X`, `phoned X`).
    talks_verbs,
    /// Verbs of handing something over (`presented`, `handed`): their
    /// recipient is a partner in talks.
    handover_verbs,
    /// Verbs of declaring or ordering something into being (`declared`,
    /// `announced`, `ordered`): with a truce as their object (`declared a
    /// three-day truce`, `the truce Moscow announced`) the holder proposes it.
    declaration_verbs,
    /// Words that make a stance word the one that counts, replacing what
    /// came before it (`instead`: `dismissed the offer and called instead
    /// for a full ceasefire`).
    replacement_words,
    /// Verbs of an outcome coming about (`come`, `start`): after a modal
    /// whose subject is the outcome (`a ceasefire must come first`) the
    /// holder wants the outcome itself.
    onset_verbs,
    /// Words that may stand between a wish and the outcome wished, which
    /// is still its object: adjectives (`a full ceasefire`, `an immediate
    /// truce`) and verbs of taking it (`urged Kyiv to sign the truce`).
    outcome_words,
    /// Endings of adverbs (`-ly`).
    adverb_endings,
    /// Endings of participles (`-ing`).
    participle_endings,
    /// Endings of past verbs (`-ed`).
    past_endings,
    /// Endings of present verbs (`-s`; not doubled, as in `-ss`, and only
    /// on words of four letters or more).
    present_endings,
    /// Endings of modifiers that may stand between a party and its noun
    /// (`-ly`, `-ful`, `-ive`).
    modifier_endings,
    /// (Languages with cases.) Prepositions of place before an institution
    /// that speaks in the plural without a subject (`в Кремле заявили`).
    locative_prepositions,
    /// (Languages with cases.) Endings of plural verbs (`-ли`, `-ют`).
    plural_verb_endings,
    /// (Languages with cases.) Endings of passive participles
    /// (`предложенный`), whose agent is in the instrumental.
    passive_participle_endings,
    /// (Languages with cases.) Relative pronouns that open a clause about
    /// the noun before them (`который`).
    relatives,
    /// (Languages with cases.) Words joining two subjects of one verb
    /// (`Путин и Трамп обсудили`).
    conjunctions,
    /// (Languages with cases.) Endings of the infinitive (`-ть`), which
    /// follows a request's object (`призвал Киев согласиться`).
    infinitive_endings,
    /// (Languages with cases.) Nouns of a statement (`заявление`,
    /// `доклад`): calling another party's statement false disputes it,
    /// and takes no stance on the topic.
    statement_nouns,
    /// (Languages with cases.) Words of a condition or of the conditional
    /// mood (`если`, `бы`): a subject under them is speculation.
    conditionals,
    /// (Languages with cases.) `вместе`, `разом` before `с`/`з` and a
    /// party that acts with the subject.
    together,
    /// (Languages with cases.) Words of obligation (`должен`, `має`): a
    /// party that must do something inside another's statement is that
    /// speaker's demand.
    obligations,
    /// First-person words (`we`, `our`): in a party's own words, that party.
    first_person,
    }
}

word_lists! {
    /// The endings of one paradigm, by case. A word written `stem{name}` in a
    /// profile stands for the stem with each ending; in a phrase, the words
    /// with paradigms agree in case. `any` holds endings that mark no case
    /// (verb forms: `заявил{past}`).
    Paradigm {
    /// Nominative endings.
    nom,
    /// Genitive endings.
    gen,
    /// Dative endings.
    dat,
    /// Accusative endings.
    acc,
    /// Instrumental endings.
    ins,
    /// Locative (prepositional) endings.
    loc,
    /// Endings without a case.
    any,
    }
}

word_lists! {
    /// The vocabulary of figures.
    ///
    /// Written in the profile as an object of word lists (`{"units": ["km",
    /// "troops"], …}`); a list left out is empty, and an unknown name is an error.
    FigureWords {
    /// Numbers written as words (`four`, `thousands`).
    number_words,
    /// Number words that take `of` before their unit (`thousands of troops`).
    counts_of,
    /// Fractions (`third`, `fifths`).
    fractions,
    /// Words that make a fraction a figure before it (`a third`).
    fraction_articles,
    /// Number words that take such an article (`a thousand`, `a dozen`).
    article_numbers,
    /// Words joining a range (`10 to 15`).
    range_words,
    /// Modifiers before a number (`less than`, `nearly`).
    modifiers,
    /// Count units after a number: what is counted (`troops`, `regions`,
    /// `settlements`). Singular forms serve compounds (`70,000-strong`).
    units,
    /// Units of area (`sq km`, `square kilometres`).
    area_units,
    /// Units of length (`km`, `miles`; `km` also in `2,000-km`).
    length_units,
    /// Units of time (`days`, `hours`; `day` also in `30-day`): the length
    /// of a truce or a deadline.
    time_units,
    /// Units of time too short for a truce unless the sentence names one
    /// (`a 72-hour truce`, not `talks of two hours`).
    short_time_units,
    /// Units of a share (`percent`, `per cent`; `%` is always one).
    share_units,
    /// Words after a number that make it no figure: what is counted is not
    /// a topic's own quantity (`minutes`, `years`, `points`, `prisoners`,
    /// `countries`, `dollars`). Singular forms serve compounds (`28-point`,
    /// `90-minute`, `53-year-old`); a compound whose second part is in no
    /// unit list (`one-on-one`, `three-way`) is no figure either.
    not_units,
    /// Words after a number that multiply it (`1.5 billion`).
    multipliers,
    /// Month names: a number beside one is a date.
    months,
    /// Words that are a figure by themselves: compound adjectives of a
    /// number written as one word (`трехдневный`, `тридцятиденний`; `30-day`
    /// is found from its digits).
    compounds,
    /// Words right after a number that make it a clock time (`10 am`, `GMT`).
    clock_words,
    /// Words right before a number that make it a label or a name (`Article
    /// 5`, `point 7`, `round 2`, `Air Force One`).
    labels,
    /// Words before a number that make it an age (`aged 18 to 25`).
    age_words,
    /// Words right after a length of time that make it time elapsed (`two
    /// days after`, `ten days later`, `two weeks ago`).
    elapsed_after,
    /// Words right before a length of time that make it time elapsed (`the
    /// previous two years`, `over the past five days`, `in more than three
    /// years`).
    elapsed_before,
    /// Words right before a length of time that make it a length, whatever
    /// follows (`for 30 days after the call`, `within 100 days of`).
    length_words,
    /// Events whose length is no figure: a call, a meeting, a visit, the war
    /// (`a 90-minute call`, `a two-day visit`, `a call of more than two
    /// hours`, `the three-year war`).
    event_nouns,
    /// Verbs that give an event's length (`the talks lasted two hours`).
    duration_verbs,
    /// Words before a count that make it an exchange of prisoners or bodies
    /// (`exchange 175`, `the bodies of 6,000`).
    exchange_words,
    /// Words after a count that make it one of an exchange (`1,000 each`).
    exchange_after,
    /// Words that make a share a probability (`put the chance at 25
    /// percent`, `a 25 percent chance`).
    chance_words,
    /// Signs right before a number that make it money (`$`, `€`).
    currency_signs,
    /// Phrases that start with a number and are idioms (`one day`).
    idioms,
    /// Words after `N times` that make it a ratio (`three times longer`).
    ratio_words,
    /// Units that count occurrences: a figure only after digits (`4,900
    /// times`, not `met five times`).
    frequency_units,
    /// Words between two renderings of one quantity, which bear on one
    /// topic (`1,100 sq km, or 86%`).
    restatements,
    /// Nouns for an area of land: `of the area`, `of that ground` refer back
    /// to the land the text was just discussing.
    land_nouns,
    /// The topic a length of time bears on (a truce's length, a deadline):
    /// the first of these ids that is a topic of the profile.
    time_topic,
    /// The topic a share or an area of a country bears on (`about 20% of
    /// Ukraine`): the first of these ids that is a topic of the profile.
    land_topic,
    /// Words in a figure's clause that say what it measures, each written
    /// `topic: words` (`ceasefire: monitored` for a front line's length where
    /// a truce is monitored, `territory: advanced`, `ceasefire: capped`).
    /// Entries for a topic the profile does not have are ignored.
    context_words,
    /// Verbs whose subject is the source of a number in what follows
    /// (`puts the losses at`, `estimated`, `gave Moscow 50 days`, `calling
    /// for`, `claims`, `wanted to know`); speech verbs and proposal cues
    /// count too.
    source_verbs,
    /// Auxiliaries and adverbs between a subject and its verb (`has`,
    /// `still`, `first`), as in `the four regions Moscow still claims`.
    auxiliaries,
    /// Words that join two verbs of one subject (`dismissed it and called
    /// for`): the second verb's subject is the first's, not the word
    /// before it.
    coordinators,
    /// Words that open a condition or a subordinate clause (`if`, `unless`):
    /// its subject states nothing (`If Russia wants peace, it can extend
    /// this to 30 days`).
    subordinators,
    /// Words that make a figure a proposal's (`the proposal`, `the offer`)
    /// when they stand in apposition to it (`a 30-day truce, the proposal
    /// Washington brought`).
    proposal_nouns,
    /// Past participles that name a proposal's owner after `by` (`first
    /// proposed by Washington`) or after a hyphen (`US-proposed`).
    owner_participles,
    /// Phrases that open a cleft (`it was`, `it is`): `It was Washington that
    /// proposed a 30-day truce`.
    cleft_openers,
    /// Institutions every party has (`General Staff`, `defence ministry`): a
    /// bare one speaks for the nearest country the sentence names.
    shared_institutions,
    /// Second parts of a hyphenated word that make a party in its first part
    /// no source (`US-based`).
    not_party_suffixes,
    }
}

word_lists! {
    /// The words the topic rules read besides each topic's own terms: what
    /// opens a section of the text, and what makes a topic word mean
    /// something else.
    ///
    /// Written in the profile as an object of word lists; a list left out is
    /// empty, and an unknown name is an error.
    TopicWords {
    /// Words of a time stamp or date line (`Saturday`, `GMT`, `updated`): a
    /// line of them and numbers opens a new entry of a live blog.
    calendar_words,
    }
}
