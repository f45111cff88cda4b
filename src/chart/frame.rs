//! The frame every chart shares: background, margins, the data-to-pixel mapping (plotters'
//! `Cartesian2d`), grid lines and tick labels, and the layout of every text for the chart's
//! width. Chart kinds draw only their marks and place their labels through [`Labels`], which
//! keeps each text inside the chart and off every text placed before it.
//!
//! Below [`NARROW`] pixels the value axis's labels sit on their grid lines inside the plot (as
//! newsroom charts do on phones), so the plot keeps nearly the whole width.

use super::scene::{Anchor, Baseline, Paint, Shape};
use super::text::{self, TextBox};
use super::theme::Theme;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::{
    Cartesian2d, DrawingArea, DrawingAreaErrorKind, DrawingBackend, PathElement,
};
use plotters::style::{Color, RGBColor};
use std::ops::Range;

/// The plot area with data coordinates.
pub type Plot<DB> = DrawingArea<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Result of drawing on a backend.
pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Size of tick labels, px.
pub const TICK_SIZE: f64 = 12.0;
/// Size of labels and values, px.
pub const LABEL_SIZE: f64 = 13.0;
/// Charts narrower than this (px) get the compact layout.
pub const NARROW: u32 = 480;
/// Extra margin an axis title needs, px.
pub const TITLE_SPACE: u32 = 18;

/// Space around the plot area, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Margins {
    /// Above the plot, px.
    pub top: u32,
    /// Right of the plot, px.
    pub right: u32,
    /// Below the plot, px.
    pub bottom: u32,
    /// Left of the plot, px.
    pub left: u32,
}

/// Which ticks get grid lines: those of the value axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueAxis {
    /// Values run up the y axis (line charts).
    Vertical,
    /// Values run along the x axis (horizontal bars).
    Horizontal,
}

/// Axes of a frame: ranges in data units and ticks with their printed labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Axes {
    /// The x axis's range, in data units.
    pub x: Range<f64>,
    /// The y axis's range, in data units.
    pub y: Range<f64>,
    /// The x axis's ticks: value and printed label.
    pub x_ticks: Vec<(f64, String)>,
    /// The y axis's ticks: value and printed label.
    pub y_ticks: Vec<(f64, String)>,
    /// Which axis carries the values (its ticks get grid lines).
    pub value_axis: ValueAxis,
    /// The y tick labels sit on their grid lines inside the plot (narrow charts).
    pub y_labels_inside: bool,
    /// Title of the x axis, printed under its tick labels at the right.
    pub x_title: Option<String>,
    /// Title of the y axis, printed above the plot at the left.
    pub y_title: Option<String>,
}

fn paint(color: RGBColor) -> Paint {
    Paint {
        rgb: (color.0, color.1, color.2),
        alpha: 1.0,
    }
}

/// A text to place: where, how big, how anchored, and whether it has a halo.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Where its anchor is, px from the left.
    pub x: i32,
    /// Where its baseline is, px from the top.
    pub y: i32,
    /// What it says.
    pub text: String,
    /// Font size, px.
    pub size: f64,
    /// Its colour.
    pub color: RGBColor,
    /// Which end or its middle sits at `x`.
    pub anchor: Anchor,
    /// Which line of it sits at `y`.
    pub baseline: Baseline,
    /// A band of this colour around the glyphs, where lines run under it.
    pub halo: Option<RGBColor>,
}

impl Label {
    /// A label without halo.
    pub fn new(
        text: impl Into<String>,
        (x, y): (i32, i32),
        size: f64,
        color: RGBColor,
        (anchor, baseline): (Anchor, Baseline),
    ) -> Label {
        Label {
            x,
            y,
            text: text.into(),
            size,
            color,
            anchor,
            baseline,
            halo: None,
        }
    }

    /// The same label with a halo of `color` (the colour under it).
    pub fn haloed(self, color: RGBColor) -> Label {
        Label {
            halo: Some(color),
            ..self
        }
    }

    /// The same label moved to `at`.
    pub fn at(&self, (x, y): (i32, i32), anchor: Anchor, baseline: Baseline) -> Label {
        Label {
            x,
            y,
            anchor,
            baseline,
            ..self.clone()
        }
    }

    /// Its width in pixels.
    pub fn width(&self) -> f64 {
        text::width(&self.text, self.size, false)
    }

