//! `pantau render FILE [--view V] [--lang L] [--theme T] [--width W] [--panel ID|all] [--png]
//! [--og] [--snapshot] -o OUT`: the SVG the widget downloads for a view's chart (the same
//! function draws both), or a PNG of it at twice the size, or a 1200×630 social card
//! (`og:image`). `--snapshot` records in the SVG the SHA-256 of the file it was drawn from, for
//! the widget's `snapshot` option.

use super::{input, picture, Arguments};
use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::chart::theme::Theme;
use pantau_pbj::chart::Locale;
use pantau_pbj::format::Loaded;
use pantau_pbj::i18n::Lang;
use pantau_pbj::views::export::{chart_svg, recording, DOWNLOAD_WIDTH};
use pantau_pbj::views::{panels, Panel, View};

/// How to draw: the language, theme and width.
pub struct Look {
    pub lang: Lang,
    pub dark: bool,
    pub width: u32,
}

impl Look {
    pub fn theme(&self) -> Theme {
        if self.dark {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }
}

/// The panels of a view of a loaded file, as the widget shows them first (no filter).
pub fn view_panels(loaded: &Loaded, view: View, lang: Lang) -> Vec<Panel> {
    panels(
        &apply(&loaded.dataset, &Filter::default()),
        view,
        lang,
        false,
    )
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A panel's chart as SVG, its width and height.
pub fn svg_of(loaded: &Loaded, panel: &Panel, look: &Look) -> (String, u32, u32) {
    let locale = Locale {
        lang: look.lang,
        currency: loaded.dataset.meta.currency.clone(),
    };
    chart_svg(panel, look.width, &locale, &look.theme())
}

pub fn run(arguments: &Arguments) -> Result<(), String> {
    let [path] = arguments.files.as_slice() else {
        return Err("render needs one file".to_owned());
    };
    let view = match arguments.value("view") {
        None => View::default(),
        Some(code) => View::from_code(code).ok_or_else(|| format!("--view {code}: unknown"))?,
    };
    let dark = match arguments.value("theme") {
        None | Some("light") => false,
        Some("dark") => true,
        Some(other) => return Err(format!("--theme {other}: light or dark")),
    };
    let width = match arguments.value("width") {
        None => DOWNLOAD_WIDTH,
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|width| (200..=4000).contains(width))
            .ok_or_else(|| format!("--width {text}: a number of pixels, 200 to 4000"))?,
    };
    let look = Look {
        lang: arguments.lang()?,
        dark,
        width,
    };
    let out = arguments.out()?;
    // The snapshot records the file as published (compressed or not): the bytes a reader gets.
    let recorded = match arguments.flag("snapshot") {
        true => Some(sha256_hex(
            &std::fs::read(path).map_err(|error| format!("{path}: {error}"))?,
        )),
        false => None,
    };
    let bytes = input::bytes(path)?;
    let loaded = input::load(path, &bytes).map_err(|error| {
        format!(
            "{path}: {}",
            pantau_pbj::i18n::describe_load_error(&error, look.lang)
        )
    })?;
    let shown = view_panels(&loaded, view, look.lang);
    if shown.is_empty() {
        return Err(format!(
            "{path}: the {} view has no chart for this file",
            view.code()
        ));
    }
    let chosen: Vec<&Panel> = match arguments.value("panel") {
        None => shown.iter().take(1).collect(),
        Some("all") => shown.iter().collect(),
        Some(id) => {
            let found: Vec<&Panel> = shown.iter().filter(|panel| panel.id == id).collect();
            if found.is_empty() {
                let ids: Vec<&str> = shown.iter().map(|panel| panel.id.as_str()).collect();
                return Err(format!("--panel {id}: this view has {}", ids.join(", ")));
            }
            found
        }
    };
    let (png, og) = (arguments.flag("png"), arguments.flag("og"));
    let extension = if png || og { "png" } else { "svg" };
    let all = arguments.value("panel") == Some("all");
    if all {
        std::fs::create_dir_all(out).map_err(|error| format!("{out}: {error}"))?;
    }
    for panel in chosen {
        let target = match all {
            true => format!("{out}/{}-{}.{extension}", view.code(), panel.id),
            false => out.to_owned(),
        };
        let bytes = if og {
            picture::og_card(&loaded, panel, &look)?
        } else {
            let (svg, _, _) = svg_of(&loaded, panel, &look);
            let svg = match &recorded {
                Some(sha256) => recording(svg, sha256),
                None => svg,
            };
            match png {
                true => picture::png(&svg, 2.0)?,
                false => svg.into_bytes(),
            }
        };
        std::fs::write(&target, bytes).map_err(|error| format!("{target}: {error}"))?;
    }
    Ok(())
}
