//! The layout check: is every text of a drawing readable? Run on the recorded scene (the shapes
//! the browser gets), with the boxes of [`super::text`]; the browser tests run the same rules on
//! the boxes the real font gives (`tests/browser/layout.test.mjs`).
//!
//! A text is unreadable when it leaves the chart's box, when it overlaps another text, or when
//! a line (grid, axis, reference, data) or a filled mark crosses it without a halo under it.

use super::scene::{Scene, Shape};
use super::text::{self, TextBox};

/// What is wrong with a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Partly or wholly outside the chart.
    Outside(String),
    /// Overlaps another text.
    Overlap(String, String),
    /// A line runs through it, and it has no halo.
    Crossed(String),
    /// A filled mark lies over or under it, and it has no halo.
    Covered(String),
}

/// The result of a check.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Texts checked.
    pub texts: usize,
    /// What is wrong, if anything.
    pub problems: Vec<Problem>,
}

/// Less than this much overlap (px) is a touch, not a crossing.
const HAIR: f64 = 0.5;

struct Placed<'a> {
    text: &'a str,
    bbox: TextBox,
    haloed: bool,
}

/// Checks every text of `scene`.
pub fn check(scene: &Scene) -> Report {
    let (width, height) = (f64::from(scene.width), f64::from(scene.height));
    let texts: Vec<Placed> = scene
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text {
                x,
                y,
                text: content,
                size,
                anchor,
                baseline,
                bold,
                halo,
                ..
            } => {
                let size = f64::from(*size);
                Some(Placed {
                    text: content,
                    bbox: text::text_box(
                        f64::from(*x),
                        f64::from(*y),
                        text::width(content, size, *bold),
                        size,
                        *anchor,
                        *baseline,
                    ),
                    haloed: halo.is_some(),
                })
            }
            _ => None,
        })
        .collect();
    let mut problems = Vec::new();
    for (index, placed) in texts.iter().enumerate() {
        if !placed.bbox.grown(-HAIR).inside(width, height) {
            problems.push(Problem::Outside(placed.text.to_owned()));
        }
        for other in &texts[index + 1..] {
            if placed.bbox.overlaps(&other.bbox) {
                problems.push(Problem::Overlap(
                    placed.text.to_owned(),
                    other.text.to_owned(),
                ));
            }
        }
        if placed.haloed {
            continue;
        }
        for shape in &scene.shapes {
            match shape {
                Shape::Line {
                    points,
                    width: stroke,
                    ..
                } => {
                    let reach = placed.bbox.grown(f64::from(*stroke) / 2.0 - HAIR);
                    if points
                        .windows(2)
                        .any(|pair| crosses(pair[0], pair[1], &reach))
                    {
                        problems.push(Problem::Crossed(placed.text.to_owned()));
                        break;
                    }
                }
                Shape::Rect {
                    x,
                    y,
                    width: w,
                    height: h,
                    filled: true,
                    ..
                } => {
                    let whole = *x <= 0 && *y <= 0 && *w >= scene.width as i32;
                    let mark = TextBox {
                        x0: f64::from(*x),
                        y0: f64::from(*y),
                        x1: f64::from(x + w),
                        y1: f64::from(y + h),
                    };
                    if !whole && mark.overlaps(&placed.bbox) {
                        problems.push(Problem::Covered(placed.text.to_owned()));
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    Report {
        texts: texts.len(),
        problems,
    }
}

/// Whether the segment from `a` to `b` passes through the inside of `area` (Liang–Barsky).
fn crosses(a: (i32, i32), b: (i32, i32), area: &TextBox) -> bool {
    let (x0, y0) = (f64::from(a.0), f64::from(a.1));
    let (dx, dy) = (f64::from(b.0) - x0, f64::from(b.1) - y0);
    let mut low: f64 = 0.0;
    let mut high: f64 = 1.0;
    for (p, q) in [
        (-dx, x0 - area.x0),
        (dx, area.x1 - x0),
        (-dy, y0 - area.y0),
        (dy, area.y1 - y0),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                low = low.max(t);
            } else {
                high = high.min(t);
            }
        }
    }
    low < high
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::scene::{Anchor, Baseline, Paint};

    fn text_at(x: i32, y: i32, content: &str, halo: bool) -> Shape {
        Shape::Text {
            x,
            y,
            text: content.to_owned(),
            size: 12,
            paint: Paint {
                rgb: (0, 0, 0),
                alpha: 1.0,
            },
            anchor: Anchor::Start,
            baseline: Baseline::Top,
            bold: false,
            halo: halo.then_some(Paint {
                rgb: (255, 255, 255),
                alpha: 1.0,
            }),
        }
    }

    fn line(points: Vec<(i32, i32)>) -> Shape {
        Shape::Line {
            points,
            stroke: Paint {
                rgb: (0, 0, 0),
                alpha: 1.0,
            },
            width: 1,
        }
    }

    fn scene(shapes: Vec<Shape>) -> Scene {
        Scene {
            width: 200,
            height: 100,
            shapes,
        }
    }

    #[test]
    fn clean_texts_pass() {
        let report = check(&scene(vec![
            text_at(10, 10, "Satu", false),
            text_at(10, 40, "Dua", false),
            line(vec![(0, 30), (200, 30)]),
        ]));
        assert_eq!(report.texts, 2);
        assert_eq!(report.problems, vec![]);
    }

    #[test]
    fn each_fault_is_found() {
        let outside = check(&scene(vec![text_at(180, 10, "Terpotong di kanan", false)]));
        assert_eq!(
            outside.problems,
            vec![Problem::Outside("Terpotong di kanan".into())]
        );
        let overlap = check(&scene(vec![
            text_at(10, 10, "Satu", false),
            text_at(20, 14, "Dua", false),
        ]));
        assert_eq!(
            overlap.problems,
            vec![Problem::Overlap("Satu".into(), "Dua".into())]
        );
        let crossed = check(&scene(vec![
            text_at(10, 10, "Satu", false),
            line(vec![(0, 0), (100, 100)]),
        ]));
        assert_eq!(crossed.problems, vec![Problem::Crossed("Satu".into())]);
        let haloed = check(&scene(vec![
            text_at(10, 10, "Satu", true),
            line(vec![(0, 0), (100, 100)]),
        ]));
        assert_eq!(haloed.problems, vec![]);
        let covered = check(&scene(vec![
            Shape::Rect {
                x: 0,
                y: 12,
                width: 50,
                height: 5,
                paint: Paint {
                    rgb: (0, 0, 0),
                    alpha: 1.0,
                },
                filled: true,
            },
            text_at(10, 10, "Satu", false),
        ]));
        assert_eq!(covered.problems, vec![Problem::Covered("Satu".into())]);
    }
}
