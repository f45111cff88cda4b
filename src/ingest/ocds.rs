//! Open Contracting Data Standard 1.1: release packages, record packages and JSON Lines of
//! releases, turned into one package per contracting process (`ocid`).
//!
//! Releases of one `ocid` are merged in date order (release id order for equal dates) by the
//! standard's merge rule, simplified: objects merge field by field, arrays of objects with an
//! `id` merge by `id`, anything else is replaced, `null` removes. A record's `compiledRelease`
//! is used as it is. So each process counts once, whatever the order or repetition of its
//! releases. Amounts in a currency other than the file's main one are never added to it: they
//! are reported and left out. Fractional amounts are rounded half away from zero to whole units.

use crate::format::{clean_text, DataIssue, Expected, Problem};
use crate::model::{Method, Package, ProcurementType, Provenance, Rupiah, StageAmounts, YearMonth};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A release (or compiled release) found in the input, with where it was.
pub struct Found {
    /// JSON path or line, for data issues.
    pub path: String,
    /// The release.
    pub release: Value,
    /// Whether it is already compiled (a record's `compiledRelease`).
    pub compiled: bool,
}

/// The fields the widget reads, by section; everything else is dropped as soon as a release is
/// read, so that a large file costs memory for what is shown, not for what is published.
const KEPT: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "ocid",
            "id",
            "date",
            "buyer",
            "parties",
            "tender",
            "planning",
            "awards",
            "contracts",
        ],
    ),
    ("buyer", &["id", "name"]),
    ("parties", &["id", "name", "roles", "address", "details"]),
    (
        "tender",
        &[
            "title",
            "value",
            "procurementMethod",
            "mainProcurementCategory",
            "numberOfTenderers",
            "tenderPeriod",
        ],
    ),
    ("planning", &["budget"]),
    ("awards", &["id", "status", "date", "value", "suppliers"]),
    (
        "contracts",
        &["id", "status", "dateSigned", "value", "implementation"],
    ),
];

fn keep_only(value: &mut Value, names: &[&str]) {
    if let Value::Object(map) = value {
        map.retain(|key, _| names.contains(&key.as_str()));
    }
}

/// A release with only the fields the widget reads ([`KEPT`]); `null` values stay (they remove
/// a field when releases merge).
pub fn prune(mut release: Value) -> Value {
    for (section, names) in KEPT {
        match *section {
            "" => keep_only(&mut release, names),
            section => match release.get_mut(section) {
                Some(Value::Array(items)) => {
                    items.iter_mut().for_each(|item| keep_only(item, names))
                }
                Some(value) => keep_only(value, names),
                None => {}
            },
        }
    }
    release
}

/// Releases and compiled releases in one parsed document (a package, a record, a release).
pub fn releases_in(
    document: Value,
    path: &str,
    found: &mut Vec<Found>,
    issues: &mut Vec<DataIssue>,
) {
    let Value::Object(mut object) = document else {
        issues.push(DataIssue::new(path, Problem::WrongType(Expected::Object)));
        return;
    };
    let here = path.trim_end_matches('.');
    if object.contains_key("ocid") {
        if object.contains_key("compiledRelease") || object.contains_key("releases") {
            record_releases(Value::Object(object), here, found, issues);
        } else {
            found.push(Found {
                path: here.to_owned(),
                release: prune(Value::Object(object)),
                compiled: false,
            });
        }
    } else if let Some(Value::Array(releases)) = object.remove("releases") {
        for (index, release) in releases.into_iter().enumerate() {
            let path = format!("{path}releases[{index}]");
            if release.get("ocid").is_some() {
                found.push(Found {
                    path,
                    release: prune(release),
                    compiled: false,
                });
            } else {
                issues.push(DataIssue::new(format!("{path}.ocid"), Problem::Missing));
            }
        }
    } else if let Some(Value::Array(records)) = object.remove("records") {
        for (index, record) in records.into_iter().enumerate() {
            record_releases(record, &format!("{path}records[{index}]"), found, issues);
        }
    } else {
        issues.push(DataIssue::new(format!("{path}ocid"), Problem::Missing));
    }
}

