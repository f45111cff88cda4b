//! One JSON document (a Pantau file; an OCDS package, record or release) read in steps. A
//! Pantau file's tree is built a piece at a time ([`super::tree`]), then validated entry by
//! entry. An OCDS document is read straight into its typed fields, a piece at a time: a big
//! object is split into its members, a long list into its items, each read from its own text
//! (no tree is built for it). The result is the one of a whole parse.

use super::lenient::{Item, Shaped};
use super::tree::{self, Ends, Fault, Members};
use super::{json_sequence, ocds, read_ocds_json, Json, PackageMeta, SourceFormat};
use crate::format::{validate, Issues, LoadError, FORMAT_NAME};
use crate::pace::{drop_items, Pace};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// How an OCDS document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ocds {
    /// Straight from the text, in one go (fastest, where nobody waits on the thread: the
    /// reading worker).
    AtOnce,
    /// A release or record, and an item of a long list, at a time (on the widget's thread).
    InSteps,
}

fn not_json(fault: Fault) -> LoadError {
    LoadError::NotJson {
        line: fault.line,
        column: fault.column,
    }
}

/// Reads the JSON document `text` (not JSON Lines); `format` is the one the page insists on.
pub(super) async fn read(
    text: &str,
    format: Option<SourceFormat>,
    ocds: Ocds,
    current_year: i32,
    pace: &Pace,
) -> Json {
    let maybe_pantau = match format {
        Some(SourceFormat::Ocds) => false,
        Some(_) => true,
        None => text.contains(FORMAT_NAME),
    };
    if maybe_pantau {
        let (tree, end) = match tree::first_value(text, pace).await {
            Ok(found) => found,
            Err(_) if text.trim().is_empty() => {
                return refused(LoadError::NotJson { line: 1, column: 0 })
            }
            Err(fault) => return refused(not_json(fault)),
        };
        if !text[end..].trim().is_empty() {
            // More than one value: a sequence of OCDS documents (or a Pantau file with text
            // after it).
            return match format {
                Some(SourceFormat::Pantau) => {
                    let after = end + text[end..].len() - text[end..].trim_start().len();
                    refused(not_json(tree::fault_at(text, after)))
                }
                _ => json_sequence(text),
            };
        }
        let says_pantau = tree.get("format").and_then(Value::as_str) == Some(FORMAT_NAME);
        if format == Some(SourceFormat::Pantau) || says_pantau {
            let result = validate(&tree, pace).await;
            tree::dispose(tree, pace).await;
            return Json::Done(Box::new(result));
        }
        tree::dispose(tree, pace).await;
    }
    if text.trim_start().starts_with('[') && format != Some(SourceFormat::Ocds) {
        if let Some(json) = super::flat::array(text, current_year, pace).await {
            return json;
        }
    }
    // INAPROC's API (v1): `{"data": [records], "meta": {…}}`, `data` among the first keys (a
    // page's `meta` is a few fields). Only the head is looked at: a scan of a whole big file
    // would be one long step.
    let mut end = ENVELOPE_HEAD.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    if format != Some(SourceFormat::Ocds)
        && head.contains("\"data\"")
        && !head.contains("\"releases\"")
        && !head.contains("\"records\"")
    {
        if let Some(json) = super::flat::envelope(text, current_year, pace).await {
            return json;
        }
    }
    match ocds {
        Ocds::AtOnce => read_ocds_json(text, format),
        Ocds::InSteps => match ocds_in_steps(text, format, pace).await {
            Ok(json) => json,
            Err(fault) => refused(not_json(fault)),
        },
    }
}

/// Bytes at the start of a JSON object in which an INAPROC envelope's `data` key is looked for.
const ENVELOPE_HEAD: usize = 64 * 1024;

fn refused(error: LoadError) -> Json {
    Json::Done(Box::new(Err(error)))
}

/// One member of a big object: its key and where its value is.
struct Member {
    key: String,
    span: (usize, usize),
}

/// The members of the big container at `span`, a member at a time: an object's keys (empty
/// for an array's items) and where each value is.
async fn walk(
    text: &str,
    ends: &Ends,
    span: (usize, usize),
    pace: &Pace,
) -> Result<Vec<Member>, Fault> {
    let mut walk = Members::new(text.as_bytes(), span);
    let mut found = Vec::new();
    while let Some((key, at)) = walk.next(text, ends, pace).await? {
        let end = tree::value_end(text, ends, at, walk.close())?;
        pace.spend(tree::units(end - at)).await;
        walk.ended(end);
        found.push(Member {
            key: key.unwrap_or_default(),
            span: (at, end),
        });
    }
    Ok(found)
}

/// Where the items of the big array at `span` are.
async fn items(
    text: &str,
    ends: &Ends,
    span: (usize, usize),
    pace: &Pace,
) -> Result<Vec<(usize, usize)>, Fault> {
    let found = walk(text, ends, span, pace).await?;
    Ok(found.into_iter().map(|item| item.span).collect())
}

