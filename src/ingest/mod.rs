//! What people actually publish, read into one [`Loaded`] dataset: Pantau's own JSON (format
//! v1), OCDS 1.1 (release packages, record packages, JSON Lines) and flat CSV of procurement
//! packages (SiRUP/SPSE style). The format is detected from the content and the Content-Type;
//! the `format` parameter overrides.

pub mod cells;
pub mod csv;
mod document;
mod flat;
pub mod lenient;
pub mod ocds;
mod ocds_csv;
mod progressive;
mod reading;
pub mod rows;
pub mod text;
pub mod tree;
pub mod warm;
pub mod wire;

pub use progressive::{Expecting, Progressive};
pub use reading::Reading;

/// Rows (CSV), lines (JSON Lines), releases (OCDS compiling) or pieces of a JSON document per
/// step of [`Reading`] on the widget's thread and in the reading worker: a few milliseconds of
/// work.
pub const ROWS_PER_STEP: usize = 500;

use crate::format::{from_tree, Issues, LoadError, Loaded, Problem};
use crate::model::{CivilDate, Currency, Dataset, Meta, Package, YearMonth};
use serde_json::Value;
use std::borrow::Cow;

/// A kind of input (the `format` parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Pantau's statistics file, JSON format v1.
    Pantau,
    /// OCDS 1.1: a release or record package, or JSON Lines of releases.
    Ocds,
    /// Flat CSV of packages.
    Csv,
}

impl SourceFormat {
    /// The `format` parameter value.
    pub fn code(self) -> &'static str {
        match self {
            SourceFormat::Pantau => "pantau",
            SourceFormat::Ocds => "ocds",
            SourceFormat::Csv => "csv",
        }
    }

    /// The format for a `format` parameter value.
    pub fn from_code(code: &str) -> Option<SourceFormat> {
        [SourceFormat::Pantau, SourceFormat::Ocds, SourceFormat::Csv]
            .into_iter()
            .find(|format| format.code() == code.trim().to_ascii_lowercase())
    }
}

/// The bytes that arrived and what is known about them.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// The file (owned bytes become the text without a copy when they are UTF-8).
    pub bytes: Cow<'a, [u8]>,
    /// The response's Content-Type, if any.
    pub content_type: Option<&'a str>,
    /// A format the embedding page insists on.
    pub format: Option<SourceFormat>,
    /// The file's address (its last segment titles a CSV file; its host is the publisher).
    pub address: &'a str,
    /// The year of rows and releases that say none.
    pub current_year: i32,
}

/// What the readers need to know of a source once its bytes are text.
#[derive(Debug, Clone, Copy)]
struct Origin<'a> {
    address: &'a str,
    current_year: i32,
}

/// Reads any supported input, all at once.
pub fn read(source: Source) -> Result<Loaded, LoadError> {
    let mut reading = Reading::start(source);
    loop {
        if let Some(result) = reading.step(usize::MAX) {
            return result;
        }
    }
}

/// What the bytes look like, before reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A web page (starts with `<`): refused.
    WebPage,
    /// CSV of packages.
    Csv,
    /// Pantau's own file, forced by the `format` parameter.
    Pantau,
    /// JSON of some kind (Pantau, OCDS, JSON Lines), or nothing at all.
    Json,
}

/// Detects the kind of input from its first byte, the Content-Type and the `format` parameter.
fn detect(source: &Source) -> Kind {
    let first = source
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&source.bytes)
        .iter()
        .copied()
        .find(|byte| !byte.is_ascii_whitespace());
    if first == Some(b'<') {
        return Kind::WebPage;
    }
    let content_type = source.content_type.unwrap_or("").to_ascii_lowercase();
    let looks_like_json = matches!(first, Some(b'{' | b'['));
    match source.format {
        Some(SourceFormat::Csv) => Kind::Csv,
        Some(SourceFormat::Pantau) => Kind::Pantau,
        Some(SourceFormat::Ocds) => Kind::Json,
        None if content_type.contains("csv") || (!looks_like_json && first.is_some()) => Kind::Csv,
        None => Kind::Json,
    }
}

/// What a JSON input turned out to be.
enum Json {
    /// Read completely (a Pantau file), or refused.
    Done(Box<Result<Loaded, LoadError>>),
    /// Flat records (an ISB export) read into packages.
    Rows(Box<rows::Read>),
    /// OCDS releases to compile per `ocid`, with the package's metadata.
    Releases {
        found: ocds::Grouped,
        issues: Issues,
        meta: PackageMeta,
    },
}

/// The line and column of a JSON error.
fn not_json(error: &serde_json::Error) -> LoadError {
    LoadError::NotJson {
        line: error.line(),
        column: error.column(),
    }
}

