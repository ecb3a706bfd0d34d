//! Several articles in one widget: the list the comparison is made from.
//!
//! Plain data and a reducer, free of web APIs (tested natively). The first
//! entry is normally the text box's article ([`Source::Box`]); the others
//! carry their own text. Titles, outlets and dates the reader typed are
//! kept here; what the engine detects (`factgrid_engine::ArticleMeta`) is
//! shown until the reader changes it.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::{AttrValue, Reducible};

/// The most articles in one widget (the engine compares at most this many).
pub const MAX_ARTICLES: usize = factgrid_engine::MAX_ARTICLES;

/// Where an article's text is.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The text box's text (the single-article view's article).
    Box,
    /// A text of its own, added with "Add article".
    Own(AttrValue),
}

/// One article of the set.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Stable id (for keys and actions), unique in the set.
    pub id: u32,
    /// Its text.
    pub source: Source,
    /// Fields the reader typed (`None`: the detected one is shown).
    pub fields: Fields,
}

/// An article's title, outlet and date as the reader gave them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fields {
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The date (`YYYY-MM-DD` or `--MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Which field of an article the reader edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The outlet.
    Outlet,
    /// The date.
    Date,
}

/// The set as kept in localStorage (and given by `mount`'s `articles`):
/// `text` is absent for the text box's article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The text (none: the text box's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The date (`YYYY-MM-DD` or `--MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Saved {
    /// An article's text and fields (no `serde(flatten)`: it costs the
    /// bundle a deserializer of its own).
    pub fn new(text: Option<String>, f: Fields) -> Saved {
        Saved { text, title: f.title, outlet: f.outlet, date: f.date }
    }

    /// `list` as JSON, as serde_json writes it (fields that are `None` left
    /// out), without serde_json's serializer in the download.
    pub fn list_to_json(list: &[Saved]) -> String {
        let mut out = String::from("[");
        for (i, s) in list.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('{');
            let fields = [("text", &s.text), ("title", &s.title), ("outlet", &s.outlet), ("date", &s.date)];
            let mut first = true;
            for (key, value) in fields {
                if let Some(v) = value {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    out.push('"');
                    out.push_str(key);
                    out.push_str("\":");
                    out.push_str(&factgrid_engine::json_string(v));
                }
            }
            out.push('}');
        }
        out.push(']');
        out
    }

    fn fields(&self) -> Fields {
        Fields { title: self.title.clone(), outlet: self.outlet.clone(), date: self.date.clone() }
    }
}

/// The articles and what the comparison view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Articles {
    /// The articles, in the reader's order.
    pub list: Vec<Entry>,
    next_id: u32,
    /// The chip whose evidence is shown: (party, topic, article index).
    pub selected: Option<(String, String, usize)>,
    /// A problem to tell the reader (a refused file, a set too large to keep).
    pub message: Option<String>,
    /// Bumped when the list changes (for saving).
    pub revision: u32,
}

impl Default for Articles {
    fn default() -> Articles {
        Articles {
            list: vec![Entry { id: 0, source: Source::Box, fields: Fields::default() }],
            next_id: 1,
            selected: None,
            message: None,
            revision: 0,
        }
    }
}

/// What can happen to the set.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareAction {
    /// Add these texts as articles (at most up to [`MAX_ARTICLES`]), and
    /// say what could not be added (`refused`, already in the reader's
    /// language; may be empty).
    /// `too_many` is what to say when some did not fit.
    Add { texts: Vec<(AttrValue, Fields)>, refused: Vec<String>, too_many: String },
    /// Remove the article with this id (the text box's stays: clear it instead).
    Remove(u32),
    /// Move the article with this id one place up (`true`) or down.
    Move(u32, bool),
    /// The reader edited a field.
    Set(u32, Field, String),
    /// Show a chip's evidence (or none).
    Select(Option<(String, String, usize)>),
    /// Show a message (or none).
    Message(Option<String>),
    /// Replace the set with saved articles (and the text box's fields).
    Restore(Vec<Saved>),
}

impl Articles {
    /// The articles with a text of their own.
    pub fn own(&self) -> usize {
        self.list.iter().filter(|e| matches!(e.source, Source::Own(_))).count()
    }

    /// The set as saved (see [`Saved`]).
    pub fn saved(&self) -> Vec<Saved> {
        self.list
            .iter()
            .map(|e| {
                let text = match &e.source {
                    Source::Box => None,
                    Source::Own(t) => Some(t.to_string()),
                };
                Saved::new(text, e.fields.clone())
            })
            .collect()
    }

    fn push(&mut self, source: Source, fields: Fields) {
        self.list.push(Entry { id: self.next_id, source, fields });
        self.next_id += 1;
    }
}

impl Reducible for Articles {
    type Action = CompareAction;

