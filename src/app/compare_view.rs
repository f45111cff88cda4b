//! Change since last time: the switch that turns the comparison on, and the table of each
//! headline figure then and now with its change (the pure part is `views::compare`).

use super::fetch::{fetch_dataset, DataSource, Fetched};
use crate::analysis::filter::{apply_with, Filter, Options, Oversee};
use crate::chart::Locale;
use crate::format::Loaded;
use crate::i18n::{format_date, Lang, Text};
use crate::model::{Dataset, Stage};
use crate::views::compare::{changes, summary};
use crate::views::{Compare, Measure, View};
use leptos::prelude::*;
use std::sync::Arc;

/// What the shown figures are compared with, once it is known.
#[derive(Debug, Clone)]
enum Then {
    /// The earlier file is still loading.
    Loading,
    /// It cannot be compared, and why (in the reader's language).
    Failed(String),
    /// The dataset then, under the same filters, how it is named in a sentence and above its
    /// column.
    Ready(Arc<Dataset>, String, String),
}

/// Everything the comparison needs from the dashboard.
#[derive(Clone)]
pub struct CompareContext {
    pub loaded: StoredValue<Arc<Loaded>>,
    pub options: Options,
    pub narrowed: Memo<Dataset>,
    pub filter: RwSignal<Filter>,
    pub stage_shown: Signal<Option<Stage>>,
    pub view_choice: RwSignal<View>,
    pub measure: RwSignal<Measure>,
    pub compare: RwSignal<Compare>,
    /// The data source the widget loaded, for an earlier file's request (its limits, page and
    /// credentials).
    pub source: DataSource,
    /// The earlier file the page named, if any (the switch turns it on and off).
    pub file: Option<String>,
}