    /// Its box in pixels.
    pub fn bbox(&self) -> TextBox {
        text::text_box(
            f64::from(self.x),
            f64::from(self.y),
            self.width(),
            self.size,
            self.anchor,
            self.baseline,
        )
    }

    fn shape(self) -> Shape {
        Shape::Text {
            x: self.x,
            y: self.y,
            text: self.text,
            size: self.size.round().clamp(1.0, 200.0) as u32,
            paint: paint(self.color),
            anchor: self.anchor,
            baseline: self.baseline,
            bold: false,
            halo: self.halo.map(paint),
        }
    }
}

/// The texts of a chart, placed one by one so that none leaves the chart or covers another.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    width: f64,
    height: f64,
    placed: Vec<Label>,
    boxes: Vec<TextBox>,
    left_out: Vec<String>,
}

/// Gap kept between two placed texts, px.
const GAP: f64 = 2.0;

impl Labels {
    /// Room for texts in a chart of this size.
    pub fn new(width: u32, height: u32) -> Labels {
        Labels {
            width: f64::from(width),
            height: f64::from(height),
            placed: Vec::new(),
            boxes: Vec::new(),
            left_out: Vec::new(),
        }
    }

    /// Whether `label` lies inside the chart and off every text placed so far.
    pub fn fits(&self, label: &Label) -> bool {
        let bbox = label.bbox();
        bbox.inside(self.width, self.height)
            && !self
                .boxes
                .iter()
                .any(|placed| placed.overlaps(&bbox.grown(GAP)))
    }

    /// Places `label` as it is (the caller has made sure that it fits).
    fn put(&mut self, label: Label) {
        self.boxes.push(label.bbox());
        self.placed.push(label);
    }

    /// Places the first candidate that fits; false when none does (nothing is placed, and the
    /// first candidate's text is noted as left out).
    pub fn place_first(&mut self, candidates: impl IntoIterator<Item = Label>) -> bool {
        let mut first = None;
        for candidate in candidates {
            if self.fits(&candidate) {
                self.put(candidate);
                return true;
            }
            first.get_or_insert(candidate.text);
        }
        self.left_out.extend(first);
        false
    }

    /// The placed texts as shapes, in placing order, and the texts that found no place.
    pub fn finish(self) -> (Vec<Shape>, Vec<String>) {
        (
            self.placed.into_iter().map(Label::shape).collect(),
            self.left_out,
        )
    }
}

/// `label` shortened (with an ellipsis) to at most `max` pixels.
pub fn shortened(mut label: Label, max: f64) -> Label {
    label.text = text::shorten(&label.text, label.size, false, max);
    label
}

/// Width in pixels of the widest label.
pub fn widest(labels: impl IntoIterator<Item = impl AsRef<str>>, size: f64) -> u32 {
    labels
        .into_iter()
        .map(|label| text::width(label.as_ref(), size, false).ceil() as u32)
        .max()
        .unwrap_or(0)
}

/// A range that plotters can map: finite and non-empty.
fn safe_range(range: &Range<f64>) -> Range<f64> {
    if range.start.is_finite() && range.end.is_finite() && range.end > range.start {
        range.clone()
    } else {
        0.0..1.0
    }
}

