//! The embed options, defined once: each one's name, what it takes, its default and what it
//! does ([`OPTIONS`]), and the pure reading of them from an address's query or an element's
//! attributes ([`read`]). The README's options table and `embed/embed.js`'s observed attributes
//! are checked against this table by host tests, so the three cannot drift apart.

use crate::analysis::filter::Filter;
use crate::chart::theme::ThemeChoice;
use crate::i18n::Lang;
use crate::ingest::SourceFormat;
use crate::views::{Compare, Measure, View};
use std::time::Duration;

/// The bundled sample, relative to the widget's page (`src` when none is given).
pub const DEFAULT_SRC: &str = "data/kaltim-2024.json";
/// The global where the widget's page leaves the data request its start-up script sent while
/// the code loaded (`.ci/trunk-post-build.py` writes that script): `{url, response, controller}`.
pub const STARTED: &str = "__pantauStarted";
/// Seconds a download attempt may take by default (`timeout`), and the range accepted.
pub const TIMEOUT_SECONDS: u64 = 15;
const TIMEOUT_RANGE: std::ops::RangeInclusive<u64> = 1..=120;
/// Megabytes read at most by default (`maxmb`), and the range accepted.
pub const MAX_MEGABYTES: usize = 32;
const MAX_MEGABYTES_RANGE: std::ops::RangeInclusive<usize> = 1..=512;

/// Where an option is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The iframe page's address and the `<pantau-pbj>` element's attributes.
    Both,
    /// The iframe page's address only (it names the frame's own embedding).
    Iframe,
}

/// One option, as the README documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The parameter or attribute name (a stable promise).
    pub name: &'static str,
    /// What it takes (the README's "values" column, Markdown).
    pub values: &'static str,
    /// Its default (the README's "default" column).
    pub default: &'static str,
    /// What it does (the README's "meaning" column).
    pub meaning: &'static str,
    /// Where it is read.
    pub scope: Scope,
    /// Whether it is a flag: on when present (bare, `1`, `true`), off when absent or `false`,
    /// `0`, `no`.
    pub flag: bool,
    /// Whether share links and snippets carry it on as given (integrity, reading and rendering
    /// options; the view, language, theme and filters are the reader's current choices instead).
    pub kept: bool,
}

const fn spec(name: &'static str, values: &'static str, default: &'static str) -> Spec {
    Spec {
        name,
        values,
        default,
        meaning: "",
        scope: Scope::Both,
        flag: false,
        kept: false,
    }
}

impl Spec {
    const fn means(self, meaning: &'static str) -> Spec {
        Spec { meaning, ..self }
    }
    const fn flag(self) -> Spec {
        Spec { flag: true, ..self }
    }
    const fn kept(self) -> Spec {
        Spec { kept: true, ..self }
    }
    const fn iframe(self) -> Spec {
        Spec {
            scope: Scope::Iframe,
            ..self
        }
    }
}