/// The switch and, when it is on, the comparison.
#[component]
pub fn CompareBlock(context: CompareContext, lang: RwSignal<Lang>) -> impl IntoView {
    let CompareContext {
        loaded,
        options,
        narrowed,
        filter,
        stage_shown,
        view_choice,
        measure,
        compare,
        source,
        file,
    } = context;
    let default_year = options.default_year;
    let years = StoredValue::new(options.years.clone());
    let year_shown = Memo::new(move |_| filter.with(|filter| filter.year.unwrap_or(default_year)));
    let has_previous =
        Memo::new(move |_| years.with_value(|years| years.contains(&(year_shown.get() - 1))));
    // The earlier file, fetched when the comparison with it is on (and again if it is turned on
    // after a failure).
    let progress = RwSignal::new((0usize, None::<usize>));
    let earlier = LocalResource::new(move || {
        let wanted = compare.get();
        let mut source = source.clone();
        async move {
            let Compare::File(address) = wanted else {
                return None;
            };
            source.url = address;
            source.in_page = false;
            source.format = None;
            source.published = Default::default();
            Some(fetch_dataset(source, None, progress, Filter::default()).await)
        }
    });
    // The oversight indicators only for their view (they are half the work on packages).
    let narrow = move |dataset: &Dataset, filter: &Filter| {
        apply_with(
            dataset,
            filter,
            Oversee::when(view_choice.get() == View::Oversight),
        )
    };
    // A new comparison each time (comparing two whole datasets would only cost time).
    let then = Memo::new_with_compare(
        move |_| -> Option<Then> {
            let lang = lang.get();
            match compare.get() {
                Compare::Nothing => None,
                Compare::PreviousYear => {
                    let previous = year_shown.get() - 1;
                    if !has_previous.get() {
                        let year = previous.to_string();
                        return Some(Then::Failed(
                            Text::CompareNoYear.fill(lang, &[("year", &year)]),
                        ));
                    }
                    let mut wanted = filter.get();
                    wanted.year = Some(previous);
                    wanted.stage = stage_shown.get();
                    let dataset = loaded.with_value(|loaded| narrow(&loaded.dataset, &wanted));
                    let year = previous.to_string();
                    Some(Then::Ready(Arc::new(dataset), year.clone(), year))
                }
                Compare::File(_) => Some(match earlier.get().flatten() {
                    None => Then::Loading,
                    Some(Err(error)) => Then::Failed(
                        Text::CompareFailed.fill(lang, &[("reason", &error.message(lang))]),
                    ),
                    Some(Ok(Fetched {
                        loaded, options, ..
                    })) => {
                        let mut wanted = filter.get();
                        if wanted
                            .year
                            .is_some_and(|year| !options.years.contains(&year))
                        {
                            wanted.year = None;
                        }
                        wanted.stage = stage_shown.get();
                        let dataset = narrow(&loaded.dataset, &wanted);
                        let date = format_date(loaded.dataset.meta.as_of, lang);
                        let name = Text::CompareFile.fill(lang, &[("date", &date)]);
                        let heading = Text::CompareBefore.fill(lang, &[("date", &date)]);
                        Then::Ready(Arc::new(dataset), name, heading)
                    }
                }),
            }
        },
        |_, _| true,
    );
    let switch = move || {
        let lang = lang.get();
        let (label, target) = match &file {
            Some(address) => (
                Text::CompareWithFile.get(lang).to_owned(),
                Compare::File(address.clone()),
            ),
            None => {
                let year = (year_shown.get() - 1).to_string();
                let label = Text::CompareWithYear.fill(lang, &[("year", &year)]);
                (label, Compare::PreviousYear)
            }
        };
        let shown =
            file.is_some() || has_previous.get() || compare.with(|on| *on != Compare::Nothing);
        let pressed = compare.with(|on| *on != Compare::Nothing);
        shown.then(|| {
            view! {
                <button
                    type="button"
                    class="pantau-display pantau-compare-switch"
                    aria-pressed=pressed.to_string()
                    on:click=move |_| {
                        compare.set(if pressed { Compare::Nothing } else { target.clone() })
                    }
                >
                    {label}
                </button>
            }
        })
    };
    let table = move || {
        let lang = lang.get();
        let then = then.get()?;
        Some(match then {
            Then::Loading => {
                view! { <p class="pantau-compare" role="status">{Text::CompareLoading.get(lang)}</p> }
                    .into_any()
            }
            Then::Failed(message) => {
                view! { <p class="pantau-compare pantau-compare-failed" role="status">{message}</p> }
                    .into_any()
            }
            Then::Ready(earlier, then_name, then_heading) => {
                let locale = Locale {
                    lang,
                    currency: loaded.with_value(|loaded| loaded.dataset.meta.currency.clone()),
                };
                let view = view_choice.get();
                let measure = measure.get();
                let (rows, now_name) = narrowed.with(|now| {
                    let rows = changes(&earlier, now, view, &locale, measure);
                    let now_name = match compare.with(|on| matches!(on, Compare::File(_))) {
                        true => Text::CompareNow
                            .fill(lang, &[("date", &format_date(now.meta.as_of, lang))]),
                        false => year_shown.get().to_string(),
                    };
                    (rows, now_name)
                });
                let title = Text::CompareTitle.fill(lang, &[("then", &then_name)]);
                let region = title.clone();
                if rows.is_empty() {
                    return Some(view! {
                        <section class="pantau-compare" aria-label=title>
                            <p class="pantau-note">{Text::CompareNothing.get(lang)}</p>
                        </section>
                    }
                    .into_any());
                }
                let sentence = summary(&rows, &then_name, lang);
                let body = rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr>
                                <th scope="row">{row.label}</th>
                                <td class="pantau-num">{row.then}</td>
                                <td class="pantau-num">{row.now}</td>
                                <td class="pantau-num">{row.change}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="pantau-compare" aria-labelledby="pantau-compare-title">
                        <h3 class="pantau-panel-title" id="pantau-compare-title">{title}</h3>
                        <div class="pantau-table-wrap" role="region" aria-label=region tabindex="0">
                            <table class="pantau-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{Text::CompareMeasure.get(lang)}</th>
                                        <th scope="col" class="pantau-num">{then_heading}</th>
                                        <th scope="col" class="pantau-num">{now_name}</th>
                                        <th scope="col" class="pantau-num">{Text::CompareChange.get(lang)}</th>
                                    </tr>
                                </thead>
                                <tbody>{body}</tbody>
                            </table>
                        </div>
                        <p class="pantau-summary">{sentence}</p>
                    </section>
                }
                .into_any()
            }
        })
    };
    view! {
        <div class="pantau-compare-switches">{switch}</div>
        {table}
    }
}
