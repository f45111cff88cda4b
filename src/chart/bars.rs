//! Horizontal bars with the category above each bar, so long unit names stay readable on a
//! phone; an optional threshold line.

use super::frame::{
    draw_frame, text_style, widest, Axes, DrawResult, Margins, ValueAxis, LABEL_SIZE, TICK_SIZE,
    TITLE_SPACE,
};
use super::spec::BarSpec;
use super::theme::Theme;
use super::ticks::nice_ticks;
use super::{Locale, Mark};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::{DrawingArea, DrawingBackend, Rectangle, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color;

/// Height of one row (label and bar), px.
const ROW: u32 = 46;
const TOP: u32 = 22;
const BOTTOM: u32 = 26 + TITLE_SPACE;

/// Height of a bar chart.
pub fn height(spec: &BarSpec) -> u32 {
    TOP + BOTTOM + ROW * spec.rows.len().max(1) as u32
}

fn finite_or_zero(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        0.0
    }
}

/// Draws the bars; returns one mark per row.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &BarSpec,
    locale: &Locale,
    theme: &Theme,
) -> DrawResult<Vec<Mark>, DB> {
    let (width, _) = root.dim_in_pixel();
    let data_max = spec
        .rows
        .iter()
        .map(|row| finite_or_zero(row.value))
        .fold(0.0, f64::max);
    let threshold = spec
        .threshold
        .as_ref()
        .map_or(0.0, |threshold| finite_or_zero(threshold.value));
    let wanted = spec
        .max
        .map(finite_or_zero)
        .unwrap_or(0.0)
        .max(data_max)
        .max(threshold);
    let tick_count = if width < 420 { 3 } else { 5 };
    let ticks = nice_ticks(wanted, tick_count);
    let x_max = ticks.last().copied().unwrap_or(1.0);
    let rows = spec.rows.len().max(1) as f64;
    let right = widest(spec.rows.iter().map(|row| &row.value_text), LABEL_SIZE)
        .saturating_add(12)
        .min(width / 3);
    let x_ticks: Vec<(f64, String)> = ticks
        .iter()
        .map(|tick| (*tick, spec.tick_format.format(*tick, locale)))
        .collect();
    let left = x_ticks
        .first()
        .map_or(0, |(_, label)| widest([label], TICK_SIZE) / 2)
        .max(8)
        + 2;
    let right = right.max(
        x_ticks
            .last()
            .map_or(0, |(_, label)| widest([label], TICK_SIZE) / 2 + 2),
    );
    let margins = Margins {
        top: TOP,
        right,
        bottom: BOTTOM,
        left,
    };
    let axes = Axes {
        x: 0.0..x_max,
        y: 0.0..rows,
        x_ticks,
        y_ticks: Vec::new(),
        value_axis: ValueAxis::Horizontal,
        x_title: Some(spec.value_title.clone()).filter(|title| !title.is_empty()),
        y_title: None,
    };
    let plot = draw_frame(root, margins, &axes, theme)?;
    let label_style = text_style(LABEL_SIZE, theme.text, Pos::new(HPos::Left, VPos::Top));
    let value_style = text_style(LABEL_SIZE, theme.text, Pos::new(HPos::Left, VPos::Center));
    // The threshold goes under the bars and labels, so that text stays on top of it.
    if let Some(reference) = &spec.threshold {
        let at = threshold.min(x_max);
        plot.draw(&DashedPathElement::new(
            vec![(at, 0.0), (at, rows)],
            5,
            3,
            theme.reference.stroke_width(2),
        ))?;
        let (px, py) = plot.map_coordinate(&(at, rows));
        let right_side = px > (width as i32) * 2 / 3;
        let anchor = if right_side { HPos::Right } else { HPos::Left };
        let style = text_style(TICK_SIZE, theme.text, Pos::new(anchor, VPos::Bottom));
        let offset = if right_side { -4 } else { 4 };
        root.draw(&Text::new(
            reference.label.clone(),
            (px + offset, py - 4),
            style,
        ))?;
    }
    let mut marks = Vec::with_capacity(spec.rows.len());
    for (index, row) in spec.rows.iter().enumerate() {
        let band_top = rows - index as f64;
        let bar_top = band_top - 0.5;
        let bar_bottom = band_top - 0.9;
        let value = finite_or_zero(row.value).min(x_max);
        let color = if row.below_threshold {
            theme.warning
        } else {
            theme.primary
        };
        plot.draw(&Rectangle::new(
            [(0.0, bar_top), (value, bar_bottom)],
            color.filled(),
        ))?;
        let (label_x, label_y) = plot.map_coordinate(&(0.0, band_top));
        root.draw(&Text::new(
            row.label.clone(),
            (label_x, label_y + 4),
            label_style.clone(),
        ))?;
        let (end_x, mid_y) = plot.map_coordinate(&(value, (bar_top + bar_bottom) / 2.0));
        root.draw(&Text::new(
            row.value_text.clone(),
            (end_x + 6, mid_y),
            value_style.clone(),
        ))?;
        let (left, top) = plot.map_coordinate(&(0.0, band_top));
        let (plot_right, bottom) = plot.map_coordinate(&(x_max, band_top - 1.0));
        marks.push(Mark {
            hit: (left, top, (plot_right - left).max(1), (bottom - top).max(1)),
            anchor: (end_x, mid_y),
            tip: row.tip.clone(),
        });
    }
    Ok(marks)
}
