//! `pantau publish FILE -o DIR [--widget DIST] [--base URL] [--lang id|en]`: everything a
//! publisher uploads to any static host or CDN, working as uploaded:
//!
//! ```text
//! DIR/index.html          transparency page: title, description, og: tags, the widget (iframe),
//!                         links to the data and its checksum; no script of its own (any strict
//!                         CSP holds)
//! DIR/data/FILE           the data file, as given
//! DIR/SHA256SUMS          its SHA-256 (sha256sum format; the widget's `manifest` option reads it)
//! DIR/snapshots/*.svg     each view's first chart, both languages and themes, drawn 360, 640
//!                         and 960 px wide, each recording the data's SHA-256
//! DIR/og/*.png            1200×630 social cards of each view, both languages
//! DIR/embed.html          the ready snippets (iframe and script), carrying `sha256` and the
//!                         snapshot (the script embed's as its fallback picture)
//! DIR/widget/             the widget's release build, copied from DIST (default `dist`), its
//!                         page showing the first view's snapshot in its markup: the first
//!                         chart needs no code, and shows without JavaScript
//! ```
//!
//! DIR/page.css           the transparency page's style (no inline style: a strict CSP holds)
//! DIR/**.br, DIR/**.gz    precompressed copies of every text file (HTML, JS, WebAssembly, CSS,
//!                         JSON, CSV, SVG, SHA256SUMS), for a server that serves them as they are
//!                         (`pantau serve` does; docs/publishing.md has the server settings)
//! ```
//!
//! Addresses in the snippets and `og:image` are absolute with `--base` (the folder's public
//! address), else relative to DIR.

use super::cli::PublishArgs;
use super::draw::{sha256_hex, svg_of, view_panels, Look};
use super::failure::{Failure, CHECK_PATH};
use super::input::{loaded, Input};
use super::output::write_file;
use super::picture;
use super::progress::Progress;
use pantau_pbj::chart::scene::escape_xml;
use pantau_pbj::i18n::{format_date, Lang, Text};
use pantau_pbj::views::export::{
    iframe_snippet, recording, script_snippet, Drawing, Picture, DOWNLOAD_WIDTH,
};
use pantau_pbj::views::View;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The published files, written as they come and remembered for their precompressed copies.
struct Folder<'progress> {
    root: PathBuf,
    written: Vec<PathBuf>,
    bytes: u64,
    progress: &'progress Progress,
}

impl Folder<'_> {
    /// Writes `bytes` at `relative` (a path under the folder).
    fn write(
        &mut self,
        relative: impl AsRef<Path>,
        bytes: impl AsRef<[u8]>,
    ) -> Result<(), Failure> {
        let path = self.root.join(relative.as_ref());
        write_file(&path, bytes.as_ref())?;
        self.bytes += bytes.as_ref().len() as u64;
        self.progress
            .step(format!("{}", relative.as_ref().display()));
        self.written.push(path);
        Ok(())
    }

    /// Copies the folder `from` into `relative`, recursively.
    fn copy(&mut self, from: &Path, relative: &Path) -> Result<(), Failure> {
        let unreadable = |error: std::io::Error| {
            Failure::unusable(format!("cannot read {}: {error}", from.display())).hint(CHECK_PATH)
        };
        for entry in std::fs::read_dir(from).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            let target = relative.join(entry.file_name());
            if entry.path().is_dir() {
                self.copy(&entry.path(), &target)?;
            } else if !is_precompressed(&entry.path()) {
                let bytes = std::fs::read(entry.path()).map_err(unreadable)?;
                self.write(&target, bytes)?;
            }
        }
        Ok(())
    }

    /// Writes `.gz` and `.br` copies beside every text file written, each only where it is
    /// smaller than the file.
    fn precompress(&mut self) -> Result<(), Failure> {
        let mut written = std::mem::take(&mut self.written);
        // A file written twice (the widget's page, over the build's) is compressed once.
        written.sort();
        written.dedup();
        for path in written {
            if !compressible(&path) {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|error| {
                Failure::unusable(format!("cannot read {}: {error}", path.display()))
            })?;
            for (extension, packed) in [("gz", gzip(&bytes)?), ("br", brotli(&bytes)?)] {
                if packed.len() < bytes.len() {
                    let mut name = path.clone().into_os_string();
                    name.push(".");
                    name.push(extension);
                    write_file(Path::new(&name), &packed)?;
                    self.bytes += packed.len() as u64;
                }
            }
            self.progress.step(format!("{}", path.display()));
        }
        Ok(())
    }
}

/// Whether a file is text that compresses (not a PNG, not already compressed).
pub fn compressible(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_lowercase());
    let Some(name) = name else {
        return false;
    };
    name == "sha256sums"
        || [
            ".html", ".js", ".mjs", ".wasm", ".css", ".json", ".jsonl", ".csv", ".svg", ".txt",
            ".xml", ".map",
        ]
        .iter()
        .any(|extension| name.ends_with(extension))
}

