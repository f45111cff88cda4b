//! OCDS flattened into CSV, as publishers republish it for spreadsheets: one release a row,
//! headers that are the standard's paths (`tender/value/amount`, `awards/0/value/amount`,
//! `buyer/name`) or their underscore spelling (`tender_value_amount`, `award_value_amount`,
//! `buyer_name`, `supplier_name`, `currency`). Each row becomes the release it flattens and
//! goes the way of any OCDS release: merged by `ocid` (the latest values win), one currency
//! counted, the others reported.

use super::ocds;
use crate::format::{Issues, Problem};
use serde_json::{Map, Number, Value};

/// One step of a path: an object's member or an array's item.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Underscore spellings and the paths they stand for (`currency` is the currency of every
/// value of the row that names none).
const UNDERSCORED: &[(&str, &str)] = &[
    ("tender_id", "tender/id"),
    ("tender_title", "tender/title"),
    ("tender_value_amount", "tender/value/amount"),
    ("tender_value_currency", "tender/value/currency"),
    ("tender_procurementmethod", "tender/procurementMethod"),
    ("tender_procurement_method", "tender/procurementMethod"),
    (
        "tender_mainprocurementcategory",
        "tender/mainProcurementCategory",
    ),
    (
        "tender_main_procurement_category",
        "tender/mainProcurementCategory",
    ),
    ("tender_numberoftenderers", "tender/numberOfTenderers"),
    ("tender_number_of_tenderers", "tender/numberOfTenderers"),
    ("tender_status", "tender/status"),
    ("tender_startdate", "tender/tenderPeriod/startDate"),
    (
        "tender_tenderperiod_startdate",
        "tender/tenderPeriod/startDate",
    ),
    ("buyer_id", "buyer/id"),
    ("buyer_name", "buyer/name"),
    ("award_id", "awards/0/id"),
    ("award_status", "awards/0/status"),
    ("award_date", "awards/0/date"),
    ("award_value_amount", "awards/0/value/amount"),
    ("award_value_currency", "awards/0/value/currency"),
    ("awards_value_amount", "awards/0/value/amount"),
    ("supplier_id", "awards/0/suppliers/0/id"),
    ("supplier_name", "awards/0/suppliers/0/name"),
    ("contract_id", "contracts/0/id"),
    ("contract_status", "contracts/0/status"),
    ("contract_value_amount", "contracts/0/value/amount"),
    ("contract_value_currency", "contracts/0/value/currency"),
    ("contract_datesigned", "contracts/0/dateSigned"),
    ("contract_date_signed", "contracts/0/dateSigned"),
    ("planning_budget_amount", "planning/budget/amount/amount"),
    (
        "planning_budget_amount_amount",
        "planning/budget/amount/amount",
    ),
    (
        "planning_budget_amount_currency",
        "planning/budget/amount/currency",
    ),
    ("ocid", "ocid"),
    ("id", "id"),
    ("date", "date"),
    ("release_id", "id"),
    ("release_date", "date"),
    ("initiationtype", "initiationType"),
];

/// Where a row's values are: the path of each header, `None` for headers of no path.
pub struct Layout {
    paths: Vec<Option<Vec<Step>>>,
    /// The header that gives the currency of values that name none.
    currency: Option<usize>,
}

fn steps(path: &str) -> Vec<Step> {
    path.split('/')
        .filter(|part| !part.is_empty())
        .map(|part| match part.parse::<usize>() {
            // An index far beyond any list a row can mean is a key, not room to allocate.
            Ok(index) if index < 64 => Step::Index(index),
            _ => Step::Key(part.to_owned()),
        })
        .collect()
}

/// The path a header names, if any.
fn path_of(header: &str) -> Option<Vec<Step>> {
    let header = header.trim().trim_matches('"');
    if header.contains('/') {
        return Some(steps(header)).filter(|steps| !steps.is_empty());
    }
    let lower = header.to_ascii_lowercase();
    UNDERSCORED
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, path)| steps(path))
}

impl Layout {
    /// The layout of a header line, if it is flattened OCDS: an `ocid` column and at least one
    /// other that names a release's path.
    pub fn of<'a>(headers: impl IntoIterator<Item = &'a str>, max: usize) -> Option<Layout> {
        let headers: Vec<&str> = headers.into_iter().take(max).collect();
        let is_ocid = |header: &&str| header.trim().trim_matches('"').eq_ignore_ascii_case("ocid");
        if !headers.iter().any(is_ocid) {
            return None;
        }
        let paths: Vec<Option<Vec<Step>>> = headers.iter().map(|header| path_of(header)).collect();
        let named = paths.iter().flatten().filter(|path| path.len() > 1).count();
        let currency = headers
            .iter()
            .position(|header| header.trim().eq_ignore_ascii_case("currency"));
        (named > 0).then_some(Layout { paths, currency })
    }

    /// The release a row flattens (its `id` the row's line when it names none).
    fn release<'a>(&self, line: usize, field: impl Fn(usize) -> Option<&'a str>) -> Value {
        let mut release = Value::Object(Map::new());
        for (index, path) in self.paths.iter().enumerate() {
            let (Some(path), Some(text)) = (path, field(index)) else {
                continue;
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            set(&mut release, path, leaf(path, text));
        }
        if let Some(currency) = self
            .currency
            .and_then(&field)
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty())
        {
            for value in [
                &["tender", "value"][..],
                &["awards", "0", "value"],
                &["contracts", "0", "value"],
                &["planning", "budget", "amount"],
            ] {
                if let Some(Value::Object(value)) = lookup(&mut release, value) {
                    value
                        .entry("currency")
                        .or_insert_with(|| Value::String(currency.clone()));
                }
            }
        }
        if let Value::Object(object) = &mut release {
            object
                .entry("id")
                .or_insert_with(|| Value::String(format!("row-{line}")));
        }
        release
    }
}