/// Reads a JSON input that is not line by line and not a Pantau file's tree (its one value does
/// not say Pantau's format, or there is more than one value) at once: an OCDS package, record or
/// release, or a sequence of JSON values. OCDS is read straight into the fields the widget uses
/// ([`ocds::Release`]).
fn read_ocds_json(text: &str, format: Option<SourceFormat>) -> Json {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<ocds::Top>();
    let first = match stream.next() {
        None => return Json::Done(Box::new(Err(LoadError::NotJson { line: 1, column: 0 }))),
        Some(Err(error)) => return Json::Done(Box::new(Err(not_json(&error)))),
        Some(Ok(value)) => value,
    };
    let rest = &text[stream.byte_offset()..];
    if !rest.trim().is_empty() {
        return json_sequence(text);
    }
    let ocds::Top::Object(first) = first else {
        return Json::Done(Box::new(Err(LoadError::NotPantau)));
    };
    let is_pantau = first.format.as_str() == Some(crate::format::FORMAT_NAME);
    if is_pantau && format != Some(SourceFormat::Ocds) {
        let tree = serde_json::from_str::<Value>(text);
        return Json::Done(Box::new(
            tree.map_err(|error| not_json(&error))
                .and_then(|tree| from_tree(&tree)),
        ));
    }
    if !first.is_ocds() {
        return Json::Done(Box::new(Err(LoadError::NotPantau)));
    }
    let meta = PackageMeta::of(&first);
    let mut found = ocds::Grouped::default();
    let mut issues = Issues::new();
    ocds::releases_in(*first, "", &mut found, &mut issues);
    Json::Releases {
        found,
        issues,
        meta,
    }
}

/// One line of JSON Lines (number `line`): its releases, or an issue if it is not an object.
/// Returns whether it was a JSON object.
fn json_line(text: &str, line: usize, found: &mut ocds::Grouped, issues: &mut Issues) -> bool {
    match serde_json::from_str::<ocds::Top>(text) {
        Ok(ocds::Top::Object(document)) => {
            ocds::releases_in(*document, &format!("{line}:"), found, issues);
            true
        }
        _ => {
            issues.note(|| format!("{line}:"), Problem::NotJsonLine);
            false
        }
    }
}

/// A sequence of JSON values, one after another and not one per line (JSON Lines one per line
/// are read in steps by [`Reading`]): each value a release, a record or a package. A sequence
/// that breaks somewhere is read line by line instead, so one bad line costs only itself.
fn json_sequence(text: &str) -> Json {
    let mut found = ocds::Grouped::default();
    let mut issues = Issues::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<ocds::Top>();
    let (mut line, mut counted_to) = (1, 0);
    let mut broken = false;
    loop {
        let start = counted_to + text[counted_to..].len() - text[counted_to..].trim_start().len();
        match stream.next() {
            None => break,
            Some(Ok(value)) => {
                line += text[counted_to..start].matches('\n').count();
                match value {
                    ocds::Top::Object(document) => {
                        ocds::releases_in(*document, &format!("{line}:"), &mut found, &mut issues)
                    }
                    ocds::Top::Other => issues.note(|| format!("{line}:"), Problem::NotJsonLine),
                }
                counted_to = start;
            }
            Some(Err(_)) => {
                broken = true;
                break;
            }
        }
        let end = stream.byte_offset();
        line += text[counted_to..end].matches('\n').count();
        counted_to = end;
    }
    if broken {
        found = ocds::Grouped::default();
        issues.clear();
        let mut objects = 0;
        for (index, text) in text.lines().enumerate() {
            if !text.trim().is_empty() && json_line(text, index + 1, &mut found, &mut issues) {
                objects += 1;
            }
        }
        if objects == 0 {
            // Not one line was JSON: this is no JSON Lines file.
            return Json::Done(Box::new(Err(LoadError::NotPantau)));
        }
    }
    Json::Releases {
        found,
        issues,
        meta: PackageMeta::default(),
    }
}

/// Metadata an OCDS package carries about itself.
#[derive(Debug, Default)]
struct PackageMeta {
    publisher: Option<String>,
    license: Option<String>,
    uri: Option<String>,
    published: Option<CivilDate>,
}

impl PackageMeta {
    fn of(package: &ocds::Document) -> PackageMeta {
        let text = |value: &lenient::Leaf| {
            value
                .as_str()
                .map(crate::format::clean_text)
                .filter(|text| !text.is_empty())
        };
        PackageMeta {
            publisher: package
                .publisher
                .get()
                .and_then(|publisher| text(&publisher.name)),
            license: text(&package.license),
            uri: text(&package.uri)
                .filter(|uri| uri.starts_with("https://") || uri.starts_with("http://")),
            published: package
                .published
                .as_str()
                .and_then(|date| CivilDate::parse(date.get(..10)?)),
        }
    }
}

