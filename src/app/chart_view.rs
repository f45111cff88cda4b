//! A chart as SVG nodes (text as text nodes, never markup), drawn at the width of its box,
//! with focusable marks and a tooltip on hover, tap and keyboard focus.

use crate::chart::scene::{points_attribute, Shape};
use crate::chart::spec::{ChartSpec, LegendEntry, LegendSwatch, Stroke};
use crate::chart::theme::Theme;
use crate::chart::{draw, Drawn, Locale, Mark};
use crate::i18n::Text;
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The last width of each chart of a widget, by panel (provided by the widget); under `""`, the
/// widget's content width, for charts not drawn before.
#[derive(Clone, Copy)]
pub struct ChartWidths(pub StoredValue<HashMap<String, u32>>);

fn shape_view(shape: Shape) -> AnyView {
    match shape {
        Shape::Line { points, stroke, width } => view! {
            <polyline points=points_attribute(&points) fill="none" stroke=stroke.hex() stroke-opacity=stroke.opacity() stroke-width=width.to_string() stroke-linecap="round" />
        }
        .into_any(),
        Shape::Rect { x, y, width, height, paint, filled } => {
            let (fill, stroke) = if filled { (paint.hex(), "none".to_owned()) } else { ("none".to_owned(), paint.hex()) };
            view! { <rect x=x y=y width=width height=height fill=fill stroke=stroke opacity=paint.opacity() /> }.into_any()
        }
        Shape::Circle { cx, cy, r, paint, filled } => {
            let (fill, stroke) = if filled { (paint.hex(), "none".to_owned()) } else { ("none".to_owned(), paint.hex()) };
            view! { <circle cx=cx cy=cy r=r fill=fill stroke=stroke stroke-width="2" opacity=paint.opacity() /> }.into_any()
        }
        Shape::Polygon { points, fill } => view! { <polygon points=points_attribute(&points) fill=fill.hex() opacity=fill.opacity() /> }.into_any(),
        Shape::Text { x, y, text, size, paint, anchor, baseline, bold } => view! {
            <text x=x y=y dy=baseline.dy() font-size=size fill=paint.hex() text-anchor=anchor.svg() font-weight=if bold { "bold" } else { "normal" }>
                {text}
            </text>
        }
        .into_any(),
    }
}

/// Moves keyboard focus to the neighbouring mark.
fn focus_sibling(event: &web_sys::KeyboardEvent, forward: bool) {
    let Some(current) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let next = if forward {
        current.next_element_sibling()
    } else {
        current.previous_element_sibling()
    };
    if let Some(next) = next.and_then(|next| next.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = next.focus();
    }
}

