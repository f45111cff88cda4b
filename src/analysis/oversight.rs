//! Oversight indicators over package-level data: what an internal auditor (APIP) looks at first.
//! Each one points at packages to look at; none of them is a finding, and none proves an
//! irregularity. Each is computed only where the data has the fields it needs, and lists the
//! packages it flags with the fields that flagged them.
//!
//! The legal thresholds live in one table ([`THRESHOLDS`], in `model::oversight` with the
//! results) with their regulation, article and dates of effect: a new regulation is one new row.

mod market;
mod split;

pub use crate::model::oversight::*;
use crate::model::{
    CivilDate, Code, Method, Package, ProcurementType, Rupiah, TenderFacts, TenderStatus,
};
pub use market::{repeat_winners, year_end};
pub use split::{normalised_name, split_packages, FILLER_WORDS, WINDOW_DAYS};

fn date((year, month, day): (i32, u8, u8)) -> Option<CivilDate> {
    CivilDate::new(year, month, day)
}

/// Whether `threshold` is in force on `day`.
fn in_force(threshold: &Threshold, day: CivilDate) -> bool {
    threshold.from.and_then(date).is_none_or(|from| day >= from)
        && threshold
            .until
            .and_then(date)
            .is_none_or(|until| day <= until)
}

/// The threshold of `rule` for a type on a day, if one applies.
pub fn threshold(rule: Rule, kind: ProcurementType, day: CivilDate) -> Option<&'static Threshold> {
    THRESHOLDS.iter().find(|threshold| {
        threshold.rule == rule && threshold.types.contains(&kind) && in_force(threshold, day)
    })
}

/// The threshold of `rule` for a package of `kind`, and what it was judged on: the package's
/// selection day, else its fiscal year where one threshold of one amount held from its first
/// day to its last (a year the ceiling changed in needs the day; so does a year before the
/// table).
pub fn threshold_for(
    rule: Rule,
    kind: ProcurementType,
    selection_day: Option<CivilDate>,
    fiscal_year: i32,
) -> Option<(&'static Threshold, JudgedOn)> {
    if let Some(day) = selection_day {
        return threshold(rule, kind, day).map(|found| (found, JudgedOn::Day(day)));
    }
    let (start, end) = (
        CivilDate::new(fiscal_year, 1, 1)?,
        CivilDate::new(fiscal_year, 12, 31)?,
    );
    let first = threshold(rule, kind, start)?;
    // One amount from the first day to the last: no row of another amount starts in between.
    let changes = THRESHOLDS.iter().any(|other| {
        other.rule == rule
            && other.types.contains(&kind)
            && other.amount != first.amount
            && other
                .from
                .and_then(date)
                .is_some_and(|from| start < from && from <= end)
    });
    let last = threshold(rule, kind, end)?;
    (!changes && last.amount == first.amount).then_some((first, JudgedOn::Year(fiscal_year)))
}

/// The changes of `rule`'s amounts that took effect after the first day of `earlier` and up to
/// the last day of `later` (fiscal years): each with the type it changed for, the amount before
/// and the threshold after. A comparison across one must say so.
pub fn rule_changes(
    rule: Rule,
    earlier: i32,
    later: i32,
) -> Vec<(ProcurementType, i64, &'static Threshold)> {
    let (Some(start), Some(end)) = (
        CivilDate::new(earlier.min(later), 1, 1),
        CivilDate::new(earlier.max(later), 12, 31),
    ) else {
        return Vec::new();
    };
    let mut changes = Vec::new();
    for next in THRESHOLDS.iter().filter(|threshold| threshold.rule == rule) {
        let Some(from) = next.from.and_then(date) else {
            continue;
        };
        if from <= start || from > end {
            continue;
        }
        let Some(day_before) = CivilDate::from_days_since_epoch(from.days_since_epoch() - 1) else {
            continue;
        };
        for kind in next.types {
            if let Some(before) = threshold(rule, *kind, day_before) {
                if before.amount != next.amount {
                    changes.push((*kind, before.amount, next));
                }
            }
        }
    }
    changes
}

/// The value a direct-purchase ceiling binds: the owner's estimate (HPS), else the pagu; never
/// the contract value, which negotiation brings below the estimate.
pub fn ceiling_value(package: &Package) -> Option<(Rupiah, ValueUsed)> {
    match (
        facts(package).and_then(|tender| tender.hps),
        package.amounts.rencana,
    ) {
        (Some(hps), _) => Some((hps, ValueUsed::Hps)),
        (None, Some(planned)) => Some((planned, ValueUsed::Planned)),
        (None, None) => None,
    }
}

