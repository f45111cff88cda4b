//! One panel: title, key figures, the chart, its summary and notes.

use super::chart_view::ChartView;
use crate::chart::theme::Theme;
use crate::chart::Locale;
use crate::views::{Panel, Status};
use leptos::prelude::*;

fn status_symbol(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Good => ("✓", "pantau-good"),
        Status::Warning => ("!", "pantau-warning"),
        Status::Bad => ("✗", "pantau-bad"),
    }
}

/// A panel of a view.
#[component]
pub fn PanelView(panel: Panel, locale: Locale, theme: Theme) -> impl IntoView {
    let summary_id = format!("pantau-summary-{}", panel.id);
    let title_id = format!("pantau-title-{}", panel.id);
    let labelled_by = title_id.clone();
    let facts = panel
        .facts
        .into_iter()
        .map(|fact| {
            let status = fact.status.map(status_symbol);
            let class = status.map_or("pantau-fact", |(_, class)| class);
            view! {
                <div class=format!("pantau-fact-item {class}")>
                    <dt>{fact.label}</dt>
                    <dd aria-label=fact.spoken.clone()>
                        {status.map(|(symbol, _)| view! { <span class="pantau-symbol" aria-hidden="true">{symbol}" "</span> })}
                        {fact.value}
                    </dd>
                </div>
            }
        })
        .collect_view();
    let notes = panel
        .notes
        .into_iter()
        .map(|note| view! { <p class="pantau-note">{note}</p> })
        .collect_view();
    view! {
        <section class="pantau-panel" id=format!("pantau-panel-{}", panel.id) aria-labelledby=labelled_by>
            <h3 class="pantau-panel-title" id=title_id>{panel.title.clone()}</h3>
            <p class="pantau-subtitle">{panel.subtitle}</p>
            <dl class="pantau-facts">{facts}</dl>
            <ChartView spec=panel.chart title=panel.title summary_id=summary_id.clone() locale theme />
            <p class="pantau-source">{panel.source_line}</p>
            <p class="pantau-summary" id=summary_id>{panel.summary}</p>
            {notes}
        </section>
    }
}
