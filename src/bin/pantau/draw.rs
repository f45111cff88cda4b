//! How the tool draws a view's chart: the look (language, theme, width) and the widget's own
//! panels and SVG export. `render`, `publish` and the pictures all draw through here.

use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::chart::theme::Theme;
use pantau_pbj::chart::Locale;
use pantau_pbj::format::Loaded;
use pantau_pbj::i18n::Lang;
use pantau_pbj::views::export::chart_svg;
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
