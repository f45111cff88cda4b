//! A chart's numbers as an HTML table, sortable by any column.

use crate::i18n::{format_count, Lang, Text};
use crate::views::table::Table;
use leptos::prelude::*;

/// Rows a table shows at most: the DOM stays bounded whatever the data holds.
pub const TABLE_ROWS: usize = 100;

/// The table, in a region that scrolls sideways on narrow screens instead of the page.
#[component]
pub fn TableView(table: Table, caption: String, lang: Lang) -> impl IntoView {
    let sort = RwSignal::new((None::<usize>, false));
    let table = StoredValue::new(table);
    let headings = table.with_value(|table| table.columns.clone());
    let header = headings
        .into_iter()
        .enumerate()
        .map(|(index, (label, numeric))| {
            let aria_sort = move || match sort.get() {
                (Some(column), false) if column == index => "ascending",
                (Some(column), true) if column == index => "descending",
                _ => "none",
            };
            let arrow = move || match sort.get() {
                (Some(column), false) if column == index => " ▲",
                (Some(column), true) if column == index => " ▼",
                _ => "",
            };
            let toggle = move |_| {
                sort.update(|(column, descending)| {
                    *descending = *column == Some(index) && !*descending;
                    *column = Some(index);
                })
            };
            view! {
                <th scope="col" class:pantau-num=numeric aria-sort=aria_sort>
                    <button type="button" class="pantau-sort" on:click=toggle>
                        {label}<span aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let body = move || {
        let (column, descending) = sort.get();
        table.with_value(|table| {
            table
                .order(column, descending)
                .into_iter()
                .take(TABLE_ROWS)
                .map(|row| {
                    let cells = table.rows[row]
                        .iter()
                        .enumerate()
                        .map(|(index, cell)| {
                            if index == 0 {
                                view! { <th scope="row">{cell.text.clone()}</th> }.into_any()
                            } else {
                                let numeric = table
                                    .columns
                                    .get(index)
                                    .is_some_and(|(_, numeric)| *numeric);
                                view! { <td class:pantau-num=numeric>{cell.text.clone()}</td> }
                                    .into_any()
                            }
                        })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view()
        })
    };
    let total = table.with_value(|table| table.rows.len());
    // Past the cap the table says how many rows it shows, of how many (sorting still orders
    // all of them; the CSV download has every row).
    let more = (total > TABLE_ROWS).then(|| {
        let (shown, total) = (
            format_count(TABLE_ROWS as i64, lang),
            format_count(total as i64, lang),
        );
        let text = Text::TableRowsShown.fill(lang, &[("shown", &shown), ("total", &total)]);
        view! { <p class="pantau-note pantau-table-more">{text}</p> }
    });
    let region_label = caption.clone();
    view! {
        <div class="pantau-table-wrap" role="region" aria-label=region_label tabindex="0">
            <table class="pantau-table">
                <caption>{caption}</caption>
                <thead><tr>{header}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {more}
    }
}
