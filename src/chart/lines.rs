//! Lines over a numeric x axis with optional columns, reference lines and focusable points.
//! Reference and end labels go inside the plot, on a halo, where they cover no other text, so
//! they take none of the plot's width.

use super::frame::{
    draw_frame, plot_rect, shortened, widest, Axes, DrawResult, Label, Labels, Margins, PixelRect,
    Plot, ValueAxis, LABEL_SIZE, NARROW, TICK_SIZE, TITLE_SPACE,
};
use super::scene::{Anchor, Baseline};
use super::spec::{LineSpec, Stroke};
use super::theme::Theme;
use super::ticks::ticks_for;
use super::{Locale, Mark};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::{Circle, DrawingArea, DrawingBackend, PathElement, Rectangle};
use plotters::style::{Color, ShapeStyle};

/// Half the side of the square that reacts to a pointer around a point, px (a 32 px target).
const HIT_HALF: i32 = 16;
/// Radius of a point marker where points are far apart, px.
const MARKER: i32 = 4;

fn finite(point: &(f64, f64)) -> bool {
    point.0.is_finite() && point.1.is_finite()
}

fn draw_path<DB: DrawingBackend>(
    plot: &Plot<DB>,
    points: Vec<(f64, f64)>,
    stroke: Stroke,
    style: ShapeStyle,
) -> DrawResult<(), DB> {
    match stroke {
        Stroke::Solid => plot.draw(&PathElement::new(points, style)),
        Stroke::Dashed => plot.draw(&DashedPathElement::new(points, 7, 5, style)),
        Stroke::Dotted => plot.draw(&DashedPathElement::new(points, 2, 4, style)),
    }
}

/// Marker radius for the closest two points' spacing: markers never touch.
fn marker_radius<DB: DrawingBackend>(plot: &Plot<DB>, spec: &LineSpec) -> i32 {
    let mut xs: Vec<i32> = spec
        .points
        .iter()
        .filter(|point| finite(&point.at))
        .map(|point| plot.map_coordinate(&(point.at.0, 0.0)).0)
        .collect();
    xs.sort_unstable();
    xs.dedup();
    let spacing = xs
        .windows(2)
        .map(|pair| pair[1] - pair[0])
        .min()
        .unwrap_or(i32::MAX);
    (spacing / 3).clamp(2, MARKER)
}