fn record_releases(record: Value, path: &str, found: &mut Vec<Found>, issues: &mut Vec<DataIssue>) {
    let Value::Object(mut record) = record else {
        issues.push(DataIssue::new(path, Problem::WrongType(Expected::Object)));
        return;
    };
    if let Some(compiled) = record.remove("compiledRelease").filter(Value::is_object) {
        found.push(Found {
            path: format!("{path}.compiledRelease"),
            release: prune(compiled),
            compiled: true,
        });
        return;
    }
    // Without a compiled release, a record's releases count only if they are whole releases
    // (not links to them).
    let releases = match record.remove("releases") {
        Some(Value::Array(releases)) => releases,
        _ => Vec::new(),
    };
    let before = found.len();
    for (index, release) in releases.into_iter().enumerate() {
        if release.get("ocid").is_some() {
            found.push(Found {
                path: format!("{path}.releases[{index}]"),
                release: prune(release),
                compiled: false,
            });
        }
    }
    if found.len() == before {
        issues.push(DataIssue::new(
            format!("{path}.compiledRelease"),
            Problem::Missing,
        ));
    }
}

/// Merges `patch` into `target` (the standard's merge, simplified as the module says).
pub fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(target), Value::Object(patch)) => {
            for (key, value) in patch {
                match value {
                    Value::Null => {
                        target.remove(key);
                    }
                    _ => match target.get_mut(key) {
                        Some(existing) => merge(existing, value),
                        None => {
                            target.insert(key.clone(), value.clone());
                        }
                    },
                }
            }
        }
        (Value::Array(target), Value::Array(patch))
            if patch.iter().all(|item| item.get("id").is_some()) =>
        {
            for item in patch {
                match target
                    .iter_mut()
                    .find(|known| known.get("id") == item.get("id"))
                {
                    Some(known) => merge(known, item),
                    None => target.push(item.clone()),
                }
            }
        }
        (target, patch) => *target = patch.clone(),
    }
}

/// Releases gathered by `ocid`, in order of first appearance (file order within an `ocid`).
#[derive(Default)]
pub struct Grouped {
    order: Vec<String>,
    groups: HashMap<String, Vec<(usize, Found)>>,
    next: usize,
}

impl Grouped {
    /// Adds a release (or compiled release) to its `ocid`.
    pub fn add(&mut self, item: Found) {
        let ocid = item
            .release
            .get("ocid")
            .and_then(Value::as_str)
            .map(clean_text)
            .unwrap_or_default();
        let group = self.groups.entry(ocid.clone()).or_default();
        if group.is_empty() {
            self.order.push(ocid);
        }
        group.push((self.next, item));
        self.next += 1;
    }

    /// The groups, in order of first appearance.
    pub fn into_groups(mut self) -> impl Iterator<Item = Vec<(usize, Found)>> {
        let order = std::mem::take(&mut self.order);
        order
            .into_iter()
            .filter_map(move |ocid| self.groups.remove(&ocid))
    }
}

/// The compiled release of one `ocid`'s group: its compiled release as it is (the last one
/// wins), else its releases merged in date order.
pub fn compile_group(mut group: Vec<(usize, Found)>) -> Option<(String, Value)> {
    if let Some(position) = group.iter().rposition(|(_, item)| item.compiled) {
        let (_, compiled) = group.swap_remove(position);
        return Some((compiled.path, compiled.release));
    }
    if group.len() == 1 {
        // One release is its own compiled release: merged into nothing (as below), it only
        // loses its top-level nulls; no copy needed.
        let (_, only) = group.pop()?;
        let mut release = only.release;
        if let Value::Object(fields) = &mut release {
            fields.retain(|_, value| !value.is_null());
        }
        return Some((only.path, release));
    }
    // Date order; releases of the same date by their id, so that the file's order never
    // matters.
    let key = |item: &Found| {
        let text = |name: &str| {
            item.release
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        (text("date"), text("id"))
    };
    group.sort_by(|(a_index, a), (b_index, b)| key(a).cmp(&key(b)).then(a_index.cmp(b_index)));
    // Identical releases (the same release published twice) merge to the same result.
    let path = group
        .last()
        .map(|(_, item)| item.path.clone())
        .unwrap_or_default();
    let mut compiled = Value::Object(Map::new());
    for (_, item) in &group {
        merge(&mut compiled, &item.release);
    }
    Some((path, compiled))
}

/// An amount of a `{amount, currency}` value: `Some(Ok(..))` in `currency`, `Some(Err(code))`
/// in another currency, `None` when absent or unusable (reported).
fn amount(
    value: Option<&Value>,
    path: &str,
    currency: &str,
    issues: &mut Vec<DataIssue>,
) -> Option<Rupiah> {
    let value = value?;
    let number = value.get("amount")?;
    let code = value.get("currency").and_then(Value::as_str).unwrap_or("");
    if code != currency {
        issues.push(DataIssue::new(
            format!("{path}.currency"),
            Problem::OtherCurrency(clean_text(code)),
        ));
        return None;
    }
    match number.as_f64() {
        Some(amount) if amount.is_finite() && (0.0..9.2e18).contains(&amount) => {
            Some(Rupiah(amount.round() as i64))
        }
        Some(amount) if amount < 0.0 => {
            issues.push(DataIssue::new(format!("{path}.amount"), Problem::Negative));
            None
        }
        _ => {
            issues.push(DataIssue::new(
                format!("{path}.amount"),
                Problem::WrongType(Expected::WholeNumber),
            ));
            None
        }
    }
}

fn sum(amounts: impl Iterator<Item = Option<Rupiah>>) -> Option<Rupiah> {
    let present: Vec<Rupiah> = amounts.flatten().collect();
    if present.is_empty() {
        None
    } else {
        Rupiah::checked_sum(present)
    }
}

fn list<'a>(release: &'a Value, key: &str) -> &'a [Value] {
    release
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn text(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .map(clean_text)
        .filter(|text| !text.is_empty())
}

