//! Speech without quotation marks, found before the sentence loop and read
//! as quotes: a transcript's turns and direct speech after a dash.
//!
//! - **Dash speech**, the Russian and Ukrainian manner: a paragraph that
//!   opens with a dash is direct speech when a tag follows it after
//!   punctuation and another dash (`— Мы готовы, — сказал он. — Но нужны
//!   гарантии.`); the speech runs from the opening dash to the tag, and
//!   resumes after the tag's next dash. These regions are handed to
//!   [`crate::quotes::Quotes`] with the quoted ones, so the quote stages
//!   read them (who speaks, in a later tag or as the last speaker).
//! - **Turns.** In a transcript (paragraphs opening with a speaker label:
//!   `В.Путин:`, `Вопрос:`, `ZELENSKY:`), what follows a label naming a
//!   party is that speaker's, and so are the paragraphs after it, up to
//!   the next label or heading. The label is the speaker's tag (the
//!   `SpeakerLabel` rule); [`Turns`] gives the later sentences of the turn
//!   their speaker (`Rule::Turn`). A turn is not a quote: what the speaker
//!   reports of another party (`our troops advance, and the enemy group is
//!   encircled`) is read as in any other sentence.
//! - **A party's release.** A text whose first line is a party's name, a
//!   colon and what it is about (`Штаб армії: щодо ситуації на фронті`,
//!   `Ministry of Defence: on the situation in Kursk`) is that party's
//!   statement from end to end: one turn, headings and all.

use crate::grammar::Sentence;
use crate::holders::{Dropped, Holder, Holders, Rule};
use crate::ids::{PartyId, Via};
use crate::segment::{Segment, UnitKind};
use crate::span::Span;

/// The longest speaker label, in bytes.
const MAX_LABEL: usize = 48;

/// Regions of unquoted speech in `text`, each list ordered and disjoint:
/// dash speech (read as quotes) and transcript turns. `speech` tells a
/// speech verb (lower case); `names_party` whether a label names one of
/// the parties.
pub(crate) fn regions(
    text: &str,
    segments: &[Segment],
    speech: &dyn Fn(&str) -> bool,
    names_party: &dyn Fn(Span) -> bool,
    preposition: &dyn Fn(&str) -> bool,
) -> (Vec<Span>, Turns) {
    let paragraphs = paragraphs(segments);
    if let Some(turn) = release(text, &paragraphs, names_party, preposition) {
        let mut out = Vec::new();
        for p in &paragraphs {
            dash_speech(text, p.span, speech, &mut out);
        }
        return (out, Turns { regions: vec![turn], turn_of: vec![0], speakers: vec![None] });
    }
    let mut out = Vec::new();
    let mut turns = Vec::new();
    // Each region's turn (a turn's label paragraph and those after it).
    let mut turn_of = Vec::new();
    let labels: Vec<Option<(Span, usize)>> = paragraphs.iter().map(|p| label(text, p.span)).collect();
    // A transcript: two labels or more, and from the first label on, at
    // least one paragraph in four is labelled (a live blog with a quote or
    // two after a name is not one).
    let count = labels.iter().filter(|l| l.is_some()).count();
    let first = labels.iter().position(Option::is_some).unwrap_or(0);
    let transcript = count >= 2 && count * 4 >= paragraphs.len() - first;
    let mut i = 0;
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        if let (true, Some((name, content))) = (transcript, labels[i]) {
            // (`Name: “…”` quotes with marks, which the quote stage reads.)
            let quoted = text[content..p.span.end].starts_with(crate::segment::is_open_quote);
            if names_party(name) && content < p.span.end && !quoted {
                let turn = turn_of.last().map_or(0, |t| t + 1);
                turns.push(Span::new(content, p.span.end));
                turn_of.push(turn);
                // The turn goes on over unlabelled paragraphs of text (not
                // a heading, a time or a quotation).
                while i + 1 < paragraphs.len()
                    && labels[i + 1].is_none()
                    && paragraphs[i + 1].kind != UnitKind::Line
                    && text[paragraphs[i + 1].span.range()]
                        .starts_with(|c: char| c.is_alphabetic() && !crate::segment::is_open_quote(c))
                {
                    i += 1;
                    turns.push(paragraphs[i].span);
                    turn_of.push(turn);
                }
            }
        } else {
            dash_speech(text, p.span, speech, &mut out);
        }
        i += 1;
    }
    let speakers = vec![None; turns.len()];
    (out, Turns { regions: turns, turn_of, speakers })
}

/// A transcript's turns and, as the sentence loop finds them, their
/// speakers.
#[derive(Default)]
pub(crate) struct Turns {
    /// Ordered and disjoint.
    regions: Vec<Span>,
    /// The turn of each region.
    turn_of: Vec<usize>,
    /// The speaker of each turn.
    speakers: Vec<Option<(PartyId, Span)>>,
}

