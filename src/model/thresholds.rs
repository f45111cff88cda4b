//! Every legal threshold the widget judges by, one type for all, each with its regulation and
//! article and, where it changed, its dates of effect: the direct-purchase ceilings and the
//! small-business reservation (a table by date, docs/oversight.md lists it and a test keeps the
//! two in step) and the local-content shares (PDN, UMK-K).

use super::ProcurementType;

/// What a threshold limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The highest value a Pengadaan Langsung (direct purchase) may have.
    DirectPurchaseCeiling,
    /// Packages up to this value are reserved for small businesses and cooperatives.
    SmallBusinessReservation,
    /// The share of goods/services spending on domestic products (PDN) aimed at.
    DomesticProductTarget,
    /// The least share of goods/services budgets for micro and small businesses (UMK-K).
    SmallBusinessFloor,
}

/// What a threshold's amount counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Whole rupiah (a ceiling, a reservation).
    Rupiah,
    /// Parts per million of a whole (a share: 950.000 is 95%), exact for money arithmetic.
    PartsPerMillion,
}

/// One legal threshold: what it limits, for which types, how much, from and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    /// What it limits.
    pub rule: Rule,
    /// The procurement types it applies to.
    pub types: &'static [ProcurementType],
    /// The amount, in its unit.
    pub amount: i64,
    /// What the amount counts.
    pub unit: Unit,
    /// First day in force (`None`: before any data).
    pub from: Option<(i32, u8, u8)>,
    /// Last day in force (`None`: still in force).
    pub until: Option<(i32, u8, u8)>,
    /// The regulation and article, as cited.
    pub basis: &'static str,
}

use ProcurementType::{Barang, JasaKonsultansi, JasaLainnya, PekerjaanKonstruksi};

/// The first day the table covers: SiRUP holds plans from 2015; a package judged on an earlier
/// day finds no threshold and is counted as not judged.
pub const TABLE_STARTS: (i32, u8, u8) = (2015, 1, 1);

/// Every threshold the indicators use, from 1 January 2015: Perpres 54/2010 as amended (by
/// Perpres 70/2012 and 4/2015) until 30 June 2018; Perpres 16/2018 from 1 July 2018, as amended
/// by Perpres 12/2021 (promulgated and in force 2 February 2021) and Perpres 46/2025 (in force
/// 30 April 2025). docs/oversight.md cites each row and says how it was checked.
pub const THRESHOLDS: &[Threshold] = &[
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[Barang, PekerjaanKonstruksi, JasaLainnya],
        unit: Unit::Rupiah,
        amount: 200_000_000,
        from: Some(TABLE_STARTS),
        until: Some((2018, 6, 30)),
        basis: "Perpres 54/2010 jo. 70/2012, Pasal 39 ayat (1)",
    },
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[JasaKonsultansi],
        unit: Unit::Rupiah,
        amount: 50_000_000,
        from: Some(TABLE_STARTS),
        until: Some((2018, 6, 30)),
        basis: "Perpres 54/2010 jo. 70/2012, Pasal 45 ayat (1)",
    },
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[Barang, JasaLainnya],
        unit: Unit::Rupiah,
        amount: 200_000_000,
        from: Some((2018, 7, 1)),
        until: None,
        basis: "Perpres 16/2018 jo. 12/2021, Pasal 38 ayat (3) dan Pasal 1 angka 40",
    },
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[PekerjaanKonstruksi],
        unit: Unit::Rupiah,
        amount: 200_000_000,
        from: Some((2018, 7, 1)),
        until: Some((2025, 4, 29)),
        basis: "Perpres 16/2018 jo. 12/2021, Pasal 38 ayat (3) dan Pasal 1 angka 40",
    },
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[PekerjaanKonstruksi],
        unit: Unit::Rupiah,
        amount: 400_000_000,
        from: Some((2025, 4, 30)),
        until: None,
        basis: "Perpres 46/2025, Pasal 1 angka 40a",
    },
    Threshold {
        rule: Rule::DirectPurchaseCeiling,
        types: &[JasaKonsultansi],
        unit: Unit::Rupiah,
        amount: 100_000_000,
        from: Some((2018, 7, 1)),
        until: None,
        basis: "Perpres 16/2018 jo. 12/2021, Pasal 41 ayat (3)",
    },
    Threshold {
        rule: Rule::SmallBusinessReservation,
        types: &[Barang, PekerjaanKonstruksi, JasaLainnya],
        unit: Unit::Rupiah,
        amount: 2_500_000_000,
        from: Some(TABLE_STARTS),
        until: Some((2018, 6, 30)),
        basis: "Perpres 54/2010 jo. 70/2012, Pasal 100 ayat (3)",
    },
    Threshold {
        rule: Rule::SmallBusinessReservation,
        types: &[Barang, PekerjaanKonstruksi, JasaLainnya],
        unit: Unit::Rupiah,
        amount: 2_500_000_000,
        from: Some((2018, 7, 1)),
        until: Some((2021, 2, 1)),
        basis: "Perpres 16/2018, Pasal 65 ayat (4)",
    },
    Threshold {
        rule: Rule::SmallBusinessReservation,
        types: &[Barang, PekerjaanKonstruksi, JasaLainnya],
        unit: Unit::Rupiah,
        amount: 15_000_000_000,
        from: Some((2021, 2, 2)),
        until: None,
        basis: "Perpres 16/2018 jo. 12/2021, Pasal 65 ayat (4)-(5)",
    },
];

impl Threshold {
    /// A share threshold as a fraction in 0..=1 (a money threshold's is meaningless).
    pub fn fraction(self) -> f64 {
        self.amount as f64 / 1_000_000.0
    }
}

/// Every type of procurement (a share threshold holds for all).
const ALL_TYPES: &[ProcurementType] = &[Barang, PekerjaanKonstruksi, JasaLainnya, JasaKonsultansi];

/// PDN: 95% of APBN/APBD goods/services spending on domestic products (the target stated for
/// 2023; later years not confirmed, so it is not dated).
pub const PDN_TARGET: Threshold = Threshold {
    rule: Rule::DomesticProductTarget,
    types: ALL_TYPES,
    amount: 950_000,
    unit: Unit::PartsPerMillion,
    from: None,
    until: None,
    basis: "SE Kepala LKPP 8/2023",
};

/// UMK-K: at least 40% of each agency's goods/services budget (a legal floor).
pub const UMKK_FLOOR: Threshold = Threshold {
    rule: Rule::SmallBusinessFloor,
    types: ALL_TYPES,
    amount: 400_000,
    unit: Unit::PartsPerMillion,
    from: None,
    until: None,
    basis: "Perpres 12/2021 Pasal 65 ayat (3)",
};
