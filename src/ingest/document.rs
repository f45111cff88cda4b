//! One JSON document (a Pantau file; an OCDS package, record or release) read in steps: its
//! tree built a piece at a time ([`super::tree`]), then validated entry by entry (Pantau) or
//! its releases or records taken one at a time (OCDS). The result is the one of a whole parse.

use super::lenient::{Item, Shaped};
use super::{json_sequence, ocds, read_ocds_json, tree, Json, PackageMeta, SourceFormat};
use crate::format::{validate, Issues, LoadError, FORMAT_NAME};
use crate::pace::{drop_items, Pace};
use serde::Deserialize;
use serde_json::Value;

/// How an OCDS document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ocds {
    /// Straight from the text, in one go (fastest, where nobody waits on the thread: the
    /// reading worker).
    AtOnce,
    /// From the tree built in steps, a release or record at a time (on the widget's thread).
    InSteps,
}

/// Reads the JSON document `text` (not JSON Lines); `format` is the one the page insists on.
pub(super) async fn read(
    text: &str,
    format: Option<SourceFormat>,
    ocds: Ocds,
    pace: &Pace,
) -> Json {
    let maybe_pantau = match format {
        Some(SourceFormat::Ocds) => false,
        Some(_) => true,
        None => text.contains(FORMAT_NAME),
    };
    if !maybe_pantau && ocds == Ocds::AtOnce {
        return read_ocds_json(text, format);
    }
    let (tree, end) = match tree::first_value(text, pace).await {
        Ok(found) => found,
        Err(_) if text.trim().is_empty() => {
            return refused(LoadError::NotJson { line: 1, column: 0 })
        }
        Err(fault) => {
            return refused(LoadError::NotJson {
                line: fault.line,
                column: fault.column,
            })
        }
    };
    if !text[end..].trim().is_empty() {
        // More than one value: a sequence of OCDS documents (or a Pantau file with text after it).
        return match format {
            Some(SourceFormat::Pantau) => {
                let fault = tree::fault_at(
                    text,
                    end + text[end..].len() - text[end..].trim_start().len(),
                );
                refused(LoadError::NotJson {
                    line: fault.line,
                    column: fault.column,
                })
            }
            _ => json_sequence(text),
        };
    }
    let says_pantau = tree.get("format").and_then(Value::as_str) == Some(FORMAT_NAME);
    if format == Some(SourceFormat::Pantau) || (says_pantau && format != Some(SourceFormat::Ocds)) {
        let result = validate(&tree, pace).await;
        tree::dispose(tree, pace).await;
        return Json::Done(Box::new(result));
    }
    match ocds {
        Ocds::AtOnce => {
            drop(tree);
            read_ocds_json(text, format)
        }
        Ocds::InSteps => from_tree(tree, pace).await,
    }
}

fn refused(error: LoadError) -> Json {
    Json::Done(Box::new(Err(error)))
}

/// Takes the array `name` out of an object's members.
fn take_array(members: &mut serde_json::Map<String, Value>, name: &str) -> Option<Vec<Value>> {
    match members.get(name) {
        Some(Value::Array(_)) => match members.remove(name) {
            Some(Value::Array(items)) => Some(items),
            _ => None,
        },
        _ => None,
    }
}

/// Takes the array `name` out of an object's members if it is a long one.
fn take_long(members: &mut serde_json::Map<String, Value>, name: &str) -> Option<Vec<Value>> {
    match members.get(name) {
        Some(Value::Array(items)) if items.len() >= ocds::LONG_LIST => take_array(members, name),
        _ => None,
    }
}

/// Each item of `items` read as a `T`, one at a time.
async fn items<T>(items: Vec<Value>, pace: &Pace) -> Vec<Item<T>>
where
    Item<T>: for<'de> Deserialize<'de>,
{
    let mut read = Vec::with_capacity(items.len());
    for item in items {
        pace.tick().await;
        read.push(Item::deserialize(item).unwrap_or(Item::Other));
    }
    read
}

/// A release's long lists (parties, awards, contracts), each read an item at a time.
struct LongLists {
    parties: Option<Vec<Value>>,
    awards: Option<Vec<Value>>,
    contracts: Option<Vec<Value>>,
}

impl LongLists {
    fn take(members: &mut serde_json::Map<String, Value>) -> LongLists {
        LongLists {
            parties: take_long(members, "parties"),
            awards: take_long(members, "awards"),
            contracts: take_long(members, "contracts"),
        }
    }