/// Every option, in the README's order.
pub const OPTIONS: [Spec; 25] = [
    spec("src", "`http(s)` or relative URL", "`data/kaltim-2024.json`").means(
        "the data: a Pantau statistics file ([format v1](docs/format-v1.md)), OCDS 1.1 (release or record package, JSON Lines) or a CSV of packages ([what it reads](docs/inputs.md)); the data server must allow CORS when it is another origin. `data:`, `javascript:`, `blob:`, `file:` and other schemes are refused with a message (a link alone must not carry made-up figures onto an official page)",
    ),
    spec("format", "`pantau` \\| `ocds` \\| `csv`", "detected from the content")
        .means("forces how `src` is read")
        .kept(),
    spec("timeout", "seconds, 1 to 120", "`15`")
        .means("per attempt; transient failures are tried twice more")
        .kept(),
    spec("maxmb", "megabytes, 1 to 512", "`32`")
        .means("largest file read, enforced while it streams in")
        .kept(),
    spec("view", "`spending` \\| `local-content` \\| `targets` \\| `oversight`", "`spending`")
        .means("the view shown first"),
    spec(
        "lang",
        "`id` \\| `en`",
        "the browser's language if Indonesian or English, else `id`",
    )
    .means("the reader's language"),
    spec("theme", "`light` \\| `dark` \\| `auto`", "`auto`")
        .means("colours; `auto` follows the reader's `prefers-color-scheme`, live"),
    spec(
        "year",
        "fiscal year",
        "`meta.fiscal_year` (or the latest in the file)",
    )
    .means("tahun anggaran of package-level data"),
    spec("unit", "spending-unit name", "all")
        .means("drill down into one spending unit (perangkat daerah)"),
    spec("region", "region name", "all").means("one kabupaten/kota (package-level data)"),
    spec("government", "government (K/L/PD) name", "all")
        .means("one government of a file that holds several (package-level data)"),
    spec("method", "method code (`tender`, `e-purchasing`, …)", "all")
        .means("one selection method (package-level data)"),
    spec(
        "type",
        "type code (`barang`, `pekerjaan-konstruksi`, …)",
        "all",
    )
    .means("one procurement type (package-level data)"),
    spec(
        "stage",
        "`rencana` \\| `komitmen` \\| `realisasi`",
        "the latest stage the data has",
    )
    .means("the stage of money counted (package-level data)"),
    spec("measure", "`value` \\| `count`", "`value`")
        .means("what the spending view's charts, tables and downloads count: the value in money or the number of packages (*jumlah paket*); a file without amounts is counted whatever is given"),
    spec("compare", "`previous` \\| `http(s)` or relative URL", "none")
        .means("show each view's headline figures beside an earlier time, with the change (in money or packages, and in percentage points for shares): `previous` is the previous fiscal year of the same file (the reader can also switch it on); an address is an earlier file of the same series, such as last quarter's, read with the same checks as `src`"),
    spec("sha256", "64 hex digits", "none")
        .means("the SHA-256 the publisher states for the data file: checked against the bytes received, *verified* or a visible *mismatch* warning")
        .kept(),
    spec("manifest", "`http(s)` or relative URL", "none")
        .means("a `SHA256SUMS` file (`sha256sum` output) listing the data file by its path relative to the manifest's own folder (`2024/data.json` for `…/pbj/2024/data.json` listed in `…/pbj/SHA256SUMS`; a line for another folder's file of the same name never matches); used when `sha256` is not given")
        .kept(),
    spec("credentials", "flag", "off")
        .means("send the reader's cookies with the data (and manifest) request, only when it is on the page's own origin; without it, and to any other origin, the request carries none")
        .flag()
        .kept(),
    spec("plain", "flag", "off")
        .means("no header (title, language switch) and no footer")
        .flag()
        .kept(),
    spec("static", "flag", "off")
        .means("no controls and nothing to hover or focus: a picture of the view")
        .flag()
        .kept(),
    spec("transparent", "flag", "off")
        .means("no background: the host's shows through")
        .flag()
        .kept(),
    spec("snapshot", "`http(s)` or relative URL of an SVG", "none")
        .means("a picture of the first chart, drawn by [`pantau publish` or `pantau render --snapshot`](#for-publishers-the-pantau-tool), shown at once in the widget's place while the code loads and replaced by the interactive widget in one frame; it must be on the page's origin or the data's. The picture records the SHA-256 of the data it was drawn from: when the data received differs, it goes at once. When the data cannot be loaded it stays, marked as possibly not current. A `<pantau-pbj>` element may instead hold the picture as its own `<img>` or `<picture>` child, which also shows without JavaScript ([docs/snapshots.md](docs/snapshots.md))"),
    spec("host", "origin (`https://berita.example`)", "any")
        .means("iframe only: the origin of the page that frames the widget, the only one its height messages are posted to")
        .iframe(),
    spec("id", "text", "none")
        .means("iframe only: the host's name for the frame, echoed in height messages")
        .iframe(),
];

/// The option called `name`, if there is one.
pub fn spec_of(name: &str) -> Option<&'static Spec> {
    OPTIONS.iter().find(|spec| spec.name == name)
}

/// Whether a flag's value turns it on (present, and not `false`, `0` or `no`).
pub fn flag_on(value: Option<&str>) -> bool {
    value.is_some_and(|value| {
        !matches!(
            value.trim().to_ascii_lowercase().as_str(),
            "false" | "0" | "no"
        )
    })
}