/// The dataset of OCDS packages, titled by the publisher.
fn ocds_loaded(
    packages: Vec<Package>,
    issues: Issues,
    currency: &str,
    meta: PackageMeta,
    source: Origin,
) -> Result<Loaded, LoadError> {
    // The package's publisher; else the one buyer every process names; else the server.
    let buyer = {
        let mut units = packages.iter().map(|package| package.unit.as_deref());
        let first = units.next().flatten();
        first
            .filter(|first| units.all(|unit| unit == Some(*first)))
            .map(str::to_owned)
    };
    let publisher = meta
        .publisher
        .or(buyer)
        .unwrap_or_else(|| host(source.address));
    // Without any publisher (a relative address, several buyers), the file's name titles it:
    // never `– (OCDS)`.
    let title = match publisher.as_str() {
        crate::model::UNKNOWN => format!("{} (OCDS)", file_name(source.address, "OCDS")),
        known => format!("{known} (OCDS)"),
    };
    let dataset = dataset(
        packages,
        title,
        publisher,
        meta.license,
        meta.uri,
        meta.published,
        currency,
        source,
    )
    .ok_or_else(|| LoadError::NoData(issues.clone()))?;
    Ok(Loaded { dataset, issues })
}

/// The dataset of flat records (a CSV file, an ISB JSON export): titled by what the records
/// say (the government, the system, the year), else by the file's name; published by the
/// government the records name, else by the data server's host.
fn rows_loaded(read: rows::Read, source: Origin) -> Result<Loaded, LoadError> {
    let rows::Read {
        packages,
        issues,
        family,
        klpd,
        summary_rows,
        dated,
        partial,
    } = read;
    let file_name = file_name(source.address, "CSV");
    let publisher = klpd
        .single()
        .map(str::to_owned)
        .unwrap_or_else(|| host(source.address));
    let mut dataset = dataset(
        packages, file_name, publisher, None, None, None, "IDR", source,
    )
    .ok_or_else(|| LoadError::NoData(issues.clone()))?;
    let years = {
        let mut years = dataset.packages.iter().map(|package| package.fiscal_year);
        let first = years.next();
        first.filter(|first| dated && years.all(|year| year == *first))
    };
    let unit = {
        let mut units = dataset
            .packages
            .iter()
            .map(|package| package.unit.as_deref());
        let first = units.next().flatten();
        first.filter(|first| units.all(|unit| unit == Some(*first)))
    };
    if let Some(title) = family.title(&klpd, unit, years, summary_rows) {
        dataset.meta.title = title;
    }
    dataset.meta.summary_rows = summary_rows;
    dataset.meta.year_assumed = !dated;
    dataset.meta.partial = partial;
    Ok(Loaded { dataset, issues })
}

/// The last segment of an address (`rup.csv`), or `otherwise` when it has none.
fn file_name(address: &str, otherwise: &str) -> String {
    address
        .split(['?', '#'])
        .next()
        .and_then(|path| path.rsplit('/').next())
        .map(crate::format::clean_text)
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| otherwise.to_owned())
}

/// The host of an address, or `–` for a relative one (the page's own site).
fn host(address: &str) -> String {
    address
        .split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?', '#']).next())
        .map(crate::format::clean_text)
        .filter(|host| !host.is_empty())
        .unwrap_or_else(|| crate::model::UNKNOWN.to_owned())
}

/// A dataset of packages with metadata made from what the input says; `None` without packages.
#[allow(clippy::too_many_arguments)]
fn dataset(
    packages: Vec<Package>,
    title: String,
    publisher: String,
    license: Option<String>,
    source_url: Option<String>,
    published: Option<CivilDate>,
    currency: &str,
    source: Origin,
) -> Option<Dataset> {
    if packages.is_empty() {
        return None;
    }
    let months: Vec<YearMonth> = packages
        .iter()
        .filter_map(|package| package.month)
        .collect();
    let mut years: Vec<i32> = packages.iter().map(|package| package.fiscal_year).collect();
    years.sort_unstable();
    // The most common year, the latest among equals.
    let fiscal_year = years
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .and_then(|run| run.first().copied())
        .unwrap_or(source.current_year);
    let first_year = years.first().copied().unwrap_or(fiscal_year);
    let last_year = years.last().copied().unwrap_or(fiscal_year);
    let start = CivilDate::new(first_year, 1, 1)?;
    let end = CivilDate::new(last_year, 12, 31)?;
    let latest = months.iter().max().map(|month| month.last_day());
    Some(Dataset {
        meta: Meta {
            title,
            publisher,
            source_url,
            license: license.unwrap_or_else(|| crate::model::UNKNOWN.to_owned()),
            as_of: published.or(latest).unwrap_or(end),
            period: (start, end.max(start)),
            fiscal_year,
            currency: Currency::new(currency).unwrap_or_else(Currency::idr),
            illustrative: false,
            summary_rows: false,
            year_assumed: false,
            partial: false,
            region: None,
            notes: None,
            sources: Default::default(),
        },
        spending: None,
        local_content: None,
        targets: Default::default(),
        packages,
        oversight: None,
    })
}
