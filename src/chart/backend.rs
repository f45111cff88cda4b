//! A plotters [`DrawingBackend`] that records shapes into a [`Scene`] instead of pixels.
//!
//! Text is measured with the widths of [`super::text`] (no font access), so layout is the same
//! on the host and in the browser, and plotters never touches the DOM. The charts place their
//! texts themselves (`frame::Labels`); text that plotters draws is recorded plainly.

use super::scene::{Anchor, Baseline, Paint, Scene, Shape};
use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::convert::Infallible;
use std::fmt;

/// The error type of a backend that cannot fail.
#[derive(Debug)]
pub struct NeverFails(Infallible);

impl fmt::Display for NeverFails {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {}
    }
}

impl std::error::Error for NeverFails {}

/// Records what plotters draws into a [`Scene`] (of the scene's size).
#[derive(Debug)]
pub struct SceneBackend<'a> {
    scene: &'a mut Scene,
}

impl<'a> SceneBackend<'a> {
    /// A backend that appends to `scene`.
    pub fn new(scene: &'a mut Scene) -> SceneBackend<'a> {
        SceneBackend { scene }
    }
}

fn paint(color: BackendColor) -> Paint {
    Paint {
        rgb: color.rgb,
        alpha: color.alpha,
    }
}

impl DrawingBackend for SceneBackend<'_> {
    type ErrorType = NeverFails;

    fn get_size(&self) -> (u32, u32) {
        (self.scene.width, self.scene.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<NeverFails>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<NeverFails>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<NeverFails>> {
        if color.alpha > 0.0 {
            self.scene.shapes.push(Shape::Rect {
                x: point.0,
                y: point.1,
                width: 1,
                height: 1,
                paint: paint(color),
                filled: true,
            });
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<NeverFails>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<NeverFails>> {
        if style.color().alpha > 0.0 {
            let (x0, x1) = (
                upper_left.0.min(bottom_right.0),
                upper_left.0.max(bottom_right.0),
            );
            let (y0, y1) = (
                upper_left.1.min(bottom_right.1),
                upper_left.1.max(bottom_right.1),
            );
            self.scene.shapes.push(Shape::Rect {
                x: x0,
                y: y0,
                width: x1 - x0,
                height: y1 - y0,
                paint: paint(style.color()),
                filled: fill,
            });
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<NeverFails>> {
        if style.color().alpha > 0.0 {
            let points: Vec<BackendCoord> = path.into_iter().collect();
            if points.len() >= 2 {
                self.scene.shapes.push(Shape::Line {
                    points,
                    stroke: paint(style.color()),
                    width: style.stroke_width().max(1),
                });
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<NeverFails>> {
        if style.color().alpha > 0.0 {
            self.scene.shapes.push(Shape::Circle {
                cx: center.0,
                cy: center.1,
                r: radius,
                paint: paint(style.color()),
                filled: fill,
            });
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<NeverFails>> {
        if style.color().alpha > 0.0 {
            let points: Vec<BackendCoord> = vertices.into_iter().collect();
            self.scene.shapes.push(Shape::Polygon {
                points,
                fill: paint(style.color()),
            });
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<NeverFails>> {
        let color = style.color();
        if color.alpha <= 0.0 || text.is_empty() {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => Anchor::Start,
            HPos::Center => Anchor::Middle,
            HPos::Right => Anchor::End,
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => Baseline::Top,
            VPos::Center => Baseline::Middle,
            VPos::Bottom => Baseline::Bottom,
        };
        let bold = matches!(style.style(), plotters_backend::FontStyle::Bold);
        self.scene.shapes.push(Shape::Text {
            x: pos.0,
            y: pos.1,
            text: text.to_owned(),
            size: style.size().round().clamp(1.0, 200.0) as u32,
            paint: paint(color),
            anchor,
            baseline,
            bold,
            halo: None,
        });
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<NeverFails>> {
        let size = style.size();
        let bold = matches!(style.style(), plotters_backend::FontStyle::Bold);
        Ok((
            super::text::width(text, size, bold).ceil() as u32,
            super::text::height(size).ceil() as u32,
        ))
    }
}
