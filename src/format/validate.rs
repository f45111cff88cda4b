//! From the parsed tree to the validated [`Dataset`].

use super::issues::{Expected, Issues, LoadError, Problem};
use super::raw::{Field, Loose, Object};
use super::read::Reader;
use crate::model::{
    Breakdown, Code, Currency, Dataset, Figure, LocalContent, Meta, MonthlyAmount, Region, Rupiah,
    Source, Spending, Stage, Target, UnitContent,
};
use crate::pace::{finish, Pace};
use serde_json::Value;

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "pantau-pbj";
/// The format version this widget reads.
pub const FORMAT_VERSION: i128 = 1;

/// A usable dataset and what was found wrong on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The validated data.
    pub dataset: Dataset,
    /// Values skipped or adjusted.
    pub issues: Issues,
}

/// Parses and validates a Pantau statistics file (UTF-8 JSON, an optional BOM).
pub fn parse(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes
        .iter()
        .copied()
        .find(|byte| !byte.is_ascii_whitespace());
    if first == Some(b'<') {
        return Err(LoadError::NotAFile);
    }
    let tree: Value = serde_json::from_slice(bytes).map_err(|error| LoadError::NotJson {
        line: error.line(),
        column: error.column(),
    })?;
    from_tree(&tree)
}

/// Validates a Pantau statistics file already parsed as JSON.
pub fn from_tree(tree: &Value) -> Result<Loaded, LoadError> {
    finish(validate(tree, &Pace::unbounded()))
}

/// Validates a Pantau statistics file already parsed as JSON, an entry of a list at a time
/// ([`Pace`]): the result is [`from_tree`]'s.
pub async fn validate(tree: &Value, pace: &Pace) -> Result<Loaded, LoadError> {
    let Value::Object(top) = tree else {
        return Err(LoadError::NotPantau);
    };
    let top = Object(top);
    match top.field("format") {
        Some(Loose::Text(name)) if name == FORMAT_NAME => {}
        _ => return Err(LoadError::NotPantau),
    }
    match top.field("version") {
        Some(Loose::Int(FORMAT_VERSION)) => {}
        Some(Loose::Int(version)) => {
            return Err(LoadError::UnsupportedVersion(version.to_string()))
        }
        Some(Loose::Text(version)) => {
            return Err(LoadError::UnsupportedVersion(super::clean_text(&version)))
        }
        _ => return Err(LoadError::UnsupportedVersion(String::from("?"))),
    }

    let mut reader = Reader::default();
    let meta = match reader.object("meta", top.value("meta")) {
        Some(meta) => read_meta(&mut reader, meta, pace).await,
        None => None,
    };
    let Some(meta) = meta else {
        return Err(LoadError::InvalidMeta(reader.issues));
    };
    let spending = match optional_object(&mut reader, "spending", top) {
        Some(spending) => read_spending(&mut reader, spending, &meta, pace).await,
        None => None,
    };
    let local_content = match optional_object(&mut reader, "local_content", top) {
        Some(content) => read_local_content(&mut reader, content, &meta, pace).await,
        None => None,
    };
    let targets = read_targets(&mut reader, top, pace).await;
    let packages =
        super::packages::read_packages(&mut reader, top.value("packages"), &meta, pace).await;
    // Package-level data replaces ready-made sections, so that filtered and unfiltered views
    // count the same thing.
    let (spending, local_content) = if packages.is_empty() {
        (spending, local_content)
    } else {
        for (name, present) in [
            ("spending", spending.is_some()),
            ("local_content", local_content.is_some()),
        ] {
            if present {
                reader.issue(name, Problem::Superseded);
            }
        }
        (None, None)
    };

    let dataset = Dataset {
        meta,
        spending,
        local_content,
        targets: targets.into(),
        packages,
        oversight: None,
    };
    let has_data = dataset.spending.is_some()
        || dataset.local_content.is_some()
        || !dataset.targets.is_empty()
        || !dataset.packages.is_empty();
    // The source ids (a file may list hundreds of thousands) are let go of a few at a time.
    crate::pace::drop_items(std::mem::take(&mut reader.source_ids), pace).await;
    if !has_data {
        return Err(LoadError::NoData(reader.issues));
    }
    Ok(Loaded {
        dataset,
        issues: reader.issues,
    })
}

/// An optional section: absent or null is `None` without an issue.
fn optional_object<'a>(reader: &mut Reader, name: &str, parent: Object<'a>) -> Option<Object<'a>> {
    match parent.value(name) {
        None | Some(Value::Null) => None,
        value => reader.object(name, value),
    }
}

