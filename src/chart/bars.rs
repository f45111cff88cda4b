//! Horizontal bars with the category above each bar (wrapped to two lines before it is
//! shortened), so long unit names stay readable on a phone; an optional threshold line under
//! every text. A value goes after its bar where it fits, else inside the bar, else in its short
//! form; the whole text stays in the tooltip, the table and the accessible name.

use super::frame::{
    draw_frame, plot_rect, shortened, Axes, DrawResult, Label, Labels, Margins, PixelRect,
    ValueAxis, LABEL_SIZE, NARROW, TICK_SIZE, TITLE_SPACE,
};
use super::scene::{Anchor, Baseline};
use super::spec::{BarRow, BarSpec};
use super::text::{self, LINE_HEIGHT};
use super::theme::Theme;
use super::ticks::ticks_for;
use super::{Locale, Mark};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::{DrawingArea, DrawingBackend, Rectangle};
use plotters::style::Color;

const TOP: u32 = 22;
const BOTTOM: u32 = 26 + TITLE_SPACE;
/// Left margin: room for the first tick's grid line; its label is kept inside the chart.
const LEFT: u32 = 8;
/// Space above a row's label, between label and bar, and under the bar, px.
const PAD_ABOVE: f64 = 4.0;
const PAD_BETWEEN: f64 = 3.0;
const PAD_BELOW: f64 = 5.0;
/// Thickness of a bar, px.
const BAR: f64 = 18.0;
/// Lines a category label may take.
const LABEL_LINES: usize = 2;

fn line_step() -> f64 {
    (LABEL_SIZE * LINE_HEIGHT).ceil()
}

/// The lines of each row's label at a chart width.
fn label_lines(spec: &BarSpec, width: u32) -> Vec<Vec<String>> {
    let room = f64::from(width.saturating_sub(LEFT + 4));
    spec.rows
        .iter()
        .map(|row| text::wrap(&row.label, LABEL_SIZE, false, room, LABEL_LINES))
        .collect()
}

fn row_height(lines: usize) -> f64 {
    PAD_ABOVE + line_step() * lines.max(1) as f64 + PAD_BETWEEN + BAR + PAD_BELOW
}

/// Height of a bar chart at a width (long labels take two lines on narrow charts).
pub fn height(spec: &BarSpec, width: u32) -> u32 {
    let rows: f64 = if spec.rows.is_empty() {
        row_height(1)
    } else {
        label_lines(spec, width)
            .iter()
            .map(|lines| row_height(lines.len()))
            .sum()
    };
    TOP + BOTTOM + rows.ceil() as u32
}

fn finite_or_zero(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        0.0
    }
}

