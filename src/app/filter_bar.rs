//! The filters above the panels (one labelled `<select>` per dimension the data has more than
//! one value of), the drill-down trail with its way back, and a button that clears everything.

use crate::analysis::filter::{Filter, Options};
use crate::i18n::{method_name, stage_name, type_name, Lang, Text};
use crate::model::{Code, Method, ProcurementType, Stage};
use leptos::prelude::*;

/// One choice of a select: the value written to the address, and what the reader sees.
type Choice = (String, String);

/// A labelled select. `all` adds a first choice with the empty value that means "all".
fn select(
    name: &'static str,
    label: &'static str,
    all: Option<&'static str>,
    choices: Vec<Choice>,
    current: Signal<String>,
    set: Callback<String>,
) -> AnyView {
    let id = format!("pantau-filter-{name}");
    let options = all
        .map(|all| (String::new(), all.to_owned()))
        .into_iter()
        .chain(choices)
        .map(|(value, text)| {
            let chosen = value.clone();
            view! { <option value=value selected=move || current.get() == chosen>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="pantau-filter">
            <label for=id.clone()>{label}</label>
            <select id=id name=name prop:value=move || current.get() on:change=move |event| set.run(event_target_value(&event))>
                {options}
            </select>
        </div>
    }
    .into_any()
}

fn coded<T: Code>(values: &[T], name: impl Fn(T) -> &'static str) -> Vec<Choice> {
    values
        .iter()
        .map(|value| (value.code().to_owned(), name(*value).to_owned()))
        .collect()
}

fn named(values: &[String]) -> Vec<Choice> {
    values
        .iter()
        .map(|value| (value.clone(), value.clone()))
        .collect()
}

/// The filter controls; `stage_shown` is the stage the views count when none is chosen.
#[component]
pub fn FilterBar(
    options: Options,
    lang: RwSignal<Lang>,
    filter: RwSignal<Filter>,
    stage_shown: Signal<Option<Stage>>,
) -> impl IntoView {
    let options = StoredValue::new(options);
    let controls = move || {
        let lang = lang.get();
        let options = options.get_value();
        let mut controls = Vec::new();
        if options.years.len() > 1 {
            let default_year = options.default_year;
            let current = Signal::derive(move || {
                filter.with(|filter| filter.year.unwrap_or(default_year).to_string())
            });
            let years = options
                .years
                .iter()
                .map(|year| (year.to_string(), year.to_string()))
                .collect();
            let set = move |value: String| filter.update(|filter| filter.year = value.parse().ok());
            controls.push(select(
                "year",
                Text::FiscalYear.get(lang),
                None,
                years,
                current,
                Callback::new(set),
            ));
        }
        let all = Some(Text::All.get(lang));
        if options.units.len() > 1 {
            let current = Signal::derive(move || {
                filter.with(|filter| filter.unit.clone().unwrap_or_default())
            });
            let set = move |value: String| {
                filter.update(|filter| filter.unit = Some(value).filter(|value| !value.is_empty()))
            };
            controls.push(select(
                "unit",
                Text::Unit.get(lang),
                all,
                named(&options.units),
                current,
                Callback::new(set),
            ));
        }
        if options.regions.len() > 1 {
            let current = Signal::derive(move || {
                filter.with(|filter| filter.region.clone().unwrap_or_default())
            });
            let set = move |value: String| {
                filter
                    .update(|filter| filter.region = Some(value).filter(|value| !value.is_empty()))
            };
            controls.push(select(
                "region",
                Text::Region.get(lang),
                all,
                named(&options.regions),
                current,
                Callback::new(set),
            ));
        }
        if options.methods.len() > 1 {
            let current = Signal::derive(move || {
                filter.with(|filter| {
                    filter
                        .method
                        .map(|method| method.code().to_owned())
                        .unwrap_or_default()
                })
            });
            let set = move |value: String| {
                filter.update(|filter| filter.method = Method::from_code(&value))
            };
            let choices = coded(&options.methods, |method| method_name(method, lang));
            controls.push(select(
                "method",
                Text::Method.get(lang),
                all,
                choices,
                current,
                Callback::new(set),
            ));
        }
        if options.kinds.len() > 1 {
            let current = Signal::derive(move || {
                filter.with(|filter| {
                    filter
                        .kind
                        .map(|kind| kind.code().to_owned())
                        .unwrap_or_default()
                })
            });
            let set = move |value: String| {
                filter.update(|filter| filter.kind = ProcurementType::from_code(&value))
            };
            let choices = coded(&options.kinds, |kind| type_name(kind, lang));
            controls.push(select(
                "type",
                Text::Type.get(lang),
                all,
                choices,
                current,
                Callback::new(set),
            ));
        }
        if options.stages.len() > 1 {
            let current = Signal::derive(move || {
                filter
                    .with(|filter| filter.stage)
                    .or_else(|| stage_shown.get())
                    .map(|stage| stage.code().to_owned())
                    .unwrap_or_default()
            });
            let set = move |value: String| {
                filter.update(|filter| filter.stage = Stage::from_code(&value))
            };
            let choices = coded(&options.stages, |stage| stage_name(stage, lang));
            controls.push(select(
                "stage",
                Text::Stage.get(lang),
                None,
                choices,
                current,
                Callback::new(set),
            ));
        }
        (!controls.is_empty()).then(|| {
            let clear = move || filter.with(|filter| *filter != Filter::default()).then(|| view! {
                <button type="button" class="pantau-clear" on:click=move |_| filter.set(Filter::default())>{Text::ClearFilters.get(lang)}</button>
            });
            view! {
                <div class="pantau-filters" role="group" aria-label=Text::Filters.get(lang)>
                    {controls}
                    {clear}
                </div>
            }
        })
    };
    let trail = move || {
        let lang = lang.get();
        let unit = filter.with(|filter| filter.unit.clone())?;
        Some(view! {
            <div class="pantau-drill">
                <button type="button" class="pantau-back" on:click=move |_| filter.update(|filter| filter.unit = None)>
                    <span aria-hidden="true">"← "</span>{Text::BackToAllUnits.get(lang)}
                </button>
                <p class="pantau-drill-unit">{Text::Unit.get(lang)}": "<strong>{unit}</strong></p>
            </div>
        })
    };
    view! {
        {controls}
        {trail}
    }
}