async fn read_meta(reader: &mut Reader, meta: Object<'_>, pace: &Pace) -> Option<Meta> {
    let sources = read_sources(reader, meta, pace).await;
    let title = reader.text("meta.title", &meta.field("title"));
    let publisher = reader.text("meta.publisher", &meta.field("publisher"));
    let license = reader.text("meta.license", &meta.field("license"));
    let source_url = reader.optional_text("meta.source_url", &meta.field("source_url"));
    let as_of = reader.date("meta.as_of", &meta.field("as_of"));
    let fiscal_year = reader.year("meta.fiscal_year", &meta.field("fiscal_year"));
    let currency = reader
        .text("meta.currency", &meta.field("currency"))
        .and_then(|code| {
            let currency = Currency::new(&code);
            if currency.is_none() {
                reader.issue("meta.currency", Problem::WrongType(Expected::Currency));
            }
            currency
        });
    let period = reader
        .object("meta.period", meta.value("period"))
        .and_then(|period| {
            let start = reader.date("meta.period.start", &period.field("start"))?;
            let end = reader.date("meta.period.end", &period.field("end"))?;
            if end < start {
                reader.issue("meta.period", Problem::DateOrder);
                return None;
            }
            Some((start, end))
        });
    let illustrative = reader.flag("meta.illustrative", &meta.field("illustrative"));
    let notes = reader.optional_text("meta.notes", &meta.field("notes"));
    let region = match meta.value("region") {
        None | Some(Value::Null) => None,
        value => reader.object("meta.region", value),
    }
    .and_then(|region| {
        Some(Region {
            code: reader.text("meta.region.code", &region.field("code"))?,
            name: reader.text("meta.region.name", &region.field("name"))?,
        })
    });
    Some(Meta {
        title: title?,
        publisher: publisher?,
        source_url,
        license: license?,
        as_of: as_of?,
        period: period?,
        fiscal_year: fiscal_year?,
        currency: currency?,
        illustrative,
        summary_rows: false,
        year_assumed: false,
        partial: false,
        region,
        notes,
        sources: sources.into(),
    })
}

/// The sources, their ids kept in the reader (for the `source` of each figure).
async fn read_sources(reader: &mut Reader, meta: Object<'_>, pace: &Pace) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    let mut seen: crate::hash::Set<String> = Default::default();
    for (index, entry) in reader
        .list("meta.sources", meta.value("sources"))
        .iter()
        .enumerate()
    {
        pace.tick().await;
        let path = format!("meta.sources[{index}]");
        let Some(source) = reader.object(&path, Some(entry)) else {
            continue;
        };
        let id = reader.text(&format!("{path}.id"), &source.field("id"));
        let title = reader.text(&format!("{path}.title"), &source.field("title"));
        let url = reader.optional_text(&format!("{path}.url"), &source.field("url"));
        let (Some(id), Some(title)) = (id, title) else {
            continue;
        };
        if !seen.insert(id.clone()) {
            reader.issue(&format!("{path}.id"), Problem::Duplicate);
            continue;
        }
        sources.push(Source { id, title, url });
    }
    reader.source_ids = seen;
    sources
}

fn section_year(reader: &mut Reader, path: &str, field: &Field, meta: &Meta) -> i32 {
    match field {
        None | Some(Loose::Null) => meta.fiscal_year,
        Some(_) => reader.year(path, field).unwrap_or(meta.fiscal_year),
    }
}

/// A money figure with provenance: `{"amount": 1, "illustrative": true, "source": "id"}`.
fn read_figure(reader: &mut Reader, path: &str, value: Option<&Value>) -> Option<Figure<Rupiah>> {
    let figure = reader.object(path, value)?;
    let value = reader.money(&format!("{path}.amount"), &figure.field("amount"))?;
    let provenance =
        reader.provenance(path, &figure.field("illustrative"), &figure.field("source"));
    Some(Figure { value, provenance })
}

