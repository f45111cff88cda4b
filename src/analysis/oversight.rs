//! Oversight indicators over package-level data: what an internal auditor (APIP) looks at first.
//! Each one points at packages to look at; none of them is a finding, and none proves an
//! irregularity. Each is computed only where the data has the fields it needs, and lists the
//! packages it flags with the fields that flagged them.
//!
//! The legal thresholds live in one table ([`THRESHOLDS`], in `model::oversight` with the
//! results) with their regulation, article and dates of effect: a new regulation is one new row.

pub use crate::model::oversight::*;
use crate::model::{
    CivilDate, Code, Method, Package, ProcurementType, Rupiah, TenderFacts, TenderStatus,
};

fn date((year, month, day): (i32, u8, u8)) -> Option<CivilDate> {
    CivilDate::new(year, month, day)
}

/// The day a package's rules are judged by: its date, else the first day of its month (a
/// month alone, such as April 2025, gets the rule in force on its first day), else none.
fn day_of(package: &Package) -> Option<CivilDate> {
    package
        .date
        .or_else(|| package.month.map(|month| month.first_day()))
}

/// The threshold of `rule` for a type on a day, if one applies. Without a day, only a
/// threshold that never changed applies.
pub fn threshold(
    rule: Rule,
    kind: ProcurementType,
    day: Option<CivilDate>,
) -> Option<&'static Threshold> {
    THRESHOLDS.iter().find(|threshold| {
        threshold.rule == rule
            && threshold.types.contains(&kind)
            && match day {
                Some(day) => {
                    threshold.from.and_then(date).is_none_or(|from| day >= from)
                        && threshold
                            .until
                            .and_then(date)
                            .is_none_or(|until| day <= until)
                }
                None => threshold.from.is_none() && threshold.until.is_none(),
            }
    })
}

/// The value an indicator judges a package by, and which one it is: the most advanced stage
/// the data has (the contract, else the owner's estimate, else the pagu).
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
        threshold: Option<&'static Threshold>,
    ) -> Flagged {
        Flagged {
            id: package.id.clone(),
            name: package.name.clone(),
            unit: package.unit.clone(),
            method: package.method,
            kind: package.kind,
            day: day_of(package),
            value,
            used,
            threshold,
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

/// Pengadaan Langsung packages above their ceiling; `Err` names what the data lacks.
pub fn above_ceiling(packages: &[&Package]) -> Result<AboveCeiling, Missing> {
    needs(packages, &[Missing::Method, Missing::Type, Missing::Value])?;
    let mut found = AboveCeiling {
        judged: 0,
        flagged: Vec::new(),
    };
    for package in packages {
        if package.method != Some(Method::PengadaanLangsung) {
            continue;
        }
        let (Some(kind), Some((value, used))) = (package.kind, judged_value(package)) else {
            continue;
        };
        let Some(ceiling) = threshold(Rule::DirectPurchaseCeiling, kind, day_of(package)) else {
            continue;
        };
        found.judged = found.judged.saturating_add(package.count);
        if value.0 > ceiling.amount {
            found
                .flagged
                .push(Flagged::of(package, value, used, Some(ceiling)));
        }
    }
    Ok(found)
}

/// Values just under the direct-purchase ceiling of their type, over every package with a type
/// and a value (possible package splitting, Pasal 20 ayat (2) huruf d).
pub fn bunching(packages: &[&Package]) -> Result<Bunching, Missing> {
    needs(packages, &[Missing::Type, Missing::Value])?;
    let mut found = Bunching {
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
        let (Some(kind), Some((value, used))) = (package.kind, judged_value(package)) else {
            continue;
        };
        let Some(ceiling) = threshold(Rule::DirectPurchaseCeiling, kind, day_of(package)) else {
            continue;
        };
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
                .push(Flagged::of(package, value, used, Some(ceiling)));
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

/// Non-competitive methods (Pasal 38 ayat (5) names the lawful grounds of direct appointment).
pub fn non_competitive(packages: &[&Package]) -> Result<NonCompetitive, Missing> {
    needs(packages, &[Missing::Method, Missing::Value])?;
    let mut found = NonCompetitive {
        packages: 0,
        value: Rupiah::ZERO,
        appointed: (0, Rupiah::ZERO),
        excluded: (0, Rupiah::ZERO),
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
        if matches!(method, Method::PenunjukanLangsung | Method::Dikecualikan) {
            unit.2 = unit.2.saturating_add(package.count);
            unit.3 = unit.3.checked_add(value).unwrap_or(unit.3);
        }
        let sum = match method {
            Method::PenunjukanLangsung => &mut found.appointed,
            Method::Dikecualikan => &mut found.excluded,
            _ => continue,
        };
        add(sum, package, value);
        found.flagged.push(Flagged::of(package, value, used, None));
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

/// Packages up to Rp15 miliar of goods, works and other services not marked for small
/// businesses (Pasal 65 ayat (4)-(5)), with and without a stated reason.
pub fn not_reserved(packages: &[&Package]) -> Result<NotReserved, Missing> {
    needs(
        packages,
        &[Missing::Type, Missing::Value, Missing::SmallBusinessFlag],
    )?;
    let mut found = NotReserved {
        judged: 0,
        with_reason: Vec::new(),
        without_reason: Vec::new(),
    };
    for package in packages {
        if package.method == Some(Method::Swakelola) {
            continue;
        }
        let (Some(kind), Some(flag), Some((value, used))) =
            (package.kind, package.umkk, judged_value(package))
        else {
            continue;
        };
        let Some(limit) = threshold(Rule::SmallBusinessReservation, kind, day_of(package)) else {
            continue;
        };
        if value.0 > limit.amount {
            continue;
        }
        found.judged = found.judged.saturating_add(package.count);
        if flag {
            continue;
        }
        let flagged = Flagged::of(package, value, used, Some(limit));
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
    }
}

fn facts(package: &Package) -> Option<&TenderFacts> {
    package.tender.as_deref()
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
        let (Some(contract), Some(supplier)) = (
            package.amounts.komitmen,
            facts(package).and_then(|tender| tender.supplier.as_deref()),
        ) else {
            continue;
        };
        let Some(unit) = package.unit.as_deref() else {
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
            let (Some(unit), Some(contract), Some(supplier)) = (
                package.unit.as_deref(),
                package.amounts.komitmen,
                facts(package).and_then(|tender| tender.supplier.as_deref()),
            ) else {
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
            Missing::SmallBusinessFlag => package.umkk.is_some(),
            Missing::Tenderers => package.tenderers.is_some(),
            Missing::TenderStatus => facts(package).is_some_and(|tender| tender.status.is_some()),
            Missing::Hps => {
                package.amounts.komitmen.is_some()
                    && facts(package).is_some_and(|tender| tender.hps.is_some())
            }
            Missing::SinglePackages => package.count == 1,
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
