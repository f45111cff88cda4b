//! Open Contracting Data Standard 1.1: release packages, record packages and JSON Lines of
//! releases, turned into one package per contracting process (`ocid`).
//!
//! Releases of one `ocid` are merged in date order (release id order for equal dates) by the
//! standard's merge rule, simplified: objects merge field by field, arrays of objects with an
//! `id` merge by `id`, anything else is replaced, `null` removes. A record's `compiledRelease`
//! is used as it is. So each process counts once, whatever the order or repetition of its
//! releases. Amounts in a currency other than the file's main one are never added to it: they
//! are reported and left out. Fractional amounts are rounded half away from zero to whole units.

use super::lenient::{lenient_object, Item, Key, Leaf, List, Merge, Obj, Shaped};
use crate::format::{clean_text, DataIssue, Expected, Issues, Problem};
use crate::hash::Map as HashMap;
use crate::model::{Method, Package, ProcurementType, Provenance, Rupiah, StageAmounts, YearMonth};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

lenient_object! {
    /// A release, with only the fields the widget reads: everything else is skipped while the
    /// file is parsed, so a large file costs memory for what is shown, not for what is published.
    pub struct Release {
        ocid: Leaf = "ocid",
        id: Leaf = "id",
        date: Leaf = "date",
        buyer: Obj<Named> = "buyer",
        parties: List<Item<Party>> = "parties",
        tender: Obj<Tender> = "tender",
        planning: Obj<Planning> = "planning",
        awards: List<Item<Award>> = "awards",
        contracts: List<Item<Contract>> = "contracts",
    }
}

lenient_object! {
    /// An organization reference (buyer, supplier) or a publisher.
    pub struct Named {
        id: Leaf = "id",
        name: Leaf = "name",
    }
    id = id
}

lenient_object! {
    /// An organization taking part.
    pub struct Party {
        id: Leaf = "id",
        name: Leaf = "name",
        roles: List<Leaf> = "roles",
        address: Obj<Address> = "address",
        details: Obj<Details> = "details",
    }
    id = id
}

lenient_object! {
    /// Where an organization is.
    pub struct Address {
        region: Leaf = "region",
    }
}

lenient_object! {
    /// What an organization is (its size).
    pub struct Details {
        scale: Leaf = "scale",
    }
}

lenient_object! {
    /// The tender.
    pub struct Tender {
        title: Leaf = "title",
        value: Obj<Amount> = "value",
        method: Leaf = "procurementMethod",
        category: Leaf = "mainProcurementCategory",
        tenderers: Leaf = "numberOfTenderers",
        period: Obj<Period> = "tenderPeriod",
    }
}

lenient_object! {
    /// A period.
    pub struct Period {
        start: Leaf = "startDate",
    }
}

lenient_object! {
    /// Planning: the budget.
    pub struct Planning {
        budget: Obj<Budget> = "budget",
    }
}

lenient_object! {
    /// A budget.
    pub struct Budget {
        amount: Obj<Amount> = "amount",
    }
}

lenient_object! {
    /// An amount of money.
    pub struct Amount {
        amount: Leaf = "amount",
        currency: Leaf = "currency",
    }
}

lenient_object! {
    /// An award.
    pub struct Award {
        id: Leaf = "id",
        status: Leaf = "status",
        date: Leaf = "date",
        value: Obj<Amount> = "value",
        suppliers: List<Item<Named>> = "suppliers",
    }
    id = id
}

lenient_object! {
    /// A contract.
    pub struct Contract {
        id: Leaf = "id",
        status: Leaf = "status",
        signed: Leaf = "dateSigned",
        value: Obj<Amount> = "value",
        implementation: Obj<Implementation> = "implementation",
    }
    id = id
}

lenient_object! {
    /// A contract's implementation: its payments.
    pub struct Implementation {
        transactions: List<Item<Transaction>> = "transactions",
    }
}

lenient_object! {
    /// A payment (`value`, or `amount` in OCDS 1.0).
    pub struct Transaction {
        id: Leaf = "id",
        value: Obj<Amount> = "value",
        amount: Obj<Amount> = "amount",
    }
    id = id
}

lenient_object! {
    /// A record: a compiled release, or releases to compile.
    pub struct Record {
        ocid: Leaf = "ocid",
        compiled: Obj<Release> = "compiledRelease",
        releases: List<Item<Release>> = "releases",
    }
}