impl Turns {
    /// The speaker of a turn is its label's (`В.Путин:` names it); a later
    /// sentence of the turn is spoken by it (`Rule::Turn`), unless it has
    /// a speaker of its own.
    pub(crate) fn attribute(&mut self, s: &Sentence, holders: &mut Holders) {
        let span = s.seg.span;
        let k = self.regions.partition_point(|r| r.end <= span.start);
        let Some(&region) = self.regions.get(k) else { return };
        if region.start > span.start {
            // The label's sentence: the turn starts inside it.
            if region.start < span.end {
                let label = holders.kept.iter().find(|h| h.rule == Rule::SpeakerLabel);
                self.speakers[self.turn_of[k]] = label.map(|h| (h.party, h.span));
            }
            return;
        }
        let Some((party, name)) = self.speakers[self.turn_of[k]] else { return };
        // (A heading inside a release is the writer's furniture, no
        // statement: `Основні показники`.)
        if holders.speaker().is_some() || s.seg.kind == UnitKind::Line {
            return;
        }
        let mut h = Holder::at(party, name, Via::Speaker, Rule::Turn);
        h.continued = true;
        // What the speaker says of another party is the speaker's, unless
        // that party holds a position of its own there (as in any
        // statement). (English keeps the other parties of a turn: its
        // transcripts report their positions as the narration would.)
        let Holders { kept, dropped, .. } = holders;
        kept.retain(|o| {
            let keep = o.party == party || !s.words.cased() || crate::holders::holds_inside_frame(s, o);
            if !keep {
                dropped.push((o.span, Dropped::InsideFrame(Some(party.0))));
            }
            keep
        });
        holders.kept.push(h);
    }
}

/// A party's release: the text from its first line's heading to its end,
/// when that line is a name of a party, a colon and a heading that opens
/// with a preposition (see the module documentation).
fn release(
    text: &str,
    paragraphs: &[Paragraph],
    names_party: &dyn Fn(Span) -> bool,
    preposition: &dyn Fn(&str) -> bool,
) -> Option<Span> {
    let (first, last) = (paragraphs.first()?, paragraphs.last()?);
    if first.kind != UnitKind::Line || paragraphs.len() < 3 {
        return None;
    }
    let line = &text[first.span.range()];
    let colon = line.find(':')?;
    let head = line[..colon].trim_end();
    // (A name of a few words: an institution's, `Генеральний штаб ЗСУ`.)
    if head.is_empty() || head.split_whitespace().count() > 6 || !head.starts_with(char::is_uppercase) {
        return None;
    }
    let rest = &line[colon + 1..];
    let heading = rest.trim_start();
    let opener = heading.split(|c: char| !c.is_alphabetic()).next()?;
    let opens_topic = opener.starts_with(char::is_lowercase) && preposition(opener);
    if !opens_topic || !names_party(Span::new(first.span.start, first.span.start + head.len())) {
        return None;
    }
    Some(Span::new(first.span.start + colon + 1 + (rest.len() - heading.len()), last.span.end))
}

struct Paragraph {
    span: Span,
    kind: UnitKind,
}

fn paragraphs(segments: &[Segment]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut last = usize::MAX;
    for seg in segments {
        if seg.paragraph == last {
            if let Some(p) = out.last_mut() {
                p.span.end = seg.span.end;
            }
        } else {
            out.push(Paragraph { span: seg.span, kind: seg.kind });
            last = seg.paragraph;
        }
    }
    out
}

/// A speaker label opening a paragraph: the label's span and where the
/// speech after it starts. A label is one to four capitalised words
/// (initials joined by periods: `В.Путин`) and a colon.
fn label(text: &str, para: Span) -> Option<(Span, usize)> {
    let s = &text[para.range()];
    let mut cut = s.len().min(MAX_LABEL + 1);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let colon = s[..cut].find(':')?;
    let head = s[..colon].trim_end();
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let name_like = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
            // (A period only after an initial: `В.Путин`, `Mr.`.)
            && !w.ends_with("..")
    };
    if !words.iter().all(|w| name_like(w)) {
        return None;
    }
    let rest = &s[colon + 1..];
    let content = para.start + colon + 1 + (rest.len() - rest.trim_start().len());
    Some((Span::new(para.start, para.start + head.len()), content))
}

/// Is `c` a dash that sets off speech?
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}')
}

