//! What the widget exports and copies: the grid as Markdown (labels in
//! the interface's words), CSV (the evidence and the figures) and JSON
//! (the engine's report with the article's details, the analysis time,
//! the text and the reader's corrections), and a citation of one
//! sentence. The reader's corrections are applied and flagged in each
//! ([`crate::corrections`]); the engine's report is not changed.
//!
//! Pure (tested natively). Sentence numbers here are the reader's: the
//! first sentence is 1.

use factgrid_engine::{csv_field, md_escape, Evidence, Report};

use crate::corrections::{view, Corrections, View};
use crate::i18n::{Key, Ui};

/// The article's details as shown: the reader's, else the detected ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    /// Headline.
    pub headline: String,
    /// Outlet.
    pub outlet: String,
    /// Date.
    pub date: String,
    /// The article's address.
    pub url: String,
}

/// Everything an export is made of.
pub struct Export<'a> {
    /// The engine's report.
    pub report: &'a Report,
    /// The text it was made from.
    pub text: &'a str,
    /// The reader's corrections.
    pub fixes: &'a Corrections,
    /// The article's details.
    pub details: &'a Details,
    /// When the text was analysed (ISO 8601).
    pub analysed_at: &'a str,
    /// The interface language (for the Markdown's words).
    pub ui: Ui,
}

/// The words of sentence `i` of `report` in `text`.
pub fn sentence_text<'a>(report: &Report, text: &'a str, i: usize) -> &'a str {
    report.sentences.get(i).and_then(|s| text.get(s.span.range())).unwrap_or("").trim()
}

/// Who is tied to the evidence: the name a pronoun stands for, else the words.
fn speaker(e: Option<&Evidence>) -> &str {
    e.and_then(|e| e.resolved.as_deref().or(e.speaker.as_deref())).unwrap_or("")
}

