//! Stage 9, cells: claims gathered into the grid.
//!
//! Owns the claims (party × topic × sentence, with a label or none) as the
//! sentence loop adds them, one per party and topic per sentence; at the
//! end, builds the report's [`Cell`]s: the evidence in text order, the
//! primary label that best sums up the party's position ([`primary`]), and
//! a one-line summary ([`summarize`]).

use crate::holders::{Holder, Rule};
use crate::ids::{PartyId, Stance, TopicId, Via};
use crate::quotes::Quotes;
use crate::report::{Cell, Evidence, Label};
use crate::segment::Segment;
use crate::span::Span;
use crate::stance::StanceDecision;

/// One claim: party × topic in one sentence.
#[derive(Clone, Debug)]
pub(crate) struct Claim {
    pub party: PartyId,
    pub topic: TopicId,
    pub sentence: usize,
    pub via: Via,
    pub stance: Option<Stance>,
    /// The words that name the holder.
    pub speaker: Span,
    /// The cue word that gave the label.
    pub cue: Option<Span>,
    pub rule: Rule,
    /// The name a pronoun or description holder resolved to.
    pub antecedent: Option<Span>,
}

/// What adding a claim did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// A new claim for the party and topic in this sentence.
    New,
    /// It replaced the sentence's earlier claim (a stronger construction).
    Replaced,
    /// The sentence's earlier claim stays.
    Kept,
}

impl Merge {
    /// The name the trace shows.
    pub fn name(self) -> &'static str {
        match self {
            Merge::New => "new",
            Merge::Replaced => "replaced",
            Merge::Kept => "kept",
        }
    }
}

/// The claims of a text, in the order they were made.
#[derive(Default)]
pub(crate) struct Claims {
    claims: Vec<Claim>,
    /// Where the current sentence's claims start in `claims`.
    sentence_start: usize,
}

impl Claims {
    /// Add what holder `h` shows on `topic` in sentence `si` (sentences come
    /// in order). One claim per
    /// party and topic per sentence: of two holders of one party, the main
    /// clause's predicate, which comes first, wins (`The Russian leader has
    /// not dropped his demand that … the regions Moscow claims`), unless the
    /// other is the speaker of the whole sentence (`Kyiv will never …,
    /// Foreign Minister X said`). `holders` are the sentence's holders.
    pub(crate) fn add(
        &mut self,
        si: usize,
        h: &Holder,
        topic: TopicId,
        st: &StanceDecision,
        holders: &[Holder],
    ) -> Merge {
        if self.claims.last().is_some_and(|c| c.sentence != si) {
            self.sentence_start = self.claims.len();
        }
        if let Some(c) =
            self.claims[self.sentence_start..].iter_mut().find(|c| c.party == h.party && c.topic == topic)
        {
            let reporter = holders.iter().any(|x| {
                x.shown.unwrap_or(x.span) == c.speaker && x.via == Via::Speaker && x.scope_start == 0
            });
            // A partner in talks or forces in an action (`in a call with
            // Trump`, `an offensive against Ukrainian forces`) is the
            // weakest reading of a party: its own stated position in the
            // sentence (`the truce that Washington had proposed`) wins.
            let weak = c.via == Via::Agent
                && matches!(c.stance, Some(Stance::Considering | Stance::Acts))
                && matches!(c.rule, Rule::TalksPartner | Rule::ForcesInAction);
            let firm = st
                .label
                .is_some_and(|l| !matches!(l, Stance::Considering | Stance::Acts | Stance::Questions));
            if st.label.is_some()
                && (c.stance.is_none() || weak && firm || h.span.start < c.speaker.start && !reporter)
            {
                c.stance = st.label;
                c.via = h.via;
                c.speaker = h.shown.unwrap_or(h.span);
                c.cue = st.cue;
                c.rule = h.rule;
                c.antecedent = h.antecedent;
                return Merge::Replaced;
            }
            return Merge::Kept;
        }
        self.claims.push(Claim {
            party: h.party,
            topic,
            sentence: si,
            via: h.via,
            stance: st.label,
            speaker: h.shown.unwrap_or(h.span),
            cue: st.cue,
            rule: h.rule,
            antecedent: h.antecedent,
        });
        Merge::New
    }

