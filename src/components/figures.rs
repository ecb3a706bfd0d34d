//! The figures panel: numbers with topic, source and a link to the sentence.

use yew::prelude::*;

use crate::i18n::{Key, Ui};
use crate::state::SharedReport;

/// The most figures listed: a text of nothing but numbers must not become
/// a table of a hundred thousand rows.
pub const MAX_FIGURES: usize = 200;

/// The list of figures, with a link from each to its sentence. A plain
/// function (see [`super::stance::stance_badge`]); at most
/// [`MAX_FIGURES`] rows are rebuilt when the app renders. Its words are in
/// the interface language `ui`; the figures, in the article's.
pub fn figures_panel(report: &SharedReport, on_select: &Callback<usize>, ui: Ui) -> Html {
    let r = report;
    let label = |id: &Option<factgrid_engine::Id>, list: &[factgrid_engine::Label]| -> String {
        match id {
            Some(id) => {
                list.iter().find(|l| l.id == *id).map_or(id.to_string(), |l| ui.label(&l.id, &l.label))
            }
            None => "—".into(),
        }
    };
    html! {
        <section class="fg-figures" aria-labelledby="fg-figures-title">
            <h2 id="fg-figures-title" class="fg-panel-title">{ui.get(Key::Figures)}</h2>
            if r.figures.is_empty() {
                <p class="fg-none">{ui.get(Key::NoFigures)}</p>
            } else {
                <table class="fg-table fg-figures-table">
                    <thead><tr><th scope="col">{ui.get(Key::Figure)}</th><th scope="col">{ui.get(Key::Topic)}</th><th scope="col">{ui.get(Key::Source)}</th></tr></thead>
                    <tbody>
                    { for r.figures.iter().take(MAX_FIGURES).enumerate().map(|(i, f)| {
                        let s = f.sentence;
                        let onclick = on_select.reform(move |_: MouseEvent| s);
                        html! {
                            <tr key={i}>
                                <td><button type="button" class="fg-link" lang={r.language.clone()} {onclick}>{&f.text}</button></td>
                                <td>{label(&f.topic, &r.topics)}</td>
                                <td>{label(&f.source, &r.parties)}</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                if r.figures.len() > MAX_FIGURES {
                    <p class="fg-more">{ui.fill(Key::MoreFigures, &[&(r.figures.len() - MAX_FIGURES).to_string()])}</p>
                }
            }
        </section>
    }
}