impl Export<'_> {
    /// Every cell of the grid that shows something, with its label pair.
    fn cells(&self) -> Vec<(String, String, &str, &str, View<'_>)> {
        let r = self.report;
        let mut out = Vec::new();
        for t in &r.topics {
            for p in &r.parties {
                let v = view(r.cell(&p.id, &t.id), self.fixes.fix(&p.id, &t.id));
                if v.stance.is_some() || v.kept().next().is_some() || v.checked {
                    let (party, topic) = (self.ui.label(&p.id, &p.label), self.ui.label(&t.id, &t.label));
                    out.push((party, topic, p.id.as_ref(), t.id.as_ref(), v));
                }
            }
        }
        out
    }

    fn flags(&self, v: &View) -> String {
        let mut f = Vec::new();
        if v.edited {
            f.push(match v.engine_stance {
                Some(e) => self.ui.fill(Key::EditedWas, &[self.ui.stance(e).1]),
                None => self.ui.get(Key::Edited).to_string(),
            });
        }
        if v.checked {
            f.push(self.ui.get(Key::Checked).to_string());
        }
        f.join(", ")
    }

    /// The header lines: the details that are known and the analysis time.
    fn header(&self) -> Vec<String> {
        let d = self.details;
        let mut lines = Vec::new();
        if !d.headline.is_empty() {
            lines.push(format!("# {}", md_escape(&d.headline)));
        }
        let by: Vec<String> =
            [&d.outlet, &d.date].iter().filter(|s| !s.is_empty()).map(|s| md_escape(s)).collect();
        if !by.is_empty() {
            lines.push(by.join(", "));
        }
        if !d.url.is_empty() {
            lines.push(md_escape(&d.url));
        }
        lines.push(self.ui.fill(Key::AnalysedAt, &[self.analysed_at]));
        lines
    }

    /// The grid as Markdown, in the interface's words.
    pub fn markdown(&self) -> String {
        let (r, ui) = (self.report, self.ui);
        let mut out = self.header().join("\n\n");
        out.push_str("\n\n| ");
        out.push_str(ui.get(Key::Topic));
        out.push_str(" |");
        for p in &r.parties {
            out.push_str(&format!(" {} |", md_escape(&ui.label(&p.id, &p.label))));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(r.parties.len()));
        for t in &r.topics {
            out.push_str(&format!("\n| {} |", md_escape(&ui.label(&t.id, &t.label))));
            for p in &r.parties {
                let cell = r.cell(&p.id, &t.id);
                let v = view(cell, self.fixes.fix(&p.id, &t.id));
                let n = v.kept().count();
                let flags = self.flags(&v);
                let flags = if flags.is_empty() { flags } else { format!(" ({flags})") };
                match v.stance {
                    Some(s) => {
                        let summary = cell
                            .filter(|c| v.engine_stance.is_none() && c.stance == s)
                            .map(|c| c.summary.as_str());
                        out.push_str(&format!(
                            " **{}**{flags}: {} ({}) |",
                            md_escape(ui.stance(s).1),
                            md_escape(summary.unwrap_or("")),
                            ui.count(Key::Sentences, n)
                        ));
                    }
                    None => out.push_str(&format!(" {}{flags} |", ui.get(Key::NoneFound))),
                }
            }
        }
        out.push('\n');
        for (party, topic, _, _, v) in self.cells() {
            let stance = v.stance.map_or(ui.get(Key::NoneFound), |s| ui.stance(s).1);
            let flags = self.flags(&v);
            let flags = if flags.is_empty() { flags } else { format!(" ({flags})") };
            out.push_str(&format!(
                "\n### {} · {}: {}{flags}\n\n",
                md_escape(&party),
                md_escape(&topic),
                md_escape(stance)
            ));
            for i in v.kept() {
                let words = sentence_text(r, self.text, i.sentence);
                let who = speaker(i.engine);
                let who = if who.is_empty() { String::new() } else { format!(" — {}", md_escape(who)) };
                let added = if i.engine.is_none() {
                    format!(" ({})", ui.get(Key::AddedByYou))
                } else {
                    String::new()
                };
                out.push_str(&format!("- [{}] {}{who}{added}\n", i.sentence + 1, md_escape(words)));
            }
        }
        if !r.figures.is_empty() {
            let label = |id: &Option<factgrid_engine::Id>, list: &[factgrid_engine::Label]| -> String {
                id.as_ref()
                    .map(|id| {
                        list.iter()
                            .find(|l| l.id == *id)
                            .map_or(id.to_string(), |l| ui.label(&l.id, &l.label))
                    })
                    .unwrap_or_else(|| "-".into())
            };
            out.push_str(&format!(
                "\n### {}\n\n| {} | {} | {} | # |\n|---|---|---|---|\n",
                ui.get(Key::Figures),
                ui.get(Key::Figure),
                ui.get(Key::Topic),
                ui.get(Key::Source)
            ));
            for f in &r.figures {
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    md_escape(&f.text),
                    md_escape(&label(&f.topic, &r.topics)),
                    md_escape(&label(&f.source, &r.parties)),
                    f.sentence + 1
                ));
            }
        }
        out
    }

    /// The evidence and the figures as CSV (ids, not labels; `edited` and
    /// `checked` flag the reader's corrections).
    pub fn csv(&self) -> String {
        let r = self.report;
        let mut out = String::from(
            "kind,party,topic,stance,engine_stance,edited,checked,summary,sentence,speaker,text\n",
        );
        let mut row = |fields: [&str; 11]| {
            out.push_str(&fields.map(csv_field).join(","));
            out.push('\n');
        };
        for (_, _, party, topic, v) in self.cells() {
            let cell = r.cell(party, topic);
            let summary = cell.map_or("", |c| c.summary.as_str());
            let engine = cell.map_or("", |c| c.stance.as_str());
            let (edited, checked) = (if v.edited { "yes" } else { "" }, if v.checked { "yes" } else { "" });
            let stance = v.stance.unwrap_or("");
            let kept: Vec<_> = v.kept().collect();
            if kept.is_empty() {
                row(["cell", party, topic, stance, engine, edited, checked, summary, "", "", ""]);
            }
            for i in kept {
                let n = (i.sentence + 1).to_string();
                let words = sentence_text(r, self.text, i.sentence);
                row([
                    "evidence",
                    party,
                    topic,
                    stance,
                    engine,
                    edited,
                    checked,
                    summary,
                    &n,
                    speaker(i.engine),
                    words,
                ]);
            }
        }
        for f in &r.figures {
            let n = (f.sentence + 1).to_string();
            let (source, topic) = (f.source.as_deref().unwrap_or(""), f.topic.as_deref().unwrap_or(""));
            row(["figure", source, topic, "", "", "", "", "", &n, "", &f.text]);
        }
        out
    }

    /// The engine's report as JSON with, beside it, `meta` (the article's
    /// details), `analysed_at`, `text` and `corrections` (each corrected
    /// cell as the reader left it, flagged `edited`/`checked`).
    pub fn json(&self) -> String {
        let report = self.report.to_json();
        let mut out = String::from(report.trim_end().strip_suffix('}').unwrap_or("{"));
        let d = self.details;
        out.push_str(&format!(
            ",\"meta\":{{\"headline\":{},\"outlet\":{},\"date\":{},\"url\":{}}},\"analysed_at\":{},\"text\":{},\"corrections\":[",
            json_str(&d.headline),
            json_str(&d.outlet),
            json_str(&d.date),
            json_str(&d.url),
            json_str(self.analysed_at),
            json_str(self.text)
        ));
        let mut first = true;
        for f in &self.fixes.fixes {
            let v = view(self.report.cell(&f.party, &f.topic), Some(f));
            let list = |xs: Vec<usize>| xs.iter().map(|x| (x + 1).to_string()).collect::<Vec<_>>().join(",");
            out.push_str(&format!(
                "{}{{\"party\":{},\"topic\":{},\"stance\":{},\"engine_stance\":{},\"edited\":{},\"checked\":{},\"evidence\":[{}],\"dropped\":[{}],\"added\":[{}]}}",
                if first { "" } else { "," },
                json_str(&f.party),
                json_str(&f.topic),
                v.stance.map_or("null".into(), json_str),
                self.report.cell(&f.party, &f.topic).map_or("null".into(), |c| json_str(&c.stance)),
                v.edited,
                v.checked,
                list(v.kept().map(|i| i.sentence).collect()),
                list(f.dropped.iter().map(|r| r.sentence).collect()),
                list(f.added.iter().map(|r| r.sentence).collect()),
            ));
            first = false;
        }
        out.push_str("]}");
        out
    }

    /// A citation of sentence `i` (as `e`, if it is the engine's
    /// evidence): the quoted words (or the sentence), who said it, the
    /// sentence's number and the article's details.
    pub fn citation(&self, i: usize, e: Option<&Evidence>) -> String {
        let words = e
            .and_then(|e| e.quote)
            .and_then(|q| self.text.get(q.range()))
            .map(|q| q.trim().trim_matches(['"', '\u{201c}', '\u{201d}']))
            .unwrap_or_else(|| sentence_text(self.report, self.text, i));
        let mut out = format!("\u{201c}{words}\u{201d}");
        let who = speaker(e);
        if !who.is_empty() {
            out.push_str(&format!(" \u{2014} {who}"));
        }
        let d = self.details;
        let mut source: Vec<&str> =
            [&d.headline, &d.outlet, &d.date].iter().filter(|s| !s.is_empty()).map(|s| s.as_str()).collect();
        let n = self.ui.fill(Key::SentenceNo, &[&(i + 1).to_string()]);
        source.push(&n);
        out.push_str(&format!(". {}.", source.join(", ")));
        if !d.url.is_empty() {
            out.push_str(&format!(" {}", d.url));
        }
        out
    }
}

