//! Money as whole rupiah (integers), never floating point.

use std::fmt;

/// An amount of money in whole units of the dataset's currency (for IDR: rupiah).
///
/// Sums are checked: an overflow is a data problem to report, not a wrap-around.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rupiah(pub i64);

impl Rupiah {
    /// Zero rupiah.
    pub const ZERO: Rupiah = Rupiah(0);

    /// The amount as a float, for drawing only (pixels), never for arithmetic on money.
    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }

    /// Adds two amounts, `None` on overflow.
    pub fn checked_add(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_add(other.0).map(Rupiah)
    }

    /// Subtracts, `None` on overflow.
    pub fn checked_sub(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_sub(other.0).map(Rupiah)
    }

    /// Sums amounts exactly; `None` if the sum overflows.
    pub fn checked_sum<I: IntoIterator<Item = Rupiah>>(amounts: I) -> Option<Rupiah> {
        amounts
            .into_iter()
            .try_fold(Rupiah::ZERO, |sum, amount| sum.checked_add(amount))
    }

    /// `share` of this amount (a fraction in 0..=1 given as parts per million), rounded
    /// half away from zero. Used for "40% of the budget" without floating point.
    pub fn times_ppm(self, parts_per_million: i64) -> Rupiah {
        let product = i128::from(self.0) * i128::from(parts_per_million);
        let rounded = (product + product.signum() * 500_000) / 1_000_000;
        Rupiah(i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX }))
    }
}

impl fmt::Display for Rupiah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A share (fraction) of a whole, always within 0..=1.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Share(f64);

impl Share {
    /// `part / whole`, or `None` when the whole is not positive. Clamped into 0..=1.
    pub fn of(part: Rupiah, whole: Rupiah) -> Option<Share> {
        if whole.0 <= 0 {
            return None;
        }
        let ratio = part.0 as f64 / whole.0 as f64;
        Share::new(ratio)
    }

    /// A share from a fraction; `None` for NaN, clamped into 0..=1 otherwise.
    pub fn new(fraction: f64) -> Option<Share> {
        if fraction.is_nan() {
            return None;
        }
        Some(Share(fraction.clamp(0.0, 1.0)))
    }

    /// The fraction in 0..=1.
    pub fn fraction(self) -> f64 {
        self.0
    }

    /// The share as a percentage in 0..=100.
    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_exact_and_overflow_is_reported() {
        let amounts = [Rupiah(20_675_000_000_000), Rupiah(1), Rupiah(-1)];
        assert_eq!(
            Rupiah::checked_sum(amounts),
            Some(Rupiah(20_675_000_000_000))
        );
        assert_eq!(Rupiah::checked_sum([Rupiah(i64::MAX), Rupiah(1)]), None);
    }

    #[test]
    fn percentage_of_money_rounds_half_away_from_zero() {
        // 40% of Rp4 T
        assert_eq!(
            Rupiah(4_000_000_000_000).times_ppm(400_000),
            Rupiah(1_600_000_000_000)
        );
        assert_eq!(Rupiah(5).times_ppm(500_000), Rupiah(3));
        assert_eq!(Rupiah(i64::MAX).times_ppm(2_000_000), Rupiah(i64::MAX));
    }

    #[test]
    fn share_needs_a_positive_whole_and_stays_in_range() {
        assert_eq!(Share::of(Rupiah(1), Rupiah(0)), None);
        assert_eq!(
            Share::of(Rupiah(5), Rupiah(4)).map(Share::fraction),
            Some(1.0)
        );
        assert_eq!(
            Share::of(Rupiah(-5), Rupiah(4)).map(Share::fraction),
            Some(0.0)
        );
        assert_eq!(Share::new(f64::NAN), None);
    }
}
