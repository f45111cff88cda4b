//! Legal thresholds built into the widget, with their citation.

/// A share the law or a circular sets, with where it is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    /// The share, in parts per million (exact, for money arithmetic).
    pub parts_per_million: i64,
    /// The citation, as printed.
    pub citation: &'static str,
}

impl Threshold {
    /// The share as a fraction in 0..=1.
    pub fn fraction(self) -> f64 {
        self.parts_per_million as f64 / 1_000_000.0
    }
}

/// PDN: 95% of APBN/APBD goods/services spending on domestic products (target for 2023).
pub const PDN_TARGET: Threshold = Threshold {
    parts_per_million: 950_000,
    citation: "SE Kepala LKPP 8/2023",
};

/// UMK-K: at least 40% of each agency's goods/services budget (a legal floor).
pub const UMKK_FLOOR: Threshold = Threshold {
    parts_per_million: 400_000,
    citation: "Perpres 12/2021 Pasal 65 ayat (3)",
};