/// A value of type `T` read from its own text (as a whole read reads it: the same code).
fn parse<T: DeserializeOwned>(text: &str, (start, end): (usize, usize)) -> Result<T, Fault> {
    serde_json::from_str(&text[start..end]).map_err(|error| tree::shifted(text, start, &error))
}

/// Where a value is in the text: from its first byte to one past its last.
type Span = (usize, usize);

/// A member to take out of a big object: its name, and the bracket its value opens with when it
/// is a big container (`[` a long list, `{` a big object).
type Taken<'a> = (&'a str, u8);

/// A big object's members split in two: the members named by `taken` (where the last member of
/// that name is a big container of that kind: earlier ones lose to it, as in a whole read), and
/// the object without them, as text. The object keeps only members of a name one of `kept`
/// reads, and only the last of each name.
fn split<const N: usize>(
    text: &str,
    ends: &Ends,
    found: &[Member],
    taken: [Taken; N],
    kept: &[&[&str]],
) -> ([Option<Span>; N], String) {
    // The last member of each name (a later one replaces an earlier one, as in a whole read).
    let mut last_of: crate::hash::Map<&str, usize> = Default::default();
    for (index, member) in found.iter().enumerate() {
        last_of.insert(member.key.as_str(), index);
    }
    let spans = taken.map(|(name, opening)| {
        let last = last_of.get(name).map(|index| &found[*index])?;
        tree::big(text, ends, last.span.0, opening)
    });
    let mut rest = String::from("{");
    for (index, member) in found.iter().enumerate() {
        let is_taken = taken
            .iter()
            .zip(&spans)
            .any(|((name, _), span)| span.is_some() && member.key == *name);
        // Left out: a member a later one of the same name replaces (a long list named twice
        // costs nothing), and one the object does not keep (it would be skipped).
        let replaced = last_of.get(member.key.as_str()) != Some(&index);
        let unread = !kept.iter().any(|keys| keys.contains(&member.key.as_str()));
        if is_taken || replaced || unread {
            continue;
        }
        if rest.len() > 1 {
            rest.push(',');
        }
        rest.push_str(&serde_json::Value::String(member.key.clone()).to_string());
        rest.push(':');
        rest.push_str(&text[member.span.0..member.span.1]);
    }
    rest.push('}');
    (spans, rest)
}

/// Each item of the list at `span`, read as `T` from its own text.
async fn read_items<T>(
    text: &str,
    ends: &Ends,
    span: (usize, usize),
    pace: &Pace,
) -> Result<Vec<Item<T>>, Fault>
where
    Item<T>: DeserializeOwned,
{
    let mut read = Vec::new();
    for item in items(text, ends, span, pace).await? {
        pace.spend(tree::units(item.1 - item.0)).await;
        read.push(parse(text, item)?);
    }
    Ok(read)
}

/// A release's long lists, read an item at a time into `release`.
async fn long_lists(
    text: &str,
    ends: &Ends,
    [parties, awards, contracts]: [Option<Span>; 3],
    release: &mut ocds::Release,
    pace: &Pace,
) -> Result<(), Fault> {
    if let Some(span) = parties {
        release.parties = Shaped::Set(read_items(text, ends, span, pace).await?);
    }
    if let Some(span) = awards {
        let mut read = Vec::new();
        for award in items(text, ends, span, pace).await? {
            read.push(award_at(text, ends, award, pace).await?);
        }
        release.awards = Shaped::Set(read);
    }
    if let Some(span) = contracts {
        release.contracts = Shaped::Set(read_items(text, ends, span, pace).await?);
    }
    Ok(())
}

/// A release's long lists.
const RELEASE_LISTS: [Taken; 3] = [("parties", b'['), ("awards", b'['), ("contracts", b'[')];