    /// The cells of the grid, topic by topic, party by party.
    pub(crate) fn cells(
        &self,
        text: &str,
        segments: &[Segment],
        quotes: &Quotes,
        parties: &[Label],
        topics: &[(Label, bool)],
    ) -> Vec<Cell> {
        let mut cells = Vec::new();
        for (t, (topic, actions_first)) in topics.iter().enumerate() {
            for (p, party) in parties.iter().enumerate() {
                let claims: Vec<&Claim> =
                    self.claims.iter().filter(|c| c.party.index() == p && c.topic.index() == t).collect();
                if claims.is_empty() {
                    continue;
                }
                let stance = primary(&claims, *actions_first);
                let evidence: Vec<Evidence> = claims
                    .iter()
                    .map(|c| {
                        let span = segments[c.sentence].span;
                        Evidence {
                            sentence: c.sentence,
                            text: text[span.range()].to_string(),
                            span,
                            stance: c.stance.map(|l| l.name().to_string()),
                            via: c.via.name().to_string(),
                            speaker: Some(text[c.speaker.range()].to_string()),
                            speaker_span: Some(c.speaker),
                            resolved: c.antecedent.map(|a| text[a.range()].to_string()),
                            resolved_span: c.antecedent,
                            cue: c.cue,
                            quote: quotes.first_within(span),
                        }
                    })
                    .collect();
                cells.push(Cell {
                    party: party.id.clone(),
                    topic: topic.id.clone(),
                    stance: stance.name().to_string(),
                    summary: summarize(stance.name(), &evidence),
                    evidence,
                });
            }
        }
        cells
    }
}

/// How much one action counts, against one statement, on a topic where
/// actions come first.
const ACTS_FIRST_WEIGHT: f32 = 1.0;

/// How much the owner of a proposal counts: owning one is the clearest
/// position a text can give.
const OWNER_WEIGHT: f32 = 3.0;

/// How much a question counts: questions are many and weak.
const QUESTION_WEIGHT: f32 = 0.3;

/// How much talks and deliberation count: talks alone give `considering`,
/// unless the text shows a firmer stance (the guidelines).
const CONSIDERING_WEIGHT: f32 = 0.3;

/// How much an action counts elsewhere.
const ACTS_WEIGHT: f32 = 0.34;

