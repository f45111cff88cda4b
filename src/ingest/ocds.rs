//! Open Contracting Data Standard 1.1: release packages, record packages and JSON Lines of
//! releases, turned into one package per contracting process (`ocid`).
//!
//! Releases of one `ocid` are merged in date order (release id order for equal dates) by the
//! standard's merge rule, simplified: objects merge field by field, arrays of objects with an
//! `id` merge by `id`, anything else is replaced, `null` removes. A record's `compiledRelease`
//! is used as it is. So each process counts once, whatever the order or repetition of its
//! releases. Amounts in a currency other than the file's main one are never added to it: they
//! are reported and left out. Fractional amounts are rounded half away from zero to whole units.

use super::lenient::{lenient_object, merge_list, Item, Key, Leaf, List, Merge, Obj, Shaped};
use crate::format::{clean_text, DataIssue, Expected, Issues, Problem};
use crate::hash::Map as HashMap;
use crate::model::{
    Method, Package, ProcurementType, Provenance, Rupiah, StageAmounts, TenderFacts, TenderStatus,
    YearMonth,
};
use crate::pace::{drop_items, finish, Pace};
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
        min_value: Obj<Amount> = "minValue",
        max_value: Obj<Amount> = "maxValue",
        method: Leaf = "procurementMethod",
        category: Leaf = "mainProcurementCategory",
        tenderers: Leaf = "numberOfTenderers",
        period: Obj<Period> = "tenderPeriod",
        status: Leaf = "status",
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
    /// The keys a document keeps besides its release's ([`Release::KEYS`]).
    pub const KEYS: &'static [&'static str] = &[
        "format",
        "publisher",
        "license",
        "uri",
        "publishedDate",
        "compiledRelease",
        "releases",
        "records",
    ];

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

/// Releases and compiled releases in one parsed document (a package, a record, a release),
/// each added to its `ocid`'s group.
pub fn releases_in(document: Document, path: &str, found: &mut Grouped, issues: &mut Issues) {
    finish(releases_paced(
        document,
        path,
        found,
        issues,
        &Pace::unbounded(),
    ));
}

