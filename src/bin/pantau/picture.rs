//! Pictures: a chart's SVG as PNG, and the 1200×630 social card (`og:image`), rendered by resvg
//! with the DejaVu fonts shipped here, so that the output is the same on every machine.

use super::draw::{svg_of, Look};
use pantau_pbj::chart::scene::escape_xml;
use pantau_pbj::chart::text::{shorten, wrap};
use pantau_pbj::format::Loaded;
use pantau_pbj::views::Panel;
use std::sync::{Arc, OnceLock};

/// The fonts: DejaVu Sans, regular and bold (the widths the chart layout measures with).
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut fonts = resvg::usvg::fontdb::Database::new();
            fonts.load_font_data(include_bytes!("fonts/DejaVuSans.ttf").to_vec());
            fonts.load_font_data(include_bytes!("fonts/DejaVuSans-Bold.ttf").to_vec());
            fonts.set_sans_serif_family("DejaVu Sans");
            Arc::new(fonts)
        })
        .clone()
}

/// `svg` as PNG, scaled by `scale`.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let options = resvg::usvg::Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".to_owned(),
        ..Default::default()
    };
    let tree =
        resvg::usvg::Tree::from_str(svg, &options).map_err(|error| format!("SVG: {error}"))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("empty picture")?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty picture")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|error| format!("PNG: {error}"))
}

/// The card's size.
const CARD: (u32, u32) = (1200, 630);

/// A 1200×630 card: the dataset's title, the chart's title, the chart, and the source line.
pub fn og_card(loaded: &Loaded, panel: &Panel, look: &Look) -> Result<Vec<u8>, String> {
    let theme = look.theme();
    let hex = |color: plotters::style::RGBColor| {
        format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
    };
    let (background, text, muted) = (hex(theme.background), hex(theme.text), hex(theme.muted));
    let margin = 48.0;
    let inner = CARD.0 as f64 - 2.0 * margin;
    let mut body = String::new();
    let mut y = margin + 30.0;
    for line in wrap(&loaded.dataset.meta.title, 32.0, true, inner, 2) {
        body.push_str(&format!(
            r#"<text x="{margin}" y="{y}" font-size="32" font-weight="bold" fill="{text}">{}</text>"#,
            escape_xml(&line)
        ));
        y += 40.0;
    }
    let subtitle = shorten(&panel.title, 22.0, false, inner);
    body.push_str(&format!(
        r#"<text x="{margin}" y="{y}" font-size="22" fill="{muted}">{}</text>"#,
        escape_xml(&subtitle)
    ));
    let top = y + 16.0;
    let footer = CARD.1 as f64 - margin + 10.0;
    // The chart, drawn at the card's inner width and scaled down to the room left.
    let (svg, width, height) = svg_of(
        loaded,
        panel,
        &Look {
            width: inner as u32,
            ..*look
        },
    );
    let inner_svg = svg
        .split_once('>')
        .map(|(_, rest)| rest.trim_end_matches("</svg>"))
        .unwrap_or("");
    let room = (footer - 28.0 - top).max(100.0);
    body.push_str(&format!(
        r#"<svg x="{margin}" y="{top}" width="{inner}" height="{room}" viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet">{inner_svg}</svg>"#
    ));
    let source = match panel.source_line.is_empty() {
        true => "Pantau PBJ".to_owned(),
        false => format!("{} · Pantau PBJ", panel.source_line),
    };
    body.push_str(&format!(
        r#"<text x="{margin}" y="{footer}" font-size="18" fill="{muted}">{}</text>"#,
        escape_xml(&shorten(&source, 18.0, false, inner))
    ));
    let card = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans"><rect width="{w}" height="{h}" fill="{background}"/>{body}</svg>"#,
        w = CARD.0,
        h = CARD.1
    );
    png(&card, 1.0)
}
