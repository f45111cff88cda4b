//! LKPP's ISB data service as it answers: a JSON array of flat objects (one per package, order
//! or contract), or the same objects as JSON Lines. Each object is read by [`Rows`] with the
//! CSV reader's vocabulary. An array is walked an item at a time, each item parsed from its own
//! text, so a big export is never one long step.

use super::rows::{fold_header, Family, Rows};
use super::tree::{self, Fault};
use super::Json;
use crate::format::{Issues, LoadError, Problem};
use crate::pace::Pace;
use serde_json::{Map, Value};

/// Field names that make an object a record of packages, not some other JSON.
const RECORD_FIELDS: usize = 2;

/// Whether `object` looks like a flat record of a package: at least two of its fields are in
/// the vocabulary, one of them an amount, a count or an id, and it is not OCDS.
pub fn is_record(object: &Map<String, Value>) -> bool {
    if ["ocid", "releases", "records", "compiledRelease"]
        .iter()
        .any(|key| object.contains_key(*key))
    {
        return false;
    }
    let roles: Vec<_> = object
        .keys()
        .filter_map(|key| super::rows::role(&fold_header(key)))
        .collect();
    use super::rows::Column;
    roles.len() >= RECORD_FIELDS
        && roles.iter().any(|column| {
            matches!(
                column,
                Column::Rencana | Column::Komitmen | Column::Realisasi | Column::Count | Column::Id
            )
        })
}

/// What records like `object` (the first of a file) are: their family, and whether they have
/// amount fields.
fn shape(object: &Map<String, Value>) -> (Family, bool) {
    let names: Vec<String> = object.keys().map(|key| fold_header(key)).collect();
    let amounts = names.iter().any(|name| super::rows::is_amount(name));
    (Family::of(names.iter().map(String::as_str)), amounts)
}

/// Rows for records like `object` (the first of a file).
fn rows_for(object: &Map<String, Value>, current_year: i32) -> Rows {
    let (family, amounts) = shape(object);
    Rows::new(current_year, family, amounts)
}

/// Whether the first line of `text` is a flat record (JSON Lines of records): its family, and
/// whether it has amount fields.
pub fn lines_family(text: &str) -> Option<(Family, bool)> {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n')?;
    if rest.trim().is_empty() {
        return None;
    }
    let object = serde_json::from_str::<Map<String, Value>>(first).ok()?;
    is_record(&object).then(|| shape(&object))
}

/// Reads line `line` of JSON Lines of records into `rows`.
pub fn line(text: &str, line: usize, rows: &mut Rows) {
    match serde_json::from_str::<Map<String, Value>>(text) {
        Ok(object) => rows.add_object(&format!("{line}:"), &object),
        Err(_) => rows
            .issues_mut()
            .note(|| format!("{line}:"), Problem::NotJsonLine),
    }
}

fn not_json(fault: Fault) -> LoadError {
    LoadError::NotJson {
        line: fault.line,
        column: fault.column,
    }
}

/// Reads `text`, a JSON array: of flat records (packages), an item at a time; of OCDS releases,
/// as a release package. `None` when it is neither.
pub async fn array(text: &str, current_year: i32, pace: &Pace) -> Option<Json> {
    let refused = |error| Some(Json::Done(Box::new(Err(error))));
    let (ends, start) = match tree::ends(text, pace).await {
        Ok(found) => found,
        Err(fault) => return refused(not_json(fault)),
    };
    let span = match tree::big(text, &ends, start, b'[') {
        Some(span) => span,
        None => match tree::value_end(text, &ends, start, text.len()) {
            Ok(end) => (start, end),
            Err(fault) => return refused(not_json(fault)),
        },
    };
    if !text[span.1..].trim().is_empty() {
        return None;
    }
    records(text, ends, span, "", current_year, pace).await
}