async fn read_spending(
    reader: &mut Reader,
    spending: Object<'_>,
    meta: &Meta,
    pace: &Pace,
) -> Option<Spending> {
    let fiscal_year = section_year(
        reader,
        "spending.fiscal_year",
        &spending.field("fiscal_year"),
        meta,
    );
    let stage = reader.code::<Stage>("spending.stage", &spending.field("stage"))?;
    let label = reader
        .optional_text("spending.label", &spending.field("label"))
        .unwrap_or_default();
    // A pagu of 0 is no budget stated: no line at 0.
    let pagu = match spending.value("pagu") {
        None | Some(Value::Null) => None,
        value => read_figure(reader, "spending.pagu", value).filter(|figure| figure.value.0 > 0),
    };

    let mut monthly: Vec<MonthlyAmount> = Vec::new();
    for (index, entry) in reader
        .list("spending.monthly", spending.value("monthly"))
        .iter()
        .enumerate()
    {
        pace.tick().await;
        let path = format!("spending.monthly[{index}]");
        let Some(row) = reader.object(&path, Some(entry)) else {
            continue;
        };
        let month = reader.month(&format!("{path}.month"), &row.field("month"));
        let amount = reader.money(&format!("{path}.amount"), &row.field("amount"));
        let (Some(month), Some(amount)) = (month, amount) else {
            continue;
        };
        if month.year != fiscal_year {
            reader.issue(&format!("{path}.month"), Problem::OutsidePeriod);
            continue;
        }
        if monthly.iter().any(|known| known.month == month) {
            reader.issue(&format!("{path}.month"), Problem::Duplicate);
            continue;
        }
        let provenance = reader.provenance(&path, &row.field("illustrative"), &row.field("source"));
        monthly.push(MonthlyAmount {
            month,
            amount,
            packages: None,
            provenance,
        });
    }
    monthly.sort_by_key(|row| row.month);

    let by_method = read_breakdown(
        reader,
        ("spending.by_method", "method"),
        spending.value("by_method"),
        pace,
    )
    .await;
    let by_type = read_breakdown(
        reader,
        ("spending.by_type", "type"),
        spending.value("by_type"),
        pace,
    )
    .await;
    if monthly.is_empty() && by_method.is_empty() && by_type.is_empty() && pagu.is_none() {
        return None;
    }
    Some(Spending {
        label,
        fiscal_year,
        stage,
        pagu,
        monthly,
        by_method,
        by_type,
        by_unit: Vec::new(),
        by_region: Vec::new(),
        by_government: Vec::new(),
        suppliers: Default::default(),
        outside_line: Vec::new(),
        unsaid: Default::default(),
    })
}

/// A breakdown by a code: its list's path and the name of the code's field, the list.
async fn read_breakdown<K: Code + PartialEq>(
    reader: &mut Reader,
    (list_path, key_name): (&str, &str),
    list: Option<&Value>,
    pace: &Pace,
) -> Vec<Breakdown<K>> {
    let mut rows: Vec<Breakdown<K>> = Vec::new();
    for (index, entry) in reader.list(list_path, list).iter().enumerate() {
        pace.tick().await;
        let path = format!("{list_path}[{index}]");
        let Some(row) = reader.object(&path, Some(entry)) else {
            continue;
        };
        let key = reader.code::<K>(&format!("{path}.{key_name}"), &row.field(key_name));
        let amount = reader.money(&format!("{path}.amount"), &row.field("amount"));
        let packages = match row.field("packages") {
            None | Some(Loose::Null) => None,
            field => reader
                .whole(&format!("{path}.packages"), &field)
                .map(|count| count as u64),
        };
        let (Some(key), Some(amount)) = (key, amount) else {
            continue;
        };
        if rows.iter().any(|known| known.key == key) {
            reader.issue(&format!("{path}.{key_name}"), Problem::Duplicate);
            continue;
        }
        let provenance = reader.provenance(&path, &row.field("illustrative"), &row.field("source"));
        rows.push(Breakdown {
            key,
            amount,
            packages,
            provenance,
        });
    }
    rows
}

