//! The whole widget: fetch state, header with language switch and view tabs, panels, footer.

use super::compare_view::{CompareBlock, CompareContext};
use super::config::{write_to_location, Config};
use super::fetch::{fetch_dataset, DataSource, Fetched, Published};
use super::filter_bar::FilterBar;
use super::footer::Footer;
use super::header::{follow_system_dark_mode, LanguageSwitch, ViewTabs};
use super::panel_view::PanelView;
use super::root::{focus_first, WidgetRoot};
use super::share::{Origin, SharePanel};
use super::status::{DataIssues, ErrorMessage, Loading};
use crate::analysis::filter::{apply_with, Filter, Options, Oversee};
use crate::chart::theme::{Theme, ThemeChoice};
use crate::chart::Locale;
use crate::format::Loaded;
use crate::i18n::{Lang, Text};
use crate::model::Dataset;
use crate::provenance::Verification;
use crate::views::{panels_of, Compare, Measure, View};
use leptos::prelude::*;
use std::sync::Arc;

/// The widget, configured by the page address.
#[component]
pub fn Widget(
    config: Config,
    /// The picture the page shows in the widget's place until its first chart, if any.
    snapshot: Option<super::snapshot::Snapshot>,
) -> impl IntoView {
    let lang = RwSignal::new(config.lang);
    let view_choice = RwSignal::new(config.view);
    let theme_choice = RwSignal::new(config.theme);
    let measure = RwSignal::new(config.measure);
    let compare = RwSignal::new(config.compare.clone());
    let filter = RwSignal::new(config.filter);
    let system_dark = follow_system_dark_mode();
    let dark = Memo::new(move |_| theme_choice.get().is_dark(system_dark.get()));
    // The address changes only once the reader changes something, not on the first run; and
    // only the widget's own page: an element on a host page leaves the host's address alone.
    let in_page = config.in_page;
    Effect::new(move |previous: Option<()>| {
        let (view, lang, theme) = (view_choice.get(), lang.get(), theme_choice.get());
        let (measure, filter) = (measure.get(), filter.get());
        let compare = compare.get();
        if previous.is_some() && in_page {
            write_to_location(&crate::options::Chosen {
                view,
                lang,
                theme,
                measure,
                compare: &compare,
                filter: &filter,
            });
        }
    });
    // Removing the widget aborts its fetch.
    let cancel = web_sys::AbortController::new().ok();
    let signal = cancel.as_ref().map(web_sys::AbortController::signal);
    if let Some(cancel) = cancel {
        let cancel = send_wrapper::SendWrapper::new(cancel);
        on_cleanup(move || cancel.abort());
    }
    let src = config.src.clone();
    let (format, limits) = (config.format, config.limits);
    let published = Published {
        sha256: config.sha256.clone(),
        manifest: config.manifest.clone(),
    };
    let progress = RwSignal::new((0usize, None::<usize>));
    let compare_file = match &config.compare {
        Compare::File(address) => Some(address.clone()),
        _ => None,
    };
    let source = DataSource {
        url: src,
        format,
        limits,
        published,
        page: config.page.clone(),
        in_page,
        credentials: config.credentials,
        snapshot: snapshot.clone(),
    };
    let compare_source = DataSource {
        snapshot: None,
        ..source.clone()
    };
    let shown = super::snapshot::Shown(StoredValue::new_local(snapshot));
    provide_context(shown);
    let data = LocalResource::new(move || {
        fetch_dataset(
            source.clone(),
            signal.clone(),
            progress,
            filter.get_untracked(),
        )
    });
    // The page's own language follows the reader's choice; a host page's is the host's.
    if in_page {
        Effect::new(move |_| {
            if let Some(root) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.document_element())
            {
                let _ = root.set_attribute("lang", lang.get().tag());
            }
        });
    }
    // Data that cannot be shown leaves the picture in place, the widget's message below it.
    Effect::new(move |_| {
        if data.with(|data| matches!(data, Some(Err(_)))) {
            let lang = lang.get_untracked();
            shown.with(|snapshot| snapshot.keep(lang));
        }
    });
    let root = NodeRef::<leptos::html::Div>::new();
    provide_context(WidgetRoot(root));
    provide_context(super::chart_view::ChartWidths(StoredValue::new(
        Default::default(),
    )));
    let origin = Origin {
        page: config.page.clone(),
        src: config.src.clone(),
        kept: config.kept.clone(),
    };
    let src_link = config.src;
    let flags = config.flags;
    view! {
        <div
            class="pantau-widget"
            node_ref=root
            lang=move || lang.get().tag()
            class:pantau-plain=flags.plain
            class:pantau-static=flags.fixed
            class:pantau-transparent=flags.transparent
            data-theme=move || if dark.get() { "dark" } else { "light" }
        >
            {move || match data.get() {
                None => view! { <Loading lang=lang.get() progress /> }.into_any(),
                Some(Err(error)) => view! { <ErrorMessage error lang=lang.get() on_retry=move || data.refetch() /> }.into_any(),
                Some(Ok(Fetched { loaded, verification, options, first })) => view! { <Dashboard loaded verification options first lang view_choice filter theme_choice measure compare compare_with=(compare_source.clone(), compare_file.clone()) dark src=src_link.clone() fixed=flags.fixed origin=origin.clone() /> }.into_any(),
            }}
        </div>
    }
}