/// Whether a file is a precompressed copy beside another (not copied again from a build).
fn is_precompressed(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name.strip_suffix(".br")
        .or_else(|| name.strip_suffix(".gz"))
        .is_some_and(|original| Path::new(original).is_file())
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|error| Failure::unusable(format!("gzip: {error}")))
}

fn brotli(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    let mut packed = Vec::new();
    let parameters = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut packed, &parameters)
        .map_err(|error| Failure::unusable(format!("brotli: {error}")))?;
    Ok(packed)
}

/// The transparency page's style, in a file of its own: no inline style, so the page holds
/// under the same strict Content-Security-Policy as the widget (`style-src 'self'`).
const PAGE_CSS: &str = "body{font-family:system-ui,sans-serif;max-width:1000px;margin:0 auto;padding:16px;color:#1f2328;line-height:1.5}img{max-width:100%;height:auto}code{word-break:break-all}iframe[data-pantau]{width:100%;height:650px;border:0}\n";

/// A query component: everything but unreserved characters percent-encoded.
fn query(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// What a snapshot in the widget's page shows: the view, language and data file (relative to
/// the page) the widget shows first when its address names no other.
struct Drawn<'a> {
    view: View,
    lang: Lang,
    src: &'a str,
}

/// The widget's page (`index.html` of its build) with `picture` in its markup, in the widget's
/// place: shown at once, without any code, and without JavaScript. A `<meta
/// name="pantau-snapshot">` says what it shows, so that the start-up script drops it before it
/// is seen when the address asks for something else (embed/snapshot.js).
fn with_snapshot(page: &str, picture: &Picture<'_>, drawn: &Drawn<'_>) -> Result<String, Failure> {
    const MAIN: &str = "<main id=\"pantau\" class=\"pantau\">";
    let start = page.find(MAIN);
    let end = page.find("</main>");
    const CHARSET: &str = "<meta charset=\"utf-8\">";
    let (Some(start), Some(end), Some(head)) = (start, end, page.find(CHARSET)) else {
        return Err(Failure::unusable(format!(
            "the widget's index.html has no {CHARSET} or <main id=\"pantau\">"
        ))
        .hint(
            "give --widget the folder of a release build of this version (trunk build --release)",
        ));
    };
    let described = format!(
        "view={}&lang={}&src={}",
        drawn.view.code(),
        drawn.lang.tag(),
        query(drawn.src)
    );
    let needs_script = Text::PublishNeedsScript.get(drawn.lang);
    let stage = format!(
        "<div class=\"pantau-stage\"><div class=\"pantau-snapshot-frame pantau-snapshot-page\" data-sha256=\"{sha256}\">{picture}<noscript><p>{needs_script} <a href=\"{src}\">Data</a></p></noscript></div><main id=\"pantau\" class=\"pantau pantau-behind\"><p class=\"pantau-loading\" role=\"status\">Memuat data… / Loading data…</p></main></div>",
        sha256 = escape_xml(picture.sha256),
        picture = picture.tag(true),
        needs_script = escape_xml(needs_script),
        src = escape_xml(drawn.src),
    );
    let head = head + CHARSET.len();
    // The picture's few kilobytes come before the code's hundreds on a slow link: the code's
    // preload waits for them.
    let between = page[head..start].replace(
        "<link rel=\"preload\" href=\"./pantau-pbj-",
        "<link rel=\"preload\" fetchpriority=\"low\" href=\"./pantau-pbj-",
    );
    // The page is in the picture's language until the widget sets the reader's (the picture
    // shows only when they are the same).
    let opening = match page[..head].find("<html lang=\"") {
        Some(at) => {
            let value = at + "<html lang=\"".len();
            let close = page[value..head].find('"').map_or(value, |end| value + end);
            format!(
                "{}{}{}",
                &page[..value],
                drawn.lang.tag(),
                &page[close..head]
            )
        }
        None => page[..head].to_owned(),
    };
    Ok(format!(
        "{opening}\n<meta name=\"pantau-snapshot\" content=\"{}\">{between}{stage}{}",
        escape_xml(&described),
        &page[end + "</main>".len()..]
    ))
}

/// The widths snapshots are drawn at, px: a phone's, a tablet's or narrow column's, and the
/// widget's widest (each shown where the widget is about that wide: `Picture`).
const SNAPSHOT_WIDTHS: [u32; 3] = [360, 640, DOWNLOAD_WIDTH];