/// A cell as JSON: amounts and counts as numbers where they read as one, the rest as text.
fn leaf(path: &[Step], text: &str) -> Value {
    let numeric = matches!(path.last(), Some(Step::Key(key)) if key == "amount" || key == "numberOfTenderers");
    if numeric {
        // Whole numbers stay whole (a count of tenderers is read as one); others are decimals.
        if let Ok(whole) = text.parse::<u64>() {
            return Value::Number(whole.into());
        }
        if let Some(number) = text.parse::<f64>().ok().and_then(Number::from_f64) {
            return Value::Number(number);
        }
    }
    Value::String(text.to_owned())
}

/// Sets `value` at `path` in `root`, making objects and arrays on the way.
fn set(root: &mut Value, path: &[Step], value: Value) {
    let Some((last, rest)) = path.split_last() else {
        return;
    };
    let mut here = root;
    for (index, step) in rest.iter().enumerate() {
        let next_is_index = matches!(path.get(index + 1), Some(Step::Index(_)));
        let empty = || {
            if next_is_index {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            }
        };
        here = match (step, here) {
            (Step::Key(key), Value::Object(object)) => {
                object.entry(key.clone()).or_insert_with(empty)
            }
            (Step::Index(index), Value::Array(items)) => {
                while items.len() <= *index {
                    items.push(Value::Null);
                }
                let item = &mut items[*index];
                if item.is_null() {
                    *item = empty();
                }
                item
            }
            // A path that crosses a value of another shape (a header both `a` and `a/b`).
            _ => return,
        };
    }
    match (last, here) {
        (Step::Key(key), Value::Object(object)) => {
            object.insert(key.clone(), value);
        }
        (Step::Index(index), Value::Array(items)) => {
            while items.len() <= *index {
                items.push(Value::Null);
            }
            items[*index] = value;
        }
        _ => {}
    }
}

/// The value at a path of keys and indices (as text), if there is one.
fn lookup<'a>(root: &'a mut Value, path: &[&str]) -> Option<&'a mut Value> {
    let mut here = root;
    for step in path {
        here = match here {
            Value::Object(object) => object.get_mut(*step)?,
            Value::Array(items) => items.get_mut(step.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(here)
}

/// Releases read from flattened rows, grouped by `ocid`.
pub struct Releases {
    layout: Layout,
    found: ocds::Grouped,
    issues: Issues,
}

impl Releases {
    /// Ready to read rows of `layout`.
    pub fn new(layout: Layout) -> Releases {
        Releases {
            layout,
            found: ocds::Grouped::default(),
            issues: Issues::new(),
        }
    }

    /// Reads the row on `line`.
    pub fn add<'a>(&mut self, line: usize, field: impl Fn(usize) -> Option<&'a str>) {
        let release = self.layout.release(line, field);
        match serde_json::from_value::<ocds::Top>(release) {
            Ok(ocds::Top::Object(document)) => ocds::releases_in(
                *document,
                &format!("{line}:"),
                &mut self.found,
                &mut self.issues,
            ),
            _ => self
                .issues
                .note(|| format!("{line}:"), Problem::NotJsonLine),
        }
    }

    /// The releases by `ocid`, and the issues.
    pub fn finish(self) -> (ocds::Grouped, Issues) {
        (self.found, self.issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_header_styles_name_the_same_paths() {
        assert_eq!(
            path_of("awards/0/value/amount"),
            path_of("award_value_amount")
        );
        assert_eq!(
            path_of("tender/procurementMethod"),
            path_of("tender_procurementMethod")
        );
        assert_eq!(path_of("nama_satker"), None);
        assert!(Layout::of(["ocid", "tender/value/amount"], 10).is_some());
        assert!(Layout::of(["ocid", "nama_paket", "pagu"], 10).is_none());
        assert!(Layout::of(["kd_rup", "tender_value_amount"], 10).is_none());
    }

    #[test]
    fn a_row_becomes_the_release_it_flattens() {
        let layout = Layout::of(
            [
                "ocid",
                "buyer/name",
                "awards/0/value/amount",
                "currency",
                "tender/value/amount",
            ],
            10,
        )
        .expect("flattened OCDS");
        let cells = ["ocds-1", "Dinas", "1500.5", "IDR", ""];
        let release = layout.release(7, |index| cells.get(index).copied());
        assert_eq!(
            release,
            serde_json::json!({
                "ocid": "ocds-1",
                "id": "row-7",
                "buyer": {"name": "Dinas"},
                "awards": [{"value": {"amount": 1500.5, "currency": "IDR"}}]
            })
        );
    }
}
