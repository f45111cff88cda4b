//! The frame every chart shares: background, margins, the data-to-pixel mapping (plotters'
//! `Cartesian2d`), grid lines and tick labels. Chart kinds draw only their marks on top.

use super::backend::text_width;
use super::theme::Theme;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::{
    Cartesian2d, DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoFont, PathElement, Text,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, RGBColor, TextStyle};
use std::ops::Range;

/// The plot area with data coordinates.
pub type Plot<DB> = DrawingArea<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Result of drawing on a backend.
pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Font family for every text in a chart.
pub const FONT: &str = "sans-serif";
/// Size of tick labels, px.
pub const TICK_SIZE: f64 = 12.0;
/// Size of labels and values, px.
pub const LABEL_SIZE: f64 = 13.0;

/// Space around the plot area, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Margins {
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
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
    pub x: Range<f64>,
    pub y: Range<f64>,
    pub x_ticks: Vec<(f64, String)>,
    pub y_ticks: Vec<(f64, String)>,
    pub value_axis: ValueAxis,
    /// Title of the x axis, printed under its tick labels at the right (needs 18 px of margin).
    pub x_title: Option<String>,
    /// Title of the y axis, printed above the plot at the left (needs 16 px of margin).
    pub y_title: Option<String>,
}

/// Extra margin an axis title needs, px.
pub const TITLE_SPACE: u32 = 18;

/// A text style of `size` px in `color`, anchored at `pos`.
pub fn text_style(size: f64, color: RGBColor, pos: Pos) -> TextStyle<'static> {
    (FONT, size).into_font().color(&color).pos(pos)
}

/// Width in pixels of the widest label.
pub fn widest(labels: impl IntoIterator<Item = impl AsRef<str>>, size: f64) -> u32 {
    labels
        .into_iter()
        .map(|label| text_width(label.as_ref(), size).ceil() as u32)
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

/// Draws the background, grid and tick labels; returns the plot area in data coordinates.
pub fn draw_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    margins: Margins,
    axes: &Axes,
    theme: &Theme,
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
    let grid = theme.grid.stroke_width(1);
    let ticks = text_style(TICK_SIZE, theme.muted, Pos::new(HPos::Right, VPos::Center));
    let below = text_style(TICK_SIZE, theme.muted, Pos::new(HPos::Center, VPos::Top));
    for (value, label) in axes
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
        root.draw(&Text::new(label.clone(), (px - 6, py), ticks.clone()))?;
    }
    let x_ticks: Vec<&(f64, String)> = axes
        .x_ticks
        .iter()
        .filter(|(value, _)| x.contains(value) || *value == x.end)
        .collect();
    let label_width = widest(x_ticks.iter().map(|(_, label)| label), TICK_SIZE) as i32 + 6;
    let spacing = match (x_ticks.first(), x_ticks.get(1)) {
        (Some(first), Some(second)) => (plot.map_coordinate(&(second.0, y.start)).0
            - plot.map_coordinate(&(first.0, y.start)).0)
            .max(1),
        _ => i32::MAX,
    };
    let every = usize::try_from((label_width + spacing - 1) / spacing)
        .unwrap_or(1)
        .max(1);
    for (value, label) in x_ticks.into_iter().step_by(every) {
        if axes.value_axis == ValueAxis::Horizontal {
            plot.draw(&PathElement::new(
                vec![(*value, y.start), (*value, y.end)],
                grid,
            ))?;
        }
        let (px, py) = plot.map_coordinate(&(*value, y.start));
        root.draw(&Text::new(label.clone(), (px, py + 6), below.clone()))?;
    }
    let (width, height) = root.dim_in_pixel();
    if let Some(title) = &axes.y_title {
        let style = text_style(TICK_SIZE, theme.text, Pos::new(HPos::Left, VPos::Bottom));
        let top = margins.top as i32 - 9;
        root.draw(&Text::new(title.clone(), (2, top), style))?;
    }
    if let Some(title) = &axes.x_title {
        let style = text_style(TICK_SIZE, theme.text, Pos::new(HPos::Right, VPos::Bottom));
        let right = width.saturating_sub(margins.right) as i32;
        root.draw(&Text::new(title.clone(), (right, height as i32 - 2), style))?;
    }
    plot.draw(&PathElement::new(
        vec![(x.start, y.start), (x.end, y.start)],
        theme.muted.stroke_width(1),
    ))?;
    Ok(plot)
}
