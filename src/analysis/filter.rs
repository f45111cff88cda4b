//! The reader's filters (fiscal year, spending unit, region, method, type) and stage of money,
//! and the dataset they narrow to. Views are pure functions of that narrowed dataset, so a
//! filtered chart and its table count exactly the same packages.

use crate::hash::{Map as HashMap, Set as HashSet};
use crate::model::{
    Breakdown, Code, Dataset, Figure, LocalBasis, LocalContent, Method, MonthlyAmount, Package,
    ProcurementType, Provenance, Rupiah, Spending, Stage, SupplierIndicators, UnitContent,
};
use crate::pace::{self, finish, Pace};
use std::hash::Hash;

/// What the reader chose; `None` is "all" (for the year and stage: the dataset's default).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Fiscal year (tahun anggaran).
    pub year: Option<i32>,
    /// Spending unit (perangkat daerah); choosing one is the drill-down.
    pub unit: Option<String>,
    /// Region (kabupaten/kota).
    pub region: Option<String>,
    /// Government (K/L/PD), in a file that holds several.
    pub government: Option<String>,
    /// Selection method.
    pub method: Option<Method>,
    /// Procurement type.
    pub kind: Option<ProcurementType>,
    /// Stage of money counted.
    pub stage: Option<Stage>,
}

impl Filter {
    /// The address parameters, in a fixed order; only those set.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        params.extend(self.year.map(|year| ("year", year.to_string())));
        params.extend(self.unit.clone().map(|unit| ("unit", unit)));
        params.extend(self.region.clone().map(|region| ("region", region)));
        params.extend(
            self.government
                .clone()
                .map(|government| ("government", government)),
        );
        params.extend(
            self.method
                .map(|method| ("method", method.code().to_owned())),
        );
        params.extend(self.kind.map(|kind| ("type", kind.code().to_owned())));
        params.extend(self.stage.map(|stage| ("stage", stage.code().to_owned())));
        params
    }

    /// Every parameter name [`Filter::params`] may write.
    pub const PARAM_NAMES: [&'static str; 7] = [
        "year",
        "unit",
        "region",
        "government",
        "method",
        "type",
        "stage",
    ];

    /// Reads the parameters through `param` (which returns a non-empty value or `None`);
    /// values that cannot be read are ignored.
    pub fn from_params(param: impl Fn(&str) -> Option<String>) -> Filter {
        Filter {
            year: param("year").and_then(|year| year.trim().parse().ok()),
            unit: param("unit").map(|unit| crate::format::clean_text(&unit)),
            region: param("region").map(|region| crate::format::clean_text(&region)),
            government: param("government").map(|name| crate::format::clean_text(&name)),
            method: param("method").and_then(|code| Method::from_code(&code)),
            kind: param("type").and_then(|code| ProcurementType::from_code(&code)),
            stage: param("stage").and_then(|code| Stage::from_code(&code)),
        }
    }

    /// The value of one address parameter (`year`, `unit`, …), if set.
    pub fn param(&self, name: &str) -> Option<String> {
        self.params()
            .into_iter()
            .find(|(known, _)| *known == name)
            .map(|(_, value)| value)
    }

    /// Sets one address parameter from its value (empty clears it; an unreadable one too).
    pub fn set_param(&mut self, name: &str, value: &str) {
        let mut params = self.params();
        params.retain(|(known, _)| *known != name);
        let value = value.trim();
        let replaced = Filter::from_params(|wanted| {
            if wanted == name {
                Some(value.to_owned()).filter(|value| !value.is_empty())
            } else {
                params
                    .iter()
                    .find(|(known, _)| *known == wanted)
                    .map(|(_, value)| value.clone())
            }
        });
        *self = replaced;
    }

    /// Whether anything narrows the data (the year and stage only choose what is counted).
    pub fn narrows(&self) -> bool {
        self.unit.is_some()
            || self.region.is_some()
            || self.government.is_some()
            || self.method.is_some()
            || self.kind.is_some()
    }

    fn admits(&self, package: &Package, year: i32) -> bool {
        package.fiscal_year == year
            && admits(&self.unit, &package.unit)
            && admits(&self.region, &package.region)
            && admits(&self.government, &package.government)
            && admits(&self.method, &package.method)
            && admits(&self.kind, &package.kind)
    }
}