fn month_of(value: Option<&Value>) -> Option<YearMonth> {
    value
        .and_then(Value::as_str)
        .and_then(|date| YearMonth::parse(date.get(..7)?))
}

/// Counts the currencies of a compiled release's amounts (tender, awards, contracts).
pub fn count_currencies(release: &Value, counts: &mut HashMap<String, usize>) {
    fn currency_of(value: Option<&Value>) -> Option<&str> {
        value?.get("currency")?.as_str()
    }
    let values = std::iter::once(release.pointer("/tender/value"))
        .chain(
            list(release, "awards")
                .iter()
                .map(|award| award.get("value")),
        )
        .chain(
            list(release, "contracts")
                .iter()
                .map(|contract| contract.get("value")),
        );
    for code in values.filter_map(currency_of) {
        match counts.get_mut(code) {
            Some(count) => *count += 1,
            None => {
                counts.insert(code.to_owned(), 1);
            }
        }
    }
}

/// The currency most amounts are in (the first in alphabetical order among equals), if it has
/// the form of a currency code.
pub fn best_currency(counts: &HashMap<String, usize>) -> Option<String> {
    let best = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
    crate::model::Currency::new(best.0).map(|_| best.0.clone())
}

/// The package of one compiled release, with amounts in `currency`.
pub fn package(
    path: &str,
    release: &Value,
    currency: &str,
    fallback_year: i32,
    issues: &mut Vec<DataIssue>,
) -> Option<Package> {
    let parties = list(release, "parties");
    let buyer_id = release.pointer("/buyer/id");
    let buyer_party = parties.iter().find(|party| {
        (buyer_id.is_some() && party.get("id") == buyer_id)
            || list(party, "roles")
                .iter()
                .any(|role| role.as_str() == Some("buyer"))
    });
    let tender = release.get("tender");
    let awards = list(release, "awards");
    let contracts = list(release, "contracts");
    let live = |item: &&Value| {
        !matches!(
            item.get("status").and_then(Value::as_str),
            Some("cancelled" | "unsuccessful")
        )
    };
    let rencana = amount(
        release.pointer("/tender/value"),
        &format!("{path}.tender.value"),
        currency,
        issues,
    )
    .or_else(|| {
        amount(
            release.pointer("/planning/budget/amount"),
            &format!("{path}.planning.budget.amount"),
            currency,
            issues,
        )
    });
    let contracted = sum(contracts
        .iter()
        .enumerate()
        .filter(|(_, contract)| live(contract))
        .map(|(index, contract)| {
            amount(
                contract.get("value"),
                &format!("{path}.contracts[{index}].value"),
                currency,
                issues,
            )
        }));
    let awarded = sum(awards
        .iter()
        .enumerate()
        .filter(|(_, award)| live(award))
        .map(|(index, award)| {
            amount(
                award.get("value"),
                &format!("{path}.awards[{index}].value"),
                currency,
                issues,
            )
        }));
    let paid = sum(contracts
        .iter()
        .enumerate()
        .flat_map(|(index, contract)| {
            list(
                contract.get("implementation").unwrap_or(&Value::Null),
                "transactions",
            )
            .iter()
            .enumerate()
            .map(move |(number, transaction)| (index, number, transaction))
        })
        .map(|(index, number, transaction)| {
            let value = transaction
                .get("value")
                .or_else(|| transaction.get("amount"));
            amount(
                value,
                &format!("{path}.contracts[{index}].implementation.transactions[{number}].value"),
                currency,
                issues,
            )
        }));
    let amounts = StageAmounts {
        rencana,
        komitmen: contracted.or(awarded),
        realisasi: paid,
    };
    if amounts.is_empty() {
        issues.push(DataIssue::new(path, Problem::NoAmount));
        return None;
    }
    let month = contracts
        .iter()
        .find_map(|contract| month_of(contract.get("dateSigned")))
        .or_else(|| awards.iter().find_map(|award| month_of(award.get("date"))))
        .or_else(|| month_of(release.pointer("/tender/tenderPeriod/startDate")))
        .or_else(|| month_of(release.get("date")));
    let method =
        text(release.pointer("/tender/procurementMethod")).and_then(|code| match code.as_str() {
            "open" => Some(Method::Open),
            "selective" => Some(Method::Selective),
            "limited" => Some(Method::Limited),
            "direct" => Some(Method::Direct),
            _ => None,
        });
    let kind = text(release.pointer("/tender/mainProcurementCategory")).and_then(|code| match code
        .as_str()
    {
        "goods" => Some(ProcurementType::Barang),
        "works" => Some(ProcurementType::PekerjaanKonstruksi),
        "services" => Some(ProcurementType::Jasa),
        _ => None,
    });
    // Supplier size: micro or sme counts as small (OCDS does not tell small from medium);
    // any large supplier makes the package not small; unknown when no supplier says.
    let scales: Vec<&str> = awards
        .iter()
        .filter(live)
        .flat_map(|award| list(award, "suppliers"))
        .filter_map(|supplier| {
            parties
                .iter()
                .find(|party| party.get("id") == supplier.get("id"))
        })
        .filter_map(|party| party.pointer("/details/scale").and_then(Value::as_str))
        .collect();
    let umkk =
        (!scales.is_empty()).then(|| scales.iter().all(|scale| matches!(*scale, "micro" | "sme")));
    Some(Package {
        id: text(release.get("ocid")),
        name: text(release.pointer("/tender/title")),
        unit: text(release.pointer("/buyer/name"))
            .or_else(|| buyer_party.and_then(|party| text(party.get("name")))),
        region: buyer_party.and_then(|party| text(party.pointer("/address/region"))),
        method,
        kind,
        fiscal_year: month.map_or(fallback_year, |month| month.year),
        month,
        amounts,
        pdn: None,
        umkk,
        tenderers: tender
            .and_then(|tender| tender.get("numberOfTenderers"))
            .and_then(Value::as_u64),
        count: 1,
        provenance: Provenance::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_release_compiles_to_itself_as_a_merge_would() {
        let release = serde_json::json!({"ocid": "o", "id": "r", "buyer": null, "tender": {"value": null, "title": "T"}});
        let group = vec![(
            0,
            Found {
                path: "x".into(),
                release: release.clone(),
                compiled: false,
            },
        )];
        let mut merged = Value::Object(Map::new());
        merge(&mut merged, &release);
        assert_eq!(compile_group(group), Some(("x".to_owned(), merged)));
    }

    #[test]
    fn pruning_keeps_what_the_widget_reads_and_drops_the_rest() {
        let release = serde_json::json!({
            "ocid": "o", "id": "r", "date": "2024-01-01", "language": "en", "tag": ["tender"],
            "tender": {"value": {"amount": 1, "currency": "IDR"}, "items": [{"id": 1}], "documents": [], "numberOfTenderers": 2},
            "awards": [{"id": "a", "value": {"amount": 1, "currency": "IDR"}, "documents": [], "suppliers": [{"id": "s"}]}],
            "parties": [{"id": "s", "name": "S", "roles": ["supplier"], "contactPoint": {"email": "x"}, "details": {"scale": "micro"}}],
            "planning": {"budget": {"amount": {"amount": 5}}, "rationale": "long text"},
            "buyer": null
        });
        let pruned = prune(release);
        assert_eq!(
            pruned,
            serde_json::json!({
                "ocid": "o", "id": "r", "date": "2024-01-01",
                "tender": {"value": {"amount": 1, "currency": "IDR"}, "numberOfTenderers": 2},
                "awards": [{"id": "a", "value": {"amount": 1, "currency": "IDR"}, "suppliers": [{"id": "s"}]}],
                "parties": [{"id": "s", "name": "S", "roles": ["supplier"], "details": {"scale": "micro"}}],
                "planning": {"budget": {"amount": {"amount": 5}}},
                "buyer": null
            })
        );
    }
}