/// `snapshots/spending-id-light.svg` (the widest), `snapshots/spending-id-light-360.svg`.
fn snapshot_file(view: View, lang: Lang, theme: &str, width: u32) -> String {
    let (view, lang) = (view.code(), lang.tag());
    match width {
        DOWNLOAD_WIDTH => format!("snapshots/{view}-{lang}-{theme}.svg"),
        _ => format!("snapshots/{view}-{lang}-{theme}-{width}.svg"),
    }
}

pub fn run(arguments: &PublishArgs) -> Result<(), Failure> {
    let input = Input::from_argument(&arguments.file);
    let lang = arguments.lang.lang();
    let widget = arguments.widget.as_path();
    if !widget.join("index.html").is_file() || !widget.join("embed.js").is_file() {
        return Err(
            Failure::unusable(format!("{}: no widget build here", widget.display()))
                .hint("`trunk build --release` makes dist/; or give --widget DIR"),
        );
    }
    // The published data file's name: given, or the file's own (a name that is a path
    // segment, so that it stays in data/).
    let name = match (&arguments.name, &input) {
        (Some(name), _) => name.clone(),
        (None, Input::File(path)) => path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        (None, Input::Stdin) => {
            return Err(
                Failure::usage("publishing standard input needs a file name")
                    .hint("give --name, for example --name pbj-2024.json"),
            )
        }
    };
    if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
        return Err(Failure::usage(format!("--name {name:?}: not a file name"))
            .hint("give a name such as pbj-2024.json, without folders"));
    }
    let name = name.as_str();
    let base = arguments
        .base
        .as_deref()
        .map(|base| format!("{}/", base.trim_end_matches('/')))
        .unwrap_or_default();
    let (original, loaded) = loaded(&input, lang)?;
    // Every file of the folder, and each one's precompressed copies, as steps of the bar.
    let widget_files = count_files(widget);
    let views = View::ALL.len() as u64 * Lang::ALL.len() as u64;
    let files = 5 + widget_files + views * (2 * SNAPSHOT_WIDTHS.len() as u64 + 1);
    let progress = Progress::steps(2 * files, "publish", arguments.quiet);
    let mut folder = Folder {
        root: arguments.out.clone(),
        written: Vec::new(),
        bytes: 0,
        progress: &progress,
    };
    let out = arguments.out.as_path();
    // The data as given, and its checksum (of the bytes a reader downloads).
    let hash = sha256_hex(&original);
    folder.write(Path::new("data").join(name), &original)?;
    folder.write("SHA256SUMS", format!("{hash}  data/{name}\n"))?;
    folder.copy(widget, Path::new("widget"))?;
    // Snapshots and cards of every view that has a chart.
    let mut shown: Vec<(View, String, String)> = Vec::new();
    let mut drawings: Vec<(View, bool, Drawing)> = Vec::new();
    for view in View::ALL {
        for snapshot_lang in Lang::ALL {
            let panels = view_panels(&loaded, view, snapshot_lang);
            let Some(first) = panels.first() else {
                continue;
            };
            for (dark, width) in [false, true]
                .into_iter()
                .flat_map(|dark| SNAPSHOT_WIDTHS.into_iter().map(move |width| (dark, width)))
            {
                let look = Look {
                    lang: snapshot_lang,
                    dark,
                    width,
                };
                let (svg, width, height) = svg_of(&loaded, first, &look);
                let theme = if dark { "dark" } else { "light" };
                let file = snapshot_file(view, snapshot_lang, theme, width);
                folder.write(&file, recording(svg, &hash))?;
                if snapshot_lang == lang {
                    drawings.push((
                        view,
                        dark,
                        Drawing {
                            src: file,
                            width,
                            height,
                        },
                    ));
                }
            }
            let look = Look {
                lang: snapshot_lang,
                dark: false,
                width: DOWNLOAD_WIDTH,
            };
            folder.write(
                format!("og/{}-{}.png", view.code(), snapshot_lang.tag()),
                picture::og_card(&loaded, first, &look)?,
            )?;
            if snapshot_lang == lang {
                shown.push((view, first.title.clone(), first.summary.clone()));
            }
        }
    }
    let (first_view, chart_title, chart_summary) = shown.first().cloned().ok_or_else(|| {
        Failure::unusable(format!(
            "{}: no view has a chart for this file",
            input.shown()
        ))
        .hint("run `pantau check` on it to see what it holds")
    })?;
    // The snippets: the widget on this folder, the data with its checksum.
    let meta = &loaded.dataset.meta;
    // The snapshots of the first view, in the page's language, light and dark (as the reader's
    // system prefers), which the widget's page and the script snippet show until the widget's
    // first chart: from the widget's page (`../`), and from `base`.
    let first_drawings = |prefix: &str, dark: bool| -> Vec<Drawing> {
        drawings
            .iter()
            .filter(|(view, drawn_dark, _)| *view == first_view && *drawn_dark == dark)
            .map(|(_, _, drawing)| Drawing {
                src: format!("{prefix}{}", drawing.src),
                ..*drawing
            })
            .collect()
    };
    let alt = format!("{chart_title}. {chart_summary}");
    let data_from_page = format!("../data/{name}");
    // The widget's page of this folder: the same build, with the snapshot in its markup.
    let (light, dark) = (first_drawings("../", false), first_drawings("../", true));
    let in_page = Picture {
        light: &light,
        dark: &dark,
        alt: &alt,
        sha256: &hash,
    };
    let drawn = Drawn {
        view: first_view,
        lang,
        src: &data_from_page,
    };
    let widget_page = std::fs::read_to_string(widget.join("index.html")).map_err(|error| {
        Failure::unusable(format!("cannot read {}: {error}", widget.display())).hint(CHECK_PATH)
    })?;
    folder.write(
        "widget/index.html",
        with_snapshot(&widget_page, &in_page, &drawn)?,
    )?;
    // The widget's page on this folder (from `base`, or relative to the folder) with the data.
    let iframe_at = |base: &str| {
        let page = format!(
            "{base}widget/index.html?src={}&sha256={hash}&lang={}&view={}",
            query(&data_from_page),
            lang.tag(),
            first_view.code(),
        );
        iframe_snippet(&page, &format!("Pantau PBJ: {}", meta.title))
    };
    let iframe = iframe_at(&base);
    let (light, dark) = (first_drawings(&base, false), first_drawings(&base, true));
    let picture = Picture {
        light: &light,
        dark: &dark,
        alt: &alt,
        sha256: &hash,
    };
    let script = script_snippet(
        &format!("{base}widget/embed.js"),
        &[
            ("src".to_owned(), format!("{base}data/{name}")),
            ("sha256".to_owned(), hash.clone()),
            ("lang".to_owned(), lang.tag().to_owned()),
            ("view".to_owned(), first_view.code().to_owned()),
        ],
        Some(&picture),
    );
    let embed = format!(
        "<!doctype html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n<h2>iframe</h2>\n<pre>{iframe}</pre>\n<h2>script</h2>\n<pre>{script}</pre>\n<p>{note}</p>\n</body>\n</html>\n",
        tag = lang.tag(),
        title = escape_xml(&Text::PublishSnippets.fill(lang, &[("title", &meta.title)])),
        iframe = escape_xml(&iframe),
        script = escape_xml(&script),
        note = escape_xml(Text::PublishBaseNote.get(lang)),
    );
    folder.write("embed.html", embed)?;
    // The transparency page.
    let description = Text::PublishDescription.fill(
        lang,
        &[
            ("publisher", meta.known_publisher().unwrap_or("")),
            ("date", &format_date(meta.as_of, lang)),
        ],
    );
    let og_image = format!("{base}og/{}-{}.png", first_view.code(), lang.tag());
    let page = format!(
        r#"<!doctype html>
<html lang="{tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
<meta property="og:type" content="website">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:image" content="{og_image}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="{chart_title}">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="page.css">
</head>
<body>
<h1>{title}</h1>
<p>{description}</p>
{iframe}
<h2>{data_heading}</h2>
<ul>
<li><a href="data/{name_href}">{name_text}</a> (SHA-256 <code>{hash}</code>)</li>
<li><a href="SHA256SUMS">SHA256SUMS</a></li>
<li><a href="embed.html">{snippets}</a></li>
</ul>
</body>
</html>
"#,
        tag = lang.tag(),
        title = escape_xml(&meta.title),
        description = escape_xml(&description),
        og_image = escape_xml(&og_image),
        chart_title = escape_xml(&chart_title),
        // Sized by page.css: no style attribute, which a strict policy would refuse.
        iframe = iframe_at("").replace(" style=\"width:100%;height:650px;border:0\"", ""),
        data_heading = escape_xml(Text::PublishData.get(lang)),
        name_href = escape_xml(&query(name)),
        name_text = escape_xml(name),
        snippets = escape_xml(Text::PublishSnippetsLink.get(lang)),
    );
    folder.write("index.html", page)?;
    folder.write("page.css", PAGE_CSS)?;
    folder.precompress()?;
    progress.done();
    if !arguments.quiet {
        eprintln!(
            "pantau publish: {} ({} packages, {} bytes written; SHA-256 {hash}); preview: pantau serve {}",
            out.display(),
            loaded.dataset.packages.len(),
            folder.bytes,
            out.display(),
        );
    }
    Ok(())
}

/// How many files a folder holds, recursively (an estimate for the bar: 0 when unreadable).
fn count_files(folder: &Path) -> u64 {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| match entry.path().is_dir() {
                    true => count_files(&entry.path()),
                    false => 1,
                })
                .sum()
        })
        .unwrap_or(0)
}
