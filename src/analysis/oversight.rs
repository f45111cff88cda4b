//! Oversight indicators over package-level data: what an internal auditor (APIP) looks at first.
//! Each one points at packages to look at; none of them is a finding, and none proves an
//! irregularity. Each is computed only where the data has the fields it needs, and lists the
//! packages it flags with the fields that flagged them.
//!
//! The legal thresholds live in one table ([`THRESHOLDS`]) with their regulation, article and
//! dates of effect: a new regulation is one new row (docs/oversight.md lists them; a test keeps
//! the two in step).

use crate::model::{CivilDate, Method, Package, ProcurementType, Rupiah};

/// What a threshold limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The highest value a Pengadaan Langsung (direct purchase) may have.
    DirectPurchaseCeiling,
    /// Packages up to this value are reserved for small businesses and cooperatives.
    SmallBusinessReservation,
}

/// One legal threshold: what it limits, for which types, how much, from and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub rule: Rule,
    /// The procurement types it applies to.
    pub types: &'static [ProcurementType],
    /// The amount, in rupiah.
    pub amount: i64,
    /// First day in force (`None`: before any data).
    pub from: Option<(i32, u8, u8)>,
    /// Last day in force (`None`: still in force).
    pub until: Option<(i32, u8, u8)>,
    /// The regulation and article, as cited.
    pub basis: &'static str,
}

use ProcurementType::{Barang, JasaKonsultansi, JasaLainnya, PekerjaanKonstruksi};

/// Every threshold the indicators use (Perpres 16/2018 as amended by Perpres 12/2021 and
/// Perpres 46/2025, in force from 30 April 2025).
pub const THRESHOLDS: &[Threshold] = &[
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[Barang, JasaLainnya],
        amount: 200_000_000,
        from: None,
        until: None,
        basis: "Perpres 16/2018 jo. 12/2021, Pasal 38 ayat (3) dan Pasal 1 angka 40",
    },
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[PekerjaanKonstruksi],
        amount: 200_000_000,
        from: None,
        until: Some((2025, 4, 29)),
        basis: "Perpres 16/2018 jo. 12/2021, Pasal 38 ayat (3) dan Pasal 1 angka 40",
    },
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[PekerjaanKonstruksi],
        amount: 400_000_000,
        from: Some((2025, 4, 30)),
        until: None,
        basis: "Perpres 46/2025, Pasal 1 angka 40a",
    },
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[JasaKonsultansi],
        amount: 100_000_000,
        from: None,
        until: None,
        basis: "Perpres 16/2018 jo. 12/2021, Pasal 41 ayat (3)",
    },
    Threshold {
        rule: Rule::SmallBusinessReservation,
        types: &[Barang, PekerjaanKonstruksi, JasaLainnya],
        amount: 15_000_000_000,
        from: None,
        until: None,
        basis: "Perpres 16/2018 jo. 12/2021, Pasal 65 ayat (4)-(5)",
    },
];

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

/// Which value of a package an indicator judged: the most advanced stage the data has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueUsed {
    /// The contract value (komitmen).
    Contract,
    /// The planned value (pagu, rencana).
    Planned,
}

/// The value an indicator judges a package by, and which one it is.
pub fn judged_value(package: &Package) -> Option<(Rupiah, ValueUsed)> {
    match (package.amounts.komitmen, package.amounts.rencana) {
        (Some(contract), _) => Some((contract, ValueUsed::Contract)),
        (None, Some(planned)) => Some((planned, ValueUsed::Planned)),
        (None, None) => None,
    }
}

/// A package an indicator flags, with what flagged it.
#[derive(Debug, Clone, PartialEq)]
pub struct Flagged<'a> {
    pub package: &'a Package,
    /// The value judged.
    pub value: Rupiah,
    pub used: ValueUsed,
    /// The threshold it was judged against, where one applies.
    pub threshold: Option<&'static Threshold>,
}

/// Why an indicator could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No package has a method.
    Method,
    /// No package has a procurement type.
    Type,
    /// No package has a value.
    Value,
    /// No package states whether it is reserved for small businesses.
    SmallBusinessFlag,
}

/// Direct purchases above the ceiling for their type and date.
#[derive(Debug, Clone, PartialEq)]
pub struct AboveCeiling<'a> {
    /// Direct purchases with a type, a value and a ceiling that applies.
    pub judged: u64,
    pub flagged: Vec<Flagged<'a>>,
}

/// Pengadaan Langsung packages above their ceiling; `Err` names what the data lacks.
pub fn above_ceiling<'a>(packages: &[&'a Package]) -> Result<AboveCeiling<'a>, Missing> {
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
            found.flagged.push(Flagged {
                package,
                value,
                used,
                threshold: Some(ceiling),
            });
        }
    }
    Ok(found)
}

