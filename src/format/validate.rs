//! From the raw mirror to the validated [`Dataset`].

use super::issues::{DataIssue, Expected, LoadError, Problem};
use super::raw::{
    Entry, Loose, RawDataset, RawFigure, RawLocalContent, RawMeta, RawSpending, RawTarget,
};
use super::read::Reader;
use crate::model::{
    Breakdown, Code, Currency, Dataset, Figure, LocalContent, Meta, MonthlyAmount, Region, Rupiah,
    Source, Spending, Stage, Target, UnitContent,
};

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
    pub issues: Vec<DataIssue>,
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
    let raw: RawDataset = match serde_json::from_slice(bytes) {
        Ok(raw) => raw,
        Err(error) if error.is_data() && first == Some(b'{') => {
            return Err(LoadError::NotJson {
                line: error.line(),
                column: error.column(),
            })
        }
        Err(error) if error.is_data() => return Err(LoadError::NotPantau),
        Err(error) => {
            return Err(LoadError::NotJson {
                line: error.line(),
                column: error.column(),
            })
        }
    };
    match &raw.format {
        Some(Loose::Text(name)) if name == FORMAT_NAME => {}
        _ => return Err(LoadError::NotPantau),
    }
    match &raw.version {
        Some(Loose::Int(FORMAT_VERSION)) => {}
        Some(Loose::Int(version)) => {
            return Err(LoadError::UnsupportedVersion(version.to_string()))
        }
        Some(Loose::Text(version)) => {
            return Err(LoadError::UnsupportedVersion(super::clean_text(version)))
        }
        _ => return Err(LoadError::UnsupportedVersion(String::from("?"))),
    }

    let mut reader = Reader::default();
    let meta = raw
        .meta
        .as_ref()
        .and_then(|entry| reader.object("meta", entry))
        .and_then(|meta| read_meta(&mut reader, meta));
    let Some(meta) = meta else {
        return Err(LoadError::InvalidMeta(reader.issues));
    };
    let spending = raw
        .spending
        .as_ref()
        .and_then(|entry| reader.object("spending", entry))
        .and_then(|spending| read_spending(&mut reader, spending, &meta));
    let local_content = raw
        .local_content
        .as_ref()
        .and_then(|entry| reader.object("local_content", entry))
        .and_then(|content| read_local_content(&mut reader, content, &meta));
    let targets = read_targets(&mut reader, &raw);

    let dataset = Dataset {
        meta,
        spending,
        local_content,
        targets,
    };
    let has_data = dataset.spending.is_some()
        || dataset.local_content.is_some()
        || !dataset.targets.is_empty();
    if !has_data {
        return Err(LoadError::NoData(reader.issues));
    }
    Ok(Loaded {
        dataset,
        issues: reader.issues,
    })
}