/// The object at `span` read as a `T` without the members `taken` (objects of `keys`), and
/// where those are; a small object is read whole.
async fn object_at<T, const N: usize>(
    text: &str,
    ends: &Ends,
    span: Span,
    (taken, keys): ([Taken<'_>; N], &[&[&str]]),
    pace: &Pace,
) -> Result<(Item<T>, [Option<Span>; N]), Fault>
where
    Item<T>: DeserializeOwned,
{
    pace.tick().await;
    let Some(object) = tree::big(text, ends, span.0, b'{') else {
        return Ok((parse(text, span)?, [None; N]));
    };
    let found = walk(text, ends, object, pace).await?;
    let (spans, rest) = split(text, ends, &found, taken, keys);
    Ok((serde_json::from_str(&rest).unwrap_or(Item::Other), spans))
}

/// The release at `span`, its long lists an item at a time.
async fn release_at(
    text: &str,
    ends: &Ends,
    span: Span,
    pace: &Pace,
) -> Result<Item<ocds::Release>, Fault> {
    let shape = (RELEASE_LISTS, &[ocds::Release::KEYS][..]);
    let (mut item, lists) = object_at(text, ends, span, shape, pace).await?;
    if let Item::Object(release) = &mut item {
        long_lists(text, ends, lists, release, pace).await?;
    }
    Ok(item)
}

/// The award at `span`, a long list of suppliers a supplier at a time.
async fn award_at(
    text: &str,
    ends: &Ends,
    span: Span,
    pace: &Pace,
) -> Result<Item<ocds::Award>, Fault> {
    let shape = ([("suppliers", b'[')], &[ocds::Award::KEYS][..]);
    let (mut item, [suppliers]) =
        object_at::<ocds::Award, 1>(text, ends, span, shape, pace).await?;
    if let (Item::Object(award), Some(span)) = (&mut item, suppliers) {
        award.suppliers = Shaped::Set(read_items(text, ends, span, pace).await?);
    }
    Ok(item)
}

/// The items of the long list at `span`, each a release read as [`release_at`] reads it.
async fn releases_at(
    text: &str,
    ends: &Ends,
    span: Span,
    pace: &Pace,
) -> Result<Vec<Item<ocds::Release>>, Fault> {
    let mut read = Vec::new();
    for release in items(text, ends, span, pace).await? {
        read.push(release_at(text, ends, release, pace).await?);
    }
    Ok(read)
}

/// The record at `span`, its releases (and a big compiled release) read as releases are.
async fn record_at(
    text: &str,
    ends: &Ends,
    span: Span,
    pace: &Pace,
) -> Result<Item<ocds::Record>, Fault> {
    let taken = [("releases", b'['), ("compiledRelease", b'{')];
    let shape = (taken, &[ocds::Record::KEYS][..]);
    let (mut item, [releases, compiled]) =
        object_at::<ocds::Record, 2>(text, ends, span, shape, pace).await?;
    if let Item::Object(record) = &mut item {
        if let Some(span) = releases {
            record.releases = Shaped::Set(releases_at(text, ends, span, pace).await?);
        }
        if let Some(span) = compiled {
            if let Item::Object(release) = release_at(text, ends, span, pace).await? {
                record.compiled = Shaped::Set(release);
            }
        }
    }
    Ok(item)
}

/// An OCDS document read in steps: the package (or record, or release) without its long lists
/// first, then each release or record, and each item of a long list.
async fn ocds_in_steps(
    text: &str,
    format: Option<SourceFormat>,
    pace: &Pace,
) -> Result<Json, Fault> {
    let (ends, start) = tree::ends(text, pace).await?;
    let Some(root) = tree::big(text, &ends, start, b'{') else {
        // Not one big object: short enough to read at once (or not OCDS at all).
        return Ok(read_ocds_json(text, format));
    };
    if !text[root.1..].trim().is_empty() {
        return Ok(json_sequence(text));
    }
    let found = walk(text, &ends, root, pace).await?;
    let [parties, awards, contracts] = RELEASE_LISTS;
    let taken = [
        ("releases", b'['),
        ("records", b'['),
        parties,
        awards,
        contracts,
    ];
    let keys = [ocds::Document::KEYS, ocds::Release::KEYS];
    let ([releases, records, parties, awards, contracts], rest) =
        split(text, &ends, &found, taken, &keys);
    drop(found);
    let Ok(ocds::Top::Object(mut document)) = serde_json::from_str::<ocds::Top>(&rest) else {
        return Ok(refused(LoadError::NotPantau));
    };
    drop(rest);
    // A document that is a release may hold long lists of its own.
    let lists = [parties, awards, contracts];
    long_lists(text, &ends, lists, &mut document.release, pace).await?;
    if let Some(span) = releases {
        document.releases = Shaped::Set(releases_at(text, &ends, span, pace).await?);
    }
    if let Some(span) = records {
        let mut read = Vec::new();
        for record in items(text, &ends, span, pace).await? {
            read.push(record_at(text, &ends, record, pace).await?);
        }
        document.records = Shaped::Set(read);
    }
    drop(ends);
    if document.format.as_str() == Some(FORMAT_NAME) && format != Some(SourceFormat::Ocds) {
        // Says Pantau's format in a way its tree did not (an escaped key): read as a whole read does.
        return Ok(read_ocds_json(text, format));
    }
    if !document.is_ocds() {
        return Ok(refused(LoadError::NotPantau));
    }
    let meta = PackageMeta::of(&document);
    let mut found = ocds::Grouped::default();
    let mut issues = Issues::new();
    ocds::releases_paced(*document, "", &mut found, &mut issues, pace).await;
    drop_items(found.forget_ocids(), pace).await;
    Ok(Json::Releases {
        found,
        issues,
        meta,
    })
}