    /// Puts the lists, read, into `release`.
    async fn put(self, release: &mut ocds::Release, pace: &Pace) {
        if let Some(parties) = self.parties {
            release.parties = Shaped::Set(items(parties, pace).await);
        }
        if let Some(awards) = self.awards {
            let mut read = Vec::with_capacity(awards.len());
            for award in awards {
                read.push(award_item(award, pace).await);
            }
            release.awards = Shaped::Set(read);
        }
        if let Some(contracts) = self.contracts {
            release.contracts = Shaped::Set(items(contracts, pace).await);
        }
    }
}

/// A release, its long lists an item at a time.
async fn release_item(value: Value, pace: &Pace) -> Item<ocds::Release> {
    pace.tick().await;
    let Value::Object(mut members) = value else {
        return Item::deserialize(value).unwrap_or(Item::Other);
    };
    let long = LongLists::take(&mut members);
    let mut item = Item::deserialize(Value::Object(members)).unwrap_or(Item::Other);
    if let Item::Object(release) = &mut item {
        long.put(release, pace).await;
    }
    item
}

/// An award, a long list of suppliers a supplier at a time.
async fn award_item(value: Value, pace: &Pace) -> Item<ocds::Award> {
    pace.tick().await;
    let Value::Object(mut members) = value else {
        return Item::deserialize(value).unwrap_or(Item::Other);
    };
    let suppliers = take_long(&mut members, "suppliers");
    let mut item: Item<ocds::Award> =
        Item::deserialize(Value::Object(members)).unwrap_or(Item::Other);
    if let (Item::Object(award), Some(suppliers)) = (&mut item, suppliers) {
        award.suppliers = Shaped::Set(items(suppliers, pace).await);
    }
    item
}

/// A record, its releases (and compiled release) read as releases are.
async fn record_item(value: Value, pace: &Pace) -> Item<ocds::Record> {
    pace.tick().await;
    let Value::Object(mut members) = value else {
        return Item::deserialize(value).unwrap_or(Item::Other);
    };
    let releases = take_array(&mut members, "releases");
    let compiled = match members.get("compiledRelease") {
        Some(Value::Object(_)) => members.remove("compiledRelease"),
        _ => None,
    };
    let mut item: Item<ocds::Record> =
        Item::deserialize(Value::Object(members)).unwrap_or(Item::Other);
    if let Item::Object(record) = &mut item {
        if let Some(releases) = releases {
            let mut read = Vec::with_capacity(releases.len());
            for release in releases {
                read.push(release_item(release, pace).await);
            }
            record.releases = Shaped::Set(read);
        }
        if let Some(Item::Object(release)) = match compiled {
            Some(compiled) => Some(release_item(compiled, pace).await),
            None => None,
        } {
            record.compiled = Shaped::Set(release);
        }
    }
    item
}

/// An OCDS document from its tree: the package without its releases or records first, then each
/// of those.
async fn from_tree(mut tree: Value, pace: &Pace) -> Json {
    let Value::Object(members) = &mut tree else {
        return refused(LoadError::NotPantau);
    };
    let releases = take_array(members, "releases");
    let records = take_array(members, "records");
    // A document that is a release may hold long lists of its own.
    let long = LongLists::take(members);
    let Ok(ocds::Top::Object(mut document)) = ocds::Top::deserialize(tree) else {
        return refused(LoadError::NotPantau);
    };
    long.put(&mut document.release, pace).await;
    if let Some(releases) = releases {
        let mut read = Vec::with_capacity(releases.len());
        for release in releases {
            read.push(release_item(release, pace).await);
        }
        document.releases = Shaped::Set(read);
    }
    if let Some(records) = records {
        let mut read = Vec::with_capacity(records.len());
        for record in records {
            read.push(record_item(record, pace).await);
        }
        document.records = Shaped::Set(read);
    }
    if !document.is_ocds() {
        return refused(LoadError::NotPantau);
    }
    let meta = PackageMeta::of(&document);
    let mut found = ocds::Grouped::default();
    let mut issues = Issues::new();
    ocds::releases_paced(*document, "", &mut found, &mut issues, pace).await;
    drop_items(found.forget_ocids(), pace).await;
    Json::Releases {
        found,
        issues,
        meta,
    }
}
