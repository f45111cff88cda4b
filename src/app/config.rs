//! The widget's configuration from the page address: `src`, `view`, `lang`, `theme` and the
//! filters (`year`, `unit`, `region`, `method`, `type`, `stage`).

use crate::analysis::filter::Filter;
use crate::chart::theme::ThemeChoice;
use crate::i18n::Lang;
use crate::options;
use crate::views::View;
use crate::views::{Compare, Measure};

/// What the embedding page asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Address of the statistics file.
    pub src: String,
    /// The view shown first.
    pub view: View,
    /// The reader's language.
    pub lang: Lang,
    /// Light, dark, or the system's preference.
    pub theme: ThemeChoice,
    /// What the spending view counts: money or packages.
    pub measure: Measure,
    /// What the headline figures are compared with (`compare`).
    pub compare: Compare,
    /// The filters and stage of money.
    pub filter: Filter,
    /// The data's format, when the page insists (`format=pantau|ocds|csv`); else detected.
    pub format: Option<crate::ingest::SourceFormat>,
    /// Timeout (`timeout`, seconds, 1 to 120) and size cap (`maxmb`, megabytes, 1 to 512).
    pub limits: crate::load::Limits,
    /// The host's name for the frame (`id`), echoed in height messages.
    pub frame_id: String,
    /// The SHA-256 the publisher states for the data file (`sha256`), if any.
    pub sha256: Option<String>,
    /// A `SHA256SUMS`-style manifest listing it (`manifest`), if any.
    pub manifest: Option<String>,
    /// Render flags, as Datawrapper's: `plain` (no header or footer), `static` (no
    /// interaction), `transparent` (no background).
    pub flags: Flags,
    /// The widget's own page, for share links from a `<pantau-pbj>` element (`page`, set by
    /// `embed.js`).
    pub page: Option<String>,
    /// Whether the widget owns its page (iframe or its own page) and so keeps its state in the
    /// page address; a `<pantau-pbj>` element on a host page never touches the host's.
    pub in_page: bool,
    /// `credentials`: send the reader's cookies with the data request, when the data is on the
    /// page's own origin (never otherwise: by default the request carries none).
    pub credentials: bool,
    /// `host`: the origin of the page that frames the widget (`https://berita.example`), the
    /// only one its height messages go to; any parent when not given.
    pub host: Option<String>,
    /// The options given that the share panel's snippets and links carry on as they are
    /// (integrity, reading and rendering: `format`, `timeout`, `maxmb`, `sha256`, `manifest`,
    /// `credentials` and the flags), as name and value.
    pub kept: Vec<(&'static str, String)>,
}

/// The origin of an `http(s)` address (`scheme://host[:port]`), if it is one.
fn origin_of(address: &str) -> Option<String> {
    let url = web_sys::Url::new(address.trim()).ok()?;
    matches!(url.protocol().as_str(), "https:" | "http:").then(|| url.origin())
}

/// How the widget is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// No header (title, language switch) and no footer.
    pub plain: bool,
    /// No controls, no hover or focus: a picture of the view.
    pub fixed: bool,
    /// No background: the host's shows through.
    pub transparent: bool,
}

impl Config {
    /// The widget page's configuration, from its address.
    pub fn from_location() -> Config {
        let search = web_sys::window()
            .and_then(|window| window.location().search().ok())
            .unwrap_or_default();
        Config::from_query(&search, true)
    }

    /// Reads `src=…&view=…&lang=…` (an address's query or an element's attributes: the table
    /// and the reading are [`crate::options`]); `lang` falls back to the browser's language,
    /// then Indonesian; `host` must be an origin.
    pub fn from_query(query: &str, in_page: bool) -> Config {
        let params = web_sys::UrlSearchParams::new_with_str(query).ok();
        // A flag may be written bare (`?plain`): present with an empty value.
        let given = options::read(
            |name| params.as_ref().and_then(|params| params.get(name)),
            in_page,
        );
        let browser_lang = || {
            web_sys::window()
                .and_then(|window| window.navigator().language())
                .and_then(|tag| Lang::from_tag(&tag))
        };
        Config {
            src: given.src,
            view: given.view,
            lang: given.lang.or_else(browser_lang).unwrap_or_default(),
            theme: given.theme,
            measure: given.measure,
            compare: given.compare,
            filter: given.filter,
            format: given.format,
            sha256: given.sha256,
            manifest: given.manifest,
            in_page,
            page: given.page,
            flags: Flags {
                plain: given.plain,
                fixed: given.fixed,
                transparent: given.transparent,
            },
            credentials: given.credentials,
            host: given.host.and_then(|host| origin_of(&host)),
            kept: given.kept,
            frame_id: given.frame_id,
            limits: crate::load::Limits {
                timeout: given.timeout,
                max_bytes: given.max_bytes,
            },
        }
    }
}

/// The page address with the reader's choices in it (other parameters, such as `src`, kept):
/// the permalink of what the reader sees.
pub fn permalink(chosen: &crate::options::Chosen) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let url = web_sys::Url::new(&href).ok()?;
    let params = url.search_params();
    // Each choice set where the address has it (its place kept), the others removed.
    let written = crate::options::write(chosen);
    for name in crate::options::written_names() {
        match written.iter().find(|(known, _)| *known == name) {
            Some((_, value)) => params.set(name, value),
            None => params.delete(name),
        }
    }
    // A snapshot is a picture of the view first shown, so it goes with the first change.
    params.delete("snapshot");
    Some(url.href())
}

/// Writes the reader's choices into the page address (without reloading), so that a reload or
/// a shared link shows the same view.
pub fn write_to_location(chosen: &crate::options::Chosen) {
    let permalink = permalink(chosen);
    let (Some(window), Some(href)) = (web_sys::window(), permalink) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
    }
}

/// Whether the reader's system prefers a dark colour scheme.
pub fn system_prefers_dark() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()?
}