/// Draws the background, grid and axis line, and places the tick labels and axis titles;
/// returns the plot area in data coordinates.
pub fn draw_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    margins: Margins,
    axes: &Axes,
    theme: &Theme,
    labels: &mut Labels,
) -> DrawResult<Plot<DB>, DB> {
    root.fill(&theme.background)?;
    let area = root.margin(margins.top, margins.bottom, margins.left, margins.right);
    let (x, y) = (safe_range(&axes.x), safe_range(&axes.y));
    // As plotters' ChartBuilder does: the last pixel is inclusive, and y grows upwards.
    let (mut x_pixels, mut y_pixels) = area.get_pixel_range();
    x_pixels.end -= 1;
    y_pixels.end -= 1;
    let pixels = (x_pixels, y_pixels.end..y_pixels.start);
    let plot = area.apply_coord_spec(Cartesian2d::<RangedCoordf64, RangedCoordf64>::new(
        x.clone(),
        y.clone(),
        pixels,
    ));
    let (width, height) = root.dim_in_pixel();
    let grid = theme.grid.stroke_width(1);
    // Titles first: the tick labels make room for them, not the other way round.
    if let Some(title) = &axes.y_title {
        let label = Label::new(
            title.clone(),
            (2, 2),
            TICK_SIZE,
            theme.text,
            (Anchor::Start, Baseline::Top),
        );
        labels.place_first([shortened(label, f64::from(width) - 4.0)]);
    }
    if let Some(title) = &axes.x_title {
        let right = width.saturating_sub(margins.right).max(width * 2 / 3) as i32;
        let label = Label::new(
            title.clone(),
            (right, height as i32 - 2),
            TICK_SIZE,
            theme.text,
            (Anchor::End, Baseline::Bottom),
        );
        labels.place_first([shortened(label, f64::from(right) - 2.0)]);
    }
    for (value, tick) in axes
        .y_ticks
        .iter()
        .filter(|(value, _)| y.contains(value) || *value == y.end)
    {
        if axes.value_axis == ValueAxis::Vertical {
            plot.draw(&PathElement::new(
                vec![(x.start, *value), (x.end, *value)],
                grid,
            ))?;
        }
        let (px, py) = plot.map_coordinate(&(x.start, *value));
        let label = if axes.y_labels_inside {
            Label::new(
                tick.clone(),
                (px + 1, py - 2),
                TICK_SIZE,
                theme.muted,
                (Anchor::Start, Baseline::Bottom),
            )
            .haloed(theme.background)
        } else {
            Label::new(
                tick.clone(),
                (px - 6, py),
                TICK_SIZE,
                theme.muted,
                (Anchor::End, Baseline::Middle),
            )
        };
        labels.place_first([label]);
    }
    x_tick_labels(&plot, axes, theme, labels, &x, y.start, width)?;
    plot.draw(&PathElement::new(
        vec![(x.start, y.start), (x.end, y.start)],
        theme.muted.stroke_width(1),
    ))?;
    Ok(plot)
}

/// The x axis's grid lines (bars) and tick labels: thinned to a regular step where they would
/// crowd, the first and last kept inside the chart.
fn x_tick_labels<DB: DrawingBackend>(
    plot: &Plot<DB>,
    axes: &Axes,
    theme: &Theme,
    labels: &mut Labels,
    x: &Range<f64>,
    y_start: f64,
    width: u32,
) -> DrawResult<(), DB> {
    let grid = theme.grid.stroke_width(1);
    let ticks: Vec<&(f64, String)> = axes
        .x_ticks
        .iter()
        .filter(|(value, _)| x.contains(value) || *value == x.end)
        .collect();
    let label_width = widest(ticks.iter().map(|(_, label)| label), TICK_SIZE) as i32 + 6;
    let spacing = match (ticks.first(), ticks.get(1)) {
        (Some(first), Some(second)) => (plot.map_coordinate(&(second.0, y_start)).0
            - plot.map_coordinate(&(first.0, y_start)).0)
            .max(1),
        _ => i32::MAX,
    };
    let every = usize::try_from((label_width + spacing - 1) / spacing)
        .unwrap_or(1)
        .max(1);
    for (index, (value, tick)) in ticks.into_iter().enumerate() {
        let (px, py) = plot.map_coordinate(&(*value, y_start));
        if axes.value_axis == ValueAxis::Horizontal {
            plot.draw(&PathElement::new(
                vec![(*value, y_start), (*value, axes.y.end)],
                grid,
            ))?;
        }
        if index % every != 0 {
            continue;
        }
        let label = Label::new(
            tick.clone(),
            (px, py + 9),
            TICK_SIZE,
            theme.muted,
            (Anchor::Middle, Baseline::Top),
        );
        let half = (label.width() / 2.0).ceil() as i32;
        let label = if px - half < 1 {
            label.at((1, py + 9), Anchor::Start, Baseline::Top)
        } else if px + half > width as i32 - 1 {
            label.at((width as i32 - 1, py + 9), Anchor::End, Baseline::Top)
        } else {
            label
        };
        labels.place_first([label]);
    }
    Ok(())
}

/// A rectangle in pixels: x, y, width, height.
pub type PixelRect = (i32, i32, i32, i32);

/// The plot area in pixels.
pub fn plot_rect<DB: DrawingBackend>(plot: &Plot<DB>) -> PixelRect {
    let (x, y) = plot.get_pixel_range();
    (x.start, y.start, x.end - x.start, y.end - y.start)
}
