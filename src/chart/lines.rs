//! Lines over a numeric x axis with optional columns, reference lines and focusable points.

use super::frame::{
    draw_frame, text_style, widest, Axes, DrawResult, Margins, ValueAxis, LABEL_SIZE, TICK_SIZE,
    TITLE_SPACE,
};
use super::spec::{LineSpec, Stroke};
use super::theme::Theme;
use super::ticks::nice_ticks;
use super::{Locale, Mark};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::{Circle, DrawingArea, DrawingBackend, PathElement, Rectangle, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, ShapeStyle};

/// Half the side of the square that reacts to a pointer around a point, px (a 32 px target).
const HIT_HALF: i32 = 16;

fn finite(point: &(f64, f64)) -> bool {
    point.0.is_finite() && point.1.is_finite()
}

fn draw_path<DB: DrawingBackend>(
    plot: &super::frame::Plot<DB>,
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

/// Draws the lines; returns one mark per point.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &LineSpec,
    locale: &Locale,
    theme: &Theme,
) -> DrawResult<Vec<Mark>, DB> {
    let (width, _) = root.dim_in_pixel();
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
    let ticks = nice_ticks(data_max * 1.04, if width < 420 { 4 } else { 5 });
    let y_max = ticks.last().copied().unwrap_or(1.0);
    let y_ticks: Vec<(f64, String)> = ticks
        .iter()
        .map(|tick| (*tick, spec.y_format.format(*tick, locale)))
        .collect();
    let end_labels = spec
        .series
        .iter()
        .filter_map(|series| series.end_label.as_ref());
    let right = widest(end_labels, LABEL_SIZE)
        .saturating_add(14)
        .clamp(16, width / 3);
    let left = widest(y_ticks.iter().map(|(_, label)| label), TICK_SIZE) + 12;
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
        x_title: Some(spec.x_title.clone()).filter(|title| !title.is_empty()),
        y_title: Some(spec.y_title.clone()).filter(|title| !title.is_empty()),
    };
    let plot = draw_frame(root, margins, &axes, theme)?;
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
    let reference_style = text_style(TICK_SIZE, theme.text, Pos::new(HPos::Right, VPos::Bottom));
    for reference in spec
        .references
        .iter()
        .filter(|reference| reference.value.is_finite())
    {
        let y = reference.value.clamp(0.0, y_max);
        plot.draw(&DashedPathElement::new(
            vec![(spec.x_range.0, y), (spec.x_range.1, y)],
            5,
            3,
            theme.reference.stroke_width(1),
        ))?;
        let (px, py) = plot.map_coordinate(&(spec.x_range.1, y));
        root.draw(&Text::new(
            reference.label.clone(),
            (px, py - 4),
            reference_style.clone(),
        ))?;
    }
    let end_style = text_style(LABEL_SIZE, theme.text, Pos::new(HPos::Left, VPos::Center));
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
            let (px, py) = plot.map_coordinate(last);
            root.draw(&Text::new(label.clone(), (px + 8, py), end_style.clone()))?;
        }
    }
    let mut marks = Vec::with_capacity(spec.points.len());
    for point in spec.points.iter().filter(|point| finite(&point.at)) {
        let at = (point.at.0, point.at.1.clamp(0.0, y_max));
        let style = if point.hollow {
            theme.primary.stroke_width(2)
        } else {
            theme.primary.filled()
        };
        plot.draw(&Circle::new(at, 4, style))?;
        if point.hollow {
            plot.draw(&Circle::new(at, 2, theme.background.filled()))?;
        }
        let (px, py) = plot.map_coordinate(&at);
        marks.push(Mark {
            hit: (px - HIT_HALF, py - HIT_HALF, 2 * HIT_HALF, 2 * HIT_HALF),
            anchor: (px, py),
            tip: point.tip.clone(),
        });
    }
    Ok(marks)
}