/// The primary label of a cell from its claims.
pub(crate) fn primary(claims: &[&Claim], actions_first: bool) -> Stance {
    let mut score = [0f32; 8];
    for c in claims {
        let Some(l) = c.stance else { continue };
        let w = match (c.via, l) {
            (Via::Owner, Stance::Proposes) => OWNER_WEIGHT,
            (_, Stance::Questions) => QUESTION_WEIGHT,
            (_, Stance::Considering) => CONSIDERING_WEIGHT,
            (_, Stance::Acts) if actions_first => ACTS_FIRST_WEIGHT,
            (_, Stance::Acts) => ACTS_WEIGHT,
            _ => 1.0,
        };
        score[l as usize] += w;
    }
    let [p, s, c, d, q] =
        [Stance::Proposes, Stance::Supports, Stance::Conditional, Stance::Demands, Stance::Questions]
            .map(|l| l as usize);
    // An offer with conditions of its own (`will order a ceasefire, but
    // only if …`) is conditional: stated conditions amounting to a third of
    // the offers make them one conditional position. (Before its demands
    // join it: pressing others to accept an offer does not outweigh the
    // offer's own conditions.)
    if score[p] > 0.0 && score[c] > 0.0 && score[c] * 3.0 >= score[p] {
        score[c] += score[p];
        score[p] = 0.0;
    }
    // A proposal's owner stays `proposes` when it presses others to accept
    // it (the guidelines): its demands add to the proposal.
    if score[p] > 0.0 {
        score[p] += score[d];
        score[d] = 0.0;
    }
    // Support with reservations (conditions, questions, demands) amounting
    // to at least a third of it is conditional support; a stray question
    // or demand among much support is not. (Each question counts in full here: weak
    // as a position, it is a reservation all the same.)
    let questions = claims.iter().filter(|c| c.stance == Some(Stance::Questions)).count() as f32;
    let reservations = score[c] + questions + score[d];
    // (A condition the party states itself makes its support conditional
    // wherever it comes in the text: the guidelines.)
    if score[s] > 0.0 && reservations > 0.0 && (score[c] > 0.0 || reservations * 3.0 >= score[s]) {
        // The support, its questions and its demands are all one conditional
        // position (`We agree with a truce. But the terms must be clear.`).
        score[c] += score[s] + score[q] + score[d];
        score[d] = 0.0;
    }
    // On a theatre of operations (`actions_first`), a party that acts there
    // is shown by its actions, whatever it also says; except a refusal or
    // denial it states itself (`Kyiv denied it`, `will not withdraw`): that
    // is its position, which actions alone do not give (the guidelines).
    if actions_first && score[Stance::Acts as usize] > 0.0 {
        let refuses = claims.iter().any(|c| c.via == Via::Speaker && c.stance == Some(Stance::Opposes));
        return if refuses { Stance::Opposes } else { Stance::Acts };
    }
    // Nothing but statements without a stance word: the party is talking it
    // over; nothing but actions: it acts.
    let mut best =
        if claims.iter().any(|c| c.via == Via::Speaker) { Stance::Considering } else { Stance::Acts };
    let mut best_score = 0.0;
    for l in Stance::ALL {
        let sc = score[l as usize];
        if sc > best_score || (sc == best_score && best_score > 0.0 && l.rank() < best.rank()) {
            best = l;
            best_score = sc;
        }
    }
    best
}

/// The longest summary, in characters.
const SUMMARY_CHARS: usize = 110;

/// A cell's one-line summary: the sentence that best shows its primary
/// stance, cut to fit one line without losing the words that carry it.
///
/// The sentence is the first labelled with the stance (else the first),
/// preferring the holder's own words: what it said (`speaker`), owns or is
/// the source of, before a sentence where it is only the subject (perhaps
/// of another party's statement) or the agent. A long sentence is cut at
/// word boundaries around its cue (`…said Moscow would accept a truce only
/// if…`): the cue is shown whole, with what precedes it when there is
/// room, and `…` marks each cut.
pub(crate) fn summarize(stance: &str, evidence: &[Evidence]) -> String {
    let own = |via: &str| match via {
        "speaker" => 0,
        "owner" => 1,
        "according_to" => 2,
        "subject" => 3,
        _ => 4,
    };
    let best = evidence.iter().min_by_key(|e| (e.stance.as_deref() != Some(stance), own(&e.via)));
    let Some(e) = best else { return String::new() };
    let cue = e.cue.and_then(|c| {
        let start = c.start.checked_sub(e.span.start)?;
        let end = c.end.checked_sub(e.span.start)?;
        (end <= e.text.len()).then_some((start, end))
    });
    let (words, cue) = collapse(&e.text, cue);
    // From the sentence's start, if that shows the cue whole; else from a
    // word start a little before the cue.
    let (line, kept) = fit(&words, SUMMARY_CHARS);
    let Some((start, _)) = cue.filter(|&(_, end)| end > kept) else { return line };
    let lead = words[..start].char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
    // (The start of the word that holds byte `lead`.)
    let from = words[..lead].rfind(' ').map_or(0, |i| i + 1);
    if from == 0 {
        return line;
    }
    let (line, _) = fit(&words[from..], SUMMARY_CHARS - 1);
    format!("\u{2026}{line}")
}

