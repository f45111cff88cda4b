//! A chart as SVG nodes (text as text nodes, never markup), drawn at the width of its box,
//! with focusable marks and a tooltip on hover, tap and keyboard focus.

use super::legend::Legend;
use crate::chart::scene::{Element, Shape};
use crate::chart::spec::ChartSpec;
use crate::chart::theme::Theme;
use crate::chart::{draw, Locale, Mark};
use crate::i18n::{Lang, Text};
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The last width of each chart of a widget, by panel (provided by the widget); under `""`, the
/// widget's content width, for charts not drawn before.
#[derive(Clone, Copy)]
pub struct ChartWidths(pub StoredValue<HashMap<String, u32>>);

use super::svg_patch::patch;

/// A mark as the reader meets it: an invisible rectangle that takes the pointer and the
/// keyboard focus, named for screen readers.
#[derive(PartialEq)]
struct Target {
    hit: (i32, i32, i32, i32),
    label: String,
    drillable: bool,
}

impl Target {
    fn new(mark: &Mark, lang: Lang) -> Target {
        let drillable = mark.tip.drill.is_some();
        let label = match drillable {
            true => format!("{}. {}", mark.tip.spoken, Text::DrillHint.get(lang)),
            false => mark.tip.spoken.clone(),
        };
        Target {
            hit: mark.hit,
            label,
            drillable,
        }
    }

    /// Its element; the first mark is the one the Tab key reaches (the arrows move on).
    fn element(&self, index: usize) -> Element<'_> {
        let (x, y, width, height) = self.hit;
        let class = match self.drillable {
            true => "pantau-hit pantau-drillable",
            false => "pantau-hit",
        };
        Element {
            name: "rect",
            attributes: vec![
                ("class", class.into()),
                ("x", x.to_string()),
                ("y", y.to_string()),
                ("width", width.to_string()),
                ("height", height.to_string()),
                ("fill", "transparent".into()),
                ("role", "img".into()),
                ("tabindex", if index == 0 { "0" } else { "-1" }.into()),
                ("aria-label", self.label.clone()),
                (MARK, index.to_string()),
            ],
            text: None,
        }
    }
}

/// The attribute that numbers a mark.
const MARK: &str = "data-mark";

/// The number of the mark an event happened on.
fn mark_of(event: &web_sys::Event) -> Option<usize> {
    event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .get_attribute(MARK)?
        .parse()
        .ok()
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
    /// What to draw; the drawing updates in place when it changes.
    spec: Signal<ChartSpec>,
    title: Signal<String>,
    summary_id: Signal<String>,
    locale: Locale,
    theme: Theme,
    /// Called with the spending unit of a mark the reader activates (click, Enter, Space).
    on_drill: Callback<String>,
) -> impl IntoView {
    let lang = locale.lang;
    let container = NodeRef::<Div>::new();
    let hidden = RwSignal::new(Vec::<String>::new());
    let active = RwSignal::new(None::<usize>);
    // Charts are drawn for their container's width. A new chart starts at the width its panel
    // had last time, and a resize observer reports the width after layout: no chart is drawn
    // twice or forces a layout to measure itself.
    let widths = use_context::<ChartWidths>();
    let width = RwSignal::new(
        widths
            .and_then(|widths| {
                let key = summary_id.get_untracked();
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
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let measured = observed.client_width();
            if measured > 0 && measured as u32 != width.get_untracked() {
                width.set(measured as u32);
                if let Some(widths) = widths {
                    widths.0.update_value(|known| {
                        known.insert(summary_id.get_untracked(), measured as u32);
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

    // The legend is made anew only when its entries change, not with every new figure.
    let entries = Memo::new(move |_| {
        spec.with(|spec| match spec {
            ChartSpec::Lines(lines) => lines.legend(),
            ChartSpec::Bars(_) => Vec::new(),
        })
    });
    let legend = super::live(move || {
        let entries = entries.get();
        (entries.len() > 1)
            .then(|| view! { <Legend entries lang theme hidden /> })
            .into_any()
    });
    let drawn = Memo::new(move |_| {
        spec.with(|spec| {
            let shown = match spec {
                ChartSpec::Lines(lines) => ChartSpec::Lines(lines.without(&hidden.read())),
                bars => bars.clone(),
            };
            draw(&shown, width.get(), &locale, &theme)
        })
    });
    // The drawing and its marks are kept up to date by hand (see `patch`): the groups they are
    // in (made once with the chart, empty at first), and what each shows.
    let shapes_group = NodeRef::<leptos::svg::G>::new();
    let marks_group = NodeRef::<leptos::svg::G>::new();
    let shown: StoredValue<(Vec<Shape>, Vec<Target>)> = StoredValue::new((Vec::new(), Vec::new()));
    Effect::new(move |_| {
        let (Some(shapes), Some(marks)) = (shapes_group.get(), marks_group.get()) else {
            return;
        };
        let (shapes, marks): (web_sys::Element, web_sys::Element) = (shapes.into(), marks.into());
        drawn.with(|drawn| {
            shown.update_value(|(shown_shapes, shown_marks)| {
                patch(&shapes, shown_shapes, &drawn.scene.shapes, |_, shape| {
                    shape.element()
                });
                shown_shapes.clone_from(&drawn.scene.shapes);
                let targets: Vec<Target> = drawn
                    .marks
                    .iter()
                    .map(|mark| Target::new(mark, lang))
                    .collect();
                patch(&marks, shown_marks, &targets, |index, target| {
                    target.element(index)
                });
                *shown_marks = targets;
            });
        });
    });
    // One set of listeners for all marks (a mark says which it is).
    let show = move |event: web_sys::Event| {
        if let Some(index) = mark_of(&event) {
            active.set(Some(index));
        }
    };
    let drill_into = move |index: usize| {
        drawn
            .with_untracked(|drawn| {
                drawn
                    .marks
                    .get(index)
                    .and_then(|mark| mark.tip.drill.clone())
            })
            .map(|unit| on_drill.run(unit))
            .is_some()
    };
    let on_click = move |event: web_sys::MouseEvent| {
        if let Some(index) = mark_of(&event) {
            if !drill_into(index) {
                active.set(Some(index));
            }
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let Some(index) = mark_of(&event) else {
            return;
        };
        match event.key().as_str() {
            "Enter" | " " if drill_into(index) => event.prevent_default(),
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
        }
    };

    let tooltip = move || {
        let index = active.get()?;
        let (mark, width) =
            drawn.with(|drawn| Some((drawn.marks.get(index)?.clone(), drawn.scene.width)))?;
        let (ax, ay) = mark.anchor;
        let flip = ax > width as i32 / 2;
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
            <svg
                class="pantau-svg"
                xmlns="http://www.w3.org/2000/svg"
                width=move || drawn.with(|drawn| drawn.scene.width)
                height=move || drawn.with(|drawn| drawn.scene.height)
                viewBox=move || drawn.with(|drawn| format!("0 0 {} {}", drawn.scene.width, drawn.scene.height))
                role="group"
                aria-label=title
                aria-describedby=summary_id
                font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
            >
                <g aria-hidden="true" node_ref=shapes_group></g>
                <g
                    class="pantau-marks"
                    node_ref=marks_group
                    on:mouseover=move |event: web_sys::MouseEvent| show(event.into())
                    on:focusin=move |event: web_sys::FocusEvent| show(event.into())
                    on:mouseout=move |_| active.set(None)
                    on:focusout=move |_| active.set(None)
                    on:click=on_click
                    on:keydown=on_keydown
                ></g>
            </svg>
            {tooltip}
            {legend}
        </div>
    }
}