fn admits<T: PartialEq>(wanted: &Option<T>, actual: &Option<T>) -> bool {
    wanted.is_none() || wanted == actual
}

/// The choices a dataset offers for each filter, sorted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// Fiscal years, oldest first.
    pub years: Vec<i32>,
    /// Spending units, by name unless there are more than [`SORTED_CHOICES`].
    pub units: Vec<String>,
    /// Regions, by name unless there are more than [`SORTED_CHOICES`].
    pub regions: Vec<String>,
    /// Governments (K/L/PD), by name unless there are more than [`SORTED_CHOICES`].
    pub governments: Vec<String>,
    /// Methods in vocabulary order.
    pub methods: Vec<Method>,
    /// Types in vocabulary order.
    pub kinds: Vec<ProcurementType>,
    /// Stages with amounts, in order of the money's life.
    pub stages: Vec<Stage>,
    /// The year shown when none is chosen.
    pub default_year: i32,
}

/// Choices a searchable filter lists at most (a filter with more than this many values is
/// searched, not scrolled).
pub const CHOICES_SHOWN: usize = 50;

/// Where the first [`CHOICES_SHOWN`] of `texts` are in alphabetical order, in that order,
/// without sorting the others.
pub fn first_choices<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let texts: Vec<&str> = texts.collect();
    let mut first: Vec<usize> = (0..texts.len()).collect();
    let alphabetical = |a: &usize, b: &usize| texts[*a].cmp(texts[*b]).then(a.cmp(b));
    if first.len() > CHOICES_SHOWN {
        first.select_nth_unstable_by(CHOICES_SHOWN - 1, alphabetical);
        first.truncate(CHOICES_SHOWN);
    }
    first.sort_unstable_by(alphabetical);
    first
}

/// Lists of names longer than this are not sorted (hundreds of thousands of names would take
/// one long task): [`matching`] sorts the few it shows.
pub const SORTED_CHOICES: usize = 2_000;

/// The choices that contain `query` (case-insensitively), the first [`CHOICES_SHOWN`] of them
/// in alphabetical order, and how many match in all. `folded` holds each choice's text in lower
/// case. Picks the first without sorting every match: work grows with the number of choices.
pub fn matching(folded: &[String], query: &str) -> (Vec<usize>, usize) {
    let query = query.trim().to_lowercase();
    let mut shown: Vec<usize> = (0..folded.len())
        .filter(|index| query.is_empty() || folded[*index].contains(&query))
        .collect();
    let count = shown.len();
    let alphabetical = |a: &usize, b: &usize| folded[*a].cmp(&folded[*b]).then(a.cmp(b));
    if shown.len() > CHOICES_SHOWN {
        shown.select_nth_unstable_by(CHOICES_SHOWN - 1, alphabetical);
        shown.truncate(CHOICES_SHOWN);
    }
    shown.sort_unstable_by(alphabetical);
    (shown, count)
}

/// Distinct names: hashed (many packages, few names), each copied once, then sorted unless
/// there are more than [`SORTED_CHOICES`].
async fn distinct<'a>(values: impl Iterator<Item = &'a str>, pace: &Pace) -> Vec<String> {
    let mut distinct: HashSet<&str> = HashSet::default();
    for value in values {
        pace.tick().await;
        distinct.insert(value);
    }
    choices(distinct, pace).await
}

/// Names already distinct, each copied once, sorted unless there are more than
/// [`SORTED_CHOICES`].
async fn choices(distinct: HashSet<&str>, pace: &Pace) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(distinct.len());
    for name in distinct {
        pace.tick().await;
        names.push(name.to_owned());
    }
    if names.len() <= SORTED_CHOICES {
        names.sort_unstable();
    }
    names
}

/// Marks `value`'s place in its vocabulary as seen.
fn seen<T: Code + PartialEq>(seen: &mut [bool], value: Option<T>) {
    let place = value.and_then(|value| T::ALL.iter().position(|known| *known == value));
    if let Some(flag) = place.and_then(|place| seen.get_mut(place)) {
        *flag = true;
    }
}

/// The values of a vocabulary marked as seen, in vocabulary order.
fn chosen<T: Code>(seen: &[bool]) -> Vec<T> {
    T::ALL
        .iter()
        .zip(seen)
        .filter_map(|(value, seen)| seen.then_some(*value))
        .collect()
}

