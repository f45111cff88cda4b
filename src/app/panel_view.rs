//! One panel: title, key figures, the chart, its summary and notes.

use super::chart_view::ChartView;
use super::download::Downloads;
use super::live;
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

/// A panel of a view. It lives as long as its place in the view: when a filter changes, the
/// new figures update its nodes in place instead of replacing them.
#[component]
pub fn PanelView(
    panel: Memo<Panel>,
    locale: Locale,
    theme: Theme,
    show_table: RwSignal<bool>,
    expanded: RwSignal<bool>,
    /// Called with a spending unit when the reader activates its bar.
    on_drill: Callback<String>,
    /// The dataset's title, for the names of downloaded files.
    dataset_title: String,
) -> impl IntoView {
    let lang = locale.lang;
    let text = move |read: fn(&Panel) -> &String| move || panel.with(|panel| read(panel).clone());
    let id =
        move |prefix: &'static str| move || panel.with(|panel| format!("{prefix}{}", panel.id));
    let fold_button = live(move || {
        let (hidden_rows, table_only) =
            panel.with(|panel| (panel.hidden_rows, panel.expands_table));
        let open = expanded.get_untracked();
        (hidden_rows > 0 || open).then(|| {
            // Expanded, a very long breakdown still folds its tail (at most MOST_ROWS rows).
            let text = if open {
                Text::ShowFewer.get(lang).to_owned()
            } else if table_only {
                Text::ListAllInTable.get(lang).to_owned()
            } else if hidden_rows + crate::views::TOP_ROWS <= crate::views::MOST_ROWS {
                Text::ShowAll.fill(lang, &[("count", &(hidden_rows + 1).to_string())])
            } else {
                Text::ShowMore.fill(lang, &[("count", &crate::views::MOST_ROWS.to_string())])
            };
            view! {
                <button type="button" class="pantau-fold" aria-expanded=open.to_string() on:click=move |_| expanded.update(|open| *open = !*open)>
                    {text}
                </button>
            }
        })
        .into_any()
    });
    let facts = live(move || {
        panel.with(|panel| {
            panel
                .facts
                .iter()
                .map(|fact| {
                    let status = fact.status.map(status_symbol);
                    let class = status.map_or("pantau-fact", |(_, class)| class);
                    view! {
                        <div class=format!("pantau-fact-item {class}")>
                            <dt>{fact.label.clone()}</dt>
                            <dd aria-label=fact.spoken.clone()>
                                {status.map(|(symbol, _)| view! { <span class="pantau-symbol" aria-hidden="true">{symbol}" "</span> })}
                                {fact.value.clone()}
                            </dd>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        })
    });
    let notes = live(move || {
        panel.with(|panel| {
            panel
                .notes
                .iter()
                .map(|note| view! { <p class="pantau-note">{note.clone()}</p> })
                .collect_view()
                .into_any()
        })
    });
    let chart = Memo::new(move |_| panel.with(|panel| panel.chart.clone()));
    let unavailable_now = Memo::new(move |_| panel.with(|panel| panel.unavailable.is_some()));
    let unavailable = move || unavailable_now.get();
    let caption = Signal::derive(text(|panel| &panel.title));
    let summary_id = Signal::derive(id("pantau-summary-"));
    view! {
        <section class="pantau-panel" id=id("pantau-panel-") aria-labelledby=id("pantau-title-")>
            <h3 class="pantau-panel-title" id=id("pantau-title-")>{text(|panel| &panel.title)}</h3>
            <p class="pantau-subtitle">{text(|panel| &panel.subtitle)}</p>
            <dl class="pantau-facts">{facts}</dl>
            <p class="pantau-unavailable" role="note" hidden=move || panel.with(|panel| panel.unavailable.is_none())>
                {move || panel.with(|panel| panel.unavailable.clone().unwrap_or_default())}
            </p>
            <div class="pantau-toolbar" hidden=unavailable>
                <DisplaySwitch lang show_table />
                <Downloads panel dataset_title locale=locale.clone() theme />
            </div>
            // The table is made anew for new figures; the chart updates its drawing in place. A
            // panel that cannot be computed shows neither.
            {live(move || (show_table.get() && !unavailable()).then_some(live(move || {
                view! { <TableView table=panel.with(|panel| panel.table.clone()) caption=caption.get() lang /> }.into_any()
            })).into_any())}
            {live(move || (!show_table.get() && !unavailable()).then(|| {
                view! { <ChartView spec=chart.into() title=caption summary_id locale=locale.clone() theme on_drill /> }
            }).into_any())}
            {fold_button}
            <p class="pantau-source" hidden=move || panel.with(|panel| panel.source_line.is_empty())>{text(|panel| &panel.source_line)}</p>
            <p class="pantau-summary" id=summary_id>{text(|panel| &panel.summary)}</p>
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