/// A drawn chart with its hover and focus layer.
#[component]
pub fn ChartView(
    spec: ChartSpec,
    title: String,
    summary_id: String,
    locale: Locale,
    theme: Theme,
    /// Called with the spending unit of a mark the reader activates (click, Enter, Space).
    on_drill: Callback<String>,
) -> impl IntoView {
    let lang = locale.lang;
    let container = NodeRef::<Div>::new();
    let hidden = RwSignal::new(Vec::<String>::new());
    let active = RwSignal::new(None::<usize>);
    // Charts are drawn for their container's width. A new chart (after a filter change every
    // chart is new) starts at the width its panel had last time, and a resize observer reports
    // the width after layout: no chart is drawn twice or forces a layout to measure itself.
    let widths = use_context::<ChartWidths>();
    let key = summary_id.clone();
    let width = RwSignal::new(
        widths
            .and_then(|widths| {
                widths
                    .0
                    .with_value(|known| known.get(&key).or_else(|| known.get("")).copied())
            })
            .unwrap_or(640),
    );
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        let observed = element.clone();
        let key = key.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let measured = observed.client_width();
            if measured > 0 && measured as u32 != width.get_untracked() {
                width.set(measured as u32);
                if let Some(widths) = widths {
                    widths.0.update_value(|known| {
                        known.insert(key.clone(), measured as u32);
                    });
                }
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&element);
            let observing = send_wrapper::SendWrapper::new((observer, on_resize));
            on_cleanup(move || observing.take().0.disconnect());
        }
    });

    let legend = match &spec {
        ChartSpec::Lines(lines) => lines.legend(),
        ChartSpec::Bars(_) => Vec::new(),
    };
    let spec = StoredValue::new(spec);
    let drawn = Memo::new(move |_| {
        spec.with_value(|spec| {
            let shown = match spec {
                ChartSpec::Lines(lines) => ChartSpec::Lines(lines.without(&hidden.read())),
                bars => bars.clone(),
            };
            draw(&shown, width.get(), &locale, &theme)
        })
    });
    let title = StoredValue::new(title);

    let marks_view = move || {
        let Drawn { marks, .. } = drawn.get();
        marks
            .into_iter()
            .enumerate()
            .map(|(index, Mark { hit, tip, .. })| {
                let (x, y, w, h) = hit;
                let show = move || active.set(Some(index));
                let drill = StoredValue::new(tip.drill.clone());
                let label = match &tip.drill {
                    Some(_) => format!("{}. {}", tip.spoken, Text::DrillHint.get(lang)),
                    None => tip.spoken,
                };
                let drill_into = move || {
                    drill
                        .with_value(|unit| unit.clone().map(|unit| on_drill.run(unit)))
                        .is_some()
                };
                let on_keydown = move |event: web_sys::KeyboardEvent| match event.key().as_str() {
                    "Enter" | " " if drill_into() => event.prevent_default(),
                    "ArrowRight" | "ArrowDown" => {
                        event.prevent_default();
                        focus_sibling(&event, true);
                    }
                    "ArrowLeft" | "ArrowUp" => {
                        event.prevent_default();
                        focus_sibling(&event, false);
                    }
                    "Escape" => active.set(None),
                    _ => {}
                };
                view! {
                    <rect
                        class="pantau-hit"
                        x=x y=y width=w height=h
                        fill="transparent"
                        role="img"
                        tabindex=if index == 0 { "0" } else { "-1" }
                        aria-label=label
                        class:pantau-drillable=drill.with_value(Option::is_some)
                        on:mouseenter=move |_| show()
                        on:click=move |_| if !drill_into() { show() }
                        on:focus=move |_| show()
                        on:mouseleave=move |_| active.set(None)
                        on:blur=move |_| active.set(None)
                        on:keydown=on_keydown
                    />
                }
            })
            .collect_view()
    };

    let tooltip = move || {
        let index = active.get()?;
        let drawn = drawn.get();
        let mark = drawn.marks.get(index)?.clone();
        let (ax, ay) = mark.anchor;
        let flip = ax > drawn.scene.width as i32 / 2;
        let lines = mark
            .tip
            .lines
            .into_iter()
            .map(|line| view! { <span class="pantau-tip-line">{line}</span> })
            .collect_view();
        let hint = mark
            .tip
            .drill
            .as_ref()
            .map(|_| view! { <span class="pantau-tip-line pantau-tip-hint">{Text::DrillHint.get(lang)}</span> });
        Some(view! {
            <div class="pantau-tooltip" class:pantau-tooltip-left=flip aria-hidden="true" style:left=format!("{ax}px") style:top=format!("{ay}px")>
                <strong class="pantau-tip-title">{mark.tip.title}</strong>
                {lines}
                {hint}
            </div>
        })
    };

    view! {
        <div class="pantau-chart" node_ref=container>
            {move || {
                let Drawn { scene, .. } = drawn.get();
                let shapes = scene.shapes.into_iter().map(shape_view).collect_view();
                view! {
                    <svg
                        class="pantau-svg"
                        xmlns="http://www.w3.org/2000/svg"
                        width=scene.width
                        height=scene.height
                        viewBox=format!("0 0 {} {}", scene.width, scene.height)
                        role="group"
                        aria-label=title.get_value()
                        aria-describedby=summary_id.clone()
                        font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
                    >
                        <g aria-hidden="true">{shapes}</g>
                        <g class="pantau-marks">{marks_view}</g>
                    </svg>
                }
            }}
            {tooltip}
            {(legend.len() > 1).then(|| view! { <Legend entries=legend lang theme hidden /> })}
        </div>
    }
}

/// `#rrggbb` of a plotters colour.
fn hex(color: plotters::style::RGBColor) -> String {
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
fn Legend(
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