/// The options as read, before anything the browser adds (its language, an origin checked as
/// an address).
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    /// `src`, [`DEFAULT_SRC`] when none.
    pub src: String,
    /// `view`.
    pub view: View,
    /// `lang`, when it names a language the widget speaks.
    pub lang: Option<Lang>,
    /// `theme`.
    pub theme: ThemeChoice,
    /// `measure`.
    pub measure: Measure,
    /// `compare`.
    pub compare: Compare,
    /// The filters and stage of money.
    pub filter: Filter,
    /// `format`, when it names one.
    pub format: Option<SourceFormat>,
    /// `timeout`, within its range, else the default.
    pub timeout: Duration,
    /// `maxmb` in bytes, within its range, else the default.
    pub max_bytes: usize,
    /// `sha256`, `manifest`, as given.
    pub sha256: Option<String>,
    /// `manifest`, as given.
    pub manifest: Option<String>,
    /// The flags `plain`, `static`, `transparent`, `credentials`.
    pub plain: bool,
    /// `static`: no interaction, the chart as a picture.
    pub fixed: bool,
    /// `transparent`: no background of its own.
    pub transparent: bool,
    /// `credentials`: the data request sends the reader's cookies.
    pub credentials: bool,
    /// `host` as given (the browser checks it is an origin), on the iframe page only.
    pub host: Option<String>,
    /// `id`, cleaned, on the iframe page only (empty when none).
    pub frame_id: String,
    /// `page`: the widget's own page, which `embed.js` tells an element (not an option of the
    /// iframe page, and not documented: embed.js sets it).
    pub page: Option<String>,
    /// The options given that share links and snippets carry on, as name and value (a flag
    /// that is on as `1`).
    pub kept: Vec<(&'static str, String)>,
}

/// Reads the options through `raw`, which gives a parameter's value as written (empty for a
/// bare flag) or `None` when absent. `in_page` says whether these are the iframe page's (else an
/// element's attributes): only the page reads `host` and `id`, only an element `page`. Values
/// that cannot be read fall back to the default.
pub fn read(raw: impl Fn(&str) -> Option<String>, in_page: bool) -> Given {
    let param = |name: &str| raw(name).filter(|value| !value.trim().is_empty());
    let flag = |name: &str| flag_on(raw(name).as_deref());
    let iframe = |name: &str| param(name).filter(|_| in_page);
    let kept = OPTIONS
        .iter()
        .filter(|spec| spec.kept)
        .filter_map(|spec| match spec.flag {
            true => flag(spec.name).then(|| (spec.name, "1".to_owned())),
            false => param(spec.name).map(|value| (spec.name, value.trim().to_owned())),
        })
        .collect();
    Given {
        src: param("src").unwrap_or_else(|| DEFAULT_SRC.to_owned()),
        view: param("view")
            .and_then(|code| View::from_code(&code))
            .unwrap_or_default(),
        lang: param("lang").and_then(|tag| Lang::from_tag(&tag)),
        theme: param("theme")
            .and_then(|code| ThemeChoice::from_code(&code))
            .unwrap_or_default(),
        measure: param("measure")
            .and_then(|code| Measure::from_code(code.trim()))
            .unwrap_or_default(),
        compare: Compare::from_param(param("compare").as_deref()),
        filter: Filter::from_params(param),
        format: param("format").and_then(|code| SourceFormat::from_code(&code)),
        timeout: Duration::from_secs(
            param("timeout")
                .and_then(|seconds| seconds.trim().parse::<u64>().ok())
                .filter(|seconds| TIMEOUT_RANGE.contains(seconds))
                .unwrap_or(TIMEOUT_SECONDS),
        ),
        max_bytes: param("maxmb")
            .and_then(|megabytes| megabytes.trim().parse::<usize>().ok())
            .filter(|megabytes| MAX_MEGABYTES_RANGE.contains(megabytes))
            .unwrap_or(MAX_MEGABYTES)
            * 1024
            * 1024,
        sha256: param("sha256"),
        manifest: param("manifest"),
        plain: flag("plain"),
        fixed: flag("static"),
        transparent: flag("transparent"),
        credentials: flag("credentials"),
        host: iframe("host"),
        frame_id: iframe("id")
            .map(|id| crate::format::clean_text(&id))
            .unwrap_or_default(),
        page: param("page").filter(|_| !in_page),
        kept,
    }
}

/// What the reader has chosen in a view: the options a share link, a snippet and the page's own
/// address carry, written by [`write`] and read back by [`read`] as the same choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen<'a> {
    /// The view shown.
    pub view: View,
    /// The reader's language.
    pub lang: Lang,
    /// Light, dark or following the system.
    pub theme: ThemeChoice,
    /// Value in money or number of packages.
    pub measure: Measure,
    /// What the figures are compared with.
    pub compare: &'a Compare,
    /// The filters and stage of money.
    pub filter: &'a Filter,
}

/// Every option [`write`] may write: an address's old values of these are removed before the new
/// ones are set.
pub fn written_names() -> impl Iterator<Item = &'static str> {
    ["view", "lang", "theme", "measure", "compare"]
        .into_iter()
        .chain(Filter::PARAM_NAMES)
}