/// What the reader sees once the data is in.
#[component]
fn Dashboard(
    loaded: Arc<Loaded>,
    verification: Option<Verification>,
    /// What the reader can choose from.
    options: Options,
    /// The dataset as a filter narrows it, computed while loading (used once, if still current).
    first: (Filter, Dataset),
    lang: RwSignal<Lang>,
    view_choice: RwSignal<View>,
    filter: RwSignal<Filter>,
    theme_choice: RwSignal<ThemeChoice>,
    measure: RwSignal<Measure>,
    compare: RwSignal<Compare>,
    /// The data source, for an earlier file's request, and the earlier file the page named.
    compare_with: (DataSource, Option<String>),
    dark: Memo<bool>,
    src: String,
    /// `static`: the panels take no focus and no pointer.
    fixed: bool,
    /// Where the widget's page is, for the share panel.
    origin: Origin,
) -> impl IntoView {
    // The first charts start at the widget's content width, measured once here, so that they
    // are not drawn a second time when their resize observers report it.
    if let (Some(WidgetRoot(root)), Some(widths)) = (
        WidgetRoot::find(),
        use_context::<super::chart_view::ChartWidths>(),
    ) {
        if let Some(width) = root.get_untracked().and_then(|root| content_width(&root)) {
            widths.0.update_value(|known| {
                known.entry(String::new()).or_insert(width);
            });
        }
    }
    let issues = loaded.issues.clone();
    let compare_options = options.clone();
    let dataset = StoredValue::new(loaded);
    let first = StoredValue::new(Some(first));
    // Every filter change gives a new dataset: comparing two whole datasets would only cost
    // code and time.
    // The oversight indicators are computed only while their view is shown (they are about
    // half of the work on package-level data).
    let oversee = Memo::new(move |_| view_choice.get() == View::Oversight);
    let narrowed = Memo::new_with_compare(
        move |_| {
            let current = filter.read();
            let oversee = oversee.get();
            let ready = first
                .try_update_value(|first| first.take())
                .flatten()
                .filter(|(used, _)| *used == *current && !oversee);
            match ready {
                Some((_, narrowed)) => narrowed,
                None => dataset.with_value(|loaded| {
                    apply_with(&loaded.dataset, &current, Oversee::when(oversee))
                }),
            }
        },
        |_, _| true,
    );
    // A file without amounts is counted whatever the reader picks: the switch says so.
    let counts_only = Signal::derive(move || {
        narrowed.with(|dataset| {
            dataset
                .spending
                .as_ref()
                .is_some_and(crate::views::measure::values_missing)
        })
    });
    let stage_shown = Signal::derive(move || {
        narrowed.with(|dataset| {
            let spending = dataset.spending.as_ref().map(|spending| spending.stage);
            spending.or_else(|| dataset.local_content.as_ref().map(|content| content.stage))
        })
    });
    // Drilling down re-renders the chart that had focus: focus moves to the way back.
    let widget_root = WidgetRoot::find();
    let on_drill = Callback::new(move |unit: String| {
        filter.update(|filter| filter.unit = Some(unit));
        request_animation_frame(move || focus_first(widget_root, ".pantau-back"));
    });
    let show_table = RwSignal::new(false);
    let expanded = RwSignal::new(false);
    let title = StoredValue::new(dataset.with_value(|loaded| loaded.dataset.meta.title.clone()));
    let illustrative = dataset.with_value(|loaded| loaded.dataset.has_illustrative_figures());
    let currency = dataset.with_value(|loaded| loaded.dataset.meta.currency.clone());
    let list = Memo::new(move |_| {
        narrowed.with(|dataset| {
            panels_of(
                dataset,
                view_choice.get(),
                lang.get(),
                expanded.get(),
                measure.get(),
            )
        })
    });
    // The panels are made anew when the language or the theme changes, and the second and later
    // ones when their number changes; otherwise a filter change or another view only changes
    // what each place shows, and the panel there updates in place.
    let count = Memo::new(move |_| list.with(Vec::len));
    let any = Memo::new(move |_| count.get() > 0);
    // The first panel is built with the dashboard, the others in the next task: the first chart
    // is on screen sooner, and no task builds the whole dashboard at once.
    // A dataset of many thousand rows gets even its first panel in a task after the header and
    // filters: each can take tens of milliseconds.
    let large = dataset.with_value(|loaded| {
        let dataset = &loaded.dataset;
        let units = dataset
            .local_content
            .as_ref()
            .map_or(0, |content| content.by_unit.len());
        dataset.packages.len() + units + dataset.targets.len() > LARGE_ROWS
    });
    let panels_shown = RwSignal::new(!large);
    let rest_shown = RwSignal::new(false);
    // The widget takes the place of the page's snapshot once its first chart is drawn, before
    // the next paint.
    if let Some(shown) = use_context::<super::snapshot::Shown>() {
        Effect::new(move |_| {
            if panels_shown.get() {
                request_animation_frame(move || shown.with(super::snapshot::Snapshot::replace));
            }
        });
    }
    leptos::task::spawn_local(async move {
        if large {
            super::tasks::yield_to_browser().await;
            let _ = panels_shown.try_set(true);
        }
        super::tasks::yield_to_browser().await;
        let _ = rest_shown.try_set(true);
    });
    let panel_list = move || {
        if !panels_shown.get() {
            return None;
        }
        let locale = Locale {
            lang: lang.get(),
            currency: currency.clone(),
        };
        let lang = locale.lang;
        let theme = if dark.get() {
            Theme::DARK
        } else {
            Theme::LIGHT
        };
        let empty = move || {
            if !list.with(Vec::is_empty) {
                return None;
            }
            Some(if filter.with(|filter| *filter != Filter::default()) {
                view! {
                    <div class="pantau-empty" role="status">
                        <p>{Text::NoDataForFilters.get(lang)}</p>
                        <button type="button" class="pantau-clear" on:click=move |_| filter.set(Filter::default())>{Text::ClearFilters.get(lang)}</button>
                    </div>
                }.into_any()
            } else {
                // The oversight view needs packages; a file of totals has none to judge.
                let text = match view_choice.get() == View::Oversight
                    && narrowed.with(|dataset| dataset.oversight.is_none())
                {
                    true => Text::OversightNeedsPackages,
                    false => Text::NoDataForView,
                };
                view! { <p class="pantau-empty" role="status">{text.get(lang)}</p> }.into_any()
            })
        };
        let targets_note = move || {
            (view_choice.get() == View::Targets && !list.with(Vec::is_empty) && filter.with(Filter::narrows))
                .then(|| view! { <p class="pantau-note" role="note">{Text::TargetsNotFiltered.get(lang)}</p> })
        };
        let places = move |range: std::ops::Range<usize>| {
            range.map(|place| {
                let first = list.with_untracked(|list| list.get(place).cloned());
                first.map(|first| {
                    let panel = Memo::new(move |_| list.with(|list| list.get(place).cloned()).unwrap_or_else(|| first.clone()));
                    view! { <PanelView panel locale=locale.clone() theme show_table expanded on_drill dataset_title=title.get_value() /> }
                })
            }).collect_view()
        };
        Some(view! {
            {empty}
            {targets_note}
            {let places = places.clone(); move || places(0..usize::from(any.get()))}
            {move || places(if rest_shown.get() { 1..count.get() } else { 0..0 })}
        })
    };
    view! {
        <header class="pantau-header">
            <h2 class="pantau-title">{title.get_value()}</h2>
            <LanguageSwitch lang />
        </header>
        <ViewTabs lang view_choice />
        <FilterBar options lang filter stage_shown />
        {move || (view_choice.get() == View::Spending).then(|| view! { <MeasureSwitch lang=lang.get() measure counts_only /> })}
        <CompareBlock context=CompareContext {
            loaded: dataset,
            options: compare_options,
            narrowed,
            filter,
            stage_shown,
            view_choice,
            measure,
            compare,
            source: compare_with.0,
            file: compare_with.1,
        } lang />
        {matches!(verification, Some(Verification::Mismatch { .. })).then(|| view! {
            <p class="pantau-mismatch" role="alert">{move || Text::HashMismatch.get(lang.get())}</p>
        })}
        {move || illustrative.then(|| view! { <p class="pantau-illustrative">{Text::IllustrativeNotice.get(lang.get())}</p> })}
        <div class="pantau-panels" id="pantau-tabpanel" role="tabpanel" inert=fixed.then_some("") aria-labelledby=move || format!("pantau-tab-{}", view_choice.get().code())>
            {panel_list}
        </div>
        <DataIssues issues lang />
        <SharePanel lang view_choice theme=theme_choice measure compare filter title=title.get_value() origin=origin.clone() />
        {move || dataset.with_value(|loaded| view! { <Footer meta=loaded.dataset.meta.clone() lang=lang.get() src=src.clone() illustrative verification=verification.clone() /> })}
    }
}