/// Reads `text`, a JSON object whose `data` member is an array of flat records: INAPROC's API
/// (v1) answers so, with `meta` telling whether more pages follow (`has_more`: the file is then
/// not the whole answer, and says so). `None` when it is not such an object.
pub async fn envelope(text: &str, current_year: i32, pace: &Pace) -> Option<Json> {
    let (ends, start) = tree::ends(text, pace).await.ok()?;
    if text.as_bytes().get(start) != Some(&b'{') {
        return None;
    }
    let end = tree::value_end(text, &ends, start, text.len()).ok()?;
    if !text[end..].trim().is_empty() {
        return None;
    }
    let mut walk = tree::Members::new(text.as_bytes(), (start, end));
    let (mut data, mut more) = (None, false);
    while let Some((key, at)) = walk.next(text, &ends, pace).await.ok()? {
        let value_end = tree::value_end(text, &ends, at, walk.close()).ok()?;
        walk.ended(value_end);
        match key.as_deref() {
            Some("data") if text.as_bytes().get(at) == Some(&b'[') => data = Some((at, value_end)),
            // A page's facts are a few fields; a bigger `meta` is not INAPROC's.
            Some("meta") if value_end - at < META_BYTES => {
                more = serde_json::from_str::<Map<String, Value>>(&text[at..value_end])
                    .ok()
                    .and_then(|meta| meta.get("has_more").and_then(Value::as_bool))
                    .unwrap_or(false);
            }
            _ => {}
        }
    }
    let mut json = records(text, ends, data?, "data", current_year, pace).await?;
    if let (Json::Rows(read), true) = (&mut json, more) {
        read.issues
            .note(|| "meta.has_more".to_owned(), Problem::MoreRecords);
        read.partial = true;
    }
    Some(json)
}

/// Bytes of an envelope's `meta` read, at most.
const META_BYTES: usize = 64 * 1024;

/// The flat records of the array at `span` (`within` names the array in data issues: `data`
/// for `data[3]`), an item at a time; OCDS releases as a release package. `None` when the
/// items are neither.
async fn records(
    text: &str,
    ends: tree::Ends,
    span: (usize, usize),
    within: &str,
    current_year: i32,
    pace: &Pace,
) -> Option<Json> {
    let refused = |error| Some(Json::Done(Box::new(Err(error))));
    let items = match items(text, &ends, span, pace).await {
        Ok(items) => items,
        Err(fault) => return refused(not_json(fault)),
    };
    drop(ends);
    let mut rows: Option<Rows> = None;
    let mut skipped = Issues::new();
    for (index, (start, end)) in items.into_iter().enumerate() {
        pace.spend(tree::units(end - start)).await;
        let Ok(object) = serde_json::from_str::<Map<String, Value>>(&text[start..end]) else {
            skipped.note(|| format!("{within}[{index}]"), Problem::NotJsonLine);
            continue;
        };
        let rows = match &mut rows {
            Some(rows) => rows,
            None if object.contains_key("ocid") => return Some(releases(&text[span.0..span.1])),
            None if is_record(&object) => rows.insert(rows_for(&object, current_year)),
            None => return None,
        };
        rows.add_object(&format!("{within}[{index}]"), &object);
    }
    let mut rows = rows?;
    for issue in skipped.iter() {
        rows.issues_mut()
            .note(|| issue.path.clone(), issue.problem.clone());
    }
    Some(Json::Rows(Box::new(rows.finish())))
}

/// Where the items of the array at `span` are: walked a piece at a time when it is big.
async fn items(
    text: &str,
    ends: &tree::Ends,
    span: (usize, usize),
    pace: &Pace,
) -> Result<Vec<(usize, usize)>, Fault> {
    let mut walk = tree::Members::new(text.as_bytes(), span);
    let mut found = Vec::new();
    while let Some((_, at)) = walk.next(text, ends, pace).await? {
        let end = tree::value_end(text, ends, at, walk.close())?;
        walk.ended(end);
        found.push((at, end));
    }
    Ok(found)
}

/// A JSON array of OCDS releases, read as the release package that would hold them.
fn releases(text: &str) -> Json {
    super::read_ocds_json(&format!("{{\"releases\":{text}}}"), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(text: &str) -> Map<String, Value> {
        serde_json::from_str(text).expect("an object")
    }

    #[test]
    fn records_are_told_from_other_json() {
        assert!(is_record(&object(
            r#"{"kd_rup": 1, "pagu": 5, "nama_satker": "x"}"#
        )));
        assert!(is_record(&object(
            r#"{"Instansi": "x", "Total Paket RUP": 5}"#
        )));
        assert!(!is_record(&object(r#"{"ocid": "a", "pagu": 5}"#)));
        assert!(!is_record(&object(
            r#"{"kd_klpd": "D1", "nama_klpd": "x"}"#
        )));
        assert!(!is_record(&object(r#"{"a": 1, "b": 2}"#)));
    }
}
