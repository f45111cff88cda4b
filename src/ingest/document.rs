//! One JSON document (a Pantau file; an OCDS package, record or release) read in steps: its
//! tree built a piece at a time ([`super::tree`]), then validated entry by entry (Pantau) or
//! its releases or records taken one at a time (OCDS). The result is the one of a whole parse.

use super::lenient::{Item, Shaped};
use super::{json_sequence, ocds, read_ocds_json, tree, Json, PackageMeta, SourceFormat};
use crate::format::{validate, Issues, LoadError, FORMAT_NAME};
use crate::pace::Pace;
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
        return Json::Done(Box::new(validate(&tree, pace).await));
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

/// An OCDS document from its tree: the package without its releases or records first, then each
/// of those.
async fn from_tree(mut tree: Value, pace: &Pace) -> Json {
    let Value::Object(members) = &mut tree else {
        return refused(LoadError::NotPantau);
    };
    let releases = take_array(members, "releases");
    let records = take_array(members, "records");
    let Ok(ocds::Top::Object(mut document)) = ocds::Top::deserialize(tree) else {
        return refused(LoadError::NotPantau);
    };
    if let Some(releases) = releases {
        document.releases = Shaped::Set(items(releases, pace).await);
    }
    if let Some(records) = records {
        document.records = Shaped::Set(items(records, pace).await);
    }
    if !document.is_ocds() {
        return refused(LoadError::NotPantau);
    }
    let meta = PackageMeta::of(&document);
    let mut found = Vec::new();
    let mut issues = Issues::new();
    ocds::releases_in(*document, "", &mut found, &mut issues);
    Json::Releases {
        found,
        issues,
        meta,
    }
}