/// Rows (packages, units, targets) from which a dataset's panels are made in a task after the
/// rest of the dashboard.
const LARGE_ROWS: usize = 10_000;

/// The width inside an element's padding, in CSS pixels.
fn content_width(element: &web_sys::HtmlDivElement) -> Option<u32> {
    let style = web_sys::window()?.get_computed_style(element).ok()??;
    // The browser's own number reading (`12.5px` is 12.5), not a float parser in the wasm.
    let pixels = |name: &str| {
        let pixels = js_sys::parse_float(&style.get_property_value(name).ok()?);
        pixels.is_finite().then_some(pixels)
    };
    let width =
        f64::from(element.client_width()) - pixels("padding-left")? - pixels("padding-right")?;
    (width >= 1.0).then_some(width as u32)
}

/// Nilai / Jumlah paket: what the spending view counts.
#[component]
fn MeasureSwitch(
    lang: Lang,
    measure: RwSignal<Measure>,
    counts_only: Signal<bool>,
) -> impl IntoView {
    let button = move |choice: Measure| {
        let pressed = move || {
            let shown = match counts_only.get() {
                true => Measure::Count,
                false => measure.get(),
            };
            (shown == choice).to_string()
        };
        let disabled = move || counts_only.get() && choice == Measure::Value;
        view! {
            <button
                type="button"
                class="pantau-display"
                aria-pressed=pressed
                disabled=disabled
                on:click=move |_| measure.set(choice)
            >
                {choice.name(lang)}
            </button>
        }
    };
    view! {
        <div class="pantau-measure" role="group" aria-label=Text::MeasureLabel.get(lang)>
            {button(Measure::Value)}
            {button(Measure::Count)}
        </div>
    }
}