/// [`releases_in`], a release or record at a time.
pub async fn releases_paced(
    document: Document,
    path: &str,
    found: &mut Grouped,
    issues: &mut Issues,
    pace: &Pace,
) {
    let here = path.trim_end_matches('.');
    if document.release.ocid.is_present() {
        if document.compiled.is_present() || document.releases.is_present() {
            record_releases(
                document.compiled,
                document.releases,
                here,
                found,
                issues,
                pace,
            )
            .await;
        } else {
            found.add(Found {
                path: here.to_owned(),
                release: document.release,
                compiled: false,
            });
        }
    } else if let Shaped::Set(releases) = document.releases {
        for (index, release) in releases.into_iter().enumerate() {
            pace.tick().await;
            let path = format!("{path}releases[{index}]");
            match release {
                Item::Object(release) if release.ocid.is_present() => found.add(Found {
                    path,
                    release,
                    compiled: false,
                }),
                _ => issues.note(|| format!("{path}.ocid"), Problem::Missing),
            }
        }
    } else if let Shaped::Set(records) = document.records {
        for (index, record) in records.into_iter().enumerate() {
            pace.tick().await;
            let path = format!("{path}records[{index}]");
            match record {
                Item::Object(record) => {
                    let (compiled, releases) = (record.compiled, record.releases);
                    record_releases(compiled, releases, &path, found, issues, pace).await
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

async fn record_releases(
    compiled: Obj<Release>,
    releases: List<Item<Release>>,
    path: &str,
    found: &mut Grouped,
    issues: &mut Issues,
    pace: &Pace,
) {
    if let Shaped::Set(compiled) = compiled {
        found.add(Found {
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
        pace.tick().await;
        if let Item::Object(release) = release {
            if release.ocid.is_present() {
                found.add(Found {
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

    /// How many releases were added.
    pub fn len(&self) -> usize {
        self.next
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.next == 0
    }

    /// Forgets which group each `ocid` is in (no more releases will come), giving back what
    /// held it, to be dropped in steps.
    pub fn forget_ocids(&mut self) -> HashMap<String, usize> {
        std::mem::take(&mut self.index)
    }

    /// The groups, in order of first appearance.
    pub fn into_groups(self) -> impl Iterator<Item = Vec<(usize, Found)>> {
        self.groups.into_iter()
    }
}

/// Lists (parties, awards, contracts, an award's suppliers) from which a release is compiled
/// and packaged an item a step: otherwise a release is one step.
pub const LONG_LIST: usize = 1_000;

/// Whether a release names so many parties, awards, contracts or suppliers that its work goes
/// in steps.
pub fn is_long(release: &Release) -> bool {
    let long = |list_length: usize| list_length >= LONG_LIST;
    let awards = release.awards.items();
    long(release.parties.items().len())
        || long(awards.len())
        || long(release.contracts.items().len())
        || awards
            .iter()
            .filter_map(Item::get)
            .any(|award| long(award.suppliers.items().len()))
}

/// The compiled release of one `ocid`'s group: its compiled release as it is (the last one
/// wins), else its releases merged in date order.
pub fn compile_group(group: Vec<(usize, Found)>) -> Option<(String, Release)> {
    finish(compile_group_paced(group, &Pace::unbounded()))
}

/// [`compile_group`], an item of a long list at a time.
pub async fn compile_group_paced(
    mut group: Vec<(usize, Found)>,
    pace: &Pace,
) -> Option<(String, Release)> {
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
        merge_release(&mut compiled, &item.release, pace).await;
    }
    for (_, item) in group {
        dispose(item.release, pace).await;
    }
    Some((path, compiled))
}

/// Drops a release, its long lists an item at a time.
pub async fn dispose(mut release: Release, pace: &Pace) {
    if let Shaped::Set(parties) = std::mem::take(&mut release.parties) {
        drop_items(parties, pace).await;
    }
    if let Shaped::Set(awards) = std::mem::take(&mut release.awards) {
        for award in awards {
            pace.tick().await;
            if let Item::Object(mut award) = award {
                if let Shaped::Set(suppliers) = std::mem::take(&mut award.suppliers) {
                    drop_items(suppliers, pace).await;
                }
            }
        }
    }
    if let Shaped::Set(contracts) = std::mem::take(&mut release.contracts) {
        drop_items(contracts, pace).await;
    }
}

/// `into.merge(patch)`, the long lists an item at a time.
async fn merge_release(into: &mut Release, patch: &Release, pace: &Pace) {
    let Release {
        ocid,
        id,
        date,
        buyer,
        parties,
        tender,
        planning,
        awards,
        contracts,
    } = patch;
    into.ocid.merge(ocid);
    into.id.merge(id);
    into.date.merge(date);
    into.buyer.merge(buyer);
    into.tender.merge(tender);
    into.planning.merge(planning);
    merge_list(&mut into.parties, parties, pace).await;
    merge_list(&mut into.awards, awards, pace).await;
    merge_list(&mut into.contracts, contracts, pace).await;
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
    // Publishers write codes in any case (`idr`); amounts as numbers or as strings.
    let code = value.currency.as_str().unwrap_or("").trim();
    let amount = match number {
        Leaf::Text(text) if text.trim().is_empty() => {
            issues.note(|| format!("{}.amount", path()), Problem::Missing);
            return None;
        }
        Leaf::Text(text) => match super::cells::money(text) {
            Ok(Some((amount, _))) => Some(amount.0 as f64),
            Ok(None) | Err(_) => None,
        },
        other => other.as_f64(),
    };
    let problem = match amount {
        _ if !code.eq_ignore_ascii_case(currency) => Problem::OtherCurrency(clean_text(code)),
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

/// A tender's value given only as a range (OCDS `minValue`, `maxValue`), as whole rupiah:
/// `100000000–200000000` (either end may be missing).
fn range(tender: &Tender, path: &str, currency: &str, issues: &mut Issues) -> Option<String> {
    let at = |end: &'static str| move || format!("{path}.tender.{end}");
    let low = amount(&tender.min_value, at("minValue"), currency, issues);
    let high = amount(&tender.max_value, at("maxValue"), currency, issues);
    let end = |value: Option<Rupiah>| value.map_or_else(String::new, |value| value.0.to_string());
    (low.is_some() || high.is_some()).then(|| format!("{}–{}", end(low), end(high)))
}

/// Packages of OCDS processes: where none has an amount at any stage, every one counts (for no
/// money: the charts count packages) and the "no amount" issues are forgotten; else those
/// without an amount are left out, as their issues say.
pub fn counted_only(packages: &mut Vec<Package>, issues: &mut Issues) {
    let amountless = packages
        .iter()
        .filter(|package| package.amounts.is_empty())
        .count();
    if amountless == packages.len() {
        issues.forget(&Problem::NoAmount, amountless);
    } else {
        packages.retain(|package| !package.amounts.is_empty());
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
    finish(count_currencies_paced(release, counts, &Pace::unbounded()))
}

/// [`count_currencies`], an award or contract at a time.
pub async fn count_currencies_paced(
    release: &Release,
    counts: &mut HashMap<String, usize>,
    pace: &Pace,
) {
    let tender = release.tender.get().map(|tender| &tender.value);
    let values = tender
        .into_iter()
        .chain(objects(&release.awards).map(|(_, award)| &award.value))
        .chain(objects(&release.contracts).map(|(_, contract)| &contract.value));
    for value in values {
        pace.tick().await;
        let Some(code) = value.get().and_then(|value| value.currency.as_str()) else {
            continue;
        };
        // One currency however its code is written (`IDR`, `idr`, ` Idr `).
        let code = code.trim().to_ascii_uppercase();
        match counts.get_mut(&code) {
            Some(count) => *count += 1,
            None => {
                counts.insert(code, 1);
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
async fn live_total<T>(
    entries: &List<Item<T>>,
    (section, path): (&str, &str),
    currency: &str,
    issues: &mut Issues,
    status_and_value: fn(&T) -> (&Leaf, &Obj<Amount>),
    pace: &Pace,
) -> Option<Rupiah> {
    let mut amounts = Vec::new();
    for (index, entry) in objects(entries) {
        pace.tick().await;
        let (status, value) = status_and_value(entry);
        if live(status) {
            let at = || format!("{path}.{section}[{index}].value");
            amounts.push(amount(value, at, currency, issues));
        }
    }
    sum(amounts.into_iter())
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
    let pace = Pace::unbounded();
    finish(package_paced(
        path,
        release,
        (currency, fallback_year),
        issues,
        &pace,
    ))
}

/// [`package`], an item of a long list at a time; `currency` and `fallback_year` together.
pub async fn package_paced(
    path: &str,
    release: &Release,
    (currency, fallback_year): (&str, i32),
    issues: &mut Issues,
    pace: &Pace,
) -> Option<Package> {
    let parties = || objects(&release.parties).map(|(_, party)| party);
    let buyer = release.buyer.get();
    let buyer_id = buyer.and_then(|buyer| buyer.id.get());
    let mut buyer_party = None;
    for party in parties() {
        pace.tick().await;
        let is_buyer = (buyer_id.is_some() && party.id.get() == buyer_id)
            || party
                .roles
                .items()
                .iter()
                .any(|role| role.as_str() == Some("buyer"));
        if is_buyer {
            buyer_party = Some(party);
            break;
        }
    }
    let tender = release.tender.get();
    let budget = release
        .planning
        .get()
        .and_then(|planning| planning.budget.get())
        .map(|budget| &budget.amount);
    // The tender's value is the estimate (HPS, in SPSE's OCDS); it is also read as the
    // planned value, as it always was (the budget only where there is no tender value).
    let estimate = tender.and_then(|tender| {
        amount(
            &tender.value,
            || format!("{path}.tender.value"),
            currency,
            issues,
        )
    });
    let rencana = estimate.or_else(|| {
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
        ("contracts", path),
        currency,
        issues,
        |contract| (&contract.status, &contract.value),
        pace,
    )
    .await;
    let awarded = live_total(
        &release.awards,
        ("awards", path),
        currency,
        issues,
        |award| (&award.status, &award.value),
        pace,
    )
    .await;
    let mut payments = Vec::new();
    for (index, contract) in objects(&release.contracts) {
        let Some(implementation) = contract.implementation.get() else {
            continue;
        };
        for (number, transaction) in objects(&implementation.transactions) {
            pace.tick().await;
            let value = if transaction.value.is_present() {
                &transaction.value
            } else {
                &transaction.amount
            };
            let at =
                || format!("{path}.contracts[{index}].implementation.transactions[{number}].value");
            payments.push(amount(value, at, currency, issues));
        }
    }
    let paid = sum(payments.into_iter());
    let amounts = StageAmounts {
        rencana,
        komitmen: contracted.or(awarded),
        realisasi: paid,
    };
    if amounts.is_empty() {
        // Kept for a file where no process has an amount (then counted, [`counted_only`]);
        // left out of a file with amounts. A tender valued only as a range says so.
        issues.push(DataIssue::new(path, Problem::NoAmount));
        if let Some(range) = tender.and_then(|tender| range(tender, path, currency, issues)) {
            issues.push(DataIssue::new(
                format!("{path}.tender.minValue"),
                Problem::RangeOnly(range),
            ));
        }
    }
    let mut month = None;
    for (_, contract) in objects(&release.contracts) {
        pace.tick().await;
        month = month_of(&contract.signed);
        if month.is_some() {
            break;
        }
    }
    if month.is_none() {
        for (_, award) in objects(&release.awards) {
            pace.tick().await;
            month = month_of(&award.date);
            if month.is_some() {
                break;
            }
        }
    }
    let month = month
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
    let mut suppliers_named = false;
    for (_, award) in objects(&release.awards) {
        pace.tick().await;
        if !award.suppliers.items().is_empty() {
            suppliers_named = true;
            break;
        }
    }
    if suppliers_named {
        parties_by_id.reserve(release.parties.items().len());
        for party in parties() {
            pace.tick().await;
            parties_by_id.entry(party.id.get()).or_insert(party);
        }
    }
    let mut scales: Vec<&str> = Vec::new();
    // The winner: the first supplier of the first award that stands.
    let mut winner: Option<String> = None;
    for (_, award) in objects(&release.awards) {
        pace.tick().await;
        if !live(&award.status) {
            continue;
        }
        for (_, supplier) in objects(&award.suppliers) {
            pace.tick().await;
            if winner.is_none() {
                winner = text(&supplier.name).or_else(|| {
                    let party = parties_by_id.get(&supplier.id.get())?;
                    text(&party.name)
                });
            }
            let party = parties_by_id.get(&supplier.id.get());
            scales.extend(party.and_then(|party| party.details.get()?.scale.as_str()));
        }
    }
    let umkk =
        (!scales.is_empty()).then(|| scales.iter().all(|scale| matches!(*scale, "micro" | "sme")));
    Some(Package {
        id: text(&release.ocid),
        name: tender.and_then(|tender| text(&tender.title)),
        unit: buyer
            .and_then(|buyer| text(&buyer.name))
            .or_else(|| buyer_party.and_then(|party| text(&party.name))),
        region: buyer_party.and_then(|party| text(&party.address.get()?.region)),
        // OCDS names the buyer (the unit), not the government above it.
        government: None,
        method,
        kind,
        fiscal_year: month.map_or(fallback_year, |month| month.year),
        month,
        date: None,
        // The tender's period starts its selection (the ceilings are judged on that day).
        selection_day: tender
            .and_then(|tender| tender.period.get())
            .and_then(|period| period.start.as_str())
            .and_then(super::cells::day),
        amounts,
        pdn: None,
        umkk,
        local_values: None,
        non_ukm_reason: None,
        tenderers: tender.and_then(|tender| tender.tenderers.as_u64()),
        tender: TenderFacts::of(
            estimate,
            tender
                .and_then(|tender| tender.status.as_str())
                .and_then(TenderStatus::from_word),
            winner.map(String::into_boxed_str),
        ),
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

    #[test]
    fn merging_in_steps_merges_as_a_release_merge_does() {
        let releases = [
            r#"{"ocid": "o", "id": "1", "awards": [{"id": "a", "value": {"amount": 1}}, {"id": "b"}]}"#,
            r#"{"ocid": "o", "id": "2", "awards": [{"id": "b", "status": "cancelled"}, {"id": "c"}, {"id": "c", "date": "2024-01-01"}]}"#,
            r#"{"ocid": "o", "id": "3", "awards": [{"value": {"amount": 2}}], "parties": null}"#,
            r#"{"ocid": "o", "id": "4", "awards": {"id": "x"}, "parties": [{"id": "p"}, {"id": null}]}"#,
            r#"{"ocid": "o", "id": "5", "contracts": [{"id": "k", "implementation": {"transactions": [{"id": "t"}]}}], "parties": [{"id": "p", "name": "P"}], "buyer": {"id": "p"}}"#,
            r#"{"ocid": null, "awards": [], "contracts": null, "tender": {"title": "T"}}"#,
        ]
        .map(release);
        for first in &releases {
            for second in &releases {
                let mut merged = Release::default();
                merged.merge(first);
                merged.merge(second);
                let mut stepped = Release::default();
                let pace = Pace::unbounded();
                finish(merge_release(&mut stepped, first, &pace));
                finish(merge_release(&mut stepped, second, &pace));
                assert_eq!(stepped, merged, "{first:?} then {second:?}");
            }
        }
    }
}