/// A top-level JSON object of an OCDS input: a release or record package, a record or a
/// release, or a Pantau file (recognised by `format`, then read as a JSON tree).
#[derive(Debug, Default)]
pub struct Document {
    /// `format` (Pantau's own files say `pantau-pbj`).
    pub format: Leaf,
    /// A package's publisher.
    pub publisher: Obj<Named>,
    /// A package's licence.
    pub license: Leaf,
    /// A package's address.
    pub uri: Leaf,
    /// A package's date.
    pub published: Leaf,
    /// A record's compiled release.
    pub compiled: Obj<Release>,
    /// A release package's (or a record's) releases.
    pub releases: List<Item<Release>>,
    /// A record package's records.
    pub records: List<Item<Record>>,
    /// The document's own release fields (when it is a release or record).
    pub release: Release,
}

impl Document {
    /// Whether the document looks like OCDS at all.
    pub fn is_ocds(&self) -> bool {
        self.release.ocid.is_present()
            || self.compiled.is_present()
            || self.releases.is_present()
            || self.records.is_present()
    }
}

/// Any top-level JSON value: an object read as a [`Document`], anything else skipped.
pub enum Top {
    /// A JSON object.
    Object(Box<Document>),
    /// Anything else.
    Other,
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = Top;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Top, E> {
                Ok(Top::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Top, E> {
                Ok(Top::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Top, E> {
                Ok(Top::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Top, E> {
                Ok(Top::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Top, E> {
                Ok(Top::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Top, E> {
                Ok(Top::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Top::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
                let mut document = Document::default();
                while let Some(key) = map.next_key::<Key>()? {
                    match &*key.0 {
                        "format" => document.format = map.next_value()?,
                        "publisher" => document.publisher = map.next_value()?,
                        "license" => document.license = map.next_value()?,
                        "uri" => document.uri = map.next_value()?,
                        "publishedDate" => document.published = map.next_value()?,
                        "compiledRelease" => document.compiled = map.next_value()?,
                        "releases" => document.releases = map.next_value()?,
                        "records" => document.records = map.next_value()?,
                        key => {
                            if !document.release.set(key, &mut map)? {
                                map.next_value::<IgnoredAny>()?;
                            }
                        }
                    }
                }
                Ok(Top::Object(Box::new(document)))
            }
        }
        deserializer.deserialize_any(TopVisitor)
    }
}

/// A release (or compiled release) found in the input, with where it was.
#[derive(Debug)]
pub struct Found {
    /// JSON path or line, for data issues.
    pub path: String,
    /// The release.
    pub release: Release,
    /// Whether it is already compiled (a record's `compiledRelease`).
    pub compiled: bool,
}

/// Releases and compiled releases in one parsed document (a package, a record, a release).
pub fn releases_in(document: Document, path: &str, found: &mut Vec<Found>, issues: &mut Issues) {
    let here = path.trim_end_matches('.');
    if document.release.ocid.is_present() {
        if document.compiled.is_present() || document.releases.is_present() {
            record_releases(document.compiled, document.releases, here, found, issues);
        } else {
            found.push(Found {
                path: here.to_owned(),
                release: document.release,
                compiled: false,
            });
        }
    } else if let Shaped::Set(releases) = document.releases {
        for (index, release) in releases.into_iter().enumerate() {
            let path = format!("{path}releases[{index}]");
            match release {
                Item::Object(release) if release.ocid.is_present() => found.push(Found {
                    path,
                    release,
                    compiled: false,
                }),
                _ => issues.note(|| format!("{path}.ocid"), Problem::Missing),
            }
        }
    } else if let Shaped::Set(records) = document.records {
        for (index, record) in records.into_iter().enumerate() {
            let path = format!("{path}records[{index}]");
            match record {
                Item::Object(record) => {
                    record_releases(record.compiled, record.releases, &path, found, issues)
                }
                Item::Other => {
                    issues.push(DataIssue::new(path, Problem::WrongType(Expected::Object)))
                }
            }
        }
    } else {
        issues.note(|| format!("{path}ocid"), Problem::Missing);
    }
}

fn record_releases(
    compiled: Obj<Release>,
    releases: List<Item<Release>>,
    path: &str,
    found: &mut Vec<Found>,
    issues: &mut Issues,
) {
    if let Shaped::Set(compiled) = compiled {
        found.push(Found {
            path: format!("{path}.compiledRelease"),
            release: compiled,
            compiled: true,
        });
        return;
    }
    // Without a compiled release, a record's releases count only if they are whole releases
    // (not links to them).
    let before = found.len();
    let releases = match releases {
        Shaped::Set(releases) => releases,
        _ => Vec::new(),
    };
    for (index, release) in releases.into_iter().enumerate() {
        if let Item::Object(release) = release {
            if release.ocid.is_present() {
                found.push(Found {
                    path: format!("{path}.releases[{index}]"),
                    release,
                    compiled: false,
                });
            }
        }
    }
    if found.len() == before {
        issues.note(|| format!("{path}.compiledRelease"), Problem::Missing);
    }
}

/// Releases gathered by `ocid`, in order of first appearance (file order within an `ocid`).
#[derive(Default)]
pub struct Grouped {
    index: HashMap<String, usize>,
    groups: Vec<Vec<(usize, Found)>>,
    next: usize,
}

impl Grouped {
    /// Adds a release (or compiled release) to its `ocid`.
    pub fn add(&mut self, item: Found) {
        let ocid = item
            .release
            .ocid
            .as_str()
            .map(clean_text)
            .unwrap_or_default();
        let count = self.groups.len();
        let group = *self.index.entry(ocid).or_insert(count);
        if group == count {
            // Most processes have one release: no room reserved for more (a release is large).
            self.groups.push(Vec::with_capacity(1));
        }
        self.groups[group].push((self.next, item));
        self.next += 1;
    }

    /// The groups, in order of first appearance.
    pub fn into_groups(self) -> impl Iterator<Item = Vec<(usize, Found)>> {
        self.groups.into_iter()
    }
}

/// The compiled release of one `ocid`'s group: its compiled release as it is (the last one
/// wins), else its releases merged in date order.
pub fn compile_group(mut group: Vec<(usize, Found)>) -> Option<(String, Release)> {
    if let Some(position) = group.iter().rposition(|(_, item)| item.compiled) {
        let (_, compiled) = group.swap_remove(position);
        return Some((compiled.path, compiled.release));
    }
    if group.len() == 1 {
        // One release is its own compiled release: merged into nothing (as below), it only
        // loses its top-level nulls; no copy needed.
        let (_, only) = group.pop()?;
        let mut release = only.release;
        release.forget_null();
        return Some((only.path, release));
    }
    // Date order; releases of the same date by their id, so that the file's order never
    // matters.
    let key = |item: &Found| {
        let text = |leaf: &Leaf| leaf.as_str().unwrap_or("").to_owned();
        (text(&item.release.date), text(&item.release.id))
    };
    group.sort_by(|(a_index, a), (b_index, b)| key(a).cmp(&key(b)).then(a_index.cmp(b_index)));
    // Identical releases (the same release published twice) merge to the same result.
    let path = group
        .last()
        .map(|(_, item)| item.path.clone())
        .unwrap_or_default();
    let mut compiled = Release::default();
    for (_, item) in &group {
        compiled.merge(&item.release);
    }
    Some((path, compiled))
}

/// An amount of a `{amount, currency}` value in `currency`; `None` when absent or unusable, or
/// in another currency (both reported).
fn amount(
    value: &Obj<Amount>,
    path: impl FnOnce() -> String,
    currency: &str,
    issues: &mut Issues,
) -> Option<Rupiah> {
    let value = value.get()?;
    let number = value.amount.get()?;
    let code = value.currency.as_str().unwrap_or("");
    let problem = match number.as_f64() {
        _ if code != currency => Problem::OtherCurrency(clean_text(code)),
        Some(amount) if amount.is_finite() && (0.0..9.2e18).contains(&amount) => {
            return Some(Rupiah(amount.round() as i64))
        }
        Some(amount) if amount < 0.0 => Problem::Negative,
        _ => Problem::WrongType(Expected::WholeNumber),
    };
    let field = match problem {
        Problem::OtherCurrency(_) => "currency",
        _ => "amount",
    };
    issues.note(|| format!("{}.{field}", path()), problem);
    None
}

fn sum(amounts: impl Iterator<Item = Option<Rupiah>>) -> Option<Rupiah> {
    let present: Vec<Rupiah> = amounts.flatten().collect();
    if present.is_empty() {
        None
    } else {
        Rupiah::checked_sum(present)
    }
}

/// The objects of a list (items that are not objects are skipped).
fn objects<T>(list: &List<Item<T>>) -> impl Iterator<Item = (usize, &T)> {
    list.items()
        .iter()
        .enumerate()
        .filter_map(|(index, item)| Some((index, item.get()?)))
}

fn text(leaf: &Leaf) -> Option<String> {
    leaf.as_str()
        .map(clean_text)
        .filter(|text| !text.is_empty())
}

fn month_of(leaf: &Leaf) -> Option<YearMonth> {
    leaf.as_str()
        .and_then(|date| YearMonth::parse(date.get(..7)?))
}

/// Counts the currencies of a compiled release's amounts (tender, awards, contracts).
pub fn count_currencies(release: &Release, counts: &mut HashMap<String, usize>) {
    let tender = release.tender.get().map(|tender| &tender.value);
    let values = tender
        .into_iter()
        .chain(objects(&release.awards).map(|(_, award)| &award.value))
        .chain(objects(&release.contracts).map(|(_, contract)| &contract.value));
    for code in values.filter_map(|value| value.get()?.currency.as_str()) {
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

/// The total value, in `currency`, of the awards or contracts (`section`) that still count.
fn live_total<T>(
    entries: &List<Item<T>>,
    section: &str,
    path: &str,
    currency: &str,
    issues: &mut Issues,
    status_and_value: fn(&T) -> (&Leaf, &Obj<Amount>),
) -> Option<Rupiah> {
    sum(objects(entries)
        .map(|(index, entry)| (index, status_and_value(entry)))
        .filter(|(_, (status, _))| live(status))
        .map(|(index, (_, value))| {
            amount(
                value,
                || format!("{path}.{section}[{index}].value"),
                currency,
                issues,
            )
        }))
}

/// Whether an award or contract still counts (not cancelled or unsuccessful).
fn live(status: &Leaf) -> bool {
    !matches!(status.as_str(), Some("cancelled" | "unsuccessful"))
}

/// The package of one compiled release, with amounts in `currency`.
pub fn package(
    path: &str,
    release: &Release,
    currency: &str,
    fallback_year: i32,
    issues: &mut Issues,
) -> Option<Package> {
    let parties = || objects(&release.parties).map(|(_, party)| party);
    let buyer = release.buyer.get();
    let buyer_id = buyer.and_then(|buyer| buyer.id.get());
    let buyer_party = parties().find(|party| {
        (buyer_id.is_some() && party.id.get() == buyer_id)
            || party
                .roles
                .items()
                .iter()
                .any(|role| role.as_str() == Some("buyer"))
    });
    let tender = release.tender.get();
    let budget = release
        .planning
        .get()
        .and_then(|planning| planning.budget.get())
        .map(|budget| &budget.amount);
    let rencana = tender
        .and_then(|tender| {
            amount(
                &tender.value,
                || format!("{path}.tender.value"),
                currency,
                issues,
            )
        })
        .or_else(|| {
            let budget = budget?;
            amount(
                budget,
                || format!("{path}.planning.budget.amount"),
                currency,
                issues,
            )
        });
    let contracted = live_total(
        &release.contracts,
        "contracts",
        path,
        currency,
        issues,
        |contract| (&contract.status, &contract.value),
    );
    let awarded = live_total(&release.awards, "awards", path, currency, issues, |award| {
        (&award.status, &award.value)
    });
    let paid = sum(objects(&release.contracts)
        .filter_map(|(index, contract)| Some((index, contract.implementation.get()?)))
        .flat_map(|(index, implementation)| {
            objects(&implementation.transactions)
                .map(move |(number, transaction)| (index, number, transaction))
        })
        .map(|(index, number, transaction)| {
            let value = if transaction.value.is_present() {
                &transaction.value
            } else {
                &transaction.amount
            };
            amount(
                value,
                || format!("{path}.contracts[{index}].implementation.transactions[{number}].value"),
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
    let month = objects(&release.contracts)
        .find_map(|(_, contract)| month_of(&contract.signed))
        .or_else(|| objects(&release.awards).find_map(|(_, award)| month_of(&award.date)))
        .or_else(|| {
            let period = tender?.period.get()?;
            month_of(&period.start)
        })
        .or_else(|| month_of(&release.date));
    let method = tender
        .and_then(|tender| text(&tender.method))
        .and_then(|code| match code.as_str() {
            "open" => Some(Method::Open),
            "selective" => Some(Method::Selective),
            "limited" => Some(Method::Limited),
            "direct" => Some(Method::Direct),
            _ => None,
        });
    let kind = tender
        .and_then(|tender| text(&tender.category))
        .and_then(|code| match code.as_str() {
            "goods" => Some(ProcurementType::Barang),
            "works" => Some(ProcurementType::PekerjaanKonstruksi),
            "services" => Some(ProcurementType::Jasa),
            _ => None,
        });
    // Supplier size: micro or sme counts as small (OCDS does not tell small from medium);
    // any large supplier makes the package not small; unknown when no supplier says.
    // Each supplier's party, found through a map of the parties by id (the first with an id,
    // as a search would find it): a release may name thousands of each.
    let mut parties_by_id: HashMap<Option<&Leaf>, &Party> = HashMap::default();
    if objects(&release.awards).any(|(_, award)| !award.suppliers.items().is_empty()) {
        for party in parties() {
            parties_by_id.entry(party.id.get()).or_insert(party);
        }
    }
    let scales: Vec<&str> = objects(&release.awards)
        .filter(|(_, award)| live(&award.status))
        .flat_map(|(_, award)| objects(&award.suppliers))
        .filter_map(|(_, supplier)| parties_by_id.get(&supplier.id.get()).copied())
        .filter_map(|party| party.details.get()?.scale.as_str())
        .collect();
    let umkk =
        (!scales.is_empty()).then(|| scales.iter().all(|scale| matches!(*scale, "micro" | "sme")));
    Some(Package {
        id: text(&release.ocid),
        name: tender.and_then(|tender| text(&tender.title)),
        unit: buyer
            .and_then(|buyer| text(&buyer.name))
            .or_else(|| buyer_party.and_then(|party| text(&party.name))),
        region: buyer_party.and_then(|party| text(&party.address.get()?.region)),
        method,
        kind,
        fiscal_year: month.map_or(fallback_year, |month| month.year),
        month,
        amounts,
        pdn: None,
        umkk,
        tenderers: tender.and_then(|tender| tender.tenderers.as_u64()),
        count: 1,
        provenance: Provenance::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(json: &str) -> Release {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn one_release_compiles_to_itself_as_a_merge_would() {
        let only = release(
            r#"{"ocid": "o", "id": "r", "buyer": null, "tender": {"value": null, "title": "T"}}"#,
        );
        let group = vec![(
            0,
            Found {
                path: "x".into(),
                release: only.clone(),
                compiled: false,
            },
        )];
        let mut merged = Release::default();
        merged.merge(&only);
        assert_eq!(compile_group(group), Some(("x".to_owned(), merged)));
    }

    #[test]
    fn only_what_the_widget_reads_is_kept() {
        let read = release(
            r#"{
            "ocid": "o", "id": "r", "date": "2024-01-01", "language": "en", "tag": ["tender"],
            "tender": {"value": {"amount": 1, "currency": "IDR"}, "items": [{"id": 1}], "documents": [], "numberOfTenderers": 2},
            "awards": [{"id": "a", "value": {"amount": 1, "currency": "IDR"}, "documents": [], "suppliers": [{"id": "s"}]}],
            "parties": [{"id": "s", "name": "S", "roles": ["supplier"], "contactPoint": {"email": "x"}, "details": {"scale": "micro"}}],
            "planning": {"budget": {"amount": {"amount": 5}}, "rationale": "long text"},
            "buyer": null
        }"#,
        );
        let same = release(
            r#"{
            "ocid": "o", "id": "r", "date": "2024-01-01",
            "tender": {"value": {"amount": 1, "currency": "IDR"}, "numberOfTenderers": 2},
            "awards": [{"id": "a", "value": {"amount": 1, "currency": "IDR"}, "suppliers": [{"id": "s"}]}],
            "parties": [{"id": "s", "name": "S", "roles": ["supplier"], "details": {"scale": "micro"}}],
            "planning": {"budget": {"amount": {"amount": 5}}},
            "buyer": null
        }"#,
        );
        assert_eq!(read, same);
        assert_eq!(read.buyer, Shaped::Null);
        assert_eq!(
            read.tender
                .get()
                .and_then(|tender| tender.tenderers.as_u64()),
            Some(2)
        );
    }
}