/// The year shown when none is chosen: the file's fiscal year if its packages have it, else
/// their latest year.
fn default_year(dataset: &Dataset) -> i32 {
    let wanted = dataset.meta.fiscal_year;
    let years = dataset.packages.iter().map(|package| package.fiscal_year);
    if years.clone().any(|year| year == wanted) {
        wanted
    } else {
        years.max().unwrap_or(wanted)
    }
}

/// What the reader can choose from in `dataset`.
pub fn options(dataset: &Dataset) -> Options {
    finish(options_paced(dataset, &Pace::unbounded()))
}

/// [`options`], a package at a time ([`Pace`]).
pub async fn options_paced(dataset: &Dataset, pace: &Pace) -> Options {
    let packages = &dataset.packages;
    if packages.is_empty() {
        // Each ready-made section covers one year: there is no year to choose, only units of
        // the local-content section to drill into.
        let content = dataset.local_content.iter();
        let units = content.flat_map(|content| content.by_unit.iter().map(|unit| &*unit.unit));
        return Options {
            units: distinct(units, pace).await,
            default_year: dataset.meta.fiscal_year,
            ..Options::default()
        };
    }
    // One pass over the packages (each pass over 100.000 of them costs milliseconds in a
    // browser): the distinct years, names and vocabulary values.
    let mut years: Vec<i32> = Vec::new();
    let mut units: HashSet<&str> = HashSet::default();
    let mut regions: HashSet<&str> = HashSet::default();
    let mut governments: HashSet<&str> = HashSet::default();
    let mut methods = vec![false; Method::ALL.len()];
    let mut kinds = vec![false; ProcurementType::ALL.len()];
    let mut stages = vec![false; Stage::ALL.len()];
    for package in packages {
        pace.tick().await;
        if !years.contains(&package.fiscal_year) {
            years.push(package.fiscal_year);
        }
        if let Some(unit) = &package.unit {
            units.insert(unit);
        }
        if let Some(region) = &package.region {
            regions.insert(region);
        }
        if let Some(government) = &package.government {
            governments.insert(government);
        }
        seen(&mut methods, package.method);
        seen(&mut kinds, package.kind);
        for (flag, stage) in stages.iter_mut().zip(Stage::ALL) {
            *flag |= package.amounts.at(*stage).is_some();
        }
    }
    years.sort_unstable();
    let default_year = default_year(dataset);
    Options {
        units: choices(units, pace).await,
        regions: choices(regions, pace).await,
        governments: choices(governments, pace).await,
        methods: chosen(&methods),
        kinds: chosen(&kinds),
        stages: chosen(&stages),
        years,
        default_year,
    }
}

/// The dataset as the reader's filters narrow it: spending and local content aggregated from
/// the admitted packages (or, for a file of ready-made figures, the sections that the filters
/// can honestly narrow; the others are left out). Targets are province-wide and kept.
pub fn apply(dataset: &Dataset, filter: &Filter) -> Dataset {
    finish(apply_paced(
        dataset,
        filter,
        &Pace::unbounded(),
        Oversee::Yes,
    ))
}

/// [`apply`], with the oversight indicators or without them (`Dataset::oversight` then stays
/// `None`): every view but the oversight view needs none, at about half the work on
/// package-level data.
pub fn apply_with(dataset: &Dataset, filter: &Filter, oversee: Oversee) -> Dataset {
    finish(apply_paced(dataset, filter, &Pace::unbounded(), oversee))
}

/// Whether a narrowed dataset gets the oversight indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Oversee {
    /// With the indicators (the oversight view is shown).
    Yes,
    /// Without them (every other view).
    No,
}

impl Oversee {
    /// Whether the view shown needs the indicators (only the oversight view does).
    pub fn when(needed: bool) -> Oversee {
        match needed {
            true => Oversee::Yes,
            false => Oversee::No,
        }
    }
}