/// A paragraph of dash speech: its speech regions, into `out`.
fn dash_speech(text: &str, para: Span, speech: &dyn Fn(&str) -> bool, out: &mut Vec<Span>) {
    let s = &text[para.range()];
    let mut chars = s.chars();
    let opening = chars.next().is_some_and(is_dash) && chars.next().is_some_and(char::is_whitespace);
    if !opening {
        return;
    }
    // The tags: a dash after punctuation and a space, then a speech verb
    // in lower case within two words (`…, — сказал он`, `…! — добавил`).
    let tags: Vec<(usize, usize)> = tag_dashes(s)
        .into_iter()
        .filter(|&(_, after)| {
            let words: Vec<&str> = s[after..].split_whitespace().take(2).collect();
            words.first().is_some_and(|w| w.starts_with(char::is_lowercase))
                && words.iter().any(|w| {
                    let bare = w.trim_matches(|c: char| !c.is_alphabetic());
                    speech(&crate::text::fold_case(bare))
                })
        })
        .collect();
    let Some(&(first_tag, _)) = tags.first() else { return };
    // The speech: from the opening dash to the first tag; after each tag,
    // from the dash that resumes it (`…, — сказал он. — Но …`) to the next
    // tag or the end.
    let start = s.char_indices().find(|&(i, c)| i > 0 && !c.is_whitespace()).map_or(s.len(), |(i, _)| i);
    out.push(Span::new(para.start + start, para.start + first_tag));
    for (k, &(_, after)) in tags.iter().enumerate() {
        let next_tag = tags.get(k + 1).map_or(s.len(), |t| t.0);
        let resume = tag_dashes(&s[..next_tag]).into_iter().find(|&(d, _)| d >= after).map(|(_, a)| a);
        if let Some(r) = resume.filter(|&r| r < next_tag) {
            out.push(Span::new(para.start + r, para.start + next_tag));
        }
    }
}

/// Dashes set off by punctuation and spaces (`, — `, `. — `, `! — `): the
/// byte where the speech before ends (after the punctuation) and where the
/// text after the dash starts.
fn tag_dashes(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if !is_dash(c) || i == 0 {
            continue;
        }
        let before = s[..i].trim_end_matches(char::is_whitespace);
        let spaced = before.len() < i && s[i + c.len_utf8()..].starts_with(char::is_whitespace);
        let punct = before.ends_with([',', '.', '!', '?', '\u{2026}', '\u{00bb}', '"', '\u{201d}']);
        if spaced && punct {
            let after = s[i + c.len_utf8()..].len() - s[i + c.len_utf8()..].trim_start().len();
            out.push((before.len(), i + c.len_utf8() + after));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{segment, Abbreviations};

    fn found(text: &str) -> Vec<&str> {
        let speech = |w: &str| matches!(w, "сказал" | "добавил" | "заявила" | "said");
        let segs = segment(text, &Abbreviations::new(&[]), &speech);
        let party = |s: Span| {
            ["Путин", "ZELENSKY", "В.Путин", "Министерство обороны России"].contains(&&text[s.range()])
        };
        let preposition = |w: &str| matches!(w, "о" | "по" | "щодо");
        let (quotes, turns) = regions(text, &segs, &speech, &party, &preposition);
        quotes.into_iter().chain(turns.regions).map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn dash_speech_and_tags() {
        assert_eq!(
            found("— Мы готовы, — сказал Путин. — Но нужны гарантии."),
            ["Мы готовы,", "Но нужны гарантии."]
        );
        assert_eq!(
            found("— Но для этого, — добавил он, — нужен приказ."),
            ["Но для этого,", "нужен приказ."]
        );
        assert_eq!(found("— Мы готовы. Всегда, — заявила она."), ["Мы готовы. Всегда,"]);
        // A list item with a dash inside is no speech.
        assert!(found("— Путин объявил перемирие — на 30 часов.").is_empty());
        assert!(found("— Путин объявил перемирие, — и всё.").is_empty(), "no speech verb in the tag");
    }

    #[test]
    fn transcript_turns() {
        let text = "Пресс-конференция\nВопрос: Что дальше?\nВ.Путин: Мы согласны.\nНо есть нюансы.\nВопрос: А Курск?\nОтвет журналиста.";
        assert_eq!(found(text), ["Мы согласны.", "Но есть нюансы."]);
        // One label is a headline's, not a transcript.
        assert!(found("Путин: перемирие возможно\nТекст статьи.").is_empty());
        let en = "QUESTION: Will you agree?\n\nZELENSKY: We are ready. But not now.\n\nQUESTION: And Kursk?";
        assert_eq!(found(en), ["We are ready. But not now."]);
    }

    #[test]
    fn a_release_is_one_turn() {
        let text =
            "Министерство обороны России: о ходе операции\nВойска продвинулись.\nИтоги\nПротивник отступил.";
        assert_eq!(found(text), ["о ходе операции\nВойска продвинулись.\nИтоги\nПротивник отступил."]);
        // Not a party's name, or a statement after the colon: no release.
        assert!(found("Военный эксперт: о ходе операции\nВойска продвинулись.\nИтоги").is_empty());
        assert!(found("Путин: войска продвинулись\nВойска продвинулись.\nИтоги").is_empty());
    }
}