/// Draws the bars; returns one mark per row and the plot area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &BarSpec,
    locale: &Locale,
    theme: &Theme,
    labels: &mut Labels,
) -> DrawResult<(Vec<Mark>, PixelRect), DB> {
    let (width, _) = root.dim_in_pixel();
    let narrow = width < NARROW;
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
    let ticks = ticks_for(wanted, if width < 420 { 3 } else { 5 }, spec.tick_format);
    let x_max = ticks.last().copied().unwrap_or(1.0);
    let x_ticks = spec.tick_format.labels(&ticks, locale, narrow);
    let lines = label_lines(spec, width);
    let heights: Vec<f64> = lines.iter().map(|lines| row_height(lines.len())).collect();
    let total: f64 = heights.iter().sum::<f64>().max(row_height(1));
    let right = x_ticks.last().map_or(0, |(_, label)| {
        (text::width(label, TICK_SIZE, false) / 2.0).ceil() as u32 + 2
    });
    let margins = Margins {
        top: TOP,
        right: right.clamp(8, 40),
        bottom: BOTTOM,
        left: LEFT,
    };
    let axes = Axes {
        x: 0.0..x_max,
        y: 0.0..total,
        x_ticks,
        y_ticks: Vec::new(),
        value_axis: ValueAxis::Horizontal,
        y_labels_inside: false,
        x_title: Some(spec.value_title.clone()).filter(|title| !title.is_empty()),
        y_title: None,
    };
    let plot = draw_frame(root, margins, &axes, theme, labels)?;
    // The threshold goes under the bars and every text.
    if let Some(reference) = &spec.threshold {
        let at = threshold.min(x_max);
        plot.draw(&DashedPathElement::new(
            vec![(at, 0.0), (at, total)],
            5,
            3,
            theme.reference.stroke_width(2),
        ))?;
        let (px, py) = plot.map_coordinate(&(at, total));
        let label = Label::new(
            reference.label.clone(),
            (px + 4, py - 3),
            TICK_SIZE,
            theme.text,
            (Anchor::Start, Baseline::Bottom),
        );
        let before = label.at((px - 4, py - 3), Anchor::End, Baseline::Bottom);
        let short = shortened(before.clone(), f64::from(px - 6));
        labels.place_first([label, before, short]);
    }
    let plot_left = plot.map_coordinate(&(0.0, 0.0)).0;
    let mut marks = Vec::with_capacity(spec.rows.len());
    let mut band_top = total;
    for ((row, lines), band) in spec.rows.iter().zip(&lines).zip(&heights) {
        let bar_top = band_top - PAD_ABOVE - line_step() * lines.len() as f64 - PAD_BETWEEN;
        let bar_bottom = bar_top - BAR;
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
        let (_, label_y) = plot.map_coordinate(&(0.0, band_top - PAD_ABOVE));
        for (index, line) in lines.iter().enumerate() {
            let y = label_y + (line_step() * index as f64) as i32;
            let label = Label::new(
                line.clone(),
                (plot_left, y),
                LABEL_SIZE,
                theme.text,
                (Anchor::Start, Baseline::Top),
            )
            .haloed(theme.background);
            labels.place_first([label]);
        }
        let (end_x, mid_y) = plot.map_coordinate(&(value, (bar_top + bar_bottom) / 2.0));
        place_value(labels, row, (end_x, mid_y), plot_left, width, color, theme);
        let (left, top) = plot.map_coordinate(&(0.0, band_top));
        let (plot_right, bottom) = plot.map_coordinate(&(x_max, band_top - band));
        marks.push(Mark {
            hit: (left, top, (plot_right - left).max(1), (bottom - top).max(1)),
            anchor: (end_x, mid_y),
            tip: row.tip.clone(),
        });
        band_top -= band;
    }
    Ok((marks, plot_rect(&plot)))
}

/// A bar's value: after the bar, else inside it (in a colour that reads on the bar), first in
/// full, then in its short form, shortened with an ellipsis as a last resort.
fn place_value(
    labels: &mut Labels,
    row: &BarRow,
    (end_x, mid_y): (i32, i32),
    plot_left: i32,
    width: u32,
    bar: plotters::style::RGBColor,
    theme: &Theme,
) {
    let after = |text: &str| {
        Label::new(
            text,
            (end_x + 6, mid_y),
            LABEL_SIZE,
            theme.text,
            (Anchor::Start, Baseline::Middle),
        )
        .haloed(theme.background)
    };
    let inside = |text: &str| {
        Label::new(
            text,
            (end_x - 6, mid_y),
            LABEL_SIZE,
            theme.on(bar),
            (Anchor::End, Baseline::Middle),
        )
        .haloed(bar)
    };
    let fits_inside = |label: &Label| label.bbox().x0 >= f64::from(plot_left + 4);
    let room_after = f64::from(width as i32 - end_x - 8);
    let room_inside = f64::from(end_x - plot_left - 10);
    let candidates = [
        after(&row.value_text),
        inside(&row.value_text),
        after(&row.value_short),
        inside(&row.value_short),
        shortened(after(&row.value_short), room_after),
        shortened(inside(&row.value_short), room_inside),
    ];
    labels.place_first(
        candidates
            .into_iter()
            .filter(|label| label.anchor == Anchor::Start || fits_inside(label)),
    );
}