/// Draws the lines; returns one mark per point and the plot area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &LineSpec,
    locale: &Locale,
    theme: &Theme,
    labels: &mut Labels,
) -> DrawResult<(Vec<Mark>, PixelRect), DB> {
    let (width, _) = root.dim_in_pixel();
    let narrow = width < NARROW;
    let data_max = spec
        .series
        .iter()
        .flat_map(|series| series.points.iter())
        .filter(|point| finite(point))
        .map(|point| point.1)
        .chain(spec.columns.iter().map(|column| column.value))
        .chain(spec.references.iter().map(|reference| reference.value))
        .chain(std::iter::once(spec.y_max))
        .filter(|value| value.is_finite())
        .fold(0.0, f64::max);
    let ticks = ticks_for(data_max * 1.04, if narrow { 4 } else { 5 }, spec.y_format);
    let y_max = ticks.last().copied().unwrap_or(1.0);
    let y_ticks = spec.y_format.labels(&ticks, locale, narrow);
    // End labels take room on the right only where a labelled line ends at the right edge.
    let right_edge = spec.x_range.1 - (spec.x_range.1 - spec.x_range.0) * 0.05;
    let end_labels = spec.series.iter().filter_map(|series| {
        let last = series.points.iter().rev().find(|point| finite(point))?;
        series.end_label.as_ref().filter(|_| last.0 >= right_edge)
    });
    let (left, right) = if narrow {
        (MARKER as u32 + 2, MARKER as u32 + 6)
    } else {
        (
            widest(y_ticks.iter().map(|(_, label)| label), TICK_SIZE) + 12,
            widest(end_labels, LABEL_SIZE)
                .saturating_add(14)
                .clamp(16, width / 5),
        )
    };
    let margins = Margins {
        top: 18
            + if spec.y_title.is_empty() {
                0
            } else {
                TITLE_SPACE
            },
        right,
        bottom: 28
            + if spec.x_title.is_empty() {
                0
            } else {
                TITLE_SPACE
            },
        left,
    };
    let axes = Axes {
        x: spec.x_range.0..spec.x_range.1,
        y: 0.0..y_max,
        x_ticks: spec.x_ticks.clone(),
        y_ticks,
        value_axis: ValueAxis::Vertical,
        y_labels_inside: narrow,
        x_title: Some(spec.x_title.clone()).filter(|title| !title.is_empty()),
        y_title: Some(spec.y_title.clone()).filter(|title| !title.is_empty()),
    };
    let plot = draw_frame(root, margins, &axes, theme, labels)?;
    let half = spec.column_width / 2.0;
    for column in spec
        .columns
        .iter()
        .filter(|column| column.x.is_finite() && column.value.is_finite())
    {
        plot.draw(&Rectangle::new(
            [
                (column.x - half, 0.0),
                (column.x + half, column.value.clamp(0.0, y_max)),
            ],
            theme.secondary.filled(),
        ))?;
    }
    let references: Vec<_> = spec
        .references
        .iter()
        .filter(|reference| reference.value.is_finite())
        .collect();
    for reference in &references {
        let y = reference.value.clamp(0.0, y_max);
        plot.draw(&DashedPathElement::new(
            vec![(spec.x_range.0, y), (spec.x_range.1, y)],
            5,
            3,
            theme.reference.stroke_width(1),
        ))?;
    }
    let mut ends = Vec::new();
    for series in &spec.series {
        let points: Vec<(f64, f64)> = series
            .points
            .iter()
            .copied()
            .filter(finite)
            .map(|(x, y)| (x, y.clamp(0.0, y_max)))
            .collect();
        if points.len() >= 2 {
            draw_path(
                &plot,
                points.clone(),
                series.stroke,
                theme.of_role(series.role).stroke_width(3),
            )?;
        }
        if let (Some(label), Some(last)) = (&series.end_label, points.last()) {
            ends.push((label, plot.map_coordinate(last)));
        }
    }
    let radius = marker_radius(&plot, spec);
    let mut marks = Vec::with_capacity(spec.points.len());
    for point in spec.points.iter().filter(|point| finite(&point.at)) {
        let at = (point.at.0, point.at.1.clamp(0.0, y_max));
        let style = if point.hollow {
            theme.primary.stroke_width(2)
        } else {
            theme.primary.filled()
        };
        plot.draw(&Circle::new(at, radius as u32, style))?;
        if point.hollow && radius > 2 {
            plot.draw(&Circle::new(
                at,
                (radius - 2) as u32,
                theme.background.filled(),
            ))?;
        }
        let (px, py) = plot.map_coordinate(&at);
        marks.push(Mark {
            hit: (px - HIT_HALF, py - HIT_HALF, 2 * HIT_HALF, 2 * HIT_HALF),
            anchor: (px, py),
            tip: point.tip.clone(),
        });
    }
    let area = plot_rect(&plot);
    for reference in &references {
        let y = reference.value.clamp(0.0, y_max);
        let (_, py) = plot.map_coordinate(&(spec.x_range.1, y));
        place_reference(labels, &reference.label, py, area, theme);
    }
    for (label, at) in ends {
        place_end(labels, label, at, radius, theme);
    }
    Ok((marks, area))
}

/// A reference line's label: at the plot's right end above or below its line, else at the left
/// past the axis labels, shortened as a last resort; left out when nothing fits (the legend
/// names every reference line).
fn place_reference(
    labels: &mut Labels,
    text: &str,
    py: i32,
    (x, _, width, _): PixelRect,
    theme: &Theme,
) {
    let label = Label::new(
        text,
        (x + width - 2, py - 3),
        TICK_SIZE,
        theme.text,
        (Anchor::End, Baseline::Bottom),
    )
    .haloed(theme.background);
    let right = x + width - 2;
    let left = x + width / 3;
    let spots = [
        ((right, py - 3), Anchor::End, Baseline::Bottom),
        ((right, py + 3), Anchor::End, Baseline::Top),
        ((left, py - 3), Anchor::Start, Baseline::Bottom),
        ((left, py + 3), Anchor::Start, Baseline::Top),
    ];
    let whole = spots
        .iter()
        .map(|(at, anchor, baseline)| label.at(*at, *anchor, *baseline));
    let short = shortened(label.clone(), f64::from(width) * 0.6);
    let shorter = spots[..2]
        .iter()
        .map(|(at, anchor, baseline)| short.at(*at, *anchor, *baseline));
    labels.place_first(whole.chain(shorter));
}

/// A series' end label: right of its last point where there is room, else above or below it,
/// inside the plot; left out when nothing fits (the legend and the points' tips say it).
fn place_end(labels: &mut Labels, text: &str, (px, py): (i32, i32), radius: i32, theme: &Theme) {
    let label = Label::new(
        text,
        (px + radius + 4, py),
        LABEL_SIZE,
        theme.text,
        (Anchor::Start, Baseline::Middle),
    )
    .haloed(theme.background);
    let off = radius + 3;
    let spots = [
        ((px + radius + 4, py), Anchor::Start, Baseline::Middle),
        ((px - off, py - off), Anchor::End, Baseline::Bottom),
        ((px - off, py + off), Anchor::End, Baseline::Top),
        ((px, py - off), Anchor::Middle, Baseline::Bottom),
        ((px, py + off), Anchor::Middle, Baseline::Top),
    ];
    labels.place_first(
        spots
            .iter()
            .map(|(at, anchor, baseline)| label.at(*at, *anchor, *baseline)),
    );
}
