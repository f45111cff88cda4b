//! One panel: title, key figures, the chart, its summary and notes.

use super::chart_view::ChartView;
use super::download::Downloads;
use super::table_view::TableView;
use crate::chart::theme::Theme;
use crate::chart::Locale;
use crate::i18n::{Lang, Text};
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
pub fn PanelView(
    panel: Panel,
    locale: Locale,
    theme: Theme,
    show_table: RwSignal<bool>,
    expanded: RwSignal<bool>,
    /// Called with a spending unit when the reader activates its bar.
    on_drill: Callback<String>,
    /// The dataset's title, for the names of downloaded files.
    dataset_title: String,
) -> impl IntoView {
    let hidden_rows = panel.hidden_rows;
    let fold_button = (hidden_rows > 0 || expanded.get_untracked()).then(|| {
        let text = if hidden_rows > 0 {
            format!("{} ({})", Text::ShowAll.get(locale.lang), hidden_rows + 1)
        } else {
            Text::ShowFewer.get(locale.lang).to_owned()
        };
        view! {
            <button type="button" class="pantau-fold" aria-expanded=(hidden_rows == 0).to_string() on:click=move |_| expanded.update(|open| *open = !*open)>
                {text}
            </button>
        }
    });
    let lang = locale.lang;
    let downloads = view! {
        <Downloads table=panel.table.clone() chart=panel.chart.clone() title=panel.title.clone() summary=panel.summary.clone() dataset_title locale=locale.clone() theme />
    };
    let summary_id = format!("pantau-summary-{}", panel.id);
    let table = StoredValue::new(panel.table);
    let chart = StoredValue::new(panel.chart);
    let caption = StoredValue::new(panel.title.clone());
    let summary_for = summary_id.clone();
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
            <div class="pantau-toolbar">
                <DisplaySwitch lang show_table />
                {downloads}
            </div>
            {move || if show_table.get() {
                view! { <TableView table=table.get_value() caption=caption.get_value() /> }.into_any()
            } else {
                view! { <ChartView spec=chart.get_value() title=caption.get_value() summary_id=summary_id.clone() locale=locale.clone() theme on_drill /> }.into_any()
            }}
            {fold_button}
            <p class="pantau-source">{panel.source_line}</p>
            <p class="pantau-summary" id=summary_for>{panel.summary}</p>
            {notes}
        </section>
    }
}

/// Chart or table, for every panel of the view at once.
#[component]
fn DisplaySwitch(lang: Lang, show_table: RwSignal<bool>) -> impl IntoView {
    let button = move |table: bool, text: Text| {
        view! {
            <button
                type="button"
                class="pantau-display"
                aria-pressed=move || (show_table.get() == table).to_string()
                on:click=move |_| show_table.set(table)
            >
                {text.get(lang)}
            </button>
        }
    };
    view! {
        <div class="pantau-displays" role="group" aria-label=Text::Display.get(lang)>
            {button(false, Text::Chart)}
            {button(true, Text::Table)}
        </div>
    }
}
