//! Reading the optional `packages` list: one entry per procurement package (or group of
//! packages with the same attributes).

use super::issues::Problem;
use super::raw::{Loose, Object};
use super::read::Reader;
use crate::model::{Meta, Package, StageAmounts, TenderFacts, TenderStatus, YearMonth};
use crate::pace::Pace;
use serde_json::Value;

/// Most entries read from one file; the rest are reported once and skipped, so that a huge
/// list cannot exhaust the browser's memory.
pub const MAX_PACKAGES: usize = 200_000;

/// Reads `packages`; bad entries are skipped and reported by path.
pub async fn read_packages(
    reader: &mut Reader,
    list: Option<&Value>,
    meta: &Meta,
    pace: &Pace,
) -> Vec<Package> {
    let entries = reader.list("packages", list);
    if entries.len() > MAX_PACKAGES {
        reader.issue(&format!("packages[{MAX_PACKAGES}]"), Problem::TooLarge);
    }
    let mut packages = Vec::with_capacity(entries.len().min(MAX_PACKAGES));
    for (index, entry) in entries.iter().take(MAX_PACKAGES).enumerate() {
        pace.tick().await;
        let path = format!("packages[{index}]");
        if let Some(entry) = reader.object(&path, Some(entry)) {
            packages.extend(read_package(reader, &path, entry, meta));
        }
    }
    packages
}

fn optional_money(
    reader: &mut Reader,
    path: &str,
    entry: Object,
    name: &str,
) -> Option<crate::model::Rupiah> {
    match entry.field(name) {
        None | Some(Loose::Null) => None,
        field => reader.money(&format!("{path}.{name}"), &field),
    }
}

fn read_package(reader: &mut Reader, path: &str, entry: Object, meta: &Meta) -> Option<Package> {
    let field = |name: &str| format!("{path}.{name}");
    let fiscal_year = match entry.field("fiscal_year") {
        None | Some(Loose::Null) => Some(meta.fiscal_year),
        value => reader.year(&field("fiscal_year"), &value),
    }?;
    let month = match entry.field("month") {
        None | Some(Loose::Null) => None,
        value => {
            let month = reader.month(&field("month"), &value)?;
            // A payment may fall early in the next year; anything further away is a mistake.
            if !(fiscal_year..=fiscal_year + 1).contains(&month.year) {
                reader.issue(&field("month"), Problem::OutsidePeriod);
                return None;
            }
            Some(month)
        }
    };
    // The day, where given: in the fiscal year or the next, like the month; it gives the month
    // when that is not given.
    let date = match entry.field("date") {
        None | Some(Loose::Null) => None,
        value => {
            let day = reader.date(&field("date"), &value)?;
            if !(fiscal_year..=fiscal_year + 1).contains(&day.year()) {
                reader.issue(&field("date"), Problem::OutsidePeriod);
                return None;
            }
            Some(day)
        }
    };
    let month = month.or_else(|| date.and_then(|day| YearMonth::new(day.year(), day.month())));
    // The day selection started (or the plan's): from the year before the fiscal year (a
    // tender announced early) to the year after.
    let selection_day = match entry.field("selection_date") {
        None | Some(Loose::Null) => None,
        value => {
            let day = reader.date(&field("selection_date"), &value)?;
            if !(fiscal_year - 1..=fiscal_year + 1).contains(&day.year()) {
                reader.issue(&field("selection_date"), Problem::OutsidePeriod);
                return None;
            }
            Some(day)
        }
    };
    let method = match entry.field("method") {
        None | Some(Loose::Null) => None,
        value => Some(reader.code(&field("method"), &value)?),
    };
    let kind = match entry.field("type") {
        None | Some(Loose::Null) => None,
        value => Some(reader.code(&field("type"), &value)?),
    };
    let amounts = StageAmounts {
        rencana: optional_money(reader, path, entry, "rencana"),
        komitmen: optional_money(reader, path, entry, "komitmen"),
        realisasi: optional_money(reader, path, entry, "realisasi"),
    };
    if amounts.is_empty() {
        reader.issue(path, Problem::NoAmount);
        return None;
    }
    let count = match entry.field("count") {
        None | Some(Loose::Null) => 1,
        value => reader.whole(&field("count"), &value)? as u64,
    };
    // Tender facts: the estimate (HPS), the status, the winner.
    let status = reader
        .optional_text(&field("status"), &entry.field("status"))
        .and_then(|word| match TenderStatus::from_word(&word) {
            Some(status) => Some(status),
            None => {
                reader.issue(&field("status"), Problem::Unrecognised(word));
                None
            }
        });
    let tender = TenderFacts::of(
        optional_money(reader, path, entry, "hps"),
        status,
        reader
            .optional_text(&field("supplier"), &entry.field("supplier"))
            .map(String::into_boxed_str),
    );
    Some(Package {
        id: reader.optional_text(&field("id"), &entry.field("id")),
        name: reader.optional_text(&field("name"), &entry.field("name")),
        unit: reader.optional_text(&field("unit"), &entry.field("unit")),
        region: reader.optional_text(&field("region"), &entry.field("region")),
        government: reader.optional_text(&field("government"), &entry.field("government")),
        method,
        kind,
        fiscal_year,
        month,
        date,
        selection_day,
        amounts,
        // Absent is `false`; `null` says the source does not tell (the package is then left out
        // of the local-content shares, as OCDS packages are).
        pdn: match entry.field("pdn") {
            Some(Loose::Null) => None,
            value => Some(reader.flag(&field("pdn"), &value)),
        },
        umkk: match entry.field("umkk") {
            Some(Loose::Null) => None,
            value => Some(reader.flag(&field("umkk"), &value)),
        },
        local_values: None,
        non_ukm_reason: reader
            .optional_text(&field("non_ukm_reason"), &entry.field("non_ukm_reason"))
            .map(String::into_boxed_str),
        tenderers: match entry.field("tenderers") {
            None | Some(Loose::Null) => None,
            value => reader
                .whole(&field("tenderers"), &value)
                .map(|count| count as u64),
        },
        tender,
        count,
        provenance: reader.provenance(path, &entry.field("illustrative"), &entry.field("source")),
    })
}