/// The options that say `chosen`, as name and value, in a fixed order: `view`, `lang`, `theme`,
/// `measure` (only when not the default, so that an address says it only when it counts),
/// `compare` (when set), then the filters. [`read`] reads them back as the same choices (a
/// property test proves it).
pub fn write(chosen: &Chosen) -> Vec<(&'static str, String)> {
    let mut options = vec![
        ("view", chosen.view.code().to_owned()),
        ("lang", chosen.lang.tag().to_owned()),
        ("theme", chosen.theme.code().to_owned()),
    ];
    if chosen.measure != Measure::default() {
        options.push(("measure", chosen.measure.code().to_owned()));
    }
    options.extend(chosen.compare.param().map(|value| ("compare", value)));
    options.extend(chosen.filter.params());
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(pairs: &[(&str, &str)], in_page: bool) -> Given {
        read(
            |name| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            },
            in_page,
        )
    }

    #[test]
    fn nothing_given_reads_the_defaults() {
        let none = given(&[], true);
        assert_eq!(none.src, DEFAULT_SRC);
        assert_eq!((none.view, none.lang), (View::default(), None));
        assert_eq!(none.timeout, Duration::from_secs(15));
        assert_eq!(none.max_bytes, 32 * 1024 * 1024);
        assert!(!none.plain && !none.fixed && !none.transparent && !none.credentials);
        assert!(none.kept.is_empty());
        assert_eq!(none.frame_id, "");
    }

    #[test]
    fn values_out_of_range_or_unknown_fall_back() {
        let odd = given(
            &[
                ("timeout", "0"),
                ("maxmb", "513"),
                ("view", "pie"),
                ("lang", "fr"),
                ("format", "xml"),
                ("src", "  "),
            ],
            true,
        );
        assert_eq!(odd.timeout, Duration::from_secs(15));
        assert_eq!(odd.max_bytes, 32 * 1024 * 1024);
        assert_eq!(
            (odd.view, odd.lang, odd.format),
            (View::default(), None, None)
        );
        assert_eq!(odd.src, DEFAULT_SRC);
        let edge = given(&[("timeout", " 120 "), ("maxmb", "1")], true);
        assert_eq!(edge.timeout, Duration::from_secs(120));
        assert_eq!(edge.max_bytes, 1024 * 1024);
    }

    #[test]
    fn flags_are_on_bare_or_truthy_and_kept_options_keep_their_value() {
        let set = given(
            &[
                ("plain", ""),
                ("static", "1"),
                ("transparent", "false"),
                ("credentials", "yes"),
                ("sha256", " ab "),
                ("view", "targets"),
                ("format", "csv"),
            ],
            true,
        );
        assert!(set.plain && set.fixed && !set.transparent && set.credentials);
        assert_eq!(
            set.kept,
            vec![
                ("format", "csv".to_owned()),
                ("sha256", "ab".to_owned()),
                ("credentials", "1".to_owned()),
                ("plain", "1".to_owned()),
                ("static", "1".to_owned()),
            ]
        );
    }

    #[test]
    fn host_and_id_are_the_iframe_pages_and_page_an_elements() {
        let pairs = [
            ("host", "https://berita.example"),
            ("id", "a\u{202e}b"),
            ("page", "https://x.go.id/"),
        ];
        let page = given(&pairs, true);
        assert_eq!(page.host.as_deref(), Some("https://berita.example"));
        assert_eq!(page.frame_id, "ab");
        assert_eq!(page.page, None);
        let element = given(&pairs, false);
        assert_eq!((element.host, element.frame_id.as_str()), (None, ""));
        assert_eq!(element.page.as_deref(), Some("https://x.go.id/"));
    }

    #[test]
    fn the_table_names_each_option_once_and_the_filters_are_options() {
        let mut names: Vec<&str> = OPTIONS.iter().map(|spec| spec.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), OPTIONS.len());
        for name in Filter::PARAM_NAMES {
            assert!(spec_of(name).is_some(), "{name}");
        }
        let default = |name: &str| spec_of(name).map(|spec| spec.default.trim_matches('`'));
        assert_eq!(default("src"), Some(DEFAULT_SRC));
        assert_eq!(
            default("timeout"),
            Some(TIMEOUT_SECONDS.to_string().as_str())
        );
        assert_eq!(default("maxmb"), Some(MAX_MEGABYTES.to_string().as_str()));
    }
}