/// [`apply`], a package at a time ([`Pace`]).
pub async fn apply_paced(
    dataset: &Dataset,
    filter: &Filter,
    pace: &Pace,
    oversee: Oversee,
) -> Dataset {
    let mut narrowed = Dataset {
        meta: dataset.meta.clone(),
        spending: None,
        local_content: None,
        targets: dataset.targets.clone(),
        packages: Vec::new(),
        oversight: None,
    };
    if dataset.packages.is_empty() {
        let year_fits = |year: i32| filter.year.is_none_or(|wanted| wanted == year);
        let by_kind = filter.region.is_some()
            || filter.government.is_some()
            || filter.method.is_some()
            || filter.kind.is_some();
        let stage_fits = |stage: Stage| filter.stage.is_none_or(|wanted| wanted == stage);
        narrowed.spending = dataset.spending.clone().filter(|spending| {
            year_fits(spending.fiscal_year)
                && stage_fits(spending.stage)
                && !by_kind
                && filter.unit.is_none()
        });
        narrowed.local_content = dataset
            .local_content
            .as_ref()
            .filter(|content| {
                year_fits(content.fiscal_year) && stage_fits(content.stage) && !by_kind
            })
            .and_then(|content| match &filter.unit {
                None => Some(content.clone()),
                Some(unit) => narrow_to_unit(content, unit),
            });
        return narrowed;
    }
    // Only the default year, not every option (sorting every unit name on each change).
    let year = filter.year.unwrap_or_else(|| default_year(dataset));
    let mut admitted: Vec<&Package> = Vec::new();
    for package in &dataset.packages {
        pace.tick().await;
        if filter.admits(package, year) {
            admitted.push(package);
        }
    }
    let stage = filter.stage.or_else(|| {
        [Stage::Realisasi, Stage::Komitmen, Stage::Rencana]
            .into_iter()
            .find(|stage| {
                admitted
                    .iter()
                    .any(|package| package.amounts.at(*stage).is_some())
            })
            // A file without amounts is counted (its packages have none at any stage).
            .or_else(|| {
                admitted
                    .iter()
                    .any(|package| package.amounts.is_empty())
                    .then_some(Stage::Rencana)
            })
    });
    if let Some(stage) = stage {
        narrowed.spending = spending_of(&admitted, stage, year, pace).await;
        narrowed.local_content = local_content_of(&admitted, stage, year, pace).await;
    }
    if oversee == Oversee::Yes {
        narrowed.oversight = Some(crate::analysis::oversight::of(&admitted, year));
    }
    narrowed
}

fn narrow_to_unit(content: &LocalContent, unit: &str) -> Option<LocalContent> {
    let row = content.by_unit.iter().find(|row| row.unit == unit)?;
    let figure = |value| Figure {
        value,
        provenance: row.provenance.clone(),
    };
    Some(LocalContent {
        fiscal_year: content.fiscal_year,
        stage: content.stage,
        total: figure(row.total),
        pdn: figure(row.pdn),
        umkk: figure(row.umkk),
        by_unit: vec![row.clone()],
        basis: content.basis,
        coverage: row.coverage,
    })
}

/// Sums of amounts and counts with the provenance they share: illustrative if any part is;
/// a source only when every part cites the same one.
#[derive(Debug, Clone, Default)]
struct Sum {
    amount: Rupiah,
    count: u64,
    illustrative: bool,
    source: Option<Option<String>>,
    overflowed: bool,
}

impl Sum {
    fn add(&mut self, amount: Rupiah, package: &Package) {
        match self.amount.checked_add(amount) {
            Some(total) => self.amount = total,
            None => self.overflowed = true,
        }
        self.count = self.count.saturating_add(package.count);
        self.illustrative |= package.provenance.illustrative;
        let source = &package.provenance.source;
        match &self.source {
            None => self.source = Some(source.clone()),
            Some(known) if known != source => self.source = Some(None),
            Some(_) => {}
        }
    }

    fn provenance(&self) -> Provenance {
        Provenance {
            illustrative: self.illustrative,
            source: self.source.clone().flatten(),
        }
    }

    fn breakdown<K>(self, key: K) -> Option<Breakdown<K>> {
        (!self.overflowed).then(|| Breakdown {
            key,
            amount: self.amount,
            packages: Some(self.count),
            provenance: self.provenance(),
        })
    }
}