    fn reduce(self: Rc<Self>, action: CompareAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CompareAction::Add { texts, refused, too_many } => {
                let mut over = 0;
                for (text, fields) in texts {
                    if next.list.len() >= MAX_ARTICLES {
                        over += 1;
                        continue;
                    }
                    next.push(Source::Own(text), fields);
                }
                let mut message = refused.join(" ");
                if over > 0 {
                    if !message.is_empty() {
                        message.push(' ');
                    }
                    message.push_str(&too_many);
                }
                next.message = (!message.is_empty()).then_some(message);
                next.revision += 1;
            }
            CompareAction::Remove(id) => {
                next.list.retain(|e| e.id != id || e.source == Source::Box);
                next.selected = None;
                next.revision += 1;
            }
            CompareAction::Move(id, up) => {
                let Some(i) = next.list.iter().position(|e| e.id == id) else { return self };
                let j = match up {
                    true if i > 0 => i - 1,
                    false if i + 1 < next.list.len() => i + 1,
                    _ => return self,
                };
                next.list.swap(i, j);
                next.selected = None;
                next.revision += 1;
            }
            CompareAction::Set(id, field, value) => {
                let Some(e) = next.list.iter_mut().find(|e| e.id == id) else { return self };
                let slot = match field {
                    Field::Title => &mut e.fields.title,
                    Field::Outlet => &mut e.fields.outlet,
                    Field::Date => &mut e.fields.date,
                };
                *slot = Some(value);
                next.revision += 1;
            }
            CompareAction::Select(s) => next.selected = s,
            CompareAction::Message(m) => next.message = m,
            CompareAction::Restore(saved) => {
                next.list.clear();
                let mut has_box = false;
                for s in saved.into_iter().take(MAX_ARTICLES) {
                    let fields = s.fields();
                    match s.text {
                        Some(t) => next.push(Source::Own(t.into()), fields),
                        None if !has_box => {
                            has_box = true;
                            next.push(Source::Box, fields);
                        }
                        None => {}
                    }
                }
                if !has_box {
                    next.list.insert(
                        0,
                        Entry { id: next.next_id, source: Source::Box, fields: Fields::default() },
                    );
                    next.next_id += 1;
                }
                next.selected = None;
            }
        }
        Rc::new(next)
    }
}

/// The comparison of a set, made by the engine, and what the list shows.
#[derive(Debug)]
pub struct Computed {
    /// The engine's comparison of the articles that have a text.
    pub comparison: factgrid_engine::Comparison,
    /// For each entry of the list: the title, outlet and date the engine
    /// detected in its text (shown until the reader changes them).
    pub detected: Vec<factgrid_engine::ArticleMeta>,
    /// For each entry: its index among the compared articles (`None`: no
    /// text, left out).
    pub index: Vec<Option<usize>>,
    /// For each entry: the date the reader typed is not a date.
    pub bad_date: Vec<bool>,
}