async fn read_local_content(
    reader: &mut Reader,
    content: Object<'_>,
    meta: &Meta,
    pace: &Pace,
) -> Option<LocalContent> {
    let fiscal_year = section_year(
        reader,
        "local_content.fiscal_year",
        &content.field("fiscal_year"),
        meta,
    );
    let stage = reader.code::<Stage>("local_content.stage", &content.field("stage"));
    let total = read_figure(reader, "local_content.total", content.value("total"));
    let pdn = read_figure(reader, "local_content.pdn", content.value("pdn"));
    let umkk = read_figure(reader, "local_content.umkk", content.value("umkk"));
    let (stage, total, pdn, umkk) = (stage?, total?, pdn?, umkk?);
    if total.value.0 == 0 {
        reader.issue("local_content.total.amount", Problem::Missing);
        return None;
    }
    for (path, part) in [
        ("local_content.pdn.amount", &pdn),
        ("local_content.umkk.amount", &umkk),
    ] {
        if part.value > total.value {
            reader.issue(path, Problem::PartExceedsTotal);
            return None;
        }
    }
    let mut by_unit: Vec<UnitContent> = Vec::new();
    let mut units: crate::hash::Set<String> = Default::default();
    for (index, entry) in reader
        .list("local_content.by_unit", content.value("by_unit"))
        .iter()
        .enumerate()
    {
        pace.tick().await;
        let path = format!("local_content.by_unit[{index}]");
        let Some(row) = reader.object(&path, Some(entry)) else {
            continue;
        };
        let unit = reader.text(&format!("{path}.unit"), &row.field("unit"));
        let unit_total = reader.money(&format!("{path}.total"), &row.field("total"));
        let unit_pdn = reader.money(&format!("{path}.pdn"), &row.field("pdn"));
        let unit_umkk = reader.money(&format!("{path}.umkk"), &row.field("umkk"));
        let (Some(unit), Some(unit_total), Some(unit_pdn), Some(unit_umkk)) =
            (unit, unit_total, unit_pdn, unit_umkk)
        else {
            continue;
        };
        if unit_total.0 == 0 {
            reader.issue(&format!("{path}.total"), Problem::Missing);
            continue;
        }
        if unit_pdn > unit_total {
            reader.issue(&format!("{path}.pdn"), Problem::PartExceedsTotal);
            continue;
        }
        if unit_umkk > unit_total {
            reader.issue(&format!("{path}.umkk"), Problem::PartExceedsTotal);
            continue;
        }
        if !units.insert(unit.clone()) {
            reader.issue(&format!("{path}.unit"), Problem::Duplicate);
            continue;
        }
        let provenance = reader.provenance(&path, &row.field("illustrative"), &row.field("source"));
        by_unit.push(UnitContent {
            unit,
            total: unit_total,
            pdn: unit_pdn,
            umkk: unit_umkk,
            coverage: None,
            provenance,
        });
    }
    crate::pace::drop_items(units, pace).await;
    Some(LocalContent {
        basis: crate::model::LocalBasis::Flags,
        coverage: None,
        fiscal_year,
        stage,
        total,
        pdn,
        umkk,
        by_unit,
    })
}

async fn read_targets(reader: &mut Reader, top: Object<'_>, pace: &Pace) -> Vec<Target> {
    let mut targets: Vec<Target> = Vec::new();
    let mut ids: crate::hash::Set<String> = Default::default();
    for (index, entry) in reader
        .list("targets", top.value("targets"))
        .iter()
        .enumerate()
    {
        pace.tick().await;
        let path = format!("targets[{index}]");
        let Some(row) = reader.object(&path, Some(entry)) else {
            continue;
        };
        let Some(target) = read_target(reader, &path, row) else {
            continue;
        };
        if !ids.insert(target.id.clone()) {
            reader.issue(&format!("{path}.id"), Problem::Duplicate);
            continue;
        }
        targets.push(target);
    }
    crate::pace::drop_items(ids, pace).await;
    targets
}

fn read_target(reader: &mut Reader, path: &str, row: Object) -> Option<Target> {
    let field = |name: &str| format!("{path}.{name}");
    let id = reader.text(&field("id"), &row.field("id"));
    let label = reader.text(&field("label"), &row.field("label"));
    let unit = reader
        .optional_text(&field("unit"), &row.field("unit"))
        .unwrap_or_default();
    let baseline = match row.field("baseline") {
        None | Some(Loose::Null) => Some(0),
        value => reader.whole(&field("baseline"), &value),
    };
    let start = reader.date(&field("start"), &row.field("start"));
    let target = reader.whole(&field("target"), &row.field("target"));
    let deadline = reader.date(&field("deadline"), &row.field("deadline"));
    let achieved = reader.whole(&field("achieved"), &row.field("achieved"));
    let as_of = reader.date(&field("as_of"), &row.field("as_of"));
    let legal_basis = reader.optional_text(&field("legal_basis"), &row.field("legal_basis"));
    let (id, label, baseline, start, target, deadline, achieved, as_of) = (
        id?, label?, baseline?, start?, target?, deadline?, achieved?, as_of?,
    );
    if deadline <= start {
        reader.issue(&field("deadline"), Problem::DateOrder);
        return None;
    }
    if as_of < start {
        reader.issue(&field("as_of"), Problem::DateOrder);
        return None;
    }
    if target <= baseline {
        reader.issue(&field("target"), Problem::TargetNotAboveBaseline);
        return None;
    }
    let provenance = reader.provenance(path, &row.field("illustrative"), &row.field("source"));
    Some(Target {
        id,
        label,
        unit,
        baseline,
        start,
        target,
        deadline,
        achieved,
        as_of,
        legal_basis,
        provenance,
    })
}