/// Sums by key, in key order. Hashed while summing (many packages, few keys), sorted after.
async fn group<'a, K: Ord + Hash>(
    packages: &[&'a Package],
    stage: Stage,
    key: impl Fn(&'a Package) -> Option<K>,
    pace: &Pace,
) -> Vec<Breakdown<K>> {
    let mut groups: HashMap<K, Sum> = HashMap::default();
    for package in packages {
        pace.tick().await;
        // A package without any amount (a file of counts) counts, for nothing.
        let amount = package
            .amounts
            .at(stage)
            .or_else(|| package.amounts.is_empty().then_some(Rupiah::ZERO));
        if let (Some(key), Some(amount)) = (key(package), amount) {
            groups.entry(key).or_default().add(amount, package);
        }
    }
    let groups: Vec<(K, Sum)> = groups.into_iter().collect();
    let groups = pace::sort_by(groups, |a, b| a.0.cmp(&b.0), pace).await;
    groups
        .into_iter()
        .filter_map(|(key, sum)| sum.breakdown(key))
        .collect()
}

/// Breakdowns keyed by borrowed names (grouping copies no name), with their own names.
fn named(rows: Vec<Breakdown<&str>>) -> Vec<Breakdown<String>> {
    rows.into_iter()
        .map(|row| Breakdown {
            key: row.key.to_owned(),
            amount: row.amount,
            packages: row.packages,
            provenance: row.provenance,
        })
        .collect()
}

/// What the charts of one fiscal year leave out, in one pass over its packages: the money at
/// `stage` that its monthly line does not hold (dated in another year, by year; not dated,
/// last), and that of packages naming no method, type, unit or region.
async fn left_out(
    packages: &[&Package],
    stage: Stage,
    year: i32,
    pace: &Pace,
) -> (Vec<crate::model::OutsideLine>, crate::model::Unsaid) {
    // By year; undated under a key past every year, so that they come last.
    const UNDATED: i32 = i32::MAX;
    let mut years: std::collections::BTreeMap<i32, crate::model::Amounted> = Default::default();
    let mut unsaid = crate::model::Unsaid::default();
    for package in packages {
        pace.tick().await;
        let Some(amount) = package.amounts.at(stage) else {
            continue;
        };
        let count = package.count;
        let dated = package.month.map(|month| month.year);
        if dated != Some(year) {
            years
                .entry(dated.unwrap_or(UNDATED))
                .or_default()
                .add(amount, count);
        }
        if package.method.is_none() {
            unsaid.method.add(amount, count);
        }
        if package.kind.is_none() {
            unsaid.kind.add(amount, count);
        }
        if package.unit.is_none() {
            unsaid.unit.add(amount, count);
        }
        if package.region.is_none() {
            unsaid.region.add(amount, count);
        }
        if package.government.is_none() {
            unsaid.government.add(amount, count);
        }
    }
    let outside = years
        .into_iter()
        .map(|(key, sum)| crate::model::OutsideLine {
            year: (key != UNDATED).then_some(key),
            amount: sum.amount,
            packages: sum.packages,
        })
        .collect();
    (outside, unsaid)
}

async fn spending_of(
    packages: &[&Package],
    stage: Stage,
    year: i32,
    pace: &Pace,
) -> Option<Spending> {
    // The denominator of committed or realised money is what was planned for the same packages.
    let mut planned = Sum::default();
    if stage != Stage::Rencana {
        for package in packages {
            pace.tick().await;
            if let Some(amount) = package.amounts.rencana {
                planned.add(amount, package);
            }
        }
    }
    // A budget of nothing is no budget stated (a "Pagu 0" line would read as a budget).
    let pagu = (planned.count > 0 && !planned.overflowed && planned.amount.0 > 0).then(|| Figure {
        value: planned.amount,
        provenance: planned.provenance(),
    });
    let this_year = |package: &Package| package.month.filter(|month| month.year == year);
    let monthly = group(packages, stage, this_year, pace)
        .await
        .into_iter()
        .map(|row| MonthlyAmount {
            month: row.key,
            amount: row.amount,
            packages: row.packages,
            provenance: row.provenance,
        })
        .collect::<Vec<_>>();
    let suppliers = supplier_indicators(packages, stage, pace).await;
    let by_method = group(packages, stage, |package| package.method, pace).await;
    let by_type = group(packages, stage, |package| package.kind, pace).await;
    let by_unit = group(packages, stage, |package| package.unit.as_deref(), pace).await;
    let by_region = group(packages, stage, |package| package.region.as_deref(), pace).await;
    let mut by_government = group(
        packages,
        stage,
        |package| package.government.as_deref(),
        pace,
    )
    .await;
    // One government is the whole: no breakdown.
    if by_government.len() < 2 {
        by_government.clear();
    }
    let (outside_line, unsaid) = left_out(packages, stage, year, pace).await;
    let spending = Spending {
        suppliers,
        label: String::new(),
        fiscal_year: year,
        stage,
        pagu,
        monthly,
        by_method,
        by_type,
        by_unit: named(by_unit),
        by_region: named(by_region),
        by_government: named(by_government),
        outside_line,
        unsaid,
    };
    let empty = spending.monthly.is_empty()
        && spending.by_method.is_empty()
        && spending.by_type.is_empty()
        && spending.by_unit.is_empty()
        && spending.by_region.is_empty()
        && spending.by_government.is_empty();
    (!empty).then_some(spending)
}

/// The share of money to micro and small suppliers (of packages whose supplier size is known)
/// and the single-bid rate (of packages whose number of tenderers is known).
async fn supplier_indicators(
    packages: &[&Package],
    stage: Stage,
    pace: &Pace,
) -> SupplierIndicators {
    let (mut small, mut known) = (Sum::default(), Sum::default());
    let (mut single, mut counted) = (0u64, 0u64);
    for package in packages {
        pace.tick().await;
        if let (Some(flag), Some(amount)) = (package.umkk, package.amounts.at(stage)) {
            known.add(amount, package);
            if flag {
                small.add(amount, package);
            }
        }
        if let Some(tenderers) = package.tenderers {
            counted = counted.saturating_add(package.count);
            if tenderers == 1 {
                single = single.saturating_add(package.count);
            }
        }
    }
    let amounts_usable = known.amount.0 > 0 && !known.overflowed && !small.overflowed;
    SupplierIndicators {
        small: amounts_usable.then_some((small.amount, known.amount)),
        single_bid: (counted > 0).then_some((single, counted)),
    }
}

/// PDN and UMK-K shares of the admitted packages' money. Where contracts state their PDN and
/// UMK values (SPSE's `nilai_pdn_kontrak`, `nilai_umk_kontrak`), the shares are those values
/// against the contract values (else the recorded payments), value-weighted, over the packages
/// that state them. Otherwise, at `stage`, over the packages whose PDN and UMK-K flags are both
/// known, each package's whole amount counting for its flag. Swakelola is left out: it is done
/// in-house, not bought from a supplier.
async fn local_content_of(
    packages: &[&Package],
    stage: Stage,
    year: i32,
    pace: &Pace,
) -> Option<LocalContent> {
    let mut flagged: Vec<&Package> = Vec::new();
    let mut valued: Vec<&Package> = Vec::new();
    for package in packages {
        pace.tick().await;
        if package.method == Some(Method::Swakelola) {
            continue;
        }
        let base = package.amounts.komitmen.or(package.amounts.realisasi);
        if package.local_values.is_some() && base.is_some() {
            valued.push(package);
        } else if package.pdn.is_some() && package.umkk.is_some() {
            flagged.push(package);
        }
    }
    let by_values = !valued.is_empty();
    // (whole, PDN part, UMK-K part) of a package; a part that is not there is `None`.
    type Parts = (Rupiah, Option<Rupiah>, Option<Rupiah>);
    let parts = |package: &Package| -> Option<Parts> {
        if by_values {
            let base = package.amounts.komitmen.or(package.amounts.realisasi)?;
            let values = package.local_values.as_deref()?;
            return Some((base, Some(values.pdn), Some(values.umk)));
        }
        let amount = package.amounts.at(stage)?;
        let part = |flag: Option<bool>| (flag == Some(true)).then_some(amount);
        Some((amount, part(package.pdn), part(package.umkk)))
    };
    // What the shares rest on: of every package bought with an amount (its contract value, or
    // its amount at the stage), those that state what the shares need.
    let mut coverage = crate::model::Coverage::default();
    let mut unit_coverage: HashMap<&str, crate::model::Coverage> = HashMap::default();
    for package in packages {
        pace.tick().await;
        if package.method == Some(Method::Swakelola) {
            continue;
        }
        let amount = match by_values {
            true => package.amounts.komitmen.or(package.amounts.realisasi),
            false => package.amounts.at(stage),
        };
        let Some(amount) = amount else {
            continue;
        };
        let stated = match by_values {
            true => package.local_values.is_some(),
            false => package.pdn.is_some() && package.umkk.is_some(),
        };
        coverage.add(amount, stated, package.count);
        if let Some(unit) = package.unit.as_deref() {
            unit_coverage
                .entry(unit)
                .or_default()
                .add(amount, stated, package.count);
        }
    }
    let bought = if by_values { valued } else { flagged };
    let stage = match (
        by_values,
        bought
            .iter()
            .any(|package| package.amounts.komitmen.is_some()),
    ) {
        (true, true) => Stage::Komitmen,
        (true, false) => Stage::Realisasi,
        (false, _) => stage,
    };
    let sums = |packages: &[&Package]| {
        let (mut total, mut pdn, mut umkk) = (Sum::default(), Sum::default(), Sum::default());
        for package in packages {
            let Some((whole, pdn_part, umkk_part)) = parts(package) else {
                continue;
            };
            total.add(whole, package);
            if let Some(part) = pdn_part {
                pdn.add(part, package);
            }
            if let Some(part) = umkk_part {
                umkk.add(part, package);
            }
        }
        let usable = total.amount.0 > 0 && !total.overflowed && !pdn.overflowed && !umkk.overflowed;
        usable.then_some((total, pdn, umkk))
    };
    let (total, pdn, umkk) = sums(&bought)?;
    let mut units: HashMap<&str, Vec<&Package>> = HashMap::default();
    for package in &bought {
        pace.tick().await;
        if let Some(unit) = &package.unit {
            units.entry(unit.as_str()).or_default().push(package);
        }
    }
    let units: Vec<(&str, Vec<&Package>)> = units.into_iter().collect();
    let units = pace::sort_by(units, |a, b| a.0.cmp(b.0), pace).await;
    let mut by_unit = Vec::with_capacity(units.len());
    for (unit, packages) in units {
        pace.spend(packages.len()).await;
        if let Some((total, pdn, umkk)) = sums(&packages) {
            by_unit.push(UnitContent {
                unit: unit.to_owned(),
                total: total.amount,
                pdn: pdn.amount,
                umkk: umkk.amount,
                coverage: unit_coverage.get(unit).copied(),
                provenance: total.provenance(),
            });
        }
    }
    let figure = |sum: &Sum| Figure {
        value: sum.amount,
        provenance: sum.provenance(),
    };
    Some(LocalContent {
        fiscal_year: year,
        stage,
        total: figure(&total),
        pdn: figure(&pdn),
        umkk: figure(&umkk),
        by_unit,
        basis: if by_values {
            LocalBasis::ContractValues
        } else {
            LocalBasis::Flags
        },
        coverage: Some(coverage),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_match_anywhere_in_the_name_and_at_most_fifty_are_listed() {
        let folded: Vec<String> = (0..100_000).map(|unit| format!("dinas {unit}")).collect();
        let (shown, count) = matching(&folded, "");
        assert_eq!((shown.len(), count), (CHOICES_SHOWN, 100_000));
        let (shown, count) = matching(&folded, " DINAS 9999");
        assert_eq!(count, 11);
        assert_eq!(shown[0], 9999);
        let (shown, count) = matching(&folded, "tidak ada");
        assert!(shown.is_empty() && count == 0);
    }

    #[test]
    fn the_first_fifty_choices_are_alphabetical_in_a_list_left_unsorted() {
        let names: Vec<String> = (0..10_000)
            .rev()
            .map(|unit| format!("Unit {unit:05}"))
            .collect();
        let expected: Vec<String> = (0..50).map(|unit| format!("Unit {unit:05}")).collect();
        let first = first_choices(names.iter().map(String::as_str));
        let shown: Vec<&String> = first.iter().map(|index| &names[*index]).collect();
        assert_eq!(shown, expected.iter().collect::<Vec<_>>());
        let folded: Vec<String> = names.iter().map(|name| name.to_lowercase()).collect();
        let (matched, count) = matching(&folded, "unit");
        assert_eq!((matched, count), (first, 10_000));
        assert_eq!(first_choices(["b", "a"].into_iter()), vec![1, 0]);
    }
}