/// Packages bunching just under a ceiling: in (90%, 100%] of it against (80%, 90%].
#[derive(Debug, Clone, PartialEq)]
pub struct Bunching<'a> {
    /// Packages just under (90%, 100%] and below that (80%, 90%].
    pub near: u64,
    pub below: u64,
    /// Packages by their value's share of their ceiling, in 5% bins from 50% to 150%: bin `i`
    /// holds (50 + 5i %, 55 + 5i %].
    pub bins: [u64; 20],
    /// Units with at least [`Bunching::MIN_PACKAGES`] packages in (80%, 100%]: name, near, below.
    pub by_unit: Vec<(String, u64, u64)>,
    /// The packages just under.
    pub flagged: Vec<Flagged<'a>>,
}

impl Bunching<'_> {
    /// Packages in (80%, 100%] of the ceiling a unit needs before its ratio says anything.
    pub const MIN_PACKAGES: u64 = 10;

    /// `near / below`, when there is anything below.
    pub fn ratio(near: u64, below: u64) -> Option<f64> {
        (below > 0).then(|| near as f64 / below as f64)
    }
}

/// Values just under the direct-purchase ceiling of their type, over every package with a type
/// and a value (possible package splitting, Pasal 20 ayat (2) huruf d).
pub fn bunching<'a>(packages: &[&'a Package]) -> Result<Bunching<'a>, Missing> {
    needs(packages, &[Missing::Type, Missing::Value])?;
    let mut found = Bunching {
        near: 0,
        below: 0,
        bins: [0; 20],
        by_unit: Vec::new(),
        flagged: Vec::new(),
    };
    let mut units: crate::hash::Map<&str, (u64, u64)> = Default::default();
    for package in packages {
        let (Some(kind), Some((value, used))) = (package.kind, judged_value(package)) else {
            continue;
        };
        let Some(ceiling) = threshold(Rule::DirectPurchaseCeiling, kind, day_of(package)) else {
            continue;
        };
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
            found.flagged.push(Flagged {
                package,
                value,
                used,
                threshold: Some(ceiling),
            });
        } else if below {
            found.below = found.below.saturating_add(package.count);
            units.entry(unit).or_default().1 += package.count;
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
    Ok(found)
}

/// Penunjukan Langsung and Dikecualikan as shares of packages and of value.
#[derive(Debug, Clone, PartialEq)]
pub struct NonCompetitive<'a> {
    /// Packages and value of every package with a method and a value.
    pub packages: u64,
    pub value: Rupiah,
    /// Of which by direct appointment, and excluded.
    pub appointed: (u64, Rupiah),
    pub excluded: (u64, Rupiah),
    pub flagged: Vec<Flagged<'a>>,
}

/// Non-competitive methods (Pasal 38 ayat (5) names the lawful grounds of direct appointment).
pub fn non_competitive<'a>(packages: &[&'a Package]) -> Result<NonCompetitive<'a>, Missing> {
    needs(packages, &[Missing::Method, Missing::Value])?;
    let mut found = NonCompetitive {
        packages: 0,
        value: Rupiah::ZERO,
        appointed: (0, Rupiah::ZERO),
        excluded: (0, Rupiah::ZERO),
        flagged: Vec::new(),
    };
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
        let sum = match method {
            Method::PenunjukanLangsung => &mut found.appointed,
            Method::Dikecualikan => &mut found.excluded,
            _ => continue,
        };
        add(sum, package, value);
        found.flagged.push(Flagged {
            package,
            value,
            used,
            threshold: None,
        });
    }
    Ok(found)
}

/// Packages that could be reserved for small businesses but are marked otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct NotReserved<'a> {
    /// Packages up to the reservation threshold, of its types, that state their flag.
    pub judged: u64,
    /// Marked not for small businesses, with a stated reason and without one.
    pub with_reason: Vec<Flagged<'a>>,
    pub without_reason: Vec<Flagged<'a>>,
}

/// Packages up to Rp15 miliar of goods, works and other services not marked for small
/// businesses (Pasal 65 ayat (4)-(5)), with and without a stated reason.
pub fn not_reserved<'a>(packages: &[&'a Package]) -> Result<NotReserved<'a>, Missing> {
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
        let flagged = Flagged {
            package,
            value,
            used,
            threshold: Some(limit),
        };
        match package.non_ukm_reason {
            Some(_) => found.with_reason.push(flagged),
            None => found.without_reason.push(flagged),
        }
    }
    Ok(found)
}

/// `Err` with the first field of `needed` that no package has.
fn needs(packages: &[&Package], needed: &[Missing]) -> Result<(), Missing> {
    for missing in needed {
        let present = packages.iter().any(|package| match missing {
            Missing::Method => package.method.is_some(),
            Missing::Type => package.kind.is_some(),
            Missing::Value => judged_value(package).is_some(),
            Missing::SmallBusinessFlag => package.umkk.is_some(),
        });
        if !present {
            return Err(*missing);
        }
    }
    Ok(())
}
