//! Two indicators about where the money went and when: suppliers that win across many spending
//! units (a fact about the market, never a flag on a supplier), and the year-end rush (value
//! contracted or ordered in December against the year's monthly average).

use super::{won, Missing};
use crate::model::oversight::{RepeatWinners, SupplierReach, UnitRush, YearEndRush};
use crate::model::{Package, Rupiah};

/// Suppliers by the number of spending units they won contracts in.
pub fn repeat_winners(packages: &[&Package]) -> Result<RepeatWinners, Missing> {
    super::needs(packages, &[Missing::Supplier])?;
    // Supplier → (units, packages, value).
    let mut suppliers: crate::hash::Map<&str, (crate::hash::Set<&str>, u64, Rupiah)> =
        Default::default();
    let (mut judged, mut value) = (0u64, Rupiah::ZERO);
    for package in packages {
        let Some((unit, contract, supplier)) = won(package) else {
            continue;
        };
        judged = judged.saturating_add(package.count);
        value = value.checked_add(contract).unwrap_or(value);
        let won = suppliers.entry(supplier).or_default();
        won.0.insert(unit);
        won.1 = won.1.saturating_add(package.count);
        won.2 = won.2.checked_add(contract).unwrap_or(won.2);
    }
    let count = suppliers.len() as u64;
    let mut reach: Vec<SupplierReach> = suppliers
        .into_iter()
        .filter(|(_, (units, _, _))| units.len() as u64 >= RepeatWinners::MIN_UNITS)
        .map(|(supplier, (units, packages, value))| SupplierReach {
            supplier: supplier.to_owned(),
            units: units.len() as u64,
            packages,
            value,
        })
        .collect();
    reach.sort_by(|a, b| {
        b.units
            .cmp(&a.units)
            .then_with(|| b.value.cmp(&a.value))
            .then_with(|| a.supplier.cmp(&b.supplier))
    });
    Ok(RepeatWinners {
        judged,
        value,
        suppliers: count,
        reach,
    })
}

/// December's contracts and orders against the monthly average of the fiscal year.
pub fn year_end(packages: &[&Package], fiscal_year: i32) -> Result<YearEndRush, Missing> {
    super::needs(packages, &[Missing::ContractMonth])?;
    let mut found = YearEndRush {
        judged: 0,
        december: Rupiah::ZERO,
        year: Rupiah::ZERO,
        by_unit: Vec::new(),
    };
    let mut units: crate::hash::Map<&str, (u64, Rupiah, Rupiah)> = Default::default();
    for package in packages {
        let (Some(contract), Some(month)) = (package.amounts.komitmen, package.month) else {
            continue;
        };
        if month.year != fiscal_year {
            continue;
        }
        found.judged = found.judged.saturating_add(package.count);
        found.year = found.year.checked_add(contract).unwrap_or(found.year);
        let december = month.month == 12;
        if december {
            found.december = found
                .december
                .checked_add(contract)
                .unwrap_or(found.december);
        }
        if let Some(unit) = package.unit.as_deref() {
            let sums = units.entry(unit).or_default();
            sums.0 = sums.0.saturating_add(package.count);
            sums.2 = sums.2.checked_add(contract).unwrap_or(sums.2);
            if december {
                sums.1 = sums.1.checked_add(contract).unwrap_or(sums.1);
            }
        }
    }
    // A year whose data has not reached December says nothing of a December rush (a file as
    // of July would read as "December 0×").
    let reaches_december = packages.iter().any(|package| {
        package.amounts.komitmen.is_some()
            && package
                .month
                .is_some_and(|month| month.year == fiscal_year && month.month == 12)
    });
    if !reaches_december {
        return Err(Missing::December);
    }
    let mut by_unit: Vec<UnitRush> = units
        .into_iter()
        .filter(|(_, (packages, _, _))| *packages >= YearEndRush::MIN_PACKAGES)
        .map(|(unit, (packages, december, year))| UnitRush {
            unit: unit.to_owned(),
            packages,
            december,
            year,
        })
        .collect();
    // Highest December share of the year first, compared in integers.
    by_unit.sort_by(|a, b| {
        (i128::from(b.december.0) * i128::from(a.year.0))
            .cmp(&(i128::from(a.december.0) * i128::from(b.year.0)))
            .then_with(|| a.unit.cmp(&b.unit))
    });
    found.by_unit = by_unit;
    Ok(found)
}
