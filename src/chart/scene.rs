//! What a chart draws, as plain shapes: the output of [`super::backend::SceneBackend`].
//!
//! A scene is rendered two ways: as SVG elements built node by node in the browser (text
//! always as text nodes, never parsed as markup), and as an escaped SVG document string for
//! tests and downloads.

use std::fmt::Write;

/// An sRGB colour with opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    /// Red, green, blue.
    pub rgb: (u8, u8, u8),
    /// Opacity, 0..=1.
    pub alpha: f64,
}

impl Paint {
    /// Opacity as an SVG attribute value (`1`, `0.35`), without float formatting machinery.
    pub fn opacity(self) -> String {
        let percent = (self.alpha.clamp(0.0, 1.0) * 100.0).round() as u32;
        match percent {
            100 => String::from("1"),
            percent => format!("0.{percent:02}"),
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.rgb.0, self.rgb.1, self.rgb.2)
    }
}

/// Horizontal text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Vertical text alignment: where the text's box is against y, as an offset of the baseline
/// for the font metrics of [`super::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    /// y is the top of the text.
    Top,
    /// y is the middle.
    Middle,
    /// y is the bottom.
    Bottom,
}

impl Baseline {
    /// Offset from y to the SVG baseline, in ems.
    pub fn dy(self) -> &'static str {
        match self {
            Baseline::Top => "0.93em",
            Baseline::Middle => "0.35em",
            Baseline::Bottom => "-0.24em",
        }
    }
}

/// One drawn shape, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// An open polyline.
    Line {
        /// Its points, px.
        points: Vec<(i32, i32)>,
        /// Its colour.
        stroke: Paint,
        /// Its width, px.
        width: u32,
    },
    /// A rectangle, filled or outlined.
    Rect {
        /// Left edge (text: anchor), px.
        x: i32,
        /// Top edge (text: baseline), px.
        y: i32,
        /// Width, px.
        width: i32,
        /// Height, px.
        height: i32,
        /// Its colour.
        paint: Paint,
        /// Filled, else outlined.
        filled: bool,
    },
    /// A circle.
    Circle {
        /// Centre, px from the left.
        cx: i32,
        /// Centre, px from the top.
        cy: i32,
        /// Radius, px.
        r: u32,
        /// Its colour.
        paint: Paint,
        /// Filled, else outlined.
        filled: bool,
    },
    /// A filled polygon.
    Polygon {
        /// Its points, px.
        points: Vec<(i32, i32)>,
        /// Its fill.
        fill: Paint,
    },
    /// A run of text.
    Text {
        /// Left edge (text: anchor), px.
        x: i32,
        /// Top edge (text: baseline), px.
        y: i32,
        /// What it says.
        text: String,
        /// Font size, px.
        size: u32,
        /// Its colour.
        paint: Paint,
        /// Which end or its middle sits at `x`.
        anchor: Anchor,
        /// Which line of it sits at `y`.
        baseline: Baseline,
        /// Bold.
        bold: bool,
        /// A band of this colour around the glyphs (drawn under them), so that lines and marks
        /// under the text never cross it.
        halo: Option<Paint>,
    },
}

/// A whole drawing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Shapes in drawing order.
    pub shapes: Vec<Shape>,
}

/// Escapes text for XML content and attribute values, leaving out what XML 1.0 forbids
/// (control characters other than tab and line breaks, noncharacters): text from a file, an
/// address or a translation can never make the SVG download ill-formed.
pub fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\t' | '\n' | '\r' => escaped.push(character),
            _ if character.is_control() || crate::format::is_noncharacter(character) => {}
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(character),
        }
    }
    escaped
}

/// Points as an SVG `points` attribute.
pub fn points_attribute(points: &[(i32, i32)]) -> String {
    let mut text = String::with_capacity(points.len() * 10);
    for (index, (x, y)) in points.iter().enumerate() {
        if index > 0 {
            text.push(' ');
        }
        let _ = write!(text, "{x},{y}");
    }
    text
}

