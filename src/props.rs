//! The widget's props and their two presets: the factgrid page and a
//! widget embedded in a host page.

use std::rc::Rc;

use factgrid_engine::{Analyzer, Language, Report};
use yew::prelude::*;

/// Props of [`crate::App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Initial text; when absent, the text saved in this browser.
    #[prop_or_default]
    pub text: Option<AttrValue>,
    /// The profile to analyse with (the built-in ones by default: English,
    /// Russian and Ukrainian, the text's language detected).
    #[prop_or_default]
    pub profile: Option<Rc<CustomProfile>>,
    /// The language to read the text in (`lang`); `None` detects it.
    #[prop_or_default]
    pub lang: Option<Language>,
    /// The language of the widget's own words (`ui-lang`); `None` follows
    /// the article's language, else the browser's (see [`crate::i18n`]).
    #[prop_or_default]
    pub ui_lang: Option<crate::i18n::Ui>,
    /// Keep the text in localStorage.
    #[prop_or(true)]
    pub persist: bool,
    /// Offer "Copy link", a `#text=` permalink (the factgrid page only: an
    /// embedded widget leaves the host page's URL alone).
    #[prop_or(false)]
    pub permalink: bool,
    /// The text of the `#text=` link the page was opened with, or why it
    /// could not be read (see [`crate::hooks::use_permalink`]).
    #[prop_or_default]
    pub link: Option<Result<AttrValue, AttrValue>>,
    /// Which panels to show.
    #[prop_or_default]
    pub panels: Panels,
    /// `auto` (follow the reader's system), `light` or `dark`.
    #[prop_or_default]
    pub theme: Theme,
    /// Called with every new report (the embedding API's event).
    #[prop_or_default]
    pub on_report: Option<Callback<Rc<Report>>>,
    /// URL of `worker.js`: large texts are analysed there, off the main
    /// thread. Without it everything is analysed in the page.
    #[prop_or_default]
    pub worker_url: Option<AttrValue>,
    /// URL of the example article (`www/example-article.txt`, written for
    /// factgrid); without it there is no "Try an example" button.
    #[prop_or_default]
    pub example_url: Option<AttrValue>,
    /// Articles to compare (`mount`'s `articles`): the first is the text
    /// box's (its `text` is in `text`), the others carry their own.
    #[prop_or_default]
    pub articles: Option<Rc<Vec<crate::compare_state::Saved>>>,
    /// Compact (for embedding beside the host's own article): the grid and
    /// the figures only; evidence is shown in the host's article through
    /// `on_evidence` instead of repeated.
    #[prop_or(false)]
    pub compact: bool,
    /// Called with the words of the sentences to highlight in the host's
    /// article, and whether to bring the first into view (compact mode).
    #[prop_or_default]
    pub on_evidence: Option<Callback<(Vec<String>, bool)>>,
    /// The reader's corrections a link carried (see [`crate::corrections`]).
    #[prop_or_default]
    pub link_fixes: Option<AttrValue>,
    /// Where a link asks the widget to open: `cell=PARTY/TOPIC` or `s=N`.
    #[prop_or_default]
    pub open_at: Option<AttrValue>,
}

impl AppProps {
    /// The factgrid page: the saved text, permalinks, the worker and the
    /// example next to the page.
    pub fn page() -> AppProps {
        AppProps {
            persist: true,
            permalink: true,
            worker_url: Some("worker.js".into()),
            example_url: Some("example-article.txt".into()),
            ..AppProps::embedded()
        }
    }

    /// A widget in a host page: nothing kept, the URL left alone, and no
    /// worker or example unless the host page names them.
    pub fn embedded() -> AppProps {
        AppProps {
            text: None,
            profile: None,
            lang: None,
            ui_lang: None,
            persist: false,
            permalink: false,
            link: None,
            panels: Panels::default(),
            theme: Theme::Auto,
            on_report: None,
            worker_url: None,
            example_url: None,
            articles: None,
            compact: false,
            on_evidence: None,
            link_fixes: None,
            open_at: None,
        }
    }
}

/// A profile the host page gave: its JSON, which the analysis worker
/// compiles once, and its analyzer, compiled once on the page (see
/// [`crate::profiles`]).
#[derive(Clone)]
pub struct CustomProfile {
    /// The profile as JSON.
    pub json: String,
    /// The compiled profile.
    pub analyzer: Rc<Analyzer>,
}

impl PartialEq for CustomProfile {
    fn eq(&self, other: &CustomProfile) -> bool {
        Rc::ptr_eq(&self.analyzer, &other.analyzer)
    }
}

/// The panels a page may show or hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    /// The text box and its buttons (off for a read-only widget).
    pub input: bool,
    /// The grid and the export buttons.
    pub grid: bool,
    /// The annotated article.
    pub article: bool,
    /// The figures table.
    pub figures: bool,
}

impl Default for Panels {
    fn default() -> Panels {
        Panels { input: true, grid: true, article: true, figures: true }
    }
}

/// Colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The class that selects the theme's colours.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Auto => "fg-theme-auto",
            Theme::Light => "fg-theme-light",
            Theme::Dark => "fg-theme-dark",
        }
    }
}
