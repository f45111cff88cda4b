//! The filters above the panels (one labelled `<select>` per dimension the data has more than
//! one value of; a searchable [`ComboBox`] where it has more than fifty), the drill-down trail with its way back, and a button that clears everything.

use super::combo_box::ComboBox;
use crate::analysis::filter::{Filter, Options, CHOICES_SHOWN};
use crate::i18n::{method_name, stage_name, type_name, Lang, Text};
use crate::model::{Code, Stage};
use leptos::prelude::*;

use super::combo_box::Choice;

/// A select: parameter name, label, the "all" choice if any, choices, value shown when unset.
type SelectSpec = (
    &'static str,
    Text,
    Option<&'static str>,
    Vec<Choice>,
    Signal<String>,
);

/// A labelled select of one filter parameter. `all` adds a first choice with the empty value
/// ("all"); `fallback` is shown when the parameter is not set.
fn select(
    name: &'static str,
    label: &'static str,
    all: Option<&'static str>,
    choices: Vec<Choice>,
    filter: RwSignal<Filter>,
    fallback: Signal<String>,
    lang: Lang,
) -> AnyView {
    let id = format!("pantau-filter-{name}");
    let current = move || {
        filter
            .with(|filter| filter.param(name))
            .unwrap_or_else(|| fallback.get())
    };
    if choices.len() > CHOICES_SHOWN {
        // Too many for a list: searched instead (the page never holds thousands of options).
        let on_choose = Callback::new(move |value: String| {
            filter.update(|filter| filter.set_param(name, &value))
        });
        return view! { <ComboBox name label all choices current=Signal::derive(current) on_choose lang /> }
            .into_any();
    }
    let options = all
        .map(|all| (String::new(), Some(all)))
        .into_iter()
        .chain(choices)
        .map(|choice| {
            let text = super::combo_box::text(&choice).to_owned();
            let value = choice.0;
            let chosen = value.clone();
            view! { <option value=value selected=move || current() == chosen>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="pantau-filter">
            <label for=id.clone()>{label}</label>
            <select id=id name=name prop:value=current on:change=move |event| filter.update(|filter| filter.set_param(name, &event_target_value(&event)))>
                {options}
            </select>
        </div>
    }
    .into_any()
}

fn coded<T: Code>(values: &[T], name: impl Fn(T) -> &'static str) -> Vec<Choice> {
    values
        .iter()
        .map(|value| (value.code().to_owned(), Some(name(*value))))
        .collect()
}

fn named(values: &[String]) -> Vec<Choice> {
    values.iter().map(|value| (value.clone(), None)).collect()
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
        let all = Some(Text::All.get(lang));
        let none = Signal::derive(String::new);
        let default_year = options.with_value(|options| options.default_year.to_string());
        let stage = Signal::derive(move || {
            stage_shown
                .get()
                .map(|stage| stage.code().to_owned())
                .unwrap_or_default()
        });
        let years = options.with_value(|options| {
            options
                .years
                .iter()
                .map(|year| (year.to_string(), None))
                .collect()
        });
        // Read in place: a copy of every name would cost as much as the list itself.
        let selects: [SelectSpec; 7] = options.with_value(|options| {
            [
                (
                    "year",
                    Text::FiscalYear,
                    None,
                    years,
                    Signal::derive(move || default_year.clone()),
                ),
                ("unit", Text::Unit, all, named(&options.units), none),
                ("region", Text::Region, all, named(&options.regions), none),
                (
                    "government",
                    Text::Government,
                    all,
                    named(&options.governments),
                    none,
                ),
                (
                    "method",
                    Text::Method,
                    all,
                    coded(&options.methods, |method| method_name(method, lang)),
                    none,
                ),
                (
                    "type",
                    Text::Type,
                    all,
                    coded(&options.kinds, |kind| type_name(kind, lang)),
                    none,
                ),
                (
                    "stage",
                    Text::Stage,
                    None,
                    coded(&options.stages, |stage| stage_name(stage, lang)),
                    stage,
                ),
            ]
        });
        let controls: Vec<AnyView> = selects
            .into_iter()
            .filter(|(_, _, _, choices, _)| choices.len() > 1)
            .map(|(name, label, all, choices, fallback)| {
                select(name, label.get(lang), all, choices, filter, fallback, lang)
            })
            .collect();
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