/// One SVG element of a shape: its name, attributes and text (plain text, never markup).
#[derive(Debug, Clone, PartialEq)]
pub struct Element<'a> {
    /// The element's name.
    pub name: &'static str,
    /// Its attributes, in a fixed order for each name.
    pub attributes: Vec<(&'static str, String)>,
    /// Its text, for `text`.
    pub text: Option<&'a str>,
}

fn paint_attributes(paint: Paint, filled: bool) -> [(&'static str, String); 3] {
    if filled {
        [
            ("fill", paint.hex()),
            ("fill-opacity", paint.opacity()),
            ("stroke", "none".into()),
        ]
    } else {
        [
            ("fill", "none".into()),
            ("stroke", paint.hex()),
            ("stroke-opacity", paint.opacity()),
        ]
    }
}

impl Shape {
    /// The SVG element that draws this shape (in the page and in downloads alike).
    pub fn element(&self) -> Element<'_> {
        let (name, mut attributes, text) = match self {
            Shape::Line {
                points,
                stroke,
                width,
            } => (
                "polyline",
                vec![
                    ("points", points_attribute(points)),
                    ("fill", "none".into()),
                    ("stroke", stroke.hex()),
                    ("stroke-opacity", stroke.opacity()),
                    ("stroke-width", width.to_string()),
                    ("stroke-linecap", "round".into()),
                ],
                None,
            ),
            Shape::Rect {
                x,
                y,
                width,
                height,
                ..
            } => (
                "rect",
                vec![
                    ("x", x.to_string()),
                    ("y", y.to_string()),
                    ("width", width.to_string()),
                    ("height", height.to_string()),
                ],
                None,
            ),
            Shape::Circle { cx, cy, r, .. } => (
                "circle",
                vec![
                    ("cx", cx.to_string()),
                    ("cy", cy.to_string()),
                    ("r", r.to_string()),
                    ("stroke-width", "2".into()),
                ],
                None,
            ),
            Shape::Polygon { points, fill } => (
                "polygon",
                vec![
                    ("points", points_attribute(points)),
                    ("fill", fill.hex()),
                    ("fill-opacity", fill.opacity()),
                ],
                None,
            ),
            Shape::Text {
                x,
                y,
                text,
                size,
                paint,
                anchor,
                baseline,
                bold,
                halo,
            } => {
                let mut attributes = vec![
                    ("x", x.to_string()),
                    ("y", y.to_string()),
                    ("dy", baseline.dy().into()),
                    ("font-size", size.to_string()),
                    ("fill", paint.hex()),
                    ("text-anchor", anchor.svg().into()),
                    ("font-weight", if *bold { "bold" } else { "normal" }.into()),
                ];
                if let Some(halo) = halo {
                    attributes.extend([
                        ("stroke", halo.hex()),
                        ("stroke-width", String::from("4")),
                        ("stroke-linejoin", String::from("round")),
                        ("paint-order", String::from("stroke")),
                    ]);
                }
                ("text", attributes, Some(text.as_str()))
            }
        };
        if let Shape::Rect { paint, filled, .. } | Shape::Circle { paint, filled, .. } = self {
            attributes.extend(paint_attributes(*paint, *filled));
        }
        Element {
            name,
            attributes,
            text,
        }
    }
}

impl Scene {
    /// A standalone SVG document with a title and description for assistive technology.
    pub fn to_svg(&self, title: &str, description: &str) -> String {
        let mut svg = String::with_capacity(self.shapes.len() * 96 + 256);
        let _ = write!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif"><title id="t">{title}</title><desc id="d">{description}</desc>"#,
            w = self.width,
            h = self.height,
            title = escape_xml(title),
            description = escape_xml(description),
        );
        for shape in &self.shapes {
            let element = shape.element();
            let _ = write!(svg, "<{}", element.name);
            for (name, value) in &element.attributes {
                let _ = write!(svg, r#" {name}="{}""#, escape_xml(value));
            }
            match element.text {
                Some(text) => {
                    let _ = write!(svg, ">{}</{}>", escape_xml(text), element.name);
                }
                None => svg.push_str("/>"),
            }
        }
        svg.push_str("</svg>");
        svg
    }

    /// Every text run, in drawing order (for tests and summaries).
    pub fn texts(&self) -> Vec<&str> {
        self.shapes
            .iter()
            .filter_map(|shape| match shape {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}
