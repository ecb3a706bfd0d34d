//! The figures panel: numbers with topic, source and a link to the sentence.

use std::rc::Rc;

use factgrid_engine::Report;
use yew::prelude::*;

/// Props of [`FiguresPanel`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The report.
    pub report: Rc<Report>,
    /// A figure's sentence was activated.
    pub on_select: Callback<usize>,
}

/// The list of figures.
#[component]
pub fn FiguresPanel(props: &FiguresProps) -> Html {
    let r = &props.report;
    let label = |id: &Option<factgrid_engine::Id>, list: &[factgrid_engine::Label]| -> String {
        match id {
            Some(id) => list.iter().find(|l| l.id == *id).map_or(id.to_string(), |l| l.label.clone()),
            None => "—".into(),
        }
    };
    html! {
        <section class="fg-figures" aria-labelledby="fg-figures-title">
            <h2 id="fg-figures-title" class="fg-panel-title">{"Figures"}</h2>
            if r.figures.is_empty() {
                <p class="fg-none">{"No figures found."}</p>
            } else {
                <table class="fg-table fg-figures-table">
                    <thead><tr><th scope="col">{"Figure"}</th><th scope="col">{"Topic"}</th><th scope="col">{"Source"}</th></tr></thead>
                    <tbody>
                    { for r.figures.iter().enumerate().map(|(i, f)| {
                        let s = f.sentence;
                        let onclick = props.on_select.reform(move |_: MouseEvent| s);
                        html! {
                            <tr key={i}>
                                <td><button type="button" class="fg-link" {onclick}>{&f.text}</button></td>
                                <td>{label(&f.topic, &r.topics)}</td>
                                <td>{label(&f.source, &r.parties)}</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
