//! Writing format v1, beside its reader ([`super::validate`], [`super::packages`]): what this
//! writes, the reader reads back as the same values (`tests/properties.rs` proves it for any
//! package and metadata). Field names live here and in the reader only; `pantau convert` and
//! anything else that writes a file comes through here.

use super::FORMAT_NAME;
use crate::model::{Code, Meta, Package};
use serde_json::{json, Map, Value};

/// The document of a file: `meta` and `packages` as [`meta`] and [`package`] write them.
pub fn document(meta: Map<String, Value>, packages: Vec<Value>) -> Value {
    json!({"format": FORMAT_NAME, "version": 1, "meta": meta, "packages": packages})
}

/// A file's `meta`. `publisher` and `license` that are not known are written as such in both
/// languages (the reader needs some text there).
pub fn meta(meta: &Meta) -> Map<String, Value> {
    let known = |text: &str| {
        Some(text.to_owned()).filter(|text| !text.is_empty() && text != crate::model::UNKNOWN)
    };
    const NOT_STATED: &str = "(tidak disebutkan / not stated)";
    let mut object = Map::new();
    let mut put = |name: &str, value: Value| {
        object.insert(name.to_owned(), value);
    };
    put("title", json!(meta.title));
    put(
        "publisher",
        json!(known(&meta.publisher).unwrap_or_else(|| NOT_STATED.to_owned())),
    );
    put(
        "license",
        json!(known(&meta.license).unwrap_or_else(|| NOT_STATED.to_owned())),
    );
    if let Some(url) = &meta.source_url {
        put("source_url", json!(url));
    }
    put("as_of", json!(meta.as_of.to_string()));
    put(
        "period",
        json!({"start": meta.period.0.to_string(), "end": meta.period.1.to_string()}),
    );
    put("fiscal_year", json!(meta.fiscal_year));
    put("currency", json!(meta.currency.code()));
    if meta.illustrative {
        put("illustrative", json!(true));
    }
    if let Some(notes) = &meta.notes {
        put("notes", json!(notes));
    }
    if let Some(region) = &meta.region {
        put("region", json!({"code": region.code, "name": region.name}));
    }
    if !meta.sources.is_empty() {
        let sources: Vec<Value> = meta
            .sources
            .iter()
            .map(|source| {
                let mut cited = json!({"id": source.id, "title": source.title});
                if let Some(url) = &source.url {
                    cited["url"] = json!(url);
                }
                cited
            })
            .collect();
        put("sources", Value::Array(sources));
    }
    object
}

/// One entry of `packages`: every field the reader reads that the package has. PDN and UMK-K
/// flags the source does not state are written `null` (absent reads as `false`); the PDN and
/// UMK values of a contract are not part of format v1 and are not written.
pub fn package(package: &Package) -> Value {
    let mut entry = Map::new();
    let mut put = |name: &str, value: Value| {
        entry.insert(name.to_owned(), value);
    };
    let texts = [
        ("id", &package.id),
        ("name", &package.name),
        ("unit", &package.unit),
        ("region", &package.region),
        ("government", &package.government),
    ];
    for (name, text) in texts {
        if let Some(text) = text {
            put(name, json!(text));
        }
    }
    if let Some(method) = package.method {
        put("method", json!(method.code()));
    }
    if let Some(kind) = package.kind {
        put("type", json!(kind.code()));
    }
    put("fiscal_year", json!(package.fiscal_year));
    if let Some(month) = package.month {
        put("month", json!(month.to_string()));
    }
    if let Some(date) = package.date {
        put("date", json!(date.to_string()));
    }
    if let Some(day) = package.selection_day {
        put("selection_date", json!(day.to_string()));
    }
    let amounts = &package.amounts;
    let stages = [
        ("rencana", amounts.rencana),
        ("komitmen", amounts.komitmen),
        ("realisasi", amounts.realisasi),
    ];
    for (name, amount) in stages {
        if let Some(amount) = amount {
            put(name, json!(amount.0));
        }
    }
    put("pdn", json!(package.pdn));
    put("umkk", json!(package.umkk));
    if package.count != 1 {
        put("count", json!(package.count));
    }
    if let Some(tenderers) = package.tenderers {
        put("tenderers", json!(tenderers));
    }
    if let Some(tender) = &package.tender {
        if let Some(hps) = tender.hps {
            put("hps", json!(hps.0));
        }
        if let Some(status) = tender.status {
            put("status", json!(status.code()));
        }
        if let Some(supplier) = &tender.supplier {
            put("supplier", json!(supplier));
        }
    }
    if let Some(reason) = &package.non_ukm_reason {
        put("non_ukm_reason", json!(reason));
    }
    if package.provenance.illustrative {
        put("illustrative", json!(true));
    }
    if let Some(source) = &package.provenance.source {
        put("source", json!(source));
    }
    Value::Object(entry)
}