fn read_meta(reader: &mut Reader, raw: &RawMeta) -> Option<Meta> {
    let sources = read_sources(reader, raw);
    reader.source_ids = sources.iter().map(|source| source.id.clone()).collect();
    let title = reader.text("meta.title", &raw.title);
    let publisher = reader.text("meta.publisher", &raw.publisher);
    let license = reader.text("meta.license", &raw.license);
    let source_url = reader.optional_text("meta.source_url", &raw.source_url);
    let as_of = reader.date("meta.as_of", &raw.as_of);
    let fiscal_year = reader.year("meta.fiscal_year", &raw.fiscal_year);
    let currency = reader
        .text("meta.currency", &raw.currency)
        .and_then(|code| {
            let currency = Currency::new(&code);
            if currency.is_none() {
                reader.issue("meta.currency", Problem::WrongType(Expected::Currency));
            }
            currency
        });
    let period = match &raw.period {
        None => {
            reader.issue("meta.period", Problem::Missing);
            None
        }
        Some(entry) => reader.object("meta.period", entry).and_then(|period| {
            let start = reader.date("meta.period.start", &period.start)?;
            let end = reader.date("meta.period.end", &period.end)?;
            if end < start {
                reader.issue("meta.period", Problem::DateOrder);
                return None;
            }
            Some((start, end))
        }),
    };
    let illustrative = reader.flag("meta.illustrative", &raw.illustrative);
    let notes = reader.optional_text("meta.notes", &raw.notes);
    let region = raw.region.as_ref().and_then(|entry| {
        let region = reader.object("meta.region", entry)?;
        Some(Region {
            code: reader.text("meta.region.code", &region.code)?,
            name: reader.text("meta.region.name", &region.name)?,
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
        region,
        notes,
        sources,
    })
}

fn read_sources(reader: &mut Reader, raw: &RawMeta) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    for (index, entry) in reader.list("meta.sources", &raw.sources).iter().enumerate() {
        let path = format!("meta.sources[{index}]");
        let Some(source) = reader.object(&path, entry) else {
            continue;
        };
        let id = reader.text(&format!("{path}.id"), &source.id);
        let title = reader.text(&format!("{path}.title"), &source.title);
        let url = reader.optional_text(&format!("{path}.url"), &source.url);
        let (Some(id), Some(title)) = (id, title) else {
            continue;
        };
        if sources.iter().any(|known| known.id == id) {
            reader.issue(&format!("{path}.id"), Problem::Duplicate);
            continue;
        }
        sources.push(Source { id, title, url });
    }
    sources
}

fn section_year(reader: &mut Reader, path: &str, field: &super::raw::Field, meta: &Meta) -> i32 {
    match field {
        None | Some(Loose::Null) => meta.fiscal_year,
        Some(_) => reader.year(path, field).unwrap_or(meta.fiscal_year),
    }
}

fn read_stage(reader: &mut Reader, path: &str, field: &super::raw::Field) -> Option<Stage> {
    reader.code::<Stage>(path, field)
}

fn read_figure(
    reader: &mut Reader,
    path: &str,
    entry: &Option<Entry<RawFigure>>,
) -> Option<Figure<Rupiah>> {
    let Some(entry) = entry else {
        reader.issue(path, Problem::Missing);
        return None;
    };
    let figure = reader.object(path, entry)?;
    let value = reader.money(&format!("{path}.amount"), &figure.amount)?;
    let provenance = reader.provenance(path, &figure.illustrative, &figure.source);
    Some(Figure { value, provenance })
}

fn read_spending(reader: &mut Reader, raw: &RawSpending, meta: &Meta) -> Option<Spending> {
    let fiscal_year = section_year(reader, "spending.fiscal_year", &raw.fiscal_year, meta);
    let stage = read_stage(reader, "spending.stage", &raw.stage)?;
    let label = reader
        .optional_text("spending.label", &raw.label)
        .unwrap_or_default();
    let pagu = raw
        .pagu
        .as_ref()
        .and_then(|_| read_figure(reader, "spending.pagu", &raw.pagu));

    let mut monthly: Vec<MonthlyAmount> = Vec::new();
    for (index, entry) in reader
        .list("spending.monthly", &raw.monthly)
        .iter()
        .enumerate()
    {
        let path = format!("spending.monthly[{index}]");
        let Some(row) = reader.object(&path, entry) else {
            continue;
        };
        let month = reader.month(&format!("{path}.month"), &row.month);
        let amount = reader.money(&format!("{path}.amount"), &row.amount);
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
        let provenance = reader.provenance(&path, &row.illustrative, &row.source);
        monthly.push(MonthlyAmount {
            month,
            amount,
            provenance,
        });
    }
    monthly.sort_by_key(|row| row.month);

    let by_method = read_breakdown(reader, "spending.by_method", &raw.by_method, |row| {
        &row.method
    });
    let by_type = read_breakdown(reader, "spending.by_type", &raw.by_type, |row| {
        &row.procurement_type
    });
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
    })
}

