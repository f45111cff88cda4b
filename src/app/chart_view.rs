//! A chart as SVG nodes (text as text nodes, never markup), drawn at the width of its box,
//! with focusable marks and a tooltip on hover, tap and keyboard focus.

use crate::chart::scene::{points_attribute, Shape};
use crate::chart::spec::ChartSpec;
use crate::chart::theme::Theme;
use crate::chart::{draw, Drawn, Locale, Mark};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let width = RwSignal::new(640u32);
    let active = RwSignal::new(None::<usize>);
    let measure = move || {
        if let Some(element) = container.get_untracked() {
            let measured = element.client_width();
            if measured > 0 && measured as u32 != width.get_untracked() {
                width.set(measured as u32);
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let spec = StoredValue::new(spec);
    let drawn =
        Memo::new(move |_| spec.with_value(|spec| draw(spec, width.get(), &locale, &theme)));
    let title = StoredValue::new(title);

    let marks_view = move || {
        let Drawn { marks, .. } = drawn.get();
        marks
            .into_iter()
            .enumerate()
            .map(|(index, Mark { hit, tip, .. })| {
                let (x, y, w, h) = hit;
                let show = move || active.set(Some(index));
                let on_keydown = move |event: web_sys::KeyboardEvent| match event.key().as_str() {
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
                        aria-label=tip.spoken
                        on:mouseenter=move |_| show()
                        on:click=move |_| show()
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
        Some(view! {
            <div class="pantau-tooltip" class:pantau-tooltip-left=flip aria-hidden="true" style:left=format!("{ax}px") style:top=format!("{ay}px")>
                <strong class="pantau-tip-title">{mark.tip.title}</strong>
                {lines}
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
        </div>
    }
}