/// Compare the articles of `list` (the text box's article reads `box_text`): each text
/// read by the analyzer `analyzer_for` gives it, in `lang` (none: the
/// text's own language); titles, outlets and dates detected by the engine
/// where the reader gave none.
pub fn compute(
    list: &[Entry],
    box_text: &str,
    lang: Option<&str>,
    analyzer_for: &dyn Fn(&str) -> Rc<factgrid_engine::Analyzer>,
) -> Computed {
    use factgrid_engine::{Article, ArticleMeta, Date};
    let texts: Vec<&str> = list
        .iter()
        .map(|e| match &e.source {
            Source::Box => box_text,
            Source::Own(t) => t.as_str(),
        })
        .collect();
    let analyzers: Vec<_> = texts.iter().map(|t| analyzer_for(t)).collect();
    let reports: Vec<_> = texts.iter().zip(&analyzers).map(|(t, a)| a.analyze_in(t, lang)).collect();
    let profile_of =
        |i: usize| analyzers[i].profile_for(&reports[i].language).unwrap_or(analyzers[i].profile());
    let (mut detected, mut index, mut bad_date, mut articles) = (vec![], vec![], vec![], vec![]);
    for (i, e) in list.iter().enumerate() {
        let meta = ArticleMeta::detect(texts[i], profile_of(i));
        let given = |v: &Option<String>| v.as_ref().map(|s| s.trim().to_string());
        let date = match given(&e.fields.date) {
            Some(d) if d.is_empty() => Ok(None),
            Some(d) => d.parse::<Date>().map(Some).map_err(|_| ()),
            None => Ok(meta.date),
        };
        bad_date.push(date.is_err());
        let mine = ArticleMeta {
            title: given(&e.fields.title).filter(|t| !t.is_empty()).unwrap_or_else(|| meta.title.clone()),
            outlet: match given(&e.fields.outlet) {
                Some(o) => (!o.is_empty()).then_some(o),
                None => meta.outlet.clone(),
            },
            date: date.unwrap_or(None),
        };
        detected.push(meta);
        if texts[i].trim().is_empty() {
            index.push(None);
            continue;
        }
        index.push(Some(articles.len()));
        articles.push(Article { text: texts[i], report: &reports[i], meta: mine, id: None });
    }
    let first = index.iter().position(Option::is_some).unwrap_or(0);
    let comparison = match analyzers.is_empty() {
        true => factgrid_engine::compare(&[], &factgrid_engine::Profile::default_profile()),
        false => factgrid_engine::compare(&articles, profile_of(first)),
    };
    Computed { comparison, detected, index, bad_date }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(set: Rc<Articles>, texts: &[&str]) -> Rc<Articles> {
        set.reduce(CompareAction::Add {
            texts: texts.iter().map(|t| (AttrValue::from(t.to_string()), Fields::default())).collect(),
            refused: vec![],
            too_many: "too many".into(),
        })
    }

    #[test]
    fn articles_are_added_moved_and_removed_and_the_box_stays() {
        let set = add(Rc::new(Articles::default()), &["a", "b"]);
        assert_eq!(set.list.len(), 3);
        assert_eq!(set.own(), 2);
        let b = set.list[2].id;
        let set = set.reduce(CompareAction::Move(b, true));
        assert_eq!(set.list[1].source, Source::Own("b".into()));
        let set = set.reduce(CompareAction::Move(b, true));
        assert_eq!(set.list[0].source, Source::Own("b".into()));
        let boxed = set.list[1].id;
        let set = set.reduce(CompareAction::Remove(boxed)).reduce(CompareAction::Remove(b));
        assert_eq!(set.list.len(), 2, "the text box's article is not removed");
        assert_eq!(set.list[0].source, Source::Box);
    }

    #[test]
    fn a_refused_file_is_named_and_the_others_kept() {
        let set = Rc::new(Articles::default()).reduce(CompareAction::Add {
            texts: vec![("one".into(), Fields::default())],
            refused: vec!["bad.bin is not a text.".into()],
            too_many: String::new(),
        });
        assert_eq!(set.own(), 1);
        assert_eq!(set.message.as_deref(), Some("bad.bin is not a text."));
    }

    #[test]
    fn edited_fields_are_kept_and_saved_and_restored() {
        let set = add(Rc::new(Articles::default()), &["text"]);
        let id = set.list[1].id;
        let set = set.reduce(CompareAction::Set(id, Field::Outlet, "Wire".into()));
        let saved = set.saved();
        let json = Saved::list_to_json(&saved);
        assert_eq!(json, r#"[{},{"text":"text","outlet":"Wire"}]"#);
        assert_eq!(json, serde_json::to_string(&saved).unwrap());
        let all = [Saved {
            text: Some("a \"quoted\"\ntext\u{1}".into()),
            title: Some("T".into()),
            outlet: Some("O".into()),
            date: Some("--03-14".into()),
        }];
        assert_eq!(Saved::list_to_json(&all), serde_json::to_string(&all).unwrap());
        let back: Vec<Saved> = serde_json::from_str(&json).unwrap();
        let restored = Rc::new(Articles::default()).reduce(CompareAction::Restore(back));
        assert_eq!(restored.saved(), saved);
    }

    fn built_in(text: &str) -> Rc<factgrid_engine::Analyzer> {
        crate::profiles::built_in_now(crate::profiles::language_of(text, None))
    }

    #[test]
    fn the_engine_compares_the_box_and_the_added_articles() {
        let set = add(
            Rc::new(Articles::default()),
            &["Moscow rejects the truce\nMOSCOW, March 14 (AP) - The Kremlin rejected the truce."],
        );
        let id = set.list[1].id;
        let set = set.reduce(CompareAction::Set(id, Field::Date, "2025-13-40".into()));
        let box_text = "Moscow backs the truce\nMOSCOW, March 13 (Reuters) - The Kremlin backed the truce.";
        let c = compute(&set.list, box_text, None, &built_in);
        assert_eq!(c.index, [Some(0), Some(1)]);
        assert_eq!(c.detected[0].outlet.as_deref(), Some("Reuters"));
        assert_eq!(c.comparison.articles[1].title, "Moscow rejects the truce");
        assert_eq!(c.bad_date, [false, true]);
        let cell = c.comparison.cell("russia", "ceasefire").unwrap();
        assert_eq!(cell.verdict, factgrid_engine::Verdict::Differ);
        let empty = compute(&set.list, "", None, &built_in);
        assert_eq!(empty.index, [None, Some(0)], "an empty text box is left out");
    }

    #[test]
    fn no_more_than_the_limit() {
        let texts: Vec<String> = (0..MAX_ARTICLES + 3).map(|i| i.to_string()).collect();
        let texts: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let set = add(Rc::new(Articles::default()), &texts);
        assert_eq!(set.list.len(), MAX_ARTICLES);
        assert!(set.message.is_some());
    }
}
