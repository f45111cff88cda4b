//! Charts: a spec in data units becomes shapes in pixels plus the marks a reader can explore.
//!
//! Every chart kind draws through one [`frame`] on any plotters backend. In this crate that
//! backend is [`backend::SceneBackend`], whose [`scene::Scene`] becomes SVG nodes in the browser
//! and an SVG string in tests. Hover and focus targets ([`Mark`]) come from the same plotters
//! coordinate mapping as the drawing.

pub mod backend;
mod bars;
pub mod frame;
pub mod layout;
mod lines;
pub mod scene;
pub mod spec;
pub mod text;
pub mod theme;
pub mod ticks;

use crate::i18n::{
    format_count_compact, format_money_compact, format_money_tick, format_percent, Lang,
};
use crate::model::{Currency, Rupiah, Share};
use backend::SceneBackend;
use plotters::prelude::IntoDrawingArea;
use scene::Scene;
use spec::{ChartSpec, TickFormat, Tip};
use theme::Theme;

/// The language and currency that labels are printed in.
#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    /// Reader's language.
    pub lang: Lang,
    /// The dataset's currency.
    pub currency: Currency,
}

impl TickFormat {
    /// A tick value as printed.
    pub fn format(self, value: f64, locale: &Locale) -> String {
        match self {
            TickFormat::Money => {
                format_money_compact(Rupiah(value.round() as i64), &locale.currency, locale.lang)
            }
            TickFormat::Percent => {
                format_percent(Share::new(value).unwrap_or_default(), locale.lang)
            }
            TickFormat::Count => format_count_compact(value.round() as i64, locale.lang),
        }
    }

    /// Labels of ticks running upwards from zero: on narrow charts money is short and only
    /// the top tick names the currency.
    pub fn labels(self, ticks: &[f64], locale: &Locale, narrow: bool) -> Vec<(f64, String)> {
        let top = ticks.len().saturating_sub(1);
        ticks
            .iter()
            .enumerate()
            .map(|(index, tick)| {
                let label = match self {
                    TickFormat::Money if narrow => format_money_tick(
                        Rupiah(tick.round() as i64),
                        &locale.currency,
                        locale.lang,
                        index == top,
                    ),
                    _ => self.format(*tick, locale),
                };
                (*tick, label)
            })
            .collect()
    }
}

/// A hover and focus target of a drawn chart, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Area that reacts to the pointer: x, y, width, height.
    pub hit: (i32, i32, i32, i32),
    /// Where the tooltip points to.
    pub anchor: (i32, i32),
    /// What the reader gets.
    pub tip: Tip,
}

/// A drawn chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drawn {
    /// The shapes.
    pub scene: Scene,
    /// Targets for hover and keyboard focus, in reading order.
    pub marks: Vec<Mark>,
    /// The plot area: x, y, width, height.
    pub plot: (i32, i32, i32, i32),
    /// Texts that found no place where they could be read (each is also in the legend, a
    /// tooltip or the table).
    pub left_out: Vec<String>,
}

/// Height a chart wants at a given width.
pub fn preferred_height(spec: &ChartSpec, width: u32) -> u32 {
    match spec {
        ChartSpec::Bars(bars) => bars::height(bars, width),
        ChartSpec::Lines(_) => (width * 9 / 16).clamp(220, 340),
    }
}

/// Draws a chart `width` pixels wide (clamped to 200..=2000).
pub fn draw(spec: &ChartSpec, width: u32, locale: &Locale, theme: &Theme) -> Drawn {
    let width = width.clamp(200, 2000);
    let height = preferred_height(spec, width);
    let mut scene = Scene {
        width,
        height,
        shapes: Vec::new(),
    };
    let mut labels = frame::Labels::new(width, height);
    let (marks, plot) = {
        let root = SceneBackend::new(&mut scene).into_drawing_area();
        let result = match spec {
            ChartSpec::Bars(bars) => bars::draw(&root, bars, locale, theme, &mut labels),
            ChartSpec::Lines(lines) => lines::draw(&root, lines, locale, theme, &mut labels),
        };
        result.unwrap_or_default()
    };
    // Texts go on top of every mark.
    let (texts, left_out) = labels.finish();
    scene.shapes.extend(texts);
    Drawn {
        scene,
        marks,
        plot,
        left_out,
    }
}