fn read_breakdown<K: Code + PartialEq>(
    reader: &mut Reader,
    list_path: &str,
    list: &Option<Entry<Vec<Entry<super::raw::RawBreakdown>>>>,
    key_field: impl Fn(&super::raw::RawBreakdown) -> &super::raw::Field,
) -> Vec<Breakdown<K>> {
    let key_name = if list_path.ends_with("method") {
        "method"
    } else {
        "type"
    };
    let mut rows: Vec<Breakdown<K>> = Vec::new();
    for (index, entry) in reader.list(list_path, list).iter().enumerate() {
        let path = format!("{list_path}[{index}]");
        let Some(row) = reader.object(&path, entry) else {
            continue;
        };
        let key = reader.code::<K>(&format!("{path}.{key_name}"), key_field(row));
        let amount = reader.money(&format!("{path}.amount"), &row.amount);
        let packages = match &row.packages {
            None | Some(Loose::Null) => None,
            Some(_) => reader
                .whole(&format!("{path}.packages"), &row.packages)
                .map(|count| count as u64),
        };
        let (Some(key), Some(amount)) = (key, amount) else {
            continue;
        };
        if rows.iter().any(|known| known.key == key) {
            reader.issue(&format!("{path}.{key_name}"), Problem::Duplicate);
            continue;
        }
        let provenance = reader.provenance(&path, &row.illustrative, &row.source);
        rows.push(Breakdown {
            key,
            amount,
            packages,
            provenance,
        });
    }
    rows
}

fn read_local_content(
    reader: &mut Reader,
    raw: &RawLocalContent,
    meta: &Meta,
) -> Option<LocalContent> {
    let fiscal_year = section_year(reader, "local_content.fiscal_year", &raw.fiscal_year, meta);
    let stage = read_stage(reader, "local_content.stage", &raw.stage);
    let total = read_figure(reader, "local_content.total", &raw.total);
    let pdn = read_figure(reader, "local_content.pdn", &raw.pdn);
    let umkk = read_figure(reader, "local_content.umkk", &raw.umkk);
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
    for (index, entry) in reader
        .list("local_content.by_unit", &raw.by_unit)
        .iter()
        .enumerate()
    {
        let path = format!("local_content.by_unit[{index}]");
        let Some(row) = reader.object(&path, entry) else {
            continue;
        };
        let unit = reader.text(&format!("{path}.unit"), &row.unit);
        let unit_total = reader.money(&format!("{path}.total"), &row.total);
        let unit_pdn = reader.money(&format!("{path}.pdn"), &row.pdn);
        let unit_umkk = reader.money(&format!("{path}.umkk"), &row.umkk);
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
        if by_unit.iter().any(|known| known.unit == unit) {
            reader.issue(&format!("{path}.unit"), Problem::Duplicate);
            continue;
        }
        let provenance = reader.provenance(&path, &row.illustrative, &row.source);
        by_unit.push(UnitContent {
            unit,
            total: unit_total,
            pdn: unit_pdn,
            umkk: unit_umkk,
            provenance,
        });
    }
    Some(LocalContent {
        fiscal_year,
        stage,
        total,
        pdn,
        umkk,
        by_unit,
    })
}

fn read_targets(reader: &mut Reader, raw: &RawDataset) -> Vec<Target> {
    let mut targets: Vec<Target> = Vec::new();
    for (index, entry) in reader.list("targets", &raw.targets).iter().enumerate() {
        let path = format!("targets[{index}]");
        let Some(row) = reader.object(&path, entry) else {
            continue;
        };
        let Some(target) = read_target(reader, &path, row) else {
            continue;
        };
        if targets.iter().any(|known| known.id == target.id) {
            reader.issue(&format!("{path}.id"), Problem::Duplicate);
            continue;
        }
        targets.push(target);
    }
    targets
}

fn read_target(reader: &mut Reader, path: &str, row: &RawTarget) -> Option<Target> {
    let field = |name: &str| format!("{path}.{name}");
    let id = reader.text(&field("id"), &row.id);
    let label = reader.text(&field("label"), &row.label);
    let unit = reader
        .optional_text(&field("unit"), &row.unit)
        .unwrap_or_default();
    let baseline = match &row.baseline {
        None | Some(Loose::Null) => Some(0),
        Some(_) => reader.whole(&field("baseline"), &row.baseline),
    };
    let start = reader.date(&field("start"), &row.start);
    let target = reader.whole(&field("target"), &row.target);
    let deadline = reader.date(&field("deadline"), &row.deadline);
    let achieved = reader.whole(&field("achieved"), &row.achieved);
    let as_of = reader.date(&field("as_of"), &row.as_of);
    let legal_basis = reader.optional_text(&field("legal_basis"), &row.legal_basis);
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
    let provenance = reader.provenance(path, &row.illustrative, &row.source);
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