/// `s` as a JSON string.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corrections::{at, hash, sentence_hashes, Correct};

    const TEXT: &str = "Moscow rejected the truce. The weather was fine. Kyiv backed the truce, \"We want peace,\" Volodymyr Zelensky said.";

    fn setup() -> (Report, Corrections, Details) {
        let r = factgrid_engine::analyze(TEXT, &factgrid_engine::Profile::default_profile());
        let h = sentence_hashes(&r, TEXT);
        let mut c = Corrections::default();
        c.apply(Correct::Rebase { text: hash(TEXT), sentences: h.clone() });
        c.apply(Correct::Stance {
            party: "russia".into(),
            topic: "ceasefire".into(),
            stance: Some("conditional".into()),
            basis: vec![h[0]],
        });
        c.apply(Correct::Add { party: "russia".into(), topic: "ceasefire".into(), at: at(&h, 1).unwrap() });
        c.apply(Correct::Check {
            party: "ukraine".into(),
            topic: "ceasefire".into(),
            checked: true,
            basis: vec![h[2]],
        });
        let d = Details {
            headline: "Truce talk".into(),
            outlet: "The Test Post".into(),
            date: "2025-03-13".into(),
            url: "https://example.org/t".into(),
        };
        (r, c, d)
    }

    fn export<'a>(r: &'a Report, c: &'a Corrections, d: &'a Details) -> Export<'a> {
        Export {
            report: r,
            text: TEXT,
            fixes: c,
            details: d,
            analysed_at: "2026-01-02T03:04:05.000Z",
            ui: Ui::En,
        }
    }

    #[test]
    fn markdown_has_labels_details_and_flags() {
        let (r, c, d) = setup();
        let md = export(&r, &c, &d).markdown();
        assert!(md.starts_with("# Truce talk\n\nThe Test Post, 2025-03-13\n\nhttps://example.org/t\n\nAnalysed at 2026-01-02T03:04:05.000Z"), "{md}");
        assert!(md.contains("| Topic | Russia | Ukraine | United States |"), "{md}");
        assert!(md.contains("| Ceasefire | **Conditional** (edited, was Opposes): "), "{md}");
        assert!(md.contains("**Supports** (checked)"), "{md}");
        assert!(md.contains("- [2] The weather was fine. (added by the reader)"), "{md}");
        assert!(!md.contains("opposes"), "no ids: {md}");
    }

    #[test]
    fn csv_has_flags_and_figures() {
        let (r, c, d) = setup();
        let csv = export(&r, &c, &d).csv();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(
            rows[0],
            "kind,party,topic,stance,engine_stance,edited,checked,summary,sentence,speaker,text"
        );
        assert!(
            rows.iter().any(|r| r.starts_with(
                "\"evidence\",\"russia\",\"ceasefire\",\"conditional\",\"opposes\",\"yes\",\"\""
            ) && r.contains("\"2\",\"\",\"The weather was fine.\"")),
            "{csv}"
        );
        let text = "Ukraine accepted the American plan for a 30-day truce.";
        let r = factgrid_engine::analyze(text, &factgrid_engine::Profile::default_profile());
        let c = Corrections::default();
        let e = Export { text, ..export(&r, &c, &d) };
        assert!(e.csv().lines().any(|l| l.starts_with("\"figure\"") && l.contains("30-day")), "{}", e.csv());
    }

    #[test]
    fn json_keeps_the_report_and_adds_details_text_and_corrections() {
        let (r, c, d) = setup();
        let json = export(&r, &c, &d).json();
        assert!(json.starts_with("{\"schema\":\"factgrid.report/1\""), "{json}");
        assert!(json.contains("\"stance\":\"opposes\""), "the engine's stance stays in its cell");
        assert!(
            json.contains("\"meta\":{\"headline\":\"Truce talk\",\"outlet\":\"The Test Post\""),
            "{json}"
        );
        assert!(json.contains("\"text\":\"Moscow rejected the truce. The weather was fine. Kyiv backed the truce, \\\"We want peace,\\\""));
        assert!(json.contains("{\"party\":\"russia\",\"topic\":\"ceasefire\",\"stance\":\"conditional\",\"engine_stance\":\"opposes\",\"edited\":true,\"checked\":false,\"evidence\":[1,2],\"dropped\":[],\"added\":[2]}"), "{json}");
        assert!(json.ends_with("]}"));
    }

    #[test]
    fn a_citation_has_the_quote_speaker_number_and_details() {
        let (r, c, d) = setup();
        let e = export(&r, &c, &d);
        let ev = r.cell("ukraine", "ceasefire").unwrap().evidence.iter().find(|e| e.quote.is_some());
        let cite = e.citation(2, ev);
        assert!(cite.starts_with("\u{201c}We want peace,\u{201d} \u{2014} Volodymyr Zelensky. Truce talk, The Test Post, 2025-03-13, sentence 3. https://example.org/t"), "{cite}");
        let plain = e.citation(1, None);
        assert!(plain.starts_with("\u{201c}The weather was fine.\u{201d}. Truce talk"), "{plain}");
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_str("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
    }
}
