//! A chart's legend: one entry per series, columns or reference line, each with its swatch.

use crate::chart::spec::{LegendEntry, LegendSwatch, Stroke};
use crate::chart::theme::Theme;
use crate::i18n::Text;
use leptos::prelude::*;

/// `#rrggbb` of a plotters colour.
pub fn hex(color: plotters::style::RGBColor) -> String {
    crate::chart::scene::Paint {
        rgb: (color.0, color.1, color.2),
        alpha: 1.0,
    }
    .hex()
}

/// A small drawing of what a legend entry names: its line, column or reference line.
fn swatch(swatch: LegendSwatch, theme: &Theme) -> AnyView {
    let dashes = |stroke: Stroke| match stroke {
        Stroke::Solid => "none",
        Stroke::Dashed => "7 5",
        Stroke::Dotted => "2 4",
    };
    let line = |color: String, dash: &'static str, width: &'static str| {
        view! { <line x1="1" y1="7" x2="27" y2="7" stroke=color stroke-width=width stroke-dasharray=dash /> }.into_any()
    };
    let shape = match swatch {
        LegendSwatch::Line(stroke, role) => line(hex(theme.of_role(role)), dashes(stroke), "3"),
        LegendSwatch::Reference => line(hex(theme.reference), "5 3", "1.5"),
        LegendSwatch::Column => {
            view! { <rect x="8" y="1" width="12" height="12" fill=hex(theme.secondary) /> }
                .into_any()
        }
    };
    view! { <svg class="pantau-swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">{shape}</svg> }.into_any()
}

/// The legend of a line chart: each entry a toggle button that hides or shows what it names.
#[component]
pub fn Legend(
    entries: Vec<LegendEntry>,
    lang: crate::i18n::Lang,
    theme: Theme,
    hidden: RwSignal<Vec<String>>,
) -> impl IntoView {
    let buttons = entries
        .into_iter()
        .map(|entry| {
            let name = StoredValue::new(entry.name.clone());
            let shown = move || name.with_value(|name| !hidden.read().contains(name));
            let toggle = move |_| {
                let name = name.get_value();
                hidden.update(|hidden| match hidden.iter().position(|known| *known == name) {
                    Some(index) => {
                        hidden.remove(index);
                    }
                    None => hidden.push(name),
                });
            };
            view! {
                <button type="button" class="pantau-legend-entry" aria-pressed=move || shown().to_string() on:click=toggle>
                    {swatch(entry.swatch, &theme)}
                    <span class="pantau-legend-name">{entry.name}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="pantau-legend" role="group" aria-label=Text::Legend.get(lang)>{buttons}</div>
    }
}