/// The value the small-business reservation names: the package's pagu (Pasal 65 ayat (4)).
pub fn reservation_value(package: &Package) -> Option<(Rupiah, ValueUsed)> {
    package
        .amounts
        .rencana
        .map(|planned| (planned, ValueUsed::Planned))
}

/// The value a share of spending counts a package by: the most advanced stage the data has
/// (the contract, else the owner's estimate, else the pagu).
pub fn judged_value(package: &Package) -> Option<(Rupiah, ValueUsed)> {
    let hps = facts(package).and_then(|tender| tender.hps);
    match (package.amounts.komitmen, hps, package.amounts.rencana) {
        (Some(contract), _, _) => Some((contract, ValueUsed::Contract)),
        (None, Some(hps), _) => Some((hps, ValueUsed::Hps)),
        (None, None, Some(planned)) => Some((planned, ValueUsed::Planned)),
        (None, None, None) => None,
    }
}

impl Flagged {
    fn of(
        package: &Package,
        value: Rupiah,
        used: ValueUsed,
        judged: Option<(&'static Threshold, JudgedOn)>,
    ) -> Flagged {
        Flagged {
            id: package.id.clone(),
            name: package.name.clone(),
            unit: package.unit.clone(),
            method: package.method,
            kind: package.kind,
            judged_on: judged
                .map(|(_, on)| on)
                .or(package.selection_day.map(JudgedOn::Day)),
            value,
            used,
            threshold: judged.map(|(threshold, _)| threshold),
            reason: package.non_ukm_reason.clone(),
            tenderers: package.tenderers,
            hps: package.tender.as_ref().and_then(|tender| tender.hps),
            supplier: package
                .tender
                .as_ref()
                .and_then(|tender| tender.supplier.clone()),
            count: package.count,
        }
    }
}

/// A direct purchase's ceiling and the value it binds, or whether it cannot be judged
/// (`Some(None)`: a type and a value but no ceiling for its day or year; `None`: no type or
/// no value).
#[allow(clippy::type_complexity)]
fn direct_purchase(
    package: &Package,
) -> Option<Option<(Rupiah, ValueUsed, &'static Threshold, JudgedOn)>> {
    if package.method != Some(Method::PengadaanLangsung) {
        return None;
    }
    let (kind, (value, used)) = (package.kind?, ceiling_value(package)?);
    Some(
        threshold_for(
            Rule::DirectPurchaseCeiling,
            kind,
            package.selection_day,
            package.fiscal_year,
        )
        .map(|(ceiling, on)| (value, used, ceiling, on)),
    )
}

/// Pengadaan Langsung packages whose estimate (HPS, else pagu) is above the ceiling for their
/// type on the day their selection started; `Err` names what the data lacks.
pub fn above_ceiling(packages: &[&Package]) -> Result<AboveCeiling, Missing> {
    needs(
        packages,
        &[Missing::Method, Missing::Type, Missing::CeilingValue],
    )?;
    let mut found = AboveCeiling {
        judged: 0,
        unjudged: 0,
        flagged: Vec::new(),
    };
    for package in packages {
        match direct_purchase(package) {
            None => {}
            Some(None) => found.unjudged = found.unjudged.saturating_add(package.count),
            Some(Some((value, used, ceiling, on))) => {
                found.judged = found.judged.saturating_add(package.count);
                if value.0 > ceiling.amount {
                    found
                        .flagged
                        .push(Flagged::of(package, value, used, Some((ceiling, on))));
                }
            }
        }
    }
    Ok(found)
}

/// Direct purchases valued just under the ceiling of their type (possible package splitting,
/// Pasal 20 ayat (2) huruf d): the ceiling binds Pengadaan Langsung only, so a tender or an
/// e-purchase below it is no signal. The value is the estimate (HPS), else the pagu.
pub fn bunching(packages: &[&Package]) -> Result<Bunching, Missing> {
    needs(
        packages,
        &[Missing::Method, Missing::Type, Missing::CeilingValue],
    )?;
    let mut found = Bunching {
        judged: 0,
        unjudged: 0,
        near: 0,
        below: 0,
        bins: [0; 20],
        by_type: Vec::new(),
        by_unit: Vec::new(),
        flagged: Vec::new(),
    };
    let mut units: crate::hash::Map<&str, (u64, u64)> = Default::default();
    let mut kinds = [(0u64, 0u64); ProcurementType::ALL.len()];
    for package in packages {
        let (value, used, ceiling, on) = match direct_purchase(package) {
            None => continue,
            Some(None) => {
                found.unjudged = found.unjudged.saturating_add(package.count);
                continue;
            }
            Some(Some(judged)) => judged,
        };
        let Some(kind) = package.kind else {
            continue;
        };
        found.judged = found.judged.saturating_add(package.count);
        let by_kind = ProcurementType::ALL
            .iter()
            .position(|known| *known == kind)
            .and_then(|index| kinds.get_mut(index));
        // In integers (a hundred times the value against the ceiling): no rounding at the edges,
        // and every bin is (a, b] as the indicator is defined.
        let (scaled, c) = (i128::from(value.0) * 100, i128::from(ceiling.amount));
        if scaled > 50 * c && scaled <= 150 * c {
            let index = ((scaled - 50 * c - 1) / (5 * c)).clamp(0, 19) as usize;
            found.bins[index] = found.bins[index].saturating_add(package.count);
        }
        let near = scaled > 90 * c && scaled <= 100 * c;
        let below = scaled > 80 * c && scaled <= 90 * c;
        let unit = package.unit.as_deref().unwrap_or("");
        if near {
            found.near = found.near.saturating_add(package.count);
            units.entry(unit).or_default().0 += package.count;
            if let Some(sums) = by_kind {
                sums.0 = sums.0.saturating_add(package.count);
            }
            found
                .flagged
                .push(Flagged::of(package, value, used, Some((ceiling, on))));
        } else if below {
            found.below = found.below.saturating_add(package.count);
            units.entry(unit).or_default().1 += package.count;
            if let Some(sums) = by_kind {
                sums.1 = sums.1.saturating_add(package.count);
            }
        }
    }
    let mut by_unit: Vec<(String, u64, u64)> = units
        .into_iter()
        .filter(|(unit, (near, below))| {
            !unit.is_empty() && near.saturating_add(*below) >= Bunching::MIN_PACKAGES
        })
        .map(|(unit, (near, below))| (unit.to_owned(), near, below))
        .collect();
    by_unit.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    found.by_unit = by_unit;
    found.by_type = ProcurementType::ALL
        .iter()
        .zip(kinds)
        .filter(|(_, (near, below))| near.saturating_add(*below) > 0)
        .map(|(kind, (near, below))| (*kind, near, below))
        .collect();
    Ok(found)
}

/// Direct appointment (Penunjukan Langsung; OCDS `limited`, `direct`), lawful only on the
/// grounds the regulation lists; exempt purchases (Dikecualikan, Pasal 61) and e-purchasing are
/// counted apart and never flagged.
pub fn non_competitive(packages: &[&Package]) -> Result<NonCompetitive, Missing> {
    needs(packages, &[Missing::Method, Missing::Value])?;
    let mut found = NonCompetitive {
        packages: 0,
        value: Rupiah::ZERO,
        appointed: (0, Rupiah::ZERO),
        excluded: (0, Rupiah::ZERO),
        epurchasing: (0, Rupiah::ZERO),
        by_unit: Vec::new(),
        flagged: Vec::new(),
    };
    let mut units: crate::hash::Map<&str, (u64, Rupiah, u64, Rupiah)> = Default::default();
    let add = |sum: &mut (u64, Rupiah), package: &Package, value: Rupiah| {
        sum.0 = sum.0.saturating_add(package.count);
        sum.1 = sum.1.checked_add(value).unwrap_or(sum.1);
    };
    for package in packages {
        let (Some(method), Some((value, used))) = (package.method, judged_value(package)) else {
            continue;
        };
        found.packages = found.packages.saturating_add(package.count);
        found.value = found.value.checked_add(value).unwrap_or(found.value);
        let unit = units
            .entry(package.unit.as_deref().unwrap_or(""))
            .or_default();
        unit.0 = unit.0.saturating_add(package.count);
        unit.1 = unit.1.checked_add(value).unwrap_or(unit.1);
        let appointed = is_direct_appointment(method);
        if appointed {
            unit.2 = unit.2.saturating_add(package.count);
            unit.3 = unit.3.checked_add(value).unwrap_or(unit.3);
        }
        let sum = match method {
            _ if appointed => &mut found.appointed,
            Method::Dikecualikan => &mut found.excluded,
            Method::EPurchasing => &mut found.epurchasing,
            _ => continue,
        };
        add(sum, package, value);
        if appointed {
            found.flagged.push(Flagged::of(package, value, used, None));
        }
    }
    let mut by_unit: Vec<UnitMethods> = units
        .into_iter()
        .filter(|(unit, _)| !unit.is_empty())
        .map(|(unit, (packages, value, count, amount))| UnitMethods {
            unit: unit.to_owned(),
            packages,
            value,
            non_competitive: (count, amount),
        })
        .collect();
    by_unit.sort_by(|a, b| {
        b.share()
            .total_cmp(&a.share())
            .then_with(|| a.unit.cmp(&b.unit))
    });
    found.by_unit = by_unit;
    Ok(found)
}

/// Whether a method is direct appointment: Penunjukan Langsung, or OCDS `limited` and `direct`.
pub fn is_direct_appointment(method: Method) -> bool {
    matches!(
        method,
        Method::PenunjukanLangsung | Method::Limited | Method::Direct
    )
}

/// Packages of goods, works and other services whose pagu is up to the reservation threshold
/// in force on their selection day (or all their fiscal year) and that are not marked for small
/// businesses (Pasal 65 ayat (4)-(5)), with and without a stated reason.
pub fn not_reserved(packages: &[&Package]) -> Result<NotReserved, Missing> {
    needs(
        packages,
        &[Missing::Type, Missing::Pagu, Missing::SmallBusinessFlag],
    )?;
    let mut found = NotReserved {
        judged: 0,
        unjudged: 0,
        with_reason: Vec::new(),
        without_reason: Vec::new(),
    };
    for package in packages {
        if package.method == Some(Method::Swakelola) {
            continue;
        }
        let (Some(kind), Some(flag), Some((value, used))) =
            (package.kind, package.umkk, reservation_value(package))
        else {
            continue;
        };
        if !THRESHOLDS.iter().any(|threshold| {
            threshold.rule == Rule::SmallBusinessReservation && threshold.types.contains(&kind)
        }) {
            continue;
        }
        let Some((limit, on)) = threshold_for(
            Rule::SmallBusinessReservation,
            kind,
            package.selection_day,
            package.fiscal_year,
        ) else {
            found.unjudged = found.unjudged.saturating_add(package.count);
            continue;
        };
        if value.0 > limit.amount {
            continue;
        }
        found.judged = found.judged.saturating_add(package.count);
        if flag {
            continue;
        }
        let flagged = Flagged::of(package, value, used, Some((limit, on)));
        match package.non_ukm_reason {
            Some(_) => found.with_reason.push(flagged),
            None => found.without_reason.push(flagged),
        }
    }
    Ok(found)
}

/// Packages whose tender drew one bid, of those whose number of tenderers is published.
pub fn single_bid(packages: &[&Package]) -> Result<SingleBid, Missing> {
    needs(packages, &[Missing::Tenderers])?;
    Ok(share_flagged(packages, |package| {
        package.tenderers.map(|tenderers| tenderers == 1)
    }))
}

/// Of the packages `flags` can judge (`Some`), those it flags (`Some(true)`), in all and per
/// unit.
fn share_flagged(packages: &[&Package], flags: impl Fn(&Package) -> Option<bool>) -> PackageShare {
    let mut found = PackageShare {
        judged: 0,
        by_unit: Vec::new(),
        flagged: Vec::new(),
    };
    let mut units: crate::hash::Map<&str, (u64, u64)> = Default::default();
    for package in packages {
        let Some(flagged) = flags(package) else {
            continue;
        };
        found.judged = found.judged.saturating_add(package.count);
        let sums = units
            .entry(package.unit.as_deref().unwrap_or(""))
            .or_default();
        sums.1 = sums.1.saturating_add(package.count);
        if flagged {
            sums.0 = sums.0.saturating_add(package.count);
            let (value, used) = judged_value(package).unwrap_or((Rupiah::ZERO, ValueUsed::Planned));
            found.flagged.push(Flagged::of(package, value, used, None));
        }
    }
    found.by_unit = unit_shares(units, PackageShare::MIN_PACKAGES);
    found
}

/// Every indicator over `packages` (one fiscal year's, as the reader's filters admit them).
pub fn of(packages: &[&Package], fiscal_year: i32) -> Oversight {
    // A group's amounts are its packages' total: only single packages are judged by value,
    // tenders and winners (a group is still counted in the shares of non-competitive methods).
    let single: Vec<&Package> = packages
        .iter()
        .copied()
        .filter(|package| package.count == 1)
        .collect();
    let grouped = packages
        .iter()
        .filter(|package| package.count != 1)
        .fold(0u64, |sum, package| sum.saturating_add(package.count));
    fn each<T>(
        single: &[&Package],
        grouped: u64,
        indicator: fn(&[&Package]) -> Result<T, Missing>,
    ) -> Result<T, Missing> {
        match (single.is_empty(), grouped > 0) {
            (true, true) => Err(Missing::SinglePackages),
            _ => indicator(single),
        }
    }
    Oversight {
        fiscal_year,
        packages: packages
            .iter()
            .fold(0u64, |sum, package| sum.saturating_add(package.count)),
        grouped,
        illustrative: packages
            .iter()
            .any(|package| package.provenance.illustrative),
        above_ceiling: each(&single, grouped, above_ceiling),
        bunching: each(&single, grouped, bunching),
        non_competitive: non_competitive(packages),
        not_reserved: each(&single, grouped, not_reserved),
        single_bid: each(&single, grouped, single_bid),
        failed_tenders: each(&single, grouped, failed_tenders),
        against_hps: each(&single, grouped, against_hps),
        concentration: each(&single, grouped, concentration),
        split_packages: each(&single, grouped, split_packages),
        repeat_winners: each(&single, grouped, repeat_winners),
        year_end: match (single.is_empty(), grouped > 0) {
            (true, true) => Err(Missing::SinglePackages),
            _ => year_end(&single, fiscal_year),
        },
    }
}

fn facts(package: &Package) -> Option<&TenderFacts> {
    package.tender.as_deref()
}

/// A contract won: its unit, its value and its winner, where the package names all three.
fn won(package: &Package) -> Option<(&str, Rupiah, &str)> {
    Some((
        package.unit.as_deref()?,
        package.amounts.komitmen?,
        facts(package)?.supplier.as_deref()?,
    ))
}

/// Per-unit counts (`part`, `whole`) of units with at least `min` in `whole`, by share of
/// `part`, highest first.
fn unit_shares(units: crate::hash::Map<&str, (u64, u64)>, min: u64) -> Vec<(String, u64, u64)> {
    let mut by_unit: Vec<(String, u64, u64)> = units
        .into_iter()
        .filter(|(unit, (_, whole))| !unit.is_empty() && *whole >= min)
        .map(|(unit, (part, whole))| (unit.to_owned(), part, whole))
        .collect();
    // Compared as fractions in integers.
    by_unit.sort_by(|a, b| {
        (u128::from(b.1) * u128::from(a.2))
            .cmp(&(u128::from(a.1) * u128::from(b.2)))
            .then_with(|| a.0.cmp(&b.0))
    });
    by_unit
}

/// Tenders that failed or were cancelled (SPSE `Gagal/Batal`; OCDS `unsuccessful`,
/// `cancelled`), of those whose status is given.
pub fn failed_tenders(packages: &[&Package]) -> Result<FailedTenders, Missing> {
    needs(packages, &[Missing::TenderStatus])?;
    Ok(share_flagged(packages, |package| {
        let status = facts(package)?.status?;
        Some(status == TenderStatus::Failed)
    }))
}

/// Contract values against their HPS: the distribution of the discount, and the contracts
/// above their HPS.
pub fn against_hps(packages: &[&Package]) -> Result<AgainstHps, Missing> {
    needs(packages, &[Missing::Hps])?;
    let mut found = AgainstHps {
        judged: 0,
        bands: [0; 7],
        flagged: Vec::new(),
    };
    for package in packages {
        let (Some(contract), Some(hps)) = (
            package.amounts.komitmen,
            facts(package).and_then(|tender| tender.hps),
        ) else {
            continue;
        };
        if hps.0 <= 0 {
            continue;
        }
        found.judged = found.judged.saturating_add(package.count);
        // The discount in basis points, in integers: no rounding at the band edges.
        let discount = (i128::from(hps.0) - i128::from(contract.0)) * 10_000;
        let band = if discount < 0 {
            0
        } else {
            1 + AgainstHps::BANDS
                .iter()
                .position(|limit| discount <= limit * i128::from(hps.0))
                .unwrap_or(AgainstHps::BANDS.len())
        };
        found.bands[band] = found.bands[band].saturating_add(package.count);
        if band == 0 {
            found
                .flagged
                .push(Flagged::of(package, contract, ValueUsed::Contract, None));
        }
    }
    Ok(found)
}

/// Each unit's largest supplier by contract value, and the packages of those that hold more
/// than half of their unit's value.
pub fn concentration(packages: &[&Package]) -> Result<Concentration, Missing> {
    needs(packages, &[Missing::Supplier])?;
    let mut judged = 0u64;
    // Unit → supplier → (value, packages); a unit's packages.
    let mut units: crate::hash::Map<&str, crate::hash::Map<&str, (Rupiah, u64)>> =
        Default::default();
    for package in packages {
        let Some((unit, contract, supplier)) = won(package) else {
            continue;
        };
        judged = judged.saturating_add(package.count);
        let sums = units.entry(unit).or_default().entry(supplier).or_default();
        sums.0 = sums.0.checked_add(contract).unwrap_or(sums.0);
        sums.1 = sums.1.saturating_add(package.count);
    }
    let mut by_unit: Vec<UnitSupplier> = Vec::new();
    for (unit, suppliers) in &units {
        let contracts = suppliers
            .values()
            .fold(0u64, |sum, (_, count)| sum.saturating_add(*count));
        if contracts < Concentration::MIN_CONTRACTS {
            continue;
        }
        let total = suppliers
            .values()
            .try_fold(Rupiah::ZERO, |sum, (value, _)| sum.checked_add(*value))
            .unwrap_or(Rupiah(i64::MAX));
        let Some((supplier, (value, _))) = suppliers
            .iter()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.0.cmp(a.0)))
        else {
            continue;
        };
        by_unit.push(UnitSupplier {
            unit: (*unit).to_owned(),
            supplier: (*supplier).to_owned(),
            value: *value,
            total,
            contracts,
            suppliers: suppliers.len() as u64,
        });
    }
    by_unit.sort_by(|a, b| {
        b.share()
            .total_cmp(&a.share())
            .then_with(|| a.unit.cmp(&b.unit))
    });
    let concentrated: crate::hash::Map<&str, &str> = by_unit
        .iter()
        .filter(|unit| unit.share() > Concentration::FLAGGED_SHARE)
        .map(|unit| (unit.unit.as_str(), unit.supplier.as_str()))
        .collect();
    let mut flagged = Vec::new();
    if !concentrated.is_empty() {
        for package in packages {
            let Some((unit, contract, supplier)) = won(package) else {
                continue;
            };
            if concentrated.get(unit) == Some(&supplier) {
                flagged.push(Flagged::of(package, contract, ValueUsed::Contract, None));
            }
        }
    }
    Ok(Concentration {
        judged,
        by_unit,
        flagged,
    })
}