/// The first `room` characters of `words` cut at a word boundary, with `…`
/// when cut, and how many bytes of `words` it keeps.
fn fit(words: &str, room: usize) -> (String, usize) {
    if words.chars().count() <= room {
        return (words.to_string(), words.len());
    }
    let cut: String = words.chars().take(room).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    let cut = cut.trim_end_matches([',', ';', ':']);
    (format!("{cut}\u{2026}"), cut.len())
}

/// How much of what precedes a cue a cut summary keeps, in characters.
const CONTEXT_CHARS: usize = 40;

/// `text` with its white space runs as single spaces, and the byte range
/// `mark` of `text` as a range of the result.
fn collapse(text: &str, mark: Option<(usize, usize)>) -> (String, Option<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let (mut start, mut end) = (None, None);
    for w in text.split_whitespace() {
        let at = w.as_ptr() as usize - text.as_ptr() as usize;
        if !out.is_empty() {
            out.push(' ');
        }
        if let Some((a, b)) = mark {
            if start.is_none() && a < at + w.len() {
                start = Some(out.len() + a.saturating_sub(at));
            }
            if b > at {
                end = Some(out.len() + (b - at).min(w.len()));
            }
        }
        out.push_str(w);
    }
    let mark = match (start, end) {
        (Some(a), Some(b)) if a <= b && out.is_char_boundary(a) && out.is_char_boundary(b) => Some((a, b)),
        _ => None,
    };
    (out, mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(via: Via, stance: Option<Stance>) -> Claim {
        Claim {
            party: PartyId(0),
            topic: TopicId(0),
            sentence: 0,
            via,
            stance,
            speaker: Span::new(0, 1),
            cue: None,
            rule: Rule::Speech,
            antecedent: None,
        }
    }

    #[test]
    fn primary_labels() {
        type Case<'c> = (&'c [(Via, Option<Stance>)], bool, Stance);
        let cases: &[Case] = &[
            (&[(Via::Speaker, None)], false, Stance::Considering),
            (&[(Via::Subject, Some(Stance::Acts))], false, Stance::Acts),
            (
                &[(Via::Speaker, Some(Stance::Supports)), (Via::Speaker, Some(Stance::Questions))],
                false,
                Stance::Conditional,
            ),
            (
                &[
                    (Via::Speaker, Some(Stance::Supports)),
                    (Via::Speaker, Some(Stance::Supports)),
                    (Via::Speaker, Some(Stance::Supports)),
                    (Via::Speaker, Some(Stance::Conditional)),
                ],
                false,
                Stance::Conditional,
            ),
            // A stray question among much support is no reservation.
            (
                &[
                    (Via::Speaker, Some(Stance::Supports)),
                    (Via::Speaker, Some(Stance::Supports)),
                    (Via::Speaker, Some(Stance::Supports)),
                    (Via::Speaker, Some(Stance::Supports)),
                    (Via::Speaker, Some(Stance::Questions)),
                ],
                false,
                Stance::Supports,
            ),
            (
                &[(Via::Owner, Some(Stance::Proposes)), (Via::Speaker, Some(Stance::Opposes))],
                false,
                Stance::Proposes,
            ),
            // On a theatre of operations actions come first, before any
            // statement but a refusal the party states itself.
            (
                &[(Via::Subject, Some(Stance::Acts)), (Via::Speaker, Some(Stance::Questions))],
                true,
                Stance::Acts,
            ),
            (
                &[(Via::Subject, Some(Stance::Acts)), (Via::Subject, Some(Stance::Opposes))],
                true,
                Stance::Acts,
            ),
            (
                &[(Via::Subject, Some(Stance::Acts)), (Via::Speaker, Some(Stance::Opposes))],
                true,
                Stance::Opposes,
            ),
            (
                &[(Via::Subject, Some(Stance::Acts)), (Via::Speaker, Some(Stance::Opposes))],
                false,
                Stance::Opposes,
            ),
            // Talks show considering only when nothing firmer is shown.
            (
                &[
                    (Via::Speaker, Some(Stance::Considering)),
                    (Via::Speaker, Some(Stance::Considering)),
                    (Via::Speaker, Some(Stance::Proposes)),
                ],
                false,
                Stance::Proposes,
            ),
            // A proposer that presses others proposes.
            (
                &[(Via::Speaker, Some(Stance::Proposes)), (Via::Speaker, Some(Stance::Demands))],
                false,
                Stance::Proposes,
            ),
        ];
        for (claims, actions_first, want) in cases {
            let owned: Vec<Claim> = claims.iter().map(|&(v, s)| claim(v, s)).collect();
            let refs: Vec<&Claim> = owned.iter().collect();
            assert_eq!(primary(&refs, *actions_first), *want, "primary of {claims:?}");
        }
    }

    /// Evidence with `text` as sentence 0 at offset 100 of the text, its
    /// cue the first occurrence of `cue`.
    fn said(via: &str, stance: &str, text: &str, cue: &str) -> Evidence {
        let at = text.find(cue).expect("the cue is in the text");
        Evidence {
            sentence: 0,
            text: text.into(),
            span: Span::new(100, 100 + text.len()),
            stance: Some(stance.into()),
            via: via.into(),
            speaker: None,
            speaker_span: None,
            resolved: None,
            resolved_span: None,
            cue: Some(Span::new(100 + at, 100 + at + cue.len())),
            quote: None,
        }
    }

    #[test]
    fn summaries_show_the_cue_whole() {
        // A cue late in a long sentence: the line starts before it.
        let text = "After a long night of talks in a hotel by the lake, with aides coming and going and \
                    the press waiting outside, the foreign minister said his government would  accept \
                    the truce only if the shelling of the ports stopped first.";
        let got = summarize("conditional", &[said("speaker", "conditional", text, "only if")]);
        assert!(got.starts_with('\u{2026}') && got.contains("only if"), "{got}");
        assert!(got.chars().count() <= SUMMARY_CHARS, "{got}");
        // A cue in the first line: the line starts with the sentence.
        let text = "The minister rejected the truce on Monday, and aides said that no meeting was planned \
                    for the rest of the week, or for the week after, or for the month.";
        let got = summarize("opposes", &[said("speaker", "opposes", text, "rejected")]);
        assert!(got.starts_with("The minister rejected") && got.ends_with('\u{2026}'), "{got}");
    }

    #[test]
    fn summaries_prefer_the_holders_own_words() {
        let other = said("subject", "opposes", "Kyiv said the Kremlin had rejected the plan.", "rejected");
        let own =
            said("speaker", "opposes", "The Kremlin spokesman said Moscow rejects the plan.", "rejects");
        let got = summarize("opposes", &[other, own]);
        assert!(got.starts_with("The Kremlin spokesman"), "{got}");
    }

    #[test]
    fn collapse_keeps_a_mark_on_its_words() {
        let (words, mark) = collapse("  We  will\n never  give up ", Some((12, 23)));
        assert_eq!(words, "We will never give up");
        let (a, b) = mark.expect("the mark survives");
        assert_eq!(&words[a..b], "never give");
    }

    #[test]
    fn summaries_fit_one_line() {
        let ev = |stance: &str, text: &str| Evidence {
            sentence: 0,
            text: text.into(),
            span: Span::new(0, 1),
            stance: Some(stance.into()),
            via: "speaker".into(),
            speaker: None,
            speaker_span: None,
            resolved: None,
            resolved_span: None,
            cue: None,
            quote: None,
        };
        let long = "word ".repeat(40);
        let got = summarize("opposes", &[ev("supports", "Short one."), ev("opposes", &long)]);
        assert!(got.ends_with('\u{2026}') && got.chars().count() <= SUMMARY_CHARS + 1, "{got}");
        assert_eq!(summarize("acts", &[ev("supports", "Short one.")]), "Short one.");
    }
}