/// `Err` with the first field of `needed` that no package has.
fn needs(packages: &[&Package], needed: &[Missing]) -> Result<(), Missing> {
    for missing in needed {
        let present = packages.iter().any(|package| match missing {
            Missing::Method => package.method.is_some(),
            Missing::Type => package.kind.is_some(),
            Missing::Value => judged_value(package).is_some(),
            Missing::CeilingValue => ceiling_value(package).is_some(),
            Missing::Pagu => package.amounts.rencana.is_some(),
            Missing::SmallBusinessFlag => package.umkk.is_some(),
            Missing::Tenderers => package.tenderers.is_some(),
            Missing::TenderStatus => facts(package).is_some_and(|tender| tender.status.is_some()),
            Missing::Hps => {
                package.amounts.komitmen.is_some()
                    && facts(package).is_some_and(|tender| tender.hps.is_some())
            }
            Missing::SinglePackages => package.count == 1,
            Missing::Name => package.name.is_some(),
            Missing::SelectionDay => package.selection_day.is_some(),
            Missing::ContractMonth => package.amounts.komitmen.is_some() && package.month.is_some(),
            // Judged by `year_end` itself, which knows the fiscal year.
            Missing::December => true,
            Missing::Supplier => {
                package.amounts.komitmen.is_some()
                    && facts(package).is_some_and(|tender| tender.supplier.is_some())
            }
        });
        if !present {
            return Err(*missing);
        }
    }
    Ok(())
}
